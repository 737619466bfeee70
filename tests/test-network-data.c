/* test-network-data.c — the network plugin's advice file, rules, report tables and nmap XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <libintl.h>

#include <string.h>

#include "wb-init.h"
#include "wb-network-advice.h"
#include "wb-network-hosts.h"
#include "wb-network-xml.h"

/* A small office as the scan might see it: a printer with Telnet and a web page, a NAS
 * with SMB1 and a self-signed certificate, a PC with RDP, an FTP server that lets anyone
 * in, a server with MySQL, a switch answering SNMP "public", and a host with nothing open
 * (and a closed Telnet port, which must not count). */
static const char hosts_json[] =
  "[{\"address\":\"198.18.0.20\",\"state\":\"up\",\"mac\":\"02:00:00:00:00:14\",\"ports\":["
  "  {\"protocol\":\"tcp\",\"port\":23,\"state\":\"open\",\"service\":\"telnet\","
  "   \"banner\":\"HP JetDirect\"},"
  "  {\"protocol\":\"tcp\",\"port\":80,\"state\":\"open\",\"service\":\"http\","
  "   \"http\":{\"status\":200,\"title\":\"HP LaserJet M402 - Embedded Web Server\"}}]},"
  " {\"address\":\"198.18.0.10\",\"state\":\"up\",\"ports\":["
  "  {\"protocol\":\"tcp\",\"port\":445,\"state\":\"open\",\"service\":\"microsoft-ds\","
  "   \"smb\":{\"smb1\":true,\"dialect\":\"2.1\"}},"
  "  {\"protocol\":\"tcp\",\"port\":443,\"state\":\"open\",\"service\":\"https\","
  "   \"tls\":{\"version\":\"TLS 1.0\",\"subject\":\"CN=nas\",\"issuer\":\"CN=nas\","
  "            \"not_after\":\"2020-01-01T00:00:00Z\",\"self_signed\":true,\"expired\":true}},"
  "  {\"protocol\":\"tcp\",\"port\":8443,\"state\":\"open\",\"service\":\"https-alt\","
  "   \"tls\":{\"version\":\"TLS 1.3\",\"old_offered\":\"TLS 1.1\",\"subject\":\"CN=nas\","
  "            \"issuer\":\"CN=Lab CA\",\"self_signed\":false,\"expired\":false}}]},"
  " {\"address\":\"198.18.0.30\",\"state\":\"up\",\"ports\":["
  "  {\"protocol\":\"tcp\",\"port\":3389,\"state\":\"open\",\"service\":\"ms-wbt-server\","
  "   \"rdp\":{\"protocol\":\"nla\"}}]},"
  " {\"address\":\"198.18.0.40\",\"state\":\"up\",\"ports\":["
  "  {\"protocol\":\"tcp\",\"port\":21,\"state\":\"open\",\"service\":\"ftp\","
  "   \"product\":\"vsftpd\",\"version\":\"3.0.3\",\"banner\":\"220 (vsFTPd 3.0.3)\","
  "   \"ftp_anonymous\":true},"
  "  {\"protocol\":\"tcp\",\"port\":3306,\"state\":\"open\",\"service\":\"mysql\"}]},"
  " {\"address\":\"198.18.0.50\",\"state\":\"up\",\"ports\":["
  "  {\"protocol\":\"udp\",\"port\":161,\"state\":\"open\",\"service\":\"snmp\","
  "   \"detail\":{\"version\":\"v1\",\"community\":\"public\",\"sysdescr\":\"Switch\"}}]},"
  " {\"address\":\"198.18.0.55\",\"state\":\"up\",\"ports\":["
  "  {\"protocol\":\"tcp\",\"port\":5900,\"state\":\"open\",\"service\":\"vnc\","
  "   \"product\":\"VNC\",\"version\":\"003.008\",\"vnc\":{\"no_auth\":true}}]},"
  " {\"address\":\"198.18.0.60\",\"state\":\"up\",\"ports\":["
  "  {\"protocol\":\"tcp\",\"port\":23,\"state\":\"closed\"}]}]";

static GHashTable *
load_advice (void)
{
  g_autofree char *path = g_build_filename (WB_SOURCE_ROOT, "plugins", "network",
                                            "advice.json", NULL);
  g_autoptr(GError) error = NULL;
  GHashTable *checks = wb_network_advice_load (path, &error);

  g_assert_no_error (error);
  return checks;
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_advice_file (void)
{
  g_autoptr(GHashTable) checks = load_advice ();

  for (guint i = 0; wb_network_check_ids ()[i] != NULL; i++)
    {
      WbNetworkCheck *check = g_hash_table_lookup (checks, wb_network_check_ids ()[i]);

      g_assert_nonnull (check);
      g_assert_true (wb_check_id_is_valid (check->check_id));
      g_assert_cmpstr (check->advice->step, !=, "");
    }
}

static void
expect_broken (const char *json, const char *problem)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) checks = wb_network_advice_load_data (json, -1, "advice.json", &error);

  g_assert_null (checks);
  g_assert_nonnull (error);
  /* The message names the file and says what is wrong. */
  g_assert_nonnull (strstr (error->message, "advice.json"));
  if (strstr (error->message, problem) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, problem);
}

static void
test_advice_broken (void)
{
  g_autofree char *path = g_build_filename (WB_SOURCE_ROOT, "plugins", "network",
                                            "advice.json", NULL);
  g_autofree char *good = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) edited = NULL;

  g_assert_true (g_file_get_contents (path, &good, NULL, NULL));
  expect_broken ("{", "advice.json");
  expect_broken ("[]", "object");
  expect_broken ("{\"version\":2,\"checks\":{}}", "version 2");
  expect_broken ("{\"version\":1,\"checks\":{}}", "network.telnet-open");
  expect_broken ("{\"version\":1,\"checks\":{\"network.bogus\":{}}}", "network.bogus");
  expect_broken ("{\"version\":1,\"checks\":{},\"extra\":1}", "extra");
  /* One bad value in an otherwise good file. */
  edited = g_string_new (good);
  g_assert_cmpuint (g_string_replace (edited, "\"severity\": \"high\"", "\"severity\": \"dire\"",
                                      1), ==, 1);
  expect_broken (edited->str, "dire");
  g_string_assign (edited, good);
  g_assert_cmpuint (g_string_replace (edited, "\"effort\": 2", "\"effort\": 7", 1), ==, 1);
  expect_broken (edited->str, "effort");
  g_assert_null (wb_network_advice_load ("/nonexistent/advice.json", &error));
  g_assert_nonnull (strstr (error->message, "/nonexistent/advice.json"));
}

/* Every English text of advice.json has a Dutch translation: asked of gettext itself,
 * through the build's compiled catalogue (WERKBANK_LOCALEDIR), so the test reads po/nl.po
 * exactly as the program does. */
static void
test_advice_translated (void)
{
  g_autoptr(GHashTable) checks = load_advice ();
  const char *localedir = g_getenv ("WERKBANK_LOCALEDIR");
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  GHashTableIter iter;
  WbNetworkCheck *check;

  if (localedir == NULL)
    {
      g_test_skip ("WERKBANK_LOCALEDIR is not set: no compiled catalogue to ask");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  g_setenv ("LANGUAGE", "nl", TRUE);
  g_hash_table_iter_init (&iter, checks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &check))
    {
      const char *texts[] = { check->title, check->severity_reason, check->advice->risk,
                              check->advice->step };

      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, texts[i]), texts[i]) == 0)
          g_error ("%s: no Dutch for “%s” in po/nl.po", check->check_id, texts[i]);
    }
  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static WbFinding *
find (GPtrArray *findings, const char *check_id)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (wb_finding_get_check_id (findings->pdata[i]), check_id))
      return findings->pdata[i];
  return NULL;
}

static gboolean
has_asset (WbFinding *finding, const char *asset)
{
  return g_strv_contains (wb_finding_get_assets (finding), asset);
}

static void
test_rules (void)
{
  g_autoptr(GHashTable) checks = load_advice ();
  g_autoptr(JsonNode) hosts = parse (hosts_json);
  g_autoptr(GPtrArray) findings = NULL;
  const char *expected[] = {
    "network.telnet-open", "network.ftp-anonymous", "network.ftp-open", "network.smbv1",
    "network.rdp-exposed", "network.vnc-open", "network.database-exposed",
    "network.snmp-public",
    "network.admin-web-page", "network.tls-old", "network.tls-cert-expired",
    "network.tls-cert-self-signed",
  };
  WbFinding *finding;

  g_assert_true (wb_hosts_validate (hosts, NULL, NULL));
  findings = wb_network_rules_apply (json_node_get_array (hosts), checks, NULL);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      finding = find (findings, expected[i]);
      g_assert_nonnull (finding);
      /* Every finding has advice to act on, and the quiet host is never named. */
      g_assert_nonnull (wb_finding_get_advice (finding)->step);
      g_assert_false (has_asset (finding, "198.18.0.60"));
      g_assert_nonnull (wb_finding_get_evidence (finding)[0]);
    }
  finding = find (findings, "network.telnet-open");
  g_assert_true (has_asset (finding, "198.18.0.20"));
  g_assert_cmpuint (g_strv_length ((char **) wb_finding_get_assets (finding)), ==, 1);
  g_assert_nonnull (strstr (wb_finding_get_evidence (finding)[0], "HP JetDirect"));
  g_assert_cmpint (wb_finding_get_severity (finding), ==, WB_SEVERITY_HIGH);
  g_assert_cmpint (wb_finding_get_confidence (finding), ==, WB_CONFIDENCE_AUTOMATED);
  g_assert_nonnull (wb_finding_get_severity_reason (finding));
  g_assert_true (has_asset (find (findings, "network.ftp-anonymous"), "198.18.0.40"));
  g_assert_true (has_asset (find (findings, "network.smbv1"), "198.18.0.10"));
  g_assert_true (has_asset (find (findings, "network.snmp-public"), "198.18.0.50"));
  /* Recognised from a page title only: low confidence. */
  finding = find (findings, "network.admin-web-page");
  g_assert_true (has_asset (finding, "198.18.0.20"));
  g_assert_cmpint (wb_finding_get_confidence (finding), ==, WB_CONFIDENCE_BANNER);
  /* Old TLS: negotiated on one port, still accepted on request on another. */
  finding = find (findings, "network.tls-old");
  g_assert_cmpuint (g_strv_length ((char **) wb_finding_get_evidence (finding)), ==, 2);
  g_assert_nonnull (strstr (wb_finding_get_evidence (finding)[1], "TLS 1.1"));
  finding = find (findings, "network.vnc-open");
  g_assert_nonnull (strstr (wb_finding_get_evidence (finding)[0], "without a password"));
  g_assert_null (find (findings, "network.scan-incomplete"));
}

static void
test_rules_incomplete_and_empty (void)
{
  g_autoptr(GHashTable) checks = load_advice ();
  g_autoptr(JsonArray) empty = json_array_new ();
  g_autoptr(GPtrArray) none = wb_network_rules_apply (empty, checks, NULL);
  g_autoptr(GPtrArray) partial = wb_network_rules_apply (empty, checks, "capture failed");

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (partial->len, ==, 1);
  g_assert_cmpstr (wb_finding_get_check_id (partial->pdata[0]), ==, "network.scan-incomplete");
}

static void
test_validate (void)
{
  g_autoptr(WbScope) scope = wb_scope_new ();
  g_autoptr(JsonNode) good = parse (hosts_json);
  const char *bad[] = {
    "{}",
    "[{\"address\":\"not-an-ip\",\"state\":\"up\",\"ports\":[]}]",
    "[{\"address\":\"198.18.0.1\",\"state\":\"up\"}]",
    "[{\"address\":\"198.18.0.1\",\"state\":\"up\",\"ports\":[{\"protocol\":\"tcp\","
    "\"port\":70000,\"state\":\"open\"}]}]",
    "[{\"address\":\"198.18.0.1\",\"state\":\"up\",\"ports\":[{\"protocol\":\"sctp\","
    "\"port\":7,\"state\":\"open\"}]}]",
    "[{\"address\":\"198.18.0.1\",\"state\":\"up\",\"surprise\":1,\"ports\":[]}]",
    "[{\"address\":\"198.18.0.1\",\"state\":\"up\",\"ports\":[{\"protocol\":\"tcp\","
    "\"port\":443,\"state\":\"open\",\"tls\":{\"expired\":\"yes\"}}]}]",
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (wb_scope_add (scope, "198.18.0.0/26", NULL));
  g_assert_true (wb_hosts_validate (good, scope, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = parse (bad[i]);

      g_assert_false (wb_hosts_validate (node, NULL, NULL));
    }
  /* Outside the scope: refused with the scope's error. */
  g_assert_true (wb_scope_exclude (scope, "198.18.0.20", NULL));
  g_assert_false (wb_hosts_validate (good, scope, &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE);
}

static void
test_report_sections (void)
{
  g_autoptr(JsonNode) hosts = parse (hosts_json);
  g_autoptr(JsonNode) sections = wb_network_report_sections (json_node_get_array (hosts));
  JsonArray *list = json_node_get_array (sections);
  JsonObject *services = json_array_get_object_element (list, 0);
  JsonObject *tls = json_array_get_object_element (list, 1);
  JsonArray *rows = json_object_get_array_member (services, "rows");
  gboolean quiet_listed = FALSE;

  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (services, "columns")),
                    ==, 5);
  /* One row per open port (10), and one for the host without open ports. */
  g_assert_cmpuint (json_array_get_length (rows), ==, 11);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);

      g_assert_cmpuint (json_array_get_length (row), ==, 5);
      if (g_str_equal (json_array_get_string_element (row, 0), "198.18.0.60"))
        quiet_listed = TRUE;
    }
  g_assert_true (quiet_listed);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tls, "rows")), ==, 2);
}

static void
test_xml_round_trip (void)
{
  g_autoptr(JsonNode) hosts = parse (hosts_json);
  g_autoptr(WbScope) scope = wb_scope_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(JsonArray) back = NULL;
  g_autoptr(JsonNode) back_node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *again = NULL;

  g_assert_true (wb_scope_add (scope, "198.18.0.0/24", NULL));
  wb_hosts_sort (json_node_get_array (hosts));
  xml = wb_nmap_xml_export (json_node_get_array (hosts), 1795514400);
  g_assert_nonnull (strstr (xml, "<nmaprun scanner=\"werkbank\""));
  g_assert_nonnull (strstr (xml, "<port protocol=\"tcp\" portid=\"23\"><state state=\"open\""));
  back = wb_nmap_xml_import (xml, -1, scope, &error);
  g_assert_no_error (error);
  json_node_set_array (back_node, back);
  if (!json_node_equal (hosts, back_node))
    {
      g_autofree char *a = json_to_string (hosts, TRUE);
      g_autofree char *b = json_to_string (back_node, TRUE);

      g_error ("round trip differs:\n%s\n---\n%s", a, b);
    }
  /* Exporting what was imported gives the same XML. */
  again = wb_nmap_xml_export (back, 1795514400);
  g_assert_cmpstr (again, ==, xml);
}

static void
test_xml_nmap_fixture (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "nmap-lab.xml",
                                            NULL);
  g_autofree char *xml = NULL;
  g_autoptr(WbScope) scope = wb_scope_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) hosts = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(GHashTable) checks = load_advice ();
  g_autoptr(GPtrArray) findings = NULL;
  JsonObject *router, *ftp, *port;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  g_assert_true (wb_scope_add (scope, "198.18.0.0/24", NULL));
  hosts = wb_nmap_xml_import (xml, -1, scope, &error);
  g_assert_no_error (error);
  /* The down host is left out; the hosthint is not a host. */
  g_assert_cmpuint (json_array_get_length (hosts), ==, 2);
  json_node_set_array (node, hosts);
  g_assert_true (wb_hosts_validate (node, scope, NULL));
  router = json_array_get_object_element (hosts, 0);
  g_assert_cmpstr (json_object_get_string_member (router, "address"), ==, "198.18.0.1");
  g_assert_cmpstr (json_object_get_string_member (router, "mac"), ==, "02:00:00:00:00:01");
  g_assert_cmpstr (json_object_get_string_member (router, "method"), ==, "arp");
  port = wb_hosts_get_port (router, "tcp", 80);
  g_assert_cmpstr (json_object_get_string_member (port, "product"), ==, "lighttpd");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (port, "http"),
                                                  "title"), ==, "OpenWrt - LuCI");
  ftp = json_array_get_object_element (hosts, 1);
  port = wb_hosts_get_port (ftp, "tcp", 21);
  g_assert_cmpstr (json_object_get_string_member (port, "version"), ==, "3.0.3");
  g_assert_true (json_object_get_boolean_member (port, "ftp_anonymous"));
  g_assert_cmpstr (json_object_get_string_member (port, "banner"), ==, "220 (vsFTPd 3.0.3)");
  findings = wb_network_rules_apply (hosts, checks, NULL);
  g_assert_nonnull (find (findings, "network.ftp-anonymous"));
  g_assert_nonnull (find (findings, "network.telnet-open"));
  g_assert_nonnull (find (findings, "network.rdp-exposed"));
  g_assert_nonnull (find (findings, "network.admin-web-page"));
}

static void
expect_xml_error (const char *xml, gssize len, WbScope *scope, const char *problem)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) hosts = wb_nmap_xml_import (xml, len, scope, &error);

  g_assert_null (hosts);
  g_assert_nonnull (error);
  if (problem != NULL && strstr (error->message, problem) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, problem);
}

static void
test_xml_hostile (void)
{
  g_autoptr(WbScope) scope = wb_scope_new ();
  const char laughs[] =
    "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
    "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
    "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">]>"
    "<nmaprun><host><status state=\"up\"/><address addr=\"198.18.0.5\" addrtype=\"ipv4\"/>"
    "<ports><port protocol=\"tcp\" portid=\"80\"><script id=\"banner\" output=\"&lol2;\"/>"
    "</port></ports></host></nmaprun>";
  const char external[] =
    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
    "<nmaprun><host><status state=\"up\"/><address addr=\"198.18.0.5\" addrtype=\"ipv4\"/>"
    "<hostnames><hostname name=\"&e;\"/></hostnames></host></nmaprun>";
  const char outside[] =
    "<nmaprun><host><status state=\"up\"/><address addr=\"198.18.0.5\" addrtype=\"ipv4\"/>"
    "</host><host><status state=\"up\"/><address addr=\"192.0.2.7\" addrtype=\"ipv4\"/>"
    "</host></nmaprun>";
  const char bad_port[] =
    "<nmaprun><host><status state=\"up\"/><address addr=\"198.18.0.5\" addrtype=\"ipv4\"/>"
    "<ports><port protocol=\"tcp\" portid=\"99999\"/></ports></host></nmaprun>";
  const char twice[] =
    "<nmaprun><host><status state=\"up\"/><address addr=\"198.18.0.5\" addrtype=\"ipv4\"/>"
    "</host><host><status state=\"up\"/><address addr=\"198.18.0.5\" addrtype=\"ipv4\"/>"
    "</host></nmaprun>";
  g_autoptr(GString) deep = g_string_new ("<nmaprun>");
  g_autofree char *huge = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (wb_scope_add (scope, "198.18.0.0/24", NULL));
  expect_xml_error (laughs, -1, scope, "cannot be read");
  expect_xml_error (external, -1, scope, "cannot be read");
  expect_xml_error ("<html><body>hi</body></html>", -1, scope, "not nmap XML");
  expect_xml_error ("", 0, scope, "cannot be read");
  expect_xml_error ("<nmaprun><host>", -1, scope, "cannot be read");
  expect_xml_error ("<nmaprun>\xff\xfe</nmaprun>", -1, scope, "cannot be read");
  expect_xml_error (bad_port, -1, scope, "99999");
  expect_xml_error (twice, -1, scope, "twice");
  for (int i = 0; i < 100; i++)
    g_string_append (deep, "<a>");
  expect_xml_error (deep->str, deep->len, scope, "nested");
  huge = g_malloc (WB_NMAP_XML_MAX_BYTES + 2);
  memset (huge, ' ', WB_NMAP_XML_MAX_BYTES + 1);
  huge[WB_NMAP_XML_MAX_BYTES + 1] = '\0';
  expect_xml_error (huge, WB_NMAP_XML_MAX_BYTES + 1, scope, "larger");
  /* One host outside the agreement refuses the whole file, naming the address. */
  g_assert_null (wb_nmap_xml_import (outside, -1, scope, &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE);
  g_assert_nonnull (strstr (error->message, "192.0.2.7"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_assert_true (wb_init (NULL));
  g_test_add_func ("/network/advice/file", test_advice_file);
  g_test_add_func ("/network/advice/broken", test_advice_broken);
  g_test_add_func ("/network/advice/translated", test_advice_translated);
  g_test_add_func ("/network/rules/office", test_rules);
  g_test_add_func ("/network/rules/incomplete-and-empty", test_rules_incomplete_and_empty);
  g_test_add_func ("/network/hosts/validate", test_validate);
  g_test_add_func ("/network/report/sections", test_report_sections);
  g_test_add_func ("/network/xml/round-trip", test_xml_round_trip);
  g_test_add_func ("/network/xml/nmap-fixture", test_xml_nmap_fixture);
  g_test_add_func ("/network/xml/hostile", test_xml_hostile);
  return g_test_run ();
}

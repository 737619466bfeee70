/* test-patching.c — the patching rules: network banners and software lists → findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wb-init.h"
#include "wb-inventory.h"
#include "wb-patching-rules.h"

#define TODAY "2026-11-25"

static const char hosts_json[] =
  "[\n"
  " { \"address\": \"198.18.1.10\", \"state\": \"up\", \"hostnames\": [\"web.lab\"], \"ports\": [\n"
  "   { \"protocol\": \"tcp\", \"port\": 22, \"state\": \"open\", \"banner\": \"SSH-2.0-OpenSSH_9.6\" },\n"
  "   { \"protocol\": \"tcp\", \"port\": 80, \"state\": \"open\",\n"
  "     \"http\": { \"server\": \"Apache/2.4.62 (Debian)\", \"status\": 200 } } ] },\n"
  " { \"address\": \"198.18.1.11\", \"state\": \"up\", \"ports\": [\n"
  "   { \"protocol\": \"tcp\", \"port\": 3389, \"state\": \"open\",\n"
  "     \"extra\": \"Windows Server 2012 R2 Standard 9600\" } ] },\n"
  " { \"address\": \"198.18.1.12\", \"state\": \"up\", \"ports\": [\n"
  "   { \"protocol\": \"tcp\", \"port\": 22, \"state\": \"open\",\n"
  "     \"banner\": \"SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10\" } ] }\n"
  "]\n";

static const char winget_list[] =
  "Name                                      Id                         Version\n"
  "------------------------------------------------------------------------------\n"
  "Microsoft Office Professional Plus 2016   Microsoft.Office           16.0.4266.1001\n"
  "PHP 8.3                                   PHP.PHP.8.3                8.3.14\n"
  "Mozilla Firefox                           Mozilla.Firefox            132.0.2\n";

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
inventories (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbInventory) inventory = wb_inventory_parse (winget_list, strlen (winget_list),
                                                         WB_INVENTORY_FORMAT_AUTO, &error);
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  g_assert_no_error (error);
  json_array_add_element (array, wb_inventory_to_json (inventory, "pc-balie",
                                                       "2026-11-25T09:00:00Z"));
  json_node_take_array (node, array);
  return node;
}

static WbEolData *
load_eol (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "eol.json", NULL);
  g_autoptr(GError) error = NULL;
  WbEolData *eol = wb_eol_data_new_from_file (path, &error);

  g_assert_no_error (error);
  return eol;
}

static WbFinding *
find (GPtrArray *findings, const char *check_id, const char *asset)
{
  for (guint i = 0; i < findings->len; i++)
    {
      WbFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (wb_finding_get_check_id (finding), check_id) &&
          g_str_equal (wb_finding_get_assets (finding)[0], asset))
        return finding;
    }
  return NULL;
}

static void
test_assess (void)
{
  g_autoptr(WbEolData) eol = load_eol ();
  g_autoptr(JsonNode) hosts = parse_json (hosts_json);
  g_autoptr(JsonNode) lists = inventories ();
  g_autoptr(WbPatchingResult) result = wb_patching_assess (eol, hosts, lists, TODAY);
  JsonObject *score = json_node_get_object (result->score);
  JsonArray *sections = json_node_get_array (result->sections);
  JsonObject *software;
  WbFinding *ssh, *os, *office;

  /* OpenSSH 9.6 (CVE-2024-6387), Apache 2.4 (Debian), build 9600, OpenSSH Ubuntu,
   * Office 2016, PHP 8.3; Firefox is not in the data and is left out. */
  g_assert_cmpuint (result->n_checked, ==, 6);
  g_assert_cmpuint (result->findings->len, ==, 3);

  ssh = find (result->findings, "patching.eol-server-software", "198.18.1.10 (web.lab)");
  g_assert_nonnull (ssh);
  g_assert_cmpint (wb_finding_get_severity (ssh), ==, WB_SEVERITY_CRITICAL);
  g_assert_cmpint (wb_finding_get_confidence (ssh), ==, WB_CONFIDENCE_BANNER);
  g_assert_nonnull (strstr (wb_finding_get_evidence (ssh)[0], "CVE-2024-6387"));

  os = find (result->findings, "patching.unsupported-os", "198.18.1.11");
  g_assert_nonnull (os);
  g_assert_cmpint (wb_finding_get_advice (os)->priority, ==, WB_PRIORITY_NOW);
  g_assert_nonnull (strstr (wb_finding_get_evidence (os)[1], "2023-10-10"));

  office = find (result->findings, "patching.eol-software", "pc-balie");
  g_assert_nonnull (office);
  g_assert_cmpint (wb_finding_get_confidence (office), ==, WB_CONFIDENCE_STATED);
  g_assert_nonnull (strstr (wb_finding_get_title (office), "Office 2016"));
  g_assert_nonnull (strstr (wb_finding_get_evidence (office)[1], "2025-10-14"));

  /* The backported Ubuntu OpenSSH is not called outdated. */
  g_assert_null (find (result->findings, "patching.eol-server-software", "198.18.1.12"));

  /* Knock-out: the unsupported OS caps the score at red. */
  g_assert_cmpstr (json_object_get_string_member (score, "light"), ==, "red");
  g_assert_cmpint (json_object_get_int_member (score, "knockouts_failed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (score, "unknown"), ==, 1);

  g_assert_cmpuint (json_array_get_length (sections), ==, 2);
  software = json_array_get_object_element (sections, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (software, "rows")), ==, 6);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (software, "columns")), ==, 7);
}

static void
test_supported_only (void)
{
  g_autoptr(WbEolData) eol = load_eol ();
  g_autoptr(JsonNode) hosts = parse_json (
    "[ { \"address\": \"198.18.1.20\", \"ports\": [ { \"protocol\": \"tcp\", \"port\": 443,"
    "  \"http\": { \"server\": \"Microsoft-IIS/10.0\", \"powered_by\": \"PHP/8.4.1\" },"
    "  \"version\": \"10.0.20348\" } ] } ]");
  g_autoptr(WbPatchingResult) result = wb_patching_assess (eol, hosts, NULL, TODAY);
  JsonObject *score = json_node_get_object (result->score);

  /* Server 2022 by build, PHP 8.4, and IIS 10.0 on that server. */
  g_assert_cmpuint (result->findings->len, ==, 0);
  g_assert_cmpuint (result->n_checked, ==, 3);
  g_assert_cmpstr (json_object_get_string_member (score, "light"), ==, "green");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (result->sections)), ==, 1);
}

static void
test_bad_data (void)
{
  g_autoptr(WbEolData) eol = load_eol ();
  /* Data of the wrong shape is ignored, not a crash. */
  g_autoptr(JsonNode) hosts = parse_json ("[ 1, \"x\", { \"ports\": 5 }, { \"address\": 7,"
                                          " \"ports\": [ null, { \"banner\": 3 } ] } ]");
  g_autoptr(JsonNode) lists = parse_json ("[ { \"asset\": \"a\", \"items\": [ 1, {} ] }, 2 ]");
  g_autoptr(WbPatchingResult) result = wb_patching_assess (eol, hosts, lists, TODAY);
  g_autoptr(WbPatchingResult) empty = wb_patching_assess (eol, NULL, NULL, TODAY);

  g_assert_cmpuint (result->findings->len, ==, 0);
  g_assert_cmpuint (empty->n_checked, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (empty->score), "light"),
                   ==, "none");
}

static void
test_names (void)
{
  static const struct { const char *name, *version, *product, *lookup; } cases[] = {
    { "Microsoft Office Professional Plus 2019 - nl-nl", "16.0.10417.20020", "office", "2019" },
    { "Microsoft Exchange Server 2016 Cumulative Update 23", "15.1.2507.6", "exchange", "2016" },
    { "openssh-server", "1:9.2p1-2+deb12u3", "openssh", "1:9.2p1-2+deb12u3" },
    { "php8.2", "8.2.26-1~deb12u1", "php", "8.2.26-1~deb12u1" },
    { "MariaDB 10.6 (x64)", "10.6.20.0", "mariadb", "10.6.20.0" },
    { "Notepad++", "8.6", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *lookup = NULL;

      g_assert_cmpstr (wb_patching_product_for_name (cases[i].name, cases[i].version, &lookup),
                       ==, cases[i].product);
      g_assert_cmpstr (lookup, ==, cases[i].lookup);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  wb_init (NULL);
  g_test_add_func ("/patching/assess", test_assess);
  g_test_add_func ("/patching/supported-only", test_supported_only);
  g_test_add_func ("/patching/bad-data", test_bad_data);
  g_test_add_func ("/patching/names", test_names);
  return g_test_run ();
}

/* wb-network-hosts.c — the "hosts" data of the network plugin, and the rules on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "wb-finding.h"
#include "wb-network-advice.h"
#include "wb-network-hosts.h"
#include "wb-util-private.h"

/* ---- building ---- */

JsonObject *
wb_hosts_lookup_host (JsonArray *hosts, const char *address)
{
  for (guint i = 0; i < json_array_get_length (hosts); i++)
    {
      JsonObject *host = json_array_get_object_element (hosts, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (host, "address", NULL),
                     address) == 0)
        return host;
    }
  return NULL;
}

JsonObject *
wb_hosts_get_host (JsonArray *hosts, const char *address)
{
  JsonObject *host = wb_hosts_lookup_host (hosts, address);

  if (host != NULL)
    return host;
  host = json_object_new ();
  json_object_set_string_member (host, "address", address);
  json_object_set_string_member (host, "state", "up");
  json_object_set_array_member (host, "ports", json_array_new ());
  json_array_add_object_element (hosts, host);
  return host;
}

JsonObject *
wb_hosts_get_port (JsonObject *host, const char *protocol, gint64 number)
{
  JsonArray *ports = json_object_get_array_member (host, "ports");
  JsonObject *port;

  for (guint i = 0; i < json_array_get_length (ports); i++)
    {
      port = json_array_get_object_element (ports, i);
      if (json_object_get_int_member (port, "port") == number &&
          g_strcmp0 (json_object_get_string_member (port, "protocol"), protocol) == 0)
        return port;
    }
  port = json_object_new ();
  json_object_set_string_member (port, "protocol", protocol);
  json_object_set_int_member (port, "port", number);
  json_object_set_string_member (port, "state", "open");
  json_array_add_object_element (ports, port);
  return port;
}

/* Addresses compare as numbers (198.18.0.9 before 198.18.0.10), IPv4 before IPv6. */
static gint
compare_address (const char *a, const char *b)
{
  g_autoptr(GInetAddress) ia = g_inet_address_new_from_string (a);
  g_autoptr(GInetAddress) ib = g_inet_address_new_from_string (b);
  gsize la, lb;

  if (ia == NULL || ib == NULL)
    return g_strcmp0 (a, b);
  la = g_inet_address_get_native_size (ia);
  lb = g_inet_address_get_native_size (ib);
  if (la != lb)
    return la < lb ? -1 : 1;
  return memcmp (g_inet_address_to_bytes (ia), g_inet_address_to_bytes (ib), la);
}

static gint
compare_hosts (gconstpointer a, gconstpointer b)
{
  JsonObject *ha = json_node_get_object (*(JsonNode **) a);
  JsonObject *hb = json_node_get_object (*(JsonNode **) b);

  return compare_address (json_object_get_string_member (ha, "address"),
                          json_object_get_string_member (hb, "address"));
}

static gint
compare_ports (gconstpointer a, gconstpointer b)
{
  JsonObject *pa = json_node_get_object (*(JsonNode **) a);
  JsonObject *pb = json_node_get_object (*(JsonNode **) b);
  int c = g_strcmp0 (json_object_get_string_member (pa, "protocol"),
                     json_object_get_string_member (pb, "protocol"));
  gint64 na = json_object_get_int_member (pa, "port");
  gint64 nb = json_object_get_int_member (pb, "port");

  if (c != 0)
    return c;
  return na < nb ? -1 : na > nb;
}

/* JsonArray has no sort: take the nodes out, sort them, put them back. */
static void
sort_array (JsonArray *array, GCompareFunc compare)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  while (json_array_get_length (array) > 0)
    {
      g_ptr_array_add (nodes, json_node_ref (json_array_get_element (array, 0)));
      json_array_remove_element (array, 0);
    }
  g_ptr_array_sort (nodes, compare);
  for (guint i = 0; i < nodes->len; i++)
    json_array_add_element (array, json_node_ref (nodes->pdata[i]));
}

void
wb_hosts_sort (JsonArray *hosts)
{
  sort_array (hosts, compare_hosts);
  for (guint i = 0; i < json_array_get_length (hosts); i++)
    sort_array (json_object_get_array_member (json_array_get_object_element (hosts, i),
                                              "ports"), compare_ports);
}

/* ---- validation ---- */

static gboolean
check_strings (JsonObject *object, const char *what, const char * const *names,
               GError **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *value = NULL;

      if (!wb_json_get_string (object, what, names[i], FALSE, &value, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_object (JsonObject *parent, const char *member, const char * const *strings,
              const char * const *bools, const char * const *ints, GError **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) allowed = NULL;
  JsonObject *object;

  if (!json_object_has_member (parent, member))
    return TRUE;
  object = wb_json_get_object (json_object_get_member (parent, member), member, error);
  if (object == NULL)
    return FALSE;
  g_strv_builder_addv (builder, (const char **) strings);
  g_strv_builder_addv (builder, (const char **) bools);
  g_strv_builder_addv (builder, (const char **) ints);
  allowed = g_strv_builder_end (builder);
  if (!wb_json_check_members (object, member, (const char * const *) allowed, error) ||
      !check_strings (object, member, strings, error))
    return FALSE;
  for (guint i = 0; bools[i] != NULL; i++)
    {
      gboolean value;

      if (!wb_json_get_bool (object, member, bools[i], FALSE, &value, error))
        return FALSE;
    }
  for (guint i = 0; ints[i] != NULL; i++)
    {
      gint64 value;

      if (!wb_json_get_int (object, member, ints[i], FALSE, &value, error))
        return FALSE;
    }
  return TRUE;
}

/* The probe's UDP "detail": flat values only (strings, numbers, lists of strings). */
static gboolean
check_detail (JsonObject *port, GError **error)
{
  JsonObject *detail;
  g_autoptr(GList) members = NULL;

  if (!json_object_has_member (port, "detail"))
    return TRUE;
  detail = wb_json_get_object (json_object_get_member (port, "detail"), "detail", error);
  if (detail == NULL)
    return FALSE;
  members = json_object_get_members (detail);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (detail, l->data);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("detail: “%s” must not be an object."), (char *) l->data);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
validate_port (JsonNode *node, GError **error)
{
  static const char * const members[] = {
    "protocol", "port", "state", "service", "product", "version", "extra", "banner",
    "http", "tls", "ftp_anonymous", "smb", "rdp", "vnc", "detail", NULL
  };
  static const char * const texts[] = { "service", "product", "version", "extra", "banner",
                                        NULL };
  static const char * const http_strings[] = { "server", "powered_by", "title", "location",
                                               NULL };
  static const char * const http_ints[] = { "status", NULL };
  static const char * const tls_strings[] = { "version", "subject", "issuer", "not_after",
                                              "old_offered", NULL };
  static const char * const tls_bools[] = { "self_signed", "expired", NULL };
  static const char * const smb_strings[] = { "dialect", NULL };
  static const char * const smb_bools[] = { "smb1", NULL };
  static const char * const rdp_strings[] = { "protocol", NULL };
  static const char * const vnc_bools[] = { "no_auth", NULL };
  static const char * const none[] = { NULL };
  static const char * const states[] = { "open", "closed", "filtered", "open|filtered",
                                         NULL };
  JsonObject *port = wb_json_get_object (node, "port", error);
  g_autofree char *protocol = NULL, *state = NULL;
  gint64 number = 0;
  gboolean anonymous;

  if (port == NULL || !wb_json_check_members (port, "port", members, error) ||
      !wb_json_get_string (port, "port", "protocol", TRUE, &protocol, error) ||
      !wb_json_get_int (port, "port", "port", TRUE, &number, error) ||
      !wb_json_get_string (port, "port", "state", TRUE, &state, error) ||
      !check_strings (port, "port", texts, error) ||
      !wb_json_get_bool (port, "port", "ftp_anonymous", FALSE, &anonymous, error) ||
      !check_object (port, "http", http_strings, none, http_ints, error) ||
      !check_object (port, "tls", tls_strings, tls_bools, none, error) ||
      !check_object (port, "smb", smb_strings, smb_bools, none, error) ||
      !check_object (port, "rdp", rdp_strings, none, none, error) ||
      !check_object (port, "vnc", none, vnc_bools, none, error) ||
      !check_detail (port, error))
    return FALSE;
  if ((!g_str_equal (protocol, "tcp") && !g_str_equal (protocol, "udp")) ||
      number < 1 || number > 65535 || !g_strv_contains (states, state))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("port: protocol must be tcp or udp, the number 1–65535 and the state "
                     "open, closed or filtered."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_host (JsonNode *node, WbScope *scope, GError **error)
{
  static const char * const members[] = { "address", "state", "mac", "hostnames", "method",
                                          "ports", NULL };
  JsonObject *host = wb_json_get_object (node, "host", error);
  g_autofree char *address = NULL, *state = NULL, *mac = NULL, *method = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  JsonNode *ports;

  if (host == NULL || !wb_json_check_members (host, "host", members, error) ||
      !wb_json_get_string (host, "host", "address", TRUE, &address, error) ||
      !wb_json_get_string (host, "host", "state", TRUE, &state, error) ||
      !wb_json_get_string (host, "host", "mac", FALSE, &mac, error) ||
      !wb_json_get_string (host, "host", "method", FALSE, &method, error) ||
      !wb_json_get_strv (host, "host", "hostnames", FALSE, &names, error))
    return FALSE;
  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("host: “%s” is not an IP address."), address);
      return FALSE;
    }
  if (scope != NULL && !wb_scope_check_address (scope, inet, error))
    return FALSE;
  ports = json_object_get_member (host, "ports");
  if (ports == NULL || !JSON_NODE_HOLDS_ARRAY (ports))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("host %s: “ports” must be a list."), address);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (ports)); i++)
    if (!validate_port (json_array_get_element (json_node_get_array (ports), i), error))
      {
        g_prefix_error (error, _("host %s: "), address);
        return FALSE;
      }
  return TRUE;
}

gboolean
wb_hosts_validate (JsonNode *hosts, WbScope *scope, GError **error)
{
  JsonArray *array;

  if (hosts == NULL || !JSON_NODE_HOLDS_ARRAY (hosts))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("hosts: expected a list of hosts."));
      return FALSE;
    }
  array = json_node_get_array (hosts);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!validate_host (json_array_get_element (array, i), scope, error))
      return FALSE;
  return TRUE;
}

/* ---- rules ---- */

typedef struct {
  GHashTable *checks;    /* check id → WbNetworkCheck (borrowed) */
  GHashTable *findings;  /* check id → WbFinding */
} Rules;

static const char *
member_string (JsonObject *object, const char *member)
{
  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  return json_object_get_string_member_with_default (object, member, NULL);
}

static gboolean
member_bool (JsonObject *object, const char *member)
{
  if (object == NULL || !json_object_has_member (object, member))
    return FALSE;
  return json_object_get_boolean_member_with_default (object, member, FALSE);
}

static JsonObject *
member_object (JsonObject *object, const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Adds @address as an asset of the check's finding, with one line of evidence. */
static void
rules_raise (Rules *rules, const char *check_id, const char *address, const char *evidence)
{
  WbFinding *finding = g_hash_table_lookup (rules->findings, check_id);
  const WbNetworkCheck *check = g_hash_table_lookup (rules->checks, check_id);

  g_return_if_fail (check != NULL);
  if (finding == NULL)
    {
      finding = wb_network_check_new_finding (check);
      g_hash_table_insert (rules->findings, (gpointer) check_id, finding);
    }
  if (address != NULL && !g_strv_contains (wb_finding_get_assets (finding), address))
    wb_finding_add_asset (finding, address);
  if (evidence != NULL)
    wb_finding_add_evidence (finding, evidence);
}

/* Web pages of routers, NAS devices, printers and cameras, by title or server name.
 * Lower case; matched as substrings. */
static const char * const admin_marks[] = {
  "router", "routeros", "mikrotik", "fritz!box", "openwrt", "luci", "dd-wrt", "zyxel",
  "tp-link", "netgear", "draytek", "ubiquiti", "unifi", "linksys", "asus wrt",
  "synology", "diskstation", "qnap", "readynas", "nas ", " nas", "nas-", "mycloud",
  "printer", "laserjet", "officejet", "brother", "kyocera", "ricoh", "xerox", "epson",
  "canon", "lexmark", "cups", "web image monitor", "embedded web server",
  "ip camera", "hikvision", "dahua", "netsurveillance", "webcam",
  "login", "admin", "management", "configuration",
  NULL
};

static gboolean
looks_like_admin_page (JsonObject *http)
{
  const char *fields[] = { member_string (http, "title"), member_string (http, "server") };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autofree char *lower = NULL;

      if (fields[f] == NULL)
        continue;
      lower = g_utf8_strdown (fields[f], -1);
      for (guint i = 0; admin_marks[i] != NULL; i++)
        if (strstr (lower, admin_marks[i]) != NULL || g_str_equal (lower, "nas"))
          return TRUE;
    }
  return FALSE;
}

static gboolean
is_database_port (gint64 number, const char *service)
{
  static const gint64 ports[] = { 3306, 1433, 5432, 6379, 27017 };
  static const char * const services[] = { "mysql", "ms-sql-s", "postgresql", "redis",
                                           "mongodb", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (ports); i++)
    if (number == ports[i])
      return TRUE;
  return service != NULL && g_strv_contains (services, service);
}

static void
rules_tls (Rules *rules, const char *address, const char *where, JsonObject *tls)
{
  const char *version = member_string (tls, "version");

  if (version != NULL && (g_str_equal (version, "TLS 1.0") || g_str_equal (version, "TLS 1.1")
                          || g_str_equal (version, "SSL 3.0")))
    {
      g_autofree char *text = g_strdup_printf (_("%s: the connection used %s."), where, version);

      rules_raise (rules, "network.tls-old", address, text);
    }
  if (member_string (tls, "old_offered") != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%s: still accepts %s when a client asks "
                                                 "for it."), where,
                                               member_string (tls, "old_offered"));

      rules_raise (rules, "network.tls-old", address, text);
    }
  if (member_bool (tls, "expired"))
    {
      g_autofree char *text = g_strdup_printf (_("%s: the certificate expired on %s."), where,
                                               member_string (tls, "not_after") ?: "?");

      rules_raise (rules, "network.tls-cert-expired", address, text);
    }
  if (member_bool (tls, "self_signed"))
    {
      g_autofree char *text = g_strdup_printf (_("%s: the certificate “%s” is signed by "
                                                 "itself."), where,
                                               member_string (tls, "subject") ?: "?");

      rules_raise (rules, "network.tls-cert-self-signed", address, text);
    }
}

static void
rules_port (Rules *rules, const char *address, JsonObject *port)
{
  const char *protocol = member_string (port, "protocol");
  const char *service = member_string (port, "service");
  const char *banner = member_string (port, "banner");
  gint64 number = json_object_get_int_member_with_default (port, "port", 0);
  gboolean tcp = g_strcmp0 (protocol, "tcp") == 0;
  JsonObject *http = member_object (port, "http");
  JsonObject *tls = member_object (port, "tls");
  JsonObject *detail = member_object (port, "detail");
  g_autofree char *where = g_strdup_printf (_("%s port %d/%s"), address, (int) number,
                                            protocol ? protocol : "?");
  g_autofree char *said = banner ? g_strdup_printf (_("%s is open; it says: %s"), where,
                                                    banner)
                                 : g_strdup_printf (_("%s is open."), where);

  if (g_strcmp0 (member_string (port, "state"), "open") != 0)
    return;
  if ((tcp && number == 23) || g_strcmp0 (service, "telnet") == 0)
    rules_raise (rules, "network.telnet-open", address, said);
  if ((tcp && number == 21) || g_strcmp0 (service, "ftp") == 0)
    rules_raise (rules, "network.ftp-open", address, said);
  if (member_bool (port, "ftp_anonymous"))
    {
      g_autofree char *text = g_strdup_printf (_("%s: logging in as “anonymous” worked "
                                                 "(reply 230)."), where);

      rules_raise (rules, "network.ftp-anonymous", address, text);
    }
  if (member_bool (member_object (port, "smb"), "smb1"))
    {
      g_autofree char *text = g_strdup_printf (_("%s: the server accepted the SMB1 dialect "
                                                 "“NT LM 0.12”."), where);

      rules_raise (rules, "network.smbv1", address, text);
    }
  if ((tcp && number == 3389) || g_strcmp0 (service, "ms-wbt-server") == 0)
    rules_raise (rules, "network.rdp-exposed", address, said);
  if (member_bool (member_object (port, "vnc"), "no_auth"))
    {
      g_autofree char *text = g_strdup_printf (_("%s: lets anyone watch and control the "
                                                 "screen without a password (security "
                                                 "type None)."), where);

      rules_raise (rules, "network.vnc-open", address, text);
    }
  else if ((tcp && number >= 5900 && number <= 5903) || g_strcmp0 (service, "vnc") == 0)
    rules_raise (rules, "network.vnc-open", address, said);
  if (tcp && is_database_port (number, service))
    rules_raise (rules, "network.database-exposed", address, said);
  if ((number == 1900 || (tcp && number == 2869)) || g_strcmp0 (service, "upnp") == 0)
    rules_raise (rules, "network.upnp-exposed", address, said);
  if (!tcp && (number == 161 || g_strcmp0 (service, "snmp") == 0) &&
      g_strcmp0 (member_string (detail, "community"), "public") == 0)
    {
      g_autofree char *text =
        g_strdup_printf (_("%s: answers to community “public”: %s"), where,
                         member_string (detail, "sysdescr") ?: "");

      rules_raise (rules, "network.snmp-public", address, text);
    }
  if (http != NULL && looks_like_admin_page (http))
    {
      g_autofree char *text =
        g_strdup_printf (_("%s: page “%s”, server “%s”."), where,
                         member_string (http, "title") ?: "", member_string (http, "server") ?: "");

      rules_raise (rules, "network.admin-web-page", address, text);
    }
  if (tls != NULL)
    rules_tls (rules, address, where, tls);
}

GPtrArray *
wb_network_rules_apply (JsonArray *hosts, GHashTable *checks, const char *scan_error)
{
  Rules rules = { checks, g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 g_object_unref) };
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; hosts != NULL && i < json_array_get_length (hosts); i++)
    {
      JsonObject *host = json_array_get_object_element (hosts, i);
      const char *address = member_string (host, "address");
      JsonNode *ports = host ? json_object_get_member (host, "ports") : NULL;

      if (address == NULL || ports == NULL || !JSON_NODE_HOLDS_ARRAY (ports))
        continue;
      for (guint p = 0; p < json_array_get_length (json_node_get_array (ports)); p++)
        {
          JsonNode *port = json_array_get_element (json_node_get_array (ports), p);

          if (JSON_NODE_HOLDS_OBJECT (port))
            rules_port (&rules, address, json_node_get_object (port));
        }
    }
  if (scan_error != NULL)
    rules_raise (&rules, "network.scan-incomplete", NULL, scan_error);
  /* In the fixed order of the check list, so the same data gives the same findings. */
  for (guint i = 0; wb_network_check_ids ()[i] != NULL; i++)
    {
      WbFinding *finding = g_hash_table_lookup (rules.findings, wb_network_check_ids ()[i]);

      if (finding != NULL)
        g_ptr_array_add (findings, g_object_ref (finding));
    }
  g_hash_table_unref (rules.findings);
  return findings;
}

/* ---- report sections ---- */

static JsonNode *
string_row (const char * const *cells, guint n)
{
  JsonArray *row = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < n; i++)
    json_array_add_string_element (row, cells[i] ? cells[i] : "");
  json_node_take_array (node, row);
  return node;
}

static JsonObject *
new_section (const char *title, const char * const *columns, guint n)
{
  JsonObject *section = json_object_new ();

  json_object_set_string_member (section, "title", title);
  json_object_set_member (section, "columns", string_row (columns, n));
  json_object_set_array_member (section, "rows", json_array_new ());
  return section;
}

static char *
port_details (JsonObject *port)
{
  JsonObject *http = member_object (port, "http");
  const char *title = member_string (http, "title");

  if (title != NULL)
    return g_strdup_printf (_("page “%s”"), title);
  return g_strdup (member_string (port, "banner") ?: "");
}

JsonNode *
wb_network_report_sections (JsonArray *hosts)
{
  const char *service_columns[] = { _("Address"), _("Port"), _("Service"),
                                    _("Product and version"), _("What it shows") };
  const char *tls_columns[] = { _("Address"), _("Port"), _("TLS version"), _("Certificate"),
                                _("Issued by"), _("Valid until") };
  JsonObject *services = new_section (_("Hosts and open ports"), service_columns, 5);
  JsonObject *certificates = new_section (_("Encrypted services (TLS)"), tls_columns, 6);
  JsonArray *sections = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; hosts != NULL && i < json_array_get_length (hosts); i++)
    {
      JsonObject *host = json_array_get_object_element (hosts, i);
      const char *address = member_string (host, "address");
      JsonArray *ports = json_object_get_array_member (host, "ports");
      guint shown = 0;

      for (guint p = 0; p < json_array_get_length (ports); p++)
        {
          JsonObject *port = json_array_get_object_element (ports, p);
          JsonObject *tls = member_object (port, "tls");
          g_autofree char *number = NULL, *product = NULL, *details = NULL;

          if (g_strcmp0 (member_string (port, "state"), "open") != 0)
            continue;
          number = g_strdup_printf ("%d/%s", (int) json_object_get_int_member (port, "port"),
                                    member_string (port, "protocol"));
          product = g_strjoin (" ", member_string (port, "product") ?: "",
                               member_string (port, "version") ?: "", NULL);
          g_strstrip (product);
          details = port_details (port);
          {
            const char *row[] = { address, number, member_string (port, "service"), product,
                                  details };

            json_array_add_element (json_object_get_array_member (services, "rows"),
                                    string_row (row, 5));
          }
          if (tls != NULL)
            {
              const char *row[] = { address, number, member_string (tls, "version"),
                                    member_string (tls, "subject"),
                                    member_bool (tls, "self_signed") ? _("itself")
                                      : member_string (tls, "issuer"),
                                    member_string (tls, "not_after") };

              json_array_add_element (json_object_get_array_member (certificates, "rows"),
                                      string_row (row, 6));
            }
          shown++;
        }
      if (shown == 0)
        {
          const char *row[] = { address, "", "", "", _("no open ports found") };

          json_array_add_element (json_object_get_array_member (services, "rows"),
                                  string_row (row, 5));
        }
    }
  json_array_add_object_element (sections, services);
  if (json_array_get_length (json_object_get_array_member (certificates, "rows")) > 0)
    json_array_add_object_element (sections, certificates);
  else
    json_object_unref (certificates);
  json_node_take_array (node, sections);
  return node;
}

/* wb-network-xml.c — the network plugin's hosts as nmap XML, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "wb-network-hosts.h"
#include "wb-network-xml.h"

#define MAX_DEPTH 16
#define MAX_PORTS_PER_HOST (2 * 65535)
#define MAX_DETAIL_BYTES 4096

/* How the probe found a host, and the "reason" nmap writes for it. */
static const struct { const char *method; const char *reason; } reasons[] = {
  { "arp", "arp-response" },
  { "icmp", "echo-reply" },
  { "tcp-syn", "syn-ack" },
  { "tcp-ack", "reset" },
  { "assumed", "user-set" },
};

/* http members ↔ script ids (nmap's where it has one). */
static const struct { const char *member; const char *script; } http_scripts[] = {
  { "title", "http-title" },
  { "server", "http-server-header" },
  { "powered_by", "http-powered-by" },
  { "location", "http-location" },
};

static const char *
get_string (JsonObject *object, const char *member)
{
  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  return json_object_get_string_member_with_default (object, member, NULL);
}

static JsonObject *
get_object (JsonObject *object, const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* ---- export ---- */

static void
append_attr (GString *out, const char *name, const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = g_markup_escape_text (value, -1);
  g_string_append_printf (out, " %s=\"%s\"", name, escaped);
}

static void
append_script (GString *out, const char *id, const char *output)
{
  g_string_append (out, "<script");
  append_attr (out, "id", id);
  append_attr (out, "output", output);
  g_string_append (out, "/>\n");
}

static void
append_elem (GString *out, const char *key, const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = g_markup_escape_text (value, -1);
  g_string_append_printf (out, "<elem key=\"%s\">%s</elem>\n", key, escaped);
}

static void
export_tls (GString *out, JsonObject *tls)
{
  g_autofree char *summary =
    g_strdup_printf ("Subject: %s; Issuer: %s; Not valid after: %s",
                     get_string (tls, "subject") ?: "", get_string (tls, "issuer") ?: "",
                     get_string (tls, "not_after") ?: "");

  g_string_append (out, "<script id=\"ssl-cert\"");
  append_attr (out, "output", summary);
  g_string_append (out, ">\n");
  append_elem (out, "subject", get_string (tls, "subject"));
  append_elem (out, "issuer", get_string (tls, "issuer"));
  append_elem (out, "notAfter", get_string (tls, "not_after"));
  append_elem (out, "oldOffered", get_string (tls, "old_offered"));
  if (json_object_has_member (tls, "self_signed"))
    append_elem (out, "selfSigned",
                 json_object_get_boolean_member (tls, "self_signed") ? "true" : "false");
  if (json_object_has_member (tls, "expired"))
    append_elem (out, "expired",
                 json_object_get_boolean_member (tls, "expired") ? "true" : "false");
  g_string_append (out, "</script>\n");
  if (get_string (tls, "version") != NULL)
    append_script (out, "tls-version", get_string (tls, "version"));
}

static void
export_smb (GString *out, JsonObject *smb)
{
  gboolean smb1 = json_object_get_boolean_member_with_default (smb, "smb1", FALSE);
  const char *dialect = get_string (smb, "dialect");
  g_autofree char *summary = g_strdup_printf ("dialects: %s%s%s",
                                              smb1 ? "NT LM 0.12 (SMBv1)" : "",
                                              smb1 && dialect ? ", " : "", dialect ?: "");

  g_string_append (out, "<script id=\"smb-protocols\"");
  append_attr (out, "output", summary);
  g_string_append (out, ">\n");
  if (json_object_has_member (smb, "smb1"))
    append_elem (out, "smb1", smb1 ? "true" : "false");
  append_elem (out, "dialect", dialect);
  g_string_append (out, "</script>\n");
}

static void
export_port (GString *out, JsonObject *port)
{
  JsonObject *http = get_object (port, "http");
  JsonObject *tls = get_object (port, "tls");
  JsonObject *smb = get_object (port, "smb");
  JsonObject *rdp = get_object (port, "rdp");
  JsonNode *detail = json_object_get_member (port, "detail");
  g_autofree char *number = g_strdup_printf ("%d", (int) json_object_get_int_member (port,
                                                                                     "port"));
  const char *state = get_string (port, "state");

  g_string_append (out, "<port");
  append_attr (out, "protocol", get_string (port, "protocol"));
  append_attr (out, "portid", number);
  g_string_append (out, "><state");
  append_attr (out, "state", state);
  append_attr (out, "reason", g_strcmp0 (state, "open") == 0 ? "syn-ack" :
                               g_strcmp0 (state, "closed") == 0 ? "reset" : "no-response");
  g_string_append (out, "/>");
  if (get_string (port, "service") != NULL)
    {
      g_string_append (out, "<service");
      append_attr (out, "name", get_string (port, "service"));
      append_attr (out, "product", get_string (port, "product"));
      append_attr (out, "version", get_string (port, "version"));
      append_attr (out, "extrainfo", get_string (port, "extra"));
      append_attr (out, "method", get_string (port, "product") ? "probed" : "table");
      append_attr (out, "conf", get_string (port, "product") ? "10" : "3");
      g_string_append (out, "/>");
    }
  g_string_append (out, "\n");
  if (get_string (port, "banner") != NULL)
    append_script (out, "banner", get_string (port, "banner"));
  for (guint i = 0; http != NULL && i < G_N_ELEMENTS (http_scripts); i++)
    if (get_string (http, http_scripts[i].member) != NULL)
      append_script (out, http_scripts[i].script, get_string (http, http_scripts[i].member));
  if (http != NULL && json_object_has_member (http, "status"))
    {
      g_autofree char *status = g_strdup_printf ("%d", (int) json_object_get_int_member (http,
                                                                                      "status"));

      append_script (out, "http-status", status);
    }
  if (json_object_has_member (port, "ftp_anonymous"))
    append_script (out, "ftp-anon", json_object_get_boolean_member (port, "ftp_anonymous")
                   ? "Anonymous FTP login allowed (FTP code 230)"
                   : "Anonymous FTP login refused");
  if (tls != NULL)
    export_tls (out, tls);
  if (smb != NULL)
    export_smb (out, smb);
  if (rdp != NULL)
    append_script (out, "rdp-security", get_string (rdp, "protocol") ?: "");
  if (get_object (port, "vnc") != NULL)
    append_script (out, "vnc-info",
                   json_object_get_boolean_member_with_default (get_object (port, "vnc"),
                                                                "no_auth", FALSE)
                   ? "Security types: None (no authentication)" : "Security types: password");
  if (detail != NULL)
    {
      g_autofree char *json = json_to_string (detail, FALSE);

      append_script (out, "werkbank-detail", json);
    }
  g_string_append (out, "</port>\n");
}

static void
export_host (GString *out, JsonObject *host, gint64 start)
{
  const char *address = get_string (host, "address");
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  const char *method = get_string (host, "method");
  const char *reason = "unknown"; /* no method recorded: nothing to map back */
  JsonArray *ports = json_object_get_array_member (host, "ports");
  JsonNode *names = json_object_get_member (host, "hostnames");

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_strcmp0 (method, reasons[i].method) == 0)
      reason = reasons[i].reason;
  g_string_append_printf (out, "<host starttime=\"%" G_GINT64_FORMAT "\"><status",
                          start);
  append_attr (out, "state", get_string (host, "state"));
  append_attr (out, "reason", reason);
  g_string_append (out, "/>\n<address");
  append_attr (out, "addr", address);
  append_attr (out, "addrtype",
               inet && g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6 ? "ipv6"
                                                                               : "ipv4");
  g_string_append (out, "/>\n");
  if (get_string (host, "mac") != NULL)
    {
      g_string_append (out, "<address");
      append_attr (out, "addr", get_string (host, "mac"));
      g_string_append (out, " addrtype=\"mac\"/>\n");
    }
  g_string_append (out, "<hostnames>\n");
  for (guint i = 0; names && JSON_NODE_HOLDS_ARRAY (names) &&
                    i < json_array_get_length (json_node_get_array (names)); i++)
    {
      g_string_append (out, "<hostname");
      append_attr (out, "name",
                   json_array_get_string_element (json_node_get_array (names), i));
      g_string_append (out, " type=\"user\"/>\n");
    }
  g_string_append (out, "</hostnames>\n<ports>\n");
  for (guint i = 0; ports != NULL && i < json_array_get_length (ports); i++)
    export_port (out, json_array_get_object_element (ports, i));
  g_string_append (out, "</ports>\n</host>\n");
}

char *
wb_nmap_xml_export (JsonArray *hosts, gint64 start)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (start);
  g_autofree char *startstr = when ? g_date_time_format (when, "%a %b %e %H:%M:%S %Y")
                                   : g_strdup ("");
  guint n = hosts ? json_array_get_length (hosts) : 0;

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<!DOCTYPE nmaprun>\n");
  g_string_append_printf (out, "<nmaprun scanner=\"werkbank\" args=\"werkbank-cli network "
                               "export-xml\" start=\"%" G_GINT64_FORMAT "\"", start);
  append_attr (out, "startstr", startstr);
  g_string_append (out, " version=\"" PACKAGE_VERSION "\" xmloutputversion=\"1.05\">\n"
                        "<verbose level=\"0\"/>\n<debugging level=\"0\"/>\n");
  for (guint i = 0; i < n; i++)
    export_host (out, json_array_get_object_element (hosts, i), start);
  g_string_append_printf (out, "<runstats><finished time=\"%" G_GINT64_FORMAT "\"", start);
  append_attr (out, "timestr", startstr);
  g_string_append_printf (out, " exit=\"success\"/><hosts up=\"%u\" down=\"0\" "
                               "total=\"%u\"/></runstats>\n</nmaprun>\n", n, n);
  return g_string_free (out, FALSE);
}

/* ---- import ---- */

typedef struct {
  WbScope    *scope;
  JsonArray  *hosts;       /* the result */
  JsonObject *host;        /* the <host> being read, or NULL */
  char       *host_state;
  JsonObject *port;        /* the <port> being read, or NULL */
  guint       n_ports;
  char       *script;      /* id of the <script> being read */
  char       *elem_key;    /* key of the <elem> being read */
  GString    *elem_text;
  guint       depth;
  gboolean    seen_root;
} ImportState;

static const char *
find_attr (const char **names, const char **values, const char *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static gboolean
parse_number (const char *text, guint64 max, guint64 *out, GError **error)
{
  g_autoptr(GError) local = NULL;

  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 0, max, out, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a number from 0 to %" PRIu64 "."),
                   text ? text : "", (uint64_t) max);
      return FALSE;
    }
  return TRUE;
}

static void
set_member (JsonObject *object, const char *member, const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, member, value);
}

static JsonObject *
port_object (JsonObject *port, const char *member)
{
  JsonObject *object = get_object (port, member);

  if (object == NULL)
    {
      object = json_object_new ();
      json_object_set_object_member (port, member, object);
    }
  return object;
}

static gboolean
start_port (ImportState *state, const char **names, const char **values, GError **error)
{
  const char *protocol = find_attr (names, values, "protocol");
  guint64 number;

  if (g_strcmp0 (protocol, "tcp") != 0 && g_strcmp0 (protocol, "udp") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("a port's protocol must be tcp or udp."));
      return FALSE;
    }
  if (!parse_number (find_attr (names, values, "portid"), 65535, &number, error))
    return FALSE;
  if (number == 0 || ++state->n_ports > MAX_PORTS_PER_HOST)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("port 0, or more ports than a host can have."));
      return FALSE;
    }
  state->port = wb_hosts_get_port (state->host, protocol, number);
  return TRUE;
}

static gboolean
start_script (ImportState *state, const char **names, const char **values, GError **error)
{
  const char *id = find_attr (names, values, "id");
  const char *output = find_attr (names, values, "output");
  guint64 number;

  g_free (state->script);
  state->script = g_strdup (id);
  if (id == NULL || output == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (http_scripts); i++)
    if (g_str_equal (id, http_scripts[i].script))
      set_member (port_object (state->port, "http"), http_scripts[i].member, output);
  if (g_str_equal (id, "banner"))
    set_member (state->port, "banner", output);
  else if (g_str_equal (id, "http-status"))
    {
      if (!parse_number (output, 999, &number, error))
        return FALSE;
      json_object_set_int_member (port_object (state->port, "http"), "status", number);
    }
  else if (g_str_equal (id, "ftp-anon"))
    json_object_set_boolean_member (state->port, "ftp_anonymous",
                                    strstr (output, "Anonymous FTP login allowed") != NULL);
  else if (g_str_equal (id, "tls-version"))
    set_member (port_object (state->port, "tls"), "version", output);
  else if (g_str_equal (id, "vnc-info"))
    json_object_set_boolean_member (port_object (state->port, "vnc"), "no_auth",
                                    strstr (output, "None") != NULL);
  else if (g_str_equal (id, "rdp-security"))
    set_member (port_object (state->port, "rdp"), "protocol", output);
  else if (g_str_equal (id, "smb-protocols") && strstr (output, "SMBv1") != NULL)
    json_object_set_boolean_member (port_object (state->port, "smb"), "smb1", TRUE);
  else if (g_str_equal (id, "werkbank-detail"))
    {
      g_autoptr(JsonNode) node = NULL;

      if (strlen (output) > MAX_DETAIL_BYTES ||
          (node = json_from_string (output, NULL)) == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("a port's details are not a small JSON object."));
          return FALSE;
        }
      json_object_set_member (state->port, "detail", g_steal_pointer (&node));
    }
  return TRUE;
}

/* The text of an <elem> inside a script we understand. */
static void
end_elem (ImportState *state)
{
  const char *key = state->elem_key;
  const char *text = state->elem_text->str;
  gboolean yes = g_str_equal (text, "true");

  if (state->port == NULL || key == NULL || state->script == NULL)
    return;
  if (g_str_equal (state->script, "ssl-cert"))
    {
      JsonObject *tls = port_object (state->port, "tls");

      if (g_str_equal (key, "subject"))
        set_member (tls, "subject", text);
      else if (g_str_equal (key, "issuer"))
        set_member (tls, "issuer", text);
      else if (g_str_equal (key, "notAfter"))
        set_member (tls, "not_after", text);
      else if (g_str_equal (key, "oldOffered"))
        set_member (tls, "old_offered", text);
      else if (g_str_equal (key, "selfSigned"))
        json_object_set_boolean_member (tls, "self_signed", yes);
      else if (g_str_equal (key, "expired"))
        json_object_set_boolean_member (tls, "expired", yes);
    }
  else if (g_str_equal (state->script, "smb-protocols"))
    {
      JsonObject *smb = port_object (state->port, "smb");

      if (g_str_equal (key, "smb1"))
        json_object_set_boolean_member (smb, "smb1", yes);
      else if (g_str_equal (key, "dialect"))
        set_member (smb, "dialect", text);
    }
}

static gboolean
start_in_host (ImportState *state, const char *element, const char **names,
               const char **values, GError **error)
{
  if (g_str_equal (element, "status"))
    {
      g_free (state->host_state);
      state->host_state = g_strdup (find_attr (names, values, "state"));
      for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
        if (g_strcmp0 (find_attr (names, values, "reason"), reasons[i].reason) == 0)
          json_object_set_string_member (state->host, "method", reasons[i].method);
    }
  else if (g_str_equal (element, "address"))
    {
      const char *type = find_attr (names, values, "addrtype");
      const char *addr = find_attr (names, values, "addr");

      if (addr != NULL && g_strcmp0 (type, "mac") == 0)
        json_object_set_string_member (state->host, "mac", addr);
      else if (addr != NULL && !json_object_has_member (state->host, "address"))
        json_object_set_string_member (state->host, "address", addr);
    }
  else if (g_str_equal (element, "hostname") && find_attr (names, values, "name"))
    {
      if (!json_object_has_member (state->host, "hostnames"))
        json_object_set_array_member (state->host, "hostnames", json_array_new ());
      json_array_add_string_element (json_object_get_array_member (state->host, "hostnames"),
                                     find_attr (names, values, "name"));
    }
  else if (g_str_equal (element, "port"))
    return start_port (state, names, values, error);
  else if (state->port != NULL && g_str_equal (element, "state"))
    set_member (state->port, "state", find_attr (names, values, "state"));
  else if (state->port != NULL && g_str_equal (element, "service"))
    {
      set_member (state->port, "service", find_attr (names, values, "name"));
      set_member (state->port, "product", find_attr (names, values, "product"));
      set_member (state->port, "version", find_attr (names, values, "version"));
      set_member (state->port, "extra", find_attr (names, values, "extrainfo"));
    }
  else if (state->port != NULL && g_str_equal (element, "script"))
    return start_script (state, names, values, error);
  else if (state->port != NULL && g_str_equal (element, "elem"))
    {
      g_free (state->elem_key);
      state->elem_key = g_strdup (find_attr (names, values, "key"));
      g_string_truncate (state->elem_text, 0);
    }
  return TRUE;
}

static void
on_start (GMarkupParseContext *context, const char *element, const char **names,
          const char **values, gpointer user_data, GError **error)
{
  ImportState *state = user_data;

  if (++state->depth > MAX_DEPTH)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the elements are nested more than %d deep."), MAX_DEPTH);
      return;
    }
  if (!state->seen_root)
    {
      if (!g_str_equal (element, "nmaprun"))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("this is not nmap XML (it does not start with <nmaprun>)."));
          return;
        }
      state->seen_root = TRUE;
      return;
    }
  if (g_str_equal (element, "host") && state->host == NULL)
    {
      if (json_array_get_length (state->hosts) >= WB_NMAP_XML_MAX_HOSTS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("more than %d hosts."), WB_NMAP_XML_MAX_HOSTS);
          return;
        }
      state->host = json_object_new ();
      json_object_set_array_member (state->host, "ports", json_array_new ());
      state->n_ports = 0;
      g_clear_pointer (&state->host_state, g_free);
      return;
    }
  if (state->host != NULL)
    start_in_host (state, element, names, values, error);
}

/* A host is complete: check its address against the scope, keep it if it was up. */
static void
end_host (ImportState *state, GError **error)
{
  g_autoptr(JsonObject) host = g_steal_pointer (&state->host);
  const char *address = get_string (host, "address");
  g_autoptr(GInetAddress) inet = address ? g_inet_address_new_from_string (address) : NULL;

  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("a host has no valid IP address."));
      return;
    }
  if (!wb_scope_check_address (state->scope, inet, error))
    return;
  if (g_strcmp0 (state->host_state, "up") != 0)
    return;
  if (wb_hosts_lookup_host (state->hosts, address) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the host %s appears twice."), address);
      return;
    }
  json_object_set_string_member (host, "state", "up");
  json_array_add_object_element (state->hosts, g_steal_pointer (&host));
}

static void
on_end (GMarkupParseContext *context, const char *element, gpointer user_data,
        GError **error)
{
  ImportState *state = user_data;

  state->depth--;
  if (state->host == NULL)
    return;
  if (g_str_equal (element, "host"))
    end_host (state, error);
  else if (g_str_equal (element, "port"))
    state->port = NULL;
  else if (g_str_equal (element, "script"))
    g_clear_pointer (&state->script, g_free);
  else if (g_str_equal (element, "elem"))
    {
      end_elem (state);
      g_clear_pointer (&state->elem_key, g_free);
    }
}

static void
on_text (GMarkupParseContext *context, const char *text, gsize len, gpointer user_data,
         GError **error)
{
  ImportState *state = user_data;

  if (state->elem_key != NULL && state->elem_text->len + len <= MAX_DETAIL_BYTES)
    g_string_append_len (state->elem_text, text, len);
}

JsonArray *
wb_nmap_xml_import (const char *data, gssize len, WbScope *scope, GError **error)
{
  static const GMarkupParser parser = { on_start, on_end, on_text, NULL, NULL };
  ImportState state = { 0 };
  GMarkupParseContext *context;
  g_autoptr(GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (scope != NULL, NULL);
  if (len < 0)
    len = strlen (data);
  if ((gsize) len > WB_NMAP_XML_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The nmap XML file is larger than %d MiB."),
                   WB_NMAP_XML_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  state.scope = scope;
  state.hosts = json_array_new ();
  state.elem_text = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &state, NULL);
  ok = g_markup_parse_context_parse (context, data, len, &local) &&
       g_markup_parse_context_end_parse (context, &local);
  g_markup_parse_context_free (context);
  if (ok && !state.seen_root)
    {
      ok = FALSE;
      g_set_error (&local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("this is not nmap XML (it does not start with <nmaprun>)."));
    }
  if (state.host != NULL)
    json_object_unref (state.host);
  g_free (state.host_state);
  g_free (state.script);
  g_free (state.elem_key);
  g_string_free (state.elem_text, TRUE);
  if (!ok)
    {
      json_array_unref (state.hosts);
      if (local->domain == WB_SCOPE_ERROR)
        g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                    _("The nmap XML file was not imported: "));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("The nmap XML file cannot be read: %s"), local->message);
      return NULL;
    }
  wb_hosts_sort (state.hosts);
  return state.hosts;
}

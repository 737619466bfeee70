/* wb-cli-network.c — the network scan's hosts: nmap XML out and in, and a look at them
 *
 *   werkbank-cli network hosts FILE                 the stored "hosts" data as JSON
 *   werkbank-cli network export-xml FILE -o OUT     the hosts as nmap XML
 *   werkbank-cli network import-xml FILE SCAN.xml   nmap XML into the hosts, with findings
 *
 * The import is checked like a scan: the agreement must be signed, name the network
 * plugin and cover every host in the file; one host outside the scope refuses the whole
 * file. Imported hosts replace stored hosts with the same address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "wb-cli-common.h"
#include "wb-file.h"
#include "wb-network-advice.h"
#include "wb-network-hosts.h"
#include "wb-network-xml.h"

#define PLUGIN_ID "network"

static JsonArray *
stored_hosts (WbEngagement *engagement)
{
  JsonNode *node = wb_engagement_get_plugin_data (engagement, PLUGIN_ID, "hosts");

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return json_array_new ();
  return json_array_ref (json_node_get_array (node));
}

static int
network_hosts (const char *path)
{
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(JsonArray) hosts = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  GError *error = NULL;

  engagement = wb_cli_open (path, &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  hosts = stored_hosts (engagement);
  json_node_set_array (node, hosts);
  return wb_cli_write_json (node, NULL, &error) ? WB_EXIT_OK : wb_cli_fail (error);
}

static int
network_export (const char *path, const char *output)
{
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(JsonArray) hosts = NULL;
  g_autofree char *xml = NULL;
  GError *error = NULL;

  engagement = wb_cli_open (path, &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  hosts = stored_hosts (engagement);
  xml = wb_nmap_xml_export (hosts, g_get_real_time () / G_USEC_PER_SEC);
  if (g_str_equal (output, "-"))
    {
      g_print ("%s", xml);
      return WB_EXIT_OK;
    }
  if (!wb_file_write_private (output, xml, strlen (xml), &error))
    return wb_cli_fail (error);
  g_printerr (_("Wrote %u hosts to %s. The file is not encrypted: hand it on only as the "
                "agreement allows.\n"), json_array_get_length (hosts), output);
  return WB_EXIT_OK;
}

/* The advice file beside the installed plugin, or the build tree's for tests and the
 * demo (the same places the plugin host looks). */
static GHashTable *
load_advice (GError **error)
{
  const char *env = g_getenv ("WERKBANK_PLUGIN_PATH");
  g_auto(GStrv) dirs = g_strsplit (env ? env : "", ":", -1);
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "werkbank", "plugins",
                                            NULL);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; dirs[i] != NULL; i++)
    if (*dirs[i] != '\0')
      g_ptr_array_add (candidates, g_build_filename (dirs[i], PLUGIN_ID, "advice.json", NULL));
  g_ptr_array_add (candidates, g_build_filename (user, PLUGIN_ID, "advice.json", NULL));
  g_ptr_array_add (candidates, g_build_filename (WB_PLUGINDIR, PLUGIN_ID, "advice.json",
                                                 NULL));
  for (guint i = 0; i < candidates->len; i++)
    if (g_file_test (candidates->pdata[i], G_FILE_TEST_EXISTS))
      return wb_network_advice_load (candidates->pdata[i], error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("The network plugin's advice file was not found; is Werkbank installed "
                 "completely?"));
  return NULL;
}

static gboolean
check_agreement (WbEngagement *engagement, GError **error)
{
  WbAgreement *agreement = wb_engagement_get_agreement (engagement);

  if (!wb_agreement_is_signed (agreement))
    {
      g_set_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_NOT_SIGNED,
                   _("Results can be imported only under a signed agreement."));
      return FALSE;
    }
  if (!wb_scope_allows_plugin (wb_agreement_get_scope (agreement), PLUGIN_ID))
    {
      g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE,
                   _("The agreement does not include the network scan."));
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
import_summary (const char *file)
{
  JsonObject *scan = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *base = g_path_get_basename (file);

  json_object_set_string_member (scan, "source", "nmap-xml");
  json_object_set_string_member (scan, "file", base);
  json_object_set_string_member (scan, "finished", when);
  json_object_set_boolean_member (scan, "complete", TRUE);
  json_node_take_object (node, scan);
  return node;
}

/* Imported hosts replace stored ones with the same address; the rest stay. */
static void
merge_hosts (JsonArray *stored, JsonArray *imported)
{
  for (guint i = 0; i < json_array_get_length (imported); i++)
    {
      JsonNode *host = json_array_get_element (imported, i);
      const char *address = json_object_get_string_member (json_node_get_object (host),
                                                           "address");

      for (guint j = 0; j < json_array_get_length (stored); j++)
        if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (stored, j),
                                                      "address"), address) == 0)
          {
            json_array_remove_element (stored, j);
            break;
          }
      json_array_add_element (stored, json_node_copy (host));
    }
  wb_hosts_sort (stored);
}

static int
network_import (const char *path, const char *file)
{
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(JsonArray) imported = NULL;
  g_autoptr(JsonArray) hosts = NULL;
  g_autoptr(JsonNode) hosts_node = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonNode) sections = NULL;
  g_autoptr(JsonNode) scan = import_summary (file);
  g_autoptr(GHashTable) checks = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *xml = NULL;
  GStatBuf st;
  gsize len = 0;
  GError *error = NULL;

  /* Refuse a huge file before reading it into memory. */
  if (g_stat (file, &st) == 0 && st.st_size > WB_NMAP_XML_MAX_BYTES)
    {
      g_printerr (_("werkbank-cli: %s is larger than %d MiB; that is not a scan of a small "
                    "company.\n"), file, WB_NMAP_XML_MAX_BYTES / (1024 * 1024));
      return WB_EXIT_INVALID;
    }
  if (!g_file_get_contents (file, &xml, &len, &error))
    return wb_cli_fail (error);
  engagement = wb_cli_open (path, &error);
  if (engagement == NULL || !check_agreement (engagement, &error))
    return wb_cli_fail (error);
  checks = load_advice (&error);
  if (checks == NULL)
    return wb_cli_fail (error);
  imported = wb_nmap_xml_import (xml, len, wb_agreement_get_scope (wb_engagement_get_agreement (engagement)),
                                 &error);
  if (imported == NULL)
    return wb_cli_fail (error);
  hosts = stored_hosts (engagement);
  merge_hosts (hosts, imported);
  json_node_set_array (hosts_node, hosts);
  sections = wb_network_report_sections (hosts);
  findings = wb_network_rules_apply (hosts, checks, NULL);
  for (guint i = 0; i < findings->len; i++)
    wb_finding_set_plugin_id (findings->pdata[i], PLUGIN_ID);
  if (!wb_engagement_set_plugin_data (engagement, PLUGIN_ID, "hosts", hosts_node, &error) ||
      !wb_engagement_set_plugin_data (engagement, PLUGIN_ID, "scan", scan, &error) ||
      !wb_engagement_set_plugin_data (engagement, PLUGIN_ID, "report-sections", sections,
                                      &error) ||
      !wb_engagement_commit_run (engagement, PLUGIN_ID, findings, &error))
    return wb_cli_fail (error);
  g_print (_("Imported %u hosts from %s; %u findings saved.\n"),
           json_array_get_length (imported), file, findings->len);
  return WB_EXIT_OK;
}

int
wb_cli_network (int argc, char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the nmap XML to FILE (- for the screen)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("hosts FILE | export-xml FILE -o OUT | import-xml FILE SCAN.xml"),
                        _("The network scan's hosts and services: show them, export them "
                          "as nmap XML, or import nmap XML from another scanner."), entries);
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc == 3 && g_str_equal (argv[1], "hosts"))
    return network_hosts (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "export-xml") && output != NULL)
    return network_export (argv[2], output);
  if (argc == 4 && g_str_equal (argv[1], "import-xml"))
    return network_import (argv[2], argv[3]);
  return wb_cli_usage (context, _("Use: network hosts FILE | export-xml FILE -o OUT | "
                                  "import-xml FILE SCAN.xml"));
}

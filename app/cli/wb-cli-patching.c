/* wb-cli-patching.c — `werkbank-cli patching`: bring in the admin's software list
 *
 * The export (docs/patching.md) is read into memory, parsed, and saved only inside the
 * encrypted engagement as the patching plugin's "inventory" data; no copy is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "wb-cli-common.h"
#include "wb-engagement.h"
#include "wb-inventory.h"
#include "wb-util-private.h"

#define PATCHING_ID "patching"

/* Reads at most the inventory limit, so a huge or endless file (a FIFO) is refused
 * without filling memory. */
static GBytes *
read_bounded (const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) input = g_file_read (file, NULL, error);
  g_autoptr(GBytes) bytes = NULL;

  if (input == NULL)
    return NULL;
  bytes = g_input_stream_read_bytes (G_INPUT_STREAM (input), WB_INVENTORY_MAX_BYTES + 1,
                                     NULL, error);
  if (bytes == NULL)
    return NULL;
  if (g_bytes_get_size (bytes) > WB_INVENTORY_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file is larger than %u MiB: that is not a software list."),
                   WB_INVENTORY_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/* The stored list holds one import per asset: a new import of the same asset
 * replaces the old one. */
static JsonNode *
merge_inventories (JsonNode *stored, JsonNode *import, const char *asset)
{
  JsonArray *merged = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  if (stored != NULL && JSON_NODE_HOLDS_ARRAY (stored))
    {
      JsonArray *old = json_node_get_array (stored);

      for (guint i = 0; i < json_array_get_length (old); i++)
        {
          JsonNode *element = json_array_get_element (old, i);

          if (JSON_NODE_HOLDS_OBJECT (element) &&
              g_strcmp0 (json_object_get_string_member_with_default (
                           json_node_get_object (element), "asset", NULL), asset) == 0)
            continue;
          json_array_add_element (merged, json_node_copy (element));
        }
    }
  json_array_add_element (merged, json_node_copy (import));
  json_node_take_array (node, merged);
  return node;
}

static int
patching_import (int argc, char **argv, GOptionContext *context, const char *format_text,
                 const char *asset)
{
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(WbInventory) inventory = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) import = NULL;
  g_autoptr(JsonNode) merged = NULL;
  g_autofree char *now = NULL;
  g_autofree char *summary = NULL;
  WbInventoryFormat format = WB_INVENTORY_FORMAT_AUTO;
  GError *error = NULL;

  if (argc != 4)
    return wb_cli_usage (context, _("Name the engagement file and the exported list."));
  if (format_text != NULL && !wb_inventory_format_from_string (format_text, &format))
    return wb_cli_usage (context, _("Unknown --format: use auto, powershell-csv, "
                                    "powershell-json, winget, dpkg or system-profiler."));
  if (asset == NULL || *asset == '\0' || !g_utf8_validate (asset, -1, NULL))
    return wb_cli_usage (context, _("Say which computer the list is from with --asset NAME."));
  /* Parse first: a bad file should not need the passphrase. */
  bytes = read_bounded (argv[3], &error);
  if (bytes == NULL)
    return wb_cli_fail (error);
  inventory = wb_inventory_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  format, &error);
  if (inventory == NULL)
    return wb_cli_fail (error);
  engagement = wb_cli_open (argv[2], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  now = wb_now_iso8601 ();
  import = wb_inventory_to_json (inventory, asset, now);
  merged = merge_inventories (wb_engagement_get_plugin_data (engagement, PATCHING_ID,
                                                             "inventory"),
                              import, asset);
  if (!wb_engagement_set_plugin_data (engagement, PATCHING_ID, "inventory", merged, &error))
    return wb_cli_fail (error);
  summary = wb_inventory_describe (inventory);
  g_print (_("Imported the software list of %s (%s, %s): %s.\n"), asset,
           wb_inventory_format_to_string (inventory->format), inventory->encoding, summary);
  if (inventory->n_skipped > 0)
    g_printerr (_("werkbank-cli: some rows could not be read; they are listed above and "
                  "were not imported.\n"));
  g_print (_("The exported file is not needed any more: delete it.\n"));
  return WB_EXIT_OK;
}

int
wb_cli_patching (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *asset = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("The export's format (default: recognised from the content)"), N_("FORMAT") },
    { "asset", 0, 0, G_OPTION_ARG_STRING, &asset,
      N_("The computer the list comes from (required)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("import FILE EXPORT"),
                        _("Import a software list exported by the company's admin (see "
                          "docs/patching.md for the commands)."), entries);
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc < 2 || !g_str_equal (argv[1], "import"))
    return wb_cli_usage (context, _("Say what to do: import."));
  return patching_import (argc, argv, context, format, asset);
}

/* wb-cli-delta.c — werkbank-cli delta: what changed since the previous scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "wb-cli-common.h"
#include "wb-delta.h"

WbEngagement *
wb_cli_open_previous (const char *path, const char *key_file, GError **error)
{
  g_autoptr(WbSecret) passphrase = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no engagement file “%s”."), path);
      return NULL;
    }
  if (key_file != NULL)
    {
      g_autoptr(WbX25519Key) key = wb_x25519_key_load (key_file, error);

      return key != NULL ? wb_engagement_open_with_key (path, key, error) : NULL;
    }
  passphrase = wb_cli_read_passphrase (_("Passphrase of the previous engagement: "), FALSE,
                                       "WERKBANK_PREVIOUS_PASSPHRASE", error);
  return passphrase != NULL ? wb_engagement_open (path, passphrase, error) : NULL;
}

int
wb_cli_delta_fail (GError *error)
{
  if (error->domain != WB_DELTA_ERROR)
    return wb_cli_fail (error);
  g_printerr ("werkbank-cli: %s\n", error->message);
  g_error_free (error);
  return WB_EXIT_INVALID;
}

int
wb_cli_delta (int argc, char **argv)
{
  g_autofree char *previous_key = NULL;
  const GOptionEntry entries[] = {
    { "previous-key", 0, 0, G_OPTION_ARG_FILENAME, &previous_key,
      N_("Open the previous engagement with this key file (else the passphrase from "
         "$WERKBANK_PREVIOUS_PASSPHRASE or asked)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE PREVIOUS"),
                        _("Compare with the previous scan of the same company: per point "
                          "and place, fixed, still open or new."), entries);
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(WbEngagement) previous = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n_new, n_open, n_fixed;
  GError *error = NULL;
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return wb_cli_usage (context, _("Name the engagement file and the previous one."));
  engagement = wb_cli_open (argv[1], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  previous = wb_cli_open_previous (argv[2], previous_key, &error);
  if (previous == NULL)
    return wb_cli_fail (error);
  items = wb_delta_compute (engagement, previous, &error);
  if (items == NULL)
    return wb_cli_delta_fail (error);
  for (guint i = 0; i < items->len; i++)
    {
      WbDeltaItem *item = g_ptr_array_index (items, i);

      g_print ("%-10s  %s  %s  %s\n", wb_delta_status_to_string (item->status),
               item->check_id, *item->asset != '\0' ? item->asset : "-", item->title);
    }
  wb_delta_count (items, &n_new, &n_open, &n_fixed);
  g_printerr (_("Fixed %u, still open %u, new %u.\n"), n_fixed, n_open, n_new);
  return WB_EXIT_OK;
}

/* wb-cli-plugins.c — plugins, run, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib-unix.h>
#include <unistd.h>

#include "wb-cli-common.h"
#include "wb-plugin-host.h"

/* ---- plugins ---- */

static int
plugins_list (WbPluginHost *host, const char *path)
{
  g_autoptr(GPtrArray) list = wb_plugin_host_list (host);
  g_autoptr(WbEngagement) engagement = NULL;
  GError *error = NULL;

  if (path != NULL)
    {
      engagement = wb_cli_open (path, &error);
      if (engagement == NULL)
        return wb_cli_fail (error);
    }
  for (guint i = 0; i < list->len; i++)
    {
      WbPluginInfo *info = list->pdata[i];
      g_autoptr(WbPlugin) plugin = wb_plugin_host_get_plugin (host, info->id, NULL);
      const char *state = "";

      if (engagement != NULL)
        state = wb_engagement_is_plugin_enabled (engagement, info->id) ? _("on") : _("off");
      if (plugin == NULL)
        g_print ("%-16s %-4s %s — %s\n", info->id, state, info->name, _("cannot be loaded"));
      else
        g_print ("%-16s %-4s %s (%s, %s)\n", info->id, state, wb_plugin_get_title (plugin),
                 wb_plugin_kind_get_label (wb_plugin_get_kind (plugin)),
                 wb_activity_get_label (wb_plugin_get_required_activity (plugin)));
    }
  return WB_EXIT_OK;
}

static int
plugins_enable (WbPluginHost *host, const char *path, const char *id, gboolean enable)
{
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(WbPlugin) plugin = NULL;
  GError *error = NULL;

  plugin = wb_plugin_host_get_plugin (host, id, &error);
  if (plugin == NULL)
    return wb_cli_fail (error);
  engagement = wb_cli_open (path, &error);
  if (engagement == NULL ||
      !wb_engagement_set_plugin_enabled (engagement, id, enable, &error))
    return wb_cli_fail (error);
  g_print (enable ? _("Switched %s on.\n") : _("Switched %s off.\n"), id);
  return WB_EXIT_OK;
}

int
wb_cli_plugins (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("list [FILE] | enable FILE ID | disable FILE ID"),
                        _("List the plugins, and switch them on or off for an engagement."),
                        wb_cli_open_entries);
  g_autoptr(WbPluginHost) host = NULL;
  int code;

  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  host = wb_plugin_host_new ();
  if ((argc == 2 || argc == 3) && g_str_equal (argv[1], "list"))
    return plugins_list (host, argc == 3 ? argv[2] : NULL);
  if (argc == 4 && g_str_equal (argv[1], "enable"))
    return plugins_enable (host, argv[2], argv[3], TRUE);
  if (argc == 4 && g_str_equal (argv[1], "disable"))
    return plugins_enable (host, argv[2], argv[3], FALSE);
  return wb_cli_usage (context, _("Use: plugins list [FILE] | enable FILE ID | disable FILE ID"));
}

/* ---- run ---- */

typedef struct {
  GMainLoop    *loop;
  GCancellable *cancellable;
  GError       *error;
  gboolean      quiet;
  guint         n_signals;
} RunState;

static void
on_progress (WbRunContext *context, double fraction, const char *message, gpointer user_data)
{
  RunState *state = user_data;

  if (!state->quiet)
    g_printerr ("[%3d%%] %s\n", (int) (fraction * 100.0 + 0.5), message ? message : "");
}

static void
on_run_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RunState *state = user_data;

  wb_plugin_host_run_finish (WB_PLUGIN_HOST (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static gboolean
on_signal (gpointer user_data)
{
  RunState *state = user_data;

  /* Ctrl-C or SIGTERM: cancel cleanly; the plugin's partial run is not committed. A
   * second one ends the process at once: a run commits only at its end, so nothing that
   * was saved is lost, and a plugin that does not answer its cancellable cannot keep the
   * command alive. */
  if (state->n_signals++ > 0)
    {
      g_printerr (_("werkbank-cli: stopped; the unfinished run was not saved.\n"));
      _exit (WB_EXIT_FAILED);
    }
  g_cancellable_cancel (state->cancellable);
  return G_SOURCE_CONTINUE;
}

int
wb_cli_run (int argc, char **argv)
{
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not show progress"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE PLUGIN"), _("Run a plugin; its findings are saved when it "
                                           "finishes."), entries);
  g_autoptr(WbPluginHost) host = NULL;
  g_autoptr(WbPlugin) plugin = NULL;
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(WbRunContext) run = NULL;
  RunState state = { 0 };
  GError *error = NULL;
  guint sigint, sigterm;
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return wb_cli_usage (context, _("Name the engagement file and the plugin."));
  host = wb_plugin_host_new ();
  plugin = wb_plugin_host_get_plugin (host, argv[2], &error);
  if (plugin == NULL)
    return wb_cli_fail (error);
  engagement = wb_cli_open (argv[1], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);

  state.loop = g_main_loop_new (NULL, FALSE);
  state.cancellable = g_cancellable_new ();
  state.quiet = quiet;
  run = wb_run_context_new (G_OBJECT (engagement), argv[2]);
  g_signal_connect (run, "progress", G_CALLBACK (on_progress), &state);
  sigint = g_unix_signal_add (SIGINT, on_signal, &state);
  sigterm = g_unix_signal_add (SIGTERM, on_signal, &state);
  wb_plugin_host_run_async (host, engagement, plugin, run, state.cancellable, on_run_done,
                            &state);
  g_main_loop_run (state.loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  g_main_loop_unref (state.loop);
  g_object_unref (state.cancellable);

  if (state.error != NULL)
    return wb_cli_fail (state.error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s finished: %u finding saved.\n",
                        "%s finished: %u findings saved.\n",
                        wb_run_context_get_findings (run)->len),
           wb_plugin_get_title (plugin), wb_run_context_get_findings (run)->len);
  return WB_EXIT_OK;
}

/* ---- export (the findings commands are in wb-cli-findings.c) ---- */

int
wb_cli_export (int argc, char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the findings as JSON to FILE (required; - for the screen)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE"), _("Export the findings as JSON. The export is not "
                                    "encrypted: hand it on only as the agreement allows."),
                        entries);
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 2 || output == NULL)
    return wb_cli_usage (context, _("Name one engagement file and --output FILE."));
  engagement = wb_cli_open (argv[1], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  node = wb_engagement_findings_to_json (engagement);
  if (!wb_cli_write_json (node, output, &error))
    return wb_cli_fail (error);
  if (!g_str_equal (output, "-"))
    g_printerr (_("Wrote %u findings to %s.\n"), wb_engagement_get_findings (engagement)->len,
                output);
  return WB_EXIT_OK;
}

/* wb-selftest-plugin.c — a small plugin that proves the plugin contract
 *
 * It lists what the signed scope covers as findings and raises one finding with full
 * advice, asynchronously with progress. Its stored "mode" value makes it misbehave on
 * purpose for the tests: "fail" fails after collecting a finding, "hang" waits until it
 * is cancelled. Built twice: as "selftest" (passive) and as "selftest-active" (needs
 * active checks), to test the agreement gate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include "wb-plugin.h"

/* Both variants may be loaded into one process, so their GType names must differ. */
#ifdef SELFTEST_ACTIVE
# define SELFTEST_ID "selftest-active"
# define SELFTEST_ACTIVITY WB_ACTIVITY_ACTIVE
# define SELFTEST_TYPE_NAME "WbSelftestActivePlugin"
#else
# define SELFTEST_ID "selftest"
# define SELFTEST_ACTIVITY WB_ACTIVITY_PASSIVE
# define SELFTEST_TYPE_NAME "WbSelftestPlugin"
#endif

#define HANG_LIMIT_MS 30000 /* a forgotten cancel must not hang a test run for ever */

static const char *
selftest_get_id (WbPlugin *plugin)
{
  return SELFTEST_ID;
}

static const char *
selftest_get_title (WbPlugin *plugin)
{
#ifdef SELFTEST_ACTIVE
  return _("Self-test (active)");
#else
  return _("Self-test");
#endif
}

static WbPluginKind
selftest_get_kind (WbPlugin *plugin)
{
  return WB_PLUGIN_KIND_CHECKLIST;
}

static WbActivity
selftest_get_required_activity (WbPlugin *plugin)
{
  return SELFTEST_ACTIVITY;
}

typedef struct {
  WbRunContext *context;
  GStrv         targets;
  guint         next;
  guint         waited_ms;
  char         *mode;
} RunData;

static void
run_data_free (RunData *data)
{
  g_object_unref (data->context);
  g_strfreev (data->targets);
  g_free (data->mode);
  g_free (data);
}

static void
add_advice_finding (WbRunContext *context)
{
  g_autoptr(WbFinding) finding =
    wb_finding_new ("selftest.backup-untested", _("Backups are never test-restored"),
                    WB_SEVERITY_MEDIUM);
  g_autoptr(WbAdvice) advice = wb_advice_new ();
  const char *references[] = { "CIS 11.5", NULL };

  advice->risk = g_strdup (_("After a break-in or a broken disk the backup may turn out "
                             "not to work."));
  advice->step = g_strdup (_("Restore one folder from the backup every quarter and check "
                             "that the files open."));
  advice->owner = WB_OWNER_COMPANY;
  advice->priority = WB_PRIORITY_QUARTER;
  advice->effort = 1;
  advice->solution = WB_SOLUTION_ORGANISATIONAL;
  g_strfreev (advice->references);
  advice->references = g_strdupv ((char **) references);
  wb_finding_set_advice (finding, advice);
  wb_finding_set_confidence (finding, WB_CONFIDENCE_STATED);
  wb_finding_add_evidence (finding, _("The owner said the backup was never restored."));
  wb_run_context_add_finding (context, finding);
}

static gboolean
run_step (gpointer user_data)
{
  GTask *task = user_data;
  RunData *data = g_task_get_task_data (task);
  guint n = g_strv_length (data->targets);

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;
  if (g_strcmp0 (data->mode, "hang") == 0)
    {
      data->waited_ms += 10;
      if (data->waited_ms < HANG_LIMIT_MS)
        return G_SOURCE_CONTINUE;
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                               "selftest: not cancelled within %d ms", HANG_LIMIT_MS);
      return G_SOURCE_REMOVE;
    }
  if (data->next < n)
    {
      const char *target = data->targets[data->next++];
      g_autoptr(WbFinding) finding =
        wb_finding_new ("selftest.target-in-scope", _("In scope"), WB_SEVERITY_INFO);

      wb_finding_add_asset (finding, target);
      wb_finding_set_confidence (finding, WB_CONFIDENCE_AUTOMATED);
      wb_run_context_add_finding (data->context, finding);
      wb_run_context_progress (data->context, (double) data->next / (n + 1),
                               _("Reading the scope"));
      return G_SOURCE_CONTINUE;
    }
  add_advice_finding (data->context);
  if (g_strcmp0 (data->mode, "fail") == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The self-test failed on purpose."));
      return G_SOURCE_REMOVE;
    }
  wb_run_context_progress (data->context, 1.0, _("Done"));
  g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

static void
selftest_run_async (WbPlugin            *plugin,
                    WbRunContext        *context,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GTask *task = g_task_new (plugin, cancellable, callback, user_data);
  RunData *data = g_new0 (RunData, 1);
  JsonNode *mode = wb_run_context_get_data (context, "mode");

  data->context = g_object_ref (context);
  data->targets = wb_scope_get_targets (wb_run_context_get_scope (context));
  if (mode != NULL && json_node_get_value_type (mode) == G_TYPE_STRING)
    data->mode = g_strdup (json_node_get_string (mode));
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  wb_run_context_progress (context, 0.0, _("Starting"));
  /* One step per main-loop turn, so progress and cancellation behave as in a real scan. */
  g_timeout_add_full (G_PRIORITY_DEFAULT, 10, run_step, task, g_object_unref);
}

static const WbPluginInterface selftest_vfuncs = {
  .get_id = selftest_get_id,
  .get_title = selftest_get_title,
  .get_kind = selftest_get_kind,
  .get_required_activity = selftest_get_required_activity,
  .run_async = selftest_run_async,
};

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  wb_plugin_register_type (module, SELFTEST_TYPE_NAME, &selftest_vfuncs);
}

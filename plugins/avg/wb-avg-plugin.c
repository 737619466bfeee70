/* wb-avg-plugin.c — the GDPR 'Quick Start AVG' interview
 *
 * All content (questions, help, weights, rules, advice) is in questionnaire.json beside
 * the module; this file only loads it and runs the engine over the stored answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include "wb-plugin.h"
#include "wb-questionnaire.h"

/* Loaded once in peas_register_types: a broken content file keeps the plugin out. */
static WbQuestionnaire *questionnaire;

static const char *
avg_get_id (WbPlugin *plugin)
{
  return "avg";
}

static const char *
avg_get_title (WbPlugin *plugin)
{
  return wb_questionnaire_get_title (questionnaire);
}

static WbPluginKind
avg_get_kind (WbPlugin *plugin)
{
  return WB_PLUGIN_KIND_INTERVIEW;
}

static WbActivity
avg_get_required_activity (WbPlugin *plugin)
{
  return WB_ACTIVITY_PASSIVE;
}

static void
avg_run_async (WbPlugin            *plugin,
               WbRunContext        *context,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (plugin, cancellable, callback, user_data);
  GError *error = NULL;

  wb_run_context_progress (context, 0.0, _("Scoring the answers"));
  if (!wb_questionnaire_evaluate (questionnaire, context, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  wb_run_context_progress (context, 1.0, _("Done"));
  g_task_return_boolean (task, TRUE);
}

static const WbPluginInterface avg_vfuncs = {
  .get_id = avg_get_id,
  .get_title = avg_get_title,
  .get_kind = avg_get_kind,
  .get_required_activity = avg_get_required_activity,
  .run_async = avg_run_async,
};

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  g_autoptr(GError) error = NULL;

  if (questionnaire == NULL)
    questionnaire = wb_questionnaire_new_for_plugin_dir (peas_object_module_get_path (module),
                                                         &error);
  if (questionnaire == NULL)
    {
      /* Not registering the type keeps the plugin from loading; say why. */
      g_message ("%s", error->message);
      return;
    }
  wb_plugin_register_type (module, "WbAvgPlugin", &avg_vfuncs);
}

/* wb-patching-plugin.c — "patching": is everything the company runs still supported?
 *
 * Reads the network plugin's "hosts" and this plugin's "inventory" (imported with
 * `werkbank-cli patching import`), checks every recognised version against the
 * end-of-life data, and stores "report-sections", "score" and "eol-data-date" (the
 * date the report stamps, warning after 90 days). Passive: it touches no system.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include "wb-eol.h"
#include "wb-patching-rules.h"
#include "wb-plugin.h"
#include "wb-questionnaire.h"

#define PATCHING_ID "patching"

/* The interview (questionnaire.json beside the module); NULL when it could not be
 * loaded: the version checks still run, and the run says the interview is missing. */
static WbQuestionnaire *questionnaire;
static char *questionnaire_error;

static const char *
patching_get_id (WbPlugin *plugin)
{
  return PATCHING_ID;
}

static const char *
patching_get_title (WbPlugin *plugin)
{
  return _("Software patching");
}

static WbPluginKind
patching_get_kind (WbPlugin *plugin)
{
  return WB_PLUGIN_KIND_IMPORT;
}

static WbActivity
patching_get_required_activity (WbPlugin *plugin)
{
  return WB_ACTIVITY_PASSIVE;
}

static gboolean
store_string (WbRunContext *context, const char *key, const char *value, GError **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return wb_run_context_set_data (context, key, node, error);
}

/* Interview answers and version checks count in one score; the interview's tables come
 * before the version tables. */
static gboolean
combine (WbRunContext *context, WbPatchingResult *result, GError **error)
{
  g_autoptr(GHashTable) answers = wb_questionnaire_read_answers (questionnaire, context);
  JsonNode *interview = wb_run_context_get_data (context, "report-sections");
  g_autoptr(JsonNode) sections = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonNode) score = NULL;
  JsonArray *tables = json_array_new ();
  JsonArray *checks = json_node_get_array (result->sections);
  WbScore total;

  wb_score_init (&total);
  wb_questionnaire_score (questionnaire, answers, &total);
  wb_patching_score_add (result, &total);
  if (interview != NULL && JSON_NODE_HOLDS_ARRAY (interview))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (interview)); i++)
      json_array_add_element (tables,
                              json_node_copy (json_array_get_element (json_node_get_array (interview), i)));
  for (guint i = 0; i < json_array_get_length (checks); i++)
    json_array_add_element (tables, json_node_copy (json_array_get_element (checks, i)));
  json_node_take_array (sections, tables);
  score = wb_patching_score_node (&total);
  return wb_run_context_set_data (context, "report-sections", sections, error) &&
         wb_run_context_set_data (context, "score", score, error);
}

/* The whole run is quick (a few hundred look-ups), so it runs in one main-loop turn. */
static gboolean
patching_run (WbRunContext *context, GError **error)
{
  g_autoptr(WbEolData) eol = NULL;
  g_autoptr(WbPatchingResult) result = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  wb_run_context_progress (context, 0.1, _("Reading the end-of-life data"));
  eol = wb_eol_data_load_default (&local);
  if (eol == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The end-of-life data cannot be read: %s"), local->message);
      return FALSE;
    }
  wb_run_context_progress (context, 0.4, _("Checking versions"));
  result = wb_patching_assess (eol,
                               wb_run_context_get_other_data (context, "network", "hosts"),
                               wb_run_context_get_data (context, "inventory"), today);
  for (guint i = 0; i < result->findings->len; i++)
    wb_run_context_add_finding (context, g_ptr_array_index (result->findings, i));
  if (questionnaire == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The patching interview cannot be loaded: %s"), questionnaire_error);
      return FALSE;
    }
  /* The interview's findings, tables and score first; then one score and one list of
   * tables for both halves. */
  if (!wb_questionnaire_evaluate (questionnaire, context, error) ||
      !combine (context, result, error) ||
      !store_string (context, "eol-data-date", wb_eol_data_get_checked (eol), error))
    return FALSE;
  wb_run_context_progress (context, 1.0, _("Done"));
  return TRUE;
}

static void
patching_run_async (WbPlugin            *plugin,
                    WbRunContext        *context,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (plugin, cancellable, callback, user_data);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!patching_run (context, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static const WbPluginInterface patching_vfuncs = {
  .get_id = patching_get_id,
  .get_title = patching_get_title,
  .get_kind = patching_get_kind,
  .get_required_activity = patching_get_required_activity,
  .run_async = patching_run_async,
};

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  g_autoptr(GError) error = NULL;

  if (questionnaire == NULL && questionnaire_error == NULL)
    {
      questionnaire = wb_questionnaire_new_for_plugin_dir (peas_object_module_get_path (module),
                                                           &error);
      if (questionnaire == NULL)
        questionnaire_error = g_strdup (error->message);
    }
  wb_plugin_register_type (module, "WbPatchingPlugin", &patching_vfuncs);
}

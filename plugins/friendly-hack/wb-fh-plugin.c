/* wb-fh-plugin.c — "friendly-hack": the consent-gated checklist and the automated items
 *
 * The team records each on-site item with werkbank-cli friendly-hack record (consent,
 * who, when, outcome, evidence attachments); a run turns failed items into findings,
 * checks the website and the mail domain the agreement lists (in a worker thread, one
 * ordinary request per page), and stores "report-sections" and "score".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include "wb-fh-assess.h"
#include "wb-fh-checklist.h"
#include "wb-plugin.h"

static const char *
fh_get_id (WbPlugin *plugin)
{
  return WB_FH_PLUGIN_ID;
}

static const char *
fh_get_title (WbPlugin *plugin)
{
  return _("Friendly-hack checklist");
}

static WbPluginKind
fh_get_kind (WbPlugin *plugin)
{
  return WB_PLUGIN_KIND_CHECKLIST;
}

/* Observation, one page request and DNS are passive; the extra website requests are
 * gated by the agreement's items and the hoster's consent. */
static WbActivity
fh_get_required_activity (WbPlugin *plugin)
{
  return WB_ACTIVITY_PASSIVE;
}

typedef struct {
  WbRunContext *context;
  WbFhRun      *run;
} RunData;

static void
run_data_free (RunData *data)
{
  g_object_unref (data->context);
  wb_fh_run_free (data->run);
  g_free (data);
}

static void
checks_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RunData *data = task_data;

  wb_fh_run_checks (data->run, cancellable);
  g_task_return_boolean (task, TRUE);
}

static JsonNode *
score_node (const WbScore *score)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "light",
                                 wb_traffic_light_to_string (wb_score_get_light (score)));
  if (score->max_points > 0)
    json_object_set_int_member (object, "percent", wb_score_get_percent (score));
  json_object_set_int_member (object, "knockouts_failed", score->n_knockouts_failed);
  json_object_set_int_member (object, "unknown", score->n_unknown);
  json_node_take_object (node, object);
  return node;
}

/* Checklist answers for the score: pass yes, fail no, not done unknown. */
static void
score_records (WbScope *scope, JsonNode *records, WbScore *score)
{
  guint n;
  const WbFhItem *items = wb_fh_items (&n);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *record = records != NULL && JSON_NODE_HOLDS_OBJECT (records)
        ? json_object_get_member (json_node_get_object (records), items[i].id) : NULL;
      const char *outcome;

      if (items[i].automated || !wb_fh_item_allowed (scope, items[i].id, NULL))
        continue;
      outcome = record != NULL && wb_fh_record_validate (items[i].id, record, NULL)
        ? json_object_get_string_member (json_node_get_object (record), "outcome") : "not-done";
      wb_score_add (score, g_str_equal (outcome, "pass") ? WB_ANSWER_YES
                           : g_str_equal (outcome, "fail") ? WB_ANSWER_NO : WB_ANSWER_UNKNOWN,
                    WB_WEIGHT_IMPORTANT, FALSE);
    }
}

static void
checks_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *outer = user_data;
  RunData *data = g_task_get_task_data (outer);
  WbScope *scope = wb_run_context_get_scope (data->context);
  JsonNode *records = wb_run_context_get_data (data->context, "records");
  g_autoptr(GPtrArray) findings = wb_fh_records_findings (records);
  g_autoptr(JsonNode) sections = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonNode) score_json = NULL;
  JsonArray *tables = json_array_new ();
  GError *error = NULL;
  WbScore score;

  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      g_task_return_error_if_cancelled (outer))
    {
      if (error != NULL)
        g_task_return_error (outer, error);
      g_object_unref (outer);
      return;
    }
  wb_score_init (&score);
  score_records (scope, records, &score);
  {
    JsonNode *checklist = wb_fh_checklist_section (scope, records);
    JsonArray *rows = json_object_get_array_member (json_node_get_object (checklist), "rows");

    /* No item agreed: no empty table in the report (the notes say what was left out). */
    if (json_array_get_length (rows) > 0)
      json_array_add_element (tables, checklist);
    else
      json_node_unref (checklist);
  }
  wb_fh_run_judge (data->run, findings, tables, &score);
  if (data->run->notes->len > 0)
    {
      JsonObject *notes = json_object_new ();
      JsonArray *columns = json_array_new ();
      JsonArray *rows = json_array_new ();

      json_array_add_string_element (columns, _("Not checked"));
      for (guint i = 0; i < data->run->notes->len; i++)
        {
          JsonArray *row = json_array_new ();

          json_array_add_string_element (row, g_ptr_array_index (data->run->notes, i));
          json_array_add_array_element (rows, row);
        }
      json_object_set_string_member (notes, "title", _("What the agreement did not allow"));
      json_object_set_array_member (notes, "columns", columns);
      json_object_set_array_member (notes, "rows", rows);
      json_array_add_object_element (tables, notes);
    }
  json_node_take_array (sections, tables);
  for (guint i = 0; i < findings->len; i++)
    wb_run_context_add_finding (data->context, g_ptr_array_index (findings, i));
  score_json = score_node (&score);
  if (!wb_run_context_set_data (data->context, "report-sections", sections, &error) ||
      !wb_run_context_set_data (data->context, "score", score_json, &error))
    g_task_return_error (outer, error);
  else
    {
      wb_run_context_progress (data->context, 1.0, _("Done"));
      g_task_return_boolean (outer, TRUE);
    }
  g_object_unref (outer);
}

static void
fh_run_async (WbPlugin            *plugin,
              WbRunContext        *context,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = g_task_new (plugin, cancellable, callback, user_data);
  g_autoptr(GTask) inner = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  RunData *data = g_new0 (RunData, 1);
  GError *error = NULL;

  data->context = g_object_ref (context);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  /* Gate first, on this thread: out-of-scope targets are refused before any request. */
  data->run = wb_fh_run_new (wb_run_context_get_scope (context),
                             wb_run_context_get_data (context, "targets"), today, &error);
  if (data->run == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  wb_run_context_progress (context, 0.1, _("Checking the website and the mail domain"));
  inner = g_task_new (NULL, cancellable, checks_done, task);
  g_task_set_task_data (inner, data, NULL);
  g_task_run_in_thread (inner, checks_thread);
}

static const WbPluginInterface fh_vfuncs = {
  .get_id = fh_get_id,
  .get_title = fh_get_title,
  .get_kind = fh_get_kind,
  .get_required_activity = fh_get_required_activity,
  .run_async = fh_run_async,
};

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  wb_plugin_register_type (module, "WbFriendlyHackPlugin", &fh_vfuncs);
}

/* test-plugin-host.c — plugins are found, gated by the agreement, and leave the
 * engagement consistent when they fail or are cancelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "wb-init.h"
#include "wb-plugin-host.h"

typedef struct {
  char         *dir;
  char         *path;
  WbEngagement *engagement;
  WbPluginHost *host;
} Fixture;

static void
set_agreement (WbEngagement *engagement, WbActivity activity, const char *plugin, gboolean sign)
{
  g_autoptr(WbAgreement) agreement = wb_agreement_new_template ();
  g_autoptr(WbScope) scope = wb_scope_new ();

  g_assert_true (wb_scope_add (scope, "198.18.0.0/28", NULL));
  g_assert_true (wb_scope_add (scope, "nas.proefkeuken.test", NULL));
  wb_scope_set_max_activity (scope, activity);
  if (plugin != NULL)
    wb_scope_allow_plugin (scope, plugin);
  wb_agreement_set_scope (agreement, scope);
  wb_agreement_set_signatories (agreement, "Kees", "Petra");
  g_assert_true (wb_agreement_set_window (agreement, "2026-11-25", "2026-11-26", NULL));
  g_assert_true (wb_engagement_set_agreement (engagement, agreement, NULL));
  if (sign)
    g_assert_true (wb_engagement_sign_agreement (engagement, "2026-11-24", NULL));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbCompany) company = wb_company_new ();

  f->dir = g_dir_make_tmp ("wb-plugins-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "test.wbv", NULL);
  f->engagement = wb_engagement_create (f->path, "Sanne", "pass", NULL, &error);
  g_assert_no_error (error);
  company->name = g_strdup ("Bakkerij De Proefkeuken B.V.");
  g_assert_true (wb_engagement_set_company (f->engagement, company, NULL));
  f->host = wb_plugin_host_new ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->engagement);
  g_clear_object (&f->host);
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

typedef struct {
  GMainLoop *loop;
  GError    *error;
  gboolean   ok;
  GArray    *fractions;
  GCancellable *cancel_after_progress;
} RunResult;

static void
on_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RunResult *r = user_data;

  r->ok = wb_plugin_host_run_finish (WB_PLUGIN_HOST (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
on_progress (WbRunContext *context, double fraction, const char *message, gpointer user_data)
{
  RunResult *r = user_data;

  g_assert_nonnull (message);
  g_array_append_val (r->fractions, fraction);
  if (r->cancel_after_progress != NULL)
    g_cancellable_cancel (r->cancel_after_progress);
}

/* Runs @id to the end; returns the result (error owned by the caller). */
static RunResult
run_plugin (Fixture *f, const char *id, GCancellable *cancellable)
{
  g_autoptr(WbPlugin) plugin = wb_plugin_host_get_plugin (f->host, id, NULL);
  g_autoptr(WbRunContext) context = NULL;
  RunResult r = { 0 };

  g_assert_nonnull (plugin);
  r.loop = g_main_loop_new (NULL, FALSE);
  r.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  r.cancel_after_progress = cancellable;
  context = wb_run_context_new (G_OBJECT (f->engagement), id);
  g_signal_connect (context, "progress", G_CALLBACK (on_progress), &r);
  wb_plugin_host_run_async (f->host, f->engagement, plugin, context, cancellable, on_done, &r);
  g_main_loop_run (r.loop);
  g_main_loop_unref (r.loop);
  return r;
}

static void
test_list_and_load (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) list = wb_plugin_host_list (f->host);
  g_autoptr(WbPlugin) plugin = NULL;
  g_autoptr(WbPlugin) missing = NULL;
  g_autoptr(GError) error = NULL;
  gboolean seen_passive = FALSE, seen_active = FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      WbPluginInfo *info = list->pdata[i];

      seen_passive |= g_str_equal (info->id, "selftest");
      seen_active |= g_str_equal (info->id, "selftest-active");
    }
  g_assert_true (seen_passive);
  g_assert_true (seen_active);

  plugin = wb_plugin_host_get_plugin (f->host, "selftest-active", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wb_plugin_get_id (plugin), ==, "selftest-active");
  g_assert_cmpint (wb_plugin_get_required_activity (plugin), ==, WB_ACTIVITY_ACTIVE);
  g_assert_cmpint (wb_plugin_get_kind (plugin), ==, WB_PLUGIN_KIND_CHECKLIST);

  missing = wb_plugin_host_get_plugin (f->host, "no-such-plugin", &error);
  g_assert_null (missing);
  g_assert_error (error, WB_PLUGIN_ERROR, WB_PLUGIN_ERROR_NOT_FOUND);
  g_assert_true (strstr (error->message, "no-such-plugin") != NULL);
}

static void
assert_refused (Fixture *f, const char *id, int code, const char *needle)
{
  RunResult r = run_plugin (f, id, NULL);

  g_assert_false (r.ok);
  g_assert_error (r.error, WB_PLUGIN_ERROR, code);
  if (needle != NULL)
    g_assert_true (strstr (r.error->message, needle) != NULL);
  g_assert_cmpuint (r.fractions->len, ==, 0); /* refused before it started */
  g_error_free (r.error);
  g_array_unref (r.fractions);
}

static void
test_agreement_gate (Fixture *f, gconstpointer data)
{
  /* no agreement at all */
  g_assert_true (wb_engagement_set_plugin_enabled (f->engagement, "selftest", TRUE, NULL));
  assert_refused (f, "selftest", WB_PLUGIN_ERROR_NOT_ALLOWED, "signed");
  /* agreement recorded but not signed */
  set_agreement (f->engagement, WB_ACTIVITY_PASSIVE, "selftest", FALSE);
  assert_refused (f, "selftest", WB_PLUGIN_ERROR_NOT_ALLOWED, "signed");
  g_assert_cmpuint (wb_engagement_get_findings (f->engagement)->len, ==, 0);
}

static void
test_activity_gate (Fixture *f, gconstpointer data)
{
  set_agreement (f->engagement, WB_ACTIVITY_PASSIVE, "selftest-active", TRUE);
  g_assert_true (wb_engagement_set_plugin_enabled (f->engagement, "selftest-active", TRUE,
                                                   NULL));
  assert_refused (f, "selftest-active", WB_PLUGIN_ERROR_NOT_ALLOWED, "Active");
  /* and a plugin the agreement does not name at all */
  g_assert_true (wb_engagement_set_plugin_enabled (f->engagement, "selftest", TRUE, NULL));
  assert_refused (f, "selftest", WB_PLUGIN_ERROR_NOT_ALLOWED, "does not include");
}

static void
test_enabled_gate (Fixture *f, gconstpointer data)
{
  set_agreement (f->engagement, WB_ACTIVITY_ACTIVE, "selftest", TRUE);
  assert_refused (f, "selftest", WB_PLUGIN_ERROR_NOT_ENABLED, NULL);
}

static void
test_run_commits (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) again = NULL;
  RunResult r;
  GPtrArray *findings;
  guint n_scope = 0, n_advice = 0;

  set_agreement (f->engagement, WB_ACTIVITY_PASSIVE, "selftest", TRUE);
  g_assert_true (wb_engagement_set_plugin_enabled (f->engagement, "selftest", TRUE, NULL));
  r = run_plugin (f, "selftest", NULL);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  /* progress starts at 0, never goes back, ends at 1 */
  g_assert_cmpuint (r.fractions->len, >=, 3);
  g_assert_cmpfloat (g_array_index (r.fractions, double, 0), ==, 0.0);
  for (guint i = 1; i < r.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (r.fractions, double, i), >=,
                       g_array_index (r.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (r.fractions, double, r.fractions->len - 1), ==, 1.0);
  g_array_unref (r.fractions);

  /* the committed findings survive a reopen */
  g_clear_object (&f->engagement);
  again = wb_engagement_open (f->path, "pass", NULL);
  g_assert_nonnull (again);
  findings = wb_engagement_get_findings (again);
  for (guint i = 0; i < findings->len; i++)
    {
      WbFinding *finding = findings->pdata[i];

      g_assert_cmpstr (wb_finding_get_plugin_id (finding), ==, "selftest");
      if (g_str_equal (wb_finding_get_check_id (finding), "selftest.target-in-scope"))
        n_scope++;
      else if (g_str_equal (wb_finding_get_check_id (finding), "selftest.backup-untested"))
        {
          n_advice++;
          g_assert_nonnull (wb_finding_get_advice (finding)->step);
        }
    }
  g_assert_cmpuint (n_scope, ==, 2); /* the /28 and the host name */
  g_assert_cmpuint (n_advice, ==, 1);
  g_assert_cmpint (wb_engagement_get_stage (again), ==, WB_STAGE_REVIEW);
  f->engagement = g_steal_pointer (&again);
}

static void
set_mode (Fixture *f, const char *mode)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, mode);
  g_assert_true (wb_engagement_set_plugin_data (f->engagement, "selftest", "mode", node, NULL));
}

static void
test_failed_run_leaves_state (Fixture *f, gconstpointer data)
{
  RunResult r;
  guint64 records;

  set_agreement (f->engagement, WB_ACTIVITY_PASSIVE, "selftest", TRUE);
  g_assert_true (wb_engagement_set_plugin_enabled (f->engagement, "selftest", TRUE, NULL));
  r = run_plugin (f, "selftest", NULL);
  g_assert_true (r.ok);
  g_array_unref (r.fractions);
  g_assert_cmpuint (wb_engagement_get_findings (f->engagement)->len, ==, 3);

  set_mode (f, "fail");
  records = wb_vault_get_n_records (wb_engagement_get_vault (f->engagement));
  r = run_plugin (f, "selftest", NULL);
  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_error_free (r.error);
  g_array_unref (r.fractions);
  /* the earlier run's findings stay, nothing was written */
  g_assert_cmpuint (wb_engagement_get_findings (f->engagement)->len, ==, 3);
  g_assert_cmpuint (wb_vault_get_n_records (wb_engagement_get_vault (f->engagement)), ==,
                    records);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  RunResult r;
  guint64 records;

  set_agreement (f->engagement, WB_ACTIVITY_PASSIVE, "selftest", TRUE);
  g_assert_true (wb_engagement_set_plugin_enabled (f->engagement, "selftest", TRUE, NULL));
  set_mode (f, "hang");
  records = wb_vault_get_n_records (wb_engagement_get_vault (f->engagement));
  /* cancel as soon as the plugin reports its first progress */
  r = run_plugin (f, "selftest", cancellable);
  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_error_free (r.error);
  g_array_unref (r.fractions);
  g_assert_cmpuint (wb_engagement_get_findings (f->engagement)->len, ==, 0);
  g_assert_cmpuint (wb_vault_get_n_records (wb_engagement_get_vault (f->engagement)), ==,
                    records);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wb_init (NULL));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plugin-host/list-and-load", test_list_and_load);
  ADD ("/plugin-host/agreement-gate", test_agreement_gate);
  ADD ("/plugin-host/activity-gate", test_activity_gate);
  ADD ("/plugin-host/enabled-gate", test_enabled_gate);
  ADD ("/plugin-host/run-commits", test_run_commits);
  ADD ("/plugin-host/failed-run-leaves-state", test_failed_run_leaves_state);
  ADD ("/plugin-host/cancel", test_cancel);
#undef ADD
  return g_test_run ();
}

/* test-network-plugin.c — the network plugin's run with a stand-in probe
 *
 * tests/network-fake-probe.sh plays werkbank-probe (no packets; UDP and closed ports
 * only, so the plugin connects nowhere): the plugin must write a proper job, read the
 * events, store the hosts and raise findings, keep partial results, explain a missing
 * capability, survive garbage, ignore addresses outside the scope, and stop the probe
 * when cancelled. The real probe and the lab are tested in test-network-lab.sh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "wb-init.h"
#include "wb-plugin-host.h"

typedef struct {
  char         *dir;
  char         *path;
  WbEngagement *engagement;
  WbPluginHost *host;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbCompany) company = wb_company_new ();
  g_autoptr(WbAgreement) agreement = wb_agreement_new_template ();
  g_autoptr(WbScope) scope = wb_scope_new ();
  g_autofree char *probe = g_build_filename (g_getenv ("G_TEST_SRCDIR"),
                                             "network-fake-probe.sh", NULL);
  const char *targets = data ? data : "198.18.0.0/28";

  g_setenv ("WERKBANK_PROBE", probe, TRUE);
  f->dir = g_dir_make_tmp ("wb-network-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "test.wbv", NULL);
  f->engagement = wb_engagement_create (f->path, "Sanne", "pass", NULL, &error);
  g_assert_no_error (error);
  company->name = g_strdup ("Bakkerij De Proefkeuken B.V.");
  g_assert_true (wb_engagement_set_company (f->engagement, company, NULL));
  g_assert_true (wb_scope_add (scope, targets, NULL));
  wb_scope_set_max_activity (scope, WB_ACTIVITY_ACTIVE);
  wb_scope_allow_plugin (scope, "network");
  wb_agreement_set_scope (agreement, scope);
  wb_agreement_set_signatories (agreement, "Kees", "Petra");
  g_assert_true (wb_agreement_set_window (agreement, "2026-11-25", "2026-11-26", NULL));
  g_assert_true (wb_engagement_set_agreement (f->engagement, agreement, NULL));
  g_assert_true (wb_engagement_sign_agreement (f->engagement, "2026-11-24", NULL));
  g_assert_true (wb_engagement_set_plugin_enabled (f->engagement, "network", TRUE, NULL));
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
  GMainLoop    *loop;
  GError       *error;
  gboolean      ok;
  GCancellable *cancel_on_progress;
  double        last_fraction;
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

  g_assert_true (fraction >= r->last_fraction);
  r->last_fraction = fraction;
  /* Cancel once the probe is running (its first progress event). */
  if (r->cancel_on_progress != NULL && fraction > 0)
    g_cancellable_cancel (r->cancel_on_progress);
}

static RunResult
run_network (Fixture *f, const char *mode, GCancellable *cancellable)
{
  g_autoptr(WbPlugin) plugin = wb_plugin_host_get_plugin (f->host, "network", NULL);
  g_autoptr(WbRunContext) context = NULL;
  RunResult r = { 0 };

  g_assert_nonnull (plugin);
  g_setenv ("FAKE_PROBE_MODE", mode, TRUE);
  r.loop = g_main_loop_new (NULL, FALSE);
  r.cancel_on_progress = cancellable;
  context = wb_run_context_new (G_OBJECT (f->engagement), "network");
  g_signal_connect (context, "progress", G_CALLBACK (on_progress), &r);
  wb_plugin_host_run_async (f->host, f->engagement, plugin, context, cancellable, on_done, &r);
  g_main_loop_run (r.loop);
  g_main_loop_unref (r.loop);
  return r;
}

static WbFinding *
find (WbEngagement *engagement, const char *check_id)
{
  GPtrArray *findings = wb_engagement_get_findings (engagement);

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (wb_finding_get_check_id (findings->pdata[i]), check_id))
      return findings->pdata[i];
  return NULL;
}

static JsonArray *
stored_hosts (Fixture *f)
{
  JsonNode *node = wb_engagement_get_plugin_data (f->engagement, "network", "hosts");

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

static const char *
stored_light (Fixture *f)
{
  JsonNode *score = wb_engagement_get_plugin_data (f->engagement, "network", "score");

  g_assert_nonnull (score);
  return json_object_get_string_member (json_node_get_object (score), "light");
}

static void
test_scan (Fixture *f, gconstpointer data)
{
  RunResult r = run_network (f, "udp", NULL);
  JsonArray *hosts;
  JsonObject *host;
  JsonNode *sections, *scan;
  WbFinding *finding;

  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpfloat (r.last_fraction, ==, 1.0);
  hosts = stored_hosts (f);
  g_assert_cmpuint (json_array_get_length (hosts), ==, 2);
  host = json_array_get_object_element (hosts, 0);
  g_assert_cmpstr (json_object_get_string_member (host, "address"), ==, "198.18.0.5");
  g_assert_cmpstr (json_object_get_string_member (host, "mac"), ==, "02:00:00:00:00:05");
  /* The host with only a closed port is kept, without ports. */
  host = json_array_get_object_element (hosts, 1);
  g_assert_cmpstr (json_object_get_string_member (host, "address"), ==, "198.18.0.6");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (host, "ports")), ==, 0);
  finding = find (f->engagement, "network.snmp-public");
  g_assert_nonnull (finding);
  g_assert_true (g_strv_contains (wb_finding_get_assets (finding), "198.18.0.5"));
  g_assert_nonnull (strstr (wb_finding_get_evidence (finding)[0], "Lab switch"));
  g_assert_null (find (f->engagement, "network.telnet-open"));
  g_assert_null (find (f->engagement, "network.scan-incomplete"));
  sections = wb_engagement_get_plugin_data (f->engagement, "network", "report-sections");
  g_assert_nonnull (sections);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (sections));
  scan = wb_engagement_get_plugin_data (f->engagement, "network", "scan");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (scan), "complete"));
  /* The area's traffic light follows the worst exposure: here SNMP public, medium. */
  g_assert_cmpint (wb_finding_get_severity (finding), ==, WB_SEVERITY_MEDIUM);
  g_assert_cmpstr (stored_light (f), ==, "orange");
}

static void
test_no_capability (Fixture *f, gconstpointer data)
{
  RunResult r = run_network (f, "nocap", NULL);

  g_assert_false (r.ok);
  g_assert_nonnull (r.error);
  /* Says exactly how to grant it, with the probe's path. */
  g_assert_nonnull (strstr (r.error->message, "sudo setcap cap_net_raw,cap_net_admin+ep "));
  g_assert_nonnull (strstr (r.error->message, "network-fake-probe.sh"));
  g_assert_cmpuint (wb_engagement_get_findings (f->engagement)->len, ==, 0);
  g_assert_null (wb_engagement_get_plugin_data (f->engagement, "network", "hosts"));
  g_error_free (r.error);
}

static void
test_partial (Fixture *f, gconstpointer data)
{
  RunResult r = run_network (f, "partial", NULL);
  JsonNode *scan;

  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpuint (json_array_get_length (stored_hosts (f)), ==, 1);
  g_assert_nonnull (find (f->engagement, "network.snmp-public"));
  g_assert_nonnull (find (f->engagement, "network.scan-incomplete"));
  scan = wb_engagement_get_plugin_data (f->engagement, "network", "scan");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (scan), "complete"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (scan),
                                                          "message"), "pcap_next_ex"));
  g_assert_cmpstr (stored_light (f), !=, "green"); /* an incomplete scan is never green */
}

static void
test_garbage (Fixture *f, gconstpointer data)
{
  RunResult r = run_network (f, "garbage", NULL);
  JsonArray *hosts;

  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  /* Bad lines skipped, the out-of-scope address ignored, the good event kept. */
  hosts = stored_hosts (f);
  g_assert_cmpuint (json_array_get_length (hosts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hosts, 0),
                                                  "address"), ==, "198.18.0.5");
  g_assert_nonnull (find (f->engagement, "network.snmp-public"));
  g_assert_false (g_strv_contains (wb_finding_get_assets (find (f->engagement,
                                                                "network.snmp-public")),
                                   "192.0.2.1"));
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 start = g_get_monotonic_time ();
  RunResult r = run_network (f, "hang", cancellable);

  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* The probe was told to stop (SIGTERM), not waited out (it would run 30 s). */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpuint (wb_engagement_get_findings (f->engagement)->len, ==, 0);
  g_assert_null (wb_engagement_get_plugin_data (f->engagement, "network", "hosts"));
  g_error_free (r.error);
}

static void
test_missing_probe (Fixture *f, gconstpointer data)
{
  RunResult r;

  g_setenv ("WERKBANK_PROBE", "/nonexistent/werkbank-probe", TRUE);
  r = run_network (f, "udp", NULL);
  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (r.error->message, "/nonexistent/werkbank-probe"));
  g_error_free (r.error);
}

static void
test_no_addresses (Fixture *f, gconstpointer data)
{
  RunResult r = run_network (f, "udp", NULL);

  /* A scope of host names only: nothing the scanner may send packets to. */
  g_assert_false (r.ok);
  g_assert_error (r.error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE);
  g_assert_nonnull (strstr (r.error->message, "IPv4"));
  g_error_free (r.error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wb_init (NULL));
  g_test_add ("/network/plugin/scan", Fixture, NULL, fixture_set_up, test_scan,
              fixture_tear_down);
  g_test_add ("/network/plugin/no-capability", Fixture, NULL, fixture_set_up,
              test_no_capability, fixture_tear_down);
  g_test_add ("/network/plugin/partial", Fixture, NULL, fixture_set_up, test_partial,
              fixture_tear_down);
  g_test_add ("/network/plugin/garbage", Fixture, NULL, fixture_set_up, test_garbage,
              fixture_tear_down);
  g_test_add ("/network/plugin/cancel", Fixture, NULL, fixture_set_up, test_cancel,
              fixture_tear_down);
  g_test_add ("/network/plugin/missing-probe", Fixture, NULL, fixture_set_up,
              test_missing_probe, fixture_tear_down);
  g_test_add ("/network/plugin/no-addresses", Fixture, "nas.proefkeuken.test",
              fixture_set_up, test_no_addresses, fixture_tear_down);
  return g_test_run ();
}

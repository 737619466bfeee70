/* test-merge.c — duplicate findings of the network and access-control plugins: found,
 * merged with a reason, still merged after a reopen and after either plugin runs again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "wb-engagement.h"
#include "wb-init.h"

#define PASS "correct horse battery staple"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("wb-merge-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "test.wbv", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static WbEngagement *
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  WbEngagement *engagement = wb_engagement_open (f->path, PASS, &error);

  g_assert_no_error (error);
  g_assert_nonnull (engagement);
  return engagement;
}

static WbFinding *
finding (const char *check_id, WbSeverity severity, const char *asset, const char *evidence)
{
  WbFinding *finding = wb_finding_new (check_id, check_id, severity);

  if (asset != NULL)
    wb_finding_add_asset (finding, asset);
  if (evidence != NULL)
    wb_finding_add_evidence (finding, evidence);
  return finding;
}

/* What the network plugin reports: one finding per check, the hosts as assets. Every
 * call makes new objects (new ids), as a real re-run does. */
static void
run_network (WbEngagement *engagement, const char *rdp_evidence)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  WbFinding *rdp = finding ("network.rdp-exposed", WB_SEVERITY_HIGH, "198.18.0.20",
                            rdp_evidence);

  wb_finding_add_asset (rdp, "198.18.0.21");
  g_ptr_array_add (list, rdp);
  g_ptr_array_add (list, finding ("network.telnet-open", WB_SEVERITY_MEDIUM, "198.18.0.30",
                                  "198.18.0.30 port 23/tcp is open."));
  g_ptr_array_add (list, finding ("network.smbv1", WB_SEVERITY_HIGH, "198.18.0.20", NULL));
  g_assert_true (wb_engagement_commit_run (engagement, "network", list, &error));
  g_assert_no_error (error);
}

/* What the access-control plugin reports: one finding per host and port. */
static void
run_access (WbEngagement *engagement, const char *rdp_evidence, const char *extra_host)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (list, finding ("access-control.rdp-reachable", WB_SEVERITY_HIGH,
                                  "198.18.0.20:3389", rdp_evidence));
  g_ptr_array_add (list, finding ("access-control.rdp-reachable", WB_SEVERITY_HIGH,
                                  "198.18.0.21:3389", NULL));
  g_ptr_array_add (list, finding ("access-control.telnet-open", WB_SEVERITY_HIGH,
                                  "198.18.0.30:23", "Telnet answers on 198.18.0.30"));
  /* Reachable SMB is not the same problem as SMB1: never suggested as a duplicate. */
  g_ptr_array_add (list, finding ("access-control.smb-reachable", WB_SEVERITY_MEDIUM,
                                  "198.18.0.20:445", NULL));
  if (extra_host != NULL)
    g_ptr_array_add (list, finding ("access-control.rdp-reachable", WB_SEVERITY_HIGH,
                                    extra_host, NULL));
  g_assert_true (wb_engagement_commit_run (engagement, "access-control", list, &error));
  g_assert_no_error (error);
}

static WbEngagement *
create_with_both_runs (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  WbEngagement *engagement = wb_engagement_create (f->path, "Sanne", PASS, NULL, &error);

  g_assert_no_error (error);
  run_network (engagement, "198.18.0.20 port 3389/tcp is open.");
  run_access (engagement, "RDP answers on 198.18.0.20", NULL);
  return engagement;
}

static guint
count_check (WbEngagement *engagement, const char *check_id)
{
  GPtrArray *findings = wb_engagement_get_findings (engagement);
  guint count = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (wb_finding_get_check_id (findings->pdata[i]), check_id))
      count++;
  return count;
}

static WbFinding *
first_of_check (WbEngagement *engagement, const char *check_id)
{
  GPtrArray *findings = wb_engagement_get_findings (engagement);

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (wb_finding_get_check_id (findings->pdata[i]), check_id))
      return findings->pdata[i];
  return NULL;
}

/* The group whose first (kept) finding has @check_id. */
static GStrv
group_kept_as (GPtrArray *groups, WbEngagement *engagement, const char *check_id)
{
  for (guint i = 0; i < groups->len; i++)
    {
      GStrv group = groups->pdata[i];
      WbFinding *keep = wb_engagement_lookup_finding (engagement, group[0]);

      if (g_str_equal (wb_finding_get_check_id (keep), check_id))
        return group;
    }
  return NULL;
}

static void
merge_rdp (WbEngagement *engagement)
{
  g_autoptr(GPtrArray) groups = wb_engagement_find_duplicates (engagement);
  g_autoptr(GError) error = NULL;
  GStrv group = group_kept_as (groups, engagement, "network.rdp-exposed");

  g_assert_nonnull (group);
  g_assert_true (wb_engagement_merge_findings (engagement, group[0],
                                               (const char * const *) group + 1,
                                               "Same RDP port, seen by both plugins",
                                               &error));
  g_assert_no_error (error);
}

static void
test_suggestions (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create_with_both_runs (f);
  g_autoptr(GPtrArray) groups = wb_engagement_find_duplicates (engagement);
  GStrv rdp, telnet;

  /* RDP on two hosts (one network finding, two access findings) and Telnet; not SMB. */
  g_assert_cmpuint (groups->len, ==, 2);
  rdp = group_kept_as (groups, engagement, "network.rdp-exposed");
  g_assert_nonnull (rdp);
  g_assert_cmpuint (g_strv_length (rdp), ==, 3);
  for (guint i = 1; i < 3; i++)
    g_assert_cmpstr (wb_finding_get_check_id (wb_engagement_lookup_finding (engagement,
                                                                            rdp[i])),
                     ==, "access-control.rdp-reachable");
  /* The worse severity is the one suggested to keep: merging must not hide it. */
  telnet = group_kept_as (groups, engagement, "access-control.telnet-open");
  g_assert_nonnull (telnet);
  g_assert_cmpuint (g_strv_length (telnet), ==, 2);
  g_assert_cmpstr (wb_finding_get_check_id (wb_engagement_lookup_finding (engagement,
                                                                          telnet[1])),
                   ==, "network.telnet-open");
}

static void
test_merge_persists (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create_with_both_runs (f);
  g_autoptr(WbEngagement) again = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_auto(GStrv) merged = NULL;
  g_autofree char *keep_id = NULL;
  GPtrArray *audit;
  WbAuditEntry *last;
  WbFinding *keep;
  guint before = wb_engagement_get_findings (engagement)->len;
  JsonArray *merges;

  keep_id = g_strdup (wb_finding_get_id (first_of_check (engagement, "network.rdp-exposed")));
  merge_rdp (engagement);
  g_assert_cmpuint (wb_engagement_get_findings (engagement)->len, ==, before - 2);
  g_assert_cmpuint (count_check (engagement, "access-control.rdp-reachable"), ==, 0);

  audit = wb_engagement_get_audit (engagement);
  last = audit->pdata[audit->len - 1];
  g_assert_cmpstr (last->action, ==, "finding.merge");
  g_assert_nonnull (strstr (last->summary, "Same RDP port, seen by both plugins"));
  g_assert_nonnull (strstr (last->summary, "access-control.rdp-reachable"));
  g_clear_object (&engagement);

  again = reopen (f);
  g_assert_cmpuint (wb_engagement_get_findings (again)->len, ==, before - 2);
  keep = wb_engagement_lookup_finding (again, keep_id);
  g_assert_nonnull (keep);
  /* The access plugin's evidence is now on the kept finding; its hosts were there. */
  g_assert_true (g_strv_contains (wb_finding_get_evidence (keep), "RDP answers on 198.18.0.20"));
  g_assert_cmpuint (g_strv_length ((char **) wb_finding_get_assets (keep)), ==, 2);
  merged = wb_engagement_get_merged_checks (again, keep_id);
  g_assert_cmpuint (g_strv_length (merged), ==, 1);
  g_assert_cmpstr (merged[0], ==, "access-control.rdp-reachable");
  groups = wb_engagement_find_duplicates (again);
  g_assert_cmpuint (groups->len, ==, 1); /* Telnet is still to do */

  json = wb_engagement_findings_to_json (again);
  merges = json_object_get_array_member (json_node_get_object (json), "merges");
  g_assert_cmpuint (json_array_get_length (merges), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (merges, 0),
                                                  "keep"), ==, keep_id);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (merges, 0),
                                                  "reason"),
                   ==, "Same RDP port, seen by both plugins");
}

static void
test_rerun_absorbed_plugin (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create_with_both_runs (f);
  g_autoptr(WbEngagement) again = NULL;
  WbFinding *keep;
  g_autofree char *keep_id = NULL;

  merge_rdp (engagement);
  keep_id = g_strdup (wb_finding_get_id (first_of_check (engagement, "network.rdp-exposed")));
  /* The access checks run again: new ids, new evidence, and RDP on a third host. */
  run_access (engagement, "RDP still answers on 198.18.0.20", "198.18.0.22:3389");
  g_clear_object (&engagement);

  again = reopen (f);
  /* The two merged ones do not come back; the new host is a finding of its own. */
  g_assert_cmpuint (count_check (again, "access-control.rdp-reachable"), ==, 1);
  g_assert_cmpstr (wb_finding_get_assets (first_of_check (again,
                                                          "access-control.rdp-reachable"))[0],
                   ==, "198.18.0.22:3389");
  keep = wb_engagement_lookup_finding (again, keep_id);
  g_assert_nonnull (keep);
  g_assert_true (g_strv_contains (wb_finding_get_evidence (keep),
                                  "RDP still answers on 198.18.0.20"));
  g_assert_cmpuint (count_check (again, "access-control.telnet-open"), ==, 1);
}

static void
test_rerun_kept_plugin (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create_with_both_runs (f);
  g_autoptr(WbEngagement) again = NULL;
  g_auto(GStrv) merged = NULL;
  WbFinding *keep;

  merge_rdp (engagement);
  /* The network scan runs again: the kept finding is replaced by one with a new id. */
  run_network (engagement, "198.18.0.20 port 3389/tcp is still open.");
  g_assert_cmpuint (count_check (engagement, "network.rdp-exposed"), ==, 1);
  g_assert_cmpuint (count_check (engagement, "access-control.rdp-reachable"), ==, 0);
  /* Then the access checks too: still merged into the new version. */
  run_access (engagement, "RDP answers on 198.18.0.20", NULL);
  g_clear_object (&engagement);

  again = reopen (f);
  g_assert_cmpuint (count_check (again, "access-control.rdp-reachable"), ==, 0);
  keep = first_of_check (again, "network.rdp-exposed");
  g_assert_true (g_strv_contains (wb_finding_get_evidence (keep),
                                  "198.18.0.20 port 3389/tcp is still open."));
  g_assert_true (g_strv_contains (wb_finding_get_evidence (keep), "RDP answers on 198.18.0.20"));
  merged = wb_engagement_get_merged_checks (again, wb_finding_get_id (keep));
  g_assert_cmpstr (merged[0], ==, "access-control.rdp-reachable");
}

static void
assert_refused (WbEngagement *engagement, const char *keep, const char * const *others,
                const char *reason, int code)
{
  g_autoptr(GError) error = NULL;
  guint audit = wb_engagement_get_audit (engagement)->len;
  guint findings = wb_engagement_get_findings (engagement)->len;

  g_assert_false (wb_engagement_merge_findings (engagement, keep, others, reason, &error));
  g_assert_error (error, WB_ENGAGEMENT_ERROR, code);
  g_assert_cmpuint (wb_engagement_get_audit (engagement)->len, ==, audit);
  g_assert_cmpuint (wb_engagement_get_findings (engagement)->len, ==, findings);
}

static void
test_bad_merges_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create_with_both_runs (f);
  g_autoptr(WbEngagement) again = NULL;
  const char *keep = wb_finding_get_id (first_of_check (engagement, "network.rdp-exposed"));
  const char *other = wb_finding_get_id (first_of_check (engagement,
                                                         "access-control.rdp-reachable"));
  const char *unknown[] = { "0000000000000000", NULL };
  const char *self_merge[] = { keep, NULL };
  const char *twice[] = { other, other, NULL };
  const char *good[] = { other, NULL };
  const char *none[] = { NULL };
  guint audit = wb_engagement_get_audit (engagement)->len;

  assert_refused (engagement, "0000000000000000", good, "why", WB_ENGAGEMENT_ERROR_NOT_FOUND);
  assert_refused (engagement, keep, unknown, "why", WB_ENGAGEMENT_ERROR_NOT_FOUND);
  assert_refused (engagement, keep, self_merge, "why", WB_ENGAGEMENT_ERROR_INVALID);
  assert_refused (engagement, keep, twice, "why", WB_ENGAGEMENT_ERROR_INVALID);
  assert_refused (engagement, keep, none, "why", WB_ENGAGEMENT_ERROR_INVALID);
  assert_refused (engagement, keep, good, "", WB_ENGAGEMENT_ERROR_INVALID);
  assert_refused (engagement, keep, good, NULL, WB_ENGAGEMENT_ERROR_INVALID);
  g_clear_object (&engagement);

  /* Nothing was written: the file reads back with the same history and findings. */
  again = reopen (f);
  g_assert_cmpuint (wb_engagement_get_audit (again)->len, ==, audit);
  g_assert_cmpuint (count_check (again, "access-control.rdp-reachable"), ==, 2);
}

static void
append_raw_event (WbEngagement *engagement, const char *json)
{
  g_autoptr(GBytes) payload = g_bytes_new (json, strlen (json));

  g_assert_true (wb_vault_append (wb_engagement_get_vault (engagement), WB_RECORD_EVENT,
                                  payload, NULL, NULL));
}

/* A merge from a newer Werkbank, or one naming findings that do not exist, keeps the
 * file from opening rather than being half applied. */
static void
test_malformed_merge_events (Fixture *f, gconstpointer data)
{
  static const struct {
    int version;
    const char *more_merged;
    const char *reason;
    const char *more_members;
    int code;
  } cases[] = {
    { 2, "", "r", "", WB_ENGAGEMENT_ERROR_NEWER },
    { 1, ",\"ffff\"", "r", "", WB_ENGAGEMENT_ERROR_INVALID },
    { 1, "", "", "", WB_ENGAGEMENT_ERROR_INVALID },
    { 1, "", "r", ",\"x\":1", WB_ENGAGEMENT_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WbEngagement) engagement = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *event_data = NULL;
      g_autofree char *event = NULL;

      g_unlink (f->path);
      engagement = create_with_both_runs (f);
      event_data =
        g_strdup_printf ("{\"version\":%d,\"keep\":\"%s\",\"merged\":[\"%s\"%s],"
                         "\"reason\":\"%s\"%s}", cases[i].version,
                         wb_finding_get_id (first_of_check (engagement, "network.rdp-exposed")),
                         wb_finding_get_id (first_of_check (engagement,
                                                            "access-control.rdp-reachable")),
                         cases[i].more_merged, cases[i].reason, cases[i].more_members);
      event = g_strdup_printf ("{\"v\":1,\"action\":\"finding.merge\",\"actor\":\"x\","
                               "\"summary\":\"s\",\"data\":%s}", event_data);
      append_raw_event (engagement, event);
      g_clear_object (&engagement);
      engagement = wb_engagement_open (f->path, PASS, &error);
      g_assert_null (engagement);
      g_assert_nonnull (error);
      if (cases[i].code == WB_ENGAGEMENT_ERROR_NEWER)
        g_assert_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_NEWER);
      else
        g_assert_true (error->domain == WB_ENGAGEMENT_ERROR ||
                       error->domain == G_IO_ERROR);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wb_init (NULL));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/merge/suggestions", test_suggestions);
  ADD ("/merge/persists", test_merge_persists);
  ADD ("/merge/rerun-absorbed-plugin", test_rerun_absorbed_plugin);
  ADD ("/merge/rerun-kept-plugin", test_rerun_kept_plugin);
  ADD ("/merge/bad-merges-refused", test_bad_merges_refused);
  ADD ("/merge/malformed-events", test_malformed_merge_events);
#undef ADD
  return g_test_run ();
}

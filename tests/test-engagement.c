/* test-engagement.c — the engagement keeps every change, in the vault, with its history
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
  f->dir = g_dir_make_tmp ("wb-engagement-XXXXXX", NULL);
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
create (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  WbEngagement *engagement = wb_engagement_create (f->path, "Sanne", PASS, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (engagement);
  return engagement;
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

static WbAgreement *
complete_agreement (void)
{
  WbAgreement *agreement = wb_agreement_new_template ();
  g_autoptr(WbScope) scope = wb_scope_new ();

  g_assert_true (wb_scope_add (scope, "198.18.0.0/24", NULL));
  wb_scope_set_max_activity (scope, WB_ACTIVITY_PASSIVE);
  wb_scope_allow_plugin (scope, "selftest");
  wb_agreement_set_scope (agreement, scope);
  wb_agreement_set_signatories (agreement, "Kees Bakker", "Petra Jansen");
  g_assert_true (wb_agreement_set_window (agreement, "2026-11-25", "2026-11-27", NULL));
  return agreement;
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create (f);
  g_autoptr(WbEngagement) again = NULL;
  g_autoptr(WbCompany) company = wb_company_new ();
  g_autoptr(WbPerson) student = wb_person_new ("Sanne de Vries", WB_ROLE_STUDENT);
  g_autoptr(WbPerson) teacher = wb_person_new ("Petra Jansen", WB_ROLE_TEACHER);
  g_autoptr(WbAgreement) agreement = complete_agreement ();
  g_autoptr(GError) error = NULL;
  const WbCompany *read;

  company->name = g_strdup ("Bakkerij Ŝmit & Zonen");
  company->kvk = g_strdup ("12345678");
  company->sbi = g_strdup ("10.71");
  company->size = WB_SIZE_MICRO;
  company->province = g_strdup ("limburg");
  g_assert_true (wb_engagement_set_company (engagement, company, &error));
  g_assert_true (wb_engagement_add_person (engagement, student, &error));
  g_assert_true (wb_engagement_add_person (engagement, teacher, &error));
  g_assert_true (wb_engagement_set_agreement (engagement, agreement, &error));
  g_assert_true (wb_engagement_sign_agreement (engagement, "2026-11-24", &error));
  g_assert_true (wb_engagement_set_plugin_enabled (engagement, "selftest", TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&engagement);

  again = reopen (f);
  read = wb_engagement_get_company (again);
  g_assert_nonnull (read);
  g_assert_cmpstr (read->name, ==, "Bakkerij Ŝmit & Zonen");
  g_assert_cmpstr (read->kvk, ==, "12345678");
  g_assert_cmpstr (read->province, ==, "limburg");
  g_assert_cmpint (read->size, ==, WB_SIZE_MICRO);
  g_assert_cmpuint (wb_engagement_get_people (again)->len, ==, 2);
  g_assert_true (wb_agreement_is_signed (wb_engagement_get_agreement (again)));
  g_assert_cmpstr (wb_agreement_get_signed_on (wb_engagement_get_agreement (again)), ==,
                   "2026-11-24");
  g_assert_true (wb_engagement_is_plugin_enabled (again, "selftest"));
  g_assert_false (wb_engagement_is_plugin_enabled (again, "network"));
  g_assert_cmpint (wb_engagement_get_stage (again), ==, WB_STAGE_SCAN);
}

static void
test_audit_trail (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create (f);
  g_autoptr(WbEngagement) again = NULL;
  g_autoptr(WbPerson) person = wb_person_new ("Kees Bakker", WB_ROLE_SIGNATORY);
  GPtrArray *audit;
  WbAuditEntry *last;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_true (wb_engagement_add_person (engagement, person, NULL));
  g_assert_true (wb_engagement_remove_person (engagement, "Kees Bakker", NULL));
  g_clear_object (&engagement);

  again = reopen (f);
  audit = wb_engagement_get_audit (again);
  /* create, add, remove: every change, in order, by the slot holder */
  g_assert_cmpuint (audit->len, ==, 3);
  g_assert_cmpstr (((WbAuditEntry *) audit->pdata[0])->action, ==, "engagement.create");
  g_assert_cmpstr (((WbAuditEntry *) audit->pdata[1])->action, ==, "person.add");
  last = audit->pdata[2];
  g_assert_cmpstr (last->action, ==, "person.remove");
  g_assert_cmpstr (last->actor, ==, "Sanne");
  g_assert_true (strstr (last->summary, "Kees Bakker") != NULL);
  g_assert_cmpint (ABS (last->time - now), <, 120);
  g_assert_cmpuint (wb_engagement_get_people (again)->len, ==, 0);
}

static void
test_bad_input_keeps_data (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create (f);
  g_autoptr(WbEngagement) again = NULL;
  g_autoptr(WbCompany) good = wb_company_new ();
  g_autoptr(WbCompany) bad = wb_company_new ();
  g_autoptr(WbAgreement) incomplete = wb_agreement_new_template ();
  g_autoptr(GError) error = NULL;
  guint64 records;

  good->name = g_strdup ("Goed B.V.");
  g_assert_true (wb_engagement_set_company (engagement, good, NULL));
  records = wb_vault_get_n_records (wb_engagement_get_vault (engagement));

  bad->name = g_strdup ("Fout B.V.");
  bad->kvk = g_strdup ("1234");
  g_assert_false (wb_engagement_set_company (engagement, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* Signing an incomplete agreement names what is missing and writes nothing. */
  g_assert_true (wb_engagement_set_agreement (engagement, incomplete, NULL));
  records++;
  g_assert_false (wb_engagement_sign_agreement (engagement, "2026-11-24", &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INCOMPLETE);
  g_assert_true (strstr (error->message, "signatory") != NULL);
  g_clear_error (&error);
  g_assert_false (wb_engagement_remove_person (engagement, "Niemand", &error));
  g_assert_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_NOT_FOUND);
  g_assert_cmpuint (wb_vault_get_n_records (wb_engagement_get_vault (engagement)), ==,
                    records);
  g_clear_object (&engagement);

  again = reopen (f);
  g_assert_cmpstr (wb_engagement_get_company (again)->name, ==, "Goed B.V.");
  g_assert_false (wb_agreement_is_signed (wb_engagement_get_agreement (again)));
}

static void
test_signed_agreement_stays (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create (f);
  g_autoptr(WbAgreement) agreement = complete_agreement ();
  g_autoptr(WbAgreement) unsigned_one = complete_agreement ();
  g_autoptr(GError) error = NULL;

  g_assert_true (wb_engagement_set_agreement (engagement, agreement, NULL));
  g_assert_true (wb_engagement_sign_agreement (engagement, "2026-11-24", NULL));
  g_assert_false (wb_engagement_set_agreement (engagement, unsigned_one, &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_SIGNED);
  g_clear_error (&error);
  g_assert_false (wb_engagement_sign_agreement (engagement, "2026-11-25", &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_SIGNED);
  g_assert_cmpstr (wb_agreement_get_signed_on (wb_engagement_get_agreement (engagement)),
                   ==, "2026-11-24");
}

static void
test_wrong_passphrase (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create (f);
  g_autoptr(WbEngagement) other = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&engagement);
  other = wb_engagement_open (f->path, "Correct horse battery staple", &error);
  g_assert_null (other);
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_WRONG_KEY);
  /* The message must not echo the passphrase. */
  g_assert_null (strstr (error->message, "horse"));
}

static void
append_raw_event (WbEngagement *engagement, const char *json)
{
  g_autoptr(GBytes) payload = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;

  g_assert_true (wb_vault_append (wb_engagement_get_vault (engagement), WB_RECORD_EVENT,
                                  payload, NULL, &error));
  g_assert_no_error (error);
}

static void
test_newer_and_malformed_events (Fixture *f, gconstpointer data)
{
  static const struct { const char *json; int code; } cases[] = {
    { "{\"v\":1,\"action\":\"report.teleport\",\"actor\":\"x\",\"data\":{}}",
      WB_ENGAGEMENT_ERROR_NEWER },
    { "{\"v\":2,\"action\":\"company.set\",\"actor\":\"x\",\"data\":{}}",
      WB_ENGAGEMENT_ERROR_NEWER },
    { "not json at all", WB_ENGAGEMENT_ERROR_INVALID },
    { "{\"v\":1,\"action\":\"plugin.run\",\"actor\":\"x\",\"data\":{\"plugin\":\"p\"}}",
      WB_ENGAGEMENT_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WbEngagement) engagement = NULL;
      g_autoptr(WbEngagement) again = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GMappedFile) map = NULL;

      g_unlink (f->path);
      engagement = create (f);
      append_raw_event (engagement, cases[i].json);
      g_clear_object (&engagement);
      map = g_mapped_file_new (f->path, FALSE, NULL);
      before = g_mapped_file_get_bytes (map);
      g_clear_pointer (&map, g_mapped_file_unref);

      again = wb_engagement_open (f->path, PASS, &error);
      g_assert_null (again);
      g_assert_nonnull (error);
      if (cases[i].code == WB_ENGAGEMENT_ERROR_NEWER)
        g_assert_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_NEWER);
      else
        g_assert_true (error->domain == WB_ENGAGEMENT_ERROR ||
                       error->domain == G_IO_ERROR);
      /* Refusing to read must not change one byte of the file. */
      map = g_mapped_file_new (f->path, FALSE, NULL);
      after = g_mapped_file_get_bytes (map);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_stage_and_missing (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create (f);
  g_autoptr(GPtrArray) missing = wb_engagement_get_missing (engagement);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(WbAgreement) agreement = complete_agreement ();
  g_autoptr(WbCompany) company = wb_company_new ();
  g_autoptr(WbPerson) student = wb_person_new ("Sanne", WB_ROLE_STUDENT);
  g_autoptr(WbPerson) teacher = wb_person_new ("Petra", WB_ROLE_TEACHER);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpint (wb_engagement_get_stage (engagement), ==, WB_STAGE_PREPARE);
  g_assert_cmpuint (missing->len, >, 5);
  company->name = g_strdup ("X B.V.");
  g_assert_true (wb_engagement_set_company (engagement, company, NULL));
  g_assert_true (wb_engagement_add_person (engagement, student, NULL));
  g_assert_true (wb_engagement_add_person (engagement, teacher, NULL));
  g_assert_true (wb_engagement_set_agreement (engagement, agreement, NULL));
  g_assert_true (wb_engagement_sign_agreement (engagement, "2026-11-24", NULL));
  g_assert_true (wb_engagement_set_plugin_enabled (engagement, "selftest", TRUE, NULL));
  g_assert_cmpint (wb_engagement_get_stage (engagement), ==, WB_STAGE_SCAN);
  after = wb_engagement_get_missing (engagement);
  g_assert_cmpuint (after->len, ==, 1); /* only the plugin's run */
  g_assert_true (strstr (after->pdata[0], "selftest") != NULL);

  g_ptr_array_add (findings, wb_finding_new ("selftest.one", "One", WB_SEVERITY_LOW));
  g_assert_true (wb_engagement_commit_run (engagement, "selftest", findings, NULL));
  g_assert_cmpint (wb_engagement_get_stage (engagement), ==, WB_STAGE_REVIEW);
}

static void
test_findings_review (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create (f);
  g_autoptr(WbEngagement) again = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  WbFinding *first;
  g_autofree char *id = NULL;

  g_ptr_array_add (findings, wb_finding_new ("selftest.low", "Low", WB_SEVERITY_LOW));
  g_ptr_array_add (findings, wb_finding_new ("selftest.high", "High", WB_SEVERITY_HIGH));
  g_assert_true (wb_engagement_commit_run (engagement, "selftest", findings, NULL));
  /* A re-run replaces the plugin's findings: no doubles. */
  g_assert_true (wb_engagement_commit_run (engagement, "selftest", findings, NULL));
  g_assert_cmpuint (wb_engagement_get_findings (engagement)->len, ==, 2);

  plan = wb_engagement_get_action_plan (engagement);
  g_assert_cmpstr (wb_finding_get_check_id (plan->pdata[0]), ==, "selftest.high");

  first = wb_engagement_get_findings (engagement)->pdata[0];
  id = g_strdup (wb_finding_get_id (first));
  wb_finding_set_severity (first, WB_SEVERITY_MEDIUM, "Only reachable from the office");
  g_assert_false (wb_engagement_update_finding (engagement, first, "", &error));
  g_assert_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (wb_engagement_update_finding (engagement, first, "Teacher's review", &error));
  g_assert_true (wb_engagement_remove_finding (engagement,
                                               wb_finding_get_id (findings->pdata[1]),
                                               "Duplicate of another finding", &error));
  g_assert_no_error (error);
  g_clear_object (&engagement);

  again = reopen (f);
  g_assert_cmpuint (wb_engagement_get_findings (again)->len, ==, 1);
  first = wb_engagement_lookup_finding (again, id);
  g_assert_nonnull (first);
  g_assert_cmpint (wb_finding_get_severity (first), ==, WB_SEVERITY_MEDIUM);
  g_assert_cmpstr (wb_finding_get_severity_reason (first), ==, "Only reachable from the office");
}

static void
test_teacher_key_slot (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create (f);
  g_autoptr(WbEngagement) as_teacher = NULL;
  g_autoptr(WbX25519Key) key = wb_x25519_key_generate (NULL);
  g_autoptr(WbPerson) person = wb_person_new ("Petra", WB_ROLE_TEACHER);
  g_autoptr(GError) error = NULL;
  GPtrArray *audit;

  g_assert_true (wb_vault_add_public_key_slot (wb_engagement_get_vault (engagement), "Petra",
                                               wb_x25519_key_get_public (key), NULL, &error));
  g_clear_object (&engagement);
  as_teacher = wb_engagement_open_with_key (f->path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wb_engagement_get_actor (as_teacher), ==, "Petra");
  g_assert_true (wb_engagement_add_person (as_teacher, person, &error));
  audit = wb_engagement_get_audit (as_teacher);
  g_assert_cmpstr (((WbAuditEntry *) audit->pdata[audit->len - 1])->actor, ==, "Petra");
}

static void
test_findings_json (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create (f);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  JsonArray *list;

  g_ptr_array_add (findings, wb_finding_new ("selftest.one", "Één", WB_SEVERITY_CRITICAL));
  g_assert_true (wb_engagement_commit_run (engagement, "selftest", findings, NULL));
  node = wb_engagement_findings_to_json (engagement);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "werkbank-findings-1");
  list = json_object_get_array_member (root, "findings");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0),
                                                  "severity"), ==, "critical");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0),
                                                  "plugin"), ==, "selftest");
}

static WbDataCategory *
find_category (GPtrArray *inventory, const char *id)
{
  for (guint i = 0; i < inventory->len; i++)
    if (g_str_equal (((WbDataCategory *) inventory->pdata[i])->id, id))
      return inventory->pdata[i];
  return NULL;
}

static void
test_data_inventory (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create (f);
  g_autoptr(GPtrArray) empty = wb_engagement_get_data_inventory (engagement);
  g_autoptr(GPtrArray) inventory = NULL;
  g_autoptr(WbCompany) company = wb_company_new ();
  g_autoptr(WbPerson) person = wb_person_new ("Sanne", WB_ROLE_STUDENT);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonNode) answer = json_node_new (JSON_NODE_VALUE);
  g_autoptr(GInputStream) photo = g_memory_input_stream_new_from_data ("JPEG", 4, NULL);
  g_autofree char *attachment = NULL;
  WbDataCategory *category;

  /* A new engagement holds only its own history. */
  g_assert_cmpuint (empty->len, ==, 1);
  g_assert_cmpstr (((WbDataCategory *) empty->pdata[0])->id, ==, "audit");

  company->name = g_strdup ("Eenmanszaak Jansen");
  company->size = WB_SIZE_MICRO;
  g_assert_true (wb_engagement_set_company (engagement, company, NULL));
  g_assert_true (wb_engagement_add_person (engagement, person, NULL));
  json_node_set_string (answer, "yes");
  g_assert_true (wb_engagement_set_plugin_data (engagement, "avg", "q1", answer, NULL));
  g_assert_true (wb_engagement_set_plugin_data (engagement, "avg", "q2", answer, NULL));
  g_ptr_array_add (findings, wb_finding_new ("avg.no-register", "X", WB_SEVERITY_HIGH));
  g_assert_true (wb_engagement_commit_run (engagement, "avg", findings, NULL));
  attachment = wb_vault_add_attachment (wb_engagement_get_vault (engagement), "door.jpg",
                                        "image/jpeg", photo, NULL, NULL);
  g_assert_nonnull (attachment);

  inventory = wb_engagement_get_data_inventory (engagement);
  category = find_category (inventory, "company");
  g_assert_nonnull (category);
  g_assert_true (category->personal); /* a sole trader's details are personal data */
  g_assert_cmpuint (find_category (inventory, "people")->count, ==, 1);
  category = find_category (inventory, "plugin:avg");
  g_assert_nonnull (category);
  g_assert_cmpuint (category->count, ==, 2);
  g_assert_cmpuint (category->bytes, >, 0);
  g_assert_cmpuint (find_category (inventory, "findings")->count, ==, 1);
  category = find_category (inventory, "attachments");
  g_assert_cmpuint (category->count, ==, 1);
  g_assert_cmpuint (category->bytes, ==, 4);
  g_assert_null (find_category (inventory, "agreement")); /* none recorded yet */
  g_assert_cmpuint (find_category (inventory, "audit")->count, ==, 6);
}

static void
count_change (WbEngagement *engagement, const char *action, gpointer user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, g_strdup (action));
}

/* Front ends redraw on "changed": it fires once per committed change, with the action,
 * and never for a change that was refused. */
static void
test_changed_signal (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) engagement = create (f);
  g_autoptr(WbCompany) good = wb_company_new ();
  g_autoptr(WbCompany) bad = wb_company_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) detailed = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (engagement, "changed", G_CALLBACK (count_change), seen);
  g_signal_connect (engagement, "changed::company.set", G_CALLBACK (count_change), detailed);
  good->name = g_strdup ("Goed B.V.");
  g_assert_true (wb_engagement_set_company (engagement, good, NULL));
  bad->name = g_strdup ("Fout B.V.");
  bad->kvk = g_strdup ("1234");
  g_assert_false (wb_engagement_set_company (engagement, bad, NULL));
  g_assert_true (wb_engagement_set_plugin_enabled (engagement, "selftest", TRUE, NULL));

  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "company.set");
  g_assert_cmpuint (detailed->len, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wb_init (NULL));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/engagement/round-trip", test_round_trip);
  ADD ("/engagement/audit-trail", test_audit_trail);
  ADD ("/engagement/bad-input-keeps-data", test_bad_input_keeps_data);
  ADD ("/engagement/signed-agreement-stays", test_signed_agreement_stays);
  ADD ("/engagement/wrong-passphrase", test_wrong_passphrase);
  ADD ("/engagement/newer-and-malformed-events", test_newer_and_malformed_events);
  ADD ("/engagement/stage-and-missing", test_stage_and_missing);
  ADD ("/engagement/findings-review", test_findings_review);
  ADD ("/engagement/teacher-key-slot", test_teacher_key_slot);
  ADD ("/engagement/findings-json", test_findings_json);
  ADD ("/engagement/data-inventory", test_data_inventory);
  ADD ("/engagement/changed-signal", test_changed_signal);
#undef ADD
  return g_test_run ();
}

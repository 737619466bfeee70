/* test-aggregate.c — the anonymous aggregate export and the coordinator's table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "wb-aggregate.h"
#include "wb-init.h"
#include "wb-score.h"

#define PASS "aggregate test passphrase"

typedef struct {
  char         *dir;
  char         *path;
  WbEngagement *engagement;
  GPtrArray    *canaries; /* every marker put into the engagement */
} Fixture;

/* A marker that cannot occur in a record by chance. */
static char *
canary (Fixture *f, const char *where)
{
  char *marker = g_strdup_printf ("CANARY%s%08x", where, g_random_int ());

  g_ptr_array_add (f->canaries, marker);
  return g_strdup (marker);
}

static void
set_company (Fixture *f)
{
  g_autoptr(WbCompany) company = wb_company_new ();
  g_autofree char *kvk = g_strdup_printf ("%08u", g_random_int_range (10000000, 99999999));

  company->name = canary (f, "name");
  company->kvk = g_strdup (kvk);
  g_ptr_array_add (f->canaries, g_strdup (kvk));
  company->sbi = g_strdup ("10.71");
  g_ptr_array_add (f->canaries, g_strdup ("10.71"));
  company->size = WB_SIZE_MICRO;
  company->province = g_strdup ("groningen");
  g_assert_true (wb_engagement_set_company (f->engagement, company, NULL));
}

static void
add_people (Fixture *f)
{
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = canary (f, "person");
      g_autoptr(WbPerson) person = wb_person_new (name, i == 0 ? WB_ROLE_CONTACT
                                                  : WB_ROLE_STUDENT);

      person->organisation = canary (f, "org");
      person->email = g_strdup_printf ("%s@example.test", name);
      person->phone = canary (f, "phone");
      g_assert_true (wb_engagement_add_person (f->engagement, person, NULL));
    }
}

static void
set_agreement (Fixture *f, gboolean consent)
{
  g_autoptr(WbAgreement) agreement = wb_agreement_new_template ();
  g_autoptr(WbScope) scope = wb_scope_new ();
  const WbClauseInfo *clauses = wb_agreement_get_clauses ();
  g_autofree char *signatory = canary (f, "signatory");
  g_autofree char *teacher = canary (f, "teacher");
  g_autofree char *host = canary (f, "host");
  g_autofree char *domain = g_strdup_printf ("%s.example.test", host);

  for (guint i = 0; clauses[i].id != NULL; i++)
    {
      g_autofree char *text = canary (f, "clause");

      g_assert_true (wb_agreement_set_clause (agreement, clauses[i].id, text, NULL));
    }
  g_assert_true (wb_scope_add (scope, "198.18.7.0/24", NULL));
  g_ptr_array_add (f->canaries, g_strdup ("198.18.7"));
  g_assert_true (wb_scope_add (scope, domain, NULL));
  wb_scope_set_max_activity (scope, WB_ACTIVITY_ACTIVE);
  wb_scope_allow_plugin (scope, "network");
  wb_agreement_set_scope (agreement, scope);
  wb_agreement_set_signatories (agreement, signatory, teacher);
  g_assert_true (wb_agreement_set_window (agreement, "2026-11-20", "2026-11-21", NULL));
  g_ptr_array_add (f->canaries, g_strdup ("2026-11"));
  g_assert_true (wb_agreement_set_retention_months (agreement, 6, NULL));
  wb_agreement_set_aggregate_consent (agreement, consent);
  g_assert_true (wb_engagement_set_agreement (f->engagement, agreement, NULL));
  g_assert_true (wb_engagement_sign_agreement (f->engagement, "2026-11-19", NULL));
}

/* A score with free text of its own beside the members the export may take. */
static void
set_score (Fixture *f, const char *plugin, int percent, const char *light)
{
  g_autofree char *note = canary (f, "note");
  g_autofree char *json =
    g_strdup_printf ("{\"percent\": %d, \"light\": \"%s\", \"knockouts_failed\": 1, "
                     "\"unknown\": 2, \"note\": \"%s\", \"hosts\": [\"198.18.7.9\"]}",
                     percent, light, note);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autofree char *other = canary (f, "data");
  g_autoptr(JsonNode) free_text = json_node_init_string (json_node_alloc (), other);

  g_assert_nonnull (node);
  g_assert_true (wb_engagement_set_plugin_enabled (f->engagement, plugin, TRUE, NULL));
  g_assert_true (wb_engagement_set_plugin_data (f->engagement, plugin, "score", node, NULL));
  g_assert_true (wb_engagement_set_plugin_data (f->engagement, plugin, "notes", free_text,
                                                NULL));
}

static WbFinding *
make_finding (Fixture *f, const char *check_id)
{
  g_autofree char *title = canary (f, "title");
  g_autofree char *evidence = canary (f, "evidence");
  g_autofree char *asset = canary (f, "asset");
  g_autofree char *reason = canary (f, "reason");
  g_autoptr(WbAdvice) advice = wb_advice_new ();
  WbFinding *finding = wb_finding_new (check_id, title, WB_SEVERITY_HIGH);

  advice->risk = canary (f, "risk");
  advice->step = canary (f, "step");
  wb_finding_set_advice (finding, advice);
  wb_finding_add_evidence (finding, evidence);
  wb_finding_add_evidence (finding, "Port 3389 open on 198.18.7.10 (OpenSSH_8.9p1)");
  wb_finding_add_asset (finding, asset);
  wb_finding_add_asset (finding, "198.18.7.10");
  wb_finding_set_severity (finding, WB_SEVERITY_CRITICAL, reason);
  return finding;
}

static void
add_findings (Fixture *f)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (findings, make_finding (f, "network.rdp-exposed"));
  g_ptr_array_add (findings, make_finding (f, "network.rdp-exposed"));
  g_ptr_array_add (findings, make_finding (f, "network.ftp-open"));
  g_assert_true (wb_engagement_commit_run (f->engagement, "network", findings, NULL));
  g_ptr_array_add (f->canaries, g_strdup ("OpenSSH"));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->canaries = g_ptr_array_new_with_free_func (g_free);
  f->dir = g_dir_make_tmp ("wb-aggregate-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "test.wbv", NULL);
  f->engagement = wb_engagement_create (f->path, "Sanne", PASS, NULL, &error);
  g_assert_no_error (error);
  set_company (f);
  add_people (f);
  set_agreement (f, data == NULL);
  set_score (f, "network", 41, "red");
  set_score (f, "avg", 85, "green");
  add_findings (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->engagement);
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
  g_ptr_array_unref (f->canaries);
}

/* Every string the engagement holds, marked with a random canary, stays out of the
 * record; the record holds exactly the coarse fields. */
static void
test_export_no_identifying_data (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) record = wb_aggregate_record_from_engagement (f->engagement, &error);
  g_autofree char *text = NULL;
  g_autoptr(WbAggregateRecord) parsed = NULL;

  g_assert_no_error (error);
  text = json_to_string (record, FALSE);
  for (guint i = 0; i < f->canaries->len; i++)
    if (strstr (text, f->canaries->pdata[i]) != NULL)
      g_error ("\"%s\" leaked into the record: %s", (char *) f->canaries->pdata[i], text);
  g_assert_null (strstr (text, "CANARY"));
  g_assert_null (strstr (text, "198.18"));
  g_assert_null (strstr (text, "@"));
  g_assert_cmpstr (text, ==,
                   "{\"format\":\"werkbank-aggregate-1\",\"sbi_section\":\"C\","
                   "\"size\":\"lt10\",\"province\":\"groningen\",\"quarter\":\"2026-Q4\","
                   "\"plugins\":{\"avg\":{\"percent\":85,\"light\":\"green\"},"
                   "\"network\":{\"percent\":41,\"light\":\"red\"}},"
                   "\"findings\":[\"network.ftp-open\",\"network.rdp-exposed\"]}");
  parsed = wb_aggregate_record_parse (record, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parsed->sbi_section, ==, "C");
}

static void
test_export_refused_without_consent (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) record = wb_aggregate_record_from_engagement (f->engagement, &error);

  g_assert_null (record);
  g_assert_error (error, WB_AGGREGATE_ERROR, WB_AGGREGATE_ERROR_NO_CONSENT);
}

static WbAggregateRecord *
record_parse (const char *json, GError **error)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return wb_aggregate_record_parse (node, error);
}

#define GOOD "\"sbi_section\":\"C\",\"size\":\"lt10\",\"province\":\"groningen\"," \
  "\"quarter\":\"2026-Q4\""

static void
test_parse_bad_records (void)
{
  static const struct { const char *json; int code; const char *says; } cases[] = {
    { "{\"format\":\"werkbank-aggregate-2\"," GOOD ",\"plugins\":{},\"findings\":[]}",
      WB_AGGREGATE_ERROR_VERSION, "werkbank-aggregate-2" },
    { "{\"format\":\"werkbank-findings-1\"," GOOD ",\"plugins\":{},\"findings\":[]}",
      WB_AGGREGATE_ERROR_INVALID, "not a Werkbank aggregate record" },
    { "{" GOOD ",\"plugins\":{},\"findings\":[]}", WB_AGGREGATE_ERROR_INVALID, "format" },
    { "[1]", WB_AGGREGATE_ERROR_INVALID, "JSON object" },
    { "{\"format\":\"werkbank-aggregate-1\"," GOOD ",\"plugins\":{},\"findings\":[],"
      "\"name\":\"Bakkerij\"}", -1, "name" },
    { "{\"format\":\"werkbank-aggregate-1\"," GOOD ",\"plugins\":{}}", -1, "findings" },
    { "{\"format\":\"werkbank-aggregate-1\"," GOOD ",\"plugins\":{\"avg\":"
      "{\"light\":\"purple\"}},\"findings\":[]}", WB_AGGREGATE_ERROR_INVALID, "traffic light" },
    { "{\"format\":\"werkbank-aggregate-1\"," GOOD ",\"plugins\":{\"avg\":"
      "{\"light\":\"red\",\"percent\":140}},\"findings\":[]}", WB_AGGREGATE_ERROR_INVALID,
      "between 0 and 100" },
    { "{\"format\":\"werkbank-aggregate-1\"," GOOD ",\"plugins\":{},"
      "\"findings\":[\"b.x\",\"a.x\"]}", WB_AGGREGATE_ERROR_INVALID, "sorted" },
    { "{\"format\":\"werkbank-aggregate-1\"," GOOD ",\"plugins\":{},"
      "\"findings\":[\"Free text here\"]}", WB_AGGREGATE_ERROR_INVALID, "finding id" },
    { "{\"format\":\"werkbank-aggregate-1\",\"sbi_section\":\"Z\",\"size\":\"lt10\","
      "\"province\":\"groningen\",\"quarter\":\"2026-Q4\",\"plugins\":{},\"findings\":[]}",
      WB_AGGREGATE_ERROR_INVALID, "SBI section" },
    { "{\"format\":\"werkbank-aggregate-1\",\"sbi_section\":\"C\",\"size\":\"lt10\","
      "\"province\":\"groningen\",\"quarter\":\"2026-11-20\",\"plugins\":{},"
      "\"findings\":[]}", WB_AGGREGATE_ERROR_INVALID, "YYYY-Qn" },
    { "{\"format\":\"werkbank-aggregate-1\",\"sbi_section\":\"C\",\"size\":\"lt10\","
      "\"province\":\"atlantis\",\"quarter\":\"2026-Q4\",\"plugins\":{},"
      "\"findings\":[]}", WB_AGGREGATE_ERROR_INVALID, "province" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WbAggregateRecord) record = record_parse (cases[i].json, &error);

      g_assert_null (record);
      g_assert_nonnull (error);
      if (cases[i].code >= 0)
        g_assert_error (error, WB_AGGREGATE_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("case %u: \"%s\" does not mention \"%s\"", i, error->message, cases[i].says);
    }
}

/* Can the value of every hidden entry still take two values, given what is shown? The
 * candidates run from 0 to @max per cell: fewer candidates than an attacker would try,
 * so two solutions here are two solutions for the attacker too. */
static gboolean
solutions_next (guint *trial, const guint *hidden, guint n_hidden, guint max)
{
  for (guint i = 0; i < n_hidden; i++)
    {
      if (trial[hidden[i]] < max)
        {
          trial[hidden[i]]++;
          return TRUE;
        }
      trial[hidden[i]] = 0;
    }
  return FALSE;
}

/* Do the cells in @trial give every shown entry of @table? @sums: scratch space. */
static gboolean
consistent (WbCrossTable *table, const guint *trial, guint *sums)
{
  guint R = table->n_rows, C = table->n_cols, width = C + 1;

  memcpy (sums, trial, (R + 1) * width * sizeof (guint));
  for (guint r = 0; r <= R; r++)
    sums[r * width + C] = 0;
  for (guint c = 0; c < C; c++)
    sums[R * width + c] = 0;
  for (guint r = 0; r < R; r++)
    for (guint c = 0; c < C; c++)
      {
        sums[r * width + C] += trial[r * width + c];
        sums[R * width + c] += trial[r * width + c];
        sums[R * width + C] += trial[r * width + c];
      }
  for (guint i = 0; i < (R + 1) * width; i++)
    if (!table->suppressed[i] && sums[i] != table->values[i])
      return FALSE;
  return TRUE;
}

static void
assert_not_recomputable (WbCrossTable *table, guint max)
{
  guint width = table->n_cols + 1;
  guint size = (table->n_rows + 1) * width;
  g_autofree guint *trial = g_new0 (guint, size);
  g_autofree guint *hidden = g_new0 (guint, size);
  g_autofree guint *first = g_new0 (guint, size);
  g_autofree gboolean *varies = g_new0 (gboolean, size);
  g_autofree guint *sums = g_new0 (guint, size);
  gboolean found = FALSE;
  guint n_hidden = 0;

  for (guint r = 0; r < table->n_rows; r++)
    for (guint c = 0; c < table->n_cols; c++)
      {
        guint i = r * width + c;

        trial[i] = table->values[i];
        if (table->suppressed[i])
          {
            hidden[n_hidden++] = i;
            trial[i] = 0;
          }
      }
  do
    {
      if (!consistent (table, trial, sums))
        continue;
      for (guint i = 0; i < size; i++)
        {
          if (!found)
            first[i] = sums[i];
          else if (first[i] != sums[i])
            varies[i] = TRUE;
        }
      found = TRUE;
    }
  while (solutions_next (trial, hidden, n_hidden, max));
  g_assert_true (found);
  for (guint i = 0; i < size; i++)
    if (table->suppressed[i] && !varies[i])
      g_error ("hidden entry %u (value %u) can be recomputed", i, table->values[i]);
}

/* A worked example: one small cell hides a second one in its row and its column. */
static void
test_suppress_example (void)
{
  static const guint cells[3][3] = { { 3, 6, 7 }, { 8, 9, 10 }, { 6, 0, 12 } };
  g_autoptr(WbCrossTable) table = wb_cross_table_new (3, 3);

  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 3; c++)
      *wb_cross_table_at (table, r, c) = cells[r][c];
  wb_cross_table_sum (table);
  wb_cross_table_suppress (table, 5);
  /* The 3 is hidden; so are the 6 beside it and the 6 below it (the smallest others),
   * and the zero that closes the rectangle; the rest stays shown. */
  for (guint r = 0; r <= 3; r++)
    for (guint c = 0; c <= 3; c++)
      g_assert_cmpint (wb_cross_table_is_suppressed (table, r, c), ==,
                       (r == 0 || r == 2) && (c == 0 || c == 1));
  assert_not_recomputable (table, 20);
}

static guint
interior_hidden (WbCrossTable *table)
{
  guint n = 0;

  for (guint r = 0; r < table->n_rows; r++)
    for (guint c = 0; c < table->n_cols; c++)
      n += wb_cross_table_is_suppressed (table, r, c) ? 1 : 0;
  return n;
}

/* Random small tables: nothing below k is shown, and nothing hidden can be worked out
 * from what is shown. */
static void
test_suppress_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);

  for (guint round = 0; round < 300; round++)
    {
      guint rows = g_rand_int_range (rand, 1, 4);
      guint cols = g_rand_int_range (rand, 2, 4);
      guint k = g_rand_int_range (rand, 5, 7);
      g_autoptr(WbCrossTable) table = wb_cross_table_new (rows, cols);
      guint hidden = 0;

      for (guint r = 0; r < rows; r++)
        for (guint c = 0; c < cols; c++)
          *wb_cross_table_at (table, r, c) =
            g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_int_range (rand, 1, 10);
      wb_cross_table_sum (table);
      wb_cross_table_suppress (table, k);
      for (guint r = 0; r <= rows; r++)
        {
          guint total = *wb_cross_table_at (table, r, cols);

          for (guint c = 0; c <= cols; c++)
            {
              guint value = *wb_cross_table_at (table, r, c);

              hidden += wb_cross_table_is_suppressed (table, r, c) ? 1 : 0;
              if ((value > 0 && value < k) || (total > 0 && total < k))
                g_assert_true (wb_cross_table_is_suppressed (table, r, c));
            }
        }
      if (hidden > 0 && interior_hidden (table) <= 4)
        assert_not_recomputable (table, 15);
    }
}

static WbAggregateRecord *
make_record (const char *section, const char *size, const char *light, int percent,
             gboolean finding)
{
  g_autofree char *json =
    g_strdup_printf ("{\"format\":\"werkbank-aggregate-1\",\"sbi_section\":\"%s\","
                     "\"size\":\"%s\",\"province\":\"groningen\",\"quarter\":\"2026-Q4\","
                     "\"plugins\":{\"avg\":{\"percent\":%d,\"light\":\"%s\"}},"
                     "\"findings\":[%s]}", section, size, percent, light,
                     finding ? "\"avg.no-register\"" : "");
  g_autoptr(GError) error = NULL;
  WbAggregateRecord *record = record_parse (json, &error);

  g_assert_no_error (error);
  return record;
}

static void
test_table (void)
{
  g_autoptr(GPtrArray) records =
    g_ptr_array_new_with_free_func ((GDestroyNotify) wb_aggregate_record_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbAggregateTable) table = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *dir = g_dir_make_tmp ("wb-aggregate-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *contents = NULL;

  /* Sector C: 6 companies (all red); sector G: 7 (5 green, 2 orange); sector F: 2. */
  for (guint i = 0; i < 6; i++)
    g_ptr_array_add (records, make_record ("C", "lt10", "red", 30 + i, TRUE));
  for (guint i = 0; i < 7; i++)
    g_ptr_array_add (records, make_record ("G", "lt50", i < 5 ? "green" : "orange", 90 - i,
                                           i < 1));
  for (guint i = 0; i < 2; i++)
    g_ptr_array_add (records, make_record ("F", "lt10", "red", 10, TRUE));

  g_assert_null (wb_aggregate_table_new (records, WB_AGGREGATE_BY_SECTOR, 4, &error));
  g_assert_error (error, WB_AGGREGATE_ERROR, WB_AGGREGATE_ERROR_K);
  g_clear_error (&error);

  table = wb_aggregate_table_new (records, WB_AGGREGATE_BY_SECTOR, 5, &error);
  g_assert_no_error (error);
  csv = wb_aggregate_table_to_csv (table);
  g_test_message ("%s", csv);
  /* F (2 companies) is hidden entirely, zeros included (no shares over fewer than k).
   * G's 2 orange are hidden, so more of G is too (else 7 minus the rest gives them
   * away); the red column then hides C's red (else 8 - 6 gives F's red), and so C's
   * total. G, with 7 companies and a shown total, keeps its average; C does not. */
  g_assert_nonnull (strstr (csv, "plugin,avg,C,*,*,*,0,,,*\r\n"));
  g_assert_nonnull (strstr (csv, "plugin,avg,F,*,*,*,*,,,*\r\n"));
  g_assert_nonnull (strstr (csv, "plugin,avg,G,7,*,*,*,,,87\r\n"));
  g_assert_nonnull (strstr (csv, "plugin,avg,total,15,8,*,*,,,55\r\n"));
  /* The finding: 6 of 6 in C, 2 of 2 in F, 1 of 7 in G. */
  g_assert_nonnull (strstr (csv, "finding,avg.no-register,F,*,,,,*,*,\r\n"));
  g_assert_nonnull (strstr (csv, "finding,avg.no-register,G,7,,,,*,*,\r\n"));
  g_assert_nonnull (strstr (csv, "finding,avg.no-register,total,15,,,,9,6,\r\n"));
  for (guint i = 0; i < table->sections->len; i++)
    {
      WbAggregateSection *section = g_ptr_array_index (table->sections, i);

      assert_not_recomputable (section->table, 8);
    }

  g_assert_true (wb_aggregate_table_write_chart (table, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (wb_aggregate_table_write_chart (table, png, &error));
  g_assert_true (g_file_get_contents (png, &contents, NULL, NULL));
  g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
  g_assert_false (wb_aggregate_table_write_chart (table, "chart.gif", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_unlink (svg);
  g_unlink (png);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_assert_true (wb_init (NULL));
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/aggregate/export/no-identifying-data", Fixture, NULL, fixture_set_up,
              test_export_no_identifying_data, fixture_tear_down);
  g_test_add ("/aggregate/export/no-consent", Fixture, GINT_TO_POINTER (1), fixture_set_up,
              test_export_refused_without_consent, fixture_tear_down);
  g_test_add_func ("/aggregate/parse/bad-records", test_parse_bad_records);
  g_test_add_func ("/aggregate/suppress/example", test_suppress_example);
  g_test_add_func ("/aggregate/suppress/brute-force", test_suppress_brute_force);
  g_test_add_func ("/aggregate/table", test_table);
  return g_test_run ();
}

/* test-questionnaire.c — the questionnaire engine: shipped content loads, broken content
 * is refused with file, line and problem, skip logic, scoring with knock-outs, answers
 * files turning into exactly the expected findings, evidence stored in the vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "wb-engagement.h"
#include "wb-init.h"
#include "wb-questionnaire.h"

static char *tmp_dir;

static char *
write_content (const char *name, const char *text)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static WbQuestionnaire *
load_text (const char *text, GError **error)
{
  g_autofree char *path = write_content ("content.json", text);
  WbQuestionnaire *q = wb_questionnaire_new_from_file (path, error);

  g_unlink (path);
  return q;
}

static char *
shipped_path (const char *plugin, const char *file)
{
  return g_test_build_filename (G_TEST_DIST, "..", "plugins", plugin, file, NULL);
}

static void
test_shipped (gconstpointer data)
{
  const char *plugin = data;
  g_autofree char *path = shipped_path (plugin, "questionnaire.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(WbQuestionnaire) q = wb_questionnaire_new_from_file (path, &error);
  guint n_legal = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (wb_questionnaire_get_id (q), ==, plugin);
  g_assert_cmpuint (wb_questionnaire_get_n_questions (q), >=, 15);
  g_assert_cmpuint (wb_questionnaire_get_n_rules (q), >=, 15);
  for (guint i = 0; i < wb_questionnaire_get_n_questions (q); i++)
    {
      const WbQuestion *question = wb_questionnaire_get_question (q, i);

      if (question->weight == WB_WEIGHT_LEGAL_DUTY)
        n_legal++;
      /* Every scored question says what it rests on. */
      if (question->type == WB_QUESTION_ANSWER)
        g_assert_nonnull (question->reference);
    }
  g_assert_cmpuint (n_legal, >, 0);
}

#define HEAD "{\"format\": \"werkbank-questionnaire-1\", \"id\": \"t\", \"title\": \"T\",\n"
#define Q_CAM "{\"id\": \"cameras\", \"type\": \"choice\", \"text\": \"Cameras?\", " \
              "\"options\": [{\"id\": \"yes\", \"label\": \"Yes\"}, {\"id\": \"no\", \"label\": \"No\"}]}"
#define Q_DPIA(show_if) "{\"id\": \"dpia\", \"type\": \"answer\", \"text\": \"DPIA?\", " \
                        "\"weight\": 3, \"show_if\": " show_if "}"
#define SECTION(questions) "\"sections\": [{\"id\": \"s\", \"title\": \"S\", \"questions\": [\n" \
                           questions "]}]"
#define RULE(when) "\"rules\": [{\"finding\": \"t.x\", \"when\": " when ", \"title\": \"X\"," \
                   " \"severity\": \"high\", \"risk\": \"R\", \"step\": \"S\", \"owner\": " \
                   "\"company\", \"priority\": \"now\", \"effort\": 1, \"solution\": " \
                   "\"organisational\"}]"

typedef struct {
  const char *name;
  const char *text;
  const char *expect[3];
} Broken;

static const Broken broken[] = {
  { "syntax", HEAD "\"sections\": [,]}", { "content.json:2", NULL } },
  { "unknown-field", HEAD SECTION ("{\"id\": \"a\", \"type\": \"answer\", \"text\": \"A?\",\n"
                                   "\"wieght\": 2}") "}",
    { "content.json:3", "sections[0].questions[0]", "wieght" } },
  { "missing-question", HEAD SECTION (Q_CAM) ",\n" RULE ("{\"question\": \"nope\", \"is\": \"yes\"}") "}",
    { "rules[0].when", "nope", "content.json:" } },
  { "bad-weight", HEAD SECTION ("{\"id\": \"a\", \"type\": \"answer\", \"text\": \"A?\", \"weight\": 5}") "}",
    { "sections[0].questions[0]", "weight", NULL } },
  { "forward", HEAD SECTION (Q_DPIA ("{\"question\": \"cameras\", \"is\": \"yes\"}") ",\n" Q_CAM) "}",
    { "show_if", "cameras", "earlier" } },
  { "cyclic", HEAD SECTION (Q_DPIA ("{\"question\": \"dpia\", \"is\": \"yes\"}")) "}",
    { "show_if", "itself", NULL } },
  { "bad-value", HEAD SECTION (Q_CAM ",\n" Q_DPIA ("{\"question\": \"cameras\", \"is\": \"ja\"}")) "}",
    { "“ja”", "cameras", NULL } },
  { "eval-attempt", HEAD SECTION (Q_CAM ",\n" Q_DPIA ("\"cameras == 'yes' || system('x')\"")) "}",
    { "show_if", NULL } },
  { "no-format", "{\"id\": \"t\", \"title\": \"T\", \"sections\": []}", { "format", NULL } },
};

static void
test_broken (gconstpointer data)
{
  const Broken *b = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WbQuestionnaire) q = load_text (b->text, &error);

  g_assert_null (q);
  g_assert_error (error, WB_QUESTIONNAIRE_ERROR, WB_QUESTIONNAIRE_ERROR_INVALID);
  g_test_message ("%s: %s", b->name, error->message);
  g_assert_nonnull (strstr (error->message, "content.json"));
  for (guint i = 0; i < G_N_ELEMENTS (b->expect) && b->expect[i]; i++)
    g_assert_nonnull (strstr (error->message, b->expect[i]));
}

static GHashTable *
answers_new (const char *first_id, ...)
{
  GHashTable *answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) json_node_unref);
  va_list args;

  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, value);
      json_builder_end_object (b);
      g_hash_table_insert (answers, (gpointer) id, json_builder_get_root (b));
    }
  va_end (args);
  return answers;
}

static void
test_skip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbQuestionnaire) q = load_text (HEAD SECTION (Q_CAM ",\n"
      "{\"id\": \"health\", \"type\": \"choice\", \"text\": \"Health?\", \"options\": ["
      "{\"id\": \"yes\", \"label\": \"Yes\"}, {\"id\": \"no\", \"label\": \"No\"}]},\n"
      Q_DPIA ("{\"any\": [{\"question\": \"cameras\", \"is\": \"yes\"}, "
              "{\"question\": \"health\", \"is\": \"yes\"}]}") ",\n"
      "{\"id\": \"signs\", \"type\": \"answer\", \"text\": \"Signs?\", \"weight\": 1, "
      "\"show_if\": {\"all\": [{\"question\": \"cameras\", \"is\": \"yes\"}, "
      "{\"question\": \"dpia\", \"is_not\": \"yes\"}]}}") "}", &error);
  const WbQuestion *dpia, *signs;

  g_assert_no_error (error);
  dpia = wb_questionnaire_lookup (q, "dpia");
  signs = wb_questionnaire_lookup (q, "signs");
  {
    g_autoptr(GHashTable) a = answers_new ("cameras", "no", "health", "no", NULL);

    g_assert_false (wb_questionnaire_is_shown (q, dpia, a));
    g_assert_false (wb_questionnaire_is_shown (q, signs, a));
  }
  {
    g_autoptr(GHashTable) a = answers_new ("cameras", "no", "health", "yes", NULL);

    g_assert_true (wb_questionnaire_is_shown (q, dpia, a));
    g_assert_false (wb_questionnaire_is_shown (q, signs, a));
  }
  {
    g_autoptr(GHashTable) a = answers_new ("cameras", "yes", "health", "no", "dpia", "no", NULL);

    g_assert_true (wb_questionnaire_is_shown (q, dpia, a));
    g_assert_true (wb_questionnaire_is_shown (q, signs, a));
  }
  {
    /* "is_not" on an unanswered question does not match: nothing is assumed. */
    g_autoptr(GHashTable) a = answers_new ("cameras", "yes", NULL);

    g_assert_false (wb_questionnaire_is_shown (q, signs, a));
  }
  {
    /* An answer to a question that is not shown does not count. */
    g_autoptr(GHashTable) a = answers_new ("cameras", "no", "health", "no", "dpia", "no", NULL);
    WbScore score;

    wb_questionnaire_score (q, a, &score);
    g_assert_cmpint (wb_score_get_percent (&score), ==, -1);
  }
}

#define SCORE_CONTENT HEAD SECTION ( \
  "{\"id\": \"a\", \"type\": \"answer\", \"text\": \"A?\", \"weight\": 3},\n" \
  "{\"id\": \"b\", \"type\": \"answer\", \"text\": \"B?\", \"weight\": 2},\n" \
  "{\"id\": \"mfa\", \"type\": \"answer\", \"text\": \"MFA?\", \"weight\": 3, \"knockout\": true},\n" \
  "{\"id\": \"n\", \"type\": \"number\", \"text\": \"N?\"}") "}"

static void
test_score (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbQuestionnaire) q = load_text (SCORE_CONTENT, &error);
  WbScore score;

  g_assert_no_error (error);
  {
    /* (2×3 + 1×2 + 2×3) / (2×8) = 14/16 = 87 %: green. */
    g_autoptr(GHashTable) a = answers_new ("a", "yes", "b", "partly", "mfa", "yes", NULL);

    wb_questionnaire_score (q, a, &score);
    g_assert_cmpint (wb_score_get_percent (&score), ==, 87);
    g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_GREEN);
  }
  {
    /* 13/16 = 81 % would be green, but the failed knock-out caps it at red. */
    g_autoptr(GHashTable) a = answers_new ("a", "yes", "b", "yes", "mfa", "partly", NULL);

    wb_questionnaire_score (q, a, &score);
    g_assert_cmpint (wb_score_get_percent (&score), ==, 81);
    g_assert_cmpuint (score.n_knockouts_failed, ==, 1);
    g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_RED);
  }
  {
    /* Not applicable leaves the denominator; unknown scores 0 and is flagged. */
    g_autoptr(GHashTable) a = answers_new ("a", "not-applicable", "b", "unknown", "mfa", "yes",
                                           NULL);

    wb_questionnaire_score (q, a, &score);
    g_assert_cmpint (wb_score_get_percent (&score), ==, 60);
    g_assert_cmpuint (score.n_unknown, ==, 1);
    g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_ORANGE);
  }
}

typedef struct {
  char         *path;
  WbEngagement *engagement;
  WbRunContext *context;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->path = g_build_filename (tmp_dir, "test.wbv", NULL);
  f->engagement = wb_engagement_create (f->path, "Sanne", "pass", NULL, &error);
  g_assert_no_error (error);
  f->context = wb_run_context_new (G_OBJECT (f->engagement), data);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->context);
  g_clear_object (&f->engagement);
  g_unlink (f->path);
  g_free (f->path);
}

static GStrv
finding_ids (WbRunContext *context)
{
  GPtrArray *findings = wb_run_context_get_findings (context);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GStrv ids;

  for (guint i = 0; i < findings->len; i++)
    g_strv_builder_add (builder, wb_finding_get_check_id (g_ptr_array_index (findings, i)));
  ids = g_strv_builder_end (builder);
  return ids;
}

static int
compare_strings (const void *a, const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
assert_findings (WbRunContext *context, const char * const *expected)
{
  g_auto(GStrv) ids = finding_ids (context);
  g_autofree char *got = NULL, *want = NULL;
  g_auto(GStrv) sorted = g_strdupv ((char **) expected);

  qsort (ids, g_strv_length (ids), sizeof (char *), compare_strings);
  qsort (sorted, g_strv_length (sorted), sizeof (char *), compare_strings);
  got = g_strjoinv (" ", ids);
  want = g_strjoinv (" ", sorted);
  g_assert_cmpstr (got, ==, want);
}

static void
test_avg_answers (Fixture *f, gconstpointer data)
{
  g_autofree char *content = shipped_path ("avg", "questionnaire.json");
  g_autofree char *answers = shipped_path ("avg", "demo-answers.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(WbQuestionnaire) q = wb_questionnaire_new_from_file (content, &error);
  const char *expected[] = {
    "avg.data-unknown", "avg.no-processing-register", "avg.no-legal-basis",
    "avg.special-data-unprotected", "avg.camera-rules", "avg.no-dpia",
    "avg.dpo-not-checked", "avg.no-cookie-consent", "avg.no-rights-procedure",
    "avg.no-processor-agreement", "avg.no-retention-periods", "avg.no-breach-procedure",
    "avg.weak-security", "avg.no-awareness", "avg.no-accountability", NULL
  };
  guint n_saved = 0;
  JsonNode *score, *record;
  WbFinding *finding = NULL;

  g_assert_no_error (error);
  wb_questionnaire_apply_answers_file (q, f->context, answers, &n_saved, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_saved, ==, 31);
  /* One record per answer, with who answered. */
  record = wb_run_context_get_data (f->context, "answer/register");
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (record), "by"), ==,
                   "Petra de Vries (owner)");
  g_assert_true (wb_questionnaire_evaluate (q, f->context, &error));
  g_assert_no_error (error);
  assert_findings (f->context, expected);

  for (guint i = 0; i < wb_run_context_get_findings (f->context)->len; i++)
    if (g_str_equal (wb_finding_get_check_id (g_ptr_array_index (
                       wb_run_context_get_findings (f->context), i)), "avg.no-processor-agreement"))
      finding = g_ptr_array_index (wb_run_context_get_findings (f->context), i);
  g_assert_nonnull (finding);
  g_assert_cmpint (wb_finding_get_confidence (finding), ==, WB_CONFIDENCE_STATED);
  g_assert_cmpint (wb_finding_get_advice (finding)->priority, ==, WB_PRIORITY_NOW);
  g_assert_cmpstr (wb_finding_get_advice (finding)->references[0], ==, "AVG art. 28");
  /* The evidence is the question, the answer, who gave it, and the note. */
  g_assert_nonnull (strstr (wb_finding_get_evidence (finding)[0], "Petra de Vries"));
  g_assert_nonnull (strstr (wb_finding_get_evidence (finding)[1], "IT supplier"));

  score = wb_run_context_get_data (f->context, "score");
  g_assert_nonnull (score);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (score), "light"), ==,
                   "red");
  g_assert_nonnull (wb_run_context_get_data (f->context, "report-sections"));
}

static void
test_answers_bad (Fixture *f, gconstpointer data)
{
  g_autofree char *content = shipped_path ("avg", "questionnaire.json");
  g_autoptr(WbQuestionnaire) q = wb_questionnaire_new_from_file (content, NULL);
  const char *files[] = {
    "{\"format\": \"werkbank-answers-1\", \"questionnaire\": \"avg\", \"answers\": "
    "{\"register\": \"yes\", \"regsiter\": \"no\"}}",
    "{\"format\": \"werkbank-answers-1\", \"questionnaire\": \"avg\", \"answers\": "
    "{\"register\": \"yes\", \"staff\": \"many\"}}",
    "{\"format\": \"werkbank-answers-1\", \"questionnaire\": \"access-control\", \"answers\": {}}",
    "{\"format\": \"werkbank-answers-1\", \"questionnaire\": \"avg\", \"answers\": "
    "{\"register\": \"ja\"}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = write_content ("answers.json", files[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (wb_questionnaire_apply_answers_file (q, f->context, path, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_unlink (path);
    }
  /* Checked before anything is saved: the valid "register" answer was not stored. */
  g_assert_null (wb_run_context_get_data (f->context, "answer/register"));
}

static void
test_evidence (Fixture *f, gconstpointer data)
{
  g_autofree char *content = shipped_path ("avg", "questionnaire.json");
  g_autoptr(WbQuestionnaire) q = wb_questionnaire_new_from_file (content, NULL);
  g_autofree char *photo = write_content ("register.txt", "Verwerkingsregister (test)\n");
  g_autofree char *answers = write_content ("answers.json",
    "{\"format\": \"werkbank-answers-1\", \"questionnaire\": \"avg\", \"answers\": "
    "{\"register\": {\"value\": \"partly\", \"by\": \"Kees\", \"note\": \"Old\", "
    "\"evidence\": [\"register.txt\"]}}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  JsonNode *record;
  JsonArray *evidence;

  wb_questionnaire_apply_answers_file (q, f->context, answers, NULL, &error);
  g_assert_no_error (error);
  g_unlink (photo);
  g_unlink (answers);
  record = wb_run_context_get_data (f->context, "answer/register");
  evidence = json_object_get_array_member (json_node_get_object (record), "evidence");
  g_assert_cmpuint (json_array_get_length (evidence), ==, 1);
  list = wb_vault_list_attachments (wb_engagement_get_vault (f->engagement));
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((WbAttachmentInfo *) g_ptr_array_index (list, 0))->id, ==,
                   json_array_get_string_element (evidence, 0));
  g_assert_cmpstr (((WbAttachmentInfo *) g_ptr_array_index (list, 0))->name, ==,
                   "register.txt");
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_true (wb_init (NULL));
  tmp_dir = g_dir_make_tmp ("wb-questionnaire-XXXXXX", NULL);

  g_test_add_data_func ("/questionnaire/shipped/avg", "avg", test_shipped);
  g_test_add_data_func ("/questionnaire/shipped/access-control", "access-control",
                        test_shipped);
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *name = g_strdup_printf ("/questionnaire/broken/%s", broken[i].name);

      g_test_add_data_func (name, &broken[i], test_broken);
    }
  g_test_add_func ("/questionnaire/skip", test_skip);
  g_test_add_func ("/questionnaire/score", test_score);
  g_test_add ("/questionnaire/avg-answers", Fixture, "avg", fixture_set_up, test_avg_answers,
              fixture_tear_down);
  g_test_add ("/questionnaire/answers-bad", Fixture, "avg", fixture_set_up, test_answers_bad,
              fixture_tear_down);
  g_test_add ("/questionnaire/evidence", Fixture, "avg", fixture_set_up, test_evidence,
              fixture_tear_down);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}

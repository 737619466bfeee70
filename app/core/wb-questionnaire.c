/* wb-questionnaire.c — the data-driven questionnaire engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "wb-questionnaire.h"
#include "wb-util-private.h"

#define ANSWER_KEY_PREFIX "answer/"
#define ANSWERS_FORMAT "werkbank-answers-1"
#define MAX_TEXT_ANSWER 4000 /* a free-text answer is a sentence or two, not a document */

G_DEFINE_QUARK (wb-questionnaire-error-quark, wb_questionnaire_error)

typedef struct {
  char *id;
  char *title;
  char *help;
} Section;

typedef struct {
  char        *check_id;
  WbCondition *when;
  char        *title;
  WbSeverity   severity;
  char        *severity_reason;
  WbAdvice    *advice;
} Rule;

struct _WbQuestionnaire
{
  GObject     parent_instance;

  char       *file;       /* for error messages */
  char       *id;
  char       *title;
  char       *intro;
  GPtrArray  *sections;   /* of Section */
  GPtrArray  *questions;  /* of WbQuestion, in order */
  GHashTable *by_id;      /* question id → WbQuestion (borrowed) */
  GPtrArray  *rules;      /* of Rule */

  /* Only while loading: JsonObject → line, to put a line on semantic errors. */
  GHashTable *lines;
};

G_DEFINE_FINAL_TYPE (WbQuestionnaire, wb_questionnaire, G_TYPE_OBJECT)

static void
section_free (Section *section)
{
  g_free (section->id);
  g_free (section->title);
  g_free (section->help);
  g_free (section);
}

static void
option_free (WbQuestionOption *option)
{
  g_free (option->id);
  g_free (option->label);
  g_free (option);
}

static void
question_free (WbQuestion *question)
{
  g_free (question->id);
  g_free (question->text);
  g_free (question->help);
  g_free (question->reference);
  g_clear_pointer (&question->options, g_ptr_array_unref);
  wb_condition_free (question->show_if);
  g_free (question);
}

static void
rule_free (Rule *rule)
{
  g_free (rule->check_id);
  wb_condition_free (rule->when);
  g_free (rule->title);
  g_free (rule->severity_reason);
  wb_advice_free (rule->advice);
  g_free (rule);
}

static void
wb_questionnaire_finalize (GObject *object)
{
  WbQuestionnaire *self = WB_QUESTIONNAIRE (object);

  g_free (self->file);
  g_free (self->id);
  g_free (self->title);
  g_free (self->intro);
  g_ptr_array_unref (self->sections);
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->questions);
  g_ptr_array_unref (self->rules);
  g_clear_pointer (&self->lines, g_hash_table_unref);
  G_OBJECT_CLASS (wb_questionnaire_parent_class)->finalize (object);
}

static void
wb_questionnaire_class_init (WbQuestionnaireClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wb_questionnaire_finalize;
}

static void
wb_questionnaire_init (WbQuestionnaire *self)
{
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
}

const char *
wb_questionnaire_text (const char *source)
{
  return source ? g_dgettext (GETTEXT_PACKAGE, source) : NULL;
}

/* --- Loading and validating ---------------------------------------------------- */

/* Puts "file:line: " in front of a semantic error, the line of @object when known. */
static gboolean
fail_at (WbQuestionnaire *self, JsonObject *object, GError **error, GError *problem)
{
  guint line = object ? GPOINTER_TO_UINT (g_hash_table_lookup (self->lines, object)) : 0;

  if (line > 0)
    g_set_error (error, WB_QUESTIONNAIRE_ERROR, WB_QUESTIONNAIRE_ERROR_INVALID,
                 /* TRANSLATORS: file name, line number, then the problem */
                 _("%s:%u: %s"), self->file, line, problem->message);
  else
    g_set_error (error, WB_QUESTIONNAIRE_ERROR, WB_QUESTIONNAIRE_ERROR_INVALID,
                 "%s: %s", self->file, problem->message);
  g_error_free (problem);
  return FALSE;
}

static gboolean
fail_msg (WbQuestionnaire *self, JsonObject *object, GError **error, const char *path,
          const char *message)
{
  return fail_at (self, object, error,
                  g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               /* TRANSLATORS: "In rules[2]: weight must be 1, 2 or 3." */
                               _("In %s: %s"), path, message));
}

static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
get_text (WbQuestionnaire *self, JsonObject *object, const char *path, const char *member,
          gboolean required, char **out, GError **error)
{
  GError *problem = NULL;

  if (!wb_json_get_string (object, path, member, required, out, &problem))
    return fail_at (self, object, error, problem);
  if (*out != NULL && **out == '\0')
    {
      g_autofree char *message = g_strdup_printf (_("“%s” must not be empty."), member);

      return fail_msg (self, object, error, path, message);
    }
  return TRUE;
}

static gboolean
load_options (WbQuestionnaire *self, WbQuestion *question, JsonObject *object,
              const char *path, GError **error)
{
  static const char * const allowed[] = { "id", "label", NULL };
  JsonNode *node = json_object_get_member (object, "options");
  JsonArray *array = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (array == NULL || json_array_get_length (array) < 2)
    return fail_msg (self, object, error, path,
                     _("a choice question needs “options”: a list of at least two."));
  question->options = g_ptr_array_new_with_free_func ((GDestroyNotify) option_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *opath = g_strdup_printf ("%s.options[%u]", path, i);
      WbQuestionOption *option = g_new0 (WbQuestionOption, 1);
      GError *problem = NULL;
      JsonObject *o;

      g_ptr_array_add (question->options, option);
      if ((o = wb_json_get_object (json_array_get_element (array, i), opath, &problem)) == NULL ||
          !wb_json_check_members (o, opath, allowed, &problem))
        return fail_at (self, o ? o : object, error, problem);
      if (!get_text (self, o, opath, "id", TRUE, &option->id, error) ||
          !get_text (self, o, opath, "label", TRUE, &option->label, error))
        return FALSE;
      if (!is_valid_id (option->id))
        return fail_msg (self, o, error, opath,
                         _("ids are lower-case letters, digits and dashes."));
      for (guint j = 0; j < i; j++)
        if (g_str_equal (((WbQuestionOption *) g_ptr_array_index (question->options, j))->id,
                         option->id))
          return fail_msg (self, o, error, opath, _("this option id is used twice."));
    }
  return TRUE;
}

static gboolean
value_fits (const WbQuestion *question, const char *value)
{
  WbAnswer answer;

  if (question->type == WB_QUESTION_ANSWER)
    return wb_answer_from_string (value, &answer);
  if (question->type == WB_QUESTION_CHOICE)
    for (guint i = 0; i < question->options->len; i++)
      if (g_str_equal (((WbQuestionOption *) g_ptr_array_index (question->options, i))->id,
                       value))
        return TRUE;
  return FALSE;
}

/* Every leaf must name a known question (an earlier one when @before is not NULL: skip
 * logic may only look back, so it can never be cyclic) with values that fit it. */
static gboolean
check_condition (WbQuestionnaire *self, WbCondition *condition, JsonObject *object,
                 const WbQuestion *before, GError **error)
{
  g_autoptr(GPtrArray) leaves = g_ptr_array_new ();

  wb_condition_collect_leaves (condition, leaves);
  for (guint i = 0; i < leaves->len; i++)
    {
      WbCondition *leaf = g_ptr_array_index (leaves, i);
      const WbQuestion *target = g_hash_table_lookup (self->by_id, leaf->question);
      g_autofree char *message = NULL;

      if (before != NULL && g_strcmp0 (leaf->question, before->id) == 0)
        message = g_strdup_printf (_("a question cannot depend on itself (“%s”)."),
                                   leaf->question);
      else if (target == NULL)
        message = g_strdup_printf (before ? _("“%s” is not an earlier question: skip "
                                              "logic may only look back.")
                                          : _("there is no question “%s”."),
                                   leaf->question);
      else if (leaf->kind == WB_CONDITION_AT_LEAST && target->type != WB_QUESTION_NUMBER)
        message = g_strdup_printf (_("“at_least” needs a number question, and “%s” is "
                                     "not one."), leaf->question);
      else if (leaf->kind != WB_CONDITION_AT_LEAST)
        for (guint j = 0; leaf->values[j] && message == NULL; j++)
          if (!value_fits (target, leaf->values[j]))
            message = g_strdup_printf (_("“%s” is not a possible answer to “%s”."),
                                       leaf->values[j], leaf->question);
      if (message != NULL)
        return fail_msg (self, object, error, leaf->path, message);
    }
  return TRUE;
}

static gboolean
load_question_type (WbQuestionnaire *self, WbQuestion *question, JsonObject *object,
                    const char *path, GError **error)
{
  static const char * const types[] = { "answer", "choice", "number", "text", NULL };
  g_autofree char *type = NULL;
  gint64 weight = 0;
  GError *problem = NULL;

  if (!get_text (self, object, path, "type", TRUE, &type, error))
    return FALSE;
  for (question->type = 0; types[question->type] != NULL; question->type++)
    if (g_str_equal (types[question->type], type))
      break;
  if (types[question->type] == NULL)
    return fail_msg (self, object, error, path,
                     _("“type” must be answer, choice, number or text."));
  if (!wb_json_get_int (object, path, "weight", question->type == WB_QUESTION_ANSWER,
                        &weight, &problem) ||
      !wb_json_get_bool (object, path, "knockout", FALSE, &question->knockout, &problem))
    return fail_at (self, object, error, problem);
  if (question->type == WB_QUESTION_ANSWER && (weight < 1 || weight > 3))
    return fail_msg (self, object, error, path,
                     _("“weight” must be 1 (good practice), 2 (important) or 3 (legal "
                       "duty)."));
  if (question->type != WB_QUESTION_ANSWER &&
      (json_object_has_member (object, "weight") || question->knockout))
    return fail_msg (self, object, error, path,
                     _("only answer questions have a weight or can be a knock-out."));
  question->weight = (guint) weight;
  if (question->type == WB_QUESTION_CHOICE)
    return load_options (self, question, object, path, error);
  if (json_object_has_member (object, "options"))
    return fail_msg (self, object, error, path, _("only choice questions have options."));
  return TRUE;
}

static gboolean
load_question (WbQuestionnaire *self, JsonNode *node, guint section, const char *path,
               GError **error)
{
  static const char * const allowed[] = { "id", "type", "text", "help", "reference",
                                          "weight", "knockout", "options", "show_if", NULL };
  WbQuestion *question = g_new0 (WbQuestion, 1);
  GError *problem = NULL;
  JsonObject *object;

  question->section = section;
  g_ptr_array_add (self->questions, question);
  if ((object = wb_json_get_object (node, path, &problem)) == NULL ||
      !wb_json_check_members (object, path, allowed, &problem))
    return fail_at (self, object, error, problem);
  if (!get_text (self, object, path, "id", TRUE, &question->id, error) ||
      !get_text (self, object, path, "text", TRUE, &question->text, error) ||
      !get_text (self, object, path, "help", FALSE, &question->help, error) ||
      !get_text (self, object, path, "reference", FALSE, &question->reference, error) ||
      !load_question_type (self, question, object, path, error))
    return FALSE;
  if (!is_valid_id (question->id))
    return fail_msg (self, object, error, path,
                     _("ids are lower-case letters, digits and dashes."));
  if (g_hash_table_contains (self->by_id, question->id))
    return fail_msg (self, object, error, path, _("this question id is used twice."));
  if (json_object_has_member (object, "show_if"))
    {
      g_autofree char *cpath = g_strdup_printf ("%s.show_if", path);

      question->show_if = wb_condition_parse (json_object_get_member (object, "show_if"),
                                              cpath, &problem);
      if (question->show_if == NULL)
        return fail_at (self, object, error, problem);
      /* Checked before the question is known by id: it cannot refer to itself. */
      if (!check_condition (self, question->show_if, object, question, error))
        return FALSE;
    }
  g_hash_table_insert (self->by_id, question->id, question);
  return TRUE;
}

static JsonArray *
get_array (WbQuestionnaire *self, JsonObject *object, const char *path, const char *member,
           gboolean required, GError **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *message = NULL;

  if (node == NULL && !required)
    return json_array_new ();
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
      json_array_get_length (json_node_get_array (node)) > 0)
    return json_array_ref (json_node_get_array (node));
  message = g_strdup_printf (_("“%s” must be a non-empty list."), member);
  fail_msg (self, object, error, path, message);
  return NULL;
}

static gboolean
load_section (WbQuestionnaire *self, JsonNode *node, guint index, GError **error)
{
  static const char * const allowed[] = { "id", "title", "help", "questions", NULL };
  g_autofree char *path = g_strdup_printf ("sections[%u]", index);
  Section *section = g_new0 (Section, 1);
  g_autoptr(JsonArray) questions = NULL;
  GError *problem = NULL;
  JsonObject *object;

  g_ptr_array_add (self->sections, section);
  if ((object = wb_json_get_object (node, path, &problem)) == NULL ||
      !wb_json_check_members (object, path, allowed, &problem))
    return fail_at (self, object, error, problem);
  if (!get_text (self, object, path, "id", TRUE, &section->id, error) ||
      !get_text (self, object, path, "title", TRUE, &section->title, error) ||
      !get_text (self, object, path, "help", FALSE, &section->help, error) ||
      (questions = get_array (self, object, path, "questions", TRUE, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      g_autofree char *qpath = g_strdup_printf ("%s.questions[%u]", path, i);

      if (!load_question (self, json_array_get_element (questions, i), index, qpath, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_rule_enums (WbQuestionnaire *self, Rule *rule, JsonObject *object, const char *path,
                 GError **error)
{
  g_autofree char *severity = NULL, *owner = NULL, *priority = NULL, *solution = NULL;
  const char *bad = NULL;
  gint64 effort = 0;
  GError *problem = NULL;

  if (!get_text (self, object, path, "severity", TRUE, &severity, error) ||
      !get_text (self, object, path, "owner", TRUE, &owner, error) ||
      !get_text (self, object, path, "priority", TRUE, &priority, error) ||
      !get_text (self, object, path, "solution", TRUE, &solution, error))
    return FALSE;
  if (!wb_json_get_int (object, path, "effort", TRUE, &effort, &problem) ||
      !wb_json_get_strv (object, path, "references", FALSE, &rule->advice->references,
                         &problem))
    return fail_at (self, object, error, problem);
  if (!wb_severity_from_string (severity, &rule->severity))
    bad = "severity";
  else if (!wb_owner_from_string (owner, &rule->advice->owner))
    bad = "owner";
  else if (!wb_priority_from_string (priority, &rule->advice->priority))
    bad = "priority";
  else if (!wb_solution_from_string (solution, &rule->advice->solution))
    bad = "solution";
  if (bad != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” has an unknown value."), bad);

      return fail_msg (self, object, error, path, message);
    }
  if (effort < 1 || effort > 3)
    return fail_msg (self, object, error, path, _("“effort” must be 1, 2 or 3 (€ to €€€)."));
  rule->advice->effort = (guint) effort;
  return TRUE;
}

static gboolean
load_rule (WbQuestionnaire *self, JsonNode *node, guint index, GError **error)
{
  static const char * const allowed[] = { "finding", "when", "title", "severity",
                                          "severity_reason", "risk", "step", "owner",
                                          "priority", "effort", "solution", "references",
                                          NULL };
  g_autofree char *path = g_strdup_printf ("rules[%u]", index);
  g_autofree char *cpath = g_strdup_printf ("rules[%u].when", index);
  g_autofree char *prefix = g_strconcat (self->id, ".", NULL);
  Rule *rule = g_new0 (Rule, 1);
  GError *problem = NULL;
  JsonObject *object;

  rule->advice = wb_advice_new ();
  g_ptr_array_add (self->rules, rule);
  if ((object = wb_json_get_object (node, path, &problem)) == NULL ||
      !wb_json_check_members (object, path, allowed, &problem))
    return fail_at (self, object, error, problem);
  if (!get_text (self, object, path, "finding", TRUE, &rule->check_id, error) ||
      !get_text (self, object, path, "title", TRUE, &rule->title, error) ||
      !get_text (self, object, path, "severity_reason", FALSE, &rule->severity_reason, error) ||
      !get_text (self, object, path, "risk", TRUE, &rule->advice->risk, error) ||
      !get_text (self, object, path, "step", TRUE, &rule->advice->step, error) ||
      !load_rule_enums (self, rule, object, path, error))
    return FALSE;
  if (!wb_check_id_is_valid (rule->check_id) || !g_str_has_prefix (rule->check_id, prefix))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a valid check id starting with “%s”."),
                         rule->check_id, prefix);

      return fail_msg (self, object, error, path, message);
    }
  for (guint i = 0; i + 1 < self->rules->len; i++)
    if (g_str_equal (((Rule *) g_ptr_array_index (self->rules, i))->check_id, rule->check_id))
      return fail_msg (self, object, error, path, _("this finding has a rule already."));
  if (!json_object_has_member (object, "when"))
    return fail_msg (self, object, error, path, _("the field “when” is missing."));
  rule->when = wb_condition_parse (json_object_get_member (object, "when"), cpath, &problem);
  if (rule->when == NULL)
    return fail_at (self, object, error, problem);
  return check_condition (self, rule->when, object, NULL, error);
}

static gboolean
load_root (WbQuestionnaire *self, JsonNode *root, GError **error)
{
  static const char * const allowed[] = { "format", "id", "title", "intro", "sections",
                                          "rules", NULL };
  g_autofree char *format = NULL;
  g_autoptr(JsonArray) sections = NULL, rules = NULL;
  GError *problem = NULL;
  JsonObject *object;

  if ((object = wb_json_get_object (root, _("the questionnaire"), &problem)) == NULL ||
      !wb_json_check_members (object, _("the questionnaire"), allowed, &problem))
    return fail_at (self, object, error, problem);
  if (!get_text (self, object, "$", "format", TRUE, &format, error) ||
      !get_text (self, object, "$", "id", TRUE, &self->id, error) ||
      !get_text (self, object, "$", "title", TRUE, &self->title, error) ||
      !get_text (self, object, "$", "intro", FALSE, &self->intro, error))
    return FALSE;
  if (!g_str_equal (format, WB_QUESTIONNAIRE_FORMAT))
    {
      g_autofree char *message =
        g_strdup_printf (_("this is not a Werkbank questionnaire of a format this version "
                           "knows (“format” must be “%s”)."), WB_QUESTIONNAIRE_FORMAT);

      return fail_msg (self, object, error, "$", message);
    }
  if (!is_valid_id (self->id))
    return fail_msg (self, object, error, "$", _("“id” must be the plugin id."));
  if ((sections = get_array (self, object, "$", "sections", TRUE, error)) == NULL ||
      (rules = get_array (self, object, "$", "rules", FALSE, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (sections); i++)
    if (!load_section (self, json_array_get_element (sections, i), i, error))
      return FALSE;
  for (guint i = 0; i < json_array_get_length (rules); i++)
    if (!load_rule (self, json_array_get_element (rules, i), i, error))
      return FALSE;
  return TRUE;
}

/* json-glib keeps no positions in the tree: remember where each object was read. */
static void
on_object_member (JsonParser *parser, JsonObject *object, const char *member,
                  gpointer user_data)
{
  GHashTable *lines = user_data;

  if (!g_hash_table_contains (lines, object))
    g_hash_table_insert (lines, object,
                         GUINT_TO_POINTER ((guint) json_parser_get_current_line (parser)));
}

WbQuestionnaire *
wb_questionnaire_new_from_file (const char *path, GError **error)
{
  g_autoptr(WbQuestionnaire) self = g_object_new (WB_TYPE_QUESTIONNAIRE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  self->file = g_strdup (path);
  self->lines = g_hash_table_new (NULL, NULL);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), self->lines);
  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      /* json-glib's message already carries the file, line and column. */
      g_set_error (error, WB_QUESTIONNAIRE_ERROR, WB_QUESTIONNAIRE_ERROR_INVALID,
                   _("The questionnaire cannot be read: %s"), local_error->message);
      return NULL;
    }
  ok = load_root (self, json_parser_get_root (parser), error);
  g_clear_pointer (&self->lines, g_hash_table_unref);
  return ok ? g_steal_pointer (&self) : NULL;
}

WbQuestionnaire *
wb_questionnaire_new_for_plugin_dir (const char *dir, GError **error)
{
  g_autofree char *path = g_build_filename (dir, WB_QUESTIONNAIRE_FILE, NULL);

  return wb_questionnaire_new_from_file (path, error);
}

/* --- Accessors ------------------------------------------------------------------- */

const char *
wb_questionnaire_get_id (WbQuestionnaire *self)
{
  return self->id;
}

const char *
wb_questionnaire_get_title (WbQuestionnaire *self)
{
  return wb_questionnaire_text (self->title);
}

guint
wb_questionnaire_get_n_sections (WbQuestionnaire *self)
{
  return self->sections->len;
}

const char *
wb_questionnaire_get_section_title (WbQuestionnaire *self, guint i)
{
  g_return_val_if_fail (i < self->sections->len, NULL);
  return wb_questionnaire_text (((Section *) g_ptr_array_index (self->sections, i))->title);
}

guint
wb_questionnaire_get_n_questions (WbQuestionnaire *self)
{
  return self->questions->len;
}

const WbQuestion *
wb_questionnaire_get_question (WbQuestionnaire *self, guint i)
{
  g_return_val_if_fail (i < self->questions->len, NULL);
  return g_ptr_array_index (self->questions, i);
}

const WbQuestion *
wb_questionnaire_lookup (WbQuestionnaire *self, const char *id)
{
  return g_hash_table_lookup (self->by_id, id);
}

guint
wb_questionnaire_get_n_rules (WbQuestionnaire *self)
{
  return self->rules->len;
}

/* --- Answers --------------------------------------------------------------------- */

void
wb_question_answer_clear (WbQuestionAnswer *answer)
{
  g_clear_pointer (&answer->value, json_node_unref);
  g_clear_pointer (&answer->by, g_free);
  g_clear_pointer (&answer->note, g_free);
  g_clear_pointer (&answer->evidence, g_strfreev);
}

static char *
answer_key (const char *question_id)
{
  return g_strconcat (ANSWER_KEY_PREFIX, question_id, NULL);
}

static gboolean
is_number (JsonNode *value)
{
  GType type;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    return FALSE;
  type = json_node_get_value_type (value);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
value_is_valid (const WbQuestion *question, JsonNode *value)
{
  const char *text;

  if (question->type == WB_QUESTION_NUMBER)
    return is_number (value);
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
      json_node_get_value_type (value) != G_TYPE_STRING)
    return FALSE;
  text = json_node_get_string (value);
  if (question->type == WB_QUESTION_TEXT)
    return *text != '\0' && strlen (text) <= MAX_TEXT_ANSWER && g_utf8_validate (text, -1, NULL);
  return value_fits (question, text);
}

/* The value of a stored answer record, or NULL when the record does not fit. */
static JsonNode *
record_value (const WbQuestion *question, JsonNode *record)
{
  JsonNode *value;

  if (record == NULL || !JSON_NODE_HOLDS_OBJECT (record))
    return NULL;
  value = json_object_get_member (json_node_get_object (record), "value");
  return value_is_valid (question, value) ? value : NULL;
}

GHashTable *
wb_questionnaire_read_answers (WbQuestionnaire *self, WbRunContext *context)
{
  GHashTable *answers = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->questions->len; i++)
    {
      WbQuestion *question = g_ptr_array_index (self->questions, i);
      g_autofree char *key = answer_key (question->id);
      JsonNode *record = wb_run_context_get_data (context, key);

      if (record_value (question, record) != NULL)
        g_hash_table_insert (answers, question->id, record);
    }
  return answers;
}

JsonNode *
wb_questionnaire_parse_value (WbQuestionnaire *self, const WbQuestion *question,
                              const char *text, GError **error)
{
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (question->type == WB_QUESTION_NUMBER)
    {
      char *end = NULL;
      double number = g_ascii_strtod (stripped, &end);

      if (*stripped != '\0' && end != NULL && *end == '\0' && isfinite (number))
        {
          value = json_node_new (JSON_NODE_VALUE);
          if (number == (gint64) number)
            json_node_set_int (value, (gint64) number);
          else
            json_node_set_double (value, number);
        }
    }
  else
    value = json_node_init_string (json_node_alloc (), stripped);
  if (value == NULL || !value_is_valid (question, value))
    {
      g_set_error (error, WB_QUESTIONNAIRE_ERROR, WB_QUESTIONNAIRE_ERROR_ANSWER,
                   _("“%s” is not a possible answer to question “%s”."), stripped,
                   question->id);
      return NULL;
    }
  return g_steal_pointer (&value);
}

static JsonNode *
answer_to_record (const WbQuestionAnswer *answer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *now = wb_now_iso8601 ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_value (builder, json_node_copy (answer->value));
  if (answer->by != NULL)
    {
      json_builder_set_member_name (builder, "by");
      json_builder_add_string_value (builder, answer->by);
    }
  if (answer->note != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, answer->note);
    }
  if (answer->evidence != NULL)
    {
      json_builder_set_member_name (builder, "evidence");
      json_builder_add_value (builder,
                              wb_json_strv_node ((const char * const *) answer->evidence));
    }
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, now);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
wb_questionnaire_save_answer (WbQuestionnaire        *self,
                              WbRunContext           *context,
                              const char             *question_id,
                              const WbQuestionAnswer *answer,
                              GError                **error)
{
  const WbQuestion *question = wb_questionnaire_lookup (self, question_id);
  g_autofree char *key = NULL;
  g_autoptr(JsonNode) record = NULL;

  if (question == NULL)
    {
      g_set_error (error, WB_QUESTIONNAIRE_ERROR, WB_QUESTIONNAIRE_ERROR_NOT_FOUND,
                   _("The questionnaire “%s” has no question “%s”."), self->id,
                   question_id);
      return FALSE;
    }
  if (!value_is_valid (question, answer->value))
    {
      g_set_error (error, WB_QUESTIONNAIRE_ERROR, WB_QUESTIONNAIRE_ERROR_ANSWER,
                   _("That is not a possible answer to question “%s”."), question_id);
      return FALSE;
    }
  key = answer_key (question_id);
  record = answer_to_record (answer);
  return wb_run_context_set_data (context, key, record, error);
}

/* --- Skip logic, score, findings ------------------------------------------------- */

static JsonNode *
lookup_value (const char *question, gpointer user_data)
{
  return g_hash_table_lookup (user_data, question);
}

/* Question id → value of every shown, answered question. Skip logic only looks back,
 * so one pass in order settles every question. */
static GHashTable *
shown_values (WbQuestionnaire *self, GHashTable *answers, GHashTable **shown_out)
{
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *shown = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->questions->len; i++)
    {
      WbQuestion *question = g_ptr_array_index (self->questions, i);
      JsonNode *value;

      if (question->show_if != NULL &&
          !wb_condition_evaluate (question->show_if, lookup_value, values))
        continue;
      g_hash_table_add (shown, question->id);
      value = record_value (question, g_hash_table_lookup (answers, question->id));
      if (value != NULL)
        g_hash_table_insert (values, question->id, value);
    }
  if (shown_out != NULL)
    *shown_out = shown;
  else
    g_hash_table_unref (shown);
  return values;
}

gboolean
wb_questionnaire_is_shown (WbQuestionnaire *self, const WbQuestion *question,
                           GHashTable *answers)
{
  GHashTable *shown = NULL;
  g_autoptr(GHashTable) values = shown_values (self, answers, &shown);
  gboolean result = g_hash_table_contains (shown, question->id);

  g_hash_table_unref (shown);
  return result;
}

static void
score_values (WbQuestionnaire *self, GHashTable *values, WbScore *score)
{
  wb_score_init (score);
  for (guint i = 0; i < self->questions->len; i++)
    {
      WbQuestion *question = g_ptr_array_index (self->questions, i);
      JsonNode *value = g_hash_table_lookup (values, question->id);
      WbAnswer answer;

      if (question->type == WB_QUESTION_ANSWER && value != NULL &&
          wb_answer_from_string (json_node_get_string (value), &answer))
        wb_score_add (score, answer, question->weight, question->knockout);
    }
}

void
wb_questionnaire_score (WbQuestionnaire *self, GHashTable *answers, WbScore *score)
{
  g_autoptr(GHashTable) values = shown_values (self, answers, NULL);

  score_values (self, values, score);
}

/* The answer as words for the report: a label, an option's label, a number, text. */
static char *
value_to_words (const WbQuestion *question, JsonNode *value)
{
  WbAnswer answer;

  if (value == NULL)
    return g_strdup (_("not answered"));
  if (question->type == WB_QUESTION_NUMBER)
    return is_number (value) && json_node_get_value_type (value) == G_TYPE_INT64
           ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value))
           : g_strdup_printf ("%g", json_node_get_double (value));
  if (question->type == WB_QUESTION_ANSWER &&
      wb_answer_from_string (json_node_get_string (value), &answer))
    return g_strdup (wb_answer_get_label (answer));
  if (question->type == WB_QUESTION_CHOICE)
    for (guint i = 0; i < question->options->len; i++)
      {
        WbQuestionOption *option = g_ptr_array_index (question->options, i);

        if (g_str_equal (option->id, json_node_get_string (value)))
          return g_strdup (wb_questionnaire_text (option->label));
      }
  return g_strdup (json_node_get_string (value));
}

static const char *
record_string (JsonNode *record, const char *member)
{
  JsonNode *node;

  if (record == NULL || !JSON_NODE_HOLDS_OBJECT (record))
    return NULL;
  node = json_object_get_member (json_node_get_object (record), member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Evidence: what was asked and what the company answered, with note and attachments. */
static void
add_rule_evidence (WbQuestionnaire *self, Rule *rule, GHashTable *answers,
                   GHashTable *values, WbFinding *finding)
{
  g_autoptr(GPtrArray) leaves = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  wb_condition_collect_leaves (rule->when, leaves);
  for (guint i = 0; i < leaves->len; i++)
    {
      WbCondition *leaf = g_ptr_array_index (leaves, i);
      const WbQuestion *question = wb_questionnaire_lookup (self, leaf->question);
      JsonNode *record = g_hash_table_lookup (answers, leaf->question);
      JsonNode *value = g_hash_table_lookup (values, leaf->question);
      g_autofree char *words = NULL, *line = NULL;
      const char *note = record_string (record, "note");
      const char *by = record_string (record, "by");

      if (value == NULL || !g_hash_table_add (seen, leaf->question))
        continue;
      words = value_to_words (question, value);
      line = by != NULL
        /* TRANSLATORS: question — answer (who answered) */
        ? g_strdup_printf (_("%s — %s (answered by %s)"),
                           wb_questionnaire_text (question->text), words, by)
        : g_strdup_printf (_("%s — %s"), wb_questionnaire_text (question->text), words);
      wb_finding_add_evidence (finding, line);
      if (note != NULL)
        {
          g_autofree char *note_line = g_strdup_printf (_("Note: %s"), note);

          wb_finding_add_evidence (finding, note_line);
        }
    }
}

static WbFinding *
rule_to_finding (WbQuestionnaire *self, Rule *rule, GHashTable *answers, GHashTable *values)
{
  WbFinding *finding = wb_finding_new (rule->check_id, wb_questionnaire_text (rule->title),
                                       rule->severity);
  g_autoptr(WbAdvice) advice = wb_advice_copy (rule->advice);

  wb_finding_set_severity (finding, rule->severity,
                           wb_questionnaire_text (rule->severity_reason));
  wb_finding_set_confidence (finding, WB_CONFIDENCE_STATED);
  g_free (advice->risk);
  advice->risk = g_strdup (wb_questionnaire_text (rule->advice->risk));
  g_free (advice->step);
  advice->step = g_strdup (wb_questionnaire_text (rule->advice->step));
  wb_finding_set_advice (finding, advice);
  add_rule_evidence (self, rule, answers, values, finding);
  return finding;
}

static JsonNode *
score_to_json (const WbScore *score, guint n_unanswered)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int percent = wb_score_get_percent (score);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "percent");
  if (percent < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, percent);
  json_builder_set_member_name (builder, "light");
  json_builder_add_string_value (builder,
                                 wb_traffic_light_to_string (wb_score_get_light (score)));
  json_builder_set_member_name (builder, "knockouts_failed");
  json_builder_add_int_value (builder, score->n_knockouts_failed);
  json_builder_set_member_name (builder, "unknown");
  json_builder_add_int_value (builder, score->n_unknown);
  json_builder_set_member_name (builder, "unanswered");
  json_builder_add_int_value (builder, n_unanswered);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_row (JsonBuilder *builder, const char * const *cells)
{
  json_builder_begin_array (builder);
  for (guint i = 0; cells[i] != NULL; i++)
    json_builder_add_string_value (builder, cells[i]);
  json_builder_end_array (builder);
}

/* One table per section: question, answer, who answered, note (shown questions only). */
static void
add_section_table (WbQuestionnaire *self, guint section, GHashTable *answers,
                   GHashTable *values, GHashTable *shown, JsonBuilder *builder)
{
  const char *columns[] = { _("Question"), _("Answer"), _("Answered by"), _("Note"), NULL };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, wb_questionnaire_get_section_title (self, section));
  json_builder_set_member_name (builder, "columns");
  add_row (builder, columns);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->questions->len; i++)
    {
      WbQuestion *question = g_ptr_array_index (self->questions, i);
      JsonNode *record = g_hash_table_lookup (answers, question->id);
      g_autofree char *words = NULL;
      const char *by, *note;

      if (question->section != section || !g_hash_table_contains (shown, question->id))
        continue;
      words = value_to_words (question, g_hash_table_lookup (values, question->id));
      by = record_string (record, "by");
      note = record_string (record, "note");
      {
        const char *cells[] = { wb_questionnaire_text (question->text), words,
                                by ? by : "", note ? note : "", NULL };

        add_row (builder, cells);
      }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static JsonNode *
report_sections (WbQuestionnaire *self, GHashTable *answers, GHashTable *values,
                 GHashTable *shown)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint s = 0; s < self->sections->len; s++)
    add_section_table (self, s, answers, values, shown, builder);
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

gboolean
wb_questionnaire_evaluate (WbQuestionnaire *self, WbRunContext *context, GError **error)
{
  g_autoptr(GHashTable) answers = wb_questionnaire_read_answers (self, context);
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GHashTable) values = shown_values (self, answers, &shown);
  g_autoptr(JsonNode) score_node = NULL, sections_node = NULL;
  guint n_unanswered = 0;
  WbScore score;

  score_values (self, values, &score);
  for (guint i = 0; i < self->questions->len; i++)
    {
      WbQuestion *question = g_ptr_array_index (self->questions, i);

      if (g_hash_table_contains (shown, question->id) &&
          !g_hash_table_contains (values, question->id))
        n_unanswered++;
    }
  for (guint i = 0; i < self->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (self->rules, i);

      if (wb_condition_evaluate (rule->when, lookup_value, values))
        {
          g_autoptr(WbFinding) finding = rule_to_finding (self, rule, answers, values);

          wb_run_context_add_finding (context, finding);
        }
    }
  score_node = score_to_json (&score, n_unanswered);
  sections_node = report_sections (self, answers, values, shown);
  return wb_run_context_set_data (context, "score", score_node, error) &&
         wb_run_context_set_data (context, "report-sections", sections_node, error);
}

/* --- Answers files --------------------------------------------------------------- */

/* Evidence files named in an answers file are streamed into the vault (encrypted). */
static gboolean
attach_evidence (WbRunContext *context, const char *base_dir, GStrv paths, GStrv *ids,
                 GError **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autofree char *path = g_path_is_absolute (paths[i])
                              ? g_strdup (paths[i])
                              : g_build_filename (base_dir, paths[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *content_type = g_content_type_guess (basename, NULL, 0, NULL);
      g_autofree char *mime = g_content_type_get_mime_type (content_type);
      g_autofree char *id = NULL;

      if (stream == NULL)
        return FALSE;
      id = wb_run_context_add_attachment (context, basename,
                                          mime ? mime : "application/octet-stream",
                                          G_INPUT_STREAM (stream), NULL, error);
      if (id == NULL)
        return FALSE;
      g_strv_builder_add (builder, id);
    }
  *ids = g_strv_builder_end (builder);
  return TRUE;
}

/* One entry of "answers": a plain value, or {"value", "by", "note", "evidence"}. */
static gboolean
parse_entry (WbQuestionnaire *self, const WbQuestion *question, JsonNode *node,
             const char *default_by, WbQuestionAnswer *answer, GStrv *evidence_paths,
             GError **error)
{
  static const char * const allowed[] = { "value", "by", "note", "evidence", NULL };
  g_autofree char *what = g_strdup_printf ("answers.%s", question->id);
  JsonObject *object;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      object = json_node_get_object (node);
      if (!wb_json_check_members (object, what, allowed, error) ||
          !wb_json_get_string (object, what, "by", FALSE, &answer->by, error) ||
          !wb_json_get_string (object, what, "note", FALSE, &answer->note, error) ||
          !wb_json_get_strv (object, what, "evidence", FALSE, evidence_paths, error))
        return FALSE;
      node = json_object_get_member (object, "value");
    }
  if (answer->by == NULL)
    answer->by = g_strdup (default_by);
  if (node != NULL && is_number (node) && question->type == WB_QUESTION_NUMBER)
    answer->value = json_node_copy (node);
  else if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
           json_node_get_value_type (node) == G_TYPE_STRING)
    answer->value = wb_questionnaire_parse_value (self, question, json_node_get_string (node),
                                                  error);
  else
    g_set_error (error, WB_QUESTIONNAIRE_ERROR, WB_QUESTIONNAIRE_ERROR_ANSWER,
                 _("In %s: the answer is missing or of the wrong kind."), what);
  return answer->value != NULL;
}

static JsonObject *
read_answers_root (WbQuestionnaire *self, JsonParser *parser, const char *path,
                   char **default_by, GError **error)
{
  static const char * const allowed[] = { "format", "questionnaire", "by", "answers", NULL };
  g_autofree char *format = NULL, *id = NULL;
  JsonObject *root;
  JsonNode *answers;

  if (!json_parser_load_from_file (parser, path, error) ||
      (root = wb_json_get_object (json_parser_get_root (parser), path, error)) == NULL ||
      !wb_json_check_members (root, path, allowed, error) ||
      !wb_json_get_string (root, path, "format", TRUE, &format, error) ||
      !wb_json_get_string (root, path, "questionnaire", TRUE, &id, error) ||
      !wb_json_get_string (root, path, "by", FALSE, default_by, error))
    return NULL;
  if (!g_str_equal (format, ANSWERS_FORMAT) || !g_str_equal (id, self->id))
    {
      g_set_error (error, WB_QUESTIONNAIRE_ERROR, WB_QUESTIONNAIRE_ERROR_ANSWER,
                   _("%s is not an answers file (“%s”) for the questionnaire “%s”."),
                   path, ANSWERS_FORMAT, self->id);
      return NULL;
    }
  answers = json_object_get_member (root, "answers");
  if (answers == NULL || !JSON_NODE_HOLDS_OBJECT (answers))
    {
      g_set_error (error, WB_QUESTIONNAIRE_ERROR, WB_QUESTIONNAIRE_ERROR_ANSWER,
                   _("%s: “answers” must be an object of question id → answer."), path);
      return NULL;
    }
  return json_node_get_object (answers);
}

typedef struct {
  const WbQuestion *question;
  WbQuestionAnswer  answer;
  GStrv             evidence_paths;
} Pending;

static void
pending_free (Pending *pending)
{
  wb_question_answer_clear (&pending->answer);
  g_strfreev (pending->evidence_paths);
  g_free (pending);
}

gboolean
wb_questionnaire_apply_answers_file (WbQuestionnaire *self,
                                     WbRunContext    *context,
                                     const char      *path,
                                     guint           *n_saved,
                                     GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  g_autofree char *default_by = NULL, *base_dir = g_path_get_dirname (path);
  g_autoptr(GList) members = NULL;
  JsonObject *answers;

  if ((answers = read_answers_root (self, parser, path, &default_by, error)) == NULL)
    return FALSE;
  /* Check everything first: a typo in the last answer must not leave half a file saved. */
  members = json_object_get_members (answers);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const WbQuestion *question = wb_questionnaire_lookup (self, l->data);
      Pending *item;

      if (question == NULL)
        {
          g_set_error (error, WB_QUESTIONNAIRE_ERROR, WB_QUESTIONNAIRE_ERROR_NOT_FOUND,
                       _("%s: the questionnaire “%s” has no question “%s”."), path,
                       self->id, (const char *) l->data);
          return FALSE;
        }
      item = g_new0 (Pending, 1);
      item->question = question;
      g_ptr_array_add (pending, item);
      if (!parse_entry (self, question, json_object_get_member (answers, l->data), default_by,
                        &item->answer, &item->evidence_paths, error))
        return FALSE;
    }
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *item = g_ptr_array_index (pending, i);

      if (item->evidence_paths != NULL &&
          !attach_evidence (context, base_dir, item->evidence_paths, &item->answer.evidence,
                            error))
        return FALSE;
      if (!wb_questionnaire_save_answer (self, context, item->question->id, &item->answer,
                                         error))
        return FALSE;
    }
  if (n_saved != NULL)
    *n_saved = pending->len;
  return TRUE;
}

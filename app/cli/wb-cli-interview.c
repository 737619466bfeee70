/* wb-cli-interview.c — werkbank-cli interview: answer a plugin's questionnaire
 *
 * Interactively on a terminal (question by question, "?" shows the help for the student
 * who asks, every answer saved at once), or from an answers file for the demo and tests
 * (docs/questionnaires.md). Scoring and findings come from "werkbank-cli run".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gunixinputstream.h>
#include <unistd.h>

#include "wb-cli-common.h"
#include "wb-plugin-host.h"
#include "wb-questionnaire.h"

#define MAX_LINE 4000

static int
interview_fail (GError *error)
{
  if (error->domain != WB_QUESTIONNAIRE_ERROR)
    return wb_cli_fail (error);
  g_printerr ("werkbank-cli: %s\n", error->message);
  if (error->code == WB_QUESTIONNAIRE_ERROR_NOT_FOUND)
    {
      g_error_free (error);
      return WB_EXIT_NOT_FOUND;
    }
  g_error_free (error);
  return WB_EXIT_INVALID;
}

/* The plugin must load (a broken content file keeps it out); its content is read from
 * the folder the host found it in. */
static WbQuestionnaire *
load_for_plugin (const char *id, GError **error)
{
  g_autoptr(WbPluginHost) host = wb_plugin_host_new ();
  g_autoptr(GPtrArray) plugins = wb_plugin_host_list (host);
  g_autoptr(WbPlugin) plugin = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < plugins->len && path == NULL; i++)
    {
      WbPluginInfo *info = g_ptr_array_index (plugins, i);

      if (g_str_equal (info->id, id))
        path = g_build_filename (info->directory, WB_QUESTIONNAIRE_FILE, NULL);
    }
  if (path != NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, WB_PLUGIN_ERROR, WB_PLUGIN_ERROR_NOT_FOUND,
                   _("The plugin “%s” has no questionnaire."), id);
      return NULL;
    }
  if (path == NULL)
    {
      plugin = wb_plugin_host_get_plugin (host, id, error); /* says "no such plugin" */
      return NULL;
    }
  return wb_questionnaire_new_from_file (path, error);
}

static char *
read_answer_line (GDataInputStream *in)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  char *line = g_data_input_stream_read_line_utf8 (in, &length, NULL, &error);

  if (line == NULL)
    return NULL; /* end of input (or unreadable): stop asking */
  if (length > MAX_LINE)
    line[MAX_LINE] = '\0';
  return g_strstrip (line);
}

/* Short forms a student types quickly, in English and Dutch. */
static const char *
expand_answer (const char *text)
{
  static const struct { const char *typed; const char *id; } forms[] = {
    { "y", "yes" }, { "j", "yes" }, { "ja", "yes" }, { "p", "partly" }, { "d", "partly" },
    { "deels", "partly" }, { "gedeeltelijk", "partly" }, { "n", "no" }, { "nee", "no" },
    { "u", "unknown" }, { "w", "unknown" }, { "na", "not-applicable" },
    { "n/a", "not-applicable" }, { "nvt", "not-applicable" }, { "n.v.t.", "not-applicable" },
  };
  g_autofree char *lower = g_ascii_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_str_equal (lower, forms[i].typed))
      return forms[i].id;
  return text;
}

static void
print_question (WbQuestionnaire *q, const WbQuestion *question, guint number, guint total,
                JsonNode *record)
{
  g_print ("\n[%u/%u] %s\n", number, total, wb_questionnaire_text (question->text));
  if (question->reference != NULL)
    g_print ("      (%s)\n", question->reference);
  if (question->type == WB_QUESTION_ANSWER)
    g_print ("%s\n", _("  y = yes, p = partly, n = no, u = unknown, na = not applicable"));
  else if (question->type == WB_QUESTION_CHOICE)
    for (guint i = 0; i < question->options->len; i++)
      g_print ("  %u = %s\n", i + 1,
               wb_questionnaire_text (((WbQuestionOption *)
                                       g_ptr_array_index (question->options, i))->label));
  if (record != NULL)
    {
      g_autofree char *text = json_to_string (json_object_get_member (
                                                json_node_get_object (record), "value"), FALSE);

      g_print (_("  Saved answer: %s (Enter keeps it)\n"), text);
    }
}

/* A choice may be typed as its number. */
static const char *
choice_by_number (const WbQuestion *question, const char *text)
{
  guint64 n = 0;

  if (question->type == WB_QUESTION_CHOICE &&
      g_ascii_string_to_unsigned (text, 10, 1, question->options->len, &n, NULL))
    return ((WbQuestionOption *) g_ptr_array_index (question->options, n - 1))->id;
  return text;
}

typedef enum { ASK_SAVED, ASK_SKIPPED, ASK_STOP } AskResult;

static AskResult
ask_one (WbQuestionnaire *q, WbRunContext *run, const WbQuestion *question,
         GDataInputStream *in, const char *by, GError **error)
{
  for (;;)
    {
      g_autofree char *line = NULL;
      g_autoptr(GError) local_error = NULL;
      WbQuestionAnswer answer = { NULL, NULL, NULL, NULL };
      const char *text;
      gboolean ok;

      g_print ("%s", _("> "));
      if ((line = read_answer_line (in)) == NULL || g_str_equal (line, "q"))
        return ASK_STOP;
      if (*line == '\0')
        return ASK_SKIPPED;
      if (g_str_equal (line, "?"))
        {
          g_print ("  %s\n", question->help ? wb_questionnaire_text (question->help)
                                            : _("There is no help text for this question."));
          continue;
        }
      text = question->type == WB_QUESTION_ANSWER ? expand_answer (line)
                                                  : choice_by_number (question, line);
      answer.value = wb_questionnaire_parse_value (q, question, text, &local_error);
      if (answer.value == NULL)
        {
          g_print (_("  %s Type “?” for help.\n"), local_error->message);
          continue;
        }
      g_print ("%s", _("  Note (Enter for none): "));
      answer.note = read_answer_line (in);
      if (answer.note != NULL && *answer.note == '\0')
        g_clear_pointer (&answer.note, g_free);
      answer.by = g_strdup (by);
      ok = wb_questionnaire_save_answer (q, run, question->id, &answer, error);
      wb_question_answer_clear (&answer);
      return ok ? ASK_SAVED : ASK_STOP;
    }
}

static gboolean
ask_all (WbQuestionnaire *q, WbRunContext *run, const char *by, guint *n_saved,
         GError **error)
{
  g_autoptr(GInputStream) raw = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GDataInputStream) in = g_data_input_stream_new (raw);
  guint total = wb_questionnaire_get_n_questions (q);
  guint last_section = G_MAXUINT;

  g_print (_("%s — answer each question; “?” shows help, Enter skips, “q” stops. Every "
             "answer is saved at once.\n"), wb_questionnaire_get_title (q));
  for (guint i = 0; i < total; i++)
    {
      const WbQuestion *question = wb_questionnaire_get_question (q, i);
      /* Re-read each time: the answer just given decides what is shown next. */
      g_autoptr(GHashTable) answers = wb_questionnaire_read_answers (q, run);
      AskResult result;

      if (!wb_questionnaire_is_shown (q, question, answers))
        continue;
      if (question->section != last_section)
        {
          last_section = question->section;
          g_print ("\n== %s ==\n", wb_questionnaire_get_section_title (q, last_section));
        }
      print_question (q, question, i + 1, total, g_hash_table_lookup (answers, question->id));
      result = ask_one (q, run, question, in, by, error);
      if (result == ASK_STOP)
        return error == NULL || *error == NULL;
      if (result == ASK_SAVED)
        (*n_saved)++;
    }
  return TRUE;
}

/* An attachment as the team can check it: name, type, size and the SHA-256 of its
 * bytes (read back from the vault; they stay in memory only). */
static JsonNode *
attachment_json (WbVault *vault, GPtrArray *infos, const char *id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *sum = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  for (guint i = 0; i < infos->len; i++)
    {
      WbAttachmentInfo *info = g_ptr_array_index (infos, i);

      if (!g_str_equal (info->id, id))
        continue;
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, info->name);
      json_builder_set_member_name (builder, "content_type");
      json_builder_add_string_value (builder, info->content_type);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) info->size);
    }
  if (wb_vault_read_attachment (vault, id, out, NULL, NULL) && g_output_stream_close (out, NULL, NULL))
    sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                       g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  json_builder_set_member_name (builder, "sha256");
  if (sum != NULL)
    json_builder_add_string_value (builder, sum);
  else
    json_builder_add_null_value (builder); /* missing from the vault */
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* --json: the saved answers as JSON, in questionnaire order, with whether skip logic
 * shows each question and the evidence attachments as stored in the vault. */
static int
show_answers (WbQuestionnaire *q, WbRunContext *run, WbEngagement *engagement)
{
  g_autoptr(GHashTable) answers = wb_questionnaire_read_answers (q, run);
  g_autoptr(GPtrArray) infos = wb_vault_list_attachments (wb_engagement_get_vault (engagement));
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *top = json_object_new ();
  JsonObject *list = json_object_new ();
  GError *error = NULL;

  json_node_take_object (root, top);
  json_object_set_string_member (top, "questionnaire", wb_questionnaire_get_id (q));
  json_object_set_object_member (top, "answers", list);
  for (guint i = 0; i < wb_questionnaire_get_n_questions (q); i++)
    {
      const WbQuestion *question = wb_questionnaire_get_question (q, i);
      JsonNode *record = g_hash_table_lookup (answers, question->id);
      JsonNode *copy, *evidence;
      JsonArray *attachments = json_array_new ();

      if (record == NULL || !JSON_NODE_HOLDS_OBJECT (record))
        {
          json_array_unref (attachments);
          continue;
        }
      copy = json_node_copy (record);
      evidence = json_object_get_member (json_node_get_object (copy), "evidence");
      for (guint e = 0; evidence != NULL && JSON_NODE_HOLDS_ARRAY (evidence) &&
                        e < json_array_get_length (json_node_get_array (evidence)); e++)
        json_array_add_element (attachments, attachment_json (
          wb_engagement_get_vault (engagement), infos,
          json_array_get_string_element (json_node_get_array (evidence), e)));
      json_object_set_array_member (json_node_get_object (copy), "attachments", attachments);
      json_object_set_boolean_member (json_node_get_object (copy), "shown",
                                      wb_questionnaire_is_shown (q, question, answers));
      json_object_set_member (list, question->id, copy);
    }
  if (!wb_cli_write_json (root, NULL, &error))
    return wb_cli_fail (error);
  return WB_EXIT_OK;
}

int
wb_cli_interview (int argc, char **argv)
{
  g_autofree char *answers_file = NULL, *by = NULL;
  gboolean show = FALSE;
  const GOptionEntry entries[] = {
    { "answers", 'a', 0, G_OPTION_ARG_FILENAME, &answers_file,
      N_("Take the answers from this file instead of asking"), N_("FILE") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who gives the answers"), N_("NAME") },
    /* The saved answers (notes, evidence) instead of asking: what the GUI shows. */
    { "json", 0, 0, G_OPTION_ARG_NONE, &show, N_("Print as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE PLUGIN"), _("Answer a plugin's questionnaire; each answer "
                                           "is saved at once. “werkbank-cli run” scores "
                                           "them."), entries);
  g_autoptr(WbQuestionnaire) q = NULL;
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(WbRunContext) run = NULL;
  GError *error = NULL;
  guint n_saved = 0;
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return wb_cli_usage (context, _("Name the engagement file and the plugin."));
  if (answers_file == NULL && !show && !isatty (STDIN_FILENO))
    return wb_cli_usage (context, _("Not on a terminal: give the answers with --answers."));
  if ((q = load_for_plugin (argv[2], &error)) == NULL)
    return interview_fail (error);
  if ((engagement = wb_cli_open (argv[1], &error)) == NULL)
    return wb_cli_fail (error);
  run = wb_run_context_new (G_OBJECT (engagement), argv[2]);
  if (show)
    return show_answers (q, run, engagement);
  if (answers_file != NULL)
    {
      if (!wb_questionnaire_apply_answers_file (q, run, answers_file, &n_saved, &error))
        return interview_fail (error);
    }
  else if (!ask_all (q, run, by ? by : wb_engagement_get_actor (engagement), &n_saved, &error))
    return interview_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u answer saved.\n", "%u answers saved.\n",
                        n_saved), n_saved);
  return WB_EXIT_OK;
}

/* wb-questionnaire-page.c — an interview plugin's questionnaire, rendered from its content
 *
 * One AdwPreferencesGroup per section; per question an AdwExpanderRow whose subtitle says
 * what was answered, holding the help for the student who asks, the answer widget for the
 * question's type (a combo row for answer and choice questions, an entry row for numbers
 * and text), a note and the evidence photos. As in "werkbank-cli interview", each answer
 * is one committed record; evidence is streamed into the vault, encrypted, and the answer
 * keeps the attachment ids (docs/questionnaires.md).
 *
 * A refresh after a change (the same engagement again) only updates what is shown and
 * the subtitles: entry rows are never rewritten then, so nothing being typed is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-gui-util.h"
#include "wb-questionnaire-page.h"

typedef struct _QuestionUi QuestionUi;

struct _WbQuestionnairePage
{
  GtkBox           parent_instance;

  WbQuestionnaire *questionnaire;
  char            *plugin_id;
  WbEngagement    *engagement;
  WbRunContext    *context;
  GPtrArray       *questions;   /* of QuestionUi, in questionnaire order */
  gboolean         syncing;     /* widgets are being set from the stored answers */
};

struct _QuestionUi
{
  WbQuestionnairePage  *page;
  const WbQuestion     *question;
  AdwExpanderRow       *row;
  GtkWidget            *answer;        /* AdwComboRow or AdwEntryRow */
  AdwEntryRow          *note;
  AdwActionRow         *evidence_row;
  GtkWidget            *evidence_button;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (WbQuestionnairePage, wb_questionnaire_page, GTK_TYPE_BOX)

/* The five answers of an "answer" question, as stored (docs/questionnaires.md). */
static const struct { const char *id; const char *label; } answer_values[] = {
  { "yes", N_("Yes") },
  { "partly", N_("Partly") },
  { "no", N_("No") },
  { "unknown", N_("Unknown") },
  { "not-applicable", N_("Not Applicable") },
};

static void
question_ui_free (QuestionUi *ui)
{
  if (ui->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (ui->chooser));
  g_clear_object (&ui->chooser);
  g_free (ui);
}

/* --- Reading what is stored ------------------------------------------------------ */

static JsonObject *
stored_record (GHashTable *answers, const WbQuestion *question)
{
  JsonNode *node = answers != NULL ? g_hash_table_lookup (answers, question->id) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
record_string (JsonObject *record, const char *member)
{
  JsonNode *node = record != NULL ? json_object_get_member (record, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static GStrv
record_evidence (JsonObject *record)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = record != NULL ? json_object_get_member (record, "evidence") : NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *id = json_array_get_string_element (array, i);

          if (id != NULL)
            g_strv_builder_add (builder, id);
        }
    }
  return g_strv_builder_end (builder);
}

/* The stored value as the text the answer widgets use (an id, a number or text). */
static char *
value_to_text (JsonObject *record)
{
  JsonNode *value = record != NULL ? json_object_get_member (record, "value") : NULL;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    return NULL;
  if (json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  if (json_node_get_value_type (value) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
  if (json_node_get_value_type (value) == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (value)));
    }
  return NULL;
}

/* What the answer means in words: the translated label of an answer or option. */
static char *
value_to_words (const WbQuestion *question, JsonObject *record)
{
  g_autofree char *text = value_to_text (record);

  if (text == NULL)
    return NULL;
  if (question->type == WB_QUESTION_ANSWER)
    for (guint i = 0; i < G_N_ELEMENTS (answer_values); i++)
      if (g_str_equal (text, answer_values[i].id))
        return g_strdup (_(answer_values[i].label));
  if (question->type == WB_QUESTION_CHOICE)
    for (guint i = 0; i < question->options->len; i++)
      {
        WbQuestionOption *option = g_ptr_array_index (question->options, i);

        if (g_str_equal (text, option->id))
          return g_strdup (wb_questionnaire_text (option->label));
      }
  return g_steal_pointer (&text);
}

/* Combo position of a stored value: 0 is "Not Answered". */
static guint
value_position (const WbQuestion *question, const char *text)
{
  if (text == NULL)
    return 0;
  if (question->type == WB_QUESTION_ANSWER)
    {
      for (guint i = 0; i < G_N_ELEMENTS (answer_values); i++)
        if (g_str_equal (text, answer_values[i].id))
          return i + 1;
    }
  else
    for (guint i = 0; i < question->options->len; i++)
      if (g_str_equal (text, ((WbQuestionOption *) g_ptr_array_index (question->options, i))->id))
        return i + 1;
  return 0;
}

static const char *
position_value (const WbQuestion *question, guint position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  if (question->type == WB_QUESTION_ANSWER)
    return position <= G_N_ELEMENTS (answer_values) ? answer_values[position - 1].id : NULL;
  return position <= question->options->len
    ? ((WbQuestionOption *) g_ptr_array_index (question->options, position - 1))->id : NULL;
}

/* Names of the attachments, for the evidence row. */
static char *
evidence_names (WbEngagement *engagement, GStrv ids)
{
  g_autoptr(GPtrArray) infos = wb_vault_list_attachments (wb_engagement_get_vault (engagement));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    for (guint j = 0; infos != NULL && j < infos->len; j++)
      {
        WbAttachmentInfo *info = g_ptr_array_index (infos, j);

        if (g_str_equal (info->id, ids[i]))
          {
            if (names->len > 0)
              g_string_append (names, ", ");
            g_string_append (names, info->name);
          }
      }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* --- Showing --------------------------------------------------------------------- */

static void
sync_question (QuestionUi *ui, GHashTable *answers)
{
  WbQuestionnairePage *self = ui->page;
  JsonObject *record = stored_record (answers, ui->question);
  g_autofree char *words = value_to_words (ui->question, record);
  g_autofree char *text = value_to_text (record);
  g_auto(GStrv) evidence = record_evidence (record);
  g_autofree char *subtitle = NULL;
  guint n_photos = g_strv_length (evidence);

  gtk_widget_set_visible (GTK_WIDGET (ui->row),
                          wb_questionnaire_is_shown (self->questionnaire, ui->question, answers));

  if (words == NULL)
    subtitle = g_strdup (_("Not answered yet"));
  else if (n_photos > 0)
    /* Translators: the answer given, then how many photos: "Partly · 2 photos". */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u photo", "%s · %u photos",
                                             n_photos), words, n_photos);
  else
    subtitle = g_strdup (words);
  adw_expander_row_set_subtitle (ui->row, subtitle);

  /* Combo rows save on every change, so they always show the stored answer. */
  if (ADW_IS_COMBO_ROW (ui->answer) &&
      adw_combo_row_get_selected (ADW_COMBO_ROW (ui->answer)) != value_position (ui->question, text))
    adw_combo_row_set_selected (ADW_COMBO_ROW (ui->answer), value_position (ui->question, text));

  gtk_widget_set_sensitive (ui->evidence_button, words != NULL);
  if (n_photos > 0)
    {
      g_autofree char *names = evidence_names (self->engagement, evidence);

      adw_action_row_set_subtitle (ui->evidence_row, names);
    }
  else
    adw_action_row_set_subtitle (ui->evidence_row, words != NULL
      ? _("No photos yet. Photos must show no faces and no readable screens: blur them first.")
      : _("Answer the question first: photos are kept with the answer."));
}

/* Entry rows get the stored text only when an engagement is first shown. */
static void
load_question_text (QuestionUi *ui, GHashTable *answers)
{
  JsonObject *record = stored_record (answers, ui->question);
  g_autofree char *text = value_to_text (record);
  const char *note = record_string (record, "note");

  if (ADW_IS_ENTRY_ROW (ui->answer))
    gtk_editable_set_text (GTK_EDITABLE (ui->answer), text != NULL ? text : "");
  gtk_editable_set_text (GTK_EDITABLE (ui->note), note != NULL ? note : "");
}

static void
sync_all (WbQuestionnairePage *self, gboolean load_text)
{
  g_autoptr(GHashTable) answers = NULL;

  if (self->context == NULL)
    return;
  answers = wb_questionnaire_read_answers (self->questionnaire, self->context);
  self->syncing = TRUE;
  for (guint i = 0; i < self->questions->len; i++)
    {
      QuestionUi *ui = g_ptr_array_index (self->questions, i);

      if (load_text)
        load_question_text (ui, answers);
      sync_question (ui, answers);
    }
  self->syncing = FALSE;
}

/* --- Saving ---------------------------------------------------------------------- */

/* Saves one answer record: @value (taken) with the note and evidence given. */
static gboolean
save_record (QuestionUi *ui, JsonNode *value, const char *note, GStrv evidence)
{
  WbQuestionnairePage *self = ui->page;
  g_autoptr(GError) error = NULL;
  WbQuestionAnswer answer = { NULL, NULL, NULL, NULL };
  gboolean ok;

  answer.value = value;
  answer.by = g_strdup (wb_engagement_get_actor (self->engagement));
  answer.note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  answer.evidence = evidence != NULL && evidence[0] != NULL ? g_strdupv (evidence) : NULL;
  ok = wb_questionnaire_save_answer (self->questionnaire, self->context, ui->question->id,
                                     &answer, &error);
  wb_question_answer_clear (&answer);
  if (!ok)
    wb_gui_toast (GTK_WIDGET (self), error->message);
  /* Skip logic at once, without waiting for the view's refresh. */
  sync_all (self, FALSE);
  return ok;
}

static JsonObject *
current_record (QuestionUi *ui, GHashTable **answers)
{
  *answers = wb_questionnaire_read_answers (ui->page->questionnaire, ui->page->context);
  return stored_record (*answers, ui->question);
}

/* A new value from the answer widget: keeps the stored evidence, takes the note typed. */
static void
save_value (QuestionUi *ui, const char *text)
{
  WbQuestionnairePage *self = ui->page;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) evidence = NULL;
  JsonNode *value;

  if (self->syncing || self->context == NULL)
    return;
  value = wb_questionnaire_parse_value (self->questionnaire, ui->question, text, &error);
  if (value == NULL)
    {
      wb_gui_toast (GTK_WIDGET (self), error->message);
      return;
    }
  evidence = record_evidence (current_record (ui, &answers));
  save_record (ui, value, gtk_editable_get_text (GTK_EDITABLE (ui->note)), evidence);
}

static void
on_combo_selected (QuestionUi *ui)
{
  const char *value;

  if (ui->page->syncing || ui->page->context == NULL)
    return;
  value = position_value (ui->question, adw_combo_row_get_selected (ADW_COMBO_ROW (ui->answer)));
  if (value == NULL)
    {
      /* A record cannot be taken back; put the stored answer back in the combo. */
      wb_gui_toast (GTK_WIDGET (ui->page),
                    _("A saved answer cannot be removed: choose “Unknown” instead."));
      sync_all (ui->page, FALSE);
      return;
    }
  save_value (ui, value);
}

static void
on_entry_apply (QuestionUi *ui)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ui->answer))));
  g_autoptr(GHashTable) answers = NULL;
  g_autofree char *stored = NULL;

  if (ui->page->context == NULL || *text == '\0')
    return;
  stored = value_to_text (current_record (ui, &answers));
  if (g_strcmp0 (stored, text) != 0)
    save_value (ui, text);
}

static void
on_note_apply (QuestionUi *ui)
{
  g_autoptr(GHashTable) answers = NULL;
  JsonObject *record;
  g_auto(GStrv) evidence = NULL;

  if (ui->page->syncing || ui->page->context == NULL)
    return;
  record = current_record (ui, &answers);
  if (record == NULL || json_object_get_member (record, "value") == NULL)
    {
      wb_gui_toast (GTK_WIDGET (ui->page),
                    _("The note is saved with the answer: give the answer first."));
      return;
    }
  /* Enter on an unchanged note saves nothing new. */
  if (g_strcmp0 (record_string (record, "note") ? record_string (record, "note") : "",
                 gtk_editable_get_text (GTK_EDITABLE (ui->note))) == 0)
    return;
  evidence = record_evidence (record);
  save_record (ui, json_node_copy (json_object_get_member (record, "value")),
               gtk_editable_get_text (GTK_EDITABLE (ui->note)), evidence);
}

static QuestionUi *
lookup_ui (WbQuestionnairePage *self, const char *question_id)
{
  for (guint i = 0; i < self->questions->len; i++)
    {
      QuestionUi *ui = g_ptr_array_index (self->questions, i);

      if (g_str_equal (ui->question->id, question_id))
        return ui;
    }
  return NULL;
}

gboolean
wb_questionnaire_page_attach (WbQuestionnairePage  *self,
                              const char           *question_id,
                              GFile                *file,
                              GError              **error)
{
  QuestionUi *ui = lookup_ui (self, question_id);
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *id = NULL;
  g_auto(GStrv) evidence = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  JsonObject *record;
  const char *type = NULL;
  g_autofree char *mime = NULL;

  g_return_val_if_fail (WB_IS_QUESTIONNAIRE_PAGE (self), FALSE);
  g_return_val_if_fail (ui != NULL && self->context != NULL, FALSE);

  record = current_record (ui, &answers);
  if (record == NULL || json_object_get_member (record, "value") == NULL)
    {
      g_set_error_literal (error, WB_QUESTIONNAIRE_ERROR, WB_QUESTIONNAIRE_ERROR_ANSWER,
                           _("Answer the question first: photos are kept with the answer."));
      return FALSE;
    }
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, 0, NULL, NULL);
  if (info != NULL)
    type = g_file_info_get_content_type (info);
  mime = type != NULL ? g_content_type_get_mime_type (type) : NULL;
  /* Streamed into the vault, encrypted; the file itself stays where it was. */
  if ((input = g_file_read (file, NULL, error)) == NULL ||
      (id = wb_run_context_add_attachment (self->context, name,
                                           mime != NULL ? mime : "application/octet-stream",
                                           G_INPUT_STREAM (input), NULL, error)) == NULL)
    return FALSE;
  evidence = record_evidence (record);
  g_strv_builder_addv (ids, (const char **) evidence);
  g_strv_builder_add (ids, id);
  g_clear_pointer (&evidence, g_strfreev);
  evidence = g_strv_builder_end (ids);
  return save_record (ui, json_node_copy (json_object_get_member (record, "value")),
                      record_string (record, "note"), evidence);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     QuestionUi      *ui)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  gtk_native_dialog_hide (chooser);
  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    return;
  if (!wb_questionnaire_page_attach (ui->page, ui->question->id, file, &error))
    wb_gui_toast (GTK_WIDGET (ui->page), error->message);
  else
    wb_gui_toast (GTK_WIDGET (ui->page), _("Photo saved in the engagement, encrypted."));
}

static void
on_add_photo (QuestionUi *ui)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (ui->page));

  if (ui->chooser == NULL)
    {
      g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      ui->chooser = gtk_file_chooser_native_new (_("Choose an Evidence Photo"),
                                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 GTK_FILE_CHOOSER_ACTION_OPEN,
                                                 _("_Attach"), _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (ui->chooser), TRUE);
      gtk_file_filter_set_name (images, _("Photos"));
      gtk_file_filter_add_mime_type (images, "image/*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (ui->chooser), images);
      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (ui->chooser), all);
      g_signal_connect (ui->chooser, "response", G_CALLBACK (on_chooser_response), ui);
      /* The test driver answers the dialog the way a person would. */
      g_object_set_data (G_OBJECT (ui->evidence_button), "wb-file-chooser", ui->chooser);
    }
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (ui->chooser));
}

/* --- Building -------------------------------------------------------------------- */

static GtkWidget *
create_combo (const WbQuestion *question)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  gtk_string_list_append (labels, _("Not Answered"));
  if (question->type == WB_QUESTION_ANSWER)
    for (guint i = 0; i < G_N_ELEMENTS (answer_values); i++)
      gtk_string_list_append (labels, _(answer_values[i].label));
  else
    for (guint i = 0; i < question->options->len; i++)
      gtk_string_list_append (labels, wb_questionnaire_text (
                                ((WbQuestionOption *) g_ptr_array_index (question->options, i))->label));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_unref (labels);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Answer"));
  return row;
}

static GtkWidget *
create_answer_widget (QuestionUi *ui)
{
  GtkWidget *widget;

  if (ui->question->type == WB_QUESTION_ANSWER || ui->question->type == WB_QUESTION_CHOICE)
    {
      widget = create_combo (ui->question);
      g_signal_connect_swapped (widget, "notify::selected", G_CALLBACK (on_combo_selected), ui);
    }
  else
    {
      widget = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget),
                                     ui->question->type == WB_QUESTION_NUMBER ? _("Number")
                                                                              : _("Answer"));
      if (ui->question->type == WB_QUESTION_NUMBER)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (widget), GTK_INPUT_PURPOSE_DIGITS);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (widget), TRUE);
      /* Enter applies as well: AdwEntryRow emits "apply" while its button shows,
       * else "entry-activated" (an unchanged value is not saved again). */
      g_signal_connect_swapped (widget, "apply", G_CALLBACK (on_entry_apply), ui);
      g_signal_connect_swapped (widget, "entry-activated", G_CALLBACK (on_entry_apply), ui);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  wb_questionnaire_text (ui->question->text), -1);
  return widget;
}

static GtkWidget *
create_help_row (const WbQuestion *question)
{
  g_autoptr(GString) help = g_string_new (NULL);

  if (question->help != NULL)
    g_string_append (help, wb_questionnaire_text (question->help));
  if (question->reference != NULL)
    {
      if (help->len > 0)
        g_string_append (help, "\n");
      /* Translators: the law or standard behind a question: "Reference: AVG art. 30". */
      g_string_append_printf (help, _("Reference: %s"), question->reference);
    }
  if (help->len == 0)
    return NULL;
  return wb_gui_new_row (_("How to Ask"), help->str);
}

static void
create_evidence_row (QuestionUi *ui)
{
  g_autofree char *name = g_strconcat ("evidence-", ui->question->id, NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Add _Photo…"));

  ui->evidence_row = ADW_ACTION_ROW (wb_gui_new_row (_("Evidence Photos"), NULL));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add an Evidence Photo"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_photo), ui);
  adw_action_row_add_suffix (ui->evidence_row, button);
  ui->evidence_button = button;
}

static QuestionUi *
create_question (WbQuestionnairePage *self, const WbQuestion *question)
{
  QuestionUi *ui = g_new0 (QuestionUi, 1);
  g_autofree char *row_name = g_strconcat ("question-", question->id, NULL);
  g_autofree char *answer_name = g_strconcat ("answer-", question->id, NULL);
  g_autofree char *note_name = g_strconcat ("note-", question->id, NULL);
  GtkWidget *help;

  ui->page = self;
  ui->question = question;
  ui->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (ui->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ui->row),
                                 wb_questionnaire_text (question->text));
  gtk_widget_set_name (GTK_WIDGET (ui->row), row_name);

  if ((help = create_help_row (question)) != NULL)
    adw_expander_row_add_row (ui->row, help);
  ui->answer = create_answer_widget (ui);
  gtk_widget_set_name (ui->answer, answer_name);
  adw_expander_row_add_row (ui->row, ui->answer);

  ui->note = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ui->note), _("Note"));
  adw_entry_row_set_show_apply_button (ui->note, TRUE);
  gtk_widget_set_name (GTK_WIDGET (ui->note), note_name);
  g_signal_connect_swapped (ui->note, "apply", G_CALLBACK (on_note_apply), ui);
  g_signal_connect_swapped (ui->note, "entry-activated", G_CALLBACK (on_note_apply), ui);
  adw_expander_row_add_row (ui->row, GTK_WIDGET (ui->note));

  create_evidence_row (ui);
  adw_expander_row_add_row (ui->row, GTK_WIDGET (ui->evidence_row));
  return ui;
}

static void
build (WbQuestionnairePage *self)
{
  guint n_sections = wb_questionnaire_get_n_sections (self->questionnaire);
  g_autofree AdwPreferencesGroup **groups = g_new0 (AdwPreferencesGroup *, n_sections);

  for (guint s = 0; s < n_sections; s++)
    {
      groups[s] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (groups[s],
                                       wb_questionnaire_get_section_title (self->questionnaire, s));
      gtk_box_append (GTK_BOX (self), GTK_WIDGET (groups[s]));
    }
  for (guint i = 0; i < wb_questionnaire_get_n_questions (self->questionnaire); i++)
    {
      const WbQuestion *question = wb_questionnaire_get_question (self->questionnaire, i);
      QuestionUi *ui = create_question (self, question);

      g_ptr_array_add (self->questions, ui);
      adw_preferences_group_add (groups[MIN (question->section, n_sections - 1)],
                                 GTK_WIDGET (ui->row));
    }
}

GtkWidget *
wb_questionnaire_page_new (WbQuestionnaire *questionnaire,
                           const char      *plugin_id)
{
  WbQuestionnairePage *self = g_object_new (WB_TYPE_QUESTIONNAIRE_PAGE,
                                            "orientation", GTK_ORIENTATION_VERTICAL,
                                            "spacing", 24, NULL);

  self->questionnaire = g_object_ref (questionnaire);
  self->plugin_id = g_strdup (plugin_id);
  if (wb_questionnaire_get_n_sections (questionnaire) > 0)
    build (self);
  return GTK_WIDGET (self);
}

void
wb_questionnaire_page_set_engagement (WbQuestionnairePage *self,
                                      WbEngagement        *engagement)
{
  gboolean same;

  g_return_if_fail (WB_IS_QUESTIONNAIRE_PAGE (self));

  same = engagement != NULL && engagement == self->engagement;
  if (!same)
    {
      g_set_object (&self->engagement, engagement);
      g_clear_object (&self->context);
      if (engagement != NULL)
        self->context = wb_run_context_new (G_OBJECT (engagement), self->plugin_id);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), engagement != NULL &&
                            !wb_engagement_is_read_only (engagement));
  sync_all (self, !same);
}

static void
wb_questionnaire_page_dispose (GObject *object)
{
  WbQuestionnairePage *self = WB_QUESTIONNAIRE_PAGE (object);

  /* The rows' handlers point into self->questions: the rows go first. */
  wb_gui_remove_children (GTK_WIDGET (self));
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->engagement);
  g_clear_object (&self->questionnaire);
  G_OBJECT_CLASS (wb_questionnaire_page_parent_class)->dispose (object);
}

static void
wb_questionnaire_page_finalize (GObject *object)
{
  WbQuestionnairePage *self = WB_QUESTIONNAIRE_PAGE (object);

  g_free (self->plugin_id);
  G_OBJECT_CLASS (wb_questionnaire_page_parent_class)->finalize (object);
}

static void
wb_questionnaire_page_class_init (WbQuestionnairePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wb_questionnaire_page_dispose;
  object_class->finalize = wb_questionnaire_page_finalize;
}

static void
wb_questionnaire_page_init (WbQuestionnairePage *self)
{
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_ui_free);
}

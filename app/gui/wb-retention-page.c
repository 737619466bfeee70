/* wb-retention-page.c — the retention end date, what the engagement holds, destroy now
 *
 * "Destroy Now…" does what `werkbank-cli destroy --yes --record R.pdf --identity ID`
 * does, in the same order: everything the record needs (the company, the agreement, the
 * data inventory) and the signing identity are read BEFORE the erase; then
 * wb_vault_destroy() crypto-erases the file; then the record is rendered, signed and
 * written where the user chose. The engagement is closed at once (win.lock) and
 * dropped from the recent list: there is nothing left to open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "wb-application.h"
#include "wb-destruction-record.h"
#include "wb-file.h"
#include "wb-gui-util.h"
#include "wb-identity-dialog.h"
#include "wb-report-store.h"
#include "wb-retention-page.h"

struct _WbRetentionPage
{
  AdwBin        parent_instance;

  WbEngagement *engagement;
  char         *record_path;  /* where the destruction record goes */
  GCancellable *cancellable;  /* the record being signed and written */

  /* Template children */
  AdwActionRow *period_row;
  AdwActionRow *end_row;
  GtkListBox   *inventory_list;
  GtkButton    *destroy_button;
  GtkSpinner   *spinner;
  GtkLabel     *status_label;
};

G_DEFINE_FINAL_TYPE (WbRetentionPage, wb_retention_page, ADW_TYPE_BIN)

static void
set_status (WbRetentionPage *self,
            const char      *text,
            gboolean         is_error)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
update_actions (WbRetentionPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "retention.destroy",
                                 self->engagement != NULL && self->cancellable == NULL
                                 && !wb_engagement_is_read_only (self->engagement));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "retention.destroy-to",
                                 self->engagement != NULL && self->cancellable == NULL
                                 && !wb_engagement_is_read_only (self->engagement));
  gtk_spinner_set_spinning (self->spinner, self->cancellable != NULL);
}

/* "25 May 2027 (2027-05-25)" */
static char *
format_date (const char *iso)
{
  int y, m, d;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *long_date = NULL;

  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso);
  when = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (when == NULL)
    return g_strdup (iso);
  /* Translators: a date, see g_date_time_format(). */
  long_date = g_date_time_format (when, _("%-d %B %Y"));
  return g_strdup_printf ("%s (%s)", long_date, iso);
}

static void
show_retention (WbRetentionPage *self)
{
  guint months = wb_agreement_get_retention_months (wb_engagement_get_agreement (self->engagement));
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *report_date = NULL;
  g_autofree char *period = NULL;
  g_autofree char *end = NULL;
  g_autofree char *text = NULL;

  if (months == 0)
    {
      adw_action_row_set_subtitle (self->period_row,
                                   _("No retention period was agreed. Ask the teacher "
                                     "before keeping the data after the report."));
      adw_action_row_set_subtitle (self->end_row, _("Not known: no period was agreed."));
      return;
    }
  period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u month, counted from the report's date",
                                         "%u months, counted from the report's date", months),
                            months);
  adw_action_row_set_subtitle (self->period_row, period);

  /* The kept report's date is what the period counts from (as the report's own
   * retention section says); before there is one, today's date shows what it would be. */
  pdf = wb_report_load_pdf (self->engagement, &report_date, NULL);
  if (pdf != NULL && report_date != NULL)
    {
      g_autofree char *iso = wb_report_retention_end (self->engagement, report_date);
      g_autofree char *from = format_date (report_date);

      end = iso != NULL ? format_date (iso) : NULL;
      /* Translators: the first %s is the end date, the second the report's date. */
      text = g_strdup_printf (_("%s — then destroy it. The report is of %s."),
                              end != NULL ? end : "?", from);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      g_autofree char *iso = wb_report_retention_end (self->engagement, today);

      end = iso != NULL ? format_date (iso) : NULL;
      text = g_strdup_printf (_("The report has not been made yet. Made today, the data "
                                "would be kept until %s."), end != NULL ? end : "?");
    }
  adw_action_row_set_subtitle (self->end_row, text);
}

static void
show_inventory (WbRetentionPage *self)
{
  g_autoptr(GPtrArray) categories = wb_engagement_get_data_inventory (self->engagement);
  guint64 total = 0;
  gboolean personal = FALSE;

  wb_gui_remove_children (GTK_WIDGET (self->inventory_list));
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      const WbDataCategory *category = categories->pdata[i];
      g_autofree char *size = g_format_size (category->bytes);
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, category->count);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* Translators: "%s items" is a count, then a size such as "2.1 kB", then
       * " · may hold personal data" or nothing. */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s item, %s%s",
                                               "%s items, %s%s", (gulong) category->count),
                                  count, size,
                                  category->personal ? _(" · may hold personal data") : "");
      row = wb_gui_new_row (category->label, subtitle);
      gtk_list_box_append (self->inventory_list, row);
      total += category->bytes;
      personal = personal || category->personal;
    }
  {
    g_autofree char *size = g_format_size (total);
    g_autofree char *subtitle = g_strdup_printf (personal
                                                   ? _("%s, including personal data")
                                                   : _("%s, no personal data"), size);
    GtkWidget *row = wb_gui_new_row (_("Total"), subtitle);

    gtk_widget_add_css_class (row, "heading");
    gtk_list_box_append (self->inventory_list, row);
  }
}

static void
refresh (WbRetentionPage *self)
{
  if (self->engagement == NULL)
    {
      wb_gui_remove_children (GTK_WIDGET (self->inventory_list));
      adw_action_row_set_subtitle (self->period_row, "");
      adw_action_row_set_subtitle (self->end_row, "");
      update_actions (self);
      return;
    }
  show_retention (self);
  show_inventory (self);
  update_actions (self);
}

/* ---- Destroy: confirm, choose where the record goes, the identity, erase -------- */

typedef struct {
  WbDestructionFacts   *facts;
  WbDestructionContext *context;
  WbIdentity           *team;
  char                 *path;
} RecordJob;

static void
record_job_free (RecordJob *job)
{
  g_clear_pointer (&job->facts, wb_destruction_facts_free);
  g_clear_pointer (&job->context, wb_destruction_context_free);
  g_clear_object (&job->team);
  g_free (job->path);
  g_free (job);
}

static void
record_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RecordJob *job = task_data;
  g_autoptr(GBytes) pdf = NULL;
  GError *error = NULL;

  pdf = wb_destruction_record_create (job->facts, job->context, job->team, NULL, "nl",
                                      &error);
  if (pdf == NULL
      || !wb_file_write_private (job->path, g_bytes_get_data (pdf, NULL),
                                 g_bytes_get_size (pdf), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_record_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  WbRetentionPage *self = WB_RETENTION_PAGE (source);
  RecordJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_filename_display_basename (job->path);

  g_task_propagate_boolean (G_TASK (result), &error);
  g_clear_object (&self->cancellable);
  update_actions (self);
  if (error != NULL)
    /* Translators: %s says why. */
    text = g_strdup_printf (_("The engagement WAS destroyed, but the destruction record "
                              "could not be written: %s"), error->message);
  else
    /* Translators: %s is a file name. */
    text = g_strdup_printf (_("The engagement was destroyed. The signed destruction record "
                              "is %s; give a copy to the company and the teacher."), name);
  set_status (self, text, error != NULL);
  wb_gui_toast (GTK_WIDGET (self), text);
}

/* The engagement's file is gone: it must not stay in the recent list. */
static void
forget_recent (WbRetentionPage *self,
               const char      *path)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;
  GSettings *settings = WB_IS_APPLICATION (app)
                          ? wb_application_get_settings (WB_APPLICATION (app)) : NULL;
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  if (settings == NULL)
    return;
  old = g_settings_get_strv (settings, "recent-engagements");
  for (guint i = 0; old[i] != NULL; i++)
    if (!g_str_equal (old[i], path))
      g_strv_builder_add (builder, old[i]);
  paths = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-engagements", (const char * const *) paths);
}

static void
on_identity_ready (WbIdentityDialog *dialog,
                   WbIdentity       *identity,
                   WbRetentionPage  *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WbDestructionContext) context = NULL;
  WbDestructionFacts *facts;
  RecordJob *job;

  if (self->engagement == NULL || self->record_path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The engagement was closed."));
      wb_identity_dialog_finish (dialog, error);
      return;
    }
  /* As the CLI: never overwrite a file, and read everything before the erase. */
  if (g_file_test (self->record_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s exists already; choose another place for the record. Nothing "
                     "was destroyed."), self->record_path);
      wb_identity_dialog_finish (dialog, error);
      return;
    }
  context = wb_destruction_context_new (self->engagement, "nl");
  facts = wb_vault_destroy (wb_engagement_get_vault (self->engagement), &error);
  if (facts == NULL)
    {
      wb_identity_dialog_finish (dialog, error);
      return;
    }
  wb_identity_dialog_finish (dialog, NULL);
  forget_recent (self, facts->path);

  job = g_new0 (RecordJob, 1);
  job->facts = facts;
  job->context = g_steal_pointer (&context);
  job->team = g_object_ref (identity);
  job->path = g_steal_pointer (&self->record_path);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_record_written, NULL);
  g_task_set_source_tag (task, on_identity_ready);
  g_task_set_task_data (task, job, (GDestroyNotify) record_job_free);
  g_task_run_in_thread (task, record_thread);

  /* Nothing is left to show: close the engagement and go back to the list. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.lock", NULL);
  update_actions (self);
}

static void
ask_identity (WbRetentionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  WbIdentityDialog *dialog;

  dialog = wb_identity_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Destroy and Sign the Record"),
                                   _("You destroy the engagement and sign the destruction "
                                     "record with your team identity file. The engagement "
                                     "is erased as soon as the identity opens."),
                                   _("_Destroy"), WB_IDENTITY_TEAM);
  g_signal_connect_object (dialog, "identity-ready", G_CALLBACK (on_identity_ready), self,
                           G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_record_chosen (GtkWidget  *owner,
                  const char *path)
{
  WbRetentionPage *self = WB_RETENTION_PAGE (owner);

  g_free (self->record_path);
  self->record_path = g_strdup (path);
  ask_identity (self);
}

static void
choose_record_path (WbRetentionPage *self)
{
  /* Translators: the suggested file name of the destruction record. */
  wb_gui_choose_file (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                      _("Save the Destruction Record"), _("_Save"),
                      _("destruction-record.pdf"), NULL, on_record_chosen);
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     WbRetentionPage  *self)
{
  if (!g_str_equal (response, "destroy") || self->engagement == NULL)
    {
      g_clear_pointer (&self->record_path, g_free);
      return;
    }
  if (self->record_path == NULL)
    choose_record_path (self);
  else
    ask_identity (self);
}

/* The destroy button is enabled only when the company's name is typed exactly. */
static void
on_confirm_changed (GtkEditable      *entry,
                    AdwMessageDialog *dialog)
{
  const char *expected = g_object_get_data (G_OBJECT (dialog), "company");
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "destroy",
                                           expected != NULL && g_str_equal (typed, expected));
}

static void
on_confirm_activate (GtkEntry         *entry,
                     AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "destroy"))
    {
      adw_message_dialog_response (dialog, "destroy");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
start_destroy (WbRetentionPage *self,
               const char      *record_path)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const WbCompany *company;
  const char *name;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->engagement == NULL || self->cancellable != NULL)
    return;
  company = wb_engagement_get_company (self->engagement);
  name = company != NULL && company->name != NULL ? company->name : _("this engagement");
  g_free (self->record_path);
  self->record_path = g_strdup (record_path);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       _("Destroy This Engagement?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: %s is the company's name. */
                                  _("Everything Werkbank holds about “%s” becomes unreadable "
                                    "for good: findings, answers, photos and the kept "
                                    "report. There is no undo. Copies made elsewhere are "
                                    "not touched.\n\nType the company's name to confirm."),
                                  name);
  entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The company's name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "destroy", _("_Destroy…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "destroy", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "destroy", FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "company", g_strdup (name), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (on_confirm_changed), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_confirm_activate), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self,
                           G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
page_destroy (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  start_destroy (WB_RETENTION_PAGE (widget), NULL);
}

/* The same, with the record's place given (the scripted tests: no file chooser). */
static void
page_destroy_to (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  start_destroy (WB_RETENTION_PAGE (widget), g_variant_get_string (parameter, NULL));
}

void
wb_retention_page_set_engagement (WbRetentionPage *self,
                                  WbEngagement    *engagement)
{
  g_return_if_fail (WB_IS_RETENTION_PAGE (self));

  g_set_object (&self->engagement, engagement);
  if (engagement != NULL)
    set_status (self, NULL, FALSE);
  refresh (self);
}

gboolean
wb_retention_page_is_busy (WbRetentionPage *self)
{
  g_return_val_if_fail (WB_IS_RETENTION_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

const char *
wb_retention_page_get_end_text (WbRetentionPage *self)
{
  g_return_val_if_fail (WB_IS_RETENTION_PAGE (self), NULL);

  return adw_action_row_get_subtitle (self->end_row);
}

static void
wb_retention_page_dispose (GObject *object)
{
  WbRetentionPage *self = WB_RETENTION_PAGE (object);

  g_clear_object (&self->engagement);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_RETENTION_PAGE);
  G_OBJECT_CLASS (wb_retention_page_parent_class)->dispose (object);
}

static void
wb_retention_page_finalize (GObject *object)
{
  WbRetentionPage *self = WB_RETENTION_PAGE (object);

  g_free (self->record_path);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (wb_retention_page_parent_class)->finalize (object);
}

static void
wb_retention_page_class_init (WbRetentionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_retention_page_dispose;
  object_class->finalize = wb_retention_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/werkbank/Werkbank/wb-retention-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbRetentionPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, WbRetentionPage, end_row);
  gtk_widget_class_bind_template_child (widget_class, WbRetentionPage, inventory_list);
  gtk_widget_class_bind_template_child (widget_class, WbRetentionPage, destroy_button);
  gtk_widget_class_bind_template_child (widget_class, WbRetentionPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, WbRetentionPage, status_label);

  gtk_widget_class_install_action (widget_class, "retention.destroy", NULL, page_destroy);
  gtk_widget_class_install_action (widget_class, "retention.destroy-to", "s",
                                   page_destroy_to);
}

static void
wb_retention_page_init (WbRetentionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The kept report (its date) and attachments change without a committed record:
   * read again whenever the page is shown. */
  g_signal_connect_swapped (self, "map", G_CALLBACK (refresh), self);
  update_actions (self);
}

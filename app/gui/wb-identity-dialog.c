/* wb-identity-dialog.c — ask for an identity file and its passphrase, open it in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wb-gui-util.h"
#include "wb-identity-dialog.h"

struct _WbIdentityDialog
{
  AdwWindow       parent_instance;

  WbIdentityRole  role;
  char           *path;
  GCancellable   *cancellable;
  gboolean        busy;

  GtkWidget      *accept_button;
  GtkWidget      *spinner;
  GtkWidget      *file_row;
  GtkWidget      *choose_button;
  GtkWidget      *passphrase_row;
  GtkLabel       *error_label;
};

enum {
  SIGNAL_IDENTITY_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WbIdentityDialog, wb_identity_dialog, ADW_TYPE_WINDOW)

static void
show_error (WbIdentityDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (WbIdentityDialog *self,
          gboolean          busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->accept_button, !busy);
  gtk_widget_set_sensitive (self->choose_button, !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_row), !busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_visible (self->spinner, busy);
}

void
wb_identity_dialog_set_file (WbIdentityDialog *self,
                             const char       *path)
{
  g_autofree char *name = NULL;

  g_return_if_fail (WB_IS_IDENTITY_DIALOG (self));

  g_free (self->path);
  self->path = g_strdup (path);
  name = path != NULL ? g_filename_display_basename (path) : NULL;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row),
                               name != NULL ? name : _("No file chosen yet"));
  show_error (self, NULL);
  if (path != NULL)
    gtk_widget_grab_focus (self->passphrase_row);
}

static void
on_file_chosen (GtkWidget  *owner,
                const char *path)
{
  wb_identity_dialog_set_file (WB_IDENTITY_DIALOG (owner), path);
}

static void
on_choose_clicked (WbIdentityDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Identity files (*.wbid)"));
  gtk_file_filter_add_pattern (filter, "*.wbid");
  wb_gui_choose_file (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                      _("Choose the Identity File"), _("_Use"), NULL, filter, on_file_chosen);
}

/* Opening the identity: Argon2id, then the role. In a thread, touching nothing but
 * its own copies. */

typedef struct {
  char           *path;
  char           *passphrase;
  WbIdentityRole  role;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_free (job->path);
  if (job->passphrase != NULL)
    {
      /* Do not leave the passphrase in freed memory. */
      memset (job->passphrase, 0, strlen (job->passphrase));
      g_free (job->passphrase);
    }
  g_free (job);
}

static const char *
role_label (WbIdentityRole role)
{
  switch (role)
    {
    case WB_IDENTITY_TEAM:
      return _("a team identity");
    case WB_IDENTITY_TEACHER:
      return _("a teacher's identity");
    case WB_IDENTITY_CA:
    default:
      return _("the school CA");
    }
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  g_autoptr(WbIdentity) identity = NULL;
  GError *error = NULL;

  identity = wb_identity_load (job->path, job->passphrase, &error);
  if (identity == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (wb_identity_get_role (identity) != job->role)
    {
      g_task_return_new_error (task, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                               /* Translators: both are "a team identity", "a teacher's
                                * identity" or "the school CA". */
                               _("This file is %s, not %s. Choose the right identity "
                                 "file."),
                               role_label (wb_identity_get_role (identity)),
                               role_label (job->role));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&identity), g_object_unref);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  WbIdentityDialog *self = WB_IDENTITY_DIALOG (source);
  g_autoptr(WbIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  identity = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_object (&self->cancellable);
  if (identity == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      if (g_error_matches (error, WB_SIGN_ERROR, WB_SIGN_ERROR_WRONG_PASSPHRASE))
        show_error (self, _("Wrong passphrase for this identity file. Try again."));
      else
        show_error (self, error->message);
      gtk_widget_grab_focus (self->passphrase_row);
      return;
    }
  /* Still busy: the caller signs now and calls wb_identity_dialog_finish(). */
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  g_signal_emit (self, signals[SIGNAL_IDENTITY_READY], 0, identity);
}

static void
on_accept (WbIdentityDialog *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  g_autoptr(GTask) task = NULL;
  OpenJob *job;

  if (self->busy)
    return;
  if (self->path == NULL)
    {
      show_error (self, _("Choose your identity file first."));
      gtk_widget_grab_focus (self->choose_button);
      return;
    }
  if (passphrase == NULL || *passphrase == '\0')
    {
      show_error (self, _("Enter the passphrase of your identity file."));
      gtk_widget_grab_focus (self->passphrase_row);
      return;
    }
  show_error (self, NULL);
  job = g_new0 (OpenJob, 1);
  job->path = g_strdup (self->path);
  job->passphrase = g_strdup (passphrase);
  job->role = self->role;
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_opened, NULL);
  g_task_set_source_tag (task, on_accept);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, open_thread);
}

void
wb_identity_dialog_finish (WbIdentityDialog *self,
                           const GError     *error)
{
  g_return_if_fail (WB_IS_IDENTITY_DIALOG (self));

  set_busy (self, FALSE);
  if (error == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  show_error (self, error->message);
}

gboolean
wb_identity_dialog_is_busy (WbIdentityDialog *self)
{
  g_return_val_if_fail (WB_IS_IDENTITY_DIALOG (self), FALSE);

  return self->busy;
}

const char *
wb_identity_dialog_get_error (WbIdentityDialog *self)
{
  g_return_val_if_fail (WB_IS_IDENTITY_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_text (self->error_label) : NULL;
}

static gboolean
on_close_request (GtkWindow *window)
{
  WbIdentityDialog *self = WB_IDENTITY_DIALOG (window);

  /* Closing while the caller signs would lose its answer; opening can be abandoned. */
  if (self->busy && self->cancellable == NULL)
    return TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static GtkWidget *
build_header (WbIdentityDialog *self,
              const char       *title,
              const char       *accept_label)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->accept_button = gtk_button_new_with_mnemonic (accept_label);
  gtk_widget_add_css_class (self->accept_button, "suggested-action");
  g_signal_connect_swapped (self->accept_button, "clicked", G_CALLBACK (on_accept), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->accept_button);

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Opening the identity"),
                                  -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  return header;
}

static GtkWidget *
build_body (WbIdentityDialog *self,
            const char       *explanation)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro = gtk_label_new (explanation);
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 50);
  gtk_box_append (GTK_BOX (box), intro);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->file_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), _("Identity File"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), _("No file chosen yet"));
  self->choose_button = gtk_button_new_with_mnemonic (_("C_hoose…"));
  gtk_widget_set_valign (self->choose_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->choose_button, _("Choose your identity file (.wbid)"));
  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (on_choose_clicked),
                            self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->file_row), self->choose_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->file_row), self->choose_button);
  gtk_list_box_append (GTK_LIST_BOX (list), self->file_row);

  self->passphrase_row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->passphrase_row),
                                 _("Passphrase"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->passphrase_row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), self->passphrase_row);
  gtk_box_append (GTK_BOX (box), list);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  return box;
}

WbIdentityDialog *
wb_identity_dialog_new (GtkWindow      *parent,
                        const char     *title,
                        const char     *explanation,
                        const char     *accept_label,
                        WbIdentityRole  role)
{
  WbIdentityDialog *self = g_object_new (WB_TYPE_IDENTITY_DIALOG,
                                         "modal", TRUE,
                                         "transient-for", parent,
                                         "title", title,
                                         "default-width", 460,
                                         "destroy-with-parent", TRUE,
                                         NULL);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->role = role;
  gtk_box_append (GTK_BOX (content), build_header (self, title, accept_label));
  gtk_box_append (GTK_BOX (content), build_body (self, explanation));
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->accept_button);
  gtk_widget_grab_focus (self->choose_button);
  return self;
}

static void
wb_identity_dialog_finalize (GObject *object)
{
  WbIdentityDialog *self = WB_IDENTITY_DIALOG (object);

  g_free (self->path);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (wb_identity_dialog_parent_class)->finalize (object);
}

static void
wb_identity_dialog_class_init (WbIdentityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = wb_identity_dialog_finalize;
  window_class->close_request = on_close_request;

  /* Escape closes, as in every dialog. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  signals[SIGNAL_IDENTITY_READY] =
    g_signal_new ("identity-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, WB_TYPE_IDENTITY);
}

static void
wb_identity_dialog_init (WbIdentityDialog *self)
{
}

/* wb-window.c — the main window: the list of engagements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-engagement-view.h"
#include "wb-gui-util.h"
#include "wb-new-engagement-page.h"
#include "wb-window.h"

/* How many engagements the list remembers. */
#define MAX_RECENT 10

struct _WbWindow
{
  AdwApplicationWindow  parent_instance;

  /* Nullable: without an installed schema nothing is remembered. */
  GSettings            *settings;

  /* The file on the unlock page, and the open engagement (NULL when locked). */
  char                 *pending_path;
  WbEngagement         *engagement;
  GCancellable         *open_cancellable;

  /* Template children */
  GtkStack             *main_stack;
  GtkStack             *stack;
  GtkListBox           *recent_list;
  AdwStatusPage        *unlock_page;
  GtkEditable          *passphrase_row;
  GtkLabel             *unlock_error;
  GtkStack             *unlock_button_stack;
  GtkSpinner           *unlock_spinner;
  WbEngagementView     *engagement_view;
  WbNewEngagementPage  *new_engagement_page;
};

G_DEFINE_FINAL_TYPE (WbWindow, wb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "~/Documents/scans" rather than "/home/anna/Documents/scans". */
static char *
display_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  if (home_len > 1 && g_str_has_prefix (dir, home) &&
      (dir[home_len] == '\0' || dir[home_len] == G_DIR_SEPARATOR))
    {
      g_autofree char *rest = g_filename_display_name (dir + home_len);
      return g_strconcat ("~", rest, NULL);
    }

  return g_filename_display_name (dir);
}

/* Only the file name and its folder: engagement file names are neutral, and nothing
 * from inside the (encrypted) file is shown before it is opened. */
static GtkWidget *
create_recent_row (const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *folder = display_folder (path);
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *subtitle = g_markup_escape_text (folder, -1);
  GtkWidget *row;
  GtkWidget *icon;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_tooltip_text (row, path);

  icon = gtk_image_new_from_icon_name ("channel-secure-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Encrypted engagement"),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-path");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (path));

  return row;
}

static void
wb_window_reload_recent (WbWindow *self)
{
  g_auto(GStrv) paths = NULL;
  GtkWidget *child;
  guint n_rows = 0;

  /* gtk_list_box_remove_all() needs GTK 4.12. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  if (self->settings != NULL)
    paths = g_settings_get_strv (self->settings, "recent-engagements");

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      if (*paths[i] == '\0')
        continue;
      gtk_list_box_append (self->recent_list, create_recent_row (paths[i]));
      n_rows++;
    }

  gtk_stack_set_visible_child_name (self->stack, n_rows > 0 ? "recent" : "empty");
}

static void
on_recent_changed (GSettings  *settings,
                   const char *key,
                   WbWindow   *self)
{
  wb_window_reload_recent (self);
}

/* Newest first, each file once. */
static void
remember_recent (WbWindow   *self,
                 const char *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;

  old = g_settings_get_strv (self->settings, "recent-engagements");
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    {
      if (*old[i] == '\0' || g_str_equal (old[i], path))
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  paths = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-engagements", (const char * const *) paths);
}

/* ---- new engagement ---- */

static void
wb_window_new_engagement (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WbWindow *self = WB_WINDOW (widget);

  /* A slow unlock is dropped; an open engagement is locked (Ctrl+N works everywhere).
   * Every change was committed when it was made, so nothing is lost. */
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  if (self->engagement != NULL)
    {
      wb_engagement_view_set_engagement (self->engagement_view, NULL, NULL);
      g_clear_object (&self->engagement);
    }
  wb_new_engagement_page_reset (self->new_engagement_page);
  gtk_stack_set_visible_child_name (self->main_stack, "new");
}

/* The file exists and is open: from here on it is an engagement like an unlocked one
 * (remembered, shown by the view), while the steps go on filling it. */
static void
on_engagement_created (WbNewEngagementPage *page,
                       WbEngagement        *engagement,
                       const char          *path,
                       WbWindow            *self)
{
  g_set_object (&self->engagement, engagement);
  remember_recent (self, path);
  wb_engagement_view_set_engagement (self->engagement_view, engagement, path);
}

static void
on_new_engagement_finished (WbNewEngagementPage *page,
                            WbWindow            *self)
{
  if (self->engagement == NULL)
    return;
  /* The page lets go: the window and the view hold the engagement now. */
  wb_new_engagement_page_reset (page);
  gtk_stack_set_visible_child_name (self->main_stack, "engagement");
}

static void
show_unlock_error (WbWindow   *self,
                   const char *message)
{
  gtk_label_set_text (self->unlock_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->unlock_error), message != NULL);
}

static void
set_unlocking (WbWindow *self,
               gboolean  busy)
{
  gtk_stack_set_visible_child_name (self->unlock_button_stack, busy ? "busy" : "button");
  gtk_spinner_set_spinning (self->unlock_spinner, busy);
  /* Not insensitive: that would take the focus away under the person's fingers. */
  gtk_editable_set_editable (self->passphrase_row, !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unlock", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unlock-with-key", !busy);
}

static void
show_unlock_page (WbWindow   *self,
                  const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  /* A slow open of another file must not land on this page. */
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_free (self->pending_path);
  self->pending_path = g_strdup (path);

  adw_status_page_set_title (self->unlock_page, name);
  gtk_editable_set_text (self->passphrase_row, "");
  show_unlock_error (self, NULL);
  set_unlocking (self, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "unlock");
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
}

/* Opening runs in a thread: the key derivation (Argon2) takes a noticeable moment. */

typedef struct {
  char *path;
  char *passphrase; /* wiped when freed */
  char *key_path;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  if (job->passphrase != NULL)
    explicit_bzero (job->passphrase, strlen (job->passphrase));
  g_free (job->passphrase);
  g_free (job->path);
  g_free (job->key_path);
  g_free (job);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  WbEngagement *engagement;
  GError *error = NULL;

  if (job->key_path != NULL)
    {
      g_autoptr(WbX25519Key) key = wb_x25519_key_load (job->key_path, &error);

      engagement = key != NULL ? wb_engagement_open_with_key (job->path, key, &error) : NULL;
    }
  else
    engagement = wb_engagement_open (job->path, job->passphrase, &error);

  if (engagement == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, engagement, g_object_unref);
}

static void
on_open_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  WbWindow *self = WB_WINDOW (source);
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;

  engagement = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->open_cancellable);
  set_unlocking (self, FALSE);

  if (engagement == NULL)
    {
      /* Nothing is lost: the page stays, with the passphrase selected to retype. */
      if (g_error_matches (error, WB_VAULT_ERROR, WB_VAULT_ERROR_WRONG_KEY))
        show_unlock_error (self, job->key_path != NULL
                           ? _("This key file does not open this engagement.")
                           : _("Wrong passphrase. Check it and try again."));
      else
        show_unlock_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      gtk_editable_select_region (self->passphrase_row, 0, -1);
      return;
    }

  gtk_editable_set_text (self->passphrase_row, "");
  g_set_object (&self->engagement, engagement);
  remember_recent (self, job->path);
  wb_engagement_view_set_engagement (self->engagement_view, engagement, job->path);
  gtk_stack_set_visible_child_name (self->main_stack, "engagement");
}

static void
start_open (WbWindow   *self,
            const char *passphrase,
            const char *key_path)
{
  g_autoptr(GTask) task = NULL;
  OpenJob *job;

  if (self->pending_path == NULL || self->open_cancellable != NULL)
    return;

  job = g_new0 (OpenJob, 1);
  job->path = g_strdup (self->pending_path);
  job->passphrase = g_strdup (passphrase);
  job->key_path = g_strdup (key_path);

  self->open_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->open_cancellable, on_open_done, NULL);
  g_task_set_source_tag (task, start_open);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  show_unlock_error (self, NULL);
  set_unlocking (self, TRUE);
  g_task_run_in_thread (task, open_thread);
}

static void
wb_window_unlock (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WbWindow *self = WB_WINDOW (widget);
  const char *passphrase = gtk_editable_get_text (self->passphrase_row);

  if (*passphrase == '\0')
    {
      show_unlock_error (self, _("Enter the passphrase first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      return;
    }
  start_open (self, passphrase, NULL);
}

static void
on_key_chosen (GtkWidget  *owner,
               const char *path)
{
  start_open (WB_WINDOW (owner), NULL, path);
}

static void
on_engagement_chosen (GtkWidget  *owner,
                      const char *path)
{
  show_unlock_page (WB_WINDOW (owner), path);
}

static void
wb_window_unlock_with_key (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  wb_gui_choose_file (widget, GTK_FILE_CHOOSER_ACTION_OPEN, _("Choose the Key File"),
                      _("_Use"), NULL, NULL, on_key_chosen);
}

static void
wb_window_open (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  wb_gui_choose_file (widget, GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Engagement"),
                      _("_Open"), NULL, NULL, on_engagement_chosen);
}

static void
wb_window_open_path (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_unlock_page (WB_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
wb_window_show_list (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WbWindow *self = WB_WINDOW (widget);

  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  gtk_editable_set_text (self->passphrase_row, "");
  gtk_stack_set_visible_child_name (self->main_stack, "engagements");
}

/* Locking drops every reference to the engagement: the vault wipes its keys when the
 * last one goes. Every change was committed when it was made, so nothing is lost. */
static void
wb_window_lock (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WbWindow *self = WB_WINDOW (widget);

  wb_engagement_view_set_engagement (self->engagement_view, NULL, NULL);
  /* A half-done new engagement is open too: locking closes it as well. */
  wb_new_engagement_page_reset (self->new_engagement_page);
  g_clear_object (&self->engagement);
  wb_window_show_list (widget, NULL, NULL);
}

static void
wb_window_unlock_activated (WbWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.unlock", NULL);
}

static gboolean
wb_window_close_request (GtkWindow *window)
{
  WbWindow *self = WB_WINDOW (window);
  int width;
  int height;

  if (self->settings != NULL)
    {
      /* The default size is the unmaximized size, which is what to restore. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (wb_window_parent_class)->close_request (window);
}

static void
wb_window_constructed (GObject *object)
{
  WbWindow *self = WB_WINDOW (object);

  G_OBJECT_CLASS (wb_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));

      g_signal_connect_object (self->settings, "changed::recent-engagements",
                               G_CALLBACK (on_recent_changed), self, G_CONNECT_DEFAULT);
    }

  wb_window_reload_recent (self);
}

static void
wb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WbWindow *self = WB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WbWindow *self = WB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_window_dispose (GObject *object)
{
  WbWindow *self = WB_WINDOW (object);

  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_WINDOW);
  g_clear_object (&self->engagement);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_path, g_free);

  G_OBJECT_CLASS (wb_window_parent_class)->dispose (object);
}

static void
wb_window_class_init (WbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = wb_window_constructed;
  object_class->dispose = wb_window_dispose;
  object_class->get_property = wb_window_get_property;
  object_class->set_property = wb_window_set_property;

  window_class->close_request = wb_window_close_request;

  /**
   * WbWindow:settings: (nullable)
   *
   * The application's settings: window size and recent engagements.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/werkbank/Werkbank/wb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, unlock_error);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, unlock_button_stack);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, unlock_spinner);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, engagement_view);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, new_engagement_page);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, wb_window_open);
  gtk_widget_class_install_action (widget_class, "win.open-path", "s", wb_window_open_path);
  gtk_widget_class_install_action (widget_class, "win.unlock", NULL, wb_window_unlock);
  gtk_widget_class_install_action (widget_class, "win.unlock-with-key", NULL,
                                   wb_window_unlock_with_key);
  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, wb_window_show_list);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, wb_window_lock);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.lock", NULL);

  gtk_widget_class_install_action (widget_class, "win.new-engagement", NULL,
                                   wb_window_new_engagement);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-engagement", NULL);
}

static void
wb_window_init (WbWindow *self)
{
  g_type_ensure (WB_TYPE_ENGAGEMENT_VIEW);
  g_type_ensure (WB_TYPE_NEW_ENGAGEMENT_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->passphrase_row, "entry-activated",
                           G_CALLBACK (wb_window_unlock_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_engagement_page, "created",
                           G_CALLBACK (on_engagement_created), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->new_engagement_page, "finished",
                           G_CALLBACK (on_new_engagement_finished), self, G_CONNECT_DEFAULT);
}

WbWindow *
wb_window_new (WbApplication *application)
{
  g_return_val_if_fail (WB_IS_APPLICATION (application), NULL);

  return g_object_new (WB_TYPE_WINDOW,
                       "application", application,
                       "settings", wb_application_get_settings (application),
                       NULL);
}

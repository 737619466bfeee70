/* wb-window.c — the main window: the list of engagements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-window.h"

struct _WbWindow
{
  AdwApplicationWindow  parent_instance;

  /* Nullable: without an installed schema nothing is remembered. */
  GSettings            *settings;

  /* Template children */
  GtkStack             *stack;
  GtkListBox           *recent_list;
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

static void
wb_window_new_engagement (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  /* The create-engagement flow is a later issue; the action stays disabled. */
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

  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_WINDOW);
  g_clear_object (&self->settings);

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
  gtk_widget_class_bind_template_child (widget_class, WbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WbWindow, recent_list);

  gtk_widget_class_install_action (widget_class, "win.new-engagement", NULL,
                                   wb_window_new_engagement);
}

static void
wb_window_init (WbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-engagement", FALSE);
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

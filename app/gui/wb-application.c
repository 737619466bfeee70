/* wb-application.c — the Werkbank GTK application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-application.h"
#include "wb-init.h"
#include "wb-test-driver.h"
#include "wb-window.h"

struct _WbApplication
{
  AdwApplication  parent_instance;

  /* NULL when the schema is not installed (an uninstalled build without
   * GSETTINGS_SCHEMA_DIR): the app then runs without remembering anything. */
  GSettings      *settings;
  /* One plugin host for the whole app: libpeas loads each module once. */
  WbPluginHost   *plugin_host;

  /* Set when wb_init() failed; activate shows it instead of the window. */
  GError         *init_error;
  int             exit_status;
};

G_DEFINE_FINAL_TYPE (WbApplication, wb_application, ADW_TYPE_APPLICATION)

static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, WB_APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("Settings schema %s is not installed; window size and recent "
                 "engagements will not be remembered", WB_APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
apply_color_scheme (WbApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
on_color_scheme_changed (GSettings     *settings,
                         const char    *key,
                         WbApplication *self)
{
  apply_color_scheme (self);
}

static void
wb_application_about (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  WbApplication *self = WB_APPLICATION (user_data);
  const char *developers[] = { _("Werkbank developers"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Werkbank"),
                        "application-icon", WB_APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Werkbank developers"),
                        "developers", developers,
                        "comments", _("Run a cybersecurity scan at a small company "
                                      "and write its report."),
                        "copyright", _("© 2026 Werkbank developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
wb_application_quit (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  WbApplication *self = WB_APPLICATION (user_data);
  GList *windows;

  /* Close rather than destroy, so each window saves its state in close-request; the
   * application ends by itself when its last window is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = wb_application_about },
  { .name = "quit", .activate = wb_application_quit },
};

/* Test hooks: WERKBANK_GUI_SCREENSHOT=PATH saves the window's first frame as PNG and
 * quits; WERKBANK_GUI_QUIT_AFTER_FIRST_FRAME=1 just quits; WERKBANK_GUI_TEST_SCRIPT runs
 * a scripted session after the first frame (wb-test-driver.c). Used by the Xvfb smoke
 * test; they never show anything a person would not see. */

static gboolean
finish_first_frame (gpointer user_data)
{
  g_autoptr(GtkWidget) window = user_data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  const char *path = g_getenv ("WERKBANK_GUI_SCREENSHOT");
  const char *script = g_getenv ("WERKBANK_GUI_TEST_SCRIPT");
  g_autoptr(GError) error = NULL;

  if (app == NULL)
    return G_SOURCE_REMOVE;

  if (script != NULL && *script != '\0' && WB_IS_WINDOW (window))
    {
      wb_test_driver_start (GTK_WINDOW (window), script);
      return G_SOURCE_REMOVE;
    }

  if (path != NULL && *path != '\0' && !wb_test_driver_save_screenshot (window, path, &error))
    {
      g_printerr ("werkbank: %s\n", error->message);
      WB_APPLICATION (app)->exit_status = 1;
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  /* The launch benchmark (tests/bench/bench-gui.sh) reads this wall-clock time. */
  if (g_strcmp0 (g_getenv ("WERKBANK_GUI_QUIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_printerr ("first-frame-realtime-us %" G_GINT64_FORMAT "\n", g_get_real_time ());
  /* Out of the paint cycle, so the snapshot does not re-enter it. */
  g_idle_add (finish_first_frame, g_object_ref (window));
}

static void
on_window_map (GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (window, on_window_map, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint), window, G_CONNECT_DEFAULT);
}

static void
install_test_hooks (GtkWindow *window)
{
  const char *path = g_getenv ("WERKBANK_GUI_SCREENSHOT");
  const char *script = g_getenv ("WERKBANK_GUI_TEST_SCRIPT");

  if ((path == NULL || *path == '\0') && (script == NULL || *script == '\0') &&
      g_strcmp0 (g_getenv ("WERKBANK_GUI_QUIT_AFTER_FIRST_FRAME"), "1") != 0)
    return;

  g_signal_connect_after (window, "map", G_CALLBACK (on_window_map), NULL);
}

static void
on_init_error_response (AdwMessageDialog *dialog,
                        const char       *response,
                        WbApplication    *self)
{
  g_application_quit (G_APPLICATION (self));
}

static void
show_init_error (WbApplication *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Werkbank Cannot Start"),
                                   self->init_error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_init_error_response),
                           self, G_CONNECT_DEFAULT);
  install_test_hooks (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
wb_application_activate (GApplication *app)
{
  WbApplication *self = WB_APPLICATION (app);
  GtkWindow *window;

  if (self->init_error != NULL)
    {
      show_init_error (self);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (wb_window_new (self));
      install_test_hooks (window);
    }

  gtk_window_present (window);
}

static void
wb_application_startup (GApplication *app)
{
  WbApplication *self = WB_APPLICATION (app);
  const char *quit_accels[] = { "<Control>q", NULL };

  /* Secure memory for keys first, before anything else could touch libgcrypt. */
  if (!wb_init (&self->init_error))
    {
      g_printerr ("werkbank: %s\n", self->init_error->message);
      self->exit_status = 1;
    }

  G_APPLICATION_CLASS (wb_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_window_set_default_icon_name (WB_APPLICATION_ID);

  if (self->init_error != NULL)
    return;

  self->settings = load_settings ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (on_color_scheme_changed), self,
                               G_CONNECT_DEFAULT);
      apply_color_scheme (self);
    }
}

static void
wb_application_finalize (GObject *object)
{
  WbApplication *self = WB_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->plugin_host);
  g_clear_error (&self->init_error);

  G_OBJECT_CLASS (wb_application_parent_class)->finalize (object);
}

static void
wb_application_class_init (WbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = wb_application_finalize;

  app_class->startup = wb_application_startup;
  app_class->activate = wb_application_activate;
}

static void
wb_application_init (WbApplication *self)
{
}

WbApplication *
wb_application_new (void)
{
  return g_object_new (WB_TYPE_APPLICATION,
                       "application-id", WB_APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/nl/werkbank/Werkbank",
                       NULL);
}

/**
 * wb_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the app's settings, or %NULL when the schema is
 *   not installed.
 */
GSettings *
wb_application_get_settings (WbApplication *self)
{
  g_return_val_if_fail (WB_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * wb_application_get_plugin_host:
 *
 * Returns: (transfer none): the app's plugin host, made on first use.
 */
WbPluginHost *
wb_application_get_plugin_host (WbApplication *self)
{
  g_return_val_if_fail (WB_IS_APPLICATION (self), NULL);

  if (self->plugin_host == NULL)
    self->plugin_host = wb_plugin_host_new ();
  return self->plugin_host;
}

/**
 * wb_application_get_exit_status:
 *
 * Returns: the status the process should exit with once the main loop has ended.
 */
int
wb_application_get_exit_status (WbApplication *self)
{
  g_return_val_if_fail (WB_IS_APPLICATION (self), 1);

  return self->exit_status;
}

/**
 * wb_application_set_exit_status:
 *
 * Sets the status the process exits with (the scripted test run reports failure so).
 */
void
wb_application_set_exit_status (WbApplication *self,
                                int            status)
{
  g_return_if_fail (WB_IS_APPLICATION (self));

  self->exit_status = status;
}

/* wb-test-driver.c — scripted runs for the Xvfb tests
 *
 * WERKBANK_GUI_TEST_SCRIPT is a list of steps separated by ';', each "command" or
 * "command:argument" (the argument is the rest, so it may hold ':'). The driver works
 * the real widgets: it types into entries, activates the same actions the buttons and
 * keys do, and waits (bounded) for what a person would see. Screenshots go to
 * WERKBANK_GUI_TEST_SHOTS/<name>.png. It never runs unless the variable is set.
 *
 * The steps of this file (the others are in wb-test-steps-<area>.c):
 *   open:PATH        the unlock page for PATH (as a click on a recent engagement)
 *   type:TEXT        type TEXT into the passphrase row
 *   unlock           press Unlock and wait until it opened or said why not
 *   expect:STATE     "error" (inline error shown) or a main page ("engagement", ...)
 *   page:NAME        overview, checks, findings, report or retention
 *   shot:NAME        let the page settle, then save a screenshot
 *   lock             lock the engagement and wait for the list
 *   memory           print the resident memory now and at its peak (VmRSS, VmHWM)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "wb-application.h"
#include "wb-engagement-view.h"
#include "wb-test-driver.h"
#include "wb-window.h"

/* Bounds: a step that takes longer than this failed (Argon2 and rendering included). */
#define STEP_TIMEOUT_US (120 * G_USEC_PER_SEC)
#define SETTLE_US (700 * 1000)
#define POLL_MS 50

struct _WbTestDriver {
  GtkWindow *window;
  GStrv      steps;
  guint      index;
  gboolean   started;  /* the current step's command has been issued */
  gint64     started_at;
};

typedef WbTestDriver Driver;

static const WbTestStep *const tables[] = {
  wb_test_steps_core,
  wb_test_steps_new,
  wb_test_steps_checks,
  wb_test_steps_scan,
  wb_test_steps_findings,
  wb_test_steps_report,
};

gboolean
wb_test_driver_save_screenshot (GtkWidget   *widget,
                                const char  *path,
                                GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  if (node == NULL || renderer == NULL || width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The window drew nothing");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not write the screenshot to %s", path);
      return FALSE;
    }

  return TRUE;
}

gpointer
wb_test_driver_child (GtkWidget  *widget,
                      GType       type,
                      const char *name)
{
  return gtk_widget_get_template_child (widget, type, name);
}

#define child wb_test_driver_child

GtkWindow *
wb_test_driver_get_window (WbTestDriver *driver)
{
  return driver->window;
}

gint64
wb_test_driver_get_step_age (WbTestDriver *driver)
{
  return g_get_monotonic_time () - driver->started_at;
}

/* What a person reads on the widget: a button's or row's label, a label's text. */
static const char *
visible_label (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_CHECK_BUTTON (widget))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  return gtk_widget_get_tooltip_text (widget);
}

gboolean
wb_test_driver_click (GtkWidget *widget)
{
  if (!gtk_widget_is_sensitive (widget))
    return FALSE;
  if (GTK_IS_BUTTON (widget))
    {
      g_signal_emit_by_name (widget, "clicked");
      return TRUE;
    }
  return gtk_widget_activate (widget);
}

GtkWidget *
wb_test_driver_find (GtkWidget  *root,
                     GType       type,
                     const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (g_type_is_a (G_OBJECT_TYPE (c), type) &&
          (label == NULL || g_strcmp0 (visible_label (c), label) == 0))
        return c;
      found = wb_test_driver_find (c, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
view_of (Driver *driver)
{
  return child (GTK_WIDGET (driver->window), WB_TYPE_WINDOW, "engagement_view");
}

GtkWidget *
wb_test_driver_get_page (WbTestDriver *driver,
                         const char   *name)
{
  return wb_engagement_view_get_page (WB_ENGAGEMENT_VIEW (view_of (driver)), name);
}

static const char *
main_page (Driver *driver)
{
  GtkStack *stack = child (GTK_WIDGET (driver->window), WB_TYPE_WINDOW, "main_stack");

  return gtk_stack_get_visible_child_name (stack);
}

static void
driver_finish (Driver   *driver,
               gboolean  failed)
{
  GtkApplication *app = gtk_window_get_application (driver->window);

  if (app != NULL)
    {
      if (failed)
        wb_application_set_exit_status (WB_APPLICATION (app), 1);
      g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
    }
  g_strfreev (driver->steps);
  g_object_unref (driver->window);
  g_free (driver);
}

static gboolean
step_open (Driver *driver, const char *arg, gboolean first, gboolean *failed)
{
  if (first)
    gtk_widget_activate_action (GTK_WIDGET (driver->window), "win.open-path", "s", arg);
  return g_strcmp0 (main_page (driver), "unlock") == 0;
}

static gboolean
step_type (Driver *driver, const char *arg, gboolean first, gboolean *failed)
{
  gtk_editable_set_text (child (GTK_WIDGET (driver->window), WB_TYPE_WINDOW,
                                "passphrase_row"), arg);
  return TRUE;
}

static gboolean
step_unlock (Driver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *window = GTK_WIDGET (driver->window);
  GtkWidget *error = child (window, WB_TYPE_WINDOW, "unlock_error");

  if (first)
    {
      gtk_widget_activate_action (window, "win.unlock", NULL);
      return FALSE;
    }
  return g_strcmp0 (main_page (driver), "engagement") == 0 ||
         (gtk_widget_get_visible (error) &&
          gtk_editable_get_editable (child (window, WB_TYPE_WINDOW, "passphrase_row")));
}

static gboolean
step_expect (Driver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *error = child (GTK_WIDGET (driver->window), WB_TYPE_WINDOW, "unlock_error");

  if (g_str_equal (arg, "error"))
    *failed = !(g_strcmp0 (main_page (driver), "unlock") == 0 &&
                gtk_widget_get_visible (error));
  else
    *failed = g_strcmp0 (main_page (driver), arg) != 0;
  if (*failed)
    g_printerr ("driver: expected %s, the window shows %s\n", arg, main_page (driver));
  else if (gtk_widget_get_visible (error))
    g_print ("driver: inline error: %s\n", gtk_label_get_text (GTK_LABEL (error)));
  return TRUE;
}

static gboolean
step_page (Driver *driver, const char *arg, gboolean first, gboolean *failed)
{
  gtk_widget_activate_action (view_of (driver), "view.show-page", "s", arg);
  return TRUE;
}

static gboolean
step_shot (Driver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (wb_test_driver_get_step_age (driver) < SETTLE_US)
    return FALSE;
  file = g_strconcat (arg, ".png", NULL);
  path = g_build_filename (g_getenv ("WERKBANK_GUI_TEST_SHOTS"), file, NULL);
  if (!wb_test_driver_save_screenshot (GTK_WIDGET (driver->window), path, &error))
    {
      g_printerr ("driver: %s\n", error->message);
      *failed = TRUE;
    }
  return TRUE;
}

static gboolean
step_lock (Driver *driver, const char *arg, gboolean first, gboolean *failed)
{
  if (first)
    gtk_widget_activate_action (GTK_WIDGET (driver->window), "win.lock", NULL);
  return g_strcmp0 (main_page (driver), "engagements") == 0 &&
         wb_engagement_view_get_engagement (WB_ENGAGEMENT_VIEW (view_of (driver))) == NULL;
}

/* Prints the process's resident memory now and at its peak (for the GUI benchmark). */
static gboolean
step_memory (Driver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return TRUE;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "VmRSS:") || g_str_has_prefix (lines[i], "VmHWM:"))
      g_print ("driver: %s\n", lines[i]);
  return TRUE;
}

const WbTestStep wb_test_steps_core[] = {
  { "memory", step_memory },
  { "open", step_open },
  { "type", step_type },
  { "unlock", step_unlock },
  { "expect", step_expect },
  { "page", step_page },
  { "shot", step_shot },
  { "lock", step_lock },
  { NULL, NULL },
};

static WbTestStepFunc
lookup_step (const char *command)
{
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (const WbTestStep *step = tables[t]; step->name != NULL; step++)
      if (g_str_equal (step->name, command))
        return step->run;
  return NULL;
}

/* Issues the step's command once; returns TRUE when its effect is there. Sets
 * @failed when it can never succeed. */
static gboolean
run_step (Driver     *driver,
          const char *command,
          const char *arg,
          gboolean   *failed)
{
  WbTestStepFunc run = lookup_step (command);
  gboolean first = !driver->started;

  driver->started = TRUE;
  if (run == NULL)
    {
      g_printerr ("driver: unknown step “%s”\n", command);
      *failed = TRUE;
      return TRUE;
    }
  return run (driver, arg, first, failed);
}

static gboolean
driver_tick (gpointer user_data)
{
  Driver *driver = user_data;
  g_auto(GStrv) parts = NULL;
  gboolean failed = FALSE;

  if (driver->steps[driver->index] == NULL)
    {
      driver_finish (driver, FALSE);
      return G_SOURCE_REMOVE;
    }

  parts = g_strsplit (driver->steps[driver->index], ":", 2);
  if (!driver->started)
    {
      driver->started_at = g_get_monotonic_time ();
      g_print ("driver: step %s\n", driver->steps[driver->index]);
    }

  if (run_step (driver, parts[0], parts[1] != NULL ? parts[1] : "", &failed))
    {
      if (failed)
        {
          g_printerr ("driver: step “%s” failed\n", driver->steps[driver->index]);
          driver_finish (driver, TRUE);
          return G_SOURCE_REMOVE;
        }
      driver->index++;
      driver->started = FALSE;
    }
  else if (g_get_monotonic_time () - driver->started_at > STEP_TIMEOUT_US)
    {
      g_printerr ("driver: step “%s” timed out\n", driver->steps[driver->index]);
      driver_finish (driver, TRUE);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/**
 * wb_test_driver_start:
 * @script: the steps, see the top of this file
 *
 * Runs @script against @window from the main loop; quits the app when done, with exit
 * status 1 when a step failed.
 */
void
wb_test_driver_start (GtkWindow  *window,
                      const char *script)
{
  Driver *driver = g_new0 (Driver, 1);

  driver->window = g_object_ref (window);
  driver->steps = g_strsplit (script, ";", -1);
  g_timeout_add (POLL_MS, driver_tick, driver);
}

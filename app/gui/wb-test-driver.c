/* wb-test-driver.c — scripted runs for the Xvfb tests
 *
 * WERKBANK_GUI_TEST_SCRIPT is a list of steps separated by ';', each "command" or
 * "command:argument" (the argument is the rest, so it may hold ':'). The driver works
 * the real widgets: it types into the passphrase row, activates the same actions the
 * buttons and keys do, and waits (bounded) for what a person would see. Screenshots go
 * to WERKBANK_GUI_TEST_SHOTS/<name>.png. It never runs unless the variable is set.
 *
 *   open:PATH        the unlock page for PATH (as a click on a recent engagement)
 *   type:TEXT        type TEXT into the passphrase row
 *   unlock           press Unlock and wait until it opened or said why not
 *   expect:STATE     "error" (inline error shown) or "engagement" (engagement shown)
 *   page:NAME        overview, findings or report
 *   filter:N         choose entry N of the severity filter
 *   count            print "findings-shown N" (rows left after the filter)
 *   render:PATH      render the report to PATH, wait, require a preview
 *   shot:NAME        let the page settle, then save a screenshot
 *   lock             lock the engagement and wait for the list
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

typedef struct {
  GtkWindow *window;
  GStrv      steps;
  guint      index;
  gboolean   started;  /* the current step's command has been issued */
  gint64     started_at;
} Driver;

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

static gpointer
child (GtkWidget  *widget,
       GType       type,
       const char *name)
{
  return gtk_widget_get_template_child (widget, type, name);
}

static GtkWidget *
view_of (Driver *driver)
{
  return child (GTK_WIDGET (driver->window), WB_TYPE_WINDOW, "engagement_view");
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

static guint
count_shown_findings (Driver *driver)
{
  GtkWidget *list = child (view_of (driver), WB_TYPE_ENGAGEMENT_VIEW, "findings_list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      n++;
  return n;
}

/* Issues the step's command once; returns TRUE when its effect is there. Sets
 * @failed when it can never succeed. */
static gboolean
run_step (Driver     *driver,
          const char *command,
          const char *arg,
          gboolean   *failed)
{
  GtkWidget *window = GTK_WIDGET (driver->window);
  gboolean first = !driver->started;

  driver->started = TRUE;

  if (g_str_equal (command, "open"))
    {
      if (first)
        gtk_widget_activate_action (window, "win.open-path", "s", arg);
      return g_strcmp0 (main_page (driver), "unlock") == 0;
    }
  if (g_str_equal (command, "type"))
    {
      gtk_editable_set_text (child (window, WB_TYPE_WINDOW, "passphrase_row"), arg);
      return TRUE;
    }
  if (g_str_equal (command, "unlock"))
    {
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
  if (g_str_equal (command, "expect"))
    {
      GtkWidget *error = child (window, WB_TYPE_WINDOW, "unlock_error");

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
  if (g_str_equal (command, "page"))
    {
      gtk_widget_activate_action (view_of (driver), "view.show-page", "s", arg);
      return TRUE;
    }
  if (g_str_equal (command, "filter"))
    {
      GtkDropDown *filter = child (view_of (driver), WB_TYPE_ENGAGEMENT_VIEW,
                                   "severity_filter");

      gtk_drop_down_set_selected (filter, (guint) g_ascii_strtoull (arg, NULL, 10));
      return TRUE;
    }
  if (g_str_equal (command, "count"))
    {
      g_print ("driver: findings-shown %u\n", count_shown_findings (driver));
      return TRUE;
    }
  if (g_str_equal (command, "render"))
    {
      WbEngagementView *view = WB_ENGAGEMENT_VIEW (view_of (driver));

      if (first)
        {
          gtk_widget_activate_action (GTK_WIDGET (view), "view.render-to", "s", arg);
          *failed = !wb_engagement_view_is_busy (view);
          return *failed;
        }
      if (wb_engagement_view_is_busy (view))
        return FALSE;
      g_print ("driver: preview-pages %u\n", wb_engagement_view_get_n_preview_pages (view));
      *failed = wb_engagement_view_get_n_preview_pages (view) == 0;
      return TRUE;
    }
  if (g_str_equal (command, "shot"))
    {
      g_autofree char *file = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;

      if (g_get_monotonic_time () - driver->started_at < SETTLE_US)
        return FALSE;
      file = g_strconcat (arg, ".png", NULL);
      path = g_build_filename (g_getenv ("WERKBANK_GUI_TEST_SHOTS"), file, NULL);
      if (!wb_test_driver_save_screenshot (window, path, &error))
        {
          g_printerr ("driver: %s\n", error->message);
          *failed = TRUE;
        }
      return TRUE;
    }
  if (g_str_equal (command, "lock"))
    {
      if (first)
        gtk_widget_activate_action (window, "win.lock", NULL);
      return g_strcmp0 (main_page (driver), "engagements") == 0 &&
             wb_engagement_view_get_engagement (WB_ENGAGEMENT_VIEW (view_of (driver))) == NULL;
    }

  g_printerr ("driver: unknown step “%s”\n", command);
  *failed = TRUE;
  return TRUE;
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

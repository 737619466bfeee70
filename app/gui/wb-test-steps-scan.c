/* wb-test-steps-scan.c — test-driver steps for running a plugin (WbRunPage)
 *
 * The steps work the real WbRunPage: they press its real Run and Cancel buttons and
 * wait for what a person sees (the status line, the progress bar and step text, the
 * result line, the host table). The widget is the one on the Checks page: run-widget
 * clicks the plugin's row there, as a person would, and uses the page's WbRunPage. When
 * the Checks page shows none for the plugin, the step opens a small window of its own
 * with a WbRunPage for the open engagement, refreshed on every committed change as the
 * engagement view refreshes its pages.
 *
 *   run-widget:PLUGIN    find or open the run widget for PLUGIN (network, selftest, ...)
 *   run-status           print what the status line says ("driver: run-status ...")
 *   run-expect:WHAT      "ready" (Run can be pressed) or "blocked" (it cannot; reason shown)
 *   run-start            press Run; wait until the run started (or already ended)
 *   run-progress         wait until the bar shows progress while the run goes on
 *   run-cancel           wait for progress, then press Cancel; wait until it stopped
 *   run-wait             wait until the run ended; print its result line
 *   run-expect-outcome:O done, cancelled, refused or failed
 *   run-hosts:ADDRESS    print the ports the host table shows for ADDRESS
 *   run-shot:NAME        let it settle, then a screenshot of the window holding the widget
 *
 * While a run goes on, a 20 ms timer measures the longest time the main loop did not
 * answer ("driver: run-max-stall-ms N"): a frozen window shows up there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "wb-application.h"
#include "wb-engagement-view.h"
#include "wb-host-table.h"
#include "wb-run-page.h"
#include "wb-test-driver.h"
#include "wb-window.h"

#define SETTLE_US (700 * 1000)
#define STALL_TICK_MS 20

/* The widget the steps work on, and what was seen while it ran. */
static struct {
  GtkWidget *page;        /* WbRunPage (weak) */
  GtkWidget *window;      /* our own window, when the Checks page holds no widget */
  double     max_fraction; /* the largest fraction shown while running */
  double     midway;      /* the first fraction between 0 and 1 shown */
  char      *step_text;   /* the step text shown then */
  gint64     last_tick;
  gint64     max_stall;
  guint      stall_id;
  gboolean   row_clicked; /* run-widget clicked the plugin's row on the Checks page */
} scan;

static const char *const outcome_names[] = {
  [WB_RUN_OUTCOME_NONE] = "none",
  [WB_RUN_OUTCOME_DONE] = "done",
  [WB_RUN_OUTCOME_CANCELLED] = "cancelled",
  [WB_RUN_OUTCOME_REFUSED] = "refused",
  [WB_RUN_OUTCOME_FAILED] = "failed",
};

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (c), name) == 0)
        return c;
      if ((found = find_named (c, name)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_run_page (GtkWidget  *root,
               const char *plugin_id)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (WB_IS_RUN_PAGE (c) &&
          g_strcmp0 (wb_run_page_get_plugin_id (WB_RUN_PAGE (c)), plugin_id) == 0)
        return c;
      if ((found = find_run_page (c, plugin_id)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
page_button (const char *label)
{
  return wb_test_driver_find (scan.page, GTK_TYPE_BUTTON, label);
}

/* A row's visible title and subtitle as one line. */
static char *
row_text (const char *name)
{
  GtkWidget *row = find_named (scan.page, name);

  if (row == NULL || !gtk_widget_get_visible (row))
    return g_strdup ("");
  return g_strdup_printf ("%s — %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
}

static void
on_fraction (GtkProgressBar *bar)
{
  double fraction = gtk_progress_bar_get_fraction (bar);
  GtkWidget *step;

  if (scan.page == NULL || !wb_run_page_is_running (WB_RUN_PAGE (scan.page)) ||
      fraction <= scan.max_fraction)
    return;
  scan.max_fraction = fraction;
  if (scan.midway > 0 || fraction >= 1.0)
    return;
  step = find_named (scan.page, "run-step");
  scan.midway = fraction;
  scan.step_text = g_strdup (gtk_label_get_text (GTK_LABEL (step)));
}

static gboolean
stall_tick (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (scan.last_tick != 0)
    scan.max_stall = MAX (scan.max_stall, now - scan.last_tick);
  scan.last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
refresh_own_page (gpointer user_data)
{
  GtkWidget *page = user_data;
  WbEngagement *engagement = g_object_get_data (G_OBJECT (page), "wb-engagement");

  g_object_set_data (G_OBJECT (page), "wb-refresh", NULL);
  wb_run_page_set_engagement (WB_RUN_PAGE (page), engagement);
  return G_SOURCE_REMOVE;
}

/* As the engagement view does for its pages: one idle refresh per burst of changes. */
static void
on_engagement_changed (GtkWidget *page)
{
  if (g_object_get_data (G_OBJECT (page), "wb-refresh") != NULL)
    return;
  g_object_set_data (G_OBJECT (page), "wb-refresh", GINT_TO_POINTER (TRUE));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_own_page, g_object_ref (page),
                   g_object_unref);
}

static GtkWidget *
open_own_window (WbTestDriver *driver,
                 const char   *plugin_id,
                 WbEngagement *engagement)
{
  GtkApplication *app = gtk_window_get_application (wb_test_driver_get_window (driver));
  WbPluginHost *host = wb_application_get_plugin_host (WB_APPLICATION (app));
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page = wb_run_page_new (host, plugin_id);

  gtk_window_set_application (GTK_WINDOW (window), app);
  gtk_window_set_title (GTK_WINDOW (window), plugin_id);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 760);
  gtk_widget_set_margin_top (page, 24);
  gtk_widget_set_margin_bottom (page, 24);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), scrolled);
  adw_window_set_content (ADW_WINDOW (window), overlay);

  g_object_set_data_full (G_OBJECT (page), "wb-engagement", g_object_ref (engagement),
                          g_object_unref);
  g_signal_connect_object (engagement, "changed", G_CALLBACK (on_engagement_changed), page,
                           G_CONNECT_SWAPPED);
  wb_run_page_set_engagement (WB_RUN_PAGE (page), engagement);
  gtk_window_present (GTK_WINDOW (window));
  scan.window = window;
  return page;
}

/* The Checks page's row for the plugin (its title, as a person reads it), or NULL. */
static GtkWidget *
plugin_row (WbTestDriver *driver,
            GtkWidget    *checks,
            const char   *plugin_id)
{
  GtkApplication *app = gtk_window_get_application (wb_test_driver_get_window (driver));
  WbPluginHost *host = wb_application_get_plugin_host (WB_APPLICATION (app));
  g_autoptr(WbPlugin) plugin = wb_plugin_host_get_plugin (host, plugin_id, NULL);

  if (plugin == NULL || checks == NULL)
    return NULL;
  return wb_test_driver_find (checks, GTK_TYPE_LIST_BOX_ROW, wb_plugin_get_title (plugin));
}

static void
use_page (GtkWidget  *page,
          const char *where)
{
  g_set_weak_pointer (&scan.page, page);
  g_print ("driver: run-widget %s %s\n", wb_run_page_get_plugin_id (WB_RUN_PAGE (page)),
           where);
}

static gboolean
step_run_widget (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *view = wb_test_driver_child (GTK_WIDGET (wb_test_driver_get_window (driver)),
                                          WB_TYPE_WINDOW, "engagement_view");
  WbEngagement *engagement = wb_engagement_view_get_engagement (WB_ENGAGEMENT_VIEW (view));
  GtkWidget *checks = wb_test_driver_get_page (driver, "checks");
  GtkWidget *found, *row;

  if (first)
    {
      if (engagement == NULL)
        {
          g_printerr ("driver: run-widget needs an open engagement\n");
          *failed = TRUE;
          return TRUE;
        }
      gtk_widget_activate_action (view, "view.show-page", "s", "checks");
      if (scan.window != NULL)
        gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&scan.window)));
      g_clear_weak_pointer (&scan.page);
      scan.row_clicked = FALSE;
      return FALSE;
    }
  if (scan.page != NULL)
    return gtk_widget_get_mapped (scan.page);
  /* The Checks page's own widget, once it shows the plugin's page. */
  found = checks != NULL ? find_run_page (checks, arg) : NULL;
  if (found != NULL && gtk_widget_get_mapped (found))
    {
      use_page (found, "on the Checks page");
      /* Focus brings it into view, as Tab would. */
      gtk_widget_grab_focus (page_button ("_Run"));
      return FALSE;
    }
  /* As a person would: click the plugin's row in the Checks page's list. */
  if (!scan.row_clicked &&
      (row = plugin_row (driver, checks, arg)) != NULL && gtk_widget_get_mapped (row))
    {
      scan.row_clicked = TRUE;
      wb_test_driver_click (row);
      return FALSE;
    }
  if (wb_test_driver_get_step_age (driver) < 2 * SETTLE_US)
    return FALSE;
  /* No Checks page holds one (yet): a window of its own. */
  use_page (open_own_window (driver, arg, engagement), "in a window of its own");
  return FALSE;
}

static gboolean
need_page (gboolean *failed)
{
  if (scan.page != NULL)
    return TRUE;
  g_printerr ("driver: no run widget; use run-widget:PLUGIN first\n");
  *failed = TRUE;
  return FALSE;
}

static gboolean
step_run_status (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_autofree char *status = NULL;

  if (!need_page (failed))
    return TRUE;
  status = row_text ("run-status");
  g_print ("driver: run-status %s\n", status);
  return TRUE;
}

static gboolean
step_run_expect (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *run;
  gboolean can_press;
  g_autofree char *status = NULL;

  if (!need_page (failed))
    return TRUE;
  run = page_button ("_Run");
  can_press = run != NULL && gtk_widget_is_sensitive (run) && gtk_widget_get_visible (run);
  status = row_text ("run-status");
  g_print ("driver: run-status %s\n", status);
  if (g_str_equal (arg, "ready"))
    *failed = !can_press;
  else if (g_str_equal (arg, "blocked"))
    *failed = can_press;
  else
    *failed = TRUE;
  if (*failed)
    g_printerr ("driver: expected the run widget to be %s; Run %s be pressed\n", arg,
                can_press ? "can" : "cannot");
  return TRUE;
}

static void
start_watching (void)
{
  GtkWidget *bar = find_named (scan.page, "run-progress");

  scan.max_fraction = 0;
  scan.midway = 0;
  g_clear_pointer (&scan.step_text, g_free);
  scan.last_tick = 0;
  scan.max_stall = 0;
  if (scan.stall_id == 0)
    scan.stall_id = g_timeout_add (STALL_TICK_MS, stall_tick, NULL);
  if (g_object_get_data (G_OBJECT (bar), "wb-watched") == NULL)
    {
      g_signal_connect (bar, "notify::fraction", G_CALLBACK (on_fraction), NULL);
      g_object_set_data (G_OBJECT (bar), "wb-watched", GINT_TO_POINTER (TRUE));
    }
}

static gboolean
step_run_start (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  WbRunPage *page;
  GtkWidget *run;

  if (!need_page (failed))
    return TRUE;
  page = WB_RUN_PAGE (scan.page);
  if (first)
    {
      run = page_button ("_Run");
      if (run == NULL || !gtk_widget_is_sensitive (run) || !gtk_widget_get_visible (run))
        {
          g_autofree char *status = row_text ("run-status");

          g_printerr ("driver: Run cannot be pressed: %s\n", status);
          *failed = TRUE;
          return TRUE;
        }
      start_watching ();
      wb_test_driver_click (run);
      return FALSE;
    }
  return wb_run_page_is_running (page) || wb_run_page_get_outcome (page) != WB_RUN_OUTCOME_NONE;
}

static gboolean
step_run_progress (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  if (!need_page (failed))
    return TRUE;
  if (scan.midway > 0)
    {
      g_print ("driver: run-progress %.3f %s\n", scan.midway,
               scan.step_text != NULL ? scan.step_text : "");
      return TRUE;
    }
  if (!wb_run_page_is_running (WB_RUN_PAGE (scan.page)))
    {
      g_printerr ("driver: the run ended without showing progress\n");
      *failed = TRUE;
      return TRUE;
    }
  return FALSE;
}

static void
print_result (void)
{
  g_autofree char *result = row_text ("run-result");
  WbRunOutcome outcome = wb_run_page_get_outcome (WB_RUN_PAGE (scan.page));

  g_print ("driver: run-outcome %s\n", outcome_names[outcome]);
  g_print ("driver: run-result %s\n", result);
  g_print ("driver: run-max-stall-ms %" G_GINT64_FORMAT "\n", scan.max_stall / 1000);
  g_clear_handle_id (&scan.stall_id, g_source_remove);
}

static gboolean
step_run_cancel (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  WbRunPage *page;
  GtkWidget *cancel;

  if (!need_page (failed))
    return TRUE;
  page = WB_RUN_PAGE (scan.page);
  if (g_object_get_data (G_OBJECT (page), "wb-cancel-pressed") != NULL)
    {
      if (wb_run_page_is_running (page))
        return FALSE;
      g_object_set_data (G_OBJECT (page), "wb-cancel-pressed", NULL);
      print_result ();
      return TRUE;
    }
  /* Midway: only once the bar shows the run is under way. */
  if (!wb_run_page_is_running (page))
    {
      g_printerr ("driver: nothing to cancel: the run is not running\n");
      *failed = TRUE;
      return TRUE;
    }
  if (scan.midway <= 0)
    return FALSE;
  cancel = page_button ("_Cancel");
  if (cancel == NULL || !gtk_widget_is_sensitive (cancel))
    {
      g_printerr ("driver: Cancel cannot be pressed\n");
      *failed = TRUE;
      return TRUE;
    }
  g_print ("driver: run-cancel at %.3f %s\n", scan.max_fraction,
           scan.step_text != NULL ? scan.step_text : "");
  wb_test_driver_click (cancel);
  g_object_set_data (G_OBJECT (page), "wb-cancel-pressed", GINT_TO_POINTER (TRUE));
  return FALSE;
}

static gboolean
step_run_wait (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  if (!need_page (failed))
    return TRUE;
  if (wb_run_page_is_running (WB_RUN_PAGE (scan.page)))
    return FALSE;
  print_result ();
  return TRUE;
}

static gboolean
step_run_expect_outcome (WbTestDriver *driver, const char *arg, gboolean first,
                         gboolean *failed)
{
  WbRunOutcome outcome;

  if (!need_page (failed))
    return TRUE;
  outcome = wb_run_page_get_outcome (WB_RUN_PAGE (scan.page));
  *failed = g_strcmp0 (outcome_names[outcome], arg) != 0 ||
            !gtk_widget_get_visible (find_named (scan.page, "run-result"));
  if (*failed)
    g_printerr ("driver: expected the run to end %s; it shows %s\n", arg,
                outcome_names[outcome]);
  return TRUE;
}

static gboolean
step_run_hosts (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *table;
  g_autofree char *ports = NULL;

  if (!need_page (failed))
    return TRUE;
  table = wb_test_driver_find (scan.page, WB_TYPE_HOST_TABLE, NULL);
  if (table == NULL)
    {
      g_printerr ("driver: the run widget shows no host table\n");
      *failed = TRUE;
      return TRUE;
    }
  ports = wb_host_table_describe_host (WB_HOST_TABLE (table), arg);
  if (ports == NULL)
    {
      g_printerr ("driver: the host table shows no row for %s\n", arg);
      *failed = TRUE;
      return TRUE;
    }
  g_print ("driver: run-hosts %u\n", wb_host_table_get_n_hosts (WB_HOST_TABLE (table)));
  g_print ("driver: run-host %s %s\n", arg, ports);
  return TRUE;
}

/* Scrolls the page that holds the widget so the widget's top is in view, as a person
 * scrolls down to it (on the Checks page it sits below the plugin's own content). */
static void
scroll_to_widget (void)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (scan.page, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_point_t top;

  if (scrolled == NULL ||
      (content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))) == NULL ||
      !gtk_widget_compute_point (scan.page, content, &GRAPHENE_POINT_INIT (0, 0), &top))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top.y);
}

static gboolean
step_run_shot (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *root;

  if (!need_page (failed))
    return TRUE;
  if (first)
    scroll_to_widget ();
  if (wb_test_driver_get_step_age (driver) < SETTLE_US)
    return FALSE;
  root = GTK_WIDGET (gtk_widget_get_root (scan.page));
  file = g_strconcat (arg, ".png", NULL);
  path = g_build_filename (g_getenv ("WERKBANK_GUI_TEST_SHOTS"), file, NULL);
  if (!wb_test_driver_save_screenshot (root, path, &error))
    {
      g_printerr ("driver: %s\n", error->message);
      *failed = TRUE;
    }
  return TRUE;
}

const WbTestStep wb_test_steps_scan[] = {
  { "run-widget", step_run_widget },
  { "run-status", step_run_status },
  { "run-expect", step_run_expect },
  { "run-start", step_run_start },
  { "run-progress", step_run_progress },
  { "run-cancel", step_run_cancel },
  { "run-wait", step_run_wait },
  { "run-expect-outcome", step_run_expect_outcome },
  { "run-hosts", step_run_hosts },
  { "run-shot", step_run_shot },
  { NULL, NULL },
};

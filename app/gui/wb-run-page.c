/* wb-run-page.c — running one plugin as a task: live progress, cancel, what it found
 *
 * The widget asks the plugin host whether the plugin may run now and says why not in
 * the host's plain words (agreement not signed, activity not allowed, not switched on).
 * A run goes through wb_plugin_host_run_async() with a WbRunContext whose "progress"
 * signal drives the bar and the step text; the plugin works asynchronously (the
 * network scan in a subprocess and worker threads), so the window never waits for it.
 * Cancel cancels the run's GCancellable; the core commits findings only when a run
 * succeeds, so a cancelled or failed run leaves the engagement as it was.
 *
 * For the network plugin a WbHostTable shows the hosts and services of the stored scan
 * (the plugin's "hosts" data). The run context reports no hosts while the scan runs,
 * so the table is redrawn when the run's results are committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-gui-util.h"
#include "wb-host-table.h"
#include "wb-run-page.h"

#define PULSE_MS 150

struct _WbRunPage
{
  AdwBin         parent_instance;

  WbPluginHost  *host;
  char          *plugin_id;
  WbPlugin      *plugin;       /* NULL when it would not load */
  char          *load_error;
  WbEngagement  *engagement;

  /* The current run; NULL when none. */
  GCancellable  *cancellable;
  WbRunContext  *context;
  guint          pulse_id;
  WbRunOutcome   outcome;

  GtkWidget     *group;
  GtkWidget     *run_button;
  GtkWidget     *cancel_button;
  GtkWidget     *status_row;
  GtkWidget     *status_icon;
  GtkWidget     *progress_row;
  GtkWidget     *step_label;
  GtkWidget     *progress_bar;
  GtkWidget     *result_row;
  GtkWidget     *result_icon;
  GtkWidget     *host_table;   /* the network plugin only */
};

G_DEFINE_FINAL_TYPE (WbRunPage, wb_run_page, ADW_TYPE_BIN)

/* What one run needs in its callback: a widget may have moved on (another engagement,
 * or disposed) by the time a plugin finishes, and then the result is not its. */
typedef struct {
  WbRunPage    *self;
  GCancellable *cancellable;
  WbRunContext *context;
} RunData;

static void
run_data_free (RunData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->cancellable);
  g_object_unref (data->context);
  g_free (data);
}

static const char *
plugin_title (WbRunPage *self)
{
  return self->plugin != NULL ? wb_plugin_get_title (self->plugin) : self->plugin_id;
}

static void
set_icon (GtkWidget  *icon,
          const char *name,
          const char *css_class)
{
  static const char *const classes[] = { "success", "warning", "error", "accent" };

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), name);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (icon, classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (icon, css_class);
}

/* Can it run now? Returns the reason in plain words when not (free it), else NULL. */
static char *
why_not (WbRunPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->plugin == NULL)
    return g_strdup (self->load_error);
  if (self->engagement == NULL)
    return g_strdup (_("Open an engagement first."));
  if (!wb_plugin_host_check (self->host, self->engagement, self->plugin, &error))
    return g_strdup (error->message);
  if (wb_engagement_is_read_only (self->engagement))
    return g_strdup (_("This engagement is open read-only, so a run could not be saved."));
  return NULL;
}

static void
update_status (WbRunPage *self)
{
  g_autofree char *reason = NULL;
  gboolean running = self->cancellable != NULL;

  if (running)
    {
      wb_gui_set_row_text (self->status_row, _("Running"),
                    _("Findings are saved only when the run finishes; a cancelled run "
                      "saves nothing."));
      set_icon (self->status_icon, "media-playback-start-symbolic", "accent");
    }
  else if ((reason = why_not (self)) != NULL)
    {
      wb_gui_set_row_text (self->status_row, _("Cannot Run Now"), reason);
      set_icon (self->status_icon, "action-unavailable-symbolic", "warning");
    }
  else
    {
      wb_gui_set_row_text (self->status_row, _("Ready to Run"),
                    _("The signed agreement allows it. Findings are saved when the run "
                      "finishes; a cancelled run saves nothing."));
      set_icon (self->status_icon, "emblem-ok-symbolic", "success");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run.start", !running && reason == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run.cancel",
                                 running && !g_cancellable_is_cancelled (self->cancellable));
  gtk_widget_set_visible (self->run_button, !running);
  gtk_widget_set_visible (self->cancel_button, running);
  if (self->host_table != NULL)
    wb_host_table_set_running (WB_HOST_TABLE (self->host_table), running);
}

static void
update_hosts (WbRunPage *self)
{
  JsonNode *hosts = NULL;

  if (self->host_table == NULL)
    return;
  if (self->engagement != NULL)
    hosts = wb_engagement_get_plugin_data (self->engagement, self->plugin_id, "hosts");
  wb_host_table_set_hosts (WB_HOST_TABLE (self->host_table), hosts);
}

static gboolean
pulse (gpointer user_data)
{
  WbRunPage *self = user_data;

  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (self->progress_bar));
  return G_SOURCE_CONTINUE;
}

static void
on_progress (WbRunContext *context,
             double        fraction,
             const char   *message,
             gpointer      user_data)
{
  WbRunPage *self = user_data;

  if (context != self->context)
    return;
  if (message != NULL && !g_cancellable_is_cancelled (self->cancellable))
    gtk_label_set_text (GTK_LABEL (self->step_label), message);
  /* Until the plugin reports a fraction, the bar pulses: it is working, not stuck. */
  if (fraction > 0)
    {
      g_clear_handle_id (&self->pulse_id, g_source_remove);
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), fraction);
      gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (self->progress_bar), TRUE);
    }
}

static void
show_outcome (WbRunPage    *self,
              WbRunOutcome  outcome,
              const char   *title,
              const char   *text,
              const char   *toast)
{
  static const struct { const char *icon; const char *css; } looks[] = {
    [WB_RUN_OUTCOME_NONE] = { "emblem-ok-symbolic", NULL },
    [WB_RUN_OUTCOME_DONE] = { "emblem-ok-symbolic", "success" },
    [WB_RUN_OUTCOME_CANCELLED] = { "process-stop-symbolic", "warning" },
    [WB_RUN_OUTCOME_REFUSED] = { "action-unavailable-symbolic", "warning" },
    [WB_RUN_OUTCOME_FAILED] = { "dialog-error-symbolic", "error" },
  };

  self->outcome = outcome;
  /* The result line says it all; the bar stays only where a cancelled run stopped. */
  gtk_widget_set_visible (self->progress_row, outcome == WB_RUN_OUTCOME_CANCELLED);
  wb_gui_set_row_text (self->result_row, title, text);
  set_icon (self->result_icon, looks[outcome].icon, looks[outcome].css);
  gtk_widget_set_visible (self->result_row, TRUE);
  wb_gui_toast (GTK_WIDGET (self), toast);
}

static void
finish_run (WbRunPage    *self,
            GError       *error,
            WbRunContext *context)
{
  g_autofree char *text = NULL;
  g_autofree char *toast = NULL;

  if (error == NULL)
    {
      guint n = wb_run_context_get_findings (context)->len;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding saved.",
                                           "%u findings saved.", n), n);
      toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s finished: %u finding",
                                            "%s finished: %u findings", n),
                               plugin_title (self), n);
      show_outcome (self, WB_RUN_OUTCOME_DONE, _("Finished"), text, toast);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      toast = g_strdup_printf (_("%s was stopped; nothing was saved"), plugin_title (self));
      gtk_label_set_text (GTK_LABEL (self->step_label), _("Stopped"));
      show_outcome (self, WB_RUN_OUTCOME_CANCELLED, _("Cancelled"),
                    _("The run was stopped before the end. Nothing from it was saved: "
                      "the engagement is as it was before the run."), toast);
    }
  else if (error->domain == WB_PLUGIN_ERROR && error->code != WB_PLUGIN_ERROR_FAILED)
    {
      toast = g_strdup_printf (_("%s may not run now"), plugin_title (self));
      show_outcome (self, WB_RUN_OUTCOME_REFUSED, _("Not Run"), error->message, toast);
    }
  else
    {
      /* TRANSLATORS: %s is the reason the run failed, a whole sentence */
      text = g_strdup_printf (_("%s Nothing from this run was saved."), error->message);
      toast = g_strdup_printf (_("%s failed; nothing was saved"), plugin_title (self));
      show_outcome (self, WB_RUN_OUTCOME_FAILED, _("Failed"), text, toast);
    }
}

static void
end_run (WbRunPage *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
}

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RunData *data = user_data;
  WbRunPage *self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean had_focus;

  wb_plugin_host_run_finish (WB_PLUGIN_HOST (source), result, &error);
  /* The widget gave this run up (another engagement, or it is going away). */
  if (self->cancellable != data->cancellable)
    {
      run_data_free (data);
      return;
    }
  /* Cancel is hidden now; its focus goes to Run, never from elsewhere. */
  had_focus = gtk_widget_has_focus (self->cancel_button);
  end_run (self);
  finish_run (self, error, data->context);
  update_status (self);
  update_hosts (self);
  if (had_focus)
    gtk_widget_grab_focus (self->run_button);
  run_data_free (data);
}

void
wb_run_page_start (WbRunPage *self)
{
  g_autofree char *reason = NULL;
  gboolean had_focus;
  RunData *data;

  g_return_if_fail (WB_IS_RUN_PAGE (self));

  if (self->cancellable != NULL || (reason = why_not (self)) != NULL)
    return;
  self->cancellable = g_cancellable_new ();
  self->context = wb_run_context_new (G_OBJECT (self->engagement), self->plugin_id);
  g_signal_connect_object (self->context, "progress", G_CALLBACK (on_progress), self, 0);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), 0);
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (self->progress_bar), FALSE);
  gtk_label_set_text (GTK_LABEL (self->step_label), _("Starting…"));
  gtk_widget_set_visible (self->progress_row, TRUE);
  gtk_widget_set_visible (self->result_row, FALSE);
  self->pulse_id = g_timeout_add (PULSE_MS, pulse, self);
  had_focus = gtk_widget_has_focus (self->run_button);
  update_status (self);
  if (had_focus)
    gtk_widget_grab_focus (self->cancel_button);

  data = g_new0 (RunData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);
  data->context = g_object_ref (self->context);
  wb_plugin_host_run_async (self->host, self->engagement, self->plugin, self->context,
                            self->cancellable, on_run_done, data);
}

void
wb_run_page_cancel (WbRunPage *self)
{
  g_return_if_fail (WB_IS_RUN_PAGE (self));

  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  /* The plugin stops its work (the scan's probe gets SIGTERM) and the host commits
   * nothing; the run ends in on_run_done() once the plugin has let go. */
  g_cancellable_cancel (self->cancellable);
  gtk_label_set_text (GTK_LABEL (self->step_label), _("Stopping…"));
  update_status (self);
}

static void
action_start (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  wb_run_page_start (WB_RUN_PAGE (widget));
}

static void
action_cancel (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  wb_run_page_cancel (WB_RUN_PAGE (widget));
}

/* Drops the current run without waiting for it: its result is not this widget's. */
static void
abandon_run (WbRunPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  end_run (self);
}

void
wb_run_page_set_engagement (WbRunPage    *self,
                            WbEngagement *engagement)
{
  g_return_if_fail (WB_IS_RUN_PAGE (self));

  if (engagement != self->engagement)
    {
      /* Another engagement (or locked): a run of the old one stops and saves nothing. */
      abandon_run (self);
      g_set_object (&self->engagement, engagement);
      self->outcome = WB_RUN_OUTCOME_NONE;
      gtk_widget_set_visible (self->progress_row, FALSE);
      gtk_widget_set_visible (self->result_row, FALSE);
    }
  /* Same engagement after a committed change: only what may have changed. */
  update_status (self);
  update_hosts (self);
}

gboolean
wb_run_page_is_running (WbRunPage *self)
{
  g_return_val_if_fail (WB_IS_RUN_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

const char *
wb_run_page_get_plugin_id (WbRunPage *self)
{
  g_return_val_if_fail (WB_IS_RUN_PAGE (self), NULL);
  return self->plugin_id;
}

/* TRUE when the widget shows the run's results itself (the network scan's host table),
 * so the page around it need not show the same data again. */
gboolean
wb_run_page_shows_results (WbRunPage *self)
{
  g_return_val_if_fail (WB_IS_RUN_PAGE (self), FALSE);
  return self->host_table != NULL;
}

WbRunOutcome
wb_run_page_get_outcome (WbRunPage *self)
{
  g_return_val_if_fail (WB_IS_RUN_PAGE (self), WB_RUN_OUTCOME_NONE);
  return self->outcome;
}

static GtkWidget *
new_button (const char *label,
            const char *action,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
new_status_row (GtkWidget  **icon,
                const char  *name)
{
  GtkWidget *row = adw_action_row_new ();

  *icon = gtk_image_new ();
  gtk_widget_set_name (row, name);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), *icon);
  return row;
}

static GtkWidget *
new_progress_row (WbRunPage *self)
{
  /* A preferences row, so that the group keeps it inside its boxed list. */
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->step_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->step_label, "run-step");
  gtk_label_set_xalign (GTK_LABEL (self->step_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->step_label), TRUE);
  self->progress_bar = gtk_progress_bar_new ();
  gtk_widget_set_name (self->progress_bar, "run-progress");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress of the run"),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->step_label,
                                  NULL, -1);
  gtk_box_append (GTK_BOX (box), self->step_label);
  gtk_box_append (GTK_BOX (box), self->progress_bar);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Progress of the run"));
  gtk_widget_set_visible (row, FALSE);
  return row;
}

static void
build_run_group (WbRunPage *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("Run"));
  self->run_button = new_button (_("_Run"), "run.start", _("Run this check now"));
  gtk_widget_add_css_class (self->run_button, "suggested-action");
  self->cancel_button = new_button (_("_Cancel"), "run.cancel",
                                    _("Stop the run; nothing from it is saved"));
  gtk_box_append (GTK_BOX (buttons), self->cancel_button);
  gtk_box_append (GTK_BOX (buttons), self->run_button);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->group), buttons);

  self->status_row = new_status_row (&self->status_icon, "run-status");
  self->progress_row = new_progress_row (self);
  self->result_row = new_status_row (&self->result_icon, "run-result");
  gtk_widget_set_visible (self->result_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->status_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->progress_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->result_row);
}

GtkWidget *
wb_run_page_new (WbPluginHost *host,
                 const char   *plugin_id)
{
  WbRunPage *self = g_object_new (WB_TYPE_RUN_PAGE, NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  self->host = g_object_ref (host);
  self->plugin_id = g_strdup (plugin_id);
  self->plugin = wb_plugin_host_get_plugin (host, plugin_id, &error);
  if (self->plugin == NULL)
    self->load_error = g_strdup (error->message);

  build_run_group (self);
  gtk_box_append (GTK_BOX (box), self->group);
  if (g_strcmp0 (plugin_id, "network") == 0)
    {
      self->host_table = wb_host_table_new ();
      gtk_box_append (GTK_BOX (box), self->host_table);
    }
  adw_bin_set_child (ADW_BIN (self), box);
  update_status (self);
  update_hosts (self);
  return GTK_WIDGET (self);
}

static void
wb_run_page_dispose (GObject *object)
{
  WbRunPage *self = WB_RUN_PAGE (object);

  abandon_run (self);
  g_clear_object (&self->engagement);
  G_OBJECT_CLASS (wb_run_page_parent_class)->dispose (object);
}

static void
wb_run_page_finalize (GObject *object)
{
  WbRunPage *self = WB_RUN_PAGE (object);

  g_clear_object (&self->plugin);
  g_clear_object (&self->host);
  g_free (self->plugin_id);
  g_free (self->load_error);
  G_OBJECT_CLASS (wb_run_page_parent_class)->finalize (object);
}

static void
wb_run_page_class_init (WbRunPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_run_page_dispose;
  object_class->finalize = wb_run_page_finalize;
  gtk_widget_class_install_action (widget_class, "run.start", NULL, action_start);
  gtk_widget_class_install_action (widget_class, "run.cancel", NULL, action_cancel);
}

static void
wb_run_page_init (WbRunPage *self)
{
}

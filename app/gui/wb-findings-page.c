/* wb-findings-page.c — the findings as the action plan, with a severity filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-findings-page.h"
#include "wb-gui-util.h"

struct _WbFindingsPage
{
  AdwBin        parent_instance;

  WbEngagement *engagement;

  /* Template children */
  GtkDropDown  *severity_filter;
  GtkListBox   *findings_list;
};

G_DEFINE_FINAL_TYPE (WbFindingsPage, wb_findings_page, ADW_TYPE_BIN)

static GtkWidget *
create_finding_row (WbFinding *finding)
{
  const WbAdvice *advice = wb_finding_get_advice (finding);
  const char * const *assets = wb_finding_get_assets (finding);
  WbSeverity severity = wb_finding_get_severity (finding);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;

  /* First line: where and who/when; second: the step itself. */
  if (assets != NULL && assets[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) assets);
      g_string_append (subtitle, joined);
    }
  if (advice != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: who does it, then when: "Your IT supplier · Now (within 14 days)". */
      g_string_append_printf (subtitle, _("%s · %s"), wb_owner_get_label (advice->owner),
                              wb_priority_get_label (advice->priority));
      if (advice->step != NULL)
        g_string_append_printf (subtitle, "\n%s", advice->step);
    }

  row = wb_gui_new_row (wb_finding_get_title (finding),
                        subtitle->len > 0 ? subtitle->str : NULL);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  g_object_set_data (G_OBJECT (row), "wb-severity", GINT_TO_POINTER (severity));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), wb_gui_new_severity_pill (severity));
  return row;
}

static void
fill_findings (WbFindingsPage *self)
{
  g_autoptr(GPtrArray) plan = wb_engagement_get_action_plan (self->engagement);

  wb_gui_remove_children (GTK_WIDGET (self->findings_list));
  for (guint i = 0; plan != NULL && i < plan->len; i++)
    gtk_list_box_append (self->findings_list,
                         create_finding_row (g_ptr_array_index (plan, i)));
  gtk_list_box_invalidate_filter (self->findings_list);
}

/* Position 0 is "all"; then the severities from critical down. */
static gboolean
filter_finding (GtkListBoxRow *row,
                gpointer       user_data)
{
  WbFindingsPage *self = user_data;
  guint selected = gtk_drop_down_get_selected (self->severity_filter);
  WbSeverity severity = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "wb-severity"));

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return TRUE;
  return severity >= (WbSeverity) (WB_SEVERITY_CRITICAL - (selected - 1));
}

static void
on_filter_changed (WbFindingsPage *self)
{
  gtk_list_box_invalidate_filter (self->findings_list);
}

void
wb_findings_page_set_engagement (WbFindingsPage *self,
                                 WbEngagement   *engagement)
{
  g_return_if_fail (WB_IS_FINDINGS_PAGE (self));

  g_set_object (&self->engagement, engagement);
  wb_gui_remove_children (GTK_WIDGET (self->findings_list));
  if (engagement != NULL)
    fill_findings (self);
}

static void
wb_findings_page_dispose (GObject *object)
{
  WbFindingsPage *self = WB_FINDINGS_PAGE (object);

  g_clear_object (&self->engagement);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_FINDINGS_PAGE);
  G_OBJECT_CLASS (wb_findings_page_parent_class)->dispose (object);
}

static void
wb_findings_page_class_init (WbFindingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_findings_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/werkbank/Werkbank/wb-findings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbFindingsPage, severity_filter);
  gtk_widget_class_bind_template_child (widget_class, WbFindingsPage, findings_list);
}

static GListModel *
severity_model (void)
{
  GtkStringList *severities = gtk_string_list_new (NULL);

  gtk_string_list_append (severities, _("All Severities"));
  for (int s = WB_SEVERITY_CRITICAL; s >= WB_SEVERITY_LOW; s--)
    {
      /* Translators: %s is a severity: "Medium and Higher". */
      g_autofree char *item = s == WB_SEVERITY_CRITICAL
        ? g_strdup (wb_severity_get_label (s))
        : g_strdup_printf (_("%s and Higher"), wb_severity_get_label (s));
      gtk_string_list_append (severities, item);
    }
  return G_LIST_MODEL (severities);
}

static void
wb_findings_page_init (WbFindingsPage *self)
{
  g_autoptr(GListModel) severities = severity_model ();
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->severity_filter, severities);
  g_signal_connect_object (self->severity_filter, "notify::selected",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  gtk_list_box_set_filter_func (self->findings_list, filter_finding, self, NULL);
  placeholder = gtk_label_new (_("No findings of this severity"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_list_box_set_placeholder (self->findings_list, placeholder);
}

/* wb-engagement-view.c — one open engagement: its pages under one header
 *
 * A thin front end: each page shows part of WbEngagement and changes it only through
 * libwerkbank. After every committed change (WbEngagement::changed) all pages are
 * refreshed once, from an idle callback, so a burst of changes redraws once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-checks-page.h"
#include "wb-engagement-view.h"
#include "wb-findings-page.h"
#include "wb-overview-page.h"
#include "wb-report-page.h"
#include "wb-retention-page.h"

struct _WbEngagementView
{
  AdwBin                parent_instance;

  WbEngagement         *engagement;
  gulong                changed_id;
  guint                 refresh_id;

  /* Template children */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  WbOverviewPage       *overview_page;
  WbChecksPage         *checks_page;
  WbFindingsPage       *findings_page;
  WbReportPage         *report_page;
  WbRetentionPage      *retention_page;
};

G_DEFINE_FINAL_TYPE (WbEngagementView, wb_engagement_view, ADW_TYPE_BIN)

static void
show_company (WbEngagementView *self)
{
  const WbCompany *company = self->engagement != NULL
    ? wb_engagement_get_company (self->engagement) : NULL;

  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        company != NULL ? company->name : NULL);
}

static void
set_pages (WbEngagementView *self,
           WbEngagement     *engagement)
{
  wb_overview_page_set_engagement (self->overview_page, engagement);
  wb_checks_page_set_engagement (self->checks_page, engagement);
  wb_findings_page_set_engagement (self->findings_page, engagement);
  wb_report_page_set_engagement (self->report_page, engagement);
  wb_retention_page_set_engagement (self->retention_page, engagement);
  show_company (self);
}

static gboolean
refresh_pages (gpointer user_data)
{
  WbEngagementView *self = user_data;

  self->refresh_id = 0;
  if (self->engagement != NULL)
    set_pages (self, self->engagement);
  return G_SOURCE_REMOVE;
}

static void
on_engagement_changed (WbEngagementView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_pages, self);
}

static void
disconnect_engagement (WbEngagementView *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->engagement != NULL && self->changed_id != 0)
    g_signal_handler_disconnect (self->engagement, self->changed_id);
  self->changed_id = 0;
  g_clear_object (&self->engagement);
}

static void
view_show_page (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WbEngagementView *self = WB_ENGAGEMENT_VIEW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack,
                                         g_variant_get_string (parameter, NULL));
}

/**
 * wb_engagement_view_set_engagement:
 * @engagement: (nullable): the open engagement, or %NULL when it is locked
 *
 * Shows @engagement; %NULL drops the view's reference, so the vault (and its keys)
 * can go once the window lets go too.
 */
void
wb_engagement_view_set_engagement (WbEngagementView *self,
                                   WbEngagement     *engagement,
                                   const char       *path)
{
  g_return_if_fail (WB_IS_ENGAGEMENT_VIEW (self));

  disconnect_engagement (self);
  /* Pages first drop the old engagement (and cancel their work), then see the new. */
  set_pages (self, NULL);
  if (engagement == NULL)
    return;

  self->engagement = g_object_ref (engagement);
  self->changed_id = g_signal_connect_swapped (engagement, "changed",
                                               G_CALLBACK (on_engagement_changed), self);
  if (path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      adw_view_switcher_title_set_title (self->switcher_title, name);
    }
  set_pages (self, engagement);
  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
}

WbEngagement *
wb_engagement_view_get_engagement (WbEngagementView *self)
{
  g_return_val_if_fail (WB_IS_ENGAGEMENT_VIEW (self), NULL);

  return self->engagement;
}

/**
 * wb_engagement_view_get_page:
 * @name: "overview", "checks", "findings", "report" or "retention"
 *
 * Returns: (transfer none) (nullable): the page widget.
 */
GtkWidget *
wb_engagement_view_get_page (WbEngagementView *self,
                             const char       *name)
{
  g_return_val_if_fail (WB_IS_ENGAGEMENT_VIEW (self), NULL);

  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

static void
wb_engagement_view_dispose (GObject *object)
{
  WbEngagementView *self = WB_ENGAGEMENT_VIEW (object);

  disconnect_engagement (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_ENGAGEMENT_VIEW);
  G_OBJECT_CLASS (wb_engagement_view_parent_class)->dispose (object);
}

static void
wb_engagement_view_class_init (WbEngagementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const pages[] = {
    "overview", "checks", "findings", "report", "retention",
  };

  object_class->dispose = wb_engagement_view_dispose;

  g_type_ensure (WB_TYPE_OVERVIEW_PAGE);
  g_type_ensure (WB_TYPE_CHECKS_PAGE);
  g_type_ensure (WB_TYPE_FINDINGS_PAGE);
  g_type_ensure (WB_TYPE_REPORT_PAGE);
  g_type_ensure (WB_TYPE_RETENTION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/werkbank/Werkbank/wb-engagement-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, overview_page);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, checks_page);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, findings_page);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, report_page);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, retention_page);

  gtk_widget_class_install_action (widget_class, "view.show-page", "s", view_show_page);
  /* Alt+1 … Alt+5 go to the pages in the order the switcher shows them. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "view.show-page", "s", pages[i]);
}

static void
wb_engagement_view_init (WbEngagementView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wb_engagement_view_new (void)
{
  return g_object_new (WB_TYPE_ENGAGEMENT_VIEW, NULL);
}

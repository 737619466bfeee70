/* wb-overview-page.c — where the engagement stands and what is still missing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-agreement-editor.h"
#include "wb-gui-util.h"
#include "wb-overview-page.h"

struct _WbOverviewPage
{
  AdwBin               parent_instance;

  WbEngagement        *engagement;

  /* Template children */
  AdwPreferencesGroup *stage_group;
  GtkLabel            *company_value;
  GtkLabel            *agreement_value;
  GtkWidget           *edit_agreement_row;
  AdwPreferencesGroup *missing_group;

  /* Rows added to the groups, so they can be removed again (1.2 has no remove-all). */
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (WbOverviewPage, wb_overview_page, ADW_TYPE_BIN)

static void
clear_rows (WbOverviewPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (WbOverviewPage      *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
stage_icon (WbStage     stage,
            WbStage     current,
            const char **state)
{
  GtkWidget *icon;

  if (stage < current)
    {
      icon = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_widget_add_css_class (icon, "success");
      *state = _("Done");
    }
  else if (stage == current)
    {
      icon = gtk_image_new_from_icon_name ("media-record-symbolic");
      gtk_widget_add_css_class (icon, "accent");
      *state = _("Current stage");
    }
  else
    {
      icon = gtk_image_new_from_icon_name ("content-loading-symbolic");
      gtk_widget_add_css_class (icon, "dim-label");
      *state = _("Not yet");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, *state, -1);
  return icon;
}

/* The five stages, the current one marked; done ones get a check, later ones are dim. */
static void
fill_stages (WbOverviewPage *self)
{
  WbStage current = wb_engagement_get_stage (self->engagement);

  for (WbStage stage = WB_STAGE_PREPARE; stage <= WB_STAGE_RETAIN; stage++)
    {
      GtkWidget *row = wb_gui_new_row (wb_stage_get_label (stage), NULL);
      const char *state = NULL;

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), stage_icon (stage, current, &state));
      if (stage == current)
        {
          gtk_widget_add_css_class (row, "wb-current-stage");
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state);
        }
      add_row (self, self->stage_group, row);
    }
}

static void
fill_company_and_agreement (WbOverviewPage *self)
{
  const WbCompany *company = wb_engagement_get_company (self->engagement);
  WbAgreement *agreement = wb_engagement_get_agreement (self->engagement);
  g_autofree char *agreement_text = NULL;

  if (company != NULL && company->name != NULL)
    gtk_label_set_text (self->company_value, company->name);
  else
    gtk_label_set_text (self->company_value, _("Not recorded yet"));

  if (wb_agreement_is_signed (agreement))
    /* Translators: %s is a date, YYYY-MM-DD. */
    agreement_text = g_strdup_printf (_("Signed on %s"),
                                      wb_agreement_get_signed_on (agreement));
  else
    agreement_text = g_strdup (_("Not signed"));
  gtk_label_set_text (self->agreement_value, agreement_text);
  /* Preparing and signing is possible until it is signed; after that it is fixed. */
  gtk_widget_set_visible (self->edit_agreement_row,
                          !wb_agreement_is_signed (agreement) &&
                          !wb_engagement_is_read_only (self->engagement));
}

static void
fill_missing (WbOverviewPage *self)
{
  g_autoptr(GPtrArray) missing = wb_engagement_get_missing (self->engagement);

  if (missing == NULL || missing->len == 0)
    {
      GtkWidget *row = wb_gui_new_row (_("Nothing missing for this stage"), NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_add_css_class (icon, "success");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      add_row (self, self->missing_group, row);
      return;
    }

  for (guint i = 0; i < missing->len; i++)
    {
      GtkWidget *row = wb_gui_new_row (g_ptr_array_index (missing, i), NULL);

      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      add_row (self, self->missing_group, row);
    }
}

void
wb_overview_page_set_engagement (WbOverviewPage *self,
                                 WbEngagement   *engagement)
{
  g_return_if_fail (WB_IS_OVERVIEW_PAGE (self));

  g_set_object (&self->engagement, engagement);
  clear_rows (self);
  gtk_widget_set_visible (self->edit_agreement_row, FALSE);
  if (engagement == NULL)
    return;
  fill_stages (self);
  fill_company_and_agreement (self);
  fill_missing (self);
}

static void
edit_agreement_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WbOverviewPage *self = WB_OVERVIEW_PAGE (widget);

  if (self->engagement != NULL)
    wb_agreement_editor_present (widget, self->engagement);
}

static void
wb_overview_page_dispose (GObject *object)
{
  WbOverviewPage *self = WB_OVERVIEW_PAGE (object);

  g_clear_object (&self->engagement);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_OVERVIEW_PAGE);
  G_OBJECT_CLASS (wb_overview_page_parent_class)->dispose (object);
}

static void
wb_overview_page_finalize (GObject *object)
{
  WbOverviewPage *self = WB_OVERVIEW_PAGE (object);

  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (wb_overview_page_parent_class)->finalize (object);
}

static void
wb_overview_page_class_init (WbOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_overview_page_dispose;
  object_class->finalize = wb_overview_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/werkbank/Werkbank/wb-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbOverviewPage, stage_group);
  gtk_widget_class_bind_template_child (widget_class, WbOverviewPage, company_value);
  gtk_widget_class_bind_template_child (widget_class, WbOverviewPage, agreement_value);
  gtk_widget_class_bind_template_child (widget_class, WbOverviewPage, missing_group);
  gtk_widget_class_bind_template_child (widget_class, WbOverviewPage, edit_agreement_row);
  gtk_widget_class_install_action (widget_class, "overview.edit-agreement", NULL,
                                   edit_agreement_activated);
}

static void
wb_overview_page_init (WbOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

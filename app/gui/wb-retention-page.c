/* wb-retention-page.c — the engagement's "Retention" page (placeholder until it is built)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-retention-page.h"

struct _WbRetentionPage
{
  AdwBin        parent_instance;

  WbEngagement *engagement;
};

G_DEFINE_FINAL_TYPE (WbRetentionPage, wb_retention_page, ADW_TYPE_BIN)

void
wb_retention_page_set_engagement (WbRetentionPage *self,
                             WbEngagement *engagement)
{
  g_return_if_fail (WB_IS_RETENTION_PAGE (self));

  g_set_object (&self->engagement, engagement);
}

static void
wb_retention_page_dispose (GObject *object)
{
  WbRetentionPage *self = WB_RETENTION_PAGE (object);

  g_clear_object (&self->engagement);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_RETENTION_PAGE);
  G_OBJECT_CLASS (wb_retention_page_parent_class)->dispose (object);
}

static void
wb_retention_page_class_init (WbRetentionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_retention_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/werkbank/Werkbank/wb-retention-page.ui");
}

static void
wb_retention_page_init (WbRetentionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

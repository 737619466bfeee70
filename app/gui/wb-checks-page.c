/* wb-checks-page.c — the engagement's "Checks" page (placeholder until it is built)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-checks-page.h"

struct _WbChecksPage
{
  AdwBin        parent_instance;

  WbEngagement *engagement;
};

G_DEFINE_FINAL_TYPE (WbChecksPage, wb_checks_page, ADW_TYPE_BIN)

void
wb_checks_page_set_engagement (WbChecksPage *self,
                             WbEngagement *engagement)
{
  g_return_if_fail (WB_IS_CHECKS_PAGE (self));

  g_set_object (&self->engagement, engagement);
}

static void
wb_checks_page_dispose (GObject *object)
{
  WbChecksPage *self = WB_CHECKS_PAGE (object);

  g_clear_object (&self->engagement);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_CHECKS_PAGE);
  G_OBJECT_CLASS (wb_checks_page_parent_class)->dispose (object);
}

static void
wb_checks_page_class_init (WbChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_checks_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/werkbank/Werkbank/wb-checks-page.ui");
}

static void
wb_checks_page_init (WbChecksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

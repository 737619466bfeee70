/* wb-run-page.c — running one plugin as a task (placeholder until it is built)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-run-page.h"

struct _WbRunPage
{
  AdwBin        parent_instance;

  WbPluginHost *host;
  char         *plugin_id;
  WbEngagement *engagement;
};

G_DEFINE_FINAL_TYPE (WbRunPage, wb_run_page, ADW_TYPE_BIN)

GtkWidget *
wb_run_page_new (WbPluginHost *host,
                 const char   *plugin_id)
{
  WbRunPage *self = g_object_new (WB_TYPE_RUN_PAGE, NULL);

  self->host = g_object_ref (host);
  self->plugin_id = g_strdup (plugin_id);
  return GTK_WIDGET (self);
}

void
wb_run_page_set_engagement (WbRunPage    *self,
                            WbEngagement *engagement)
{
  g_return_if_fail (WB_IS_RUN_PAGE (self));

  g_set_object (&self->engagement, engagement);
}

gboolean
wb_run_page_is_running (WbRunPage *self)
{
  return FALSE;
}

static void
wb_run_page_dispose (GObject *object)
{
  WbRunPage *self = WB_RUN_PAGE (object);

  g_clear_object (&self->engagement);
  g_clear_object (&self->host);
  g_clear_pointer (&self->plugin_id, g_free);
  G_OBJECT_CLASS (wb_run_page_parent_class)->dispose (object);
}

static void
wb_run_page_class_init (WbRunPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wb_run_page_dispose;
}

static void
wb_run_page_init (WbRunPage *self)
{
}

/* wb-plugin.c — the extension interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "wb-plugin.h"
#include "wb-util-private.h"

static const WbEnumEntry kind_table[] = {
  { WB_PLUGIN_KIND_INTERVIEW, "interview", N_("Interview") },
  { WB_PLUGIN_KIND_CHECKLIST, "checklist", N_("Checklist") },
  { WB_PLUGIN_KIND_ACTIVE_SCAN, "active-scan", N_("Active scan") },
  { WB_PLUGIN_KIND_IMPORT, "import", N_("Import") },
  { 0, NULL, NULL }
};

G_DEFINE_INTERFACE (WbPlugin, wb_plugin, G_TYPE_OBJECT)

static void
wb_plugin_default_init (WbPluginInterface *iface)
{
}

const char *
wb_plugin_kind_to_string (WbPluginKind kind)
{
  return wb_enum_to_id (kind_table, kind);
}

const char *
wb_plugin_kind_get_label (WbPluginKind kind)
{
  return wb_enum_to_label (kind_table, kind);
}

const char *
wb_plugin_get_id (WbPlugin *self)
{
  g_return_val_if_fail (WB_IS_PLUGIN (self), NULL);
  return WB_PLUGIN_GET_IFACE (self)->get_id (self);
}

const char *
wb_plugin_get_title (WbPlugin *self)
{
  g_return_val_if_fail (WB_IS_PLUGIN (self), NULL);
  return WB_PLUGIN_GET_IFACE (self)->get_title (self);
}

WbPluginKind
wb_plugin_get_kind (WbPlugin *self)
{
  g_return_val_if_fail (WB_IS_PLUGIN (self), WB_PLUGIN_KIND_CHECKLIST);
  return WB_PLUGIN_GET_IFACE (self)->get_kind (self);
}

WbActivity
wb_plugin_get_required_activity (WbPlugin *self)
{
  g_return_val_if_fail (WB_IS_PLUGIN (self), WB_ACTIVITY_INTRUSIVE);
  return WB_PLUGIN_GET_IFACE (self)->get_required_activity (self);
}

void
wb_plugin_run_async (WbPlugin            *self,
                     WbRunContext         *context,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (WB_IS_PLUGIN (self));
  g_return_if_fail (WB_IS_RUN_CONTEXT (context));
  WB_PLUGIN_GET_IFACE (self)->run_async (self, context, cancellable, callback, user_data);
}

gboolean
wb_plugin_run_finish (WbPlugin *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (WB_IS_PLUGIN (self), FALSE);
  return WB_PLUGIN_GET_IFACE (self)->run_finish (self, result, error);
}

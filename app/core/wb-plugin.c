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
  WbPluginInterface *iface;

  g_return_val_if_fail (WB_IS_PLUGIN (self), FALSE);
  iface = WB_PLUGIN_GET_IFACE (self);
  /* Most plugins run in a GTask that returns a boolean: that is the default. */
  if (iface->run_finish == NULL)
    return g_task_propagate_boolean (G_TASK (result), error);
  return iface->run_finish (self, result, error);
}

static void
copy_vfuncs (gpointer g_iface, gpointer iface_data)
{
  WbPluginInterface *iface = g_iface;
  const WbPluginInterface *vfuncs = iface_data;

  iface->get_id = vfuncs->get_id;
  iface->get_title = vfuncs->get_title;
  iface->get_kind = vfuncs->get_kind;
  iface->get_required_activity = vfuncs->get_required_activity;
  iface->run_async = vfuncs->run_async;
  iface->run_finish = vfuncs->run_finish;
}

GType
wb_plugin_register_type (PeasObjectModule        *module,
                         const char              *type_name,
                         const WbPluginInterface *vfuncs)
{
  const GTypeInfo info = {
    .class_size = sizeof (GObjectClass),
    .instance_size = sizeof (GObject),
  };
  const GInterfaceInfo iface_info = { copy_vfuncs, NULL, (gpointer) vfuncs };
  GType type;

  g_return_val_if_fail (PEAS_IS_OBJECT_MODULE (module), G_TYPE_INVALID);
  g_return_val_if_fail (vfuncs != NULL && vfuncs->get_id != NULL && vfuncs->run_async != NULL,
                        G_TYPE_INVALID);

  type = g_type_module_register_type (G_TYPE_MODULE (module), G_TYPE_OBJECT, type_name,
                                      &info, G_TYPE_FLAG_FINAL);
  g_type_module_add_interface (G_TYPE_MODULE (module), type, WB_TYPE_PLUGIN, &iface_info);
  peas_object_module_register_extension_type (module, WB_TYPE_PLUGIN, type);
  return type;
}

/* wb-plugin.h — the extension interface every scan plugin implements
 *
 * A plugin is headless: it declares what it is and what the agreement must allow, and
 * its run reads and writes only through the WbRunContext it is handed (never files).
 * Plugins are found by libpeas from .plugin files; see docs/plugin-guide.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libpeas/peas.h>

#include "wb-run-context.h"
#include "wb-scope.h"

G_BEGIN_DECLS

typedef enum {
  WB_PLUGIN_KIND_INTERVIEW,   /* a questionnaire asked of the company */
  WB_PLUGIN_KIND_CHECKLIST,   /* items a student checks on site */
  WB_PLUGIN_KIND_ACTIVE_SCAN, /* automated checks against systems in scope */
  WB_PLUGIN_KIND_IMPORT,      /* results brought in from elsewhere */
} WbPluginKind;

const char *wb_plugin_kind_to_string (WbPluginKind kind);
const char *wb_plugin_kind_get_label (WbPluginKind kind);

#define WB_TYPE_PLUGIN (wb_plugin_get_type ())
G_DECLARE_INTERFACE (WbPlugin, wb_plugin, WB, PLUGIN, GObject)

struct _WbPluginInterface
{
  GTypeInterface parent_iface;

  const char  *(*get_id)                (WbPlugin *self);
  const char  *(*get_title)             (WbPlugin *self); /* translated */
  WbPluginKind (*get_kind)              (WbPlugin *self);
  WbActivity   (*get_required_activity) (WbPlugin *self);

  void         (*run_async)             (WbPlugin            *self,
                                         WbRunContext        *context,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
  /* Optional: NULL means run_async returned a GTask with a boolean. */
  gboolean     (*run_finish)            (WbPlugin            *self,
                                         GAsyncResult        *result,
                                         GError             **error);
};

const char  *wb_plugin_get_id (WbPlugin *self);
const char  *wb_plugin_get_title (WbPlugin *self);
WbPluginKind wb_plugin_get_kind (WbPlugin *self);
WbActivity   wb_plugin_get_required_activity (WbPlugin *self);

/* Use WbPluginHost to run a plugin: it checks the agreement first. */
void         wb_plugin_run_async (WbPlugin            *self,
                                  WbRunContext        *context,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gboolean     wb_plugin_run_finish (WbPlugin      *self,
                                   GAsyncResult  *result,
                                   GError       **error);

/* Registers a plugin's type in its libpeas module and offers it as a WbPlugin: what
 * every plugin's peas_register_types() does. @type_name must be unique in the process
 * (several plugins live in one); @vfuncs is a static table of the plugin's functions.
 * A plugin needs no instance state of its own: the run keeps its state in a GTask. */
GType        wb_plugin_register_type (PeasObjectModule        *module,
                                      const char              *type_name,
                                      const WbPluginInterface *vfuncs);

G_END_DECLS

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

G_END_DECLS

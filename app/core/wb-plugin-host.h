/* wb-plugin-host.h — finds, checks and runs plugins (libpeas-1.0)
 *
 * Plugins are looked for, in this order, in the directories of $WERKBANK_PLUGIN_PATH
 * (colon-separated; the build tree for tests and the demo), the user's
 * $XDG_DATA_HOME/werkbank/plugins, and the installed plugin directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wb-engagement.h"
#include "wb-plugin.h"

G_BEGIN_DECLS

#define WB_PLUGIN_ERROR (wb_plugin_error_quark ())
GQuark wb_plugin_error_quark (void);

typedef enum {
  WB_PLUGIN_ERROR_NOT_FOUND,   /* no plugin with that id */
  WB_PLUGIN_ERROR_LOAD,        /* the module would not load */
  WB_PLUGIN_ERROR_NOT_ALLOWED, /* the agreement does not allow it (yet) */
  WB_PLUGIN_ERROR_NOT_ENABLED, /* the team has not switched it on */
  WB_PLUGIN_ERROR_FAILED,      /* the run failed; nothing was committed */
} WbPluginError;

typedef struct {
  char        *id;          /* the module name: "network", "avg", ... */
  char        *name;        /* from the .plugin file */
  char        *description;
  char        *directory;
} WbPluginInfo;

void wb_plugin_info_free (WbPluginInfo *info);

#define WB_TYPE_PLUGIN_HOST (wb_plugin_host_get_type ())
G_DECLARE_FINAL_TYPE (WbPluginHost, wb_plugin_host, WB, PLUGIN_HOST, GObject)

WbPluginHost *wb_plugin_host_new (void);
/* Every plugin found, sorted by id. */
GPtrArray    *wb_plugin_host_list (WbPluginHost *self); /* of WbPluginInfo */
/* Loads the plugin and returns its extension object. */
WbPlugin     *wb_plugin_host_get_plugin (WbPluginHost *self, const char *id, GError **error);

/* Can this plugin run in this engagement now? FALSE with WB_PLUGIN_ERROR_NOT_ALLOWED or
 * _NOT_ENABLED and the reason in plain words. */
gboolean      wb_plugin_host_check (WbPluginHost *self, WbEngagement *engagement,
                                    WbPlugin *plugin, GError **error);

/* Checks, runs and commits the findings when the run succeeds. Pass a @context made
 * with wb_run_context_new() to follow its progress, or NULL. */
void          wb_plugin_host_run_async (WbPluginHost        *self,
                                        WbEngagement        *engagement,
                                        WbPlugin            *plugin,
                                        WbRunContext        *context,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean      wb_plugin_host_run_finish (WbPluginHost  *self,
                                         GAsyncResult  *result,
                                         GError       **error);

G_END_DECLS

/* wb-application.h — the Werkbank GTK application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-plugin-host.h"

G_BEGIN_DECLS

#define WB_APPLICATION_ID "nl.werkbank.Werkbank"

#define WB_TYPE_APPLICATION (wb_application_get_type ())

G_DECLARE_FINAL_TYPE (WbApplication, wb_application, WB, APPLICATION, AdwApplication)

WbApplication *wb_application_new             (void);
GSettings     *wb_application_get_settings    (WbApplication *self);
WbPluginHost  *wb_application_get_plugin_host (WbApplication *self);
int            wb_application_get_exit_status (WbApplication *self);
void           wb_application_set_exit_status (WbApplication *self,
                                               int            status);

G_END_DECLS

/* wb-run-page.h — running one plugin as a task: live progress, cancel, what it found
 *
 * Embedded at the bottom of every plugin's page on the Checks page. For the network
 * plugin it also shows the hosts and services found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-engagement.h"
#include "wb-plugin-host.h"

G_BEGIN_DECLS

#define WB_TYPE_RUN_PAGE (wb_run_page_get_type ())

G_DECLARE_FINAL_TYPE (WbRunPage, wb_run_page, WB, RUN_PAGE, AdwBin)

GtkWidget *wb_run_page_new             (WbPluginHost *host,
                                        const char   *plugin_id);
/* Called again with the same engagement after every committed change. */
void       wb_run_page_set_engagement  (WbRunPage    *self,
                                        WbEngagement *engagement);
/* TRUE while the plugin runs. */
gboolean   wb_run_page_is_running      (WbRunPage    *self);

G_END_DECLS

/* wb-plugin-page.h — one plugin's page on the Checks page, rendered from its content
 *
 * Its title and state, then its content (a questionnaire when the plugin's folder has
 * one, the checklist for a checklist plugin), the results of its last run (its
 * "report-sections" data) and, at the bottom, the run task (wb-run-page.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-engagement.h"
#include "wb-plugin-host.h"

G_BEGIN_DECLS

#define WB_TYPE_PLUGIN_PAGE (wb_plugin_page_get_type ())

G_DECLARE_FINAL_TYPE (WbPluginPage, wb_plugin_page, WB, PLUGIN_PAGE, AdwBin)

GtkWidget   *wb_plugin_page_new            (WbPluginHost       *host,
                                            const WbPluginInfo *info,
                                            WbPlugin           *plugin);
/* Same engagement again (after a change): keeps what is being typed. */
void         wb_plugin_page_set_engagement (WbPluginPage       *self,
                                            WbEngagement       *engagement);
const char  *wb_plugin_page_get_plugin_id  (WbPluginPage       *self);
WbEngagement *wb_plugin_page_get_engagement (WbPluginPage      *self);
/* The run task widget at the bottom (a WbRunPage). */
GtkWidget   *wb_plugin_page_get_run_page   (WbPluginPage       *self);
/* The content widget: a WbQuestionnairePage, a WbChecklistPage, or NULL. */
GtkWidget   *wb_plugin_page_get_content    (WbPluginPage       *self);

/* The plugin's state in plain words (translated): whether the agreement allows it (and
 * why not), whether it is switched on, whether it has run and what it found. @brief:
 * a few words for the sidebar of the Checks page instead of full sentences. */
char        *wb_plugin_state_text          (WbPluginHost       *host,
                                            WbEngagement       *engagement,
                                            WbPlugin           *plugin,
                                            gboolean            brief);
/* How many findings the plugin's runs left in @engagement. */
guint        wb_plugin_count_findings      (WbEngagement       *engagement,
                                            const char         *plugin_id);

G_END_DECLS

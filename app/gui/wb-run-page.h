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

/* How the last run in this widget ended (what its result line says). */
typedef enum {
  WB_RUN_OUTCOME_NONE,      /* not run yet in this widget */
  WB_RUN_OUTCOME_DONE,      /* finished; its findings were saved */
  WB_RUN_OUTCOME_CANCELLED, /* stopped by the user; nothing of it saved */
  WB_RUN_OUTCOME_REFUSED,   /* the agreement or the switch did not allow it */
  WB_RUN_OUTCOME_FAILED,    /* failed; nothing of it saved */
} WbRunOutcome;

const char  *wb_run_page_get_plugin_id (WbRunPage *self);
gboolean     wb_run_page_shows_results (WbRunPage *self);
WbRunOutcome wb_run_page_get_outcome   (WbRunPage *self);
/* Starts a run, as the Run button does; does nothing when it may not run now. */
void         wb_run_page_start         (WbRunPage *self);
/* Stops a run, as the Cancel button does. */
void         wb_run_page_cancel        (WbRunPage *self);

G_END_DECLS

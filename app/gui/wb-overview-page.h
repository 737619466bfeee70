/* wb-overview-page.h — the engagement's "Overview" page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-engagement.h"

G_BEGIN_DECLS

#define WB_TYPE_OVERVIEW_PAGE (wb_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (WbOverviewPage, wb_overview_page, WB, OVERVIEW_PAGE, AdwBin)

/* Shows @engagement (NULL when it is locked). Called again with the same engagement
 * after every committed change: a refresh must keep what the user is typing. */
void wb_overview_page_set_engagement (WbOverviewPage *self,
                                      WbEngagement *engagement);

G_END_DECLS

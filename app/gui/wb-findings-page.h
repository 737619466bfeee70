/* wb-findings-page.h — the engagement's "Findings" page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-engagement.h"

G_BEGIN_DECLS

#define WB_TYPE_FINDINGS_PAGE (wb_findings_page_get_type ())

G_DECLARE_FINAL_TYPE (WbFindingsPage, wb_findings_page, WB, FINDINGS_PAGE, AdwBin)

/* Shows @engagement (NULL when it is locked). Called again with the same engagement
 * after every committed change: a refresh must keep what the user is typing. */
void wb_findings_page_set_engagement (WbFindingsPage *self,
                                      WbEngagement *engagement);

G_END_DECLS

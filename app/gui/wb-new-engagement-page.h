/* wb-new-engagement-page.h — the steps that create a new engagement
 *
 * Where to save it, who is working and the passphrase (the file is created then, the
 * key derived in a thread); the company; the people; the agreement. Each step is saved
 * when the person moves on, so leaving half-way loses nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-engagement.h"

G_BEGIN_DECLS

#define WB_TYPE_NEW_ENGAGEMENT_PAGE (wb_new_engagement_page_get_type ())

G_DECLARE_FINAL_TYPE (WbNewEngagementPage, wb_new_engagement_page, WB,
                      NEW_ENGAGEMENT_PAGE, AdwBin)

/* Back to the first step, every field empty. */
void          wb_new_engagement_page_reset      (WbNewEngagementPage *self);
/* The file to create, as the save dialog returns it. */
void          wb_new_engagement_page_set_path   (WbNewEngagementPage *self,
                                                 const char          *path);
/* The engagement once created (NULL before). */
WbEngagement *wb_new_engagement_page_get_engagement (WbNewEngagementPage *self);
/* The visible step: "file", "company", "people" or "agreement". */
const char   *wb_new_engagement_page_get_step   (WbNewEngagementPage *self);

/* Signals:
 *   created (WbEngagement *engagement, const char *path): the file exists and is open
 *   finished: the person is done (or skips the rest) */

G_END_DECLS

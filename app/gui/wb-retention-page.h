/* wb-retention-page.h — the engagement's "Retention" page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-engagement.h"

G_BEGIN_DECLS

#define WB_TYPE_RETENTION_PAGE (wb_retention_page_get_type ())

G_DECLARE_FINAL_TYPE (WbRetentionPage, wb_retention_page, WB, RETENTION_PAGE, AdwBin)

/* Shows @engagement (NULL when it is locked). Called again with the same engagement
 * after every committed change: a refresh must keep what the user is typing. */
void wb_retention_page_set_engagement (WbRetentionPage *self,
                                       WbEngagement *engagement);
/* TRUE while the destruction record is being signed and written (the tests wait). */
gboolean    wb_retention_page_is_busy (WbRetentionPage *self);
/* What the "Keep Until" row says. */
const char *wb_retention_page_get_end_text (WbRetentionPage *self);

G_END_DECLS

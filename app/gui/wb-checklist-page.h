/* wb-checklist-page.h — the friendly-hack checklist: consent per item, targets, records
 *
 * What "werkbank-cli friendly-hack items/target/record" does, as a page: an item the
 * signed agreement does not list is shown disabled with the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-engagement.h"

G_BEGIN_DECLS

#define WB_TYPE_CHECKLIST_PAGE (wb_checklist_page_get_type ())

G_DECLARE_FINAL_TYPE (WbChecklistPage, wb_checklist_page, WB, CHECKLIST_PAGE, GtkBox)

/* Widget names, for the test driver: "item-<id>" (the expander row), "consent-<id>",
 * "outcome-<id>", "save-<id>" (the Save Record button). */
GtkWidget *wb_checklist_page_new            (void);
/* Same engagement again (after a change): keeps what is being typed. */
void       wb_checklist_page_set_engagement (WbChecklistPage *self,
                                             WbEngagement    *engagement);

G_END_DECLS

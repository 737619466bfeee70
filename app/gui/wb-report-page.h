/* wb-report-page.h — the engagement's "Report" page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-engagement.h"

G_BEGIN_DECLS

#define WB_TYPE_REPORT_PAGE (wb_report_page_get_type ())

G_DECLARE_FINAL_TYPE (WbReportPage, wb_report_page, WB, REPORT_PAGE, AdwBin)

/* Shows @engagement (NULL when it is locked). Called again with the same engagement
 * after every committed change: a refresh must keep what the user is typing. */
void wb_report_page_set_engagement (WbReportPage *self,
                                    WbEngagement *engagement);

/* TRUE while a report is rendered, signed or read back (the test driver waits on it). */
gboolean wb_report_page_is_busy             (WbReportPage *self);
guint    wb_report_page_get_n_preview_pages (WbReportPage *self);
/* What the signature rows say ("title | details"), for the tests; NULL-terminated. */
const char * const *wb_report_page_get_signature_texts (WbReportPage *self);
/* The status line above the signatures (an error is shown there too). */
const char *wb_report_page_get_status (WbReportPage *self);

G_END_DECLS

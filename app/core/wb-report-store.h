/* wb-report-store.h — the report PDF kept inside the encrypted engagement, and signing it
 *
 * Students render and sign the report at the client's site; the teacher opens the same
 * engagement later at school and certifies it. Between those moments the PDF must not
 * lie around as a plaintext file, so the latest rendered (or signed) report is a vault
 * attachment named "werkbank-report-YYYY-MM-DD.pdf" (the report's date, which the
 * retention period counts from). Storing a new version deletes the older ones once the
 * new one is committed. Exporting writes a copy where the user chooses.
 *
 * Signing follows one order: the team signs first (approval), the teacher last
 * (certification). wb_report_check_sign_order() says in plain words why a signature is
 * not possible now; wb_report_sign_pdf() applies it, so the GUI and the CLI cannot
 * differ. Both work on bytes only (no engagement): safe in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-engagement.h"
#include "wb-identity.h"

G_BEGIN_DECLS

#define WB_REPORT_STORE_ERROR (wb_report_store_error_quark ())
GQuark wb_report_store_error_quark (void);

typedef enum {
  WB_REPORT_STORE_ERROR_NOT_FOUND, /* no report stored in the engagement yet */
  WB_REPORT_STORE_ERROR_ORDER,     /* this signature is not possible now (order rule) */
  WB_REPORT_STORE_ERROR_INVALID,   /* a date or a stored file is malformed */
} WbReportStoreError;

#define WB_REPORT_CONTENT_TYPE "application/pdf"

/* Stores @pdf as the engagement's report for @date (YYYY-MM-DD) and deletes earlier
 * stored reports after the new one is committed. */
gboolean  wb_report_store_pdf (WbEngagement  *engagement,
                               GBytes        *pdf,
                               const char    *date,
                               GError       **error);
/* The latest stored report, and its date (optional, newly allocated). NULL with
 * WB_REPORT_STORE_ERROR_NOT_FOUND when none was stored. */
GBytes   *wb_report_load_pdf  (WbEngagement  *engagement,
                               char         **out_date,
                               GError       **error);
gboolean  wb_report_has_stored_pdf (WbEngagement *engagement);

/* Signatures in @pdf as the order rule counts them. */
typedef struct {
  guint    n_signatures;
  gboolean team_signed;      /* an approval signature is present */
  gboolean teacher_signed;   /* a certification signature is present */
} WbReportSignState;

/* Fills @state from @pdf (without checking the signatures' validity). FALSE only
 * when @pdf cannot be read as a PDF. */
gboolean  wb_report_get_sign_state (GBytes *pdf, WbReportSignState *state, GError **error);

/* TRUE when @role may sign @pdf now; otherwise WB_REPORT_STORE_ERROR_ORDER with the
 * reason in plain words (the team signs first and once; the teacher certifies after
 * the team, once; nothing is signed on top of a broken or changed signature). */
gboolean  wb_report_check_sign_order (GBytes *pdf, WbIdentityRole role, GError **error);

/* Checks the order and signs @pdf with @identity in the report's box for its role:
 * the team's approval, or the teacher's certification. Returns the signed PDF. */
GBytes   *wb_report_sign_pdf (GBytes *pdf, WbIdentity *identity, GError **error);

/* The end of the retention period: @report_date plus the agreement's retention months
 * (calendar months, clamped to the month's end, as the report's retention section
 * computes it). NULL when no period was agreed or @report_date is not a date. */
char     *wb_report_retention_end (WbEngagement *engagement, const char *report_date);

G_END_DECLS

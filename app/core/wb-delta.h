/* wb-delta.h — what changed since the previous scan of the same company
 *
 * Findings are matched by check id and asset: per pair, fixed (only in the previous
 * scan), still open (in both) or new (only now). docs/report-anatomy.md "Since last time".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-engagement.h"

G_BEGIN_DECLS

#define WB_DELTA_ERROR (wb_delta_error_quark ())
GQuark wb_delta_error_quark (void);

typedef enum {
  WB_DELTA_ERROR_OTHER_COMPANY, /* the previous engagement is of another company */
  WB_DELTA_ERROR_NO_COMPANY,    /* one of the two has no company recorded */
} WbDeltaError;

typedef enum {
  WB_DELTA_NEW,
  WB_DELTA_STILL_OPEN,
  WB_DELTA_FIXED,
} WbDeltaStatus;

const char *wb_delta_status_to_string (WbDeltaStatus status); /* "new", "still-open", "fixed" */
const char *wb_delta_status_get_label (WbDeltaStatus status); /* translated */

typedef struct {
  WbDeltaStatus status;
  char         *check_id;
  char         *asset;  /* "" when the finding names no asset */
  char         *title;  /* the current finding's title, or the previous one's if fixed */
} WbDeltaItem;

void       wb_delta_item_free (WbDeltaItem *item);
/* New array of WbDeltaItem: new first, then still open, then fixed; within each by check
 * id and asset. Refuses two engagements of different companies (KvK, or the name when
 * either has no KvK). */
GPtrArray *wb_delta_compute (WbEngagement *current, WbEngagement *previous, GError **error);
/* Counts per status, for a summary line. */
void       wb_delta_count (GPtrArray *items, guint *n_new, guint *n_open, guint *n_fixed);

G_END_DECLS

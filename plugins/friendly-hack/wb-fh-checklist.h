/* wb-fh-checklist.h — the friendly-hack checklist and who may do which item
 *
 * Every item needs explicit consent (domain.md "Friendly-hack checklist"). An item is
 * available only when the agreement's scope lists it as a plugin entry
 * "friendly-hack.<item>" (besides "friendly-hack" itself); see docs/friendly-hack.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wb-agreement.h"
#include "wb-finding.h"
#include "wb-scope.h"

G_BEGIN_DECLS

#define WB_FH_PLUGIN_ID "friendly-hack"

typedef struct {
  const char *id;         /* "tailgating" */
  const char *title;      /* N_() */
  const char *how;        /* N_(): what the student does, for the student */
  const char *risk;       /* N_(): the risk when it fails, for the company */
  const char *step;       /* N_(): what to do about it */
  WbSeverity  severity;   /* when it fails */
  WbOwner     owner;
  gboolean    automated;  /* run by the plugin (website, mail domain) */
} WbFhItem;

const WbFhItem *wb_fh_items (guint *n_items);
const WbFhItem *wb_fh_item_lookup (const char *id);

/* The scope of a signed @agreement (transfer none), or NULL with WB_SCOPE_ERROR_ACTIVITY
 * when it is not signed yet: then no item may be done. */
WbScope        *wb_fh_signed_scope (WbAgreement *agreement, GError **error);

/* Is @item agreed in @scope? FALSE with WB_SCOPE_ERROR_ACTIVITY and a message that
 * names the scope entry to add. */
gboolean        wb_fh_item_allowed (WbScope *scope, const char *item, GError **error);

/* A record of one item (stored in "records", keyed by item id):
 * { "consent_by", "consent_date", "done_by", "when", "outcome": "pass|fail|not-done",
 *   "notes", "evidence": [attachment ids] }. Strict; FALSE with an error naming it. */
gboolean        wb_fh_record_validate (const char *item, JsonNode *record, GError **error);

/* Findings for failed manual items, and the checklist table for the report. */
GPtrArray      *wb_fh_records_findings (JsonNode *records);
JsonNode       *wb_fh_checklist_section (WbScope *scope, JsonNode *records);

G_END_DECLS

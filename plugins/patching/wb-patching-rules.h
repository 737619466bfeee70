/* wb-patching-rules.h — from versions seen to findings, tables and a score
 *
 * A pure function of its input (the network plugin's "hosts", the imported software
 * lists, the end-of-life data and the day), so a test can give it anything and check
 * what comes out. See docs/patching.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wb-eol.h"
#include "wb-finding.h"
#include "wb-score.h"

G_BEGIN_DECLS

typedef struct {
  GPtrArray *findings;  /* of WbFinding */
  JsonNode  *sections;  /* "report-sections": [{title, columns, rows, note}] */
  JsonNode  *score;     /* {"light", "percent", "knockouts_failed", "unknown"} */
  guint      n_checked; /* software versions looked up */
  WbScore    check_score; /* the version checks alone */
} WbPatchingResult;

void wb_patching_result_free (WbPatchingResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbPatchingResult, wb_patching_result_free)

/* @hosts: the network plugin's "hosts" array or NULL; @inventories: this plugin's
 * "inventory" array (werkbank-cli patching import) or NULL; @today "YYYY-MM-DD". */
WbPatchingResult *wb_patching_assess (WbEolData  *eol,
                                      JsonNode   *hosts,
                                      JsonNode   *inventories,
                                      const char *today);

/* The version checks' score answers (kept with the result), added to @score; and a
 * WbScore as the stored "score" node. */
void      wb_patching_score_add (WbPatchingResult *result, WbScore *score);
JsonNode *wb_patching_score_node (const WbScore *score);

/* The product id in the end-of-life data for a program's name in a software list, and
 * the version to look up (from the name for Office and Exchange), or NULL. */
const char *wb_patching_product_for_name (const char *name, const char *version,
                                          char **lookup_version);

G_END_DECLS

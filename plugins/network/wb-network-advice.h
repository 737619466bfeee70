/* wb-network-advice.h — the advice texts of the network checks, from advice.json
 *
 * The texts live in a content file beside the plugin (design.md §5), keyed by check id,
 * in English; they are translated through gettext when a finding is made. The file is
 * checked strictly when it is loaded: a broken file gives an error that names the file
 * and the problem, and no run starts with half the advice missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-finding.h"

G_BEGIN_DECLS

typedef struct {
  char        *check_id;
  char        *title;           /* English source */
  WbSeverity   severity;
  char        *severity_reason; /* English source */
  WbConfidence confidence;      /* automated (an active check) or banner */
  WbAdvice    *advice;          /* English source */
} WbNetworkCheck;

/* Every check id the rules can raise, in report order; NULL-terminated. A function, not
 * a global: werkbank-cli links this code and loads the plugin too, and two copies of one
 * global variable in one process are an ODR violation. */
const char * const *wb_network_check_ids (void);

/* Loads and validates @path; returns check id → WbNetworkCheck (owned by the table). */
GHashTable *wb_network_advice_load (const char *path, GError **error);
GHashTable *wb_network_advice_load_data (const char *data, gssize len, const char *name,
                                         GError **error);

/* A new finding for @check with its texts translated; assets and evidence are added by
 * the caller. */
WbFinding  *wb_network_check_new_finding (const WbNetworkCheck *check);

G_END_DECLS

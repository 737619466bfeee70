/* wb-finding-merge-private.h — which findings of different plugins say the same thing
 *
 * The network plugin and the access-control plugin both look at exposed services: the
 * same RDP port on the same host becomes two findings. These helpers recognise such
 * pairs (a small table of equivalent check ids, plus the host the assets name) and fold
 * one finding into another. The engagement uses them for finding.merge events and to
 * keep merged findings merged when a plugin runs again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-finding.h"

G_BEGIN_DECLS

/* The service both plugins' checks name ("rdp", "telnet", ...), or NULL when the check
 * has no equivalent in another plugin. */
const char *wb_merge_check_key (const char *check_id);

/* The host an asset names, lower case, without port or URL parts:
 * "198.18.0.20:3389" and "http://NAS.local:5000/" give "198.18.0.20" and "nas.local".
 * Newly allocated; NULL for an empty asset. */
char       *wb_merge_asset_host (const char *asset);

/* The hosts of a finding's assets, without doubles. */
GStrv       wb_merge_finding_hosts (WbFinding *finding);
gboolean    wb_merge_hosts_overlap (const char * const *a, const char * const *b);

/* Whether @candidate is a new run's version of @absorbed: same plugin, same check, and
 * a host in common (or neither names a host). */
gboolean    wb_merge_is_same (WbFinding *absorbed, WbFinding *candidate);

/* Adds @other's assets on hosts @keep does not list yet, and its evidence lines that
 * @keep does not have yet. Severity, title and advice stay @keep's. */
void        wb_merge_fold (WbFinding *keep, WbFinding *other);

/* Suggested groups among @findings (of WbFinding): findings of different plugins whose
 * checks are equivalent and which share a host. Each group is a GStrv of finding ids,
 * the suggested one to keep first (highest severity, then most assets, then the one
 * found first). A new array of GStrv. */
GPtrArray  *wb_merge_find_groups (GPtrArray *findings);

G_END_DECLS

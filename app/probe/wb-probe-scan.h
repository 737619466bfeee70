/* wb-probe-scan.h — discovery, SYN scan and UDP probes over libpcap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <signal.h>
#include "wb-probe-job.h"

G_BEGIN_DECLS

typedef struct _WbProbeScan WbProbeScan;

/* Finds the interface, its address and the gateway, and opens the capture. Sends
 * nothing except, for routed targets, ARP requests for the gateway. Errors:
 * WB_PROBE_ERROR_INTERFACE, _NO_CAPABILITY, _OUT_OF_SCOPE (the subnet's own network
 * or broadcast address). */
WbProbeScan *wb_probe_scan_new (WbProbeJob *job, volatile sig_atomic_t *stop,
                                GError **error);
/* Runs the scan, writing events; returns the exit code (0, 1 or 7). */
int          wb_probe_scan_run (WbProbeScan *scan);
void         wb_probe_scan_free (WbProbeScan *scan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbProbeScan, wb_probe_scan_free)

G_END_DECLS

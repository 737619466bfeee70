/* wb-probe-job.h — the one job werkbank-probe reads (docs/probe-protocol.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "wb-scope.h"
#include "wb-probe-packet.h"

G_BEGIN_DECLS

#define WB_PROBE_PROTOCOL_VERSION 1
#define WB_PROBE_JOB_MAX_BYTES (1024 * 1024)
#define WB_PROBE_MAX_TARGETS (1u << 20)
#define WB_PROBE_MAX_TARGET_ENTRIES 64

#define WB_PROBE_ERROR (wb_probe_error_quark ())
GQuark wb_probe_error_quark (void);

/* Each code is an "error" event code and an exit code (docs/probe-protocol.md). */
typedef enum {
  WB_PROBE_ERROR_CAPTURE = 1,
  WB_PROBE_ERROR_BAD_JOB = 2,
  WB_PROBE_ERROR_NO_CAPABILITY = 3,
  WB_PROBE_ERROR_OUT_OF_SCOPE = 4,
  WB_PROBE_ERROR_INTERFACE = 5,
  WB_PROBE_ERROR_ACTIVITY = 6,   /* exit code 4 like out-of-scope */
} WbProbeError;

const char *wb_probe_error_code (int code);   /* "bad-job", ... */
int         wb_probe_error_exit_code (int code);

typedef struct {
  char     *interface;          /* NULL: pick by route */
  WbScope  *scope;
  GArray   *targets;            /* guint32, network order, ascending by value, unique */
  gboolean  discovery_none;     /* empty "discovery": every target is assumed up */
  gboolean  discovery_arp;
  gboolean  discovery_icmp;
  GArray   *syn_ping_ports;     /* guint16 */
  GArray   *ack_ping_ports;     /* guint16 */
  GArray   *ports;              /* guint16, ascending */
  gboolean  udp[WB_UDP_N_SERVICES];
  guint     n_udp;
  guint     rate;
  guint     retries;
  guint     max_rtt_ms;
} WbProbeJob;

/* Parses and validates @text, and checks every target address against the job's scope.
 * NULL with a WB_PROBE_ERROR and a translated message naming the problem. */
WbProbeJob *wb_probe_job_parse (const char *text, gsize len, GError **error);
void        wb_probe_job_free (WbProbeJob *job);
/* Addresses never probed, whatever the scope says: 0/8, loopback, multicast, reserved
 * and limited broadcast. */
gboolean    wb_probe_address_is_special (guint32 be);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbProbeJob, wb_probe_job_free)

G_END_DECLS

/* wb-probe-events.h — the JSON-lines events on stdout (docs/probe-protocol.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void wb_probe_events_init (void);
void wb_probe_events_flush (void);
/* FALSE once stdout is gone (the reader exited): the scan should stop. */
gboolean wb_probe_events_ok (void);

void wb_probe_emit_error (const char *code, const char *message, const char *address);
void wb_probe_emit_start (const char *interface, guint32 source, guint n_targets,
                          guint n_ports, const char * const *udp, guint rate,
                          guint retries);
void wb_probe_emit_host (guint32 address, const char *method, const guint8 *mac,
                         double rtt_ms);
void wb_probe_emit_port (guint32 address, guint16 port, gboolean open, guint8 ttl);
void wb_probe_emit_udp (guint32 address, guint16 port, const char *service,
                        const char *detail_json);
void wb_probe_emit_summary (guint32 address, guint open, guint closed, guint filtered);
void wb_probe_emit_progress (double fraction, guint64 sent);
void wb_probe_emit_done (guint hosts_up, guint64 open, guint64 closed, guint64 sent,
                         guint64 received, double seconds, gboolean stopped);

G_END_DECLS

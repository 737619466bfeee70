/* wb-network-grab.h — connecting to open ports to read what they say
 *
 * Ordinary, unprivileged connections through GIO (GSocketClient, GTlsClientConnection
 * via glib-networking). Blocking, for a worker thread: every read is bounded in bytes
 * (WB_GRAB_MAX_BYTES) and time (a per-read timeout and a deadline per port), so a
 * service that trickles one byte a second or sends megabytes of rubbish costs at most
 * a few seconds and a few kilobytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WB_GRAB_MAX_BYTES 16384
#define WB_GRAB_READ_TIMEOUT_S 3
#define WB_GRAB_DEADLINE_MS 6000

/* Reads the service at @address:@port (TCP) and sets what it learned in @port (a port
 * object of the "hosts" data: service, product, version, banner, http, tls, smb, rdp,
 * ftp_anonymous). @active_checks allows the anonymous FTP login. */
void        wb_network_grab (const char   *address,
                             guint         port,
                             gboolean      active_checks,
                             JsonObject   *result,
                             GCancellable *cancellable);

/* werkbank-tls-check's path: with it, TLS services that negotiate TLS 1.2 or newer are
 * also asked whether they still accept TLS 1.0/1.1 (tls "old_offered"). NULL: not asked. */
void        wb_network_grab_set_tls_helper (const char *path);

/* The usual service name of a TCP port (nmap-services), or NULL. */
const char *wb_network_service_for_port (guint port);

G_END_DECLS

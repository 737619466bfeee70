/* wb-network-tls-check.c — werkbank-tls-check: does a service still accept old TLS?
 *
 * Usage: werkbank-tls-check ADDRESS PORT. Makes one TLS handshake and prints the version
 * negotiated ("TLS 1.0"), or nothing when the handshake fails; exit 0 on a handshake, 1
 * otherwise, 2 on wrong use. The network plugin runs it with G_TLS_GNUTLS_PRIORITY
 * limited to TLS 1.0 and 1.1: glib-networking reads that variable once per process, so a
 * connection restricted to old versions needs a process of its own. Unprivileged; every
 * step is bounded by the socket timeout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>

#include "wb-network-banner.h"

#define TIMEOUT_S 3

static gboolean
on_accept_certificate (GTlsConnection *tls, GTlsCertificate *certificate,
                       GTlsCertificateFlags errors, gpointer user_data)
{
  return TRUE; /* only the protocol version matters here */
}

int
main (int argc, char **argv)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketAddress) target = NULL;
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GIOStream) tls = NULL;
  const char *version;
  gint64 port;

  if (argc != 3)
    return 2;
  port = g_ascii_strtoll (argv[2], NULL, 10);
  if (port < 1 || port > 65535)
    return 2;
  target = g_inet_socket_address_new_from_string (argv[1], port);
  if (target == NULL)
    return 2;
  g_socket_client_set_timeout (client, TIMEOUT_S);
  connection = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (target), NULL, NULL);
  if (connection == NULL)
    return 1;
  tls = g_tls_client_connection_new (G_IO_STREAM (connection), NULL, NULL);
  if (tls == NULL)
    return 1;
  g_signal_connect (tls, "accept-certificate", G_CALLBACK (on_accept_certificate), NULL);
  if (!g_tls_connection_handshake (G_TLS_CONNECTION (tls), NULL, NULL))
    return 1;
  version = wb_tls_version_name (g_tls_connection_get_protocol_version (G_TLS_CONNECTION (tls)));
  if (version == NULL)
    return 1;
  g_print ("%s\n", version);
  return 0;
}

/* wb-access-checks.c — the automated access-control checks that run from the laptop
 *
 * Each check does the least that proves the point: a TCP connect for exposed services,
 * the FTP login as "anonymous" (what anonymous FTP means, no password guessed), one SNMP
 * GetRequest with the community "public", one HTTP GET of "/" to recognise an admin page.
 * No password is ever tried.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wb-access-checks.h"

#define TIMEOUT_S 1         /* a LAN answers well within this */
#define MAX_THREADS 32
#define MAX_REPLY 4096      /* we read one banner or page head, never more */
#define CANARY_PORT 1       /* tcpmux: closed on every host a small company has */

static const char * const check_ids[] = {
  "access-control.anonymous-ftp", "access-control.telnet-open",
  "access-control.snmp-public", "access-control.rdp-reachable",
  "access-control.smb-reachable", "access-control.vnc-reachable",
  "access-control.database-reachable", "access-control.admin-page",
};

G_STATIC_ASSERT (G_N_ELEMENTS (check_ids) == WB_ACCESS_N_CHECKS);

/* TCP ports probed when the network scan has not said which are open. */
static const guint usual_ports[] = { 21, 23, 80, 443, 445, 1433, 3306, 3389, 5432, 5900,
                                     6379, 8080, 27017 };

/* What an admin page of a small-office device says about itself. */
static const char * const admin_markers[] = {
  "RouterOS", "MikroTik", "FRITZ!Box", "Synology", "DiskStation", "QNAP", "LaserJet",
  "Brother", "EWS", "Epson", "Kyocera", "Hikvision", "Dahua", "TP-LINK", "TP-Link",
  "Netgear", "NETGEAR", "DrayTek", "Vigor", "Ubiquiti", "UniFi", "pfSense", "OpenWrt",
  "LuCI", "ZyXEL", "Zyxel", "Printer", "Router", "NAS",
};

const char *
wb_access_check_id (WbAccessCheck check)
{
  return check_ids[check];
}

void
wb_access_result_free (WbAccessResult *result)
{
  g_free (result->address);
  g_free (result->detail);
  g_free (result);
}

void
wb_access_target_free (WbAccessTarget *target)
{
  g_free (target->address);
  g_clear_pointer (&target->open_ports, g_array_unref);
  g_free (target);
}

/* Sets *timed_out when nothing answered at all (no host there, or a firewall that
 * drops): then the other ports need not be tried. */
static GSocketConnection *
tcp_connect (const char *address, guint port, gboolean *timed_out, GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) sockaddr = NULL;

  if (inet == NULL)
    return NULL;
  sockaddr = g_inet_socket_address_new (inet, port);
  g_socket_client_set_timeout (client, TIMEOUT_S);
  connection = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (sockaddr), cancellable,
                                        &error);
  *timed_out = connection == NULL &&
               (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
                g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
                g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE));
  return connection;
}

/* One line (up to CRLF) from a server; bounded, and only printable text is kept. */
static char *
read_line (GInputStream *in, GCancellable *cancellable)
{
  GString *line = g_string_new (NULL);
  char c;

  while (line->len < 512 && g_input_stream_read (in, &c, 1, cancellable, NULL) == 1)
    {
      if (c == '\n')
        break;
      if (g_ascii_isprint (c))
        g_string_append_c (line, c);
    }
  return g_string_free (line, FALSE);
}

/* FTP replies may span lines ("230-..."); we want the final "NNN " line. */
static char *
ftp_reply (GInputStream *in, GCancellable *cancellable)
{
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *line = read_line (in, cancellable);

      if (*line == '\0')
        return NULL;
      if (strlen (line) >= 4 && g_ascii_isdigit (line[0]) && line[3] == ' ')
        return g_steal_pointer (&line);
    }
  return NULL;
}

static gboolean
ftp_send (GOutputStream *out, const char *command, GCancellable *cancellable)
{
  return g_output_stream_write_all (out, command, strlen (command), NULL, cancellable, NULL);
}

static char *
check_anonymous_ftp (GSocketConnection *connection, GCancellable *cancellable)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *banner = ftp_reply (in, cancellable);
  g_autofree char *user = NULL, *pass = NULL;

  if (banner == NULL || !g_str_has_prefix (banner, "220"))
    return NULL;
  if (!ftp_send (out, "USER anonymous\r\n", cancellable) ||
      (user = ftp_reply (in, cancellable)) == NULL)
    return NULL;
  if (g_str_has_prefix (user, "230"))
    return g_strdup (banner);
  if (!g_str_has_prefix (user, "331") ||
      !ftp_send (out, "PASS werkbank@example.invalid\r\n", cancellable) ||
      (pass = ftp_reply (in, cancellable)) == NULL || !g_str_has_prefix (pass, "230"))
    return NULL;
  ftp_send (out, "QUIT\r\n", cancellable);
  return g_strdup (banner);
}

static char *
check_admin_page (GSocketConnection *connection, const char *address, guint port,
                  GCancellable *cancellable)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *request = g_strdup_printf ("GET / HTTP/1.0\r\nHost: %s\r\n"
                                              "User-Agent: Werkbank\r\n\r\n", address);
  char buffer[MAX_REPLY + 1];
  gsize n = 0;

  if (!g_output_stream_write_all (out, request, strlen (request), NULL, cancellable, NULL) ||
      !g_input_stream_read_all (in, buffer, MAX_REPLY, &n, cancellable, NULL) ||
      n < 12 || !g_str_has_prefix (buffer, "HTTP/"))
    return NULL;
  buffer[n] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (admin_markers); i++)
    if (strstr (buffer, admin_markers[i]) != NULL)
      return g_strdup (admin_markers[i]);
  return NULL;
}

/* SNMPv1 GetRequest, community "public", for sysDescr.0 (1.3.6.1.2.1.1.1.0). */
static const guint8 snmp_get[] = {
  0x30, 0x26, 0x02, 0x01, 0x00, 0x04, 0x06, 'p', 'u', 'b', 'l', 'i', 'c',
  0xa0, 0x19, 0x02, 0x01, 0x01, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00,
  0x30, 0x0e, 0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x01, 0x00,
  0x05, 0x00,
};

/* A reply counts when it is a SNMP message with our community and a GetResponse PDU:
 * a host without SNMP (or with another community) stays silent or says nothing. */
static gboolean
is_snmp_response (const guint8 *data, gssize n)
{
  return n >= 15 && data[0] == 0x30 && data[2] == 0x02 && data[3] == 0x01 &&
         data[5] == 0x04 && data[6] == 6 && memcmp (data + 7, "public", 6) == 0 &&
         data[13] == 0xa2;
}

static char *
check_snmp_public (const char *address, GCancellable *cancellable)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) sockaddr = NULL;
  g_autoptr(GSocket) socket = NULL;
  guint8 reply[1500];
  gssize n;

  if (inet == NULL)
    return NULL;
  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_DATAGRAM,
                         G_SOCKET_PROTOCOL_UDP, NULL);
  if (socket == NULL)
    return NULL;
  sockaddr = g_inet_socket_address_new (inet, 161);
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      if (g_socket_send_to (socket, sockaddr, (const char *) snmp_get, sizeof snmp_get,
                            cancellable, NULL) < 0)
        return NULL;
      if (!g_socket_condition_timed_wait (socket, G_IO_IN, TIMEOUT_S * G_USEC_PER_SEC / 2,
                                          cancellable, NULL))
        continue;
      n = g_socket_receive (socket, (char *) reply, sizeof reply, cancellable, NULL);
      if (is_snmp_response (reply, n))
        return g_strdup ("community public");
      return NULL;
    }
  return NULL;
}

static WbAccessCheck
check_for_port (guint port)
{
  switch (port)
    {
    case 3389: return WB_ACCESS_RDP;
    case 445: case 139: return WB_ACCESS_SMB;
    case 5900: case 5901: return WB_ACCESS_VNC;
    case 1433: case 3306: case 5432: case 6379: case 27017: return WB_ACCESS_DATABASE;
    default: return WB_ACCESS_N_CHECKS;
    }
}

static void
add_result (GPtrArray *results, WbAccessCheck check, const char *address, guint port,
            char *detail)
{
  WbAccessResult *result = g_new0 (WbAccessResult, 1);

  result->check = check;
  result->address = g_strdup (address);
  result->port = port;
  result->detail = detail;
  g_ptr_array_add (results, result);
}

static gboolean
check_port (WbAccessTarget *target, guint port, GPtrArray *results, GCancellable *cancellable)
{
  gboolean timed_out = FALSE;
  g_autoptr(GSocketConnection) connection = tcp_connect (target->address, port, &timed_out,
                                                         cancellable);
  WbAccessCheck check = check_for_port (port);
  char *detail = NULL;

  if (connection == NULL)
    return !timed_out;
  if (port == 21 && (detail = check_anonymous_ftp (connection, cancellable)) != NULL)
    add_result (results, WB_ACCESS_ANONYMOUS_FTP, target->address, port, detail);
  else if (port == 23)
    add_result (results, WB_ACCESS_TELNET, target->address, port, NULL);
  else if ((port == 80 || port == 8080) &&
           (detail = check_admin_page (connection, target->address, port, cancellable)))
    add_result (results, WB_ACCESS_ADMIN_PAGE, target->address, port, detail);
  else if (check != WB_ACCESS_N_CHECKS)
    add_result (results, check, target->address, port, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

typedef struct {
  WbAccessTarget *target;
  GPtrArray      *results;  /* this target's own: no locking needed */
  GCancellable   *cancellable;
} Job;

static void
run_job (gpointer data, gpointer user_data)
{
  Job *job = data;
  WbAccessTarget *target = job->target;
  char *snmp;

  if (target->open_ports != NULL)
    for (guint i = 0; i < target->open_ports->len; i++)
      check_port (target, g_array_index (target->open_ports, guint, i), job->results,
                  job->cancellable);
  else
    {
      gboolean timed_out = FALSE;
      g_autoptr(GSocketConnection) canary = tcp_connect (target->address, CANARY_PORT,
                                                         &timed_out, job->cancellable);

      /* Nobody home: a silent address costs one timeout, not thirteen. A connection
       * to a port nothing listens on means a middlebox (transparent proxy, SYN proxy)
       * answers for every port: its "open" ports say nothing about the host. */
      if (canary != NULL || timed_out)
        return;
      for (guint i = 0; i < G_N_ELEMENTS (usual_ports); i++)
        check_port (target, usual_ports[i], job->results, job->cancellable);
    }
  /* UDP: the network scan may not have looked, so we always ask once. */
  if ((snmp = check_snmp_public (target->address, job->cancellable)) != NULL)
    add_result (job->results, WB_ACCESS_SNMP_PUBLIC, target->address, 161, snmp);
}


static void
ensure_socket_classes (void)
{
  const GType types[] = {
    G_TYPE_SOCKET, G_TYPE_SOCKET_CLIENT, G_TYPE_SOCKET_CONNECTION, G_TYPE_TCP_CONNECTION,
    G_TYPE_SOCKET_ADDRESS, G_TYPE_INET_SOCKET_ADDRESS, G_TYPE_INET_ADDRESS,
    G_TYPE_PROXY_RESOLVER, G_TYPE_SOCKET_ADDRESS_ENUMERATOR,
  };

  /* The references are kept on purpose: the classes live as long as the process. */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (G_TYPE_IS_CLASSED (types[i]))
      g_type_class_ref (types[i]);
    else
      g_type_ensure (types[i]);
}

GPtrArray *
wb_access_checks_run (GPtrArray *targets, GCancellable *cancellable)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_access_result_free);
  g_autofree Job *jobs = g_new0 (Job, targets->len);
  GThreadPool *pool;

  /* GLib 2.74 can deadlock when several threads create the first instance of a GIO
   * socket type at once (g_type_class_ref against g_once_init_enter in
   * g_socket_address_get_type; seen hanging the lab test): set the classes up here, in
   * one thread, before the workers start. */
  ensure_socket_classes ();
  /* An exclusive pool: its own threads cannot be lent away or starved. */
  pool = g_thread_pool_new (run_job, NULL,
                                         (gint) CLAMP (targets->len, 1, MAX_THREADS), TRUE,
                                         NULL);

  for (guint i = 0; i < targets->len; i++)
    {
      jobs[i].target = g_ptr_array_index (targets, i);
      jobs[i].results = g_ptr_array_new ();
      jobs[i].cancellable = cancellable;
      g_thread_pool_push (pool, &jobs[i], NULL);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  for (guint i = 0; i < targets->len; i++)
    {
      g_ptr_array_extend_and_steal (results, jobs[i].results);
    }
  return results;
}

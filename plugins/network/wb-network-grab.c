/* wb-network-grab.c — connecting to open ports to read what they say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wb-network-banner.h"
#include "wb-network-grab.h"

typedef enum {
  GRAB_GENERIC,
  GRAB_SSH,
  GRAB_FTP,
  GRAB_TELNET,
  GRAB_SMTP,
  GRAB_HTTP,
  GRAB_HTTPS,
  GRAB_SMB,
  GRAB_RDP,
  GRAB_VNC,
  GRAB_MYSQL,
  GRAB_TLS,
  GRAB_NONE,   /* presence only: speaking to it tells us nothing safely */
} GrabKind;

static const struct { guint port; const char *service; GrabKind kind; } known_ports[] = {
  { 21, "ftp", GRAB_FTP },
  { 22, "ssh", GRAB_SSH },
  { 23, "telnet", GRAB_TELNET },
  { 25, "smtp", GRAB_SMTP },
  { 53, "domain", GRAB_NONE },
  { 80, "http", GRAB_HTTP },
  { 81, "http", GRAB_HTTP },
  { 110, "pop3", GRAB_GENERIC },
  { 139, "netbios-ssn", GRAB_NONE },
  { 143, "imap", GRAB_GENERIC },
  { 443, "https", GRAB_HTTPS },
  { 445, "microsoft-ds", GRAB_SMB },
  { 465, "smtps", GRAB_TLS },
  { 515, "printer", GRAB_NONE },
  { 587, "submission", GRAB_SMTP },
  { 631, "ipp", GRAB_HTTP },
  { 993, "imaps", GRAB_TLS },
  { 995, "pop3s", GRAB_TLS },
  { 1433, "ms-sql-s", GRAB_NONE },
  { 1900, "upnp", GRAB_HTTP },
  { 2869, "icslap", GRAB_HTTP },
  { 3306, "mysql", GRAB_MYSQL },
  { 3389, "ms-wbt-server", GRAB_RDP },
  { 5000, "upnp", GRAB_HTTP },
  { 5432, "postgresql", GRAB_NONE },
  { 5900, "vnc", GRAB_VNC },
  { 5901, "vnc-1", GRAB_VNC },
  { 5902, "vnc-2", GRAB_VNC },
  { 5903, "vnc-3", GRAB_VNC },
  { 6379, "redis", GRAB_NONE },
  { 8000, "http-alt", GRAB_HTTP },
  { 8008, "http", GRAB_HTTP },
  { 8080, "http-proxy", GRAB_HTTP },
  { 8081, "blackice-icecap", GRAB_HTTP },
  { 8443, "https-alt", GRAB_HTTPS },
  { 8888, "sun-answerbook", GRAB_HTTP },
  { 9100, "jetdirect", GRAB_NONE },
  { 9443, "tungsten-https", GRAB_HTTPS },
  { 27017, "mongod", GRAB_NONE },
};

const char *
wb_network_service_for_port (guint port)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_ports); i++)
    if (known_ports[i].port == port)
      return known_ports[i].service;
  return NULL;
}

static GrabKind
kind_for_port (guint port)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_ports); i++)
    if (known_ports[i].port == port)
      return known_ports[i].kind;
  return GRAB_GENERIC;
}

/* One conversation: the stream, its deadline, and the bytes read so far. */
typedef struct {
  GIOStream    *stream;
  GCancellable *cancellable;
  gint64        deadline;   /* monotonic µs */
  guint8        buf[WB_GRAB_MAX_BYTES];
  gsize         len;
} Conversation;

typedef gboolean (*EnoughFunc) (const guint8 *data, gsize len);

static gboolean
send_bytes (Conversation *c, const void *data, gsize len)
{
  return g_output_stream_write_all (g_io_stream_get_output_stream (c->stream), data, len,
                                    NULL, c->cancellable, NULL);
}

/* Reads until @enough says so, the buffer is full, the peer closes, a read times out,
 * or the deadline passes: whichever comes first. Starts from an empty buffer. */
static gsize
read_until (Conversation *c, EnoughFunc enough)
{
  GInputStream *in = g_io_stream_get_input_stream (c->stream);

  c->len = 0;
  while (c->len < sizeof c->buf && g_get_monotonic_time () < c->deadline)
    {
      gssize n = g_input_stream_read (in, c->buf + c->len, sizeof c->buf - c->len,
                                      c->cancellable, NULL);

      if (n <= 0)
        break;
      c->len += n;
      if (enough != NULL && enough (c->buf, c->len))
        break;
    }
  return c->len;
}

static gboolean
have_line (const guint8 *data, gsize len)
{
  return memchr (data, '\n', len) != NULL;
}

static gboolean
have_reply (const guint8 *data, gsize len)
{
  return wb_banner_reply_code (data, len) >= 0;
}

static gboolean
have_http (const guint8 *data, gsize len)
{
  return wb_banner_http_complete (data, len, 8192);
}

static gboolean
have_tpkt (const guint8 *data, gsize len)
{
  return len >= 4 && len >= (((gsize) data[2] << 8) | data[3]);
}

static gboolean
have_smb (const guint8 *data, gsize len)
{
  gsize need = wb_smb_message_length (data, len);

  return len >= 4 && (need == 0 || len >= need);
}

static gboolean
have_vnc (const guint8 *data, gsize len)
{
  return len >= 12;
}

static gboolean
have_mysql (const guint8 *data, gsize len)
{
  return len >= 4 && len >= 4 + (data[0] | (data[1] << 8) | ((gsize) data[2] << 16));
}

static void
set_info (JsonObject *result, WbBannerInfo *info)
{
  const struct { const char *member; char *value; } fields[] = {
    { "service", info->service }, { "product", info->product },
    { "version", info->version }, { "extra", info->extra }, { "banner", info->banner },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].value != NULL && *fields[i].value != '\0')
      json_object_set_string_member (result, fields[i].member, fields[i].value);
}

/* Anything that greets first: SSH, FTP, SMTP, POP3 ... on an unusual port. */
static void
grab_generic (Conversation *c, JsonObject *result)
{
  WbBannerInfo info = { 0 };

  read_until (c, have_line);
  if (c->len == 0)
    return;
  if (!wb_banner_parse_ssh (c->buf, c->len, &info) &&
      !wb_banner_parse_ftp (c->buf, c->len, &info) &&
      !wb_banner_parse_vnc (c->buf, c->len, &info))
    info.banner = wb_banner_sanitize (c->buf, c->len, WB_BANNER_MAX_CHARS);
  set_info (result, &info);
  wb_banner_info_clear (&info);
}

static void
grab_ssh (Conversation *c, JsonObject *result)
{
  WbBannerInfo info = { 0 };

  read_until (c, have_line);
  if (wb_banner_parse_ssh (c->buf, c->len, &info))
    set_info (result, &info);
  wb_banner_info_clear (&info);
}

/* RFC 1635: "anonymous" with any password; 230 means we are in. */
static void
ftp_try_anonymous (Conversation *c, JsonObject *result)
{
  static const char user[] = "USER anonymous\r\n";
  static const char pass[] = "PASS werkbank@example.invalid\r\n";
  int code;

  if (!send_bytes (c, user, strlen (user)) || read_until (c, have_reply) == 0)
    return;
  code = wb_banner_reply_code (c->buf, c->len);
  if (code == 331 && send_bytes (c, pass, strlen (pass)) && read_until (c, have_reply) > 0)
    code = wb_banner_reply_code (c->buf, c->len);
  if (code > 0)
    json_object_set_boolean_member (result, "ftp_anonymous", code == 230);
  send_bytes (c, "QUIT\r\n", 6);
}

static void
grab_ftp (Conversation *c, JsonObject *result, gboolean active_checks)
{
  WbBannerInfo info = { 0 };

  read_until (c, have_reply);
  if (wb_banner_parse_ftp (c->buf, c->len, &info))
    {
      set_info (result, &info);
      if (active_checks)
        ftp_try_anonymous (c, result);
    }
  wb_banner_info_clear (&info);
}

static void
grab_smtp (Conversation *c, JsonObject *result)
{
  WbBannerInfo info = { 0 };

  read_until (c, have_reply);
  if (wb_banner_parse_smtp (c->buf, c->len, &info))
    {
      set_info (result, &info);
      send_bytes (c, "QUIT\r\n", 6);
    }
  wb_banner_info_clear (&info);
}

static void
grab_telnet (Conversation *c, JsonObject *result)
{
  WbBannerInfo info = { 0 };

  /* Telnet servers negotiate options and then print a greeting or a login prompt; we
   * do not answer the negotiation, so we take what comes before the deadline. */
  c->deadline = MIN (c->deadline, g_get_monotonic_time () + 2 * G_USEC_PER_SEC);
  read_until (c, NULL);
  if (wb_banner_parse_telnet (c->buf, c->len, &info))
    set_info (result, &info);
  else
    json_object_set_string_member (result, "service", "telnet");
  wb_banner_info_clear (&info);
}

static void
grab_http (Conversation *c, JsonObject *result, const char *address)
{
  WbBannerInfo info = { 0 };
  WbHttpInfo http = { 0 };
  /* HTTP/1.0: no chunked encoding to undo, and the server closes when it is done. */
  g_autofree char *request =
    g_strdup_printf ("GET / HTTP/1.0\r\nHost: %s\r\nUser-Agent: Werkbank/%s\r\n"
                     "Accept: text/html\r\nConnection: close\r\n\r\n", address,
                     PACKAGE_VERSION);

  if (!send_bytes (c, request, strlen (request)))
    return;
  read_until (c, have_http);
  if (wb_banner_parse_http (c->buf, c->len, &http, &info))
    {
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "status", http.status);
      if (http.server)
        json_object_set_string_member (object, "server", http.server);
      if (http.powered_by)
        json_object_set_string_member (object, "powered_by", http.powered_by);
      if (http.title && *http.title)
        json_object_set_string_member (object, "title", http.title);
      if (http.location)
        json_object_set_string_member (object, "location", http.location);
      json_object_set_object_member (result, "http", object);
      g_clear_pointer (&info.banner, g_free); /* the status line says little */
      set_info (result, &info);
    }
  wb_http_info_clear (&http);
  wb_banner_info_clear (&info);
}

static const char *
smb_dialect_name (guint16 dialect)
{
  switch (dialect)
    {
    case 0x0100: return "NT LM 0.12";
    case 0x0202: return "2.0.2";
    case 0x0210: return "2.1";
    case 0x0300: return "3.0";
    case 0x0302: return "3.0.2";
    case 0x0311: return "3.1.1";
    case 0x02ff: return "2.1+";
    default: return NULL;
    }
}

static void
grab_smb (Conversation *c, JsonObject *result, gboolean first)
{
  gsize len;
  const guint8 *request = wb_smb_negotiate_request (!first, &len);
  guint16 dialect = 0;
  WbSmbAnswer answer;
  JsonObject *smb;

  if (!send_bytes (c, request, len))
    return;
  read_until (c, have_smb);
  answer = wb_banner_parse_smb (c->buf, c->len, &dialect);
  if (!json_object_has_member (result, "smb"))
    json_object_set_object_member (result, "smb", json_object_new ());
  smb = json_object_get_object_member (result, "smb");
  json_object_set_string_member (result, "service", "microsoft-ds");
  if (first)
    json_object_set_boolean_member (smb, "smb1", answer == WB_SMB_V1);
  else if (smb_dialect_name (dialect) != NULL)
    json_object_set_string_member (smb, "dialect", smb_dialect_name (dialect));
}

static void
grab_rdp (Conversation *c, JsonObject *result)
{
  gsize len;
  const guint8 *request = wb_rdp_connection_request (&len);
  guint32 protocol = 0;
  JsonObject *rdp;

  if (!send_bytes (c, request, len))
    return;
  read_until (c, have_tpkt);
  if (!wb_banner_parse_rdp (c->buf, c->len, &protocol))
    return;
  json_object_set_string_member (result, "service", "ms-wbt-server");
  rdp = json_object_new ();
  /* MS-RDPBCGR 2.2.1.2.1: PROTOCOL_RDP 0, SSL 1, HYBRID (NLA) 2, HYBRID_EX 8. */
  json_object_set_string_member (rdp, "protocol", protocol == 0 ? "rdp" :
                                 protocol == 1 ? "tls" : protocol == 2 ? "nla" :
                                 protocol == 8 ? "nla-ex" : "other");
  json_object_set_object_member (result, "rdp", rdp);
}

static gboolean
have_vnc_types (const guint8 *data, gsize len)
{
  return len >= 1 && len >= 1u + data[0];
}

/* RFB: answer the server's version with ours (3.8, or 3.3 for a 3.3 server) and read
 * the security types it offers; type 1 means anyone may watch the screen. */
static void
grab_vnc (Conversation *c, JsonObject *result, gboolean active_checks)
{
  WbBannerInfo info = { 0 };
  gboolean v3_3, no_auth = FALSE;
  JsonObject *vnc;

  read_until (c, have_vnc);
  if (!wb_banner_parse_vnc (c->buf, c->len, &info))
    {
      wb_banner_info_clear (&info);
      return;
    }
  set_info (result, &info);
  v3_3 = g_str_equal (info.version, "003.003");
  wb_banner_info_clear (&info);
  if (!active_checks || !send_bytes (c, v3_3 ? "RFB 003.003\n" : "RFB 003.008\n", 12))
    return;
  read_until (c, v3_3 ? have_vnc : have_vnc_types);
  if (!wb_banner_parse_vnc_security (c->buf, c->len, v3_3, &no_auth))
    return;
  vnc = json_object_new ();
  json_object_set_boolean_member (vnc, "no_auth", no_auth);
  json_object_set_object_member (result, "vnc", vnc);
}

static void
grab_simple (Conversation *c, JsonObject *result, EnoughFunc enough,
             gboolean (*parse) (const guint8 *, gsize, WbBannerInfo *))
{
  WbBannerInfo info = { 0 };

  read_until (c, enough);
  if (parse (c->buf, c->len, &info))
    set_info (result, &info);
  wb_banner_info_clear (&info);
}

/* ---- TLS ---- */

static gboolean
on_accept_certificate (GTlsConnection *tls, GTlsCertificate *certificate,
                       GTlsCertificateFlags errors, gpointer user_data)
{
  /* We look at the certificate, we do not trust it: whatever is wrong is recorded. */
  return TRUE;
}

static char *
format_time (GDateTime *time)
{
  return time ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

static void
record_tls (GTlsConnection *tls, JsonObject *result)
{
  GTlsCertificate *certificate = g_tls_connection_get_peer_certificate (tls);
  const char *version = wb_tls_version_name (g_tls_connection_get_protocol_version (tls));
  JsonObject *object = json_object_new ();

  if (version != NULL)
    json_object_set_string_member (object, "version", version);
  if (certificate != NULL)
    {
      g_autofree char *subject = g_tls_certificate_get_subject_name (certificate);
      g_autofree char *issuer = g_tls_certificate_get_issuer_name (certificate);
      g_autoptr(GDateTime) not_after = g_tls_certificate_get_not_valid_after (certificate);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *until = format_time (not_after);

      if (subject != NULL)
        json_object_set_string_member (object, "subject", subject);
      if (issuer != NULL)
        json_object_set_string_member (object, "issuer", issuer);
      if (until != NULL)
        json_object_set_string_member (object, "not_after", until);
      json_object_set_boolean_member (object, "expired",
                                      not_after && g_date_time_compare (not_after, now) < 0);
      /* Self-signed: the issuer is the subject (and so no authority vouches for it). */
      json_object_set_boolean_member (object, "self_signed",
                                      subject && issuer && g_str_equal (subject, issuer));
    }
  json_object_set_object_member (result, "tls", object);
}

static char *tls_helper;

void
wb_network_grab_set_tls_helper (const char *path)
{
  g_free (tls_helper);
  tls_helper = g_strdup (path);
}

/* Does the service also accept TLS 1.0 or 1.1? One more handshake, limited to those, in
 * werkbank-tls-check: glib-networking reads its GnuTLS priority once per process. */
static void
check_old_tls (Conversation *c, const char *address, guint port, JsonObject *tls)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) check = NULL;
  g_autofree char *number = g_strdup_printf ("%u", port);
  g_autofree char *out = NULL;

  if (tls_helper == NULL)
    return;
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "G_TLS_GNUTLS_PRIORITY",
                                "NORMAL:-VERS-ALL:+VERS-TLS1.1:+VERS-TLS1.0", TRUE);
  check = g_subprocess_launcher_spawn (launcher, NULL, tls_helper, address, number, NULL);
  if (check == NULL ||
      !g_subprocess_communicate_utf8 (check, NULL, c->cancellable, &out, NULL, NULL) ||
      !g_subprocess_get_if_exited (check) || g_subprocess_get_exit_status (check) != 0 ||
      out == NULL)
    return;
  g_strstrip (out);
  if (g_str_equal (out, "TLS 1.0") || g_str_equal (out, "TLS 1.1"))
    json_object_set_string_member (tls, "old_offered", out);
}

/* Wraps the conversation in TLS; FALSE when the handshake fails (not TLS after all). */
static gboolean
start_tls (Conversation *c, const char *address, guint port, JsonObject *result,
           gboolean active_checks)
{
  g_autoptr(GSocketConnectable) identity = g_network_address_new (address, port);
  GIOStream *tls = g_tls_client_connection_new (c->stream, identity, NULL);

  if (tls == NULL)
    return FALSE;
  g_signal_connect (tls, "accept-certificate", G_CALLBACK (on_accept_certificate), NULL);
  if (!g_tls_connection_handshake (G_TLS_CONNECTION (tls), c->cancellable, NULL))
    {
      g_object_unref (tls);
      return FALSE;
    }
  record_tls (G_TLS_CONNECTION (tls), result);
  if (active_checks &&
      !wb_tls_version_is_old (g_tls_connection_get_protocol_version (G_TLS_CONNECTION (tls))))
    check_old_tls (c, address, port, json_object_get_object_member (result, "tls"));
  g_object_unref (c->stream);
  c->stream = tls;
  return TRUE;
}

static void
converse (Conversation *c, GrabKind kind, const char *address, guint port,
          gboolean active_checks, JsonObject *result)
{
  switch (kind)
    {
    case GRAB_SSH: grab_ssh (c, result); break;
    case GRAB_FTP: grab_ftp (c, result, active_checks); break;
    case GRAB_TELNET: grab_telnet (c, result); break;
    case GRAB_SMTP: grab_smtp (c, result); break;
    case GRAB_HTTP: grab_http (c, result, address); break;
    case GRAB_HTTPS:
      if (start_tls (c, address, port, result, active_checks))
        grab_http (c, result, address);
      break;
    case GRAB_TLS: start_tls (c, address, port, result, active_checks); break;
    case GRAB_SMB: grab_smb (c, result, TRUE); break;
    case GRAB_RDP: grab_rdp (c, result); break;
    case GRAB_VNC: grab_vnc (c, result, active_checks); break;
    case GRAB_MYSQL: grab_simple (c, result, have_mysql, wb_banner_parse_mysql); break;
    case GRAB_GENERIC: grab_generic (c, result); break;
    case GRAB_NONE: break;
    }
}

static gboolean
connect_to (Conversation *c, const char *address, guint port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketAddress) target = g_inet_socket_address_new_from_string (address, port);

  if (target == NULL)
    return FALSE;
  g_socket_client_set_timeout (client, WB_GRAB_READ_TIMEOUT_S);
  c->deadline = g_get_monotonic_time () + WB_GRAB_DEADLINE_MS * 1000;
  c->stream = G_IO_STREAM (g_socket_client_connect (client, G_SOCKET_CONNECTABLE (target),
                                                    c->cancellable, NULL));
  return c->stream != NULL;
}

void
wb_network_grab (const char   *address,
                 guint         port,
                 gboolean      active_checks,
                 JsonObject   *result,
                 GCancellable *cancellable)
{
  GrabKind kind = kind_for_port (port);
  const char *service = wb_network_service_for_port (port);
  Conversation *c = g_new0 (Conversation, 1);

  if (service != NULL)
    json_object_set_string_member (result, "service", service);
  c->cancellable = cancellable;
  if (kind != GRAB_NONE && connect_to (c, address, port))
    {
      converse (c, kind, address, port, active_checks, result);
      g_clear_object (&c->stream);
      /* SMB: a second connection offers the SMB2 dialects to learn the one it speaks. */
      if (kind == GRAB_SMB && connect_to (c, address, port))
        grab_smb (c, result, FALSE);
    }
  g_clear_object (&c->stream);
  g_free (c);
}

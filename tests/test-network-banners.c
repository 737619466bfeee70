/* test-network-banners.c — what services say, read safely: real banners and hostile ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wb-init.h"
#include "wb-network-banner.h"

#define B(s) (const guint8 *) (s), sizeof (s) - 1

static void
test_sanitize (void)
{
  g_autofree char *a = wb_banner_sanitize (B ("\r\n\r\n  Welcome\x1b[31m to \xff\xfe the printer\r\nlogin:"),
                                           WB_BANNER_MAX_CHARS);
  g_autofree char *huge_input = g_strnfill (1 << 20, 'A');
  g_autofree char *b = wb_banner_sanitize ((const guint8 *) huge_input, 1 << 20,
                                           WB_BANNER_MAX_CHARS);
  g_autofree char *c = wb_banner_sanitize (B ("abc\0def"), 10);
  g_autofree char *d = wb_banner_sanitize (NULL, 0, 10);

  /* Blank lines skipped, one line kept, escapes and invalid bytes made harmless. */
  g_assert_true (g_utf8_validate (a, -1, NULL));
  g_assert_true (g_str_has_prefix (a, "Welcome"));
  g_assert_null (strchr (a, '\x1b'));
  g_assert_nonnull (strstr (a, "the printer"));
  g_assert_null (strstr (a, "login"));
  g_assert_cmpuint (g_utf8_strlen (b, -1), ==, WB_BANNER_MAX_CHARS + 1);
  g_assert_true (g_str_has_suffix (b, "…"));
  g_assert_cmpstr (c, ==, "abc");
  g_assert_cmpstr (d, ==, "");
}

static void
test_ssh (void)
{
  WbBannerInfo info = { 0 };

  g_assert_true (wb_banner_parse_ssh (B ("SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10\r\n"), &info));
  g_assert_cmpstr (info.service, ==, "ssh");
  g_assert_cmpstr (info.product, ==, "OpenSSH");
  g_assert_cmpstr (info.version, ==, "8.9p1");
  g_assert_cmpstr (info.extra, ==, "Ubuntu-3ubuntu0.10");
  g_assert_cmpstr (info.banner, ==, "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10");
  wb_banner_info_clear (&info);

  g_assert_true (wb_banner_parse_ssh (B ("SSH-2.0-dropbear_2022.83\r\n"), &info));
  g_assert_cmpstr (info.product, ==, "Dropbear sshd");
  g_assert_cmpstr (info.version, ==, "2022.83");
  wb_banner_info_clear (&info);

  /* Hostile: no dash after the protocol, binary, too short, not SSH at all. */
  g_assert_true (wb_banner_parse_ssh (B ("SSH-2.0\xff\xfe\x01\x02\r\n"), &info));
  g_assert_true (g_utf8_validate (info.banner, -1, NULL));
  g_assert_null (info.product);
  wb_banner_info_clear (&info);
  g_assert_false (wb_banner_parse_ssh (B ("SSH-"), &info));
  g_assert_false (wb_banner_parse_ssh (B ("HTTP/1.1 400 Bad Request\r\n"), &info));
  g_assert_false (wb_banner_parse_ssh (NULL, 0, &info));
  g_assert_null (info.service);
}

static void
test_reply_code (void)
{
  g_assert_cmpint (wb_banner_reply_code (B ("220 ready\r\n")), ==, 220);
  g_assert_cmpint (wb_banner_reply_code (B ("220-Welcome\r\n220-to us\r\n220 ready\r\n")), ==, 220);
  /* Incomplete: the continuation has not ended, or the line has no end yet. */
  g_assert_cmpint (wb_banner_reply_code (B ("220-Welcome\r\n")), ==, -1);
  g_assert_cmpint (wb_banner_reply_code (B ("220 rea")), ==, -1);
  g_assert_cmpint (wb_banner_reply_code (B ("hello\r\n")), ==, -1);
  g_assert_cmpint (wb_banner_reply_code (B ("22\r\n")), ==, -1);
  g_assert_cmpint (wb_banner_reply_code (B ("331 Please specify the password.\r\n")), ==, 331);
}

static void
test_ftp_smtp (void)
{
  WbBannerInfo info = { 0 };

  g_assert_true (wb_banner_parse_ftp (B ("220 (vsFTPd 3.0.3)\r\n"), &info));
  g_assert_cmpstr (info.service, ==, "ftp");
  g_assert_cmpstr (info.product, ==, "vsftpd");
  g_assert_cmpstr (info.version, ==, "3.0.3");
  wb_banner_info_clear (&info);
  g_assert_true (wb_banner_parse_ftp (B ("220 ProFTPD 1.3.5e Server (Debian) [::ffff:198.18.0.7]\r\n"),
                                      &info));
  g_assert_cmpstr (info.product, ==, "ProFTPD");
  g_assert_cmpstr (info.version, ==, "1.3.5e");
  wb_banner_info_clear (&info);
  g_assert_true (wb_banner_parse_ftp (B ("220-FileZilla Server 0.9.60 beta\r\n220 hi\r\n"), &info));
  g_assert_cmpstr (info.product, ==, "FileZilla ftpd");
  wb_banner_info_clear (&info);
  g_assert_false (wb_banner_parse_ftp (B ("530 go away\r\n"), &info));
  g_assert_false (wb_banner_parse_ftp (B ("\x00\x01\x02\x03\n"), &info));

  g_assert_true (wb_banner_parse_smtp (B ("220 mail.proefkeuken.test ESMTP Postfix (Debian/GNU)\r\n"),
                                       &info));
  g_assert_cmpstr (info.service, ==, "smtp");
  g_assert_cmpstr (info.product, ==, "Postfix smtpd");
  wb_banner_info_clear (&info);
  g_assert_true (wb_banner_parse_smtp (B ("220 mx ESMTP Exim 4.96 Tue, 24 Nov 2026\r\n"), &info));
  g_assert_cmpstr (info.product, ==, "Exim smtpd");
  g_assert_cmpstr (info.version, ==, "4.96");
  wb_banner_info_clear (&info);
}

static void
test_http (void)
{
  WbBannerInfo info = { 0 };
  WbHttpInfo http = { 0 };
  const char response[] =
    "HTTP/1.1 200 OK\r\nDate: Tue, 24 Nov 2026 10:00:00 GMT\r\n"
    "server: Apache/2.2.15 (CentOS)\r\nX-Powered-By: PHP/5.3.3\r\n"
    "Content-Type: text/html\r\n\r\n<html><head><TITLE>\n  Synology\n   DiskStation &amp; more"
    "</title></head>";

  g_assert_true (wb_banner_http_complete (B (response), 8192));
  g_assert_true (wb_banner_parse_http (B (response), &http, &info));
  g_assert_cmpint (http.status, ==, 200);
  g_assert_cmpstr (http.server, ==, "Apache/2.2.15 (CentOS)");
  g_assert_cmpstr (http.powered_by, ==, "PHP/5.3.3");
  g_assert_cmpstr (http.title, ==, "Synology DiskStation & more");
  g_assert_cmpstr (info.product, ==, "Apache httpd");
  g_assert_cmpstr (info.version, ==, "2.2.15");
  g_assert_cmpstr (info.extra, ==, "(CentOS)");
  wb_http_info_clear (&http);
  wb_banner_info_clear (&info);

  /* Headers that never end, a title that never closes, a huge header line. */
  g_assert_false (wb_banner_http_complete (B ("HTTP/1.0 200 OK\r\nServer: x\r\n"), 8192));
  g_assert_true (wb_banner_parse_http (B ("HTTP/1.0 302 Found\r\nLocation: /login\r\n"), &http,
                                       &info));
  g_assert_cmpint (http.status, ==, 302);
  g_assert_cmpstr (http.location, ==, "/login");
  g_assert_null (http.title);
  wb_http_info_clear (&http);
  wb_banner_info_clear (&info);
  g_assert_true (wb_banner_parse_http (B ("HTTP/1.0 200 OK\r\n\r\n<title>never closed"), &http,
                                       &info));
  g_assert_cmpstr (http.title, ==, "never closed");
  wb_http_info_clear (&http);
  wb_banner_info_clear (&info);
  {
    GString *big = g_string_new ("HTTP/1.1 200 OK\r\nServer: ");

    for (int i = 0; i < 20000; i++)
      g_string_append (big, "\xc3\x28\x1b");
    g_string_append (big, "\r\n\r\n");
    g_assert_true (wb_banner_parse_http ((const guint8 *) big->str, big->len, &http, &info));
    g_assert_true (g_utf8_validate (http.server, -1, NULL));
    g_assert_cmpuint (g_utf8_strlen (http.server, -1), <=, WB_BANNER_MAX_CHARS + 1);
    g_string_free (big, TRUE);
  }
  wb_http_info_clear (&http);
  wb_banner_info_clear (&info);
  g_assert_false (wb_banner_parse_http (B ("HTTP/1.1 abc\r\n\r\n"), &http, &info));
  g_assert_false (wb_banner_parse_http (B ("SSH-2.0-OpenSSH_9.6\r\n"), &http, &info));
  g_assert_false (wb_banner_parse_http (B ("HTTP/"), &http, &info));
}

static void
test_rdp (void)
{
  const guint8 confirm[] = { 0x03, 0x00, 0x00, 0x13, 0x0e, 0xd0, 0x00, 0x00, 0x12, 0x34, 0x00,
                             0x02, 0x1f, 0x08, 0x00, 0x02, 0x00, 0x00, 0x00 };
  const guint8 lying[] = { 0x03, 0x00, 0xff, 0xff, 0x0e, 0xd0, 0x00, 0x00, 0x12, 0x34, 0x00 };
  const guint8 refused[] = { 0x03, 0x00, 0x00, 0x0b, 0x06, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00 };
  gsize len;
  const guint8 *request = wb_rdp_connection_request (&len);
  guint32 protocol = 99;

  g_assert_cmpuint (len, ==, 19);
  g_assert_cmpuint (request[0], ==, 3);
  g_assert_cmpuint (request[5], ==, 0xe0);
  g_assert_true (wb_banner_parse_rdp (confirm, sizeof confirm, &protocol));
  g_assert_cmpuint (protocol, ==, 2);
  g_assert_false (wb_banner_parse_rdp (lying, sizeof lying, &protocol));
  g_assert_false (wb_banner_parse_rdp (refused, sizeof refused, &protocol));
  g_assert_false (wb_banner_parse_rdp (confirm, 5, &protocol));
  g_assert_false (wb_banner_parse_rdp (B ("HTTP/1.1 400 Bad Request\r\n\r\n"), &protocol));
}

/* A NetBIOS-framed SMB1 negotiate response choosing dialect @index. */
static GByteArray *
smb1_response (guint16 index, guint32 status)
{
  GByteArray *out = g_byte_array_new ();
  guint8 header[4 + 32 + 3] = { 0 };

  header[3] = 35;
  memcpy (header + 4, "\xffSMB", 4);
  header[8] = 0x72;
  header[9] = status & 0xff;
  header[4 + 32] = 17;
  header[4 + 33] = index & 0xff;
  header[4 + 34] = index >> 8;
  g_byte_array_append (out, header, sizeof header);
  return out;
}

static void
test_smb (void)
{
  g_autoptr(GByteArray) v1 = smb1_response (0, 0);
  g_autoptr(GByteArray) none = smb1_response (0xffff, 0);
  g_autoptr(GByteArray) error = smb1_response (0, 0x22);
  guint8 v2[4 + 64 + 8] = { 0 };
  guint16 dialect = 0;
  gsize len;
  const guint8 *request = wb_smb_negotiate_request (FALSE, &len);

  /* Our requests are well-formed: the NetBIOS length matches. */
  g_assert_cmpuint (wb_smb_message_length (request, len), ==, len);
  request = wb_smb_negotiate_request (TRUE, &len);
  g_assert_cmpuint (wb_smb_message_length (request, len), ==, len);

  g_assert_cmpint (wb_banner_parse_smb (v1->data, v1->len, &dialect), ==, WB_SMB_V1);
  g_assert_cmpint (wb_banner_parse_smb (none->data, none->len, &dialect), ==, WB_SMB_NONE);
  g_assert_cmpint (wb_banner_parse_smb (error->data, error->len, &dialect), ==, WB_SMB_NONE);
  v2[3] = 64 + 8;
  memcpy (v2 + 4, "\xfeSMB", 4);
  v2[4 + 64] = 65;
  v2[4 + 68] = 0x11;
  v2[4 + 69] = 0x03;
  g_assert_cmpint (wb_banner_parse_smb (v2, sizeof v2, &dialect), ==, WB_SMB_V2);
  g_assert_cmpuint (dialect, ==, 0x0311);
  /* Lengths that lie, and truncation at every byte. */
  v2[1] = 0xff;
  g_assert_cmpint (wb_banner_parse_smb (v2, sizeof v2, &dialect), ==, WB_SMB_NONE);
  for (gsize i = 0; i < v1->len; i++)
    g_assert_cmpint (wb_banner_parse_smb (v1->data, i, &dialect), ==, WB_SMB_NONE);
}

static void
test_telnet_vnc_mysql (void)
{
  WbBannerInfo info = { 0 };
  const guint8 telnet[] = { 0xff, 0xfb, 0x01, 0xff, 0xfa, 0x18, 0x01, 0xff, 0xf0, '\r', '\n',
                            'H', 'P', ' ', 'J', 'e', 't', 'D', 'i', 'r', 'e', 'c', 't', '\r',
                            '\n', 'P', 'a', 's', 's', 'w', 'o', 'r', 'd', ':' };
  const guint8 iac_only[] = { 0xff, 0xfd, 0x18, 0xff };
  const guint8 sb_open[] = { 0xff, 0xfa, 0x18, 'x', 'y' };
  const guint8 mysql[] = { 0x0a, 0x00, 0x00, 0x00, 0x0a, '5', '.', '7', '.', '4', '4', 0x00,
                           0x01, 0x02 };
  const guint8 mysql_lying[] = { 0xff, 0x00, 0x00, 0x00, 0x0a, '5', '.', '7' };
  const guint8 mysql_no_nul[] = { 0x04, 0x00, 0x00, 0x00, 0x0a, '5', '.', '7' };

  g_assert_true (wb_banner_parse_telnet (telnet, sizeof telnet, &info));
  g_assert_cmpstr (info.service, ==, "telnet");
  g_assert_cmpstr (info.banner, ==, "HP JetDirect");
  wb_banner_info_clear (&info);
  g_assert_true (wb_banner_parse_telnet (iac_only, sizeof iac_only, &info));
  g_assert_null (info.banner);
  wb_banner_info_clear (&info);
  g_assert_true (wb_banner_parse_telnet (sb_open, sizeof sb_open, &info));
  wb_banner_info_clear (&info);

  g_assert_true (wb_banner_parse_vnc (B ("RFB 003.008\n"), &info));
  g_assert_cmpstr (info.version, ==, "003.008");
  wb_banner_info_clear (&info);
  {
    const guint8 none_offered[] = { 2, 2, 1 };
    const guint8 password_only[] = { 1, 2 };
    const guint8 refused[] = { 0, 0, 0, 0, 5, 'n', 'o', 'p', 'e' };
    const guint8 lying[] = { 200, 1 };
    const guint8 v33_none[] = { 0, 0, 0, 1 };
    gboolean no_auth = TRUE;

    g_assert_true (wb_banner_parse_vnc_security (none_offered, sizeof none_offered, FALSE,
                                                 &no_auth));
    g_assert_true (no_auth);
    g_assert_true (wb_banner_parse_vnc_security (password_only, sizeof password_only, FALSE,
                                                 &no_auth));
    g_assert_false (no_auth);
    g_assert_false (wb_banner_parse_vnc_security (refused, sizeof refused, FALSE, &no_auth));
    g_assert_false (wb_banner_parse_vnc_security (lying, sizeof lying, FALSE, &no_auth));
    g_assert_true (wb_banner_parse_vnc_security (v33_none, sizeof v33_none, TRUE, &no_auth));
    g_assert_true (no_auth);
    g_assert_false (wb_banner_parse_vnc_security (v33_none, 3, TRUE, &no_auth));
  }
  g_assert_false (wb_banner_parse_vnc (B ("RFB 0x3.008\n"), &info));
  g_assert_false (wb_banner_parse_vnc (B ("RFB 003"), &info));

  g_assert_true (wb_banner_parse_mysql (mysql, sizeof mysql, &info));
  g_assert_cmpstr (info.product, ==, "MySQL");
  g_assert_cmpstr (info.version, ==, "5.7.44");
  wb_banner_info_clear (&info);
  g_assert_false (wb_banner_parse_mysql (mysql_lying, sizeof mysql_lying, &info));
  g_assert_false (wb_banner_parse_mysql (mysql_no_nul, sizeof mysql_no_nul, &info));
  g_assert_null (info.service);
}

/* Random bytes through every parser: no crash, and whatever is kept is valid UTF-8. */
static void
test_random_bytes (void)
{
  guint8 buf[512];

  for (guint round = 0; round < 3000; round++)
    {
      gsize len = g_test_rand_int_range (0, sizeof buf);
      WbBannerInfo info = { 0 };
      WbHttpInfo http = { 0 };
      guint32 protocol;
      guint16 dialect;

      for (gsize i = 0; i < len; i++)
        buf[i] = g_test_rand_int_range (0, 256);
      /* Give the parsers a fair chance to get past their first check. */
      if (round % 4 == 1 && len > 5)
        memcpy (buf, "HTTP/", 5);
      if (round % 4 == 2 && len > 4)
        memcpy (buf, "SSH-", 4);
      if (round % 4 == 3 && len > 4)
        memcpy (buf, "220 ", 4);
      wb_banner_parse_ssh (buf, len, &info);
      wb_banner_parse_ftp (buf, len, &info);
      wb_banner_parse_http (buf, len, &http, &info);
      wb_banner_parse_telnet (buf, len, &info);
      wb_banner_parse_vnc (buf, len, &info);
      wb_banner_parse_mysql (buf, len, &info);
      wb_banner_parse_rdp (buf, len, &protocol);
      wb_banner_parse_smb (buf, len, &dialect);
      if (info.banner != NULL)
        g_assert_true (g_utf8_validate (info.banner, -1, NULL));
      if (http.title != NULL)
        g_assert_true (g_utf8_validate (http.title, -1, NULL));
      wb_banner_info_clear (&info);
      wb_http_info_clear (&http);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wb_init (NULL));
  g_test_add_func ("/network/banner/sanitize", test_sanitize);
  g_test_add_func ("/network/banner/ssh", test_ssh);
  g_test_add_func ("/network/banner/reply-code", test_reply_code);
  g_test_add_func ("/network/banner/ftp-smtp", test_ftp_smtp);
  g_test_add_func ("/network/banner/http", test_http);
  g_test_add_func ("/network/banner/rdp", test_rdp);
  g_test_add_func ("/network/banner/smb", test_smb);
  g_test_add_func ("/network/banner/telnet-vnc-mysql", test_telnet_vnc_mysql);
  g_test_add_func ("/network/banner/random-bytes", test_random_bytes);
  return g_test_run ();
}

/* wb-network-banner.c — reading what services say about themselves
 *
 * Everything here runs on bytes a stranger's server sent: lengths are checked before
 * every access, text is made printable before it is kept, and nothing is assumed about
 * encodings. The request byte strings follow the specifications named at each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "wb-network-banner.h"

#define REPLACEMENT 0xFFFD

char *
wb_banner_sanitize (const guint8 *data, gsize len, gsize max_chars)
{
  GString *out = g_string_new (NULL);
  const char *p = (const char *) data;
  const char *end = p + len;
  gsize chars = 0;

  if (data == NULL)
    return g_string_free (out, FALSE);
  /* Printers and routers greet with blank lines first: the first real line counts. */
  while (p < end && g_ascii_isspace (*p))
    p++;
  while (p < end && *p != '\r' && *p != '\n' && *p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (chars >= max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_unichar (out, REPLACEMENT);
          p++;
        }
      else
        {
          if (c == '\t')
            c = ' ';
          else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || !g_unichar_isdefined (c))
            c = REPLACEMENT;
          g_string_append_unichar (out, c);
          p = g_utf8_next_char (p);
        }
      chars++;
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

void
wb_banner_info_clear (WbBannerInfo *info)
{
  g_clear_pointer (&info->service, g_free);
  g_clear_pointer (&info->product, g_free);
  g_clear_pointer (&info->version, g_free);
  g_clear_pointer (&info->extra, g_free);
  g_clear_pointer (&info->banner, g_free);
}

/* Parsers may be handed a struct another parser filled: replace, never leak. */
static void
take_string (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

static void
set_string (char **field, const char *value)
{
  g_free (*field);
  *field = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

/* Matches @text against a table of "regex, product" pairs; group 1 is the version. */
typedef struct {
  const char *pattern;
  const char *product;
} ProductPattern;

static void
match_product (const ProductPattern *table, gsize n, const char *text, WbBannerInfo *info)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (table[i].pattern, G_REGEX_CASELESS, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      g_assert (regex != NULL); /* the table is ours: a bad pattern is a programming error */
      if (g_regex_match (regex, text, 0, &match))
        {
          g_autofree char *version = g_match_info_fetch (match, 1);

          set_string (&info->product, table[i].product);
          set_string (&info->version, version);
          return;
        }
    }
}

/* ---- SSH (RFC 4253 §4.2) ---- */

gboolean
wb_banner_parse_ssh (const guint8 *data, gsize len, WbBannerInfo *info)
{
  g_autofree char *line = NULL;
  const char *software, *space;
  g_autofree char *name = NULL;
  const char *underscore;

  /* A server may send other lines before the identification; we read only the first,
   * as nmap does for the banner, and require the "SSH-" prefix. */
  if (data == NULL || len < 8 || memcmp (data, "SSH-", 4) != 0)
    return FALSE;
  line = wb_banner_sanitize (data, len, WB_BANNER_MAX_CHARS);
  set_string (&info->service, "ssh");
  set_string (&info->banner, line);
  software = strchr (line + 4, '-');
  if (software == NULL)
    return TRUE;
  software++;
  space = strchr (software, ' ');
  name = space ? g_strndup (software, space - software) : g_strdup (software);
  if (space != NULL)
    set_string (&info->extra, space + 1);
  underscore = strchr (name, '_');
  if (underscore != NULL)
    {
      g_autofree char *product = g_strndup (name, underscore - name);

      set_string (&info->version, underscore + 1);
      if (g_ascii_strcasecmp (product, "dropbear") == 0)
        set_string (&info->product, "Dropbear sshd");
      else
        set_string (&info->product, product);
    }
  else
    set_string (&info->product, name);
  return TRUE;
}

/* ---- FTP and SMTP replies (RFC 959 §4.2, RFC 5321 §4.2.1) ---- */

static gboolean
line_has_code (const char *line, gsize len, int *code, char *sep)
{
  if (len < 4 || !g_ascii_isdigit (line[0]) || !g_ascii_isdigit (line[1]) ||
      !g_ascii_isdigit (line[2]) || (line[3] != ' ' && line[3] != '-'))
    return FALSE;
  *code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
  *sep = line[3];
  return TRUE;
}

int
wb_banner_reply_code (const guint8 *data, gsize len)
{
  const char *p = (const char *) data;
  const char *end = p + len;
  int first = -1;

  if (data == NULL)
    return -1;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      int code;
      char sep;

      if (nl == NULL)
        return -1; /* the line is not complete yet */
      if (line_has_code (p, nl - p, &code, &sep))
        {
          if (first < 0)
            first = code;
          /* The reply ends at the line "NNN " with the code the first line had. */
          if (sep == ' ' && code == first)
            return code;
        }
      else if (first < 0)
        return -1; /* not a reply at all */
      p = nl + 1;
    }
  return -1;
}

gboolean
wb_banner_parse_ftp (const guint8 *data, gsize len, WbBannerInfo *info)
{
  static const ProductPattern products[] = {
    { "vsftpd ([0-9][0-9.a-z]*)", "vsftpd" },
    { "vsftpd", "vsftpd" },
    { "ProFTPD ([0-9][0-9.a-z]*)", "ProFTPD" },
    { "ProFTPD", "ProFTPD" },
    { "Pure-FTPd", "Pure-FTPd" },
    { "FileZilla Server (?:version )?([0-9][0-9.a-z]*)", "FileZilla ftpd" },
    { "Microsoft FTP Service", "Microsoft ftpd" },
    { "pyftpdlib ([0-9][0-9.]*)", "pyftpdlib" },
  };

  if (wb_banner_reply_code (data, len) != 220)
    return FALSE;
  set_string (&info->service, "ftp");
  take_string (&info->banner, wb_banner_sanitize (data, len, WB_BANNER_MAX_CHARS));
  match_product (products, G_N_ELEMENTS (products), info->banner, info);
  return TRUE;
}

gboolean
wb_banner_parse_smtp (const guint8 *data, gsize len, WbBannerInfo *info)
{
  static const ProductPattern products[] = {
    { "ESMTP Postfix", "Postfix smtpd" },
    { "ESMTP Exim ([0-9][0-9.]*)", "Exim smtpd" },
    { "Sendmail ([0-9][0-9.]*)", "Sendmail" },
    { "Microsoft ESMTP MAIL Service", "Microsoft Exchange smtpd" },
    { "OpenSMTPD", "OpenSMTPD" },
  };

  if (wb_banner_reply_code (data, len) != 220)
    return FALSE;
  set_string (&info->service, "smtp");
  take_string (&info->banner, wb_banner_sanitize (data, len, WB_BANNER_MAX_CHARS));
  match_product (products, G_N_ELEMENTS (products), info->banner, info);
  return TRUE;
}

/* ---- HTTP (RFC 9112) ---- */

void
wb_http_info_clear (WbHttpInfo *http)
{
  g_clear_pointer (&http->server, g_free);
  g_clear_pointer (&http->powered_by, g_free);
  g_clear_pointer (&http->title, g_free);
  g_clear_pointer (&http->location, g_free);
  http->status = 0;
}

/* Offset just past the blank line that ends the headers, or 0. */
static gsize
http_header_end (const guint8 *data, gsize len)
{
  for (gsize i = 0; i + 1 < len; i++)
    {
      if (data[i] == '\n' && data[i + 1] == '\n')
        return i + 2;
      if (i + 3 < len && memcmp (data + i, "\r\n\r\n", 4) == 0)
        return i + 4;
    }
  return 0;
}

static const guint8 *
find_caseless (const guint8 *hay, gsize len, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n <= len && i <= len - n; i++)
    if (g_ascii_strncasecmp ((const char *) hay + i, needle, n) == 0)
      return hay + i;
  return NULL;
}

gboolean
wb_banner_http_complete (const guint8 *data, gsize len, gsize body_bytes)
{
  gsize head = http_header_end (data, len);

  if (head == 0)
    return FALSE;
  return len - head >= body_bytes ||
         find_caseless (data + head, len - head, "</title") != NULL;
}

static char *
http_title (const guint8 *body, gsize len)
{
  const guint8 *start = find_caseless (body, len, "<title");
  const guint8 *close, *end;
  g_autofree char *raw = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;
  GString *decoded;
  struct { const char *entity; const char *text; } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" },
  };

  if (start == NULL)
    return NULL;
  close = memchr (start, '>', len - (start - body));
  if (close == NULL)
    return NULL;
  close++;
  end = find_caseless (close, len - (close - body), "</title");
  if (end == NULL)
    end = body + len;
  /* Titles span lines and indentation: collapse all white space to single spaces. */
  raw = g_strndup ((const char *) close, end - close);
  g_strdelimit (raw, "\r\n\t\f\v", ' ');
  words = g_strsplit (raw, " ", -1);
  decoded = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (decoded->len > 0)
          g_string_append_c (decoded, ' ');
        g_string_append (decoded, words[i]);
      }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_string_replace (decoded, entities[i].entity, entities[i].text, 0);
  joined = g_string_free (decoded, FALSE);
  return wb_banner_sanitize ((const guint8 *) joined, strlen (joined), WB_BANNER_MAX_CHARS);
}

static void
http_server_product (const char *server, WbBannerInfo *info)
{
  static const ProductPattern products[] = {
    { "^Apache/([0-9][0-9.]*)", "Apache httpd" },
    { "^Apache", "Apache httpd" },
    { "^nginx/([0-9][0-9.]*)", "nginx" },
    { "^nginx", "nginx" },
    { "^Microsoft-IIS/([0-9][0-9.]*)", "Microsoft IIS httpd" },
    { "^lighttpd/([0-9][0-9.]*)", "lighttpd" },
    { "^lighttpd", "lighttpd" },
    { "^Boa/([0-9][0-9.a-z]*)", "Boa" },
    { "^GoAhead", "GoAhead WebServer" },
    { "^mini_httpd/([0-9][0-9.]*)", "mini_httpd" },
    { "^SimpleHTTP/([0-9][0-9.]*)", "SimpleHTTPServer" },
  };
  const char *space = strchr (server, ' ');

  match_product (products, G_N_ELEMENTS (products), server, info);
  if (info->product == NULL)
    set_string (&info->product, server);
  else if (space != NULL)
    set_string (&info->extra, space + 1);
}

static void
http_headers (const char *head, WbHttpInfo *http)
{
  g_auto(GStrv) lines = g_strsplit (head, "\n", 200);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      char *colon = strchr (lines[i], ':');
      char **field = NULL;

      if (colon == NULL)
        continue;
      *colon = '\0';
      if (g_ascii_strcasecmp (lines[i], "Server") == 0)
        field = &http->server;
      else if (g_ascii_strcasecmp (lines[i], "X-Powered-By") == 0)
        field = &http->powered_by;
      else if (g_ascii_strcasecmp (lines[i], "Location") == 0)
        field = &http->location;
      if (field != NULL && *field == NULL)
        {
          const char *value = colon + 1;

          *field = wb_banner_sanitize ((const guint8 *) value, strlen (value),
                                       WB_BANNER_MAX_CHARS);
          if (**field == '\0')
            g_clear_pointer (field, g_free);
        }
    }
}

gboolean
wb_banner_parse_http (const guint8 *data, gsize len, WbHttpInfo *http, WbBannerInfo *info)
{
  gsize head_len = http_header_end (data, len);
  g_autofree char *head = NULL;
  int status;

  if (data == NULL || len < 12 || memcmp (data, "HTTP/", 5) != 0)
    return FALSE;
  /* "HTTP/1.1 200 OK": three digits after the first space. */
  {
    const guint8 *space = memchr (data, ' ', MIN (len, 16));

    if (space == NULL || (gsize) (space - data) + 4 > len ||
        !g_ascii_isdigit (space[1]) || !g_ascii_isdigit (space[2]) ||
        !g_ascii_isdigit (space[3]))
      return FALSE;
    status = (space[1] - '0') * 100 + (space[2] - '0') * 10 + (space[3] - '0');
  }
  http->status = status;
  /* Without the end of the headers (a huge or cut-off answer) we keep what we have. */
  head = g_strndup ((const char *) data, head_len ? head_len : len);
  http_headers (head, http);
  if (head_len > 0)
    take_string (&http->title, http_title (data + head_len, len - head_len));
  set_string (&info->service, "http");
  take_string (&info->banner, wb_banner_sanitize (data, len, WB_BANNER_MAX_CHARS));
  if (http->server != NULL)
    http_server_product (http->server, info);
  return TRUE;
}

/* ---- RDP (MS-RDPBCGR 2.2.1.1 and 2.2.1.2) ---- */

static const guint8 rdp_request[] = {
  0x03, 0x00, 0x00, 0x13,                         /* TPKT: version 3, length 19 */
  0x0e, 0xe0, 0x00, 0x00, 0x00, 0x00, 0x00,       /* X.224 Connection Request */
  0x01, 0x00, 0x08, 0x00, 0x03, 0x00, 0x00, 0x00, /* RDP_NEG_REQ: TLS | CredSSP */
};

const guint8 *
wb_rdp_connection_request (gsize *len)
{
  *len = sizeof rdp_request;
  return rdp_request;
}

gboolean
wb_banner_parse_rdp (const guint8 *data, gsize len, guint32 *selected_protocol)
{
  gsize tpkt_len;

  *selected_protocol = 0;
  if (data == NULL || len < 11 || data[0] != 0x03 || data[1] != 0x00)
    return FALSE;
  tpkt_len = ((gsize) data[2] << 8) | data[3];
  if (tpkt_len < 11 || tpkt_len > len)
    return FALSE;
  /* X.224: length indicator, then the TPDU code; Connection Confirm is 0xD0. */
  if ((data[5] & 0xf0) != 0xd0 || data[4] + 5u > tpkt_len)
    return FALSE;
  if (tpkt_len >= 19 && data[11] == 0x02) /* RDP_NEG_RSP */
    *selected_protocol = data[15] | (data[16] << 8) | ((guint32) data[17] << 16) |
                         ((guint32) data[18] << 24);
  return TRUE;
}

/* ---- SMB ([MS-CIFS] 2.2.4.52, [MS-SMB2] 2.2.3 and 2.2.4) ---- */

/* NetBIOS session header, SMB1 header (command 0x72 NEGOTIATE), then the dialects. */
#define SMB1_HEADER(len) \
  0x00, 0x00, 0x00, (len), \
  0xff, 'S', 'M', 'B', 0x72, 0x00, 0x00, 0x00, 0x00, 0x18, 0x53, 0xc8, \
  0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x00, 0x00, 0x00, 0xff, 0xfe, \
  0x00, 0x00, 0x00, 0x00

static const guint8 smb1_only[] = {
  SMB1_HEADER (47),
  0x00, 12, 0x00,                                           /* WordCount, ByteCount */
  0x02, 'N', 'T', ' ', 'L', 'M', ' ', '0', '.', '1', '2', 0x00,
};

static const guint8 smb_any[] = {
  SMB1_HEADER (69),
  0x00, 34, 0x00,
  0x02, 'N', 'T', ' ', 'L', 'M', ' ', '0', '.', '1', '2', 0x00,
  0x02, 'S', 'M', 'B', ' ', '2', '.', '0', '0', '2', 0x00,
  0x02, 'S', 'M', 'B', ' ', '2', '.', '?', '?', '?', 0x00,
};

const guint8 *
wb_smb_negotiate_request (gboolean with_smb2, gsize *len)
{
  *len = with_smb2 ? sizeof smb_any : sizeof smb1_only;
  return with_smb2 ? smb_any : smb1_only;
}

gsize
wb_smb_message_length (const guint8 *data, gsize len)
{
  if (data == NULL || len < 4 || data[0] != 0x00)
    return 0;
  return 4 + (((gsize) data[1] << 16) | ((gsize) data[2] << 8) | data[3]);
}

WbSmbAnswer
wb_banner_parse_smb (const guint8 *data, gsize len, guint16 *dialect)
{
  gsize message = wb_smb_message_length (data, len);
  const guint8 *smb = data + 4;

  *dialect = 0;
  if (message < 4 + 35 || message > len)
    return WB_SMB_NONE;
  if (memcmp (smb, "\xffSMB", 4) == 0)
    {
      guint32 status = smb[5] | (smb[6] << 8) | ((guint32) smb[7] << 16) |
                       ((guint32) smb[8] << 24);
      guint16 index;

      /* Command NEGOTIATE, status success, at least one word: the chosen dialect index;
       * 0xFFFF means the server accepted none of ours. */
      if (smb[4] != 0x72 || status != 0 || smb[32] < 1)
        return WB_SMB_NONE;
      index = smb[33] | (smb[34] << 8);
      if (index == 0xffff)
        return WB_SMB_NONE;
      *dialect = 0x0100;
      return WB_SMB_V1;
    }
  if (memcmp (smb, "\xfeSMB", 4) == 0 && message >= 4 + 64 + 6)
    {
      /* SMB2 header: command at offset 12 must be NEGOTIATE (0); the response's
       * DialectRevision follows StructureSize (65) and SecurityMode. */
      if (smb[12] != 0 || smb[13] != 0 || smb[64] != 65 || smb[65] != 0)
        return WB_SMB_NONE;
      *dialect = smb[68] | (smb[69] << 8);
      return WB_SMB_V2;
    }
  return WB_SMB_NONE;
}

/* ---- VNC, MySQL, Telnet ---- */

gboolean
wb_banner_parse_vnc (const guint8 *data, gsize len, WbBannerInfo *info)
{
  /* RFC 6143 §7.1.1: exactly "RFB xxx.yyy\n". */
  if (data == NULL || len < 12 || memcmp (data, "RFB ", 4) != 0 || data[7] != '.' ||
      data[11] != '\n')
    return FALSE;
  for (int i = 4; i < 11; i++)
    if (i != 7 && !g_ascii_isdigit (data[i]))
      return FALSE;
  set_string (&info->service, "vnc");
  set_string (&info->product, "VNC");
  take_string (&info->version, g_strndup ((const char *) data + 4, 7));
  take_string (&info->banner, wb_banner_sanitize (data, 12, WB_BANNER_MAX_CHARS));
  return TRUE;
}

gboolean
wb_banner_parse_vnc_security (const guint8 *data, gsize len, gboolean v3_3, gboolean *no_auth)
{
  *no_auth = FALSE;
  if (data == NULL)
    return FALSE;
  if (v3_3)
    {
      if (len < 4)
        return FALSE;
      *no_auth = data[0] == 0 && data[1] == 0 && data[2] == 0 && data[3] == 1;
      return TRUE;
    }
  /* A count, then that many one-byte types; a count of 0 is a refusal with a reason. */
  if (len < 1 || data[0] == 0 || len < 1u + data[0])
    return FALSE;
  for (gsize i = 1; i <= data[0]; i++)
    if (data[i] == 1)
      *no_auth = TRUE;
  return TRUE;
}

gboolean
wb_banner_parse_mysql (const guint8 *data, gsize len, WbBannerInfo *info)
{
  gsize packet, i;

  /* 3-byte length, sequence 0, protocol version 10, then the version up to NUL. */
  if (data == NULL || len < 6)
    return FALSE;
  packet = data[0] | (data[1] << 8) | ((gsize) data[2] << 16);
  if (data[3] != 0 || packet < 2 || packet + 4 > len)
    return FALSE;
  set_string (&info->service, "mysql");
  if (data[4] == 0xff)
    {
      /* An error packet ("Host is not allowed to connect"): still a MySQL server. */
      set_string (&info->product, "MySQL");
      return TRUE;
    }
  if (data[4] != 10)
    {
      set_string (&info->service, NULL);
      return FALSE;
    }
  for (i = 5; i < packet + 4 && data[i] != 0; i++)
    ;
  if (i == packet + 4)
    {
      set_string (&info->service, NULL);
      return FALSE;
    }
  take_string (&info->version, wb_banner_sanitize (data + 5, i - 5, 64));
  set_string (&info->product, strstr (info->version, "MariaDB") ? "MariaDB" : "MySQL");
  take_string (&info->banner, g_strdup (info->version));
  return TRUE;
}

gboolean
wb_banner_parse_telnet (const guint8 *data, gsize len, WbBannerInfo *info)
{
  g_autoptr(GByteArray) text = g_byte_array_new ();
  gsize i = 0;
  gboolean negotiated = FALSE;

  if (data == NULL)
    return FALSE;
  /* RFC 854: IAC (255) starts a command; WILL/WONT/DO/DONT take one option byte, SB runs
   * to IAC SE, IAC IAC is a literal 255. */
  while (i < len)
    {
      if (data[i] != 0xff)
        {
          g_byte_array_append (text, data + i, 1);
          i++;
          continue;
        }
      negotiated = TRUE;
      if (i + 1 >= len)
        break;
      if (data[i + 1] >= 251 && data[i + 1] <= 254)
        i += 3;
      else if (data[i + 1] == 250)
        {
          i += 2;
          while (i + 1 < len && !(data[i] == 0xff && data[i + 1] == 240))
            i++;
          i += 2;
        }
      else if (data[i + 1] == 0xff)
        {
          g_byte_array_append (text, data + i, 1);
          i += 2;
        }
      else
        i += 2;
    }
  if (!negotiated && text->len == 0)
    return FALSE;
  set_string (&info->service, "telnet");
  take_string (&info->banner, wb_banner_sanitize (text->data, text->len, WB_BANNER_MAX_CHARS));
  if (*info->banner == '\0')
    g_clear_pointer (&info->banner, g_free);
  return TRUE;
}

/* ---- TLS ---- */

const char *
wb_tls_version_name (int protocol_version)
{
  switch (protocol_version)
    {
    case G_TLS_PROTOCOL_VERSION_SSL_3_0: return "SSL 3.0";
    case G_TLS_PROTOCOL_VERSION_TLS_1_0: return "TLS 1.0";
    case G_TLS_PROTOCOL_VERSION_TLS_1_1: return "TLS 1.1";
    case G_TLS_PROTOCOL_VERSION_TLS_1_2: return "TLS 1.2";
    case G_TLS_PROTOCOL_VERSION_TLS_1_3: return "TLS 1.3";
    default: return NULL;
    }
}

gboolean
wb_tls_version_is_old (int protocol_version)
{
  return protocol_version == G_TLS_PROTOCOL_VERSION_SSL_3_0 ||
         protocol_version == G_TLS_PROTOCOL_VERSION_TLS_1_0 ||
         protocol_version == G_TLS_PROTOCOL_VERSION_TLS_1_1;
}

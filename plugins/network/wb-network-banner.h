/* wb-network-banner.h — reading what services say about themselves
 *
 * Pure functions over bytes received from the network: no I/O, no allocation beyond
 * the strings they return, so they can be tested with hostile input on their own. Every
 * function accepts any bytes (binary, truncated, huge, invalid UTF-8) and either
 * understands them or says it does not; none trusts a length field it has not checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest banner text kept for the report and the stored data, in characters. */
#define WB_BANNER_MAX_CHARS 200

/* Printable, valid UTF-8 from untrusted bytes: stops at the first line end, replaces
 * control characters and invalid sequences with U+FFFD, cuts at @max_chars characters
 * (adding "…"), trims surrounding space. Never NULL. */
char    *wb_banner_sanitize (const guint8 *data, gsize len, gsize max_chars);

/* What a banner told us. Strings are sanitized; NULL when not known. */
typedef struct {
  char *service;  /* "ssh", "ftp", "smtp", "http", ... (nmap's service names) */
  char *product;  /* "OpenSSH", "Apache httpd", "vsftpd", ... */
  char *version;  /* "8.9p1", "2.2.15", ... */
  char *extra;    /* the rest worth showing: "Ubuntu-3ubuntu0.10", "(CentOS)", ... */
  char *banner;   /* the first line, sanitized, as shown in the report */
} WbBannerInfo;

void     wb_banner_info_clear (WbBannerInfo *info);

/* "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10". FALSE if not an SSH identification. */
gboolean wb_banner_parse_ssh (const guint8 *data, gsize len, WbBannerInfo *info);

/* The code of a complete FTP/SMTP reply (RFC 959 §4.2, RFC 5321 §4.2: "220-..." lines
 * continue until "220 ..."), or -1 while incomplete or when not a reply at all. */
int      wb_banner_reply_code (const guint8 *data, gsize len);
/* 220 greetings of FTP and SMTP servers, with the product where we recognise it. */
gboolean wb_banner_parse_ftp (const guint8 *data, gsize len, WbBannerInfo *info);
gboolean wb_banner_parse_smtp (const guint8 *data, gsize len, WbBannerInfo *info);

/* An HTTP response (headers and the start of the body). */
typedef struct {
  int   status;       /* 200, 401, ...; 0 if not HTTP */
  char *server;       /* Server header, sanitized */
  char *powered_by;   /* X-Powered-By header, sanitized */
  char *title;        /* <title> of the page, whitespace collapsed, sanitized */
  char *location;     /* Location header (redirects), sanitized */
} WbHttpInfo;

void     wb_http_info_clear (WbHttpInfo *info);
gboolean wb_banner_parse_http (const guint8 *data, gsize len, WbHttpInfo *http,
                               WbBannerInfo *info);
/* TRUE once @data holds the whole header block and either @body_bytes of body or the
 * end of the title: enough to stop reading. */
gboolean wb_banner_http_complete (const guint8 *data, gsize len, gsize body_bytes);

/* RDP (MS-RDPBCGR 2.2.1.1): the X.224 Connection Request we send, and whether the answer
 * is an X.224 Connection Confirm (RDP is there), with the security protocol it chose. */
const guint8 *wb_rdp_connection_request (gsize *len);
gboolean wb_banner_parse_rdp (const guint8 *data, gsize len, guint32 *selected_protocol);

/* SMB: a negotiate request offering only SMB1's "NT LM 0.12" (or also the SMB2 dialects),
 * and the answer: SMB1 accepted, or the SMB2 dialect chosen (0x0202, 0x0210, 0x02ff ...). */
typedef enum {
  WB_SMB_NONE,     /* not an SMB answer, or SMB1 refused */
  WB_SMB_V1,       /* an SMB1 negotiate response that accepted a dialect */
  WB_SMB_V2,       /* an SMB2 negotiate response */
} WbSmbAnswer;

const guint8 *wb_smb_negotiate_request (gboolean with_smb2, gsize *len);
WbSmbAnswer   wb_banner_parse_smb (const guint8 *data, gsize len, guint16 *dialect);
/* Bytes of the NetBIOS session message we need before parsing (0 if unknown yet). */
gsize         wb_smb_message_length (const guint8 *data, gsize len);

/* "RFB 003.008\n" (VNC). */
gboolean wb_banner_parse_vnc (const guint8 *data, gsize len, WbBannerInfo *info);
/* The security types a VNC server offers after the version handshake (RFC 6143 §7.1.2;
 * version 3.3 sends one 4-byte type instead of a list). TRUE when the answer is complete
 * and well-formed; *no_auth tells whether type 1 ("None": no password) is among them. */
gboolean wb_banner_parse_vnc_security (const guint8 *data, gsize len, gboolean v3_3,
                                       gboolean *no_auth);
/* The MySQL/MariaDB greeting packet: protocol 10, NUL-terminated server version. */
gboolean wb_banner_parse_mysql (const guint8 *data, gsize len, WbBannerInfo *info);
/* Telnet: the text of the first bytes, with IAC option negotiation removed. */
gboolean wb_banner_parse_telnet (const guint8 *data, gsize len, WbBannerInfo *info);

/* "TLS 1.2" for a GTlsProtocolVersion value; NULL when unknown. */
const char *wb_tls_version_name (int protocol_version);
/* TLS 1.0 and 1.1 (and SSL) are deprecated (RFC 8996; NCSC TLS guidelines: "phase out"). */
gboolean    wb_tls_version_is_old (int protocol_version);

G_END_DECLS

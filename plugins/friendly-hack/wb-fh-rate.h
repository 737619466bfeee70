/* wb-fh-rate.h — judging what the website and the mail domain show (pure functions)
 *
 * No network here: the website and DNS code hand their answers to these, so the tests
 * can judge any answer. See docs/friendly-hack.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wb-finding.h"

G_BEGIN_DECLS

/* NCSC TLS guidelines: 1.3 good, 1.2 sufficient, 1.1/1.0 phase out, SSL insecure. */
typedef enum {
  WB_FH_TLS_GOOD,
  WB_FH_TLS_SUFFICIENT,
  WB_FH_TLS_PHASE_OUT,
  WB_FH_TLS_INSECURE,
  WB_FH_TLS_UNKNOWN,
} WbFhTlsRating;

WbFhTlsRating wb_fh_rate_tls (GTlsProtocolVersion version);
const char   *wb_fh_tls_version_name (GTlsProtocolVersion version); /* "TLS 1.3" */
const char   *wb_fh_tls_rating_label (WbFhTlsRating rating);       /* translated */

/* Response headers: a list of "name: value" lines (names any case). */
typedef struct {
  int       score;        /* 100 minus the penalties, like Mozilla Observatory's */
  GPtrArray *missing;     /* of translated strings: what is missing or wrong */
} WbFhHeaderRating;

void          wb_fh_header_rating_clear (WbFhHeaderRating *rating);
/* @https_redirect: the plain-http page redirected to https (-1: not checked). */
void          wb_fh_rate_headers (const char * const *headers, int https_redirect,
                                  WbFhHeaderRating *out);
/* The value of header @name (first one), or NULL. */
const char   *wb_fh_header_get (const char * const *headers, const char *name, char **out);

/* security.txt (RFC 9116): Contact and Expires are required; FALSE with @problem. */
gboolean      wb_fh_security_txt_ok (const char *body, const char *today_iso, char **problem);

/* Mail DNS. Each returns a WbAnswer-like verdict: 2 good, 1 partly, 0 bad, and a
 * translated explanation in @why. @records are the TXT strings found (may be empty). */
int           wb_fh_rate_spf (const char * const *records, char **why);
int           wb_fh_rate_dmarc (const char * const *records, char **why);
int           wb_fh_rate_dkim (const char * const *records, char **why);
int           wb_fh_rate_mta_sts (const char * const *records, char **why);

G_END_DECLS

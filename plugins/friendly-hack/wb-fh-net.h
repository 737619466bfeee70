/* wb-fh-net.h — the automated friendly-hack items: the website and the mail domain
 *
 * Blocking functions, for a worker thread (GTask): every request is one ordinary HTTP
 * request through GIO (TLS via glib-networking) with a 10-second timeout, every DNS
 * question one lookup through GResolver (the system resolver). Nothing is crawled and
 * no mail is ever sent. Errors are kept per request, so partial results survive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WB_FH_TIMEOUT_SECONDS 10
#define WB_FH_MAX_BODY (256 * 1024)

typedef struct {
  char                *url;
  int                  status;      /* 0 when no answer */
  GStrv                headers;     /* "Name: value" */
  char                *body;       /* at most WB_FH_MAX_BODY bytes, NUL-terminated */
  GTlsProtocolVersion  tls_version;
  GTlsCertificateFlags cert_errors;
  char                *cert_not_after; /* ISO 8601 or NULL */
  char                *error;      /* translated, or NULL */
} WbFhPage;

void      wb_fh_page_free (WbFhPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbFhPage, wb_fh_page_free)

/* One GET of @url (http or https). Never NULL: failures are in ->error. */
WbFhPage *wb_fh_fetch (const char *url, GCancellable *cancellable);

/* Does @host:@port still accept TLS 1.0 or 1.1 when a client offers only those? Runs
 * werkbank-tls-check (the network plugin's helper: glib-networking reads its TLS
 * priority once per process) against the host's first address. Returns "TLS 1.0" /
 * "TLS 1.1", or NULL; *checked is FALSE when it could not be tried (no helper, the name
 * did not resolve). */
char     *wb_fh_old_tls (const char *host, guint16 port, GCancellable *cancellable,
                         gboolean *checked);

typedef struct {
  GStrv records;  /* TXT strings (or "PRIORITY HOST" for MX); empty when none */
  char *error;    /* translated when the lookup failed other than "no such record" */
} WbFhLookup;

void      wb_fh_lookup_clear (WbFhLookup *lookup);
/* @type G_RESOLVER_RECORD_TXT or G_RESOLVER_RECORD_MX. */
void      wb_fh_lookup (GResolver *resolver, const char *name, GResolverRecordType type,
                        GCancellable *cancellable, WbFhLookup *out);

G_END_DECLS

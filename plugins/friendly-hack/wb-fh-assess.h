/* wb-fh-assess.h — the automated items: what to ask (gated), asking, judging
 *
 * wb_fh_run_new() decides on the main thread what may be asked (the agreement's items,
 * the scope, the hoster's consent); wb_fh_run_checks() asks, blocking, in a worker
 * thread; wb_fh_run_judge() turns the answers into findings, tables and score answers.
 * The fetch and lookup functions can be replaced (tests count and fake the requests).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wb-fh-net.h"
#include "wb-scope.h"
#include "wb-score.h"

G_BEGIN_DECLS

typedef WbFhPage *(*WbFhFetchFunc) (const char *url, GCancellable *cancellable);
typedef char     *(*WbFhOldTlsFunc) (const char *host, guint16 port, GCancellable *cancellable,
                                     gboolean *checked);
typedef void      (*WbFhLookupFunc) (GResolver *resolver, const char *name,
                                     GResolverRecordType type, GCancellable *cancellable,
                                     WbFhLookup *out);

/* Paths asked once each for an exposed admin login and for a directory listing. */
#define WB_FH_ADMIN_PATHS { "/wp-admin/", "/wp-login.php", "/administrator/", "/admin/", \
                            "/phpmyadmin/", "/user/login", NULL }
#define WB_FH_LISTING_PATHS { "/uploads/", "/images/", "/backup/", "/wp-content/uploads/", NULL }

typedef struct {
  /* what to ask (set by wb_fh_run_new) */
  char          *website;        /* https URL, NULL: no website item */
  char          *website_plain;  /* the http URL for the redirect check */
  char          *website_base;   /* scheme://host[:port] */
  char          *hoster;         /* third party hosting the website, or NULL */
  gboolean       website_full;   /* FALSE: only the home page (no hoster consent) */
  char          *mail_domain;
  char          *dkim_selector;
  char          *today;          /* YYYY-MM-DD */
  GPtrArray     *notes;          /* translated: what was not asked, and why */
  WbFhFetchFunc  fetch;
  WbFhLookupFunc lookup;
  WbFhOldTlsFunc old_tls_check;
  guint          n_requests;     /* HTTP requests made */
  /* answers */
  WbFhPage      *home;
  WbFhPage      *plain;
  WbFhPage      *security_txt;
  char          *old_tls;        /* "TLS 1.0" when also accepted, else NULL */
  gboolean       old_tls_checked;
  GPtrArray     *admin;          /* of WbFhPage */
  GPtrArray     *listing;        /* of WbFhPage */
  gboolean       mail_asked;
  WbFhLookup     mx, spf, dmarc, dkim, mta_sts;
} WbFhRun;

/* @targets: the plugin's "targets" data ({"website": {"url", "http_url", "hoster"},
 * "mail": {"domain", "dkim_selector"}}). NULL with an error when a target is invalid or
 * outside the scope (nothing is asked then). */
WbFhRun  *wb_fh_run_new (WbScope *scope, JsonNode *targets, const char *today, GError **error);
void      wb_fh_run_free (WbFhRun *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbFhRun, wb_fh_run_free)

void      wb_fh_run_checks (WbFhRun *run, GCancellable *cancellable);
/* Adds findings (WbFinding), report tables and score answers. */
void      wb_fh_run_judge (WbFhRun *run, GPtrArray *findings, JsonArray *sections,
                           WbScore *score);

G_END_DECLS

/* wb-fh-assess.c — the website and mail-domain items: gating, asking, judging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wb-fh-assess.h"
#include "wb-fh-checklist.h"
#include "wb-fh-rate.h"
#include "wb-finding.h"
#include "wb-util-private.h"

void
wb_fh_run_free (WbFhRun *run)
{
  if (run == NULL)
    return;
  g_free (run->website); g_free (run->website_plain); g_free (run->website_base);
  g_free (run->hoster); g_free (run->mail_domain); g_free (run->dkim_selector);
  g_free (run->today);
  g_ptr_array_unref (run->notes);
  wb_fh_page_free (run->home); wb_fh_page_free (run->plain);
  wb_fh_page_free (run->security_txt);
  g_free (run->old_tls);
  g_ptr_array_unref (run->admin);
  g_ptr_array_unref (run->listing);
  wb_fh_lookup_clear (&run->mx); wb_fh_lookup_clear (&run->spf);
  wb_fh_lookup_clear (&run->dmarc); wb_fh_lookup_clear (&run->dkim);
  wb_fh_lookup_clear (&run->mta_sts);
  g_free (run);
}

/* ---- gating (main thread) ---- */

static gboolean
setup_website (WbFhRun *run, WbScope *scope, JsonObject *website, GError **error)
{
  static const char * const members[] = { "url", "http_url", "hoster", NULL };
  const char *what = _("the website target");
  g_autofree char *url = NULL;
  g_autofree char *http_url = NULL;
  g_autoptr(GUri) uri = NULL;

  if (!wb_json_check_members (website, what, members, error) ||
      !wb_json_get_string (website, what, "url", TRUE, &url, error) ||
      !wb_json_get_string (website, what, "http_url", FALSE, &http_url, error) ||
      !wb_json_get_string (website, what, "hoster", FALSE, &run->hoster, error))
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 ||
      g_uri_get_host (uri) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The website must be given as an https address, not “%s”."), url);
      return FALSE;
    }
  /* The name must be in the agreement: a domain the company signed for. */
  if (!wb_scope_check_hostname (scope, g_uri_get_host (uri), error))
    return FALSE;
  if (!wb_fh_item_allowed (scope, "website", NULL))
    {
      g_ptr_array_add (run->notes, g_strdup (_("Website: not checked, the agreement does "
                                               "not list this item.")));
      return TRUE;
    }
  run->website = g_strdup (url);
  run->website_base = g_uri_get_port (uri) > 0
    ? g_strdup_printf ("https://%s:%d", g_uri_get_host (uri), g_uri_get_port (uri))
    : g_strdup_printf ("https://%s", g_uri_get_host (uri));
  run->website_plain = http_url != NULL ? g_steal_pointer (&http_url)
                                        : g_strdup_printf ("http://%s/", g_uri_get_host (uri));
  run->website_full = run->hoster == NULL ||
                      wb_scope_has_third_party_consent (scope, run->hoster);
  if (!run->website_full)
    g_ptr_array_add (run->notes, g_strdup_printf (
      _("Website: hosted by %s, which has not given its consent in the agreement: only "
        "the home page was requested (no redirect, security.txt, admin-login or "
        "directory-listing checks)."), run->hoster));
  return TRUE;
}

static gboolean
setup_mail (WbFhRun *run, WbScope *scope, JsonObject *mail, GError **error)
{
  static const char * const members[] = { "domain", "dkim_selector", NULL };
  const char *what = _("the mail target");
  g_autofree char *domain = NULL;

  if (!wb_json_check_members (mail, what, members, error) ||
      !wb_json_get_string (mail, what, "domain", TRUE, &domain, error) ||
      !wb_json_get_string (mail, what, "dkim_selector", FALSE, &run->dkim_selector, error))
    return FALSE;
  if (!wb_scope_check_hostname (scope, domain, error))
    return FALSE;
  if (run->dkim_selector != NULL &&
      (strspn (run->dkim_selector, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                   "0123456789-_.") != strlen (run->dkim_selector) ||
       strlen (run->dkim_selector) > 63 || *run->dkim_selector == '\0'))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The DKIM selector “%s” is not a DNS label."), run->dkim_selector);
      return FALSE;
    }
  if (!wb_fh_item_allowed (scope, "mail-spoofing", NULL))
    {
      g_ptr_array_add (run->notes, g_strdup (_("Mail domain: not checked, the agreement "
                                               "does not list this item.")));
      return TRUE;
    }
  run->mail_domain = g_steal_pointer (&domain);
  return TRUE;
}

WbFhRun *
wb_fh_run_new (WbScope *scope, JsonNode *targets, const char *today, GError **error)
{
  g_autoptr(WbFhRun) run = g_new0 (WbFhRun, 1);
  JsonObject *object;
  JsonNode *node;

  run->notes = g_ptr_array_new_with_free_func (g_free);
  run->admin = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_fh_page_free);
  run->listing = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_fh_page_free);
  run->today = g_strdup (today);
  run->fetch = wb_fh_fetch;
  run->lookup = wb_fh_lookup;
  run->old_tls_check = wb_fh_old_tls;
  if (targets == NULL)
    return g_steal_pointer (&run);
  object = wb_json_get_object (targets, _("the friendly-hack targets"), error);
  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, "website");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      (!JSON_NODE_HOLDS_OBJECT (node) ||
       !setup_website (run, scope, json_node_get_object (node), error)))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The website target is not an object."));
      return NULL;
    }
  node = json_object_get_member (object, "mail");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      (!JSON_NODE_HOLDS_OBJECT (node) ||
       !setup_mail (run, scope, json_node_get_object (node), error)))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The mail target is not an object."));
      return NULL;
    }
  return g_steal_pointer (&run);
}

/* ---- asking (worker thread) ---- */

static WbFhPage *
fetch (WbFhRun *run, const char *url, GCancellable *cancellable)
{
  run->n_requests++;
  return run->fetch (url, cancellable);
}

static void
check_website (WbFhRun *run, GCancellable *cancellable)
{
  const char *admin_paths[] = WB_FH_ADMIN_PATHS;
  const char *listing_paths[] = WB_FH_LISTING_PATHS;
  g_autofree char *security_txt = NULL;

  run->home = fetch (run, run->website, cancellable);
  /* Without the hoster's consent: the one ordinary page request, nothing more. An
   * unreachable site is not hammered either. */
  if (!run->website_full || run->home->status == 0)
    return;
  run->plain = fetch (run, run->website_plain, cancellable);
  /* One more handshake offering only TLS 1.0 and 1.1: does the server still take them? */
  {
    g_autoptr(GUri) uri = g_uri_parse (run->website, G_URI_FLAGS_NONE, NULL);

    if (uri != NULL && run->home->tls_version != G_TLS_PROTOCOL_VERSION_UNKNOWN)
      {
        run->n_requests++;
        run->old_tls = run->old_tls_check (g_uri_get_host (uri),
                                           g_uri_get_port (uri) > 0 ? g_uri_get_port (uri) : 443,
                                           cancellable, &run->old_tls_checked);
      }
  }
  security_txt = g_strconcat (run->website_base, "/.well-known/security.txt", NULL);
  run->security_txt = fetch (run, security_txt, cancellable);
  for (guint i = 0; admin_paths[i] != NULL && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autofree char *url = g_strconcat (run->website_base, admin_paths[i], NULL);

      g_ptr_array_add (run->admin, fetch (run, url, cancellable));
    }
  for (guint i = 0; listing_paths[i] != NULL && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autofree char *url = g_strconcat (run->website_base, listing_paths[i], NULL);

      g_ptr_array_add (run->listing, fetch (run, url, cancellable));
    }
}

static void
check_mail (WbFhRun *run, GCancellable *cancellable)
{
  g_autoptr(GResolver) resolver = g_resolver_get_default ();
  g_autofree char *dmarc = g_strconcat ("_dmarc.", run->mail_domain, NULL);
  g_autofree char *sts = g_strconcat ("_mta-sts.", run->mail_domain, NULL);

  run->mail_asked = TRUE;
  run->lookup (resolver, run->mail_domain, G_RESOLVER_RECORD_MX, cancellable, &run->mx);
  run->lookup (resolver, run->mail_domain, G_RESOLVER_RECORD_TXT, cancellable, &run->spf);
  run->lookup (resolver, dmarc, G_RESOLVER_RECORD_TXT, cancellable, &run->dmarc);
  run->lookup (resolver, sts, G_RESOLVER_RECORD_TXT, cancellable, &run->mta_sts);
  if (run->dkim_selector != NULL)
    {
      g_autofree char *dkim = g_strdup_printf ("%s._domainkey.%s", run->dkim_selector,
                                               run->mail_domain);

      run->lookup (resolver, dkim, G_RESOLVER_RECORD_TXT, cancellable, &run->dkim);
    }
}

void
wb_fh_run_checks (WbFhRun *run, GCancellable *cancellable)
{
  if (run->website != NULL)
    check_website (run, cancellable);
  if (run->mail_domain != NULL)
    check_mail (run, cancellable);
}

/* ---- judging (main thread) ---- */

typedef struct {
  const char *risk;
  const char *step;
  WbOwner     owner;
  WbPriority  priority;
  guint       effort;
  const char *reference;
} Advice;

static void
add_finding (GPtrArray *findings, const char *check, const char *title, WbSeverity severity,
             const char *asset, const char *evidence, const Advice *a)
{
  g_autofree char *check_id = g_strconcat ("friendly-hack.", check, NULL);
  WbFinding *finding = wb_finding_new (check_id, title, severity);
  g_autoptr(WbAdvice) advice = wb_advice_new ();

  wb_finding_set_confidence (finding, WB_CONFIDENCE_AUTOMATED);
  wb_finding_add_asset (finding, asset);
  if (evidence != NULL)
    wb_finding_add_evidence (finding, evidence);
  advice->risk = g_strdup (a->risk);
  advice->step = g_strdup (a->step);
  advice->owner = a->owner;
  advice->priority = a->priority;
  advice->effort = a->effort;
  advice->solution = WB_SOLUTION_MITIGATION;
  if (a->reference != NULL)
    {
      g_strfreev (advice->references);
      advice->references = g_new0 (char *, 2);
      advice->references[0] = g_strdup (a->reference);
    }
  wb_finding_set_advice (finding, advice);
  g_ptr_array_add (findings, finding);
}

static void
add_row (JsonArray *rows, const char *check, const char *result)
{
  JsonArray *row = json_array_new ();

  json_array_add_string_element (row, check);
  json_array_add_string_element (row, result);
  json_array_add_array_element (rows, row);
}

static JsonNode *
table (const char *title, JsonArray *rows, const char *note)
{
  JsonObject *object = json_object_new ();
  JsonArray *columns = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_array_add_string_element (columns, _("Check"));
  json_array_add_string_element (columns, _("Result"));
  json_object_set_string_member (object, "title", title);
  json_object_set_array_member (object, "columns", columns);
  json_object_set_array_member (object, "rows", rows);
  if (note != NULL)
    json_object_set_string_member (object, "note", note);
  json_node_take_object (node, object);
  return node;
}

static gboolean
is_login_page (WbFhPage *page)
{
  g_autofree char *lower = NULL;

  if (page->status == 401)
    return TRUE;
  if (page->status != 200 || page->body == NULL)
    return FALSE;
  lower = g_ascii_strdown (page->body, -1);
  return strstr (lower, "type=\"password\"") != NULL || strstr (lower, "type='password'") != NULL ||
         strstr (lower, "type=password") != NULL;
}

static gboolean
is_listing (WbFhPage *page)
{
  return page->status == 200 && page->body != NULL &&
         (strstr (page->body, "Index of /") != NULL ||
          strstr (page->body, "Directory listing for") != NULL);
}

static void
judge_tls (WbFhRun *run, GPtrArray *findings, JsonArray *rows, WbScore *score, const char *asset)
{
  WbFhTlsRating rating = wb_fh_rate_tls (run->home->tls_version);
  g_autofree char *tls = g_strdup_printf ("%s (%s)", wb_fh_tls_version_name (run->home->tls_version),
                                          wb_fh_tls_rating_label (rating));
  static const Advice tls_advice = {
    N_("Old TLS versions have known weaknesses; browsers are dropping them."),
    N_("Have the hoster or supplier switch off TLS 1.0 and 1.1 and offer TLS 1.3 (and 1.2)."),
    WB_OWNER_SUPPLIER, WB_PRIORITY_QUARTER, 1, "NCSC ICT-beveiligingsrichtlijnen voor TLS" };
  static const Advice cert_advice = {
    N_("Visitors get a warning, or cannot tell the real site from a fake one."),
    N_("Install a valid certificate for the site's name (for example from Let's Encrypt) and renew it automatically."),
    WB_OWNER_SUPPLIER, WB_PRIORITY_NOW, 1, "NCSC ICT-beveiligingsrichtlijnen voor TLS" };

  add_row (rows, _("TLS version"), tls);
  if (run->old_tls != NULL)
    {
      g_free (tls);
      tls = g_strdup_printf (_("also accepts %s (phase out)"), run->old_tls);
      rating = WB_FH_TLS_PHASE_OUT;
    }
  add_row (rows, _("TLS 1.0 or 1.1 accepted"),
           run->old_tls != NULL ? run->old_tls
           : run->old_tls_checked ? _("no")
           : _("not checked (needs the hoster's consent and werkbank-tls-check)"));
  wb_score_add (score, rating == WB_FH_TLS_GOOD ? WB_ANSWER_YES
                       : rating == WB_FH_TLS_SUFFICIENT ? WB_ANSWER_PARTLY : WB_ANSWER_NO,
                WB_WEIGHT_IMPORTANT, FALSE);
  if (rating == WB_FH_TLS_PHASE_OUT || rating == WB_FH_TLS_INSECURE)
    add_finding (findings, "website-tls-outdated", _("The website uses an outdated TLS version"),
                 WB_SEVERITY_MEDIUM, asset, tls, &(Advice) { _(tls_advice.risk), _(tls_advice.step),
                 tls_advice.owner, tls_advice.priority, tls_advice.effort, tls_advice.reference });
  if (run->home->cert_errors != 0)
    {
      g_autofree char *why = g_strdup_printf (
        _("Certificate problems:%s%s%s%s"),
        run->home->cert_errors & G_TLS_CERTIFICATE_UNKNOWN_CA ? _(" not issued by a trusted authority;") : "",
        run->home->cert_errors & G_TLS_CERTIFICATE_BAD_IDENTITY ? _(" issued for another name;") : "",
        run->home->cert_errors & G_TLS_CERTIFICATE_EXPIRED ? _(" expired;") : "",
        run->home->cert_errors & ~(G_TLS_CERTIFICATE_UNKNOWN_CA | G_TLS_CERTIFICATE_BAD_IDENTITY |
                                   G_TLS_CERTIFICATE_EXPIRED) ? _(" other problems;") : "");
      add_row (rows, _("Certificate"), why);
      add_finding (findings, "website-certificate", _("The website's certificate is not valid"),
                   WB_SEVERITY_MEDIUM, asset, why, &(Advice) { _(cert_advice.risk), _(cert_advice.step),
                   cert_advice.owner, cert_advice.priority, cert_advice.effort, cert_advice.reference });
      wb_score_add (score, WB_ANSWER_NO, WB_WEIGHT_IMPORTANT, FALSE);
    }
  else
    {
      add_row (rows, _("Certificate"), run->home->cert_not_after != NULL
                                         ? run->home->cert_not_after : _("valid"));
      wb_score_add (score, WB_ANSWER_YES, WB_WEIGHT_IMPORTANT, FALSE);
    }
}

static void
judge_headers (WbFhRun *run, GPtrArray *findings, JsonArray *rows, WbScore *score,
               const char *asset)
{
  int redirect = -1;
  WbFhHeaderRating rating = { 0 };
  g_autofree char *result = NULL;
  g_autofree char *joined = NULL;

  if (run->plain != NULL && run->plain->status != 0)
    {
      g_autofree char *location = NULL;

      wb_fh_header_get ((const char * const *) run->plain->headers, "location", &location);
      redirect = run->plain->status >= 300 && run->plain->status < 400 && location != NULL &&
                 g_str_has_prefix (location, "https://");
      add_row (rows, _("http redirects to https"), redirect ? _("yes") : _("no"));
      wb_score_add (score, redirect ? WB_ANSWER_YES : WB_ANSWER_NO, WB_WEIGHT_IMPORTANT, FALSE);
    }
  wb_fh_rate_headers ((const char * const *) run->home->headers, redirect, &rating);
  g_ptr_array_add (rating.missing, NULL);
  joined = g_strjoinv ("; ", (char **) rating.missing->pdata);
  result = rating.missing->len > 1
    ? g_strdup_printf (_("%d/100; missing: %s"), rating.score, joined)
    : g_strdup_printf ("%d/100", rating.score);
  add_row (rows, _("Security headers and cookies"), result);
  wb_score_add (score, rating.score >= 90 ? WB_ANSWER_YES : rating.score >= 50 ? WB_ANSWER_PARTLY
                                                                               : WB_ANSWER_NO,
                WB_WEIGHT_GOOD_PRACTICE, FALSE);
  if (rating.score < 70)
    add_finding (findings, "website-headers", _("The website lacks security headers"),
                 rating.score < 50 ? WB_SEVERITY_MEDIUM : WB_SEVERITY_LOW, asset, result,
                 &(Advice) { _("Without these headers the browser protects visitors less against "
                               "injected scripts, framing and cookie theft."),
                             _("Have the web builder or hoster add the missing headers and cookie flags."),
                             WB_OWNER_SUPPLIER, WB_PRIORITY_QUARTER, 1, "Mozilla Observatory" });
  if (redirect == 0)
    add_finding (findings, "website-no-https-redirect", _("The website can be visited without https"),
                 WB_SEVERITY_MEDIUM, asset, run->plain->url,
                 &(Advice) { _("Visitors who type the address may use an unencrypted connection."),
                             _("Redirect every http address to https and switch on HSTS."),
                             WB_OWNER_SUPPLIER, WB_PRIORITY_QUARTER, 1, "NCSC" });
  /* The strings were joined above; free the array (with its NULL end). */
  wb_fh_header_rating_clear (&rating);
}

static void
judge_extras (WbFhRun *run, GPtrArray *findings, JsonArray *rows, WbScore *score,
              const char *asset)
{
  g_autofree char *problem = NULL;
  gboolean txt_ok;

  if (run->security_txt != NULL)
    {
      txt_ok = run->security_txt->status == 200 &&
               wb_fh_security_txt_ok (run->security_txt->body, run->today, &problem);
      add_row (rows, "security.txt", txt_ok ? _("present") : problem != NULL ? problem : _("missing"));
      wb_score_add (score, txt_ok ? WB_ANSWER_YES : WB_ANSWER_NO, WB_WEIGHT_GOOD_PRACTICE, FALSE);
      if (!txt_ok)
        add_finding (findings, "website-no-security-txt", _("The website has no valid security.txt"),
                     WB_SEVERITY_LOW, asset, problem,
                     &(Advice) { _("Someone who finds a weakness does not know whom to tell."),
                                 _("Publish /.well-known/security.txt with a Contact and an Expires line (RFC 9116)."),
                                 WB_OWNER_SUPPLIER, WB_PRIORITY_REPLACEMENT, 1, "RFC 9116" });
    }
  for (guint i = 0; i < run->admin->len; i++)
    {
      WbFhPage *page = g_ptr_array_index (run->admin, i);

      if (!is_login_page (page))
        continue;
      add_row (rows, _("Admin login reachable"), page->url);
      wb_score_add (score, WB_ANSWER_NO, WB_WEIGHT_IMPORTANT, FALSE);
      add_finding (findings, "website-admin-login", _("The website's admin login is reachable from the internet"),
                   WB_SEVERITY_MEDIUM, asset, page->url,
                   &(Advice) { _("Attackers try passwords on admin logins they find."),
                               _("Limit the admin login to known addresses, and use two-factor login."),
                               WB_OWNER_SUPPLIER, WB_PRIORITY_QUARTER, 2, "CIS 12" });
    }
  for (guint i = 0; i < run->listing->len; i++)
    {
      WbFhPage *page = g_ptr_array_index (run->listing, i);

      if (!is_listing (page))
        continue;
      add_row (rows, _("Directory listing"), page->url);
      wb_score_add (score, WB_ANSWER_NO, WB_WEIGHT_IMPORTANT, FALSE);
      add_finding (findings, "website-directory-listing", _("The website lists the files in a folder"),
                   WB_SEVERITY_MEDIUM, asset, page->url,
                   &(Advice) { _("Anyone can see and download every file in the folder."),
                               _("Switch off directory listings on the web server."),
                               WB_OWNER_SUPPLIER, WB_PRIORITY_NOW, 1, "CIS 16" });
    }
}

static void
judge_website (WbFhRun *run, GPtrArray *findings, JsonArray *sections, WbScore *score)
{
  g_autoptr(GUri) uri = g_uri_parse (run->website, G_URI_FLAGS_NONE, NULL);
  const char *asset = uri != NULL ? g_uri_get_host (uri) : run->website;
  JsonArray *rows = json_array_new ();

  if (run->home == NULL || run->home->status == 0)
    {
      const char *error = run->home != NULL && run->home->error != NULL ? run->home->error : "?";

      add_row (rows, _("Home page"), error);
      wb_score_add (score, WB_ANSWER_UNKNOWN, WB_WEIGHT_IMPORTANT, FALSE);
      add_finding (findings, "website-unreachable", _("The website could not be checked"),
                   WB_SEVERITY_INFO, asset, error,
                   &(Advice) { _("The website's security is unknown."),
                               _("Check again when the website is reachable."),
                               WB_OWNER_COMPANY, WB_PRIORITY_QUARTER, 1, NULL });
    }
  else
    {
      g_autofree char *status = g_strdup_printf ("HTTP %d", run->home->status);

      add_row (rows, _("Home page"), status);
      judge_tls (run, findings, rows, score, asset);
      judge_headers (run, findings, rows, score, asset);
      judge_extras (run, findings, rows, score, asset);
    }
  json_array_add_element (sections, table (_("Website"), rows,
    _("One ordinary request per page; nothing was crawled. TLS rated with the NCSC guidelines "
      "(1.3 good, 1.2 sufficient, 1.0/1.1 phase out); headers weighted like Mozilla "
      "Observatory. The TLS version is the one negotiated; one more handshake offering only "
      "TLS 1.0 and 1.1 shows whether the server still accepts those.")));
}

static void
judge_mail_record (GPtrArray *findings, JsonArray *rows, WbScore *score, const char *domain,
                   const char *label, WbFhLookup *lookup, int (*rate) (const char * const *, char **),
                   const char *check, const char *title, WbSeverity bad, const Advice *advice)
{
  g_autofree char *why = NULL;
  int verdict;

  if (lookup->error != NULL)
    {
      add_row (rows, label, lookup->error);
      wb_score_add (score, WB_ANSWER_UNKNOWN, WB_WEIGHT_IMPORTANT, FALSE);
      return;
    }
  verdict = rate ((const char * const *) lookup->records, &why);
  add_row (rows, label, why);
  wb_score_add (score, verdict == 2 ? WB_ANSWER_YES : verdict == 1 ? WB_ANSWER_PARTLY : WB_ANSWER_NO,
                WB_WEIGHT_IMPORTANT, FALSE);
  if (verdict < 2)
    add_finding (findings, check, title, verdict == 1 ? WB_SEVERITY_LOW : bad, domain, why, advice);
}

static void
judge_mail (WbFhRun *run, GPtrArray *findings, JsonArray *sections, WbScore *score)
{
  JsonArray *rows = json_array_new ();
  const char *domain = run->mail_domain;

  if (run->mx.error != NULL)
    add_row (rows, "MX", run->mx.error);
  else
    {
      g_autofree char *mx = g_strv_length (run->mx.records) > 0
                              ? g_strjoinv (", ", run->mx.records)
                              : g_strdup (_("none: this domain receives no mail"));
      add_row (rows, "MX", mx);
    }
  judge_mail_record (findings, rows, score, domain, "SPF", &run->spf, wb_fh_rate_spf,
                     "mail-spf", _("Others can send mail in the company's name (SPF)"),
                     WB_SEVERITY_HIGH,
                     &(Advice) { _("Criminals can send mail that seems to come from the company."),
                                 _("Publish an SPF record that names the company's mail senders and ends in -all."),
                                 WB_OWNER_SUPPLIER, WB_PRIORITY_NOW, 1, "NCSC: SPF, DKIM en DMARC" });
  judge_mail_record (findings, rows, score, domain, "DMARC", &run->dmarc, wb_fh_rate_dmarc,
                     "mail-dmarc", _("Receivers are not told to refuse forged mail (DMARC)"),
                     WB_SEVERITY_HIGH,
                     &(Advice) { _("Forged mail in the company's name reaches customers."),
                                 _("Publish a DMARC record, start with p=none and reports, then move to p=reject."),
                                 WB_OWNER_SUPPLIER, WB_PRIORITY_NOW, 1, "NCSC: SPF, DKIM en DMARC" });
  if (run->dkim_selector != NULL)
    judge_mail_record (findings, rows, score, domain, "DKIM", &run->dkim, wb_fh_rate_dkim,
                       "mail-dkim", _("Mail is not signed with DKIM"), WB_SEVERITY_MEDIUM,
                       &(Advice) { _("Receivers cannot verify that mail really comes from the company."),
                                   _("Have the mail provider sign outgoing mail with DKIM and publish the key."),
                                   WB_OWNER_SUPPLIER, WB_PRIORITY_QUARTER, 1, "NCSC: SPF, DKIM en DMARC" });
  else
    add_row (rows, "DKIM", _("not checked: needs the selector from a received mail's header"));
  judge_mail_record (findings, rows, score, domain, "MTA-STS", &run->mta_sts, wb_fh_rate_mta_sts,
                     "mail-mta-sts", _("Mail to the company is not protected in transit (MTA-STS)"),
                     WB_SEVERITY_LOW,
                     &(Advice) { _("Mail to the company can be read or changed on the way."),
                                 _("Have the mail provider publish an MTA-STS policy."),
                                 WB_OWNER_SUPPLIER, WB_PRIORITY_REPLACEMENT, 1, "RFC 8461" });
  add_row (rows, "DNSSEC", _("not checked: the system resolver Werkbank uses does not tell "
                             "whether an answer was DNSSEC-validated"));
  json_array_add_element (sections, table (_("Mail domain"), rows,
                                           _("Read from DNS only; no mail was sent.")));
}

void
wb_fh_run_judge (WbFhRun *run, GPtrArray *findings, JsonArray *sections, WbScore *score)
{
  if (run->website != NULL)
    judge_website (run, findings, sections, score);
  if (run->mail_asked)
    judge_mail (run, findings, sections, score);
}

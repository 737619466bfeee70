/* test-friendly-hack.c — checklist gating, consent, records, and judging the website and
 * mail answers (the requests are faked and counted here; tests/lab/test-friendly-hack-lab.sh
 * runs them against real servers in the lab)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wb-fh-assess.h"
#include "wb-fh-checklist.h"
#include "wb-fh-rate.h"
#include "wb-init.h"

#define TODAY "2026-11-25"

static WbScope *
make_scope (const char * const *plugins, const char *consent)
{
  WbScope *scope = wb_scope_new ();
  g_autoptr(GError) error = NULL;

  wb_scope_add (scope, "domain:proefkeuken.test", &error);
  g_assert_no_error (error);
  wb_scope_set_max_activity (scope, WB_ACTIVITY_PASSIVE);
  for (guint i = 0; plugins[i] != NULL; i++)
    wb_scope_allow_plugin (scope, plugins[i]);
  if (consent != NULL)
    wb_scope_add_third_party_consent (scope, consent);
  return scope;
}

static JsonNode *
json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* ---- fake answers ---- */

static gboolean bad_site;

static WbFhPage *
fake_fetch (const char *url, GCancellable *cancellable)
{
  WbFhPage *page = g_new0 (WbFhPage, 1);
  GStrvBuilder *headers = g_strv_builder_new ();

  page->url = g_strdup (url);
  page->status = 404;
  page->body = g_strdup ("not found");
  if (g_str_has_prefix (url, "http://"))
    {
      page->status = bad_site ? 200 : 301;
      if (!bad_site)
        g_strv_builder_add (headers, "Location: https://www.proefkeuken.test/");
    }
  else if (g_str_has_suffix (url, "/security.txt") && !bad_site)
    {
      page->status = 200;
      g_free (page->body);
      page->body = g_strdup ("Contact: mailto:security@proefkeuken.test\nExpires: 2027-06-30T00:00:00Z\n");
    }
  else if (g_str_has_suffix (url, "/wp-login.php") && bad_site)
    {
      page->status = 200;
      g_free (page->body);
      page->body = g_strdup ("<form><input type=\"password\" name=\"pwd\"></form>");
    }
  else if (g_str_has_suffix (url, "/uploads/") && bad_site)
    {
      page->status = 200;
      g_free (page->body);
      page->body = g_strdup ("<title>Index of /uploads</title>");
    }
  else if (g_str_has_suffix (url, ".test/"))
    {
      page->status = 200;
      page->tls_version = bad_site ? G_TLS_PROTOCOL_VERSION_TLS_1_0 : G_TLS_PROTOCOL_VERSION_TLS_1_3;
      page->cert_errors = bad_site ? G_TLS_CERTIFICATE_UNKNOWN_CA : 0;
      if (bad_site)
        g_strv_builder_add (headers, "Set-Cookie: session=1; Path=/");
      else
        {
          g_strv_builder_add (headers, "Strict-Transport-Security: max-age=31536000");
          g_strv_builder_add (headers, "Content-Security-Policy: default-src 'self'; frame-ancestors 'none'");
          g_strv_builder_add (headers, "X-Content-Type-Options: nosniff");
          g_strv_builder_add (headers, "Referrer-Policy: no-referrer");
          g_strv_builder_add (headers, "Set-Cookie: session=1; Path=/; Secure; HttpOnly; SameSite=Lax");
        }
    }
  page->headers = g_strv_builder_end (headers);
  g_strv_builder_unref (headers);
  return page;
}

static char *
fake_old_tls (const char *host, guint16 port, GCancellable *cancellable, gboolean *checked)
{
  *checked = TRUE;
  return bad_site ? g_strdup ("TLS 1.0") : NULL;
}

static void
fake_lookup (GResolver *resolver, const char *name, GResolverRecordType type,
             GCancellable *cancellable, WbFhLookup *out)
{
  static const struct { const char *name; GResolverRecordType type; const char *records[3]; } answers[] = {
    { "proefkeuken.test", G_RESOLVER_RECORD_MX, { "10 mail.proefkeuken.test", NULL } },
    { "proefkeuken.test", G_RESOLVER_RECORD_TXT, { "google-site-verification=x", "v=spf1 mx ~all", NULL } },
    { "_dmarc.proefkeuken.test", G_RESOLVER_RECORD_TXT, { "v=DMARC1; p=none; rua=mailto:d@proefkeuken.test", NULL } },
    { "mail2026._domainkey.proefkeuken.test", G_RESOLVER_RECORD_TXT, { "v=DKIM1; k=rsa; p=MIIBIjAN", NULL } },
  };

  out->error = NULL;
  /* MTA-STS: the DNS server does not answer (a timeout). */
  if (g_str_has_prefix (name, "_mta-sts."))
    {
      out->records = g_new0 (char *, 1);
      out->error = g_strdup ("The DNS question for _mta-sts.proefkeuken.test was not answered: timed out");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    if (g_str_equal (answers[i].name, name) && answers[i].type == type)
      {
        out->records = g_strdupv ((char **) answers[i].records);
        return;
      }
  out->records = g_new0 (char *, 1);
}

static WbFinding *
find (GPtrArray *findings, const char *check_id)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (wb_finding_get_check_id (g_ptr_array_index (findings, i)), check_id))
      return g_ptr_array_index (findings, i);
  return NULL;
}

/* ---- tests ---- */

static void
test_items_gated (void)
{
  const char *plugins[] = { "friendly-hack", "friendly-hack.tailgating", NULL };
  const char *none[] = { "friendly-hack.tailgating", NULL };
  g_autoptr(WbScope) scope = make_scope (plugins, NULL);
  g_autoptr(WbScope) no_plugin = make_scope (none, NULL);
  g_autoptr(GError) error = NULL;
  guint n;

  g_assert_cmpuint ((wb_fh_items (&n), n), ==, 20);
  g_assert_true (wb_fh_item_allowed (scope, "tailgating", NULL));
  g_assert_false (wb_fh_item_allowed (scope, "phishing", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_ACTIVITY);
  g_assert_nonnull (strstr (error->message, "friendly-hack.phishing"));
  g_clear_error (&error);
  /* The item alone is not enough: the plugin itself must be agreed too. */
  g_assert_false (wb_fh_item_allowed (no_plugin, "tailgating", NULL));
  g_assert_false (wb_fh_item_allowed (scope, "lockpicking", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_records (void)
{
  const char *plugins[] = { "friendly-hack", "friendly-hack.tailgating", "friendly-hack.clean-desk", NULL };
  g_autoptr(WbScope) scope = make_scope (plugins, NULL);
  g_autoptr(JsonNode) records = json (
    "{ \"tailgating\": { \"consent_by\": \"Kees Bakker\", \"consent_date\": \"2026-11-25\","
    "  \"done_by\": \"Sam\", \"when\": \"2026-11-25T10:15:00Z\", \"outcome\": \"fail\","
    "  \"notes\": \"Door held open at the back entrance.\", \"evidence\": [\"a1b2\"] },"
    "  \"clean-desk\": { \"consent_by\": \"Kees Bakker\", \"consent_date\": \"2026-11-25\","
    "  \"done_by\": \"Sam\", \"when\": \"2026-11-25T10:30:00Z\", \"outcome\": \"pass\" } }");
  g_autoptr(JsonNode) bad = json ("{ \"consent_by\": \"\", \"consent_date\": \"2026-11-25\","
                                  " \"done_by\": \"Sam\", \"when\": \"2026-11-25\", \"outcome\": \"fail\" }");
  g_autoptr(JsonNode) bad_outcome = json ("{ \"consent_by\": \"K\", \"consent_date\": \"2026-13-01\","
                                          " \"done_by\": \"Sam\", \"when\": \"2026-11-25\", \"outcome\": \"fail\" }");
  g_autoptr(GPtrArray) findings = wb_fh_records_findings (records);
  g_autoptr(JsonNode) section = wb_fh_checklist_section (scope, records);
  g_autoptr(GError) error = NULL;
  JsonArray *rows;

  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (wb_finding_get_check_id (g_ptr_array_index (findings, 0)), ==,
                   "friendly-hack.tailgating");
  g_assert_nonnull (strstr (wb_finding_get_evidence (g_ptr_array_index (findings, 0))[0], "Kees Bakker"));
  rows = json_object_get_array_member (json_node_get_object (section), "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2); /* only the agreed items */
  g_assert_false (wb_fh_record_validate ("tailgating", bad, &error));
  g_assert_nonnull (strstr (error->message, "consented"));
  g_clear_error (&error);
  g_assert_false (wb_fh_record_validate ("tailgating", bad_outcome, &error));
  g_assert_nonnull (strstr (error->message, "consent_date"));
}

static WbFhRun *
make_run (WbScope *scope, const char *targets)
{
  g_autoptr(JsonNode) node = json (targets);
  g_autoptr(GError) error = NULL;
  WbFhRun *run = wb_fh_run_new (scope, node, TODAY, &error);

  g_assert_no_error (error);
  run->fetch = fake_fetch;
  run->lookup = fake_lookup;
  run->old_tls_check = fake_old_tls;
  return run;
}

static void
test_hoster_consent (void)
{
  const char *plugins[] = { "friendly-hack", "friendly-hack.website", NULL };
  const char *targets = "{ \"website\": { \"url\": \"https://www.proefkeuken.test/\","
                        " \"hoster\": \"webhoster.example\" } }";
  g_autoptr(WbScope) without = make_scope (plugins, NULL);
  g_autoptr(WbScope) with = make_scope (plugins, "webhoster.example");
  g_autoptr(WbFhRun) refused = make_run (without, targets);
  g_autoptr(WbFhRun) allowed = make_run (with, targets);

  bad_site = TRUE;
  wb_fh_run_checks (refused, NULL);
  /* Without the hoster's consent: the one ordinary page request, nothing else. */
  g_assert_false (refused->website_full);
  g_assert_cmpuint (refused->n_requests, ==, 1);
  g_assert_null (refused->plain);
  g_assert_cmpuint (refused->admin->len, ==, 0);
  g_assert_cmpuint (refused->notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (refused->notes, 0), "webhoster.example"));
  wb_fh_run_checks (allowed, NULL);
  g_assert_true (allowed->website_full);
  /* home, http, the old-TLS handshake, security.txt, 6 + 4 paths */
  g_assert_cmpuint (allowed->n_requests, ==, 14);
  g_assert_cmpstr (allowed->old_tls, ==, "TLS 1.0");
}

static void
test_scope_refusal (void)
{
  const char *plugins[] = { "friendly-hack", "friendly-hack.website", "friendly-hack.mail-spoofing", NULL };
  const char *only_plugin[] = { "friendly-hack", NULL };
  g_autoptr(WbScope) scope = make_scope (plugins, NULL);
  g_autoptr(WbScope) no_items = make_scope (only_plugin, NULL);
  g_autoptr(JsonNode) outside = json ("{ \"website\": { \"url\": \"https://www.example.org/\" } }");
  g_autoptr(JsonNode) plain = json ("{ \"website\": { \"url\": \"http://www.proefkeuken.test/\" } }");
  g_autoptr(JsonNode) mail_outside = json ("{ \"mail\": { \"domain\": \"example.org\" } }");
  g_autoptr(JsonNode) bad_selector = json ("{ \"mail\": { \"domain\": \"proefkeuken.test\", \"dkim_selector\": \"a b\" } }");
  g_autoptr(WbFhRun) skipped = NULL;
  g_autoptr(JsonNode) both = json ("{ \"website\": { \"url\": \"https://www.proefkeuken.test/\" },"
                                   " \"mail\": { \"domain\": \"proefkeuken.test\" } }");
  GError *error = NULL;

  g_assert_null (wb_fh_run_new (scope, outside, TODAY, &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE);
  g_clear_error (&error);
  g_assert_null (wb_fh_run_new (scope, plain, TODAY, &error));
  g_assert_nonnull (strstr (error->message, "https"));
  g_clear_error (&error);
  g_assert_null (wb_fh_run_new (scope, mail_outside, TODAY, &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE);
  g_clear_error (&error);
  g_assert_null (wb_fh_run_new (scope, bad_selector, TODAY, &error));
  g_clear_error (&error);
  /* Targets given, but the items are not in the agreement: nothing is asked. */
  skipped = wb_fh_run_new (no_items, both, TODAY, &error);
  g_assert_no_error (error);
  skipped->fetch = fake_fetch;
  skipped->lookup = fake_lookup;
  skipped->old_tls_check = fake_old_tls;
  wb_fh_run_checks (skipped, NULL);
  g_assert_cmpuint (skipped->n_requests, ==, 0);
  g_assert_false (skipped->mail_asked);
  g_assert_cmpuint (skipped->notes->len, ==, 2);
}

static void
judge (WbFhRun *run, GPtrArray *findings, JsonArray *sections, WbScore *score)
{
  wb_score_init (score);
  wb_fh_run_checks (run, NULL);
  wb_fh_run_judge (run, findings, sections, score);
}

static void
test_website_judged (void)
{
  const char *plugins[] = { "friendly-hack", "friendly-hack.website", NULL };
  const char *targets = "{ \"website\": { \"url\": \"https://www.proefkeuken.test/\" } }";
  g_autoptr(WbScope) scope = make_scope (plugins, NULL);
  g_autoptr(WbFhRun) good = make_run (scope, targets);
  g_autoptr(WbFhRun) bad = make_run (scope, targets);
  g_autoptr(GPtrArray) good_findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) bad_findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonArray) sections = json_array_new ();
  WbScore good_score, bad_score;

  bad_site = FALSE;
  judge (good, good_findings, sections, &good_score);
  g_assert_cmpuint (good_findings->len, ==, 0);
  g_assert_cmpint (wb_score_get_light (&good_score), ==, WB_LIGHT_GREEN);
  bad_site = TRUE;
  judge (bad, bad_findings, sections, &bad_score);
  g_assert_nonnull (find (bad_findings, "friendly-hack.website-tls-outdated"));
  g_assert_nonnull (find (bad_findings, "friendly-hack.website-certificate"));
  g_assert_nonnull (find (bad_findings, "friendly-hack.website-headers"));
  g_assert_nonnull (find (bad_findings, "friendly-hack.website-no-https-redirect"));
  g_assert_nonnull (find (bad_findings, "friendly-hack.website-no-security-txt"));
  g_assert_nonnull (find (bad_findings, "friendly-hack.website-admin-login"));
  g_assert_nonnull (find (bad_findings, "friendly-hack.website-directory-listing"));
  g_assert_cmpint (wb_score_get_light (&bad_score), ==, WB_LIGHT_RED);
  g_assert_cmpuint (json_array_get_length (sections), ==, 2);
}

static void
test_mail_judged (void)
{
  const char *plugins[] = { "friendly-hack", "friendly-hack.mail-spoofing", NULL };
  g_autoptr(WbScope) scope = make_scope (plugins, NULL);
  g_autoptr(WbFhRun) run = make_run (scope, "{ \"mail\": { \"domain\": \"proefkeuken.test\","
                                            " \"dkim_selector\": \"mail2026\" } }");
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonArray) sections = json_array_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  WbScore score;

  judge (run, findings, sections, &score);
  g_assert_cmpuint (run->n_requests, ==, 0);           /* DNS only */
  g_assert_cmpint (wb_finding_get_severity (find (findings, "friendly-hack.mail-spf")), ==, WB_SEVERITY_LOW);
  g_assert_cmpint (wb_finding_get_severity (find (findings, "friendly-hack.mail-dmarc")), ==, WB_SEVERITY_HIGH);
  g_assert_null (find (findings, "friendly-hack.mail-dkim"));
  /* The unanswered MTA-STS question is reported, the other answers are kept. */
  g_assert_null (find (findings, "friendly-hack.mail-mta-sts"));
  g_assert_cmpuint (score.n_unknown, ==, 1);
  json_generator_set_root (generator, json_array_get_element (sections, 0));
  text = json_generator_to_data (generator, NULL);
  g_assert_nonnull (strstr (text, "10 mail.proefkeuken.test"));
  g_assert_nonnull (strstr (text, "timed out"));
  g_assert_nonnull (strstr (text, "DNSSEC"));
}

static void
test_rate (void)
{
  const char *spf_strict[] = { "v=spf1 include:_spf.example -all", NULL };
  const char *spf_double[] = { "v=spf1 -all", "v=spf1 mx -all", NULL };
  const char *spf_open[] = { "v=spf1 +all", NULL };
  const char *dmarc_reject[] = { "v=DMARC1; p=reject", NULL };
  const char *dmarc_q[] = { "v=DMARC1;p=quarantine;pct=100", NULL };
  const char *dkim_revoked[] = { "v=DKIM1; p=", NULL };
  const char *none[] = { NULL };
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL, *g = NULL;
  g_autofree char *p1 = NULL, *p2 = NULL;

  g_assert_cmpint (wb_fh_rate_spf (spf_strict, &a), ==, 2);
  g_assert_cmpint (wb_fh_rate_spf (spf_double, &b), ==, 0);
  g_assert_cmpint (wb_fh_rate_spf (spf_open, &c), ==, 0);
  g_assert_cmpint (wb_fh_rate_dmarc (dmarc_reject, &d), ==, 2);
  g_assert_cmpint (wb_fh_rate_dmarc (dmarc_q, &e), ==, 1);
  g_assert_cmpint (wb_fh_rate_dkim (dkim_revoked, &f), ==, 0);
  g_assert_cmpint (wb_fh_rate_mta_sts (none, &g), ==, 0);
  g_assert_cmpint (wb_fh_rate_tls (G_TLS_PROTOCOL_VERSION_TLS_1_3), ==, WB_FH_TLS_GOOD);
  g_assert_cmpint (wb_fh_rate_tls (G_TLS_PROTOCOL_VERSION_TLS_1_2), ==, WB_FH_TLS_SUFFICIENT);
  g_assert_cmpint (wb_fh_rate_tls (G_TLS_PROTOCOL_VERSION_TLS_1_1), ==, WB_FH_TLS_PHASE_OUT);
  g_assert_false (wb_fh_security_txt_ok ("Contact: mailto:x@y\nExpires: 2025-01-01T00:00:00Z\n", TODAY, &p1));
  g_assert_nonnull (strstr (p1, "expired"));
  g_assert_false (wb_fh_security_txt_ok ("Expires: 2027-01-01T00:00:00Z\n", TODAY, &p2));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  wb_init (NULL);
  g_test_add_func ("/friendly-hack/items-gated", test_items_gated);
  g_test_add_func ("/friendly-hack/records", test_records);
  g_test_add_func ("/friendly-hack/hoster-consent", test_hoster_consent);
  g_test_add_func ("/friendly-hack/scope-refusal", test_scope_refusal);
  g_test_add_func ("/friendly-hack/website-judged", test_website_judged);
  g_test_add_func ("/friendly-hack/mail-judged", test_mail_judged);
  g_test_add_func ("/friendly-hack/rate", test_rate);
  return g_test_run ();
}

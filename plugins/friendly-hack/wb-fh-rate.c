/* wb-fh-rate.c — judging website headers, TLS and mail DNS records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wb-fh-rate.h"

WbFhTlsRating
wb_fh_rate_tls (GTlsProtocolVersion version)
{
  switch (version)
    {
    case G_TLS_PROTOCOL_VERSION_TLS_1_3: return WB_FH_TLS_GOOD;
    case G_TLS_PROTOCOL_VERSION_TLS_1_2: return WB_FH_TLS_SUFFICIENT;
    case G_TLS_PROTOCOL_VERSION_TLS_1_1:
    case G_TLS_PROTOCOL_VERSION_TLS_1_0: return WB_FH_TLS_PHASE_OUT;
    case G_TLS_PROTOCOL_VERSION_SSL_3_0: return WB_FH_TLS_INSECURE;
    case G_TLS_PROTOCOL_VERSION_UNKNOWN:
    default: return WB_FH_TLS_UNKNOWN;
    }
}

const char *
wb_fh_tls_version_name (GTlsProtocolVersion version)
{
  switch (version)
    {
    case G_TLS_PROTOCOL_VERSION_TLS_1_3: return "TLS 1.3";
    case G_TLS_PROTOCOL_VERSION_TLS_1_2: return "TLS 1.2";
    case G_TLS_PROTOCOL_VERSION_TLS_1_1: return "TLS 1.1";
    case G_TLS_PROTOCOL_VERSION_TLS_1_0: return "TLS 1.0";
    case G_TLS_PROTOCOL_VERSION_SSL_3_0: return "SSL 3.0";
    default: return "?";
    }
}

const char *
wb_fh_tls_rating_label (WbFhTlsRating rating)
{
  switch (rating)
    {
    case WB_FH_TLS_GOOD: return _("good");
    case WB_FH_TLS_SUFFICIENT: return _("sufficient");
    case WB_FH_TLS_PHASE_OUT: return _("phase out");
    case WB_FH_TLS_INSECURE: return _("insecure");
    case WB_FH_TLS_UNKNOWN:
    default: return _("unknown");
    }
}

void
wb_fh_header_rating_clear (WbFhHeaderRating *rating)
{
  g_clear_pointer (&rating->missing, g_ptr_array_unref);
}

const char *
wb_fh_header_get (const char * const *headers, const char *name, char **out)
{
  gsize len = strlen (name);

  *out = NULL;
  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    if (g_ascii_strncasecmp (headers[i], name, len) == 0 && headers[i][len] == ':')
      {
        *out = g_strstrip (g_strdup (headers[i] + len + 1));
        return *out;
      }
  return NULL;
}

static void
penalty (WbFhHeaderRating *out, int points, const char *what)
{
  out->score -= points;
  g_ptr_array_add (out->missing, g_strdup (what));
}

/* Cookies: Observatory takes off more for a session cookie without Secure than for a
 * missing HttpOnly or SameSite; we do the same, once per kind of problem. */
static void
rate_cookies (const char * const *headers, WbFhHeaderRating *out)
{
  gboolean no_secure = FALSE, no_httponly = FALSE, no_samesite = FALSE;

  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    {
      g_autofree char *lower = NULL;

      if (g_ascii_strncasecmp (headers[i], "set-cookie:", 11) != 0)
        continue;
      lower = g_ascii_strdown (headers[i], -1);
      no_secure = no_secure || strstr (lower, "; secure") == NULL;
      no_httponly = no_httponly || strstr (lower, "; httponly") == NULL;
      no_samesite = no_samesite || strstr (lower, "; samesite=") == NULL;
    }
  if (no_secure)
    penalty (out, 40, _("a cookie without the Secure flag"));
  if (no_httponly)
    penalty (out, 10, _("a cookie without the HttpOnly flag"));
  if (no_samesite)
    penalty (out, 5, _("a cookie without SameSite"));
}

void
wb_fh_rate_headers (const char * const *headers, int https_redirect, WbFhHeaderRating *out)
{
  g_autofree char *csp = NULL;
  g_autofree char *hsts = NULL;
  g_autofree char *xcto = NULL;
  g_autofree char *xfo = NULL;
  g_autofree char *referrer = NULL;

  out->score = 100;
  out->missing = g_ptr_array_new_with_free_func (g_free);
  wb_fh_header_get (headers, "content-security-policy", &csp);
  wb_fh_header_get (headers, "strict-transport-security", &hsts);
  wb_fh_header_get (headers, "x-content-type-options", &xcto);
  wb_fh_header_get (headers, "x-frame-options", &xfo);
  wb_fh_header_get (headers, "referrer-policy", &referrer);
  if (csp == NULL)
    penalty (out, 25, _("no Content-Security-Policy"));
  if (hsts == NULL)
    penalty (out, 20, _("no Strict-Transport-Security (HSTS)"));
  else
    {
      const char *max_age = strstr (hsts, "max-age=");

      /* Observatory wants at least six months. */
      if (max_age == NULL || g_ascii_strtoull (max_age + 8, NULL, 10) < 15768000)
        penalty (out, 10, _("HSTS for less than six months"));
    }
  if (xcto == NULL || g_ascii_strcasecmp (xcto, "nosniff") != 0)
    penalty (out, 5, _("no X-Content-Type-Options: nosniff"));
  if (xfo == NULL && (csp == NULL || strstr (csp, "frame-ancestors") == NULL))
    penalty (out, 20, _("no protection against framing (X-Frame-Options)"));
  if (referrer == NULL)
    penalty (out, 0, _("no Referrer-Policy"));
  if (https_redirect == 0)
    penalty (out, 20, _("the plain http address does not redirect to https"));
  rate_cookies (headers, out);
  out->score = CLAMP (out->score, 0, 100);
}

gboolean
wb_fh_security_txt_ok (const char *body, const char *today_iso, char **problem)
{
  g_auto(GStrv) lines = g_strsplit (body != NULL ? body : "", "\n", -1);
  gboolean contact = FALSE;
  char *expires = NULL;

  *problem = NULL;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (g_ascii_strncasecmp (line, "Contact:", 8) == 0)
        contact = TRUE;
      else if (g_ascii_strncasecmp (line, "Expires:", 8) == 0)
        expires = g_strstrip (line + 8);
    }
  if (!contact)
    *problem = g_strdup (_("security.txt has no Contact line."));
  else if (expires == NULL)
    *problem = g_strdup (_("security.txt has no Expires line (required by RFC 9116)."));
  else if (today_iso != NULL && strncmp (expires, today_iso, 10) < 0)
    *problem = g_strdup_printf (_("security.txt expired on %.10s."), expires);
  return *problem == NULL;
}

/* The records that start with @prefix (case-insensitive), as DNS TXT may hold others. */
static GPtrArray *
records_with (const char * const *records, const char *prefix)
{
  GPtrArray *found = g_ptr_array_new ();
  gsize len = strlen (prefix);

  for (guint i = 0; records != NULL && records[i] != NULL; i++)
    if (g_ascii_strncasecmp (records[i], prefix, len) == 0)
      g_ptr_array_add (found, (gpointer) records[i]);
  return found;
}

int
wb_fh_rate_spf (const char * const *records, char **why)
{
  g_autoptr(GPtrArray) spf = records_with (records, "v=spf1");
  const char *record;

  if (spf->len == 0)
    {
      *why = g_strdup (_("No SPF record: anyone can send mail in the company's name."));
      return 0;
    }
  if (spf->len > 1)
    {
      *why = g_strdup (_("More than one SPF record: receivers treat that as an error."));
      return 0;
    }
  record = g_ptr_array_index (spf, 0);
  if (strstr (record, "-all") != NULL)
    {
      *why = g_strdup_printf (_("SPF ends in -all (strict): %s"), record);
      return 2;
    }
  if (strstr (record, "~all") != NULL)
    {
      *why = g_strdup_printf (_("SPF ends in ~all (soft): %s"), record);
      return 1;
    }
  *why = g_strdup_printf (_("SPF does not refuse other senders (no -all): %s"), record);
  return 0;
}

int
wb_fh_rate_dmarc (const char * const *records, char **why)
{
  g_autoptr(GPtrArray) dmarc = records_with (records, "v=DMARC1");
  g_autoptr(GRegex) regex = g_regex_new ("(?:^|;)\\s*p\\s*=\\s*([a-z]+)", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *policy = NULL;
  g_autofree char *raw = NULL;

  if (dmarc->len != 1)
    {
      *why = g_strdup (dmarc->len == 0
                       ? _("No DMARC record: receivers are not told to refuse forged mail.")
                       : _("More than one DMARC record: receivers ignore them."));
      return 0;
    }
  if (!g_regex_match (regex, g_ptr_array_index (dmarc, 0), 0, &info))
    {
      *why = g_strdup (_("The DMARC record has no policy (p=)."));
      return 0;
    }
  raw = g_match_info_fetch (info, 1);
  policy = g_ascii_strdown (raw, -1);
  *why = g_strdup_printf (_("DMARC policy: p=%s"), policy);
  if (g_str_equal (policy, "reject"))
    return 2;
  if (g_str_equal (policy, "quarantine"))
    return 1;
  return 0;
}

int
wb_fh_rate_dkim (const char * const *records, char **why)
{
  for (guint i = 0; records != NULL && records[i] != NULL; i++)
    {
      g_autoptr(GRegex) regex = g_regex_new ("(?:^|;)\\s*p=([^;\\s]*)", 0, 0, NULL);
      g_autoptr(GMatchInfo) info = NULL;
      g_autofree char *key = NULL;

      if (!g_regex_match (regex, records[i], 0, &info))
        continue;
      key = g_match_info_fetch (info, 1);
      if (*key == '\0')
        {
          *why = g_strdup (_("The DKIM key for this selector is revoked (empty p=)."));
          return 0;
        }
      *why = g_strdup (_("A DKIM key is published for this selector."));
      return 2;
    }
  *why = g_strdup (_("No DKIM key for this selector."));
  return 0;
}

int
wb_fh_rate_mta_sts (const char * const *records, char **why)
{
  g_autoptr(GPtrArray) sts = records_with (records, "v=STSv1");

  if (sts->len == 0)
    {
      *why = g_strdup (_("No MTA-STS: mail to the company may be read on the way."));
      return 0;
    }
  *why = g_strdup (_("MTA-STS is announced (the policy file itself is not fetched)."));
  return 2;
}

/* test-sign.c — identities, PAdES signing, verification, hostile PDFs
 *
 * pdfsig (poppler-utils) and certutil (libnss3-tools) are the outside judges: pdfsig
 * exits 0 even on a digest mismatch, so its TEXT is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "wb-destruction-record.h"
#include "wb-engagement.h"
#include "wb-identity.h"
#include "wb-init.h"
#include "wb-pdf-read.h"
#include "wb-pdf-sign.h"

typedef struct {
  char       *dir;
  WbIdentity *ca;
  WbIdentity *team;
  WbIdentity *teacher;
  GBytes     *pdf;
} Fixture;

static Fixture fx;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         len)
{
  g_byte_array_append (closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

/* A small two-page report, as cairo writes them (classic xref, comments in dicts). */
static GBytes *
render_pdf (void)
{
  GByteArray *buf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, buf, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (int page = 0; page < 2; page++)
    {
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                              CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 14);
      cairo_move_to (cr, 56, 80);
      cairo_show_text (cr, page == 0 ? "Rapport Lab BV" : "Ondertekening");
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (buf);
}

static char *
write_temp (const char *name,
            GBytes     *data)
{
  char *path = g_build_filename (fx.dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (data, NULL),
                                      g_bytes_get_size (data), NULL));
  return path;
}

static char *
run_tool (const char * const *argv)
{
  char *out = NULL, *err = NULL;
  int status;
  g_autoptr(GError) error = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                     &err, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  {
    char *both = g_strconcat (out, err, NULL);

    g_free (out);
    g_free (err);
    return both;
  }
}

static char *
pdfsig (const char *path,
        const char *nss_dir)
{
  if (nss_dir != NULL)
    {
      const char *argv[] = { "pdfsig", "-nssdir", nss_dir, path, NULL };

      return run_tool (argv);
    }
  else
    {
      const char *argv[] = { "pdfsig", path, NULL };

      return run_tool (argv);
    }
}

static gboolean
have_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static GBytes *
sign_as (GBytes             *pdf,
         WbIdentity         *who,
         WbPdfSignatureKind  kind,
         double              x)
{
  WbPdfSignOptions opts;
  g_autoptr(GError) error = NULL;
  GBytes *out;

  wb_pdf_sign_options_init (&opts);
  opts.kind = kind;
  opts.x = x;
  opts.role = kind == WB_PDF_SIGNATURE_CERTIFICATION ? "Docent (validatie)" : "Team";
  opts.reason = "Werkbank test";
  out = wb_pdf_sign (pdf, who, &opts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (out);
  /* An incremental update: the original is the untouched prefix. */
  g_assert_cmpuint (g_bytes_get_size (out), >, g_bytes_get_size (pdf));
  g_assert_cmpint (memcmp (g_bytes_get_data (out, NULL), g_bytes_get_data (pdf, NULL),
                           g_bytes_get_size (pdf)), ==, 0);
  return out;
}

/* --- Identities ----------------------------------------------------------------- */

static void
test_identity_roundtrip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx.dir, "teacher.wbid", NULL);
  g_autoptr(WbIdentity) loaded = NULL;
  WbKdfParams params;

  wb_kdf_params_fast (&params);
  g_assert_true (wb_identity_save (fx.teacher, path, "juf-geheim", &params, &error));
  g_assert_no_error (error);
  /* Never overwrites. */
  g_assert_false (wb_identity_save (fx.teacher, path, "x", &params, &error));
  g_assert_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_IO);
  g_clear_error (&error);

  loaded = wb_identity_load (path, "juf-geheim", &error);
  g_assert_no_error (error);
  g_assert_cmpint (wb_identity_get_role (loaded), ==, WB_IDENTITY_TEACHER);
  g_assert_cmpstr (wb_identity_get_name (loaded), ==, "Juf Jansen");
  g_assert_true (g_bytes_equal (wb_identity_get_certificate (loaded),
                                wb_identity_get_certificate (fx.teacher)));
  g_assert_true (g_bytes_equal (wb_identity_get_ca_certificate (loaded),
                                wb_identity_get_certificate (fx.ca)));
  /* The vault's teacher slot key travels in the same file. */
  g_assert_nonnull (wb_identity_get_x25519_key (loaded));
  g_assert_cmpmem (wb_x25519_key_get_public (wb_identity_get_x25519_key (loaded)), 32,
                   wb_x25519_key_get_public (wb_identity_get_x25519_key (fx.teacher)), 32);
  g_assert_null (wb_identity_get_x25519_key (fx.team));

  /* One file per person: the same key opens an engagement through its teacher slot. */
  {
    g_autofree char *vault_path = g_build_filename (fx.dir, "slot.wbv", NULL);
    g_autoptr(WbVault) created = NULL;
    g_autoptr(WbVault) opened = NULL;

    created = wb_vault_create_with_public_key (vault_path, "Juf Jansen",
                                               wb_x25519_key_get_public (
                                                 wb_identity_get_x25519_key (fx.teacher)),
                                               &error);
    g_assert_no_error (error);
    g_clear_object (&created);
    opened = wb_vault_open_with_key (vault_path, wb_identity_get_x25519_key (loaded),
                                     WB_VAULT_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_nonnull (opened);
  }

  g_clear_object (&loaded);
  loaded = wb_identity_load (path, "verkeerd", &error);
  g_assert_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_WRONG_PASSPHRASE);
  g_assert_null (loaded);
}

static void
expect_bad_identity (const char *name,
                     const char *text,
                     gint        code)
{
  g_autofree char *path = g_build_filename (fx.dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbIdentity) id = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  id = wb_identity_load (path, "juf-geheim", &error);
  g_assert_null (id);
  g_assert_nonnull (error);
  if (code >= 0)
    g_assert_cmpint (error->code, ==, code);
  g_test_message ("%s: %s", name, error->message);
}

static char *
replace_member (const char *json,
                const char *member,
                const char *value)
{
  g_autofree char *key = g_strdup_printf ("\"%s\" : ", member);
  const char *at = strstr (json, key);
  const char *end;

  g_assert_nonnull (at);
  at += strlen (key);
  end = strpbrk (at, ",\n");
  return g_strdup_printf ("%.*s%s%s", (int) (at - json), json, value, end);
}

static void
test_identity_malformed (void)
{
  g_autofree char *path = g_build_filename (fx.dir, "team-bad.wbid", NULL);
  g_autofree char *good = NULL;
  g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL, *t4 = NULL, *t5 = NULL, *t6 = NULL;
  WbKdfParams params;

  wb_kdf_params_fast (&params);
  g_assert_true (wb_identity_save (fx.team, path, "juf-geheim", &params, NULL));
  g_assert_true (g_file_get_contents (path, &good, NULL, NULL));

  expect_bad_identity ("empty.wbid", "", WB_SIGN_ERROR_INVALID);
  expect_bad_identity ("garbage.wbid", "\x01\x02 not json", WB_SIGN_ERROR_INVALID);
  expect_bad_identity ("other.wbid", "{\"format\": \"something-else\"}", WB_SIGN_ERROR_INVALID);
  t1 = replace_member (good, "kdf-m", "4194304");
  expect_bad_identity ("kdf.wbid", t1, WB_SIGN_ERROR_INVALID); /* libgcrypt trap 1 */
  t2 = replace_member (good, "certificate", "\"MIIB!!notbase64\"");
  expect_bad_identity ("cert-b64.wbid", t2, WB_SIGN_ERROR_INVALID);
  t3 = replace_member (good, "certificate", "\"MAMCAQE=\"");   /* DER, not a certificate */
  expect_bad_identity ("cert-der.wbid", t3, WB_SIGN_ERROR_INVALID);
  t4 = replace_member (good, "name", "\"Someone Else\"");        /* bound by the tag */
  expect_bad_identity ("name.wbid", t4, WB_SIGN_ERROR_WRONG_PASSPHRASE);
  t5 = replace_member (good, "salt", "\"AAAA\"");
  expect_bad_identity ("salt.wbid", t5, WB_SIGN_ERROR_INVALID);
  t6 = replace_member (good, "version", "2");
  expect_bad_identity ("version.wbid", t6, WB_SIGN_ERROR_UNSUPPORTED);
  /* A teacher certificate with the team's sealed key: tag fails (bound to the cert). */
  {
    g_autofree char *teacher_b64 =
      g_base64_encode (g_bytes_get_data (wb_identity_get_certificate (fx.teacher), NULL),
                       g_bytes_get_size (wb_identity_get_certificate (fx.teacher)));
    g_autofree char *quoted = g_strdup_printf ("\"%s\"", teacher_b64);
    g_autofree char *t7 = replace_member (good, "certificate", quoted);

    expect_bad_identity ("swapped.wbid", t7, WB_SIGN_ERROR_WRONG_PASSPHRASE);
  }
}

static void
test_certificates (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pem = wb_certificate_to_pem (wb_identity_get_certificate (fx.ca));
  g_autofree char *path = g_build_filename (fx.dir, "ca.pem", NULL);
  g_autofree char *der_path = g_build_filename (fx.dir, "bad.der", NULL);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(WbIdentity) other_ca = NULL;
  g_autoptr(WbIdentity) selfie = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_true (g_str_has_prefix (pem, "-----BEGIN CERTIFICATE-----\n"));
  g_assert_true (g_file_set_contents (path, pem, -1, NULL));
  back = wb_certificate_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, wb_identity_get_certificate (fx.ca)));

  g_assert_true (wb_certificate_check_issued_by (wb_identity_get_certificate (fx.team),
                                                 back, now, &error));
  g_assert_no_error (error);
  g_assert_true (wb_certificate_check_issued_by (wb_identity_get_certificate (fx.teacher),
                                                 back, now, &error));
  /* Expired by then. */
  g_assert_false (wb_certificate_check_issued_by (wb_identity_get_certificate (fx.team),
                                                  back, now + 20 * 365 * 86400LL, &error));
  g_assert_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNTRUSTED);
  g_clear_error (&error);

  /* A CA with the same name but another key did not issue it. */
  other_ca = wb_identity_new_ca ("Werkbank Test School CA", "Testschool",
                                 WB_KEY_ECDSA_P256, 30, &error);
  g_assert_no_error (error);
  g_assert_false (wb_certificate_check_issued_by (wb_identity_get_certificate (fx.team),
                                                  wb_identity_get_certificate (other_ca),
                                                  now, &error));
  g_assert_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNTRUSTED);
  g_clear_error (&error);

  /* A team certificate is no CA. */
  selfie = wb_identity_new_self_signed ("Team Solo", NULL, WB_IDENTITY_TEAM,
                                        WB_KEY_ECDSA_P256, 30, &error);
  g_assert_no_error (error);
  g_assert_false (wb_certificate_check_issued_by (wb_identity_get_certificate (fx.team),
                                                  wb_identity_get_certificate (selfie),
                                                  now, &error));
  g_assert_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNTRUSTED);
  g_clear_error (&error);

  /* Malformed certificate files. */
  {
    const char *bad[] = { "", "-----BEGIN CERTIFICATE-----\nAAAA\n",
                          "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n",
                          "\x30\x82\xff\xff\x01", "\x30\x03\x02\x01\x01" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GBytes) c = NULL;

        g_assert_true (g_file_set_contents (der_path, bad[i], i >= 3 ? 5 : -1, NULL));
        c = wb_certificate_load (der_path, &error);
        g_test_message ("bad cert %u", i);
        g_assert_null (c);
        g_assert_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID);
        g_clear_error (&error);
      }
  }
  /* No Ed25519, and a CA cannot sign documents. */
  {
    WbPdfSignOptions opts;
    g_autoptr(GBytes) none = NULL;

    wb_pdf_sign_options_init (&opts);
    none = wb_pdf_sign (fx.pdf, fx.ca, &opts, &error);
    g_assert_null (none);
    g_assert_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID);
  }
}

/* --- Signing and verifying --------------------------------------------------------- */

static void
test_sign_one (void)
{
  g_autoptr(GBytes) signed_pdf = sign_as (fx.pdf, fx.team, WB_PDF_SIGNATURE_APPROVAL, 56);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp ("team-signed.pdf", signed_pdf);
  WbPdfSignatureInfo *info;

  g_assert_true (wb_pdf_verify (signed_pdf, wb_identity_get_certificate (fx.ca), &infos,
                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 1);
  info = infos->pdata[0];
  g_assert_true (info->valid);
  g_assert_true (info->trusted);
  g_assert_false (info->certification);
  g_assert_cmpstr (info->signer, ==, "Team Rood");
  g_assert_cmpuint (info->signed_bytes, ==, g_bytes_get_size (signed_pdf));

  /* The unsigned original says so. */
  g_assert_false (wb_pdf_verify (fx.pdf, NULL, NULL, &error));
  g_assert_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_NOT_SIGNED);
  g_clear_error (&error);

  if (!have_tool ("pdfsig"))
    {
      g_test_skip ("pdfsig (poppler-utils) is not installed");
      return;
    }
  {
    g_autofree char *out = pdfsig (path, NULL);

    g_test_message ("%s", out);
    g_assert_nonnull (strstr (out, "Signature is Valid"));
    g_assert_nonnull (strstr (out, "Total document signed"));
    g_assert_nonnull (strstr (out, "ETSI.CAdES.detached"));
    g_assert_nonnull (strstr (out, "Team Rood"));
  }
}

static void
test_nss_trust (void)
{
  g_autofree char *nss = g_build_filename (fx.dir, "nssdb", NULL);
  g_autofree char *nss_arg = g_strdup_printf ("sql:%s", nss);
  g_autofree char *ca_pem = wb_certificate_to_pem (wb_identity_get_certificate (fx.ca));
  g_autofree char *ca_path = g_build_filename (fx.dir, "school-ca.pem", NULL);
  g_autoptr(GBytes) signed_pdf = sign_as (fx.pdf, fx.team, WB_PDF_SIGNATURE_APPROVAL, 56);
  g_autofree char *path = write_temp ("team-trust.pdf", signed_pdf);

  if (!have_tool ("pdfsig") || !have_tool ("certutil"))
    {
      g_test_skip ("pdfsig or certutil (libnss3-tools) is not installed");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (nss, 0700), ==, 0);
  g_assert_true (g_file_set_contents (ca_path, ca_pem, -1, NULL));
  {
    const char *create[] = { "certutil", "-N", "--empty-password", "-d", nss_arg, NULL };
    const char *add[] = { "certutil", "-A", "-n", "Werkbank Test School CA", "-t", "CT,C,C",
                          "-a", "-i", ca_path, "-d", nss_arg, NULL };
    g_autofree char *o1 = run_tool (create);
    g_autofree char *o2 = run_tool (add);
    g_autofree char *out = pdfsig (path, nss_arg);

    g_test_message ("%s", out);
    g_assert_nonnull (strstr (out, "Signature is Valid"));
    g_assert_nonnull (strstr (out, "Certificate is Trusted"));
  }
}

static void
test_two_signatures (void)
{
  g_autoptr(GBytes) once = sign_as (fx.pdf, fx.team, WB_PDF_SIGNATURE_APPROVAL, 56);
  g_autoptr(GBytes) twice = sign_as (once, fx.teacher, WB_PDF_SIGNATURE_CERTIFICATION, 300);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp ("both-signed.pdf", twice);
  g_autofree char *out = NULL;
  WbPdfSignOptions opts;
  g_autoptr(GBytes) thrice = NULL;

  g_assert_true (wb_pdf_verify (twice, wb_identity_get_certificate (fx.ca), &infos, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 2);
  g_assert_cmpstr (((WbPdfSignatureInfo *) infos->pdata[0])->signer, ==, "Team Rood");
  g_assert_false (((WbPdfSignatureInfo *) infos->pdata[0])->certification);
  g_assert_cmpstr (((WbPdfSignatureInfo *) infos->pdata[1])->signer, ==, "Juf Jansen");
  g_assert_true (((WbPdfSignatureInfo *) infos->pdata[1])->certification);

  /* One certification per document. */
  wb_pdf_sign_options_init (&opts);
  opts.kind = WB_PDF_SIGNATURE_CERTIFICATION;
  thrice = wb_pdf_sign (twice, fx.teacher, &opts, &error);
  g_assert_null (thrice);
  g_assert_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNSUPPORTED);

  if (!have_tool ("pdfsig"))
    return;
  out = pdfsig (path, NULL);
  g_test_message ("%s", out);
  g_assert_cmpuint (count (out, "Signature is Valid"), ==, 2);
  g_assert_cmpuint (count (out, "Total document signed"), ==, 1);
  g_assert_nonnull (strstr (out, "Juf Jansen"));
  if (have_tool ("pdftoppm"))
    {
      g_autofree char *png = g_build_filename (fx.dir, "signed-page", NULL);
      const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2",
                             "-singlefile", path, png, NULL };
      g_autofree char *o = run_tool (argv);
      g_autofree char *png_file = g_strconcat (png, ".png", NULL);

      g_assert_true (g_file_test (png_file, G_FILE_TEST_EXISTS));
    }
}

static void
test_flipped_byte (void)
{
  g_autoptr(GBytes) signed_pdf = sign_as (fx.pdf, fx.team, WB_PDF_SIGNATURE_APPROVAL, 56);
  gsize len;
  guint8 *copy = g_memdup2 (g_bytes_get_data (signed_pdf, NULL), g_bytes_get_size (signed_pdf));
  g_autoptr(GBytes) flipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint8 *at;

  len = g_bytes_get_size (signed_pdf);
  /* A byte of the page content stream, well inside the signed range. cairo compresses
   * streams, so flip a byte in the middle of the original file instead. */
  at = copy + g_bytes_get_size (fx.pdf) / 2;
  *at ^= 0x01;
  flipped = g_bytes_new_take (copy, len);
  path = write_temp ("flipped.pdf", flipped);
  g_assert_false (wb_pdf_verify (flipped, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("flipped: %s", error->message);
  g_assert_true (error->code == WB_SIGN_ERROR_BAD_SIGNATURE
                 || error->code == WB_SIGN_ERROR_INVALID);
  if (have_tool ("pdfsig"))
    {
      g_autofree char *out = pdfsig (path, NULL);

      g_test_message ("%s", out);
      g_assert_null (strstr (out, "Signature is Valid"));
      g_assert_nonnull (strstr (out, "Digest Mismatch"));
    }
}

static void
test_appended_update (void)
{
  g_autoptr(GBytes) signed_pdf = sign_as (fx.pdf, fx.team, WB_PDF_SIGNATURE_APPROVAL, 56);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autofree char *path = NULL;
  g_autoptr(WbPdfDoc) doc = wb_pdf_doc_open (signed_pdf, NULL);
  GString *s = g_string_new_len (g_bytes_get_data (signed_pdf, NULL),
                                 g_bytes_get_size (signed_pdf));
  g_autoptr(GBytes) changed = NULL;
  gsize xref;
  guint size = wb_pdf_doc_get_size (doc);

  /* A well-formed incremental update: a new Info dictionary. */
  {
    gsize obj_at = s->len;

    g_string_append_printf (s, "%u 0 obj\n<< /Title (Changed) >>\nendobj\n", size);
    xref = s->len;
    g_string_append_printf (s, "xref\n%u 1\n%010" G_GSIZE_FORMAT " 00000 n\r\ntrailer\n"
                            "<< /Size %u /Root %u 0 R /Info %u 0 R /Prev %" G_GSIZE_FORMAT
                            " >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                            size, obj_at, size + 1, wb_pdf_doc_get_root (doc, NULL), size, wb_pdf_doc_get_startxref (doc),
                            xref);
  }
  changed = g_string_free_to_bytes (s);
  path = write_temp ("appended.pdf", changed);
  g_assert_false (wb_pdf_verify (changed, NULL, &infos, &error));
  g_assert_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_MODIFIED);
  g_test_message ("appended: %s", error->message);
  /* The signature itself still checks out: only the coverage fails. */
  g_assert_true (((WbPdfSignatureInfo *) infos->pdata[0])->valid);
  if (have_tool ("pdfsig"))
    {
      g_autofree char *out = pdfsig (path, NULL);

      g_test_message ("%s", out);
      g_assert_nonnull (strstr (out, "Not total document signed"));
    }
}

static void
test_rsa (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbIdentity) rsa = wb_identity_issue (fx.ca, "Team Blauw", WB_IDENTITY_TEAM,
                                                 WB_KEY_RSA_3072, 365, &error);
  g_autoptr(GBytes) signed_pdf = NULL;
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  signed_pdf = sign_as (fx.pdf, rsa, WB_PDF_SIGNATURE_APPROVAL, 56);
  g_assert_true (wb_pdf_verify (signed_pdf, wb_identity_get_certificate (fx.ca), NULL,
                                &error));
  g_assert_no_error (error);
  path = write_temp ("rsa-signed.pdf", signed_pdf);
  if (have_tool ("pdfsig"))
    {
      g_autofree char *out = pdfsig (path, NULL);

      g_assert_nonnull (strstr (out, "Signature is Valid"));
      g_assert_nonnull (strstr (out, "Total document signed"));
    }
}

static void
expect_rejected (const char *what,
                 GBytes     *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  WbPdfSignOptions opts;
  g_autoptr(GBytes) out = NULL;

  wb_pdf_sign_options_init (&opts);
  g_assert_false (wb_pdf_verify (pdf, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == WB_SIGN_ERROR);
  out = wb_pdf_sign (pdf, fx.team, &opts, &error2);
  g_assert_null (out);
  g_assert_nonnull (error2);
  g_test_message ("%s: %s / %s", what, error->message, error2->message);
}

static GBytes *
str_bytes (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

static void
test_hostile (void)
{
  const char *cases[] = {
    "",
    "hello world",
    "%PDF-1.4\n",
    "%PDF-1.4\nstartxref\n999999\n%%EOF\n",
    "%PDF-1.4\nstartxref\n9\n%%EOF\n",
    /* an xref stream */
    "%PDF-1.5\n1 0 obj\n<< /Type /XRef /Size 2 >>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF\n",
    /* /Prev loop */
    "%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Prev 9 >>\nstartxref\n9\n%%EOF\n",
    /* deep nesting */
    "%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 3 /Root [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ >>\nstartxref\n9\n%%EOF\n",
    /* a root object that is not there, and a page tree loop */
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 1 >>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n114\n%%EOF\n",
    /* an xref entry pointing past the end */
    "%PDF-1.4\nxref\n0 2\n0000000000 65535 f \n0099999999 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n",
    /* an older section whose /Prev is invalid (found by fuzz-pdf-read: use after free) */
    "%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Prev -5 >>\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Prev 9 >>\nstartxref\n69\n%%EOF\n",
    /* huge count */
    "%PDF-1.4\nxref\n0 99999999999\n0000000000 65535 f \ntrailer\n<< /Size 2 >>\nstartxref\n9\n%%EOF\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) b = str_bytes (cases[i]);
      g_autofree char *what = g_strdup_printf ("case %u", i);

      expect_rejected (what, b);
    }
  /* Every truncation of a signed file: never a crash, never "valid". */
  {
    g_autoptr(GBytes) signed_pdf = sign_as (fx.pdf, fx.team, WB_PDF_SIGNATURE_APPROVAL, 56);
    gsize len = g_bytes_get_size (signed_pdf);
    const char *contents = memmem (g_bytes_get_data (signed_pdf, NULL), len, "/Contents <", 11);
    gsize gap = contents - (const char *) g_bytes_get_data (signed_pdf, NULL) + 10;

    for (gsize cut = 0; cut < len; cut += 97)
      {
        g_autoptr(GBytes) part = g_bytes_new_from_bytes (signed_pdf, 0, cut);
        g_autoptr(GError) error = NULL;

        g_assert_false (wb_pdf_verify (part, NULL, NULL, &error));
        g_assert_nonnull (error);
      }
    /* Random byte changes in the last part (the signature, xref and trailer). */
    for (guint round = 0; round < 400; round++)
      {
        guint8 *copy = g_memdup2 (g_bytes_get_data (signed_pdf, NULL), len);
        g_autoptr(GBytes) mutated = NULL;
        g_autoptr(GError) error = NULL;
        gsize at = len - 1 - g_test_rand_int_range (0, 20000);

        copy[at] = g_test_rand_int_range (0, 256);
        if (copy[at] == ((const guint8 *) g_bytes_get_data (signed_pdf, NULL))[at])
          copy[at] ^= 0x20;
        mutated = g_bytes_new_take (copy, len);
        if (wb_pdf_verify (mutated, NULL, NULL, &error))
          {
            /* Only the unsigned gap may change unnoticed: /Contents' zero padding
             * (PDF skips whitespace inside a hex string). */
            g_assert_cmpuint (at, >, gap);
            g_assert_cmpuint (at, <, gap + 2 * 8192);
          }
      }
  }
}


static void
test_destruction_record (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *vault_path = g_build_filename (fx.dir, "lab.wbv", NULL);
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(WbDestructionContext) context = NULL;
  g_autoptr(WbDestructionFacts) facts = NULL;
  g_autoptr(GBytes) record = NULL;
  g_autoptr(GBytes) record_en = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(WbCompany) company = wb_company_new ();
  g_autofree char *path = NULL;
  WbKdfParams params;

  wb_kdf_params_fast (&params);
  engagement = wb_engagement_create (vault_path, "Sanne", "geheim", &params, &error);
  g_assert_no_error (error);
  company->name = g_strdup ("Bakkerij Test BV");
  g_assert_true (wb_engagement_set_company (engagement, company, &error));
  /* Captured before the erase: afterwards nothing can be read any more. */
  context = wb_destruction_context_new (engagement, "nl");
  g_assert_cmpstr (context->company_name, ==, "Bakkerij Test BV");
  g_assert_cmpuint (context->categories->len, >, 0);
  facts = wb_vault_destroy (wb_engagement_get_vault (engagement), &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (vault_path, G_FILE_TEST_EXISTS));

  record = wb_destruction_record_create (facts, context, fx.team, fx.teacher, "nl", &error);
  g_assert_no_error (error);
  g_assert_true (wb_pdf_verify (record, wb_identity_get_certificate (fx.ca), &infos, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 2);
  g_assert_true (((WbPdfSignatureInfo *) infos->pdata[1])->certification);
  path = write_temp ("destruction.pdf", record);

  record_en = wb_destruction_record_create (facts, context, fx.team, NULL, "en", &error);
  g_assert_no_error (error);
  g_assert_true (wb_pdf_verify (record_en, NULL, NULL, &error));

  if (have_tool ("pdftotext"))
    {
      const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
      g_autofree char *text = run_tool (argv);

      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, "Verklaring van vernietiging"));
      g_assert_nonnull (strstr (text, "Bakkerij Test BV"));
      g_assert_nonnull (strstr (text, facts->vault_id));
      g_assert_nonnull (strstr (text, "Juf Jansen"));
      g_assert_nonnull (strstr (text, "Crypto-erase"));
      g_assert_nonnull (strstr (text, "het bestand niet meer"));
    }
  if (have_tool ("pdfsig"))
    {
      g_autofree char *out = pdfsig (path, NULL);

      g_assert_cmpuint (count (out, "Signature is Valid"), ==, 2);
      g_assert_nonnull (strstr (out, "Total document signed"));
    }
}

static void
test_signing_time (void)
{
  WbPdfSignOptions opts;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) early = NULL;

  /* Certificates are checked at the signing time in /M (inside the signed range): a
   * signature dated before the certificate existed is not trusted, and a report stays
   * verifiable after its certificates expire. */
  wb_pdf_sign_options_init (&opts);
  opts.time = g_get_real_time () / G_USEC_PER_SEC - 10 * 365 * 86400LL;
  early = wb_pdf_sign (fx.pdf, fx.team, &opts, &error);
  g_assert_no_error (error);
  g_assert_true (wb_pdf_verify (early, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (wb_pdf_verify (early, wb_identity_get_certificate (fx.ca), NULL, &error));
  g_assert_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNTRUSTED);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_assert_true (wb_init (&error));
  fx.dir = g_dir_make_tmp ("wb-sign-XXXXXX", &error);
  g_assert_no_error (error);
  fx.ca = wb_identity_new_ca ("Werkbank Test School CA", "Testschool", WB_KEY_ECDSA_P256,
                              3650, &error);
  g_assert_no_error (error);
  fx.team = wb_identity_issue (fx.ca, "Team Rood", WB_IDENTITY_TEAM, WB_KEY_ECDSA_P256, 365,
                               &error);
  g_assert_no_error (error);
  fx.teacher = wb_identity_issue (fx.ca, "Juf Jansen", WB_IDENTITY_TEACHER,
                                  WB_KEY_ECDSA_P256, 365, &error);
  g_assert_no_error (error);
  fx.pdf = render_pdf ();

  g_test_add_func ("/sign/identity/roundtrip", test_identity_roundtrip);
  g_test_add_func ("/sign/identity/malformed", test_identity_malformed);
  g_test_add_func ("/sign/certificates", test_certificates);
  g_test_add_func ("/sign/pdf/one", test_sign_one);
  g_test_add_func ("/sign/pdf/nss-trust", test_nss_trust);
  g_test_add_func ("/sign/pdf/two", test_two_signatures);
  g_test_add_func ("/sign/pdf/flipped-byte", test_flipped_byte);
  g_test_add_func ("/sign/pdf/appended-update", test_appended_update);
  g_test_add_func ("/sign/pdf/rsa", test_rsa);
  g_test_add_func ("/sign/pdf/signing-time", test_signing_time);
  g_test_add_func ("/sign/pdf/hostile", test_hostile);
  g_test_add_func ("/sign/destruction-record", test_destruction_record);
  ret = g_test_run ();

  g_clear_object (&fx.ca);
  g_clear_object (&fx.team);
  g_clear_object (&fx.teacher);
  g_bytes_unref (fx.pdf);
  if (g_getenv ("WB_KEEP_TEST_DIR") == NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", fx.dir);

      (void) !system (cmd);
    }
  else
    g_printerr ("kept %s\n", fx.dir);
  g_free (fx.dir);
  return ret;
}

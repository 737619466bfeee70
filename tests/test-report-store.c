/* test-report-store.c — the report kept inside the engagement, and the signing order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "wb-engagement.h"
#include "wb-identity.h"
#include "wb-init.h"
#include "wb-pdf-sign.h"
#include "wb-pdf-writer.h"
#include "wb-report.h"
#include "wb-report-store.h"

/* A name that must never appear in plaintext in the engagement file. */
#define CANARY "Bakkerij Kanarie 7Q2X"

typedef struct {
  char         *dir;
  char         *path;
  WbEngagement *engagement;
  WbIdentity   *ca;
  WbIdentity   *team;
  WbIdentity   *teacher;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbCompany) company = wb_company_new ();
  g_autoptr(WbAgreement) agreement = wb_agreement_new_template ();
  WbKdfParams params;

  f->dir = g_dir_make_tmp ("wb-report-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "lab.wbv", NULL);
  wb_kdf_params_fast (&params);
  f->engagement = wb_engagement_create (f->path, "Sanne", "geheim", &params, &error);
  g_assert_no_error (error);
  company->name = g_strdup (CANARY);
  g_assert_true (wb_engagement_set_company (f->engagement, company, &error));
  g_assert_true (wb_agreement_set_retention_months (agreement, 1, NULL));
  g_assert_true (wb_engagement_set_agreement (f->engagement, agreement, &error));
  g_assert_no_error (error);

  f->ca = wb_identity_new_ca ("Testschool CA", "Testschool", WB_KEY_ECDSA_P256, 30, &error);
  g_assert_no_error (error);
  f->team = wb_identity_issue (f->ca, "Team Rood", WB_IDENTITY_TEAM, WB_KEY_ECDSA_P256, 30,
                               &error);
  g_assert_no_error (error);
  f->teacher = wb_identity_issue (f->ca, "Juf Jansen", WB_IDENTITY_TEACHER,
                                  WB_KEY_ECDSA_P256, 30, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->engagement);
  g_clear_object (&f->ca);
  g_clear_object (&f->team);
  g_clear_object (&f->teacher);
  (void) !system (cmd);
  g_free (f->path);
  g_free (f->dir);
}

static GBytes *
render (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbReport) report = wb_report_new (f->engagement, NULL, &error);
  g_autoptr(WbPdfWriter) writer = NULL;
  GBytes *pdf;

  g_assert_no_error (error);
  writer = wb_pdf_writer_new (report);
  pdf = wb_pdf_writer_render (writer, &error);
  g_assert_no_error (error);
  return pdf;
}

static guint
count_stored (WbEngagement *engagement)
{
  g_autoptr(GPtrArray) list = wb_vault_list_attachments (wb_engagement_get_vault (engagement));
  guint n = 0;

  for (guint i = 0; i < list->len; i++)
    if (g_str_has_prefix (((WbAttachmentInfo *) list->pdata[i])->name, "werkbank-report-"))
      n++;
  return n;
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return memmem (data, len, needle, strlen (needle)) != NULL;
}

static void
test_store_roundtrip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = render (f);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a pdf", 9);
  g_autoptr(WbEngagement) reopened = NULL;
  g_autofree char *date = NULL;

  /* Nothing stored yet: a clear "not found". */
  g_assert_false (wb_report_has_stored_pdf (f->engagement));
  g_assert_null (wb_report_load_pdf (f->engagement, NULL, &error));
  g_assert_error (error, WB_REPORT_STORE_ERROR, WB_REPORT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* The report itself names the company (its metadata): that must stay encrypted. */
  g_assert_nonnull (memmem (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                            "Kanarie", 7));

  g_assert_false (wb_report_store_pdf (f->engagement, junk, "2026-11-25", &error));
  g_assert_error (error, WB_REPORT_STORE_ERROR, WB_REPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wb_report_store_pdf (f->engagement, pdf, "25-11-2026", &error));
  g_assert_error (error, WB_REPORT_STORE_ERROR, WB_REPORT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wb_report_store_pdf (f->engagement, pdf, "2026-02-30", &error));
  g_clear_error (&error);
  g_assert_cmpuint (count_stored (f->engagement), ==, 0);

  g_assert_true (wb_report_store_pdf (f->engagement, pdf, "2026-11-20", &error));
  g_assert_no_error (error);
  loaded = wb_report_load_pdf (f->engagement, &date, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, pdf));
  g_assert_cmpstr (date, ==, "2026-11-20");
  g_clear_pointer (&loaded, g_bytes_unref);
  g_clear_pointer (&date, g_free);

  /* A new version replaces the old one: one report kept, the newest. */
  second = wb_report_sign_pdf (pdf, f->team, &error);
  g_assert_no_error (error);
  g_assert_true (wb_report_store_pdf (f->engagement, second, "2026-11-25", &error));
  g_assert_cmpuint (count_stored (f->engagement), ==, 1);
  loaded = wb_report_load_pdf (f->engagement, &date, &error);
  g_assert_true (g_bytes_equal (loaded, second));
  g_assert_cmpstr (date, ==, "2026-11-25");
  g_clear_pointer (&loaded, g_bytes_unref);
  g_clear_pointer (&date, g_free);

  /* Encrypted: neither the company's name nor a PDF header is in the file. */
  g_assert_false (file_contains (f->path, "Kanarie"));
  g_assert_false (file_contains (f->path, "%PDF-"));

  /* And it is still there after the engagement is closed and opened again. */
  g_clear_object (&f->engagement);
  reopened = wb_engagement_open (f->path, "geheim", &error);
  g_assert_no_error (error);
  loaded = wb_report_load_pdf (reopened, &date, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, second));
  g_assert_cmpstr (date, ==, "2026-11-25");
}

static void
expect_order_refused (GBytes     *pdf,
                      WbIdentity *who)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = wb_report_sign_pdf (pdf, who, &error);

  g_assert_null (out);
  g_assert_error (error, WB_REPORT_STORE_ERROR, WB_REPORT_STORE_ERROR_ORDER);
  g_test_message ("refused: %s", error->message);
}

static void
test_sign_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = render (f);
  g_autoptr(GBytes) team = NULL;
  g_autoptr(GBytes) both = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  WbReportSignState state;
  GByteArray *buf;

  g_assert_true (wb_report_get_sign_state (pdf, &state, &error));
  g_assert_cmpuint (state.n_signatures, ==, 0);
  /* The teacher cannot go first, and a CA never signs. */
  expect_order_refused (pdf, f->teacher);
  expect_order_refused (pdf, f->ca);

  team = wb_report_sign_pdf (pdf, f->team, &error);
  g_assert_no_error (error);
  g_assert_true (wb_report_get_sign_state (team, &state, &error));
  g_assert_true (state.team_signed);
  g_assert_false (state.teacher_signed);
  /* The team signs once. */
  expect_order_refused (team, f->team);

  /* Bytes added after the team's signature: the teacher must not vouch for them. */
  buf = g_byte_array_new ();
  g_byte_array_append (buf, g_bytes_get_data (team, NULL), g_bytes_get_size (team));
  g_byte_array_append (buf, (const guint8 *) "\n% added later\n", 15);
  changed = g_byte_array_free_to_bytes (buf);
  expect_order_refused (changed, f->teacher);

  both = wb_report_sign_pdf (team, f->teacher, &error);
  g_assert_no_error (error);
  g_assert_true (wb_pdf_verify (both, wb_identity_get_certificate (f->ca), &infos, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 2);
  g_assert_cmpstr (((WbPdfSignatureInfo *) infos->pdata[0])->signer, ==, "Team Rood");
  g_assert_false (((WbPdfSignatureInfo *) infos->pdata[0])->certification);
  g_assert_cmpstr (((WbPdfSignatureInfo *) infos->pdata[1])->signer, ==, "Juf Jansen");
  g_assert_true (((WbPdfSignatureInfo *) infos->pdata[1])->certification);
  g_assert_true (wb_report_get_sign_state (both, &state, &error));
  g_assert_true (state.team_signed && state.teacher_signed);
  /* Final: nobody signs after the certification. */
  expect_order_refused (both, f->team);
  expect_order_refused (both, f->teacher);

  /* Not a PDF at all: a clear error, not a crash. */
  {
    g_autoptr(GBytes) junk = g_bytes_new_static ("%PDF-1.5 garbage", 16);

    g_assert_false (wb_report_check_sign_order (junk, WB_IDENTITY_TEAM, &error));
    g_assert_nonnull (error);
  }
}

static void
test_retention_end (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *end = NULL;
  g_autofree char *clamped = NULL;
  g_autofree char *none = NULL;

  /* One month (set up by the fixture), clamped to the month's end as the report does. */
  end = wb_report_retention_end (f->engagement, "2026-11-25");
  g_assert_cmpstr (end, ==, "2026-12-25");
  clamped = wb_report_retention_end (f->engagement, "2026-01-31");
  g_assert_cmpstr (clamped, ==, "2026-02-28");
  g_assert_null (wb_report_retention_end (f->engagement, "yesterday"));
  g_assert_null (wb_report_retention_end (f->engagement, NULL));
  /* Without an agreement (the default keeps months unset): no end date. */
  {
    g_autofree char *other = g_build_filename (f->dir, "other.wbv", NULL);
    g_autoptr(WbEngagement) bare = NULL;
    g_autoptr(GError) error = NULL;
    WbKdfParams params;

    wb_kdf_params_fast (&params);
    bare = wb_engagement_create (other, "Sanne", "geheim", &params, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (wb_agreement_get_retention_months (wb_engagement_get_agreement (bare)),
                      ==, 0);
    none = wb_report_retention_end (bare, "2026-11-25");
    g_assert_null (none);
  }
}

int
main (int argc, char **argv)
{
  g_assert_true (wb_init (NULL));
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report-store/roundtrip", Fixture, NULL, fixture_set_up,
              test_store_roundtrip, fixture_tear_down);
  g_test_add ("/report-store/sign-order", Fixture, NULL, fixture_set_up,
              test_sign_order, fixture_tear_down);
  g_test_add ("/report-store/retention-end", Fixture, NULL, fixture_set_up,
              test_retention_end, fixture_tear_down);
  return g_test_run ();
}

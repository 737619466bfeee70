/* test-delta.c — fixed, still open and new against the previous scan, and the report's
 * "since last time" section
 *
 * Two lab-like runs of the network plugin's shape: the second lab closed some services
 * and opened one new. All data is fictitious; every file is removed at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "wb-delta.h"
#include "wb-init.h"
#include "wb-pdf-writer.h"
#include "wb-report.h"

#define PASS "delta test passphrase"

typedef struct {
  char         *dir;
  WbEngagement *previous;
  WbEngagement *current;
} Fixture;

static WbEngagement *
make_engagement (Fixture *f, const char *file, const char *name, const char *kvk)
{
  g_autofree char *path = g_build_filename (f->dir, file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbCompany) company = wb_company_new ();
  WbEngagement *engagement = wb_engagement_create (path, "Sanne", PASS, NULL, &error);

  g_assert_no_error (error);
  company->name = g_strdup (name);
  company->kvk = g_strdup (kvk);
  company->sbi = g_strdup ("10.71");
  company->size = WB_SIZE_MICRO;
  company->province = g_strdup ("groningen");
  g_assert_true (wb_engagement_set_company (engagement, company, &error));
  return engagement;
}

/* A run of the network plugin: one finding per (check id, assets). */
static void
commit_run (WbEngagement *engagement, const char * const *spec)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; spec[i] != NULL; i += 2)
    {
      g_auto(GStrv) assets = g_strsplit (spec[i + 1], " ", -1);
      g_autofree char *title = g_strdup_printf ("Open service %s", spec[i]);
      WbFinding *finding = wb_finding_new (spec[i], title, WB_SEVERITY_HIGH);

      for (guint j = 0; assets[j] != NULL; j++)
        wb_finding_add_asset (finding, assets[j]);
      g_ptr_array_add (findings, finding);
    }
  g_assert_true (wb_engagement_commit_run (engagement, "network", findings, NULL));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static const char * const first[] = {
    "network.rdp-exposed", "198.18.0.10",
    "network.ftp-open", "198.18.0.10",
    "network.telnet-open", "198.18.0.11",
    "network.smb-exposed", "198.18.0.12 198.18.0.13",
    NULL,
  };
  static const char * const second[] = {
    "network.rdp-exposed", "198.18.0.10",         /* still open */
    "network.smb-exposed", "198.18.0.13",         /* .12 closed, .13 still open */
    "network.vnc-open", "198.18.0.14",            /* new */
    NULL,
  };

  f->dir = g_dir_make_tmp ("wb-delta-XXXXXX", NULL);
  f->previous = make_engagement (f, "2025.wbv", "Bakkerij Testdeeg B.V.", "90000002");
  f->current = make_engagement (f, "2026.wbv", "Bakkerij Testdeeg B.V.", "90000002");
  commit_run (f->previous, first);
  commit_run (f->current, second);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->previous);
  g_clear_object (&f->current);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_delta (Fixture *f, gconstpointer data)
{
  static const struct { WbDeltaStatus status; const char *check_id, *asset; } want[] = {
    { WB_DELTA_NEW, "network.vnc-open", "198.18.0.14" },
    { WB_DELTA_STILL_OPEN, "network.rdp-exposed", "198.18.0.10" },
    { WB_DELTA_STILL_OPEN, "network.smb-exposed", "198.18.0.13" },
    { WB_DELTA_FIXED, "network.ftp-open", "198.18.0.10" },
    { WB_DELTA_FIXED, "network.smb-exposed", "198.18.0.12" },
    { WB_DELTA_FIXED, "network.telnet-open", "198.18.0.11" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = wb_delta_compute (f->current, f->previous, &error);
  guint n_new, n_open, n_fixed;

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < items->len; i++)
    {
      WbDeltaItem *item = g_ptr_array_index (items, i);

      g_assert_cmpstr (wb_delta_status_to_string (item->status), ==,
                       wb_delta_status_to_string (want[i].status));
      g_assert_cmpstr (item->check_id, ==, want[i].check_id);
      g_assert_cmpstr (item->asset, ==, want[i].asset);
    }
  wb_delta_count (items, &n_new, &n_open, &n_fixed);
  g_assert_cmpuint (n_new, ==, 1);
  g_assert_cmpuint (n_open, ==, 2);
  g_assert_cmpuint (n_fixed, ==, 3);
}

/* Another KvK number is another company, even under the same name; without KvK numbers
 * the name decides. */
static void
test_other_company (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) other = make_engagement (f, "other.wbv", "Bakkerij Testdeeg B.V.",
                                                   "90000003");
  g_autoptr(WbEngagement) no_kvk = make_engagement (f, "nokvk.wbv", "bakkerij testdeeg b.v. ",
                                                    NULL);
  g_autoptr(WbEngagement) renamed = make_engagement (f, "renamed.wbv", "Slagerij Vlees",
                                                     NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_assert_null (wb_delta_compute (f->current, other, &error));
  g_assert_error (error, WB_DELTA_ERROR, WB_DELTA_ERROR_OTHER_COMPANY);
  g_clear_error (&error);
  items = wb_delta_compute (no_kvk, f->current, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3); /* all three fixed */
  g_assert_null (wb_delta_compute (renamed, f->current, &error));
  g_assert_error (error, WB_DELTA_ERROR, WB_DELTA_ERROR_OTHER_COMPANY);
}

static WbReportBlock *
find_heading (WbReport *report, const char *text, guint *index)
{
  GPtrArray *blocks = wb_report_get_blocks (report);

  for (guint i = 0; i < blocks->len; i++)
    {
      WbReportBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == WB_REPORT_BLOCK_HEADING && g_strcmp0 (block->text, text) == 0)
        {
          *index = i;
          return block;
        }
    }
  return NULL;
}

static char *
fold (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
  return g_string_free (out, FALSE);
}

/* The section in the model (Dutch and English) and in the rendered PDF. */
static void
test_report_section (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbReport) plain = NULL;
  g_autoptr(WbReport) dutch = NULL;
  g_autoptr(WbReport) english = NULL;
  g_autoptr(WbPdfWriter) writer = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  WbReportOptions options;
  WbReportBlock *table;
  guint index;

  wb_report_options_init (&options);
  plain = wb_report_new (f->current, &options, &error);
  g_assert_no_error (error);
  g_assert_null (find_heading (plain, "Sinds de vorige keer", &index));

  options.previous = f->previous;
  dutch = wb_report_new (f->current, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_heading (dutch, "Sinds de vorige keer", &index));
  table = g_ptr_array_index (wb_report_get_blocks (dutch), index + 2);
  g_assert_cmpint (table->kind, ==, WB_REPORT_BLOCK_TABLE);
  g_assert_cmpuint (table->rows->len, ==, 6);
  g_assert_cmpstr (((GStrv) table->rows->pdata[0])[0], ==, "Nieuw");
  g_assert_cmpstr (((GStrv) table->rows->pdata[5])[0], ==, "Opgelost");
  g_assert_cmpstr (((GStrv) table->rows->pdata[5])[2], ==, "198.18.0.11");

  options.language = "en";
  english = wb_report_new (f->current, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_heading (english, "Since last time", &index));

  writer = wb_pdf_writer_new (english);
  g_assert_true (wb_pdf_writer_render_to_file (writer, pdf, &error));
  g_assert_no_error (error);
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  {
    const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
    int status;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &text, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  folded = fold (text);
  g_assert_nonnull (strstr (folded, "Since last time"));
  g_assert_nonnull (strstr (folded, "fixed 3, still open 2, new 1"));
  g_assert_nonnull (strstr (folded, "Open service network.vnc-open"));
  g_assert_nonnull (strstr (folded, "198.18.0.14"));
}

static void
test_report_other_company (Fixture *f, gconstpointer data)
{
  g_autoptr(WbEngagement) other = make_engagement (f, "other.wbv", "Slagerij Vlees",
                                                   "90000003");
  g_autoptr(GError) error = NULL;
  g_autoptr(WbReport) report = NULL;
  WbReportOptions options;

  wb_report_options_init (&options);
  options.previous = other;
  report = wb_report_new (f->current, &options, &error);
  g_assert_null (report);
  g_assert_error (error, WB_DELTA_ERROR, WB_DELTA_ERROR_OTHER_COMPANY);
}

int
main (int argc, char **argv)
{
  g_assert_true (wb_init (NULL));
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/delta/two-runs", Fixture, NULL, fixture_set_up, test_delta,
              fixture_tear_down);
  g_test_add ("/delta/other-company", Fixture, NULL, fixture_set_up, test_other_company,
              fixture_tear_down);
  g_test_add ("/delta/report-section", Fixture, NULL, fixture_set_up, test_report_section,
              fixture_tear_down);
  g_test_add ("/delta/report-other-company", Fixture, NULL, fixture_set_up,
              test_report_other_company, fixture_tear_down);
  return g_test_run ();
}

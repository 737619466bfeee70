/* test-report.c — the company's PDF report: model, layout and what a reader finds in it
 *
 * The PDF checks read the rendered file back with poppler-utils (pdftotext, pdfinfo,
 * pdftoppm), as a person's PDF reader would; they skip with a reason when those tools
 * are missing. All data is fictitious and every file is removed at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libintl.h>
#include <string.h>

#include "wb-engagement.h"
#include "wb-init.h"
#include "wb-pdf-writer.h"
#include "wb-report.h"

#define PASS "correct horse battery staple"
#define COMPANY "Bakkerij Testdeeg B.V."
#define REPORT_DATE "2026-11-25"
#define RETENTION_END "2027-05-25" /* six months later */
#define MARGIN 62.0
#define EOL_PLUGIN_FOR_TEST "patching"

typedef struct {
  char         *dir;
  char         *path;
  char         *pdf;
  WbEngagement *engagement;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbCompany) company = wb_company_new ();
  g_autoptr(WbAgreement) agreement = wb_agreement_new_template ();
  g_autoptr(WbScope) scope = wb_scope_new ();
  static const struct { const char *name; WbRole role; } people[] = {
    { "Sanne de Vries", WB_ROLE_STUDENT }, { "Daan Özdemir", WB_ROLE_STUDENT },
    { "Petra Jansen", WB_ROLE_TEACHER }, { "Anouk Bakker", WB_ROLE_CONTACT },
  };

  f->dir = g_dir_make_tmp ("wb-report-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "test.wbv", NULL);
  f->pdf = g_build_filename (f->dir, "report.pdf", NULL);
  f->engagement = wb_engagement_create (f->path, "Sanne de Vries", PASS, NULL, &error);
  g_assert_no_error (error);
  company->name = g_strdup (COMPANY);
  company->kvk = g_strdup ("90000002");
  company->sbi = g_strdup ("10.71");
  company->size = WB_SIZE_MICRO;
  company->province = g_strdup ("groningen");
  g_assert_true (wb_engagement_set_company (f->engagement, company, &error));
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(WbPerson) person = wb_person_new (people[i].name, people[i].role);

      person->organisation = g_strdup ("Lab College");
      person->email = g_strdup ("docent@lab-college.test");
      g_assert_true (wb_engagement_add_person (f->engagement, person, &error));
    }
  g_assert_true (wb_scope_add (scope, "198.18.0.0/24", NULL));
  wb_scope_set_max_activity (scope, WB_ACTIVITY_ACTIVE);
  wb_scope_allow_plugin (scope, "network");
  wb_agreement_set_scope (agreement, scope);
  wb_agreement_set_signatories (agreement, "Kees Bakker", "Petra Jansen");
  g_assert_true (wb_agreement_set_window (agreement, "2026-11-20", "2026-11-21", NULL));
  g_assert_true (wb_agreement_set_retention_months (agreement, 6, NULL));
  g_assert_true (wb_engagement_set_agreement (f->engagement, agreement, &error));
  g_assert_true (wb_engagement_sign_agreement (f->engagement, "2026-11-19", &error));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->engagement);
  /* Everything the test wrote: the engagement, PDFs and page images. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->pdf);
  g_free (f->path);
  g_free (f->dir);
}

static WbFinding *
make_finding (const char *check_id, const char *title, const char *step, WbPriority priority)
{
  WbFinding *finding = wb_finding_new (check_id, title, WB_SEVERITY_HIGH);
  g_autoptr(WbAdvice) advice = wb_advice_new ();
  const char *references[] = { "CIS 4.1", NULL };

  advice->risk = g_strdup ("Iemand van buiten kan zo binnenkomen.");
  advice->step = g_strdup (step);
  advice->owner = WB_OWNER_SUPPLIER;
  advice->priority = priority;
  advice->effort = 2;
  g_strfreev (advice->references);
  advice->references = g_strdupv ((char **) references);
  wb_finding_set_advice (finding, advice);
  wb_finding_set_confidence (finding, WB_CONFIDENCE_AUTOMATED);
  wb_finding_add_evidence (finding, "Poort 3389 stond open op 198.18.0.10.");
  wb_finding_add_asset (finding, "198.18.0.10");
  return finding;
}

/* @n findings "Finding NNN" with the step "Step NNN ...". */
static void
add_findings (Fixture *f, guint n)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Finding %03u about the remote desktop", i);
      g_autofree char *step = g_strdup_printf ("Step %03u: close the port on the router "
                                               "and use the VPN instead.", i);

      g_ptr_array_add (findings, make_finding ("network.rdp-exposed", title, step,
                                               i % 3 == 0 ? WB_PRIORITY_NOW :
                                               WB_PRIORITY_QUARTER));
    }
  g_assert_true (wb_engagement_commit_run (f->engagement, "network", findings, NULL));
}

static void
set_json (Fixture *f, const char *plugin, const char *key, const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_true (wb_engagement_set_plugin_data (f->engagement, plugin, key, node, &error));
  g_assert_no_error (error);
}

static WbReport *
build (Fixture *f, const char *language)
{
  g_autoptr(GError) error = NULL;
  WbReportOptions options;
  WbReport *report;

  wb_report_options_init (&options);
  options.language = language;
  options.date = REPORT_DATE;
  report = wb_report_new (f->engagement, &options, &error);
  g_assert_no_error (error);
  return report;
}

/* Renders to f->pdf; returns the number of pages. */
static guint
render (Fixture *f, WbReport *report, WbPdfWriter **writer_out)
{
  g_autoptr(GError) error = NULL;
  WbPdfWriter *writer = wb_pdf_writer_new (report);
  guint n_pages;

  g_assert_true (wb_pdf_writer_render_to_file (writer, f->pdf, &error));
  g_assert_no_error (error);
  n_pages = wb_pdf_writer_get_n_pages (writer);
  if (writer_out != NULL)
    *writer_out = writer;
  else
    g_object_unref (writer);
  return n_pages;
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");

  if (pdftotext != NULL && pdfinfo != NULL && pdftoppm != NULL)
    return TRUE;
  g_test_skip ("poppler-utils (pdftotext, pdfinfo, pdftoppm) are not installed");
  return FALSE;
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Whitespace folded to single spaces, so a wrapped line reads as one sentence. */
static char *
fold (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

static char *
pdf_text (Fixture *f)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", f->pdf, "-", NULL };

  return run_tool (argv);
}

static void
assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in the report", needle);
}

/* Every page carries the TLP label (pdftotext ends each page with a form feed). */
static void
assert_tlp_on_every_page (const char *text, const char *label, guint n_pages)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  guint n = 0;

  for (guint i = 0; pages[i] != NULL; i++)
    {
      if (pages[i][0] == '\0' && pages[i + 1] == NULL)
        break;
      if (strstr (pages[i], label) == NULL)
        g_error ("page %u has no %s label", i + 1, label);
      n++;
    }
  g_assert_cmpuint (n, ==, n_pages);
}

/* The last @needle in binary @data (which holds NUL bytes), or NULL. */
static const char *
find_bytes (const char *data, gsize size, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = size >= n ? size - n + 1 : 0; i-- > 0;)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* The first @needle in [@from, @end), or NULL. */
static const char *
find_bytes_from (const char *from, const char *end, const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = from; p + n <= end; p++)
    if (memcmp (p, needle, n) == 0)
      return p;
  return NULL;
}

/* The catalog names the language, and startxref points at the "xref" keyword. */
static void
assert_xref_intact (Fixture *f, const char *lang)
{
  g_autofree char *data = NULL;
  gsize size;
  const char *startxref;
  guint64 offset;

  g_assert_true (g_file_get_contents (f->pdf, &data, &size, NULL));
  g_assert_nonnull (find_bytes (data, size, lang));
  startxref = find_bytes (data, size, "startxref\n");
  g_assert_nonnull (startxref);
  offset = g_ascii_strtoull (startxref + 10, NULL, 10);
  g_assert_cmpuint (offset + 4, <, size);
  g_assert_cmpint (memcmp (data + offset, "xref", 4), ==, 0);
}

static guint
pdfinfo_pages (Fixture *f, char **info_out)
{
  const char *argv[] = { "pdfinfo", f->pdf, NULL };
  char *info = run_tool (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  *info_out = info;
  return (guint) g_ascii_strtoull (pages + 7 + strspn (pages + 7, " "), NULL, 10);
}

/* pdftoppm draws every page; each must come out as an image. */
static void
assert_pages_render (Fixture *f, guint n_pages)
{
  g_autofree char *prefix = g_build_filename (f->dir, "page", NULL);
  const char *argv[] = { "pdftoppm", "-r", "20", "-png", f->pdf, prefix, NULL };
  g_autofree char *out = run_tool (argv);
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  guint n_png = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".png"))
      {
        g_autofree char *path = g_build_filename (f->dir, name, NULL);
        GStatBuf st;

        g_assert_cmpint (g_stat (path, &st), ==, 0);
        g_assert_cmpint (st.st_size, >, 100);
        n_png++;
      }
  g_assert_cmpuint (n_png, ==, n_pages);
}

/* ---- the model ---- */

static void
test_model_defaults (Fixture *f, gconstpointer data)
{
  g_autoptr(WbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  WbReportOptions options;
  GPtrArray *blocks;
  guint n_h1 = 0;

  add_findings (f, 3);
  report = build (f, NULL);
  g_assert_cmpstr (wb_report_get_language (report), ==, "nl");
  g_assert_cmpstr (wb_report_get_date (report), ==, REPORT_DATE);
  g_assert_cmpstr (wb_report_get_company_name (report), ==, COMPANY);
  g_assert_cmpstr (wb_report_get_tlp_label (report), ==, "TLP:AMBER+STRICT");
  g_assert_cmpstr (wb_report_get_retention_end (report), ==, RETENTION_END);
  g_assert_cmpstr (wb_report_get_author (report), ==, "Sanne de Vries, Daan Özdemir");
  blocks = wb_report_get_blocks (report);
  g_assert_cmpint (((WbReportBlock *) blocks->pdata[0])->kind, ==, WB_REPORT_BLOCK_COVER);
  g_assert_cmpint (((WbReportBlock *) blocks->pdata[blocks->len - 1])->kind, ==,
                   WB_REPORT_BLOCK_SIGNATURES);
  for (guint i = 0; i < blocks->len; i++)
    {
      WbReportBlock *block = blocks->pdata[i];

      n_h1 += block->kind == WB_REPORT_BLOCK_HEADING && block->level == 1;
    }
  /* Summary, action plan, details, appendix, retention, signatures. */
  g_assert_cmpuint (n_h1, ==, 6);

  /* The retention end is counted in calendar months and clamps to the month's end. */
  wb_report_options_init (&options);
  options.date = "2026-08-31";
  options.tlp = WB_TLP_RED;
  g_clear_object (&report);
  report = wb_report_new (f->engagement, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wb_report_get_retention_end (report), ==, "2027-02-28");
  g_assert_cmpstr (wb_report_get_tlp_label (report), ==, "TLP:RED");
}

static void
test_model_bad_options (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_build_filename (f->dir, "empty.wbv", NULL);
  g_autoptr(WbEngagement) empty = NULL;
  WbReportOptions options;

  wb_report_options_init (&options);
  options.language = "de";
  g_assert_null (wb_report_new (f->engagement, &options, &error));
  g_assert_error (error, WB_REPORT_ERROR, WB_REPORT_ERROR_INVALID);
  g_clear_error (&error);
  wb_report_options_init (&options);
  options.date = "2026-02-30";
  g_assert_null (wb_report_new (f->engagement, &options, &error));
  g_assert_error (error, WB_REPORT_ERROR, WB_REPORT_ERROR_INVALID);
  g_clear_error (&error);
  /* No company: nobody to address the report to. */
  empty = wb_engagement_create (other, "Sanne", PASS, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (wb_report_new (empty, NULL, &error));
  g_assert_error (error, WB_REPORT_ERROR, WB_REPORT_ERROR_INCOMPLETE);
}

static gboolean
has_block_text (WbReport *report, WbReportBlockKind kind, const char *needle)
{
  GPtrArray *blocks = wb_report_get_blocks (report);

  for (guint i = 0; i < blocks->len; i++)
    {
      WbReportBlock *block = blocks->pdata[i];

      if (block->kind == kind && block->text != NULL && strstr (block->text, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A plugin's malformed details are left out with a note; the rest of the report stays. */
static void
test_model_bad_sections (Fixture *f, gconstpointer data)
{
  static const char * const bad[] = {
    "{\"title\": \"x\"}",
    "[{\"title\": \"Hosts\", \"columns\": [\"a\", \"b\"], \"rows\": [[\"only one\"]]}]",
    "[{\"title\": \"Hosts\", \"columns\": [\"a\"], \"rows\": [[{\"nested\": 1}]]}]",
    "[{\"title\": \"Hosts\", \"columns\": [], \"rows\": []}]",
    "[{\"title\": \"Hosts\", \"columns\": [\"a\"], \"rows\": [], \"extra\": 1}]",
    "[\"not a table\"]",
  };

  set_json (f, "avg", "report-sections",
            "[{\"title\": \"Register of processing\", \"columns\": [\"Question\", "
            "\"Answer\"], \"rows\": [[\"Is there a register?\", \"no\"], [\"Count\", 3], "
            "[\"Known\", null]], \"note\": \"Asked on site.\"}]");
  set_json (f, "avg", "score", "{\"percent\": 40, \"light\": \"red\", "
            "\"knockouts_failed\": 1, \"unknown\": 2, \"extra\": true}");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(WbReport) report = NULL;
      const char * const *warnings;

      set_json (f, "network", "report-sections", bad[i]);
      set_json (f, "network", "score", "{\"light\": \"purple\"}");
      report = build (f, "en");
      warnings = wb_report_get_warnings (report);
      g_assert_nonnull (warnings[0]);
      g_assert_nonnull (strstr (warnings[0], "Network"));
      g_assert_nonnull (warnings[1]); /* the score, too */
      g_assert_true (has_block_text (report, WB_REPORT_BLOCK_PARAGRAPH,
                                     "could not be read"));
      g_assert_false (has_block_text (report, WB_REPORT_BLOCK_TABLE, "Hosts"));
      /* The good plugin's table and score are there. */
      g_assert_true (has_block_text (report, WB_REPORT_BLOCK_TABLE, "Register of processing"));
      g_assert_true (has_block_text (report, WB_REPORT_BLOCK_PARAGRAPH, "40% in order"));
    }
}

/* A damaged Dutch catalogue gives an English report and a warning, not a crash. */
static void
test_catalog_damaged (Fixture *f, gconstpointer data)
{
  g_autofree char *saved = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
  g_autofree char *locale = g_build_filename (f->dir, "locale", NULL);
  g_autofree char *messages = g_build_filename (locale, "nl", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  /* A valid magic number, then offsets far beyond the end of the file. */
  static const guint8 damaged[] = { 0xde, 0x12, 0x04, 0x95, 0, 0, 0, 0, 0, 0, 0, 9,
                                    0xff, 0xff, 0xff, 0xf0, 0xff, 0xff, 0xff, 0xf0,
                                    0, 0, 0, 0, 0, 0, 0, 0 };
  static const guint8 garbage[] = "not a catalogue at all";
  const guint8 *contents[] = { damaged, garbage };
  gsize sizes[] = { sizeof damaged, sizeof garbage };

  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  bindtextdomain (GETTEXT_PACKAGE, locale);
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autoptr(WbReport) report = NULL;

      g_assert_true (g_file_set_contents (mo, (const char *) contents[i], sizes[i], NULL));
      report = build (f, "nl");
      g_assert_true (has_block_text (report, WB_REPORT_BLOCK_HEADING, "Summary"));
      if (i == 1)
        g_assert_nonnull (wb_report_get_warnings (report)[0]);
    }
  bindtextdomain (GETTEXT_PACKAGE, saved);
  g_unlink (mo);
  g_rmdir (messages);
  {
    g_autofree char *nl = g_path_get_dirname (messages);

    g_rmdir (nl);
  }
  g_rmdir (locale);
}

/* ---- the PDF ---- */

static void
test_pdf_contents (Fixture *f, gconstpointer data)
{
  g_autoptr(WbReport) report = NULL;
  g_autoptr(WbPdfWriter) writer = NULL;
  g_autofree char *text = NULL, *folded = NULL, *info = NULL, *structure = NULL;
  g_autofree char *dests = NULL;
  GPtrArray *findings;
  guint n_pages;
  const char *struct_argv[] = { "pdfinfo", "-struct", f->pdf, NULL };
  const char *dests_argv[] = { "pdfinfo", "-dests", f->pdf, NULL };

  if (!have_poppler ())
    return;
  add_findings (f, 12);
  set_json (f, "network", "score", "{\"percent\": 72, \"light\": \"orange\"}");
  /* A short column next to long ones keeps its words whole ("applicable", not
   * "applicabl" + "e"). */
  set_json (f, "network", "report-sections",
            "[{\"title\": \"Hosts and services\", \"columns\": [\"Host\", \"Port\", "
            "\"Service\", \"Answer\", \"Note\"], \"rows\": [[\"198.18.0.10\", 3389, "
            "\"ms-wbt-server\", \"Not applicable\", \"The remote desktop of the office PC "
            "was reachable from the guest network and from the internet through the "
            "router's port forwarding.\"]]}]");
  report = build (f, "en");
  n_pages = render (f, report, &writer);
  text = pdf_text (f);
  folded = fold (text);
  assert_contains (folded, COMPANY);
  findings = wb_engagement_get_findings (f->engagement);
  for (guint i = 0; i < findings->len; i++)
    {
      assert_contains (folded, wb_finding_get_title (findings->pdata[i]));
      assert_contains (folded, wb_finding_get_advice (findings->pdata[i])->step);
    }
  assert_contains (folded, RETENTION_END);
  assert_contains (folded, "Hosts and services");
  assert_contains (folded, "ms-wbt-server");
  assert_contains (folded, "Not applicable");
  assert_contains (folded, "72%");
  assert_tlp_on_every_page (text, "TLP:AMBER+STRICT", n_pages);
  {
    g_autofree char *last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);

    assert_contains (folded, last);
  }

  g_assert_cmpuint (pdfinfo_pages (f, &info), ==, n_pages);
  assert_contains (info, "Title:           Security scan of " COMPANY);
  assert_contains (info, "Author:          Sanne de Vries, Daan Özdemir");
  assert_contains (info, "Subject:         Findings and action advice");
  assert_contains (info, "Creator:         Werkbank");
  assert_contains (info, "CreationDate:");
  assert_contains (info, "Page size:       595.276 x 841.89 pts (A4)");
  /* Marked as tagged, in its language; the cross-reference table is still found. */
  assert_contains (info, "Tagged:          yes");
  assert_xref_intact (f, "/Lang (en-GB)");
  /* Structure for screen readers, and a destination per section for the outline. */
  structure = run_tool (struct_argv);
  assert_contains (structure, "H1");
  assert_contains (structure, "H2");
  assert_contains (structure, "TH");
  assert_contains (structure, "Table");
  assert_contains (structure, "P (block)");
  dests = run_tool (dests_argv);
  assert_contains (dests, "section-1");
  /* Every finding card is a destination; the first steps link to theirs. */
  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("finding-%s",
                                               wb_finding_get_id (findings->pdata[i]));

      assert_contains (dests, name);
    }
  {
    g_autofree char *raw = NULL;
    gsize size;
    guint n_links = 0;

    g_assert_true (g_file_get_contents (f->pdf, &raw, &size, NULL));
    for (const char *p = raw; (p = find_bytes_from (p, raw + size, "/Subtype /Link")); p++)
      n_links++;
    g_assert_cmpuint (n_links, >=, 5);
  }
  assert_pages_render (f, n_pages);
}

static void
test_pdf_no_findings (Fixture *f, gconstpointer data)
{
  g_autoptr(WbReport) report = NULL;
  g_autofree char *text = NULL, *folded = NULL, *info = NULL;
  guint n_pages;

  if (!have_poppler ())
    return;
  report = build (f, "en");
  n_pages = render (f, report, NULL);
  g_assert_cmpuint (n_pages, >=, 7);
  text = pdf_text (f);
  folded = fold (text);
  assert_contains (folded, "We found nothing that needs action.");
  assert_contains (folded, "n/a"); /* no end-of-life data date yet */
  assert_tlp_on_every_page (text, "TLP:AMBER+STRICT", n_pages);
  g_assert_cmpuint (pdfinfo_pages (f, &info), ==, n_pages);
  assert_pages_render (f, n_pages);
}

static void
test_pdf_many_findings (Fixture *f, gconstpointer data)
{
  g_autoptr(WbReport) report = NULL;
  g_autofree char *text = NULL, *folded = NULL, *info = NULL;
  guint n_pages;

  if (!have_poppler ())
    return;
  add_findings (f, 300);
  set_json (f, EOL_PLUGIN_FOR_TEST, "eol-data-date", "\"2026-01-05\"");
  report = build (f, "en");
  n_pages = render (f, report, NULL);
  g_assert_cmpuint (n_pages, >, 60);
  text = pdf_text (f);
  folded = fold (text);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("Finding %03u about the remote desktop", i);

      assert_contains (folded, title);
    }
  /* The end-of-life data is older than 90 days: the report says so. */
  assert_contains (folded, "2026-01-05");
  assert_contains (folded, "more than 90 days");
  assert_tlp_on_every_page (text, "TLP:AMBER+STRICT", n_pages);
  g_assert_cmpuint (pdfinfo_pages (f, &info), ==, n_pages);
  assert_pages_render (f, n_pages);
}

typedef struct {
  double x0, y0, x1, y1;
  char  *text;
} WordBox;

static void
word_box_clear (gpointer data)
{
  g_free (((WordBox *) data)->text);
}

static void
assert_no_overlap (GRegex *word, const char *page, guint number)
{
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (WordBox));
  g_autoptr(GMatchInfo) match = NULL;

  g_array_set_clear_func (boxes, word_box_clear);
  g_regex_match (word, page, 0, &match);
  while (g_match_info_matches (match))
    {
      WordBox box;
      char *value;

      /* Shrunk a little: neighbouring words may touch. */
      value = g_match_info_fetch (match, 1), box.x0 = g_ascii_strtod (value, NULL) + 0.8;
      g_free (value);
      value = g_match_info_fetch (match, 2), box.y0 = g_ascii_strtod (value, NULL) + 0.8;
      g_free (value);
      value = g_match_info_fetch (match, 3), box.x1 = g_ascii_strtod (value, NULL) - 0.8;
      g_free (value);
      value = g_match_info_fetch (match, 4), box.y1 = g_ascii_strtod (value, NULL) - 0.8;
      g_free (value);
      box.text = g_match_info_fetch (match, 5);
      g_array_append_val (boxes, box);
      g_match_info_next (match, NULL);
    }
  for (guint i = 0; i < boxes->len; i++)
    for (guint j = i + 1; j < boxes->len; j++)
      {
        WordBox *a = &g_array_index (boxes, WordBox, i);
        WordBox *b = &g_array_index (boxes, WordBox, j);

        if (a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1)
          g_error ("page %u: “%s” overlaps “%s”", number, a->text, b->text);
      }
}

/* pdftotext -bbox: every word lies inside the page's margins, and none overlaps another. */
static void
assert_words_inside (Fixture *f, guint *n_words)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", f->pdf, "-", NULL };
  g_autofree char *html = run_tool (argv);
  g_autoptr(GRegex) word = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                        "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)<",
                                        0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_auto(GStrv) pages = g_strsplit (html, "<page ", -1);

  *n_words = 0;
  /* No two words of a page overlap: a wrapped label must not run into the next row. */
  for (guint p = 1; pages[p] != NULL; p++)
    assert_no_overlap (word, pages[p], p);
  g_regex_match (word, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *x_min = g_match_info_fetch (match, 1);
      g_autofree char *y_min = g_match_info_fetch (match, 2);
      g_autofree char *x_max = g_match_info_fetch (match, 3);
      g_autofree char *y_max = g_match_info_fetch (match, 4);
      g_autofree char *what = g_match_info_fetch (match, 5);

      if (g_ascii_strtod (x_min, NULL) < MARGIN - 1 ||
          g_ascii_strtod (x_max, NULL) > WB_PDF_PAGE_WIDTH - MARGIN + 1 ||
          g_ascii_strtod (y_min, NULL) < 20 ||
          g_ascii_strtod (y_max, NULL) > WB_PDF_PAGE_HEIGHT - 20)
        g_error ("“%s” sticks out of the page margins (%s,%s – %s,%s)", what, x_min, y_min,
                 x_max, y_max);
      (*n_words)++;
      g_match_info_next (match, NULL);
    }
}

static void
test_pdf_overflow (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) host = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(WbReport) report = NULL;
  g_autoptr(GString) sections = g_string_new (NULL);
  g_autofree char *text = NULL, *folded = NULL;
  WbFinding *finding;
  guint n_pages, n_words;

  if (!have_poppler ())
    return;
  for (guint i = 0; i < 12; i++)
    g_string_append (host, "very-long-label-of-a-host-name.");
  g_string_append (host, "proefkeuken.test");
  for (guint i = 0; i < 30; i++)
    g_string_append (word, "Arbeidsongeschiktheidsverzekering");
  finding = make_finding ("network.long", "Coördinatie van ideeën over het ĳsbaanbeheer "
                          "en de geïnstalleerde software", "Vraag de leverancier om "
                          "één wachtwoordbeleid.", WB_PRIORITY_NOW);
  wb_finding_add_asset (finding, host->str);
  wb_finding_add_evidence (finding, word->str);
  g_ptr_array_add (findings, finding);
  finding = make_finding ("network.title", word->str, word->str, WB_PRIORITY_QUARTER);
  g_ptr_array_add (findings, finding);
  g_assert_true (wb_engagement_commit_run (f->engagement, "network", findings, NULL));
  g_string_append_printf (sections, "[{\"title\": \"%s\", \"columns\": [\"Host\", \"Naam\", "
                          "\"Poort\", \"Dienst\", \"Versie\", \"Opmerking\", \"A\", \"B\"], "
                          "\"rows\": [", word->str);
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (sections, "%s[\"%s\", \"%s\", %u, \"één\", \"%s\", \"ĳs\", "
                            "\"x\", \"y\"]", i > 0 ? "," : "", host->str, word->str, i,
                            word->str);
  g_string_append (sections, "]}]");
  set_json (f, "network", "report-sections", sections->str);
  report = build (f, "en");
  n_pages = render (f, report, NULL);
  text = pdf_text (f);
  folded = fold (text);
  assert_contains (folded, "Coördinatie van ideeën over het ĳsbaanbeheer");
  assert_contains (folded, "één wachtwoordbeleid");
  assert_words_inside (f, &n_words);
  g_assert_cmpuint (n_words, >, 500);
  /* Even with very long titles and steps the summary stays on one page (page 2). */
  {
    const char *argv[] = { "pdftotext", "-f", "3", "-l", "3", f->pdf, "-", NULL };
    g_autofree char *page3 = run_tool (argv);

    assert_contains (page3, "Action plan");
  }
  assert_pages_render (f, n_pages);
}

/* Dutch by default, English on request, whatever the session's language. */
static void
test_pdf_languages (Fixture *f, gconstpointer data)
{
  g_autoptr(WbReport) english = NULL;
  g_autoptr(WbReport) dutch = NULL;
  g_autofree char *en_text = NULL, *nl_text = NULL;
  g_autofree char *en_raw = NULL, *nl_raw = NULL;

  if (!have_poppler ())
    return;
  add_findings (f, 2);
  english = build (f, "en");
  render (f, english, NULL);
  en_raw = pdf_text (f);
  en_text = fold (en_raw);
  dutch = build (f, "nl");
  render (f, dutch, NULL);
  assert_xref_intact (f, "/Lang (nl-NL)");
  nl_raw = pdf_text (f);
  nl_text = fold (nl_raw);
  assert_contains (en_text, "Your IT supplier");
  assert_contains (en_text, "25 November 2026");
  g_assert_null (strstr (nl_text, "Your IT supplier"));
  if (wb_report_get_warnings (dutch)[0] != NULL)
    {
      g_test_skip ("the Dutch catalogue is not built");
      return;
    }
  /* The owner label's Dutch text, from the project's catalogue. */
  assert_contains (nl_text, "Je IT-leverancier");
  g_assert_cmpstr (wb_report_get_language (dutch), ==, "nl");
}

/* The Dutch report with the project's catalogue (compiled into the fixture's folder): Dutch labels are longer; nothing may overlap. */
static void
test_pdf_dutch_layout (Fixture *f, gconstpointer data)
{
  g_autofree char *saved = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
  g_autofree char *po = g_test_build_filename (G_TEST_DIST, "..", "po", "nl.po", NULL);
  g_autofree char *locale = g_build_filename (f->dir, "locale", NULL);
  g_autofree char *messages = g_build_filename (locale, "nl", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *merged = g_build_filename (f->dir, "merged.po", NULL);
  g_autofree char *msgcat = g_find_program_in_path ("msgcat");
  const char *cat_argv[] = { "msgcat", "--use-first", "-o", merged, po, NULL };
  const char *fmt_argv[] = { "msgfmt", "-o", mo, merged, NULL };
  g_autoptr(WbReport) report = NULL;
  g_autofree char *text = NULL, *folded = NULL, *out = NULL;
  guint n_words;

  if (!have_poppler ())
    return;
  if (msgcat == NULL)
    {
      g_test_skip ("gettext (msgcat, msgfmt) is not installed");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  g_free (run_tool (cat_argv));
  out = run_tool (fmt_argv);
  bindtextdomain (GETTEXT_PACKAGE, locale);
  add_findings (f, 8);
  set_json (f, EOL_PLUGIN_FOR_TEST, "eol-data-date", "\"2026-11-01\"");
  report = build (f, "nl");
  bindtextdomain (GETTEXT_PACKAGE, saved);
  g_assert_null (wb_report_get_warnings (report)[0]);
  render (f, report, NULL);
  text = pdf_text (f);
  folded = fold (text);
  assert_contains (folded, "Samenvatting");
  assert_contains (folded, "Gegevens over einde ondersteuning gecontroleerd op");
  assert_contains (folded, "25 mei 2027");
  assert_words_inside (f, &n_words);
  g_unlink (mo);
  g_rmdir (messages);
  {
    g_autofree char *nl = g_path_get_dirname (messages);

    g_rmdir (nl);
  }
  g_rmdir (locale);
}

static void
test_pdf_signature_boxes (Fixture *f, gconstpointer data)
{
  g_autoptr(WbReport) report = NULL;
  g_autoptr(WbPdfWriter) writer = NULL;
  WbPdfRect team, teacher, fixed;
  guint team_page, teacher_page, n_pages;

  add_findings (f, 5);
  report = build (f, "en");
  writer = wb_pdf_writer_new (report);
  g_assert_false (wb_pdf_writer_get_signature_box (writer, WB_SIGNATURE_TEAM, NULL, NULL));
  g_object_unref (writer);
  n_pages = render (f, report, &writer);
  g_assert_true (wb_pdf_writer_get_signature_box (writer, WB_SIGNATURE_TEAM, &team_page,
                                                  &team));
  g_assert_true (wb_pdf_writer_get_signature_box (writer, WB_SIGNATURE_TEACHER,
                                                  &teacher_page, &teacher));
  g_assert_cmpuint (team_page, ==, n_pages - 1);
  g_assert_cmpuint (teacher_page, ==, n_pages - 1);
  wb_pdf_signature_rect (WB_SIGNATURE_TEAM, &fixed);
  g_assert_cmpfloat (fixed.x, ==, team.x);
  g_assert_cmpfloat (fixed.y, ==, team.y);
  /* Side by side, inside the margins, not overlapping, big enough for a signature. */
  g_assert_cmpfloat (team.x, >=, MARGIN);
  g_assert_cmpfloat (team.x + team.width, <, teacher.x);
  g_assert_cmpfloat (teacher.x + teacher.width, <=, WB_PDF_PAGE_WIDTH - MARGIN + 0.01);
  g_assert_cmpfloat (team.y, ==, teacher.y);
  g_assert_cmpfloat (team.width, >=, 200);
  g_assert_cmpfloat (team.height, >=, 100);
  g_assert_cmpfloat (team.y, >, 100);
  g_assert_cmpfloat (team.y + team.height, <, WB_PDF_PAGE_HEIGHT - 100);
  if (have_poppler ())
    {
      /* The boxes are empty: no text of the page lies inside them. */
      g_autofree char *page = g_strdup_printf ("%u", n_pages);
      const char *argv[] = { "pdftotext", "-bbox", "-f", page, "-l", page, f->pdf, "-",
                             NULL };
      g_autofree char *html = run_tool (argv);
      g_autoptr(GRegex) word = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\"",
                                            0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      g_assert_nonnull (strstr (html, "Signatures"));
      g_regex_match (word, html, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *xs = g_match_info_fetch (match, 1);
          g_autofree char *ys = g_match_info_fetch (match, 2);
          double x = g_ascii_strtod (xs, NULL);
          /* pdftotext measures from the top; the rectangle from the bottom. */
          double y = WB_PDF_PAGE_HEIGHT - g_ascii_strtod (ys, NULL);

          g_assert_false (x >= team.x && x <= teacher.x + teacher.width &&
                          y <= team.y + team.height && y >= team.y);
          g_match_info_next (match, NULL);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (wb_init (NULL));
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/report/model/defaults", test_model_defaults);
  ADD ("/report/model/bad-options", test_model_bad_options);
  ADD ("/report/model/bad-sections", test_model_bad_sections);
  ADD ("/report/catalog/damaged", test_catalog_damaged);
  ADD ("/report/pdf/contents", test_pdf_contents);
  ADD ("/report/pdf/no-findings", test_pdf_no_findings);
  ADD ("/report/pdf/many-findings", test_pdf_many_findings);
  ADD ("/report/pdf/overflow", test_pdf_overflow);
  ADD ("/report/pdf/languages", test_pdf_languages);
  ADD ("/report/pdf/dutch-layout", test_pdf_dutch_layout);
  ADD ("/report/pdf/signature-boxes", test_pdf_signature_boxes);
#undef ADD
  return g_test_run ();
}

/* bench-report.c — helper for bench-report.sh
 *
 *   bench-report setup DIR N   an engagement DIR/bench.wbv with N findings and plugin
 *                              tables, and DIR/report.html with the same report content
 *                              (for Chromium and LibreOffice)
 *   bench-report render FILE OUT.pdf
 *                              opens the engagement and renders its report, as
 *                              `werkbank-cli report` does
 *
 * All data is fictitious. SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "wb-engagement.h"
#include "wb-init.h"
#include "wb-pdf-writer.h"
#include "wb-report.h"

#define PASS "bench-passphrase-not-secret"

/* Linux: writing 5 to clear_refs resets the peak resident size (VmHWM), so the render
 * phase can be measured apart from opening the vault (whose Argon2 needs 64 MiB). */
static void
reset_peak (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");

  if (file != NULL)
    {
      fputs ("5", file);
      fclose (file);
    }
}

static long
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return atol (line + 6);
}

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    {
      fprintf (stderr, "bench-report: %s\n", error != NULL ? error->message : "failed");
      exit (1);
    }
}

static void
add_findings (WbEngagement *engagement, guint n)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  GError *error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Verouderde software op kassa-pc %u", i);
      WbFinding *finding = wb_finding_new ("network.outdated", title, WB_SEVERITY_HIGH);
      g_autoptr(WbAdvice) advice = wb_advice_new ();
      const char *references[] = { "CIS 7.3", "Cyber Essentials: updates", NULL };

      advice->risk = g_strdup ("Bekende lekken in oude software worden automatisch "
                               "misbruikt; een aanvaller kan zo de kassa overnemen.");
      advice->step = g_strdup ("Laat je IT-leverancier de software bijwerken naar een "
                               "versie die nog updates krijgt, en zet automatische "
                               "updates aan.");
      advice->owner = i % 2 ? WB_OWNER_SUPPLIER : WB_OWNER_COMPANY;
      advice->priority = i % 3;
      advice->effort = 1 + i % 3;
      g_strfreev (advice->references);
      advice->references = g_strdupv ((char **) references);
      wb_finding_set_advice (finding, advice);
      wb_finding_add_evidence (finding, "De dienst op poort 443 meldde versie 2.4.29 "
                               "(banner: Apache/2.4.29 (Ubuntu)).");
      wb_finding_add_asset (finding, "kassa-01.proefkeuken.test (198.18.0.20)");
      g_ptr_array_add (findings, finding);
    }
  check (wb_engagement_commit_run (engagement, "network", findings, &error), error);
}

static void
add_tables (WbEngagement *engagement)
{
  g_autoptr(GString) json = g_string_new ("[{\"title\": \"Hosts en diensten\", "
                                          "\"columns\": [\"Host\", \"Poort\", \"Dienst\", "
                                          "\"Versie\"], \"rows\": [");
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  for (guint i = 0; i < 120; i++)
    g_string_append_printf (json, "%s[\"198.18.0.%u\", %u, \"https\", \"Apache 2.4.%u\"]",
                            i ? "," : "", i % 250, 443 + i % 3, i % 60);
  g_string_append (json, "]}]");
  node = json_from_string (json->str, &error);
  check (node != NULL, error);
  check (wb_engagement_set_plugin_data (engagement, "network", "report-sections", node,
                                        &error), error);
  g_clear_pointer (&node, json_node_unref);
  node = json_from_string ("{\"percent\": 55, \"light\": \"orange\"}", NULL);
  check (wb_engagement_set_plugin_data (engagement, "network", "score", node, &error),
         error);
}

static void
setup_engagement (WbEngagement *engagement)
{
  g_autoptr(WbCompany) company = wb_company_new ();
  g_autoptr(WbAgreement) agreement = wb_agreement_new_template ();
  g_autoptr(WbScope) scope = wb_scope_new ();
  g_autoptr(WbPerson) student = wb_person_new ("Sanne de Vries", WB_ROLE_STUDENT);
  g_autoptr(WbPerson) teacher = wb_person_new ("Petra Jansen", WB_ROLE_TEACHER);
  GError *error = NULL;

  company->name = g_strdup ("Bakkerij De Proefkeuken B.V.");
  company->kvk = g_strdup ("90000001");
  company->sbi = g_strdup ("10.71");
  company->size = WB_SIZE_MICRO;
  company->province = g_strdup ("groningen");
  check (wb_engagement_set_company (engagement, company, &error), error);
  check (wb_engagement_add_person (engagement, student, &error), error);
  check (wb_engagement_add_person (engagement, teacher, &error), error);
  check (wb_scope_add (scope, "198.18.0.0/24", &error), error);
  wb_scope_allow_plugin (scope, "network");
  wb_agreement_set_scope (agreement, scope);
  wb_agreement_set_signatories (agreement, "Kees Bakker", "Petra Jansen");
  check (wb_agreement_set_window (agreement, "2026-11-20", "2026-11-21", &error), error);
  check (wb_engagement_set_agreement (engagement, agreement, &error), error);
  check (wb_engagement_sign_agreement (engagement, "2026-11-19", &error), error);
}

/* The same blocks as HTML with print CSS close to the PDF's layout. */
static void
write_html (WbReport *report, const char *path)
{
  GPtrArray *blocks = wb_report_get_blocks (report);
  g_autoptr(GString) html = g_string_new (NULL);
  GError *error = NULL;

  g_string_append_printf (html, "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
                          "<title>%s</title><style>@page{size:A4;margin:22mm}"
                          "body{font-family:'DejaVu Sans';font-size:10pt;color:#1f2630}"
                          "h1{color:#1c5c75;page-break-before:always}h2{color:#1c5c75}"
                          "table{border-collapse:collapse;width:100%%}"
                          "th{background:#1c5c75;color:#fff;text-align:left}"
                          "td,th{padding:3pt;font-size:8.5pt}.card{page-break-inside:avoid;"
                          "border-bottom:1px solid #ccc}.tlp{background:#000;color:#ffc000}"
                          "</style></head><body>", wb_report_get_title (report));
  for (guint i = 0; i < blocks->len; i++)
    {
      WbReportBlock *block = blocks->pdata[i];
      g_autofree char *text = block->text ? g_markup_escape_text (block->text, -1) : NULL;

      switch (block->kind)
        {
        case WB_REPORT_BLOCK_HEADING:
          g_string_append_printf (html, "<h%u>%s</h%u>", MIN (block->level, 3), text,
                                  MIN (block->level, 3));
          break;
        case WB_REPORT_BLOCK_PARAGRAPH:
          g_string_append_printf (html, "<p>%s</p>", text);
          break;
        case WB_REPORT_BLOCK_FINDING:
          g_string_append_printf (html, "<div class=\"card\"><h3>%s</h3>", text);
          /* fall through */
        default:
          if (block->columns != NULL && block->kind == WB_REPORT_BLOCK_TABLE)
            {
              g_string_append (html, "<table><tr>");
              for (guint c = 0; block->columns[c] != NULL; c++)
                g_string_append_printf (html, "<th>%s</th>", block->columns[c]);
              g_string_append (html, "</tr>");
            }
          else
            g_string_append (html, "<table>");
          for (guint r = 0; r < block->rows->len; r++)
            {
              GStrv row = block->rows->pdata[r];

              g_string_append (html, "<tr>");
              for (guint c = 0; row[c] != NULL; c++)
                {
                  g_autofree char *cell = g_markup_escape_text (row[c], -1);

                  g_string_append_printf (html, "<td>%s</td>", cell);
                }
              g_string_append (html, "</tr>");
            }
          g_string_append (html, block->kind == WB_REPORT_BLOCK_FINDING ?
                           "</table></div>" : "</table>");
          break;
        }
    }
  g_string_append (html, "</body></html>");
  check (g_file_set_contents (path, html->str, html->len, &error), error);
}

int
main (int argc, char **argv)
{
  GError *error = NULL;

  check (wb_init (&error), error);
  if (argc == 4 && g_str_equal (argv[1], "setup"))
    {
      g_autofree char *path = g_build_filename (argv[2], "bench.wbv", NULL);
      g_autofree char *html = g_build_filename (argv[2], "report.html", NULL);
      g_autoptr(WbEngagement) engagement = wb_engagement_create (path, "Sanne de Vries",
                                                                 PASS, NULL, &error);
      g_autoptr(WbReport) report = NULL;

      check (engagement != NULL, error);
      setup_engagement (engagement);
      add_findings (engagement, (guint) atoi (argv[3]));
      add_tables (engagement);
      report = wb_report_new (engagement, NULL, &error);
      check (report != NULL, error);
      write_html (report, html);
      return 0;
    }
  if (argc == 4 && g_str_equal (argv[1], "render"))
    {
      g_autoptr(WbEngagement) engagement = wb_engagement_open (argv[2], PASS, &error);
      g_autoptr(WbReport) report = NULL;
      g_autoptr(WbPdfWriter) writer = NULL;
      gint64 start;

      check (engagement != NULL, error);
      reset_peak ();
      start = g_get_monotonic_time ();
      report = wb_report_new (engagement, NULL, &error);
      check (report != NULL, error);
      writer = wb_pdf_writer_new (report);
      check (wb_pdf_writer_render_to_file (writer, argv[3], &error), error);
      /* The render phase alone: seconds, peak KiB, pages. */
      printf ("%.3f %ld %u\n", (g_get_monotonic_time () - start) / 1e6, peak_kib (),
              wb_pdf_writer_get_n_pages (writer));
      return 0;
    }
  fprintf (stderr, "usage: bench-report setup DIR N | render FILE OUT.pdf\n");
  return 2;
}

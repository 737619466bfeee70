/* wb-cli-report.c — werkbank-cli report: the company's PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "wb-cli-common.h"
#include "wb-delta.h"
#include "wb-file.h"
#include "wb-pdf-writer.h"
#include "wb-report.h"
#include "wb-report-store.h"

/* Accepts "amber+strict", "AMBER+STRICT" and "TLP:AMBER+STRICT". */
static gboolean
parse_tlp (const char *text, WbTlp *out)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  const char *label = g_str_has_prefix (lower, "tlp:") ? lower + 4 : lower;

  return wb_tlp_from_string (label, out);
}

/* A report error is a bad option (6) or an engagement not ready for a report (4). */
static int
report_fail (GError *error)
{
  int code = error->code == WB_REPORT_ERROR_INCOMPLETE ? WB_EXIT_REFUSED : WB_EXIT_INVALID;

  if (error->domain != WB_REPORT_ERROR)
    return wb_cli_fail (error);
  g_printerr ("werkbank-cli: %s\n", error->message);
  g_error_free (error);
  return code;
}

/* Errors of the report kept in the engagement: none stored (5), order (4), bad (6). */
int
wb_cli_report_store_fail (GError *error)
{
  int code;

  if (error->domain != WB_REPORT_STORE_ERROR)
    return wb_cli_fail (error);
  code = error->code == WB_REPORT_STORE_ERROR_NOT_FOUND ? WB_EXIT_NOT_FOUND
         : error->code == WB_REPORT_STORE_ERROR_ORDER ? WB_EXIT_REFUSED : WB_EXIT_INVALID;
  g_printerr ("werkbank-cli: %s\n", error->message);
  g_error_free (error);
  return code;
}

/* Builds and renders the report; writes it to @output and/or keeps it in the engagement
 * (@store); prints what the user should know. */
static int
write_report (WbEngagement          *engagement,
              const WbReportOptions *options,
              const char            *output,
              gboolean               store)
{
  g_autoptr(WbReport) report = NULL;
  g_autoptr(WbPdfWriter) writer = NULL;
  g_autoptr(GBytes) pdf = NULL;
  const char * const *warnings;
  GError *error = NULL;

  report = wb_report_new (engagement, options, &error);
  if (report == NULL)
    return error->domain == WB_DELTA_ERROR ? wb_cli_delta_fail (error) : report_fail (error);
  warnings = wb_report_get_warnings (report);
  for (guint i = 0; warnings[i] != NULL; i++)
    g_printerr (_("werkbank-cli: warning: %s\n"), warnings[i]);
  writer = wb_pdf_writer_new (report);
  pdf = wb_pdf_writer_render (writer, &error);
  if (pdf == NULL)
    return wb_cli_fail (error);
  if (store)
    {
      if (!wb_report_store_pdf (engagement, pdf, wb_report_get_date (report), &error))
        return wb_cli_report_store_fail (error);
      g_printerr (_("Kept the report (%u pages, %s) in the engagement, replacing any "
                    "earlier version and its signatures.\n"),
                  wb_pdf_writer_get_n_pages (writer), wb_report_get_tlp_label (report));
    }
  if (output == NULL)
    return WB_EXIT_OK;
  if (!wb_file_write_private (output, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                              &error))
    return wb_cli_fail (error);
  g_printerr (_("Wrote the report (%u pages, %s) to %s.\n"),
              wb_pdf_writer_get_n_pages (writer), wb_report_get_tlp_label (report), output);
  return WB_EXIT_OK;
}

/* werkbank-cli report-export: a copy of the report kept in the engagement. */
int
wb_cli_report_export (int argc, char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to FILE (required)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE"), _("Write a copy of the report kept in the engagement "
                                     "(as rendered with report --store and signed with "
                                     "report-sign). The copy is not encrypted: hand it on "
                                     "only as its TLP label allows."), entries);
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *date = NULL;
  GError *error = NULL;
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 2 || output == NULL)
    return wb_cli_usage (context, _("Name one engagement file and --output FILE."));
  engagement = wb_cli_open (argv[1], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  pdf = wb_report_load_pdf (engagement, &date, &error);
  if (pdf == NULL)
    return wb_cli_report_store_fail (error);
  if (!wb_file_write_private (output, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                              &error))
    return wb_cli_fail (error);
  g_printerr (_("Wrote the report of %s to %s.\n"), date, output);
  return WB_EXIT_OK;
}

int
wb_cli_report (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *language = NULL;
  g_autofree char *tlp = NULL;
  g_autofree char *date = NULL;
  g_autofree char *previous_path = NULL;
  g_autofree char *previous_key = NULL;
  gboolean final = FALSE;
  gboolean store = FALSE;
  const GOptionEntry entries[] = {
    { "previous", 0, 0, G_OPTION_ARG_FILENAME, &previous_path,
      N_("Add a \"since last time\" section comparing with this earlier engagement of the "
         "same company"), N_("FILE") },
    { "previous-key", 0, 0, G_OPTION_ARG_FILENAME, &previous_key,
      N_("Open the previous engagement with this key file (else the passphrase from "
         "$WERKBANK_PREVIOUS_PASSPHRASE or asked)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to FILE (required)"), N_("FILE") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the report: nl (default) or en"), N_("LANG") },
    { "tlp", 't', 0, G_OPTION_ARG_STRING, &tlp,
      N_("Sharing label: clear, green, amber, amber+strict or red (default: the "
         "agreement's)"), N_("LABEL") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Date of the report, YYYY-MM-DD (default: today)"), N_("DATE") },
    { "final", 0, 0, G_OPTION_ARG_NONE, &final,
      N_("The final version, to be signed (default: a draft)"), NULL },
    { "store", 0, 0, G_OPTION_ARG_NONE, &store,
      N_("Keep the PDF inside the encrypted engagement (replacing the version kept "
         "before, signatures included), for report-sign and report-export"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE"), _("Render the report for the company as a PDF. The PDF "
                                     "is not encrypted: hand it on only as its TLP label "
                                     "allows."), entries);
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(WbEngagement) previous = NULL;
  WbReportOptions options;
  WbTlp label;
  GError *error = NULL;
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 2 || (output == NULL && !store))
    return wb_cli_usage (context, _("Name one engagement file and --output FILE (or "
                                    "--store)."));
  wb_report_options_init (&options);
  if (language != NULL)
    options.language = language;
  if (tlp != NULL)
    {
      if (!parse_tlp (tlp, &label))
        return wb_cli_usage (context, _("--tlp takes clear, green, amber, amber+strict or "
                                        "red."));
      options.tlp = label;
    }
  options.date = date;
  if (final)
    options.status = WB_REPORT_STATUS_SIGNED;
  engagement = wb_cli_open (argv[1], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  if (previous_path != NULL)
    {
      previous = wb_cli_open_previous (previous_path, previous_key, &error);
      if (previous == NULL)
        return wb_cli_fail (error);
      options.previous = previous;
    }
  return write_report (engagement, &options, output, store);
}

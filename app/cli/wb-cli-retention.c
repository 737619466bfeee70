/* wb-cli-retention.c — werkbank-cli retention: how long the data is kept, and what it is
 *
 * The same facts the workbench's Retention page shows: the agreed period, the date it
 * counts from (the kept report's, see wb-report-store.h) and the end date, and the data
 * inventory (wb_engagement_get_data_inventory). `destroy` erases it all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "wb-cli-common.h"
#include "wb-report-store.h"

static void
print_period (WbEngagement *engagement)
{
  guint months = wb_agreement_get_retention_months (wb_engagement_get_agreement (engagement));
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *date = NULL;
  g_autofree char *end = NULL;

  if (months == 0)
    {
      g_print (_("Retention: no period was agreed; ask the teacher.\n"));
      return;
    }
  g_print (ngettext ("Retention: %u month, counted from the report's date\n",
                     "Retention: %u months, counted from the report's date\n", months),
           months);
  pdf = wb_report_load_pdf (engagement, &date, NULL);
  if (pdf == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      end = wb_report_retention_end (engagement, today);
      g_print (_("Report: none kept yet (report --store); made today, the data would be "
                 "kept until %s\n"), end != NULL ? end : "?");
      return;
    }
  end = wb_report_retention_end (engagement, date);
  g_print (_("Report kept of: %s\n"), date);
  g_print (_("Keep until: %s\n"), end != NULL ? end : "?");
}

static void
print_inventory (WbEngagement *engagement)
{
  g_autoptr(GPtrArray) categories = wb_engagement_get_data_inventory (engagement);
  guint64 total = 0;

  g_print (_("What the engagement holds (all inside the encrypted file):\n"));
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      const WbDataCategory *category = categories->pdata[i];
      g_autofree char *count = g_strdup_printf ("%" PRIu64, category->count);
      g_autofree char *bytes = g_strdup_printf ("%" PRIu64, category->bytes);

      /* Translators: a category, its number of items, its size in bytes, and whether it
       * may hold personal data. */
      g_print (ngettext ("  %s: %s item, %s bytes%s\n", "  %s: %s items, %s bytes%s\n",
                         (gulong) category->count),
               category->label, count, bytes,
               category->personal ? _(", may hold personal data") : "");
      total += category->bytes;
    }
  {
    g_autofree char *text = g_strdup_printf ("%" PRIu64, total);

    g_print (_("  Total: %s bytes\n"), text);
  }
}

int
wb_cli_retention (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE"), _("Show how long the engagement's data is kept and what "
                                    "it holds (destroy erases it)."), wb_cli_open_entries);
  g_autoptr(WbEngagement) engagement = NULL;
  int code;

  engagement = wb_cli_parse_and_open (context, &argc, &argv, &code);
  if (engagement == NULL)
    return code;
  print_period (engagement);
  print_inventory (engagement);
  return WB_EXIT_OK;
}

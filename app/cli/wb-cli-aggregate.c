/* wb-cli-aggregate.c — werkbank-cli aggregate: the anonymous export and the
 * coordinator's table (docs/aggregate.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wb-aggregate.h"
#include "wb-cli-common.h"
#include "wb-file.h"

/* No consent is a refusal (4); a missing field or a bad record is invalid input (6). */
static int
aggregate_fail (GError *error, const char *path)
{
  int code;

  if (error->domain != WB_AGGREGATE_ERROR)
    return wb_cli_fail (error);
  code = error->code == WB_AGGREGATE_ERROR_NO_CONSENT ? WB_EXIT_REFUSED
    : error->code == WB_AGGREGATE_ERROR_K ? WB_EXIT_USAGE : WB_EXIT_INVALID;
  if (path != NULL)
    g_printerr ("werkbank-cli: %s: %s\n", path, error->message);
  else
    g_printerr ("werkbank-cli: %s\n", error->message);
  g_error_free (error);
  return code;
}

static int
aggregate_export (int argc, char **argv, GOptionContext *context, const char *output)
{
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(JsonNode) record = NULL;
  GError *error = NULL;

  if (argc != 3 || output == NULL)
    return wb_cli_usage (context, _("Name one engagement file and --output FILE."));
  engagement = wb_cli_open (argv[2], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  record = wb_aggregate_record_from_engagement (engagement, &error);
  if (record == NULL)
    return aggregate_fail (error, NULL);
  if (!wb_cli_write_json (record, output, &error))
    return wb_cli_fail (error);
  g_printerr (_("Wrote the anonymous record to %s.\n"), output);
  return WB_EXIT_OK;
}

/* Every record is read strictly; the first bad one stops the run, named by its file, so
 * nothing is silently left out of the figures. */
static GPtrArray *
read_records (int argc, char **argv, const char *region, int *code)
{
  g_autoptr(GPtrArray) records =
    g_ptr_array_new_with_free_func ((GDestroyNotify) wb_aggregate_record_free);

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(JsonNode) node = NULL;
      WbAggregateRecord *record;
      GError *error = NULL;

      node = wb_cli_read_json (argv[i], &error);
      if (node == NULL)
        {
          *code = wb_cli_fail (error);
          return NULL;
        }
      record = wb_aggregate_record_parse (node, &error);
      if (record == NULL)
        {
          *code = aggregate_fail (error, argv[i]);
          return NULL;
        }
      g_ptr_array_add (records, record);
      if (region != NULL && !g_str_equal (record->province, region))
        {
          g_printerr (_("werkbank-cli: %s: the record is from %s, not from the network's "
                        "region %s.\n"), argv[i], record->province, region);
          *code = WB_EXIT_INVALID;
          return NULL;
        }
    }
  return g_steal_pointer (&records);
}

/* Without --region, records from several provinces are combined; say so. */
static void
note_regions (GPtrArray *records)
{
  g_autoptr(GPtrArray) provinces = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      WbAggregateRecord *record = g_ptr_array_index (records, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < provinces->len; j++)
        seen = seen || g_str_equal (g_ptr_array_index (provinces, j), record->province);
      if (!seen)
        g_ptr_array_add (provinces, record->province);
    }
  if (provinces->len < 2)
    return;
  g_ptr_array_add (provinces, NULL);
  list = g_strjoinv (", ", (char **) provinces->pdata);
  g_printerr (_("werkbank-cli: note: the records come from %u provinces (%s); they are "
                "counted together. Use --region to accept only one.\n"),
              provinces->len - 1, list);
}

static int
aggregate_table (int argc, char **argv, GOptionContext *context, const char *output,
                 const char *chart, const char *by_text, gint k, const char *region)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(WbAggregateTable) table = NULL;
  g_autofree char *csv = NULL;
  WbAggregateBy by = WB_AGGREGATE_BY_SECTOR;
  GError *error = NULL;
  int code = WB_EXIT_OK;

  if (argc < 3 || output == NULL)
    return wb_cli_usage (context, _("Name one or more record files and --output FILE."));
  if (by_text != NULL && !wb_aggregate_by_from_string (by_text, &by))
    return wb_cli_usage (context, _("--by takes sector, size or province."));
  if (k < WB_AGGREGATE_MIN_K)
    return wb_cli_usage (context, _("--k must be at least 5: smaller groups are not "
                                    "anonymous."));
  if (region != NULL && !wb_province_is_valid (region))
    return wb_cli_usage (context, _("--region takes a province id such as groningen."));
  records = read_records (argc, argv, region, &code);
  if (records == NULL)
    return code;
  if (region == NULL)
    note_regions (records);
  table = wb_aggregate_table_new (records, by, (guint) k, &error);
  if (table == NULL)
    return aggregate_fail (error, NULL);
  csv = wb_aggregate_table_to_csv (table);
  if (!wb_file_write_private (output, csv, strlen (csv), &error)
      || (chart != NULL && !wb_aggregate_table_write_chart (table, chart, &error)))
    return wb_cli_fail (error);
  g_printerr (_("Read %u records; wrote the table (k = %d) to %s.\n"), records->len, k,
              output);
  return WB_EXIT_OK;
}

int
wb_cli_aggregate (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *chart = NULL;
  g_autofree char *by = NULL;
  g_autofree char *region = NULL;
  gint k = WB_AGGREGATE_MIN_K;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the record (export) or the CSV table (table) to FILE (required)"),
      N_("FILE") },
    { "chart", 0, 0, G_OPTION_ARG_FILENAME, &chart,
      N_("table: also draw a chart, SVG or PNG by the file name"), N_("FILE") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("table: group by sector (default), size or province"), N_("GROUP") },
    { "k", 0, 0, G_OPTION_ARG_INT, &k,
      N_("table: publish only groups of at least K companies (default and minimum 5; "
         "use 10 for a small region)"), N_("K") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("table: the network's province; a record from elsewhere stops the run"),
      N_("PROVINCE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("export FILE | table RECORD…"),
                        _("The anonymous export for the regional network: export makes "
                          "one record of an engagement (only with the company's consent); "
                          "table combines many records into a table and chart, hiding "
                          "groups of fewer than K companies."), entries);
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc >= 2 && g_str_equal (argv[1], "export"))
    return aggregate_export (argc, argv, context, output);
  if (argc >= 2 && g_str_equal (argv[1], "table"))
    return aggregate_table (argc, argv, context, output, chart, by, k, region);
  return wb_cli_usage (context, _("Say what to do: export or table."));
}

/* wb-aggregate.c — the anonymous aggregate export and the coordinator's tables
 *
 * The record is built field by field from a fixed list of coarse values; nothing is
 * copied from free text, so a company name or an IP address cannot slip through a
 * member we forgot to filter (docs/aggregate.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo.h>
#include <cairo-svg.h>
#include <stdio.h>
#include <string.h>

#include "wb-aggregate.h"
#include "wb-file.h"
#include "wb-score.h"
#include "wb-util-private.h"

G_DEFINE_QUARK (wb-aggregate-error-quark, wb_aggregate_error)

static const char * const light_ids[] = { "red", "orange", "green" };

/* Plugin ids as the plugin host uses them: lower case, digits and dashes. */
static gboolean
plugin_id_is_valid (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > 64 || id[0] == '-')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static int
light_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (light_ids); i++)
    if (g_strcmp0 (text, light_ids[i]) == 0)
      return WB_LIGHT_RED + (int) i;
  return WB_LIGHT_NONE;
}

/* The quarter of the test window's start (or of the signing date): the only date the
 * record carries, coarse on purpose. */
static char *
quarter_for (WbAgreement *agreement, GError **error)
{
  const char *date = wb_agreement_get_window_start (agreement);
  int year, month;

  if (date == NULL)
    date = wb_agreement_get_signed_on (agreement);
  if (date == NULL || sscanf (date, "%4d-%2d", &year, &month) != 2 || month < 1 || month > 12)
    {
      g_set_error (error, WB_AGGREGATE_ERROR, WB_AGGREGATE_ERROR_INCOMPLETE,
                   _("The agreement has no test window or signing date, so the quarter of "
                     "the scan is unknown."));
      return NULL;
    }
  return g_strdup_printf ("%04d-Q%d", year, (month - 1) / 3 + 1);
}

/* {"percent": N, "light": "…"} from the plugin's score, or NULL when it has none. Only
 * these two members are read; whatever else a plugin keeps stays behind. */
static JsonNode *
score_node (WbEngagement *engagement, const char *plugin_id)
{
  JsonNode *score = wb_engagement_get_plugin_data (engagement, plugin_id, "score");
  g_autoptr(JsonBuilder) builder = NULL;
  JsonObject *object;
  int light;

  if (score == NULL || !JSON_NODE_HOLDS_OBJECT (score))
    return NULL;
  object = json_node_get_object (score);
  light = light_from_string (json_object_get_string_member_with_default (object, "light", ""));
  if (light == WB_LIGHT_NONE)
    return NULL;
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  if (json_object_has_member (object, "percent"))
    {
      JsonNode *percent = json_object_get_member (object, "percent");

      if (JSON_NODE_HOLDS_VALUE (percent) && json_node_get_value_type (percent) == G_TYPE_INT64
          && json_node_get_int (percent) >= 0 && json_node_get_int (percent) <= 100)
        {
          json_builder_set_member_name (builder, "percent");
          json_builder_add_int_value (builder, json_node_get_int (percent));
        }
    }
  json_builder_set_member_name (builder, "light");
  json_builder_add_string_value (builder, light_ids[light - WB_LIGHT_RED]);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The check ids found, sorted and unique. */
static JsonNode *
findings_node (WbEngagement *engagement)
{
  GPtrArray *findings = wb_engagement_get_findings (engagement);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  JsonArray *array = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < findings->len; i++)
    {
      const char *check_id = wb_finding_get_check_id (g_ptr_array_index (findings, i));

      if (wb_check_id_is_valid (check_id))
        g_ptr_array_add (ids, (gpointer) check_id);
    }
  g_ptr_array_sort (ids, compare_strings);
  for (guint i = 0; i < ids->len; i++)
    if (i == 0 || strcmp (g_ptr_array_index (ids, i), g_ptr_array_index (ids, i - 1)) != 0)
      json_array_add_string_element (array, g_ptr_array_index (ids, i));
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}

/* Every plugin that left a score, in id order (enabled or not: a score is a result). */
static JsonNode *
plugins_node (WbEngagement *engagement)
{
  GPtrArray *findings = wb_engagement_get_findings (engagement);
  g_auto(GStrv) enabled = wb_engagement_get_enabled_plugins (engagement);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  JsonObject *object = json_object_new ();
  JsonNode *node;

  for (guint i = 0; enabled != NULL && enabled[i] != NULL; i++)
    g_ptr_array_add (ids, enabled[i]);
  for (guint i = 0; i < findings->len; i++)
    {
      const char *plugin = wb_finding_get_plugin_id (g_ptr_array_index (findings, i));

      if (plugin != NULL)
        g_ptr_array_add (ids, (gpointer) plugin);
    }
  g_ptr_array_sort (ids, compare_strings);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      JsonNode *score;

      if ((i > 0 && strcmp (id, g_ptr_array_index (ids, i - 1)) == 0)
          || !plugin_id_is_valid (id))
        continue;
      score = score_node (engagement, id);
      if (score != NULL)
        json_object_set_member (object, id, score);
    }
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

JsonNode *
wb_aggregate_record_from_engagement (WbEngagement *engagement, GError **error)
{
  const WbCompany *company = wb_engagement_get_company (engagement);
  WbAgreement *agreement = wb_engagement_get_agreement (engagement);
  g_autofree char *quarter = NULL;
  const char *section;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (WB_IS_ENGAGEMENT (engagement), NULL);

  if (!wb_agreement_get_aggregate_consent (agreement))
    {
      g_set_error (error, WB_AGGREGATE_ERROR, WB_AGGREGATE_ERROR_NO_CONSENT,
                   _("The company has not agreed to the anonymous export for the network "
                     "(or has opted out); nothing was exported."));
      return NULL;
    }
  section = company != NULL ? wb_sbi_get_section (company->sbi) : NULL;
  if (section == NULL || company->size == WB_SIZE_UNKNOWN || company->province == NULL
      || !wb_province_is_valid (company->province))
    {
      g_set_error (error, WB_AGGREGATE_ERROR, WB_AGGREGATE_ERROR_INCOMPLETE,
                   _("The export needs the company's SBI code, size class and province."));
      return NULL;
    }
  quarter = quarter_for (agreement, error);
  if (quarter == NULL)
    return NULL;
  object = json_object_new ();
  json_object_set_string_member (object, "format", WB_AGGREGATE_FORMAT);
  json_object_set_string_member (object, "sbi_section", section);
  json_object_set_string_member (object, "size", wb_size_class_to_string (company->size));
  json_object_set_string_member (object, "province", company->province);
  json_object_set_string_member (object, "quarter", quarter);
  json_object_set_member (object, "plugins", plugins_node (engagement));
  json_object_set_member (object, "findings", findings_node (engagement));
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

/* Reading records */

void
wb_aggregate_record_free (WbAggregateRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->sbi_section);
  g_free (record->size);
  g_free (record->province);
  g_free (record->quarter);
  g_clear_pointer (&record->lights, g_hash_table_unref);
  g_clear_pointer (&record->percents, g_hash_table_unref);
  g_strfreev (record->findings);
  g_free (record);
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, WB_AGGREGATE_ERROR, WB_AGGREGATE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
quarter_is_valid (const char *quarter)
{
  return strlen (quarter) == 7 && g_ascii_isdigit (quarter[0]) && g_ascii_isdigit (quarter[1])
    && g_ascii_isdigit (quarter[2]) && g_ascii_isdigit (quarter[3])
    && quarter[4] == '-' && quarter[5] == 'Q' && quarter[6] >= '1' && quarter[6] <= '4';
}

static gboolean
parse_score (WbAggregateRecord *record, const char *plugin, JsonNode *node, GError **error)
{
  static const char * const members[] = { "percent", "light", NULL };
  g_autofree char *light = NULL;
  gint64 percent = -1;
  JsonObject *object = wb_json_get_object (node, "plugin score", error);

  if (object == NULL || !wb_json_check_members (object, "plugin score", members, error)
      || !wb_json_get_string (object, "plugin score", "light", TRUE, &light, error)
      || !wb_json_get_int (object, "plugin score", "percent", FALSE, &percent, error))
    return FALSE;
  if (!plugin_id_is_valid (plugin))
    return invalid (error, _("A plugin id in the record is not valid."));
  if (light_from_string (light) == WB_LIGHT_NONE)
    return invalid (error, _("A plugin's traffic light is not red, orange or green."));
  if (json_object_has_member (object, "percent") && (percent < 0 || percent > 100))
    return invalid (error, _("A plugin's score is not between 0 and 100."));
  g_hash_table_insert (record->lights, g_strdup (plugin),
                       GINT_TO_POINTER (light_from_string (light)));
  if (percent >= 0)
    g_hash_table_insert (record->percents, g_strdup (plugin), GINT_TO_POINTER (percent + 1));
  return TRUE;
}

static gboolean
parse_findings (WbAggregateRecord *record, GError **error)
{
  for (guint i = 0; record->findings[i] != NULL; i++)
    {
      if (!wb_check_id_is_valid (record->findings[i]))
        return invalid (error, _("A finding id in the record is not valid."));
      if (i > 0 && strcmp (record->findings[i - 1], record->findings[i]) >= 0)
        return invalid (error, _("The finding ids are not sorted and unique."));
    }
  return TRUE;
}

/* The format member first, so a newer record says so instead of "unknown member". */
static gboolean
check_format (JsonObject *object, GError **error)
{
  JsonNode *format = json_object_get_member (object, "format");
  const char *text;

  if (format == NULL || json_node_get_value_type (format) != G_TYPE_STRING)
    return invalid (error, _("The record has no \"format\" member: it is not a Werkbank "
                             "aggregate record."));
  text = json_node_get_string (format);
  if (g_strcmp0 (text, WB_AGGREGATE_FORMAT) == 0)
    return TRUE;
  if (g_str_has_prefix (text, "werkbank-aggregate-"))
    g_set_error (error, WB_AGGREGATE_ERROR, WB_AGGREGATE_ERROR_VERSION,
                 _("The record has format version \"%s\"; this Werkbank reads only \"%s\"."),
                 text, WB_AGGREGATE_FORMAT);
  else
    g_set_error (error, WB_AGGREGATE_ERROR, WB_AGGREGATE_ERROR_INVALID,
                 _("The record has format \"%s\": it is not a Werkbank aggregate record."),
                 text);
  return FALSE;
}

static gboolean
parse_fields (WbAggregateRecord *record, JsonObject *object, GError **error)
{
  static const char * const members[] = { "format", "sbi_section", "size", "province",
                                          "quarter", "plugins", "findings", NULL };
  WbSizeClass size;
  JsonObject *plugins;
  GList *names;
  gboolean ok = TRUE;

  if (!wb_json_check_members (object, "record", members, error)
      || !wb_json_get_string (object, "record", "sbi_section", TRUE, &record->sbi_section, error)
      || !wb_json_get_string (object, "record", "size", TRUE, &record->size, error)
      || !wb_json_get_string (object, "record", "province", TRUE, &record->province, error)
      || !wb_json_get_string (object, "record", "quarter", TRUE, &record->quarter, error)
      || !wb_json_get_strv (object, "record", "findings", TRUE, &record->findings, error))
    return FALSE;
  if (strlen (record->sbi_section) != 1 || record->sbi_section[0] < 'A'
      || record->sbi_section[0] > 'U')
    return invalid (error, _("The SBI section is not a letter from A to U."));
  if (!wb_size_class_from_string (record->size, &size) || size == WB_SIZE_UNKNOWN)
    return invalid (error, _("The size class is not lt10, lt50, lt250 or ge250."));
  if (!wb_province_is_valid (record->province))
    return invalid (error, _("The province is not one of the twelve provinces."));
  if (!quarter_is_valid (record->quarter))
    return invalid (error, _("The quarter is not written as YYYY-Qn."));
  if (!parse_findings (record, error))
    return FALSE;
  plugins = wb_json_get_object (json_object_get_member (object, "plugins"), "plugins", error);
  if (plugins == NULL)
    return FALSE;
  names = json_object_get_members (plugins);
  for (GList *l = names; l != NULL && ok; l = l->next)
    ok = parse_score (record, l->data, json_object_get_member (plugins, l->data), error);
  g_list_free (names);
  return ok;
}

WbAggregateRecord *
wb_aggregate_record_parse (JsonNode *node, GError **error)
{
  g_autoptr(WbAggregateRecord) record = g_new0 (WbAggregateRecord, 1);
  JsonObject *object;

  record->lights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  record->percents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("The record is not a JSON object."));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_format (object, error) || !parse_fields (record, object, error))
    return NULL;
  return g_steal_pointer (&record);
}

/* Cross tables and suppression */

WbCrossTable *
wb_cross_table_new (guint n_rows, guint n_cols)
{
  WbCrossTable *table = g_new0 (WbCrossTable, 1);

  table->n_rows = n_rows;
  table->n_cols = n_cols;
  table->values = g_new0 (guint, (n_rows + 1) * (n_cols + 1));
  table->suppressed = g_new0 (gboolean, (n_rows + 1) * (n_cols + 1));
  return table;
}

void
wb_cross_table_free (WbCrossTable *table)
{
  if (table == NULL)
    return;
  g_free (table->values);
  g_free (table->suppressed);
  g_free (table);
}

guint *
wb_cross_table_at (WbCrossTable *table, guint row, guint col)
{
  g_return_val_if_fail (row <= table->n_rows && col <= table->n_cols, NULL);
  return &table->values[row * (table->n_cols + 1) + col];
}

gboolean
wb_cross_table_is_suppressed (WbCrossTable *table, guint row, guint col)
{
  g_return_val_if_fail (row <= table->n_rows && col <= table->n_cols, TRUE);
  return table->suppressed[row * (table->n_cols + 1) + col];
}

void
wb_cross_table_sum (WbCrossTable *table)
{
  for (guint r = 0; r < table->n_rows; r++)
    *wb_cross_table_at (table, r, table->n_cols) = 0;
  for (guint c = 0; c <= table->n_cols; c++)
    *wb_cross_table_at (table, table->n_rows, c) = 0;
  for (guint r = 0; r < table->n_rows; r++)
    for (guint c = 0; c < table->n_cols; c++)
      {
        guint value = *wb_cross_table_at (table, r, c);

        *wb_cross_table_at (table, r, table->n_cols) += value;
        *wb_cross_table_at (table, table->n_rows, c) += value;
        *wb_cross_table_at (table, table->n_rows, table->n_cols) += value;
      }
}

/* One line of the table (a row or a column, its total included): @stride steps along. */
typedef struct {
  guint start;
  guint stride;
  guint length;
} Line;

/* When exactly one entry of @line is hidden, it could be recomputed from the others and
 * the total: hide the smallest other entry too (the least lost). Whether that is
 * enough, counts being non-negative, is checked afterwards (protect_entry). */
static gboolean
protect_line (WbCrossTable *table, Line line)
{
  guint hidden = 0;
  gint best = -1;

  for (guint i = 0; i < line.length; i++)
    hidden += table->suppressed[line.start + i * line.stride] ? 1 : 0;
  if (hidden != 1)
    return FALSE;
  for (guint i = 0; i < line.length; i++)
    {
      guint index = line.start + i * line.stride;
      guint value = table->values[index];

      if (table->suppressed[index])
        continue;
      if (best < 0 || value < table->values[best])
        best = (gint) index;
    }
  table->suppressed[best] = TRUE;
  return TRUE;
}

/* A change of the hidden entries that keeps every shown entry as it is: if such a change
 * alters an entry and keeps all counts non-negative, a second table fits everything that
 * is shown, so that entry cannot be recomputed. Moves are the elementary ones: a
 * rectangle of four cells, two cells of a column (moving two row totals), two cells of a
 * row (moving two column totals), one cell (moving its totals and the grand total). */
typedef struct {
  guint n;
  guint index[8];
  int   coef[8];
} Move;

static void
move_add (Move *move, WbCrossTable *table, guint row, guint col, int coef)
{
  move->index[move->n] = row * (table->n_cols + 1) + col;
  move->coef[move->n] = coef;
  move->n++;
}

/* The moves that change the cell (r1, c1), @kind 0..3 as above, with a partner (r2, c2). */
static gboolean
move_build (Move *move, WbCrossTable *table, guint kind, guint r1, guint c1, guint r2, guint c2)
{
  guint R = table->n_rows, C = table->n_cols;

  move->n = 0;
  switch (kind)
    {
    case 0:
      if (r2 == r1 || c2 == c1)
        return FALSE;
      move_add (move, table, r1, c1, 1);
      move_add (move, table, r1, c2, -1);
      move_add (move, table, r2, c1, -1);
      move_add (move, table, r2, c2, 1);
      return TRUE;
    case 1:
      if (r2 == r1 || c2 != 0)
        return FALSE;
      move_add (move, table, r1, c1, 1);
      move_add (move, table, r2, c1, -1);
      move_add (move, table, r1, C, 1);
      move_add (move, table, r2, C, -1);
      return TRUE;
    case 2:
      if (c2 == c1 || r2 != 0)
        return FALSE;
      move_add (move, table, r1, c1, 1);
      move_add (move, table, r1, c2, -1);
      move_add (move, table, R, c1, 1);
      move_add (move, table, R, c2, -1);
      return TRUE;
    default:
      if (r2 != 0 || c2 != 0)
        return FALSE;
      move_add (move, table, r1, c1, 1);
      move_add (move, table, r1, C, 1);
      move_add (move, table, R, c1, 1);
      move_add (move, table, R, C, 1);
      return TRUE;
    }
}

static gboolean
move_touches (const Move *move, guint index)
{
  for (guint i = 0; i < move->n; i++)
    if (move->index[i] == index)
      return TRUE;
  return FALSE;
}

/* The cost of making @move (in direction @sign) possible: how many shown entries it
 * would hide, then how much they hold; G_MAXUINT64 when it would go below zero. */
static guint64
move_cost (WbCrossTable *table, const Move *move, int sign)
{
  guint64 count = 0, sum = 0;

  for (guint i = 0; i < move->n; i++)
    {
      guint index = move->index[i];

      if (move->coef[i] * sign < 0 && table->values[index] == 0)
        return G_MAXUINT64;
      if (!table->suppressed[index])
        {
          count++;
          sum += table->values[index];
        }
    }
  return (count << 32) + sum;
}

/* Hides what the cheapest move through @index needs; FALSE when a free move exists. */
static gboolean
protect_entry (WbCrossTable *table, guint index)
{
  Move move, best = { 0 };
  guint64 best_cost = G_MAXUINT64;

  for (guint kind = 0; kind < 4; kind++)
    for (guint r1 = 0; r1 < table->n_rows; r1++)
      for (guint c1 = 0; c1 < table->n_cols; c1++)
        for (guint r2 = 0; r2 < table->n_rows; r2++)
          for (guint c2 = 0; c2 < table->n_cols; c2++)
            {
              if (!move_build (&move, table, kind, r1, c1, r2, c2)
                  || !move_touches (&move, index))
                continue;
              for (int sign = -1; sign <= 1; sign += 2)
                {
                  guint64 cost = move_cost (table, &move, sign);

                  if (cost == 0)
                    return FALSE;
                  if (cost < best_cost)
                    {
                      best_cost = cost;
                      best = move;
                    }
                }
            }
  if (best_cost == G_MAXUINT64)
    return FALSE; /* a table of zeros: nothing to protect */
  for (guint i = 0; i < best.n; i++)
    table->suppressed[best.index[i]] = TRUE;
  return TRUE;
}

void
wb_cross_table_suppress (WbCrossTable *table, guint k)
{
  guint width = table->n_cols + 1;
  guint size = (table->n_rows + 1) * width;
  gboolean changed = TRUE;

  /* Primary: small counts, and a whole row over fewer than k companies (no shares over
   * fewer than k). */
  for (guint r = 0; r <= table->n_rows; r++)
    {
      guint total = *wb_cross_table_at (table, r, table->n_cols);

      for (guint c = 0; c <= table->n_cols; c++)
        {
          guint value = *wb_cross_table_at (table, r, c);

          if ((value > 0 && value < k) || (total > 0 && total < k))
            table->suppressed[r * width + c] = TRUE;
        }
    }
  /* Secondary, until every line hides none or at least two entries... */
  while (changed)
    {
      changed = FALSE;
      for (guint r = 0; r <= table->n_rows; r++)
        changed |= protect_line (table, (Line) { r * width, 1, width });
      for (guint c = 0; c <= table->n_cols; c++)
        changed |= protect_line (table, (Line) { c, width, table->n_rows + 1 });
    }
  /* ...and until every hidden entry, zeros too, can move without a shown entry moving
   * (two hidden entries in a line are not always enough: counts cannot go below zero). */
  changed = TRUE;
  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < size; i++)
        if (table->suppressed[i])
          changed |= protect_entry (table, i);
    }
}

/* The coordinator's table */

gboolean
wb_aggregate_by_from_string (const char *text, WbAggregateBy *out)
{
  static const char * const ids[] = { "sector", "size", "province" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (g_strcmp0 (text, ids[i]) == 0)
      {
        *out = (WbAggregateBy) i;
        return TRUE;
      }
  return FALSE;
}

static void
section_free (gpointer data)
{
  WbAggregateSection *section = data;

  g_free (section->item);
  wb_cross_table_free (section->table);
  g_free (section->averages);
  g_free (section);
}

void
wb_aggregate_table_free (WbAggregateTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->groups);
  g_clear_pointer (&table->sections, g_ptr_array_unref);
  g_free (table);
}

static const char *
group_of (WbAggregateRecord *record, WbAggregateBy by)
{
  switch (by)
    {
    case WB_AGGREGATE_BY_SECTOR:
      return record->sbi_section;
    case WB_AGGREGATE_BY_SIZE:
      return record->size;
    case WB_AGGREGATE_BY_PROVINCE:
    default:
      return record->province;
    }
}

/* Size classes in their natural order; sectors and provinces alphabetically. */
static int
compare_groups (gconstpointer a, gconstpointer b)
{
  static const char * const sizes[] = { "lt10", "lt50", "lt250", "ge250", NULL };
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  int ix = -1, iy = -1;

  for (int i = 0; sizes[i] != NULL; i++)
    {
      ix = g_str_equal (x, sizes[i]) ? i : ix;
      iy = g_str_equal (y, sizes[i]) ? i : iy;
    }
  if (ix >= 0 && iy >= 0)
    return ix - iy;
  return strcmp (x, y);
}

/* Sorted unique strings of a set. */
static GStrv
sorted_keys (GHashTable *set, GCompareFunc compare)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  GStrv strv;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare);
  strv = g_new0 (char *, keys->len + 1);
  for (guint i = 0; i < keys->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (keys, i));
  return strv;
}

static guint
group_index (GStrv groups, const char *group)
{
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_equal (groups[i], group))
      return i;
  g_return_val_if_reached (0);
}

/* A plugin's lights per group, and the average score where enough companies have one. */
static WbAggregateSection *
plugin_section (GPtrArray *records, WbAggregateBy by, GStrv groups, const char *plugin,
                guint k)
{
  WbAggregateSection *section = g_new0 (WbAggregateSection, 1);
  guint n_groups = g_strv_length (groups);
  g_autofree guint *sums = g_new0 (guint, n_groups + 1);
  g_autofree guint *counts = g_new0 (guint, n_groups + 1);

  section->item = g_strdup (plugin);
  section->table = wb_cross_table_new (n_groups, G_N_ELEMENTS (light_ids));
  section->averages = g_new0 (int, n_groups + 1);
  for (guint i = 0; i < records->len; i++)
    {
      WbAggregateRecord *record = g_ptr_array_index (records, i);
      gpointer light = g_hash_table_lookup (record->lights, plugin);
      gpointer percent = g_hash_table_lookup (record->percents, plugin);
      guint row = group_index (groups, group_of (record, by));

      if (light == NULL)
        continue;
      (*wb_cross_table_at (section->table, row, GPOINTER_TO_INT (light) - WB_LIGHT_RED))++;
      if (percent == NULL)
        continue;
      for (guint r = 0; r < 2; r++)
        {
          guint index = r == 0 ? row : n_groups;

          sums[index] += GPOINTER_TO_UINT (percent) - 1;
          counts[index]++;
        }
    }
  wb_cross_table_sum (section->table);
  wb_cross_table_suppress (section->table, k);
  for (guint r = 0; r <= n_groups; r++)
    section->averages[r] =
      counts[r] >= k && !wb_cross_table_is_suppressed (section->table, r, section->table->n_cols)
      ? (int) ((sums[r] + counts[r] / 2) / counts[r]) : -1;
  return section;
}

/* Companies with and without a finding, per group. */
static WbAggregateSection *
finding_section (GPtrArray *records, WbAggregateBy by, GStrv groups, const char *check_id,
                 guint k)
{
  WbAggregateSection *section = g_new0 (WbAggregateSection, 1);

  section->item = g_strdup (check_id);
  section->is_finding = TRUE;
  section->table = wb_cross_table_new (g_strv_length (groups), 2);
  for (guint i = 0; i < records->len; i++)
    {
      WbAggregateRecord *record = g_ptr_array_index (records, i);
      guint row = group_index (groups, group_of (record, by));
      gboolean found = g_strv_contains ((const char * const *) record->findings, check_id);

      (*wb_cross_table_at (section->table, row, found ? 0 : 1))++;
    }
  wb_cross_table_sum (section->table);
  wb_cross_table_suppress (section->table, k);
  return section;
}

WbAggregateTable *
wb_aggregate_table_new (GPtrArray *records, WbAggregateBy by, guint k, GError **error)
{
  g_autoptr(WbAggregateTable) table = g_new0 (WbAggregateTable, 1);
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) plugins = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) checks = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) plugin_ids = NULL;
  g_auto(GStrv) check_ids = NULL;

  if (k < WB_AGGREGATE_MIN_K)
    {
      g_set_error (error, WB_AGGREGATE_ERROR, WB_AGGREGATE_ERROR_K,
                   _("k must be at least %d: smaller groups are not anonymous."),
                   WB_AGGREGATE_MIN_K);
      return NULL;
    }
  for (guint i = 0; i < records->len; i++)
    {
      WbAggregateRecord *record = g_ptr_array_index (records, i);
      GHashTableIter iter;
      gpointer key;

      g_hash_table_add (groups, (gpointer) group_of (record, by));
      g_hash_table_iter_init (&iter, record->lights);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (plugins, key);
      for (guint j = 0; record->findings[j] != NULL; j++)
        g_hash_table_add (checks, record->findings[j]);
    }
  table->k = k;
  table->groups = sorted_keys (groups, compare_groups);
  table->sections = g_ptr_array_new_with_free_func (section_free);
  plugin_ids = sorted_keys (plugins, compare_strings);
  check_ids = sorted_keys (checks, compare_strings);
  for (guint i = 0; plugin_ids[i] != NULL; i++)
    g_ptr_array_add (table->sections, plugin_section (records, by, table->groups,
                                                      plugin_ids[i], k));
  for (guint i = 0; check_ids[i] != NULL; i++)
    g_ptr_array_add (table->sections, finding_section (records, by, table->groups,
                                                       check_ids[i], k));
  return g_steal_pointer (&table);
}

static void
append_entry (GString *csv, WbCrossTable *table, guint row, guint col)
{
  if (wb_cross_table_is_suppressed (table, row, col))
    g_string_append (csv, ",*");
  else
    g_string_append_printf (csv, ",%u", *wb_cross_table_at (table, row, col));
}

char *
wb_aggregate_table_to_csv (WbAggregateTable *table)
{
  GString *csv = g_string_new ("section,item,group,companies,red,orange,green,with,without,"
                               "average_percent\r\n");

  for (guint i = 0; i < table->sections->len; i++)
    {
      WbAggregateSection *section = g_ptr_array_index (table->sections, i);
      WbCrossTable *cross = section->table;

      for (guint r = 0; r <= cross->n_rows; r++)
        {
          g_string_append_printf (csv, "%s,%s,%s", section->is_finding ? "finding" : "plugin",
                                  section->item,
                                  r < cross->n_rows ? table->groups[r] : "total");
          append_entry (csv, cross, r, cross->n_cols);
          if (section->is_finding)
            g_string_append (csv, ",,,");
          for (guint c = 0; c < cross->n_cols; c++)
            append_entry (csv, cross, r, c);
          if (!section->is_finding)
            g_string_append (csv, ",,");
          if (section->is_finding || section->averages[r] < 0)
            g_string_append (csv, section->is_finding ? ",\r\n" : ",*\r\n");
          else
            g_string_append_printf (csv, ",%d\r\n", section->averages[r]);
        }
    }
  return g_string_free (csv, FALSE);
}

/* The chart: per plugin, a stacked bar of traffic lights per group. Hidden counts are
 * drawn together as one grey part, so the chart shows no more than the CSV. */

#define CHART_WIDTH 720.0
#define CHART_BAR_X 200.0
#define CHART_BAR_WIDTH 480.0
#define CHART_ROW 22.0

static const double light_colours[][3] = {
  { 0.80, 0.15, 0.15 }, { 0.95, 0.60, 0.10 }, { 0.20, 0.60, 0.25 },
};

static void
draw_bar (cairo_t *cr, WbCrossTable *cross, guint row, double y, guint k)
{
  guint total = *wb_cross_table_at (cross, row, cross->n_cols);
  double x = CHART_BAR_X;

  cairo_set_source_rgb (cr, 0.82, 0.82, 0.82);
  cairo_rectangle (cr, CHART_BAR_X, y, CHART_BAR_WIDTH, CHART_ROW - 6);
  cairo_fill (cr);
  if (wb_cross_table_is_suppressed (cross, row, cross->n_cols) || total == 0)
    {
      g_autofree char *text = g_strdup_printf (_("hidden (fewer than %u companies, or to "
                                                 "protect a hidden group)"), k);

      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_move_to (cr, CHART_BAR_X + 6, y + CHART_ROW - 10);
      cairo_show_text (cr, text);
      return;
    }
  for (guint c = 0; c < cross->n_cols; c++)
    {
      double width = CHART_BAR_WIDTH * *wb_cross_table_at (cross, row, c) / total;

      if (wb_cross_table_is_suppressed (cross, row, c))
        continue;
      cairo_set_source_rgb (cr, light_colours[c][0], light_colours[c][1], light_colours[c][2]);
      cairo_rectangle (cr, x, y, width, CHART_ROW - 6);
      cairo_fill (cr);
      x += width;
    }
}

static void
draw_chart (cairo_t *cr, WbAggregateTable *table)
{
  double y = 30;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 12);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 10, y);
  cairo_show_text (cr, _("Traffic lights per group (red, orange, green; grey: hidden)"));
  y += 16;
  for (guint i = 0; i < table->sections->len; i++)
    {
      WbAggregateSection *section = g_ptr_array_index (table->sections, i);

      if (section->is_finding)
        continue;
      y += 14;
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, 10, y);
      cairo_show_text (cr, section->item);
      y += 6;
      for (guint r = 0; r <= section->table->n_rows; r++)
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, 24, y + CHART_ROW - 10);
          cairo_show_text (cr, r < section->table->n_rows ? table->groups[r] : _("total"));
          draw_bar (cr, section->table, r, y, table->k);
          y += CHART_ROW;
        }
    }
}

static double
chart_height (WbAggregateTable *table)
{
  double height = 60;

  for (guint i = 0; i < table->sections->len; i++)
    {
      WbAggregateSection *section = g_ptr_array_index (table->sections, i);

      if (!section->is_finding)
        height += 20 + CHART_ROW * (section->table->n_rows + 1);
    }
  return height;
}

static cairo_status_t
write_to_string (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
wb_aggregate_table_write_chart (WbAggregateTable *table, const char *path, GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  gboolean svg = g_str_has_suffix (path, ".svg");
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (!svg && !g_str_has_suffix (path, ".png"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The chart's file name must end in .svg or .png."));
      return FALSE;
    }
  if (svg)
    surface = cairo_svg_surface_create_for_stream (write_to_string, bytes, CHART_WIDTH,
                                                   chart_height (table));
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) CHART_WIDTH,
                                          (int) chart_height (table));
  cr = cairo_create (surface);
  draw_chart (cr, table);
  cairo_destroy (cr);
  if (svg)
    cairo_surface_finish (surface); /* flushes the SVG into @bytes */
  status = cairo_surface_status (surface);
  if (!svg && status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_string, bytes);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the chart: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return wb_file_write_private (path, bytes->data, bytes->len, error);
}

/* wb-inventory.c — parsing the software inventory exports (docs/patching.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <string.h>

#include "wb-inventory.h"

#define MAX_FIELD_CHARS 512 /* longer names are cut: no program has a longer name */

static const char * const format_ids[] = {
  "auto", "powershell-csv", "powershell-json", "winget", "dpkg", "system-profiler", NULL
};

const char *
wb_inventory_format_to_string (WbInventoryFormat format)
{
  if ((guint) format >= G_N_ELEMENTS (format_ids) - 1)
    return "auto";
  return format_ids[format];
}

gboolean
wb_inventory_format_from_string (const char *text, WbInventoryFormat *out)
{
  for (guint i = 0; format_ids[i] != NULL; i++)
    if (g_strcmp0 (text, format_ids[i]) == 0)
      {
        *out = (WbInventoryFormat) i;
        return TRUE;
      }
  return FALSE;
}

static void
item_free (gpointer data)
{
  WbInventoryItem *item = data;

  g_free (item->name);
  g_free (item->version);
  g_free (item->publisher);
  g_free (item);
}

void
wb_inventory_free (WbInventory *inventory)
{
  if (inventory == NULL)
    return;
  g_ptr_array_unref (inventory->items);
  g_array_unref (inventory->skipped_lines);
  g_free (inventory);
}

static WbInventory *
inventory_new (WbInventoryFormat format, const char *encoding)
{
  WbInventory *inventory = g_new0 (WbInventory, 1);

  inventory->format = format;
  inventory->encoding = encoding;
  inventory->items = g_ptr_array_new_with_free_func (item_free);
  inventory->skipped_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  return inventory;
}

static void
skip_row (WbInventory *inventory, guint line)
{
  inventory->n_skipped++;
  if (inventory->skipped_lines->len < WB_INVENTORY_MAX_LISTED_LINES)
    g_array_append_val (inventory->skipped_lines, line);
}

/* Text from an export: trimmed, without control characters, at most MAX_FIELD_CHARS. */
static char *
clean_text (const char *text)
{
  GString *out;
  guint n = 0;

  if (text == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0' && n < MAX_FIELD_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, g_unichar_iscntrl (c) ? ' ' : c);
    }
  g_strstrip (out->str);
  if (out->str[0] == '\0')
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Adds an item; FALSE once the limit is reached (the rest is left, and said so). */
static gboolean
add_item (WbInventory *inventory, guint line, const char *name, const char *version,
          const char *publisher, gboolean truncated)
{
  g_autofree char *clean_name = clean_text (name);
  WbInventoryItem *item;

  if (clean_name == NULL)
    {
      skip_row (inventory, line);
      return TRUE;
    }

  if (inventory->items->len >= WB_INVENTORY_MAX_ITEMS)
    {
      inventory->cut = TRUE;
      return FALSE;
    }
  item = g_new0 (WbInventoryItem, 1);
  item->name = g_steal_pointer (&clean_name);
  item->version = clean_text (version);
  item->publisher = clean_text (publisher);
  item->truncated = truncated;
  g_ptr_array_add (inventory->items, item);
  return TRUE;
}

/* ---- encodings ------------------------------------------------------------------- */

/* PowerShell 5 writes UTF-16LE with a BOM (Out-File, >), PowerShell 7 UTF-8, older
 * Export-Csv the ANSI code page: read them all as UTF-8. */
static char *
decode (const char *data, gsize length, const char **encoding, GError **error)
{
  const guchar *u = (const guchar *) data;
  g_autoptr(GError) local = NULL;
  const char *from = NULL;
  gsize skip = 0, written = 0;
  char *text;

  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    skip = 3, from = "UTF-8";
  else if (length >= 2 && u[0] == 0xFF && u[1] == 0xFE)
    skip = 2, from = "UTF-16LE";
  else if (length >= 2 && u[0] == 0xFE && u[1] == 0xFF)
    skip = 2, from = "UTF-16BE";
  else
    {
      /* Without a BOM, UTF-16 shows as a zero in every other byte of ASCII text. */
      guint zero_odd = 0, zero_even = 0, n = MIN (length, 1024);

      for (guint i = 0; i < n; i++)
        {
          if (u[i] == 0 && i % 2 == 1)
            zero_odd++;
          else if (u[i] == 0)
            zero_even++;
        }
      if (zero_odd > n / 4)
        from = "UTF-16LE";
      else if (zero_even > n / 4)
        from = "UTF-16BE";
      else if (memchr (data, '\0', length) == NULL && g_utf8_validate (data, length, NULL))
        from = "UTF-8";
      else
        from = "WINDOWS-1252";
    }
  *encoding = from;
  if (g_str_equal (from, "UTF-8"))
    {
      if (!g_utf8_validate (data + skip, length - skip, NULL) ||
          memchr (data + skip, '\0', length - skip) != NULL)
        goto not_text;
      return g_strndup (data + skip, length - skip);
    }
  text = g_convert (data + skip, length - skip, "UTF-8", from, NULL, &written, &local);
  if (text == NULL || strlen (text) != written)
    {
      g_free (text);
      goto not_text;
    }
  return text;

not_text:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The file is not readable text (tried %s). Export it again with the "
                 "command in the guide."), from);
  return NULL;
}

/* ---- PowerShell CSV (ConvertTo-Csv / Export-Csv) --------------------------------- */

/* One CSV line (RFC 4180, without line breaks inside fields: the registry export has
 * none). FALSE when the line is malformed. */
static gboolean
csv_split (const char *line, GPtrArray *fields)
{
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean in_quotes = FALSE, was_quoted = FALSE;

  g_ptr_array_set_size (fields, 0);
  for (const char *p = line; *p != '\0'; p++)
    {
      if (in_quotes)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, '"'), p++;
          else if (*p == '"')
            in_quotes = FALSE;
          else
            g_string_append_c (field, *p);
          continue;
        }
      if (*p == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
        }
      else if (*p == '"' && field->len == 0 && !was_quoted)
        in_quotes = was_quoted = TRUE;
      else if (*p == '"' || was_quoted)
        return FALSE; /* a quote inside a field, or text after the closing quote */
      else
        g_string_append_c (field, *p);
    }
  if (in_quotes)
    return FALSE;
  g_ptr_array_add (fields, g_strdup (field->str));
  return TRUE;
}

static int
column_index (GPtrArray *header, const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (header, i), name) == 0)
      return (int) i;
  return -1;
}

static gboolean
parse_csv (WbInventory *inventory, char **lines, GError **error)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  int name_col = -1, version_col = -1, publisher_col = -1;
  guint i = 0;

  /* Skip blank lines and the "#TYPE ..." line Export-Csv writes without
   * -NoTypeInformation. */
  while (lines[i] != NULL && (*g_strstrip (lines[i]) == '\0' || g_str_has_prefix (lines[i], "#")))
    i++;
  if (lines[i] == NULL || !csv_split (lines[i], header) ||
      (name_col = column_index (header, "DisplayName")) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The CSV file has no “DisplayName” column: export it with the command "
                     "in the guide."));
      return FALSE;
    }
  version_col = column_index (header, "DisplayVersion");
  publisher_col = column_index (header, "Publisher");
  for (i++; lines[i] != NULL; i++)
    {
      const char *name;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (!csv_split (lines[i], fields) || fields->len != header->len)
        {
          skip_row (inventory, i + 1);
          continue;
        }
      name = g_ptr_array_index (fields, name_col);
      if (*name == '\0')
        {
          skip_row (inventory, i + 1);
          continue;
        }
      if (!add_item (inventory, i + 1, name,
                     version_col >= 0 ? g_ptr_array_index (fields, version_col) : NULL,
                     publisher_col >= 0 ? g_ptr_array_index (fields, publisher_col) : NULL,
                     FALSE))
        break;
    }
  return TRUE;
}

/* ---- JSON (ConvertTo-Json, system_profiler -json) -------------------------------- */

/* A member as text: PowerShell writes some versions as numbers. */
static const char *
member_text (JsonObject *object, const char *member, char *buffer, gsize size)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return json_node_get_string (node);
    case G_TYPE_INT64:
      g_snprintf (buffer, size, "%" G_GINT64_FORMAT, json_node_get_int (node));
      return buffer;
    case G_TYPE_DOUBLE:
      g_ascii_dtostr (buffer, size, json_node_get_double (node));
      return buffer;
    default:
      return NULL;
    }
}

static gboolean
parse_json_items (WbInventory *inventory, JsonArray *array, const char *name_member,
                  const char *version_member, const char *publisher_member)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      char version_buffer[64], publisher_buffer[64], name_buffer[64];
      JsonObject *object;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          skip_row (inventory, i + 1);
          continue;
        }
      object = json_node_get_object (node);
      name = member_text (object, name_member, name_buffer, sizeof name_buffer);
      if (name == NULL || *name == '\0')
        {
          skip_row (inventory, i + 1);
          continue;
        }
      if (!add_item (inventory, i + 1, name,
                     member_text (object, version_member, version_buffer, sizeof version_buffer),
                     publisher_member != NULL
                       ? member_text (object, publisher_member, publisher_buffer,
                                      sizeof publisher_buffer)
                       : NULL,
                     FALSE))
        break;
    }
  return TRUE;
}

static JsonNode *
parse_json_text (const char *text, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local = NULL;

  if (!json_parser_load_from_data (parser, text, -1, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The JSON export cannot be read: %s"), local->message);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

static gboolean
parse_powershell_json (WbInventory *inventory, const char *text, GError **error)
{
  g_autoptr(JsonNode) root = parse_json_text (text, error);
  g_autoptr(JsonArray) single = NULL;

  if (root == NULL)
    return FALSE;
  inventory->skipped_are_entries = TRUE;
  /* ConvertTo-Json writes one object, not a list, when there is one program. */
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      single = json_array_new ();
      json_array_add_element (single, json_node_copy (root));
      return parse_json_items (inventory, single, "DisplayName", "DisplayVersion", "Publisher");
    }
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The JSON export holds no list of programs."));
      return FALSE;
    }
  return parse_json_items (inventory, json_node_get_array (root), "DisplayName",
                           "DisplayVersion", "Publisher");
}

static gboolean
parse_system_profiler (WbInventory *inventory, const char *text, GError **error)
{
  g_autoptr(JsonNode) root = parse_json_text (text, error);
  JsonNode *apps;

  if (root == NULL)
    return FALSE;
  inventory->skipped_are_entries = TRUE;
  apps = JSON_NODE_HOLDS_OBJECT (root)
           ? json_object_get_member (json_node_get_object (root), "SPApplicationsDataType")
           : NULL;
  if (apps == NULL || !JSON_NODE_HOLDS_ARRAY (apps))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The macOS export holds no “SPApplicationsDataType” list: export it "
                     "with the command in the guide."));
      return FALSE;
    }
  return parse_json_items (inventory, json_node_get_array (apps), "_name", "version", NULL);
}

/* ---- winget list (fixed-width columns) ------------------------------------------- */

static gboolean
is_separator (const char *line)
{
  guint n = 0;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '-')
        n++;
      else if (!g_ascii_isspace (*p))
        return FALSE;
    }
  return n >= 10;
}

/* winget redraws its spinner with carriage returns: the text is what follows the last. */
static const char *
after_last_cr (const char *line)
{
  const char *cr = strrchr (line, '\r');

  return cr != NULL ? cr + 1 : line;
}

/* Column starts (in characters) from the header: where a word follows spaces. */
static GArray *
header_columns (const gunichar *header, glong n)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (glong));

  for (glong i = 0; i < n; i++)
    if (!g_unichar_isspace (header[i]) && (i == 0 || g_unichar_isspace (header[i - 1])))
      g_array_append_val (starts, i);
  return starts;
}

static char *
slice (const gunichar *row, glong n, glong from, glong to)
{
  g_autofree char *text = NULL;

  if (from >= n)
    return g_strdup ("");
  text = g_ucs4_to_utf8 (row + from, MIN (to, n) - from, NULL, NULL, NULL);
  return g_strdup (g_strstrip (text != NULL ? text : ""));
}

static gboolean
parse_winget (WbInventory *inventory, char **lines, GError **error)
{
  g_autofree gunichar *header = NULL;
  g_autoptr(GArray) starts = NULL;
  glong header_n = 0;
  guint sep = 0;

  while (lines[sep] != NULL && !is_separator (after_last_cr (lines[sep])))
    sep++;
  if (lines[sep] == NULL || sep == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("No column header found in the winget list output."));
      return FALSE;
    }
  header = g_utf8_to_ucs4 (after_last_cr (lines[sep - 1]), -1, NULL, &header_n, NULL);
  starts = header != NULL ? header_columns (header, header_n) : NULL;
  if (starts == NULL || starts->len < 3)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The winget list header has fewer than three columns (name, id, "
                     "version)."));
      return FALSE;
    }
  for (guint i = sep + 1; lines[i] != NULL; i++)
    {
      const char *line = after_last_cr (lines[i]);
      g_autofree gunichar *row = NULL;
      g_autofree char *name = NULL;
      g_autofree char *id = NULL;
      g_autofree char *version = NULL;
      glong n = 0, v_start = g_array_index (starts, glong, 2);
      glong v_end = starts->len > 3 ? g_array_index (starts, glong, 3) : G_MAXLONG;

      if (*g_strstrip ((char *) line) == '\0')
        continue;
      row = g_utf8_to_ucs4 (line, -1, NULL, &n, NULL);
      /* A row must reach the version column, and the id column must not be empty. */
      if (row == NULL || n <= v_start)
        {
          skip_row (inventory, i + 1);
          continue;
        }
      name = slice (row, n, 0, g_array_index (starts, glong, 1));
      id = slice (row, n, g_array_index (starts, glong, 1), v_start);
      version = slice (row, n, v_start, v_end);
      if (*name == '\0' || *id == '\0' || *version == '\0')
        {
          skip_row (inventory, i + 1);
          continue;
        }
      /* "< 1.2" and "> 1.0" are winget's way of saying it does not know exactly. */
      if (version[0] == '<' || version[0] == '>')
        memmove (version, version + 1, strlen (version)), g_strstrip (version);
      if (!add_item (inventory, i + 1, name,
                     g_ascii_strcasecmp (version, "Unknown") == 0 ? NULL : version, NULL,
                     g_str_has_suffix (name, "…")))
        break;
    }
  return TRUE;
}

/* ---- dpkg-query ------------------------------------------------------------------ */

static gboolean
valid_package_name (const char *name)
{
  if (!g_ascii_isalnum (name[0]) || strlen (name) < 2)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && strchr ("+-.:", *p) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
parse_dpkg (WbInventory *inventory, char **lines, GError **error)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      char *line = lines[i];

      g_strchomp (line);
      if (*line == '\0')
        continue;
      fields = g_strsplit (line, "\t", -1);
      if (g_strv_length (fields) != 2 || !valid_package_name (fields[0]) ||
          *g_strstrip (fields[1]) == '\0')
        {
          skip_row (inventory, i + 1);
          continue;
        }
      if (!add_item (inventory, i + 1, fields[0], fields[1], NULL, FALSE))
        break;
    }
  return TRUE;
}

/* ---- detection and entry point --------------------------------------------------- */

/* Lines of @text. Not g_strsplit: that searches the rest of the text again for every
 * line, which a sanitizer's strict string checks make quadratic on 100,000 lines. */
static GStrv
split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *start = text;
  const char *end = text + strlen (text);

  for (;;)
    {
      const char *nl = memchr (start, '\n', end - start);

      if (nl == NULL)
        {
          g_ptr_array_add (lines, g_strndup (start, end - start));
          break;
        }
      g_ptr_array_add (lines, g_strndup (start, nl - start));
      start = nl + 1;
    }
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (lines, FALSE);
}

static WbInventoryFormat
detect (const char *text, char **lines)
{
  const char *start = text;

  while (g_ascii_isspace (*start))
    start++;
  if (*start == '{' && strstr (start, "\"SPApplicationsDataType\"") != NULL)
    return WB_INVENTORY_FORMAT_SYSTEM_PROFILER;
  if (*start == '{' || *start == '[')
    return WB_INVENTORY_FORMAT_POWERSHELL_JSON;
  if (g_str_has_prefix (start, "#TYPE") || strstr (lines[0] != NULL ? lines[0] : "", "DisplayName") != NULL)
    return WB_INVENTORY_FORMAT_POWERSHELL_CSV;
  for (guint i = 0; lines[i] != NULL && i < 50; i++)
    if (is_separator (after_last_cr (lines[i])))
      return WB_INVENTORY_FORMAT_WINGET;
  if (strchr (lines[0] != NULL ? lines[0] : "", '\t') != NULL)
    return WB_INVENTORY_FORMAT_DPKG;
  return WB_INVENTORY_FORMAT_AUTO;
}

WbInventory *
wb_inventory_parse (const char *data, gsize length, WbInventoryFormat format, GError **error)
{
  g_autoptr(WbInventory) inventory = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *encoding = NULL;
  gboolean ok = FALSE;

  if (length > WB_INVENTORY_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file is larger than %u MiB: that is not a software list."),
                   WB_INVENTORY_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  text = decode (data, length, &encoding, error);
  if (text == NULL)
    return NULL;
  lines = split_lines (text);
  if (format == WB_INVENTORY_FORMAT_AUTO)
    format = detect (text, lines);
  inventory = inventory_new (format, encoding);
  switch (format)
    {
    case WB_INVENTORY_FORMAT_POWERSHELL_CSV:
      ok = parse_csv (inventory, lines, error);
      break;
    case WB_INVENTORY_FORMAT_POWERSHELL_JSON:
      ok = parse_powershell_json (inventory, text, error);
      break;
    case WB_INVENTORY_FORMAT_WINGET:
      ok = parse_winget (inventory, lines, error);
      break;
    case WB_INVENTORY_FORMAT_DPKG:
      ok = parse_dpkg (inventory, lines, error);
      break;
    case WB_INVENTORY_FORMAT_SYSTEM_PROFILER:
      ok = parse_system_profiler (inventory, text, error);
      break;
    case WB_INVENTORY_FORMAT_AUTO:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The format of this file is not recognised; name it with --format."));
      return NULL;
    }
  if (!ok)
    return NULL;
  if (inventory->items->len == 0 && inventory->n_skipped > 0)
    {
      g_autofree char *what = wb_inventory_describe (inventory);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("No program could be read: %s"), what);
      return NULL;
    }
  return g_steal_pointer (&inventory);
}

char *
wb_inventory_describe (WbInventory *inventory)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u program read",
                                            "%u programs read", inventory->items->len),
                          inventory->items->len);
  if (inventory->n_skipped > 0)
    {
      g_string_append (out, "; ");
      g_string_append_printf (out,
                              inventory->skipped_are_entries
                                ? g_dngettext (GETTEXT_PACKAGE, "%u malformed entry skipped",
                                               "%u malformed entries skipped",
                                               inventory->n_skipped)
                                : g_dngettext (GETTEXT_PACKAGE, "%u malformed row skipped",
                                               "%u malformed rows skipped",
                                               inventory->n_skipped),
                              inventory->n_skipped);
      g_string_append (out, " (");
      g_string_append (out, inventory->skipped_are_entries
                              ? g_dngettext (GETTEXT_PACKAGE, "entry", "entries",
                                             inventory->n_skipped)
                              : g_dngettext (GETTEXT_PACKAGE, "line", "lines",
                                             inventory->n_skipped));
      for (guint i = 0; i < inventory->skipped_lines->len; i++)
        g_string_append_printf (out, "%s%u", i == 0 ? " " : ", ",
                                g_array_index (inventory->skipped_lines, guint, i));
      if (inventory->n_skipped > inventory->skipped_lines->len)
        g_string_append (out, ", …");
      g_string_append (out, ")");
    }
  if (inventory->cut)
    {
      g_string_append (out, "; ");
      g_string_append_printf (out, _("only the first %u were read"), WB_INVENTORY_MAX_ITEMS);
    }
  return g_string_free (out, FALSE);
}

JsonNode *
wb_inventory_to_json (WbInventory *inventory, const char *asset, const char *imported)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, wb_inventory_format_to_string (inventory->format));
  json_builder_set_member_name (builder, "encoding");
  json_builder_add_string_value (builder, inventory->encoding);
  json_builder_set_member_name (builder, "asset");
  json_builder_add_string_value (builder, asset);
  json_builder_set_member_name (builder, "imported");
  json_builder_add_string_value (builder, imported);
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_int_value (builder, inventory->n_skipped);
  json_builder_set_member_name (builder, "skipped_lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < inventory->skipped_lines->len; i++)
    json_builder_add_int_value (builder, g_array_index (inventory->skipped_lines, guint, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "skipped_are_entries");
  json_builder_add_boolean_value (builder, inventory->skipped_are_entries);
  json_builder_set_member_name (builder, "cut");
  json_builder_add_boolean_value (builder, inventory->cut);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < inventory->items->len; i++)
    {
      WbInventoryItem *item = g_ptr_array_index (inventory->items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, item->name);
      json_builder_set_member_name (builder, "version");
      if (item->version != NULL)
        json_builder_add_string_value (builder, item->version);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "publisher");
      if (item->publisher != NULL)
        json_builder_add_string_value (builder, item->publisher);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "truncated");
      json_builder_add_boolean_value (builder, item->truncated);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* wb-eol.c — end-of-life data: strict loader and matcher
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "wb-eol.h"
#include "wb-util-private.h"

#define EOL_FORMAT 1

typedef struct {
  char    *cycle, *label, *release, *active_end, *security_end, *extended_end;
  char    *latest, *link, *checked, *note, *os;
  gboolean extended_paid, lts, verified;
  int      ended;  /* -1 not known, 0 no, 1 yes: only used without a security_end date */
  GArray  *builds; /* of guint */
} Cycle;

typedef struct {
  char *from, *below, *id, *name;
} Vuln;

typedef struct {
  char      *id, *name, *kind, *link, *note, *supported_from;
  gboolean   backports, older_cycles_ended;
  GPtrArray *patterns; /* of GRegex, group 1 is the version */
  GPtrArray *cycles;   /* of Cycle */
  GPtrArray *vulns;    /* of Vuln */
} Product;

struct _WbEolData
{
  GObject    parent_instance;
  char      *checked;
  GPtrArray *backport_patterns; /* of GRegex */
  GPtrArray *products;          /* of Product */
};

G_DEFINE_FINAL_TYPE (WbEolData, wb_eol_data, G_TYPE_OBJECT)

static void
cycle_free (gpointer data)
{
  Cycle *c = data;

  g_free (c->cycle); g_free (c->label); g_free (c->release); g_free (c->active_end);
  g_free (c->security_end); g_free (c->extended_end); g_free (c->latest);
  g_free (c->link); g_free (c->checked); g_free (c->note); g_free (c->os);
  g_clear_pointer (&c->builds, g_array_unref);
  g_free (c);
}

static void
vuln_free (gpointer data)
{
  Vuln *v = data;

  g_free (v->from); g_free (v->below); g_free (v->id); g_free (v->name);
  g_free (v);
}

static void
product_free (gpointer data)
{
  Product *p = data;

  g_free (p->id); g_free (p->name); g_free (p->kind); g_free (p->link); g_free (p->note);
  g_free (p->supported_from);
  g_ptr_array_unref (p->patterns);
  g_ptr_array_unref (p->cycles);
  g_ptr_array_unref (p->vulns);
  g_free (p);
}

static void
wb_eol_data_finalize (GObject *object)
{
  WbEolData *self = WB_EOL_DATA (object);

  g_free (self->checked);
  g_ptr_array_unref (self->backport_patterns);
  g_ptr_array_unref (self->products);
  G_OBJECT_CLASS (wb_eol_data_parent_class)->finalize (object);
}

static void
wb_eol_data_class_init (WbEolDataClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wb_eol_data_finalize;
}

static void
wb_eol_data_init (WbEolData *self)
{
  self->backport_patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  self->products = g_ptr_array_new_with_free_func (product_free);
}

void
wb_eol_match_free (WbEolMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->product); g_free (match->product_name); g_free (match->version);
  g_free (match->cycle); g_free (match->label); g_free (match->release);
  g_free (match->active_end); g_free (match->security_end); g_free (match->extended_end);
  g_free (match->vulnerability); g_free (match->link); g_free (match->checked);
  g_free (match->reason);
  g_free (match);
}

const char *
wb_eol_status_to_string (WbEolStatus status)
{
  switch (status)
    {
    case WB_EOL_SUPPORTED: return "supported";
    case WB_EOL_ENDED: return "ended";
    case WB_EOL_UNKNOWN:
    default: return "unknown";
    }
}

/* ---- loading ---------------------------------------------------------------------- */

/* Line numbers for error messages: json-glib knows them only while parsing, so the
 * parser's "object-end" signal records the line where each object ends. */
static void
on_object_end (JsonParser *parser, JsonObject *object, gpointer user_data)
{
  g_hash_table_insert (user_data, object, GUINT_TO_POINTER (json_parser_get_current_line (parser)));
}

typedef struct {
  const char *name;
  GHashTable *lines;
} Loader;

static char *
describe (Loader *loader, JsonObject *object, const char *what)
{
  guint line = GPOINTER_TO_UINT (g_hash_table_lookup (loader->lines, object));

  /* TRANSLATORS: "eol.json, line 42 (product “php”)": where a problem is. */
  return g_strdup_printf (_("%s, line %u (%s)"), loader->name, line, what);
}

static gboolean
check_date (const char *where, const char *member, const char *value, GError **error)
{
  GDate date;

  if (value == NULL)
    return TRUE;
  g_date_clear (&date, 1);
  if (strlen (value) == 10 && value[4] == '-' && value[7] == '-')
    g_date_set_parse (&date, value);
  /* g_date_set_parse is lenient; insist on the ISO form by printing it back. */
  if (g_date_valid (&date))
    {
      char back[16];

      g_snprintf (back, sizeof back, "%04u-%02u-%02u", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
      if (g_str_equal (back, value))
        return TRUE;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("In %s: “%s” must be a date as YYYY-MM-DD, not “%s”."), where, member, value);
  return FALSE;
}

static GRegex *
compile_pattern (const char *where, const char *pattern, GError **error)
{
  g_autoptr(GError) local = NULL;
  GRegex *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &local);

  if (regex == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("In %s: the pattern “%s” is not a valid regular expression: %s"),
                 where, pattern, local->message);
  return regex;
}

static gboolean
load_patterns (const char *where, JsonObject *object, const char *member,
               GPtrArray *out, GError **error)
{
  g_auto(GStrv) patterns = NULL;

  if (!wb_json_get_strv (object, where, member, TRUE, &patterns, error))
    return FALSE;
  for (guint i = 0; patterns[i] != NULL; i++)
    {
      GRegex *regex = compile_pattern (where, patterns[i], error);

      if (regex == NULL)
        return FALSE;
      g_ptr_array_add (out, regex);
    }
  return TRUE;
}

static gboolean
load_builds (const char *where, JsonObject *object, Cycle *cycle, GError **error)
{
  JsonNode *node = json_object_get_member (object, "builds");
  JsonArray *array;

  cycle->builds = g_array_new (FALSE, FALSE, sizeof (guint));
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto bad;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 value;
      guint build;

      if (json_node_get_value_type (element) != G_TYPE_INT64)
        goto bad;
      value = json_node_get_int (element);
      if (value <= 0 || value > G_MAXUINT32)
        goto bad;
      build = (guint) value;
      g_array_append_val (cycle->builds, build);
    }
  return TRUE;

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("In %s: “%s” must be %s."), where, "builds", _("a list of build numbers"));
  return FALSE;
}

static Cycle *
load_cycle (Loader *loader, const char *product_id, JsonNode *node, GError **error)
{
  static const char * const members[] = {
    "cycle", "label", "release", "active_end", "security_end", "extended_end",
    "extended_paid", "lts", "latest", "builds", "ended", "os", "link", "checked",
    "verified", "note", NULL
  };
  g_autofree char *what = NULL;
  g_autofree char *where = NULL;
  Cycle *cycle = g_new0 (Cycle, 1);
  JsonObject *object;
  JsonNode *ended;

  what = g_strdup_printf (_("product “%s”, a cycle"), product_id);
  object = wb_json_get_object (node, what, error);
  if (object == NULL)
    goto fail;
  where = describe (loader, object, what);
  if (!wb_json_check_members (object, where, members, error) ||
      !wb_json_get_string (object, where, "cycle", TRUE, &cycle->cycle, error) ||
      !wb_json_get_string (object, where, "label", TRUE, &cycle->label, error) ||
      !wb_json_get_string (object, where, "release", FALSE, &cycle->release, error) ||
      !wb_json_get_string (object, where, "active_end", FALSE, &cycle->active_end, error) ||
      !wb_json_get_string (object, where, "security_end", FALSE, &cycle->security_end, error) ||
      !wb_json_get_string (object, where, "extended_end", FALSE, &cycle->extended_end, error) ||
      !wb_json_get_bool (object, where, "extended_paid", FALSE, &cycle->extended_paid, error) ||
      !wb_json_get_bool (object, where, "lts", FALSE, &cycle->lts, error) ||
      !wb_json_get_string (object, where, "latest", FALSE, &cycle->latest, error) ||
      !wb_json_get_string (object, where, "os", FALSE, &cycle->os, error) ||
      !wb_json_get_string (object, where, "link", FALSE, &cycle->link, error) ||
      !wb_json_get_string (object, where, "checked", TRUE, &cycle->checked, error) ||
      !wb_json_get_bool (object, where, "verified", TRUE, &cycle->verified, error) ||
      !wb_json_get_string (object, where, "note", FALSE, &cycle->note, error) ||
      !load_builds (where, object, cycle, error) ||
      !check_date (where, "release", cycle->release, error) ||
      !check_date (where, "active_end", cycle->active_end, error) ||
      !check_date (where, "security_end", cycle->security_end, error) ||
      !check_date (where, "extended_end", cycle->extended_end, error) ||
      !check_date (where, "checked", cycle->checked, error))
    goto fail;
  cycle->ended = -1;
  ended = json_object_get_member (object, "ended");
  if (ended != NULL && !JSON_NODE_HOLDS_NULL (ended))
    {
      gboolean value = FALSE;

      if (!wb_json_get_bool (object, where, "ended", FALSE, &value, error))
        goto fail;
      cycle->ended = value ? 1 : 0;
    }
  return cycle;

fail:
  cycle_free (cycle);
  return NULL;
}

static gboolean
load_vulns (Loader *loader, const char *where, JsonObject *object, Product *product,
            GError **error)
{
  static const char * const members[] = { "from", "below", "id", "name", NULL };
  JsonNode *node = json_object_get_member (object, "vulnerable");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("In %s: “%s” must be %s."), where, "vulnerable", _("a list"));
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *v = wb_json_get_object (json_array_get_element (array, i), where, error);
      Vuln *vuln;

      if (v == NULL || !wb_json_check_members (v, where, members, error))
        return FALSE;
      vuln = g_new0 (Vuln, 1);
      g_ptr_array_add (product->vulns, vuln);
      if (!wb_json_get_string (v, where, "from", TRUE, &vuln->from, error) ||
          !wb_json_get_string (v, where, "below", TRUE, &vuln->below, error) ||
          !wb_json_get_string (v, where, "id", TRUE, &vuln->id, error) ||
          !wb_json_get_string (v, where, "name", FALSE, &vuln->name, error))
        return FALSE;
    }
  return TRUE;
}

static Product *
load_product (Loader *loader, JsonNode *node, GError **error)
{
  static const char * const members[] = {
    "id", "name", "kind", "backports", "older_cycles_ended", "supported_from",
    "patterns", "vulnerable", "link", "note", "cycles", NULL
  };
  static const char * const kinds[] = { "os", "server", "application", "firmware", NULL };
  g_autofree char *where = NULL;
  g_autofree char *what = NULL;
  Product *product = g_new0 (Product, 1);
  JsonObject *object;
  JsonNode *cycles;

  product->patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  product->cycles = g_ptr_array_new_with_free_func (cycle_free);
  product->vulns = g_ptr_array_new_with_free_func (vuln_free);
  object = wb_json_get_object (node, _("a product"), error);
  if (object == NULL)
    goto fail;
  what = g_strdup_printf (_("product “%s”"),
                          json_object_get_string_member_with_default (object, "id", "?"));
  where = describe (loader, object, what);
  if (!wb_json_check_members (object, where, members, error) ||
      !wb_json_get_string (object, where, "id", TRUE, &product->id, error) ||
      !wb_json_get_string (object, where, "name", TRUE, &product->name, error) ||
      !wb_json_get_string (object, where, "kind", TRUE, &product->kind, error) ||
      !wb_json_get_bool (object, where, "backports", TRUE, &product->backports, error) ||
      !wb_json_get_bool (object, where, "older_cycles_ended", TRUE,
                         &product->older_cycles_ended, error) ||
      !wb_json_get_string (object, where, "supported_from", FALSE,
                           &product->supported_from, error) ||
      !wb_json_get_string (object, where, "link", TRUE, &product->link, error) ||
      !wb_json_get_string (object, where, "note", FALSE, &product->note, error) ||
      !load_patterns (where, object, "patterns", product->patterns, error) ||
      !load_vulns (loader, where, object, product, error))
    goto fail;
  if (!g_strv_contains (kinds, product->kind))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("In %s: unknown kind “%s”."), where, product->kind);
      goto fail;
    }
  cycles = json_object_get_member (object, "cycles");
  if (cycles == NULL || !JSON_NODE_HOLDS_ARRAY (cycles))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("In %s: “%s” must be %s."), where, "cycles", _("a list"));
      goto fail;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (cycles)); i++)
    {
      Cycle *cycle = load_cycle (loader, product->id,
                                 json_array_get_element (json_node_get_array (cycles), i),
                                 error);
      if (cycle == NULL)
        goto fail;
      g_ptr_array_add (product->cycles, cycle);
    }
  return product;

fail:
  product_free (product);
  return NULL;
}

static gboolean
load_root (WbEolData *self, Loader *loader, JsonNode *root, GError **error)
{
  static const char * const members[] = { "format", "checked", "about",
                                          "backport_patterns", "products", NULL };
  g_autofree char *where = NULL;
  JsonObject *object = wb_json_get_object (root, loader->name, error);
  JsonNode *products;
  gint64 format = 0;

  if (object == NULL)
    return FALSE;
  where = describe (loader, object, _("the top level"));
  if (!wb_json_check_members (object, where, members, error) ||
      !wb_json_get_int (object, where, "format", TRUE, &format, error) ||
      !wb_json_get_string (object, where, "checked", TRUE, &self->checked, error) ||
      !check_date (where, "checked", self->checked, error) ||
      !load_patterns (where, object, "backport_patterns", self->backport_patterns, error))
    return FALSE;
  if (format != EOL_FORMAT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("In %s: format %d is not supported (expected %d)."),
                   where, (int) CLAMP (format, G_MININT, G_MAXINT), EOL_FORMAT);
      return FALSE;
    }
  products = json_object_get_member (object, "products");
  if (products == NULL || !JSON_NODE_HOLDS_ARRAY (products))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("In %s: “%s” must be %s."), where, "products", _("a list"));
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (products)); i++)
    {
      Product *product = load_product (loader,
                                       json_array_get_element (json_node_get_array (products), i),
                                       error);
      if (product == NULL)
        return FALSE;
      if (wb_eol_data_has_product (self, product->id))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("In %s: the product “%s” is listed twice."), loader->name, product->id);
          product_free (product);
          return FALSE;
        }
      g_ptr_array_add (self->products, product);
    }
  return TRUE;
}

WbEolData *
wb_eol_data_new_from_data (const char *data, gssize length, const char *name, GError **error)
{
  g_autoptr(WbEolData) self = g_object_new (WB_TYPE_EOL_DATA, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) local = NULL;
  Loader loader = { name != NULL ? name : "eol.json", lines };

  g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end), lines);
  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      /* json-glib's message carries the line and column. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not valid JSON: %s"), loader.name, local->message);
      return NULL;
    }
  if (!load_root (self, &loader, json_parser_get_root (parser), error))
    return NULL;
  return g_steal_pointer (&self);
}

WbEolData *
wb_eol_data_new_from_file (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return wb_eol_data_new_from_data (contents, length, name, error);
}

char *
wb_eol_data_find_default_path (void)
{
  const char *env = g_getenv ("WERKBANK_EOL_FILE");
  g_autofree char *installed = g_build_filename (WB_PKGDATADIR, "eol.json", NULL);

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&installed);
  /* An uninstalled build (the tests, the demo) uses the source tree's copy. */
  return g_build_filename (WB_SOURCE_ROOT, "data", "eol.json", NULL);
}

WbEolData *
wb_eol_data_load_default (GError **error)
{
  g_autofree char *path = wb_eol_data_find_default_path ();

  return wb_eol_data_new_from_file (path, error);
}

const char *
wb_eol_data_get_checked (WbEolData *self)
{
  g_return_val_if_fail (WB_IS_EOL_DATA (self), NULL);
  return self->checked;
}

static gboolean
parse_iso_date (const char *text, GDate *date)
{
  unsigned year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
today_or_now (const char *today)
{
  g_autoptr(GDateTime) now = NULL;

  if (today != NULL)
    return g_strdup (today);
  now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%d");
}

gint
wb_eol_data_get_age_days (WbEolData *self, const char *today)
{
  g_autofree char *day = today_or_now (today);
  GDate checked, now;

  if (!parse_iso_date (self->checked, &checked) || !parse_iso_date (day, &now))
    return -1;
  return g_date_days_between (&checked, &now);
}

gboolean
wb_eol_data_is_stale (WbEolData *self, const char *today)
{
  return wb_eol_data_get_age_days (self, today) > WB_EOL_STALE_DAYS;
}

static Product *
lookup_product (WbEolData *self, const char *id)
{
  for (guint i = 0; i < self->products->len; i++)
    {
      Product *product = g_ptr_array_index (self->products, i);

      if (g_strcmp0 (product->id, id) == 0)
        return product;
    }
  return NULL;
}

gboolean
wb_eol_data_has_product (WbEolData *self, const char *product)
{
  return lookup_product (self, product) != NULL;
}

/* ---- matching --------------------------------------------------------------------- */

/* Version numbers as their runs of digits: "8.9p1" is 8, 9, 1; "10.11.6" is 10, 11, 6. */
static GArray *
version_parts (const char *version)
{
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (guint64));

  for (const char *p = version; p != NULL && *p != '\0';)
    {
      if (g_ascii_isdigit (*p))
        {
          char *end;
          guint64 value = g_ascii_strtoull (p, &end, 10);

          g_array_append_val (parts, value);
          p = end;
        }
      else
        p++;
    }
  return parts;
}

static int
version_compare (const char *a, const char *b)
{
  g_autoptr(GArray) pa = version_parts (a);
  g_autoptr(GArray) pb = version_parts (b);

  for (guint i = 0; i < MAX (pa->len, pb->len); i++)
    {
      guint64 x = i < pa->len ? g_array_index (pa, guint64, i) : 0;
      guint64 y = i < pb->len ? g_array_index (pb, guint64, i) : 0;

      if (x != y)
        return x < y ? -1 : 1;
    }
  return 0;
}

/* Does @version lie in @cycle: its leading numbers equal the cycle's ("8.0.35" in
 * "8.0", "10.11.6" not in "10.1")? */
static gboolean
version_in_cycle (const char *version, const char *cycle)
{
  g_autoptr(GArray) pv = version_parts (version);
  g_autoptr(GArray) pc = version_parts (cycle);

  if (pc->len == 0 || pv->len < pc->len)
    return FALSE;
  for (guint i = 0; i < pc->len; i++)
    if (g_array_index (pv, guint64, i) != g_array_index (pc, guint64, i))
      return FALSE;
  return TRUE;
}

static WbEolMatch *
match_new (WbEolStatus status, const char *reason)
{
  WbEolMatch *match = g_new0 (WbEolMatch, 1);

  match->status = status;
  match->confidence = WB_CONFIDENCE_STATED;
  match->reason = g_strdup (reason);
  return match;
}

static void
match_set_reason (WbEolMatch *match, char *reason)
{
  g_free (match->reason);
  match->reason = reason;
}

static void
match_fill_cycle (WbEolMatch *match, Cycle *cycle)
{
  g_free (match->cycle); match->cycle = g_strdup (cycle->cycle);
  g_free (match->label); match->label = g_strdup (cycle->label);
  g_free (match->release); match->release = g_strdup (cycle->release);
  g_free (match->active_end); match->active_end = g_strdup (cycle->active_end);
  g_free (match->security_end); match->security_end = g_strdup (cycle->security_end);
  g_free (match->extended_end); match->extended_end = g_strdup (cycle->extended_end);
  match->extended_paid = cycle->extended_paid;
  if (cycle->link != NULL)
    {
      g_free (match->link);
      match->link = g_strdup (cycle->link);
    }
  g_free (match->checked); match->checked = g_strdup (cycle->checked);
}

/* Status of a cycle on @today: the security end date decides; without a date the
 * curated "ended" flag; without that, unknown. */
static void
judge_cycle (WbEolMatch *match, Cycle *cycle, const char *today)
{
  match_fill_cycle (match, cycle);
  if (cycle->security_end != NULL)
    {
      if (strcmp (today, cycle->security_end) > 0)
        {
          match->status = WB_EOL_ENDED;
          if (cycle->extended_end != NULL && strcmp (today, cycle->extended_end) <= 0)
            match_set_reason (match, g_strdup_printf (
              _("%s has had no free security updates since %s; paid extended updates "
                "run until %s."), cycle->label, cycle->security_end, cycle->extended_end));
          else
            match_set_reason (match, g_strdup_printf (
              _("%s has had no security updates since %s."), cycle->label,
              cycle->security_end));
        }
      else
        {
          match->status = WB_EOL_SUPPORTED;
          match_set_reason (match, g_strdup_printf (
            _("%s gets security updates until %s."), cycle->label, cycle->security_end));
        }
    }
  else if (cycle->ended == 1)
    {
      match->status = WB_EOL_ENDED;
      match_set_reason (match, g_strdup_printf (
        _("%s no longer gets security updates (the exact end date is not known)."),
        cycle->label));
    }
  else if (cycle->ended == 0)
    {
      match->status = WB_EOL_SUPPORTED;
      match_set_reason (match, g_strdup_printf (
        _("%s still gets security updates (no end date announced)."), cycle->label));
    }
  else
    {
      match->status = WB_EOL_UNKNOWN;
      match_set_reason (match, g_strdup_printf (
        _("The end of support for %s is not known: check the vendor’s page."),
        cycle->label));
    }
}

static gboolean
is_backported (WbEolData *self, Product *product, const char *text)
{
  if (!product->backports)
    return FALSE;
  for (guint i = 0; i < self->backport_patterns->len; i++)
    if (g_regex_match (g_ptr_array_index (self->backport_patterns, i), text, 0, NULL))
      return TRUE;
  return FALSE;
}

static Cycle *
find_cycle_by_id (Product *product, const char *id)
{
  for (guint i = 0; i < product->cycles->len; i++)
    {
      Cycle *cycle = g_ptr_array_index (product->cycles, i);

      if (g_strcmp0 (cycle->cycle, id) == 0)
        return cycle;
    }
  return NULL;
}

static Cycle *
find_cycle_for_version (Product *product, const char *version)
{
  Cycle *best = NULL;
  guint best_len = 0;

  for (guint i = 0; i < product->cycles->len; i++)
    {
      Cycle *cycle = g_ptr_array_index (product->cycles, i);
      g_autoptr(GArray) parts = version_parts (cycle->cycle);

      if (version_in_cycle (version, cycle->cycle) && parts->len > best_len)
        {
          best = cycle;
          best_len = parts->len;
        }
    }
  return best;
}

static gboolean
older_than_all_cycles (Product *product, const char *version)
{
  if (product->cycles->len == 0)
    return FALSE;
  for (guint i = 0; i < product->cycles->len; i++)
    {
      Cycle *cycle = g_ptr_array_index (product->cycles, i);

      if (version_compare (version, cycle->cycle) >= 0)
        return FALSE;
    }
  return TRUE;
}

static WbEolMatch *match_build (WbEolData *self, const char *product_id, guint build,
                                const char *today);

/* IIS and the like follow their operating system: "windows-server:2012-r2", or
 * "windows-server:by-build" to be resolved with the Windows build. */
static void
judge_by_os (WbEolData *self, WbEolMatch *match, Cycle *cycle, guint build,
             const char *today)
{
  g_auto(GStrv) parts = g_strsplit (cycle->os, ":", 2);
  Product *os = lookup_product (self, parts[0]);
  Cycle *os_cycle;

  if (os != NULL && parts[1] != NULL && g_str_equal (parts[1], "by-build"))
    {
      g_autoptr(WbEolMatch) by_build = NULL;

      if (build == 0)
        {
          match->status = WB_EOL_UNKNOWN;
          match_set_reason (match, g_strdup_printf (
            _("%s runs on several Windows Server versions; the Windows build decides."),
            cycle->label));
          return;
        }
      by_build = match_build (self, parts[0], build, today);
      match->status = by_build->status;
      g_free (match->cycle); match->cycle = g_strdup (by_build->cycle);
      g_free (match->label); match->label = g_strdup (by_build->label);
      g_free (match->security_end); match->security_end = g_strdup (by_build->security_end);
      g_free (match->extended_end); match->extended_end = g_strdup (by_build->extended_end);
      g_free (match->release); match->release = g_strdup (by_build->release);
      g_free (match->checked); match->checked = g_strdup (by_build->checked);
      match_set_reason (match, g_strdup_printf (_("%s follows its server: %s"),
                                                cycle->label, by_build->reason));
      return;
    }
  os_cycle = os != NULL && parts[1] != NULL ? find_cycle_by_id (os, parts[1]) : NULL;
  if (os_cycle == NULL)
    {
      match->status = WB_EOL_UNKNOWN;
      match_set_reason (match, g_strdup (_("The operating system it follows is not in the "
                                           "data.")));
      return;
    }
  judge_cycle (match, os_cycle, today);
}

static void
judge_vulns (WbEolMatch *match, Product *product, const char *version)
{
  for (guint i = 0; i < product->vulns->len; i++)
    {
      Vuln *vuln = g_ptr_array_index (product->vulns, i);

      if (version_compare (version, vuln->from) >= 0 && version_compare (version, vuln->below) < 0)
        {
          match->status = WB_EOL_ENDED;
          g_free (match->vulnerability);
          match->vulnerability = g_strdup (vuln->id);
          match_set_reason (match, g_strdup_printf (
            _("%s %s has the known hole %s (fixed in %s) and is out of support."),
            product->name, version, vuln->id, vuln->below));
          return;
        }
    }
}

/* The upstream version of @text: drops a Debian epoch ("1:9.2p1-2" is 9.2p1) and
 * everything after the numbers ("8.9p1 Ubuntu-3ubuntu0.10"). */
static char *
upstream_version (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("^\\s*(?:[0-9]+:)?v?([0-9]+(?:\\.[0-9]+)*(?:p[0-9]+)?)",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;

  if (!g_regex_match (regex, text, 0, &info))
    return NULL;
  return g_match_info_fetch (info, 1);
}

static WbEolMatch *
judge_product_version (WbEolData *self, Product *product, const char *text,
                       const char *version, guint build, const char *today)
{
  WbEolMatch *match = match_new (WB_EOL_UNKNOWN, NULL);
  Cycle *cycle;

  match->product = g_strdup (product->id);
  match->product_name = g_strdup (product->name);
  match->version = g_strdup (version);
  match->link = g_strdup (product->link);
  cycle = find_cycle_for_version (product, version);
  if (cycle != NULL && cycle->os != NULL)
    judge_by_os (self, match, cycle, build, today);
  else if (cycle != NULL)
    judge_cycle (match, cycle, today);
  else if (product->supported_from != NULL &&
           version_compare (version, product->supported_from) < 0)
    {
      match->status = WB_EOL_ENDED;
      match_set_reason (match, g_strdup_printf (
        _("Only the newest %s releases get fixes; %s is older than %s."),
        product->name, version, product->supported_from));
    }
  else if (product->older_cycles_ended && older_than_all_cycles (product, version))
    {
      match->status = WB_EOL_ENDED;
      match_set_reason (match, g_strdup_printf (
        _("%s %s is older than every version that still gets updates."),
        product->name, version));
    }
  else
    match_set_reason (match, g_strdup_printf (
      _("Whether %s %s still gets updates is not in the data: check %s."),
      product->name, version, product->link));
  judge_vulns (match, product, version);
  /* A distribution's package keeps the upstream number while it gets fixes. */
  if (is_backported (self, product, text))
    {
      match->backported = TRUE;
      if (match->status == WB_EOL_ENDED)
        {
          match->status = WB_EOL_UNKNOWN;
          match_set_reason (match, g_strdup_printf (
            _("%s %s comes from a Linux distribution that backports fixes; check the "
              "distribution’s support instead of the version number."),
            product->name, version));
        }
    }
  return match;
}

WbEolMatch *
wb_eol_data_match_version (WbEolData *self, const char *product_id, const char *text,
                           const char *today)
{
  g_autofree char *day = today_or_now (today);
  g_autofree char *version = NULL;
  Product *product;

  g_return_val_if_fail (WB_IS_EOL_DATA (self), NULL);
  product = lookup_product (self, product_id);
  if (product == NULL)
    return match_new (WB_EOL_UNKNOWN, _("This product is not in the end-of-life data."));
  version = text != NULL ? upstream_version (text) : NULL;
  if (version == NULL)
    {
      WbEolMatch *match = match_new (WB_EOL_UNKNOWN, _("No version number could be read."));

      match->product = g_strdup (product->id);
      match->product_name = g_strdup (product->name);
      return match;
    }
  return judge_product_version (self, product, text, version, 0, day);
}

WbEolMatch *
wb_eol_data_match_banner (WbEolData *self, const char *banner, guint windows_build,
                          const char *today)
{
  g_autofree char *day = today_or_now (today);

  g_return_val_if_fail (WB_IS_EOL_DATA (self), NULL);
  if (banner != NULL && g_utf8_validate (banner, -1, NULL))
    {
      for (guint i = 0; i < self->products->len; i++)
        {
          Product *product = g_ptr_array_index (self->products, i);

          for (guint j = 0; j < product->patterns->len; j++)
            {
              g_autoptr(GMatchInfo) info = NULL;
              g_autofree char *version = NULL;
              WbEolMatch *match;

              if (!g_regex_match (g_ptr_array_index (product->patterns, j), banner, 0, &info))
                continue;
              version = g_match_info_fetch (info, 1);
              /* "Mac OS X 10_15": underscores in some user agents. */
              g_strdelimit (version, "_", '.');
              match = judge_product_version (self, product, banner, version, windows_build,
                                             day);
              match->confidence = WB_CONFIDENCE_BANNER;
              return match;
            }
        }
    }
  {
    WbEolMatch *match = match_new (WB_EOL_UNKNOWN,
                                   _("No known product and version in this banner."));

    match->confidence = WB_CONFIDENCE_BANNER;
    return match;
  }
}

static gboolean
cycle_has_build (Cycle *cycle, guint build)
{
  for (guint k = 0; k < cycle->builds->len; k++)
    if (g_array_index (cycle->builds, guint, k) == build)
      return TRUE;
  return FALSE;
}

static WbEolMatch *
match_build (WbEolData *self, const char *product_id, guint build, const char *today)
{
  WbEolMatch *result = NULL;

  for (guint i = 0; i < self->products->len; i++)
    {
      Product *product = g_ptr_array_index (self->products, i);

      if (product_id != NULL ? g_strcmp0 (product->id, product_id) != 0
                             : !g_str_has_prefix (product->id, "windows"))
        continue;
      for (guint j = 0; j < product->cycles->len; j++)
        {
          Cycle *cycle = g_ptr_array_index (product->cycles, j);
          WbEolMatch *match;

          if (!cycle_has_build (cycle, build))
            continue;
          match = match_new (WB_EOL_UNKNOWN, NULL);
          match->product = g_strdup (product->id);
          match->product_name = g_strdup (product->name);
          match->version = g_strdup_printf ("%u", build);
          match->link = g_strdup (product->link);
          judge_cycle (match, cycle, today);
          if (result == NULL)
            result = match;
          else
            {
              /* The same build in a client and a server release (9600: 8.1 and 2012
               * R2): only certain when both say the same. */
              if (result->status != match->status)
                {
                  result->status = WB_EOL_UNKNOWN;
                  match_set_reason (result, g_strdup_printf (
                    _("Windows build %u is both %s and %s; which one it is decides."),
                    build, result->label, match->label));
                }
              else
                match_set_reason (result, g_strdup_printf (_("Build %u (%s or %s): %s"),
                                                           build, result->label,
                                                           match->label, result->reason));
              wb_eol_match_free (match);
            }
        }
    }
  if (result == NULL)
    {
      result = match_new (WB_EOL_UNKNOWN, NULL);
      match_set_reason (result, g_strdup_printf (
        _("Windows build %u is not in the end-of-life data."), build));
    }
  return result;
}

WbEolMatch *
wb_eol_data_match_windows_build (WbEolData *self, const char *product, guint build,
                                 const char *today)
{
  g_autofree char *day = today_or_now (today);

  g_return_val_if_fail (WB_IS_EOL_DATA (self), NULL);
  return match_build (self, product, build, day);
}

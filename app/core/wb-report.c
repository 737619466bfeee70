/* wb-report.c — builds the report model from an engagement
 *
 * Every text is looked up in the report's own catalogue (wb-report-catalog.h), not via
 * _(), so a Dutch report comes out of an English session and the other way round. The
 * strings are still marked with N_() so xgettext finds them. Plural texts use ngettext()
 * for the same reason: the macro below sends them to the catalogue (Dutch and English
 * share the plural rule n != 1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "wb-report.h"
#include "wb-delta.h"
#include "wb-eol.h"
#include "wb-report-catalog.h"
#include "wb-score.h"
#include "wb-util-private.h"

/* The label of an area in the report, in the order of the summary's chart. */
typedef struct {
  const char *plugin_id;
  const char *label;
} WbReportArea;

static const WbReportArea areas[] = {
  { "network", N_("Network") },
  { "access-control", N_("Access control") },
  { "patching", N_("Software updates") },
  { "avg", N_("Privacy (GDPR)") },
  { "friendly-hack", N_("Friendly hack") },
};

/* Where the patching plugin stores the date of its end-of-life data (YYYY-MM-DD). */
#define EOL_PLUGIN "patching"
#define EOL_KEY "eol-data-date"
#define EOL_MAX_AGE_DAYS WB_EOL_STALE_DAYS
#define N_FIRST_STEPS 5

struct _WbReport {
  GObject          parent_instance;

  WbReportCatalog *catalog;
  char            *language;
  char            *date;
  char            *title;
  char            *subject;
  char            *author;
  char            *keywords;
  char            *company_name;
  WbTlp            tlp;
  WbReportStatus   status;
  char            *retention_end;
  GPtrArray       *blocks;
  GPtrArray       *warnings; /* NULL-terminated strv */

  /* Only while building. */
  WbEngagement    *engagement;
  GDate            report_date;
};

G_DEFINE_TYPE (WbReport, wb_report, G_TYPE_OBJECT)
G_DEFINE_QUARK (wb-report-error-quark, wb_report_error)

#define T(msgid) wb_report_catalog_lookup (self->catalog, (msgid))

static const char *report_plural (WbReport *self, const char *singular, const char *plural,
                                  gulong n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);
static const char *report_plural_lookup (WbReport *self, const char *singular,
                                         const char *plural, gulong n)
  G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);

static const char *
report_plural (WbReport *self, const char *singular, const char *plural, gulong n)
{
  return T (n == 1 ? singular : plural);
}

/* See the top of the file: plural texts go to the report's catalogue. A .mo plural
 * entry is keyed by its singular, so both forms are looked up by their own msgid
 * only when the catalogue stores them separately; the lookup below asks for the
 * plural entry's second form. */
#undef ngettext
#define ngettext(s, p, n) report_plural_lookup (self, (s), (p), (n))

static const char *
report_plural_lookup (WbReport *self, const char *singular, const char *plural, gulong n)
{
  const char *translated = wb_report_catalog_lookup (self->catalog, singular);

  if (translated == singular)
    return report_plural (self, singular, plural, n);
  /* A .mo plural translation is "form0\0form1". */
  return n == 1 ? translated : translated + strlen (translated) + 1;
}

static void
block_free (WbReportBlock *block)
{
  g_free (block->text);
  g_free (block->tone);
  g_strfreev (block->columns);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static WbReportBlock *
add_block (WbReport *self, WbReportBlockKind kind, const char *text, const char *tone)
{
  WbReportBlock *block = g_new0 (WbReportBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  block->tone = g_strdup (tone);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
add_heading (WbReport *self, guint level, const char *text)
{
  add_block (self, WB_REPORT_BLOCK_HEADING, text, NULL)->level = level;
}

static void
add_paragraph (WbReport *self, const char *tone, const char *text)
{
  add_block (self, WB_REPORT_BLOCK_PARAGRAPH, text, tone);
}

/* Adds a row of @n texts (NULL becomes ""). */
static void
add_row (WbReportBlock *block, guint n, ...)
{
  GStrv row = g_new0 (char *, n + 1);
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      const char *text = va_arg (args, const char *);

      row[i] = g_strdup (text != NULL ? text : "");
    }
  va_end (args);
  g_ptr_array_add (block->rows, row);
}

static void
add_warning (WbReport *self, const char *message)
{
  /* The same data is read for several sections: say it once. */
  for (guint i = 0; i + 1 < self->warnings->len; i++)
    if (g_str_equal (self->warnings->pdata[i], message))
      return;
  g_ptr_array_insert (self->warnings, self->warnings->len - 1, g_strdup (message));
}

static void
wb_report_finalize (GObject *object)
{
  WbReport *self = WB_REPORT (object);

  g_clear_pointer (&self->catalog, wb_report_catalog_free);
  g_free (self->language);
  g_free (self->date);
  g_free (self->title);
  g_free (self->subject);
  g_free (self->author);
  g_free (self->keywords);
  g_free (self->company_name);
  g_free (self->retention_end);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  G_OBJECT_CLASS (wb_report_parent_class)->finalize (object);
}

static void
wb_report_class_init (WbReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wb_report_finalize;
}

static void
wb_report_init (WbReport *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, NULL);
}

void
wb_report_options_init (WbReportOptions *options)
{
  options->language = "nl";
  options->tlp = -1;
  options->date = NULL;
  options->status = WB_REPORT_STATUS_DRAFT;
  options->previous = NULL;
}

/* ---- labels in the report's language (the enums' own labels follow the session) ---- */

static const char *
severity_label (WbReport *self, WbSeverity severity)
{
  static const char *labels[] = {
    N_("Information"), N_("Low"), N_("Medium"), N_("High"), N_("Critical"),
  };

  return T (labels[CLAMP ((int) severity, 0, (int) G_N_ELEMENTS (labels) - 1)]);
}

static const char *
priority_label (WbReport *self, WbPriority priority)
{
  static const char *labels[] = {
    N_("Now: within 14 days"), N_("Soon: within 3 months"),
    N_("When you replace it"),
  };

  return T (labels[CLAMP ((int) priority, 0, (int) G_N_ELEMENTS (labels) - 1)]);
}

static const char *
owner_label (WbReport *self, WbOwner owner)
{
  return owner == WB_OWNER_SUPPLIER ? T (N_("Your IT supplier")) : T (N_("You can do this yourself"));
}

static const char *
confidence_label (WbReport *self, WbConfidence confidence)
{
  static const char *labels[] = {
    N_("Seen by the team"),
    N_("Confirmed by an automated check"),
    N_("As told to us by the company"),
    N_("Derived from a version number (less certain: updates are not always visible)"),
  };

  return T (labels[CLAMP ((int) confidence, 0, (int) G_N_ELEMENTS (labels) - 1)]);
}

static const char *
effort_label (guint effort)
{
  return effort >= 3 ? "€€€" : effort == 2 ? "€€" : "€";
}

static const char *
light_verdict (WbReport *self, WbTrafficLight light)
{
  switch (light)
    {
    case WB_LIGHT_GREEN:
      return T (N_("In order"));
    case WB_LIGHT_ORANGE:
      return T (N_("Needs attention"));
    case WB_LIGHT_RED:
      return T (N_("Act soon"));
    case WB_LIGHT_NONE:
    default:
      return T (N_("Not assessed"));
    }
}

static const char *
area_label (WbReport *self, const char *plugin_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_str_equal (areas[i].plugin_id, plugin_id))
      return T (areas[i].label);
  return plugin_id;
}

/* ---- people and dates ---- */

static char *
join_people (WbReport *self, WbRole role)
{
  GPtrArray *people = wb_engagement_get_people (self->engagement);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    {
      WbPerson *person = people->pdata[i];

      if (person->role != role)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, person->name);
    }
  return g_string_free (g_steal_pointer (&names), names->len == 0);
}

static WbPerson *
find_person (WbReport *self, WbRole role)
{
  GPtrArray *people = wb_engagement_get_people (self->engagement);

  for (guint i = 0; i < people->len; i++)
    if (((WbPerson *) people->pdata[i])->role == role)
      return people->pdata[i];
  return NULL;
}

static char *
format_date (WbReport *self, const GDate *date)
{
  static const char *months[] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
    N_("December"),
  };

  /* "25 November 2026": the same order in Dutch and English reports. */
  return g_strdup_printf ("%u %s %u", g_date_get_day (date),
                          T (months[g_date_get_month (date) - 1]), g_date_get_year (date));
}

static gboolean
parse_date (const char *text, GDate *out)
{
  unsigned year, month, day;

  if (text == NULL || !wb_date_is_valid (text) ||
      sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return g_date_valid (out);
}

static char *
format_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* ---- scores ---- */

typedef struct {
  WbTrafficLight light;
  int            percent; /* -1: none */
  gint64         knockouts_failed;
  gint64         unknown;
} AreaScore;

static gboolean
read_score (WbReport *self, const char *plugin_id, AreaScore *score)
{
  static const WbEnumEntry lights[] = {
    { WB_LIGHT_NONE, "none", NULL }, { WB_LIGHT_RED, "red", NULL },
    { WB_LIGHT_ORANGE, "orange", NULL }, { WB_LIGHT_GREEN, "green", NULL },
    { 0, NULL, NULL },
  };
  JsonNode *node = wb_engagement_get_plugin_data (self->engagement, plugin_id, "score");
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  gint64 percent = -1;
  int light = WB_LIGHT_NONE;

  score->light = WB_LIGHT_NONE;
  score->percent = -1;
  score->knockouts_failed = 0;
  score->unknown = 0;
  if (node == NULL)
    return FALSE;
  /* Members beyond these four are left alone: a plugin may keep more in its score. */
  object = wb_json_get_object (node, "score", &error);
  if (object == NULL ||
      !wb_json_get_enum (object, "score", "light", lights, TRUE, &light, &error) ||
      !wb_json_get_int (object, "score", "percent", FALSE, &percent, &error) ||
      !wb_json_get_int (object, "score", "knockouts_failed", FALSE,
                        &score->knockouts_failed, &error) ||
      !wb_json_get_int (object, "score", "unknown", FALSE, &score->unknown, &error))
    {
      g_autofree char *message =
        g_strdup_printf (T (N_("The score of “%s” could not be read: %s")),
                         area_label (self, plugin_id), error->message);
      add_warning (self, message);
      return FALSE;
    }
  score->light = light;
  score->percent = percent >= 0 && percent <= 100 ? (int) percent : -1;
  return light != WB_LIGHT_NONE;
}

/* ---- cover ---- */

static void
build_cover (WbReport *self)
{
  WbReportBlock *cover;
  g_autofree char *team = join_people (self, WB_ROLE_STUDENT);
  g_autofree char *teacher = join_people (self, WB_ROLE_TEACHER);
  g_autofree char *date = format_date (self, &self->report_date);

  cover = add_block (self, WB_REPORT_BLOCK_COVER, T (N_("Cybersecurity scan · report")),
                     self->status == WB_REPORT_STATUS_SIGNED ? "signed" : "draft");
  cover->columns = g_new0 (char *, 3);
  cover->columns[0] = g_strdup (self->company_name);
  cover->columns[1] = g_strdup (T (N_("What we found, what it means for your business, "
                                      "and what to do first.")));
  add_row (cover, 2, T (N_("Date")), date);
  add_row (cover, 2, T (N_("Team")), team != NULL ? team : "—");
  add_row (cover, 2, T (N_("Teacher")), teacher != NULL ? teacher : "—");
  add_row (cover, 2, T (N_("Sharing")), self->tlp == WB_TLP_AMBER_STRICT ?
           T (N_("TLP:AMBER+STRICT — only for your own organisation")) :
           wb_report_get_tlp_label (self));
  add_row (cover, 2, T (N_("Status")), self->status == WB_REPORT_STATUS_SIGNED ?
           T (N_("Final: signed digitally by the team and the teacher (last page)")) :
           T (N_("Draft — not signed yet")));
}

/* ---- summary ---- */

static void
build_overall (WbReport *self, GPtrArray *plan)
{
  guint n_now = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < plan->len; i++)
    if (wb_finding_get_advice (plan->pdata[i])->priority == WB_PRIORITY_NOW)
      n_now++;
  if (plan->len == 0)
    {
      add_paragraph (self, "lead",
                     T (N_("We found nothing that needs action. That is good news: keep "
                           "it this way and have your security checked again in a year.")));
      return;
    }
  text = g_strdup_printf (ngettext ("We found %u point that can make your business safer.",
                                    "We found %u points that can make your business safer.",
                                    plan->len), plan->len);
  add_paragraph (self, "lead", text);
  g_clear_pointer (&text, g_free);
  if (n_now > 0)
    text = g_strdup_printf (ngettext ("%u of them is urgent: please deal with it within "
                                      "14 days. The rest can be planned over the coming "
                                      "months.",
                                      "%u of them are urgent: please deal with them within "
                                      "14 days. The rest can be planned over the coming "
                                      "months.", n_now), n_now);
  else
    text = g_strdup (T (N_("None of them is urgent: you can plan them over the coming "
                           "months.")));
  add_paragraph (self, "body", text);
}

static void
build_lights (WbReport *self)
{
  WbReportBlock *lights;

  add_heading (self, 2, T (N_("How you are doing per area")));
  lights = add_block (self, WB_REPORT_BLOCK_LIGHTS, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      AreaScore score;
      g_autofree char *percent = NULL;

      read_score (self, areas[i].plugin_id, &score);
      if (score.percent >= 0 && score.light != WB_LIGHT_NONE)
        percent = g_strdup_printf ("%d%%", score.percent);
      add_row (lights, 4, T (areas[i].label), wb_traffic_light_to_string (score.light),
               percent, light_verdict (self, score.light));
    }
  add_paragraph (self, "note",
                 T (N_("Green: in order. Orange: needs attention. Red: act soon. Grey: not "
                       "part of this scan. The percentage is the share of the checks in "
                       "that area that were fully in order.")));
}

/* Text a plugin stored (a finding's title, its advice, a table cell) is in the language
 * of the session that ran the plugin — often the English source. Looking it up in the
 * report's catalogue turns English source text into the report's language; text that is
 * already translated, or that is data (an address, a version), comes back unchanged. */
static const char *
stored (WbReport *self, const char *text)
{
  if (text == NULL || *text == '\0')
    return text;
  return wb_report_catalog_lookup (self->catalog, text);
}

static const char *
step_text (WbReport *self, const WbAdvice *advice)
{
  if (advice->step != NULL && *advice->step != '\0')
    return stored (self, advice->step);
  if (advice->owner == WB_OWNER_SUPPLIER)
    return T (N_("Discuss this with your IT supplier."));
  return T (N_("Look into this yourself; the team can explain what they saw."));
}

static char *
when_and_who (WbReport *self, const WbAdvice *advice)
{
  return g_strdup_printf ("%s · %s · %s", owner_label (self, advice->owner),
                          priority_label (self, advice->priority),
                          effort_label (advice->effort));
}

static void
build_first_steps (WbReport *self, GPtrArray *plan)
{
  WbReportBlock *steps;

  add_heading (self, 2, T (N_("The five things to do first")));
  if (plan->len == 0)
    {
      add_paragraph (self, "body", T (N_("There is nothing you need to do right now.")));
      return;
    }
  steps = add_block (self, WB_REPORT_BLOCK_STEPS, NULL, NULL);
  for (guint i = 0; i < plan->len && i < N_FIRST_STEPS; i++)
    {
      WbFinding *finding = plan->pdata[i];
      const WbAdvice *advice = wb_finding_get_advice (finding);
      g_autofree char *who = when_and_who (self, advice);

      add_row (steps, 4, stored (self, wb_finding_get_title (finding)),
               step_text (self, advice), who, wb_finding_get_id (finding));
    }
}

static void
build_summary (WbReport *self, GPtrArray *plan)
{
  add_heading (self, 1, T (N_("Summary")));
  build_overall (self, plan);
  build_lights (self);
  build_first_steps (self, plan);
}

/* ---- since last time: the delta against the previous scan ---- */

static const char *
delta_label (WbReport *self, WbDeltaStatus status)
{
  switch (status)
    {
    case WB_DELTA_FIXED:
      return T (N_("Fixed"));
    case WB_DELTA_STILL_OPEN:
      return T (N_("Still open"));
    case WB_DELTA_NEW:
    default:
      return T (N_("New"));
    }
}

static gboolean
build_since_last_time (WbReport *self, WbEngagement *previous, GError **error)
{
  g_autoptr(GPtrArray) items = wb_delta_compute (self->engagement, previous, error);
  g_autofree char *summary = NULL;
  guint n_new, n_open, n_fixed;
  WbReportBlock *table;

  if (items == NULL)
    return FALSE;
  wb_delta_count (items, &n_new, &n_open, &n_fixed);
  add_heading (self, 1, T (N_("Since last time")));
  summary = g_strdup_printf (T (N_("Compared with the previous scan: fixed %u, still open "
                                   "%u, new %u.")), n_fixed, n_open, n_new);
  add_paragraph (self, "lead", summary);
  if (items->len == 0)
    return TRUE;
  table = add_block (self, WB_REPORT_BLOCK_TABLE, T (N_("Per point and place")), NULL);
  table->columns = g_new0 (char *, 4);
  table->columns[0] = g_strdup (T (N_("Status")));
  table->columns[1] = g_strdup (T (N_("Point")));
  table->columns[2] = g_strdup (T (N_("Where")));
  for (guint i = 0; i < items->len; i++)
    {
      WbDeltaItem *item = g_ptr_array_index (items, i);

      add_row (table, 3, delta_label (self, item->status), item->title, item->asset);
    }
  return TRUE;
}

/* ---- action plan ---- */

static char *
join_lines (const char * const *lines)
{
  if (lines == NULL || lines[0] == NULL)
    return NULL;
  return g_strjoinv ("\n", (char **) lines);
}

static void
build_finding (WbReport *self, WbFinding *finding)
{
  const WbAdvice *advice = wb_finding_get_advice (finding);
  WbReportBlock *card;
  g_autofree char *evidence = join_lines (wb_finding_get_evidence (finding));
  g_autofree char *assets = join_lines (wb_finding_get_assets (finding));
  g_autofree char *references = join_lines ((const char * const *) advice->references);

  card = add_block (self, WB_REPORT_BLOCK_FINDING, stored (self, wb_finding_get_title (finding)),
                    wb_severity_to_string (wb_finding_get_severity (finding)));
  card->columns = g_new0 (char *, 3);
  card->columns[0] = g_strdup (severity_label (self, wb_finding_get_severity (finding)));
  card->columns[1] = g_strdup (wb_finding_get_id (finding));
  if (evidence != NULL)
    add_row (card, 2, T (N_("What we saw")), evidence);
  if (assets != NULL)
    add_row (card, 2, T (N_("Where")), assets);
  if (advice->risk != NULL && *advice->risk != '\0')
    add_row (card, 2, T (N_("The risk")), stored (self, advice->risk));
  add_row (card, 2, T (N_("What to do")), step_text (self, advice));
  add_row (card, 2, T (N_("Who")), owner_label (self, advice->owner));
  add_row (card, 2, T (N_("When")), priority_label (self, advice->priority));
  add_row (card, 2, T (N_("Effort")), effort_label (advice->effort));
  if (references != NULL)
    add_row (card, 2, T (N_("Reference")), references);
  add_row (card, 2, T (N_("How sure we are")),
           confidence_label (self, wb_finding_get_confidence (finding)));
}

static void
build_action_plan (WbReport *self, GPtrArray *plan)
{
  int last_priority = -1;

  add_heading (self, 1, T (N_("Action plan")));
  add_paragraph (self, "body",
                 T (N_("Every point we found, the most urgent first. For each point you "
                       "read what we saw, what could go wrong, and what to do about it. "
                       "“Who” says whether you can do it yourself or should ask your IT "
                       "supplier. Effort: € is an hour or a small purchase, €€ a day of "
                       "work or a modest cost, €€€ a project.")));
  if (plan->len == 0)
    add_paragraph (self, "body", T (N_("We found no points to act on.")));
  for (guint i = 0; i < plan->len; i++)
    {
      WbFinding *finding = plan->pdata[i];
      WbPriority priority = wb_finding_get_advice (finding)->priority;

      if ((int) priority != last_priority)
        {
          add_heading (self, 2, priority_label (self, priority));
          last_priority = priority;
        }
      build_finding (self, finding);
    }
}

/* ---- per-plugin details: the plugins' "report-sections" ---- */

static char *
cell_text (WbReport *self, JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return g_strdup (stored (self, json_node_get_string (node)));
        case G_TYPE_INT64:
          return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
        case G_TYPE_DOUBLE:
          return g_strdup_printf ("%g", json_node_get_double (node));
        case G_TYPE_BOOLEAN:
          return g_strdup (json_node_get_boolean (node) ? "✓" : "✗");
        default:
          break;
        }
    }
  return NULL;
}

/* One {"title", "columns", "rows", "note"} table; FALSE with @error when malformed. */
static gboolean
build_section_table (WbReport *self, JsonNode *node, GError **error)
{
  static const char * const members[] = { "title", "columns", "rows", "note", NULL };
  JsonObject *object = wb_json_get_object (node, "report section", error);
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  g_auto(GStrv) columns = NULL;
  JsonNode *rows_node;
  JsonArray *rows;
  WbReportBlock *table;
  guint n_columns;

  if (object == NULL || !wb_json_check_members (object, "report section", members, error) ||
      !wb_json_get_string (object, "report section", "title", TRUE, &title, error) ||
      !wb_json_get_strv (object, "report section", "columns", TRUE, &columns, error) ||
      !wb_json_get_string (object, "report section", "note", FALSE, &note, error))
    return FALSE;
  n_columns = g_strv_length (columns);
  rows_node = json_object_get_member (object, "rows");
  if (n_columns == 0 || n_columns > 8 || rows_node == NULL ||
      !JSON_NODE_HOLDS_ARRAY (rows_node))
    {
      g_set_error (error, WB_REPORT_ERROR, WB_REPORT_ERROR_INVALID,
                   T (N_("a table needs 1 to 8 columns and a list of rows")));
      return FALSE;
    }
  rows = json_node_get_array (rows_node);
  table = add_block (self, WB_REPORT_BLOCK_TABLE, stored (self, title), NULL);
  for (guint c = 0; c < n_columns; c++)
    {
      char *translated = g_strdup (stored (self, columns[c]));

      g_free (columns[c]);
      columns[c] = translated;
    }
  table->columns = g_steal_pointer (&columns);
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonNode *row_node = json_array_get_element (rows, r);
      JsonArray *cells;
      GStrv row;

      if (!JSON_NODE_HOLDS_ARRAY (row_node) ||
          json_array_get_length (cells = json_node_get_array (row_node)) != n_columns)
        {
          g_set_error (error, WB_REPORT_ERROR, WB_REPORT_ERROR_INVALID,
                       T (N_("row %u does not have one cell per column")), r + 1);
          return FALSE;
        }
      row = g_new0 (char *, n_columns + 1);
      g_ptr_array_add (table->rows, row);
      for (guint c = 0; c < n_columns; c++)
        if ((row[c] = cell_text (self, json_array_get_element (cells, c))) == NULL)
          {
            g_set_error (error, WB_REPORT_ERROR, WB_REPORT_ERROR_INVALID,
                         T (N_("row %u has a cell that is not text or a number")), r + 1);
            return FALSE;
          }
    }
  if (note != NULL)
    add_paragraph (self, "note", stored (self, note));
  return TRUE;
}

static void
build_score_line (WbReport *self, const char *plugin_id)
{
  AreaScore score;
  g_autofree char *text = NULL;

  if (!read_score (self, plugin_id, &score))
    return;
  if (score.percent >= 0)
    text = g_strdup_printf (T (N_("Result: %s (%d%% in order).")),
                            light_verdict (self, score.light), score.percent);
  else
    text = g_strdup_printf (T (N_("Result: %s.")), light_verdict (self, score.light));
  add_paragraph (self, "body", text);
  if (score.knockouts_failed > 0)
    {
      g_autofree char *knockouts =
        g_strdup_printf (ngettext ("%u essential measure is missing; that alone makes this "
                                   "area red.",
                                   "%u essential measures are missing; that alone makes "
                                   "this area red.", (gulong) score.knockouts_failed),
                         (guint) score.knockouts_failed);
      add_paragraph (self, "body", knockouts);
    }
  if (score.unknown > 0)
    {
      g_autofree char *unknown =
        g_strdup_printf (ngettext ("%u question could not be answered during the visit.",
                                   "%u questions could not be answered during the visit.",
                                   (gulong) score.unknown), (guint) score.unknown);
      add_paragraph (self, "note", unknown);
    }
}

static void
build_plugin_details (WbReport *self, const char *plugin_id)
{
  JsonNode *sections = wb_engagement_get_plugin_data (self->engagement, plugin_id,
                                                      "report-sections");
  JsonNode *score = wb_engagement_get_plugin_data (self->engagement, plugin_id, "score");
  g_autoptr(GError) error = NULL;
  guint first_block;

  if (sections == NULL && score == NULL)
    return;
  add_heading (self, 2, area_label (self, plugin_id));
  build_score_line (self, plugin_id);
  if (sections == NULL)
    return;
  first_block = self->blocks->len;
  if (!JSON_NODE_HOLDS_ARRAY (sections))
    g_set_error (&error, WB_REPORT_ERROR, WB_REPORT_ERROR_INVALID,
                 T (N_("the details are not a list of tables")));
  else
    for (guint i = 0; i < json_array_get_length (json_node_get_array (sections)); i++)
      if (!build_section_table (self, json_array_get_element (json_node_get_array (sections),
                                                              i), &error))
        break;
  if (error != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (T (N_("The details of “%s” could not be read (%s); they are left "
                               "out of this report.")),
                         area_label (self, plugin_id), error->message);

      /* Drop the half-built tables: a report shows a plugin's details whole or not. */
      g_ptr_array_remove_range (self->blocks, first_block, self->blocks->len - first_block);
      add_paragraph (self, "note", message);
      add_warning (self, message);
    }
}

static void
build_details (WbReport *self)
{
  g_auto(GStrv) enabled = wb_engagement_get_enabled_plugins (self->engagement);
  guint first = self->blocks->len;

  add_heading (self, 1, T (N_("Details per area")));
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    build_plugin_details (self, areas[i].plugin_id);
  /* Plugins the report has no label for come after the known areas. */
  for (guint i = 0; enabled != NULL && enabled[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (areas); j++)
        known = known || g_str_equal (areas[j].plugin_id, enabled[i]);
      if (!known)
        build_plugin_details (self, enabled[i]);
    }
  if (self->blocks->len == first + 1)
    add_paragraph (self, "body", T (N_("No area has stored details for this report.")));
}

/* ---- appendix: method, scope, what was not done, sources, team ---- */

static void
add_strv_facts (WbReportBlock *facts, const char *label, GStrv values)
{
  g_autofree char *joined = NULL;

  if (values == NULL || values[0] == NULL)
    return;
  joined = g_strjoinv (", ", values);
  add_row (facts, 2, label, joined);
}

static void
build_scope (WbReport *self, WbAgreement *agreement)
{
  WbScope *scope = wb_agreement_get_scope (agreement);
  WbReportBlock *facts;
  g_autofree char *window = NULL;

  add_heading (self, 2, T (N_("Scope as agreed")));
  facts = add_block (self, WB_REPORT_BLOCK_FACTS, NULL, NULL);
  if (scope != NULL)
    {
      g_auto(GStrv) targets = wb_scope_get_targets (scope);
      g_auto(GStrv) exclusions = wb_scope_get_exclusions (scope);
      g_auto(GStrv) plugins = wb_scope_get_plugins (scope);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      add_strv_facts (facts, T (N_("What we looked at")), targets);
      add_strv_facts (facts, T (N_("Left out on purpose")), exclusions);
      for (guint i = 0; plugins != NULL && plugins[i] != NULL; i++)
        g_ptr_array_add (labels, (char *) area_label (self, plugins[i]));
      g_ptr_array_add (labels, NULL);
      add_strv_facts (facts, T (N_("Areas")), (GStrv) labels->pdata);
      add_row (facts, 2, T (N_("Deepest kind of check allowed")),
               wb_scope_get_max_activity (scope) >= WB_ACTIVITY_INTRUSIVE ?
               T (N_("Trying known default passwords and the like")) :
               wb_scope_get_max_activity (scope) == WB_ACTIVITY_ACTIVE ?
               T (N_("Scanning the network and asking services for their version")) :
               T (N_("Only interviews, observation and public information")));
    }
  if (wb_agreement_get_window_start (agreement) != NULL)
    {
      window = g_strdup_printf ("%s – %s", wb_agreement_get_window_start (agreement),
                                wb_agreement_get_window_end (agreement));
      add_row (facts, 2, T (N_("Test window")), window);
    }
  if (wb_agreement_get_signed_on (agreement) != NULL)
    add_row (facts, 2, T (N_("Agreement signed on")), wb_agreement_get_signed_on (agreement));
  if (facts->rows->len == 0)
    add_row (facts, 2, T (N_("Scope")), T (N_("Not recorded")));
}

static void
build_not_done (WbReport *self)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  add_heading (self, 2, T (N_("What we did not do")));
  add_paragraph (self, "body",
                 T (N_("As agreed, we did not break into systems, did not try to make them "
                       "stop working, did not copy your data and did not change any "
                       "settings. We only looked at what was in the agreed scope, during "
                       "the agreed test window. A scan is a snapshot: it cannot prove that "
                       "nothing else is wrong, and no rights can be derived from it.")));
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      AreaScore score;

      if (read_score (self, areas[i].plugin_id, &score) ||
          wb_engagement_get_plugin_data (self->engagement, areas[i].plugin_id,
                                         "report-sections") != NULL)
        continue;
      if (missing->len > 0)
        g_string_append (missing, ", ");
      g_string_append (missing, T (areas[i].label));
    }
  if (missing->len > 0)
    {
      g_autofree char *text = g_strdup_printf (T (N_("Not part of this scan: %s.")),
                                               missing->str);
      add_paragraph (self, "body", text);
    }
}

static void
build_sources (WbReport *self)
{
  JsonNode *node = wb_engagement_get_plugin_data (self->engagement, EOL_PLUGIN, EOL_KEY);
  const char *value = node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
                      json_node_get_value_type (node) == G_TYPE_STRING ?
                      json_node_get_string (node) : NULL;
  WbReportBlock *facts;
  GDate eol_date;

  add_heading (self, 2, T (N_("Sources")));
  facts = add_block (self, WB_REPORT_BLOCK_FACTS, NULL, NULL);
  if (!parse_date (value, &eol_date))
    {
      add_row (facts, 2, T (N_("End-of-life data checked on")), T (N_("n/a")));
      return;
    }
  add_row (facts, 2, T (N_("End-of-life data checked on")), value);
  if (g_date_days_between (&eol_date, &self->report_date) > EOL_MAX_AGE_DAYS)
    add_paragraph (self, "note",
                   T (N_("Note: the list of software that is no longer supported was "
                         "checked more than 90 days before this report. Newer end dates "
                         "may be missing.")));
}

static void
add_person_fact (WbReportBlock *facts, const char *label, WbPerson *person)
{
  g_autoptr(GString) text = g_string_new (person->name);

  if (person->organisation != NULL && *person->organisation != '\0')
    g_string_append_printf (text, " (%s)", person->organisation);
  add_row (facts, 2, label, text->str);
}

static void
build_team (WbReport *self)
{
  GPtrArray *people = wb_engagement_get_people (self->engagement);
  WbReportBlock *facts;

  add_heading (self, 2, T (N_("Team and teacher")));
  facts = add_block (self, WB_REPORT_BLOCK_FACTS, NULL, NULL);
  for (guint i = 0; i < people->len; i++)
    {
      WbPerson *person = people->pdata[i];

      if (person->role == WB_ROLE_STUDENT)
        add_person_fact (facts, T (N_("Student")), person);
      else if (person->role == WB_ROLE_TEACHER)
        add_person_fact (facts, T (N_("Teacher")), person);
      else if (person->role == WB_ROLE_CONTACT)
        add_person_fact (facts, T (N_("Your contact person")), person);
    }
  if (facts->rows->len == 0)
    add_row (facts, 2, T (N_("Team")), T (N_("Not recorded")));
}

static void
build_appendix (WbReport *self)
{
  WbAgreement *agreement = wb_engagement_get_agreement (self->engagement);
  const char *method = wb_agreement_get_clause (agreement, "method");

  add_heading (self, 1, T (N_("Appendix: how we worked")));
  add_heading (self, 2, T (N_("Method")));
  add_paragraph (self, "body", method != NULL && *method != '\0' ? method :
                 T (N_("The method was not recorded in the agreement.")));
  build_scope (self, agreement);
  build_not_done (self);
  build_sources (self);
  build_team (self);
}

/* ---- retention and destruction ---- */

/* The category's label in the report's language; the inventory's own label follows the
 * session's language. */
static char *
category_label (WbReport *self, const WbDataCategory *category)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "company", N_("Company details") },
    { "people", N_("Names and contact details of people") },
    { "agreement", N_("The agreement and its scope") },
    { "findings", N_("Findings and advice") },
    { "attachments", N_("Photos and other files") },
    { "audit", N_("History of changes (who changed what, and when)") },
  };

  if (g_str_has_prefix (category->id, "plugin:"))
    return g_strdup_printf (T (N_("Answers and results: %s")),
                            area_label (self, category->id + strlen ("plugin:")));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].id, category->id))
      return g_strdup (T (labels[i].label));
  return g_strdup (category->label);
}

static void
build_collected (WbReport *self)
{
  g_autoptr(GPtrArray) inventory = wb_engagement_get_data_inventory (self->engagement);
  WbReportBlock *table;
  guint64 total = 0;
  g_autofree char *total_size = NULL;
  g_autofree char *total_text = NULL;

  add_heading (self, 2, T (N_("What we collected")));
  table = add_block (self, WB_REPORT_BLOCK_TABLE, NULL, NULL);
  table->columns = g_new0 (char *, 4);
  table->columns[0] = g_strdup (T (N_("Kind of data")));
  table->columns[1] = g_strdup (T (N_("How much")));
  table->columns[2] = g_strdup (T (N_("Personal data")));
  for (guint i = 0; i < inventory->len; i++)
    {
      WbDataCategory *category = inventory->pdata[i];
      g_autofree char *label = category_label (self, category);
      g_autofree char *size = g_format_size (category->bytes);
      g_autofree char *amount = g_strdup_printf (ngettext ("%u item, about %s",
                                                           "%u items, about %s",
                                                           (gulong) category->count),
                                                 (guint) category->count, size);

      total += category->bytes;
      add_row (table, 3, label, amount, category->personal ? T (N_("yes")) : T (N_("no")));
    }
  total_size = g_format_size (total);
  total_text = g_strdup_printf (T (N_("In total about %s, in one encrypted file.")),
                                total_size);
  add_paragraph (self, "note", total_text);
}

static void
build_kept (WbReport *self)
{
  WbVault *vault = wb_engagement_get_vault (self->engagement);
  g_autoptr(GPtrArray) slots = wb_vault_list_slots (vault);
  g_autoptr(GString) holders = g_string_new (NULL);
  g_autofree char *file = g_path_get_basename (wb_vault_get_path (vault));
  g_autofree char *text = NULL;

  for (guint i = 0; i < slots->len; i++)
    {
      if (holders->len > 0)
        g_string_append (holders, ", ");
      g_string_append (holders, ((WbVaultSlotInfo *) slots->pdata[i])->label);
    }
  add_heading (self, 2, T (N_("Where it is kept")));
  text = g_strdup_printf (T (N_("Everything is kept in one encrypted file (%s) on the "
                                "team's laptops. Only these people can open it: %s. "
                                "Werkbank makes no other copies: no cloud, no temporary "
                                "files. A copy the team makes, such as a backup, is just as "
                                "encrypted and is destroyed in the same way.")),
                          file, holders->len > 0 ? holders->str : "—");
  add_paragraph (self, "body", text);
}

static void
build_retention_period (WbReport *self, WbAgreement *agreement)
{
  guint months = wb_agreement_get_retention_months (agreement);
  g_autofree char *text = NULL;
  g_autofree char *end = NULL;
  GDate end_date;

  add_heading (self, 2, T (N_("How long we keep it")));
  if (months == 0 || self->retention_end == NULL)
    {
      add_paragraph (self, "body", T (N_("No retention period was agreed. Ask the teacher "
                                         "to record one: until then the data is kept "
                                         "until the school destroys it on request.")));
      return;
    }
  parse_date (self->retention_end, &end_date);
  end = format_date (self, &end_date);
  text = g_strdup_printf (ngettext ("As agreed, we keep the data for %u month after this "
                                    "report, until %s (%s). Then it is destroyed.",
                                    "As agreed, we keep the data for %u months after this "
                                    "report, until %s (%s). Then it is destroyed.", months),
                          months, end, self->retention_end);
  add_paragraph (self, "body", text);
}

static void
build_destruction (WbReport *self)
{
  add_heading (self, 2, T (N_("How it will be destroyed")));
  add_paragraph (self, "body",
                 T (N_("We use crypto-erase: the keys that unlock the file are overwritten "
                       "with random data and the file is deleted. Without those keys, no "
                       "one can read the data any more, also not from an old copy or a "
                       "backup of the encrypted file. You receive a destruction record "
                       "that says what was destroyed, when and by whom, signed by the "
                       "teacher.")));
  add_paragraph (self, "body",
                 T (N_("What crypto-erase cannot do: it does not reach anything that was "
                       "taken out of Werkbank, such as this report, a printout or notes "
                       "on paper. The signed report stays with you; the network keeps "
                       "only anonymous figures, if you agreed to that.")));
}

static void
build_ask (WbReport *self)
{
  WbPerson *teacher = find_person (self, WB_ROLE_TEACHER);
  WbReportBlock *facts;

  add_heading (self, 2, T (N_("Who to ask")));
  if (teacher == NULL)
    {
      add_paragraph (self, "body", T (N_("Ask the school that sent the team.")));
      return;
    }
  add_paragraph (self, "body", T (N_("For questions about your data, or to have it "
                                     "destroyed sooner, contact the supervising teacher:")));
  facts = add_block (self, WB_REPORT_BLOCK_FACTS, NULL, NULL);
  add_person_fact (facts, T (N_("Teacher")), teacher);
  if (teacher->email != NULL && *teacher->email != '\0')
    add_row (facts, 2, T (N_("E-mail")), teacher->email);
  if (teacher->phone != NULL && *teacher->phone != '\0')
    add_row (facts, 2, T (N_("Phone")), teacher->phone);
}

static void
build_retention (WbReport *self)
{
  add_heading (self, 1, T (N_("Your data: retention and destruction")));
  build_collected (self);
  build_kept (self);
  build_retention_period (self, wb_engagement_get_agreement (self->engagement));
  build_destruction (self);
  build_ask (self);
}

/* ---- signatures ---- */

static void
build_signatures (WbReport *self)
{
  WbReportBlock *block;
  g_autofree char *team = join_people (self, WB_ROLE_STUDENT);
  g_autofree char *teacher = join_people (self, WB_ROLE_TEACHER);

  add_heading (self, 1, T (N_("Signatures")));
  add_paragraph (self, "body",
                 T (N_("The team signs this report first; the supervising teacher checks "
                       "it and signs second. A signed PDF shows both signatures in your "
                       "PDF reader; any change after signing breaks them.")));
  block = add_block (self, WB_REPORT_BLOCK_SIGNATURES, NULL, NULL);
  add_row (block, 3, "team", T (N_("For the team")), team != NULL ? team : "—");
  add_row (block, 3, "teacher", T (N_("For the school (teacher)")),
           teacher != NULL ? teacher : "—");
}

/* ---- set-up ---- */

static gboolean
set_up (WbReport *self, const WbReportOptions *options, GError **error)
{
  const WbCompany *company = wb_engagement_get_company (self->engagement);
  WbAgreement *agreement = wb_engagement_get_agreement (self->engagement);
  guint months = wb_agreement_get_retention_months (agreement);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (!g_str_equal (self->language, "nl") && !g_str_equal (self->language, "en"))
    {
      g_set_error (error, WB_REPORT_ERROR, WB_REPORT_ERROR_INVALID,
                   _("The report can be made in Dutch (nl) or English (en), not in “%s”."),
                   self->language);
      return FALSE;
    }
  if (options->date != NULL && !parse_date (options->date, &self->report_date))
    {
      g_set_error (error, WB_REPORT_ERROR, WB_REPORT_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD."), options->date);
      return FALSE;
    }
  if (options->date == NULL)
    {
      g_date_clear (&self->report_date, 1);
      g_date_set_dmy (&self->report_date, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }
  if (company == NULL || company->name == NULL)
    {
      g_set_error (error, WB_REPORT_ERROR, WB_REPORT_ERROR_INCOMPLETE,
                   _("Record the company first: the report is addressed to it."));
      return FALSE;
    }
  self->date = format_iso (&self->report_date);
  self->company_name = g_strdup (company->name);
  self->tlp = options->tlp >= 0 ? (WbTlp) options->tlp : wb_agreement_get_tlp (agreement);
  self->status = options->status;
  if (months > 0)
    {
      GDate end = self->report_date;

      g_date_add_months (&end, months);
      self->retention_end = format_iso (&end);
    }
  return TRUE;
}

static void
set_metadata (WbReport *self)
{
  g_autofree char *team = join_people (self, WB_ROLE_STUDENT);

  self->title = g_strdup_printf (T (N_("Security scan of %s")), self->company_name);
  self->subject = g_strdup (T (N_("Findings and action advice from the cybersecurity scan")));
  self->author = g_strdup (team != NULL ? team : "Werkbank");
  self->keywords = g_strdup_printf ("%s, %s", wb_report_get_tlp_label (self),
                                    T (N_("cybersecurity, action plan")));
}

WbReport *
wb_report_new (WbEngagement *engagement, const WbReportOptions *options, GError **error)
{
  g_autoptr(WbReport) self = g_object_new (WB_TYPE_REPORT, NULL);
  WbReportOptions defaults;
  g_autoptr(GPtrArray) plan = NULL;

  g_return_val_if_fail (WB_IS_ENGAGEMENT (engagement), NULL);
  if (options == NULL)
    {
      wb_report_options_init (&defaults);
      options = &defaults;
    }
  self->language = g_strdup (options->language != NULL ? options->language : "nl");
  self->engagement = engagement;
  if (!set_up (self, options, error))
    return NULL;
  self->catalog = wb_report_catalog_new (self->language);
  if (!wb_report_catalog_is_complete (self->catalog))
    add_warning (self, _("The translation of the report is not installed; it is in "
                         "English."));
  set_metadata (self);
  plan = wb_engagement_get_action_plan (engagement);
  build_cover (self);
  build_summary (self, plan);
  if (options->previous != NULL && !build_since_last_time (self, options->previous, error))
    return NULL;
  build_action_plan (self, plan);
  build_details (self);
  build_appendix (self);
  build_retention (self);
  build_signatures (self);
  self->engagement = NULL;
  return g_steal_pointer (&self);
}

const char *
wb_report_get_language (WbReport *self)
{
  return self->language;
}

const char *
wb_report_get_date (WbReport *self)
{
  return self->date;
}

const char *
wb_report_get_title (WbReport *self)
{
  return self->title;
}

const char *
wb_report_get_subject (WbReport *self)
{
  return self->subject;
}

const char *
wb_report_get_author (WbReport *self)
{
  return self->author;
}

const char *
wb_report_get_keywords (WbReport *self)
{
  return self->keywords;
}

const char *
wb_report_get_company_name (WbReport *self)
{
  return self->company_name;
}

WbTlp
wb_report_get_tlp (WbReport *self)
{
  return self->tlp;
}

const char *
wb_report_get_tlp_label (WbReport *self)
{
  /* TLP labels are never translated: TLP 2.0 fixes their spelling. */
  switch (self->tlp)
    {
    case WB_TLP_CLEAR:
      return "TLP:CLEAR";
    case WB_TLP_GREEN:
      return "TLP:GREEN";
    case WB_TLP_AMBER:
      return "TLP:AMBER";
    case WB_TLP_RED:
      return "TLP:RED";
    case WB_TLP_AMBER_STRICT:
    default:
      return "TLP:AMBER+STRICT";
    }
}

WbReportStatus
wb_report_get_status (WbReport *self)
{
  return self->status;
}

const char *
wb_report_get_retention_end (WbReport *self)
{
  return self->retention_end;
}

GPtrArray *
wb_report_get_blocks (WbReport *self)
{
  return self->blocks;
}

const char * const *
wb_report_get_warnings (WbReport *self)
{
  return (const char * const *) self->warnings->pdata;
}

const char *
wb_report_translate (WbReport *self, const char *msgid)
{
  return T (msgid);
}

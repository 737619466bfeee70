/* wb-finding.c — a finding and its advice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "wb-finding.h"
#include "wb-util-private.h"

G_DEFINE_QUARK (wb-finding-error-quark, wb_finding_error)

static const WbEnumEntry severity_table[] = {
  { WB_SEVERITY_INFO, "info", N_("Information") },
  { WB_SEVERITY_LOW, "low", N_("Low") },
  { WB_SEVERITY_MEDIUM, "medium", N_("Medium") },
  { WB_SEVERITY_HIGH, "high", N_("High") },
  { WB_SEVERITY_CRITICAL, "critical", N_("Critical") },
  { 0, NULL, NULL }
};

static const WbEnumEntry confidence_table[] = {
  { WB_CONFIDENCE_OBSERVED, "observed", N_("Observed by a student") },
  { WB_CONFIDENCE_AUTOMATED, "automated", N_("Automated check") },
  { WB_CONFIDENCE_STATED, "stated", N_("Stated by the company") },
  { WB_CONFIDENCE_BANNER, "banner", N_("Inferred from a version banner") },
  { 0, NULL, NULL }
};

static const WbEnumEntry owner_table[] = {
  { WB_OWNER_COMPANY, "company", N_("You can do this yourself") },
  { WB_OWNER_SUPPLIER, "supplier", N_("Your IT supplier") },
  { 0, NULL, NULL }
};

static const WbEnumEntry priority_table[] = {
  { WB_PRIORITY_NOW, "now", N_("Now (within 14 days)") },
  { WB_PRIORITY_QUARTER, "quarter", N_("Within 3 months") },
  { WB_PRIORITY_REPLACEMENT, "replacement", N_("At the next replacement") },
  { 0, NULL, NULL }
};

static const WbEnumEntry solution_table[] = {
  { WB_SOLUTION_VENDOR_FIX, "vendor-fix", N_("Vendor fix") },
  { WB_SOLUTION_WORKAROUND, "workaround", N_("Workaround") },
  { WB_SOLUTION_MITIGATION, "mitigation", N_("Mitigation") },
  { WB_SOLUTION_ORGANISATIONAL, "organisational", N_("Organisational measure") },
  { WB_SOLUTION_NONE_AVAILABLE, "none-available", N_("No solution available") },
  { 0, NULL, NULL }
};

#define ENUM_FUNCS(prefix, Type, table)                                   \
  const char *prefix##_to_string (Type v) { return wb_enum_to_id (table, v); } \
  const char *prefix##_get_label (Type v) { return wb_enum_to_label (table, v); } \
  gboolean prefix##_from_string (const char *text, Type *out)             \
  {                                                                       \
    int v;                                                                \
    if (!wb_enum_from_id (table, text, &v))                               \
      return FALSE;                                                       \
    *out = (Type) v;                                                      \
    return TRUE;                                                          \
  }

ENUM_FUNCS (wb_severity, WbSeverity, severity_table)
ENUM_FUNCS (wb_confidence, WbConfidence, confidence_table)
ENUM_FUNCS (wb_owner, WbOwner, owner_table)
ENUM_FUNCS (wb_priority, WbPriority, priority_table)
ENUM_FUNCS (wb_solution, WbSolution, solution_table)

WbSeverity
wb_severity_from_cvss (double score)
{
  if (score >= 9.0)
    return WB_SEVERITY_CRITICAL;
  if (score >= 7.0)
    return WB_SEVERITY_HIGH;
  if (score >= 4.0)
    return WB_SEVERITY_MEDIUM;
  if (score > 0.0)
    return WB_SEVERITY_LOW;
  return WB_SEVERITY_INFO;
}

guint
wb_confidence_get_qod (WbConfidence confidence)
{
  /* Greenbone's quality-of-detection scale: remote banner 80, unreliable banner 30,
   * active check 95. Version banners get the unreliable figure on purpose:
   * distributions backport fixes without changing the version. */
  switch (confidence)
    {
    case WB_CONFIDENCE_AUTOMATED:
      return 95;
    case WB_CONFIDENCE_OBSERVED:
      return 90;
    case WB_CONFIDENCE_STATED:
      return 70;
    case WB_CONFIDENCE_BANNER:
    default:
      return 30;
    }
}

/* ---- advice ---- */

G_DEFINE_BOXED_TYPE (WbAdvice, wb_advice, wb_advice_copy, wb_advice_free)

WbAdvice *
wb_advice_new (void)
{
  WbAdvice *advice = g_new0 (WbAdvice, 1);

  advice->owner = WB_OWNER_COMPANY;
  advice->priority = WB_PRIORITY_QUARTER;
  advice->effort = 1;
  advice->solution = WB_SOLUTION_ORGANISATIONAL;
  advice->references = g_new0 (char *, 1);
  return advice;
}

WbAdvice *
wb_advice_copy (const WbAdvice *advice)
{
  WbAdvice *copy = g_new0 (WbAdvice, 1);

  *copy = *advice;
  copy->risk = g_strdup (advice->risk);
  copy->step = g_strdup (advice->step);
  copy->references = g_strdupv (advice->references);
  return copy;
}

void
wb_advice_free (WbAdvice *advice)
{
  if (advice == NULL)
    return;
  g_free (advice->risk);
  g_free (advice->step);
  g_strfreev (advice->references);
  g_free (advice);
}

/* ---- finding ---- */

struct _WbFinding
{
  GObject       parent_instance;

  char         *id;
  char         *check_id;
  char         *plugin_id;
  char         *title;
  WbSeverity    severity;
  char         *severity_reason;
  WbConfidence  confidence;
  GPtrArray    *assets;   /* NULL-terminated array of char* */
  GPtrArray    *evidence; /* NULL-terminated array of char* */
  WbAdvice     *advice;
};

G_DEFINE_FINAL_TYPE (WbFinding, wb_finding, G_TYPE_OBJECT)

static void
wb_finding_finalize (GObject *object)
{
  WbFinding *self = WB_FINDING (object);

  g_free (self->id);
  g_free (self->check_id);
  g_free (self->plugin_id);
  g_free (self->title);
  g_free (self->severity_reason);
  g_ptr_array_unref (self->assets);
  g_ptr_array_unref (self->evidence);
  wb_advice_free (self->advice);

  G_OBJECT_CLASS (wb_finding_parent_class)->finalize (object);
}

static void
wb_finding_class_init (WbFindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wb_finding_finalize;
}

static GPtrArray *
new_strv_array (void)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (array, NULL);
  return array;
}

static void
strv_array_append (GPtrArray *array, const char *text)
{
  /* Keep the trailing NULL so the array doubles as a GStrv. */
  array->pdata[array->len - 1] = g_strdup (text);
  g_ptr_array_add (array, NULL);
}

static void
wb_finding_init (WbFinding *self)
{
  self->id = wb_random_hex (8);
  self->assets = new_strv_array ();
  self->evidence = new_strv_array ();
  self->advice = wb_advice_new ();
  self->confidence = WB_CONFIDENCE_OBSERVED;
}

gboolean
wb_check_id_is_valid (const char *check_id)
{
  gboolean after_separator = TRUE;
  gboolean has_dot = FALSE;

  if (check_id == NULL || *check_id == '\0' || strlen (check_id) > 96)
    return FALSE;
  for (const char *p = check_id; *p; p++)
    {
      if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        after_separator = FALSE;
      else if ((*p == '.' || *p == '-') && !after_separator)
        {
          has_dot = has_dot || *p == '.';
          after_separator = TRUE;
        }
      else
        return FALSE;
    }
  return has_dot && !after_separator;
}

WbFinding *
wb_finding_new (const char *check_id, const char *title, WbSeverity severity)
{
  WbFinding *self;

  g_return_val_if_fail (wb_check_id_is_valid (check_id), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (WB_TYPE_FINDING, NULL);
  self->check_id = g_strdup (check_id);
  self->title = g_strdup (title);
  self->severity = severity;
  return self;
}

const char *
wb_finding_get_id (WbFinding *self)
{
  return self->id;
}

const char *
wb_finding_get_check_id (WbFinding *self)
{
  return self->check_id;
}

const char *
wb_finding_get_plugin_id (WbFinding *self)
{
  return self->plugin_id;
}

void
wb_finding_set_plugin_id (WbFinding *self, const char *plugin_id)
{
  g_free (self->plugin_id);
  self->plugin_id = g_strdup (plugin_id);
}

const char *
wb_finding_get_title (WbFinding *self)
{
  return self->title;
}

void
wb_finding_set_title (WbFinding *self, const char *title)
{
  g_return_if_fail (title != NULL);
  g_free (self->title);
  self->title = g_strdup (title);
}

WbSeverity
wb_finding_get_severity (WbFinding *self)
{
  return self->severity;
}

void
wb_finding_set_severity (WbFinding *self, WbSeverity severity, const char *reason)
{
  self->severity = severity;
  g_free (self->severity_reason);
  self->severity_reason = g_strdup (reason);
}

const char *
wb_finding_get_severity_reason (WbFinding *self)
{
  return self->severity_reason;
}

WbConfidence
wb_finding_get_confidence (WbFinding *self)
{
  return self->confidence;
}

void
wb_finding_set_confidence (WbFinding *self, WbConfidence confidence)
{
  self->confidence = confidence;
}

void
wb_finding_add_asset (WbFinding *self, const char *asset)
{
  g_return_if_fail (asset != NULL);
  strv_array_append (self->assets, asset);
}

const char * const *
wb_finding_get_assets (WbFinding *self)
{
  return (const char * const *) self->assets->pdata;
}

void
wb_finding_add_evidence (WbFinding *self, const char *evidence)
{
  g_return_if_fail (evidence != NULL);
  strv_array_append (self->evidence, evidence);
}

const char * const *
wb_finding_get_evidence (WbFinding *self)
{
  return (const char * const *) self->evidence->pdata;
}

const WbAdvice *
wb_finding_get_advice (WbFinding *self)
{
  return self->advice;
}

void
wb_finding_set_advice (WbFinding *self, const WbAdvice *advice)
{
  g_return_if_fail (advice != NULL);
  wb_advice_free (self->advice);
  self->advice = wb_advice_copy (advice);
}

gint
wb_finding_compare_for_plan (WbFinding *a, WbFinding *b)
{
  if (a->advice->priority != b->advice->priority)
    return a->advice->priority < b->advice->priority ? -1 : 1;
  if (a->severity != b->severity)
    return a->severity > b->severity ? -1 : 1;
  return g_strcmp0 (a->check_id, b->check_id);
}

/* ---- JSON ---- */

static JsonNode *
advice_to_json (const WbAdvice *advice)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "risk");
  json_builder_add_string_value (b, advice->risk ? advice->risk : "");
  json_builder_set_member_name (b, "step");
  json_builder_add_string_value (b, advice->step ? advice->step : "");
  json_builder_set_member_name (b, "owner");
  json_builder_add_string_value (b, wb_owner_to_string (advice->owner));
  json_builder_set_member_name (b, "priority");
  json_builder_add_string_value (b, wb_priority_to_string (advice->priority));
  json_builder_set_member_name (b, "effort");
  json_builder_add_int_value (b, advice->effort);
  json_builder_set_member_name (b, "solution");
  json_builder_add_string_value (b, wb_solution_to_string (advice->solution));
  json_builder_set_member_name (b, "references");
  json_builder_add_value (b, wb_json_strv_node ((const char * const *) advice->references));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static WbAdvice *
advice_from_json (JsonNode *node, GError **error)
{
  static const char * const members[] = {
    "risk", "step", "owner", "priority", "effort", "solution", "references", NULL
  };
  g_autoptr(WbAdvice) advice = wb_advice_new ();
  JsonObject *o = wb_json_get_object (node, "advice", error);
  gint64 effort = 1;
  int owner = advice->owner, priority = advice->priority, solution = advice->solution;

  if (o == NULL || !wb_json_check_members (o, "advice", members, error) ||
      !wb_json_get_string (o, "advice", "risk", FALSE, &advice->risk, error) ||
      !wb_json_get_string (o, "advice", "step", FALSE, &advice->step, error) ||
      !wb_json_get_enum (o, "advice", "owner", owner_table, FALSE, &owner, error) ||
      !wb_json_get_enum (o, "advice", "priority", priority_table, FALSE, &priority, error) ||
      !wb_json_get_enum (o, "advice", "solution", solution_table, FALSE, &solution, error) ||
      !wb_json_get_int (o, "advice", "effort", FALSE, &effort, error) ||
      !wb_json_get_strv (o, "advice", "references", FALSE, &advice->references, error))
    return NULL;
  if (effort < 1 || effort > 3)
    {
      g_set_error (error, WB_FINDING_ERROR, WB_FINDING_ERROR_INVALID,
                   _("In advice: the effort must be 1, 2 or 3."));
      return NULL;
    }
  advice->effort = (guint) effort;
  advice->owner = owner;
  advice->priority = priority;
  advice->solution = solution;
  return g_steal_pointer (&advice);
}

JsonNode *
wb_finding_to_json (WbFinding *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, self->id);
  json_builder_set_member_name (b, "check_id");
  json_builder_add_string_value (b, self->check_id);
  if (self->plugin_id != NULL)
    {
      json_builder_set_member_name (b, "plugin");
      json_builder_add_string_value (b, self->plugin_id);
    }
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, self->title);
  json_builder_set_member_name (b, "severity");
  json_builder_add_string_value (b, wb_severity_to_string (self->severity));
  if (self->severity_reason != NULL)
    {
      json_builder_set_member_name (b, "severity_reason");
      json_builder_add_string_value (b, self->severity_reason);
    }
  json_builder_set_member_name (b, "confidence");
  json_builder_add_string_value (b, wb_confidence_to_string (self->confidence));
  json_builder_set_member_name (b, "assets");
  json_builder_add_value (b, wb_json_strv_node (wb_finding_get_assets (self)));
  json_builder_set_member_name (b, "evidence");
  json_builder_add_value (b, wb_json_strv_node (wb_finding_get_evidence (self)));
  json_builder_set_member_name (b, "advice");
  json_builder_add_value (b, advice_to_json (self->advice));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static gboolean
finding_read_lists (WbFinding *self, JsonObject *o, GError **error)
{
  g_auto(GStrv) assets = NULL;
  g_auto(GStrv) evidence = NULL;

  if (!wb_json_get_strv (o, "finding", "assets", FALSE, &assets, error) ||
      !wb_json_get_strv (o, "finding", "evidence", FALSE, &evidence, error))
    return FALSE;
  for (guint i = 0; assets != NULL && assets[i] != NULL; i++)
    wb_finding_add_asset (self, assets[i]);
  for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
    wb_finding_add_evidence (self, evidence[i]);
  return TRUE;
}

WbFinding *
wb_finding_new_from_json (JsonNode *node, GError **error)
{
  static const char * const members[] = {
    "id", "check_id", "plugin", "title", "severity", "severity_reason", "confidence",
    "assets", "evidence", "advice", NULL
  };
  g_autoptr(WbFinding) self = g_object_new (WB_TYPE_FINDING, NULL);
  JsonObject *o = wb_json_get_object (node, "finding", error);
  int severity = 0, confidence = WB_CONFIDENCE_OBSERVED;
  WbAdvice *advice;

  if (o == NULL || !wb_json_check_members (o, "finding", members, error) ||
      !wb_json_get_string (o, "finding", "id", FALSE, &self->id, error) ||
      !wb_json_get_string (o, "finding", "check_id", TRUE, &self->check_id, error) ||
      !wb_json_get_string (o, "finding", "plugin", FALSE, &self->plugin_id, error) ||
      !wb_json_get_string (o, "finding", "title", TRUE, &self->title, error) ||
      !wb_json_get_enum (o, "finding", "severity", severity_table, TRUE, &severity, error) ||
      !wb_json_get_string (o, "finding", "severity_reason", FALSE, &self->severity_reason,
                           error) ||
      !wb_json_get_enum (o, "finding", "confidence", confidence_table, FALSE, &confidence,
                         error) ||
      !finding_read_lists (self, o, error))
    return NULL;
  if (!wb_check_id_is_valid (self->check_id))
    {
      g_set_error (error, WB_FINDING_ERROR, WB_FINDING_ERROR_INVALID,
                   _("“%s” is not a valid check id (lower-case words joined by dots "
                     "and dashes, e.g. network.rdp-exposed)."), self->check_id);
      return NULL;
    }
  self->severity = severity;
  self->confidence = confidence;
  if (json_object_has_member (o, "advice"))
    {
      advice = advice_from_json (json_object_get_member (o, "advice"), error);
      if (advice == NULL)
        return NULL;
      wb_advice_free (self->advice);
      self->advice = advice;
    }
  return g_steal_pointer (&self);
}

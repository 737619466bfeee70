/* wb-agreement.c — the signed agreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "wb-agreement.h"
#include "wb-util-private.h"

G_DEFINE_QUARK (wb-agreement-error-quark, wb_agreement_error)

static const WbEnumEntry tlp_table[] = {
  { WB_TLP_CLEAR, "clear", N_("TLP:CLEAR") },
  { WB_TLP_GREEN, "green", N_("TLP:GREEN") },
  { WB_TLP_AMBER, "amber", N_("TLP:AMBER") },
  { WB_TLP_AMBER_STRICT, "amber+strict", N_("TLP:AMBER+STRICT") },
  { WB_TLP_RED, "red", N_("TLP:RED") },
  { 0, NULL, NULL }
};

const char *
wb_tlp_to_string (WbTlp tlp)
{
  return wb_enum_to_id (tlp_table, tlp);
}

gboolean
wb_tlp_from_string (const char *text, WbTlp *out)
{
  int v;

  if (!wb_enum_from_id (tlp_table, text, &v))
    return FALSE;
  *out = v;
  return TRUE;
}

const char *
wb_tlp_get_label (WbTlp tlp)
{
  return wb_enum_to_label (tlp_table, tlp);
}

/* id, title, hint, required, standard text (untranslated here; translated on use) */
static const struct {
  const char *id;
  const char *title;
  const char *hint;
  gboolean    required;
  const char *standard;
} clause_catalogue[] = {
  { "parties", N_("Parties and roles"),
    N_("The network, the school with the responsible teacher, the company with its "
       "authorised signatory, and the students."), TRUE,
    N_("This agreement is between the regional cyber-resilience network, the school and "
       "its responsible teacher, and the company. The students named in the engagement "
       "carry out the scan under the teacher's supervision.") },
  { "method", N_("Method and what will not be done"),
    N_("How the scan works, and that there is no exploitation, no denial of service, no "
       "copying of data and no changes."), TRUE,
    N_("The students hold interviews, walk through a checklist and run automated checks "
       "from their laptop within the agreed scope. They do not exploit weaknesses, do "
       "not overload systems, do not copy company data and change nothing.") },
  { "scope", N_("Scope"),
    N_("Networks, hosts, domains, Wi-Fi networks and locations in scope; what is out of "
       "scope; third-party systems need their own consent."), TRUE,
    N_("Only the networks, hosts, domains and Wi-Fi networks listed in the scope are "
       "examined. Systems of third parties (hosting, cloud, mail) are examined only with "
       "their own written consent.") },
  { "authorisation", N_("Authorisation and indemnity"),
    N_("The company authorises the work, so it is not computer intrusion (art. 138ab "
       "Sr), and indemnifies the students for work within scope."), TRUE,
    N_("The company authorises the checks in the scope, so that they are not unlawful "
       "intrusion (article 138ab of the Criminal Code), and holds the students and the "
       "school harmless for work done within the scope.") },
  { "contact", N_("Contact person and presence"),
    N_("Who at the company guides the students and is reachable during the work."), TRUE,
    N_("The company names a contact person who is present or reachable during the work "
       "and who makes the right people available for the interviews.") },
  { "access", N_("Access to the ICT infrastructure"),
    N_("What the students may access, when and from where."), TRUE,
    N_("The students get access to the network from the company's premises during the "
       "test window, with the accounts and connections the contact person provides.") },
  { "no-changes", N_("No changes to systems"),
    N_("By default no changes are made to any system."), TRUE,
    N_("No changes are made to systems, settings or data. Anything that needs changing "
       "is written down as advice.") },
  { "test-window", N_("Test window, stop procedure and escalation"),
    N_("When the work takes place, how either side can stop it at once, and who is told "
       "about signs of an attack or compromise."), TRUE,
    N_("The work takes place within the test window. The contact person or the teacher "
       "can stop it at any moment. Signs of an ongoing attack are reported to the contact "
       "person at once.") },
  { "company-information", N_("Information from the company"),
    N_("What the company provides: network overview, list of systems, contracts."), TRUE,
    N_("The company provides the information needed for the scan, such as an overview of "
       "its network, devices, software and IT supplier.") },
  { "confidentiality", N_("Confidentiality"),
    N_("Students, teacher and network keep everything they learn confidential."), TRUE,
    N_("Everyone involved keeps confidential what they see and hear during the scan, "
       "also after the engagement ends.") },
  { "data-handling", N_("Handling of company data"),
    N_("Data is kept only in the encrypted engagement file, never in the cloud; TLP "
       "labels apply."), TRUE,
    N_("All data from the scan is kept only in the encrypted engagement file on the team's "
       "laptops, never in a cloud service. The report carries a TLP label.") },
  { "retention", N_("Storage and destruction"),
    N_("Where the data is kept, for how long, who destroys it, and that the destruction "
       "record goes to the company."), TRUE,
    N_("The encrypted engagement file is kept for the agreed retention period after the "
       "report is delivered and then destroyed. The company receives a signed destruction "
       "record.") },
  { "gdpr", N_("GDPR"),
    N_("The school acts as processor (art. 28(3) GDPR), including deletion at the end."),
    TRUE,
    N_("Where personal data is processed, the school acts as processor for the company "
       "(article 28(3) GDPR) and deletes the data at the end of the retention period.") },
  { "report", N_("The report"),
    N_("Format, TLP label, teacher sign-off, delivery."), TRUE,
    N_("The company receives a PDF report in Dutch, signed by the team and the teacher, "
       "labelled TLP:AMBER+STRICT unless agreed otherwise.") },
  { "follow-up", N_("Follow-up of the advice"),
    N_("No guarantee and no certification; no rights can be derived from the advice."),
    TRUE,
    N_("The advice is given to the best of the team's knowledge. It is no guarantee and "
       "no certification, and no rights can be derived from it.") },
  { "liability", N_("Liability and insurance"),
    N_("Who is liable for what, and how it is insured."), TRUE,
    N_("The school's liability insurance covers the students' work within the scope. "
       "Liability for indirect damage is excluded.") },
  { "costs", N_("Costs"),
    N_("What the company pays (a small fee shows commitment)."), TRUE,
    N_("The company pays the fee agreed with the network.") },
  { "aggregate-use", N_("Anonymous use of results"),
    N_("Anonymous figures for the network, with an opt-out."), TRUE,
    N_("The network may use anonymous figures (sector, size class, province, scores) to "
       "improve its workshops, unless the company opts out.") },
  { "duration-law", N_("Duration, applicable law and signatures"),
    N_("How long the agreement runs and which law applies."), TRUE,
    N_("This agreement runs until the destruction record has been delivered. Dutch law "
       "applies.") },
};

static WbClauseInfo *clause_infos;
static gsize clause_infos_ready;

static void
ensure_clause_infos (void)
{
  if (g_once_init_enter (&clause_infos_ready))
    {
      WbClauseInfo *infos = g_new0 (WbClauseInfo, G_N_ELEMENTS (clause_catalogue) + 1);

      for (guint i = 0; i < G_N_ELEMENTS (clause_catalogue); i++)
        {
          infos[i].id = clause_catalogue[i].id;
          infos[i].title = _(clause_catalogue[i].title);
          infos[i].hint = _(clause_catalogue[i].hint);
          infos[i].required = clause_catalogue[i].required;
        }
      clause_infos = infos;
      g_once_init_leave (&clause_infos_ready, 1);
    }
}

const WbClauseInfo *
wb_agreement_get_clauses (void)
{
  ensure_clause_infos ();
  return clause_infos;
}

const WbClauseInfo *
wb_agreement_lookup_clause (const char *id)
{
  const WbClauseInfo *infos = wb_agreement_get_clauses ();

  for (guint i = 0; id != NULL && infos[i].id != NULL; i++)
    if (g_str_equal (infos[i].id, id))
      return &infos[i];
  return NULL;
}

struct _WbAgreement
{
  GObject     parent_instance;

  GHashTable *clauses; /* id -> text */
  WbScope    *scope;
  guint       retention_months;
  WbTlp       tlp;
  gboolean    aggregate_consent;
  char       *window_start;
  char       *window_end;
  char       *company_signatory;
  char       *school_signatory;
  char       *signed_on;
};

G_DEFINE_FINAL_TYPE (WbAgreement, wb_agreement, G_TYPE_OBJECT)

static void
wb_agreement_finalize (GObject *object)
{
  WbAgreement *self = WB_AGREEMENT (object);

  g_hash_table_unref (self->clauses);
  g_clear_object (&self->scope);
  g_free (self->window_start);
  g_free (self->window_end);
  g_free (self->company_signatory);
  g_free (self->school_signatory);
  g_free (self->signed_on);
  G_OBJECT_CLASS (wb_agreement_parent_class)->finalize (object);
}

static void
wb_agreement_class_init (WbAgreementClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wb_agreement_finalize;
}

static void
wb_agreement_init (WbAgreement *self)
{
  self->clauses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->scope = wb_scope_new ();
  self->tlp = WB_TLP_AMBER_STRICT;
  self->aggregate_consent = TRUE;
}

WbAgreement *
wb_agreement_new (void)
{
  return g_object_new (WB_TYPE_AGREEMENT, NULL);
}

WbAgreement *
wb_agreement_new_template (void)
{
  WbAgreement *self = wb_agreement_new ();

  for (guint i = 0; i < G_N_ELEMENTS (clause_catalogue); i++)
    g_hash_table_insert (self->clauses, g_strdup (clause_catalogue[i].id),
                         g_strdup (_(clause_catalogue[i].standard)));
  self->retention_months = 6;
  return self;
}

WbAgreement *
wb_agreement_copy (WbAgreement *self)
{
  g_autoptr(JsonNode) node = wb_agreement_to_json (self);

  /* Our own JSON always parses; going through it keeps one definition of the data. */
  return wb_agreement_new_from_json (node, NULL);
}

const char *
wb_agreement_get_clause (WbAgreement *self, const char *id)
{
  return g_hash_table_lookup (self->clauses, id);
}

static gboolean
refuse_if_signed (WbAgreement *self, GError **error)
{
  if (self->signed_on == NULL)
    return FALSE;
  g_set_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_SIGNED,
               _("The agreement was signed on %s and cannot be changed. Record a new, "
                 "signed agreement instead."), self->signed_on);
  return TRUE;
}

gboolean
wb_agreement_set_clause (WbAgreement *self, const char *id, const char *text, GError **error)
{
  if (refuse_if_signed (self, error))
    return FALSE;
  if (wb_agreement_lookup_clause (id) == NULL)
    {
      g_set_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID,
                   _("“%s” is not a clause of the agreement."), id);
      return FALSE;
    }
  if (text == NULL || *text == '\0')
    g_hash_table_remove (self->clauses, id);
  else
    g_hash_table_insert (self->clauses, g_strdup (id), g_strdup (text));
  return TRUE;
}

WbScope *
wb_agreement_get_scope (WbAgreement *self)
{
  return self->scope;
}

void
wb_agreement_set_scope (WbAgreement *self, WbScope *scope)
{
  g_return_if_fail (self->signed_on == NULL);
  g_set_object (&self->scope, scope);
}

guint
wb_agreement_get_retention_months (WbAgreement *self)
{
  return self->retention_months;
}

gboolean
wb_agreement_set_retention_months (WbAgreement *self, guint months, GError **error)
{
  if (refuse_if_signed (self, error))
    return FALSE;
  /* Ten years is the longest any Dutch retention duty for this kind of data asks. */
  if (months < 1 || months > 120)
    {
      g_set_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID,
                   _("The retention period must be between 1 and 120 months."));
      return FALSE;
    }
  self->retention_months = months;
  return TRUE;
}

WbTlp
wb_agreement_get_tlp (WbAgreement *self)
{
  return self->tlp;
}

void
wb_agreement_set_tlp (WbAgreement *self, WbTlp tlp)
{
  self->tlp = tlp;
}

gboolean
wb_agreement_get_aggregate_consent (WbAgreement *self)
{
  return self->aggregate_consent;
}

void
wb_agreement_set_aggregate_consent (WbAgreement *self, gboolean consent)
{
  self->aggregate_consent = consent;
}

const char *
wb_agreement_get_window_start (WbAgreement *self)
{
  return self->window_start;
}

const char *
wb_agreement_get_window_end (WbAgreement *self)
{
  return self->window_end;
}

gboolean
wb_date_is_valid (const char *date)
{
  g_autoptr(GDate) d = NULL;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  d = g_date_new ();
  g_date_set_dmy (d, 1, 1, 2000);
  return g_date_valid_dmy (atoi (date + 8), atoi (date + 5), atoi (date));
}

gboolean
wb_agreement_set_window (WbAgreement *self, const char *start, const char *end,
                         GError **error)
{
  if (refuse_if_signed (self, error))
    return FALSE;
  if (!wb_date_is_valid (start) || !wb_date_is_valid (end) || strcmp (start, end) > 0)
    {
      g_set_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID,
                   _("The test window needs a start and end date (YYYY-MM-DD), the start "
                     "not after the end."));
      return FALSE;
    }
  g_free (self->window_start);
  g_free (self->window_end);
  self->window_start = g_strdup (start);
  self->window_end = g_strdup (end);
  return TRUE;
}

const char *
wb_agreement_get_company_signatory (WbAgreement *self)
{
  return self->company_signatory;
}

const char *
wb_agreement_get_school_signatory (WbAgreement *self)
{
  return self->school_signatory;
}

void
wb_agreement_set_signatories (WbAgreement *self, const char *company, const char *school)
{
  g_return_if_fail (self->signed_on == NULL);
  g_free (self->company_signatory);
  g_free (self->school_signatory);
  self->company_signatory = g_strdup (company);
  self->school_signatory = g_strdup (school);
}

GPtrArray *
wb_agreement_get_missing (WbAgreement *self)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);
  const WbClauseInfo *infos = wb_agreement_get_clauses ();

  for (guint i = 0; infos[i].id != NULL; i++)
    if (infos[i].required && wb_agreement_get_clause (self, infos[i].id) == NULL)
      g_ptr_array_add (missing, g_strdup_printf (_("Clause: %s"), infos[i].title));
  if (wb_scope_is_empty (self->scope))
    g_ptr_array_add (missing, g_strdup (_("The scope lists nothing to examine")));
  if (self->retention_months == 0)
    g_ptr_array_add (missing, g_strdup (_("The retention period")));
  if (self->window_start == NULL)
    g_ptr_array_add (missing, g_strdup (_("The test window")));
  if (self->company_signatory == NULL || *self->company_signatory == '\0')
    g_ptr_array_add (missing, g_strdup (_("The company's signatory")));
  if (self->school_signatory == NULL || *self->school_signatory == '\0')
    g_ptr_array_add (missing, g_strdup (_("The school's signatory (the responsible teacher)")));
  return missing;
}

gboolean
wb_agreement_mark_signed (WbAgreement *self, const char *date, GError **error)
{
  g_autoptr(GPtrArray) missing = NULL;

  if (refuse_if_signed (self, error))
    return FALSE;
  if (!wb_date_is_valid (date))
    {
      g_set_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID,
                   _("“%s” is not a date; use YYYY-MM-DD."), date ? date : "");
      return FALSE;
    }
  missing = wb_agreement_get_missing (self);
  if (missing->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < missing->len; i++)
        g_string_append_printf (list, "\n  – %s", (char *) missing->pdata[i]);
      g_set_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INCOMPLETE,
                   _("The agreement cannot be signed yet; missing:%s"), list->str);
      return FALSE;
    }
  self->signed_on = g_strdup (date);
  return TRUE;
}

gboolean
wb_agreement_is_signed (WbAgreement *self)
{
  return self->signed_on != NULL;
}

const char *
wb_agreement_get_signed_on (WbAgreement *self)
{
  return self->signed_on;
}

/* ---- JSON ---- */

static void
add_optional_string (JsonBuilder *b, const char *member, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

JsonNode *
wb_agreement_to_json (WbAgreement *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const WbClauseInfo *infos = wb_agreement_get_clauses ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "werkbank-agreement-1");
  json_builder_set_member_name (b, "clauses");
  json_builder_begin_object (b);
  for (guint i = 0; infos[i].id != NULL; i++)
    add_optional_string (b, infos[i].id, wb_agreement_get_clause (self, infos[i].id));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "scope");
  json_builder_add_value (b, wb_scope_to_json (self->scope));
  if (self->retention_months > 0)
    {
      json_builder_set_member_name (b, "retention_months");
      json_builder_add_int_value (b, self->retention_months);
    }
  json_builder_set_member_name (b, "tlp");
  json_builder_add_string_value (b, wb_tlp_to_string (self->tlp));
  json_builder_set_member_name (b, "aggregate_consent");
  json_builder_add_boolean_value (b, self->aggregate_consent);
  add_optional_string (b, "window_start", self->window_start);
  add_optional_string (b, "window_end", self->window_end);
  add_optional_string (b, "company_signatory", self->company_signatory);
  add_optional_string (b, "school_signatory", self->school_signatory);
  add_optional_string (b, "signed_on", self->signed_on);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static gboolean
read_clauses (WbAgreement *self, JsonObject *o, GError **error)
{
  JsonObject *clauses;
  g_autoptr(GList) members = NULL;

  if (!json_object_has_member (o, "clauses"))
    return TRUE;
  clauses = wb_json_get_object (json_object_get_member (o, "clauses"), _("clauses"), error);
  if (clauses == NULL)
    return FALSE;
  members = json_object_get_members (clauses);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *text = NULL;

      if (!wb_json_get_string (clauses, _("clauses"), l->data, TRUE, &text, error) ||
          !wb_agreement_set_clause (self, l->data, text, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_scope (WbAgreement *self, JsonObject *o, GError **error)
{
  WbScope *scope;

  if (!json_object_has_member (o, "scope"))
    return TRUE;
  scope = wb_scope_new_from_json (json_object_get_member (o, "scope"), error);
  if (scope == NULL)
    return FALSE;
  g_set_object (&self->scope, scope);
  g_object_unref (scope);
  return TRUE;
}

static gboolean
read_window (WbAgreement *self, JsonObject *o, GError **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (!wb_json_get_string (o, _("agreement"), "window_start", FALSE, &start, error) ||
      !wb_json_get_string (o, _("agreement"), "window_end", FALSE, &end, error))
    return FALSE;
  if (start == NULL && end == NULL)
    return TRUE;
  return wb_agreement_set_window (self, start, end, error);
}

WbAgreement *
wb_agreement_new_from_json (JsonNode *node, GError **error)
{
  static const char * const members[] = {
    "format", "clauses", "scope", "retention_months", "tlp", "aggregate_consent",
    "window_start", "window_end", "company_signatory", "school_signatory", "signed_on", NULL
  };
  g_autoptr(WbAgreement) self = wb_agreement_new ();
  JsonObject *o = wb_json_get_object (node, _("agreement"), error);
  g_autofree char *format = NULL;
  g_autofree char *signed_on = NULL;
  gint64 months = 0;
  int tlp = WB_TLP_AMBER_STRICT;

  if (o == NULL || !wb_json_check_members (o, _("agreement"), members, error) ||
      !wb_json_get_string (o, _("agreement"), "format", FALSE, &format, error))
    return NULL;
  if (format != NULL && !g_str_equal (format, "werkbank-agreement-1"))
    {
      g_set_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID,
                   _("This agreement file has format “%s”, which this version of Werkbank "
                     "does not know."), format);
      return NULL;
    }
  if (!read_clauses (self, o, error) || !read_scope (self, o, error) ||
      !read_window (self, o, error) ||
      !wb_json_get_int (o, _("agreement"), "retention_months", FALSE, &months, error) ||
      !wb_json_get_enum (o, _("agreement"), "tlp", tlp_table, FALSE, &tlp, error) ||
      !wb_json_get_bool (o, _("agreement"), "aggregate_consent", FALSE,
                         &self->aggregate_consent, error) ||
      !wb_json_get_string (o, _("agreement"), "company_signatory", FALSE,
                           &self->company_signatory, error) ||
      !wb_json_get_string (o, _("agreement"), "school_signatory", FALSE,
                           &self->school_signatory, error) ||
      !wb_json_get_string (o, _("agreement"), "signed_on", FALSE, &signed_on, error))
    return NULL;
  /* A present retention_months goes through the setter: 0 is out of range, not "unset". */
  if (json_object_has_member (o, "retention_months") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (o, "retention_months")) &&
      !wb_agreement_set_retention_months (self, (guint) CLAMP (months, 0, G_MAXUINT), error))
    return NULL;
  self->tlp = tlp;
  if (signed_on != NULL && !wb_agreement_mark_signed (self, signed_on, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* wb-company.c — the company and the people of an engagement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "wb-company.h"
#include "wb-util-private.h"

static const WbEnumEntry size_table[] = {
  { WB_SIZE_UNKNOWN, "unknown", N_("Unknown size") },
  { WB_SIZE_MICRO, "lt10", N_("Fewer than 10 staff") },
  { WB_SIZE_SMALL, "lt50", N_("10 to 49 staff") },
  { WB_SIZE_MEDIUM, "lt250", N_("50 to 249 staff") },
  { WB_SIZE_LARGE, "ge250", N_("250 staff or more") },
  { 0, NULL, NULL }
};

static const WbEnumEntry role_table[] = {
  { WB_ROLE_CONTACT, "contact", N_("Contact person") },
  { WB_ROLE_SIGNATORY, "signatory", N_("Authorised signatory") },
  { WB_ROLE_STUDENT, "student", N_("Student") },
  { WB_ROLE_TEACHER, "teacher", N_("Supervising teacher") },
  { WB_ROLE_COORDINATOR, "coordinator", N_("Network coordinator") },
  { 0, NULL, NULL }
};

static const struct { const char *id; const char *label; } provinces[] = {
  { "groningen", "Groningen" },
  { "friesland", "Fryslân" },
  { "drenthe", "Drenthe" },
  { "overijssel", "Overijssel" },
  { "flevoland", "Flevoland" },
  { "gelderland", "Gelderland" },
  { "utrecht", "Utrecht" },
  { "noord-holland", "Noord-Holland" },
  { "zuid-holland", "Zuid-Holland" },
  { "zeeland", "Zeeland" },
  { "noord-brabant", "Noord-Brabant" },
  { "limburg", "Limburg" },
};

const char *
wb_size_class_to_string (WbSizeClass size)
{
  return wb_enum_to_id (size_table, size);
}

gboolean
wb_size_class_from_string (const char *text, WbSizeClass *out)
{
  int v;

  if (!wb_enum_from_id (size_table, text, &v))
    return FALSE;
  *out = v;
  return TRUE;
}

const char *
wb_size_class_get_label (WbSizeClass size)
{
  return wb_enum_to_label (size_table, size);
}

const char *
wb_role_to_string (WbRole role)
{
  return wb_enum_to_id (role_table, role);
}

gboolean
wb_role_from_string (const char *text, WbRole *out)
{
  int v;

  if (!wb_enum_from_id (role_table, text, &v))
    return FALSE;
  *out = v;
  return TRUE;
}

const char *
wb_role_get_label (WbRole role)
{
  return wb_enum_to_label (role_table, role);
}

gboolean
wb_province_is_valid (const char *id)
{
  return wb_province_get_label (id) != NULL;
}

const char *
wb_province_get_label (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (provinces); i++)
    if (g_str_equal (provinces[i].id, id))
      return provinces[i].label; /* proper names: not translated */
  return NULL;
}

const char * const *
wb_province_list (void)
{
  static const char *ids[G_N_ELEMENTS (provinces) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
      ids[i] = provinces[i].id;
  return ids;
}

/* ---- company ---- */

G_DEFINE_BOXED_TYPE (WbCompany, wb_company, wb_company_copy, wb_company_free)

WbCompany *
wb_company_new (void)
{
  return g_new0 (WbCompany, 1);
}

WbCompany *
wb_company_copy (const WbCompany *company)
{
  WbCompany *copy = g_new0 (WbCompany, 1);

  copy->name = g_strdup (company->name);
  copy->kvk = g_strdup (company->kvk);
  copy->sbi = g_strdup (company->sbi);
  copy->size = company->size;
  copy->province = g_strdup (company->province);
  return copy;
}

void
wb_company_free (WbCompany *company)
{
  if (company == NULL)
    return;
  g_free (company->name);
  g_free (company->kvk);
  g_free (company->sbi);
  g_free (company->province);
  g_free (company);
}

gboolean
wb_kvk_is_valid (const char *kvk)
{
  if (kvk == NULL || strlen (kvk) != 8)
    return FALSE;
  for (const char *p = kvk; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* The two-digit division of an SBI code, or -1. */
static int
sbi_division (const char *sbi)
{
  guint digits = 0;

  if (sbi == NULL || !g_ascii_isdigit (sbi[0]) || !g_ascii_isdigit (sbi[1]))
    return -1;
  for (const char *p = sbi; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p != '.' || p[1] == '\0' || p[1] == '.')
        return -1;
    }
  if (digits < 2 || digits > 5)
    return -1;
  return (sbi[0] - '0') * 10 + (sbi[1] - '0');
}

gboolean
wb_sbi_is_valid (const char *sbi)
{
  return wb_sbi_get_section (sbi) != NULL;
}

const char *
wb_sbi_get_section (const char *sbi)
{
  /* SBI follows NACE: the section letter is fixed by the two-digit division. */
  static const struct { int first, last; const char *section; } sections[] = {
    { 1, 3, "A" }, { 6, 9, "B" }, { 10, 33, "C" }, { 35, 35, "D" }, { 36, 39, "E" },
    { 41, 43, "F" }, { 45, 47, "G" }, { 49, 53, "H" }, { 55, 56, "I" }, { 58, 63, "J" },
    { 64, 66, "K" }, { 68, 68, "L" }, { 69, 75, "M" }, { 77, 82, "N" }, { 84, 84, "O" },
    { 85, 85, "P" }, { 86, 88, "Q" }, { 90, 93, "R" }, { 94, 96, "S" }, { 97, 98, "T" },
    { 99, 99, "U" },
  };
  int division = sbi_division (sbi);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (division >= sections[i].first && division <= sections[i].last)
      return sections[i].section;
  return NULL;
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return FALSE;
}

gboolean
wb_company_validate (const WbCompany *company, GError **error)
{
  if (company->name == NULL || strspn (company->name, " \t\n\r\v\f") == strlen (company->name))
    return invalid (error, _("The company needs a name."));
  if (strlen (company->name) > 200)
    return invalid (error, _("The company name is longer than 200 characters."));
  if (company->kvk != NULL && !wb_kvk_is_valid (company->kvk))
    return invalid (error, _("A KvK number has exactly 8 digits."));
  if (company->sbi != NULL && !wb_sbi_is_valid (company->sbi))
    return invalid (error, _("The SBI code is not valid: use the 2 to 5 digit code from "
                             "the KvK extract, e.g. 47.11."));
  if (company->province != NULL && !wb_province_is_valid (company->province))
    return invalid (error, _("Unknown province: use one of groningen, friesland, drenthe, "
                             "overijssel, flevoland, gelderland, utrecht, noord-holland, "
                             "zuid-holland, zeeland, noord-brabant, limburg."));
  return TRUE;
}

JsonNode *
wb_company_to_json (const WbCompany *company)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, company->name);
  if (company->kvk)
    {
      json_builder_set_member_name (b, "kvk");
      json_builder_add_string_value (b, company->kvk);
    }
  if (company->sbi)
    {
      json_builder_set_member_name (b, "sbi");
      json_builder_add_string_value (b, company->sbi);
    }
  json_builder_set_member_name (b, "size");
  json_builder_add_string_value (b, wb_size_class_to_string (company->size));
  if (company->province)
    {
      json_builder_set_member_name (b, "province");
      json_builder_add_string_value (b, company->province);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

WbCompany *
wb_company_new_from_json (JsonNode *node, GError **error)
{
  static const char * const members[] = { "name", "kvk", "sbi", "size", "province", NULL };
  g_autoptr(WbCompany) company = wb_company_new ();
  JsonObject *o = wb_json_get_object (node, _("company"), error);
  int size = WB_SIZE_UNKNOWN;

  if (o == NULL || !wb_json_check_members (o, _("company"), members, error) ||
      !wb_json_get_string (o, _("company"), "name", TRUE, &company->name, error) ||
      !wb_json_get_string (o, _("company"), "kvk", FALSE, &company->kvk, error) ||
      !wb_json_get_string (o, _("company"), "sbi", FALSE, &company->sbi, error) ||
      !wb_json_get_enum (o, _("company"), "size", size_table, FALSE, &size, error) ||
      !wb_json_get_string (o, _("company"), "province", FALSE, &company->province, error))
    return NULL;
  company->size = size;
  if (!wb_company_validate (company, error))
    return NULL;
  return g_steal_pointer (&company);
}

/* ---- person ---- */

G_DEFINE_BOXED_TYPE (WbPerson, wb_person, wb_person_copy, wb_person_free)

WbPerson *
wb_person_new (const char *name, WbRole role)
{
  WbPerson *person = g_new0 (WbPerson, 1);

  person->name = g_strdup (name);
  person->role = role;
  return person;
}

WbPerson *
wb_person_copy (const WbPerson *person)
{
  WbPerson *copy = wb_person_new (person->name, person->role);

  copy->organisation = g_strdup (person->organisation);
  copy->email = g_strdup (person->email);
  copy->phone = g_strdup (person->phone);
  return copy;
}

void
wb_person_free (WbPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->name);
  g_free (person->organisation);
  g_free (person->email);
  g_free (person->phone);
  g_free (person);
}

JsonNode *
wb_person_to_json (const WbPerson *person)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, person->name);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, wb_role_to_string (person->role));
  if (person->organisation)
    {
      json_builder_set_member_name (b, "organisation");
      json_builder_add_string_value (b, person->organisation);
    }
  if (person->email)
    {
      json_builder_set_member_name (b, "email");
      json_builder_add_string_value (b, person->email);
    }
  if (person->phone)
    {
      json_builder_set_member_name (b, "phone");
      json_builder_add_string_value (b, person->phone);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

WbPerson *
wb_person_new_from_json (JsonNode *node, GError **error)
{
  static const char * const members[] = {
    "name", "role", "organisation", "email", "phone", NULL
  };
  g_autoptr(WbPerson) person = wb_person_new (NULL, WB_ROLE_CONTACT);
  JsonObject *o = wb_json_get_object (node, _("person"), error);
  int role = WB_ROLE_CONTACT;

  if (o == NULL || !wb_json_check_members (o, _("person"), members, error) ||
      !wb_json_get_string (o, _("person"), "name", TRUE, &person->name, error) ||
      !wb_json_get_enum (o, _("person"), "role", role_table, TRUE, &role, error) ||
      !wb_json_get_string (o, _("person"), "organisation", FALSE, &person->organisation,
                           error) ||
      !wb_json_get_string (o, _("person"), "email", FALSE, &person->email, error) ||
      !wb_json_get_string (o, _("person"), "phone", FALSE, &person->phone, error))
    return NULL;
  if (*person->name == '\0')
    {
      invalid (error, _("A person needs a name."));
      return NULL;
    }
  person->role = role;
  return g_steal_pointer (&person);
}

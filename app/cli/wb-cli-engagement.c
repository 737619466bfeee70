/* wb-cli-engagement.c — create, show, company, person, agreement, audit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "wb-cli-common.h"

/* ---- create ---- */

int
wb_cli_create (int argc, char **argv)
{
  g_autofree char *member = NULL;
  const GOptionEntry entries[] = {
    { "member", 'm', 0, G_OPTION_ARG_STRING, &member,
      N_("Your name: the first key slot is yours (required)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE"), _("Create a new, encrypted engagement file."), entries);
  g_autoptr(WbSecret) passphrase = NULL;
  g_autoptr(WbEngagement) engagement = NULL;
  GError *error = NULL;
  int code;

  /* Only --passphrase-file: a new engagement is opened with a passphrase, not a key. */
  g_option_context_add_main_entries (context, wb_cli_open_entries + 1, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return wb_cli_usage (context, _("Name one engagement file to create."));
  if (member == NULL || *member == '\0')
    return wb_cli_usage (context, _("Say who you are with --member NAME."));
  passphrase = wb_cli_read_passphrase (_("New passphrase: "), TRUE, NULL, &error);
  if (passphrase == NULL)
    return wb_cli_fail (error);
  engagement = wb_engagement_create (argv[1], member, passphrase, NULL, &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  g_print (_("Created %s (engagement id %s), key slot for %s.\n"), argv[1],
           wb_vault_get_id (wb_engagement_get_vault (engagement)), member);
  return WB_EXIT_OK;
}

/* ---- show ---- */

/* "a, b, c", or @none when the list is empty. */
static char *
join_or (GStrv items, const char *none)
{
  return items[0] ? g_strjoinv (", ", items) : g_strdup (none);
}

static void
print_list (const char *title, GPtrArray *items)
{
  g_print ("%s\n", title);
  for (guint i = 0; i < items->len; i++)
    g_print ("  – %s\n", (char *) items->pdata[i]);
}

static void
print_company (WbEngagement *engagement)
{
  const WbCompany *company = wb_engagement_get_company (engagement);

  if (company == NULL)
    {
      g_print (_("Company: not recorded yet\n"));
      return;
    }
  g_print (_("Company: %s\n"), company->name);
  if (company->kvk)
    g_print (_("  KvK: %s\n"), company->kvk);
  if (company->sbi)
    g_print (_("  SBI: %s (section %s)\n"), company->sbi, wb_sbi_get_section (company->sbi));
  g_print (_("  Size: %s\n"), wb_size_class_get_label (company->size));
  if (company->province)
    g_print (_("  Province: %s\n"), wb_province_get_label (company->province));
}

static void
print_people (WbEngagement *engagement)
{
  GPtrArray *people = wb_engagement_get_people (engagement);

  g_print (_("People:\n"));
  for (guint i = 0; i < people->len; i++)
    {
      WbPerson *p = people->pdata[i];

      g_print ("  – %s (%s%s%s)\n", p->name, wb_role_get_label (p->role),
               p->organisation ? ", " : "", p->organisation ? p->organisation : "");
    }
}

static void
print_agreement (WbEngagement *engagement)
{
  WbAgreement *agreement = wb_engagement_get_agreement (engagement);
  WbScope *scope = wb_agreement_get_scope (agreement);
  g_auto(GStrv) targets = wb_scope_get_targets (scope);
  g_auto(GStrv) excluded = wb_scope_get_exclusions (scope);
  g_auto(GStrv) plugins = wb_scope_get_plugins (scope);
  g_autofree char *target_text = join_or (targets, _("(empty)"));
  g_autofree char *excluded_text = join_or (excluded, "");
  g_autofree char *plugin_text = join_or (plugins, _("none"));

  if (wb_agreement_is_signed (agreement))
    g_print (_("Agreement: signed on %s\n"), wb_agreement_get_signed_on (agreement));
  else
    g_print (_("Agreement: not signed\n"));
  g_print (_("  Scope: %s\n"), target_text);
  if (excluded[0])
    g_print (_("  Excluded: %s\n"), excluded_text);
  g_print (_("  Allowed: %s checks; plugins: %s\n"),
           wb_activity_get_label (wb_scope_get_max_activity (scope)), plugin_text);
  g_print (_("  Retention: %u months; report label %s\n"),
           wb_agreement_get_retention_months (agreement),
           wb_tlp_get_label (wb_agreement_get_tlp (agreement)));
}

int
wb_cli_show (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE"), _("Show where an engagement stands."), wb_cli_open_entries);
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_auto(GStrv) enabled = NULL;
  g_autofree char *enabled_text = NULL;
  int code;

  engagement = wb_cli_parse_and_open (context, &argc, &argv, &code);
  if (engagement == NULL)
    return code;

  g_print (_("Engagement %s\n"), wb_vault_get_id (wb_engagement_get_vault (engagement)));
  g_print (_("Stage: %s\n"), wb_stage_get_label (wb_engagement_get_stage (engagement)));
  print_company (engagement);
  print_people (engagement);
  print_agreement (engagement);
  enabled = wb_engagement_get_enabled_plugins (engagement);
  enabled_text = join_or (enabled, _("none"));
  g_print (_("Plugins switched on: %s\n"), enabled_text);
  g_print (_("Findings: %u\n"), wb_engagement_get_findings (engagement)->len);
  missing = wb_engagement_get_missing (engagement);
  if (missing->len > 0)
    print_list (_("Still to do:"), missing);
  return WB_EXIT_OK;
}

/* ---- company ---- */

int
wb_cli_company (int argc, char **argv)
{
  g_autofree char *name = NULL, *kvk = NULL, *sbi = NULL, *size = NULL, *province = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Company name (required)"), N_("NAME") },
    { "kvk", 0, 0, G_OPTION_ARG_STRING, &kvk, N_("KvK number (8 digits)"), N_("NUMBER") },
    { "sbi", 0, 0, G_OPTION_ARG_STRING, &sbi, N_("SBI code, e.g. 47.11"), N_("CODE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size,
      N_("Size class: lt10, lt50, lt250 or ge250"), N_("CLASS") },
    { "province", 0, 0, G_OPTION_ARG_STRING, &province,
      N_("Province, e.g. groningen or noord-brabant"), N_("PROVINCE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE"), _("Record the company's details."), entries);
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(WbCompany) company = wb_company_new ();
  GError *error = NULL;
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return wb_cli_usage (context, _("Name one engagement file."));
  company->name = g_strdup (name);
  company->kvk = g_strdup (kvk);
  company->sbi = g_strdup (sbi);
  company->province = g_strdup (province);
  if (size != NULL && !wb_size_class_from_string (size, &company->size))
    return wb_cli_usage (context, _("--size takes lt10, lt50, lt250 or ge250."));
  if (!wb_company_validate (company, &error))
    return wb_cli_fail (error);
  engagement = wb_cli_open (argv[1], &error);
  if (engagement == NULL || !wb_engagement_set_company (engagement, company, &error))
    return wb_cli_fail (error);
  g_print (_("Saved the company's details.\n"));
  return WB_EXIT_OK;
}

/* ---- person ---- */

static int
person_add (GOptionContext *context, int argc, char **argv, const char *role_text,
            const char *organisation, const char *email, const char *phone)
{
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(WbPerson) person = NULL;
  GError *error = NULL;
  WbRole role;

  if (argc != 4)
    return wb_cli_usage (context, _("Use: person add FILE NAME --role ROLE"));
  if (role_text == NULL || !wb_role_from_string (role_text, &role))
    return wb_cli_usage (context, _("--role takes contact, signatory, student, teacher or "
                                    "coordinator."));
  person = wb_person_new (argv[3], role);
  person->organisation = g_strdup (organisation);
  person->email = g_strdup (email);
  person->phone = g_strdup (phone);
  engagement = wb_cli_open (argv[2], &error);
  if (engagement == NULL || !wb_engagement_add_person (engagement, person, &error))
    return wb_cli_fail (error);
  g_print (_("Added %s.\n"), person->name);
  return WB_EXIT_OK;
}

int
wb_cli_person (int argc, char **argv)
{
  g_autofree char *role = NULL, *organisation = NULL, *email = NULL, *phone = NULL;
  const GOptionEntry entries[] = {
    { "role", 'r', 0, G_OPTION_ARG_STRING, &role,
      N_("contact, signatory, student, teacher or coordinator"), N_("ROLE") },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_("School, company or network"), N_("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("E-mail address"), N_("ADDRESS") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Phone number"), N_("NUMBER") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("add|remove FILE NAME"),
                        _("Add or remove a person: the company's contact or signatory, a "
                          "student, the teacher."), entries);
  g_autoptr(WbEngagement) engagement = NULL;
  GError *error = NULL;
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return person_add (context, argc, argv, role, organisation, email, phone);
  if (argc != 4 || !g_str_equal (argv[1], "remove"))
    return wb_cli_usage (context, _("Use: person add|remove FILE NAME"));
  engagement = wb_cli_open (argv[2], &error);
  if (engagement == NULL || !wb_engagement_remove_person (engagement, argv[3], &error))
    return wb_cli_fail (error);
  g_print (_("Removed %s.\n"), argv[3]);
  return WB_EXIT_OK;
}

/* ---- agreement ---- */

static int
agreement_set (const char *path, const char *json_path)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(WbAgreement) agreement = NULL;
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  GError *error = NULL;

  node = wb_cli_read_json (json_path, &error);
  if (node == NULL)
    return wb_cli_fail (error);
  agreement = wb_agreement_new_from_json (node, &error);
  if (agreement == NULL)
    {
      g_prefix_error (&error, _("In %s: "), json_path);
      return wb_cli_fail (error);
    }
  engagement = wb_cli_open (path, &error);
  if (engagement == NULL || !wb_engagement_set_agreement (engagement, agreement, &error))
    return wb_cli_fail (error);
  g_print (_("Saved the agreement.\n"));
  missing = wb_agreement_get_missing (agreement);
  if (!wb_agreement_is_signed (agreement) && missing->len > 0)
    print_list (_("Before it can be signed, it still needs:"), missing);
  return WB_EXIT_OK;
}

static int
agreement_sign (const char *path, const char *date)
{
  g_autoptr(WbEngagement) engagement = NULL;
  GError *error = NULL;

  engagement = wb_cli_open (path, &error);
  if (engagement == NULL || !wb_engagement_sign_agreement (engagement, date, &error))
    return wb_cli_fail (error);
  g_print (_("The agreement is recorded as signed on %s.\n"), date);
  return WB_EXIT_OK;
}

static int
agreement_show (const char *path, const char *output)
{
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  engagement = wb_cli_open (path, &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  node = wb_agreement_to_json (wb_engagement_get_agreement (engagement));
  if (!wb_cli_write_json (node, output, &error))
    return wb_cli_fail (error);
  return WB_EXIT_OK;
}

int
wb_cli_agreement (int argc, char **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Signature date for sign (YYYY-MM-DD)"),
      N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of the "
      "screen"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("template | set FILE AGREEMENT.json | sign FILE --date DATE | "
                          "show FILE"),
                        _("Prepare, record and sign the agreement. “template” writes the "
                          "network's standard clauses as a file to fill in."), entries);
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc == 2 && g_str_equal (argv[1], "template"))
    {
      g_autoptr(WbAgreement) agreement = wb_agreement_new_template ();
      g_autoptr(JsonNode) node = wb_agreement_to_json (agreement);
      GError *error = NULL;

      if (!wb_cli_write_json (node, output, &error))
        return wb_cli_fail (error);
      return WB_EXIT_OK;
    }
  if (argc == 4 && g_str_equal (argv[1], "set"))
    return agreement_set (argv[2], argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "sign"))
    {
      if (date == NULL)
        return wb_cli_usage (context, _("Give the date it was signed with --date YYYY-MM-DD."));
      return agreement_sign (argv[2], date);
    }
  if (argc == 3 && g_str_equal (argv[1], "show"))
    return agreement_show (argv[2], output);
  return wb_cli_usage (context, _("Use: agreement template | set | sign | show"));
}

/* ---- audit ---- */

int
wb_cli_audit (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE"), _("Show who changed what, and when."), wb_cli_open_entries);
  g_autoptr(WbEngagement) engagement = NULL;
  GPtrArray *audit;
  int code;

  engagement = wb_cli_parse_and_open (context, &argc, &argv, &code);
  if (engagement == NULL)
    return code;
  audit = wb_engagement_get_audit (engagement);
  for (guint i = 0; i < audit->len; i++)
    {
      WbAuditEntry *entry = audit->pdata[i];
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (entry->time);
      g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d %H:%M:%S");

      g_print ("%s  %-20s  %s\n", stamp, entry->actor, entry->summary ? entry->summary :
               entry->action);
    }
  return WB_EXIT_OK;
}

/* wb-cli-findings.c — findings: the action plan, review (edit, remove), duplicates (merge)
 *
 * Everything the GUI's findings page does, from a terminal: each change goes through
 * the same core call, with the reason the teacher reads in the audit trail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "wb-cli-common.h"

/* After the engagement opened, an invalid change is bad input (exit 6), not a file
 * that cannot be opened. */
static int
findings_fail (GError *error)
{
  if (g_error_matches (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_INVALID))
    {
      g_printerr ("werkbank-cli: %s\n", error->message);
      g_error_free (error);
      return WB_EXIT_INVALID;
    }
  return wb_cli_fail (error);
}

static void
print_finding (WbEngagement *engagement, WbFinding *finding)
{
  const WbAdvice *advice = wb_finding_get_advice (finding);
  const char * const *assets = wb_finding_get_assets (finding);
  const char *severity_reason = wb_finding_get_severity_reason (finding);
  g_auto(GStrv) merged = wb_engagement_get_merged_checks (engagement,
                                                          wb_finding_get_id (finding));

  g_print ("[%s] %s — %s\n", wb_severity_get_label (wb_finding_get_severity (finding)),
           wb_finding_get_check_id (finding), wb_finding_get_title (finding));
  g_print (_("    Id: %s\n"), wb_finding_get_id (finding));
  if (assets[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) assets);

      g_print (_("    Where: %s\n"), joined);
    }
  if (severity_reason != NULL && *severity_reason != '\0')
    g_print (_("    Why this severity: %s\n"), severity_reason);
  if (merged[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", merged);

      g_print (_("    Merged from: %s\n"), joined);
    }
  if (advice->step != NULL && *advice->step != '\0')
    g_print (_("    What to do: %s\n"), advice->step);
  g_print (_("    Who: %s · When: %s · Confidence: %s\n"),
           wb_owner_get_label (advice->owner), wb_priority_get_label (advice->priority),
           wb_confidence_get_label (wb_finding_get_confidence (finding)));
}

static int
findings_list (WbEngagement *engagement, gboolean json)
{
  g_autoptr(GPtrArray) plan = NULL;
  GError *error = NULL;

  if (json)
    {
      g_autoptr(JsonNode) node = wb_engagement_findings_to_json (engagement);

      return wb_cli_write_json (node, NULL, &error) ? WB_EXIT_OK : wb_cli_fail (error);
    }
  plan = wb_engagement_get_action_plan (engagement);
  for (guint i = 0; i < plan->len; i++)
    print_finding (engagement, plan->pdata[i]);
  if (plan->len == 0)
    g_print (_("No findings yet.\n"));
  return WB_EXIT_OK;
}

/* ---- edit ---- */

typedef struct {
  char *severity;
  char *title;
  char *risk;
  char *step;
  char *owner;
  char *priority;
  char *solution;
  gint  effort;
  char *reason;
} EditOptions;

static void
edit_options_clear (EditOptions *options)
{
  g_free (options->severity);
  g_free (options->title);
  g_free (options->risk);
  g_free (options->step);
  g_free (options->owner);
  g_free (options->priority);
  g_free (options->solution);
  g_free (options->reason);
}

/* A copy to change: the live finding stays as it is until the change is saved. */
static WbFinding *
copy_finding (WbFinding *finding)
{
  g_autoptr(JsonNode) node = wb_finding_to_json (finding);

  return wb_finding_new_from_json (node, NULL);
}

static gboolean
invalid_value (GError **error, const char *option, const char *allowed)
{
  g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_INVALID,
               _("%s takes %s."), option, allowed);
  return FALSE;
}

/* Applies the options given to @finding's copy; FALSE names the first bad value. */
static gboolean
apply_edit (WbFinding *finding, const EditOptions *o, GError **error)
{
  g_autoptr(WbAdvice) advice = wb_advice_copy (wb_finding_get_advice (finding));
  WbSeverity severity;

  if (o->severity != NULL)
    {
      if (!wb_severity_from_string (o->severity, &severity))
        return invalid_value (error, "--severity", "info, low, medium, high or critical");
      wb_finding_set_severity (finding, severity, o->reason);
    }
  if (o->title != NULL)
    wb_finding_set_title (finding, o->title);
  if (o->risk != NULL)
    {
      g_free (advice->risk);
      advice->risk = g_strdup (o->risk);
    }
  if (o->step != NULL)
    {
      g_free (advice->step);
      advice->step = g_strdup (o->step);
    }
  if (o->owner != NULL && !wb_owner_from_string (o->owner, &advice->owner))
    return invalid_value (error, "--owner", "company or supplier");
  if (o->priority != NULL && !wb_priority_from_string (o->priority, &advice->priority))
    return invalid_value (error, "--priority", "now, quarter or replacement");
  if (o->solution != NULL && !wb_solution_from_string (o->solution, &advice->solution))
    return invalid_value (error, "--solution",
                          "vendor-fix, workaround, mitigation, organisational or "
                          "none-available");
  if (o->effort != 0)
    {
      if (o->effort < 1 || o->effort > 3)
        return invalid_value (error, "--effort", "1, 2 or 3");
      advice->effort = (guint) o->effort;
    }
  wb_finding_set_advice (finding, advice);
  return TRUE;
}

static gboolean
edit_has_change (const EditOptions *o)
{
  return o->severity || o->title || o->risk || o->step || o->owner || o->priority ||
         o->solution || o->effort != 0;
}

static int
findings_edit (GOptionContext *context, int argc, char **argv, const EditOptions *options)
{
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(WbFinding) copy = NULL;
  WbFinding *finding;
  GError *error = NULL;

  if (argc != 4)
    return wb_cli_usage (context, _("Use: findings edit FILE ID --reason TEXT and what to "
                                    "change (--severity, --title, --step, ...)"));
  if (!edit_has_change (options))
    return wb_cli_usage (context, _("Say what to change: --severity, --title, --risk, "
                                    "--step, --owner, --priority, --solution or --effort."));
  engagement = wb_cli_open (argv[2], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  finding = wb_engagement_lookup_finding (engagement, argv[3]);
  if (finding == NULL)
    {
      g_printerr (_("werkbank-cli: There is no finding with id %s.\n"), argv[3]);
      return WB_EXIT_NOT_FOUND;
    }
  copy = copy_finding (finding);
  if (!apply_edit (copy, options, &error) ||
      !wb_engagement_update_finding (engagement, copy, options->reason, &error))
    return findings_fail (error);
  g_print (_("Changed %s (%s).\n"), wb_finding_get_check_id (copy), argv[3]);
  return WB_EXIT_OK;
}

/* ---- remove, merge, duplicates ---- */

static int
findings_remove (GOptionContext *context, int argc, char **argv, const char *reason)
{
  g_autoptr(WbEngagement) engagement = NULL;
  GError *error = NULL;

  if (argc != 4)
    return wb_cli_usage (context, _("Use: findings remove FILE ID --reason TEXT"));
  engagement = wb_cli_open (argv[2], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  if (!wb_engagement_remove_finding (engagement, argv[3], reason, &error))
    return findings_fail (error);
  g_print (_("Removed finding %s.\n"), argv[3]);
  return WB_EXIT_OK;
}

static int
findings_merge (GOptionContext *context, int argc, char **argv, const char *reason)
{
  g_autoptr(WbEngagement) engagement = NULL;
  GError *error = NULL;

  if (argc < 5)
    return wb_cli_usage (context, _("Use: findings merge FILE KEEP-ID OTHER-ID... --reason "
                                    "TEXT"));
  engagement = wb_cli_open (argv[2], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  if (!wb_engagement_merge_findings (engagement, argv[3], (const char * const *) argv + 4,
                                     reason, &error))
    return findings_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Merged %d finding into %s.\n",
                        "Merged %d findings into %s.\n", argc - 4), argc - 4, argv[3]);
  return WB_EXIT_OK;
}

static JsonNode *
groups_to_json (GPtrArray *groups)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "werkbank-duplicates-1");
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint i = 0; i < groups->len; i++)
    {
      GStrv group = groups->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "keep");
      json_builder_add_string_value (b, group[0]);
      json_builder_set_member_name (b, "merge");
      json_builder_begin_array (b);
      for (guint j = 1; group[j] != NULL; j++)
        json_builder_add_string_value (b, group[j]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_group_member (WbEngagement *engagement, const char *id, gboolean keep)
{
  WbFinding *finding = wb_engagement_lookup_finding (engagement, id);
  g_autofree char *assets = g_strjoinv (", ", (char **) wb_finding_get_assets (finding));

  /* TRANSLATORS: the first word of a line in a group of possible duplicates */
  g_print ("  %s: %s [%s] %s — %s\n", keep ? _("keep") : _("merge"), id,
           wb_severity_get_label (wb_finding_get_severity (finding)),
           wb_finding_get_check_id (finding), assets);
}

static int
findings_duplicates (GOptionContext *context, int argc, char **argv, gboolean json)
{
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  GError *error = NULL;

  if (argc != 3)
    return wb_cli_usage (context, _("Use: findings duplicates FILE [--json]"));
  engagement = wb_cli_open (argv[2], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  groups = wb_engagement_find_duplicates (engagement);
  if (json)
    {
      g_autoptr(JsonNode) node = groups_to_json (groups);

      return wb_cli_write_json (node, NULL, &error) ? WB_EXIT_OK : wb_cli_fail (error);
    }
  if (groups->len == 0)
    g_print (_("No possible duplicates.\n"));
  for (guint i = 0; i < groups->len; i++)
    {
      GStrv group = groups->pdata[i];

      g_print (_("Possible duplicate %u:\n"), i + 1);
      for (guint j = 0; group[j] != NULL; j++)
        print_group_member (engagement, group[j], j == 0);
    }
  return WB_EXIT_OK;
}

static const char * const subcommands[] = { "edit", "remove", "merge", "duplicates", NULL };

int
wb_cli_findings (int argc, char **argv)
{
  gboolean json = FALSE;
  EditOptions o = { 0 };
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print as JSON"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &o.reason,
      N_("Why (edit, remove, merge; required, shown in the audit trail)"), N_("TEXT") },
    { "severity", 0, 0, G_OPTION_ARG_STRING, &o.severity,
      N_("info, low, medium, high or critical"), N_("SEVERITY") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o.title, N_("The finding's title"), N_("TEXT") },
    { "risk", 0, 0, G_OPTION_ARG_STRING, &o.risk, N_("The risk in plain words"), N_("TEXT") },
    { "step", 0, 0, G_OPTION_ARG_STRING, &o.step, N_("What to do"), N_("TEXT") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &o.owner, N_("company or supplier"), N_("OWNER") },
    { "priority", 0, 0, G_OPTION_ARG_STRING, &o.priority, N_("now, quarter or replacement"),
      N_("PRIORITY") },
    { "solution", 0, 0, G_OPTION_ARG_STRING, &o.solution,
      N_("vendor-fix, workaround, mitigation, organisational or none-available"),
      N_("TYPE") },
    { "effort", 0, 0, G_OPTION_ARG_INT, &o.effort, N_("1, 2 or 3 (€, €€, €€€)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("[edit|remove|merge|duplicates] FILE [ID...]"),
                        _("List the findings as an action plan: most urgent first. Review "
                          "them: edit ID (severity, advice), remove ID, merge KEEP-ID "
                          "OTHER-ID..., each with --reason; duplicates lists possible "
                          "doubles."), entries);
  g_autoptr(WbEngagement) engagement = NULL;
  GError *error = NULL;
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    {
      edit_options_clear (&o);
      return code;
    }
  if (argc >= 2 && g_strv_contains (subcommands, argv[1]))
    {
      if (g_str_equal (argv[1], "edit"))
        code = findings_edit (context, argc, argv, &o);
      else if (g_str_equal (argv[1], "remove"))
        code = findings_remove (context, argc, argv, o.reason);
      else if (g_str_equal (argv[1], "merge"))
        code = findings_merge (context, argc, argv, o.reason);
      else
        code = findings_duplicates (context, argc, argv, json);
      edit_options_clear (&o);
      return code;
    }
  edit_options_clear (&o);
  if (argc != 2)
    return wb_cli_usage (context, _("Name one engagement file."));
  engagement = wb_cli_open (argv[1], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  return findings_list (engagement, json);
}

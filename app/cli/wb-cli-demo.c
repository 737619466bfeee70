/* wb-cli-demo.c — the demo engagement against the built-in lab company
 *
 * The README's main job. It goes through an engagement the way a team does: create the
 * encrypted file, record the company, the people and the signed agreement with its
 * scope, give the teacher a key-file slot, run the plugins the agreement allows, and show
 * the action plan. Later parts (lab scan, report, signatures) extend it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "wb-cli-common.h"
#include "wb-file.h"
#include "wb-identity.h"
#include "wb-pdf-sign.h"
#include "wb-pdf-writer.h"
#include "wb-plugin-host.h"
#include "wb-questionnaire.h"
#include "wb-report.h"
#include "wb-aggregate.h"
#include "wb-file.h"

/* The lab company is fictitious; its passphrase is printed on purpose. */
#define DEMO_PASSPHRASE "werkbank-demo-lab"
#define DEMO_FILE "lab-company.wbv"
#define DEMO_TEACHER_KEY "teacher.key"
#define DEMO_REPORT "lab-company-report.pdf"
#define DEMO_SIGNED_REPORT "lab-company-report-signed.pdf"
#define DEMO_AGGREGATE "lab-company-aggregate.json"
#define DEMO_SCHOOL_CA "school-ca.wbid"
#define DEMO_SCHOOL_CA_PEM "school-ca.pem"
#define DEMO_TEAM_ID "team.wbid"
#define DEMO_TEACHER_ID "teacher.wbid"

static gboolean
demo_company (WbEngagement *engagement, GError **error)
{
  g_autoptr(WbCompany) company = wb_company_new ();

  company->name = g_strdup ("Bakkerij De Proefkeuken B.V.");
  company->kvk = g_strdup ("90000001");
  company->sbi = g_strdup ("10.71");
  company->size = WB_SIZE_MICRO;
  company->province = g_strdup ("groningen");
  return wb_engagement_set_company (engagement, company, error);
}

static gboolean
demo_people (WbEngagement *engagement, GError **error)
{
  static const struct { const char *name; WbRole role; const char *org; } people[] = {
    { "Kees Bakker", WB_ROLE_SIGNATORY, "Bakkerij De Proefkeuken B.V." },
    { "Anouk Bakker", WB_ROLE_CONTACT, "Bakkerij De Proefkeuken B.V." },
    { "Sanne de Vries", WB_ROLE_STUDENT, "Lab College" },
    { "Mohammed El Amrani", WB_ROLE_STUDENT, "Lab College" },
    { "Petra Jansen", WB_ROLE_TEACHER, "Lab College" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(WbPerson) person = wb_person_new (people[i].name, people[i].role);

      person->organisation = g_strdup (people[i].org);
      if (!wb_engagement_add_person (engagement, person, error))
        return FALSE;
    }
  return TRUE;
}

static char *
date_in_days (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* The five parts of a scan, in the order a team works through them. Only these run in
 * the demo: other plugins found (the test suite's self-test, a student's own) stay out
 * of the lab company's report. */
static const char * const mission_plugins[] = {
  "network", "access-control", "patching", "avg", "friendly-hack", NULL
};

static gboolean
demo_agreement (WbEngagement *engagement, WbPluginHost *host, GError **error)
{
  g_autoptr(WbAgreement) agreement = wb_agreement_new_template ();
  g_autoptr(WbScope) scope = wb_scope_new ();
  g_autofree char *today = date_in_days (0);
  g_autofree char *end = date_in_days (2);

  /* The lab network lives in 198.18.0.0/15, the benchmarking range: never a real host. */
  if (!wb_scope_add (scope, "198.18.0.0/24", error) ||
      !wb_scope_add (scope, "198.18.1.0/24", error) ||
      !wb_scope_exclude (scope, "198.18.0.250/31", error) ||
      !wb_scope_add_domain (scope, "proefkeuken.test", error) ||
      !wb_scope_add_ssid (scope, "Proefkeuken-Kantoor", error))
    return FALSE;
  wb_scope_set_max_activity (scope, WB_ACTIVITY_ACTIVE);
  for (guint i = 0; mission_plugins[i] != NULL; i++)
    wb_scope_allow_plugin (scope, mission_plugins[i]);
  wb_agreement_set_scope (agreement, scope);
  wb_agreement_set_signatories (agreement, "Kees Bakker", "Petra Jansen");
  if (!wb_agreement_set_window (agreement, today, end, error) ||
      !wb_engagement_set_agreement (engagement, agreement, error))
    return FALSE;
  return wb_engagement_sign_agreement (engagement, today, error);
}

static gboolean
demo_teacher_slot (WbEngagement *engagement, const char *dir, GError **error)
{
  g_autofree char *path = g_build_filename (dir, DEMO_TEACHER_KEY, NULL);
  g_autoptr(WbX25519Key) key = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    key = wb_x25519_key_load (path, error);
  else
    {
      key = wb_x25519_key_generate (error);
      if (key != NULL && !wb_x25519_key_save (key, path, error))
        return FALSE;
    }
  if (key == NULL)
    return FALSE;
  return wb_vault_add_public_key_slot (wb_engagement_get_vault (engagement), "Petra Jansen",
                                       wb_x25519_key_get_public (key), NULL, error);
}

typedef struct {
  GMainLoop *loop;
  GError    *error;
} DemoRun;

static void
demo_run_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DemoRun *run = user_data;

  wb_plugin_host_run_finish (WB_PLUGIN_HOST (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
demo_run_plugins (WbEngagement *engagement, WbPluginHost *host, GError **error)
{
  guint n_run = 0;

  for (guint i = 0; mission_plugins[i] != NULL; i++)
    {
      const char *id = mission_plugins[i];
      g_autoptr(WbPlugin) plugin = NULL;
      g_autoptr(GError) load_error = NULL;
      DemoRun run = { NULL, NULL };

      /* The network scan sends packets: only into the lab, which build-aux/demo.sh
       * brings up (as root) and marks with WERKBANK_DEMO_LAB=1 inside its namespace. */
      if (g_str_equal (id, "network") && g_strcmp0 (g_getenv ("WERKBANK_DEMO_LAB"), "1") != 0)
        {
          g_print (_("• Skipping the network scan: the lab network is not up (run "
                     "build-aux/demo.sh as root to scan it).\n"));
          continue;
        }
      plugin = wb_plugin_host_get_plugin (host, id, &load_error);
      if (plugin == NULL)
        {
          /* One broken plugin should not stop the rest of the demo; say so plainly. */
          g_printerr (_("werkbank-cli: skipping %s: %s\n"), id, load_error->message);
          continue;
        }
      if (!wb_engagement_set_plugin_enabled (engagement, id, TRUE, error))
        return FALSE;
      g_print (_("• Running %s …\n"), wb_plugin_get_title (plugin));
      run.loop = g_main_loop_new (NULL, FALSE);
      wb_plugin_host_run_async (host, engagement, plugin, NULL, NULL, demo_run_done, &run);
      g_main_loop_run (run.loop);
      g_main_loop_unref (run.loop);
      if (run.error != NULL)
        {
          g_propagate_error (error, run.error);
          return FALSE;
        }
      n_run++;
    }

  /* A demo without a single check would end in an empty report: that is no demo. */
  if (n_run == 0)
    {
      g_set_error (error, WB_PLUGIN_ERROR, WB_PLUGIN_ERROR_NOT_FOUND,
                   _("No plugin could be loaded, so the demo has nothing to check. Run it "
                     "with build-aux/demo.sh, or set WERKBANK_PLUGIN_PATH to the folder "
                     "with the plugins."));
      return FALSE;
    }
  return TRUE;
}

/* In the lab the network scan and the access checks both see the open services (Telnet,
 * RDP, anonymous FTP, admin pages): the team merges those doubles, with the reason in
 * the audit trail, so the company reads each problem once (docs/engagement-format.md). */
static gboolean
demo_merge_duplicates (WbEngagement *engagement, GError **error)
{
  g_autoptr(GPtrArray) groups = wb_engagement_find_duplicates (engagement);

  for (guint i = 0; i < groups->len; i++)
    {
      GStrv group = groups->pdata[i];

      if (!wb_engagement_merge_findings (engagement, group[0], (const char * const *) group + 1,
                                         _("The network scan and the access checks saw "
                                           "the same service"), error))
        return FALSE;
    }
  if (groups->len > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "• Merged %u double of the network scan and the access checks.\n",
                          "• Merged %u doubles of the network scan and the access checks.\n",
                          groups->len), groups->len);
  return TRUE;
}

static void
demo_summary (WbEngagement *engagement)
{
  g_autoptr(GPtrArray) plan = wb_engagement_get_action_plan (engagement);

  g_print (_("\nAction plan (%u findings, most urgent first):\n"), plan->len);
  for (guint i = 0; i < plan->len; i++)
    {
      WbFinding *finding = plan->pdata[i];
      const WbAdvice *advice = wb_finding_get_advice (finding);

      const char * const *assets = wb_finding_get_assets (finding);

      g_print ("  %u. [%s] %s%s%s\n", i + 1,
               wb_severity_get_label (wb_finding_get_severity (finding)),
               wb_finding_get_title (finding), assets[0] ? ": " : "",
               assets[0] ? assets[0] : "");
      if (advice->step != NULL && *advice->step != '\0')
        g_print ("     %s\n", advice->step);
    }
  g_print (_("\nStage: %s\n"), wb_stage_get_label (wb_engagement_get_stage (engagement)));
}

static gboolean
demo_check_teacher (const char *path, const char *dir, GError **error)
{
  g_autofree char *key_path = g_build_filename (dir, DEMO_TEACHER_KEY, NULL);
  g_autoptr(WbX25519Key) key = wb_x25519_key_load (key_path, error);
  g_autoptr(WbEngagement) as_teacher = NULL;

  if (key == NULL)
    return FALSE;
  as_teacher = wb_engagement_open_with_key (path, key, error);
  if (as_teacher == NULL)
    return FALSE;
  g_print (_("• The teacher opens the engagement with her key file: %u findings, %u "
             "changes in the audit trail.\n"),
           wb_engagement_get_findings (as_teacher)->len,
           wb_engagement_get_audit (as_teacher)->len);
  return TRUE;
}

/* The main job ends in the company's PDF (in Dutch, a draft until issue 8 signs it). */
static gboolean
demo_report (WbEngagement *engagement, const char *dir, GError **error)
{
  g_autofree char *path = g_build_filename (dir, DEMO_REPORT, NULL);
  g_autoptr(WbReport) report = wb_report_new (engagement, NULL, error);
  g_autoptr(WbPdfWriter) writer = NULL;

  if (report == NULL)
    return FALSE;
  writer = wb_pdf_writer_new (report);
  if (!wb_pdf_writer_render_to_file (writer, path, error))
    return FALSE;
  g_print (_("• The report for the company: %s (%u pages, a draft until it is signed)\n"),
           path, wb_pdf_writer_get_n_pages (writer));
  return TRUE;
}

/* The anonymous record for the regional network (docs/aggregate.md): the lab company
 * agreed to it in its agreement. */
static gboolean
demo_aggregate (WbEngagement *engagement, const char *dir, GError **error)
{
  g_autofree char *path = g_build_filename (dir, DEMO_AGGREGATE, NULL);
  g_autoptr(JsonNode) record = wb_aggregate_record_from_engagement (engagement, error);
  g_autofree char *text = NULL;

  if (record == NULL)
    return FALSE;
  text = json_to_string (record, TRUE);
  if (!wb_file_write_private (path, text, strlen (text), error))
    return FALSE;
  g_print (_("• The anonymous record for the network (no names, addresses or IPs): %s\n"),
           path);
  return TRUE;
}

/* A demo identity: made once in the demo folder (the CA issues it), loaded later. */
static WbIdentity *
demo_identity (const char *dir, const char *file, WbIdentity *ca, const char *name,
               WbIdentityRole role, GError **error)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(WbIdentity) identity = NULL;
  WbKdfParams params;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return wb_identity_load (path, DEMO_PASSPHRASE, error);
  if (ca == NULL)
    identity = wb_identity_new_ca (name, "Werkbank Demoschool", WB_KEY_ECDSA_P256, 3650,
                                   error);
  else
    identity = wb_identity_issue (ca, name, role, WB_KEY_ECDSA_P256, 730, error);
  wb_kdf_params_default (&params);
  if (identity == NULL || !wb_identity_save (identity, path, DEMO_PASSPHRASE, &params, error))
    return NULL;
  return g_steal_pointer (&identity);
}

/* The main job ends in a signed PDF: the team signs, the teacher certifies, and the
 * result is checked the way a company would (verify-pdf --ca school-ca.pem). */
static gboolean
demo_signed_report (WbEngagement *engagement, const char *dir, GError **error)
{
  g_autofree char *path = g_build_filename (dir, DEMO_SIGNED_REPORT, NULL);
  g_autofree char *ca_pem_path = g_build_filename (dir, DEMO_SCHOOL_CA_PEM, NULL);
  g_autofree char *ca_pem = NULL;
  g_autoptr(WbIdentity) ca = NULL;
  g_autoptr(WbIdentity) team = NULL;
  g_autoptr(WbIdentity) teacher = NULL;
  g_autoptr(WbReport) report = NULL;
  g_autoptr(WbPdfWriter) writer = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) signed_once = NULL;
  g_autoptr(GBytes) signed_twice = NULL;
  WbReportOptions options;
  WbPdfSignOptions sign;
  WbPdfRect box;
  guint page;

  ca = demo_identity (dir, DEMO_SCHOOL_CA, NULL, "Werkbank Demoschool CA", WB_IDENTITY_CA,
                      error);
  if (ca == NULL)
    return FALSE;
  team = demo_identity (dir, DEMO_TEAM_ID, ca, "Sanne de Vries", WB_IDENTITY_TEAM, error);
  teacher = team ? demo_identity (dir, DEMO_TEACHER_ID, ca, "Petra Jansen",
                                  WB_IDENTITY_TEACHER, error) : NULL;
  if (teacher == NULL)
    return FALSE;
  ca_pem = wb_certificate_to_pem (wb_identity_get_certificate (ca));
  if (!wb_file_write_private (ca_pem_path, ca_pem, strlen (ca_pem), error))
    return FALSE;

  wb_report_options_init (&options);
  options.status = WB_REPORT_STATUS_SIGNED;
  report = wb_report_new (engagement, &options, error);
  if (report == NULL)
    return FALSE;
  writer = wb_pdf_writer_new (report);
  pdf = wb_pdf_writer_render (writer, error);
  if (pdf == NULL)
    return FALSE;
  wb_pdf_sign_options_init (&sign);
  wb_pdf_writer_get_signature_box (writer, WB_SIGNATURE_TEAM, &page, &box);
  sign.page = page;
  sign.x = box.x;
  sign.y = box.y;
  sign.width = box.width;
  sign.height = box.height;
  sign.role = _("Team");
  signed_once = wb_pdf_sign (pdf, team, &sign, error);
  if (signed_once == NULL)
    return FALSE;
  wb_pdf_writer_get_signature_box (writer, WB_SIGNATURE_TEACHER, &page, &box);
  sign.kind = WB_PDF_SIGNATURE_CERTIFICATION;
  sign.page = page;
  sign.x = box.x;
  sign.y = box.y;
  sign.width = box.width;
  sign.height = box.height;
  sign.role = _("Teacher (validation)");
  signed_twice = wb_pdf_sign (signed_once, teacher, &sign, error);
  if (signed_twice == NULL
      || !wb_pdf_verify (signed_twice, wb_identity_get_certificate (ca), NULL, error)
      || !wb_file_write_private (path, g_bytes_get_data (signed_twice, NULL),
                                 g_bytes_get_size (signed_twice), error))
    return FALSE;
  g_print (_("• The report signed by the team and certified by the teacher: %s\n"
             "  (identities and the school CA in %s, passphrase “%s”; check it with: "
             "werkbank-cli verify-pdf %s --ca %s)\n"),
           path, dir, DEMO_PASSPHRASE, path, ca_pem_path);
  return TRUE;
}

/* The interviews: every plugin that ships a questionnaire and demo answers (the lab
 * bakery's owner answering) gets them, one committed record per answer. */
static gboolean
demo_interviews (WbEngagement *engagement, WbPluginHost *host, GError **error)
{
  g_autoptr(GPtrArray) plugins = wb_plugin_host_list (host);

  for (guint i = 0; i < plugins->len; i++)
    {
      WbPluginInfo *info = g_ptr_array_index (plugins, i);
      g_autofree char *answers = g_build_filename (info->directory, "demo-answers.json", NULL);
      g_autoptr(WbQuestionnaire) q = NULL;
      g_autoptr(WbRunContext) context = NULL;
      guint n_saved = 0;

      if (!g_strv_contains (mission_plugins, info->id) ||
          !g_file_test (answers, G_FILE_TEST_EXISTS))
        continue;
      if ((q = wb_questionnaire_new_for_plugin_dir (info->directory, error)) == NULL)
        return FALSE;
      context = wb_run_context_new (G_OBJECT (engagement), info->id);
      if (!wb_questionnaire_apply_answers_file (q, context, answers, &n_saved, error))
        return FALSE;
      /* Automated checks send packets: only into the lab (see demo_run_plugins). */
      if (g_strcmp0 (g_getenv ("WERKBANK_DEMO_LAB"), "1") != 0)
        {
          g_autoptr(JsonNode) off = json_node_init_boolean (json_node_alloc (), FALSE);

          if (!wb_run_context_set_data (context, "automated-checks", off, error))
            return FALSE;
        }
      g_print (g_dngettext (GETTEXT_PACKAGE, "• Interview “%s”: %u answer recorded …\n",
                            "• Interview “%s”: %u answers recorded …\n", n_saved),
               wb_questionnaire_get_title (q), n_saved);
    }
  return TRUE;
}

static gboolean
run_demo (const char *dir, const char *path, GError **error)
{
  g_autoptr(WbPluginHost) host = wb_plugin_host_new ();
  g_autoptr(WbEngagement) engagement = NULL;
  g_autofree char *report = NULL;

  g_print (_("• Creating the encrypted engagement %s (passphrase “%s”) …\n"), path,
           DEMO_PASSPHRASE);
  engagement = wb_engagement_create (path, "Sanne de Vries", DEMO_PASSPHRASE, NULL, error);
  if (engagement == NULL)
    return FALSE;
  g_print (_("• Recording the company, the team and the signed agreement …\n"));
  if (!demo_company (engagement, error) || !demo_people (engagement, error) ||
      !demo_agreement (engagement, host, error))
    return FALSE;
  g_print (_("• Giving the teacher a key-file slot …\n"));
  if (!demo_teacher_slot (engagement, dir, error) ||
      !demo_interviews (engagement, host, error) ||
      !demo_run_plugins (engagement, host, error) ||
      !demo_merge_duplicates (engagement, error))
    return FALSE;
  demo_summary (engagement);
  if (!wb_vault_verify (wb_engagement_get_vault (engagement), &report, error))
    return FALSE;
  g_print ("• %s\n", report);
  if (!demo_report (engagement, dir, error) || !demo_signed_report (engagement, dir, error)
      || !demo_aggregate (engagement, dir, error))
    return FALSE;
  g_clear_object (&engagement);
  return demo_check_teacher (path, dir, error);
}

int
wb_cli_demo (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &dir,
      N_("Folder for the demo's files (default: ./werkbank-demo)"), N_("DIR") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace an earlier demo engagement in that folder"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (NULL, _("Run a demo engagement against the built-in lab company."),
                        entries);
  g_autofree char *path = NULL;
  GError *error = NULL;
  int code;

  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return wb_cli_usage (context, _("demo takes no file names."));
  if (dir == NULL)
    dir = g_strdup ("werkbank-demo");
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_printerr (_("werkbank-cli: cannot make the folder %s.\n"), dir);
      return WB_EXIT_FAILED;
    }
  path = g_build_filename (dir, DEMO_FILE, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!force)
        {
          g_printerr (_("werkbank-cli: %s exists already; use --force to replace the "
                        "earlier demo.\n"), path);
          return WB_EXIT_INVALID;
        }
      g_unlink (path);
    }
  if (!run_demo (dir, path, &error))
    return wb_cli_fail (error);
  g_print (_("\nDone. Look around with: werkbank-cli show %s\n"), path);
  return WB_EXIT_OK;
}

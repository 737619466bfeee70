/* wb-cli.c — werkbank-cli: everything the workbench does, from a terminal or a script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "wb-cli-common.h"
#include "wb-init.h"

static const WbCliCommand commands[] = {
  { "create", wb_cli_create, N_("Create a new, encrypted engagement file") },
  { "show", wb_cli_show, N_("Show where an engagement stands") },
  { "company", wb_cli_company, N_("Record the company's details") },
  { "person", wb_cli_person, N_("Add or remove a contact, student or teacher") },
  { "agreement", wb_cli_agreement, N_("Prepare, record and sign the agreement") },
  { "plugins", wb_cli_plugins, N_("List plugins; switch them on or off") },
  { "run", wb_cli_run, N_("Run a plugin") },
  { "interview", wb_cli_interview, N_("Answer a plugin's questionnaire") },
  { "patching", wb_cli_patching, N_("Import a software list for the patching check") },
  { "friendly-hack", wb_cli_friendly_hack, N_("The friendly-hack checklist: items, targets, records") },
  { "findings", wb_cli_findings, N_("List the findings (the action plan)") },
  { "export", wb_cli_export, N_("Export the findings as JSON") },
  { "network", wb_cli_network, N_("Show, export or import the network scan's hosts (nmap XML)") },
  { "aggregate", wb_cli_aggregate, N_("The anonymous export for the network, and its "
                                      "tables") },
  { "delta", wb_cli_delta, N_("Compare with the previous scan: fixed, still open, new") },
  { "report", wb_cli_report, N_("Render the company's report as a PDF") },
  { "report-sign", wb_cli_report_sign, N_("Sign the report kept in the engagement (team, then teacher)") },
  { "report-export", wb_cli_report_export, N_("Write a copy of the report kept in the engagement") },
  { "audit", wb_cli_audit, N_("Show who changed what, and when") },
  { "keygen", wb_cli_keygen, N_("Make a teacher's key file") },
  { "slot", wb_cli_slot, N_("Manage who can open an engagement") },
  { "verify", wb_cli_verify, N_("Check every record of an engagement file") },
  { "compact", wb_cli_compact, N_("Rewrite an engagement file compactly") },
  { "retention", wb_cli_retention, N_("Show how long the data is kept and what it holds") },
  { "destroy", wb_cli_destroy, N_("Crypto-erase an engagement") },
  { "identity", wb_cli_identity, N_("Make and export signing identities (school CA, "
                                     "teacher, team)") },
  { "sign", wb_cli_sign, N_("Sign a PDF (team first, then the teacher)") },
  { "verify-pdf", wb_cli_verify_pdf, N_("Check a signed PDF's signatures") },
  { "demo", wb_cli_demo, N_("Run the demo engagement against the lab company") },
};

static void
print_help (void)
{
  g_print (_("Usage: werkbank-cli COMMAND [OPTION…] [ARGUMENT…]\n\n"
             "Werkbank runs a cybersecurity scan at a small company and keeps everything "
             "in one\nencrypted engagement file.\n\nCommands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_print (_("\n“werkbank-cli COMMAND --help” tells more about each command.\n"
             "Passphrases come from $WERKBANK_PASSPHRASE, --passphrase-file, or are "
             "asked for.\n"));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  textdomain (GETTEXT_PACKAGE);
  if (!wb_init (&error))
    {
      g_printerr ("werkbank-cli: %s\n", error->message);
      return WB_EXIT_FAILED;
    }
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help ();
      return argc < 2 ? WB_EXIT_USAGE : WB_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("werkbank-cli %s\n", PACKAGE_VERSION);
      return WB_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        /* The command sees itself as argv[0], so its --help reads naturally. */
        g_autofree char *name = g_strdup_printf ("werkbank-cli %s", argv[1]);

        g_set_prgname (name);
        return commands[i].func (argc - 1, argv + 1);
      }
  g_printerr (_("werkbank-cli: unknown command “%s”. “werkbank-cli --help” lists the "
                "commands.\n"), argv[1]);
  return WB_EXIT_USAGE;
}

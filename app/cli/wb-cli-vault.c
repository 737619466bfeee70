/* wb-cli-vault.c — keygen, slot, compact, verify, destroy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "wb-cli-common.h"

int
wb_cli_keygen (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("KEYFILE"), _("Make a key file for a teacher. Give the printed "
                                       "public key to the team; they add it with “slot add "
                                       "--public-key”. Keep the key file itself private."),
                        NULL);
  g_autoptr(WbX25519Key) key = NULL;
  g_autofree char *public_text = NULL;
  g_autofree char *fingerprint = NULL;
  GError *error = NULL;
  int code;

  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return wb_cli_usage (context, _("Name the key file to write."));
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr (_("werkbank-cli: %s exists already; not overwriting a key.\n"), argv[1]);
      return WB_EXIT_INVALID;
    }
  key = wb_x25519_key_generate (&error);
  if (key == NULL || !wb_x25519_key_save (key, argv[1], &error))
    return wb_cli_fail (error);
  public_text = wb_x25519_public_to_string (wb_x25519_key_get_public (key));
  fingerprint = wb_x25519_key_fingerprint (wb_x25519_key_get_public (key));
  g_print (_("Key file: %s\nPublic key: %s\nFingerprint: %s\n"), argv[1], public_text,
           fingerprint);
  return WB_EXIT_OK;
}

static const char *
slot_kind_label (WbVaultSlotKind kind)
{
  return kind == WB_VAULT_SLOT_PASSPHRASE ? _("passphrase") : _("key file");
}

static int
slot_list (WbEngagement *engagement)
{
  g_autoptr(GPtrArray) slots = wb_vault_list_slots (wb_engagement_get_vault (engagement));

  for (guint i = 0; i < slots->len; i++)
    {
      WbVaultSlotInfo *info = slots->pdata[i];
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (info->created);
      g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d");

      if (info->kind == WB_VAULT_SLOT_X25519)
        {
          g_autofree char *fp = wb_x25519_key_fingerprint (info->public_key);

          g_print ("%3u  %-10s  %-24s  %s  %s\n", info->id, slot_kind_label (info->kind),
                   info->label, stamp, fp);
        }
      else
        g_print ("%3u  %-10s  %-24s  %s\n", info->id, slot_kind_label (info->kind),
                 info->label, stamp);
    }
  return WB_EXIT_OK;
}

static int
slot_add (WbEngagement *engagement, const char *label, const char *public_key)
{
  WbVault *vault = wb_engagement_get_vault (engagement);
  GError *error = NULL;
  guint id = 0;

  if (public_key != NULL)
    {
      guint8 key[32];

      if (!wb_x25519_public_from_string (public_key, key, &error) ||
          !wb_vault_add_public_key_slot (vault, label, key, &id, &error))
        return wb_cli_fail (error);
    }
  else
    {
      g_autoptr(WbSecret) passphrase =
        wb_cli_read_passphrase (_("Passphrase for the new slot: "), TRUE,
                                "WERKBANK_NEW_PASSPHRASE", &error);

      if (passphrase == NULL ||
          !wb_vault_add_passphrase_slot (vault, label, passphrase, NULL, &id, &error))
        return wb_cli_fail (error);
    }
  g_print (_("Added key slot %u for %s.\n"), id, label);
  return WB_EXIT_OK;
}

int
wb_cli_slot (int argc, char **argv)
{
  g_autofree char *label = NULL;
  g_autofree char *public_key = NULL;
  const GOptionEntry entries[] = {
    { "label", 'l', 0, G_OPTION_ARG_STRING, &label,
      N_("Whose slot it is (for add)"), N_("NAME") },
    { "public-key", 0, 0, G_OPTION_ARG_STRING, &public_key,
      N_("Add a key-file slot for this public key (from keygen) instead of a passphrase"),
      N_("KEY") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("list FILE | add FILE --label NAME [--public-key KEY] | remove "
                          "FILE ID"),
                        _("Manage who can open the engagement. A new passphrase slot takes "
                          "its passphrase from $WERKBANK_NEW_PASSPHRASE or asks for it."),
                        entries);
  g_autoptr(WbEngagement) engagement = NULL;
  GError *error = NULL;
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc < 3 || (!g_str_equal (argv[1], "list") && !g_str_equal (argv[1], "add") &&
                   !g_str_equal (argv[1], "remove")))
    return wb_cli_usage (context, _("Use: slot list|add|remove FILE"));
  if (g_str_equal (argv[1], "add") && (label == NULL || *label == '\0'))
    return wb_cli_usage (context, _("Say whose slot it is with --label NAME."));
  if (g_str_equal (argv[1], "remove") && argc != 4)
    return wb_cli_usage (context, _("Name the slot number to remove (see “slot list”)."));
  engagement = wb_cli_open (argv[2], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  if (g_str_equal (argv[1], "list"))
    return slot_list (engagement);
  if (g_str_equal (argv[1], "add"))
    return slot_add (engagement, label, public_key);
  if (!wb_vault_remove_slot (wb_engagement_get_vault (engagement),
                             (guint) g_ascii_strtoull (argv[3], NULL, 10), &error))
    return wb_cli_fail (error);
  g_print (_("Removed key slot %s.\n"), argv[3]);
  return WB_EXIT_OK;
}

int
wb_cli_compact (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE"), _("Rewrite the engagement file without deleted "
                                    "attachments and unfinished writes (safe: the old file "
                                    "is replaced only when the new one is complete)."),
                        wb_cli_open_entries);
  g_autoptr(WbEngagement) engagement = NULL;
  GError *error = NULL;
  int code;

  engagement = wb_cli_parse_and_open (context, &argc, &argv, &code);
  if (engagement == NULL)
    return code;
  if (!wb_vault_compact (wb_engagement_get_vault (engagement), &error))
    return wb_cli_fail (error);
  g_print (_("Compacted %s.\n"), argv[1]);
  return WB_EXIT_OK;
}

int
wb_cli_verify (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE"), _("Check every record of the engagement file."),
                        wb_cli_open_entries);
  g_autoptr(WbEngagement) engagement = NULL;
  g_autofree char *report = NULL;
  GError *error = NULL;
  int code;

  engagement = wb_cli_parse_and_open (context, &argc, &argv, &code);
  if (engagement == NULL)
    return code;
  if (!wb_vault_verify (wb_engagement_get_vault (engagement), &report, &error))
    {
      if (report != NULL)
        g_print ("%s\n", report);
      return wb_cli_fail (error);
    }
  g_print ("%s\n", report ? report : _("The engagement file is intact."));
  return WB_EXIT_OK;
}

static void
print_facts (const WbDestructionFacts *facts)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (facts->destroyed);
  g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d %H:%M:%S");

  g_print (_("Destroyed engagement %s\n"), facts->vault_id);
  g_print (_("  File: %s (%" PRIu64 " bytes)\n"), facts->path, facts->file_size);
  g_print (_("  Held: %" PRIu64 " records, %" PRIu64 " attachments (%"
             PRIu64 " bytes)\n"), facts->n_records, facts->n_attachments,
           facts->attachment_bytes);
  g_print (_("  Key slots erased: %u\n"), facts->n_slots_erased);
  g_print (_("  When: %s\n"), stamp);
  g_print (_("  Method: %s\n"), facts->method);
  g_print (_("  Limits: %s\n"), facts->limits);
}

int
wb_cli_destroy (int argc, char **argv)
{
  gboolean yes = FALSE;
  g_autofree char *record_path = NULL, *identity = NULL, *validator = NULL;
  gboolean english = FALSE;
  const GOptionEntry entries[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes,
      N_("Really destroy: there is no undo"), NULL },
    { "record", 0, 0, G_OPTION_ARG_FILENAME, &record_path,
      N_("Write the signed destruction record (PDF) here"), N_("FILE") },
    { "identity", 0, 0, G_OPTION_ARG_FILENAME, &identity,
      N_("Your identity file, to sign the record"), N_("ID-FILE") },
    { "validator", 0, 0, G_OPTION_ARG_FILENAME, &validator,
      N_("The teacher's identity file, to validate the record now"), N_("ID-FILE") },
    { "english", 0, 0, G_OPTION_ARG_NONE, &english,
      N_("The record in English instead of Dutch"), NULL },
    { NULL }
  };
  g_autoptr(WbCliRecord) record = NULL;
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE"), _("Crypto-erase the engagement: every key slot is "
                                    "overwritten and the file removed. There is no undo."),
                        entries);
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(WbDestructionFacts) facts = NULL;
  GError *error = NULL;
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return wb_cli_usage (context, _("Name one engagement file."));
  if (!yes)
    return wb_cli_usage (context, _("Destroying cannot be undone: add --yes to go ahead."));
  if (record_path != NULL && identity == NULL)
    return wb_cli_usage (context, _("--record needs --identity: the team member who "
                                    "performs the erase signs the record."));
  /* Opening first proves the person holds a key: destruction is not for anyone who can
   * merely delete the file. */
  engagement = wb_cli_open (argv[1], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  if (record_path != NULL)
    {
      record = wb_cli_record_prepare (engagement, record_path, identity, validator, english,
                                      &error);
      if (record == NULL)
        return wb_cli_sign_fail (error);
    }
  facts = wb_vault_destroy (wb_engagement_get_vault (engagement), &error);
  if (facts == NULL)
    return wb_cli_fail (error);
  print_facts (facts);
  return record != NULL ? wb_cli_record_finish (record, facts) : WB_EXIT_OK;
}

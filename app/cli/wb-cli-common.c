/* wb-cli-common.c — shared parts of werkbank-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <gcrypt.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "wb-cli-common.h"
#include "wb-file.h"
#include "wb-plugin-host.h"

#define MAX_PASSPHRASE 1024

char *wb_cli_key_file;
static char *passphrase_file;

const GOptionEntry wb_cli_open_entries[] = {
  { "key", 'k', 0, G_OPTION_ARG_FILENAME, &wb_cli_key_file,
    N_("Open with this key file (the teacher's) instead of a passphrase"), N_("FILE") },
  { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
    N_("Read the passphrase from the first line of FILE"), N_("FILE") },
  { NULL }
};

GOptionContext *
wb_cli_context_new (const char *parameter, const char *summary, const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameter);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

gboolean
wb_cli_parse (GOptionContext *context, int *argc, char ***argv, int *exit_code)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = wb_cli_usage (context, error->message);
      return FALSE;
    }
  return TRUE;
}

int
wb_cli_usage (GOptionContext *context, const char *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("werkbank-cli: %s\n\n%s", message, help);
  return WB_EXIT_USAGE;
}

static int
exit_code_for (GError *error)
{
  if (error->domain == WB_VAULT_ERROR)
    {
      switch (error->code)
        {
        case WB_VAULT_ERROR_NOT_FOUND:
        case WB_VAULT_ERROR_SLOT:
          return WB_EXIT_NOT_FOUND;
        case WB_VAULT_ERROR_INVALID:
        case WB_VAULT_ERROR_EXISTS:
          return WB_EXIT_INVALID;
        case WB_VAULT_ERROR_IO:
        case WB_VAULT_ERROR_READ_ONLY:
        case WB_VAULT_ERROR_SECMEM:
          return WB_EXIT_FAILED;
        default:
          return WB_EXIT_CANNOT_OPEN;
        }
    }
  if (error->domain == WB_PLUGIN_ERROR)
    {
      switch (error->code)
        {
        case WB_PLUGIN_ERROR_NOT_FOUND:
          return WB_EXIT_NOT_FOUND;
        case WB_PLUGIN_ERROR_NOT_ALLOWED:
        case WB_PLUGIN_ERROR_NOT_ENABLED:
          return WB_EXIT_REFUSED;
        default:
          return WB_EXIT_FAILED;
        }
    }
  if (error->domain == WB_AGREEMENT_ERROR)
    return error->code == WB_AGREEMENT_ERROR_INVALID ? WB_EXIT_INVALID : WB_EXIT_REFUSED;
  if (error->domain == WB_SCOPE_ERROR)
    return error->code == WB_SCOPE_ERROR_PARSE ? WB_EXIT_INVALID : WB_EXIT_REFUSED;
  if (error->domain == WB_ENGAGEMENT_ERROR)
    {
      if (error->code == WB_ENGAGEMENT_ERROR_NOT_FOUND)
        return WB_EXIT_NOT_FOUND;
      if (error->code == WB_ENGAGEMENT_ERROR_STATE)
        return WB_EXIT_REFUSED;
      return WB_EXIT_CANNOT_OPEN;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return WB_EXIT_NOT_FOUND;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
      error->domain == WB_FINDING_ERROR || error->domain == JSON_PARSER_ERROR)
    return WB_EXIT_INVALID;
  return WB_EXIT_FAILED;
}

int
wb_cli_fail (GError *error)
{
  int code = exit_code_for (error);

  g_printerr ("werkbank-cli: %s\n", error->message);
  g_error_free (error);
  return code;
}

void
wb_cli_secret_free (WbSecret *secret)
{
  /* libgcrypt wipes secure memory when it is freed. */
  gcry_free (secret);
}

static WbSecret *
secret_from_text (const char *text, gsize length, GError **error)
{
  WbSecret *secret;

  while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == '\r'))
    length--;
  if (length == 0 || length > MAX_PASSPHRASE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A passphrase must be 1 to %d characters long."), MAX_PASSPHRASE);
      return NULL;
    }
  secret = gcry_malloc_secure (length + 1);
  if (secret == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Out of protected memory for the passphrase."));
      return NULL;
    }
  memcpy (secret, text, length);
  secret[length] = '\0';
  return secret;
}

static WbSecret *
read_secret_from_file (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  WbSecret *secret;
  char *newline;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  newline = memchr (contents, '\n', length);
  if (newline != NULL)
    length = (gsize) (newline - contents);
  secret = secret_from_text (contents, length, error);
  memset (contents, 0, length);
  return secret;
}

static WbSecret *
ask_on_terminal (const char *prompt, GError **error)
{
  struct termios old, quiet;
  char buffer[MAX_PASSPHRASE + 2];
  WbSecret *secret;
  gboolean have_line;
  FILE *tty = fopen ("/dev/tty", "r+");

  if (tty == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("No passphrase: there is no terminal to ask on. Set "
                     "WERKBANK_PASSPHRASE or use --passphrase-file."));
      return NULL;
    }
  fprintf (tty, "%s", prompt);
  fflush (tty);
  tcgetattr (fileno (tty), &old);
  quiet = old;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
  have_line = fgets (buffer, sizeof buffer, tty) != NULL;
  tcsetattr (fileno (tty), TCSAFLUSH, &old);
  fprintf (tty, "\n");
  fclose (tty);
  if (!have_line)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No passphrase given."));
      return NULL;
    }
  secret = secret_from_text (buffer, strlen (buffer), error);
  memset (buffer, 0, sizeof buffer);
  return secret;
}

WbSecret *
wb_cli_read_passphrase (const char *prompt, gboolean confirm, const char *env_name,
                        GError **error)
{
  const char *env = g_getenv (env_name ? env_name : "WERKBANK_PASSPHRASE");
  g_autoptr(WbSecret) first = NULL;
  g_autoptr(WbSecret) second = NULL;

  if (env != NULL)
    return secret_from_text (env, strlen (env), error);
  if (passphrase_file != NULL && env_name == NULL)
    return read_secret_from_file (passphrase_file, error);
  first = ask_on_terminal (prompt, error);
  if (first == NULL || !confirm)
    return g_steal_pointer (&first);
  second = ask_on_terminal (_("Repeat the passphrase: "), error);
  if (second == NULL)
    return NULL;
  if (strcmp (first, second) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The two passphrases differ."));
      return NULL;
    }
  return g_steal_pointer (&first);
}

void
wb_cli_print_warnings (WbVault *vault)
{
  const char * const *warnings = wb_vault_get_warnings (vault);

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_printerr (_("werkbank-cli: warning: %s\n"), warnings[i]);
}

WbEngagement *
wb_cli_open (const char *path, GError **error)
{
  WbEngagement *engagement;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no engagement file “%s”."), path);
      return NULL;
    }
  if (wb_cli_key_file != NULL)
    {
      g_autoptr(WbX25519Key) key = wb_x25519_key_load (wb_cli_key_file, error);

      if (key == NULL)
        return NULL;
      engagement = wb_engagement_open_with_key (path, key, error);
    }
  else
    {
      g_autoptr(WbSecret) passphrase = wb_cli_read_passphrase (_("Passphrase: "), FALSE,
                                                               NULL, error);

      if (passphrase == NULL)
        return NULL;
      engagement = wb_engagement_open (path, passphrase, error);
    }
  if (engagement != NULL)
    wb_cli_print_warnings (wb_engagement_get_vault (engagement));
  return engagement;
}

WbEngagement *
wb_cli_parse_and_open (GOptionContext *context, int *argc, char ***argv, int *exit_code)
{
  WbEngagement *engagement;
  GError *error = NULL;

  if (!wb_cli_parse (context, argc, argv, exit_code))
    return NULL;
  if (*argc != 2)
    {
      *exit_code = wb_cli_usage (context, _("Name one engagement file."));
      return NULL;
    }
  engagement = wb_cli_open ((*argv)[1], &error);
  if (engagement == NULL)
    *exit_code = wb_cli_fail (error);
  return engagement;
}

gboolean
wb_cli_write_json (JsonNode *node, const char *path, GError **error)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (gen, node);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  text = json_generator_to_data (gen, NULL);
  if (path == NULL || g_str_equal (path, "-"))
    {
      g_print ("%s\n", text);
      return TRUE;
    }
  /* Exports are for the team to hand on deliberately; keep them private to the user. */
  return wb_file_write_private (path, text, strlen (text), error);
}

JsonNode *
wb_cli_read_json (const char *path, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;

  if (!json_parser_load_from_file (parser, path, &local))
    {
      if (local->domain == G_FILE_ERROR)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("Cannot read “%s”: %s"), path, local->message);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("“%s” is not valid JSON: %s"), path, local->message);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

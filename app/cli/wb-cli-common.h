/* wb-cli-common.h — what every werkbank-cli command shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wb-engagement.h"

G_BEGIN_DECLS

/* Exit codes a script can rely on (documented in docs/cli.md). */
enum {
  WB_EXIT_OK = 0,
  WB_EXIT_FAILED = 1,     /* the operation failed */
  WB_EXIT_USAGE = 2,      /* wrong command line */
  WB_EXIT_CANNOT_OPEN = 3,/* wrong passphrase or key, damaged or not an engagement file */
  WB_EXIT_REFUSED = 4,    /* the agreement or scope does not allow it */
  WB_EXIT_NOT_FOUND = 5,  /* no such plugin, finding, person or file */
  WB_EXIT_INVALID = 6,    /* malformed input data (a file or value given) */
};

typedef int (*WbCliFunc) (int argc, char **argv);

typedef struct {
  const char *name;
  WbCliFunc   func;
  const char *summary; /* N_() */
} WbCliCommand;

/* Parses @argv for one command; prints help or a usage error. Returns FALSE when the
 * command should end with *exit_code. */
gboolean wb_cli_parse (GOptionContext *context, int *argc, char ***argv, int *exit_code);
GOptionContext *wb_cli_context_new (const char *parameter, const char *summary,
                                    const GOptionEntry *entries);

/* Prints "werkbank-cli: message" and maps the error to an exit code. */
int      wb_cli_fail (GError *error);
int      wb_cli_usage (GOptionContext *context, const char *message);

/* Options shared by commands that open an engagement: --key FILE. */
extern char *wb_cli_key_file;
extern const GOptionEntry wb_cli_open_entries[];

/* Passphrases: from $WERKBANK_PASSPHRASE, from --passphrase-file, or asked on the
 * terminal without echo. Kept in libgcrypt secure memory; free with wb_cli_secret_free. */
typedef char WbSecret;
WbSecret *wb_cli_read_passphrase (const char *prompt, gboolean confirm, const char *env_name,
                                 GError **error);
void     wb_cli_secret_free (WbSecret *secret);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbSecret, wb_cli_secret_free)

WbEngagement *wb_cli_open (const char *path, GError **error);

/* The common start of a command that works on one engagement file: parses the options,
 * requires exactly one FILE argument and opens it. Returns NULL with *exit_code set
 * (usage, or the reason it could not be opened, already printed). */
WbEngagement *wb_cli_parse_and_open (GOptionContext *context, int *argc, char ***argv,
                                     int *exit_code);

/* Prints the vault's warnings (an unfinished write dropped, ...) to stderr. */
void     wb_cli_print_warnings (WbVault *vault);

/* Writes @node to @path (or stdout when NULL or "-"), pretty-printed. */
gboolean wb_cli_write_json (JsonNode *node, const char *path, GError **error);
JsonNode *wb_cli_read_json (const char *path, GError **error);

int wb_cli_create (int argc, char **argv);
int wb_cli_show (int argc, char **argv);
int wb_cli_company (int argc, char **argv);
int wb_cli_person (int argc, char **argv);
int wb_cli_agreement (int argc, char **argv);
int wb_cli_audit (int argc, char **argv);
int wb_cli_plugins (int argc, char **argv);
int wb_cli_run (int argc, char **argv);
int wb_cli_findings (int argc, char **argv);
int wb_cli_export (int argc, char **argv);
int wb_cli_network (int argc, char **argv);
int wb_cli_report (int argc, char **argv);
int wb_cli_report_export (int argc, char **argv);
int wb_cli_report_sign (int argc, char **argv);
int wb_cli_report_store_fail (GError *error);
int wb_cli_retention (int argc, char **argv);
int wb_cli_aggregate (int argc, char **argv);
int wb_cli_delta (int argc, char **argv);
/* The previous engagement for delta and report --previous: with @key_file, or the
 * passphrase from $WERKBANK_PREVIOUS_PASSPHRASE (or asked). */
WbEngagement *wb_cli_open_previous (const char *path, const char *key_file, GError **error);
/* Like wb_cli_fail(), knowing the delta's errors (another company: exit 6). */
int wb_cli_delta_fail (GError *error);
int wb_cli_keygen (int argc, char **argv);
int wb_cli_slot (int argc, char **argv);
int wb_cli_compact (int argc, char **argv);
int wb_cli_verify (int argc, char **argv);
int wb_cli_destroy (int argc, char **argv);
int wb_cli_demo (int argc, char **argv);
int wb_cli_interview (int argc, char **argv);
int wb_cli_friendly_hack (int argc, char **argv);
int wb_cli_identity (int argc, char **argv);
int wb_cli_sign (int argc, char **argv);
int wb_cli_verify_pdf (int argc, char **argv);

/* destroy --record (wb-cli-sign.c): prepared before the erase, written after it. */
typedef struct _WbCliRecord WbCliRecord;
WbCliRecord *wb_cli_record_prepare (WbEngagement *engagement, const char *path,
                                    const char *identity, const char *validator,
                                    gboolean english, GError **error);
int          wb_cli_record_finish (WbCliRecord *record, const WbDestructionFacts *facts);
void         wb_cli_record_free (WbCliRecord *record);
/* Like wb_cli_fail(), knowing the signing errors' exit codes too. */
int          wb_cli_sign_fail (GError *error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbCliRecord, wb_cli_record_free)
int wb_cli_patching (int argc, char **argv);

G_END_DECLS

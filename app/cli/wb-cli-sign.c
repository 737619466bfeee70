/* wb-cli-sign.c — identity, sign, verify-pdf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "wb-cli-common.h"
#include "wb-file.h"
#include "wb-destruction-record.h"
#include "wb-identity.h"
#include "wb-pdf-sign.h"
#include "wb-pdf-writer.h"
#include "wb-report-store.h"

#define ENV_IDENTITY "WERKBANK_IDENTITY_PASSPHRASE"
#define ENV_CA       "WERKBANK_CA_PASSPHRASE"
#define ENV_VALIDATOR "WERKBANK_VALIDATOR_PASSPHRASE"
#define PDF_MAX      (256 * 1024 * 1024)

/* Signing errors into the exit codes of docs/cli.md. */
int
wb_cli_sign_fail (GError *error)
{
  int code = WB_EXIT_FAILED;

  if (error->domain == WB_SIGN_ERROR)
    switch (error->code)
      {
      case WB_SIGN_ERROR_WRONG_PASSPHRASE:
      case WB_SIGN_ERROR_IO:
        code = WB_EXIT_CANNOT_OPEN;
        break;
      case WB_SIGN_ERROR_UNTRUSTED:
        code = WB_EXIT_REFUSED;
        break;
      case WB_SIGN_ERROR_NOT_SIGNED:
        code = WB_EXIT_NOT_FOUND;
        break;
      case WB_SIGN_ERROR_INVALID:
      case WB_SIGN_ERROR_UNSUPPORTED:
        code = WB_EXIT_INVALID;
        break;
      default:
        code = WB_EXIT_FAILED;
        break;
      }
  else
    return wb_cli_fail (error);
  g_printerr ("werkbank-cli: %s\n", error->message);
  g_error_free (error);
  return code;
}

static WbIdentity *
load_identity (const char  *path,
               const char  *env,
               const char  *prompt,
               GError     **error)
{
  g_autoptr(WbSecret) pass = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no identity file “%s”."), path);
      return NULL;
    }
  pass = wb_cli_read_passphrase (prompt, FALSE, env, error);
  if (pass == NULL)
    return NULL;
  return wb_identity_load (path, pass, error);
}

static gboolean
save_identity (WbIdentity  *identity,
               const char  *path,
               GError     **error)
{
  g_autoptr(WbSecret) pass = NULL;
  WbKdfParams params;
  gboolean ca = wb_identity_get_role (identity) == WB_IDENTITY_CA;

  pass = wb_cli_read_passphrase (ca ? _("Passphrase for the new school CA file: ")
                                    : _("Passphrase for the new identity file: "), TRUE,
                                 ca ? ENV_CA : ENV_IDENTITY, error);
  if (pass == NULL)
    return FALSE;
  wb_kdf_params_default (&params);
  return wb_identity_save (identity, path, pass, &params, error);
}

static void
print_identity (WbIdentity *identity,
                const char *path)
{
  g_autofree char *fp = wb_certificate_fingerprint (wb_identity_get_certificate (identity));

  g_print (_("Identity file: %s\n"), path);
  g_print (_("  Name: %s\n"), wb_identity_get_name (identity));
  g_print (_("  Role: %s\n"), wb_identity_role_to_id (wb_identity_get_role (identity)));
  g_print (_("  Certificate fingerprint (SHA-256): %s\n"), fp);
  if (wb_identity_get_x25519_key (identity) != NULL)
    {
      g_autofree char *pub = wb_x25519_public_to_string (
        wb_x25519_key_get_public (wb_identity_get_x25519_key (identity)));

      g_print (_("  Teacher slot public key: %s\n"), pub);
    }
}

static int
identity_make (int      argc,
               char   **argv,
               gboolean ca_mode,
               gboolean issue_mode)
{
  g_autofree char *name = NULL, *org = NULL, *role_id = NULL, *output = NULL;
  g_autofree char *ca_path = NULL;
  gboolean rsa = FALSE;
  int days = ca_mode ? 3650 : 730;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The name in the certificate"), N_("NAME") },
    { "organization", 0, 0, G_OPTION_ARG_STRING, &org, N_("The school (optional)"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_id, N_("team or teacher"), N_("ROLE") },
    { "ca", 0, 0, G_OPTION_ARG_FILENAME, &ca_path, N_("The school CA's identity file"), N_("FILE") },
    { "rsa", 0, 0, G_OPTION_ARG_NONE, &rsa, N_("An RSA-3072 key instead of ECDSA P-256"), NULL },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Days the certificate is valid"), N_("N") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The identity file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (NULL, ca_mode ? _("Create the school CA (once, by the coordinator).")
                              : issue_mode ? _("Issue a team or teacher identity with the "
                                               "school CA.")
                              : _("Create a self-signed team or teacher identity (a quick "
                                  "start without a school CA)."), entries);
  g_autoptr(WbIdentity) ca = NULL;
  g_autoptr(WbIdentity) identity = NULL;
  WbIdentityRole role = WB_IDENTITY_CA;
  GError *error = NULL;
  int code;

  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 1 || name == NULL || output == NULL)
    return wb_cli_usage (context, _("Give --name and --output."));
  if (!ca_mode && (role_id == NULL || !wb_identity_role_from_id (role_id, &role)
                   || role == WB_IDENTITY_CA))
    return wb_cli_usage (context, _("--role must be “team” or “teacher”."));
  if (issue_mode && ca_path == NULL)
    return wb_cli_usage (context, _("Name the school CA's identity file with --ca."));
  if (days <= 0)
    return wb_cli_usage (context, _("--days must be positive."));
  if (g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("werkbank-cli: %s exists already; not overwriting an identity.\n"),
                  output);
      return WB_EXIT_INVALID;
    }
  if (issue_mode)
    {
      ca = load_identity (ca_path, ENV_CA, _("Passphrase of the school CA: "), &error);
      if (ca == NULL)
        return wb_cli_sign_fail (error);
      identity = wb_identity_issue (ca, name, role, rsa ? WB_KEY_RSA_3072 : WB_KEY_ECDSA_P256,
                                    days, &error);
    }
  else if (ca_mode)
    identity = wb_identity_new_ca (name, org, rsa ? WB_KEY_RSA_3072 : WB_KEY_ECDSA_P256,
                                   days, &error);
  else
    identity = wb_identity_new_self_signed (name, org, role,
                                            rsa ? WB_KEY_RSA_3072 : WB_KEY_ECDSA_P256,
                                            days, &error);
  if (identity == NULL || !save_identity (identity, output, &error))
    return wb_cli_sign_fail (error);
  print_identity (identity, output);
  return WB_EXIT_OK;
}

static int
identity_export (int    argc,
                 char **argv)
{
  g_autofree char *output = NULL;
  gboolean der = FALSE, ca_cert = FALSE;
  const GOptionEntry entries[] = {
    { "ca-certificate", 0, 0, G_OPTION_ARG_NONE, &ca_cert,
      N_("Export the issuing CA's certificate instead"), NULL },
    { "der", 0, 0, G_OPTION_ARG_NONE, &der, N_("DER instead of PEM"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write (default: "
                                                           "standard output, PEM only)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("ID-FILE"), _("Export a certificate (for a company, or for an NSS "
                                        "database: certutil -A -t \"CT,C,C\")."), entries);
  g_autoptr(GBytes) own = NULL;
  g_autoptr(GBytes) issuer = NULL;
  GBytes *cert;
  GError *error = NULL;
  int code;

  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return wb_cli_usage (context, _("Name one identity file."));
  if (der && output == NULL)
    return wb_cli_usage (context, _("DER is binary: give --output."));
  /* Certificates are public: no passphrase needed to export them. */
  if (!wb_identity_read_certificates (argv[1], &own, &issuer, &error))
    return wb_cli_sign_fail (error);
  cert = ca_cert && issuer != NULL ? issuer : own;
  if (ca_cert && issuer == NULL)
    {
      g_printerr (_("werkbank-cli: this identity has no issuing CA (it is self-signed, or "
                    "the CA itself); exporting its own certificate.\n"));
    }
  if (der)
    {
      if (!wb_file_write_private (output, g_bytes_get_data (cert, NULL),
                                  g_bytes_get_size (cert), &error))
        return wb_cli_fail (error);
    }
  else
    {
      g_autofree char *pem = wb_certificate_to_pem (cert);

      if (output == NULL || g_str_equal (output, "-"))
        g_print ("%s", pem);
      else if (!wb_file_write_private (output, pem, strlen (pem), &error))
        return wb_cli_fail (error);
    }
  return WB_EXIT_OK;
}

int
wb_cli_identity (int    argc,
                 char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "create-ca"))
    return identity_make (argc - 1, argv + 1, TRUE, FALSE);
  if (argc >= 2 && g_str_equal (argv[1], "issue"))
    return identity_make (argc - 1, argv + 1, FALSE, TRUE);
  if (argc >= 2 && g_str_equal (argv[1], "self-signed"))
    return identity_make (argc - 1, argv + 1, FALSE, FALSE);
  if (argc >= 2 && g_str_equal (argv[1], "export"))
    return identity_export (argc - 1, argv + 1);
  g_printerr (_("Usage: werkbank-cli identity create-ca|issue|self-signed|export "
                "[OPTION…]\n"
                "  create-ca    make the school CA (once, by the coordinator)\n"
                "  issue        make a team or teacher identity signed by the school CA\n"
                "  self-signed  make a team or teacher identity without a CA\n"
                "  export       write a certificate as PEM or DER\n"
                "Passphrases: $%s (new or used identity), $%s (the CA), or asked for.\n"),
              ENV_IDENTITY, ENV_CA);
  return argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
           ? WB_EXIT_OK : WB_EXIT_USAGE;
}

static GBytes *
read_pdf (const char  *path,
          GError     **error)
{
  g_autoptr(GMappedFile) map = NULL;
  GError *local = NULL;

  map = g_mapped_file_new (path, FALSE, &local);
  if (map == NULL)
    {
      g_set_error (error, G_IO_ERROR,
                   g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? G_IO_ERROR_NOT_FOUND : G_IO_ERROR_FAILED,
                   "%s", local->message);
      g_error_free (local);
      return NULL;
    }
  if (g_mapped_file_get_length (map) > PDF_MAX)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNSUPPORTED,
                   _("%s is larger than Werkbank signs (256 MiB)."), path);
      return NULL;
    }
  return g_mapped_file_get_bytes (map);
}

static gboolean
parse_rect (const char       *text,
            WbPdfSignOptions *opts)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  double v[4];

  if (g_strv_length (parts) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      v[i] = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != '\0' || v[i] < 0 || v[i] > 20000)
        return FALSE;
    }
  opts->x = v[0];
  opts->y = v[1];
  opts->width = v[2];
  opts->height = v[3];
  return opts->width >= 20 && opts->height >= 12;
}

int
wb_cli_sign (int    argc,
             char **argv)
{
  g_autofree char *id_path = NULL, *role_id = NULL, *output = NULL, *rect = NULL;
  g_autofree char *reason = NULL;
  int page = 0;
  gboolean invisible = FALSE;
  const GOptionEntry entries[] = {
    { "identity", 0, 0, G_OPTION_ARG_FILENAME, &id_path, N_("Your identity file"), N_("FILE") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_id,
      N_("team (approval) or teacher (certification, signs last)"), N_("ROLE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The signed PDF to write"), N_("FILE") },
    { "page", 0, 0, G_OPTION_ARG_INT, &page, N_("Page of the visible signature (default: "
                                                "the last)"), N_("N") },
    { "rect", 0, 0, G_OPTION_ARG_STRING, &rect,
      N_("Where on the page, in points from the lower left: x,y,width,height (default: "
         "the report's box for the role)"), N_("X,Y,W,H") },
    { "invisible", 0, 0, G_OPTION_ARG_NONE, &invisible, N_("No visible signature box"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why you sign (shown by PDF readers)"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE.pdf"), _("Sign a PDF as an incremental update. The team "
                                         "signs first; the teacher signs last with a "
                                         "certification signature."), entries);
  g_autoptr(WbIdentity) identity = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) signed_pdf = NULL;
  WbPdfSignOptions opts;
  WbIdentityRole role;
  GError *error = NULL;
  int code;

  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 2 || id_path == NULL || output == NULL || role_id == NULL)
    return wb_cli_usage (context, _("Give FILE.pdf, --identity, --role and --output."));
  wb_pdf_sign_options_init (&opts);
  if (!wb_identity_role_from_id (role_id, &role) || role == WB_IDENTITY_CA)
    return wb_cli_usage (context, _("--role must be “team” or “teacher”."));
  if (rect == NULL)
    {
      /* By default the boxes Werkbank's report reserves on its last page. */
      WbPdfRect box;

      wb_pdf_signature_rect (role == WB_IDENTITY_TEACHER ? WB_SIGNATURE_TEACHER
                                                         : WB_SIGNATURE_TEAM, &box);
      opts.x = box.x;
      opts.y = box.y;
      opts.width = box.width;
      opts.height = box.height;
    }
  else if (!parse_rect (rect, &opts))
    return wb_cli_usage (context, _("--rect takes x,y,width,height in points (a box of at "
                                    "least 20 × 12)."));
  if (page < 0)
    return wb_cli_usage (context, _("--page counts from 1."));
  if (g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("werkbank-cli: %s exists already; not overwriting it.\n"), output);
      return WB_EXIT_INVALID;
    }
  pdf = read_pdf (argv[1], &error);
  if (pdf == NULL)
    return wb_cli_sign_fail (error);
  identity = load_identity (id_path, ENV_IDENTITY, _("Passphrase of your identity: "), &error);
  if (identity == NULL)
    return wb_cli_sign_fail (error);
  if (wb_identity_get_role (identity) != role)
    {
      g_printerr (_("werkbank-cli: %s is a %s identity, not a %s one.\n"), id_path,
                  wb_identity_role_to_id (wb_identity_get_role (identity)), role_id);
      return WB_EXIT_REFUSED;
    }
  opts.kind = role == WB_IDENTITY_TEACHER ? WB_PDF_SIGNATURE_CERTIFICATION
                                          : WB_PDF_SIGNATURE_APPROVAL;
  opts.page = page > 0 ? (guint) page - 1 : WB_PDF_LAST_PAGE;
  opts.visible = !invisible;
  opts.role = role == WB_IDENTITY_TEACHER ? _("Teacher (validation)") : _("Team");
  opts.reason = reason;
  signed_pdf = wb_pdf_sign (pdf, identity, &opts, &error);
  if (signed_pdf == NULL)
    return wb_cli_sign_fail (error);
  if (!wb_file_write_private (output, g_bytes_get_data (signed_pdf, NULL),
                              g_bytes_get_size (signed_pdf), &error))
    return wb_cli_fail (error);
  g_print (_("Signed by %s as %s: %s\n"), wb_identity_get_name (identity), role_id, output);
  return WB_EXIT_OK;
}

/* werkbank-cli report-sign: signs the report kept in the engagement and keeps the
 * signed version there; the order rule is the core's (wb_report_sign_pdf). */
int
wb_cli_report_sign (int    argc,
                    char **argv)
{
  g_autofree char *id_path = NULL;
  const GOptionEntry entries[] = {
    { "identity", 0, 0, G_OPTION_ARG_FILENAME, &id_path,
      N_("Your identity file (team or teacher; its role decides the signature)"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE"), _("Sign the report kept in the engagement (render it "
                                     "with report --store): the team first, then the "
                                     "teacher certifies. The signed version replaces the "
                                     "kept one."), entries);
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(WbIdentity) identity = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) signed_pdf = NULL;
  g_autofree char *date = NULL;
  GError *error = NULL;
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 2 || id_path == NULL)
    return wb_cli_usage (context, _("Name one engagement file and --identity."));
  engagement = wb_cli_open (argv[1], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  pdf = wb_report_load_pdf (engagement, &date, &error);
  if (pdf == NULL)
    return wb_cli_report_store_fail (error);
  identity = load_identity (id_path, ENV_IDENTITY, _("Passphrase of your identity: "), &error);
  if (identity == NULL)
    return wb_cli_sign_fail (error);
  signed_pdf = wb_report_sign_pdf (pdf, identity, &error);
  if (signed_pdf == NULL)
    return error->domain == WB_REPORT_STORE_ERROR ? wb_cli_report_store_fail (error)
                                                  : wb_cli_sign_fail (error);
  if (!wb_report_store_pdf (engagement, signed_pdf, date, &error))
    return wb_cli_report_store_fail (error);
  g_print (_("Signed the report of %s as %s (%s); the signed version is kept in the "
             "engagement.\n"), date, wb_identity_get_name (identity),
           wb_identity_role_to_id (wb_identity_get_role (identity)));
  return WB_EXIT_OK;
}

static void
print_signature (guint                     n,
                 const WbPdfSignatureInfo *info,
                 gboolean                  have_ca)
{
  g_print (_("Signature %u (%s): %s\n"), n, info->field,
           info->valid ? _("valid") : _("NOT valid"));
  g_print (_("  Signed by: %s\n"), info->signer);
  if (info->time != NULL)
    g_print (_("  Time: %s\n"), info->time);
  g_print (_("  Kind: %s\n"), info->certification
                               ? _("certification (later changes are flagged)")
                               : _("approval"));
  g_print (_("  Covers the file up to byte %" PRIu64 "\n"), (guint64) info->signed_bytes);
  if (have_ca)
    g_print (_("  Issued by the given CA: %s\n"), info->trusted ? _("yes") : _("no"));
  if (info->problem != NULL)
    g_print (_("  Problem: %s\n"), info->problem);
}

int
wb_cli_verify_pdf (int    argc,
                   char **argv)
{
  g_autofree char *ca_path = NULL;
  const GOptionEntry entries[] = {
    { "ca", 0, 0, G_OPTION_ARG_FILENAME, &ca_path,
      N_("The school CA's certificate (PEM or DER); every signer must be issued by it"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("FILE.pdf"), _("Check every signature of a PDF, and that nothing "
                                         "was added after the last one."), entries);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) ca = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  GError *error = NULL;
  gboolean ok;
  int code;

  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return wb_cli_usage (context, _("Name one PDF file."));
  if (ca_path != NULL)
    {
      ca = wb_certificate_load (ca_path, &error);
      if (ca == NULL)
        return wb_cli_sign_fail (error);
    }
  pdf = read_pdf (argv[1], &error);
  if (pdf == NULL)
    return wb_cli_sign_fail (error);
  ok = wb_pdf_verify (pdf, ca, &infos, &error);
  for (guint i = 0; infos != NULL && i < infos->len; i++)
    print_signature (i + 1, infos->pdata[i], ca != NULL);
  if (!ok)
    return wb_cli_sign_fail (error);
  if (ca == NULL)
    g_print (ngettext ("The signature is valid and covers the whole file. The certificate "
                       "was not checked against a school CA (use --ca).\n",
                       "All %u signatures are valid and the last one covers the whole "
                       "file. The certificates were not checked against a school CA (use "
                       "--ca).\n", infos->len), infos->len);
  else
    g_print (ngettext ("The signature is valid, issued by the given CA, and covers the "
                       "whole file.\n",
                       "All %u signatures are valid, issued by the given CA, and the last "
                       "one covers the whole file.\n", infos->len), infos->len);
  return WB_EXIT_OK;
}

/* --- The destruction record for `destroy --record` ------------------------------- */

struct _WbCliRecord {
  char                 *path;
  char                 *language;
  WbIdentity           *team;
  WbIdentity           *teacher;
  WbDestructionContext *context;
};

void
wb_cli_record_free (WbCliRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->path);
  g_free (record->language);
  g_clear_object (&record->team);
  g_clear_object (&record->teacher);
  wb_destruction_context_free (record->context);
  g_free (record);
}

WbCliRecord *
wb_cli_record_prepare (WbEngagement  *engagement,
                       const char    *path,
                       const char    *identity,
                       const char    *validator,
                       gboolean       english,
                       GError       **error)
{
  g_autoptr(WbCliRecord) record = g_new0 (WbCliRecord, 1);

  /* Everything that can fail is checked BEFORE the erase: afterwards nothing about the
   * engagement can be read any more. */
  if (identity == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("--record needs --identity: the team member who performs the erase "
                     "signs the record."));
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s exists already; not overwriting it."), path);
      return NULL;
    }
  record->path = g_strdup (path);
  record->language = g_strdup (english ? "en" : "nl");
  record->team = load_identity (identity, ENV_IDENTITY, _("Passphrase of your identity: "),
                                error);
  if (record->team == NULL)
    return NULL;
  if (validator != NULL)
    {
      record->teacher = load_identity (validator, ENV_VALIDATOR,
                                       _("Passphrase of the teacher's identity: "), error);
      if (record->teacher == NULL)
        return NULL;
      if (wb_identity_get_role (record->teacher) != WB_IDENTITY_TEACHER)
        {
          g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                       _("%s is not a teacher's identity."), validator);
          return NULL;
        }
    }
  record->context = wb_destruction_context_new (engagement, record->language);
  return g_steal_pointer (&record);
}

int
wb_cli_record_finish (WbCliRecord              *record,
                      const WbDestructionFacts *facts)
{
  g_autoptr(GBytes) pdf = NULL;
  GError *error = NULL;

  pdf = wb_destruction_record_create (facts, record->context, record->team, record->teacher,
                                      record->language, &error);
  if (pdf == NULL
      || !wb_file_write_private (record->path, g_bytes_get_data (pdf, NULL),
                                 g_bytes_get_size (pdf), &error))
    {
      g_printerr (_("werkbank-cli: the engagement WAS destroyed, but the destruction record "
                    "could not be written.\n"));
      return wb_cli_sign_fail (error);
    }
  g_print (_("Destruction record: %s (signed by %s%s%s)\n"), record->path,
           wb_identity_get_name (record->team), record->teacher ? _(" and validated by ") : "",
           record->teacher ? wb_identity_get_name (record->teacher) : "");
  if (record->teacher == NULL)
    g_print (_("The teacher validates it with: werkbank-cli sign %s --identity TEACHER-ID "
               "--role teacher --page 1 --rect 310,60,229,60 -o VALIDATED.pdf\n"),
             record->path);
  return WB_EXIT_OK;
}

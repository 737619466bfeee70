/* wb-report-store.c — the report PDF kept inside the encrypted engagement, and signing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "wb-pdf-sign.h"
#include "wb-pdf-writer.h"
#include "wb-report-store.h"

G_DEFINE_QUARK (wb-report-store-error-quark, wb_report_store_error)

/* "werkbank-report-" YYYY-MM-DD ".pdf": the date is part of the name so that the
 * retention period can be counted without a second record. */
#define NAME_PREFIX "werkbank-report-"
#define NAME_SUFFIX ".pdf"
#define DATE_LEN    10

static gboolean
parse_date (const char *text,
            GDate      *out)
{
  guint y, m, d;

  if (text == NULL || strlen (text) != DATE_LEN
      || !g_ascii_isdigit (text[0]) || text[4] != '-' || text[7] != '-'
      || sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

/* The date in a stored report's name, or NULL when the name is not one of ours. */
static char *
date_from_name (const WbAttachmentInfo *info)
{
  gsize len = info->name != NULL ? strlen (info->name) : 0;
  g_autofree char *date = NULL;
  GDate parsed;

  if (len != strlen (NAME_PREFIX) + DATE_LEN + strlen (NAME_SUFFIX)
      || !g_str_has_prefix (info->name, NAME_PREFIX)
      || !g_str_has_suffix (info->name, NAME_SUFFIX)
      || g_strcmp0 (info->content_type, WB_REPORT_CONTENT_TYPE) != 0)
    return NULL;
  date = g_strndup (info->name + strlen (NAME_PREFIX), DATE_LEN);
  return parse_date (date, &parsed) ? g_steal_pointer (&date) : NULL;
}

/* The newest stored report (borrowed from @list), or NULL. Attachments are listed in
 * journal order, so the last one wins a tie of creation times. */
static const WbAttachmentInfo *
find_latest (GPtrArray *list)
{
  const WbAttachmentInfo *best = NULL;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const WbAttachmentInfo *info = list->pdata[i];
      g_autofree char *date = date_from_name (info);

      if (date != NULL && (best == NULL || info->created >= best->created))
        best = info;
    }
  return best;
}

gboolean
wb_report_store_pdf (WbEngagement  *engagement,
                     GBytes        *pdf,
                     const char    *date,
                     GError       **error)
{
  WbVault *vault;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  GDate parsed;

  g_return_val_if_fail (WB_IS_ENGAGEMENT (engagement), FALSE);
  g_return_val_if_fail (pdf != NULL, FALSE);

  if (!parse_date (date, &parsed))
    {
      g_set_error (error, WB_REPORT_STORE_ERROR, WB_REPORT_STORE_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD."), date ? date : "");
      return FALSE;
    }
  if (g_bytes_get_size (pdf) < 5 || memcmp (g_bytes_get_data (pdf, NULL), "%PDF-", 5) != 0)
    {
      g_set_error (error, WB_REPORT_STORE_ERROR, WB_REPORT_STORE_ERROR_INVALID,
                   _("That is not a PDF; only the report's PDF is kept as the report."));
      return FALSE;
    }
  vault = wb_engagement_get_vault (engagement);
  name = g_strconcat (NAME_PREFIX, date, NAME_SUFFIX, NULL);
  input = g_memory_input_stream_new_from_bytes (pdf);
  id = wb_vault_add_attachment (vault, name, WB_REPORT_CONTENT_TYPE, input, NULL, error);
  if (id == NULL)
    return FALSE;

  /* Only now that the new version is committed do the old ones go: a crash in between
   * leaves two versions, never none. */
  list = wb_vault_list_attachments (vault);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const WbAttachmentInfo *info = list->pdata[i];
      g_autofree char *old_date = date_from_name (info);

      if (old_date != NULL && !g_str_equal (info->id, id)
          && !wb_vault_delete_attachment (vault, info->id, error))
        return FALSE;
    }
  return TRUE;
}

GBytes *
wb_report_load_pdf (WbEngagement  *engagement,
                    char         **out_date,
                    GError       **error)
{
  WbVault *vault;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GOutputStream) output = NULL;
  const WbAttachmentInfo *latest;

  g_return_val_if_fail (WB_IS_ENGAGEMENT (engagement), NULL);

  vault = wb_engagement_get_vault (engagement);
  list = wb_vault_list_attachments (vault);
  latest = find_latest (list);
  if (latest == NULL)
    {
      g_set_error (error, WB_REPORT_STORE_ERROR, WB_REPORT_STORE_ERROR_NOT_FOUND,
                   _("No report is kept in this engagement yet; render it first."));
      return NULL;
    }
  output = g_memory_output_stream_new_resizable ();
  if (!wb_vault_read_attachment (vault, latest->id, output, NULL, error)
      || !g_output_stream_close (output, NULL, error))
    return NULL;
  if (out_date != NULL)
    *out_date = date_from_name (latest);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
}

gboolean
wb_report_has_stored_pdf (WbEngagement *engagement)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (WB_IS_ENGAGEMENT (engagement), FALSE);

  list = wb_vault_list_attachments (wb_engagement_get_vault (engagement));
  return find_latest (list) != NULL;
}

gboolean
wb_report_get_sign_state (GBytes             *pdf,
                          WbReportSignState  *state,
                          GError            **error)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) local = NULL;

  memset (state, 0, sizeof *state);
  if (!wb_pdf_verify (pdf, NULL, &infos, &local) && infos == NULL)
    {
      if (g_error_matches (local, WB_SIGN_ERROR, WB_SIGN_ERROR_NOT_SIGNED))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  for (guint i = 0; infos != NULL && i < infos->len; i++)
    {
      const WbPdfSignatureInfo *info = infos->pdata[i];

      state->n_signatures++;
      if (info->certification)
        state->teacher_signed = TRUE;
      else
        state->team_signed = TRUE;
    }
  return TRUE;
}

gboolean
wb_report_check_sign_order (GBytes          *pdf,
                            WbIdentityRole   role,
                            GError         **error)
{
  g_autoptr(GError) local = NULL;
  WbReportSignState state;

  if (role == WB_IDENTITY_CA)
    {
      g_set_error (error, WB_REPORT_STORE_ERROR, WB_REPORT_STORE_ERROR_ORDER,
                   _("A school CA issues certificates; it does not sign reports."));
      return FALSE;
    }
  if (!wb_report_get_sign_state (pdf, &state, error))
    return FALSE;
  if (state.teacher_signed)
    {
      g_set_error (error, WB_REPORT_STORE_ERROR, WB_REPORT_STORE_ERROR_ORDER,
                   _("The teacher has certified this report already: it is final. To "
                     "change it, render it again; then the team and the teacher sign "
                     "anew."));
      return FALSE;
    }
  if (role == WB_IDENTITY_TEAM && state.team_signed)
    {
      g_set_error (error, WB_REPORT_STORE_ERROR, WB_REPORT_STORE_ERROR_ORDER,
                   _("The team has signed this report already; now the teacher "
                     "certifies it."));
      return FALSE;
    }
  if (role == WB_IDENTITY_TEACHER && !state.team_signed)
    {
      g_set_error (error, WB_REPORT_STORE_ERROR, WB_REPORT_STORE_ERROR_ORDER,
                   _("The team signs first; the teacher certifies the report after "
                     "them."));
      return FALSE;
    }
  /* Never sign on top of a signature that does not check out, or of changes made
   * after it: the new signature would vouch for them. */
  if (state.n_signatures > 0 && !wb_pdf_verify (pdf, NULL, NULL, &local))
    {
      g_set_error (error, WB_REPORT_STORE_ERROR, WB_REPORT_STORE_ERROR_ORDER,
                   _("The signature already on the report does not check out (%s). "
                     "Render the report again and sign it anew."), local->message);
      return FALSE;
    }
  return TRUE;
}

GBytes *
wb_report_sign_pdf (GBytes      *pdf,
                    WbIdentity  *identity,
                    GError     **error)
{
  WbIdentityRole role;
  WbPdfSignOptions opts;
  WbPdfRect box;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (WB_IS_IDENTITY (identity), NULL);

  role = wb_identity_get_role (identity);
  if (!wb_report_check_sign_order (pdf, role, error))
    return NULL;
  wb_pdf_sign_options_init (&opts);
  wb_pdf_signature_rect (role == WB_IDENTITY_TEACHER ? WB_SIGNATURE_TEACHER
                                                     : WB_SIGNATURE_TEAM, &box);
  opts.x = box.x;
  opts.y = box.y;
  opts.width = box.width;
  opts.height = box.height;
  opts.page = WB_PDF_LAST_PAGE;
  opts.visible = TRUE;
  opts.kind = role == WB_IDENTITY_TEACHER ? WB_PDF_SIGNATURE_CERTIFICATION
                                          : WB_PDF_SIGNATURE_APPROVAL;
  opts.role = role == WB_IDENTITY_TEACHER ? _("Teacher (validation)") : _("Team");
  return wb_pdf_sign (pdf, identity, &opts, error);
}

char *
wb_report_retention_end (WbEngagement *engagement,
                         const char   *report_date)
{
  guint months;
  GDate end;

  g_return_val_if_fail (WB_IS_ENGAGEMENT (engagement), NULL);

  months = wb_agreement_get_retention_months (wb_engagement_get_agreement (engagement));
  if (months == 0 || !parse_date (report_date, &end))
    return NULL;
  g_date_add_months (&end, months);
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (&end),
                          (guint) g_date_get_month (&end), (guint) g_date_get_day (&end));
}

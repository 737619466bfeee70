/* wb-report-page.c — render the report, preview it (poppler-glib), sign it as the team
 * and then as the teacher, show each signature's state in plain words, export the PDF
 *
 * The report lives INSIDE the encrypted engagement (wb-report-store.h): students render
 * and sign at the client's site, the teacher certifies later at school from the same
 * file. It becomes a plaintext file only where the user exports it. Everything slow —
 * laying out the PDF, opening an identity (Argon2id), signing, reading the PDF back with
 * poppler and checking its signatures — runs in a GTask thread that sees bytes and
 * identities, never the WbEngagement; the vault is written from the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <poppler.h>

#include "wb-file.h"
#include "wb-gui-util.h"
#include "wb-identity-dialog.h"
#include "wb-pdf-sign.h"
#include "wb-pdf-writer.h"
#include "wb-report.h"
#include "wb-report-page.h"
#include "wb-report-store.h"

/* The preview shows the first pages and the last (the signature page). */
#define PREVIEW_PAGES 3
#define PREVIEW_WIDTH 300

struct _WbReportPage
{
  AdwBin             parent_instance;

  WbEngagement      *engagement;
  GCancellable      *cancellable;   /* work in a thread; NULL when idle */
  guint              n_preview_pages;
  gboolean           have_report;
  WbReportSignState  sign_state;
  char              *report_date;
  /* The school CA's certificate, learnt from the identity files used in this session:
   * what "chains to the school CA" is checked against. NULL: not known yet. */
  GBytes            *known_ca;
  GPtrArray         *signature_texts; /* of char *: what the rows say, for the tests */

  /* Template children */
  GtkButton         *render_button;
  GtkSpinner        *render_spinner;
  GtkLabel          *report_status;
  GtkListBox        *signatures_list;
  GtkBox            *preview_box;
};

G_DEFINE_FINAL_TYPE (WbReportPage, wb_report_page, ADW_TYPE_BIN)

static void show_stored_report (WbReportPage *self);

static void
set_status (WbReportPage *self,
            const char   *text,
            gboolean      is_error)
{
  gtk_label_set_text (self->report_status, text);
  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->report_status), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->report_status), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->report_status), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->report_status), "dim-label");
    }
}

static void
update_actions (WbReportPage *self)
{
  gboolean idle = self->cancellable == NULL && self->engagement != NULL;
  /* A damaged engagement opens read-only: it can show and export, not keep anything. */
  gboolean writable = idle && !wb_engagement_is_read_only (self->engagement);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "report.render-report", writable);
  gtk_widget_action_set_enabled (widget, "report.render-to", writable);
  gtk_widget_action_set_enabled (widget, "report.sign-team", writable && self->have_report);
  gtk_widget_action_set_enabled (widget, "report.sign-teacher",
                                 writable && self->have_report);
  gtk_widget_action_set_enabled (widget, "report.export", idle && self->have_report);
  gtk_widget_action_set_enabled (widget, "report.export-to", idle && self->have_report);
  gtk_spinner_set_spinning (self->render_spinner, self->cancellable != NULL);
}

static void
clear_report (WbReportPage *self)
{
  wb_gui_remove_children (GTK_WIDGET (self->preview_box));
  wb_gui_remove_children (GTK_WIDGET (self->signatures_list));
  g_ptr_array_set_size (self->signature_texts, 0);
  self->n_preview_pages = 0;
  self->have_report = FALSE;
  memset (&self->sign_state, 0, sizeof self->sign_state);
  g_clear_pointer (&self->report_date, g_free);
}

/* ---- What a signature's state is, in plain words -------------------------------- */

typedef struct {
  char     *title;
  char     *detail;
  gboolean  good;
} SignatureText;

static void
signature_text_free (SignatureText *text)
{
  g_free (text->title);
  g_free (text->detail);
  g_free (text);
}

/* "D:20261125101500Z" (as Werkbank writes /M) as a readable UTC time, or NULL. */
static char *
format_pdf_time (const char *pdf_time)
{
  int y, mo, d, h, mi, s;
  g_autoptr(GDateTime) when = NULL;

  if (pdf_time == NULL
      || sscanf (pdf_time, "D:%4d%2d%2d%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return NULL;
  when = g_date_time_new_utc (y, mo, d, h, mi, s);
  /* Translators: a signing time, see g_date_time_format(). */
  return when != NULL ? g_date_time_format (when, _("%-d %B %Y, %H:%M UTC")) : NULL;
}

static PopplerFormField *
find_field (GList      *fields,
            const char *name,
            guint       index)
{
  for (GList *l = fields; l != NULL; l = l->next)
    {
      g_autofree char *field_name = poppler_form_field_get_name (l->data);

      if (g_strcmp0 (field_name, name) == 0)
        return l->data;
    }
  /* Field names are ours; if poppler names them differently, the order is the same. */
  return g_list_nth_data (fields, index);
}

static SignatureText *
describe_signature (const WbPdfSignatureInfo *info,
                    PopplerFormField         *field,
                    gboolean                  last,
                    gsize                     total,
                    GBytes                   *known_ca)
{
  SignatureText *text = g_new0 (SignatureText, 1);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  PopplerSignatureInfo *poppler_info = NULL;
  g_autofree char *when = format_pdf_time (info->time);
  const char *who = info->signer;
  gboolean valid = info->valid;
  gboolean covered = !last || info->signed_bytes == total;

  /* poppler's own check (NSS) next to ours: both must agree it is valid. */
  if (field != NULL)
    poppler_info = poppler_form_field_signature_validate_sync (field, 0, NULL, NULL);
  if (poppler_info != NULL)
    {
      if (poppler_signature_info_get_signer_name (poppler_info) != NULL)
        who = poppler_signature_info_get_signer_name (poppler_info);
      valid = valid && poppler_signature_info_get_signature_status (poppler_info)
                         == POPPLER_SIGNATURE_VALID;
    }
  text->title = info->certification
                  /* Translators: %s is the signer's name. */
                  ? g_strdup_printf (_("%s — teacher, certification"), who)
                  : g_strdup_printf (_("%s — team, approval"), who);
  if (when != NULL)
    g_ptr_array_add (lines, g_strdup_printf (_("Signed on %s."), when));
  if (valid)
    g_ptr_array_add (lines, g_strdup (_("Valid: nothing it covers has changed since it was "
                                        "signed.")));
  else
    g_ptr_array_add (lines, g_strdup_printf (_("NOT valid: %s"),
                                             info->problem != NULL
                                               ? info->problem
                                               : _("the document was changed after it "
                                                   "was signed, or the signature is "
                                                   "damaged.")));
  if (last && covered)
    g_ptr_array_add (lines, g_strdup (_("It covers the whole document.")));
  else if (last)
    g_ptr_array_add (lines, g_strdup (_("It does NOT cover the whole document: something "
                                        "was added after it.")));
  else
    g_ptr_array_add (lines, g_strdup (_("It covers the document as it was then; the next "
                                        "signature was added after it.")));
  if (known_ca == NULL)
    g_ptr_array_add (lines, g_strdup (_("Not checked against the school CA: it is not "
                                        "known yet (it comes with an identity file the "
                                        "school issued).")));
  else
    {
      g_autofree char *ca_name = wb_certificate_get_subject_name (known_ca);

      g_ptr_array_add (lines, info->trusted
                         ? g_strdup_printf (_("Issued by the school CA “%s”."), ca_name)
                         : g_strdup_printf (_("NOT issued by the school CA “%s”."), ca_name));
    }
  g_ptr_array_add (lines, NULL);
  text->detail = g_strjoinv ("\n", (char **) lines->pdata);
  text->good = valid && covered && (known_ca == NULL || info->trusted);
  g_clear_pointer (&poppler_info, poppler_signature_info_free);
  return text;
}

/* ---- Reading a PDF back: preview and signatures (in a thread) ------------------- */

typedef struct {
  GBytes    *pdf;
  GBytes    *known_ca;
  guint      n_pages;
  GPtrArray *textures;   /* of GdkTexture */
  GPtrArray *signatures; /* of SignatureText */
} ShowResult;

static void
show_result_free (ShowResult *result)
{
  g_clear_pointer (&result->pdf, g_bytes_unref);
  g_clear_pointer (&result->known_ca, g_bytes_unref);
  g_clear_pointer (&result->textures, g_ptr_array_unref);
  g_clear_pointer (&result->signatures, g_ptr_array_unref);
  g_free (result);
}

static GdkTexture *
render_page (PopplerPage *page)
{
  double width;
  double height;
  double scale;
  int w;
  int h;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  poppler_page_get_size (page, &width, &height);
  scale = PREVIEW_WIDTH / width;
  w = PREVIEW_WIDTH;
  h = (int) (height * scale + 0.5);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  /* Paper is white in dark mode too: this is what the printed report looks like. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * h);
  texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static void
add_preview_page (ShowResult      *result,
                  PopplerDocument *document,
                  int              index)
{
  PopplerPage *page = poppler_document_get_page (document, index);

  if (page != NULL)
    {
      g_ptr_array_add (result->textures, render_page (page));
      g_object_unref (page);
    }
}

/* Fills @result from @result->pdf: the preview pages and each signature's state. */
static gboolean
read_back (ShowResult    *result,
           GCancellable  *cancellable,
           GError       **error)
{
  PopplerDocument *document; /* poppler-glib 22 has no autoptr */
  g_autoptr(GPtrArray) infos = NULL;
  GList *fields;
  int n_pages;

  document = poppler_document_new_from_bytes (result->pdf, NULL, error);
  if (document == NULL)
    return FALSE;
  n_pages = poppler_document_get_n_pages (document);
  result->n_pages = (guint) MAX (n_pages, 0);
  result->textures = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 0; i < n_pages && i < PREVIEW_PAGES - 1; i++)
    if (!g_cancellable_is_cancelled (cancellable))
      add_preview_page (result, document, i);
  /* The signature page is always the last: show it, that is where the boxes are. */
  if (n_pages >= PREVIEW_PAGES && !g_cancellable_is_cancelled (cancellable))
    add_preview_page (result, document, n_pages - 1);

  /* Our verifier: coverage and the school CA; poppler's: its own cryptographic check. */
  result->signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) signature_text_free);
  wb_pdf_verify (result->pdf, result->known_ca, &infos, NULL);
  fields = poppler_document_get_signature_fields (document);
  for (guint i = 0; infos != NULL && i < infos->len; i++)
    {
      const WbPdfSignatureInfo *info = infos->pdata[i];

      g_ptr_array_add (result->signatures,
                       describe_signature (info, find_field (fields, info->field, i),
                                           i + 1 == infos->len,
                                           g_bytes_get_size (result->pdf),
                                           result->known_ca));
    }
  g_list_free_full (fields, g_object_unref);
  g_object_unref (document);
  return TRUE;
}

static void
show_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (!read_back (task_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_signatures (WbReportPage *self,
                 GPtrArray    *signatures)
{
  wb_gui_remove_children (GTK_WIDGET (self->signatures_list));
  g_ptr_array_set_size (self->signature_texts, 0);
  if (signatures == NULL || signatures->len == 0)
    {
      GtkWidget *row = wb_gui_new_row (_("Not signed yet"),
                                       _("When the team agrees with the report, it signs "
                                         "with “Sign as Team…”."));

      gtk_list_box_append (self->signatures_list, row);
      g_ptr_array_add (self->signature_texts, g_strdup (_("Not signed yet")));
      return;
    }
  for (guint i = 0; i < signatures->len; i++)
    {
      SignatureText *text = signatures->pdata[i];
      GtkWidget *row = wb_gui_new_row (text->title, text->detail);
      GtkWidget *icon = gtk_image_new_from_icon_name (text->good ? "emblem-ok-symbolic"
                                                                 : "dialog-warning-symbolic");

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (icon, text->good ? "success" : "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      text->good ? _("Signature in order")
                                                 : _("Signature not in order"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->signatures_list, row);
      g_ptr_array_add (self->signature_texts,
                       g_strdup_printf ("%s | %s", text->title, text->detail));
    }
}

static void
show_preview (WbReportPage *self,
              GPtrArray    *textures,
              guint         n_pages)
{
  wb_gui_remove_children (GTK_WIDGET (self->preview_box));
  self->n_preview_pages = 0;
  for (guint i = 0; textures != NULL && i < textures->len; i++)
    {
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *picture = gtk_picture_new_for_paintable (g_ptr_array_index (textures, i));
      guint number = i + 1 < textures->len || n_pages <= PREVIEW_PAGES - 1 ? i + 1 : n_pages;
      g_autofree char *label = g_strdup_printf (_("Page %u"), number);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_tooltip_text (picture, label);
      gtk_frame_set_child (GTK_FRAME (frame), picture);
      gtk_widget_add_css_class (frame, "card");
      gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);
      gtk_box_append (self->preview_box, frame);
      self->n_preview_pages++;
    }
}

/* The line above the signatures: which report is kept and where it stands. */
static void
show_summary (WbReportPage *self,
              guint         n_pages)
{
  g_autofree char *text = NULL;
  const char *stage;

  if (self->sign_state.teacher_signed)
    stage = _("Signed by the team and certified by the teacher: ready to export for the "
              "company.");
  else if (self->sign_state.team_signed)
    stage = _("Signed by the team; the teacher certifies it next.");
  else
    stage = _("Not signed yet: the team signs first.");
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %s is a date (YYYY-MM-DD), %u the
                                        * number of pages, the last %s where it stands. */
                                       "The report of %s (%u page) is kept in the "
                                       "engagement. %s",
                                       "The report of %s (%u pages) is kept in the "
                                       "engagement. %s", n_pages),
                          self->report_date != NULL ? self->report_date : "?", n_pages,
                          stage);
  set_status (self, text, FALSE);
}

/* Takes what a thread read back and shows it. */
static void
apply_result (WbReportPage *self,
              ShowResult   *result)
{
  self->have_report = TRUE;
  if (!wb_report_get_sign_state (result->pdf, &self->sign_state, NULL))
    memset (&self->sign_state, 0, sizeof self->sign_state);
  show_preview (self, result->textures, result->n_pages);
  show_signatures (self, result->signatures);
  show_summary (self, result->n_pages);
  update_actions (self);
}

static GTask *
start_task (WbReportPage        *self,
            gpointer             tag,
            ShowResult          *result,
            GAsyncReadyCallback  callback)
{
  GTask *task;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, result, (GDestroyNotify) show_result_free);
  update_actions (self);
  return task;
}

/* Ends the thread's work; FALSE when it was cancelled (the page moved on). */
static gboolean
finish_task (WbReportPage  *self,
             GAsyncResult  *result,
             GError       **error)
{
  gboolean ok = g_task_propagate_boolean (G_TASK (result), error);

  if (!ok && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  g_clear_object (&self->cancellable);
  update_actions (self);
  return TRUE;
}

static void
on_shown (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  WbReportPage *self = WB_REPORT_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!finish_task (self, result, &error))
    return;
  if (error != NULL)
    {
      /* Translators: %s says why, in plain words. */
      text = g_strdup_printf (_("The kept report cannot be shown: %s"), error->message);
      set_status (self, text, TRUE);
      return;
    }
  apply_result (self, g_task_get_task_data (G_TASK (result)));
}

/* Reads the report kept in the engagement (main thread: the vault) and shows it (a
 * thread: poppler and the signature checks). */
static void
show_stored_report (WbReportPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  ShowResult *result;
  GBytes *pdf;

  if (self->engagement == NULL || self->cancellable != NULL)
    return;
  g_clear_pointer (&self->report_date, g_free);
  pdf = wb_report_load_pdf (self->engagement, &self->report_date, &error);
  if (pdf == NULL)
    {
      self->have_report = FALSE;
      update_actions (self);
      if (!g_error_matches (error, WB_REPORT_STORE_ERROR, WB_REPORT_STORE_ERROR_NOT_FOUND))
        set_status (self, error->message, TRUE);
      return;
    }
  result = g_new0 (ShowResult, 1);
  result->pdf = pdf;
  result->known_ca = self->known_ca != NULL ? g_bytes_ref (self->known_ca) : NULL;
  task = start_task (self, show_stored_report, result, on_shown);
  set_status (self, _("Reading the kept report…"), FALSE);
  g_task_run_in_thread (task, show_thread);
}

/* ---- Rendering ------------------------------------------------------------------- */

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ShowResult *result = task_data;
  WbPdfWriter *writer = g_object_get_data (G_OBJECT (task), "writer");
  GError *error = NULL;

  result->pdf = wb_pdf_writer_render (writer, &error);
  if (result->pdf == NULL || !read_back (result, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_rendered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  WbReportPage *self = WB_REPORT_PAGE (source);
  ShowResult *shown = g_task_get_task_data (G_TASK (result));
  WbReport *report = g_object_get_data (G_OBJECT (result), "report");
  const char *export_path = g_object_get_data (G_OBJECT (result), "export-path");
  WbEngagement *engagement = g_object_get_data (G_OBJECT (result), "engagement");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!finish_task (self, result, &error))
    return;
  if (error == NULL && engagement != self->engagement)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The engagement was closed."));
  /* Kept in the vault from this thread (the main one): the core is not thread-safe. */
  if (error == NULL)
    wb_report_store_pdf (self->engagement, shown->pdf, wb_report_get_date (report), &error);
  if (error == NULL && export_path != NULL && *export_path != '\0')
    wb_file_write_private (export_path, g_bytes_get_data (shown->pdf, NULL),
                           g_bytes_get_size (shown->pdf), &error);
  if (error != NULL)
    {
      text = g_strdup_printf (_("The report could not be rendered: %s"), error->message);
      set_status (self, text, TRUE);
      return;
    }
  g_free (self->report_date);
  self->report_date = g_strdup (wb_report_get_date (report));
  apply_result (self, shown);
}

static void
render_now (WbReportPage *self,
            const char   *export_path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(WbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  WbReportOptions options;
  ShowResult *result;

  if (self->engagement == NULL || self->cancellable != NULL)
    return;
  /* The model is built here, on the main thread (it reads the engagement); the thread
   * only lays it out. The kept report is the version to be signed. */
  wb_report_options_init (&options);
  options.status = WB_REPORT_STATUS_SIGNED;
  report = wb_report_new (self->engagement, &options, &error);
  if (report == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The report could not be rendered: %s"),
                                               error->message);

      set_status (self, text, TRUE);
      return;
    }
  result = g_new0 (ShowResult, 1);
  result->known_ca = self->known_ca != NULL ? g_bytes_ref (self->known_ca) : NULL;
  task = start_task (self, render_now, result, on_rendered);
  g_object_set_data_full (G_OBJECT (task), "report", g_object_ref (report), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "writer", wb_pdf_writer_new (report),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "engagement", g_object_ref (self->engagement),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "export-path", g_strdup (export_path), g_free);
  set_status (self, _("Rendering the report…"), FALSE);
  g_task_run_in_thread (task, render_thread);
}

static void
on_render_warning_response (AdwMessageDialog *dialog,
                            const char       *response,
                            WbReportPage     *self)
{
  if (g_str_equal (response, "render"))
    render_now (self, g_object_get_data (G_OBJECT (dialog), "export-path"));
}

/* A new rendering replaces the kept report and so its signatures: say so first. */
static void
render_report (WbReportPage *self,
               const char   *export_path)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (!self->have_report || self->sign_state.n_signatures == 0)
    {
      render_now (self, export_path);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       _("Render the Report Again?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "The kept report carries %u signature. A new "
                                               "rendering replaces it and the signature is "
                                               "lost: the team and the teacher sign again.",
                                               "The kept report carries %u signatures. A new "
                                               "rendering replaces it and the signatures are "
                                               "lost: the team and the teacher sign again.",
                                               self->sign_state.n_signatures),
                                  self->sign_state.n_signatures);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "render", _("_Render Again"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "render",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "export-path", g_strdup (export_path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_render_warning_response), self,
                           G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
page_render_report (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  render_report (WB_REPORT_PAGE (widget), NULL);
}

/* Renders, keeps the report in the engagement and, given a path, exports a copy there
 * (the scripted tests; an empty path only renders). */
static void
page_render_to (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  render_report (WB_REPORT_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* ---- Signing --------------------------------------------------------------------- */

static void
on_signed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  WbReportPage *self = WB_REPORT_PAGE (source);
  WbIdentityDialog *dialog = g_object_get_data (G_OBJECT (result), "dialog");
  WbEngagement *engagement = g_object_get_data (G_OBJECT (result), "engagement");
  ShowResult *shown = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!finish_task (self, result, &error))
    {
      wb_identity_dialog_finish (dialog, error);
      return;
    }
  if (error == NULL && engagement != self->engagement)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The engagement was closed."));
  if (error == NULL)
    wb_report_store_pdf (self->engagement, shown->pdf, self->report_date, &error);
  wb_identity_dialog_finish (dialog, error);
  if (error != NULL)
    return;
  apply_result (self, shown);
  wb_gui_toast (GTK_WIDGET (self), self->sign_state.teacher_signed
                                     ? _("The teacher certified the report.")
                                     : _("The team signed the report."));
}

static void
sign_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ShowResult *result = task_data;
  WbIdentity *identity = g_object_get_data (G_OBJECT (task), "identity");
  GBytes *unsigned_pdf = g_object_get_data (G_OBJECT (task), "pdf");
  GError *error = NULL;

  result->pdf = wb_report_sign_pdf (unsigned_pdf, identity, &error);
  if (result->pdf == NULL || !read_back (result, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_identity_ready (WbIdentityDialog *dialog,
                   WbIdentity       *identity,
                   WbReportPage     *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  ShowResult *result;

  if (self->engagement == NULL || self->cancellable != NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("The report is busy or the engagement was closed; try again."));
      wb_identity_dialog_finish (dialog, error);
      return;
    }
  pdf = wb_report_load_pdf (self->engagement, NULL, &error);
  if (pdf == NULL)
    {
      wb_identity_dialog_finish (dialog, error);
      return;
    }
  /* The identity file names its school CA: from now on signatures are checked against
   * it ("chains to the school CA"). */
  if (wb_identity_get_ca_certificate (identity) != NULL)
    {
      g_clear_pointer (&self->known_ca, g_bytes_unref);
      self->known_ca = g_bytes_ref (wb_identity_get_ca_certificate (identity));
    }
  result = g_new0 (ShowResult, 1);
  result->known_ca = self->known_ca != NULL ? g_bytes_ref (self->known_ca) : NULL;
  task = start_task (self, on_identity_ready, result, on_signed);
  g_object_set_data_full (G_OBJECT (task), "identity", g_object_ref (identity),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "pdf", g_steal_pointer (&pdf),
                          (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "dialog", g_object_ref (dialog), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "engagement", g_object_ref (self->engagement),
                          g_object_unref);
  set_status (self, _("Signing the report…"), FALSE);
  g_task_run_in_thread (task, sign_thread);
}

static void
sign_as (WbReportPage   *self,
         WbIdentityRole  role)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  WbIdentityDialog *dialog;
  gboolean teacher = role == WB_IDENTITY_TEACHER;

  if (self->engagement == NULL || self->cancellable != NULL)
    return;
  /* The order rule first, so nobody types a passphrase for a refusal. */
  pdf = wb_report_load_pdf (self->engagement, NULL, &error);
  if (pdf == NULL || !wb_report_check_sign_order (pdf, role, &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }
  dialog = wb_identity_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   teacher ? _("Sign as Teacher") : _("Sign as Team"),
                                   teacher
                                     ? _("Certify the report with the teacher's identity "
                                         "file. After this, the report is final.")
                                     : _("Sign the report with the team's identity file. "
                                         "The teacher certifies it afterwards."),
                                   _("_Sign"), role);
  g_signal_connect_object (dialog, "identity-ready", G_CALLBACK (on_identity_ready), self,
                           G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
page_sign_team (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  sign_as (WB_REPORT_PAGE (widget), WB_IDENTITY_TEAM);
}

static void
page_sign_teacher (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sign_as (WB_REPORT_PAGE (widget), WB_IDENTITY_TEACHER);
}

/* ---- Export ---------------------------------------------------------------------- */

static void
export_to (WbReportPage *self,
           const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_filename_display_basename (path);

  if (self->engagement == NULL)
    return;
  pdf = wb_report_load_pdf (self->engagement, NULL, &error);
  if (pdf == NULL
      || !wb_file_write_private (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                 &error))
    {
      text = g_strdup_printf (_("The report could not be exported: %s"), error->message);
      set_status (self, text, TRUE);
      return;
    }
  /* Translators: %s is a file name. */
  text = g_strdup_printf (_("Exported the report to %s. That copy is not encrypted: hand it "
                            "on only as its TLP label allows."), name);
  set_status (self, text, FALSE);
  wb_gui_toast (GTK_WIDGET (self), text);
}

static void
on_export_chosen (GtkWidget  *owner,
                  const char *path)
{
  export_to (WB_REPORT_PAGE (owner), path);
}

static void
page_export (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WbReportPage *self = WB_REPORT_PAGE (widget);
  /* Translators: the suggested file name of the report; %s is its date. */
  g_autofree char *name = g_strdup_printf (_("report-%s.pdf"),
                                           self->report_date ? self->report_date : "");

  wb_gui_choose_file (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Report"),
                      _("_Export"), name, NULL, on_export_chosen);
}

static void
page_export_to (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  export_to (WB_REPORT_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* ---- The page -------------------------------------------------------------------- */

void
wb_report_page_set_engagement (WbReportPage *self,
                               WbEngagement *engagement)
{
  g_return_if_fail (WB_IS_REPORT_PAGE (self));

  /* A refresh of the same engagement keeps the preview and what the status says: the
   * kept report changes only through this page. */
  if (engagement != NULL && engagement == self->engagement)
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->engagement, engagement);
  clear_report (self);
  set_status (self, _("The report is kept inside the encrypted engagement; export a copy "
                      "for the company when it is signed."), FALSE);
  show_signatures (self, NULL);
  update_actions (self);
  show_stored_report (self);
}

gboolean
wb_report_page_is_busy (WbReportPage *self)
{
  g_return_val_if_fail (WB_IS_REPORT_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

guint
wb_report_page_get_n_preview_pages (WbReportPage *self)
{
  g_return_val_if_fail (WB_IS_REPORT_PAGE (self), 0);

  return self->n_preview_pages;
}

const char * const *
wb_report_page_get_signature_texts (WbReportPage *self)
{
  g_return_val_if_fail (WB_IS_REPORT_PAGE (self), NULL);

  return (const char * const *) self->signature_texts->pdata;
}

const char *
wb_report_page_get_status (WbReportPage *self)
{
  g_return_val_if_fail (WB_IS_REPORT_PAGE (self), NULL);

  return gtk_label_get_text (self->report_status);
}

static void
wb_report_page_dispose (GObject *object)
{
  WbReportPage *self = WB_REPORT_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->engagement);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_REPORT_PAGE);
  G_OBJECT_CLASS (wb_report_page_parent_class)->dispose (object);
}

static void
wb_report_page_finalize (GObject *object)
{
  WbReportPage *self = WB_REPORT_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->known_ca, g_bytes_unref);
  g_clear_pointer (&self->report_date, g_free);
  g_ptr_array_unref (self->signature_texts);
  G_OBJECT_CLASS (wb_report_page_parent_class)->finalize (object);
}

static void
wb_report_page_class_init (WbReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_report_page_dispose;
  object_class->finalize = wb_report_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/werkbank/Werkbank/wb-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbReportPage, render_button);
  gtk_widget_class_bind_template_child (widget_class, WbReportPage, render_spinner);
  gtk_widget_class_bind_template_child (widget_class, WbReportPage, report_status);
  gtk_widget_class_bind_template_child (widget_class, WbReportPage, signatures_list);
  gtk_widget_class_bind_template_child (widget_class, WbReportPage, preview_box);

  gtk_widget_class_install_action (widget_class, "report.render-report", NULL,
                                   page_render_report);
  gtk_widget_class_install_action (widget_class, "report.render-to", "s", page_render_to);
  gtk_widget_class_install_action (widget_class, "report.sign-team", NULL, page_sign_team);
  gtk_widget_class_install_action (widget_class, "report.sign-teacher", NULL,
                                   page_sign_teacher);
  gtk_widget_class_install_action (widget_class, "report.export", NULL, page_export);
  gtk_widget_class_install_action (widget_class, "report.export-to", "s", page_export_to);
}

static void
wb_report_page_init (WbReportPage *self)
{
  /* NULL-terminated: the tests read it as a string vector. */
  self->signature_texts = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

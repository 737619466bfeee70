/* wb-report-page.c — render the report to a PDF and preview it (poppler-glib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "wb-gui-util.h"
#include "wb-pdf-writer.h"
#include "wb-report.h"
#include "wb-report-page.h"

/* The preview shows the first pages only: enough to see the report came out right. */
#define PREVIEW_PAGES 3
#define PREVIEW_WIDTH 360

struct _WbReportPage
{
  AdwBin        parent_instance;

  WbEngagement *engagement;
  GCancellable *render_cancellable;
  guint         n_preview_pages;

  /* Template children */
  GtkButton    *render_button;
  GtkSpinner   *render_spinner;
  GtkLabel     *report_status;
  GtkBox       *preview_box;
};

G_DEFINE_FINAL_TYPE (WbReportPage, wb_report_page, ADW_TYPE_BIN)

static void
clear_preview (WbReportPage *self)
{
  wb_gui_remove_children (GTK_WIDGET (self->preview_box));
  self->n_preview_pages = 0;
}

/* Rendering runs in a thread: building the report and laying out the PDF takes
 * seconds on a school laptop, and the window must keep responding. */

typedef struct {
  WbEngagement *engagement;
  char         *path;
  guint         n_pages;
  GPtrArray    *textures; /* of GdkTexture */
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_clear_object (&job->engagement);
  g_free (job->path);
  g_clear_pointer (&job->textures, g_ptr_array_unref);
  g_free (job);
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
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_autoptr(WbReport) report = NULL;
  g_autoptr(WbPdfWriter) writer = NULL;
  PopplerDocument *document = NULL; /* poppler-glib 22.02 has no autoptr */
  g_autofree char *uri = NULL;
  GError *error = NULL;
  int n_pages;

  report = wb_report_new (job->engagement, NULL, &error);
  if (report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  writer = wb_pdf_writer_new (report);
  if (!wb_pdf_writer_render_to_file (writer, job->path, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job->n_pages = wb_pdf_writer_get_n_pages (writer);

  /* Read back what was written: the preview shows the file, not a second render. */
  uri = g_filename_to_uri (job->path, NULL, &error);
  if (uri != NULL)
    document = poppler_document_new_from_file (uri, NULL, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  n_pages = poppler_document_get_n_pages (document);
  job->textures = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 0; i < n_pages && i < PREVIEW_PAGES; i++)
    {
      PopplerPage *page;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      page = poppler_document_get_page (document, i);
      if (page != NULL)
        {
          g_ptr_array_add (job->textures, render_page (page));
          g_object_unref (page);
        }
    }
  g_object_unref (document);

  g_task_return_boolean (task, TRUE);
}

static void
set_busy (WbReportPage *self,
          gboolean          busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.render-report", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.render-to", !busy);
  gtk_spinner_set_spinning (self->render_spinner, busy);
}

static void
on_render_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  WbReportPage *self = WB_REPORT_PAGE (source);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *name = NULL;

  g_clear_object (&self->render_cancellable);
  set_busy (self, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->report_status), "error");

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s says why, in plain words. */
      status = g_strdup_printf (_("The report could not be rendered: %s"), error->message);
      gtk_label_set_text (self->report_status, status);
      gtk_widget_add_css_class (GTK_WIDGET (self->report_status), "error");
      return;
    }

  clear_preview (self);
  for (guint i = 0; i < job->textures->len; i++)
    {
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *picture = gtk_picture_new_for_paintable (g_ptr_array_index (job->textures, i));
      g_autofree char *label = g_strdup_printf (_("Page %u"), i + 1);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_frame_set_child (GTK_FRAME (frame), picture);
      gtk_widget_add_css_class (frame, "card");
      gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);
      gtk_box_append (self->preview_box, frame);
      self->n_preview_pages++;
    }

  name = g_filename_display_basename (job->path);
  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Wrote %s (%u page).",
                                         "Wrote %s (%u pages).", job->n_pages),
                            name, job->n_pages);
  gtk_label_set_text (self->report_status, status);
}

static void
render_to (WbReportPage *self,
           const char       *path)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;

  if (self->engagement == NULL || self->render_cancellable != NULL)
    return;

  job = g_new0 (RenderJob, 1);
  job->engagement = g_object_ref (self->engagement);
  job->path = g_strdup (path);

  self->render_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->render_cancellable, on_render_done, NULL);
  g_task_set_source_tag (task, render_to);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  set_busy (self, TRUE);
  gtk_label_set_text (self->report_status, _("Rendering the report…"));
  g_task_run_in_thread (task, render_thread);
}

static void
page_render_to (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  render_to (WB_REPORT_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
on_save_response (GtkNativeDialog  *dialog,
                  int               response,
                  WbReportPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        render_to (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
page_render_report (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WbReportPage *self = WB_REPORT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Report"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name of the report. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("report.pdf"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self,
                           G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
wb_report_page_set_engagement (WbReportPage *self,
                               WbEngagement *engagement)
{
  g_return_if_fail (WB_IS_REPORT_PAGE (self));

  /* A refresh of the same engagement keeps the preview and what the status says. */
  if (engagement != NULL && engagement == self->engagement)
    return;
  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
  g_set_object (&self->engagement, engagement);
  clear_preview (self);
  gtk_label_set_text (self->report_status,
                      _("The report is written as a PDF file you choose; the pages "
                        "appear here."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->report_status), "error");
}

gboolean
wb_report_page_is_busy (WbReportPage *self)
{
  g_return_val_if_fail (WB_IS_REPORT_PAGE (self), FALSE);

  return self->render_cancellable != NULL;
}

guint
wb_report_page_get_n_preview_pages (WbReportPage *self)
{
  g_return_val_if_fail (WB_IS_REPORT_PAGE (self), 0);

  return self->n_preview_pages;
}

static void
wb_report_page_dispose (GObject *object)
{
  WbReportPage *self = WB_REPORT_PAGE (object);

  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->engagement);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_REPORT_PAGE);
  G_OBJECT_CLASS (wb_report_page_parent_class)->dispose (object);
}

static void
wb_report_page_finalize (GObject *object)
{
  WbReportPage *self = WB_REPORT_PAGE (object);

  g_clear_object (&self->render_cancellable);
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
  gtk_widget_class_bind_template_child (widget_class, WbReportPage, preview_box);

  gtk_widget_class_install_action (widget_class, "report.render-report", NULL,
                                   page_render_report);
  gtk_widget_class_install_action (widget_class, "report.render-to", "s", page_render_to);
}

static void
wb_report_page_init (WbReportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

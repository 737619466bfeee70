/* wb-engagement-view.c — one open engagement: overview, findings, report
 *
 * A thin front end: everything shown comes from WbEngagement, the report from
 * WbReport + WbPdfWriter; nothing here decides anything about the engagement itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "wb-engagement-view.h"
#include "wb-pdf-writer.h"
#include "wb-report.h"

/* The preview shows the first pages only: enough to see the report came out right. */
#define PREVIEW_PAGES 3
#define PREVIEW_WIDTH 360

struct _WbEngagementView
{
  AdwBin                parent_instance;

  WbEngagement         *engagement;
  GCancellable         *render_cancellable;
  guint                 n_preview_pages;

  /* Template children */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  AdwPreferencesGroup  *stage_group;
  GtkLabel             *company_value;
  GtkLabel             *agreement_value;
  AdwPreferencesGroup  *missing_group;
  GtkDropDown          *severity_filter;
  GtkListBox           *findings_list;
  GtkButton            *render_button;
  GtkSpinner           *render_spinner;
  GtkLabel             *report_status;
  GtkBox               *preview_box;

  /* Rows added to the groups, so they can be removed again (1.2 has no remove-all). */
  GPtrArray            *overview_rows;
};

G_DEFINE_FINAL_TYPE (WbEngagementView, wb_engagement_view, ADW_TYPE_BIN)

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
clear_overview (WbEngagementView *self)
{
  for (guint i = 0; i < self->overview_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->overview_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->overview_rows, 0);
}

static void
add_overview_row (WbEngagementView    *self,
                  AdwPreferencesGroup *group,
                  GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->overview_rows, row);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (subtitle != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    }
  return row;
}

/* The five stages, the current one marked; done ones get a check, later ones are dim. */
static void
fill_stages (WbEngagementView *self)
{
  WbStage current = wb_engagement_get_stage (self->engagement);

  for (WbStage stage = WB_STAGE_PREPARE; stage <= WB_STAGE_RETAIN; stage++)
    {
      GtkWidget *row = new_row (wb_stage_get_label (stage), NULL);
      GtkWidget *icon;
      const char *state;

      if (stage < current)
        {
          icon = gtk_image_new_from_icon_name ("object-select-symbolic");
          gtk_widget_add_css_class (icon, "success");
          state = _("Done");
        }
      else if (stage == current)
        {
          icon = gtk_image_new_from_icon_name ("media-record-symbolic");
          gtk_widget_add_css_class (icon, "accent");
          gtk_widget_add_css_class (row, "wb-current-stage");
          state = _("Current stage");
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state);
        }
      else
        {
          icon = gtk_image_new_from_icon_name ("content-loading-symbolic");
          gtk_widget_add_css_class (icon, "dim-label");
          state = _("Not yet");
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, state, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      add_overview_row (self, self->stage_group, row);
    }
}

static void
fill_company_and_agreement (WbEngagementView *self)
{
  const WbCompany *company = wb_engagement_get_company (self->engagement);
  WbAgreement *agreement = wb_engagement_get_agreement (self->engagement);
  g_autofree char *agreement_text = NULL;

  if (company != NULL && company->name != NULL)
    {
      gtk_label_set_text (self->company_value, company->name);
      adw_view_switcher_title_set_subtitle (self->switcher_title, company->name);
    }
  else
    {
      gtk_label_set_text (self->company_value, _("Not recorded yet"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
    }

  if (wb_agreement_is_signed (agreement))
    /* Translators: %s is a date, YYYY-MM-DD. */
    agreement_text = g_strdup_printf (_("Signed on %s"),
                                      wb_agreement_get_signed_on (agreement));
  else
    agreement_text = g_strdup (_("Not signed"));
  gtk_label_set_text (self->agreement_value, agreement_text);
}

static void
fill_missing (WbEngagementView *self)
{
  g_autoptr(GPtrArray) missing = wb_engagement_get_missing (self->engagement);

  if (missing == NULL || missing->len == 0)
    {
      GtkWidget *row = new_row (_("Nothing missing for this stage"), NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_add_css_class (icon, "success");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      add_overview_row (self, self->missing_group, row);
      return;
    }

  for (guint i = 0; i < missing->len; i++)
    {
      GtkWidget *row = new_row (g_ptr_array_index (missing, i), NULL);

      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      add_overview_row (self, self->missing_group, row);
    }
}

/* Severity pill: libadwaita's semantic colours, so it follows light and dark. */
static const char *
severity_css_class (WbSeverity severity)
{
  switch (severity)
    {
    case WB_SEVERITY_CRITICAL:
    case WB_SEVERITY_HIGH:
      return "error";
    case WB_SEVERITY_MEDIUM:
      return "warning";
    case WB_SEVERITY_LOW:
      return "accent";
    case WB_SEVERITY_INFO:
    default:
      return "dim-label";
    }
}

static GtkWidget *
create_finding_row (WbFinding *finding)
{
  const WbAdvice *advice = wb_finding_get_advice (finding);
  const char * const *assets = wb_finding_get_assets (finding);
  WbSeverity severity = wb_finding_get_severity (finding);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;
  GtkWidget *pill;

  /* First line: where and who/when; second: the step itself. */
  if (assets != NULL && assets[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) assets);
      g_string_append (subtitle, joined);
    }
  if (advice != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: who does it, then when: "Your IT supplier · Now (within 14 days)". */
      g_string_append_printf (subtitle, _("%s · %s"), wb_owner_get_label (advice->owner),
                              wb_priority_get_label (advice->priority));
      if (advice->step != NULL)
        g_string_append_printf (subtitle, "\n%s", advice->step);
    }

  row = new_row (wb_finding_get_title (finding), subtitle->len > 0 ? subtitle->str : NULL);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  g_object_set_data (G_OBJECT (row), "wb-severity", GINT_TO_POINTER (severity));

  pill = gtk_label_new (wb_severity_get_label (severity));
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "wb-severity");
  gtk_widget_add_css_class (pill, "caption-heading");
  gtk_widget_add_css_class (pill, severity_css_class (severity));
  gtk_widget_set_size_request (pill, 72, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), pill);

  return row;
}

static void
fill_findings (WbEngagementView *self)
{
  g_autoptr(GPtrArray) plan = wb_engagement_get_action_plan (self->engagement);

  remove_children (GTK_WIDGET (self->findings_list));
  for (guint i = 0; plan != NULL && i < plan->len; i++)
    gtk_list_box_append (self->findings_list,
                         create_finding_row (g_ptr_array_index (plan, i)));
  gtk_list_box_invalidate_filter (self->findings_list);
}

/* Position 0 is "all"; then the severities from critical down. */
static gboolean
filter_finding (GtkListBoxRow *row,
                gpointer       user_data)
{
  WbEngagementView *self = user_data;
  guint selected = gtk_drop_down_get_selected (self->severity_filter);
  WbSeverity severity = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "wb-severity"));

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return TRUE;
  return severity >= (WbSeverity) (WB_SEVERITY_CRITICAL - (selected - 1));
}

static void
on_filter_changed (WbEngagementView *self)
{
  gtk_list_box_invalidate_filter (self->findings_list);
}

static void
clear_preview (WbEngagementView *self)
{
  remove_children (GTK_WIDGET (self->preview_box));
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
set_busy (WbEngagementView *self,
          gboolean          busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.render-report", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.render-to", !busy);
  gtk_spinner_set_spinning (self->render_spinner, busy);
}

static void
on_render_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  WbEngagementView *self = WB_ENGAGEMENT_VIEW (source);
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
render_to (WbEngagementView *self,
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
view_render_to (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  render_to (WB_ENGAGEMENT_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_save_response (GtkNativeDialog  *dialog,
                  int               response,
                  WbEngagementView *self)
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
view_render_report (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WbEngagementView *self = WB_ENGAGEMENT_VIEW (widget);
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

static void
view_show_page (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WbEngagementView *self = WB_ENGAGEMENT_VIEW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack,
                                         g_variant_get_string (parameter, NULL));
}

/**
 * wb_engagement_view_set_engagement:
 * @engagement: (nullable): the open engagement, or %NULL when it is locked
 *
 * Shows @engagement; %NULL drops the view's reference, so the vault (and its keys)
 * can go once the window lets go too.
 */
void
wb_engagement_view_set_engagement (WbEngagementView *self,
                                   WbEngagement     *engagement,
                                   const char       *path)
{
  g_return_if_fail (WB_IS_ENGAGEMENT_VIEW (self));

  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
  g_set_object (&self->engagement, engagement);

  clear_overview (self);
  clear_preview (self);
  remove_children (GTK_WIDGET (self->findings_list));
  gtk_label_set_text (self->report_status,
                      _("The report is written as a PDF file you choose; the pages "
                        "appear here."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->report_status), "error");
  if (engagement == NULL)
    return;

  if (path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      adw_view_switcher_title_set_title (self->switcher_title, name);
    }
  fill_stages (self);
  fill_company_and_agreement (self);
  fill_missing (self);
  fill_findings (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
}

WbEngagement *
wb_engagement_view_get_engagement (WbEngagementView *self)
{
  g_return_val_if_fail (WB_IS_ENGAGEMENT_VIEW (self), NULL);

  return self->engagement;
}

gboolean
wb_engagement_view_is_busy (WbEngagementView *self)
{
  g_return_val_if_fail (WB_IS_ENGAGEMENT_VIEW (self), FALSE);

  return self->render_cancellable != NULL;
}

guint
wb_engagement_view_get_n_preview_pages (WbEngagementView *self)
{
  g_return_val_if_fail (WB_IS_ENGAGEMENT_VIEW (self), 0);

  return self->n_preview_pages;
}

static void
wb_engagement_view_dispose (GObject *object)
{
  WbEngagementView *self = WB_ENGAGEMENT_VIEW (object);

  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->engagement);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_ENGAGEMENT_VIEW);

  G_OBJECT_CLASS (wb_engagement_view_parent_class)->dispose (object);
}

static void
wb_engagement_view_finalize (GObject *object)
{
  WbEngagementView *self = WB_ENGAGEMENT_VIEW (object);

  g_ptr_array_unref (self->overview_rows);
  g_clear_object (&self->render_cancellable);

  G_OBJECT_CLASS (wb_engagement_view_parent_class)->finalize (object);
}

static void
wb_engagement_view_class_init (WbEngagementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_engagement_view_dispose;
  object_class->finalize = wb_engagement_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/werkbank/Werkbank/wb-engagement-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, stage_group);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, company_value);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, agreement_value);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, missing_group);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, severity_filter);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, findings_list);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, render_button);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, render_spinner);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, report_status);
  gtk_widget_class_bind_template_child (widget_class, WbEngagementView, preview_box);

  gtk_widget_class_install_action (widget_class, "view.render-report", NULL,
                                   view_render_report);
  gtk_widget_class_install_action (widget_class, "view.render-to", "s", view_render_to);
  gtk_widget_class_install_action (widget_class, "view.show-page", "s", view_show_page);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "view.show-page", "s", "overview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "view.show-page", "s", "findings");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "view.show-page", "s", "report");
}

static void
wb_engagement_view_init (WbEngagementView *self)
{
  g_autoptr(GtkStringList) severities = NULL;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->overview_rows = g_ptr_array_new ();

  severities = gtk_string_list_new (NULL);
  gtk_string_list_append (severities, _("All Severities"));
  for (int s = WB_SEVERITY_CRITICAL; s >= WB_SEVERITY_LOW; s--)
    {
      /* Translators: %s is a severity: "Medium and Higher". */
      g_autofree char *item = s == WB_SEVERITY_CRITICAL
        ? g_strdup (wb_severity_get_label (s))
        : g_strdup_printf (_("%s and Higher"), wb_severity_get_label (s));
      gtk_string_list_append (severities, item);
    }
  gtk_drop_down_set_model (self->severity_filter, G_LIST_MODEL (severities));
  g_signal_connect_object (self->severity_filter, "notify::selected",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  gtk_list_box_set_filter_func (self->findings_list, filter_finding, self, NULL);
  placeholder = gtk_label_new (_("No findings of this severity"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_list_box_set_placeholder (self->findings_list, placeholder);
}

GtkWidget *
wb_engagement_view_new (void)
{
  return g_object_new (WB_TYPE_ENGAGEMENT_VIEW, NULL);
}

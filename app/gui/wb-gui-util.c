/* wb-gui-util.c — small helpers the workbench's pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-gui-util.h"

void
wb_gui_remove_children (GtkWidget *box)
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

void
wb_gui_set_row_text (GtkWidget  *row,
                     const char *title,
                     const char *subtitle)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped = g_markup_escape_text (subtitle != NULL ? subtitle : "", -1);

  /* Client data is text, never markup: escape it, libadwaita 1.2 parses markup. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
}

GtkWidget *
wb_gui_new_row (const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  wb_gui_set_row_text (row, title, subtitle);
  return row;
}

const char *
wb_gui_severity_css_class (WbSeverity severity)
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

GtkWidget *
wb_gui_new_severity_pill (WbSeverity severity)
{
  GtkWidget *pill = gtk_label_new (wb_severity_get_label (severity));

  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "wb-severity");
  gtk_widget_add_css_class (pill, "caption-heading");
  gtk_widget_add_css_class (pill, wb_gui_severity_css_class (severity));
  gtk_widget_set_size_request (pill, 72, -1);
  return pill;
}

void
wb_gui_toast (GtkWidget  *widget,
              const char *text)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *content = NULL;

  /* A dialog toasts into the window it belongs to. */
  if (GTK_IS_WINDOW (root) && gtk_window_get_transient_for (GTK_WINDOW (root)) != NULL)
    root = GTK_ROOT (gtk_window_get_transient_for (GTK_WINDOW (root)));
  if (ADW_IS_APPLICATION_WINDOW (root))
    content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (root));
  else if (ADW_IS_WINDOW (root))
    content = adw_window_get_content (ADW_WINDOW (root));
  if (content != NULL && ADW_IS_TOAST_OVERLAY (content))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), adw_toast_new (text));
}

typedef struct {
  WbGuiFileChosen chosen;
} ChooseFile;

static void
on_file_response (GtkNativeDialog *chooser,
                  int              response,
                  GtkWidget       *owner)
{
  ChooseFile *choose = g_object_get_data (G_OBJECT (chooser), "wb-choose-file");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        choose->chosen (owner, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
wb_gui_choose_file (GtkWidget            *owner,
                    GtkFileChooserAction  action,
                    const char           *title,
                    const char           *accept,
                    const char           *suggested_name,
                    GtkFileFilter        *filter,
                    WbGuiFileChosen       chosen)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  GtkFileChooserNative *chooser;
  ChooseFile *choose = g_new0 (ChooseFile, 1);

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (suggested_name != NULL && action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  if (filter != NULL)
    {
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  choose->chosen = chosen;
  g_object_set_data_full (G_OBJECT (chooser), "wb-choose-file", choose, g_free);
  /* Disconnected when @owner goes, so @chosen never sees a finalized owner. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_response), owner,
                           G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* wb-test-steps-report.c — test-driver steps for the report and retention pages
 *
 *   render:PATH           render the report (kept in the engagement) and, given a PATH,
 *                         export a copy there; wait, require a preview
 *   sign:ROLE             press "Sign as Team…" / "Sign as Teacher…" (ROLE team or
 *                         teacher) and wait for the identity dialog
 *   refused:ROLE          the same, but the order rule must refuse: no dialog, the page
 *                         says why (printed)
 *   identity:FILE|PASS    in the open identity dialog: the file (as the file chooser
 *                         would give it), the passphrase typed, the accept button
 *                         pressed; wait until the dialog closed after its work
 *   identity-error:FILE|PASS  the same, but an inline error must appear (printed); the
 *                         dialog stays open
 *   close-dialog          close the open dialog as Escape does; wait until it is gone
 *   shot-dialog:NAME      a screenshot of the open dialog
 *   signatures            print what the page says of each signature, and its status
 *   export:PATH           export the kept report to PATH (as the file chooser would)
 *   render-warning        press "Render Report" on a signed report: the warning must
 *                         appear (printed); answer Cancel; the signatures stay
 *   retention             print the retention page's end date
 *   destroy:PATH          press "Destroy Now…" with the record going to PATH; wait for
 *                         the confirmation
 *   confirm:TEXT          type TEXT as the company's name and press Destroy; when the
 *                         button stays disabled, say so and press Cancel
 *   destroyed:PATH        wait until the engagement is closed and the record written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "wb-engagement-view.h"
#include "wb-identity-dialog.h"
#include "wb-report-page.h"
#include "wb-retention-page.h"
#include "wb-test-driver.h"
#include "wb-window.h"

static WbReportPage *
report_page (WbTestDriver *driver)
{
  return WB_REPORT_PAGE (wb_test_driver_get_page (driver, "report"));
}

/* The first visible toplevel of @type other than the main window, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) list = gtk_window_list_toplevels ();

  for (GList *l = list; l != NULL; l = l->next)
    if (g_type_is_a (G_OBJECT_TYPE (l->data), type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
step_render (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  WbReportPage *page = report_page (driver);

  if (first)
    {
      gtk_widget_activate_action (GTK_WIDGET (page), "report.render-to", "s", arg);
      *failed = !wb_report_page_is_busy (page);
      if (*failed)
        g_printerr ("driver: rendering did not start (%s)\n", wb_report_page_get_status (page));
      return *failed;
    }
  if (wb_report_page_is_busy (page))
    return FALSE;
  g_print ("driver: preview-pages %u\n", wb_report_page_get_n_preview_pages (page));
  g_print ("driver: report-status: %s\n", wb_report_page_get_status (page));
  *failed = wb_report_page_get_n_preview_pages (page) == 0;
  return TRUE;
}

static const char *
sign_action (const char *role)
{
  return g_str_equal (role, "teacher") ? "report.sign-teacher" : "report.sign-team";
}

static gboolean
step_sign (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  if (first)
    {
      gtk_widget_activate_action (GTK_WIDGET (report_page (driver)), sign_action (arg), NULL);
      return FALSE;
    }
  if (find_toplevel (WB_TYPE_IDENTITY_DIALOG) != NULL)
    return TRUE;
  if (wb_test_driver_get_step_age (driver) > 3 * G_USEC_PER_SEC)
    {
      g_printerr ("driver: no identity dialog; the page says: %s\n",
                  wb_report_page_get_status (report_page (driver)));
      *failed = TRUE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
step_refused (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  WbReportPage *page = report_page (driver);

  if (first)
    {
      gtk_widget_activate_action (GTK_WIDGET (page), sign_action (arg), NULL);
      return FALSE;
    }
  if (find_toplevel (WB_TYPE_IDENTITY_DIALOG) != NULL)
    {
      g_printerr ("driver: signing as %s was not refused\n", arg);
      gtk_window_close (find_toplevel (WB_TYPE_IDENTITY_DIALOG));
      *failed = TRUE;
      return TRUE;
    }
  g_print ("driver: refused: %s\n", wb_report_page_get_status (page));
  return TRUE;
}

/* Fills the identity dialog like a person and presses its accept button. */
static gboolean
fill_identity (const char *arg)
{
  GtkWindow *dialog = find_toplevel (WB_TYPE_IDENTITY_DIALOG);
  g_auto(GStrv) parts = g_strsplit (arg, "|", 2);
  GtkWidget *row;

  if (dialog == NULL || g_strv_length (parts) != 2)
    return FALSE;
  wb_identity_dialog_set_file (WB_IDENTITY_DIALOG (dialog), parts[0]);
  row = wb_test_driver_find (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), parts[1]);
  return wb_test_driver_click (gtk_window_get_default_widget (dialog));
}

static gboolean
step_identity (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWindow *dialog;

  if (first)
    {
      *failed = !fill_identity (arg);
      if (*failed)
        g_printerr ("driver: no identity dialog to fill in\n");
      return *failed;
    }
  dialog = find_toplevel (WB_TYPE_IDENTITY_DIALOG);
  if (dialog == NULL)
    return !wb_report_page_is_busy (report_page (driver));
  if (wb_identity_dialog_is_busy (WB_IDENTITY_DIALOG (dialog)))
    return FALSE;
  if (wb_identity_dialog_get_error (WB_IDENTITY_DIALOG (dialog)) != NULL)
    {
      g_printerr ("driver: identity dialog error: %s\n",
                  wb_identity_dialog_get_error (WB_IDENTITY_DIALOG (dialog)));
      *failed = TRUE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
step_identity_error (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWindow *dialog;

  if (first)
    {
      *failed = !fill_identity (arg);
      return *failed;
    }
  dialog = find_toplevel (WB_TYPE_IDENTITY_DIALOG);
  if (dialog == NULL)
    {
      g_printerr ("driver: the identity dialog closed without an error\n");
      *failed = TRUE;
      return TRUE;
    }
  if (wb_identity_dialog_is_busy (WB_IDENTITY_DIALOG (dialog))
      || wb_identity_dialog_get_error (WB_IDENTITY_DIALOG (dialog)) == NULL)
    return FALSE;
  g_print ("driver: identity inline error: %s\n",
           wb_identity_dialog_get_error (WB_IDENTITY_DIALOG (dialog)));
  return TRUE;
}

/* The open dialog (identity or message), or NULL. */
static GtkWindow *
top_dialog (void)
{
  GtkWindow *dialog = find_toplevel (WB_TYPE_IDENTITY_DIALOG);

  return dialog != NULL ? dialog : find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
step_close_dialog (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWindow *dialog = top_dialog ();

  if (first && dialog != NULL)
    {
      /* What Escape does. */
      gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
      return FALSE;
    }
  return dialog == NULL;
}

static gboolean
step_shot_dialog (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWindow *dialog = top_dialog ();
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (wb_test_driver_get_step_age (driver) < 700 * 1000)
    return FALSE;
  if (dialog == NULL)
    {
      g_printerr ("driver: no dialog to take a screenshot of\n");
      *failed = TRUE;
      return TRUE;
    }
  file = g_strconcat (arg, ".png", NULL);
  path = g_build_filename (g_getenv ("WERKBANK_GUI_TEST_SHOTS"), file, NULL);
  if (!wb_test_driver_save_screenshot (GTK_WIDGET (dialog), path, &error))
    {
      g_printerr ("driver: %s\n", error->message);
      *failed = TRUE;
    }
  return TRUE;
}

static gboolean
step_signatures (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  WbReportPage *page = report_page (driver);
  const char * const *texts;

  if (wb_report_page_is_busy (page))
    return FALSE;
  texts = wb_report_page_get_signature_texts (page);
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      g_autofree char *flat = g_strdelimit (g_strdup (texts[i]), "\n", ' ');

      g_print ("driver: signature: %s\n", flat);
    }
  g_print ("driver: report-status: %s\n", wb_report_page_get_status (page));
  return TRUE;
}

static gboolean
step_export (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  gtk_widget_activate_action (GTK_WIDGET (report_page (driver)), "report.export-to", "s",
                              arg);
  *failed = !g_file_test (arg, G_FILE_TEST_IS_REGULAR);
  if (*failed)
    g_printerr ("driver: nothing exported: %s\n",
                wb_report_page_get_status (report_page (driver)));
  return TRUE;
}

/* The button of a message dialog's response, by its label. */
static GtkWidget *
response_button (GtkWindow  *dialog,
                 const char *label)
{
  return wb_test_driver_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label);
}

static gboolean
step_render_warning (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  WbReportPage *page = report_page (driver);
  GtkWindow *dialog;

  if (first)
    {
      gtk_widget_activate_action (GTK_WIDGET (page), "report.render-report", NULL);
      return FALSE;
    }
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  if (dialog == NULL)
    {
      *failed = wb_report_page_is_busy (page) || wb_test_driver_get_step_age (driver)
                                                   > 3 * G_USEC_PER_SEC;
      if (*failed)
        g_printerr ("driver: no warning before rendering a signed report again\n");
      return *failed;
    }
  g_print ("driver: warning: %s | %s\n",
           adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
           adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  wb_test_driver_click (response_button (dialog, "_Cancel"));
  return TRUE;
}

static gboolean
step_retention (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  WbRetentionPage *page = WB_RETENTION_PAGE (wb_test_driver_get_page (driver, "retention"));

  g_print ("driver: keep-until: %s\n", wb_retention_page_get_end_text (page));
  return TRUE;
}

static gboolean
step_destroy (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  if (first)
    {
      gtk_widget_activate_action (wb_test_driver_get_page (driver, "retention"),
                                  "retention.destroy-to", "s", arg);
      return FALSE;
    }
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
step_confirm (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *destroy;

  if (!first)
    return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
  if (dialog == NULL)
    {
      g_printerr ("driver: no confirmation dialog\n");
      *failed = TRUE;
      return TRUE;
    }
  gtk_editable_set_text (GTK_EDITABLE (wb_test_driver_find (GTK_WIDGET (dialog),
                                                            GTK_TYPE_ENTRY, NULL)), arg);
  destroy = response_button (dialog, "_Destroy…");
  if (destroy == NULL || !gtk_widget_is_sensitive (destroy))
    {
      g_print ("driver: destroy refused: the button stays disabled for “%s”\n", arg);
      wb_test_driver_click (response_button (dialog, "_Cancel"));
      return FALSE;
    }
  g_print ("driver: destroy confirmed with “%s”\n", arg);
  wb_test_driver_click (destroy);
  return FALSE;
}

static gboolean
step_destroyed (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *window = GTK_WIDGET (wb_test_driver_get_window (driver));
  GtkStack *stack = wb_test_driver_child (window, WB_TYPE_WINDOW, "main_stack");
  GtkWidget *page = wb_test_driver_get_page (driver, "retention");

  GtkWidget *view = wb_test_driver_child (window, WB_TYPE_WINDOW, "engagement_view");

  /* Back on the list, the view holding no engagement any more, the record written. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "engagements") != 0
      || wb_engagement_view_get_engagement (WB_ENGAGEMENT_VIEW (view)) != NULL
      || wb_retention_page_is_busy (WB_RETENTION_PAGE (page)))
    return FALSE;
  *failed = !g_file_test (arg, G_FILE_TEST_IS_REGULAR);
  g_print ("driver: destroyed; record %s\n", *failed ? "MISSING" : "written");
  return TRUE;
}

const WbTestStep wb_test_steps_report[] = {
  { "render", step_render },
  { "sign", step_sign },
  { "refused", step_refused },
  { "identity", step_identity },
  { "identity-error", step_identity_error },
  { "close-dialog", step_close_dialog },
  { "shot-dialog", step_shot_dialog },
  { "signatures", step_signatures },
  { "export", step_export },
  { "render-warning", step_render_warning },
  { "retention", step_retention },
  { "destroy", step_destroy },
  { "confirm", step_confirm },
  { "destroyed", step_destroyed },
  { NULL, NULL },
};

/* wb-test-steps-findings.c — test-driver steps for the findings page
 *
 *   filter:N                 choose entry N of the severity filter
 *   count                    print "findings-shown N" (rows left after the filter)
 *   finding-edit:CHECK-ID    activate the action plan's row of that check (as Enter or
 *                            a click does) and wait for the review dialog
 *   finding-severity:NAME    in the review dialog, choose the severity (info ... critical)
 *   finding-step:TEXT        in the review dialog, type TEXT as what to do
 *   finding-reason:TEXT      in the review dialog, type TEXT as the reason (empty: clear)
 *   finding-save             press Save; wait until the dialog closed ("editor saved") or
 *                            shows its inline message ("editor-error TEXT"), printed
 *   finding-duplicates       print "duplicates-shown N" (suggested merges on the page)
 *   finding-merge:N          press "Merge…" of suggestion N (from 1); wait for the question
 *   finding-merge-reason:TEXT  type TEXT as the merge's reason
 *   finding-merge-confirm    press Merge if it can be pressed ("merge-disabled" printed
 *                            when not, and the question is cancelled); wait until it
 *                            closed and, after a merge, the page shows one suggestion less
 *   finding-shot:NAME        let the open dialog settle, then save a screenshot of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "wb-finding-editor.h"
#include "wb-findings-page.h"
#include "wb-test-driver.h"

static GtkWidget *
page_child (WbTestDriver *driver,
            const char   *name)
{
  return wb_test_driver_child (wb_test_driver_get_page (driver, "findings"),
                               WB_TYPE_FINDINGS_PAGE, name);
}

/* The first visible toplevel of @type, or NULL. */
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
fail (gboolean *failed, const char *what, const char *arg)
{
  g_printerr ("driver: %s%s%s\n", what, arg ? " " : "", arg ? arg : "");
  *failed = TRUE;
  return TRUE;
}

static gboolean
step_filter (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_child (driver, "severity_filter")),
                              (guint) g_ascii_strtoull (arg, NULL, 10));
  return TRUE;
}

static gboolean
step_count (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *list = page_child (driver, "findings_list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      n++;
  g_print ("driver: findings-shown %u\n", n);
  return TRUE;
}

/* ---- the review dialog ---- */

static gboolean
step_edit (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *list = page_child (driver, "findings_list");

  if (!first)
    return find_toplevel (WB_TYPE_FINDING_EDITOR) != NULL;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "wb-check-id"), arg) == 0)
      {
        gtk_widget_grab_focus (row);
        wb_test_driver_click (row);
        return FALSE;
      }
  return fail (failed, "no finding row for", arg);
}

static GtkWidget *
editor_row (gboolean *failed, GType type, const char *title)
{
  GtkWindow *editor = find_toplevel (WB_TYPE_FINDING_EDITOR);
  GtkWidget *row = editor ? wb_test_driver_find (GTK_WIDGET (editor), type, title) : NULL;

  if (row == NULL)
    fail (failed, "no review dialog row", title);
  return row;
}

static gboolean
step_severity (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *row = editor_row (failed, ADW_TYPE_COMBO_ROW, "Se_verity");
  WbSeverity severity;

  if (row == NULL)
    return TRUE;
  if (!wb_severity_from_string (arg, &severity))
    return fail (failed, "no such severity", arg);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), severity);
  return TRUE;
}

static gboolean
set_row_text (gboolean *failed, const char *title, const char *text)
{
  GtkWidget *row = editor_row (failed, ADW_TYPE_ENTRY_ROW, title);

  if (row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  return TRUE;
}

static gboolean
step_step (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  return set_row_text (failed, "What to _Do", arg);
}

static gboolean
step_reason (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  return set_row_text (failed, "_Reason", arg);
}

static gboolean
step_save (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWindow *editor = find_toplevel (WB_TYPE_FINDING_EDITOR);
  const char *error = editor ? wb_finding_editor_get_error (WB_FINDING_EDITOR (editor)) : NULL;
  GtkWidget *save;

  if (first)
    {
      save = editor ? wb_test_driver_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Save") : NULL;
      if (save == NULL)
        return fail (failed, "no Save button in a review dialog", NULL);
      wb_test_driver_click (save);
      editor = find_toplevel (WB_TYPE_FINDING_EDITOR);
      error = editor ? wb_finding_editor_get_error (WB_FINDING_EDITOR (editor)) : NULL;
    }
  if (editor == NULL)
    {
      g_print ("driver: editor saved\n");
      return TRUE;
    }
  if (error != NULL)
    {
      g_print ("driver: editor-error %s\n", error);
      return TRUE;
    }
  return FALSE;
}

/* ---- duplicates ---- */

static gboolean
step_merge (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *list = page_child (driver, "duplicates_list");
  guint wanted = (guint) g_ascii_strtoull (arg, NULL, 10), n = 0;

  if (!first)
    return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && ++n == wanted)
      {
        GtkWidget *button = wb_test_driver_find (row, GTK_TYPE_BUTTON, "_Merge…");

        if (button == NULL)
          return fail (failed, "no Merge button in suggestion", arg);
        wb_test_driver_click (button);
        return FALSE;
      }
  return fail (failed, "no such suggestion", arg);
}

static gboolean
step_merge_reason (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *entry = dialog ? wb_test_driver_find (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL)
                            : NULL;

  if (entry == NULL)
    return fail (failed, "no reason entry in the merge question", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), arg);
  return TRUE;
}

static guint
count_suggestions (WbTestDriver *driver)
{
  GtkWidget *list = page_child (driver, "duplicates_list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      n++;
  return gtk_widget_get_visible (page_child (driver, "duplicates_box")) ? n : 0;
}

static gboolean
step_merge_confirm (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  /* The suggestions before the answer: a merge is done when the page shows one fewer
   * (it redraws after the change is committed, in an idle). */
  static guint before;
  static gboolean pressed_merge;
  GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *merge, *cancel;

  if (!first)
    return dialog == NULL && (!pressed_merge || count_suggestions (driver) < before);
  merge = dialog ? wb_test_driver_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Merge") : NULL;
  cancel = dialog ? wb_test_driver_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Cancel")
                  : NULL;
  if (merge == NULL || cancel == NULL)
    return fail (failed, "no merge question with Merge and Cancel open", NULL);
  before = count_suggestions (driver);
  /* A person can press only what is enabled. */
  pressed_merge = gtk_widget_is_sensitive (merge);
  if (!pressed_merge)
    {
      g_print ("driver: merge-disabled\n");
      wb_test_driver_click (cancel);
      return FALSE;
    }
  wb_test_driver_click (merge);
  return FALSE;
}

static gboolean
step_duplicates (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_print ("driver: duplicates-shown %u\n", count_suggestions (driver));
  return TRUE;
}

static gboolean
step_dialog_shot (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWindow *dialog = find_toplevel (WB_TYPE_FINDING_EDITOR);
  g_autofree char *file = g_strdup_printf ("%s.png", arg);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dialog == NULL)
    dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  if (dialog == NULL)
    return fail (failed, "no dialog to take a screenshot of", arg);
  if (wb_test_driver_get_step_age (driver) < 700 * 1000)
    return FALSE;
  path = g_build_filename (g_getenv ("WERKBANK_GUI_TEST_SHOTS"), file, NULL);
  if (!wb_test_driver_save_screenshot (GTK_WIDGET (dialog), path, &error))
    return fail (failed, "screenshot failed:", error->message);
  g_print ("driver: screenshot %s\n", path);
  return TRUE;
}

const WbTestStep wb_test_steps_findings[] = {
  { "filter", step_filter },
  { "count", step_count },
  { "finding-edit", step_edit },
  { "finding-severity", step_severity },
  { "finding-step", step_step },
  { "finding-reason", step_reason },
  { "finding-save", step_save },
  { "finding-duplicates", step_duplicates },
  { "finding-merge", step_merge },
  { "finding-merge-reason", step_merge_reason },
  { "finding-merge-confirm", step_merge_confirm },
  { "finding-shot", step_dialog_shot },
  { NULL, NULL },
};

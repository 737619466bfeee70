/* wb-test-steps-new.c — test-driver steps for the new-engagement flow and the agreement
 *
 * The steps work in "the current surface": the agreement window when it is open, else
 * the visible step of the new-engagement page while it shows, else the main window.
 * Fields and buttons are found by the title or label a person reads (without the
 * mnemonic underscore), so a renamed field breaks the test as it would confuse a user.
 *
 *   new                  press New Engagement and wait for its first step
 *   new-file:PATH        the file to create, as the save dialog would return it (the
 *                        native dialog itself cannot be driven)
 *   new-set:TITLE=TEXT   type TEXT into the entry row titled TITLE
 *   new-add:TITLE=TEXT   type TEXT into a scope list's entry row and press its Add button
 *   new-choose:TITLE=ITEM  pick ITEM in the combo row titled TITLE
 *   new-switch:TITLE     flip the switch of the row titled TITLE (activates the row)
 *   new-spin:TITLE=N     set the spin button of the row titled TITLE
 *   new-clause:ID=TEXT   replace the text of the agreement clause ID
 *   new-expand:ID        open the clause ID's row and put the cursor in its text
 *   new-click:LABEL      activate the button labelled LABEL (in the step, else in the
 *                        header bar), wait until it settled
 *   new-next             press Create / Next / Done; waits while the file is created
 *   new-expect:WHAT      the step ("file", "company", "people", "agreement"), "error"
 *                        (an inline error is visible; prints "driver: new inline error:
 *                        …"), "signed" or "unsigned" (the agreement's state line), or
 *                        "no-error"
 *   new-expect-list:TEXT a row titled TEXT is listed (a scope entry or a person)
 *   edit-agreement       on the overview, activate "Edit and Sign the Agreement…" and
 *                        wait for the agreement window
 *   close-agreement      close the agreement window (it saves) and wait until it is gone
 *   new-shot:NAME        let it settle, then screenshot the current surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "wb-agreement-editor.h"
#include "wb-new-engagement-page.h"
#include "wb-test-driver.h"
#include "wb-window.h"

#define SETTLE_US (700 * 1000)
/* A button activated by the keyboard emits "clicked" after GTK's 250 ms press. */
#define CLICK_US (500 * 1000)

static GtkWidget *
new_page (WbTestDriver *driver)
{
  return wb_test_driver_child (GTK_WIDGET (wb_test_driver_get_window (driver)),
                               WB_TYPE_WINDOW, "new_engagement_page");
}

static const char *
main_page (WbTestDriver *driver)
{
  GtkStack *stack = wb_test_driver_child (GTK_WIDGET (wb_test_driver_get_window (driver)),
                                          WB_TYPE_WINDOW, "main_stack");

  return gtk_stack_get_visible_child_name (stack);
}

static GtkWidget *
agreement_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), "agreement-dialog") == 0 &&
          gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static GtkWidget *
surface (WbTestDriver *driver)
{
  GtkWidget *dialog = agreement_dialog ();

  if (dialog != NULL)
    return dialog;
  if (g_strcmp0 (main_page (driver), "new") == 0)
    return gtk_stack_get_visible_child (wb_test_driver_child (new_page (driver),
                                                              WB_TYPE_NEW_ENGAGEMENT_PAGE,
                                                              "steps"));
  return GTK_WIDGET (wb_test_driver_get_window (driver));
}

/* "_Company Name" → "Company Name". */
static gboolean
same_title (const char *title,
            const char *wanted)
{
  g_autoptr(GString) plain = g_string_new (title);

  g_string_replace (plain, "_", "", 0);
  return title != NULL && g_str_equal (plain->str, wanted);
}

static const char *
title_of (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  return NULL;
}

/* The first mapped descendant of @root that is a @type titled @title (NULL: any). */
static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (c))
        continue;
      if (g_type_is_a (G_OBJECT_TYPE (c), type) &&
          (title == NULL || same_title (title_of (c), title)))
        return c;
      found = find (c, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (c), name) == 0)
        return c;
      found = find_named (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_widget_get_tooltip_text (c), tooltip) == 0)
        return c;
      found = find_by_tooltip (c, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Splits "TITLE=VALUE"; FALSE (and a message) without '='. */
static gboolean
split_arg (const char  *arg,
           char       **title,
           const char **value,
           gboolean    *failed)
{
  const char *eq = strchr (arg, '=');

  if (eq == NULL)
    {
      g_printerr ("driver: “%s” needs TITLE=VALUE\n", arg);
      *failed = TRUE;
      return FALSE;
    }
  *title = g_strndup (arg, eq - arg);
  *value = eq + 1;
  return TRUE;
}

static GtkWidget *
must_find (WbTestDriver *driver,
           GType         type,
           const char   *title,
           gboolean     *failed)
{
  GtkWidget *widget = find (surface (driver), type, title);

  if (widget == NULL)
    {
      g_printerr ("driver: no %s titled “%s” on the screen\n", g_type_name (type), title);
      *failed = TRUE;
    }
  return widget;
}

static gboolean
step_new (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  if (first)
    gtk_widget_activate_action (GTK_WIDGET (wb_test_driver_get_window (driver)),
                                "win.new-engagement", NULL);
  return g_strcmp0 (main_page (driver), "new") == 0;
}

static gboolean
step_file (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  wb_new_engagement_page_set_path (WB_NEW_ENGAGEMENT_PAGE (new_page (driver)), arg);
  return TRUE;
}

static gboolean
step_set (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_autofree char *title = NULL;
  const char *value;
  GtkWidget *row;

  if (!split_arg (arg, &title, &value, failed))
    return TRUE;
  row = must_find (driver, ADW_TYPE_ENTRY_ROW, title, failed);
  if (row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), value);
  return TRUE;
}

static gboolean
step_add (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_autofree char *title = NULL;
  const char *value;
  GtkWidget *row;
  GtkWidget *button;

  if (!split_arg (arg, &title, &value, failed))
    return TRUE;
  row = must_find (driver, ADW_TYPE_ENTRY_ROW, title, failed);
  if (row == NULL)
    return TRUE;
  if (!first)
    return wb_test_driver_get_step_age (driver) > CLICK_US;
  gtk_editable_set_text (GTK_EDITABLE (row), value);
  button = find_by_tooltip (row, "Add");
  if (button == NULL)
    {
      g_printerr ("driver: the row “%s” has no Add button\n", title);
      *failed = TRUE;
      return TRUE;
    }
  wb_test_driver_click (button);
  return FALSE;
}

static gboolean
step_choose (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_autofree char *title = NULL;
  const char *value;
  GtkWidget *row;
  GListModel *model;

  if (!split_arg (arg, &title, &value, failed))
    return TRUE;
  row = must_find (driver, ADW_TYPE_COMBO_ROW, title, failed);
  if (row == NULL)
    return TRUE;
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), value))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        return TRUE;
      }
  g_printerr ("driver: “%s” offers no “%s”\n", title, value);
  *failed = TRUE;
  return TRUE;
}

static gboolean
step_switch (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *row = must_find (driver, ADW_TYPE_ACTION_ROW, arg, failed);

  if (row != NULL)
    adw_action_row_activate (ADW_ACTION_ROW (row));
  return TRUE;
}

static gboolean
step_spin (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_autofree char *title = NULL;
  const char *value;
  GtkWidget *row;
  GtkWidget *spin;

  if (!split_arg (arg, &title, &value, failed))
    return TRUE;
  row = must_find (driver, ADW_TYPE_ACTION_ROW, title, failed);
  spin = row != NULL ? find (row, GTK_TYPE_SPIN_BUTTON, NULL) : NULL;
  if (spin == NULL)
    {
      *failed = TRUE;
      return TRUE;
    }
  gtk_editable_set_text (GTK_EDITABLE (spin), value);
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  return TRUE;
}

static gboolean
step_clause (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  const char *value;
  GtkWidget *view;

  if (!split_arg (arg, &id, &value, failed))
    return TRUE;
  name = g_strconcat ("clause-", id, NULL);
  view = find_named (surface (driver), name);
  if (view == NULL)
    {
      g_printerr ("driver: no clause “%s”\n", id);
      *failed = TRUE;
      return TRUE;
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), value, -1);
  return TRUE;
}

static gboolean
step_expand (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_autofree char *name = g_strconcat ("clause-", arg, NULL);
  GtkWidget *view = find_named (surface (driver), name);
  GtkWidget *row = view != NULL ? gtk_widget_get_ancestor (view, ADW_TYPE_EXPANDER_ROW) : NULL;

  if (row == NULL)
    {
      g_printerr ("driver: no clause “%s”\n", arg);
      *failed = TRUE;
      return TRUE;
    }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (view);
  return TRUE;
}

static gboolean
step_click (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  if (first)
    {
      /* The step's own buttons first, then the header bar's (Cancel, Back). */
      GtkWidget *button = g_strcmp0 (main_page (driver), "new") == 0 &&
                          find (surface (driver), GTK_TYPE_BUTTON, arg) == NULL
                          ? find (new_page (driver), GTK_TYPE_BUTTON, arg)
                          : must_find (driver, GTK_TYPE_BUTTON, arg, failed);

      if (button == NULL && !*failed)
        {
          g_printerr ("driver: no button “%s” on the screen\n", arg);
          *failed = TRUE;
        }

      if (button != NULL)
        wb_test_driver_click (button);
      return *failed;
    }
  return wb_test_driver_get_step_age (driver) > CLICK_US;
}

static gboolean
step_next (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *page = new_page (driver);
  GtkStack *next_stack = wb_test_driver_child (page, WB_TYPE_NEW_ENGAGEMENT_PAGE,
                                               "next_stack");

  if (first)
    {
      gtk_widget_activate_action (page, "new.next", NULL);
      return FALSE;
    }
  /* Creating the file runs in a thread: wait until the button is back. */
  return g_strcmp0 (gtk_stack_get_visible_child_name (next_stack), "busy") != 0;
}

/* The visible inline error of the current surface, or NULL. */
static const char *
visible_error (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      const char *found;

      if (!gtk_widget_get_visible (c))
        continue;
      if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "error") &&
          *gtk_label_get_text (GTK_LABEL (c)) != '\0')
        return gtk_label_get_text (GTK_LABEL (c));
      found = visible_error (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
agreement_state (WbTestDriver *driver)
{
  GtkWidget *editor = find (surface (driver), WB_TYPE_AGREEMENT_EDITOR, NULL);

  if (editor == NULL && g_strcmp0 (main_page (driver), "new") == 0)
    editor = wb_test_driver_child (new_page (driver), WB_TYPE_NEW_ENGAGEMENT_PAGE,
                                   "agreement_editor");
  if (editor == NULL)
    return "";
  return gtk_label_get_text (wb_test_driver_child (editor, WB_TYPE_AGREEMENT_EDITOR,
                                                   "state_label"));
}

static gboolean
step_expect (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  const char *error = visible_error (surface (driver));
  const char *state = agreement_state (driver);

  if (g_str_equal (arg, "error"))
    *failed = error == NULL;
  else if (g_str_equal (arg, "no-error"))
    *failed = error != NULL;
  else if (g_str_equal (arg, "signed"))
    *failed = !g_str_has_prefix (state, "Signed on ");
  else if (g_str_equal (arg, "unsigned"))
    *failed = !g_str_has_prefix (state, "Not signed");
  else
    *failed = g_strcmp0 (main_page (driver), "new") != 0 ||
              g_strcmp0 (wb_new_engagement_page_get_step (WB_NEW_ENGAGEMENT_PAGE (new_page (driver))),
                         arg) != 0;

  if (error != NULL)
    g_print ("driver: new inline error: %s\n", error);
  if (*state != '\0')
    g_print ("driver: agreement state: %s\n", state);
  if (*failed)
    g_printerr ("driver: expected %s; the window shows %s%s%s\n", arg, main_page (driver),
                g_strcmp0 (main_page (driver), "new") == 0 ? " step " : "",
                g_strcmp0 (main_page (driver), "new") == 0
                ? wb_new_engagement_page_get_step (WB_NEW_ENGAGEMENT_PAGE (new_page (driver)))
                : "");
  return TRUE;
}

static gboolean
step_expect_list (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *row = find (surface (driver), ADW_TYPE_ACTION_ROW, arg);

  *failed = row == NULL;
  if (*failed)
    g_printerr ("driver: “%s” is not listed\n", arg);
  return TRUE;
}

static gboolean
step_edit_agreement (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  if (first)
    {
      GtkWidget *overview = wb_test_driver_get_page (driver, "overview");
      GtkWidget *row = overview != NULL
        ? find (overview, ADW_TYPE_ACTION_ROW, "Edit and Sign the Agreement…") : NULL;

      if (row == NULL)
        {
          g_printerr ("driver: the overview offers no “Edit and Sign the Agreement…”\n");
          *failed = TRUE;
          return TRUE;
        }
      wb_test_driver_click (row);
      return FALSE;
    }
  return agreement_dialog () != NULL;
}

static gboolean
step_close_agreement (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *dialog = agreement_dialog ();

  if (first && dialog != NULL)
    {
      gtk_window_close (GTK_WINDOW (dialog));
      return FALSE;
    }
  if (dialog != NULL && wb_test_driver_get_step_age (driver) > SETTLE_US)
    {
      /* Still open: saving was refused; say why. */
      g_printerr ("driver: the agreement window stayed open: %s\n",
                  visible_error (dialog) != NULL ? visible_error (dialog) : "?");
      *failed = TRUE;
      return TRUE;
    }
  return dialog == NULL;
}

static gboolean
step_shot (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *dialog = agreement_dialog ();
  GtkWidget *target = dialog != NULL ? dialog
                                     : GTK_WIDGET (wb_test_driver_get_window (driver));
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (wb_test_driver_get_step_age (driver) < SETTLE_US)
    return FALSE;
  file = g_strconcat (arg, ".png", NULL);
  path = g_build_filename (g_getenv ("WERKBANK_GUI_TEST_SHOTS"), file, NULL);
  if (!wb_test_driver_save_screenshot (target, path, &error))
    {
      g_printerr ("driver: %s\n", error->message);
      *failed = TRUE;
    }
  return TRUE;
}

const WbTestStep wb_test_steps_new[] = {
  { "new", step_new },
  { "new-file", step_file },
  { "new-set", step_set },
  { "new-add", step_add },
  { "new-choose", step_choose },
  { "new-switch", step_switch },
  { "new-spin", step_spin },
  { "new-clause", step_clause },
  { "new-expand", step_expand },
  { "new-click", step_click },
  { "new-next", step_next },
  { "new-expect", step_expect },
  { "new-expect-list", step_expect_list },
  { "edit-agreement", step_edit_agreement },
  { "close-agreement", step_close_agreement },
  { "new-shot", step_shot },
  { NULL, NULL },
};

/* wb-test-steps-checks.c — test-driver steps for the checks page (questionnaires, checklists)
 *
 * Every step works on the Checks page's real widgets, as a person would: it activates the
 * sidebar row, expands the question's row, picks the answer in its combo row, types into
 * its entry rows and presses their apply button, clicks "Add Photo…" and answers the file
 * chooser, clicks Run. It then waits (bounded by the driver) until the effect is visible
 * and prints a "driver: …" line the test script checks. Widgets are found by the names
 * the pages give them (wb-questionnaire-page.h, wb-checklist-page.h).
 *
 *   plugin:ID            activate plugin ID's row in the sidebar; wait for its page
 *   answer:Q=LABEL       expand question Q, choose LABEL in its answer combo ("Yes",
 *                        an option's label) or type LABEL into its entry and apply; wait
 *                        until the row says it is saved; prints "answered Q"
 *   note:Q=TEXT          type TEXT as Q's note and apply; prints "note-saved Q"
 *   type-note:Q=TEXT     type TEXT into Q's note without applying (typing in progress)
 *   expect-note:Q=TEXT   Q's note entry still holds TEXT; prints "note-kept Q"
 *   shown:Q / hidden:Q   question Q is shown / hidden by skip logic; prints "shown Q" or
 *                        "hidden Q" (fails otherwise)
 *   photo:Q=PATH         click Q's "Add Photo…", choose PATH in the file chooser; wait
 *                        until the row counts the photo; prints "photo-saved Q"
 *   focus:Q              move the keyboard focus to Q's row (scrolls it into view)
 *   run                  click the page's Run button; wait until the run ended; prints
 *                        "ran ID findings N", or "no-run-button ID" when the run task
 *                        offers no Run button
 *   consent:ITEM=NAME    try to give consent for checklist ITEM: prints "consent-refused
 *                        ITEM: <reason>" when its row is insensitive (nothing can be
 *                        typed), else types NAME, presses Save Record, prints
 *                        "consent-saved ITEM"
 *   outcome:ITEM=LABEL   choose LABEL ("Fail", ...) as checklist ITEM's outcome
 *   notice               print "notice <text>" when the sidebar says the agreement is
 *                        not signed, else "notice none"
 *   state                print "plugin-state ID: <state line>" of the open plugin page
 *   width:N              resize the window to N pixels wide (the sidebar folds)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "wb-checks-page.h"
#include "wb-plugin-page.h"
#include "wb-run-page.h"
#include "wb-test-driver.h"

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
      if ((found = find_named (c, name)) != NULL)
        return found;
    }
  return NULL;
}

/* The plugin page on screen (pages of other plugins stay in the stack, unmapped). */
static GtkWidget *
current_plugin_page (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (WB_IS_PLUGIN_PAGE (c) && gtk_widget_get_mapped (c))
        return c;
      if ((found = current_plugin_page (c)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
plugin_widget (WbTestDriver *driver, const char *prefix, const char *id, gboolean *failed)
{
  GtkWidget *page = current_plugin_page (wb_test_driver_get_page (driver, "checks"));
  g_autofree char *name = g_strconcat (prefix, id, NULL);
  GtkWidget *widget = page != NULL ? find_named (page, name) : NULL;

  if (widget == NULL)
    {
      g_printerr ("driver: no widget “%s” on the open plugin page\n", name);
      *failed = TRUE;
    }
  return widget;
}

/* "Q=VALUE" → Q and VALUE (both owned by @parts). */
static gboolean
split_arg (const char *arg, char ***parts, gboolean *failed)
{
  *parts = g_strsplit (arg, "=", 2);
  if ((*parts)[0] == NULL || (*parts)[1] == NULL)
    {
      g_printerr ("driver: “%s” is not NAME=VALUE\n", arg);
      *failed = TRUE;
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_plugin (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *checks = wb_test_driver_get_page (driver, "checks");
  g_autofree char *name = g_strconcat ("plugin-", arg, NULL);
  GtkWidget *page;

  if (first)
    {
      GtkWidget *row = find_named (checks, name);

      if (row == NULL)
        {
          g_printerr ("driver: no plugin “%s” in the sidebar\n", arg);
          *failed = TRUE;
          return TRUE;
        }
      gtk_widget_grab_focus (row);
      wb_test_driver_click (row);
      return FALSE;
    }
  page = wb_checks_page_get_plugin_page (WB_CHECKS_PAGE (checks), arg);
  return page != NULL && gtk_widget_get_mapped (page);
}

static void
expand (WbTestDriver *driver, const char *question, gboolean *failed)
{
  GtkWidget *row = plugin_widget (driver, "question-", question, failed);

  if (row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

static gboolean
select_label (AdwComboRow *combo, const char *label)
{
  GListModel *model = adw_combo_row_get_model (combo);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        {
          adw_combo_row_set_selected (combo, i);
          return TRUE;
        }
    }
  return FALSE;
}

static const char *
row_subtitle (WbTestDriver *driver, const char *question, gboolean *failed)
{
  GtkWidget *row = plugin_widget (driver, "question-", question, failed);

  return row != NULL ? adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)) : "";
}

/* Types into an entry row's text and presses Enter: it applies, as its check-mark
 * button does. */
static void
type_and_enter (GtkWidget *entry_row, const char *text)
{
  GtkWidget *entry = wb_test_driver_find (entry_row, GTK_TYPE_TEXT, NULL);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry_row), text);
  /* What GtkText's Enter key binding emits. */
  g_signal_emit_by_name (entry, "activate");
}

static gboolean
step_answer (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_auto(GStrv) parts = NULL;
  GtkWidget *answer;

  if (!split_arg (arg, &parts, failed))
    return TRUE;
  if (!first)
    {
      const char *subtitle = row_subtitle (driver, parts[0], failed);

      if (g_str_has_prefix (subtitle, parts[1]))
        {
          g_print ("driver: answered %s: %s\n", parts[0], subtitle);
          return TRUE;
        }
      return FALSE;
    }
  expand (driver, parts[0], failed);
  if ((answer = plugin_widget (driver, "answer-", parts[0], failed)) == NULL)
    return TRUE;
  gtk_widget_grab_focus (answer);
  if (ADW_IS_COMBO_ROW (answer))
    {
      if (!select_label (ADW_COMBO_ROW (answer), parts[1]))
        {
          g_printerr ("driver: “%s” is not an answer of %s\n", parts[1], parts[0]);
          *failed = TRUE;
          return TRUE;
        }
    }
  else
    {
      type_and_enter (answer, parts[1]);
    }
  return FALSE;
}

static JsonObject *
stored_answer (WbTestDriver *driver, const char *question)
{
  GtkWidget *page = current_plugin_page (wb_test_driver_get_page (driver, "checks"));
  g_autofree char *key = g_strconcat ("answer/", question, NULL);
  WbEngagement *engagement;
  JsonNode *node;

  if (page == NULL)
    return NULL;
  engagement = wb_plugin_page_get_engagement (WB_PLUGIN_PAGE (page));
  if (engagement == NULL)
    return NULL;
  node = wb_engagement_get_plugin_data (engagement,
                                        wb_plugin_page_get_plugin_id (WB_PLUGIN_PAGE (page)), key);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
step_note (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_auto(GStrv) parts = NULL;
  GtkWidget *note;
  JsonObject *stored;

  if (!split_arg (arg, &parts, failed))
    return TRUE;
  if (first)
    {
      expand (driver, parts[0], failed);
      if ((note = plugin_widget (driver, "note-", parts[0], failed)) == NULL)
        return TRUE;
      type_and_enter (note, parts[1]);
      return FALSE;
    }
  stored = stored_answer (driver, parts[0]);
  if (stored != NULL && json_object_has_member (stored, "note") &&
      g_strcmp0 (json_object_get_string_member (stored, "note"), parts[1]) == 0)
    {
      g_print ("driver: note-saved %s\n", parts[0]);
      return TRUE;
    }
  return FALSE;
}

static gboolean
step_type_note (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_auto(GStrv) parts = NULL;
  GtkWidget *note;

  if (!split_arg (arg, &parts, failed))
    return TRUE;
  expand (driver, parts[0], failed);
  if ((note = plugin_widget (driver, "note-", parts[0], failed)) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (note), parts[1]);
  return TRUE;
}

static gboolean
step_expect_note (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_auto(GStrv) parts = NULL;
  GtkWidget *note;

  if (!split_arg (arg, &parts, failed))
    return TRUE;
  if ((note = plugin_widget (driver, "note-", parts[0], failed)) == NULL)
    return TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (note)), parts[1]) == 0)
    g_print ("driver: note-kept %s\n", parts[0]);
  else
    {
      g_printerr ("driver: %s's note now reads “%s”\n", parts[0],
                  gtk_editable_get_text (GTK_EDITABLE (note)));
      *failed = TRUE;
    }
  return TRUE;
}

static gboolean
expect_visible (WbTestDriver *driver, const char *question, gboolean visible, gboolean *failed)
{
  GtkWidget *row = plugin_widget (driver, "question-", question, failed);

  if (row == NULL)
    return TRUE;
  if (gtk_widget_get_visible (row) != visible)
    {
      g_printerr ("driver: question %s is %s\n", question, visible ? "hidden" : "shown");
      *failed = TRUE;
    }
  else
    g_print ("driver: %s %s\n", visible ? "shown" : "hidden", question);
  return TRUE;
}

static gboolean
step_shown (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  return expect_visible (driver, arg, TRUE, failed);
}

static gboolean
step_hidden (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  return expect_visible (driver, arg, FALSE, failed);
}

/* The file chooser opened by @button, once it is on screen. */
static GtkNativeDialog *
shown_chooser (GtkWidget *button)
{
  GtkNativeDialog *chooser = g_object_get_data (G_OBJECT (button), "wb-file-chooser");

  return chooser != NULL && gtk_native_dialog_get_visible (chooser) ? chooser : NULL;
}

static gboolean
photo_saved (WbTestDriver *driver, const char *question)
{
  JsonObject *stored = stored_answer (driver, question);
  JsonNode *evidence = stored != NULL ? json_object_get_member (stored, "evidence") : NULL;

  return evidence != NULL && JSON_NODE_HOLDS_ARRAY (evidence) &&
         json_array_get_length (json_node_get_array (evidence)) > 0;
}

static gboolean
step_photo (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_auto(GStrv) parts = NULL;
  GtkWidget *button;
  GtkNativeDialog *chooser;

  if (!split_arg (arg, &parts, failed))
    return TRUE;
  if (first)
    expand (driver, parts[0], failed);
  if ((button = plugin_widget (driver, "evidence-", parts[0], failed)) == NULL)
    return TRUE;
  if (first)
    {
      wb_test_driver_click (button);   /* a click: opens the file chooser */
      return FALSE;
    }
  if ((chooser = shown_chooser (button)) != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (parts[1]);
      g_autoptr(GFile) selected = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      /* What a person does in the chooser: pick the file (the chooser loads its folder
       * first), then press Attach. */
      if (selected == NULL || !g_file_equal (selected, file))
        {
          if (g_object_get_data (G_OBJECT (chooser), "wb-test-picked") == NULL &&
              !gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error))
            {
              g_printerr ("driver: the chooser cannot select %s: %s\n", parts[1], error->message);
              *failed = TRUE;
              return TRUE;
            }
          g_object_set_data (G_OBJECT (chooser), "wb-test-picked", GINT_TO_POINTER (1));
          return FALSE;
        }
      g_object_set_data (G_OBJECT (chooser), "wb-test-picked", NULL);
      g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
      return FALSE;
    }
  if (photo_saved (driver, parts[0]))
    {
      g_print ("driver: photo-saved %s: %s\n", parts[0], row_subtitle (driver, parts[0], failed));
      return TRUE;
    }
  return FALSE;
}

static gboolean
step_focus (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *answer = plugin_widget (driver, "answer-", arg, failed);

  /* The scrolled page follows the keyboard focus. */
  if (answer != NULL)
    gtk_widget_grab_focus (answer);
  return TRUE;
}

static guint
count_findings (WbTestDriver *driver, WbPluginPage *page)
{
  WbEngagement *engagement = wb_plugin_page_get_engagement (page);

  return engagement != NULL
    ? wb_plugin_count_findings (engagement, wb_plugin_page_get_plugin_id (page)) : 0;
}

static gboolean
step_run (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *page = current_plugin_page (wb_test_driver_get_page (driver, "checks"));
  GtkWidget *run_page, *button;

  if (page == NULL)
    {
      g_printerr ("driver: no plugin page open\n");
      *failed = TRUE;
      return TRUE;
    }
  run_page = wb_plugin_page_get_run_page (WB_PLUGIN_PAGE (page));
  if (first)
    {
      button = wb_test_driver_find (run_page, GTK_TYPE_BUTTON, "_Run");
      if (button == NULL)
        {
          g_print ("driver: no-run-button %s\n", wb_plugin_page_get_plugin_id (WB_PLUGIN_PAGE (page)));
          return TRUE;
        }
      wb_test_driver_click (button);
      return FALSE;
    }
  /* Let the run start and end; the findings are committed when it ends. */
  if (wb_test_driver_get_step_age (driver) < 500 * 1000 ||
      wb_run_page_is_running (WB_RUN_PAGE (run_page)))
    return FALSE;
  g_print ("driver: ran %s findings %u\n", wb_plugin_page_get_plugin_id (WB_PLUGIN_PAGE (page)),
           count_findings (driver, WB_PLUGIN_PAGE (page)));
  return TRUE;
}

static gboolean
step_consent (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_auto(GStrv) parts = NULL;
  GtkWidget *item, *consent, *save;

  if (!split_arg (arg, &parts, failed) ||
      (item = plugin_widget (driver, "item-", parts[0], failed)) == NULL ||
      (consent = plugin_widget (driver, "consent-", parts[0], failed)) == NULL ||
      (save = plugin_widget (driver, "save-", parts[0], failed)) == NULL)
    return TRUE;
  gtk_widget_grab_focus (item);
  if (!gtk_widget_is_sensitive (consent))
    {
      /* A person cannot expand the row nor type in it; Save does nothing. */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (consent), parts[1]);
      wb_test_driver_click (save);
      g_print ("driver: consent-refused %s: %s (expanded: %s, save sensitive: %s)\n", parts[0],
               adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (item)),
               adw_expander_row_get_expanded (ADW_EXPANDER_ROW (item)) ? "yes" : "no",
               gtk_widget_is_sensitive (save) ? "yes" : "no");
      return TRUE;
    }
  if (first)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (consent), parts[1]);
      wb_test_driver_click (save);
      return FALSE;
    }
  /* Saved once the row names who consented. */
  if (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (item)), parts[1]) == NULL)
    return FALSE;
  g_print ("driver: consent-saved %s: %s\n", parts[0],
           adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (item)));
  return TRUE;
}

static gboolean
step_outcome (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  g_auto(GStrv) parts = NULL;
  GtkWidget *item, *outcome;

  if (!split_arg (arg, &parts, failed) ||
      (item = plugin_widget (driver, "item-", parts[0], failed)) == NULL ||
      (outcome = plugin_widget (driver, "outcome-", parts[0], failed)) == NULL)
    return TRUE;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item), TRUE);
  gtk_widget_grab_focus (outcome);
  if (!select_label (ADW_COMBO_ROW (outcome), parts[1]))
    {
      g_printerr ("driver: “%s” is not an outcome\n", parts[1]);
      *failed = TRUE;
    }
  return TRUE;
}

static gboolean
step_notice (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *notice = wb_test_driver_child (wb_test_driver_get_page (driver, "checks"),
                                            WB_TYPE_CHECKS_PAGE, "notice");

  if (wb_test_driver_get_step_age (driver) < 300 * 1000)
    return FALSE;   /* the page refreshes when it is shown */
  g_print ("driver: notice %s\n", gtk_widget_get_visible (notice)
           ? gtk_label_get_text (GTK_LABEL (notice)) : "none");
  return TRUE;
}

static gboolean
step_state (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *page = current_plugin_page (wb_test_driver_get_page (driver, "checks"));
  GtkWidget *state = page != NULL ? find_named (page, "plugin-state") : NULL;

  if (state == NULL)
    {
      g_printerr ("driver: no plugin page open\n");
      *failed = TRUE;
      return TRUE;
    }
  g_print ("driver: plugin-state %s: %s\n", wb_plugin_page_get_plugin_id (WB_PLUGIN_PAGE (page)),
           gtk_label_get_text (GTK_LABEL (state)));
  return TRUE;
}

static gboolean
step_width (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWindow *window = wb_test_driver_get_window (driver);
  int width = (int) g_ascii_strtoll (arg, NULL, 10);

  if (first)
    {
      gtk_window_set_default_size (window, width, 800);
      return FALSE;
    }
  return gtk_widget_get_width (GTK_WIDGET (window)) <= width + 50 ||
         wb_test_driver_get_step_age (driver) > 3 * G_USEC_PER_SEC;
}

const WbTestStep wb_test_steps_checks[] = {
  { "plugin", step_plugin },
  { "answer", step_answer },
  { "note", step_note },
  { "type-note", step_type_note },
  { "expect-note", step_expect_note },
  { "shown", step_shown },
  { "hidden", step_hidden },
  { "photo", step_photo },
  { "focus", step_focus },
  { "run", step_run },
  { "consent", step_consent },
  { "outcome", step_outcome },
  { "notice", step_notice },
  { "state", step_state },
  { "width", step_width },
  { NULL, NULL },
};

/* wb-finding-editor.c — the dialog to review one finding
 *
 * The dialog keeps its own copy of what is typed: the findings page redraws after every
 * committed change, the dialog does not. Nothing is changed in the engagement until
 * Save or Remove, and then in one committed record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-finding-editor.h"
#include "wb-gui-util.h"

struct _WbFindingEditor
{
  AdwWindow     parent_instance;

  WbEngagement *engagement;
  char         *finding_id;

  AdwComboRow  *severity_row;
  AdwEntryRow  *step_row;
  AdwComboRow  *owner_row;
  AdwComboRow  *priority_row;
  AdwEntryRow  *reason_row;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (WbFindingEditor, wb_finding_editor, ADW_TYPE_WINDOW)

static void
show_error (WbFindingEditor *self, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static const char *
reason (WbFindingEditor *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
}

/* A reason is what the teacher reads later: without one nothing is saved. */
static gboolean
require_reason (WbFindingEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (reason (self)));

  if (*text != '\0')
    return TRUE;
  show_error (self, _("Say why: the teacher reads the reason in the audit trail."));
  /* Screen readers hear why the row wants attention when it gets the focus. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->reason_row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->error_label), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
  return FALSE;
}

/* The finding as it is now, or NULL (with the message shown) when it is gone. */
static WbFinding *
current_finding (WbFindingEditor *self)
{
  WbFinding *finding = wb_engagement_lookup_finding (self->engagement, self->finding_id);

  if (finding == NULL)
    show_error (self, _("This finding is no longer there (merged or removed)."));
  return finding;
}

static gboolean
apply_changes (WbFindingEditor *self, WbFinding *copy)
{
  g_autoptr(WbAdvice) advice = wb_advice_copy (wb_finding_get_advice (copy));
  WbSeverity severity = (WbSeverity) adw_combo_row_get_selected (self->severity_row);
  const char *step = gtk_editable_get_text (GTK_EDITABLE (self->step_row));
  gboolean changed = FALSE;

  if (severity != wb_finding_get_severity (copy))
    {
      g_autofree char *why = g_strstrip (g_strdup (reason (self)));

      wb_finding_set_severity (copy, severity, why);
      changed = TRUE;
    }
  if (g_strcmp0 (step, advice->step ? advice->step : "") != 0)
    {
      g_free (advice->step);
      advice->step = g_strdup (step);
      changed = TRUE;
    }
  if ((WbOwner) adw_combo_row_get_selected (self->owner_row) != advice->owner ||
      (WbPriority) adw_combo_row_get_selected (self->priority_row) != advice->priority)
    {
      advice->owner = (WbOwner) adw_combo_row_get_selected (self->owner_row);
      advice->priority = (WbPriority) adw_combo_row_get_selected (self->priority_row);
      changed = TRUE;
    }
  wb_finding_set_advice (copy, advice);
  return changed;
}

static void
on_save (WbFindingEditor *self)
{
  g_autoptr(WbFinding) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  WbFinding *finding;

  if (!require_reason (self) || (finding = current_finding (self)) == NULL)
    return;
  /* Change a copy: the shown finding stays as it was if the change is refused. */
  node = wb_finding_to_json (finding);
  copy = wb_finding_new_from_json (node, &error);
  if (copy == NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (!apply_changes (self, copy))
    {
      show_error (self, _("Nothing was changed: change the severity or the advice, or "
                          "close this window."));
      return;
    }
  why = g_strstrip (g_strdup (reason (self)));
  if (!wb_engagement_update_finding (self->engagement, copy, why, &error))
    {
      show_error (self, error->message);
      return;
    }
  wb_gui_toast (GTK_WIDGET (self), _("Finding updated"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_remove (WbFindingEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;

  if (!require_reason (self) || current_finding (self) == NULL)
    return;
  why = g_strstrip (g_strdup (reason (self)));
  if (!wb_engagement_remove_finding (self->engagement, self->finding_id, why, &error))
    {
      show_error (self, error->message);
      return;
    }
  wb_gui_toast (GTK_WIDGET (self), _("Finding removed"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_reason_changed (WbFindingEditor *self)
{
  if (*reason (self) == '\0')
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->reason_row), GTK_ACCESSIBLE_STATE_INVALID);
}

/* ---- building the dialog ---- */

typedef const char *(*LabelFunc) (int value);

static AdwComboRow *
new_combo_row (const char *title, LabelFunc label, int first, int last, int selected)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  for (int v = first; v <= last; v++)
    gtk_string_list_append (list, label (v));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (row, (guint) selected);
  g_object_unref (list);
  return row;
}

static AdwEntryRow *
new_entry_row (const char *title, const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_activates_default (row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  return row;
}

static GtkWidget *
new_group (const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static GtkWidget *
new_summary (WbFinding *finding)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (wb_finding_get_title (finding));
  g_autofree char *assets = g_strjoinv (", ", (char **) wb_finding_get_assets (finding));
  g_autofree char *where = *assets != '\0'
    ? g_strdup_printf ("%s · %s", wb_finding_get_check_id (finding), assets)
    : g_strdup (wb_finding_get_check_id (finding));
  GtkWidget *detail = gtk_label_new (where);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-3");
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_selectable (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  return box;
}

static GtkWidget *
new_reason_group (WbFindingEditor *self)
{
  GtkWidget *group = new_group (_("Reason"), _("Required. The teacher reads it in the "
                                               "audit trail; a new severity keeps it as "
                                               "its explanation."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();

  self->reason_row = new_entry_row (_("_Reason"), NULL);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->reason_row));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  g_signal_connect_object (self->reason_row, "changed", G_CALLBACK (on_reason_changed), self,
                           G_CONNECT_SWAPPED);
  return group;
}

static GtkWidget *
new_content (WbFindingEditor *self, WbFinding *finding)
{
  const WbAdvice *advice = wb_finding_get_advice (finding);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *severity = new_group (_("Severity"), NULL);
  GtkWidget *advice_group = new_group (_("Advice"), _("What the company reads in its action "
                                                      "plan."));
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("Re_move Finding"));

  self->severity_row = new_combo_row (_("Se_verity"), (LabelFunc) wb_severity_get_label,
                                      WB_SEVERITY_INFO, WB_SEVERITY_CRITICAL,
                                      wb_finding_get_severity (finding));
  self->step_row = new_entry_row (_("What to _Do"), advice->step);
  self->owner_row = new_combo_row (_("_Who"), (LabelFunc) wb_owner_get_label,
                                   WB_OWNER_COMPANY, WB_OWNER_SUPPLIER, advice->owner);
  self->priority_row = new_combo_row (_("Wh_en"), (LabelFunc) wb_priority_get_label,
                                      WB_PRIORITY_NOW, WB_PRIORITY_REPLACEMENT,
                                      advice->priority);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (severity), GTK_WIDGET (self->severity_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (advice_group), GTK_WIDGET (self->step_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (advice_group), GTK_WIDGET (self->owner_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (advice_group),
                             GTK_WIDGET (self->priority_row));

  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_add_css_class (remove, "pill");
  gtk_widget_set_halign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove this finding, with the reason above"));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove), self, G_CONNECT_SWAPPED);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), new_summary (finding));
  gtk_box_append (GTK_BOX (box), severity);
  gtk_box_append (GTK_BOX (box), advice_group);
  gtk_box_append (GTK_BOX (box), new_reason_group (self));
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

static GtkWidget *
new_header (WbFindingEditor *self, WbFinding *finding)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Review Finding"),
                                                         wb_finding_get_check_id (finding)));
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  g_signal_connect_object (save, "clicked", G_CALLBACK (on_save), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  /* Enter in a text row saves, as in every GNOME dialog. */
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
  return header;
}

static void
add_escape_closes (WbFindingEditor *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

WbFindingEditor *
wb_finding_editor_new (GtkWindow *parent, WbEngagement *engagement, WbFinding *finding)
{
  WbFindingEditor *self = g_object_new (WB_TYPE_FINDING_EDITOR,
                                        "transient-for", parent,
                                        "modal", TRUE,
                                        "destroy-with-parent", TRUE,
                                        "default-width", 560,
                                        "default-height", 720,
                                        "title", _("Review Finding"),
                                        NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->engagement = g_object_ref (engagement);
  self->finding_id = g_strdup (wb_finding_get_id (finding));
  adw_clamp_set_child (ADW_CLAMP (clamp), new_content (self, finding));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), new_header (self, finding));
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
  add_escape_closes (self);
  return self;
}

const char *
wb_finding_editor_get_finding_id (WbFindingEditor *self)
{
  return self->finding_id;
}

const char *
wb_finding_editor_get_error (WbFindingEditor *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
    ? gtk_label_get_text (self->error_label) : NULL;
}

static void
wb_finding_editor_dispose (GObject *object)
{
  WbFindingEditor *self = WB_FINDING_EDITOR (object);

  g_clear_object (&self->engagement);
  G_OBJECT_CLASS (wb_finding_editor_parent_class)->dispose (object);
}

static void
wb_finding_editor_finalize (GObject *object)
{
  g_free (WB_FINDING_EDITOR (object)->finding_id);
  G_OBJECT_CLASS (wb_finding_editor_parent_class)->finalize (object);
}

static void
wb_finding_editor_class_init (WbFindingEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wb_finding_editor_dispose;
  G_OBJECT_CLASS (klass)->finalize = wb_finding_editor_finalize;
}

static void
wb_finding_editor_init (WbFindingEditor *self)
{
}

/* wb-findings-page.c — the findings as the action plan, with a severity filter; review
 * (a row opens the editor) and possible duplicates to merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-finding-editor.h"
#include "wb-findings-page.h"
#include "wb-gui-util.h"

struct _WbFindingsPage
{
  AdwBin            parent_instance;

  WbEngagement     *engagement;
  WbFindingEditor  *editor;       /* weak: the open editor, if any */
  AdwMessageDialog *merge_dialog; /* weak: the open merge question, if any */

  /* Template children */
  GtkWidget        *duplicates_box;
  GtkListBox       *duplicates_list;
  GtkDropDown      *severity_filter;
  GtkListBox       *findings_list;
};

G_DEFINE_FINAL_TYPE (WbFindingsPage, wb_findings_page, ADW_TYPE_BIN)

/* ---- the action plan ---- */

static void
append_review (WbEngagement *engagement, WbFinding *finding, GString *subtitle)
{
  const char *severity_reason = wb_finding_get_severity_reason (finding);
  g_auto(GStrv) merged = wb_engagement_get_merged_checks (engagement,
                                                          wb_finding_get_id (finding));

  if (severity_reason != NULL && *severity_reason != '\0')
    /* Translators: why a finding has the severity it has, as the reviewer wrote it. */
    g_string_append_printf (subtitle, _("\nSeverity: %s"), severity_reason);
  if (merged[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", merged);

      /* Translators: the check ids of the findings merged into this one. */
      g_string_append_printf (subtitle, _("\nMerged from %s"), joined);
    }
}

static GtkWidget *
create_finding_row (WbEngagement *engagement, WbFinding *finding)
{
  const WbAdvice *advice = wb_finding_get_advice (finding);
  const char * const *assets = wb_finding_get_assets (finding);
  WbSeverity severity = wb_finding_get_severity (finding);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;

  /* First line: where and who/when; then the step, why this severity, what was merged. */
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
      if (advice->step != NULL && *advice->step != '\0')
        g_string_append_printf (subtitle, "\n%s", advice->step);
    }
  append_review (engagement, finding, subtitle);

  row = wb_gui_new_row (wb_finding_get_title (finding),
                        subtitle->len > 0 ? subtitle->str : NULL);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Review this finding"));
  g_object_set_data (G_OBJECT (row), "wb-severity", GINT_TO_POINTER (severity));
  g_object_set_data_full (G_OBJECT (row), "wb-finding-id",
                          g_strdup (wb_finding_get_id (finding)), g_free);
  g_object_set_data_full (G_OBJECT (row), "wb-check-id",
                          g_strdup (wb_finding_get_check_id (finding)), g_free);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), wb_gui_new_severity_pill (severity));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* The finding whose row has the keyboard focus, so a redraw can give it back. */
static char *
focused_finding_id (WbFindingsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  for (GtkWidget *w = root ? gtk_root_get_focus (root) : NULL; w != NULL;
       w = gtk_widget_get_parent (w))
    if (gtk_widget_get_parent (w) == GTK_WIDGET (self->findings_list))
      return g_strdup (g_object_get_data (G_OBJECT (w), "wb-finding-id"));
  return NULL;
}

static void
fill_findings (WbFindingsPage *self)
{
  g_autoptr(GPtrArray) plan = wb_engagement_get_action_plan (self->engagement);
  g_autofree char *focused = focused_finding_id (self);

  wb_gui_remove_children (GTK_WIDGET (self->findings_list));
  for (guint i = 0; plan != NULL && i < plan->len; i++)
    {
      WbFinding *finding = g_ptr_array_index (plan, i);
      GtkWidget *row = create_finding_row (self->engagement, finding);

      gtk_list_box_append (self->findings_list, row);
      /* After a review the keyboard stays where it was, on the same finding. */
      if (focused != NULL && g_str_equal (focused, wb_finding_get_id (finding)))
        gtk_widget_grab_focus (row);
    }
  gtk_list_box_invalidate_filter (self->findings_list);
}

/* Position 0 is "all"; then the severities from critical down. */
static gboolean
filter_finding (GtkListBoxRow *row,
                gpointer       user_data)
{
  WbFindingsPage *self = user_data;
  guint selected = gtk_drop_down_get_selected (self->severity_filter);
  WbSeverity severity = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "wb-severity"));

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return TRUE;
  return severity >= (WbSeverity) (WB_SEVERITY_CRITICAL - (selected - 1));
}

static void
on_filter_changed (WbFindingsPage *self)
{
  gtk_list_box_invalidate_filter (self->findings_list);
}

static void
on_finding_activated (WbFindingsPage *self,
                      GtkListBoxRow  *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "wb-finding-id");
  WbFinding *finding = id ? wb_engagement_lookup_finding (self->engagement, id) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (finding == NULL || self->editor != NULL)
    return;
  self->editor = wb_finding_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->engagement, finding);
  g_object_add_weak_pointer (G_OBJECT (self->editor), (gpointer *) &self->editor);
  gtk_window_present (GTK_WINDOW (self->editor));
}

/* ---- possible duplicates ---- */

static void
on_merge_response (WbFindingsPage   *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "wb-reason");
  GStrv group = g_object_get_data (G_OBJECT (dialog), "wb-group");
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "merge") || self->engagement == NULL)
    return;
  if (wb_engagement_merge_findings (self->engagement, group[0],
                                    (const char * const *) group + 1, reason, &error))
    wb_gui_toast (GTK_WIDGET (self), _("Findings merged"));
  else
    wb_gui_toast (GTK_WIDGET (self), error->message);
}

/* Merge stays unavailable, with a word why, until there is a reason. */
static void
on_merge_reason_changed (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  GtkWidget *hint = g_object_get_data (G_OBJECT (dialog), "wb-hint");

  adw_message_dialog_set_response_enabled (dialog, "merge", *reason != '\0');
  gtk_widget_set_visible (hint, *reason == '\0');
}

static GtkWidget *
new_reason_box (AdwMessageDialog *dialog)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *hint = gtk_label_new (_("A reason is required: the teacher reads it in the "
                                     "audit trail."));

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), hint);
  g_object_set_data (G_OBJECT (dialog), "wb-reason", entry);
  g_object_set_data (G_OBJECT (dialog), "wb-hint", hint);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_merge_reason_changed), dialog, 0);
  return box;
}

static void
on_merge_clicked (WbFindingsPage *self,
                  GtkButton      *button)
{
  GStrv group = g_object_get_data (G_OBJECT (button), "wb-group");
  WbFinding *keep = wb_engagement_lookup_finding (self->engagement, group[0]);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint others = g_strv_length (group) - 1;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (keep == NULL || self->merge_dialog != NULL)
    return;
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” and %u other finding describe the same "
                                       "problem. They become one finding with the "
                                       "assets and evidence of both.",
                                       "“%s” and %u other findings describe the same "
                                       "problem. They become one finding with the "
                                       "assets and evidence of all.", others),
                          wb_finding_get_title (keep), others);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       _("Merge Duplicates?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "merge");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, new_reason_box (dialog));
  adw_message_dialog_set_response_enabled (dialog, "merge", FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "wb-group", g_strdupv (group),
                          (GDestroyNotify) g_strfreev);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response), self,
                           G_CONNECT_SWAPPED);
  self->merge_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->merge_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_duplicate_row (WbFindingsPage *self, GStrv group)
{
  WbFinding *keep = wb_engagement_lookup_finding (self->engagement, group[0]);
  g_autoptr(GString) checks = g_string_new (wb_finding_get_check_id (keep));
  g_autofree char *assets = g_strjoinv (", ", (char **) wb_finding_get_assets (keep));
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row, *button;

  for (guint i = 1; group[i] != NULL; i++)
    g_string_append_printf (checks, " + %s",
                            wb_finding_get_check_id (wb_engagement_lookup_finding (
                                                       self->engagement, group[i])));
  subtitle = g_strdup_printf ("%s\n%s", checks->str, assets);
  row = wb_gui_new_row (wb_finding_get_title (keep), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             wb_gui_new_severity_pill (wb_finding_get_severity (keep)));
  button = gtk_button_new_with_mnemonic (_("_Merge…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of a Merge button; %s is a finding's title. */
  accessible = g_strdup_printf (_("Merge the duplicates of “%s”"), wb_finding_get_title (keep));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_set_tooltip_text (button, accessible);
  g_object_set_data_full (G_OBJECT (button), "wb-group", g_strdupv (group),
                          (GDestroyNotify) g_strfreev);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_merge_clicked), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static void
fill_duplicates (WbFindingsPage *self)
{
  g_autoptr(GPtrArray) groups = wb_engagement_find_duplicates (self->engagement);

  wb_gui_remove_children (GTK_WIDGET (self->duplicates_list));
  for (guint i = 0; i < groups->len; i++)
    gtk_list_box_append (self->duplicates_list,
                         create_duplicate_row (self, groups->pdata[i]));
  gtk_widget_set_visible (self->duplicates_box, groups->len > 0);
}

/* ---- the page ---- */

static void
close_dialogs (WbFindingsPage *self)
{
  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  if (self->merge_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->merge_dialog));
}

void
wb_findings_page_set_engagement (WbFindingsPage *self,
                                 WbEngagement   *engagement)
{
  g_return_if_fail (WB_IS_FINDINGS_PAGE (self));

  /* The same engagement again means a change was committed: redraw, but an open
   * editor keeps what is typed in it. Another engagement (or a lock) closes it. */
  if (engagement != self->engagement)
    close_dialogs (self);
  g_set_object (&self->engagement, engagement);
  wb_gui_remove_children (GTK_WIDGET (self->duplicates_list));
  gtk_widget_set_visible (self->duplicates_box, FALSE);
  if (engagement != NULL)
    {
      fill_duplicates (self);
      fill_findings (self);
    }
  else
    wb_gui_remove_children (GTK_WIDGET (self->findings_list));
}

static void
wb_findings_page_dispose (GObject *object)
{
  WbFindingsPage *self = WB_FINDINGS_PAGE (object);

  close_dialogs (self);
  g_clear_object (&self->engagement);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_FINDINGS_PAGE);
  G_OBJECT_CLASS (wb_findings_page_parent_class)->dispose (object);
}

static void
wb_findings_page_class_init (WbFindingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_findings_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/werkbank/Werkbank/wb-findings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbFindingsPage, duplicates_box);
  gtk_widget_class_bind_template_child (widget_class, WbFindingsPage, duplicates_list);
  gtk_widget_class_bind_template_child (widget_class, WbFindingsPage, severity_filter);
  gtk_widget_class_bind_template_child (widget_class, WbFindingsPage, findings_list);
}

static GListModel *
severity_model (void)
{
  GtkStringList *severities = gtk_string_list_new (NULL);

  gtk_string_list_append (severities, _("All Severities"));
  for (int s = WB_SEVERITY_CRITICAL; s >= WB_SEVERITY_LOW; s--)
    {
      /* Translators: %s is a severity: "Medium and Higher". */
      g_autofree char *item = s == WB_SEVERITY_CRITICAL
        ? g_strdup (wb_severity_get_label (s))
        : g_strdup_printf (_("%s and Higher"), wb_severity_get_label (s));
      gtk_string_list_append (severities, item);
    }
  return G_LIST_MODEL (severities);
}

static void
wb_findings_page_init (WbFindingsPage *self)
{
  g_autoptr(GListModel) severities = severity_model ();
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->severity_filter, severities);
  g_signal_connect_object (self->severity_filter, "notify::selected",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_list, "row-activated",
                           G_CALLBACK (on_finding_activated), self, G_CONNECT_SWAPPED);
  gtk_list_box_set_filter_func (self->findings_list, filter_finding, self, NULL);
  placeholder = gtk_label_new (_("No findings of this severity"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_list_box_set_placeholder (self->findings_list, placeholder);
}

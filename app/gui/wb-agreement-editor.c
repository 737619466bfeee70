/* wb-agreement-editor.c — edit and sign an engagement's agreement
 *
 * The editor keeps what is typed in its widgets and builds a fresh WbAgreement from
 * them on every save: the core then checks it as it checks an agreement file, and its
 * messages are shown inline. Scope entries are checked (and made canonical) by the core
 * as soon as they are added, so a typing error shows next to the entry, not later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-agreement-editor.h"
#include "wb-application.h"
#include "wb-gui-util.h"

/* The scope's lists, each with its own entry row and group. */
typedef enum {
  LIST_TARGETS,    /* ranges and addresses */
  LIST_HOSTS,
  LIST_DOMAINS,
  LIST_SSIDS,
  LIST_EXCLUSIONS,
  LIST_THIRD,
  N_LISTS
} ListKind;

typedef struct {
  AdwPreferencesGroup *group;
  AdwEntryRow         *entry;
  GtkLabel            *error;
  GPtrArray           *rows;  /* AdwActionRow, each with data "entry": the canonical text */
} ScopeList;

struct _WbAgreementEditor
{
  AdwBin               parent_instance;

  WbEngagement        *engagement;
  WbPluginHost        *host;

  ScopeList            lists[N_LISTS];
  GHashTable          *clause_views;  /* clause id → GtkTextView */
  GPtrArray           *plugin_switches; /* GtkSwitch with data "plugin-id" */
  GStrv                other_plugins; /* allowed, but not installed here: kept as they are */
  GPtrArray           *dynamic_rows;  /* clause and plugin rows, removed on reload */

  /* Template children (not the root child: AdwBin unparents that itself) */
  AdwPreferencesGroup *state_group;
  GtkLabel            *state_label;
  AdwPreferencesGroup *clauses_group;
  AdwPreferencesGroup *ranges_group;
  AdwPreferencesGroup *hosts_group;
  AdwPreferencesGroup *domains_group;
  AdwPreferencesGroup *ssids_group;
  AdwPreferencesGroup *exclusions_group;
  AdwPreferencesGroup *third_group;
  AdwEntryRow         *ranges_row;
  AdwEntryRow         *hosts_row;
  AdwEntryRow         *domains_row;
  AdwEntryRow         *ssids_row;
  AdwEntryRow         *exclusions_row;
  AdwEntryRow         *third_row;
  AdwPreferencesGroup *plugins_group;
  AdwComboRow         *activity_row;
  AdwPreferencesGroup *data_group;
  GtkSpinButton       *retention_spin;
  AdwComboRow         *tlp_row;
  GtkSwitch           *aggregate_switch;
  AdwPreferencesGroup *window_group;
  AdwEntryRow         *window_start_row;
  AdwEntryRow         *window_end_row;
  AdwEntryRow         *company_signatory_row;
  AdwEntryRow         *school_signatory_row;
  AdwPreferencesGroup *sign_group;
  AdwEntryRow         *signed_on_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (WbAgreementEditor, wb_agreement_editor, ADW_TYPE_BIN)

static void
show_label (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
show_error (WbAgreementEditor *self,
            const char        *message)
{
  show_label (self->error_label, message);
}

static gboolean
focus_error_later (gpointer user_data)
{
  WbAgreementEditor *self = user_data;

  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->error_label));
      gtk_label_select_region (self->error_label, 0, 0);
    }
  return G_SOURCE_REMOVE;
}

/* Focus scrolls the message into view (and a screen reader reads it); only once it has
 * its size, a moment after it appeared. */
static void
focus_error (WbAgreementEditor *self)
{
  g_timeout_add_full (G_PRIORITY_DEFAULT, 100, focus_error_later, g_object_ref (self),
                      g_object_unref);
}

/* The text of an entry row without surrounding space; a new string. */
static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* ---- scope lists ---- */

/* Which list a canonical target belongs in (wb_scope_get_targets' forms). */
static ListKind
classify_target (const char *target)
{
  g_autofree char *address = NULL;
  g_autoptr(GInetAddress) inet = NULL;

  if (g_str_has_prefix (target, "ssid:"))
    return LIST_SSIDS;
  if (g_str_has_prefix (target, "*."))
    return LIST_DOMAINS;
  address = g_strndup (target, strcspn (target, "/"));
  inet = g_inet_address_new_from_string (address);
  return inet != NULL ? LIST_TARGETS : LIST_HOSTS;
}

static char *
first_or_null (GStrv items)
{
  return items != NULL && items[0] != NULL ? g_strdup (items[0]) : NULL;
}

/* Checks @text with the core as an entry of list @kind; the canonical form, or NULL
 * with a message in plain words. */
static char *
canonical_entry (ListKind     kind,
                 const char  *text,
                 GError     **error)
{
  g_autoptr(WbScope) scratch = wb_scope_new ();
  g_auto(GStrv) items = NULL;
  const char *bare = g_str_has_prefix (text, "*.") ? text + 2 : text;
  gboolean ok;

  switch (kind)
    {
    case LIST_TARGETS:
    case LIST_HOSTS:
      ok = wb_scope_add (scratch, text, error);
      break;
    case LIST_DOMAINS:
    case LIST_THIRD:
      ok = wb_scope_add_domain (scratch, bare, error);
      break;
    case LIST_SSIDS:
      ok = wb_scope_add_ssid (scratch, text, error);
      break;
    case LIST_EXCLUSIONS:
      ok = wb_scope_exclude (scratch, text, error);
      break;
    case N_LISTS:
    default:
      g_return_val_if_reached (NULL);
    }
  if (!ok)
    return NULL;

  if (kind == LIST_EXCLUSIONS)
    items = wb_scope_get_exclusions (scratch);
  else
    items = wb_scope_get_targets (scratch);

  if (kind == LIST_TARGETS && classify_target (items[0]) != LIST_TARGETS)
    {
      g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE,
                   _("“%s” is not a network or address. Add host names under Host Names."),
                   text);
      return NULL;
    }
  if (kind == LIST_HOSTS && classify_target (items[0]) != LIST_HOSTS)
    {
      g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE,
                   _("“%s” is not a host name. Add addresses under Networks and Addresses."),
                   text);
      return NULL;
    }
  if (kind == LIST_THIRD)
    /* Consent is recorded by the bare domain. */
    return g_strdup (items[0] + 2);
  return first_or_null (items);
}

static void
on_remove_clicked (GtkButton         *button,
                   WbAgreementEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  ScopeList *list = g_object_get_data (G_OBJECT (button), "list");

  adw_preferences_group_remove (list->group, row);
  g_ptr_array_remove (list->rows, row);
  gtk_widget_grab_focus (GTK_WIDGET (list->entry));
}

static gboolean
list_contains (ScopeList  *list,
               const char *entry)
{
  for (guint i = 0; i < list->rows->len; i++)
    if (g_str_equal (g_object_get_data (list->rows->pdata[i], "entry"), entry))
      return TRUE;
  return FALSE;
}

static void
append_item (WbAgreementEditor *self,
             ScopeList         *list,
             const char        *entry)
{
  GtkWidget *row = wb_gui_new_row (entry, NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *label = g_strdup_printf (_("Remove %s"), entry);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "row", row);
  g_object_set_data (G_OBJECT (button), "list", list);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked), self,
                           G_CONNECT_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data_full (G_OBJECT (row), "entry", g_strdup (entry), g_free);
  adw_preferences_group_add (list->group, row);
  g_ptr_array_add (list->rows, row);
}

static void
clear_list (ScopeList *list)
{
  for (guint i = 0; i < list->rows->len; i++)
    adw_preferences_group_remove (list->group, list->rows->pdata[i]);
  g_ptr_array_set_size (list->rows, 0);
  gtk_editable_set_text (GTK_EDITABLE (list->entry), "");
  show_label (list->error, NULL);
}

/* Enter (or the add button) in a list's entry row: check it, then list it. */
static void
add_from_entry (WbAgreementEditor *self,
                ScopeList         *list)
{
  g_autofree char *text = entry_text (list->entry);
  g_autofree char *entry = NULL;
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    return;
  entry = canonical_entry (list - self->lists, text, &error);
  if (entry == NULL)
    {
      /* The text stays in the row, to be corrected. */
      show_label (list->error, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (list->entry), "error");
      return;
    }
  if (!list_contains (list, entry))
    append_item (self, list, entry);
  show_label (list->error, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (list->entry), "error");
  gtk_editable_set_text (GTK_EDITABLE (list->entry), "");
}

static void
on_entry_activated (AdwEntryRow       *row,
                    WbAgreementEditor *self)
{
  for (guint i = 0; i < N_LISTS; i++)
    if (self->lists[i].entry == row)
      add_from_entry (self, &self->lists[i]);
}

static void
on_add_clicked (GtkButton         *button,
                WbAgreementEditor *self)
{
  on_entry_activated (g_object_get_data (G_OBJECT (button), "entry-row"), self);
}

static void
setup_list (WbAgreementEditor   *self,
            ListKind             kind,
            AdwPreferencesGroup *group,
            AdwEntryRow         *entry)
{
  ScopeList *list = &self->lists[kind];
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *error;

  list->group = group;
  list->entry = entry;
  list->rows = g_ptr_array_new ();

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Add"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add"), -1);
  g_object_set_data (G_OBJECT (button), "entry-row", entry);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_add_clicked), self,
                           G_CONNECT_DEFAULT);
  adw_entry_row_add_suffix (entry, button);
  g_signal_connect_object (entry, "entry-activated", G_CALLBACK (on_entry_activated), self,
                           G_CONNECT_DEFAULT);

  /* An alert: screen readers say the message when it appears. */
  error = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, NULL);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_set_margin_top (error, 6);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  adw_preferences_group_add (group, error);
  list->error = GTK_LABEL (error);
}

/* ---- loading ---- */

static void
add_dynamic_row (WbAgreementEditor   *self,
                 AdwPreferencesGroup *group,
                 GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, row);
}

static void
clear_dynamic_rows (WbAgreementEditor *self)
{
  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = self->dynamic_rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
  g_hash_table_remove_all (self->clause_views);
  g_ptr_array_set_size (self->plugin_switches, 0);
  for (guint i = 0; i < N_LISTS; i++)
    clear_list (&self->lists[i]);
}

/* One expandable row per clause: its title, the hint of what it must say, its text. */
static void
add_clause_row (WbAgreementEditor  *self,
                const WbClauseInfo *info,
                const char         *text)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *title = g_markup_escape_text (info->title, -1);
  g_autofree char *hint = g_markup_escape_text (info->hint, -1);
  g_autofree char *name = g_strconcat ("clause-", info->id, NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *holder = gtk_list_box_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), hint);

  gtk_widget_set_name (view, name);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_add_css_class (view, "inline");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, info->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, info->hint, -1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), view);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), holder);

  g_hash_table_insert (self->clause_views, (gpointer) info->id, view);
  add_dynamic_row (self, self->clauses_group, expander);
}

static void
load_plugins (WbAgreementEditor *self,
              WbScope           *scope)
{
  g_autoptr(GPtrArray) infos = self->host != NULL ? wb_plugin_host_list (self->host) : NULL;
  g_auto(GStrv) allowed = wb_scope_get_plugins (scope);
  g_autoptr(GStrvBuilder) others = g_strv_builder_new ();

  for (guint i = 0; infos != NULL && i < infos->len; i++)
    {
      WbPluginInfo *info = infos->pdata[i];
      GtkWidget *row = wb_gui_new_row (info->name != NULL ? info->name : info->id,
                                       info->description);
      GtkWidget *toggle = gtk_switch_new ();
      /* Translators: %s is a plugin's name. */
      g_autofree char *label = g_strdup_printf (_("Allow %s"),
                                                info->name != NULL ? info->name : info->id);

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), wb_scope_allows_plugin (scope, info->id));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (toggle), "plugin-id", g_strdup (info->id), g_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_ptr_array_add (self->plugin_switches, toggle);
      add_dynamic_row (self, self->plugins_group, row);
    }

  /* A plugin allowed on another computer stays allowed: this one just lacks it. */
  for (guint i = 0; allowed[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint j = 0; infos != NULL && j < infos->len; j++)
        known = known || g_str_equal (((WbPluginInfo *) infos->pdata[j])->id, allowed[i]);
      if (!known)
        g_strv_builder_add (others, allowed[i]);
    }
  g_strfreev (self->other_plugins);
  self->other_plugins = g_strv_builder_end (others);
}

static void
load_scope (WbAgreementEditor *self,
            WbScope           *scope)
{
  g_auto(GStrv) targets = wb_scope_get_targets (scope);
  g_auto(GStrv) exclusions = wb_scope_get_exclusions (scope);
  g_auto(GStrv) third = wb_scope_get_third_parties (scope);

  for (guint i = 0; targets[i] != NULL; i++)
    append_item (self, &self->lists[classify_target (targets[i])], targets[i]);
  for (guint i = 0; exclusions[i] != NULL; i++)
    append_item (self, &self->lists[LIST_EXCLUSIONS], exclusions[i]);
  for (guint i = 0; third[i] != NULL; i++)
    append_item (self, &self->lists[LIST_THIRD], third[i]);
  adw_combo_row_set_selected (self->activity_row, wb_scope_get_max_activity (scope));
  load_plugins (self, scope);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static gboolean
has_any_clause (WbAgreement *agreement)
{
  const WbClauseInfo *infos = wb_agreement_get_clauses ();

  for (guint i = 0; infos[i].id != NULL; i++)
    if (wb_agreement_get_clause (agreement, infos[i].id) != NULL)
      return TRUE;
  return FALSE;
}

static void
show_state (WbAgreementEditor *self,
            WbAgreement       *agreement)
{
  gboolean is_signed = wb_agreement_is_signed (agreement);
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer view;

  if (is_signed)
    /* Translators: %s is a date, YYYY-MM-DD. */
    text = g_strdup_printf (_("Signed on %s. A signed agreement cannot be changed."),
                            wb_agreement_get_signed_on (agreement));
  else
    text = g_strdup (_("Not signed yet: nothing can be scanned until the agreement is "
                       "marked as signed."));
  gtk_label_set_text (self->state_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), is_signed ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), is_signed ? "success" : "warning");

  /* Signed: read-only. The clauses can still be opened and read (not editable); the
   * rest is greyed out. */
  gtk_widget_set_visible (GTK_WIDGET (self->sign_group), !is_signed);
  for (GtkWidget *w = gtk_widget_get_next_sibling (GTK_WIDGET (self->clauses_group));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    gtk_widget_set_sensitive (w, !is_signed);
  g_hash_table_iter_init (&iter, self->clause_views);
  while (g_hash_table_iter_next (&iter, NULL, &view))
    gtk_text_view_set_editable (view, !is_signed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.save", !is_signed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.sign", !is_signed);
}

static void
load (WbAgreementEditor *self)
{
  WbAgreement *recorded = wb_engagement_get_agreement (self->engagement);
  g_autoptr(WbAgreement) template = wb_agreement_new_template ();
  /* Never edited: start from the network's standard text. */
  WbAgreement *base = (!wb_agreement_is_signed (recorded) && !has_any_clause (recorded))
                      ? template : recorded;
  const WbClauseInfo *infos = wb_agreement_get_clauses ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  clear_dynamic_rows (self);
  show_error (self, NULL);
  for (guint i = 0; infos[i].id != NULL; i++)
    add_clause_row (self, &infos[i], wb_agreement_get_clause (base, infos[i].id));
  load_scope (self, wb_agreement_get_scope (recorded));
  gtk_spin_button_set_value (self->retention_spin, wb_agreement_get_retention_months (base));
  adw_combo_row_set_selected (self->tlp_row, wb_agreement_get_tlp (base));
  gtk_switch_set_active (self->aggregate_switch, wb_agreement_get_aggregate_consent (base));
  set_entry (self->window_start_row, wb_agreement_get_window_start (recorded));
  set_entry (self->window_end_row, wb_agreement_get_window_end (recorded));
  set_entry (self->company_signatory_row, wb_agreement_get_company_signatory (recorded));
  set_entry (self->school_signatory_row, wb_agreement_get_school_signatory (recorded));
  set_entry (self->signed_on_row, wb_agreement_is_signed (recorded)
                                  ? wb_agreement_get_signed_on (recorded) : today);
  show_state (self, recorded);
}

/* ---- saving ---- */

static gboolean
build_scope (WbAgreementEditor  *self,
             WbAgreement        *agreement,
             GError            **error)
{
  g_autoptr(WbScope) scope = wb_scope_new ();

  for (guint kind = 0; kind < N_LISTS; kind++)
    for (guint i = 0; i < self->lists[kind].rows->len; i++)
      {
        const char *entry = g_object_get_data (self->lists[kind].rows->pdata[i], "entry");
        gboolean ok = TRUE;

        if (kind == LIST_EXCLUSIONS)
          ok = wb_scope_exclude (scope, entry, error);
        else if (kind == LIST_THIRD)
          wb_scope_add_third_party_consent (scope, entry);
        else
          ok = wb_scope_add (scope, entry, error);
        if (!ok)
          return FALSE;
      }
  wb_scope_set_max_activity (scope, adw_combo_row_get_selected (self->activity_row));
  for (guint i = 0; i < self->plugin_switches->len; i++)
    if (gtk_switch_get_active (self->plugin_switches->pdata[i]))
      wb_scope_allow_plugin (scope, g_object_get_data (self->plugin_switches->pdata[i],
                                                       "plugin-id"));
  for (guint i = 0; self->other_plugins != NULL && self->other_plugins[i] != NULL; i++)
    wb_scope_allow_plugin (scope, self->other_plugins[i]);
  wb_agreement_set_scope (agreement, scope);
  return TRUE;
}

static gboolean
build_clauses (WbAgreementEditor  *self,
               WbAgreement        *agreement,
               GError            **error)
{
  const WbClauseInfo *infos = wb_agreement_get_clauses ();

  for (guint i = 0; infos[i].id != NULL; i++)
    {
      GtkTextBuffer *buffer =
        gtk_text_view_get_buffer (g_hash_table_lookup (self->clause_views, infos[i].id));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
      if (!wb_agreement_set_clause (agreement, infos[i].id, text, error))
        return FALSE;
    }
  return TRUE;
}

static char *
nonempty (AdwEntryRow *row)
{
  char *text = entry_text (row);

  if (*text != '\0')
    return text;
  g_free (text);
  return NULL;
}

/* What the widgets say, as a new (unsigned) agreement; NULL with the core's message. */
static WbAgreement *
build_agreement (WbAgreementEditor  *self,
                 GError            **error)
{
  g_autoptr(WbAgreement) agreement = wb_agreement_new ();
  g_autofree char *start = entry_text (self->window_start_row);
  g_autofree char *end = entry_text (self->window_end_row);
  g_autofree char *company = nonempty (self->company_signatory_row);
  g_autofree char *school = nonempty (self->school_signatory_row);
  guint months = gtk_spin_button_get_value_as_int (self->retention_spin);

  if (!build_clauses (self, agreement, error) || !build_scope (self, agreement, error))
    return NULL;
  if (months > 0 && !wb_agreement_set_retention_months (agreement, months, error))
    return NULL;
  wb_agreement_set_tlp (agreement, adw_combo_row_get_selected (self->tlp_row));
  wb_agreement_set_aggregate_consent (agreement,
                                      gtk_switch_get_active (self->aggregate_switch));
  if ((*start != '\0' || *end != '\0') &&
      !wb_agreement_set_window (agreement, start, end, error))
    return NULL;
  wb_agreement_set_signatories (agreement, company, school);
  return g_steal_pointer (&agreement);
}

gboolean
wb_agreement_editor_save (WbAgreementEditor *self)
{
  g_autoptr(WbAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WB_IS_AGREEMENT_EDITOR (self), FALSE);

  if (self->engagement == NULL ||
      wb_agreement_is_signed (wb_engagement_get_agreement (self->engagement)))
    return TRUE;
  agreement = build_agreement (self, &error);
  if (agreement == NULL ||
      !wb_engagement_set_agreement (self->engagement, agreement, &error))
    {
      show_error (self, error->message);
      focus_error (self);
      return FALSE;
    }
  show_error (self, NULL);
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WbAgreementEditor *self = WB_AGREEMENT_EDITOR (widget);

  if (wb_agreement_editor_save (self))
    wb_gui_toast (widget, _("Agreement saved (not signed)"));
}

static void
sign_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WbAgreementEditor *self = WB_AGREEMENT_EDITOR (widget);
  g_autofree char *date = entry_text (self->signed_on_row);
  g_autoptr(GError) error = NULL;

  /* Saved first, so what was typed is kept even when signing is refused. */
  if (!wb_agreement_editor_save (self))
    return;
  if (!wb_engagement_sign_agreement (self->engagement, date, &error))
    {
      show_error (self, error->message);
      focus_error (self);
      return;
    }
  load (self);
  wb_gui_toast (widget, _("The agreement is marked as signed"));
}

void
wb_agreement_editor_set_engagement (WbAgreementEditor *self,
                                    WbEngagement      *engagement,
                                    WbPluginHost      *host)
{
  g_return_if_fail (WB_IS_AGREEMENT_EDITOR (self));

  g_set_object (&self->engagement, engagement);
  g_set_object (&self->host, host);
  if (engagement == NULL)
    clear_dynamic_rows (self);
  else
    load (self);
}

/* ---- the window for an existing engagement ---- */

static gboolean
on_dialog_close_request (GtkWindow         *dialog,
                         WbAgreementEditor *editor)
{
  /* Closing keeps what was typed; an invalid value keeps the window open, named. */
  return !wb_agreement_editor_save (editor);
}

void
wb_agreement_editor_present (GtkWidget    *parent,
                             WbEngagement *engagement)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *editor = wb_agreement_editor_new ();
  GtkWidget *toasts = adw_toast_overlay_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_widget_set_name (dialog, "agreement-dialog");
  gtk_window_set_title (GTK_WINDOW (dialog), _("Agreement"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 680, 760);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                      gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, keys);

  gtk_widget_set_vexpand (editor, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (toasts), editor);
  gtk_box_append (GTK_BOX (box), toasts);
  adw_window_set_content (ADW_WINDOW (dialog), box);

  wb_agreement_editor_set_engagement (WB_AGREEMENT_EDITOR (editor), engagement,
                                      WB_IS_APPLICATION (app)
                                      ? wb_application_get_plugin_host (WB_APPLICATION (app))
                                      : NULL);
  g_signal_connect_object (dialog, "close-request", G_CALLBACK (on_dialog_close_request),
                           editor, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the GObject ---- */

static GListModel *
activity_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (WbActivity a = WB_ACTIVITY_NONE; a <= WB_ACTIVITY_INTRUSIVE; a++)
    gtk_string_list_append (list, wb_activity_get_label (a));
  return G_LIST_MODEL (list);
}

static GListModel *
tlp_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (WbTlp tlp = WB_TLP_CLEAR; tlp <= WB_TLP_RED; tlp++)
    gtk_string_list_append (list, wb_tlp_get_label (tlp));
  return G_LIST_MODEL (list);
}

GtkWidget *
wb_agreement_editor_new (void)
{
  return g_object_new (WB_TYPE_AGREEMENT_EDITOR, NULL);
}

static void
wb_agreement_editor_dispose (GObject *object)
{
  WbAgreementEditor *self = WB_AGREEMENT_EDITOR (object);

  g_clear_object (&self->engagement);
  g_clear_object (&self->host);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_AGREEMENT_EDITOR);
  G_OBJECT_CLASS (wb_agreement_editor_parent_class)->dispose (object);
}

static void
wb_agreement_editor_finalize (GObject *object)
{
  WbAgreementEditor *self = WB_AGREEMENT_EDITOR (object);

  for (guint i = 0; i < N_LISTS; i++)
    g_ptr_array_unref (self->lists[i].rows);
  g_hash_table_unref (self->clause_views);
  g_ptr_array_unref (self->plugin_switches);
  g_ptr_array_unref (self->dynamic_rows);
  g_strfreev (self->other_plugins);
  G_OBJECT_CLASS (wb_agreement_editor_parent_class)->finalize (object);
}

#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, WbAgreementEditor, name)

static void
wb_agreement_editor_class_init (WbAgreementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_agreement_editor_dispose;
  object_class->finalize = wb_agreement_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/werkbank/Werkbank/wb-agreement-editor.ui");
  BIND (state_group);
  BIND (state_label);
  BIND (clauses_group);
  BIND (ranges_group);
  BIND (hosts_group);
  BIND (domains_group);
  BIND (ssids_group);
  BIND (exclusions_group);
  BIND (third_group);
  BIND (ranges_row);
  BIND (hosts_row);
  BIND (domains_row);
  BIND (ssids_row);
  BIND (exclusions_row);
  BIND (third_row);
  BIND (plugins_group);
  BIND (activity_row);
  BIND (data_group);
  BIND (retention_spin);
  BIND (tlp_row);
  BIND (aggregate_switch);
  BIND (window_group);
  BIND (window_start_row);
  BIND (window_end_row);
  BIND (company_signatory_row);
  BIND (school_signatory_row);
  BIND (sign_group);
  BIND (signed_on_row);
  BIND (error_label);

  gtk_widget_class_install_action (widget_class, "agreement.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "agreement.sign", NULL, sign_activated);
}

static void
wb_agreement_editor_init (WbAgreementEditor *self)
{
  g_autoptr(GListModel) activities = activity_model ();
  g_autoptr(GListModel) tlps = tlp_model ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->clause_views = g_hash_table_new (g_str_hash, g_str_equal);
  self->plugin_switches = g_ptr_array_new ();
  self->dynamic_rows = g_ptr_array_new ();
  adw_combo_row_set_model (self->activity_row, activities);
  adw_combo_row_set_model (self->tlp_row, tlps);

  setup_list (self, LIST_TARGETS, self->ranges_group, self->ranges_row);
  setup_list (self, LIST_HOSTS, self->hosts_group, self->hosts_row);
  setup_list (self, LIST_DOMAINS, self->domains_group, self->domains_row);
  setup_list (self, LIST_SSIDS, self->ssids_group, self->ssids_row);
  setup_list (self, LIST_EXCLUSIONS, self->exclusions_group, self->exclusions_row);
  setup_list (self, LIST_THIRD, self->third_group, self->third_row);
}

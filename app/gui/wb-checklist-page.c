/* wb-checklist-page.c — the friendly-hack checklist: consent per item, targets, records
 *
 * The items come from the plugin's own checklist table (wb-fh-checklist.h, shared with
 * werkbank-cli as a static library), so the page, the CLI and the run agree on ids,
 * gating and the record format (docs/friendly-hack.md). Per on-site item: what to do,
 * who consented and when, who did it, the outcome, a note and photos; "Save Record"
 * checks the record first (wb_fh_record_validate), then streams the photos into the vault
 * and commits the plugin's "records" data in one record. Nothing is possible for an item
 * the signed agreement does not list: its row is insensitive and says what to add.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-checklist-page.h"
#include "wb-fh-assess.h"
#include "wb-fh-checklist.h"
#include "wb-gui-util.h"
#include "wb-util-private.h"

typedef struct _ItemUi ItemUi;

struct _WbChecklistPage
{
  GtkBox        parent_instance;

  WbEngagement *engagement;
  GPtrArray    *items;          /* of ItemUi */
  AdwPreferencesGroup *targets_group;
  AdwEntryRow  *website;
  AdwEntryRow  *http_url;
  AdwEntryRow  *hoster;
  AdwEntryRow  *mail_domain;
  AdwEntryRow  *dkim_selector;
  GtkWidget    *save_targets;
};

struct _ItemUi
{
  WbChecklistPage      *page;
  const WbFhItem       *item;
  AdwExpanderRow       *row;
  AdwEntryRow          *consent_by;
  AdwEntryRow          *consent_date;
  AdwEntryRow          *done_by;
  AdwComboRow          *outcome;
  AdwEntryRow          *notes;
  AdwActionRow         *evidence_row;
  AdwActionRow         *save_row;
  GPtrArray            *pending;   /* of GFile: photos chosen, attached on save */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (WbChecklistPage, wb_checklist_page, GTK_TYPE_BOX)

static const struct { const char *id; const char *label; } outcomes[] = {
  { "not-done", N_("Not Done") },  /* first: nothing is claimed until chosen */
  { "pass", N_("Pass") },
  { "fail", N_("Fail") },
};

static void
item_ui_free (ItemUi *ui)
{
  if (ui->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (ui->chooser));
  g_clear_object (&ui->chooser);
  g_clear_pointer (&ui->pending, g_ptr_array_unref);
  g_free (ui);
}

/* --- Reading what is stored ------------------------------------------------------ */

static JsonObject *
stored_record (WbEngagement *engagement, const char *item)
{
  JsonNode *records = wb_engagement_get_plugin_data (engagement, WB_FH_PLUGIN_ID, "records");
  JsonNode *record;

  if (records == NULL || !JSON_NODE_HOLDS_OBJECT (records))
    return NULL;
  record = json_object_get_member (json_node_get_object (records), item);
  /* A stored record that does not validate is not trusted (as the CLI does). */
  if (record == NULL || !wb_fh_record_validate (item, record, NULL))
    return NULL;
  return json_node_get_object (record);
}

static const char *
member_string (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static const char *
outcome_label (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (g_strcmp0 (id, outcomes[i].id) == 0)
      return _(outcomes[i].label);
  return NULL;
}

static guint
evidence_count (JsonObject *record)
{
  JsonNode *node = record != NULL ? json_object_get_member (record, "evidence") : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node)
    ? json_array_get_length (json_node_get_array (node)) : 0;
}

/* --- Showing --------------------------------------------------------------------- */

static void
sync_item (ItemUi *ui, WbScope *scope, const char *not_signed)
{
  WbEngagement *engagement = ui->page->engagement;
  g_autoptr(GError) error = NULL;
  JsonObject *record = stored_record (engagement, ui->item->id);
  g_autofree char *subtitle = NULL;
  gboolean allowed = scope != NULL && wb_fh_item_allowed (scope, ui->item->id, &error);

  if (!allowed)
    {
      /* Collapsed for good and insensitive: consent cannot even be typed in. */
      adw_expander_row_set_expanded (ui->row, FALSE);
      adw_expander_row_set_subtitle (ui->row, not_signed != NULL ? not_signed : error->message);
    }
  else if (ui->item->automated)
    adw_expander_row_set_subtitle (ui->row, _("Agreed · checked by Werkbank when the plugin runs"));
  else if (record != NULL)
    {
      /* Translators: "Agreed · Fail, by Sam, with the consent of Kees Bakker". */
      subtitle = g_strdup_printf (_("Agreed · %s, by %s, with the consent of %s"),
                                  outcome_label (member_string (record, "outcome")),
                                  member_string (record, "done_by"),
                                  member_string (record, "consent_by"));
      adw_expander_row_set_subtitle (ui->row, subtitle);
    }
  else
    adw_expander_row_set_subtitle (ui->row, _("Agreed · not recorded yet"));
  adw_expander_row_set_enable_expansion (ui->row, allowed);
  gtk_widget_set_sensitive (GTK_WIDGET (ui->row), allowed);

  if (ui->evidence_row != NULL)
    {
      /* Translators: photos stored with the record, and chosen but not saved yet. */
      g_autofree char *photos = g_strdup_printf (_("%u saved, %u to be saved with the record. "
                                                   "Blur faces and screens first."),
                                                 evidence_count (record), ui->pending->len);

      adw_action_row_set_subtitle (ui->evidence_row, photos);
    }
  if (ui->save_row != NULL)
    adw_action_row_set_subtitle (ui->save_row, record != NULL
                                 ? member_string (record, "when") : _("Not recorded yet"));
}

static void
set_entry (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Entries get the stored record (or sensible defaults) only when first shown. */
static void
load_item (ItemUi *ui)
{
  WbEngagement *engagement = ui->page->engagement;
  JsonObject *record = stored_record (engagement, ui->item->id);
  g_autofree char *now = wb_now_iso8601 ();
  g_autofree char *today = g_strndup (now, 10);
  const char *outcome = member_string (record, "outcome");

  if (ui->item->automated)
    return;
  set_entry (ui->consent_by, member_string (record, "consent_by"));
  set_entry (ui->consent_date, record != NULL ? member_string (record, "consent_date") : today);
  set_entry (ui->done_by, record != NULL ? member_string (record, "done_by")
                                         : wb_engagement_get_actor (engagement));
  set_entry (ui->notes, member_string (record, "notes"));
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (g_strcmp0 (outcome, outcomes[i].id) == 0)
      adw_combo_row_set_selected (ui->outcome, i);
  g_ptr_array_set_size (ui->pending, 0);
}

static void
load_targets (WbChecklistPage *self)
{
  JsonNode *targets = wb_engagement_get_plugin_data (self->engagement, WB_FH_PLUGIN_ID, "targets");
  JsonObject *object = targets != NULL && JSON_NODE_HOLDS_OBJECT (targets)
    ? json_node_get_object (targets) : NULL;
  JsonNode *website = object != NULL ? json_object_get_member (object, "website") : NULL;
  JsonNode *mail = object != NULL ? json_object_get_member (object, "mail") : NULL;
  JsonObject *w = website != NULL && JSON_NODE_HOLDS_OBJECT (website) ? json_node_get_object (website) : NULL;
  JsonObject *m = mail != NULL && JSON_NODE_HOLDS_OBJECT (mail) ? json_node_get_object (mail) : NULL;

  set_entry (self->website, member_string (w, "url"));
  set_entry (self->http_url, member_string (w, "http_url"));
  set_entry (self->hoster, member_string (w, "hoster"));
  set_entry (self->mail_domain, member_string (m, "domain"));
  set_entry (self->dkim_selector, member_string (m, "dkim_selector"));
}

static void
sync_all (WbChecklistPage *self, gboolean load)
{
  g_autoptr(GError) error = NULL;
  WbScope *scope;

  if (self->engagement == NULL)
    return;
  scope = wb_fh_signed_scope (wb_engagement_get_agreement (self->engagement), &error);
  for (guint i = 0; i < self->items->len; i++)
    {
      ItemUi *ui = g_ptr_array_index (self->items, i);

      if (load)
        load_item (ui);
      sync_item (ui, scope, scope == NULL ? error->message : NULL);
    }
  if (load)
    load_targets (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->targets_group), scope != NULL &&
                            wb_scope_allows_plugin (scope, WB_FH_PLUGIN_ID));
  adw_preferences_group_set_description (self->targets_group, scope == NULL ? error->message
    : _("The website and mail domain Werkbank checks itself when the plugin runs; they must "
        "lie in the agreement's scope."));
}

/* --- Saving ---------------------------------------------------------------------- */

static char *
entry_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
attach_pending (ItemUi *ui, GStrvBuilder *ids, GError **error)
{
  WbVault *vault = wb_engagement_get_vault (ui->page->engagement);

  for (guint i = 0; i < ui->pending->len; i++)
    {
      GFile *file = g_ptr_array_index (ui->pending, i);
      g_autoptr(GFileInputStream) input = g_file_read (file, NULL, error);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *type = g_content_type_guess (name, NULL, 0, NULL);
      g_autofree char *mime = g_content_type_get_mime_type (type);
      g_autofree char *id = NULL;

      if (input == NULL ||
          (id = wb_vault_add_attachment (vault, name, mime != NULL ? mime : "application/octet-stream",
                                         G_INPUT_STREAM (input), NULL, error)) == NULL)
        return FALSE;
      g_strv_builder_add (ids, id);
    }
  return TRUE;
}

/* The same record "werkbank-cli friendly-hack record" stores; checked before anything
 * is attached, so a bad record stores nothing. */
static gboolean
save_item (ItemUi *ui, GError **error)
{
  WbEngagement *engagement = ui->page->engagement;
  g_autoptr(JsonNode) record = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) records = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) id_list = NULL;
  g_autofree char *now = wb_now_iso8601 ();
  g_autofree char *consent_by = entry_text (ui->consent_by);
  g_autofree char *consent_date = entry_text (ui->consent_date);
  g_autofree char *done_by = entry_text (ui->done_by);
  g_autofree char *notes = entry_text (ui->notes);
  guint outcome = adw_combo_row_get_selected (ui->outcome);
  JsonObject *old = stored_record (engagement, ui->item->id);
  JsonObject *object = json_object_new ();
  JsonNode *stored, *old_evidence;
  WbScope *scope = wb_fh_signed_scope (wb_engagement_get_agreement (engagement), error);

  json_node_take_object (record, object);
  if (scope == NULL || !wb_fh_item_allowed (scope, ui->item->id, error))
    return FALSE;
  if (consent_by == NULL)
    {
      g_set_error_literal (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_ACTIVITY,
                           _("Fill in who at the company consented: no item without consent."));
      return FALSE;
    }
  json_object_set_string_member (object, "consent_by", consent_by);
  json_object_set_string_member (object, "consent_date", consent_date != NULL ? consent_date : "");
  json_object_set_string_member (object, "done_by", done_by != NULL ? done_by : "");
  json_object_set_string_member (object, "when", now);
  json_object_set_string_member (object, "outcome",
                                 outcomes[MIN (outcome, G_N_ELEMENTS (outcomes) - 1)].id);
  if (notes != NULL)
    json_object_set_string_member (object, "notes", notes);
  if (!wb_fh_record_validate (ui->item->id, record, error))
    return FALSE;

  /* Photos saved earlier stay with the record. */
  old_evidence = old != NULL ? json_object_get_member (old, "evidence") : NULL;
  if (old_evidence != NULL && JSON_NODE_HOLDS_ARRAY (old_evidence))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (old_evidence)); i++)
      g_strv_builder_add (ids, json_array_get_string_element (json_node_get_array (old_evidence), i));
  if (!attach_pending (ui, ids, error))
    return FALSE;
  g_ptr_array_set_size (ui->pending, 0);
  id_list = g_strv_builder_end (ids);
  json_object_set_member (object, "evidence", wb_json_strv_node ((const char * const *) id_list));

  stored = wb_engagement_get_plugin_data (engagement, WB_FH_PLUGIN_ID, "records");
  records = stored != NULL && JSON_NODE_HOLDS_OBJECT (stored) ? json_node_copy (stored)
                                                              : json_node_new (JSON_NODE_OBJECT);
  if (json_node_get_object (records) == NULL)
    json_node_take_object (records, json_object_new ());
  json_object_set_member (json_node_get_object (records), ui->item->id, json_node_copy (record));
  return wb_engagement_set_plugin_data (engagement, WB_FH_PLUGIN_ID, "records", records, error);
}

static void
on_save_item (ItemUi *ui)
{
  g_autoptr(GError) error = NULL;

  if (ui->page->engagement == NULL)
    return;
  if (!save_item (ui, &error))
    wb_gui_toast (GTK_WIDGET (ui->page), error->message);
  else
    wb_gui_toast (GTK_WIDGET (ui->page), _("Record saved."));
  sync_all (ui->page, FALSE);
}

static void
add_target_member (JsonObject *object, const char *member, AdwEntryRow *row)
{
  g_autofree char *text = entry_text (row);

  if (text != NULL)
    json_object_set_string_member (object, member, text);
}

/* As "werkbank-cli friendly-hack target": out of scope is refused now, not at the run. */
static gboolean
save_targets (WbChecklistPage *self, GError **error)
{
  g_autoptr(JsonNode) targets = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(WbFhRun) run = NULL;
  g_autofree char *website = entry_text (self->website);
  g_autofree char *domain = entry_text (self->mail_domain);
  JsonObject *object = json_object_new ();
  WbScope *scope = wb_fh_signed_scope (wb_engagement_get_agreement (self->engagement), error);

  json_node_take_object (targets, object);
  if (scope == NULL)
    return FALSE;
  if (website != NULL)
    {
      JsonObject *w = json_object_new ();

      add_target_member (w, "url", self->website);
      add_target_member (w, "http_url", self->http_url);
      add_target_member (w, "hoster", self->hoster);
      json_object_set_object_member (object, "website", w);
    }
  if (domain != NULL)
    {
      JsonObject *m = json_object_new ();

      add_target_member (m, "domain", self->mail_domain);
      add_target_member (m, "dkim_selector", self->dkim_selector);
      json_object_set_object_member (object, "mail", m);
    }
  run = wb_fh_run_new (scope, targets, "2000-01-01", error);
  if (run == NULL)
    return FALSE;
  for (guint i = 0; i < run->notes->len; i++)
    wb_gui_toast (GTK_WIDGET (self), g_ptr_array_index (run->notes, i));
  return wb_engagement_set_plugin_data (self->engagement, WB_FH_PLUGIN_ID, "targets", targets,
                                        error);
}

static void
on_save_targets (WbChecklistPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->engagement == NULL)
    return;
  if (!save_targets (self, &error))
    wb_gui_toast (GTK_WIDGET (self), error->message);
  else
    wb_gui_toast (GTK_WIDGET (self), _("Targets saved."));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     ItemUi          *ui)
{
  GFile *file;

  gtk_native_dialog_hide (chooser);
  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    g_ptr_array_add (ui->pending, file);
  sync_all (ui->page, FALSE);
}

static void
on_add_photo (ItemUi *ui, GtkWidget *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (ui->page));

  if (ui->chooser == NULL)
    {
      g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();

      ui->chooser = gtk_file_chooser_native_new (_("Choose an Evidence Photo"),
                                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 GTK_FILE_CHOOSER_ACTION_OPEN,
                                                 _("_Attach"), _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (ui->chooser), TRUE);
      gtk_file_filter_set_name (images, _("Photos"));
      gtk_file_filter_add_mime_type (images, "image/*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (ui->chooser), images);
      g_signal_connect (ui->chooser, "response", G_CALLBACK (on_chooser_response), ui);
      g_object_set_data (G_OBJECT (button), "wb-file-chooser", ui->chooser);
    }
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (ui->chooser));
}

/* --- Building -------------------------------------------------------------------- */

static AdwEntryRow *
add_entry (AdwExpanderRow *parent, const char *title, const char *prefix, const char *id)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (prefix != NULL)
    {
      g_autofree char *name = g_strconcat (prefix, id, NULL);

      gtk_widget_set_name (row, name);
    }
  if (parent != NULL)
    adw_expander_row_add_row (parent, row);
  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
new_suffix_button (const char *mnemonic, const char *accessible, const char *name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return button;
}

static void
build_manual_item (ItemUi *ui)
{
  const char *id = ui->item->id;
  g_autofree char *outcome_name = g_strconcat ("outcome-", id, NULL);
  g_autofree char *save_name = g_strconcat ("save-", id, NULL);
  g_autofree char *photo_name = g_strconcat ("evidence-", id, NULL);
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *button;

  ui->consent_by = add_entry (ui->row, _("Consent Given By"), "consent-", id);
  ui->consent_date = add_entry (ui->row, _("Consent Date (YYYY-MM-DD)"), NULL, id);
  ui->done_by = add_entry (ui->row, _("Done By"), NULL, id);

  ui->outcome = ADW_COMBO_ROW (adw_combo_row_new ());
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    gtk_string_list_append (labels, _(outcomes[i].label));
  adw_combo_row_set_model (ui->outcome, G_LIST_MODEL (labels));
  g_object_unref (labels);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ui->outcome), _("Outcome"));
  gtk_widget_set_name (GTK_WIDGET (ui->outcome), outcome_name);
  adw_expander_row_add_row (ui->row, GTK_WIDGET (ui->outcome));

  ui->notes = add_entry (ui->row, _("What Was Seen (No Personal Data)"), NULL, id);

  ui->evidence_row = ADW_ACTION_ROW (wb_gui_new_row (_("Evidence Photos"), NULL));
  button = new_suffix_button (_("Add _Photo…"), _("Add an Evidence Photo"), photo_name);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_photo), ui);
  adw_action_row_add_suffix (ui->evidence_row, button);
  adw_expander_row_add_row (ui->row, GTK_WIDGET (ui->evidence_row));

  ui->save_row = ADW_ACTION_ROW (wb_gui_new_row (_("Record"), NULL));
  button = new_suffix_button (_("_Save Record"), _("Save This Item's Record"), save_name);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_save_item), ui);
  adw_action_row_add_suffix (ui->save_row, button);
  adw_expander_row_add_row (ui->row, GTK_WIDGET (ui->save_row));
}

static ItemUi *
build_item (WbChecklistPage *self, const WbFhItem *item)
{
  ItemUi *ui = g_new0 (ItemUi, 1);
  g_autofree char *name = g_strconcat ("item-", item->id, NULL);

  ui->page = self;
  ui->item = item;
  ui->pending = g_ptr_array_new_with_free_func (g_object_unref);
  ui->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (ui->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ui->row), _(item->title));
  gtk_widget_set_name (GTK_WIDGET (ui->row), name);
  adw_expander_row_add_row (ui->row, wb_gui_new_row (_("What to Do"), _(item->how)));
  if (!item->automated)
    build_manual_item (ui);
  return ui;
}

static void
build_targets (WbChecklistPage *self)
{
  GtkWidget *row;

  self->targets_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->targets_group, _("Targets"));
  self->website = add_entry (NULL, _("Website (HTTPS)"), "target-", "website");
  self->http_url = add_entry (NULL, _("Plain HTTP Address"), NULL, NULL);
  self->hoster = add_entry (NULL, _("Hosted By (Third Party Domain)"), NULL, NULL);
  self->mail_domain = add_entry (NULL, _("Mail Domain"), "target-", "mail-domain");
  self->dkim_selector = add_entry (NULL, _("DKIM Selector"), NULL, NULL);
  adw_preferences_group_add (self->targets_group, GTK_WIDGET (self->website));
  adw_preferences_group_add (self->targets_group, GTK_WIDGET (self->http_url));
  adw_preferences_group_add (self->targets_group, GTK_WIDGET (self->hoster));
  adw_preferences_group_add (self->targets_group, GTK_WIDGET (self->mail_domain));
  adw_preferences_group_add (self->targets_group, GTK_WIDGET (self->dkim_selector));
  row = wb_gui_new_row (_("Save the Targets"), NULL);
  self->save_targets = new_suffix_button (_("Save _Targets"), _("Save the Targets"),
                                          "save-targets");
  g_signal_connect_swapped (self->save_targets, "clicked", G_CALLBACK (on_save_targets), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->save_targets);
  adw_preferences_group_add (self->targets_group, row);
}

static void
build (WbChecklistPage *self)
{
  AdwPreferencesGroup *manual = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *automated = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  guint n;
  const WbFhItem *items = wb_fh_items (&n);

  adw_preferences_group_set_title (manual, _("On-Site Items"));
  adw_preferences_group_set_description (manual,
    _("Each item only with the company's explicit consent, and only when the signed "
      "agreement lists it. Record what was seen, never who."));
  adw_preferences_group_set_title (automated, _("Automated Items"));
  for (guint i = 0; i < n; i++)
    {
      ItemUi *ui = build_item (self, &items[i]);

      g_ptr_array_add (self->items, ui);
      adw_preferences_group_add (items[i].automated ? automated : manual, GTK_WIDGET (ui->row));
    }
  build_targets (self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (manual));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (automated));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->targets_group));
}

GtkWidget *
wb_checklist_page_new (void)
{
  return g_object_new (WB_TYPE_CHECKLIST_PAGE, "orientation", GTK_ORIENTATION_VERTICAL,
                       "spacing", 24, NULL);
}

void
wb_checklist_page_set_engagement (WbChecklistPage *self,
                                  WbEngagement    *engagement)
{
  gboolean same;

  g_return_if_fail (WB_IS_CHECKLIST_PAGE (self));

  same = engagement != NULL && engagement == self->engagement;
  g_set_object (&self->engagement, engagement);
  gtk_widget_set_sensitive (GTK_WIDGET (self), engagement != NULL &&
                            !wb_engagement_is_read_only (engagement));
  sync_all (self, !same);
}

static void
wb_checklist_page_dispose (GObject *object)
{
  WbChecklistPage *self = WB_CHECKLIST_PAGE (object);

  /* The rows' handlers point into self->items: the rows go first. */
  wb_gui_remove_children (GTK_WIDGET (self));
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->engagement);
  G_OBJECT_CLASS (wb_checklist_page_parent_class)->dispose (object);
}

static void
wb_checklist_page_class_init (WbChecklistPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wb_checklist_page_dispose;
}

static void
wb_checklist_page_init (WbChecklistPage *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_ui_free);
  build (self);
}

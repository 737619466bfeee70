/* wb-checks-page.c — the engagement's "Checks" page: the plugins and their pages
 *
 * A sidebar (an AdwLeaflet, so it folds on narrow windows) lists every plugin the app's
 * plugin host found: its title, kind and state in plain words, and a switch that turns
 * it on or off for this engagement. Selecting one shows its page (wb-plugin-page.c),
 * built the first time it is opened and kept while the same engagement is open. Until
 * the agreement is signed nothing can run, and the sidebar says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-application.h"
#include "wb-checks-page.h"
#include "wb-gui-util.h"
#include "wb-plugin-page.h"

typedef struct
{
  char       *id;
  WbPlugin   *plugin;      /* NULL when the module would not load */
  AdwActionRow *row;
  GtkSwitch  *enabled;
} PluginEntry;

struct _WbChecksPage
{
  AdwBin        parent_instance;

  WbEngagement *engagement;
  WbPluginHost *host;
  GPtrArray    *entries;    /* of PluginEntry, sorted by id as the host lists them */
  GPtrArray    *infos;      /* of WbPluginInfo */
  gboolean      syncing;    /* switches are being set from the engagement */
  gboolean      stale;      /* a change came while the page was not on screen */

  AdwLeaflet   *leaflet;     /* the bin's child (not bound: AdwBin unparents it) */

  /* Template children */
  GtkLabel     *notice;
  GtkListBox   *plugin_list;
  GtkWidget    *content;
  GtkButton    *back_button;
  GtkStack     *plugin_stack;
};

G_DEFINE_FINAL_TYPE (WbChecksPage, wb_checks_page, ADW_TYPE_BIN)

static void
plugin_entry_free (PluginEntry *entry)
{
  g_clear_object (&entry->plugin);
  g_free (entry->id);
  g_free (entry);
}

static PluginEntry *
entry_for_row (WbChecksPage *self, GtkListBoxRow *row)
{
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      PluginEntry *entry = g_ptr_array_index (self->entries, i);

      if (GTK_LIST_BOX_ROW (entry->row) == row)
        return entry;
    }
  return NULL;
}

static const WbPluginInfo *
info_for (WbChecksPage *self, const char *id)
{
  for (guint i = 0; i < self->infos->len; i++)
    {
      const WbPluginInfo *info = g_ptr_array_index (self->infos, i);

      if (g_str_equal (info->id, id))
        return info;
    }
  return NULL;
}

/* --- The sidebar ----------------------------------------------------------------- */

static void
sync_entry (WbChecksPage *self, PluginEntry *entry)
{
  g_autofree char *state = NULL;
  g_autofree char *subtitle = NULL;
  gboolean open = self->engagement != NULL;

  if (entry->plugin == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (entry->enabled),
                            open && !wb_engagement_is_read_only (self->engagement));
  if (!open)
    {
      adw_action_row_set_subtitle (entry->row,
                                   wb_plugin_kind_get_label (wb_plugin_get_kind (entry->plugin)));
      return;
    }
  gtk_switch_set_active (entry->enabled,
                         wb_engagement_is_plugin_enabled (self->engagement, entry->id));
  state = wb_plugin_state_text (self->host, self->engagement, entry->plugin, TRUE);
  /* Translators: the plugin's kind, then its state: "Interview · Allowed, …". */
  subtitle = g_strdup_printf (_("%s · %s"),
                              wb_plugin_kind_get_label (wb_plugin_get_kind (entry->plugin)), state);
  adw_action_row_set_subtitle (entry->row, subtitle);
  /* The full reason, for a pointer resting on the row (the page says it too). */
  g_clear_pointer (&state, g_free);
  state = wb_plugin_state_text (self->host, self->engagement, entry->plugin, FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry->row), state);
}

static void
sync_sidebar (WbChecksPage *self)
{
  gboolean unsigned_ = self->engagement != NULL &&
    !wb_agreement_is_signed (wb_engagement_get_agreement (self->engagement));

  self->syncing = TRUE;
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    sync_entry (self, g_ptr_array_index (self->entries, i));
  self->syncing = FALSE;
  gtk_label_set_text (self->notice,
                      _("The agreement is not signed yet: nothing can run until it is recorded "
                        "as signed. Answers and notes can be prepared already."));
  gtk_widget_set_visible (GTK_WIDGET (self->notice), unsigned_);
}

static void
on_switch_active (GtkSwitch    *widget,
                  GParamSpec   *pspec,
                  WbChecksPage *self)
{
  g_autoptr(GError) error = NULL;
  PluginEntry *entry = g_object_get_data (G_OBJECT (widget), "wb-plugin-entry");

  if (self->syncing || self->engagement == NULL || entry == NULL)
    return;
  if (!wb_engagement_set_plugin_enabled (self->engagement, entry->id,
                                         gtk_switch_get_active (widget), &error))
    wb_gui_toast (GTK_WIDGET (self), error->message);
  /* The view refreshes after the change; a refused change is put back now. */
  sync_sidebar (self);
}

static PluginEntry *
create_entry (WbChecksPage *self, const WbPluginInfo *info)
{
  PluginEntry *entry = g_new0 (PluginEntry, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *row_name = g_strconcat ("plugin-", info->id, NULL);
  g_autofree char *accessible = NULL;

  entry->id = g_strdup (info->id);
  entry->plugin = wb_plugin_host_get_plugin (self->host, info->id, &error);
  entry->row = ADW_ACTION_ROW (wb_gui_new_row (entry->plugin != NULL
                                                 ? wb_plugin_get_title (entry->plugin)
                                                 : info->name, NULL));
  gtk_widget_set_name (GTK_WIDGET (entry->row), row_name);
  entry->enabled = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (entry->enabled), GTK_ALIGN_CENTER);
  /* Translators: the switch beside a plugin in the sidebar; %s is its title. */
  accessible = g_strdup_printf (_("Use “%s” in This Engagement"),
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry->row)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry->enabled),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry->enabled), accessible);
  g_object_set_data (G_OBJECT (entry->enabled), "wb-plugin-entry", entry);
  adw_action_row_add_suffix (entry->row, GTK_WIDGET (entry->enabled));
  if (entry->plugin == NULL)
    {
      g_autofree char *why = g_strdup_printf (_("Would not load: %s"), error->message);

      adw_action_row_set_subtitle (entry->row, why);
      gtk_widget_set_sensitive (GTK_WIDGET (entry->enabled), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (entry->row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (entry->row), FALSE);
    }
  else
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (entry->row), TRUE);
      g_signal_connect (entry->enabled, "notify::active", G_CALLBACK (on_switch_active), self);
    }
  return entry;
}

/* The host is the app's; the page finds it once it sits in the window. */
static gboolean
ensure_entries (WbChecksPage *self)
{
  GtkRoot *root;
  GtkApplication *app;

  if (self->entries != NULL)
    return TRUE;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  if (!WB_IS_APPLICATION (app))
    return FALSE;
  self->host = g_object_ref (wb_application_get_plugin_host (WB_APPLICATION (app)));
  self->infos = wb_plugin_host_list (self->host);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) plugin_entry_free);
  for (guint i = 0; i < self->infos->len; i++)
    {
      PluginEntry *entry = create_entry (self, g_ptr_array_index (self->infos, i));

      g_ptr_array_add (self->entries, entry);
      gtk_list_box_append (self->plugin_list, GTK_WIDGET (entry->row));
    }
  return TRUE;
}

/* --- The plugin pages ------------------------------------------------------------ */

GtkWidget *
wb_checks_page_get_plugin_page (WbChecksPage *self,
                                const char   *plugin_id)
{
  g_return_val_if_fail (WB_IS_CHECKS_PAGE (self), NULL);

  return gtk_stack_get_child_by_name (self->plugin_stack, plugin_id);
}

static void
remove_plugin_pages (WbChecksPage *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->plugin_stack));

  gtk_stack_set_visible_child_name (self->plugin_stack, "empty");
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (WB_IS_PLUGIN_PAGE (child))
        gtk_stack_remove (self->plugin_stack, child);
      child = next;
    }
  gtk_list_box_unselect_all (self->plugin_list);
}

static void
show_plugin (WbChecksPage *self, PluginEntry *entry)
{
  GtkWidget *page = wb_checks_page_get_plugin_page (self, entry->id);
  const WbPluginInfo *info = info_for (self, entry->id);

  if (self->engagement == NULL || entry->plugin == NULL || info == NULL)
    return;
  if (page == NULL)
    {
      page = wb_plugin_page_new (self->host, info, entry->plugin);
      gtk_stack_add_named (self->plugin_stack, page, entry->id);
      wb_plugin_page_set_engagement (WB_PLUGIN_PAGE (page), self->engagement);
    }
  gtk_stack_set_visible_child (self->plugin_stack, page);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_row_selected (WbChecksPage  *self,
                 GtkListBoxRow *row)
{
  PluginEntry *entry = row != NULL ? entry_for_row (self, row) : NULL;

  if (entry != NULL)
    show_plugin (self, entry);
}

/* Enter on a row (or a click) selects it, which shows its page. */
static void
on_row_activated (WbChecksPage  *self,
                  GtkListBoxRow *row)
{
  PluginEntry *entry = entry_for_row (self, row);

  if (gtk_list_box_get_selected_row (self->plugin_list) != row)
    gtk_list_box_select_row (self->plugin_list, row);
  else if (entry != NULL)
    show_plugin (self, entry);
}

static void
on_back (WbChecksPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
refresh (WbChecksPage *self)
{
  self->stale = FALSE;
  if (!ensure_entries (self))
    return;
  sync_sidebar (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->plugin_stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (WB_IS_PLUGIN_PAGE (child))
      wb_plugin_page_set_engagement (WB_PLUGIN_PAGE (child), self->engagement);
}

void
wb_checks_page_set_engagement (WbChecksPage *self,
                               WbEngagement *engagement)
{
  gboolean same;

  g_return_if_fail (WB_IS_CHECKS_PAGE (self));

  same = engagement != NULL && engagement == self->engagement;
  /* A change made on another page: redraw when this page is shown again, so the
   * other pages' refresh does not wait for this one. */
  if (same && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  /* Another engagement (or none): its pages hold what was typed for the old one. */
  if (!same)
    remove_plugin_pages (self);
  g_set_object (&self->engagement, engagement);
  refresh (self);
}

static void
on_map (GtkWidget *widget,
        gpointer   user_data)
{
  WbChecksPage *self = WB_CHECKS_PAGE (widget);

  if (self->stale)
    refresh (self);
}

static void
wb_checks_page_dispose (GObject *object)
{
  WbChecksPage *self = WB_CHECKS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_CHECKS_PAGE);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->infos, g_ptr_array_unref);
  g_clear_object (&self->engagement);
  g_clear_object (&self->host);
  G_OBJECT_CLASS (wb_checks_page_parent_class)->dispose (object);
}

static void
wb_checks_page_class_init (WbChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_checks_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/werkbank/Werkbank/wb-checks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbChecksPage, notice);
  gtk_widget_class_bind_template_child (widget_class, WbChecksPage, plugin_list);
  gtk_widget_class_bind_template_child (widget_class, WbChecksPage, content);
  gtk_widget_class_bind_template_child (widget_class, WbChecksPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, WbChecksPage, plugin_stack);
}

static void
wb_checks_page_init (WbChecksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->leaflet = ADW_LEAFLET (adw_bin_get_child (ADW_BIN (self)));
  g_signal_connect_swapped (self->plugin_list, "row-selected",
                            G_CALLBACK (on_row_selected), self);
  g_signal_connect_swapped (self->plugin_list, "row-activated",
                            G_CALLBACK (on_row_activated), self);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (on_back), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

/* wb-plugin-page.c — one plugin's page on the Checks page, rendered from its content
 *
 * A plugin's page is built from what it brings: any plugin whose folder holds a
 * questionnaire gets the questionnaire (wb_questionnaire_new_for_plugin_dir); the
 * friendly-hack checklist plugin its checklist (its items are the plugin's own table,
 * shared as a static library, the one place a plugin is known by id); any plugin its
 * results from the "report-sections" it stored (the tables the report shows); and every
 * page ends with the run task.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-checklist-page.h"
#include "wb-gui-util.h"
#include "wb-plugin-page.h"
#include "wb-questionnaire-page.h"
#include "wb-run-page.h"

/* Rows shown per result table: the report has them all; the page stays quick. */
#define MAX_RESULT_ROWS 200

struct _WbPluginPage
{
  AdwBin        parent_instance;

  WbPluginHost *host;
  WbPlugin     *plugin;
  char         *plugin_id;
  WbEngagement *engagement;

  GtkLabel     *state;
  GtkWidget    *content;        /* questionnaire or checklist page, or NULL */
  GtkBox       *results;        /* the result tables of the last run */
  JsonNode     *shown_results;  /* what the results box shows (a copy) */
  GtkWidget    *run_page;
};

G_DEFINE_FINAL_TYPE (WbPluginPage, wb_plugin_page, ADW_TYPE_BIN)

guint
wb_plugin_count_findings (WbEngagement *engagement,
                          const char   *plugin_id)
{
  GPtrArray *findings = wb_engagement_get_findings (engagement);
  guint n = 0;

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (g_strcmp0 (wb_finding_get_plugin_id (g_ptr_array_index (findings, i)), plugin_id) == 0)
      n++;
  return n;
}

/* A run stores its findings, or its tables and score; a plugin without either has not
 * run (or found nothing and stored nothing, which reads the same to the team). */
static gboolean
has_run (WbEngagement *engagement, const char *plugin_id, guint n_findings)
{
  return n_findings > 0 ||
         wb_engagement_get_plugin_data (engagement, plugin_id, "report-sections") != NULL ||
         wb_engagement_get_plugin_data (engagement, plugin_id, "score") != NULL;
}

char *
wb_plugin_state_text (WbPluginHost *host,
                      WbEngagement *engagement,
                      WbPlugin     *plugin,
                      gboolean      brief)
{
  g_autoptr(GError) error = NULL;
  const char *id = wb_plugin_get_id (plugin);
  guint n_findings = wb_plugin_count_findings (engagement, id);
  gboolean signed_ = wb_agreement_is_signed (wb_engagement_get_agreement (engagement));
  g_autofree char *allowed = NULL;
  g_autofree char *ran = NULL;

  if (wb_plugin_host_check (host, engagement, plugin, &error))
    allowed = g_strdup (brief ? _("Allowed, switched on") : _("Allowed by the agreement, switched on."));
  else if (g_error_matches (error, WB_PLUGIN_ERROR, WB_PLUGIN_ERROR_NOT_ENABLED))
    allowed = g_strdup (brief ? _("Allowed, switched off")
                              : _("Allowed by the agreement, but switched off for this engagement."));
  else if (brief)
    allowed = g_strdup (signed_ ? _("Not allowed by the agreement")
                                : _("Waits for the signed agreement"));
  else
    allowed = g_strdup (error->message);

  if (!has_run (engagement, id, n_findings))
    ran = g_strdup (brief ? _("not run yet") : _("Not run yet."));
  else if (brief)
    ran = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", n_findings),
                           n_findings);
  else
    ran = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Has run: %u finding.",
                                        "Has run: %u findings.", n_findings), n_findings);
  if (brief)
    /* Translators: brief state in the sidebar: "Allowed, switched on · 3 findings". */
    return g_strdup_printf (_("%s · %s"), allowed, ran);
  /* Translators: whether it may run, then whether it ran: "Allowed … Has run: 3 findings." */
  return g_strdup_printf (_("%s %s"), allowed, ran);
}

/* --- Results --------------------------------------------------------------------- */

static const char *
string_at (JsonArray *array, guint i)
{
  JsonNode *node = i < json_array_get_length (array) ? json_array_get_element (array, i) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : "";
}

/* One table as a group: per row its first cell as the title, the others as
 * "column: value" lines. Client text is never markup (wb_gui_new_row escapes). */
static GtkWidget *
create_result_table (JsonObject *section)
{
  GtkWidget *group = adw_preferences_group_new ();
  JsonNode *columns_node = json_object_get_member (section, "columns");
  JsonNode *rows_node = json_object_get_member (section, "rows");
  JsonArray *columns, *rows;
  const char *title = json_object_has_member (section, "title")
    ? json_object_get_string_member (section, "title") : NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title != NULL ? title : "");
  if (columns_node == NULL || !JSON_NODE_HOLDS_ARRAY (columns_node) ||
      rows_node == NULL || !JSON_NODE_HOLDS_ARRAY (rows_node))
    return group;
  columns = json_node_get_array (columns_node);
  rows = json_node_get_array (rows_node);
  for (guint r = 0; r < json_array_get_length (rows) && r < MAX_RESULT_ROWS; r++)
    {
      JsonNode *row_node = json_array_get_element (rows, r);
      g_autoptr(GString) details = g_string_new (NULL);
      JsonArray *cells;
      GtkWidget *row;

      if (!JSON_NODE_HOLDS_ARRAY (row_node))
        continue;
      cells = json_node_get_array (row_node);
      for (guint c = 1; c < json_array_get_length (cells); c++)
        {
          if (*string_at (cells, c) == '\0')
            continue;
          if (details->len > 0)
            g_string_append_c (details, '\n');
          /* Translators: a result table's column, then its value: "Answer: Partly". */
          g_string_append_printf (details, _("%s: %s"), string_at (columns, c),
                                  string_at (cells, c));
        }
      row = wb_gui_new_row (string_at (cells, 0), details->len > 0 ? details->str : NULL);
      adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

/* Rebuilt only when the stored tables changed: a refresh must not scroll or flicker. */
static void
sync_results (WbPluginPage *self)
{
  JsonNode *sections = wb_engagement_get_plugin_data (self->engagement, self->plugin_id,
                                                      "report-sections");

  if (self->shown_results != NULL && sections != NULL &&
      json_node_equal (self->shown_results, sections))
    return;
  g_clear_pointer (&self->shown_results, json_node_unref);
  wb_gui_remove_children (GTK_WIDGET (self->results));
  gtk_widget_set_visible (GTK_WIDGET (self->results), FALSE);
  if (sections == NULL || !JSON_NODE_HOLDS_ARRAY (sections))
    return;
  /* The run widget's own table (the network scan's hosts) shows the same, richer. */
  if (self->run_page != NULL && wb_run_page_shows_results (WB_RUN_PAGE (self->run_page)))
    return;
  self->shown_results = json_node_copy (sections);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (sections)); i++)
    {
      JsonNode *section = json_array_get_element (json_node_get_array (sections), i);

      if (JSON_NODE_HOLDS_OBJECT (section))
        gtk_box_append (self->results, create_result_table (json_node_get_object (section)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results), TRUE);
}

/* --- Building -------------------------------------------------------------------- */

static GtkWidget *
create_content (const WbPluginInfo *info, WbPlugin *plugin)
{
  g_autoptr(WbQuestionnaire) questionnaire = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (info->directory, WB_QUESTIONNAIRE_FILE, NULL);
  GtkWidget *label;

  /* Any plugin whose folder holds questionnaire content gets a questionnaire page. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      questionnaire = wb_questionnaire_new_for_plugin_dir (info->directory, &error);
      if (questionnaire != NULL)
        return wb_questionnaire_page_new (questionnaire, info->id);
      label = gtk_label_new (error->message);
      gtk_widget_add_css_class (label, "error");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      return label;
    }
  if (wb_plugin_get_kind (plugin) == WB_PLUGIN_KIND_CHECKLIST &&
      g_str_equal (info->id, "friendly-hack"))
    return wb_checklist_page_new ();
  return NULL;
}

static GtkWidget *
create_heading (WbPluginPage *self, const WbPluginInfo *info)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (wb_plugin_get_title (self->plugin));
  GtkWidget *kind = gtk_label_new (wb_plugin_kind_get_label (wb_plugin_get_kind (self->plugin)));
  GtkWidget *description = gtk_label_new (info->description);

  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_widget_set_visible (description, info->description != NULL && *info->description != '\0');
  self->state = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (GTK_LABEL (self->state), TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->state), "plugin-state");
  gtk_widget_add_css_class (GTK_WIDGET (self->state), "heading");
  {
    GtkWidget *labels[] = { title, kind, description, GTK_WIDGET (self->state) };

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        gtk_label_set_xalign (GTK_LABEL (labels[i]), 0);
        gtk_box_append (GTK_BOX (box), labels[i]);
      }
  }
  return box;
}

GtkWidget *
wb_plugin_page_new (WbPluginHost       *host,
                    const WbPluginInfo *info,
                    WbPlugin           *plugin)
{
  WbPluginPage *self = g_object_new (WB_TYPE_PLUGIN_PAGE, NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  self->host = g_object_ref (host);
  self->plugin = g_object_ref (plugin);
  self->plugin_id = g_strdup (info->id);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_box_append (GTK_BOX (box), create_heading (self, info));
  self->content = create_content (info, plugin);
  if (self->content != NULL)
    gtk_box_append (GTK_BOX (box), self->content);
  self->results = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_visible (GTK_WIDGET (self->results), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->results));
  /* The run task brings its own "Run" group: progress, cancel, what it found. */
  self->run_page = wb_run_page_new (host, self->plugin_id);
  gtk_box_append (GTK_BOX (box), self->run_page);

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_bin_set_child (ADW_BIN (self), scrolled);
  return GTK_WIDGET (self);
}

void
wb_plugin_page_set_engagement (WbPluginPage *self,
                               WbEngagement *engagement)
{
  g_autofree char *state = NULL;

  g_return_if_fail (WB_IS_PLUGIN_PAGE (self));

  g_set_object (&self->engagement, engagement);
  if (WB_IS_QUESTIONNAIRE_PAGE (self->content))
    wb_questionnaire_page_set_engagement (WB_QUESTIONNAIRE_PAGE (self->content), engagement);
  else if (WB_IS_CHECKLIST_PAGE (self->content))
    wb_checklist_page_set_engagement (WB_CHECKLIST_PAGE (self->content), engagement);
  wb_run_page_set_engagement (WB_RUN_PAGE (self->run_page), engagement);
  if (engagement == NULL)
    return;
  state = wb_plugin_state_text (self->host, engagement, self->plugin, FALSE);
  gtk_label_set_text (self->state, state);
  sync_results (self);
}

const char *
wb_plugin_page_get_plugin_id (WbPluginPage *self)
{
  return self->plugin_id;
}

WbEngagement *
wb_plugin_page_get_engagement (WbPluginPage *self)
{
  return self->engagement;
}

GtkWidget *
wb_plugin_page_get_run_page (WbPluginPage *self)
{
  return self->run_page;
}

GtkWidget *
wb_plugin_page_get_content (WbPluginPage *self)
{
  return self->content;
}

static void
wb_plugin_page_dispose (GObject *object)
{
  WbPluginPage *self = WB_PLUGIN_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->shown_results, json_node_unref);
  g_clear_object (&self->engagement);
  g_clear_object (&self->plugin);
  g_clear_object (&self->host);
  G_OBJECT_CLASS (wb_plugin_page_parent_class)->dispose (object);
}

static void
wb_plugin_page_finalize (GObject *object)
{
  g_free (WB_PLUGIN_PAGE (object)->plugin_id);
  G_OBJECT_CLASS (wb_plugin_page_parent_class)->finalize (object);
}

static void
wb_plugin_page_class_init (WbPluginPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wb_plugin_page_dispose;
  object_class->finalize = wb_plugin_page_finalize;
}

static void
wb_plugin_page_init (WbPluginPage *self)
{
}

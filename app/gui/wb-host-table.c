/* wb-host-table.c — the network scan's hosts and their open services
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-gui-util.h"
#include "wb-host-table.h"

/* Up to this many hosts the rows start expanded: a small office fits on one screen;
 * a larger network starts folded so the list stays a list. */
#define EXPAND_UP_TO 16

struct _WbHostTable
{
  AdwBin     parent_instance;

  GtkWidget *group;    /* AdwPreferencesGroup: title and summary */
  GtkWidget *list;     /* GtkListBox, boxed: one AdwExpanderRow per host */
  JsonNode  *shown;    /* a copy of what the rows show */
  gboolean   drawn;
  gboolean   running;  /* a scan is under way */
  guint      n_hosts;
  guint      n_ports;
};

G_DEFINE_FINAL_TYPE (WbHostTable, wb_host_table, ADW_TYPE_BIN)

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
add_part (GPtrArray  *parts,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (parts, g_strdup (text));
}

/* "Apache httpd 2.2.15 (CentOS)": what the banner says the software is. */
static char *
product_text (JsonObject *port)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  add_part (words, member_string (port, "product"));
  add_part (words, member_string (port, "version"));
  add_part (words, member_string (port, "extra"));
  g_ptr_array_add (words, NULL);
  return g_strjoinv (" ", (char **) words->pdata);
}

static void
add_web_parts (GPtrArray  *parts,
               JsonObject *port)
{
  JsonObject *http = member_object (port, "http");
  JsonObject *tls = member_object (port, "tls");
  JsonObject *detail = member_object (port, "detail");

  if (http != NULL && member_string (http, "title") != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("page “%s”"), member_string (http, "title")));
  if (http != NULL && member_string (http, "server") != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("server “%s”"),
                                             member_string (http, "server")));
  if (tls != NULL && member_string (tls, "version") != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("encrypted with %s"),
                                             member_string (tls, "version")));
  if (json_object_get_boolean_member_with_default (port, "ftp_anonymous", FALSE))
    add_part (parts, _("anyone can log in (anonymous FTP)"));
  if (detail != NULL && member_string (detail, "sysdescr") != NULL)
    add_part (parts, member_string (detail, "sysdescr"));
}

/* Everything known about one open port, in one line: product and version, web page,
 * TLS, then the banner itself. */
static char *
port_details (JsonObject *port)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *product = product_text (port);
  const char *banner = member_string (port, "banner");

  add_part (parts, product);
  add_web_parts (parts, port);
  if (banner != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (banner));

      g_ptr_array_add (parts, g_strdup_printf (_("banner “%s”"), trimmed));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" — ", (char **) parts->pdata);
}

static GtkWidget *
new_port_row (JsonObject *port)
{
  g_autofree char *title = NULL;
  g_autofree char *details = port_details (port);
  const char *service = member_string (port, "service");
  GtkWidget *row;

  /* "22/tcp  ssh": port and protocol first, as every scanner shows them. */
  title = g_strdup_printf ("%" G_GINT64_FORMAT "/%s%s%s",
                           json_object_get_int_member_with_default (port, "port", 0),
                           member_string (port, "protocol") ? member_string (port, "protocol")
                                                            : "tcp",
                           service != NULL ? "  " : "", service != NULL ? service : "");
  row = wb_gui_new_row (title, details);
  /* Banners are long: wrap them instead of widening the window. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_add_css_class (row, "property");
  g_object_set_data (G_OBJECT (row), "wb-port-row", GINT_TO_POINTER (TRUE));
  return row;
}

/* Open ports only: an nmap import may also hold closed and filtered ones. */
static guint
count_open (JsonArray *ports)
{
  guint n = 0;

  for (guint i = 0; ports != NULL && i < json_array_get_length (ports); i++)
    {
      JsonNode *node = json_array_get_element (ports, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (member_string (json_node_get_object (node), "state"), "open") == 0)
        n++;
    }
  return n;
}

static char *
host_subtitle (JsonObject *host,
               guint       n_open)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  JsonNode *names = json_object_get_member (host, "hostnames");

  if (names != NULL && JSON_NODE_HOLDS_ARRAY (names))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (names)); i++)
      {
        JsonNode *name = json_array_get_element (json_node_get_array (names), i);

        if (json_node_get_value_type (name) == G_TYPE_STRING)
          add_part (parts, json_node_get_string (name));
      }
  if (member_string (host, "mac") != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("MAC %s"), member_string (host, "mac")));
  if (n_open == 0)
    add_part (parts, _("answers, but no open ports"));
  else
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open port",
                                                          "%u open ports", n_open), n_open));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
new_host_row (JsonObject *host,
              gboolean    expanded)
{
  GtkWidget *row = adw_expander_row_new ();
  JsonNode *ports_node = json_object_get_member (host, "ports");
  JsonArray *ports = ports_node != NULL && JSON_NODE_HOLDS_ARRAY (ports_node)
                     ? json_node_get_array (ports_node) : NULL;
  guint n_open = count_open (ports);
  g_autofree char *title = g_markup_escape_text (member_string (host, "address"), -1);
  g_autofree char *subtitle = host_subtitle (host, n_open);
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), n_open > 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), expanded && n_open > 0);
  for (guint i = 0; ports != NULL && i < json_array_get_length (ports); i++)
    {
      JsonNode *node = json_array_get_element (ports, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (member_string (json_node_get_object (node), "state"), "open") == 0)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  new_port_row (json_node_get_object (node)));
    }
  return row;
}

static void
update_summary (WbHostTable *self)
{
  g_autofree char *summary = NULL;

  if (self->shown == NULL)
    summary = g_strdup (_("No scan yet: run the scan to see the hosts and what they offer."));
  else if (self->n_hosts == 0)
    summary = g_strdup (_("The last scan found no hosts in the agreement's scope."));
  else
    {
      g_autofree char *hosts_text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u host", "%u hosts", self->n_hosts),
                         self->n_hosts);
      g_autofree char *ports_text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open port", "%u open ports",
                                      self->n_ports), self->n_ports);

      /* TRANSLATORS: "3 hosts, 12 open ports" */
      summary = g_strdup_printf (_("%s, %s"), hosts_text, ports_text);
    }
  /* The plugin reports no hosts while it scans: say when they will appear. */
  if (self->running)
    {
      g_autofree char *before = g_steal_pointer (&summary);

      summary = g_strdup_printf (self->shown != NULL
                                 /* TRANSLATORS: %s is "3 hosts, 12 open ports" */
                                 ? _("Scanning: the hosts found appear here when the scan "
                                     "has finished. Until then, the last scan: %s")
                                 : _("Scanning: the hosts found appear here when the scan "
                                     "has finished."), before);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), summary);
}

static void
show_hosts (WbHostTable *self,
            JsonArray   *hosts)
{
  guint n = hosts != NULL ? json_array_get_length (hosts) : 0;

  wb_gui_remove_children (self->list);
  self->n_hosts = 0;
  self->n_ports = 0;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (hosts, i);
      JsonObject *host;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      host = json_node_get_object (node);
      if (member_string (host, "address") == NULL)
        continue;
      gtk_list_box_append (GTK_LIST_BOX (self->list), new_host_row (host, n <= EXPAND_UP_TO));
      self->n_ports += count_open (json_object_get_array_member (host, "ports"));
      self->n_hosts++;
    }
  gtk_widget_set_visible (self->list, self->n_hosts > 0);
  self->drawn = TRUE;
  update_summary (self);
}

void
wb_host_table_set_running (WbHostTable *self,
                           gboolean     running)
{
  g_return_if_fail (WB_IS_HOST_TABLE (self));

  self->running = running;
  update_summary (self);
}

void
wb_host_table_set_hosts (WbHostTable *self,
                         JsonNode    *hosts)
{
  g_return_if_fail (WB_IS_HOST_TABLE (self));

  if (hosts != NULL && !JSON_NODE_HOLDS_ARRAY (hosts))
    hosts = NULL;
  /* Called after every committed change: redraw only when the hosts changed. */
  if (self->shown != NULL && hosts != NULL && json_node_equal (self->shown, hosts))
    return;
  if (self->drawn && self->shown == NULL && hosts == NULL)
    return;
  g_clear_pointer (&self->shown, json_node_unref);
  if (hosts != NULL)
    self->shown = json_node_copy (hosts);
  show_hosts (self, hosts != NULL ? json_node_get_array (hosts) : NULL);
}

guint
wb_host_table_get_n_hosts (WbHostTable *self)
{
  g_return_val_if_fail (WB_IS_HOST_TABLE (self), 0);
  return self->n_hosts;
}

/* The first word of each port row's visible title ("22/tcp"). */
static void
describe_ports (GtkWidget *widget,
                GString   *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (g_object_get_data (G_OBJECT (c), "wb-port-row") != NULL)
        {
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c));
          g_auto(GStrv) words = g_strsplit (title, " ", 2);

          g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[0]);
          continue;
        }
      describe_ports (c, out);
    }
}

char *
wb_host_table_describe_host (WbHostTable *self,
                             const char  *address)
{
  g_autofree char *escaped = g_markup_escape_text (address, -1);

  g_return_val_if_fail (WB_IS_HOST_TABLE (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (self->list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_EXPANDER_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), escaped) == 0)
      {
        GString *out = g_string_new (NULL);

        describe_ports (row, out);
        return g_string_free (out, FALSE);
      }
  return NULL;
}

static void
wb_host_table_finalize (GObject *object)
{
  WbHostTable *self = WB_HOST_TABLE (object);

  g_clear_pointer (&self->shown, json_node_unref);
  G_OBJECT_CLASS (wb_host_table_parent_class)->finalize (object);
}

static void
wb_host_table_class_init (WbHostTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wb_host_table_finalize;
}

static void
wb_host_table_init (WbHostTable *self)
{
  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group),
                                   _("Hosts and Services"));
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hosts and services found"),
                                  -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->list);
  adw_bin_set_child (ADW_BIN (self), self->group);
  show_hosts (self, NULL);
}

GtkWidget *
wb_host_table_new (void)
{
  return g_object_new (WB_TYPE_HOST_TABLE, NULL);
}

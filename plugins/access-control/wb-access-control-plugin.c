/* wb-access-control-plugin.c — access control: the interview and the automated checks
 *
 * The interview content is in questionnaire.json beside the module. When the agreement
 * allows active checks, the run also checks the hosts in scope from the laptop: it uses
 * the network plugin's "hosts" (docs/network-data.md) when that has run, and otherwise
 * probes a short list of ports itself. Every target passes wb_scope_check_address.
 * No password is ever tried (not even under an intrusive agreement: not implemented).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include "wb-access-checks.h"
#include "wb-plugin.h"
#include "wb-questionnaire.h"

#define MAX_TARGETS 1024 /* a small company's LAN; more is a scope mistake */

static WbQuestionnaire *questionnaire;

typedef struct {
  const char *title;
  WbSeverity  severity;
  const char *risk;
  const char *step;
  WbPriority  priority;
  const char *reference;
} CheckAdvice;

/* Indexed by WbAccessCheck. */
static const CheckAdvice check_advice[] = {
  { N_("Anonymous FTP login allowed"), WB_SEVERITY_HIGH,
    N_("Anyone on the network can read, and perhaps change, the files on this FTP server "
       "without a password."),
    N_("Switch off anonymous login on the FTP server, or switch FTP off and use a shared "
       "folder with personal accounts."), WB_PRIORITY_NOW, "CIS 4.8" },
  { N_("Telnet is switched on"), WB_SEVERITY_MEDIUM,
    N_("Telnet sends passwords unencrypted over the network; anyone listening can read "
       "them."),
    N_("Switch Telnet off on this device; use its web page or SSH for management."),
    WB_PRIORITY_QUARTER, "CIS 4.8" },
  { N_("SNMP answers to the community “public”"), WB_SEVERITY_MEDIUM,
    N_("Anyone on the network can read the device's configuration, and sometimes change "
       "it."),
    N_("Switch SNMP off on this device, or set a long, secret community (better: SNMPv3 "
       "with a password)."), WB_PRIORITY_QUARTER, "CIS 4.7" },
  { N_("Remote desktop (RDP) reachable"), WB_SEVERITY_MEDIUM,
    N_("Remote desktop is a favourite way in for ransomware when it is reachable from "
       "more places than needed."),
    N_("Allow remote desktop only from the administrators' computers, with multi-factor "
       "authentication, and never forward it on the router."), WB_PRIORITY_QUARTER,
    "Cyber Essentials: firewalls" },
  { N_("Windows file sharing (SMB) reachable"), WB_SEVERITY_LOW,
    N_("File sharing reachable from every device lets malware spread and read shared "
       "folders."),
    N_("Make sure file sharing is only on the file server or NAS, with SMB signing and "
       "no old SMBv1."), WB_PRIORITY_QUARTER, "CIS 4.4" },
  { N_("Screen sharing (VNC) reachable"), WB_SEVERITY_HIGH,
    N_("VNC often has a weak or no password and gives full control of the screen."),
    N_("Switch VNC off, or use the IT supplier's remote-support tool with "
       "multi-factor authentication."), WB_PRIORITY_NOW, "CIS 4.8" },
  { N_("Database reachable over the network"), WB_SEVERITY_MEDIUM,
    N_("A database that every device can reach can be read or wiped when its password "
       "is weak or missing."),
    N_("Let the database listen only on the server itself, or only for the application "
       "that needs it."), WB_PRIORITY_QUARTER, "CIS 4.4" },
  { N_("Admin page of a device recognised"), WB_SEVERITY_LOW,
    N_("Anyone on the network can reach the device's management page; with the default "
       "password they can take it over."),
    N_("Check that the default password was changed, and limit the admin page to the "
       "administrators' computers if the device allows it."), WB_PRIORITY_QUARTER,
    "Cyber Essentials: secure configuration" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (check_advice) == WB_ACCESS_N_CHECKS);

static const char *
ac_get_id (WbPlugin *plugin)
{
  return "access-control";
}

static const char *
ac_get_title (WbPlugin *plugin)
{
  return wb_questionnaire_get_title (questionnaire);
}

static WbPluginKind
ac_get_kind (WbPlugin *plugin)
{
  return WB_PLUGIN_KIND_INTERVIEW;
}

/* The interview is passive; the checks run only when the agreement also allows
 * active checks (see collect_targets). */
static WbActivity
ac_get_required_activity (WbPlugin *plugin)
{
  return WB_ACTIVITY_PASSIVE;
}

static void
add_target (GPtrArray *targets, WbScope *scope, const char *address, GArray *ports)
{
  WbAccessTarget *target;

  if (!wb_scope_check_address_string (scope, address, NULL))
    {
      g_clear_pointer (&ports, g_array_unref);
      return;
    }
  target = g_new0 (WbAccessTarget, 1);
  target->address = g_strdup (address);
  target->open_ports = ports;
  g_ptr_array_add (targets, target);
}

static GArray *
open_tcp_ports (JsonObject *host)
{
  GArray *ports = g_array_new (FALSE, FALSE, sizeof (guint));
  JsonNode *node = json_object_get_member (host, "ports");
  JsonArray *array = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *port;
      gint64 number;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      port = json_node_get_object (element);
      number = json_object_get_int_member_with_default (port, "port", 0);
      if (g_strcmp0 (json_object_get_string_member_with_default (port, "protocol", ""),
                     "tcp") == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (port, "state", "open"),
                     "open") == 0 &&
          number > 0 && number < 65536)
        {
          guint value = (guint) number;

          g_array_append_val (ports, value);
        }
    }
  return ports;
}

/* The network plugin's hosts, when it has run: no need to scan again. */
static gboolean
targets_from_network (WbRunContext *context, WbScope *scope, GPtrArray *targets)
{
  JsonNode *hosts = wb_run_context_get_other_data (context, "network", "hosts");
  JsonArray *array;

  if (hosts == NULL || !JSON_NODE_HOLDS_ARRAY (hosts))
    return FALSE;
  array = json_node_get_array (hosts);
  for (guint i = 0; i < json_array_get_length (array) && targets->len < MAX_TARGETS; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *host = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *address = host ? json_object_get_string_member_with_default (host, "address",
                                                                               NULL) : NULL;

      if (address != NULL)
        add_target (targets, scope, address, open_tcp_ports (host));
    }
  return TRUE;
}

static gboolean
targets_from_scope (WbScope *scope, GPtrArray *targets, GError **error)
{
  g_autoptr(GArray) addresses = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (!wb_scope_expand_ipv4 (scope, MAX_TARGETS, addresses, error))
    return FALSE;
  for (guint i = 0; i < addresses->len; i++)
    {
      g_autoptr(GInetAddress) inet =
        g_inet_address_new_from_bytes ((const guint8 *) &g_array_index (addresses, guint32, i),
                                       G_SOCKET_FAMILY_IPV4);
      g_autofree char *text = g_inet_address_to_string (inet);

      add_target (targets, scope, text, NULL);
    }
  return TRUE;
}

typedef struct {
  WbRunContext *context;
  GPtrArray    *targets;  /* of WbAccessTarget */
  gboolean      from_network;
} RunData;

static void
run_data_free (RunData *data)
{
  g_object_unref (data->context);
  g_ptr_array_unref (data->targets);
  g_free (data);
}

static WbFinding *
result_to_finding (WbAccessResult *result)
{
  const CheckAdvice *ca = &check_advice[result->check];
  WbFinding *finding = wb_finding_new (wb_access_check_id (result->check), _(ca->title),
                                       ca->severity);
  g_autoptr(WbAdvice) advice = wb_advice_new ();
  g_autofree char *asset = g_strdup_printf ("%s:%u", result->address, result->port);
  const char *references[] = { ca->reference, NULL };

  advice->risk = g_strdup (_(ca->risk));
  advice->step = g_strdup (_(ca->step));
  advice->owner = WB_OWNER_SUPPLIER;
  advice->priority = ca->priority;
  advice->effort = 1;
  advice->solution = WB_SOLUTION_MITIGATION;
  g_strfreev (advice->references);
  advice->references = g_strdupv ((char **) references);
  wb_finding_set_advice (finding, advice);
  wb_finding_set_confidence (finding, WB_CONFIDENCE_AUTOMATED);
  wb_finding_add_asset (finding, asset);
  if (result->detail != NULL)
    wb_finding_add_evidence (finding, result->detail);
  return finding;
}

/* The interview's tables plus one for the automated checks. */
static JsonNode *
report_with_checks (WbRunContext *context, GPtrArray *results)
{
  JsonNode *stored = wb_run_context_get_data (context, "report-sections");
  JsonNode *copy = stored ? json_node_copy (stored) : json_node_init_array (json_node_alloc (),
                                                                           json_array_new ());
  JsonObject *table = json_object_new ();
  JsonArray *columns = json_array_new (), *rows = json_array_new ();

  json_array_add_string_element (columns, _("Host"));
  json_array_add_string_element (columns, _("Port"));
  json_array_add_string_element (columns, _("Found"));
  for (guint i = 0; i < results->len; i++)
    {
      WbAccessResult *result = g_ptr_array_index (results, i);
      JsonArray *row = json_array_new ();
      char port[16];

      g_snprintf (port, sizeof port, "%u", result->port);
      json_array_add_string_element (row, result->address);
      json_array_add_string_element (row, port);
      json_array_add_string_element (row, _(check_advice[result->check].title));
      json_array_add_array_element (rows, row);
    }
  json_object_set_string_member (table, "title", _("Automated access checks"));
  json_object_set_array_member (table, "columns", columns);
  json_object_set_array_member (table, "rows", rows);
  json_array_add_object_element (json_node_get_array (copy), table);
  return copy;
}

static void
checks_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RunData *data = task_data;

  g_task_return_pointer (task, wb_access_checks_run (data->targets, cancellable),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
checks_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  RunData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) results = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(JsonNode) report = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (results == NULL)
    results = g_ptr_array_new ();
  for (guint i = 0; i < results->len; i++)
    {
      g_autoptr(WbFinding) finding = result_to_finding (g_ptr_array_index (results, i));

      wb_run_context_add_finding (data->context, finding);
    }
  report = report_with_checks (data->context, results);
  if (!wb_run_context_set_data (data->context, "report-sections", report, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  wb_run_context_progress (data->context, 1.0, _("Done"));
  g_task_return_boolean (task, TRUE);
}

/* The team can switch the automated checks off for an engagement (plugin data
 * "automated-checks": false), e.g. while the laptop is not on the company's network:
 * then the run scores the interview only and sends no packet. */
static gboolean
checks_wanted (WbRunContext *context)
{
  JsonNode *node = wb_run_context_get_data (context, "automated-checks");

  return node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
         json_node_get_value_type (node) != G_TYPE_BOOLEAN || json_node_get_boolean (node);
}

static void
ac_run_async (WbPlugin            *plugin,
              WbRunContext        *context,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (plugin, cancellable, callback, user_data);
  WbScope *scope = wb_run_context_get_scope (context);
  RunData *data;
  GTask *checks;
  GError *error = NULL;

  wb_run_context_progress (context, 0.0, _("Scoring the answers"));
  if (!wb_questionnaire_evaluate (questionnaire, context, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!wb_scope_allows_activity (scope, WB_ACTIVITY_ACTIVE))
    {
      wb_run_context_progress (context, 1.0,
                               _("The agreement allows no active checks: interview only."));
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (!checks_wanted (context))
    {
      wb_run_context_progress (context, 1.0,
                               _("The automated checks are switched off: interview only."));
      g_task_return_boolean (task, TRUE);
      return;
    }
  data = g_new0 (RunData, 1);
  data->context = g_object_ref (context);
  data->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_access_target_free);
  data->from_network = targets_from_network (context, scope, data->targets);
  if (!data->from_network && !targets_from_scope (scope, data->targets, &error))
    {
      run_data_free (data);
      g_task_return_error (task, error);
      return;
    }
  wb_run_context_progress (context, 0.2, data->from_network
                           ? _("Checking the hosts the network scan found")
                           : _("Checking the hosts in scope"));
  checks = g_task_new (plugin, cancellable, checks_done, g_steal_pointer (&task));
  g_task_set_task_data (checks, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (checks, checks_thread);
  g_object_unref (checks);
}

static const WbPluginInterface ac_vfuncs = {
  .get_id = ac_get_id,
  .get_title = ac_get_title,
  .get_kind = ac_get_kind,
  .get_required_activity = ac_get_required_activity,
  .run_async = ac_run_async,
};

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  g_autoptr(GError) error = NULL;

  if (questionnaire == NULL)
    questionnaire = wb_questionnaire_new_for_plugin_dir (peas_object_module_get_path (module),
                                                         &error);
  if (questionnaire == NULL)
    {
      /* Not registering the type keeps the plugin from loading; say why. */
      g_message ("%s", error->message);
      return;
    }
  wb_plugin_register_type (module, "WbAccessControlPlugin", &ac_vfuncs);
}

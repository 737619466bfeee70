/* wb-network-plugin.c — the network scan: hosts and services in scope, and what they expose
 *
 * A run has three phases. (1) werkbank-probe, the small privileged scanner, gets the
 * agreement's scope as a JSON job and reports live hosts and open ports as JSON lines,
 * read here asynchronously. (2) Unprivileged connections to the open ports read banners,
 * versions, web page titles and certificates, a bounded number at a time in worker
 * threads. (3) The hosts are stored ("hosts", "scan", "report-sections"; see
 * docs/network-data.md) and the rules turn them into findings with advice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>
#include <signal.h>
#include <string.h>

#include "wb-network-advice.h"
#include "wb-network-grab.h"
#include "wb-network-hosts.h"
#include "wb-plugin.h"

#define PROBE_NAME "werkbank-probe"
#define MAX_EVENT_LINE 65536
#define GRAB_THREADS 16
#define PROBE_TERM_GRACE_MS 5000
#define PROBE_RATE 10000 /* packets per second */
#define SCAN_SHARE 0.7 /* of the progress bar: the rest is reading banners */

static char *module_dir;

/* ---- finding the probe and the advice ---- */

/* $WERKBANK_PROBE, else the build tree's probe when this plugin runs from the build tree,
 * else the installed one: an installed plugin never runs a binary from a build folder. */
static char *
find_probe (void)
{
  const char *env = g_getenv ("WERKBANK_PROBE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (module_dir != NULL && g_str_has_prefix (module_dir, WB_BUILD_ROOT "/"))
    return g_build_filename (WB_BUILD_ROOT, "app", "probe", PROBE_NAME, NULL);
  return g_build_filename (WB_LIBEXECDIR, PROBE_NAME, NULL);
}

/* werkbank-tls-check, found like the probe; NULL when it is not there (old TLS is then
 * seen only when a service negotiates it). */
static char *
find_tls_check (void)
{
  const char *env = g_getenv ("WERKBANK_TLS_CHECK");
  g_autofree char *path = NULL;

  if (env != NULL && *env != '\0')
    path = g_strdup (env);
  else if (module_dir != NULL && g_str_has_prefix (module_dir, WB_BUILD_ROOT "/"))
    path = g_build_filename (WB_BUILD_ROOT, "plugins", "network", "werkbank-tls-check", NULL);
  else
    path = g_build_filename (WB_LIBEXECDIR, "werkbank-tls-check", NULL);
  return g_file_test (path, G_FILE_TEST_IS_EXECUTABLE) ? g_steal_pointer (&path) : NULL;
}

static char *
advice_path (void)
{
  return g_build_filename (module_dir ? module_dir : ".", "advice.json", NULL);
}

/* ---- the run ---- */

typedef struct {
  WbRunContext     *context;
  GCancellable     *cancellable;
  gulong            cancel_id;
  GHashTable       *checks;
  char             *probe_path;
  GSubprocess      *probe;
  GDataInputStream *events;
  guint             kill_source;
  JsonArray        *hosts;
  char             *error_code;     /* from the probe's "error" event */
  char             *error_message;
  gboolean          done_seen;
  gboolean          stopped;
  gboolean          active_checks;
  GThreadPool      *pool;
  GMainContext     *main_context;
  guint             grabs_total;
  guint             grabs_done;
  char             *scan_error;     /* translated; the scan is incomplete */
} RunData;

static void
run_data_free (RunData *data)
{
  if (data->cancel_id != 0)
    g_cancellable_disconnect (data->cancellable, data->cancel_id);
  if (data->kill_source != 0)
    g_source_remove (data->kill_source);
  g_clear_object (&data->context);
  g_clear_object (&data->cancellable);
  g_clear_pointer (&data->checks, g_hash_table_unref);
  g_free (data->probe_path);
  g_clear_object (&data->probe);
  g_clear_object (&data->events);
  g_clear_pointer (&data->hosts, json_array_unref);
  g_free (data->error_code);
  g_free (data->error_message);
  if (data->pool != NULL)
    g_thread_pool_free (data->pool, FALSE, TRUE);
  g_main_context_unref (data->main_context);
  g_free (data->scan_error);
  g_free (data);
}

static void grab_all (GTask *task);
static void finish_run (GTask *task);

/* The probe's messages are English for people; ours are translated and say what to do. */
static char *
probe_failure_message (RunData *data, int status)
{
  if (g_strcmp0 (data->error_code, "no-capability") == 0 || status == 3)
    return g_strdup_printf (_("The network scanner may not send raw packets. Give it that "
                              "right once, as administrator: sudo setcap "
                              "cap_net_raw,cap_net_admin+ep %s"), data->probe_path);
  if (g_strcmp0 (data->error_code, "out-of-scope") == 0 || status == 4)
    return g_strdup_printf (_("The network scanner refused the job: a target is outside "
                              "the agreement's scope (%s)."),
                            data->error_message ? data->error_message : "");
  if (g_strcmp0 (data->error_code, "interface") == 0 || status == 5)
    return g_strdup_printf (_("The network scanner cannot use the network interface: %s"),
                            data->error_message ? data->error_message : "");
  return g_strdup_printf (_("The network scanner stopped with an error (exit code %d): %s"),
                          status, data->error_message ? data->error_message
                                                      : _("no message"));
}

/* ---- phase 1: the probe's events ---- */

static void
event_port (RunData *data, JsonObject *event, const char *address)
{
  const char *protocol = json_object_get_string_member_with_default (event, "protocol",
                                                                     "tcp");
  const char *state = json_object_get_string_member_with_default (event, "state", "");
  gint64 number = json_object_get_int_member_with_default (event, "port", 0);

  /* Closed ports are many and say nothing; only open ones are kept. */
  if (!g_str_equal (state, "open") || number < 1 || number > 65535 ||
      (!g_str_equal (protocol, "tcp") && !g_str_equal (protocol, "udp")))
    return;
  wb_hosts_get_port (wb_hosts_get_host (data->hosts, address), protocol, number);
}

static void
event_udp (RunData *data, JsonObject *event, const char *address)
{
  gint64 number = json_object_get_int_member_with_default (event, "port", 0);
  const char *service = json_object_get_string_member_with_default (event, "service", NULL);
  JsonNode *detail = json_object_get_member (event, "detail");
  JsonObject *port;

  if (number < 1 || number > 65535)
    return;
  port = wb_hosts_get_port (wb_hosts_get_host (data->hosts, address), "udp", number);
  if (service != NULL)
    json_object_set_string_member (port, "service", service);
  if (detail != NULL && JSON_NODE_HOLDS_OBJECT (detail))
    json_object_set_member (port, "detail", json_node_copy (detail));
}

static void
handle_event (RunData *data, JsonObject *event)
{
  const char *kind = json_object_get_string_member_with_default (event, "event", "");
  const char *address = json_object_get_string_member_with_default (event, "address", NULL);
  g_autoptr(GError) error = NULL;

  /* The probe checks the scope; we check again what it reports before we connect. */
  if (address != NULL &&
      !wb_scope_check_address_string (wb_run_context_get_scope (data->context), address,
                                      &error))
    {
      g_message ("werkbank-probe reported an address outside the scope; ignored");
      return;
    }
  if (g_str_equal (kind, "host") && address != NULL)
    {
      JsonObject *host = wb_hosts_get_host (data->hosts, address);
      const char *mac = json_object_get_string_member_with_default (event, "mac", NULL);
      const char *method = json_object_get_string_member_with_default (event, "method", NULL);

      if (mac != NULL)
        json_object_set_string_member (host, "mac", mac);
      if (method != NULL)
        json_object_set_string_member (host, "method", method);
    }
  else if (g_str_equal (kind, "port") && address != NULL)
    event_port (data, event, address);
  else if (g_str_equal (kind, "udp") && address != NULL)
    event_udp (data, event, address);
  else if (g_str_equal (kind, "progress"))
    wb_run_context_progress (data->context,
                             CLAMP (json_object_get_double_member_with_default (event,
                                                                                "fraction",
                                                                                0), 0, 1)
                             * SCAN_SHARE, _("Looking for hosts and open ports"));
  else if (g_str_equal (kind, "error"))
    {
      g_free (data->error_code);
      g_free (data->error_message);
      data->error_code = g_strdup (json_object_get_string_member_with_default (event, "code",
                                                                               "unknown"));
      data->error_message = g_strdup (json_object_get_string_member_with_default (event,
                                                                                  "message",
                                                                                  ""));
    }
  else if (g_str_equal (kind, "done"))
    {
      data->done_seen = TRUE;
      data->stopped = json_object_get_boolean_member_with_default (event, "stopped", FALSE);
    }
}

static void
handle_line (RunData *data, const char *line, gsize len)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  /* A line we cannot read is skipped: one bad line must not lose the rest of a scan. */
  if (len > MAX_EVENT_LINE || !json_parser_load_from_data (parser, line, len, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    handle_event (data, json_node_get_object (root));
}

static void
on_probe_exited (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  RunData *data = g_task_get_task_data (task);
  int status;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  if (data->kill_source != 0)
    {
      g_source_remove (data->kill_source);
      data->kill_source = 0;
    }
  if (g_cancellable_is_cancelled (data->cancellable))
    {
      g_task_return_error_if_cancelled (task);
      g_object_unref (task);
      return;
    }
  status = g_subprocess_get_if_exited (data->probe) ? g_subprocess_get_exit_status (data->probe)
                                                    : -1;
  if (status != 0)
    {
      g_autofree char *message = probe_failure_message (data, status);

      /* Partial results are kept when the scan got somewhere; otherwise the run fails. */
      if (json_array_get_length (data->hosts) == 0)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", message);
          g_object_unref (task);
          return;
        }
      data->scan_error = g_steal_pointer (&message);
    }
  grab_all (task);
}

static void
on_line (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  RunData *data = g_task_get_task_data (task);
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source),
                                                                result, &len, &error);

  if (line != NULL)
    {
      /* Invalid UTF-8 is skipped like any other line we cannot read. */
      if (g_utf8_validate (line, len, NULL))
        handle_line (data, line, len);
      g_data_input_stream_read_line_async (data->events, G_PRIORITY_DEFAULT, NULL, on_line,
                                           task);
      return;
    }
  /* A pipe we cannot read any more: stop the probe rather than leave it blocked. */
  if (error != NULL)
    {
      g_free (data->error_message);
      data->error_message = g_strdup (error->message);
      g_subprocess_force_exit (data->probe);
    }
  /* End of output: wait for the exit status. */
  g_subprocess_wait_async (data->probe, NULL, on_probe_exited, task);
}

static gboolean
kill_probe (gpointer user_data)
{
  RunData *data = user_data;

  data->kill_source = 0;
  g_subprocess_force_exit (data->probe);
  return G_SOURCE_REMOVE;
}

/* Cancelled: ask the probe to stop (it writes "done" and exits), force it if it does not. */
static void
on_cancelled (GCancellable *cancellable, gpointer user_data)
{
  RunData *data = user_data;

  if (data->probe != NULL && g_subprocess_get_identifier (data->probe) != NULL)
    {
      g_subprocess_send_signal (data->probe, SIGTERM);
      if (data->kill_source == 0)
        data->kill_source = g_timeout_add (PROBE_TERM_GRACE_MS, kill_probe, data);
    }
}

static void
on_job_written (GObject *source, GAsyncResult *result, gpointer user_data)
{
  /* A probe that refuses the job may close stdin early: its events say why. */
  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL);
  g_output_stream_close (G_OUTPUT_STREAM (source), NULL, NULL);
}

static char *
build_job (RunData *data, gsize *len)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  WbScope *scope = wb_run_context_get_scope (data->context);
  char *text;

  /* No "targets": the probe scans every address the scope allows (minus exclusions). */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_value (builder, wb_scope_to_json (scope));
  json_builder_set_member_name (builder, "ports");
  json_builder_add_string_value (builder, "top1000");
  json_builder_set_member_name (builder, "udp");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "dns");
  json_builder_add_string_value (builder, "ntp");
  json_builder_add_string_value (builder, "netbios");
  json_builder_add_string_value (builder, "snmp");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "retries");
  json_builder_add_int_value (builder, 2);
  /* A small company's switches and printers are not a benchmark lab: stay well below the
   * probe's default of 100,000 packets per second (a /24 with the top 1,000 ports still
   * takes under a minute). */
  json_builder_set_member_name (builder, "rate");
  json_builder_add_int_value (builder, PROBE_RATE);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  *len = strlen (text);
  return text;
}

static gboolean
start_probe (GTask *task, GError **error)
{
  RunData *data = g_task_get_task_data (task);
  const char *argv[] = { data->probe_path, NULL };
  g_autofree char *job = NULL;
  gsize len = 0;
  GOutputStream *input;

  if (!g_file_test (data->probe_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The network scanner werkbank-probe was not found at %s. Install "
                     "Werkbank completely, or set WERKBANK_PROBE to its path."),
                   data->probe_path);
      return FALSE;
    }
  data->probe = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                         G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                         G_SUBPROCESS_FLAGS_STDERR_SILENCE, error);
  if (data->probe == NULL)
    return FALSE;
  job = build_job (data, &len);
  input = g_subprocess_get_stdin_pipe (data->probe);
  g_output_stream_write_all_async (input, job, len, G_PRIORITY_DEFAULT, NULL, on_job_written,
                                   NULL);
  /* The async write keeps its own reference to the buffer only until it completes. */
  g_object_set_data_full (G_OBJECT (input), "wb-job", g_steal_pointer (&job), g_free);
  data->events = g_data_input_stream_new (g_subprocess_get_stdout_pipe (data->probe));
  g_data_input_stream_set_newline_type (data->events, G_DATA_STREAM_NEWLINE_TYPE_LF);
  data->cancel_id = g_cancellable_connect (data->cancellable, G_CALLBACK (on_cancelled),
                                           data, NULL);
  g_data_input_stream_read_line_async (data->events, G_PRIORITY_DEFAULT, NULL, on_line,
                                       g_object_ref (task));
  return TRUE;
}

/* ---- phase 2: banners, in worker threads ---- */

typedef struct {
  RunData    *data;
  GTask      *task;
  char       *address;
  guint       port;
  JsonObject *result;
} GrabJob;

static void
grab_job_free (GrabJob *job)
{
  g_free (job->address);
  json_object_unref (job->result);
  g_free (job);
}

static gboolean
grab_done (gpointer user_data)
{
  GrabJob *job = user_data;
  RunData *data = job->data;
  JsonObject *host = wb_hosts_lookup_host (data->hosts, job->address);
  g_autoptr(GList) members = json_object_get_members (job->result);

  if (host != NULL)
    {
      JsonObject *port = wb_hosts_get_port (host, "tcp", job->port);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (port, l->data,
                                json_node_copy (json_object_get_member (job->result, l->data)));
    }
  data->grabs_done++;
  wb_run_context_progress (data->context,
                           SCAN_SHARE + (1 - SCAN_SHARE) * data->grabs_done / data->grabs_total,
                           _("Reading what the services say"));
  if (data->grabs_done == data->grabs_total)
    finish_run (job->task);
  grab_job_free (job);
  return G_SOURCE_REMOVE;
}

static void
grab_worker (gpointer item, gpointer pool_data)
{
  GrabJob *job = item;

  if (!g_cancellable_is_cancelled (job->data->cancellable))
    wb_network_grab (job->address, job->port, job->data->active_checks, job->result,
                     job->data->cancellable);
  /* Results go back to the thread that runs the plugin: the context is not thread-safe. */
  g_main_context_invoke (job->data->main_context, grab_done, job);
}

static void
grab_all (GTask *task)
{
  RunData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) jobs = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (data->hosts); i++)
    {
      JsonObject *host = json_array_get_object_element (data->hosts, i);
      JsonArray *ports = json_object_get_array_member (host, "ports");

      for (guint p = 0; p < json_array_get_length (ports); p++)
        {
          JsonObject *port = json_array_get_object_element (ports, p);
          GrabJob *job;

          if (g_strcmp0 (json_object_get_string_member (port, "protocol"), "tcp") != 0)
            continue;
          job = g_new0 (GrabJob, 1);
          job->data = data;
          job->task = task;
          job->address = g_strdup (json_object_get_string_member (host, "address"));
          job->port = json_object_get_int_member (port, "port");
          job->result = json_object_new ();
          g_ptr_array_add (jobs, job);
        }
    }
  data->grabs_total = jobs->len;
  if (jobs->len == 0)
    {
      finish_run (task);
      return;
    }
  {
    g_autofree char *tls_check = find_tls_check ();

    /* Set before the workers start; they only read it. */
    wb_network_grab_set_tls_helper (tls_check);
  }
  data->pool = g_thread_pool_new (grab_worker, NULL, GRAB_THREADS, FALSE, NULL);
  for (guint i = 0; i < jobs->len; i++)
    g_thread_pool_push (data->pool, jobs->pdata[i], NULL);
}

/* ---- phase 3: store, and the findings ---- */

static JsonNode *
scan_summary (RunData *data)
{
  JsonObject *scan = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  json_object_set_string_member (scan, "source", "werkbank-probe");
  json_object_set_string_member (scan, "finished", when);
  json_object_set_boolean_member (scan, "complete", data->scan_error == NULL);
  if (data->scan_error != NULL)
    json_object_set_string_member (scan, "message", data->scan_error);
  json_node_take_object (node, scan);
  return node;
}

/* The network has no questions to score, so its traffic light follows what the scan
 * exposed: red when anything high or critical is open, orange for medium, green when
 * nothing worse than low was found. An incomplete scan is never green. */
static JsonNode *
network_score (GPtrArray *findings, gboolean complete)
{
  JsonObject *score = json_object_new ();
  WbSeverity worst = WB_SEVERITY_INFO;
  const char *light;

  for (guint i = 0; i < findings->len; i++)
    worst = MAX (worst, wb_finding_get_severity (findings->pdata[i]));
  if (worst >= WB_SEVERITY_HIGH)
    light = "red";
  else if (worst == WB_SEVERITY_MEDIUM || !complete)
    light = "orange";
  else
    light = "green";
  json_object_set_string_member (score, "light", light);
  return json_node_init_object (json_node_alloc (), score);
}

static gboolean
store_results (RunData *data, GError **error)
{
  g_autoptr(JsonNode) hosts = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonNode) scan = scan_summary (data);
  g_autoptr(JsonNode) sections = NULL;
  g_autoptr(JsonNode) score = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  wb_hosts_sort (data->hosts);
  json_node_set_array (hosts, data->hosts);
  sections = wb_network_report_sections (data->hosts);
  if (!wb_run_context_set_data (data->context, "hosts", hosts, error) ||
      !wb_run_context_set_data (data->context, "scan", scan, error) ||
      !wb_run_context_set_data (data->context, "report-sections", sections, error))
    return FALSE;
  findings = wb_network_rules_apply (data->hosts, data->checks, data->scan_error);
  score = network_score (findings, data->scan_error == NULL);
  if (!wb_run_context_set_data (data->context, "score", score, error))
    return FALSE;
  for (guint i = 0; i < findings->len; i++)
    wb_run_context_add_finding (data->context, findings->pdata[i]);
  return TRUE;
}

static void
finish_run (GTask *task)
{
  RunData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    ;
  else if (!store_results (data, &error))
    g_task_return_error (task, error);
  else
    {
      wb_run_context_progress (data->context, 1.0, _("Done"));
      g_task_return_boolean (task, TRUE);
    }
  g_object_unref (task);
}

/* ---- the plugin ---- */

static void
network_run_async (WbPlugin            *plugin,
                   WbRunContext        *context,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (plugin, cancellable, callback, user_data);
  RunData *data = g_new0 (RunData, 1);
  WbScope *scope = wb_run_context_get_scope (context);
  g_autoptr(GArray) addresses = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree char *advice = advice_path ();
  GError *error = NULL;

  data->context = g_object_ref (context);
  data->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  data->hosts = json_array_new ();
  data->main_context = g_main_context_ref_thread_default ();
  data->probe_path = find_probe ();
  data->active_checks = wb_scope_allows_activity (scope, WB_ACTIVITY_ACTIVE);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  if (cancellable == NULL)
    g_task_set_check_cancellable (task, FALSE);

  if (wb_scope_is_empty (scope))
    {
      g_task_return_new_error (task, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE,
                               _("The agreement's scope lists no networks or addresses, so "
                                 "there is nothing the network scan may touch."));
      return;
    }
  if (!wb_scope_expand_ipv4 (scope, 1 << 20, addresses, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (addresses->len == 0)
    {
      g_task_return_new_error (task, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE,
                               _("The agreement's scope lists no IPv4 addresses to scan "
                                 "(host names, domains and Wi-Fi networks are not scanned)."));
      return;
    }
  data->checks = wb_network_advice_load (advice, &error);
  if (data->checks == NULL || !start_probe (task, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  wb_run_context_progress (context, 0.0, _("Starting the network scanner"));
}

static const char *
network_get_id (WbPlugin *plugin)
{
  return "network";
}

static const char *
network_get_title (WbPlugin *plugin)
{
  return _("Network scan");
}

static WbPluginKind
network_get_kind (WbPlugin *plugin)
{
  return WB_PLUGIN_KIND_ACTIVE_SCAN;
}

static WbActivity
network_get_required_activity (WbPlugin *plugin)
{
  return WB_ACTIVITY_ACTIVE;
}

static const WbPluginInterface network_vfuncs = {
  .get_id = network_get_id,
  .get_title = network_get_title,
  .get_kind = network_get_kind,
  .get_required_activity = network_get_required_activity,
  .run_async = network_run_async,
};

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  /* The advice file lies beside the module, in the build tree as when installed. */
  g_free (module_dir);
  g_object_get (module, "path", &module_dir, NULL);
  wb_plugin_register_type (module, "WbNetworkPlugin", &network_vfuncs);
}

/* wb-probe-job.c — strict reading of the probe's job
 *
 * The job comes from the unprivileged plugin, so the privileged probe treats it as
 * hostile input: every member is type- and range-checked, unknown members are refused,
 * and every single target address is checked against the scope again here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "wb-probe-job.h"
#include "wb-probe-ports.h"
#include "wb-util-private.h"

#include <arpa/inet.h>
#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (wb-probe-error-quark, wb_probe_error)

const char *
wb_probe_error_code (int code)
{
  switch (code)
    {
    case WB_PROBE_ERROR_BAD_JOB: return "bad-job";
    case WB_PROBE_ERROR_NO_CAPABILITY: return "no-capability";
    case WB_PROBE_ERROR_OUT_OF_SCOPE: return "out-of-scope";
    case WB_PROBE_ERROR_INTERFACE: return "interface";
    case WB_PROBE_ERROR_ACTIVITY: return "activity";
    case WB_PROBE_ERROR_CAPTURE:
    default: return "capture";
    }
}

int
wb_probe_error_exit_code (int code)
{
  return code == WB_PROBE_ERROR_ACTIVITY ? 4 : code;
}

void
wb_probe_job_free (WbProbeJob *job)
{
  if (job == NULL)
    return;
  g_free (job->interface);
  g_clear_object (&job->scope);
  g_clear_pointer (&job->targets, g_array_unref);
  g_clear_pointer (&job->syn_ping_ports, g_array_unref);
  g_clear_pointer (&job->ack_ping_ports, g_array_unref);
  g_clear_pointer (&job->ports, g_array_unref);
  g_free (job);
}

static gboolean
bad_job (GError **error, GError *cause)
{
  g_set_error_literal (error, WB_PROBE_ERROR, WB_PROBE_ERROR_BAD_JOB, cause->message);
  g_error_free (cause);
  return FALSE;
}

gboolean
wb_probe_address_is_special (guint32 be)
{
  guint32 a = ntohl (be);

  return (a >> 24) == 0 || (a >> 24) == 127 || (a >> 28) >= 14;
}

static gboolean
get_uint (JsonObject *o, const char *member, guint lo, guint hi, guint *out,
          GError **error)
{
  GError *e = NULL;
  gint64 v = *out;

  if (!wb_json_get_int (o, "job", member, FALSE, &v, &e))
    return bad_job (error, e);
  if (v < lo || v > hi)
    {
      g_set_error (error, WB_PROBE_ERROR, WB_PROBE_ERROR_BAD_JOB,
                   _("In job: “%s” must be between %u and %u."), member, lo, hi);
      return FALSE;
    }
  *out = (guint) v;
  return TRUE;
}

/* "tcp-syn:80,443" → ports appended to @into (at most 10). */
static gboolean
parse_ping_ports (const char *method, const char *spec, GArray **into, GError **error)
{
  g_autoptr(GError) e = NULL;
  g_autoptr(GArray) ports = wb_probe_parse_ports (spec, &e);

  if (ports == NULL || ports->len == 0 || ports->len > 10 ||
      strcmp (spec, "top1000") == 0 || strcmp (spec, "all") == 0 ||
      strcmp (spec, "none") == 0)
    {
      g_set_error (error, WB_PROBE_ERROR, WB_PROBE_ERROR_BAD_JOB,
                   _("In job: discovery method “%s” needs 1 to 10 ports, like %s:80,443."),
                   method, method);
      return FALSE;
    }
  g_clear_pointer (into, g_array_unref);
  *into = g_steal_pointer (&ports);
  return TRUE;
}

static gboolean
parse_discovery (JsonObject *o, WbProbeJob *job, GError **error)
{
  g_auto(GStrv) methods = NULL;
  GError *e = NULL;

  if (!wb_json_get_strv (o, "job", "discovery", FALSE, &methods, &e))
    return bad_job (error, e);
  if (methods == NULL)
    {
      job->discovery_arp = job->discovery_icmp = TRUE;
      return parse_ping_ports ("tcp-syn", "443", &job->syn_ping_ports, error) &&
             parse_ping_ports ("tcp-ack", "80", &job->ack_ping_ports, error);
    }
  job->discovery_none = (methods[0] == NULL);
  for (guint i = 0; methods[i] != NULL; i++)
    {
      const char *m = methods[i];

      if (strcmp (m, "arp") == 0)
        job->discovery_arp = TRUE;
      else if (strcmp (m, "icmp") == 0)
        job->discovery_icmp = TRUE;
      else if (g_str_has_prefix (m, "tcp-syn:"))
        {
          if (!parse_ping_ports ("tcp-syn", m + 8, &job->syn_ping_ports, error))
            return FALSE;
        }
      else if (g_str_has_prefix (m, "tcp-ack:"))
        {
          if (!parse_ping_ports ("tcp-ack", m + 8, &job->ack_ping_ports, error))
            return FALSE;
        }
      else
        {
          g_set_error (error, WB_PROBE_ERROR, WB_PROBE_ERROR_BAD_JOB,
                       _("In job: unknown discovery method “%s” (known: arp, icmp, "
                         "tcp-syn:PORTS, tcp-ack:PORTS)."), m);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_udp (JsonObject *o, WbProbeJob *job, GError **error)
{
  g_auto(GStrv) names = NULL;
  GError *e = NULL;

  if (!wb_json_get_strv (o, "job", "udp", FALSE, &names, &e))
    return bad_job (error, e);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      WbUdpService svc;

      if (!wb_udp_service_from_id (names[i], &svc))
        {
          g_set_error (error, WB_PROBE_ERROR, WB_PROBE_ERROR_BAD_JOB,
                       _("In job: unknown UDP probe “%s” (known: dns, ntp, netbios, snmp)."),
                       names[i]);
          return FALSE;
        }
      if (!job->udp[svc])
        job->n_udp++;
      job->udp[svc] = TRUE;
    }
  return TRUE;
}

static int
compare_be32 (gconstpointer a, gconstpointer b)
{
  guint32 x = ntohl (*(const guint32 *) a), y = ntohl (*(const guint32 *) b);

  return x < y ? -1 : x > y;
}

/* Sorts and removes duplicates (targets may overlap). */
static void
sort_unique (GArray *addrs)
{
  guint j = 0;

  g_array_sort (addrs, compare_be32);
  for (guint i = 0; i < addrs->len; i++)
    if (j == 0 || g_array_index (addrs, guint32, i) != g_array_index (addrs, guint32, j - 1))
      g_array_index (addrs, guint32, j++) = g_array_index (addrs, guint32, i);
  g_array_set_size (addrs, j);
}

static gboolean
refuse_address (GError **error, guint32 be, const char *why)
{
  char text[INET_ADDRSTRLEN];

  inet_ntop (AF_INET, &be, text, sizeof text);
  g_set_error (error, WB_PROBE_ERROR, WB_PROBE_ERROR_OUT_OF_SCOPE,
               _("Target %s refused: %s"), text, why);
  return FALSE;
}

/* Expands the job's target entries (or the whole scope) to addresses and checks each. */
static gboolean
expand_targets (JsonObject *o, WbProbeJob *job, GError **error)
{
  g_auto(GStrv) entries = NULL;
  g_autoptr(WbScope) wanted = NULL;
  GError *e = NULL;

  if (!wb_json_get_strv (o, "job", "targets", FALSE, &entries, &e))
    return bad_job (error, e);
  if (entries != NULL && (entries[0] == NULL ||
                          g_strv_length (entries) > WB_PROBE_MAX_TARGET_ENTRIES))
    {
      g_set_error (error, WB_PROBE_ERROR, WB_PROBE_ERROR_BAD_JOB,
                   _("In job: “targets” must list 1 to %d addresses or ranges."),
                   WB_PROBE_MAX_TARGET_ENTRIES);
      return FALSE;
    }
  if (entries == NULL)
    wanted = wb_scope_copy (job->scope);
  else
    {
      wanted = wb_scope_new ();
      for (guint i = 0; entries[i] != NULL; i++)
        {
          if (strchr (entries[i], ':') != NULL || strchr (entries[i], '*') != NULL)
            {
              g_set_error (error, WB_PROBE_ERROR, WB_PROBE_ERROR_BAD_JOB,
                           _("In job: target “%s” is not an IPv4 address or range "
                             "(version 1 scans IPv4 only)."), entries[i]);
              return FALSE;
            }
          if (!wb_scope_add (wanted, entries[i], &e))
            return bad_job (error, e);
        }
    }
  job->targets = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (!wb_scope_expand_ipv4 (wanted, WB_PROBE_MAX_TARGETS, job->targets, &e))
    return bad_job (error, e);
  if (job->targets->len == 0)
    {
      g_set_error_literal (error, WB_PROBE_ERROR, WB_PROBE_ERROR_BAD_JOB,
                           _("In job: there is no IPv4 address to scan."));
      return FALSE;
    }
  sort_unique (job->targets);
  for (guint i = 0; i < job->targets->len; i++)
    {
      guint32 be = g_array_index (job->targets, guint32, i);
      g_autoptr(GInetAddress) addr = g_inet_address_new_from_bytes ((const guint8 *) &be,
                                                                    G_SOCKET_FAMILY_IPV4);

      if (wb_probe_address_is_special (be))
        return refuse_address (error, be, _("loopback, multicast, broadcast and reserved "
                                            "addresses are never scanned."));
      if (!wb_scope_check_address (job->scope, addr, &e))
        {
          g_set_error_literal (error, WB_PROBE_ERROR, WB_PROBE_ERROR_OUT_OF_SCOPE,
                               e->message);
          g_error_free (e);
          return FALSE;
        }
    }
  return TRUE;
}

static const char * const job_members[] = {
  "version", "interface", "scope", "targets", "discovery", "ports", "udp", "rate",
  "retries", "max_rtt_ms", NULL
};

static gboolean
parse_object (JsonObject *o, WbProbeJob *job, GError **error)
{
  g_autofree char *ports = NULL;
  GError *e = NULL;
  gint64 version = 0;
  JsonNode *scope_node;

  if (!wb_json_check_members (o, "job", job_members, &e) ||
      !wb_json_get_int (o, "job", "version", TRUE, &version, &e))
    return bad_job (error, e);
  if (version != WB_PROBE_PROTOCOL_VERSION)
    {
      g_set_error (error, WB_PROBE_ERROR, WB_PROBE_ERROR_BAD_JOB,
                   _("In job: protocol version %lld is not supported (this probe speaks "
                     "version %d)."), (long long) version, WB_PROBE_PROTOCOL_VERSION);
      return FALSE;
    }
  if (!wb_json_get_string (o, "job", "interface", FALSE, &job->interface, &e) ||
      !wb_json_get_string (o, "job", "ports", FALSE, &ports, &e))
    return bad_job (error, e);
  if (job->interface != NULL &&
      (job->interface[0] == '\0' || strlen (job->interface) >= 16 ||
       strchr (job->interface, '/') != NULL))
    {
      g_set_error_literal (error, WB_PROBE_ERROR, WB_PROBE_ERROR_BAD_JOB,
                           _("In job: “interface” is not a valid interface name."));
      return FALSE;
    }
  job->ports = wb_probe_parse_ports (ports != NULL ? ports : "top1000", &e);
  if (job->ports == NULL)
    return bad_job (error, e);
  job->rate = 100000;
  job->retries = 2;
  job->max_rtt_ms = 1000;
  if (!get_uint (o, "rate", 1, 1000000, &job->rate, error) ||
      !get_uint (o, "retries", 0, 10, &job->retries, error) ||
      !get_uint (o, "max_rtt_ms", 10, 10000, &job->max_rtt_ms, error) ||
      !parse_discovery (o, job, error) || !parse_udp (o, job, error))
    return FALSE;
  scope_node = json_object_get_member (o, "scope");
  if (scope_node == NULL)
    {
      g_set_error_literal (error, WB_PROBE_ERROR, WB_PROBE_ERROR_BAD_JOB,
                           _("In job: “scope” is missing."));
      return FALSE;
    }
  job->scope = wb_scope_new_from_json (scope_node, &e);
  if (job->scope == NULL)
    return bad_job (error, e);
  if (!wb_scope_check_activity (job->scope, WB_ACTIVITY_ACTIVE, &e))
    {
      g_set_error_literal (error, WB_PROBE_ERROR, WB_PROBE_ERROR_ACTIVITY, e->message);
      g_error_free (e);
      return FALSE;
    }
  return expand_targets (o, job, error);
}

WbProbeJob *
wb_probe_job_parse (const char *text, gsize len, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(WbProbeJob) job = g_new0 (WbProbeJob, 1);
  GError *e = NULL;
  JsonObject *o;

  if (len > WB_PROBE_JOB_MAX_BYTES)
    {
      g_set_error (error, WB_PROBE_ERROR, WB_PROBE_ERROR_BAD_JOB,
                   _("The job is larger than %d bytes."), WB_PROBE_JOB_MAX_BYTES);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, (gssize) len, &e))
    {
      g_set_error (error, WB_PROBE_ERROR, WB_PROBE_ERROR_BAD_JOB,
                   _("The job is not valid JSON: %s"), e->message);
      g_error_free (e);
      return NULL;
    }
  o = wb_json_get_object (json_parser_get_root (parser), "job", &e);
  if (o == NULL)
    {
      bad_job (error, e);
      return NULL;
    }
  if (!parse_object (o, job, error))
    return NULL;
  return g_steal_pointer (&job);
}

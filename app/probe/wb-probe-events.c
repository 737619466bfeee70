/* wb-probe-events.c — writing events
 *
 * Port events can number millions in an all-ports scan, so they are formatted by hand:
 * they contain only numbers and dotted addresses. Text from elsewhere (messages,
 * details) goes through json-glib so it is always escaped correctly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "wb-probe-events.h"

#include <arpa/inet.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

static char out_buffer[1 << 16];

void
wb_probe_events_init (void)
{
  setvbuf (stdout, out_buffer, _IOFBF, sizeof out_buffer);
}

void
wb_probe_events_flush (void)
{
  fflush (stdout);
}

gboolean
wb_probe_events_ok (void)
{
  return !ferror (stdout);
}

static const char *
addr_text (guint32 be, char buf[INET_ADDRSTRLEN])
{
  return inet_ntop (AF_INET, &be, buf, INET_ADDRSTRLEN);
}

static char *
json_string (const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  return json_to_string (node, FALSE);
}

void
wb_probe_emit_error (const char *code, const char *message, const char *address)
{
  g_autofree char *m = json_string (message);

  if (address != NULL)
    {
      g_autofree char *a = json_string (address);

      printf ("{\"event\":\"error\",\"code\":\"%s\",\"message\":%s,\"address\":%s}\n",
              code, m, a);
    }
  else
    printf ("{\"event\":\"error\",\"code\":\"%s\",\"message\":%s}\n", code, m);
  fflush (stdout);
  g_printerr ("werkbank-probe: %s\n", message);
}

void
wb_probe_emit_start (const char *interface, guint32 source, guint n_targets,
                     guint n_ports, const char * const *udp, guint rate, guint retries)
{
  g_autofree char *i = json_string (interface);
  char a[INET_ADDRSTRLEN];
  GString *u = g_string_new ("[");

  for (guint k = 0; udp[k] != NULL; k++)
    g_string_append_printf (u, "%s\"%s\"", k ? "," : "", udp[k]);
  g_string_append_c (u, ']');
  printf ("{\"event\":\"start\",\"version\":1,\"interface\":%s,\"source\":\"%s\","
          "\"targets\":%u,\"ports\":%u,\"udp\":%s,\"rate\":%u,\"retries\":%u}\n",
          i, addr_text (source, a), n_targets, n_ports, u->str, rate, retries);
  g_string_free (u, TRUE);
  fflush (stdout);
}

void
wb_probe_emit_host (guint32 address, const char *method, const guint8 *mac, double rtt_ms)
{
  char a[INET_ADDRSTRLEN];

  printf ("{\"event\":\"host\",\"address\":\"%s\",\"state\":\"up\",\"method\":\"%s\"",
          addr_text (address, a), method);
  if (mac != NULL)
    printf (",\"mac\":\"%02x:%02x:%02x:%02x:%02x:%02x\"", mac[0], mac[1], mac[2], mac[3],
            mac[4], mac[5]);
  if (rtt_ms >= 0)
    printf (",\"rtt_ms\":%.3f", rtt_ms);
  printf ("}\n");
}

void
wb_probe_emit_port (guint32 address, guint16 port, gboolean open, guint8 ttl)
{
  char a[INET_ADDRSTRLEN];

  printf ("{\"event\":\"port\",\"address\":\"%s\",\"protocol\":\"tcp\",\"port\":%u,"
          "\"state\":\"%s\",\"ttl\":%u}\n",
          addr_text (address, a), port, open ? "open" : "closed", ttl);
}

void
wb_probe_emit_udp (guint32 address, guint16 port, const char *service,
                   const char *detail_json)
{
  char a[INET_ADDRSTRLEN];

  printf ("{\"event\":\"udp\",\"address\":\"%s\",\"port\":%u,\"service\":\"%s\","
          "\"state\":\"open\",\"detail\":%s}\n",
          addr_text (address, a), port, service, detail_json);
}

void
wb_probe_emit_summary (guint32 address, guint open, guint closed, guint filtered)
{
  char a[INET_ADDRSTRLEN];

  printf ("{\"event\":\"host-summary\",\"address\":\"%s\",\"open\":%u,\"closed\":%u,"
          "\"filtered\":%u}\n", addr_text (address, a), open, closed, filtered);
}

void
wb_probe_emit_progress (double fraction, guint64 sent)
{
  printf ("{\"event\":\"progress\",\"fraction\":%.3f,\"sent\":%" G_GUINT64_FORMAT "}\n",
          CLAMP (fraction, 0.0, 1.0), sent);
  fflush (stdout);
}

void
wb_probe_emit_done (guint hosts_up, guint64 open, guint64 closed, guint64 sent,
                    guint64 received, double seconds, gboolean stopped)
{
  printf ("{\"event\":\"done\",\"hosts_up\":%u,\"open\":%" G_GUINT64_FORMAT
          ",\"closed\":%" G_GUINT64_FORMAT ",\"packets_sent\":%" G_GUINT64_FORMAT
          ",\"packets_received\":%" G_GUINT64_FORMAT ",\"seconds\":%.3f,"
          "\"stopped\":%s}\n", hosts_up, open, closed, sent, received, seconds,
          stopped ? "true" : "false");
  fflush (stdout);
}

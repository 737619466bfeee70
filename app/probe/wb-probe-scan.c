/* wb-probe-scan.c — the scanner
 *
 * Stateless in the masscan/zmap sense: a SYN's sequence number is a keyed cookie of
 * its addresses and ports, so a reply proves it answers our probe without a table of
 * outstanding probes. Some state is kept on purpose, bounded by a block size: which
 * (host, port) pairs of the current block were answered, so that retransmission
 * resends only what is missing (that is what gives nmap-level accuracy under loss) and
 * "filtered" can be counted. Memory stays flat however many targets there are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "wb-probe-scan.h"
#include "wb-probe-events.h"

#include <arpa/inet.h>
#include <errno.h>
#include <gcrypt.h>
#include <glib/gi18n-lib.h>
#include <ifaddrs.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <pcap/pcap.h>
#include <poll.h>
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

#define BLOCK_ADDRESSES 4096          /* addresses per discovery block */
#define MAX_PAIR_BITS (16u << 20)     /* answered-bitmap size per scan block: 2 MiB */
#define MIN_TIMEOUT_US 50000
#define PROGRESS_INTERVAL_US 250000
#define STRIDE G_GUINT64_CONSTANT (2654435761)  /* a prime: k·STRIDE mod N permutes */

typedef struct {
  guint32 addr;
  guint8  mac[6];
  guint8  onlink;
  guint8  up;
  gint64  sent_us;
  guint   open;
  guint   closed;
} Host;

typedef enum {
  PHASE_GATEWAY,
  PHASE_DISCOVERY,
  PHASE_TCP,
  PHASE_UDP,
} Phase;

struct _WbProbeScan {
  WbProbeJob *job;
  volatile sig_atomic_t *stop;
  pcap_t     *pcap;
  int         fd;
  char        ifname[IF_NAMESIZE];
  guint8      mac[6];
  guint32     src;
  guint32     mask;
  guint32     gateway;
  guint8      gw_mac[6];
  gboolean    have_gw_mac;
  guint16     sport;          /* first source port; round r sends from sport + r */
  guint16     cur_sport;
  guint8     *key;           /* cookie key, in libgcrypt secure memory */

  gint64      pace_start;
  guint64     pace_sent;
  guint64     burst;

  gboolean    have_rtt;
  double      srtt;
  double      rttvar;

  Phase       phase;
  Host       *hosts;          /* current block, ascending */
  guint       n_hosts;
  Host      **sub;            /* up hosts being scanned now, ascending */
  guint       n_sub;
  guint       n_items;        /* ports (TCP) or services (UDP) per host */
  guint8     *answered;
  guint64     n_answered;
  gint32     *port_index;     /* port → position in job->ports, or -1 */
  WbUdpService udp_list[WB_UDP_N_SERVICES];

  guint64     sent;
  guint64     received;
  guint       hosts_up;
  guint64     open;
  guint64     closed;
  gint64      started;
  gint64      last_progress;
  double      progress_done;  /* addresses finished, for progress */
  double      block_fraction;
  gboolean    capture_failed;
};

/* ---- small helpers ---------------------------------------------------------------- */

static inline guint32
h32 (guint32 be)
{
  return ntohl (be);
}

/* Each retry round uses the next source port: a new connection for the target's kernel.
 * Linux answers a repeated SYN to the same half-open connection at most every 500 ms
 * (tcp_invalid_ratelimit), so quick retries on the same port would often go unanswered
 * after a lost SYN-ACK. */
static gboolean
our_port (WbProbeScan *s, guint16 port)
{
  return port >= s->sport && port <= s->sport + s->job->retries;
}

static gboolean
stopping (WbProbeScan *s)
{
  return *s->stop || s->capture_failed || !wb_probe_events_ok ();
}

static void
progress (WbProbeScan *s, double within)
{
  gint64 now = g_get_monotonic_time ();
  double total = s->job->targets->len;

  s->block_fraction = within;
  if (now - s->last_progress < PROGRESS_INTERVAL_US)
    return;
  s->last_progress = now;
  wb_probe_emit_progress ((s->progress_done + within * s->n_hosts) / total, s->sent);
}

static gint64
reply_timeout_us (WbProbeScan *s)
{
  gint64 max = (gint64) s->job->max_rtt_ms * 1000;
  gint64 t;

  if (!s->have_rtt)
    return max;
  t = (gint64) (s->srtt + 4 * s->rttvar);
  return CLAMP (t, MIN (MIN_TIMEOUT_US, max), max);
}

/* RFC 6298's smoothed round-trip time and variation. */
static void
rtt_sample (WbProbeScan *s, double us)
{
  if (us < 0 || us > 60e6)
    return;
  if (!s->have_rtt)
    {
      s->srtt = us;
      s->rttvar = us / 2;
      s->have_rtt = TRUE;
      return;
    }
  s->rttvar = 0.75 * s->rttvar + 0.25 * ABS (s->srtt - us);
  s->srtt = 0.875 * s->srtt + 0.125 * us;
}

static Host *
find_host (Host *hosts, guint n, guint32 addr)
{
  guint lo = 0, hi = n;
  guint32 key = h32 (addr);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint32 v = h32 (hosts[mid].addr);

      if (v == key)
        return &hosts[mid];
      if (v < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

static gint
find_sub (WbProbeScan *s, guint32 addr)
{
  guint lo = 0, hi = s->n_sub;
  guint32 key = h32 (addr);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint32 v = h32 (s->sub[mid]->addr);

      if (v == key)
        return (gint) mid;
      if (v < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

/* Marks pair @idx answered; FALSE if it already was (a duplicate or a retransmission's
 * second answer). */
static gboolean
mark_answered (WbProbeScan *s, guint64 idx)
{
  guint8 bit = (guint8) (1u << (idx & 7));

  if (s->answered[idx >> 3] & bit)
    return FALSE;
  s->answered[idx >> 3] |= bit;
  s->n_answered++;
  return TRUE;
}

static gboolean
is_answered (WbProbeScan *s, guint64 idx)
{
  return (s->answered[idx >> 3] >> (idx & 7)) & 1;
}

/* ---- receiving ------------------------------------------------------------------- */

static void
host_up (WbProbeScan *s, Host *h, const char *method, const guint8 *mac, double rtt_us)
{
  if (h->up)
    return;
  h->up = TRUE;
  s->hosts_up++;
  if (rtt_us >= 0)
    rtt_sample (s, rtt_us);
  wb_probe_emit_host (h->addr, method, mac, rtt_us >= 0 ? rtt_us / 1000.0 : -1);
}

static void
on_arp (WbProbeScan *s, const WbReply *r, gint64 now)
{
  Host *h;

  if (r->dst != s->src)
    return;
  if (s->phase == PHASE_GATEWAY)
    {
      if (r->src == s->gateway)
        {
          memcpy (s->gw_mac, r->mac, 6);
          s->have_gw_mac = TRUE;
        }
      return;
    }
  h = find_host (s->hosts, s->n_hosts, r->src);
  if (h == NULL || !h->onlink || h->up)
    return;
  memcpy (h->mac, r->mac, 6);
  host_up (s, h, "arp", r->mac, (double) (now - h->sent_us));
}

static void
on_tcp_scan_reply (WbProbeScan *s, const WbReply *r, gint64 now)
{
  gint hi = find_sub (s, r->src);
  gint32 pi = s->port_index[r->sport];
  Host *h;
  gboolean open = (r->tcp_flags & (WB_TCP_SYN | WB_TCP_ACK)) == (WB_TCP_SYN | WB_TCP_ACK);

  if (hi < 0 || pi < 0)
    return;
  if (!mark_answered (s, (guint64) pi * s->n_sub + (guint) hi))
    return;
  h = s->sub[hi];
  if (r->has_tsecr && open)
    rtt_sample (s, (double) (guint32) ((guint32) now - r->tsecr));
  if (open)
    {
      h->open++;
      s->open++;
    }
  else
    {
      h->closed++;
      s->closed++;
    }
  wb_probe_emit_port (h->addr, r->sport, open, r->ttl);
}

static void
on_tcp (WbProbeScan *s, const WbReply *r, gint64 now)
{
  guint32 c;
  gboolean syn_reply, ack_reply;
  Host *h;

  if (!our_port (s, r->dport) || r->dst != s->src)
    return;
  c = wb_probe_cookie (s->key, s->src, r->src, r->dport, r->sport);
  /* A SYN-ACK or RST to our SYN acknowledges cookie + 1; an RST to our ACK ping
   * carries the cookie we put in the ACK field as its sequence number. */
  syn_reply = (r->tcp_flags & (WB_TCP_SYN | WB_TCP_RST)) && r->ack == c + 1;
  ack_reply = (r->tcp_flags & WB_TCP_RST) && !(r->tcp_flags & WB_TCP_SYN) && r->seq == c;
  if (!syn_reply && !ack_reply)
    return;
  if (s->phase == PHASE_TCP && syn_reply)
    {
      on_tcp_scan_reply (s, r, now);
      return;
    }
  if (s->phase != PHASE_DISCOVERY)
    return;
  h = find_host (s->hosts, s->n_hosts, r->src);
  if (h != NULL)
    host_up (s, h, syn_reply ? "tcp-syn" : "tcp-ack", NULL, (double) (now - h->sent_us));
}

static void
on_icmp_echo (WbProbeScan *s, const WbReply *r, gint64 now)
{
  guint32 c = wb_probe_cookie (s->key, s->src, r->src, 0, 0);
  Host *h;

  if (s->phase != PHASE_DISCOVERY || r->icmp_id != (c & 0xffff) ||
      r->icmp_seq != (c >> 16))
    return;
  h = find_host (s->hosts, s->n_hosts, r->src);
  if (h != NULL)
    host_up (s, h, "icmp", NULL, (double) (now - h->sent_us));
}

/* An ICMP unreachable for a SYN we sent: the port is filtered; no need to ask again. */
static void
on_unreachable (WbProbeScan *s, const WbReply *r)
{
  gint hi;
  gint32 pi;

  if (s->phase != PHASE_TCP || r->orig_proto != 6 || !our_port (s, r->orig_sport))
    return;
  hi = find_sub (s, r->orig_dst);
  pi = s->port_index[r->orig_dport];
  if (hi >= 0 && pi >= 0)
    mark_answered (s, (guint64) pi * s->n_sub + (guint) hi);
}

static void
on_udp (WbProbeScan *s, const WbReply *r)
{
  g_autofree char *detail = NULL;
  gint hi;

  if (s->phase != PHASE_UDP || !our_port (s, r->dport) || r->dst != s->src)
    return;
  hi = find_sub (s, r->src);
  if (hi < 0)
    return;
  for (guint k = 0; k < s->n_items; k++)
    {
      WbUdpService svc = s->udp_list[k];
      guint16 port = wb_udp_service_port (svc);
      guint16 txid = (guint16) wb_probe_cookie (s->key, s->src, r->src, r->dport, port);

      if (r->sport != port || is_answered (s, (guint64) k * s->n_sub + (guint) hi))
        continue;
      if (!wb_probe_parse_udp_answer (svc, txid, r->payload, r->payload_len, &detail))
        continue;
      mark_answered (s, (guint64) k * s->n_sub + (guint) hi);
      wb_probe_emit_udp (r->src, port, wb_udp_service_id (svc), detail);
      return;
    }
}

static void
on_packet (u_char *user, const struct pcap_pkthdr *hdr, const u_char *bytes)
{
  WbProbeScan *s = (WbProbeScan *) user;
  gint64 now = g_get_monotonic_time ();
  WbReply r;

  if (!wb_probe_parse_reply (bytes, hdr->caplen, &r))
    return;
  s->received++;
  switch (r.kind)
    {
    case WB_REPLY_ARP:
      on_arp (s, &r, now);
      break;
    case WB_REPLY_TCP:
      on_tcp (s, &r, now);
      break;
    case WB_REPLY_ICMP_ECHO:
      on_icmp_echo (s, &r, now);
      break;
    case WB_REPLY_ICMP_UNREACH:
      on_unreachable (s, &r);
      break;
    case WB_REPLY_UDP:
      on_udp (s, &r);
      break;
    case WB_REPLY_NONE:
    default:
      break;
    }
}

static void
drain (WbProbeScan *s)
{
  if (s->capture_failed)
    return;
  if (pcap_dispatch (s->pcap, -1, on_packet, (u_char *) s) == PCAP_ERROR)
    {
      g_autofree char *msg = g_strdup_printf (_("Capturing on %s failed: %s"), s->ifname,
                                              pcap_geterr (s->pcap));

      wb_probe_emit_error ("capture", msg, NULL);
      s->capture_failed = TRUE;
    }
}

typedef gboolean (*DoneFunc) (WbProbeScan *s);

/* Waits for late replies: until @done says nothing is missing, or the adaptive
 * timeout after the last probe has passed. */
static void
wait_replies (WbProbeScan *s, DoneFunc done)
{
  gint64 start = g_get_monotonic_time ();

  while (!stopping (s) && !done (s))
    {
      gint64 now = g_get_monotonic_time ();
      gint64 left = start + reply_timeout_us (s) - now;
      struct pollfd p = { .fd = s->fd, .events = POLLIN };

      if (left <= 0)
        break;
      poll (&p, 1, (int) MIN (10, left / 1000 + 1));
      drain (s);
    }
  drain (s);
}

/* ---- sending ----------------------------------------------------------------------- */

static void
pace_reset (WbProbeScan *s)
{
  s->pace_start = g_get_monotonic_time ();
  s->pace_sent = 0;
}

/* Blocks until one more packet fits under the rate, reading replies meanwhile. */
static void
pace (WbProbeScan *s)
{
  for (;;)
    {
      gint64 now = g_get_monotonic_time ();
      guint64 allowed = (guint64) (now - s->pace_start) * s->job->rate / 1000000 + s->burst;
      gint64 next_us;

      if (s->pace_sent < allowed)
        break;
      drain (s);
      next_us = s->pace_start +
                (gint64) ((s->pace_sent + 1 - s->burst) * 1000000 / s->job->rate) - now;
      if (next_us > 0)
        g_usleep (MIN (next_us, 1000));
    }
  s->pace_sent++;
}

static void
send_frame (WbProbeScan *s, const guint8 *frame, gsize len)
{
  /* A full device queue (ENOBUFS) is transient: wait a moment and retry. */
  for (int attempt = 0; attempt < 100; attempt++)
    {
      if (pcap_inject (s->pcap, frame, len) == (int) len)
        {
          s->sent++;
          return;
        }
      g_usleep (200);
    }
}

static void
send_arp (WbProbeScan *s, guint32 dst)
{
  guint8 f[WB_PROBE_FRAME_MAX];

  pace (s);
  send_frame (s, f, wb_probe_build_arp_request (f, s->mac, s->src, dst));
}

static void
send_syn (WbProbeScan *s, const guint8 *mac, guint32 dst, guint16 port)
{
  guint8 f[WB_PROBE_FRAME_MAX];
  guint32 c = wb_probe_cookie (s->key, s->src, dst, s->cur_sport, port);

  pace (s);
  send_frame (s, f, wb_probe_build_tcp (f, s->mac, mac, s->src, dst, s->cur_sport, port, c, 0,
                                        WB_TCP_SYN, (guint32) g_get_monotonic_time ()));
}

static void
send_ack (WbProbeScan *s, const guint8 *mac, guint32 dst, guint16 port)
{
  guint8 f[WB_PROBE_FRAME_MAX];
  guint32 c = wb_probe_cookie (s->key, s->src, dst, s->cur_sport, port);

  pace (s);
  send_frame (s, f, wb_probe_build_tcp (f, s->mac, mac, s->src, dst, s->cur_sport, port,
                                        ~c, c, WB_TCP_ACK, 0));
}

static void
send_echo (WbProbeScan *s, const guint8 *mac, guint32 dst)
{
  guint8 f[WB_PROBE_FRAME_MAX];
  guint32 c = wb_probe_cookie (s->key, s->src, dst, 0, 0);

  pace (s);
  send_frame (s, f, wb_probe_build_icmp_echo (f, s->mac, mac, s->src, dst,
                                              (guint16) (c & 0xffff), (guint16) (c >> 16)));
}

static void
send_udp (WbProbeScan *s, Host *h, WbUdpService svc)
{
  guint8 payload[128];
  guint8 f[WB_PROBE_FRAME_MAX + 64];
  guint16 port = wb_udp_service_port (svc);
  guint16 txid = (guint16) wb_probe_cookie (s->key, s->src, h->addr, s->cur_sport, port);
  gsize n = wb_probe_build_udp_request (svc, txid, payload, sizeof payload);

  pace (s);
  send_frame (s, f, wb_probe_build_udp (f, sizeof f, s->mac, h->mac, s->src, h->addr,
                                        s->cur_sport, port, payload, n));
}

/* ---- phases ------------------------------------------------------------------------- */

static gboolean
all_up (WbProbeScan *s)
{
  for (guint i = 0; i < s->n_hosts; i++)
    if (!s->hosts[i].up)
      return FALSE;
  return TRUE;
}

static void
probe_host (WbProbeScan *s, Host *h)
{
  WbProbeJob *job = s->job;

  h->sent_us = g_get_monotonic_time ();
  if (h->onlink)
    {
      /* On the local segment ARP is the answer every live host must give. */
      send_arp (s, h->addr);
      return;
    }
  if (job->discovery_icmp)
    send_echo (s, h->mac, h->addr);
  for (guint k = 0; job->syn_ping_ports && k < job->syn_ping_ports->len; k++)
    send_syn (s, h->mac, h->addr, g_array_index (job->syn_ping_ports, guint16, k));
  for (guint k = 0; job->ack_ping_ports && k < job->ack_ping_ports->len; k++)
    send_ack (s, h->mac, h->addr, g_array_index (job->ack_ping_ports, guint16, k));
}

static void
discover (WbProbeScan *s)
{
  s->phase = PHASE_DISCOVERY;
  if (s->job->discovery_none)
    {
      /* nmap -Pn: routed targets are assumed up; on-link ones still need an ARP
       * answer, or there is no address to send to. */
      for (guint i = 0; i < s->n_hosts; i++)
        if (!s->hosts[i].onlink)
          host_up (s, &s->hosts[i], "assumed", NULL, -1);
    }
  for (guint round = 0; round <= s->job->retries && !stopping (s); round++)
    {
      guint pending = 0;

      s->cur_sport = (guint16) (s->sport + round);
      pace_reset (s);
      for (guint i = 0; i < s->n_hosts && !stopping (s); i++)
        if (!s->hosts[i].up)
          {
            probe_host (s, &s->hosts[i]);
            if (++pending % 32 == 0)
              drain (s);
          }
      if (pending == 0)
        break;
      wait_replies (s, all_up);
      progress (s, 0.1 * (round + 1) / (s->job->retries + 1));
    }
}

static gboolean
all_answered (WbProbeScan *s)
{
  return s->n_answered == (guint64) s->n_sub * s->n_items;
}

/* Sends one round over the (item, host) pairs of the block in a scattered order, so
 * consecutive packets go to different hosts and ports; skips answered pairs. */
static void
send_round (WbProbeScan *s, gboolean udp, double p0, double p1)
{
  guint64 n = (guint64) s->n_sub * s->n_items;
  guint64 offset = (guint64) g_random_int () % n;

  pace_reset (s);
  for (guint64 k = 0; k < n && !stopping (s); k++)
    {
      guint64 idx = (offset + (k * STRIDE) % n) % n;
      Host *h;

      if (is_answered (s, idx))
        continue;
      h = s->sub[idx % s->n_sub];
      if (udp)
        send_udp (s, h, s->udp_list[idx / s->n_sub]);
      else
        send_syn (s, h->mac, h->addr,
                  g_array_index (s->job->ports, guint16, idx / s->n_sub));
      if ((k & 31) == 0)
        {
          drain (s);
          progress (s, p0 + (p1 - p0) * (double) k / (double) n);
        }
    }
}

static void
scan_pairs (WbProbeScan *s, Phase phase, guint n_items, double p0, double p1)
{
  guint64 n = (guint64) s->n_sub * n_items;

  if (n == 0)
    return;
  s->phase = phase;
  s->n_items = n_items;
  s->n_answered = 0;
  memset (s->answered, 0, (n + 7) / 8);
  for (guint round = 0; round <= s->job->retries && !stopping (s); round++)
    {
      s->cur_sport = (guint16) (s->sport + round);
      send_round (s, phase == PHASE_UDP, round == 0 ? p0 : p1, p1);
      wait_replies (s, all_answered);
      if (all_answered (s))
        break;
    }
}

static void
scan_up_hosts (WbProbeScan *s, Host **up, guint n_up)
{
  guint n_ports = s->job->ports->len;
  guint per_block = MAX (1u, MAX_PAIR_BITS / MAX (1u, MAX (n_ports, s->job->n_udp)));

  for (guint first = 0; first < n_up && !stopping (s); first += per_block)
    {
      double p0 = 0.1 + 0.9 * first / n_up;
      double p1 = 0.1 + 0.9 * MIN (first + per_block, n_up) / n_up;
      gboolean tcp_complete;

      s->sub = up + first;
      s->n_sub = MIN (per_block, n_up - first);
      scan_pairs (s, PHASE_TCP, n_ports, p0, p0 + (p1 - p0) * 0.95);
      tcp_complete = !stopping (s);
      for (guint i = 0; i < s->n_sub && tcp_complete && n_ports > 0; i++)
        wb_probe_emit_summary (s->sub[i]->addr, s->sub[i]->open, s->sub[i]->closed,
                               n_ports - s->sub[i]->open - s->sub[i]->closed);
      if (s->job->n_udp > 0 && !stopping (s))
        scan_pairs (s, PHASE_UDP, s->job->n_udp, p0 + (p1 - p0) * 0.95, p1);
      wb_probe_events_flush ();
    }
  s->sub = NULL;
  s->n_sub = 0;
}

static void
load_block (WbProbeScan *s, guint first, guint count)
{
  guint n = 0;

  for (guint i = 0; i < count; i++)
    {
      guint32 a = g_array_index (s->job->targets, guint32, first + i);
      Host *h;

      if (a == s->src)
        continue;   /* our own address: nothing to learn, and no one would answer */
      /* The segment's own network and broadcast address are never hosts; a wider
       * target range may contain them, so they are skipped, never probed. */
      if (h32 (s->mask) <= 0xfffffffcu && (a == (s->src & s->mask) || a == (s->src | ~s->mask)))
        continue;
      h = &s->hosts[n++];
      memset (h, 0, sizeof *h);
      h->addr = a;
      h->onlink = (a & s->mask) == (s->src & s->mask);
      if (!h->onlink)
        memcpy (h->mac, s->gw_mac, 6);
    }
  s->n_hosts = n;
}

int
wb_probe_scan_run (WbProbeScan *s)
{
  WbProbeJob *job = s->job;
  const char *udp_ids[WB_UDP_N_SERVICES + 1] = { NULL };
  g_autofree Host **up = g_new (Host *, BLOCK_ADDRESSES);
  guint n = 0;

  for (int k = 0; k < WB_UDP_N_SERVICES; k++)
    if (job->udp[k])
      {
        udp_ids[n] = wb_udp_service_id ((WbUdpService) k);
        s->udp_list[n++] = (WbUdpService) k;
      }
  s->started = g_get_monotonic_time ();
  wb_probe_emit_start (s->ifname, s->src, job->targets->len, job->ports->len, udp_ids,
                       job->rate, job->retries);
  for (guint first = 0; first < job->targets->len && !stopping (s);
       first += BLOCK_ADDRESSES)
    {
      guint count = MIN (BLOCK_ADDRESSES, job->targets->len - first);
      guint n_up = 0;

      load_block (s, first, count);
      discover (s);
      wb_probe_events_flush ();
      for (guint i = 0; i < s->n_hosts; i++)
        if (s->hosts[i].up)
          up[n_up++] = &s->hosts[i];
      scan_up_hosts (s, up, n_up);
      s->progress_done += count;
    }
  if (!stopping (s))
    wb_probe_emit_progress (1.0, s->sent);
  wb_probe_emit_done (s->hosts_up, s->open, s->closed, s->sent, s->received,
                      (g_get_monotonic_time () - s->started) / 1e6, *s->stop != 0);
  if (*s->stop)
    return 7;
  return s->capture_failed ? 1 : 0;
}

/* ---- set-up ------------------------------------------------------------------------- */

typedef struct {
  char    iface[IF_NAMESIZE];
  guint32 dest;
  guint32 gateway;
  guint32 mask;
} Route;

/* /proc/net/route prints addresses as the hex of the in-memory (network order) value,
 * so the parsed numbers compare directly with our network-order addresses. */
static GArray *
read_routes (void)
{
  GArray *routes = g_array_new (FALSE, TRUE, sizeof (Route));
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/net/route", &text, NULL, NULL))
    return routes;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      Route r = { { 0 }, 0, 0, 0 };
      char name[64];
      unsigned int dest, gw, flags, refcnt, use, metric, mask;

      if (sscanf (lines[i], "%63s %x %x %x %u %u %u %x", name, &dest, &gw, &flags, &refcnt,
                  &use, &metric, &mask) != 8 || !(flags & 1 /* RTF_UP */))
        continue;
      g_strlcpy (r.iface, name, sizeof r.iface);
      r.dest = dest;
      r.gateway = gw;
      r.mask = mask;
      g_array_append_val (routes, r);
    }
  return routes;
}

/* Longest-prefix route to @addr, optionally only through @iface. */
static const Route *
best_route (GArray *routes, guint32 addr, const char *iface)
{
  const Route *best = NULL;

  for (guint i = 0; i < routes->len; i++)
    {
      const Route *r = &g_array_index (routes, Route, i);

      if ((addr & r->mask) != r->dest || (iface != NULL && strcmp (iface, r->iface) != 0))
        continue;
      if (best == NULL || h32 (r->mask) > h32 (best->mask))
        best = r;
    }
  return best;
}

static gboolean interface_error (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
interface_error (GError **error, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, WB_PROBE_ERROR, WB_PROBE_ERROR_INTERFACE, message);
  return FALSE;
}

static gboolean
read_interface (WbProbeScan *s, GError **error)
{
  struct ifaddrs *list = NULL;
  gboolean found = FALSE, have_addr = FALSE, have_mac = FALSE, up = FALSE;

  if (getifaddrs (&list) != 0)
    return interface_error (error, _("Cannot list the network interfaces (%s)."),
                            g_strerror (errno));
  for (struct ifaddrs *i = list; i != NULL; i = i->ifa_next)
    {
      if (strcmp (i->ifa_name, s->ifname) != 0)
        continue;
      found = TRUE;
      up = (i->ifa_flags & IFF_UP) && (i->ifa_flags & IFF_RUNNING);
      if (i->ifa_addr != NULL && i->ifa_addr->sa_family == AF_INET && !have_addr)
        {
          s->src = ((struct sockaddr_in *) i->ifa_addr)->sin_addr.s_addr;
          s->mask = ((struct sockaddr_in *) i->ifa_netmask)->sin_addr.s_addr;
          have_addr = TRUE;
        }
      else if (i->ifa_addr != NULL && i->ifa_addr->sa_family == AF_PACKET)
        {
          struct sockaddr_ll *ll = (struct sockaddr_ll *) i->ifa_addr;

          if (ll->sll_halen == 6)
            {
              memcpy (s->mac, ll->sll_addr, 6);
              have_mac = TRUE;
            }
        }
    }
  freeifaddrs (list);
  if (!found)
    return interface_error (error, _("The network interface “%s” does not exist."),
                            s->ifname);
  if (!up)
    return interface_error (error, _("The network interface “%s” is down or has no link."),
                            s->ifname);
  if (!have_addr)
    return interface_error (error, _("The network interface “%s” has no IPv4 address."),
                            s->ifname);
  if (!have_mac)
    return interface_error (error, _("The network interface “%s” is not an Ethernet "
                                     "interface."), s->ifname);
  return TRUE;
}

/* Picks the interface (the job's, or the route's to the first target) and the gateway
 * for targets that are not on the local segment. */
static gboolean
choose_route (WbProbeScan *s, GError **error)
{
  g_autoptr(GArray) routes = read_routes ();
  GArray *targets = s->job->targets;

  if (s->job->interface != NULL)
    g_strlcpy (s->ifname, s->job->interface, sizeof s->ifname);
  else
    {
      const Route *r = best_route (routes, g_array_index (targets, guint32, 0), NULL);

      if (r == NULL || strcmp (r->iface, "lo") == 0)
        return interface_error (error, "%s", _("There is no network interface with a route "
                                               "to the targets; name one in the job."));
      g_strlcpy (s->ifname, r->iface, sizeof s->ifname);
    }
  if (!read_interface (s, error))
    return FALSE;
  for (guint i = 0; i < targets->len; i++)
    {
      guint32 a = g_array_index (targets, guint32, i);
      const Route *r;

      if ((a & s->mask) == (s->src & s->mask))
        continue;   /* on the local segment: no gateway needed */
      r = best_route (routes, a, s->ifname);
      if (r == NULL || r->gateway == 0)
        return interface_error (error, _("Some targets are not reachable through the "
                                         "network interface “%s” (no route)."), s->ifname);
      if (s->gateway != 0 && r->gateway != s->gateway)
        return interface_error (error, _("The targets need different gateways on “%s”; "
                                         "split them over several jobs."), s->ifname);
      s->gateway = r->gateway;
    }
  return TRUE;
}

static char *
own_path (void)
{
  g_autofree char *path = g_file_read_link ("/proc/self/exe", NULL);

  return path != NULL ? g_steal_pointer (&path) : g_strdup ("werkbank-probe");
}

static gboolean
open_capture (WbProbeScan *s, GError **error)
{
  char errbuf[PCAP_ERRBUF_SIZE] = "";
  char src[INET_ADDRSTRLEN];
  g_autofree char *filter = NULL;
  struct bpf_program prog;
  int rc;

  s->pcap = pcap_create (s->ifname, errbuf);
  if (s->pcap == NULL)
    return interface_error (error, _("Cannot open the network interface “%s”."), s->ifname);
  pcap_set_snaplen (s->pcap, 512);
  pcap_set_promisc (s->pcap, 0);
  pcap_set_timeout (s->pcap, 10);
  pcap_set_immediate_mode (s->pcap, 1);
  pcap_set_buffer_size (s->pcap, 32 << 20);
  rc = pcap_activate (s->pcap);
  if (rc == PCAP_ERROR_PERM_DENIED)
    {
      g_autofree char *path = own_path ();

      g_set_error (error, WB_PROBE_ERROR, WB_PROBE_ERROR_NO_CAPABILITY,
                   _("werkbank-probe may not send or capture raw packets: it lacks the "
                     "CAP_NET_RAW and CAP_NET_ADMIN capabilities. Grant them once with: "
                     "sudo setcap cap_net_raw,cap_net_admin+ep %s"), path);
      return FALSE;
    }
  if (rc < 0)
    return interface_error (error, _("Cannot open the network interface “%s” for "
                                     "capturing."), s->ifname);
  if (pcap_datalink (s->pcap) != DLT_EN10MB)
    return interface_error (error, _("The network interface “%s” is not an Ethernet "
                                     "interface."), s->ifname);
  inet_ntop (AF_INET, &s->src, src, sizeof src);
  filter = g_strdup_printf ("dst host %s and (arp or icmp or tcp or udp)", src);
  if (pcap_compile (s->pcap, &prog, filter, 1, PCAP_NETMASK_UNKNOWN) != 0)
    return interface_error (error, _("Cannot set up capturing on “%s”."), s->ifname);
  rc = pcap_setfilter (s->pcap, &prog);
  pcap_freecode (&prog);
  if (rc != 0 || pcap_setnonblock (s->pcap, 1, errbuf) != 0)
    return interface_error (error, _("Cannot set up capturing on “%s”."), s->ifname);
  pcap_setdirection (s->pcap, PCAP_D_IN);
  s->fd = pcap_get_selectable_fd (s->pcap);
  return TRUE;
}

static gboolean
gateway_known (WbProbeScan *s)
{
  return s->have_gw_mac;
}

static gboolean
resolve_gateway (WbProbeScan *s, GError **error)
{
  char text[INET_ADDRSTRLEN];

  if (s->gateway == 0)
    return TRUE;
  s->phase = PHASE_GATEWAY;
  for (guint round = 0; round <= s->job->retries + 1 && !s->have_gw_mac && !*s->stop; round++)
    {
      pace_reset (s);
      send_arp (s, s->gateway);
      wait_replies (s, gateway_known);
    }
  if (s->have_gw_mac)
    return TRUE;
  inet_ntop (AF_INET, &s->gateway, text, sizeof text);
  return interface_error (error, _("The gateway %s does not answer (ARP)."), text);
}

WbProbeScan *
wb_probe_scan_new (WbProbeJob *job, volatile sig_atomic_t *stop, GError **error)
{
  g_autoptr(WbProbeScan) s = g_new0 (WbProbeScan, 1);
  guint16 r16;

  s->job = job;
  s->stop = stop;
  s->burst = MAX (1u, job->rate / 1000);
  s->hosts = g_new0 (Host, BLOCK_ADDRESSES);
  s->answered = g_malloc0 (MAX_PAIR_BITS / 8 + 1);
  s->port_index = g_new (gint32, 65536);
  for (guint p = 0; p < 65536; p++)
    s->port_index[p] = -1;
  for (guint i = 0; i < job->ports->len; i++)
    s->port_index[g_array_index (job->ports, guint16, i)] = (gint32) i;
  s->key = gcry_malloc_secure (16);
  gcry_randomize (s->key, 16, GCRY_STRONG_RANDOM);
  gcry_randomize (&r16, sizeof r16, GCRY_WEAK_RANDOM);
  s->sport = (guint16) (40000 + r16 % 20000);
  s->cur_sport = s->sport;
  if (!choose_route (s, error) || !open_capture (s, error) || !resolve_gateway (s, error))
    return NULL;
  return g_steal_pointer (&s);
}

void
wb_probe_scan_free (WbProbeScan *s)
{
  if (s == NULL)
    return;
  if (s->pcap != NULL)
    pcap_close (s->pcap);
  g_free (s->hosts);
  g_free (s->answered);
  g_free (s->port_index);
  if (s->key != NULL)
    {
      memset (s->key, 0, 16);
      gcry_free (s->key);
    }
  g_free (s);
}

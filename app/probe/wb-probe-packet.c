/* wb-probe-packet.c — probe packets and reply parsing (pure functions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "wb-probe-packet.h"

#include <string.h>
#include <json-glib/json-glib.h>

#define ETH_LEN 14
#define ETH_MIN_FRAME 60   /* without the FCS; shorter frames are padded */
#define ETHERTYPE_IP 0x0800
#define ETHERTYPE_ARP 0x0806

static const guint8 broadcast_mac[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static inline guint16
rd16 (const guint8 *p)
{
  return (guint16) ((p[0] << 8) | p[1]);
}

static inline guint32
rd32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static inline void
wr16 (guint8 *p, guint16 v)
{
  p[0] = v >> 8;
  p[1] = v & 0xff;
}

static inline void
wr32 (guint8 *p, guint32 v)
{
  p[0] = v >> 24;
  p[1] = (v >> 16) & 0xff;
  p[2] = (v >> 8) & 0xff;
  p[3] = v & 0xff;
}

/* Addresses are kept in network order in a guint32, so they are copied bytewise. */
static inline void
wr_addr (guint8 *p, guint32 be)
{
  memcpy (p, &be, 4);
}

static inline guint32
rd_addr (const guint8 *p)
{
  guint32 be;

  memcpy (&be, p, 4);
  return be;
}

/* ---- SipHash-2-4 -------------------------------------------------------------- */

#define ROTL(x, b) (guint64) (((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                      \
  G_STMT_START {                                                      \
    v0 += v1; v1 = ROTL (v1, 13); v1 ^= v0; v0 = ROTL (v0, 32);        \
    v2 += v3; v3 = ROTL (v3, 16); v3 ^= v2;                            \
    v0 += v3; v3 = ROTL (v3, 21); v3 ^= v0;                            \
    v2 += v1; v1 = ROTL (v1, 17); v1 ^= v2; v2 = ROTL (v2, 32);        \
  } G_STMT_END

static inline guint64
rd64le (const guint8 *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

guint64
wb_probe_siphash (const guint8 key[16], const guint8 *data, gsize len)
{
  guint64 k0 = rd64le (key), k1 = rd64le (key + 8);
  guint64 v0 = 0x736f6d6570736575ULL ^ k0;
  guint64 v1 = 0x646f72616e646f6dULL ^ k1;
  guint64 v2 = 0x6c7967656e657261ULL ^ k0;
  guint64 v3 = 0x7465646279746573ULL ^ k1;
  gsize full = len - (len % 8);
  guint64 b = ((guint64) len) << 56;

  for (gsize i = 0; i < full; i += 8)
    {
      guint64 m = rd64le (data + i);

      v3 ^= m;
      SIPROUND;
      SIPROUND;
      v0 ^= m;
    }
  for (gsize i = 0; i < len % 8; i++)
    b |= ((guint64) data[full + i]) << (8 * i);
  v3 ^= b;
  SIPROUND;
  SIPROUND;
  v0 ^= b;
  v2 ^= 0xff;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  return v0 ^ v1 ^ v2 ^ v3;
}

guint32
wb_probe_cookie (const guint8 key[16], guint32 src, guint32 dst, guint16 sport,
                 guint16 dport)
{
  guint8 data[12];

  memcpy (data, &src, 4);
  memcpy (data + 4, &dst, 4);
  wr16 (data + 8, sport);
  wr16 (data + 10, dport);
  return (guint32) wb_probe_siphash (key, data, sizeof data);
}

/* ---- building ------------------------------------------------------------------ */

static guint32
csum_add (guint32 sum, const guint8 *p, gsize len)
{
  for (gsize i = 0; i + 1 < len; i += 2)
    sum += rd16 (p + i);
  if (len & 1)
    sum += (guint32) p[len - 1] << 8;
  return sum;
}

static guint16
csum_fold (guint32 sum)
{
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  return (guint16) ~sum;
}

static gsize
put_eth (guint8 *buf, const guint8 dst_mac[6], const guint8 src_mac[6], guint16 type)
{
  memcpy (buf, dst_mac, 6);
  memcpy (buf + 6, src_mac, 6);
  wr16 (buf + 12, type);
  return ETH_LEN;
}

/* Writes a 20-byte IPv4 header for @payload_len bytes of @proto. */
static void
put_ip (guint8 *ip, guint8 proto, guint32 src, guint32 dst, gsize payload_len)
{
  static guint16 ip_id = 0x5a17;

  ip[0] = 0x45;
  ip[1] = 0;
  wr16 (ip + 2, (guint16) (20 + payload_len));
  wr16 (ip + 4, ip_id++);
  wr16 (ip + 6, 0x4000);  /* don't fragment */
  ip[8] = 64;
  ip[9] = proto;
  wr16 (ip + 10, 0);
  wr_addr (ip + 12, src);
  wr_addr (ip + 16, dst);
  wr16 (ip + 10, csum_fold (csum_add (0, ip, 20)));
}

/* TCP and UDP checksums cover a pseudo header of addresses, protocol and length. */
static guint16
l4_checksum (guint8 proto, guint32 src, guint32 dst, const guint8 *seg, gsize len)
{
  guint8 pseudo[12];

  wr_addr (pseudo, src);
  wr_addr (pseudo + 4, dst);
  pseudo[8] = 0;
  pseudo[9] = proto;
  wr16 (pseudo + 10, (guint16) len);
  return csum_fold (csum_add (csum_add (0, pseudo, 12), seg, len));
}

static gsize
pad_frame (guint8 *buf, gsize len)
{
  if (len < ETH_MIN_FRAME)
    {
      memset (buf + len, 0, ETH_MIN_FRAME - len);
      len = ETH_MIN_FRAME;
    }
  return len;
}

gsize
wb_probe_build_arp_request (guint8 *buf, const guint8 src_mac[6], guint32 src,
                            guint32 dst)
{
  guint8 *arp = buf + put_eth (buf, broadcast_mac, src_mac, ETHERTYPE_ARP);

  wr16 (arp, 1);            /* Ethernet */
  wr16 (arp + 2, ETHERTYPE_IP);
  arp[4] = 6;
  arp[5] = 4;
  wr16 (arp + 6, 1);        /* request */
  memcpy (arp + 8, src_mac, 6);
  wr_addr (arp + 14, src);
  memset (arp + 18, 0, 6);
  wr_addr (arp + 24, dst);
  return pad_frame (buf, ETH_LEN + 28);
}

gsize
wb_probe_build_tcp (guint8 *buf, const guint8 src_mac[6], const guint8 dst_mac[6],
                    guint32 src, guint32 dst, guint16 sport, guint16 dport, guint32 seq,
                    guint32 ack, guint8 flags, guint32 tsval)
{
  guint8 *ip = buf + put_eth (buf, dst_mac, src_mac, ETHERTYPE_IP);
  guint8 *tcp = ip + 20;
  /* SYNs carry MSS and a timestamp (the reply echoes it: an exact round-trip time);
   * other segments carry no options. */
  gsize hlen = (flags & WB_TCP_SYN) ? 36 : 20;

  put_ip (ip, 6, src, dst, hlen);
  wr16 (tcp, sport);
  wr16 (tcp + 2, dport);
  wr32 (tcp + 4, seq);
  wr32 (tcp + 8, ack);
  tcp[12] = (guint8) ((hlen / 4) << 4);
  tcp[13] = flags;
  wr16 (tcp + 14, 64240);
  wr16 (tcp + 16, 0);
  wr16 (tcp + 18, 0);
  if (hlen == 36)
    {
      static const guint8 head[] = { 2, 4, 0x05, 0xb4, 1, 1, 8, 10 };

      memcpy (tcp + 20, head, sizeof head);
      wr32 (tcp + 28, tsval);
      wr32 (tcp + 32, 0);
    }
  wr16 (tcp + 16, l4_checksum (6, src, dst, tcp, hlen));
  return pad_frame (buf, ETH_LEN + 20 + hlen);
}

gsize
wb_probe_build_icmp_echo (guint8 *buf, const guint8 src_mac[6], const guint8 dst_mac[6],
                          guint32 src, guint32 dst, guint16 id, guint16 seq)
{
  guint8 *ip = buf + put_eth (buf, dst_mac, src_mac, ETHERTYPE_IP);
  guint8 *icmp = ip + 20;
  gsize icmp_len = 8 + 16;

  put_ip (ip, 1, src, dst, icmp_len);
  icmp[0] = 8;
  icmp[1] = 0;
  wr16 (icmp + 2, 0);
  wr16 (icmp + 4, id);
  wr16 (icmp + 6, seq);
  memcpy (icmp + 8, "werkbank-probe\0\0", 16);
  wr16 (icmp + 2, csum_fold (csum_add (0, icmp, icmp_len)));
  return pad_frame (buf, ETH_LEN + 20 + icmp_len);
}

gsize
wb_probe_build_udp (guint8 *buf, gsize buf_size, const guint8 src_mac[6],
                    const guint8 dst_mac[6], guint32 src, guint32 dst, guint16 sport,
                    guint16 dport, const guint8 *payload, gsize payload_len)
{
  guint8 *ip;
  guint8 *udp;

  if (ETH_LEN + 28 + payload_len > buf_size || buf_size < ETH_MIN_FRAME)
    return 0;
  ip = buf + put_eth (buf, dst_mac, src_mac, ETHERTYPE_IP);
  udp = ip + 20;
  put_ip (ip, 17, src, dst, 8 + payload_len);
  wr16 (udp, sport);
  wr16 (udp + 2, dport);
  wr16 (udp + 4, (guint16) (8 + payload_len));
  wr16 (udp + 6, 0);
  memcpy (udp + 8, payload, payload_len);
  wr16 (udp + 6, l4_checksum (17, src, dst, udp, 8 + payload_len));
  return pad_frame (buf, ETH_LEN + 28 + payload_len);
}

/* ---- parsing -------------------------------------------------------------------- */

static gboolean
parse_arp (const guint8 *arp, gsize len, WbReply *out)
{
  if (len < 28 || rd16 (arp) != 1 || rd16 (arp + 2) != ETHERTYPE_IP || arp[4] != 6 ||
      arp[5] != 4 || rd16 (arp + 6) != 2)
    return FALSE;
  out->kind = WB_REPLY_ARP;
  memcpy (out->mac, arp + 8, 6);
  out->src = rd_addr (arp + 14);
  out->dst = rd_addr (arp + 24);
  return TRUE;
}

/* TCP options: only the timestamp is of interest. Malformed options end the walk. */
static void
parse_tcp_options (const guint8 *opt, gsize len, WbReply *out)
{
  gsize i = 0;

  while (i < len)
    {
      guint8 kind = opt[i];

      if (kind == 0)
        return;
      if (kind == 1)
        {
          i++;
          continue;
        }
      if (i + 1 >= len || opt[i + 1] < 2 || i + opt[i + 1] > len)
        return;
      if (kind == 8 && opt[i + 1] == 10)
        {
          out->has_tsecr = TRUE;
          out->tsecr = rd32 (opt + i + 6);
        }
      i += opt[i + 1];
    }
}

static gboolean
parse_tcp (const guint8 *tcp, gsize len, WbReply *out)
{
  gsize hlen;

  if (len < 20)
    return FALSE;
  hlen = (gsize) (tcp[12] >> 4) * 4;
  if (hlen < 20 || hlen > len)
    return FALSE;
  out->kind = WB_REPLY_TCP;
  out->sport = rd16 (tcp);
  out->dport = rd16 (tcp + 2);
  out->seq = rd32 (tcp + 4);
  out->ack = rd32 (tcp + 8);
  out->tcp_flags = tcp[13];
  parse_tcp_options (tcp + 20, hlen - 20, out);
  return TRUE;
}

static gboolean
parse_icmp (const guint8 *icmp, gsize len, WbReply *out)
{
  const guint8 *inner;
  gsize inner_hlen;

  if (len < 8)
    return FALSE;
  if (icmp[0] == 0 && icmp[1] == 0)
    {
      out->kind = WB_REPLY_ICMP_ECHO;
      out->icmp_id = rd16 (icmp + 4);
      out->icmp_seq = rd16 (icmp + 6);
      return TRUE;
    }
  if (icmp[0] != 3)
    return FALSE;
  /* Unreachable quotes our IP header and at least 8 bytes of what followed it. */
  inner = icmp + 8;
  if (len < 8 + 20 || (inner[0] >> 4) != 4)
    return FALSE;
  inner_hlen = (gsize) (inner[0] & 0x0f) * 4;
  if (inner_hlen < 20 || len < 8 + inner_hlen + 4)
    return FALSE;
  out->kind = WB_REPLY_ICMP_UNREACH;
  out->orig_proto = inner[9];
  out->orig_dst = rd_addr (inner + 16);
  out->orig_sport = rd16 (inner + inner_hlen);
  out->orig_dport = rd16 (inner + inner_hlen + 2);
  return TRUE;
}

static gboolean
parse_udp (const guint8 *udp, gsize len, WbReply *out)
{
  gsize ulen;

  if (len < 8)
    return FALSE;
  ulen = rd16 (udp + 4);
  if (ulen < 8 || ulen > len)
    return FALSE;
  out->kind = WB_REPLY_UDP;
  out->sport = rd16 (udp);
  out->dport = rd16 (udp + 2);
  out->payload = udp + 8;
  out->payload_len = ulen - 8;
  return TRUE;
}

static gboolean
parse_ip (const guint8 *ip, gsize len, WbReply *out)
{
  gsize hlen, total;

  if (len < 20 || (ip[0] >> 4) != 4)
    return FALSE;
  hlen = (gsize) (ip[0] & 0x0f) * 4;
  total = rd16 (ip + 2);
  /* Ethernet may pad: the IP total length, not the frame, says where the packet ends. */
  if (hlen < 20 || total < hlen || total > len)
    return FALSE;
  if ((rd16 (ip + 6) & 0x3fff) != 0)
    return FALSE;   /* fragments: our replies are never fragmented */
  out->ttl = ip[8];
  out->src = rd_addr (ip + 12);
  out->dst = rd_addr (ip + 16);
  switch (ip[9])
    {
    case 1:
      return parse_icmp (ip + hlen, total - hlen, out);
    case 6:
      return parse_tcp (ip + hlen, total - hlen, out);
    case 17:
      return parse_udp (ip + hlen, total - hlen, out);
    default:
      return FALSE;
    }
}

gboolean
wb_probe_parse_reply (const guint8 *frame, gsize len, WbReply *out)
{
  gboolean ok = FALSE;

  memset (out, 0, sizeof *out);
  if (frame == NULL || len < ETH_LEN)
    return FALSE;
  memcpy (out->mac, frame + 6, 6);
  switch (rd16 (frame + 12))
    {
    case ETHERTYPE_ARP:
      ok = parse_arp (frame + ETH_LEN, len - ETH_LEN, out);
      break;
    case ETHERTYPE_IP:
      ok = parse_ip (frame + ETH_LEN, len - ETH_LEN, out);
      break;
    default:
      break;
    }
  if (!ok)
    memset (out, 0, sizeof *out);
  return ok;
}

/* ---- UDP services ------------------------------------------------------------------ */

static const struct {
  const char *id;
  guint16     port;
} udp_services[WB_UDP_N_SERVICES] = {
  [WB_UDP_DNS] = { "dns", 53 },
  [WB_UDP_NTP] = { "ntp", 123 },
  [WB_UDP_NETBIOS] = { "netbios", 137 },
  [WB_UDP_SNMP] = { "snmp", 161 },
};

const char *
wb_udp_service_id (WbUdpService service)
{
  return udp_services[service].id;
}

guint16
wb_udp_service_port (WbUdpService service)
{
  return udp_services[service].port;
}

gboolean
wb_udp_service_from_id (const char *id, WbUdpService *out)
{
  for (int i = 0; i < WB_UDP_N_SERVICES; i++)
    if (g_strcmp0 (id, udp_services[i].id) == 0)
      {
        *out = (WbUdpService) i;
        return TRUE;
      }
  return FALSE;
}

/* sysDescr.0 = 1.3.6.1.2.1.1.1.0 */
static const guint8 sysdescr_oid[] = { 0x2b, 6, 1, 2, 1, 1, 1, 0 };

static gsize
build_snmp (guint16 txid, guint8 *buf)
{
  static const guint8 head[] = {
    0x30, 0x29, 0x02, 0x01, 0x00, 0x04, 0x06, 'p', 'u', 'b', 'l', 'i', 'c',
    0xa0, 0x1c, 0x02, 0x04,
  };
  static const guint8 tail[] = {
    0x02, 0x01, 0x00, 0x02, 0x01, 0x00, 0x30, 0x0e, 0x30, 0x0c, 0x06, 0x08,
    0x2b, 6, 1, 2, 1, 1, 1, 0, 0x05, 0x00,
  };
  gsize n = 0;

  memcpy (buf, head, sizeof head);
  n = sizeof head;
  wr32 (buf + n, txid);
  n += 4;
  memcpy (buf + n, tail, sizeof tail);
  return n + sizeof tail;
}

gsize
wb_probe_build_udp_request (WbUdpService service, guint16 txid, guint8 *buf, gsize size)
{
  static const guint8 dns_q[] = {
    0, 0, 0x00, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
    7, 'v', 'e', 'r', 's', 'i', 'o', 'n', 4, 'b', 'i', 'n', 'd', 0,
    0, 16, 0, 3,   /* TXT, CHAOS */
  };
  static const guint8 nb_q[] = {
    0, 0, 0x00, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
    0x20, 'C', 'K', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A',
    'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 0,
    0, 0x21, 0, 1,  /* NBSTAT, IN */
  };

  if (size < 64)
    return 0;
  switch (service)
    {
    case WB_UDP_DNS:
      memcpy (buf, dns_q, sizeof dns_q);
      wr16 (buf, txid);
      return sizeof dns_q;
    case WB_UDP_NTP:
      /* NTPv3 client; the transmit timestamp carries our id, the server echoes it. */
      memset (buf, 0, 48);
      buf[0] = 0x1b;
      wr16 (buf + 40, txid);
      wr16 (buf + 46, txid);
      return 48;
    case WB_UDP_NETBIOS:
      memcpy (buf, nb_q, sizeof nb_q);
      wr16 (buf, txid);
      return sizeof nb_q;
    case WB_UDP_SNMP:
      return build_snmp (txid, buf);
    case WB_UDP_N_SERVICES:
    default:
      return 0;
    }
}

char *
wb_probe_clean_text (const guint8 *data, gsize len)
{
  GString *s = g_string_sized_new (MIN (len, 255) + 1);

  for (gsize i = 0; i < len && i < 255; i++)
    g_string_append_c (s, (data[i] >= 0x20 && data[i] < 0x7f) ? (char) data[i] : '?');
  return g_string_free (s, FALSE);
}

static char *
finish_detail (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Skips a DNS name (labels or a compression pointer) at *pos; FALSE if malformed. */
static gboolean
dns_skip_name (const guint8 *d, gsize len, gsize *pos)
{
  for (int labels = 0; labels < 128; labels++)
    {
      guint8 l;

      if (*pos >= len)
        return FALSE;
      l = d[*pos];
      if ((l & 0xc0) == 0xc0)
        {
          *pos += 2;
          return *pos <= len;
        }
      if (l & 0xc0)
        return FALSE;
      *pos += 1 + (gsize) l;
      if (l == 0)
        return *pos <= len;
    }
  return FALSE;
}

static gboolean
parse_dns (guint16 txid, const guint8 *d, gsize len, char **detail)
{
  g_autoptr(JsonBuilder) b = NULL;
  guint16 qd, an;
  gsize pos = 12;

  if (len < 12 || rd16 (d) != txid || !(d[2] & 0x80))
    return FALSE;
  qd = rd16 (d + 4);
  an = rd16 (d + 6);
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rcode");
  json_builder_add_int_value (b, d[3] & 0x0f);
  json_builder_set_member_name (b, "answers");
  json_builder_add_int_value (b, an);
  if (qd == 1 && an >= 1 && dns_skip_name (d, len, &pos) && pos + 4 <= len)
    {
      pos += 4;
      if (dns_skip_name (d, len, &pos) && pos + 10 <= len && rd16 (d + pos) == 16)
        {
          gsize rdlen = rd16 (d + pos + 8);

          pos += 10;
          if (rdlen >= 1 && pos + rdlen <= len && (gsize) d[pos] + 1 <= rdlen)
            {
              g_autofree char *v = wb_probe_clean_text (d + pos + 1, d[pos]);

              json_builder_set_member_name (b, "version");
              json_builder_add_string_value (b, v);
            }
        }
    }
  *detail = finish_detail (b);
  return TRUE;
}

static gboolean
parse_ntp (guint16 txid, const guint8 *d, gsize len, char **detail)
{
  g_autoptr(JsonBuilder) b = NULL;

  if (len < 48 || (d[0] & 7) != 4 || rd16 (d + 24) != txid || rd16 (d + 30) != txid)
    return FALSE;
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, (d[0] >> 3) & 7);
  json_builder_set_member_name (b, "mode");
  json_builder_add_int_value (b, d[0] & 7);
  json_builder_set_member_name (b, "stratum");
  json_builder_add_int_value (b, d[1]);
  *detail = finish_detail (b);
  return TRUE;
}

static gboolean
parse_netbios (guint16 txid, const guint8 *d, gsize len, char **detail)
{
  g_autoptr(JsonBuilder) b = NULL;
  gsize pos = 12;
  guint n_names;

  if (len < 12 || rd16 (d) != txid || !(d[2] & 0x80) || rd16 (d + 6) < 1)
    return FALSE;
  if (!dns_skip_name (d, len, &pos) || pos + 11 > len || rd16 (d + pos) != 0x21)
    return FALSE;
  pos += 10;
  n_names = d[pos++];
  if (pos + (gsize) n_names * 18 > len)
    return FALSE;
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "names");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *name = wb_probe_clean_text (d + pos + i * 18, 15);

      g_strchomp (name);
      json_builder_add_string_value (b, name);
    }
  json_builder_end_array (b);
  pos += (gsize) n_names * 18;
  if (pos + 6 <= len)
    {
      g_autofree char *mac = g_strdup_printf ("%02x:%02x:%02x:%02x:%02x:%02x", d[pos],
                                              d[pos + 1], d[pos + 2], d[pos + 3],
                                              d[pos + 4], d[pos + 5]);

      json_builder_set_member_name (b, "mac");
      json_builder_add_string_value (b, mac);
    }
  *detail = finish_detail (b);
  return TRUE;
}

/* A minimal BER reader: one tag-length-value at *pos within [0, end). */
static gboolean
ber_read (const guint8 *d, gsize end, gsize *pos, guint8 *tag, gsize *vlen)
{
  gsize l;

  if (*pos + 2 > end)
    return FALSE;
  *tag = d[*pos];
  l = d[*pos + 1];
  *pos += 2;
  if (l & 0x80)
    {
      guint n = l & 0x7f;

      if (n == 0 || n > 2 || *pos + n > end)
        return FALSE;
      l = 0;
      for (guint i = 0; i < n; i++)
        l = (l << 8) | d[(*pos)++];
    }
  if (l > end - *pos)
    return FALSE;
  *vlen = l;
  return TRUE;
}

static gboolean
ber_expect (const guint8 *d, gsize end, gsize *pos, guint8 want, gsize *vlen)
{
  guint8 tag;

  return ber_read (d, end, pos, &tag, vlen) && tag == want;
}

static gboolean
parse_snmp (guint16 txid, const guint8 *d, gsize len, char **detail)
{
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *text = NULL;
  gsize pos = 0, l, end;
  guint32 reqid = 0;

  if (!ber_expect (d, len, &pos, 0x30, &l))
    return FALSE;
  end = pos + l;
  if (!ber_expect (d, end, &pos, 0x02, &l) || l != 1 || d[pos] > 1)
    return FALSE;
  pos += l;
  if (!ber_expect (d, end, &pos, 0x04, &l) || l != 6 || memcmp (d + pos, "public", 6))
    return FALSE;
  pos += l;
  if (!ber_expect (d, end, &pos, 0xa2, &l))
    return FALSE;
  end = pos + l;
  if (!ber_expect (d, end, &pos, 0x02, &l) || l < 1 || l > 4)
    return FALSE;
  for (gsize i = 0; i < l; i++)
    reqid = (reqid << 8) | d[pos + i];
  pos += l;
  if (reqid != txid)
    return FALSE;
  /* error-status must be 0 (noError), then error-index */
  if (!ber_expect (d, end, &pos, 0x02, &l) || l != 1 || d[pos] != 0)
    return FALSE;
  pos += l;
  if (!ber_expect (d, end, &pos, 0x02, &l))
    return FALSE;
  pos += l;
  if (!ber_expect (d, end, &pos, 0x30, &l) || !ber_expect (d, end, &pos, 0x30, &l))
    return FALSE;
  if (!ber_expect (d, end, &pos, 0x06, &l) || l != sizeof sysdescr_oid ||
      memcmp (d + pos, sysdescr_oid, l) != 0)
    return FALSE;
  pos += l;
  if (!ber_expect (d, end, &pos, 0x04, &l))
    return FALSE;
  text = wb_probe_clean_text (d + pos, l);
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, "v1");
  json_builder_set_member_name (b, "community");
  json_builder_add_string_value (b, "public");
  json_builder_set_member_name (b, "sysdescr");
  json_builder_add_string_value (b, text);
  *detail = finish_detail (b);
  return TRUE;
}

gboolean
wb_probe_parse_udp_answer (WbUdpService service, guint16 txid, const guint8 *data,
                           gsize len, char **detail_json)
{
  *detail_json = NULL;
  if (data == NULL)
    return FALSE;
  switch (service)
    {
    case WB_UDP_DNS:
      return parse_dns (txid, data, len, detail_json);
    case WB_UDP_NTP:
      return parse_ntp (txid, data, len, detail_json);
    case WB_UDP_NETBIOS:
      return parse_netbios (txid, data, len, detail_json);
    case WB_UDP_SNMP:
      return parse_snmp (txid, data, len, detail_json);
    case WB_UDP_N_SERVICES:
    default:
      return FALSE;
    }
}

/* wb-probe-packet.h — building probe packets and parsing replies
 *
 * Everything here is a pure function on byte buffers: no sockets, no globals. That is
 * what lets tests/fuzz/fuzz-probe-reply.c throw arbitrary frames at the parsers.
 * Addresses are IPv4 in network byte order (guint32 as on the wire); ports host order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WB_PROBE_FRAME_MAX 128

#define WB_TCP_FIN 0x01
#define WB_TCP_SYN 0x02
#define WB_TCP_RST 0x04
#define WB_TCP_ACK 0x10

typedef enum {
  WB_REPLY_NONE = 0,
  WB_REPLY_ARP,           /* an ARP reply */
  WB_REPLY_TCP,
  WB_REPLY_ICMP_ECHO,     /* echo reply */
  WB_REPLY_ICMP_UNREACH,  /* destination unreachable, with the quoted packet */
  WB_REPLY_UDP,
} WbReplyKind;

typedef struct {
  WbReplyKind   kind;
  guint8        mac[6];      /* Ethernet source (ARP: sender hardware address) */
  guint32       src;         /* IPv4 source (ARP: sender protocol address) */
  guint32       dst;         /* IPv4 destination (ARP: target protocol address) */
  guint8        ttl;
  guint16       sport;
  guint16       dport;
  guint32       seq;
  guint32       ack;
  guint8        tcp_flags;
  gboolean      has_tsecr;
  guint32       tsecr;       /* TCP timestamp echo reply */
  guint16       icmp_id;
  guint16       icmp_seq;
  /* ICMP unreachable: the packet we sent, as quoted back */
  guint8        orig_proto;
  guint32       orig_dst;
  guint16       orig_sport;
  guint16       orig_dport;
  const guint8 *payload;     /* UDP payload, points into the frame */
  gsize         payload_len;
} WbReply;

/* Parses one Ethernet frame. FALSE (kind NONE) for anything that is not a well-formed
 * ARP reply, TCP segment, ICMP echo reply/unreachable or UDP datagram over IPv4.
 * Never reads outside [frame, frame + len). */
gboolean wb_probe_parse_reply (const guint8 *frame, gsize len, WbReply *out);

/* Builders write a complete Ethernet frame into @buf (WB_PROBE_FRAME_MAX bytes) and
 * return its length. */
gsize wb_probe_build_arp_request (guint8 *buf, const guint8 src_mac[6], guint32 src,
                                  guint32 dst);
gsize wb_probe_build_tcp (guint8 *buf, const guint8 src_mac[6], const guint8 dst_mac[6],
                          guint32 src, guint32 dst, guint16 sport, guint16 dport,
                          guint32 seq, guint32 ack, guint8 flags, guint32 tsval);
gsize wb_probe_build_icmp_echo (guint8 *buf, const guint8 src_mac[6],
                                const guint8 dst_mac[6], guint32 src, guint32 dst,
                                guint16 id, guint16 seq);
gsize wb_probe_build_udp (guint8 *buf, gsize buf_size, const guint8 src_mac[6],
                          const guint8 dst_mac[6], guint32 src, guint32 dst,
                          guint16 sport, guint16 dport, const guint8 *payload,
                          gsize payload_len);

/* SipHash-2-4 (Aumasson & Bernstein) of @len bytes under a 16-byte key: the keyed cookie
 * that goes into sequence numbers, so replies can be validated without keeping state. */
guint64 wb_probe_siphash (const guint8 key[16], const guint8 *data, gsize len);
guint32 wb_probe_cookie (const guint8 key[16], guint32 src, guint32 dst, guint16 sport,
                         guint16 dport);

/* UDP service payloads (requests) and answers. The request builders return the payload
 * length written into @buf (at least 64 bytes). The parsers check the answer and fill
 * @detail_json with a JSON object text (caller frees); FALSE if it is not a valid answer. */
typedef enum {
  WB_UDP_DNS = 0,
  WB_UDP_NTP,
  WB_UDP_NETBIOS,
  WB_UDP_SNMP,
  WB_UDP_N_SERVICES
} WbUdpService;

const char *wb_udp_service_id (WbUdpService service);
guint16     wb_udp_service_port (WbUdpService service);
gboolean    wb_udp_service_from_id (const char *id, WbUdpService *out);
gsize       wb_probe_build_udp_request (WbUdpService service, guint16 txid, guint8 *buf,
                                        gsize size);
gboolean    wb_probe_parse_udp_answer (WbUdpService service, guint16 txid,
                                       const guint8 *data, gsize len, char **detail_json);

/* Network text made safe to show: at most 255 bytes, non-printable ASCII as '?'. */
char       *wb_probe_clean_text (const guint8 *data, gsize len);

G_END_DECLS

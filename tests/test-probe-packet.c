/* test-probe-packet.c — werkbank-probe's packets: what it sends is well-formed, what it
 * accepts is exactly a valid answer to what it sent, and hostile replies are refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "wb-probe-packet.h"

#include <arpa/inet.h>
#include <string.h>

static const guint8 mac_a[6] = { 2, 0, 0, 0, 0, 0xa };
static const guint8 mac_b[6] = { 2, 0, 0, 0, 0, 0xb };

static guint32
ip (const char *text)
{
  struct in_addr a;

  g_assert_cmpint (inet_pton (AF_INET, text, &a), ==, 1);
  return a.s_addr;
}

/* The reference vector of the SipHash paper (Aumasson & Bernstein, appendix A). */
static void
test_siphash_vector (void)
{
  guint8 key[16], msg[15];

  for (int i = 0; i < 16; i++)
    key[i] = (guint8) i;
  for (int i = 0; i < 15; i++)
    msg[i] = (guint8) i;
  g_assert_cmphex (wb_probe_siphash (key, msg, 15), ==, G_GUINT64_CONSTANT (0xa129ca6149be45e5));
}

/* The cookie depends on the key and on every address and port. */
static void
test_cookie_is_keyed (void)
{
  guint8 k1[16] = { 1 }, k2[16] = { 2 };
  guint32 a = ip ("198.18.0.2"), b = ip ("198.18.0.10");
  guint32 c = wb_probe_cookie (k1, a, b, 40000, 80);

  g_assert_cmpuint (c, !=, wb_probe_cookie (k2, a, b, 40000, 80));
  g_assert_cmpuint (c, !=, wb_probe_cookie (k1, a, ip ("198.18.0.11"), 40000, 80));
  g_assert_cmpuint (c, !=, wb_probe_cookie (k1, a, b, 40001, 80));
  g_assert_cmpuint (c, !=, wb_probe_cookie (k1, a, b, 40000, 81));
  g_assert_cmpuint (c, ==, wb_probe_cookie (k1, a, b, 40000, 80));
}

static guint16
ones_complement_sum (const guint8 *p, gsize len, guint32 sum)
{
  for (gsize i = 0; i + 1 < len; i += 2)
    sum += (guint32) ((p[i] << 8) | p[i + 1]);
  if (len & 1)
    sum += (guint32) p[len - 1] << 8;
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  return (guint16) sum;
}

/* A SYN we build parses back as a TCP segment with valid IP and TCP checksums, and a
 * timestamp option. */
static void
test_syn_round_trip (void)
{
  guint8 f[WB_PROBE_FRAME_MAX];
  gsize len = wb_probe_build_tcp (f, mac_a, mac_b, ip ("198.18.0.2"), ip ("198.18.0.10"),
                                  41000, 445, 0x12345678, 0, WB_TCP_SYN, 777);
  guint8 pseudo[12];
  guint32 sum;
  WbReply r;

  g_assert_cmpuint (len, ==, 14 + 20 + 36);
  g_assert_cmpuint (ones_complement_sum (f + 14, 20, 0), ==, 0xffff);
  memcpy (pseudo, f + 14 + 12, 8);
  pseudo[8] = 0;
  pseudo[9] = 6;
  pseudo[10] = 0;
  pseudo[11] = 36;
  sum = ones_complement_sum (pseudo, 12, 0);
  g_assert_cmpuint (ones_complement_sum (f + 34, 36, sum), ==, 0xffff);
  g_assert_true (wb_probe_parse_reply (f, len, &r));
  g_assert_cmpint (r.kind, ==, WB_REPLY_TCP);
  g_assert_cmpuint (r.sport, ==, 41000);
  g_assert_cmpuint (r.dport, ==, 445);
  g_assert_cmpuint (r.seq, ==, 0x12345678);
  g_assert_cmpuint (r.tcp_flags, ==, WB_TCP_SYN);
  g_assert_true (r.has_tsecr);   /* the parser reads the TS option's echo field */
  g_assert_cmpmem (r.mac, 6, mac_a, 6);
}

static void
test_arp_and_echo (void)
{
  guint8 f[WB_PROBE_FRAME_MAX];
  gsize len = wb_probe_build_arp_request (f, mac_a, ip ("198.18.0.2"), ip ("198.18.0.10"));
  WbReply r;

  g_assert_cmpuint (len, ==, 60);   /* padded to the Ethernet minimum */
  /* A request is not a reply: the probe only listens to answers. */
  g_assert_false (wb_probe_parse_reply (f, len, &r));
  f[14 + 7] = 2;
  g_assert_true (wb_probe_parse_reply (f, len, &r));
  g_assert_cmpint (r.kind, ==, WB_REPLY_ARP);
  g_assert_cmpuint (r.src, ==, ip ("198.18.0.2"));
  g_assert_cmpuint (r.dst, ==, ip ("198.18.0.10"));

  len = wb_probe_build_icmp_echo (f, mac_a, mac_b, ip ("198.18.0.2"), ip ("198.18.1.10"),
                                  0xbeef, 0x1234);
  g_assert_false (wb_probe_parse_reply (f, len, &r));   /* a request, not a reply */
  f[34] = 0;
  g_assert_true (wb_probe_parse_reply (f, len, &r));
  g_assert_cmpint (r.kind, ==, WB_REPLY_ICMP_ECHO);
  g_assert_cmpuint (r.icmp_id, ==, 0xbeef);
  g_assert_cmpuint (r.icmp_seq, ==, 0x1234);
}

/* Truncated frames, lying length fields and bad TCP offsets are refused, never read
 * beyond the buffer (ASan would tell). */
static void
test_hostile_frames (void)
{
  guint8 f[WB_PROBE_FRAME_MAX];
  gsize len = wb_probe_build_tcp (f, mac_a, mac_b, ip ("198.18.0.10"), ip ("198.18.0.2"),
                                  80, 41000, 1, 2, WB_TCP_SYN | WB_TCP_ACK, 0);
  WbReply r;

  for (gsize cut = 0; cut < 14 + 20 + 36; cut++)
    {
      guint8 *copy = g_memdup2 (f, cut);

      g_assert_false (wb_probe_parse_reply (copy, cut, &r));
      g_free (copy);
    }
  f[14 + 2] = 0xff;   /* IP total length beyond the frame */
  g_assert_false (wb_probe_parse_reply (f, len, &r));
  f[14 + 2] = 0;
  f[14 + 3] = 56;
  f[34 + 12] = 0xf0;  /* TCP header of 60 bytes in a 36-byte segment */
  g_assert_false (wb_probe_parse_reply (f, len, &r));
  g_assert_false (wb_probe_parse_reply (NULL, 0, &r));
}

/* SNMP: our request is what the lab's agent (and a real one) answers; the answer is
 * accepted only with our request id and without an error status. */
static void
test_snmp (void)
{
  static const guint8 answer_head[] = {
    0x30, 0x3b, 0x02, 0x01, 0x00, 0x04, 0x06, 'p', 'u', 'b', 'l', 'i', 'c',
    0xa2, 0x2e, 0x02, 0x04, 0x00, 0x00, 0x12, 0x34, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00,
    0x30, 0x20, 0x30, 0x1e, 0x06, 0x08, 0x2b, 6, 1, 2, 1, 1, 1, 0, 0x04, 0x12,
  };
  guint8 buf[128];
  gsize n = wb_probe_build_udp_request (WB_UDP_SNMP, 0x1234, buf, sizeof buf);
  g_autofree char *detail = NULL;
  guint8 answer[sizeof answer_head + 18];

  g_assert_cmpuint (n, ==, 43);
  g_assert_cmphex (buf[0], ==, 0x30);
  g_assert_cmphex (buf[1], ==, n - 2);
  memcpy (answer, answer_head, sizeof answer_head);
  memcpy (answer + sizeof answer_head, "Printer\x01 firmware!", 18);
  g_assert_true (wb_probe_parse_udp_answer (WB_UDP_SNMP, 0x1234, answer, sizeof answer,
                                            &detail));
  g_assert_nonnull (strstr (detail, "\"sysdescr\":\"Printer? firmware!\""));
  g_clear_pointer (&detail, g_free);
  g_assert_false (wb_probe_parse_udp_answer (WB_UDP_SNMP, 0x1235, answer, sizeof answer,
                                             &detail));
  answer[23] = 2;   /* error-status noSuchName */
  g_assert_false (wb_probe_parse_udp_answer (WB_UDP_SNMP, 0x1234, answer, sizeof answer,
                                             &detail));
  answer[23] = 0;
  answer[1] = 0x7f;  /* a length beyond the datagram */
  g_assert_false (wb_probe_parse_udp_answer (WB_UDP_SNMP, 0x1234, answer, sizeof answer,
                                             &detail));
  g_assert_null (detail);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/probe/siphash-vector", test_siphash_vector);
  g_test_add_func ("/probe/cookie-is-keyed", test_cookie_is_keyed);
  g_test_add_func ("/probe/syn-round-trip", test_syn_round_trip);
  g_test_add_func ("/probe/arp-and-echo", test_arp_and_echo);
  g_test_add_func ("/probe/hostile-frames", test_hostile_frames);
  g_test_add_func ("/probe/snmp", test_snmp);
  return g_test_run ();
}

/* fuzz-probe-reply.c — libFuzzer target for werkbank-probe's reply parsers
 *
 * Everything a scanned network sends back reaches wb_probe_parse_reply() and, for UDP,
 * wb_probe_parse_udp_answer(): arbitrary bytes from hosts we do not control. Both are
 * pure functions on a buffer, so the fuzzer feeds them directly: the input is tried as
 * an Ethernet frame and, whole, as the payload of each UDP service's answer (with the
 * transaction id taken from the first two bytes so matching answers are reachable).
 * The buffer is copied to an exact-size allocation so ASan sees any over-read.
 * Run: ./fuzz-probe-reply -max_total_time=60 CORPUS_DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "wb-probe-packet.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  guint8 *copy = g_malloc (size ? size : 1);
  WbReply reply;
  guint16 txid = size >= 2 ? (guint16) ((data[0] << 8) | data[1]) : 0;

  memcpy (copy, data, size);
  if (wb_probe_parse_reply (copy, size, &reply) && reply.kind == WB_REPLY_UDP)
    {
      /* The payload must lie inside the frame. */
      g_assert (reply.payload >= copy && reply.payload + reply.payload_len <= copy + size);
    }
  for (int s = 0; s < WB_UDP_N_SERVICES; s++)
    {
      char *detail = NULL;

      if (wb_probe_parse_udp_answer ((WbUdpService) s, txid, copy, size, &detail))
        g_assert (detail != NULL && detail[0] == '{');
      g_free (detail);
    }
  g_free (copy);
  return 0;
}

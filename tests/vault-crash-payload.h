/* vault-crash-payload.h — what the crash test's writer appends, and what the test
 * expects back: one definition for both programs, so they cannot drift apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* libgcrypt keeps a 128 KiB entropy buffer for GCRY_VERY_STRONG_RANDOM until exit;
 * LeakSanitizer (ASan builds) would report it as ours. */
const char *__lsan_default_suppressions (void);
const char *
__lsan_default_suppressions (void)
{
  return "leak:libgcrypt.so\n";
}

static GBytes *
crash_payload (guint64 seq)
{
  GString *s = g_string_new (NULL);
  gsize len = 20 + (seq * 37) % 300;

  g_string_append_printf (s, "record %" G_GUINT64_FORMAT ":", seq);
  while (s->len < len)
    g_string_append_c (s, (char) ('a' + (seq + s->len) % 26));
  return g_string_free_to_bytes (s);
}

static GBytes *
crash_blob (guint64 seq)
{
  gsize len = 1 + (seq * 1009) % 150000;
  guint8 *p = g_malloc (len);
  guint32 x = (guint32) seq;
  gsize i;

  for (i = 0; i < len; i++)
    {
      x = x * 1103515245u + 12345u;
      p[i] = (guint8) (x >> 16);
    }
  return g_bytes_new_take (p, len);
}

/* test-hkdf.c — HKDF-SHA256 against RFC 5869 appendix A.1–A.3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "wb-hkdf.h"
#include "wb-init.h"

static GBytes *
unhex (const char *hex)
{
  gsize len = strlen (hex) / 2;
  guint8 *out = g_malloc (len + 1);
  gsize i;

  for (i = 0; i < len; i++)
    out[i] = (guint8) (g_ascii_xdigit_value (hex[2 * i]) * 16 + g_ascii_xdigit_value (hex[2 * i + 1]));
  return g_bytes_new_take (out, len);
}

static GBytes *
range (guint first,
       guint last)
{
  GByteArray *a = g_byte_array_new ();
  guint i;

  for (i = first; i <= last; i++)
    {
      guint8 b = (guint8) i;
      g_byte_array_append (a, &b, 1);
    }
  return g_byte_array_free_to_bytes (a);
}

static void
check_case (GBytes     *ikm,
            GBytes     *salt,
            GBytes     *info,
            const char *okm_hex)
{
  g_autoptr(GBytes) expected = unhex (okm_hex);
  gsize len = g_bytes_get_size (expected);
  g_autofree guint8 *okm = g_malloc (len);
  gsize salt_len = 0, info_len = 0, ikm_len = 0;
  const guint8 *s = salt ? g_bytes_get_data (salt, &salt_len) : NULL;
  const guint8 *i = info ? g_bytes_get_data (info, &info_len) : NULL;
  const guint8 *k = g_bytes_get_data (ikm, &ikm_len);

  g_assert_true (wb_hkdf_sha256 (s, salt_len, k, ikm_len, i, info_len, okm, len));
  g_assert_cmpmem (okm, len, g_bytes_get_data (expected, NULL), len);
}

static void
test_case1 (void)
{
  g_autoptr(GBytes) ikm = unhex ("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
  g_autoptr(GBytes) salt = unhex ("000102030405060708090a0b0c");
  g_autoptr(GBytes) info = unhex ("f0f1f2f3f4f5f6f7f8f9");

  check_case (ikm, salt, info,
              "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
              "34007208d5b887185865");
}

static void
test_case2 (void)
{
  g_autoptr(GBytes) ikm = range (0x00, 0x4f);
  g_autoptr(GBytes) salt = range (0x60, 0xaf);
  g_autoptr(GBytes) info = range (0xb0, 0xff);

  check_case (ikm, salt, info,
              "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
              "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
              "cc30c58179ec3e87c14c01d5c1f3434f1d87");
}

static void
test_case3 (void)
{
  g_autoptr(GBytes) ikm = unhex ("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");

  check_case (ikm, NULL, NULL,
              "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
              "9d201395faa4b61a96c8");
}

static void
test_limits (void)
{
  guint8 ikm[4] = { 1, 2, 3, 4 };
  guint8 out[32];
  g_autofree guint8 *big = g_malloc (255 * 32 + 1);

  g_assert_false (wb_hkdf_sha256 (NULL, 0, ikm, 4, NULL, 0, out, 0));
  g_assert_true (wb_hkdf_sha256 (NULL, 0, ikm, 4, NULL, 0, big, 255 * 32));
  g_assert_false (wb_hkdf_sha256 (NULL, 0, ikm, 4, NULL, 0, big, 255 * 32 + 1));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  if (!wb_init (&error))
    g_error ("wb_init: %s", error->message);
  g_test_add_func ("/hkdf/rfc5869/case1", test_case1);
  g_test_add_func ("/hkdf/rfc5869/case2", test_case2);
  g_test_add_func ("/hkdf/rfc5869/case3", test_case3);
  g_test_add_func ("/hkdf/limits", test_limits);
  return g_test_run ();
}

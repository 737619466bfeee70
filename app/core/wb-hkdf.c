/* wb-hkdf.c — HKDF-SHA256 (RFC 5869) on libgcrypt's HMAC
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gcrypt.h>
#include <string.h>

#include "wb-hkdf.h"

/* One HMAC over up to three pieces, so expand needs no concatenation buffer that
 * would hold key material in ordinary memory. */
static gboolean
hmac3 (const guint8 *key,
       gsize         key_len,
       const guint8 *a,
       gsize         a_len,
       const guint8 *b,
       gsize         b_len,
       const guint8 *c,
       gsize         c_len,
       guint8        out[32])
{
  gcry_mac_hd_t hd;
  size_t out_len = 32;
  gboolean ok;

  if (gcry_mac_open (&hd, GCRY_MAC_HMAC_SHA256, GCRY_MAC_FLAG_SECURE, NULL) != 0)
    return FALSE;
  ok = gcry_mac_setkey (hd, key, key_len) == 0
       && (a_len == 0 || gcry_mac_write (hd, a, a_len) == 0)
       && (b_len == 0 || gcry_mac_write (hd, b, b_len) == 0)
       && (c_len == 0 || gcry_mac_write (hd, c, c_len) == 0)
       && gcry_mac_read (hd, out, &out_len) == 0
       && out_len == 32;
  gcry_mac_close (hd);
  return ok;
}

gboolean
wb_hmac_sha256 (const guint8 *key,
                gsize         key_len,
                const guint8 *data,
                gsize         data_len,
                guint8        out[32])
{
  return hmac3 (key, key_len, data, data_len, NULL, 0, NULL, 0, out);
}

gboolean
wb_hkdf_sha256 (const guint8 *salt,
                gsize         salt_len,
                const guint8 *ikm,
                gsize         ikm_len,
                const guint8 *info,
                gsize         info_len,
                guint8       *okm,
                gsize         okm_len)
{
  static const guint8 zeros[32] = { 0 };
  guint8 *prk;
  guint8 *t;
  gsize done = 0;
  gsize t_len = 0;
  guint8 counter = 0;
  gboolean ok = TRUE;

  if (okm_len == 0 || okm_len > WB_HKDF_SHA256_MAX_OUTPUT)
    return FALSE;
  if (salt == NULL || salt_len == 0)
    {
      salt = zeros;
      salt_len = sizeof zeros;
    }

  prk = gcry_malloc_secure (64);
  if (prk == NULL)
    return FALSE;
  t = prk + 32;

  /* Extract: PRK = HMAC(salt, IKM). */
  if (!hmac3 (salt, salt_len, ikm, ikm_len, NULL, 0, NULL, 0, prk))
    ok = FALSE;

  /* Expand: T(i) = HMAC(PRK, T(i-1) || info || i). */
  while (ok && done < okm_len)
    {
      gsize n;

      counter++;
      if (!hmac3 (prk, 32, t, t_len, info, info_len, &counter, 1, t))
        {
          ok = FALSE;
          break;
        }
      t_len = 32;
      n = MIN (32, okm_len - done);
      memcpy (okm + done, t, n);
      done += n;
    }

  if (!ok)
    gcry_create_nonce (okm, okm_len); /* never hand back a predictable key */
  explicit_bzero (prk, 64);
  gcry_free (prk);
  return ok;
}

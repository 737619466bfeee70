/* wb-hkdf.h — HKDF-SHA256 (RFC 5869) on libgcrypt's HMAC
 *
 * libgcrypt 1.10 has no HKDF (GCRY_KDF_HKDF arrived in 1.11), so we build it on
 * gcry_mac HMAC-SHA256. Tested with the RFC 5869 SHA-256 vectors (tests/test-hkdf.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WB_HKDF_SHA256_MAX_OUTPUT (255 * 32)

/* Extract-then-expand. @salt may be NULL (RFC 5869: a string of HashLen zeros).
 * @okm_len is at most 255 * 32. Returns FALSE only when libgcrypt fails or the
 * length is out of range; intermediate secrets live in secure memory. */
gboolean wb_hkdf_sha256 (const guint8 *salt,
                         gsize         salt_len,
                         const guint8 *ikm,
                         gsize         ikm_len,
                         const guint8 *info,
                         gsize         info_len,
                         guint8       *okm,
                         gsize         okm_len);

/* HMAC-SHA256 of one message, for the header MAC. */
gboolean wb_hmac_sha256 (const guint8 *key,
                         gsize         key_len,
                         const guint8 *data,
                         gsize         data_len,
                         guint8        out[32]);

G_END_DECLS

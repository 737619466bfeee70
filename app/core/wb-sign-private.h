/* wb-sign-private.h — insides shared by identities, CMS and PDF signing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gcrypt.h>
#include <ksba.h>

#include "wb-identity.h"

G_BEGIN_DECLS

/* One DER element: tag byte, content and the whole encoding. */
typedef struct {
  guint8        tag;
  const guint8 *value;
  gsize         len;
  const guint8 *start;
  gsize         total;
} WbDer;

/* Reads one element at *p (< end) and advances *p. Strict DER: single-byte tags,
 * definite minimal lengths, nothing past @end. */
gboolean wb_der_read (const guint8 **p, const guint8 *end, WbDer *out);
/* Like wb_der_read() but also requires @tag. */
gboolean wb_der_expect (const guint8 **p, const guint8 *end, guint8 tag, WbDer *out);

/* The issuer Name and serial INTEGER of a certificate, as DER inside @der. */
gboolean wb_certificate_get_issuer_serial (GBytes *der, WbDer *issuer, WbDer *serial);

/* The public key of a certificate as a libgcrypt S-expression. */
gcry_sexp_t wb_certificate_get_public_key (GBytes *der, GError **error);

/* gcry/ksba errors into our domain with a plain-words prefix. */
void wb_sign_set_crypto_error (GError **error, const char *what, gpg_error_t err);

G_END_DECLS

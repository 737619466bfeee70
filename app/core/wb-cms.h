/* wb-cms.h — CMS SignedData for PAdES (ETSI.CAdES.detached), strict DER
 *
 * libksba's high-level CMS builder writes indefinite-length BER and cannot add
 * signingCertificateV2, so the SignedData is built with libksba's DER builder: one
 * SignerInfo, SHA-256, the PAdES baseline B-B signed attributes (contentType,
 * messageDigest, signingCertificateV2; no signingTime: the time goes in the PDF's /M).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-identity.h"

G_BEGIN_DECLS

/* The SignedData (a ContentInfo) over content whose SHA-256 is @digest. It carries the
 * signer's certificate and, when issued by a CA, the CA's. */
GBytes  *wb_cms_sign_detached (WbIdentity *identity, const guint8 digest[32],
                               GError **error);

/* Parses @cms (strict DER; trailing zero padding allowed, as /Contents has it), checks
 * that its messageDigest is @digest and the signature over the signed attributes.
 * Returns the signer's certificate (DER) in @out_signer. */
gboolean wb_cms_verify_detached (const guint8 *cms, gsize len, const guint8 digest[32],
                                 GBytes **out_signer, GError **error);

G_END_DECLS

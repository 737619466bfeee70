/* wb-cms.c — PAdES B-B SignedData with libksba's DER builder; a strict reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wb-cms.h"
#include "wb-sign-private.h"

#define OID_SIGNED_DATA   "1.2.840.113549.1.7.2"
#define OID_DATA          "1.2.840.113549.1.7.1"
#define OID_SHA256        "2.16.840.1.101.3.4.2.1"
#define OID_CONTENT_TYPE  "1.2.840.113549.1.9.3"
#define OID_MESSAGE_DIGEST "1.2.840.113549.1.9.4"
#define OID_SIGNING_CERT_V2 "1.2.840.113549.1.9.16.2.47"
#define OID_ECDSA_SHA256  "1.2.840.10045.4.3.2"
#define OID_RSA           "1.2.840.113549.1.1.1"

/* DER of the OIDs the reader compares against (tag and length included). */
static const guint8 der_oid_signed_data[] =
  { 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02 };
static const guint8 der_oid_sha256[] =
  { 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01 };
static const guint8 der_oid_message_digest[] =
  { 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x04 };

enum { CLS_UNIVERSAL = 0, CLS_CONTEXT = 2 };
enum { TAG_INTEGER = 2, TAG_OCTET_STRING = 4, TAG_NULL = 5, TAG_SEQUENCE = 16, TAG_SET = 17 };

static GBytes *
take_der (ksba_der_t d)
{
  guint8 *obj = NULL;
  size_t len = 0;
  GBytes *out = NULL;

  if (ksba_der_builder_get (d, &obj, &len) == 0)
    {
      out = g_bytes_new (obj, len);
      ksba_free (obj);
    }
  ksba_der_release (d);
  return out;
}

static void
add_sha256_algorithm (ksba_der_t d)
{
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SEQUENCE);
  ksba_der_add_oid (d, OID_SHA256);
  ksba_der_add_end (d);
}

static GBytes *
attribute (const char   *oid,
           const guint8 *value_der,
           gsize         value_len)
{
  ksba_der_t d = ksba_der_builder_new (0);

  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SEQUENCE);
  ksba_der_add_oid (d, oid);
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SET);
  ksba_der_add_der (d, value_der, value_len);
  ksba_der_add_end (d);
  ksba_der_add_end (d);
  return take_der (d);
}

/* SigningCertificateV2 ::= SEQUENCE { SEQUENCE OF ESSCertIDv2 } with one ESSCertIDv2
 * { certHash (SHA-256, the default algorithm, so omitted), IssuerSerial }. */
static GBytes *
signing_certificate_v2 (GBytes *cert)
{
  guint8 hash[32];
  WbDer issuer, serial;
  ksba_der_t d;

  if (!wb_certificate_get_issuer_serial (cert, &issuer, &serial))
    return NULL;
  gcry_md_hash_buffer (GCRY_MD_SHA256, hash, g_bytes_get_data (cert, NULL),
                       g_bytes_get_size (cert));
  d = ksba_der_builder_new (0);
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SEQUENCE);
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SEQUENCE);
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SEQUENCE);
  ksba_der_add_val (d, CLS_UNIVERSAL, TAG_OCTET_STRING, hash, sizeof hash);
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SEQUENCE);     /* IssuerSerial */
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SEQUENCE);     /* GeneralNames */
  ksba_der_add_tag (d, CLS_CONTEXT, 4);                  /* [4] directoryName */
  ksba_der_add_der (d, issuer.start, issuer.total);
  ksba_der_add_end (d);
  ksba_der_add_end (d);
  ksba_der_add_der (d, serial.start, serial.total);
  ksba_der_add_end (d);
  ksba_der_add_end (d);
  ksba_der_add_end (d);
  ksba_der_add_end (d);
  return take_der (d);
}

/* DER orders a SET OF by the encodings, shorter ones padded with zeros (X.690 11.6). */
static gint
der_set_order (gconstpointer a,
               gconstpointer b)
{
  GBytes *x = *(GBytes **) a, *y = *(GBytes **) b;
  gsize xl, yl;
  const guint8 *xd = g_bytes_get_data (x, &xl), *yd = g_bytes_get_data (y, &yl);
  int c = memcmp (xd, yd, MIN (xl, yl));

  if (c != 0)
    return c;
  return xl < yl ? -1 : xl > yl;
}

/* The signed attributes as a SET (0x31): what the signature covers. */
static GBytes *
signed_attributes (GBytes       *cert,
                   const guint8  digest[32])
{
  static const guint8 data_oid[] =
    { 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01 };
  guint8 digest_der[34] = { 0x04, 0x20 };
  g_autoptr(GPtrArray) attrs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) scv2 = signing_certificate_v2 (cert);
  ksba_der_t d;

  if (scv2 == NULL)
    return NULL;
  memcpy (digest_der + 2, digest, 32);
  g_ptr_array_add (attrs, attribute (OID_CONTENT_TYPE, data_oid, sizeof data_oid));
  g_ptr_array_add (attrs, attribute (OID_MESSAGE_DIGEST, digest_der, sizeof digest_der));
  g_ptr_array_add (attrs, attribute (OID_SIGNING_CERT_V2, g_bytes_get_data (scv2, NULL),
                                     g_bytes_get_size (scv2)));
  for (guint i = 0; i < attrs->len; i++)
    if (attrs->pdata[i] == NULL)
      return NULL;
  g_ptr_array_sort (attrs, der_set_order);
  d = ksba_der_builder_new (0);
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SET);
  for (guint i = 0; i < attrs->len; i++)
    ksba_der_add_der (d, g_bytes_get_data (attrs->pdata[i], NULL),
                      g_bytes_get_size (attrs->pdata[i]));
  ksba_der_add_end (d);
  return take_der (d);
}

GBytes *
wb_cms_sign_detached (WbIdentity    *identity,
                      const guint8   digest[32],
                      GError       **error)
{
  GBytes *cert = wb_identity_get_certificate (identity);
  GBytes *ca = wb_identity_get_ca_certificate (identity);
  g_autoptr(GBytes) attrs = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autofree guint8 *attrs_implicit = NULL;
  guint8 attrs_digest[32];
  WbDer issuer, serial;
  gsize attrs_len;
  gboolean ecc = wb_identity_get_key_type (identity) == WB_KEY_ECDSA_P256;
  ksba_der_t d;
  GBytes *out;

  attrs = signed_attributes (cert, digest);
  if (attrs == NULL || !wb_certificate_get_issuer_serial (cert, &issuer, &serial))
    {
      wb_sign_set_crypto_error (error, _("Building the signature"),
                                gpg_error (GPG_ERR_INV_CERT_OBJ));
      return NULL;
    }
  /* The signature covers the attributes encoded as a SET; in the SignerInfo they
   * appear as [0] IMPLICIT, so only the first byte differs. */
  attrs_len = g_bytes_get_size (attrs);
  gcry_md_hash_buffer (GCRY_MD_SHA256, attrs_digest, g_bytes_get_data (attrs, NULL),
                       attrs_len);
  signature = wb_identity_sign_digest (identity, attrs_digest, error);
  if (signature == NULL)
    return NULL;
  attrs_implicit = g_memdup2 (g_bytes_get_data (attrs, NULL), attrs_len);
  attrs_implicit[0] = 0xa0;

  d = ksba_der_builder_new (0);
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SEQUENCE);           /* ContentInfo */
  ksba_der_add_oid (d, OID_SIGNED_DATA);
  ksba_der_add_tag (d, CLS_CONTEXT, 0);
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SEQUENCE);           /* SignedData */
  ksba_der_add_int (d, "\x01", 1, 0);
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SET);
  add_sha256_algorithm (d);
  ksba_der_add_end (d);
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SEQUENCE);           /* detached: no content */
  ksba_der_add_oid (d, OID_DATA);
  ksba_der_add_end (d);
  ksba_der_add_tag (d, CLS_CONTEXT, 0);                        /* certificates */
  {
    /* [0] IMPLICIT SET OF: DER order here too. */
    GBytes *certs[2] = { cert, ca };
    guint n = ca ? 2 : 1;

    if (n == 2 && der_set_order (&certs[0], &certs[1]) > 0)
      {
        certs[0] = ca;
        certs[1] = cert;
      }
    for (guint i = 0; i < n; i++)
      ksba_der_add_der (d, g_bytes_get_data (certs[i], NULL), g_bytes_get_size (certs[i]));
  }
  ksba_der_add_end (d);
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SET);                /* signerInfos */
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SEQUENCE);           /* SignerInfo */
  ksba_der_add_int (d, "\x01", 1, 0);
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SEQUENCE);           /* IssuerAndSerialNumber */
  ksba_der_add_der (d, issuer.start, issuer.total);
  ksba_der_add_der (d, serial.start, serial.total);
  ksba_der_add_end (d);
  add_sha256_algorithm (d);
  ksba_der_add_der (d, attrs_implicit, attrs_len);
  ksba_der_add_tag (d, CLS_UNIVERSAL, TAG_SEQUENCE);
  if (ecc)
    ksba_der_add_oid (d, OID_ECDSA_SHA256);
  else
    {
      ksba_der_add_oid (d, OID_RSA);
      ksba_der_add_ptr (d, CLS_UNIVERSAL, TAG_NULL, NULL, 0);
    }
  ksba_der_add_end (d);
  ksba_der_add_val (d, CLS_UNIVERSAL, TAG_OCTET_STRING, g_bytes_get_data (signature, NULL),
                    g_bytes_get_size (signature));
  ksba_der_add_end (d);
  ksba_der_add_end (d);
  ksba_der_add_end (d);
  ksba_der_add_end (d);
  ksba_der_add_end (d);
  out = take_der (d);
  if (out == NULL)
    wb_sign_set_crypto_error (error, _("Building the signature"), gpg_error (GPG_ERR_ENOMEM));
  return out;
}

/* --- Reading ------------------------------------------------------------------ */

#define MALFORMED(what) \
  G_STMT_START { \
    g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID, \
                 _("The signature data is malformed (%s)."), what); \
    return FALSE; \
  } G_STMT_END

static gboolean
der_equal (const WbDer  *der,
           const guint8 *want,
           gsize         len)
{
  return der->total == len && memcmp (der->start, want, len) == 0;
}

/* An AlgorithmIdentifier for SHA-256, with or without NULL parameters. */
static gboolean
is_sha256_algorithm (const WbDer *alg)
{
  const guint8 *p = alg->value, *end = alg->value + alg->len;
  WbDer oid, params;

  if (!wb_der_expect (&p, end, 0x06, &oid) || !der_equal (&oid, der_oid_sha256,
                                                          sizeof der_oid_sha256))
    return FALSE;
  if (p == end)
    return TRUE;
  return wb_der_expect (&p, end, 0x05, &params) && params.len == 0 && p == end;
}

static gboolean
find_message_digest (const WbDer  *attrs,
                     WbDer        *out)
{
  const guint8 *p = attrs->value, *end = attrs->value + attrs->len;
  gboolean found = FALSE;

  while (p < end)
    {
      WbDer attr, oid, set, value;
      const guint8 *q;

      if (!wb_der_expect (&p, end, 0x30, &attr))
        return FALSE;
      q = attr.value;
      if (!wb_der_expect (&q, attr.value + attr.len, 0x06, &oid)
          || !wb_der_expect (&q, attr.value + attr.len, 0x31, &set))
        return FALSE;
      if (!der_equal (&oid, der_oid_message_digest, sizeof der_oid_message_digest))
        continue;
      q = set.value;
      /* Exactly one messageDigest with exactly one value. */
      if (found || !wb_der_expect (&q, set.value + set.len, 0x04, &value)
          || q != set.value + set.len)
        return FALSE;
      *out = value;
      found = TRUE;
    }
  return found;
}

static GBytes *
find_certificate (const WbDer *certs,
                  const WbDer *issuer,
                  const WbDer *serial)
{
  const guint8 *p = certs->value, *end = certs->value + certs->len;

  while (p < end)
    {
      WbDer cert, ci, cs;
      g_autoptr(GBytes) bytes = NULL;

      if (!wb_der_expect (&p, end, 0x30, &cert))
        return NULL;
      bytes = g_bytes_new (cert.start, cert.total);
      if (wb_certificate_get_issuer_serial (bytes, &ci, &cs)
          && ci.total == issuer->total && memcmp (ci.start, issuer->start, ci.total) == 0
          && cs.total == serial->total && memcmp (cs.start, serial->start, cs.total) == 0)
        return g_steal_pointer (&bytes);
    }
  return NULL;
}

gboolean
wb_cms_verify_detached (const guint8  *cms,
                        gsize          len,
                        const guint8   digest[32],
                        GBytes       **out_signer,
                        GError       **error)
{
  const guint8 *p = cms, *end = cms + len;
  WbDer ci, oid, explicit0, sd, version, algs, encap, certs, infos, info;
  WbDer sid, issuer, serial, dalg, attrs, salg, sig, md;
  g_autoptr(GBytes) signer = NULL;
  g_autofree guint8 *attrs_set = NULL;
  guint8 attrs_digest[32];

  if (!wb_der_expect (&p, end, 0x30, &ci))
    MALFORMED ("ContentInfo");
  /* /Contents is zero-padded to its reserved size: nothing else may follow. */
  for (const guint8 *z = p; z < end; z++)
    if (*z != 0)
      MALFORMED ("trailing data");
  p = ci.value;
  end = ci.value + ci.len;
  if (!wb_der_expect (&p, end, 0x06, &oid)
      || !der_equal (&oid, der_oid_signed_data, sizeof der_oid_signed_data))
    MALFORMED ("not SignedData");
  if (!wb_der_expect (&p, end, 0xa0, &explicit0) || p != end)
    MALFORMED ("content");
  p = explicit0.value;
  if (!wb_der_expect (&p, explicit0.value + explicit0.len, 0x30, &sd))
    MALFORMED ("SignedData");
  p = sd.value;
  end = sd.value + sd.len;
  if (!wb_der_expect (&p, end, 0x02, &version) || !wb_der_expect (&p, end, 0x31, &algs)
      || !wb_der_expect (&p, end, 0x30, &encap))
    MALFORMED ("SignedData");
  if (!wb_der_expect (&p, end, 0xa0, &certs))
    MALFORMED ("no certificates");
  {
    WbDer crls;

    wb_der_expect (&p, end, 0xa1, &crls);
  }
  if (!wb_der_expect (&p, end, 0x31, &infos) || p != end)
    MALFORMED ("signerInfos");
  p = infos.value;
  if (!wb_der_expect (&p, infos.value + infos.len, 0x30, &info))
    MALFORMED ("SignerInfo");
  if (p != infos.value + infos.len)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNSUPPORTED,
                   _("The signature holds more than one signer."));
      return FALSE;
    }
  p = info.value;
  end = info.value + info.len;
  if (!wb_der_expect (&p, end, 0x02, &version) || !wb_der_expect (&p, end, 0x30, &sid))
    MALFORMED ("signer");
  {
    const guint8 *q = sid.value;

    if (!wb_der_expect (&q, sid.value + sid.len, 0x30, &issuer)
        || !wb_der_expect (&q, sid.value + sid.len, 0x02, &serial)
        || q != sid.value + sid.len)
      MALFORMED ("signer");
  }
  if (!wb_der_expect (&p, end, 0x30, &dalg) || !wb_der_expect (&p, end, 0xa0, &attrs)
      || !wb_der_expect (&p, end, 0x30, &salg) || !wb_der_expect (&p, end, 0x04, &sig))
    MALFORMED ("SignerInfo");
  if (!is_sha256_algorithm (&dalg))
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNSUPPORTED,
                   _("The signature uses a digest other than SHA-256."));
      return FALSE;
    }
  if (!find_message_digest (&attrs, &md) || md.len != 32)
    MALFORMED ("messageDigest");
  if (memcmp (md.value, digest, 32) != 0)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_BAD_SIGNATURE,
                   _("The document's digest does not match the signed digest: the signed "
                     "part was changed."));
      return FALSE;
    }
  signer = find_certificate (&certs, &issuer, &serial);
  if (signer == NULL)
    MALFORMED ("signer's certificate missing");
  attrs_set = g_memdup2 (attrs.start, attrs.total);
  attrs_set[0] = 0x31;
  gcry_md_hash_buffer (GCRY_MD_SHA256, attrs_digest, attrs_set, attrs.total);
  if (!wb_certificate_verify_digest (signer, attrs_digest, sig.value, sig.len, error))
    return FALSE;
  if (out_signer != NULL)
    *out_signer = g_steal_pointer (&signer);
  return TRUE;
}

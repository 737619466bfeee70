/* wb-identity.c — certificates with libksba, keys with libgcrypt, sealed on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#endif

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wb-identity.h"
#include "wb-sign-private.h"
#include "wb-util-private.h"
#include "wb-vault-private.h"

#define OID_ECDSA_SHA256 "1.2.840.10045.4.3.2"
#define OID_RSA_SHA256   "1.2.840.113549.1.1.11"
#define OID_BASIC_CONSTRAINTS "2.5.29.19"
#define OID_KEY_USAGE    "2.5.29.15"
#define OID_SUBJECT_KEY_ID "2.5.29.14"
#define OID_AUTHORITY_KEY_ID "2.5.29.35"

#define IDENTITY_FORMAT  "werkbank-identity"
#define IDENTITY_VERSION 1
#define IDENTITY_FILE_MAX (256 * 1024)
#define SEALED_MAGIC     "WBK1"
#define SEALED_KEY_MAX   (16 * 1024)
#define NAME_MAX_LEN     128

struct _WbIdentity {
  GObject        parent_instance;
  WbIdentityRole role;
  WbKeyType      key_type;
  char          *name;
  GBytes        *certificate;
  GBytes        *ca_certificate;
  gcry_sexp_t    private_key; /* parsed from secure memory, so held in secure memory */
  WbX25519Key   *x25519;
};

G_DEFINE_TYPE (WbIdentity, wb_identity, G_TYPE_OBJECT)

G_DEFINE_QUARK (wb-sign-error-quark, wb_sign_error)

static const char *role_ids[] = { "ca", "team", "teacher" };

const char *
wb_identity_role_to_id (WbIdentityRole role)
{
  g_return_val_if_fail (role <= WB_IDENTITY_TEACHER, NULL);
  return role_ids[role];
}

gboolean
wb_identity_role_from_id (const char     *id,
                          WbIdentityRole *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_ids); i++)
    if (g_strcmp0 (id, role_ids[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static void
wb_identity_finalize (GObject *object)
{
  WbIdentity *self = WB_IDENTITY (object);

  g_free (self->name);
  g_clear_pointer (&self->certificate, g_bytes_unref);
  g_clear_pointer (&self->ca_certificate, g_bytes_unref);
  gcry_sexp_release (self->private_key);
  g_clear_pointer (&self->x25519, wb_x25519_key_free);
  G_OBJECT_CLASS (wb_identity_parent_class)->finalize (object);
}

static void
wb_identity_class_init (WbIdentityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wb_identity_finalize;
}

static void
wb_identity_init (WbIdentity *self)
{
}

void
wb_sign_set_crypto_error (GError     **error,
                          const char  *what,
                          gpg_error_t  err)
{
  g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_CRYPTO, _("%s failed: %s"), what,
               gpg_strerror (err));
}

/* --- DER reading ------------------------------------------------------------- */

gboolean
wb_der_read (const guint8 **p,
             const guint8  *end,
             WbDer         *out)
{
  const guint8 *s = *p;
  gsize len = 0;

  if (s >= end || end - s < 2)
    return FALSE;
  out->start = s;
  out->tag = *s++;
  if ((out->tag & 0x1f) == 0x1f) /* multi-byte tags: nothing we read uses them */
    return FALSE;
  if (*s < 0x80)
    len = *s++;
  else
    {
      guint n = *s++ & 0x7f;

      /* 0x80 is BER's indefinite length; DER needs the fewest bytes. */
      if (n == 0 || n > 4 || (gsize) (end - s) < n || *s == 0)
        return FALSE;
      for (guint i = 0; i < n; i++)
        len = (len << 8) | *s++;
      if (len < 0x80)
        return FALSE;
    }
  if ((gsize) (end - s) < len)
    return FALSE;
  out->value = s;
  out->len = len;
  out->total = (s - out->start) + len;
  *p = s + len;
  return TRUE;
}

gboolean
wb_der_expect (const guint8 **p,
               const guint8  *end,
               guint8         tag,
               WbDer         *out)
{
  const guint8 *save = *p;

  if (!wb_der_read (p, end, out) || out->tag != tag)
    {
      *p = save;
      return FALSE;
    }
  return TRUE;
}

gboolean
wb_certificate_get_issuer_serial (GBytes *der,
                                  WbDer  *issuer,
                                  WbDer  *serial)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (der, &len);
  const guint8 *p = data, *end = data + len;
  WbDer cert, tbs, skip;

  if (!wb_der_expect (&p, end, 0x30, &cert))
    return FALSE;
  p = cert.value;
  if (!wb_der_expect (&p, cert.value + cert.len, 0x30, &tbs))
    return FALSE;
  p = tbs.value;
  end = tbs.value + tbs.len;
  wb_der_expect (&p, end, 0xa0, &skip); /* version, optional */
  return wb_der_expect (&p, end, 0x02, serial)
         && wb_der_expect (&p, end, 0x30, &skip) /* signature algorithm */
         && wb_der_expect (&p, end, 0x30, issuer);
}

/* --- Certificates ------------------------------------------------------------ */

/* libksba 1.6 (Debian 12) leaks the parse tree it built when ksba_cert_init_from_mem()
 * fails on malformed DER, even after ksba_cert_release() (reproduced with libksba alone;
 * only hostile or damaged signatures get there). Under LeakSanitizer the allocations made
 * inside this one call are not leak-checked; libksba has no frame pointers, so a
 * suppression by name cannot see this frame. A leaked certificate object (made by
 * ksba_cert_new, outside) is still reported. */
static gpg_error_t
wb_ksba_cert_init_from_mem (ksba_cert_t   cert,
                            const guint8 *data,
                            gsize         len)
{
  gpg_error_t err;

#ifdef __SANITIZE_ADDRESS__
  __lsan_disable ();
#endif
  err = ksba_cert_init_from_mem (cert, data, len);
#ifdef __SANITIZE_ADDRESS__
  __lsan_enable ();
#endif
  return err;
}

static ksba_cert_t
parse_cert (GBytes  *der,
            GError **error)
{
  ksba_cert_t cert = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (der, &len);
  gpg_error_t err;

  err = ksba_cert_new (&cert);
  if (err == 0)
    err = wb_ksba_cert_init_from_mem (cert, data, len);
  if (err == 0)
    {
      /* libksba accepts some DER that is no certificate at all: insist on the parts
       * every use here needs. */
      char *subject = ksba_cert_get_subject (cert, 0);
      char *issuer = ksba_cert_get_issuer (cert, 0);
      ksba_sexp_t key = ksba_cert_get_public_key (cert);
      WbDer is, sn;

      if (subject == NULL || issuer == NULL || key == NULL
          || !wb_certificate_get_issuer_serial (der, &is, &sn))
        err = gpg_error (GPG_ERR_INV_CERT_OBJ);
      ksba_free (subject);
      ksba_free (issuer);
      ksba_free (key);
    }
  if (err != 0)
    {
      ksba_cert_release (cert);
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("The certificate is malformed (%s)."), gpg_strerror (err));
      return NULL;
    }
  return cert;
}

GBytes *
wb_certificate_from_data (const guint8 *data,
                          gsize         len,
                          GError      **error)
{
  g_autoptr(GBytes) der = NULL;
  ksba_cert_t cert;
  const guint8 *p = data;
  WbDer outer;

  /* Exactly one DER certificate and nothing after it. */
  if (!wb_der_expect (&p, data + len, 0x30, &outer) || outer.total != len)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("This is not a certificate in DER or PEM form."));
      return NULL;
    }
  der = g_bytes_new (data, len);
  cert = parse_cert (der, error);
  if (cert == NULL)
    return NULL;
  ksba_cert_release (cert);
  return g_steal_pointer (&der);
}

#define PEM_BEGIN "-----BEGIN CERTIFICATE-----"
#define PEM_END   "-----END CERTIFICATE-----"

GBytes *
wb_certificate_load (const char  *path,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len;
  const char *begin, *end;
  g_autofree char *b64 = NULL;
  g_autofree guint8 *der = NULL;
  g_autofree char *again = NULL;
  gsize der_len;
  GError *local = NULL;

  if (!g_file_get_contents (path, &contents, &len, &local))
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_IO, "%s", local->message);
      g_error_free (local);
      return NULL;
    }
  if (len > IDENTITY_FILE_MAX)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("%s is too large to be a certificate."), path);
      return NULL;
    }
  begin = g_strstr_len (contents, len, PEM_BEGIN);
  if (begin == NULL)
    return wb_certificate_from_data ((const guint8 *) contents, len, error);
  begin += strlen (PEM_BEGIN);
  end = g_strstr_len (begin, len - (begin - contents), PEM_END);
  if (end == NULL)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("The PEM certificate in %s has no end line."), path);
      return NULL;
    }
  b64 = g_strndup (begin, end - begin);
  g_strdelimit (b64, "\r\n\t ", ' ');
  {
    /* g_base64_decode skips junk silently; a strict reader re-encodes and compares. */
    g_auto(GStrv) parts = g_strsplit (b64, " ", -1);
    g_autofree char *squeezed = g_strjoinv ("", parts);

    der = g_base64_decode (squeezed, &der_len);
    again = g_base64_encode (der, der_len);
    if (der_len == 0 || g_strcmp0 (again, squeezed) != 0)
      {
        g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                     _("The PEM certificate in %s is not valid base64."), path);
        return NULL;
      }
  }
  return wb_certificate_from_data (der, der_len, error);
}

char *
wb_certificate_to_pem (GBytes *der)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (der, &len);
  g_autofree char *b64 = g_base64_encode (data, len);
  GString *out = g_string_new (PEM_BEGIN "\n");
  gsize n = strlen (b64);

  for (gsize i = 0; i < n; i += 64)
    {
      g_string_append_len (out, b64 + i, MIN (64, n - i));
      g_string_append_c (out, '\n');
    }
  g_string_append (out, PEM_END "\n");
  return g_string_free (out, FALSE);
}

char *
wb_certificate_fingerprint (GBytes *der)
{
  guint8 digest[32];
  gsize len;
  const guint8 *data = g_bytes_get_data (der, &len);
  GString *out = g_string_new (NULL);

  gcry_md_hash_buffer (GCRY_MD_SHA256, digest, data, len);
  for (guint i = 0; i < 32; i++)
    g_string_append_printf (out, "%02x", digest[i]);
  return g_string_free (out, FALSE);
}

static char *
cn_from_dn (const char *dn)
{
  /* libksba gives RFC 2253 text ("CN=Jan,O=School"); escapes are kept as written. */
  const char *p = dn;

  while (p != NULL && *p != '\0')
    {
      if (g_str_has_prefix (p, "CN="))
        {
          GString *out = g_string_new (NULL);

          for (p += 3; *p != '\0' && *p != ','; p++)
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              g_string_append_c (out, *p);
            }
          return g_string_free (out, FALSE);
        }
      p = strchr (p, ',');
      if (p != NULL)
        p++;
    }
  return g_strdup (dn);
}

char *
wb_certificate_get_subject_name (GBytes *der)
{
  ksba_cert_t cert = parse_cert (der, NULL);
  char *dn, *name;

  if (cert == NULL)
    return g_strdup ("?");
  dn = ksba_cert_get_subject (cert, 0);
  name = dn != NULL && g_utf8_validate (dn, -1, NULL) ? cn_from_dn (dn) : g_strdup ("?");
  ksba_free (dn);
  ksba_cert_release (cert);
  return name;
}

gcry_sexp_t
wb_certificate_get_public_key (GBytes  *der,
                               GError **error)
{
  ksba_cert_t cert = parse_cert (der, error);
  ksba_sexp_t key;
  gcry_sexp_t sexp = NULL;
  gpg_error_t err;

  if (cert == NULL)
    return NULL;
  key = ksba_cert_get_public_key (cert);
  ksba_cert_release (cert);
  if (key == NULL)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("The certificate's public key cannot be read."));
      return NULL;
    }
  err = gcry_sexp_new (&sexp, key, gcry_sexp_canon_len (key, 0, NULL, NULL), 1);
  ksba_free (key);
  if (err != 0)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("The certificate's public key cannot be read."));
      return NULL;
    }
  return sexp;
}

static gboolean
key_is_ecc (gcry_sexp_t key)
{
  gcry_sexp_t ecc = gcry_sexp_find_token (key, "ecc", 0);
  gboolean is_ecc = ecc != NULL;

  gcry_sexp_release (ecc);
  return is_ecc;
}

/* Strips the sign byte libgcrypt may put in front of an unsigned integer. */
static const guint8 *
strip_zeros (const guint8 *p,
             gsize        *len)
{
  while (*len > 1 && *p == 0)
    {
      p++;
      (*len)--;
    }
  return p;
}

static gboolean
check_signature (gcry_sexp_t   key,
                 const guint8  digest[32],
                 const guint8 *signature,
                 gsize         len,
                 GError      **error)
{
  gcry_sexp_t data = NULL, sig = NULL;
  gpg_error_t err;

  if (key_is_ecc (key))
    {
      const guint8 *p = signature, *end = signature + len;
      WbDer seq, r, s;
      const guint8 *rv, *sv;
      gsize rl, sl;

      if (!wb_der_expect (&p, end, 0x30, &seq) || p != end)
        goto malformed;
      p = seq.value;
      if (!wb_der_expect (&p, seq.value + seq.len, 0x02, &r)
          || !wb_der_expect (&p, seq.value + seq.len, 0x02, &s)
          || p != seq.value + seq.len)
        goto malformed;
      rl = r.len;
      sl = s.len;
      rv = strip_zeros (r.value, &rl);
      sv = strip_zeros (s.value, &sl);
      err = gcry_sexp_build (&sig, NULL, "(sig-val(ecdsa(r%b)(s%b)))", (int) rl, rv,
                             (int) sl, sv);
      if (err == 0)
        err = gcry_sexp_build (&data, NULL, "(data(flags raw)(value %b))", 32, digest);
    }
  else
    {
      err = gcry_sexp_build (&sig, NULL, "(sig-val(rsa(s%b)))", (int) len, signature);
      if (err == 0)
        err = gcry_sexp_build (&data, NULL, "(data(flags pkcs1)(hash sha256 %b))", 32,
                               digest);
    }
  if (err == 0)
    err = gcry_pk_verify (sig, data, key);
  gcry_sexp_release (sig);
  gcry_sexp_release (data);
  if (err != 0)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_BAD_SIGNATURE,
                   _("The signature does not match."));
      return FALSE;
    }
  return TRUE;

malformed:
  g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
               _("The signature value is malformed."));
  return FALSE;
}

gboolean
wb_certificate_verify_digest (GBytes       *der,
                              const guint8  digest[32],
                              const guint8 *signature,
                              gsize         signature_len,
                              GError      **error)
{
  gcry_sexp_t key = wb_certificate_get_public_key (der, error);
  gboolean ok;

  if (key == NULL)
    return FALSE;
  ok = check_signature (key, digest, signature, signature_len, error);
  gcry_sexp_release (key);
  return ok;
}

static void
unix_to_isotime (gint64          when,
                 ksba_isotime_t  out)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (when);
  g_autofree char *s = g_date_time_format (dt, "%Y%m%dT%H%M%S");

  g_strlcpy (out, s, sizeof (ksba_isotime_t));
}

static gboolean
check_validity (ksba_cert_t  cert,
                gint64       now,
                GError     **error)
{
  ksba_isotime_t not_before, not_after, current;

  unix_to_isotime (now, current);
  if (ksba_cert_get_validity (cert, 0, not_before) != 0
      || ksba_cert_get_validity (cert, 1, not_after) != 0)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("The certificate's validity period cannot be read."));
      return FALSE;
    }
  if ((*not_before && strcmp (current, not_before) < 0)
      || (*not_after && strcmp (current, not_after) > 0))
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNTRUSTED,
                   _("The certificate is not valid at this time."));
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  gcry_md_hd_t md;
} HashArg;

static void
hash_cb (void       *arg,
         const void *data,
         size_t      len)
{
  gcry_md_write (((HashArg *) arg)->md, data, len);
}

static gboolean
cert_signed_by (ksba_cert_t  cert,
                GBytes      *ca_der,
                GError     **error)
{
  const char *algo = ksba_cert_get_digest_algo (cert);
  ksba_sexp_t sigval = NULL;
  gcry_sexp_t sig = NULL, key = NULL, data = NULL;
  HashArg arg = { NULL };
  gpg_error_t err;
  gboolean ok = FALSE;

  if (g_strcmp0 (algo, OID_ECDSA_SHA256) != 0 && g_strcmp0 (algo, OID_RSA_SHA256) != 0)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNSUPPORTED,
                   _("The certificate is signed with an algorithm Werkbank does not "
                     "check (%s)."), algo ? algo : "?");
      return FALSE;
    }
  key = wb_certificate_get_public_key (ca_der, error);
  if (key == NULL)
    return FALSE;
  err = gcry_md_open (&arg.md, GCRY_MD_SHA256, 0);
  if (err == 0)
    err = ksba_cert_hash (cert, 1, hash_cb, &arg);
  if (err == 0)
    {
      sigval = ksba_cert_get_sig_val (cert);
      if (sigval == NULL)
        err = gpg_error (GPG_ERR_BAD_SIGNATURE);
    }
  if (err == 0)
    err = gcry_sexp_new (&sig, sigval, gcry_sexp_canon_len (sigval, 0, NULL, NULL), 1);
  if (err == 0)
    err = gcry_sexp_build (&data, NULL,
                           key_is_ecc (key) ? "(data(flags raw)(value %b))"
                                            : "(data(flags pkcs1)(hash sha256 %b))",
                           32, gcry_md_read (arg.md, GCRY_MD_SHA256));
  if (err == 0)
    err = gcry_pk_verify (sig, data, key);
  if (err == 0)
    ok = TRUE;
  else
    g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNTRUSTED,
                 _("The certificate was not issued by this CA."));
  gcry_md_close (arg.md);
  ksba_free (sigval);
  gcry_sexp_release (sig);
  gcry_sexp_release (data);
  gcry_sexp_release (key);
  return ok;
}

gboolean
wb_certificate_check_issued_by (GBytes  *der,
                                GBytes  *ca,
                                gint64   now,
                                GError **error)
{
  ksba_cert_t cert = NULL, ca_cert = NULL;
  char *issuer = NULL, *subject = NULL;
  int is_ca = 0, pathlen = -1;
  gboolean ok = FALSE;

  cert = parse_cert (der, error);
  if (cert == NULL)
    return FALSE;
  ca_cert = parse_cert (ca, error);
  if (ca_cert == NULL)
    goto out;
  if (!check_validity (cert, now, error) || !check_validity (ca_cert, now, error))
    goto out;
  if (g_bytes_equal (der, ca))
    {
      ok = TRUE;
      goto out;
    }
  issuer = ksba_cert_get_issuer (cert, 0);
  subject = ksba_cert_get_subject (ca_cert, 0);
  if (issuer == NULL || subject == NULL || strcmp (issuer, subject) != 0)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNTRUSTED,
                   _("The certificate was not issued by this CA."));
      goto out;
    }
  if (ksba_cert_is_ca (ca_cert, &is_ca, &pathlen) != 0 || !is_ca)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNTRUSTED,
                   _("The given CA certificate may not issue certificates (no CA:TRUE)."));
      goto out;
    }
  ok = cert_signed_by (cert, ca, error);

out:
  ksba_free (issuer);
  ksba_free (subject);
  ksba_cert_release (cert);
  ksba_cert_release (ca_cert);
  return ok;
}

/* --- Making keys and certificates --------------------------------------------- */

static gcry_sexp_t
generate_key (WbKeyType    type,
              gcry_sexp_t *out_public,
              GError     **error)
{
  gcry_sexp_t params = NULL, pair = NULL, priv;
  gpg_error_t err;

  /* Never Ed25519: Debian 12's pdfsig/NSS cannot verify it (design.md §8). */
  err = gcry_sexp_build (&params, NULL, type == WB_KEY_RSA_3072
                                        ? "(genkey(rsa(nbits 4:3072)))"
                                        : "(genkey(ecc(curve nistp256)))");
  if (err == 0)
    err = gcry_pk_genkey (&pair, params);
  gcry_sexp_release (params);
  if (err != 0)
    {
      wb_sign_set_crypto_error (error, _("Making a key"), err);
      return NULL;
    }
  priv = gcry_sexp_find_token (pair, "private-key", 0);
  *out_public = gcry_sexp_find_token (pair, "public-key", 0);
  gcry_sexp_release (pair);
  return priv;
}

static guint8 *
sexp_to_canon (gcry_sexp_t  sexp,
               gsize       *len,
               gboolean     secure)
{
  gsize n = gcry_sexp_sprint (sexp, GCRYSEXP_FMT_CANON, NULL, 0);
  guint8 *buf = secure ? wb_secure_alloc (n) : g_malloc (n);

  *len = gcry_sexp_sprint (sexp, GCRYSEXP_FMT_CANON, (char *) buf, n);
  return buf;
}

/* Raw signature numbers for @digest: ECDSA r and s, or RSA s padded to the modulus. */
static gboolean
sign_raw (gcry_sexp_t    key,
          const guint8   digest[32],
          GBytes       **out_r,
          GBytes       **out_s,
          GError       **error)
{
  gcry_sexp_t data = NULL, sig = NULL;
  gboolean ecc = key_is_ecc (key);
  gpg_error_t err;

  /* RFC 6979 nonces: a bad random source cannot leak an ECDSA key. */
  err = gcry_sexp_build (&data, NULL, ecc ? "(data(flags rfc6979)(hash sha256 %b))"
                                          : "(data(flags pkcs1)(hash sha256 %b))",
                         32, digest);
  if (err == 0)
    err = gcry_pk_sign (&sig, data, key);
  gcry_sexp_release (data);
  if (err != 0)
    {
      wb_sign_set_crypto_error (error, _("Signing"), err);
      return FALSE;
    }
  for (guint i = 0; i < (ecc ? 2u : 1u); i++)
    {
      const char *name = ecc ? (i == 0 ? "r" : "s") : "s";
      gcry_sexp_t tok = gcry_sexp_find_token (sig, name, 0);
      gsize len = 0;
      const guint8 *v = tok ? (const guint8 *) gcry_sexp_nth_data (tok, 1, &len) : NULL;
      GBytes *value;

      if (v == NULL || len == 0)
        {
          gcry_sexp_release (tok);
          gcry_sexp_release (sig);
          wb_sign_set_crypto_error (error, _("Signing"), gpg_error (GPG_ERR_BAD_SIGNATURE));
          return FALSE;
        }
      v = strip_zeros (v, &len);
      if (!ecc)
        {
          /* libgcrypt drops leading zero bytes of an RSA signature; PKCS #1 wants
           * exactly the modulus length (design.md §8). */
          gsize mod = (gcry_pk_get_nbits (key) + 7) / 8;
          guint8 *padded = g_malloc0 (MAX (mod, len));

          memcpy (padded + MAX (mod, len) - len, v, len);
          value = g_bytes_new_take (padded, MAX (mod, len));
        }
      else
        value = g_bytes_new (v, len);
      if (i == 0)
        *(ecc ? out_r : out_s) = value;
      else
        *out_s = value;
      gcry_sexp_release (tok);
    }
  gcry_sexp_release (sig);
  return TRUE;
}

static GBytes *
der_from_builder (ksba_der_t d)
{
  guint8 *obj = NULL;
  size_t len = 0;
  GBytes *out;

  if (ksba_der_builder_get (d, &obj, &len) != 0)
    return NULL;
  out = g_bytes_new (obj, len);
  ksba_free (obj);
  return out;
}

GBytes *
wb_identity_sign_digest (WbIdentity   *self,
                         const guint8  digest[32],
                         GError      **error)
{
  g_autoptr(GBytes) r = NULL;
  g_autoptr(GBytes) s = NULL;
  ksba_der_t d;
  GBytes *out;
  gsize rl, sl;
  const guint8 *rv, *sv;

  g_return_val_if_fail (WB_IS_IDENTITY (self), NULL);
  if (!sign_raw (self->private_key, digest, &r, &s, error))
    return NULL;
  if (r == NULL)
    return g_steal_pointer (&s);
  rv = g_bytes_get_data (r, &rl);
  sv = g_bytes_get_data (s, &sl);
  d = ksba_der_builder_new (0);
  ksba_der_add_tag (d, 0, 0x10); /* SEQUENCE */
  ksba_der_add_int (d, rv, rl, 1);
  ksba_der_add_int (d, sv, sl, 1);
  ksba_der_add_end (d);
  out = der_from_builder (d);
  ksba_der_release (d);
  if (out == NULL)
    wb_sign_set_crypto_error (error, _("Signing"), gpg_error (GPG_ERR_ENOMEM));
  return out;
}

/* RFC 2253 escaping for the few characters a DN string gives meaning to. */
static char *
dn_escape (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    {
      if (strchr (",+\"\\<>;=#", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (name == NULL || *name == '\0' || strlen (name) > NAME_MAX_LEN
      || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("A name must be 1 to %d bytes of text."), NAME_MAX_LEN);
      return FALSE;
    }
  for (const char *p = name; *p; p++)
    if ((guchar) *p < 0x20)
      {
        g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                     _("A name may not hold control characters."));
        return FALSE;
      }
  return TRUE;
}

static GBytes *
key_id (gcry_sexp_t pub)
{
  /* RFC 5280 method 1 in spirit: SHA-1 over the public key value. */
  guint8 sha1[20];
  gcry_sexp_t q = gcry_sexp_find_token (pub, "q", 0);
  gcry_sexp_t n = q ? NULL : gcry_sexp_find_token (pub, "n", 0);
  gsize len = 0;
  const char *v = gcry_sexp_nth_data (q ? q : n, 1, &len);

  gcry_md_hash_buffer (GCRY_MD_SHA1, sha1, v, v ? len : 0);
  gcry_sexp_release (q);
  gcry_sexp_release (n);
  return g_bytes_new (sha1, sizeof sha1);
}

typedef struct {
  const char  *subject;
  const char  *issuer;       /* NULL: self-signed */
  gboolean     is_ca;
  guint        valid_days;
  gcry_sexp_t  subject_pub;
  gcry_sexp_t  signer_key;
  GBytes      *subject_key_id;
  GBytes      *authority_key_id;
} CertSpec;

static void
add_extensions (ksba_certreq_t  cr,
                const CertSpec *spec)
{
  ksba_der_t d;
  g_autoptr(GBytes) ski = NULL;
  g_autoptr(GBytes) aki = NULL;
  gsize len;
  const guint8 *v;

  if (spec->is_ca)
    {
      ksba_certreq_add_extension (cr, OID_BASIC_CONSTRAINTS, 1, "\x30\x03\x01\x01\xff", 5);
      /* keyCertSign | cRLSign */
      ksba_certreq_add_extension (cr, OID_KEY_USAGE, 1, "\x03\x02\x01\x06", 4);
    }
  else
    {
      ksba_certreq_add_extension (cr, OID_BASIC_CONSTRAINTS, 1, "\x30\x00", 2);
      /* digitalSignature | nonRepudiation */
      ksba_certreq_add_extension (cr, OID_KEY_USAGE, 1, "\x03\x02\x06\xc0", 4);
    }
  d = ksba_der_builder_new (0);
  v = g_bytes_get_data (spec->subject_key_id, &len);
  ksba_der_add_val (d, 0, 4, v, len);
  ski = der_from_builder (d);
  ksba_der_builder_reset (d);
  v = g_bytes_get_data (spec->authority_key_id, &len);
  ksba_der_add_tag (d, 0, 0x10);
  ksba_der_add_val (d, 2 /* context */, 0, v, len);
  ksba_der_add_end (d);
  aki = der_from_builder (d);
  ksba_der_release (d);
  if (ski != NULL)
    {
      v = g_bytes_get_data (ski, &len);
      ksba_certreq_add_extension (cr, OID_SUBJECT_KEY_ID, 0, v, len);
    }
  if (aki != NULL)
    {
      v = g_bytes_get_data (aki, &len);
      ksba_certreq_add_extension (cr, OID_AUTHORITY_KEY_ID, 0, v, len);
    }
}

/* libksba's certificate mode takes the signature as (sig-val(<oid>(r..)(s..))). */
static guint8 *
sig_val_for_ksba (gcry_sexp_t   key,
                  const guint8  digest[32],
                  GError      **error)
{
  g_autoptr(GBytes) r = NULL;
  g_autoptr(GBytes) s = NULL;
  gcry_sexp_t sexp = NULL;
  gpg_error_t err;
  guint8 *canon;
  gsize len;

  if (!sign_raw (key, digest, &r, &s, error))
    return NULL;
  if (r != NULL)
    err = gcry_sexp_build (&sexp, NULL, "(sig-val(%s(r%b)(s%b)))", OID_ECDSA_SHA256,
                           (int) g_bytes_get_size (r), g_bytes_get_data (r, NULL),
                           (int) g_bytes_get_size (s), g_bytes_get_data (s, NULL));
  else
    {
      /* libksba drops one leading zero byte of the value; give it one to drop so a
       * short RSA signature keeps the modulus length. */
      const guint8 *sv = g_bytes_get_data (s, &len);
      g_autofree guint8 *buf = g_malloc (len + 1);
      gsize off = sv[0] == 0 ? 1 : 0;

      buf[0] = 0;
      memcpy (buf + off, sv, len);
      err = gcry_sexp_build (&sexp, NULL, "(sig-val(%s(s%b)))", OID_RSA_SHA256,
                             (int) (len + off), buf);
    }
  if (err != 0)
    {
      wb_sign_set_crypto_error (error, _("Signing the certificate"), err);
      return NULL;
    }
  canon = sexp_to_canon (sexp, &len, FALSE);
  gcry_sexp_release (sexp);
  return canon;
}

static GBytes *
build_certificate (const CertSpec *spec,
                   GError        **error)
{
  ksba_certreq_t cr = NULL;
  ksba_writer_t writer = NULL;
  ksba_stop_reason_t reason = 0;
  HashArg arg = { NULL };
  guint8 serial[16];
  char serial_sexp[4 + sizeof serial + 1];
  ksba_isotime_t not_before, not_after;
  g_autofree guint8 *pub = NULL;
  gsize pub_len;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean ecc = key_is_ecc (spec->signer_key);
  gpg_error_t err;
  GBytes *out = NULL;

  /* A random positive 128-bit serial: no registry needed to keep them unique. */
  gcry_randomize (serial, sizeof serial, GCRY_STRONG_RANDOM);
  serial[0] = (serial[0] & 0x7f) | 0x40;
  memcpy (serial_sexp, "(16:", 4);
  memcpy (serial_sexp + 4, serial, sizeof serial);
  serial_sexp[4 + sizeof serial] = ')';
  unix_to_isotime (now - 3600, not_before); /* an hour of slack for clock skew */
  unix_to_isotime (now + (gint64) spec->valid_days * 86400, not_after);
  pub = sexp_to_canon (spec->subject_pub, &pub_len, FALSE);

  err = ksba_certreq_new (&cr);
  if (err == 0)
    err = ksba_writer_new (&writer);
  if (err == 0)
    err = ksba_writer_set_mem (writer, 4096);
  if (err == 0)
    err = ksba_certreq_set_writer (cr, writer);
  if (err == 0)
    err = ksba_certreq_set_serial (cr, (const guint8 *) serial_sexp);
  if (err == 0)
    err = ksba_certreq_add_subject (cr, spec->subject);
  if (err == 0 && spec->issuer != NULL)
    err = ksba_certreq_set_issuer (cr, spec->issuer);
  if (err == 0)
    err = ksba_certreq_set_public_key (cr, pub);
  if (err == 0)
    err = ksba_certreq_set_validity (cr, 0, not_before);
  if (err == 0)
    err = ksba_certreq_set_validity (cr, 1, not_after);
  if (err == 0)
    {
      /* The algorithm inside the to-be-signed part; the values are placeholders. */
      gcry_sexp_t info = NULL;
      g_autofree guint8 *canon = NULL;
      gsize len;

      err = gcry_sexp_build (&info, NULL, ecc ? "(sig-val(%s(r%b)(s%b)))"
                                              : "(sig-val(%s(s%b)))",
                             ecc ? OID_ECDSA_SHA256 : OID_RSA_SHA256, 1, "", 1, "");
      if (err == 0)
        {
          canon = sexp_to_canon (info, &len, FALSE);
          err = ksba_certreq_set_siginfo (cr, canon);
        }
      gcry_sexp_release (info);
    }
  if (err == 0)
    {
      add_extensions (cr, spec);
      err = gcry_md_open (&arg.md, GCRY_MD_SHA256, 0);
    }
  if (err == 0)
    ksba_certreq_set_hash_function (cr, hash_cb, &arg);
  while (err == 0 && reason != KSBA_SR_READY)
    {
      err = ksba_certreq_build (cr, &reason);
      if (err == 0 && reason == KSBA_SR_NEED_SIG)
        {
          g_autofree guint8 *sigval = sig_val_for_ksba (spec->signer_key,
                                                        gcry_md_read (arg.md, 0), error);

          if (sigval == NULL)
            goto out;
          err = ksba_certreq_set_sig_val (cr, sigval);
        }
    }
  if (err == 0)
    {
      size_t len;
      guint8 *der = ksba_writer_snatch_mem (writer, &len);

      if (der != NULL)
        {
          out = wb_certificate_from_data (der, len, error);
          ksba_free (der);
          goto out;
        }
      err = gpg_error (GPG_ERR_ENOMEM);
    }
  wb_sign_set_crypto_error (error, _("Making the certificate"), err);

out:
  gcry_md_close (arg.md);
  ksba_certreq_release (cr);
  ksba_writer_release (writer);
  return out;
}

static char *
make_dn (const char *name,
         const char *organization)
{
  g_autofree char *cn = dn_escape (name);
  g_autofree char *o = organization && *organization ? dn_escape (organization) : NULL;

  return o ? g_strdup_printf ("CN=%s,O=%s", cn, o) : g_strdup_printf ("CN=%s", cn);
}

static WbIdentity *
identity_new (const char      *name,
              const char      *organization,
              WbIdentityRole   role,
              WbKeyType        type,
              guint            valid_days,
              WbIdentity      *ca,
              GError         **error)
{
  g_autoptr(WbIdentity) self = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *issuer = NULL;
  gcry_sexp_t pub = NULL, priv;
  CertSpec spec = { 0 };

  if (!check_name (name, error)
      || (organization != NULL && *organization && !check_name (organization, error)))
    return NULL;
  if (valid_days == 0 || valid_days > 36500)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("A certificate is valid for 1 to 36500 days."));
      return NULL;
    }
  priv = generate_key (type, &pub, error);
  if (priv == NULL)
    return NULL;
  self = g_object_new (WB_TYPE_IDENTITY, NULL);
  self->role = role;
  self->key_type = type;
  self->name = g_strdup (name);
  self->private_key = priv;
  subject = make_dn (name, organization);
  spec.subject = subject;
  spec.is_ca = role == WB_IDENTITY_CA;
  spec.valid_days = valid_days;
  spec.subject_pub = pub;
  spec.subject_key_id = key_id (pub);
  if (ca != NULL)
    {
      ksba_cert_t ca_cert = parse_cert (ca->certificate, error);
      gcry_sexp_t ca_pub;

      if (ca_cert == NULL)
        goto fail;
      {
        char *dn = ksba_cert_get_subject (ca_cert, 0);

        issuer = g_strdup (dn);
        ksba_free (dn);
      }
      ksba_cert_release (ca_cert);
      ca_pub = wb_certificate_get_public_key (ca->certificate, error);
      if (ca_pub == NULL || issuer == NULL)
        goto fail;
      spec.authority_key_id = key_id (ca_pub);
      gcry_sexp_release (ca_pub);
      spec.issuer = issuer;
      spec.signer_key = ca->private_key;
      self->ca_certificate = g_bytes_ref (ca->certificate);
    }
  else
    {
      spec.authority_key_id = g_bytes_ref (spec.subject_key_id);
      spec.signer_key = priv;
    }
  self->certificate = build_certificate (&spec, error);
  if (self->certificate == NULL)
    goto fail;
  if (role == WB_IDENTITY_TEACHER)
    {
      self->x25519 = wb_x25519_key_generate (error);
      if (self->x25519 == NULL)
        goto fail;
    }
  gcry_sexp_release (pub);
  g_bytes_unref (spec.subject_key_id);
  g_bytes_unref (spec.authority_key_id);
  return g_steal_pointer (&self);

fail:
  gcry_sexp_release (pub);
  g_clear_pointer (&spec.subject_key_id, g_bytes_unref);
  g_clear_pointer (&spec.authority_key_id, g_bytes_unref);
  return NULL;
}

WbIdentity *
wb_identity_new_ca (const char  *name,
                    const char  *organization,
                    WbKeyType    type,
                    guint        valid_days,
                    GError     **error)
{
  return identity_new (name, organization, WB_IDENTITY_CA, type, valid_days, NULL, error);
}

WbIdentity *
wb_identity_new_self_signed (const char      *name,
                             const char      *organization,
                             WbIdentityRole   role,
                             WbKeyType        type,
                             guint            valid_days,
                             GError         **error)
{
  return identity_new (name, organization, role, type, valid_days, NULL, error);
}

WbIdentity *
wb_identity_issue (WbIdentity      *ca,
                   const char      *name,
                   WbIdentityRole   role,
                   WbKeyType        type,
                   guint            valid_days,
                   GError         **error)
{
  g_return_val_if_fail (WB_IS_IDENTITY (ca), NULL);
  if (ca->role != WB_IDENTITY_CA || role == WB_IDENTITY_CA)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("Only a school CA issues certificates, and only for a team or a "
                     "teacher."));
      return NULL;
    }
  return identity_new (name, NULL, role, type, valid_days, ca, error);
}

WbIdentityRole
wb_identity_get_role (WbIdentity *self)
{
  g_return_val_if_fail (WB_IS_IDENTITY (self), WB_IDENTITY_TEAM);
  return self->role;
}

const char *
wb_identity_get_name (WbIdentity *self)
{
  g_return_val_if_fail (WB_IS_IDENTITY (self), NULL);
  return self->name;
}

WbKeyType
wb_identity_get_key_type (WbIdentity *self)
{
  g_return_val_if_fail (WB_IS_IDENTITY (self), WB_KEY_ECDSA_P256);
  return self->key_type;
}

GBytes *
wb_identity_get_certificate (WbIdentity *self)
{
  g_return_val_if_fail (WB_IS_IDENTITY (self), NULL);
  return self->certificate;
}

GBytes *
wb_identity_get_ca_certificate (WbIdentity *self)
{
  g_return_val_if_fail (WB_IS_IDENTITY (self), NULL);
  return self->ca_certificate;
}

WbX25519Key *
wb_identity_get_x25519_key (WbIdentity *self)
{
  g_return_val_if_fail (WB_IS_IDENTITY (self), NULL);
  return self->x25519;
}

/* --- The identity file ---------------------------------------------------------- */

/* Binds everything public in the file to the sealed key: swapping the certificate,
 * role or name makes the tag fail. */
static void
identity_ad (const char *role,
             const char *name,
             GBytes     *cert,
             GBytes     *ca_cert,
             const char *x25519_public,
             guint8      out[32])
{
  gcry_md_hd_t md;
  const char *parts[] = { "werkbank identity v1", role, name, x25519_public ? x25519_public : "" };

  gcry_md_open (&md, GCRY_MD_SHA256, 0);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    gcry_md_write (md, parts[i], strlen (parts[i]) + 1);
  gcry_md_write (md, g_bytes_get_data (cert, NULL), g_bytes_get_size (cert));
  if (ca_cert != NULL)
    gcry_md_write (md, g_bytes_get_data (ca_cert, NULL), g_bytes_get_size (ca_cert));
  memcpy (out, gcry_md_read (md, 0), 32);
  gcry_md_close (md);
}

static char *
b64 (GBytes *bytes)
{
  return g_base64_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

gboolean
wb_identity_save (WbIdentity        *self,
                  const char        *path,
                  const char        *passphrase,
                  const WbKdfParams *params,
                  GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cert_b64 = b64 (self->certificate);
  g_autofree char *ca_b64 = self->ca_certificate ? b64 (self->ca_certificate) : NULL;
  g_autofree char *x_pub = NULL;
  guint8 salt[32], nonce[12], ad[32], tag[16];
  guint8 *kek = NULL, *plain = NULL, *sexp = NULL;
  g_autofree guint8 *cipher = NULL;
  g_autofree char *salt_b64 = NULL, *nonce_b64 = NULL, *sealed_b64 = NULL;
  gsize sexp_len, plain_len;
  gboolean ok = FALSE;
  int fd;

  g_return_val_if_fail (WB_IS_IDENTITY (self), FALSE);
  if (passphrase == NULL || *passphrase == '\0')
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("An identity file needs a passphrase."));
      return FALSE;
    }
  if (self->x25519 != NULL)
    x_pub = wb_x25519_public_to_string (wb_x25519_key_get_public (self->x25519));
  gcry_randomize (salt, sizeof salt, GCRY_STRONG_RANDOM);
  gcry_create_nonce (nonce, sizeof nonce);
  identity_ad (role_ids[self->role], self->name, self->certificate, self->ca_certificate,
               x_pub, ad);

  /* Plaintext (secure memory): magic, x25519 flag, [32-byte scalar], canonical key. */
  sexp = sexp_to_canon (self->private_key, &sexp_len, TRUE);
  plain_len = 4 + 1 + (self->x25519 ? 32 : 0) + sexp_len;
  plain = wb_secure_alloc (plain_len);
  memcpy (plain, SEALED_MAGIC, 4);
  plain[4] = self->x25519 != NULL;
  if (self->x25519 != NULL)
    memcpy (plain + 5, wb_x25519_key_get_private (self->x25519), 32);
  memcpy (plain + 5 + (self->x25519 ? 32 : 0), sexp, sexp_len);
  cipher = g_malloc (plain_len + 16);
  kek = wb_secure_alloc (WB_KEY_LEN);
  if (!wb_vault_argon2id (passphrase, salt, params, kek, error))
    goto out;
  if (!wb_vault_gcm_seal (kek, nonce, ad, sizeof ad, plain, cipher, plain_len, tag))
    {
      wb_sign_set_crypto_error (error, _("Sealing the key"), gpg_error (GPG_ERR_GENERAL));
      goto out;
    }
  memcpy (cipher + plain_len, tag, 16);
  salt_b64 = g_base64_encode (salt, sizeof salt);
  nonce_b64 = g_base64_encode (nonce, sizeof nonce);
  sealed_b64 = g_base64_encode (cipher, plain_len + 16);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, IDENTITY_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, IDENTITY_VERSION);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, role_ids[self->role]);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "certificate");
  json_builder_add_string_value (builder, cert_b64);
  if (ca_b64 != NULL)
    {
      json_builder_set_member_name (builder, "ca-certificate");
      json_builder_add_string_value (builder, ca_b64);
    }
  if (x_pub != NULL)
    {
      json_builder_set_member_name (builder, "x25519-public");
      json_builder_add_string_value (builder, x_pub);
    }
  json_builder_set_member_name (builder, "kdf-t");
  json_builder_add_int_value (builder, params->t_cost);
  json_builder_set_member_name (builder, "kdf-m");
  json_builder_add_int_value (builder, params->m_cost_kib);
  json_builder_set_member_name (builder, "kdf-p");
  json_builder_add_int_value (builder, params->parallelism);
  json_builder_set_member_name (builder, "salt");
  json_builder_add_string_value (builder, salt_b64);
  json_builder_set_member_name (builder, "nonce");
  json_builder_add_string_value (builder, nonce_b64);
  json_builder_set_member_name (builder, "sealed-key");
  json_builder_add_string_value (builder, sealed_b64);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_IO, _("Cannot write %s: %s"), path,
                   g_strerror (saved));
      goto out;
    }
  {
    gsize len = strlen (text), done = 0;

    while (done < len)
      {
        ssize_t n = write (fd, text + done, len - done);

        if (n < 0 && errno == EINTR)
          continue;
        if (n <= 0)
          break;
        done += n;
      }
    if (done != len || fsync (fd) != 0)
      {
        int saved = errno;

        close (fd);
        g_unlink (path);
        g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_IO, _("Cannot write %s: %s"),
                     path, g_strerror (saved));
        goto out;
      }
    close (fd);
  }
  ok = TRUE;

out:
  wb_secure_free (kek, WB_KEY_LEN);
  wb_secure_free (plain, plain_len);
  wb_secure_free (sexp, sexp_len);
  return ok;
}

/* Base64 that decodes to exactly @want bytes (0: any up to @max) and re-encodes to the
 * same text: g_base64_decode alone skips junk silently. */
static GBytes *
strict_b64 (const char  *text,
            gsize        want,
            gsize        max,
            const char  *member,
            GError     **error)
{
  gsize len = 0;
  guint8 *data = text && *text ? g_base64_decode (text, &len) : NULL;
  g_autofree char *again = data ? g_base64_encode (data, len) : NULL;

  if (data == NULL || g_strcmp0 (again, text) != 0 || (want && len != want)
      || len == 0 || len > max)
    {
      g_free (data);
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("The identity file's “%s” is malformed."), member);
      return NULL;
    }
  return g_bytes_new_take (data, len);
}

static const char * const identity_members[] = {
  "format", "version", "role", "name", "certificate", "ca-certificate", "x25519-public",
  "kdf-t", "kdf-m", "kdf-p", "salt", "nonce", "sealed-key", NULL
};

static gboolean
unseal_key (WbIdentity   *self,
            const guint8 *plain,
            gsize         len,
            const char   *x_pub,
            GError      **error)
{
  gboolean has_x = len > 4 && plain[4] == 1;
  gsize off = 5 + (has_x ? 32 : 0);
  gcry_sexp_t key = NULL, pub = NULL;
  guint8 probe[32] = { 1 };
  g_autoptr(GBytes) sig = NULL;

  if (len <= off || memcmp (plain, SEALED_MAGIC, 4) != 0 || plain[4] > 1
      || (has_x != (x_pub != NULL)) || gcry_sexp_canon_len (plain + off, len - off, NULL, NULL) != len - off
      || gcry_sexp_new (&key, plain + off, len - off, 0) != 0)
    goto malformed;
  pub = gcry_sexp_find_token (key, "private-key", 0);
  if (pub == NULL)
    goto malformed;
  gcry_sexp_release (pub);
  self->private_key = key;
  self->key_type = key_is_ecc (key) ? WB_KEY_ECDSA_P256 : WB_KEY_RSA_3072;
  if (has_x)
    {
      guint8 want[32];

      self->x25519 = wb_x25519_key_new_from_private (plain + 5, error);
      if (self->x25519 == NULL
          || !wb_x25519_public_from_string (x_pub, want, error))
        return FALSE;
      if (memcmp (want, wb_x25519_key_get_public (self->x25519), 32) != 0)
        goto malformed;
    }
  /* The key must belong to the certificate: sign a probe and check it. */
  sig = wb_identity_sign_digest (self, probe, NULL);
  if (sig == NULL
      || !wb_certificate_verify_digest (self->certificate, probe,
                                        g_bytes_get_data (sig, NULL),
                                        g_bytes_get_size (sig), NULL))
    goto malformed;
  return TRUE;

malformed:
  g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
               _("The identity file's key is malformed or does not belong to its "
                 "certificate."));
  return FALSE;
}

WbIdentity *
wb_identity_load (const char  *path,
                  const char  *passphrase,
                  GError     **error)
{
  g_autofree char *text = NULL;
  gsize len;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj;
  g_autofree char *format = NULL, *role = NULL, *name = NULL, *cert = NULL;
  g_autofree char *ca = NULL, *x_pub = NULL, *salt_s = NULL, *nonce_s = NULL;
  g_autofree char *sealed_s = NULL;
  gint64 version = 0, t = 0, m = 0, p = 0;
  g_autoptr(GBytes) salt = NULL, nonce = NULL, sealed = NULL;
  g_autoptr(WbIdentity) self = NULL;
  WbKdfParams params;
  guint8 ad[32];
  guint8 *kek = NULL, *plain = NULL;
  gsize plain_len = 0;
  GError *local = NULL;
  gboolean ok;

  if (!g_file_get_contents (path, &text, &len, &local))
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_IO, "%s", local->message);
      g_error_free (local);
      return NULL;
    }
  if (len > IDENTITY_FILE_MAX || !json_parser_load_from_data (parser, text, len, NULL))
    goto not_identity;
  obj = wb_json_get_object (json_parser_get_root (parser), "identity", NULL);
  if (obj == NULL
      || !wb_json_get_string (obj, "identity", "format", TRUE, &format, NULL)
      || g_strcmp0 (format, IDENTITY_FORMAT) != 0)
    goto not_identity;
  if (!wb_json_check_members (obj, "identity", identity_members, error)
      || !wb_json_get_int (obj, "identity", "version", TRUE, &version, error)
      || !wb_json_get_string (obj, "identity", "role", TRUE, &role, error)
      || !wb_json_get_string (obj, "identity", "name", TRUE, &name, error)
      || !wb_json_get_string (obj, "identity", "certificate", TRUE, &cert, error)
      || !wb_json_get_string (obj, "identity", "ca-certificate", FALSE, &ca, error)
      || !wb_json_get_string (obj, "identity", "x25519-public", FALSE, &x_pub, error)
      || !wb_json_get_int (obj, "identity", "kdf-t", TRUE, &t, error)
      || !wb_json_get_int (obj, "identity", "kdf-m", TRUE, &m, error)
      || !wb_json_get_int (obj, "identity", "kdf-p", TRUE, &p, error)
      || !wb_json_get_string (obj, "identity", "salt", TRUE, &salt_s, error)
      || !wb_json_get_string (obj, "identity", "nonce", TRUE, &nonce_s, error)
      || !wb_json_get_string (obj, "identity", "sealed-key", TRUE, &sealed_s, error))
    return NULL;
  if (version != IDENTITY_VERSION)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNSUPPORTED,
                   _("The identity file was made by a newer Werkbank (version %d)."),
                   (int) CLAMP (version, G_MININT, G_MAXINT));
      return NULL;
    }
  self = g_object_new (WB_TYPE_IDENTITY, NULL);
  if (!wb_identity_role_from_id (role, &self->role) || !check_name (name, error))
    {
      g_clear_error (error);
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("The identity file's role or name is malformed."));
      return NULL;
    }
  self->name = g_strdup (name);
  /* Bounded before Argon2 sees them (vault-notes trap 1). */
  params.t_cost = CLAMP (t, 0, G_MAXUINT32);
  params.m_cost_kib = CLAMP (m, 0, G_MAXUINT32);
  params.parallelism = CLAMP (p, 0, G_MAXUINT32);
  if (t != params.t_cost || m != params.m_cost_kib || p != params.parallelism
      || !wb_vault_kdf_params_valid (&params))
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("The identity file's key derivation settings are out of range."));
      return NULL;
    }
  {
    g_autoptr(GBytes) cert_raw = strict_b64 (cert, 0, IDENTITY_FILE_MAX, "certificate", error);
    g_autoptr(GBytes) ca_raw = NULL;

    if (cert_raw == NULL)
      return NULL;
    self->certificate = wb_certificate_from_data (g_bytes_get_data (cert_raw, NULL),
                                                  g_bytes_get_size (cert_raw), error);
    if (self->certificate == NULL)
      return NULL;
    if (ca != NULL)
      {
        ca_raw = strict_b64 (ca, 0, IDENTITY_FILE_MAX, "ca-certificate", error);
        if (ca_raw == NULL)
          return NULL;
        self->ca_certificate = wb_certificate_from_data (g_bytes_get_data (ca_raw, NULL),
                                                         g_bytes_get_size (ca_raw), error);
        if (self->ca_certificate == NULL)
          return NULL;
      }
  }
  salt = strict_b64 (salt_s, 32, 32, "salt", error);
  nonce = salt ? strict_b64 (nonce_s, 12, 12, "nonce", error) : NULL;
  sealed = nonce ? strict_b64 (sealed_s, 0, SEALED_KEY_MAX, "sealed-key", error) : NULL;
  if (sealed == NULL)
    return NULL;
  if (g_bytes_get_size (sealed) <= 16 + 5)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("The identity file's “%s” is malformed."), "sealed-key");
      return NULL;
    }
  identity_ad (role, name, self->certificate, self->ca_certificate, x_pub, ad);
  plain_len = g_bytes_get_size (sealed) - 16;
  plain = wb_secure_alloc (plain_len);
  kek = wb_secure_alloc (WB_KEY_LEN);
  ok = wb_vault_argon2id (passphrase ? passphrase : "", g_bytes_get_data (salt, NULL),
                          &params, kek, error);
  if (ok)
    {
      const guint8 *c = g_bytes_get_data (sealed, NULL);

      /* The tag length is our constant 16, never the file's (vault-notes trap 2). */
      ok = wb_vault_gcm_open (kek, g_bytes_get_data (nonce, NULL), ad, sizeof ad, c,
                              plain, plain_len, c + plain_len);
      if (!ok)
        g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_WRONG_PASSPHRASE,
                     _("Wrong passphrase for the identity file %s (or the file was "
                       "changed)."), path);
    }
  if (ok)
    ok = unseal_key (self, plain, plain_len, x_pub, error);
  wb_secure_free (kek, WB_KEY_LEN);
  wb_secure_free (plain, plain_len);
  return ok ? g_steal_pointer (&self) : NULL;

not_identity:
  g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
               _("%s is not a Werkbank identity file."), path);
  return NULL;
}

gboolean
wb_identity_read_certificates (const char  *path,
                               GBytes     **out_certificate,
                               GBytes     **out_ca_certificate,
                               GError     **error)
{
  g_autofree char *text = NULL;
  gsize len;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj;
  g_autofree char *format = NULL, *cert = NULL, *ca = NULL;
  g_autoptr(GBytes) cert_raw = NULL;
  g_autoptr(GBytes) ca_raw = NULL;
  GError *local = NULL;

  if (!g_file_get_contents (path, &text, &len, &local))
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_IO, "%s", local->message);
      g_error_free (local);
      return FALSE;
    }
  if (len > IDENTITY_FILE_MAX || !json_parser_load_from_data (parser, text, len, NULL)
      || (obj = wb_json_get_object (json_parser_get_root (parser), "identity", NULL)) == NULL
      || !wb_json_get_string (obj, "identity", "format", TRUE, &format, NULL)
      || g_strcmp0 (format, IDENTITY_FORMAT) != 0)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("%s is not a Werkbank identity file."), path);
      return FALSE;
    }
  if (!wb_json_get_string (obj, "identity", "certificate", TRUE, &cert, error)
      || !wb_json_get_string (obj, "identity", "ca-certificate", FALSE, &ca, error))
    return FALSE;
  cert_raw = strict_b64 (cert, 0, IDENTITY_FILE_MAX, "certificate", error);
  if (cert_raw == NULL)
    return FALSE;
  if (ca != NULL && (ca_raw = strict_b64 (ca, 0, IDENTITY_FILE_MAX, "ca-certificate", error)) == NULL)
    return FALSE;
  *out_certificate = wb_certificate_from_data (g_bytes_get_data (cert_raw, NULL),
                                               g_bytes_get_size (cert_raw), error);
  if (*out_certificate == NULL)
    return FALSE;
  *out_ca_certificate = NULL;
  if (ca_raw != NULL)
    {
      *out_ca_certificate = wb_certificate_from_data (g_bytes_get_data (ca_raw, NULL),
                                                      g_bytes_get_size (ca_raw), error);
      if (*out_ca_certificate == NULL)
        {
          g_clear_pointer (out_certificate, g_bytes_unref);
          return FALSE;
        }
    }
  return TRUE;
}

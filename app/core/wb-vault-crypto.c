/* wb-vault-crypto.c — KDF parameters, Argon2id, X25519, AES-GCM and the key file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gcrypt.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wb-vault-private.h"

#define KEY_FILE_HEADER "werkbank-x25519-key-v1\n"
#define KEY_FILE_MAX    1024

struct _WbX25519Key {
  guint8 *private_key; /* 32 bytes, secure memory */
  guint8  public_key[32];
};

void *
wb_secure_alloc (gsize size)
{
  return gcry_calloc_secure (1, size);
}

void
wb_secure_free (void *p,
                gsize size)
{
  if (p == NULL)
    return;
  explicit_bzero (p, size);
  gcry_free (p);
}

/* --- KDF parameters ----------------------------------------------------------- */

void
wb_kdf_params_fast (WbKdfParams *params)
{
  g_return_if_fail (params != NULL);
  params->t_cost = 1;
  params->m_cost_kib = WB_KDF_M_MIN_KIB;
  params->parallelism = 1;
}

void
wb_kdf_params_default (WbKdfParams *params)
{
  g_return_if_fail (params != NULL);
  /* Tests and the demo must not spend half a second per unlock. */
  if (g_strcmp0 (g_getenv ("WERKBANK_FAST_KDF"), "1") == 0)
    {
      wb_kdf_params_fast (params);
      return;
    }
  params->t_cost = 3;
  params->m_cost_kib = 64 * 1024;
  params->parallelism = 1;
}

gboolean
wb_vault_kdf_params_valid (const WbKdfParams *params)
{
  return params->t_cost >= WB_KDF_T_MIN && params->t_cost <= WB_KDF_T_MAX
         && params->m_cost_kib >= WB_KDF_M_MIN_KIB && params->m_cost_kib <= WB_KDF_M_MAX_KIB
         && params->parallelism >= WB_KDF_P_MIN && params->parallelism <= WB_KDF_P_MAX;
}

gboolean
wb_vault_argon2id (const char        *passphrase,
                   const guint8       salt[32],
                   const WbKdfParams *params,
                   guint8            *kek,
                   GError           **error)
{
  gcry_kdf_hd_t hd;
  unsigned long p[4];
  gcry_error_t err;

  /* libgcrypt 1.10.1 overflows on m >= 4 GiB and crashes: never pass unchecked values,
   * and the file's values reach this point only through this check. */
  if (!wb_vault_kdf_params_valid (params))
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_INVALID,
                   _("The key derivation settings are out of range."));
      return FALSE;
    }

  p[0] = WB_KEY_LEN;
  p[1] = params->t_cost;
  p[2] = params->m_cost_kib;
  p[3] = params->parallelism;
  err = gcry_kdf_open (&hd, GCRY_KDF_ARGON2, GCRY_KDF_ARGON2ID, p, 4,
                       passphrase, strlen (passphrase), salt, 32, NULL, 0, NULL, 0);
  if (err == 0)
    {
      err = gcry_kdf_compute (hd, NULL);
      if (err == 0)
        err = gcry_kdf_final (hd, WB_KEY_LEN, kek);
      gcry_kdf_close (hd);
    }
  if (err != 0)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM,
                   _("Deriving the key from the passphrase failed (out of memory?)."));
      return FALSE;
    }
  return TRUE;
}

/* --- X25519 ------------------------------------------------------------------- */

gboolean
wb_vault_x25519 (guint8        out[32],
                 const guint8 *scalar,
                 const guint8 *point)
{
  static const guint8 zeros[32] = { 0 };
  static const guint8 base[32] = { 9 };
  guint8 acc = 0;
  guint i;

  if (gcry_ecc_mul_point (GCRY_ECC_CURVE25519, out, scalar, point ? point : base) != 0)
    return FALSE;
  /* A low-order point gives an all-zero secret without an error (vault-notes trap 3). */
  for (i = 0; i < 32; i++)
    acc |= out[i] ^ zeros[i];
  return acc != 0;
}

WbX25519Key *
wb_x25519_key_new_from_private (const guint8  private_key[32],
                                GError      **error)
{
  WbX25519Key *key = g_new0 (WbX25519Key, 1);

  key->private_key = wb_secure_alloc (32);
  if (key->private_key == NULL)
    {
      g_free (key);
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM,
                   _("No protected memory left for the key."));
      return NULL;
    }
  memcpy (key->private_key, private_key, 32);
  if (!wb_vault_x25519 (key->public_key, key->private_key, NULL))
    {
      wb_x25519_key_free (key);
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_INVALID,
                   _("The key is not a valid X25519 key."));
      return NULL;
    }
  return key;
}

WbX25519Key *
wb_x25519_key_generate (GError **error)
{
  guint8 *priv = wb_secure_alloc (32);
  WbX25519Key *key;

  if (priv == NULL)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM,
                   _("No protected memory left for the key."));
      return NULL;
    }
  gcry_randomize (priv, 32, GCRY_VERY_STRONG_RANDOM);
  key = wb_x25519_key_new_from_private (priv, error);
  wb_secure_free (priv, 32);
  return key;
}

const guint8 *
wb_x25519_key_get_public (WbX25519Key *key)
{
  g_return_val_if_fail (key != NULL, NULL);
  return key->public_key;
}

const guint8 *
wb_x25519_key_get_private (WbX25519Key *key)
{
  g_return_val_if_fail (key != NULL, NULL);
  return key->private_key;
}

void
wb_x25519_key_free (WbX25519Key *key)
{
  if (key == NULL)
    return;
  wb_secure_free (key->private_key, 32);
  g_free (key);
}

char *
wb_x25519_key_fingerprint (const guint8 public_key[32])
{
  guint8 digest[32];
  GString *s = g_string_new (NULL);
  guint i;

  gcry_md_hash_buffer (GCRY_MD_SHA256, digest, public_key, 32);
  for (i = 0; i < 8; i++)
    g_string_append_printf (s, "%02x", digest[i]);
  return g_string_free (s, FALSE);
}

/* Base64 of exactly 32 bytes (44 characters with one '='), written into a caller's
 * buffer so a private key never passes through ordinary heap memory. */
static const char b64[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void
b64_encode32 (const guint8 in[32],
              char         out[45])
{
  guint i, o = 0;

  for (i = 0; i < 30; i += 3)
    {
      guint32 v = ((guint32) in[i] << 16) | ((guint32) in[i + 1] << 8) | in[i + 2];
      out[o++] = b64[(v >> 18) & 63];
      out[o++] = b64[(v >> 12) & 63];
      out[o++] = b64[(v >> 6) & 63];
      out[o++] = b64[v & 63];
    }
  {
    guint32 v = ((guint32) in[30] << 16) | ((guint32) in[31] << 8);
    out[o++] = b64[(v >> 18) & 63];
    out[o++] = b64[(v >> 12) & 63];
    out[o++] = b64[(v >> 6) & 63];
    out[o++] = '=';
  }
  out[o] = '\0';
}

static int
b64_value (char c)
{
  const char *p;

  if (c == '\0')
    return -1;
  p = strchr (b64, c);
  return p ? (int) (p - b64) : -1;
}

static gboolean
b64_decode32 (const char *in,
              gsize       len,
              guint8      out[32])
{
  guint i, o = 0;
  guint32 v = 0;

  if (len != 44 || in[43] != '=')
    return FALSE;
  for (i = 0; i < 43; i++)
    {
      int d = b64_value (in[i]);
      if (d < 0)
        return FALSE;
      v = (v << 6) | (guint32) d;
      if (i % 4 == 3)
        {
          out[o++] = (v >> 16) & 0xff;
          out[o++] = (v >> 8) & 0xff;
          out[o++] = v & 0xff;
          v = 0;
        }
    }
  /* 43 characters: the last group holds 18 bits, of which 16 are data; the two
   * padding bits must be zero so one key has one spelling. */
  if ((v & 3) != 0)
    return FALSE;
  out[o++] = (v >> 10) & 0xff;
  out[o++] = (v >> 2) & 0xff;
  return o == 32;
}

char *
wb_x25519_public_to_string (const guint8 public_key[32])
{
  char out[45];

  b64_encode32 (public_key, out);
  return g_strdup (out);
}

gboolean
wb_x25519_public_from_string (const char  *text,
                              guint8       public_key[32],
                              GError     **error)
{
  g_autofree char *copy = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  copy = g_strstrip (g_strdup (text));
  if (!b64_decode32 (copy, strlen (copy), public_key))
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_INVALID,
                   _("This is not a Werkbank public key."));
      return FALSE;
    }
  return TRUE;
}

/* Key file format (docs/vault-format.md §6):
 *   werkbank-x25519-key-v1\n
 *   private: <base64 of 32 bytes>\n
 *   public: <base64 of 32 bytes>\n
 */
static gboolean
parse_key_line (const char *line,
                gsize       line_len,
                const char *prefix,
                guint8      out[32])
{
  gsize plen = strlen (prefix);

  if (line_len < plen || memcmp (line, prefix, plen) != 0)
    return FALSE;
  return b64_decode32 (line + plen, line_len - plen, out);
}

static gboolean
read_all (int     fd,
          char   *buf,
          gsize   max,
          gsize  *out_len)
{
  gsize total = 0;

  while (total < max)
    {
      ssize_t n = read (fd, buf + total, max - total);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      total += (gsize) n;
    }
  *out_len = total;
  return TRUE;
}

WbX25519Key *
wb_x25519_key_load (const char  *path,
                    GError     **error)
{
  char *buf = NULL;
  guint8 *priv = NULL;
  guint8 pub[32];
  gsize len = 0;
  const char *line2, *line3, *end2, *end3;
  WbX25519Key *key = NULL;
  int fd;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_IO,
                   _("Could not open the key file: %s"), g_strerror (saved));
      return NULL;
    }
  buf = wb_secure_alloc (KEY_FILE_MAX + 1);
  priv = wb_secure_alloc (32);
  if (buf == NULL || priv == NULL)
    {
      close (fd);
      wb_secure_free (buf, KEY_FILE_MAX + 1);
      wb_secure_free (priv, 32);
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM,
                   _("No protected memory left for the key."));
      return NULL;
    }
  ok = read_all (fd, buf, KEY_FILE_MAX, &len);
  close (fd);

  ok = ok && len < KEY_FILE_MAX && len > strlen (KEY_FILE_HEADER)
       && memcmp (buf, KEY_FILE_HEADER, strlen (KEY_FILE_HEADER)) == 0;
  if (ok)
    {
      line2 = buf + strlen (KEY_FILE_HEADER);
      end2 = memchr (line2, '\n', len - (gsize) (line2 - buf));
      ok = end2 != NULL;
      if (ok)
        {
          line3 = end2 + 1;
          end3 = memchr (line3, '\n', len - (gsize) (line3 - buf));
          ok = end3 != NULL
               && parse_key_line (line2, (gsize) (end2 - line2), "private: ", priv)
               && parse_key_line (line3, (gsize) (end3 - line3), "public: ", pub);
        }
    }
  if (ok)
    {
      key = wb_x25519_key_new_from_private (priv, NULL);
      ok = key != NULL && memcmp (key->public_key, pub, 32) == 0;
    }
  wb_secure_free (buf, KEY_FILE_MAX + 1);
  wb_secure_free (priv, 32);
  if (!ok)
    {
      g_clear_pointer (&key, wb_x25519_key_free);
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_INVALID,
                   _("This is not a valid Werkbank key file."));
      return NULL;
    }
  return key;
}

gboolean
wb_x25519_key_save (WbX25519Key  *key,
                    const char   *path,
                    GError      **error)
{
  char *buf;
  gsize len, done = 0;
  int fd;
  int saved = 0;

  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  buf = wb_secure_alloc (KEY_FILE_MAX);
  if (buf == NULL)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM,
                   _("No protected memory left for the key."));
      return FALSE;
    }
  strcpy (buf, KEY_FILE_HEADER "private: ");
  len = strlen (buf);
  b64_encode32 (key->private_key, buf + len);
  strcat (buf, "\npublic: ");
  len = strlen (buf);
  b64_encode32 (key->public_key, buf + len);
  strcat (buf, "\n");
  len = strlen (buf);

  /* Never overwrite: losing the teacher's key file loses every vault it opens. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      wb_secure_free (buf, KEY_FILE_MAX);
      g_set_error (error, WB_VAULT_ERROR,
                   saved == EEXIST ? WB_VAULT_ERROR_EXISTS : WB_VAULT_ERROR_IO,
                   _("Could not create the key file: %s"), g_strerror (saved));
      return FALSE;
    }
  while (done < len)
    {
      ssize_t n = write (fd, buf + done, len - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          break;
        }
      done += (gsize) n;
    }
  if (saved == 0 && fsync (fd) != 0)
    saved = errno;
  close (fd);
  wb_secure_free (buf, KEY_FILE_MAX);
  if (saved != 0)
    {
      g_unlink (path);
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_IO,
                   _("Could not write the key file: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* --- AES-256-GCM ---------------------------------------------------------------- */

static gboolean
gcm_setup (gcry_cipher_hd_t *hd,
           const guint8     *key,
           const guint8     *nonce,
           const guint8     *ad,
           gsize             ad_len)
{
  if (gcry_cipher_open (hd, GCRY_CIPHER_AES256, GCRY_CIPHER_MODE_GCM, GCRY_CIPHER_SECURE) != 0)
    return FALSE;
  if (gcry_cipher_setkey (*hd, key, 32) != 0
      || gcry_cipher_setiv (*hd, nonce, 12) != 0
      || (ad_len > 0 && gcry_cipher_authenticate (*hd, ad, ad_len) != 0))
    {
      gcry_cipher_close (*hd);
      return FALSE;
    }
  return TRUE;
}

gboolean
wb_vault_gcm_seal (const guint8 *key,
                   const guint8 *nonce,
                   const guint8 *ad,
                   gsize         ad_len,
                   const guint8 *plain,
                   guint8       *cipher,
                   gsize         len,
                   guint8        tag[16])
{
  gcry_cipher_hd_t hd;
  gboolean ok;

  if (!gcm_setup (&hd, key, nonce, ad, ad_len))
    return FALSE;
  gcry_cipher_final (hd);
  ok = gcry_cipher_encrypt (hd, cipher, len, plain, len) == 0
       && gcry_cipher_gettag (hd, tag, 16) == 0;
  gcry_cipher_close (hd);
  return ok;
}

gboolean
wb_vault_gcm_open (const guint8 *key,
                   const guint8 *nonce,
                   const guint8 *ad,
                   gsize         ad_len,
                   const guint8 *cipher,
                   guint8       *out,
                   gsize         len,
                   const guint8  tag[16])
{
  gcry_cipher_hd_t hd;
  gboolean ok;

  if (!gcm_setup (&hd, key, nonce, ad, ad_len))
    return FALSE;
  gcry_cipher_final (hd);
  ok = gcry_cipher_decrypt (hd, out, len, cipher, len) == 0;
  /* Always 16: GCM in libgcrypt accepts truncated tags (vault-notes trap 2). */
  ok = ok && gcry_cipher_checktag (hd, tag, 16) == 0;
  gcry_cipher_close (hd);
  if (!ok && len > 0)
    explicit_bzero (out, len); /* release nothing that did not authenticate */
  return ok;
}

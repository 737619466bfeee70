/* wb-vault-header.c — the two superblocks and their key slots
 *
 * Format: docs/vault-format.md §2–§3. Every length and count read from the file is
 * checked against the block before it is used: the parser never trusts the file.
 * Slot labels are names of people, so they are sealed (§3.3): the parser only takes
 * them as opaque, fixed-size bytes; they are opened once the key is known.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wb-hkdf.h"
#include "wb-vault-private.h"

/* --- little-endian helpers ---------------------------------------------------- */

static void
put16 (guint8 *p, guint16 v)
{
  p[0] = v & 0xff;
  p[1] = v >> 8;
}

static void
put32 (guint8 *p, guint32 v)
{
  guint i;

  for (i = 0; i < 4; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static void
put64 (guint8 *p, guint64 v)
{
  guint i;

  for (i = 0; i < 8; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static guint16
get16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static guint64
get64 (const guint8 *p)
{
  return (guint64) get32 (p) | ((guint64) get32 (p + 4) << 32);
}

/* --- slots and headers -------------------------------------------------------- */

void
wb_slot_free (WbSlot *slot)
{
  if (slot == NULL)
    return;
  if (slot->label != NULL)
    explicit_bzero (slot->label, strlen (slot->label));
  g_free (slot->label);
  explicit_bzero (slot, sizeof *slot);
  g_free (slot);
}

WbSlot *
wb_slot_copy (const WbSlot *slot)
{
  WbSlot *copy = g_memdup2 (slot, sizeof *slot);

  copy->label = g_strdup (slot->label);
  return copy;
}

void
wb_header_init (WbHeader *header)
{
  memset (header, 0, sizeof *header);
  header->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_slot_free);
}

void
wb_header_clear (WbHeader *header)
{
  g_clear_pointer (&header->slots, g_ptr_array_unref);
  memset (header, 0, sizeof *header);
}

void
wb_header_copy (WbHeader       *dest,
                const WbHeader *src)
{
  guint i;

  wb_header_init (dest);
  memcpy (dest->vault_id, src->vault_id, 16);
  memcpy (dest->journal_id, src->journal_id, 16);
  dest->generation = src->generation;
  dest->created = src->created;
  dest->next_slot_id = src->next_slot_id;
  for (i = 0; i < src->slots->len; i++)
    g_ptr_array_add (dest->slots, wb_slot_copy (g_ptr_array_index (src->slots, i)));
}

static gsize
slot_body_len (guint8 kind)
{
  return kind == WB_VAULT_SLOT_PASSPHRASE ? WB_SLOT_PASS_LEN : WB_SLOT_X25519_LEN;
}

/* Every slot entry of a kind has one fixed size: nothing in it depends on the label. */
static gsize
slot_entry_len (guint8 kind)
{
  return WB_SLOT_COMMON_LEN + slot_body_len (kind) + WB_SEALED_LABEL_LEN;
}

gboolean
wb_header_serialize (const WbHeader *header,
                     const guint8   *mac_key,
                     guint8          block[WB_SB_SIZE])
{
  gsize off = WB_SB_OFF_SLOTS;
  guint i;

  memset (block, 0, WB_SB_SIZE);
  memcpy (block + WB_SB_OFF_MAGIC, WB_VAULT_MAGIC, WB_VAULT_MAGIC_LEN);
  put16 (block + WB_SB_OFF_VERSION, WB_VAULT_VERSION);
  put32 (block + WB_SB_OFF_BLOCK_SIZE, WB_SB_SIZE);
  memcpy (block + WB_SB_OFF_VAULT_ID, header->vault_id, 16);
  memcpy (block + WB_SB_OFF_JOURNAL_ID, header->journal_id, 16);
  put64 (block + WB_SB_OFF_GENERATION, header->generation);
  put64 (block + WB_SB_OFF_CREATED, (guint64) header->created);
  put32 (block + WB_SB_OFF_NEXT_SLOT, header->next_slot_id);
  put16 (block + WB_SB_OFF_N_SLOTS, (guint16) header->slots->len);

  for (i = 0; i < header->slots->len; i++)
    {
      const WbSlot *s = g_ptr_array_index (header->slots, i);
      guint8 *p = block + off;

      if (off + slot_entry_len (s->kind) > WB_SB_OFF_HASH - WB_SB_MAC_LEN)
        return FALSE;
      put32 (p, s->id);
      p[4] = s->kind;
      put64 (p + 8, (guint64) s->created);
      p += WB_SLOT_COMMON_LEN;
      if (s->kind == WB_VAULT_SLOT_PASSPHRASE)
        {
          put32 (p, s->kdf.t_cost);
          put32 (p + 4, s->kdf.m_cost_kib);
          put32 (p + 8, s->kdf.parallelism);
          memcpy (p + 12, s->salt, 32);
          memcpy (p + 44, s->wrapped, WB_WRAPPED_KEY_LEN);
        }
      else
        {
          memcpy (p, s->recipient, 32);
          memcpy (p + 32, s->ephemeral, 32);
          memcpy (p + 64, s->wrapped, WB_WRAPPED_KEY_LEN);
        }
      p += slot_body_len (s->kind);
      /* As sealed by wb_header_seal_labels(), or as read: verify re-serialises. */
      memcpy (p, s->sealed_label, WB_SEALED_LABEL_LEN);
      off += slot_entry_len (s->kind);
    }
  put32 (block + WB_SB_OFF_SLOTS_LEN, (guint32) (off - WB_SB_OFF_SLOTS));

  if (!wb_hmac_sha256 (mac_key, 32, block, off, block + off))
    return FALSE;
  /* The unkeyed hash covers the whole block, padding included, so any damaged byte
   * marks the copy as damaged before a key is known. */
  gcry_md_hash_buffer (GCRY_MD_SHA256, block + WB_SB_OFF_HASH, block, WB_SB_OFF_HASH);
  return TRUE;
}

static gboolean
parse_slot (const guint8 *p,
            gsize         avail,
            WbSlot      **out,
            gsize        *used)
{
  WbSlot *s;
  guint8 kind;
  gsize body;

  if (avail < WB_SLOT_COMMON_LEN)
    return FALSE;
  kind = p[4];
  if (kind != WB_VAULT_SLOT_PASSPHRASE && kind != WB_VAULT_SLOT_X25519)
    return FALSE;
  if (p[5] != 0 || p[6] != 0 || p[7] != 0)
    return FALSE;
  body = slot_body_len (kind);
  if (avail < slot_entry_len (kind))
    return FALSE;

  s = g_new0 (WbSlot, 1);
  s->id = get32 (p);
  s->kind = kind;
  s->created = (gint64) get64 (p + 8);
  p += WB_SLOT_COMMON_LEN;
  if (kind == WB_VAULT_SLOT_PASSPHRASE)
    {
      s->kdf.t_cost = get32 (p);
      s->kdf.m_cost_kib = get32 (p + 4);
      s->kdf.parallelism = get32 (p + 8);
      memcpy (s->salt, p + 12, 32);
      memcpy (s->wrapped, p + 44, WB_WRAPPED_KEY_LEN);
      /* Bounded here, before anything could reach gcry_kdf_open (trap 1). */
      if (!wb_vault_kdf_params_valid (&s->kdf))
        {
          wb_slot_free (s);
          return FALSE;
        }
    }
  else
    {
      memcpy (s->recipient, p, 32);
      memcpy (s->ephemeral, p + 32, 32);
      memcpy (s->wrapped, p + 64, WB_WRAPPED_KEY_LEN);
    }
  /* Opaque until the key is known: wb_header_open_labels() checks it. */
  memcpy (s->sealed_label, p + body, WB_SEALED_LABEL_LEN);
  *out = s;
  *used = slot_entry_len (kind);
  return TRUE;
}

WbSbStatus
wb_header_parse (const guint8  block[WB_SB_SIZE],
                 WbHeader     *out,
                 guint16      *out_version)
{
  guint8 digest[32];
  guint32 slots_len, n_slots, i;
  gsize off = WB_SB_OFF_SLOTS;
  gsize mac_end;

  wb_header_init (out);
  if (memcmp (block, WB_VAULT_MAGIC, WB_VAULT_MAGIC_LEN) != 0)
    return WB_SB_NO_MAGIC;
  *out_version = get16 (block + WB_SB_OFF_VERSION);
  gcry_md_hash_buffer (GCRY_MD_SHA256, digest, block, WB_SB_OFF_HASH);
  if (*out_version != WB_VAULT_VERSION)
    {
      /* The magic and version fields are the same in every format version; only a
       * copy whose hash holds is believed to be from a newer Werkbank. */
      return memcmp (digest, block + WB_SB_OFF_HASH, 32) == 0 ? WB_SB_BAD_VERSION : WB_SB_DAMAGED;
    }
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
  /* (A fuzzer cannot make SHA-256 match; its builds let it reach the parser below.) */
  if (memcmp (digest, block + WB_SB_OFF_HASH, 32) != 0)
    return WB_SB_DAMAGED;
#endif

  slots_len = get32 (block + WB_SB_OFF_SLOTS_LEN);
  n_slots = get16 (block + WB_SB_OFF_N_SLOTS);
  if (get16 (block + WB_SB_OFF_RESERVED) != 0 || get16 (block + WB_SB_OFF_RESERVED2) != 0
      || get32 (block + WB_SB_OFF_BLOCK_SIZE) != WB_SB_SIZE
      || n_slots == 0 || n_slots > WB_VAULT_MAX_SLOTS
      || slots_len > WB_SB_OFF_HASH - WB_SB_MAC_LEN - WB_SB_OFF_SLOTS)
    return WB_SB_DAMAGED;

  memcpy (out->vault_id, block + WB_SB_OFF_VAULT_ID, 16);
  memcpy (out->journal_id, block + WB_SB_OFF_JOURNAL_ID, 16);
  out->generation = get64 (block + WB_SB_OFF_GENERATION);
  out->created = (gint64) get64 (block + WB_SB_OFF_CREATED);
  out->next_slot_id = get32 (block + WB_SB_OFF_NEXT_SLOT);

  for (i = 0; i < n_slots; i++)
    {
      WbSlot *s = NULL;
      gsize used = 0;

      if (!parse_slot (block + off, WB_SB_OFF_SLOTS + slots_len - off, &s, &used))
        return WB_SB_DAMAGED;
      g_ptr_array_add (out->slots, s);
      off += used;
      if (s->id >= out->next_slot_id)
        return WB_SB_DAMAGED;
    }
  if (off != WB_SB_OFF_SLOTS + slots_len)
    return WB_SB_DAMAGED;

  /* Everything between the MAC and the hash is zero: one spelling per header. */
  mac_end = off + WB_SB_MAC_LEN;
  for (i = mac_end; i < WB_SB_OFF_HASH; i++)
    if (block[i] != 0)
      return WB_SB_DAMAGED;
  return WB_SB_OK;
}

gboolean
wb_header_check_mac (const guint8  block[WB_SB_SIZE],
                     const guint8 *mac_key)
{
  guint8 mac[32];
  gsize end = WB_SB_OFF_SLOTS + get32 (block + WB_SB_OFF_SLOTS_LEN);
  guint8 diff = 0;
  guint i;

  if (end > WB_SB_OFF_HASH - WB_SB_MAC_LEN)
    return FALSE;
  if (!wb_hmac_sha256 (mac_key, 32, block, end, mac))
    return FALSE;
  for (i = 0; i < 32; i++)
    diff |= mac[i] ^ block[end + i];
  return diff == 0;
}

gboolean
wb_header_mac_key (const WbHeader *header,
                   const guint8   *key,
                   guint8         *mac_key)
{
  return wb_hkdf_sha256 (header->vault_id, 16, key, WB_KEY_LEN,
                         (const guint8 *) WB_INFO_HEADER_MAC, strlen (WB_INFO_HEADER_MAC),
                         mac_key, 32);
}

gboolean
wb_header_label_key (const WbHeader *header,
                     const guint8   *key,
                     guint8         *label_key)
{
  return wb_hkdf_sha256 (header->vault_id, 16, key, WB_KEY_LEN,
                         (const guint8 *) WB_INFO_LABEL, strlen (WB_INFO_LABEL),
                         label_key, 32);
}

/* --- sealed labels ---------------------------------------------------------------- */

/* Binds a sealed label to its vault, its slot and the header generation it was
 * written for: it cannot be moved to another slot or vault, nor kept from an older
 * header (the header MAC covers it as well). */
void
wb_header_label_ad (const WbHeader *header,
                    const WbSlot   *slot,
                    guint8          ad[WB_LABEL_AD_LEN])
{
  memcpy (ad, header->vault_id, 16);
  put32 (ad + 16, slot->id);
  put64 (ad + 20, header->generation);
}

gboolean
wb_header_seal_labels (WbHeader     *header,
                       const guint8 *label_key)
{
  guint8 plain[WB_LABEL_PLAIN_LEN];
  guint8 ad[WB_LABEL_AD_LEN];
  gboolean ok = TRUE;
  guint i;

  for (i = 0; i < header->slots->len && ok; i++)
    {
      WbSlot *s = g_ptr_array_index (header->slots, i);
      guint8 *nonce = s->sealed_label;
      guint8 *cipher = nonce + WB_LABEL_NONCE_LEN;
      gsize len = s->label != NULL ? strlen (s->label) : 0;

      if (len > WB_VAULT_MAX_LABEL)
        {
          ok = FALSE;
          break;
        }
      /* Padded to the maximum: every sealed label is the same size. */
      memset (plain, 0, sizeof plain);
      plain[0] = (guint8) len;
      if (len > 0)
        memcpy (plain + 1, s->label, len);
      /* A fresh random nonce for every label at every header write: the label key
       * stays the same for the vault's life, so no nonce may repeat. */
      gcry_randomize (nonce, WB_LABEL_NONCE_LEN, GCRY_STRONG_RANDOM);
      wb_header_label_ad (header, s, ad);
      ok = wb_vault_gcm_seal (label_key, nonce, ad, sizeof ad, plain, cipher,
                              WB_LABEL_PLAIN_LEN, cipher + WB_LABEL_PLAIN_LEN);
    }
  explicit_bzero (plain, sizeof plain);
  return ok;
}

/* A label that authenticated must still be well-formed: length within bounds, zero
 * padding (one spelling per label) and valid UTF-8 without NUL bytes. */
static char *
label_from_plain (const guint8 plain[WB_LABEL_PLAIN_LEN])
{
  guint8 len = plain[0];
  gsize i;

  if (len > WB_VAULT_MAX_LABEL)
    return NULL;
  for (i = 1 + (gsize) len; i < WB_LABEL_PLAIN_LEN; i++)
    if (plain[i] != 0)
      return NULL;
  /* With a length given, g_utf8_validate_len() also refuses NUL bytes. */
  if (!g_utf8_validate_len ((const char *) plain + 1, len, NULL))
    return NULL;
  return g_strndup ((const char *) plain + 1, len);
}

gboolean
wb_header_open_labels (WbHeader     *header,
                       const guint8 *label_key)
{
  guint8 plain[WB_LABEL_PLAIN_LEN];
  guint8 ad[WB_LABEL_AD_LEN];
  GPtrArray *labels = g_ptr_array_new ();
  gboolean ok = TRUE;
  guint i;

  for (i = 0; i < header->slots->len && ok; i++)
    {
      const WbSlot *s = g_ptr_array_index (header->slots, i);
      const guint8 *cipher = s->sealed_label + WB_LABEL_NONCE_LEN;
      char *label = NULL;

      wb_header_label_ad (header, s, ad);
      /* The tag is always checked as 16 bytes (vault-notes trap 2). */
      if (wb_vault_gcm_open (label_key, s->sealed_label, ad, sizeof ad, cipher, plain,
                             WB_LABEL_PLAIN_LEN, cipher + WB_LABEL_PLAIN_LEN))
        label = label_from_plain (plain);
      explicit_bzero (plain, sizeof plain);
      ok = label != NULL;
      if (ok)
        g_ptr_array_add (labels, label);
    }
  /* All or nothing: a header with one bad label is damaged as a whole. */
  for (i = 0; i < labels->len; i++)
    {
      WbSlot *s = g_ptr_array_index (header->slots, i);
      char *label = g_ptr_array_index (labels, i);

      if (ok)
        {
          g_free (s->label);
          s->label = label;
        }
      else
        {
          explicit_bzero (label, strlen (label));
          g_free (label);
        }
    }
  g_ptr_array_unref (labels);
  return ok;
}

/* --- wrapping -------------------------------------------------------------------- */

/* The wrapped key's associated data: vault id, slot id and kind. The KDF parameters,
 * salt and public keys need no binding: changing any of them changes the KEK. */
static void
slot_ad (const WbHeader *header,
         const WbSlot   *slot,
         guint8          ad[21])
{
  memcpy (ad, header->vault_id, 16);
  put32 (ad + 16, slot->id);
  ad[20] = slot->kind;
}

/* Each KEK wraps exactly one key once, so a fixed nonce is safe. */
static const guint8 zero_nonce[12] = { 0 };

static gboolean
wrap (const WbHeader *header,
      WbSlot         *slot,
      const guint8   *kek,
      const guint8   *key)
{
  guint8 ad[21];

  slot_ad (header, slot, ad);
  return wb_vault_gcm_seal (kek, zero_nonce, ad, sizeof ad, key, slot->wrapped, WB_KEY_LEN,
                            slot->wrapped + WB_KEY_LEN);
}

static gboolean
unwrap (const WbHeader *header,
        const WbSlot   *slot,
        const guint8   *kek,
        guint8         *key_out)
{
  guint8 ad[21];

  slot_ad (header, slot, ad);
  return wb_vault_gcm_open (kek, zero_nonce, ad, sizeof ad, slot->wrapped, key_out, WB_KEY_LEN,
                            slot->wrapped + WB_KEY_LEN);
}

static char *
bounded_label (const char *label)
{
  const char *end;

  if (label == NULL)
    label = "";
  if (strlen (label) <= WB_VAULT_MAX_LABEL)
    return g_strdup (label);
  /* Cut at a character boundary: the file holds at most 128 bytes. */
  end = g_utf8_find_prev_char (label, label + WB_VAULT_MAX_LABEL + 1);
  return g_strndup (label, (gsize) (end - label));
}

static gboolean
passphrase_kek (const WbHeader    *header,
                const WbSlot      *slot,
                const char        *passphrase,
                guint8            *kek,
                GError           **error)
{
  guint8 *raw = wb_secure_alloc (32);
  gboolean ok;

  if (raw == NULL)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM,
                   _("No protected memory left for the key."));
      return FALSE;
    }
  ok = wb_vault_argon2id (passphrase, slot->salt, &slot->kdf, raw, error)
       && wb_hkdf_sha256 (header->vault_id, 16, raw, 32, (const guint8 *) WB_INFO_PASS_KEK,
                          strlen (WB_INFO_PASS_KEK), kek, 32);
  wb_secure_free (raw, 32);
  if (!ok && error != NULL && *error == NULL)
    g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM,
                 _("Deriving the key from the passphrase failed."));
  return ok;
}

WbSlot *
wb_slot_new_passphrase (const WbHeader    *header,
                        guint32            id,
                        const char        *label,
                        const char        *passphrase,
                        const WbKdfParams *params,
                        const guint8      *key,
                        GError           **error)
{
  WbSlot *slot = g_new0 (WbSlot, 1);
  guint8 *kek = wb_secure_alloc (32);
  gboolean ok;

  slot->id = id;
  slot->kind = WB_VAULT_SLOT_PASSPHRASE;
  slot->label = bounded_label (label);
  slot->created = g_get_real_time () / G_USEC_PER_SEC;
  slot->kdf = *params;
  gcry_randomize (slot->salt, 32, GCRY_STRONG_RANDOM);
  ok = kek != NULL && passphrase_kek (header, slot, passphrase, kek, error);
  if (ok && !wrap (header, slot, kek, key))
    {
      ok = FALSE;
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM, _("Wrapping the key failed."));
    }
  if (kek == NULL)
    g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM,
                 _("No protected memory left for the key."));
  wb_secure_free (kek, 32);
  if (!ok)
    g_clear_pointer (&slot, wb_slot_free);
  return slot;
}

static gboolean
x25519_kek (const guint8  shared[32],
            const guint8  ephemeral[32],
            const guint8  recipient[32],
            guint8       *kek)
{
  guint8 salt[64];

  /* As age does: both public keys as the HKDF salt. */
  memcpy (salt, ephemeral, 32);
  memcpy (salt + 32, recipient, 32);
  return wb_hkdf_sha256 (salt, 64, shared, 32, (const guint8 *) WB_INFO_X25519_KEK,
                         strlen (WB_INFO_X25519_KEK), kek, 32);
}

WbSlot *
wb_slot_new_x25519 (const WbHeader *header,
                    guint32         id,
                    const char     *label,
                    const guint8    public_key[32],
                    const guint8   *key,
                    GError        **error)
{
  WbSlot *slot = g_new0 (WbSlot, 1);
  guint8 *secrets = wb_secure_alloc (96); /* ephemeral scalar, shared secret, KEK */
  gboolean ok = FALSE;

  slot->id = id;
  slot->kind = WB_VAULT_SLOT_X25519;
  slot->label = bounded_label (label);
  slot->created = g_get_real_time () / G_USEC_PER_SEC;
  memcpy (slot->recipient, public_key, 32);
  if (secrets != NULL)
    {
      gcry_randomize (secrets, 32, GCRY_STRONG_RANDOM);
      ok = wb_vault_x25519 (slot->ephemeral, secrets, NULL)
           && wb_vault_x25519 (secrets + 32, secrets, public_key)
           && x25519_kek (secrets + 32, slot->ephemeral, public_key, secrets + 64)
           && wrap (header, slot, secrets + 64, key);
    }
  wb_secure_free (secrets, 96);
  if (!ok)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_INVALID,
                   _("This public key cannot be used (not a valid X25519 key)."));
      g_clear_pointer (&slot, wb_slot_free);
    }
  return slot;
}

gboolean
wb_slot_unwrap_passphrase (const WbHeader *header,
                           const WbSlot   *slot,
                           const char     *passphrase,
                           guint8         *key_out,
                           GError        **error)
{
  guint8 *kek = wb_secure_alloc (32);
  gboolean ok;

  if (kek == NULL)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM,
                   _("No protected memory left for the key."));
      return FALSE;
    }
  ok = passphrase_kek (header, slot, passphrase, kek, error);
  ok = ok && unwrap (header, slot, kek, key_out);
  wb_secure_free (kek, 32);
  return ok;
}

gboolean
wb_slot_unwrap_x25519 (const WbHeader *header,
                       const WbSlot   *slot,
                       WbX25519Key    *x25519,
                       guint8         *key_out)
{
  guint8 *secrets;
  gboolean ok;

  if (memcmp (slot->recipient, wb_x25519_key_get_public (x25519), 32) != 0)
    return FALSE;
  secrets = wb_secure_alloc (64);
  if (secrets == NULL)
    return FALSE;
  ok = wb_vault_x25519 (secrets, wb_x25519_key_get_private (x25519), slot->ephemeral)
       && x25519_kek (secrets, slot->ephemeral, slot->recipient, secrets + 32)
       && unwrap (header, slot, secrets + 32, key_out);
  wb_secure_free (secrets, 64);
  return ok;
}

/* test-vault-damage.c — every single-byte flip and every truncation of a small vault
 *
 * A damaged vault either fails to open with a clean WbVaultError, or opens and shows
 * exactly the original records (a prefix of them, with a warning when shorter): never
 * altered data. wb_vault_verify() always fails on a damaged file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <gcrypt.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "wb-init.h"
#include "wb-vault.h"
#include "wb-vault-private.h"


/* libgcrypt keeps a 128 KiB entropy buffer for GCRY_VERY_STRONG_RANDOM until exit;
 * LeakSanitizer (ASan builds) would report it as ours. */
const char *__lsan_default_suppressions (void);
const char *
__lsan_default_suppressions (void)
{
  return "leak:libgcrypt.so\n";
}

typedef struct {
  char        *dir;
  char        *path;
  WbX25519Key *key;
  GPtrArray   *records;    /* of GBytes */
  GArray      *boundaries; /* guint64 file size after each commit */
  GBytes      *attachment;
  char        *attachment_id;
  guint        attachment_after; /* records before it */
  GBytes      *original;
} Sample;

static Sample sample;

static GBytes *
text (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

static guint8 *
dup_original (gsize *len)
{
  const guint8 *data = g_bytes_get_data (sample.original, len);

  return g_memdup2 (data, *len);
}

static guint64
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (guint64) st.st_size;
}

static void
add_boundary (void)
{
  guint64 size = file_size (sample.path);
  g_array_append_val (sample.boundaries, size);
}

/* Three records, an attachment, one more record: small, but every frame
 * type and the chain are there. An X25519 slot keeps each open fast. */
static void
make_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autofree char *contents = NULL;
  const char *texts[] = { "{\"a\":1}", "second record", "", "{\"last\":true}" };
  guint8 blob[300];
  gsize len;
  guint i;

  sample.dir = g_dir_make_tmp ("wb-vault-damage-XXXXXX", &error);
  g_assert_no_error (error);
  sample.path = g_build_filename (sample.dir, "sample.wbv", NULL);
  sample.key = wb_x25519_key_generate (&error);
  g_assert_no_error (error);
  sample.records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  sample.boundaries = g_array_new (FALSE, FALSE, sizeof (guint64));

  vault = wb_vault_create_with_public_key (sample.path, "teacher",
                                           wb_x25519_key_get_public (sample.key), &error);
  g_assert_no_error (error);
  add_boundary ();
  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GBytes *b = text (texts[i]);

      if (i == 3)
        {
          guint k;

          for (k = 0; k < sizeof blob; k++)
            blob[k] = (guint8) (k * 13 + 1);
          sample.attachment = g_bytes_new (blob, sizeof blob);
          in = g_memory_input_stream_new_from_bytes (sample.attachment);
          sample.attachment_id = wb_vault_add_attachment (vault, "a.bin", NULL, in, NULL, &error);
          g_assert_no_error (error);
          sample.attachment_after = 3;
          add_boundary ();
        }
      g_assert_true (wb_vault_append (vault, WB_RECORD_EVENT, b, NULL, &error));
      g_assert_no_error (error);
      g_ptr_array_add (sample.records, b);
      add_boundary ();
    }
  g_assert_true (wb_vault_verify (vault, NULL, &error));
  g_clear_object (&vault);
  g_assert_true (g_file_get_contents (sample.path, &contents, &len, NULL));
  sample.original = g_bytes_new_take (g_steal_pointer (&contents), len);
}

static gboolean
collect (guint64       seq,
         WbRecordType  type,
         gint64        time,
         GBytes       *payload,
         gpointer      user_data)
{
  g_ptr_array_add (user_data, g_bytes_ref (payload));
  return TRUE;
}

/* What may be seen of a damaged file: the original records, in order, none altered;
 * if fewer than all, a warning says so. Returns the number of records seen, or -1 if
 * the open failed cleanly. */
static gint
check_open (const char *path,
            gboolean    expect_damage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) atts = NULL;
  guint i;

  vault = wb_vault_open_with_key (path, sample.key, WB_VAULT_OPEN_READ_ONLY, &error);
  if (vault == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == WB_VAULT_ERROR);
      g_assert_nonnull (error->message);
      return -1;
    }
  g_assert_no_error (error);
  /* The sealed slot label is data too: never altered. */
  g_assert_cmpstr (wb_vault_get_opened_by (vault), ==, "teacher");
  g_assert_true (wb_vault_foreach_record (vault, collect, got, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (got->len, <=, sample.records->len);
  for (i = 0; i < got->len; i++)
    g_assert_true (g_bytes_equal (got->pdata[i], sample.records->pdata[i]));
  if (expect_damage && got->len < sample.records->len)
    g_assert_nonnull (wb_vault_get_warnings (vault)[0]);

  atts = wb_vault_list_attachments (vault);
  g_assert_cmpuint (atts->len, <=, 1);
  if (atts->len == 1)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GBytes) data = NULL;

      g_assert_true (wb_vault_read_attachment (vault, sample.attachment_id, out, NULL, &error));
      g_assert_no_error (error);
      g_output_stream_close (out, NULL, NULL);
      data = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
      g_assert_true (g_bytes_equal (data, sample.attachment));
    }

  if (expect_damage)
    {
      g_assert_false (wb_vault_verify (vault, NULL, &error));
      g_assert_nonnull (error);
    }
  return (gint) got->len;
}

static void
test_sample_is_clean (void)
{
  g_assert_cmpint (check_open (sample.path, FALSE), ==, (gint) sample.records->len);
}

static void
test_every_byte_flip (void)
{
  g_autofree char *path = g_build_filename (sample.dir, "flip.wbv", NULL);
  gsize len;
  const guint8 *orig = g_bytes_get_data (sample.original, &len);
  guint opened = 0, refused = 0, full = 0;
  gsize i;
  int fd;

  g_assert_true (g_file_set_contents (path, (const char *) orig, (gssize) len, NULL));
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  for (i = 0; i < len; i++)
    {
      guint8 b = orig[i] ^ 0xff;
      gint n;

      g_assert_cmpint (pwrite (fd, &b, 1, (off_t) i), ==, 1);
      n = check_open (path, TRUE);
      if (n < 0)
        refused++;
      else
        opened++;
      if (n == (gint) sample.records->len)
        full++;
      g_assert_cmpint (pwrite (fd, orig + i, 1, (off_t) i), ==, 1);
    }
  close (fd);
  g_test_message ("%" G_GSIZE_FORMAT " flips: %u opened (%u with every record, the damage "
                  "being in a header copy), %u refused; all failed verification",
                  len, opened, full, refused);
  g_unlink (path);
}

static void
test_every_truncation (void)
{
  g_autofree char *path = g_build_filename (sample.dir, "cut.wbv", NULL);
  gsize len;
  const guint8 *orig = g_bytes_get_data (sample.original, &len);
  gsize cut;

  for (cut = 0; cut < len; cut++)
    {
      guint expected = 0;
      guint k;
      gint n;

      gboolean at_boundary = FALSE;

      for (k = 0; k < sample.boundaries->len; k++)
        at_boundary |= g_array_index (sample.boundaries, guint64, k) == cut;
      g_assert_true (g_file_set_contents (path, (const char *) orig, (gssize) cut, NULL));
      /* A cut exactly at a commit point leaves a valid, shorter vault: without state
       * kept elsewhere that cannot be told from a vault with fewer records
       * (docs/vault-format.md, "Limits"). Anywhere else it is seen as damage. */
      n = check_open (path, !at_boundary);
      if (cut < WB_JOURNAL_START)
        {
          g_assert_cmpint (n, ==, -1);
          continue;
        }
      /* Every record committed before the cut survives. */
      for (k = 0; k < sample.boundaries->len; k++)
        if (g_array_index (sample.boundaries, guint64, k) <= cut)
          expected = k;
      /* boundaries: [create, r1, r2, r3, attachment, r4] */
      if (expected > sample.attachment_after)
        expected--;
      g_assert_cmpint (n, ==, (gint) expected);
    }
  g_unlink (path);
}

static void
test_extension (void)
{
  g_autofree char *path = g_build_filename (sample.dir, "ext.wbv", NULL);
  gsize len;
  const guint8 *orig = g_bytes_get_data (sample.original, &len);
  g_autoptr(GByteArray) a = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  guint8 junk[100];

  g_byte_array_append (a, orig, (guint) len);
  gcry_create_nonce (junk, sizeof junk);
  g_byte_array_append (a, junk, sizeof junk);
  g_assert_true (g_file_set_contents (path, (const char *) a->data, a->len, NULL));
  g_assert_cmpint (check_open (path, TRUE), ==, (gint) sample.records->len);

  /* Read-write: the tail is dropped with a warning, cut off on the next write, and
   * then the file verifies again. */
  vault = wb_vault_open_with_key (path, sample.key, WB_VAULT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (wb_vault_get_warnings (vault)[0]);
  g_assert_nonnull (strstr (wb_vault_get_warnings (vault)[0], "unfinished write"));
  g_assert_false (wb_vault_is_read_only (vault));
  {
    g_autoptr(GBytes) b = text ("after the tail");
    g_assert_true (wb_vault_append (vault, WB_RECORD_EVENT, b, NULL, &error));
  }
  g_assert_true (wb_vault_verify (vault, NULL, &error));
  g_assert_no_error (error);
  g_unlink (path);
}

/* A valid record after a damaged one: not a crash, so not cut off. */
static void
test_tampered_middle (void)
{
  g_autofree char *path = g_build_filename (sample.dir, "tamper.wbv", NULL);
  gsize len;
  g_autofree guint8 *copy = dup_original (&len);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  guint64 second = g_array_index (sample.boundaries, guint64, 1);

  copy[second + WB_FRAME_HEADER_LEN + 2] ^= 1; /* inside record 2's ciphertext */
  g_assert_true (g_file_set_contents (path, (const char *) copy, (gssize) len, NULL));
  vault = wb_vault_open_with_key (path, sample.key, WB_VAULT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (wb_vault_is_read_only (vault));
  g_assert_cmpuint (wb_vault_get_n_records (vault), ==, 1);
  g_assert_nonnull (wb_vault_get_warnings (vault)[0]);
  {
    g_autoptr(GBytes) b = text ("x");
    g_assert_false (wb_vault_append (vault, WB_RECORD_EVENT, b, NULL, &error));
    g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  g_assert_false (wb_vault_verify (vault, NULL, &error));
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_TAMPERED);
  g_clear_object (&vault);
  /* Never truncated. */
  g_assert_cmpuint (file_size (path), ==, len);
  g_unlink (path);
}

static void
test_header_copy_damaged (void)
{
  g_autofree char *path = g_build_filename (sample.dir, "hdr.wbv", NULL);
  gsize len;
  g_autofree guint8 *copy = dup_original (&len);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(WbX25519Key) other = wb_x25519_key_generate (NULL);

  copy[WB_SB_SIZE + 100] ^= 0x10;
  g_assert_true (g_file_set_contents (path, (const char *) copy, (gssize) len, NULL));
  vault = wb_vault_open_with_key (path, sample.key, WB_VAULT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (wb_vault_get_warnings (vault)[0], "copy B"));
  g_assert_false (wb_vault_verify (vault, NULL, &error));
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_CORRUPT);
  g_clear_error (&error);
  /* The next header write repairs both copies. */
  g_assert_true (wb_vault_add_public_key_slot (vault, "other", wb_x25519_key_get_public (other),
                                               NULL, &error));
  g_assert_true (wb_vault_verify (vault, NULL, &error));
  g_assert_no_error (error);
  g_unlink (path);
}

static void
write_and_expect (const char    *path,
                  const guint8  *data,
                  gsize          len,
                  WbVaultError   code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;

  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) len, NULL));
  vault = wb_vault_open_with_key (path, sample.key, WB_VAULT_OPEN_DEFAULT, &error);
  g_assert_null (vault);
  g_assert_error (error, WB_VAULT_ERROR, (gint) code);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  vault = wb_vault_open_with_passphrase (path, "pw", WB_VAULT_OPEN_READ_ONLY, &error);
  g_assert_null (vault);
  g_assert_error (error, WB_VAULT_ERROR, (gint) code);
}

static void
rehash (guint8 *block)
{
  gcry_md_hash_buffer (GCRY_MD_SHA256, block + WB_SB_OFF_HASH, block, WB_SB_OFF_HASH);
}

static void
test_bad_files (void)
{
  g_autofree char *path = g_build_filename (sample.dir, "bad.wbv", NULL);
  gsize len;
  g_autofree guint8 *copy = dup_original (&len);
  guint8 noise[20000];
  const char *pdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n";
  guint c;

  write_and_expect (path, (const guint8 *) "", 0, WB_VAULT_ERROR_NOT_A_VAULT);
  write_and_expect (path, (const guint8 *) pdf, strlen (pdf), WB_VAULT_ERROR_NOT_A_VAULT);
  gcry_create_nonce (noise, sizeof noise);
  write_and_expect (path, noise, sizeof noise, WB_VAULT_ERROR_NOT_A_VAULT);
  write_and_expect (path, copy, 100, WB_VAULT_ERROR_CORRUPT);

  /* A newer format: version 2 with a good hash in both copies. */
  for (c = 0; c < 2; c++)
    {
      copy[c * WB_SB_SIZE + WB_SB_OFF_VERSION] = 2;
      rehash (copy + c * WB_SB_SIZE);
    }
  write_and_expect (path, copy, len, WB_VAULT_ERROR_UNKNOWN_VERSION);

  /* Both copies damaged. */
  memcpy (copy, g_bytes_get_data (sample.original, NULL), len);
  copy[200] ^= 1;
  copy[WB_SB_SIZE + 200] ^= 1;
  write_and_expect (path, copy, len, WB_VAULT_ERROR_CORRUPT);
  g_unlink (path);
}

/* A crafted header with a good hash but Argon2 memory of 4 GiB must be refused before
 * libgcrypt sees it (it would crash). */
static void
test_kdf_bounds_in_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (sample.dir, "kdf.wbv", NULL);
  g_autofree guint8 *contents = NULL;
  g_autoptr(WbVault) vault = NULL;
  gsize len;
  guint c;
  guint8 *m;

  vault = wb_vault_create_with_passphrase (path, "student", "pw", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&vault);
  g_assert_true (g_file_get_contents (path, (char **) &contents, &len, NULL));
  for (c = 0; c < 2; c++)
    {
      m = contents + c * WB_SB_SIZE + WB_SB_OFF_SLOTS + WB_SLOT_COMMON_LEN + 4;
      m[0] = 0; m[1] = 0; m[2] = 0; m[3] = 0x80; /* 2^31 KiB = 2 TiB */
      rehash (contents + c * WB_SB_SIZE);
    }
  g_assert_true (g_file_set_contents (path, (const char *) contents, (gssize) len, NULL));
  vault = wb_vault_open_with_passphrase (path, "pw", 0, &error);
  g_assert_null (vault);
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_CORRUPT);
  g_unlink (path);
}

/* Seals @plain (WB_LABEL_PLAIN_LEN bytes, crafted) as @slot's label with a good tag,
 * the way a hostile writer holding the key would. */
static void
seal_crafted (const WbHeader *header,
              WbSlot         *slot,
              const guint8   *label_key,
              const guint8   *plain)
{
  guint8 ad[WB_LABEL_AD_LEN];
  guint8 *cipher = slot->sealed_label + WB_LABEL_NONCE_LEN;

  gcry_randomize (slot->sealed_label, WB_LABEL_NONCE_LEN, GCRY_STRONG_RANDOM);
  wb_header_label_ad (header, slot, ad);
  g_assert_true (wb_vault_gcm_seal (label_key, slot->sealed_label, ad, sizeof ad, plain, cipher,
                                    WB_LABEL_PLAIN_LEN, cipher + WB_LABEL_PLAIN_LEN));
}

typedef enum {
  LABEL_GOOD,
  LABEL_FLIP_NONCE,
  LABEL_FLIP_CIPHER,
  LABEL_FLIP_TAG,
  LABEL_TOO_LONG,
  LABEL_PADDING,
  LABEL_BAD_UTF8,
  LABEL_NUL,
  LABEL_OTHER_GENERATION,
  LABEL_SWAPPED,
  N_LABEL_CASES
} LabelCase;

/* Breaks the first slot's sealed label (the header MAC and hash are computed after,
 * so only the label itself is wrong). */
static void
break_label (WbHeader      *h,
             const guint8  *label_key,
             LabelCase      c)
{
  WbSlot *s0 = g_ptr_array_index (h->slots, 0);
  WbSlot *s1 = g_ptr_array_index (h->slots, 1);
  guint8 plain[WB_LABEL_PLAIN_LEN] = { 0 };
  guint8 tmp[WB_SEALED_LABEL_LEN];

  switch (c)
    {
    case LABEL_GOOD:
      break;
    case LABEL_FLIP_NONCE:
      s0->sealed_label[3] ^= 0x01;
      break;
    case LABEL_FLIP_CIPHER:
      s0->sealed_label[WB_LABEL_NONCE_LEN + 100] ^= 0x80;
      break;
    case LABEL_FLIP_TAG:
      s0->sealed_label[WB_SEALED_LABEL_LEN - 1] ^= 0x01;
      break;
    case LABEL_TOO_LONG:
      plain[0] = WB_VAULT_MAX_LABEL + 1;
      memset (plain + 1, 'x', WB_VAULT_MAX_LABEL);
      seal_crafted (h, s0, label_key, plain);
      break;
    case LABEL_PADDING:
      plain[0] = 3;
      memcpy (plain + 1, "abc", 3);
      plain[WB_LABEL_PLAIN_LEN - 1] = 1;
      seal_crafted (h, s0, label_key, plain);
      break;
    case LABEL_BAD_UTF8:
      plain[0] = 2;
      plain[1] = 0xc3;
      plain[2] = 0x28;
      seal_crafted (h, s0, label_key, plain);
      break;
    case LABEL_NUL:
      plain[0] = 3;
      memcpy (plain + 1, "a\0b", 3);
      seal_crafted (h, s0, label_key, plain);
      break;
    case LABEL_OTHER_GENERATION:
      /* Sealed for the next generation, kept in this one. */
      h->generation++;
      g_assert_true (wb_header_seal_labels (h, label_key));
      h->generation--;
      break;
    case LABEL_SWAPPED:
      memcpy (tmp, s0->sealed_label, sizeof tmp);
      memcpy (s0->sealed_label, s1->sealed_label, sizeof tmp);
      memcpy (s1->sealed_label, tmp, sizeof tmp);
      break;
    case N_LABEL_CASES:
    default:
      g_assert_not_reached ();
    }
}

/* A hostile header whose hash and MAC are right but whose sealed label is not (a
 * writer holding the key could make one): a clean CORRUPT, never a crash or a label
 * that did not authenticate. The header is built here with a known engagement key. */
static void
test_sealed_label_hostile (void)
{
  g_autofree char *path = g_build_filename (sample.dir, "label.wbv", NULL);
  g_autoptr(WbX25519Key) other = wb_x25519_key_generate (NULL);
  g_autoptr(GError) error = NULL;
  guint8 key[WB_KEY_LEN], mac_key[32], label_key[32];
  guint8 file[WB_JOURNAL_START];
  WbHeader h;
  WbSlot *slot;
  guint c;

  gcry_randomize (key, sizeof key, GCRY_STRONG_RANDOM);
  wb_header_init (&h);
  gcry_randomize (h.vault_id, 16, GCRY_STRONG_RANDOM);
  gcry_randomize (h.journal_id, 16, GCRY_STRONG_RANDOM);
  h.generation = 7;
  h.created = g_get_real_time () / G_USEC_PER_SEC;
  h.next_slot_id = 3;
  /* The sample's key holds the second slot: opening must try the first one without
   * its label. */
  slot = wb_slot_new_x25519 (&h, 1, "someone else", wb_x25519_key_get_public (other), key, &error);
  g_assert_no_error (error);
  g_ptr_array_add (h.slots, slot);
  slot = wb_slot_new_x25519 (&h, 2, "teacher", wb_x25519_key_get_public (sample.key), key, &error);
  g_assert_no_error (error);
  g_ptr_array_add (h.slots, slot);
  g_assert_true (wb_header_mac_key (&h, key, mac_key));
  g_assert_true (wb_header_label_key (&h, key, label_key));

  for (c = 0; c < N_LABEL_CASES; c++)
    {
      g_autoptr(WbVault) vault = NULL;

      g_assert_true (wb_header_seal_labels (&h, label_key));
      break_label (&h, label_key, c);
      g_assert_true (wb_header_serialize (&h, mac_key, file));
      memcpy (file + WB_SB_SIZE, file, WB_SB_SIZE);
      g_assert_true (g_file_set_contents (path, (const char *) file, sizeof file, NULL));

      vault = wb_vault_open_with_key (path, sample.key, WB_VAULT_OPEN_READ_ONLY, &error);
      if (c == LABEL_GOOD)
        {
          g_autoptr(GPtrArray) slots = NULL;

          g_assert_no_error (error);
          g_assert_cmpstr (wb_vault_get_opened_by (vault), ==, "teacher");
          slots = wb_vault_list_slots (vault);
          g_assert_cmpuint (slots->len, ==, 2);
          g_assert_cmpstr (((WbVaultSlotInfo *) slots->pdata[0])->label, ==, "someone else");
          g_assert_cmpstr (((WbVaultSlotInfo *) slots->pdata[1])->label, ==, "teacher");
          g_assert_true (wb_vault_verify (vault, NULL, &error));
          g_assert_no_error (error);
          continue;
        }
      g_assert_null (vault);
      g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_CORRUPT);
      g_clear_error (&error);
    }
  wb_header_clear (&h);
  explicit_bzero (key, sizeof key);
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("WERKBANK_FAST_KDF", "1", TRUE);
  if (!wb_init (&error))
    g_error ("wb_init: %s", error->message);
  make_sample ();

  g_test_add_func ("/vault-damage/sample-is-clean", test_sample_is_clean);
  g_test_add_func ("/vault-damage/every-byte-flip", test_every_byte_flip);
  g_test_add_func ("/vault-damage/every-truncation", test_every_truncation);
  g_test_add_func ("/vault-damage/extension", test_extension);
  g_test_add_func ("/vault-damage/tampered-middle", test_tampered_middle);
  g_test_add_func ("/vault-damage/header-copy-damaged", test_header_copy_damaged);
  g_test_add_func ("/vault-damage/bad-files", test_bad_files);
  g_test_add_func ("/vault-damage/kdf-bounds-in-file", test_kdf_bounds_in_file);
  g_test_add_func ("/vault-damage/sealed-label-hostile", test_sealed_label_hostile);
  ret = g_test_run ();

  g_unlink (sample.path);
  g_rmdir (sample.dir);
  return ret;
}

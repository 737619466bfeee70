/* test-vault.c — the engagement vault: round trips, slots, attachments, compaction,
 * crypto-erase, key files and the no-plaintext-on-disk canary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE 1
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

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
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("wb-vault-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "engagement.wbv", NULL);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GBytes *
text (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

static gboolean
collect (guint64       seq,
         WbRecordType  type,
         gint64        time,
         GBytes       *payload,
         gpointer      user_data)
{
  GPtrArray *out = user_data;

  g_assert_cmpuint (seq, ==, out->len + 1);
  g_assert_cmpint (type, ==, WB_RECORD_EVENT);
  g_assert_cmpint (time, >, 0);
  g_ptr_array_add (out, g_bytes_ref (payload));
  return TRUE;
}

static GPtrArray *
records_of (WbVault *vault)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_assert_true (wb_vault_foreach_record (vault, collect, out, &error));
  g_assert_no_error (error);
  return out;
}

static void
assert_verifies (WbVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  g_assert_true (wb_vault_verify (vault, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);
}

static WbVault *
create_pass (const char *path,
             const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  WbVault *vault = wb_vault_create_with_passphrase (path, "Student A", passphrase, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (vault);
  return vault;
}

/* --- key material ---------------------------------------------------------------- */

static void
unhex (const char *hex,
       guint8     *out)
{
  gsize i;

  for (i = 0; i < strlen (hex) / 2; i++)
    out[i] = (guint8) (g_ascii_xdigit_value (hex[2 * i]) * 16 + g_ascii_xdigit_value (hex[2 * i + 1]));
}

static void
test_x25519_rfc7748 (void)
{
  guint8 a_priv[32], a_pub[32], b_pub[32], shared[32], out[32];
  g_autoptr(WbX25519Key) alice = NULL;

  /* RFC 7748 §6.1 */
  unhex ("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", a_priv);
  unhex ("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", a_pub);
  unhex ("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", b_pub);
  unhex ("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", shared);

  alice = wb_x25519_key_new_from_private (a_priv, NULL);
  g_assert_nonnull (alice);
  g_assert_cmpmem (wb_x25519_key_get_public (alice), 32, a_pub, 32);
  g_assert_true (wb_vault_x25519 (out, a_priv, b_pub));
  g_assert_cmpmem (out, 32, shared, 32);
}

static void
test_x25519_low_order (void)
{
  guint8 zero[32] = { 0 }, one[32] = { 1 }, out[32];
  g_autoptr(WbX25519Key) key = wb_x25519_key_generate (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("wb-vault-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v.wbv", NULL);
  g_autoptr(WbVault) vault = NULL;

  /* Low-order points give an all-zero secret: refused, never used as a key. */
  g_assert_false (wb_vault_x25519 (out, wb_x25519_key_get_private (key), zero));
  g_assert_false (wb_vault_x25519 (out, wb_x25519_key_get_private (key), one));
  vault = wb_vault_create_with_public_key (path, "teacher", zero, &error);
  g_assert_null (vault);
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_key_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbX25519Key) key = wb_x25519_key_generate (&error);
  g_autoptr(WbX25519Key) loaded = NULL;
  g_autofree char *path = g_build_filename (f->dir, "teacher.key", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.key", NULL);
  g_autofree char *pub = NULL;
  g_autofree char *fp = NULL;
  g_autofree char *contents = NULL;
  guint8 back[32];
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (wb_x25519_key_save (key, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "werkbank-x25519-key-v1\nprivate: "));

  /* Never overwrites a key file. */
  g_assert_false (wb_x25519_key_save (key, path, &error));
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_EXISTS);
  g_clear_error (&error);

  loaded = wb_x25519_key_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (wb_x25519_key_get_public (loaded), 32, wb_x25519_key_get_public (key), 32);

  pub = wb_x25519_public_to_string (wb_x25519_key_get_public (key));
  g_assert_cmpuint (strlen (pub), ==, 44);
  g_assert_true (wb_x25519_public_from_string (pub, back, &error));
  g_assert_cmpmem (back, 32, wb_x25519_key_get_public (key), 32);
  g_assert_false (wb_x25519_public_from_string ("not a key", back, &error));
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  fp = wb_x25519_key_fingerprint (back);
  g_assert_cmpuint (strlen (fp), ==, 16);

  /* A public key that does not belong to the private one is refused. */
  contents[strlen (contents) - 3] = contents[strlen (contents) - 3] == 'A' ? 'B' : 'A';
  g_assert_true (g_file_set_contents (bad, contents, -1, NULL));
  g_assert_null (wb_x25519_key_load (bad, &error));
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (bad, "hello\n", -1, NULL));
  g_assert_null (wb_x25519_key_load (bad, &error));
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_INVALID);
}

static void
test_kdf_params (void)
{
  WbKdfParams p;

  g_setenv ("WERKBANK_FAST_KDF", "1", TRUE);
  wb_kdf_params_default (&p);
  g_assert_cmpuint (p.t_cost, ==, 1);
  g_assert_cmpuint (p.m_cost_kib, ==, 64 * 1024);
  g_unsetenv ("WERKBANK_FAST_KDF");
  wb_kdf_params_default (&p);
  g_assert_cmpuint (p.t_cost, ==, 3);
  g_assert_cmpuint (p.m_cost_kib, ==, 64 * 1024);
  g_assert_cmpuint (p.parallelism, ==, 1);
  g_assert_true (wb_vault_kdf_params_valid (&p));
  g_setenv ("WERKBANK_FAST_KDF", "1", TRUE);
  wb_kdf_params_fast (&p);
  g_assert_true (wb_vault_kdf_params_valid (&p));
  p.m_cost_kib = 4u * 1024 * 1024; /* 4 GiB crashes libgcrypt 1.10.1: must be refused */
  g_assert_false (wb_vault_kdf_params_valid (&p));
  p.m_cost_kib = 0;
  g_assert_false (wb_vault_kdf_params_valid (&p));
  wb_kdf_params_fast (&p);
  p.t_cost = 11;
  g_assert_false (wb_vault_kdf_params_valid (&p));
  wb_kdf_params_fast (&p);
  p.parallelism = 5;
  g_assert_false (wb_vault_kdf_params_valid (&p));
}

/* --- records and slots ---------------------------------------------------------- */

static void
test_records (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = create_pass (f->path, "correct horse");
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GBytes) big = NULL;
  const char *texts[] = { "{\"event\":\"start\"}", "", "second", "{\"x\":3}" };
  g_autofree guint8 *bigdata = g_malloc (300000);
  GStatBuf st;
  guint64 seq;
  guint i;

  g_assert_cmpstr (wb_vault_get_opened_by (vault), ==, "Student A");
  g_assert_cmpuint (strlen (wb_vault_get_id (vault)), ==, 32);
  g_assert_false (wb_vault_is_read_only (vault));
  g_assert_null (wb_vault_get_warnings (vault)[0]);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) b = text (texts[i]);
      g_assert_true (wb_vault_append (vault, WB_RECORD_EVENT, b, &seq, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (seq, ==, i + 1);
    }
  for (i = 0; i < 300000; i++)
    bigdata[i] = (guint8) (i * 7);
  big = g_bytes_new (bigdata, 300000);
  g_assert_true (wb_vault_append (vault, WB_RECORD_EVENT, big, &seq, &error));
  g_assert_cmpuint (wb_vault_get_n_records (vault), ==, 5);
  assert_verifies (vault);
  g_clear_object (&vault);

  vault = wb_vault_open_with_passphrase (f->path, "correct horse", WB_VAULT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (wb_vault_get_warnings (vault)[0]);
  got = records_of (vault);
  g_assert_cmpuint (got->len, ==, 5);
  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpmem (g_bytes_get_data (got->pdata[i], NULL), g_bytes_get_size (got->pdata[i]),
                     texts[i], strlen (texts[i]));
  g_assert_true (g_bytes_equal (got->pdata[4], big));

  /* Appending after a reopen continues the chain. */
  {
    g_autoptr(GBytes) b = text ("after reopen");
    g_assert_true (wb_vault_append (vault, WB_RECORD_EVENT, b, &seq, &error));
    g_assert_cmpuint (seq, ==, 6);
  }
  assert_verifies (vault);
}

static void
test_bad_arguments (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = create_pass (f->path, "pw");
  g_autoptr(WbVault) again = NULL;
  g_autoptr(WbVault) ro = NULL;
  g_autoptr(GBytes) b = text ("x");
  WbKdfParams huge = { 1, 4u * 1024 * 1024, 1 };

  g_assert_false (wb_vault_append (vault, (WbRecordType) 0, b, NULL, &error));
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wb_vault_add_passphrase_slot (vault, "x", "y", &huge, NULL, &error));
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_INVALID);
  g_clear_error (&error);

  again = wb_vault_create_with_passphrase (f->path, "x", "y", NULL, &error);
  g_assert_null (again);
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_EXISTS);
  g_clear_error (&error);

  /* A second writer is refused while the first holds the file. */
  again = wb_vault_open_with_passphrase (f->path, "pw", WB_VAULT_OPEN_DEFAULT, &error);
  g_assert_null (again);
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_IO);
  g_clear_error (&error);

  ro = wb_vault_open_with_passphrase (f->path, "pw", WB_VAULT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (wb_vault_is_read_only (ro));
  g_assert_false (wb_vault_append (ro, WB_RECORD_EVENT, b, NULL, &error));
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_READ_ONLY);
}

static void
test_wrong_passphrase (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = create_pass (f->path, "right");
  g_autoptr(WbVault) other = NULL;

  g_clear_object (&vault);
  other = wb_vault_open_with_passphrase (f->path, "wrong", WB_VAULT_OPEN_DEFAULT, &error);
  g_assert_null (other);
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_WRONG_KEY);
  g_assert_null (strstr (error->message, "wrong\""));
}

static void
test_wrong_key_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbX25519Key) teacher = wb_x25519_key_generate (NULL);
  g_autoptr(WbX25519Key) stranger = wb_x25519_key_generate (NULL);
  g_autoptr(WbVault) vault = NULL;

  vault = wb_vault_create_with_public_key (f->path, "teacher",
                                           wb_x25519_key_get_public (teacher), &error);
  g_assert_no_error (error);
  g_clear_object (&vault);
  vault = wb_vault_open_with_key (f->path, stranger, WB_VAULT_OPEN_DEFAULT, &error);
  g_assert_null (vault);
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_WRONG_KEY);
  g_clear_error (&error);
  vault = wb_vault_open_with_passphrase (f->path, "anything", WB_VAULT_OPEN_DEFAULT, &error);
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_WRONG_KEY);
  g_clear_error (&error);
  vault = wb_vault_open_with_key (f->path, teacher, WB_VAULT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wb_vault_get_opened_by (vault), ==, "teacher");
}

static void
test_slots (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbX25519Key) teacher = wb_x25519_key_generate (NULL);
  g_autoptr(WbVault) vault = create_pass (f->path, "first");
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GBytes) rec = text ("kept across slot changes");
  guint teacher_id = 0, second_id = 0;
  g_autofree char *long_label = g_strnfill (300, 'x');

  g_assert_true (wb_vault_append (vault, WB_RECORD_EVENT, rec, NULL, &error));
  g_assert_true (wb_vault_add_public_key_slot (vault, "Teacher", wb_x25519_key_get_public (teacher),
                                               &teacher_id, &error));
  g_assert_no_error (error);
  g_assert_true (wb_vault_add_passphrase_slot (vault, long_label, "second", NULL, &second_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (teacher_id, ==, 2);
  g_assert_cmpuint (second_id, ==, 3);
  slots = wb_vault_list_slots (vault);
  g_assert_cmpuint (slots->len, ==, 3);
  g_assert_cmpint (((WbVaultSlotInfo *) slots->pdata[1])->kind, ==, WB_VAULT_SLOT_X25519);
  g_assert_cmpmem (((WbVaultSlotInfo *) slots->pdata[1])->public_key, 32,
                   wb_x25519_key_get_public (teacher), 32);
  g_assert_cmpuint (strlen (((WbVaultSlotInfo *) slots->pdata[2])->label), ==, 128);
  assert_verifies (vault);
  g_clear_object (&vault);

  /* Each slot opens the same vault. */
  vault = wb_vault_open_with_passphrase (f->path, "first", 0, &error);
  g_assert_no_error (error);
  g_clear_object (&vault);
  vault = wb_vault_open_with_key (f->path, teacher, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wb_vault_get_opened_by (vault), ==, "Teacher");
  g_clear_object (&vault);
  vault = wb_vault_open_with_passphrase (f->path, "second", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wb_vault_get_n_records (vault), ==, 1);

  /* Remove the first slot: its passphrase no longer opens the file. */
  g_assert_true (wb_vault_remove_slot (vault, 1, &error));
  g_assert_no_error (error);
  g_assert_false (wb_vault_remove_slot (vault, 1, &error));
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SLOT);
  g_clear_error (&error);
  g_assert_true (wb_vault_remove_slot (vault, teacher_id, &error));
  g_assert_false (wb_vault_remove_slot (vault, second_id, &error));
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SLOT);
  g_clear_error (&error);
  assert_verifies (vault);
  g_clear_object (&vault);

  vault = wb_vault_open_with_passphrase (f->path, "first", 0, &error);
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_WRONG_KEY);
  g_clear_error (&error);
  vault = wb_vault_open_with_key (f->path, teacher, 0, &error);
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_WRONG_KEY);
  g_clear_error (&error);
  vault = wb_vault_open_with_passphrase (f->path, "second", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wb_vault_get_n_records (vault), ==, 1);
  {
    /* Slot ids are never reused. */
    guint id = 0;
    g_assert_true (wb_vault_add_passphrase_slot (vault, "again", "first", NULL, &id, &error));
    g_assert_cmpuint (id, ==, 4);
  }
}

/* --- attachments and compaction ------------------------------------------------------ */

static GBytes *
pattern (gsize   size,
         guint32 seed)
{
  guint8 *p = g_malloc (size + 1);
  gsize i;

  for (i = 0; i < size; i++)
    {
      seed = seed * 1103515245u + 12345u;
      p[i] = (guint8) (seed >> 16);
    }
  return g_bytes_new_take (p, size);
}

static char *
add_attachment (WbVault    *vault,
                const char *name,
                GBytes     *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (data);
  char *id = wb_vault_add_attachment (vault, name, "application/octet-stream", in, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static void
assert_attachment (WbVault    *vault,
                   const char *id,
                   GBytes     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) got = NULL;

  g_assert_true (wb_vault_read_attachment (vault, id, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  got = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_true (g_bytes_equal (got, expected));
}

static void
test_attachments (Fixture       *f,
                  gconstpointer  data)
{
  static const gsize sizes[] = { 0, 1, 65535, 65536, 65537, 3 * 65536 + 17 };
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = create_pass (f->path, "pw");
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) blobs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) recs = NULL;
  GStatBuf before, after;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("photo-%u.jpg", i);
      g_autoptr(GBytes) rec = text (name);
      GBytes *blob = pattern (sizes[i], i + 1);

      g_ptr_array_add (blobs, blob);
      g_ptr_array_add (ids, add_attachment (vault, name, blob));
      g_assert_true (wb_vault_append (vault, WB_RECORD_EVENT, rec, NULL, &error));
    }
  for (i = 0; i < ids->len; i++)
    assert_attachment (vault, ids->pdata[i], blobs->pdata[i]);
  list = wb_vault_list_attachments (vault);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (sizes));
  g_assert_cmpstr (((WbAttachmentInfo *) list->pdata[2])->name, ==, "photo-2.jpg");
  g_assert_cmpuint (((WbAttachmentInfo *) list->pdata[5])->size, ==, sizes[5]);
  g_clear_pointer (&list, g_ptr_array_unref);
  assert_verifies (vault);

  /* Delete the biggest and one small one; compaction drops their bytes. */
  g_assert_true (wb_vault_delete_attachment (vault, ids->pdata[5], &error));
  g_assert_true (wb_vault_delete_attachment (vault, ids->pdata[1], &error));
  g_assert_no_error (error);
  g_assert_false (wb_vault_delete_attachment (vault, ids->pdata[1], &error));
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (wb_vault_read_attachment (vault, ids->pdata[5], g_memory_output_stream_new_resizable (), NULL, &error));
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = wb_vault_list_attachments (vault);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (sizes) - 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_object (&vault);

  /* Deletions survive a reopen. */
  vault = wb_vault_open_with_passphrase (f->path, "pw", 0, &error);
  g_assert_no_error (error);
  list = wb_vault_list_attachments (vault);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (sizes) - 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_cmpint (g_stat (f->path, &before), ==, 0);
  g_assert_true (wb_vault_compact (vault, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->path, &after), ==, 0);
  g_assert_cmpint (after.st_size, <, before.st_size - (goffset) sizes[5]);
  g_assert_cmpint (after.st_mode & 0777, ==, 0600);
  assert_verifies (vault);
  for (i = 0; i < ids->len; i++)
    if (i != 1 && i != 5)
      assert_attachment (vault, ids->pdata[i], blobs->pdata[i]);
  {
    g_autoptr(GBytes) rec = text ("after compaction");
    g_assert_true (wb_vault_append (vault, WB_RECORD_EVENT, rec, NULL, &error));
  }
  g_clear_object (&vault);

  vault = wb_vault_open_with_passphrase (f->path, "pw", 0, &error);
  g_assert_no_error (error);
  g_assert_null (wb_vault_get_warnings (vault)[0]);
  recs = records_of (vault);
  g_assert_cmpuint (recs->len, ==, G_N_ELEMENTS (sizes) + 1);
  g_assert_cmpmem (g_bytes_get_data (recs->pdata[3], NULL), g_bytes_get_size (recs->pdata[3]),
                   "photo-3.jpg", 11);
  for (i = 0; i < ids->len; i++)
    if (i != 1 && i != 5)
      assert_attachment (vault, ids->pdata[i], blobs->pdata[i]);
  assert_verifies (vault);
  /* No compaction leftovers beside the file. */
  {
    g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
    guint n = 0;
    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
}

/* An input stream that fails half-way: the attachment must not appear and the file
 * must stay clean. */
static void
test_attachment_failure (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = create_pass (f->path, "pw");
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  g_autoptr(GBytes) blob = pattern (200000, 9);
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (blob);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) rec = text ("after");
  char *id;

  g_cancellable_cancel (cancel);
  id = wb_vault_add_attachment (vault, "x", NULL, in, cancel, &error);
  g_assert_null (id);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  list = wb_vault_list_attachments (vault);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_true (wb_vault_append (vault, WB_RECORD_EVENT, rec, NULL, &error));
  assert_verifies (vault);
}

static void
test_destroy (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = create_pass (f->path, "pw");
  g_autoptr(WbX25519Key) teacher = wb_x25519_key_generate (NULL);
  g_autoptr(WbDestructionFacts) facts = NULL;
  g_autoptr(GBytes) blob = pattern (1000, 3);
  g_autoptr(GBytes) rec = text ("to be erased");
  g_autofree char *id = NULL;

  g_assert_true (wb_vault_add_public_key_slot (vault, "Teacher", wb_x25519_key_get_public (teacher),
                                               NULL, &error));
  g_assert_true (wb_vault_append (vault, WB_RECORD_EVENT, rec, NULL, &error));
  id = add_attachment (vault, "scan.xml", blob);

  facts = wb_vault_destroy (vault, &error);
  g_assert_no_error (error);
  g_assert_nonnull (facts);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (facts->vault_id, ==, wb_vault_get_id (vault));
  g_assert_cmpstr (facts->path, ==, f->path);
  g_assert_cmpuint (facts->n_records, ==, 1);
  g_assert_cmpuint (facts->n_attachments, ==, 1);
  g_assert_cmpuint (facts->attachment_bytes, ==, 1000);
  g_assert_cmpuint (facts->n_slots_erased, ==, 2);
  g_assert_cmpuint (facts->file_size, >, 8192);
  g_assert_cmpint (facts->destroyed, >=, facts->last_change);
  g_assert_nonnull (strstr (facts->method, "overwritten"));
  g_assert_nonnull (strstr (facts->limits, "flash"));
  g_assert_nonnull (strstr (facts->limits, "passphrase"));

  /* The vault is closed afterwards. */
  g_assert_true (wb_vault_is_read_only (vault));
  g_assert_false (wb_vault_append (vault, WB_RECORD_EVENT, rec, NULL, &error));
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_IO);
}

/* The header copies overwritten with random bytes make a file nobody can open. */
static void
test_destroy_header_gone (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = create_pass (f->path, "pw");
  g_autoptr(WbDestructionFacts) facts = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "hardlink.wbv", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  /* A hard link keeps the erased inode reachable, so we can look at it. */
  g_assert_cmpint (link (f->path, copy), ==, 0);
  facts = wb_vault_destroy (vault, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (copy, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, 8192);
  g_assert_false (memcmp (contents, "WBVAULT", 7) == 0);
  g_clear_object (&vault);
  vault = wb_vault_open_with_passphrase (copy, "pw", 0, &error);
  g_assert_null (vault);
  g_assert_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_NOT_A_VAULT);
}

/* --- canary: no plaintext on disk -------------------------------------------------- */

static guint
count_in_file (const char *path,
               const char *marker)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  GStatBuf st;

  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > 64 * 1024 * 1024)
    return 0;
  if (!g_file_get_contents (path, &contents, &len, NULL))
    return 0;
  return memmem (contents, len, marker, strlen (marker)) != NULL ? 1 : 0;
}

static guint
count_in_tree (const char *dir,
               const char *marker,
               guint       depth)
{
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint hits = 0;

  if (depth > 6 || (d = g_dir_open (dir, 0, NULL)) == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_lstat (p, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        hits += count_in_tree (p, marker, depth + 1);
      else
        hits += count_in_file (p, marker);
    }
  return hits;
}

/* No label marker in the vault file, in plain UTF-8 or as any 8-byte piece of it. */
static void
assert_no_label_in_file (const char         *path,
                         const char * const *labels)
{
  g_autofree char *contents = NULL;
  gsize len = 0, k;
  guint i;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (i = 0; labels[i] != NULL; i++)
    for (k = 0; k + 8 <= strlen (labels[i]); k++)
      g_assert_null (memmem (contents, len, labels[i] + k, 8));
}

static void
assert_slot_labels (WbVault            *vault,
                    const char * const *labels)
{
  g_autoptr(GPtrArray) slots = wb_vault_list_slots (vault);
  guint i;

  g_assert_cmpuint (slots->len, ==, g_strv_length ((char **) labels));
  for (i = 0; i < slots->len; i++)
    g_assert_cmpstr (((WbVaultSlotInfo *) slots->pdata[i])->label, ==, labels[i]);
}

static void
test_canary (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(WbX25519Key) teacher = wb_x25519_key_generate (NULL);
  g_autofree char *cwd = g_get_current_dir ();
  /* Made at run time, so the marker is not in this test's own binary. */
  g_autofree char *rec_marker = g_strdup_printf ("CANARY-REC-%08x%08x", g_random_int (), g_random_int ());
  g_autofree char *att_marker = g_strdup_printf ("CANARY-ATT-%08x%08x", g_random_int (), g_random_int ());
  /* Slot labels are people's names: student, teacher, and one slot removed again. */
  g_autofree char *label1 = g_strdup_printf ("Canary-Label-7c1e-%08x", g_random_int ());
  g_autofree char *label2 = g_strdup_printf ("Canary-Teacher-%08x-Dani\xc3\xabl", g_random_int ());
  g_autofree char *label3 = g_strdup_printf ("Canary-Removed-%08x", g_random_int ());
  const char *labels[4] = { NULL };
  const char *live[3] = { NULL };
  g_autoptr(GString) att = g_string_new (NULL);
  g_autoptr(GBytes) att_bytes = NULL;
  g_autofree char *id = NULL;
  const char *markers[5];
  guint i, m, removed_id = 0;

  labels[0] = label1;
  labels[1] = label2;
  labels[2] = label3;
  live[0] = label1;
  live[1] = label2;
  vault = wb_vault_create_with_passphrase (f->path, label1, "pw", NULL, &error);
  g_assert_no_error (error);
  assert_no_label_in_file (f->path, labels);
  g_assert_cmpstr (wb_vault_get_opened_by (vault), ==, label1);

  for (i = 0; i < 5; i++)
    {
      g_autofree char *s = g_strdup_printf ("{\"note\":\"%s\",\"n\":%u}", rec_marker, i);
      g_autoptr(GBytes) b = text (s);
      g_assert_true (wb_vault_append (vault, WB_RECORD_EVENT, b, NULL, &error));
    }
  /* The marker straddles chunk boundaries too. */
  while (att->len < 3 * 65536)
    g_string_append_printf (att, "%s ", att_marker);
  att_bytes = g_bytes_new (att->str, att->len);
  id = add_attachment (vault, att_marker, att_bytes);

  /* Slots added later, and one removed again: every header write seals the labels. */
  g_assert_true (wb_vault_add_public_key_slot (vault, label2, wb_x25519_key_get_public (teacher),
                                               NULL, &error));
  g_assert_no_error (error);
  assert_no_label_in_file (f->path, labels);
  g_assert_true (wb_vault_add_passphrase_slot (vault, label3, "pw3", NULL, &removed_id, &error));
  g_assert_no_error (error);
  assert_no_label_in_file (f->path, labels);
  g_assert_true (wb_vault_remove_slot (vault, removed_id, &error));
  g_assert_no_error (error);
  assert_no_label_in_file (f->path, labels);
  assert_slot_labels (vault, live);

  g_assert_true (wb_vault_compact (vault, &error));
  g_assert_no_error (error);
  assert_attachment (vault, id, att_bytes);
  assert_no_label_in_file (f->path, labels);
  assert_verifies (vault);
  g_clear_object (&vault);

  /* The labels come back with either slot. */
  vault = wb_vault_open_with_passphrase (f->path, "pw", WB_VAULT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wb_vault_get_opened_by (vault), ==, label1);
  assert_slot_labels (vault, live);
  g_clear_object (&vault);
  vault = wb_vault_open_with_key (f->path, teacher, WB_VAULT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wb_vault_get_opened_by (vault), ==, label2);
  assert_slot_labels (vault, live);
  assert_verifies (vault);
  g_clear_object (&vault);

  markers[0] = rec_marker;
  markers[1] = att_marker;
  markers[2] = label1;
  markers[3] = label2;
  markers[4] = label3;
  for (m = 0; m < G_N_ELEMENTS (markers); m++)
    {
      g_assert_cmpuint (count_in_file (f->path, markers[m]), ==, 0);
      g_assert_cmpuint (count_in_tree (f->dir, markers[m], 0), ==, 0);
      g_assert_cmpuint (count_in_tree (cwd, markers[m], 0), ==, 0);
      g_assert_cmpuint (count_in_tree (g_get_tmp_dir (), markers[m], 0), ==, 0);
      if (g_getenv ("TMPDIR") != NULL)
        g_assert_cmpuint (count_in_tree (g_getenv ("TMPDIR"), markers[m], 0), ==, 0);
    }
}

/* The sealed label has one size: a one-letter label and a 128-byte one give headers of
 * the same layout, so the file does not tell how long a name is. */
static void
test_label_size_hidden (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path2 = g_build_filename (f->dir, "long.wbv", NULL);
  g_autofree char *long_label = g_strnfill (WB_VAULT_MAX_LABEL, 'x');
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(WbVault) v1 = wb_vault_create_with_passphrase (f->path, "A", "pw", NULL, &error);
  g_autoptr(WbVault) v2 = wb_vault_create_with_passphrase (path2, long_label, "pw", NULL, &error);
  gsize la, lb, i, slots_len = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (f->path, &a, &la, NULL));
  g_assert_true (g_file_get_contents (path2, &b, &lb, NULL));
  g_assert_cmpuint (la, ==, lb);
  /* Slots length (u32 LE) is that of one passphrase slot, in both files. */
  for (i = 0; i < 4; i++)
    slots_len |= (gsize) (guint8) a[WB_SB_OFF_SLOTS_LEN + i] << (8 * i);
  g_assert_cmpuint (slots_len, ==, WB_SLOT_COMMON_LEN + WB_SLOT_PASS_LEN + WB_SEALED_LABEL_LEN);
  g_assert_cmpmem (a + WB_SB_OFF_SLOTS_LEN, 4, b + WB_SB_OFF_SLOTS_LEN, 4);
  /* Zero padding from the MAC's end to the hash, in both. */
  for (i = WB_SB_OFF_SLOTS + slots_len + WB_SB_MAC_LEN; i < WB_SB_OFF_HASH; i++)
    g_assert_true (a[i] == 0 && b[i] == 0);
  g_assert_cmpstr (wb_vault_get_opened_by (v1), ==, "A");
  g_assert_cmpstr (wb_vault_get_opened_by (v2), ==, long_label);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("WERKBANK_FAST_KDF", "1", TRUE);
  if (!wb_init (&error))
    g_error ("wb_init: %s", error->message);

  g_test_add_func ("/vault/x25519/rfc7748", test_x25519_rfc7748);
  g_test_add_func ("/vault/x25519/low-order", test_x25519_low_order);
  g_test_add_func ("/vault/kdf-params", test_kdf_params);
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/vault/key-file", test_key_file);
  ADD ("/vault/records", test_records);
  ADD ("/vault/bad-arguments", test_bad_arguments);
  ADD ("/vault/wrong-passphrase", test_wrong_passphrase);
  ADD ("/vault/wrong-key-file", test_wrong_key_file);
  ADD ("/vault/slots", test_slots);
  ADD ("/vault/attachments", test_attachments);
  ADD ("/vault/attachment-failure", test_attachment_failure);
  ADD ("/vault/destroy", test_destroy);
  ADD ("/vault/destroy-header-gone", test_destroy_header_gone);
  ADD ("/vault/canary", test_canary);
  ADD ("/vault/label-size-hidden", test_label_size_hidden);
#undef ADD
  return g_test_run ();
}

/* fuzz-vault.c — libFuzzer target: arbitrary bytes as an engagement file
 *
 * Each input is written to a file in a private temporary folder and opened with a
 * fixed X25519 key file (a passphrase slot would spend 64 MiB of Argon2 per input);
 * when it opens, every record and attachment is read and the file verified. Built
 * with -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION so the header hash does not stop
 * the fuzzer before the slot parser.
 *
 * Seeds: run once with WB_FUZZ_SEED_DIR=<corpus dir> to write a few real vaults made
 * with the fixed key (records, attachments, a deleted one, several slots).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
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

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static WbX25519Key *key;
static char *dir;
static char *path;

static void
make_seed (const char *seed_dir,
           guint       variant)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("seed-%u.wbv", variant);
  g_autofree char *seed = g_build_filename (seed_dir, name, NULL);
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(WbX25519Key) other = wb_x25519_key_generate (NULL);
  guint i;

  g_unlink (seed);
  vault = wb_vault_create_with_public_key (seed, "fuzz", wb_x25519_key_get_public (key), &error);
  if (vault == NULL)
    g_error ("seed: %s", error->message);
  for (i = 0; i < variant * 2 + 1; i++)
    {
      g_autofree char *s = g_strdup_printf ("{\"n\":%u}", i);
      g_autoptr(GBytes) b = g_bytes_new (s, strlen (s));
      wb_vault_append (vault, WB_RECORD_EVENT, b, NULL, NULL);
    }
  if (variant >= 1)
    {
      g_autoptr(GBytes) blob = g_bytes_new_take (g_malloc0 (100 * variant), 100 * variant);
      g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (blob);
      g_autofree char *id = wb_vault_add_attachment (vault, "a", "text/plain", in, NULL, NULL);
      if (variant >= 2 && id != NULL)
        wb_vault_delete_attachment (vault, id, NULL);
    }
  if (variant >= 2)
    wb_vault_add_public_key_slot (vault, "other", wb_x25519_key_get_public (other), NULL, NULL);
}

static void
remove_scratch (void)
{
  g_unlink (path);
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static const guint8 priv[32] = { 0x77, 0x07, 0x6d, 0x0a, 0x73, 0x18, 0xa5, 0x7d,
                                   0x3c, 0x16, 0xc1, 0x72, 0x51, 0xb2, 0x66, 0x45,
                                   0xdf, 0x4c, 0x2f, 0x87, 0xeb, 0xc0, 0x99, 0x2a,
                                   0xb1, 0x77, 0xfb, 0xa5, 0x1d, 0xb9, 0x2c, 0x2a };
  g_autoptr(GError) error = NULL;
  const char *seed_dir = g_getenv ("WB_FUZZ_SEED_DIR");
  guint v;

  if (!wb_init (&error))
    g_error ("wb_init: %s", error->message);
  key = wb_x25519_key_new_from_private (priv, &error);
  g_assert (key != NULL);
  dir = g_dir_make_tmp ("wb-fuzz-vault-XXXXXX", &error);
  g_assert (dir != NULL);
  path = g_build_filename (dir, "input.wbv", NULL);
  atexit (remove_scratch);
  if (seed_dir != NULL)
    for (v = 0; v < 4; v++)
      make_seed (seed_dir, v);
  return 0;
}

static gboolean
count_record (guint64       seq,
              WbRecordType  type,
              gint64        time,
              GBytes       *payload,
              gpointer      user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(GPtrArray) atts = NULL;
  guint n = 0, i;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert (fd >= 0);
  g_assert (write (fd, data, size) == (ssize_t) size);
  close (fd);

  vault = wb_vault_open_with_key (path, key, WB_VAULT_OPEN_READ_ONLY, &error);
  if (vault == NULL)
    {
      g_assert (error != NULL && error->domain == WB_VAULT_ERROR);
      return 0;
    }
  wb_vault_foreach_record (vault, count_record, &n, NULL);
  g_assert (n == wb_vault_get_n_records (vault));
  atts = wb_vault_list_attachments (vault);
  for (i = 0; i < atts->len; i++)
    {
      WbAttachmentInfo *info = g_ptr_array_index (atts, i);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      wb_vault_read_attachment (vault, info->id, out, NULL, NULL);
    }
  wb_vault_verify (vault, NULL, NULL);
  return 0;
}

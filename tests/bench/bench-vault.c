/* bench-vault.c — helper for bench-vault.sh (not part of meson test)
 *
 *   bench-vault keygen KEYFILE
 *   bench-vault encrypt VAULT KEYFILE INPUT       X25519 slot, one attachment
 *   bench-vault encrypt-pass VAULT PASS INPUT     passphrase slot, default Argon2id
 *   bench-vault decrypt VAULT KEYFILE OUTPUT
 *   bench-vault decrypt-pass VAULT PASS OUTPUT
 *   bench-vault append VAULT KEYFILE N            prints median/p90 ms per commit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wb-init.h"
#include "wb-vault.h"

static void
die (GError *error)
{
  fprintf (stderr, "bench-vault: %s\n", error ? error->message : "failed");
  exit (1);
}

static int
cmp_gint64 (const void *a,
            const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static void
encrypt (WbVault    *vault,
         const char *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, &error);
  g_autofree char *id = NULL;

  if (in == NULL)
    die (error);
  id = wb_vault_add_attachment (vault, "bulk", NULL, G_INPUT_STREAM (in), NULL, &error);
  if (id == NULL)
    die (error);
}

static void
decrypt (WbVault    *vault,
         const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (output);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                                     NULL, &error);
  g_autoptr(GPtrArray) atts = NULL;

  if (out == NULL)
    die (error);
  atts = wb_vault_list_attachments (vault);
  if (atts->len != 1)
    die (NULL);
  if (!wb_vault_read_attachment (vault, ((WbAttachmentInfo *) atts->pdata[0])->id,
                                 G_OUTPUT_STREAM (out), NULL, &error)
      || !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
    die (error);
}

static void
append (WbVault *vault,
        guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *t = g_new (gint64, n);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autofree char *s = g_strdup_printf ("{\"event\":\"bench\",\"n\":%u,\"note\":\"a small "
                                            "record of about a hundred bytes\"}", i);
      g_autoptr(GBytes) b = g_bytes_new (s, strlen (s));
      gint64 start = g_get_monotonic_time ();

      if (!wb_vault_append (vault, WB_RECORD_EVENT, b, NULL, &error))
        die (error);
      t[i] = g_get_monotonic_time () - start;
    }
  qsort (t, n, sizeof *t, cmp_gint64);
  printf ("%.3f %.3f\n", t[n / 2] / 1000.0, t[(n * 9) / 10] / 1000.0);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbX25519Key) key = NULL;
  g_autoptr(WbVault) vault = NULL;
  const char *cmd;

  if (argc < 3 || !wb_init (&error))
    die (error);
  cmd = argv[1];
  if (strcmp (cmd, "keygen") == 0)
    {
      key = wb_x25519_key_generate (&error);
      if (key == NULL || !wb_x25519_key_save (key, argv[2], &error))
        die (error);
      return 0;
    }
  if (argc < 5)
    die (NULL);
  if (!g_str_has_suffix (cmd, "-pass") && (key = wb_x25519_key_load (argv[3], &error)) == NULL)
    die (error);

  if (strcmp (cmd, "encrypt") == 0)
    vault = wb_vault_create_with_public_key (argv[2], "bench", wb_x25519_key_get_public (key), &error);
  else if (strcmp (cmd, "encrypt-pass") == 0)
    vault = wb_vault_create_with_passphrase (argv[2], "bench", argv[3], NULL, &error);
  else if (strcmp (cmd, "decrypt-pass") == 0)
    vault = wb_vault_open_with_passphrase (argv[2], argv[3], WB_VAULT_OPEN_READ_ONLY, &error);
  else
    vault = wb_vault_open_with_key (argv[2], key, strcmp (cmd, "decrypt") == 0
                                    ? WB_VAULT_OPEN_READ_ONLY : WB_VAULT_OPEN_DEFAULT, &error);
  if (vault == NULL)
    die (error);

  if (g_str_has_prefix (cmd, "encrypt"))
    encrypt (vault, argv[4]);
  else if (g_str_has_prefix (cmd, "decrypt"))
    decrypt (vault, argv[4]);
  else if (strcmp (cmd, "append") == 0)
    append (vault, (guint) atoi (argv[4]));
  else
    die (NULL);
  return 0;
}

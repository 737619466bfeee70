/* vault-crash-writer.c — appends to a vault until killed (for test-vault-crash)
 *
 * Prints each record's sequence number, and "a <seq> <id>" for each attachment, only
 * after wb_vault_append / wb_vault_add_attachment returned: an acknowledgement means
 * "committed". The test kills this process with SIGKILL at random moments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "wb-init.h"
#include "wb-vault.h"

#include "vault-crash-payload.h"

/* Same function in test-vault-crash.c: the payload is known from the number alone. */


int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbX25519Key) key = NULL;
  g_autoptr(WbVault) vault = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s VAULT KEYFILE\n", argv[0]);
      return 2;
    }
  if (!wb_init (&error)
      || (key = wb_x25519_key_load (argv[2], &error)) == NULL
      || (vault = wb_vault_open_with_key (argv[1], key, WB_VAULT_OPEN_DEFAULT, &error)) == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (;;)
    {
      guint64 next = wb_vault_get_n_records (vault) + 1;
      g_autoptr(GBytes) payload = crash_payload (next);
      guint64 seq = 0;

      if (next % 8 == 0)
        {
          g_autoptr(GBytes) blob = crash_blob (next);
          g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (blob);
          g_autofree char *id = wb_vault_add_attachment (vault, "blob", NULL, in, NULL, &error);

          if (id == NULL)
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }
          printf ("a %" G_GUINT64_FORMAT " %s\n", next, id);
          fflush (stdout);
        }
      if (!wb_vault_append (vault, WB_RECORD_EVENT, payload, &seq, &error) || seq != next)
        {
          fprintf (stderr, "%s\n", error ? error->message : "wrong sequence number");
          return 1;
        }
      printf ("%" G_GUINT64_FORMAT "\n", seq);
      fflush (stdout);
    }
  return 0;
}

/* test-vault-crash.c — SIGKILL a writer at random moments; nothing acknowledged is lost
 *
 * A writer process (vault-crash-writer) appends records and attachments and prints
 * each one after it is committed. We kill it with SIGKILL at random times, over and
 * over, then open the vault: every acknowledged record and attachment must be there,
 * intact, and no damage may be reported as tampering.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wb-init.h"
#include "wb-vault.h"

#include "vault-crash-payload.h"

#define N_KILLS      220
#define TIME_LIMIT_S 60


typedef struct {
  guint64     max_acked;
  guint       n_acked;
  GHashTable *attachments; /* id → seq */
} Acks;

static void
parse_acks (const char *out,
            Acks       *acks)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint i, n = g_strv_length (lines);

  /* The last piece has no newline: a line cut off by the kill is not an ack. */
  for (i = 0; i + 1 < n; i++)
    {
      if (g_str_has_prefix (lines[i], "a "))
        {
          g_auto(GStrv) parts = g_strsplit (lines[i], " ", 3);

          g_assert_cmpuint (g_strv_length (parts), ==, 3);
          g_hash_table_insert (acks->attachments, g_strdup (parts[2]),
                               GSIZE_TO_POINTER ((gsize) g_ascii_strtoull (parts[1], NULL, 10)));
        }
      else
        {
          guint64 seq = g_ascii_strtoull (lines[i], NULL, 10);

          g_assert_cmpuint (seq, >, 0);
          acks->max_acked = MAX (acks->max_acked, seq);
          acks->n_acked++;
        }
    }
}

static void
run_and_kill (const char *writer,
              const char *vault,
              const char *keyfile,
              Acks       *acks)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  GInputStream *pipe;
  guint8 buf[4096];
  gssize n;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, writer, vault, keyfile, NULL);
  g_assert_no_error (error);
  g_usleep (g_random_int_range (2000, 40000));
  g_subprocess_force_exit (proc); /* SIGKILL */
  pipe = g_subprocess_get_stdout_pipe (proc);
  while ((n = g_input_stream_read (pipe, buf, sizeof buf, NULL, &error)) > 0)
    g_byte_array_append (out, buf, (guint) n);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (proc, NULL, &error));
  /* Killed by us, or (rarely) it never got going: either is fine, an error exit is not. */
  g_assert_false (g_subprocess_get_if_exited (proc) && g_subprocess_get_exit_status (proc) != 0);
  g_byte_array_append (out, (const guint8 *) "", 1);
  parse_acks ((const char *) out->data, acks);
}

static gboolean
check_record (guint64       seq,
              WbRecordType  type,
              gint64        time,
              GBytes       *payload,
              gpointer      user_data)
{
  g_autoptr(GBytes) expected = crash_payload (seq);

  /* Committed but not yet acknowledged records are allowed; altered ones never. */
  g_assert_true (g_bytes_equal (payload, expected));
  return TRUE;
}

static void
test_sigkill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("wb-vault-crash-XXXXXX", &error);
  g_autofree char *vault_path = g_build_filename (dir, "crash.wbv", NULL);
  g_autofree char *key_path = g_build_filename (dir, "teacher.key", NULL);
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "vault-crash-writer", NULL);
  g_autoptr(WbX25519Key) key = wb_x25519_key_generate (&error);
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(GBytes) last = NULL;
  Acks acks = { 0, 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  gint64 start = g_get_monotonic_time ();
  GHashTableIter iter;
  gpointer id, seq;
  guint kills;

  g_assert_true (wb_x25519_key_save (key, key_path, &error));
  vault = wb_vault_create_with_public_key (vault_path, "teacher", wb_x25519_key_get_public (key), &error);
  g_assert_no_error (error);
  g_clear_object (&vault);

  for (kills = 0; kills < N_KILLS; kills++)
    {
      if (g_get_monotonic_time () - start > TIME_LIMIT_S * G_USEC_PER_SEC)
        break;
      run_and_kill (writer, vault_path, key_path, &acks);
    }
  g_test_message ("%u SIGKILLs, %u acknowledged records (highest %" G_GUINT64_FORMAT "), "
                  "%u acknowledged attachments",
                  kills, acks.n_acked, acks.max_acked, g_hash_table_size (acks.attachments));
  g_assert_cmpuint (kills, >=, 200);
  g_assert_cmpuint (acks.n_acked, >, 0);

  vault = wb_vault_open_with_key (vault_path, key, WB_VAULT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* A crash may leave a torn tail, never something that looks like tampering. */
  g_assert_false (wb_vault_is_read_only (vault));
  g_assert_cmpuint (wb_vault_get_n_records (vault), >=, acks.max_acked);
  g_assert_true (wb_vault_foreach_record (vault, check_record, NULL, &error));
  g_assert_no_error (error);

  g_hash_table_iter_init (&iter, acks.attachments);
  while (g_hash_table_iter_next (&iter, &id, &seq))
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GBytes) got = NULL;
      g_autoptr(GBytes) expected = crash_blob (GPOINTER_TO_SIZE (seq));

      g_assert_true (wb_vault_read_attachment (vault, id, out, NULL, &error));
      g_assert_no_error (error);
      g_output_stream_close (out, NULL, NULL);
      got = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
      g_assert_true (g_bytes_equal (got, expected));
    }

  /* One more write cuts off any torn tail; then every byte verifies. */
  last = crash_payload (wb_vault_get_n_records (vault) + 1);
  g_assert_true (wb_vault_append (vault, WB_RECORD_EVENT, last, NULL, &error));
  g_assert_true (wb_vault_verify (vault, NULL, &error));
  g_assert_no_error (error);

  g_hash_table_unref (acks.attachments);
  g_clear_object (&vault);
  g_unlink (vault_path);
  g_unlink (key_path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  if (!wb_init (&error))
    g_error ("wb_init: %s", error->message);
  g_test_add_func ("/vault-crash/sigkill", test_sigkill);
  return g_test_run ();
}

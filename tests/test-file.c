/* test-file.c — a deliverable is written whole, private and without a stale tail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "wb-file.h"

static void
test_overwrite_shorter (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wb-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  GStatBuf st;

  /* An earlier, longer file with a wide mode, as a user might have left it. */
  g_assert_true (g_file_set_contents (path, "a much longer earlier report", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  g_assert_true (wb_file_write_private (path, "short", 5, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, 5);
  g_assert_cmpmem (contents, length, "short", 5);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unwritable (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (wb_file_write_private ("/nonexistent-dir/x.pdf", "x", 1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/x.pdf"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file/overwrite-shorter", test_overwrite_shorter);
  g_test_add_func ("/file/unwritable", test_unwritable);
  return g_test_run ();
}

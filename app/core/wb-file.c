/* wb-file.c — writing a deliverable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wb-file.h"

static gboolean
fail (const char *path, int saved_errno, GError **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

gboolean
wb_file_write_private (const char *path, gconstpointer data, gsize size, GError **error)
{
  const guint8 *p = data;
  int fd;

  /* O_TRUNC matters: GLib 2.74's in-place g_file_set_contents_full() does not truncate,
   * so a shorter report written over a longer one kept the old tail. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    return fail (path, errno, error);
  if (fchmod (fd, 0600) != 0)
    goto failed;
  while (size > 0)
    {
      ssize_t n = write (fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto failed;
      p += n;
      size -= (gsize) n;
    }
  if (fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      int saved = errno;

      g_unlink (path);
      return fail (path, saved, error);
    }
  return TRUE;

failed:
  {
    int saved = errno ? errno : EIO;

    close (fd);
    g_unlink (path);
    return fail (path, saved, error);
  }
}

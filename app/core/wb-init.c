/* wb-init.c — process-wide set-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <gcrypt.h>
#include <locale.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "wb-init.h"

/* 256 KiB of locked memory holds every key of a session many times over; it is below
 * the default RLIMIT_MEMLOCK of 8 MiB on Debian 12. */
#define WB_SECMEM_SIZE (256 * 1024)

static gboolean initialised;

static void
disable_core_dumps (void)
{
  struct rlimit none = { 0, 0 };

  /* A crash must not leave key material or Argon2 working memory in a core file. */
  setrlimit (RLIMIT_CORE, &none);
  prctl (PR_SET_DUMPABLE, 0, 0, 0, 0);
}

gboolean
wb_init (GError **error)
{
  if (initialised)
    return TRUE;

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WERKBANK_LOCALEDIR") ?
                  g_getenv ("WERKBANK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  disable_core_dumps ();

  if (!gcry_check_version ("1.10.1"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("libgcrypt 1.10.1 or newer is needed"));
      return FALSE;
    }
  /* Quiet the "Warning: using insecure memory!" line; we check the result ourselves. */
  gcry_control (GCRYCTL_DISABLE_SECMEM_WARN);
  if (gcry_control (GCRYCTL_INIT_SECMEM, WB_SECMEM_SIZE, 0) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not reserve protected memory for keys. Raise the "
                     "locked-memory limit (ulimit -l) to at least 256 KiB."));
      return FALSE;
    }
  gcry_control (GCRYCTL_INITIALIZATION_FINISHED, 0);
  initialised = TRUE;
  return TRUE;
}

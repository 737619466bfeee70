/* main.c — entry point of the Werkbank GUI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "wb-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WbApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* Bind before anything is translated: GLib decides once, at the first g_dgettext(),
   * whether the catalogue exists; wb_init() (at start-up) binds the same directory. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WERKBANK_LOCALEDIR") != NULL
                  ? g_getenv ("WERKBANK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* The default domain for _() and .ui files. */
  textdomain (GETTEXT_PACKAGE);

  app = wb_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  if (status == 0)
    status = wb_application_get_exit_status (app);

  return status;
}

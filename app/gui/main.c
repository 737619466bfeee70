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
  /* wb_init() binds the domain; this makes it the default for _() and .ui files. */
  textdomain (GETTEXT_PACKAGE);

  app = wb_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  if (status == 0)
    status = wb_application_get_exit_status (app);

  return status;
}

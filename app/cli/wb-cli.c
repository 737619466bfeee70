#include "config.h"
#include <glib.h>
#include "wb-init.h"
int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  if (!wb_init (&error))
    return 1;
  return 0;
}

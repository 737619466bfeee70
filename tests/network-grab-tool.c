/* network-grab-tool.c — test helper: reads one service with the network plugin's banner
 * code and prints what it learned as JSON, with the time it took ("elapsed_ms").
 * Usage: network-grab-tool ADDRESS PORT [WERKBANK-TLS-CHECK]. Used by test-network-grab.sh inside a network
 * namespace the test created; it never picks an address itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "wb-init.h"
#include "wb-network-grab.h"

int
main (int argc, char **argv)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  JsonObject *result;
  gint64 start;

  if (argc < 3 || argc > 4 || !wb_init (NULL))
    return 2;
  if (argc == 4)
    wb_network_grab_set_tls_helper (argv[3]);
  result = json_object_new ();
  start = g_get_monotonic_time ();
  wb_network_grab (argv[1], (guint) atoi (argv[2]), TRUE, result, NULL);
  json_object_set_int_member (result, "elapsed_ms", (g_get_monotonic_time () - start) / 1000);
  json_node_take_object (node, result);
  text = json_to_string (node, FALSE);
  g_print ("%s\n", text);
  return 0;
}

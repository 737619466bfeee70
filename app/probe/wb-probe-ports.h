/* wb-probe-ports.h — TCP port sets: "top1000", "all", "none" or "22,80,8000-8100"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WB_PROBE_PORTS_MAX_LENGTH 256
#define WB_PROBE_PORTS_MAX_ITEMS 64

const guint16 *wb_probe_top1000 (gsize *n);
/* The ports of @spec, ascending, each once (guint16 elements); NULL with a message for
 * a malformed or oversized list. */
GArray        *wb_probe_parse_ports (const char *spec, GError **error);

G_END_DECLS

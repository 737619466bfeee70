/* wb-network-hosts.h — the "hosts" data of the network plugin, and the rules on it
 *
 * The hosts and services the scan found are kept as JSON (docs/network-data.md): the
 * plugin stores them, other plugins and the report read them, nmap XML is converted to
 * and from them. The rules turn them into findings; they are a pure function of the
 * data, so a test can give them any hosts and check what comes out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wb-scope.h"

G_BEGIN_DECLS

/* Finds the host with @address in @hosts (an array of host objects), or adds it. */
JsonObject *wb_hosts_get_host (JsonArray *hosts, const char *address);
JsonObject *wb_hosts_lookup_host (JsonArray *hosts, const char *address);
/* Finds or adds the port object of @host. */
JsonObject *wb_hosts_get_port (JsonObject *host, const char *protocol, gint64 port);
/* Sorts hosts by address (numerically) and ports by protocol and number. */
void        wb_hosts_sort (JsonArray *hosts);

/* Checks the whole structure strictly (types, ranges, known members); every host
 * address must be in @scope when it is not NULL. */
gboolean    wb_hosts_validate (JsonNode *hosts, WbScope *scope, GError **error);

/* Findings (of WbFinding) the rules raise for @hosts, using the advice in @checks
 * (from wb_network_advice_load). @scan_error, when set, adds network.scan-incomplete. */
GPtrArray  *wb_network_rules_apply (JsonArray *hosts, GHashTable *checks,
                                    const char *scan_error);

/* The tables for the report: [{"title", "columns", "rows"}], texts translated. */
JsonNode   *wb_network_report_sections (JsonArray *hosts);

G_END_DECLS

/* wb-host-table.h — the network scan's hosts and their open services, as a boxed list
 *
 * One expandable row per host (its address; names, MAC and how many ports are open
 * underneath), one row per open port inside it (port/protocol and service; product,
 * version, banner, web page title, TLS underneath). Reads the network plugin's "hosts"
 * data as docs/network-data.md describes it; members it does not know are ignored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WB_TYPE_HOST_TABLE (wb_host_table_get_type ())

G_DECLARE_FINAL_TYPE (WbHostTable, wb_host_table, WB, HOST_TABLE, AdwBin)

GtkWidget *wb_host_table_new        (void);
/* @hosts: the "hosts" array, or NULL when there is no scan yet. Redraws only when the
 * hosts differ from what is shown, so a refresh keeps rows expanded and focus. */
void       wb_host_table_set_hosts  (WbHostTable *self,
                                     JsonNode    *hosts);
/* While a scan runs, the summary says when its hosts will appear. */
void       wb_host_table_set_running (WbHostTable *self,
                                      gboolean     running);
guint      wb_host_table_get_n_hosts (WbHostTable *self);
/* The rows shown for the host @address, as "PORT/PROTOCOL" separated by spaces in the
 * order shown ("" when it shows no open port), or NULL when no row shows the host. For
 * the test driver: it reads what the rows show. */
char      *wb_host_table_describe_host (WbHostTable *self,
                                        const char  *address);

G_END_DECLS

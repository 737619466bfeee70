/* wb-network-xml.h — the network plugin's hosts as nmap XML, and back
 *
 * nmap's XML output (nmap.dtd, xmloutputversion 1.05) is what other tools read and
 * write, so students can bring results from elsewhere and hand ours on. We write the
 * elements nmap writes (nmaprun, host, status, address, hostnames, ports, port, state,
 * service, script, runstats) and read them back with GMarkup, which knows no DTDs and
 * so expands no entities: "billion laughs" and external entities are simply errors.
 * What nmap has no element for (TLS details, SMB dialects, a UDP answer's details) goes
 * into <script> elements with <elem key="..."> children, as nmap's own scripts do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wb-scope.h"

G_BEGIN_DECLS

/* Largest XML file we read: a /16 fully scanned fits easily. */
#define WB_NMAP_XML_MAX_BYTES (64 * 1024 * 1024)
#define WB_NMAP_XML_MAX_HOSTS 65536

/* nmap XML for @hosts (the "hosts" data); @start is the scan's start (unix seconds). */
char      *wb_nmap_xml_export (JsonArray *hosts, gint64 start);

/* Reads nmap XML into a new "hosts" array. Every host's address must be in @scope: one
 * outside it refuses the whole file (WB_SCOPE_ERROR_OUT_OF_SCOPE). Hosts nmap saw down
 * are left out. Malformed or hostile XML: G_MARKUP_ERROR or G_IO_ERROR_INVALID_DATA. */
JsonArray *wb_nmap_xml_import (const char *data, gssize len, WbScope *scope, GError **error);

G_END_DECLS

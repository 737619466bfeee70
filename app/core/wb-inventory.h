/* wb-inventory.h — a software inventory exported by the company's admin
 *
 * Parses the exports of the commands in docs/patching.md: the Windows uninstall
 * registry through PowerShell (ConvertTo-Csv or ConvertTo-Json), `winget list`,
 * `dpkg-query -W -f='${Package}\t${Version}\n'` and macOS `system_profiler
 * SPApplicationsDataType -json`. Input is untrusted: UTF-8, UTF-16 (with or without
 * BOM) and Windows-1252 are read, the size and the number of items are bounded, and a
 * malformed row is skipped AND counted with its line number, never dropped silently.
 * The result is kept in memory only; the caller stores it in the (encrypted) engagement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WB_INVENTORY_MAX_BYTES (64u * 1024 * 1024) /* larger files are refused */
#define WB_INVENTORY_MAX_ITEMS 100000              /* beyond this, the rest is cut */
#define WB_INVENTORY_MAX_LISTED_LINES 50           /* skipped line numbers kept */

typedef enum {
  WB_INVENTORY_FORMAT_AUTO,
  WB_INVENTORY_FORMAT_POWERSHELL_CSV,
  WB_INVENTORY_FORMAT_POWERSHELL_JSON,
  WB_INVENTORY_FORMAT_WINGET,
  WB_INVENTORY_FORMAT_DPKG,
  WB_INVENTORY_FORMAT_SYSTEM_PROFILER,
} WbInventoryFormat;

/* "auto", "powershell-csv", "powershell-json", "winget", "dpkg", "system-profiler" */
const char *wb_inventory_format_to_string (WbInventoryFormat format);
gboolean    wb_inventory_format_from_string (const char *text, WbInventoryFormat *out);

typedef struct {
  char    *name;
  char    *version;   /* NULL when the export had none */
  char    *publisher; /* NULL when unknown */
  gboolean truncated; /* winget cut the name ("…"): matching is less certain */
} WbInventoryItem;

typedef struct {
  WbInventoryFormat format;    /* the format read (detected when AUTO was asked) */
  const char       *encoding;  /* "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1252" */
  GPtrArray        *items;     /* of WbInventoryItem */
  guint             n_skipped; /* malformed rows (or JSON entries) skipped */
  GArray           *skipped_lines; /* guint: the first WB_INVENTORY_MAX_LISTED_LINES */
  gboolean          skipped_are_entries; /* JSON formats: numbers are entries, not lines */
  gboolean          cut;       /* more than WB_INVENTORY_MAX_ITEMS: the rest was left */
} WbInventory;

void         wb_inventory_free (WbInventory *inventory);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbInventory, wb_inventory_free)

/* NULL with G_IO_ERROR_INVALID_DATA and a message when nothing could be read (unknown
 * format, too large, not text). Malformed rows alone are no error: see n_skipped. */
WbInventory *wb_inventory_parse (const char *data, gsize length, WbInventoryFormat format,
                                 GError **error);

/* A plain-words summary: "312 programs read; 2 rows skipped (lines 7, 19)". */
char        *wb_inventory_describe (WbInventory *inventory);

/* The stored form (docs/patching.md):
 * { "format", "encoding", "asset", "imported", "skipped", "skipped_lines",
 *   "skipped_are_entries", "cut", "items": [ { "name", "version", "publisher",
 *   "truncated" } ] } */
JsonNode    *wb_inventory_to_json (WbInventory *inventory, const char *asset,
                                   const char *imported);

G_END_DECLS

/* wb-file.h — writing a deliverable the user asked for (a report, a signed PDF, a
 * certificate, an export)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @data to @path in place: created or truncated, mode 0600 (also when the file
 * existed with a wider mode), synced to disk before it returns. No temporary file beside
 * it: that would be one more copy of the company's data to clean up. On failure the
 * partial file is removed. */
gboolean wb_file_write_private (const char    *path,
                                gconstpointer  data,
                                gsize          size,
                                GError       **error);

G_END_DECLS

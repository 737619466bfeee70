/* wb-report-catalog.c — a reader for GNU .mo catalogues
 *
 * Format (GNU gettext manual, "The Format of GNU MO Files"): a header of 32-bit words
 * (magic, revision, number of strings, offset of the original table, offset of the
 * translation table), then two tables of (length, offset) pairs. The originals are
 * sorted bytewise, so a binary search finds a text. Every offset and length is checked
 * against the file size: a damaged catalogue must not crash the report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <string.h>

#include "wb-report-catalog.h"

#define MO_MAGIC 0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

struct _WbReportCatalog {
  GMappedFile *file;
  const guint8 *data;
  gsize         size;
  gboolean      swapped;
  gboolean      needs_file; /* not English */
  guint32       n_strings;
  guint32       originals;
  guint32       translations;
};

static gboolean
read_word (WbReportCatalog *self, gsize offset, guint32 *out)
{
  guint32 word;

  if (offset > self->size || self->size - offset < 4)
    return FALSE;
  memcpy (&word, self->data + offset, 4);
  *out = self->swapped ? GUINT32_SWAP_LE_BE (word) : word;
  return TRUE;
}

/* The string of table entry @index, checked to lie inside the file and end in NUL. */
static const char *
read_entry (WbReportCatalog *self, guint32 table, guint32 index)
{
  guint32 length, offset;

  if (!read_word (self, (gsize) table + (gsize) index * 8, &length) ||
      !read_word (self, (gsize) table + (gsize) index * 8 + 4, &offset))
    return NULL;
  if (offset > self->size || self->size - offset <= length ||
      self->data[(gsize) offset + length] != '\0')
    return NULL;
  return (const char *) self->data + offset;
}

static gboolean
parse_header (WbReportCatalog *self)
{
  guint32 magic;

  if (self->size < 28)
    return FALSE;
  memcpy (&magic, self->data, 4);
  if (magic == MO_MAGIC_SWAPPED)
    self->swapped = TRUE;
  else if (magic != MO_MAGIC)
    return FALSE;
  return read_word (self, 8, &self->n_strings) &&
         read_word (self, 12, &self->originals) &&
         read_word (self, 16, &self->translations);
}

WbReportCatalog *
wb_report_catalog_new (const char *language)
{
  WbReportCatalog *self = g_new0 (WbReportCatalog, 1);
  const char *dir;
  g_autofree char *path = NULL;

  if (language == NULL || g_str_equal (language, "en"))
    return self;
  self->needs_file = TRUE;
  /* The folder wb_init() bound the text domain to (WERKBANK_LOCALEDIR in tests). */
  dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  path = g_build_filename (dir != NULL ? dir : LOCALEDIR, language, "LC_MESSAGES",
                           GETTEXT_PACKAGE ".mo", NULL);
  self->file = g_mapped_file_new (path, FALSE, NULL);
  if (self->file != NULL)
    {
      self->data = (const guint8 *) g_mapped_file_get_contents (self->file);
      self->size = g_mapped_file_get_length (self->file);
      if (self->data == NULL || !parse_header (self))
        g_clear_pointer (&self->file, g_mapped_file_unref);
    }
  return self;
}

void
wb_report_catalog_free (WbReportCatalog *catalog)
{
  if (catalog == NULL)
    return;
  g_clear_pointer (&catalog->file, g_mapped_file_unref);
  g_free (catalog);
}

gboolean
wb_report_catalog_is_complete (WbReportCatalog *catalog)
{
  return !catalog->needs_file || catalog->file != NULL;
}

const char *
wb_report_catalog_lookup (WbReportCatalog *catalog, const char *msgid)
{
  guint32 low = 0, high;

  if (catalog->file == NULL || msgid == NULL || *msgid == '\0')
    return msgid;
  high = catalog->n_strings;
  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;
      const char *original = read_entry (catalog, catalog->originals, middle);
      int cmp;

      if (original == NULL)
        return msgid;
      cmp = strcmp (msgid, original);
      if (cmp == 0)
        {
          const char *translation = read_entry (catalog, catalog->translations, middle);

          /* An empty translation means "not translated" in a .mo file. */
          return translation != NULL && *translation != '\0' ? translation : msgid;
        }
      if (cmp < 0)
        high = middle;
      else
        low = middle + 1;
    }
  return msgid;
}

/* fuzz-pdf-read.c — libFuzzer target: arbitrary bytes as a PDF to sign or verify
 *
 * Exercises the reader used for incremental updates (app/core/wb-pdf-read.c): the
 * cross-reference sections and trailers, every object the table names, the page tree,
 * the AcroForm fields, and writing each parsed object back out. Seeds: any PDFs (the
 * signed ones test-sign leaves with WB_KEEP_TEST_DIR=1 are good ones), or the small
 * built-in one written with WB_FUZZ_SEED_DIR=<corpus dir>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "wb-pdf-read.h"

/* The error domain lives in wb-identity.c, which the reader alone does not need. */
GQuark wb_sign_error_quark (void);
G_DEFINE_QUARK (wb-sign-error-quark, wb_sign_error)

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char seed[] =
  "%PDF-1.5\n"
  "1 0 obj\n<< /Type /Catalog /Pages 2 0 R % a comment inside, as cairo writes\n"
  "/AcroForm << /Fields [5 0 R] >> >>\nendobj\n"
  "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
  "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Annots [5 0 R] >>\nendobj\n"
  "4 0 obj\n<< /Type /Sig /ByteRange [0 10 20 30] /Contents <00ff> /M (D:2026\\(x\\)) >>\nendobj\n"
  "5 0 obj\n<< /FT /Sig /T (Sig#1) /V 4 0 R /Kids [] >>\nendobj\n"
  "xref\n0 6\n"
  "0000000000 65535 f \n"
  "0000000009 00000 n \n"
  "0000000129 00000 n \n"
  "0000000185 00000 n \n"
  "0000000281 00000 n \n"
  "0000000373 00000 n \n"
  "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n428\n%%EOF\n";

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *seed_dir = g_getenv ("WB_FUZZ_SEED_DIR");

  if (seed_dir != NULL)
    {
      g_autofree char *path = g_build_filename (seed_dir, "seed-small.pdf", NULL);

      g_mkdir_with_parents (seed_dir, 0700);
      g_file_set_contents (path, seed, sizeof seed - 1, NULL);
    }
  return 0;
}

static void
walk_fields (WbPdfDoc       *doc,
             const WbPdfObj *fields,
             guint           depth)
{
  const WbPdfObj *arr = wb_pdf_doc_resolve (doc, fields, NULL);

  if (arr == NULL || arr->kind != WB_PDF_ARRAY || depth > 8)
    return;
  for (guint i = 0; i < arr->items->len && i < 64; i++)
    {
      const WbPdfObj *field = wb_pdf_doc_resolve (doc, arr->items->pdata[i], NULL);

      if (field == NULL)
        continue;
      wb_pdf_doc_resolve (doc, wb_pdf_dict_get (field, "V"), NULL);
      if (wb_pdf_dict_get (field, "Kids") != NULL)
        walk_fields (doc, wb_pdf_dict_get (field, "Kids"), depth + 1);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(WbPdfDoc) doc = wb_pdf_doc_open (bytes, NULL);
  g_autoptr(GArray) pages = NULL;
  GString *out;
  guint root;

  if (doc == NULL)
    return 0;
  out = g_string_new (NULL);
  wb_pdf_obj_write (wb_pdf_doc_get_trailer (doc), out);
  /* Every object the table names, parsed and written back. */
  for (guint num = 0; num < MIN (wb_pdf_doc_get_size (doc), 2000u); num++)
    {
      const WbPdfObj *obj = wb_pdf_doc_get_object (doc, num, NULL);

      if (obj != NULL)
        {
          g_autoptr(WbPdfObj) copy = wb_pdf_obj_copy (obj);

          g_string_truncate (out, 0);
          wb_pdf_obj_write (copy, out);
        }
    }
  root = wb_pdf_doc_get_root (doc, NULL);
  if (root != 0)
    {
      const WbPdfObj *catalog = wb_pdf_doc_get_object (doc, root, NULL);
      const WbPdfObj *form = wb_pdf_doc_resolve (doc, wb_pdf_dict_get (catalog, "AcroForm"),
                                                 NULL);

      pages = wb_pdf_doc_get_pages (doc, NULL);
      if (form != NULL)
        walk_fields (doc, wb_pdf_dict_get (form, "Fields"), 0);
    }
  g_string_free (out, TRUE);
  return 0;
}

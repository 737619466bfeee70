/* wb-pdf-read.h — just enough PDF reading to append a signature and check one
 *
 * The reader finds the last cross-reference table and trailer, follows /Prev, and
 * parses single objects on demand (dictionaries, arrays, names, strings, numbers,
 * references; stream data is never decoded). Input is hostile by default: every
 * offset, length, count and nesting depth is bounded, `%` comments are skipped (cairo
 * writes them inside dictionaries), reference cycles end. Cross-reference streams
 * (PDF 1.5 compressed files) are refused with a clear message: incremental updates
 * here append classic tables, as cairo writes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  WB_PDF_NULL,
  WB_PDF_BOOL,
  WB_PDF_INT,
  WB_PDF_REAL,
  WB_PDF_STRING,
  WB_PDF_NAME,
  WB_PDF_ARRAY,
  WB_PDF_DICT,
  WB_PDF_REF,
} WbPdfKind;

typedef struct _WbPdfObj WbPdfObj;
struct _WbPdfObj {
  WbPdfKind  kind;
  gint64     integer;  /* INT, BOOL; REF: object number */
  double     real;
  guint      gen;      /* REF */
  GBytes    *bytes;    /* STRING (decoded), NAME (without '/', decoded) */
  GPtrArray *items;    /* ARRAY: values; DICT: key (NAME), value, key, value, ... */
  gsize      offset;   /* where it starts in the file; STRING: where its '<' or '(' is */
  gsize      end;      /* one past its last byte */
};

WbPdfObj *wb_pdf_obj_new (WbPdfKind kind);
WbPdfObj *wb_pdf_obj_new_int (gint64 value);
WbPdfObj *wb_pdf_obj_new_name (const char *name);
WbPdfObj *wb_pdf_obj_new_ref (guint num);
WbPdfObj *wb_pdf_obj_copy (const WbPdfObj *obj);
void      wb_pdf_obj_free (WbPdfObj *obj);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbPdfObj, wb_pdf_obj_free)

/* Dictionary access; @key without the '/'. Borrowed results. */
WbPdfObj *wb_pdf_dict_get (const WbPdfObj *dict, const char *key);
/* Replaces or adds; takes @value. */
void      wb_pdf_dict_set (WbPdfObj *dict, const char *key, WbPdfObj *value);
gboolean  wb_pdf_name_is (const WbPdfObj *obj, const char *name);
/* Appends the PDF text of @obj (strings as hex). */
void      wb_pdf_obj_write (const WbPdfObj *obj, GString *out);

typedef struct _WbPdfDoc WbPdfDoc;

/* Reads the cross-reference sections and the newest trailer of @data (kept, not
 * copied: it must outlive the document). Errors are WB_SIGN_ERROR_INVALID or
 * _UNSUPPORTED in plain words. */
WbPdfDoc *wb_pdf_doc_open (GBytes *data, GError **error);
void      wb_pdf_doc_free (WbPdfDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbPdfDoc, wb_pdf_doc_free)

const WbPdfObj *wb_pdf_doc_get_trailer (WbPdfDoc *doc);
gsize     wb_pdf_doc_get_startxref (WbPdfDoc *doc);
guint     wb_pdf_doc_get_size (WbPdfDoc *doc);   /* the trailer's /Size */
/* The object with this number (borrowed, cached), or NULL with @error. */
const WbPdfObj *wb_pdf_doc_get_object (WbPdfDoc *doc, guint num, GError **error);
/* @obj itself, or the object it refers to (one level); NULL with @error. */
const WbPdfObj *wb_pdf_doc_resolve (WbPdfDoc *doc, const WbPdfObj *obj, GError **error);
/* The catalog's object number. */
guint     wb_pdf_doc_get_root (WbPdfDoc *doc, GError **error);
/* Object numbers of the pages, in order (bounded walk of the page tree). */
GArray   *wb_pdf_doc_get_pages (WbPdfDoc *doc, GError **error);

G_END_DECLS

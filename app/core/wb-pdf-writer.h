/* wb-pdf-writer.h — lays a WbReport out as a tagged A4 PDF with cairo and pango
 *
 * The PDF is rendered into memory; wb_pdf_writer_render_to_file() then writes it
 * straight to the path the user chose (no temporary file next to it). Layout, fonts and
 * the signature rectangles are described in docs/report-anatomy.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-report.h"

G_BEGIN_DECLS

/* A4 in PDF points. */
#define WB_PDF_PAGE_WIDTH 595.276
#define WB_PDF_PAGE_HEIGHT 841.890

typedef enum {
  WB_SIGNATURE_TEAM,    /* signs first */
  WB_SIGNATURE_TEACHER, /* signs second */
} WbSignatureRole;

/* A rectangle in PDF user space: points, origin at the bottom-left corner of the page,
 * as a signature widget's /Rect wants it (x, y is the lower-left corner). */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} WbPdfRect;

/* The fixed rectangle reserved for a visible signature on the signature page (the
 * report's last page). It does not depend on the report's contents. */
void wb_pdf_signature_rect (WbSignatureRole role, WbPdfRect *rect);

#define WB_TYPE_PDF_WRITER (wb_pdf_writer_get_type ())
G_DECLARE_FINAL_TYPE (WbPdfWriter, wb_pdf_writer, WB, PDF_WRITER, GObject)

WbPdfWriter *wb_pdf_writer_new (WbReport *report);

/* Renders the whole PDF into memory. */
GBytes      *wb_pdf_writer_render (WbPdfWriter *self, GError **error);
/* Renders and writes the PDF to @path (mode 0600, replaced when it exists). */
gboolean     wb_pdf_writer_render_to_file (WbPdfWriter *self, const char *path,
                                           GError **error);

/* After a render: the number of pages, and where each signature goes (@page_index
 * counts from 0). */
guint        wb_pdf_writer_get_n_pages (WbPdfWriter *self);
gboolean     wb_pdf_writer_get_signature_box (WbPdfWriter    *self,
                                              WbSignatureRole role,
                                              guint          *page_index,
                                              WbPdfRect      *rect);

G_END_DECLS

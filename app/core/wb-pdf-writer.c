/* wb-pdf-writer.c — the report's page layout with cairo's PDF surface and pango
 *
 * The layout flows blocks top to bottom and breaks pages between text lines and table
 * rows. It runs twice: a first pass on a tiny image surface only counts the pages (for
 * "page 3 of 12"), the second draws the PDF. Both passes share one PangoContext with
 * fixed font options (no hinting, 72 dpi, unrounded glyph positions), so they break
 * lines and pages identically.
 *
 * Structure: every heading, paragraph, list and table is wrapped in cairo's structure
 * tags (H1, P, L/LI, Table/TR/TH/TD) so screen readers get headings and reading order;
 * a tag is closed before a page break and opened again after it, because cairo 1.16's
 * tagging is only dependable for content on one page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "wb-file.h"
#include "wb-pdf-writer.h"

#define FONT_FAMILY "DejaVu Sans"
#define MARGIN_X 62.0
#define CONTENT_TOP 84.0
#define CONTENT_BOTTOM (WB_PDF_PAGE_HEIGHT - 66.0)
#define CONTENT_WIDTH (WB_PDF_PAGE_WIDTH - 2 * MARGIN_X)
#define LABEL_WIDTH 118.0
#define CELL_PAD 4.0
#define CELL_MAX_LINES 6
#define MAX_COLUMNS 8

/* The signature page: two boxes side by side, fixed in page coordinates (top-left origin
 * here; wb_pdf_signature_rect() converts to PDF's bottom-left origin). */
#define SIG_TOP 250.0
#define SIG_WIDTH 225.0
#define SIG_HEIGHT 110.0
#define SIG_GAP (CONTENT_WIDTH - 2 * SIG_WIDTH)

typedef enum {
  STYLE_BODY,
  STYLE_LEAD,
  STYLE_NOTE,
  STYLE_H1,
  STYLE_H2,
  STYLE_H3,
  STYLE_LABEL,
  STYLE_CELL,
  STYLE_CELL_HEAD,
  STYLE_SMALL,
  STYLE_COVER_KICKER,
  STYLE_COVER_TITLE,
  STYLE_COVER_SUB,
  STYLE_STEP_NUMBER,
  N_STYLES
} Style;

static const struct {
  const char *font;
  double      r, g, b;
} styles[N_STYLES] = {
  [STYLE_BODY] = { FONT_FAMILY " 10", 0.12, 0.15, 0.19 },
  [STYLE_LEAD] = { FONT_FAMILY " 12.5", 0.12, 0.15, 0.19 },
  [STYLE_NOTE] = { FONT_FAMILY " 8.5", 0.36, 0.40, 0.46 },
  [STYLE_H1] = { FONT_FAMILY " Bold 21", 0.11, 0.36, 0.46 },
  [STYLE_H2] = { FONT_FAMILY " Bold 13.5", 0.11, 0.36, 0.46 },
  [STYLE_H3] = { FONT_FAMILY " Bold 11", 0.12, 0.15, 0.19 },
  [STYLE_LABEL] = { FONT_FAMILY " Bold 8.5", 0.36, 0.40, 0.46 },
  [STYLE_CELL] = { FONT_FAMILY " 8.5", 0.12, 0.15, 0.19 },
  [STYLE_CELL_HEAD] = { FONT_FAMILY " Bold 8.5", 1, 1, 1 },
  [STYLE_SMALL] = { FONT_FAMILY " 7.5", 0.36, 0.40, 0.46 },
  [STYLE_COVER_KICKER] = { FONT_FAMILY " Bold 11", 0.78, 0.90, 0.94 },
  [STYLE_COVER_TITLE] = { FONT_FAMILY " Bold 30", 1, 1, 1 },
  [STYLE_COVER_SUB] = { FONT_FAMILY " 12.5", 0.90, 0.95, 0.97 },
  [STYLE_STEP_NUMBER] = { FONT_FAMILY " Bold 11", 1, 1, 1 },
};

/* Colours. */
#define ACCENT 0.11, 0.36, 0.46
#define ACCENT_PALE 0.91, 0.95, 0.96
#define RULE 0.82, 0.85, 0.88
#define STRIPE 0.96, 0.97, 0.98

struct _WbPdfWriter {
  GObject               parent_instance;

  WbReport             *report;
  guint                 n_pages;
  gboolean              have_signatures;
  guint                 signature_page;

  /* During a render. */
  cairo_surface_t      *surface;
  cairo_t              *cr;
  PangoContext         *pango;
  PangoFontDescription *fonts[N_STYLES];
  GHashTable           *layouts;    /* "style|width|text" → PangoLayout, both passes */
  gboolean              dry;        /* the counting pass: no PDF calls */
  guint                 page;       /* 1-based */
  guint                 pages_total;
  double                y;
  int                   outline_h1; /* outline id of the current H1 */
  guint                 n_dests;
};

G_DEFINE_TYPE (WbPdfWriter, wb_pdf_writer, G_TYPE_OBJECT)

#define TR(msgid) wb_report_translate (self->report, (msgid))

static void
wb_pdf_writer_finalize (GObject *object)
{
  WbPdfWriter *self = WB_PDF_WRITER (object);

  g_clear_object (&self->report);
  G_OBJECT_CLASS (wb_pdf_writer_parent_class)->finalize (object);
}

static void
wb_pdf_writer_class_init (WbPdfWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wb_pdf_writer_finalize;
}

static void
wb_pdf_writer_init (WbPdfWriter *self)
{
}

WbPdfWriter *
wb_pdf_writer_new (WbReport *report)
{
  WbPdfWriter *self = g_object_new (WB_TYPE_PDF_WRITER, NULL);

  self->report = g_object_ref (report);
  return self;
}

void
wb_pdf_signature_rect (WbSignatureRole role, WbPdfRect *rect)
{
  rect->x = MARGIN_X + (role == WB_SIGNATURE_TEACHER ? SIG_WIDTH + SIG_GAP : 0);
  rect->width = SIG_WIDTH;
  rect->height = SIG_HEIGHT;
  rect->y = WB_PDF_PAGE_HEIGHT - SIG_TOP - SIG_HEIGHT;
}

/* ---- text ---- */

static void
set_colour (WbPdfWriter *self, double r, double g, double b)
{
  cairo_set_source_rgb (self->cr, r, g, b);
}

/* Layouts are shaped once and kept for both passes: shaping is most of the render
 * time, and the counting pass needs exactly the layouts the drawing pass shows. A
 * returned layout is a new reference; callers set the same options on it each time. */
static PangoLayout *
make_layout (WbPdfWriter *self, const char *text, Style style, double width)
{
  g_autofree char *key = g_strdup_printf ("%d|%.2f|%s", style, width, text != NULL ? text : "");
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);
  PangoAttrList *attributes;

  if (layout != NULL)
    return g_object_ref (layout);
  layout = pango_layout_new (self->pango);
  g_hash_table_insert (self->layouts, g_steal_pointer (&key), g_object_ref (layout));
  attributes = pango_attr_list_new ();

  /* No hyphen where a word breaks: in a host name or a hash it would read as part of
   * the name. */
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_set_font_description (layout, self->fonts[style]);
  /* Long words, host names and hashes break inside the word rather than overflow. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* Text reaches the report from plugins and files: never let a broken byte sequence
   * near pango (it would warn and drop the rest of the line). */
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      pango_layout_set_text (layout, valid, -1);
    }
  else
    pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
show_layout (WbPdfWriter *self, PangoLayout *layout, double x, double y, Style style)
{
  /* The counting pass only needs the layout's size: drawing glyphs is its main cost. */
  if (self->dry)
    return;
  set_colour (self, styles[style].r, styles[style].g, styles[style].b);
  cairo_move_to (self->cr, x, y);
  pango_cairo_show_layout (self->cr, layout);
}

static void
tag_begin (WbPdfWriter *self, const char *tag)
{
  if (tag != NULL)
    cairo_tag_begin (self->cr, tag, NULL);
}

static void
tag_end (WbPdfWriter *self, const char *tag)
{
  if (tag != NULL)
    cairo_tag_end (self->cr, tag);
}

/* ---- pages ---- */

/* The TLP label as TLP 2.0 shows it: coloured capitals on black. @x is the left edge,
 * or the right edge when @from_right. */
static void
draw_tlp (WbPdfWriter *self, double x, double y, gboolean from_right)
{
  const char *label = wb_report_get_tlp_label (self->report);
  g_autoptr(PangoLayout) layout = make_layout (self, label, STYLE_LABEL, 200);
  PangoRectangle ink;
  double r = 1, g = 0.75, b = 0; /* TLP 2.0 colours, on black */

  switch (wb_report_get_tlp (self->report))
    {
    case WB_TLP_CLEAR:
      r = g = b = 1;
      break;
    case WB_TLP_GREEN:
      r = 0.2, g = 1, b = 0;
      break;
    case WB_TLP_RED:
      r = 1, g = 0.17, b = 0.17;
      break;
    default:
      break;
    }
  if (self->dry)
    return;
  pango_layout_get_pixel_extents (layout, NULL, &ink);
  if (from_right)
    x -= ink.width + 12;
  cairo_rectangle (self->cr, x, y, ink.width + 12, ink.height + 6);
  set_colour (self, 0, 0, 0);
  cairo_fill (self->cr);
  cairo_set_source_rgb (self->cr, r, g, b);
  cairo_move_to (self->cr, x + 6 - ink.x, y + 3 - ink.y);
  pango_cairo_show_layout (self->cr, layout);
}

static void
draw_header (WbPdfWriter *self)
{
  g_autoptr(PangoLayout) left = NULL;

  if (self->page == 1)
    return; /* the cover draws its own */
  left = make_layout (self, wb_report_get_title (self->report), STYLE_SMALL,
                      CONTENT_WIDTH - 150);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  show_layout (self, left, MARGIN_X, 36, STYLE_SMALL);
  draw_tlp (self, WB_PDF_PAGE_WIDTH - MARGIN_X, 32, TRUE);
  set_colour (self, RULE);
  cairo_rectangle (self->cr, MARGIN_X, 54, CONTENT_WIDTH, 0.6);
  cairo_fill (self->cr);
}

static void
draw_footer (WbPdfWriter *self)
{
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) right = NULL;
  double footer_y = WB_PDF_PAGE_HEIGHT - 42;

  if (self->pages_total > 0)
    number = g_strdup_printf (TR (N_("Page %u of %u")), self->page, self->pages_total);
  else
    number = g_strdup_printf (TR (N_("Page %u")), self->page);
  right = make_layout (self, number, STYLE_SMALL, 150);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  set_colour (self, RULE);
  cairo_rectangle (self->cr, MARGIN_X, footer_y - 8, CONTENT_WIDTH, 0.6);
  cairo_fill (self->cr);
  draw_tlp (self, MARGIN_X, footer_y - 1, FALSE);
  show_layout (self, right, WB_PDF_PAGE_WIDTH - MARGIN_X - 150, footer_y, STYLE_SMALL);
}

static void
begin_page (WbPdfWriter *self)
{
  self->y = CONTENT_TOP;
  draw_header (self);
}

static void
new_page (WbPdfWriter *self)
{
  draw_footer (self);
  cairo_show_page (self->cr);
  self->page++;
  begin_page (self);
}

static gboolean
fits (WbPdfWriter *self, double height)
{
  return self->y + height <= CONTENT_BOTTOM;
}

/* Starts a new page unless @height fits; a block taller than a page starts where it
 * is (it breaks inside). */
static void
keep_together (WbPdfWriter *self, double height)
{
  if (!fits (self, height) && self->y > CONTENT_TOP &&
      height <= CONTENT_BOTTOM - CONTENT_TOP)
    new_page (self);
}

/* Draws @layout line by line at @x, breaking pages between lines; @tag is closed
 * before and opened again after each page break. */
static void
flow_layout (WbPdfWriter *self, PangoLayout *layout, double x, Style style,
             const char *tag)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  tag_begin (self, tag);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double baseline, height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      height = (double) logical.height / PANGO_SCALE;
      if (!fits (self, height) && self->y > CONTENT_TOP)
        {
          tag_end (self, tag);
          new_page (self);
          tag_begin (self, tag);
        }
      if (!self->dry)
        {
          set_colour (self, styles[style].r, styles[style].g, styles[style].b);
          cairo_move_to (self->cr, x + (double) logical.x / PANGO_SCALE, self->y + baseline);
          pango_cairo_show_layout_line (self->cr, line);
        }
      self->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  tag_end (self, tag);
}

static void
flow_text (WbPdfWriter *self, const char *text, Style style, double x, double width,
           const char *tag)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, style, width);

  flow_layout (self, layout, x, style, tag);
}

/* ---- blocks ---- */

static void
draw_cover (WbPdfWriter *self, WbReportBlock *block)
{
  g_autoptr(PangoLayout) kicker = make_layout (self, block->text, STYLE_COVER_KICKER,
                                               CONTENT_WIDTH);
  g_autoptr(PangoLayout) company = make_layout (self, block->columns[0], STYLE_COVER_TITLE,
                                                CONTENT_WIDTH);
  g_autoptr(PangoLayout) sub = make_layout (self, block->columns[1], STYLE_COVER_SUB,
                                            CONTENT_WIDTH - 40);
  double y = 150;

  /* A calm coloured band with the company's name: the page a shop owner sees first. */
  set_colour (self, ACCENT);
  cairo_rectangle (self->cr, 0, 0, WB_PDF_PAGE_WIDTH, 390);
  cairo_fill (self->cr);
  draw_tlp (self, WB_PDF_PAGE_WIDTH - MARGIN_X, 36, TRUE);
  /* Long company names may take three lines at most. */
  pango_layout_set_height (company, -3);
  pango_layout_set_ellipsize (company, PANGO_ELLIPSIZE_END);
  tag_begin (self, "H1");
  show_layout (self, kicker, MARGIN_X, y, STYLE_COVER_KICKER);
  y += layout_height (kicker) + 10;
  show_layout (self, company, MARGIN_X, y, STYLE_COVER_TITLE);
  tag_end (self, "H1");
  y += layout_height (company) + 18;
  tag_begin (self, "P");
  show_layout (self, sub, MARGIN_X, y, STYLE_COVER_SUB);
  tag_end (self, "P");
  self->y = 430;
  tag_begin (self, "Table");
  for (guint i = 0; i < block->rows->len; i++)
    {
      GStrv row = block->rows->pdata[i];
      g_autoptr(PangoLayout) label = make_layout (self, row[0], STYLE_LABEL, LABEL_WIDTH);
      g_autoptr(PangoLayout) value = make_layout (self, row[1], STYLE_LEAD,
                                                  CONTENT_WIDTH - LABEL_WIDTH);
      double height = MAX (layout_height (label), layout_height (value));

      tag_begin (self, "TR");
      tag_begin (self, "TH");
      show_layout (self, label, MARGIN_X, self->y + 4, STYLE_LABEL);
      tag_end (self, "TH");
      tag_begin (self, "TD");
      show_layout (self, value, MARGIN_X + LABEL_WIDTH, self->y, STYLE_LEAD);
      tag_end (self, "TD");
      tag_end (self, "TR");
      self->y += height + 14;
    }
  tag_end (self, "Table");
  if (g_strcmp0 (block->tone, "draft") == 0)
    {
      g_autoptr(PangoLayout) draft =
        make_layout (self, TR (N_("Draft: this report has not been signed yet and may still "
                                  "change.")), STYLE_NOTE, CONTENT_WIDTH);

      tag_begin (self, "P");
      show_layout (self, draft, MARGIN_X, CONTENT_BOTTOM - 30, STYLE_NOTE);
      tag_end (self, "P");
    }
}

static void
draw_heading (WbPdfWriter *self, WbReportBlock *block)
{
  Style style = block->level <= 1 ? STYLE_H1 : block->level == 2 ? STYLE_H2 : STYLE_H3;
  const char *tag = block->level <= 1 ? "H1" : block->level == 2 ? "H2" : "H3";
  g_autoptr(PangoLayout) layout = make_layout (self, block->text, style, CONTENT_WIDTH);
  g_autofree char *dest = NULL;

  if (block->level <= 1)
    new_page (self);
  else
    {
      self->y += block->level == 2 ? 12 : 6;
      /* A heading never ends a page on its own: keep room for a few lines after it. */
      keep_together (self, layout_height (layout) + 60);
    }
  if (!self->dry && block->level <= 2)
    {
      g_autofree char *link = NULL;

      dest = g_strdup_printf ("section-%u", ++self->n_dests);
      link = g_strdup_printf ("dest='%s'", dest);
      if (block->level <= 1)
        self->outline_h1 = cairo_pdf_surface_add_outline (self->surface,
                                                          CAIRO_PDF_OUTLINE_ROOT,
                                                          block->text, link,
                                                          CAIRO_PDF_OUTLINE_FLAG_OPEN);
      else
        cairo_pdf_surface_add_outline (self->surface, self->outline_h1, block->text, link, 0);
      g_free (link);
      link = g_strdup_printf ("name='%s'", dest);
      cairo_tag_begin (self->cr, CAIRO_TAG_DEST, link);
    }
  flow_layout (self, layout, MARGIN_X, style, tag);
  if (dest != NULL)
    cairo_tag_end (self->cr, CAIRO_TAG_DEST);
  if (block->level <= 1)
    {
      set_colour (self, ACCENT);
      cairo_rectangle (self->cr, MARGIN_X, self->y + 4, 48, 3);
      cairo_fill (self->cr);
      self->y += 18;
    }
  else
    self->y += 4;
}

static void
draw_paragraph (WbPdfWriter *self, WbReportBlock *block)
{
  Style style = g_strcmp0 (block->tone, "lead") == 0 ? STYLE_LEAD :
                g_strcmp0 (block->tone, "note") == 0 ? STYLE_NOTE : STYLE_BODY;
  g_autoptr(PangoLayout) layout = make_layout (self, block->text, style, CONTENT_WIDTH);

  pango_layout_set_spacing (layout, 2 * PANGO_SCALE);
  flow_layout (self, layout, MARGIN_X, style, "P");
  self->y += style == STYLE_NOTE ? 6 : 8;
}

/* A label/value row: the label in the left column, the value flowing beside it. */
static void
draw_fact (WbPdfWriter *self, const char *label_text, const char *value_text, double x,
           double width)
{
  g_autoptr(PangoLayout) label = make_layout (self, label_text, STYLE_LABEL,
                                              LABEL_WIDTH - 10);
  g_autoptr(PangoLayout) value = make_layout (self, value_text, STYLE_BODY,
                                              width - LABEL_WIDTH);

  double top;
  guint page;

  pango_layout_set_spacing (value, 1 * PANGO_SCALE);
  keep_together (self, MAX (MIN (layout_height (value), 40), layout_height (label)) + 4);
  top = self->y;
  page = self->page;
  tag_begin (self, "TR");
  tag_begin (self, "TH");
  show_layout (self, label, x, self->y + 1.5, STYLE_LABEL);
  tag_end (self, "TH");
  flow_layout (self, value, x + LABEL_WIDTH, STYLE_BODY, "TD");
  tag_end (self, "TR");
  /* A label that wraps to more lines than its value must not run into the next row. */
  if (self->page == page)
    self->y = MAX (self->y, top + 1.5 + layout_height (label));
  self->y += 5;
}

static void
draw_facts (WbPdfWriter *self, WbReportBlock *block)
{
  tag_begin (self, "Table");
  for (guint i = 0; i < block->rows->len; i++)
    {
      GStrv row = block->rows->pdata[i];

      draw_fact (self, row[0], row[1], MARGIN_X, CONTENT_WIDTH);
    }
  tag_end (self, "Table");
  self->y += 6;
}

static void
light_colour (const char *light, double *r, double *g, double *b)
{
  if (g_strcmp0 (light, "green") == 0)
    *r = 0.18, *g = 0.55, *b = 0.24;
  else if (g_strcmp0 (light, "orange") == 0)
    *r = 0.93, *g = 0.56, *b = 0.0;
  else if (g_strcmp0 (light, "red") == 0)
    *r = 0.78, *g = 0.16, *b = 0.16;
  else
    *r = 0.66, *g = 0.69, *b = 0.73;
}

/* The summary's chart: per area a lamp, a bar for the percentage and the verdict. */
static void
draw_lights (WbPdfWriter *self, WbReportBlock *block)
{
  const double row_height = 30, label_width = 150, bar_width = 170;

  keep_together (self, block->rows->len * row_height + 8);
  tag_begin (self, "Table");
  for (guint i = 0; i < block->rows->len; i++)
    {
      GStrv row = block->rows->pdata[i];
      g_autoptr(PangoLayout) label = make_layout (self, row[0], STYLE_BODY, label_width - 30);
      g_autofree char *verdict_text = row[2][0] != '\0' ?
                                      g_strdup_printf ("%s  %s", row[2], row[3]) :
                                      g_strdup (row[3]);
      g_autoptr(PangoLayout) verdict = make_layout (self, verdict_text, STYLE_BODY,
                                                    CONTENT_WIDTH - label_width - bar_width - 20);
      double r, g, b, percent = row[2][0] != '\0' ? g_ascii_strtod (row[2], NULL) : 0;
      double y = self->y, bar_x = MARGIN_X + label_width;

      light_colour (row[1], &r, &g, &b);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      /* Text leaves a current point; an arc would draw a line from it. */
      cairo_new_path (self->cr);
      cairo_arc (self->cr, MARGIN_X + 9, y + row_height / 2, 8, 0, 2 * G_PI);
      cairo_set_source_rgb (self->cr, r, g, b);
      cairo_fill (self->cr);
      tag_begin (self, "TR");
      tag_begin (self, "TH");
      show_layout (self, label, MARGIN_X + 26, y + row_height / 2 - 7, STYLE_BODY);
      tag_end (self, "TH");
      /* The track, then the filled part in the lamp's colour. */
      set_colour (self, 0.92, 0.93, 0.95);
      cairo_rectangle (self->cr, bar_x, y + row_height / 2 - 6, bar_width, 12);
      cairo_fill (self->cr);
      cairo_set_source_rgb (self->cr, r, g, b);
      cairo_rectangle (self->cr, bar_x, y + row_height / 2 - 6,
                       bar_width * CLAMP (percent, 0, 100) / 100, 12);
      cairo_fill (self->cr);
      tag_begin (self, "TD");
      show_layout (self, verdict, bar_x + bar_width + 12, y + row_height / 2 - 7, STYLE_BODY);
      tag_end (self, "TD");
      tag_end (self, "TR");
      self->y += row_height;
    }
  tag_end (self, "Table");
  self->y += 6;
}

static void
draw_steps (WbPdfWriter *self, WbReportBlock *block)
{
  const double indent = 34;

  tag_begin (self, "L");
  for (guint i = 0; i < block->rows->len; i++)
    {
      GStrv row = block->rows->pdata[i];
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autoptr(PangoLayout) title = make_layout (self, row[0], STYLE_H3,
                                                  CONTENT_WIDTH - indent);
      g_autoptr(PangoLayout) digit = make_layout (self, number, STYLE_STEP_NUMBER, 22);
      g_autoptr(PangoLayout) step = make_layout (self, row[1], STYLE_BODY,
                                                 CONTENT_WIDTH - indent);
      g_autofree char *link = NULL;

      pango_layout_set_alignment (digit, PANGO_ALIGN_CENTER);
      /* The summary stays one page: a long title or step is cut short here (the action
       * plan has it in full). */
      pango_layout_set_height (title, -2);
      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (step, -3);
      pango_layout_set_ellipsize (step, PANGO_ELLIPSIZE_END);
      keep_together (self, layout_height (title) + layout_height (step) + 20);
      set_colour (self, ACCENT);
      cairo_new_path (self->cr);
      cairo_arc (self->cr, MARGIN_X + 11, self->y + 9, 11, 0, 2 * G_PI);
      cairo_fill (self->cr);
      tag_begin (self, "LI");
      tag_begin (self, "Lbl");
      show_layout (self, digit, MARGIN_X, self->y + 1.5, STYLE_STEP_NUMBER);
      tag_end (self, "Lbl");
      tag_begin (self, "LBody");
      /* The title links to the finding's card in the action plan. */
      link = g_strdup_printf ("dest='finding-%s'", row[3]);
      if (!self->dry)
        cairo_tag_begin (self->cr, CAIRO_TAG_LINK, link);
      flow_layout (self, title, MARGIN_X + indent, STYLE_H3, "P");
      if (!self->dry)
        cairo_tag_end (self->cr, CAIRO_TAG_LINK);
      self->y += 2;
      flow_layout (self, step, MARGIN_X + indent, STYLE_BODY, "P");
      self->y += 2;
      flow_text (self, row[2], STYLE_NOTE, MARGIN_X + indent, CONTENT_WIDTH - indent, "P");
      tag_end (self, "LBody");
      tag_end (self, "LI");
      self->y += 10;
    }
  tag_end (self, "L");
}

static void
severity_colour (const char *severity, double *r, double *g, double *b)
{
  if (g_strcmp0 (severity, "critical") == 0)
    *r = 0.55, *g = 0.05, *b = 0.10;
  else if (g_strcmp0 (severity, "high") == 0)
    *r = 0.78, *g = 0.16, *b = 0.16;
  else if (g_strcmp0 (severity, "medium") == 0)
    *r = 0.88, *g = 0.50, *b = 0.0;
  else if (g_strcmp0 (severity, "low") == 0)
    *r = 0.17, *g = 0.47, *b = 0.69;
  else
    *r = 0.45, *g = 0.50, *b = 0.56;
}

static void
draw_finding (WbPdfWriter *self, WbReportBlock *block)
{
  g_autoptr(PangoLayout) title = make_layout (self, block->text, STYLE_H3,
                                              CONTENT_WIDTH - 100);
  g_autoptr(PangoLayout) pill = make_layout (self, block->columns[0], STYLE_CELL_HEAD, 90);
  double r, g, b, estimate = layout_height (title) + 14;
  PangoRectangle ink;

  /* Keep a card together when it fits on one page; only very long evidence breaks. */
  for (guint i = 0; i < block->rows->len; i++)
    estimate += 16 + 12 * (strlen (((GStrv) block->rows->pdata[i])[1]) / 70);
  self->y += 6;
  keep_together (self, estimate);
  severity_colour (block->tone, &r, &g, &b);
  pango_layout_get_pixel_extents (pill, NULL, &ink);
  /* The card's left edge carries the severity colour. */
  tag_begin (self, "Sect");
  cairo_set_source_rgb (self->cr, r, g, b);
  cairo_rectangle (self->cr, WB_PDF_PAGE_WIDTH - MARGIN_X - ink.width - 12, self->y,
                   ink.width + 12, ink.height + 6);
  cairo_fill (self->cr);
  tag_begin (self, "P");
  show_layout (self, pill, WB_PDF_PAGE_WIDTH - MARGIN_X - ink.width - 6, self->y + 3,
               STYLE_CELL_HEAD);
  tag_end (self, "P");
  cairo_set_source_rgb (self->cr, r, g, b);
  cairo_rectangle (self->cr, MARGIN_X, self->y, 3, layout_height (title));
  cairo_fill (self->cr);
  if (!self->dry)
    {
      g_autofree char *dest = g_strdup_printf ("name='finding-%s'", block->columns[1]);

      cairo_tag_begin (self->cr, CAIRO_TAG_DEST, dest);
    }
  flow_layout (self, title, MARGIN_X + 10, STYLE_H3, "H3");
  if (!self->dry)
    cairo_tag_end (self->cr, CAIRO_TAG_DEST);
  self->y += 6;
  tag_begin (self, "Table");
  for (guint i = 0; i < block->rows->len; i++)
    {
      GStrv row = block->rows->pdata[i];

      draw_fact (self, row[0], row[1], MARGIN_X + 10, CONTENT_WIDTH - 10);
    }
  tag_end (self, "Table");
  tag_end (self, "Sect");
  set_colour (self, RULE);
  cairo_rectangle (self->cr, MARGIN_X, self->y + 4, CONTENT_WIDTH, 0.6);
  cairo_fill (self->cr);
  self->y += 12;
}

/* ---- tables (the plugins' details and the data inventory) ---- */

/* The widest run of @text without a space: a column narrower than that breaks words
 * ("applicabl" + "e") or host names at their hyphens. */
static double
longest_word (WbPdfWriter *self, const char *text, Style style)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \n\t", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      int width;

      if (words[i][0] == '\0')
        continue;
      layout = make_layout (self, words[i], style, -1);
      pango_layout_set_width (layout, -1);
      pango_layout_get_size (layout, &width, NULL);
      widest = MAX (widest, (double) width / PANGO_SCALE);
    }
  return widest;
}

/* Shares the width by each column's natural width, but gives every column at least
 * its longest word (up to 140 pt) when the table allows it. */
static void
column_widths (WbPdfWriter *self, WbReportBlock *block, guint n, double *widths)
{
  double natural[MAX_COLUMNS] = { 0 }, least[MAX_COLUMNS] = { 0 };
  double total = 0, total_least = 0, deficit = 0, spare = 0;
  /* Measuring the first rows is enough to share the width fairly. */
  guint sample = MIN (block->rows->len, 40);

  for (guint c = 0; c < n; c++)
    {
      for (guint r = 0; r <= sample; r++)
        {
          const char *text = r == 0 ? block->columns[c] :
                             ((GStrv) block->rows->pdata[r - 1])[c];
          Style style = r == 0 ? STYLE_CELL_HEAD : STYLE_CELL;
          g_autoptr(PangoLayout) layout = make_layout (self, text, style, -1);
          int width;

          pango_layout_set_width (layout, -1);
          pango_layout_get_size (layout, &width, NULL);
          natural[c] = MAX (natural[c], (double) width / PANGO_SCALE + 2 * CELL_PAD);
          least[c] = MAX (least[c], longest_word (self, text, style) + 2 * CELL_PAD + 1);
        }
      natural[c] = CLAMP (natural[c], 40, 260);
      least[c] = CLAMP (least[c], 30, 140);
      total += natural[c];
      total_least += least[c];
    }
  for (guint c = 0; c < n; c++)
    widths[c] = natural[c] * CONTENT_WIDTH / total;
  if (total_least > CONTENT_WIDTH)
    return; /* too many wide columns: words will break anyway */
  for (guint c = 0; c < n; c++)
    {
      if (widths[c] < least[c])
        deficit += least[c] - widths[c];
      else
        spare += widths[c] - least[c];
    }
  /* Raise the narrow columns; the others give up part of what they have above their
   * own least width. */
  for (guint c = 0; c < n && deficit > 0 && spare > 0; c++)
    {
      if (widths[c] < least[c])
        widths[c] = least[c];
      else
        widths[c] -= (widths[c] - least[c]) * deficit / spare;
    }
}

/* One row; every cell wraps (at most CELL_MAX_LINES lines, then an ellipsis). */
static double
measure_row (WbPdfWriter *self, GStrv cells, guint n, const double *widths, Style style,
             PangoLayout **layouts)
{
  double height = 0;

  for (guint c = 0; c < n; c++)
    {
      layouts[c] = make_layout (self, cells[c], style, widths[c] - 2 * CELL_PAD);
      pango_layout_set_height (layouts[c], -CELL_MAX_LINES);
      pango_layout_set_ellipsize (layouts[c], PANGO_ELLIPSIZE_END);
      height = MAX (height, layout_height (layouts[c]));
    }
  return height + 2 * CELL_PAD;
}

static void
draw_row (WbPdfWriter *self, GStrv cells, guint n, const double *widths, gboolean head,
          gboolean stripe)
{
  PangoLayout *layouts[MAX_COLUMNS];
  Style style = head ? STYLE_CELL_HEAD : STYLE_CELL;
  double height = measure_row (self, cells, n, widths, style, layouts);
  double x = MARGIN_X;

  if (head || stripe)
    {
      if (head)
        set_colour (self, ACCENT);
      else
        set_colour (self, STRIPE);
      cairo_rectangle (self->cr, MARGIN_X, self->y, CONTENT_WIDTH, height);
      cairo_fill (self->cr);
    }
  tag_begin (self, "TR");
  for (guint c = 0; c < n; c++)
    {
      tag_begin (self, head ? "TH" : "TD");
      show_layout (self, layouts[c], x + CELL_PAD, self->y + CELL_PAD, style);
      tag_end (self, head ? "TH" : "TD");
      x += widths[c];
      g_object_unref (layouts[c]);
    }
  tag_end (self, "TR");
  self->y += height;
}

static double
row_height (WbPdfWriter *self, GStrv cells, guint n, const double *widths, Style style)
{
  PangoLayout *layouts[MAX_COLUMNS];
  double height = measure_row (self, cells, n, widths, style, layouts);

  for (guint c = 0; c < n; c++)
    g_object_unref (layouts[c]);
  return height;
}

static void
draw_table (WbPdfWriter *self, WbReportBlock *block)
{
  guint n = MIN (g_strv_length (block->columns), MAX_COLUMNS);
  double widths[MAX_COLUMNS];
  double head_height;

  if (n == 0)
    return;
  column_widths (self, block, n, widths);
  head_height = row_height (self, block->columns, n, widths, STYLE_CELL_HEAD);
  if (block->text != NULL)
    {
      g_autoptr(PangoLayout) caption = make_layout (self, block->text, STYLE_H3,
                                                    CONTENT_WIDTH);

      self->y += 4;
      keep_together (self, layout_height (caption) + head_height + 40);
      flow_layout (self, caption, MARGIN_X, STYLE_H3, "Caption");
      self->y += 4;
    }
  keep_together (self, head_height + 30);
  tag_begin (self, "Table");
  draw_row (self, block->columns, n, widths, TRUE, FALSE);
  for (guint r = 0; r < block->rows->len; r++)
    {
      GStrv cells = block->rows->pdata[r];

      /* A table continues on the next page under a repeated header row. */
      if (!fits (self, row_height (self, cells, n, widths, STYLE_CELL)))
        {
          tag_end (self, "Table");
          new_page (self);
          tag_begin (self, "Table");
          draw_row (self, block->columns, n, widths, TRUE, FALSE);
        }
      draw_row (self, cells, n, widths, FALSE, r % 2 == 1);
    }
  tag_end (self, "Table");
  self->y += 10;
}

/* ---- signatures ---- */

static void
draw_signature_box (WbPdfWriter *self, GStrv row, WbSignatureRole role)
{
  WbPdfRect rect;
  double top;
  g_autoptr(PangoLayout) caption = NULL;
  g_autoptr(PangoLayout) names = NULL;
  g_autofree char *date = g_strdup_printf ("%s: ____________________", TR (N_("Date")));
  g_autoptr(PangoLayout) date_line = NULL;

  wb_pdf_signature_rect (role, &rect);
  top = WB_PDF_PAGE_HEIGHT - rect.y - rect.height;
  caption = make_layout (self, row[1], STYLE_H3, rect.width);
  names = make_layout (self, row[2], STYLE_BODY, rect.width);
  date_line = make_layout (self, date, STYLE_NOTE, rect.width);
  tag_begin (self, "P");
  show_layout (self, caption, rect.x, top - 22, STYLE_H3);
  tag_end (self, "P");
  /* The box stays empty: the signing step places its visible signature here. */
  set_colour (self, ACCENT_PALE);
  cairo_rectangle (self->cr, rect.x, top, rect.width, rect.height);
  cairo_fill (self->cr);
  set_colour (self, ACCENT);
  cairo_set_line_width (self->cr, 0.8);
  cairo_rectangle (self->cr, rect.x, top, rect.width, rect.height);
  cairo_stroke (self->cr);
  tag_begin (self, "P");
  show_layout (self, names, rect.x, top + rect.height + 6, STYLE_BODY);
  tag_end (self, "P");
  tag_begin (self, "P");
  show_layout (self, date_line, rect.x, top + rect.height + 10 + layout_height (names),
               STYLE_NOTE);
  tag_end (self, "P");
}

static void
draw_signatures (WbPdfWriter *self, WbReportBlock *block)
{
  /* The boxes sit at fixed places: if the text above reaches them, they move to a page
   * of their own. */
  if (self->y > SIG_TOP - 40)
    new_page (self);
  for (guint i = 0; i < block->rows->len; i++)
    {
      GStrv row = block->rows->pdata[i];

      draw_signature_box (self, row, g_str_equal (row[0], "teacher") ?
                          WB_SIGNATURE_TEACHER : WB_SIGNATURE_TEAM);
    }
  self->have_signatures = TRUE;
  self->signature_page = self->page - 1;
  self->y = SIG_TOP + SIG_HEIGHT + 60;
}

/* ---- the passes ---- */

static void
draw_block (WbPdfWriter *self, WbReportBlock *block)
{
  switch (block->kind)
    {
    case WB_REPORT_BLOCK_COVER:
      draw_cover (self, block);
      break;
    case WB_REPORT_BLOCK_HEADING:
      draw_heading (self, block);
      break;
    case WB_REPORT_BLOCK_PARAGRAPH:
      draw_paragraph (self, block);
      break;
    case WB_REPORT_BLOCK_FACTS:
      draw_facts (self, block);
      break;
    case WB_REPORT_BLOCK_TABLE:
      draw_table (self, block);
      break;
    case WB_REPORT_BLOCK_LIGHTS:
      draw_lights (self, block);
      break;
    case WB_REPORT_BLOCK_STEPS:
      draw_steps (self, block);
      break;
    case WB_REPORT_BLOCK_FINDING:
      draw_finding (self, block);
      break;
    case WB_REPORT_BLOCK_SIGNATURES:
      draw_signatures (self, block);
      break;
    default:
      break;
    }
}

static void
set_up_pango (WbPdfWriter *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Outline metrics, no hinting: both passes and every viewer get the same widths. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_font_options (self->pango, options);
  /* pango-cairo assumes 96 dpi; PDF points are 1/72 inch (design.md §8). */
  pango_cairo_context_set_resolution (self->pango, 72);
  pango_context_set_round_glyph_positions (self->pango, FALSE);
  pango_context_set_language (self->pango,
                              pango_language_from_string (wb_report_get_language (self->report)));
  cairo_font_options_destroy (options);
  for (guint i = 0; i < N_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (styles[i].font);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static void
tear_down_pango (WbPdfWriter *self)
{
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->pango);
}

static void
run_pass (WbPdfWriter *self)
{
  GPtrArray *blocks = wb_report_get_blocks (self->report);

  self->cr = cairo_create (self->surface);
  pango_cairo_update_context (self->cr, self->pango);
  self->page = 1;
  self->n_dests = 0;
  self->outline_h1 = CAIRO_PDF_OUTLINE_ROOT;
  self->have_signatures = FALSE;
  begin_page (self);
  for (guint i = 0; i < blocks->len; i++)
    draw_block (self, blocks->pdata[i]);
  draw_footer (self);
  cairo_show_page (self->cr);
  g_clear_pointer (&self->cr, cairo_destroy);
}

static void
set_metadata (WbPdfWriter *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *creator = g_strdup_printf ("Werkbank %s", PACKAGE_VERSION);

  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE,
                                  wb_report_get_title (self->report));
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_AUTHOR,
                                  wb_report_get_author (self->report));
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_SUBJECT,
                                  wb_report_get_subject (self->report));
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_KEYWORDS,
                                  wb_report_get_keywords (self->report));
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

static const guint8 *
find_last (const guint8 *data, gsize size, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = size >= n ? size - n + 1 : 0; i-- > 0;)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* cairo 1.16 writes the structure tree but not the catalog entries that make readers use
 * it: /MarkInfo (the PDF is tagged), /Lang (the language a screen reader speaks) and
 * /DisplayDocTitle. cairo writes the catalog as the last object, right before the
 * cross-reference table, so the entries can be added to it in place: only the table's
 * own offset (startxref) moves. When the file does not have that shape the PDF is left
 * as it is (still valid, only not marked). */
static void
mark_tagged (GByteArray *pdf, const char *language)
{
  const guint8 *data = pdf->data;
  const guint8 *startxref = find_last (data, pdf->len, "startxref\n");
  const guint8 *catalog = find_last (data, pdf->len, "/Type /Catalog");
  const guint8 *end;
  g_autofree char *entries = NULL;
  g_autofree char *trailer = NULL;
  GByteArray *rest;
  guint64 xref;
  gsize at, tail;

  if (startxref == NULL || catalog == NULL)
    return;
  xref = g_ascii_strtoull ((const char *) startxref + 10, NULL, 10);
  end = find_last (data, (gsize) xref, ">>\nendobj\n");
  /* The catalog must be the last object: ">>\nendobj\n" right before the table. */
  if (xref == 0 || xref > (guint64) (startxref - data) || end == NULL || end < catalog ||
      (gsize) (end - data) + strlen (">>\nendobj\n") != xref)
    return;
  entries = g_strdup_printf ("   /MarkInfo << /Marked true >>\n   /Lang (%s)\n"
                             "   /ViewerPreferences << /DisplayDocTitle true >>\n",
                             language);
  at = (gsize) (end - data);
  tail = (gsize) (startxref - data) + 10;
  /* The new startxref value replaces the old one up to the end of its line. */
  trailer = g_strdup_printf ("%" G_GUINT64_FORMAT "\n%%%%EOF\n", xref + strlen (entries));
  rest = g_byte_array_sized_new (tail - at + strlen (trailer));
  g_byte_array_append (rest, data + at, tail - at);
  g_byte_array_set_size (pdf, at);
  g_byte_array_append (pdf, (const guint8 *) entries, strlen (entries));
  g_byte_array_append (pdf, rest->data, rest->len);
  g_byte_array_append (pdf, (const guint8 *) trailer, strlen (trailer));
  g_byte_array_unref (rest);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
wb_pdf_writer_render (WbPdfWriter *self, GError **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_status_t status;

  set_up_pango (self);
  /* Pass 1 counts the pages on a 1×1 image surface. */
  self->dry = TRUE;
  self->pages_total = 0;
  self->surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  run_pass (self);
  self->pages_total = self->page;
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  /* Pass 2 draws the PDF. */
  self->dry = FALSE;
  self->surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf,
                                                       WB_PDF_PAGE_WIDTH, WB_PDF_PAGE_HEIGHT);
  set_metadata (self);
  run_pass (self);
  self->n_pages = self->page;
  cairo_surface_finish (self->surface);
  status = cairo_surface_status (self->surface);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  tear_down_pango (self);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The report could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }
  mark_tagged (pdf, g_str_equal (wb_report_get_language (self->report), "en") ?
               "en-GB" : "nl-NL");
  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

gboolean
wb_pdf_writer_render_to_file (WbPdfWriter *self, const char *path, GError **error)
{
  g_autoptr(GBytes) pdf = wb_pdf_writer_render (self, error);
  gsize size;
  const char *data;

  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &size);
  return wb_file_write_private (path, data, size, error);
}

guint
wb_pdf_writer_get_n_pages (WbPdfWriter *self)
{
  return self->n_pages;
}

gboolean
wb_pdf_writer_get_signature_box (WbPdfWriter    *self,
                                 WbSignatureRole role,
                                 guint          *page_index,
                                 WbPdfRect      *rect)
{
  if (!self->have_signatures)
    return FALSE;
  if (page_index != NULL)
    *page_index = self->signature_page;
  if (rect != NULL)
    wb_pdf_signature_rect (role, rect);
  return TRUE;
}

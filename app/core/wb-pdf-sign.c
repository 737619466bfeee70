/* wb-pdf-sign.c — incremental-update PAdES signing and a strict verifier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "wb-cms.h"
#include "wb-pdf-read.h"
#include "wb-pdf-sign.h"
#include "wb-sign-private.h"

/* 8 KB for the CMS: P-256 needs ~0.9 KB, RSA-3072 ~1.9 KB, with a CA certificate
 * a little more (design.md §8). Written as hex, so twice that in the file. */
#define CONTENTS_BYTES   8192
#define BYTERANGE_WIDTH  10
#define MAX_FIELDS       1000
#define MAX_FIELD_DEPTH  16

void
wb_pdf_sign_options_init (WbPdfSignOptions *options)
{
  memset (options, 0, sizeof *options);
  options->kind = WB_PDF_SIGNATURE_APPROVAL;
  options->page = WB_PDF_LAST_PAGE;
  options->visible = TRUE;
  options->x = 56;
  options->y = 56;
  options->width = 200;
  options->height = 60;
}

void
wb_pdf_signature_info_free (WbPdfSignatureInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->field);
  g_free (info->signer);
  g_free (info->time);
  g_free (info->problem);
  g_clear_pointer (&info->certificate, g_bytes_unref);
  g_free (info);
}

/* A PDF text string: ASCII as is, anything else as UTF-16BE with a byte order mark. */
static WbPdfObj *
text_string (const char *utf8)
{
  WbPdfObj *obj = wb_pdf_obj_new (WB_PDF_STRING);
  gboolean ascii = TRUE;

  for (const char *p = utf8; *p; p++)
    if ((guchar) *p >= 0x80)
      ascii = FALSE;
  if (ascii)
    obj->bytes = g_bytes_new (utf8, strlen (utf8));
  else
    {
      glong n = 0;
      gunichar2 *utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
      guint8 *buf = g_malloc (2 + 2 * n);

      buf[0] = 0xfe;
      buf[1] = 0xff;
      for (glong i = 0; i < n; i++)
        {
          buf[2 + 2 * i] = utf16[i] >> 8;
          buf[3 + 2 * i] = utf16[i] & 0xff;
        }
      g_free (utf16);
      obj->bytes = g_bytes_new_take (buf, 2 + 2 * n);
    }
  return obj;
}

static char *
pdf_date (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (when);

  return g_date_time_format (dt, "D:%Y%m%d%H%M%SZ");
}

/* One line of the widget: Helvetica with WinAnsiEncoding, as a hex string, cut to
 * what fits the box (about half the font size per character). */
static void
append_text_line (GString    *out,
                  const char *utf8,
                  double      size,
                  double      width)
{
  g_autofree char *latin = g_convert_with_fallback (utf8, -1, "CP1252", "UTF-8", "?",
                                                    NULL, NULL, NULL);
  gsize max = MAX (4, (gsize) (width / (size * 0.5)));
  gsize len = latin ? strlen (latin) : 0;

  g_string_append (out, "<");
  for (gsize i = 0; i < MIN (len, max); i++)
    g_string_append_printf (out, "%02X", (guchar) latin[i]);
  g_string_append (out, "> Tj\n");
}

static char *
appearance_stream (const char  *name,
                   const char  *role,
                   const char  *date,
                   double       w,
                   double       h)
{
  GString *s = g_string_new (NULL);
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
  double size = CLAMP (h / 5.0, 5.0, 10.0);
  g_autofree char *signed_by = g_strdup_printf (_("Digitally signed by %s"), name);

  g_string_append_printf (s, "q 0.94 0.96 0.98 rg 0 0 %s %s re f Q\n",
                          g_ascii_formatd (a, sizeof a, "%.2f", w),
                          g_ascii_formatd (b, sizeof b, "%.2f", h));
  g_string_append_printf (s, "q 0.20 0.35 0.55 RG 1 w 0.5 0.5 %s ",
                          g_ascii_formatd (a, sizeof a, "%.2f", w - 1));
  g_string_append_printf (s, "%s re S Q\n", g_ascii_formatd (b, sizeof b, "%.2f", h - 1));
  g_string_append_printf (s, "BT 0.1 0.1 0.1 rg /F1 %s Tf %s TL 4 ",
                          g_ascii_formatd (a, sizeof a, "%.1f", size),
                          g_ascii_formatd (b, sizeof b, "%.1f", size * 1.25));
  g_string_append_printf (s, "%s Td\n", g_ascii_formatd (a, sizeof a, "%.2f", h - size - 3));
  append_text_line (s, signed_by, size, w - 8);
  if (role != NULL && *role)
    {
      g_string_append (s, "T* ");
      append_text_line (s, role, size, w - 8);
    }
  g_string_append (s, "T* ");
  append_text_line (s, date, size, w - 8);
  g_string_append (s, "ET\n");
  return g_string_free (s, FALSE);
}

/* --- The appended section --------------------------------------------------------- */

typedef struct {
  GString *out;      /* the whole new file */
  GArray  *nums;     /* object numbers written */
  GArray  *offsets;  /* and where */
} Update;

static void
begin_object (Update *u,
              guint   num)
{
  g_array_append_val (u->nums, num);
  g_array_append_val (u->offsets, u->out->len);
  g_string_append_printf (u->out, "%u 0 obj\n", num);
}

static void
write_object (Update         *u,
              guint           num,
              const WbPdfObj *obj)
{
  begin_object (u, num);
  wb_pdf_obj_write (obj, u->out);
  g_string_append (u->out, "\nendobj\n");
}

static void
write_xref_and_trailer (Update         *u,
                        WbPdfDoc       *doc,
                        guint           size,
                        guint           root)
{
  const WbPdfObj *old = wb_pdf_doc_get_trailer (doc);
  g_autoptr(WbPdfObj) trailer = wb_pdf_obj_new (WB_PDF_DICT);
  gsize xref = u->out->len;
  WbPdfObj *v;

  g_string_append (u->out, "xref\n");
  for (guint i = 0; i < u->nums->len; i++)
    /* One subsection per object; each entry exactly 20 bytes. */
    g_string_append_printf (u->out, "%u 1\n%010" G_GSIZE_FORMAT " 00000 n\r\n",
                            g_array_index (u->nums, guint, i),
                            g_array_index (u->offsets, gsize, i));
  wb_pdf_dict_set (trailer, "Size", wb_pdf_obj_new_int (size));
  wb_pdf_dict_set (trailer, "Root", wb_pdf_obj_new_ref (root));
  if ((v = wb_pdf_dict_get (old, "Info")) != NULL && v->kind == WB_PDF_REF)
    wb_pdf_dict_set (trailer, "Info", wb_pdf_obj_copy (v));
  if ((v = wb_pdf_dict_get (old, "ID")) != NULL && v->kind == WB_PDF_ARRAY)
    wb_pdf_dict_set (trailer, "ID", wb_pdf_obj_copy (v));
  wb_pdf_dict_set (trailer, "Prev", wb_pdf_obj_new_int (wb_pdf_doc_get_startxref (doc)));
  g_string_append (u->out, "trailer\n");
  wb_pdf_obj_write (trailer, u->out);
  g_string_append_printf (u->out, "\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);
}

/* An array value (inline or referenced) copied, or a new empty array. */
static WbPdfObj *
copy_array (WbPdfDoc        *doc,
            const WbPdfObj  *value,
            GError         **error)
{
  const WbPdfObj *arr;

  if (value == NULL)
    return wb_pdf_obj_new (WB_PDF_ARRAY);
  arr = wb_pdf_doc_resolve (doc, value, error);
  if (arr == NULL)
    return NULL;
  if (arr->kind != WB_PDF_ARRAY)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("The PDF has a malformed /Annots or /Fields array."));
      return NULL;
    }
  return wb_pdf_obj_copy (arr);
}

typedef struct {
  guint sig, widget, ap, acroform;
} NewObjects;

static WbPdfObj *
signature_dictionary (WbIdentity             *identity,
                      const WbPdfSignOptions *options,
                      const char             *date)
{
  WbPdfObj *sig = wb_pdf_obj_new (WB_PDF_DICT);

  wb_pdf_dict_set (sig, "Type", wb_pdf_obj_new_name ("Sig"));
  wb_pdf_dict_set (sig, "Filter", wb_pdf_obj_new_name ("Adobe.PPKLite"));
  wb_pdf_dict_set (sig, "SubFilter", wb_pdf_obj_new_name ("ETSI.CAdES.detached"));
  wb_pdf_dict_set (sig, "M", text_string (date));
  wb_pdf_dict_set (sig, "Name", text_string (wb_identity_get_name (identity)));
  if (options->reason != NULL)
    wb_pdf_dict_set (sig, "Reason", text_string (options->reason));
  if (options->location != NULL)
    wb_pdf_dict_set (sig, "Location", text_string (options->location));
  if (options->kind == WB_PDF_SIGNATURE_CERTIFICATION)
    {
      /* DocMDP /P 2: later form filling and signing are allowed, other changes are
       * flagged by PDF readers. */
      WbPdfObj *ref = wb_pdf_obj_new (WB_PDF_DICT);
      WbPdfObj *params = wb_pdf_obj_new (WB_PDF_DICT);
      WbPdfObj *arr = wb_pdf_obj_new (WB_PDF_ARRAY);

      wb_pdf_dict_set (params, "Type", wb_pdf_obj_new_name ("TransformParams"));
      wb_pdf_dict_set (params, "P", wb_pdf_obj_new_int (2));
      wb_pdf_dict_set (params, "V", wb_pdf_obj_new_name ("1.2"));
      wb_pdf_dict_set (ref, "Type", wb_pdf_obj_new_name ("SigRef"));
      wb_pdf_dict_set (ref, "TransformMethod", wb_pdf_obj_new_name ("DocMDP"));
      wb_pdf_dict_set (ref, "TransformParams", params);
      g_ptr_array_add (arr->items, ref);
      wb_pdf_dict_set (sig, "Reference", arr);
    }
  return sig;
}

static gboolean
page_box (const WbPdfObj *page,
          double          box[4])
{
  WbPdfObj *mb = wb_pdf_dict_get (page, "MediaBox");

  if (mb == NULL || mb->kind != WB_PDF_ARRAY || mb->items->len != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      WbPdfObj *v = mb->items->pdata[i];

      if (v->kind == WB_PDF_INT)
        box[i] = v->integer;
      else if (v->kind == WB_PDF_REAL)
        box[i] = v->real;
      else
        return FALSE;
    }
  return TRUE;
}

/* Writes the signature's objects, the page with its new widget, the AcroForm and the
 * catalog; returns where /Contents' '<' is. */
static gboolean
write_signature_objects (Update                 *u,
                         WbPdfDoc               *doc,
                         WbIdentity             *identity,
                         const WbPdfSignOptions *options,
                         guint                   root,
                         guint                   page_num,
                         const NewObjects       *n,
                         gsize                  *contents_at,
                         gsize                  *byterange_at,
                         GError                **error)
{
  const WbPdfObj *catalog = wb_pdf_doc_get_object (doc, root, error);
  const WbPdfObj *page = wb_pdf_doc_get_object (doc, page_num, error);
  const WbPdfObj *old_form = NULL;
  g_autoptr(WbPdfObj) sig = NULL;
  g_autoptr(WbPdfObj) widget = wb_pdf_obj_new (WB_PDF_DICT);
  g_autoptr(WbPdfObj) form = NULL;
  g_autoptr(WbPdfObj) new_page = NULL;
  g_autoptr(WbPdfObj) new_catalog = NULL;
  g_autoptr(WbPdfObj) rect = wb_pdf_obj_new (WB_PDF_ARRAY);
  g_autoptr(WbPdfObj) annots = NULL;
  g_autoptr(WbPdfObj) fields = NULL;
  g_autofree char *date = pdf_date (options->time);
  g_autofree char *field_name = g_strdup_printf ("Signature%u", n->sig);
  g_autofree char *shown_date = NULL;
  double box[4] = { 0, 0, 612, 792 };
  double x, y, w, h;

  if (catalog == NULL || page == NULL)
    return FALSE;
  if (page->kind != WB_PDF_DICT)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID, _("The PDF's page is malformed."));
      return FALSE;
    }
  if (wb_pdf_dict_get (catalog, "AcroForm") != NULL)
    {
      old_form = wb_pdf_doc_resolve (doc, wb_pdf_dict_get (catalog, "AcroForm"), error);
      if (old_form == NULL)
        return FALSE;
      if (old_form->kind != WB_PDF_DICT)
        {
          g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                       _("The PDF's /AcroForm is malformed."));
          return FALSE;
        }
    }
  if (options->kind == WB_PDF_SIGNATURE_CERTIFICATION)
    {
      const WbPdfObj *perms = wb_pdf_doc_resolve (doc, wb_pdf_dict_get (catalog, "Perms"), NULL);

      if (perms != NULL && wb_pdf_dict_get (perms, "DocMDP") != NULL)
        {
          g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNSUPPORTED,
                       _("This PDF is certified already; a document has one certification "
                         "signature."));
          return FALSE;
        }
    }
  page_box (page, box);
  x = box[0] + options->x;
  y = box[1] + options->y;
  w = options->visible ? MAX (options->width, 20) : 0;
  h = options->visible ? MAX (options->height, 12) : 0;

  /* 1. The signature dictionary, with fixed-width placeholders patched later. */
  sig = signature_dictionary (identity, options, date);
  begin_object (u, n->sig);
  {
    GString *tmp = g_string_new (NULL);

    wb_pdf_obj_write (sig, tmp);
    g_string_truncate (tmp, tmp->len - 2); /* drop ">>" */
    g_string_append (u->out, tmp->str);
    g_string_free (tmp, TRUE);
  }
  g_string_append (u->out, "/ByteRange [");
  *byterange_at = u->out->len;
  g_string_append_printf (u->out, "%-*s]\n/Contents ", 3 * (BYTERANGE_WIDTH + 1) + 1, "0");
  *contents_at = u->out->len;
  g_string_append_c (u->out, '<');
  for (guint i = 0; i < 2 * CONTENTS_BYTES; i++)
    g_string_append_c (u->out, '0');
  g_string_append (u->out, "> >>\nendobj\n");

  /* 2. The field and its widget in one dictionary; hidden or printed, locked. */
  for (guint i = 0; i < 4; i++)
    {
      WbPdfObj *v = wb_pdf_obj_new (WB_PDF_REAL);

      v->real = i == 0 ? x : i == 1 ? y : i == 2 ? x + w : y + h;
      g_ptr_array_add (rect->items, v);
    }
  wb_pdf_dict_set (widget, "Type", wb_pdf_obj_new_name ("Annot"));
  wb_pdf_dict_set (widget, "Subtype", wb_pdf_obj_new_name ("Widget"));
  wb_pdf_dict_set (widget, "FT", wb_pdf_obj_new_name ("Sig"));
  wb_pdf_dict_set (widget, "T", text_string (field_name));
  wb_pdf_dict_set (widget, "V", wb_pdf_obj_new_ref (n->sig));
  wb_pdf_dict_set (widget, "F", wb_pdf_obj_new_int (4 | 128)); /* Print | Locked */
  wb_pdf_dict_set (widget, "P", wb_pdf_obj_new_ref (page_num));
  wb_pdf_dict_set (widget, "Rect", g_steal_pointer (&rect));
  if (options->visible)
    {
      WbPdfObj *ap = wb_pdf_obj_new (WB_PDF_DICT);

      wb_pdf_dict_set (ap, "N", wb_pdf_obj_new_ref (n->ap));
      wb_pdf_dict_set (widget, "AP", ap);
    }
  write_object (u, n->widget, widget);

  /* 3. The appearance: who, in which role, when. */
  if (options->visible)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (options->time);
      g_autofree char *content = NULL;
      char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

      shown_date = g_date_time_format (dt, "%Y-%m-%d %H:%M UTC");
      content = appearance_stream (wb_identity_get_name (identity), options->role,
                                   shown_date, w, h);
      begin_object (u, n->ap);
      g_string_append_printf (u->out,
                              "<< /Type /XObject /Subtype /Form /BBox [0 0 %s %s] "
                              "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 "
                              "/BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >> "
                              "/Length %" G_GSIZE_FORMAT " >>\nstream\n%s\nendstream\nendobj\n",
                              g_ascii_formatd (a, sizeof a, "%.2f", w),
                              g_ascii_formatd (b, sizeof b, "%.2f", h),
                              strlen (content), content);
    }

  /* 4. The AcroForm: the old one's entries, its fields plus ours, SigFlags 3. */
  form = old_form ? wb_pdf_obj_copy (old_form) : wb_pdf_obj_new (WB_PDF_DICT);
  fields = copy_array (doc, old_form ? wb_pdf_dict_get (old_form, "Fields") : NULL, error);
  if (fields == NULL)
    return FALSE;
  g_ptr_array_add (fields->items, wb_pdf_obj_new_ref (n->widget));
  wb_pdf_dict_set (form, "Fields", g_steal_pointer (&fields));
  wb_pdf_dict_set (form, "SigFlags", wb_pdf_obj_new_int (3));
  write_object (u, n->acroform, form);

  /* 5. The page with the widget among its annotations. */
  new_page = wb_pdf_obj_copy (page);
  annots = copy_array (doc, wb_pdf_dict_get (page, "Annots"), error);
  if (annots == NULL)
    return FALSE;
  g_ptr_array_add (annots->items, wb_pdf_obj_new_ref (n->widget));
  wb_pdf_dict_set (new_page, "Annots", g_steal_pointer (&annots));
  write_object (u, page_num, new_page);

  /* 6. The catalog pointing at the new AcroForm (and DocMDP for a certification). */
  new_catalog = wb_pdf_obj_copy (catalog);
  wb_pdf_dict_set (new_catalog, "AcroForm", wb_pdf_obj_new_ref (n->acroform));
  if (options->kind == WB_PDF_SIGNATURE_CERTIFICATION)
    {
      WbPdfObj *perms = wb_pdf_obj_new (WB_PDF_DICT);

      wb_pdf_dict_set (perms, "DocMDP", wb_pdf_obj_new_ref (n->sig));
      wb_pdf_dict_set (new_catalog, "Perms", perms);
    }
  write_object (u, root, new_catalog);
  return TRUE;
}

/* Fills /ByteRange, hashes the two ranges, signs and fills /Contents. */
static gboolean
seal (GString    *out,
      gsize       contents_at,
      gsize       byterange_at,
      WbIdentity *identity,
      GError    **error)
{
  gsize gap_end = contents_at + 2 + 2 * CONTENTS_BYTES;
  g_autofree char *range = g_strdup_printf ("0 %" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT
                                            " %" G_GSIZE_FORMAT, contents_at, gap_end,
                                            out->len - gap_end);
  gsize field = 3 * (BYTERANGE_WIDTH + 1) + 1;
  g_autoptr(GBytes) cms = NULL;
  gcry_md_hd_t md;
  guint8 digest[32];
  const guint8 *c;
  gsize clen;

  if (strlen (range) > field)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNSUPPORTED,
                   _("The PDF is too large to sign."));
      return FALSE;
    }
  memcpy (out->str + byterange_at, range, strlen (range));
  if (gcry_md_open (&md, GCRY_MD_SHA256, 0) != 0)
    {
      wb_sign_set_crypto_error (error, _("Hashing"), gpg_error (GPG_ERR_ENOMEM));
      return FALSE;
    }
  gcry_md_write (md, out->str, contents_at);
  gcry_md_write (md, out->str + gap_end, out->len - gap_end);
  memcpy (digest, gcry_md_read (md, 0), 32);
  gcry_md_close (md);
  cms = wb_cms_sign_detached (identity, digest, error);
  if (cms == NULL)
    return FALSE;
  c = g_bytes_get_data (cms, &clen);
  if (clen > CONTENTS_BYTES)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNSUPPORTED,
                   _("The signature does not fit the space reserved for it."));
      return FALSE;
    }
  for (gsize i = 0; i < clen; i++)
    {
      static const char hex[] = "0123456789ABCDEF";

      out->str[contents_at + 1 + 2 * i] = hex[c[i] >> 4];
      out->str[contents_at + 2 + 2 * i] = hex[c[i] & 15];
    }
  return TRUE;
}

GBytes *
wb_pdf_sign (GBytes                 *pdf,
             WbIdentity             *identity,
             const WbPdfSignOptions *options,
             GError                **error)
{
  g_autoptr(WbPdfDoc) doc = NULL;
  g_autoptr(GArray) pages = NULL;
  WbPdfSignOptions opts = *options;
  Update u;
  NewObjects n;
  guint root, page_num, size;
  gsize contents_at = 0, byterange_at = 0;
  gsize len;
  const char *data = g_bytes_get_data (pdf, &len);
  gboolean ok;

  g_return_val_if_fail (WB_IS_IDENTITY (identity), NULL);
  if (wb_identity_get_role (identity) == WB_IDENTITY_CA)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("A school CA issues certificates; it does not sign documents."));
      return NULL;
    }
  if (opts.time == 0)
    opts.time = g_get_real_time () / G_USEC_PER_SEC;
  doc = wb_pdf_doc_open (pdf, error);
  if (doc == NULL)
    return NULL;
  root = wb_pdf_doc_get_root (doc, error);
  pages = root ? wb_pdf_doc_get_pages (doc, error) : NULL;
  if (pages == NULL)
    return NULL;
  if (pages->len == 0 || (opts.page != WB_PDF_LAST_PAGE && opts.page >= pages->len))
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("The PDF has no page %u."), opts.page + 1);
      return NULL;
    }
  page_num = g_array_index (pages, guint, opts.page == WB_PDF_LAST_PAGE ? pages->len - 1
                                                                         : opts.page);
  size = wb_pdf_doc_get_size (doc);
  n.sig = size;
  n.widget = size + 1;
  n.ap = size + 2;
  n.acroform = size + 3;

  /* Append, never rewrite: the original bytes stay the prefix of the result. */
  u.out = g_string_sized_new (len + 2 * CONTENTS_BYTES + 4096);
  u.nums = g_array_new (FALSE, FALSE, sizeof (guint));
  u.offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_string_append_len (u.out, data, len);
  if (len > 0 && data[len - 1] != '\n' && data[len - 1] != '\r')
    g_string_append_c (u.out, '\n');
  ok = write_signature_objects (&u, doc, identity, &opts, root, page_num, &n, &contents_at,
                                &byterange_at, error);
  if (ok)
    {
      write_xref_and_trailer (&u, doc, size + 4, root);
      ok = seal (u.out, contents_at, byterange_at, identity, error);
    }
  g_array_unref (u.nums);
  g_array_unref (u.offsets);
  if (!ok)
    {
      g_string_free (u.out, TRUE);
      return NULL;
    }
  return g_string_free_to_bytes (u.out);
}

/* --- Verifying ---------------------------------------------------------------- */

typedef struct {
  WbPdfDoc  *doc;
  GPtrArray *sigs;   /* of WbPdfObj (borrowed signature dictionaries) */
  GPtrArray *names;  /* field names */
  guint      visited;
} Collect;

static char *
field_name (const WbPdfObj *field)
{
  WbPdfObj *t = wb_pdf_dict_get (field, "T");
  gsize len;
  const char *data;

  if (t == NULL || t->kind != WB_PDF_STRING)
    return g_strdup ("?");
  data = g_bytes_get_data (t->bytes, &len);
  if (len >= 2 && (guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)
    {
      char *s = g_convert (data + 2, len - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);

      return s ? s : g_strdup ("?");
    }
  return g_utf8_make_valid (data, len);
}

static gboolean
collect_fields (Collect         *c,
                const WbPdfObj  *fields,
                gboolean         parent_is_sig,
                guint            depth,
                GError         **error)
{
  fields = wb_pdf_doc_resolve (c->doc, fields, error);
  if (fields == NULL)
    return FALSE;
  if (fields->kind != WB_PDF_ARRAY || depth > MAX_FIELD_DEPTH)
    goto bad;
  for (guint i = 0; i < fields->items->len; i++)
    {
      const WbPdfObj *field = wb_pdf_doc_resolve (c->doc, fields->items->pdata[i], error);
      WbPdfObj *ft, *v, *kids;
      gboolean is_sig;

      if (field == NULL)
        return FALSE;
      if (field->kind != WB_PDF_DICT || ++c->visited > MAX_FIELDS)
        goto bad;
      ft = wb_pdf_dict_get (field, "FT");
      is_sig = ft ? wb_pdf_name_is (ft, "Sig") : parent_is_sig;
      v = wb_pdf_dict_get (field, "V");
      if (is_sig && v != NULL)
        {
          const WbPdfObj *sig = wb_pdf_doc_resolve (c->doc, v, error);

          if (sig == NULL)
            return FALSE;
          if (sig->kind != WB_PDF_DICT)
            goto bad;
          g_ptr_array_add (c->sigs, (gpointer) sig);
          g_ptr_array_add (c->names, field_name (field));
        }
      kids = wb_pdf_dict_get (field, "Kids");
      if (kids != NULL && !collect_fields (c, kids, is_sig, depth + 1, error))
        return FALSE;
    }
  return TRUE;

bad:
  g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
               _("The PDF's form fields are malformed."));
  return FALSE;
}

static gboolean
read_byte_range (const WbPdfObj *sig,
                 gsize           len,
                 gsize           range[4])
{
  WbPdfObj *br = wb_pdf_dict_get (sig, "ByteRange");

  if (br == NULL || br->kind != WB_PDF_ARRAY || br->items->len != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      WbPdfObj *v = br->items->pdata[i];

      if (v->kind != WB_PDF_INT || v->integer < 0 || (guint64) v->integer > len)
        return FALSE;
      range[i] = v->integer;
    }
  /* One gap, starting at the beginning of the file, inside the file. */
  return range[0] == 0 && range[1] > 0 && range[2] > range[1]
         && range[3] <= len - range[2];
}

/* The signing time from /M ("D:YYYYMMDDHHmmSS" and Z or +HH'mm'), or 0. /M lies inside
 * the signed range, so it is the signer's own statement: certificates are checked for
 * the time of signing, and a report stays verifiable after its certificates expire. */
static gint64
parse_pdf_date (const char *m)
{
  int f[6] = { 0, 1, 1, 0, 0, 0 };
  static const int widths[6] = { 4, 2, 2, 2, 2, 2 };
  const char *p = m;
  g_autoptr(GDateTime) dt = NULL;
  gint64 t;

  if (m == NULL || !g_str_has_prefix (m, "D:"))
    return 0;
  p += 2;
  for (guint i = 0; i < 6; i++)
    {
      int v = 0;

      for (int k = 0; k < widths[i]; k++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return 0;
          v = v * 10 + (*p - '0');
        }
      f[i] = v;
    }
  dt = g_date_time_new_utc (f[0], f[1], f[2], f[3], f[4], f[5]);
  if (dt == NULL)
    return 0;
  t = g_date_time_to_unix (dt);
  if ((*p == '+' || *p == '-') && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]))
    {
      int off = ((p[1] - '0') * 10 + (p[2] - '0')) * 3600;

      if (p[3] == '\'' && g_ascii_isdigit (p[4]) && g_ascii_isdigit (p[5]))
        off += ((p[4] - '0') * 10 + (p[5] - '0')) * 60;
      t += *p == '+' ? -off : off;
    }
  return t;
}

/* Checks one signature; fills @info; FALSE with the reason in @info->problem. */
static gboolean
check_one (const guint8       *data,
           gsize               len,
           const WbPdfObj     *sig,
           GBytes             *ca,
           WbPdfSignatureInfo *info,
           GError            **error)
{
  WbPdfObj *contents = wb_pdf_dict_get (sig, "Contents");
  WbPdfObj *m = wb_pdf_dict_get (sig, "M");
  WbPdfObj *sub = wb_pdf_dict_get (sig, "SubFilter");
  gsize range[4];
  guint8 digest[32];
  gcry_md_hd_t md;
  g_autoptr(GBytes) signer = NULL;
  gsize clen;
  const guint8 *cdata;

  if (m != NULL && m->kind == WB_PDF_STRING)
    info->time = g_utf8_make_valid (g_bytes_get_data (m->bytes, NULL),
                                    g_bytes_get_size (m->bytes));
  info->certification = wb_pdf_dict_get (sig, "Reference") != NULL;
  if (!wb_pdf_name_is (sub, "ETSI.CAdES.detached") && !wb_pdf_name_is (sub, "adbe.pkcs7.detached"))
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_UNSUPPORTED,
                   _("The signature is of a kind Werkbank does not check (not a detached "
                     "CMS signature)."));
      return FALSE;
    }
  if (!read_byte_range (sig, len, range) || contents == NULL
      || contents->kind != WB_PDF_STRING
      || contents->offset != range[1] || contents->end != range[2]
      || data[range[1]] != '<')
    {
      /* The gap must be exactly this signature's /Contents, or other bytes could be
       * left out of the signed range. */
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_INVALID,
                   _("The signature's byte range is malformed: it does not leave out "
                     "exactly the signature itself."));
      return FALSE;
    }
  info->signed_bytes = range[2] + range[3];
  gcry_md_open (&md, GCRY_MD_SHA256, 0);
  gcry_md_write (md, data, range[1]);
  gcry_md_write (md, data + range[2], range[3]);
  memcpy (digest, gcry_md_read (md, 0), 32);
  gcry_md_close (md);
  cdata = g_bytes_get_data (contents->bytes, &clen);
  if (!wb_cms_verify_detached (cdata, clen, digest, &signer, error))
    return FALSE;
  info->certificate = g_bytes_ref (signer);
  g_free (info->signer);
  info->signer = wb_certificate_get_subject_name (signer);
  info->valid = TRUE;
  if (ca != NULL)
    {
      gint64 when = parse_pdf_date (info->time);

      if (when == 0)
        when = g_get_real_time () / G_USEC_PER_SEC;
      if (!wb_certificate_check_issued_by (signer, ca, when, error))
        return FALSE;
      info->trusted = TRUE;
    }
  return TRUE;
}

static gint
by_signed_end (gconstpointer a,
               gconstpointer b)
{
  const WbPdfSignatureInfo *x = *(WbPdfSignatureInfo **) a;
  const WbPdfSignatureInfo *y = *(WbPdfSignatureInfo **) b;

  return x->signed_bytes < y->signed_bytes ? -1 : x->signed_bytes > y->signed_bytes;
}

gboolean
wb_pdf_verify (GBytes     *pdf,
               GBytes     *ca,
               GPtrArray **out_infos,
               GError    **error)
{
  g_autoptr(WbPdfDoc) doc = NULL;
  g_autoptr(GPtrArray) infos =
    g_ptr_array_new_with_free_func ((GDestroyNotify) wb_pdf_signature_info_free);
  g_autoptr(GPtrArray) sigs = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GError *first = NULL;
  Collect c;
  const WbPdfObj *catalog, *form;
  gsize len;
  const guint8 *data = g_bytes_get_data (pdf, &len);
  WbPdfSignatureInfo *last;
  guint root;

  doc = wb_pdf_doc_open (pdf, error);
  if (doc == NULL)
    return FALSE;
  root = wb_pdf_doc_get_root (doc, error);
  if (root == 0)
    return FALSE;
  catalog = wb_pdf_doc_get_object (doc, root, error);
  if (catalog == NULL)
    return FALSE;
  c.doc = doc;
  c.sigs = sigs;
  c.names = names;
  c.visited = 0;
  if (wb_pdf_dict_get (catalog, "AcroForm") != NULL)
    {
      form = wb_pdf_doc_resolve (doc, wb_pdf_dict_get (catalog, "AcroForm"), error);
      if (form == NULL)
        return FALSE;
      if (wb_pdf_dict_get (form, "Fields") != NULL
          && !collect_fields (&c, wb_pdf_dict_get (form, "Fields"), FALSE, 0, error))
        return FALSE;
    }
  if (sigs->len == 0)
    {
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_NOT_SIGNED,
                   _("The PDF is not signed."));
      return FALSE;
    }
  for (guint i = 0; i < sigs->len; i++)
    {
      WbPdfSignatureInfo *info = g_new0 (WbPdfSignatureInfo, 1);
      GError *local = NULL;

      info->field = g_strdup (names->pdata[i]);
      info->signer = g_strdup ("?");
      if (!check_one (data, len, sigs->pdata[i], ca, info, &local))
        {
          info->problem = g_strdup (local->message);
          if (first == NULL)
            first = local;
          else
            g_error_free (local);
        }
      g_ptr_array_add (infos, info);
    }
  g_ptr_array_sort (infos, by_signed_end);
  last = infos->pdata[infos->len - 1];
  if (first == NULL && last->signed_bytes != len)
    g_set_error (&first, WB_SIGN_ERROR, WB_SIGN_ERROR_MODIFIED,
                 _("The file was changed after the last signature: %" PRIu64
                   " bytes were added that no signature covers."),
                 (guint64) (len - MIN (len, last->signed_bytes)));
  if (out_infos != NULL)
    *out_infos = g_steal_pointer (&infos);
  if (first != NULL)
    {
      g_propagate_error (error, first);
      return FALSE;
    }
  return TRUE;
}

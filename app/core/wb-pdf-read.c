/* wb-pdf-read.c — a small, bounded PDF object reader for incremental updates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "wb-identity.h"
#include "wb-pdf-read.h"

#define MAX_DEPTH        48
#define MAX_OBJ_NUM      (8 * 1024 * 1024)
#define MAX_SECTIONS     256
#define MAX_PAGES        100000
#define MAX_BUDGET       2000000   /* values parsed per document, all objects together */
#define STARTXREF_WINDOW 2048
#define XREF_ENTRY_LEN   20
#define OFFSET_FREE      G_MAXSIZE

struct _WbPdfDoc {
  GBytes     *bytes;
  const guint8 *d;
  gsize       len;
  GHashTable *offsets; /* object number -> offset (OFFSET_FREE when freed) */
  GHashTable *cache;   /* object number -> WbPdfObj */
  WbPdfObj   *trailer;
  gsize       startxref;
  guint       size;
  guint       budget;
};

typedef struct {
  const guint8 *d;
  gsize         len;
  gsize         pos;
  guint        *budget;
} Lex;

#define FAIL(code, ...) \
  G_STMT_START { g_set_error (error, WB_SIGN_ERROR, code, __VA_ARGS__); } G_STMT_END

/* --- Objects ------------------------------------------------------------------ */

WbPdfObj *
wb_pdf_obj_new (WbPdfKind kind)
{
  WbPdfObj *obj = g_new0 (WbPdfObj, 1);

  obj->kind = kind;
  if (kind == WB_PDF_ARRAY || kind == WB_PDF_DICT)
    obj->items = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_pdf_obj_free);
  return obj;
}

WbPdfObj *
wb_pdf_obj_new_int (gint64 value)
{
  WbPdfObj *obj = wb_pdf_obj_new (WB_PDF_INT);

  obj->integer = value;
  return obj;
}

WbPdfObj *
wb_pdf_obj_new_name (const char *name)
{
  WbPdfObj *obj = wb_pdf_obj_new (WB_PDF_NAME);

  obj->bytes = g_bytes_new (name, strlen (name));
  return obj;
}

WbPdfObj *
wb_pdf_obj_new_ref (guint num)
{
  WbPdfObj *obj = wb_pdf_obj_new (WB_PDF_REF);

  obj->integer = num;
  return obj;
}

void
wb_pdf_obj_free (WbPdfObj *obj)
{
  if (obj == NULL)
    return;
  g_clear_pointer (&obj->bytes, g_bytes_unref);
  g_clear_pointer (&obj->items, g_ptr_array_unref);
  g_free (obj);
}

WbPdfObj *
wb_pdf_obj_copy (const WbPdfObj *obj)
{
  WbPdfObj *copy = wb_pdf_obj_new (obj->kind);

  copy->integer = obj->integer;
  copy->real = obj->real;
  copy->gen = obj->gen;
  copy->offset = obj->offset;
  copy->end = obj->end;
  if (obj->bytes != NULL)
    copy->bytes = g_bytes_ref (obj->bytes);
  if (obj->items != NULL)
    for (guint i = 0; i < obj->items->len; i++)
      g_ptr_array_add (copy->items, wb_pdf_obj_copy (obj->items->pdata[i]));
  return copy;
}

gboolean
wb_pdf_name_is (const WbPdfObj *obj,
                const char     *name)
{
  gsize len;
  const char *data;

  if (obj == NULL || obj->kind != WB_PDF_NAME)
    return FALSE;
  data = g_bytes_get_data (obj->bytes, &len);
  return len == strlen (name) && memcmp (data, name, len) == 0;
}

WbPdfObj *
wb_pdf_dict_get (const WbPdfObj *dict,
                 const char     *key)
{
  if (dict == NULL || dict->kind != WB_PDF_DICT)
    return NULL;
  for (guint i = 0; i + 1 < dict->items->len; i += 2)
    if (wb_pdf_name_is (dict->items->pdata[i], key))
      return dict->items->pdata[i + 1];
  return NULL;
}

void
wb_pdf_dict_set (WbPdfObj   *dict,
                 const char *key,
                 WbPdfObj   *value)
{
  g_return_if_fail (dict->kind == WB_PDF_DICT);
  for (guint i = 0; i + 1 < dict->items->len; i += 2)
    if (wb_pdf_name_is (dict->items->pdata[i], key))
      {
        wb_pdf_obj_free (dict->items->pdata[i + 1]);
        dict->items->pdata[i + 1] = value;
        return;
      }
  g_ptr_array_add (dict->items, wb_pdf_obj_new_name (key));
  g_ptr_array_add (dict->items, value);
}

static gboolean
is_space (guint8 c)
{
  return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static gboolean
is_delim (guint8 c)
{
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']'
         || c == '{' || c == '}' || c == '/' || c == '%';
}

void
wb_pdf_obj_write (const WbPdfObj *obj,
                  GString        *out)
{
  gsize len;
  const guint8 *data;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  switch (obj->kind)
    {
    case WB_PDF_NULL:
      g_string_append (out, "null");
      break;
    case WB_PDF_BOOL:
      g_string_append (out, obj->integer ? "true" : "false");
      break;
    case WB_PDF_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, obj->integer);
      break;
    case WB_PDF_REAL:
      /* Fixed notation: PDF has no exponents. */
      g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.5f", obj->real));
      break;
    case WB_PDF_STRING:
      data = g_bytes_get_data (obj->bytes, &len);
      g_string_append_c (out, '<');
      for (gsize i = 0; i < len; i++)
        g_string_append_printf (out, "%02X", data[i]);
      g_string_append_c (out, '>');
      break;
    case WB_PDF_NAME:
      data = g_bytes_get_data (obj->bytes, &len);
      g_string_append_c (out, '/');
      for (gsize i = 0; i < len; i++)
        {
          if (data[i] < 0x21 || data[i] > 0x7e || data[i] == '#' || is_delim (data[i]))
            g_string_append_printf (out, "#%02X", data[i]);
          else
            g_string_append_c (out, data[i]);
        }
      break;
    case WB_PDF_ARRAY:
      g_string_append_c (out, '[');
      for (guint i = 0; i < obj->items->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          wb_pdf_obj_write (obj->items->pdata[i], out);
        }
      g_string_append_c (out, ']');
      break;
    case WB_PDF_DICT:
      g_string_append (out, "<<");
      for (guint i = 0; i < obj->items->len; i++)
        {
          g_string_append_c (out, ' ');
          wb_pdf_obj_write (obj->items->pdata[i], out);
        }
      g_string_append (out, " >>");
      break;
    case WB_PDF_REF:
      g_string_append_printf (out, "%" G_GINT64_FORMAT " %u R", obj->integer, obj->gen);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* --- Lexing ------------------------------------------------------------------- */

static void
skip_space (Lex *lex)
{
  while (lex->pos < lex->len)
    {
      guint8 c = lex->d[lex->pos];

      if (c == '%')
        {
          /* cairo writes comments inside dictionaries (design.md §8). */
          while (lex->pos < lex->len && lex->d[lex->pos] != '\n' && lex->d[lex->pos] != '\r')
            lex->pos++;
        }
      else if (is_space (c))
        lex->pos++;
      else
        break;
    }
}

static gboolean
at_keyword (Lex        *lex,
            const char *word)
{
  gsize n = strlen (word);

  return lex->len - lex->pos >= n && memcmp (lex->d + lex->pos, word, n) == 0
         && (lex->pos + n == lex->len || is_space (lex->d[lex->pos + n])
             || is_delim (lex->d[lex->pos + n]));
}

/* An unsigned integer of at most 18 digits (no overflow possible). */
static gboolean
read_uint (Lex    *lex,
           gint64 *out)
{
  gsize start = lex->pos;
  gint64 v = 0;

  while (lex->pos < lex->len && g_ascii_isdigit (lex->d[lex->pos]) && lex->pos - start < 18)
    v = v * 10 + (lex->d[lex->pos++] - '0');
  if (lex->pos == start || (lex->pos < lex->len && g_ascii_isdigit (lex->d[lex->pos])))
    return FALSE;
  *out = v;
  return TRUE;
}

static int
hex_value (guint8 c)
{
  if (g_ascii_isdigit (c))
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static WbPdfObj *parse_value (Lex *lex, guint depth, GError **error);

static WbPdfObj *
parse_hex_string (Lex     *lex,
                  GError **error)
{
  GByteArray *buf = g_byte_array_new ();
  WbPdfObj *obj;
  int hi = -1;

  lex->pos++; /* '<' */
  while (lex->pos < lex->len && lex->d[lex->pos] != '>')
    {
      guint8 c = lex->d[lex->pos++];
      int v = hex_value (c);

      if (is_space (c))
        continue;
      if (v < 0)
        {
          g_byte_array_unref (buf);
          FAIL (WB_SIGN_ERROR_INVALID, _("The PDF has a malformed hex string."));
          return NULL;
        }
      if (hi < 0)
        hi = v;
      else
        {
          guint8 b = (hi << 4) | v;

          g_byte_array_append (buf, &b, 1);
          hi = -1;
        }
    }
  if (lex->pos >= lex->len)
    {
      g_byte_array_unref (buf);
      FAIL (WB_SIGN_ERROR_INVALID, _("The PDF ends inside a string."));
      return NULL;
    }
  lex->pos++;
  if (hi >= 0)
    {
      guint8 b = hi << 4;

      g_byte_array_append (buf, &b, 1);
    }
  obj = wb_pdf_obj_new (WB_PDF_STRING);
  obj->bytes = g_byte_array_free_to_bytes (buf);
  return obj;
}

static WbPdfObj *
parse_literal_string (Lex     *lex,
                      GError **error)
{
  GByteArray *buf = g_byte_array_new ();
  WbPdfObj *obj;
  guint nest = 1;

  lex->pos++; /* '(' */
  while (lex->pos < lex->len)
    {
      guint8 c = lex->d[lex->pos++];

      if (c == '\\' && lex->pos < lex->len)
        {
          guint8 e = lex->d[lex->pos++];
          static const char from[] = "nrtbf()\\", to[] = "\n\r\t\b\f()\\";
          const char *hit = strchr (from, e);

          if (e != 0 && hit != NULL)
            c = to[hit - from];
          else if (e >= '0' && e <= '7')
            {
              guint v = e - '0';

              for (guint i = 0; i < 2 && lex->pos < lex->len
                   && lex->d[lex->pos] >= '0' && lex->d[lex->pos] <= '7'; i++)
                v = v * 8 + (lex->d[lex->pos++] - '0');
              c = v & 0xff;
            }
          else if (e == '\n' || e == '\r')
            {
              if (e == '\r' && lex->pos < lex->len && lex->d[lex->pos] == '\n')
                lex->pos++;
              continue;
            }
          else
            c = e;
        }
      else if (c == '(')
        nest++;
      else if (c == ')' && --nest == 0)
        {
          obj = wb_pdf_obj_new (WB_PDF_STRING);
          obj->bytes = g_byte_array_free_to_bytes (buf);
          return obj;
        }
      g_byte_array_append (buf, &c, 1);
    }
  g_byte_array_unref (buf);
  FAIL (WB_SIGN_ERROR_INVALID, _("The PDF ends inside a string."));
  return NULL;
}

static WbPdfObj *
parse_name (Lex     *lex,
            GError **error)
{
  GByteArray *buf = g_byte_array_new ();
  WbPdfObj *obj;

  lex->pos++; /* '/' */
  while (lex->pos < lex->len && !is_space (lex->d[lex->pos]) && !is_delim (lex->d[lex->pos]))
    {
      guint8 c = lex->d[lex->pos++];

      if (c == '#' && lex->len - lex->pos >= 2 && hex_value (lex->d[lex->pos]) >= 0
          && hex_value (lex->d[lex->pos + 1]) >= 0)
        {
          c = (hex_value (lex->d[lex->pos]) << 4) | hex_value (lex->d[lex->pos + 1]);
          lex->pos += 2;
        }
      g_byte_array_append (buf, &c, 1);
    }
  obj = wb_pdf_obj_new (WB_PDF_NAME);
  obj->bytes = g_byte_array_free_to_bytes (buf);
  return obj;
}

static WbPdfObj *
parse_number (Lex     *lex,
              GError **error)
{
  gsize start = lex->pos;
  gboolean neg = FALSE, real = FALSE;
  gint64 v = 0;
  guint digits = 0;
  WbPdfObj *obj;

  if (lex->d[lex->pos] == '+' || lex->d[lex->pos] == '-')
    neg = lex->d[lex->pos++] == '-';
  while (lex->pos < lex->len && (g_ascii_isdigit (lex->d[lex->pos]) || lex->d[lex->pos] == '.'))
    {
      if (lex->d[lex->pos] == '.')
        {
          if (real)
            break; /* a second dot ends the number; the next token will fail */
          real = TRUE;
        }
      else if (++digits <= 18 && !real)
        v = v * 10 + (lex->d[lex->pos] - '0');
      lex->pos++;
    }
  if (digits == 0 || (!real && digits > 18) || lex->pos - start > 40)
    {
      FAIL (WB_SIGN_ERROR_INVALID, _("The PDF has a malformed number."));
      return NULL;
    }
  if (real)
    {
      g_autofree char *text = g_strndup ((const char *) lex->d + start, lex->pos - start);

      obj = wb_pdf_obj_new (WB_PDF_REAL);
      obj->real = g_ascii_strtod (text, NULL);
      return obj;
    }
  obj = wb_pdf_obj_new_int (neg ? -v : v);
  return obj;
}

/* After an integer: "G R" makes it a reference. */
static void
maybe_reference (Lex      *lex,
                 WbPdfObj *obj)
{
  gsize save = lex->pos;
  gint64 gen;

  if (obj->integer < 0 || obj->integer >= MAX_OBJ_NUM)
    return;
  skip_space (lex);
  if (read_uint (lex, &gen) && gen <= 65535)
    {
      skip_space (lex);
      if (at_keyword (lex, "R"))
        {
          lex->pos++;
          obj->kind = WB_PDF_REF;
          obj->gen = gen;
          return;
        }
    }
  lex->pos = save;
}

static WbPdfObj *
parse_container (Lex     *lex,
                 guint    depth,
                 gboolean dict,
                 GError **error)
{
  WbPdfObj *obj = wb_pdf_obj_new (dict ? WB_PDF_DICT : WB_PDF_ARRAY);

  lex->pos += dict ? 2 : 1;
  for (;;)
    {
      WbPdfObj *item;

      skip_space (lex);
      if (lex->pos >= lex->len)
        break;
      if (dict && lex->len - lex->pos >= 2 && lex->d[lex->pos] == '>' && lex->d[lex->pos + 1] == '>')
        {
          lex->pos += 2;
          return obj;
        }
      if (!dict && lex->d[lex->pos] == ']')
        {
          lex->pos++;
          return obj;
        }
      if (dict && (obj->items->len % 2) == 0 && lex->d[lex->pos] != '/')
        {
          wb_pdf_obj_free (obj);
          FAIL (WB_SIGN_ERROR_INVALID, _("The PDF has a dictionary key that is not a name."));
          return NULL;
        }
      item = parse_value (lex, depth + 1, error);
      if (item == NULL)
        {
          wb_pdf_obj_free (obj);
          return NULL;
        }
      g_ptr_array_add (obj->items, item);
    }
  wb_pdf_obj_free (obj);
  FAIL (WB_SIGN_ERROR_INVALID, _("The PDF ends inside a dictionary or array."));
  return NULL;
}

static WbPdfObj *
parse_value (Lex     *lex,
             guint    depth,
             GError **error)
{
  WbPdfObj *obj = NULL;
  gsize start;
  guint8 c;

  skip_space (lex);
  if (lex->pos >= lex->len)
    {
      FAIL (WB_SIGN_ERROR_INVALID, _("The PDF ends where a value was expected."));
      return NULL;
    }
  if (depth > MAX_DEPTH || *lex->budget == 0)
    {
      FAIL (WB_SIGN_ERROR_INVALID, _("The PDF nests too deeply or holds too many objects."));
      return NULL;
    }
  (*lex->budget)--;
  start = lex->pos;
  c = lex->d[lex->pos];
  if (c == '<' && lex->pos + 1 < lex->len && lex->d[lex->pos + 1] == '<')
    obj = parse_container (lex, depth, TRUE, error);
  else if (c == '<')
    obj = parse_hex_string (lex, error);
  else if (c == '(')
    obj = parse_literal_string (lex, error);
  else if (c == '[')
    obj = parse_container (lex, depth, FALSE, error);
  else if (c == '/')
    obj = parse_name (lex, error);
  else if (g_ascii_isdigit (c) || c == '-' || c == '+' || c == '.')
    {
      obj = parse_number (lex, error);
      if (obj != NULL && obj->kind == WB_PDF_INT)
        maybe_reference (lex, obj);
    }
  else if (at_keyword (lex, "true") || at_keyword (lex, "false"))
    {
      obj = wb_pdf_obj_new (WB_PDF_BOOL);
      obj->integer = c == 't';
      lex->pos += c == 't' ? 4 : 5;
    }
  else if (at_keyword (lex, "null"))
    {
      obj = wb_pdf_obj_new (WB_PDF_NULL);
      lex->pos += 4;
    }
  else
    FAIL (WB_SIGN_ERROR_INVALID, _("The PDF has an unexpected character at byte %"
                                   PRIu64 "."), (guint64) lex->pos);
  if (obj != NULL)
    {
      obj->offset = start;
      obj->end = lex->pos;
    }
  return obj;
}

/* --- Cross-reference sections -------------------------------------------------- */

static gboolean
find_startxref (WbPdfDoc  *doc,
                gsize     *out,
                GError   **error)
{
  gsize from = doc->len > STARTXREF_WINDOW ? doc->len - STARTXREF_WINDOW : 0;
  const char *word = "startxref";
  gsize n = strlen (word);
  Lex lex = { doc->d, doc->len, 0, &doc->budget };
  gint64 v;

  for (gsize i = doc->len >= n ? doc->len - n + 1 : 0; i-- > from;)
    if (memcmp (doc->d + i, word, n) == 0)
      {
        lex.pos = i + n;
        skip_space (&lex);
        if (read_uint (&lex, &v) && (guint64) v < doc->len)
          {
            *out = v;
            return TRUE;
          }
        break;
      }
  FAIL (WB_SIGN_ERROR_INVALID, _("This is not a PDF Werkbank can read (no valid "
                                 "“startxref” at its end)."));
  return FALSE;
}

static gboolean
read_xref_entries (WbPdfDoc  *doc,
                   Lex       *lex,
                   gint64     first,
                   gint64     count,
                   GError   **error)
{
  for (gint64 i = 0; i < count; i++)
    {
      const guint8 *e;
      gint64 off = 0, num = first + i;

      /* Each entry is exactly 20 bytes: 10 digits, space, 5 digits, space, n/f, EOL. */
      if (lex->len - lex->pos < XREF_ENTRY_LEN)
        goto bad;
      e = lex->d + lex->pos;
      for (guint k = 0; k < 10; k++)
        {
          if (!g_ascii_isdigit (e[k]))
            goto bad;
          off = off * 10 + (e[k] - '0');
        }
      if (e[10] != ' ' || e[16] != ' ' || (e[17] != 'n' && e[17] != 'f')
          || !is_space (e[18]) || !is_space (e[19]))
        goto bad;
      lex->pos += XREF_ENTRY_LEN;
      /* Newer sections come first: they win. */
      if (g_hash_table_contains (doc->offsets, GUINT_TO_POINTER ((guint) num)))
        continue;
      if (e[17] == 'n' && (guint64) off >= doc->len)
        goto bad;
      g_hash_table_insert (doc->offsets, GUINT_TO_POINTER ((guint) num),
                           GSIZE_TO_POINTER (e[17] == 'n' ? (gsize) off : OFFSET_FREE));
    }
  return TRUE;

bad:
  FAIL (WB_SIGN_ERROR_INVALID, _("The PDF's cross-reference table is malformed."));
  return FALSE;
}

static WbPdfObj *
read_xref_section (WbPdfDoc  *doc,
                   gsize      offset,
                   GError   **error)
{
  Lex lex = { doc->d, doc->len, offset, &doc->budget };

  skip_space (&lex);
  if (!at_keyword (&lex, "xref"))
    {
      if (lex.pos < lex.len && g_ascii_isdigit (lex.d[lex.pos]))
        FAIL (WB_SIGN_ERROR_UNSUPPORTED,
              _("This PDF uses a compressed cross-reference stream; Werkbank signs PDFs "
                "with a classic cross-reference table (as its own reports have)."));
      else
        FAIL (WB_SIGN_ERROR_INVALID, _("The PDF's “startxref” does not point at a "
                                       "cross-reference table."));
      return NULL;
    }
  lex.pos += 4;
  for (;;)
    {
      gint64 first, count;

      skip_space (&lex);
      if (at_keyword (&lex, "trailer"))
        break;
      if (!read_uint (&lex, &first))
        goto bad;
      skip_space (&lex);
      if (!read_uint (&lex, &count) || first + count > MAX_OBJ_NUM
          || (guint64) count > doc->len / XREF_ENTRY_LEN)
        goto bad;
      skip_space (&lex);
      if (!read_xref_entries (doc, &lex, first, count, error))
        return NULL;
    }
  lex.pos += 7;
  {
    WbPdfObj *trailer = parse_value (&lex, 0, error);

    if (trailer != NULL && trailer->kind != WB_PDF_DICT)
      {
        wb_pdf_obj_free (trailer);
        goto bad;
      }
    return trailer;
  }

bad:
  FAIL (WB_SIGN_ERROR_INVALID, _("The PDF's cross-reference table is malformed."));
  return NULL;
}

WbPdfDoc *
wb_pdf_doc_open (GBytes  *data,
                 GError **error)
{
  g_autoptr(WbPdfDoc) doc = g_new0 (WbPdfDoc, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  gsize offset;
  WbPdfObj *size;

  doc->bytes = g_bytes_ref (data);
  doc->d = g_bytes_get_data (data, &doc->len);
  doc->offsets = g_hash_table_new (NULL, NULL);
  doc->cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) wb_pdf_obj_free);
  doc->budget = MAX_BUDGET;
  if (doc->len < 8 || memcmp (doc->d, "%PDF-", 5) != 0)
    {
      FAIL (WB_SIGN_ERROR_INVALID, _("This is not a PDF file."));
      return NULL;
    }
  if (!find_startxref (doc, &offset, error))
    return NULL;
  doc->startxref = offset;
  for (guint i = 0;; i++)
    {
      WbPdfObj *trailer, *prev;
      gboolean has_prev, prev_ok;
      gsize next;

      if (i >= MAX_SECTIONS || g_hash_table_contains (seen, GSIZE_TO_POINTER (offset + 1)))
        {
          FAIL (WB_SIGN_ERROR_INVALID, _("The PDF's cross-reference sections form a loop."));
          return NULL;
        }
      g_hash_table_add (seen, GSIZE_TO_POINTER (offset + 1));
      trailer = read_xref_section (doc, offset, error);
      if (trailer == NULL)
        return NULL;
      prev = wb_pdf_dict_get (trailer, "Prev");
      /* Read everything from @prev before the trailer it belongs to may be freed. */
      has_prev = prev != NULL;
      prev_ok = has_prev && prev->kind == WB_PDF_INT && prev->integer >= 0
                && (guint64) prev->integer < doc->len;
      next = prev_ok ? (gsize) prev->integer : 0;
      if (doc->trailer == NULL)
        doc->trailer = trailer; /* the newest trailer is the one that counts */
      else
        wb_pdf_obj_free (trailer);
      if (has_prev && !prev_ok)
        {
          FAIL (WB_SIGN_ERROR_INVALID, _("The PDF's /Prev points outside the file."));
          return NULL;
        }
      if (!has_prev)
        break;
      offset = next;
    }
  size = wb_pdf_dict_get (doc->trailer, "Size");
  if (size == NULL || size->kind != WB_PDF_INT || size->integer < 1
      || size->integer > MAX_OBJ_NUM)
    {
      FAIL (WB_SIGN_ERROR_INVALID, _("The PDF's trailer has no valid /Size."));
      return NULL;
    }
  doc->size = size->integer;
  return g_steal_pointer (&doc);
}

void
wb_pdf_doc_free (WbPdfDoc *doc)
{
  if (doc == NULL)
    return;
  g_clear_pointer (&doc->bytes, g_bytes_unref);
  g_clear_pointer (&doc->offsets, g_hash_table_unref);
  g_clear_pointer (&doc->cache, g_hash_table_unref);
  wb_pdf_obj_free (doc->trailer);
  g_free (doc);
}

const WbPdfObj *
wb_pdf_doc_get_trailer (WbPdfDoc *doc)
{
  return doc->trailer;
}

gsize
wb_pdf_doc_get_startxref (WbPdfDoc *doc)
{
  return doc->startxref;
}

guint
wb_pdf_doc_get_size (WbPdfDoc *doc)
{
  return doc->size;
}

const WbPdfObj *
wb_pdf_doc_get_object (WbPdfDoc  *doc,
                       guint      num,
                       GError   **error)
{
  WbPdfObj *obj = g_hash_table_lookup (doc->cache, GUINT_TO_POINTER (num));
  gpointer value;
  Lex lex = { doc->d, doc->len, 0, &doc->budget };
  gint64 n, gen;

  if (obj != NULL)
    return obj;
  if (!g_hash_table_lookup_extended (doc->offsets, GUINT_TO_POINTER (num), NULL, &value)
      || GPOINTER_TO_SIZE (value) == OFFSET_FREE)
    {
      FAIL (WB_SIGN_ERROR_INVALID, _("The PDF refers to object %u, which it does not "
                                     "hold."), num);
      return NULL;
    }
  lex.pos = GPOINTER_TO_SIZE (value);
  skip_space (&lex);
  if (!read_uint (&lex, &n) || n != num)
    goto bad;
  skip_space (&lex);
  if (!read_uint (&lex, &gen))
    goto bad;
  skip_space (&lex);
  if (!at_keyword (&lex, "obj"))
    goto bad;
  lex.pos += 3;
  obj = parse_value (&lex, 0, error);
  if (obj == NULL)
    return NULL;
  g_hash_table_insert (doc->cache, GUINT_TO_POINTER (num), obj);
  return obj;

bad:
  FAIL (WB_SIGN_ERROR_INVALID, _("The PDF's cross-reference table points at the wrong "
                                 "place for object %u."), num);
  return NULL;
}

const WbPdfObj *
wb_pdf_doc_resolve (WbPdfDoc        *doc,
                    const WbPdfObj  *obj,
                    GError         **error)
{
  if (obj == NULL)
    {
      FAIL (WB_SIGN_ERROR_INVALID, _("The PDF lacks an entry Werkbank needs."));
      return NULL;
    }
  if (obj->kind != WB_PDF_REF)
    return obj;
  return wb_pdf_doc_get_object (doc, obj->integer, error);
}

guint
wb_pdf_doc_get_root (WbPdfDoc  *doc,
                     GError   **error)
{
  WbPdfObj *root = wb_pdf_dict_get (doc->trailer, "Root");
  const WbPdfObj *catalog;

  if (root == NULL || root->kind != WB_PDF_REF)
    {
      FAIL (WB_SIGN_ERROR_INVALID, _("The PDF's trailer has no /Root."));
      return 0;
    }
  catalog = wb_pdf_doc_get_object (doc, root->integer, error);
  if (catalog == NULL)
    return 0;
  if (catalog->kind != WB_PDF_DICT)
    {
      FAIL (WB_SIGN_ERROR_INVALID, _("The PDF's catalog is not a dictionary."));
      return 0;
    }
  return root->integer;
}

static gboolean
walk_pages (WbPdfDoc    *doc,
            guint        num,
            guint        depth,
            GHashTable  *seen,
            GArray      *pages,
            GError     **error)
{
  const WbPdfObj *node, *kids;

  if (depth > MAX_DEPTH || g_hash_table_contains (seen, GUINT_TO_POINTER (num))
      || pages->len >= MAX_PAGES)
    {
      FAIL (WB_SIGN_ERROR_INVALID, _("The PDF's page tree is malformed (a loop, or too "
                                     "deep)."));
      return FALSE;
    }
  g_hash_table_add (seen, GUINT_TO_POINTER (num));
  node = wb_pdf_doc_get_object (doc, num, error);
  if (node == NULL)
    return FALSE;
  if (node->kind != WB_PDF_DICT)
    goto bad;
  if (wb_pdf_name_is (wb_pdf_dict_get (node, "Type"), "Page"))
    {
      g_array_append_val (pages, num);
      return TRUE;
    }
  kids = wb_pdf_doc_resolve (doc, wb_pdf_dict_get (node, "Kids"), error);
  if (kids == NULL)
    return FALSE;
  if (kids->kind != WB_PDF_ARRAY)
    goto bad;
  for (guint i = 0; i < kids->items->len; i++)
    {
      const WbPdfObj *kid = kids->items->pdata[i];

      if (kid->kind != WB_PDF_REF)
        goto bad;
      if (!walk_pages (doc, kid->integer, depth + 1, seen, pages, error))
        return FALSE;
    }
  return TRUE;

bad:
  FAIL (WB_SIGN_ERROR_INVALID, _("The PDF's page tree is malformed."));
  return FALSE;
}

GArray *
wb_pdf_doc_get_pages (WbPdfDoc  *doc,
                      GError   **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  guint root = wb_pdf_doc_get_root (doc, error);
  const WbPdfObj *catalog;
  WbPdfObj *tree;

  if (root == 0)
    return NULL;
  catalog = wb_pdf_doc_get_object (doc, root, error);
  tree = wb_pdf_dict_get (catalog, "Pages");
  if (tree == NULL || tree->kind != WB_PDF_REF)
    {
      FAIL (WB_SIGN_ERROR_INVALID, _("The PDF's catalog has no page tree."));
      return NULL;
    }
  if (!walk_pages (doc, tree->integer, 0, seen, pages, error))
    return NULL;
  return g_steal_pointer (&pages);
}

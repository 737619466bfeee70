/* wb-pdf-sign.h — PAdES signatures on PDFs: sign as an incremental update, verify
 *
 * Signing appends to the file and never rewrites it: a signature dictionary
 * (/Adobe.PPKLite, /ETSI.CAdES.detached, /ByteRange, /Contents with 8 KB reserved,
 * /M), a signature field with a visible widget (name, role, date) on a page, a new
 * /AcroForm and, for a certification signature, DocMDP (/P 2) in the signature's
 * /Reference and the catalog's /Perms. The team signs first (approval), the teacher
 * second (certification), so later changes are flagged by PDF readers.
 *
 * Verifying checks every signature's digest and CMS signature, optionally that each
 * signer's certificate was issued by a given school CA, and that the LAST signature
 * covers the whole file: pdfsig still calls a signature valid after an appended
 * change; we do not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-identity.h"

G_BEGIN_DECLS

typedef enum {
  WB_PDF_SIGNATURE_APPROVAL,
  WB_PDF_SIGNATURE_CERTIFICATION,
} WbPdfSignatureKind;

#define WB_PDF_LAST_PAGE G_MAXUINT

typedef struct {
  WbPdfSignatureKind kind;
  guint       page;     /* 0-based, or WB_PDF_LAST_PAGE */
  gboolean    visible;
  double      x, y, width, height; /* PDF points from the page's lower left corner */
  const char *role;     /* shown in the widget, e.g. "Team" (optional) */
  const char *reason;   /* /Reason (optional) */
  const char *location; /* /Location (optional) */
  gint64      time;     /* unix seconds for /M and the widget; 0 for now */
} WbPdfSignOptions;

/* Defaults: approval, last page, visible, a 200 × 60 pt box at (56, 56). */
void     wb_pdf_sign_options_init (WbPdfSignOptions *options);

/* Returns @pdf with the signature appended (the original bytes are its prefix). */
GBytes  *wb_pdf_sign (GBytes *pdf, WbIdentity *identity, const WbPdfSignOptions *options,
                      GError **error);

typedef struct {
  char    *field;          /* the field's name */
  char    *signer;         /* the certificate's common name */
  char    *time;           /* /M as written ("D:20261125101500Z"), or NULL */
  gboolean certification;  /* DocMDP */
  gsize    signed_bytes;   /* where the signed range ends */
  gboolean valid;          /* digest and CMS signature check out */
  gboolean trusted;        /* issued by the given CA (FALSE without one) */
  char    *problem;        /* plain words, or NULL */
  GBytes  *certificate;    /* the signer's (DER), or NULL */
} WbPdfSignatureInfo;

void wb_pdf_signature_info_free (WbPdfSignatureInfo *info);

/* TRUE when there is at least one signature, every one checks out, the last one
 * covers the whole file and, with @ca, every signer was issued by @ca. Otherwise FALSE
 * with the first problem in @error: WB_SIGN_ERROR_NOT_SIGNED, _BAD_SIGNATURE,
 * _MODIFIED, _UNTRUSTED, _INVALID (hostile or malformed PDF), _UNSUPPORTED.
 * @out_infos (optional) gets one WbPdfSignatureInfo per signature in file order. */
gboolean wb_pdf_verify (GBytes *pdf, GBytes *ca, GPtrArray **out_infos, GError **error);

G_END_DECLS

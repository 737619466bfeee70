/* wb-agreement.h — the signed agreement every engagement stands on
 *
 * The clauses follow domain.md "The agreement, in full". Nothing touches the company's
 * network before the agreement is complete and recorded as signed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "wb-scope.h"

G_BEGIN_DECLS

#define WB_AGREEMENT_ERROR (wb_agreement_error_quark ())
GQuark wb_agreement_error_quark (void);

typedef enum {
  WB_AGREEMENT_ERROR_INCOMPLETE, /* required clauses, signatories or scope missing */
  WB_AGREEMENT_ERROR_INVALID,    /* a value is malformed */
  WB_AGREEMENT_ERROR_SIGNED,     /* a signed agreement cannot be changed */
  WB_AGREEMENT_ERROR_NOT_SIGNED, /* the work needs a signed agreement */
} WbAgreementError;

/* TLP 2.0 labels; the report's default is AMBER+STRICT (the company only). */
typedef enum {
  WB_TLP_CLEAR,
  WB_TLP_GREEN,
  WB_TLP_AMBER,
  WB_TLP_AMBER_STRICT,
  WB_TLP_RED,
} WbTlp;

const char *wb_tlp_to_string (WbTlp tlp);        /* "clear", ..., "amber+strict", "red" */
gboolean    wb_tlp_from_string (const char *text, WbTlp *out);
const char *wb_tlp_get_label (WbTlp tlp);        /* "TLP:AMBER+STRICT" */

typedef struct {
  const char *id;       /* stable: "method", "confidentiality", ... */
  const char *title;    /* translated */
  const char *hint;     /* translated: what the clause must say */
  gboolean    required;
} WbClauseInfo;

/* The clause catalogue in agreement order; NULL-id terminated. */
const WbClauseInfo *wb_agreement_get_clauses (void);
const WbClauseInfo *wb_agreement_lookup_clause (const char *id);

#define WB_TYPE_AGREEMENT (wb_agreement_get_type ())
G_DECLARE_FINAL_TYPE (WbAgreement, wb_agreement, WB, AGREEMENT, GObject)

WbAgreement *wb_agreement_new (void);
/* A new agreement with every clause filled with the network's standard text (in the
 * current language), ready for the team to adapt. Scope and signatories stay empty. */
WbAgreement *wb_agreement_new_template (void);
WbAgreement *wb_agreement_copy (WbAgreement *self);

const char *wb_agreement_get_clause (WbAgreement *self, const char *id);
gboolean    wb_agreement_set_clause (WbAgreement *self, const char *id, const char *text,
                                     GError **error);

WbScope    *wb_agreement_get_scope (WbAgreement *self);
void        wb_agreement_set_scope (WbAgreement *self, WbScope *scope);

guint       wb_agreement_get_retention_months (WbAgreement *self); /* 0 = not set */
gboolean    wb_agreement_set_retention_months (WbAgreement *self, guint months, GError **error);
WbTlp       wb_agreement_get_tlp (WbAgreement *self);
void        wb_agreement_set_tlp (WbAgreement *self, WbTlp tlp);
gboolean    wb_agreement_get_aggregate_consent (WbAgreement *self);
void        wb_agreement_set_aggregate_consent (WbAgreement *self, gboolean consent);

/* Test window as dates (YYYY-MM-DD). */
const char *wb_agreement_get_window_start (WbAgreement *self);
const char *wb_agreement_get_window_end (WbAgreement *self);
gboolean    wb_agreement_set_window (WbAgreement *self, const char *start, const char *end,
                                     GError **error);

/* Who signs: the company's authorised signatory and the school's responsible teacher. */
const char *wb_agreement_get_company_signatory (WbAgreement *self);
const char *wb_agreement_get_school_signatory (WbAgreement *self);
void        wb_agreement_set_signatories (WbAgreement *self, const char *company,
                                          const char *school);

/* Plain-words list of what is still missing before it can be signed (translated);
 * empty when complete. */
GPtrArray  *wb_agreement_get_missing (WbAgreement *self);
/* Records the signature date (YYYY-MM-DD). FALSE with WB_AGREEMENT_ERROR_INCOMPLETE and
 * the list of what is missing when the agreement is not complete. */
gboolean    wb_agreement_mark_signed (WbAgreement *self, const char *date, GError **error);
gboolean    wb_agreement_is_signed (WbAgreement *self);
const char *wb_agreement_get_signed_on (WbAgreement *self);

/* Files: see docs/agreement.md for the format. Unknown members are refused. */
JsonNode    *wb_agreement_to_json (WbAgreement *self);
WbAgreement *wb_agreement_new_from_json (JsonNode *node, GError **error);

gboolean     wb_date_is_valid (const char *date); /* YYYY-MM-DD, a real date */

G_END_DECLS

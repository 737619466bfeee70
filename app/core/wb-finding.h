/* wb-finding.h — a finding and the advice that goes with it
 *
 * The model follows domain.md "Scoring and advice": stable check id, severity with its
 * reasoning, confidence, affected assets, evidence, and advice a shop owner can act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WB_FINDING_ERROR (wb_finding_error_quark ())
GQuark wb_finding_error_quark (void);

typedef enum {
  WB_FINDING_ERROR_INVALID,
} WbFindingError;

/* Bands as Greenbone uses them: critical >= 9.0, high >= 7.0, medium >= 4.0, low > 0. */
typedef enum {
  WB_SEVERITY_INFO,
  WB_SEVERITY_LOW,
  WB_SEVERITY_MEDIUM,
  WB_SEVERITY_HIGH,
  WB_SEVERITY_CRITICAL,
} WbSeverity;

/* How sure we are; the report shows it so the teacher can weigh it at sign-off. */
typedef enum {
  WB_CONFIDENCE_OBSERVED,  /* seen by a student */
  WB_CONFIDENCE_AUTOMATED, /* an active check confirmed it */
  WB_CONFIDENCE_STATED,    /* the company said so in an interview */
  WB_CONFIDENCE_BANNER,    /* inferred from a version banner: low, backports exist */
} WbConfidence;

typedef enum {
  WB_OWNER_COMPANY,  /* the company can do it itself */
  WB_OWNER_SUPPLIER, /* its IT supplier should do it */
} WbOwner;

typedef enum {
  WB_PRIORITY_NOW,         /* within 14 days */
  WB_PRIORITY_QUARTER,     /* within 3 months */
  WB_PRIORITY_REPLACEMENT, /* at the next replacement */
} WbPriority;

/* Solution types as Greenbone names them, plus an organisational measure. */
typedef enum {
  WB_SOLUTION_VENDOR_FIX,
  WB_SOLUTION_WORKAROUND,
  WB_SOLUTION_MITIGATION,
  WB_SOLUTION_ORGANISATIONAL,
  WB_SOLUTION_NONE_AVAILABLE,
} WbSolution;

const char *wb_severity_to_string (WbSeverity severity);
gboolean    wb_severity_from_string (const char *text, WbSeverity *out);
const char *wb_severity_get_label (WbSeverity severity);
WbSeverity  wb_severity_from_cvss (double score);

const char *wb_confidence_to_string (WbConfidence confidence);
gboolean    wb_confidence_from_string (const char *text, WbConfidence *out);
const char *wb_confidence_get_label (WbConfidence confidence);
/* Quality of detection in percent, as Greenbone gives it (banner 30 ... active 95). */
guint       wb_confidence_get_qod (WbConfidence confidence);

const char *wb_owner_to_string (WbOwner owner);
gboolean    wb_owner_from_string (const char *text, WbOwner *out);
const char *wb_owner_get_label (WbOwner owner);

const char *wb_priority_to_string (WbPriority priority);
gboolean    wb_priority_from_string (const char *text, WbPriority *out);
const char *wb_priority_get_label (WbPriority priority);

const char *wb_solution_to_string (WbSolution solution);
gboolean    wb_solution_from_string (const char *text, WbSolution *out);
const char *wb_solution_get_label (WbSolution solution);

/**
 * WbAdvice:
 * What to do about a finding, in words for the company (not for the student).
 */
typedef struct {
  char      *risk;       /* the risk in plain words */
  char      *step;       /* the concrete step */
  WbOwner    owner;
  WbPriority priority;
  guint      effort;     /* 1..3: €, €€, €€€ */
  WbSolution solution;
  GStrv      references; /* "AVG art. 30", "Cyber Essentials: ...", "CIS 5.2" */
} WbAdvice;

#define WB_TYPE_ADVICE (wb_advice_get_type ())
GType     wb_advice_get_type (void) G_GNUC_CONST;
WbAdvice *wb_advice_new (void);
WbAdvice *wb_advice_copy (const WbAdvice *advice);
void      wb_advice_free (WbAdvice *advice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbAdvice, wb_advice_free)

#define WB_TYPE_FINDING (wb_finding_get_type ())
G_DECLARE_FINAL_TYPE (WbFinding, wb_finding, WB, FINDING, GObject)

/* @check_id: stable id such as "network.rdp-exposed" (lower case, dots and dashes). */
WbFinding  *wb_finding_new (const char *check_id, const char *title, WbSeverity severity);

const char *wb_finding_get_id (WbFinding *self);       /* unique per engagement */
const char *wb_finding_get_check_id (WbFinding *self);
const char *wb_finding_get_plugin_id (WbFinding *self);
void        wb_finding_set_plugin_id (WbFinding *self, const char *plugin_id);
const char *wb_finding_get_title (WbFinding *self);
void        wb_finding_set_title (WbFinding *self, const char *title);
WbSeverity  wb_finding_get_severity (WbFinding *self);
void        wb_finding_set_severity (WbFinding *self, WbSeverity severity, const char *reason);
const char *wb_finding_get_severity_reason (WbFinding *self);
WbConfidence wb_finding_get_confidence (WbFinding *self);
void        wb_finding_set_confidence (WbFinding *self, WbConfidence confidence);
void        wb_finding_add_asset (WbFinding *self, const char *asset);
const char * const *wb_finding_get_assets (WbFinding *self);
void        wb_finding_add_evidence (WbFinding *self, const char *evidence);
const char * const *wb_finding_get_evidence (WbFinding *self);
const WbAdvice *wb_finding_get_advice (WbFinding *self);
void        wb_finding_set_advice (WbFinding *self, const WbAdvice *advice);

/* Stable check ids: lower-case words joined by dots and dashes, e.g. "avg.no-register". */
gboolean    wb_check_id_is_valid (const char *check_id);

JsonNode   *wb_finding_to_json (WbFinding *self);
WbFinding  *wb_finding_new_from_json (JsonNode *node, GError **error);

/* Orders by priority, then severity (highest first), then check id: the action plan. */
gint        wb_finding_compare_for_plan (WbFinding *a, WbFinding *b);

G_END_DECLS

/* wb-report.h — the report model: what the company's PDF says, as plain data
 *
 * A WbReport is built once from an engagement and holds every text of the report,
 * already in the report's language, as a flat list of blocks (cover, headings,
 * paragraphs, tables, the traffic-light chart, finding cards, the signature page). It
 * knows nothing about pages or fonts: WbPdfWriter lays it out. docs/report-anatomy.md
 * describes the sections and the data plugins store for them ("report-sections",
 * "score").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-engagement.h"

G_BEGIN_DECLS

#define WB_REPORT_ERROR (wb_report_error_quark ())
GQuark wb_report_error_quark (void);

typedef enum {
  WB_REPORT_ERROR_INCOMPLETE, /* no company recorded yet */
  WB_REPORT_ERROR_INVALID,    /* an option is malformed (language, date) */
} WbReportError;

typedef enum {
  WB_REPORT_STATUS_DRAFT,  /* "Draft — not signed yet", with a note on the cover */
  WB_REPORT_STATUS_SIGNED, /* final: rendered to be signed (werkbank-cli sign) */
} WbReportStatus;

typedef struct {
  const char    *language; /* "nl" (the default when NULL) or "en" */
  int            tlp;      /* a WbTlp, or -1 for the agreement's label */
  const char    *date;     /* YYYY-MM-DD; NULL for today */
  WbReportStatus status;
  /* An earlier engagement of the same company, for the "since last time" section; NULL
   * for none. */
  WbEngagement  *previous;
} WbReportOptions;

void wb_report_options_init (WbReportOptions *options);

typedef enum {
  WB_REPORT_BLOCK_COVER,      /* text: title; columns: [company, subtitle];
                                 rows: [label, value]; tone: status id */
  WB_REPORT_BLOCK_HEADING,    /* level 1 starts a new page and a bookmark */
  WB_REPORT_BLOCK_PARAGRAPH,  /* tone: "lead", "body" or "note" */
  WB_REPORT_BLOCK_FACTS,      /* rows: [label, value] */
  WB_REPORT_BLOCK_TABLE,      /* text: caption; columns; rows as long as columns */
  WB_REPORT_BLOCK_LIGHTS,     /* rows: [area, light id, percent or "", verdict] */
  WB_REPORT_BLOCK_STEPS,      /* rows: [title, what to do, who and when, finding id] */
  WB_REPORT_BLOCK_FINDING,    /* text: title; tone: severity id; columns: [severity
                                 label, finding id]; rows: [label, value] */
  WB_REPORT_BLOCK_SIGNATURES, /* rows: [role id ("team"/"teacher"), caption, names] */
} WbReportBlockKind;

typedef struct {
  WbReportBlockKind kind;
  guint             level;
  char             *text;
  char             *tone;
  GStrv             columns;
  GPtrArray        *rows; /* of GStrv */
} WbReportBlock;

#define WB_TYPE_REPORT (wb_report_get_type ())
G_DECLARE_FINAL_TYPE (WbReport, wb_report, WB, REPORT, GObject)

/* @options may be NULL for the defaults (Dutch, the agreement's TLP, today, draft). */
WbReport   *wb_report_new (WbEngagement *engagement, const WbReportOptions *options,
                           GError **error);

const char *wb_report_get_language (WbReport *self);
const char *wb_report_get_date (WbReport *self);        /* YYYY-MM-DD */
const char *wb_report_get_title (WbReport *self);
const char *wb_report_get_subject (WbReport *self);
const char *wb_report_get_author (WbReport *self);      /* the team, comma separated */
const char *wb_report_get_keywords (WbReport *self);
const char *wb_report_get_company_name (WbReport *self);
WbTlp       wb_report_get_tlp (WbReport *self);
const char *wb_report_get_tlp_label (WbReport *self);   /* "TLP:AMBER+STRICT" */
WbReportStatus wb_report_get_status (WbReport *self);
/* The date the retention period ends (YYYY-MM-DD), or NULL when none was agreed. */
const char *wb_report_get_retention_end (WbReport *self);
GPtrArray  *wb_report_get_blocks (WbReport *self);      /* of WbReportBlock, borrowed */
/* Data that could not be used (a plugin's malformed report-sections, a missing
 * translation), in plain words; the report itself says so too. */
const char * const *wb_report_get_warnings (WbReport *self);

/* A text of the layout (page numbers, ...) in the report's language. */
const char *wb_report_translate (WbReport *self, const char *msgid) G_GNUC_FORMAT (2);

G_END_DECLS

/* wb-aggregate.h — the anonymous aggregate export for the regional network
 *
 * One engagement gives one record with only coarse, safe fields (domain.md "The
 * aggregate export"); a coordinator combines many records into tables with a
 * k-threshold and secondary suppression. docs/aggregate.md explains the rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wb-engagement.h"

G_BEGIN_DECLS

#define WB_AGGREGATE_ERROR (wb_aggregate_error_quark ())
GQuark wb_aggregate_error_quark (void);

typedef enum {
  WB_AGGREGATE_ERROR_NO_CONSENT, /* the company did not consent (or opted out) */
  WB_AGGREGATE_ERROR_INCOMPLETE, /* sector, size, province or date missing */
  WB_AGGREGATE_ERROR_VERSION,    /* a record of an unknown format version */
  WB_AGGREGATE_ERROR_INVALID,    /* a corrupted record */
  WB_AGGREGATE_ERROR_K,          /* k below the minimum */
  WB_AGGREGATE_ERROR_REGION,     /* a record from outside the network's region */
} WbAggregateError;

#define WB_AGGREGATE_FORMAT "werkbank-aggregate-1"
#define WB_AGGREGATE_MIN_K 5

/* The record for @engagement, or NULL when the agreement holds no consent. */
JsonNode *wb_aggregate_record_from_engagement (WbEngagement *engagement, GError **error);

typedef struct {
  char       *sbi_section; /* "A" .. "U" */
  char       *size;        /* "lt10", ... */
  char       *province;    /* stable id */
  char       *quarter;     /* "2026-Q4" */
  GHashTable *lights;      /* plugin id → GINT_TO_POINTER (WbTrafficLight) */
  GHashTable *percents;    /* plugin id → GINT_TO_POINTER (percent + 1), when known */
  GStrv       findings;    /* sorted, unique check ids */
} WbAggregateRecord;

void               wb_aggregate_record_free (WbAggregateRecord *record);
/* Strict: unknown version, unknown members, wrong types, values outside their sets
 * are errors that say what is wrong. */
WbAggregateRecord *wb_aggregate_record_parse (JsonNode *node, GError **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbAggregateRecord, wb_aggregate_record_free)

/* A cross table of counts with row and column totals: (rows + 1) × (cols + 1) entries,
 * the last row and column are the totals. Suppressed entries are hidden. */
typedef struct {
  guint     n_rows;
  guint     n_cols;
  guint    *values;     /* row-major, (n_rows + 1) × (n_cols + 1) */
  gboolean *suppressed;
} WbCrossTable;

WbCrossTable *wb_cross_table_new (guint n_rows, guint n_cols);
void          wb_cross_table_free (WbCrossTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbCrossTable, wb_cross_table_free)
guint        *wb_cross_table_at (WbCrossTable *table, guint row, guint col);
gboolean      wb_cross_table_is_suppressed (WbCrossTable *table, guint row, guint col);
/* Fills the totals from the cells. */
void          wb_cross_table_sum (WbCrossTable *table);
/* Primary suppression (0 < value < k; every entry of a row whose total is below k) and
 * secondary suppression until no row or column has exactly one hidden entry. */
void          wb_cross_table_suppress (WbCrossTable *table, guint k);

typedef enum {
  WB_AGGREGATE_BY_SECTOR,
  WB_AGGREGATE_BY_SIZE,
  WB_AGGREGATE_BY_PROVINCE,
} WbAggregateBy;

gboolean wb_aggregate_by_from_string (const char *text, WbAggregateBy *out);

/* One published line: a plugin's traffic lights or a finding's with/without counts. */
typedef struct {
  char         *item;       /* plugin id or check id */
  gboolean      is_finding;
  WbCrossTable *table;      /* rows: groups; cols: red/orange/green or with/without */
  int          *averages;   /* plugin: average percent per row (+ total), -1 hidden */
} WbAggregateSection;

typedef struct {
  guint      k;
  GStrv      groups;   /* row labels (stable ids), the total row not included */
  GPtrArray *sections; /* of WbAggregateSection */
} WbAggregateTable;

void              wb_aggregate_table_free (WbAggregateTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbAggregateTable, wb_aggregate_table_free)
/* @records: of WbAggregateRecord. Refuses k below WB_AGGREGATE_MIN_K. */
WbAggregateTable *wb_aggregate_table_new (GPtrArray *records, WbAggregateBy by, guint k,
                                          GError **error);
/* CSV: section,item,group,companies,red,orange,green,with,without,average_percent;
 * a hidden entry is written as "*". */
char             *wb_aggregate_table_to_csv (WbAggregateTable *table);
/* Stacked bars of the traffic lights per group and plugin; format from the file name
 * (.svg or .png). */
gboolean          wb_aggregate_table_write_chart (WbAggregateTable *table, const char *path,
                                                  GError **error);

G_END_DECLS

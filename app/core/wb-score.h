/* wb-score.h — the scoring model of domain.md "Scoring and advice"
 *
 * Answers: yes (2) / partly (1) / no (0) / unknown (0, flagged) / not applicable (left
 * out of the denominator). Weight 1 good practice, 2 important, 3 legal duty.
 * Score = Σ(points × weight) / Σ(2 × weight) × 100. Red below 50 or when any
 * knock-out failed, orange 50–79, green from 80.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  WB_ANSWER_YES,
  WB_ANSWER_PARTLY,
  WB_ANSWER_NO,
  WB_ANSWER_UNKNOWN,
  WB_ANSWER_NOT_APPLICABLE,
} WbAnswer;

typedef enum {
  WB_LIGHT_NONE,   /* nothing scored yet */
  WB_LIGHT_RED,
  WB_LIGHT_ORANGE,
  WB_LIGHT_GREEN,
} WbTrafficLight;

const char *wb_answer_to_string (WbAnswer answer);        /* "yes", "partly", ... */
gboolean    wb_answer_from_string (const char *text, WbAnswer *out);
const char *wb_answer_get_label (WbAnswer answer);        /* translated */
const char *wb_traffic_light_to_string (WbTrafficLight light); /* "red", ... */
const char *wb_traffic_light_get_label (WbTrafficLight light);

#define WB_WEIGHT_GOOD_PRACTICE 1
#define WB_WEIGHT_IMPORTANT 2
#define WB_WEIGHT_LEGAL_DUTY 3

typedef struct {
  guint   points;            /* Σ points × weight */
  guint   max_points;        /* Σ 2 × weight over applicable answers */
  guint   n_answered;        /* every answer added, n/a included */
  guint   n_unknown;         /* flagged: the report lists what could not be checked */
  guint   n_knockouts_failed;
} WbScore;

void           wb_score_init (WbScore *score);
/* @weight 1..3. A knock-out fails on "no" and on "partly" (Cyber Essentials: MFA on
 * *every* cloud service); "unknown" is flagged but does not cap by itself. */
void           wb_score_add (WbScore *score, WbAnswer answer, guint weight, gboolean knockout);
/* 0..100, or -1 when nothing applicable was answered. */
int            wb_score_get_percent (const WbScore *score);
WbTrafficLight wb_score_get_light (const WbScore *score);
WbTrafficLight wb_traffic_light_for_percent (int percent, gboolean knockout_failed);

G_END_DECLS

/* wb-score.c — scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "wb-score.h"
#include "wb-util-private.h"

static const WbEnumEntry answer_table[] = {
  { WB_ANSWER_YES, "yes", N_("Yes") },
  { WB_ANSWER_PARTLY, "partly", N_("Partly") },
  { WB_ANSWER_NO, "no", N_("No") },
  { WB_ANSWER_UNKNOWN, "unknown", N_("Unknown") },
  { WB_ANSWER_NOT_APPLICABLE, "not-applicable", N_("Not applicable") },
  { 0, NULL, NULL }
};

static const WbEnumEntry light_table[] = {
  { WB_LIGHT_NONE, "none", N_("Not scored") },
  { WB_LIGHT_RED, "red", N_("Red") },
  { WB_LIGHT_ORANGE, "orange", N_("Orange") },
  { WB_LIGHT_GREEN, "green", N_("Green") },
  { 0, NULL, NULL }
};

const char *
wb_answer_to_string (WbAnswer answer)
{
  return wb_enum_to_id (answer_table, answer);
}

gboolean
wb_answer_from_string (const char *text, WbAnswer *out)
{
  int v;

  if (!wb_enum_from_id (answer_table, text, &v))
    return FALSE;
  *out = v;
  return TRUE;
}

const char *
wb_answer_get_label (WbAnswer answer)
{
  return wb_enum_to_label (answer_table, answer);
}

const char *
wb_traffic_light_to_string (WbTrafficLight light)
{
  return wb_enum_to_id (light_table, light);
}

const char *
wb_traffic_light_get_label (WbTrafficLight light)
{
  return wb_enum_to_label (light_table, light);
}

void
wb_score_init (WbScore *score)
{
  memset (score, 0, sizeof *score);
}

static guint
answer_points (WbAnswer answer)
{
  switch (answer)
    {
    case WB_ANSWER_YES:
      return 2;
    case WB_ANSWER_PARTLY:
      return 1;
    case WB_ANSWER_NO:
    case WB_ANSWER_UNKNOWN:
    case WB_ANSWER_NOT_APPLICABLE:
    default:
      return 0;
    }
}

void
wb_score_add (WbScore *score, WbAnswer answer, guint weight, gboolean knockout)
{
  g_return_if_fail (weight >= 1 && weight <= 3);

  score->n_answered++;
  if (answer == WB_ANSWER_NOT_APPLICABLE)
    return;
  if (answer == WB_ANSWER_UNKNOWN)
    score->n_unknown++;
  if (knockout && (answer == WB_ANSWER_NO || answer == WB_ANSWER_PARTLY))
    score->n_knockouts_failed++;
  score->points += answer_points (answer) * weight;
  score->max_points += 2 * weight;
}

int
wb_score_get_percent (const WbScore *score)
{
  if (score->max_points == 0)
    return -1;
  /* Round down: 79.9 % is still orange, as the thresholds read. */
  return (int) ((score->points * 100u) / score->max_points);
}

WbTrafficLight
wb_traffic_light_for_percent (int percent, gboolean knockout_failed)
{
  if (percent < 0)
    return knockout_failed ? WB_LIGHT_RED : WB_LIGHT_NONE;
  if (knockout_failed || percent < 50)
    return WB_LIGHT_RED;
  if (percent < 80)
    return WB_LIGHT_ORANGE;
  return WB_LIGHT_GREEN;
}

WbTrafficLight
wb_score_get_light (const WbScore *score)
{
  return wb_traffic_light_for_percent (wb_score_get_percent (score),
                                       score->n_knockouts_failed > 0);
}

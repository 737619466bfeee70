/* test-score.c — the scoring model of domain.md "Scoring and advice"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "wb-init.h"
#include "wb-score.h"

/* Adds @count answers of the same kind. */
static void
add_n (WbScore  *score,
       guint     count,
       WbAnswer  answer,
       guint     weight,
       gboolean  knockout)
{
  for (guint i = 0; i < count; i++)
    wb_score_add (score, answer, weight, knockout);
}

static void
test_score_empty (void)
{
  WbScore score;

  wb_score_init (&score);
  g_assert_cmpuint (score.points, ==, 0);
  g_assert_cmpuint (score.max_points, ==, 0);
  g_assert_cmpuint (score.n_answered, ==, 0);
  g_assert_cmpuint (score.n_unknown, ==, 0);
  g_assert_cmpuint (score.n_knockouts_failed, ==, 0);
  g_assert_cmpint (wb_score_get_percent (&score), ==, -1);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_NONE);
}

static void
test_score_points (void)
{
  WbScore score;

  /* Each answer on its own, weight 1. */
  wb_score_init (&score);
  wb_score_add (&score, WB_ANSWER_YES, 1, FALSE);
  g_assert_cmpuint (score.points, ==, 2);
  g_assert_cmpuint (score.max_points, ==, 2);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 100);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_GREEN);

  wb_score_init (&score);
  wb_score_add (&score, WB_ANSWER_PARTLY, 1, FALSE);
  g_assert_cmpuint (score.points, ==, 1);
  g_assert_cmpuint (score.max_points, ==, 2);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 50);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_ORANGE);

  wb_score_init (&score);
  wb_score_add (&score, WB_ANSWER_NO, 1, FALSE);
  g_assert_cmpuint (score.points, ==, 0);
  g_assert_cmpuint (score.max_points, ==, 2);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 0);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_RED);

  /* Unknown scores 0 but counts in the denominator and is flagged. */
  wb_score_init (&score);
  wb_score_add (&score, WB_ANSWER_UNKNOWN, 1, FALSE);
  g_assert_cmpuint (score.points, ==, 0);
  g_assert_cmpuint (score.max_points, ==, 2);
  g_assert_cmpuint (score.n_unknown, ==, 1);
  g_assert_cmpuint (score.n_answered, ==, 1);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 0);

  /* Not applicable: counted as answered, left out of the denominator. */
  wb_score_init (&score);
  wb_score_add (&score, WB_ANSWER_NOT_APPLICABLE, 3, FALSE);
  g_assert_cmpuint (score.points, ==, 0);
  g_assert_cmpuint (score.max_points, ==, 0);
  g_assert_cmpuint (score.n_answered, ==, 1);
  g_assert_cmpuint (score.n_unknown, ==, 0);
  g_assert_cmpint (wb_score_get_percent (&score), ==, -1);
}

static void
test_score_weights (void)
{
  WbScore score;

  /* yes w3 (6/6) + no w1 (0/2) = 6/8 = 75 %. */
  wb_score_init (&score);
  wb_score_add (&score, WB_ANSWER_YES, WB_WEIGHT_LEGAL_DUTY, FALSE);
  wb_score_add (&score, WB_ANSWER_NO, WB_WEIGHT_GOOD_PRACTICE, FALSE);
  g_assert_cmpuint (score.points, ==, 6);
  g_assert_cmpuint (score.max_points, ==, 8);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 75);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_ORANGE);

  /* The same answers with the weights swapped: 2/8 = 25 %. */
  wb_score_init (&score);
  wb_score_add (&score, WB_ANSWER_YES, WB_WEIGHT_GOOD_PRACTICE, FALSE);
  wb_score_add (&score, WB_ANSWER_NO, WB_WEIGHT_LEGAL_DUTY, FALSE);
  g_assert_cmpuint (score.points, ==, 2);
  g_assert_cmpuint (score.max_points, ==, 8);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 25);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_RED);

  /* partly w2 (2/4) + yes w2 (4/4) + n/a w3 = 6/8 = 75 %. */
  wb_score_init (&score);
  wb_score_add (&score, WB_ANSWER_PARTLY, WB_WEIGHT_IMPORTANT, FALSE);
  wb_score_add (&score, WB_ANSWER_YES, WB_WEIGHT_IMPORTANT, FALSE);
  wb_score_add (&score, WB_ANSWER_NOT_APPLICABLE, WB_WEIGHT_LEGAL_DUTY, FALSE);
  g_assert_cmpuint (score.points, ==, 6);
  g_assert_cmpuint (score.max_points, ==, 8);
  g_assert_cmpuint (score.n_answered, ==, 3);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 75);

  /* Unknown w3 weighs like a "no" w3 in the denominator. */
  wb_score_init (&score);
  wb_score_add (&score, WB_ANSWER_YES, WB_WEIGHT_GOOD_PRACTICE, FALSE);
  wb_score_add (&score, WB_ANSWER_UNKNOWN, WB_WEIGHT_LEGAL_DUTY, FALSE);
  g_assert_cmpuint (score.points, ==, 2);
  g_assert_cmpuint (score.max_points, ==, 8);
  g_assert_cmpuint (score.n_unknown, ==, 1);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 25);
}

static void
test_score_weight_out_of_range (void)
{
  WbScore score;

  if (g_test_subprocess ())
    {
      wb_score_init (&score);
      wb_score_add (&score, WB_ANSWER_YES, 4, FALSE);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*weight*");
}

static void
test_score_weight_zero (void)
{
  WbScore score;

  if (g_test_subprocess ())
    {
      wb_score_init (&score);
      wb_score_add (&score, WB_ANSWER_YES, 0, FALSE);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*weight*");
}

/* Exact boundaries with mixed weights. Σ weight = 50 gives max 100 points, so the
 * percentage equals the points. */
static void
test_score_boundaries (void)
{
  WbScore score;

  /* 49/100: 8 yes w3 (Σw 24, 48 pts) + 1 partly w1 (Σw 1, 1 pt) + 8 no w3 (Σw 24)
   * + 1 no w1 (Σw 1). */
  wb_score_init (&score);
  add_n (&score, 8, WB_ANSWER_YES, 3, FALSE);
  add_n (&score, 1, WB_ANSWER_PARTLY, 1, FALSE);
  add_n (&score, 8, WB_ANSWER_NO, 3, FALSE);
  add_n (&score, 1, WB_ANSWER_NO, 1, FALSE);
  g_assert_cmpuint (score.points, ==, 49);
  g_assert_cmpuint (score.max_points, ==, 100);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 49);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_RED);

  /* 50/100: 8 yes w3 (48) + 1 yes w1 (2) + 8 no w3 + 1 no w1. */
  wb_score_init (&score);
  add_n (&score, 8, WB_ANSWER_YES, 3, FALSE);
  add_n (&score, 1, WB_ANSWER_YES, 1, FALSE);
  add_n (&score, 8, WB_ANSWER_NO, 3, FALSE);
  add_n (&score, 1, WB_ANSWER_NO, 1, FALSE);
  g_assert_cmpuint (score.points, ==, 50);
  g_assert_cmpuint (score.max_points, ==, 100);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 50);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_ORANGE);

  /* 79/100: 13 yes w3 (Σw 39, 78 pts) + 1 partly w1 (Σw 1, 1 pt) + 3 no w3 (Σw 9)
   * + 1 no w1 (Σw 1). */
  wb_score_init (&score);
  add_n (&score, 13, WB_ANSWER_YES, 3, FALSE);
  add_n (&score, 1, WB_ANSWER_PARTLY, 1, FALSE);
  add_n (&score, 3, WB_ANSWER_NO, 3, FALSE);
  add_n (&score, 1, WB_ANSWER_NO, 1, FALSE);
  g_assert_cmpuint (score.points, ==, 79);
  g_assert_cmpuint (score.max_points, ==, 100);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 79);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_ORANGE);

  /* 80/100: 13 yes w3 (78) + 1 partly w2 (2) + 3 no w3 (Σw 39+2+9 = 50). */
  wb_score_init (&score);
  add_n (&score, 13, WB_ANSWER_YES, 3, FALSE);
  add_n (&score, 1, WB_ANSWER_PARTLY, 2, FALSE);
  add_n (&score, 3, WB_ANSWER_NO, 3, FALSE);
  g_assert_cmpuint (score.points, ==, 80);
  g_assert_cmpuint (score.max_points, ==, 100);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 80);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_GREEN);

  /* n/a answers around the boundary change nothing. */
  add_n (&score, 5, WB_ANSWER_NOT_APPLICABLE, 3, FALSE);
  add_n (&score, 5, WB_ANSWER_NOT_APPLICABLE, 3, TRUE);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 80);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_GREEN);
  g_assert_cmpuint (score.n_answered, ==, 27);
  g_assert_cmpuint (score.n_knockouts_failed, ==, 0);
}

/* Percentages are rounded down: just under a threshold stays under it. */
static void
test_score_rounding (void)
{
  WbScore score;

  /* 201/252 = 79.76 % -> 79, orange (not 80, green). Σw = 126. */
  wb_score_init (&score);
  add_n (&score, 100, WB_ANSWER_YES, 1, FALSE);    /* 200 pts, Σw 100 */
  add_n (&score, 1, WB_ANSWER_PARTLY, 1, FALSE);   /* 1 pt,   Σw 1 */
  add_n (&score, 25, WB_ANSWER_NO, 1, FALSE);      /*         Σw 25 */
  g_assert_cmpuint (score.points, ==, 201);
  g_assert_cmpuint (score.max_points, ==, 252);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 79);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_ORANGE);

  /* 5/6 = 83.3 % -> 83; 1/6 = 16.7 % -> 16. */
  wb_score_init (&score);
  wb_score_add (&score, WB_ANSWER_YES, 2, FALSE);
  wb_score_add (&score, WB_ANSWER_PARTLY, 1, FALSE);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 83);
  wb_score_init (&score);
  wb_score_add (&score, WB_ANSWER_PARTLY, 1, FALSE);
  wb_score_add (&score, WB_ANSWER_NO, 2, FALSE);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 16);

  /* 99/200 = 49.5 % -> 49, red. */
  wb_score_init (&score);
  add_n (&score, 99, WB_ANSWER_PARTLY, 1, FALSE);
  add_n (&score, 1, WB_ANSWER_NO, 1, FALSE);
  g_assert_cmpuint (score.points, ==, 99);
  g_assert_cmpuint (score.max_points, ==, 200);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 49);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_RED);

  /* 199/200 = 99.5 % stays 99: only all-yes is 100. */
  wb_score_init (&score);
  add_n (&score, 99, WB_ANSWER_YES, 1, FALSE);
  add_n (&score, 1, WB_ANSWER_PARTLY, 1, FALSE);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 99);
}

static void
test_score_knockout (void)
{
  WbScore score;

  /* "no" on a knock-out at 95 %: 19 yes w1 + 1 no w1 KO = 38/40. */
  wb_score_init (&score);
  add_n (&score, 19, WB_ANSWER_YES, 1, FALSE);
  wb_score_add (&score, WB_ANSWER_NO, 1, TRUE);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 95);
  g_assert_cmpuint (score.n_knockouts_failed, ==, 1);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_RED);

  /* "partly" on a knock-out at 95 %: 9 yes w1 + 1 partly w1 KO = 19/20. */
  wb_score_init (&score);
  add_n (&score, 9, WB_ANSWER_YES, 1, FALSE);
  wb_score_add (&score, WB_ANSWER_PARTLY, 1, TRUE);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 95);
  g_assert_cmpuint (score.n_knockouts_failed, ==, 1);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_RED);

  /* "unknown" on a knock-out is flagged but does not cap: 19 yes + 1 unknown KO. */
  wb_score_init (&score);
  add_n (&score, 19, WB_ANSWER_YES, 1, FALSE);
  wb_score_add (&score, WB_ANSWER_UNKNOWN, 1, TRUE);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 95);
  g_assert_cmpuint (score.n_knockouts_failed, ==, 0);
  g_assert_cmpuint (score.n_unknown, ==, 1);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_GREEN);

  /* "yes" and "not applicable" on a knock-out pass. */
  wb_score_init (&score);
  wb_score_add (&score, WB_ANSWER_YES, 3, TRUE);
  wb_score_add (&score, WB_ANSWER_NOT_APPLICABLE, 3, TRUE);
  g_assert_cmpuint (score.n_knockouts_failed, ==, 0);
  g_assert_cmpint (wb_score_get_percent (&score), ==, 100);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_GREEN);

  /* "no" on an item that is not a knock-out does not cap. */
  wb_score_init (&score);
  add_n (&score, 19, WB_ANSWER_YES, 1, FALSE);
  wb_score_add (&score, WB_ANSWER_NO, 1, FALSE);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_GREEN);

  /* Two failed knock-outs are both counted. */
  wb_score_init (&score);
  wb_score_add (&score, WB_ANSWER_NO, 3, TRUE);
  wb_score_add (&score, WB_ANSWER_PARTLY, 2, TRUE);
  g_assert_cmpuint (score.n_knockouts_failed, ==, 2);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_RED);
}

static void
test_score_all_not_applicable (void)
{
  WbScore score;

  wb_score_init (&score);
  add_n (&score, 4, WB_ANSWER_NOT_APPLICABLE, 1, FALSE);
  add_n (&score, 2, WB_ANSWER_NOT_APPLICABLE, 3, TRUE);
  g_assert_cmpuint (score.n_answered, ==, 6);
  g_assert_cmpuint (score.max_points, ==, 0);
  g_assert_cmpint (wb_score_get_percent (&score), ==, -1);
  g_assert_cmpint (wb_score_get_light (&score), ==, WB_LIGHT_NONE);
}

static void
test_score_light_for_percent (void)
{
  g_assert_cmpint (wb_traffic_light_for_percent (-1, FALSE), ==, WB_LIGHT_NONE);
  g_assert_cmpint (wb_traffic_light_for_percent (0, FALSE), ==, WB_LIGHT_RED);
  g_assert_cmpint (wb_traffic_light_for_percent (49, FALSE), ==, WB_LIGHT_RED);
  g_assert_cmpint (wb_traffic_light_for_percent (50, FALSE), ==, WB_LIGHT_ORANGE);
  g_assert_cmpint (wb_traffic_light_for_percent (79, FALSE), ==, WB_LIGHT_ORANGE);
  g_assert_cmpint (wb_traffic_light_for_percent (80, FALSE), ==, WB_LIGHT_GREEN);
  g_assert_cmpint (wb_traffic_light_for_percent (100, FALSE), ==, WB_LIGHT_GREEN);
  g_assert_cmpint (wb_traffic_light_for_percent (100, TRUE), ==, WB_LIGHT_RED);
  g_assert_cmpint (wb_traffic_light_for_percent (80, TRUE), ==, WB_LIGHT_RED);
  g_assert_cmpint (wb_traffic_light_for_percent (50, TRUE), ==, WB_LIGHT_RED);
  g_assert_cmpint (wb_traffic_light_for_percent (0, TRUE), ==, WB_LIGHT_RED);
}

static void
test_score_strings (void)
{
  static const WbAnswer answers[] = {
    WB_ANSWER_YES, WB_ANSWER_PARTLY, WB_ANSWER_NO, WB_ANSWER_UNKNOWN,
    WB_ANSWER_NOT_APPLICABLE,
  };
  static const char * const ids[] = { "yes", "partly", "no", "unknown", "not-applicable" };
  static const WbTrafficLight lights[] = {
    WB_LIGHT_NONE, WB_LIGHT_RED, WB_LIGHT_ORANGE, WB_LIGHT_GREEN,
  };
  static const char * const light_ids[] = { "none", "red", "orange", "green" };
  static const char * const bad[] = {
    "", "Yes", "YES", "yes ", " yes", "n/a", "na", "maybe", "notapplicable", "ja",
  };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      WbAnswer back = (WbAnswer) 99;
      const char *id = wb_answer_to_string (answers[i]);
      const char *label = wb_answer_get_label (answers[i]);

      g_assert_cmpstr (id, ==, ids[i]);
      g_assert_true (wb_answer_from_string (id, &back));
      g_assert_cmpint (back, ==, answers[i]);
      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      WbAnswer untouched = WB_ANSWER_PARTLY;

      g_assert_false (wb_answer_from_string (bad[i], &untouched));
      g_assert_cmpint (untouched, ==, WB_ANSWER_PARTLY);
    }
  {
    WbAnswer untouched = WB_ANSWER_PARTLY;

    g_assert_false (wb_answer_from_string (NULL, &untouched));
    g_assert_cmpint (untouched, ==, WB_ANSWER_PARTLY);
  }

  for (guint i = 0; i < G_N_ELEMENTS (lights); i++)
    {
      const char *label = wb_traffic_light_get_label (lights[i]);

      g_assert_cmpstr (wb_traffic_light_to_string (lights[i]), ==, light_ids[i]);
      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 0);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  if (!wb_init (&error))
    g_error ("wb_init: %s", error->message);

  g_test_add_func ("/score/empty", test_score_empty);
  g_test_add_func ("/score/points", test_score_points);
  g_test_add_func ("/score/weights", test_score_weights);
  g_test_add_func ("/score/weight-out-of-range", test_score_weight_out_of_range);
  g_test_add_func ("/score/weight-zero", test_score_weight_zero);
  g_test_add_func ("/score/boundaries", test_score_boundaries);
  g_test_add_func ("/score/rounding", test_score_rounding);
  g_test_add_func ("/score/knockout", test_score_knockout);
  g_test_add_func ("/score/all-not-applicable", test_score_all_not_applicable);
  g_test_add_func ("/score/light-for-percent", test_score_light_for_percent);
  g_test_add_func ("/score/strings", test_score_strings);
  return g_test_run ();
}

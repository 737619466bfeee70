/* wb-condition.h — the small, safe condition language of questionnaire content
 *
 * Skip logic and finding rules need "this earlier answer is that". A condition is plain
 * JSON, never evaluated code (docs/questionnaires.md):
 *
 *   {"question": "cameras", "is": "yes"}              equality (a text or a list: any of)
 *   {"question": "cameras", "is_not": ["no", "unknown"]}
 *   {"question": "staff", "at_least": 250}            for number questions
 *   {"all": [ ... ]}   {"any": [ ... ]}               and / or
 *
 * A question that is not answered (or not shown) matches no leaf, not even "is_not".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  WB_CONDITION_ALL,
  WB_CONDITION_ANY,
  WB_CONDITION_IS,
  WB_CONDITION_IS_NOT,
  WB_CONDITION_AT_LEAST,
} WbConditionKind;

typedef struct _WbCondition WbCondition;

struct _WbCondition
{
  WbConditionKind kind;
  char           *question;  /* leaves */
  GStrv           values;    /* IS, IS_NOT */
  double          number;    /* AT_LEAST */
  GPtrArray      *children;  /* ALL, ANY: of WbCondition */
  char           *path;      /* JSON path of this condition, for error messages */
};

/* Returns the stored value of an answered, shown question, or NULL. */
typedef JsonNode *(*WbConditionLookup) (const char *question, gpointer user_data);

/* @path names the place in the file ("sections[0].questions[3].show_if"). Checks the
 * shape only; the questionnaire checks that the named questions exist and come earlier. */
WbCondition *wb_condition_parse (JsonNode *node, const char *path, GError **error);
void         wb_condition_free (WbCondition *condition);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbCondition, wb_condition_free)

/* Appends every leaf (borrowed WbCondition pointers) to @leaves. */
void         wb_condition_collect_leaves (WbCondition *condition, GPtrArray *leaves);
gboolean     wb_condition_evaluate (const WbCondition *condition,
                                    WbConditionLookup  lookup,
                                    gpointer           user_data);

G_END_DECLS

/* wb-questionnaire.h — the data-driven questionnaire engine
 *
 * A questionnaire is a content file beside its plugin (docs/questionnaires.md):
 * sections of questions with help text for the student who asks, skip logic, weights,
 * knock-outs, and rules that turn answers into findings with advice. It is validated
 * completely on load; a broken file is refused with its name, a line and the problem.
 *
 * Answers live in the engagement as the plugin's data, one committed record per answer
 * (key "answer/<question id>"), so an answer given is an answer saved.
 *
 * Texts in the file are English source strings; the accessors return them translated
 * (gettext domain "werkbank"; see docs/questionnaires.md for how they are extracted).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "wb-condition.h"
#include "wb-run-context.h"
#include "wb-score.h"

G_BEGIN_DECLS

#define WB_QUESTIONNAIRE_FORMAT "werkbank-questionnaire-1"
#define WB_QUESTIONNAIRE_FILE "questionnaire.json" /* in the plugin's data dir */

#define WB_QUESTIONNAIRE_ERROR (wb_questionnaire_error_quark ())
GQuark wb_questionnaire_error_quark (void);

typedef enum {
  WB_QUESTIONNAIRE_ERROR_INVALID,   /* the content file is broken */
  WB_QUESTIONNAIRE_ERROR_ANSWER,    /* an answer does not fit its question */
  WB_QUESTIONNAIRE_ERROR_NOT_FOUND, /* no such question */
} WbQuestionnaireError;

typedef enum {
  WB_QUESTION_ANSWER,  /* yes / partly / no / unknown / not-applicable: scored */
  WB_QUESTION_CHOICE,  /* one of the listed options */
  WB_QUESTION_NUMBER,
  WB_QUESTION_TEXT,
} WbQuestionType;

typedef struct {
  char *id;
  char *label;         /* English source; use wb_questionnaire_text() */
} WbQuestionOption;

/* Read-only for users of the engine; texts are the English source strings. */
typedef struct {
  char           *id;
  guint           section;     /* index of its section */
  WbQuestionType  type;
  char           *text;
  char           *help;        /* may be NULL */
  char           *reference;   /* "AVG art. 30", may be NULL */
  guint           weight;      /* 1..3, ANSWER questions only (else 0) */
  gboolean        knockout;
  GPtrArray      *options;     /* of WbQuestionOption, CHOICE only */
  WbCondition    *show_if;     /* NULL: always shown */
} WbQuestion;

#define WB_TYPE_QUESTIONNAIRE (wb_questionnaire_get_type ())
G_DECLARE_FINAL_TYPE (WbQuestionnaire, wb_questionnaire, WB, QUESTIONNAIRE, GObject)

WbQuestionnaire *wb_questionnaire_new_from_file (const char *path, GError **error);
/* Loads WB_QUESTIONNAIRE_FILE from a plugin's directory (its module or data dir). */
WbQuestionnaire *wb_questionnaire_new_for_plugin_dir (const char *dir, GError **error);

/* Translates a text from the file (English source) into the user's language. */
const char      *wb_questionnaire_text (const char *source);

const char      *wb_questionnaire_get_id (WbQuestionnaire *self);
const char      *wb_questionnaire_get_title (WbQuestionnaire *self); /* translated */
guint            wb_questionnaire_get_n_sections (WbQuestionnaire *self);
const char      *wb_questionnaire_get_section_title (WbQuestionnaire *self, guint i);
guint            wb_questionnaire_get_n_questions (WbQuestionnaire *self);
const WbQuestion *wb_questionnaire_get_question (WbQuestionnaire *self, guint i);
const WbQuestion *wb_questionnaire_lookup (WbQuestionnaire *self, const char *id);
guint            wb_questionnaire_get_n_rules (WbQuestionnaire *self);

/* --- Answers -------------------------------------------------------------------- */

/* One stored answer: {"value": "yes" | "<option>" | 12 | "text", "by": "...", "note":
 * "...", "evidence": ["<attachment id>"], "time": "2026-11-25T10:00:00Z"}. */
typedef struct {
  JsonNode *value;
  char     *by;
  char     *note;
  GStrv     evidence;
} WbQuestionAnswer;

void      wb_question_answer_clear (WbQuestionAnswer *answer);

/* The answers stored in @context for this questionnaire: question id → stored record
 * (JsonNode, borrowed from the engagement). Records that no longer fit are left out. */
GHashTable *wb_questionnaire_read_answers (WbQuestionnaire *self, WbRunContext *context);

/* Parses typed text into a value for @question: an answer id ("yes", "partly", "no",
 * "unknown", "not-applicable"), an option id, a number, or free text. */
JsonNode   *wb_questionnaire_parse_value (WbQuestionnaire *self, const WbQuestion *question,
                                          const char *text, GError **error);
/* Checks @answer->value against the question and commits it at once (one record). */
gboolean    wb_questionnaire_save_answer (WbQuestionnaire        *self,
                                          WbRunContext           *context,
                                          const char             *question_id,
                                          const WbQuestionAnswer *answer,
                                          GError                **error);

/* Is @question shown, given the answers so far (skip logic)? */
gboolean    wb_questionnaire_is_shown (WbQuestionnaire *self, const WbQuestion *question,
                                       GHashTable *answers);
/* Scores the shown, answered ANSWER questions (domain.md; wb-score.h). */
void        wb_questionnaire_score (WbQuestionnaire *self, GHashTable *answers,
                                    WbScore *score);
/* The plugin's run: scores, raises the rules' findings (confidence: stated) and stores
 * "score" and "report-sections" as the plugin's data. */
gboolean    wb_questionnaire_evaluate (WbQuestionnaire *self, WbRunContext *context,
                                       GError **error);

/* --- Answers files (demo and tests) -------------------------------------------- */

/* {"format": "werkbank-answers-1", "questionnaire": "avg", "by": "...",
 *  "answers": {"<question id>": "yes" | {"value": ..., "by": ..., "note": ...}}}
 * Every answer is checked first; then each is saved as its own record. */
gboolean    wb_questionnaire_apply_answers_file (WbQuestionnaire *self,
                                                 WbRunContext    *context,
                                                 const char      *path,
                                                 guint           *n_saved,
                                                 GError         **error);

G_END_DECLS

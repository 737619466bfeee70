/* wb-questionnaire-page.h — an interview plugin's questionnaire, rendered from its content
 *
 * Sections, and per question its help text, the answer widget for its type, a note and
 * evidence photos (vault attachments). Every answer is saved as soon as it is given (one
 * record, wb_questionnaire_save_answer); skip logic hides questions live.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-engagement.h"
#include "wb-questionnaire.h"

G_BEGIN_DECLS

#define WB_TYPE_QUESTIONNAIRE_PAGE (wb_questionnaire_page_get_type ())

G_DECLARE_FINAL_TYPE (WbQuestionnairePage, wb_questionnaire_page, WB, QUESTIONNAIRE_PAGE, GtkBox)

/* Widget names, for the test driver: "question-<id>" (the expander row),
 * "answer-<id>", "note-<id>", "evidence-<id>" (the Add Photo button). */
GtkWidget *wb_questionnaire_page_new            (WbQuestionnaire     *questionnaire,
                                                 const char          *plugin_id);
/* Same engagement again (after a change): keeps what is being typed. */
void       wb_questionnaire_page_set_engagement (WbQuestionnairePage *self,
                                                 WbEngagement        *engagement);
/* Attaches @file as evidence to @question_id's answer, as the file chooser does. */
gboolean   wb_questionnaire_page_attach         (WbQuestionnairePage *self,
                                                 const char          *question_id,
                                                 GFile               *file,
                                                 GError             **error);

G_END_DECLS

/* wb-destruction-record.h — the signed record that an engagement's data was destroyed
 *
 * After the vault's crypto-erase (wb_vault_destroy), the facts it returns plus what
 * was known about the engagement BEFORE the erase (company, agreement reference,
 * retention, categories of data) become a one-page PDF with the fields of domain.md
 * "The destruction record", in plain Dutch (English on request), signed by the team
 * member who performed it and validated (certified) by the teacher.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-engagement.h"
#include "wb-identity.h"
#include "wb-vault.h"

G_BEGIN_DECLS

/* What the engagement knew, captured before the erase. */
typedef struct {
  char      *company_name;
  char      *agreement_reference; /* e.g. the agreement's signing date and the vault id */
  char      *retention;           /* plain words: how long, and from when */
  GPtrArray *categories;          /* of WbDataCategory (wb-engagement.h) */
  char      *copies;              /* known copies in plain words, or NULL: none known */
} WbDestructionContext;

void wb_destruction_context_free (WbDestructionContext *context);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbDestructionContext, wb_destruction_context_free)

/* Reads the context from an open engagement (call before wb_vault_destroy). */
WbDestructionContext *wb_destruction_context_new (WbEngagement *engagement,
                                                  const char   *language);

/* Where the two signature boxes go on the record's page (PDF points, lower left). */
#define WB_DESTRUCTION_SIGN_PAGE 0
#define WB_DESTRUCTION_TEAM_X    56.0
#define WB_DESTRUCTION_TEACHER_X 310.0
#define WB_DESTRUCTION_SIGN_Y    60.0
#define WB_DESTRUCTION_SIGN_W    229.0
#define WB_DESTRUCTION_SIGN_H    60.0

/* Renders the record (A4, cairo + pango). @language: "nl" (default when NULL) or "en".
 * @performed_by and @validated_by are the names of the team member and the teacher. */
GBytes *wb_destruction_record_render (const WbDestructionFacts   *facts,
                                      const WbDestructionContext *context,
                                      const char                 *performed_by,
                                      const char                 *validated_by,
                                      const char                 *language,
                                      GError                    **error);

/* Renders and signs: the team member first (approval), then, when @teacher is given,
 * the teacher's validation (certification). */
GBytes *wb_destruction_record_create (const WbDestructionFacts   *facts,
                                      const WbDestructionContext *context,
                                      WbIdentity                 *team,
                                      WbIdentity                 *teacher,
                                      const char                 *language,
                                      GError                    **error);

G_END_DECLS

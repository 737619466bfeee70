/* wb-finding-editor.h — the dialog to review one finding
 *
 * Severity and the advice (what to do, who, when) can change, or the finding can be
 * removed; both need a reason, which the teacher reads in the audit trail. The same
 * core calls as `werkbank-cli findings edit/remove`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-engagement.h"

G_BEGIN_DECLS

#define WB_TYPE_FINDING_EDITOR (wb_finding_editor_get_type ())

G_DECLARE_FINAL_TYPE (WbFindingEditor, wb_finding_editor, WB, FINDING_EDITOR, AdwWindow)

/* A modal dialog over @parent for @finding of @engagement. */
WbFindingEditor *wb_finding_editor_new            (GtkWindow     *parent,
                                                   WbEngagement  *engagement,
                                                   WbFinding     *finding);
const char      *wb_finding_editor_get_finding_id (WbFindingEditor *self);
/* The inline message shown now (a missing reason, a refused change), or NULL. */
const char      *wb_finding_editor_get_error      (WbFindingEditor *self);

G_END_DECLS

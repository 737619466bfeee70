/* wb-agreement-editor.h — edit and sign an engagement's agreement
 *
 * One widget for the new-engagement flow and for preparing an unsigned agreement
 * later (wb_agreement_editor_present): every clause with its hint, the scope, what may
 * be done, the plugins allowed, retention, TLP, test window and signatories, and
 * "Mark as Signed". Errors are shown inside the editor; nothing typed is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-engagement.h"
#include "wb-plugin-host.h"

G_BEGIN_DECLS

#define WB_TYPE_AGREEMENT_EDITOR (wb_agreement_editor_get_type ())

G_DECLARE_FINAL_TYPE (WbAgreementEditor, wb_agreement_editor, WB, AGREEMENT_EDITOR, AdwBin)

GtkWidget *wb_agreement_editor_new            (void);
/* Loads @engagement's agreement (or the network's standard text when none was recorded
 * yet); @host lists the plugins that can be allowed. */
void       wb_agreement_editor_set_engagement (WbAgreementEditor *self,
                                               WbEngagement      *engagement,
                                               WbPluginHost      *host);
/* Records what the editor shows as the engagement's (unsigned) agreement. FALSE with
 * the reason also shown inline. */
gboolean   wb_agreement_editor_save           (WbAgreementEditor *self);

/* A window over @parent with the editor for @engagement's agreement. */
void       wb_agreement_editor_present        (GtkWidget         *parent,
                                               WbEngagement      *engagement);

G_END_DECLS

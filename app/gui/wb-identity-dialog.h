/* wb-identity-dialog.h — ask for an identity file and its passphrase, open it in a thread
 *
 * Used to sign the report (team, teacher) and the destruction record. The identity is
 * opened in a GTask thread (Argon2id takes a while) and checked for the role asked
 * for; a wrong passphrase or role shows an inline error and the dialog stays open.
 * When the identity is open, ::identity-ready is emitted and the dialog stays busy
 * until the caller says how its own work went with wb_identity_dialog_finish(): NULL
 * closes the dialog, an error is shown inline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-identity.h"

G_BEGIN_DECLS

#define WB_TYPE_IDENTITY_DIALOG (wb_identity_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WbIdentityDialog, wb_identity_dialog, WB, IDENTITY_DIALOG, AdwWindow)

/* @role: the role the identity must have. @title and @accept_label are shown as they
 * are (already translated; @accept_label may hold a mnemonic). */
WbIdentityDialog *wb_identity_dialog_new (GtkWindow      *parent,
                                          const char     *title,
                                          const char     *explanation,
                                          const char     *accept_label,
                                          WbIdentityRole  role);

/* What the file chooser does; the tests call it directly. */
void     wb_identity_dialog_set_file   (WbIdentityDialog *self,
                                        const char       *path);
/* The caller's work after ::identity-ready: NULL closes the dialog. */
void     wb_identity_dialog_finish     (WbIdentityDialog *self,
                                        const GError     *error);
gboolean wb_identity_dialog_is_busy    (WbIdentityDialog *self);
/* The inline error shown now, or NULL. */
const char *wb_identity_dialog_get_error (WbIdentityDialog *self);

G_END_DECLS

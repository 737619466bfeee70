/* wb-gui-util.h — small helpers the workbench's pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-finding.h"

G_BEGIN_DECLS

/* Removes every child of a GtkBox or GtkListBox (GTK 4.8 has no remove-all). */
void        wb_gui_remove_children (GtkWidget *box);
/* An AdwActionRow with plain (escaped) title and subtitle; @subtitle may be NULL. */
GtkWidget  *wb_gui_new_row (const char *title, const char *subtitle);
/* Sets an AdwActionRow's title and subtitle as plain text (NULL subtitle: none). */
void        wb_gui_set_row_text (GtkWidget *row, const char *title, const char *subtitle);
/* libadwaita's semantic style class for a severity: follows light, dark and contrast. */
const char *wb_gui_severity_css_class (WbSeverity severity);
/* A pill label showing @severity's translated name. */
GtkWidget  *wb_gui_new_severity_pill (WbSeverity severity);
/* Shows @text as a toast in the window that holds @widget (does nothing if none). */
void        wb_gui_toast (GtkWidget *widget, const char *text);

/* Called with the file a person chose (never when they cancelled). */
typedef void (*WbGuiFileChosen) (GtkWidget *owner, const char *path);

/* Shows a modal native file chooser over @owner's window. For a SAVE chooser
 * @suggested_name is the proposed file name; @filter (nullable) is offered first, with
 * "All files" after it. @chosen runs only while @owner still exists. */
void        wb_gui_choose_file (GtkWidget            *owner,
                                GtkFileChooserAction  action,
                                const char           *title,
                                const char           *accept,
                                const char           *suggested_name,
                                GtkFileFilter        *filter,
                                WbGuiFileChosen       chosen);

G_END_DECLS

/* wb-checks-page.h — the engagement's "Checks" page: the plugins and their pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-engagement.h"

G_BEGIN_DECLS

#define WB_TYPE_CHECKS_PAGE (wb_checks_page_get_type ())

G_DECLARE_FINAL_TYPE (WbChecksPage, wb_checks_page, WB, CHECKS_PAGE, AdwBin)

/* Shows @engagement (NULL when it is locked). Called again with the same engagement
 * after every committed change: a refresh must keep what the user is typing. */
void       wb_checks_page_set_engagement   (WbChecksPage *self,
                                            WbEngagement *engagement);
/* The page shown for @plugin_id (a WbPluginPage) once it was opened, else NULL. */
GtkWidget *wb_checks_page_get_plugin_page  (WbChecksPage *self,
                                            const char   *plugin_id);

G_END_DECLS

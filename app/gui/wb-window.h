/* wb-window.h — the main window: the list of engagements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wb-application.h"

G_BEGIN_DECLS

#define WB_TYPE_WINDOW (wb_window_get_type ())

G_DECLARE_FINAL_TYPE (WbWindow, wb_window, WB, WINDOW, AdwApplicationWindow)

WbWindow *wb_window_new (WbApplication *application);

G_END_DECLS

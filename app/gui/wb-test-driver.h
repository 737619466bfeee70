/* wb-test-driver.h — scripted runs for the Xvfb tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean wb_test_driver_save_screenshot (GtkWidget   *widget,
                                         const char  *path,
                                         GError     **error);
void     wb_test_driver_start           (GtkWindow   *window,
                                         const char  *script);

G_END_DECLS

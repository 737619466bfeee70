/* wb-test-driver.h — scripted runs for the Xvfb tests
 *
 * A script is steps separated by ';', each "command" or "command:argument". Each area of
 * the GUI keeps its own steps in wb-test-steps-<area>.c as a WbTestStep table; the
 * driver looks a command up in every table (see wb-test-driver.c for the list).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _WbTestDriver WbTestDriver;

/* Runs one step. @first is TRUE the first time it is called for this step: issue the
 * command then. Return TRUE when the step's effect is there (the driver moves on),
 * FALSE to be called again after a short wait (bounded by the driver's timeout). Set
 * *@failed (and return TRUE) when it can never succeed; say why with g_printerr(). */
typedef gboolean (*WbTestStepFunc) (WbTestDriver *driver,
                                    const char   *arg,
                                    gboolean      first,
                                    gboolean     *failed);

typedef struct {
  const char     *name;
  WbTestStepFunc  run;
} WbTestStep;

/* The tables, each ended by { NULL, NULL }. */
extern const WbTestStep wb_test_steps_core[];
extern const WbTestStep wb_test_steps_new[];
extern const WbTestStep wb_test_steps_checks[];
extern const WbTestStep wb_test_steps_scan[];
extern const WbTestStep wb_test_steps_findings[];
extern const WbTestStep wb_test_steps_report[];

GtkWindow *wb_test_driver_get_window    (WbTestDriver *driver);
/* The open engagement's page by name ("overview", "checks", ...), or NULL. */
GtkWidget *wb_test_driver_get_page      (WbTestDriver *driver,
                                         const char   *name);
/* Microseconds since the current step started (to let a page settle). */
gint64     wb_test_driver_get_step_age  (WbTestDriver *driver);
/* A template child of @widget, which must be of @type (or a subclass). */
gpointer   wb_test_driver_child         (GtkWidget    *widget,
                                         GType         type,
                                         const char   *name);
/* The first descendant of @root (depth first) that is a @type and, when @label is
 * not NULL, whose accessible label, title or button label equals @label. */
GtkWidget *wb_test_driver_find          (GtkWidget    *root,
                                         GType         type,
                                         const char   *label);

/* A click as a person makes it, finished at once: a sensitive button's "clicked", any
 * other widget's activation. (gtk_widget_activate() on a button only lands after a
 * short press animation, and is lost if a refresh replaces the button meanwhile.)
 * FALSE when the widget cannot be clicked (insensitive or not activatable). */
gboolean   wb_test_driver_click         (GtkWidget    *widget);

gboolean wb_test_driver_save_screenshot (GtkWidget   *widget,
                                         const char  *path,
                                         GError     **error);
void     wb_test_driver_start           (GtkWindow   *window,
                                         const char  *script);

G_END_DECLS

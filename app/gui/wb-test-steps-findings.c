/* wb-test-steps-findings.c — test-driver steps for the findings page
 *
 *   filter:N         choose entry N of the severity filter
 *   count            print "findings-shown N" (rows left after the filter)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-findings-page.h"
#include "wb-test-driver.h"

static GtkWidget *
page_child (WbTestDriver *driver,
            const char   *name)
{
  return wb_test_driver_child (wb_test_driver_get_page (driver, "findings"),
                               WB_TYPE_FINDINGS_PAGE, name);
}

static gboolean
step_filter (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_child (driver, "severity_filter")),
                              (guint) g_ascii_strtoull (arg, NULL, 10));
  return TRUE;
}

static gboolean
step_count (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  GtkWidget *list = page_child (driver, "findings_list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      n++;
  g_print ("driver: findings-shown %u\n", n);
  return TRUE;
}

const WbTestStep wb_test_steps_findings[] = {
  { "filter", step_filter },
  { "count", step_count },
  { NULL, NULL },
};

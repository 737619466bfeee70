/* wb-test-steps-report.c — test-driver steps for the report and retention pages
 *
 *   render:PATH      render the report to PATH, wait, require a preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-report-page.h"
#include "wb-test-driver.h"

static gboolean
step_render (WbTestDriver *driver, const char *arg, gboolean first, gboolean *failed)
{
  WbReportPage *page = WB_REPORT_PAGE (wb_test_driver_get_page (driver, "report"));

  if (first)
    {
      gtk_widget_activate_action (GTK_WIDGET (page), "report.render-to", "s", arg);
      *failed = !wb_report_page_is_busy (page);
      return *failed;
    }
  if (wb_report_page_is_busy (page))
    return FALSE;
  g_print ("driver: preview-pages %u\n", wb_report_page_get_n_preview_pages (page));
  *failed = wb_report_page_get_n_preview_pages (page) == 0;
  return TRUE;
}

const WbTestStep wb_test_steps_report[] = {
  { "render", step_render },
  { NULL, NULL },
};

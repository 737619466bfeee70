/* wb-report-catalog.h — report texts in the language the report asks for
 *
 * The report is rendered in Dutch by default and in English on request, whatever the
 * language of the person running Werkbank. Switching the process's gettext language
 * (LANGUAGE, setlocale, uselocale) is global or needs the target locale installed, so
 * the report reads the project's own compiled catalogue (the same werkbank.mo that
 * gettext uses, found through bindtextdomain) and looks its texts up there. English is
 * the source language: it needs no catalogue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _WbReportCatalog WbReportCatalog;

/* @language: "en" or "nl". Never fails: a missing or damaged catalogue leaves every
 * text in English and wb_report_catalog_is_complete() returns FALSE. */
WbReportCatalog *wb_report_catalog_new (const char *language);
void             wb_report_catalog_free (WbReportCatalog *catalog);
gboolean         wb_report_catalog_is_complete (WbReportCatalog *catalog);
/* The translation of @msgid, or @msgid itself; valid as long as @catalog. */
const char      *wb_report_catalog_lookup (WbReportCatalog *catalog, const char *msgid)
  G_GNUC_FORMAT (2);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbReportCatalog, wb_report_catalog_free)

G_END_DECLS

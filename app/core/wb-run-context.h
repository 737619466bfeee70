/* wb-run-context.h — what a plugin sees of the engagement while it runs
 *
 * Findings collected during a run are committed together when the run succeeds, so a
 * failed or cancelled run leaves the engagement as it was. Progress is reported through
 * the "progress" signal. All methods are for the main thread; a plugin that works in a
 * thread hands its results back with g_main_context_invoke or GTask.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "wb-finding.h"
#include "wb-scope.h"

G_BEGIN_DECLS

#define WB_TYPE_RUN_CONTEXT (wb_run_context_get_type ())
G_DECLARE_FINAL_TYPE (WbRunContext, wb_run_context, WB, RUN_CONTEXT, GObject)

/* Created by the host; @engagement is a WbEngagement (kept opaque for plugins). */
WbRunContext *wb_run_context_new (GObject *engagement, const char *plugin_id);

const char  *wb_run_context_get_plugin_id (WbRunContext *self);
/* The signed agreement's scope (read-only for plugins). */
WbScope     *wb_run_context_get_scope (WbRunContext *self);
const char  *wb_run_context_get_company_name (WbRunContext *self);

/* @fraction 0..1; @message plain words (translated) for the person watching. */
void         wb_run_context_progress (WbRunContext *self, double fraction, const char *message);
double       wb_run_context_get_fraction (WbRunContext *self);

/* Collects a finding; it is committed with the run. */
void         wb_run_context_add_finding (WbRunContext *self, WbFinding *finding);
GPtrArray   *wb_run_context_get_findings (WbRunContext *self); /* of WbFinding */

/* The plugin's own stored data (answers, hosts, ...) from earlier runs or edits. */
JsonNode    *wb_run_context_get_data (WbRunContext *self, const char *key); /* borrowed */
/* Commits at once (one record): answers are saved as soon as they are given. */
gboolean     wb_run_context_set_data (WbRunContext *self, const char *key, JsonNode *value,
                                     GError **error);

/* Another plugin's stored data (e.g. access control reading the network scan). */
JsonNode    *wb_run_context_get_other_data (WbRunContext *self, const char *plugin_id,
                                           const char *key);

/* Evidence (a photo, a scanned register): streamed into the vault, encrypted, at once.
 * Returns the attachment id to keep with the answer or finding (free it), or NULL. */
char        *wb_run_context_add_attachment (WbRunContext  *self,
                                            const char    *name,
                                            const char    *content_type,
                                            GInputStream  *input,
                                            GCancellable  *cancellable,
                                            GError       **error);

/* Commits the collected findings as one record. Called by the host after a good run. */
gboolean     wb_run_context_commit (WbRunContext *self, GError **error);

G_END_DECLS

/* wb-run-context.c — what a plugin sees of the engagement while it runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-engagement.h"
#include "wb-run-context.h"

struct _WbRunContext
{
  GObject       parent_instance;

  WbEngagement *engagement;
  char         *plugin_id;
  GPtrArray    *findings;
  double        fraction;
};

G_DEFINE_FINAL_TYPE (WbRunContext, wb_run_context, G_TYPE_OBJECT)

enum {
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
wb_run_context_finalize (GObject *object)
{
  WbRunContext *self = WB_RUN_CONTEXT (object);

  g_clear_object (&self->engagement);
  g_free (self->plugin_id);
  g_ptr_array_unref (self->findings);
  G_OBJECT_CLASS (wb_run_context_parent_class)->finalize (object);
}

static void
wb_run_context_class_init (WbRunContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wb_run_context_finalize;

  /**
   * WbRunContext::progress:
   * @fraction: 0 to 1
   * @message: what is happening, in plain words
   */
  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_STRING);
}

static void
wb_run_context_init (WbRunContext *self)
{
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
}

WbRunContext *
wb_run_context_new (GObject *engagement, const char *plugin_id)
{
  WbRunContext *self;

  g_return_val_if_fail (WB_IS_ENGAGEMENT (engagement), NULL);
  g_return_val_if_fail (plugin_id != NULL, NULL);

  self = g_object_new (WB_TYPE_RUN_CONTEXT, NULL);
  self->engagement = g_object_ref (WB_ENGAGEMENT (engagement));
  self->plugin_id = g_strdup (plugin_id);
  return self;
}

const char *
wb_run_context_get_plugin_id (WbRunContext *self)
{
  return self->plugin_id;
}

WbScope *
wb_run_context_get_scope (WbRunContext *self)
{
  return wb_agreement_get_scope (wb_engagement_get_agreement (self->engagement));
}

const char *
wb_run_context_get_company_name (WbRunContext *self)
{
  const WbCompany *company = wb_engagement_get_company (self->engagement);

  return company ? company->name : NULL;
}

void
wb_run_context_progress (WbRunContext *self, double fraction, const char *message)
{
  self->fraction = CLAMP (fraction, 0.0, 1.0);
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, self->fraction, message);
}

double
wb_run_context_get_fraction (WbRunContext *self)
{
  return self->fraction;
}

void
wb_run_context_add_finding (WbRunContext *self, WbFinding *finding)
{
  g_return_if_fail (WB_IS_FINDING (finding));
  wb_finding_set_plugin_id (finding, self->plugin_id);
  g_ptr_array_add (self->findings, g_object_ref (finding));
}

GPtrArray *
wb_run_context_get_findings (WbRunContext *self)
{
  return self->findings;
}

JsonNode *
wb_run_context_get_data (WbRunContext *self, const char *key)
{
  return wb_engagement_get_plugin_data (self->engagement, self->plugin_id, key);
}

gboolean
wb_run_context_set_data (WbRunContext *self, const char *key, JsonNode *value,
                         GError **error)
{
  return wb_engagement_set_plugin_data (self->engagement, self->plugin_id, key, value, error);
}

JsonNode *
wb_run_context_get_other_data (WbRunContext *self, const char *plugin_id, const char *key)
{
  return wb_engagement_get_plugin_data (self->engagement, plugin_id, key);
}

char *
wb_run_context_add_attachment (WbRunContext  *self,
                               const char    *name,
                               const char    *content_type,
                               GInputStream  *input,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return wb_vault_add_attachment (wb_engagement_get_vault (self->engagement), name,
                                  content_type, input, cancellable, error);
}

gboolean
wb_run_context_commit (WbRunContext *self, GError **error)
{
  return wb_engagement_commit_run (self->engagement, self->plugin_id, self->findings, error);
}

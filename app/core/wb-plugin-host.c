/* wb-plugin-host.c — finds, checks and runs plugins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include "wb-plugin-host.h"

G_DEFINE_QUARK (wb-plugin-error-quark, wb_plugin_error)

struct _WbPluginHost
{
  GObject     parent_instance;

  PeasEngine *engine;
};

G_DEFINE_FINAL_TYPE (WbPluginHost, wb_plugin_host, G_TYPE_OBJECT)

void
wb_plugin_info_free (WbPluginInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->name);
  g_free (info->description);
  g_free (info->directory);
  g_free (info);
}

static void
wb_plugin_host_finalize (GObject *object)
{
  WbPluginHost *self = WB_PLUGIN_HOST (object);

  g_clear_object (&self->engine);
  G_OBJECT_CLASS (wb_plugin_host_parent_class)->finalize (object);
}

static void
wb_plugin_host_class_init (WbPluginHostClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wb_plugin_host_finalize;
}

static void
add_search_paths (PeasEngine *engine)
{
  const char *env = g_getenv ("WERKBANK_PLUGIN_PATH");
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "werkbank",
                                                "plugins", NULL);

  /* Earlier paths win when two folders hold a plugin of the same name: the build tree
   * first (tests, demo), then the user's, then the installed ones. */
  if (env != NULL && *env != '\0')
    {
      g_auto(GStrv) dirs = g_strsplit (env, ":", -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        if (*dirs[i] != '\0')
          peas_engine_add_search_path (engine, dirs[i], NULL);
    }
  peas_engine_add_search_path (engine, user_dir, NULL);
  peas_engine_add_search_path (engine, WB_PLUGINDIR, NULL);
}

static void
wb_plugin_host_init (WbPluginHost *self)
{
  /* A private engine: no process-wide default, no loaders but C. */
  self->engine = peas_engine_new ();
  add_search_paths (self->engine);
}

WbPluginHost *
wb_plugin_host_new (void)
{
  return g_object_new (WB_TYPE_PLUGIN_HOST, NULL);
}

static gint
compare_info (gconstpointer a, gconstpointer b)
{
  const WbPluginInfo *x = *(WbPluginInfo * const *) a;
  const WbPluginInfo *y = *(WbPluginInfo * const *) b;

  return g_strcmp0 (x->id, y->id);
}

GPtrArray *
wb_plugin_host_list (WbPluginHost *self)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_plugin_info_free);

  for (const GList *l = peas_engine_get_plugin_list (self->engine); l; l = l->next)
    {
      PeasPluginInfo *peas_info = l->data;
      WbPluginInfo *info = g_new0 (WbPluginInfo, 1);

      info->id = g_strdup (peas_plugin_info_get_module_name (peas_info));
      info->name = g_strdup (peas_plugin_info_get_name (peas_info));
      info->description = g_strdup (peas_plugin_info_get_description (peas_info));
      info->directory = g_strdup (peas_plugin_info_get_module_dir (peas_info));
      g_ptr_array_add (list, info);
    }
  g_ptr_array_sort (list, compare_info);
  return list;
}

WbPlugin *
wb_plugin_host_get_plugin (WbPluginHost *self, const char *id, GError **error)
{
  PeasPluginInfo *info = peas_engine_get_plugin_info (self->engine, id);
  g_autoptr(GError) load_error = NULL;
  PeasExtension *extension;

  if (info == NULL)
    {
      g_set_error (error, WB_PLUGIN_ERROR, WB_PLUGIN_ERROR_NOT_FOUND,
                   _("There is no plugin “%s”. “werkbank-cli plugins list” shows the "
                     "plugins there are."), id);
      return NULL;
    }
  if (!peas_engine_load_plugin (self->engine, info) ||
      !peas_plugin_info_is_available (info, &load_error))
    {
      g_set_error (error, WB_PLUGIN_ERROR, WB_PLUGIN_ERROR_LOAD,
                   _("The plugin “%s” could not be loaded: %s"), id,
                   load_error ? load_error->message : _("unknown reason"));
      return NULL;
    }
  if (!peas_engine_provides_extension (self->engine, info, WB_TYPE_PLUGIN))
    {
      g_set_error (error, WB_PLUGIN_ERROR, WB_PLUGIN_ERROR_LOAD,
                   _("The module “%s” is not a Werkbank plugin."), id);
      return NULL;
    }
  extension = peas_engine_create_extension (self->engine, info, WB_TYPE_PLUGIN, NULL);
  if (extension == NULL || g_strcmp0 (wb_plugin_get_id (WB_PLUGIN (extension)), id) != 0)
    {
      g_clear_object (&extension);
      g_set_error (error, WB_PLUGIN_ERROR, WB_PLUGIN_ERROR_LOAD,
                   _("The plugin “%s” does not identify itself correctly."), id);
      return NULL;
    }
  return WB_PLUGIN (extension);
}

gboolean
wb_plugin_host_check (WbPluginHost *self, WbEngagement *engagement, WbPlugin *plugin,
                      GError **error)
{
  WbAgreement *agreement = wb_engagement_get_agreement (engagement);
  WbScope *scope = wb_agreement_get_scope (agreement);
  const char *id = wb_plugin_get_id (plugin);
  WbActivity needed = wb_plugin_get_required_activity (plugin);

  if (!wb_agreement_is_signed (agreement))
    {
      g_set_error (error, WB_PLUGIN_ERROR, WB_PLUGIN_ERROR_NOT_ALLOWED,
                   _("“%s” cannot run: the agreement has not been recorded as signed. "
                     "Nothing touches the company's systems before that."),
                   wb_plugin_get_title (plugin));
      return FALSE;
    }
  if (!wb_scope_allows_plugin (scope, id))
    {
      g_set_error (error, WB_PLUGIN_ERROR, WB_PLUGIN_ERROR_NOT_ALLOWED,
                   _("“%s” cannot run: the signed agreement does not include it."),
                   wb_plugin_get_title (plugin));
      return FALSE;
    }
  if (!wb_scope_allows_activity (scope, needed))
    {
      g_set_error (error, WB_PLUGIN_ERROR, WB_PLUGIN_ERROR_NOT_ALLOWED,
                   _("“%s” needs %s checks, but the signed agreement allows at most %s "
                     "checks."), wb_plugin_get_title (plugin),
                   wb_activity_get_label (needed),
                   wb_activity_get_label (wb_scope_get_max_activity (scope)));
      return FALSE;
    }
  if (!wb_engagement_is_plugin_enabled (engagement, id))
    {
      g_set_error (error, WB_PLUGIN_ERROR, WB_PLUGIN_ERROR_NOT_ENABLED,
                   _("“%s” is not switched on for this engagement."),
                   wb_plugin_get_title (plugin));
      return FALSE;
    }
  return TRUE;
}

static void
run_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  WbRunContext *context = g_task_get_task_data (task);
  GError *error = NULL;

  if (!wb_plugin_run_finish (WB_PLUGIN (source), result, &error))
    {
      /* Nothing is committed: the engagement stays as it was before the run. */
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!wb_run_context_commit (context, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
wb_plugin_host_run_async (WbPluginHost        *self,
                          WbEngagement        *engagement,
                          WbPlugin            *plugin,
                          WbRunContext        *context,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(WbRunContext) own = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, wb_plugin_host_run_async);
  if (!wb_plugin_host_check (self, engagement, plugin, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (wb_engagement_is_read_only (engagement))
    {
      g_task_return_new_error (task, WB_PLUGIN_ERROR, WB_PLUGIN_ERROR_NOT_ALLOWED,
                               _("The engagement is open read-only; results cannot be "
                                 "saved."));
      return;
    }
  if (context == NULL)
    context = own = wb_run_context_new (G_OBJECT (engagement), wb_plugin_get_id (plugin));
  g_task_set_task_data (task, g_object_ref (context), g_object_unref);
  wb_plugin_run_async (plugin, context, cancellable, run_done, g_steal_pointer (&task));
}

gboolean
wb_plugin_host_run_finish (WbPluginHost *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

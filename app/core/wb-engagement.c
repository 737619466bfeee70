/* wb-engagement.c — engagement data, kept as events in the vault
 *
 * Every change goes the same way: check the input, write one event record to the vault
 * (the commit point), then apply that same event to the in-memory state with the code
 * that replays events on open. One path for both means a change that was shown as saved
 * reads back exactly the same after a restart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "wb-engagement.h"
#include "wb-finding-merge-private.h"
#include "wb-util-private.h"

G_DEFINE_QUARK (wb-engagement-error-quark, wb_engagement_error)

#define EVENT_VERSION 1

static const WbEnumEntry stage_table[] = {
  { WB_STAGE_PREPARE, "prepare", N_("Prepare") },
  { WB_STAGE_SCAN, "scan", N_("Scan") },
  { WB_STAGE_REVIEW, "review", N_("Review") },
  { WB_STAGE_REPORT, "report", N_("Report") },
  { WB_STAGE_RETAIN, "retain", N_("Retain, then destroy") },
  { 0, NULL, NULL }
};

const char *
wb_stage_to_string (WbStage stage)
{
  return wb_enum_to_id (stage_table, stage);
}

const char *
wb_stage_get_label (WbStage stage)
{
  return wb_enum_to_label (stage_table, stage);
}

void
wb_audit_entry_free (WbAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->summary);
  g_free (entry);
}

struct _WbEngagement
{
  GObject      parent_instance;

  WbVault     *vault;
  WbCompany   *company;
  GPtrArray   *people;        /* WbPerson */
  WbAgreement *agreement;
  GHashTable  *enabled;       /* plugin id -> itself (a set) */
  GHashTable  *plugin_data;   /* plugin id -> JsonObject (key -> value) */
  GHashTable  *plugins_run;   /* plugin id -> itself: plugins with a finished run */
  GPtrArray   *findings;      /* WbFinding, in the order found */
  GPtrArray   *audit;         /* WbAuditEntry */
  GPtrArray   *merges;        /* Merge: duplicates folded into a kept finding */
};

/* One finding.merge, as it stands now. The kept finding is found by id, or, after its
 * plugin ran again (new ids), by plugin, check and a host in common. */
typedef struct {
  char      *keep_id;
  char      *keep_plugin;
  char      *keep_check;
  GStrv      keep_hosts;
  GPtrArray *absorbed;  /* WbFinding: the last version seen of each merged finding */
  char      *reason;
} Merge;

static void
merge_free (Merge *merge)
{
  g_free (merge->keep_id);
  g_free (merge->keep_plugin);
  g_free (merge->keep_check);
  g_strfreev (merge->keep_hosts);
  g_ptr_array_unref (merge->absorbed);
  g_free (merge->reason);
  g_free (merge);
}

G_DEFINE_FINAL_TYPE (WbEngagement, wb_engagement, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
wb_engagement_finalize (GObject *object)
{
  WbEngagement *self = WB_ENGAGEMENT (object);

  g_clear_object (&self->vault);
  wb_company_free (self->company);
  g_ptr_array_unref (self->people);
  g_clear_object (&self->agreement);
  g_hash_table_unref (self->enabled);
  g_hash_table_unref (self->plugin_data);
  g_hash_table_unref (self->plugins_run);
  g_ptr_array_unref (self->findings);
  g_ptr_array_unref (self->audit);
  g_ptr_array_unref (self->merges);
  G_OBJECT_CLASS (wb_engagement_parent_class)->finalize (object);
}

static void
wb_engagement_class_init (WbEngagementClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wb_engagement_finalize;

  /**
   * WbEngagement::changed:
   * @action: the stable id of the change ("company.set", "finding.update", ...),
   *   also the signal's detail
   *
   * A change was committed and applied. Emitted in the thread that made the change;
   * a front end that changes the engagement from one thread only can redraw from it.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
wb_engagement_init (WbEngagement *self)
{
  self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_person_free);
  self->agreement = wb_agreement_new ();
  self->enabled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->plugin_data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) json_object_unref);
  self->plugins_run = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  self->audit = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_audit_entry_free);
  self->merges = g_ptr_array_new_with_free_func ((GDestroyNotify) merge_free);
}

/* ---- applying events (shared by replay and live changes) ---- */

static gboolean
invalid_event (GError **error, const char *action)
{
  g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_INVALID,
               _("The engagement file holds a malformed “%s” change."), action);
  return FALSE;
}

static gboolean
apply_company (WbEngagement *self, JsonNode *data, GError **error)
{
  WbCompany *company = wb_company_new_from_json (data, error);

  if (company == NULL)
    return FALSE;
  wb_company_free (self->company);
  self->company = company;
  return TRUE;
}

static gboolean
apply_person_add (WbEngagement *self, JsonNode *data, GError **error)
{
  WbPerson *person = wb_person_new_from_json (data, error);

  if (person == NULL)
    return FALSE;
  g_ptr_array_add (self->people, person);
  return TRUE;
}

static gint
find_person (WbEngagement *self, const char *name)
{
  for (guint i = 0; i < self->people->len; i++)
    if (g_strcmp0 (((WbPerson *) self->people->pdata[i])->name, name) == 0)
      return (gint) i;
  return -1;
}

static gboolean
apply_person_remove (WbEngagement *self, JsonObject *data, GError **error)
{
  g_autofree char *name = NULL;
  gint index;

  if (!wb_json_get_string (data, "person.remove", "name", TRUE, &name, error))
    return FALSE;
  index = find_person (self, name);
  if (index >= 0)
    g_ptr_array_remove_index (self->people, (guint) index);
  return TRUE;
}

static gboolean
apply_agreement (WbEngagement *self, JsonNode *data, GError **error)
{
  WbAgreement *agreement = wb_agreement_new_from_json (data, error);

  if (agreement == NULL)
    return FALSE;
  g_set_object (&self->agreement, agreement);
  g_object_unref (agreement);
  return TRUE;
}

static gboolean
apply_agreement_sign (WbEngagement *self, JsonObject *data, GError **error)
{
  g_autofree char *date = NULL;

  if (!wb_json_get_string (data, "agreement.sign", "date", TRUE, &date, error))
    return FALSE;
  return wb_agreement_mark_signed (self->agreement, date, error);
}

static gboolean
apply_plugin_enable (WbEngagement *self, JsonObject *data, GError **error)
{
  g_autofree char *plugin = NULL;
  gboolean enabled = FALSE;

  if (!wb_json_get_string (data, "plugin.enable", "plugin", TRUE, &plugin, error) ||
      !wb_json_get_bool (data, "plugin.enable", "enabled", TRUE, &enabled, error))
    return FALSE;
  if (enabled)
    g_hash_table_add (self->enabled, g_steal_pointer (&plugin));
  else
    g_hash_table_remove (self->enabled, plugin);
  return TRUE;
}

static JsonObject *
ensure_plugin_data (WbEngagement *self, const char *plugin_id)
{
  JsonObject *object = g_hash_table_lookup (self->plugin_data, plugin_id);

  if (object == NULL)
    {
      object = json_object_new ();
      g_hash_table_insert (self->plugin_data, g_strdup (plugin_id), object);
    }
  return object;
}

static gboolean
apply_plugin_data (WbEngagement *self, JsonObject *data, GError **error)
{
  g_autofree char *plugin = NULL;
  g_autofree char *key = NULL;
  JsonNode *value;

  if (!wb_json_get_string (data, "plugin.data", "plugin", TRUE, &plugin, error) ||
      !wb_json_get_string (data, "plugin.data", "key", TRUE, &key, error))
    return FALSE;
  value = json_object_get_member (data, "value");
  if (value == NULL)
    return invalid_event (error, "plugin.data");
  json_object_set_member (ensure_plugin_data (self, plugin), key, json_node_copy (value));
  return TRUE;
}

static void
remove_findings_of_plugin (WbEngagement *self, const char *plugin_id)
{
  for (guint i = self->findings->len; i > 0; i--)
    {
      WbFinding *finding = self->findings->pdata[i - 1];

      if (g_strcmp0 (wb_finding_get_plugin_id (finding), plugin_id) == 0)
        g_ptr_array_remove_index (self->findings, i - 1);
    }
}

static void enforce_merges (WbEngagement *self, const char *plugin_id);

static gboolean
apply_plugin_run (WbEngagement *self, JsonObject *data, GError **error)
{
  g_autofree char *plugin = NULL;
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *list = json_object_get_member (data, "findings");

  if (!wb_json_get_string (data, "plugin.run", "plugin", TRUE, &plugin, error))
    return FALSE;
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return invalid_event (error, "plugin.run");
  /* Parse everything first, so a bad finding leaves the state as it was. */
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      WbFinding *finding =
        wb_finding_new_from_json (json_array_get_element (json_node_get_array (list), i), error);

      if (finding == NULL)
        return FALSE;
      wb_finding_set_plugin_id (finding, plugin);
      g_ptr_array_add (parsed, finding);
    }
  remove_findings_of_plugin (self, plugin);
  for (guint i = 0; i < parsed->len; i++)
    g_ptr_array_add (self->findings, g_object_ref (parsed->pdata[i]));
  enforce_merges (self, plugin);
  g_hash_table_add (self->plugins_run, g_steal_pointer (&plugin));
  return TRUE;
}

static gint
find_finding (WbEngagement *self, const char *id)
{
  for (guint i = 0; i < self->findings->len; i++)
    if (g_strcmp0 (wb_finding_get_id (self->findings->pdata[i]), id) == 0)
      return (gint) i;
  return -1;
}

static gboolean
apply_finding_update (WbEngagement *self, JsonObject *data, GError **error)
{
  WbFinding *finding;
  gint index;

  finding = wb_finding_new_from_json (json_object_get_member (data, "finding"), error);
  if (finding == NULL)
    return FALSE;
  index = find_finding (self, wb_finding_get_id (finding));
  if (index < 0)
    g_ptr_array_add (self->findings, finding);
  else
    {
      g_object_unref (self->findings->pdata[index]);
      self->findings->pdata[index] = finding;
    }
  return TRUE;
}

static gboolean
apply_finding_remove (WbEngagement *self, JsonObject *data, GError **error)
{
  g_autofree char *id = NULL;
  gint index;

  if (!wb_json_get_string (data, "finding.remove", "id", TRUE, &id, error))
    return FALSE;
  index = find_finding (self, id);
  if (index >= 0)
    g_ptr_array_remove_index (self->findings, (guint) index);
  return TRUE;
}

/* ---- merged duplicates (finding.merge) ---- */

#define MERGE_VERSION 1 /* the "version" of a finding.merge event's data */

/* The checks a merge needs, shared by the API (clear messages) and replay. */
static gboolean
check_merge (WbEngagement *self, const char *keep_id, const char * const *other_ids,
             GError **error)
{
  if (keep_id == NULL || find_finding (self, keep_id) < 0)
    {
      g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_NOT_FOUND,
                   _("There is no finding with id %s."), keep_id ? keep_id : "");
      return FALSE;
    }
  if (other_ids == NULL || other_ids[0] == NULL)
    {
      g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_INVALID,
                   _("Name at least one finding to merge into the one you keep."));
      return FALSE;
    }
  for (guint i = 0; other_ids[i] != NULL; i++)
    {
      if (g_str_equal (other_ids[i], keep_id))
        {
          g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_INVALID,
                       _("Finding %s cannot be merged into itself."), keep_id);
          return FALSE;
        }
      if (find_finding (self, other_ids[i]) < 0)
        {
          g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_NOT_FOUND,
                       _("There is no finding with id %s."), other_ids[i]);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (other_ids[i], other_ids[j]))
          {
            g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_INVALID,
                         _("Finding %s is named twice."), other_ids[i]);
            return FALSE;
          }
    }
  return TRUE;
}

static gboolean
is_keeper (WbEngagement *self, const char *finding_id)
{
  for (guint i = 0; i < self->merges->len; i++)
    if (g_strcmp0 (((Merge *) self->merges->pdata[i])->keep_id, finding_id) == 0)
      return TRUE;
  return FALSE;
}

/* A finding that had others merged into it is now merged itself: the new merge takes
 * over what it held, so those stay merged when their plugin runs again. */
static void
take_over_merges (WbEngagement *self, const char *finding_id, Merge *into)
{
  for (guint i = self->merges->len; i > 0; i--)
    {
      Merge *old = self->merges->pdata[i - 1];

      if (g_strcmp0 (old->keep_id, finding_id) != 0)
        continue;
      for (guint a = 0; a < old->absorbed->len; a++)
        g_ptr_array_add (into->absorbed, g_object_ref (old->absorbed->pdata[a]));
      g_ptr_array_remove_index (self->merges, i - 1);
    }
}

static gboolean
apply_finding_merge (WbEngagement *self, JsonObject *data, GError **error)
{
  static const char * const members[] = { "version", "keep", "merged", "reason", NULL };
  g_autofree char *keep_id = NULL;
  g_autofree char *reason = NULL;
  g_auto(GStrv) merged = NULL;
  gint64 version = 0;
  WbFinding *keep;
  Merge *merge;

  if (!wb_json_check_members (data, "finding.merge", members, error) ||
      !wb_json_get_int (data, "finding.merge", "version", TRUE, &version, error) ||
      !wb_json_get_string (data, "finding.merge", "keep", TRUE, &keep_id, error) ||
      !wb_json_get_strv (data, "finding.merge", "merged", TRUE, &merged, error) ||
      !wb_json_get_string (data, "finding.merge", "reason", TRUE, &reason, error))
    return FALSE;
  if (version != MERGE_VERSION)
    {
      g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_NEWER,
                   _("The engagement file was written by a newer version of Werkbank."));
      return FALSE;
    }
  if (*reason == '\0' || !check_merge (self, keep_id, (const char * const *) merged, NULL))
    return invalid_event (error, "finding.merge");

  keep = self->findings->pdata[find_finding (self, keep_id)];
  merge = g_new0 (Merge, 1);
  merge->keep_id = g_steal_pointer (&keep_id);
  merge->keep_plugin = g_strdup (wb_finding_get_plugin_id (keep));
  merge->keep_check = g_strdup (wb_finding_get_check_id (keep));
  merge->keep_hosts = wb_merge_finding_hosts (keep);
  merge->absorbed = g_ptr_array_new_with_free_func (g_object_unref);
  merge->reason = g_steal_pointer (&reason);
  for (guint i = 0; merged[i] != NULL; i++)
    {
      gint index = find_finding (self, merged[i]);
      WbFinding *other = self->findings->pdata[index];

      wb_merge_fold (keep, other);
      g_ptr_array_add (merge->absorbed, g_object_ref (other));
      take_over_merges (self, merged[i], merge);
      g_ptr_array_remove_index (self->findings, (guint) index);
    }
  g_ptr_array_add (self->merges, merge);
  return TRUE;
}

/* The kept finding of @merge now. When its own plugin ran again, its findings have new
 * ids: the new version is the one with the same check on a host it named, and it gets
 * what was merged into the old version. */
static WbFinding *
find_keeper (WbEngagement *self, Merge *merge, const char *plugin_id)
{
  gint index = find_finding (self, merge->keep_id);

  if (index >= 0)
    return self->findings->pdata[index];
  if (g_strcmp0 (merge->keep_plugin, plugin_id) != 0)
    return NULL;
  for (guint i = 0; i < self->findings->len; i++)
    {
      WbFinding *candidate = self->findings->pdata[i];
      g_auto(GStrv) hosts = NULL;

      if (g_strcmp0 (wb_finding_get_plugin_id (candidate), merge->keep_plugin) != 0 ||
          g_strcmp0 (wb_finding_get_check_id (candidate), merge->keep_check) != 0)
        continue;
      hosts = wb_merge_finding_hosts (candidate);
      if ((hosts[0] == NULL && merge->keep_hosts[0] == NULL) ||
          wb_merge_hosts_overlap ((const char * const *) hosts,
                                  (const char * const *) merge->keep_hosts))
        {
          g_free (merge->keep_id);
          merge->keep_id = g_strdup (wb_finding_get_id (candidate));
          for (guint a = 0; a < merge->absorbed->len; a++)
            wb_merge_fold (candidate, merge->absorbed->pdata[a]);
          return candidate;
        }
    }
  return NULL;
}

/* After a run of @plugin_id: its new version of a merged finding is folded into the
 * kept one instead of coming back as a duplicate. When the kept finding is gone (its
 * plugin no longer sees it), the other plugin's finding stays: it is all there is. */
static void
enforce_merges (WbEngagement *self, const char *plugin_id)
{
  for (guint m = 0; m < self->merges->len; m++)
    {
      Merge *merge = self->merges->pdata[m];
      WbFinding *keep = find_keeper (self, merge, plugin_id);

      if (keep == NULL)
        continue;
      for (guint i = self->findings->len; i > 0; i--)
        {
          WbFinding *candidate = self->findings->pdata[i - 1];

          if (candidate == keep ||
              g_strcmp0 (wb_finding_get_plugin_id (candidate), plugin_id) != 0 ||
              is_keeper (self, wb_finding_get_id (candidate)))
            continue;
          for (guint a = 0; a < merge->absorbed->len; a++)
            if (wb_merge_is_same (merge->absorbed->pdata[a], candidate))
              {
                wb_merge_fold (keep, candidate);
                g_object_unref (merge->absorbed->pdata[a]);
                merge->absorbed->pdata[a] = g_object_ref (candidate);
                g_ptr_array_remove_index (self->findings, i - 1);
                break;
              }
        }
    }
}

static gboolean
apply_action (WbEngagement *self, const char *action, JsonNode *data, GError **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (data) ? json_node_get_object (data) : NULL;

  if (g_str_equal (action, "engagement.create"))
    return TRUE;
  if (g_str_equal (action, "company.set"))
    return apply_company (self, data, error);
  if (g_str_equal (action, "person.add"))
    return apply_person_add (self, data, error);
  if (g_str_equal (action, "agreement.set"))
    return apply_agreement (self, data, error);
  if (object == NULL)
    return invalid_event (error, action);
  if (g_str_equal (action, "person.remove"))
    return apply_person_remove (self, object, error);
  if (g_str_equal (action, "agreement.sign"))
    return apply_agreement_sign (self, object, error);
  if (g_str_equal (action, "plugin.enable"))
    return apply_plugin_enable (self, object, error);
  if (g_str_equal (action, "plugin.data"))
    return apply_plugin_data (self, object, error);
  if (g_str_equal (action, "plugin.run"))
    return apply_plugin_run (self, object, error);
  if (g_str_equal (action, "finding.update"))
    return apply_finding_update (self, object, error);
  if (g_str_equal (action, "finding.remove"))
    return apply_finding_remove (self, object, error);
  if (g_str_equal (action, "finding.merge"))
    return apply_finding_merge (self, object, error);

  g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_NEWER,
               _("The engagement file holds a change of a kind this version of Werkbank "
                 "does not know (“%s”). Open it with a newer Werkbank; nothing was "
                 "changed."), action);
  return FALSE;
}

static gboolean
apply_event (WbEngagement *self, JsonNode *event, gint64 time, GError **error)
{
  static const char * const members[] = { "v", "action", "actor", "summary", "data", NULL };
  JsonObject *o = wb_json_get_object (event, _("change"), error);
  g_autofree char *action = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *summary = NULL;
  gint64 version = 0;
  WbAuditEntry *entry;

  if (o == NULL || !wb_json_check_members (o, _("change"), members, error) ||
      !wb_json_get_int (o, _("change"), "v", TRUE, &version, error) ||
      !wb_json_get_string (o, _("change"), "action", TRUE, &action, error) ||
      !wb_json_get_string (o, _("change"), "actor", TRUE, &actor, error) ||
      !wb_json_get_string (o, _("change"), "summary", FALSE, &summary, error))
    return FALSE;
  if (version != EVENT_VERSION)
    {
      g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_NEWER,
                   _("The engagement file was written by a newer version of Werkbank."));
      return FALSE;
    }
  if (!json_object_has_member (o, "data"))
    return invalid_event (error, action);
  if (!apply_action (self, action, json_object_get_member (o, "data"), error))
    return FALSE;

  entry = g_new0 (WbAuditEntry, 1);
  entry->time = time;
  entry->actor = g_steal_pointer (&actor);
  entry->action = g_steal_pointer (&action);
  entry->summary = g_steal_pointer (&summary);
  g_ptr_array_add (self->audit, entry);
  return TRUE;
}

/* Writes one event and applies it. @data is consumed. */
static gboolean
commit_event (WbEngagement *self, const char *action, const char *summary, JsonNode *data,
              GError **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) event = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  char *text;
  gsize length;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "v");
  json_builder_add_int_value (b, EVENT_VERSION);
  json_builder_set_member_name (b, "action");
  json_builder_add_string_value (b, action);
  json_builder_set_member_name (b, "actor");
  json_builder_add_string_value (b, wb_engagement_get_actor (self));
  json_builder_set_member_name (b, "summary");
  json_builder_add_string_value (b, summary);
  json_builder_set_member_name (b, "data");
  json_builder_add_value (b, data);
  json_builder_end_object (b);
  event = json_builder_get_root (b);

  json_generator_set_root (gen, event);
  text = json_generator_to_data (gen, &length);
  payload = g_bytes_new_take (text, length);
  if (!wb_vault_append (self->vault, WB_RECORD_EVENT, payload, NULL, error))
    return FALSE;
  if (!apply_event (self, event, g_get_real_time () / G_USEC_PER_SEC, error))
    {
      /* Our own event failed to apply: a bug, not bad input. The record is saved; say
       * so rather than pretend the change did not happen. */
      g_critical ("a committed change could not be applied: %s", (*error)->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_string (action), action);
  return TRUE;
}

static JsonNode *
object_node (const char *member, ...) G_GNUC_NULL_TERMINATED;

/* Builds {"member": value, ...} from (name, JsonNode*) pairs; the nodes are consumed. */
static JsonNode *
object_node (const char *member, ...)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  va_list args;

  va_start (args, member);
  for (const char *name = member; name != NULL; name = va_arg (args, const char *))
    json_object_set_member (object, name, va_arg (args, JsonNode *));
  va_end (args);
  json_node_take_object (node, object);
  return node;
}

static JsonNode *
string_node (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return node;
}

static JsonNode *
bool_node (gboolean value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value);
  return node;
}

/* ---- life cycle ---- */

typedef struct {
  WbEngagement *self;
  GError       *error;
} ReplayData;

static gboolean
replay_record (guint64 seq, WbRecordType type, gint64 time, GBytes *payload,
               gpointer user_data)
{
  ReplayData *replay = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (payload, &length);

  if (type != WB_RECORD_EVENT)
    return TRUE; /* other record kinds belong to the vault itself */
  if (!json_parser_load_from_data (parser, data, (gssize) length, NULL))
    {
      g_set_error (&replay->error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_INVALID,
                   _("Change number %" PRIu64 " in the engagement file is not "
                     "readable."), seq);
      return FALSE;
    }
  return apply_event (replay->self, json_parser_get_root (parser), time, &replay->error);
}

WbEngagement *
wb_engagement_new_for_vault (WbVault *vault, GError **error)
{
  g_autoptr(WbEngagement) self = g_object_new (WB_TYPE_ENGAGEMENT, NULL);
  ReplayData replay = { self, NULL };

  g_return_val_if_fail (WB_IS_VAULT (vault), NULL);

  self->vault = g_object_ref (vault);
  if (!wb_vault_foreach_record (vault, replay_record, &replay, error))
    {
      g_clear_error (&replay.error);
      return NULL;
    }
  if (replay.error != NULL)
    {
      g_propagate_error (error, replay.error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

WbEngagement *
wb_engagement_create (const char *path, const char *member, const char *passphrase,
                      const WbKdfParams *params, GError **error)
{
  g_autoptr(WbVault) vault = NULL;
  g_autoptr(WbEngagement) self = NULL;

  vault = wb_vault_create_with_passphrase (path, member, passphrase, params, error);
  if (vault == NULL)
    return NULL;
  self = wb_engagement_new_for_vault (vault, error);
  if (self == NULL ||
      !commit_event (self, "engagement.create", _("Engagement created"),
                     object_node ("format", string_node ("werkbank-engagement-1"), NULL),
                     error))
    return NULL;
  return g_steal_pointer (&self);
}

WbEngagement *
wb_engagement_open (const char *path, const char *passphrase, GError **error)
{
  g_autoptr(WbVault) vault = wb_vault_open_with_passphrase (path, passphrase,
                                                            WB_VAULT_OPEN_DEFAULT, error);

  return vault ? wb_engagement_new_for_vault (vault, error) : NULL;
}

WbEngagement *
wb_engagement_open_with_key (const char *path, WbX25519Key *key, GError **error)
{
  g_autoptr(WbVault) vault = wb_vault_open_with_key (path, key, WB_VAULT_OPEN_DEFAULT, error);

  return vault ? wb_engagement_new_for_vault (vault, error) : NULL;
}

WbVault *
wb_engagement_get_vault (WbEngagement *self)
{
  return self->vault;
}

const char *
wb_engagement_get_actor (WbEngagement *self)
{
  const char *actor = wb_vault_get_opened_by (self->vault);

  return actor ? actor : "unknown";
}

gboolean
wb_engagement_is_read_only (WbEngagement *self)
{
  return wb_vault_is_read_only (self->vault);
}

/* ---- company and people ---- */

const WbCompany *
wb_engagement_get_company (WbEngagement *self)
{
  return self->company;
}

gboolean
wb_engagement_set_company (WbEngagement *self, const WbCompany *company, GError **error)
{
  if (!wb_company_validate (company, error))
    return FALSE;
  return commit_event (self, "company.set", _("Company details recorded"),
                       wb_company_to_json (company), error);
}

GPtrArray *
wb_engagement_get_people (WbEngagement *self)
{
  return self->people;
}

gboolean
wb_engagement_add_person (WbEngagement *self, const WbPerson *person, GError **error)
{
  g_autofree char *summary = NULL;

  if (person->name == NULL || *person->name == '\0')
    {
      g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_INVALID,
                   _("A person needs a name."));
      return FALSE;
    }
  if (find_person (self, person->name) >= 0)
    {
      g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_INVALID,
                   _("“%s” is already part of this engagement."), person->name);
      return FALSE;
    }
  summary = g_strdup_printf (_("Added %s (%s)"), person->name,
                             wb_role_get_label (person->role));
  return commit_event (self, "person.add", summary, wb_person_to_json (person), error);
}

gboolean
wb_engagement_remove_person (WbEngagement *self, const char *name, GError **error)
{
  g_autofree char *summary = NULL;

  if (find_person (self, name) < 0)
    {
      g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_NOT_FOUND,
                   _("Nobody called “%s” is part of this engagement."), name);
      return FALSE;
    }
  summary = g_strdup_printf (_("Removed %s"), name);
  return commit_event (self, "person.remove", summary,
                       object_node ("name", string_node (name), NULL), error);
}

/* ---- agreement ---- */

WbAgreement *
wb_engagement_get_agreement (WbEngagement *self)
{
  return self->agreement;
}

gboolean
wb_engagement_set_agreement (WbEngagement *self, WbAgreement *agreement, GError **error)
{
  if (wb_agreement_is_signed (self->agreement) && !wb_agreement_is_signed (agreement))
    {
      g_set_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_SIGNED,
                   _("The agreement was signed on %s. It can only be replaced by a new, "
                     "signed agreement."), wb_agreement_get_signed_on (self->agreement));
      return FALSE;
    }
  return commit_event (self, "agreement.set", _("Agreement recorded"),
                       wb_agreement_to_json (agreement), error);
}

gboolean
wb_engagement_sign_agreement (WbEngagement *self, const char *date, GError **error)
{
  g_autoptr(WbAgreement) check = wb_agreement_copy (self->agreement);
  g_autofree char *summary = NULL;

  /* Check on a copy first: the record is written only for a signature that holds. */
  if (!wb_agreement_mark_signed (check, date, error))
    return FALSE;
  summary = g_strdup_printf (_("Agreement signed on %s"), date);
  return commit_event (self, "agreement.sign", summary,
                       object_node ("date", string_node (date), NULL), error);
}

/* ---- plugins ---- */

gboolean
wb_engagement_set_plugin_enabled (WbEngagement *self, const char *plugin_id,
                                  gboolean enabled, GError **error)
{
  g_autofree char *summary = enabled ?
    g_strdup_printf (_("Plugin %s switched on"), plugin_id) :
    g_strdup_printf (_("Plugin %s switched off"), plugin_id);

  return commit_event (self, "plugin.enable", summary,
                       object_node ("plugin", string_node (plugin_id),
                                    "enabled", bool_node (enabled), NULL),
                       error);
}

gboolean
wb_engagement_is_plugin_enabled (WbEngagement *self, const char *plugin_id)
{
  return g_hash_table_contains (self->enabled, plugin_id);
}

static gint
compare_strings (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

GStrv
wb_engagement_get_enabled_plugins (WbEngagement *self)
{
  g_autofree const char **keys =
    (const char **) g_hash_table_get_keys_as_array (self->enabled, NULL);
  GStrv copy = g_strdupv ((char **) keys);

  g_qsort_with_data (copy, g_strv_length (copy), sizeof (char *), compare_strings, NULL);
  return copy;
}

JsonNode *
wb_engagement_get_plugin_data (WbEngagement *self, const char *plugin_id, const char *key)
{
  JsonObject *object = g_hash_table_lookup (self->plugin_data, plugin_id);

  return object ? json_object_get_member (object, key) : NULL;
}

gboolean
wb_engagement_set_plugin_data (WbEngagement *self, const char *plugin_id, const char *key,
                               JsonNode *value, GError **error)
{
  g_autofree char *summary = g_strdup_printf (_("Plugin %s saved %s"), plugin_id, key);

  return commit_event (self, "plugin.data", summary,
                       object_node ("plugin", string_node (plugin_id),
                                    "key", string_node (key),
                                    "value", json_node_copy (value), NULL),
                       error);
}

gboolean
wb_engagement_commit_run (WbEngagement *self, const char *plugin_id, GPtrArray *findings,
                          GError **error)
{
  JsonArray *list = json_array_new ();
  JsonNode *list_node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *summary = NULL;

  for (guint i = 0; i < findings->len; i++)
    json_array_add_element (list, wb_finding_to_json (findings->pdata[i]));
  json_node_take_array (list_node, list);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Plugin %s finished: %u finding",
                                          "Plugin %s finished: %u findings", findings->len),
                             plugin_id, findings->len);
  return commit_event (self, "plugin.run", summary,
                       object_node ("plugin", string_node (plugin_id),
                                    "findings", list_node, NULL),
                       error);
}

GPtrArray *
wb_engagement_get_findings (WbEngagement *self)
{
  return self->findings;
}

static gint
compare_plan (gconstpointer a, gconstpointer b)
{
  return wb_finding_compare_for_plan (*(WbFinding * const *) a, *(WbFinding * const *) b);
}

GPtrArray *
wb_engagement_get_action_plan (WbEngagement *self)
{
  GPtrArray *plan = g_ptr_array_new_full (self->findings->len, g_object_unref);

  for (guint i = 0; i < self->findings->len; i++)
    g_ptr_array_add (plan, g_object_ref (self->findings->pdata[i]));
  g_ptr_array_sort (plan, compare_plan);
  return plan;
}

WbFinding *
wb_engagement_lookup_finding (WbEngagement *self, const char *id)
{
  gint index = find_finding (self, id);

  return index >= 0 ? self->findings->pdata[index] : NULL;
}

static gboolean
require_reason (const char *reason, GError **error)
{
  if (reason != NULL && *reason != '\0')
    return TRUE;
  g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_INVALID,
               _("Say why: a change to a finding needs a reason for the teacher."));
  return FALSE;
}

gboolean
wb_engagement_update_finding (WbEngagement *self, WbFinding *finding, const char *reason,
                              GError **error)
{
  g_autofree char *summary = NULL;

  if (!require_reason (reason, error))
    return FALSE;
  summary = g_strdup_printf (_("Finding %s changed: %s"), wb_finding_get_check_id (finding),
                             reason);
  return commit_event (self, "finding.update", summary,
                       object_node ("finding", wb_finding_to_json (finding),
                                    "reason", string_node (reason), NULL),
                       error);
}

gboolean
wb_engagement_remove_finding (WbEngagement *self, const char *id, const char *reason,
                              GError **error)
{
  WbFinding *finding = wb_engagement_lookup_finding (self, id);
  g_autofree char *summary = NULL;

  if (!require_reason (reason, error))
    return FALSE;
  if (finding == NULL)
    {
      g_set_error (error, WB_ENGAGEMENT_ERROR, WB_ENGAGEMENT_ERROR_NOT_FOUND,
                   _("There is no finding with id %s."), id);
      return FALSE;
    }
  summary = g_strdup_printf (_("Finding %s removed: %s"), wb_finding_get_check_id (finding),
                             reason);
  return commit_event (self, "finding.remove", summary,
                       object_node ("id", string_node (id), "reason", string_node (reason),
                                    NULL),
                       error);
}

gboolean
wb_engagement_merge_findings (WbEngagement *self, const char *keep_id,
                              const char * const *other_ids, const char *reason,
                              GError **error)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *summary = NULL;

  if (!require_reason (reason, error) || !check_merge (self, keep_id, other_ids, error))
    return FALSE;
  for (guint i = 0; other_ids[i] != NULL; i++)
    g_ptr_array_add (checks, (gpointer) wb_finding_get_check_id (
                       wb_engagement_lookup_finding (self, other_ids[i])));
  g_ptr_array_add (checks, NULL);
  joined = g_strjoinv (", ", (char **) checks->pdata);
  summary = g_strdup_printf (_("Merged %s into finding %s: %s"), joined,
                             wb_finding_get_check_id (wb_engagement_lookup_finding (self,
                                                                                    keep_id)),
                             reason);
  return commit_event (self, "finding.merge", summary,
                       object_node ("version", json_node_init_int (json_node_alloc (),
                                                                   MERGE_VERSION),
                                    "keep", string_node (keep_id),
                                    "merged", wb_json_strv_node (other_ids),
                                    "reason", string_node (reason), NULL),
                       error);
}

GPtrArray *
wb_engagement_find_duplicates (WbEngagement *self)
{
  return wb_merge_find_groups (self->findings);
}

GStrv
wb_engagement_get_merged_checks (WbEngagement *self, const char *finding_id)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func (g_free);

  for (guint m = 0; m < self->merges->len; m++)
    {
      Merge *merge = self->merges->pdata[m];

      if (g_strcmp0 (merge->keep_id, finding_id) != 0)
        continue;
      for (guint a = 0; a < merge->absorbed->len; a++)
        {
          const char *check = wb_finding_get_check_id (merge->absorbed->pdata[a]);

          if (!g_ptr_array_find_with_equal_func (checks, check, g_str_equal, NULL))
            g_ptr_array_add (checks, g_strdup (check));
        }
    }
  g_ptr_array_sort_with_data (checks, compare_strings, NULL);
  g_ptr_array_add (checks, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&checks), FALSE);
}

/* The merges whose kept finding is there: {"keep", "checks", "reason"}. */
static JsonNode *
merges_to_json (WbEngagement *self)
{
  JsonArray *list = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint m = 0; m < self->merges->len; m++)
    {
      Merge *merge = self->merges->pdata[m];
      g_autoptr(GPtrArray) checks = g_ptr_array_new ();

      if (find_finding (self, merge->keep_id) < 0)
        continue;
      for (guint a = 0; a < merge->absorbed->len; a++)
        g_ptr_array_add (checks, (gpointer) wb_finding_get_check_id (merge->absorbed->pdata[a]));
      g_ptr_array_add (checks, NULL);
      json_array_add_element (list, object_node ("keep", string_node (merge->keep_id),
                                                 "checks",
                                                 wb_json_strv_node ((const char * const *)
                                                                    checks->pdata),
                                                 "reason", string_node (merge->reason),
                                                 NULL));
    }
  json_node_take_array (node, list);
  return node;
}

GPtrArray *
wb_engagement_get_audit (WbEngagement *self)
{
  return self->audit;
}

/* ---- where it stands ---- */

static gboolean
has_role (WbEngagement *self, WbRole role)
{
  for (guint i = 0; i < self->people->len; i++)
    if (((WbPerson *) self->people->pdata[i])->role == role)
      return TRUE;
  return FALSE;
}

static gboolean
all_enabled_have_run (WbEngagement *self)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (self->enabled) == 0)
    return FALSE;
  g_hash_table_iter_init (&iter, self->enabled);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->plugins_run, key))
      return FALSE;
  return TRUE;
}

WbStage
wb_engagement_get_stage (WbEngagement *self)
{
  if (self->company == NULL || !wb_agreement_is_signed (self->agreement))
    return WB_STAGE_PREPARE;
  if (!all_enabled_have_run (self))
    return WB_STAGE_SCAN;
  return WB_STAGE_REVIEW;
}

GPtrArray *
wb_engagement_get_missing (WbEngagement *self)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  if (self->company == NULL)
    g_ptr_array_add (missing, g_strdup (_("The company's details")));
  if (!has_role (self, WB_ROLE_STUDENT))
    g_ptr_array_add (missing, g_strdup (_("At least one team member")));
  if (!has_role (self, WB_ROLE_TEACHER))
    g_ptr_array_add (missing, g_strdup (_("The supervising teacher")));
  if (!wb_agreement_is_signed (self->agreement))
    {
      g_autoptr(GPtrArray) agreement = wb_agreement_get_missing (self->agreement);

      for (guint i = 0; i < agreement->len; i++)
        g_ptr_array_add (missing, g_strdup_printf (_("Agreement: %s"),
                                                   (char *) agreement->pdata[i]));
      g_ptr_array_add (missing, g_strdup (_("The signed agreement")));
    }
  if (g_hash_table_size (self->enabled) == 0)
    g_ptr_array_add (missing, g_strdup (_("At least one plugin switched on")));
  g_hash_table_iter_init (&iter, self->enabled);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->plugins_run, key))
      g_ptr_array_add (missing, g_strdup_printf (_("A run of plugin %s"), (char *) key));
  return missing;
}

/* ---- data inventory ---- */

void
wb_data_category_free (WbDataCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->id);
  g_free (category->label);
  g_free (category);
}

static void
add_category (GPtrArray *list, const char *id, char *label, guint64 count, guint64 bytes,
              gboolean personal)
{
  WbDataCategory *category;

  if (count == 0)
    {
      g_free (label);
      return;
    }
  category = g_new0 (WbDataCategory, 1);
  category->id = g_strdup (id);
  category->label = label;
  category->count = count;
  category->bytes = bytes;
  category->personal = personal;
  g_ptr_array_add (list, category);
}

static guint64
json_size (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  gsize length = 0;
  g_autofree char *text = NULL;

  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, &length);
  return length;
}

static void
add_plugin_categories (WbEngagement *self, GPtrArray *list)
{
  g_autoptr(GList) ids = g_hash_table_get_keys (self->plugin_data);

  ids = g_list_sort (ids, (GCompareFunc) g_strcmp0);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonObject *data = g_hash_table_lookup (self->plugin_data, l->data);
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), data);
      g_autofree char *id = g_strdup_printf ("plugin:%s", (char *) l->data);

      /* Answers and scan results can name staff or hold their answers: personal. */
      add_category (list, id, g_strdup_printf (_("Results of %s (answers, scan data)"),
                                               (char *) l->data),
                    json_object_get_size (data), json_size (node), TRUE);
    }
}

static void
add_attachment_category (WbEngagement *self, GPtrArray *list)
{
  g_autoptr(GPtrArray) attachments = wb_vault_list_attachments (self->vault);
  guint64 bytes = 0;

  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    bytes += ((WbAttachmentInfo *) attachments->pdata[i])->size;
  add_category (list, "attachments", g_strdup (_("Attachments (photos, captures, files)")),
                attachments ? attachments->len : 0, bytes, TRUE);
}

static gboolean
agreement_recorded (WbAgreement *agreement)
{
  const WbClauseInfo *clauses = wb_agreement_get_clauses ();

  if (!wb_scope_is_empty (wb_agreement_get_scope (agreement)))
    return TRUE;
  for (guint i = 0; clauses[i].id != NULL; i++)
    if (wb_agreement_get_clause (agreement, clauses[i].id) != NULL)
      return TRUE;
  return FALSE;
}

GPtrArray *
wb_engagement_get_data_inventory (WbEngagement *self)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_data_category_free);
  g_autoptr(JsonNode) findings = wb_engagement_findings_to_json (self);
  g_autoptr(JsonNode) agreement = wb_agreement_to_json (self->agreement);

  if (self->company != NULL)
    {
      g_autoptr(JsonNode) company = wb_company_to_json (self->company);

      /* A sole trader's company details are personal data. */
      add_category (list, "company", g_strdup (_("Company details")), 1,
                    json_size (company), self->company->size == WB_SIZE_MICRO);
    }
  add_category (list, "people", g_strdup (_("Names and contact details of people")),
                self->people->len, self->people->len * 64, TRUE);
  add_category (list, "agreement", g_strdup (_("The agreement and its scope")),
                agreement_recorded (self->agreement) ? 1 : 0,
                json_size (agreement), FALSE);
  add_plugin_categories (self, list);
  add_category (list, "findings", g_strdup (_("Findings and advice")), self->findings->len,
                json_size (findings), FALSE);
  add_attachment_category (self, list);
  add_category (list, "audit", g_strdup (_("Audit trail (who changed what, and when)")),
                self->audit->len, self->audit->len * 96, TRUE);
  return list;
}

JsonNode *
wb_engagement_findings_to_json (WbEngagement *self)
{
  JsonArray *list = json_array_new ();
  JsonNode *list_node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < self->findings->len; i++)
    json_array_add_element (list, wb_finding_to_json (self->findings->pdata[i]));
  json_node_take_array (list_node, list);
  return object_node ("format", string_node ("werkbank-findings-1"),
                      "findings", list_node, "merges", merges_to_json (self), NULL);
}

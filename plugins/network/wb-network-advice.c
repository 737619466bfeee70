/* wb-network-advice.c — the advice texts of the network checks, from advice.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "wb-network-advice.h"
#include "wb-util-private.h"

static const char * const check_ids[] = {
  "network.telnet-open",
  "network.ftp-anonymous",
  "network.ftp-open",
  "network.smbv1",
  "network.rdp-exposed",
  "network.vnc-open",
  "network.database-exposed",
  "network.snmp-public",
  "network.upnp-exposed",
  "network.admin-web-page",
  "network.tls-old",
  "network.tls-cert-expired",
  "network.tls-cert-self-signed",
  "network.scan-incomplete",
  NULL
};

const char * const *
wb_network_check_ids (void)
{
  return check_ids;
}

static void
check_free (WbNetworkCheck *check)
{
  g_free (check->check_id);
  g_free (check->title);
  g_free (check->severity_reason);
  g_clear_pointer (&check->advice, wb_advice_free);
  g_free (check);
}

/* Reads one enum member through the core's public string conversions. */
static gboolean
get_enum (JsonObject *object, const char *what, const char *member,
          gboolean (*from_string) (const char *, int *), int *out, GError **error)
{
  g_autofree char *text = NULL;

  if (!wb_json_get_string (object, what, member, TRUE, &text, error))
    return FALSE;
  if (!from_string (text, out))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: “%s” is not a valid value for “%s”."), what, text, member);
      return FALSE;
    }
  return TRUE;
}

static WbNetworkCheck *
check_from_json (const char *check_id, JsonNode *node, GError **error)
{
  static const char * const members[] = {
    "title", "severity", "severity_reason", "confidence", "risk", "step", "owner",
    "priority", "effort", "solution", "references", NULL
  };
  g_autoptr(GError) local = NULL;
  WbNetworkCheck *check = g_new0 (WbNetworkCheck, 1);
  JsonObject *object = wb_json_get_object (node, check_id, &local);
  int severity = 0, confidence = 0, owner = 0, priority = 0, solution = 0;
  gint64 effort = 0;

  check->check_id = g_strdup (check_id);
  check->advice = wb_advice_new ();
  if (object == NULL ||
      !wb_json_check_members (object, check_id, members, &local) ||
      !wb_json_get_string (object, check_id, "title", TRUE, &check->title, &local) ||
      !get_enum (object, check_id, "severity", (gpointer) wb_severity_from_string,
                 &severity, &local) ||
      !wb_json_get_string (object, check_id, "severity_reason", TRUE,
                           &check->severity_reason, &local) ||
      !get_enum (object, check_id, "confidence", (gpointer) wb_confidence_from_string,
                 &confidence, &local) ||
      !wb_json_get_string (object, check_id, "risk", TRUE, &check->advice->risk, &local) ||
      !wb_json_get_string (object, check_id, "step", TRUE, &check->advice->step, &local) ||
      !get_enum (object, check_id, "owner", (gpointer) wb_owner_from_string, &owner,
                 &local) ||
      !get_enum (object, check_id, "priority", (gpointer) wb_priority_from_string,
                 &priority, &local) ||
      !wb_json_get_int (object, check_id, "effort", TRUE, &effort, &local) ||
      !get_enum (object, check_id, "solution", (gpointer) wb_solution_from_string,
                 &solution, &local) ||
      !wb_json_get_strv (object, check_id, "references", TRUE, &check->advice->references,
                         &local))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      check_free (check);
      return NULL;
    }
  if (effort < 1 || effort > 3 || *check->title == '\0' || *check->advice->step == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: needs a title and a step, and an effort of 1, 2 or 3."), check_id);
      check_free (check);
      return NULL;
    }
  check->severity = severity;
  check->confidence = confidence;
  check->advice->owner = owner;
  check->advice->priority = priority;
  check->advice->effort = effort;
  check->advice->solution = solution;
  return check;
}

static gboolean
load_checks (JsonNode *root, GHashTable *table, GError **error)
{
  static const char * const members[] = { "version", "checks", NULL };
  JsonObject *object = wb_json_get_object (root, "advice", error);
  JsonObject *checks;
  g_autoptr(GList) names = NULL;
  gint64 version = 0;

  if (object == NULL || !wb_json_check_members (object, "advice", members, error) ||
      !wb_json_get_int (object, "advice", "version", TRUE, &version, error))
    return FALSE;
  if (version != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("version %d is not known (expected 1)."), (int) version);
      return FALSE;
    }
  checks = wb_json_get_object (json_object_get_member (object, "checks"), "checks", error);
  if (checks == NULL)
    return FALSE;
  names = json_object_get_members (checks);
  for (GList *l = names; l != NULL; l = l->next)
    {
      WbNetworkCheck *check;

      if (!g_strv_contains (check_ids, l->data))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not a check of the network plugin."), (char *) l->data);
          return FALSE;
        }
      check = check_from_json (l->data, json_object_get_member (checks, l->data), error);
      if (check == NULL)
        return FALSE;
      g_hash_table_replace (table, check->check_id, check);
    }
  for (guint i = 0; check_ids[i] != NULL; i++)
    if (!g_hash_table_contains (table, check_ids[i]))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("the advice for “%s” is missing."), check_ids[i]);
        return FALSE;
      }
  return TRUE;
}

GHashTable *
wb_network_advice_load_data (const char *data, gssize len, const char *name, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) table =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) check_free);
  g_autoptr(GError) local = NULL;

  if (!json_parser_load_from_data (parser, data, len, &local) ||
      !load_checks (json_parser_get_root (parser), table, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The network plugin's advice file %s is broken: %s"), name,
                   local->message);
      return NULL;
    }
  return g_steal_pointer (&table);
}

GHashTable *
wb_network_advice_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GError) local = NULL;

  if (!g_file_get_contents (path, &data, &len, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The network plugin's advice file %s cannot be read: %s"), path,
                   local->message);
      return NULL;
    }
  return wb_network_advice_load_data (data, len, path, error);
}

WbFinding *
wb_network_check_new_finding (const WbNetworkCheck *check)
{
  WbFinding *finding = wb_finding_new (check->check_id, _(check->title), check->severity);
  g_autoptr(WbAdvice) advice = wb_advice_copy (check->advice);

  /* The content file is English source; gettext gives the reader's language. */
  g_free (advice->risk);
  advice->risk = g_strdup (_(check->advice->risk));
  g_free (advice->step);
  advice->step = g_strdup (_(check->advice->step));
  wb_finding_set_severity (finding, check->severity, _(check->severity_reason));
  wb_finding_set_confidence (finding, check->confidence);
  wb_finding_set_advice (finding, advice);
  return finding;
}

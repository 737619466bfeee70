/* wb-condition.c — the small, safe condition language of questionnaire content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "wb-condition.h"
#include "wb-util-private.h"

#define MAX_DEPTH 8 /* content is input like any other: no unbounded recursion */

void
wb_condition_free (WbCondition *condition)
{
  if (condition == NULL)
    return;
  g_free (condition->question);
  g_strfreev (condition->values);
  g_clear_pointer (&condition->children, g_ptr_array_unref);
  g_free (condition->path);
  g_free (condition);
}

static void
set_invalid (GError **error, const char *path, const char *problem)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* TRANSLATORS: "In rules[2].when: ..." */
               _("In %s: %s"), path, problem);
}

static WbCondition *parse_node (JsonNode *node, const char *path, guint depth,
                                GError **error);

static gboolean
parse_children (WbCondition *condition, JsonObject *object, const char *member,
                guint depth, GError **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (array = json_node_get_array (node)) == 0)
    {
      set_invalid (error, condition->path, _("“all” and “any” need a non-empty list of "
                                             "conditions."));
      return FALSE;
    }
  condition->children = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_condition_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *child_path = g_strdup_printf ("%s.%s[%u]", condition->path,
                                                     member, i);
      WbCondition *child = parse_node (json_array_get_element (array, i), child_path,
                                       depth + 1, error);

      if (child == NULL)
        return FALSE;
      g_ptr_array_add (condition->children, child);
    }
  return TRUE;
}

static gboolean
parse_values (WbCondition *condition, JsonObject *object, const char *member,
              GError **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *values[] = { json_node_get_string (node), NULL };

      condition->values = g_strdupv ((char **) values);
      return TRUE;
    }
  if (!wb_json_get_strv (object, condition->path, member, TRUE, &condition->values, error))
    return FALSE;
  if (condition->values[0] == NULL)
    {
      set_invalid (error, condition->path, _("the list of values is empty."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_leaf (WbCondition *condition, JsonObject *object, GError **error)
{
  static const char * const allowed[] = { "question", "is", "is_not", "at_least", NULL };
  guint n_tests = json_object_has_member (object, "is") +
                  json_object_has_member (object, "is_not") +
                  json_object_has_member (object, "at_least");

  if (!wb_json_check_members (object, condition->path, allowed, error) ||
      !wb_json_get_string (object, condition->path, "question", TRUE,
                           &condition->question, error))
    return FALSE;
  if (n_tests != 1)
    {
      set_invalid (error, condition->path, _("give exactly one of “is”, “is_not” and "
                                             "“at_least”."));
      return FALSE;
    }
  if (json_object_has_member (object, "is"))
    {
      condition->kind = WB_CONDITION_IS;
      return parse_values (condition, object, "is", error);
    }
  if (json_object_has_member (object, "is_not"))
    {
      condition->kind = WB_CONDITION_IS_NOT;
      return parse_values (condition, object, "is_not", error);
    }
  condition->kind = WB_CONDITION_AT_LEAST;
  {
    JsonNode *node = json_object_get_member (object, "at_least");
    GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_NONE;

    if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
      {
        set_invalid (error, condition->path, _("“at_least” must be a number."));
        return FALSE;
      }
    condition->number = json_node_get_double (node);
  }
  return TRUE;
}

static WbCondition *
parse_node (JsonNode *node, const char *path, guint depth, GError **error)
{
  g_autoptr(WbCondition) condition = g_new0 (WbCondition, 1);
  JsonObject *object;

  condition->path = g_strdup (path);
  if (depth > MAX_DEPTH)
    {
      set_invalid (error, path, _("conditions are nested too deeply."));
      return NULL;
    }
  if ((object = wb_json_get_object (node, path, error)) == NULL)
    return NULL;
  if (json_object_has_member (object, "all") || json_object_has_member (object, "any"))
    {
      const char *member = json_object_has_member (object, "all") ? "all" : "any";

      if (json_object_get_size (object) != 1)
        {
          set_invalid (error, path, _("“all” or “any” must stand alone in its object."));
          return NULL;
        }
      condition->kind = g_str_equal (member, "all") ? WB_CONDITION_ALL : WB_CONDITION_ANY;
      if (!parse_children (condition, object, member, depth, error))
        return NULL;
      return g_steal_pointer (&condition);
    }
  if (!parse_leaf (condition, object, error))
    return NULL;
  return g_steal_pointer (&condition);
}

WbCondition *
wb_condition_parse (JsonNode *node, const char *path, GError **error)
{
  return parse_node (node, path, 0, error);
}

void
wb_condition_collect_leaves (WbCondition *condition, GPtrArray *leaves)
{
  if (condition->children == NULL)
    {
      g_ptr_array_add (leaves, condition);
      return;
    }
  for (guint i = 0; i < condition->children->len; i++)
    wb_condition_collect_leaves (g_ptr_array_index (condition->children, i), leaves);
}

static gboolean
value_in (JsonNode *value, const char * const *values)
{
  if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    return FALSE;
  return g_strv_contains (values, json_node_get_string (value));
}

static gboolean
evaluate_leaf (const WbCondition *condition, JsonNode *value)
{
  GType type;

  if (value == NULL)
    return FALSE;
  switch (condition->kind)
    {
    case WB_CONDITION_IS:
      return value_in (value, (const char * const *) condition->values);
    case WB_CONDITION_IS_NOT:
      return !value_in (value, (const char * const *) condition->values);
    case WB_CONDITION_AT_LEAST:
      type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_NONE;
      return (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE) &&
             json_node_get_double (value) >= condition->number;
    case WB_CONDITION_ALL:
    case WB_CONDITION_ANY:
    default:
      g_assert_not_reached ();
    }
}

gboolean
wb_condition_evaluate (const WbCondition *condition,
                       WbConditionLookup  lookup,
                       gpointer           user_data)
{
  if (condition->kind == WB_CONDITION_ALL || condition->kind == WB_CONDITION_ANY)
    {
      gboolean want = condition->kind == WB_CONDITION_ANY;

      for (guint i = 0; i < condition->children->len; i++)
        if (wb_condition_evaluate (g_ptr_array_index (condition->children, i), lookup,
                                   user_data) == want)
          return want;
      return !want;
    }
  return evaluate_leaf (condition, lookup (condition->question, user_data));
}

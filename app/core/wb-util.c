/* wb-util.c — small shared helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <gcrypt.h>

#include "wb-util-private.h"

const char *
wb_enum_to_id (const WbEnumEntry *table, int value)
{
  for (; table->id != NULL; table++)
    if (table->value == value)
      return table->id;
  return NULL;
}

const char *
wb_enum_to_label (const WbEnumEntry *table, int value)
{
  for (; table->id != NULL; table++)
    if (table->value == value)
      return _(table->label);
  return NULL;
}

gboolean
wb_enum_from_id (const WbEnumEntry *table, const char *id, int *out)
{
  if (id == NULL)
    return FALSE;
  for (; table->id != NULL; table++)
    if (g_str_equal (table->id, id))
      {
        *out = table->value;
        return TRUE;
      }
  return FALSE;
}

static void
set_invalid (GError **error, const char *what, const char *member, const char *expected)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* TRANSLATORS: "In company: "kvk" must be text." */
               _("In %s: “%s” must be %s."), what, member, expected);
}

JsonObject *
wb_json_get_object (JsonNode *node, const char *what, GError **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: expected a JSON object."), what);
      return NULL;
    }
  return json_node_get_object (node);
}

gboolean
wb_json_check_members (JsonObject         *object,
                       const char         *what,
                       const char * const *allowed,
                       GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("In %s: unknown field “%s”."), what, (const char *) l->data);
          return FALSE;
        }
    }
  return TRUE;
}

static JsonNode *
get_member (JsonObject *object, const char *what, const char *member, gboolean required,
            GError **error, gboolean *missing)
{
  JsonNode *node = json_object_get_member (object, member);

  *missing = (node == NULL || JSON_NODE_HOLDS_NULL (node));
  if (*missing && required)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("In %s: the field “%s” is missing."), what, member);
  return *missing ? NULL : node;
}

gboolean
wb_json_get_string (JsonObject *object, const char *what, const char *member,
                    gboolean required, char **out, GError **error)
{
  gboolean missing;
  JsonNode *node = get_member (object, what, member, required, error, &missing);

  if (missing)
    return !required;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_invalid (error, what, member, _("text"));
      return FALSE;
    }
  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      set_invalid (error, what, member, _("valid UTF-8 text"));
      return FALSE;
    }
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
wb_json_get_int (JsonObject *object, const char *what, const char *member,
                 gboolean required, gint64 *out, GError **error)
{
  gboolean missing;
  JsonNode *node = get_member (object, what, member, required, error, &missing);

  if (missing)
    return !required;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      set_invalid (error, what, member, _("a whole number"));
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
wb_json_get_bool (JsonObject *object, const char *what, const char *member,
                  gboolean required, gboolean *out, GError **error)
{
  gboolean missing;
  JsonNode *node = get_member (object, what, member, required, error, &missing);

  if (missing)
    return !required;
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      set_invalid (error, what, member, _("true or false"));
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
wb_json_get_strv (JsonObject *object, const char *what, const char *member,
                  gboolean required, GStrv *out, GError **error)
{
  gboolean missing;
  JsonNode *node = get_member (object, what, member, required, error, &missing);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (missing)
    return !required;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_invalid (error, what, member, _("a list of texts"));
      return FALSE;
    }
  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (json_node_get_value_type (item) != G_TYPE_STRING ||
          !g_utf8_validate (json_node_get_string (item), -1, NULL))
        {
          set_invalid (error, what, member, _("a list of texts"));
          return FALSE;
        }
      g_strv_builder_add (builder, json_node_get_string (item));
    }
  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
wb_json_get_enum (JsonObject *object, const char *what, const char *member,
                  const WbEnumEntry *table, gboolean required, int *out, GError **error)
{
  g_autofree char *text = NULL;

  if (!wb_json_get_string (object, what, member, required, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!wb_enum_from_id (table, text, out))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("In %s: “%s” is not a known value for “%s”."), what, text, member);
      return FALSE;
    }
  return TRUE;
}

JsonNode *
wb_json_strv_node (const char * const *strv)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  json_node_take_array (node, array);
  return node;
}

char *
wb_random_hex (gsize n_bytes)
{
  g_autofree guint8 *bytes = g_malloc (n_bytes);
  GString *hex = g_string_sized_new (n_bytes * 2);

  gcry_create_nonce (bytes, n_bytes);
  for (gsize i = 0; i < n_bytes; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  return g_string_free (hex, FALSE);
}

char *
wb_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* wb-util-private.h — small shared helpers only the core sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One row of an enum's table: its stable id (stored in files) and its label
 * (marked with N_() and translated on lookup). Tables end with a NULL id. */
typedef struct {
  int         value;
  const char *id;
  const char *label;
} WbEnumEntry;

const char *wb_enum_to_id (const WbEnumEntry *table, int value);
const char *wb_enum_to_label (const WbEnumEntry *table, int value);
gboolean    wb_enum_from_id (const WbEnumEntry *table, const char *id, int *out);

/* Strict JSON reading: files from disk or from another Werkbank are input like any
 * other, so every member is checked for presence and type and unknown members are
 * refused. @what names the object in error messages ("company", "finding"). */
JsonObject *wb_json_get_object (JsonNode *node, const char *what, GError **error);
gboolean    wb_json_check_members (JsonObject         *object,
                                   const char         *what,
                                   const char * const *allowed,
                                   GError            **error);
/* Each returns FALSE with an error if the member has the wrong type; a missing member
 * is an error only when @required. Missing optional members leave *out untouched. */
gboolean    wb_json_get_string (JsonObject *object, const char *what, const char *member,
                                gboolean required, char **out, GError **error);
gboolean    wb_json_get_int (JsonObject *object, const char *what, const char *member,
                             gboolean required, gint64 *out, GError **error);
gboolean    wb_json_get_bool (JsonObject *object, const char *what, const char *member,
                              gboolean required, gboolean *out, GError **error);
gboolean    wb_json_get_strv (JsonObject *object, const char *what, const char *member,
                              gboolean required, GStrv *out, GError **error);
gboolean    wb_json_get_enum (JsonObject *object, const char *what, const char *member,
                              const WbEnumEntry *table, gboolean required, int *out,
                              GError **error);
JsonNode   *wb_json_strv_node (const char * const *strv);

/* A random identifier of @n_bytes as lower-case hex (from libgcrypt's nonce pool). */
char       *wb_random_hex (gsize n_bytes);
/* Current time as ISO 8601 UTC with seconds ("2026-11-25T10:00:00Z"). */
char       *wb_now_iso8601 (void);

G_END_DECLS

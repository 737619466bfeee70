/* wb-delta.c — what changed since the previous scan of the same company
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wb-delta.h"
#include "wb-util-private.h"

G_DEFINE_QUARK (wb-delta-error-quark, wb_delta_error)

static const WbEnumEntry status_table[] = {
  { WB_DELTA_NEW, "new", N_("New") },
  { WB_DELTA_STILL_OPEN, "still-open", N_("Still open") },
  { WB_DELTA_FIXED, "fixed", N_("Fixed") },
  { 0, NULL, NULL },
};

const char *
wb_delta_status_to_string (WbDeltaStatus status)
{
  return wb_enum_to_id (status_table, status);
}

const char *
wb_delta_status_get_label (WbDeltaStatus status)
{
  return wb_enum_to_label (status_table, status);
}

void
wb_delta_item_free (WbDeltaItem *item)
{
  if (item == NULL)
    return;
  g_free (item->check_id);
  g_free (item->asset);
  g_free (item->title);
  g_free (item);
}

/* Same company: the KvK number when both have one (names change, numbers do not);
 * otherwise the name, ignoring case and surrounding space. */
static gboolean
same_company (WbEngagement *current, WbEngagement *previous, GError **error)
{
  const WbCompany *a = wb_engagement_get_company (current);
  const WbCompany *b = wb_engagement_get_company (previous);
  g_autofree char *name_a = NULL;
  g_autofree char *name_b = NULL;

  if (a == NULL || b == NULL || a->name == NULL || b->name == NULL)
    {
      g_set_error (error, WB_DELTA_ERROR, WB_DELTA_ERROR_NO_COMPANY,
                   _("Both engagements need the company's details to compare them."));
      return FALSE;
    }
  if (a->kvk != NULL && *a->kvk != '\0' && b->kvk != NULL && *b->kvk != '\0')
    {
      if (g_str_equal (a->kvk, b->kvk))
        return TRUE;
    }
  else
    {
      g_autofree char *trimmed_a = g_strstrip (g_strdup (a->name));
      g_autofree char *trimmed_b = g_strstrip (g_strdup (b->name));

      name_a = g_utf8_casefold (trimmed_a, -1);
      name_b = g_utf8_casefold (trimmed_b, -1);
      if (g_str_equal (name_a, name_b))
        return TRUE;
    }
  g_set_error (error, WB_DELTA_ERROR, WB_DELTA_ERROR_OTHER_COMPANY,
               _("The previous engagement is of another company (%s, not %s)."),
               b->name, a->name);
  return FALSE;
}

/* check id + asset → the finding's title, one entry per asset. */
static GHashTable *
index_findings (WbEngagement *engagement)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *findings = wb_engagement_get_findings (engagement);

  for (guint i = 0; i < findings->len; i++)
    {
      WbFinding *finding = g_ptr_array_index (findings, i);
      const char * const *assets = wb_finding_get_assets (finding);
      const char *check_id = wb_finding_get_check_id (finding);
      const char *title = wb_finding_get_title (finding);

      if (assets == NULL || assets[0] == NULL)
        g_hash_table_replace (index, g_strconcat (check_id, "\n", NULL), g_strdup (title));
      for (guint j = 0; assets != NULL && assets[j] != NULL; j++)
        g_hash_table_replace (index, g_strconcat (check_id, "\n", assets[j], NULL),
                              g_strdup (title));
    }
  return index;
}

static void
add_item (GPtrArray *items, WbDeltaStatus status, const char *key, const char *title)
{
  WbDeltaItem *item = g_new0 (WbDeltaItem, 1);
  const char *newline = strchr (key, '\n');

  item->status = status;
  item->check_id = g_strndup (key, newline - key);
  item->asset = g_strdup (newline + 1);
  item->title = g_strdup (title != NULL ? title : "");
  g_ptr_array_add (items, item);
}

static int
compare_items (gconstpointer a, gconstpointer b)
{
  const WbDeltaItem *x = *(WbDeltaItem * const *) a;
  const WbDeltaItem *y = *(WbDeltaItem * const *) b;
  int order;

  if (x->status != y->status)
    return (int) x->status - (int) y->status;
  order = strcmp (x->check_id, y->check_id);
  return order != 0 ? order : strcmp (x->asset, y->asset);
}

GPtrArray *
wb_delta_compute (WbEngagement *current, WbEngagement *previous, GError **error)
{
  g_autoptr(GHashTable) now = NULL;
  g_autoptr(GHashTable) before = NULL;
  GPtrArray *items;
  GHashTableIter iter;
  gpointer key, title;

  g_return_val_if_fail (WB_IS_ENGAGEMENT (current) && WB_IS_ENGAGEMENT (previous), NULL);

  if (!same_company (current, previous, error))
    return NULL;
  now = index_findings (current);
  before = index_findings (previous);
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_delta_item_free);
  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &key, &title))
    add_item (items, g_hash_table_contains (before, key) ? WB_DELTA_STILL_OPEN : WB_DELTA_NEW,
              key, title);
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &title))
    if (!g_hash_table_contains (now, key))
      add_item (items, WB_DELTA_FIXED, key, title);
  g_ptr_array_sort (items, compare_items);
  return items;
}

void
wb_delta_count (GPtrArray *items, guint *n_new, guint *n_open, guint *n_fixed)
{
  *n_new = *n_open = *n_fixed = 0;
  for (guint i = 0; i < items->len; i++)
    {
      WbDeltaItem *item = g_ptr_array_index (items, i);

      if (item->status == WB_DELTA_NEW)
        (*n_new)++;
      else if (item->status == WB_DELTA_STILL_OPEN)
        (*n_open)++;
      else
        (*n_fixed)++;
    }
}

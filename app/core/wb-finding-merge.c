/* wb-finding-merge.c — recognising and folding findings that say the same thing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wb-finding-merge-private.h"

/* Checks of the network plugin and the access-control plugin that report the same
 * exposed service. Deliberately not paired: network.smbv1 and
 * access-control.smb-reachable (an old SMB dialect is a different problem from a
 * reachable share), and network.ftp-open (plain FTP) with the anonymous login check.
 * docs/engagement-format.md lists this table. */
static const struct {
  const char *check_id;
  const char *key;
} equivalent_checks[] = {
  { "network.telnet-open", "telnet" },
  { "access-control.telnet-open", "telnet" },
  { "network.ftp-anonymous", "ftp-anonymous" },
  { "access-control.anonymous-ftp", "ftp-anonymous" },
  { "network.snmp-public", "snmp-public" },
  { "access-control.snmp-public", "snmp-public" },
  { "network.rdp-exposed", "rdp" },
  { "access-control.rdp-reachable", "rdp" },
  { "network.vnc-open", "vnc" },
  { "access-control.vnc-reachable", "vnc" },
  { "network.database-exposed", "database" },
  { "access-control.database-reachable", "database" },
  { "network.admin-web-page", "admin-page" },
  { "access-control.admin-page", "admin-page" },
};

const char *
wb_merge_check_key (const char *check_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (equivalent_checks); i++)
    if (g_strcmp0 (equivalent_checks[i].check_id, check_id) == 0)
      return equivalent_checks[i].key;
  return NULL;
}

static gboolean
is_port (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

static char *
uri_host (const char *asset)
{
  g_autoptr(GUri) uri = g_uri_parse (asset, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return NULL;
  return g_ascii_strdown (g_uri_get_host (uri), -1);
}

char *
wb_merge_asset_host (const char *asset)
{
  const char *colon;
  const char *end;

  if (asset == NULL || *asset == '\0')
    return NULL;
  if (strstr (asset, "://") != NULL)
    {
      char *host = uri_host (asset);

      if (host != NULL)
        return host;
    }
  /* "[fe80::1]:443": the brackets hold the address. */
  if (asset[0] == '[' && (end = strchr (asset, ']')) != NULL)
    return g_ascii_strdown (asset + 1, end - asset - 1);
  /* One colon followed by digits is a port; more colons make a bare IPv6 address. */
  colon = strrchr (asset, ':');
  if (colon != NULL && colon == strchr (asset, ':') && is_port (colon + 1))
    return g_ascii_strdown (asset, colon - asset);
  return g_ascii_strdown (asset, -1);
}

GStrv
wb_merge_finding_hosts (WbFinding *finding)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  const char * const *assets = wb_finding_get_assets (finding);

  for (guint i = 0; assets[i] != NULL; i++)
    {
      char *host = wb_merge_asset_host (assets[i]);

      if (host == NULL || g_ptr_array_find_with_equal_func (seen, host, g_str_equal, NULL))
        {
          g_free (host);
          continue;
        }
      g_strv_builder_add (builder, host);
      g_ptr_array_add (seen, host);
    }
  return g_strv_builder_end (builder);
}

gboolean
wb_merge_hosts_overlap (const char * const *a, const char * const *b)
{
  for (guint i = 0; a[i] != NULL; i++)
    if (g_strv_contains (b, a[i]))
      return TRUE;
  return FALSE;
}

gboolean
wb_merge_is_same (WbFinding *absorbed, WbFinding *candidate)
{
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;

  if (g_strcmp0 (wb_finding_get_plugin_id (absorbed), wb_finding_get_plugin_id (candidate)) != 0 ||
      g_strcmp0 (wb_finding_get_check_id (absorbed), wb_finding_get_check_id (candidate)) != 0)
    return FALSE;
  a = wb_merge_finding_hosts (absorbed);
  b = wb_merge_finding_hosts (candidate);
  if (a[0] == NULL && b[0] == NULL)
    return TRUE;
  return wb_merge_hosts_overlap ((const char * const *) a, (const char * const *) b);
}

void
wb_merge_fold (WbFinding *keep, WbFinding *other)
{
  const char * const *assets = wb_finding_get_assets (other);
  const char * const *evidence = wb_finding_get_evidence (other);

  for (guint i = 0; assets[i] != NULL; i++)
    {
      g_auto(GStrv) hosts = wb_merge_finding_hosts (keep);
      g_autofree char *host = wb_merge_asset_host (assets[i]);

      /* "198.18.0.20" already covers "198.18.0.20:3389": one host, one line. */
      if (g_strv_contains (wb_finding_get_assets (keep), assets[i]) ||
          (host != NULL && g_strv_contains ((const char * const *) hosts, host)))
        continue;
      wb_finding_add_asset (keep, assets[i]);
    }
  for (guint i = 0; evidence[i] != NULL; i++)
    if (!g_strv_contains (wb_finding_get_evidence (keep), evidence[i]))
      wb_finding_add_evidence (keep, evidence[i]);
}

/* ---- suggestions ---- */

static guint
find_root (guint *parent, guint i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

static gboolean
are_duplicates (WbFinding *a, WbFinding *b, GStrv hosts_a, GStrv hosts_b)
{
  const char *key_a = wb_merge_check_key (wb_finding_get_check_id (a));

  /* A plugin does not double its own findings; only another plugin's view can. */
  if (key_a == NULL ||
      g_strcmp0 (key_a, wb_merge_check_key (wb_finding_get_check_id (b))) != 0 ||
      g_strcmp0 (wb_finding_get_plugin_id (a), wb_finding_get_plugin_id (b)) == 0)
    return FALSE;
  return wb_merge_hosts_overlap ((const char * const *) hosts_a,
                                 (const char * const *) hosts_b);
}

/* The one to keep first: the worst severity (merging must not hide it), then the one
 * that covers most assets, then the one found first. */
static gint
compare_keep (gconstpointer pa, gconstpointer pb, gpointer user_data)
{
  GPtrArray *findings = user_data;
  guint ia = *(const guint *) pa, ib = *(const guint *) pb;
  WbFinding *a = findings->pdata[ia], *b = findings->pdata[ib];
  guint na = g_strv_length ((char **) wb_finding_get_assets (a));
  guint nb = g_strv_length ((char **) wb_finding_get_assets (b));

  if (wb_finding_get_severity (a) != wb_finding_get_severity (b))
    return wb_finding_get_severity (a) > wb_finding_get_severity (b) ? -1 : 1;
  if (na != nb)
    return na > nb ? -1 : 1;
  return ia < ib ? -1 : (ia > ib ? 1 : 0);
}

static GStrv
group_ids (GPtrArray *findings, GArray *members)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_array_sort_with_data (members, compare_keep, findings);
  for (guint i = 0; i < members->len; i++)
    g_strv_builder_add (builder,
                        wb_finding_get_id (findings->pdata[g_array_index (members, guint, i)]));
  return g_strv_builder_end (builder);
}

GPtrArray *
wb_merge_find_groups (GPtrArray *findings)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree guint *parent = g_new (guint, findings->len + 1);
  g_autoptr(GPtrArray) hosts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < findings->len; i++)
    {
      parent[i] = i;
      g_ptr_array_add (hosts, wb_merge_finding_hosts (findings->pdata[i]));
    }
  for (guint i = 0; i < findings->len; i++)
    for (guint j = i + 1; j < findings->len; j++)
      if (are_duplicates (findings->pdata[i], findings->pdata[j], hosts->pdata[i],
                          hosts->pdata[j]))
        parent[find_root (parent, j)] = find_root (parent, i);
  /* Each root collects its members, in the order found. */
  for (guint i = 0; i < findings->len; i++)
    {
      g_autoptr(GArray) members = NULL;

      if (find_root (parent, i) != i)
        continue;
      members = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint j = 0; j < findings->len; j++)
        if (find_root (parent, j) == i)
          g_array_append_val (members, j);
      if (members->len > 1)
        g_ptr_array_add (groups, group_ids (findings, members));
    }
  return groups;
}

/* findings-fixture.c — gives an engagement the access-control plugin's automated
 * findings for the services its network findings name, as the access checks would
 * report them in the lab (one finding per host and port). The findings tests use it to
 * have real duplicates without sending packets.
 *
 * Usage: findings-fixture FILE (passphrase in $WERKBANK_PASSPHRASE)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "wb-engagement.h"
#include "wb-init.h"

static const struct {
  const char *network_check;
  const char *access_check;
  guint       port;
  const char *title;
} services[] = {
  { "network.telnet-open", "access-control.telnet-open", 23, "Telnet is open" },
  { "network.admin-web-page", "access-control.admin-page", 80,
    "A device's admin page is reachable" },
  { "network.ftp-anonymous", "access-control.anonymous-ftp", 21, "Anonymous FTP" },
  { "network.rdp-exposed", "access-control.rdp-reachable", 3389, "RDP is reachable" },
};

static void
add_access_findings (WbFinding *network, GPtrArray *run)
{
  for (guint s = 0; s < G_N_ELEMENTS (services); s++)
    {
      const char * const *assets = wb_finding_get_assets (network);

      if (g_strcmp0 (wb_finding_get_check_id (network), services[s].network_check) != 0)
        continue;
      for (guint a = 0; assets[a] != NULL; a++)
        {
          WbFinding *access = wb_finding_new (services[s].access_check, services[s].title,
                                              WB_SEVERITY_HIGH);
          g_autofree char *asset = g_strdup_printf ("%s:%u", assets[a], services[s].port);
          g_autofree char *evidence = g_strdup_printf ("%s answers on port %u", assets[a],
                                                       services[s].port);

          wb_finding_set_confidence (access, WB_CONFIDENCE_AUTOMATED);
          wb_finding_add_asset (access, asset);
          wb_finding_add_evidence (access, evidence);
          g_ptr_array_add (run, access);
        }
    }
}

static gboolean
is_automated (WbFinding *finding)
{
  for (guint s = 0; s < G_N_ELEMENTS (services); s++)
    if (g_str_equal (wb_finding_get_check_id (finding), services[s].access_check))
      return TRUE;
  return FALSE;
}

int
main (int argc, char **argv)
{
  g_autoptr(WbEngagement) engagement = NULL;
  g_autoptr(GPtrArray) run = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GPtrArray *findings;
  guint added;

  if (argc != 2 || g_getenv ("WERKBANK_PASSPHRASE") == NULL || !wb_init (&error))
    {
      fprintf (stderr, "usage: WERKBANK_PASSPHRASE=... findings-fixture FILE\n");
      return 2;
    }
  engagement = wb_engagement_open (argv[1], g_getenv ("WERKBANK_PASSPHRASE"), &error);
  if (engagement == NULL)
    {
      fprintf (stderr, "findings-fixture: %s\n", error->message);
      return 3;
    }
  /* A run replaces the plugin's findings: keep the interview's ones. */
  findings = wb_engagement_get_findings (engagement);
  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (wb_finding_get_plugin_id (findings->pdata[i]), "access-control") == 0 &&
        !is_automated (findings->pdata[i]))
      g_ptr_array_add (run, g_object_ref (findings->pdata[i]));
  added = run->len;
  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (wb_finding_get_plugin_id (findings->pdata[i]), "network") == 0)
      add_access_findings (findings->pdata[i], run);
  added = run->len - added;
  if (!wb_engagement_commit_run (engagement, "access-control", run, &error))
    {
      fprintf (stderr, "findings-fixture: %s\n", error->message);
      return 1;
    }
  printf ("added %u access-control findings\n", added);
  return 0;
}

/* wb-access-checks.h — the automated access-control checks that run from the laptop
 *
 * Blocking network code, meant for a worker thread: it touches no engagement data. The
 * caller checks every target against the scope before it gets here, and decides
 * whether the agreement allows active checks at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  WB_ACCESS_ANONYMOUS_FTP,
  WB_ACCESS_TELNET,
  WB_ACCESS_SNMP_PUBLIC,
  WB_ACCESS_RDP,
  WB_ACCESS_SMB,
  WB_ACCESS_VNC,
  WB_ACCESS_DATABASE,
  WB_ACCESS_ADMIN_PAGE,
  WB_ACCESS_N_CHECKS
} WbAccessCheck;

typedef struct {
  WbAccessCheck check;
  char         *address;
  guint         port;
  char         *detail;   /* the banner or what was recognised: evidence */
} WbAccessResult;

void       wb_access_result_free (WbAccessResult *result);

typedef struct {
  char   *address;
  GArray *open_ports; /* of guint; NULL: unknown, probe the usual ports ourselves */
} WbAccessTarget;

void       wb_access_target_free (WbAccessTarget *target);

/* Runs the checks against every target (bounded: a few ports each, short timeouts,
 * a fixed number of threads). Returns WbAccessResults in target order. */
GPtrArray *wb_access_checks_run (GPtrArray *targets, GCancellable *cancellable);

/* The stable id ("access-control.anonymous-ftp") of a check. */
const char *wb_access_check_id (WbAccessCheck check);

G_END_DECLS

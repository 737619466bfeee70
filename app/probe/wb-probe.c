/* wb-probe.c — werkbank-probe: reads one job on stdin, scans, writes events on stdout
 *
 * The only privileged program of Werkbank (design.md §2): it trusts nothing it is
 * given. The job is checked completely, and every target against the scope, before
 * the first packet. Protocol and exit codes: docs/probe-protocol.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "wb-init.h"
#include "wb-probe-events.h"
#include "wb-probe-job.h"
#include "wb-probe-scan.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested = 0;

static void
on_stop_signal (int signum)
{
  stop_requested = 1;
}

static void
install_signals (void)
{
  struct sigaction sa = { 0 };

  sa.sa_handler = on_stop_signal;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGTERM, &sa, NULL);
  sigaction (SIGINT, &sa, NULL);
  /* A reader that went away shows up as a write error; the scan then stops. */
  signal (SIGPIPE, SIG_IGN);
}

/* Reads stdin up to the job size limit (+1 byte, so "too large" can be told). */
static GBytes *
read_job (void)
{
  GByteArray *buf = g_byte_array_new ();
  guint8 chunk[65536];

  for (;;)
    {
      ssize_t n = read (STDIN_FILENO, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_byte_array_append (buf, chunk, (guint) n);
      if (buf->len > WB_PROBE_JOB_MAX_BYTES)
        break;
    }
  return g_byte_array_free_to_bytes (buf);
}

static int
fail (GError *error)
{
  int code = error->domain == WB_PROBE_ERROR ? error->code : WB_PROBE_ERROR_CAPTURE;

  wb_probe_emit_error (wb_probe_error_code (code), error->message, NULL);
  g_error_free (error);
  return wb_probe_error_exit_code (code);
}

int
main (int argc, char **argv)
{
  g_autoptr(WbProbeJob) job = NULL;
  g_autoptr(WbProbeScan) scan = NULL;
  g_autoptr(GBytes) text = NULL;
  GError *error = NULL;
  gsize len;
  const char *data;

  setlocale (LC_ALL, "");
  /* Events are JSON: numbers need a decimal point whatever the user's locale. */
  setlocale (LC_NUMERIC, "C");
  wb_probe_events_init ();
  if (!wb_init (&error))
    return fail (error);
  if (argc > 1)
    {
      g_printerr (_("Usage: werkbank-probe < job.json (see docs/probe-protocol.md)\n"));
      return 2;
    }
  install_signals ();
  text = read_job ();
  data = g_bytes_get_data (text, &len);
  job = wb_probe_job_parse (data != NULL ? data : "", len, &error);
  if (job == NULL)
    return fail (error);
  scan = wb_probe_scan_new (job, &stop_requested, &error);
  if (scan == NULL)
    return fail (error);
  return wb_probe_scan_run (scan);
}

/* test-eol.c — end-of-life data: the curated file, matching, backports, broken files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-eol.h"
#include "wb-init.h"

#include <string.h>

#define TODAY "2026-11-25"

static WbEolData *
load_data (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "eol.json", NULL);
  g_autoptr(GError) error = NULL;
  WbEolData *data = wb_eol_data_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static void
test_file_date (void)
{
  g_autoptr(WbEolData) data = load_data ();

  g_assert_cmpstr (wb_eol_data_get_checked (data), ==, "2026-11-25");
  g_assert_cmpint (wb_eol_data_get_age_days (data, "2026-12-25"), ==, 30);
  g_assert_false (wb_eol_data_is_stale (data, "2027-02-23"));  /* 90 days */
  g_assert_true (wb_eol_data_is_stale (data, "2027-02-24"));   /* 91 days */
  g_assert_cmpint (wb_eol_data_get_age_days (data, "not a date"), ==, -1);
}

/* The starting facts of domain.md, exactly. */
static void
test_domain_dates (void)
{
  static const struct { const char *product, *version, *security_end, *extended_end; } facts[] = {
    { "windows-server", "2012", "2023-10-10", "2026-10-13" },
    { "windows-server", "2012-r2", "2023-10-10", "2026-10-13" },
    { "apache-httpd", "2.2.34", "2017-07-11", NULL },
    { "php", "8.1.31", "2025-12-31", NULL },
    { "php", "8.2.0", "2026-12-31", NULL },
    { "php", "8.3.1", "2027-12-31", NULL },
    { "php", "8.4.2", "2028-12-31", NULL },
    { "mysql", "5.7.44", "2023-10-31", NULL },
    { "mysql", "8.0.36", "2026-04-30", NULL },
    { "mysql", "8.4.3", "2032-04-30", NULL },
    { "mariadb", "10.6.20", "2026-07-06", NULL },
    { "mariadb", "10.11.10", "2028-02-16", NULL },
    { "mariadb", "11.4.4", "2029-05-29", NULL },
    { "exchange", "2013", "2023-04-11", NULL },
    { "exchange", "2016", "2025-10-14", NULL },
    { "exchange", "2019", "2025-10-14", NULL },
    { "office", "2016", "2025-10-14", NULL },
    { "office", "2019", "2025-10-14", NULL },
    { "office", "2021", "2026-10-13", NULL },
    { "fortios", "7.0.15", "2025-09-30", NULL },
    { "fortios", "7.2.10", "2026-09-30", NULL },
    { "fortios", "7.4.5", "2028-11-11", NULL },
    { "openwrt", "23.05.5", "2025-08-16", NULL },
    { "openwrt", "24.10.0", "2026-09-05", NULL },
  };
  static const struct { const char *product; guint build; const char *security_end, *extended_end; } builds[] = {
    { "windows", 7601, "2020-01-14", "2023-01-10" },
    { "windows", 9600, "2023-01-10", NULL },
    { "windows", 19045, "2025-10-14", "2028-10-10" },
    { "windows", 22631, "2025-11-11", NULL },
    { "windows", 26100, "2026-10-13", NULL },
    { "windows", 26200, "2027-10-12", NULL },
    { "windows-server", 9200, "2023-10-10", "2026-10-13" },
    { "windows-server", 14393, "2027-01-12", NULL },
    { "windows-server", 17763, "2029-01-09", NULL },
    { "windows-server", 20348, "2031-10-14", NULL },
    { "windows-server", 26100, "2034-11-14", NULL },
  };
  g_autoptr(WbEolData) data = load_data ();

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      g_autoptr(WbEolMatch) match = wb_eol_data_match_version (data, facts[i].product,
                                                               facts[i].version, TODAY);
      g_test_message ("%s %s", facts[i].product, facts[i].version);
      g_assert_cmpstr (match->security_end, ==, facts[i].security_end);
      g_assert_cmpstr (match->extended_end, ==, facts[i].extended_end);
      g_assert_cmpint (match->status, ==,
                       strcmp (TODAY, facts[i].security_end) > 0 ? WB_EOL_ENDED
                                                                 : WB_EOL_SUPPORTED);
      g_assert_false (match->backported);
    }
  for (guint i = 0; i < G_N_ELEMENTS (builds); i++)
    {
      g_autoptr(WbEolMatch) match = wb_eol_data_match_windows_build (data, builds[i].product,
                                                                     builds[i].build, TODAY);
      g_test_message ("%s %u", builds[i].product, builds[i].build);
      g_assert_cmpstr (match->security_end, ==, builds[i].security_end);
      g_assert_cmpstr (match->extended_end, ==, builds[i].extended_end);
    }
}

static void
test_status_by_day (void)
{
  g_autoptr(WbEolData) data = load_data ();
  g_autoptr(WbEolMatch) before = wb_eol_data_match_version (data, "php", "8.1.0", "2025-12-31");
  g_autoptr(WbEolMatch) after = wb_eol_data_match_version (data, "php", "8.1.0", "2026-01-01");
  g_autoptr(WbEolMatch) win10 = wb_eol_data_match_windows_build (data, "windows", 19045, TODAY);

  g_assert_cmpint (before->status, ==, WB_EOL_SUPPORTED);  /* the last day still counts */
  g_assert_cmpint (after->status, ==, WB_EOL_ENDED);
  g_assert_cmpint (after->confidence, ==, WB_CONFIDENCE_STATED);
  g_assert_cmpstr (after->label, ==, "PHP 8.1");
  /* Ended for free, with the paid extension named in the reason. */
  g_assert_cmpint (win10->status, ==, WB_EOL_ENDED);
  g_assert_nonnull (strstr (win10->reason, "2028-10-10"));
}

static void
test_windows_shared_builds (void)
{
  g_autoptr(WbEolData) data = load_data ();
  /* 9600 is 8.1 and 2012 R2: both ended, so ended either way. */
  g_autoptr(WbEolMatch) both_ended = wb_eol_data_match_windows_build (data, NULL, 9600, TODAY);
  /* 26100 is 11 24H2 (ended 2026-10-13) and Server 2025 (supported): not certain. */
  g_autoptr(WbEolMatch) differ = wb_eol_data_match_windows_build (data, NULL, 26100, TODAY);
  g_autoptr(WbEolMatch) server = wb_eol_data_match_windows_build (data, "windows-server",
                                                                  26100, TODAY);
  g_autoptr(WbEolMatch) unknown = wb_eol_data_match_windows_build (data, NULL, 12345, TODAY);

  g_assert_cmpint (both_ended->status, ==, WB_EOL_ENDED);
  g_assert_cmpint (differ->status, ==, WB_EOL_UNKNOWN);
  g_assert_cmpint (server->status, ==, WB_EOL_SUPPORTED);
  g_assert_cmpint (unknown->status, ==, WB_EOL_UNKNOWN);
  g_assert_nonnull (strstr (unknown->reason, "12345"));
}

static void
test_banners (void)
{
  static const struct {
    const char *banner;
    guint       build;
    const char *product;
    const char *version;
    WbEolStatus status;
    gboolean    backported;
    const char *vulnerability;
  } cases[] = {
    /* Distribution packages: the upstream number says nothing. */
    { "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10", 0, "openssh", "8.9p1", WB_EOL_UNKNOWN, TRUE, "CVE-2024-6387" },
    { "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3", 0, "openssh", "9.2p1", WB_EOL_UNKNOWN, TRUE, "CVE-2024-6387" },
    { "SSH-2.0-OpenSSH_7.4", 0, "openssh", "7.4", WB_EOL_ENDED, FALSE, NULL },
    { "SSH-2.0-OpenSSH_9.6", 0, "openssh", "9.6", WB_EOL_ENDED, FALSE, "CVE-2024-6387" },
    { "SSH-2.0-OpenSSH_8.5p1", 0, "openssh", "8.5p1", WB_EOL_ENDED, FALSE, "CVE-2024-6387" },
    { "SSH-2.0-OpenSSH_9.8p1", 0, "openssh", "9.8p1", WB_EOL_UNKNOWN, FALSE, NULL },
    { "Apache/2.2.15 (CentOS)", 0, "apache-httpd", "2.2.15", WB_EOL_UNKNOWN, TRUE, NULL },
    { "Apache/2.2.34", 0, "apache-httpd", "2.2.34", WB_EOL_ENDED, FALSE, NULL },
    { "Apache/2.4.62 (Debian)", 0, "apache-httpd", "2.4.62", WB_EOL_SUPPORTED, TRUE, NULL },
    { "Apache/2.4.6 (Red Hat Enterprise Linux) OpenSSL/1.0.2k-fips", 0, "apache-httpd", "2.4.6", WB_EOL_SUPPORTED, TRUE, NULL },
    { "nginx/1.18.0", 0, "nginx", "1.18.0", WB_EOL_ENDED, FALSE, NULL },
    { "nginx/1.18.0 (Ubuntu)", 0, "nginx", "1.18.0", WB_EOL_UNKNOWN, TRUE, NULL },
    { "nginx/1.29.3", 0, "nginx", "1.29.3", WB_EOL_UNKNOWN, FALSE, NULL },
    { "PHP/8.1.2-1ubuntu2.14", 0, "php", "8.1.2", WB_EOL_UNKNOWN, TRUE, NULL },
    { "PHP/7.4.33", 0, "php", "7.4.33", WB_EOL_ENDED, FALSE, NULL },
    { "PHP/5.6.40", 0, "php", "5.6.40", WB_EOL_ENDED, FALSE, NULL },
    { "PHP/8.3.14", 0, "php", "8.3.14", WB_EOL_SUPPORTED, FALSE, NULL },
    { "Microsoft-IIS/8.5", 0, "iis", "8.5", WB_EOL_ENDED, FALSE, NULL },
    { "Microsoft-IIS/10.0", 0, "iis", "10.0", WB_EOL_UNKNOWN, FALSE, NULL },
    { "Microsoft-IIS/10.0", 14393, "iis", "10.0", WB_EOL_SUPPORTED, FALSE, NULL },
    { "5.5.5-10.6.12-MariaDB-0ubuntu0.22.04.1", 0, "mariadb", "10.6.12", WB_EOL_UNKNOWN, TRUE, NULL },
    { "5.5.5-10.6.12-MariaDB", 0, "mariadb", "10.6.12", WB_EOL_ENDED, FALSE, NULL },
    { "<meta name=\"generator\" content=\"WordPress 6.4.2\" />", 0, "wordpress", "6.4.2", WB_EOL_ENDED, FALSE, NULL },
    { "Server: Frobnicator/1.0", 0, NULL, NULL, WB_EOL_UNKNOWN, FALSE, NULL },
    { "", 0, NULL, NULL, WB_EOL_UNKNOWN, FALSE, NULL },
    { "\xff\xfe binary", 0, NULL, NULL, WB_EOL_UNKNOWN, FALSE, NULL },
  };
  g_autoptr(WbEolData) data = load_data ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WbEolMatch) match = wb_eol_data_match_banner (data, cases[i].banner,
                                                              cases[i].build, TODAY);
      g_test_message ("banner %u: %s → %s (%s)", i, cases[i].banner,
                      wb_eol_status_to_string (match->status), match->reason);
      g_assert_cmpstr (match->product, ==, cases[i].product);
      g_assert_cmpstr (match->version, ==, cases[i].version);
      g_assert_cmpint (match->status, ==, cases[i].status);
      g_assert_cmpint (match->backported, ==, cases[i].backported);
      g_assert_cmpstr (match->vulnerability, ==, cases[i].vulnerability);
      g_assert_cmpint (match->confidence, ==, WB_CONFIDENCE_BANNER);
      g_assert_nonnull (match->reason);
      if (cases[i].backported && cases[i].status == WB_EOL_UNKNOWN)
        g_assert_nonnull (strstr (match->reason, "distribution"));
    }
}

static void
test_versions (void)
{
  g_autoptr(WbEolData) data = load_data ();
  /* dpkg's form: epoch, upstream, Debian revision. */
  g_autoptr(WbEolMatch) dpkg = wb_eol_data_match_version (data, "openssh", "1:9.2p1-2+deb12u3", TODAY);
  g_autoptr(WbEolMatch) el = wb_eol_data_match_version (data, "php", "7.4.33-1.el8", TODAY);
  g_autoptr(WbEolMatch) unknown = wb_eol_data_match_version (data, "frobnicator", "1.0", TODAY);
  g_autoptr(WbEolMatch) no_version = wb_eol_data_match_version (data, "php", "latest", TODAY);
  g_autoptr(WbEolMatch) no_cycle = wb_eol_data_match_version (data, "php", "9.0.0", TODAY);

  g_assert_cmpstr (dpkg->version, ==, "9.2p1");
  g_assert_true (dpkg->backported);
  g_assert_cmpint (dpkg->status, ==, WB_EOL_UNKNOWN);
  g_assert_true (el->backported);
  g_assert_cmpint (el->status, ==, WB_EOL_UNKNOWN);
  g_assert_cmpint (unknown->status, ==, WB_EOL_UNKNOWN);
  g_assert_null (unknown->product);
  g_assert_cmpint (no_version->status, ==, WB_EOL_UNKNOWN);
  /* A version newer than every cycle is not guessed to be supported. */
  g_assert_cmpint (no_cycle->status, ==, WB_EOL_UNKNOWN);
}

static void
test_broken_files (void)
{
  static const struct { const char *json; const char *expect; } cases[] = {
    { "{\n \"format\": 1,\n \"checked\": \"2026-11-25\"\n \"products\": []\n}", ":3:" },
    { "{\n \"format\": 1, \"checked\": \"2026-11-25\", \"backport_patterns\": [],\n"
      " \"products\": [], \"extra\": 1\n}", "extra" },
    { "{ \"format\": 2, \"checked\": \"2026-11-25\", \"backport_patterns\": [], \"products\": [] }",
      "format 2" },
    { "{ \"format\": 1, \"checked\": \"25-11-2026\", \"backport_patterns\": [], \"products\": [] }",
      "25-11-2026" },
    { "{ \"format\": 1, \"checked\": \"2026-11-25\", \"backport_patterns\": [\"(\"], \"products\": [] }",
      "regular expression" },
    { "{ \"format\": 1, \"checked\": \"2026-11-25\", \"backport_patterns\": [],\n"
      "  \"products\": [ { \"id\": \"x\", \"name\": \"X\", \"kind\": \"os\", \"backports\": false,\n"
      "  \"older_cycles_ended\": true, \"patterns\": [], \"link\": \"l\", \"cycles\": [\n"
      "  { \"cycle\": \"1\", \"label\": \"X 1\", \"security_end\": \"2026-02-30\",\n"
      "    \"checked\": \"2026-11-25\", \"verified\": false }\n  ] } ] }", "line 5" },
    { "{ \"format\": 1, \"checked\": \"2026-11-25\", \"backport_patterns\": [],\n"
      "  \"products\": [ { \"id\": \"x\", \"name\": \"X\", \"kind\": \"toaster\", \"backports\": false,\n"
      "  \"older_cycles_ended\": true, \"patterns\": [], \"link\": \"l\", \"cycles\": [] } ] }",
      "toaster" },
    { "[]", "object" },
    { "", "JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WbEolData) data = wb_eol_data_new_from_data (cases[i].json, -1, "broken.json",
                                                             &error);
      g_assert_null (data);
      g_assert_nonnull (error);
      g_test_message ("case %u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].expect));
      if (i > 0 && i < 7)
        g_assert_nonnull (strstr (error->message, "broken.json"));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  wb_init (NULL);
  g_test_add_func ("/eol/file-date", test_file_date);
  g_test_add_func ("/eol/domain-dates", test_domain_dates);
  g_test_add_func ("/eol/status-by-day", test_status_by_day);
  g_test_add_func ("/eol/windows-shared-builds", test_windows_shared_builds);
  g_test_add_func ("/eol/banners", test_banners);
  g_test_add_func ("/eol/versions", test_versions);
  g_test_add_func ("/eol/broken-files", test_broken_files);
  return g_test_run ();
}

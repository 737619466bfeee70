/* test-scope.c — the agreement's scope: what may and may not be touched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "wb-scope.h"

/* A scope holding @first and the further entries up to NULL, each of which must parse. */
static WbScope *
scope_with (const char *first,
            ...)
{
  WbScope *scope = wb_scope_new ();
  const char *entry;
  va_list args;

  va_start (args, first);
  for (entry = first; entry != NULL; entry = va_arg (args, const char *))
    {
      g_autoptr(GError) error = NULL;

      wb_scope_add (scope, entry, &error);
      g_assert_no_error (error);
    }
  va_end (args);
  return scope;
}

static void
exclude (WbScope    *scope,
         const char *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wb_scope_exclude (scope, entry, &error));
  g_assert_no_error (error);
}

static void
assert_allowed (WbScope    *scope,
                const char *address)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);

  g_assert_true (wb_scope_check_address_string (scope, address, &error));
  g_assert_no_error (error);
  /* The GInetAddress form must agree with the string form. */
  g_assert_nonnull (inet);
  g_assert_true (wb_scope_check_address (scope, inet, &error));
  g_assert_no_error (error);
}

/* Refused with @code, and the message names the address as @shown. */
static void
assert_refused (WbScope    *scope,
                const char *address,
                int         code,
                const char *shown)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);

  g_assert_false (wb_scope_check_address_string (scope, address, &error));
  g_test_message ("%s", error != NULL ? error->message : "(no error)");
  g_assert_error (error, WB_SCOPE_ERROR, code);
  g_assert_nonnull (strstr (error->message, shown));
  g_clear_error (&error);

  g_assert_nonnull (inet);
  g_assert_false (wb_scope_check_address (scope, inet, &error));
  g_assert_error (error, WB_SCOPE_ERROR, code);
}

static void
assert_targets (WbScope           *scope,
                const char * const *expected)
{
  g_auto(GStrv) targets = wb_scope_get_targets (scope);

  g_assert_cmpstrv (targets, expected);
}

/* ---- activities -------------------------------------------------------------------- */

static void
test_activity_strings (void)
{
  static const char * const ids[] = { "none", "passive", "active", "intrusive" };
  WbActivity activity;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpstr (wb_activity_to_string ((WbActivity) i), ==, ids[i]);
      g_assert_true (wb_activity_from_string (ids[i], &activity));
      g_assert_cmpint (activity, ==, i);
    }
  g_assert_false (wb_activity_from_string ("Active", &activity));
  g_assert_false (wb_activity_from_string ("aggressive", &activity));
  g_assert_false (wb_activity_from_string ("", &activity));
  g_assert_false (wb_activity_from_string (NULL, &activity));

  g_assert_cmpstr (wb_activity_get_label (WB_ACTIVITY_NONE), ==, "None");
  g_assert_cmpstr (wb_activity_get_label (WB_ACTIVITY_PASSIVE), ==, "Passive");
  g_assert_cmpstr (wb_activity_get_label (WB_ACTIVITY_ACTIVE), ==, "Active");
  g_assert_cmpstr (wb_activity_get_label (WB_ACTIVITY_INTRUSIVE), ==, "Intrusive");
}

static void
test_activity_order (void)
{
  g_autoptr(WbScope) scope = wb_scope_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (WB_ACTIVITY_NONE, <, WB_ACTIVITY_PASSIVE);
  g_assert_cmpint (WB_ACTIVITY_PASSIVE, <, WB_ACTIVITY_ACTIVE);
  g_assert_cmpint (WB_ACTIVITY_ACTIVE, <, WB_ACTIVITY_INTRUSIVE);

  /* A new scope allows nothing until the agreement says so. */
  g_assert_cmpint (wb_scope_get_max_activity (scope), ==, WB_ACTIVITY_NONE);
  g_assert_false (wb_scope_allows_activity (scope, WB_ACTIVITY_PASSIVE));
  g_assert_false (wb_scope_check_activity (scope, WB_ACTIVITY_PASSIVE, &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_ACTIVITY);
  g_clear_error (&error);

  wb_scope_set_max_activity (scope, WB_ACTIVITY_ACTIVE);
  g_assert_cmpint (wb_scope_get_max_activity (scope), ==, WB_ACTIVITY_ACTIVE);
  g_assert_true (wb_scope_allows_activity (scope, WB_ACTIVITY_PASSIVE));
  g_assert_true (wb_scope_allows_activity (scope, WB_ACTIVITY_ACTIVE));
  g_assert_false (wb_scope_allows_activity (scope, WB_ACTIVITY_INTRUSIVE));
  g_assert_true (wb_scope_check_activity (scope, WB_ACTIVITY_ACTIVE, &error));
  g_assert_no_error (error);
  g_assert_false (wb_scope_check_activity (scope, WB_ACTIVITY_INTRUSIVE, &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_ACTIVITY);
  g_assert_nonnull (strstr (error->message, "Intrusive"));
  g_assert_nonnull (strstr (error->message, "Active"));
  g_clear_error (&error);

  wb_scope_set_max_activity (scope, WB_ACTIVITY_INTRUSIVE);
  g_assert_true (wb_scope_allows_activity (scope, WB_ACTIVITY_INTRUSIVE));
  g_assert_true (wb_scope_allows_activity (scope, WB_ACTIVITY_PASSIVE));
}

/* ---- parsing ----------------------------------------------------------------------- */

static void
test_parse_kinds (void)
{
  static const char * const expected[] = {
    "198.18.0.0/24", "198.18.4.0/22", "2001:db8::/64", "198.18.1.7", "2001:db8:1::1",
    "nas.example.nl", "server01", "*.example.nl", "*.voorbeeld.nl", "ssid:Kantoor WiFi",
    NULL,
  };
  g_autoptr(WbScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  scope = scope_with ("198.18.0.0/24", "198.18.1.7", "2001:DB8:0:0::/64", "2001:db8:1::1",
                      "NAS.Example.NL", "server01", "*.example.nl", "domain:Voorbeeld.nl",
                      "ssid:Kantoor WiFi", "  198.18.4.0/22\t", NULL);
  /* Canonical and in a stable order: ranges, hosts, names, domains, SSIDs. */
  assert_targets (scope, expected);
  g_assert_false (wb_scope_is_empty (scope));

  /* Adding an entry twice, in another spelling, changes nothing. */
  g_assert_true (wb_scope_add (scope, "nas.example.nl.", &error));
  g_assert_true (wb_scope_add (scope, "198.18.1.7/32", &error));
  g_assert_true (wb_scope_add (scope, "DOMAIN:example.nl", &error));
  g_assert_true (wb_scope_add_domain (scope, "*.example.nl", &error));
  g_assert_true (wb_scope_add_domain (scope, "example.nl", &error));
  g_assert_true (wb_scope_add_ssid (scope, "Kantoor WiFi", &error));
  g_assert_no_error (error);
  assert_targets (scope, expected);
}

static void
test_parse_single_hosts (void)
{
  static const char * const expected[] = {
    "198.18.0.9", "198.18.0.10", "2001:db8::5", "2001:db8::6", NULL,
  };
  g_autoptr(WbScope) scope = NULL;

  /* /32 and /128 are single hosts and are shown as plain addresses. */
  scope = scope_with ("198.18.0.10/32", "198.18.0.9", "2001:db8::6/128", "2001:db8::5", NULL);
  assert_targets (scope, expected);

  assert_allowed (scope, "198.18.0.9");
  assert_allowed (scope, "198.18.0.10");
  assert_allowed (scope, "2001:db8::6");
  assert_refused (scope, "198.18.0.11", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.0.11");
  assert_refused (scope, "198.18.0.8", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.0.8");
  assert_refused (scope, "2001:db8::7", WB_SCOPE_ERROR_OUT_OF_SCOPE, "2001:db8::7");
}

static void
test_parse_ipv6 (void)
{
  g_autoptr(WbScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  scope = scope_with ("2001:db8:aa::/48", "2001:0db8:00bb:0001::/64", NULL);
  assert_allowed (scope, "2001:db8:aa:ffff::1");
  assert_allowed (scope, "2001:db8:bb:1:abcd::1");
  assert_refused (scope, "2001:db8:bb:2::1", WB_SCOPE_ERROR_OUT_OF_SCOPE, "2001:db8:bb:2::1");
  assert_refused (scope, "2001:db8:ab::1", WB_SCOPE_ERROR_OUT_OF_SCOPE, "2001:db8:ab::1");
  /* IPv6 has no broadcast: the first and last address of a range are ordinary. */
  assert_allowed (scope, "2001:db8:aa::");

  /* An IPv6 range never covers an IPv4 address, nor the other way round. */
  assert_refused (scope, "198.18.0.1", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.0.1");

  /* An IPv6 range with a host part set is ambiguous, as in IPv4. */
  g_assert_false (wb_scope_add (scope, "2001:db8:cc::1/64", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
}

static void
test_parse_ipv4_mapped_entries (void)
{
  static const char * const expected[] = { "198.18.0.0/24", "198.18.1.5", NULL };
  g_autoptr(WbScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  /* A mapped entry is the IPv4 entry; the breadth rule applies to the IPv4 prefix. */
  scope = scope_with ("::ffff:198.18.0.0/120", "::ffff:198.18.1.5", NULL);
  assert_targets (scope, expected);
  g_assert_false (wb_scope_add (scope, "::ffff:0:0/96", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "/0"));
}

typedef struct
{
  const char *entry;
  const char *named; /* what the message must repeat */
} BadEntry;

static void
test_parse_garbage (void)
{
  static const BadEntry bad[] = {
    { "198.18.0.1/24", "198.18.0.1/24" },     /* host bits set */
    { "198.18.0.0/33", "/33" },
    { "/33", "/33" },
    { "2001:db8::/129", "/129" },
    { "300.1.1.1", "300.1.1.1" },
    { "1.2.3", "1.2.3" },
    { "1.2.3.4.5", "1.2.3.4.5" },
    { "198.18.0.0/-1", "/-1" },
    { "198.18.0.0/", "198.18.0.0/" },
    { "198.18.0.0/24/24", "198.18.0.0/24/24" },
    { "198.18.0.0/024", "/024" },
    { "198.18.0.0/abc", "/abc" },
    { "010.0.0.1", "010.0.0.1" },             /* octal or decimal? */
    { "198.018.0.1", "198.018.0.1" },
    { "198.18.0.0/0x18", "/0x18" },
    { "1..2.3", "1..2.3" },
    { "198.18.0.1 198.18.0.2", "198.18.0.1 198.18.0.2" },
    { "2001:db8::1::2", "2001:db8::1::2" },
    { "2001:db8::g", "2001:db8::g" },
    { "fe80::1%eth0", "fe80::1%eth0" },       /* a zone is this laptop's, not a host */
    { "12345::", "12345::" },
    { "-nas.example.nl", "-nas.example.nl" },
    { "nas-.example.nl", "nas-.example.nl" },
    { "nas..example.nl", "nas..example.nl" },
    { ".example.nl", ".example.nl" },
    { "example.nl..", "example.nl.." },
    { ".", "“.”" },
    { "nas_1.example.nl", "nas_1.example.nl" },
    { "nas.example.123", "nas.example.123" },  /* numeric top-level label */
    { "0x7f000001", "0x7f000001" },            /* inet_aton reads it as 127.0.0.1 */
    { "http://example.nl", "http://example.nl" },
    { "*.nl", "*.nl" },                        /* a whole top-level domain */
    { "domain:", "domain:" },
    { "*.", "*." },
    { "*example.nl", "*example.nl" },
    { "*.*.example.nl", "*.*.example.nl" },
    { "ssid:", "ssid:" },
    { "ssid:0123456789abcdef0123456789abcdef0", "ssid:0123456789" }, /* 33 bytes */
    { "ssid: Kantoor", "ssid: Kantoor" },
    { "nas.example.nl\x01", "nas.example.nl\\x01" },
    { "198.18.0.1\n198.18.0.2", "198.18.0.1\\x0a198.18.0.2" },
    { "ssid:Kan\x7ftoor", "ssid:Kan\\x7ftoor" },
    { "ssid:\xff\xfe", "ssid:" },              /* not UTF-8 */
    { "bücher.example.nl", "bücher.example.nl" }, /* IDN not supported */
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(WbScope) scope = wb_scope_new ();
      g_autoptr(GError) error = NULL;

      g_test_message ("entry %u: %s", i, bad[i].named);
      g_assert_false (wb_scope_add (scope, bad[i].entry, &error));
      g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, bad[i].named));
      g_assert_true (wb_scope_is_empty (scope));
    }
}

static void
test_parse_empty_and_long (void)
{
  static const char * const empty[] = { "", "   ", "\t\n" };
  g_autoptr(WbScope) scope = wb_scope_new ();
  g_autofree char *long_name = NULL;
  g_autofree char *label64 = NULL;
  g_autofree char *name254 = NULL;
  g_autofree char *name253 = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_assert_false (wb_scope_add (scope, empty[i], &error));
      g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
      g_clear_error (&error);
    }

  /* An overly long entry is refused, and the message repeats only its start. */
  long_name = g_strnfill (100000, 'a');
  g_assert_false (wb_scope_add (scope, long_name, &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
  g_assert_cmpuint (strlen (error->message), <, 400);
  g_clear_error (&error);

  label64 = g_strnfill (64, 'a');
  g_assert_false (wb_scope_add (scope, label64, &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
  g_clear_error (&error);
  label64[63] = '\0';
  g_assert_true (wb_scope_add (scope, label64, &error));
  g_assert_no_error (error);

  /* 253 characters is the longest host name; 254 is one too many. */
  name253 = g_strnfill (253, 'b');
  name253[63] = name253[127] = name253[191] = '.';
  g_assert_cmpuint (strlen (name253), ==, 253);
  g_assert_true (wb_scope_add (scope, name253, &error));
  g_assert_no_error (error);
  name254 = g_strconcat ("f", name253, NULL);
  g_assert_false (wb_scope_add (scope, name254, &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
}

static void
test_parse_too_broad (void)
{
  static const char * const broad[] = {
    "0.0.0.0/0", "::/0", "198.0.0.0/8", "198.18.0.0/15", "2001:db8::/32", "2001:db8::/47",
  };
  g_autoptr(WbScope) scope = wb_scope_new ();
  g_autoptr(GError) error = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (broad); i++)
    {
      g_assert_false (wb_scope_add (scope, broad[i], &error));
      g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, broad[i]));
      g_clear_error (&error);
    }
  g_assert_true (wb_scope_is_empty (scope));

  /* The widest that is allowed. */
  g_assert_true (wb_scope_add (scope, "198.18.0.0/16", &error));
  g_assert_true (wb_scope_add (scope, "2001:db8:1::/48", &error));
  g_assert_no_error (error);
}

static void
test_parse_exclusions (void)
{
  static const char * const expected[] = { "10.0.0.0/8", "198.18.0.0/28", "198.18.0.77", NULL };
  g_autoptr(WbScope) scope = wb_scope_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) exclusions = NULL;

  /* Exclusions only narrow the scope, so a wide one is fine. */
  exclude (scope, "198.18.0.77/32");
  exclude (scope, "10.0.0.0/8");
  exclude (scope, "198.18.0.0/28");
  exclude (scope, "198.18.0.0/28");
  exclusions = wb_scope_get_exclusions (scope);
  g_assert_cmpstrv (exclusions, expected);
  /* Excluding is not adding. */
  g_assert_true (wb_scope_is_empty (scope));

  g_assert_false (wb_scope_exclude (scope, "198.18.0.1/24", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (wb_scope_exclude (scope, "mail.example.nl", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "mail.example.nl"));
  g_clear_error (&error);
  g_assert_false (wb_scope_exclude (scope, "", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
}

/* ---- addresses --------------------------------------------------------------------- */

static void
test_address_cidr (void)
{
  g_autoptr(WbScope) scope = scope_with ("198.18.0.0/24", NULL);
  g_autoptr(GError) error = NULL;

  assert_allowed (scope, "198.18.0.1");
  assert_allowed (scope, "198.18.0.254");
  assert_refused (scope, "198.18.1.1", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.1.1");
  assert_refused (scope, "198.17.255.254", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.17.255.254");
  assert_refused (scope, "2001:db8::1", WB_SCOPE_ERROR_OUT_OF_SCOPE, "2001:db8::1");

  /* A string to check is parsed as strictly as an entry. */
  g_assert_false (wb_scope_check_address_string (scope, "198.18.0.01", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (wb_scope_check_address_string (scope, "198.18.0.0/28", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (wb_scope_check_address_string (scope, "nas.example.nl", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_true (wb_scope_check_address_string (scope, " 198.18.0.3 ", &error));
  g_assert_no_error (error);
}

static void
test_address_overlap (void)
{
  g_autoptr(WbScope) scope = scope_with ("198.18.0.0/23", "198.18.1.0/24", "198.18.1.128/25",
                                         NULL);

  assert_allowed (scope, "198.18.0.200");
  assert_allowed (scope, "198.18.1.5");
  assert_allowed (scope, "198.18.1.200");
  /* Network or broadcast of any covering range is refused: which range is the real
   * subnet cannot be known, so the safe reading wins. */
  assert_refused (scope, "198.18.1.0", WB_SCOPE_ERROR_FORBIDDEN, "198.18.1.0/24");
  assert_allowed (scope, "198.18.1.127");
  assert_allowed (scope, "198.18.0.255");
  assert_refused (scope, "198.18.1.128", WB_SCOPE_ERROR_FORBIDDEN, "198.18.1.128/25");
  assert_refused (scope, "198.18.1.255", WB_SCOPE_ERROR_FORBIDDEN, "198.18.1.255");
  assert_refused (scope, "198.18.0.0", WB_SCOPE_ERROR_FORBIDDEN, "198.18.0.0/23");
  assert_refused (scope, "198.18.2.0", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.2.0");
}

static void
test_address_exclusion_inside (void)
{
  g_autoptr(WbScope) scope = scope_with ("198.18.0.0/24", NULL);

  exclude (scope, "198.18.0.16/28");
  assert_allowed (scope, "198.18.0.15");
  assert_refused (scope, "198.18.0.16", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.0.16/28");
  assert_refused (scope, "198.18.0.20", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.0.20");
  assert_refused (scope, "198.18.0.31", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.0.31");
  assert_allowed (scope, "198.18.0.32");

  /* Excluding one address, also against a host listed exactly: exclusions win. */
  g_assert_true (wb_scope_add (scope, "198.18.0.50", NULL));
  exclude (scope, "198.18.0.50");
  assert_refused (scope, "198.18.0.50", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.0.50");

  /* IPv6 exclusions work the same way. */
  g_assert_true (wb_scope_add (scope, "2001:db8::/64", NULL));
  exclude (scope, "2001:db8::100/120");
  assert_allowed (scope, "2001:db8::99");
  assert_refused (scope, "2001:db8::1ff", WB_SCOPE_ERROR_OUT_OF_SCOPE, "2001:db8::100/120");
}

static void
test_address_exclusion_around (void)
{
  g_autoptr(WbScope) scope = scope_with ("198.18.5.0/24", "198.18.5.9", NULL);
  g_autoptr(GArray) addresses = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GError) error = NULL;

  exclude (scope, "198.18.0.0/16");
  assert_refused (scope, "198.18.5.1", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.0.0/16");
  assert_refused (scope, "198.18.5.9", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.5.9");
  assert_refused (scope, "198.18.5.254", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.5.254");

  /* Nothing is left to scan. */
  g_assert_true (wb_scope_expand_ipv4 (scope, 1000, addresses, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (addresses->len, ==, 0);
}

typedef struct
{
  const char *address;
  const char *word; /* the reason, in plain words */
} Special;

static void
test_address_forbidden (void)
{
  static const Special special[] = {
    { "0.0.0.0", "unspecified" },
    { "255.255.255.255", "broadcast" },
    { "127.0.0.1", "loopback" },
    { "127.255.0.9", "loopback" },
    { "169.254.10.20", "link-local" },
    { "224.0.0.1", "multicast" },
    { "239.255.255.250", "multicast" },
    { "::", "unspecified" },
    { "::1", "loopback" },
    { "fe80::1", "link-local" },
    { "febf:ffff::1", "link-local" },
    { "ff02::1", "multicast" },
    { "ff05::1:3", "multicast" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (special); i++)
    {
      g_autoptr(WbScope) scope = wb_scope_new ();
      g_autoptr(WbScope) listed = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *range = NULL;
      g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (special[i].address);

      g_test_message ("%s", special[i].address);
      /* Some ordinary range in scope: the special address is refused, not just absent. */
      range = g_strdup (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV4 ?
                        "198.18.0.0/16" : "2001:db8::/48");
      g_assert_true (wb_scope_add (scope, range, NULL));
      assert_refused (scope, special[i].address, WB_SCOPE_ERROR_FORBIDDEN, special[i].address);
      g_assert_false (wb_scope_check_address_string (scope, special[i].address, &error));
      g_assert_nonnull (strstr (error->message, special[i].word));

      /* Listed exactly: the agreement names it on purpose. */
      listed = scope_with (special[i].address, NULL);
      assert_allowed (listed, special[i].address);
    }
}

static void
test_address_forbidden_in_range (void)
{
  g_autoptr(WbScope) scope = scope_with ("169.254.0.0/16", "224.0.0.0/24", "fe80::/64", NULL);
  g_autoptr(WbScope) edges = scope_with ("198.18.0.0/24", "198.18.1.0/30", "198.18.2.0/31",
                                         NULL);

  /* A range over special space does not make its addresses probe-able. */
  assert_refused (scope, "169.254.1.1", WB_SCOPE_ERROR_FORBIDDEN, "169.254.1.1");
  assert_refused (scope, "224.0.0.251", WB_SCOPE_ERROR_FORBIDDEN, "224.0.0.251");
  assert_refused (scope, "fe80::1234", WB_SCOPE_ERROR_FORBIDDEN, "fe80::1234");

  /* Network and broadcast addresses of ranges up to /30. */
  assert_refused (edges, "198.18.0.0", WB_SCOPE_ERROR_FORBIDDEN, "network");
  assert_refused (edges, "198.18.0.255", WB_SCOPE_ERROR_FORBIDDEN, "broadcast");
  assert_refused (edges, "198.18.1.0", WB_SCOPE_ERROR_FORBIDDEN, "198.18.1.0/30");
  assert_refused (edges, "198.18.1.3", WB_SCOPE_ERROR_FORBIDDEN, "198.18.1.3");
  assert_allowed (edges, "198.18.1.1");
  assert_allowed (edges, "198.18.1.2");
  /* A /31 is a point-to-point link: both addresses are hosts (RFC 3021). */
  assert_allowed (edges, "198.18.2.0");
  assert_allowed (edges, "198.18.2.1");

  /* Listing the broadcast address as a host allows exactly that address. */
  g_assert_true (wb_scope_add (edges, "198.18.0.255", NULL));
  assert_allowed (edges, "198.18.0.255");
  assert_refused (edges, "198.18.0.0", WB_SCOPE_ERROR_FORBIDDEN, "198.18.0.0");
}

static void
test_address_ipv4_mapped (void)
{
  g_autoptr(WbScope) scope = scope_with ("198.18.0.0/24", "127.0.0.1", NULL);
  g_autoptr(GError) error = NULL;

  exclude (scope, "198.18.0.128/25");
  assert_allowed (scope, "::ffff:198.18.0.5");
  /* Refused as the IPv4 address, and named as such. */
  assert_refused (scope, "::ffff:198.18.0.200", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.0.200");
  assert_refused (scope, "::ffff:198.18.0.0", WB_SCOPE_ERROR_FORBIDDEN, "198.18.0.0");
  assert_refused (scope, "::ffff:198.18.1.5", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.1.5");
  assert_refused (scope, "::ffff:224.0.0.1", WB_SCOPE_ERROR_FORBIDDEN, "224.0.0.1");
  assert_allowed (scope, "::ffff:127.0.0.1");

  /* The NAT64 well-known prefix reaches the same IPv4 hosts, so it is judged the same. */
  assert_allowed (scope, "64:ff9b::198.18.0.5");
  assert_refused (scope, "64:ff9b::198.18.0.200", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.0.200");
  assert_refused (scope, "64:ff9b::10.0.0.1", WB_SCOPE_ERROR_OUT_OF_SCOPE, "10.0.0.1");
  g_assert_false (wb_scope_add (scope, "64:ff9b::/96", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
  g_clear_error (&error);

  /* Wide IPv6 ranges do not reach IPv4 hosts through the mapped form. */
  g_assert_true (wb_scope_add (scope, "::/64", &error));
  g_assert_no_error (error);
  assert_refused (scope, "::ffff:10.0.0.1", WB_SCOPE_ERROR_OUT_OF_SCOPE, "10.0.0.1");
}

/* ---- names, SSIDs ------------------------------------------------------------------ */

static void
test_hostname (void)
{
  g_autoptr(WbScope) scope = scope_with ("nas.example.nl", "*.kantoor.nl", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (wb_scope_check_hostname (scope, "nas.example.nl", &error));
  g_assert_true (wb_scope_check_hostname (scope, "NAS.Example.NL", &error));
  g_assert_true (wb_scope_check_hostname (scope, "nas.example.nl.", &error));
  g_assert_no_error (error);

  /* A host name covers only itself. */
  g_assert_false (wb_scope_check_hostname (scope, "www.nas.example.nl", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE);
  g_assert_nonnull (strstr (error->message, "www.nas.example.nl"));
  g_clear_error (&error);
  g_assert_false (wb_scope_check_hostname (scope, "example.nl", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE);
  g_clear_error (&error);

  /* A domain covers itself and every name below it. */
  g_assert_true (wb_scope_check_hostname (scope, "kantoor.nl", &error));
  g_assert_true (wb_scope_check_hostname (scope, "www.kantoor.nl", &error));
  g_assert_true (wb_scope_check_hostname (scope, "a.b.c.KANTOOR.nl", &error));
  g_assert_no_error (error);

  /* ... but not a name that merely ends in the same letters. */
  g_assert_false (wb_scope_check_hostname (scope, "badkantoor.nl", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE);
  g_clear_error (&error);
  g_assert_false (wb_scope_check_hostname (scope, "kantoor.nl.evil.com", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE);
  g_clear_error (&error);
  g_assert_false (wb_scope_check_hostname (scope, "nl", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE);
  g_clear_error (&error);

  /* Garbage to check is a parse error, not silently out of scope. */
  g_assert_false (wb_scope_check_hostname (scope, "www..kantoor.nl", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (wb_scope_check_hostname (scope, "198.18.0.1", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
}

static void
test_hostname_badexample (void)
{
  g_autoptr(WbScope) scope = scope_with ("domain:example.nl", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (wb_scope_check_hostname (scope, "example.nl", &error));
  g_assert_true (wb_scope_check_hostname (scope, "www.example.nl", &error));
  g_assert_no_error (error);
  g_assert_false (wb_scope_check_hostname (scope, "badexample.nl", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE);
  g_assert_nonnull (strstr (error->message, "badexample.nl"));
  g_clear_error (&error);
  g_assert_false (wb_scope_check_hostname (scope, "example.nl.attacker.nl", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE);
}

static void
test_ssid (void)
{
  g_autoptr(WbScope) scope = scope_with ("ssid:Kantoor-WiFi", "SSID:Gasten", NULL);
  g_autofree char *ssid32 = g_strnfill (32, 'x');
  g_autoptr(GError) error = NULL;

  g_assert_true (wb_scope_check_ssid (scope, "Kantoor-WiFi", &error));
  g_assert_true (wb_scope_check_ssid (scope, "Gasten", &error));
  g_assert_no_error (error);
  /* SSIDs are case-sensitive: this is another network. */
  g_assert_false (wb_scope_check_ssid (scope, "kantoor-wifi", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE);
  g_assert_nonnull (strstr (error->message, "kantoor-wifi"));
  g_clear_error (&error);

  /* UTF-8 and inner spaces are fine; 32 bytes is the limit, not 32 characters. */
  g_assert_true (wb_scope_add_ssid (scope, "Café Ünïcode net", &error));
  g_assert_true (wb_scope_add_ssid (scope, ssid32, &error));
  g_assert_no_error (error);
  g_assert_true (wb_scope_check_ssid (scope, "Café Ünïcode net", &error));
  g_assert_no_error (error);
  g_assert_false (wb_scope_add_ssid (scope, "ééééééééééééééééé", &error)); /* 34 bytes */
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (wb_scope_add_ssid (scope, "", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (wb_scope_add_ssid (scope, "Kantoor\tWiFi", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (wb_scope_check_ssid (scope, "\x01", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
  g_clear_error (&error);

  /* An SSID never puts a host name or address in scope. */
  g_assert_false (wb_scope_check_hostname (scope, "gasten", &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE);
}

/* ---- plugins, third parties, emptiness --------------------------------------------- */

static void
test_plugins (void)
{
  static const char * const expected[] = { "avg", "network", "patching", NULL };
  g_autoptr(WbScope) scope = wb_scope_new ();
  g_auto(GStrv) plugins = NULL;

  /* No plugin may run until one is allowed. */
  g_assert_false (wb_scope_allows_plugin (scope, "network"));

  wb_scope_allow_plugin (scope, "patching");
  wb_scope_allow_plugin (scope, "network");
  wb_scope_allow_plugin (scope, "avg");
  wb_scope_allow_plugin (scope, "friendly-hack");
  wb_scope_allow_plugin (scope, "network");
  wb_scope_disallow_plugin (scope, "friendly-hack");
  wb_scope_disallow_plugin (scope, "not-there");

  g_assert_true (wb_scope_allows_plugin (scope, "network"));
  g_assert_false (wb_scope_allows_plugin (scope, "friendly-hack"));
  g_assert_false (wb_scope_allows_plugin (scope, "Network"));
  plugins = wb_scope_get_plugins (scope);
  g_assert_cmpstrv (plugins, expected);
  /* Plugins alone put nothing in scope. */
  g_assert_true (wb_scope_is_empty (scope));
}

static void
test_third_parties (void)
{
  static const char * const expected[] = { "hoster.nl", "mailprovider.com", NULL };
  g_autoptr(WbScope) scope = wb_scope_new ();
  g_auto(GStrv) parties = NULL;

  wb_scope_add_third_party_consent (scope, "mailprovider.com");
  wb_scope_add_third_party_consent (scope, "Hoster.NL");
  parties = wb_scope_get_third_parties (scope);
  g_assert_cmpstrv (parties, expected);

  g_assert_true (wb_scope_has_third_party_consent (scope, "hoster.nl"));
  g_assert_true (wb_scope_has_third_party_consent (scope, "mx1.hoster.nl"));
  g_assert_false (wb_scope_has_third_party_consent (scope, "otherhoster.nl"));
  g_assert_false (wb_scope_has_third_party_consent (scope, "provider.com"));
  g_assert_false (wb_scope_has_third_party_consent (scope, "not a domain"));
  g_assert_true (wb_scope_is_empty (scope));
}

static void
test_empty (void)
{
  g_autoptr(WbScope) scope = wb_scope_new ();
  g_auto(GStrv) targets = NULL;

  g_assert_true (wb_scope_is_empty (scope));
  targets = wb_scope_get_targets (scope);
  g_assert_cmpuint (g_strv_length (targets), ==, 0);
  assert_refused (scope, "198.18.0.1", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.0.1");
  g_assert_false (wb_scope_check_hostname (scope, "example.nl", NULL));
  g_assert_false (wb_scope_check_ssid (scope, "Kantoor", NULL));

  g_assert_true (wb_scope_add (scope, "ssid:Kantoor", NULL));
  g_assert_false (wb_scope_is_empty (scope));
}

static void
test_copy (void)
{
  g_autoptr(WbScope) scope = scope_with ("198.18.0.0/24", "nas.example.nl", "*.example.org",
                                         "ssid:Kantoor", NULL);
  g_autoptr(WbScope) copy = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) original = NULL;

  exclude (scope, "198.18.0.128/25");
  wb_scope_set_max_activity (scope, WB_ACTIVITY_ACTIVE);
  wb_scope_allow_plugin (scope, "network");
  wb_scope_add_third_party_consent (scope, "hoster.nl");

  copy = wb_scope_copy (scope);
  before = wb_scope_to_json (scope);
  after = wb_scope_to_json (copy);
  g_assert_true (json_node_equal (before, after));

  /* Deep: changing the copy leaves the original alone. */
  g_assert_true (wb_scope_add (copy, "198.18.9.0/24", NULL));
  g_assert_true (wb_scope_exclude (copy, "198.18.0.5", NULL));
  g_assert_true (wb_scope_add (copy, "mail.example.nl", NULL));
  g_assert_true (wb_scope_add (copy, "*.example.com", NULL));
  g_assert_true (wb_scope_add (copy, "ssid:Gasten", NULL));
  wb_scope_set_max_activity (copy, WB_ACTIVITY_INTRUSIVE);
  wb_scope_disallow_plugin (copy, "network");
  wb_scope_add_third_party_consent (copy, "other.nl");
  original = wb_scope_to_json (scope);
  g_assert_true (json_node_equal (before, original));
  assert_allowed (scope, "198.18.0.5");
}

/* ---- expanding --------------------------------------------------------------------- */

static gboolean
array_contains_be32 (GArray     *array,
                     const char *address)
{
  struct
  {
    guint32 be;
  } probe;
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  guint i;

  memcpy (&probe.be, g_inet_address_to_bytes (inet), 4);
  for (i = 0; i < array->len; i++)
    {
      if (g_array_index (array, guint32, i) == probe.be)
        return TRUE;
    }
  return FALSE;
}

static void
test_expand_24 (void)
{
  g_autoptr(WbScope) scope = scope_with ("198.18.0.0/24", NULL);
  g_autoptr(GArray) addresses = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GError) error = NULL;
  guint i;

  exclude (scope, "198.18.0.16/28");
  g_assert_true (wb_scope_expand_ipv4 (scope, 1000, addresses, &error));
  g_assert_no_error (error);
  /* 256 minus network and broadcast minus the 16 excluded. */
  g_assert_cmpuint (addresses->len, ==, 238);
  g_assert_cmpuint (g_ntohl (g_array_index (addresses, guint32, 0)), ==, 0xc6120001);
  g_assert_cmpuint (g_ntohl (g_array_index (addresses, guint32, 237)), ==, 0xc61200fe);
  g_assert_true (array_contains_be32 (addresses, "198.18.0.15"));
  g_assert_false (array_contains_be32 (addresses, "198.18.0.16"));
  g_assert_false (array_contains_be32 (addresses, "198.18.0.31"));
  g_assert_true (array_contains_be32 (addresses, "198.18.0.32"));
  g_assert_false (array_contains_be32 (addresses, "198.18.0.0"));
  g_assert_false (array_contains_be32 (addresses, "198.18.0.255"));

  /* Ascending, and every address the expansion yields passes the check. */
  for (i = 0; i < addresses->len; i++)
    {
      guint32 be = g_array_index (addresses, guint32, i);
      g_autoptr(GInetAddress) inet = g_inet_address_new_from_bytes ((const guint8 *) &be,
                                                                    G_SOCKET_FAMILY_IPV4);

      if (i > 0)
        g_assert_cmpuint (g_ntohl (be), >, g_ntohl (g_array_index (addresses, guint32, i - 1)));
      g_assert_true (wb_scope_check_address (scope, inet, NULL));
    }

  /* Exactly at the limit is fine. */
  g_array_set_size (addresses, 0);
  g_assert_true (wb_scope_expand_ipv4 (scope, 238, addresses, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (addresses->len, ==, 238);
}

static void
test_expand_limit (void)
{
  g_autoptr(WbScope) scope = scope_with ("198.18.0.0/24", NULL);
  g_autoptr(GArray) addresses = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GError) error = NULL;
  guint32 marker = 0x12345678;

  g_array_append_val (addresses, marker);
  g_assert_false (wb_scope_expand_ipv4 (scope, 253, addresses, &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "253"));
  /* What the caller had is kept; nothing half-done is left behind. */
  g_assert_cmpuint (addresses->len, ==, 1);
  g_assert_cmpuint (g_array_index (addresses, guint32, 0), ==, marker);
  g_clear_error (&error);

  g_assert_false (wb_scope_expand_ipv4 (scope, 0, addresses, &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_LIMIT);
  g_clear_error (&error);

  /* Appends after what is there. */
  g_assert_true (wb_scope_expand_ipv4 (scope, 254, addresses, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (addresses->len, ==, 255);
  g_assert_cmpuint (g_array_index (addresses, guint32, 0), ==, marker);
}

static void
test_expand_big_and_overlapping (void)
{
  g_autoptr(WbScope) scope = scope_with ("198.18.0.0/16", "198.19.0.0/16", "198.18.3.0/24",
                                         "198.18.3.7", "2001:db8::/48", NULL);
  g_autoptr(GArray) addresses = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GError) error = NULL;

  /* A small limit fails fast and allocates no more than the limit. */
  g_assert_false (wb_scope_expand_ipv4 (scope, 10, addresses, &error));
  g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_LIMIT);
  g_assert_cmpuint (addresses->len, ==, 0);
  g_clear_error (&error);

  /* Overlapping targets yield each address once; IPv6 is not part of it. Network and
   * broadcast of every covering range are left out: 198.18.0.0, 198.18.255.255,
   * 198.18.3.0, 198.18.3.255, 198.19.0.0, 198.19.255.255. */
  g_assert_true (wb_scope_expand_ipv4 (scope, 200000, addresses, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (addresses->len, ==, 2 * 65536 - 6);
  g_assert_true (array_contains_be32 (addresses, "198.18.3.7"));
  g_assert_false (array_contains_be32 (addresses, "198.18.3.255"));

  /* A huge exclusion costs one step, not one per address. */
  exclude (scope, "0.0.0.0/0");
  g_array_set_size (addresses, 0);
  g_assert_true (wb_scope_expand_ipv4 (scope, 10, addresses, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (addresses->len, ==, 0);
}

static void
test_expand_listed_special (void)
{
  g_autoptr(WbScope) scope = scope_with ("224.0.0.0/24", "224.0.0.251", "255.255.255.255",
                                         NULL);
  g_autoptr(GArray) addresses = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GError) error = NULL;

  /* Only what is listed exactly survives; the span ending at the top of the address
   * space must still end the loop. */
  g_assert_true (wb_scope_expand_ipv4 (scope, 100, addresses, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (addresses->len, ==, 2);
  g_assert_true (array_contains_be32 (addresses, "224.0.0.251"));
  g_assert_true (array_contains_be32 (addresses, "255.255.255.255"));
}

/* ---- JSON -------------------------------------------------------------------------- */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
json_text (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

static void
test_json_round_trip (void)
{
  static const char *expected =
    "{\"targets\":[\"198.18.0.0/24\",\"2001:db8::/64\",\"127.0.0.1\",\"198.18.1.5\","
    "\"fe80::1\",\"nas.example.nl\",\"*.example.nl\",\"ssid:Kantoor WiFi\","
    "\"ssid:Ünïcode\"],"
    "\"exclude\":[\"198.18.0.16/28\",\"198.18.0.99\"],"
    "\"activity\":\"intrusive\","
    "\"plugins\":[\"avg\",\"network\"],"
    "\"third_party_consent\":[\"hoster.nl\"]}";
  g_autoptr(WbScope) scope = scope_with ("nas.example.nl", "2001:db8::/64", "198.18.1.5",
                                         "ssid:Ünïcode", "198.18.0.0/24", "127.0.0.1",
                                         "FE80::1", "domain:example.nl", "ssid:Kantoor WiFi",
                                         NULL);
  g_autoptr(WbScope) back = NULL;
  g_autoptr(WbScope) empty_back = NULL;
  g_autoptr(WbScope) empty = wb_scope_new ();
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) empty_node = NULL;
  g_autoptr(JsonNode) empty_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autofree char *empty_text = NULL;
  g_autofree char *empty_again_text = NULL;

  exclude (scope, "198.18.0.99");
  exclude (scope, "198.18.0.16/28");
  wb_scope_set_max_activity (scope, WB_ACTIVITY_INTRUSIVE);
  wb_scope_allow_plugin (scope, "network");
  wb_scope_allow_plugin (scope, "avg");
  wb_scope_add_third_party_consent (scope, "hoster.nl");

  first = wb_scope_to_json (scope);
  first_text = json_text (first);
  g_assert_cmpstr (first_text, ==, expected);

  back = wb_scope_new_from_json (first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  second = wb_scope_to_json (back);
  second_text = json_text (second);
  g_assert_cmpstr (first_text, ==, second_text);

  /* What was read back behaves like the original. */
  assert_allowed (back, "198.18.0.1");
  assert_refused (back, "198.18.0.20", WB_SCOPE_ERROR_OUT_OF_SCOPE, "198.18.0.20");
  assert_allowed (back, "127.0.0.1");
  g_assert_true (wb_scope_allows_activity (back, WB_ACTIVITY_INTRUSIVE));
  g_assert_true (wb_scope_allows_plugin (back, "avg"));
  g_assert_true (wb_scope_check_hostname (back, "www.example.nl", NULL));
  g_assert_true (wb_scope_check_ssid (back, "Ünïcode", NULL));
  g_assert_true (wb_scope_has_third_party_consent (back, "hoster.nl"));

  /* The empty scope round-trips too, with every member present. */
  empty_node = wb_scope_to_json (empty);
  empty_text = json_text (empty_node);
  g_assert_cmpstr (empty_text, ==, "{\"targets\":[],\"exclude\":[],\"activity\":\"none\","
                                   "\"plugins\":[],\"third_party_consent\":[]}");
  empty_back = wb_scope_new_from_json (empty_node, &error);
  g_assert_no_error (error);
  empty_again = wb_scope_to_json (empty_back);
  empty_again_text = json_text (empty_again);
  g_assert_cmpstr (empty_text, ==, empty_again_text);
}

static void
test_json_missing_members (void)
{
  g_autoptr(JsonNode) node = parse_json ("{\"targets\":[\"198.18.0.0/24\"]}");
  g_autoptr(WbScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  /* Absent means empty, and no activity at all. */
  scope = wb_scope_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wb_scope_get_max_activity (scope), ==, WB_ACTIVITY_NONE);
  g_assert_false (wb_scope_allows_plugin (scope, "network"));
  assert_allowed (scope, "198.18.0.7");
}

typedef struct
{
  const char *json;
  const char *named; /* what the message must mention */
} BadJson;

static void
test_json_strict (void)
{
  static const BadJson bad[] = {
    /* unknown members */
    { "{\"targets\":[],\"scope\":[]}", "scope" },
    { "{\"Targets\":[]}", "Targets" },
    { "{\"activity\":\"active\",\"exclusions\":[]}", "exclusions" },
    /* wrong types */
    { "[]", "object" },
    { "\"198.18.0.0/24\"", "object" },
    { "null", "object" },
    { "{\"targets\":\"198.18.0.0/24\"}", "targets" },
    { "{\"targets\":[42]}", "targets" },
    { "{\"targets\":[null]}", "targets" },
    { "{\"targets\":[[\"198.18.0.0/24\"]]}", "targets" },
    { "{\"targets\":{}}", "targets" },
    { "{\"exclude\":[true]}", "exclude" },
    { "{\"activity\":2}", "activity" },
    { "{\"activity\":null}", "activity" },
    { "{\"activity\":[\"active\"]}", "activity" },
    { "{\"activity\":\"Active\"}", "Active" },
    { "{\"activity\":\"aggressive\"}", "aggressive" },
    { "{\"plugins\":\"network\"}", "plugins" },
    { "{\"plugins\":[1]}", "plugins" },
    { "{\"third_party_consent\":[false]}", "third_party_consent" },
    /* bad entries */
    { "{\"targets\":[\"198.18.0.1/24\"]}", "198.18.0.1/24" },
    { "{\"targets\":[\"0.0.0.0/0\"]}", "0.0.0.0/0" },
    { "{\"targets\":[\"::/0\"]}", "::/0" },
    { "{\"targets\":[\"010.0.0.1\"]}", "010.0.0.1" },
    { "{\"targets\":[\"\"]}", "empty" },
    { "{\"targets\":[\"nas\\u0001.example.nl\"]}", "nas\\x01.example.nl" },
    { "{\"targets\":[\"*.nl\"]}", "*.nl" },
    { "{\"exclude\":[\"198.18.0.0/33\"]}", "/33" },
    { "{\"exclude\":[\"mail.example.nl\"]}", "mail.example.nl" },
    { "{\"plugins\":[\"net work\"]}", "net work" },
    { "{\"plugins\":[\"\"]}", "plugin" },
    { "{\"third_party_consent\":[\"hoster..nl\"]}", "hoster..nl" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = parse_json (bad[i].json);
      g_autoptr(WbScope) scope = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i].json);
      scope = wb_scope_new_from_json (node, &error);
      g_assert_null (scope);
      g_assert_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, bad[i].named));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scope/activity/strings", test_activity_strings);
  g_test_add_func ("/scope/activity/order", test_activity_order);
  g_test_add_func ("/scope/parse/kinds", test_parse_kinds);
  g_test_add_func ("/scope/parse/single-hosts", test_parse_single_hosts);
  g_test_add_func ("/scope/parse/ipv6", test_parse_ipv6);
  g_test_add_func ("/scope/parse/ipv4-mapped", test_parse_ipv4_mapped_entries);
  g_test_add_func ("/scope/parse/garbage", test_parse_garbage);
  g_test_add_func ("/scope/parse/empty-and-long", test_parse_empty_and_long);
  g_test_add_func ("/scope/parse/too-broad", test_parse_too_broad);
  g_test_add_func ("/scope/parse/exclusions", test_parse_exclusions);
  g_test_add_func ("/scope/address/cidr", test_address_cidr);
  g_test_add_func ("/scope/address/overlap", test_address_overlap);
  g_test_add_func ("/scope/address/exclusion-inside", test_address_exclusion_inside);
  g_test_add_func ("/scope/address/exclusion-around", test_address_exclusion_around);
  g_test_add_func ("/scope/address/forbidden", test_address_forbidden);
  g_test_add_func ("/scope/address/forbidden-in-range", test_address_forbidden_in_range);
  g_test_add_func ("/scope/address/ipv4-mapped", test_address_ipv4_mapped);
  g_test_add_func ("/scope/hostname/names-and-domains", test_hostname);
  g_test_add_func ("/scope/hostname/badexample", test_hostname_badexample);
  g_test_add_func ("/scope/ssid", test_ssid);
  g_test_add_func ("/scope/plugins", test_plugins);
  g_test_add_func ("/scope/third-parties", test_third_parties);
  g_test_add_func ("/scope/empty", test_empty);
  g_test_add_func ("/scope/copy", test_copy);
  g_test_add_func ("/scope/expand/24-with-exclusion", test_expand_24);
  g_test_add_func ("/scope/expand/limit", test_expand_limit);
  g_test_add_func ("/scope/expand/big-and-overlapping", test_expand_big_and_overlapping);
  g_test_add_func ("/scope/expand/listed-special", test_expand_listed_special);
  g_test_add_func ("/scope/json/round-trip", test_json_round_trip);
  g_test_add_func ("/scope/json/missing-members", test_json_missing_members);
  g_test_add_func ("/scope/json/strict", test_json_strict);

  return g_test_run ();
}

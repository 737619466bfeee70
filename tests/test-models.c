/* test-models.c — findings, companies, people and the agreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "wb-agreement.h"
#include "wb-company.h"
#include "wb-finding.h"
#include "wb-init.h"
#include "wb-scope.h"

/* ---- helpers ---- */

static char *
node_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static guint
strv_length_const (const char * const *strv)
{
  guint n = 0;

  while (strv != NULL && strv[n] != NULL)
    n++;
  return n;
}

/* ---- findings ---- */

static void
test_check_id (void)
{
  static const char * const valid[] = {
    "network.rdp-exposed", "avg.no-register", "a.b", "web.tls-1-0", "x1.y2-z3.w",
    "access.mfa.cloud", "1.2",
  };
  static const char * const invalid[] = {
    "", "Network.x", "network.X", "nodot", "no-dot-here", ".a", "a.", "a..b", "a.-b",
    "a-.b", "-a.b", "a.b-", "a--b.c", "a b.c", "a.b c", " a.b", "a.b ", "a_b.c",
    "a/b.c", "avg.geen-verwerkingsregister-ë", "café.open", "a.b\n", "a.b\t",
    "a.\xc3\xa9", "A.B",
  };
  char too_long[98];
  char longest[97];

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_test_message ("valid: %s", valid[i]);
      g_assert_true (wb_check_id_is_valid (valid[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("invalid: %s", invalid[i]);
      g_assert_false (wb_check_id_is_valid (invalid[i]));
    }
  g_assert_false (wb_check_id_is_valid (NULL));

  /* 96 characters is the limit: "a.aaaa...". */
  memset (longest, 'a', sizeof longest - 1);
  longest[1] = '.';
  longest[sizeof longest - 1] = '\0';
  g_assert_cmpuint (strlen (longest), ==, 96);
  g_assert_true (wb_check_id_is_valid (longest));

  memset (too_long, 'a', sizeof too_long - 1);
  too_long[1] = '.';
  too_long[sizeof too_long - 1] = '\0';
  g_assert_cmpuint (strlen (too_long), ==, 97);
  g_assert_false (wb_check_id_is_valid (too_long));
}

static void
test_severity_cvss (void)
{
  static const struct { double cvss; WbSeverity severity; } cases[] = {
    { 0.0, WB_SEVERITY_INFO },
    { 0.1, WB_SEVERITY_LOW },
    { 3.9, WB_SEVERITY_LOW },
    { 4.0, WB_SEVERITY_MEDIUM },
    { 6.9, WB_SEVERITY_MEDIUM },
    { 7.0, WB_SEVERITY_HIGH },
    { 8.9, WB_SEVERITY_HIGH },
    { 9.0, WB_SEVERITY_CRITICAL },
    { 10.0, WB_SEVERITY_CRITICAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("CVSS %.1f", cases[i].cvss);
      g_assert_cmpint (wb_severity_from_cvss (cases[i].cvss), ==, cases[i].severity);
    }
}

static void
test_finding_enums (void)
{
  static const char * const severities[] = { "info", "low", "medium", "high", "critical" };
  static const char * const confidences[] = { "observed", "automated", "stated", "banner" };
  static const char * const owners[] = { "company", "supplier" };
  static const char * const priorities[] = { "now", "quarter", "replacement" };
  static const char * const solutions[] = {
    "vendor-fix", "workaround", "mitigation", "organisational", "none-available"
  };
  WbSeverity severity;
  WbConfidence confidence;
  WbOwner owner;
  WbPriority priority;
  WbSolution solution;

  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    {
      g_assert_cmpstr (wb_severity_to_string ((WbSeverity) i), ==, severities[i]);
      g_assert_true (wb_severity_from_string (severities[i], &severity));
      g_assert_cmpint (severity, ==, i);
      g_assert_nonnull (wb_severity_get_label ((WbSeverity) i));
    }
  for (guint i = 0; i < G_N_ELEMENTS (confidences); i++)
    {
      g_assert_cmpstr (wb_confidence_to_string ((WbConfidence) i), ==, confidences[i]);
      g_assert_true (wb_confidence_from_string (confidences[i], &confidence));
      g_assert_cmpint (confidence, ==, i);
      g_assert_nonnull (wb_confidence_get_label ((WbConfidence) i));
    }
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      g_assert_cmpstr (wb_owner_to_string ((WbOwner) i), ==, owners[i]);
      g_assert_true (wb_owner_from_string (owners[i], &owner));
      g_assert_cmpint (owner, ==, i);
      g_assert_nonnull (wb_owner_get_label ((WbOwner) i));
    }
  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    {
      g_assert_cmpstr (wb_priority_to_string ((WbPriority) i), ==, priorities[i]);
      g_assert_true (wb_priority_from_string (priorities[i], &priority));
      g_assert_cmpint (priority, ==, i);
      g_assert_nonnull (wb_priority_get_label ((WbPriority) i));
    }
  for (guint i = 0; i < G_N_ELEMENTS (solutions); i++)
    {
      g_assert_cmpstr (wb_solution_to_string ((WbSolution) i), ==, solutions[i]);
      g_assert_true (wb_solution_from_string (solutions[i], &solution));
      g_assert_cmpint (solution, ==, i);
      g_assert_nonnull (wb_solution_get_label ((WbSolution) i));
    }

  severity = WB_SEVERITY_HIGH;
  g_assert_false (wb_severity_from_string ("High", &severity));
  g_assert_false (wb_severity_from_string ("", &severity));
  g_assert_false (wb_severity_from_string (NULL, &severity));
  g_assert_cmpint (severity, ==, WB_SEVERITY_HIGH);
  g_assert_false (wb_confidence_from_string ("sure", &confidence));
  g_assert_false (wb_owner_from_string ("student", &owner));
  g_assert_false (wb_priority_from_string ("later", &priority));
  g_assert_false (wb_solution_from_string ("vendor_fix", &solution));
}

static void
test_confidence_qod (void)
{
  guint banner = wb_confidence_get_qod (WB_CONFIDENCE_BANNER);

  /* Greenbone: active check 95, unreliable banner 30. */
  g_assert_cmpuint (wb_confidence_get_qod (WB_CONFIDENCE_AUTOMATED), ==, 95);
  g_assert_cmpuint (banner, ==, 30);
  g_assert_cmpuint (banner, <, wb_confidence_get_qod (WB_CONFIDENCE_AUTOMATED));
  g_assert_cmpuint (banner, <, wb_confidence_get_qod (WB_CONFIDENCE_OBSERVED));
  g_assert_cmpuint (banner, <, wb_confidence_get_qod (WB_CONFIDENCE_STATED));
  for (guint i = WB_CONFIDENCE_OBSERVED; i <= WB_CONFIDENCE_BANNER; i++)
    g_assert_cmpuint (wb_confidence_get_qod ((WbConfidence) i), <=, 100);
}

static void
test_finding_new (void)
{
  g_autoptr(WbFinding) a = wb_finding_new ("network.rdp-exposed", "RDP open", WB_SEVERITY_HIGH);
  g_autoptr(WbFinding) b = wb_finding_new ("network.rdp-exposed", "RDP open", WB_SEVERITY_HIGH);
  const WbAdvice *advice;

  g_assert_nonnull (a);
  g_assert_cmpstr (wb_finding_get_check_id (a), ==, "network.rdp-exposed");
  g_assert_cmpstr (wb_finding_get_title (a), ==, "RDP open");
  g_assert_cmpint (wb_finding_get_severity (a), ==, WB_SEVERITY_HIGH);
  g_assert_null (wb_finding_get_severity_reason (a));
  g_assert_null (wb_finding_get_plugin_id (a));
  g_assert_cmpint (wb_finding_get_confidence (a), ==, WB_CONFIDENCE_OBSERVED);
  g_assert_cmpuint (strv_length_const (wb_finding_get_assets (a)), ==, 0);
  g_assert_cmpuint (strv_length_const (wb_finding_get_evidence (a)), ==, 0);

  /* Ids are random hex, unique per finding. */
  g_assert_cmpuint (strlen (wb_finding_get_id (a)), ==, 16);
  for (const char *p = wb_finding_get_id (a); *p; p++)
    g_assert_true (g_ascii_isxdigit (*p) && !g_ascii_isupper (*p));
  g_assert_cmpstr (wb_finding_get_id (a), !=, wb_finding_get_id (b));

  advice = wb_finding_get_advice (a);
  g_assert_nonnull (advice);
  g_assert_cmpint (advice->owner, ==, WB_OWNER_COMPANY);
  g_assert_cmpint (advice->priority, ==, WB_PRIORITY_QUARTER);
  g_assert_cmpuint (advice->effort, ==, 1);
  g_assert_cmpint (advice->solution, ==, WB_SOLUTION_ORGANISATIONAL);
  g_assert_nonnull (advice->references);
  g_assert_null (advice->references[0]);

  wb_finding_add_asset (a, "198.18.0.7");
  wb_finding_add_asset (a, "nas.example.nl");
  wb_finding_add_evidence (a, "3389/tcp open");
  g_assert_cmpuint (strv_length_const (wb_finding_get_assets (a)), ==, 2);
  g_assert_cmpstr (wb_finding_get_assets (a)[1], ==, "nas.example.nl");
  g_assert_cmpstr (wb_finding_get_evidence (a)[0], ==, "3389/tcp open");

  wb_finding_set_severity (a, WB_SEVERITY_CRITICAL, "CVSS 9.8");
  g_assert_cmpint (wb_finding_get_severity (a), ==, WB_SEVERITY_CRITICAL);
  g_assert_cmpstr (wb_finding_get_severity_reason (a), ==, "CVSS 9.8");
  wb_finding_set_severity (a, WB_SEVERITY_LOW, NULL);
  g_assert_null (wb_finding_get_severity_reason (a));
  wb_finding_set_title (a, "Remote desktop reachable");
  g_assert_cmpstr (wb_finding_get_title (a), ==, "Remote desktop reachable");
  wb_finding_set_plugin_id (a, "network");
  g_assert_cmpstr (wb_finding_get_plugin_id (a), ==, "network");
}

static void
test_finding_new_invalid_check_id (void)
{
  if (g_test_subprocess ())
    {
      WbFinding *f = wb_finding_new ("Not valid", "x", WB_SEVERITY_LOW);

      g_assert_null (f);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*wb_check_id_is_valid*");
}

static void
test_advice_copy (void)
{
  g_autoptr(WbAdvice) advice = wb_advice_new ();
  g_autoptr(WbAdvice) copy = NULL;
  g_autoptr(WbFinding) finding = wb_finding_new ("avg.no-register", "x", WB_SEVERITY_LOW);
  const char * const refs[] = { "AVG art. 30", "CIS 3.1", NULL };

  advice->risk = g_strdup ("risk");
  advice->step = g_strdup ("step");
  advice->owner = WB_OWNER_SUPPLIER;
  advice->priority = WB_PRIORITY_NOW;
  advice->effort = 3;
  advice->solution = WB_SOLUTION_VENDOR_FIX;
  g_strfreev (advice->references);
  advice->references = g_strdupv ((char **) refs);

  copy = wb_advice_copy (advice);
  g_assert_true (copy->risk != advice->risk);
  g_assert_cmpstr (copy->risk, ==, "risk");
  g_assert_cmpstr (copy->step, ==, "step");
  g_assert_cmpint (copy->owner, ==, WB_OWNER_SUPPLIER);
  g_assert_cmpint (copy->priority, ==, WB_PRIORITY_NOW);
  g_assert_cmpuint (copy->effort, ==, 3);
  g_assert_cmpint (copy->solution, ==, WB_SOLUTION_VENDOR_FIX);
  g_assert_true (copy->references != advice->references);
  g_assert_cmpstrv (copy->references, refs);

  /* The finding keeps its own copy. */
  wb_finding_set_advice (finding, advice);
  g_free (advice->risk);
  advice->risk = g_strdup ("changed");
  g_assert_cmpstr (wb_finding_get_advice (finding)->risk, ==, "risk");
  g_assert_cmpstrv (wb_finding_get_advice (finding)->references, refs);

  wb_advice_free (NULL);
}

static WbFinding *
full_finding (void)
{
  WbFinding *finding = wb_finding_new ("avg.no-register",
                                       "Geen verwerkingsregister — één café, naïef beleid",
                                       WB_SEVERITY_MEDIUM);
  g_autoptr(WbAdvice) advice = wb_advice_new ();
  const char * const refs[] = { "AVG art. 30", "Cyber Essentials: “secure configuration”",
                                "CIS 3.1", NULL };

  wb_finding_set_plugin_id (finding, "avg-interview");
  wb_finding_set_severity (finding, WB_SEVERITY_HIGH, "Wettelijke plicht (gewicht 3) — ‘art. 30’");
  wb_finding_set_confidence (finding, WB_CONFIDENCE_STATED);
  wb_finding_add_asset (finding, "Administratie");
  wb_finding_add_asset (finding, "nas.bakkerij-de-vries.nl");
  wb_finding_add_evidence (finding, "Interview met de eigenaar: \"we hebben dat niet\"");
  wb_finding_add_evidence (finding, "Regel 2\nmet tab\t en backslash \\ en €");

  advice->risk = g_strdup ("De Autoriteit Persoonsgegevens kan een boete opleggen; coördinatie ontbreekt.");
  advice->step = g_strdup ("Maak een verwerkingsregister met het model van de AP (één middag).");
  advice->owner = WB_OWNER_SUPPLIER;
  advice->priority = WB_PRIORITY_NOW;
  advice->effort = 2;
  advice->solution = WB_SOLUTION_WORKAROUND;
  g_strfreev (advice->references);
  advice->references = g_strdupv ((char **) refs);
  wb_finding_set_advice (finding, advice);
  return finding;
}

static void
test_finding_json_roundtrip (void)
{
  g_autoptr(WbFinding) finding = full_finding ();
  g_autoptr(JsonNode) node = wb_finding_to_json (finding);
  g_autofree char *first = node_to_string (node);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reparsed = parse (first);
  g_autoptr(WbFinding) back = wb_finding_new_from_json (reparsed, &error);
  g_autoptr(JsonNode) node2 = NULL;
  g_autofree char *second = NULL;
  const WbAdvice *advice;
  const char * const refs[] = { "AVG art. 30", "Cyber Essentials: “secure configuration”",
                                "CIS 3.1", NULL };

  g_assert_no_error (error);
  g_assert_nonnull (back);
  node2 = wb_finding_to_json (back);
  second = node_to_string (node2);
  g_test_message ("%s", first);
  g_assert_cmpstr (first, ==, second);

  g_assert_cmpstr (wb_finding_get_id (back), ==, wb_finding_get_id (finding));
  g_assert_cmpstr (wb_finding_get_check_id (back), ==, "avg.no-register");
  g_assert_cmpstr (wb_finding_get_plugin_id (back), ==, "avg-interview");
  g_assert_cmpstr (wb_finding_get_title (back), ==,
                   "Geen verwerkingsregister — één café, naïef beleid");
  g_assert_cmpint (wb_finding_get_severity (back), ==, WB_SEVERITY_HIGH);
  g_assert_cmpstr (wb_finding_get_severity_reason (back), ==,
                   "Wettelijke plicht (gewicht 3) — ‘art. 30’");
  g_assert_cmpint (wb_finding_get_confidence (back), ==, WB_CONFIDENCE_STATED);
  g_assert_cmpuint (strv_length_const (wb_finding_get_assets (back)), ==, 2);
  g_assert_cmpstr (wb_finding_get_assets (back)[1], ==, "nas.bakkerij-de-vries.nl");
  g_assert_cmpuint (strv_length_const (wb_finding_get_evidence (back)), ==, 2);
  g_assert_cmpstr (wb_finding_get_evidence (back)[1], ==, "Regel 2\nmet tab\t en backslash \\ en €");
  advice = wb_finding_get_advice (back);
  g_assert_cmpstr (advice->risk, ==,
                   "De Autoriteit Persoonsgegevens kan een boete opleggen; coördinatie ontbreekt.");
  g_assert_cmpstr (advice->step, ==,
                   "Maak een verwerkingsregister met het model van de AP (één middag).");
  g_assert_cmpint (advice->owner, ==, WB_OWNER_SUPPLIER);
  g_assert_cmpint (advice->priority, ==, WB_PRIORITY_NOW);
  g_assert_cmpuint (advice->effort, ==, 2);
  g_assert_cmpint (advice->solution, ==, WB_SOLUTION_WORKAROUND);
  g_assert_cmpstrv (advice->references, refs);
}

static void
test_finding_json_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse ("{\"check_id\": \"network.telnet-open\", "
                                    "\"title\": \"Telnet\", \"severity\": \"low\"}");
  g_autoptr(WbFinding) finding = wb_finding_new_from_json (node, &error);
  g_autoptr(WbFinding) plain = wb_finding_new ("web.hsts", "HSTS", WB_SEVERITY_INFO);
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(JsonNode) out2 = NULL;
  g_autoptr(WbFinding) back = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (finding);
  /* Missing optional members take the defaults; a missing id gets a fresh one. */
  g_assert_cmpuint (strlen (wb_finding_get_id (finding)), ==, 16);
  g_assert_null (wb_finding_get_plugin_id (finding));
  g_assert_null (wb_finding_get_severity_reason (finding));
  g_assert_cmpint (wb_finding_get_confidence (finding), ==, WB_CONFIDENCE_OBSERVED);
  g_assert_cmpuint (wb_finding_get_advice (finding)->effort, ==, 1);

  /* A finding without the optional members round-trips exactly too. */
  out = wb_finding_to_json (plain);
  a = node_to_string (out);
  back = wb_finding_new_from_json (out, &error);
  g_assert_no_error (error);
  out2 = wb_finding_to_json (back);
  b = node_to_string (out2);
  g_assert_cmpstr (a, ==, b);
}

/* The finding JSON in @text must be refused; the message names @needle if given. */
static void
assert_finding_refused (const char *text,
                        const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse (text);
  g_autoptr(WbFinding) finding = wb_finding_new_from_json (node, &error);

  g_test_message ("%s -> %s", text, error ? error->message : "(accepted)");
  g_assert_null (finding);
  g_assert_nonnull (error);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

#define F_BASE "\"check_id\": \"network.rdp-exposed\", \"title\": \"RDP\", \"severity\": \"high\""

static void
test_finding_json_strict (void)
{
  /* Sanity: the base is accepted. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = parse ("{" F_BASE "}");
    g_autoptr(WbFinding) finding = wb_finding_new_from_json (node, &error);

    g_assert_no_error (error);
    g_assert_nonnull (finding);
  }

  /* Not an object. */
  assert_finding_refused ("[]", NULL);
  assert_finding_refused ("\"network.rdp-exposed\"", NULL);
  /* Unknown members, also inside the advice. */
  assert_finding_refused ("{" F_BASE ", \"colour\": \"red\"}", "colour");
  assert_finding_refused ("{" F_BASE ", \"advice\": {\"cost\": 3}}", "cost");
  /* Missing required members. */
  assert_finding_refused ("{\"check_id\": \"network.rdp-exposed\", \"severity\": \"high\"}",
                          "title");
  assert_finding_refused ("{\"title\": \"RDP\", \"severity\": \"high\"}", "check_id");
  assert_finding_refused ("{\"check_id\": \"network.rdp-exposed\", \"title\": \"RDP\"}",
                          "severity");
  assert_finding_refused ("{\"check_id\": null, \"title\": \"RDP\", \"severity\": \"high\"}",
                          "check_id");
  /* Wrong types. */
  assert_finding_refused ("{\"check_id\": \"network.rdp-exposed\", \"title\": 5, "
                          "\"severity\": \"high\"}", "title");
  assert_finding_refused ("{\"check_id\": [\"a.b\"], \"title\": \"RDP\", "
                          "\"severity\": \"high\"}", "check_id");
  assert_finding_refused ("{" F_BASE ", \"id\": 7}", "id");
  assert_finding_refused ("{" F_BASE ", \"plugin\": true}", "plugin");
  assert_finding_refused ("{" F_BASE ", \"severity_reason\": {}}", "severity_reason");
  assert_finding_refused ("{" F_BASE ", \"assets\": \"198.18.0.7\"}", "assets");
  assert_finding_refused ("{" F_BASE ", \"assets\": [\"a\", 1]}", "assets");
  assert_finding_refused ("{" F_BASE ", \"evidence\": [null]}", "evidence");
  assert_finding_refused ("{" F_BASE ", \"advice\": []}", "advice");
  assert_finding_refused ("{" F_BASE ", \"advice\": {\"risk\": 1}}", "risk");
  assert_finding_refused ("{" F_BASE ", \"advice\": {\"references\": \"CIS\"}}", "references");
  assert_finding_refused ("{" F_BASE ", \"advice\": {\"effort\": \"2\"}}", "effort");
  assert_finding_refused ("{" F_BASE ", \"advice\": {\"effort\": 2.5}}", "effort");
  /* Bad enum values. */
  assert_finding_refused ("{\"check_id\": \"network.rdp-exposed\", \"title\": \"RDP\", "
                          "\"severity\": \"severe\"}", "severe");
  assert_finding_refused ("{\"check_id\": \"network.rdp-exposed\", \"title\": \"RDP\", "
                          "\"severity\": \"High\"}", "High");
  assert_finding_refused ("{" F_BASE ", \"confidence\": \"sure\"}", "sure");
  assert_finding_refused ("{" F_BASE ", \"advice\": {\"owner\": \"boss\"}}", "boss");
  assert_finding_refused ("{" F_BASE ", \"advice\": {\"priority\": \"later\"}}", "later");
  assert_finding_refused ("{" F_BASE ", \"advice\": {\"solution\": \"magic\"}}", "magic");
  /* Effort out of range. */
  assert_finding_refused ("{" F_BASE ", \"advice\": {\"effort\": 0}}", "effort");
  assert_finding_refused ("{" F_BASE ", \"advice\": {\"effort\": 4}}", "effort");
  assert_finding_refused ("{" F_BASE ", \"advice\": {\"effort\": -1}}", "effort");
  assert_finding_refused ("{" F_BASE ", \"advice\": {\"effort\": 4294967298}}", "effort");
  /* Invalid check ids. */
  assert_finding_refused ("{\"check_id\": \"Network.x\", \"title\": \"RDP\", "
                          "\"severity\": \"high\"}", "Network.x");
  assert_finding_refused ("{\"check_id\": \"\", \"title\": \"RDP\", \"severity\": \"high\"}",
                          NULL);
  assert_finding_refused ("{\"check_id\": \"nodot\", \"title\": \"RDP\", "
                          "\"severity\": \"high\"}", "nodot");
}

static gint
compare_plan (gconstpointer a,
              gconstpointer b)
{
  WbFinding *fa = *(WbFinding * const *) a;
  WbFinding *fb = *(WbFinding * const *) b;

  return wb_finding_compare_for_plan (fa, fb);
}

static WbFinding *
plan_finding (const char *check_id,
              WbPriority  priority,
              WbSeverity  severity)
{
  WbFinding *finding = wb_finding_new (check_id, check_id, severity);
  g_autoptr(WbAdvice) advice = wb_advice_new ();

  advice->priority = priority;
  wb_finding_set_advice (finding, advice);
  return finding;
}

static void
test_finding_plan_order (void)
{
  static const char * const expected[] = {
    "net.a-crit",     /* now, critical */
    "net.b-high",     /* now, high */
    "net.c-high",     /* now, high (check id breaks the tie) */
    "net.a-low",      /* now, low */
    "avg.critical",   /* quarter, critical */
    "avg.info",       /* quarter, info */
    "aaa.crit",       /* replacement, critical */
    "zzz.medium",     /* replacement, medium */
  };
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func (g_object_unref);

  /* Added in a scrambled order. */
  g_ptr_array_add (plan, plan_finding ("zzz.medium", WB_PRIORITY_REPLACEMENT, WB_SEVERITY_MEDIUM));
  g_ptr_array_add (plan, plan_finding ("avg.info", WB_PRIORITY_QUARTER, WB_SEVERITY_INFO));
  g_ptr_array_add (plan, plan_finding ("net.c-high", WB_PRIORITY_NOW, WB_SEVERITY_HIGH));
  g_ptr_array_add (plan, plan_finding ("net.a-low", WB_PRIORITY_NOW, WB_SEVERITY_LOW));
  g_ptr_array_add (plan, plan_finding ("aaa.crit", WB_PRIORITY_REPLACEMENT, WB_SEVERITY_CRITICAL));
  g_ptr_array_add (plan, plan_finding ("net.b-high", WB_PRIORITY_NOW, WB_SEVERITY_HIGH));
  g_ptr_array_add (plan, plan_finding ("avg.critical", WB_PRIORITY_QUARTER, WB_SEVERITY_CRITICAL));
  g_ptr_array_add (plan, plan_finding ("net.a-crit", WB_PRIORITY_NOW, WB_SEVERITY_CRITICAL));

  g_ptr_array_sort (plan, compare_plan);
  g_assert_cmpuint (plan->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < plan->len; i++)
    g_assert_cmpstr (wb_finding_get_check_id (plan->pdata[i]), ==, expected[i]);

  /* Antisymmetric, and equal to itself. */
  for (guint i = 0; i < plan->len; i++)
    for (guint j = 0; j < plan->len; j++)
      {
        gint ij = wb_finding_compare_for_plan (plan->pdata[i], plan->pdata[j]);
        gint ji = wb_finding_compare_for_plan (plan->pdata[j], plan->pdata[i]);

        if (i == j)
          g_assert_cmpint (ij, ==, 0);
        else
          g_assert_cmpint ((ij > 0) - (ij < 0), ==, (ji < 0) - (ji > 0));
        if (i < j)
          g_assert_cmpint (ij, <, 0);
      }
}

/* ---- company ---- */

static void
test_kvk (void)
{
  static const char * const valid[] = { "12345678", "00000000", "90000001" };
  static const char * const invalid[] = {
    "", "1234567", "123456789", "1234567a", " 12345678", "12345678 ", "1234 5678",
    "1234-5678", "+1234567", "١٢٣٤٥٦٧٨", "１２３４５６７８", "12.34567",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (wb_kvk_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("invalid KvK: %s", invalid[i]);
      g_assert_false (wb_kvk_is_valid (invalid[i]));
    }
  g_assert_false (wb_kvk_is_valid (NULL));
}

static void
test_sbi (void)
{
  static const struct { const char *sbi; const char *section; } cases[] = {
    { "47.11", "G" }, { "10.71", "C" }, { "01", "A" }, { "62.01", "J" }, { "99", "U" },
    { "4711", "G" }, { "47.1.1", "G" }, { "47111", "G" }, { "47.111", "G" },
    /* Every section's first and last division. */
    { "03", "A" }, { "06", "B" }, { "09", "B" }, { "10", "C" }, { "33", "C" },
    { "35", "D" }, { "36", "E" }, { "39", "E" }, { "41", "F" }, { "43", "F" },
    { "45", "G" }, { "47", "G" }, { "49", "H" }, { "53", "H" }, { "55", "I" },
    { "56", "I" }, { "58", "J" }, { "63", "J" }, { "64", "K" }, { "66", "K" },
    { "68", "L" }, { "69", "M" }, { "75", "M" }, { "77", "N" }, { "82", "N" },
    { "84", "O" }, { "85", "P" }, { "86", "Q" }, { "88", "Q" }, { "90", "R" },
    { "93", "R" }, { "94", "S" }, { "96", "S" }, { "97", "T" }, { "98", "T" },
  };
  /* Well-formed, but no such division. */
  static const char * const no_division[] = {
    "04", "00", "34", "40", "44", "48", "54", "57", "67", "76", "83", "89",
  };
  static const char * const malformed[] = {
    "", "4", "47..1", "abc", "47.", ".47", "4.711", "123456", "47.1111", "47 11",
    " 47.11", "47.11 ", "47-11", "4a", "47.1a", "47,11", "47..", "٤٧", "４７",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("SBI %s", cases[i].sbi);
      g_assert_cmpstr (wb_sbi_get_section (cases[i].sbi), ==, cases[i].section);
      g_assert_true (wb_sbi_is_valid (cases[i].sbi));
    }
  for (guint i = 0; i < G_N_ELEMENTS (no_division); i++)
    {
      g_test_message ("SBI %s (no such division)", no_division[i]);
      g_assert_null (wb_sbi_get_section (no_division[i]));
      g_assert_false (wb_sbi_is_valid (no_division[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_test_message ("SBI %s (malformed)", malformed[i]);
      g_assert_null (wb_sbi_get_section (malformed[i]));
      g_assert_false (wb_sbi_is_valid (malformed[i]));
    }
  g_assert_null (wb_sbi_get_section (NULL));
  g_assert_false (wb_sbi_is_valid (NULL));
}

static void
test_provinces (void)
{
  static const char * const all[] = {
    "groningen", "friesland", "drenthe", "overijssel", "flevoland", "gelderland",
    "utrecht", "noord-holland", "zuid-holland", "zeeland", "noord-brabant", "limburg",
  };
  static const char * const invalid[] = {
    "", "Groningen", "GRONINGEN", "noord holland", "noordholland", "fryslân", "brabant",
    "brussel", "limburg ", " limburg", "vlaanderen",
  };
  const char * const *list = wb_province_list ();

  g_assert_cmpuint (strv_length_const (list), ==, 12);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      const char *label = wb_province_get_label (all[i]);

      g_assert_true (wb_province_is_valid (all[i]));
      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 0);
      g_assert_true (g_strv_contains (list, all[i]));
    }
  /* Every listed id is valid and listed once. */
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_assert_true (wb_province_is_valid (list[i]));
      for (guint j = i + 1; list[j] != NULL; j++)
        g_assert_cmpstr (list[i], !=, list[j]);
    }
  g_assert_cmpstr (wb_province_get_label ("friesland"), ==, "Fryslân");
  g_assert_cmpstr (wb_province_get_label ("noord-brabant"), ==, "Noord-Brabant");
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (wb_province_is_valid (invalid[i]));
      g_assert_null (wb_province_get_label (invalid[i]));
    }
  g_assert_false (wb_province_is_valid (NULL));
  /* Asking twice gives the same list. */
  g_assert_true (wb_province_list () == list);
}

static void
test_size_class (void)
{
  static const struct { WbSizeClass size; const char *id; } cases[] = {
    { WB_SIZE_UNKNOWN, "unknown" }, { WB_SIZE_MICRO, "lt10" }, { WB_SIZE_SMALL, "lt50" },
    { WB_SIZE_MEDIUM, "lt250" }, { WB_SIZE_LARGE, "ge250" },
  };
  static const char * const invalid[] = { "", "LT10", "lt 10", "<10", "micro", "ge 250", "10" };
  WbSizeClass size;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (wb_size_class_to_string (cases[i].size), ==, cases[i].id);
      g_assert_true (wb_size_class_from_string (cases[i].id, &size));
      g_assert_cmpint (size, ==, cases[i].size);
      g_assert_nonnull (wb_size_class_get_label (cases[i].size));
    }
  size = WB_SIZE_SMALL;
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (wb_size_class_from_string (invalid[i], &size));
  g_assert_false (wb_size_class_from_string (NULL, &size));
  g_assert_cmpint (size, ==, WB_SIZE_SMALL);
}

static WbCompany *
full_company (void)
{
  WbCompany *company = wb_company_new ();

  company->name = g_strdup ("Bakkerij Één & Zoon — Café ‘De Brûg’");
  company->kvk = g_strdup ("12345678");
  company->sbi = g_strdup ("10.71");
  company->size = WB_SIZE_SMALL;
  company->province = g_strdup ("friesland");
  return company;
}

static void
assert_company_invalid (const WbCompany *company,
                        const char      *needle)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (wb_company_validate (company, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, needle));
}

static void
test_company_validate (void)
{
  g_autoptr(WbCompany) company = full_company ();
  g_autoptr(WbCompany) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = NULL;

  g_assert_true (wb_company_validate (company, &error));
  g_assert_no_error (error);

  copy = wb_company_copy (company);
  g_assert_true (copy->name != company->name);
  g_assert_cmpstr (copy->name, ==, company->name);
  g_assert_cmpstr (copy->kvk, ==, "12345678");
  g_assert_cmpstr (copy->sbi, ==, "10.71");
  g_assert_cmpint (copy->size, ==, WB_SIZE_SMALL);
  g_assert_cmpstr (copy->province, ==, "friesland");

  /* Only a name is needed. */
  g_clear_pointer (&copy->kvk, g_free);
  g_clear_pointer (&copy->sbi, g_free);
  g_clear_pointer (&copy->province, g_free);
  copy->size = WB_SIZE_UNKNOWN;
  g_assert_true (wb_company_validate (copy, &error));
  g_assert_no_error (error);

  g_clear_pointer (&copy->name, g_free);
  assert_company_invalid (copy, "name");
  copy->name = g_strdup ("");
  assert_company_invalid (copy, "name");
  g_free (copy->name);
  copy->name = g_strdup ("   ");
  assert_company_invalid (copy, "name");
  g_free (copy->name);
  copy->name = g_strdup (" \t ");
  assert_company_invalid (copy, "name");
  g_free (copy->name);
  copy->name = g_strdup (" \n\r ");
  assert_company_invalid (copy, "name");
  g_free (copy->name);
  long_name = g_strnfill (201, 'x');
  copy->name = g_strdup (long_name);
  assert_company_invalid (copy, "200");
  g_free (copy->name);
  copy->name = g_strdup ("Bakkerij");

  copy->kvk = g_strdup ("1234567");
  assert_company_invalid (copy, "KvK");
  g_free (copy->kvk);
  copy->kvk = g_strdup ("1234567a");
  assert_company_invalid (copy, "KvK");
  g_clear_pointer (&copy->kvk, g_free);

  copy->sbi = g_strdup ("4");
  assert_company_invalid (copy, "SBI");
  g_free (copy->sbi);
  copy->sbi = g_strdup ("04");
  assert_company_invalid (copy, "SBI");
  g_clear_pointer (&copy->sbi, g_free);

  copy->province = g_strdup ("brabant");
  assert_company_invalid (copy, "province");
}

static void
test_company_json (void)
{
  g_autoptr(WbCompany) company = full_company ();
  g_autoptr(WbCompany) minimal = wb_company_new ();
  g_autoptr(JsonNode) node = wb_company_to_json (company);
  g_autofree char *first = node_to_string (node);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reparsed = parse (first);
  g_autoptr(WbCompany) back = wb_company_new_from_json (reparsed, &error);
  g_autoptr(JsonNode) node2 = NULL;
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (back);
  node2 = wb_company_to_json (back);
  second = node_to_string (node2);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (back->name, ==, company->name);
  g_assert_cmpstr (back->kvk, ==, "12345678");
  g_assert_cmpstr (back->sbi, ==, "10.71");
  g_assert_cmpint (back->size, ==, WB_SIZE_SMALL);
  g_assert_cmpstr (back->province, ==, "friesland");

  /* Minimal: only the name; optional members stay absent. */
  minimal->name = g_strdup ("Kapsalon");
  {
    g_autoptr(JsonNode) n = wb_company_to_json (minimal);
    g_autofree char *s1 = node_to_string (n);
    g_autoptr(WbCompany) b = wb_company_new_from_json (n, &error);
    g_autoptr(JsonNode) n2 = NULL;
    g_autofree char *s2 = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (b);
    g_assert_null (b->kvk);
    g_assert_null (b->sbi);
    g_assert_null (b->province);
    g_assert_cmpint (b->size, ==, WB_SIZE_UNKNOWN);
    n2 = wb_company_to_json (b);
    s2 = node_to_string (n2);
    g_assert_cmpstr (s1, ==, s2);
    g_assert_null (strstr (s1, "kvk"));
  }
}

static void
assert_company_refused (const char *text,
                        const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse (text);
  g_autoptr(WbCompany) company = wb_company_new_from_json (node, &error);

  g_test_message ("%s -> %s", text, error ? error->message : "(accepted)");
  g_assert_null (company);
  g_assert_nonnull (error);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

static void
test_company_json_strict (void)
{
  assert_company_refused ("[]", NULL);
  assert_company_refused ("{\"name\": \"A\", \"city\": \"Assen\"}", "city");
  assert_company_refused ("{\"kvk\": \"12345678\"}", "name");
  assert_company_refused ("{\"name\": 5}", "name");
  assert_company_refused ("{\"name\": \"   \"}", "name");
  assert_company_refused ("{\"name\": \"A\", \"kvk\": 12345678}", "kvk");
  assert_company_refused ("{\"name\": \"A\", \"kvk\": \"123\"}", "KvK");
  assert_company_refused ("{\"name\": \"A\", \"sbi\": 47.11}", "sbi");
  assert_company_refused ("{\"name\": \"A\", \"sbi\": \"47..1\"}", "SBI");
  assert_company_refused ("{\"name\": \"A\", \"size\": \"huge\"}", "huge");
  assert_company_refused ("{\"name\": \"A\", \"size\": 10}", "size");
  assert_company_refused ("{\"name\": \"A\", \"province\": \"Brabant\"}", "province");
  assert_company_refused ("{\"name\": \"A\", \"province\": [\"limburg\"]}", "province");
}

static void
test_person (void)
{
  static const char * const roles[] = { "contact", "signatory", "student", "teacher",
                                        "coordinator" };
  g_autoptr(WbPerson) person = wb_person_new ("Joëlle van der Brûgge", WB_ROLE_SIGNATORY);
  g_autoptr(WbPerson) copy = NULL;
  g_autoptr(WbPerson) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) node2 = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  WbRole role;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_assert_cmpstr (wb_role_to_string ((WbRole) i), ==, roles[i]);
      g_assert_true (wb_role_from_string (roles[i], &role));
      g_assert_cmpint (role, ==, i);
      g_assert_nonnull (wb_role_get_label ((WbRole) i));
    }
  g_assert_false (wb_role_from_string ("boss", &role));
  g_assert_false (wb_role_from_string (NULL, &role));

  person->organisation = g_strdup ("Bakkerij Één");
  person->email = g_strdup ("joelle@example.nl");
  person->phone = g_strdup ("+31 50 123 4567");

  copy = wb_person_copy (person);
  g_assert_cmpstr (copy->name, ==, person->name);
  g_assert_true (copy->name != person->name);
  g_assert_cmpint (copy->role, ==, WB_ROLE_SIGNATORY);
  g_assert_cmpstr (copy->organisation, ==, "Bakkerij Één");
  g_assert_cmpstr (copy->email, ==, "joelle@example.nl");
  g_assert_cmpstr (copy->phone, ==, "+31 50 123 4567");

  node = wb_person_to_json (person);
  first = node_to_string (node);
  back = wb_person_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  node2 = wb_person_to_json (back);
  second = node_to_string (node2);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (back->name, ==, "Joëlle van der Brûgge");
  g_assert_cmpint (back->role, ==, WB_ROLE_SIGNATORY);
  g_assert_cmpstr (back->phone, ==, "+31 50 123 4567");

  /* Minimal person. */
  {
    g_autoptr(WbPerson) minimal = wb_person_new ("Sam", WB_ROLE_STUDENT);
    g_autoptr(JsonNode) n = wb_person_to_json (minimal);
    g_autofree char *s1 = node_to_string (n);
    g_autoptr(WbPerson) b = wb_person_new_from_json (n, &error);
    g_autoptr(JsonNode) n2 = NULL;
    g_autofree char *s2 = NULL;

    g_assert_no_error (error);
    g_assert_null (b->organisation);
    g_assert_null (b->email);
    g_assert_null (b->phone);
    n2 = wb_person_to_json (b);
    s2 = node_to_string (n2);
    g_assert_cmpstr (s1, ==, s2);
  }
}

static void
assert_person_refused (const char *text,
                       const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse (text);
  g_autoptr(WbPerson) person = wb_person_new_from_json (node, &error);

  g_test_message ("%s -> %s", text, error ? error->message : "(accepted)");
  g_assert_null (person);
  g_assert_nonnull (error);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

static void
test_person_json_strict (void)
{
  assert_person_refused ("42", NULL);
  assert_person_refused ("{\"name\": \"A\", \"role\": \"student\", \"age\": 20}", "age");
  assert_person_refused ("{\"role\": \"student\"}", "name");
  assert_person_refused ("{\"name\": \"A\"}", "role");
  assert_person_refused ("{\"name\": \"\", \"role\": \"student\"}", "name");
  assert_person_refused ("{\"name\": \"A\", \"role\": \"boss\"}", "boss");
  assert_person_refused ("{\"name\": \"A\", \"role\": 1}", "role");
  assert_person_refused ("{\"name\": \"A\", \"role\": \"student\", \"email\": 5}", "email");
  assert_person_refused ("{\"name\": \"A\", \"role\": \"student\", \"phone\": []}", "phone");
  assert_person_refused ("{\"name\": \"A\", \"role\": \"student\", \"organisation\": {}}",
                         "organisation");
}

/* ---- agreement ---- */

static void
test_agreement_catalogue (void)
{
  const WbClauseInfo *clauses = wb_agreement_get_clauses ();
  guint n = 0;

  for (guint i = 0; clauses[i].id != NULL; i++)
    {
      n++;
      g_assert_nonnull (clauses[i].title);
      g_assert_cmpuint (strlen (clauses[i].title), >, 0);
      g_assert_nonnull (clauses[i].hint);
      g_assert_cmpuint (strlen (clauses[i].hint), >, 0);
      g_assert_true (wb_agreement_lookup_clause (clauses[i].id) == &clauses[i]);
      for (guint j = i + 1; clauses[j].id != NULL; j++)
        g_assert_cmpstr (clauses[i].id, !=, clauses[j].id);
    }
  /* domain.md "The agreement, in full" has at least the eleven points of the seeds. */
  g_assert_cmpuint (n, >=, 11);
  g_assert_nonnull (wb_agreement_lookup_clause ("method"));
  g_assert_nonnull (wb_agreement_lookup_clause ("confidentiality"));
  g_assert_nonnull (wb_agreement_lookup_clause ("gdpr"));
  g_assert_nonnull (wb_agreement_lookup_clause ("costs"));
  g_assert_nonnull (wb_agreement_lookup_clause ("no-changes"));
  g_assert_null (wb_agreement_lookup_clause ("weather"));
  g_assert_null (wb_agreement_lookup_clause (""));
  g_assert_null (wb_agreement_lookup_clause (NULL));
}

static void
assert_missing (WbAgreement        *agreement,
                const char * const *expected)
{
  g_autoptr(GPtrArray) missing = wb_agreement_get_missing (agreement);

  for (guint i = 0; i < missing->len; i++)
    g_test_message ("missing: %s", (const char *) missing->pdata[i]);
  g_assert_cmpuint (missing->len, ==, strv_length_const (expected));
  for (guint i = 0; i < missing->len; i++)
    g_assert_cmpstr (missing->pdata[i], ==, expected[i]);
}

static const char * const template_missing[] = {
  "The scope lists nothing to examine",
  "The test window",
  "The company's signatory",
  "The school's signatory (the responsible teacher)",
  NULL
};

static WbAgreement *
complete_agreement (void)
{
  WbAgreement *agreement = wb_agreement_new_template ();
  g_autoptr(GError) error = NULL;

  g_assert_true (wb_scope_add (wb_agreement_get_scope (agreement), "198.18.0.0/24", &error));
  g_assert_no_error (error);
  g_assert_true (wb_agreement_set_window (agreement, "2026-03-02", "2026-03-06", &error));
  g_assert_no_error (error);
  wb_agreement_set_signatories (agreement, "Anna de Vries", "Jan Bakker");
  return agreement;
}

static void
test_agreement_template (void)
{
  g_autoptr(WbAgreement) agreement = wb_agreement_new_template ();
  const WbClauseInfo *clauses = wb_agreement_get_clauses ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; clauses[i].id != NULL; i++)
    {
      const char *text = wb_agreement_get_clause (agreement, clauses[i].id);

      g_test_message ("clause %s", clauses[i].id);
      g_assert_nonnull (text);
      g_assert_cmpuint (strlen (text), >, 0);
    }
  g_assert_cmpuint (wb_agreement_get_retention_months (agreement), ==, 6);
  g_assert_cmpint (wb_agreement_get_tlp (agreement), ==, WB_TLP_AMBER_STRICT);
  g_assert_true (wb_agreement_get_aggregate_consent (agreement));
  g_assert_true (wb_scope_is_empty (wb_agreement_get_scope (agreement)));
  g_assert_null (wb_agreement_get_window_start (agreement));
  g_assert_null (wb_agreement_get_window_end (agreement));
  g_assert_null (wb_agreement_get_company_signatory (agreement));
  g_assert_null (wb_agreement_get_school_signatory (agreement));
  g_assert_false (wb_agreement_is_signed (agreement));
  g_assert_null (wb_agreement_get_signed_on (agreement));

  assert_missing (agreement, template_missing);
  g_assert_false (wb_agreement_mark_signed (agreement, "2026-02-20", &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "The test window"));
  g_assert_nonnull (strstr (error->message, "The scope lists nothing to examine"));
  g_assert_false (wb_agreement_is_signed (agreement));
}

static void
test_agreement_empty (void)
{
  g_autoptr(WbAgreement) agreement = wb_agreement_new ();
  g_autoptr(GPtrArray) missing = wb_agreement_get_missing (agreement);
  const WbClauseInfo *clauses = wb_agreement_get_clauses ();
  guint n_required = 0;

  for (guint i = 0; clauses[i].id != NULL; i++)
    {
      g_assert_null (wb_agreement_get_clause (agreement, clauses[i].id));
      if (clauses[i].required)
        n_required++;
    }
  /* Every required clause, scope, retention, window and two signatories. */
  g_assert_cmpuint (missing->len, ==, n_required + 5);
  g_assert_cmpuint (wb_agreement_get_retention_months (agreement), ==, 0);
  g_assert_cmpint (wb_agreement_get_tlp (agreement), ==, WB_TLP_AMBER_STRICT);
}

static void
test_agreement_complete_and_sign (void)
{
  g_autoptr(WbAgreement) agreement = wb_agreement_new_template ();
  g_autoptr(GError) error = NULL;
  const char * const no_window[] = {
    "The test window",
    "The company's signatory",
    "The school's signatory (the responsible teacher)",
    NULL
  };
  const char * const no_signatories[] = {
    "The company's signatory",
    "The school's signatory (the responsible teacher)",
    NULL
  };
  const char * const no_school[] = {
    "The school's signatory (the responsible teacher)",
    NULL
  };
  const char * const nothing[] = { NULL };
  g_autofree char *method_title = NULL;

  g_assert_true (wb_scope_add (wb_agreement_get_scope (agreement), "198.18.0.0/24", &error));
  g_assert_no_error (error);
  assert_missing (agreement, no_window);
  g_assert_true (wb_agreement_set_window (agreement, "2026-03-02", "2026-03-06", &error));
  g_assert_no_error (error);
  assert_missing (agreement, no_signatories);
  wb_agreement_set_signatories (agreement, "Anna de Vries", "");
  assert_missing (agreement, no_school);
  wb_agreement_set_signatories (agreement, "Anna de Vries", NULL);
  assert_missing (agreement, no_school);
  wb_agreement_set_signatories (agreement, "Anna de Vries", "Jan Bakker");
  assert_missing (agreement, nothing);
  g_assert_cmpstr (wb_agreement_get_company_signatory (agreement), ==, "Anna de Vries");
  g_assert_cmpstr (wb_agreement_get_school_signatory (agreement), ==, "Jan Bakker");

  /* Clearing a clause makes it missing again, by its title. */
  g_assert_true (wb_agreement_set_clause (agreement, "method", "", &error));
  g_assert_no_error (error);
  g_assert_null (wb_agreement_get_clause (agreement, "method"));
  method_title = g_strdup_printf ("Clause: %s", wb_agreement_lookup_clause ("method")->title);
  {
    const char * const no_method[] = { method_title, NULL };

    assert_missing (agreement, no_method);
  }
  g_assert_true (wb_agreement_set_clause (agreement, "method", NULL, &error));
  g_assert_true (wb_agreement_set_clause (agreement, "method", "Interviews en checklist.", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wb_agreement_get_clause (agreement, "method"), ==, "Interviews en checklist.");
  assert_missing (agreement, nothing);

  /* Unknown clause ids are refused. */
  g_assert_false (wb_agreement_set_clause (agreement, "weather", "sunny", &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID);
  g_clear_error (&error);

  /* A bad date is refused and leaves it unsigned. */
  g_assert_false (wb_agreement_mark_signed (agreement, "2026-02-30", &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wb_agreement_mark_signed (agreement, NULL, &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wb_agreement_is_signed (agreement));

  g_assert_true (wb_agreement_mark_signed (agreement, "2026-02-20", &error));
  g_assert_no_error (error);
  g_assert_true (wb_agreement_is_signed (agreement));
  g_assert_cmpstr (wb_agreement_get_signed_on (agreement), ==, "2026-02-20");

  /* Signing twice is refused and keeps the first date. */
  g_assert_false (wb_agreement_mark_signed (agreement, "2026-02-21", &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_SIGNED);
  g_assert_cmpstr (wb_agreement_get_signed_on (agreement), ==, "2026-02-20");
}

static void
test_agreement_dates (void)
{
  static const char * const valid[] = {
    "2026-01-01", "2026-12-31", "2028-02-29", "2000-02-29", "2026-02-28", "1999-06-30",
  };
  static const char * const invalid[] = {
    "", "2026-02-30", "2026-13-01", "26-01-01", "2026/01/01", "2027-02-29", "2100-02-29",
    "2026-00-10", "2026-01-00", "2026-01-32", "2026-04-31", "2026-1-01", "2026-01-1",
    " 2026-01-01", "2026-01-01 ", "2026-01-01T10:00", "+026-01-01", "2026-0a-01",
    "20260101", "2026_01_01", "0000-01-01", "２０２６-01-01", "2026--1-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (wb_date_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("invalid date: %s", invalid[i]);
      g_assert_false (wb_date_is_valid (invalid[i]));
    }
  g_assert_false (wb_date_is_valid (NULL));
}

static void
test_agreement_window (void)
{
  g_autoptr(WbAgreement) agreement = wb_agreement_new_template ();
  g_autoptr(GError) error = NULL;
  static const char * const bad[] = {
    "2026-02-30", "2026-13-01", "26-01-01", "2026/01/01",
  };

  g_assert_true (wb_agreement_set_window (agreement, "2026-03-02", "2026-03-06", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wb_agreement_get_window_start (agreement), ==, "2026-03-02");
  g_assert_cmpstr (wb_agreement_get_window_end (agreement), ==, "2026-03-06");

  /* One day is a window too. */
  g_assert_true (wb_agreement_set_window (agreement, "2026-03-02", "2026-03-02", &error));
  g_assert_no_error (error);

  /* Start after end; across a month and a year. */
  g_assert_false (wb_agreement_set_window (agreement, "2026-03-07", "2026-03-06", &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wb_agreement_set_window (agreement, "2026-04-01", "2026-03-31", &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wb_agreement_set_window (agreement, "2027-01-01", "2026-12-31", &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (wb_agreement_set_window (agreement, bad[i], "2026-12-31", &error));
      g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (wb_agreement_set_window (agreement, "2026-01-01", bad[i], &error));
      g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (wb_agreement_set_window (agreement, NULL, "2026-12-31", &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wb_agreement_set_window (agreement, "2026-01-01", NULL, &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID);
  g_clear_error (&error);

  /* A refused window leaves the previous one. */
  g_assert_cmpstr (wb_agreement_get_window_start (agreement), ==, "2026-03-02");
  g_assert_cmpstr (wb_agreement_get_window_end (agreement), ==, "2026-03-02");
}

static void
test_agreement_retention (void)
{
  g_autoptr(WbAgreement) agreement = wb_agreement_new_template ();
  g_autoptr(GError) error = NULL;

  g_assert_true (wb_agreement_set_retention_months (agreement, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wb_agreement_get_retention_months (agreement), ==, 1);
  g_assert_true (wb_agreement_set_retention_months (agreement, 120, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wb_agreement_get_retention_months (agreement), ==, 120);

  g_assert_false (wb_agreement_set_retention_months (agreement, 0, &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wb_agreement_set_retention_months (agreement, 121, &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wb_agreement_set_retention_months (agreement, G_MAXUINT, &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (wb_agreement_get_retention_months (agreement), ==, 120);
}

static void
test_agreement_tlp (void)
{
  static const struct { WbTlp tlp; const char *id; const char *label; } cases[] = {
    { WB_TLP_CLEAR, "clear", "TLP:CLEAR" },
    { WB_TLP_GREEN, "green", "TLP:GREEN" },
    { WB_TLP_AMBER, "amber", "TLP:AMBER" },
    { WB_TLP_AMBER_STRICT, "amber+strict", "TLP:AMBER+STRICT" },
    { WB_TLP_RED, "red", "TLP:RED" },
  };
  static const char * const invalid[] = {
    "", "AMBER", "amber-strict", "amber_strict", "amber+STRICT", "TLP:AMBER", "white",
    "amber+strict ", "amber strict",
  };
  g_autoptr(WbAgreement) agreement = wb_agreement_new ();
  g_autoptr(WbAgreement) template = wb_agreement_new_template ();
  WbTlp tlp;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (wb_tlp_to_string (cases[i].tlp), ==, cases[i].id);
      g_assert_true (wb_tlp_from_string (cases[i].id, &tlp));
      g_assert_cmpint (tlp, ==, cases[i].tlp);
      g_assert_cmpstr (wb_tlp_get_label (cases[i].tlp), ==, cases[i].label);
    }
  tlp = WB_TLP_GREEN;
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (wb_tlp_from_string (invalid[i], &tlp));
  g_assert_false (wb_tlp_from_string (NULL, &tlp));
  g_assert_cmpint (tlp, ==, WB_TLP_GREEN);

  g_assert_cmpint (wb_agreement_get_tlp (agreement), ==, WB_TLP_AMBER_STRICT);
  g_assert_cmpint (wb_agreement_get_tlp (template), ==, WB_TLP_AMBER_STRICT);
  g_assert_cmpstr (wb_tlp_get_label (wb_agreement_get_tlp (template)), ==, "TLP:AMBER+STRICT");
  wb_agreement_set_tlp (agreement, WB_TLP_RED);
  g_assert_cmpint (wb_agreement_get_tlp (agreement), ==, WB_TLP_RED);
}

static void
test_agreement_signed_is_frozen (void)
{
  g_autoptr(WbAgreement) agreement = complete_agreement ();
  g_autoptr(GError) error = NULL;
  g_autofree char *method = NULL;

  g_assert_true (wb_agreement_mark_signed (agreement, "2026-02-20", &error));
  g_assert_no_error (error);
  method = g_strdup (wb_agreement_get_clause (agreement, "method"));

  g_assert_false (wb_agreement_set_clause (agreement, "method", "Anything goes.", &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_SIGNED);
  g_assert_nonnull (strstr (error->message, "2026-02-20"));
  g_clear_error (&error);
  g_assert_false (wb_agreement_set_clause (agreement, "method", NULL, &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_SIGNED);
  g_clear_error (&error);
  g_assert_cmpstr (wb_agreement_get_clause (agreement, "method"), ==, method);

  g_assert_false (wb_agreement_set_retention_months (agreement, 12, &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_SIGNED);
  g_clear_error (&error);
  g_assert_cmpuint (wb_agreement_get_retention_months (agreement), ==, 6);

  g_assert_false (wb_agreement_set_window (agreement, "2026-04-01", "2026-04-02", &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_SIGNED);
  g_clear_error (&error);
  g_assert_cmpstr (wb_agreement_get_window_start (agreement), ==, "2026-03-02");
  g_assert_cmpstr (wb_agreement_get_window_end (agreement), ==, "2026-03-06");

  /* Signed means signed: even a valid call with a bad value reports SIGNED first. */
  g_assert_false (wb_agreement_set_retention_months (agreement, 0, &error));
  g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_SIGNED);
  g_clear_error (&error);
}

static void
test_agreement_signed_signatories (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(WbAgreement) agreement = complete_agreement ();

      g_assert_true (wb_agreement_mark_signed (agreement, "2026-02-20", NULL));
      wb_agreement_set_signatories (agreement, "Someone", "Else");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*signed_on*");
}

static void
test_agreement_signed_scope (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(WbAgreement) agreement = complete_agreement ();
      g_autoptr(WbScope) scope = wb_scope_new ();

      g_assert_true (wb_agreement_mark_signed (agreement, "2026-02-20", NULL));
      wb_agreement_set_scope (agreement, scope);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*signed_on*");
}

/* A signed agreement with every member filled, in Dutch where it is free text. */
static WbAgreement *
full_signed_agreement (void)
{
  WbAgreement *agreement = wb_agreement_new_template ();
  WbScope *scope = wb_agreement_get_scope (agreement);
  g_autoptr(GError) error = NULL;

  g_assert_true (wb_scope_add (scope, "198.18.0.0/24", &error));
  g_assert_true (wb_scope_add (scope, "nas.bakkerij-de-vries.nl", &error));
  g_assert_true (wb_scope_add (scope, "domain:bakkerij-de-vries.nl", &error));
  g_assert_true (wb_scope_add (scope, "ssid:Bakkerij Één", &error));
  g_assert_true (wb_scope_exclude (scope, "198.18.0.128/25", &error));
  g_assert_no_error (error);
  wb_scope_set_max_activity (scope, WB_ACTIVITY_ACTIVE);
  wb_scope_allow_plugin (scope, "network");
  wb_scope_add_third_party_consent (scope, "hoster.nl");

  g_assert_true (wb_agreement_set_clause (agreement, "costs",
                                          "De onderneming betaalt € 50 — één keer, vóór de scan.",
                                          &error));
  g_assert_true (wb_agreement_set_retention_months (agreement, 12, &error));
  g_assert_true (wb_agreement_set_window (agreement, "2026-03-02", "2026-03-06", &error));
  g_assert_no_error (error);
  wb_agreement_set_tlp (agreement, WB_TLP_RED);
  wb_agreement_set_aggregate_consent (agreement, FALSE);
  wb_agreement_set_signatories (agreement, "Joëlle de Vries", "Jan Bakker-Müller");
  g_assert_true (wb_agreement_mark_signed (agreement, "2026-02-20", &error));
  g_assert_no_error (error);
  return agreement;
}

static void
test_agreement_json_roundtrip (void)
{
  g_autoptr(WbAgreement) agreement = full_signed_agreement ();
  g_autoptr(JsonNode) node = wb_agreement_to_json (agreement);
  g_autofree char *first = node_to_string (node);
  g_autoptr(JsonNode) reparsed = parse (first);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbAgreement) back = wb_agreement_new_from_json (reparsed, &error);
  g_autoptr(JsonNode) node2 = NULL;
  g_autofree char *second = NULL;
  g_autoptr(WbAgreement) copy = NULL;
  g_autoptr(JsonNode) node3 = NULL;
  g_autofree char *third = NULL;
  g_auto(GStrv) targets = NULL;
  const WbClauseInfo *clauses = wb_agreement_get_clauses ();

  g_assert_no_error (error);
  g_assert_nonnull (back);
  node2 = wb_agreement_to_json (back);
  second = node_to_string (node2);
  g_test_message ("%s", first);
  g_assert_cmpstr (first, ==, second);

  g_assert_true (wb_agreement_is_signed (back));
  g_assert_cmpstr (wb_agreement_get_signed_on (back), ==, "2026-02-20");
  g_assert_cmpuint (wb_agreement_get_retention_months (back), ==, 12);
  g_assert_cmpint (wb_agreement_get_tlp (back), ==, WB_TLP_RED);
  g_assert_false (wb_agreement_get_aggregate_consent (back));
  g_assert_cmpstr (wb_agreement_get_window_start (back), ==, "2026-03-02");
  g_assert_cmpstr (wb_agreement_get_window_end (back), ==, "2026-03-06");
  g_assert_cmpstr (wb_agreement_get_company_signatory (back), ==, "Joëlle de Vries");
  g_assert_cmpstr (wb_agreement_get_school_signatory (back), ==, "Jan Bakker-Müller");
  g_assert_cmpstr (wb_agreement_get_clause (back, "costs"), ==,
                   "De onderneming betaalt € 50 — één keer, vóór de scan.");
  for (guint i = 0; clauses[i].id != NULL; i++)
    g_assert_cmpstr (wb_agreement_get_clause (back, clauses[i].id), ==,
                     wb_agreement_get_clause (agreement, clauses[i].id));
  targets = wb_scope_get_targets (wb_agreement_get_scope (back));
  g_assert_cmpuint (g_strv_length (targets), ==, 4);
  g_assert_cmpint (wb_scope_get_max_activity (wb_agreement_get_scope (back)), ==,
                   WB_ACTIVITY_ACTIVE);
  g_assert_true (wb_scope_allows_plugin (wb_agreement_get_scope (back), "network"));
  g_assert_true (wb_scope_has_third_party_consent (wb_agreement_get_scope (back), "hoster.nl"));
  g_assert_true (wb_scope_check_address_string (wb_agreement_get_scope (back), "198.18.0.7",
                                                NULL));
  g_assert_false (wb_scope_check_address_string (wb_agreement_get_scope (back), "198.18.0.200",
                                                 NULL));

  /* A copy is the same agreement, signature included. */
  copy = wb_agreement_copy (agreement);
  g_assert_nonnull (copy);
  node3 = wb_agreement_to_json (copy);
  third = node_to_string (node3);
  g_assert_cmpstr (first, ==, third);
}

static void
test_agreement_json_unsigned (void)
{
  g_autoptr(WbAgreement) template = wb_agreement_new_template ();
  g_autoptr(WbAgreement) empty = wb_agreement_new ();
  WbAgreement *each[2];

  each[0] = template;
  each[1] = empty;
  for (guint i = 0; i < G_N_ELEMENTS (each); i++)
    {
      g_autoptr(JsonNode) node = wb_agreement_to_json (each[i]);
      g_autofree char *first = node_to_string (node);
      g_autoptr(GError) error = NULL;
      g_autoptr(WbAgreement) back = wb_agreement_new_from_json (node, &error);
      g_autoptr(JsonNode) node2 = NULL;
      g_autofree char *second = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (back);
      g_assert_false (wb_agreement_is_signed (back));
      node2 = wb_agreement_to_json (back);
      second = node_to_string (node2);
      g_assert_cmpstr (first, ==, second);
      g_assert_cmpuint (wb_agreement_get_retention_months (back), ==,
                        wb_agreement_get_retention_months (each[i]));
    }
}

/* A fresh JSON node of the full signed agreement, to be spoilt by the caller. */
static JsonNode *
signed_json (void)
{
  g_autoptr(WbAgreement) agreement = full_signed_agreement ();

  return wb_agreement_to_json (agreement);
}

static void
assert_agreement_refused (JsonNode   *node,
                          const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WbAgreement) agreement = wb_agreement_new_from_json (node, &error);
  g_autofree char *text = node_to_string (node);

  g_test_message ("%s -> %s", text, error ? error->message : "(accepted)");
  g_assert_null (agreement);
  g_assert_nonnull (error);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

static void
test_agreement_json_strict (void)
{
  /* Sanity: the unspoilt form is accepted. */
  {
    g_autoptr(JsonNode) node = signed_json ();
    g_autoptr(GError) error = NULL;
    g_autoptr(WbAgreement) agreement = wb_agreement_new_from_json (node, &error);

    g_assert_no_error (error);
    g_assert_nonnull (agreement);
  }
  {
    g_autoptr(JsonNode) node = parse ("[]");

    assert_agreement_refused (node, NULL);
  }
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_string_member (json_node_get_object (node), "colour", "red");
    assert_agreement_refused (node, "colour");
  }
  {
    g_autoptr(JsonNode) node = signed_json ();
    JsonObject *clauses = json_object_get_object_member (json_node_get_object (node), "clauses");

    json_object_set_string_member (clauses, "weather", "sunny");
    assert_agreement_refused (node, "weather");
  }
  {
    g_autoptr(JsonNode) node = signed_json ();
    JsonObject *clauses = json_object_get_object_member (json_node_get_object (node), "clauses");

    json_object_set_int_member (clauses, "method", 5);
    assert_agreement_refused (node, "method");
  }
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_array_member (json_node_get_object (node), "clauses", json_array_new ());
    assert_agreement_refused (node, NULL);
  }
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_string_member (json_node_get_object (node), "format",
                                   "werkbank-agreement-9");
    assert_agreement_refused (node, "werkbank-agreement-9");
  }
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_int_member (json_node_get_object (node), "format", 1);
    assert_agreement_refused (node, "format");
  }
  /* A bad entry inside the scope. */
  {
    g_autoptr(JsonNode) node = signed_json ();
    JsonObject *scope = json_object_get_object_member (json_node_get_object (node), "scope");
    JsonArray *targets = json_object_get_array_member (scope, "targets");

    json_array_add_string_element (targets, "198.18.0.1/24");
    assert_agreement_refused (node, NULL);
  }
  {
    g_autoptr(JsonNode) node = signed_json ();
    JsonObject *scope = json_object_get_object_member (json_node_get_object (node), "scope");

    json_object_set_string_member (scope, "everything", "yes");
    assert_agreement_refused (node, "everything");
  }
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_string_member (json_node_get_object (node), "scope", "198.18.0.0/24");
    assert_agreement_refused (node, NULL);
  }
  /* Retention: out of range, or not a whole number. */
  {
    static const gint64 bad[] = { -1, 0, 121, G_GINT64_CONSTANT (4294967302), G_MAXINT64,
                                  G_MININT64 };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(JsonNode) node = signed_json ();

        json_object_set_int_member (json_node_get_object (node), "retention_months", bad[i]);
        assert_agreement_refused (node, NULL);
      }
  }
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_string_member (json_node_get_object (node), "retention_months", "6");
    assert_agreement_refused (node, "retention_months");
  }
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_double_member (json_node_get_object (node), "retention_months", 6.0);
    assert_agreement_refused (node, "retention_months");
  }
  /* Retention 0 is refused on an unsigned agreement too. */
  {
    g_autoptr(WbAgreement) template = wb_agreement_new_template ();
    g_autoptr(JsonNode) node = wb_agreement_to_json (template);

    json_object_set_int_member (json_node_get_object (node), "retention_months", 0);
    assert_agreement_refused (node, NULL);
  }
  /* TLP and consent. */
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_string_member (json_node_get_object (node), "tlp", "amber-strict");
    assert_agreement_refused (node, "amber-strict");
  }
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_string_member (json_node_get_object (node), "aggregate_consent", "yes");
    assert_agreement_refused (node, "aggregate_consent");
  }
  /* Window: invalid dates, only one end, start after end. */
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_string_member (json_node_get_object (node), "window_start", "2026-02-30");
    assert_agreement_refused (node, NULL);
  }
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_remove_member (json_node_get_object (node), "window_end");
    assert_agreement_refused (node, NULL);
  }
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_string_member (json_node_get_object (node), "window_start", "2026-03-07");
    assert_agreement_refused (node, NULL);
  }
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_int_member (json_node_get_object (node), "window_end", 20260306);
    assert_agreement_refused (node, "window_end");
  }
  /* Signatories and signature. */
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_int_member (json_node_get_object (node), "company_signatory", 5);
    assert_agreement_refused (node, "company_signatory");
  }
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_string_member (json_node_get_object (node), "signed_on", "2026/02/20");
    assert_agreement_refused (node, NULL);
  }
  {
    g_autoptr(JsonNode) node = signed_json ();

    json_object_set_boolean_member (json_node_get_object (node), "signed_on", TRUE);
    assert_agreement_refused (node, "signed_on");
  }
}

/* A file that claims a signature over an incomplete agreement is refused. */
static void
test_agreement_json_signed_incomplete (void)
{
  {
    g_autoptr(JsonNode) node = signed_json ();
    g_autoptr(GError) error = NULL;
    g_autoptr(WbAgreement) agreement = NULL;

    json_object_remove_member (json_node_get_object (node), "clauses");
    agreement = wb_agreement_new_from_json (node, &error);
    g_assert_null (agreement);
    g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INCOMPLETE);
  }
  {
    g_autoptr(JsonNode) node = signed_json ();
    g_autoptr(GError) error = NULL;
    g_autoptr(WbAgreement) agreement = NULL;
    JsonObject *clauses = json_object_get_object_member (json_node_get_object (node), "clauses");

    json_object_remove_member (clauses, "gdpr");
    agreement = wb_agreement_new_from_json (node, &error);
    g_assert_null (agreement);
    g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INCOMPLETE);
  }
  {
    g_autoptr(JsonNode) node = signed_json ();
    g_autoptr(GError) error = NULL;
    g_autoptr(WbAgreement) agreement = NULL;
    JsonObject *clauses = json_object_get_object_member (json_node_get_object (node), "clauses");

    /* An empty clause text counts as missing. */
    json_object_set_string_member (clauses, "gdpr", "");
    agreement = wb_agreement_new_from_json (node, &error);
    g_assert_null (agreement);
    g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INCOMPLETE);
  }
  {
    static const char * const members[] = {
      "school_signatory", "company_signatory", "retention_months", "window_start", NULL
    };

    for (guint i = 0; members[i] != NULL; i++)
      {
        g_autoptr(JsonNode) node = signed_json ();
        g_autoptr(GError) error = NULL;
        g_autoptr(WbAgreement) agreement = NULL;
        JsonObject *o = json_node_get_object (node);

        json_object_remove_member (o, members[i]);
        if (g_str_equal (members[i], "window_start"))
          json_object_remove_member (o, "window_end");
        agreement = wb_agreement_new_from_json (node, &error);
        g_test_message ("without %s: %s", members[i], error ? error->message : "(accepted)");
        g_assert_null (agreement);
        g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INCOMPLETE);
      }
  }
  {
    g_autoptr(JsonNode) node = signed_json ();
    g_autoptr(GError) error = NULL;
    g_autoptr(WbAgreement) agreement = NULL;

    json_object_remove_member (json_node_get_object (node), "scope");
    agreement = wb_agreement_new_from_json (node, &error);
    g_assert_null (agreement);
    g_assert_error (error, WB_AGREEMENT_ERROR, WB_AGREEMENT_ERROR_INCOMPLETE);
  }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  if (!wb_init (&error))
    g_error ("wb_init: %s", error->message);

  g_test_add_func ("/finding/check-id", test_check_id);
  g_test_add_func ("/finding/severity-cvss", test_severity_cvss);
  g_test_add_func ("/finding/enums", test_finding_enums);
  g_test_add_func ("/finding/confidence-qod", test_confidence_qod);
  g_test_add_func ("/finding/new", test_finding_new);
  g_test_add_func ("/finding/new-invalid-check-id", test_finding_new_invalid_check_id);
  g_test_add_func ("/finding/advice-copy", test_advice_copy);
  g_test_add_func ("/finding/json-roundtrip", test_finding_json_roundtrip);
  g_test_add_func ("/finding/json-minimal", test_finding_json_minimal);
  g_test_add_func ("/finding/json-strict", test_finding_json_strict);
  g_test_add_func ("/finding/plan-order", test_finding_plan_order);

  g_test_add_func ("/company/kvk", test_kvk);
  g_test_add_func ("/company/sbi", test_sbi);
  g_test_add_func ("/company/provinces", test_provinces);
  g_test_add_func ("/company/size-class", test_size_class);
  g_test_add_func ("/company/validate", test_company_validate);
  g_test_add_func ("/company/json", test_company_json);
  g_test_add_func ("/company/json-strict", test_company_json_strict);
  g_test_add_func ("/person/json", test_person);
  g_test_add_func ("/person/json-strict", test_person_json_strict);

  g_test_add_func ("/agreement/catalogue", test_agreement_catalogue);
  g_test_add_func ("/agreement/template", test_agreement_template);
  g_test_add_func ("/agreement/empty", test_agreement_empty);
  g_test_add_func ("/agreement/complete-and-sign", test_agreement_complete_and_sign);
  g_test_add_func ("/agreement/dates", test_agreement_dates);
  g_test_add_func ("/agreement/window", test_agreement_window);
  g_test_add_func ("/agreement/retention", test_agreement_retention);
  g_test_add_func ("/agreement/tlp", test_agreement_tlp);
  g_test_add_func ("/agreement/signed-is-frozen", test_agreement_signed_is_frozen);
  g_test_add_func ("/agreement/signed-signatories", test_agreement_signed_signatories);
  g_test_add_func ("/agreement/signed-scope", test_agreement_signed_scope);
  g_test_add_func ("/agreement/json-roundtrip", test_agreement_json_roundtrip);
  g_test_add_func ("/agreement/json-unsigned", test_agreement_json_unsigned);
  g_test_add_func ("/agreement/json-strict", test_agreement_json_strict);
  g_test_add_func ("/agreement/json-signed-incomplete", test_agreement_json_signed_incomplete);
  return g_test_run ();
}

/* wb-patching-rules.c — versions seen → end-of-life matches → findings, tables, score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wb-patching-rules.h"
#include "wb-score.h"

/* Names in software lists (uninstall registry, winget, dpkg) → end-of-life product.
 * With @from_name, the version to look up is the name's first group (Office 2016 is
 * version 16.0 like Office 2019 and 2021: only the name tells them apart). */
static const struct {
  const char *pattern;
  const char *product;
  gboolean    from_name;
} name_rules[] = {
  { "^Microsoft Office\\b.*\\b(2016|2019|2021|2024)\\b", "office", TRUE },
  { "^Microsoft Exchange Server (2013|2016|2019)\\b", "exchange", TRUE },
  { "^PHP\\b", "php", FALSE },
  { "^php[0-9.]*(-fpm|-cli)?$", "php", FALSE },
  { "^MySQL Server\\b", "mysql", FALSE },
  { "^mysql-server(-[0-9.]+)?$", "mysql", FALSE },
  { "^MariaDB\\b", "mariadb", FALSE },
  { "^mariadb-server(-[0-9.]+)?$", "mariadb", FALSE },
  { "^OpenSSH\\b", "openssh", FALSE },
  { "^openssh-server$", "openssh", FALSE },
  { "^Apache HTTP Server\\b", "apache-httpd", FALSE },
  { "^apache2$", "apache-httpd", FALSE },
  { "^nginx(-core|-full|-light)?$", "nginx", FALSE },
};

const char *
wb_patching_product_for_name (const char *name, const char *version, char **lookup_version)
{
  *lookup_version = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (name_rules); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (name_rules[i].pattern, 0, 0, NULL);
      g_autoptr(GMatchInfo) info = NULL;

      if (name == NULL || !g_regex_match (regex, name, 0, &info))
        continue;
      *lookup_version = name_rules[i].from_name ? g_match_info_fetch (info, 1)
                                                : g_strdup (version);
      return name_rules[i].product;
    }
  return NULL;
}

void
wb_patching_result_free (WbPatchingResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->findings);
  g_clear_pointer (&result->sections, json_node_unref);
  g_clear_pointer (&result->score, json_node_unref);
  g_free (result);
}

typedef struct {
  char       *asset;
  char       *source; /* translated: "network scan", "software list" */
  char       *seen;   /* the banner or name as seen */
  WbEolMatch *match;
} Observation;

static void
observation_free (gpointer data)
{
  Observation *o = data;

  g_free (o->asset); g_free (o->source); g_free (o->seen);
  wb_eol_match_free (o->match);
  g_free (o);
}

static gboolean
already_seen (GPtrArray *observations, const char *asset, WbEolMatch *match)
{
  for (guint i = 0; i < observations->len; i++)
    {
      Observation *o = g_ptr_array_index (observations, i);

      if (g_str_equal (o->asset, asset) && g_strcmp0 (o->match->product, match->product) == 0 &&
          g_strcmp0 (o->match->version, match->version) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Keeps a match only when it recognised a product: an unknown banner says nothing. */
static void
observe (GPtrArray *observations, const char *asset, const char *source, const char *seen,
         WbEolMatch *match)
{
  Observation *o;

  if (match->product == NULL || already_seen (observations, asset, match))
    {
      wb_eol_match_free (match);
      return;
    }
  o = g_new0 (Observation, 1);
  o->asset = g_strdup (asset);
  o->source = g_strdup (source);
  o->seen = g_strdup (seen);
  o->match = match;
  g_ptr_array_add (observations, o);
}

static const char *
string_member (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
object_member (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char *
host_asset (JsonObject *host)
{
  JsonNode *names = json_object_get_member (host, "hostnames");
  const char *address = string_member (host, "address");

  if (names != NULL && JSON_NODE_HOLDS_ARRAY (names) &&
      json_array_get_length (json_node_get_array (names)) > 0 &&
      json_node_get_value_type (json_array_get_element (json_node_get_array (names), 0)) == G_TYPE_STRING)
    return g_strdup_printf ("%s (%s)", address != NULL ? address : "?",
                            json_array_get_string_element (json_node_get_array (names), 0));
  return g_strdup (address != NULL ? address : "?");
}

/* A Windows build in a service's version text ("6.3.9600", "10.0.17763", "Windows
 * Server 2012 R2 Standard 9600"), as RDP, SMB and nmap report it; 0 if none. */
static guint
windows_build (const char *text)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *digits = NULL;

  if (text == NULL)
    return 0;
  regex = g_regex_new ("(?:\\b(?:6\\.[0-3]|10\\.0)\\.|Windows[^0-9]{1,40}(?:20[0-9]{2}(?: R2)?[^0-9]{1,30})?)([0-9]{4,5})\\b",
                       0, 0, NULL);
  if (!g_regex_match (regex, text, 0, &info))
    return 0;
  digits = g_match_info_fetch (info, 1);
  return (guint) g_ascii_strtoull (digits, NULL, 10);
}

static void
observe_windows (WbEolData *eol, JsonObject *port, const char *asset, const char *today,
                 GPtrArray *observations)
{
  static const char * const members[] = { "banner", "product", "version", "extra", NULL };

  for (guint k = 0; members[k] != NULL; k++)
    {
      const char *text = string_member (port, members[k]);
      guint build = windows_build (text);

      if (build != 0)
        {
          /* Builds such as 9600 are a client and a server release: the text may say. */
          WbEolMatch *match = wb_eol_data_match_windows_build (
            eol, strstr (text, "Server") != NULL ? "windows-server" : NULL, build, today);

          /* The build comes from what the service says: as uncertain as a banner. */
          match->confidence = WB_CONFIDENCE_BANNER;
          observe (observations, asset, _("network scan"), text, match);
          return;
        }
    }
}

/* The host's Windows build from any of its ports: IIS 10.0 follows it. */
static guint
host_windows_build (JsonArray *ports)
{
  static const char * const members[] = { "banner", "product", "version", "extra", NULL };

  for (guint j = 0; j < json_array_get_length (ports); j++)
    {
      JsonNode *node = json_array_get_element (ports, j);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      for (guint k = 0; members[k] != NULL; k++)
        {
          guint build = windows_build (string_member (json_node_get_object (node), members[k]));

          if (build != 0)
            return build;
        }
    }
  return 0;
}

/* Banners and HTTP headers of the open ports: all read from a banner, so low
 * confidence (the matcher marks them). */
static void
observe_hosts (WbEolData *eol, JsonNode *hosts, const char *today, GPtrArray *observations)
{
  JsonArray *array;

  if (hosts == NULL || !JSON_NODE_HOLDS_ARRAY (hosts))
    return;
  array = json_node_get_array (hosts);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *host_node = json_array_get_element (array, i);
      g_autofree char *asset = NULL;
      JsonObject *host;
      JsonNode *ports;
      guint build;

      if (!JSON_NODE_HOLDS_OBJECT (host_node))
        continue;
      host = json_node_get_object (host_node);
      asset = host_asset (host);
      ports = json_object_get_member (host, "ports");
      if (ports == NULL || !JSON_NODE_HOLDS_ARRAY (ports))
        continue;
      build = host_windows_build (json_node_get_array (ports));
      for (guint j = 0; j < json_array_get_length (json_node_get_array (ports)); j++)
        {
          JsonNode *port_node = json_array_get_element (json_node_get_array (ports), j);
          JsonObject *port, *http;
          const char *texts[4];

          if (!JSON_NODE_HOLDS_OBJECT (port_node))
            continue;
          port = json_node_get_object (port_node);
          http = object_member (port, "http");
          texts[0] = string_member (port, "banner");
          texts[1] = string_member (http, "server");
          texts[2] = string_member (http, "powered_by");
          texts[3] = string_member (http, "generator");
          observe_windows (eol, port, asset, today, observations);
          for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
            if (texts[k] != NULL)
              observe (observations, asset, _("network scan"), texts[k],
                       wb_eol_data_match_banner (eol, texts[k], build, today));
        }
    }
}

static void
observe_inventories (WbEolData *eol, JsonNode *inventories, const char *today,
                     GPtrArray *observations)
{
  JsonArray *array;

  if (inventories == NULL || !JSON_NODE_HOLDS_ARRAY (inventories))
    return;
  array = json_node_get_array (inventories);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *import;
      JsonNode *items;
      const char *asset;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      import = json_node_get_object (node);
      asset = string_member (import, "asset");
      items = json_object_get_member (import, "items");
      if (asset == NULL || items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
        continue;
      for (guint j = 0; j < json_array_get_length (json_node_get_array (items)); j++)
        {
          JsonNode *item_node = json_array_get_element (json_node_get_array (items), j);
          g_autofree char *version = NULL;
          const char *name, *product;

          if (!JSON_NODE_HOLDS_OBJECT (item_node))
            continue;
          name = string_member (json_node_get_object (item_node), "name");
          product = wb_patching_product_for_name (
            name, string_member (json_node_get_object (item_node), "version"), &version);
          if (product != NULL && version != NULL)
            observe (observations, asset, _("software list"), name,
                     wb_eol_data_match_version (eol, product, version, today));
        }
    }
}

/* ---- findings ---- */

typedef struct {
  const char *check_id;
  WbSeverity  severity;
  WbPriority  priority;
  WbOwner     owner;
  gboolean    knockout;
} Rule;

static gboolean
is_os (const char *product)
{
  return g_strcmp0 (product, "windows") == 0 || g_strcmp0 (product, "windows-server") == 0 ||
         g_strcmp0 (product, "macos") == 0;
}

static gboolean
is_firmware (const char *product)
{
  return g_strcmp0 (product, "fortios") == 0 || g_strcmp0 (product, "openwrt") == 0 ||
         g_strcmp0 (product, "synology-dsm") == 0 || g_strcmp0 (product, "qnap-qts") == 0;
}

static gboolean
is_server (const char *product)
{
  static const char * const servers[] = { "apache-httpd", "nginx", "iis", "mysql", "mariadb",
                                          "exchange", "openssh", "php", "wordpress", NULL };
  return g_strv_contains (servers, product);
}

static Rule
rule_for (Observation *o)
{
  Rule rule = { "patching.eol-software", WB_SEVERITY_MEDIUM, WB_PRIORITY_QUARTER,
                WB_OWNER_COMPANY, FALSE };

  if (is_os (o->match->product))
    rule = (Rule) { "patching.unsupported-os", WB_SEVERITY_HIGH, WB_PRIORITY_NOW,
                    WB_OWNER_SUPPLIER, TRUE };
  else if (is_firmware (o->match->product))
    rule = (Rule) { "patching.eol-firmware", WB_SEVERITY_HIGH, WB_PRIORITY_NOW,
                    WB_OWNER_SUPPLIER, FALSE };
  else if (is_server (o->match->product))
    rule = (Rule) { "patching.eol-server-software", WB_SEVERITY_HIGH, WB_PRIORITY_NOW,
                    WB_OWNER_SUPPLIER, FALSE };
  if (o->match->vulnerability != NULL)
    rule.severity = WB_SEVERITY_CRITICAL;
  return rule;
}

static WbFinding *
finding_for (Observation *o)
{
  Rule rule = rule_for (o);
  const char *what = o->match->label != NULL ? o->match->label : o->match->product_name;
  g_autofree char *title = NULL;
  g_autofree char *evidence = NULL;
  g_autoptr(WbAdvice) advice = wb_advice_new ();
  const char *references[] = { "CIS 2.2", "Cyber Essentials: Security update management",
                               NULL };
  WbFinding *finding;

  title = g_strdup_printf (_("%s is no longer supported"), what);
  finding = wb_finding_new (rule.check_id, title, rule.severity);
  wb_finding_set_severity (finding, rule.severity,
                           o->match->vulnerability != NULL
                             ? _("A known, exploited hole is not fixed in this version.")
                             : _("Without security updates, every new hole stays open."));
  wb_finding_set_confidence (finding, o->match->confidence);
  wb_finding_add_asset (finding, o->asset);
  evidence = g_strdup_printf (_("Seen in the %s: “%s” (version %s). %s"), o->source, o->seen,
                              o->match->version, o->match->reason);
  wb_finding_add_evidence (finding, evidence);
  if (o->match->security_end != NULL)
    {
      g_autofree char *ended = g_strdup_printf (_("Security support ended on %s."),
                                                o->match->security_end);
      wb_finding_add_evidence (finding, ended);
    }
  advice->risk = g_strdup (rule.knockout
    ? _("The operating system gets no security updates any more: a new hole stays open for "
        "good, and attackers look for exactly these systems.")
    : _("This software gets no security updates any more: a new hole stays open for good."));
  advice->step = g_strdup (o->match->extended_end != NULL && o->match->extended_paid
    ? _("Upgrade to a supported version, or buy the paid extended updates as a stopgap and "
        "plan the upgrade.")
    : _("Upgrade to a version that still gets security updates, or replace or remove it."));
  advice->owner = rule.owner;
  advice->priority = rule.priority;
  advice->effort = rule.knockout ? 3 : 2;
  advice->solution = WB_SOLUTION_VENDOR_FIX;
  g_strfreev (advice->references);
  advice->references = g_strdupv ((char **) references);
  wb_finding_set_advice (finding, advice);
  return finding;
}

/* ---- tables and score ---- */

static JsonNode *
strv_node (const char * const *cells)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; cells[i] != NULL; i++)
    json_array_add_string_element (array, cells[i]);
  json_node_take_array (node, array);
  return node;
}

static const char *
status_label (WbEolMatch *match)
{
  switch (match->status)
    {
    case WB_EOL_SUPPORTED: return _("supported");
    case WB_EOL_ENDED: return _("out of support");
    case WB_EOL_UNKNOWN:
    default: return match->backported ? _("backported: ask the distribution") : _("unknown");
    }
}

static JsonNode *
software_table (GPtrArray *observations)
{
  const char *columns[] = { _("Asset"), _("Software"), _("Version"), _("Source"),
                            _("Security updates until"), _("Status"), _("Confidence"), NULL };
  JsonObject *table = json_object_new ();
  JsonArray *rows = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < observations->len; i++)
    {
      Observation *o = g_ptr_array_index (observations, i);
      const char *row[] = {
        o->asset,
        o->match->label != NULL ? o->match->label : o->match->product_name,
        o->match->version != NULL ? o->match->version : "",
        o->source,
        o->match->security_end != NULL ? o->match->security_end : _("not known"),
        status_label (o->match),
        wb_confidence_get_label (o->match->confidence),
        NULL
      };
      json_array_add_element (rows, strv_node (row));
    }
  json_object_set_string_member (table, "title", _("Software and its support"));
  json_object_set_member (table, "columns", strv_node (columns));
  json_object_set_array_member (table, "rows", rows);
  json_object_set_string_member (table, "note",
    _("Versions read from a banner are uncertain: Linux distributions fix holes without "
      "changing the version number."));
  json_node_take_object (node, table);
  return node;
}

static JsonNode *
imports_table (JsonNode *inventories)
{
  const char *columns[] = { _("Asset"), _("Export"), _("Imported"), _("Programs"),
                            _("Rows skipped"), NULL };
  JsonObject *table = json_object_new ();
  JsonArray *rows = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonArray *array = json_node_get_array (inventories);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *import;
      JsonNode *items;
      g_autofree char *n_items = NULL;
      g_autofree char *n_skipped = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      import = json_node_get_object (element);
      items = json_object_get_member (import, "items");
      n_items = g_strdup_printf ("%u", items != NULL && JSON_NODE_HOLDS_ARRAY (items)
                                         ? json_array_get_length (json_node_get_array (items)) : 0);
      n_skipped = g_strdup_printf ("%" G_GINT64_FORMAT,
                                   json_object_get_int_member_with_default (import, "skipped", 0));
      {
        const char *row[] = {
          string_member (import, "asset") != NULL ? string_member (import, "asset") : "?",
          string_member (import, "format") != NULL ? string_member (import, "format") : "?",
          string_member (import, "imported") != NULL ? string_member (import, "imported") : "",
          n_items, n_skipped, NULL
        };
        json_array_add_element (rows, strv_node (row));
      }
    }
  json_object_set_string_member (table, "title", _("Software lists imported"));
  json_object_set_member (table, "columns", strv_node (columns));
  json_object_set_array_member (table, "rows", rows);
  json_node_take_object (node, table);
  return node;
}

void
wb_patching_score_add (WbPatchingResult *result, WbScore *score)
{
  score->points += result->check_score.points;
  score->max_points += result->check_score.max_points;
  score->n_answered += result->check_score.n_answered;
  score->n_unknown += result->check_score.n_unknown;
  score->n_knockouts_failed += result->check_score.n_knockouts_failed;
}

JsonNode *
wb_patching_score_node (const WbScore *score)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  WbTrafficLight light = wb_score_get_light (score);

  json_object_set_string_member (object, "light", wb_traffic_light_to_string (light));
  if (score->max_points > 0)
    json_object_set_int_member (object, "percent", wb_score_get_percent (score));
  json_object_set_int_member (object, "knockouts_failed", score->n_knockouts_failed);
  json_object_set_int_member (object, "unknown", score->n_unknown);
  json_node_take_object (node, object);
  return node;
}

WbPatchingResult *
wb_patching_assess (WbEolData *eol, JsonNode *hosts, JsonNode *inventories, const char *today)
{
  g_autoptr(GPtrArray) observations = g_ptr_array_new_with_free_func (observation_free);
  WbPatchingResult *result = g_new0 (WbPatchingResult, 1);
  JsonArray *sections = json_array_new ();
  WbScore score;

  result->findings = g_ptr_array_new_with_free_func (g_object_unref);
  observe_hosts (eol, hosts, today, observations);
  observe_inventories (eol, inventories, today, observations);
  wb_score_init (&score);
  for (guint i = 0; i < observations->len; i++)
    {
      Observation *o = g_ptr_array_index (observations, i);
      gboolean os = is_os (o->match->product);
      guint weight = os ? WB_WEIGHT_LEGAL_DUTY : WB_WEIGHT_IMPORTANT;

      switch (o->match->status)
        {
        case WB_EOL_ENDED:
          g_ptr_array_add (result->findings, finding_for (o));
          wb_score_add (&score, WB_ANSWER_NO, weight, os);
          break;
        case WB_EOL_SUPPORTED:
          wb_score_add (&score, WB_ANSWER_YES, weight, os);
          break;
        case WB_EOL_UNKNOWN:
        default:
          wb_score_add (&score, WB_ANSWER_UNKNOWN, weight, FALSE);
          break;
        }
    }
  result->n_checked = observations->len;
  json_array_add_element (sections, software_table (observations));
  if (inventories != NULL && JSON_NODE_HOLDS_ARRAY (inventories))
    json_array_add_element (sections, imports_table (inventories));
  result->sections = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (result->sections, sections);
  result->check_score = score;
  result->score = wb_patching_score_node (&score);
  return result;
}

/* wb-cli-friendly-hack.c — `werkbank-cli friendly-hack`: items, targets, records
 *
 *   friendly-hack items FILE                 the checklist: agreed or not, outcome
 *   friendly-hack target FILE --website URL [--http-url URL] [--hoster DOMAIN]
 *                             --mail-domain DOMAIN [--dkim-selector SELECTOR]
 *   friendly-hack record FILE ITEM --outcome pass|fail|not-done --by NAME
 *                             --consent-by NAME [--consent-date DATE] [--note TEXT]
 *                             [--evidence FILE]...
 *
 * Everything lands in the encrypted engagement (evidence as vault attachments); an item
 * the signed agreement does not list is refused (exit 4). See docs/friendly-hack.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "wb-cli-common.h"
#include "wb-engagement.h"
#include "wb-fh-assess.h"
#include "wb-fh-checklist.h"
#include "wb-util-private.h"

static int
fh_items (WbEngagement *engagement)
{
  WbScope *scope = wb_agreement_get_scope (wb_engagement_get_agreement (engagement));
  JsonNode *records = wb_engagement_get_plugin_data (engagement, WB_FH_PLUGIN_ID, "records");
  guint n;
  const WbFhItem *items = wb_fh_items (&n);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *record = records != NULL && JSON_NODE_HOLDS_OBJECT (records)
        ? json_object_get_member (json_node_get_object (records), items[i].id) : NULL;
      const char *outcome = record != NULL && wb_fh_record_validate (items[i].id, record, NULL)
        ? json_object_get_string_member (json_node_get_object (record), "outcome") : "-";

      g_print ("%-24s %-14s %-9s %s\n", items[i].id,
               wb_fh_item_allowed (scope, items[i].id, NULL) ? _("agreed") : _("not agreed"),
               outcome, _(items[i].title));
    }
  return WB_EXIT_OK;
}

static int
fh_target (WbEngagement *engagement, const char *website, const char *http_url,
           const char *hoster, const char *mail_domain, const char *selector)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) targets = NULL;
  g_autoptr(WbFhRun) run = NULL;
  GError *error = NULL;
  WbScope *scope = wb_fh_signed_scope (wb_engagement_get_agreement (engagement), &error);

  if (scope == NULL)
    return wb_cli_fail (error);
  json_builder_begin_object (builder);
  if (website != NULL)
    {
      json_builder_set_member_name (builder, "website");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, website);
      if (http_url != NULL)
        {
          json_builder_set_member_name (builder, "http_url");
          json_builder_add_string_value (builder, http_url);
        }
      if (hoster != NULL)
        {
          json_builder_set_member_name (builder, "hoster");
          json_builder_add_string_value (builder, hoster);
        }
      json_builder_end_object (builder);
    }
  if (mail_domain != NULL)
    {
      json_builder_set_member_name (builder, "mail");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "domain");
      json_builder_add_string_value (builder, mail_domain);
      if (selector != NULL)
        {
          json_builder_set_member_name (builder, "dkim_selector");
          json_builder_add_string_value (builder, selector);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  targets = json_builder_get_root (builder);
  /* The same gate as the run: out of scope is refused now, not later. */
  run = wb_fh_run_new (scope, targets, "2000-01-01", &error);
  if (run == NULL)
    return wb_cli_fail (error);
  if (!wb_engagement_set_plugin_data (engagement, WB_FH_PLUGIN_ID, "targets", targets, &error))
    return wb_cli_fail (error);
  for (guint i = 0; i < run->notes->len; i++)
    g_printerr ("werkbank-cli: %s\n", (const char *) g_ptr_array_index (run->notes, i));
  g_print (_("Saved the website and mail targets.\n"));
  return WB_EXIT_OK;
}

static gboolean
attach_evidence (WbEngagement *engagement, const char *path, GStrvBuilder *ids, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) input = g_file_read (file, NULL, error);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *type = g_content_type_guess (name, NULL, 0, NULL);
  g_autofree char *mime = g_content_type_get_mime_type (type);
  char *id;

  if (input == NULL)
    return FALSE;
  id = wb_vault_add_attachment (wb_engagement_get_vault (engagement), name,
                                mime != NULL ? mime : "application/octet-stream",
                                G_INPUT_STREAM (input), NULL, error);
  if (id == NULL)
    return FALSE;
  g_strv_builder_add (ids, id);
  g_free (id);
  return TRUE;
}

static int
fh_record (WbEngagement *engagement, const char *item, const char *outcome, const char *by,
           const char *consent_by, const char *consent_date, const char *note,
           char **evidence)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) id_list = NULL;
  g_autoptr(JsonNode) record = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) records = NULL;
  g_autofree char *now = wb_now_iso8601 ();
  g_autofree char *today = g_strndup (now, 10);
  JsonObject *object = json_object_new ();
  JsonNode *stored;
  GError *error = NULL;
  WbScope *scope = wb_fh_signed_scope (wb_engagement_get_agreement (engagement), &error);

  if (scope == NULL || !wb_fh_item_allowed (scope, item, &error))
    return wb_cli_fail (error);
  json_object_set_string_member (object, "consent_by", consent_by);
  json_object_set_string_member (object, "consent_date", consent_date != NULL ? consent_date : today);
  json_object_set_string_member (object, "done_by", by);
  json_object_set_string_member (object, "when", now);
  json_object_set_string_member (object, "outcome", outcome);
  if (note != NULL)
    json_object_set_string_member (object, "notes", note);
  json_node_take_object (record, object);
  /* Check before attaching anything: a bad record stores nothing. */
  if (!wb_fh_record_validate (item, record, &error))
    return wb_cli_fail (error);
  for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
    if (!attach_evidence (engagement, evidence[i], ids, &error))
      return wb_cli_fail (error);
  id_list = g_strv_builder_end (ids);
  json_object_set_member (object, "evidence", wb_json_strv_node ((const char * const *) id_list));
  stored = wb_engagement_get_plugin_data (engagement, WB_FH_PLUGIN_ID, "records");
  records = stored != NULL && JSON_NODE_HOLDS_OBJECT (stored) ? json_node_copy (stored)
                                                              : json_node_new (JSON_NODE_OBJECT);
  if (json_node_get_object (records) == NULL)
    json_node_take_object (records, json_object_new ());
  json_object_set_member (json_node_get_object (records), item, json_node_copy (record));
  if (!wb_engagement_set_plugin_data (engagement, WB_FH_PLUGIN_ID, "records", records, &error))
    return wb_cli_fail (error);
  g_print (_("Recorded “%s”: %s, by %s, with the consent of %s (%u attachments).\n"), item,
           outcome, by, consent_by, g_strv_length (id_list));
  if (g_strv_length (id_list) > 0)
    g_print (_("Photos must show no faces and no readable screens: blur them before "
               "attaching.\n"));
  return WB_EXIT_OK;
}

int
wb_cli_friendly_hack (int argc, char **argv)
{
  g_autofree char *website = NULL, *http_url = NULL, *hoster = NULL;
  g_autofree char *mail_domain = NULL, *selector = NULL;
  g_autofree char *outcome = NULL, *by = NULL, *consent_by = NULL, *consent_date = NULL;
  g_autofree char *note = NULL;
  g_auto(GStrv) evidence = NULL;
  const GOptionEntry entries[] = {
    { "website", 0, 0, G_OPTION_ARG_STRING, &website, N_("The company's website (https)"), N_("URL") },
    { "http-url", 0, 0, G_OPTION_ARG_STRING, &http_url, N_("Its plain http address, for the redirect check"), N_("URL") },
    { "hoster", 0, 0, G_OPTION_ARG_STRING, &hoster, N_("The third party hosting the website"), N_("DOMAIN") },
    { "mail-domain", 0, 0, G_OPTION_ARG_STRING, &mail_domain, N_("The company's mail domain"), N_("DOMAIN") },
    { "dkim-selector", 0, 0, G_OPTION_ARG_STRING, &selector, N_("The DKIM selector from a received mail's header"), N_("SELECTOR") },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome, N_("pass, fail or not-done"), N_("OUTCOME") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who did the item"), N_("NAME") },
    { "consent-by", 0, 0, G_OPTION_ARG_STRING, &consent_by, N_("Who at the company consented"), N_("NAME") },
    { "consent-date", 0, 0, G_OPTION_ARG_STRING, &consent_date, N_("When consent was given (default: today)"), N_("DATE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What was seen (no personal data)"), N_("TEXT") },
    { "evidence", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &evidence, N_("A photo or note to attach (blur faces and screens first)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    wb_cli_context_new (_("items FILE | target FILE | record FILE ITEM"),
                        _("The friendly-hack checklist: what the agreement allows, the website "
                          "and mail targets, and the record of each item."), entries);
  g_autoptr(WbEngagement) engagement = NULL;
  GError *error = NULL;
  int code;

  g_option_context_add_main_entries (context, wb_cli_open_entries, GETTEXT_PACKAGE);
  if (!wb_cli_parse (context, &argc, &argv, &code))
    return code;
  if (argc < 3 || (!g_str_equal (argv[1], "items") && !g_str_equal (argv[1], "target") &&
                   !g_str_equal (argv[1], "record")))
    return wb_cli_usage (context, _("Say what to do: items, target or record."));
  if (g_str_equal (argv[1], "record") &&
      (argc != 4 || outcome == NULL || by == NULL || consent_by == NULL))
    return wb_cli_usage (context, _("Name the item, and give --outcome, --by and --consent-by."));
  if (g_str_equal (argv[1], "target") && website == NULL && mail_domain == NULL)
    return wb_cli_usage (context, _("Give --website and/or --mail-domain."));
  engagement = wb_cli_open (argv[2], &error);
  if (engagement == NULL)
    return wb_cli_fail (error);
  if (g_str_equal (argv[1], "items"))
    return fh_items (engagement);
  if (g_str_equal (argv[1], "target"))
    return fh_target (engagement, website, http_url, hoster, mail_domain, selector);
  return fh_record (engagement, argv[3], outcome, by, consent_by, consent_date, note, evidence);
}

/* wb-fh-checklist.c — the friendly-hack items, consent gating, records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wb-fh-checklist.h"
#include "wb-util-private.h"

#define CO WB_OWNER_COMPANY
#define SU WB_OWNER_SUPPLIER

static const WbFhItem items[] = {
  { "tailgating", N_("Tailgating"),
    N_("Try to walk in behind a member of staff without a pass, with the contact person's consent."),
    N_("A stranger can walk in behind staff and reach computers and papers."),
    N_("Agree that staff ask strangers who they are and do not hold doors open for them."),
    WB_SEVERITY_MEDIUM, CO, FALSE },
  { "visitor-registration", N_("Visitor registration"),
    N_("Report as a visitor: are you registered, accompanied, given a visible badge?"),
    N_("Nobody knows who is in the building."),
    N_("Register visitors, give them a badge and accompany them."), WB_SEVERITY_LOW, CO, FALSE },
  { "clean-desk", N_("Clean desk"),
    N_("Walk past the desks: are confidential papers, passwords or USB sticks lying around?"),
    N_("Papers and passwords on desks can be read or taken."),
    N_("Lock papers away at the end of the day; never write passwords down."),
    WB_SEVERITY_LOW, CO, FALSE },
  { "unlocked-workstations", N_("Unlocked unattended computers"),
    N_("Look for computers left unlocked while nobody is there (do not touch them)."),
    N_("Anyone passing can use an unlocked computer with its user's rights."),
    N_("Lock the screen on leaving (Windows key + L) and set an automatic lock after 5 minutes."),
    WB_SEVERITY_MEDIUM, CO, FALSE },
  { "visible-screens", N_("Screens visible from public areas"),
    N_("From the shop floor, waiting room or street: can you read a screen?"),
    N_("Customers or passers-by can read confidential data."),
    N_("Turn screens away or use a privacy filter."), WB_SEVERITY_LOW, CO, FALSE },
  { "wifi-password-displayed", N_("Wi-Fi password on display"),
    N_("Is the business Wi-Fi password on a note, board or router sticker in view?"),
    N_("Anyone can join the business network."),
    N_("Remove the password from view and change it; give guests the guest network."),
    WB_SEVERITY_MEDIUM, CO, FALSE },
  { "live-network-ports", N_("Live network ports in public rooms"),
    N_("Are there network sockets in the waiting room or meeting room? Ask the contact person whether they are live (do not plug in without consent)."),
    N_("A visitor can plug into the business network."),
    N_("Disconnect unused sockets in public rooms or put them on a separate network."),
    WB_SEVERITY_MEDIUM, SU, FALSE },
  { "guest-wifi-isolation", N_("Guest Wi-Fi reaches business devices"),
    N_("On the guest Wi-Fi, with consent: can you see the printer, NAS or cash register?"),
    N_("Guests can reach business devices from the guest network."),
    N_("Have the supplier separate the guest network from the business network."),
    WB_SEVERITY_HIGH, SU, FALSE },
  { "printer-admin", N_("Printer admin page and stored scans"),
    N_("Does the printer's admin page open without a password? Are scans stored on it?"),
    N_("Anyone on the network can read scans or change the printer's settings."),
    N_("Set an admin password on the printer and switch off storing scans."),
    WB_SEVERITY_MEDIUM, SU, FALSE },
  { "server-room-locked", N_("Server room, cabinet, NAS and backups locked"),
    N_("Are the server room, network cabinet, NAS and backup disks locked away?"),
    N_("Someone can take the NAS or the backups, or unplug the network."),
    N_("Lock the cabinet or room and keep the key with one person."),
    WB_SEVERITY_MEDIUM, CO, FALSE },
  { "paper-waste", N_("Paper waste"),
    N_("Look (without digging) at the paper bin: are confidential papers thrown away whole?"),
    N_("Confidential papers can be taken from the waste."),
    N_("Use a shredder or a locked container for confidential paper."),
    WB_SEVERITY_LOW, CO, FALSE },
  { "disk-encryption", N_("Laptop disk encryption"),
    N_("Ask to see whether BitLocker or FileVault is on for the laptops."),
    N_("A lost or stolen laptop gives away all its data."),
    N_("Switch on BitLocker (Windows) or FileVault (Mac) on every laptop."),
    WB_SEVERITY_HIGH, SU, FALSE },
  { "phone-pretext", N_("Phone pretext (scripted role-play)"),
    N_("Play the agreed script only; stop when asked; note what was given away, not who."),
    N_("Staff give information or access to a caller they do not know."),
    N_("Agree that staff call back on a known number before giving information."),
    WB_SEVERITY_MEDIUM, CO, FALSE },
  { "phishing", N_("Phishing (quiz or simulation)"),
    N_("A quiz, or a simulation only with management consent and without capturing passwords."),
    N_("Staff may not recognise a phishing mail."),
    N_("Train staff to recognise phishing and to report it."), WB_SEVERITY_MEDIUM, CO, FALSE },
  { "usb-drop", N_("USB drop"),
    N_("Leave a harmless marked USB stick, with consent, or skip this item."),
    N_("A found USB stick gets plugged in."),
    N_("Agree that found USB sticks go to the IT supplier, unplugged."), WB_SEVERITY_LOW, CO, FALSE },
  { "osint", N_("Public information (OSINT)"),
    N_("Look up the mail address pattern, PDF metadata and documents the company publishes."),
    N_("Published details help an attacker write a convincing phishing mail."),
    N_("Remove metadata from published PDFs and check what is on the website."),
    WB_SEVERITY_LOW, CO, FALSE },
  { "website", N_("Website security (automated)"),
    N_("Werkbank checks the website: https, TLS, headers, cookies, security.txt; with the hoster's consent also admin logins and directory listings."),
    NULL, NULL, WB_SEVERITY_MEDIUM, SU, TRUE },
  { "mail-spoofing", N_("Can the mail domain be spoofed (automated)"),
    N_("Werkbank reads SPF, DMARC, DKIM and MTA-STS from DNS. No mail is ever sent."),
    NULL, NULL, WB_SEVERITY_HIGH, SU, TRUE },
  { "iot-cameras", N_("IoT and cameras on the business network"),
    N_("Are cameras, smart TVs or other devices on the same network as the computers?"),
    N_("A weak device gives an attacker a way into the business network."),
    N_("Put cameras and other devices on a separate network."), WB_SEVERITY_MEDIUM, SU, FALSE },
  { "incident-contacts", N_("Incident contacts known to staff"),
    N_("Ask two members of staff whom they call when something goes wrong with IT."),
    N_("When something goes wrong, nobody knows whom to call and time is lost."),
    N_("Put the IT supplier's emergency number where staff can find it."),
    WB_SEVERITY_LOW, CO, FALSE },
};

const WbFhItem *
wb_fh_items (guint *n_items)
{
  *n_items = G_N_ELEMENTS (items);
  return items;
}

const WbFhItem *
wb_fh_item_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    if (g_strcmp0 (items[i].id, id) == 0)
      return &items[i];
  return NULL;
}

WbScope *
wb_fh_signed_scope (WbAgreement *agreement, GError **error)
{
  if (!wb_agreement_is_signed (agreement))
    {
      g_set_error_literal (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_ACTIVITY,
                           _("The agreement is not signed yet: no friendly-hack item may be done."));
      return NULL;
    }
  return wb_agreement_get_scope (agreement);
}

gboolean
wb_fh_item_allowed (WbScope *scope, const char *item, GError **error)
{
  g_autofree char *entry = g_strdup_printf ("%s.%s", WB_FH_PLUGIN_ID, item);

  if (wb_fh_item_lookup (item) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” is not an item of the friendly-hack checklist."), item);
      return FALSE;
    }
  if (scope != NULL && wb_scope_allows_plugin (scope, WB_FH_PLUGIN_ID) &&
      wb_scope_allows_plugin (scope, entry))
    return TRUE;
  g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_ACTIVITY,
               _("The agreement does not list the friendly-hack item “%s”: it needs “%s” "
                 "and “%s” in the scope's plugins, with the company's consent."),
               item, WB_FH_PLUGIN_ID, entry);
  return FALSE;
}

static gboolean
check_iso (const char *what, const char *member, const char *value, GError **error)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *with_time = NULL;

  if (value == NULL)
    return TRUE;
  with_time = strlen (value) == 10 ? g_strconcat (value, "T00:00:00Z", NULL) : g_strdup (value);
  parsed = g_date_time_new_from_iso8601 (with_time, NULL);
  if (parsed != NULL)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("In %s: “%s” must be a date (YYYY-MM-DD) or an ISO time, not “%s”."),
               what, member, value);
  return FALSE;
}

gboolean
wb_fh_record_validate (const char *item, JsonNode *record, GError **error)
{
  static const char * const members[] = { "consent_by", "consent_date", "done_by", "when",
                                          "outcome", "notes", "evidence", NULL };
  static const char * const outcomes[] = { "pass", "fail", "not-done", NULL };
  g_autofree char *what = g_strdup_printf (_("the record of “%s”"), item);
  g_autofree char *consent_by = NULL, *consent_date = NULL, *done_by = NULL;
  g_autofree char *when = NULL, *outcome = NULL, *notes = NULL;
  g_auto(GStrv) evidence = NULL;
  JsonObject *object = wb_json_get_object (record, what, error);

  if (object == NULL || !wb_json_check_members (object, what, members, error) ||
      !wb_json_get_string (object, what, "consent_by", TRUE, &consent_by, error) ||
      !wb_json_get_string (object, what, "consent_date", TRUE, &consent_date, error) ||
      !wb_json_get_string (object, what, "done_by", TRUE, &done_by, error) ||
      !wb_json_get_string (object, what, "when", TRUE, &when, error) ||
      !wb_json_get_string (object, what, "outcome", TRUE, &outcome, error) ||
      !wb_json_get_string (object, what, "notes", FALSE, &notes, error) ||
      !wb_json_get_strv (object, what, "evidence", FALSE, &evidence, error) ||
      !check_iso (what, "consent_date", consent_date, error) ||
      !check_iso (what, "when", when, error))
    return FALSE;
  if (!g_strv_contains (outcomes, outcome))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("In %s: the outcome must be pass, fail or not-done."), what);
      return FALSE;
    }
  if (*consent_by == '\0' || *done_by == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("In %s: who consented and who did it must be named."), what);
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
record_of (JsonNode *records, const char *item)
{
  JsonNode *node;

  if (records == NULL || !JSON_NODE_HOLDS_OBJECT (records))
    return NULL;
  node = json_object_get_member (json_node_get_object (records), item);
  if (node == NULL || !wb_fh_record_validate (item, node, NULL))
    return NULL;
  return json_node_get_object (node);
}

GPtrArray *
wb_fh_records_findings (JsonNode *records)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      JsonObject *record = record_of (records, items[i].id);
      g_autofree char *check_id = NULL;
      g_autofree char *evidence = NULL;
      g_autoptr(WbAdvice) advice = NULL;
      WbFinding *finding;
      const char *notes;

      if (items[i].automated || record == NULL ||
          g_strcmp0 (json_object_get_string_member (record, "outcome"), "fail") != 0)
        continue;
      check_id = g_strdup_printf ("friendly-hack.%s", items[i].id);
      finding = wb_finding_new (check_id, _(items[i].title), items[i].severity);
      wb_finding_set_confidence (finding, WB_CONFIDENCE_OBSERVED);
      wb_finding_add_asset (finding, _("premises"));
      evidence = g_strdup_printf (_("Checked by %s on %s, with the consent of %s."),
                                  json_object_get_string_member (record, "done_by"),
                                  json_object_get_string_member (record, "when"),
                                  json_object_get_string_member (record, "consent_by"));
      wb_finding_add_evidence (finding, evidence);
      notes = json_object_get_string_member_with_default (record, "notes", NULL);
      if (notes != NULL && *notes != '\0')
        wb_finding_add_evidence (finding, notes);
      advice = wb_advice_new ();
      advice->risk = g_strdup (_(items[i].risk));
      advice->step = g_strdup (_(items[i].step));
      advice->owner = items[i].owner;
      advice->priority = items[i].severity >= WB_SEVERITY_HIGH ? WB_PRIORITY_NOW
                                                               : WB_PRIORITY_QUARTER;
      advice->effort = 1;
      advice->solution = WB_SOLUTION_ORGANISATIONAL;
      wb_finding_set_advice (finding, advice);
      g_ptr_array_add (findings, finding);
    }
  return findings;
}

static JsonNode *
cells (const char * const *values)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  json_node_take_array (node, array);
  return node;
}

static const char *
outcome_label (const char *outcome)
{
  if (g_strcmp0 (outcome, "pass") == 0)
    return _("in order");
  if (g_strcmp0 (outcome, "fail") == 0)
    return _("to improve");
  return _("not done");
}

JsonNode *
wb_fh_checklist_section (WbScope *scope, JsonNode *records)
{
  const char *columns[] = { _("Item"), _("Outcome"), _("Done by"), _("When"),
                            _("Consent of"), NULL };
  JsonObject *table = json_object_new ();
  JsonArray *rows = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      JsonObject *record;

      if (items[i].automated || !wb_fh_item_allowed (scope, items[i].id, NULL))
        continue;
      record = record_of (records, items[i].id);
      {
        const char *row[] = {
          _(items[i].title),
          outcome_label (record != NULL ? json_object_get_string_member (record, "outcome") : NULL),
          record != NULL ? json_object_get_string_member (record, "done_by") : "",
          record != NULL ? json_object_get_string_member (record, "when") : "",
          record != NULL ? json_object_get_string_member (record, "consent_by") : "",
          NULL
        };
        json_array_add_element (rows, cells (row));
      }
    }
  json_object_set_string_member (table, "title", _("Friendly-hack checklist"));
  json_object_set_member (table, "columns", cells (columns));
  json_object_set_array_member (table, "rows", rows);
  json_object_set_string_member (table, "note",
    _("Every item was done only with the consent named; no personal data was recorded, "
      "and faces and screens on photos were blurred."));
  json_node_take_object (node, table);
  return node;
}

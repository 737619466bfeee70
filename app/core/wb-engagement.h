/* wb-engagement.h — the only way to read and write engagement data
 *
 * An engagement is backed by its encrypted vault: every change is one committed record
 * (an event with who, what and when), so the audit trail is the history itself. On
 * open, the events are replayed in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "wb-agreement.h"
#include "wb-company.h"
#include "wb-finding.h"
#include "wb-vault.h"

G_BEGIN_DECLS

#define WB_ENGAGEMENT_ERROR (wb_engagement_error_quark ())
GQuark wb_engagement_error_quark (void);

typedef enum {
  WB_ENGAGEMENT_ERROR_INVALID,     /* malformed input */
  WB_ENGAGEMENT_ERROR_NEWER,       /* written by a newer Werkbank */
  WB_ENGAGEMENT_ERROR_NOT_FOUND,   /* no such finding, person, ... */
  WB_ENGAGEMENT_ERROR_STATE,       /* not possible in the current state */
} WbEngagementError;

/* Where the engagement stands (design.md §1). */
typedef enum {
  WB_STAGE_PREPARE,
  WB_STAGE_SCAN,
  WB_STAGE_REVIEW,
  WB_STAGE_REPORT,
  WB_STAGE_RETAIN,
} WbStage;

const char *wb_stage_to_string (WbStage stage);
const char *wb_stage_get_label (WbStage stage);

typedef struct {
  gint64  time;     /* unix seconds */
  char   *actor;    /* the slot label the vault was opened with */
  char   *action;   /* stable id: "company.set", "finding.add", ... */
  char   *summary;  /* plain words, translated at the time of the change */
} WbAuditEntry;

void wb_audit_entry_free (WbAuditEntry *entry);

#define WB_TYPE_ENGAGEMENT (wb_engagement_get_type ())
G_DECLARE_FINAL_TYPE (WbEngagement, wb_engagement, WB, ENGAGEMENT, GObject)

/* Takes a reference on @vault; replays its records. */
WbEngagement *wb_engagement_new_for_vault (WbVault *vault, GError **error);
WbEngagement *wb_engagement_create (const char        *path,
                                    const char        *member,
                                    const char        *passphrase,
                                    const WbKdfParams *params,
                                    GError           **error);
WbEngagement *wb_engagement_open (const char *path, const char *passphrase, GError **error);
WbEngagement *wb_engagement_open_with_key (const char *path, WbX25519Key *key,
                                           GError **error);

WbVault      *wb_engagement_get_vault (WbEngagement *self);
/* Who is working: the label of the key slot used to open (audit actor). */
const char   *wb_engagement_get_actor (WbEngagement *self);
gboolean      wb_engagement_is_read_only (WbEngagement *self);

/* Company and people. Each setter commits one record before it returns TRUE. */
const WbCompany *wb_engagement_get_company (WbEngagement *self); /* NULL if not set */
gboolean      wb_engagement_set_company (WbEngagement *self, const WbCompany *company,
                                         GError **error);
GPtrArray    *wb_engagement_get_people (WbEngagement *self); /* of WbPerson, owned */
gboolean      wb_engagement_add_person (WbEngagement *self, const WbPerson *person,
                                        GError **error);
gboolean      wb_engagement_remove_person (WbEngagement *self, const char *name,
                                           GError **error);

/* The agreement: a copy is stored; a signed agreement cannot be replaced by an unsigned
 * one (amending means a new, signed agreement). */
WbAgreement  *wb_engagement_get_agreement (WbEngagement *self); /* never NULL */
gboolean      wb_engagement_set_agreement (WbEngagement *self, WbAgreement *agreement,
                                           GError **error);
gboolean      wb_engagement_sign_agreement (WbEngagement *self, const char *date,
                                            GError **error);

/* Plugins the team has switched on for this engagement (the agreement must also allow
 * them before they run). */
gboolean      wb_engagement_set_plugin_enabled (WbEngagement *self, const char *plugin_id,
                                                gboolean enabled, GError **error);
gboolean      wb_engagement_is_plugin_enabled (WbEngagement *self, const char *plugin_id);
GStrv         wb_engagement_get_enabled_plugins (WbEngagement *self);

/* Plugin results: a plugin's own data (JSON), and its findings. A finished run replaces
 * the plugin's previous findings in one record, so a re-run never leaves doubles. */
JsonNode     *wb_engagement_get_plugin_data (WbEngagement *self, const char *plugin_id,
                                             const char *key); /* borrowed or NULL */
gboolean      wb_engagement_set_plugin_data (WbEngagement *self, const char *plugin_id,
                                             const char *key, JsonNode *value,
                                             GError **error);
gboolean      wb_engagement_commit_run (WbEngagement *self, const char *plugin_id,
                                        GPtrArray *findings, GError **error);

GPtrArray    *wb_engagement_get_findings (WbEngagement *self); /* of WbFinding, owned */
/* The findings ordered as the action plan: most urgent first. New array, own refs. */
GPtrArray    *wb_engagement_get_action_plan (WbEngagement *self);
WbFinding    *wb_engagement_lookup_finding (WbEngagement *self, const char *id);
/* Review: edit severity with a reason (the reason lands in the audit trail). */
gboolean      wb_engagement_update_finding (WbEngagement *self, WbFinding *finding,
                                            const char *reason, GError **error);
gboolean      wb_engagement_remove_finding (WbEngagement *self, const char *id,
                                            const char *reason, GError **error);

/* Duplicates: two plugins can report the same problem (the network scan and the
 * access-control checks both see an open RDP port). Merging folds the assets and
 * evidence of @other_ids into @keep_id and removes the others, in one record with the
 * reason. The merge holds when a plugin runs again: a new run's version of a merged
 * finding is folded into the kept one instead of coming back
 * (docs/engagement-format.md, "finding.merge"). Refused without writing anything when
 * an id is unknown, repeated, the kept one itself, or the reason is empty. */
gboolean      wb_engagement_merge_findings (WbEngagement       *self,
                                            const char         *keep_id,
                                            const char * const *other_ids,
                                            const char         *reason,
                                            GError            **error);
/* Suggested merges: findings of different plugins whose checks are equivalent and that
 * name the same host. A new array of GStrv (finding ids, the suggested one to keep
 * first); empty when there is nothing to merge. */
GPtrArray    *wb_engagement_find_duplicates (WbEngagement *self);
/* The check ids merged into a finding, sorted, without doubles (empty, never NULL). */
GStrv         wb_engagement_get_merged_checks (WbEngagement *self, const char *finding_id);

/* History: every change, oldest first. */
GPtrArray    *wb_engagement_get_audit (WbEngagement *self); /* of WbAuditEntry, owned */

WbStage       wb_engagement_get_stage (WbEngagement *self);
/* What is still missing to move on, in plain words (translated). */
GPtrArray    *wb_engagement_get_missing (WbEngagement *self);

/* What the engagement holds, by category, for the report's retention section and the
 * destruction record (domain.md "The destruction record": inventory of the data). */
typedef struct {
  char    *id;       /* stable: "company", "people", "agreement", "findings",
                      * "plugin:<id>", "attachments", "audit" */
  char    *label;    /* plain words, translated */
  guint64  count;    /* items: people, findings, answers, files, changes */
  guint64  bytes;    /* approximate size of the data itself */
  gboolean personal; /* may hold personal data (names, answers about staff, photos) */
} WbDataCategory;

void       wb_data_category_free (WbDataCategory *category);
/* New array of WbDataCategory, only categories that hold something. */
GPtrArray *wb_engagement_get_data_inventory (WbEngagement *self);

/* Findings as JSON: { "format": "werkbank-findings-1", "findings": [...] }. */
JsonNode     *wb_engagement_findings_to_json (WbEngagement *self);

G_END_DECLS

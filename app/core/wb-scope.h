/* wb-scope.h — what the agreement allows Werkbank to touch
 *
 * A scope lists IPv4/IPv6 ranges (CIDR), single addresses, host names, domains and
 * Wi-Fi networks (SSIDs) that are in scope, ranges that are explicitly excluded, the
 * activities allowed (passive, active, intrusive) and the plugins allowed to run.
 * Exclusions always win. Network, broadcast, multicast, loopback, link-local and
 * unspecified addresses are refused unless that exact address is listed as a host.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WB_SCOPE_ERROR (wb_scope_error_quark ())
GQuark wb_scope_error_quark (void);

typedef enum {
  WB_SCOPE_ERROR_PARSE,        /* an entry is not a valid address, range, name or SSID */
  WB_SCOPE_ERROR_OUT_OF_SCOPE, /* a target is not covered, or is excluded */
  WB_SCOPE_ERROR_FORBIDDEN,    /* a special address (broadcast, multicast, ...) */
  WB_SCOPE_ERROR_ACTIVITY,     /* the activity is not allowed */
} WbScopeError;

/* Ordered: an agreement that allows intrusive checks also allows active and passive. */
typedef enum {
  WB_ACTIVITY_NONE = 0,
  WB_ACTIVITY_PASSIVE = 1,   /* interviews, observation, public DNS, one ordinary page */
  WB_ACTIVITY_ACTIVE = 2,    /* scanning, banner grabbing, protocol probes */
  WB_ACTIVITY_INTRUSIVE = 3, /* trying a documented default password, and the like */
} WbActivity;

const char *wb_activity_to_string (WbActivity activity); /* "passive", ... (stable ids) */
gboolean    wb_activity_from_string (const char *text, WbActivity *out);
const char *wb_activity_get_label (WbActivity activity); /* translated */

#define WB_TYPE_SCOPE (wb_scope_get_type ())
G_DECLARE_FINAL_TYPE (WbScope, wb_scope, WB, SCOPE, GObject)

WbScope  *wb_scope_new (void);
WbScope  *wb_scope_copy (WbScope *self);

/* Adds one target, auto-detected: "198.18.0.0/24", "198.18.0.7", "2001:db8::/64",
 * "2001:db8::1", "nas.example.nl" (a host name), "*.example.nl" or "domain:example.nl"
 * (a domain and all names below it), "ssid:Kantoor-WiFi". Leading/trailing space is
 * ignored. A CIDR with host bits set (198.18.0.1/24) is an error: ambiguous. */
gboolean  wb_scope_add (WbScope *self, const char *entry, GError **error);
/* Excludes an address or range (same syntax as addresses/CIDRs above). */
gboolean  wb_scope_exclude (WbScope *self, const char *entry, GError **error);
gboolean  wb_scope_add_domain (WbScope *self, const char *domain, GError **error);
gboolean  wb_scope_add_ssid (WbScope *self, const char *ssid, GError **error);

void       wb_scope_set_max_activity (WbScope *self, WbActivity activity);
WbActivity wb_scope_get_max_activity (WbScope *self);
gboolean   wb_scope_allows_activity (WbScope *self, WbActivity activity);

/* Plugin permissions: an empty list means no plugin may run. */
void      wb_scope_allow_plugin (WbScope *self, const char *plugin_id);
void      wb_scope_disallow_plugin (WbScope *self, const char *plugin_id);
gboolean  wb_scope_allows_plugin (WbScope *self, const char *plugin_id);
/* Third parties (hoster, mail provider) whose consent is recorded, by domain. */
void      wb_scope_add_third_party_consent (WbScope *self, const char *domain);
gboolean  wb_scope_has_third_party_consent (WbScope *self, const char *domain);

/* Is this address in scope? FALSE with WB_SCOPE_ERROR_OUT_OF_SCOPE or _FORBIDDEN and a
 * message that names the address and the reason. */
gboolean  wb_scope_check_address (WbScope *self, GInetAddress *address, GError **error);
gboolean  wb_scope_check_address_string (WbScope *self, const char *address, GError **error);
/* A host name is in scope if it is listed, or lies at or below a listed domain. */
gboolean  wb_scope_check_hostname (WbScope *self, const char *hostname, GError **error);
gboolean  wb_scope_check_ssid (WbScope *self, const char *ssid, GError **error);

gboolean  wb_scope_is_empty (WbScope *self); /* nothing at all is in scope */

/* Human-readable entries in a stable order (for display and the report). */
GStrv     wb_scope_get_targets (WbScope *self);   /* ranges, hosts, names, domains, ssids */
GStrv     wb_scope_get_exclusions (WbScope *self);
GStrv     wb_scope_get_plugins (WbScope *self);
GStrv     wb_scope_get_third_parties (WbScope *self);

/* Every IPv4 address the scope allows, for a scanner to iterate: ranges minus
 * exclusions minus forbidden addresses. FALSE if more than @limit addresses. */
gboolean  wb_scope_expand_ipv4 (WbScope *self, guint limit, GArray *out_be32, GError **error);

/* Serialisation (the form stored in the vault and in agreement files):
 * { "targets": [...], "exclude": [...], "activity": "active",
 *   "plugins": [...], "third_party_consent": [...] }
 * Unknown members are an error (with the member's name). */
JsonNode *wb_scope_to_json (WbScope *self);
WbScope  *wb_scope_new_from_json (JsonNode *node, GError **error);

G_END_DECLS

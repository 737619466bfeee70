/* wb-scope.h — what the agreement allows Werkbank to touch
 *
 * A scope lists IPv4/IPv6 ranges (CIDR), single addresses, host names, domains and
 * Wi-Fi networks (SSIDs) that are in scope, ranges that are explicitly excluded, the
 * activities allowed (passive, active, intrusive) and the plugins allowed to run.
 * Exclusions always win. Network, broadcast, multicast, loopback, link-local and
 * unspecified addresses are refused unless that exact address is listed as a host.
 *
 * How broad a target may be: an agreement is signed by a small company for its own
 * networks, which are a handful of /24s at most; the largest private block such a
 * company plausibly runs is a /16 (65,536 addresses). So an IPv4 target must have a
 * prefix of /16 or longer, and an IPv6 target /48 or longer (the largest assignment an
 * ISP gives one site). /0 is refused outright: that is the whole Internet, not an
 * agreement. A wider network is listed as several ranges, each one a deliberate choice.
 * Exclusions only narrow the scope and may be of any size.
 *
 * Entries are canonical once added: host names and domains lower-case without a
 * trailing dot, IPv6 in RFC 5952 form, IPv4-mapped IPv6 (::ffff:198.18.0.5) as the IPv4
 * address, /32 and /128 as the plain address. An entry holds no control characters
 * and is at most WB_SCOPE_MAX_ENTRY_LENGTH bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Narrowest prefix a target may have (see above); /32 and /128 are single hosts. */
#define WB_SCOPE_IPV4_MIN_PREFIX 16
#define WB_SCOPE_IPV6_MIN_PREFIX 48
/* "domain:" plus the longest host name (253), with room for surrounding space. */
#define WB_SCOPE_MAX_ENTRY_LENGTH 300

#define WB_SCOPE_ERROR (wb_scope_error_quark ())
GQuark wb_scope_error_quark (void);

typedef enum {
  WB_SCOPE_ERROR_PARSE,        /* an entry is not a valid address, range, name or SSID */
  WB_SCOPE_ERROR_OUT_OF_SCOPE, /* a target is not covered, or is excluded */
  WB_SCOPE_ERROR_FORBIDDEN,    /* a special address (broadcast, multicast, ...) */
  WB_SCOPE_ERROR_ACTIVITY,     /* the activity is not allowed */
  WB_SCOPE_ERROR_LIMIT,        /* more addresses than the caller asked for */
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
 * ignored. A CIDR with host bits set (198.18.0.1/24) is an error: ambiguous. So are
 * IPv4 numbers with a leading zero (010.0.0.1: octal to some tools) and names that
 * inet_aton would read as an address (0x7f000001). Host names follow RFC 1123 (letters,
 * digits, hyphens; labels up to 63, names up to 253 characters; no IDN); one trailing
 * dot is dropped. A domain needs at least two labels: "*.nl" is refused. An SSID is 1–32
 * bytes of UTF-8 without control characters or surrounding space. The lab range
 * 198.18.0.0/15 is wider than a /16 and is listed as its two /16 halves. */
gboolean  wb_scope_add (WbScope *self, const char *entry, GError **error);
/* Excludes an address or range (same syntax as addresses/CIDRs above). */
gboolean  wb_scope_exclude (WbScope *self, const char *entry, GError **error);
gboolean  wb_scope_add_domain (WbScope *self, const char *domain, GError **error);
gboolean  wb_scope_add_ssid (WbScope *self, const char *ssid, GError **error);

void       wb_scope_set_max_activity (WbScope *self, WbActivity activity);
WbActivity wb_scope_get_max_activity (WbScope *self);
gboolean   wb_scope_allows_activity (WbScope *self, WbActivity activity);
/* As wb_scope_allows_activity, with WB_SCOPE_ERROR_ACTIVITY and a message to show. */
gboolean   wb_scope_check_activity (WbScope *self, WbActivity activity, GError **error);

/* Plugin permissions: an empty list means no plugin may run. */
void      wb_scope_allow_plugin (WbScope *self, const char *plugin_id);
void      wb_scope_disallow_plugin (WbScope *self, const char *plugin_id);
gboolean  wb_scope_allows_plugin (WbScope *self, const char *plugin_id);
/* Third parties (hoster, mail provider) whose consent is recorded, by domain. Consent
 * for "hoster.nl" covers "mail.hoster.nl" too: the names below a domain are the same
 * party's. */
void      wb_scope_add_third_party_consent (WbScope *self, const char *domain);
gboolean  wb_scope_has_third_party_consent (WbScope *self, const char *domain);

/* Is this address in scope? FALSE with WB_SCOPE_ERROR_OUT_OF_SCOPE or _FORBIDDEN and a
 * message that names the address and the reason. An IPv4-mapped (::ffff:0:0/96) or
 * NAT64 (64:ff9b::/96) IPv6 address is judged as the IPv4 address it reaches. The network and broadcast address of a covering IPv4 range of
 * /30 or wider are refused; where ranges overlap, being the network or broadcast
 * address of any one of them is enough (we cannot know which is the real subnet). */
gboolean  wb_scope_check_address (WbScope *self, GInetAddress *address, GError **error);
gboolean  wb_scope_check_address_string (WbScope *self, const char *address, GError **error);
/* A host name is in scope if it is listed, or lies at or below a listed domain. */
gboolean  wb_scope_check_hostname (WbScope *self, const char *hostname, GError **error);
gboolean  wb_scope_check_ssid (WbScope *self, const char *ssid, GError **error);

/* Nothing at all is in scope: no range, address, name, domain or SSID. Activities and
 * plugins alone put nothing in scope. */
gboolean  wb_scope_is_empty (WbScope *self);

/* Human-readable entries in a stable order (for display and the report). */
GStrv     wb_scope_get_targets (WbScope *self);   /* ranges, hosts, names, domains, ssids */
GStrv     wb_scope_get_exclusions (WbScope *self);
GStrv     wb_scope_get_plugins (WbScope *self);
GStrv     wb_scope_get_third_parties (WbScope *self);

/* Every IPv4 address the scope allows, for a scanner to iterate: ranges minus
 * exclusions minus forbidden addresses, ascending, each once, appended to @out_be32
 * (guint32 in network byte order). FALSE with WB_SCOPE_ERROR_LIMIT if more than
 * @limit addresses; @out_be32 is then left as it was. */
gboolean  wb_scope_expand_ipv4 (WbScope *self, guint limit, GArray *out_be32, GError **error);

/* Serialisation (the form stored in the vault and in agreement files):
 * { "targets": [...], "exclude": [...], "activity": "active",
 *   "plugins": [...], "third_party_consent": [...] }
 * Unknown members are an error (with the member's name). */
JsonNode *wb_scope_to_json (WbScope *self);
WbScope  *wb_scope_new_from_json (JsonNode *node, GError **error);

G_END_DECLS

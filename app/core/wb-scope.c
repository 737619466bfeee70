/* wb-scope.c — what the agreement allows Werkbank to touch
 *
 * Addresses and ranges are kept as WbRange (family, prefix, 16 address bytes) and
 * matched bit by bit, so IPv4 and IPv6 share one code path; names, domains, SSIDs,
 * plugins and third parties are string sets. Every entry is parsed strictly and kept
 * in canonical form, so what the report shows is exactly what is enforced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <arpa/inet.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "wb-scope.h"

/* How much of an entry an error message repeats: enough to recognise it. */
#define DESCRIBE_MAX_CHARS 64
#define SSID_MAX_BYTES     32
#define HOSTNAME_MAX_BYTES 253
#define LABEL_MAX_BYTES    63
#define PLUGIN_ID_MAX      128

typedef struct
{
  guint8 family; /* 4 or 6 */
  guint8 prefix; /* 0–32 or 0–128; the full length is a single address */
  guint8 bytes[16]; /* IPv4 uses the first four */
} WbRange;

/* Why an address may or may not be touched; the order is the order of the checks. */
typedef enum
{
  VERDICT_ALLOWED,
  VERDICT_EXCLUDED,
  VERDICT_NOT_COVERED,
  VERDICT_UNSPECIFIED,
  VERDICT_LOOPBACK,
  VERDICT_LINK_LOCAL,
  VERDICT_MULTICAST,
  VERDICT_LIMITED_BROADCAST,
  VERDICT_NETWORK_ADDRESS,
  VERDICT_BROADCAST_ADDRESS,
} Verdict;

static const struct
{
  WbRange range;
  Verdict verdict;
} special_ranges[] = {
  { { 4, 32, { 0, 0, 0, 0 } }, VERDICT_UNSPECIFIED },
  { { 4, 32, { 255, 255, 255, 255 } }, VERDICT_LIMITED_BROADCAST },
  { { 4, 8, { 127 } }, VERDICT_LOOPBACK },
  { { 4, 16, { 169, 254 } }, VERDICT_LINK_LOCAL },
  { { 4, 4, { 224 } }, VERDICT_MULTICAST },
  { { 6, 128, { 0 } }, VERDICT_UNSPECIFIED },
  { { 6, 128, { [15] = 1 } }, VERDICT_LOOPBACK },
  { { 6, 10, { 0xfe, 0x80 } }, VERDICT_LINK_LOCAL },
  { { 6, 8, { 0xff } }, VERDICT_MULTICAST },
};

struct _WbScope
{
  GObject     parent_instance;

  GArray     *targets;    /* WbRange: ranges and single addresses in scope */
  GArray     *exclusions; /* WbRange */
  GHashTable *hostnames;  /* set of canonical names */
  GHashTable *domains;    /* set of canonical domains, without "*." */
  GHashTable *ssids;
  GHashTable *plugins;
  GHashTable *third_parties;
  WbActivity  max_activity;
};

G_DEFINE_FINAL_TYPE (WbScope, wb_scope, G_TYPE_OBJECT)

G_DEFINE_QUARK (wb-scope-error-quark, wb_scope_error)

/* ---- activities -------------------------------------------------------------------- */

static const char * const activity_ids[] = { "none", "passive", "active", "intrusive" };

const char *
wb_activity_to_string (WbActivity activity)
{
  g_return_val_if_fail (activity <= WB_ACTIVITY_INTRUSIVE, NULL);

  return activity_ids[activity];
}

gboolean
wb_activity_from_string (const char *text,
                         WbActivity *out)
{
  guint i;

  if (text == NULL)
    return FALSE;

  for (i = 0; i < G_N_ELEMENTS (activity_ids); i++)
    {
      if (strcmp (text, activity_ids[i]) == 0)
        {
          if (out != NULL)
            *out = (WbActivity) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
wb_activity_get_label (WbActivity activity)
{
  /* Context, because "Active" and "None" alone translate differently elsewhere. */
  switch (activity)
    {
    case WB_ACTIVITY_NONE:
      return C_("activity", "None");
    case WB_ACTIVITY_PASSIVE:
      return C_("activity", "Passive");
    case WB_ACTIVITY_ACTIVE:
      return C_("activity", "Active");
    case WB_ACTIVITY_INTRUSIVE:
      return C_("activity", "Intrusive");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- small helpers ----------------------------------------------------------------- */

static GHashTable *
string_set_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static GHashTable *
string_set_copy (GHashTable *set)
{
  GHashTable *copy = string_set_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy, g_strdup (key));
  return copy;
}

/* g_strv_builder_take() is GLib 2.80; Debian 12 has 2.74. */
static void
strv_builder_take (GStrvBuilder *builder,
                   char         *value)
{
  g_strv_builder_add (builder, value);
  g_free (value);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, so that the report and the stored form do not depend on hash order. */
static void
append_sorted (GStrvBuilder *builder,
               GHashTable   *set,
               const char   *prefix)
{
  g_autofree gpointer *keys = NULL;
  guint n = 0;
  guint i;

  keys = g_hash_table_get_keys_as_array (set, &n);
  qsort (keys, n, sizeof (gpointer), compare_strings);
  for (i = 0; i < n; i++)
    strv_builder_take (builder, g_strconcat (prefix, keys[i], NULL));
}

/* An entry as it may appear in a message: valid UTF-8, control characters escaped, cut
 * short, so that hostile input can neither garble a message nor flood it. */
static char *
describe_entry (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  const char *p;
  guint n = 0;

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == DESCRIBE_MAX_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_iscntrl (c))
        g_string_append_printf (out, "\\x%02x", (guint) c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
set_parse_error (GError    **error,
                 const char *entry,
                 const char *reason)
{
  g_autofree char *shown = describe_entry (entry);

  /* TRANSLATORS: the first %s is a scope entry as typed, the second why it is refused */
  g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE,
               _("“%s” cannot be used in the scope: %s"), shown, reason);
}

static gboolean
has_prefix_nocase (const char *text,
                   const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

/* Strips surrounding space and refuses what never names anything on a network. */
static char *
clean_entry (const char *entry,
             GError    **error)
{
  g_autofree char *copy = NULL;
  const char *p;

  if (strlen (entry) > WB_SCOPE_MAX_ENTRY_LENGTH)
    {
      set_parse_error (error, entry, _("it is too long for an address, name or SSID"));
      return NULL;
    }
  if (!g_utf8_validate (entry, -1, NULL))
    {
      set_parse_error (error, entry, _("it is not valid UTF-8 text"));
      return NULL;
    }

  copy = g_strstrip (g_strdup (entry));
  if (*copy == '\0')
    {
      g_set_error_literal (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE,
                           _("An empty entry cannot be used in the scope"));
      return NULL;
    }
  for (p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          set_parse_error (error, entry, _("it contains a control character"));
          return NULL;
        }
    }
  return g_steal_pointer (&copy);
}

/* ---- addresses and ranges ---------------------------------------------------------- */

static guint
range_bits (const WbRange *range)
{
  return range->family == 4 ? 32 : 128;
}

static gboolean
range_is_host (const WbRange *range)
{
  return range->prefix == range_bits (range);
}

static gboolean
bits_equal (const guint8 *a,
            const guint8 *b,
            guint         nbits)
{
  guint whole = nbits / 8;
  guint rest = nbits % 8;
  guint8 mask;

  if (memcmp (a, b, whole) != 0)
    return FALSE;
  if (rest == 0)
    return TRUE;
  mask = (guint8) (0xff << (8 - rest));
  return (a[whole] & mask) == (b[whole] & mask);
}

static gboolean
range_contains (const WbRange *range,
                const WbRange *address)
{
  return range->family == address->family &&
         bits_equal (range->bytes, address->bytes, range->prefix);
}

static gboolean
range_equal (const WbRange *a,
             const WbRange *b)
{
  return a->family == b->family && a->prefix == b->prefix &&
         memcmp (a->bytes, b->bytes, sizeof a->bytes) == 0;
}

static gboolean
host_bits_clear (const WbRange *range)
{
  guint bits = range_bits (range);
  guint i;

  for (i = range->prefix; i < bits; i++)
    {
      if (range->bytes[i / 8] & (0x80 >> (i % 8)))
        return FALSE;
    }
  return TRUE;
}

static guint32
ipv4_mask (guint prefix)
{
  /* A shift by 32 is undefined behaviour, hence the special case. */
  return prefix == 0 ? 0 : G_MAXUINT32 << (32 - prefix);
}

static guint32
range_ipv4_first (const WbRange *range)
{
  guint32 value = ((guint32) range->bytes[0] << 24) | ((guint32) range->bytes[1] << 16) |
                  ((guint32) range->bytes[2] << 8) | range->bytes[3];

  return value & ipv4_mask (range->prefix);
}

static guint32
range_ipv4_last (const WbRange *range)
{
  return range_ipv4_first (range) | ~ipv4_mask (range->prefix);
}

static void
range_set_ipv4 (WbRange *range,
                guint32  value)
{
  memset (range, 0, sizeof *range);
  range->family = 4;
  range->prefix = 32;
  range->bytes[0] = value >> 24;
  range->bytes[1] = (value >> 16) & 0xff;
  range->bytes[2] = (value >> 8) & 0xff;
  range->bytes[3] = value & 0xff;
}

/* ::ffff:a.b.c.d is how a dual-stack socket shows an IPv4 peer, and a packet to
 * 64:ff9b::a.b.c.d reaches a.b.c.d through a NAT64 gateway (RFC 6052). Either is the
 * IPv4 host, so it must meet the IPv4 rules, not slip past them as an IPv6 address
 * ("64:ff9b::/96" would otherwise be a /96 that covers all of IPv4). */
static void
range_unmap_ipv4 (WbRange *range)
{
  static const guint8 mapped[12] = { [10] = 0xff, [11] = 0xff };
  static const guint8 nat64[12] = { 0x00, 0x64, 0xff, 0x9b };

  if (range->family != 6 || range->prefix < 96 ||
      (memcmp (range->bytes, mapped, 12) != 0 && memcmp (range->bytes, nat64, 12) != 0))
    return;

  memmove (range->bytes, range->bytes + 12, 4);
  memset (range->bytes + 4, 0, 12);
  range->family = 4;
  range->prefix -= 96;
}

static char *
range_to_string (const WbRange *range)
{
  char text[INET6_ADDRSTRLEN];

  if (range->family == 4)
    g_snprintf (text, sizeof text, "%u.%u.%u.%u", range->bytes[0], range->bytes[1],
                range->bytes[2], range->bytes[3]);
  else
    inet_ntop (AF_INET6, range->bytes, text, sizeof text);

  if (range_is_host (range))
    return g_strdup (text);
  return g_strdup_printf ("%s/%u", text, range->prefix);
}

/* Ranges before single hosts, IPv4 before IPv6, then by address: the order a reader
 * of the report expects. */
static int
compare_ranges (gconstpointer pa,
                gconstpointer pb)
{
  const WbRange *a = pa;
  const WbRange *b = pb;
  int cmp;

  if (range_is_host (a) != range_is_host (b))
    return range_is_host (a) ? 1 : -1;
  if (a->family != b->family)
    return a->family < b->family ? -1 : 1;
  cmp = memcmp (a->bytes, b->bytes, sizeof a->bytes);
  if (cmp != 0)
    return cmp;
  return (int) a->prefix - (int) b->prefix;
}

static gboolean
is_digits (const char *text,
           gsize       len)
{
  gsize i;

  for (i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }
  return len > 0;
}

/* Strict dotted quad: four decimal numbers 0–255. inet_aton would also take "10.1",
 * hex and octal; a leading zero is refused because some tools read 010 as 8. */
static gboolean
parse_ipv4 (const char *text,
            const char *entry,
            guint8      out[4],
            GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ".", -1);
  guint i;

  if (g_strv_length (parts) != 4)
    {
      set_parse_error (error, entry,
                       _("an IPv4 address is four numbers separated by dots"));
      return FALSE;
    }
  for (i = 0; i < 4; i++)
    {
      gsize len = strlen (parts[i]);
      guint value;

      if (!is_digits (parts[i], len) || len > 3)
        {
          set_parse_error (error, entry,
                           _("an IPv4 address is four numbers from 0 to 255 separated by dots"));
          return FALSE;
        }
      if (len > 1 && parts[i][0] == '0')
        {
          set_parse_error (error, entry,
                           _("a number with a leading zero is ambiguous (some tools read "
                             "it as octal); write it without the zero"));
          return FALSE;
        }
      value = (guint) g_ascii_strtoull (parts[i], NULL, 10);
      if (value > 255)
        {
          set_parse_error (error, entry,
                           _("each number of an IPv4 address must be at most 255"));
          return FALSE;
        }
      out[i] = (guint8) value;
    }
  return TRUE;
}

/* Only hex digits, colons and an embedded dotted quad: this keeps zone ids ("%eth0"),
 * which name an interface of this laptop rather than a host, out of the scope. */
static gboolean
parse_ipv6 (const char *text,
            const char *entry,
            guint8      out[16],
            GError    **error)
{
  if (strspn (text, "0123456789abcdefABCDEF:.") != strlen (text) ||
      inet_pton (AF_INET6, text, out) != 1)
    {
      set_parse_error (error, entry, _("it is not a valid IPv6 address"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_address (const char *text,
               const char *entry,
               WbRange    *out,
               GError    **error)
{
  memset (out, 0, sizeof *out);
  if (strchr (text, ':') != NULL)
    {
      out->family = 6;
      out->prefix = 128;
      return parse_ipv6 (text, entry, out->bytes, error);
    }
  out->family = 4;
  out->prefix = 32;
  return parse_ipv4 (text, entry, out->bytes, error);
}

static gboolean
parse_prefix (const char *text,
              const char *entry,
              guint       max,
              guint      *out,
              GError    **error)
{
  gsize len = strlen (text);
  guint value;

  if (!is_digits (text, len) || len > 3 || (len > 1 && text[0] == '0'))
    {
      set_parse_error (error, entry,
                       max == 32 ? _("the prefix length after “/” must be a number from 0 to 32")
                                 : _("the prefix length after “/” must be a number from 0 to 128"));
      return FALSE;
    }
  value = (guint) g_ascii_strtoull (text, NULL, 10);
  if (value > max)
    {
      set_parse_error (error, entry,
                       max == 32 ? _("an IPv4 prefix length is at most 32")
                                 : _("an IPv6 prefix length is at most 128"));
      return FALSE;
    }
  *out = value;
  return TRUE;
}

/* "address" or "address/prefix", canonical afterwards (mapped IPv6 becomes IPv4). */
static gboolean
parse_range (const char *entry,
             WbRange    *out,
             GError    **error)
{
  g_autofree char *address = g_strdup (entry);
  char *slash = strchr (address, '/');
  guint prefix;

  if (slash != NULL)
    *slash = '\0';
  if (!parse_address (address, entry, out, error))
    return FALSE;
  if (slash != NULL)
    {
      if (!parse_prefix (slash + 1, entry, range_bits (out), &prefix, error))
        return FALSE;
      out->prefix = (guint8) prefix;
      if (!host_bits_clear (out))
        {
          /* 198.18.0.1/24: did they mean the host or the network? Do not guess. */
          set_parse_error (error, entry,
                           _("the address has bits set beyond the prefix length; write the "
                             "network address of the range, or the single address without "
                             "a prefix"));
          return FALSE;
        }
    }
  range_unmap_ipv4 (out);
  return TRUE;
}

static gboolean
check_breadth (const WbRange *range,
               const char    *entry,
               GError       **error)
{
  if (range->prefix == 0)
    {
      set_parse_error (error, entry,
                       _("a /0 is the whole Internet; an agreement covers only the "
                         "company’s own networks"));
      return FALSE;
    }
  if (range->family == 4 && range->prefix < WB_SCOPE_IPV4_MIN_PREFIX)
    {
      set_parse_error (error, entry,
                       _("the range is too broad: an IPv4 range may be at most a /16 "
                         "(65,536 addresses); list a larger network as several ranges"));
      return FALSE;
    }
  if (range->family == 6 && range->prefix < WB_SCOPE_IPV6_MIN_PREFIX)
    {
      set_parse_error (error, entry,
                       _("the range is too broad: an IPv6 range may be at most a /48 "
                         "(one site); list a larger network as several ranges"));
      return FALSE;
    }
  return TRUE;
}

/* Digits, dots, colons and a slash: an address or a range, never a host name (a
 * name whose last label is numeric is not valid; see normalise_hostname). */
static gboolean
looks_like_address (const char *entry)
{
  return strchr (entry, '/') != NULL || strchr (entry, ':') != NULL ||
         strspn (entry, "0123456789.") == strlen (entry);
}

static void
add_range_unique (GArray        *array,
                  const WbRange *range)
{
  guint i;

  for (i = 0; i < array->len; i++)
    {
      if (range_equal (&g_array_index (array, WbRange, i), range))
        return;
    }
  g_array_append_vals (array, range, 1);
  g_array_sort (array, compare_ranges);
}

/* ---- names and SSIDs --------------------------------------------------------------- */

/* RFC 1123 host name, lower-cased, one trailing dot (the absolute form) dropped. */
static char *
normalise_hostname (const char *name,
                    const char *entry,
                    GError    **error)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_auto(GStrv) labels = NULL;
  gsize len = strlen (lower);
  struct in_addr numeric;
  guint n;
  guint i;

  if (len > 0 && lower[len - 1] == '.')
    lower[--len] = '\0';
  if (len == 0)
    {
      set_parse_error (error, entry, _("the host name is empty"));
      return NULL;
    }
  if (len > HOSTNAME_MAX_BYTES)
    {
      set_parse_error (error, entry, _("a host name is at most 253 characters long"));
      return NULL;
    }

  labels = g_strsplit (lower, ".", -1);
  n = g_strv_length (labels);
  for (i = 0; i < n; i++)
    {
      const char *label = labels[i];
      gsize label_len = strlen (label);

      if (label_len == 0)
        {
          set_parse_error (error, entry, _("a host name cannot have two dots in a row or "
                                           "start with a dot"));
          return NULL;
        }
      if (label_len > LABEL_MAX_BYTES)
        {
          set_parse_error (error, entry,
                           _("each part of a host name is at most 63 characters long"));
          return NULL;
        }
      if (strspn (label, "abcdefghijklmnopqrstuvwxyz0123456789-") != label_len)
        {
          set_parse_error (error, entry, _("a host name may contain only letters a–z, "
                                           "digits, hyphens and dots"));
          return NULL;
        }
      if (label[0] == '-' || label[label_len - 1] == '-')
        {
          set_parse_error (error, entry, _("a part of a host name cannot begin or end "
                                           "with a hyphen"));
          return NULL;
        }
    }

  /* "0x7f000001" or "10.1" would resolve to an address through inet_aton; as a name
   * in scope that would be a way round the address rules. */
  if (is_digits (labels[n - 1], strlen (labels[n - 1])) || inet_aton (lower, &numeric) != 0)
    {
      set_parse_error (error, entry, _("it looks like a numeric address, not a host name; "
                                       "write an address as four numbers from 0 to 255"));
      return NULL;
    }
  return g_steal_pointer (&lower);
}

static char *
normalise_domain (const char *name,
                  const char *entry,
                  GError    **error)
{
  g_autofree char *domain = normalise_hostname (name, entry, error);

  if (domain == NULL)
    return NULL;
  if (strchr (domain, '.') == NULL)
    {
      set_parse_error (error, entry, _("a domain in scope needs at least two parts "
                                       "(example.nl); a whole top-level domain is too "
                                       "broad"));
      return NULL;
    }
  return g_steal_pointer (&domain);
}

/* "example.nl" is at or below a domain in @domains; walks up one label at a time. */
static gboolean
name_under_domains (GHashTable *domains,
                    const char *name)
{
  const char *p = name;

  while (p != NULL)
    {
      if (g_hash_table_contains (domains, p))
        return TRUE;
      p = strchr (p, '.');
      if (p != NULL)
        p++;
    }
  return FALSE;
}

/* An SSID is up to 32 bytes; we also want it to be text we can print in the report.
 * Surrounding space is refused because it would be invisible there and lost when the
 * entry is read back ("ssid:NAME" is stripped like any entry). */
static gboolean
validate_ssid (const char *ssid,
               const char *entry,
               GError    **error)
{
  gsize len = strlen (ssid);
  const char *p;

  if (len == 0)
    {
      set_parse_error (error, entry, _("the Wi-Fi network name (SSID) is empty"));
      return FALSE;
    }
  if (len > SSID_MAX_BYTES)
    {
      set_parse_error (error, entry, _("a Wi-Fi network name (SSID) is at most 32 bytes"));
      return FALSE;
    }
  if (!g_utf8_validate (ssid, -1, NULL))
    {
      set_parse_error (error, entry, _("it is not valid UTF-8 text"));
      return FALSE;
    }
  for (p = ssid; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          set_parse_error (error, entry, _("it contains a control character"));
          return FALSE;
        }
    }
  if (g_unichar_isspace (g_utf8_get_char (ssid)) ||
      g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (ssid + len))))
    {
      set_parse_error (error, entry, _("a Wi-Fi network name (SSID) that begins or ends "
                                       "with a space is not supported"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
plugin_id_is_valid (const char *plugin_id)
{
  gsize len = strlen (plugin_id);

  return len > 0 && len <= PLUGIN_ID_MAX &&
         strspn (plugin_id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                            "0123456789._-") == len;
}

/* ---- the object -------------------------------------------------------------------- */

static void
wb_scope_finalize (GObject *object)
{
  WbScope *self = WB_SCOPE (object);

  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->exclusions, g_array_unref);
  g_clear_pointer (&self->hostnames, g_hash_table_unref);
  g_clear_pointer (&self->domains, g_hash_table_unref);
  g_clear_pointer (&self->ssids, g_hash_table_unref);
  g_clear_pointer (&self->plugins, g_hash_table_unref);
  g_clear_pointer (&self->third_parties, g_hash_table_unref);

  G_OBJECT_CLASS (wb_scope_parent_class)->finalize (object);
}

static void
wb_scope_class_init (WbScopeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wb_scope_finalize;
}

static void
wb_scope_init (WbScope *self)
{
  self->targets = g_array_new (FALSE, TRUE, sizeof (WbRange));
  self->exclusions = g_array_new (FALSE, TRUE, sizeof (WbRange));
  self->hostnames = string_set_new ();
  self->domains = string_set_new ();
  self->ssids = string_set_new ();
  self->plugins = string_set_new ();
  self->third_parties = string_set_new ();
  /* Nothing is allowed until the agreement says so. */
  self->max_activity = WB_ACTIVITY_NONE;
}

WbScope *
wb_scope_new (void)
{
  return g_object_new (WB_TYPE_SCOPE, NULL);
}

WbScope *
wb_scope_copy (WbScope *self)
{
  WbScope *copy;

  g_return_val_if_fail (WB_IS_SCOPE (self), NULL);

  copy = wb_scope_new ();
  g_array_append_vals (copy->targets, self->targets->data, self->targets->len);
  g_array_append_vals (copy->exclusions, self->exclusions->data, self->exclusions->len);
  g_hash_table_unref (copy->hostnames);
  copy->hostnames = string_set_copy (self->hostnames);
  g_hash_table_unref (copy->domains);
  copy->domains = string_set_copy (self->domains);
  g_hash_table_unref (copy->ssids);
  copy->ssids = string_set_copy (self->ssids);
  g_hash_table_unref (copy->plugins);
  copy->plugins = string_set_copy (self->plugins);
  g_hash_table_unref (copy->third_parties);
  copy->third_parties = string_set_copy (self->third_parties);
  copy->max_activity = self->max_activity;
  return copy;
}

/* ---- adding ------------------------------------------------------------------------ */

static gboolean
add_range (WbScope    *self,
           const char *entry,
           GError    **error)
{
  WbRange range;

  if (!parse_range (entry, &range, error) || !check_breadth (&range, entry, error))
    return FALSE;
  add_range_unique (self->targets, &range);
  return TRUE;
}

static gboolean
add_hostname (WbScope    *self,
              const char *entry,
              GError    **error)
{
  char *name = normalise_hostname (entry, entry, error);

  if (name == NULL)
    return FALSE;
  g_hash_table_add (self->hostnames, name);
  return TRUE;
}

static gboolean
add_domain (WbScope    *self,
            const char *domain,
            const char *entry,
            GError    **error)
{
  char *name = normalise_domain (domain, entry, error);

  if (name == NULL)
    return FALSE;
  g_hash_table_add (self->domains, name);
  return TRUE;
}

static gboolean
add_ssid (WbScope    *self,
          const char *ssid,
          const char *entry,
          GError    **error)
{
  if (!validate_ssid (ssid, entry, error))
    return FALSE;
  g_hash_table_add (self->ssids, g_strdup (ssid));
  return TRUE;
}

gboolean
wb_scope_add (WbScope    *self,
              const char *entry,
              GError    **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (WB_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clean = clean_entry (entry, error);
  if (clean == NULL)
    return FALSE;

  if (has_prefix_nocase (clean, "ssid:"))
    return add_ssid (self, clean + strlen ("ssid:"), clean, error);
  if (has_prefix_nocase (clean, "domain:"))
    return add_domain (self, clean + strlen ("domain:"), clean, error);
  if (g_str_has_prefix (clean, "*."))
    return add_domain (self, clean + strlen ("*."), clean, error);
  if (looks_like_address (clean))
    return add_range (self, clean, error);
  return add_hostname (self, clean, error);
}

gboolean
wb_scope_exclude (WbScope    *self,
                  const char *entry,
                  GError    **error)
{
  g_autofree char *clean = NULL;
  WbRange range;

  g_return_val_if_fail (WB_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clean = clean_entry (entry, error);
  if (clean == NULL)
    return FALSE;
  if (!looks_like_address (clean))
    {
      set_parse_error (error, clean, _("only addresses and ranges can be excluded"));
      return FALSE;
    }
  /* No breadth limit: an exclusion can only make the scope smaller. */
  if (!parse_range (clean, &range, error))
    return FALSE;
  add_range_unique (self->exclusions, &range);
  return TRUE;
}

gboolean
wb_scope_add_domain (WbScope    *self,
                     const char *domain,
                     GError    **error)
{
  g_autofree char *clean = NULL;
  const char *name;

  g_return_val_if_fail (WB_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (domain != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clean = clean_entry (domain, error);
  if (clean == NULL)
    return FALSE;

  name = clean;
  if (has_prefix_nocase (name, "domain:"))
    name += strlen ("domain:");
  else if (g_str_has_prefix (name, "*."))
    name += strlen ("*.");
  return add_domain (self, name, clean, error);
}

gboolean
wb_scope_add_ssid (WbScope    *self,
                   const char *ssid,
                   GError    **error)
{
  g_return_val_if_fail (WB_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (ssid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Taken as it is: spaces inside an SSID are part of its name. */
  return add_ssid (self, ssid, ssid, error);
}

/* ---- activities and plugins -------------------------------------------------------- */

void
wb_scope_set_max_activity (WbScope   *self,
                           WbActivity activity)
{
  g_return_if_fail (WB_IS_SCOPE (self));
  g_return_if_fail (activity <= WB_ACTIVITY_INTRUSIVE);

  self->max_activity = activity;
}

WbActivity
wb_scope_get_max_activity (WbScope *self)
{
  g_return_val_if_fail (WB_IS_SCOPE (self), WB_ACTIVITY_NONE);

  return self->max_activity;
}

gboolean
wb_scope_allows_activity (WbScope   *self,
                          WbActivity activity)
{
  g_return_val_if_fail (WB_IS_SCOPE (self), FALSE);

  return activity <= self->max_activity;
}

gboolean
wb_scope_check_activity (WbScope   *self,
                         WbActivity activity,
                         GError   **error)
{
  g_return_val_if_fail (WB_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (activity <= WB_ACTIVITY_INTRUSIVE, FALSE);

  if (activity <= self->max_activity)
    return TRUE;

  if (self->max_activity == WB_ACTIVITY_NONE)
    g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_ACTIVITY,
                 _("“%s” checks are not allowed: the agreement allows no checks at all"),
                 wb_activity_get_label (activity));
  else
    g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_ACTIVITY,
                 _("“%s” checks are not allowed: the agreement allows at most “%s” checks"),
                 wb_activity_get_label (activity), wb_activity_get_label (self->max_activity));
  return FALSE;
}

void
wb_scope_allow_plugin (WbScope    *self,
                       const char *plugin_id)
{
  g_return_if_fail (WB_IS_SCOPE (self));
  g_return_if_fail (plugin_id != NULL && plugin_id_is_valid (plugin_id));

  g_hash_table_add (self->plugins, g_strdup (plugin_id));
}

void
wb_scope_disallow_plugin (WbScope    *self,
                          const char *plugin_id)
{
  g_return_if_fail (WB_IS_SCOPE (self));
  g_return_if_fail (plugin_id != NULL);

  g_hash_table_remove (self->plugins, plugin_id);
}

gboolean
wb_scope_allows_plugin (WbScope    *self,
                        const char *plugin_id)
{
  g_return_val_if_fail (WB_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (plugin_id != NULL, FALSE);

  return g_hash_table_contains (self->plugins, plugin_id);
}

void
wb_scope_add_third_party_consent (WbScope    *self,
                                  const char *domain)
{
  char *name;

  g_return_if_fail (WB_IS_SCOPE (self));
  g_return_if_fail (domain != NULL);

  name = normalise_domain (domain, domain, NULL);
  /* A critical, not the domain: log lines carry no client data. */
  g_return_if_fail (name != NULL);
  g_hash_table_add (self->third_parties, name);
}

gboolean
wb_scope_has_third_party_consent (WbScope    *self,
                                  const char *domain)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (WB_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (domain != NULL, FALSE);

  name = normalise_hostname (domain, domain, NULL);
  return name != NULL && name_under_domains (self->third_parties, name);
}

/* ---- checking addresses ------------------------------------------------------------ */

static Verdict
special_verdict (const WbRange *address)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (special_ranges); i++)
    {
      if (range_contains (&special_ranges[i].range, address))
        return special_ranges[i].verdict;
    }
  return VERDICT_ALLOWED;
}

/* The heart of the scope. @because is set to the exclusion or the range the verdict
 * rests on, for the message. Exclusions first, because they always win; then an
 * address listed exactly, which the agreement names on purpose even if special; then
 * the special addresses, which a range alone never opens up. Where ranges overlap, an
 * address that is the network or broadcast address of any covering range is refused:
 * we cannot know which of the ranges is the real subnet, so we take the safe reading. */
static Verdict
judge_address (WbScope        *self,
               const WbRange  *address,
               const WbRange **because)
{
  const WbRange *edge_of = NULL;
  Verdict edge = VERDICT_ALLOWED;
  Verdict special;
  gboolean covered = FALSE;
  guint i;

  *because = NULL;
  for (i = 0; i < self->exclusions->len; i++)
    {
      const WbRange *exclusion = &g_array_index (self->exclusions, WbRange, i);

      if (range_contains (exclusion, address))
        {
          *because = exclusion;
          return VERDICT_EXCLUDED;
        }
    }

  for (i = 0; i < self->targets->len; i++)
    {
      const WbRange *target = &g_array_index (self->targets, WbRange, i);

      if (range_is_host (target) && range_contains (target, address))
        return VERDICT_ALLOWED;
    }

  special = special_verdict (address);
  if (special != VERDICT_ALLOWED)
    return special;

  for (i = 0; i < self->targets->len; i++)
    {
      const WbRange *target = &g_array_index (self->targets, WbRange, i);
      guint32 host_part;

      if (!range_contains (target, address))
        continue;
      covered = TRUE;
      /* /31 and /32 have no network or broadcast address (RFC 3021). */
      if (target->family != 4 || target->prefix > 30 || edge != VERDICT_ALLOWED)
        continue;
      host_part = range_ipv4_first (address) & ~ipv4_mask (target->prefix);
      if (host_part == 0)
        edge = VERDICT_NETWORK_ADDRESS;
      else if (host_part == ~ipv4_mask (target->prefix))
        edge = VERDICT_BROADCAST_ADDRESS;
      if (edge != VERDICT_ALLOWED)
        edge_of = target;
    }

  if (!covered)
    return VERDICT_NOT_COVERED;
  *because = edge_of;
  return edge;
}

static gboolean
verdict_to_error (Verdict        verdict,
                  const WbRange *address,
                  const WbRange *because,
                  GError       **error)
{
  g_autofree char *shown = range_to_string (address);
  g_autofree char *range = because != NULL ? range_to_string (because) : NULL;

  switch (verdict)
    {
    case VERDICT_ALLOWED:
      return TRUE;
    case VERDICT_EXCLUDED:
      g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE,
                   _("%s is out of scope: the agreement excludes %s"), shown, range);
      break;
    case VERDICT_NOT_COVERED:
      g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE,
                   _("%s is out of scope: no range or address in the agreement covers it"),
                   shown);
      break;
    case VERDICT_UNSPECIFIED:
      g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_FORBIDDEN,
                   _("%s is the unspecified address, not a host; it is only probed when "
                     "the agreement lists it as a single host"), shown);
      break;
    case VERDICT_LOOPBACK:
      g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_FORBIDDEN,
                   _("%s is a loopback address (this computer itself); it is only probed "
                     "when the agreement lists it as a single host"), shown);
      break;
    case VERDICT_LINK_LOCAL:
      g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_FORBIDDEN,
                   _("%s is a link-local address; it is only probed when the agreement "
                     "lists it as a single host"), shown);
      break;
    case VERDICT_MULTICAST:
      g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_FORBIDDEN,
                   _("%s is a multicast address, which reaches many hosts at once; it is "
                     "only probed when the agreement lists it as a single host"), shown);
      break;
    case VERDICT_LIMITED_BROADCAST:
      g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_FORBIDDEN,
                   _("%s is the broadcast address of every local network; it is only "
                     "probed when the agreement lists it as a single host"), shown);
      break;
    case VERDICT_NETWORK_ADDRESS:
      g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_FORBIDDEN,
                   _("%s is the network address of %s, not a host; it is only probed when "
                     "the agreement lists it as a single host"), shown, range);
      break;
    case VERDICT_BROADCAST_ADDRESS:
      g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_FORBIDDEN,
                   _("%s is the broadcast address of %s, which reaches every host there; "
                     "it is only probed when the agreement lists it as a single host"),
                   shown, range);
      break;
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
wb_scope_check_address (WbScope      *self,
                        GInetAddress *address,
                        GError      **error)
{
  const WbRange *because = NULL;
  WbRange range = { 0 };
  Verdict verdict;
  gsize size;

  g_return_val_if_fail (WB_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (G_IS_INET_ADDRESS (address), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  size = g_inet_address_get_native_size (address);
  g_return_val_if_fail (size == 4 || size == 16, FALSE);
  range.family = size == 4 ? 4 : 6;
  range.prefix = (guint8) (size * 8);
  memcpy (range.bytes, g_inet_address_to_bytes (address), size);
  range_unmap_ipv4 (&range);

  verdict = judge_address (self, &range, &because);
  return verdict_to_error (verdict, &range, because, error);
}

gboolean
wb_scope_check_address_string (WbScope    *self,
                               const char *address,
                               GError    **error)
{
  g_autofree char *clean = NULL;
  const WbRange *because = NULL;
  Verdict verdict;
  WbRange range;

  g_return_val_if_fail (WB_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clean = clean_entry (address, error);
  if (clean == NULL)
    return FALSE;
  if (strchr (clean, '/') != NULL)
    {
      set_parse_error (error, clean, _("a range cannot be checked as one address"));
      return FALSE;
    }
  if (!parse_address (clean, clean, &range, error))
    return FALSE;
  range_unmap_ipv4 (&range);

  verdict = judge_address (self, &range, &because);
  return verdict_to_error (verdict, &range, because, error);
}

gboolean
wb_scope_check_hostname (WbScope    *self,
                         const char *hostname,
                         GError    **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (WB_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (hostname != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clean = clean_entry (hostname, error);
  if (clean == NULL)
    return FALSE;
  name = normalise_hostname (clean, clean, error);
  if (name == NULL)
    return FALSE;

  if (g_hash_table_contains (self->hostnames, name) ||
      name_under_domains (self->domains, name))
    return TRUE;

  g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE,
               _("%s is out of scope: the agreement lists neither this host name nor a "
                 "domain it belongs to"), name);
  return FALSE;
}

gboolean
wb_scope_check_ssid (WbScope    *self,
                     const char *ssid,
                     GError    **error)
{
  g_return_val_if_fail (WB_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (ssid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_ssid (ssid, ssid, error))
    return FALSE;
  /* Byte for byte: "Kantoor" and "kantoor" are two different networks. */
  if (g_hash_table_contains (self->ssids, ssid))
    return TRUE;

  g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_OUT_OF_SCOPE,
               _("The Wi-Fi network “%s” is out of scope: the agreement does not list it"),
               ssid);
  return FALSE;
}

gboolean
wb_scope_is_empty (WbScope *self)
{
  g_return_val_if_fail (WB_IS_SCOPE (self), TRUE);

  return self->targets->len == 0 && g_hash_table_size (self->hostnames) == 0 &&
         g_hash_table_size (self->domains) == 0 && g_hash_table_size (self->ssids) == 0;
}

/* ---- listing ----------------------------------------------------------------------- */

static void
append_ranges (GStrvBuilder *builder,
               GArray       *ranges)
{
  guint i;

  /* The arrays are kept sorted by compare_ranges as entries are added. */
  for (i = 0; i < ranges->len; i++)
    strv_builder_take (builder, range_to_string (&g_array_index (ranges, WbRange, i)));
}

GStrv
wb_scope_get_targets (WbScope *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (WB_IS_SCOPE (self), NULL);

  append_ranges (builder, self->targets);
  append_sorted (builder, self->hostnames, "");
  append_sorted (builder, self->domains, "*.");
  append_sorted (builder, self->ssids, "ssid:");
  return g_strv_builder_end (builder);
}

GStrv
wb_scope_get_exclusions (WbScope *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (WB_IS_SCOPE (self), NULL);

  append_ranges (builder, self->exclusions);
  return g_strv_builder_end (builder);
}

GStrv
wb_scope_get_plugins (WbScope *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (WB_IS_SCOPE (self), NULL);

  append_sorted (builder, self->plugins, "");
  return g_strv_builder_end (builder);
}

GStrv
wb_scope_get_third_parties (WbScope *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (WB_IS_SCOPE (self), NULL);

  append_sorted (builder, self->third_parties, "");
  return g_strv_builder_end (builder);
}

/* ---- expanding --------------------------------------------------------------------- */

typedef struct
{
  guint32 first;
  guint32 last;
} Span;

static int
compare_spans (gconstpointer pa,
               gconstpointer pb)
{
  const Span *a = pa;
  const Span *b = pb;

  if (a->first != b->first)
    return a->first < b->first ? -1 : 1;
  return 0;
}

/* The IPv4 targets as sorted, non-overlapping spans, so that overlapping targets
 * yield each address once. */
static GArray *
collect_ipv4_spans (GArray *targets)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (Span));
  guint i;

  for (i = 0; i < targets->len; i++)
    {
      const WbRange *target = &g_array_index (targets, WbRange, i);
      Span span;

      if (target->family != 4)
        continue;
      span.first = range_ipv4_first (target);
      span.last = range_ipv4_last (target);
      g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);

  for (i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      Span *tail = merged->len > 0 ? &g_array_index (merged, Span, merged->len - 1) : NULL;

      if (tail != NULL && (guint64) span->first <= (guint64) tail->last + 1)
        tail->last = MAX (tail->last, span->last);
      else
        g_array_append_val (merged, *span);
    }
  return merged;
}

gboolean
wb_scope_expand_ipv4 (WbScope *self,
                      guint    limit,
                      GArray  *out_be32,
                      GError **error)
{
  g_autoptr(GArray) spans = NULL;
  guint original_len;
  guint count = 0;
  guint i;

  g_return_val_if_fail (WB_IS_SCOPE (self), FALSE);
  g_return_val_if_fail (out_be32 != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (out_be32) == sizeof (guint32), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  original_len = out_be32->len;
  spans = collect_ipv4_spans (self->targets);

  for (i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      /* 64 bits, so that a span ending at 255.255.255.255 still ends the loop. */
      guint64 next = span->first;

      while (next <= span->last)
        {
          const WbRange *because;
          WbRange address;
          Verdict verdict;
          guint32 be;

          range_set_ipv4 (&address, (guint32) next);
          verdict = judge_address (self, &address, &because);
          if (verdict == VERDICT_EXCLUDED)
            {
              /* Skip the whole exclusion at once: a large one costs one step. */
              next = (guint64) range_ipv4_last (because) + 1;
              continue;
            }
          next++;
          if (verdict != VERDICT_ALLOWED)
            continue;

          if (count == limit)
            {
              g_array_set_size (out_be32, original_len);
              g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_LIMIT,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "The scope allows more than %u IPv4 address",
                                        "The scope allows more than %u IPv4 addresses", limit),
                           limit);
              return FALSE;
            }
          be = g_htonl ((guint32) next - 1);
          g_array_append_val (out_be32, be);
          count++;
        }
    }
  return TRUE;
}

/* ---- JSON -------------------------------------------------------------------------- */

static const char * const json_members[] = {
  "targets", "exclude", "activity", "plugins", "third_party_consent",
};

static void
build_string_array (JsonBuilder *builder,
                    const char  *member,
                    GStrv        values)
{
  guint i;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

JsonNode *
wb_scope_to_json (WbScope *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) targets = NULL;
  g_auto(GStrv) exclusions = NULL;
  g_auto(GStrv) plugins = NULL;
  g_auto(GStrv) third_parties = NULL;

  g_return_val_if_fail (WB_IS_SCOPE (self), NULL);

  targets = wb_scope_get_targets (self);
  exclusions = wb_scope_get_exclusions (self);
  plugins = wb_scope_get_plugins (self);
  third_parties = wb_scope_get_third_parties (self);

  /* Every member, always, in one order: the stored form is byte-for-byte stable. */
  json_builder_begin_object (builder);
  build_string_array (builder, "targets", targets);
  build_string_array (builder, "exclude", exclusions);
  json_builder_set_member_name (builder, "activity");
  json_builder_add_string_value (builder, wb_activity_to_string (self->max_activity));
  build_string_array (builder, "plugins", plugins);
  build_string_array (builder, "third_party_consent", third_parties);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
json_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A missing member is an empty list; anything but a list of strings is an error. */
static gboolean
read_string_array (JsonObject *object,
                   const char *member,
                   GStrv      *out,
                   GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;
  guint i;

  if (node == NULL)
    {
      *out = g_strv_builder_end (builder);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE,
                   _("The scope member “%s” must be a list of text entries"), member);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!json_node_is_string (element))
        {
          g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE,
                       _("The scope member “%s” must be a list of text entries; entry %u "
                         "is not text"), member, i + 1);
          return FALSE;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
check_json_members (JsonObject *object,
                    GError    **error)
{
  g_autoptr(GList) members = json_object_get_members (object);
  const GList *l;

  for (l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (!g_strv_contains ((const char * const *) json_members, name))
        {
          g_autofree char *shown = describe_entry (name);

          g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE,
                       _("The scope has an unknown member “%s”"), shown);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_activity (JsonObject *object,
               WbActivity *out,
               GError    **error)
{
  JsonNode *node = json_object_get_member (object, "activity");
  g_autofree char *shown = NULL;

  /* Absent means none: nothing is allowed that the agreement does not say. */
  *out = WB_ACTIVITY_NONE;
  if (node == NULL)
    return TRUE;
  if (!json_node_is_string (node))
    {
      g_set_error_literal (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE,
                           _("The scope member “activity” must be text: none, passive, "
                             "active or intrusive"));
      return FALSE;
    }
  if (wb_activity_from_string (json_node_get_string (node), out))
    return TRUE;

  shown = describe_entry (json_node_get_string (node));
  g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE,
               _("The scope’s activity “%s” is unknown; use none, passive, active or "
                 "intrusive"), shown);
  return FALSE;
}

static gboolean
read_plugins (WbScope    *scope,
              JsonObject *object,
              GError    **error)
{
  g_auto(GStrv) plugins = NULL;
  guint i;

  if (!read_string_array (object, "plugins", &plugins, error))
    return FALSE;
  for (i = 0; plugins[i] != NULL; i++)
    {
      if (!plugin_id_is_valid (plugins[i]))
        {
          g_autofree char *shown = describe_entry (plugins[i]);

          g_set_error (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE,
                       _("“%s” is not a valid plugin id"), shown);
          return FALSE;
        }
      wb_scope_allow_plugin (scope, plugins[i]);
    }
  return TRUE;
}

static gboolean
read_third_parties (WbScope    *scope,
                    JsonObject *object,
                    GError    **error)
{
  g_auto(GStrv) domains = NULL;
  guint i;

  if (!read_string_array (object, "third_party_consent", &domains, error))
    return FALSE;
  for (i = 0; domains[i] != NULL; i++)
    {
      char *name = normalise_domain (domains[i], domains[i], error);

      if (name == NULL)
        return FALSE;
      g_hash_table_add (scope->third_parties, name);
    }
  return TRUE;
}

WbScope *
wb_scope_new_from_json (JsonNode *node,
                        GError  **error)
{
  g_autoptr(WbScope) scope = NULL;
  g_auto(GStrv) targets = NULL;
  g_auto(GStrv) exclusions = NULL;
  JsonObject *object;
  WbActivity activity;
  guint i;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, WB_SCOPE_ERROR, WB_SCOPE_ERROR_PARSE,
                           _("The scope must be a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_json_members (object, error) ||
      !read_string_array (object, "targets", &targets, error) ||
      !read_string_array (object, "exclude", &exclusions, error) ||
      !read_activity (object, &activity, error))
    return NULL;

  scope = wb_scope_new ();
  /* Through the same parser as typed entries: a stored entry gets no easier ride. */
  for (i = 0; targets[i] != NULL; i++)
    {
      if (!wb_scope_add (scope, targets[i], error))
        return NULL;
    }
  for (i = 0; exclusions[i] != NULL; i++)
    {
      if (!wb_scope_exclude (scope, exclusions[i], error))
        return NULL;
    }
  scope->max_activity = activity;
  if (!read_plugins (scope, object, error) || !read_third_parties (scope, object, error))
    return NULL;

  return g_steal_pointer (&scope);
}

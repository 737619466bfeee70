/* wb-eol.h — end-of-life data: is this version still supported?
 *
 * The data is a curated file (data/eol.json, docs/patching.md) with, per product, its
 * release cycles and their support dates, how to recognise a version in a banner, and
 * whether distributions backport fixes. A match never guesses: an unknown product, a
 * version without a cycle, or a missing date gives WB_EOL_UNKNOWN with the reason.
 *
 * A version read from a banner is low confidence (WB_CONFIDENCE_BANNER), and a version
 * with a distribution's suffix (`OpenSSH_8.9p1 Ubuntu-3ubuntu0.10`, `2:8.2.7-1~deb12u1`)
 * is never called outdated by its upstream number: the distribution backports fixes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-finding.h"

G_BEGIN_DECLS

/* Older than this, the report warns that the data may be out of date. */
#define WB_EOL_STALE_DAYS 90

typedef enum {
  WB_EOL_UNKNOWN,   /* not in the data, no date, or backported: see the reason */
  WB_EOL_SUPPORTED, /* security updates still come (on @today) */
  WB_EOL_ENDED,     /* security support has ended (or a known hole is unfixed) */
} WbEolStatus;

const char *wb_eol_status_to_string (WbEolStatus status); /* "unknown", ... */

typedef struct {
  WbEolStatus  status;
  WbConfidence confidence;  /* BANNER for banners, STATED for an inventory version */
  char        *product;     /* product id ("openssh"), NULL when not recognised */
  char        *product_name;
  char        *version;     /* the upstream version read, or NULL */
  char        *cycle;       /* the matched cycle ("8.0", "2012-r2") or NULL */
  char        *label;       /* "MySQL 8.0", "Windows Server 2012 R2" */
  char        *release;     /* ISO dates, NULL when unknown */
  char        *active_end;
  char        *security_end;
  char        *extended_end;
  gboolean     extended_paid;
  gboolean     backported;  /* a distribution's suffix was seen */
  char        *vulnerability; /* "CVE-2024-6387" when a listed hole applies */
  char        *link;
  char        *checked;     /* when this entry was checked */
  char        *reason;      /* plain words (translated): why this status */
} WbEolMatch;

void wb_eol_match_free (WbEolMatch *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbEolMatch, wb_eol_match_free)

#define WB_TYPE_EOL_DATA (wb_eol_data_get_type ())
G_DECLARE_FINAL_TYPE (WbEolData, wb_eol_data, WB, EOL_DATA, GObject)

/* Strict: unknown members, wrong types, bad dates or regular expressions are errors
 * that name the file, the line and the problem. */
WbEolData  *wb_eol_data_new_from_file (const char *path, GError **error);
WbEolData  *wb_eol_data_new_from_data (const char *data, gssize length,
                                       const char *name, GError **error);
/* $WERKBANK_EOL_FILE, else the installed data, else the source tree's data/eol.json. */
WbEolData  *wb_eol_data_load_default (GError **error);
char       *wb_eol_data_find_default_path (void);

const char *wb_eol_data_get_checked (WbEolData *self);  /* "2026-11-25" */
/* Days between the data's date and @today ("YYYY-MM-DD"); -1 if either is invalid. */
gint        wb_eol_data_get_age_days (WbEolData *self, const char *today);
gboolean    wb_eol_data_is_stale (WbEolData *self, const char *today);
gboolean    wb_eol_data_has_product (WbEolData *self, const char *product);

/* @today is "YYYY-MM-DD" (NULL: the current UTC date). Never NULL. */
WbEolMatch *wb_eol_data_match_version (WbEolData *self, const char *product,
                                       const char *version, const char *today);
/* Recognises the product in @banner ("Server: nginx/1.18.0", "SSH-2.0-OpenSSH_9.6").
 * @windows_build (0 if unknown) resolves IIS 10.0 to its Windows Server. */
WbEolMatch *wb_eol_data_match_banner (WbEolData *self, const char *banner,
                                      guint windows_build, const char *today);
/* A Windows build number (19045, 20348). @product "windows", "windows-server" or NULL
 * (either: a build both share, such as 9600, is only certain when both agree). */
WbEolMatch *wb_eol_data_match_windows_build (WbEolData *self, const char *product,
                                             guint build, const char *today);

G_END_DECLS

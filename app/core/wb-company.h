/* wb-company.h — the company and the people of an engagement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Size classes as the aggregate export uses them (domain.md). */
typedef enum {
  WB_SIZE_UNKNOWN,
  WB_SIZE_MICRO,  /* fewer than 10 staff */
  WB_SIZE_SMALL,  /* fewer than 50 */
  WB_SIZE_MEDIUM, /* fewer than 250 */
  WB_SIZE_LARGE,  /* 250 or more */
} WbSizeClass;

const char *wb_size_class_to_string (WbSizeClass size); /* "lt10", "lt50", "lt250", "ge250" */
gboolean    wb_size_class_from_string (const char *text, WbSizeClass *out);
const char *wb_size_class_get_label (WbSizeClass size);

/* The twelve provinces by stable id ("groningen", "noord-holland", ...). */
gboolean    wb_province_is_valid (const char *id);
const char *wb_province_get_label (const char *id);
const char * const *wb_province_list (void);

typedef struct {
  char        *name;
  char        *kvk;      /* 8 digits */
  char        *sbi;      /* SBI code: 2 to 5 digits, dots allowed ("47.11") */
  WbSizeClass  size;
  char        *province; /* stable id */
} WbCompany;

#define WB_TYPE_COMPANY (wb_company_get_type ())
GType      wb_company_get_type (void) G_GNUC_CONST;
WbCompany *wb_company_new (void);
WbCompany *wb_company_copy (const WbCompany *company);
void       wb_company_free (WbCompany *company);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbCompany, wb_company_free)

gboolean   wb_kvk_is_valid (const char *kvk);
gboolean   wb_sbi_is_valid (const char *sbi);
/* The SBI section letter (A–U) for a code, for the anonymous export; NULL if unknown. */
const char *wb_sbi_get_section (const char *sbi);
/* Checks every field; the error names the field in plain words. */
gboolean   wb_company_validate (const WbCompany *company, GError **error);
JsonNode  *wb_company_to_json (const WbCompany *company);
WbCompany *wb_company_new_from_json (JsonNode *node, GError **error);

typedef enum {
  WB_ROLE_CONTACT,     /* the company's contact person */
  WB_ROLE_SIGNATORY,   /* authorised to sign for the company */
  WB_ROLE_STUDENT,     /* a team member */
  WB_ROLE_TEACHER,     /* the supervising teacher */
  WB_ROLE_COORDINATOR, /* the network's coordinator */
} WbRole;

const char *wb_role_to_string (WbRole role);
gboolean    wb_role_from_string (const char *text, WbRole *out);
const char *wb_role_get_label (WbRole role);

typedef struct {
  char  *name;
  WbRole role;
  char  *organisation; /* school, company or network */
  char  *email;
  char  *phone;
} WbPerson;

#define WB_TYPE_PERSON (wb_person_get_type ())
GType     wb_person_get_type (void) G_GNUC_CONST;
WbPerson *wb_person_new (const char *name, WbRole role);
WbPerson *wb_person_copy (const WbPerson *person);
void      wb_person_free (WbPerson *person);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbPerson, wb_person_free)
JsonNode *wb_person_to_json (const WbPerson *person);
WbPerson *wb_person_new_from_json (JsonNode *node, GError **error);

G_END_DECLS

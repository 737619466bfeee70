/* wb-identity.h — who signs: a school CA, a teacher or a team, with a certificate
 *
 * An identity is an X.509 certificate (made with libksba's ksba_certreq), its private
 * key (ECDSA P-256 or RSA-3072, never Ed25519: Debian 12's pdfsig/NSS cannot check it)
 * and, for a teacher, the X25519 key of the vault's teacher slot. On disk it is one
 * file per person, the private parts sealed with a passphrase (Argon2id + AES-256-GCM,
 * the vault's primitives); docs/identities.md describes the format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-vault.h"

G_BEGIN_DECLS

#define WB_SIGN_ERROR (wb_sign_error_quark ())
GQuark wb_sign_error_quark (void);

/**
 * WbSignError:
 * @WB_SIGN_ERROR_INVALID: a file or value is malformed (certificate, key, PDF, CMS)
 * @WB_SIGN_ERROR_WRONG_PASSPHRASE: the identity file does not open with this passphrase
 * @WB_SIGN_ERROR_UNSUPPORTED: well-formed but not something Werkbank handles
 * @WB_SIGN_ERROR_NOT_SIGNED: the PDF carries no signature
 * @WB_SIGN_ERROR_BAD_SIGNATURE: a digest or signature does not match
 * @WB_SIGN_ERROR_MODIFIED: the file was changed after its last signature
 * @WB_SIGN_ERROR_UNTRUSTED: the certificate was not issued by the given CA, or expired
 * @WB_SIGN_ERROR_IO: reading or writing a file failed
 * @WB_SIGN_ERROR_CRYPTO: libgcrypt or libksba failed (out of memory, ...)
 */
typedef enum {
  WB_SIGN_ERROR_INVALID,
  WB_SIGN_ERROR_WRONG_PASSPHRASE,
  WB_SIGN_ERROR_UNSUPPORTED,
  WB_SIGN_ERROR_NOT_SIGNED,
  WB_SIGN_ERROR_BAD_SIGNATURE,
  WB_SIGN_ERROR_MODIFIED,
  WB_SIGN_ERROR_UNTRUSTED,
  WB_SIGN_ERROR_IO,
  WB_SIGN_ERROR_CRYPTO,
} WbSignError;

typedef enum {
  WB_KEY_ECDSA_P256,
  WB_KEY_RSA_3072,
} WbKeyType;

typedef enum {
  WB_IDENTITY_CA,
  WB_IDENTITY_TEAM,
  WB_IDENTITY_TEACHER,
} WbIdentityRole;

const char *wb_identity_role_to_id (WbIdentityRole role);   /* "ca", "team", "teacher" */
gboolean    wb_identity_role_from_id (const char *id, WbIdentityRole *out);

#define WB_TYPE_IDENTITY (wb_identity_get_type ())
G_DECLARE_FINAL_TYPE (WbIdentity, wb_identity, WB, IDENTITY, GObject)

/* A school CA: CA:TRUE, keyUsage keyCertSign + cRLSign, self-signed. */
WbIdentity *wb_identity_new_ca (const char *name, const char *organization,
                                WbKeyType type, guint valid_days, GError **error);
/* A team or teacher certificate signed by itself (a quick start without a school CA). */
WbIdentity *wb_identity_new_self_signed (const char *name, const char *organization,
                                         WbIdentityRole role, WbKeyType type,
                                         guint valid_days, GError **error);
/* A team or teacher certificate issued by @ca (keyUsage digitalSignature +
 * nonRepudiation). A teacher identity also gets a fresh X25519 key. */
WbIdentity *wb_identity_issue (WbIdentity *ca, const char *name, WbIdentityRole role,
                               WbKeyType type, guint valid_days, GError **error);

/* The file is written 0600 and never overwritten (WB_SIGN_ERROR_IO if it exists). */
gboolean    wb_identity_save (WbIdentity *self, const char *path, const char *passphrase,
                              const WbKdfParams *params, GError **error);
WbIdentity *wb_identity_load (const char *path, const char *passphrase, GError **error);
/* The public parts only (no passphrase): the certificate and the issuing CA's (NULL
 * when self-signed), to export for companies and NSS databases. */
gboolean    wb_identity_read_certificates (const char *path, GBytes **out_certificate,
                                           GBytes **out_ca_certificate, GError **error);

WbIdentityRole wb_identity_get_role (WbIdentity *self);
const char *wb_identity_get_name (WbIdentity *self);
WbKeyType   wb_identity_get_key_type (WbIdentity *self);
GBytes     *wb_identity_get_certificate (WbIdentity *self);     /* DER, borrowed */
/* The issuing CA's certificate (DER, borrowed), or NULL when self-signed. */
GBytes     *wb_identity_get_ca_certificate (WbIdentity *self);
/* The teacher's X25519 key for the vault's teacher slot (borrowed), or NULL. */
WbX25519Key *wb_identity_get_x25519_key (WbIdentity *self);

/* Signs a SHA-256 digest. ECDSA: the DER ECDSA-Sig-Value; RSA: PKCS #1 v1.5, left-
 * padded to the modulus length. */
GBytes     *wb_identity_sign_digest (WbIdentity *self, const guint8 digest[32],
                                     GError **error);

/* Certificates (DER) for people and other tools. */
char       *wb_certificate_to_pem (GBytes *der);
/* Reads a PEM or DER certificate file; parses it with libksba. */
GBytes     *wb_certificate_load (const char *path, GError **error);
GBytes     *wb_certificate_from_data (const guint8 *data, gsize len, GError **error);
/* The subject's common name (or the whole DN when it has none). */
char       *wb_certificate_get_subject_name (GBytes *der);
/* Lower-case hex SHA-256 of the DER, for people to compare. */
char       *wb_certificate_fingerprint (GBytes *der);
/* TRUE when @der equals @ca, or @ca (a CA:TRUE certificate) signed @der; both within
 * their validity at @now (unix seconds). */
gboolean    wb_certificate_check_issued_by (GBytes *der, GBytes *ca, gint64 now,
                                            GError **error);
/* Verifies @signature over a SHA-256 @digest with the certificate's public key. */
gboolean    wb_certificate_verify_digest (GBytes *der, const guint8 digest[32],
                                          const guint8 *signature, gsize signature_len,
                                          GError **error);

G_END_DECLS

/* wb-vault.h — the encrypted engagement file
 *
 * One file per engagement holds everything: agreement, answers, scan results, findings,
 * audit trail and attachments. See docs/vault-format.md for the byte layout and the
 * guarantees. Nothing in this API ever writes plaintext to disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WB_VAULT_ERROR (wb_vault_error_quark ())
GQuark wb_vault_error_quark (void);

/**
 * WbVaultError:
 * @WB_VAULT_ERROR_NOT_A_VAULT: the file is not a Werkbank engagement file
 * @WB_VAULT_ERROR_UNKNOWN_VERSION: made by a newer Werkbank (format version unknown)
 * @WB_VAULT_ERROR_CORRUPT: damaged beyond what the reader can recover safely
 * @WB_VAULT_ERROR_WRONG_KEY: no key slot opens with this passphrase or key file
 * @WB_VAULT_ERROR_TAMPERED: a valid record follows an invalid one; opened read-only
 * @WB_VAULT_ERROR_READ_ONLY: the vault was opened read-only
 * @WB_VAULT_ERROR_IO: reading or writing the file failed
 * @WB_VAULT_ERROR_SLOT: no such key slot, or the last slot cannot be removed
 * @WB_VAULT_ERROR_INVALID: an argument is out of range (e.g. KDF parameters)
 * @WB_VAULT_ERROR_SECMEM: libgcrypt secure memory could not be had
 * @WB_VAULT_ERROR_EXISTS: the file exists already
 * @WB_VAULT_ERROR_NOT_FOUND: no such attachment
 */
typedef enum {
  WB_VAULT_ERROR_NOT_A_VAULT,
  WB_VAULT_ERROR_UNKNOWN_VERSION,
  WB_VAULT_ERROR_CORRUPT,
  WB_VAULT_ERROR_WRONG_KEY,
  WB_VAULT_ERROR_TAMPERED,
  WB_VAULT_ERROR_READ_ONLY,
  WB_VAULT_ERROR_IO,
  WB_VAULT_ERROR_SLOT,
  WB_VAULT_ERROR_INVALID,
  WB_VAULT_ERROR_SECMEM,
  WB_VAULT_ERROR_EXISTS,
  WB_VAULT_ERROR_NOT_FOUND,
} WbVaultError;

/* Argon2id parameters for a passphrase slot; bounded (see vault-notes trap 1). */
typedef struct {
  guint32 t_cost;     /* iterations, 1..10 */
  guint32 m_cost_kib; /* memory in KiB, 65536..1048576 */
  guint32 parallelism;/* 1..4 */
} WbKdfParams;

#define WB_KDF_T_MIN 1
#define WB_KDF_T_MAX 10
#define WB_KDF_M_MIN_KIB (64 * 1024)
#define WB_KDF_M_MAX_KIB (1024 * 1024)
#define WB_KDF_P_MIN 1
#define WB_KDF_P_MAX 4

/* Defaults: tuned for ~0.5 s on a student laptop (t=3, m=64 MiB is ~0.4 s here). */
void wb_kdf_params_default (WbKdfParams *params);
/* The cheapest allowed parameters; for tests and the demo only. */
void wb_kdf_params_fast (WbKdfParams *params);

typedef enum {
  WB_VAULT_SLOT_PASSPHRASE = 1,
  WB_VAULT_SLOT_X25519 = 2,
} WbVaultSlotKind;

typedef struct {
  guint           id;          /* stable within the vault, never reused */
  WbVaultSlotKind kind;
  char           *label;       /* who holds it: a team member or the teacher */
  gint64          created;     /* unix seconds */
  guint8          public_key[32]; /* X25519 slots: recipient public key */
} WbVaultSlotInfo;

void wb_vault_slot_info_free (WbVaultSlotInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbVaultSlotInfo, wb_vault_slot_info_free)

/* Record types the vault knows of; the payload is opaque to the vault. The
 * engagement layer stores JSON events as WB_RECORD_EVENT. Attachment types are
 * internal to the vault. */
typedef enum {
  WB_RECORD_EVENT = 1,
} WbRecordType;

typedef enum {
  WB_VAULT_OPEN_DEFAULT = 0,
  WB_VAULT_OPEN_READ_ONLY = 1 << 0,
} WbVaultOpenFlags;

/* An X25519 key pair (the teacher's key file); the private half lives in libgcrypt
 * secure memory and is wiped on free. */
typedef struct _WbX25519Key WbX25519Key;

WbX25519Key *wb_x25519_key_generate (GError **error);
/* Key file: a small text file, mode 0600; see docs/vault-format.md. */
WbX25519Key *wb_x25519_key_load (const char *path, GError **error);
gboolean     wb_x25519_key_save (WbX25519Key *key, const char *path, GError **error);
const guint8 *wb_x25519_key_get_public (WbX25519Key *key);
/* Lower-case hex of SHA-256(public)[0..8], for people to compare. */
char        *wb_x25519_key_fingerprint (const guint8 public_key[32]);
/* The public half as text (base64), to hand to a team that adds a teacher slot. */
char        *wb_x25519_public_to_string (const guint8 public_key[32]);
gboolean     wb_x25519_public_from_string (const char *text, guint8 public_key[32], GError **error);
void         wb_x25519_key_free (WbX25519Key *key);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbX25519Key, wb_x25519_key_free)

#define WB_TYPE_VAULT (wb_vault_get_type ())
G_DECLARE_FINAL_TYPE (WbVault, wb_vault, WB, VAULT, GObject)

/* Creating: a fresh random engagement key, one first slot. Fails with
 * WB_VAULT_ERROR_EXISTS if @path exists. The file is created 0600. */
WbVault *wb_vault_create_with_passphrase (const char        *path,
                                          const char        *label,
                                          const char        *passphrase,
                                          const WbKdfParams *params,
                                          GError           **error);
WbVault *wb_vault_create_with_public_key (const char   *path,
                                          const char   *label,
                                          const guint8  public_key[32],
                                          GError      **error);

WbVault *wb_vault_open_with_passphrase (const char        *path,
                                        const char        *passphrase,
                                        WbVaultOpenFlags   flags,
                                        GError           **error);
WbVault *wb_vault_open_with_key (const char        *path,
                                 WbX25519Key       *key,
                                 WbVaultOpenFlags   flags,
                                 GError           **error);

const char *wb_vault_get_path (WbVault *self);
/* 32 lower-case hex characters. */
const char *wb_vault_get_id (WbVault *self);
/* The label of the slot this vault was opened with (who is working). */
const char *wb_vault_get_opened_by (WbVault *self);
gboolean    wb_vault_is_read_only (WbVault *self);
/* Non-fatal things found on open, in plain words (e.g. "an unfinished write at the
 * end was dropped", "header copy B was damaged"); NULL-terminated, owned by the vault. */
const char * const *wb_vault_get_warnings (WbVault *self);

/* Slots: add/remove rewrite only the header, never the data. */
GPtrArray *wb_vault_list_slots (WbVault *self); /* of WbVaultSlotInfo */
gboolean   wb_vault_add_passphrase_slot (WbVault           *self,
                                         const char        *label,
                                         const char        *passphrase,
                                         const WbKdfParams *params,
                                         guint             *out_id,
                                         GError           **error);
gboolean   wb_vault_add_public_key_slot (WbVault      *self,
                                         const char   *label,
                                         const guint8  public_key[32],
                                         guint        *out_id,
                                         GError      **error);
gboolean   wb_vault_remove_slot (WbVault *self, guint id, GError **error);

/* Records: wb_vault_append() returns only after the record is durable (fdatasync):
 * that is the commit point. @payload may be any size up to 16 MiB. */
gboolean wb_vault_append (WbVault      *self,
                          WbRecordType  type,
                          GBytes       *payload,
                          guint64      *out_seq,
                          GError      **error);

typedef gboolean (*WbVaultRecordFunc) (guint64       seq,
                                       WbRecordType  type,
                                       gint64        time, /* unix seconds of commit */
                                       GBytes       *payload,
                                       gpointer      user_data);
/* Calls @func for every committed record in order; stops early when it returns FALSE. */
gboolean wb_vault_foreach_record (WbVault           *self,
                                  WbVaultRecordFunc  func,
                                  gpointer           user_data,
                                  GError           **error);
guint64  wb_vault_get_n_records (WbVault *self);

/* Attachments stream in chunks: memory stays constant whatever the size. */
char    *wb_vault_add_attachment (WbVault       *self,
                                  const char    *name,
                                  const char    *content_type,
                                  GInputStream  *input,
                                  GCancellable  *cancellable,
                                  GError       **error); /* returns the attachment id */
gboolean wb_vault_read_attachment (WbVault       *self,
                                   const char    *id,
                                   GOutputStream *output,
                                   GCancellable  *cancellable,
                                   GError       **error);
gboolean wb_vault_delete_attachment (WbVault *self, const char *id, GError **error);

typedef struct {
  char   *id;
  char   *name;
  char   *content_type;
  guint64 size;
  gint64  created;
} WbAttachmentInfo;
void       wb_attachment_info_free (WbAttachmentInfo *info);
GPtrArray *wb_vault_list_attachments (WbVault *self); /* of WbAttachmentInfo */

/* Rewrites the file: same key and slots, committed records and live attachments only,
 * torn tails dropped; atomic (new file, fsync, rename, fsync dir). */
gboolean wb_vault_compact (WbVault *self, GError **error);

/* Checks every byte: both header copies, every record's tag and the chain. Returns
 * FALSE with the first problem in @error; @report (optional) gets a plain-words summary. */
gboolean wb_vault_verify (WbVault *self, char **report, GError **error);

/* Facts for the destruction record (domain.md "The destruction record"). */
typedef struct {
  char    *vault_id;
  char    *path;
  guint64  file_size;
  guint64  n_records;
  guint64  n_attachments;
  guint64  attachment_bytes;
  gint64   created;       /* first record's time */
  gint64   last_change;   /* last record's time */
  gint64   destroyed;     /* when the erase completed */
  guint    n_slots_erased;
  char    *method;        /* plain words: what was overwritten, synced, removed */
  char    *limits;        /* plain words: what the erase cannot guarantee */
} WbDestructionFacts;
void wb_destruction_facts_free (WbDestructionFacts *facts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbDestructionFacts, wb_destruction_facts_free)

/* Crypto-erase: overwrites both header copies (every key slot) with random bytes,
 * syncs, removes the file and syncs the directory. The vault is closed afterwards. */
WbDestructionFacts *wb_vault_destroy (WbVault *self, GError **error);

G_END_DECLS

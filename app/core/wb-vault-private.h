/* wb-vault-private.h — the vault's byte format and its insides
 *
 * Everything here is described for humans in docs/vault-format.md; keep the two in
 * step. All integers in the file are little-endian.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gcrypt.h>

#include "wb-vault.h"

G_BEGIN_DECLS

/* --- File layout ---------------------------------------------------------------- */

#define WB_VAULT_MAGIC          "WBVAULT\0"
#define WB_VAULT_MAGIC_LEN      8
#define WB_VAULT_VERSION        1

/* Two superblocks of one 4 KiB page each, A at 0 and B at 4096; the journal follows. */
#define WB_SB_SIZE              4096
#define WB_SB_COPIES            2
#define WB_JOURNAL_START        (WB_SB_SIZE * WB_SB_COPIES)

/* Superblock fields (offsets inside one copy). */
#define WB_SB_OFF_MAGIC         0
#define WB_SB_OFF_VERSION       8   /* u16 */
#define WB_SB_OFF_RESERVED      10  /* u16, zero */
#define WB_SB_OFF_BLOCK_SIZE    12  /* u32, 4096 */
#define WB_SB_OFF_VAULT_ID      16  /* 16 bytes */
#define WB_SB_OFF_JOURNAL_ID    32  /* 16 bytes */
#define WB_SB_OFF_GENERATION    48  /* u64 */
#define WB_SB_OFF_CREATED       56  /* i64 */
#define WB_SB_OFF_NEXT_SLOT     64  /* u32 */
#define WB_SB_OFF_N_SLOTS       68  /* u16 */
#define WB_SB_OFF_RESERVED2     70  /* u16, zero */
#define WB_SB_OFF_SLOTS_LEN     72  /* u32 */
#define WB_SB_OFF_SLOTS         76
#define WB_SB_MAC_LEN           32  /* HMAC-SHA256, right after the slots */
#define WB_SB_HASH_LEN          32  /* SHA-256 of bytes [0, 4064), the last 32 bytes */
#define WB_SB_OFF_HASH          (WB_SB_SIZE - WB_SB_HASH_LEN)

#define WB_VAULT_MAX_SLOTS      12
#define WB_VAULT_MAX_LABEL      128 /* bytes of UTF-8 */

/* Slot entry: common part, then the kind-specific part, then the sealed label. */
#define WB_SLOT_COMMON_LEN      16  /* u32 id, u8 kind, u8 0, u16 0, i64 created */
#define WB_WRAPPED_KEY_LEN      48  /* AES-256-GCM of the 32-byte key + 16-byte tag */
#define WB_SLOT_PASS_LEN        (12 + 32 + WB_WRAPPED_KEY_LEN)      /* t, m, p, salt, wrapped */
#define WB_SLOT_X25519_LEN      (32 + 32 + WB_WRAPPED_KEY_LEN)      /* recipient, ephemeral, wrapped */

/* The label (who holds the slot: a person's name) is personal data, so it is sealed:
 * nonce || AES-256-GCM(u8 length || label || zero padding to 128 bytes) || tag. Every
 * sealed label has the same size, so its length does not show either. */
#define WB_LABEL_NONCE_LEN      12
#define WB_LABEL_PLAIN_LEN      (1 + WB_VAULT_MAX_LABEL)            /* 129 */
#define WB_LABEL_TAG_LEN        16
#define WB_SEALED_LABEL_LEN     (WB_LABEL_NONCE_LEN + WB_LABEL_PLAIN_LEN + WB_LABEL_TAG_LEN) /* 157 */
#define WB_LABEL_AD_LEN         (16 + 4 + 8)                        /* vault id, slot id, generation */

/* --- Journal frames ----------------------------------------------------------- */

#define WB_FRAME_MAGIC          "WBF1"
#define WB_FRAME_HEADER_LEN     56
#define WB_FRAME_TAG_LEN        16
#define WB_FRAME_SALT_LEN       32
#define WB_FRAME_OFF_TYPE       4   /* u16 */
#define WB_FRAME_OFF_FLAGS      6   /* u8 */
#define WB_FRAME_OFF_RESERVED   7   /* u8, zero */
#define WB_FRAME_OFF_SEQ        8   /* u64, frame index in this journal */
#define WB_FRAME_OFF_LEN        16  /* u32, ciphertext length */
#define WB_FRAME_OFF_RESERVED2  20  /* u32, zero */
#define WB_FRAME_OFF_SALT       24  /* 32 bytes */

#define WB_FRAME_FLAG_COMMIT    0x01

#define WB_RECORD_MAX_PAYLOAD   (16 * 1024 * 1024)
#define WB_FRAME_MAX_LEN        (WB_RECORD_MAX_PAYLOAD + 8)
#define WB_ATTACHMENT_CHUNK     (64 * 1024)

/* Frame types: 1..0x7fff are records (WbRecordType); the vault's own from 0xff00. */
#define WB_FRAME_RECORD_MAX     0x7fff
#define WB_FRAME_ATT_BEGIN      0xff01
#define WB_FRAME_ATT_CHUNK      0xff02
#define WB_FRAME_ATT_END        0xff03
#define WB_FRAME_ATT_DELETE     0xff04

/* HKDF info strings (domain separation). */
#define WB_INFO_FRAME           "werkbank vault v1 frame"
#define WB_INFO_HEADER_MAC      "werkbank vault v1 header mac"
#define WB_INFO_X25519_KEK      "werkbank vault v1 x25519 slot"
#define WB_INFO_PASS_KEK        "werkbank vault v1 passphrase slot"
#define WB_INFO_LABEL           "werkbank vault v1 slot label"

#define WB_KEY_LEN              32

/* --- Crypto helpers (wb-vault-crypto.c) ---------------------------------------- */

gboolean wb_vault_kdf_params_valid (const WbKdfParams *params);
/* Argon2id; @kek is 32 bytes of secure memory. */
gboolean wb_vault_argon2id (const char        *passphrase,
                            const guint8       salt[32],
                            const WbKdfParams *params,
                            guint8            *kek,
                            GError           **error);
gboolean wb_vault_x25519 (guint8        out[32],
                          const guint8 *scalar,
                          const guint8 *point);
/* Creates a key pair from a private scalar (for tests with RFC 7748 vectors). */
WbX25519Key *wb_x25519_key_new_from_private (const guint8 private_key[32], GError **error);
const guint8 *wb_x25519_key_get_private (WbX25519Key *key);

/* AES-256-GCM with a one-time key and nonce; @ad binds context. */
gboolean wb_vault_gcm_seal (const guint8 *key,
                            const guint8 *nonce,
                            const guint8 *ad,
                            gsize         ad_len,
                            const guint8 *plain,
                            guint8       *cipher,
                            gsize         len,
                            guint8        tag[16]);
/* Decrypts in place into @out; on a bad tag @out is wiped and FALSE returned. */
gboolean wb_vault_gcm_open (const guint8 *key,
                            const guint8 *nonce,
                            const guint8 *ad,
                            gsize         ad_len,
                            const guint8 *cipher,
                            guint8       *out,
                            gsize         len,
                            const guint8  tag[16]);

void *wb_secure_alloc (gsize size);
void  wb_secure_free (void *p, gsize size);

G_END_DECLS

G_BEGIN_DECLS

/* --- Superblock (wb-vault-header.c) ------------------------------------------- */

typedef struct {
  guint32     id;
  guint8      kind;       /* WbVaultSlotKind */
  char       *label;      /* NULL until wb_header_open_labels() */
  guint8      sealed_label[WB_SEALED_LABEL_LEN]; /* as in the file; wb_header_seal_labels() */
  gint64      created;
  WbKdfParams kdf;        /* passphrase */
  guint8      salt[32];   /* passphrase */
  guint8      recipient[32]; /* x25519 */
  guint8      ephemeral[32]; /* x25519 */
  guint8      wrapped[WB_WRAPPED_KEY_LEN];
} WbSlot;

typedef struct {
  guint8     vault_id[16];
  guint8     journal_id[16];
  guint64    generation;
  gint64     created;
  guint32    next_slot_id;
  GPtrArray *slots;       /* of WbSlot */
} WbHeader;

typedef enum {
  WB_SB_OK,
  WB_SB_NO_MAGIC,
  WB_SB_BAD_VERSION,
  WB_SB_DAMAGED,
} WbSbStatus;

void       wb_slot_free (WbSlot *slot);
WbSlot    *wb_slot_copy (const WbSlot *slot);
void       wb_header_init (WbHeader *header);
void       wb_header_clear (WbHeader *header);
void       wb_header_copy (WbHeader *dest, const WbHeader *src);
/* Writes one 4096-byte copy; @mac_key is the 32-byte header MAC key. */
gboolean   wb_header_serialize (const WbHeader *header,
                                const guint8   *mac_key,
                                guint8          block[WB_SB_SIZE]);
/* Checks magic, version, hash and layout; the MAC is checked by wb_header_check_mac()
 * once the key is known. */
WbSbStatus wb_header_parse (const guint8  block[WB_SB_SIZE],
                            WbHeader     *out,
                            guint16      *out_version);
gboolean   wb_header_check_mac (const guint8  block[WB_SB_SIZE],
                                const guint8 *mac_key);

/* Key slots: wrap the engagement key for a passphrase or a public key; unwrap. */
WbSlot    *wb_slot_new_passphrase (const WbHeader    *header,
                                   guint32            id,
                                   const char        *label,
                                   const char        *passphrase,
                                   const WbKdfParams *params,
                                   const guint8      *key,
                                   GError           **error);
WbSlot    *wb_slot_new_x25519 (const WbHeader *header,
                               guint32         id,
                               const char     *label,
                               const guint8    public_key[32],
                               const guint8   *key,
                               GError        **error);
gboolean   wb_slot_unwrap_passphrase (const WbHeader *header,
                                      const WbSlot   *slot,
                                      const char     *passphrase,
                                      guint8         *key_out,
                                      GError        **error);
gboolean   wb_slot_unwrap_x25519 (const WbHeader *header,
                                  const WbSlot   *slot,
                                  WbX25519Key    *x25519,
                                  guint8         *key_out);
/* Engagement key → header MAC key (32 bytes each, secure memory). */
gboolean   wb_header_mac_key (const WbHeader *header,
                              const guint8   *key,
                              guint8         *mac_key);
/* Engagement key → label key (32 bytes each, secure memory). */
gboolean   wb_header_label_key (const WbHeader *header,
                                const guint8   *key,
                                guint8         *label_key);
/* Seals every slot's label with a fresh nonce for @header's generation; called for
 * every header write, right before wb_header_serialize(). */
gboolean   wb_header_seal_labels (WbHeader     *header,
                                  const guint8 *label_key);
/* Opens every slot's sealed label (after the MAC verified); FALSE if any fails its tag
 * or is malformed, and then no label is set. */
gboolean   wb_header_open_labels (WbHeader     *header,
                                  const guint8 *label_key);
/* The associated data of slot @slot's sealed label (WB_LABEL_AD_LEN bytes). */
void       wb_header_label_ad (const WbHeader *header,
                               const WbSlot   *slot,
                               guint8          ad[WB_LABEL_AD_LEN]);

G_END_DECLS

G_BEGIN_DECLS

/* --- Journal (wb-vault-journal.c) --------------------------------------------- */

typedef struct {
  int           fd;
  const guint8 *key;        /* engagement key, 32 bytes, secure */
  guint8       *scratch;    /* 64 bytes of secure memory for frame subkeys */
  guint8        vault_id[16];
  guint8        journal_id[16];
} WbJournalCtx;

typedef struct {
  guint64 offset;
  guint32 len;              /* ciphertext length */
  guint16 type;
  guint8  flags;
  guint8  tag[WB_FRAME_TAG_LEN];
} WbFrame;

typedef struct {
  guint   frame;            /* index into frames */
  guint16 type;
  gint64  time;
  guint32 size;             /* payload bytes */
} WbRecordRef;

typedef struct {
  guint8   id[16];
  char     id_hex[33];
  char    *name;
  char    *content_type;
  guint64  size;
  gint64   created;
  gboolean deleted;
  guint    begin_frame;
  GArray  *chunks;          /* of guint frame indices */
} WbAttachment;

typedef struct {
  GArray     *frames;       /* of WbFrame, committed only */
  GArray     *records;      /* of WbRecordRef */
  GPtrArray  *attachments;  /* of WbAttachment, in order of adding */
  GHashTable *by_id;        /* id_hex → WbAttachment (not owned) */
  guint64     commit_end;   /* file offset just after the last committed frame */
  guint64     file_size;    /* at the end of the scan */
  gboolean    torn_tail;    /* bytes after the last commit: dropped */
  gboolean    tampered;     /* a committed valid frame after an invalid one */
  guint64     bad_offset;   /* first frame that did not verify */
} WbJournal;

typedef struct {
  guint8 *data;
  gsize   size;
} WbBuf;

void     wb_buf_clear (WbBuf *buf);

void     wb_journal_init (WbJournal *journal);
void     wb_journal_clear (WbJournal *journal);
/* Index of a committed frame's predecessor tag (zeros before the first frame). */
const guint8 *wb_journal_prev_tag (const WbJournal *journal, guint frame);

/* Reads the committed prefix of the journal; FALSE only on an I/O error. */
gboolean wb_journal_scan (const WbJournalCtx *ctx,
                          WbJournal          *journal,
                          GError            **error);

/* Seals and writes one frame at @offset; @out gets its index entry. */
gboolean wb_frame_write (const WbJournalCtx *ctx,
                         guint64             offset,
                         guint64             seq,
                         guint16             type,
                         guint8              flags,
                         const guint8        prev_tag[16],
                         const guint8       *plain,
                         gsize               len,
                         WbBuf              *scratch,
                         WbFrame            *out,
                         GError            **error);
/* Reads and authenticates frame @seq of the index; the plaintext is in
 * buf->data + WB_FRAME_HEADER_LEN, @frame->len bytes. */
gboolean wb_frame_read (const WbJournalCtx *ctx,
                        const WbFrame      *frame,
                        guint64             seq,
                        const guint8        prev_tag[16],
                        WbBuf              *buf,
                        GError            **error);

gboolean wb_pwrite_all (int fd, const void *data, gsize len, guint64 offset, int *err);
gssize   wb_pread_all (int fd, void *data, gsize len, guint64 offset);

void     wb_put64 (guint8 *p, guint64 v);
guint64  wb_get64 (const guint8 *p);
void     wb_put16 (guint8 *p, guint16 v);
guint16  wb_get16 (const guint8 *p);

G_END_DECLS

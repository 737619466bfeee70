/* wb-vault.c — the encrypted engagement file
 *
 * One random 256-bit engagement key, wrapped in key slots kept in two superblocks
 * (wb-vault-header.c), and an append-only journal of sealed frames
 * (wb-vault-journal.c). Byte layout and guarantees: docs/vault-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wb-vault-private.h"

struct _WbVault {
  GObject      parent_instance;

  char        *path;
  int          fd;
  gboolean     read_only;
  gboolean     closed;

  /* Secure memory: engagement key [0,32), header MAC key [32,64), frame subkey
   * scratch [64,128), slot label key [128,160). */
  guint8      *secrets;

  WbHeader     header;
  char         id_hex[33];
  char        *opened_by;
  GPtrArray   *warnings;
  WbJournal    journal;
  WbBuf        buf;
};

#define SECRETS_LEN 160

G_DEFINE_TYPE (WbVault, wb_vault, G_TYPE_OBJECT)
G_DEFINE_QUARK (wb-vault-error-quark, wb_vault_error)


static void
wb_vault_finalize (GObject *object)
{
  WbVault *self = WB_VAULT (object);

  wb_secure_free (self->secrets, SECRETS_LEN);
  self->secrets = NULL;
  if (self->fd >= 0)
    close (self->fd);
  wb_header_clear (&self->header);
  wb_journal_clear (&self->journal);
  wb_buf_clear (&self->buf);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self->opened_by);
  g_free (self->path);

  G_OBJECT_CLASS (wb_vault_parent_class)->finalize (object);
}

static void
wb_vault_class_init (WbVaultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wb_vault_finalize;
}

static void
wb_vault_init (WbVault *self)
{
  self->fd = -1;
  self->warnings = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  wb_header_init (&self->header);
  wb_journal_init (&self->journal);
}

void
wb_vault_slot_info_free (WbVaultSlotInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->label);
  g_free (info);
}

void
wb_attachment_info_free (WbAttachmentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->name);
  g_free (info->content_type);
  g_free (info);
}

void
wb_destruction_facts_free (WbDestructionFacts *facts)
{
  if (facts == NULL)
    return;
  g_free (facts->vault_id);
  g_free (facts->path);
  g_free (facts->method);
  g_free (facts->limits);
  g_free (facts);
}

/* --- helpers ----------------------------------------------------------------- */

static const guint8 *
vault_key (WbVault *self)
{
  return self->secrets;
}

static guint8 *
vault_mac_key (WbVault *self)
{
  return self->secrets + 32;
}

static guint8 *
vault_label_key (WbVault *self)
{
  return self->secrets + 128;
}

/* Both keys the header needs, derived from the engagement key. */
static gboolean
derive_header_keys (WbVault *self)
{
  return wb_header_mac_key (&self->header, vault_key (self), vault_mac_key (self))
         && wb_header_label_key (&self->header, vault_key (self), vault_label_key (self));
}

static void
vault_ctx (WbVault      *self,
           WbJournalCtx *ctx)
{
  ctx->fd = self->fd;
  ctx->key = vault_key (self);
  ctx->scratch = self->secrets + 64;
  memcpy (ctx->vault_id, self->header.vault_id, 16);
  memcpy (ctx->journal_id, self->header.journal_id, 16);
}

static void
set_io_error (GError     **error,
              int          err,
              const char  *what)
{
  /* @what is one of our own fixed phrases; the path may name the client, so it
   * stays out of the message. */
  g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_IO, "%s: %s", what, g_strerror (err));
}

static void
add_warning (WbVault    *self,
             const char *text)
{
  g_ptr_array_add (self->warnings, g_strdup (text));
}

static void
update_id_hex (WbVault *self)
{
  guint i;

  for (i = 0; i < 16; i++)
    g_snprintf (self->id_hex + 2 * i, 3, "%02x", self->header.vault_id[i]);
}

static gboolean
check_writable (WbVault  *self,
                GError  **error)
{
  if (self->closed)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_IO,
                   _("The engagement file has been destroyed or closed."));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_READ_ONLY,
                   self->journal.tampered
                   ? _("The engagement file is open read-only because it is damaged or was tampered with.")
                   : _("The engagement file is open read-only."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_open (WbVault  *self,
            GError  **error)
{
  if (self->closed)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_IO,
                   _("The engagement file has been destroyed or closed."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
fsync_dir_of (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int saved;

  if (fd < 0)
    {
      saved = errno;
      set_io_error (error, saved, _("Could not open the folder of the engagement file"));
      return FALSE;
    }
  if (fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      set_io_error (error, saved, _("Could not sync the folder of the engagement file"));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* A failed fsync cannot be retried and trusted (OSDI 2014): after one, this handle
 * refuses to write so nothing is reported saved that may not be. */
static void
fail_sync (WbVault  *self,
           int       err,
           GError  **error)
{
  self->read_only = TRUE;
  add_warning (self, _("Writing to the disk failed; the file was set read-only. Reopen it to continue."));
  set_io_error (error, err, _("Could not save to the disk"));
}

/* Writes both superblocks: copy A, sync, copy B, sync. A crash between leaves one
 * whole copy of either generation, and in steady state both copies are the same, so
 * a removed slot's wrapped key is gone from both. The labels are sealed afresh for
 * the header's (new) generation; @header keeps the sealed bytes, so verify can
 * re-serialise exactly what was written. */
static gboolean
write_headers (int              fd,
               WbHeader        *header,
               const guint8    *mac_key,
               const guint8    *label_key,
               GError         **error)
{
  guint8 block[WB_SB_SIZE];
  guint copy;
  int err = 0;

  if (!wb_header_seal_labels (header, label_key))
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM,
                   _("Encrypting the key slot names failed."));
      return FALSE;
    }
  if (!wb_header_serialize (header, mac_key, block))
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SLOT,
                   _("The key slots do not fit in the header."));
      return FALSE;
    }
  for (copy = 0; copy < WB_SB_COPIES; copy++)
    {
      if (!wb_pwrite_all (fd, block, WB_SB_SIZE, (guint64) copy * WB_SB_SIZE, &err))
        {
          set_io_error (error, err, _("Could not write the header"));
          return FALSE;
        }
      if (fsync (fd) != 0)
        {
          set_io_error (error, errno, _("Could not save the header to the disk"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
lock_file (int       fd,
           GError  **error)
{
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_IO,
                   _("The engagement file is in use by another Werkbank window or program."));
      return FALSE;
    }
  return TRUE;
}

static WbVault *
vault_new (const char *path)
{
  WbVault *self = g_object_new (WB_TYPE_VAULT, NULL);

  self->path = g_strdup (path);
  self->secrets = wb_secure_alloc (SECRETS_LEN);
  return self;
}

/* --- creating ------------------------------------------------------------------ */

typedef WbSlot *(*MakeSlot) (WbVault *self, gpointer data, GError **error);

static WbVault *
vault_create (const char  *path,
              const char  *label,
              MakeSlot     make_slot,
              gpointer     data,
              GError     **error)
{
  g_autoptr(WbVault) self = NULL;
  WbSlot *slot;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  int saved;

  self = vault_new (path);
  if (self->secrets == NULL)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM,
                   _("No protected memory left for the key."));
      return NULL;
    }
  self->fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      saved = errno;
      if (saved == EEXIST)
        g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_EXISTS,
                     _("An engagement file with this name exists already."));
      else
        set_io_error (error, saved, _("Could not create the engagement file"));
      return NULL;
    }

  gcry_randomize (self->secrets, WB_KEY_LEN, GCRY_VERY_STRONG_RANDOM);
  gcry_randomize (self->header.vault_id, 16, GCRY_STRONG_RANDOM);
  gcry_randomize (self->header.journal_id, 16, GCRY_STRONG_RANDOM);
  self->header.generation = 1;
  self->header.created = now;
  self->header.next_slot_id = 2;

  slot = make_slot (self, data, error);
  if (slot == NULL || !derive_header_keys (self))
    goto fail;
  slot->id = 1;
  g_ptr_array_add (self->header.slots, slot);
  /* The slot wrapped the key with id 1 in its associated data. */
  if (!lock_file (self->fd, error)
      || !write_headers (self->fd, &self->header, vault_mac_key (self), vault_label_key (self),
                         error)
      || !fsync_dir_of (path, error))
    goto fail;

  update_id_hex (self);
  self->opened_by = g_strdup (slot->label);
  self->journal.file_size = WB_JOURNAL_START;
  return g_steal_pointer (&self);

fail:
  if (error != NULL && *error == NULL)
    g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM, _("Creating the key failed."));
  g_unlink (path);
  return NULL;
}

typedef struct {
  const char        *label;
  const char        *passphrase;
  const WbKdfParams *params;
  const guint8      *public_key;
} SlotArgs;

static WbSlot *
make_passphrase_slot (WbVault   *self,
                      gpointer   data,
                      GError   **error)
{
  SlotArgs *args = data;

  return wb_slot_new_passphrase (&self->header, 1, args->label, args->passphrase,
                                 args->params, vault_key (self), error);
}

static WbSlot *
make_x25519_slot (WbVault   *self,
                  gpointer   data,
                  GError   **error)
{
  SlotArgs *args = data;

  return wb_slot_new_x25519 (&self->header, 1, args->label, args->public_key,
                             vault_key (self), error);
}

static gboolean
resolve_params (const WbKdfParams  *params,
                WbKdfParams        *out,
                GError            **error)
{
  if (params == NULL)
    wb_kdf_params_default (out);
  else
    *out = *params;
  if (!wb_vault_kdf_params_valid (out))
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_INVALID,
                   _("The key derivation settings are out of range."));
      return FALSE;
    }
  return TRUE;
}

WbVault *
wb_vault_create_with_passphrase (const char        *path,
                                 const char        *label,
                                 const char        *passphrase,
                                 const WbKdfParams *params,
                                 GError           **error)
{
  WbKdfParams p;
  SlotArgs args = { label, passphrase, &p, NULL };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!resolve_params (params, &p, error))
    return NULL;
  return vault_create (path, label, make_passphrase_slot, &args, error);
}

WbVault *
wb_vault_create_with_public_key (const char   *path,
                                 const char   *label,
                                 const guint8  public_key[32],
                                 GError      **error)
{
  SlotArgs args = { label, NULL, NULL, public_key };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (public_key != NULL, NULL);

  return vault_create (path, label, make_x25519_slot, &args, error);
}

/* --- opening ------------------------------------------------------------------- */

typedef struct {
  guint8    blocks[WB_SB_COPIES][WB_SB_SIZE];
  WbHeader  headers[WB_SB_COPIES];
  gboolean  valid[WB_SB_COPIES];
  guint     chosen;
} HeaderSet;

static void
header_set_clear (HeaderSet *set)
{
  guint i;

  for (i = 0; i < WB_SB_COPIES; i++)
    wb_header_clear (&set->headers[i]);
}

/* Reads both superblocks and chooses the valid one with the highest generation. */
static gboolean
read_headers (int         fd,
              HeaderSet  *set,
              GPtrArray  *warnings,
              GError    **error)
{
  WbSbStatus status[WB_SB_COPIES];
  guint16 version = 0;
  gboolean any_magic = FALSE, newer = FALSE;
  off_t size = lseek (fd, 0, SEEK_END);
  gssize n;
  guint i;

  memset (set->blocks, 0, sizeof set->blocks);
  if (size < 0)
    {
      set_io_error (error, errno, _("Could not read the engagement file"));
      return FALSE;
    }
  n = wb_pread_all (fd, set->blocks, sizeof set->blocks, 0);
  if (n < 0)
    {
      set_io_error (error, errno, _("Could not read the engagement file"));
      return FALSE;
    }
  for (i = 0; i < WB_SB_COPIES; i++)
    {
      guint16 v = 0;

      status[i] = wb_header_parse (set->blocks[i], &set->headers[i], &v);
      set->valid[i] = status[i] == WB_SB_OK && n >= (gssize) ((i + 1) * WB_SB_SIZE);
      any_magic |= status[i] != WB_SB_NO_MAGIC;
      if (status[i] == WB_SB_BAD_VERSION)
        {
          newer = TRUE;
          version = v;
        }
    }

  if (!any_magic)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_NOT_A_VAULT,
                   _("This is not a Werkbank engagement file."));
      return FALSE;
    }
  if (!set->valid[0] && !set->valid[1] && newer)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_UNKNOWN_VERSION,
                   _("This engagement file was made by a newer version of Werkbank "
                     "(format version %u). Update Werkbank to open it."), version);
      return FALSE;
    }
  if (size < WB_JOURNAL_START)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_CORRUPT,
                   _("The engagement file is damaged: it is cut off inside its header."));
      return FALSE;
    }
  if (!set->valid[0] && !set->valid[1])
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_CORRUPT,
                   _("The engagement file is damaged: both copies of its header are unreadable."));
      return FALSE;
    }

  if (set->valid[0] && set->valid[1])
    {
      set->chosen = set->headers[1].generation > set->headers[0].generation ? 1 : 0;
      if (memcmp (set->blocks[0], set->blocks[1], WB_SB_SIZE) != 0)
        g_ptr_array_add (warnings,
                         g_strdup (_("The two header copies differ (an interrupted update); "
                                     "the newer copy was used.")));
    }
  else
    {
      set->chosen = set->valid[0] ? 0 : 1;
      g_ptr_array_add (warnings,
                       g_strdup_printf (_("Header copy %s was damaged; the other copy was used."),
                                        set->chosen == 0 ? "B" : "A"));
    }
  return TRUE;
}

typedef gboolean (*Unlock) (WbVault *self, const WbSlot *slot, gpointer data, GError **error);

static gboolean
unlock_passphrase (WbVault       *self,
                   const WbSlot  *slot,
                   gpointer       data,
                   GError       **error)
{
  if (slot->kind != WB_VAULT_SLOT_PASSPHRASE)
    return FALSE;
  return wb_slot_unwrap_passphrase (&self->header, slot, data, self->secrets, error);
}

static gboolean
unlock_x25519 (WbVault       *self,
               const WbSlot  *slot,
               gpointer       data,
               GError       **error)
{
  if (slot->kind != WB_VAULT_SLOT_X25519)
    return FALSE;
  return wb_slot_unwrap_x25519 (&self->header, slot, data, self->secrets);
}

static void
journal_warnings (WbVault *self)
{
  if (self->journal.tampered)
    {
      self->read_only = TRUE;
      add_warning (self, _("A damaged record is followed by intact ones: the file was damaged "
                           "or tampered with. It was opened read-only; only the records "
                           "before the damage are shown."));
    }
  else if (self->journal.torn_tail)
    add_warning (self, _("An unfinished write at the end was dropped."));
}

static WbVault *
vault_open (const char        *path,
            WbVaultOpenFlags   flags,
            Unlock             unlock,
            gpointer           data,
            const char        *wrong_key_message,
            GError           **error)
{
  g_autoptr(WbVault) self = NULL;
  HeaderSet set;
  WbJournalCtx ctx;
  const WbSlot *opened = NULL;
  gboolean read_only = (flags & WB_VAULT_OPEN_READ_ONLY) != 0;
  guint i;

  self = vault_new (path);
  if (self->secrets == NULL)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM,
                   _("No protected memory left for the key."));
      return NULL;
    }
  self->read_only = read_only;
  self->fd = g_open (path, (read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC, 0);
  if (self->fd < 0)
    {
      set_io_error (error, errno, _("Could not open the engagement file"));
      return NULL;
    }
  if (!read_only && !lock_file (self->fd, error))
    return NULL;

  memset (&set, 0, sizeof set);
  if (!read_headers (self->fd, &set, self->warnings, error))
    {
      header_set_clear (&set);
      return NULL;
    }
  wb_header_clear (&self->header);
  wb_header_copy (&self->header, &set.headers[set.chosen]);

  for (i = 0; i < self->header.slots->len && opened == NULL; i++)
    {
      const WbSlot *slot = g_ptr_array_index (self->header.slots, i);

      if (unlock (self, slot, data, error))
        opened = slot;
      else if (error != NULL && *error != NULL)
        break;
    }
  if (opened == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, WB_VAULT_ERROR, WB_VAULT_ERROR_WRONG_KEY, wrong_key_message);
      header_set_clear (&set);
      return NULL;
    }
  /* The labels are opened only now: no slot needed its label to be tried, and a label
   * is believed only inside a header whose MAC holds. */
  if (!derive_header_keys (self)
      || !wb_header_check_mac (set.blocks[set.chosen], vault_mac_key (self))
      || !wb_header_open_labels (&self->header, vault_label_key (self)))
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_CORRUPT,
                   _("The engagement file is damaged: its header failed the authenticity check."));
      header_set_clear (&set);
      return NULL;
    }
  header_set_clear (&set);
  self->opened_by = g_strdup (opened->label);
  update_id_hex (self);

  vault_ctx (self, &ctx);
  if (!wb_journal_scan (&ctx, &self->journal, error))
    return NULL;
  journal_warnings (self);
  return g_steal_pointer (&self);
}

WbVault *
wb_vault_open_with_passphrase (const char        *path,
                               const char        *passphrase,
                               WbVaultOpenFlags   flags,
                               GError           **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  return vault_open (path, flags, unlock_passphrase, (gpointer) passphrase,
                     _("The passphrase is wrong, or it does not open this engagement file."),
                     error);
}

WbVault *
wb_vault_open_with_key (const char        *path,
                        WbX25519Key       *key,
                        WbVaultOpenFlags   flags,
                        GError           **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return vault_open (path, flags, unlock_x25519, key,
                     _("This key file does not open this engagement file."), error);
}

/* --- simple getters -------------------------------------------------------------- */

const char *
wb_vault_get_path (WbVault *self)
{
  g_return_val_if_fail (WB_IS_VAULT (self), NULL);
  return self->path;
}

const char *
wb_vault_get_id (WbVault *self)
{
  g_return_val_if_fail (WB_IS_VAULT (self), NULL);
  return self->id_hex;
}

const char *
wb_vault_get_opened_by (WbVault *self)
{
  g_return_val_if_fail (WB_IS_VAULT (self), NULL);
  return self->opened_by;
}

gboolean
wb_vault_is_read_only (WbVault *self)
{
  g_return_val_if_fail (WB_IS_VAULT (self), TRUE);
  return self->read_only || self->closed;
}

const char * const *
wb_vault_get_warnings (WbVault *self)
{
  g_return_val_if_fail (WB_IS_VAULT (self), NULL);
  return (const char * const *) self->warnings->pdata;
}

guint64
wb_vault_get_n_records (WbVault *self)
{
  g_return_val_if_fail (WB_IS_VAULT (self), 0);
  return self->journal.records->len;
}

/* --- slots --------------------------------------------------------------------- */

GPtrArray *
wb_vault_list_slots (WbVault *self)
{
  GPtrArray *list;
  guint i;

  g_return_val_if_fail (WB_IS_VAULT (self), NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_vault_slot_info_free);
  for (i = 0; i < self->header.slots->len; i++)
    {
      const WbSlot *s = g_ptr_array_index (self->header.slots, i);
      WbVaultSlotInfo *info = g_new0 (WbVaultSlotInfo, 1);

      info->id = s->id;
      info->kind = s->kind;
      info->label = g_strdup (s->label);
      info->created = s->created;
      if (s->kind == WB_VAULT_SLOT_X25519)
        memcpy (info->public_key, s->recipient, 32);
      g_ptr_array_add (list, info);
    }
  return list;
}

/* Commits @next as the new header (generation + 1) or leaves everything as it was. */
static gboolean
replace_header (WbVault   *self,
                WbHeader  *next,
                GError   **error)
{
  next->generation = self->header.generation + 1;
  if (!write_headers (self->fd, next, vault_mac_key (self), vault_label_key (self), error))
    {
      wb_header_clear (next);
      self->read_only = TRUE;
      return FALSE;
    }
  wb_header_clear (&self->header);
  self->header = *next;
  return TRUE;
}

static gboolean
add_slot (WbVault   *self,
          WbSlot    *slot,
          guint     *out_id,
          GError   **error)
{
  WbHeader next;
  guint id = slot->id;

  wb_header_copy (&next, &self->header);
  next.next_slot_id = id + 1;
  g_ptr_array_add (next.slots, slot);
  if (!replace_header (self, &next, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

static gboolean
check_slot_room (WbVault  *self,
                 GError  **error)
{
  if (!check_writable (self, error))
    return FALSE;
  if (self->header.slots->len >= WB_VAULT_MAX_SLOTS)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SLOT,
                   _("This engagement file has the most key slots it can hold (%u)."),
                   (guint) WB_VAULT_MAX_SLOTS);
      return FALSE;
    }
  return TRUE;
}

gboolean
wb_vault_add_passphrase_slot (WbVault           *self,
                              const char        *label,
                              const char        *passphrase,
                              const WbKdfParams *params,
                              guint             *out_id,
                              GError           **error)
{
  WbKdfParams p;
  WbSlot *slot;

  g_return_val_if_fail (WB_IS_VAULT (self), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (!check_slot_room (self, error) || !resolve_params (params, &p, error))
    return FALSE;
  slot = wb_slot_new_passphrase (&self->header, self->header.next_slot_id, label, passphrase,
                                 &p, vault_key (self), error);
  return slot != NULL && add_slot (self, slot, out_id, error);
}

gboolean
wb_vault_add_public_key_slot (WbVault      *self,
                              const char   *label,
                              const guint8  public_key[32],
                              guint        *out_id,
                              GError      **error)
{
  WbSlot *slot;

  g_return_val_if_fail (WB_IS_VAULT (self), FALSE);
  g_return_val_if_fail (public_key != NULL, FALSE);

  if (!check_slot_room (self, error))
    return FALSE;
  slot = wb_slot_new_x25519 (&self->header, self->header.next_slot_id, label, public_key,
                             vault_key (self), error);
  return slot != NULL && add_slot (self, slot, out_id, error);
}

gboolean
wb_vault_remove_slot (WbVault  *self,
                      guint     id,
                      GError  **error)
{
  WbHeader next;
  guint i;

  g_return_val_if_fail (WB_IS_VAULT (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  for (i = 0; i < self->header.slots->len; i++)
    if (((WbSlot *) g_ptr_array_index (self->header.slots, i))->id == id)
      break;
  if (i == self->header.slots->len)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SLOT, _("There is no such key slot."));
      return FALSE;
    }
  if (self->header.slots->len == 1)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SLOT,
                   _("The last key slot cannot be removed: nobody could open the file any more."));
      return FALSE;
    }
  wb_header_copy (&next, &self->header);
  g_ptr_array_remove_index (next.slots, i);
  return replace_header (self, &next, error);
}

/* --- records ------------------------------------------------------------------- */

/* Cuts off whatever follows the last commit (a torn tail found on open, or frames of
 * an attachment that failed) before anything new is written after it. */
static gboolean
drop_tail (WbVault  *self,
           GError  **error)
{
  if (self->journal.file_size == self->journal.commit_end)
    return TRUE;
  if (ftruncate (self->fd, (off_t) self->journal.commit_end) != 0)
    {
      set_io_error (error, errno, _("Could not write the engagement file"));
      return FALSE;
    }
  self->journal.file_size = self->journal.commit_end;
  self->journal.torn_tail = FALSE;
  return TRUE;
}

static const guint8 *
last_tag (WbVault *self)
{
  return wb_journal_prev_tag (&self->journal, self->journal.frames->len);
}

/* Writes frames of one commit; @frames collects their index entries. */
typedef struct {
  WbVault      *self;
  WbJournalCtx  ctx;
  GArray       *frames;
  guint64       offset;
  guint8        prev[WB_FRAME_TAG_LEN];
} Writer;

static void
writer_begin (Writer  *w,
              WbVault *self)
{
  w->self = self;
  vault_ctx (self, &w->ctx);
  w->frames = g_array_new (FALSE, FALSE, sizeof (WbFrame));
  w->offset = self->journal.commit_end;
  memcpy (w->prev, last_tag (self), WB_FRAME_TAG_LEN);
}

static gboolean
writer_add (Writer        *w,
            guint16        type,
            guint8         flags,
            const guint8  *plain,
            gsize          len,
            GError       **error)
{
  WbFrame frame;
  guint64 seq = w->self->journal.frames->len + w->frames->len;

  if (!wb_frame_write (&w->ctx, w->offset, seq, type, flags, w->prev, plain, len,
                       &w->self->buf, &frame, error))
    {
      w->self->journal.file_size = MAX (w->self->journal.file_size, w->offset + 1);
      return FALSE;
    }
  g_array_append_val (w->frames, frame);
  memcpy (w->prev, frame.tag, WB_FRAME_TAG_LEN);
  w->offset += WB_FRAME_HEADER_LEN + len + WB_FRAME_TAG_LEN;
  w->self->journal.file_size = MAX (w->self->journal.file_size, w->offset);
  return TRUE;
}

/* fdatasync: the commit point. Only after it do the frames enter the index. */
static gboolean
writer_commit (Writer   *w,
               GError  **error)
{
  WbJournal *j = &w->self->journal;

  if (fdatasync (w->ctx.fd) != 0)
    {
      fail_sync (w->self, errno, error);
      return FALSE;
    }
  g_array_append_vals (j->frames, w->frames->data, w->frames->len);
  j->commit_end = w->offset;
  j->file_size = MAX (j->file_size, w->offset);
  return TRUE;
}

static void
writer_end (Writer *w)
{
  g_clear_pointer (&w->frames, g_array_unref);
}

/* After a failed multi-frame write: take the uncommitted frames back out, so the
 * next open does not even see a torn tail. Failing that, the next write does it. */
static void
writer_abort (Writer *w)
{
  if (ftruncate (w->ctx.fd, (off_t) w->self->journal.commit_end) == 0)
    w->self->journal.file_size = w->self->journal.commit_end;
}

gboolean
wb_vault_append (WbVault      *self,
                 WbRecordType  type,
                 GBytes       *payload,
                 guint64      *out_seq,
                 GError      **error)
{
  Writer w;
  WbRecordRef ref;
  g_autofree guint8 *plain = NULL;
  const guint8 *data;
  gsize size;
  gboolean ok;

  g_return_val_if_fail (WB_IS_VAULT (self), FALSE);
  g_return_val_if_fail (payload != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  data = g_bytes_get_data (payload, &size);
  if ((guint) type < 1 || (guint) type > WB_FRAME_RECORD_MAX || size > WB_RECORD_MAX_PAYLOAD)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_INVALID,
                   _("The record is too large or of an unknown type."));
      return FALSE;
    }
  if (!drop_tail (self, error))
    return FALSE;

  ref.time = g_get_real_time () / G_USEC_PER_SEC;
  ref.type = (guint16) type;
  ref.size = (guint32) size;
  ref.frame = self->journal.frames->len;
  plain = g_malloc (8 + size);
  wb_put64 (plain, (guint64) ref.time);
  if (size > 0)
    memcpy (plain + 8, data, size);

  writer_begin (&w, self);
  ok = writer_add (&w, (guint16) type, WB_FRAME_FLAG_COMMIT, plain, 8 + size, error)
       && writer_commit (&w, error);
  if (!ok && !self->read_only)
    writer_abort (&w);
  writer_end (&w);
  explicit_bzero (plain, 8 + size);
  if (!ok)
    return FALSE;

  g_array_append_val (self->journal.records, ref);
  if (out_seq != NULL)
    *out_seq = self->journal.records->len;
  return TRUE;
}

static void
wipe_free (gpointer data)
{
  GBytes *bytes = data;
  gsize size;
  gconstpointer p = g_bytes_get_data (bytes, &size);

  /* The caller's copy is theirs to handle; ours is wiped. */
  if (size > 0)
    explicit_bzero ((gpointer) p, size);
  g_bytes_unref (bytes);
}

gboolean
wb_vault_foreach_record (WbVault           *self,
                         WbVaultRecordFunc  func,
                         gpointer           user_data,
                         GError           **error)
{
  WbJournalCtx ctx;
  guint i;

  g_return_val_if_fail (WB_IS_VAULT (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;
  vault_ctx (self, &ctx);
  for (i = 0; i < self->journal.records->len; i++)
    {
      const WbRecordRef *ref = &g_array_index (self->journal.records, WbRecordRef, i);
      const WbFrame *frame = &g_array_index (self->journal.frames, WbFrame, ref->frame);
      g_autoptr(GBytes) owner = NULL;
      g_autoptr(GBytes) payload = NULL;
      gboolean go_on;

      if (!wb_frame_read (&ctx, frame, ref->frame, wb_journal_prev_tag (&self->journal, ref->frame),
                          &self->buf, error))
        return FALSE;
      owner = g_bytes_new (self->buf.data + WB_FRAME_HEADER_LEN + 8, ref->size);
      explicit_bzero (self->buf.data + WB_FRAME_HEADER_LEN, frame->len);
      payload = g_bytes_new_with_free_func (g_bytes_get_data (owner, NULL), ref->size,
                                            wipe_free, g_bytes_ref (owner));
      go_on = func (i + 1, ref->type, ref->time, payload, user_data);
      if (!go_on)
        break;
    }
  return TRUE;
}

/* --- attachments ------------------------------------------------------------------ */

static void
hex_id (const guint8 id[16],
        char         out[33])
{
  guint i;

  for (i = 0; i < 16; i++)
    g_snprintf (out + 2 * i, 3, "%02x", id[i]);
}

static gboolean
attachment_meta (const char    *name,
                 const char    *content_type,
                 const guint8   id[16],
                 GByteArray    *out,
                 GError       **error)
{
  guint8 tmp[8];
  gsize name_len = strlen (name), type_len = strlen (content_type);

  if (name_len > 4096 || type_len > 255 || !g_utf8_validate (name, -1, NULL)
      || !g_utf8_validate (content_type, -1, NULL))
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_INVALID,
                   _("The attachment's name or type is too long or not valid text."));
      return FALSE;
    }
  wb_put64 (tmp, (guint64) (g_get_real_time () / G_USEC_PER_SEC));
  g_byte_array_append (out, tmp, 8);
  g_byte_array_append (out, id, 16);
  wb_put16 (tmp, (guint16) name_len);
  g_byte_array_append (out, tmp, 2);
  g_byte_array_append (out, (const guint8 *) name, (guint) name_len);
  wb_put16 (tmp, (guint16) type_len);
  g_byte_array_append (out, tmp, 2);
  g_byte_array_append (out, (const guint8 *) content_type, (guint) type_len);
  return TRUE;
}

static gboolean
stream_chunks (Writer        *w,
               GInputStream  *input,
               GCancellable  *cancellable,
               guint64       *size,
               guint64       *n_chunks,
               GError       **error)
{
  guint8 *chunk = g_malloc (WB_ATTACHMENT_CHUNK);
  gboolean ok = TRUE;

  *size = 0;
  *n_chunks = 0;
  while (ok)
    {
      gsize n = 0;

      /* Not every stream looks at the cancellable (memory streams do not). */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      ok = g_input_stream_read_all (input, chunk, WB_ATTACHMENT_CHUNK, &n, cancellable, error);
      if (!ok || n == 0)
        break;
      ok = writer_add (w, WB_FRAME_ATT_CHUNK, 0, chunk, n, error);
      *size += n;
      *n_chunks += 1;
      if (n < WB_ATTACHMENT_CHUNK)
        break;
    }
  if (chunk != NULL) /* always; tells GCC's sanitizer build as much */
    explicit_bzero (chunk, WB_ATTACHMENT_CHUNK);
  g_free (chunk);
  return ok;
}

char *
wb_vault_add_attachment (WbVault       *self,
                         const char    *name,
                         const char    *content_type,
                         GInputStream  *input,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GByteArray) meta = g_byte_array_new ();
  WbAttachment *att;
  Writer w;
  guint8 id[16];
  guint8 end[32];
  guint64 size = 0, n_chunks = 0;
  guint i;
  gboolean ok;

  g_return_val_if_fail (WB_IS_VAULT (self), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (input), NULL);

  if (name == NULL)
    name = "";
  if (content_type == NULL)
    content_type = "application/octet-stream";
  if (!check_writable (self, error))
    return NULL;
  gcry_create_nonce (id, sizeof id);
  if (!attachment_meta (name, content_type, id, meta, error) || !drop_tail (self, error))
    return NULL;

  writer_begin (&w, self);
  ok = writer_add (&w, WB_FRAME_ATT_BEGIN, 0, meta->data, meta->len, error)
       && stream_chunks (&w, input, cancellable, &size, &n_chunks, error);
  if (ok)
    {
      memcpy (end, id, 16);
      wb_put64 (end + 16, size);
      wb_put64 (end + 24, n_chunks);
      /* Only the final frame commits: a half-written attachment is a torn tail. */
      ok = writer_add (&w, WB_FRAME_ATT_END, WB_FRAME_FLAG_COMMIT, end, sizeof end, error)
           && writer_commit (&w, error);
    }
  if (!ok)
    {
      if (!self->read_only)
        writer_abort (&w);
      writer_end (&w);
      return NULL;
    }

  att = g_new0 (WbAttachment, 1);
  memcpy (att->id, id, 16);
  hex_id (id, att->id_hex);
  att->name = g_strdup (name);
  att->content_type = g_strdup (content_type);
  att->size = size;
  att->created = (gint64) wb_get64 (meta->data);
  att->begin_frame = self->journal.frames->len - w.frames->len;
  att->chunks = g_array_new (FALSE, FALSE, sizeof (guint));
  for (i = 0; i < n_chunks; i++)
    {
      guint index = att->begin_frame + 1 + i;
      g_array_append_val (att->chunks, index);
    }
  g_ptr_array_add (self->journal.attachments, att);
  g_hash_table_insert (self->journal.by_id, att->id_hex, att);
  writer_end (&w);
  return g_strdup (att->id_hex);
}

static WbAttachment *
find_attachment (WbVault     *self,
                 const char  *id,
                 GError     **error)
{
  WbAttachment *att = id ? g_hash_table_lookup (self->journal.by_id, id) : NULL;

  if (att == NULL || att->deleted)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_NOT_FOUND, _("There is no such attachment."));
      return NULL;
    }
  return att;
}

gboolean
wb_vault_read_attachment (WbVault       *self,
                          const char    *id,
                          GOutputStream *output,
                          GCancellable  *cancellable,
                          GError       **error)
{
  WbJournalCtx ctx;
  WbAttachment *att;
  guint i;

  g_return_val_if_fail (WB_IS_VAULT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);

  if (!check_open (self, error) || (att = find_attachment (self, id, error)) == NULL)
    return FALSE;
  vault_ctx (self, &ctx);
  for (i = 0; i < att->chunks->len; i++)
    {
      guint index = g_array_index (att->chunks, guint, i);
      const WbFrame *frame = &g_array_index (self->journal.frames, WbFrame, index);
      gboolean ok;

      /* Each chunk is released only after its own tag verified. */
      if (!wb_frame_read (&ctx, frame, index, wb_journal_prev_tag (&self->journal, index),
                          &self->buf, error))
        return FALSE;
      ok = g_output_stream_write_all (output, self->buf.data + WB_FRAME_HEADER_LEN, frame->len,
                                      NULL, cancellable, error);
      explicit_bzero (self->buf.data + WB_FRAME_HEADER_LEN, frame->len);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
wb_vault_delete_attachment (WbVault     *self,
                            const char  *id,
                            GError     **error)
{
  WbAttachment *att;
  Writer w;
  guint8 body[24];
  gboolean ok;

  g_return_val_if_fail (WB_IS_VAULT (self), FALSE);

  if (!check_writable (self, error) || (att = find_attachment (self, id, error)) == NULL
      || !drop_tail (self, error))
    return FALSE;
  wb_put64 (body, (guint64) (g_get_real_time () / G_USEC_PER_SEC));
  memcpy (body + 8, att->id, 16);
  writer_begin (&w, self);
  ok = writer_add (&w, WB_FRAME_ATT_DELETE, WB_FRAME_FLAG_COMMIT, body, sizeof body, error)
       && writer_commit (&w, error);
  if (!ok && !self->read_only)
    writer_abort (&w);
  writer_end (&w);
  if (ok)
    att->deleted = TRUE;
  return ok;
}

GPtrArray *
wb_vault_list_attachments (WbVault *self)
{
  GPtrArray *list;
  guint i;

  g_return_val_if_fail (WB_IS_VAULT (self), NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_attachment_info_free);
  for (i = 0; i < self->journal.attachments->len; i++)
    {
      const WbAttachment *att = g_ptr_array_index (self->journal.attachments, i);
      WbAttachmentInfo *info;

      if (att->deleted)
        continue;
      info = g_new0 (WbAttachmentInfo, 1);
      info->id = g_strdup (att->id_hex);
      info->name = g_strdup (att->name);
      info->content_type = g_strdup (att->content_type);
      info->size = att->size;
      info->created = att->created;
      g_ptr_array_add (list, info);
    }
  return list;
}

/* --- compaction ------------------------------------------------------------------ */

/* Frames that do not survive compaction: deleted attachments and their markers. */
static GArray *
frames_to_keep (WbVault *self)
{
  GArray *keep = g_array_new (FALSE, TRUE, sizeof (gboolean));
  guint i, k;

  g_array_set_size (keep, self->journal.frames->len);
  for (i = 0; i < keep->len; i++)
    g_array_index (keep, gboolean, i) =
      g_array_index (self->journal.frames, WbFrame, i).type != WB_FRAME_ATT_DELETE;
  for (i = 0; i < self->journal.attachments->len; i++)
    {
      const WbAttachment *att = g_ptr_array_index (self->journal.attachments, i);

      if (!att->deleted)
        continue;
      /* begin, chunks, end: contiguous by construction (checked on open). */
      for (k = att->begin_frame; k <= att->begin_frame + att->chunks->len + 1; k++)
        g_array_index (keep, gboolean, k) = FALSE;
    }
  return keep;
}

static guint
n_live_attachments (const WbJournal *journal)
{
  guint i, n = 0;

  for (i = 0; i < journal->attachments->len; i++)
    if (!((WbAttachment *) g_ptr_array_index (journal->attachments, i))->deleted)
      n++;
  return n;
}

static gboolean
copy_frames (WbVault            *self,
             const WbJournalCtx *to,
             GError            **error)
{
  g_autoptr(GArray) keep = frames_to_keep (self);
  WbJournalCtx from;
  WbBuf out = { NULL, 0 };
  guint8 prev[WB_FRAME_TAG_LEN];
  guint64 offset = WB_JOURNAL_START, seq = 0;
  guint i;
  gboolean ok = TRUE;

  vault_ctx (self, &from);
  memset (prev, 0, sizeof prev);
  for (i = 0; ok && i < self->journal.frames->len; i++)
    {
      const WbFrame *frame = &g_array_index (self->journal.frames, WbFrame, i);
      WbFrame written;

      if (!g_array_index (keep, gboolean, i))
        continue;
      ok = wb_frame_read (&from, frame, i, wb_journal_prev_tag (&self->journal, i), &self->buf, error)
           && wb_frame_write (to, offset, seq, frame->type, frame->flags, prev,
                              self->buf.data + WB_FRAME_HEADER_LEN, frame->len, &out, &written, error);
      if (self->buf.data != NULL)
        explicit_bzero (self->buf.data, self->buf.size);
      if (!ok)
        break;
      memcpy (prev, written.tag, sizeof prev);
      offset += WB_FRAME_HEADER_LEN + frame->len + WB_FRAME_TAG_LEN;
      seq++;
    }
  wb_buf_clear (&out);
  return ok;
}

/* Reads the new file back with the same code that opens vaults: it must hold exactly
 * what we meant to keep before it may replace the old one. */
static gboolean
check_compacted (WbVault            *self,
                 const WbJournalCtx *ctx,
                 WbJournal          *journal,
                 GError            **error)
{
  if (!wb_journal_scan (ctx, journal, error))
    return FALSE;
  if (journal->torn_tail || journal->tampered
      || journal->records->len != self->journal.records->len
      || journal->attachments->len != n_live_attachments (&self->journal))
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_CORRUPT,
                   _("The compacted copy did not read back correctly; the original was kept."));
      return FALSE;
    }
  return TRUE;
}

gboolean
wb_vault_compact (WbVault  *self,
                  GError  **error)
{
  g_autofree char *tmp = NULL;
  WbHeader next;
  WbJournal journal;
  WbJournalCtx ctx;
  int fd;
  gboolean ok;

  g_return_val_if_fail (WB_IS_VAULT (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  tmp = g_strdup_printf ("%s.compact-%08x", self->path, g_random_int ());
  fd = g_open (tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, _("Could not create the compacted copy"));
      return FALSE;
    }

  wb_header_copy (&next, &self->header);
  next.generation++;
  /* A new journal id: frames of the old file cannot be spliced into the new one. */
  gcry_randomize (next.journal_id, 16, GCRY_STRONG_RANDOM);
  ctx.fd = fd;
  ctx.key = vault_key (self);
  ctx.scratch = self->secrets + 64;
  memcpy (ctx.vault_id, next.vault_id, 16);
  memcpy (ctx.journal_id, next.journal_id, 16);
  wb_journal_init (&journal);

  ok = lock_file (fd, error)
       && write_headers (fd, &next, vault_mac_key (self), vault_label_key (self), error)
       && copy_frames (self, &ctx, error);
  if (ok && fsync (fd) != 0)
    {
      set_io_error (error, errno, _("Could not save the compacted copy to the disk"));
      ok = FALSE;
    }
  ok = ok && check_compacted (self, &ctx, &journal, error);
  if (ok && g_rename (tmp, self->path) != 0)
    {
      set_io_error (error, errno, _("Could not replace the engagement file"));
      ok = FALSE;
    }
  if (!ok)
    {
      close (fd);
      g_unlink (tmp);
      wb_header_clear (&next);
      wb_journal_clear (&journal);
      return FALSE;
    }

  close (self->fd);
  self->fd = fd;
  wb_header_clear (&self->header);
  self->header = next;
  wb_journal_clear (&self->journal);
  self->journal = journal;
  /* The rename is durable only once the directory is synced. */
  return fsync_dir_of (self->path, error);
}

/* --- verification ---------------------------------------------------------------- */

static gboolean
verify_headers (WbVault  *self,
                GError  **error)
{
  guint8 expected[WB_SB_SIZE];
  guint8 block[WB_SB_SIZE];
  guint copy;

  if (!wb_header_serialize (&self->header, vault_mac_key (self), expected))
    return FALSE;
  for (copy = 0; copy < WB_SB_COPIES; copy++)
    {
      gssize n = wb_pread_all (self->fd, block, WB_SB_SIZE, (guint64) copy * WB_SB_SIZE);

      if (n < 0)
        {
          set_io_error (error, errno, _("Could not read the engagement file"));
          return FALSE;
        }
      /* The header is deterministic, so both copies must be exactly what we would
       * write now; that covers the hash, the MAC and the padding at once. */
      if (n != WB_SB_SIZE || memcmp (block, expected, WB_SB_SIZE) != 0)
        {
          g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_CORRUPT,
                       _("Header copy %s is damaged or out of date."), copy == 0 ? "A" : "B");
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
wb_vault_verify (WbVault   *self,
                 char     **report,
                 GError   **error)
{
  WbJournal journal;
  WbJournalCtx ctx;
  gboolean ok;

  g_return_val_if_fail (WB_IS_VAULT (self), FALSE);

  if (!check_open (self, error) || !verify_headers (self, error))
    return FALSE;

  vault_ctx (self, &ctx);
  wb_journal_init (&journal);
  ok = wb_journal_scan (&ctx, &journal, error);
  if (ok && journal.tampered)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_TAMPERED,
                   _("A record failed its authenticity check while later ones pass: "
                     "the file was damaged or tampered with."));
      ok = FALSE;
    }
  else if (ok && journal.torn_tail)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_CORRUPT,
                   _("The end of the file holds bytes that are not a committed record "
                     "(an unfinished write, damage or a cut-off file)."));
      ok = FALSE;
    }
  else if (ok && journal.frames->len != self->journal.frames->len)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_CORRUPT,
                   _("The file changed since it was opened."));
      ok = FALSE;
    }
  if (ok && report != NULL)
    *report = g_strdup_printf (_("Both header copies are intact and identical (%u key slots). "
                                 "%u records and %u attachments (%u frames, %" G_GUINT64_FORMAT
                                 " bytes) passed their authenticity checks; the chain is unbroken "
                                 "and ends with a committed record."),
                               self->header.slots->len, journal.records->len,
                               n_live_attachments (&journal), journal.frames->len,
                               journal.file_size);
  wb_journal_clear (&journal);
  return ok;
}

/* --- crypto-erase ---------------------------------------------------------------- */

static WbDestructionFacts *
destruction_facts (WbVault *self)
{
  WbDestructionFacts *facts = g_new0 (WbDestructionFacts, 1);
  const WbJournal *j = &self->journal;
  guint i;

  facts->vault_id = g_strdup (self->id_hex);
  facts->path = g_strdup (self->path);
  facts->file_size = j->file_size;
  facts->n_records = j->records->len;
  facts->n_slots_erased = self->header.slots->len;
  facts->created = self->header.created;
  facts->last_change = self->header.created;
  if (j->records->len > 0)
    {
      facts->created = g_array_index (j->records, WbRecordRef, 0).time;
      facts->last_change = g_array_index (j->records, WbRecordRef, j->records->len - 1).time;
    }
  for (i = 0; i < j->attachments->len; i++)
    {
      const WbAttachment *att = g_ptr_array_index (j->attachments, i);

      if (att->deleted)
        continue;
      facts->n_attachments++;
      facts->attachment_bytes += att->size;
    }
  return facts;
}

static int
open_for_erase (WbVault *self)
{
  struct stat a, b;
  int fd;

  if (!self->read_only)
    return dup (self->fd);
  /* Opened read-only (perhaps because it is damaged): erase it all the same, but only
   * if the path still names the file we hold. */
  fd = g_open (self->path, O_WRONLY | O_CLOEXEC, 0);
  if (fd >= 0 && (fstat (fd, &a) != 0 || fstat (self->fd, &b) != 0
                  || a.st_dev != b.st_dev || a.st_ino != b.st_ino))
    {
      close (fd);
      errno = ESTALE;
      return -1;
    }
  return fd;
}

WbDestructionFacts *
wb_vault_destroy (WbVault  *self,
                  GError  **error)
{
  g_autoptr(WbDestructionFacts) facts = NULL;
  guint8 noise[WB_JOURNAL_START];
  int fd, err = 0;
  gboolean ok;

  g_return_val_if_fail (WB_IS_VAULT (self), NULL);

  if (!check_open (self, error))
    return NULL;
  facts = destruction_facts (self);
  fd = open_for_erase (self);
  if (fd < 0)
    {
      set_io_error (error, errno, _("Could not open the engagement file for erasing"));
      return NULL;
    }
  gcry_create_nonce (noise, sizeof noise);
  ok = wb_pwrite_all (fd, noise, sizeof noise, 0, &err);
  if (ok && fdatasync (fd) != 0)
    {
      err = errno;
      ok = FALSE;
    }
  close (fd);
  if (!ok)
    {
      set_io_error (error, err, _("Could not overwrite the key slots"));
      return NULL;
    }
  if (g_unlink (self->path) != 0)
    {
      set_io_error (error, errno, _("The key slots were erased, but the file could not be removed"));
      return NULL;
    }
  if (!fsync_dir_of (self->path, error))
    return NULL;

  facts->destroyed = g_get_real_time () / G_USEC_PER_SEC;
  facts->method = g_strdup_printf (
    _("Crypto-erase. Both header copies, holding all %u key slots with the wrapped engagement "
      "key, were overwritten with random data and written through to the disk (fdatasync); "
      "then the file was removed and its folder synced. The engagement key was wiped from "
      "memory. What remains of the records on the disk is ciphertext for which no key exists "
      "any more."), facts->n_slots_erased);
  facts->limits = g_strdup (
    _("On flash storage (SSD, USB stick, SD card) the drive may keep old copies of overwritten "
      "blocks, so the overwrite is best effort there. A passphrase someone remembers cannot be "
      "destroyed, but without the key slots it opens nothing. Copies of this file elsewhere "
      "(backups, other laptops, synced folders) are not touched by this erase and still open "
      "with their passphrases or key files. Data exported or read before the erase is not "
      "affected."));

  explicit_bzero (noise, sizeof noise);
  wb_secure_free (self->secrets, SECRETS_LEN);
  self->secrets = NULL;
  close (self->fd);
  self->fd = -1;
  self->closed = TRUE;
  return g_steal_pointer (&facts);
}

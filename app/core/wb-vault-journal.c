/* wb-vault-journal.c — the append-only journal of sealed frames
 *
 * Format: docs/vault-format.md §4–§5. Each frame has its own subkey from a fresh
 * random salt, so no nonce state has to survive a crash. The associated data binds
 * the vault, the journal, the frame header (sequence number, type, commit flag,
 * length, salt) and the previous frame's tag: frames cannot be swapped, reordered,
 * replayed or spliced in from another journal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "wb-hkdf.h"
#include "wb-vault-private.h"

#define AD_LEN (16 + 16 + WB_FRAME_HEADER_LEN + WB_FRAME_TAG_LEN)
#define RESYNC_WINDOW (1024 * 1024)

typedef enum {
  FRAME_OK,
  FRAME_BAD,
  FRAME_IO,
} FrameStatus;

static const guint8 zero_tag[WB_FRAME_TAG_LEN] = { 0 };

/* --- small helpers ------------------------------------------------------------- */

void
wb_put16 (guint8 *p, guint16 v)
{
  p[0] = v & 0xff;
  p[1] = v >> 8;
}

guint16
wb_get16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

void
wb_put64 (guint8 *p, guint64 v)
{
  guint i;

  for (i = 0; i < 8; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

guint64
wb_get64 (const guint8 *p)
{
  guint64 v = 0;
  int i;

  for (i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

static guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static void
put32 (guint8 *p, guint32 v)
{
  guint i;

  for (i = 0; i < 4; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

gboolean
wb_pwrite_all (int         fd,
               const void *data,
               gsize       len,
               guint64     offset,
               int        *err)
{
  const guint8 *p = data;

  while (len > 0)
    {
      ssize_t n = pwrite (fd, p, len, (off_t) offset);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *err = n < 0 ? errno : EIO;
          return FALSE;
        }
      p += n;
      len -= (gsize) n;
      offset += (guint64) n;
    }
  return TRUE;
}

gssize
wb_pread_all (int      fd,
              void    *data,
              gsize    len,
              guint64  offset)
{
  guint8 *p = data;
  gsize done = 0;

  while (done < len)
    {
      ssize_t n = pread (fd, p + done, len - done, (off_t) (offset + done));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      done += (gsize) n;
    }
  return (gssize) done;
}

static void
buf_ensure (WbBuf *buf,
            gsize  size)
{
  if (buf->size >= size)
    return;
  /* Plaintext passes through this buffer: wipe before letting go of it. */
  wb_buf_clear (buf);
  buf->data = g_malloc (size);
  buf->size = size;
}

void
wb_buf_clear (WbBuf *buf)
{
  if (buf->data != NULL)
    explicit_bzero (buf->data, buf->size);
  g_clear_pointer (&buf->data, g_free);
  buf->size = 0;
}

static void
attachment_free (WbAttachment *att)
{
  g_free (att->name);
  g_free (att->content_type);
  g_clear_pointer (&att->chunks, g_array_unref);
  g_free (att);
}

void
wb_journal_init (WbJournal *journal)
{
  memset (journal, 0, sizeof *journal);
  journal->frames = g_array_new (FALSE, FALSE, sizeof (WbFrame));
  journal->records = g_array_new (FALSE, FALSE, sizeof (WbRecordRef));
  journal->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
  journal->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  journal->commit_end = WB_JOURNAL_START;
}

void
wb_journal_clear (WbJournal *journal)
{
  g_clear_pointer (&journal->frames, g_array_unref);
  g_clear_pointer (&journal->records, g_array_unref);
  g_clear_pointer (&journal->by_id, g_hash_table_unref);
  g_clear_pointer (&journal->attachments, g_ptr_array_unref);
}

const guint8 *
wb_journal_prev_tag (const WbJournal *journal,
                     guint            frame)
{
  if (frame == 0)
    return zero_tag;
  return g_array_index (journal->frames, WbFrame, frame - 1).tag;
}

static gboolean
type_valid (guint16 type)
{
  return (type >= 1 && type <= WB_FRAME_RECORD_MAX)
         || (type >= WB_FRAME_ATT_BEGIN && type <= WB_FRAME_ATT_DELETE);
}

/* --- sealing --------------------------------------------------------------------- */

static gboolean
frame_subkey (const WbJournalCtx *ctx,
              const guint8       *salt)
{
  /* 32 bytes of AES key and 12 of nonce, both unique to this frame's salt. */
  return wb_hkdf_sha256 (salt, WB_FRAME_SALT_LEN, ctx->key, WB_KEY_LEN,
                         (const guint8 *) WB_INFO_FRAME, strlen (WB_INFO_FRAME),
                         ctx->scratch, 44);
}

/* The NULL test is for GCC: at -O2 with sanitizers it cannot see that the scratch buffer
 * is always set and warns (-Wnonnull), which --werror turns into a failed build. */
static void
wipe_subkey (const WbJournalCtx *ctx)
{
  if (ctx->scratch != NULL)
    explicit_bzero (ctx->scratch, 44);
}

static void
frame_ad (const WbJournalCtx *ctx,
          const guint8       *header,
          const guint8       *prev_tag,
          guint8              ad[AD_LEN])
{
  memcpy (ad, ctx->vault_id, 16);
  memcpy (ad + 16, ctx->journal_id, 16);
  memcpy (ad + 32, header, WB_FRAME_HEADER_LEN);
  memcpy (ad + 32 + WB_FRAME_HEADER_LEN, prev_tag, WB_FRAME_TAG_LEN);
}

gboolean
wb_frame_write (const WbJournalCtx *ctx,
                guint64             offset,
                guint64             seq,
                guint16             type,
                guint8              flags,
                const guint8        prev_tag[16],
                const guint8       *plain,
                gsize               len,
                WbBuf              *scratch,
                WbFrame            *out,
                GError            **error)
{
  gsize total = WB_FRAME_HEADER_LEN + len + WB_FRAME_TAG_LEN;
  guint8 ad[AD_LEN];
  guint8 *h;
  int err = 0;
  gboolean ok;

  g_assert (len <= WB_FRAME_MAX_LEN);
  buf_ensure (scratch, total);
  h = scratch->data;
  memset (h, 0, WB_FRAME_HEADER_LEN);
  memcpy (h, WB_FRAME_MAGIC, 4);
  wb_put16 (h + WB_FRAME_OFF_TYPE, type);
  h[WB_FRAME_OFF_FLAGS] = flags;
  wb_put64 (h + WB_FRAME_OFF_SEQ, seq);
  put32 (h + WB_FRAME_OFF_LEN, (guint32) len);
  gcry_create_nonce (h + WB_FRAME_OFF_SALT, WB_FRAME_SALT_LEN);
  frame_ad (ctx, h, prev_tag, ad);

  ok = frame_subkey (ctx, h + WB_FRAME_OFF_SALT)
       && wb_vault_gcm_seal (ctx->scratch, ctx->scratch + 32, ad, AD_LEN, plain,
                             h + WB_FRAME_HEADER_LEN, len, h + WB_FRAME_HEADER_LEN + len);
  wipe_subkey (ctx);
  if (!ok)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_SECMEM, _("Encryption failed."));
      return FALSE;
    }
  if (!wb_pwrite_all (ctx->fd, h, total, offset, &err))
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_IO,
                   _("Could not write the engagement file: %s"), g_strerror (err));
      return FALSE;
    }
  out->offset = offset;
  out->len = (guint32) len;
  out->type = type;
  out->flags = flags;
  memcpy (out->tag, h + WB_FRAME_HEADER_LEN + len, WB_FRAME_TAG_LEN);
  return TRUE;
}

/* Reads the frame at @offset and authenticates it. With @any_seq the header's own
 * sequence number is taken (used when looking for valid frames after damage). */
static FrameStatus
frame_check (const WbJournalCtx *ctx,
             guint64             offset,
             guint64             limit,
             gboolean            any_seq,
             guint64             seq,
             const guint8       *prev_tag,
             WbBuf              *buf,
             WbFrame            *out)
{
  guint8 hdr[WB_FRAME_HEADER_LEN];
  guint8 ad[AD_LEN];
  guint32 len;
  guint16 type;
  gssize n;
  gboolean ok;

  if (offset + WB_FRAME_HEADER_LEN + WB_FRAME_TAG_LEN > limit)
    return FRAME_BAD;
  n = wb_pread_all (ctx->fd, hdr, sizeof hdr, offset);
  if (n < 0)
    return FRAME_IO;
  if (n != sizeof hdr || memcmp (hdr, WB_FRAME_MAGIC, 4) != 0)
    return FRAME_BAD;
  type = wb_get16 (hdr + WB_FRAME_OFF_TYPE);
  len = get32 (hdr + WB_FRAME_OFF_LEN);
  if (!type_valid (type) || (hdr[WB_FRAME_OFF_FLAGS] & ~WB_FRAME_FLAG_COMMIT) != 0
      || hdr[WB_FRAME_OFF_RESERVED] != 0 || get32 (hdr + WB_FRAME_OFF_RESERVED2) != 0
      || len > WB_FRAME_MAX_LEN
      || (!any_seq && wb_get64 (hdr + WB_FRAME_OFF_SEQ) != seq))
    return FRAME_BAD;
  if (offset + WB_FRAME_HEADER_LEN + len + WB_FRAME_TAG_LEN > limit)
    return FRAME_BAD;

  buf_ensure (buf, WB_FRAME_HEADER_LEN + (gsize) len + WB_FRAME_TAG_LEN);
  memcpy (buf->data, hdr, sizeof hdr);
  n = wb_pread_all (ctx->fd, buf->data + WB_FRAME_HEADER_LEN, len + WB_FRAME_TAG_LEN,
                    offset + WB_FRAME_HEADER_LEN);
  if (n < 0)
    return FRAME_IO;
  if ((gsize) n != len + WB_FRAME_TAG_LEN)
    return FRAME_BAD;

  frame_ad (ctx, hdr, prev_tag, ad);
  ok = frame_subkey (ctx, hdr + WB_FRAME_OFF_SALT)
       && wb_vault_gcm_open (ctx->scratch, ctx->scratch + 32, ad, AD_LEN,
                             buf->data + WB_FRAME_HEADER_LEN, buf->data + WB_FRAME_HEADER_LEN,
                             len, buf->data + WB_FRAME_HEADER_LEN + len);
  wipe_subkey (ctx);
  if (!ok)
    return FRAME_BAD;

  out->offset = offset;
  out->len = len;
  out->type = type;
  out->flags = hdr[WB_FRAME_OFF_FLAGS];
  memcpy (out->tag, buf->data + WB_FRAME_HEADER_LEN + len, WB_FRAME_TAG_LEN);
  return FRAME_OK;
}

gboolean
wb_frame_read (const WbJournalCtx *ctx,
               const WbFrame      *frame,
               guint64             seq,
               const guint8        prev_tag[16],
               WbBuf              *buf,
               GError            **error)
{
  WbFrame check;
  FrameStatus status;

  status = frame_check (ctx, frame->offset, G_MAXUINT64, FALSE, seq, prev_tag, buf, &check);
  if (status == FRAME_IO)
    {
      int saved = errno;
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_IO,
                   _("Could not read the engagement file: %s"), g_strerror (saved));
      return FALSE;
    }
  /* The index was built from these very bytes; any difference now means the file
   * changed under us. */
  if (status != FRAME_OK || check.len != frame->len || check.type != frame->type
      || memcmp (check.tag, frame->tag, WB_FRAME_TAG_LEN) != 0)
    {
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_CORRUPT,
                   _("A record failed its authenticity check; the file was changed or damaged."));
      return FALSE;
    }
  return TRUE;
}

/* --- scanning -------------------------------------------------------------------- */

typedef struct {
  WbJournal    *journal;
  WbAttachment *pending;     /* an attachment whose end frame has not come yet */
  GArray       *uncommitted; /* frames after the last commit */
  GArray       *pending_records;
} Scan;

static void
hex16 (const guint8 id[16],
       char         out[33])
{
  static const char digits[] = "0123456789abcdef";
  guint i;

  for (i = 0; i < 16; i++)
    {
      out[2 * i] = digits[id[i] >> 4];
      out[2 * i + 1] = digits[id[i] & 15];
    }
  out[32] = '\0';
}

static gboolean
parse_begin (const guint8  *p,
             gsize          len,
             WbAttachment **out)
{
  WbAttachment *att;
  guint16 name_len, type_len;

  if (len < 8 + 16 + 2)
    return FALSE;
  name_len = wb_get16 (p + 24);
  if (len < 8 + 16 + 2 + (gsize) name_len + 2)
    return FALSE;
  type_len = wb_get16 (p + 26 + name_len);
  if (len != 8 + 16 + 2 + (gsize) name_len + 2 + type_len)
    return FALSE;
  if (!g_utf8_validate_len ((const char *) p + 26, name_len, NULL)
      || !g_utf8_validate_len ((const char *) p + 28 + name_len, type_len, NULL))
    return FALSE;
  att = g_new0 (WbAttachment, 1);
  att->created = (gint64) wb_get64 (p);
  memcpy (att->id, p + 8, 16);
  hex16 (att->id, att->id_hex);
  att->name = g_strndup ((const char *) p + 26, name_len);
  att->content_type = g_strndup ((const char *) p + 28 + name_len, type_len);
  att->chunks = g_array_new (FALSE, FALSE, sizeof (guint));
  *out = att;
  return TRUE;
}

/* Applies one authenticated frame; FALSE if it makes no sense where it stands, which
 * only a broken writer or someone holding the key could cause. */
static gboolean
scan_apply (Scan          *scan,
            const WbFrame *frame,
            guint          index,
            const guint8  *plain)
{
  WbJournal *j = scan->journal;
  gboolean commit = (frame->flags & WB_FRAME_FLAG_COMMIT) != 0;

  if (frame->type <= WB_FRAME_RECORD_MAX)
    {
      WbRecordRef ref;

      if (!commit || scan->pending != NULL || frame->len < 8)
        return FALSE;
      ref.frame = index;
      ref.type = frame->type;
      ref.time = (gint64) wb_get64 (plain);
      ref.size = frame->len - 8;
      g_array_append_val (scan->pending_records, ref);
      return TRUE;
    }

  switch (frame->type)
    {
    case WB_FRAME_ATT_BEGIN:
      {
        WbAttachment *att = NULL;

        if (commit || scan->pending != NULL || !parse_begin (plain, frame->len, &att))
          return FALSE;
        if (g_hash_table_contains (j->by_id, att->id_hex))
          {
            attachment_free (att);
            return FALSE;
          }
        att->begin_frame = index;
        scan->pending = att;
        return TRUE;
      }
    case WB_FRAME_ATT_CHUNK:
      if (commit || scan->pending == NULL || frame->len == 0 || frame->len > WB_ATTACHMENT_CHUNK)
        return FALSE;
      g_array_append_val (scan->pending->chunks, index);
      scan->pending->size += frame->len;
      return TRUE;
    case WB_FRAME_ATT_END:
      if (!commit || scan->pending == NULL || frame->len != 32
          || memcmp (plain, scan->pending->id, 16) != 0
          || wb_get64 (plain + 16) != scan->pending->size
          || wb_get64 (plain + 24) != scan->pending->chunks->len)
        return FALSE;
      return TRUE;
    case WB_FRAME_ATT_DELETE:
      {
        char hex[33];
        WbAttachment *att;

        if (!commit || scan->pending != NULL || frame->len != 24)
          return FALSE;
        hex16 (plain + 8, hex);
        att = g_hash_table_lookup (j->by_id, hex);
        if (att == NULL || att->deleted)
          return FALSE;
        att->deleted = TRUE;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

static void
scan_commit (Scan    *scan,
             guint64  end)
{
  WbJournal *j = scan->journal;

  g_array_append_vals (j->frames, scan->uncommitted->data, scan->uncommitted->len);
  g_array_set_size (scan->uncommitted, 0);
  g_array_append_vals (j->records, scan->pending_records->data, scan->pending_records->len);
  g_array_set_size (scan->pending_records, 0);
  if (scan->pending != NULL)
    {
      g_ptr_array_add (j->attachments, scan->pending);
      g_hash_table_insert (j->by_id, scan->pending->id_hex, scan->pending);
      scan->pending = NULL;
    }
  j->commit_end = end;
}

/* After a frame that does not verify: is there a valid *commit* frame later on? A
 * commit's fdatasync made everything before it durable, so a good commit after bad
 * bytes cannot come from a crash: it means tampering or damage. Valid frames without
 * a commit after the damage are the unsynced remains of an interrupted write. */
static FrameStatus
find_commit_after (const WbJournalCtx *ctx,
                   guint64             from,
                   guint64             limit,
                   WbBuf              *buf)
{
  g_autofree guint8 *window = g_malloc (RESYNC_WINDOW);
  guint64 pos = from;

  while (pos + WB_FRAME_HEADER_LEN + WB_FRAME_TAG_LEN <= limit)
    {
      gssize n = wb_pread_all (ctx->fd, window, RESYNC_WINDOW, pos);
      gsize i;

      if (n < 0)
        return FRAME_IO;
      if (n < 4)
        break;
      for (i = 0; i + 4 <= (gsize) n; i++)
        {
          guint8 prev[WB_FRAME_TAG_LEN];
          guint64 at = pos + i;
          WbFrame frame;

          if (memcmp (window + i, WB_FRAME_MAGIC, 4) != 0)
            continue;
          if (at >= WB_JOURNAL_START + WB_FRAME_TAG_LEN)
            {
              if (wb_pread_all (ctx->fd, prev, sizeof prev, at - WB_FRAME_TAG_LEN) != sizeof prev)
                return FRAME_IO;
            }
          else
            memset (prev, 0, sizeof prev);
          if (frame_check (ctx, at, limit, TRUE, 0, prev, buf, &frame) == FRAME_OK
              && (frame.flags & WB_FRAME_FLAG_COMMIT) != 0)
            return FRAME_OK;
        }
      pos += (guint64) n - 3;
    }
  return FRAME_BAD;
}

gboolean
wb_journal_scan (const WbJournalCtx *ctx,
                 WbJournal          *journal,
                 GError            **error)
{
  Scan scan = { journal, NULL, NULL, NULL };
  WbBuf buf = { NULL, 0 };
  guint8 prev[WB_FRAME_TAG_LEN];
  guint64 offset = WB_JOURNAL_START;
  guint64 limit;
  off_t size;
  FrameStatus status = FRAME_OK;
  gboolean ok = TRUE;

  size = lseek (ctx->fd, 0, SEEK_END);
  if (size < 0)
    {
      int saved = errno;
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_IO,
                   _("Could not read the engagement file: %s"), g_strerror (saved));
      return FALSE;
    }
  limit = (guint64) size;
  journal->file_size = limit;
  scan.uncommitted = g_array_new (FALSE, FALSE, sizeof (WbFrame));
  scan.pending_records = g_array_new (FALSE, FALSE, sizeof (WbRecordRef));
  memset (prev, 0, sizeof prev);

  while (offset < limit)
    {
      WbFrame frame;
      guint index = journal->frames->len + scan.uncommitted->len;

      status = frame_check (ctx, offset, limit, FALSE, index, prev, &buf, &frame);
      if (status != FRAME_OK)
        break;
      if (!scan_apply (&scan, &frame, index, buf.data + WB_FRAME_HEADER_LEN))
        {
          status = FRAME_BAD;
          break;
        }
      g_array_append_val (scan.uncommitted, frame);
      memcpy (prev, frame.tag, sizeof prev);
      offset += WB_FRAME_HEADER_LEN + frame.len + WB_FRAME_TAG_LEN;
      if (frame.flags & WB_FRAME_FLAG_COMMIT)
        scan_commit (&scan, offset);
    }

  if (status == FRAME_BAD)
    {
      journal->bad_offset = offset;
      status = find_commit_after (ctx, offset + 1, limit, &buf);
      if (status == FRAME_OK)
        journal->tampered = TRUE;
    }
  if (status == FRAME_IO)
    {
      int saved = errno;
      g_set_error (error, WB_VAULT_ERROR, WB_VAULT_ERROR_IO,
                   _("Could not read the engagement file: %s"), g_strerror (saved));
      ok = FALSE;
    }
  if (!journal->tampered && journal->commit_end < limit)
    journal->torn_tail = TRUE;

  if (scan.pending != NULL)
    attachment_free (scan.pending);
  g_array_unref (scan.uncommitted);
  g_array_unref (scan.pending_records);
  wb_buf_clear (&buf);
  return ok;
}

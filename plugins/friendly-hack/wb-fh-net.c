/* wb-fh-net.c — one HTTP request through GIO, one DNS lookup through GResolver
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "wb-fh-net.h"

void
wb_fh_page_free (WbFhPage *page)
{
  if (page == NULL)
    return;
  g_free (page->url);
  g_strfreev (page->headers);
  g_free (page->body);
  g_free (page->cert_not_after);
  g_free (page->error);
  g_free (page);
}

/* Certificate problems are findings, not reasons to stop: accept, and remember them. */
static gboolean
on_accept_certificate (GTlsConnection       *connection,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  WbFhPage *page = user_data;

  page->cert_errors = errors;
  return TRUE;
}

static void
on_client_event (GSocketClient      *client,
                 GSocketClientEvent  event,
                 GSocketConnectable *connectable,
                 GIOStream          *connection,
                 gpointer            user_data)
{
  if (event == G_SOCKET_CLIENT_TLS_HANDSHAKING && G_IS_TLS_CONNECTION (connection))
    g_signal_connect (connection, "accept-certificate", G_CALLBACK (on_accept_certificate),
                      user_data);
}

static void
read_tls_details (WbFhPage *page, GIOStream *stream)
{
  GTlsConnection *tls = NULL;
  GTlsCertificate *certificate;

  if (G_IS_TCP_WRAPPER_CONNECTION (stream))
    stream = g_tcp_wrapper_connection_get_base_io_stream (G_TCP_WRAPPER_CONNECTION (stream));
  if (!G_IS_TLS_CONNECTION (stream))
    return;
  tls = G_TLS_CONNECTION (stream);
  page->tls_version = g_tls_connection_get_protocol_version (tls);
  certificate = g_tls_connection_get_peer_certificate (tls);
  if (certificate != NULL)
    {
      g_autoptr(GDateTime) not_after = g_tls_certificate_get_not_valid_after (certificate);

      if (not_after != NULL)
        page->cert_not_after = g_date_time_format_iso8601 (not_after);
    }
}

/* "HTTP/1.1 200 OK\r\nName: value\r\n...\r\n\r\nbody": status, headers, body. */
static void
parse_response (WbFhPage *page, const char *data, gsize length)
{
  const char *end = g_strstr_len (data, length, "\r\n\r\n");
  g_autofree char *head = NULL;
  g_auto(GStrv) lines = NULL;
  GStrvBuilder *builder = g_strv_builder_new ();

  if (end == NULL)
    end = data + length;
  head = g_strndup (data, end - data);
  lines = g_strsplit (head, "\r\n", -1);
  if (lines[0] == NULL || sscanf (lines[0], "HTTP/%*d.%*d %d", &page->status) != 1)
    {
      page->status = 0;
      page->error = g_strdup (_("The answer is not HTTP."));
    }
  for (guint i = 1; lines[0] != NULL && lines[i] != NULL; i++)
    if (strchr (lines[i], ':') != NULL && g_utf8_validate (lines[i], -1, NULL))
      g_strv_builder_add (builder, lines[i]);
  page->headers = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  if (end + 4 <= data + length)
    page->body = g_strndup (end + 4, data + length - (end + 4));
  else
    page->body = g_strdup ("");
}

WbFhPage *
wb_fh_fetch (const char *url, GCancellable *cancellable)
{
  WbFhPage *page = g_new0 (WbFhPage, 1);
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  gboolean https;
  const char *path;
  guint8 chunk[8192];

  page->url = g_strdup (url);
  page->headers = g_new0 (char *, 1);
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &error);
  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      page->error = g_strdup_printf (_("“%s” is not an http or https address."), url);
      return page;
    }
  https = g_str_equal (g_uri_get_scheme (uri), "https");
  g_socket_client_set_timeout (client, WB_FH_TIMEOUT_SECONDS);
  /* Straight to the target the agreement names: never through a proxy. */
  g_socket_client_set_enable_proxy (client, FALSE);
  g_socket_client_set_tls (client, https);
  g_signal_connect (client, "event", G_CALLBACK (on_client_event), page);
  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri),
                                                g_uri_get_port (uri) > 0 ? g_uri_get_port (uri)
                                                                         : (https ? 443 : 80),
                                                cancellable, &error);
  if (connection == NULL)
    {
      page->error = g_strdup_printf (_("No connection to %s: %s"), g_uri_get_host (uri),
                                     error->message);
      return page;
    }
  read_tls_details (page, G_IO_STREAM (connection));
  path = *g_uri_get_path (uri) != '\0' ? g_uri_get_path (uri) : "/";
  /* HTTP/1.0: no chunked answers to decode, and the server closes when done. */
  request = g_strdup_printf ("GET %s HTTP/1.0\r\nHost: %s\r\nUser-Agent: Werkbank/%s "
                             "(friendly-hack check)\r\nAccept: */*\r\n\r\n",
                             path, g_uri_get_host (uri), PACKAGE_VERSION);
  if (!g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                  request, strlen (request), NULL, cancellable, &error))
    {
      page->error = g_strdup_printf (_("The request could not be sent: %s"), error->message);
      return page;
    }
  while (buffer->len < WB_FH_MAX_BODY)
    {
      gssize n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                                      chunk, MIN (sizeof chunk, WB_FH_MAX_BODY - buffer->len),
                                      cancellable, &error);
      if (n < 0)
        {
          /* What arrived before the error still counts. */
          if (buffer->len == 0)
            {
              page->error = g_strdup_printf (_("No answer: %s"), error->message);
              return page;
            }
          break;
        }
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, n);
    }
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  g_strfreev (page->headers);
  page->headers = NULL;
  parse_response (page, (const char *) buffer->data, buffer->len);
  return page;
}

static char *
find_tls_check (void)
{
  const char *env = g_getenv ("WERKBANK_TLS_CHECK");
  const char *candidates[] = {
    WB_LIBEXECDIR "/werkbank-tls-check",
    WB_BUILD_ROOT "/plugins/network/werkbank-tls-check",
    NULL
  };

  if (env != NULL && *env != '\0')
    return g_file_test (env, G_FILE_TEST_IS_EXECUTABLE) ? g_strdup (env) : NULL;
  for (guint i = 0; candidates[i] != NULL; i++)
    if (g_file_test (candidates[i], G_FILE_TEST_IS_EXECUTABLE))
      return g_strdup (candidates[i]);
  return NULL;
}

char *
wb_fh_old_tls (const char *host, guint16 port, GCancellable *cancellable, gboolean *checked)
{
  g_autofree char *helper = find_tls_check ();
  g_autoptr(GResolver) resolver = g_resolver_get_default ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) check = NULL;
  g_autofree char *address = NULL;
  g_autofree char *number = g_strdup_printf ("%u", port);
  g_autofree char *out = NULL;
  GList *addresses;

  *checked = FALSE;
  if (helper == NULL)
    return NULL;
  addresses = g_resolver_lookup_by_name (resolver, host, cancellable, NULL);
  if (addresses == NULL)
    return NULL;
  address = g_inet_address_to_string (addresses->data);
  g_resolver_free_addresses (addresses);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "G_TLS_GNUTLS_PRIORITY",
                                "NORMAL:-VERS-ALL:+VERS-TLS1.1:+VERS-TLS1.0", TRUE);
  check = g_subprocess_launcher_spawn (launcher, NULL, helper, address, number, NULL);
  if (check == NULL ||
      !g_subprocess_communicate_utf8 (check, NULL, cancellable, &out, NULL, NULL) ||
      !g_subprocess_get_if_exited (check))
    return NULL;
  *checked = TRUE;
  if (g_subprocess_get_exit_status (check) != 0 || out == NULL)
    return NULL;
  g_strstrip (out);
  return g_str_has_prefix (out, "TLS 1.") ? g_steal_pointer (&out) : NULL;
}

void
wb_fh_lookup_clear (WbFhLookup *lookup)
{
  g_clear_pointer (&lookup->records, g_strfreev);
  g_clear_pointer (&lookup->error, g_free);
}

static char *
record_text (GVariant *record, GResolverRecordType type)
{
  if (type == G_RESOLVER_RECORD_MX)
    {
      guint16 priority;
      const char *host;

      g_variant_get (record, "(q&s)", &priority, &host);
      return g_strdup_printf ("%u %s", priority, host);
    }
  else
    {
      g_autoptr(GVariantIter) iter = NULL;
      GString *text = g_string_new (NULL);
      const char *part;

      /* A TXT record may be split in strings of 255 bytes: they belong together. */
      g_variant_get (record, "(as)", &iter);
      while (g_variant_iter_next (iter, "&s", &part))
        g_string_append (text, part);
      return g_string_free (text, FALSE);
    }
}

void
wb_fh_lookup (GResolver *resolver, const char *name, GResolverRecordType type,
              GCancellable *cancellable, WbFhLookup *out)
{
  g_autoptr(GError) error = NULL;
  GList *records = g_resolver_lookup_records (resolver, name, type, cancellable, &error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  out->error = NULL;
  if (records == NULL && !g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND))
    out->error = g_strdup_printf (_("The DNS question for %s was not answered: %s"), name,
                                  error != NULL ? error->message : "?");
  for (GList *l = records; l != NULL; l = l->next)
    {
      g_autofree char *text = record_text (l->data, type);

      if (g_utf8_validate (text, -1, NULL))
        g_strv_builder_add (builder, text);
    }
  g_list_free_full (records, (GDestroyNotify) g_variant_unref);
  out->records = g_strv_builder_end (builder);
}

/* fuzz-network-banner.c — libFuzzer target for the network plugin's banner parsers and
 * the nmap XML import: bytes a scanned service (or a file from elsewhere) chose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>

#include "wb-network-banner.h"
#include "wb-network-xml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static WbScope *scope;
  WbBannerInfo info = { 0 };
  WbHttpInfo http = { 0 };
  guint32 protocol;
  guint16 dialect;
  char *text;
  JsonArray *hosts;

  if (scope == NULL)
    {
      scope = wb_scope_new ();
      wb_scope_add (scope, "198.18.0.0/16", NULL);
    }
  wb_banner_parse_ssh (data, size, &info);
  wb_banner_parse_ftp (data, size, &info);
  wb_banner_parse_smtp (data, size, &info);
  wb_banner_parse_http (data, size, &http, &info);
  wb_banner_http_complete (data, size, 8192);
  wb_banner_parse_telnet (data, size, &info);
  wb_banner_parse_vnc (data, size, &info);
  wb_banner_parse_mysql (data, size, &info);
  wb_banner_parse_rdp (data, size, &protocol);
  wb_banner_parse_smb (data, size, &dialect);
  wb_banner_reply_code (data, size);
  wb_banner_info_clear (&info);
  wb_http_info_clear (&http);
  text = wb_banner_sanitize (data, size, WB_BANNER_MAX_CHARS);
  g_assert (g_utf8_validate (text, -1, NULL));
  g_free (text);
  hosts = wb_nmap_xml_import ((const char *) data, size, scope, NULL);
  if (hosts != NULL)
    json_array_unref (hosts);
  return 0;
}

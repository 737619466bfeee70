/* test-inventory.c — software inventory exports: every format, encodings, bad rows
 *
 * The exports here are made up (no client data): they have the shape the documented
 * commands produce (docs/patching.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wb-init.h"
#include "wb-inventory.h"

static WbInventory *
parse_ok (const char *data, gssize length, WbInventoryFormat format)
{
  g_autoptr(GError) error = NULL;
  WbInventory *inventory = wb_inventory_parse (data, length < 0 ? strlen (data) : (gsize) length,
                                               format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (inventory);
  return inventory;
}

static WbInventoryItem *
item (WbInventory *inventory, guint i)
{
  g_assert_cmpuint (i, <, inventory->items->len);
  return g_ptr_array_index (inventory->items, i);
}

static void
assert_skipped (WbInventory *inventory, const guint *lines, guint n)
{
  g_assert_cmpuint (inventory->n_skipped, ==, n);
  g_assert_cmpuint (inventory->skipped_lines->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (inventory->skipped_lines, guint, i), ==, lines[i]);
}

#define CSV_TEXT \
  "#TYPE Selected.System.Management.Automation.PSCustomObject\r\n" \
  "\"DisplayName\",\"DisplayVersion\",\"Publisher\",\"InstallDate\"\r\n" \
  "\"Mozilla Firefox (x64 nl)\",\"132.0.2\",\"Mozilla\",\"20241120\"\r\n" \
  "\"7-Zip 23.01 (x64)\",\"23.01\",\"Igor Pavlov\",\"\"\r\n" \
  "\"Broken \"quote\",\"1.0\",\"X\",\"\"\r\n" \
  "\"Too\",\"few\"\r\n" \
  "\"PHP 8.1 \"\"NTS\"\"\",\"8.1.2\",\"The PHP Group\",\"\"\r\n" \
  "\"\",\"1.0\",\"Nameless\",\"\"\r\n"

static void
test_powershell_csv (void)
{
  static const guint skipped[] = { 5, 6, 8 };
  g_autoptr(WbInventory) inventory = parse_ok (CSV_TEXT, -1, WB_INVENTORY_FORMAT_AUTO);
  g_autofree char *summary = wb_inventory_describe (inventory);

  g_assert_cmpint (inventory->format, ==, WB_INVENTORY_FORMAT_POWERSHELL_CSV);
  g_assert_cmpstr (inventory->encoding, ==, "UTF-8");
  g_assert_cmpuint (inventory->items->len, ==, 3);
  g_assert_cmpstr (item (inventory, 0)->name, ==, "Mozilla Firefox (x64 nl)");
  g_assert_cmpstr (item (inventory, 0)->version, ==, "132.0.2");
  g_assert_cmpstr (item (inventory, 0)->publisher, ==, "Mozilla");
  g_assert_cmpstr (item (inventory, 2)->name, ==, "PHP 8.1 \"NTS\"");
  assert_skipped (inventory, skipped, G_N_ELEMENTS (skipped));
  g_assert_cmpstr (summary, ==, "3 programs read; 3 malformed rows skipped (lines 5, 6, 8)");
}

static void
test_utf16 (void)
{
  g_autoptr(GError) error = NULL;
  gsize written;
  g_autofree char *utf16 = g_convert (CSV_TEXT, -1, "UTF-16LE", "UTF-8", NULL, &written, &error);
  g_autofree char *with_bom = g_malloc (written + 2);
  g_autoptr(WbInventory) bom = NULL;
  g_autoptr(WbInventory) no_bom = NULL;

  g_assert_no_error (error);
  with_bom[0] = (char) 0xFF;
  with_bom[1] = (char) 0xFE;
  memcpy (with_bom + 2, utf16, written);
  bom = parse_ok (with_bom, written + 2, WB_INVENTORY_FORMAT_AUTO);
  no_bom = parse_ok (utf16, written, WB_INVENTORY_FORMAT_POWERSHELL_CSV);
  g_assert_cmpstr (bom->encoding, ==, "UTF-16LE");
  g_assert_cmpuint (bom->items->len, ==, 3);
  g_assert_cmpuint (bom->n_skipped, ==, 3);
  g_assert_cmpstr (item (bom, 1)->name, ==, "7-Zip 23.01 (x64)");
  g_assert_cmpstr (no_bom->encoding, ==, "UTF-16LE");
  g_assert_cmpuint (no_bom->items->len, ==, 3);
}

static void
test_windows_1252 (void)
{
  /* "Café Kassa" in the ANSI code page (é = 0xE9), as Export-Csv in PowerShell 5 writes. */
  const char csv[] = "\"DisplayName\",\"DisplayVersion\"\n\"Caf\xe9 Kassa\",\"2.1\"\n";
  g_autoptr(WbInventory) inventory = parse_ok (csv, -1, WB_INVENTORY_FORMAT_AUTO);

  g_assert_cmpstr (inventory->encoding, ==, "WINDOWS-1252");
  g_assert_cmpstr (item (inventory, 0)->name, ==, "Café Kassa");
}

static void
test_powershell_json (void)
{
  const char json[] =
    "[\n"
    " { \"DisplayName\": \"Microsoft Office Professional Plus 2016\", \"DisplayVersion\": \"16.0.4266.1001\","
    "   \"Publisher\": \"Microsoft Corporation\", \"InstallDate\": null },\n"
    " { \"DisplayName\": null, \"DisplayVersion\": \"1.0\" },\n"
    " 42,\n"
    " { \"DisplayName\": \"Tool\", \"DisplayVersion\": 3, \"Publisher\": null }\n"
    "]\n";
  const char single[] = "{ \"DisplayName\": \"Only One\", \"DisplayVersion\": \"1.2\" }";
  static const guint skipped[] = { 2, 3 };
  g_autoptr(WbInventory) inventory = parse_ok (json, -1, WB_INVENTORY_FORMAT_AUTO);
  g_autoptr(WbInventory) one = parse_ok (single, -1, WB_INVENTORY_FORMAT_POWERSHELL_JSON);
  g_autofree char *summary = wb_inventory_describe (inventory);

  g_assert_cmpint (inventory->format, ==, WB_INVENTORY_FORMAT_POWERSHELL_JSON);
  g_assert_cmpuint (inventory->items->len, ==, 2);
  g_assert_cmpstr (item (inventory, 1)->version, ==, "3");
  g_assert_null (item (inventory, 1)->publisher);
  g_assert_true (inventory->skipped_are_entries);
  assert_skipped (inventory, skipped, G_N_ELEMENTS (skipped));
  g_assert_nonnull (strstr (summary, "entries 2, 3"));
  g_assert_cmpuint (one->items->len, ==, 1);
  g_assert_cmpstr (item (one, 0)->name, ==, "Only One");
}

static void
test_winget (void)
{
  const char text[] =
    "   - \r   \\ \r   | \rName                                   Id                                     Version          Available Source\n"
    "------------------------------------------------------------------------------------------------------------------\n"
    "Microsoft Edge                         Microsoft.Edge                         131.0.2903.70              winget\n"
    "Microsoft Visual C++ 2015-2022 Redist… Microsoft.VCRedist.2015+.x64           14.40.33810.0    14.42.34… winget\n"
    "Café Kassa                             ARP\\Machine\\X64\\CafeKassa                Unknown\n"
    "cut off\n"
    "Old Tool                               Vendor.OldTool                         < 2.0\n";
  static const guint skipped[] = { 6 };
  g_autoptr(WbInventory) inventory = parse_ok (text, -1, WB_INVENTORY_FORMAT_AUTO);

  g_assert_cmpint (inventory->format, ==, WB_INVENTORY_FORMAT_WINGET);
  g_assert_cmpuint (inventory->items->len, ==, 4);
  g_assert_cmpstr (item (inventory, 0)->name, ==, "Microsoft Edge");
  g_assert_cmpstr (item (inventory, 0)->version, ==, "131.0.2903.70");
  g_assert_false (item (inventory, 0)->truncated);
  g_assert_cmpstr (item (inventory, 1)->name, ==, "Microsoft Visual C++ 2015-2022 Redist…");
  g_assert_cmpstr (item (inventory, 1)->version, ==, "14.40.33810.0");
  g_assert_true (item (inventory, 1)->truncated);
  g_assert_cmpstr (item (inventory, 2)->name, ==, "Café Kassa");
  g_assert_null (item (inventory, 2)->version);
  g_assert_cmpstr (item (inventory, 3)->version, ==, "2.0");
  assert_skipped (inventory, skipped, G_N_ELEMENTS (skipped));
}

static void
test_dpkg (void)
{
  const char text[] =
    "openssh-server\t1:9.2p1-2+deb12u3\n"
    "apache2\t2.4.62-1~deb12u2\n"
    "no tab here\n"
    "\t1.0\n"
    "Bad_Name\t1.0\n"
    "php8.2\t8.2.26-1~deb12u1\textra\n"
    "\n"
    "nginx\t1.22.1-9\n";
  static const guint skipped[] = { 3, 4, 5, 6 };
  g_autoptr(WbInventory) inventory = parse_ok (text, -1, WB_INVENTORY_FORMAT_AUTO);

  g_assert_cmpint (inventory->format, ==, WB_INVENTORY_FORMAT_DPKG);
  g_assert_cmpuint (inventory->items->len, ==, 3);
  g_assert_cmpstr (item (inventory, 0)->name, ==, "openssh-server");
  g_assert_cmpstr (item (inventory, 0)->version, ==, "1:9.2p1-2+deb12u3");
  g_assert_cmpstr (item (inventory, 2)->name, ==, "nginx");
  assert_skipped (inventory, skipped, G_N_ELEMENTS (skipped));
}

static void
test_system_profiler (void)
{
  const char json[] =
    "{\n  \"SPApplicationsDataType\" : [\n"
    "    { \"_name\" : \"Safari\", \"version\" : \"18.1\", \"obtained_from\" : \"apple\" },\n"
    "    { \"version\" : \"1.0\" },\n"
    "    { \"_name\" : \"Zoom\", \"obtained_from\" : \"identified_developer\" }\n"
    "  ]\n}\n";
  static const guint skipped[] = { 2 };
  g_autoptr(WbInventory) inventory = parse_ok (json, -1, WB_INVENTORY_FORMAT_AUTO);
  g_autoptr(JsonNode) stored = wb_inventory_to_json (inventory, "mac-balie", "2026-11-25T10:00:00Z");
  JsonObject *object = json_node_get_object (stored);

  g_assert_cmpint (inventory->format, ==, WB_INVENTORY_FORMAT_SYSTEM_PROFILER);
  g_assert_cmpuint (inventory->items->len, ==, 2);
  g_assert_cmpstr (item (inventory, 0)->name, ==, "Safari");
  g_assert_null (item (inventory, 1)->version);
  assert_skipped (inventory, skipped, G_N_ELEMENTS (skipped));
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "system-profiler");
  g_assert_cmpstr (json_object_get_string_member (object, "asset"), ==, "mac-balie");
  g_assert_cmpint (json_object_get_int_member (object, "skipped"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "items")), ==, 2);
}

static void
test_bad_files (void)
{
  static const struct { const char *data; WbInventoryFormat format; const char *expect; } cases[] = {
    { "just some words\nand more\n", WB_INVENTORY_FORMAT_AUTO, "not recognised" },
    { "\"Name\",\"Version\"\n\"a\",\"1\"\n", WB_INVENTORY_FORMAT_POWERSHELL_CSV, "DisplayName" },
    { "[ {\"DisplayName\": ", WB_INVENTORY_FORMAT_POWERSHELL_JSON, "cannot be read" },
    { "{ \"other\": [] }", WB_INVENTORY_FORMAT_SYSTEM_PROFILER, "SPApplicationsDataType" },
    { "Name Id\nrow\n", WB_INVENTORY_FORMAT_WINGET, "header" },
    { "bad line\nanother bad\n", WB_INVENTORY_FORMAT_DPKG, "lines 1, 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WbInventory) inventory = wb_inventory_parse (cases[i].data, strlen (cases[i].data),
                                                             cases[i].format, &error);
      g_assert_null (inventory);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_test_message ("%u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].expect));
    }
}

static void
test_limits (void)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WbInventory) cut = NULL;
  g_autoptr(WbInventory) huge = NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < WB_INVENTORY_MAX_ITEMS + 5; i++)
    g_string_append_printf (big, "pkg%u\t1.%u\n", i, i);
  cut = parse_ok (big->str, big->len, WB_INVENTORY_FORMAT_DPKG);
  g_assert_true (cut->cut);
  g_assert_cmpuint (cut->items->len, ==, WB_INVENTORY_MAX_ITEMS);
  summary = wb_inventory_describe (cut);
  g_assert_nonnull (strstr (summary, "only the first"));
  /* The size is checked before a byte is read. */
  huge = wb_inventory_parse (big->str, WB_INVENTORY_MAX_BYTES + 1, WB_INVENTORY_FORMAT_DPKG,
                             &error);
  g_assert_null (huge);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  wb_init (NULL);
  g_test_add_func ("/inventory/powershell-csv", test_powershell_csv);
  g_test_add_func ("/inventory/utf16", test_utf16);
  g_test_add_func ("/inventory/windows-1252", test_windows_1252);
  g_test_add_func ("/inventory/powershell-json", test_powershell_json);
  g_test_add_func ("/inventory/winget", test_winget);
  g_test_add_func ("/inventory/dpkg", test_dpkg);
  g_test_add_func ("/inventory/system-profiler", test_system_profiler);
  g_test_add_func ("/inventory/bad-files", test_bad_files);
  g_test_add_func ("/inventory/limits", test_limits);
  return g_test_run ();
}

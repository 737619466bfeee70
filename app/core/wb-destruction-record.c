/* wb-destruction-record.c — the destruction record: cairo + pango, then two signatures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <cairo-pdf.h>
#include <gcrypt.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "wb-agreement.h"
#include "wb-company.h"
#include "wb-destruction-record.h"
#include "wb-pdf-sign.h"

#define PAGE_W 595.0 /* A4 in points */
#define PAGE_H 842.0
#define MARGIN 56.0
#define LABEL_W 150.0

/* The record's own language, independent of the user interface's: a company may want
 * it in English while the team works in Dutch. */
typedef struct {
  const char *id;
  const char *nl;
  const char *en;
} Text;

static const Text texts[] = {
  { "title", "Verklaring van vernietiging", "Destruction record" },
  { "intro", "Deze verklaring legt vast dat de gegevens van het onderstaande "
             "beveiligingsonderzoek zijn vernietigd, hoe dat is gedaan en wat is bewaard.",
             "This record states that the data of the security assessment below was "
             "destroyed, how that was done, and what was kept." },
  { "company", "Bedrijf", "Company" },
  { "engagement", "Onderzoek", "Engagement" },
  { "agreement", "Overeenkomst", "Agreement" },
  { "inventory", "Gegevens", "Data" },
  { "personal", "Persoonsgegevens", "Personal data" },
  { "yes", "ja", "yes" },
  { "no", "nee", "no" },
  { "volume", "Omvang", "Volume" },
  { "volume-text", "%s bytes in het versleutelde bestand: %s vastleggingen, %s bijlagen",
                   "%s bytes in the encrypted file: %s records, %s attachments" },
  { "where", "Waar het stond", "Where it was" },
  { "where-text", "Het versleutelde Werkbank-bestand %s", "The encrypted Werkbank file %s" },
  { "copies", "Kopieën", "Copies" },
  { "no-copies", "Geen andere kopieën bekend.", "No other copies known." },
  { "retention", "Bewaartermijn", "Retention period" },
  { "method", "Methode", "Method" },
  { "method-text", "Crypto-erase: de sleutel van het onderzoek is onbruikbaar gemaakt en "
                   "het bestand verwijderd.",
                   "Crypto-erase: the engagement's key was made unusable and the file "
                   "removed." },
  { "details", "Details", "Details" },
  { "limits", "Grenzen", "Limits" },
  { "tool", "Hulpmiddel", "Tool" },
  { "when", "Datum en tijd", "Date and time" },
  { "by", "Uitgevoerd door", "Performed by" },
  { "verified", "Controle", "How it was verified" },
  { "verified-yes", "Na het wissen bestaat het bestand niet meer; de sleutelvakken waren "
                    "eerst overschreven en weggeschreven naar de schijf.",
                    "After the erase the file no longer exists; the key slots were "
                    "overwritten and synced to disk first." },
  { "verified-no", "LET OP: het bestand bestaat nog op de oorspronkelijke plaats.",
                   "NOTE: the file still exists at its original place." },
  { "validated", "Gevalideerd door", "Validated by" },
  { "validated-none", "(nog niet gevalideerd door een docent)",
                      "(not yet validated by a teacher)" },
  { "kept", "Wat is bewaard", "What was kept" },
  { "kept-text", "Het ondertekende rapport bij het bedrijf, en het anonieme "
                 "verzamelrecord zonder namen, adressen of technische details (als het "
                 "bedrijf daar niet voor heeft gekozen af te zien).",
                 "The signed report with the company, and the anonymous aggregate record "
                 "without names, addresses or technical details (unless the company opted "
                 "out)." },
  { "copy", "Kopie", "Copy" },
  { "copy-text", "Een kopie van deze verklaring gaat naar %s.",
                 "A copy of this record goes to %s." },
  { "anchors", "Gebaseerd op NIST SP 800-88 (certificate of sanitization) en NEN-EN 15713.",
               "Based on NIST SP 800-88 (certificate of sanitization) and NEN-EN 15713." },
  { "sign-team", "Uitgevoerd (team)", "Performed (team)" },
  { "sign-teacher", "Gevalideerd (docent)", "Validated (teacher)" },
  { "retention-months", "%s maanden na afronding van het onderzoek",
                        "%s months after the engagement ended" },
  { "retention-none", "Niet vastgelegd in de overeenkomst", "Not set in the agreement" },
  { "agreement-signed", "ondertekend op %s", "signed on %s" },
  { "agreement-unsigned", "niet ondertekend", "not signed" },
  { "unknown-company", "(onbekend)", "(unknown)" },
};

static const char *
T (const char *id,
   const char *language)
{
  gboolean en = g_strcmp0 (language, "en") == 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_str_equal (texts[i].id, id))
      return en ? texts[i].en : texts[i].nl;
  g_return_val_if_reached (id);
}

/* Fills each "%s" of a template from the table in turn: the templates are data, so
 * they do not go through printf. */
static char *
fill (const char *templ,
      const char *a,
      const char *b,
      const char *c)
{
  const char *args[] = { a, b, c };
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = templ; *p; p++)
    {
      if (p[0] == '%' && p[1] == 's' && n < G_N_ELEMENTS (args))
        {
          g_string_append (out, args[n++] ? args[n - 1] : "");
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

void
wb_destruction_context_free (WbDestructionContext *context)
{
  if (context == NULL)
    return;
  g_free (context->company_name);
  g_free (context->agreement_reference);
  g_free (context->retention);
  g_clear_pointer (&context->categories, g_ptr_array_unref);
  g_free (context->copies);
  g_free (context);
}

WbDestructionContext *
wb_destruction_context_new (WbEngagement *engagement,
                            const char   *language)
{
  WbDestructionContext *ctx = g_new0 (WbDestructionContext, 1);
  const WbCompany *company = wb_engagement_get_company (engagement);
  WbAgreement *agreement = wb_engagement_get_agreement (engagement);
  const char *signed_on = wb_agreement_get_signed_on (agreement);
  guint months = wb_agreement_get_retention_months (agreement);
  g_autofree char *state = NULL;

  ctx->company_name = g_strdup (company && company->name ? company->name
                                                         : T ("unknown-company", language));
  state = signed_on ? fill (T ("agreement-signed", language), signed_on, NULL, NULL)
                    : g_strdup (T ("agreement-unsigned", language));
  ctx->agreement_reference = g_strdup_printf ("%s (%s)",
                                              wb_vault_get_id (wb_engagement_get_vault (engagement)),
                                              state);
  if (months > 0)
    {
      g_autofree char *n = g_strdup_printf ("%u", months);

      ctx->retention = fill (T ("retention-months", language), n, NULL, NULL);
    }
  else
    ctx->retention = g_strdup (T ("retention-none", language));
  ctx->categories = wb_engagement_get_data_inventory (engagement);
  return ctx;
}

typedef struct {
  cairo_t      *cr;
  PangoContext *pango;
  double        y;
} Page;

static double
draw_text (Page       *page,
           const char *text,
           double      x,
           double      width,
           const char *font)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (page->pango);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (page->cr, x, page->y);
  pango_cairo_show_layout (page->cr, layout);
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
row (Page       *page,
     const char *label,
     const char *value)
{
  double h1, h2;

  cairo_set_source_rgb (page->cr, 0.30, 0.30, 0.35);
  h1 = draw_text (page, label, MARGIN, LABEL_W - 8, "DejaVu Sans Bold 8.5");
  cairo_set_source_rgb (page->cr, 0.05, 0.05, 0.05);
  h2 = draw_text (page, value, MARGIN + LABEL_W, PAGE_W - 2 * MARGIN - LABEL_W,
                  "DejaVu Sans 8.5");
  page->y += MAX (h1, h2) + 5;
}

static char *
format_time (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (when);

  return g_date_time_format (dt, "%Y-%m-%d %H:%M:%S %z");
}

static char *
inventory_text (const WbDestructionContext *context,
                const char                 *language,
                gboolean                   *personal)
{
  GString *s = g_string_new (NULL);

  *personal = FALSE;
  for (guint i = 0; context->categories && i < context->categories->len; i++)
    {
      WbDataCategory *c = context->categories->pdata[i];

      g_string_append_printf (s, "%s%s (%" G_GUINT64_FORMAT ")", i ? "; " : "", c->label,
                              c->count);
      *personal = *personal || c->personal;
    }
  if (s->len == 0)
    g_string_append (s, "-");
  (void) language;
  return g_string_free (s, FALSE);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         len)
{
  g_byte_array_append (closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

static void
signature_caption (Page       *page,
                   double      x,
                   const char *caption,
                   const char *name)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", caption, name ? name : "-");
  double save = page->y;

  cairo_set_source_rgb (page->cr, 0.30, 0.30, 0.35);
  page->y = PAGE_H - WB_DESTRUCTION_SIGN_Y - WB_DESTRUCTION_SIGN_H - 16;
  draw_text (page, text, x, WB_DESTRUCTION_SIGN_W, "DejaVu Sans 8");
  cairo_set_line_width (page->cr, 0.5);
  cairo_rectangle (page->cr, x, PAGE_H - WB_DESTRUCTION_SIGN_Y - WB_DESTRUCTION_SIGN_H,
                   WB_DESTRUCTION_SIGN_W, WB_DESTRUCTION_SIGN_H);
  cairo_stroke (page->cr);
  page->y = save;
}

GBytes *
wb_destruction_record_render (const WbDestructionFacts   *facts,
                              const WbDestructionContext *context,
                              const char                 *performed_by,
                              const char                 *validated_by,
                              const char                 *language,
                              GError                    **error)
{
  GByteArray *buf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_font_options_t *options;
  Page page = { NULL, NULL, MARGIN };
  g_autofree char *when = format_time (facts->destroyed);
  g_autofree char *inventory = NULL;
  g_autofree char *volume = NULL, *where = NULL, *copy = NULL, *tool = NULL;
  g_autofree char *size = NULL, *records = NULL, *attachments = NULL;
  g_autofree char *method = NULL;
  gboolean personal;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (append_cb, buf, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, T ("title", language));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Werkbank");
  page.cr = cairo_create (surface);
  page.pango = pango_cairo_create_context (page.cr);
  /* pango-cairo assumes 96 dpi; PDF points are 72 per inch (design.md §8). */
  pango_cairo_context_set_resolution (page.pango, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (page.pango, options);
  cairo_font_options_destroy (options);

  cairo_set_source_rgb (page.cr, 0.05, 0.05, 0.05);
  page.y += draw_text (&page, T ("title", language), MARGIN, PAGE_W - 2 * MARGIN,
                       "DejaVu Sans Bold 18") + 8;
  page.y += draw_text (&page, T ("intro", language), MARGIN, PAGE_W - 2 * MARGIN,
                       "DejaVu Sans 9.5") + 14;

  inventory = inventory_text (context, language, &personal);
  size = g_strdup_printf ("%" PRIu64, facts->file_size);
  records = g_strdup_printf ("%" PRIu64, facts->n_records);
  attachments = g_strdup_printf ("%" PRIu64, facts->n_attachments);
  volume = fill (T ("volume-text", language), size, records, attachments);
  where = fill (T ("where-text", language), facts->path, NULL, NULL);
  copy = fill (T ("copy-text", language), context->company_name, NULL, NULL);
  tool = g_strdup_printf ("Werkbank %s (libgcrypt %s)", PACKAGE_VERSION,
                          gcry_check_version (NULL));
  method = g_strdup_printf ("%s %s", T ("method-text", language), facts->method);

  row (&page, T ("company", language), context->company_name);
  row (&page, T ("engagement", language), facts->vault_id);
  row (&page, T ("agreement", language), context->agreement_reference);
  row (&page, T ("inventory", language), inventory);
  row (&page, T ("personal", language), T (personal ? "yes" : "no", language));
  row (&page, T ("volume", language), volume);
  row (&page, T ("where", language), where);
  row (&page, T ("copies", language), context->copies ? context->copies
                                                      : T ("no-copies", language));
  row (&page, T ("retention", language), context->retention);
  row (&page, T ("method", language), method);
  row (&page, T ("limits", language), facts->limits);
  row (&page, T ("tool", language), tool);
  row (&page, T ("when", language), when);
  row (&page, T ("by", language), performed_by);
  row (&page, T ("verified", language),
       g_file_test (facts->path, G_FILE_TEST_EXISTS) ? T ("verified-no", language)
                                                      : T ("verified-yes", language));
  row (&page, T ("validated", language),
       validated_by ? validated_by : T ("validated-none", language));
  row (&page, T ("kept", language), T ("kept-text", language));
  row (&page, T ("copy", language), copy);
  page.y += 6;
  cairo_set_source_rgb (page.cr, 0.30, 0.30, 0.35);
  draw_text (&page, T ("anchors", language), MARGIN, PAGE_W - 2 * MARGIN, "DejaVu Sans 7.5");

  /* The boxes the signatures' visible widgets will fill. */
  signature_caption (&page, WB_DESTRUCTION_TEAM_X, T ("sign-team", language), performed_by);
  signature_caption (&page, WB_DESTRUCTION_TEACHER_X, T ("sign-teacher", language),
                     validated_by);

  g_object_unref (page.pango);
  cairo_destroy (page.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (buf);
      g_set_error (error, WB_SIGN_ERROR, WB_SIGN_ERROR_IO,
                   _("Rendering the destruction record failed: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (buf);
}

GBytes *
wb_destruction_record_create (const WbDestructionFacts   *facts,
                              const WbDestructionContext *context,
                              WbIdentity                 *team,
                              WbIdentity                 *teacher,
                              const char                 *language,
                              GError                    **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) once = NULL;
  WbPdfSignOptions opts;
  gboolean en = g_strcmp0 (language, "en") == 0;

  pdf = wb_destruction_record_render (facts, context, wb_identity_get_name (team),
                                      teacher ? wb_identity_get_name (teacher) : NULL,
                                      language, error);
  if (pdf == NULL)
    return NULL;
  wb_pdf_sign_options_init (&opts);
  opts.page = WB_DESTRUCTION_SIGN_PAGE;
  opts.x = WB_DESTRUCTION_TEAM_X;
  opts.y = WB_DESTRUCTION_SIGN_Y;
  opts.width = WB_DESTRUCTION_SIGN_W;
  opts.height = WB_DESTRUCTION_SIGN_H;
  opts.time = facts->destroyed;
  opts.role = en ? "Performed (team)" : "Uitgevoerd (team)";
  opts.reason = T ("title", language);
  once = wb_pdf_sign (pdf, team, &opts, error);
  if (once == NULL || teacher == NULL)
    return g_steal_pointer (&once);
  opts.kind = WB_PDF_SIGNATURE_CERTIFICATION;
  opts.x = WB_DESTRUCTION_TEACHER_X;
  opts.time = 0;
  opts.role = en ? "Validated (teacher)" : "Gevalideerd (docent)";
  return wb_pdf_sign (once, teacher, &opts, error);
}

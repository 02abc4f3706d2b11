/* plot.c: the charts' shared drawing: formats, text, axes, hairlines and the SVG, PDF and PNG surfaces (cairo and pango). */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "plot_internal.h"

bool sg_plot_format_from_path(const char *path, sg_plot_format *out)
{
    static const struct {
        const char *ext;
        sg_plot_format format;
    } formats[] = {{"svg", SG_PLOT_SVG}, {"pdf", SG_PLOT_PDF}, {"png", SG_PLOT_PNG}};
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return false;
    for (size_t k = 0; k < G_N_ELEMENTS(formats); k++)
        if (g_ascii_strcasecmp(dot + 1, formats[k].ext) == 0) {
            *out = formats[k].format;
            return true;
        }
    return false;
}

bool sg_plot_usable(double v)
{
    return isfinite(v) && fabs(v) <= VALUE_LIMIT;
}

double sg_plot_tick_value(const sg_plot_axis *a, int k)
{
    return (a->first + k) * a->step + 0.0; /* + 0.0: never -0 */
}

/* The smallest of 1, 2, 5 x 10^k that is at least RAW (> 0). */
static double round_step(double raw)
{
    double magnitude = pow(10.0, floor(log10(raw)));
    double f = raw / magnitude;
    double m = f <= 1.0 + 1e-9 ? 1.0 : f <= 2.0 + 1e-9 ? 2.0 : f <= 5.0 + 1e-9 ? 5.0 : 10.0;
    return m * magnitude;
}

/* The axis over [LO, HI] (LO < HI, both within VALUE_LIMIT) with at most MAX_TICKS + 2 intervals. */
sg_plot_axis sg_plot_axis_over(double lo, double hi, int max_ticks)
{
    sg_plot_axis a;
    a.step = round_step((hi - lo) / max_ticks);
    a.first = floor(lo / a.step);
    double last = ceil(hi / a.step);
    a.n = (int)fmax(1.0, last - a.first); /* at most max_ticks + 2: step >= (hi - lo) / max_ticks */
    double biggest = fmax(fabs(a.first), fabs(last)) * a.step;
    int decimals = a.step >= 1.0 ? 0 : (int)ceil(-log10(a.step) - 1e-9);
    a.decimals = biggest >= 1e9 || decimals > 6 ? -1 : decimals;
    return a;
}

/* The text of tick K (ASCII, whatever the locale). */
void sg_plot_tick_text(const sg_plot_axis *a, int k, char *buf, size_t size)
{
    char format[8];
    if (a->decimals < 0)
        g_strlcpy(format, "%.6g", sizeof format);
    else
        g_snprintf(format, sizeof format, "%%.%df", a->decimals);
    g_ascii_formatd(buf, (int)size, format, sg_plot_tick_value(a, k));
}

PangoContext *sg_plot_context_new(void)
{
    PangoContext *context = pango_font_map_create_context(pango_cairo_font_map_get_default());
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context, FALSE);
    return context;
}

PangoLayout *sg_plot_text(PangoContext *context, const char *text, double size, bool bold)
{
    PangoLayout *layout = pango_layout_new(context);
    char *drawable = sg_render_drawable_text(text ? text : "");
    pango_layout_set_text(layout, drawable, -1);
    g_free(drawable);
    PangoFontDescription *font = pango_font_description_from_string(FONT_FAMILY);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_auto_dir(layout, FALSE); /* every row left-aligned, right-to-left names included */
    return layout;
}

/* Wraps LAYOUT at WIDTH pixels (words, or characters in a word longer than a line). */
void sg_plot_wrap(PangoLayout *layout, double width, PangoAlignment alignment)
{
    pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, alignment);
}

/* Cuts LAYOUT to WIDTH pixels with an ellipsis at the end. */
void sg_plot_ellipsize(PangoLayout *layout, double width)
{
    pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
}

double sg_plot_text_width(PangoLayout *layout)
{
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    return (double)logical.width / PANGO_SCALE;
}

double sg_plot_text_height(PangoLayout *layout)
{
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    return (double)logical.height / PANGO_SCALE;
}

/* The baseline of one line of text of SIZE set in a band of HEIGHT from TOP: the capitals centred. */
double sg_plot_centred_baseline(double top, double height, double size)
{
    return top + height / 2.0 + 0.36 * size;
}

void sg_plot_set_colour(cairo_t *cr, unsigned rgb)
{
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

/* Draws LAYOUT with its top left corner at (X, Y). */
void sg_plot_show_at(cairo_t *cr, PangoLayout *layout, double x, double y, unsigned rgb)
{
    sg_plot_set_colour(cr, rgb);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    cairo_new_path(cr); /* no current point left for the next path to start from */
}

/* Draws a one-line LAYOUT with its first baseline at BASELINE, starting at X. */
void sg_plot_show_on_baseline(cairo_t *cr, PangoLayout *layout, double x, double baseline, unsigned rgb)
{
    sg_plot_show_at(cr, layout, x, baseline - (double)pango_layout_get_baseline(layout) / PANGO_SCALE, rgb);
}

/* A hairline at X from Y0 to Y1, on the pixel grid (sharp in the PNG). */
void sg_plot_vline(cairo_t *cr, double x, double y0, double y1, unsigned rgb)
{
    sg_plot_set_colour(cr, rgb);
    cairo_set_line_width(cr, 1.0);
    cairo_move_to(cr, floor(x) + 0.5, y0);
    cairo_line_to(cr, floor(x) + 0.5, y1);
    cairo_stroke(cr);
}

void sg_plot_hline(cairo_t *cr, double x0, double x1, double y, unsigned rgb)
{
    sg_plot_set_colour(cr, rgb);
    cairo_set_line_width(cr, 1.0);
    cairo_move_to(cr, x0, floor(y) + 0.5);
    cairo_line_to(cr, x1, floor(y) + 0.5);
    cairo_stroke(cr);
}

/* Where cairo writes a PDF or a PNG. A failed write is remembered here as well as reported to cairo:
 * cairo 1.16's PDF surface forgets the error when it happens while the document is finished (the fonts
 * are written then) and reports success. */
typedef struct write_target {
    FILE *stream;
    bool failed;
} write_target;

static cairo_status_t write_to_file(void *closure, const unsigned char *data, unsigned int length)
{
    write_target *target = closure;
    if (target->failed || fwrite(data, 1, length, target->stream) != length) {
        target->failed = true;
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t write_to_string(void *closure, const unsigned char *data, unsigned int length)
{
    g_string_append_len(closure, (const char *)data, length);
    return CAIRO_STATUS_SUCCESS;
}

/* cairo 1.16 wraps an SVG page in <g id="surfaceN">, N counting every surface the process has created, so
 * the same plot drawn twice differs in that number (cairo 1.18 writes no such group). The number is made 1.
 * It is safe to find by its text: cairo writes glyphs as outlines, so no text of the plot reaches the SVG,
 * and the id is referenced only by surface patterns, which the plot does not paint (checked: nothing
 * refers to "#surface"). Anything else (no such group, two of them) is left as it is. */
static void number_page_group(GString *svg)
{
    static const char head[] = "<g id=\"surface";
    char *at = strstr(svg->str, head);
    if (!at || strstr(at + 1, head) || strstr(svg->str, "\"#surface"))
        return;
    size_t start = (size_t)(at - svg->str) + strlen(head);
    size_t digits = strspn(svg->str + start, "0123456789");
    if (digits == 0 || strncmp(svg->str + start + digits, "\">", 2) != 0)
        return;
    g_string_erase(svg, (gssize)start, (gssize)digits);
    g_string_insert_c(svg, (gssize)start, '1');
}


bool sg_plot_emit(double width, double height, const char *title, PangoContext *context,
                  void (*draw)(cairo_t *cr, const void *data), const void *data, sg_plot_format format,
                  FILE *stream)
{
    GString *svg = NULL;
    write_target target = {stream, false};
    cairo_surface_t *surface;
    double scale = 1.0;
    switch (format) {
    case SG_PLOT_SVG:
        svg = g_string_sized_new(64 * 1024);
        surface = cairo_svg_surface_create_for_stream(write_to_string, svg, width, height);
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
        break;
    case SG_PLOT_PDF: {
        scale = PT_PER_PX;
        surface = cairo_pdf_surface_create_for_stream(write_to_file, &target, width * scale, height * scale);
        /* An empty date: no /CreationDate at all (cairo writes the time of drawing by default). */
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
        char *drawable = sg_render_drawable_text(title ? title : "");
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, drawable);
        g_free(drawable);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "spygraph");
        break;
    }
    case SG_PLOT_PNG:
    default:
        if (height > SG_PLOT_PNG_MAX_HEIGHT) /* cairo's image surfaces end there: nothing is drawn */
            return false;
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)width, (int)height);
        break;
    }

    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    pango_cairo_update_context(cr, context);
    cairo_set_source_rgb(cr, 1.0, 1.0, 1.0);
    cairo_paint(cr);
    draw(cr, data);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    if (status == CAIRO_STATUS_SUCCESS && format == SG_PLOT_PNG)
        status = cairo_surface_write_to_png_stream(surface, write_to_file, &target);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);

    bool ok = status == CAIRO_STATUS_SUCCESS && !target.failed;
    if (svg) {
        if (ok) {
            number_page_group(svg);
            ok = fwrite(svg->str, 1, svg->len, stream) == svg->len;
        }
        g_string_free(svg, TRUE);
    }
    /* glibc drops a buffer it failed to write and then flushes "successfully": the error flag tells. */
    return fflush(stream) == 0 && !ferror(stream) && ok;
}

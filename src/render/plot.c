/* plot.c: forest plots (per node an interval, a value and a share) drawn with cairo and pango: SVG, PDF, PNG. */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "spygraph/plot.h"

/* The page, in CSS pixels (the unit of the SVG and the PNG; the PDF takes 3/4 pt per pixel, 96 dpi). */
#define PLOT_WIDTH 800.0
#define MARGIN_X 28.0
#define MARGIN_TOP 22.0
#define MARGIN_BOTTOM 18.0
#define ROW_HEIGHT 22.0
#define HEADER_HEIGHT 24.0
#define COLUMN_GAP 16.0
#define LABEL_MIN_WIDTH 60.0
#define LABEL_MAX_WIDTH 240.0
#define SHARE_MAX_WIDTH 140.0
#define TICK_LENGTH 5.0
#define BAR_HEIGHT 7.0
#define DOT_RADIUS 4.0
#define PT_PER_PX 0.75

/* Latin, Greek and Cyrillic from DejaVu; CJK from Noto (both installed by scripts/setup); pango falls
 * back through fontconfig for anything else. */
#define FONT_FAMILY "DejaVu Sans, Noto Sans CJK JP, sans-serif"
#define SIZE_TITLE 17.0
#define SIZE_SUBTITLE 12.0
#define SIZE_TEXT 12.0
#define SIZE_SMALL 11.0

/* Colours as 0xRRGGBB. */
#define INK 0x1d2228
#define INK_SOFT 0x4a5059
#define INK_FAINT 0x5d6470
#define BAND 0xf2f4f7
#define GRID 0xdadee4
#define RULE 0xb9bfc8
#define BAR 0x93b4da
#define DOT 0x1c3d63

/* Values this far from zero are left out like NaN: the axis arithmetic stays finite. */
#define VALUE_LIMIT 1e300

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

static bool usable(double v)
{
    return isfinite(v) && fabs(v) <= VALUE_LIMIT;
}

/* The value axis: ticks at (first + k) * step for k = 0..n, round numbers. */
typedef struct axis {
    double first, step; /* first: a whole number */
    int n;
    int decimals;       /* of the tick labels; -1: "%.6g" (a range too large or too small for fixed point) */
} axis;

static double tick_value(const axis *a, int k)
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
static axis axis_over(double lo, double hi, int max_ticks)
{
    axis a;
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
static void tick_text(const axis *a, int k, char *buf, size_t size)
{
    char format[8];
    if (a->decimals < 0)
        g_strlcpy(format, "%.6g", sizeof format);
    else
        g_snprintf(format, sizeof format, "%%.%df", a->decimals);
    g_ascii_formatd(buf, (int)size, format, tick_value(a, k));
}

/* SHARE as a whole percentage: "<1%" and ">99%" for shares that would round to 0% or 100% without being
 * 0 or 1, so that only certainty reads as certainty. */
static void share_text(double share, char *buf, size_t size)
{
    if (share > 0.0 && share < 0.005)
        g_strlcpy(buf, "<1%", size);
    else if (share >= 0.995 && share < 1.0)
        g_strlcpy(buf, ">99%", size);
    else
        g_snprintf(buf, size, "%.0f%%", share * 100.0 + 0.0);
}

/* Everything drawn, laid out before the surface exists (its height depends on the text). */
typedef struct forest_layout {
    PangoContext *context;
    PangoLayout *title, *subtitle, *axis_label, *share_label;
    PangoLayout **labels, **shares;   /* per row; shares[i] NULL for no share */
    PangoLayout **ticks;              /* axis.n + 1 */
    axis axis;
    double lo, hi;                    /* the axis's ends */
    double width, height;             /* whole pixels */
    double label_x, label_width;
    double plot_x0, plot_x1;
    double share_right;
    double title_y, subtitle_y, header_y, rows_y, axis_y, axis_label_x, axis_label_y;
} forest_layout;

/* A layout of TEXT (NULL: "") as drawable text: plain text, never markup, with control characters and
 * invalid UTF-8 made U+FFFD (line breaks: spaces). */
static PangoLayout *new_layout(PangoContext *context, const char *text, double size, bool bold)
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
static void wrap(PangoLayout *layout, double width, PangoAlignment alignment)
{
    pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, alignment);
}

/* Cuts LAYOUT to WIDTH pixels with an ellipsis at the end. */
static void ellipsize(PangoLayout *layout, double width)
{
    pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
}

static double text_width(PangoLayout *layout)
{
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    return (double)logical.width / PANGO_SCALE;
}

static double text_height(PangoLayout *layout)
{
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    return (double)logical.height / PANGO_SCALE;
}

/* The baseline of one line of text of SIZE set in a band of HEIGHT from TOP: the capitals centred. */
static double centred_baseline(double top, double height, double size)
{
    return top + height / 2.0 + 0.36 * size;
}

/* Lays the ticks out for the plot's width: as many as fit without their labels touching. */
static void layout_axis(forest_layout *f)
{
    double plot_width = f->plot_x1 - f->plot_x0;
    int max_ticks = (int)fmax(2.0, fmin(10.0, floor(plot_width / 70.0)));
    for (;; max_ticks--) {
        f->axis = axis_over(f->lo, f->hi, max_ticks);
        f->ticks = g_new0(PangoLayout *, f->axis.n + 1);
        double widest = 0.0;
        for (int k = 0; k <= f->axis.n; k++) {
            char text[64];
            tick_text(&f->axis, k, text, sizeof text);
            f->ticks[k] = new_layout(f->context, text, SIZE_SMALL, false);
            widest = fmax(widest, text_width(f->ticks[k]));
        }
        if (max_ticks <= 2 || widest + 12.0 <= plot_width / f->axis.n)
            return;
        for (int k = 0; k <= f->axis.n; k++)
            g_object_unref(f->ticks[k]);
        g_free(f->ticks);
    }
}

static void forest_layout_init(forest_layout *f, const sg_forest *plot)
{
    memset(f, 0, sizeof *f);
    f->context = pango_font_map_create_context(pango_cairo_font_map_get_default());
    /* The same metrics on every surface and at every scale: no hinting, no rounded glyph positions. */
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(f->context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(f->context, FALSE);

    double content = PLOT_WIDTH - 2.0 * MARGIN_X;
    f->width = PLOT_WIDTH;

    /* Columns: labels at their natural width within bounds, shares right-aligned at the right margin. */
    size_t n = plot->n_rows;
    f->labels = g_new0(PangoLayout *, n ? n : 1);
    f->shares = g_new0(PangoLayout *, n ? n : 1);
    double label_width = LABEL_MIN_WIDTH;
    double share_width = 0.0;
    f->lo = 0.0;
    f->hi = 0.0;
    for (size_t i = 0; i < n; i++) {
        const sg_forest_row *row = &plot->rows[i];
        f->labels[i] = new_layout(f->context, row->label, SIZE_TEXT, false);
        label_width = fmax(label_width, ceil(text_width(f->labels[i])));
        if (usable(row->share)) {
            char text[32];
            share_text(row->share, text, sizeof text);
            f->shares[i] = new_layout(f->context, text, SIZE_TEXT, false);
            share_width = fmax(share_width, ceil(text_width(f->shares[i])));
        }
        if (usable(row->low) && usable(row->high)) { /* a bar's ends count only when it is drawn */
            f->lo = fmin(f->lo, fmin(row->low, row->high));
            f->hi = fmax(f->hi, fmax(row->low, row->high));
        }
        if (usable(row->value)) {
            f->lo = fmin(f->lo, row->value);
            f->hi = fmax(f->hi, row->value);
        }
    }
    if (!(f->hi > f->lo))
        f->hi = f->lo + 1.0;
    f->label_width = fmin(label_width, LABEL_MAX_WIDTH);
    for (size_t i = 0; i < n; i++)
        ellipsize(f->labels[i], f->label_width);

    f->share_label = new_layout(f->context, plot->share_label, SIZE_SMALL, true);
    PangoLayout *widest_share = new_layout(f->context, "100%", SIZE_TEXT, false);
    share_width = fmax(share_width, ceil(text_width(widest_share)));
    g_object_unref(widest_share);
    share_width = fmin(fmax(share_width, ceil(text_width(f->share_label))), SHARE_MAX_WIDTH);
    ellipsize(f->share_label, share_width);

    f->label_x = MARGIN_X;
    f->share_right = PLOT_WIDTH - MARGIN_X;
    f->plot_x0 = f->label_x + f->label_width + COLUMN_GAP;
    f->plot_x1 = f->share_right - share_width - COLUMN_GAP - 8.0;
    layout_axis(f);
    f->lo = tick_value(&f->axis, 0);
    f->hi = tick_value(&f->axis, f->axis.n);

    /* Rows of text from the top: title, subtitle, the share column's heading, the rows, the axis. */
    double y = MARGIN_TOP;
    f->title = new_layout(f->context, plot->title, SIZE_TITLE, true);
    wrap(f->title, content, PANGO_ALIGN_LEFT);
    f->title_y = y;
    y += text_height(f->title);
    if (plot->subtitle && *plot->subtitle) {
        f->subtitle = new_layout(f->context, plot->subtitle, SIZE_SUBTITLE, false);
        wrap(f->subtitle, content, PANGO_ALIGN_LEFT);
        y += 3.0;
        f->subtitle_y = y;
        y += text_height(f->subtitle);
    }
    y = ceil(y + 10.0);
    f->header_y = y;
    f->rows_y = y + HEADER_HEIGHT;
    f->axis_y = f->rows_y + ROW_HEIGHT * (double)(n ? n : 1);
    y = f->axis_y + TICK_LENGTH + 3.0 + SIZE_SMALL * 1.3;
    /* The axis label centred under the axis, moved in when it would cross a margin, wrapped when wider
     * than the page. */
    f->axis_label = new_layout(f->context, plot->axis_label, SIZE_TEXT, false);
    double axis_label_width = text_width(f->axis_label);
    if (axis_label_width > content) {
        wrap(f->axis_label, content, PANGO_ALIGN_CENTER);
        f->axis_label_x = MARGIN_X;
    } else {
        double centred = (f->plot_x0 + f->plot_x1 - axis_label_width) / 2.0;
        f->axis_label_x = fmin(fmax(centred, MARGIN_X), PLOT_WIDTH - MARGIN_X - axis_label_width);
    }
    f->axis_label_y = y + 6.0;
    y = f->axis_label_y + text_height(f->axis_label);
    f->height = ceil(y + MARGIN_BOTTOM);
}

static void forest_layout_free(forest_layout *f, size_t n_rows)
{
    for (size_t i = 0; i < n_rows; i++) {
        g_object_unref(f->labels[i]);
        if (f->shares[i])
            g_object_unref(f->shares[i]);
    }
    g_free(f->labels);
    g_free(f->shares);
    for (int k = 0; f->ticks && k <= f->axis.n; k++)
        g_object_unref(f->ticks[k]);
    g_free(f->ticks);
    g_object_unref(f->title);
    if (f->subtitle)
        g_object_unref(f->subtitle);
    g_object_unref(f->axis_label);
    g_object_unref(f->share_label);
    g_object_unref(f->context);
}

static void set_colour(cairo_t *cr, unsigned rgb)
{
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

/* Draws LAYOUT with its top left corner at (X, Y). */
static void show_at(cairo_t *cr, PangoLayout *layout, double x, double y, unsigned rgb)
{
    set_colour(cr, rgb);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    cairo_new_path(cr); /* no current point left for the next path to start from */
}

/* Draws a one-line LAYOUT with its first baseline at BASELINE, starting at X. */
static void show_on_baseline(cairo_t *cr, PangoLayout *layout, double x, double baseline, unsigned rgb)
{
    show_at(cr, layout, x, baseline - (double)pango_layout_get_baseline(layout) / PANGO_SCALE, rgb);
}

/* A hairline at X from Y0 to Y1, on the pixel grid (sharp in the PNG). */
static void vertical_line(cairo_t *cr, double x, double y0, double y1, unsigned rgb)
{
    set_colour(cr, rgb);
    cairo_set_line_width(cr, 1.0);
    cairo_move_to(cr, floor(x) + 0.5, y0);
    cairo_line_to(cr, floor(x) + 0.5, y1);
    cairo_stroke(cr);
}

static void horizontal_line(cairo_t *cr, double x0, double x1, double y, unsigned rgb)
{
    set_colour(cr, rgb);
    cairo_set_line_width(cr, 1.0);
    cairo_move_to(cr, x0, floor(y) + 0.5);
    cairo_line_to(cr, x1, floor(y) + 0.5);
    cairo_stroke(cr);
}

static double x_of(const forest_layout *f, double v)
{
    return f->plot_x0 + (v - f->lo) / (f->hi - f->lo) * (f->plot_x1 - f->plot_x0);
}

static void draw_forest(cairo_t *cr, const forest_layout *f, const sg_forest *plot)
{
    cairo_set_source_rgb(cr, 1.0, 1.0, 1.0);
    cairo_paint(cr);

    show_at(cr, f->title, MARGIN_X, f->title_y, INK);
    if (f->subtitle)
        show_at(cr, f->subtitle, MARGIN_X, f->subtitle_y, INK_FAINT);

    /* The share column's heading, a rule under the headings, banded rows. */
    double band_x0 = MARGIN_X - 8.0, band_x1 = PLOT_WIDTH - MARGIN_X + 8.0;
    show_on_baseline(cr, f->share_label, f->share_right - text_width(f->share_label),
                     centred_baseline(f->header_y, HEADER_HEIGHT, SIZE_SMALL), INK_SOFT);
    for (size_t i = 1; i < plot->n_rows; i += 2) {
        set_colour(cr, BAND);
        cairo_rectangle(cr, band_x0, f->rows_y + ROW_HEIGHT * (double)i, band_x1 - band_x0, ROW_HEIGHT);
        cairo_fill(cr);
    }
    horizontal_line(cr, band_x0, band_x1, f->rows_y - 1.0, RULE);

    /* Grid lines at the ticks, under the bars; zero darker when the axis runs below it. */
    for (int k = 0; k <= f->axis.n; k++) {
        double v = tick_value(&f->axis, k);
        bool zero = f->axis.first + k == 0.0 && k > 0;
        vertical_line(cr, x_of(f, v), f->rows_y, f->axis_y, zero ? INK_FAINT : GRID);
    }

    for (size_t i = 0; i < plot->n_rows; i++) {
        const sg_forest_row *row = &plot->rows[i];
        double top = f->rows_y + ROW_HEIGHT * (double)i, middle = top + ROW_HEIGHT / 2.0;
        show_on_baseline(cr, f->labels[i], f->label_x, centred_baseline(top, ROW_HEIGHT, SIZE_TEXT), INK);
        if (f->shares[i])
            show_on_baseline(cr, f->shares[i], f->share_right - text_width(f->shares[i]),
                             centred_baseline(top, ROW_HEIGHT, SIZE_TEXT), INK);
        if (usable(row->low) && usable(row->high)) {
            /* A bar with round ends; an interval of no width is still a visible dot of the bar's colour. */
            double x0 = x_of(f, fmin(row->low, row->high)), x1 = x_of(f, fmax(row->low, row->high));
            double r = BAR_HEIGHT / 2.0;
            set_colour(cr, BAR);
            cairo_new_sub_path(cr);
            cairo_arc(cr, x0, middle, r, G_PI / 2.0, 3.0 * G_PI / 2.0);
            cairo_arc(cr, x1, middle, r, -G_PI / 2.0, G_PI / 2.0);
            cairo_close_path(cr);
            cairo_fill(cr);
        }
        if (usable(row->value)) {
            cairo_arc(cr, x_of(f, row->value), middle, DOT_RADIUS, 0.0, 2.0 * G_PI);
            set_colour(cr, DOT);
            cairo_fill_preserve(cr);
            cairo_set_source_rgb(cr, 1.0, 1.0, 1.0);
            cairo_set_line_width(cr, 1.2);
            cairo_stroke(cr);
        }
    }

    /* A rule closing the rows; over the plot it is the axis: a darker line, ticks, their numbers, and the
     * axis label under them. */
    horizontal_line(cr, band_x0, band_x1, f->axis_y, RULE);
    horizontal_line(cr, f->plot_x0 - 0.5, f->plot_x1 + 1.5, f->axis_y, INK_SOFT);
    for (int k = 0; k <= f->axis.n; k++) {
        double x = x_of(f, tick_value(&f->axis, k));
        vertical_line(cr, x, f->axis_y, f->axis_y + TICK_LENGTH, INK_SOFT);
        show_at(cr, f->ticks[k], floor(x) + 0.5 - text_width(f->ticks[k]) / 2.0, f->axis_y + TICK_LENGTH + 3.0,
                INK_SOFT);
    }
    show_at(cr, f->axis_label, f->axis_label_x, f->axis_label_y, INK);
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

bool sg_forest_write(const sg_forest *plot, sg_plot_format format, FILE *stream)
{
    g_return_val_if_fail(plot && stream && (plot->rows || plot->n_rows == 0), false);
    forest_layout f;
    forest_layout_init(&f, plot);

    GString *svg = NULL;
    write_target target = {stream, false};
    cairo_surface_t *surface;
    double scale = 1.0;
    switch (format) {
    case SG_PLOT_SVG:
        svg = g_string_sized_new(64 * 1024);
        surface = cairo_svg_surface_create_for_stream(write_to_string, svg, f.width, f.height);
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
        break;
    case SG_PLOT_PDF: {
        scale = PT_PER_PX;
        surface = cairo_pdf_surface_create_for_stream(write_to_file, &target, f.width * scale, f.height * scale);
        /* An empty date: no /CreationDate at all (cairo writes the time of drawing by default). */
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
        char *title = sg_render_drawable_text(plot->title ? plot->title : "");
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
        g_free(title);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "spygraph");
        break;
    }
    case SG_PLOT_PNG:
    default:
        if (f.height > SG_PLOT_PNG_MAX_HEIGHT) { /* cairo's image surfaces end there: nothing is drawn */
            forest_layout_free(&f, plot->n_rows);
            return false;
        }
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)f.width, (int)f.height);
        break;
    }

    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    pango_cairo_update_context(cr, f.context);
    draw_forest(cr, &f, plot);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    if (status == CAIRO_STATUS_SUCCESS && format == SG_PLOT_PNG)
        status = cairo_surface_write_to_png_stream(surface, write_to_file, &target);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    forest_layout_free(&f, plot->n_rows);

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

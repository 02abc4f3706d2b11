/* forest.c: forest plots (per node an interval, a value and a share) on the charts' shared drawing (plot.c). */
#include <math.h>
#include <string.h>

#include "plot_internal.h"

/* The forest's own measures, in pixels. */
#define ROW_HEIGHT 22.0
#define HEADER_HEIGHT 24.0
#define COLUMN_GAP 16.0
#define LABEL_MIN_WIDTH 60.0
#define LABEL_MAX_WIDTH 240.0
#define SHARE_MAX_WIDTH 140.0
#define BAR_HEIGHT 7.0
#define DOT_RADIUS 4.0
#define BAR 0x93b4da
#define DOT 0x1c3d63

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
    sg_plot_axis axis;
    double lo, hi;                    /* the axis's ends */
    double width, height;             /* whole pixels */
    double label_x, label_width;
    double plot_x0, plot_x1;
    double share_right;
    double title_y, subtitle_y, header_y, rows_y, axis_y, axis_label_x, axis_label_y;
} forest_layout;

/* Lays the ticks out for the plot's width: as many as fit without their labels touching. */
static void layout_axis(forest_layout *f)
{
    double plot_width = f->plot_x1 - f->plot_x0;
    int max_ticks = (int)fmax(2.0, fmin(10.0, floor(plot_width / 70.0)));
    for (;; max_ticks--) {
        f->axis = sg_plot_axis_over(f->lo, f->hi, max_ticks);
        f->ticks = g_new0(PangoLayout *, f->axis.n + 1);
        double widest = 0.0;
        for (int k = 0; k <= f->axis.n; k++) {
            char text[64];
            sg_plot_tick_text(&f->axis, k, text, sizeof text);
            f->ticks[k] = sg_plot_text(f->context, text, SIZE_SMALL, false);
            widest = fmax(widest, sg_plot_text_width(f->ticks[k]));
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
    f->context = sg_plot_context_new();

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
        f->labels[i] = sg_plot_text(f->context, row->label, SIZE_TEXT, false);
        label_width = fmax(label_width, ceil(sg_plot_text_width(f->labels[i])));
        if (sg_plot_usable(row->share)) {
            char text[32];
            share_text(row->share, text, sizeof text);
            f->shares[i] = sg_plot_text(f->context, text, SIZE_TEXT, false);
            share_width = fmax(share_width, ceil(sg_plot_text_width(f->shares[i])));
        }
        if (sg_plot_usable(row->low) && sg_plot_usable(row->high)) { /* a bar's ends count only when it is drawn */
            f->lo = fmin(f->lo, fmin(row->low, row->high));
            f->hi = fmax(f->hi, fmax(row->low, row->high));
        }
        if (sg_plot_usable(row->value)) {
            f->lo = fmin(f->lo, row->value);
            f->hi = fmax(f->hi, row->value);
        }
    }
    if (!(f->hi > f->lo))
        f->hi = f->lo + 1.0;
    f->label_width = fmin(label_width, LABEL_MAX_WIDTH);
    for (size_t i = 0; i < n; i++)
        sg_plot_ellipsize(f->labels[i], f->label_width);

    f->share_label = sg_plot_text(f->context, plot->share_label, SIZE_SMALL, true);
    PangoLayout *widest_share = sg_plot_text(f->context, "100%", SIZE_TEXT, false);
    share_width = fmax(share_width, ceil(sg_plot_text_width(widest_share)));
    g_object_unref(widest_share);
    share_width = fmin(fmax(share_width, ceil(sg_plot_text_width(f->share_label))), SHARE_MAX_WIDTH);
    sg_plot_ellipsize(f->share_label, share_width);

    f->label_x = MARGIN_X;
    f->share_right = PLOT_WIDTH - MARGIN_X;
    f->plot_x0 = f->label_x + f->label_width + COLUMN_GAP;
    f->plot_x1 = f->share_right - share_width - COLUMN_GAP - 8.0;
    layout_axis(f);
    f->lo = sg_plot_tick_value(&f->axis, 0);
    f->hi = sg_plot_tick_value(&f->axis, f->axis.n);

    /* Rows of text from the top: title, subtitle, the share column's heading, the rows, the axis. */
    double y = MARGIN_TOP;
    f->title = sg_plot_text(f->context, plot->title, SIZE_TITLE, true);
    sg_plot_wrap(f->title, content, PANGO_ALIGN_LEFT);
    f->title_y = y;
    y += sg_plot_text_height(f->title);
    if (plot->subtitle && *plot->subtitle) {
        f->subtitle = sg_plot_text(f->context, plot->subtitle, SIZE_SUBTITLE, false);
        sg_plot_wrap(f->subtitle, content, PANGO_ALIGN_LEFT);
        y += 3.0;
        f->subtitle_y = y;
        y += sg_plot_text_height(f->subtitle);
    }
    y = ceil(y + 10.0);
    f->header_y = y;
    f->rows_y = y + HEADER_HEIGHT;
    f->axis_y = f->rows_y + ROW_HEIGHT * (double)(n ? n : 1);
    y = f->axis_y + TICK_LENGTH + 3.0 + SIZE_SMALL * 1.3;
    /* The axis label centred under the axis, moved in when it would cross a margin, wrapped when wider
     * than the page. */
    f->axis_label = sg_plot_text(f->context, plot->axis_label, SIZE_TEXT, false);
    double axis_label_width = sg_plot_text_width(f->axis_label);
    if (axis_label_width > content) {
        sg_plot_wrap(f->axis_label, content, PANGO_ALIGN_CENTER);
        f->axis_label_x = MARGIN_X;
    } else {
        double centred = (f->plot_x0 + f->plot_x1 - axis_label_width) / 2.0;
        f->axis_label_x = fmin(fmax(centred, MARGIN_X), PLOT_WIDTH - MARGIN_X - axis_label_width);
    }
    f->axis_label_y = y + 6.0;
    y = f->axis_label_y + sg_plot_text_height(f->axis_label);
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

static double x_of(const forest_layout *f, double v)
{
    return f->plot_x0 + (v - f->lo) / (f->hi - f->lo) * (f->plot_x1 - f->plot_x0);
}

typedef struct forest_page {
    const forest_layout *layout;
    const sg_forest *plot;
} forest_page;

static void draw_forest(cairo_t *cr, const void *data)
{
    const forest_layout *f = ((const forest_page *)data)->layout;
    const sg_forest *plot = ((const forest_page *)data)->plot;

    sg_plot_show_at(cr, f->title, MARGIN_X, f->title_y, INK);
    if (f->subtitle)
        sg_plot_show_at(cr, f->subtitle, MARGIN_X, f->subtitle_y, INK_FAINT);

    /* The share column's heading, a rule under the headings, banded rows. */
    double band_x0 = MARGIN_X - 8.0, band_x1 = PLOT_WIDTH - MARGIN_X + 8.0;
    sg_plot_show_on_baseline(cr, f->share_label, f->share_right - sg_plot_text_width(f->share_label),
                     sg_plot_centred_baseline(f->header_y, HEADER_HEIGHT, SIZE_SMALL), INK_SOFT);
    for (size_t i = 1; i < plot->n_rows; i += 2) {
        sg_plot_set_colour(cr, BAND);
        cairo_rectangle(cr, band_x0, f->rows_y + ROW_HEIGHT * (double)i, band_x1 - band_x0, ROW_HEIGHT);
        cairo_fill(cr);
    }
    sg_plot_hline(cr, band_x0, band_x1, f->rows_y - 1.0, RULE);

    /* Grid lines at the ticks, under the bars; zero darker when the axis runs below it. */
    for (int k = 0; k <= f->axis.n; k++) {
        double v = sg_plot_tick_value(&f->axis, k);
        bool zero = f->axis.first + k == 0.0 && k > 0;
        sg_plot_vline(cr, x_of(f, v), f->rows_y, f->axis_y, zero ? INK_FAINT : GRID);
    }

    for (size_t i = 0; i < plot->n_rows; i++) {
        const sg_forest_row *row = &plot->rows[i];
        double top = f->rows_y + ROW_HEIGHT * (double)i, middle = top + ROW_HEIGHT / 2.0;
        sg_plot_show_on_baseline(cr, f->labels[i], f->label_x, sg_plot_centred_baseline(top, ROW_HEIGHT, SIZE_TEXT), INK);
        if (f->shares[i])
            sg_plot_show_on_baseline(cr, f->shares[i], f->share_right - sg_plot_text_width(f->shares[i]),
                             sg_plot_centred_baseline(top, ROW_HEIGHT, SIZE_TEXT), INK);
        if (sg_plot_usable(row->low) && sg_plot_usable(row->high)) {
            /* A bar with round ends; an interval of no width is still a visible dot of the bar's colour. */
            double x0 = x_of(f, fmin(row->low, row->high)), x1 = x_of(f, fmax(row->low, row->high));
            double r = BAR_HEIGHT / 2.0;
            sg_plot_set_colour(cr, BAR);
            cairo_new_sub_path(cr);
            cairo_arc(cr, x0, middle, r, G_PI / 2.0, 3.0 * G_PI / 2.0);
            cairo_arc(cr, x1, middle, r, -G_PI / 2.0, G_PI / 2.0);
            cairo_close_path(cr);
            cairo_fill(cr);
        }
        if (sg_plot_usable(row->value)) {
            cairo_arc(cr, x_of(f, row->value), middle, DOT_RADIUS, 0.0, 2.0 * G_PI);
            sg_plot_set_colour(cr, DOT);
            cairo_fill_preserve(cr);
            cairo_set_source_rgb(cr, 1.0, 1.0, 1.0);
            cairo_set_line_width(cr, 1.2);
            cairo_stroke(cr);
        }
    }

    /* A rule closing the rows; over the plot it is the axis: a darker line, ticks, their numbers, and the
     * axis label under them. */
    sg_plot_hline(cr, band_x0, band_x1, f->axis_y, RULE);
    sg_plot_hline(cr, f->plot_x0 - 0.5, f->plot_x1 + 1.5, f->axis_y, INK_SOFT);
    for (int k = 0; k <= f->axis.n; k++) {
        double x = x_of(f, sg_plot_tick_value(&f->axis, k));
        sg_plot_vline(cr, x, f->axis_y, f->axis_y + TICK_LENGTH, INK_SOFT);
        sg_plot_show_at(cr, f->ticks[k], floor(x) + 0.5 - sg_plot_text_width(f->ticks[k]) / 2.0, f->axis_y + TICK_LENGTH + 3.0,
                INK_SOFT);
    }
    sg_plot_show_at(cr, f->axis_label, f->axis_label_x, f->axis_label_y, INK);
}

bool sg_forest_write(const sg_forest *plot, sg_plot_format format, FILE *stream)
{
    g_return_val_if_fail(plot && stream && (plot->rows || plot->n_rows == 0), false);
    forest_layout f;
    forest_layout_init(&f, plot);
    forest_page page = {&f, plot};
    bool ok = sg_plot_emit(f.width, f.height, plot->title, f.context, draw_forest, &page, format, stream);
    forest_layout_free(&f, plot->n_rows);
    return ok;
}

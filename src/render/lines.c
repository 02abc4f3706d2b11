/* lines.c: line charts (ranks or values over time, with dated markers and a key) on the charts' shared drawing (plot.c). */
#include <math.h>
#include <string.h>

#include "plot_internal.h"

/* The chart's own measures, in pixels. */
#define CHART_WIDTH 960.0
#define PLOT_HEIGHT 400.0
#define LINE_GAP 15.0          /* the least distance between two end labels' centres */
#define LABEL_MAX_WIDTH 220.0
#define MARKER_ROW 16.0        /* a row of marker numbers above the plot */
#define MARKER_MERGE 9.0       /* markers closer than this share one number label ("20-35") */
#define KEY_ROW 17.0
#define POINT_RADIUS 2.8
#define MARKER_BAND 0xedf0f3
#define NAME_GAP 14.0          /* the least distance between two markers' names written along them */
#define SIZE_NAME 10.0
#define NAMED_CLUSTERS_MAX 12  /* markers are named only on a chart with at most this many number labels */

/* Ten colours that stay apart on white (the classic Tableau/matplotlib ten), then the same dashed. */
static const unsigned palette[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                   0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
#define PALETTE_SIZE (sizeof palette / sizeof palette[0])

/* A run of consecutive markers drawn with one number label. */
typedef struct cluster {
    size_t first, last;        /* positions in the sorted markers (numbers first + 1 .. last + 1) */
    double x;                  /* the label's centre */
    int row;                   /* the row of numbers it sits in, 0 nearest the plot */
    PangoLayout *text;
} cluster;

typedef struct chart_layout {
    const sg_line_chart *chart;
    PangoContext *context;
    PangoLayout *title, *subtitle, *y_label;
    PangoLayout **x_labels;    /* per point; NULL where thinned out */
    PangoLayout **ends;        /* per series; NULL for a series without a value */
    double *end_x, *end_y, *label_y; /* per series: the line's end and where its label sits */
    size_t *sorted;            /* markers in order of x0 */
    size_t n_markers;          /* markers drawn (those on the axis) */
    cluster *clusters;
    size_t n_clusters;
    int marker_rows;
    PangoLayout *key_title, **key;
    PangoLayout **names;       /* per sorted marker: its name written along it, or NULL (no room, no name) */
    sg_plot_axis axis;
    PangoLayout **ticks;
    double lo, hi;             /* the y axis's ends (ranks: 0.5 and the largest rank + 0.5) */
    double width, height;
    double title_y, subtitle_y, markers_y, plot_y0, plot_y1, plot_x0, plot_x1;
    double x_labels_y, key_y, key_column;
} chart_layout;

static double x_of(const chart_layout *c, double x)
{
    const sg_line_chart *ch = c->chart;
    return c->plot_x0 + (x - ch->x_min) / (ch->x_max - ch->x_min) * (c->plot_x1 - c->plot_x0);
}

static double y_of(const chart_layout *c, double v)
{
    double t = (v - c->lo) / (c->hi - c->lo);
    return c->chart->y_ranks ? c->plot_y0 + t * (c->plot_y1 - c->plot_y0) : c->plot_y1 - t * (c->plot_y1 - c->plot_y0);
}

/* The y range of everything drawn: values, bands. */
static void y_range(const sg_line_chart *ch, double *lo, double *hi)
{
    *lo = ch->y_ranks ? 1.0 : 0.0;
    *hi = *lo;
    for (size_t s = 0; s < ch->n_series; s++)
        for (size_t i = 0; i < ch->n_points; i++) {
            const double v[3] = {ch->series[s].y[i], ch->series[s].low ? ch->series[s].low[i] : NAN,
                                 ch->series[s].high ? ch->series[s].high[i] : NAN};
            for (int k = 0; k < 3; k++)
                if (sg_plot_usable(v[k])) {
                    *lo = fmin(*lo, v[k]);
                    *hi = fmax(*hi, v[k]);
                }
        }
}

static void layout_y_axis(chart_layout *c)
{
    const sg_line_chart *ch = c->chart;
    double lo, hi;
    y_range(ch, &lo, &hi);
    if (ch->y_ranks) {
        c->lo = 0.5;
        c->hi = fmax(hi, 2.0) + 0.5;
        c->axis = sg_plot_axis_over(1.0, fmax(hi, 2.0), 8);
        if (c->axis.step < 1.0) /* whole ranks only */
            c->axis = (sg_plot_axis){1.0, 1.0, (int)(fmax(hi, 2.0) - 1.0), 0};
    } else {
        if (!(hi > lo))
            hi = lo + 1.0;
        c->axis = sg_plot_axis_over(lo, hi, 8);
        c->lo = sg_plot_tick_value(&c->axis, 0);
        c->hi = sg_plot_tick_value(&c->axis, c->axis.n);
    }
    c->ticks = g_new0(PangoLayout *, c->axis.n + 1);
    for (int k = 0; k <= c->axis.n; k++) {
        double v = sg_plot_tick_value(&c->axis, k);
        if (v < c->lo - 1e-9 || v > c->hi + 1e-9)
            continue; /* a rank tick at 0 */
        char text[64];
        sg_plot_tick_text(&c->axis, k, text, sizeof text);
        c->ticks[k] = sg_plot_text(c->context, text, SIZE_SMALL, false);
    }
}

static double ticks_width(const chart_layout *c)
{
    double w = 0.0;
    for (int k = 0; k <= c->axis.n; k++)
        if (c->ticks[k])
            w = fmax(w, ceil(sg_plot_text_width(c->ticks[k])));
    return w;
}

static gint compare_markers(gconstpointer a, gconstpointer b, gpointer data)
{
    const sg_line_marker *m = data;
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    if (m[i].x0 != m[j].x0)
        return m[i].x0 < m[j].x0 ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* Markers on the axis, sorted and numbered; runs closer than MARKER_MERGE share a label; labels that
 * would touch go up a row. */
static void layout_markers(chart_layout *c)
{
    const sg_line_chart *ch = c->chart;
    c->sorted = g_new(size_t, ch->n_markers + 1);
    c->n_markers = 0;
    for (size_t i = 0; i < ch->n_markers; i++)
        if (ch->markers[i].x1 > ch->x_min && ch->markers[i].x0 < ch->x_max)
            c->sorted[c->n_markers++] = i;
    g_qsort_with_data(c->sorted, (gint)c->n_markers, sizeof *c->sorted, compare_markers, (gpointer)ch->markers);
    c->clusters = g_new0(cluster, c->n_markers + 1);
    c->n_clusters = 0;
    double *row_end = g_new(double, c->n_markers + 1);
    c->marker_rows = 0;
    for (size_t k = 0; k < c->n_markers; k++) {
        const sg_line_marker *m = &ch->markers[c->sorted[k]];
        double x = x_of(c, (fmax(m->x0, ch->x_min) + fmin(m->x1, ch->x_max)) / 2.0);
        cluster *last = c->n_clusters ? &c->clusters[c->n_clusters - 1] : NULL;
        if (last) {
            const sg_line_marker *prev = &ch->markers[c->sorted[last->last]];
            double px = x_of(c, (fmax(prev->x0, ch->x_min) + fmin(prev->x1, ch->x_max)) / 2.0);
            if (x - px < MARKER_MERGE) {
                last->last = k;
                continue;
            }
        }
        c->clusters[c->n_clusters++] = (cluster){k, k, x, 0, NULL};
    }
    for (size_t q = 0; q < c->n_clusters; q++) {
        cluster *cl = &c->clusters[q];
        const sg_line_marker *a = &ch->markers[c->sorted[cl->first]], *b = &ch->markers[c->sorted[cl->last]];
        cl->x = (x_of(c, (fmax(a->x0, ch->x_min) + fmin(a->x1, ch->x_max)) / 2.0) +
                 x_of(c, (fmax(b->x0, ch->x_min) + fmin(b->x1, ch->x_max)) / 2.0)) / 2.0;
        char text[48];
        if (cl->first == cl->last)
            g_snprintf(text, sizeof text, "%zu", cl->first + 1);
        else
            g_snprintf(text, sizeof text, "%zu-%zu", cl->first + 1, cl->last + 1);
        cl->text = sg_plot_text(c->context, text, SIZE_SMALL, false);
        double half = sg_plot_text_width(cl->text) / 2.0 + 3.0;
        int row = 0;
        while (row < c->marker_rows && row_end[row] > cl->x - half)
            row++;
        if (row == c->marker_rows)
            c->marker_rows++;
        row_end[row] = cl->x + half;
        cl->row = row;
    }
    g_free(row_end);
}

/* Moves the end labels of the series in IDS (COUNT of them, sorted by their line's end) apart to at least
 * LINE_GAP, within [TOP, BOTTOM] where there is room. */
static void spread(double *pos, const size_t *ids, size_t count, double top, double bottom)
{
    for (size_t k = 0; k < count; k++) {
        double floor_at = k ? pos[ids[k - 1]] + LINE_GAP : top;
        pos[ids[k]] = fmax(pos[ids[k]], floor_at);
    }
    for (size_t k = count; k-- > 0;) {
        double ceiling = k + 1 < count ? pos[ids[k + 1]] - LINE_GAP : bottom;
        pos[ids[k]] = fmin(pos[ids[k]], ceiling);
    }
    for (size_t k = 1; k < count; k++) /* no room: the spacing wins over the bounds */
        pos[ids[k]] = fmax(pos[ids[k]], pos[ids[k - 1]] + LINE_GAP);
}

typedef struct end_sort {
    const double *y;
} end_sort;

static gint compare_ends(gconstpointer a, gconstpointer b, gpointer data)
{
    const end_sort *e = data;
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    if (e->y[i] != e->y[j])
        return e->y[i] < e->y[j] ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* The labels at the lines' ends, spread apart by the height of a line of text. */
static void layout_ends(chart_layout *c)
{
    const sg_line_chart *ch = c->chart;
    size_t n = ch->n_series;
    c->end_x = g_new(double, n + 1);
    c->end_y = g_new(double, n + 1);
    c->label_y = g_new(double, n + 1);
    size_t *point = g_new(size_t, n + 1), *ids = g_new(size_t, n + 1), count = 0;
    for (size_t s = 0; s < n; s++) {
        point[s] = SIZE_MAX;
        c->end_x[s] = c->end_y[s] = c->label_y[s] = NAN;
        for (size_t i = ch->n_points; i-- > 0;)
            if (sg_plot_usable(ch->series[s].y[i])) {
                point[s] = i;
                break;
            }
        if (point[s] == SIZE_MAX || !c->ends[s])
            continue;
        c->end_x[s] = x_of(c, ch->x[point[s]]);
        c->end_y[s] = c->label_y[s] = y_of(c, ch->series[s].y[point[s]]);
        ids[count++] = s;
    }
    /* One spread over every label, wherever its line ends: labels of lines ending at different points
     * can still meet (a label is wider than a slice). */
    end_sort e = {c->end_y};
    g_qsort_with_data(ids, (gint)count, sizeof *ids, compare_ends, &e);
    spread(c->label_y, ids, count, c->plot_y0 + LINE_GAP / 2.0, c->plot_y1 - LINE_GAP / 2.0);
    g_free(point);
    g_free(ids);
}

static void chart_layout_init(chart_layout *c, const sg_line_chart *ch)
{
    memset(c, 0, sizeof *c);
    c->chart = ch;
    c->context = sg_plot_context_new();
    c->width = CHART_WIDTH;
    double content = CHART_WIDTH - 2.0 * MARGIN_X;

    double y = MARGIN_TOP;
    c->title = sg_plot_text(c->context, ch->title, SIZE_TITLE, true);
    sg_plot_wrap(c->title, content, PANGO_ALIGN_LEFT);
    c->title_y = y;
    y += sg_plot_text_height(c->title);
    if (ch->subtitle && *ch->subtitle) {
        c->subtitle = sg_plot_text(c->context, ch->subtitle, SIZE_SUBTITLE, false);
        sg_plot_wrap(c->subtitle, content, PANGO_ALIGN_LEFT);
        y += 3.0;
        c->subtitle_y = y;
        y += sg_plot_text_height(c->subtitle);
    }
    y = ceil(y + 10.0);
    c->y_label = sg_plot_text(c->context, ch->y_label, SIZE_SMALL, true);
    sg_plot_ellipsize(c->y_label, content);

    /* Columns: the y ticks, the plot, the end labels. */
    layout_y_axis(c);
    double label_width = 0.0;
    c->ends = g_new0(PangoLayout *, ch->n_series + 1);
    for (size_t s = 0; s < ch->n_series; s++) {
        c->ends[s] = sg_plot_text(c->context, ch->series[s].label, SIZE_TEXT, false);
        label_width = fmax(label_width, ceil(sg_plot_text_width(c->ends[s])));
    }
    label_width = fmin(label_width, LABEL_MAX_WIDTH);
    for (size_t s = 0; s < ch->n_series; s++)
        sg_plot_ellipsize(c->ends[s], label_width);
    c->plot_x0 = MARGIN_X + ticks_width(c) + 10.0;
    c->plot_x1 = CHART_WIDTH - MARGIN_X - label_width - 10.0;

    /* Rows from the top: the y axis's name, the markers' numbers, the plot (tall enough for every end
     * label), the x labels, the key. */
    y += sg_plot_text_height(c->y_label) + 4.0;
    layout_markers(c);
    c->markers_y = y;
    y += MARKER_ROW * c->marker_rows + (c->marker_rows ? 4.0 : 0.0);
    c->plot_y0 = y;
    c->plot_y1 = y + fmax(PLOT_HEIGHT, LINE_GAP * (double)(ch->n_series + 1));
    layout_ends(c);

    c->x_labels = g_new0(PangoLayout *, ch->n_points + 1);
    double widest = 0.0, closest = INFINITY;
    for (size_t i = 0; i < ch->n_points; i++) {
        PangoLayout *l = sg_plot_text(c->context, ch->x_labels[i], SIZE_SMALL, false);
        widest = fmax(widest, sg_plot_text_width(l));
        g_object_unref(l);
        if (i)
            closest = fmin(closest, x_of(c, ch->x[i]) - x_of(c, ch->x[i - 1]));
    }
    size_t every = 1;
    while (ch->n_points > 1 && (double)every * closest < widest + 8.0 && every < ch->n_points)
        every++;
    for (size_t i = 0; i < ch->n_points; i += every)
        c->x_labels[i] = sg_plot_text(c->context, ch->x_labels[i], SIZE_SMALL, false);
    c->x_labels_y = c->plot_y1 + TICK_LENGTH + 3.0;
    y = c->x_labels_y + SIZE_SMALL * 1.3 + 12.0;

    /* Names along the markers, where one stands a line of text from the last named; only on a chart with
     * few groups of markers (a crowded chart keeps its numbers and key). */
    c->names = g_new0(PangoLayout *, c->n_markers + 1);
    double named_x = -INFINITY;
    for (size_t k = 0; c->n_clusters <= NAMED_CLUSTERS_MAX && k < c->n_markers; k++) {
        const sg_line_marker *m = &ch->markers[c->sorted[k]];
        double x = x_of(c, fmax(m->x0, ch->x_min));
        if (!m->name || !*m->name || x - named_x < NAME_GAP || x + NAME_GAP > c->plot_x1)
            continue;
        c->names[k] = sg_plot_text(c->context, m->name, SIZE_NAME, false);
        sg_plot_ellipsize(c->names[k], 0.6 * (c->plot_y1 - c->plot_y0));
        named_x = x;
    }

    if (c->n_markers) {
        c->key_title = sg_plot_text(c->context, "Events", SIZE_SMALL, true);
        c->key_y = y;
        y += KEY_ROW;
        c->key_column = content / 2.0;
        c->key = g_new0(PangoLayout *, c->n_markers);
        for (size_t k = 0; k < c->n_markers; k++) {
            char *text = g_strdup_printf("%zu  %s", k + 1, ch->markers[c->sorted[k]].label ? ch->markers[c->sorted[k]].label : "");
            c->key[k] = sg_plot_text(c->context, text, SIZE_SMALL, false);
            g_free(text);
            sg_plot_ellipsize(c->key[k], c->key_column - 12.0);
        }
        y += KEY_ROW * (double)((c->n_markers + 1) / 2);
    }
    c->height = ceil(y + MARGIN_BOTTOM);
}

static void chart_layout_free(chart_layout *c)
{
    const sg_line_chart *ch = c->chart;
    g_object_unref(c->title);
    if (c->subtitle)
        g_object_unref(c->subtitle);
    g_object_unref(c->y_label);
    for (size_t i = 0; i < ch->n_points; i++)
        if (c->x_labels[i])
            g_object_unref(c->x_labels[i]);
    g_free(c->x_labels);
    for (size_t s = 0; s < ch->n_series; s++)
        g_object_unref(c->ends[s]);
    g_free(c->ends);
    g_free(c->end_x);
    g_free(c->end_y);
    g_free(c->label_y);
    for (size_t q = 0; q < c->n_clusters; q++)
        g_object_unref(c->clusters[q].text);
    g_free(c->clusters);
    g_free(c->sorted);
    if (c->key_title)
        g_object_unref(c->key_title);
    for (size_t k = 0; c->key && k < c->n_markers; k++)
        g_object_unref(c->key[k]);
    g_free(c->key);
    for (size_t k = 0; c->names && k < c->n_markers; k++)
        if (c->names[k])
            g_object_unref(c->names[k]);
    g_free(c->names);
    for (int k = 0; k <= c->axis.n; k++)
        if (c->ticks[k])
            g_object_unref(c->ticks[k]);
    g_free(c->ticks);
    g_object_unref(c->context);
}

static void set_series_style(cairo_t *cr, size_t s, double width)
{
    sg_plot_set_colour(cr, palette[s % PALETTE_SIZE]);
    cairo_set_line_width(cr, width);
    static const double dash[] = {6.0, 3.0};
    cairo_set_dash(cr, dash, s / PALETTE_SIZE % 2 ? 2 : 0, 0.0);
}

static void draw_band(cairo_t *cr, const chart_layout *c, size_t s)
{
    const sg_line_chart *ch = c->chart;
    const sg_line_series *se = &ch->series[s];
    if (!se->low || !se->high)
        return;
    unsigned rgb = palette[s % PALETTE_SIZE];
    for (size_t a = 0, b; a < ch->n_points; a = b + 1) {
        for (b = a; b < ch->n_points && sg_plot_usable(se->low[b]) && sg_plot_usable(se->high[b]); b++)
            ;
        if (b == a)
            continue;
        /* a run a..b-1: low forward, high back; a single point is a short bar */
        if (b - a == 1) {
            double x = x_of(c, ch->x[a]), y0 = y_of(c, se->low[a]), y1 = y_of(c, se->high[a]);
            cairo_rectangle(cr, x - 3.0, fmin(y0, y1), 6.0, fabs(y1 - y0));
        } else {
            cairo_move_to(cr, x_of(c, ch->x[a]), y_of(c, se->low[a]));
            for (size_t i = a + 1; i < b; i++)
                cairo_line_to(cr, x_of(c, ch->x[i]), y_of(c, se->low[i]));
            for (size_t i = b; i-- > a;)
                cairo_line_to(cr, x_of(c, ch->x[i]), y_of(c, se->high[i]));
        }
        cairo_close_path(cr);
        cairo_set_source_rgba(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, 0.16);
        cairo_fill(cr);
    }
}

static void draw_series(cairo_t *cr, const chart_layout *c, size_t s)
{
    const sg_line_chart *ch = c->chart;
    const double *y = ch->series[s].y;
    set_series_style(cr, s, 2.0);
    for (size_t i = 1; i < ch->n_points; i++)
        if (sg_plot_usable(y[i - 1]) && sg_plot_usable(y[i])) {
            cairo_move_to(cr, x_of(c, ch->x[i - 1]), y_of(c, y[i - 1]));
            cairo_line_to(cr, x_of(c, ch->x[i]), y_of(c, y[i]));
            cairo_stroke(cr);
        }
    cairo_set_dash(cr, NULL, 0, 0.0);
    for (size_t i = 0; i < ch->n_points; i++)
        if (sg_plot_usable(y[i])) {
            cairo_arc(cr, x_of(c, ch->x[i]), y_of(c, y[i]), POINT_RADIUS, 0.0, 2.0 * G_PI);
            sg_plot_set_colour(cr, palette[s % PALETTE_SIZE]);
            cairo_fill(cr);
        }
}

static void draw_markers(cairo_t *cr, const chart_layout *c)
{
    const sg_line_chart *ch = c->chart;
    static const double dash[] = {3.0, 3.0};
    for (size_t k = 0; k < c->n_markers; k++) {
        const sg_line_marker *m = &ch->markers[c->sorted[k]];
        double x0 = x_of(c, fmax(m->x0, ch->x_min)), x1 = x_of(c, fmin(m->x1, ch->x_max));
        if (x1 - x0 >= 2.0) {
            sg_plot_set_colour(cr, MARKER_BAND);
            cairo_rectangle(cr, x0, c->plot_y0, x1 - x0, c->plot_y1 - c->plot_y0);
            cairo_fill(cr);
        } else {
            sg_plot_set_colour(cr, INK_FAINT);
            cairo_set_line_width(cr, 1.0);
            cairo_set_dash(cr, dash, 2, 0.0);
            cairo_move_to(cr, floor((x0 + x1) / 2.0) + 0.5, c->plot_y0);
            cairo_line_to(cr, floor((x0 + x1) / 2.0) + 0.5, c->plot_y1);
            cairo_stroke(cr);
            cairo_set_dash(cr, NULL, 0, 0.0);
        }
    }
    /* The names along their markers, reading down from the top of the plot. */
    for (size_t k = 0; k < c->n_markers; k++) {
        if (!c->names[k])
            continue;
        const sg_line_marker *m = &ch->markers[c->sorted[k]];
        double x = x_of(c, fmax(m->x0, ch->x_min));
        cairo_save(cr);
        cairo_translate(cr, floor(x) + 3.0 + SIZE_NAME * 1.2, c->plot_y0 + 4.0);
        cairo_rotate(cr, G_PI / 2.0);
        sg_plot_show_at(cr, c->names[k], 0.0, 0.0, INK_FAINT);
        cairo_restore(cr);
    }
    for (size_t q = 0; q < c->n_clusters; q++) {
        const cluster *cl = &c->clusters[q];
        double top = c->markers_y + MARKER_ROW * (double)(c->marker_rows - 1 - cl->row);
        sg_plot_show_at(cr, cl->text, cl->x - sg_plot_text_width(cl->text) / 2.0, top, INK_SOFT);
    }
}

/* Where series S's end label starts: right of the plot for a line that reaches the last point, else
 * right of the line's end. */
static double label_x(const chart_layout *c, size_t s)
{
    const sg_line_chart *ch = c->chart;
    bool at_last = ch->n_points && sg_plot_usable(ch->series[s].y[ch->n_points - 1]);
    return at_last ? c->plot_x1 + 8.0 : c->end_x[s] + 8.0;
}

static void draw_chart(cairo_t *cr, const void *data)
{
    const chart_layout *c = data;
    const sg_line_chart *ch = c->chart;
    sg_plot_show_at(cr, c->title, MARGIN_X, c->title_y, INK);
    if (c->subtitle)
        sg_plot_show_at(cr, c->subtitle, MARGIN_X, c->subtitle_y, INK_FAINT);
    sg_plot_show_at(cr, c->y_label, MARGIN_X, c->markers_y - sg_plot_text_height(c->y_label) - 4.0, INK_SOFT);

    /* Under everything: the markers, the grid at the y ticks. */
    draw_markers(cr, c);
    for (int k = 0; k <= c->axis.n; k++) {
        if (!c->ticks[k])
            continue;
        double y = y_of(c, sg_plot_tick_value(&c->axis, k));
        sg_plot_hline(cr, c->plot_x0, c->plot_x1, y, GRID);
        sg_plot_show_on_baseline(cr, c->ticks[k], c->plot_x0 - 8.0 - sg_plot_text_width(c->ticks[k]), y + 0.36 * SIZE_SMALL,
                                 INK_SOFT);
    }
    /* The x axis: a rule, ticks at every point, the labels kept. */
    sg_plot_hline(cr, c->plot_x0, c->plot_x1, c->plot_y1, INK_SOFT);
    for (size_t i = 0; i < ch->n_points; i++) {
        double x = x_of(c, ch->x[i]);
        sg_plot_vline(cr, x, c->plot_y1, c->plot_y1 + TICK_LENGTH, INK_SOFT);
        if (c->x_labels[i])
            sg_plot_show_at(cr, c->x_labels[i], x - sg_plot_text_width(c->x_labels[i]) / 2.0, c->x_labels_y, INK_SOFT);
    }

    /* Bands, then lines, clipped to the plot; then the end labels with their leaders. */
    cairo_save(cr);
    cairo_rectangle(cr, c->plot_x0 - POINT_RADIUS - 1.0, c->plot_y0 - POINT_RADIUS - 1.0,
                    c->plot_x1 - c->plot_x0 + 2.0 * POINT_RADIUS + 2.0, c->plot_y1 - c->plot_y0 + 2.0 * POINT_RADIUS + 2.0);
    cairo_clip(cr);
    for (size_t s = 0; s < ch->n_series; s++)
        draw_band(cr, c, s);
    for (size_t s = ch->n_series; s-- > 0;) /* the first series on top */
        draw_series(cr, c, s);
    cairo_restore(cr);
    for (size_t s = 0; s < ch->n_series; s++) {
        if (isnan(c->end_x[s]) || !c->ends[s] || !sg_plot_usable(c->end_y[s]))
            continue;
        double lx = label_x(c, s);
        if (fabs(c->label_y[s] - c->end_y[s]) > 1.0 || lx - c->end_x[s] > 9.0) {
            set_series_style(cr, s, 1.0);
            cairo_set_dash(cr, NULL, 0, 0.0);
            cairo_move_to(cr, c->end_x[s] + POINT_RADIUS + 1.0, c->end_y[s]);
            cairo_line_to(cr, lx - 2.0, c->label_y[s]);
            cairo_stroke(cr);
        }
        sg_plot_show_on_baseline(cr, c->ends[s], lx, c->label_y[s] + 0.36 * SIZE_TEXT, palette[s % PALETTE_SIZE]);
    }

    if (c->n_markers) {
        sg_plot_show_at(cr, c->key_title, MARGIN_X, c->key_y, INK);
        size_t half = (c->n_markers + 1) / 2;
        for (size_t k = 0; k < c->n_markers; k++)
            sg_plot_show_at(cr, c->key[k], MARGIN_X + (k < half ? 0.0 : c->key_column),
                            c->key_y + KEY_ROW * (double)(1 + k % half), INK_SOFT);
    }
}

bool sg_line_chart_write(const sg_line_chart *chart, sg_plot_format format, FILE *stream)
{
    g_return_val_if_fail(chart && stream && chart->x_max > chart->x_min, false);
    if (chart->n_series > SG_LINE_CHART_MAX_SERIES || chart->n_markers > SG_LINE_CHART_MAX_MARKERS)
        return false;
    chart_layout c;
    chart_layout_init(&c, chart);
    bool ok = sg_plot_emit(c.width, c.height, chart->title, c.context, draw_chart, &c, format, stream);
    chart_layout_free(&c);
    return ok;
}

/* plot.h: charts drawn with cairo and pango (forest plots of uncertain rankings, lines over time) in SVG, PDF or PNG. */
#ifndef SPYGRAPH_PLOT_H
#define SPYGRAPH_PLOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum sg_plot_format { SG_PLOT_SVG, SG_PLOT_PDF, SG_PLOT_PNG } sg_plot_format;

/* The format a file name asks for by its extension (.svg, .pdf, .png, any case). Returns false for any
 * other name. */
bool sg_plot_format_from_path(const char *path, sg_plot_format *out);

/* One row of a forest plot: a node's interval as a bar, its unsampled value as a dot, a share written
 * beside. */
typedef struct sg_forest_row {
    const char *label;          /* UTF-8, any script; control characters are drawn as U+FFFD (tab, line
                                 * feed, carriage return as a space), as is invalid UTF-8 */
    double low, high;           /* the interval; NaN: no bar */
    double value;               /* the dot; NaN: no dot */
    double share;               /* written beside as a percentage ("87%"); NaN: nothing */
} sg_forest_row;

typedef struct sg_forest {
    const char *title;          /* first line, UTF-8 */
    const char *subtitle;       /* second line (what the bars and dots are), may be NULL */
    const char *axis_label;     /* under the value axis */
    const char *share_label;    /* heading of the share column, e.g. "P(top 10)" */
    const sg_forest_row *rows;  /* top to bottom */
    size_t n_rows;
} sg_forest;

/* The tallest PNG cairo draws (its image surfaces' limit), in pixels: about 1,480 rows of a forest plot. */
#define SG_PLOT_PNG_MAX_HEIGHT 32767.0
/* The most rows a PNG forest plot holds (a conservative bound under SG_PLOT_PNG_MAX_HEIGHT). */
#define SG_FOREST_PNG_MAX_ROWS 1400

/* Draws PLOT in FORMAT to STREAM (which the caller opened and closes). The value axis runs from 0 (or the
 * smallest value, when negative) to the largest high or value, with ticks at round numbers. SVG output
 * is byte-identical for the same plot (no dates, no process-dependent ids); PDF carries no creation date.
 * Returns false when cairo fails, when a PNG would be taller than SG_PLOT_PNG_MAX_HEIGHT (nothing is written
 * then), or when a write to STREAM fails (the caller reports the stream's error).
 * O(rows). */
bool sg_forest_write(const sg_forest *plot, sg_plot_format format, FILE *stream);

/* ---- Line charts: a value per series at each point of an x axis (ranks or values over time) ---- */

/* One line. */
typedef struct sg_line_series {
    const char *label;          /* drawn at the line's end (its last point with a value); UTF-8, as a forest row's */
    const double *y;            /* a value per point; NaN: none there (the line breaks) */
    const double *low, *high;   /* a band around the line, per point (NULL: none; NaN: none at that point) */
} sg_line_series;

/* A dated happening drawn across the chart: a vertical line at X0, or a shaded band from X0 to X1 (an
 * uncertain date), numbered in order of X0 (then of the array) above the plot; the key under the chart
 * lists the numbers with their labels. On a chart with at most 12 number labels, a marker that stands far
 * enough from the last one named (a line of text) also has its NAME written along it, down from the top of
 * the plot. Markers outside the x axis are
 * left out of the picture and the key. */
typedef struct sg_line_marker {
    double x0, x1;              /* X0 <= X1, in the x axis's units */
    const char *label;          /* the key's text, e.g. "1941-07-02  Imperial Conference" */
    const char *name;           /* written along the marker where there is room, e.g. "Imperial Conference";
                                   NULL: none */
} sg_line_marker;

typedef struct sg_line_chart {
    const char *title;
    const char *subtitle;       /* may be NULL */
    const char *y_label;        /* beside the y axis, e.g. "rank by betweenness" */
    bool y_ranks;               /* the values are ranks: whole-number ticks, 1 at the top */
    const double *x;            /* n_points positions, increasing (day numbers, say) */
    const char *const *x_labels;/* n_points tick labels (thinned when they would touch) */
    size_t n_points;
    double x_min, x_max;        /* the x axis's ends: x_min <= x[0], x[n-1] <= x_max, x_min < x_max */
    const sg_line_series *series;
    size_t n_series;            /* ten colours, then the same colours dashed */
    const sg_line_marker *markers;
    size_t n_markers;
} sg_line_chart;

/* The most series and markers a chart draws: beyond them the picture is unreadable. */
#define SG_LINE_CHART_MAX_SERIES 60
#define SG_LINE_CHART_MAX_MARKERS 200

/* Draws CHART in FORMAT to STREAM, as sg_forest_write does (same fonts, colours and surfaces; SVG bytes
 * depend only on the chart). Labels at the lines' ends are moved apart to stay legible, joined to their
 * lines by a leader. Returns false when cairo fails, when the chart has more than
 * SG_LINE_CHART_MAX_SERIES series or SG_LINE_CHART_MAX_MARKERS markers, or when a write fails.
 * O(series x points + markers). */
bool sg_line_chart_write(const sg_line_chart *chart, sg_plot_format format, FILE *stream);

#endif

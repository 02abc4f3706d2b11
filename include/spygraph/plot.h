/* plot.h: charts drawn with cairo and pango (forest plots of uncertain rankings) in SVG, PDF or PNG. */
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

#endif

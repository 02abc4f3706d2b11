/* plot_internal.h: the drawing vocabulary the charts share (page, fonts, colours, text, axes, lines, the SVG/PDF/PNG surfaces). */
#ifndef SPYGRAPH_PLOT_INTERNAL_H
#define SPYGRAPH_PLOT_INTERNAL_H

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stdio.h>

#include "spygraph/plot.h"

/* The page, in CSS pixels (the unit of the SVG and the PNG; the PDF takes 3/4 pt per pixel, 96 dpi). */
#define PLOT_WIDTH 800.0
#define MARGIN_X 28.0
#define MARGIN_TOP 22.0
#define MARGIN_BOTTOM 18.0
#define TICK_LENGTH 5.0
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

/* Values this far from zero are left out like NaN: the axis arithmetic stays finite. */
#define VALUE_LIMIT 1e300

/* True for a finite value within VALUE_LIMIT. */
bool sg_plot_usable(double v);

/* A value axis: ticks at (first + k) * step for k = 0..n, round numbers. */
typedef struct sg_plot_axis {
    double first, step; /* first: a whole number */
    int n;
    int decimals;       /* of the tick labels; -1: "%.6g" (a range too large or too small for fixed point) */
} sg_plot_axis;

/* The value of tick K (never -0). */
double sg_plot_tick_value(const sg_plot_axis *a, int k);
/* The axis over [LO, HI] (LO < HI, both within VALUE_LIMIT) with at most MAX_TICKS + 2 intervals, its
 * step the smallest of 1, 2, 5 x 10^k that fits. */
sg_plot_axis sg_plot_axis_over(double lo, double hi, int max_ticks);
/* The text of tick K (ASCII, whatever the locale) into BUF of SIZE bytes. */
void sg_plot_tick_text(const sg_plot_axis *a, int k, char *buf, size_t size);

/* A pango context with the same metrics on every surface and at every scale (no hinting, no rounded
 * glyph positions). The caller unrefs it. */
PangoContext *sg_plot_context_new(void);
/* A layout of TEXT (NULL: "") as drawable text in FONT_FAMILY at SIZE pixels: plain text, never markup,
 * control characters and invalid UTF-8 made U+FFFD (line breaks: spaces). The caller unrefs it. */
PangoLayout *sg_plot_text(PangoContext *context, const char *text, double size, bool bold);
/* Wraps LAYOUT at WIDTH pixels (words, or characters in a word longer than a line). */
void sg_plot_wrap(PangoLayout *layout, double width, PangoAlignment alignment);
/* Cuts LAYOUT to WIDTH pixels with an ellipsis at the end. */
void sg_plot_ellipsize(PangoLayout *layout, double width);
double sg_plot_text_width(PangoLayout *layout);
double sg_plot_text_height(PangoLayout *layout);
/* The baseline of one line of text of SIZE set in a band of HEIGHT from TOP: the capitals centred. */
double sg_plot_centred_baseline(double top, double height, double size);

void sg_plot_set_colour(cairo_t *cr, unsigned rgb);
/* Draws LAYOUT with its top left corner at (X, Y). */
void sg_plot_show_at(cairo_t *cr, PangoLayout *layout, double x, double y, unsigned rgb);
/* Draws a one-line LAYOUT with its first baseline at BASELINE, starting at X. */
void sg_plot_show_on_baseline(cairo_t *cr, PangoLayout *layout, double x, double baseline, unsigned rgb);
/* Hairlines on the pixel grid (sharp in the PNG): vertical at X, horizontal at Y. */
void sg_plot_vline(cairo_t *cr, double x, double y0, double y1, unsigned rgb);
void sg_plot_hline(cairo_t *cr, double x0, double x1, double y, unsigned rgb);

/* Draws a page of WIDTH x HEIGHT pixels in FORMAT to STREAM: a white page, then DRAW(cr, DATA) with
 * CONTEXT (the layouts' context) updated for the surface. The PDF carries TITLE and no creation date; the
 * SVG's bytes depend only on what is drawn. Returns false when cairo fails, when a PNG would be taller than
 * SG_PLOT_PNG_MAX_HEIGHT (nothing is written then), or when a write to STREAM fails. */
bool sg_plot_emit(double width, double height, const char *title, PangoContext *context,
                  void (*draw)(cairo_t *cr, const void *data), const void *data, sg_plot_format format,
                  FILE *stream);

#endif

/* internal.h: what the render modules share: the view (what is drawn, highlighted, coloured, sized). */
#ifndef SPYGRAPH_RENDER_INTERNAL_H
#define SPYGRAPH_RENDER_INTERNAL_H

#include <glib.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <igraph.h>

#include "spygraph/render.h"

/* One colour group of the legend (an affiliation, a kind, a community, or "other"). */
typedef struct sg_group {
    char *name;        /* owned: the value, "community N", "other (...)" */
    char *display;     /* owned: what the legend shows: an affiliation's label (sg_network_affiliation_label),
                          else NAME */
    const char *fill;  /* static: a Graphviz colour such as "/paired12/2" */
    const char *font;  /* static: the label colour that reads on FILL */
    const char *outline; /* static: the node's outline style besides "filled": "solid", "dashed" or "bold"
                            (the print scheme tells groups apart by grey and outline together) */
    size_t count;      /* drawn nodes in the group */
} sg_group;

/* The colour groups of a network: the distinct values of a node attribute over every node of a whole
 * network, ranked by how many nodes hold them (then bytewise by value), each given its look under a
 * scheme, so that a value has one look in every picture drawn from the same whole. */
typedef struct sg_palette {
    sg_group *groups;  /* n_groups; COUNT is the number of nodes of the whole holding the value */
    size_t n_groups;   /* past 12 values, the smallest share the last group, "other (...)" */
    GHashTable *index; /* value -> group index + 1 (its own keys) */
    GPtrArray *other;  /* past 12 values: the merged ones, value then display name, in rank order; or NULL */
} sg_palette;

/* Builds the palette of COLOR_BY (an attribute name, not "community" or "none") over WHOLE's nodes under
 * SCHEME; affiliation groups are displayed by their labels. Never fails short of memory exhaustion.
 * O(n log n). Free with sg_palette_clear. */
/* gvLayout(GVC, G, ENGINE), reported as progress ("laying out N nodes" and the time elapsed: Graphviz tells
 * no fraction done). Returns gvLayout's result: 0 on success. */
int sg_render_layout(GVC_t *gvc, Agraph_t *g, const char *engine);

void sg_palette_init(sg_palette *palette, const sg_network *whole, const char *color_by, sg_render_scheme scheme);
/* Builds the palette of VALUES (one per node of NET, NULL or "" for none; only nodes where DRAWN is
 * true, or all with DRAWN NULL), ranked as above: used for communities, which exist only in one drawing. */
void sg_palette_init_values(sg_palette *palette, const sg_network *net, char *const *values, const bool *drawn,
                            sg_render_scheme scheme);
/* The group index of VALUE, or -1 when VALUE is NULL, "" or not in the palette. O(1). */
int sg_palette_find(const sg_palette *palette, const char *value);
/* The value of node I of NET under COLOR_BY (an attribute, not "community" or "none"); "" when none. */
const char *sg_palette_value(const sg_network *net, const char *color_by, size_t i);
void sg_palette_clear(sg_palette *palette);

/* How ties of a relation family are drawn under a scheme. */
typedef struct sg_tie_look {
    const char *color;   /* a Graphviz colour, or a colour list: "black:invis:black" draws a double line */
    const char *penwidth;
    const char *glyph;   /* the legend's sample of the line: light, heavy or double box-drawing strokes */
    const char *glyph_color;
} sg_tie_look;
/* The look of FAMILY's ties under SCHEME (static). */
const sg_tie_look *sg_render_family_look(sg_family family, sg_render_scheme scheme);

/* What a diagram shows, worked out from the network and the spec before anything is drawn. */
typedef struct sg_view {
    size_t n_nodes, n_edges;
    bool *node_drawn;      /* per node */
    bool *edge_drawn;      /* per tie */
    size_t drawn_nodes, drawn_edges;
    bool has_route;
    bool *node_on_route;   /* per node, when has_route */
    bool *edge_on_route;   /* per tie, when has_route */
    int *group;            /* per node: index into groups, -1 for no colour */
    sg_group *groups;
    size_t n_groups;
    double *size;          /* per node in [0, 1] (the measure over its largest drawn value), or NULL */
    int size_top;          /* the drawn node with the largest value, or -1 */
    /* Type and labels, in layout points (a picture for a physical size is scaled after layout): */
    double node_font;      /* the smallest node label (a node of the largest --size-by value: twice it) */
    double edge_font;      /* tie labels */
    double legend_font;    /* the legend's text (its title: 22/14 of it, 22 points at the natural 14) */
    bool *labelled;        /* per node: drawn with its label; the others are small marks (labels in tooltips) */
    size_t unlabelled;     /* drawn nodes without a label */
    int legend_per_row;    /* legend columns side by side before the next row (0: all on one row) */
    size_t legend_line;    /* the legend's longest line in characters (SG_LEGEND_LINE unless fitted) */
    double mark;           /* an unlabelled node's size as a share of the label type (print pictures) */
    double unit;           /* line widths, arrows and node margins: 1 at the natural size, growing with the
                              node type when a print picture raises it */
} sg_view;

/* Labels the LABELLED most important drawn nodes of VIEW (by SPEC's size values when given, else by their
 * number of drawn ties; then by node order) and marks the rest unlabelled. O(n log n + m). */
void sg_view_label(const sg_network *net, const sg_render_spec *spec, sg_view *view, size_t labelled);

/* Works out which nodes and ties are drawn (--min-confidence, --focus) and the highlighted route. Returns
 * false with an error in DIAG (no route, igraph failure); VIEW is then freed. */
bool sg_view_select(const sg_network *net, const sg_render_spec *spec, sg_view *view, sg_diag *diag);

/* Assigns colour groups to the drawn nodes (attribute values or communities) and sizes. Returns false with
 * an error in DIAG on an igraph failure. */
bool sg_view_style(const sg_network *net, const sg_render_spec *spec, sg_view *view, sg_diag *diag);

void sg_view_free(sg_view *view);

/* Builds the graph of the drawn ties with sg_graph_build (one edge per arc, the view's drawn ties as the
 * tie mask), read as DIRECTION. Returns an igraph error code. */
igraph_error_t sg_view_graph(const sg_network *net, const sg_view *view, sg_direction direction, sg_graph *graph);

/* True when tie E is drawn as an arrow: never with an UNDIRECTED spec; with DIRECTED, when the direction
 * rule reads it as one arc (sg_tie_arcs); by default, when its relation is directed. */
bool sg_render_arrow(const sg_network *net, const sg_render_spec *spec, const sg_edge *e);

/* The rules for names from the data in a diagram, one per kind of Graphviz string; every string from the
 * data that reaches cgraph goes through one of them (they return new strings; g_free; linear time).
 * sg_render_drawable_text: the text with a tab, line feed or carriage return made a space and every other
 * control character (C0, DEL, C1), U+FFFE, U+FFFF and any byte that is not UTF-8 made U+FFFD, so the SVG
 * is well-formed XML and nothing reaches a terminal that views the DOT. */
char *sg_render_drawable_text(const char *text);
/* A plain (escString) attribute value: label, tooltip: drawable text with backslashes doubled (Graphviz
 * reads \N, \n in them, and cgraph writes a value ending in one backslash as "a\", which no DOT reader can
 * read back) and '&' written &amp; (Graphviz decodes entities in them). */
char *sg_render_plain_text(const char *text);
/* A tooltip value (escString): drawable text with each backslash written four times (Graphviz 2.43
 * expands \N, \G, ... in a tooltip, then unescapes it once more, so \N in the data would show the node's
 * name) and '&' written &amp;. g_free. */
char *sg_render_tooltip_text(const char *text);
/* Appends TEXT to OUT for an HTML-like label (the legend): drawable text, XML-escaped, each backslash
 * doubled (Graphviz expands \G, \N, ... in HTML-like text as in plain labels). */
void sg_render_append_html(GString *out, const char *text);
/* Appends TEXT as sg_render_append_html does, broken into left-aligned lines of at most WIDTH characters
 * at spaces (a longer word stays whole). */
void sg_render_append_html_wrapped(GString *out, const char *text, size_t width);
/* An object's `id` attribute (the SVG element id): PREFIX, then ID with every byte but ASCII letters,
 * digits, '_', '-' and '.' written as %XX (RFC 3986 percent-encoding of the UTF-8: '%' and non-ASCII
 * included), so distinct ids stay distinct, every DOT and SVG reader takes it as it is, and none can
 * meet Graphviz's own ids (node1, edge1, graph0, a_...). */
char *sg_render_object_id(const char *prefix, const char *id);
/* The tooltip of node I, ready for Graphviz (an escString: every line made plain by sg_render_plain_text,
 * lines joined by "\n", which Graphviz writes as a line break): its label, codenames, native name, kind,
 * affiliation (display name and slug), lifetime, note, and every source with its reference and pages.
 * g_free. Linear in what it writes. */
char *sg_render_node_tooltip(const sg_network *net, size_t i);
/* The tooltip of tie E (index into NET->edges), as above: its ends and relation, period, confidence,
 * weight, the hypothesis that added or changed it, every source with its reference and pages, and its
 * note. g_free. */
char *sg_render_tie_tooltip(const sg_network *net, size_t e);
/* The node's label text for MODE, already escaped for a plain label (g_free). */
char *sg_render_node_label(const sg_node *node, sg_label_mode mode);
/* A tie's period as text ("1932-06–1939", "from 1936", "until 1940", "1933", "" when undated); g_free. */
char *sg_render_dates(const sg_interval *when);
/* The tie's label for MODE, escaped (g_free); "" for none. */
char *sg_render_edge_label(const sg_edge *edge, sg_edge_label_mode mode);
/* The Graphviz shape of a node kind (static). */
const char *sg_render_kind_shape(sg_kind kind);
/* The outline style of a node without a colour group under SCHEME (static): "solid", or "dotted" in print. */
const char *sg_render_ungrouped_outline(sg_render_scheme scheme);
/* The line style of a tie of confidence C (static): "solid", "dashed" or "dotted". */
const char *sg_render_confidence_style(double c);

/* The legend, as render and compare --render draw it: columns (a bold heading over rows of a swatch cell
 * and a text), side by side or stacked, then notes spanning the grid. Texts are escaped here and wrapped
 * at SG_LEGEND_LINE characters (titles at two thirds of it, in larger type). */
#define SG_LEGEND_LINE 72
typedef struct sg_legend_column {
    char *heading;   /* escaped */
    GPtrArray *rows; /* of strings: "<TD ...>swatch</TD><TD ...>text</TD>" */
    size_t line;     /* rows' texts wrap at this many characters (SG_LEGEND_LINE unless set) */
} sg_legend_column;
/* An empty list of columns; free with g_ptr_array_free(columns, TRUE). */
GPtrArray *sg_legend_columns_new(void);
/* Appends a column headed HEADING to COLUMNS and returns it (owned by COLUMNS). */
sg_legend_column *sg_legend_column_add(GPtrArray *columns, const char *heading);
void sg_legend_column_free(gpointer column);
/* Adds a row: a swatch cell (its attributes CELL and markup SWATCH, no data in either) and TEXT. */
void sg_legend_row(sg_legend_column *c, const char *cell, const char *swatch, const char *text);
/* The attributes of a swatch cell (g_free): filled FILL, its border BORDER points wide (3 at least for a
 * "bold" OUTLINE) in COLOR (NULL: the default), dashed or dotted as OUTLINE says, sized beside FONT-point
 * text. */
char *sg_legend_swatch(const char *fill, const char *outline, double border, const char *color, double font);
/* Writes COLUMNS as one grid, PER_ROW side by side (0: all), the next beneath; returns its width in cells. */
int sg_legend_write_columns(GString *out, GPtrArray *columns, int per_row);
/* Opens a note row spanning SPAN cells (left-aligned; close it with "</TD></TR>"). */
void sg_legend_note_open(GString *out, int span);
/* Adds the "shape: kind" column for the kinds SEEN (indexed by sg_kind, SG_KIND_PLACE + 1 of them) beside
 * FONT-point text wrapped at LINE characters; nothing when no kind is given. */
void sg_legend_add_kinds(GPtrArray *columns, const bool *seen, double font, size_t line);
/* A glyph that looks like the kind's shape, for legends (static UTF-8). */
const char *sg_render_kind_glyph(sg_kind kind);

/* The legend and caption as an HTML-like label (g_free): the title, then tables of colours, shapes, tie
 * families, confidence styles, size and route. Everything from the data is XML-escaped. */
char *sg_render_legend(const sg_network *net, const sg_render_spec *spec, const sg_view *view,
                       const char *title);

/* The default title: the network's title (or id), the hypothesis, the date (g_free). */
char *sg_render_default_title(const sg_network *net);

/* Builds the cgraph graph of VIEW (caller agclose()s it). Never fails short of memory exhaustion. No name
 * from the data is a cgraph name: the graph is "network", node i is "n<i>" (its `id` attribute is
 * sg_render_node_object_id's "node-...", its tooltip sg_render_node_tooltip), ties are anonymous cgraph
 * edges whose `id` is sg_render_tie_object_id's "tie-...". When NODES is not NULL, NODES[i] is set to node
 * i's object (NULL when not drawn); it holds NET->n_nodes entries. */
Agraph_t *sg_render_build(const sg_network *net, const sg_render_spec *spec, const sg_view *view,
                          const char *layout, Agnode_t **nodes);

/* Sets attribute NAME of a cgraph object OBJ to VALUE (declared with the default "" if new; cgraph copies
 * the strings). */
void sg_render_set(void *obj, const char *name, const char *value);
/* Sets attribute NAME of OBJ to VALUE written "%.3g" with a dot for the decimal point, whatever the locale. */
void sg_render_set_number(void *obj, const char *name, double value);

/* Graphviz reports through agerr. Between sg_render_messages_begin and _end its messages are collected,
 * one a line (not printed); _text gives them (borrowed, "" when none), _clear drops them, and _end with
 * REPORT prints each as a warning "graphviz: ..." before restoring the previous handler. Not reentrant. */
void sg_render_messages_begin(void);
const char *sg_render_messages_text(void);
void sg_render_messages_clear(void);
void sg_render_messages_end(bool report);

/* The process's one Graphviz context, made on first use and never freed (Graphviz's font cache outlives a
 * freed context, so every drawing of a process must share one). */
GVC_t *sg_render_context(void);

/* The font used for every label: one with Latin, Cyrillic and CJK glyphs (fonts-noto-cjk). */
#define SG_RENDER_FONT "Noto Sans CJK JP,sans-serif"
/* The colour of the highlighted route and of faded parts. */
#define SG_RENDER_ROUTE_COLOR "#d7191c"
#define SG_RENDER_FADED_COLOR "#d9d9d9"
#define SG_RENDER_FADED_FILL "#f4f4f4"
#define SG_RENDER_FADED_TEXT "#a0a0a0"

#endif

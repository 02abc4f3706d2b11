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
    char *name;        /* owned: the value, "community N", "other" or "(none)" */
    const char *fill;  /* static: a Graphviz colour such as "/paired12/2" */
    const char *font;  /* static: the label colour that reads on FILL */
    size_t count;      /* drawn nodes in the group */
} sg_group;

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
} sg_view;

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
/* Appends TEXT to OUT for an HTML-like label (the legend): drawable text, XML-escaped. */
void sg_render_append_html(GString *out, const char *text);
/* An object's `id` attribute (the SVG element id): PREFIX, then ID with every byte but ASCII letters,
 * digits, '_', '-' and '.' written as %XX (RFC 3986 percent-encoding of the UTF-8: '%' and non-ASCII
 * included), so distinct ids stay distinct, every DOT and SVG reader takes it as it is, and none can
 * meet Graphviz's own ids (node1, edge1, graph0, a_...). */
char *sg_render_object_id(const char *prefix, const char *id);
/* The node's label text for MODE, already escaped for a plain label (g_free). */
char *sg_render_node_label(const sg_node *node, sg_label_mode mode);
/* A tie's period as text ("1932-06–1939", "from 1936", "until 1940", "1933", "" when undated); g_free. */
char *sg_render_dates(const sg_interval *when);
/* The tie's label for MODE, escaped (g_free); "" for none. */
char *sg_render_edge_label(const sg_edge *edge, sg_edge_label_mode mode);
/* The Graphviz colour of a relation family's ties (static). */
const char *sg_render_family_color(sg_family family);
/* The Graphviz shape of a node kind (static). */
const char *sg_render_kind_shape(sg_kind kind);
/* The line style of a tie of confidence C (static): "solid", "dashed" or "dotted". */
const char *sg_render_confidence_style(double c);

/* The legend and caption as an HTML-like label (g_free): the title, then tables of colours, shapes, tie
 * families, confidence styles, size and route. Everything from the data is XML-escaped. */
char *sg_render_legend(const sg_network *net, const sg_render_spec *spec, const sg_view *view,
                       const char *title);

/* The default title: the network's title (or id), the hypothesis, the date (g_free). */
char *sg_render_default_title(const sg_network *net);

/* Builds the cgraph graph of VIEW (caller agclose()s it). Never fails short of memory exhaustion. No name
 * from the data is a cgraph name: the graph is "network", node i is "n<i>" (its id is the `id` attribute
 * "node_..." of sg_render_object_id and the tooltip), ties are anonymous. When NODES is not NULL,
 * NODES[i] is set to node i's object (NULL when not drawn); it holds NET->n_nodes entries. */
Agraph_t *sg_render_build(const sg_network *net, const sg_render_spec *spec, const sg_view *view,
                          const char *layout, Agnode_t **nodes);

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

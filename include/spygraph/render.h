/* render.h: diagrams through Graphviz: the network as a cgraph graph, laid out and rendered by gvc. */
#ifndef SPYGRAPH_RENDER_H
#define SPYGRAPH_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "spygraph/reading.h"
#include "spygraph/message.h"
#include "spygraph/model.h"

/* What is written. DOT is the laid-out graph (positions included, as `dot -Tdot` writes it); CANON is the
 * graph as built, before layout (cgraph's own writer): the same attributes, no positions, so it does not
 * depend on the layout engine's arithmetic. */
typedef enum sg_render_format {
    SG_RENDER_DOT,
    SG_RENDER_CANON,
    SG_RENDER_SVG,
    SG_RENDER_PNG,
    SG_RENDER_PDF
} sg_render_format;

/* Parses "dot", "canon", "svg", "png", "pdf"; returns false if unknown. */
bool sg_render_format_parse(const char *text, sg_render_format *out);
/* The format a file name's extension names (.dot/.gv, .svg, .png, .pdf, any case); false if none. */
bool sg_render_format_from_path(const char *path, sg_render_format *out);

/* The layout engines offered (static, NULL-terminated): dot, neato, fdp, sfdp, circo, twopi. */
const char *const *sg_render_layouts(void);
/* True if NAME is one of sg_render_layouts(). */
bool sg_render_layout_known(const char *name);

typedef enum sg_label_mode { SG_LABELS_LABEL, SG_LABELS_ID, SG_LABELS_CODENAME, SG_LABELS_NONE } sg_label_mode;
/* Parses "label", "id", "codename", "none"; false if unknown. */
bool sg_label_mode_parse(const char *text, sg_label_mode *out);

typedef enum sg_edge_label_mode { SG_EDGE_LABELS_NONE, SG_EDGE_LABELS_RELATION, SG_EDGE_LABELS_DATES } sg_edge_label_mode;
/* Parses "none", "relation", "dates"; false if unknown. */
bool sg_edge_label_mode_parse(const char *text, sg_edge_label_mode *out);

/* Confidence thresholds of the tie styles: solid at or above CERTAIN, dashed at or above DOUBTFUL, dotted
 * below. */
#define SG_RENDER_CERTAIN 0.8
#define SG_RENDER_DOUBTFUL 0.5

/* The drawing vocabulary's two schemes: COLOUR (Brewer fills, tie colours by family) and PRINT
 * (greyscale-safe: light grey fills with outline styles, ties told apart by line weight and pattern). */
typedef enum sg_render_scheme { SG_SCHEME_COLOUR, SG_SCHEME_PRINT } sg_render_scheme;
/* Parses "colour" (or "color") and "print"; false if unknown. */
bool sg_render_scheme_parse(const char *text, sg_render_scheme *out);

/* The smallest label size at a physical size when none is given (points), and the default resolutions of
 * PNG output: print (a physical size given) and screen. */
#define SG_RENDER_MIN_FONT 7.0
#define SG_RENDER_PRINT_DPI 300.0
#define SG_RENDER_SCREEN_DPI 96.0

/* The range of a picture's physical width or height, in points: 1 cm to 20 m. */
#define SG_RENDER_LENGTH_MIN (72.0 / 2.54)
#define SG_RENDER_LENGTH_MAX (2000 * 72.0 / 2.54)

/* Parses a length with its unit ("15cm", "6in", "425pt", "150mm", "15 cm") into points (1/72 in).
 * Returns false (OUT untouched) when the number is not a finite positive decimal, the unit is missing or
 * unknown, or the length is outside [SG_RENDER_LENGTH_MIN, SG_RENDER_LENGTH_MAX]. */
bool sg_render_length_parse(const char *text, double *out);

/* Past this many drawn nodes the automatic layout is sfdp rather than neato. */
#define SG_RENDER_LARGE 300

/* Everything a diagram depends on besides the network. Start from sg_render_spec_init. */
typedef struct sg_render_spec {
    sg_render_format format;
    const char *layout;             /* NULL: neato for up to SG_RENDER_LARGE drawn nodes and no arrows,
                                       else sfdp */
    sg_label_mode labels;
    sg_edge_label_mode edge_labels;
    const char *color_by;           /* "affiliation" (default), "kind", "community", "none", or an extra
                                       node column of the network */
    const char *size_by;            /* the measure's name, for the legend; NULL: uniform sizes */
    const double *size_values;      /* one value per node of the network (borrowed), when size_by */
    double min_confidence;          /* ties below are not drawn (0: all) */
    int focus;                      /* node index whose neighbourhood is drawn, or -1 */
    int hops;                       /* the neighbourhood's radius (with focus) */
    int path_from, path_to;         /* node indices of the route to highlight, or -1 */
    size_t path_rank;               /* which route: the PATH_RANK-th (1-based) that sg_paths_find gives
                                       with k = PATH_RANK over the drawn ties, merged (what `paths FROM TO
                                       --k K` lists); 0 is taken as 1 */
    sg_relation_set route_relations; /* the relations the route may follow among the drawn ties (default
                                       all; `render` passes what `paths` reads under the same options) */
    sg_render_scheme scheme;
    double width, height;           /* the picture's physical size in points (0: not given). With either,
                                       the drawing is scaled to fit (filling the width, or the height if
                                       only that is given) and laid out so that no label is smaller than
                                       MIN_FONT there: the most important nodes keep labels, the rest are
                                       drawn as small marks */
    double min_font;                /* points; 0: SG_RENDER_MIN_FONT */
    double dpi;                     /* PNG resolution; 0: SG_RENDER_PRINT_DPI with a physical size, else
                                       SG_RENDER_SCREEN_DPI */
    const sg_network *colours_of;   /* NULL: NET. Else the whole network NET is a reading of (such as
                                       sg_network_union_of_hypotheses of its base): colour groups are
                                       ranked and coloured over all its nodes, so a group has one colour in
                                       every picture of the network */
    sg_direction direction;         /* DEFAULT: arrows as each relation says; DIRECTED: every tie an arrow
                                       (and routes follow arrows); UNDIRECTED: no arrows */
    const char *title;              /* NULL: the network's title, hypothesis and date */
    unsigned long seed;             /* for the layout's start and the community detection */
    const sg_network *layout_of;    /* NULL: NET is laid out. Else a network holding NET's nodes (such as
                                       sg_network_union_of_hypotheses of its base, compare.h): it is laid out
                                       whole instead, with the seed, and each node of NET is pinned where its
                                       id falls there, so pictures of several hypotheses share positions */
} sg_render_spec;

/* Fills SPEC with the defaults: SVG, automatic layout, labels, no edge labels, colour by affiliation,
 * uniform sizes, every tie, no focus, no route, seed 1, no shared layout. */
void sg_render_spec_init(sg_render_spec *spec);

/* Checks that COLOR_BY names something NET has ("affiliation", "kind", "community", "none" or an extra
 * node column). Returns false otherwise. */
bool sg_render_color_by_known(const sg_network *net, const char *color_by);

/* Draws NET as SPEC says and writes the result to STREAM. On failure (no route between the path's ends,
 * a Graphviz layout or rendering failure, an igraph error) adds an error to DIAG and returns false; then
 * part of the output may have been written, so write to an sg_output and abort it. NET is not changed;
 * nothing is kept. */
bool sg_render_write(const sg_network *net, const sg_render_spec *spec, FILE *stream, sg_diag *diag);

/* The SVG/DOT `id` of a node: "node-" and its id with every byte but ASCII letters, digits, '_', '-' and
 * '.' percent-encoded ("node-ozaki"); of a tie: "tie-" and its stable key (sg_edge_key): "tie-17",
 * "tie-kato_kito-2". Newly allocated (g_free); never NULL. */
char *sg_render_node_object_id(const sg_node *node);
char *sg_render_tie_object_id(const sg_edge *edge);

/* How `render` colours and sizes a network, for the formats that carry a picture's style (GEXF's viz):
 * per node its fill and its size, per tie its colour, as render draws them with SPEC (its defaults when
 * SPEC is NULL). Colours are "#rrggbb" (Graphviz's names and Brewer schemes translated by Graphviz): a
 * node's fill is the one render gives it (its colour group under SPEC's color_by, white when it has none),
 * a tie's the colour of its relation's family. A node's size is its height in points as Graphviz sizes its
 * shape around its label (a one-line label in the default 12-point font: 36, Graphviz's least height of
 * half an inch). A route's highlight and fading (path_from, path_to) are not carried; a node render leaves
 * out (focus) is sized and filled as if drawn, with no colour group. */
typedef struct sg_render_style {
    size_t n_nodes, n_edges;
    char **node_fill;   /* n_nodes texts */
    double *node_size;  /* n_nodes sizes */
    char **edge_color;  /* n_edges texts */
} sg_render_style;

/* Fills STYLE for NET as described above. Returns false with the reason in DIAG (an igraph failure while
 * finding communities, a Graphviz failure, a colour Graphviz does not know); STYLE is then empty. Free with
 * sg_render_style_clear. About linear in nodes and ties (Graphviz packs the nodes with osage, without the
 * ties), plus the community detection when SPEC colours by community. */
bool sg_render_style_of(const sg_network *net, const sg_render_spec *spec, sg_render_style *style, sg_diag *diag);
/* Frees what STYLE holds and empties it. */
void sg_render_style_clear(sg_render_style *style);

#endif

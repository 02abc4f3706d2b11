/* summary.h: network-level figures (counts by kind and relation, components, density, diameter, span, dates). */
#ifndef SPYGRAPH_SUMMARY_H
#define SPYGRAPH_SUMMARY_H

#include <stddef.h>

#include "spygraph/reading.h"
#include "spygraph/model.h"

typedef struct sg_count {
    const char *name; /* borrowed */
    size_t count;
} sg_count;

/* How the dates of a network were written (each written date counted once in every line that fits it). */
typedef struct sg_date_counts {
    size_t written;     /* dates given (not empty) */
    size_t approximate; /* ~ or % */
    size_t uncertain;   /* ? or % */
    size_t unspecified; /* with X digits */
    size_t ranges;      /* A/B, ../B, A/.. */
    size_t open_ended;  /* ranges with an open side */
} sg_date_counts;

typedef struct sg_summary {
    size_t nodes;
    size_t ties;             /* ties in the table (parallel ties and self-loops counted) */
    size_t links;            /* edges of the simple graph: pairs of distinct nodes joined by at least one
                                tie (ordered pairs, arcs, when DIRECTED) */
    bool directed;           /* the figures below follow the ties' direction */
    sg_count *by_kind;       /* sorted by name; n_kinds entries */
    size_t n_kinds;
    sg_count *by_relation;   /* sorted by name */
    size_t n_relations;
    size_t components;       /* weakly connected components */
    size_t strong_components;/* strongly connected components when DIRECTED, else = components */
    size_t largest_component;
    size_t isolates;
    double density;          /* links / (n (n-1) / 2), or links / (n (n-1)) when DIRECTED */
    double diameter;         /* longest shortest path (hops) between nodes that reach each other
                                (following direction when DIRECTED); NaN without links */
    double mean_distance;    /* over the ordered pairs that reach each other; NaN without such pairs */
    sg_interval span;        /* earliest start and latest end among dated ties (timeless if none) */
    size_t dated_edges;
    sg_date_counts dates;    /* over the nodes' start and end, the ties' start and end, the events' dates and
                                the span's two ends (not the hypotheses' patch lines) */
    size_t sources;
    size_t self_loops;
    size_t multi_edges;      /* ties beyond the first between the same pair with the same relation */
} sg_summary;

/* Computes the summary of NET (a read network) on its simple graph read as DIRECTION (DEFAULT:
 * undirected; sg_graph_build, parallel ties merged, self-loops dropped); the diameter and mean distance only
 * WITH_DISTANCES (else NaN). Returns IGRAPH_SUCCESS or an igraph error code (then OUT holds nothing to
 * free). Free with sg_summary_free. O(n + m log m), plus O(n m) for the distances. */
igraph_error_t sg_summary_compute(const sg_network *net, sg_direction direction, bool with_distances,
                                  sg_summary *out);
void sg_summary_free(sg_summary *s);

#endif

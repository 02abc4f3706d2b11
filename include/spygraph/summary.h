/* summary.h: network-level figures (counts by kind and relation, components, density, diameter, span). */
#ifndef SPYGRAPH_SUMMARY_H
#define SPYGRAPH_SUMMARY_H

#include <stddef.h>

#include "spygraph/graph.h"
#include "spygraph/model.h"

typedef struct sg_count {
    const char *name; /* borrowed */
    size_t count;
} sg_count;

typedef struct sg_summary {
    size_t nodes, edges;
    sg_count *by_kind;       /* sorted by name; n_kinds entries */
    size_t n_kinds;
    sg_count *by_relation;   /* sorted by name */
    size_t n_relations;
    size_t components;       /* weakly connected components */
    size_t largest_component;
    size_t isolates;
    double density;          /* of the undirected simple graph: distinct pairs / (n (n-1) / 2) */
    double diameter;         /* longest shortest path (hops) within components; NaN without edges */
    double mean_distance;    /* over connected pairs, undirected; NaN without connected pairs */
    sg_interval span;        /* earliest start and latest end among dated ties (timeless if none) */
    size_t dated_edges;
    size_t sources;
    size_t self_loops;
    size_t multi_edges;      /* ties beyond the first between the same pair with the same relation */
} sg_summary;

/* Computes the summary of NET read as an undirected graph. Returns IGRAPH_SUCCESS or an igraph error
 * code (then OUT holds nothing to free). Free with sg_summary_free. O(n m) for the diameter. */
igraph_error_t sg_summary_compute(const sg_network *net, sg_summary *out);
void sg_summary_free(sg_summary *s);

#endif

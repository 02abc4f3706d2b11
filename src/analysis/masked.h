/* masked.h: Brandes betweenness over a fixed graph with some edges switched off (robustness sampling). */
#ifndef SPYGRAPH_ANALYSIS_MASKED_H
#define SPYGRAPH_ANALYSIS_MASKED_H

#include <igraph.h>
#include <stdbool.h>

#include "spygraph/reading.h"

/* A graph's adjacency laid out once (igraph vectors) so that each sample only switches edges off: igraph's
 * betweenness takes no edge mask, and rebuilding a graph per sample costs as much as the measure on a
 * network of a hundred nodes. */
typedef struct sg_masked_graph {
    const sg_graph *graph;      /* borrowed */
    igraph_integer_t n;
    bool directed;
    igraph_vector_int_t out_start, out_nbr, out_edge; /* arcs out of each vertex (undirected: every edge) */
    /* work space of one call: the live arcs, then per source the distances, the visiting order, the
       arcs of the shortest-path DAG, path counts and dependencies */
    igraph_vector_int_t live_start, live_nbr;
    igraph_vector_int_t dist, order, dag_from, dag_to;
    igraph_vector_t sigma, delta;
    igraph_vector_t leaves;     /* undirected: per vertex, its live neighbours of live degree 1 */
} sg_masked_graph;

/* Lays out G's adjacency (G must outlive MG). Returns IGRAPH_SUCCESS or an igraph error code (nothing to
 * free then). O(n + m). */
igraph_error_t sg_masked_graph_init(sg_masked_graph *mg, const sg_graph *g);
void sg_masked_graph_destroy(sg_masked_graph *mg);

/* RES (initialised by the caller, resized to n) = raw betweenness of every vertex in the graph of MG's
 * edges e with ALIVE[e] (hops as lengths; an undirected pair counted once, as igraph_betweenness counts
 * it): Brandes's algorithm (2001), summed over every source, the dependencies passed back along the
 * shortest-path DAG's arcs in the reverse of the order breadth-first search found them; undirected, a
 * vertex of degree 1 needs no search of its own (its neighbour's, counted once more, stands for it, as in
 * Baglioni, Geraci, Pellegrini and Lastres, "Fast exact computation of betweenness centrality in social
 * networks", ASONAM 2012). Returns IGRAPH_SUCCESS or IGRAPH_ENOMEM.
 * O(n m); no allocation after the first call. */
igraph_error_t sg_masked_betweenness(sg_masked_graph *mg, const bool *alive, igraph_vector_t *res);

#endif

/* ksp.h: simple paths between two nodes best first (Yen's algorithm with Lawler's saving), under a work budget. */
#ifndef SPYGRAPH_KSP_H
#define SPYGRAPH_KSP_H

#include <igraph.h>
#include <stdbool.h>
#include <stddef.h>

/* Called with each path in turn (NODES, N node indices from FROM to TO) and its COST (the sum of its links'
 * weights, added from FROM onwards); returns false to stop the search. */
typedef bool sg_ksp_visit(const igraph_integer_t *nodes, size_t n, double cost, void *ctx);

/* What a search did. */
typedef struct sg_ksp_result {
    size_t paths;          /* paths passed to the visitor */
    size_t steps;          /* elementary steps spent (see sg_ksp_search) */
    bool exhausted;        /* the budget ran out before the visitor or the paths did */
} sg_ksp_result;

/* Passes the simple paths from FROM to TO in GRAPH (directed graphs followed along their arcs, undirected
 * ones either way; at most one link per pair of nodes, no self-loops) to VISIT in order of cost (the sum of
 * WEIGHTS, one non-negative weight per link; NULL: 1 per link), equal costs in order of discovery, until
 * VISIT returns false, the paths run out, or BUDGET elementary steps are spent (then RES->exhausted). A
 * step is a node settled or a link examined by a shortest-path search, or a node copied into a candidate
 * path, so time and memory are O(BUDGET) (each step a few heap operations: O(BUDGET log n) time).
 * Returns IGRAPH_SUCCESS or an igraph error code (IGRAPH_ENOMEM). */
igraph_error_t sg_ksp_search(const igraph_t *graph, const igraph_vector_t *weights, igraph_integer_t from,
                             igraph_integer_t to, size_t budget, sg_ksp_visit *visit, void *ctx,
                             sg_ksp_result *res);

#endif

/* graph.h: the igraph view of a network: one graph built in one call, with a map back to the ties. */
#ifndef SPYGRAPH_GRAPH_H
#define SPYGRAPH_GRAPH_H

#include <igraph.h>
#include <stdbool.h>

#include "spygraph/model.h"

/* How ties are read when building the graph. */
typedef enum sg_direction {
    SG_DIRECTION_DEFAULT,    /* the command's documented default */
    SG_DIRECTION_DIRECTED,   /* directed graph: a directed relation gives one arc source->target, an
                                undirected relation gives two arcs, one each way, except a bare
                                edge list's unspecified `tie`, read from source to target */
    SG_DIRECTION_UNDIRECTED  /* undirected graph: one edge per tie, direction ignored */
} sg_direction;

/* What an edge's weight is read from. */
typedef enum sg_weights {
    SG_WEIGHTS_NONE,
    SG_WEIGHTS_WEIGHT,
    SG_WEIGHTS_CONFIDENCE
} sg_weights;

/* Parses "none", "weight", "confidence"; returns false if unknown. */
bool sg_weights_parse(const char *text, sg_weights *out);

/* The igraph graph of a network. Vertex i is node i. EDGE_TIE[e] is the index in net->edges of the tie
 * igraph edge e stands for (a tie may stand behind two arcs in a directed graph). */
typedef struct sg_graph {
    igraph_t graph;
    igraph_vector_int_t edge_tie;
    bool directed;
} sg_graph;

/* Builds G from NET in one igraph_create call, reading ties as DIRECTION says (DEFAULT is taken as
 * UNDIRECTED). Returns IGRAPH_SUCCESS, or an igraph error code (nothing to free then). Free with
 * sg_graph_destroy. */
igraph_error_t sg_graph_build(sg_graph *g, const sg_network *net, sg_direction direction);
void sg_graph_destroy(sg_graph *g);

/* Fills OUT (initialised by the caller, resized here) with one value per igraph edge: the tie's weight
 * or confidence (WHICH), or 1 for SG_WEIGHTS_NONE. Returns an igraph error code. */
igraph_error_t sg_graph_edge_values(const sg_graph *g, const sg_network *net, sg_weights which,
                                    igraph_vector_t *out);

/* Installs spygraph's igraph error and warning handlers: report through sg_error and return, never
 * abort. Call once at start-up. */
void sg_igraph_install_handlers(void);

#endif

/* graph.c: building the igraph graph of a network in one call, and igraph's error handlers. */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "spygraph/graph.h"
#include "spygraph/message.h"

bool sg_weights_parse(const char *text, sg_weights *out)
{
    if (g_strcmp0(text, "none") == 0)
        *out = SG_WEIGHTS_NONE;
    else if (g_strcmp0(text, "weight") == 0)
        *out = SG_WEIGHTS_WEIGHT;
    else if (g_strcmp0(text, "confidence") == 0)
        *out = SG_WEIGHTS_CONFIDENCE;
    else
        return false;
    return true;
}

/* True when tie E becomes two arcs, one each way, in a directed graph: a mutual relation (met, friend).
 * A bare edge list's unspecified `tie` is read as written, from source to target (networks/README.md). */
static bool reads_both_ways(const sg_network *net, const sg_edge *e)
{
    return !e->relation->directed && (net->curated || e->relation != sg_relation_unspecified());
}

igraph_error_t sg_graph_build(sg_graph *g, const sg_network *net, sg_direction direction)
{
    g->directed = direction == SG_DIRECTION_DIRECTED;
    size_t arcs = 0;
    for (size_t i = 0; i < net->n_edges; i++)
        arcs += g->directed && reads_both_ways(net, &net->edges[i]) ? 2 : 1;

    igraph_vector_int_t ends;
    IGRAPH_CHECK(igraph_vector_int_init(&ends, (igraph_integer_t)(2 * arcs)));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &ends);
    IGRAPH_CHECK(igraph_vector_int_init(&g->edge_tie, (igraph_integer_t)arcs));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &g->edge_tie);

    igraph_integer_t k = 0;
    for (size_t i = 0; i < net->n_edges; i++) {
        const sg_edge *e = &net->edges[i];
        VECTOR(ends)[2 * k] = e->source;
        VECTOR(ends)[2 * k + 1] = e->target;
        VECTOR(g->edge_tie)[k++] = (igraph_integer_t)i;
        if (g->directed && reads_both_ways(net, e)) {
            VECTOR(ends)[2 * k] = e->target;
            VECTOR(ends)[2 * k + 1] = e->source;
            VECTOR(g->edge_tie)[k++] = (igraph_integer_t)i;
        }
    }
    IGRAPH_CHECK(igraph_create(&g->graph, &ends, (igraph_integer_t)net->n_nodes,
                               g->directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED));
    igraph_vector_int_destroy(&ends);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

void sg_graph_destroy(sg_graph *g)
{
    igraph_destroy(&g->graph);
    igraph_vector_int_destroy(&g->edge_tie);
}

igraph_error_t sg_graph_edge_values(const sg_graph *g, const sg_network *net, sg_weights which,
                                    igraph_vector_t *out)
{
    igraph_integer_t m = igraph_vector_int_size(&g->edge_tie);
    IGRAPH_CHECK(igraph_vector_resize(out, m));
    for (igraph_integer_t e = 0; e < m; e++) {
        const sg_edge *tie = &net->edges[VECTOR(g->edge_tie)[e]];
        VECTOR(*out)[e] = which == SG_WEIGHTS_WEIGHT ? tie->weight
                          : which == SG_WEIGHTS_CONFIDENCE ? tie->confidence : 1.0;
    }
    return IGRAPH_SUCCESS;
}

static void report_igraph_error(const char *reason, const char *file, int line, igraph_error_t err)
{
    (void)file;
    (void)line;
    /* IGRAPH_CHECK passes an error up by raising it again with an empty reason: report that only if
     * nothing was reported before */
    static bool reported = false;
    if (reason && *reason)
        sg_error("analysis failed: %s (%s)", reason, igraph_strerror(err));
    else if (!reported)
        sg_error("analysis failed (%s)", igraph_strerror(err));
    reported = true;
    IGRAPH_FINALLY_FREE();
}

static void report_igraph_warning(const char *reason, const char *file, int line)
{
    (void)file;
    (void)line;
    sg_warning("%s", reason);
}

void sg_igraph_install_handlers(void)
{
    igraph_set_error_handler(report_igraph_error);
    igraph_set_warning_handler(report_igraph_warning);
}

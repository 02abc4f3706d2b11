/* simple_graph.c: the simple weighted igraph graph of a network (parallel ties merged, loops dropped). */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/centrality_internal.h"

/* One arc before merging. */
typedef struct arc {
    igraph_integer_t to;
    double weight;
} arc;

static double tie_value(const sg_edge *e, sg_weights weights)
{
    return weights == SG_WEIGHTS_WEIGHT ? e->weight : weights == SG_WEIGHTS_CONFIDENCE ? e->confidence : 1.0;
}

static int arc_compare(const void *a, const void *b)
{
    igraph_integer_t x = ((const arc *)a)->to, y = ((const arc *)b)->to;
    return (x > y) - (x < y);
}

/* Writes to ENDS the arcs (from, to pairs) that the tie E gives under READING; returns how many (0 for a
 * self-loop). */
static int tie_arcs(const sg_edge *e, sg_reading reading, igraph_integer_t ends[4])
{
    if (e->source == e->target)
        return 0;
    igraph_integer_t s = e->source, t = e->target;
    if (reading == SG_READ_UNDIRECTED) {
        ends[0] = MIN(s, t);
        ends[1] = MAX(s, t);
        return 1;
    }
    ends[0] = s;
    ends[1] = t;
    if (reading == SG_READ_DIRECTED && e->relation->directed)
        return 1;
    ends[2] = t;
    ends[3] = s;
    return 2;
}

/* Buckets the arcs by their first end (counting sort): START has n+1 offsets into ARCS. */
static void bucket_arcs(const sg_network *net, sg_reading reading, sg_weights weights, igraph_integer_t *start,
                        arc *arcs)
{
    size_t n = net->n_nodes;
    igraph_integer_t ends[4];
    for (size_t i = 0; i < net->n_edges; i++) {
        int k = tie_arcs(&net->edges[i], reading, ends);
        for (int j = 0; j < k; j++)
            start[ends[2 * j] + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        start[v + 1] += start[v];
    igraph_integer_t *fill = g_new(igraph_integer_t, n + 1);
    memcpy(fill, start, (n + 1) * sizeof *fill);
    for (size_t i = 0; i < net->n_edges; i++) {
        const sg_edge *e = &net->edges[i];
        int k = tie_arcs(e, reading, ends);
        for (int j = 0; j < k; j++)
            arcs[fill[ends[2 * j]]++] = (arc){ends[2 * j + 1], tie_value(e, weights)};
    }
    g_free(fill);
}

/* Sorts each bucket and merges equal arcs into EDGES (pairs) and WEIGHT; returns the edge count. */
static igraph_integer_t merge_arcs(size_t n, const igraph_integer_t *start, arc *arcs, sg_weights weights,
                                   igraph_vector_int_t *edges, igraph_vector_t *weight)
{
    igraph_integer_t m = 0;
    for (size_t v = 0; v < n; v++) {
        arc *a = arcs + start[v];
        igraph_integer_t len = start[v + 1] - start[v];
        if (len > 1)
            qsort(a, (size_t)len, sizeof *a, arc_compare);
        for (igraph_integer_t i = 0; i < len; i++) {
            if (i > 0 && a[i].to == a[i - 1].to) {
                double *w = &VECTOR(*weight)[m - 1];
                *w = weights == SG_WEIGHTS_WEIGHT ? *w + a[i].weight
                     : weights == SG_WEIGHTS_CONFIDENCE ? MAX(*w, a[i].weight) : 1.0;
                continue;
            }
            VECTOR(*edges)[2 * m] = (igraph_integer_t)v;
            VECTOR(*edges)[2 * m + 1] = a[i].to;
            VECTOR(*weight)[m++] = a[i].weight;
        }
    }
    return m;
}

igraph_error_t sg_simple_graph_build(sg_simple_graph *s, const sg_network *net, sg_reading reading,
                                     sg_weights weights)
{
    size_t n = net->n_nodes;
    igraph_integer_t *start = g_new0(igraph_integer_t, n + 1);
    size_t total = 0;
    igraph_integer_t ends[4];
    for (size_t i = 0; i < net->n_edges; i++)
        total += (size_t)tie_arcs(&net->edges[i], reading, ends);
    arc *arcs = g_new(arc, MAX(total, 1));
    bucket_arcs(net, reading, weights, start, arcs);

    igraph_vector_int_t edges;
    igraph_error_t err = igraph_vector_int_init(&edges, (igraph_integer_t)(2 * total));
    if (err == IGRAPH_SUCCESS) {
        err = igraph_vector_init(&s->weight, (igraph_integer_t)total);
        if (err != IGRAPH_SUCCESS)
            igraph_vector_int_destroy(&edges);
    }
    if (err != IGRAPH_SUCCESS) {
        g_free(start);
        g_free(arcs);
        return err;
    }
    igraph_integer_t m = merge_arcs(n, start, arcs, weights, &edges, &s->weight);
    g_free(start);
    g_free(arcs);
    igraph_vector_int_resize(&edges, 2 * m); /* shrinking never fails */
    igraph_vector_resize(&s->weight, m);
    err = igraph_create(&s->graph, &edges, (igraph_integer_t)n, reading != SG_READ_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    if (err != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&s->weight);
        return err;
    }
    s->weighted = weights != SG_WEIGHTS_NONE;
    return IGRAPH_SUCCESS;
}

void sg_simple_graph_destroy(sg_simple_graph *s)
{
    igraph_destroy(&s->graph);
    igraph_vector_destroy(&s->weight);
}

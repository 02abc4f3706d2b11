/* masked.c: Brandes betweenness over a fixed graph with some edges switched off, for sampling without rebuilding. */
#include "analysis/masked.h"

/* Compressed adjacency: the (neighbour, edge) pairs of vertex v are [START[v], START[v + 1]). */
static igraph_error_t adjacency(const igraph_t *g, igraph_neimode_t mode, igraph_vector_int_t *start,
                                igraph_vector_int_t *nbr, igraph_vector_int_t *edge)
{
    igraph_integer_t n = igraph_vcount(g);
    igraph_inclist_t inc;
    IGRAPH_CHECK(igraph_inclist_init(g, &inc, mode, IGRAPH_LOOPS_ONCE));
    IGRAPH_FINALLY(igraph_inclist_destroy, &inc);
    IGRAPH_CHECK(igraph_vector_int_resize(start, n + 1));
    igraph_vector_int_clear(nbr);
    igraph_vector_int_clear(edge);
    for (igraph_integer_t v = 0; v < n; v++) {
        VECTOR(*start)[v] = igraph_vector_int_size(nbr);
        const igraph_vector_int_t *list = igraph_inclist_get(&inc, v);
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(list); k++) {
            igraph_integer_t e = VECTOR(*list)[k];
            IGRAPH_CHECK(igraph_vector_int_push_back(nbr, IGRAPH_OTHER(g, e, v)));
            IGRAPH_CHECK(igraph_vector_int_push_back(edge, e));
        }
    }
    VECTOR(*start)[n] = igraph_vector_int_size(nbr);
    igraph_inclist_destroy(&inc);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

igraph_error_t sg_masked_graph_init(sg_masked_graph *mg, const sg_graph *g)
{
    const igraph_t *graph = &g->graph;
    igraph_integer_t n = igraph_vcount(graph);
    mg->graph = g;
    mg->n = n;
    mg->directed = igraph_is_directed(graph);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&mg->out_start, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&mg->out_nbr, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&mg->out_edge, 0);
    IGRAPH_CHECK(adjacency(graph, IGRAPH_OUT, &mg->out_start, &mg->out_nbr, &mg->out_edge));
    igraph_integer_t arcs = igraph_vector_int_size(&mg->out_nbr);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&mg->live_start, n + 1);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&mg->live_nbr, arcs + 1);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&mg->dist, n);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&mg->order, n + 1);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&mg->dag_from, arcs + 1);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&mg->dag_to, arcs + 1);
    IGRAPH_VECTOR_INIT_FINALLY(&mg->sigma, n);
    IGRAPH_VECTOR_INIT_FINALLY(&mg->delta, n);
    IGRAPH_VECTOR_INIT_FINALLY(&mg->leaves, n);
    igraph_vector_int_fill(&mg->dist, -1); /* sigma and delta start at 0 */
    IGRAPH_FINALLY_CLEAN(12);
    return IGRAPH_SUCCESS;
}

void sg_masked_graph_destroy(sg_masked_graph *mg)
{
    igraph_vector_int_destroy(&mg->out_start);
    igraph_vector_int_destroy(&mg->out_nbr);
    igraph_vector_int_destroy(&mg->out_edge);
    igraph_vector_int_destroy(&mg->live_start);
    igraph_vector_int_destroy(&mg->live_nbr);
    igraph_vector_int_destroy(&mg->dag_from);
    igraph_vector_int_destroy(&mg->dag_to);
    igraph_vector_int_destroy(&mg->dist);
    igraph_vector_int_destroy(&mg->order);
    igraph_vector_destroy(&mg->sigma);
    igraph_vector_destroy(&mg->delta);
    igraph_vector_destroy(&mg->leaves);
}

igraph_error_t sg_masked_betweenness(sg_masked_graph *mg, const bool *alive, igraph_vector_t *res)
{
    igraph_integer_t n = mg->n;
    IGRAPH_CHECK(igraph_vector_resize(res, n));
    igraph_vector_null(res);
    const igraph_integer_t *os = VECTOR(mg->out_start), *on = VECTOR(mg->out_nbr), *oe = VECTOR(mg->out_edge);
    igraph_integer_t *start = VECTOR(mg->live_start), *nbr = VECTOR(mg->live_nbr);
    igraph_integer_t *dist = VECTOR(mg->dist), *order = VECTOR(mg->order);
    igraph_integer_t *dag_from = VECTOR(mg->dag_from), *dag_to = VECTOR(mg->dag_to);
    double *sigma = VECTOR(mg->sigma), *delta = VECTOR(mg->delta), *out = VECTOR(*res);
    /* the live arcs, compacted once per call (a random mask makes a test per arc and pass unpredictable) */
    igraph_integer_t live = 0;
    for (igraph_integer_t v = 0; v < n; v++) {
        start[v] = live;
        for (igraph_integer_t k = os[v]; k < os[v + 1]; k++) {
            nbr[live] = on[k];
            live += alive[oe[k]];
        }
    }
    start[n] = live;
    /* Undirected, a leaf s (one live neighbour u) needs no search of its own: every shortest path from s
     * runs through u, so s's dependencies are u's on every other vertex, and u lies on all of s's paths
     * but the one to u. Each search from u counts (1 + its leaves) times, and u gains (component - 2) per
     * leaf. */
    double *leaves = VECTOR(mg->leaves);
    for (igraph_integer_t v = 0; v < n; v++)
        leaves[v] = 0;
    if (!mg->directed)
        for (igraph_integer_t v = 0; v < n; v++)
            if (start[v + 1] - start[v] == 1)
                leaves[nbr[start[v]]] += 1;
    for (igraph_integer_t s = 0; s < n; s++) {
        if (!mg->directed && start[s + 1] - start[s] == 1)
            continue;
        igraph_integer_t head = 0, tail = 0, arcs = 0;
        dist[s] = 0;
        sigma[s] = 1;
        order[tail++] = s;
        while (head < tail) { /* breadth first from s: shortest-path counts and the arcs of the path DAG */
            igraph_integer_t v = order[head++], next = dist[v] + 1;
            double paths = sigma[v];
            for (igraph_integer_t k = start[v]; k < start[v + 1]; k++) {
                /* branch-free: whether w is new or on the DAG is as unpredictable as the sample */
                igraph_integer_t w = nbr[k], d = dist[w];
                bool fresh = d < 0;
                d = fresh ? next : d;
                dist[w] = d;
                order[tail] = w;
                tail += fresh;
                bool on_dag = d == next;
                sigma[w] += on_dag ? paths : 0;
                dag_from[arcs] = v;
                dag_to[arcs] = w;
                arcs += on_dag;
            }
        }
        /* dependencies: the DAG's arcs farthest first, so delta[w] is complete before it is passed on */
        for (igraph_integer_t k = arcs - 1; k >= 0; k--) {
            igraph_integer_t v = dag_from[k], w = dag_to[k];
            delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
        }
        double times = 1 + leaves[s];
        for (igraph_integer_t i = 1; i < tail; i++)
            out[order[i]] += times * delta[order[i]];
        out[s] += leaves[s] * (double)(tail - 2);
        for (igraph_integer_t i = 0; i < tail; i++) { /* ready for the next source */
            igraph_integer_t v = order[i];
            dist[v] = -1;
            sigma[v] = 0;
            delta[v] = 0;
        }
    }
    if (!mg->directed)
        for (igraph_integer_t v = 0; v < n; v++)
            out[v] /= 2;
    return IGRAPH_SUCCESS;
}

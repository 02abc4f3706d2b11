/* holes.c: Burt's effective size (structural holes), which igraph lacks, on igraph incidence lists. */
#include <glib.h>
#include <math.h>

#include "analysis/centrality_internal.h"

/* Scratch arrays indexed by vertex, reset after each use. */
typedef struct scratch {
    double *mutual;        /* mutual weight of the current vertex with each vertex */
    igraph_integer_t *seen; /* stamp: the vertex currently being visited when it was last marked */
    igraph_integer_t *list; /* the distinct neighbours marked so far */
    igraph_integer_t count;
} scratch;

/* Fills SC with the mutual weights of U with its distinct neighbours (both arcs summed); returns their
 * sum. */
static double mark_neighbours(const igraph_inclist_t *inc, const igraph_t *g, const igraph_vector_t *w,
                              igraph_integer_t u, scratch *sc)
{
    igraph_vector_int_t *edges = igraph_inclist_get(inc, u);
    double total = 0;
    sc->count = 0;
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(edges); i++) {
        igraph_integer_t e = VECTOR(*edges)[i], other = IGRAPH_OTHER(g, e, u);
        if (sc->seen[other] != u + 1) {
            sc->seen[other] = u + 1;
            sc->mutual[other] = 0;
            sc->list[sc->count++] = other;
        }
        sc->mutual[other] += VECTOR(*w)[e];
        total += VECTOR(*w)[e];
    }
    return total;
}

/* The largest mutual weight of each vertex with one of its neighbours, into MAX (n entries). */
static void largest_mutual(const igraph_inclist_t *inc, const igraph_t *g, const igraph_vector_t *w, scratch *sc,
                           double *max)
{
    igraph_integer_t n = igraph_vcount(g);
    for (igraph_integer_t v = 0; v < n; v++) {
        mark_neighbours(inc, g, w, v, sc);
        max[v] = 0;
        for (igraph_integer_t i = 0; i < sc->count; i++)
            max[v] = MAX(max[v], sc->mutual[sc->list[i]]);
    }
    for (igraph_integer_t v = 0; v < n; v++)
        sc->seen[v] = 0;
}

/* The redundancy of U's tie to V: sum over U's neighbours w of p(U,w) * m(V,w) / max m(V,.), with P the
 * mutual weights of U already divided by their sum. */
static double redundancy(const igraph_inclist_t *inc, const igraph_t *g, const igraph_vector_t *w,
                         igraph_integer_t u, igraph_integer_t v, const scratch *sc, const double *max)
{
    if (max[v] == 0)
        return 0;
    igraph_vector_int_t *edges = igraph_inclist_get(inc, v);
    double r = 0;
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(edges); i++) {
        igraph_integer_t e = VECTOR(*edges)[i], other = IGRAPH_OTHER(g, e, v);
        if (other != u && sc->seen[other] == u + 1)
            r += sc->mutual[other] * VECTOR(*w)[e];
    }
    return r / max[v];
}

igraph_error_t sg_effective_size(const sg_graph *s, igraph_vector_t *out)
{
    const igraph_t *g = &s->graph;
    igraph_integer_t n = igraph_vcount(g);
    igraph_inclist_t inc;
    IGRAPH_CHECK(igraph_inclist_init(g, &inc, IGRAPH_ALL, IGRAPH_LOOPS_TWICE));
    IGRAPH_FINALLY(igraph_inclist_destroy, &inc);
    IGRAPH_CHECK(igraph_vector_resize(out, n));
    scratch sc = {g_new0(double, n), g_new0(igraph_integer_t, n), g_new0(igraph_integer_t, n), 0};
    double *max = g_new0(double, n);
    largest_mutual(&inc, g, &s->weight, &sc, max);
    for (igraph_integer_t u = 0; u < n; u++) {
        double total = mark_neighbours(&inc, g, &s->weight, u, &sc);
        if (sc.count == 0) {
            VECTOR(*out)[u] = NAN; /* undefined for an isolated node, as in NetworkX */
            continue;
        }
        for (igraph_integer_t i = 0; i < sc.count; i++)
            sc.mutual[sc.list[i]] = total > 0 ? sc.mutual[sc.list[i]] / total : 0;
        double size = 0;
        for (igraph_integer_t i = 0; i < sc.count; i++)
            size += 1 - redundancy(&inc, g, &s->weight, u, sc.list[i], &sc, max);
        VECTOR(*out)[u] = size;
    }
    g_free(max);
    g_free(sc.mutual);
    g_free(sc.seen);
    g_free(sc.list);
    igraph_inclist_destroy(&inc);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

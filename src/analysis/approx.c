/* approx.c: betweenness estimated from sampled shortest paths, within EPS of the exact value with probability 1 - D. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "analysis/approx.h"
#include "spygraph/robustness.h"

/* Riondato and Kornaropoulos ("Fast approximation of betweenness centrality through sampling", WSDM 2014):
 * draw R pairs (u, v) of distinct vertices uniformly, and for each a shortest path from u to v uniformly
 * among all of them (walking back from v, each predecessor p of w taken with probability sigma_p /
 * sigma_w); each internal vertex of the path gains 1/R. The estimate of b(w), betweenness normalized by the
 * n(n - 1) ordered pairs, is then within EPS of b(w) for every vertex at once with probability at least
 * 1 - D when R = (c / EPS^2) (floor(log2(VD - 2)) + 1 + ln(1 / D)), c = 0.5, VD at least the vertex
 * diameter (the most vertices on a shortest path). */

/* An upper bound of the vertex diameter of G: undirected, 2 x the eccentricity of the first vertex of each
 * component + 1 (every vertex is within that eccentricity of it, so a shortest path has at most twice as
 * many edges); directed, the vertices of the largest weakly connected component. O(n + m). */
static igraph_error_t vertex_diameter_bound(const igraph_t *g, double *out)
{
    igraph_integer_t n = igraph_vcount(g);
    igraph_vector_int_t membership, csize;
    igraph_integer_t no;
    IGRAPH_CHECK(igraph_vector_int_init(&membership, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &membership);
    IGRAPH_CHECK(igraph_vector_int_init(&csize, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &csize);
    IGRAPH_CHECK(igraph_connected_components(g, &membership, &csize, &no, IGRAPH_WEAK));
    double bound = n > 0 ? 1 : 0;
    if (igraph_is_directed(g)) {
        for (igraph_integer_t c = 0; c < no; c++)
            bound = MAX(bound, (double)VECTOR(csize)[c]);
    } else {
        bool *done = g_new0(bool, no + 1);
        igraph_vector_int_t dist;
        IGRAPH_CHECK(igraph_vector_int_init(&dist, 0));
        for (igraph_integer_t v = 0; v < n; v++) {
            igraph_integer_t c = VECTOR(membership)[v];
            if (done[c])
                continue;
            done[c] = true;
            igraph_integer_t ecc = 0;
            igraph_error_t err = igraph_bfs_simple(g, v, IGRAPH_ALL, NULL, &dist, NULL); /* layer starts */
            if (err != IGRAPH_SUCCESS) {
                g_free(done);
                igraph_vector_int_destroy(&dist);
                IGRAPH_ERROR("cannot bound the vertex diameter", err);
            }
            ecc = MAX(0, igraph_vector_int_size(&dist) - 2); /* layers 0..ecc, and the end */
            bound = MAX(bound, 2.0 * (double)ecc + 1);
        }
        g_free(done);
        igraph_vector_int_destroy(&dist);
    }
    igraph_vector_int_destroy(&membership);
    igraph_vector_int_destroy(&csize);
    IGRAPH_FINALLY_CLEAN(2);
    *out = bound;
    return IGRAPH_SUCCESS;
}

size_t sg_approx_samples(double eps, double delta, double vertex_diameter)
{
    if (vertex_diameter < 3)
        return 0; /* no shortest path has an internal vertex */
    double r = 0.5 / (eps * eps) * (floor(log2(vertex_diameter - 2)) + 1 + log(1 / delta));
    return (size_t)ceil(r);
}

igraph_error_t sg_betweenness_approx(const igraph_t *g, double eps, double delta, uint64_t seed, igraph_vector_t *res,
                                     sg_approx_info *info)
{
    if (!(eps > 0 && eps < 1) || !(delta > 0 && delta < 1))
        IGRAPH_ERROR("the approximation needs 0 < EPS < 1 and 0 < D < 1", IGRAPH_EINVAL);
    igraph_integer_t n = igraph_vcount(g);
    IGRAPH_CHECK(igraph_vector_resize(res, n));
    igraph_vector_null(res);
    double vd;
    IGRAPH_CHECK(vertex_diameter_bound(g, &vd));
    size_t r = n >= 3 ? sg_approx_samples(eps, delta, vd) : 0;
    *info = (sg_approx_info){eps, delta, vd, r};
    if (r == 0)
        return IGRAPH_SUCCESS;
    igraph_adjlist_t adj, in_adj;
    IGRAPH_CHECK(igraph_adjlist_init(g, &adj, IGRAPH_OUT, IGRAPH_NO_LOOPS, IGRAPH_MULTIPLE));
    IGRAPH_FINALLY(igraph_adjlist_destroy, &adj);
    IGRAPH_CHECK(igraph_adjlist_init(g, &in_adj, IGRAPH_IN, IGRAPH_NO_LOOPS, IGRAPH_MULTIPLE));
    IGRAPH_FINALLY(igraph_adjlist_destroy, &in_adj);
    igraph_integer_t *dist = g_new(igraph_integer_t, n + 1), *queue = g_new(igraph_integer_t, n + 1);
    double *sigma = g_new0(double, n + 1);
    double *count = g_new0(double, n + 1);
    for (igraph_integer_t v = 0; v < n; v++)
        dist[v] = -1;
    for (size_t i = 0; i < r; i++) {
        sg_stream s;
        sg_stream_init(&s, seed, i);
        igraph_integer_t u = (igraph_integer_t)(sg_stream_uniform(&s) * (double)n);
        igraph_integer_t v = (igraph_integer_t)(sg_stream_uniform(&s) * (double)(n - 1));
        if (v >= u)
            v++; /* uniform among the vertices other than u */
        /* breadth first from u, up to v's level */
        igraph_integer_t head = 0, tail = 0;
        dist[u] = 0;
        sigma[u] = 1;
        queue[tail++] = u;
        while (head < tail) {
            igraph_integer_t x = queue[head++];
            if (dist[v] >= 0 && dist[x] >= dist[v])
                break;
            igraph_vector_int_t *nb = igraph_adjlist_get(&adj, x);
            for (igraph_integer_t k = 0; k < igraph_vector_int_size(nb); k++) {
                igraph_integer_t y = VECTOR(*nb)[k];
                if (dist[y] < 0) {
                    dist[y] = dist[x] + 1;
                    sigma[y] = 0;
                    queue[tail++] = y;
                }
                if (dist[y] == dist[x] + 1)
                    sigma[y] += sigma[x];
            }
        }
        if (dist[v] >= 0) { /* a path chosen uniformly, walked back from v */
            igraph_integer_t w = v;
            while (w != u) {
                /* the predecessors of w: its in-neighbours one level nearer u */
                double pick = sg_stream_uniform(&s) * sigma[w], seen = 0;
                igraph_vector_int_t *in = igraph_adjlist_get(&in_adj, w);
                igraph_integer_t p = -1, last = -1;
                for (igraph_integer_t k = 0; k < igraph_vector_int_size(in) && p < 0; k++) {
                    igraph_integer_t y = VECTOR(*in)[k];
                    if (dist[y] < 0 || dist[y] != dist[w] - 1)
                        continue;
                    last = y;
                    if ((seen += sigma[y]) > pick)
                        p = y;
                }
                if (p < 0)
                    p = last; /* rounding left PICK at the sum itself */
                if (p != u)
                    count[p] += 1;
                w = p;
            }
        }
        for (igraph_integer_t k = 0; k < tail; k++)
            dist[queue[k]] = -1;
    }
    /* b(w) = count / r over ordered pairs; igraph's raw scale counts an undirected pair once */
    double scale = (double)n * (double)(n - 1) / (double)r / (igraph_is_directed(g) ? 1.0 : 2.0);
    for (igraph_integer_t w = 0; w < n; w++)
        VECTOR(*res)[w] = count[w] * scale;
    g_free(dist);
    g_free(queue);
    g_free(sigma);
    g_free(count);
    igraph_adjlist_destroy(&in_adj);
    igraph_adjlist_destroy(&adj);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

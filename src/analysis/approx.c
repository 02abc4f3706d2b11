/* approx.c: betweenness estimated from sampled shortest paths, within EPS of the exact value with probability 1 - D. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "analysis/approx.h"
#include "analysis/centrality_internal.h"
#include "spygraph/progress.h"
#include "spygraph/robustness.h"

/* Riondato and Kornaropoulos ("Fast approximation of betweenness centrality through sampling", WSDM 2014):
 * draw R pairs (u, v) of distinct vertices uniformly, and for each a shortest path from u to v uniformly
 * among all of them; each internal vertex of the path gains 1/R. The estimate of b(w), betweenness
 * normalized by the n(n - 1) ordered pairs, is then within EPS of b(w) for every vertex at once with
 * probability at least 1 - D when R = (c / EPS^2) (floor(log2(VD - 2)) + 1 + ln(1 / D)), c = 0.5, VD at
 * least the vertex diameter (the most vertices on a shortest path).
 *
 * Each pair's paths are found by a balanced bidirectional breadth-first search (as KADABRA does, Borassi and
 * Natale, ESA 2016): whole levels are expanded from u forwards and from v backwards, always on the side
 * whose frontier has fewer arcs to scan, until a new level meets the other side. On graphs with small
 * distances this visits about the square root of what a search from u alone would. The path is then drawn
 * uniformly: a meeting vertex w with probability sigma_u(w) sigma_v(w) / sigma_uv, then the way back to u
 * (each predecessor p of x taken with probability sigma_u(p) / sigma_u(x)) and on to v alike. */

/* The arcs of the graph as flat arrays: the out-neighbours of x are out[out_start[x] .. out_start[x + 1]),
 * its in-neighbours in[in_start[x] ..]; for an undirected graph both are the neighbours (one array). Loops
 * are left out (no shortest path uses one); parallel edges stay, each a path of its own as for igraph. */
typedef struct arcs {
    igraph_integer_t n;
    igraph_integer_t *out_start, *out, *in_start, *in;
} arcs;

static void arcs_free(arcs *a)
{
    if (a->in != a->out) {
        g_free(a->in_start);
        g_free(a->in);
    }
    g_free(a->out_start);
    g_free(a->out);
    memset(a, 0, sizeof *a);
}

/* Fills START and LIST with, for every vertex, the other ends of the edges FROM -> TO (and TO -> FROM when
 * BOTH), in edge id order. */
static bool arcs_fill(const igraph_t *g, bool reverse, bool both, igraph_integer_t **start_out,
                      igraph_integer_t **list_out)
{
    igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
    igraph_integer_t *start = g_try_new0(igraph_integer_t, n + 2);
    igraph_integer_t *list = g_try_new(igraph_integer_t, (both ? 2 * m : m) + 1);
    if (!start || !list) {
        g_free(start);
        g_free(list);
        return false;
    }
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
        if (from == to)
            continue;
        start[(reverse ? to : from) + 2]++;
        if (both)
            start[(reverse ? from : to) + 2]++;
    }
    for (igraph_integer_t x = 0; x < n; x++)
        start[x + 2] += start[x + 1]; /* start[x + 1]: where x's arcs begin, advanced while filling */
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
        if (from == to)
            continue;
        igraph_integer_t a = reverse ? to : from, b = reverse ? from : to;
        list[start[a + 1]++] = b;
        if (both)
            list[start[b + 1]++] = a;
    }
    *start_out = start; /* start[x] .. start[x + 1] now bound x's arcs */
    *list_out = list;
    return true;
}

static igraph_error_t arcs_init(arcs *a, const igraph_t *g)
{
    memset(a, 0, sizeof *a);
    a->n = igraph_vcount(g);
    bool directed = igraph_is_directed(g);
    if (!arcs_fill(g, false, !directed, &a->out_start, &a->out))
        IGRAPH_ERROR("out of memory for the arcs of the graph", IGRAPH_ENOMEM);
    if (!directed) {
        a->in_start = a->out_start;
        a->in = a->out;
    } else if (!arcs_fill(g, true, false, &a->in_start, &a->in)) {
        arcs_free(a);
        IGRAPH_ERROR("out of memory for the arcs of the graph", IGRAPH_ENOMEM);
    }
    return IGRAPH_SUCCESS;
}

/* An upper bound of the vertex diameter of G: undirected, for each component the lesser of its size and
 * 2 x the eccentricity of its first vertex + 1 (every vertex is within that eccentricity of it, so a shortest
 * path has at most twice as many edges); directed, the vertices of the largest weakly connected component.
 * O(n + m). */
static igraph_error_t vertex_diameter_bound(const igraph_t *g, const arcs *a, double *out)
{
    igraph_integer_t n = a->n;
    double bound = n > 0 ? 1 : 0;
    if (igraph_is_directed(g)) {
        igraph_vector_int_t csize;
        igraph_integer_t no;
        IGRAPH_VECTOR_INT_INIT_FINALLY(&csize, 0);
        IGRAPH_CHECK(igraph_connected_components(g, NULL, &csize, &no, IGRAPH_WEAK));
        for (igraph_integer_t c = 0; c < no; c++)
            bound = MAX(bound, (double)VECTOR(csize)[c]);
        igraph_vector_int_destroy(&csize);
        IGRAPH_FINALLY_CLEAN(1);
        *out = bound;
        return IGRAPH_SUCCESS;
    }
    igraph_integer_t *dist = g_try_new(igraph_integer_t, n + 1), *queue = g_try_new(igraph_integer_t, n + 1);
    if (!dist || !queue) {
        g_free(dist);
        g_free(queue);
        IGRAPH_ERROR("out of memory bounding the vertex diameter", IGRAPH_ENOMEM);
    }
    for (igraph_integer_t v = 0; v < n; v++)
        dist[v] = -1;
    for (igraph_integer_t root = 0; root < n; root++) {
        if (dist[root] >= 0)
            continue;
        igraph_integer_t head = 0, tail = 0;
        dist[root] = 0;
        queue[tail++] = root;
        while (head < tail) {
            igraph_integer_t x = queue[head++];
            for (igraph_integer_t k = a->out_start[x]; k < a->out_start[x + 1]; k++)
                if (dist[a->out[k]] < 0) {
                    dist[a->out[k]] = dist[x] + 1;
                    queue[tail++] = a->out[k];
                }
        }
        igraph_integer_t ecc = dist[queue[tail - 1]];
        bound = MAX(bound, MIN(2.0 * (double)ecc + 1, (double)tail));
    }
    g_free(dist);
    g_free(queue);
    *out = bound;
    return IGRAPH_SUCCESS;
}

double sg_approx_samples(double eps, double delta, double vertex_diameter)
{
    if (vertex_diameter < 3)
        return 0; /* no shortest path has an internal vertex */
    return ceil(0.5 / (eps * eps) * (floor(log2(vertex_diameter - 2)) + 1 + log(1 / delta)));
}

/* One side of the bidirectional search: distances and path counts from its end, the visited vertices in
 * order of distance (queue), and the current level queue[level .. tail). */
typedef struct side {
    igraph_integer_t *dist, *queue;
    double *sigma;
    igraph_integer_t level, tail, depth;
    const igraph_integer_t *start, *adj;    /* the arcs it follows */
    const igraph_integer_t *back_start, *back; /* the arcs against them: a vertex's predecessors */
} side;

/* Work space of one part's samples; counts[w] = the sampled paths w is internal to. */
typedef struct sampler {
    const arcs *a;
    side fwd, bwd;
    double *counts;
    uint64_t scanned; /* the arcs its searches scanned */
} sampler;

static bool side_alloc(side *s, igraph_integer_t n)
{
    s->dist = g_try_new(igraph_integer_t, n + 1);
    s->queue = g_try_new(igraph_integer_t, n + 1);
    s->sigma = g_try_new0(double, n + 1);
    if (!s->dist || !s->queue || !s->sigma)
        return false;
    for (igraph_integer_t v = 0; v < n; v++)
        s->dist[v] = -1;
    return true;
}

static void side_free(side *s)
{
    g_free(s->dist);
    g_free(s->queue);
    g_free(s->sigma);
}

static void side_start(side *s, igraph_integer_t root)
{
    s->dist[root] = 0;
    s->sigma[root] = 1;
    s->queue[0] = root;
    s->level = 0;
    s->tail = 1;
    s->depth = 0;
}

static void side_reset(side *s)
{
    for (igraph_integer_t k = 0; k < s->tail; k++)
        s->dist[s->queue[k]] = -1;
}

/* The arcs the current level would scan. */
static igraph_integer_t side_cost(const side *s)
{
    igraph_integer_t cost = 0;
    for (igraph_integer_t k = s->level; k < s->tail; k++)
        cost += s->start[s->queue[k] + 1] - s->start[s->queue[k]];
    return cost;
}

/* Expands S by one level; true when a vertex of the new level was reached by OTHER (the two searches met:
 * every shortest path goes through one vertex of the new level that OTHER reached at its depth). */
static bool side_expand(side *s, const side *other)
{
    igraph_integer_t end = s->tail, next = s->depth + 1;
    bool met = false;
    for (igraph_integer_t k = s->level; k < end; k++) {
        igraph_integer_t x = s->queue[k];
        for (igraph_integer_t i = s->start[x]; i < s->start[x + 1]; i++) {
            igraph_integer_t y = s->adj[i];
            if (s->dist[y] < 0) {
                s->dist[y] = next;
                s->sigma[y] = 0;
                s->queue[s->tail++] = y;
                met = met || other->dist[y] >= 0;
            }
            if (s->dist[y] == next)
                s->sigma[y] += s->sigma[x];
        }
    }
    s->level = end;
    s->depth = next;
    return met;
}

/* From X (reached by S), walks to S's root along a path drawn uniformly among the shortest, counting the
 * vertices passed other than the root and X; draws come from STREAM. */
static void side_walk(const side *s, igraph_integer_t x, sg_stream *stream, double *counts)
{
    while (s->dist[x] > 0) {
        double pick = sg_stream_uniform(stream) * s->sigma[x], seen = 0;
        igraph_integer_t p = -1, last = -1;
        for (igraph_integer_t i = s->back_start[x]; i < s->back_start[x + 1] && p < 0; i++) {
            igraph_integer_t y = s->back[i];
            if (s->dist[y] != s->dist[x] - 1)
                continue;
            last = y;
            if ((seen += s->sigma[y]) > pick)
                p = y;
        }
        if (p < 0)
            p = last; /* rounding left PICK at the sum itself */
        if (s->dist[p] > 0)
            counts[p] += 1;
        x = p;
    }
}

/* Sample I of SEED: a pair and one of its shortest paths, its internal vertices counted. */
static void sample(sampler *sm, uint64_t seed, size_t i)
{
    igraph_integer_t n = sm->a->n;
    sg_stream stream;
    sg_stream_init(&stream, seed, i);
    igraph_integer_t u = (igraph_integer_t)(sg_stream_uniform(&stream) * (double)n);
    igraph_integer_t v = (igraph_integer_t)(sg_stream_uniform(&stream) * (double)(n - 1));
    if (v >= u)
        v++; /* uniform among the vertices other than u */
    side *f = &sm->fwd, *b = &sm->bwd;
    side_start(f, u);
    side_start(b, v);
    side *met = NULL;
    while (f->level < f->tail && b->level < b->tail) {
        igraph_integer_t cost_f = side_cost(f), cost_b = side_cost(b);
        side *grow = cost_f <= cost_b ? f : b;
        sm->scanned += (uint64_t)MIN(cost_f, cost_b);
        if (side_expand(grow, grow == f ? b : f)) {
            met = grow;
            break;
        }
    }
    if (met) {
        const side *other = met == f ? b : f;
        double total = 0;
        for (igraph_integer_t k = met->level; k < met->tail; k++) {
            igraph_integer_t w = met->queue[k];
            if (other->dist[w] >= 0)
                total += met->sigma[w] * other->sigma[w];
        }
        double pick = sg_stream_uniform(&stream) * total, seen = 0;
        igraph_integer_t w = -1, last = -1;
        for (igraph_integer_t k = met->level; k < met->tail && w < 0; k++) {
            igraph_integer_t x = met->queue[k];
            if (other->dist[x] < 0)
                continue;
            last = x;
            if ((seen += met->sigma[x] * other->sigma[x]) > pick)
                w = x;
        }
        if (w < 0)
            w = last;
        if (w != u && w != v)
            sm->counts[w] += 1;
        side_walk(f, w, &stream, sm->counts);
        side_walk(b, w, &stream, sm->counts);
    }
    side_reset(f);
    side_reset(b);
}

igraph_error_t sg_approx_init(sg_approx *ap, const igraph_t *g, double eps, double delta, uint64_t seed,
                              bool allow_more)
{
    memset(ap, 0, sizeof *ap);
    if (!(eps > 0 && eps < 1) || !(delta > 0 && delta < 1))
        IGRAPH_ERROR("the approximation needs 0 < EPS < 1 and 0 < D < 1", IGRAPH_EINVAL);
    arcs *a = g_new0(arcs, 1);
    igraph_error_t err = arcs_init(a, g);
    if (err != IGRAPH_SUCCESS) {
        g_free(a);
        return err;
    }
    double vd = 0;
    err = vertex_diameter_bound(g, a, &vd);
    if (err != IGRAPH_SUCCESS) {
        arcs_free(a);
        g_free(a);
        return err;
    }
    double r = a->n >= 3 ? sg_approx_samples(eps, delta, vd) : 0;
    bool too_many = !(r <= SG_APPROX_MAX_SAMPLES); /* also NaN, had EPS underflowed */
    if (too_many && !allow_more) {
        arcs_free(a);
        g_free(a);
        if (isfinite(r))
            IGRAPH_ERRORF("betweenness within %g with probability %g needs %.3g sampled paths here, more than a run "
                          "can take (%.0e): compute it exactly (drop --approx) or ask for a larger EPS",
                          IGRAPH_EINVAL, eps, 1 - delta, r, SG_APPROX_MAX_SAMPLES);
        IGRAPH_ERRORF("betweenness within %g needs more sampled paths than a number can hold: compute it exactly "
                      "(drop --approx) or ask for a larger EPS", IGRAPH_EINVAL, eps);
    }
    ap->arcs = a;
    ap->n = a->n;
    ap->directed = igraph_is_directed(g);
    ap->seed = seed;
    ap->info = (sg_approx_info){eps, delta, vd, too_many ? 0 : (size_t)r, isnan(r) ? INFINITY : r, false};
    return IGRAPH_SUCCESS;
}

void sg_approx_destroy(sg_approx *ap)
{
    if (ap->arcs) {
        arcs_free(ap->arcs);
        g_free(ap->arcs);
    }
    memset(ap, 0, sizeof *ap);
}

/* Readies SM to draw AP's samples into COUNTS (n doubles, zeroed by the caller); false when out of memory
 * (SM then freed). */
static bool sampler_init(sampler *sm, const sg_approx *ap, double *counts)
{
    const arcs *a = ap->arcs;
    *sm = (sampler){a, {0}, {0}, counts, 0};
    if (!side_alloc(&sm->fwd, ap->n) || !side_alloc(&sm->bwd, ap->n)) {
        side_free(&sm->fwd);
        side_free(&sm->bwd);
        return false;
    }
    sm->fwd.start = a->out_start;
    sm->fwd.adj = a->out;
    sm->fwd.back_start = a->in_start;
    sm->fwd.back = a->in;
    sm->bwd.start = a->in_start;
    sm->bwd.adj = a->in;
    sm->bwd.back_start = a->out_start;
    sm->bwd.back = a->out;
    return true;
}

static void sampler_free(sampler *sm)
{
    side_free(&sm->fwd);
    side_free(&sm->bwd);
}

igraph_error_t sg_approx_part(const sg_approx *ap, int part, int parts, igraph_vector_t *counts)
{
    igraph_integer_t n = ap->n;
    IGRAPH_CHECK(igraph_vector_resize(counts, n));
    igraph_vector_null(counts);
    if (ap->info.samples == 0)
        return IGRAPH_SUCCESS;
    sampler sm;
    if (!sampler_init(&sm, ap, VECTOR(*counts)))
        IGRAPH_ERROR("out of memory for the sampled searches", IGRAPH_ENOMEM);
    uint64_t done = 0;
    for (size_t i = (size_t)part; i < ap->info.samples; i += (size_t)parts) {
        sample(&sm, ap->seed, i);
        if (++done == 256) { /* the shared progress counter touched every 256 samples */
            sg_progress_add(done);
            done = 0;
        }
    }
    sg_progress_add(done);
    sampler_free(&sm);
    return IGRAPH_SUCCESS;
}

/* Whether AP's samples would scan more arcs than the exact values' searches (Brandes: from each of the n
 * vertices, every arc scanned forwards and again accumulating backwards; M edges): never below n samples (a
 * sample never scans more than one whole search); else the first up to 256 samples are drawn to measure
 * what one costs. Deterministic: those samples depend on the seed alone. */
static igraph_error_t exact_is_cheaper(const sg_approx *ap, igraph_integer_t m, bool *out)
{
    *out = !(ap->info.needed <= SG_APPROX_MAX_SAMPLES);
    if (*out || ap->info.needed < (double)ap->n)
        return IGRAPH_SUCCESS;
    double *counts = g_try_new0(double, ap->n + 1);
    sampler sm;
    if (!counts || !sampler_init(&sm, ap, counts)) {
        g_free(counts);
        IGRAPH_ERROR("out of memory for the sampled searches", IGRAPH_ENOMEM);
    }
    size_t pilot = (size_t)MIN(ap->info.needed, 256.0);
    for (size_t i = 0; i < pilot; i++)
        sample(&sm, ap->seed, i);
    double per_sample = (double)sm.scanned / (double)pilot + 1; /* + 1: the pair drawn, the path walked */
    double arcs = (ap->directed ? 1.0 : 2.0) * (double)m;
    *out = ap->info.needed * per_sample >= (double)ap->n * (2 * arcs + (double)ap->n);
    sampler_free(&sm);
    g_free(counts);
    return IGRAPH_SUCCESS;
}

static igraph_error_t approx_part(const void *ctx, int part, int parts, igraph_vector_t *result)
{
    return sg_approx_part(ctx, part, parts, result);
}

igraph_error_t sg_betweenness_approx(const igraph_t *g, double eps, double delta, uint64_t seed, int parts,
                                     bool allow_exact, igraph_vector_t *res, sg_approx_info *info)
{
    sg_approx ap;
    IGRAPH_CHECK(sg_approx_init(&ap, g, eps, delta, seed, allow_exact));
    *info = ap.info;
    if (allow_exact) {
        bool exact = false;
        igraph_error_t err = exact_is_cheaper(&ap, igraph_ecount(g), &exact);
        if (err != IGRAPH_SUCCESS || exact) {
            info->exact = exact;
            info->samples = 0;
            sg_approx_destroy(&ap);
            return err;
        }
    }
    /* forking pays from about ten million arc steps of sampling on */
    if ((double)ap.info.samples * (double)(ap.n + igraph_ecount(g)) < 1e7)
        parts = 1;
    sg_progress_begin("approximate betweenness", "sampled paths", ap.info.samples);
    igraph_error_t err = ap.info.samples == 0
                             ? igraph_vector_resize(res, ap.n)
                             : sg_parallel_sum(approx_part, &ap, MAX(1, MIN(parts, (int)MIN(ap.info.samples, 1024))),
                                               ap.n, res);
    if (err == IGRAPH_SUCCESS && ap.info.samples == 0)
        igraph_vector_null(res);
    /* b(w) = count / r over ordered pairs; igraph's raw scale counts an undirected pair once */
    if (err == IGRAPH_SUCCESS && ap.info.samples > 0) {
        double scale = (double)ap.n * (double)(ap.n - 1) / (double)ap.info.samples / (ap.directed ? 1.0 : 2.0);
        for (igraph_integer_t w = 0; w < ap.n; w++)
            VECTOR(*res)[w] *= scale;
    }
    sg_progress_end();
    sg_approx_destroy(&ap);
    return err;
}

/* reduced.c: exact betweenness of an undirected graph computed block by block (biconnected components). */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "analysis/reduced.h"
#include "spygraph/progress.h"

/* Every shortest path between two vertices passes through the cut vertices that separate them, and each of
 * its stretches between two of them lies in one block (biconnected component): a simple path that left a
 * block would have to come back through the cut vertex it left by. So (Puzis, Elovici et al. 2012;
 * Sariyuce et al., "Shattering and compressing networks for betweenness centrality", SDM 2013) the
 * betweenness of v is
 *   the sum over the blocks B holding v of  1/2 sum_{s != t in B, both != v} w_B(s) w_B(t) sigma_st(v)/sigma_st
 *   + for a cut vertex v, the pairs of vertices lying in two different components of G - v,
 * where sigma counts shortest paths inside B and w_B(u) is how many vertices reach B through u (u itself, and
 * for a cut vertex everything hanging off it away from B). The first sum is Brandes's algorithm inside each
 * block with the targets weighted (delta(v) = sum over successors w of sigma_v / sigma_w (w_B(w) +
 * delta(w))) and each source's dependencies multiplied by w_B(s). A pendant vertex is a block of two
 * vertices that costs O(1): the degree-1 folding of Baglioni et al. (ASONAM 2012) comes with the split. */

/* The block-cut forest: blocks 0..NB-1, then the cut vertices NB..NB+NC-1. */
typedef struct forest {
    igraph_integer_t nb, nc;
    igraph_integer_t *cut_index;   /* per graph vertex: its cut-vertex index (0..nc-1), or -1 */
    igraph_integer_t *parent;      /* per forest node: its parent, or -1 for a root */
    double *size;                  /* per forest node: graph vertices in its subtree (a block: its vertices
                                      but the cut vertex above it) */
    double *tree_size;             /* per forest node: graph vertices of its tree (its connected component) */
} forest;

static void forest_free(forest *f)
{
    g_free(f->cut_index);
    g_free(f->parent);
    g_free(f->size);
    g_free(f->tree_size);
}

/* Builds the block-cut forest of the blocks BLOCKS (vertex lists) of a graph of N vertices whose cut vertices
 * are CUTS, with subtree and tree sizes. O(n + total block sizes). */
static void forest_build(forest *f, igraph_integer_t n, const igraph_vector_int_list_t *blocks,
                         const igraph_vector_int_t *cuts)
{
    f->nb = igraph_vector_int_list_size(blocks);
    f->nc = igraph_vector_int_size(cuts);
    igraph_integer_t nodes = f->nb + f->nc;
    f->cut_index = g_new(igraph_integer_t, n + 1);
    for (igraph_integer_t v = 0; v < n; v++)
        f->cut_index[v] = -1;
    for (igraph_integer_t k = 0; k < f->nc; k++)
        f->cut_index[VECTOR(*cuts)[k]] = k;
    /* adjacency of the forest: block b -- cut vertex c when c lies in b */
    GArray **adj = g_new0(GArray *, nodes + 1);
    for (igraph_integer_t x = 0; x < nodes; x++)
        adj[x] = g_array_new(FALSE, FALSE, sizeof(igraph_integer_t));
    f->size = g_new0(double, nodes + 1);
    for (igraph_integer_t b = 0; b < f->nb; b++) {
        const igraph_vector_int_t *vs = igraph_vector_int_list_get_ptr(blocks, b);
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(vs); i++) {
            igraph_integer_t c = f->cut_index[VECTOR(*vs)[i]];
            if (c < 0) {
                f->size[b] += 1;
            } else {
                igraph_integer_t x = f->nb + c;
                g_array_append_val(adj[b], x);
                g_array_append_val(adj[x], b);
            }
        }
    }
    for (igraph_integer_t c = 0; c < f->nc; c++)
        f->size[f->nb + c] = 1;
    /* each tree rooted at its lowest-numbered block, walked depth first; sizes summed in reverse order */
    f->parent = g_new(igraph_integer_t, nodes + 1);
    f->tree_size = g_new0(double, nodes + 1);
    igraph_integer_t *order = g_new(igraph_integer_t, nodes + 1), *root = g_new(igraph_integer_t, nodes + 1);
    bool *seen = g_new0(bool, nodes + 1);
    igraph_integer_t count = 0;
    for (igraph_integer_t r = 0; r < nodes; r++) {
        if (seen[r])
            continue;
        igraph_integer_t start = count;
        seen[r] = true;
        f->parent[r] = -1;
        order[count++] = r;
        for (igraph_integer_t k = start; k < count; k++) { /* breadth first: parents come before children */
            igraph_integer_t x = order[k];
            root[x] = r;
            for (guint j = 0; j < adj[x]->len; j++) {
                igraph_integer_t y = g_array_index(adj[x], igraph_integer_t, j);
                if (!seen[y]) {
                    seen[y] = true;
                    f->parent[y] = x;
                    order[count++] = y;
                }
            }
        }
    }
    for (igraph_integer_t k = count; k-- > 0;) {
        igraph_integer_t x = order[k];
        if (f->parent[x] >= 0)
            f->size[f->parent[x]] += f->size[x];
    }
    for (igraph_integer_t x = 0; x < nodes; x++)
        f->tree_size[x] = f->size[root[x]];
    for (igraph_integer_t x = 0; x < nodes; x++)
        g_array_free(adj[x], TRUE);
    g_free(adj);
    g_free(order);
    g_free(root);
    g_free(seen);
}

/* w_B(u) for vertex U of block B: 1, or for a cut vertex the vertices reaching B through it. */
static double block_weight(const forest *f, igraph_integer_t b, igraph_integer_t u)
{
    igraph_integer_t c = f->cut_index[u];
    if (c < 0)
        return 1;
    igraph_integer_t x = f->nb + c;
    if (f->parent[b] == x) /* U is above B: everything but B's subtree */
        return f->tree_size[b] - f->size[b];
    return f->size[x]; /* U is below B: its subtree */
}

/* For cut vertex c (forest node x): the unordered pairs of vertices in two different components of G - v. */
static double cut_pairs(const forest *f, igraph_integer_t x, const igraph_integer_t *first_child,
                        const igraph_integer_t *next_sibling)
{
    double total = f->tree_size[x] - 1, squares = 0;
    for (igraph_integer_t y = first_child[x]; y >= 0; y = next_sibling[y])
        squares += f->size[y] * f->size[y];
    double above = f->tree_size[x] - f->size[x];
    squares += above * above;
    return (total * total - squares) / 2;
}

/* A binary heap of (distance, local vertex) for Dijkstra, smallest distance first (ties by vertex). */
typedef struct heap {
    igraph_integer_t *v;
    double *d;
    igraph_integer_t len;
} heap;

static bool heap_less(const heap *h, igraph_integer_t a, igraph_integer_t b)
{
    return h->d[a] < h->d[b] || (h->d[a] == h->d[b] && h->v[a] < h->v[b]);
}

static void heap_swap(heap *h, igraph_integer_t a, igraph_integer_t b)
{
    igraph_integer_t tv = h->v[a];
    double td = h->d[a];
    h->v[a] = h->v[b];
    h->d[a] = h->d[b];
    h->v[b] = tv;
    h->d[b] = td;
}

static void heap_push(heap *h, igraph_integer_t v, double d)
{
    igraph_integer_t k = h->len++;
    h->v[k] = v;
    h->d[k] = d;
    while (k > 0 && heap_less(h, k, (k - 1) / 2)) {
        heap_swap(h, k, (k - 1) / 2);
        k = (k - 1) / 2;
    }
}

static void heap_pop(heap *h, igraph_integer_t *v, double *d)
{
    *v = h->v[0];
    *d = h->d[0];
    h->len--;
    h->v[0] = h->v[h->len];
    h->d[0] = h->d[h->len];
    for (igraph_integer_t k = 0;;) {
        igraph_integer_t l = 2 * k + 1, r = l + 1, m = k;
        if (l < h->len && heap_less(h, l, m))
            m = l;
        if (r < h->len && heap_less(h, r, m))
            m = r;
        if (m == k)
            break;
        heap_swap(h, k, m);
        k = m;
    }
}

/* One block as a small graph: local vertices 0..nv-1 (global ids in VERTICES), adjacency in CSR form with
 * each arc's length (1 without lengths). */
typedef struct block {
    igraph_integer_t nv;
    const igraph_integer_t *vertices;
    igraph_integer_t *start;   /* nv + 1 offsets */
    igraph_integer_t *target;  /* local ends */
    double *length;
    double *weight;            /* w_B per local vertex */
} block;

/* Builds block B (vertices VS, edges ES) of G; LOCAL is the caller's per graph vertex array, all -1, which
 * maps the block's vertices to local indices while it is built and is all -1 again afterwards. O(block). */
static void block_build(block *bk, const igraph_t *g, const igraph_vector_t *lengths, const forest *f,
                        igraph_integer_t b, const igraph_vector_int_t *vs, const igraph_vector_int_t *es,
                        igraph_integer_t *local)
{
    bk->nv = igraph_vector_int_size(vs);
    bk->vertices = VECTOR(*vs);
    bk->weight = g_new(double, bk->nv + 1);
    for (igraph_integer_t i = 0; i < bk->nv; i++) {
        local[VECTOR(*vs)[i]] = i;
        bk->weight[i] = block_weight(f, b, VECTOR(*vs)[i]);
    }
    igraph_integer_t ne = igraph_vector_int_size(es);
    bk->start = g_new0(igraph_integer_t, bk->nv + 2);
    bk->target = g_new(igraph_integer_t, 2 * ne + 1);
    bk->length = g_new(double, 2 * ne + 1);
    igraph_integer_t *a = g_new(igraph_integer_t, ne + 1), *c = g_new(igraph_integer_t, ne + 1);
    for (igraph_integer_t k = 0; k < ne; k++) {
        igraph_integer_t e = VECTOR(*es)[k];
        a[k] = local[IGRAPH_FROM(g, e)];
        c[k] = local[IGRAPH_TO(g, e)];
        bk->start[a[k] + 1]++;
        bk->start[c[k] + 1]++;
    }
    for (igraph_integer_t i = 0; i < bk->nv; i++)
        bk->start[i + 1] += bk->start[i];
    igraph_integer_t *fill = g_new(igraph_integer_t, bk->nv + 1);
    memcpy(fill, bk->start, sizeof *fill * (size_t)bk->nv);
    for (igraph_integer_t k = 0; k < ne; k++) {
        double len = lengths ? VECTOR(*lengths)[VECTOR(*es)[k]] : 1.0;
        bk->target[fill[a[k]]] = c[k];
        bk->length[fill[a[k]]++] = len;
        bk->target[fill[c[k]]] = a[k];
        bk->length[fill[c[k]]++] = len;
    }
    g_free(fill);
    g_free(a);
    g_free(c);
    for (igraph_integer_t i = 0; i < bk->nv; i++)
        local[VECTOR(*vs)[i]] = -1;
}

static void block_clear(block *bk)
{
    g_free(bk->start);
    g_free(bk->target);
    g_free(bk->length);
    g_free(bk->weight);
}

/* Working arrays for one source's search in a block of up to N vertices. */
typedef struct search {
    double *sigma, *delta, *dist;
    igraph_integer_t *stack, *queue;
    igraph_integer_t *pred_start, *pred; /* predecessors: for vertex v, pred[pred_start[v] .. pred_end[v]) */
    igraph_integer_t *pred_end;
    heap h;
} search;

static void search_init(search *s, igraph_integer_t n, igraph_integer_t arcs)
{
    s->sigma = g_new(double, n + 1);
    s->delta = g_new(double, n + 1);
    s->dist = g_new(double, n + 1);
    s->stack = g_new(igraph_integer_t, n + 1);
    s->queue = g_new(igraph_integer_t, n + 1);
    s->pred_start = g_new(igraph_integer_t, n + 1);
    s->pred_end = g_new(igraph_integer_t, n + 1);
    s->pred = g_new(igraph_integer_t, arcs + 1);
    s->h.v = g_new(igraph_integer_t, arcs + n + 1);
    s->h.d = g_new(double, arcs + n + 1);
    s->h.len = 0;
}

static void search_clear(search *s)
{
    g_free(s->sigma);
    g_free(s->delta);
    g_free(s->dist);
    g_free(s->stack);
    g_free(s->queue);
    g_free(s->pred_start);
    g_free(s->pred_end);
    g_free(s->pred);
    g_free(s->h.v);
    g_free(s->h.d);
}

/* Shortest paths from local vertex SRC in BK: fills sigma, dist, the predecessor lists and STACK (vertices
 * in order of distance); returns how many were reached. Breadth first without lengths, else Dijkstra with
 * igraph's tolerance for equal lengths (igraph_cmp_epsilon, IGRAPH_SHORTEST_PATH_EPSILON), so that paths
 * igraph counts as equally short are counted so here. */
static igraph_integer_t shortest_paths(const block *bk, bool weighted, igraph_integer_t src, search *s)
{
    for (igraph_integer_t i = 0; i < bk->nv; i++) {
        s->sigma[i] = 0;
        s->dist[i] = -1;
        s->pred_start[i] = bk->start[i]; /* a vertex has at most as many predecessors as arcs */
        s->pred_end[i] = bk->start[i];
    }
    s->sigma[src] = 1;
    s->dist[src] = 0;
    igraph_integer_t reached = 0;
    if (!weighted) {
        igraph_integer_t head = 0, tail = 0;
        s->queue[tail++] = src;
        while (head < tail) {
            igraph_integer_t v = s->queue[head++];
            s->stack[reached++] = v;
            for (igraph_integer_t k = bk->start[v]; k < bk->start[v + 1]; k++) {
                igraph_integer_t w = bk->target[k];
                if (s->dist[w] < 0) {
                    s->dist[w] = s->dist[v] + 1;
                    s->queue[tail++] = w;
                }
                if (s->dist[w] == s->dist[v] + 1) {
                    s->sigma[w] += s->sigma[v];
                    s->pred[s->pred_end[w]++] = v;
                }
            }
        }
        return reached;
    }
    bool *done = (bool *)s->queue; /* the queue is not used by Dijkstra: its space marks settled vertices */
    memset(done, 0, sizeof(igraph_integer_t) * (size_t)bk->nv);
    s->h.len = 0;
    heap_push(&s->h, src, 0);
    while (s->h.len > 0) {
        igraph_integer_t v;
        double d;
        heap_pop(&s->h, &v, &d);
        if (done[v] || d != s->dist[v])
            continue;
        done[v] = true;
        s->stack[reached++] = v;
        for (igraph_integer_t k = bk->start[v]; k < bk->start[v + 1]; k++) {
            igraph_integer_t w = bk->target[k];
            double alt = s->dist[v] + bk->length[k];
            int cmp = s->dist[w] < 0 ? -1 : igraph_cmp_epsilon(alt, s->dist[w], IGRAPH_SHORTEST_PATH_EPSILON);
            if (cmp < 0 && !done[w]) { /* a shorter way: the paths found so far are not shortest */
                s->dist[w] = alt;
                s->sigma[w] = s->sigma[v];
                s->pred_end[w] = s->pred_start[w];
                s->pred[s->pred_end[w]++] = v;
                heap_push(&s->h, w, alt);
            } else if (cmp == 0 && !done[w]) {
                s->sigma[w] += s->sigma[v];
                s->pred[s->pred_end[w]++] = v;
            }
        }
    }
    return reached;
}

igraph_error_t sg_blocks_init(sg_blocks *bl, const igraph_t *g)
{
    memset(bl, 0, sizeof *bl);
    bl->n = igraph_vcount(g);
    IGRAPH_CHECK(igraph_vector_int_list_init(&bl->vertices, 0));
    IGRAPH_FINALLY(igraph_vector_int_list_destroy, &bl->vertices);
    IGRAPH_CHECK(igraph_vector_int_list_init(&bl->edges, 0));
    IGRAPH_FINALLY(igraph_vector_int_list_destroy, &bl->edges);
    IGRAPH_CHECK(igraph_vector_int_init(&bl->cuts, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &bl->cuts);
    igraph_integer_t no;
    IGRAPH_CHECK(igraph_biconnected_components(g, &no, NULL, &bl->edges, &bl->vertices, &bl->cuts));
    IGRAPH_FINALLY_CLEAN(3);
    igraph_vector_int_sort(&bl->cuts);
    forest *f = g_new0(forest, 1);
    forest_build(f, bl->n, &bl->vertices, &bl->cuts);
    bl->forest = f;
    /* the pairs each cut vertex separates, from the forest's children lists */
    igraph_integer_t nodes = f->nb + f->nc;
    igraph_integer_t *first_child = g_new(igraph_integer_t, nodes + 1), *next_sibling = g_new(igraph_integer_t, nodes + 1);
    for (igraph_integer_t x = 0; x < nodes; x++)
        first_child[x] = next_sibling[x] = -1;
    for (igraph_integer_t x = nodes; x-- > 0;)
        if (f->parent[x] >= 0) {
            next_sibling[x] = first_child[f->parent[x]];
            first_child[f->parent[x]] = x;
        }
    bl->cut_pairs = g_new0(double, bl->n + 1);
    for (igraph_integer_t c = 0; c < f->nc; c++)
        bl->cut_pairs[VECTOR(bl->cuts)[c]] = cut_pairs(f, f->nb + c, first_child, next_sibling);
    g_free(first_child);
    g_free(next_sibling);
    bl->largest = 0;
    for (igraph_integer_t b = 0; b < f->nb; b++)
        bl->largest = MAX(bl->largest, igraph_vector_int_size(igraph_vector_int_list_get_ptr(&bl->vertices, b)));
    return IGRAPH_SUCCESS;
}

void sg_blocks_destroy(sg_blocks *bl)
{
    if (!bl->forest)
        return;
    forest_free(bl->forest);
    g_free(bl->forest);
    g_free(bl->cut_pairs);
    igraph_vector_int_list_destroy(&bl->vertices);
    igraph_vector_int_list_destroy(&bl->edges);
    igraph_vector_int_destroy(&bl->cuts);
    bl->forest = NULL;
}

uint64_t sg_blocks_sources(const sg_blocks *bl)
{
    uint64_t sources = 0;
    for (igraph_integer_t b = 0; b < igraph_vector_int_list_size(&bl->vertices); b++) {
        igraph_integer_t nv = igraph_vector_int_size(igraph_vector_int_list_get_ptr(&bl->vertices, b));
        if (nv >= 3)
            sources += (uint64_t)nv;
    }
    return sources;
}

igraph_error_t sg_betweenness_reduced_part(const igraph_t *g, const igraph_vector_t *lengths, const sg_blocks *bl,
                                           int part, int parts, igraph_vector_t *res)
{
    if (igraph_is_directed(g))
        IGRAPH_ERROR("the block-by-block betweenness is for undirected graphs", IGRAPH_EINVAL);
    igraph_integer_t n = igraph_vcount(g);
    IGRAPH_CHECK(igraph_vector_resize(res, n));
    igraph_vector_null(res);
    if (part == 0)
        for (igraph_integer_t v = 0; v < n; v++)
            VECTOR(*res)[v] = bl->cut_pairs[v];
    const forest *f = bl->forest;
    search s;
    igraph_integer_t most_arcs = 0;
    for (igraph_integer_t b = 0; b < f->nb; b++)
        most_arcs = MAX(most_arcs, 2 * igraph_vector_int_size(igraph_vector_int_list_get_ptr(&bl->edges, b)));
    search_init(&s, bl->largest, most_arcs);
    uint64_t searched = 0; /* searches not yet added to the progress count */
    igraph_integer_t *local = g_new(igraph_integer_t, n + 1);
    for (igraph_integer_t v = 0; v < n; v++)
        local[v] = -1;
    for (igraph_integer_t b = 0; b < f->nb; b++) {
        const igraph_vector_int_t *vs = igraph_vector_int_list_get_ptr(&bl->vertices, b);
        if (igraph_vector_int_size(vs) < 3)
            continue; /* a bridge: no vertex lies between its two ends */
        block bk;
        block_build(&bk, g, lengths, f, b, vs, igraph_vector_int_list_get_ptr(&bl->edges, b), local);
        for (igraph_integer_t src = 0; src < bk.nv; src++) {
            if (bk.vertices[src] % parts != part)
                continue;
            if (++searched == 64) { /* a shared counter touched every 64 searches, not each time */
                sg_progress_add(searched);
                searched = 0;
            }
            igraph_integer_t reached = shortest_paths(&bk, lengths != NULL, src, &s);
            for (igraph_integer_t k = 0; k < reached; k++)
                s.delta[s.stack[k]] = 0;
            for (igraph_integer_t k = reached; k-- > 0;) {
                igraph_integer_t w = s.stack[k];
                double share = (bk.weight[w] + s.delta[w]) / s.sigma[w];
                for (igraph_integer_t p = s.pred_start[w]; p < s.pred_end[w]; p++)
                    s.delta[s.pred[p]] += s.sigma[s.pred[p]] * share;
                if (w != src)
                    VECTOR(*res)[bk.vertices[w]] += 0.5 * bk.weight[src] * s.delta[w];
            }
        }
        block_clear(&bk);
    }
    sg_progress_add(searched);
    g_free(local);
    search_clear(&s);
    return IGRAPH_SUCCESS;
}

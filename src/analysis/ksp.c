/* ksp.c: simple paths between two nodes best first (Yen's algorithm with Lawler's saving), under a work budget. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "ksp.h"

/* A candidate path: its nodes and links (N and N - 1 of them), its cost, the index of the node where it
 * left the path it was found from (Lawler: spur nodes before it need no search again), and the order it
 * was found in (which settles equal costs). */
typedef struct candidate {
    igraph_integer_t *nodes, *links;
    size_t n, deviation, order;
    double cost;
} candidate;

/* A trie of the paths passed on: their common prefixes share nodes; a node's children are the next nodes
 * taken after that prefix by some path passed on, which a new spur search from there must avoid. */
typedef struct trie_node {
    igraph_integer_t v;
    gint child, sibling; /* indices into the trie, -1 for none */
} trie_node;

typedef struct heap_item {
    double key;
    igraph_integer_t v;
} heap_item;

typedef struct ksp {
    const igraph_t *graph;
    const igraph_vector_t *weights;
    igraph_inclist_t links;
    igraph_integer_t n, from, to;
    size_t budget, steps;
    bool exhausted;
    /* one shortest-path search: arrays valid where their stamp equals GEN */
    size_t gen;            /* a search's number: at most one per step, so it never wraps */
    size_t *reached, *settled, *banned, *banned_next;
    double *dist;
    igraph_integer_t *via; /* the link a node was reached by */
    GArray *heap;          /* heap_item, a binary min-heap on (key, v) */
    /* the candidates */
    GPtrArray *all;        /* every candidate found, owned */
    GArray *queue;         /* candidate *, a binary min-heap on (cost, order) */
    GHashTable *known;     /* GBytes of a node sequence -> candidate, to drop duplicates */
    GArray *trie;          /* trie_node; 0 is FROM */
} ksp;

static double link_weight(const ksp *k, igraph_integer_t e)
{
    return k->weights ? VECTOR(*k->weights)[e] : 1.0;
}

/* Whether the budget allows one more step (counting it); sets EXHAUSTED when not. */
static bool step(ksp *k, size_t n)
{
    if (k->steps + n > k->budget) {
        k->exhausted = true;
        return false;
    }
    k->steps += n;
    return true;
}

/* ---- binary min-heaps (the node heap of one search, the candidate queue) ------------------------- */

typedef bool (*heap_less)(const void *a, const void *b);

static void heap_swap(GArray *h, guint i, guint j)
{
    guint size = g_array_get_element_size(h);
    G_STATIC_ASSERT(sizeof(candidate *) <= sizeof(heap_item));
    char t[sizeof(heap_item)]; /* the largest element kept in a heap here */
    char *a = h->data;
    memcpy(t, a + i * size, size);
    memcpy(a + i * size, a + j * size, size);
    memcpy(a + j * size, t, size);
}

/* Adds the element at ITEM to the min-heap H ordered by LESS. O(log n). */
static void heap_push(GArray *h, const void *item, heap_less less)
{
    guint size = g_array_get_element_size(h);
    g_array_append_vals(h, item, 1);
    for (guint i = h->len - 1; i > 0;) {
        guint up = (i - 1) / 2;
        if (!less(h->data + i * size, h->data + up * size))
            break;
        heap_swap(h, i, up);
        i = up;
    }
}

/* Removes the least element of the non-empty min-heap H ordered by LESS into TOP. O(log n). */
static void heap_pop(GArray *h, void *top, heap_less less)
{
    guint size = g_array_get_element_size(h);
    memcpy(top, h->data, size);
    heap_swap(h, 0, h->len - 1);
    g_array_set_size(h, h->len - 1);
    for (guint i = 0;;) {
        guint l = 2 * i + 1, r = l + 1, best = i;
        if (l < h->len && less(h->data + l * size, h->data + best * size))
            best = l;
        if (r < h->len && less(h->data + r * size, h->data + best * size))
            best = r;
        if (best == i)
            break;
        heap_swap(h, i, best);
        i = best;
    }
}

static bool item_less(const void *pa, const void *pb)
{
    const heap_item *a = pa, *b = pb;
    return a->key < b->key || (a->key == b->key && a->v < b->v);
}

/* Dijkstra's search from SPUR to TO avoiding the nodes and first links banned under the current GEN.
 * Returns true when TO was reached; false when it cannot be, or the budget ran out. */
static bool search(ksp *k, igraph_integer_t spur)
{
    g_array_set_size(k->heap, 0);
    k->reached[spur] = k->gen;
    k->dist[spur] = 0;
    k->via[spur] = -1;
    heap_push(k->heap, &(heap_item){0, spur}, item_less);
    while (k->heap->len > 0) {
        heap_item it;
        heap_pop(k->heap, &it, item_less);
        igraph_integer_t u = it.v;
        if (k->settled[u] == k->gen || it.key > k->dist[u])
            continue;
        if (!step(k, 1))
            return false;
        k->settled[u] = k->gen;
        if (u == k->to)
            return true;
        igraph_vector_int_t *inc = igraph_inclist_get(&k->links, u);
        for (igraph_integer_t j = 0; j < igraph_vector_int_size(inc); j++) {
            if (!step(k, 1))
                return false;
            igraph_integer_t e = VECTOR(*inc)[j], v = IGRAPH_OTHER(k->graph, e, u);
            if (k->banned[v] == k->gen || k->settled[v] == k->gen || (u == spur && k->banned_next[v] == k->gen))
                continue;
            double d = k->dist[u] + link_weight(k, e);
            if (k->reached[v] != k->gen || d < k->dist[v]) {
                k->reached[v] = k->gen;
                k->dist[v] = d;
                k->via[v] = e;
                heap_push(k->heap, &(heap_item){d, v}, item_less);
            }
        }
    }
    return false;
}

/* ---- candidates -------------------------------------------------------------------------------- */

static bool candidate_less(const void *pa, const void *pb)
{
    const candidate *a = *(candidate *const *)pa, *b = *(candidate *const *)pb;
    return a->cost < b->cost || (a->cost == b->cost && a->order < b->order);
}

static void candidate_free(gpointer p)
{
    candidate *c = p;
    g_free(c->nodes);
    g_free(c->links);
    g_free(c);
}

/* Makes the candidate ROOT's first I + 1 nodes (ROOT NULL: just SPUR) followed by the path the last search
 * found from its spur node to TO, and queues it unless it is known; returns false when the budget ran
 * out. */
static bool add_candidate(ksp *k, const candidate *root, size_t i, igraph_integer_t spur)
{
    size_t tail = 0;
    for (igraph_integer_t v = k->to; v != spur; v = IGRAPH_OTHER(k->graph, k->via[v], v))
        tail++;
    size_t n = (root ? i + 1 : 1) + tail;
    if (!step(k, n))
        return false;
    candidate *c = g_new0(candidate, 1);
    c->n = n;
    c->nodes = g_new(igraph_integer_t, n);
    c->links = g_new(igraph_integer_t, n);
    c->deviation = root ? i : 0;
    if (root) {
        memcpy(c->nodes, root->nodes, (i + 1) * sizeof *c->nodes);
        memcpy(c->links, root->links, i * sizeof *c->links);
    } else {
        c->nodes[0] = spur;
    }
    size_t at = n - 1;
    for (igraph_integer_t v = k->to; v != spur; v = IGRAPH_OTHER(k->graph, k->via[v], v)) {
        c->nodes[at] = v;
        c->links[at - 1] = k->via[v];
        at--;
    }
    for (size_t j = 0; j + 1 < n; j++) /* added from FROM onwards, as every cost of this path is */
        c->cost += link_weight(k, c->links[j]);
    GBytes *key = g_bytes_new_static(c->nodes, n * sizeof *c->nodes);
    if (g_hash_table_contains(k->known, key)) {
        g_bytes_unref(key);
        candidate_free(c);
        return true;
    }
    c->order = k->all->len;
    g_ptr_array_add(k->all, c);
    g_hash_table_add(k->known, key);
    heap_push(k->queue, &c, candidate_less);
    return true;
}

/* Adds C to the trie; returns the index of the trie node of C's first DEPTH + 1 nodes. */
static gint trie_add(GArray *trie, const candidate *c, size_t depth)
{
    gint t = 0, at_depth = 0;
    for (size_t i = 1; i < c->n; i++) {
        gint child = g_array_index(trie, trie_node, t).child;
        while (child >= 0 && g_array_index(trie, trie_node, child).v != c->nodes[i])
            child = g_array_index(trie, trie_node, child).sibling;
        if (child < 0) {
            trie_node fresh = {c->nodes[i], -1, g_array_index(trie, trie_node, t).child};
            child = (gint)trie->len;
            g_array_append_val(trie, fresh);
            g_array_index(trie, trie_node, t).child = child;
        }
        t = child;
        if (i == depth)
            at_depth = t;
    }
    return depth == 0 ? 0 : at_depth;
}

/* The spur searches of Yen's algorithm from every node of C from its deviation on: each avoids C's nodes
 * before the spur node and the next nodes any path passed on took after the same prefix. */
static void branch(ksp *k, const candidate *c)
{
    gint t = trie_add(k->trie, c, c->deviation);
    for (size_t i = c->deviation; i + 1 < c->n && !k->exhausted; i++) {
        k->gen++;
        for (size_t j = 0; j < i; j++)
            k->banned[c->nodes[j]] = k->gen;
        for (gint child = g_array_index(k->trie, trie_node, t).child; child >= 0;
             child = g_array_index(k->trie, trie_node, child).sibling)
            k->banned_next[g_array_index(k->trie, trie_node, child).v] = k->gen;
        if (search(k, c->nodes[i]) && !add_candidate(k, c, i, c->nodes[i]))
            return;
        gint next = g_array_index(k->trie, trie_node, t).child; /* down to the node after the spur */
        while (g_array_index(k->trie, trie_node, next).v != c->nodes[i + 1])
            next = g_array_index(k->trie, trie_node, next).sibling;
        t = next;
    }
}

static void ksp_free(ksp *k)
{
    igraph_inclist_destroy(&k->links);
    g_free(k->reached);
    g_free(k->settled);
    g_free(k->banned);
    g_free(k->banned_next);
    g_free(k->dist);
    g_free(k->via);
    g_array_free(k->heap, TRUE);
    g_hash_table_destroy(k->known);
    g_array_free(k->queue, TRUE);
    g_ptr_array_free(k->all, TRUE);
    g_array_free(k->trie, TRUE);
}

igraph_error_t sg_ksp_search(const igraph_t *graph, const igraph_vector_t *weights, igraph_integer_t from,
                             igraph_integer_t to, size_t budget, sg_ksp_visit *visit, void *ctx,
                             sg_ksp_result *res)
{
    memset(res, 0, sizeof *res);
    ksp k = {.graph = graph, .weights = weights, .n = igraph_vcount(graph), .from = from, .to = to,
             .budget = budget};
    IGRAPH_CHECK(igraph_inclist_init(graph, &k.links, igraph_is_directed(graph) ? IGRAPH_OUT : IGRAPH_ALL,
                                     IGRAPH_LOOPS_ONCE));
    size_t n = (size_t)k.n;
    k.reached = g_new0(size_t, n);
    k.settled = g_new0(size_t, n);
    k.banned = g_new0(size_t, n);
    k.banned_next = g_new0(size_t, n);
    k.dist = g_new(double, n);
    k.via = g_new(igraph_integer_t, n);
    k.heap = g_array_new(FALSE, FALSE, sizeof(heap_item));
    k.known = g_hash_table_new_full(g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
    k.queue = g_array_new(FALSE, FALSE, sizeof(candidate *));
    k.all = g_ptr_array_new_with_free_func(candidate_free);
    k.trie = g_array_new(FALSE, FALSE, sizeof(trie_node));
    trie_node root = {from, -1, -1};
    g_array_append_val(k.trie, root);
    k.gen = 1;
    if (from != to && search(&k, from))
        add_candidate(&k, NULL, 0, from);
    while (k.queue->len > 0 && !k.exhausted) {
        candidate *c;
        heap_pop(k.queue, &c, candidate_less);
        res->paths++;
        if (!visit(c->nodes, c->n, c->cost, ctx))
            break;
        branch(&k, c);
    }
    res->steps = k.steps;
    res->exhausted = k.exhausted;
    ksp_free(&k);
    return IGRAPH_SUCCESS;
}

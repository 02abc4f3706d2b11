/* paths.c: routes between nodes, reach and cuts, computed by igraph on the merged graph of a read network. */
#include <glib.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include <gmp.h>

#include "spygraph/paths.h"
#include "ksp.h"

static igraph_neimode_t search_mode(const sg_graph *lg)
{
    return lg->directed ? IGRAPH_OUT : IGRAPH_ALL;
}

/* ---- hops and their evidence ------------------------------------------------------------------- */

/* Fills HOP with every tie of LINK (no time constraint). */
static void hop_all_ties(const sg_network *net, const sg_graph *lg, int from, int to,
                         igraph_integer_t link, sg_hop *hop)
{
    igraph_integer_t first = VECTOR(lg->tie_start)[link], last = VECTOR(lg->tie_start)[link + 1];
    *hop = (sg_hop){.from = from, .to = to, .link = link, .earliest = LONG_MIN};
    hop->ties = g_new(int, last - first + 1);
    for (igraph_integer_t i = first; i < last; i++) {
        int tie = (int)VECTOR(lg->ties)[i];
        hop->ties[hop->n_ties++] = tie;
        if (hop->n_ties == 1 || net->edges[tie].confidence > hop->confidence)
            hop->confidence = net->edges[tie].confidence;
    }
    hop->ties[hop->n_ties] = -1;
}

/* The days tie E can carry a path: its own period within the lifetimes of both its ends (open ends
 * unbounded); *FIRST > *LAST when there are none. */
static void usable_days(const sg_network *net, const sg_edge *e, long *first, long *last)
{
    const sg_interval *a = &net->nodes[e->source].when, *b = &net->nodes[e->target].when;
    *first = MAX(sg_interval_first_day(&e->when), MAX(sg_interval_first_day(a), sg_interval_first_day(b)));
    *last = MIN(sg_interval_last_day(&e->when), MIN(sg_interval_last_day(a), sg_interval_last_day(b)));
}

/* Fills HOP with the ties of LINK that end no earlier than day AFTER; returns false if there is none.
 * HOP->earliest is the first day the hop can be made. */
static bool hop_ties_after(const sg_network *net, const sg_graph *lg, int from, int to,
                           igraph_integer_t link, long after, sg_hop *hop)
{
    hop_all_ties(net, lg, from, to, link, hop);
    size_t kept = 0;
    long earliest = LONG_MAX;
    for (size_t i = 0; i < hop->n_ties; i++) {
        const sg_edge *e = &net->edges[hop->ties[i]];
        long start, end;
        usable_days(net, e, &start, &end);
        if (end < after || start > end)
            continue;
        earliest = MIN(earliest, MAX(after, start));
        if (kept == 0 || e->confidence > hop->confidence)
            hop->confidence = e->confidence;
        hop->ties[kept++] = hop->ties[i];
    }
    hop->ties[kept] = -1;
    hop->n_ties = kept;
    hop->earliest = earliest;
    if (kept == 0) {
        g_free(hop->ties);
        hop->ties = NULL;
    }
    return kept > 0;
}

bool sg_path_time_respecting(const sg_network *net, const sg_graph *lg, const igraph_integer_t *nodes,
                             size_t n, sg_hop *hops)
{
    long day = LONG_MIN;
    for (size_t i = 0; i + 1 < n; i++) {
        igraph_integer_t link = sg_graph_find_edge(lg, (int)nodes[i], (int)nodes[i + 1]);
        if (link < 0 || !hop_ties_after(net, lg, (int)nodes[i], (int)nodes[i + 1], link, day, &hops[i])) {
            for (size_t j = 0; j < i; j++)
                g_free(hops[j].ties);
            return false;
        }
        day = hops[i].earliest;
    }
    return true;
}

/* Makes a path of the node sequence NODES crossing every tie of each link. */
static sg_path path_with_all_ties(const sg_network *net, const sg_graph *lg, const igraph_vector_int_t *nodes)
{
    sg_path path = {.n_hops = (size_t)igraph_vector_int_size(nodes) - 1};
    path.hops = g_new0(sg_hop, path.n_hops + 1);
    for (size_t i = 0; i < path.n_hops; i++) {
        int a = (int)VECTOR(*nodes)[i], b = (int)VECTOR(*nodes)[i + 1];
        hop_all_ties(net, lg, a, b, sg_graph_find_edge(lg, a, b), &path.hops[i]);
    }
    return path;
}

static void path_set_reliability(sg_path *path)
{
    path->reliability = 1;
    for (size_t i = 0; i < path->n_hops; i++)
        path->reliability *= path->hops[i].confidence;
}

/* ---- finding paths ----------------------------------------------------------------------------- */

/* Paths whose node sequences compare in order of their node indices. */
static int compare_paths(const void *x, const void *y)
{
    const sg_path *p = x, *q = y;
    for (size_t i = 0; i < p->n_hops && i < q->n_hops; i++) {
        if (p->hops[i].to != q->hops[i].to)
            return p->hops[i].to < q->hops[i].to ? -1 : 1;
    }
    return (p->n_hops > q->n_hops) - (p->n_hops < q->n_hops);
}

/* How far apart two path costs may be and still count as equal: floating-point noise only. A reliability
 * cost is a sum of h values -log(confidence), each within an ulp of exact, so two orders of the same
 * factors (or two factorings of one product, 0.5 x 0.4 and 0.8 x 0.25) differ by about h ulps of the
 * sum: below 1e-13 relative for any path of under a few hundred hops. Costs within COST_TOLERANCE x
 * max(1, cost) are equal: a relative difference of the products below 1e-12 (1e-10 for a reliability as
 * low as e^-100), far below any real difference (a confidence of 0.9999999 against 1 is 1e-7). Hop
 * counts are whole numbers, so the tolerance never merges two of them. */
#define COST_TOLERANCE 1e-12

/* Whether costs A and B are equal within COST_TOLERANCE. */
static bool same_cost(double a, double b)
{
    return fabs(a - b) <= COST_TOLERANCE * fmax(1.0, fmax(fabs(a), fabs(b)));
}

/* The reliability cost of one hop or link of confidence C: -log C, 0 for certainty. */
static double confidence_cost(double c)
{
    return c >= 1 ? 0.0 : -log(c);
}

/* Search weights (resized to one per link): -log of each link's best confidence (the graph is read with
 * confidence weights, so a link's weight is that confidence), nothing else, so that Yen's algorithm
 * yields candidates in order of reliability; hops only break ties afterwards (compare_ranked). */
static igraph_error_t reliability_weights(const sg_graph *lg, igraph_vector_t *weights)
{
    igraph_integer_t m = igraph_vector_size(&lg->weight);
    IGRAPH_CHECK(igraph_vector_resize(weights, m));
    for (igraph_integer_t e = 0; e < m; e++)
        VECTOR(*weights)[e] = confidence_cost(VECTOR(lg->weight)[e]);
    return IGRAPH_SUCCESS;
}


/* Every fewest-hop path (igraph_get_all_shortest_paths on the simple link graph). */
static igraph_error_t all_shortest(const sg_network *net, const sg_graph *lg, const sg_path_query *q,
                                   GArray *paths)
{
    igraph_vector_int_list_t found;
    IGRAPH_CHECK(igraph_vector_int_list_init(&found, 0));
    IGRAPH_FINALLY(igraph_vector_int_list_destroy, &found);
    IGRAPH_CHECK(igraph_get_all_shortest_paths(&lg->graph, &found, NULL, NULL, q->from, igraph_vss_1(q->to),
                                               search_mode(lg)));
    for (igraph_integer_t i = 0; i < igraph_vector_int_list_size(&found); i++) {
        sg_path path = path_with_all_ties(net, lg, igraph_vector_int_list_get_ptr(&found, i));
        g_array_append_val(paths, path);
    }
    igraph_vector_int_list_destroy(&found);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* The cost a path is ranked by first: its hops, or (MOST_RELIABLE) -log of its reliability, counting for
 * each hop the ties in evidence (with time-respecting paths, those still usable). Never below the
 * search cost sg_ksp_search gives its node sequence. */
static double ranked_cost(const sg_path_query *q, const sg_path *p)
{
    if (!q->most_reliable)
        return (double)p->n_hops;
    double cost = 0;
    for (size_t h = 0; h < p->n_hops; h++)
        cost += confidence_cost(p->hops[h].confidence);
    return cost;
}

/* Whether paths X and Y rank equal under Q: the same ranked cost (within COST_TOLERANCE) and, when
 * ranking by reliability, the same number of hops. */
static bool same_rank(const sg_path_query *q, const sg_path *x, const sg_path *y)
{
    return same_cost(ranked_cost(q, x), ranked_cost(q, y)) && x->n_hops == y->n_hops;
}

/* By ranked cost (reliability, or hops), then hops, then node sequence (Q is the query). */
static gint compare_ranked(gconstpointer x, gconstpointer y, gpointer q)
{
    const sg_path *p = x, *r = y;
    double a = ranked_cost(q, p), b = ranked_cost(q, r);
    if (!same_cost(a, b))
        return a < b ? -1 : 1;
    if (p->n_hops != r->n_hops)
        return p->n_hops < r->n_hops ? -1 : 1;
    return compare_paths(x, y);
}

static void free_path(sg_path *p)
{
    for (size_t h = 0; h < p->n_hops; h++)
        g_free(p->hops[h].ties);
    g_free(p->hops);
}

/* The state of one candidate search: the query, the accepted paths, and the NEED best ranked costs among
 * them (NEED = K, or 1 when every best path is wanted) in igraph's max-heap, whose top is then the bound no
 * better path can exceed. */
typedef struct search_state {
    const sg_network *net;
    const sg_graph *lg;
    const sg_path_query *q;
    GArray *paths;
    igraph_heap_t best;    /* NEED entries at most */
    size_t need, seen, cap;
    bool capped;
} search_state;

/* Adds COST to the NEED best costs kept in S's max-heap (room for NEED is reserved beforehand, so the push
 * cannot fail). O(log NEED). */
static void keep_best_cost(search_state *s, double cost)
{
    if ((size_t)igraph_heap_size(&s->best) == s->need) {
        if (cost >= igraph_heap_top(&s->best))
            return;
        igraph_heap_delete_top(&s->best);
    }
    igraph_heap_push(&s->best, cost);
}

/* The cost no better path can exceed once the accepted paths are in: the best cost when every best path is
 * wanted, the K-th best when K are; +infinity while fewer than K are in. A later path of equal cost may
 * still rank better (fewer hops, an earlier node sequence), so only a cost strictly above the bound
 * (beyond COST_TOLERANCE) rules a path out. */
static double cost_bound(const search_state *s)
{
    return (size_t)igraph_heap_size(&s->best) < s->need ? INFINITY : igraph_heap_top(&s->best);
}

/* Considers one candidate (NODES, N of them) of search cost OPTIMISTIC (candidates arrive in order of it,
 * and a path's ranked cost is never below it); accepts it into the state's paths if it qualifies. Returns
 * false once no later candidate can qualify (OPTIMISTIC strictly worse than the bound; ties go on, since
 * hops and node sequence still decide among them) or the cap on candidates is reached. */
static bool consider(const igraph_integer_t *nodes, size_t n, double optimistic, void *ctx)
{
    search_state *s = ctx;
    double bound = cost_bound(s);
    if (optimistic > bound && !same_cost(optimistic, bound))
        return false;
    if (s->seen++ >= s->cap) {
        s->capped = true;
        return false;
    }
    sg_path path;
    if (s->q->time_respecting) {
        path = (sg_path){.n_hops = n - 1, .hops = g_new0(sg_hop, n)};
        if (!sg_path_time_respecting(s->net, s->lg, nodes, n, path.hops)) {
            g_free(path.hops);
            return true;
        }
    } else {
        igraph_vector_int_t view;
        memset(&view, 0, sizeof view);
        igraph_vector_int_view(&view, nodes, (igraph_integer_t)n);
        path = path_with_all_ties(s->net, s->lg, &view);
    }
    g_array_append_val(s->paths, path);
    keep_best_cost(s, ranked_cost(s->q, &path));
    return true;
}

/* Candidate simple paths best first (sg_ksp_search on WEIGHTS: hops when NULL, else pure -log confidence)
 * until the query is answered (a candidate strictly worse than the bound), the candidates run out,
 * MAX_CANDIDATES were examined (then OUT->capped) or the step budget is spent (then OUT->exhausted). Many
 * equally reliable paths (certain ties everywhere) are all examined, up to those limits. */
static igraph_error_t candidate_search(const sg_network *net, const sg_graph *lg, const sg_path_query *q,
                                       const igraph_vector_t *weights, GArray *paths, sg_path_list *out)
{
    search_state s = {.net = net, .lg = lg, .q = q, .paths = paths, .need = q->k ? q->k : 1,
                      .cap = q->max_candidates ? q->max_candidates : SG_PATHS_MAX_CANDIDATES};
    s.need = MIN(s.need, s.cap + 1);
    IGRAPH_CHECK(igraph_heap_init(&s.best, (igraph_integer_t)s.need));
    sg_ksp_result res;
    igraph_error_t err = sg_ksp_search(&lg->graph, weights, q->from, q->to,
                                       q->budget ? q->budget : SG_PATHS_BUDGET, consider, &s, &res);
    igraph_heap_destroy(&s.best);
    IGRAPH_CHECK(err);
    out->capped |= s.capped;
    out->exhausted |= res.exhausted;
    out->steps += res.steps;
    return IGRAPH_SUCCESS;
}

static void free_paths(GArray *paths)
{
    for (guint i = 0; i < paths->len; i++)
        free_path(&g_array_index(paths, sg_path, i));
    g_array_set_size(paths, 0);
}

/* Sorts the accepted paths by (cost, hops, node sequence), keeps the best (every one ranking equal to the
 * first, or the K best), then at most LIMIT of them, into OUT. */
static void finish_list(const sg_path_query *q, GArray *paths, sg_path_list *out)
{
    for (guint i = 0; i < paths->len; i++)
        path_set_reliability(&g_array_index(paths, sg_path, i));
    g_array_sort_with_data(paths, compare_ranked, (gpointer)q);
    size_t best = paths->len;
    if (q->k)
        best = MIN(best, q->k);
    else if (paths->len > 0) {
        const sg_path *first = &g_array_index(paths, sg_path, 0);
        for (best = 1; best < paths->len && same_rank(q, &g_array_index(paths, sg_path, best), first); best++)
            ;
    }
    out->found = best;
    size_t keep = q->k ? best : MIN(best, q->limit);
    while (paths->len > keep) {
        free_path(&g_array_index(paths, sg_path, paths->len - 1));
        g_array_set_size(paths, paths->len - 1);
    }
    out->count = paths->len;
    out->paths = (sg_path *)(void *)g_array_free(paths, FALSE);
}

static void free_path_array(void *paths)
{
    free_paths(paths);
    g_array_free(paths, TRUE);
}

/* Beyond this many shortest paths, only the first LIMIT that Yen's algorithm finds are listed, rather
 * than all of them being built to choose from. */
#define ALL_PATHS_MAX 100000.0

/* The path counts of count_shortest, one per node (N of them). */
typedef struct path_counts {
    mpz_t *count;
    igraph_integer_t n;
} path_counts;

static void path_counts_free(void *p)
{
    path_counts *c = p;
    for (igraph_integer_t v = 0; v < c->n; v++)
        mpz_clear(c->count[v]);
    g_free(c->count);
}

/* Counts the fewest-hop paths from FROM to TO exactly into COUNT (an initialised GMP integer: the count
 * can be astronomical, C(2(n-1), n-1) between the corners of an n x n grid), adding up, layer by layer of
 * igraph's breadth-first distances, the counts of each node's neighbours one layer nearer FROM. A layer's
 * counts are released once the layer after next is reached, so memory is two layers of counts. O(n log n
 * + m) additions of numbers of at most n bits. */
static igraph_error_t count_shortest(const sg_graph *lg, int from, int to, mpz_t count)
{
    igraph_integer_t n = igraph_vcount(&lg->graph);
    igraph_matrix_t d;
    IGRAPH_MATRIX_INIT_FINALLY(&d, 1, n);
    IGRAPH_CHECK(igraph_distances(&lg->graph, &d, igraph_vss_1(from), igraph_vss_all(), search_mode(lg)));
    igraph_vector_t dist;
    igraph_vector_view(&dist, &MATRIX(d, 0, 0), n);
    igraph_vector_int_t order, near;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&order, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&near, 0);
    IGRAPH_CHECK(igraph_vector_qsort_ind(&dist, &order, IGRAPH_ASCENDING));
    path_counts paths = {.count = g_new(mpz_t, n), .n = n};
    for (igraph_integer_t v = 0; v < n; v++)
        mpz_init(paths.count[v]);
    IGRAPH_FINALLY(path_counts_free, &paths);
    mpz_set_ui(paths.count[from], 1);
    igraph_neimode_t back = lg->directed ? IGRAPH_IN : IGRAPH_ALL;
    double last = VECTOR(dist)[to];
    igraph_integer_t done = 0; /* ORDER[0 .. DONE) are two or more layers back: released */
    for (igraph_integer_t i = 0; i < n; i++) {
        igraph_integer_t v = VECTOR(order)[i];
        if (!isfinite(VECTOR(dist)[v]) || VECTOR(dist)[v] > last)
            break;
        for (; VECTOR(dist)[VECTOR(order)[done]] < VECTOR(dist)[v] - 1; done++)
            if (VECTOR(order)[done] != to)
                mpz_realloc2(paths.count[VECTOR(order)[done]], 1); /* frees the digits, keeps the value 0 */
        if (v == from)
            continue;
        IGRAPH_CHECK(igraph_neighbors(&lg->graph, &near, v, back));
        for (igraph_integer_t j = 0; j < igraph_vector_int_size(&near); j++)
            if (VECTOR(dist)[VECTOR(near)[j]] == VECTOR(dist)[v] - 1)
                mpz_add(paths.count[v], paths.count[v], paths.count[VECTOR(near)[j]]);
    }
    mpz_set(count, paths.count[to]);
    path_counts_free(&paths);
    igraph_vector_int_destroy(&near);
    igraph_vector_int_destroy(&order);
    igraph_matrix_destroy(&d);
    IGRAPH_FINALLY_CLEAN(4);
    return IGRAPH_SUCCESS;
}

/* The first LIMIT fewest-hop paths Yen's algorithm finds (when there are too many to build them all). */
static igraph_error_t first_shortest(const sg_network *net, const sg_graph *lg, const sg_path_query *q,
                                     GArray *paths, sg_path_list *out)
{
    sg_path_query first = *q;
    first.k = first.max_candidates = q->limit;
    IGRAPH_CHECK(candidate_search(net, lg, &first, NULL, paths, out));
    out->capped = false; /* expected: the search is stopped at LIMIT on purpose */
    return IGRAPH_SUCCESS;
}

/* Whether any route leads from FROM to TO in LG (so igraph is never asked for unreachable targets, which
 * it warns about). */
static igraph_error_t reachable(const sg_graph *lg, int from, int to, bool *res)
{
    igraph_matrix_t d;
    IGRAPH_MATRIX_INIT_FINALLY(&d, 1, 1);
    IGRAPH_CHECK(igraph_distances(&lg->graph, &d, igraph_vss_1(from), igraph_vss_1(to), search_mode(lg)));
    *res = isfinite(MATRIX(d, 0, 0));
    igraph_matrix_destroy(&d);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* Lowers ARRIVAL[V] (the earliest day V is reached) through link E entered at U; returns true if it did. */
static bool relax(const sg_network *net, const sg_graph *lg, igraph_integer_t e, int u, int v, long *arrival,
                  bool *reached)
{
    if (!reached[u])
        return false;
    bool any = false;
    long best = LONG_MAX;
    for (igraph_integer_t i = VECTOR(lg->tie_start)[e]; i < VECTOR(lg->tie_start)[e + 1]; i++) {
        long first, last;
        usable_days(net, &net->edges[VECTOR(lg->ties)[i]], &first, &last);
        if (last < arrival[u] || first > last)
            continue;
        best = MIN(best, MAX(arrival[u], first));
        any = true;
    }
    if (!any || (reached[v] && arrival[v] <= best))
        return false;
    arrival[v] = best;
    reached[v] = true;
    return true;
}

/* Whether a time-respecting path leads from FROM to TO: the earliest day each node can be reached along
 * time-respecting walks, relaxing every link until nothing changes (arrival days only fall, so this
 * ends; O(n m)). A walk suffices: cutting a cycle out of a time-respecting walk leaves a
 * time-respecting path, since arriving earlier never hurts. */
static bool time_reachable(const sg_network *net, const sg_graph *lg, int from, int to)
{
    igraph_integer_t n = igraph_vcount(&lg->graph), m = igraph_ecount(&lg->graph);
    long *arrival = g_new(long, n);
    bool *reached = g_new0(bool, n);
    arrival[from] = LONG_MIN;
    reached[from] = true;
    for (bool changed = true; changed;) {
        changed = false;
        for (igraph_integer_t e = 0; e < m; e++) {
            int a = (int)IGRAPH_FROM(&lg->graph, e), b = (int)IGRAPH_TO(&lg->graph, e);
            changed |= relax(net, lg, e, a, b, arrival, reached);
            if (!lg->directed)
                changed |= relax(net, lg, e, b, a, arrival, reached);
        }
    }
    bool result = reached[to];
    g_free(arrival);
    g_free(reached);
    return result;
}

igraph_error_t sg_paths_find(const sg_network *net, const sg_graph *lg, const sg_path_query *q,
                             sg_path_list *out)
{
    memset(out, 0, sizeof *out);
    bool any = false;
    IGRAPH_CHECK(reachable(lg, q->from, q->to, &any));
    if (!any || (q->time_respecting && !time_reachable(net, lg, q->from, q->to))) {
        out->found_decimal = g_strdup("0");
        return IGRAPH_SUCCESS;
    }
    mpz_t count;
    mpz_init(count);
    IGRAPH_FINALLY(mpz_clear, count);
    GArray *paths = g_array_new(FALSE, FALSE, sizeof(sg_path));
    IGRAPH_FINALLY(free_path_array, paths);
    igraph_vector_t weights;
    IGRAPH_VECTOR_INIT_FINALLY(&weights, 0);
    bool plain = q->k == 0 && !q->most_reliable && !q->time_respecting;
    if (plain) {
        IGRAPH_CHECK(count_shortest(lg, q->from, q->to, count));
        IGRAPH_CHECK(mpz_cmp_d(count, ALL_PATHS_MAX) <= 0 ? all_shortest(net, lg, q, paths)
                                                          : first_shortest(net, lg, q, paths, out));
    } else {
        if (q->most_reliable)
            IGRAPH_CHECK(reliability_weights(lg, &weights));
        IGRAPH_CHECK(candidate_search(net, lg, q, q->most_reliable ? &weights : NULL, paths, out));
    }
    igraph_vector_destroy(&weights);
    finish_list(q, paths, out);
    IGRAPH_FINALLY_CLEAN(2);
    if (plain) {
        out->found = mpz_fits_ulong_p(count) && mpz_get_ui(count) <= SIZE_MAX ? (size_t)mpz_get_ui(count) : SIZE_MAX;
        out->found_decimal = g_try_malloc(mpz_sizeinbase(count, 10) + 2);
        if (out->found_decimal)
            mpz_get_str(out->found_decimal, 10, count);
    } else {
        out->found_decimal = g_strdup_printf("%zu", out->found);
    }
    mpz_clear(count);
    IGRAPH_FINALLY_CLEAN(1);
    if (!out->found_decimal) {
        sg_path_list_free(out);
        IGRAPH_ERROR("out of memory writing a path count", IGRAPH_ENOMEM);
    }
    return IGRAPH_SUCCESS;
}

void sg_path_list_free(sg_path_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        for (size_t h = 0; h < list->paths[i].n_hops; h++)
            g_free(list->paths[i].hops[h].ties);
        g_free(list->paths[i].hops);
    }
    g_free(list->paths);
    g_free(list->found_decimal);
    memset(list, 0, sizeof *list);
}

/* ---- reach ------------------------------------------------------------------------------------- */

/* By distance, then node id (NET is the network). */
static gint compare_reached(gconstpointer x, gconstpointer y, gpointer net)
{
    const sg_reached *p = x, *q = y;
    const sg_network *n = net;
    if (p->hops != q->hops)
        return p->hops < q->hops ? -1 : 1;
    return strcmp(n->nodes[p->node].id, n->nodes[q->node].id);
}

/* The nodes reachable from FROM, FROM excluded, sorted by index. */
static igraph_error_t reachable_nodes(const sg_graph *lg, int from, igraph_vector_int_t *targets)
{
    IGRAPH_CHECK(igraph_subcomponent(&lg->graph, targets, from, search_mode(lg)));
    igraph_vector_int_sort(targets);
    igraph_integer_t pos;
    if (igraph_vector_int_binsearch(targets, from, &pos))
        igraph_vector_int_remove(targets, pos);
    return IGRAPH_SUCCESS;
}

static void keep_routes(const igraph_vector_int_list_t *routes, size_t max_hops, GArray *reached)
{
    for (igraph_integer_t i = 0; i < igraph_vector_int_list_size(routes); i++) {
        const igraph_vector_int_t *route = igraph_vector_int_list_get_ptr(routes, i);
        size_t n = (size_t)igraph_vector_int_size(route);
        if (n < 2 || (max_hops && n - 1 > max_hops))
            continue;
        sg_reached r = {.node = (int)VECTOR(*route)[n - 1], .hops = n - 1, .route = g_new(int, n)};
        for (size_t j = 0; j < n; j++)
            r.route[j] = (int)VECTOR(*route)[j];
        g_array_append_val(reached, r);
    }
}

igraph_error_t sg_reach_find(const sg_graph *lg, const sg_network *net, int from, size_t max_hops,
                             sg_reach *out)
{
    memset(out, 0, sizeof *out);
    igraph_vector_int_t targets;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&targets, 0);
    igraph_vector_int_list_t routes;
    IGRAPH_CHECK(igraph_vector_int_list_init(&routes, 0));
    IGRAPH_FINALLY(igraph_vector_int_list_destroy, &routes);
    IGRAPH_CHECK(reachable_nodes(lg, from, &targets));
    igraph_vs_t vs;
    IGRAPH_CHECK(igraph_vs_vector(&vs, &targets)); /* a view: nothing to destroy */
    if (igraph_vector_int_size(&targets) > 0)
        IGRAPH_CHECK(igraph_get_shortest_paths(&lg->graph, &routes, NULL, from, vs, search_mode(lg), NULL, NULL));
    GArray *reached = g_array_new(FALSE, FALSE, sizeof(sg_reached));
    keep_routes(&routes, max_hops, reached);
    g_array_sort_with_data(reached, compare_reached, (gpointer)net);
    out->count = reached->len;
    out->nodes = (sg_reached *)(void *)g_array_free(reached, FALSE);
    igraph_vector_int_list_destroy(&routes);
    igraph_vector_int_destroy(&targets);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

void sg_reach_free(sg_reach *reach)
{
    for (size_t i = 0; i < reach->count; i++)
        g_free(reach->nodes[i].route);
    g_free(reach->nodes);
    memset(reach, 0, sizeof *reach);
}

/* ---- cuts -------------------------------------------------------------------------------------- */

/* The split-vertex graph: node v becomes v (in) and n + v (out) joined by an arc of capacity 1 (FROM and
 * TO: uncuttable); each link u -> v becomes u_out -> v_in (both ways when undirected) of capacity
 * n + 1, which no minimum cut can afford. Arc i < n is node i's inner arc. */
static igraph_error_t split_graph(const sg_graph *lg, int from, int to, igraph_t *aux,
                                  igraph_vector_t *capacity)
{
    igraph_integer_t n = igraph_vcount(&lg->graph), m = igraph_ecount(&lg->graph);
    igraph_vector_int_t ends;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&ends, 0);
    for (igraph_integer_t v = 0; v < n; v++) {
        IGRAPH_CHECK(igraph_vector_int_push_back(&ends, v));
        IGRAPH_CHECK(igraph_vector_int_push_back(&ends, n + v));
        IGRAPH_CHECK(igraph_vector_push_back(capacity, v == from || v == to ? (double)(n + 1) : 1.0));
    }
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t a = IGRAPH_FROM(&lg->graph, e), b = IGRAPH_TO(&lg->graph, e);
        for (int way = 0; way < (lg->directed ? 1 : 2); way++) {
            IGRAPH_CHECK(igraph_vector_int_push_back(&ends, n + (way ? b : a)));
            IGRAPH_CHECK(igraph_vector_int_push_back(&ends, way ? a : b));
            IGRAPH_CHECK(igraph_vector_push_back(capacity, (double)(n + 1)));
        }
    }
    IGRAPH_CHECK(igraph_create(aux, &ends, 2 * n, IGRAPH_DIRECTED));
    igraph_vector_int_destroy(&ends);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* One minimum set of nodes separating FROM from TO (not adjacent), through the split-vertex graph. */
static igraph_error_t minimum_vertex_cut(const sg_graph *lg, int from, int to, igraph_vector_int_t *cut)
{
    igraph_t aux;
    igraph_vector_t capacity;
    IGRAPH_VECTOR_INIT_FINALLY(&capacity, 0);
    IGRAPH_CHECK(split_graph(lg, from, to, &aux, &capacity));
    IGRAPH_FINALLY(igraph_destroy, &aux);
    igraph_real_t value;
    igraph_integer_t n = igraph_vcount(&lg->graph);
    IGRAPH_CHECK(igraph_st_mincut(&aux, &value, cut, NULL, NULL, n + from, to, &capacity));
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(cut); i++)
        if (VECTOR(*cut)[i] >= n)
            IGRAPH_ERROR("a minimum node cut crossed a link", IGRAPH_EINTERNAL);
    igraph_vector_int_sort(cut);
    igraph_destroy(&aux);
    igraph_vector_destroy(&capacity);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

static igraph_error_t cut_init(sg_cut *out)
{
    memset(out, 0, sizeof *out);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&out->vertex_cut, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&out->edge_cut, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&out->articulation_points, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&out->bridges, 0);
    IGRAPH_FINALLY_CLEAN(4);
    return IGRAPH_SUCCESS;
}

static igraph_error_t cuts_between(const sg_graph *lg, int from, int to, sg_cut *out)
{
    igraph_real_t edge_value;
    IGRAPH_CHECK(igraph_st_mincut(&lg->graph, &edge_value, &out->edge_cut, NULL, NULL, from, to, NULL));
    igraph_vector_int_sort(&out->edge_cut);
    out->edge_connectivity = (igraph_integer_t)edge_value;
    out->connected = edge_value > 0;
    out->adjacent = sg_graph_find_edge(lg, from, to) >= 0;
    out->vertex_connectivity = -1;
    if (out->adjacent)
        return IGRAPH_SUCCESS;
    IGRAPH_CHECK(igraph_st_vertex_connectivity(&lg->graph, &out->vertex_connectivity, from, to,
                                               IGRAPH_VCONN_NEI_ERROR));
    IGRAPH_CHECK(minimum_vertex_cut(lg, from, to, &out->vertex_cut));
    if (igraph_vector_int_size(&out->vertex_cut) != out->vertex_connectivity)
        IGRAPH_ERROR("the node cut found disagrees with the vertex connectivity", IGRAPH_EINTERNAL);
    return IGRAPH_SUCCESS;
}

igraph_error_t sg_cut_find(const sg_graph *lg, const sg_graph *undirected, int from, int to,
                           sg_cut *out)
{
    IGRAPH_CHECK(cut_init(out));
    IGRAPH_FINALLY(sg_cut_free, out);
    IGRAPH_CHECK(cuts_between(lg, from, to, out));
    IGRAPH_CHECK(igraph_articulation_points(&undirected->graph, &out->articulation_points));
    igraph_vector_int_sort(&out->articulation_points);
    IGRAPH_CHECK(igraph_bridges(&undirected->graph, &out->bridges));
    igraph_vector_int_sort(&out->bridges);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

void sg_cut_free(sg_cut *cut)
{
    igraph_vector_int_destroy(&cut->vertex_cut);
    igraph_vector_int_destroy(&cut->edge_cut);
    igraph_vector_int_destroy(&cut->articulation_points);
    igraph_vector_int_destroy(&cut->bridges);
}

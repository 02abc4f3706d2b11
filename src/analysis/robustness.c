/* robustness.c: rankings under uncertain evidence: ties and hypotheses sampled, sources and single ties removed. */
#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "analysis/centrality_internal.h"
#include "analysis/masked.h"
#include "spygraph/compare.h"
#include "spygraph/progress.h"
#include "spygraph/robustness.h"

/* ---- the random streams ---- */

#define GOLDEN_GAMMA 0x9e3779b97f4a7c15ULL

/* SplitMix64's output function (a bijection of 64-bit words). */
static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void sg_stream_init(sg_stream *s, uint64_t seed, uint64_t index)
{
    s->key = mix64(seed ^ mix64(index + GOLDEN_GAMMA));
    s->counter = 0;
}

double sg_stream_uniform(sg_stream *s)
{
    uint64_t x = mix64(s->key + ++s->counter * GOLDEN_GAMMA);
    return (double)(x >> 11) * 0x1.0p-53;
}

void sg_robustness_options_init(sg_robustness_options *opts)
{
    memset(opts, 0, sizeof *opts);
    sg_reading_init(&opts->reading);
    sg_centrality_options_init(&opts->centrality);
    opts->measure = "betweenness";
    opts->samples = 1000;
    opts->seed = 1;
    opts->interval = 90;
    opts->top_k = 10;
    opts->sample_confidence = true;
    opts->sample_credence = true;
    opts->decisive_count = 20;
    opts->decisive_node = NULL;
}

/* ---- credence draws: which hypotheses a sample applies ---- */

/* One draw of a sample: a question's answer (one of HYPS, or none) or an independent hypothesis (HYPS
 * holds it alone: applied or not). */
typedef struct draw {
    size_t *hyps;               /* indices into the network's hypotheses */
    double *credence;
    size_t n;
} draw;

typedef struct draw_plan {
    draw *draws;
    size_t n_draws;
} draw_plan;

static void plan_free(draw_plan *plan)
{
    for (size_t i = 0; i < plan->n_draws; i++) {
        g_free(plan->draws[i].hyps);
        g_free(plan->draws[i].credence);
    }
    g_free(plan->draws);
    plan->draws = NULL;
    plan->n_draws = 0;
}

/* The draws of NET's hypotheses not settled by R: each open question (one none of whose answers is
 * settled), then each independent hypothesis, in manifest order. A hypothesis drawn without a credence is
 * an error in DIAG (false returned). */
static bool plan_draws(const sg_network *net, const sg_reading *r, draw_plan *plan, sg_diag *diag)
{
    GArray *draws = g_array_new(FALSE, TRUE, sizeof(draw));
    bool ok = true;
    for (size_t q = 0; q < net->n_questions; q++) {
        bool open = true;
        for (size_t h = 0; h < net->n_hypotheses; h++)
            open = open && !(net->hypotheses[h].question == (int)q && sg_reading_applies(r, net->hypotheses[h].id));
        if (!open)
            continue;
        draw d = {g_new(size_t, net->n_hypotheses + 1), g_new(double, net->n_hypotheses + 1), 0};
        for (size_t h = 0; h < net->n_hypotheses; h++)
            if (net->hypotheses[h].question == (int)q) {
                d.hyps[d.n] = h;
                d.credence[d.n++] = net->hypotheses[h].credence;
            }
        g_array_append_val(draws, d);
    }
    for (size_t h = 0; h < net->n_hypotheses; h++)
        if (net->hypotheses[h].question < 0 && !sg_reading_applies(r, net->hypotheses[h].id)) {
            draw d = {g_new(size_t, 1), g_new(double, 1), 1};
            d.hyps[0] = h;
            d.credence[0] = net->hypotheses[h].credence;
            g_array_append_val(draws, d);
        }
    for (guint i = 0; i < draws->len; i++) {
        const draw *d = &g_array_index(draws, draw, i);
        for (size_t k = 0; k < d->n; k++)
            if (isnan(d->credence[k])) {
                const sg_hypothesis *h = &net->hypotheses[d->hyps[k]];
                sg_diag_error(diag, &h->origin,
                              "hypothesis '%s' has no credence: give it one in the manifest, settle it with "
                              "--hypothesis, or sample the ties alone with --confidence-only",
                              h->id);
                ok = false;
            }
    }
    plan->n_draws = draws->len;
    plan->draws = (draw *)g_array_free(draws, FALSE);
    return ok;
}

static gint compare_indices(gconstpointer x, gconstpointer y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return (a > b) - (a < b);
}

/* Draws one sample's hypotheses from S into CHOSEN (indices into the network's hypotheses, ascending). */
static void plan_sample(const draw_plan *plan, sg_stream *s, GArray *chosen)
{
    g_array_set_size(chosen, 0);
    for (size_t i = 0; i < plan->n_draws; i++) {
        const draw *d = &plan->draws[i];
        double u = sg_stream_uniform(s), sum = 0;
        for (size_t k = 0; k < d->n; k++) {
            sum += d->credence[k];
            if (u < sum) {
                g_array_append_val(chosen, d->hyps[k]);
                break;
            }
        }
    }
    g_array_sort(chosen, compare_indices);
}

/* ---- the readings sampled and the union of their nodes ---- */

/* One reading the analysis computes on: a read network and where its nodes sit in the union. */
typedef struct variant {
    sg_network *net;
    size_t *to_union;           /* per node of NET */
    bool fast;                  /* unweighted raw betweenness: GRAPH and MASKED are laid out once */
    sg_graph graph;
    sg_masked_graph masked;
    bool *alive;                /* per edge of GRAPH, for one computation */
} variant;

typedef struct analysis {
    sg_network *base;
    const sg_robustness_options *opts;
    sg_centrality_options copts;   /* one process per computation; the reading's direction and weights */
    const char *measure;
    bool fast;                     /* the measure is unweighted raw betweenness (sg_masked_betweenness) */
    bool directed;
    draw_plan plan;
    variant *v0;                   /* the unsampled reading */
    GPtrArray *sets;               /* GArray * of hypothesis indices: each distinct set the samples draw,
                                      in the order first drawn ([0]: none) */
    GHashTable *set_index;         /* a set's hypothesis ids joined by '+' -> index + 1 */
    GHashTable *node_index;        /* id -> union index + 1 */
    GPtrArray *node_ids, *node_labels;
    size_t width;                  /* union size when the rows were laid out */
    /* sampling */
    uint32_t *sample_set;          /* per sample: index into SETS; NULL: every sample reads CURRENT */
    const size_t *group;           /* row i computes sample GROUP[i] (samples ordered by set); NULL: i */
    /* each process's own: the reading of the set it computes now (one at a time) */
    variant *current;
    size_t current_set;
    size_t first_row;              /* row r of a block computed in one go is row first_row + r */
    bool *scratch_mask;            /* every tie of the unsampled reading, for --decisive */
    /* one row each: a variant and its tie mask (NULL: every tie), for by-source and decisive */
    const variant **row_variant;
    bool **row_mask;
    GPtrArray *own;                /* the readings of --by-source without a settled hypothesis */
    sg_diag *diag;
} analysis;

static size_t union_node(analysis *a, const sg_node *node)
{
    size_t u = GPOINTER_TO_SIZE(g_hash_table_lookup(a->node_index, node->id));
    if (u)
        return u - 1;
    g_ptr_array_add(a->node_ids, (gpointer)node->id);
    g_ptr_array_add(a->node_labels, (gpointer)node->label);
    g_hash_table_insert(a->node_index, (gpointer)node->id, GSIZE_TO_POINTER(a->node_ids->len));
    return a->node_ids->len - 1;
}

/* Frees what V holds (its network reference, its layout), not V itself. */
static void variant_clear(variant *v)
{
    if (v->fast) {
        sg_masked_graph_destroy(&v->masked);
        sg_graph_destroy(&v->graph);
        g_free(v->alive);
    }
    sg_network_unref(v->net);
    g_free(v->to_union);
}

static void variant_free(variant *v)
{
    if (v)
        variant_clear(v);
    g_free(v);
}

/* True when MEASURE under R and O is what sg_masked_betweenness computes: raw, unweighted betweenness. */
static bool masked_measure(const char *measure, const sg_reading *r, const sg_centrality_options *o)
{
    return strcmp(measure, "betweenness") == 0 && r->weights == SG_WEIGHTS_NONE && !o->normalized;
}

/* Builds V's graph as the measure reads it (parallel ties merged, unweighted) and lays it out for masking.
 * Returns false after igraph's handler reported the failure. */
static bool lay_out(const analysis *a, variant *v)
{
    sg_reading r = a->copts.reading;
    r.direction = a->directed ? SG_DIRECTION_DIRECTED : SG_DIRECTION_UNDIRECTED;
    r.merge = SG_MERGE_PARALLEL;
    r.tie_mask = NULL;
    if (sg_graph_build(&v->graph, v->net, &r) != IGRAPH_SUCCESS)
        return false;
    if (sg_masked_graph_init(&v->masked, &v->graph) != IGRAPH_SUCCESS) {
        sg_graph_destroy(&v->graph);
        return false;
    }
    v->fast = true;
    v->alive = g_new(bool, igraph_ecount(&v->graph.graph) + 1);
    return true;
}

/* The reading with the settled hypotheses, less those whose index is in SKIP (may be NULL), plus those in
 * EXTRA (indices, ascending), in manifest order after the settled ones, its nodes entered in the union; laid
 * out for masking when LAY (and the measure allows). NULL with DIAG filled on failure. */
static variant *read_variant(analysis *a, const GArray *extra, const bool *skip, bool lay)
{
    const sg_reading *r = &a->opts->reading;
    GPtrArray *kept = g_ptr_array_new(), *added = g_ptr_array_new();
    for (size_t i = 0; i < r->n_hypotheses; i++) {
        const sg_hypothesis *h = sg_network_find_hypothesis(a->base, r->hypotheses[i]);
        if (!(skip && h && skip[h - a->base->hypotheses]))
            g_ptr_array_add(kept, (gpointer)r->hypotheses[i]);
    }
    for (guint i = 0; extra && i < extra->len; i++)
        g_ptr_array_add(added, (gpointer)a->base->hypotheses[g_array_index(extra, size_t, i)].id);
    sg_reading read = *r;
    read.hypotheses = (const char *const *)kept->pdata;
    read.n_hypotheses = kept->len;
    sg_network *net = sg_reading_network_adding(a->base, &read, (const char *const *)added->pdata, added->len,
                                                a->diag);
    g_ptr_array_free(kept, TRUE);
    g_ptr_array_free(added, TRUE);
    if (!net)
        return NULL;
    variant *v = g_new0(variant, 1);
    v->net = net;
    v->to_union = g_new(size_t, net->n_nodes + 1);
    for (size_t i = 0; i < net->n_nodes; i++)
        v->to_union[i] = union_node(a, &net->nodes[i]);
    if (lay && a->fast && !lay_out(a, v)) {
        variant_free(v);
        return NULL;
    }
    return v;
}

/* The index of the set CHOSEN in A->sets, added (its reading read once, to check it and enter its nodes
 * in the union, then let go: memory holds one set's reading at a time) on first use; SIZE_MAX after
 * filling DIAG. */
static size_t set_of(analysis *a, const GArray *chosen)
{
    GString *key = g_string_new(NULL);
    for (guint i = 0; i < chosen->len; i++)
        g_string_append_printf(key, "%s%s", i ? "+" : "", a->base->hypotheses[g_array_index(chosen, size_t, i)].id);
    size_t found = GPOINTER_TO_SIZE(g_hash_table_lookup(a->set_index, key->str));
    if (found) {
        g_string_free(key, TRUE);
        return found - 1;
    }
    variant *v = chosen->len ? read_variant(a, chosen, NULL, false) : NULL; /* none: A->v0, read already */
    if (chosen->len && !v) {
        sg_diag_error(a->diag, NULL, "the samples that draw %s cannot be read (the problems above)", key->str);
        g_string_free(key, TRUE);
        return SIZE_MAX;
    }
    variant_free(v);
    GArray *copy = g_array_sized_new(FALSE, FALSE, sizeof(size_t), chosen->len);
    g_array_append_vals(copy, chosen->data, chosen->len);
    g_ptr_array_add(a->sets, copy);
    g_hash_table_insert(a->set_index, g_string_free(key, FALSE), GSIZE_TO_POINTER(a->sets->len));
    return a->sets->len - 1;
}

/* ---- computing one row: the measure on a variant under a tie mask, by union node ---- */

/* OUT[u] = the measure of union node u in V read with MASK; NaN when V lacks u; an undefined value is 0. */
static igraph_error_t measure_row(const analysis *a, const variant *cv, const bool *mask, double *out)
{
    variant *v = (variant *)cv; /* its work space only: each process computes one row at a time */
    igraph_vector_t values;
    IGRAPH_VECTOR_INIT_FINALLY(&values, 0);
    if (v->fast) {
        igraph_integer_t m = igraph_ecount(&v->graph.graph);
        for (igraph_integer_t e = 0; e < m; e++) {
            bool alive = !mask;
            for (igraph_integer_t k = 0; !alive && k < sg_graph_edge_tie_count(&v->graph, e); k++)
                alive = mask[sg_graph_edge_tie(&v->graph, e, k)];
            v->alive[e] = alive;
        }
        IGRAPH_CHECK(sg_masked_betweenness(&v->masked, v->alive, &values));
    } else {
        sg_centrality_options o = a->copts;
        o.reading.tie_mask = mask;
        IGRAPH_CHECK(sg_centrality_one(v->net, a->measure, &o, &values));
    }
    for (size_t u = 0; u < a->width; u++)
        out[u] = NAN;
    for (size_t i = 0; i < v->net->n_nodes; i++) {
        double x = VECTOR(values)[i];
        if (v->to_union[i] < a->width)
            out[v->to_union[i]] = isnan(x) ? 0 : x;
    }
    igraph_vector_destroy(&values);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* Values with absent nodes (NaN) as 0, and their competition ranks, for one row of WIDTH (ZEROED may
 * be ROW itself). */
static void rank_row(const double *row, size_t width, double *zeroed, int *rank)
{
    for (size_t u = 0; u < width; u++)
        zeroed[u] = isnan(row[u]) ? 0 : row[u];
    sg_competition_ranks(zeroed, width, rank);
}

/* The reading of set SET, kept as A's current one (the one before let go: the samples come ordered by
 * set, so each process reads each set it meets once). NULL after reporting a failure. */
static variant *reading_of_set(analysis *a, size_t set)
{
    if (!a->sample_set)
        return a->current;
    if (set == 0)
        return a->v0;
    if (a->current && a->current_set == set)
        return a->current;
    variant_free(a->current);
    a->current = read_variant(a, g_ptr_array_index(a->sets, set), NULL, true);
    a->current_set = set;
    return a->current;
}

/* Sample GROUP[first_row + BLOCK_ROW]: its draws from its own stream, then the measure. OUT is 2 x width
 * long: the values (a node the sample lacks, or an undefined value: 0), then the ranks. Changes only A's
 * current reading (each process has its own copy of A). */
static igraph_error_t sample_row(const void *ctx, size_t block_row, double *out)
{
    analysis *a = (analysis *)ctx;
    size_t row = a->group ? a->group[a->first_row + block_row] : a->first_row + block_row;
    const variant *v = reading_of_set(a, a->sample_set ? a->sample_set[row] : 0);
    if (!v)
        IGRAPH_ERROR("a sampled reading cannot be read", IGRAPH_FAILURE);
    sg_stream s;
    sg_stream_init(&s, a->opts->seed, row);
    s.counter = a->opts->sample_credence ? a->plan.n_draws : 0; /* the credence draws come first */
    bool *mask = NULL;
    if (a->opts->sample_confidence) {
        mask = g_new(bool, v->net->n_edges + 1);
        for (size_t e = 0; e < v->net->n_edges; e++)
            mask[e] = sg_stream_uniform(&s) < v->net->edges[e].confidence;
    }
    igraph_error_t err = measure_row(a, v, mask, out);
    g_free(mask);
    if (err != IGRAPH_SUCCESS)
        return err;
    /* the ranks too, here in the worker: out[width + u] is node u's rank */
    int *rank = g_new(int, a->width + 1);
    rank_row(out, a->width, out, rank);
    for (size_t u = 0; u < a->width; u++)
        out[a->width + u] = rank[u];
    g_free(rank);
    return IGRAPH_SUCCESS;
}

static igraph_error_t masked_row(const void *ctx, size_t block_row, double *out)
{
    const analysis *a = ctx;
    size_t row = a->first_row + block_row;
    return measure_row(a, a->row_variant[row], a->row_mask[row], out);
}

/* The unsampled reading without tie first_row + BLOCK_ROW. */
static igraph_error_t decisive_row(const void *ctx, size_t block_row, double *out)
{
    const analysis *a = ctx;
    size_t tie = a->first_row + block_row;
    a->scratch_mask[tie] = false; /* this process's own copy */
    igraph_error_t err = measure_row(a, a->v0, a->scratch_mask, out);
    a->scratch_mask[tie] = true;
    return err;
}

static int jobs_for(const analysis *a, size_t rows)
{
    /* forking costs about a millisecond: a part gets at least 32 computations */
    int jobs = sg_parallel_jobs(a->opts->jobs);
    return (int)MAX(1, MIN((size_t)jobs, rows / 32));
}

/* Called with each row of a blocked run: ROW's values, WIDTH long. */
typedef void row_consumer(void *data, size_t row, const double *values);

/* A row function that counts each row it computes as a step of the progress under way. */
typedef struct counted_rows {
    sg_row_fn *fn;
    const void *ctx;
} counted_rows;

static igraph_error_t counted_row(const void *ctx, size_t row, double *out)
{
    const counted_rows *c = ctx;
    igraph_error_t err = c->fn(c->ctx, row, out);
    sg_progress_add(1);
    return err;
}

/* Computes N_ROWS rows of FN (WIDTH values each) in blocks of at most 1M values (8 MB; each block spread
 * over the worker processes, a wait for all of them at its end), handing each row to CONSUME in row order,
 * so that memory does not grow with the number of rows; the rows are reported as progress, WHAT done over
 * N_ROWS UNIT. Returns false after the error was reported. */
static bool run_blocks(analysis *a, sg_row_fn *fn, size_t n_rows, size_t width, row_consumer *consume, void *data,
                       const char *what, const char *unit)
{
    size_t block = MAX(1, MIN(n_rows, (size_t)(1 << 20) / MAX(width, 1)));
    double *rows = g_try_new(double, block * width + 1);
    if (!rows) {
        if (a->diag)
            sg_diag_error(a->diag, NULL, "out of memory for %zu rows of %zu values", block, width);
        else
            igraph_error("out of memory for the rows", __FILE__, __LINE__, IGRAPH_ENOMEM);
        return false;
    }
    bool ok = true;
    counted_rows counted = {fn, a};
    sg_progress_begin(what, unit, n_rows);
    for (size_t first = 0; ok && first < n_rows; first += block) {
        size_t count = MIN(block, n_rows - first);
        a->first_row = first;
        ok = sg_parallel_rows(counted_row, &counted, count, width, jobs_for(a, count), rows) == IGRAPH_SUCCESS;
        for (size_t r = 0; ok && r < count; r++)
            consume(data, first + r, rows + r * width);
    }
    sg_progress_end();
    a->first_row = 0;
    g_free(rows);
    return ok;
}

/* ---- statistics ---- */

/* The K-th smallest (0-based) of the N values, which are reordered (Hoare's selection, expected O(n)). */
static double select_kth(double *v, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        double pivot = v[lo + (hi - lo) / 2];
        size_t i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot)
                i++;
            while (v[j] > pivot)
                j--;
            if (i <= j) {
                double t = v[i];
                v[i] = v[j];
                v[j] = t;
                i++;
                if (j == 0)
                    break;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return v[k];
    }
    return v[k];
}

/* The P-quantile of the N values by linear interpolation between order statistics (numpy's default).
 * Reorders V. O(n) expected. */
static double quantile_linear(double *v, size_t n, double p)
{
    double h = (double)(n - 1) * p;
    size_t lo = (size_t)floor(h);
    double a = select_kth(v, n, lo);
    if (lo + 1 >= n)
        return a;
    double b = select_kth(v, n, lo + 1);
    return a + (h - (double)lo) * (b - a);
}

/* The P-quantile of ranks as an order statistic, the ceil(N P)-th of the N ranks counted in COUNT (COUNT[r]
 * samples at rank r, r from 0 to MAX_RANK): numpy's inverted_cdf. */
static int quantile_order(const size_t *count, size_t max_rank, size_t n, double p)
{
    double k = ceil((double)n * p - 1e-9);
    size_t want = k < 1 ? 1 : (size_t)k, seen = 0;
    for (size_t r = 0; r <= max_rank; r++) {
        seen += count[r];
        if (seen >= want)
            return (int)r;
    }
    return (int)max_rank;
}

static void summarise_samples(analysis *a, sg_robustness *res, const double *rows, const int *ranks)
{
    size_t n = a->width, N = res->samples;
    double *column = g_new(double, N + 1);
    size_t *count = g_new(size_t, n + 2);
    double lo = (100 - res->interval) / 200, hi = 1 - lo;
    for (size_t u = 0; u < res->n_nodes; u++) {
        sg_robust_node *node = &res->nodes[u];
        size_t top = 0;
        double sum = 0;
        memset(count, 0, (n + 2) * sizeof *count);
        for (size_t s = 0; s < N; s++) {
            double x = rows[s * n + u];
            int rank = ranks[s * n + u];
            column[s] = x;
            count[MIN((size_t)rank, n + 1)]++;
            sum += x;
            top += (size_t)rank <= res->top_k && x > 0;
        }
        node->mean = sum / (double)N;
        double ss = 0;
        for (size_t s = 0; s < N; s++)
            ss += (column[s] - node->mean) * (column[s] - node->mean);
        node->sd = N > 1 ? sqrt(ss / (double)(N - 1)) : 0;
        node->low = quantile_linear(column, N, lo);
        node->high = quantile_linear(column, N, hi);
        node->rank_low = quantile_order(count, n + 1, N, lo);
        node->rank_high = quantile_order(count, n + 1, N, hi);
        node->p_top = (double)top / (double)N;
        node->p_top_se = sqrt(node->p_top * (1 - node->p_top) / (double)N);
    }
    g_free(column);
    g_free(count);
}

/* ---- comparing a row with the unsampled reading ---- */

typedef struct change {
    GArray *entered, *left;     /* size_t union indices */
    int max_change, sum_change;
    size_t max_node;
    int node_change;            /* for one node: old rank - new rank */
    double node_value_change;
    double tau_b;
} change;

typedef struct by_rank_ctx {
    const int *rank;
} by_rank_ctx;

static gint compare_by_rank(gconstpointer x, gconstpointer y, gpointer data)
{
    const by_rank_ctx *c = data;
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    if (c->rank[i] != c->rank[j])
        return c->rank[i] - c->rank[j];
    return (i > j) - (i < j);
}

/* What changes from the unsampled row OLD (ranks OLD_RANK) to NEW, over WIDTH union nodes; NODE is a union
 * index to follow, or SIZE_MAX. */
static change compare_rows(const double *old, const int *old_rank, const double *new_row, size_t width,
                           size_t top_k, size_t node)
{
    change c = {g_array_new(FALSE, FALSE, sizeof(size_t)), g_array_new(FALSE, FALSE, sizeof(size_t)), 0, 0,
                SIZE_MAX, 0, NAN, NAN};
    double *zeroed = g_new(double, width + 1), *x = g_new(double, width + 1), *y = g_new(double, width + 1);
    int *rank = g_new(int, width + 1);
    rank_row(new_row, width, zeroed, rank);
    size_t common = 0;
    for (size_t u = 0; u < width; u++) {
        bool was = (size_t)old_rank[u] <= top_k && (isnan(old[u]) ? 0 : old[u]) > 0;
        bool is = (size_t)rank[u] <= top_k && zeroed[u] > 0;
        if (is && !was)
            g_array_append_val(c.entered, u);
        if (was && !is)
            g_array_append_val(c.left, u);
        if (isnan(old[u]) || isnan(new_row[u]))
            continue;
        x[common] = old[u];
        y[common++] = new_row[u];
        /* a node of no standing in either reading (value 0) moves only because the group of zeros it
           shares a rank with moved: not a change of its own */
        if (!(old[u] > 0 || new_row[u] > 0))
            continue;
        int gained = old_rank[u] - rank[u];
        c.sum_change += abs(gained);
        if (abs(gained) > abs(c.max_change)) {
            c.max_change = gained;
            c.max_node = u;
        }
    }
    if (node != SIZE_MAX) {
        bool standing = old[node] > 0 || new_row[node] > 0;
        c.node_change = standing ? old_rank[node] - rank[node] : 0;
        c.node_value_change = (isnan(new_row[node]) ? 0 : new_row[node]) - (isnan(old[node]) ? 0 : old[node]);
    }
    c.tau_b = sg_kendall_tau_b(x, y, common);
    by_rank_ctx byc = {rank};
    g_array_sort_with_data(c.entered, compare_by_rank, &byc);
    byc.rank = old_rank;
    g_array_sort_with_data(c.left, compare_by_rank, &byc);
    g_free(zeroed);
    g_free(x);
    g_free(y);
    g_free(rank);
    return c;
}

static size_t *take_indices(GArray *a, size_t *count)
{
    *count = a->len;
    return (size_t *)g_array_free(a, FALSE);
}

/* ---- source criticism ---- */

/* True when LIST cites exactly KEY (once or more) and nothing else. */
static bool rests_on(const char *const *list, const char *key)
{
    if (!list || !list[0])
        return false;
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], key) != 0)
            return false;
    return true;
}

static void add_key(GPtrArray *keys, GHashTable *seen, const char *key)
{
    if (!g_hash_table_contains(seen, key)) {
        g_hash_table_add(seen, (gpointer)key);
        g_ptr_array_add(keys, (gpointer)key);
    }
}

static gint compare_sources(gconstpointer x, gconstpointer y)
{
    const sg_robust_source *a = x, *b = y;
    size_t ia = a->n_entered + a->n_left, ib = b->n_entered + b->n_left;
    if (ia != ib)
        return ia > ib ? -1 : 1;
    if (abs(a->max_rank_change) != abs(b->max_rank_change))
        return abs(a->max_rank_change) > abs(b->max_rank_change) ? -1 : 1;
    if (a->rank_change_sum != b->rank_change_sum)
        return a->rank_change_sum > b->rank_change_sum ? -1 : 1;
    if (isnan(a->tau_b) != isnan(b->tau_b))
        return isnan(a->tau_b) ? 1 : -1;
    if (!isnan(a->tau_b) && !sg_values_tied(a->tau_b, b->tau_b))
        return a->tau_b < b->tau_b ? -1 : 1;
    return strcmp(a->key, b->key);
}

/* What the rows of --by-source and --decisive are compared with, and where their results go. */
typedef struct comparison {
    sg_robustness *res;
    const double *old;
    const int *old_rank;
    sg_robust_tie *ties;        /* --decisive: one per tie */
    size_t node;                /* --node, or SIZE_MAX */
} comparison;

static void source_done(void *data, size_t row, const double *values)
{
    comparison *c = data;
    sg_robust_source *s = &c->res->sources[row];
    change ch = compare_rows(c->old, c->old_rank, values, c->res->n_nodes, c->res->top_k, SIZE_MAX);
    s->entered = take_indices(ch.entered, &s->n_entered);
    s->left = take_indices(ch.left, &s->n_left);
    s->tau_b = ch.tau_b;
    s->max_rank_change = ch.max_change;
    s->max_rank_node = ch.max_node;
    s->rank_change_sum = ch.sum_change;
}

static void tie_done(void *data, size_t row, const double *values)
{
    comparison *c = data;
    change ch = compare_rows(c->old, c->old_rank, values, c->res->n_nodes, c->res->top_k, c->node);
    sg_robust_tie *t = &c->ties[row];
    t->tie = row;
    t->entered = take_indices(ch.entered, &t->n_entered);
    t->left = take_indices(ch.left, &t->n_left);
    t->rank_change = c->node != SIZE_MAX ? ch.node_change : ch.sum_change;
    t->value_change = c->node != SIZE_MAX ? ch.node_value_change : NAN;
}

/* Prepares --by-source's rows (a reading and a tie mask per key) before the union of nodes is fixed, so
 * that a node only a reading without some settled hypothesis holds is ranked too. Returns false after
 * reporting. */
static bool by_source_prepare(analysis *a, sg_robustness *res)
{
    const variant *v0 = a->v0;
    const sg_reading *r = &a->opts->reading;
    GPtrArray *keys = g_ptr_array_new();
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t e = 0; e < v0->net->n_edges; e++)
        for (size_t k = 0; v0->net->edges[e].sources[k]; k++)
            add_key(keys, seen, v0->net->edges[e].sources[k]);
    for (size_t i = 0; i < r->n_hypotheses; i++) {
        const sg_hypothesis *h = sg_network_find_hypothesis(a->base, r->hypotheses[i]);
        for (size_t k = 0; h && h->sources && h->sources[k]; k++)
            add_key(keys, seen, h->sources[k]);
    }
    g_hash_table_destroy(seen);
    size_t n_keys = keys->len;
    res->sources = g_new0(sg_robust_source, n_keys + 1);
    res->n_sources = n_keys;
    a->row_variant = g_new0(const variant *, n_keys + 1);
    a->row_mask = g_new0(bool *, n_keys + 1);
    bool ok = true;
    a->own = g_ptr_array_new_with_free_func((GDestroyNotify)variant_free);
    for (size_t k = 0; k < n_keys && ok; k++) {
        const char *key = g_ptr_array_index(keys, k);
        sg_robust_source *s = &res->sources[k];
        s->key = key;
        bool *skip = g_new0(bool, a->base->n_hypotheses + 1);
        for (size_t i = 0; i < r->n_hypotheses; i++) {
            const sg_hypothesis *h = sg_network_find_hypothesis(a->base, r->hypotheses[i]);
            if (h && rests_on(h->sources, key)) {
                skip[h - a->base->hypotheses] = true;
                s->sole_hypotheses++;
            }
        }
        const variant *v = v0;
        if (s->sole_hypotheses) {
            variant *read = read_variant(a, NULL, skip, true);
            ok = read != NULL;
            if (read) {
                g_ptr_array_add(a->own, read);
                v = read;
            }
        }
        g_free(skip);
        if (!ok)
            break;
        for (size_t e = 0; e < v0->net->n_edges; e++) /* counted in the unsampled reading */
            s->sole_ties += rests_on(v0->net->edges[e].sources, key);
        bool *mask = g_new(bool, v->net->n_edges + 1);
        for (size_t e = 0; e < v->net->n_edges; e++)
            mask[e] = !rests_on(v->net->edges[e].sources, key);
        a->row_variant[k] = v;
        a->row_mask[k] = mask;
    }
    g_ptr_array_free(keys, TRUE);
    return ok;
}

/* Fills RES->sources: one row per key, the unsampled reading (OLD, ranked OLD_RANK) without the key's sole
 * ties and settled hypotheses. Returns false after reporting. */
static bool by_source(analysis *a, sg_robustness *res, const double *old, const int *old_rank)
{
    comparison cmp = {res, old, old_rank, NULL, SIZE_MAX};
    bool ok = run_blocks(a, masked_row, res->n_sources, a->width, source_done, &cmp, "robustness by source",
                         "sources left out");
    if (ok)
        qsort(res->sources, res->n_sources, sizeof *res->sources,
              (int (*)(const void *, const void *))compare_sources);
    return ok;
}

/* Frees what by_source_prepare made. */
static void by_source_free(analysis *a, size_t n_keys)
{
    for (size_t k = 0; a->row_mask && k < n_keys; k++)
        g_free(a->row_mask[k]);
    g_free(a->row_mask);
    g_free(a->row_variant);
    a->row_mask = NULL;
    a->row_variant = NULL;
    if (a->own)
        g_ptr_array_free(a->own, TRUE);
    a->own = NULL;
}

/* ---- decisive ties ---- */

typedef struct tie_order_ctx {
    bool one_node;
} tie_order_ctx;

static gint compare_ties(gconstpointer x, gconstpointer y, gpointer data)
{
    const sg_robust_tie *a = x, *b = y;
    const tie_order_ctx *c = data;
    if (c->one_node) {
        int da = abs(a->rank_change), db = abs(b->rank_change);
        if (da != db)
            return da > db ? -1 : 1;
        double va = fabs(a->value_change), vb = fabs(b->value_change);
        if (!sg_values_tied(va, vb)) /* equal changes summed in another order differ in their last bits */
            return va > vb ? -1 : 1;
    } else {
        size_t ia = a->n_entered + a->n_left, ib = b->n_entered + b->n_left;
        if (ia != ib)
            return ia > ib ? -1 : 1;
        if (a->rank_change != b->rank_change)
            return a->rank_change > b->rank_change ? -1 : 1;
    }
    return (a->tie > b->tie) - (a->tie < b->tie);
}

static bool decisive(analysis *a, sg_robustness *res, const double *old, const int *old_rank)
{
    const variant *v0 = a->v0;
    size_t m = v0->net->n_edges;
    a->scratch_mask = g_new(bool, m + 1);
    for (size_t e = 0; e < m; e++)
        a->scratch_mask[e] = true;
    sg_robust_tie *ties = g_new0(sg_robust_tie, m + 1);
    comparison cmp = {res, old, old_rank, ties, res->decisive_node};
    bool ok = run_blocks(a, decisive_row, m, a->width, tie_done, &cmp, "decisive ties", "ties removed");
    g_free(a->scratch_mask);
    a->scratch_mask = NULL;
    if (ok) {
        tie_order_ctx ctx = {res->decisive_node != SIZE_MAX};
        g_qsort_with_data(ties, (gint)m, sizeof *ties, compare_ties, &ctx);
    }
    /* a tie whose removal changes nothing (for --node: nothing of that node's) is not decisive: sorted
       last, the list stops before it */
    bool one = res->decisive_node != SIZE_MAX;
    size_t keep = 0;
    while (ok && keep < MIN(m, a->opts->decisive_count)
           && (one ? ties[keep].rank_change || !sg_values_tied(old[res->decisive_node],
                                                               old[res->decisive_node] + ties[keep].value_change)
                   : ties[keep].n_entered || ties[keep].n_left || ties[keep].rank_change))
        keep++;
    for (size_t e = keep; e < m; e++) {
        g_free(ties[e].entered);
        g_free(ties[e].left);
    }
    res->decisive = ties;
    res->n_decisive = keep;
    return ok;
}

/* ---- documentation ---- */

static void documentation(const analysis *a, sg_robustness *res)
{
    const variant *v0 = a->v0;
    const sg_network *net = v0->net;
    GHashTable **keys = g_new(GHashTable *, net->n_nodes + 1);
    for (size_t i = 0; i < net->n_nodes; i++)
        keys[i] = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t e = 0; e < net->n_edges; e++)
        for (size_t k = 0; net->edges[e].sources[k]; k++) {
            g_hash_table_add(keys[net->edges[e].source], (gpointer)net->edges[e].sources[k]);
            g_hash_table_add(keys[net->edges[e].target], (gpointer)net->edges[e].sources[k]);
        }
    double *x = g_new(double, net->n_nodes + 1), *y = g_new(double, net->n_nodes + 1);
    for (size_t i = 0; i < net->n_nodes; i++) {
        sg_robust_node *node = &res->nodes[v0->to_union[i]];
        node->sources = g_hash_table_size(keys[i]);
        x[i] = isnan(node->value) ? 0 : node->value;
        y[i] = (double)node->sources;
        g_hash_table_destroy(keys[i]);
    }
    res->documentation_rho = sg_spearman_rho(x, y, net->n_nodes);
    g_free(keys);
    g_free(x);
    g_free(y);
}

/* ---- putting it together ---- */

static gint compare_nodes(gconstpointer x, gconstpointer y, gpointer data)
{
    const sg_robustness *res = data;
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    const sg_robust_node *a = &res->nodes[i], *b = &res->nodes[j];
    if (res->samples) {
        if (a->p_top != b->p_top)
            return a->p_top > b->p_top ? -1 : 1;
        if (!sg_values_tied(a->mean, b->mean))
            return a->mean > b->mean ? -1 : 1;
    }
    double va = isnan(a->value) ? 0 : a->value, vb = isnan(b->value) ? 0 : b->value;
    if (!sg_values_tied(va, vb))
        return va > vb ? -1 : 1;
    return (i > j) - (i < j);
}

static void conclude(sg_robustness *res)
{
    res->order = g_new(size_t, res->n_nodes + 1);
    for (size_t u = 0; u < res->n_nodes; u++)
        res->order[u] = u;
    g_qsort_with_data(res->order, (gint)res->n_nodes, sizeof *res->order, compare_nodes, res);
    res->robust = g_new(size_t, res->n_nodes + 1);
    res->uncertain = g_new(size_t, res->n_nodes + 1);
    for (size_t k = 0; res->samples && k < res->n_nodes; k++) {
        size_t u = res->order[k];
        double p = res->nodes[u].p_top;
        if (p >= 0.95)
            res->robust[res->n_robust++] = u;
        else if (p >= 0.05)
            res->uncertain[res->n_uncertain++] = u;
    }
}

/* Draws every sample's hypotheses and reads each distinct set once (before any worker starts, so the
 * union of nodes is in the order the samples meet them, whatever the number of processes). */
static bool prepare_samples(analysis *a, size_t samples)
{
    a->sample_set = g_new0(uint32_t, samples + 1);
    if (!a->opts->sample_credence || a->plan.n_draws == 0)
        return true;
    GArray *chosen = g_array_new(FALSE, FALSE, sizeof(size_t));
    bool ok = true;
    for (size_t s = 0; s < samples && ok; s++) {
        sg_stream st;
        sg_stream_init(&st, a->opts->seed, s);
        plan_sample(&a->plan, &st, chosen);
        size_t set = set_of(a, chosen);
        ok = set != SIZE_MAX;
        a->sample_set[s] = (uint32_t)set; /* at most one set per sample: below 2^32 */
    }
    g_array_free(chosen, TRUE);
    return ok;
}

/* Where the rows of one set's samples go: row r is sample GROUP[r] of ROWS (WIDTH values each). */
typedef struct scatter {
    double *rows;
    int *ranks;
    size_t width;
    const size_t *group;
} scatter;

static void scatter_row(void *data, size_t row, const double *values)
{
    const scatter *sc = data;
    size_t at = sc->group[row] * sc->width;
    memcpy(sc->rows + at, values, sc->width * sizeof *values);
    for (size_t u = 0; u < sc->width; u++)
        sc->ranks[at + u] = (int)values[sc->width + u];
}

/* Computes every sample into ROWS and RANKS (samples x width). The samples are taken in order of the set of
 * hypotheses they draw and split across the worker processes; each process reads a set's reading when it
 * meets it and lets it go at the next, so memory holds one or two readings per process whatever the number
 * of sets. Sets RES->scenarios_drawn. Returns false after reporting. */
static bool sample_all(analysis *a, sg_robustness *res, double *rows, int *ranks)
{
    size_t n_sets = a->sets->len, samples = res->samples;
    size_t *start = g_new0(size_t, n_sets + 1), *order = g_new(size_t, samples + 1);
    for (size_t s = 0; s < samples; s++)
        start[a->sample_set[s] + 1]++;
    for (size_t g = 0; g < n_sets; g++) {
        res->scenarios_drawn += start[g + 1] > 0;
        start[g + 1] += start[g];
    }
    for (size_t s = 0; s < samples; s++) /* a stable counting sort */
        order[start[a->sample_set[s]]++] = s;
    a->group = order;
    scatter sc = {rows, ranks, a->width, order};
    bool ok = run_blocks(a, sample_row, samples, 2 * a->width, scatter_row, &sc, "robustness", "samples");
    variant_free(a->current);
    a->current = NULL;
    a->group = NULL;
    g_free(start);
    g_free(order);
    return ok;
}

static bool run(analysis *a, sg_robustness *res)
{
    const sg_robustness_options *o = a->opts;
    GArray *none = g_array_new(FALSE, FALSE, sizeof(size_t));
    a->v0 = read_variant(a, none, NULL, true);
    bool ok = a->v0 && set_of(a, none) == 0;
    g_array_free(none, TRUE);
    if (!ok)
        return false;
    const variant *v0 = a->v0;
    res->net = sg_network_ref(v0->net);
    if (o->decisive_node) {
        int found = sg_network_resolve_node_or_report(v0->net, o->decisive_node, a->diag);
        if (found < 0)
            return false;
        res->decisive_node = v0->to_union[found];
    }
    /* checked before the draws (which may add nodes) and after */
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && o->samples && o->sample_credence && !plan_draws(a->base, &o->reading, &a->plan, a->diag))
            return false;
        if (pass == 1 && o->samples && !prepare_samples(a, o->samples))
            return false;
        if (pass == 1 && o->by_source && !by_source_prepare(a, res))
            return false;
        a->width = a->node_ids->len;
        if ((unsigned long long)o->samples * a->width > SG_ROBUSTNESS_MAX_CELLS) {
            sg_diag_error(a->diag, NULL, "%zu samples of %zu nodes are more than the %llu node-samples kept (12 "
                                         "bytes each): take fewer samples",
                          o->samples, a->width, (unsigned long long)SG_ROBUSTNESS_MAX_CELLS);
            return false;
        }
    }
    res->n_nodes = a->width;
    res->nodes = g_new0(sg_robust_node, res->n_nodes + 1);
    for (size_t u = 0; u < res->n_nodes; u++) {
        sg_robust_node *node = &res->nodes[u];
        node->id = g_ptr_array_index(a->node_ids, u);
        node->label = g_ptr_array_index(a->node_labels, u);
        node->value = node->mean = node->sd = node->low = node->high = node->p_top = node->p_top_se = NAN;
    }
    /* the unsampled reading */
    double *old = g_new(double, a->width + 1), *zeroed = g_new(double, a->width + 1);
    int *old_rank = g_new(int, a->width + 1);
    ok = measure_row(a, v0, NULL, old) == IGRAPH_SUCCESS;
    if (ok) {
        rank_row(old, a->width, zeroed, old_rank);
        for (size_t u = 0; u < res->n_nodes; u++) {
            res->nodes[u].present = !isnan(old[u]);
            res->nodes[u].value = old[u];
            res->nodes[u].rank = old_rank[u];
        }
        documentation(a, res);
    }
    if (ok && o->samples) {
        double *rows = g_try_new(double, o->samples * a->width + 1);
        int *ranks = g_try_new(int, o->samples * a->width + 1);
        ok = rows && ranks;
        if (!ok)
            sg_diag_error(a->diag, NULL, "out of memory for %zu samples of %zu nodes: take fewer samples", o->samples,
                          a->width);
        if (ok)
            ok = sample_all(a, res, rows, ranks);
        if (ok)
            summarise_samples(a, res, rows, ranks);
        g_free(rows);
        g_free(ranks);
    }
    if (ok && o->by_source)
        ok = by_source(a, res, old, old_rank);
    if (ok && o->decisive)
        ok = decisive(a, res, old, old_rank);
    if (ok)
        conclude(res);
    g_free(old);
    g_free(zeroed);
    g_free(old_rank);
    return ok;
}

sg_robustness *sg_robustness_run(sg_network *base, const sg_robustness_options *opts, sg_diag *diag)
{
    const char *measure = opts->measure ? opts->measure : "betweenness";
    if (!sg_centrality_measure_known(measure)) {
        char *known = g_strjoinv(", ", (char **)sg_centrality_measures());
        sg_diag_error(diag, NULL, "unknown measure '%s' (%s)", measure, known);
        g_free(known);
        return NULL;
    }
    analysis a = {.base = base, .opts = opts, .copts = opts->centrality, .measure = measure, .diag = diag};
    a.copts.reading = opts->reading;
    a.copts.reading.tie_mask = NULL;
    a.copts.jobs = 1; /* the rows are split across processes, not one computation */
    a.directed = sg_centrality_directed(measure, &a.copts);
    a.fast = masked_measure(measure, &opts->reading, &opts->centrality);
    a.sets = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    a.set_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    a.node_index = g_hash_table_new(g_str_hash, g_str_equal);
    a.node_ids = g_ptr_array_new();
    a.node_labels = g_ptr_array_new();
    sg_robustness *res = g_new0(sg_robustness, 1);
    res->measure = measure;
    res->directed = sg_centrality_directed(measure, &a.copts);
    res->samples = opts->samples;
    res->seed = opts->seed;
    res->interval = opts->interval;
    res->top_k = opts->top_k;
    res->sample_confidence = opts->sample_confidence;
    res->sample_credence = opts->sample_credence;
    res->decisive_node = SIZE_MAX;
    res->documentation_rho = NAN;
    bool ok = run(&a, res);
    by_source_free(&a, res->n_sources);
    plan_free(&a.plan);
    g_free(a.sample_set);
    g_ptr_array_free(a.node_ids, TRUE);
    g_ptr_array_free(a.node_labels, TRUE);
    g_hash_table_destroy(a.node_index);
    g_hash_table_destroy(a.set_index);
    g_ptr_array_free(a.sets, TRUE);
    /* the result borrows ids and labels from the readings' networks: they share the base's string pool,
       which RES->net keeps alive */
    variant_free(a.v0);
    if (!ok) {
        sg_robustness_free(res);
        return NULL;
    }
    return res;
}

void sg_robustness_free(sg_robustness *r)
{
    if (!r)
        return;
    for (size_t k = 0; k < r->n_sources; k++) {
        g_free(r->sources[k].entered);
        g_free(r->sources[k].left);
    }
    for (size_t k = 0; k < r->n_decisive; k++) {
        g_free(r->decisive[k].entered);
        g_free(r->decisive[k].left);
    }
    g_free(r->sources);
    g_free(r->decisive);
    g_free(r->nodes);
    g_free(r->order);
    g_free(r->robust);
    g_free(r->uncertain);
    sg_network_unref(r->net);
    g_free(r);
}

/* ---- P(top K) of one reading (compare --samples) ---- */

/* Counts, per node, the samples with it in the top K. */
typedef struct top_counter {
    double *count;
    size_t top_k, n;
} top_counter;

static void count_top(void *data, size_t row, const double *values)
{
    (void)row;
    top_counter *c = data; /* VALUES: the sample's values, then its ranks (sample_row) */
    for (size_t i = 0; i < c->n; i++)
        c->count[i] += (size_t)values[c->n + i] <= c->top_k && values[i] > 0;
}

typedef struct p_top_job {
    analysis a;
    variant v;
} p_top_job;

igraph_error_t sg_sample_p_top(const sg_network *net, const char *measure, const sg_centrality_options *opts,
                               size_t samples, uint64_t seed, size_t top_k, igraph_vector_t *p_top)
{
    size_t n = net->n_nodes;
    sg_robustness_options ro;
    sg_robustness_options_init(&ro);
    ro.seed = seed;
    ro.sample_credence = false;
    ro.jobs = opts->jobs;
    p_top_job job = {.a = {.opts = &ro, .copts = *opts, .measure = measure, .width = n}};
    job.a.copts.jobs = 1;
    job.a.copts.reading.tie_mask = NULL;
    job.a.directed = sg_centrality_directed(measure, opts);
    job.a.fast = masked_measure(measure, &opts->reading, opts);
    job.v.net = sg_network_ref((sg_network *)net); /* released by variant_clear */
    job.v.to_union = g_new(size_t, n + 1);
    for (size_t i = 0; i < n; i++)
        job.v.to_union[i] = i;
    if (job.a.fast && !lay_out(&job.a, &job.v)) {
        variant_clear(&job.v);
        return IGRAPH_FAILURE;
    }
    job.a.current = &job.v;
    igraph_error_t err = igraph_vector_resize(p_top, (igraph_integer_t)n);
    if (err == IGRAPH_SUCCESS) {
        igraph_vector_null(p_top);
        top_counter counter = {VECTOR(*p_top), top_k, n};
        /* in blocks: memory does not grow with the number of samples */
        if (!run_blocks(&job.a, sample_row, samples, 2 * n, count_top, &counter, "top-k samples", "samples"))
            err = IGRAPH_FAILURE;
        for (size_t i = 0; err == IGRAPH_SUCCESS && i < n; i++)
            VECTOR(*p_top)[i] /= (double)MAX(samples, 1);
    }
    variant_clear(&job.v);
    return err;
}

/* centrality.c: the node centrality measures, each computed by igraph on the network's simple graph. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "analysis/approx.h"
#include "analysis/centrality_internal.h"

#ifdef _OPENMP
#include <omp.h>
#endif

/* The graphs a run needs, built once each: [0] undirected, [1] directed. */
typedef struct graph_cache {
    sg_graph graphs[2];
    bool built[2];
} graph_cache;

/* One measure being computed. */
typedef struct job {
    const sg_network *net;
    const sg_centrality_options *opts;
    graph_cache *cache;
    bool directed; /* the reading this measure uses */
    const char *name;
} job;

typedef igraph_error_t measure_fn(job *j, igraph_vector_t *out);

/* How a measure reads direction by default. */
typedef enum default_direction { UNDIRECTED_BY_DEFAULT, DIRECTED_BY_DEFAULT, NEVER_DIRECTED } default_direction;

typedef struct measure {
    const char *name;
    default_direction direction;
    measure_fn *compute;
} measure;

void sg_centrality_options_init(sg_centrality_options *o)
{
    memset(o, 0, sizeof *o);
    sg_reading_init(&o->reading);
    o->damping = 0.85;
    o->approx_delta = 0.1;
    o->approx_seed = 1;
}

/* The graph of the job's reading (directed or not), built on first use. */
static igraph_error_t graph_of(job *j, sg_graph **out)
{
    graph_cache *c = j->cache;
    int which = j->directed ? 1 : 0;
    if (!c->built[which]) {
        sg_reading reading = j->opts->reading;
        reading.direction = j->directed ? SG_DIRECTION_DIRECTED : SG_DIRECTION_UNDIRECTED;
        reading.merge = SG_MERGE_PARALLEL;
        IGRAPH_CHECK(sg_graph_build(&c->graphs[which], j->net, &reading));
        c->built[which] = true;
    }
    *out = &c->graphs[which];
    return IGRAPH_SUCCESS;
}

static const igraph_vector_t *weights_of(const sg_graph *s)
{
    return sg_graph_weights(s);
}

/* Path lengths: 1/weight for a weighted graph, NULL (hops) otherwise. Caller destroys LENGTHS when the
 * function returned it non-NULL. */
static igraph_error_t lengths_of(const sg_graph *s, igraph_vector_t *lengths, const igraph_vector_t **out)
{
    *out = NULL;
    if (!s->weighted)
        return IGRAPH_SUCCESS;
    IGRAPH_CHECK(igraph_vector_init_copy(lengths, &s->weight));
    for (igraph_integer_t e = 0; e < igraph_vector_size(lengths); e++)
        VECTOR(*lengths)[e] = 1.0 / VECTOR(*lengths)[e];
    *out = lengths;
    return IGRAPH_SUCCESS;
}

static void scale(igraph_vector_t *v, double factor)
{
    if (factor != 1.0)
        igraph_vector_scale(v, factor);
}

/* 1/(n-1) when --normalized asks for it and n > 1, else 1. */
static double per_other_node(const job *j)
{
    size_t n = j->net->n_nodes;
    return j->opts->normalized && n > 1 ? 1.0 / (double)(n - 1) : 1.0;
}

static double betweenness_factor(bool normalized, bool directed, size_t n)
{
    if (!normalized || n <= 2)
        return 1.0;
    double pairs = (double)(n - 1) * (double)(n - 2);
    return directed ? 1.0 / pairs : 2.0 / pairs;
}

static igraph_error_t int_to_real(const igraph_vector_int_t *from, igraph_vector_t *to)
{
    igraph_integer_t n = igraph_vector_int_size(from);
    IGRAPH_CHECK(igraph_vector_resize(to, n));
    for (igraph_integer_t i = 0; i < n; i++)
        VECTOR(*to)[i] = (double)VECTOR(*from)[i];
    return IGRAPH_SUCCESS;
}

static igraph_error_t compute_degree(job *j, igraph_vector_t *out)
{
    sg_graph *s;
    IGRAPH_CHECK(graph_of(j, &s));
    igraph_neimode_t mode = strcmp(j->name, "indegree") == 0    ? IGRAPH_IN
                            : strcmp(j->name, "outdegree") == 0 ? IGRAPH_OUT
                                                                : IGRAPH_ALL;
    igraph_vector_int_t deg;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&deg, 0);
    IGRAPH_CHECK(igraph_degree(&s->graph, &deg, igraph_vss_all(), mode, false));
    IGRAPH_CHECK(int_to_real(&deg, out));
    igraph_vector_int_destroy(&deg);
    IGRAPH_FINALLY_CLEAN(1);
    scale(out, per_other_node(j));
    return IGRAPH_SUCCESS;
}

static igraph_error_t compute_strength(job *j, igraph_vector_t *out)
{
    sg_graph *s;
    IGRAPH_CHECK(graph_of(j, &s));
    return igraph_strength(&s->graph, out, igraph_vss_all(), IGRAPH_ALL, false, weights_of(s));
}

static int parts_for(const job *j, const igraph_t *g)
{
    return sg_parallel_parts(igraph_vcount(g), igraph_ecount(g), j->opts->jobs);
}

bool sg_exact_method_parse(const char *text, sg_exact_method *out)
{
    static const char *const names[] = {"auto", "brandes", "reduced"};
    for (size_t k = 0; k < G_N_ELEMENTS(names); k++)
        if (strcmp(text, names[k]) == 0) {
            *out = (sg_exact_method)k;
            return true;
        }
    return false;
}

/* Whether the block-by-block betweenness pays on G: whenever G is undirected. Each source searches only its
 * block, a bridge or a pendant costs nothing, and even with one giant block its searches over flat arrays
 * ran twice as fast as igraph_betweenness on a random graph of 10,000 nodes and 50,000 ties (scripts/bench). */
static bool reduction_pays(const igraph_t *g)
{
    return !igraph_is_directed(g);
}

/* Raw betweenness of G by the options' exact method. */
static igraph_error_t betweenness_by_method(const job *j, const igraph_t *g, const igraph_vector_t *lengths,
                                            igraph_vector_t *out)
{
    sg_exact_method m = j->opts->exact_method;
    if (m == SG_EXACT_REDUCED && igraph_is_directed(g))
        IGRAPH_ERROR("--exact-method reduced is for undirected readings: betweenness reads these ties directed",
                     IGRAPH_EINVAL);
    if (m == SG_EXACT_REDUCED || (m == SG_EXACT_AUTO && reduction_pays(g)))
        return sg_parallel_betweenness_reduced(g, lengths, parts_for(j, g), out);
    return sg_parallel_betweenness(g, lengths, parts_for(j, g), out);
}

static igraph_error_t compute_betweenness(job *j, igraph_vector_t *out)
{
    sg_graph *s;
    IGRAPH_CHECK(graph_of(j, &s));
    igraph_vector_t buf;
    const igraph_vector_t *lengths;
    IGRAPH_CHECK(lengths_of(s, &buf, &lengths));
    igraph_error_t err;
    if (j->opts->approx_eps > 0) {
        if (lengths) {
            igraph_vector_destroy(&buf);
            IGRAPH_ERROR("--approx estimates betweenness of unweighted readings (drop --weights)", IGRAPH_EINVAL);
        }
        sg_approx_info info;
        err = sg_betweenness_approx(&s->graph, j->opts->approx_eps, j->opts->approx_delta, j->opts->approx_seed,
                                    sg_parallel_jobs(j->opts->jobs), true, out, &info);
        if (err == IGRAPH_SUCCESS && info.exact) /* the samples would cost more: the exact values instead */
            err = betweenness_by_method(j, &s->graph, NULL, out);
        if (err == IGRAPH_SUCCESS && j->opts->approx_info)
            *j->opts->approx_info = info;
    } else {
        err = betweenness_by_method(j, &s->graph, lengths, out);
    }
    if (lengths)
        igraph_vector_destroy(&buf);
    IGRAPH_CHECK(err);
    scale(out, betweenness_factor(j->opts->normalized, j->directed, j->net->n_nodes));
    return IGRAPH_SUCCESS;
}

/* NetworkX's closeness_centrality: (r / S) * (r / (n - 1)), r the nodes that reach v, S their summed
 * distance to v (Wasserman and Faust's scaling for a disconnected graph); 0 when nothing reaches v. */
static void closeness_from(const igraph_vector_t *inv_sum, const igraph_vector_t *reached, size_t n,
                           igraph_vector_t *out)
{
    for (igraph_integer_t v = 0; v < igraph_vector_size(out); v++) {
        double r = VECTOR(*reached)[v];
        VECTOR(*out)[v] = r > 0 && n > 1 ? VECTOR(*inv_sum)[v] * r * (r / (double)(n - 1)) : 0.0;
    }
}

static igraph_error_t compute_distances(job *j, igraph_vector_t *out)
{
    sg_graph *s;
    IGRAPH_CHECK(graph_of(j, &s));
    bool harmonic = strcmp(j->name, "harmonic") == 0;
    igraph_vector_t buf, inv_sum, reached;
    const igraph_vector_t *lengths;
    IGRAPH_CHECK(lengths_of(s, &buf, &lengths));
    igraph_vector_init(&inv_sum, 0);
    igraph_vector_init(&reached, 0);
    igraph_neimode_t mode = j->directed ? IGRAPH_IN : IGRAPH_ALL; /* as NetworkX: distances to the node */
    int parts = parts_for(j, &s->graph);
    igraph_error_t err = harmonic ? sg_parallel_distances(&s->graph, lengths, mode, parts, NULL, NULL, out)
                                  : sg_parallel_distances(&s->graph, lengths, mode, parts, &inv_sum, &reached, NULL);
    if (err == IGRAPH_SUCCESS && !harmonic) {
        err = igraph_vector_resize(out, igraph_vector_size(&inv_sum));
        if (err == IGRAPH_SUCCESS)
            closeness_from(&inv_sum, &reached, j->net->n_nodes, out);
    }
    igraph_vector_destroy(&inv_sum);
    igraph_vector_destroy(&reached);
    if (lengths)
        igraph_vector_destroy(&buf);
    IGRAPH_CHECK(err);
    if (harmonic)
        scale(out, per_other_node(j));
    return IGRAPH_SUCCESS;
}

/* The seed of igraph's generator before each ARPACK run: ARPACK starts from a random vector where the
 * graph does not fix one. */
#define ARPACK_SEED 1

/* Scores below this share of the largest are the solver's rounding (a node outside the leading component
 * gets 1e-16 or so, its size depending on the start vector): they are made 0, so that ranks do not order
 * noise. */
#define ARPACK_NOISE 1e-10

/* An eigenvector-based measure of one graph, computed in a child process (sg_isolated_row): ARPACK keeps
 * state between calls, so a score computed here depends on nothing this process computed before (the
 * slices of a timeline before this one, the readings of a comparison, the samples a worker ran). */
typedef struct arpack_job {
    const job *j;
    const sg_graph *s;
    enum { ARPACK_EIGENVECTOR, ARPACK_HUB, ARPACK_AUTHORITY } what;
} arpack_job;

/* The most nodes the dense fallback of eigenvector_scores takes: an n x n matrix (32 MB) and O(n^3) work,
 * seconds. */
#define DENSE_EIGEN_MAX 2000

/* Eigenvector centrality of G (x_v proportional to the sum of w(u, v) x_u over the ties into v; WEIGHTS or
 * 1 each; both ways when undirected) from a dense eigendecomposition (LAPACK's dgeev through igraph): the
 * eigenvector of the eigenvalue with the largest real part (the Perron root of a nonnegative matrix: a
 * real eigenvalue at least the modulus of every other), scaled so the largest entry is 1, into SCORES
 * (resized). Exact where ARPACK's iteration fails: periodic graphs (a directed ring, whose eigenvalues all
 * lie on one circle) and a leading eigenvalue shared by two cycles. IGRAPH_EINVAL past DENSE_EIGEN_MAX
 * nodes. Time O(n^3), memory O(n^2). */
static igraph_error_t eigenvector_dense(const igraph_t *g, const igraph_vector_t *weights, igraph_vector_t *scores)
{
    igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
    if (n > DENSE_EIGEN_MAX)
        IGRAPH_ERRORF("eigenvector centrality: ARPACK did not converge on this graph (a periodic structure, such "
                      "as rings only), and the exact fallback takes at most %d nodes",
                      IGRAPH_DIVERGED, DENSE_EIGEN_MAX);
    IGRAPH_CHECK(igraph_vector_resize(scores, n));
    if (n == 0)
        return IGRAPH_SUCCESS;
    bool directed = igraph_is_directed(g);
    igraph_matrix_t a, vectors;
    igraph_vector_t re, im;
    IGRAPH_MATRIX_INIT_FINALLY(&a, n, n);
    IGRAPH_MATRIX_INIT_FINALLY(&vectors, n, n);
    IGRAPH_VECTOR_INIT_FINALLY(&re, n);
    IGRAPH_VECTOR_INIT_FINALLY(&im, n);
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
        double w = weights ? VECTOR(*weights)[e] : 1.0;
        MATRIX(a, to, from) += w; /* row v: the ties into v */
        if (!directed)
            MATRIX(a, from, to) += w;
    }
    int info = 0;
    IGRAPH_CHECK(igraph_lapack_dgeev(&a, &re, &im, NULL, &vectors, &info));
    igraph_integer_t lead = 0;
    for (igraph_integer_t k = 1; k < n; k++)
        if (VECTOR(re)[k] > VECTOR(re)[lead] ||
            (VECTOR(re)[k] == VECTOR(re)[lead] && fabs(VECTOR(im)[k]) < fabs(VECTOR(im)[lead])))
            lead = k;
    double top = 0, sign = 1;
    for (igraph_integer_t v = 0; v < n; v++)
        if (fabs(MATRIX(vectors, v, lead)) > top) {
            top = fabs(MATRIX(vectors, v, lead));
            sign = MATRIX(vectors, v, lead) < 0 ? -1 : 1;
        }
    for (igraph_integer_t v = 0; v < n; v++) /* a real eigenvalue has a real vector: column LEAD */
        VECTOR(*scores)[v] = top > 0 ? fmax(0.0, sign * MATRIX(vectors, v, lead) / top) : 0.0;
    igraph_vector_destroy(&im);
    igraph_vector_destroy(&re);
    igraph_matrix_destroy(&vectors);
    igraph_matrix_destroy(&a);
    IGRAPH_FINALLY_CLEAN(4);
    return IGRAPH_SUCCESS;
}

/* What igraph said during a call whose failure may be answered another way: its error's reason and its
 * warnings, to be said after all when it is not. */
static struct {
    char reason[512];
    GPtrArray *warnings;
} held;

static void hold_error(const char *reason, const char *file, int line, igraph_error_t err)
{
    (void)file;
    (void)line;
    (void)err;
    if (reason && *reason && !held.reason[0])
        g_strlcpy(held.reason, reason, sizeof held.reason);
    IGRAPH_FINALLY_FREE();
}

static void hold_warning(const char *reason, const char *file, int line)
{
    (void)file;
    (void)line;
    g_ptr_array_add(held.warnings, g_strdup(reason));
}

/* igraph's eigenvector centrality of S, or, where ARPACK fails to converge (igraph 0.10 on directed rings
 * of 6 to 9 nodes), the exact vector by eigenvector_dense; ARPACK's failure and warnings are then not
 * said. Other errors and the warnings of a call that succeeds are said as igraph's handlers would. */
static igraph_error_t eigenvector_scores(const arpack_job *a, igraph_arpack_options_t *arpack,
                                         igraph_vector_t *scores)
{
    const sg_graph *s = a->s;
    held.reason[0] = '\0';
    held.warnings = g_ptr_array_new_with_free_func(g_free);
    igraph_error_handler_t *old_error = igraph_set_error_handler(hold_error);
    igraph_warning_handler_t *old_warning = igraph_set_warning_handler(hold_warning);
    IGRAPH_FINALLY_ENTER(); /* an error frees only what the call put on the stack */
    igraph_error_t err = igraph_eigenvector_centrality(&s->graph, scores, NULL, a->j->directed, true, weights_of(s),
                                                       arpack);
    IGRAPH_FINALLY_EXIT();
    igraph_set_warning_handler(old_warning);
    igraph_set_error_handler(old_error);
    bool fallback = err == IGRAPH_ARPACK_MAXIT || err == IGRAPH_ARPACK_NOSHIFT || err == IGRAPH_DIVERGED;
    for (guint i = 0; !fallback && i < held.warnings->len; i++)
        IGRAPH_WARNING((const char *)g_ptr_array_index(held.warnings, i));
    g_ptr_array_free(held.warnings, TRUE);
    held.warnings = NULL;
    if (fallback)
        return eigenvector_dense(&s->graph, weights_of(s), scores);
    if (err != IGRAPH_SUCCESS)
        IGRAPH_ERROR(held.reason[0] ? held.reason : "eigenvector centrality failed", err);
    return IGRAPH_SUCCESS;
}

static igraph_error_t arpack_row(const void *ctx, size_t row, double *out)
{
    (void)row;
    const arpack_job *a = ctx;
    const sg_graph *s = a->s;
    igraph_vector_t scores, other;
    IGRAPH_VECTOR_INIT_FINALLY(&scores, 0);
    IGRAPH_VECTOR_INIT_FINALLY(&other, 0);
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    igraph_rng_seed(igraph_rng_default(), ARPACK_SEED);
    const igraph_vector_t *weights = weights_of(s);
    if (a->what == ARPACK_EIGENVECTOR)
        IGRAPH_CHECK(eigenvector_scores(a, &arpack, &scores));
    else
        IGRAPH_CHECK(igraph_hub_and_authority_scores(&s->graph, a->what == ARPACK_HUB ? &scores : &other,
                                                     a->what == ARPACK_HUB ? &other : &scores, NULL, true, weights,
                                                     &arpack));
    double top = 0.0;
    for (igraph_integer_t i = 0; i < igraph_vector_size(&scores); i++)
        top = fmax(top, fabs(VECTOR(scores)[i]));
    for (igraph_integer_t i = 0; i < igraph_vector_size(&scores); i++)
        out[i] = fabs(VECTOR(scores)[i]) <= ARPACK_NOISE * top ? 0.0 : VECTOR(scores)[i];
    igraph_vector_destroy(&other);
    igraph_vector_destroy(&scores);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

static igraph_error_t compute_arpack(job *j, int what, igraph_vector_t *out)
{
    sg_graph *s;
    IGRAPH_CHECK(graph_of(j, &s));
    igraph_integer_t n = igraph_vcount(&s->graph);
    IGRAPH_CHECK(igraph_vector_resize(out, n));
    arpack_job a = {j, s, what};
    return sg_isolated_row(arpack_row, &a, (size_t)n, VECTOR(*out));
}

static igraph_error_t compute_eigenvector(job *j, igraph_vector_t *out)
{
    return compute_arpack(j, ARPACK_EIGENVECTOR, out);
}

static igraph_error_t compute_pagerank(job *j, igraph_vector_t *out)
{
    sg_graph *s;
    IGRAPH_CHECK(graph_of(j, &s));
#ifdef _OPENMP
    omp_set_num_threads(1); /* PRPACK's threads add in an order that varies from run to run: keep output stable */
#endif
    return igraph_pagerank(&s->graph, IGRAPH_PAGERANK_ALGO_PRPACK, out, NULL, igraph_vss_all(), j->directed,
                           j->opts->damping, weights_of(s), NULL);
}

static igraph_error_t compute_hub_authority(job *j, igraph_vector_t *out)
{
    return compute_arpack(j, strcmp(j->name, "hub") == 0 ? ARPACK_HUB : ARPACK_AUTHORITY, out);
}

static igraph_error_t compute_coreness(job *j, igraph_vector_t *out)
{
    sg_graph *s;
    IGRAPH_CHECK(graph_of(j, &s));
    igraph_vector_int_t cores;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&cores, 0);
    IGRAPH_CHECK(igraph_coreness(&s->graph, &cores, IGRAPH_ALL));
    IGRAPH_CHECK(int_to_real(&cores, out));
    igraph_vector_int_destroy(&cores);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t compute_clustering(job *j, igraph_vector_t *out)
{
    sg_graph *s;
    IGRAPH_CHECK(graph_of(j, &s));
    return igraph_transitivity_local_undirected(&s->graph, out, igraph_vss_all(), IGRAPH_TRANSITIVITY_ZERO);
}

static igraph_error_t compute_cutpoint(job *j, igraph_vector_t *out)
{
    sg_graph *s;
    IGRAPH_CHECK(graph_of(j, &s));
    igraph_vector_int_t points;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&points, 0);
    IGRAPH_CHECK(igraph_articulation_points(&s->graph, &points));
    IGRAPH_CHECK(igraph_vector_resize(out, igraph_vcount(&s->graph)));
    igraph_vector_null(out);
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&points); i++)
        VECTOR(*out)[VECTOR(points)[i]] = 1.0;
    igraph_vector_int_destroy(&points);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t compute_constraint(job *j, igraph_vector_t *out)
{
    sg_graph *s;
    IGRAPH_CHECK(graph_of(j, &s));
    IGRAPH_CHECK(igraph_constraint(&s->graph, out, igraph_vss_all(), weights_of(s)));
    igraph_vector_int_t deg; /* Burt's constraint is undefined without ties: NaN, as NetworkX */
    IGRAPH_VECTOR_INT_INIT_FINALLY(&deg, 0);
    IGRAPH_CHECK(igraph_degree(&s->graph, &deg, igraph_vss_all(), IGRAPH_ALL, false));
    for (igraph_integer_t v = 0; v < igraph_vector_int_size(&deg); v++)
        if (VECTOR(deg)[v] == 0)
            VECTOR(*out)[v] = NAN;
    igraph_vector_int_destroy(&deg);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t compute_effsize(job *j, igraph_vector_t *out)
{
    sg_graph *s;
    IGRAPH_CHECK(graph_of(j, &s));
    return sg_effective_size(s, out);
}

static igraph_error_t compute_brokerage(job *j, igraph_vector_t *out)
{
    const char *group = j->opts->group_by ? j->opts->group_by : sg_centrality_default_group(j->net);
    if (!group || !sg_centrality_group_known(j->net, group))
        IGRAPH_ERROR("brokerage needs a node attribute for groups (--group-by)", IGRAPH_EINVAL);
    igraph_matrix_t roles;
    IGRAPH_MATRIX_INIT_FINALLY(&roles, 0, 0);
    IGRAPH_CHECK(sg_brokerage(j->net, group, j->opts, &roles));
    IGRAPH_CHECK(igraph_matrix_rowsum(&roles, out));
    igraph_matrix_destroy(&roles);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static const measure measures[] = {
    {"degree", UNDIRECTED_BY_DEFAULT, compute_degree},
    {"indegree", DIRECTED_BY_DEFAULT, compute_degree},
    {"outdegree", DIRECTED_BY_DEFAULT, compute_degree},
    {"strength", UNDIRECTED_BY_DEFAULT, compute_strength},
    {"betweenness", UNDIRECTED_BY_DEFAULT, compute_betweenness},
    {"closeness", UNDIRECTED_BY_DEFAULT, compute_distances},
    {"harmonic", UNDIRECTED_BY_DEFAULT, compute_distances},
    {"eigenvector", UNDIRECTED_BY_DEFAULT, compute_eigenvector},
    {"pagerank", UNDIRECTED_BY_DEFAULT, compute_pagerank},
    {"hub", DIRECTED_BY_DEFAULT, compute_hub_authority},
    {"authority", DIRECTED_BY_DEFAULT, compute_hub_authority},
    {"coreness", NEVER_DIRECTED, compute_coreness},
    {"clustering", NEVER_DIRECTED, compute_clustering},
    {"constraint", UNDIRECTED_BY_DEFAULT, compute_constraint},
    {"effsize", UNDIRECTED_BY_DEFAULT, compute_effsize},
    {"brokerage", DIRECTED_BY_DEFAULT, compute_brokerage},
    {"cutpoint", NEVER_DIRECTED, compute_cutpoint},
};

const char *const *sg_centrality_measures(void)
{
    static const char *names[G_N_ELEMENTS(measures) + 1];
    if (!names[0])
        for (size_t i = 0; i < G_N_ELEMENTS(measures); i++)
            names[i] = measures[i].name;
    return names;
}

static const measure *find_measure(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(measures); i++)
        if (g_strcmp0(measures[i].name, name) == 0)
            return &measures[i];
    return NULL;
}

bool sg_centrality_measure_known(const char *name)
{
    return find_measure(name) != NULL;
}

bool sg_centrality_directed(const char *measure, const sg_centrality_options *opts)
{
    const struct measure *m = find_measure(measure);
    if (!m || m->direction == NEVER_DIRECTED)
        return false;
    if (opts->reading.direction == SG_DIRECTION_DEFAULT)
        return m->direction == DIRECTED_BY_DEFAULT;
    return opts->reading.direction == SG_DIRECTION_DIRECTED || opts->reading.direction == SG_DIRECTION_MUTUAL;
}

static void cache_free(graph_cache *c)
{
    for (int r = 0; r < 2; r++)
        if (c->built[r])
            sg_graph_destroy(&c->graphs[r]);
}

igraph_error_t sg_centrality_many(const sg_network *net, const char *const *names, size_t count,
                                  const sg_centrality_options *opts, igraph_vector_t *outs)
{
    graph_cache cache = {0};
    igraph_error_t err = IGRAPH_SUCCESS;
    for (size_t i = 0; i < count && err == IGRAPH_SUCCESS; i++) {
        const measure *m = find_measure(names[i]);
        if (!m) {
            cache_free(&cache);
            IGRAPH_ERROR("unknown centrality measure", IGRAPH_EINVAL);
        }
        job j = {net, opts, &cache, sg_centrality_directed(m->name, opts), m->name};
        err = m->compute(&j, &outs[i]);
    }
    cache_free(&cache);
    return err;
}

igraph_error_t sg_centrality_one(const sg_network *net, const char *name, const sg_centrality_options *opts,
                                 igraph_vector_t *out)
{
    return sg_centrality_many(net, &name, 1, opts, out);
}

/* The largest sum over the nodes of (max - c_i) that closeness as closeness_from computes it (NetworkX's
 * closeness_centrality: incoming distances, Wasserman-Faust scaling) reaches on N >= 3 nodes.
 * Undirected: in a connected graph c_i = (n-1)/S_i; the star maximises the sum (Freeman 1979): its centre
 * has c = 1 and each leaf S = 1 + 2(n-2) = 2n-3, so the sum is (n-1)(1 - (n-1)/(2n-3)) =
 * (n-1)(n-2)/(2n-3), igraph_centralization_closeness_tmax's undirected value; a disconnected graph, its
 * closeness scaled down by r/(n-1), stays below it. Directed: every c_i lies in [0, 1]
 * ((r/S)(r/(n-1)) <= 1 since S >= r and r <= n-1), so the sum is at most (n-1) x 1, and the in-star
 * (every other node has one arc to the centre) reaches it: the centre has c = 1, the leaves, which
 * nothing reaches, c = 0. igraph's directed tmax, (n-1)(1 - 1/n), assumes every node reaches every other
 * and let the in-star score above 1. A brute force over all graphs on 3, 4 and 5 nodes and all digraphs
 * on 3 and 4 nodes with NetworkX 3.6.1 closeness_centrality finds exactly these maxima, reached only by
 * the stars and in-stars. The mutual star (arcs both ways) scores (n-1)(n-2)/(2n-3) / (n-1) =
 * (n-2)/(2n-3) directed. */
static double closeness_tmax(size_t n, bool directed)
{
    double m = (double)n;
    return directed ? m - 1.0 : (m - 1.0) * (m - 2.0) / (2.0 * m - 3.0);
}

igraph_error_t sg_centralization(const sg_network *net, const char *measure, const sg_centrality_options *opts,
                                 const igraph_vector_t *scores, double *out)
{
    bool degree = strcmp(measure, "degree") == 0, betweenness = strcmp(measure, "betweenness") == 0;
    if (!degree && !betweenness && strcmp(measure, "closeness") != 0)
        IGRAPH_ERROR("centralization is defined for degree, betweenness and closeness", IGRAPH_EINVAL);
    size_t n = net->n_nodes;
    *out = NAN;
    if (n < 3)
        return IGRAPH_SUCCESS;
    bool directed = sg_centrality_directed(measure, opts);
    igraph_t empty; /* the tmax functions read only its order and directedness */
    IGRAPH_CHECK(igraph_empty(&empty, (igraph_integer_t)n, directed));
    IGRAPH_FINALLY(igraph_destroy, &empty);
    double tmax, factor = 1.0;
    if (degree) {
        IGRAPH_CHECK(igraph_centralization_degree_tmax(&empty, 0, IGRAPH_ALL, false, &tmax));
        factor = opts->normalized ? 1.0 / (double)(n - 1) : 1.0;
    } else if (betweenness) {
        IGRAPH_CHECK(igraph_centralization_betweenness_tmax(&empty, 0, directed, &tmax));
        factor = betweenness_factor(opts->normalized, directed, n);
    } else {
        tmax = closeness_tmax(n, directed);
    }
    igraph_destroy(&empty);
    IGRAPH_FINALLY_CLEAN(1);
    *out = igraph_centralization(scores, tmax * factor, true);
    return IGRAPH_SUCCESS;
}

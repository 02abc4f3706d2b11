/* test_centrality.c: unit tests of centrality, structural holes, brokerage and centralization, against
 * published values (Padgett's Florentine families), NetworkX 2.8.8 and hand computations. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "analysis/centrality_internal.h"
#include "spygraph/centrality.h"
#include "spygraph/loader.h"
#include "testdata.h"

/* ---- building small networks ---- */

static int add_node(sg_network *net, const char *id, const char *affiliation)
{
    sg_node n = {0};
    n.id = n.label = sg_network_intern(net, id);
    n.affiliation = sg_network_intern(net, affiliation);
    n.note = n.native_name = "";
    n.codenames = n.sources = sg_empty_list();
    return sg_network_add_node(net, &n);
}

static void add_tie(sg_network *net, const char *s, const char *t, const char *relation, double weight)
{
    size_t i = test_add_tie(net, s, t, relation); /* before net->edges is read: adding may move it */
    net->edges[i].weight = weight;
}

/* A network of nodes named by the characters of NAMES and undirected "tie" ties "ab bc ..." */
static sg_network *undirected(const char *names, const char *ties)
{
    sg_network *net = sg_network_new("test");
    for (const char *p = names; *p; p++) {
        char id[2] = {*p, 0};
        add_node(net, id, "");
    }
    char **pairs = g_strsplit(ties, " ", -1);
    for (char **p = pairs; *p; p++) {
        char s[2] = {(*p)[0], 0}, t[2] = {(*p)[1], 0};
        add_tie(net, s, t, "tie", 1.0);
    }
    g_strfreev(pairs);
    return net;
}

static void compute(const sg_network *net, const char *measure, const sg_centrality_options *o, igraph_vector_t *v)
{
    igraph_vector_init(v, 0);
    g_assert_cmpint(sg_centrality_one(net, measure, o, v), ==, IGRAPH_SUCCESS);
    g_assert_cmpint(igraph_vector_size(v), ==, (igraph_integer_t)net->n_nodes);
}

/* Asserts that MEASURE gives EXPECTED (one per node; NAN for undefined) within TOL. */
static void check(const sg_network *net, const char *measure, const sg_centrality_options *o, const double *expected,
                  double tol)
{
    igraph_vector_t v;
    compute(net, measure, o, &v);
    for (size_t i = 0; i < net->n_nodes; i++) {
        double got = VECTOR(v)[i];
        if (isnan(expected[i])) {
            if (!isnan(got))
                g_error("%s of %s: expected undefined, got %.17g", measure, net->nodes[i].id, got);
        } else if (!(fabs(got - expected[i]) <= tol)) {
            g_error("%s of %s: expected %.17g, got %.17g", measure, net->nodes[i].id, expected[i], got);
        }
    }
    igraph_vector_destroy(&v);
}

static sg_centrality_options defaults(void)
{
    sg_centrality_options o;
    sg_centrality_options_init(&o);
    return o;
}

/* ---- Padgett's Florentine families (networks/florentine, nodes in id order) ---- */

static sg_network *florentine(void)
{
    sg_network *net = test_load_network("networks/florentine");
    g_assert_cmpuint(net->n_nodes, ==, 15);
    g_assert_cmpstr(net->nodes[8].id, ==, "medici");
    return net;
}

/* Order: acciaiuoli albizzi barbadori bischeri castellani ginori guadagni lamberteschi medici pazzi peruzzi
 * ridolfi salviati strozzi tornabuoni. Values from NetworkX 2.8.8 on florentine_families_graph() (the same
 * 20 ties); the Medici's 47.5, 0.210 and 5.667 are also the published figures (e.g. Borgatti's and
 * Burt's analyses of Padgett's data). */
static void test_florentine(void)
{
    sg_network *net = florentine();
    sg_centrality_options o = defaults();
    static const double betweenness[] = {0, 19.3333333333333, 8.5, 9.5, 5, 0, 23.1666666666667, 0, 47.5, 0, 2,
                                         10.3333333333333, 13, 9.33333333333333, 8.33333333333333};
    static const double closeness[] = {0.368421052631579, 0.482758620689655, 0.4375, 0.4, 0.388888888888889,
                                       0.333333333333333, 0.466666666666667, 0.325581395348837, 0.56,
                                       0.285714285714286, 0.368421052631579, 0.5, 0.388888888888889, 0.4375,
                                       0.482758620689655};
    static const double harmonic[] = {5.91666666666667, 7.83333333333333, 7.08333333333333, 7.2, 6.91666666666667,
                                      5.33333333333333, 8.08333333333333, 5.36666666666667, 9.5, 4.76666666666667,
                                      6.78333333333333, 8, 6.58333333333333, 7.83333333333333, 7.83333333333333};
    static const double eigenvector[] = {0.307115521550335, 0.566933582094419, 0.491985287035753, 0.657203734859865,
                                         0.601955135813989, 0.174114102749327, 0.671880457318837, 0.206344917068953,
                                         1.0, 0.104142674787018, 0.640774313565819, 0.793739761782724,
                                         0.339099353433199, 0.827268771703699, 0.757230239534431};
    static const double pagerank[] = {0.0306574373744172, 0.0791222528629811, 0.0503009871122239, 0.0688617956133934,
                                      0.0693301755455007, 0.0324179716450308, 0.0983978333706454, 0.0309095395908693,
                                      0.145817204998834, 0.0360538722261536, 0.0678753100137471, 0.0695742665420377,
                                      0.0613032287659467, 0.0880984385192893, 0.0712796858189296};
    static const double constraint[] = {1, 0.333333333333333, 0.5, 0.482253086419753, 0.482253086419753, 1, 0.25, 1,
                                        0.209876543209877, 1, 0.655864197530864, 0.459876543209876, 0.5,
                                        0.458333333333333, 0.459876543209876};
    static const double effsize[] = {1, 3, 2, 2.33333333333333, 2.33333333333333, 1, 4, 1, 5.66666666666667, 1,
                                     1.66666666666667, 2.33333333333333, 2, 3, 2.33333333333333};
    static const double clustering[] = {0, 0, 0, 1.0 / 3, 1.0 / 3, 0, 0, 0, 0.0666666666666667, 0, 2.0 / 3, 1.0 / 3,
                                        0, 1.0 / 3, 1.0 / 3};
    static const double coreness[] = {1, 2, 2, 2, 2, 1, 2, 1, 2, 1, 2, 2, 1, 2, 2};
    static const double degree[] = {1, 3, 2, 3, 3, 1, 4, 1, 6, 1, 3, 3, 2, 4, 3};
    /* NetworkX articulation_points: Albizzi, Guadagni, Medici, Salviati */
    static const double cutpoint[] = {0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0};
    check(net, "betweenness", &o, betweenness, 1e-9);
    check(net, "closeness", &o, closeness, 1e-12);
    check(net, "harmonic", &o, harmonic, 1e-12);
    check(net, "eigenvector", &o, eigenvector, 1e-6);
    check(net, "pagerank", &o, pagerank, 1e-6);
    check(net, "constraint", &o, constraint, 1e-12);
    check(net, "effsize", &o, effsize, 1e-12);
    check(net, "clustering", &o, clustering, 1e-12);
    check(net, "coreness", &o, coreness, 0);
    check(net, "degree", &o, degree, 0);
    check(net, "strength", &o, degree, 0);
    check(net, "cutpoint", &o, cutpoint, 0);
    g_assert_cmpfloat_with_epsilon(constraint[8], 0.210, 0.0005); /* the published figure, to 3 places */

    o.normalized = true; /* NetworkX betweenness_centrality(normalized=True): Medici 0.521978021978022 */
    igraph_vector_t v;
    compute(net, "betweenness", &o, &v);
    g_assert_cmpfloat_with_epsilon(VECTOR(v)[8], 0.521978021978022, 1e-12);
    g_assert_cmpfloat_with_epsilon(VECTOR(v)[1], 0.212454212454212, 1e-12);
    igraph_vector_destroy(&v);
    compute(net, "degree", &o, &v); /* NetworkX degree_centrality: 6/14 */
    g_assert_cmpfloat_with_epsilon(VECTOR(v)[8], 6.0 / 14, 1e-15);
    igraph_vector_destroy(&v);
    sg_network_unref(net);
}

/* Freeman centralization, by hand from the Florentine scores above: degree: sum(6 - d) = 90 - 40 = 50 over
 * (n-1)(n-2) = 182; betweenness: 15 x 47.5 - 156 = 556.5 over (n-1)^2 (n-2)/2 = 1274. */
static void test_florentine_centralization(void)
{
    sg_network *net = florentine();
    sg_centrality_options o = defaults();
    igraph_vector_t v;
    double c;
    compute(net, "degree", &o, &v);
    g_assert_cmpint(sg_centralization(net, "degree", &o, &v, &c), ==, IGRAPH_SUCCESS);
    g_assert_cmpfloat_with_epsilon(c, 50.0 / 182, 1e-12);
    igraph_vector_destroy(&v);
    compute(net, "betweenness", &o, &v);
    g_assert_cmpint(sg_centralization(net, "betweenness", &o, &v, &c), ==, IGRAPH_SUCCESS);
    g_assert_cmpfloat_with_epsilon(c, 556.5 / 1274, 1e-9);
    igraph_vector_destroy(&v);
    o.normalized = true; /* the same figure from normalized scores */
    compute(net, "betweenness", &o, &v);
    g_assert_cmpint(sg_centralization(net, "betweenness", &o, &v, &c), ==, IGRAPH_SUCCESS);
    g_assert_cmpfloat_with_epsilon(c, 556.5 / 1274, 1e-9);
    igraph_vector_destroy(&v);
    sg_network_unref(net);
}

/* ---- hand computations ---- */

/* Star: centre a, leaves b..e. Betweenness of a: C(4,2) = 6 pairs. Closeness of a leaf: 4/(1+2+2+2) =
 * 4/7. Harmonic of a leaf: 1 + 3/2. Constraint of a: 4 x (1/4)^2; of a leaf 1. Effective size of a: 4 (no
 * ties among the leaves). Every centralization of a star is 1. */
static void test_star(void)
{
    sg_network *net = undirected("abcde", "ab ac ad ae");
    sg_centrality_options o = defaults();
    check(net, "degree", &o, (double[]){4, 1, 1, 1, 1}, 0);
    check(net, "betweenness", &o, (double[]){6, 0, 0, 0, 0}, 1e-12);
    check(net, "closeness", &o, (double[]){1, 4.0 / 7, 4.0 / 7, 4.0 / 7, 4.0 / 7}, 1e-12);
    check(net, "harmonic", &o, (double[]){4, 2.5, 2.5, 2.5, 2.5}, 1e-12);
    check(net, "constraint", &o, (double[]){0.25, 1, 1, 1, 1}, 1e-12);
    check(net, "effsize", &o, (double[]){4, 1, 1, 1, 1}, 1e-12);
    check(net, "clustering", &o, (double[]){0, 0, 0, 0, 0}, 0);
    check(net, "cutpoint", &o, (double[]){1, 0, 0, 0, 0}, 0);
    check(net, "coreness", &o, (double[]){1, 1, 1, 1, 1}, 0);
    static const char *const which[] = {"degree", "betweenness", "closeness"};
    for (size_t k = 0; k < G_N_ELEMENTS(which); k++) {
        igraph_vector_t v;
        double c;
        compute(net, which[k], &o, &v);
        g_assert_cmpint(sg_centralization(net, which[k], &o, &v, &c), ==, IGRAPH_SUCCESS);
        g_assert_cmpfloat_with_epsilon(c, 1.0, 1e-12);
        igraph_vector_destroy(&v);
    }
    o.normalized = true; /* harmonic / (n-1): a leaf 2.5/4 */
    check(net, "harmonic", &o, (double[]){1, 0.625, 0.625, 0.625, 0.625}, 1e-12);
    check(net, "betweenness", &o, (double[]){1, 0, 0, 0, 0}, 1e-12); /* 6 x 2/(4 x 3) */
    sg_network_unref(net);
}

/* Directed closeness centralization of N-node stars around a (directed "recruited" arcs), the closeness of
 * NetworkX's closeness_centrality (incoming distances, Wasserman-Faust scaling); normaliser n - 1 (see
 * closeness_tmax). Values from NetworkX 3.6.1 on the same digraphs: in-star (leaves -> a): the sum of
 * (max - c) is 6.0, centralization 1; mutual star: 2.7272727272727275 = 6 x (1 - 6/11), centralization
 * 5/11 = 0.4545...; out-star (a -> leaves): leaves 1/6, a 0, sum 1/6, centralization 1/36. igraph's
 * directed normaliser gave 1.167 for the in-star. */
static void test_directed_closeness_centralization(void)
{
    static const struct {
        bool in, out;
        double expected;
    } stars[] = {{true, false, 1.0}, {true, true, 5.0 / 11}, {false, true, 1.0 / 36}};
    for (size_t k = 0; k < G_N_ELEMENTS(stars); k++) {
        sg_network *net = sg_network_new("star");
        for (const char *p = "abcdefg"; *p; p++) {
            char id[2] = {*p, 0};
            add_node(net, id, "");
        }
        for (const char *p = "bcdefg"; *p; p++) {
            char id[2] = {*p, 0};
            if (stars[k].in)
                add_tie(net, id, "a", "recruited", 1);
            if (stars[k].out)
                add_tie(net, "a", id, "recruited", 1);
        }
        sg_centrality_options o = defaults();
        o.reading.direction = SG_DIRECTION_DIRECTED;
        igraph_vector_t v;
        double c;
        compute(net, "closeness", &o, &v);
        g_assert_cmpint(sg_centralization(net, "closeness", &o, &v, &c), ==, IGRAPH_SUCCESS);
        g_assert_cmpfloat_with_epsilon(c, stars[k].expected, 1e-12);
        igraph_vector_destroy(&v);
        sg_network_unref(net);
    }
}

/* Path a-b-c-d-e. Betweenness: b lies between a and {c,d,e} (3), c between {a,b} and {d,e} (4). Closeness of
 * a: 4/(1+2+3+4) = 0.4; of b: 4/(1+1+2+3) = 4/7; of c: 4/6. Every inner node is a cut point. */
static void test_path(void)
{
    sg_network *net = undirected("abcde", "ab bc cd de");
    sg_centrality_options o = defaults();
    check(net, "betweenness", &o, (double[]){0, 3, 4, 3, 0}, 1e-12);
    check(net, "closeness", &o, (double[]){0.4, 4.0 / 7, 4.0 / 6, 4.0 / 7, 0.4}, 1e-12);
    check(net, "harmonic", &o, (double[]){1 + 0.5 + 1.0 / 3 + 0.25, 2 + 0.5 + 1.0 / 3, 3, 2 + 0.5 + 1.0 / 3,
                                          1 + 0.5 + 1.0 / 3 + 0.25},
          1e-12);
    check(net, "cutpoint", &o, (double[]){0, 1, 1, 1, 0}, 0);
    check(net, "coreness", &o, (double[]){1, 1, 1, 1, 1}, 0);
    check(net, "constraint", &o, (double[]){1, 0.5, 0.5, 0.5, 1}, 1e-12);
    sg_network_unref(net);
}

/* Cycle of 5: every node alike. Each non-adjacent pair has one shortest path, through one node, and each
 * node is the middle of one such pair: betweenness 1. Closeness 4/(1+1+2+2); eigenvector 1; pagerank 1/5;
 * constraint 2 x (1/2)^2; effective size 2; clustering 0; no centralization. */
static void test_cycle(void)
{
    sg_network *net = undirected("abcde", "ab bc cd de ea");
    sg_centrality_options o = defaults();
    const double ones[] = {1, 1, 1, 1, 1}, fifth[] = {0.2, 0.2, 0.2, 0.2, 0.2};
    check(net, "betweenness", &o, ones, 1e-12);
    check(net, "closeness", &o, (double[]){4.0 / 6, 4.0 / 6, 4.0 / 6, 4.0 / 6, 4.0 / 6}, 1e-12);
    check(net, "eigenvector", &o, ones, 1e-9);
    check(net, "pagerank", &o, fifth, 1e-9);
    check(net, "constraint", &o, (double[]){0.5, 0.5, 0.5, 0.5, 0.5}, 1e-12);
    check(net, "effsize", &o, (double[]){2, 2, 2, 2, 2}, 1e-12);
    check(net, "clustering", &o, (double[]){0, 0, 0, 0, 0}, 0);
    check(net, "coreness", &o, (double[]){2, 2, 2, 2, 2}, 0);
    igraph_vector_t v;
    double c;
    compute(net, "betweenness", &o, &v);
    g_assert_cmpint(sg_centralization(net, "betweenness", &o, &v, &c), ==, IGRAPH_SUCCESS);
    g_assert_cmpfloat_with_epsilon(c, 0.0, 1e-12);
    igraph_vector_destroy(&v);
    sg_network_unref(net);
}

/* a-b-c, d-e and an isolated f (n = 6). Closeness with Wasserman-Faust scaling: a: (2/3)(2/5); b: (2/2)(2/5);
 * d: (1/1)(1/5); f: 0. Constraint and effective size of f are undefined. */
static void test_disconnected(void)
{
    sg_network *net = undirected("abcdef", "ab bc de");
    sg_centrality_options o = defaults();
    check(net, "closeness", &o, (double[]){4.0 / 15, 0.4, 4.0 / 15, 0.2, 0.2, 0}, 1e-12);
    check(net, "harmonic", &o, (double[]){1.5, 2, 1.5, 1, 1, 0}, 1e-12);
    check(net, "constraint", &o, (double[]){1, 0.5, 1, 1, 1, NAN}, 1e-12);
    check(net, "effsize", &o, (double[]){1, 2, 1, 1, 1, NAN}, 1e-12);
    check(net, "clustering", &o, (double[]){0, 0, 0, 0, 0, 0}, 0);
    sg_network_unref(net);
}

/* ---- directed and weighted, against NetworkX 2.8.8 on the same merged graph ---- */

/* a->b twice (weights 2 and 1: merged into 3), b->c 1, c->a 3, c->d 1, d->e 2, b-d met (both ways, 1),
 * e->f 1, and a self-loop on f (dropped). */
static sg_network *small_directed(void)
{
    sg_network *net = sg_network_new("directed");
    for (const char *p = "abcdef"; *p; p++) {
        char id[2] = {*p, 0};
        add_node(net, id, "");
    }
    add_tie(net, "a", "b", "recruited", 2);
    add_tie(net, "a", "b", "commanded", 1);
    add_tie(net, "b", "c", "handled", 1);
    add_tie(net, "c", "a", "reported_to", 3);
    add_tie(net, "c", "d", "informed", 1);
    add_tie(net, "d", "e", "commanded", 2);
    add_tie(net, "b", "d", "met", 1);
    add_tie(net, "e", "f", "member_of", 1);
    add_tie(net, "f", "f", "met", 5);
    return net;
}

static void test_directed_weighted(void)
{
    sg_network *net = small_directed();
    sg_centrality_options o = defaults();
    o.reading.direction = SG_DIRECTION_DIRECTED;
    /* NetworkX, DiGraph, weight "weight", distance "1/weight". For f (one tie, in) NetworkX reports constraint
     * and effective size as NaN because it tests successors only; Burt's formula gives 1 for one tie. */
    o.reading.weights = SG_WEIGHTS_WEIGHT;
    check(net, "betweenness", &o, (double[]){1, 6, 2, 6, 4, 0}, 1e-9);
    check(net, "closeness", &o, (double[]){0.45, 0.9, 0.415384615385, 0.54, 0.6, 0.483870967742}, 1e-9);
    check(net, "harmonic", &o, (double[]){4.178571428571, 5.5, 2.25, 2.75, 3.878787878788, 2.819607843137}, 1e-9);
    check(net, "pagerank", &o,
          (double[]){0.141017417285, 0.218868773203, 0.142923142532, 0.17329431032, 0.148104023102, 0.175792333557},
          1e-6);
    check(net, "constraint", &o,
          (double[]){0.700277777778, 0.728055555556, 0.897511111111, 0.424711111111, 0.555555555556, 1.0}, 1e-9);
    check(net, "effsize", &o, (double[]){1.666666666667, 2.138888888889, 1.866666666667, 2.8, 2.0, 1.0}, 1e-9);
    check(net, "strength", &o, (double[]){6, 6, 5, 5, 3, 1}, 1e-12);
    check(net, "hub", &o, (double[]){1, 0, 0, 0.535183758488, 0, 0}, 1e-6);
    check(net, "authority", &o, (double[]){0, 1, 0, 0, 0.302775637732, 0}, 1e-6);
    /* NetworkX, unweighted DiGraph */
    o.reading.weights = SG_WEIGHTS_NONE;
    check(net, "indegree", &o, (double[]){1, 2, 1, 2, 1, 1}, 0);
    check(net, "outdegree", &o, (double[]){1, 2, 2, 2, 1, 0}, 0);
    check(net, "betweenness", &o, (double[]){0.5, 6, 2, 6.5, 4, 0}, 1e-9);
    check(net, "closeness", &o, (double[]){0.3, 0.45, 0.36, 0.45, 0.4, 0.384615384615}, 1e-9);
    check(net, "constraint", &o, (double[]){0.835069444444, 0.701388888889, 0.868055555556, 0.543402777778, 0.5, 1.0},
          1e-9);
    check(net, "effsize", &o, (double[]){1.25, 1.875, 1.833333333333, 2.375, 2.0, 1.0}, 1e-9);
    sg_network_unref(net);
}

/* The same ties read undirected: a-b 3, a-c 3, b-c 1, b-d 1, c-d 1, d-e 2, e-f 1 (NetworkX Graph). */
static void test_undirected_weighted(void)
{
    sg_network *net = small_directed();
    sg_centrality_options o = defaults();
    o.reading.weights = SG_WEIGHTS_WEIGHT;
    check(net, "betweenness", &o, (double[]){1, 1.5, 1.5, 6, 4, 0}, 1e-9);
    check(net, "closeness", &o,
          (double[]){0.75, 0.833333333333, 0.833333333333, 0.9375, 0.789473684211, 0.483870967742}, 1e-9);
    check(net, "strength", &o, (double[]){6, 5, 5, 4, 3, 1}, 1e-12);
    check(net, "pagerank", &o,
          (double[]){0.215014248914, 0.186288479328, 0.186288479328, 0.17994532731, 0.161659842951, 0.070803622169},
          1e-6);
    check(net, "constraint", &o, (double[]){0.72, 0.8785, 0.8785, 0.43, 0.555555555556, 1.0}, 1e-9);
    check(net, "effsize", &o, (double[]){1.666666666667, 2.033333333333, 2.033333333333, 2.833333333333, 2, 1}, 1e-9);
    check(net, "eigenvector", &o,
          (double[]){1.0, 0.840548432151, 0.840548432151, 0.398581568599, 0.164532905559, 0.032624117633}, 1e-6);
    sg_network_unref(net);
}

/* ---- brokerage, worked by hand ---- */

/* Groups A = {a1, a2, a3, x, z}, B = {b1, b2, y}, C = {c1}, and p, q, r without one. Arcs: a1->a2, a2->a3,
 * a2->b2, a1->b1, b1->a3, b1->b2, b1->c1, a3-c1 (met: both ways), x->y, y->z, x->z, p->q, q->r.
 * Open two-paths i->j->k (no arc i->k):
 *   a2: a1->a2->a3 coordinator (A A A); a1->a2->b2 representative (A A B)
 *   b1: a1->b1->a3 itinerant (A B A); a1->b1->b2 gatekeeper (A B B); a1->b1->c1 liaison (A B C)
 *   a3: a2->a3->c1 representative (A A C); b1->a3->c1 is closed by b1->c1
 *   c1: b1->c1->a3 is closed by b1->a3
 *   y:  x->y->z is closed by x->z
 *   q:  p->q->r liaison: a node without a group is a group of its own */
static sg_network *brokers(void)
{
    sg_network *net = sg_network_new("brokers");
    static const char *const nodes[][2] = {{"a1", "A"}, {"a2", "A"}, {"a3", "A"}, {"b1", "B"}, {"b2", "B"},
                                           {"c1", "C"}, {"x", "A"},   {"y", "B"},   {"z", "A"},   {"p", ""},
                                           {"q", ""},   {"r", ""}};
    for (size_t i = 0; i < G_N_ELEMENTS(nodes); i++)
        add_node(net, nodes[i][0], nodes[i][1]);
    static const char *const arcs[][2] = {{"a1", "a2"}, {"a2", "a3"}, {"a2", "b2"}, {"a1", "b1"}, {"b1", "a3"},
                                          {"b1", "b2"}, {"b1", "c1"}, {"x", "y"},   {"y", "z"},   {"x", "z"},
                                          {"p", "q"},   {"q", "r"}};
    for (size_t i = 0; i < G_N_ELEMENTS(arcs); i++)
        add_tie(net, arcs[i][0], arcs[i][1], "reported_to", 1);
    add_tie(net, "a3", "c1", "met", 1);
    return net;
}

static void test_brokerage_roles(void)
{
    sg_network *net = brokers();
    sg_centrality_options o = defaults();
    igraph_matrix_t roles;
    igraph_matrix_init(&roles, 0, 0);
    g_assert_cmpint(sg_brokerage(net, "affiliation", &o, &roles), ==, IGRAPH_SUCCESS);
    /* rows in node order; columns coordinator, itinerant, representative, gatekeeper, liaison */
    static const double expected[12][5] = {
        [1] = {1, 0, 1, 0, 0}, /* a2 */
        [2] = {0, 0, 1, 0, 0}, /* a3 */
        [3] = {0, 1, 0, 1, 1}, /* b1 */
        [10] = {0, 0, 0, 0, 1}, /* q */
    };
    for (int i = 0; i < 12; i++)
        for (int r = 0; r < SG_BROKER_N_ROLES; r++)
            if (MATRIX(roles, i, r) != expected[i][r])
                g_error("%s as %s: expected %g, got %g", net->nodes[i].id, sg_broker_role_name(r), expected[i][r],
                        MATRIX(roles, i, r));
    igraph_matrix_destroy(&roles);
    check(net, "brokerage", &o, (double[]){0, 2, 1, 3, 0, 0, 0, 0, 0, 0, 1, 0}, 0);
    g_assert_true(sg_centrality_directed("brokerage", &o));
    sg_network_unref(net);
}

/* Read undirected, every tie goes both ways, so each open pair counts in both orders: q brokers p->r and
 * r->p (two liaisons); x-y-z stays closed by x-z. */
static void test_brokerage_undirected(void)
{
    sg_network *net = brokers();
    sg_centrality_options o = defaults();
    o.reading.direction = SG_DIRECTION_UNDIRECTED;
    igraph_matrix_t roles;
    igraph_matrix_init(&roles, 0, 0);
    g_assert_cmpint(sg_brokerage(net, "affiliation", &o, &roles), ==, IGRAPH_SUCCESS);
    g_assert_cmpfloat(MATRIX(roles, 10, SG_BROKER_LIAISON), ==, 2);   /* q */
    g_assert_cmpfloat(MATRIX(roles, 7, SG_BROKER_ITINERANT), ==, 0);  /* y: x-z closes it */
    igraph_matrix_destroy(&roles);
    sg_network_unref(net);
}

static void test_groups(void)
{
    sg_network *net = brokers();
    g_assert_cmpstr(sg_centrality_default_group(net), ==, "affiliation");
    g_assert_true(sg_centrality_group_known(net, "kind"));
    g_assert_false(sg_centrality_group_known(net, "colour"));
    g_assert_cmpstr(sg_centrality_group_value(net, 3, "affiliation"), ==, "B");
    g_assert_cmpstr(sg_centrality_group_value(net, 3, "id"), ==, "b1");
    sg_network_unref(net);
    net = undirected("ab", "ab");
    g_assert_null(sg_centrality_default_group(net)); /* no affiliations: brokerage needs --group-by */
    sg_network_unref(net);
}

static void test_measure_names(void)
{
    static const char *const names[] = {"degree", "indegree", "outdegree", "strength", "betweenness",
                                        "closeness", "harmonic", "eigenvector", "pagerank", "hub",
                                        "authority", "coreness", "clustering", "constraint", "effsize",
                                        "brokerage", "cutpoint"};
    const char *const *known = sg_centrality_measures();
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        g_assert_cmpstr(known[i], ==, names[i]);
        g_assert_true(sg_centrality_measure_known(names[i]));
    }
    g_assert_null(known[G_N_ELEMENTS(names)]);
    g_assert_false(sg_centrality_measure_known("katz"));
    sg_centrality_options o = defaults();
    g_assert_false(sg_centrality_directed("betweenness", &o));
    g_assert_true(sg_centrality_directed("hub", &o));
    o.reading.direction = SG_DIRECTION_DIRECTED;
    g_assert_false(sg_centrality_directed("clustering", &o)); /* always undirected */
    g_assert_cmpfloat(o.damping, ==, 0.85);
}

/* ---- worker processes give the serial result ---- */

static void random_graph(igraph_t *g, igraph_vector_t *lengths, bool directed)
{
    igraph_rng_seed(igraph_rng_default(), 20261124);
    g_assert_cmpint(igraph_erdos_renyi_game_gnm(g, 400, 1600, directed, false), ==, IGRAPH_SUCCESS);
    igraph_vector_init(lengths, igraph_ecount(g));
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
        VECTOR(*lengths)[e] = 1.0 / (double)(1 + RNG_INTEGER(0, 4));
}

static void assert_close(const igraph_vector_t *a, const igraph_vector_t *b, double tol)
{
    g_assert_cmpint(igraph_vector_size(a), ==, igraph_vector_size(b));
    for (igraph_integer_t i = 0; i < igraph_vector_size(a); i++) {
        double x = VECTOR(*a)[i], y = VECTOR(*b)[i];
        if (!(isnan(x) && isnan(y)) && !(fabs(x - y) <= tol))
            g_error("vertex %" IGRAPH_PRId ": serial %.17g, parallel %.17g", i, x, y);
    }
}

static void test_parallel_equals_serial(void)
{
    for (int d = 0; d < 2; d++) {
        igraph_t g;
        igraph_vector_t lengths, serial, parallel, inv1, reach1, harm1, inv3, reach3, harm3;
        random_graph(&g, &lengths, d == 1);
        for (int weighted = 0; weighted < 2; weighted++) {
            const igraph_vector_t *w = weighted ? &lengths : NULL;
            igraph_vector_init(&serial, 0);
            igraph_vector_init(&parallel, 0);
            g_assert_cmpint(sg_parallel_betweenness(&g, w, 1, &serial), ==, IGRAPH_SUCCESS);
            g_assert_cmpint(sg_parallel_betweenness(&g, w, 3, &parallel), ==, IGRAPH_SUCCESS);
            assert_close(&serial, &parallel, 1e-9);
            igraph_vector_destroy(&serial);
            igraph_vector_destroy(&parallel);
            igraph_vector_init(&inv1, 0), igraph_vector_init(&reach1, 0), igraph_vector_init(&harm1, 0);
            igraph_vector_init(&inv3, 0), igraph_vector_init(&reach3, 0), igraph_vector_init(&harm3, 0);
            g_assert_cmpint(sg_parallel_distances(&g, w, IGRAPH_IN, 1, &inv1, &reach1, &harm1), ==, IGRAPH_SUCCESS);
            g_assert_cmpint(sg_parallel_distances(&g, w, IGRAPH_IN, 3, &inv3, &reach3, &harm3), ==, IGRAPH_SUCCESS);
            assert_close(&inv1, &inv3, 1e-9);
            assert_close(&reach1, &reach3, 0);
            assert_close(&harm1, &harm3, 1e-9);
            igraph_vector_destroy(&inv1), igraph_vector_destroy(&reach1), igraph_vector_destroy(&harm1);
            igraph_vector_destroy(&inv3), igraph_vector_destroy(&reach3), igraph_vector_destroy(&harm3);
        }
        igraph_vector_destroy(&lengths);
        igraph_destroy(&g);
    }
}

/* Through the public API: a graph large enough for workers, with --jobs 1 and --jobs 4. */
static void test_jobs_option(void)
{
    sg_network *net = sg_network_new("ring");
    char id[16];
    for (int i = 0; i < 1200; i++) {
        g_snprintf(id, sizeof id, "n%d", i);
        add_node(net, id, "");
    }
    char s[16], t[16];
    for (int i = 0; i < 1200; i++) /* a ring with chords */
        for (int k = 1; k <= 3; k += 2) {
            g_snprintf(s, sizeof s, "n%d", i);
            g_snprintf(t, sizeof t, "n%d", (i * 7 + k) % 1200);
            if (strcmp(s, t) != 0)
                add_tie(net, s, t, "tie", 1);
        }
    g_assert_cmpint(sg_parallel_parts(1200, 2400, 4), ==, 4);
    /* --jobs 100000 (issue 12) forks no more parts than there are millions of vertex-edge steps: 1200 x 3600
     * is 4.32 million, so 4; a 40 x 40 grid (1600 x 4720, 7.55 million) gets 7, not 1024 (by hand). */
    g_assert_cmpint(sg_parallel_parts(1200, 2400, 100000), ==, 4);
    g_assert_cmpint(sg_parallel_parts(1600, 3120, 100000), ==, 7);
    g_assert_cmpint(sg_parallel_parts(100, 200, 100000), ==, 1);
    sg_centrality_options one = defaults(), four = defaults();
    one.jobs = 1;
    four.jobs = 4;
    static const char *const which[] = {"betweenness", "closeness", "harmonic"};
    for (size_t k = 0; k < G_N_ELEMENTS(which); k++) {
        igraph_vector_t a, b;
        compute(net, which[k], &one, &a);
        compute(net, which[k], &four, &b);
        assert_close(&a, &b, 1e-9);
        igraph_vector_destroy(&a);
        igraph_vector_destroy(&b);
    }
    sg_network_unref(net);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    sg_igraph_install_handlers();
    g_test_add_func("/centrality/florentine", test_florentine);
    g_test_add_func("/centrality/florentine-centralization", test_florentine_centralization);
    g_test_add_func("/centrality/star", test_star);
    g_test_add_func("/centrality/directed-closeness-centralization", test_directed_closeness_centralization);
    g_test_add_func("/centrality/path", test_path);
    g_test_add_func("/centrality/cycle", test_cycle);
    g_test_add_func("/centrality/disconnected", test_disconnected);
    g_test_add_func("/centrality/directed-weighted", test_directed_weighted);
    g_test_add_func("/centrality/undirected-weighted", test_undirected_weighted);
    g_test_add_func("/centrality/brokerage-roles", test_brokerage_roles);
    g_test_add_func("/centrality/brokerage-undirected", test_brokerage_undirected);
    g_test_add_func("/centrality/groups", test_groups);
    g_test_add_func("/centrality/measure-names", test_measure_names);
    g_test_add_func("/centrality/parallel-equals-serial", test_parallel_equals_serial);
    g_test_add_func("/centrality/jobs-option", test_jobs_option);
    return g_test_run();
}

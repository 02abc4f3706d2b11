/* test_robustness.c: unit tests of the sampling streams, the masked betweenness (against igraph's own) and the robustness analysis's invariants. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "analysis/masked.h"
#include "spygraph/compare.h"
#include "spygraph/robustness.h"
#include "testdata.h"


/* A random network of N nodes and about M ties (G(n, m) with repeats and self-loops left in, so merging is
 * exercised), relations drawn from a directed and an undirected one. */
static sg_network *random_network(GRand *rng, int n, int m)
{
    sg_network *net = sg_network_new("random");
    for (int i = 0; i < n; i++) {
        char id[16];
        g_snprintf(id, sizeof id, "v%d", i);
        test_add_node(net, id);
    }
    for (int k = 0; k < m; k++) {
        char s[16], t[16];
        g_snprintf(s, sizeof s, "v%d", g_rand_int_range(rng, 0, n));
        g_snprintf(t, sizeof t, "v%d", g_rand_int_range(rng, 0, n));
        test_add_tie(net, s, t, g_rand_boolean(rng) ? "reported_to" : "colleague");
    }
    return net;
}

/* sg_masked_betweenness against igraph_betweenness on the subgraph of the live edges (the independent
 * implementation), on random graphs of every density, directed and undirected, with random masks. */
static void test_masked_matches_igraph(void)
{
    GRand *rng = g_rand_new_with_seed(20261203);
    static const int shapes[][2] = {{1, 0}, {2, 1}, {5, 3}, {20, 15}, {30, 60}, {40, 200}, {60, 90}, {25, 600}};
    for (size_t sh = 0; sh < G_N_ELEMENTS(shapes); sh++)
        for (int directed = 0; directed < 2; directed++) {
            sg_network *net = random_network(rng, shapes[sh][0], shapes[sh][1]);
            sg_reading r;
            sg_reading_init(&r);
            r.direction = directed ? SG_DIRECTION_DIRECTED : SG_DIRECTION_UNDIRECTED;
            sg_graph g;
            g_assert_cmpint(sg_graph_build(&g, net, &r), ==, IGRAPH_SUCCESS);
            sg_masked_graph mg;
            g_assert_cmpint(sg_masked_graph_init(&mg, &g), ==, IGRAPH_SUCCESS);
            igraph_integer_t m = igraph_ecount(&g.graph);
            bool *alive = g_new(bool, m + 1);
            igraph_vector_t ours, theirs;
            igraph_vector_init(&ours, 0);
            igraph_vector_init(&theirs, 0);
            for (int trial = 0; trial < 20; trial++) {
                double keep = trial == 0 ? 1.0 : g_rand_double(rng);
                igraph_vector_int_t live;
                igraph_vector_int_init(&live, 0);
                for (igraph_integer_t e = 0; e < m; e++) {
                    alive[e] = g_rand_double(rng) < keep;
                    if (alive[e])
                        igraph_vector_int_push_back(&live, e);
                }
                igraph_t sub;
                g_assert_cmpint(igraph_subgraph_edges(&g.graph, &sub, igraph_ess_vector(&live), false), ==,
                                IGRAPH_SUCCESS);
                g_assert_cmpint(igraph_betweenness(&sub, &theirs, igraph_vss_all(), directed, NULL), ==,
                                IGRAPH_SUCCESS);
                g_assert_cmpint(sg_masked_betweenness(&mg, alive, &ours), ==, IGRAPH_SUCCESS);
                g_assert_cmpint(igraph_vector_size(&ours), ==, igraph_vector_size(&theirs));
                for (igraph_integer_t v = 0; v < igraph_vector_size(&ours); v++)
                    g_assert_cmpfloat_with_epsilon(VECTOR(ours)[v], VECTOR(theirs)[v],
                                                   1e-9 * (1 + fabs(VECTOR(theirs)[v])));
                igraph_destroy(&sub);
                igraph_vector_int_destroy(&live);
            }
            igraph_vector_destroy(&ours);
            igraph_vector_destroy(&theirs);
            g_free(alive);
            sg_masked_graph_destroy(&mg);
            sg_graph_destroy(&g);
            sg_network_unref(net);
        }
    g_rand_free(rng);
}

/* The streams: the same (seed, index) repeats its draws; draws lie in [0, 1); their mean over 10^5 draws
 * is within 4 standard errors (sqrt(1/12 / N)) of 1/2; neighbouring indices and seeds give other draws. */
static void test_streams(void)
{
    sg_stream a, b, c, d;
    sg_stream_init(&a, 7, 3);
    sg_stream_init(&b, 7, 3);
    sg_stream_init(&c, 7, 4);
    sg_stream_init(&d, 8, 3);
    double sum = 0;
    size_t same_c = 0, same_d = 0;
    const size_t n = 100000;
    for (size_t k = 0; k < n; k++) {
        double x = sg_stream_uniform(&a);
        g_assert_cmpfloat(x, ==, sg_stream_uniform(&b));
        g_assert_cmpfloat(x, >=, 0);
        g_assert_cmpfloat(x, <, 1);
        same_c += x == sg_stream_uniform(&c);
        same_d += x == sg_stream_uniform(&d);
        sum += x;
    }
    g_assert_cmpfloat(fabs(sum / n - 0.5), <, 4 * sqrt(1.0 / 12 / n));
    g_assert_cmpuint(same_c, ==, 0);
    g_assert_cmpuint(same_d, ==, 0);
}

/* Competition ranks by hand: 5, 3, 3, 1 give 1, 2, 2, 4; NaN is not ranked (0). */
static void test_competition_ranks(void)
{
    const double values[] = {3, 5, NAN, 1, 3};
    int rank[5];
    sg_competition_ranks(values, 5, rank);
    const int expected[] = {2, 1, 0, 4, 2};
    for (int i = 0; i < 5; i++)
        g_assert_cmpint(rank[i], ==, expected[i]);
}

static sg_robustness *run(sg_network *net, sg_robustness_options *o)
{
    sg_diag *diag = sg_diag_new();
    sg_robustness *res = sg_robustness_run(net, o, diag);
    g_assert_cmpuint(diag->errors, ==, 0);
    sg_diag_free(diag);
    g_assert_nonnull(res);
    return res;
}

/* With every confidence 1 and no hypothesis, every sample is the reading itself: the interval collapses
 * to the value (exactly: the same computation), the rank interval to the rank, P(top K) is 0 or 1. */
static void test_certain_network_collapses(void)
{
    sg_network *net = test_load_network("networks/florentine");
    for (size_t e = 0; e < net->n_edges; e++)
        g_assert_cmpfloat(net->edges[e].confidence, ==, 1);
    sg_robustness_options o;
    sg_robustness_options_init(&o);
    o.samples = 50;
    o.top_k = 3;
    for (int m = 0; m < 2; m++) {
        o.measure = m ? "closeness" : "betweenness"; /* the masked path and the general one */
        sg_robustness *res = run(net, &o);
        for (size_t u = 0; u < res->n_nodes; u++) {
            const sg_robust_node *node = &res->nodes[u];
            g_assert_cmpfloat(node->low, ==, node->value);
            g_assert_cmpfloat(node->high, ==, node->value);
            /* the mean and sd are floating sums of 50 equal values: equal to the last bits only */
            g_assert_cmpfloat_with_epsilon(node->mean, node->value, 1e-12 * (1 + node->value));
            g_assert_cmpfloat(node->sd, <=, 1e-12 * (1 + node->value));
            g_assert_cmpint(node->rank_low, ==, node->rank);
            g_assert_cmpint(node->rank_high, ==, node->rank);
            g_assert_true(node->p_top == 0 || node->p_top == 1);
            g_assert_cmpfloat(node->p_top, ==, node->rank <= 3 && node->value > 0 ? 1 : 0);
        }
        /* the Medici are first by betweenness (47.5, Padgett's data) and by closeness */
        g_assert_cmpstr(res->nodes[res->order[0]].id, ==, "medici");
        sg_robustness_free(res);
    }
    sg_network_unref(net);
}

/* The output depends on the seed only: the same for 1 and 3 processes, different for another seed. */
static void test_jobs_do_not_change_results(void)
{
    sg_network *net = test_load_network("networks/sorge");
    sg_robustness_options o;
    sg_robustness_options_init(&o);
    o.samples = 200;
    o.by_source = o.decisive = true;
    o.jobs = 1;
    sg_robustness *one = run(net, &o);
    o.jobs = 3;
    sg_robustness *three = run(net, &o);
    o.seed = 2;
    sg_robustness *other = run(net, &o);
    g_assert_cmpuint(one->n_nodes, ==, three->n_nodes);
    bool differs = false;
    for (size_t u = 0; u < one->n_nodes; u++) {
        g_assert_cmpstr(one->nodes[u].id, ==, three->nodes[u].id);
        g_assert_cmpfloat(one->nodes[u].mean, ==, three->nodes[u].mean);
        g_assert_cmpfloat(one->nodes[u].low, ==, three->nodes[u].low);
        g_assert_cmpfloat(one->nodes[u].high, ==, three->nodes[u].high);
        g_assert_cmpfloat(one->nodes[u].p_top, ==, three->nodes[u].p_top);
        g_assert_cmpuint(one->order[u], ==, three->order[u]);
        differs = differs || one->nodes[u].mean != other->nodes[u].mean;
    }
    g_assert_true(differs);
    g_assert_cmpuint(one->n_decisive, ==, three->n_decisive);
    for (size_t k = 0; k < one->n_decisive; k++)
        g_assert_cmpuint(one->decisive[k].tie, ==, three->decisive[k].tie);
    sg_robustness_free(one);
    sg_robustness_free(three);
    sg_robustness_free(other);
    sg_network_unref(net);
}

/* Errors: an unknown measure, an unknown --node, too many node-samples. */
static void test_errors(void)
{
    sg_network *net = test_load_network("networks/sorge");
    sg_robustness_options o;
    sg_robustness_options_init(&o);
    const char *problems[] = {"unknown measure", "unknown node 'nobody'", "node-samples"};
    for (int k = 0; k < 3; k++) {
        sg_robustness_options_init(&o);
        if (k == 0)
            o.measure = "fame";
        else if (k == 1)
            o.decisive_node = "nobody", o.decisive = true;
        else
            o.samples = SG_ROBUSTNESS_MAX_CELLS; /* times 68 nodes */
        sg_diag *diag = sg_diag_new();
        g_assert_null(sg_robustness_run(net, &o, diag));
        g_assert_cmpuint(diag->errors, >=, 1);
        g_assert_nonnull(strstr(diag->items[0].message, problems[k]));
        sg_diag_free(diag);
    }
    sg_network_unref(net);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    sg_igraph_install_handlers();
    g_test_add_func("/robustness/masked-matches-igraph", test_masked_matches_igraph);
    g_test_add_func("/robustness/streams", test_streams);
    g_test_add_func("/robustness/competition-ranks", test_competition_ranks);
    g_test_add_func("/robustness/certain-network-collapses", test_certain_network_collapses);
    g_test_add_func("/robustness/jobs-do-not-change-results", test_jobs_do_not_change_results);
    g_test_add_func("/robustness/errors", test_errors);
    return g_test_run();
}

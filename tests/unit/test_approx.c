/* test_approx.c: the sampled betweenness keeps Riondato and Kornaropoulos's promise against igraph's exact
 * values (igraph_betweenness) on graphs where exact is feasible, and its sample count by hand. */
#include <glib.h>
#include <igraph.h>
#include <math.h>
#include <string.h>

#include "analysis/approx.h"

/* By hand: EPS 0.1, D 0.1, VD 10: 50 x (floor(log2 8) + 1 + ln 10) = 50 x (3 + 1 + 2.302585) = 315.13 -> 316. */
static void test_samples(void)
{
    g_assert_cmpfloat(sg_approx_samples(0.1, 0.1, 10), ==, 316);
    g_assert_cmpfloat(sg_approx_samples(0.1, 0.1, 2), ==, 0);
    /* EPS 1e-12, D 0.1, VD 10: 5e23 x 6.302585 = 3.15e24 samples, past any count a run can take: refused when
     * sampling is all that is allowed (test_exact_when_cheaper: else the exact values) */
    g_assert_cmpfloat(fabs(sg_approx_samples(1e-12, 0.1, 10) - 3.1513e24) / 3.1513e24, <, 1e-4);
    igraph_t g;
    igraph_ring(&g, 10, false, false, false);
    igraph_vector_t est;
    igraph_vector_init(&est, 0);
    sg_approx_info info;
    igraph_error_handler_t *old = igraph_set_error_handler(igraph_error_handler_ignore);
    g_assert_cmpint(sg_betweenness_approx(&g, 1e-12, 0.1, 1, 1, false, &est, &info), ==, IGRAPH_EINVAL);
    g_assert_cmpint(sg_betweenness_approx(&g, 1e-300, 0.1, 1, 1, false, &est, &info), ==, IGRAPH_EINVAL);
    igraph_set_error_handler(old);
    igraph_vector_destroy(&est);
    igraph_destroy(&g);
}

/* The largest error, over the vertices, of the estimate normalized by n(n - 1) ordered pairs. */
static double worst_error(const igraph_t *g, const igraph_vector_t *exact, const igraph_vector_t *est)
{
    double n = (double)igraph_vcount(g), pairs = n * (n - 1) / (igraph_is_directed(g) ? 1.0 : 2.0), worst = 0;
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
        worst = MAX(worst, fabs(VECTOR(*exact)[v] - VECTOR(*est)[v]) / pairs);
    return worst;
}

/* On each graph, RUNS seeded estimates at EPS 0.05, D 0.1: the promise is that at least 90% of them are
 * within EPS for every vertex at once (in practice the bound is loose and all are). */
static void test_guarantee(void)
{
    igraph_rng_seed(igraph_rng_default(), 7);
    const double eps = 0.05, delta = 0.1;
    const int runs = 20;
    for (int shape = 0; shape < 7; shape++) {
        igraph_t g;
        switch (shape) {
        case 0: igraph_barabasi_game(&g, 150, 1, 2, NULL, true, 1, false, IGRAPH_BARABASI_PSUMTREE, NULL); break;
        case 1: igraph_erdos_renyi_game_gnm(&g, 150, 400, false, false); break;
        case 2: igraph_star(&g, 60, IGRAPH_STAR_UNDIRECTED, 0); break;
        case 3: igraph_erdos_renyi_game_gnm(&g, 120, 500, true, false); break; /* directed */
        case 4: igraph_erdos_renyi_game_gnm(&g, 150, 120, false, false); break; /* disconnected */
        case 5: { /* a 12 x 12 grid: many shortest paths per pair, met in the middle */
            igraph_vector_int_t dims;
            igraph_vector_int_init_int(&dims, 2, 12, 12);
            igraph_square_lattice(&g, &dims, 1, false, false, NULL);
            igraph_vector_int_destroy(&dims);
            break;
        }
        default: { /* a multigraph: a ring of 40 with every third edge doubled, and chords */
            igraph_ring(&g, 40, false, false, true);
            igraph_vector_int_t extra;
            igraph_vector_int_init(&extra, 0);
            for (int v = 0; v < 40; v += 3)
                igraph_vector_int_push_back(&extra, v), igraph_vector_int_push_back(&extra, (v + 1) % 40);
            for (int v = 0; v < 40; v += 7)
                igraph_vector_int_push_back(&extra, v), igraph_vector_int_push_back(&extra, (v + 13) % 40);
            igraph_add_edges(&g, &extra, NULL);
            igraph_vector_int_destroy(&extra);
            break;
        }
        }
        igraph_vector_t exact, est;
        igraph_vector_init(&exact, 0);
        igraph_vector_init(&est, 0);
        igraph_betweenness(&g, &exact, igraph_vss_all(), igraph_is_directed(&g), NULL);
        int within = 0;
        for (int run = 0; run < runs; run++) {
            sg_approx_info info;
            g_assert_cmpint(sg_betweenness_approx(&g, eps, delta, (uint64_t)run + 1, 1, false, &est, &info), ==, IGRAPH_SUCCESS);
            g_assert_cmpfloat((double)info.samples, ==, sg_approx_samples(eps, delta, info.vertex_diameter));
            within += worst_error(&g, &exact, &est) <= eps;
        }
        if (within < (int)ceil((1 - delta) * runs))
            g_error("shape %d: %d of %d runs within %g", shape, within, runs, eps);
        /* the same seed gives the same estimate */
        igraph_vector_t again;
        igraph_vector_init(&again, 0);
        sg_approx_info info;
        sg_betweenness_approx(&g, eps, delta, 5, 1, false, &est, &info);
        sg_betweenness_approx(&g, eps, delta, 5, 1, false, &again, &info);
        g_assert_true(igraph_vector_all_e(&est, &again));
        igraph_vector_destroy(&again);
        igraph_vector_destroy(&exact);
        igraph_vector_destroy(&est);
        igraph_destroy(&g);
    }
}

/* A star's centre lies on every path between two leaves: its estimate converges on the exact value. */
static void test_star_centre(void)
{
    igraph_t g;
    igraph_star(&g, 30, IGRAPH_STAR_UNDIRECTED, 0);
    igraph_vector_t est;
    igraph_vector_init(&est, 0);
    sg_approx_info info;
    g_assert_cmpint(sg_betweenness_approx(&g, 0.01, 0.01, 3, 1, false, &est, &info), ==, IGRAPH_SUCCESS);
    double exact = 29.0 * 28.0 / 2.0; /* C(29, 2) pairs of leaves, by hand */
    double n = 30, pairs = n * (n - 1) / 2;
    g_assert_cmpfloat(fabs(VECTOR(est)[0] - exact) / pairs, <=, 0.01);
    for (int v = 1; v < 30; v++)
        g_assert_cmpfloat(VECTOR(est)[v], ==, 0);
    igraph_vector_destroy(&est);
    igraph_destroy(&g);
}

/* The vertex-diameter bound, by hand: a path of 10 vertices seen from its end has eccentricity 9, so 2 x 9 + 1
 * = 19, but no path has more than its 10 vertices; a directed graph's bound is its largest weak component. */
static void test_vertex_diameter(void)
{
    igraph_t g;
    igraph_ring(&g, 10, false, false, false);
    igraph_vector_t est;
    igraph_vector_init(&est, 0);
    sg_approx_info info;
    g_assert_cmpint(sg_betweenness_approx(&g, 0.1, 0.1, 1, 1, false, &est, &info), ==, IGRAPH_SUCCESS);
    g_assert_cmpfloat(info.vertex_diameter, ==, 10);
    igraph_destroy(&g);
    /* a star of 7 seen from its leaf 0: eccentricity 2, bound 5; a path of 3 beside it: bound 3 */
    igraph_small(&g, 10, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 1, 3, 1, 4, 1, 5, 1, 6, 7, 8, 8, 9, -1); /* centre 1 */
    g_assert_cmpint(sg_betweenness_approx(&g, 0.1, 0.1, 1, 1, false, &est, &info), ==, IGRAPH_SUCCESS);
    g_assert_cmpfloat(info.vertex_diameter, ==, 5);
    igraph_destroy(&g);
    igraph_small(&g, 7, IGRAPH_DIRECTED, 0, 1, 1, 2, 3, 2, 4, 5, -1);
    g_assert_cmpint(sg_betweenness_approx(&g, 0.1, 0.1, 1, 1, false, &est, &info), ==, IGRAPH_SUCCESS);
    g_assert_cmpfloat(info.vertex_diameter, ==, 4);
    igraph_vector_destroy(&est);
    igraph_destroy(&g);
}

/* The samples split across forked workers add up to exactly the same estimate as in one process. */
static void test_parts(void)
{
    igraph_t g;
    igraph_rng_seed(igraph_rng_default(), 7);
    igraph_erdos_renyi_game_gnm(&g, 3000, 9000, false, false);
    igraph_vector_t one, three;
    igraph_vector_init(&one, 0);
    igraph_vector_init(&three, 0);
    sg_approx_info info;
    g_assert_cmpint(sg_betweenness_approx(&g, 0.05, 0.1, 9, 1, false, &one, &info), ==, IGRAPH_SUCCESS);
    g_assert_cmpfloat((double)info.samples * (3000 + 9000), >=, 1e7); /* large enough to be split */
    g_assert_cmpint(sg_betweenness_approx(&g, 0.05, 0.1, 9, 3, false, &three, &info), ==, IGRAPH_SUCCESS);
    g_assert_true(memcmp(VECTOR(one), VECTOR(three), sizeof(double) * 3000) == 0);
    igraph_vector_destroy(&one);
    igraph_vector_destroy(&three);
    igraph_destroy(&g);
}

/* The path drawn between a pair is uniform among its shortest paths: on a graph where u reaches v by two
 * shortest paths through a and one through b (u-a-c1-v, u-a-c2-v, u-b-d-v), a path choice that favoured
 * the meeting vertex or the branch without weighting by path counts would move a's and b's share of the
 * u-v pair from 2/3 and 1/3 by 1/6 of a pair (0.006 normalized, 28 pairs); at EPS 0.002 every vertex stays
 * within 0.002 of igraph's exact value. */
static void test_uniform_path(void)
{
    igraph_t g;
    /* u 0, a 1, b 2, c1 3, c2 4, d 5, v 6, and a tail 7 beyond v */
    igraph_small(&g, 8, IGRAPH_UNDIRECTED, 0, 1, 0, 2, 1, 3, 1, 4, 3, 6, 4, 6, 2, 5, 5, 6, 6, 7, -1);
    for (int directed = 0; directed < 2; directed++) {
        if (directed)
            igraph_to_directed(&g, IGRAPH_TO_DIRECTED_ACYCLIC); /* arcs from the smaller id: u to v */
        igraph_vector_t exact, est;
        igraph_vector_init(&exact, 0);
        igraph_vector_init(&est, 0);
        igraph_betweenness(&g, &exact, igraph_vss_all(), directed, NULL);
        sg_approx_info info;
        g_assert_cmpint(sg_betweenness_approx(&g, 0.002, 0.1, 11, 1, false, &est, &info), ==, IGRAPH_SUCCESS);
        double pairs = 8.0 * 7.0 / (directed ? 1.0 : 2.0);
        for (int v = 0; v < 8; v++)
            g_assert_cmpfloat(fabs(VECTOR(est)[v] - VECTOR(exact)[v]) / pairs, <=, 0.002);
        igraph_vector_destroy(&exact);
        igraph_vector_destroy(&est);
    }
    igraph_destroy(&g);
}

/* With ALLOW_EXACT, sampling gives way to the exact values only when it would cost more. On G(2000, 10000)
 * (average degree 10), Brandes scans about n (2 x 2m + n) = 2000 x 42,000 = 8.4e7 arcs. EPS 0.2 needs fewer
 * samples than nodes (12.5 x (floor(log2(VD - 2)) + 1 + ln 10), about 100): sampled, no pilot. EPS 0.02
 * needs about 7,900: a sample would have to scan over 10,000 arcs to cost more, and the two searches meet
 * after about two levels each (distances about log 2000 / log 10 = 3.3), a few thousand arcs at most:
 * sampled. EPS 1e-6 needs about 3e12 samples, more than 8.4e7 even at one arc each: exact, nothing
 * sampled, RES untouched. EPS 1e-300 needs more than a number holds: exact. */
static void test_exact_when_cheaper(void)
{
    igraph_t g;
    igraph_rng_seed(igraph_rng_default(), 3);
    igraph_erdos_renyi_game_gnm(&g, 2000, 10000, false, false);
    igraph_vector_t est;
    igraph_vector_init(&est, 0);
    sg_approx_info info;
    g_assert_cmpint(sg_betweenness_approx(&g, 0.2, 0.1, 1, 1, true, &est, &info), ==, IGRAPH_SUCCESS);
    g_assert_false(info.exact);
    g_assert_cmpfloat(info.needed, <, 2000);
    g_assert_cmpfloat((double)info.samples, ==, info.needed);
    g_assert_cmpint(igraph_vector_size(&est), ==, 2000);
    g_assert_cmpint(sg_betweenness_approx(&g, 0.02, 0.1, 1, 1, true, &est, &info), ==, IGRAPH_SUCCESS);
    g_assert_false(info.exact);
    g_assert_cmpfloat(info.needed, >=, 2000); /* the pilot decided */
    g_assert_cmpfloat((double)info.samples, ==, sg_approx_samples(0.02, 0.1, info.vertex_diameter));
    igraph_vector_resize(&est, 0);
    g_assert_cmpint(sg_betweenness_approx(&g, 1e-6, 0.1, 1, 1, true, &est, &info), ==, IGRAPH_SUCCESS);
    g_assert_true(info.exact);
    g_assert_cmpuint(info.samples, ==, 0);
    g_assert_cmpfloat(info.needed, ==, sg_approx_samples(1e-6, 0.1, info.vertex_diameter));
    g_assert_cmpint(igraph_vector_size(&est), ==, 0); /* left for the exact values */
    g_assert_cmpint(sg_betweenness_approx(&g, 1e-300, 0.1, 1, 1, true, &est, &info), ==, IGRAPH_SUCCESS);
    g_assert_true(info.exact);
    g_assert_true(isinf(info.needed));
    igraph_vector_destroy(&est);
    igraph_destroy(&g);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/approx/samples", test_samples);
    g_test_add_func("/approx/guarantee", test_guarantee);
    g_test_add_func("/approx/star", test_star_centre);
    g_test_add_func("/approx/vertex-diameter", test_vertex_diameter);
    g_test_add_func("/approx/parts", test_parts);
    g_test_add_func("/approx/uniform-path", test_uniform_path);
    g_test_add_func("/approx/exact-when-cheaper", test_exact_when_cheaper);
    return g_test_run();
}

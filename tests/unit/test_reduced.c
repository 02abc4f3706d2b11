/* test_reduced.c: the block-by-block betweenness against igraph's Brandes (igraph_betweenness) on generated
 * graphs of every shape, and a hand count. */
#include <glib.h>
#include <igraph.h>
#include <math.h>

#include "analysis/reduced.h"

/* The reduced betweenness of G (LENGTHS or NULL) summed over PARTS parts. */
static void reduced(const igraph_t *g, const igraph_vector_t *lengths, int parts, igraph_vector_t *out)
{
    sg_blocks bl;
    g_assert_cmpint(sg_blocks_init(&bl, g), ==, IGRAPH_SUCCESS);
    igraph_vector_t part;
    igraph_vector_init(&part, 0);
    igraph_vector_resize(out, igraph_vcount(g));
    igraph_vector_null(out);
    for (int p = 0; p < parts; p++) {
        g_assert_cmpint(sg_betweenness_reduced_part(g, lengths, &bl, p, parts, &part), ==, IGRAPH_SUCCESS);
        igraph_vector_add(out, &part);
    }
    igraph_vector_destroy(&part);
    sg_blocks_destroy(&bl);
}

/* Asserts that the reduced betweenness of G equals igraph's within 1e-9 relative (absolute below 1). */
static void check_against_igraph(const char *what, const igraph_t *g, const igraph_vector_t *lengths)
{
    igraph_vector_t want, got;
    igraph_vector_init(&want, 0);
    igraph_vector_init(&got, 0);
    g_assert_cmpint(igraph_betweenness(g, &want, igraph_vss_all(), false, lengths), ==, IGRAPH_SUCCESS);
    for (int parts = 1; parts <= 3; parts += 2) {
        reduced(g, lengths, parts, &got);
        for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
            double a = VECTOR(want)[v], b = VECTOR(got)[v];
            if (fabs(a - b) > 1e-9 * MAX(1.0, fabs(a)))
                g_error("%s, %d parts: vertex %" IGRAPH_PRId ": igraph %.17g, reduced %.17g", what, parts, v, a, b);
        }
    }
    igraph_vector_destroy(&want);
    igraph_vector_destroy(&got);
}

/* Hand count: the path 0-1-2-3 and a triangle 3-4-5: 1 lies between 0 and {2,3,4,5} (4 pairs), 2 between
 * {0,1} and {3,4,5} (6), 3 between {0,1,2} and {4,5} (6); 4 and 5 between no pair (each pair of the
 * triangle is joined directly). */
static void test_hand(void)
{
    igraph_t g;
    igraph_small(&g, 6, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 3, -1);
    igraph_vector_t got;
    igraph_vector_init(&got, 0);
    reduced(&g, NULL, 1, &got);
    const double want[] = {0, 4, 6, 6, 0, 0};
    for (int v = 0; v < 6; v++)
        g_assert_cmpfloat_with_epsilon(VECTOR(got)[v], want[v], 1e-12);
    igraph_vector_destroy(&got);
    igraph_destroy(&g);
}

/* Random lengths in [1, 5] (integers: many equal paths), or in (0.5, 3) (reals). */
static void random_lengths(const igraph_t *g, igraph_vector_t *lengths, bool integer)
{
    igraph_vector_init(lengths, igraph_ecount(g));
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
        VECTOR(*lengths)[e] = integer ? (double)RNG_INTEGER(1, 5) : RNG_UNIF(0.5, 3.0);
}

/* Every shape, unweighted and with both kinds of lengths. */
static void test_shapes(void)
{
    igraph_rng_seed(igraph_rng_default(), 42);
    for (int shape = 0; shape < 9; shape++) {
        igraph_t g;
        const char *what;
        switch (shape) {
        case 0: what = "tree"; igraph_kary_tree(&g, 60, 3, IGRAPH_TREE_UNDIRECTED); break;
        case 1: what = "star"; igraph_star(&g, 40, IGRAPH_STAR_UNDIRECTED, 0); break;
        case 2: {
            what = "grid";
            igraph_vector_int_t dims;
            igraph_vector_int_init_int(&dims, 2, 7, 6);
            igraph_square_lattice(&g, &dims, 1, IGRAPH_UNDIRECTED, false, NULL);
            igraph_vector_int_destroy(&dims);
            break;
        }
        case 3: what = "Barabasi-Albert m=1"; igraph_barabasi_game(&g, 200, 1, 1, NULL, true, 1, false, IGRAPH_BARABASI_PSUMTREE, NULL); break;
        case 4: {
            what = "Barabasi-Albert m=1 plus 20% random ties";
            igraph_barabasi_game(&g, 200, 1, 1, NULL, true, 1, false, IGRAPH_BARABASI_PSUMTREE, NULL);
            igraph_vector_int_t extra;
            igraph_vector_int_init(&extra, 0);
            for (int k = 0; k < 40; k++) {
                igraph_integer_t a = RNG_INTEGER(0, 199), b = RNG_INTEGER(0, 199);
                if (a != b) {
                    igraph_vector_int_push_back(&extra, a);
                    igraph_vector_int_push_back(&extra, b);
                }
            }
            igraph_add_edges(&g, &extra, NULL);
            igraph_vector_int_destroy(&extra);
            igraph_simplify(&g, true, true, NULL);
            break;
        }
        case 5: what = "uniform random"; igraph_erdos_renyi_game_gnm(&g, 150, 400, false, false); break;
        case 6: what = "sparse random, disconnected"; igraph_erdos_renyi_game_gnm(&g, 150, 120, false, false); break;
        case 7: what = "ring"; igraph_ring(&g, 30, IGRAPH_UNDIRECTED, false, true); break;
        default: what = "no edges"; igraph_empty(&g, 5, IGRAPH_UNDIRECTED); break;
        }
        check_against_igraph(what, &g, NULL);
        for (int integer = 0; integer <= 1; integer++) {
            igraph_vector_t lengths;
            random_lengths(&g, &lengths, integer);
            check_against_igraph(what, &g, &lengths);
            igraph_vector_destroy(&lengths);
        }
        igraph_destroy(&g);
    }
}

/* A multigraph: parallel edges are distinct shortest paths for igraph, and so here. */
static void test_multigraph(void)
{
    igraph_t g;
    igraph_small(&g, 5, IGRAPH_UNDIRECTED, 0, 1, 0, 1, 1, 2, 2, 3, 3, 1, 3, 4, 3, 4, -1);
    check_against_igraph("multigraph", &g, NULL);
    igraph_destroy(&g);
}

static void test_directed_refused(void)
{
    igraph_t g;
    igraph_small(&g, 3, IGRAPH_DIRECTED, 0, 1, 1, 2, -1);
    sg_blocks bl;
    g_assert_cmpint(sg_blocks_init(&bl, &g), ==, IGRAPH_SUCCESS);
    igraph_vector_t res;
    igraph_vector_init(&res, 0);
    igraph_error_handler_t *old = igraph_set_error_handler(igraph_error_handler_ignore);
    g_assert_cmpint(sg_betweenness_reduced_part(&g, NULL, &bl, 0, 1, &res), ==, IGRAPH_EINVAL);
    igraph_set_error_handler(old);
    igraph_vector_destroy(&res);
    sg_blocks_destroy(&bl);
    igraph_destroy(&g);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/reduced/hand", test_hand);
    g_test_add_func("/reduced/shapes", test_shapes);
    g_test_add_func("/reduced/multigraph", test_multigraph);
    g_test_add_func("/reduced/directed", test_directed_refused);
    return g_test_run();
}

/* test_paths.c: unit tests of routes, reach and cuts on hand-worked graphs and on the Sorge set (expected
 * values worked out by hand or computed once with NetworkX 3.6.1 by tests/unit/paths_reference.py). */
#include <glib.h>
#include <string.h>

#include "spygraph/loader.h"
#include "spygraph/paths.h"
#include "testdata.h"

static int node(const sg_network *net, const char *id)
{
    int i = sg_network_find_node(net, id);
    g_assert_cmpint(i, >=, 0);
    return i;
}

/* "a b d e" for a path. */
static char *nodes_text(const sg_network *net, const sg_path *p)
{
    GString *s = g_string_new(net->nodes[p->hops[0].from].id);
    for (size_t h = 0; h < p->n_hops; h++)
        g_string_append_printf(s, " %s", net->nodes[p->hops[h].to].id);
    return g_string_free(s, FALSE);
}

static void assert_path(const sg_network *net, const sg_path *p, const char *expected)
{
    char *got = nodes_text(net, p);
    g_assert_cmpstr(got, ==, expected);
    g_free(got);
}

/* Builds G from NET read in DIRECTION, with confidence weights when CONFIDENCE (as paths --most-reliable). */
static void build(sg_graph *g, const sg_network *net, sg_direction direction, bool confidence)
{
    sg_reading r;
    sg_reading_init(&r);
    r.direction = direction;
    r.weights = confidence ? SG_WEIGHTS_CONFIDENCE : SG_WEIGHTS_NONE;
    g_assert_cmpint(sg_graph_build(g, net, &r), ==, IGRAPH_SUCCESS);
}

/* Runs query Q (ends given by id) on NET read in DIRECTION. */
static sg_path_list find(sg_network *net, sg_direction direction, const char *from, const char *to, sg_path_query q)
{
    sg_graph lg;
    q.from = node(net, from);
    q.to = node(net, to);
    if (!q.limit)
        q.limit = 20;
    build(&lg, net, direction, q.most_reliable);
    sg_path_list list;
    g_assert_cmpint(sg_paths_find(net, &lg, &q, &list), ==, IGRAPH_SUCCESS);
    sg_graph_destroy(&lg);
    return list;
}

static long first_day(const char *text)
{
    sg_date d;
    const char *why;
    g_assert_true(sg_date_parse(text, &d, &why));
    return sg_date_first_day(d);
}

/* Diamond a-b-d-e / a-c-d-e with two b-d ties, a self-loop on a and a separate pair g-h: two shortest
 * paths of 3 hops (by hand; NetworkX all_shortest_paths agrees); the parallel ties are one hop with
 * both ties as evidence. */
static void test_all_shortest_equal_length(void)
{
    sg_network *net = test_load_network("tests/data/good/paths-diamond.csv");
    sg_path_list list = find(net, SG_DIRECTION_UNDIRECTED, "a", "e", (sg_path_query){0});
    g_assert_cmpuint(list.count, ==, 2);
    g_assert_cmpuint(list.found, ==, 2);
    assert_path(net, &list.paths[0], "a b d e");
    assert_path(net, &list.paths[1], "a c d e");
    g_assert_cmpuint(list.paths[0].hops[1].n_ties, ==, 2); /* b-d: two parallel ties */
    g_assert_cmpfloat_with_epsilon(list.paths[0].reliability, 0.9 * 1.0 * 0.9, 1e-12);
    g_assert_cmpfloat_with_epsilon(list.paths[1].reliability, 0.5 * 1.0 * 0.9, 1e-12);
    sg_path_list_free(&list);
    list = find(net, SG_DIRECTION_UNDIRECTED, "a", "e", (sg_path_query){.limit = 1});
    g_assert_cmpuint(list.count, ==, 1);
    g_assert_cmpuint(list.found, ==, 2);
    sg_path_list_free(&list);
    sg_network_unref(net);
}

/* A 12 x 12 grid (paths-grid.csv): C(22, 11) = 705432 fewest-hop paths join opposite corners, and
 * C(6, 3) = 20 join v0_0 to v3_3 (binomial coefficients: choose which of the steps go down). The first
 * count is too many to build, so only LIMIT paths are listed, of the right length. */
static void test_count_many_shortest(void)
{
    sg_network *net = test_load_network("tests/data/good/paths-grid.csv");
    sg_path_list list = find(net, SG_DIRECTION_UNDIRECTED, "v0_0", "v11_11", (sg_path_query){.limit = 5});
    g_assert_cmpuint(list.found, ==, 705432);
    g_assert_cmpuint(list.count, ==, 5);
    for (size_t i = 0; i < list.count; i++)
        g_assert_cmpuint(list.paths[i].n_hops, ==, 22);
    sg_path_list_free(&list);
    list = find(net, SG_DIRECTION_UNDIRECTED, "v0_0", "v3_3", (sg_path_query){.limit = 100});
    g_assert_cmpuint(list.found, ==, 20);
    g_assert_cmpuint(list.count, ==, 20);
    sg_path_list_free(&list);
    sg_network_unref(net);
}

/* Only two simple paths join a and e (NetworkX shortest_simple_paths lists two): asking for 4 gives 2. */
static void test_k_shortest(void)
{
    sg_network *net = test_load_network("tests/data/good/paths-diamond.csv");
    sg_path_list list = find(net, SG_DIRECTION_UNDIRECTED, "a", "e", (sg_path_query){.k = 4});
    g_assert_cmpuint(list.count, ==, 2);
    g_assert_cmpuint(list.paths[0].n_hops, ==, 3);
    g_assert_cmpuint(list.paths[1].n_hops, ==, 3);
    sg_path_list_free(&list);
    sg_network_unref(net);
}

static void test_disconnected_and_direction(void)
{
    sg_network *net = test_load_network("tests/data/good/paths-diamond.csv");
    sg_path_list list = find(net, SG_DIRECTION_UNDIRECTED, "a", "g", (sg_path_query){0});
    g_assert_cmpuint(list.count, ==, 0); /* g-h is a component of its own */
    sg_path_list_free(&list);
    /* e recruited f: directed, a reaches f but f reaches nothing (NetworkX has_path agrees). */
    list = find(net, SG_DIRECTION_DIRECTED, "a", "f", (sg_path_query){0});
    g_assert_cmpuint(list.count, ==, 2);
    g_assert_cmpuint(list.paths[0].n_hops, ==, 4);
    sg_path_list_free(&list);
    list = find(net, SG_DIRECTION_DIRECTED, "f", "a", (sg_path_query){0});
    g_assert_cmpuint(list.count, ==, 0);
    sg_path_list_free(&list);
    list = find(net, SG_DIRECTION_DIRECTED, "f", "a", (sg_path_query){.time_respecting = true});
    g_assert_cmpuint(list.count, ==, 0);
    sg_path_list_free(&list);
    sg_network_unref(net);
}

/* a-b-d-e: 0.9 * max(0.8, 1) * 0.9 = 0.81 beats a-c-d-e: 0.5 * 1 * 0.9 = 0.45 (by hand). */
static void test_most_reliable(void)
{
    sg_network *net = test_load_network("tests/data/good/paths-diamond.csv");
    sg_path_list list = find(net, SG_DIRECTION_UNDIRECTED, "a", "e", (sg_path_query){.most_reliable = true});
    g_assert_cmpuint(list.count, ==, 1);
    assert_path(net, &list.paths[0], "a b d e");
    g_assert_cmpfloat_with_epsilon(list.paths[0].reliability, 0.81, 1e-12);
    sg_path_list_free(&list);
    list = find(net, SG_DIRECTION_UNDIRECTED, "a", "e", (sg_path_query){.most_reliable = true, .k = 2});
    g_assert_cmpuint(list.count, ==, 2);
    assert_path(net, &list.paths[1], "a c d e");
    sg_path_list_free(&list);
    sg_network_unref(net);
}

/* Reliability decides, hops only break ties (tests/data/good/paths-reliability.csv, by hand):
 * - s-x-y-t crosses three certain ties (reliability 1) and beats the direct s-t of 0.9999999, which a
 *   hop penalty of 1e-7 used to prefer;
 * - u-v (0.02) and u-p-v (0.1 x 0.2 = 0.02) are equally reliable, so the direct tie ranks first; in
 *   floating point -log 0.1 - log 0.2 is 4.4e-16 below -log 0.02, so Yen's algorithm yields u-p-v first
 *   and the search must go on past a candidate equal to the bound;
 * - i-k1-j (0.2 x 0.35) and i-k2-j (0.1 x 0.7) are both 0.07 and two hops (their -log sums differ by
 *   4.4e-16, i-k2-j lower): both are best, in node order. */
static void test_most_reliable_ties(void)
{
    sg_network *net = test_load_network("tests/data/good/paths-reliability.csv");
    sg_path_list list = find(net, SG_DIRECTION_UNDIRECTED, "s", "t", (sg_path_query){.most_reliable = true});
    g_assert_cmpuint(list.found, ==, 1);
    assert_path(net, &list.paths[0], "s x y t");
    g_assert_cmpfloat(list.paths[0].reliability, ==, 1.0);
    sg_path_list_free(&list);
    list = find(net, SG_DIRECTION_UNDIRECTED, "s", "t", (sg_path_query){.most_reliable = true, .k = 2});
    g_assert_cmpuint(list.count, ==, 2);
    assert_path(net, &list.paths[0], "s x y t");
    assert_path(net, &list.paths[1], "s t");
    g_assert_cmpfloat(list.paths[1].reliability, ==, 0.9999999);
    sg_path_list_free(&list);
    for (size_t k = 0; k <= 1; k++) {
        list = find(net, SG_DIRECTION_UNDIRECTED, "u", "v", (sg_path_query){.most_reliable = true, .k = k});
        g_assert_cmpuint(list.count, ==, 1);
        g_assert_cmpuint(list.found, ==, 1);
        assert_path(net, &list.paths[0], "u v");
        sg_path_list_free(&list);
    }
    list = find(net, SG_DIRECTION_UNDIRECTED, "u", "v", (sg_path_query){.most_reliable = true, .k = 2});
    g_assert_cmpuint(list.count, ==, 2);
    assert_path(net, &list.paths[0], "u v");
    assert_path(net, &list.paths[1], "u p v");
    sg_path_list_free(&list);
    list = find(net, SG_DIRECTION_UNDIRECTED, "i", "j", (sg_path_query){.most_reliable = true});
    g_assert_cmpuint(list.found, ==, 2);
    g_assert_cmpuint(list.count, ==, 2);
    assert_path(net, &list.paths[0], "i k1 j");
    assert_path(net, &list.paths[1], "i k2 j");
    sg_path_list_free(&list);
    sg_network_unref(net);
}

/* In the diamond, a-c (1932-1933) cannot be followed by c-d (1930-1931): only a-b-d-e is
 * time-respecting, with earliest days 1930-01-01, 1932-01-01, 1932-12-01 (by hand). */
static void test_time_respecting_diamond(void)
{
    sg_network *net = test_load_network("tests/data/good/paths-diamond.csv");
    sg_path_list list = find(net, SG_DIRECTION_UNDIRECTED, "a", "e", (sg_path_query){.time_respecting = true});
    g_assert_cmpuint(list.count, ==, 1);
    assert_path(net, &list.paths[0], "a b d e");
    g_assert_cmpint(list.paths[0].hops[0].earliest, ==, first_day("1930"));
    g_assert_cmpint(list.paths[0].hops[1].earliest, ==, first_day("1932"));
    g_assert_cmpint(list.paths[0].hops[2].earliest, ==, first_day("1932-12"));
    sg_path_list_free(&list);
    sg_network_unref(net);
}

/* The shortest paths s-x-t (1940 then 1932) and s-w-t (1932-12 then 1932-11) go back in time; the
 * only time-respecting path is s-y-z-t, where z-t dated 1932 follows y-z dated 1932-12..1933 because
 * the two periods overlap (by hand). */
static void test_time_respecting_longer(void)
{
    sg_network *net = test_load_network("tests/data/good/paths-time.csv");
    sg_path_list list = find(net, SG_DIRECTION_UNDIRECTED, "s", "t", (sg_path_query){0});
    g_assert_cmpuint(list.count, ==, 2);
    g_assert_cmpuint(list.paths[0].n_hops, ==, 2);
    sg_path_list_free(&list);
    list = find(net, SG_DIRECTION_UNDIRECTED, "s", "t", (sg_path_query){.time_respecting = true});
    g_assert_cmpuint(list.count, ==, 1);
    assert_path(net, &list.paths[0], "s y z t");
    g_assert_cmpint(list.paths[0].hops[2].earliest, ==, first_day("1932-12"));
    g_assert_false(list.capped);
    sg_path_list_free(&list);
    /* t-late ended in 1930, before any route reaches t (1932-12-01 at the earliest): connected, but no
     * time-respecting path (by hand). */
    list = find(net, SG_DIRECTION_UNDIRECTED, "s", "late", (sg_path_query){.time_respecting = true});
    g_assert_cmpuint(list.count, ==, 0);
    g_assert_false(list.capped);
    sg_path_list_free(&list);
    list = find(net, SG_DIRECTION_UNDIRECTED, "s", "late", (sg_path_query){0});
    g_assert_cmpuint(list.count, ==, 2);
    sg_path_list_free(&list);
    sg_network_unref(net);
}

/* s reaches t through m (from a, b) or n (from c1, c2): {m, n} is the only 2-node cut and {m-t, n-t}
 * the only 2-link cut (m-t has two ties, one link); t and u are articulation points; t-u, u-v and x-y
 * are bridges (by hand; NetworkX minimum_node_cut, minimum_edge_cut, articulation_points and bridges
 * agree). */
static void test_cut_hand(void)
{
    sg_network *net = test_load_network("tests/data/good/paths-cut.csv");
    sg_graph lg;
    build(&lg, net, SG_DIRECTION_UNDIRECTED, false);
    sg_cut cut;
    g_assert_cmpint(sg_cut_find(&lg, &lg, node(net, "s"), node(net, "t"), &cut), ==, IGRAPH_SUCCESS);
    g_assert_false(cut.adjacent);
    g_assert_true(cut.connected);
    g_assert_cmpint(cut.vertex_connectivity, ==, 2);
    g_assert_cmpint(VECTOR(cut.vertex_cut)[0], ==, node(net, "m"));
    g_assert_cmpint(VECTOR(cut.vertex_cut)[1], ==, node(net, "n"));
    g_assert_cmpint(cut.edge_connectivity, ==, 2);
    g_assert_cmpint(sg_graph_find_edge(&lg, node(net, "m"), node(net, "t")), ==, VECTOR(cut.edge_cut)[0]);
    g_assert_cmpint(sg_graph_find_edge(&lg, node(net, "n"), node(net, "t")), ==, VECTOR(cut.edge_cut)[1]);
    g_assert_cmpint(igraph_vector_int_size(&cut.articulation_points), ==, 2);
    g_assert_cmpint(VECTOR(cut.articulation_points)[0], ==, node(net, "t"));
    g_assert_cmpint(VECTOR(cut.articulation_points)[1], ==, node(net, "u"));
    g_assert_cmpint(igraph_vector_int_size(&cut.bridges), ==, 3);
    sg_cut_free(&cut);
    g_assert_cmpint(sg_cut_find(&lg, &lg, node(net, "s"), node(net, "a"), &cut), ==, IGRAPH_SUCCESS);
    g_assert_true(cut.adjacent);
    g_assert_cmpint(cut.vertex_connectivity, ==, -1);
    g_assert_cmpint(igraph_vector_int_size(&cut.vertex_cut), ==, 0);
    sg_cut_free(&cut);
    g_assert_cmpint(sg_cut_find(&lg, &lg, node(net, "s"), node(net, "x"), &cut), ==, IGRAPH_SUCCESS);
    g_assert_false(cut.connected);
    g_assert_cmpint(cut.vertex_connectivity, ==, 0);
    g_assert_cmpint(cut.edge_connectivity, ==, 0);
    sg_cut_free(&cut);
    sg_graph_destroy(&lg);
    sg_network_unref(net);
}

/* The Sorge set read in the direction of its ties, values from NetworkX (paths_reference.py). */
static void test_sorge_routes(void)
{
    sg_network *net = test_load_network("networks/sorge");
    sg_path_list list = find(net, SG_DIRECTION_DIRECTED, "ozaki", "stalin", (sg_path_query){0});
    g_assert_cmpuint(list.count, ==, 2);
    assert_path(net, &list.paths[0], "ozaki sorge gru stalin");
    assert_path(net, &list.paths[1], "ozaki sorge_ring gru stalin");
    sg_path_list_free(&list);
    /* The 12 shortest simple paths have 3, 3, 4, 4, 5, 5, 5, 5, 6, 6, 7, 7 hops, and the chapter's
     * radio route is among the 5-hop ones (NetworkX shortest_simple_paths, paths_reference.py). */
    static const size_t lengths[] = {3, 3, 4, 4, 5, 5, 5, 5, 6, 6, 7, 7};
    list = find(net, SG_DIRECTION_DIRECTED, "ozaki", "stalin", (sg_path_query){.k = 12});
    g_assert_cmpuint(list.count, ==, 12);
    bool chain = false;
    for (size_t i = 0; i < 12; i++) {
        g_assert_cmpuint(list.paths[i].n_hops, ==, lengths[i]);
        char *text = nodes_text(net, &list.paths[i]);
        chain = chain || strcmp(text, "ozaki sorge clausen wiesbaden gru stalin") == 0;
        g_free(text);
    }
    g_assert_true(chain);
    sg_path_list_free(&list);
    sg_network_unref(net);
}

static void test_sorge_cut(void)
{
    sg_network *net = test_load_network("networks/sorge");
    sg_graph lg, und;
    build(&lg, net, SG_DIRECTION_DIRECTED, false);
    build(&und, net, SG_DIRECTION_UNDIRECTED, false);
    sg_cut cut;
    g_assert_cmpint(sg_cut_find(&lg, &und, node(net, "ozaki"), node(net, "stalin"), &cut), ==, IGRAPH_SUCCESS);
    g_assert_cmpint(cut.vertex_connectivity, ==, 1); /* NetworkX minimum_node_cut: {gru} */
    g_assert_cmpint(VECTOR(cut.vertex_cut)[0], ==, node(net, "gru"));
    g_assert_cmpint(cut.edge_connectivity, ==, 2); /* NetworkX: gru->stalin, nkvd->stalin */
    g_assert_cmpint(igraph_vector_int_size(&cut.articulation_points), ==, 11);
    g_assert_cmpint(igraph_vector_int_size(&cut.bridges), ==, 11);
    sg_cut_free(&cut);
    g_assert_cmpint(sg_cut_find(&und, &und, node(net, "ozaki"), node(net, "stalin"), &cut), ==, IGRAPH_SUCCESS);
    g_assert_cmpint(cut.vertex_connectivity, ==, 5); /* NetworkX node_connectivity, undirected */
    g_assert_cmpint(cut.edge_connectivity, ==, 6);   /* NetworkX edge_connectivity, undirected */
    sg_cut_free(&cut);
    sg_graph_destroy(&und);
    sg_graph_destroy(&lg);
    sg_network_unref(net);
}

/* From Ozaki along the ties' direction: 21 nodes within 2 hops, 42 in all (NetworkX, paths_reference.py). */
static void test_sorge_reach(void)
{
    sg_network *net = test_load_network("networks/sorge");
    sg_graph lg;
    build(&lg, net, SG_DIRECTION_DIRECTED, false);
    sg_reach reach;
    g_assert_cmpint(sg_reach_find(&lg, net, node(net, "ozaki"), 2, &reach), ==, IGRAPH_SUCCESS);
    g_assert_cmpuint(reach.count, ==, 21);
    sg_reach_free(&reach);
    g_assert_cmpint(sg_reach_find(&lg, net, node(net, "ozaki"), 0, &reach), ==, IGRAPH_SUCCESS);
    g_assert_cmpuint(reach.count, ==, 42);
    for (size_t i = 0; i < reach.count; i++) {
        g_assert_cmpint(reach.nodes[i].route[0], ==, node(net, "ozaki"));
        g_assert_cmpint(reach.nodes[i].route[reach.nodes[i].hops], ==, reach.nodes[i].node);
        g_assert_true(i == 0 || reach.nodes[i - 1].hops <= reach.nodes[i].hops);
    }
    sg_reach_free(&reach);
    sg_graph_destroy(&lg);
    sg_network_unref(net);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/paths/all-shortest-equal-length", test_all_shortest_equal_length);
    g_test_add_func("/paths/k-shortest", test_k_shortest);
    g_test_add_func("/paths/count-many-shortest", test_count_many_shortest);
    g_test_add_func("/paths/disconnected-and-direction", test_disconnected_and_direction);
    g_test_add_func("/paths/most-reliable", test_most_reliable);
    g_test_add_func("/paths/most-reliable-ties", test_most_reliable_ties);
    g_test_add_func("/paths/time-respecting-diamond", test_time_respecting_diamond);
    g_test_add_func("/paths/time-respecting-longer", test_time_respecting_longer);
    g_test_add_func("/paths/cut-hand", test_cut_hand);
    g_test_add_func("/paths/sorge-routes", test_sorge_routes);
    g_test_add_func("/paths/sorge-cut", test_sorge_cut);
    g_test_add_func("/paths/sorge-reach", test_sorge_reach);
    return g_test_run();
}

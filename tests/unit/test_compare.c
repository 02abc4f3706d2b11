/* test_compare.c: unit tests of rank correlation and of the comparison of hypotheses (values worked out
 * by hand; the hand values were verified with a short Python script of our own, kept out of the
 * repository, computing tau-b from tie-group counts and rho as Pearson's r of average ranks, with NetworkX
 * 2.8 betweenness and shortest paths and python-igraph 0.10 diameters and mean distances). */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "spygraph/compare.h"
#include "spygraph/loader.h"
#include "testdata.h"

#define EPS 1e-6

/* ---- rank correlation ---- */

static void test_average_ranks(void)
{
    /* 5, 7, 5: the two fives share positions 1 and 2, so 1.5 each; seven is third. */
    const double values[] = {5, 7, 5};
    double ranks[3];
    sg_rank_average(values, 3, ranks);
    g_assert_cmpfloat_with_epsilon(ranks[0], 1.5, EPS);
    g_assert_cmpfloat_with_epsilon(ranks[1], 3.0, EPS);
    g_assert_cmpfloat_with_epsilon(ranks[2], 1.5, EPS);
}

static void test_reversed_order(void)
{
    /* Every one of the 10 pairs discordant: tau-b = -10/10 = -1; ranks reversed: rho = -1. */
    const double x[] = {1, 2, 3, 4, 5}, y[] = {5, 4, 3, 2, 1};
    g_assert_cmpfloat_with_epsilon(sg_kendall_tau_b(x, y, 5), -1.0, EPS);
    g_assert_cmpfloat_with_epsilon(sg_spearman_rho(x, y, 5), -1.0, EPS);
}

static void test_ties_in_one_variable(void)
{
    /* x = 1 2 2 3, y = 1 3 2 4. Of the 6 pairs, 5 are concordant and the one tied in x, (2, 2), is
     * neither: tau-b = 5 / sqrt(5 * 6) = 0.912871. Average ranks rx = 1 2.5 2.5 4, ry = 1 3 2 4, both
     * centred on 2.5: sxy = 4.5, sxx = 4.5, syy = 5, rho = 4.5 / sqrt(22.5) = 0.948683. */
    const double x[] = {1, 2, 2, 3}, y[] = {1, 3, 2, 4};
    g_assert_cmpfloat_with_epsilon(sg_kendall_tau_b(x, y, 4), 0.912871, EPS);
    g_assert_cmpfloat_with_epsilon(sg_spearman_rho(x, y, 4), 0.948683, EPS);
}

static void test_ties_in_both(void)
{
    /* x = 0 3 4 3 0, y = 0 3 0 3 0 (the betweenness of compare-mini's base and shortcut, below).
     * 4 concordant pairs, 2 discordant; 8 pairs untied in x, 6 untied in y: tau-b = 2 / sqrt(48) =
     * 0.288675. rx = 1.5 3.5 5 3.5 1.5, ry = 2 4.5 2 4.5 2, centred on 3: sxy = 2.5, sxx = 9, syy = 7.5,
     * rho = 2.5 / sqrt(67.5) = 0.304290. */
    const double x[] = {0, 3, 4, 3, 0}, y[] = {0, 3, 0, 3, 0};
    g_assert_cmpfloat_with_epsilon(sg_kendall_tau_b(x, y, 5), 0.288675, EPS);
    g_assert_cmpfloat_with_epsilon(sg_spearman_rho(x, y, 5), 0.304290, EPS);
    g_assert_cmpfloat_with_epsilon(sg_kendall_tau_b(y, x, 5), 0.288675, EPS); /* symmetric */
}

static void test_undefined(void)
{
    /* All of y tied: no pair is untied in y, so both coefficients are undefined. */
    const double x[] = {1, 2, 3}, y[] = {4, 4, 4};
    g_assert_true(isnan(sg_kendall_tau_b(x, y, 3)));
    g_assert_true(isnan(sg_spearman_rho(x, y, 3)));
    g_assert_true(isnan(sg_kendall_tau_b(x, x, 1)));
    g_assert_true(isnan(sg_spearman_rho(x, x, 0)));
}

/* Ties within SG_TIE_TOLERANCE (1e-9 relative), by hand: the eigenvector scores of two structurally
 * equivalent nodes, 0.08311330258330807 and 0.08311330258330808 (distinct doubles, 1.7e-16 apart), tie;
 * 1 and 1 + 2e-9 do not; zero ties only with zero. */
static void test_tolerant_ties(void)
{
    g_assert_true(0.08311330258330807 != 0.08311330258330808);
    g_assert_true(sg_values_tied(0.08311330258330807, 0.08311330258330808));
    g_assert_true(sg_values_tied(1, 1 + 0.5e-9));
    g_assert_false(sg_values_tied(1, 1 + 2e-9));
    g_assert_true(sg_values_tied(0, 0));
    g_assert_true(sg_values_tied(0.0, -0.0));
    g_assert_false(sg_values_tied(0, 1e-300));
    /* A chain 1, 1 + 0.6e-9, 1 + 1.2e-9: the second joins the first's group, the third is beyond
     * tolerance of the group's first value and starts its own; NaN stays. */
    const double chain[] = {1 + 1.2e-9, 5, NAN, 1 + 0.6e-9, 1};
    double snapped[5];
    sg_snap_ties(chain, 5, snapped);
    g_assert_cmpfloat(snapped[0], ==, 1 + 1.2e-9);
    g_assert_cmpfloat(snapped[1], ==, 5);
    g_assert_true(isnan(snapped[2]));
    g_assert_cmpfloat(snapped[3], ==, 1);
    g_assert_cmpfloat(snapped[4], ==, 1);
    /* x = e, e', 0.5, 0.01 with e, e' the two scores above (tied), y = 0.3 0.2 0.1 0: pair (0, 1) tied in
     * x; (0, 2) and (1, 2) discordant; (0, 3), (1, 3), (2, 3) concordant: tau-b = 1 / sqrt(5 x 6) =
     * 0.18257418583505536. rx = 2.5 2.5 4 1, ry = 4 3 2 1, centred on 2.5: sxy = 1.5, sxx = 4.5, syy = 5,
     * rho = 1.5 / sqrt(22.5) = 0.31622776601683794. (Exact comparison would give tau-b 0, rho 0.2.) */
    const double x[] = {0.08311330258330807, 0.08311330258330808, 0.5, 0.01}, y[] = {0.3, 0.2, 0.1, 0};
    g_assert_cmpfloat_with_epsilon(sg_kendall_tau_b(x, y, 4), 0.18257418583505536, 1e-15);
    g_assert_cmpfloat_with_epsilon(sg_spearman_rho(x, y, 4), 0.31622776601683794, 1e-15);
    g_assert_cmpfloat_with_epsilon(sg_kendall_tau_b(y, x, 4), 0.18257418583505536, 1e-15);
    double ranks[4];
    sg_rank_average(x, 4, ranks);
    g_assert_cmpfloat(ranks[0], ==, 2.5);
    g_assert_cmpfloat(ranks[1], ==, 2.5);
}

/* ---- the compare-mini network ----
 * base:     a - b - c - d - e (a chain, every tie `met`)
 * shortcut: adds b - d; changes a - b to confidence 0.5
 * split:    removes c - d; adds node f and the tie e - f
 * Betweenness by hand (pairs whose every shortest path runs through the node):
 *   base     a 0  b 3  c 4  d 3  e 0       ranks c 1, b d 2, a e 4
 *   shortcut a 0  b 3  c 0  d 3  e 0       ranks b d 1, a c e 3
 *   split    a 0  b 1  c 0  d 0  e 1  f 0  ranks b e 1, a c d f 3 */

static sg_network *load_mini(void)
{
    return test_load_network("tests/data/good/compare-mini");
}

static sg_comparison *compare_mini(sg_network *net, const char *from, const char *to)
{
    sg_compare_options opts;
    sg_compare_options_init(&opts);
    opts.top_k = 2;
    opts.path_from = from;
    opts.path_to = to;
    sg_diag *diag = sg_diag_new();
    sg_comparison *cmp = sg_compare(net, &opts, diag);
    g_assert_cmpuint(diag->errors, ==, 0);
    sg_diag_free(diag);
    g_assert_nonnull(cmp);
    return cmp;
}

static int node_of(const sg_comparison *cmp, const char *id)
{
    for (size_t i = 0; i < cmp->n_nodes; i++)
        if (strcmp(cmp->node_ids[i], id) == 0)
            return (int)i;
    g_assert_not_reached();
    return -1;
}

static const sg_compare_reading *reading_of(const sg_comparison *cmp, const char *id)
{
    int r = sg_comparison_find_reading(cmp, id);
    g_assert_cmpint(r, >=, 0);
    return &cmp->readings[r];
}

static void test_mini_changes(void)
{
    sg_network *net = load_mini();
    sg_comparison *cmp = compare_mini(net, NULL, NULL);
    g_assert_cmpuint(cmp->n_readings, ==, 3);
    g_assert_cmpstr(cmp->readings[0].id, ==, "base");
    g_assert_cmpuint(cmp->readings[0].n_changes, ==, 0);
    const sg_compare_reading *sc = reading_of(cmp, "shortcut"), *sp = reading_of(cmp, "split");
    g_assert_cmpstr(sc->citation, ==, "Invented memoir X (1960)");
    g_assert_cmpuint(sc->n_changes, ==, 2);
    g_assert_cmpint(sc->changes[0].op, ==, SG_PATCH_ADD_EDGE);
    g_assert_cmpstr(sc->changes[0].source, ==, "b");
    g_assert_cmpstr(sc->changes[0].target, ==, "d");
    g_assert_cmpstr(sc->changes[0].sources[0], ==, "memoir_x");
    g_assert_cmpint(sc->changes[1].op, ==, SG_PATCH_CHANGE_EDGE);
    g_assert_cmpstr(sc->changes[1].detail, ==, "confidence 1 -> 0.5"); /* edges.csv has a-b at 1 */
    g_assert_cmpint(sc->changes[1].origin.line, ==, 3);
    g_assert_cmpuint(sp->n_changes, ==, 3);
    g_assert_cmpint(sp->changes[0].op, ==, SG_PATCH_REMOVE_EDGE);
    g_assert_cmpstr(sp->changes[0].relation, ==, "met");
    g_assert_cmpint(sp->changes[1].op, ==, SG_PATCH_ADD_NODE);
    g_assert_cmpstr(sp->changes[1].node, ==, "f");
    g_assert_cmpstr(sp->changes[1].sources[0], ==, "file_y");
    sg_comparison_free(cmp);
    sg_network_unref(net);
}

static void test_mini_figures(void)
{
    sg_network *net = load_mini();
    sg_comparison *cmp = compare_mini(net, NULL, NULL);
    /* Chain of 5: 4 ties of 10 pairs; distances 1x4, 2x3, 3x2, 4x1 sum to 20 over 10 pairs; betweenness
     * centralization sum(4 - c) / ((n-1)^2 (n-2) / 2) = (4+1+0+1+4) / 24. */
    const sg_compare_figures *b = &cmp->readings[0].figures;
    g_assert_cmpuint(b->nodes, ==, 5);
    g_assert_cmpuint(b->ties, ==, 4);
    g_assert_cmpuint(b->components, ==, 1);
    g_assert_cmpfloat_with_epsilon(b->density, 0.4, EPS);
    g_assert_cmpfloat_with_epsilon(b->diameter, 4, EPS);
    g_assert_cmpfloat_with_epsilon(b->mean_distance, 2.0, EPS);
    g_assert_cmpfloat_with_epsilon(b->centralization, 10.0 / 24.0, EPS);
    /* Shortcut: 5 ties; a-e is 3 hops; distances sum to 16 over 10 pairs; (3+0+3+0+3) / 24. */
    const sg_compare_figures *s = &reading_of(cmp, "shortcut")->figures;
    g_assert_cmpuint(s->ties, ==, 5);
    g_assert_cmpfloat_with_epsilon(s->density, 0.5, EPS);
    g_assert_cmpfloat_with_epsilon(s->diameter, 3, EPS);
    g_assert_cmpfloat_with_epsilon(s->mean_distance, 1.6, EPS);
    g_assert_cmpfloat_with_epsilon(s->centralization, 9.0 / 24.0, EPS);
    /* Split: two chains of 3; 4 ties of 15 pairs; 6 connected pairs at 1, 1, 2 each side (8 / 6);
     * (1+0+1+1+0+1) / (25 * 4 / 2). */
    const sg_compare_figures *p = &reading_of(cmp, "split")->figures;
    g_assert_cmpuint(p->nodes, ==, 6);
    g_assert_cmpuint(p->ties, ==, 4);
    g_assert_cmpuint(p->components, ==, 2);
    g_assert_cmpfloat_with_epsilon(p->density, 4.0 / 15.0, EPS);
    g_assert_cmpfloat_with_epsilon(p->diameter, 2, EPS);
    g_assert_cmpfloat_with_epsilon(p->mean_distance, 8.0 / 6.0, EPS);
    g_assert_cmpfloat_with_epsilon(p->centralization, 4.0 / 50.0, EPS);
    sg_comparison_free(cmp);
    sg_network_unref(net);
}

static void test_mini_ranks(void)
{
    sg_network *net = load_mini();
    sg_comparison *cmp = compare_mini(net, NULL, NULL);
    const sg_compare_reading *base = &cmp->readings[0], *sc = reading_of(cmp, "shortcut"),
                             *sp = reading_of(cmp, "split");
    int a = node_of(cmp, "a"), b = node_of(cmp, "b"), c = node_of(cmp, "c"), d = node_of(cmp, "d"),
        e = node_of(cmp, "e"), f = node_of(cmp, "f");
    g_assert_cmpuint(cmp->n_nodes, ==, 6);
    g_assert_cmpfloat_with_epsilon(base->value[c], 4, EPS);
    g_assert_cmpint(base->rank[c], ==, 1);
    g_assert_cmpint(base->rank[b], ==, 2);
    g_assert_cmpint(base->rank[d], ==, 2);
    g_assert_cmpint(base->rank[e], ==, 4);
    g_assert_cmpint(base->rank[f], ==, 0);            /* absent from the base */
    g_assert_true(isnan(base->value[f]));
    g_assert_cmpint(sc->rank[c], ==, 3);
    g_assert_cmpint(sc->rank_change[c], ==, -2);      /* 1 -> 3 */
    g_assert_cmpint(sc->rank_change[b], ==, 1);       /* 2 -> 1 */
    g_assert_cmpint(sc->rank_change[a], ==, 0);       /* 0 in both: no standing to gain */
    g_assert_cmpint(sp->rank_change[e], ==, 3);       /* 4 -> 1 */
    g_assert_cmpint(sp->rank_change[d], ==, -1);      /* 2 -> 3 */
    g_assert_cmpint(sp->rank[f], ==, 3);
    g_assert_false(sp->has_change[f]);
    /* Most dependent first: e (3), c (2), then b and d (1, best rank 1, by id), then a and f (0). */
    const char *expected[] = {"e", "c", "b", "d", "a", "f"};
    for (size_t k = 0; k < G_N_ELEMENTS(expected); k++)
        g_assert_cmpstr(cmp->node_ids[cmp->order[k]], ==, expected[k]);
    g_assert_cmpint(cmp->max_change[e], ==, 3);
    g_assert_cmpint(cmp->rank_spread[e], ==, 3);      /* ranks 4, 3, 1 */
    sg_comparison_free(cmp);
    sg_network_unref(net);
}

/* Eigenvector centrality: structurally equivalent nodes share a rank though igraph's floating-point scores
 * differ in their last bits (base a 0.5, e 0.5000000000000003). By hand: the base chain's Perron vector
 * is 1/2, sqrt(3)/2, 1, sqrt(3)/2, 1/2 (a..e), so c 1, b d 2, a e 4; shortcut is symmetric under a<->e,
 * b<->d, so a and e tie again. tau-b base-shortcut: base ranks a4 b2 c1 d2 e4, shortcut a4 b1 c3 d1 e4:
 * 6 concordant, 2 discordant (b-c, c-d), 8 pairs untied in each: 4/8 = 0.5; average ranks (ascending)
 * 1.5 3.5 5 3.5 1.5 and 1.5 4.5 3 4.5 1.5: sxy 6, sxx 9, syy 9, rho 2/3. */
static void test_mini_eigenvector_ties(void)
{
    sg_network *net = load_mini();
    sg_compare_options opts;
    sg_compare_options_init(&opts);
    opts.measure = "eigenvector";
    sg_diag *diag = sg_diag_new();
    sg_comparison *cmp = sg_compare(net, &opts, diag);
    g_assert_cmpuint(diag->errors, ==, 0);
    sg_diag_free(diag);
    g_assert_nonnull(cmp);
    const sg_compare_reading *base = &cmp->readings[0], *sc = reading_of(cmp, "shortcut");
    int a = node_of(cmp, "a"), b = node_of(cmp, "b"), c = node_of(cmp, "c"), d = node_of(cmp, "d"),
        e = node_of(cmp, "e");
    g_assert_cmpfloat_with_epsilon(base->value[a], 0.5, 1e-12);
    g_assert_cmpfloat_with_epsilon(base->value[e], 0.5, 1e-12);
    g_assert_cmpint(base->rank[c], ==, 1);
    g_assert_cmpint(base->rank[b], ==, 2);
    g_assert_cmpint(base->rank[d], ==, 2);
    g_assert_cmpint(base->rank[a], ==, 4);
    g_assert_cmpint(base->rank[e], ==, 4);
    g_assert_cmpint(sc->rank[b], ==, 1);
    g_assert_cmpint(sc->rank[d], ==, 1);
    g_assert_cmpint(sc->rank[c], ==, 3);
    g_assert_cmpint(sc->rank[a], ==, 4);
    g_assert_cmpint(sc->rank[e], ==, 4);
    g_assert_cmpint(sc->rank_change[a], ==, 0);
    g_assert_cmpint(sc->rank_change[e], ==, 0);
    g_assert_cmpfloat_with_epsilon(cmp->pairs[0].tau_b, 0.5, 1e-12);
    g_assert_cmpfloat_with_epsilon(cmp->pairs[0].rho, 2.0 / 3.0, 1e-12);
    sg_comparison_free(cmp);
    sg_network_unref(net);
}

static void test_mini_agreement(void)
{
    sg_network *net = load_mini();
    sg_comparison *cmp = compare_mini(net, NULL, NULL);
    g_assert_cmpuint(cmp->n_pairs, ==, 3);
    /* base-shortcut: the hand values of test_ties_in_both. base-split over a..e: x = 0 3 4 3 0,
     * y = 0 1 0 0 1: tau-b = -2 / sqrt(8 * 6) = -0.288675, rho = -0.304290. shortcut-split:
     * 0.166667 both. Top 2: base {c, b, d} (b and d tie at 2), shortcut {b, d}, split {b, e}. */
    const sg_compare_pair *p = &cmp->pairs[0];
    g_assert_cmpuint(p->a, ==, 0);
    g_assert_cmpuint(p->b, ==, 1);
    g_assert_cmpuint(p->common, ==, 5);
    g_assert_cmpfloat_with_epsilon(p->tau_b, 0.288675, EPS);
    g_assert_cmpfloat_with_epsilon(p->rho, 0.304290, EPS);
    g_assert_cmpuint(p->top_overlap, ==, 2);
    p = &cmp->pairs[1];
    g_assert_cmpuint(p->common, ==, 5); /* f is only in split */
    g_assert_cmpfloat_with_epsilon(p->tau_b, -0.288675, EPS);
    g_assert_cmpfloat_with_epsilon(p->rho, -0.304290, EPS);
    g_assert_cmpuint(p->top_overlap, ==, 1);
    p = &cmp->pairs[2];
    g_assert_cmpfloat_with_epsilon(p->tau_b, 1.0 / 6.0, EPS);
    g_assert_cmpfloat_with_epsilon(p->rho, 1.0 / 6.0, EPS);
    g_assert_cmpuint(p->top_overlap, ==, 1);
    sg_comparison_free(cmp);
    sg_network_unref(net);
}

static void test_mini_conclusions(void)
{
    sg_network *net = load_mini();
    sg_comparison *cmp = compare_mini(net, "Ant", "e"); /* Ant is a's codename */
    /* Robust: b, in every top 2. Contested (best rank, then id): c (base), d (base, shortcut),
     * e (split). */
    g_assert_cmpuint(cmp->n_robust, ==, 1);
    g_assert_cmpstr(cmp->node_ids[cmp->robust[0]], ==, "b");
    g_assert_cmpuint(cmp->n_contested, ==, 3);
    g_assert_cmpstr(cmp->node_ids[cmp->contested[0]], ==, "c");
    g_assert_cmpstr(cmp->node_ids[cmp->contested[1]], ==, "d");
    g_assert_cmpstr(cmp->node_ids[cmp->contested[2]], ==, "e");
    int d = node_of(cmp, "d");
    g_assert_true(cmp->readings[0].in_top[d]);
    g_assert_true(reading_of(cmp, "shortcut")->in_top[d]);
    g_assert_false(reading_of(cmp, "split")->in_top[d]);
    /* Routes a..e: the chain (4 ties), through the shortcut a-b-d-e (3), none once c-d is gone. */
    g_assert_cmpstr(cmp->path_from, ==, "a");
    g_assert_cmpuint(cmp->readings[0].path_nodes, ==, 5);
    const sg_compare_reading *sc = reading_of(cmp, "shortcut");
    g_assert_cmpuint(sc->path_nodes, ==, 4);
    g_assert_cmpstr(cmp->node_ids[sc->path[2]], ==, "d");
    const sg_compare_reading *sp = reading_of(cmp, "split");
    g_assert_true(sp->path_ends_present);
    g_assert_cmpuint(sp->path_nodes, ==, 0);
    sg_comparison_free(cmp);
    sg_network_unref(net);
}

static void expect_error(sg_network *net, const sg_compare_options *opts, const char *fragment)
{
    sg_diag *diag = sg_diag_new();
    g_assert_null(sg_compare(net, opts, diag));
    g_assert_cmpuint(diag->errors, ==, 1);
    g_assert_nonnull(strstr(diag->items[0].message, fragment));
    sg_diag_free(diag);
}

static void test_mini_errors(void)
{
    sg_network *net = load_mini();
    sg_compare_options opts;
    sg_compare_options_init(&opts);
    opts.measure = "nonsense";
    expect_error(net, &opts, "unknown measure 'nonsense'");
    sg_compare_options_init(&opts);
    const char *const bad[] = {"shortcut", "maybe", NULL};
    opts.hypotheses = bad;
    expect_error(net, &opts, "unknown hypothesis 'maybe'");
    const char *const twice[] = {"split", "split", NULL};
    opts.hypotheses = twice;
    expect_error(net, &opts, "named twice");
    sg_compare_options_init(&opts);
    opts.path_from = "a";
    opts.path_to = "zulu";
    expect_error(net, &opts, "unknown node 'zulu'");
    sg_network_unref(net);
}

static void test_mini_chosen_hypotheses(void)
{
    sg_network *net = load_mini();
    sg_compare_options opts;
    sg_compare_options_init(&opts);
    const char *const only[] = {"split", NULL};
    opts.hypotheses = only;
    opts.path_from = "f"; /* a node only the split hypothesis adds */
    opts.path_to = "d";
    sg_diag *diag = sg_diag_new();
    sg_comparison *cmp = sg_compare(net, &opts, diag);
    g_assert_nonnull(cmp);
    g_assert_cmpuint(cmp->n_readings, ==, 2);
    g_assert_cmpstr(cmp->readings[1].id, ==, "split");
    g_assert_false(cmp->readings[0].path_ends_present);
    g_assert_cmpuint(cmp->readings[1].path_nodes, ==, 3); /* f - e - d */
    sg_comparison_free(cmp);
    sg_diag_free(diag);
    sg_network_unref(net);
}

static const sg_compare_tie *tie_between(const sg_comparison *cmp, const char *s, const char *t)
{
    int a = node_of(cmp, s), b = node_of(cmp, t);
    for (size_t k = 0; k < cmp->n_ties; k++)
        if ((cmp->ties[k].source == a && cmp->ties[k].target == b) ||
            (cmp->ties[k].source == b && cmp->ties[k].target == a))
            return &cmp->ties[k];
    g_assert_not_reached();
    return NULL;
}

static void test_mini_tie_statuses(void)
{
    /* By the patches: shortcut adds b-d and changes a-b; split removes c-d and adds e-f; b-c and d-e
     * are untouched. 4 base ties + 2 added = 6 union ties. */
    sg_network *net = load_mini();
    sg_comparison *cmp = compare_mini(net, NULL, NULL);
    g_assert_cmpuint(cmp->n_ties, ==, 6);
    g_assert_cmpint(sg_compare_tie_status(cmp, tie_between(cmp, "a", "b")), ==, SG_TIE_ALTERED);
    g_assert_cmpint(sg_compare_tie_status(cmp, tie_between(cmp, "b", "c")), ==, SG_TIE_BASE);
    g_assert_cmpint(sg_compare_tie_status(cmp, tie_between(cmp, "c", "d")), ==, SG_TIE_REMOVED);
    g_assert_cmpint(sg_compare_tie_status(cmp, tie_between(cmp, "d", "e")), ==, SG_TIE_BASE);
    const sg_compare_tie *bd = tie_between(cmp, "b", "d"), *ef = tie_between(cmp, "e", "f");
    g_assert_cmpint(sg_compare_tie_status(cmp, bd), ==, SG_TIE_ADDED);
    g_assert_true(bd->present[1]);  /* shortcut */
    g_assert_false(bd->present[2]); /* split */
    g_assert_true(ef->present[2]);
    g_assert_true(tie_between(cmp, "a", "b")->altered[1]);
    g_assert_false(tie_between(cmp, "c", "d")->present[2]);
    sg_comparison_free(cmp);
    sg_network_unref(net);
}

static void test_mini_union(void)
{
    /* The union keeps every base node and tie (c-d too, though split removes it) and adds f, b-d, e-f. */
    sg_network *net = load_mini();
    sg_diag *diag = sg_diag_new();
    sg_network *u = sg_network_union_of_hypotheses(net, diag);
    g_assert_nonnull(u);
    g_assert_cmpuint(diag->errors, ==, 0);
    g_assert_cmpuint(u->n_nodes, ==, 6);
    g_assert_cmpuint(u->n_edges, ==, 6);
    g_assert_cmpint(sg_network_find_node(u, "f"), >=, 0);
    g_assert_null(u->applied_hypothesis);
    g_assert_cmpuint(net->n_edges, ==, 4); /* the base is untouched */
    sg_network_unref(u);
    sg_diag_free(diag);
    sg_network_unref(net);
}

static void test_mini_snapshot(void)
{
    /* At 1933 the base has a-b (from 1931), b-c (1932), c-d (1933), not d-e (1934): 3 ties. The shortcut's
     * b-d starts in 1935, so it too has 3; split removes c-d: 2. Each patch is applied before the date. */
    sg_network *net = load_mini();
    sg_compare_options opts;
    sg_compare_options_init(&opts);
    opts.reading.has_at = true;
    opts.reading.at = sg_date_plain(1933, 0, 0);
    sg_diag *diag = sg_diag_new();
    sg_comparison *cmp = sg_compare(net, &opts, diag);
    g_assert_nonnull(cmp);
    g_assert_cmpuint(cmp->readings[0].figures.ties, ==, 3);
    g_assert_cmpuint(reading_of(cmp, "shortcut")->figures.ties, ==, 3);
    g_assert_cmpuint(reading_of(cmp, "split")->figures.ties, ==, 2);
    g_assert_cmpuint(cmp->readings[0].figures.components, ==, 2); /* e stands alone */
    sg_comparison_free(cmp);
    sg_diag_free(diag);
    sg_network_unref(net);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rankcorr/average-ranks", test_average_ranks);
    g_test_add_func("/rankcorr/reversed", test_reversed_order);
    g_test_add_func("/rankcorr/ties-in-one", test_ties_in_one_variable);
    g_test_add_func("/rankcorr/ties-in-both", test_ties_in_both);
    g_test_add_func("/rankcorr/undefined", test_undefined);
    g_test_add_func("/rankcorr/tolerant-ties", test_tolerant_ties);
    g_test_add_func("/compare/mini/changes", test_mini_changes);
    g_test_add_func("/compare/mini/figures", test_mini_figures);
    g_test_add_func("/compare/mini/ranks", test_mini_ranks);
    g_test_add_func("/compare/mini/agreement", test_mini_agreement);
    g_test_add_func("/compare/mini/eigenvector-ties", test_mini_eigenvector_ties);
    g_test_add_func("/compare/mini/conclusions", test_mini_conclusions);
    g_test_add_func("/compare/mini/errors", test_mini_errors);
    g_test_add_func("/compare/mini/chosen-hypotheses", test_mini_chosen_hypotheses);
    g_test_add_func("/compare/mini/tie-statuses", test_mini_tie_statuses);
    g_test_add_func("/compare/mini/union", test_mini_union);
    g_test_add_func("/compare/mini/snapshot", test_mini_snapshot);
    return g_test_run();
}

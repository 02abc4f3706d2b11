/* test_compare_render.c: unit tests of the pictures that compare: shared positions, the comparison picture. */
#include <glib.h>
#include <graphviz/cgraph.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "spygraph/compare.h"
#include "spygraph/compare_render.h"
#include "spygraph/loader.h"
#include "spygraph/render.h"
#include "testdata.h"

static sg_network *load_mini(void)
{
    return test_load_network("tests/data/good/compare-mini");
}

/* The laid-out DOT of READING (a hypothesis id, or NULL for the base) drawn on the union's positions
 * (g_free). */
static char *render_dot(sg_network *base, const char *reading, const sg_network *all)
{
    sg_diag *diag = sg_diag_new();
    sg_network *net = reading ? sg_network_apply_hypothesis(base, reading, diag) : sg_network_ref(base);
    g_assert_nonnull(net);
    sg_render_spec spec;
    sg_render_spec_init(&spec);
    spec.format = SG_RENDER_DOT;
    spec.layout_of = all;
    char *text = NULL;
    size_t length = 0;
    FILE *stream = open_memstream(&text, &length);
    g_assert_true(sg_render_write(net, &spec, stream, diag));
    fclose(stream);
    g_assert_cmpuint(diag->errors, ==, 0);
    sg_diag_free(diag);
    sg_network_unref(net);
    return text;
}

/* The "pos" attribute of node ID (a plain slug) in DOT text, as written (g_free), or NULL. The DOT names
 * nodes n0, n1, ...; a node's id is its `id` attribute, "node-ID" (written before "pos": cgraph sorts
 * attributes by name). */
static char *position_of(const char *dot, const char *id)
{
    char *pattern = g_strdup_printf("\\n\\tn[0-9]+\\t\\[[^]]*?\\bid=\"?node-%s\"?[,\\]][^]]*?pos=\"([^\"]*)\"", id);
    GRegex *re = g_regex_new(pattern, G_REGEX_DOTALL, 0, NULL);
    GMatchInfo *match = NULL;
    char *pos = g_regex_match(re, dot, 0, &match) ? g_match_info_fetch(match, 1) : NULL;
    g_match_info_free(match);
    g_regex_unref(re);
    g_free(pattern);
    return pos;
}

static void test_same_positions(void)
{
    /* shortcut and split draw different ties (b-d against c-d, e-f) and split has one node more (f); on
     * the union's layout every shared node must sit at exactly the same point in both, and in the base. */
    sg_network *base = load_mini();
    sg_diag *diag = sg_diag_new();
    sg_network *all = sg_network_union_of_hypotheses(base, diag);
    g_assert_nonnull(all);
    char *shortcut = render_dot(base, "shortcut", all), *split = render_dot(base, "split", all);
    char *plain = render_dot(base, NULL, all);
    const char *ids[] = {"a", "b", "c", "d", "e"};
    for (size_t i = 0; i < G_N_ELEMENTS(ids); i++) {
        char *p1 = position_of(shortcut, ids[i]), *p2 = position_of(split, ids[i]), *p3 = position_of(plain, ids[i]);
        g_assert_nonnull(p1);
        g_assert_cmpstr(p1, ==, p2);
        g_assert_cmpstr(p1, ==, p3);
        g_free(p1);
        g_free(p2);
        g_free(p3);
    }
    char *f = position_of(split, "f");
    g_assert_nonnull(f);                      /* drawn where the union put it */
    g_assert_null(position_of(shortcut, "f")); /* not a node of shortcut */
    g_free(f);
    g_free(shortcut);
    g_free(split);
    g_free(plain);
    sg_network_unref(all);
    sg_diag_free(diag);
    sg_network_unref(base);
}

/* ---- the comparison picture (sg_compare_render) on compare-mini ----
 *
 * Hand computation (betweenness, ties read undirected, each pair of nodes counted once):
 *   base      a-b-c-d-e:                 a 0, b 3, c 4, d 3, e 0      ranks a 4, b 2, c 1, d 2, e 4
 *   shortcut  adds b-d (a-b only changed): b 3 (a-c, a-d, a-e), d 3 (a-e, b-e, c-e), a c e 0
 *                                                                     ranks a 3, b 1, c 3, d 1, e 3
 *   split     drops c-d, adds f and e-f: b 1 (a-c), e 1 (d-f), a c d f 0
 *                                                                     ranks a 3, b 1, c 3, d 3, e 1, f 3
 * mean ranks: a 10/3, b 4/3, c 7/3, d 2, e 8/3, f 3 (split only);
 * rank spreads: a 0 (0 in every reading), b 1, c 2, d 2, e 3, f 0 (one reading, value 0).
 * Movement bands for a largest spread of 3: integer cube root of 3 is 1, of 9 is 2: bands 0, 1, 2, 3. */

static const struct {
    const char *id;
    double mean;
    int spread;
} mini_expected[] = {
    {"a", 10.0 / 3, 0}, {"b", 4.0 / 3, 1}, {"c", 7.0 / 3, 2}, {"d", 2.0, 2}, {"e", 8.0 / 3, 3}, {"f", 3.0, 0},
};

static sg_comparison *compare_mini(sg_network *base)
{
    sg_compare_options opts;
    sg_compare_options_init(&opts);
    sg_diag *diag = sg_diag_new();
    sg_comparison *cmp = sg_compare(base, &opts, diag);
    g_assert_nonnull(cmp);
    g_assert_cmpuint(diag->errors, ==, 0);
    sg_diag_free(diag);
    return cmp;
}

/* The comparison picture of CMP in FORMAT (g_free). */
static char *picture_text(const sg_comparison *cmp, const char *format)
{
    char *text = NULL;
    size_t length = 0;
    FILE *stream = open_memstream(&text, &length);
    sg_diag *diag = sg_diag_new();
    sg_network *whole = sg_network_union_of_hypotheses(cmp->readings[0].net, diag); /* as the command reads */
    g_assert_nonnull(whole);
    g_assert_true(sg_compare_render(cmp, whole, format, 1, stream, diag));
    sg_network_unref(whole);
    g_assert_cmpuint(diag->errors, ==, 0);
    sg_diag_free(diag);
    fclose(stream);
    return text;
}

/* The node of DOT graph G whose `id` attribute is ID, or NULL. */
static Agnode_t *node_with_id(Agraph_t *g, const char *id)
{
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        if (strcmp(agget(n, "id"), id) == 0)
            return n;
    return NULL;
}

static double number(void *object, const char *name)
{
    return g_ascii_strtod(agget(object, (char *)name), NULL);
}

static void test_bands(void)
{
    /* hand: integer cube roots a of L and b of L squared; bands 0, 1..a, a+1..b, b+1..L, empty or repeated
     * ones left out */
    static const struct {
        int largest;
        int upper[4];
        size_t n;
    } cases[] = {
        {0, {0}, 1},
        {1, {0, 1}, 2},                /* 1^3 <= 1, 1^3 <= 1 */
        {2, {0, 1, 2}, 3},             /* a = 1; 1^3 <= 4 < 2^3: b = 1 repeats a */
        {3, {0, 1, 2, 3}, 4},          /* a = 1; 2^3 = 8 <= 9 < 27: b = 2 */
        {8, {0, 2, 4, 8}, 4},          /* 2^3 = 8; 4^3 = 64 */
        {33, {0, 3, 10, 33}, 4},       /* 27 <= 33 < 64; 1000 <= 1089 < 1331 */
        {1000, {0, 10, 100, 1000}, 4}, /* 10^3; 100^3 = 1000^2 */
    };
    for (size_t k = 0; k < G_N_ELEMENTS(cases); k++) {
        int upper[4] = {-1, -1, -1, -1};
        size_t n = 0;
        sg_compare_movement_bands(cases[k].largest, upper, &n);
        g_assert_cmpuint(n, ==, cases[k].n);
        for (size_t i = 0; i < n; i++)
            g_assert_cmpint(upper[i], ==, cases[k].upper[i]);
    }
}

static void test_mean_rank(void)
{
    sg_network *base = load_mini();
    sg_comparison *cmp = compare_mini(base);
    g_assert_cmpuint(cmp->n_nodes, ==, G_N_ELEMENTS(mini_expected));
    for (size_t k = 0; k < G_N_ELEMENTS(mini_expected); k++) {
        size_t i = 0;
        while (i < cmp->n_nodes && strcmp(cmp->node_ids[i], mini_expected[k].id) != 0)
            i++;
        g_assert_cmpuint(i, <, cmp->n_nodes);
        g_assert_cmpfloat_with_epsilon(sg_compare_mean_rank(cmp, i), mini_expected[k].mean, 1e-12);
        g_assert_cmpint(cmp->rank_spread[i], ==, mini_expected[k].spread);
    }
    sg_comparison_free(cmp);
    sg_network_unref(base);
}

/* The fill `render` gives node ID of compare-mini (its DOT). */
static char *render_fill(sg_network *base, const char *id)
{
    char *dot = render_dot(base, NULL, base);
    Agraph_t *g = agmemread(dot);
    g_assert_nonnull(g);
    Agnode_t *n = node_with_id(g, id);
    g_assert_nonnull(n);
    char *fill = g_strdup(agget(n, "fillcolor"));
    agclose(g);
    g_free(dot);
    return fill;
}

static void test_mini_picture(void)
{
    sg_network *base = load_mini();
    sg_comparison *cmp = compare_mini(base);
    char *dot = picture_text(cmp, "dot");
    Agraph_t *g = agmemread(dot);
    g_assert_nonnull(g);
    char *render_a = render_fill(base, "node-a");
    /* outline widths of bands 0, 1, 2, 3 (one place each, as the hand computation above gives) */
    static const double width[] = {1, 2, 4, 6};
    double area[G_N_ELEMENTS(mini_expected)], slack[G_N_ELEMENTS(mini_expected)];
    for (size_t k = 0; k < G_N_ELEMENTS(mini_expected); k++) {
        char *id = g_strconcat("node-", mini_expected[k].id, NULL);
        Agnode_t *n = node_with_id(g, id);
        g_assert_nonnull(n);
        g_assert_cmpstr(agget(n, "shape"), ==, "ellipse"); /* every node is a person */
        /* every node is in affiliation "cell": the fill render gives a cell node */
        g_assert_cmpstr(agget(n, "fillcolor"), ==, render_a);
        g_assert_cmpfloat_with_epsilon(number(n, "penwidth"), width[mini_expected[k].spread], 1e-9);
        g_assert_cmpstr(agget(n, "color"), ==, mini_expected[k].spread ? "#3f007d" : "#404040");
        /* only f is not in the base: the one dashed outline */
        bool dashed = strstr(agget(n, "style"), "dashed") != NULL;
        g_assert_true(dashed == (strcmp(mini_expected[k].id, "f") == 0));
        double w = number(n, "width") * 72, h = number(n, "height") * 72; /* points */
        area[k] = w * h;
        slack[k] = 0.5 / w + 0.5 / h; /* Graphviz rounds a node's size to whole points */
        g_free(id);
    }
    /* area grows as 1 - ln(mean rank) / ln(n + 1) over the n = 6 union nodes (the header's rule, on the
     * hand mean ranks), within Graphviz's rounding of both nodes' sides to whole points */
    for (size_t k = 0; k < G_N_ELEMENTS(mini_expected); k++) {
        double share = 1 - log(mini_expected[k].mean) / log(7.0), share_b = 1 - log(4.0 / 3) / log(7.0);
        double want = share / share_b;
        g_assert_cmpfloat(fabs(area[k] / area[1] - want), <=, want * (slack[k] + slack[1]) * 1.01);
    }
    /* so best standing (b, mean rank 4/3) is largest, then d, c, e, f, a */
    g_assert_cmpfloat(area[1], >, area[3]);
    g_assert_cmpfloat(area[3], >, area[2]);
    g_assert_cmpfloat(area[2], >, area[4]);
    g_assert_cmpfloat(area[4], >, area[5]);
    g_assert_cmpfloat(area[5], >, area[0]);
    /* ties: c-d is the only tie some hypothesis removes (split), the only dashed one */
    size_t dashed = 0;
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
            if (strcmp(agget(e, "style"), "dashed") == 0) {
                dashed++;
                g_assert_cmpstr(agget(agtail(e), "id"), ==, "node-c");
                g_assert_cmpstr(agget(aghead(e), "id"), ==, "node-d");
            }
    g_assert_cmpuint(dashed, ==, 1);
    /* the legend names both channels, the largest node and the bands drawn (0 to 3 places) */
    const char *legend = agget(g, "label");
    g_assert_nonnull(strstr(legend, "size: standing, the mean betweenness rank across the readings"));
    g_assert_nonnull(strstr(legend, "largest: Bravo, mean rank 1.3"));
    g_assert_nonnull(strstr(legend, "outline: how far the betweenness rank moves"));
    g_assert_nonnull(strstr(legend, "0 places"));
    g_assert_nonnull(strstr(legend, "1 place<"));
    g_assert_nonnull(strstr(legend, "2 places"));
    g_assert_nonnull(strstr(legend, "3 places"));
    g_assert_nonnull(strstr(legend, "dashed: not in the base"));
    g_assert_nonnull(strstr(legend, "cell (6)"));
    g_free(render_a);
    agclose(g);
    g_free(dot);
    sg_comparison_free(cmp);
    sg_network_unref(base);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/compare-render/same-positions", test_same_positions);
    g_test_add_func("/compare-render/bands", test_bands);
    g_test_add_func("/compare-render/mean-rank", test_mean_rank);
    g_test_add_func("/compare-render/mini-picture", test_mini_picture);
    return g_test_run();
}

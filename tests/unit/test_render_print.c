/* test_render_print.c: unit tests of pictures for print: lengths, the print scheme's looks, colours ranked
 * over the whole network and which nodes keep labels (expected values by hand from `spygraph help render`). */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "render/internal.h"
#include "spygraph/model.h"

static int add_node(sg_network *net, const char *id, const char *affiliation)
{
    sg_node n = {0};
    n.id = sg_network_intern(net, id);
    n.label = n.id;
    n.affiliation = sg_network_intern(net, affiliation);
    n.note = n.native_name = "";
    n.codenames = sg_empty_list();
    n.sources = sg_empty_list();
    return sg_network_add_node(net, &n);
}

static void add_tie(sg_network *net, int s, int t)
{
    sg_edge e = {0};
    e.source = s;
    e.target = t;
    e.relation = sg_relation_find("knows");
    e.confidence = 1.0;
    e.weight = 1.0;
    e.sources = sg_empty_list();
    e.note = "";
    sg_network_add_edge(net, &e);
}

/* Lengths by hand: 1 in = 72 pt = 2.54 cm = 25.4 mm. */
static void test_lengths(void)
{
    double pt = 0;
    g_assert_true(sg_render_length_parse("15cm", &pt));
    g_assert_cmpfloat_with_epsilon(pt, 15 / 2.54 * 72, 1e-9);
    g_assert_true(sg_render_length_parse("150mm", &pt));
    g_assert_cmpfloat_with_epsilon(pt, 425.19685039, 1e-6);
    g_assert_true(sg_render_length_parse("6in", &pt));
    g_assert_cmpfloat_with_epsilon(pt, 432, 1e-9);
    g_assert_true(sg_render_length_parse("425pt", &pt));
    g_assert_cmpfloat_with_epsilon(pt, 425, 1e-9);
    g_assert_true(sg_render_length_parse("15 CM", &pt));
    g_assert_true(sg_render_length_parse("0.5in", &pt));
    g_assert_cmpfloat_with_epsilon(pt, 36, 1e-9);
    g_assert_true(sg_render_length_parse("2000cm", &pt)); /* 20 m, the largest */
    g_assert_true(sg_render_length_parse("1cm", &pt)); /* the smallest: 72 / 2.54 = 28.35 pt */
    g_assert_true(sg_render_length_parse("28.35pt", &pt));
    pt = -1;
    const char *bad[] = {"15", "cm", "15furlongs", "-3cm", "+3cm", ".5cm", "5.cm", "1.2.3cm", "0cm", "0.01pt",
                         "7pt", "28.3pt", "9mm",
                         "2001cm", "1e3cm", "nancm", "infcm", "15cm extra", "", "0x10pt"};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        if (sg_render_length_parse(bad[i], &pt))
            g_error("'%s' was taken as %g pt", bad[i], pt);
        g_assert_cmpfloat(pt, ==, -1); /* untouched */
    }
}

/* The print scheme: twelve groups, each a distinct (grey, outline) pair; the first four differ in grey. */
static void test_print_looks(void)
{
    sg_network *net = sg_network_new("print");
    char id[8], group[8];
    for (int g = 0; g < 12; g++)
        for (int k = 0; k <= 12 - g; k++) { /* group g has 13 - g nodes: the order is a, b, c, ... */
            g_snprintf(id, sizeof id, "%c%d", 'a' + g, k);
            g_snprintf(group, sizeof group, "%c", 'a' + g);
            add_node(net, id, group);
        }
    sg_palette p;
    sg_palette_init(&p, net, "affiliation", SG_SCHEME_PRINT);
    g_assert_cmpuint(p.n_groups, ==, 12);
    for (size_t a = 0; a < p.n_groups; a++) {
        g_assert_nonnull(strchr(p.groups[a].fill, '#'));
        for (size_t b = a + 1; b < p.n_groups; b++)
            g_assert_false(strcmp(p.groups[a].fill, p.groups[b].fill) == 0 &&
                           strcmp(p.groups[a].outline, p.groups[b].outline) == 0);
    }
    for (size_t a = 0; a < 4; a++)
        for (size_t b = a + 1; b < 4; b++)
            g_assert_cmpstr(p.groups[a].fill, !=, p.groups[b].fill);
    g_assert_cmpstr(p.groups[0].outline, ==, "solid");
    g_assert_cmpstr(p.groups[4].outline, ==, "dashed");
    g_assert_cmpstr(p.groups[8].outline, ==, "bold");
    g_assert_cmpint(sg_palette_find(&p, "c"), ==, 2);
    g_assert_cmpint(sg_palette_find(&p, "zz"), ==, -1);
    g_assert_cmpint(sg_palette_find(&p, ""), ==, -1);
    sg_palette_clear(&p);
    /* tie families: no two share colour, width and glyph in print */
    for (int f = SG_FAMILY_MEMBERSHIP; f <= SG_FAMILY_OTHER; f++)
        for (int h = f + 1; h <= SG_FAMILY_OTHER; h++) {
            const sg_tie_look *x = sg_render_family_look((sg_family)f, SG_SCHEME_PRINT);
            const sg_tie_look *y = sg_render_family_look((sg_family)h, SG_SCHEME_PRINT);
            g_assert_false(strcmp(x->color, y->color) == 0 && strcmp(x->penwidth, y->penwidth) == 0 &&
                           strcmp(x->glyph, y->glyph) == 0);
        }
    sg_network_unref(net);
}

/* Colours ranked over the whole network: in the whole, "big" has 3 nodes and "small" 2, so big takes Set2's
 * first colour and small its second, even in a drawing holding only small's nodes and one of big's. */
static void test_whole_network_ranks(void)
{
    sg_network *whole = sg_network_new("whole");
    add_node(whole, "b1", "big");
    add_node(whole, "b2", "big");
    add_node(whole, "b3", "big");
    add_node(whole, "s1", "small");
    add_node(whole, "s2", "small");
    sg_network *part = sg_network_new("part");
    int s1 = add_node(part, "s1", "small");
    int s2 = add_node(part, "s2", "small");
    int b1 = add_node(part, "b1", "big");
    add_tie(part, s1, s2);
    add_tie(part, s2, b1);
    sg_render_spec spec;
    sg_render_spec_init(&spec);
    spec.colours_of = whole;
    sg_diag *diag = sg_diag_new();
    sg_view view;
    g_assert_true(sg_view_select(part, &spec, &view, diag));
    g_assert_true(sg_view_style(part, &spec, &view, diag));
    g_assert_cmpstr(view.groups[view.group[b1]].fill, ==, "/set28/1");
    g_assert_cmpstr(view.groups[view.group[s1]].fill, ==, "/set28/2");
    g_assert_cmpuint(view.groups[view.group[s1]].count, ==, 2); /* drawn nodes */
    g_assert_cmpuint(view.groups[view.group[b1]].count, ==, 1);
    g_assert_cmpstr(view.groups[0].name, ==, "big"); /* legend order: the whole network's */
    sg_view_free(&view);
    /* without the whole network the part ranks alone: small first */
    spec.colours_of = NULL;
    g_assert_true(sg_view_select(part, &spec, &view, diag));
    g_assert_true(sg_view_style(part, &spec, &view, diag));
    g_assert_cmpstr(view.groups[view.group[s1]].fill, ==, "/set28/1");
    sg_view_free(&view);
    sg_diag_free(diag);
    sg_network_unref(part);
    sg_network_unref(whole);
}

/* Labels go to the most important nodes: by the size values when given, else by ties, then node order. */
static void test_labels_by_importance(void)
{
    sg_network *net = sg_network_new("star");
    int hub = add_node(net, "hub", "");
    int a = add_node(net, "a", "");
    int b = add_node(net, "b", "");
    int c = add_node(net, "c", "");
    add_tie(net, a, hub);
    add_tie(net, b, hub);
    add_tie(net, c, hub);
    add_tie(net, b, c);
    sg_render_spec spec;
    sg_render_spec_init(&spec);
    sg_diag *diag = sg_diag_new();
    sg_view view;
    g_assert_true(sg_view_select(net, &spec, &view, diag));
    g_assert_true(sg_view_style(net, &spec, &view, diag));
    g_assert_cmpuint(view.unlabelled, ==, 0);
    sg_view_label(net, &spec, &view, 2); /* ties: hub 3, b 2, c 2, a 1: hub, then b (before c in order) */
    g_assert_true(view.labelled[hub] && view.labelled[b]);
    g_assert_false(view.labelled[a] || view.labelled[c]);
    g_assert_cmpuint(view.unlabelled, ==, 2);
    double values[] = {0.1, 0.9, 0.2, 0.5};
    spec.size_values = values;
    sg_view_label(net, &spec, &view, 1); /* by value: a */
    g_assert_true(view.labelled[a]);
    g_assert_false(view.labelled[hub] || view.labelled[b] || view.labelled[c]);
    sg_view_free(&view);
    sg_diag_free(diag);
    sg_network_unref(net);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/render-print/lengths", test_lengths);
    g_test_add_func("/render-print/print-looks", test_print_looks);
    g_test_add_func("/render-print/whole-network-ranks", test_whole_network_ranks);
    g_test_add_func("/render-print/labels-by-importance", test_labels_by_importance);
    return g_test_run();
}

/* test_render.c: unit tests of diagrams: escaping, formats, labels, styles, colour groups and the route
 * (expected values worked out by hand from the encoding documented in `spygraph help render`). */
#include <glib.h>
#include <string.h>

#include "render/internal.h"
#include "spygraph/model.h"

static int add_node(sg_network *net, const char *id, const char *label, const char *affiliation, const char *codenames)
{
    sg_node n = {0};
    n.id = sg_network_intern(net, id);
    n.label = sg_network_intern(net, label);
    n.affiliation = sg_network_intern(net, affiliation);
    n.note = n.native_name = "";
    n.codenames = sg_network_split(net, codenames, ';');
    n.sources = sg_empty_list();
    return sg_network_add_node(net, &n);
}

static void add_tie(sg_network *net, int s, int t, const char *relation, double confidence)
{
    sg_edge e = {0};
    e.source = s;
    e.target = t;
    e.relation = sg_relation_find(relation);
    e.confidence = confidence;
    e.weight = 1.0;
    e.sources = sg_empty_list();
    e.note = "";
    sg_network_add_edge(net, &e);
}

static void test_plain_text(void)
{
    /* Backslashes doubled (escString), & as an entity (Graphviz decodes entities), control characters
     * made spaces; quotes and < left to cgraph's quoting and the SVG writer. */
    char *t = sg_render_plain_text("a\\N&b\nc\"<d>");
    g_assert_cmpstr(t, ==, "a\\\\N&amp;b c\"<d>");
    g_free(t);
    /* other control characters (C0, DEL, C1) and stray bytes become U+FFFD; a trailing backslash doubled */
    t = sg_render_plain_text("x\x01\x1b\x7f\xc2\x9b\xff\t\\");
    g_assert_cmpstr(t, ==, "x\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd \\\\");
    g_free(t);
    /* object ids: ASCII letters, digits, _ - . kept, every other byte %XX (by hand) */
    t = sg_render_object_id("node-", "%1 a\\尾");
    g_assert_cmpstr(t, ==, "node-%251%20a%5C%E5%B0%BE");
    g_free(t);
}

static void test_format_from_path(void)
{
    sg_render_format f;
    g_assert_true(sg_render_format_from_path("out/Sorge.SVG", &f));
    g_assert_cmpint(f, ==, SG_RENDER_SVG);
    g_assert_true(sg_render_format_from_path("a.gv", &f));
    g_assert_cmpint(f, ==, SG_RENDER_DOT);
    g_assert_true(sg_render_format_from_path("a.pdf", &f));
    g_assert_cmpint(f, ==, SG_RENDER_PDF);
    g_assert_false(sg_render_format_from_path("a.canon", &f));
    g_assert_false(sg_render_format_from_path("dir.svg/file", &f));
    g_assert_false(sg_render_format_from_path("noext", &f));
    g_assert_false(sg_render_format_from_path("a.gif", &f));
}

static void test_node_labels(void)
{
    sg_network *net = sg_network_new("t");
    int sorge = add_node(net, "sorge", "Richard Sorge", "ring", "Ramsay;Inson");
    int station = add_node(net, "wiesbaden", "Receiving station 'Wiesbaden'", "gru", "wiesbaden");
    char *l = sg_render_node_label(&net->nodes[sorge], SG_LABELS_LABEL);
    g_assert_cmpstr(l, ==, "Richard Sorge\\n\u201cRamsay\u201d, \u201cInson\u201d");
    g_free(l);
    l = sg_render_node_label(&net->nodes[station], SG_LABELS_LABEL); /* the codename is in the label */
    g_assert_cmpstr(l, ==, "Receiving station 'Wiesbaden'");
    g_free(l);
    l = sg_render_node_label(&net->nodes[sorge], SG_LABELS_CODENAME);
    g_assert_cmpstr(l, ==, "Ramsay");
    g_free(l);
    l = sg_render_node_label(&net->nodes[sorge], SG_LABELS_ID);
    g_assert_cmpstr(l, ==, "sorge");
    g_free(l);
    l = sg_render_node_label(&net->nodes[sorge], SG_LABELS_NONE); /* a space: DOT writers drop "" */
    g_assert_cmpstr(l, ==, " ");
    g_free(l);
    sg_network_unref(net);
}

static void test_styles(void)
{
    g_assert_cmpstr(sg_render_confidence_style(1.0), ==, "solid");
    g_assert_cmpstr(sg_render_confidence_style(0.8), ==, "solid");
    g_assert_cmpstr(sg_render_confidence_style(0.79), ==, "dashed");
    g_assert_cmpstr(sg_render_confidence_style(0.5), ==, "dashed");
    g_assert_cmpstr(sg_render_confidence_style(0.49), ==, "dotted");
    g_assert_cmpstr(sg_render_kind_shape(SG_KIND_PERSON), ==, "ellipse");
    g_assert_cmpstr(sg_render_kind_shape(SG_KIND_ORGANIZATION), ==, "box");
    g_assert_cmpstr(sg_render_kind_shape(SG_KIND_PLACE), ==, "parallelogram");
}

static void test_dates(void)
{
    sg_interval iv = {sg_date_plain(1932, 6, 0), sg_date_plain(1939, 0, 0)};
    char *t = sg_render_dates(&iv);
    g_assert_cmpstr(t, ==, "1932-06\u20131939");
    g_free(t);
    iv.end = sg_date_open();
    t = sg_render_dates(&iv);
    g_assert_cmpstr(t, ==, "from 1932-06");
    g_free(t);
    iv = (sg_interval){sg_date_plain(1933, 0, 0), sg_date_plain(1933, 0, 0)};
    t = sg_render_dates(&iv);
    g_assert_cmpstr(t, ==, "1933");
    g_free(t);
}

/* Thirteen affiliations: 'a' has three nodes, 'b' two, the rest one each. Largest first, then by name:
 * a, b, c, ..., k get the eleven Paired colours (dark members first), l and m share "other" (2 nodes). */
static void test_groups_past_the_palette(void)
{
    sg_network *net = sg_network_new("t");
    const char *aff = "aaabbcdefghijklm";
    for (size_t i = 0; i < strlen(aff); i++) {
        char id[8], value[2] = {aff[i], 0};
        snprintf(id, sizeof id, "n%zu", i);
        add_node(net, id, id, value, "");
    }
    add_node(net, "place", "place", "", "");
    sg_render_spec spec;
    sg_render_spec_init(&spec);
    sg_view view;
    g_assert_true(sg_view_select(net, &spec, &view, NULL));
    g_assert_true(sg_view_style(net, &spec, &view, NULL));
    g_assert_cmpuint(view.n_groups, ==, 12);
    g_assert_cmpstr(view.groups[0].name, ==, "a");
    g_assert_cmpuint(view.groups[0].count, ==, 3);
    g_assert_cmpstr(view.groups[0].fill, ==, "/paired12/2");
    g_assert_cmpstr(view.groups[0].font, ==, "white");
    g_assert_cmpstr(view.groups[1].name, ==, "b");
    g_assert_cmpstr(view.groups[10].name, ==, "k");
    g_assert_cmpstr(view.groups[11].name, ==, "other (l, m)");
    g_assert_cmpuint(view.groups[11].count, ==, 2);
    g_assert_cmpint(view.group[15], ==, 11); /* m */
    g_assert_cmpint(view.group[16], ==, -1); /* no affiliation: white */
    sg_view_free(&view);
    sg_network_unref(net);
}

/* A square 0-1-2-3 with a doubtful shortcut 0-3 (confidence 0.3): the route from 0 to 3 is the shortcut,
 * unless --min-confidence 0.5 drops it, and then it runs 0, 1, 2, 3. */
static void test_route(void)
{
    sg_network *net = sg_network_new("t");
    for (int i = 0; i < 4; i++) {
        char id[4];
        snprintf(id, sizeof id, "n%d", i);
        add_node(net, id, id, "", "");
    }
    add_tie(net, 0, 1, "met", 1);
    add_tie(net, 1, 2, "met", 1);
    add_tie(net, 2, 3, "met", 1);
    add_tie(net, 0, 3, "met", 0.3);
    sg_render_spec spec;
    sg_render_spec_init(&spec);
    spec.path_from = 0;
    spec.path_to = 3;
    sg_view view;
    g_assert_true(sg_view_select(net, &spec, &view, NULL));
    g_assert_true(view.edge_on_route[3] && !view.edge_on_route[0]);
    g_assert_false(view.node_on_route[1]);
    sg_view_free(&view);
    spec.min_confidence = 0.5;
    g_assert_true(sg_view_select(net, &spec, &view, NULL));
    g_assert_true(view.edge_on_route[0] && view.edge_on_route[1] && view.edge_on_route[2]);
    g_assert_false(view.edge_drawn[3]);
    g_assert_true(view.node_on_route[1] && view.node_on_route[2]);
    g_assert_cmpuint(view.drawn_edges, ==, 3);
    sg_view_free(&view);
    sg_network_unref(net);
}

/* Two triangles joined by one tie: the partition of best modularity is the two triangles (by hand:
 * Q = 2 * (3/7 - (7/14)^2) = 0.357, above any other split), numbered by size, then by first node. */
static void test_communities(void)
{
    sg_network *net = sg_network_new("t");
    for (int i = 0; i < 6; i++) {
        char id[4];
        snprintf(id, sizeof id, "n%d", i);
        add_node(net, id, id, "", "");
    }
    static const int ties[][2] = {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}};
    for (size_t k = 0; k < G_N_ELEMENTS(ties); k++)
        add_tie(net, ties[k][0], ties[k][1], "met", 1);
    sg_render_spec spec;
    sg_render_spec_init(&spec);
    spec.color_by = "community";
    sg_view view;
    g_assert_true(sg_view_select(net, &spec, &view, NULL));
    g_assert_true(sg_view_style(net, &spec, &view, NULL));
    g_assert_cmpuint(view.n_groups, ==, 2);
    g_assert_cmpstr(view.groups[view.group[0]].name, ==, "community 1");
    g_assert_cmpstr(view.groups[view.group[5]].name, ==, "community 2");
    g_assert_cmpint(view.group[1], ==, view.group[0]);
    g_assert_cmpint(view.group[2], ==, view.group[0]);
    g_assert_cmpint(view.group[3], ==, view.group[5]);
    g_assert_cmpint(view.group[4], ==, view.group[5]);
    g_assert_cmpstr(view.groups[0].fill, ==, "/set28/1");
    sg_view_free(&view);
    sg_network_unref(net);
}

/* Tooltips (README, "Evidence in the picture"): lines joined by the two characters \n, each line plain
 * text (each backslash four times, as Graphviz unescapes a tooltip twice, & as &amp;, a line feed from the
 * data a space). Expected strings by hand. */
static void test_tooltips(void)
{
    sg_network *net = sg_network_new("t");
    int a = add_node(net, "a\\", "a\\", "", "");      /* label = id: the id alone; no kind, no affiliation */
    int b = add_node(net, "b", "B & Co", "ring", "X;Y");
    sg_node *nb = &net->nodes[b];
    nb->kind = SG_KIND_ORGANIZATION;
    nb->native_name = sg_network_intern(net, "Би");
    nb->note = sg_network_intern(net, "one\ntwo \\N");
    nb->sources = sg_network_split(net, "s1;missing;s2", ';'); /* "missing" is not in the sources table */
    nb->when = (sg_interval){sg_date_plain(1901, 0, 0), sg_date_plain(1944, 11, 7)};
    sg_network_add_source(net, &(sg_source){.key = sg_network_intern(net, "s1"),
                                            .reference = sg_network_intern(net, "Ref & one"),
                                            .pages = sg_network_intern(net, "12"), .note = ""});
    sg_network_add_source(net, &(sg_source){.key = sg_network_intern(net, "s2"), .reference = "",
                                            .pages = sg_network_intern(net, "3-4"), .note = ""});
    add_tie(net, a, b, "met", 0.5);
    sg_edge *e = &net->edges[0];
    e->weight = 2;
    e->when = (sg_interval){sg_date_plain(1930, 0, 0), sg_date_plain(1932, 0, 0)};
    e->hypothesis = sg_network_intern(net, "h"); /* not a hypothesis of NET: its id alone */
    e->sources = sg_network_split(net, "missing", ';');
    add_tie(net, b, a, "recruited", 1.0);

    char *t = sg_render_node_tooltip(net, (size_t)a);
    g_assert_cmpstr(t, ==, "a\\\\\\\\"); /* four for the one backslash: Graphviz unescapes a tooltip twice */
    g_free(t);
    t = sg_render_node_tooltip(net, (size_t)b);
    g_assert_cmpstr(t, ==, "B &amp; Co (b)\\ncodenames: X, Y\\nnative name: Би\\norganization, ring\\n"
                           "lifetime: 1901\u20131944-11-07\\nsources:\\ns1: Ref &amp; one, p. 12\\nmissing\\n"
                           "s2: pp. 3-4\\nnote: one two \\\\\\\\N");
    g_free(t);
    t = sg_render_tie_tooltip(net, 0);
    g_assert_cmpstr(t, ==, "met: a\\\\\\\\ \u2014 B &amp; Co (b)\\nperiod: 1930\u20131932\\nconfidence 0.5, weight 2\\n"
                           "added by hypothesis h\\nsources:\\nmissing");
    g_free(t);
    e = &net->edges[1];
    e->hypothesis = sg_network_intern(net, "h");
    e->changed = true;
    t = sg_render_tie_tooltip(net, 1);
    g_assert_cmpstr(t, ==, "recruited: B &amp; Co (b) \u2192 a\\\\\\\\\\nconfidence 1, weight 1\\nchanged by hypothesis h");
    g_free(t);
    t = sg_render_tie_object_id(e);
    g_assert_cmpstr(t, ==, "tie-2"); /* a changed base tie keeps its key: its place in the base */
    g_free(t);
    t = sg_render_node_object_id(&net->nodes[a]);
    g_assert_cmpstr(t, ==, "node-a%5C");
    g_free(t);
    sg_network_unref(net);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/render/plain-text", test_plain_text);
    g_test_add_func("/render/format-from-path", test_format_from_path);
    g_test_add_func("/render/node-labels", test_node_labels);
    g_test_add_func("/render/styles", test_styles);
    g_test_add_func("/render/dates", test_dates);
    g_test_add_func("/render/groups-past-the-palette", test_groups_past_the_palette);
    g_test_add_func("/render/route", test_route);
    g_test_add_func("/render/communities", test_communities);
    g_test_add_func("/render/tooltips", test_tooltips);
    return g_test_run();
}

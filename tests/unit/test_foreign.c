/* test_foreign.c: unit tests of the foreign-format builder: the attribute rule, extra attributes, errors at their place, igraph's readers. */
#include <glib.h>
#include <string.h>

#include "io/foreign.h"
#include "spygraph/reading.h"

static const sg_origin here = {"t.x", 3, 7};

/* Attributes named like spygraph's columns become fields (any case); others become extra attributes in
 * the order first seen, empty where an entity lacks one. Expected values are the inputs, by hand. */
static void test_attribute_rule(void)
{
    sg_diag *diag = sg_diag_new();
    static const char data[] = "bytes";
    sg_foreign *f = sg_foreign_new("dir/t.x", "Test", data, sizeof data - 1, diag);
    int a = sg_foreign_node(f, "a", &here), b = sg_foreign_node(f, "b", &here);
    g_assert_cmpint(sg_foreign_node(f, "a", &here), ==, a);
    sg_foreign_node_attr(f, a, "Label", "Anna", &here);
    sg_foreign_node_attr(f, a, "KIND", "person", &here);
    sg_foreign_node_attr(f, a, "aliases", "X; Y", &here);
    sg_foreign_node_attr(f, a, "start", "1932~", &here);
    sg_foreign_node_attr(f, b, "modularity", "3", &here);
    sg_foreign_node_attr(f, a, "Modularity", "1", &here); /* the same extra column, any case */
    sg_foreign_node_attr(f, b, "colour", "red", &here);
    int e = sg_foreign_edge(f, a, b, SG_TIE_AS_RELATION, &here);
    sg_foreign_edge_attr(f, e, "Weight", "2.5", &here);
    sg_foreign_edge_attr(f, e, "relation", "met", &here);
    sg_foreign_edge_attr(f, e, "Type", "Directed", &here);
    sg_foreign_edge_attr(f, e, "interaction", "pp", &here);
    sg_foreign_graph_attr(f, "title", "A test", &here);
    sg_network *net = sg_foreign_finish(f);
    g_assert_nonnull(net);
    g_assert_cmpuint(diag->errors, ==, 0);
    g_assert_cmpstr(net->id, ==, "t");
    g_assert_cmpstr(net->title, ==, "A test");
    /* SHA-256 of "bytes", from sha256sum */
    g_assert_cmpstr(net->sha256, ==, "277089d91c0bdf4f2e6862ba7e4a07605119431f5d13f726dd352b06f1b206a9");
    g_assert_cmpuint(net->n_nodes, ==, 2);
    g_assert_cmpstr(net->nodes[a].label, ==, "Anna");
    g_assert_cmpstr(net->nodes[b].label, ==, "b"); /* the id when no label */
    g_assert_cmpint(net->nodes[a].kind, ==, SG_KIND_PERSON);
    g_assert_cmpstr(net->nodes[a].codenames[0], ==, "X");
    g_assert_cmpstr(net->nodes[a].codenames[1], ==, "Y");
    g_assert_true(net->nodes[a].when.start.flags != 0);
    g_assert_cmpuint(net->n_extra_attrs, ==, 2);
    g_assert_cmpstr(net->extra_attrs[0], ==, "modularity");
    g_assert_cmpstr(net->extra_attrs[1], ==, "colour");
    g_assert_cmpstr(net->nodes[a].extra[0], ==, "1");
    g_assert_cmpstr(net->nodes[a].extra[1], ==, "");
    g_assert_cmpstr(net->nodes[b].extra[0], ==, "3");
    g_assert_cmpstr(net->nodes[b].extra[1], ==, "red");
    g_assert_cmpuint(net->n_edges, ==, 1);
    g_assert_cmpfloat(net->edges[0].weight, ==, 2.5);
    g_assert_cmpstr(net->edges[0].relation->name, ==, "met");
    g_assert_cmpint(net->edges[0].direction, ==, SG_TIE_DIRECTED);
    g_assert_true(sg_edge_directed(&net->edges[0])); /* met is undirected by relation; the tie says directed */
    g_assert_cmpuint(net->n_edge_extra_attrs, ==, 1);
    g_assert_cmpstr(net->edge_extra_attrs[0], ==, "interaction");
    g_assert_cmpstr(net->edges[0].extra[0], ==, "pp");
    sg_network_unref(net);
    sg_diag_free(diag);
}

/* A bad value is an error at the place the reader gives, with the CSV tables' wording. */
static void test_bad_values(void)
{
    sg_diag *diag = sg_diag_new();
    sg_foreign *f = sg_foreign_new("t.x", "Test", "", 0, diag);
    int a = sg_foreign_node(f, "a", &here), b = sg_foreign_node(f, "b", &here);
    int e = sg_foreign_edge(f, a, b, SG_TIE_AS_RELATION, &here);
    sg_foreign_edge_attr(f, e, "weight", "heavy", &here);
    sg_foreign_edge_attr(f, e, "start", "1932-13", &here);
    sg_foreign_node_attr(f, a, "kind", "ghost", &here);
    g_assert_cmpint(sg_foreign_node(f, "", &here), ==, -1);
    sg_network *net = sg_foreign_finish(f);
    g_assert_cmpuint(diag->errors, ==, 4);
    for (size_t i = 0; i < diag->count; i++) {
        g_assert_cmpint(diag->items[i].line, ==, 3);
        g_assert_cmpint(diag->items[i].column, ==, 7);
    }
    g_assert_nonnull(strstr(diag->items[0].message, "weight 'heavy' is not a number"));
    g_assert_nonnull(strstr(diag->items[2].message, "unknown node kind 'ghost'"));
    g_assert_cmpstr(diag->items[3].message, ==, "a node without an id (Test)");
    sg_network_unref(net);
    sg_diag_free(diag);
}

static igraph_error_t read_gml(igraph_t *g, FILE *stream)
{
    return igraph_read_graph_gml(g, stream);
}

/* Reads GML TEXT through igraph into a network (label as the id); DIAG gets the problems. */
static sg_network *gml(const char *text, sg_diag *diag)
{
    sg_foreign *f = sg_foreign_new("t.gml", "GML", text, strlen(text), diag);
    FILE *stream = fmemopen((void *)text, strlen(text), "r");
    static const char *const ids[] = {"label", "id", NULL};
    bool ok = sg_foreign_read_igraph(f, read_gml, stream, ids);
    fclose(stream);
    if (!ok) {
        sg_foreign_free(f);
        return NULL;
    }
    return sg_foreign_finish(f);
}

/* igraph's reader through the builder: vertices named by label, attributes by the rule, the graph's own
 * direction on every tie (a directed GML graph: each tie directed). */
static void test_igraph_reader(void)
{
    sg_diag *diag = sg_diag_new();
    sg_network *net = gml("graph [\n directed 1\n node [ id 0 label \"sorge\" name \"Richard Sorge\" group \"gru\" ]\n"
                          " node [ id 1 label \"ozaki\" ]\n edge [ source 1 target 0 relation \"reported_to\""
                          " weight 2 ]\n]\n",
                          diag);
    g_assert_nonnull(net);
    g_assert_cmpuint(diag->errors, ==, 0);
    g_assert_cmpuint(net->n_nodes, ==, 2);
    g_assert_cmpstr(net->nodes[0].id, ==, "sorge");
    g_assert_cmpstr(net->nodes[0].label, ==, "Richard Sorge");
    g_assert_cmpuint(net->n_extra_attrs, ==, 1);
    g_assert_cmpstr(net->extra_attrs[0], ==, "group");
    g_assert_cmpstr(net->nodes[1].extra[0], ==, "");
    g_assert_cmpuint(net->n_edges, ==, 1);
    g_assert_cmpstr(net->nodes[net->edges[0].source].id, ==, "ozaki");
    g_assert_cmpstr(net->edges[0].relation->name, ==, "reported_to");
    g_assert_cmpfloat(net->edges[0].weight, ==, 2);
    g_assert_cmpint(net->edges[0].direction, ==, SG_TIE_DIRECTED);
    sg_network_unref(net);
    sg_diag_free(diag);

    /* a syntax error: igraph's message, at the line igraph names (the unclosed bracket: line 3, counted by
     * hand), naming the format */
    diag = sg_diag_new();
    net = gml("graph [\n node [ id 0 label \"a\"\n", diag);
    g_assert_null(net);
    g_assert_cmpuint(diag->errors, ==, 1);
    g_assert_cmpint(diag->items[0].line, ==, 3);
    g_assert_true(g_str_has_prefix(diag->items[0].message, "not a readable GML file: "));
    sg_diag_free(diag);

    /* two vertices with one label: the second is an error, not a silent merge */
    diag = sg_diag_new();
    net = gml("graph [\n node [ id 0 label \"a\" ]\n node [ id 1 label \"a\" ]\n edge [ source 0 target 1 ]\n]\n", diag);
    g_assert_cmpuint(diag->errors, ==, 1);
    g_assert_cmpstr(diag->items[0].message, ==, "two vertices have the id 'a' (GML)");
    sg_network_unref(net);
    sg_diag_free(diag);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    sg_igraph_install_handlers();
    g_test_add_func("/foreign/attribute-rule", test_attribute_rule);
    g_test_add_func("/foreign/bad-values", test_bad_values);
    g_test_add_func("/foreign/igraph-reader", test_igraph_reader);
    return g_test_run();
}

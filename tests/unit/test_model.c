/* test_model.c: unit tests of the network model: interning, node ids, name resolution, the relation
 * vocabulary (checked against the table in networks/README.md) and the igraph view (arc counts worked
 * out by hand). */
#include <glib.h>
#include <string.h>

#include "spygraph/graph.h"
#include "spygraph/loader.h"
#include "spygraph/model.h"

/* Adds a node with ID, LABEL, CODENAMES (`;` list) and NATIVE name; returns its index. */
static int add_node(sg_network *net, const char *id, const char *label, const char *codenames, const char *native)
{
    sg_node n = {0};
    n.id = sg_network_intern(net, id);
    n.label = sg_network_intern(net, label);
    n.affiliation = n.note = "";
    n.native_name = sg_network_intern(net, native);
    n.codenames = sg_network_split(net, codenames, ';');
    n.sources = sg_empty_list();
    return sg_network_add_node(net, &n);
}

static void add_tie(sg_network *net, int s, int t, const char *relation)
{
    sg_edge e = {0};
    e.source = s;
    e.target = t;
    e.relation = sg_relation_find(relation);
    g_assert_nonnull(e.relation);
    e.confidence = e.weight = 1.0;
    e.sources = sg_empty_list();
    e.note = "";
    sg_network_add_edge(net, &e);
}

static void test_interning(void)
{
    sg_network *net = sg_network_new("t");
    char *copy = g_strdup("Ozaki");
    const char *a = sg_network_intern(net, "Ozaki"), *b = sg_network_intern(net, copy);
    g_assert_true(a == b); /* equal strings are stored once */
    g_assert_true(a != copy);
    g_free(copy);
    g_assert_cmpstr(sg_network_intern(net, NULL), ==, "");
    const char **parts = sg_network_split(net, " Ramsay ; ;Inson;", ';');
    g_assert_cmpuint(sg_list_length(parts), ==, 2);
    g_assert_cmpstr(parts[0], ==, "Ramsay");
    g_assert_cmpstr(parts[1], ==, "Inson");
    g_assert_true(sg_network_split(net, "", ';') == sg_empty_list());
    g_assert_true(sg_network_split(net, " ; ", ';') == sg_empty_list());
    sg_network_unref(net);
}

static void test_node_ids(void)
{
    sg_network *net = sg_network_new("t");
    g_assert_cmpint(add_node(net, "sorge", "Richard Sorge", "Ramsay;Inson", "Рихард Зорге"), ==, 0);
    g_assert_cmpint(add_node(net, "ozaki", "Hotsumi Ozaki", "Invest;Otto", "尾崎秀実"), ==, 1);
    g_assert_cmpint(add_node(net, "sorge", "again", "", ""), ==, -1); /* nothing added */
    g_assert_cmpuint(net->n_nodes, ==, 2);
    g_assert_cmpint(sg_network_find_node(net, "ozaki"), ==, 1);
    g_assert_cmpint(sg_network_find_node(net, "Ozaki"), ==, -1); /* ids are exact */
    g_assert_cmpint(sg_network_find_node(net, "miyagi"), ==, -1);
    /* Many nodes: ids stay found through the table's growth. */
    for (int i = 0; i < 1000; i++) {
        char id[16];
        g_snprintf(id, sizeof id, "n%d", i);
        g_assert_cmpint(add_node(net, id, id, "", ""), ==, i + 2);
    }
    g_assert_cmpint(sg_network_find_node(net, "n999"), ==, 1001);
    g_assert_cmpstr(net->nodes[1001].id, ==, "n999");
    sg_network_unref(net);
}

static void test_resolve(void)
{
    sg_network *net = sg_network_new("t");
    add_node(net, "sorge", "Richard Sorge", "Ramsay;Inson", "Рихард Зорге");
    add_node(net, "ozaki", "Hotsumi Ozaki", "Invest;Otto", "尾崎秀実");
    add_node(net, "otto", "Otto Braun", "", "");
    add_node(net, "smedley", "Agnes Smedley", "Otto", "");
    int *cands = NULL;
    g_assert_cmpint(sg_network_resolve_node(net, "ozaki", NULL), ==, 1);         /* id */
    g_assert_cmpint(sg_network_resolve_node(net, "hotsumi ozaki", NULL), ==, 1); /* label, any case */
    g_assert_cmpint(sg_network_resolve_node(net, "RAMSAY", NULL), ==, 0);        /* codename */
    g_assert_cmpint(sg_network_resolve_node(net, "尾崎秀実", NULL), ==, 1);       /* native name */
    g_assert_cmpint(sg_network_resolve_node(net, "Рихард Зорге", NULL), ==, 0);
    g_assert_cmpint(sg_network_resolve_node(net, "Miyagi", &cands), ==, -1);
    g_assert_null(cands);
    /* An exact id wins over codenames: "otto" is a node id and two nodes' codename. */
    g_assert_cmpint(sg_network_resolve_node(net, "otto", NULL), ==, 2);
    /* "OTTO" is no id: it matches node otto (id, any case), ozaki and smedley (codename). */
    g_assert_cmpint(sg_network_resolve_node(net, "OTTO", &cands), ==, -2);
    g_assert_nonnull(cands);
    g_assert_cmpint(cands[0], ==, 1);
    g_assert_cmpint(cands[1], ==, 2);
    g_assert_cmpint(cands[2], ==, 3);
    g_assert_cmpint(cands[3], ==, -1);
    g_free(cands);
    sg_network_unref(net);
}

static void test_vocabulary(void)
{
    /* The table in networks/README.md, "Relations": name, directed. */
    static const struct { const char *name; bool directed; const char *family; } documented[] = {
        {"member_of", true, "membership"},   {"employed_by", true, "membership"}, {"located_in", true, "membership"},
        {"commanded", true, "command"},      {"handled", true, "command"},        {"recruited", true, "command"},
        {"reported_to", true, "command"},    {"radio_link", true, "information"}, {"informed", true, "information"},
        {"introduced", true, "personal"},    {"penetrated", true, "hostile"},     {"surveilled", true, "hostile"},
        {"arrested", true, "hostile"},       {"met", false, "personal"},          {"colleague", false, "personal"},
        {"friend", false, "personal"},       {"married", false, "personal"},      {"business", false, "personal"},
        {"negotiated_with", false, "diplomatic"}, {"allied_with", false, "diplomatic"},
        {"co_member", false, "membership"},  {"co_located", false, "membership"}, {"tie", false, "other"},
    };
    size_t n = 0;
    for (const sg_relation *r = sg_relations(); r->name; r++)
        n++;
    g_assert_cmpuint(n, ==, G_N_ELEMENTS(documented));
    for (size_t i = 0; i < G_N_ELEMENTS(documented); i++) {
        const sg_relation *r = sg_relation_find(documented[i].name);
        g_assert_nonnull(r);
        g_assert_cmpint(r->directed, ==, documented[i].directed);
        g_assert_cmpstr(sg_family_name(r->family), ==, documented[i].family);
        g_assert_true(r->reading && *r->reading);
    }
    g_assert_null(sg_relation_find("spied_on"));
    g_assert_null(sg_relation_find("Met")); /* relation names are exact */
    g_assert_null(sg_relation_find(""));
}

static void test_kinds(void)
{
    sg_kind k = SG_KIND_PLACE;
    g_assert_true(sg_kind_parse("", &k));
    g_assert_cmpint(k, ==, SG_KIND_UNSPECIFIED);
    g_assert_true(sg_kind_parse("Person", &k));
    g_assert_cmpint(k, ==, SG_KIND_PERSON);
    g_assert_true(sg_kind_parse("organisation", &k));
    g_assert_cmpstr(sg_kind_name(k), ==, "organization");
    g_assert_false(sg_kind_parse("spy", &k));
}

/* a -recruited-> b, b -met- c, c -friend- c (a self-loop), d isolated. */
static sg_network *small_network(void)
{
    sg_network *net = sg_network_new("small");
    add_node(net, "a", "A", "", "");
    add_node(net, "b", "B", "", "");
    add_node(net, "c", "C", "", "");
    add_node(net, "d", "D", "", "");
    add_tie(net, 0, 1, "recruited");
    add_tie(net, 1, 2, "met");
    add_tie(net, 2, 2, "friend");
    return net;
}

static void test_graph_directed(void)
{
    sg_network *net = small_network();
    sg_graph g;
    g_assert_cmpint(sg_graph_build(&g, net, SG_DIRECTION_DIRECTED), ==, IGRAPH_SUCCESS);
    /* one arc for the directed tie, two for each undirected one (the loop too): 1 + 2 + 2 */
    g_assert_true(igraph_is_directed(&g.graph));
    g_assert_cmpint(igraph_vcount(&g.graph), ==, 4);
    g_assert_cmpint(igraph_ecount(&g.graph), ==, 5);
    static const igraph_integer_t tie[] = {0, 1, 1, 2, 2};
    static const igraph_integer_t from[] = {0, 1, 2, 2, 2}, to[] = {1, 2, 1, 2, 2};
    for (igraph_integer_t e = 0; e < 5; e++) {
        g_assert_cmpint(VECTOR(g.edge_tie)[e], ==, tie[e]);
        g_assert_cmpint(IGRAPH_FROM(&g.graph, e), ==, from[e]);
        g_assert_cmpint(IGRAPH_TO(&g.graph, e), ==, to[e]);
    }
    sg_graph_destroy(&g);
    sg_network_unref(net);
}

static void test_graph_undirected(void)
{
    sg_network *net = small_network();
    net->edges[1].weight = 2.5;
    net->edges[2].confidence = 0.25;
    sg_graph g;
    g_assert_cmpint(sg_graph_build(&g, net, SG_DIRECTION_DEFAULT), ==, IGRAPH_SUCCESS);
    g_assert_false(igraph_is_directed(&g.graph)); /* the default is undirected */
    g_assert_cmpint(igraph_ecount(&g.graph), ==, 3);
    for (igraph_integer_t e = 0; e < 3; e++)
        g_assert_cmpint(VECTOR(g.edge_tie)[e], ==, e);
    igraph_vector_t w;
    igraph_vector_init(&w, 0);
    g_assert_cmpint(sg_graph_edge_values(&g, net, SG_WEIGHTS_WEIGHT, &w), ==, IGRAPH_SUCCESS);
    g_assert_cmpfloat(VECTOR(w)[0], ==, 1.0);
    g_assert_cmpfloat(VECTOR(w)[1], ==, 2.5);
    g_assert_cmpint(sg_graph_edge_values(&g, net, SG_WEIGHTS_CONFIDENCE, &w), ==, IGRAPH_SUCCESS);
    g_assert_cmpfloat(VECTOR(w)[2], ==, 0.25);
    g_assert_cmpint(sg_graph_edge_values(&g, net, SG_WEIGHTS_NONE, &w), ==, IGRAPH_SUCCESS);
    g_assert_cmpfloat(VECTOR(w)[1], ==, 1.0);
    igraph_vector_destroy(&w);
    sg_graph_destroy(&g);
    sg_network_unref(net);
}

static void test_graph_edge_list_directed(void)
{
    /* A bare edge list's unspecified ties are read as written under --directed; a named mutual relation
     * (met) still gives two arcs. Hand count: a->b, b->c, then c->a and a->c = 4 arcs. */
    static const char text[] = "source,target,relation\na,b,\nb,c,tie\nc,a,met\n";
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_load_edge_list_bytes("plain.csv", text, strlen(text), diag);
    g_assert_nonnull(net);
    g_assert_cmpint(diag->errors, ==, 0);
    g_assert_cmpstr(sg_relation_unspecified()->name, ==, "tie");
    g_assert_true(net->edges[0].relation == sg_relation_unspecified()); /* an empty relation field */
    sg_graph g;
    g_assert_cmpint(sg_graph_build(&g, net, SG_DIRECTION_DIRECTED), ==, IGRAPH_SUCCESS);
    static const igraph_integer_t from[] = {0, 1, 2, 0}, to[] = {1, 2, 0, 2};
    g_assert_cmpint(igraph_ecount(&g.graph), ==, 4);
    for (igraph_integer_t e = 0; e < 4; e++) {
        g_assert_cmpint(IGRAPH_FROM(&g.graph, e), ==, from[e]);
        g_assert_cmpint(IGRAPH_TO(&g.graph, e), ==, to[e]);
    }
    sg_graph_destroy(&g);
    /* In a curated network `tie` is a mutual relation like met: 2 + 2 + 2 arcs. */
    net->curated = true;
    g_assert_cmpint(sg_graph_build(&g, net, SG_DIRECTION_DIRECTED), ==, IGRAPH_SUCCESS);
    g_assert_cmpint(igraph_ecount(&g.graph), ==, 6);
    sg_graph_destroy(&g);
    sg_network_unref(net);
    sg_diag_free(diag);
}

static void test_same_tie(void)
{
    sg_network *net = small_network();
    sg_edge met_reversed = net->edges[1], recruited_reversed = net->edges[0];
    met_reversed.source = 2;
    met_reversed.target = 1;
    recruited_reversed.source = 1;
    recruited_reversed.target = 0;
    g_assert_true(sg_edge_same_tie(&net->edges[1], &met_reversed));         /* undirected: either way */
    g_assert_false(sg_edge_same_tie(&net->edges[0], &recruited_reversed)); /* directed: not reversed */
    g_assert_false(sg_edge_same_tie(&net->edges[1], &net->edges[0]));
    sg_network_unref(net);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/model/interning", test_interning);
    g_test_add_func("/model/node-ids", test_node_ids);
    g_test_add_func("/model/resolve", test_resolve);
    g_test_add_func("/model/vocabulary", test_vocabulary);
    g_test_add_func("/model/kinds", test_kinds);
    g_test_add_func("/model/graph-directed", test_graph_directed);
    g_test_add_func("/model/graph-undirected", test_graph_undirected);
    g_test_add_func("/model/graph-edge-list-directed", test_graph_edge_list_directed);
    g_test_add_func("/model/same-tie", test_same_tie);
    return g_test_run();
}

/* testdata.c: loading the project's bundled networks and test data from the unit tests. */
#include <glib.h>

#include "spygraph/loader.h"
#include "testdata.h"

void test_add_node(sg_network *net, const char *id)
{
    sg_node n = {0};
    n.id = n.label = sg_network_intern(net, id);
    n.affiliation = n.native_name = n.note = "";
    n.codenames = n.sources = sg_empty_list();
    g_assert_cmpint(sg_network_add_node(net, &n), >=, 0);
}

size_t test_add_tie(sg_network *net, const char *s, const char *t, const char *relation)
{
    sg_edge e = {0};
    e.source = sg_network_find_node(net, s);
    e.target = sg_network_find_node(net, t);
    g_assert_cmpint(e.source, >=, 0);
    g_assert_cmpint(e.target, >=, 0);
    e.relation = sg_relation_find(relation);
    g_assert_nonnull(e.relation);
    e.confidence = e.weight = 1.0;
    e.sources = sg_empty_list();
    e.note = "";
    return sg_network_add_edge(net, &e);
}

sg_network *test_load_network(const char *relative)
{
    const char *root = g_getenv("SPYGRAPH_SOURCE_ROOT");
    char *path = g_build_filename(root ? root : ".", relative, NULL);
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_load_network(path, diag);
    g_assert_nonnull(net);
    g_assert_cmpuint(diag->errors, ==, 0);
    sg_diag_free(diag);
    g_free(path);
    return net;
}

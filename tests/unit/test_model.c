/* test_model.c: unit tests of the network model: interning, node ids, name resolution, the relation
 * vocabulary (checked against the table in networks/README.md) and the igraph view (arc counts worked
 * out by hand), affiliation labels. */
#include <glib.h>
#include <string.h>

#include "spygraph/compare.h"
#include "spygraph/reading.h"
#include "spygraph/loader.h"
#include "spygraph/model.h"
#include "testdata.h"

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
    /* The table in networks/README.md, "Relations": name, directed, channel, family. */
    static const struct { const char *name; bool directed, channel; const char *family; } documented[] = {
        {"member_of", true, false, "membership"},      {"employed_by", true, false, "membership"},
        {"located_in", true, false, "membership"},     {"commanded", true, true, "command"},
        {"handled", true, true, "command"},            {"recruited", true, true, "command"},
        {"reported_to", true, true, "command"},        {"radio_link", true, true, "information"},
        {"informed", true, true, "information"},       {"introduced", true, true, "personal"},
        {"penetrated", true, true, "hostile"},         {"surveilled", true, false, "hostile"},
        {"arrested", true, false, "hostile"},          {"met", false, true, "personal"},
        {"colleague", false, true, "personal"},        {"friend", false, true, "personal"},
        {"married", false, true, "personal"},          {"business", false, true, "personal"},
        {"negotiated_with", false, true, "diplomatic"}, {"allied_with", false, false, "diplomatic"},
        {"co_member", false, true, "membership"},      {"co_located", false, false, "membership"},
        {"tie", false, true, "other"},
    };
    size_t n = 0;
    for (const sg_relation *r = sg_relations(); r->name; r++)
        n++;
    g_assert_cmpuint(n, ==, G_N_ELEMENTS(documented));
    for (size_t i = 0; i < G_N_ELEMENTS(documented); i++) {
        const sg_relation *r = sg_relation_find(documented[i].name);
        g_assert_nonnull(r);
        g_assert_cmpint(r->directed, ==, documented[i].directed);
        g_assert_cmpint(r->channel, ==, documented[i].channel);
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

/* Asserts NET's display names of tests/data/good/affiliation-labels (its manifest's description says them):
 * the manifest's ring, centre and party, then police from nodes.csv, and the slug for an unlabelled value. */
static void assert_labels(const sg_network *net)
{
    g_assert_cmpuint(net->n_affiliations, ==, 4);
    static const char *const ids[] = {"ring", "centre", "party", "police"};
    for (size_t i = 0; i < G_N_ELEMENTS(ids); i++)
        g_assert_cmpstr(net->affiliations[i].id, ==, ids[i]);
    g_assert_cmpstr(sg_network_affiliation_label(net, "ring"), ==, "The Ring");
    g_assert_cmpstr(sg_network_affiliation_label(net, "centre"), ==, "Centre & <Command>");
    g_assert_cmpstr(sg_network_affiliation_label(net, "party"), ==, "The Party");
    g_assert_cmpstr(sg_network_affiliation_label(net, "police"), ==, "Special Higher Police");
    g_assert_cmpstr(sg_network_affiliation_label(net, "nobody"), ==, "nobody");
    g_assert_cmpstr(sg_network_affiliation_label(net, ""), ==, "");
    g_assert_cmpstr(sg_network_affiliation_label(net, NULL), ==, "");
    g_assert_null(sg_network_find_affiliation(net, ""));
}

/* The labels a network is loaded with are those of every network derived from it (a hypothesis applied, a
 * reading, the union compare lays out), which share the table and never free it (ASan checks the frees). */
static void test_affiliation_labels(void)
{
    sg_network *net = test_load_network("tests/data/good/affiliation-labels");
    assert_labels(net);
    /* the manifest's entries come first, with the place of their id in network.json (line 8, column 13) */
    g_assert_cmpint(net->affiliations[0].origin.line, ==, 8);
    g_assert_cmpint(net->affiliations[0].origin.column, ==, 13);
    g_assert_true(g_str_has_suffix(net->affiliations[3].origin.file, "nodes.csv"));
    g_assert_cmpint(net->affiliations[3].origin.line, ==, 6); /* kurt's row, by hand */

    sg_diag *diag = sg_diag_new();
    sg_network *hyp = sg_network_apply_hypothesis(net, "party_link", diag);
    g_assert_nonnull(hyp);
    assert_labels(hyp);
    int dora = sg_network_find_node(hyp, "dora");
    g_assert_cmpint(dora, >=, 0);
    g_assert_cmpstr(sg_network_affiliation_label(hyp, hyp->nodes[dora].affiliation), ==, "The Party");

    sg_reading r;
    sg_reading_init(&r);
    const char *ids[] = {"party_link"};
    r.hypotheses = ids;
    r.n_hypotheses = 1;
    r.kinds = 1u << SG_KIND_PERSON; /* a reading that copies the node array */
    sg_network *read = sg_reading_network(net, &r, diag);
    g_assert_nonnull(read);
    assert_labels(read);
    sg_network *whole = sg_network_union_of_hypotheses(net, diag);
    g_assert_nonnull(whole);
    assert_labels(whole);
    g_assert_cmpuint(diag->errors, ==, 0);
    /* the base goes first: the derived networks keep its table alive */
    sg_network_unref(net);
    assert_labels(hyp);
    sg_network_unref(hyp);
    assert_labels(read);
    sg_network_unref(read);
    assert_labels(whole);
    sg_network_unref(whole);
    sg_diag_free(diag);

    /* sg_network_add_affiliation: one entry per id */
    sg_network *bare = sg_network_new("bare");
    sg_affiliation a = {sg_network_intern(bare, "ring"), sg_network_intern(bare, "The Ring"), {"x", 1, 1}};
    g_assert_cmpint(sg_network_add_affiliation(bare, &a), ==, 0);
    a.label = sg_network_intern(bare, "Another");
    g_assert_cmpint(sg_network_add_affiliation(bare, &a), ==, -1);
    g_assert_cmpuint(bare->n_affiliations, ==, 1);
    g_assert_cmpstr(sg_network_find_affiliation(bare, "ring")->label, ==, "The Ring");
    sg_network_unref(bare);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/model/interning", test_interning);
    g_test_add_func("/model/node-ids", test_node_ids);
    g_test_add_func("/model/resolve", test_resolve);
    g_test_add_func("/model/vocabulary", test_vocabulary);
    g_test_add_func("/model/kinds", test_kinds);
    g_test_add_func("/model/same-tie", test_same_tie);
    g_test_add_func("/model/affiliation-labels", test_affiliation_labels);
    return g_test_run();
}

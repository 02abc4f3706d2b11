/* test_patch.c: unit tests of hypothesis patches and snapshots on small networks built in code (and one
 * read from tests/data/good/tiny); every expected count is worked out by hand beside the test. */
#include <glib.h>
#include <string.h>

#include "spygraph/loader.h"
#include "spygraph/model.h"
#include "spygraph/reading.h"
#include "testdata.h"

static sg_date date(const char *text)
{
    sg_date d;
    const char *why = NULL;
    g_assert_true(sg_date_parse(text, &d, &why));
    return d;
}


static void add_tie(sg_network *net, const char *s, const char *t, const char *relation, const char *start,
                    const char *end)
{
    sg_edge e = {0};
    e.source = sg_network_find_node(net, s);
    e.target = sg_network_find_node(net, t);
    e.relation = sg_relation_find(relation);
    e.when.start = date(start);
    e.when.end = date(end);
    e.confidence = 0.5;
    e.weight = 1.0;
    e.sources = sg_empty_list();
    e.note = "";
    sg_network_add_edge(net, &e);
}

/* anna -recruited-> boris (1932-12..), boris -met- cell (1930..1931), anna -met- boris (undated),
 * boris -informed-> anna (1941-07-02). */
static sg_network *base_network(void)
{
    sg_network *net = sg_network_new("base");
    test_add_node(net, "anna");
    test_add_node(net, "boris");
    test_add_node(net, "cell");
    add_tie(net, "anna", "boris", "recruited", "1932-12", "");
    add_tie(net, "boris", "cell", "met", "1930", "1931");
    add_tie(net, "anna", "boris", "met", "", "");
    add_tie(net, "boris", "anna", "informed", "1941-07-02", "1941-07-02");
    return net;
}

/* A patch line of hypothesis "h" read from line LINE of "h.csv". */
static sg_patch edge_patch(sg_network *net, sg_patch_op op, const char *s, const char *t, const char *relation,
                           int line)
{
    sg_patch p = {0};
    p.op = op;
    p.source_id = sg_network_intern(net, s);
    p.target_id = sg_network_intern(net, t);
    p.relation = relation ? sg_relation_find(relation) : NULL;
    p.edge.relation = p.relation;
    p.edge.confidence = p.edge.weight = 1.0;
    p.edge.sources = sg_empty_list();
    p.edge.note = "";
    p.origin = (sg_origin){"h.csv", line, 1};
    return p;
}

static sg_hypothesis hypothesis(sg_patch *patches, size_t n)
{
    sg_hypothesis h = {0};
    h.id = "h";
    h.label = "a test";
    h.sources = sg_empty_list();
    h.patches = patches;
    h.n_patches = n;
    return h;
}

/* Applies PATCHES to a fresh base; asserts the base is unchanged afterwards; returns the copy. */
static sg_network *apply(sg_network *base, sg_patch *patches, size_t n, sg_diag *diag)
{
    size_t nodes = base->n_nodes, edges = base->n_edges;
    sg_edge first = base->edges[0];
    sg_hypothesis h = hypothesis(patches, n);
    sg_network *out = sg_network_apply_patches(base, &h, diag);
    g_assert_nonnull(out);
    g_assert_true(out != base);
    g_assert_cmpuint(base->n_nodes, ==, nodes);
    g_assert_cmpuint(base->n_edges, ==, edges);
    g_assert_true(memcmp(&base->edges[0], &first, sizeof first) == 0);
    g_assert_cmpstr(out->applied_hypothesis, ==, "h");
    g_assert_null(base->applied_hypothesis);
    return out;
}

static void test_add_node_and_edge(void)
{
    sg_network *base = base_network();
    sg_diag *diag = sg_diag_new();
    sg_patch p[2] = {{0}, edge_patch(base, SG_PATCH_ADD_EDGE, "kito", "anna", "introduced", 3)};
    p[0].op = SG_PATCH_ADD_NODE;
    p[0].node.id = p[0].node.label = sg_network_intern(base, "kito");
    p[0].node.affiliation = p[0].node.native_name = p[0].node.note = "";
    p[0].node.codenames = p[0].node.sources = sg_empty_list();
    p[0].origin = (sg_origin){"h.csv", 2, 1};
    sg_network *out = apply(base, p, 2, diag);
    g_assert_cmpuint(diag->count, ==, 0);
    g_assert_cmpuint(out->n_nodes, ==, 4);
    g_assert_cmpuint(out->n_edges, ==, 5);
    g_assert_cmpint(sg_network_find_node(out, "kito"), ==, 3);
    g_assert_cmpint(sg_network_find_node(base, "kito"), ==, -1);
    g_assert_cmpstr(out->nodes[3].hypothesis, ==, "h");
    g_assert_cmpint(out->edges[4].source, ==, 3);
    g_assert_cmpint(out->edges[4].target, ==, 0);
    g_assert_cmpstr(out->edges[4].relation->name, ==, "introduced");
    sg_network_unref(out);
    sg_diag_free(diag);
    sg_network_unref(base);
}

static void test_remove_edge(void)
{
    sg_network *base = base_network();
    sg_diag *diag = sg_diag_new();
    /* met is undirected: "cell,boris" matches the tie written boris,cell */
    sg_patch p = edge_patch(base, SG_PATCH_REMOVE_EDGE, "cell", "boris", "met", 2);
    sg_network *out = apply(base, &p, 1, diag);
    g_assert_cmpuint(diag->count, ==, 0);
    g_assert_cmpuint(out->n_edges, ==, 3);
    for (size_t i = 0; i < out->n_edges; i++)
        g_assert_false(out->edges[i].target == 2 || out->edges[i].source == 2);
    sg_network_unref(out);
    sg_diag_free(diag);
    sg_network_unref(base);
}

static void test_directed_needs_orientation(void)
{
    sg_network *base = base_network();
    sg_diag *diag = sg_diag_new();
    /* recruited is directed: boris,anna does not match anna -> boris */
    sg_patch p = edge_patch(base, SG_PATCH_REMOVE_EDGE, "boris", "anna", "recruited", 4);
    sg_network *out = apply(base, &p, 1, diag);
    g_assert_cmpuint(diag->errors, ==, 1);
    g_assert_cmpstr(diag->items[0].file, ==, "h.csv");
    g_assert_cmpint(diag->items[0].line, ==, 4);
    g_assert_nonnull(strstr(diag->items[0].message, "does not exist"));
    g_assert_cmpuint(out->n_edges, ==, 4);
    sg_network_unref(out);
    sg_diag_free(diag);
    sg_network_unref(base);
}

static void test_change_edge(void)
{
    sg_network *base = base_network();
    sg_diag *diag = sg_diag_new();
    sg_patch p = edge_patch(base, SG_PATCH_CHANGE_EDGE, "boris", "anna", "met", 2); /* undirected, reversed */
    p.edge.confidence = 0.9;
    p.edge.when.start = date("1933");
    p.changes = SG_CHANGE_CONFIDENCE | SG_CHANGE_START;
    sg_network *out = apply(base, &p, 1, diag);
    g_assert_cmpuint(diag->count, ==, 0);
    const sg_edge *e = &out->edges[2];
    g_assert_cmpfloat(e->confidence, ==, 0.9);
    g_assert_cmpstr(e->when.start.text, ==, "1933");
    g_assert_true(e->changed);
    g_assert_cmpstr(e->hypothesis, ==, "h");
    g_assert_cmpfloat(base->edges[2].confidence, ==, 0.5);
    g_assert_false(base->edges[2].changed);
    g_assert_cmpfloat(out->edges[0].confidence, ==, 0.5); /* other ties untouched */
    sg_network_unref(out);
    sg_diag_free(diag);
    sg_network_unref(base);
}

static void test_change_nothing_warns(void)
{
    sg_network *base = base_network();
    sg_diag *diag = sg_diag_new();
    sg_patch p = edge_patch(base, SG_PATCH_CHANGE_EDGE, "anna", "boris", "recruited", 5);
    p.edge.confidence = 0.5; /* what it already is */
    p.changes = SG_CHANGE_CONFIDENCE;
    sg_network *out = apply(base, &p, 1, diag);
    g_assert_cmpuint(diag->errors, ==, 0);
    g_assert_cmpuint(diag->warnings, ==, 1);
    g_assert_cmpint(diag->items[0].line, ==, 5);
    g_assert_nonnull(strstr(diag->items[0].message, "changes nothing"));
    g_assert_false(out->edges[0].changed);
    sg_network_unref(out);
    sg_diag_free(diag);
    sg_network_unref(base);
}

static void test_missing_ties_and_nodes(void)
{
    sg_network *base = base_network();
    sg_diag *diag = sg_diag_new();
    sg_patch p[4] = {
        edge_patch(base, SG_PATCH_CHANGE_EDGE, "anna", "cell", "member_of", 2), /* no such tie */
        edge_patch(base, SG_PATCH_REMOVE_EDGE, "anna", "cell", NULL, 3),        /* none, any relation */
        edge_patch(base, SG_PATCH_REMOVE_EDGE, "anna", "boris", NULL, 4),       /* recruited and met match */
        edge_patch(base, SG_PATCH_ADD_EDGE, "anna", "dora", "met", 5),          /* unknown node */
    };
    p[0].changes = SG_CHANGE_CONFIDENCE;
    sg_network *out = apply(base, p, 4, diag);
    g_assert_cmpuint(diag->errors, ==, 4);
    for (int i = 0; i < 4; i++) {
        g_assert_cmpstr(diag->items[i].file, ==, "h.csv");
        g_assert_cmpint(diag->items[i].line, ==, i + 2);
    }
    g_assert_nonnull(strstr(diag->items[2].message, "matches 2 ties"));
    g_assert_nonnull(strstr(diag->items[3].message, "unknown node 'dora'"));
    g_assert_cmpuint(out->n_edges, ==, 4); /* nothing applied */
    sg_network_unref(out);
    sg_diag_free(diag);
    sg_network_unref(base);
}

static void test_apply_hypothesis_by_id(void)
{
    sg_network *base = base_network();
    sg_patch *patches = g_new0(sg_patch, 1);
    patches[0] = edge_patch(base, SG_PATCH_REMOVE_EDGE, "anna", "boris", "recruited", 2);
    sg_hypothesis h = hypothesis(patches, 1);
    h.id = "kato";
    h.origin = (sg_origin){"network.json", 9, 13};
    g_assert_cmpint(sg_network_add_hypothesis(base, &h), ==, 0);
    sg_diag *diag = sg_diag_new();
    g_assert_null(sg_network_apply_hypothesis(base, "yang", diag));
    g_assert_cmpuint(diag->errors, ==, 1);
    g_assert_cmpstr(diag->items[0].file, ==, "network.json");
    g_assert_nonnull(strstr(diag->items[0].message, "kato"));
    sg_network *out = sg_network_apply_hypothesis(base, "kato", diag);
    g_assert_nonnull(out);
    g_assert_cmpuint(out->n_edges, ==, 3);
    g_assert_cmpuint(base->n_edges, ==, 4);
    sg_network_unref(base); /* the copy keeps what it shares alive */
    g_assert_cmpstr(out->nodes[0].id, ==, "anna");
    sg_network_unref(out);
    sg_diag_free(diag);
}

/* NET read at AT (sg_reading_network with --at). */
static sg_network *read_at(sg_network *net, const char *at)
{
    sg_reading r;
    sg_reading_init(&r);
    r.has_at = true;
    r.at = date(at);
    sg_diag *diag = sg_diag_new();
    sg_network *snap = sg_reading_network(net, &r, diag);
    g_assert_nonnull(snap);
    sg_diag_free(diag);
    return snap;
}

/* Number of ties of NET kept by a reading at AT. */
static size_t kept_at(sg_network *net, const char *at)
{
    sg_network *snap = read_at(net, at);
    size_t n = snap->n_edges;
    g_assert_true(snap->reading && snap->reading->has_at);
    g_assert_cmpuint(snap->n_nodes, ==, net->n_nodes); /* every node is kept: none has a lifetime */
    sg_network_unref(snap);
    return n;
}

static void test_snapshot(void)
{
    sg_network *base = base_network();
    /* ties: recruited 1932-12.., met 1930..1931, met undated, informed 1941-07-02 */
    g_assert_cmpuint(kept_at(base, "1932"), ==, 2);       /* 1932 overlaps December 1932; + undated */
    g_assert_cmpuint(kept_at(base, "1932-11"), ==, 1);    /* only the undated tie */
    g_assert_cmpuint(kept_at(base, "1931-12-31"), ==, 2); /* met 1930..1931 (last day of 1931) + undated */
    g_assert_cmpuint(kept_at(base, "1930-01"), ==, 2);
    g_assert_cmpuint(kept_at(base, "1941-07"), ==, 3);    /* recruited (open end), undated, informed */
    g_assert_cmpuint(kept_at(base, "1941-07-03"), ==, 2);
    g_assert_cmpuint(base->n_edges, ==, 4);
    g_assert_null(base->reading);
    sg_network_unref(base);
}

static void test_patch_from_files(void)
{
    /* tests/data/good/tiny: anna, boris, cell; ties anna-boris met (0.5) and anna->cell member_of; the
     * hypothesis "alt" changes anna-boris met to confidence 0.9. */
    char *path = g_build_filename(g_getenv("SPYGRAPH_SOURCE_ROOT"), "tests", "data", "good", "tiny", NULL);
    sg_diag *diag = sg_diag_new();
    sg_network *base = sg_load_network(path, diag);
    g_assert_nonnull(base);
    g_assert_cmpuint(diag->errors, ==, 0);
    g_assert_cmpuint(base->n_hypotheses, ==, 1);
    sg_network *alt = sg_network_apply_hypothesis(base, "alt", diag);
    g_assert_nonnull(alt);
    g_assert_cmpfloat(alt->edges[0].confidence, ==, 0.9);
    g_assert_cmpfloat(base->edges[0].confidence, ==, 0.5);
    sg_network *snap = read_at(alt, "1931");
    g_assert_cmpuint(snap->n_edges, ==, 1); /* met 1932..1933 is not active in 1931; member_of 1930.. is */
    g_assert_cmpstr(snap->applied_hypothesis, ==, "alt");
    sg_network_unref(snap);
    sg_network_unref(alt);
    sg_network_unref(base);
    sg_diag_free(diag);
    g_free(path);
}

/* A node patch line (remove_node or change_node) of hypothesis "h" at line LINE of "h.csv". */
static sg_patch node_patch(sg_network *net, sg_patch_op op, const char *id, int line)
{
    sg_patch p = {0};
    p.op = op;
    p.node.id = p.node.label = sg_network_intern(net, id);
    p.node.affiliation = p.node.native_name = p.node.note = "";
    p.node.codenames = p.node.sources = sg_empty_list();
    p.origin = (sg_origin){"h.csv", line, 1};
    return p;
}

static void test_remove_node(void)
{
    sg_network *base = base_network();
    sg_diag *diag = sg_diag_new();
    /* Removing anna (index 0) drops her three ties (recruited, met, informed, all with boris) and keeps
     * boris -met- cell, now between indices 0 and 1. A second line removes "dora", who does not exist. */
    sg_patch p[2] = {node_patch(base, SG_PATCH_REMOVE_NODE, "anna", 2), node_patch(base, SG_PATCH_REMOVE_NODE, "dora", 3)};
    sg_network *out = apply(base, p, 2, diag);
    g_assert_cmpuint(diag->errors, ==, 1);
    g_assert_cmpint(diag->items[0].line, ==, 3);
    g_assert_cmpstr(diag->items[0].message, ==, "hypothesis 'h' removes node 'dora', which does not exist");
    g_assert_cmpuint(out->n_nodes, ==, 2);
    g_assert_cmpuint(out->n_edges, ==, 1);
    g_assert_cmpint(sg_network_find_node(out, "anna"), ==, -1);
    g_assert_cmpint(sg_network_find_node(out, "boris"), ==, 0);
    g_assert_cmpint(sg_network_find_node(out, "cell"), ==, 1);
    g_assert_cmpint(out->edges[0].source, ==, 0);
    g_assert_cmpint(out->edges[0].target, ==, 1);
    g_assert_cmpstr(out->edges[0].relation->name, ==, "met");
    g_assert_cmpint(sg_network_find_node(base, "anna"), ==, 0); /* the base keeps its index */
    sg_network_unref(out);
    sg_diag_free(diag);
    sg_network_unref(base);
}

static void test_change_node(void)
{
    sg_network *base = base_network();
    sg_diag *diag = sg_diag_new();
    sg_patch p[4] = {node_patch(base, SG_PATCH_CHANGE_NODE, "boris", 2), node_patch(base, SG_PATCH_CHANGE_NODE, "cell", 3),
                     node_patch(base, SG_PATCH_CHANGE_NODE, "dora", 4), node_patch(base, SG_PATCH_CHANGE_NODE, "anna", 5)};
    /* line 2: boris becomes a gru agent who lived 1901..1944 */
    p[0].node.affiliation = "gru";
    p[0].node.when.start = date("1901");
    p[0].node.when.end = date("1944-11-07");
    p[0].node_changes = SG_CHANGE_NODE_AFFILIATION | SG_CHANGE_NODE_START | SG_CHANGE_NODE_END;
    /* line 3: cell's label set to what it is already ("cell", as add_node gave it): a warning */
    p[1].node_changes = SG_CHANGE_NODE_LABEL;
    /* line 4: no such node: an error */
    p[2].node_changes = SG_CHANGE_NODE_KIND;
    /* line 5 (used in the second run below): anna starts in 1935 */
    p[3].node.when.start = date("1935");
    p[3].node_changes = SG_CHANGE_NODE_START;
    sg_network *out = apply(base, p, 3, diag);
    g_assert_cmpuint(diag->errors, ==, 1);
    g_assert_cmpuint(diag->warnings, ==, 1);
    g_assert_cmpint(diag->items[0].line, ==, 3);
    g_assert_cmpstr(diag->items[0].message, ==, "hypothesis 'h' changes nothing on node 'cell'");
    g_assert_cmpint(diag->items[1].line, ==, 4);
    g_assert_cmpstr(diag->items[1].message, ==, "hypothesis 'h' changes node 'dora', which does not exist");
    const sg_node *boris = &out->nodes[1];
    g_assert_cmpstr(boris->affiliation, ==, "gru");
    g_assert_cmpstr(boris->when.start.text, ==, "1901");
    g_assert_cmpstr(boris->when.end.text, ==, "1944-11-07"); /* line 2 above */
    g_assert_cmpstr(boris->hypothesis, ==, "h");
    g_assert_null(out->nodes[2].hypothesis); /* unchanged: still a base node */
    g_assert_cmpstr(base->nodes[1].affiliation, ==, "");
    sg_network_unref(out);
    /* anna ends in 1930 (line 2), then starts in 1935 (line 5): an error at line 5 */
    sg_diag_free(diag);
    diag = sg_diag_new();
    p[0] = node_patch(base, SG_PATCH_CHANGE_NODE, "anna", 2);
    p[0].node.when.end = date("1930");
    p[0].node_changes = SG_CHANGE_NODE_END;
    p[1] = p[3];
    out = apply(base, p, 2, diag);
    g_assert_cmpuint(diag->errors, ==, 1);
    g_assert_cmpint(diag->items[0].line, ==, 5);
    g_assert_cmpstr(diag->items[0].message, ==, "hypothesis 'h' leaves node 'anna' ending before it starts");
    sg_network_unref(out);
    sg_diag_free(diag);
    sg_network_unref(base);
}

static void test_merge_repoints_ties(void)
{
    sg_network *base = base_network();
    sg_diag *diag = sg_diag_new();
    /* Merging boris (index 1) into cell (index 2): the tie boris-cell met becomes a self-loop and is
     * dropped with a warning; anna->boris recruited, anna-boris met and boris->anna informed move to cell;
     * boris is removed, so cell becomes index 1. Worked out by hand from base_network(). */
    sg_patch p = edge_patch(base, SG_PATCH_MERGE_NODES, "cell", "boris", NULL, 2);
    sg_network *out = apply(base, &p, 1, diag);
    g_assert_cmpuint(diag->errors, ==, 0);
    g_assert_cmpuint(diag->warnings, ==, 1);
    g_assert_cmpstr(diag->items[0].message, ==,
                    "hypothesis 'h' drops the met tie boris-cell: with 'boris' merged into 'cell' it would be a self-loop");
    g_assert_cmpuint(out->n_nodes, ==, 2);
    g_assert_cmpint(sg_network_find_node(out, "boris"), ==, -1);
    g_assert_cmpint(sg_network_find_node(out, "cell"), ==, 1);
    g_assert_cmpstr(out->nodes[1].hypothesis, ==, "h");
    g_assert_cmpuint(out->n_edges, ==, 3);
    static const struct { int s, t; const char *relation; } expected[] = {
        {0, 1, "recruited"}, {0, 1, "met"}, {1, 0, "informed"}};
    for (size_t i = 0; i < 3; i++) {
        g_assert_cmpint(out->edges[i].source, ==, expected[i].s);
        g_assert_cmpint(out->edges[i].target, ==, expected[i].t);
        g_assert_cmpstr(out->edges[i].relation->name, ==, expected[i].relation);
        g_assert_true(out->edges[i].changed);
        g_assert_cmpstr(out->edges[i].hypothesis, ==, "h");
    }
    sg_network_unref(out);
    /* Merging a node that does not exist is an error naming it. */
    sg_diag_free(diag);
    diag = sg_diag_new();
    p = edge_patch(base, SG_PATCH_MERGE_NODES, "anna", "dora", NULL, 3);
    out = apply(base, &p, 1, diag);
    g_assert_cmpuint(diag->errors, ==, 1);
    g_assert_cmpstr(diag->items[0].message, ==, "hypothesis 'h' names unknown node 'dora'");
    g_assert_cmpuint(out->n_nodes, ==, 3);
    sg_network_unref(out);
    sg_diag_free(diag);
    sg_network_unref(base);
}

/* Adds hypothesis ID to NET with copies of the N PATCHES, each placed in FILE at its line. */
static void add_hyp(sg_network *net, const char *id, const sg_patch *patches, size_t n, const char *file)
{
    sg_patch *own = g_memdup2(patches, n * sizeof *patches);
    for (size_t i = 0; i < n; i++)
        own[i].origin.file = file;
    sg_hypothesis h = hypothesis(own, n);
    h.id = sg_network_intern(net, id);
    h.origin = (sg_origin){"network.json", 1, 1};
    g_assert_cmpint(sg_network_add_hypothesis(net, &h), >=, 0);
}

/* Applies the hypotheses IDS (comma-separated) to BASE; returns the result (NULL on errors). */
static sg_network *apply_ids(sg_network *base, const char *ids, sg_diag *diag)
{
    char **list = g_strsplit(ids, ",", -1);
    sg_network *out = sg_network_apply_hypotheses(base, (const char *const *)list, g_strv_length(list), diag);
    g_strfreev(list);
    return out;
}

static void test_conflicting_values(void)
{
    sg_network *base = base_network();
    /* a (a.csv line 2) sets anna-boris met to 0.3; b (b.csv line 3) sets it, written boris-anna, to 0.5 */
    sg_patch a = edge_patch(base, SG_PATCH_CHANGE_EDGE, "anna", "boris", "met", 2);
    a.edge.confidence = 0.3;
    a.changes = SG_CHANGE_CONFIDENCE;
    sg_patch b = edge_patch(base, SG_PATCH_CHANGE_EDGE, "boris", "anna", "met", 3);
    b.edge.confidence = 0.5;
    b.changes = SG_CHANGE_CONFIDENCE;
    sg_patch c = b; /* c agrees with a */
    c.edge.confidence = 0.3;
    add_hyp(base, "a", &a, 1, "a.csv");
    add_hyp(base, "b", &b, 1, "b.csv");
    add_hyp(base, "c", &c, 1, "c.csv");
    sg_diag *diag = sg_diag_new();
    g_assert_null(apply_ids(base, "a,b", diag));
    g_assert_cmpuint(diag->errors, ==, 1);
    g_assert_cmpstr(diag->items[0].file, ==, "b.csv");
    g_assert_cmpint(diag->items[0].line, ==, 3);
    g_assert_cmpstr(diag->items[0].message, ==,
                    "hypothesis 'b' sets the confidence of the tie boris-anna to 0.5, which hypothesis 'a' sets to 0.3 "
                    "(a.csv:2:1)");
    sg_diag_free(diag);
    diag = sg_diag_new();
    sg_network *out = apply_ids(base, "a,c", diag);
    g_assert_nonnull(out);
    g_assert_cmpuint(diag->errors, ==, 0);
    g_assert_cmpstr(out->applied_hypothesis, ==, "a+c");
    g_assert_cmpfloat(out->edges[2].confidence, ==, 0.3);
    sg_network_unref(out);
    /* the same id twice */
    g_assert_null(apply_ids(base, "a,c,a", diag));
    g_assert_cmpuint(diag->errors, ==, 1);
    g_assert_cmpstr(diag->items[diag->count - 1].message, ==, "hypothesis 'a' is named twice");
    /* none: the base itself */
    out = sg_network_apply_hypotheses(base, NULL, 0, diag);
    g_assert_true(out == base);
    sg_network_unref(out);
    sg_diag_free(diag);
    sg_network_unref(base);
}

static void test_conflicting_removals(void)
{
    sg_network *base = base_network();
    sg_patch rm_tie = edge_patch(base, SG_PATCH_REMOVE_EDGE, "anna", "boris", "recruited", 2);
    sg_patch ch_tie = edge_patch(base, SG_PATCH_CHANGE_EDGE, "anna", "boris", NULL, 4); /* relation from the tie */
    ch_tie.relation = ch_tie.edge.relation = NULL;
    ch_tie.edge.weight = 3;
    ch_tie.changes = SG_CHANGE_WEIGHT;
    sg_patch rm_cell = node_patch(base, SG_PATCH_REMOVE_NODE, "cell", 5);
    sg_patch ch_met = edge_patch(base, SG_PATCH_CHANGE_EDGE, "cell", "boris", "met", 6);
    ch_met.edge.weight = 2;
    ch_met.changes = SG_CHANGE_WEIGHT;
    add_hyp(base, "rm", &rm_tie, 1, "rm.csv");
    add_hyp(base, "rm2", &rm_tie, 1, "rm2.csv");
    sg_patch ch_recruited = ch_tie;
    ch_recruited.relation = ch_recruited.edge.relation = sg_relation_find("recruited");
    add_hyp(base, "ch", &ch_recruited, 1, "ch.csv");
    add_hyp(base, "gone", &rm_cell, 1, "gone.csv");
    add_hyp(base, "met", &ch_met, 1, "met.csv");
    sg_diag *diag = sg_diag_new();
    /* one removes the tie the other changes, in either order */
    g_assert_null(apply_ids(base, "rm,ch", diag));
    g_assert_cmpstr(diag->items[0].message, ==,
                    "hypothesis 'ch' changes the tie anna-boris, but hypothesis 'rm' removes the tie anna-boris (rm.csv:2:1)");
    g_assert_null(apply_ids(base, "ch,rm", diag));
    g_assert_cmpstr(diag->items[1].file, ==, "rm.csv");
    g_assert_cmpstr(diag->items[1].message, ==,
                    "hypothesis 'rm' removes the tie anna-boris, but hypothesis 'ch' changes the tie anna-boris (ch.csv:4:1)");
    /* a node removed by one, a tie at it changed by the other */
    g_assert_null(apply_ids(base, "gone,met", diag));
    g_assert_cmpstr(diag->items[2].message, ==,
                    "hypothesis 'met' changes the tie cell-boris, but hypothesis 'gone' removes node 'cell' (gone.csv:5:1)");
    g_assert_null(apply_ids(base, "met,gone", diag));
    g_assert_cmpstr(diag->items[3].message, ==,
                    "hypothesis 'gone' removes node 'cell', but hypothesis 'met' changes the tie cell-boris (met.csv:6:1)");
    g_assert_cmpuint(diag->errors, ==, 4);
    /* two removals of the same tie agree: a warning, and the tie is removed once */
    sg_network *out = apply_ids(base, "rm,rm2", diag);
    g_assert_nonnull(out);
    g_assert_cmpuint(diag->errors, ==, 4);
    g_assert_cmpuint(diag->warnings, ==, 1);
    g_assert_cmpstr(diag->items[4].message, ==,
                    "hypothesis 'rm2' removes the tie anna-boris, as hypothesis 'rm' does (rm.csv:2:1)");
    g_assert_cmpuint(out->n_edges, ==, 3);
    sg_network_unref(out);
    sg_diag_free(diag);
    sg_network_unref(base);
}

static void test_order_of_application(void)
{
    sg_network *base = base_network();
    /* "kito" adds node kito and the tie kito->anna introduced; "strong" sets that tie's weight to 2 and
     * so needs "kito" applied first. */
    sg_patch k[2] = {node_patch(base, SG_PATCH_ADD_NODE, "kito", 2),
                     edge_patch(base, SG_PATCH_ADD_EDGE, "kito", "anna", "introduced", 3)};
    sg_patch w = edge_patch(base, SG_PATCH_CHANGE_EDGE, "kito", "anna", "introduced", 2);
    w.edge.weight = 2;
    w.changes = SG_CHANGE_WEIGHT;
    add_hyp(base, "kito", k, 2, "kito.csv");
    add_hyp(base, "strong", &w, 1, "strong.csv");
    sg_diag *diag = sg_diag_new();
    sg_network *out = apply_ids(base, "kito,strong", diag);
    g_assert_nonnull(out);
    g_assert_cmpuint(diag->count, ==, 0);
    g_assert_cmpstr(out->applied_hypothesis, ==, "kito+strong");
    g_assert_cmpuint(out->n_nodes, ==, 4);
    g_assert_cmpuint(out->n_edges, ==, 5);
    g_assert_cmpfloat(out->edges[4].weight, ==, 2);
    g_assert_cmpstr(out->edges[4].hypothesis, ==, "strong");
    g_assert_cmpstr(out->nodes[3].hypothesis, ==, "kito");
    sg_network_unref(out);
    /* the other way round, kito does not exist yet when strong applies */
    g_assert_null(apply_ids(base, "strong,kito", diag));
    g_assert_cmpuint(diag->errors, ==, 1); /* one end of the tie, kito, is unknown; then kito applies cleanly */
    g_assert_cmpstr(diag->items[0].file, ==, "strong.csv");
    g_assert_cmpstr(diag->items[0].message, ==, "hypothesis 'strong' names unknown node 'kito'");
    sg_network_unref(base);
    sg_diag_free(diag);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/patch/add-node-and-edge", test_add_node_and_edge);
    g_test_add_func("/patch/remove-edge", test_remove_edge);
    g_test_add_func("/patch/directed-needs-orientation", test_directed_needs_orientation);
    g_test_add_func("/patch/change-edge", test_change_edge);
    g_test_add_func("/patch/change-nothing-warns", test_change_nothing_warns);
    g_test_add_func("/patch/missing-ties-and-nodes", test_missing_ties_and_nodes);
    g_test_add_func("/patch/apply-hypothesis-by-id", test_apply_hypothesis_by_id);
    g_test_add_func("/patch/snapshot", test_snapshot);
    g_test_add_func("/patch/patch-from-files", test_patch_from_files);
    g_test_add_func("/patch/remove-node", test_remove_node);
    g_test_add_func("/patch/change-node", test_change_node);
    g_test_add_func("/patch/merge-repoints-ties", test_merge_repoints_ties);
    g_test_add_func("/patch/conflicting-values", test_conflicting_values);
    g_test_add_func("/patch/conflicting-removals", test_conflicting_removals);
    g_test_add_func("/patch/order-of-application", test_order_of_application);
    return g_test_run();
}

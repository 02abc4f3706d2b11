/* test_reading.c: unit tests of the reading layer: the direction rule (sg_tie_arcs), the one builder
 * (sg_graph_build), relation sets and sg_reading_network (period, node lifetimes, relations, kinds, folding,
 * hypotheses) and sg_reading_describe. Every expected value is a hand count on the small networks built
 * here or on tests/data/good/matrix-folder (its edges.csv, read by eye), said in a comment beside it. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "spygraph/reading.h"
#include "testdata.h"

/* ---- building small networks ---- */

static int add_node(sg_network *net, const char *id, sg_kind kind)
{
    sg_node n = {0};
    n.id = n.label = sg_network_intern(net, id);
    n.kind = kind;
    n.affiliation = n.note = n.native_name = "";
    n.codenames = n.sources = sg_empty_list();
    return sg_network_add_node(net, &n);
}

static sg_date date(const char *text)
{
    sg_date d = sg_date_open();
    const char *why = NULL;
    if (text)
        g_assert_true(sg_date_parse(text, &d, &why));
    return d;
}

static size_t add_tie(sg_network *net, const char *s, const char *t, const char *relation, double weight,
                      double confidence, const char *start, const char *end)
{
    size_t i = test_add_tie(net, s, t, relation);
    sg_edge *e = &net->edges[i];
    e->confidence = confidence;
    e->weight = weight;
    e->when = (sg_interval){date(start), date(end)};
    return i;
}

/* The ties behind graph edge E, as "0,1,2". */
static char *edge_ties(const sg_graph *g, igraph_integer_t e)
{
    GString *s = g_string_new(NULL);
    for (igraph_integer_t i = 0; i < sg_graph_edge_tie_count(g, e); i++)
        g_string_append_printf(s, "%s%d", i ? "," : "", sg_graph_edge_tie(g, e, i));
    return g_string_free(s, FALSE);
}

/* Asserts graph edge E joins FROM and TO (in that order when directed; igraph stores an undirected edge's
 * ends in its own order) and stands for TIES. */
static void assert_edge(const sg_graph *g, igraph_integer_t e, int from, int to, const char *ties)
{
    igraph_integer_t x = IGRAPH_FROM(&g->graph, e), y = IGRAPH_TO(&g->graph, e);
    if (!g->directed && x > y) {
        igraph_integer_t t = x;
        x = y;
        y = t;
    }
    g_assert_cmpint(x, ==, g->directed ? from : MIN(from, to));
    g_assert_cmpint(y, ==, g->directed ? to : MAX(from, to));
    char *got = edge_ties(g, e);
    g_assert_cmpstr(got, ==, ties);
    g_free(got);
}

/* ---- the direction rule ---- */

static void test_tie_arcs(void)
{
    sg_network *net = sg_network_new("arcs");
    net->curated = true;
    add_node(net, "a", SG_KIND_PERSON);
    add_node(net, "b", SG_KIND_PERSON);
    add_tie(net, "a", "b", "reported_to", 1, 1, NULL, NULL); /* directed relation */
    add_tie(net, "a", "b", "met", 1, 1, NULL, NULL);         /* undirected relation */
    add_tie(net, "a", "b", "tie", 1, 1, NULL, NULL);         /* `tie` named in a curated network */
    const sg_edge *reported = &net->edges[0], *met = &net->edges[1], *tie = &net->edges[2];
    /* reading.h: UNDIRECTED 1 and MUTUAL 2 for every tie; DIRECTED 1 for a directed relation, 2 for an
     * undirected one; DEFAULT reads as UNDIRECTED */
    g_assert_cmpint(sg_tie_arcs(net, reported, SG_DIRECTION_DIRECTED), ==, 1);
    g_assert_cmpint(sg_tie_arcs(net, reported, SG_DIRECTION_UNDIRECTED), ==, 1);
    g_assert_cmpint(sg_tie_arcs(net, reported, SG_DIRECTION_MUTUAL), ==, 2);
    g_assert_cmpint(sg_tie_arcs(net, reported, SG_DIRECTION_DEFAULT), ==, 1);
    g_assert_cmpint(sg_tie_arcs(net, met, SG_DIRECTION_DIRECTED), ==, 2);
    g_assert_cmpint(sg_tie_arcs(net, met, SG_DIRECTION_UNDIRECTED), ==, 1);
    g_assert_cmpint(sg_tie_arcs(net, met, SG_DIRECTION_MUTUAL), ==, 2);
    /* a curated `tie` is the undirected relation of the vocabulary: both ways */
    g_assert_cmpint(sg_tie_arcs(net, tie, SG_DIRECTION_DIRECTED), ==, 2);
    /* a bare edge list's unspecified tie is read as written: one arc */
    net->curated = false;
    g_assert_cmpint(sg_tie_arcs(net, tie, SG_DIRECTION_DIRECTED), ==, 1);
    g_assert_cmpint(sg_tie_arcs(net, tie, SG_DIRECTION_UNDIRECTED), ==, 1);
    g_assert_cmpint(sg_tie_arcs(net, tie, SG_DIRECTION_MUTUAL), ==, 2);
    /* a relation named in a bare list keeps its own direction */
    g_assert_cmpint(sg_tie_arcs(net, met, SG_DIRECTION_DIRECTED), ==, 2);
    g_assert_cmpint(sg_tie_arcs(net, reported, SG_DIRECTION_DIRECTED), ==, 1);
    sg_network_unref(net);
}

/* ---- the builder ---- */

/* a, b, c; tie 0 a>b reported_to (w 1, c 0.5), 1 a>b informed (w 2, c 0.8), 2 b>a reported_to (w 4, c 0),
 * 3 c-c met (a self-loop), 4 b-c met (w 1, c 1). */
static sg_network *builder_network(void)
{
    sg_network *net = sg_network_new("builder");
    net->curated = true;
    add_node(net, "a", SG_KIND_PERSON);
    add_node(net, "b", SG_KIND_PERSON);
    add_node(net, "c", SG_KIND_PERSON);
    add_tie(net, "a", "b", "reported_to", 1, 0.5, NULL, NULL);
    add_tie(net, "a", "b", "informed", 2, 0.8, NULL, NULL);
    add_tie(net, "b", "a", "reported_to", 4, 0, NULL, NULL);
    add_tie(net, "c", "c", "met", 1, 1, NULL, NULL);
    add_tie(net, "b", "c", "met", 1, 1, NULL, NULL);
    return net;
}

static void test_build_merged(void)
{
    sg_network *net = builder_network();
    sg_reading r;
    sg_reading_init(&r);
    g_assert_cmpint(r.merge, ==, SG_MERGE_PARALLEL);
    r.weights = SG_WEIGHTS_WEIGHT;
    sg_graph g;
    /* undirected, merged: a-b holds ties 0,1,2 (weights 1+2+4 = 7, largest confidence 0.8), b-c tie 4;
     * the self-loop is dropped */
    g_assert_cmpint(sg_graph_build(&g, net, &r), ==, IGRAPH_SUCCESS);
    g_assert_false(g.directed);
    g_assert_true(g.weighted);
    g_assert_cmpint(igraph_vcount(&g.graph), ==, 3);
    g_assert_cmpint(igraph_ecount(&g.graph), ==, 2);
    assert_edge(&g, 0, 0, 1, "0,1,2");
    assert_edge(&g, 1, 1, 2, "4");
    g_assert_cmpfloat(VECTOR(g.weight)[0], ==, 7.0);
    g_assert_true(sg_graph_weights(&g) == &g.weight);
    g_assert_cmpint(sg_graph_find_edge(&g, 1, 0), ==, 0);
    g_assert_cmpint(sg_graph_find_edge(&g, 0, 2), ==, -1);
    sg_graph_destroy(&g);

    /* directed, merged: a>b (ties 0,1; weight 3), b>a (tie 2; weight 4), b>c and c>b (tie 4, met both
     * ways), in the order of (from, to) */
    r.direction = SG_DIRECTION_DIRECTED;
    g_assert_cmpint(sg_graph_build(&g, net, &r), ==, IGRAPH_SUCCESS);
    g_assert_true(g.directed);
    g_assert_cmpint(igraph_ecount(&g.graph), ==, 4);
    assert_edge(&g, 0, 0, 1, "0,1");
    assert_edge(&g, 1, 1, 0, "2");
    assert_edge(&g, 2, 1, 2, "4");
    assert_edge(&g, 3, 2, 1, "4");
    g_assert_cmpfloat(VECTOR(g.weight)[0], ==, 3.0);
    g_assert_cmpfloat(VECTOR(g.weight)[1], ==, 4.0);
    g_assert_cmpint(sg_graph_find_edge(&g, 1, 0), ==, 1);
    g_assert_cmpint(sg_graph_find_edge(&g, 0, 2), ==, -1);
    sg_graph_destroy(&g);

    /* confidence weights: the confidence-0 tie 2 gives no edge at all (b>a is gone), a-b is the largest
     * confidence of ties 0,1 */
    r.weights = SG_WEIGHTS_CONFIDENCE;
    g_assert_cmpint(sg_graph_build(&g, net, &r), ==, IGRAPH_SUCCESS);
    g_assert_cmpint(igraph_ecount(&g.graph), ==, 3);
    assert_edge(&g, 0, 0, 1, "0,1");
    assert_edge(&g, 1, 1, 2, "4");
    g_assert_cmpfloat(VECTOR(g.weight)[0], ==, 0.8);
    g_assert_cmpint(sg_graph_find_edge(&g, 1, 0), ==, -1);
    sg_graph_destroy(&g);
    r.direction = SG_DIRECTION_UNDIRECTED;
    g_assert_cmpint(sg_graph_build(&g, net, &r), ==, IGRAPH_SUCCESS);
    assert_edge(&g, 0, 0, 1, "0,1");
    g_assert_cmpfloat(VECTOR(g.weight)[0], ==, 0.8);
    sg_graph_destroy(&g);

    /* no weights: every edge counts 1, no weight vector for igraph */
    r.weights = SG_WEIGHTS_NONE;
    g_assert_cmpint(sg_graph_build(&g, net, &r), ==, IGRAPH_SUCCESS);
    g_assert_false(g.weighted);
    g_assert_null(sg_graph_weights(&g));
    g_assert_cmpfloat(VECTOR(g.weight)[0], ==, 1.0);
    sg_graph_destroy(&g);

    /* the tie mask: tie 1 left out, a-b holds ties 0 and 2 (weights 1 + 4) */
    bool mask[5] = {true, false, true, true, true};
    r.weights = SG_WEIGHTS_WEIGHT;
    r.tie_mask = mask;
    g_assert_cmpint(sg_graph_build(&g, net, &r), ==, IGRAPH_SUCCESS);
    assert_edge(&g, 0, 0, 1, "0,2");
    g_assert_cmpfloat(VECTOR(g.weight)[0], ==, 5.0);
    sg_graph_destroy(&g);

    /* NULL reading: undirected, unweighted, merged */
    g_assert_cmpint(sg_graph_build(&g, net, NULL), ==, IGRAPH_SUCCESS);
    g_assert_false(g.directed);
    g_assert_false(g.weighted);
    g_assert_cmpint(igraph_ecount(&g.graph), ==, 2);
    sg_graph_destroy(&g);
    sg_network_unref(net);
}

static void test_build_unmerged(void)
{
    sg_network *net = builder_network();
    sg_reading r;
    sg_reading_init(&r);
    r.merge = SG_MERGE_NONE;
    r.weights = SG_WEIGHTS_WEIGHT;
    sg_graph g;
    /* undirected: one edge per tie in tie order, the self-loop kept, ends as written */
    g_assert_cmpint(sg_graph_build(&g, net, &r), ==, IGRAPH_SUCCESS);
    g_assert_cmpint(igraph_ecount(&g.graph), ==, 5);
    assert_edge(&g, 0, 0, 1, "0");
    assert_edge(&g, 1, 0, 1, "1");
    assert_edge(&g, 3, 2, 2, "3");
    assert_edge(&g, 4, 1, 2, "4");
    g_assert_cmpfloat(VECTOR(g.weight)[2], ==, 4.0);
    sg_graph_destroy(&g);
    /* directed: one arc per directed tie (0, 1, 2), two per met tie (3: c>c twice, 4: b>c and c>b), each
     * arc its own edge: 3 + 2 + 2 = 7 */
    r.direction = SG_DIRECTION_DIRECTED;
    g_assert_cmpint(sg_graph_build(&g, net, &r), ==, IGRAPH_SUCCESS);
    g_assert_cmpint(igraph_ecount(&g.graph), ==, 7);
    assert_edge(&g, 0, 0, 1, "0");
    assert_edge(&g, 2, 1, 0, "2");
    assert_edge(&g, 3, 2, 2, "3");
    assert_edge(&g, 4, 2, 2, "3");
    assert_edge(&g, 5, 1, 2, "4");
    assert_edge(&g, 6, 2, 1, "4");
    sg_graph_destroy(&g);
    /* mutual: every tie both ways: 2 x 5 = 10 */
    r.direction = SG_DIRECTION_MUTUAL;
    g_assert_cmpint(sg_graph_build(&g, net, &r), ==, IGRAPH_SUCCESS);
    g_assert_true(g.directed);
    g_assert_cmpint(igraph_ecount(&g.graph), ==, 10);
    assert_edge(&g, 0, 0, 1, "0");
    assert_edge(&g, 1, 1, 0, "0");
    sg_graph_destroy(&g);
    sg_network_unref(net);
}

/* ---- relation sets ---- */

static void test_relation_sets(void)
{
    sg_relation_set set;
    const char *bad = NULL;
    size_t bad_len = 0;
    const sg_relation *reported = sg_relation_find("reported_to"), *met = sg_relation_find("met"),
                      *member = sg_relation_find("member_of"), *informed = sg_relation_find("informed");
    g_assert_true(sg_relation_set_parse("reported_to", &set, &bad, &bad_len));
    g_assert_true(sg_relation_set_has(set, reported));
    g_assert_false(sg_relation_set_has(set, met));
    /* the command family (`spygraph help relations`): commanded, handled, recruited, reported_to */
    g_assert_true(sg_relation_set_parse("command", &set, &bad, &bad_len));
    char *names = sg_relation_set_describe(set);
    g_assert_cmpstr(names, ==, "commanded,handled,recruited,reported_to");
    g_free(names);
    /* two names, blanks trimmed, described in vocabulary order */
    g_assert_true(sg_relation_set_parse("met, reported_to", &set, &bad, &bad_len));
    names = sg_relation_set_describe(set);
    g_assert_cmpstr(names, ==, "reported_to,met");
    g_free(names);
    g_assert_true(sg_relation_set_parse("channels", &set, &bad, &bad_len));
    g_assert_true(set == sg_relation_set_channels());
    g_assert_true(sg_relation_set_has(set, informed) && sg_relation_set_has(set, met));
    g_assert_false(sg_relation_set_has(set, member)); /* member_of is no channel */
    names = sg_relation_set_describe(set);
    g_assert_cmpstr(names, ==, "channels");
    g_free(names);
    g_assert_true(sg_relation_set_parse("all", &set, &bad, &bad_len));
    g_assert_true(set == sg_relation_set_all());
    names = sg_relation_set_describe(set);
    g_assert_cmpstr(names, ==, "all");
    g_free(names);
    /* an unknown name: where it is in the list, and how long */
    const char *list = "met,spoke_with,friend";
    g_assert_false(sg_relation_set_parse(list, &set, &bad, &bad_len));
    g_assert_true(bad == list + 4);
    g_assert_cmpuint(bad_len, ==, 10);
    g_assert_false(sg_relation_set_parse("met,", &set, &bad, &bad_len)); /* an empty name is unknown */
}

/* ---- the reading of a network ---- */

static void test_reading_at(void)
{
    /* a, b, c; c lives 1940..1945 (set here: nodes.csv has no lifetime column); a-b 1930..1935, b-c
     * undated */
    sg_network *net = sg_network_new("lifetimes");
    add_node(net, "a", SG_KIND_UNSPECIFIED);
    add_node(net, "b", SG_KIND_UNSPECIFIED);
    int c = add_node(net, "c", SG_KIND_UNSPECIFIED);
    net->nodes[c].when = (sg_interval){date("1940"), date("1945")};
    add_tie(net, "a", "b", "tie", 1, 1, "1930", "1935");
    add_tie(net, "b", "c", "tie", 1, 1, NULL, NULL);
    sg_diag *diag = sg_diag_new();
    sg_reading r;
    sg_reading_init(&r);
    /* at 1933: a-b is active; c is not alive, so it goes with b-c */
    r.has_at = true;
    r.at = date("1933");
    sg_network *out = sg_reading_network(net, &r, diag);
    g_assert_nonnull(out);
    g_assert_cmpuint(out->n_nodes, ==, 2);
    g_assert_cmpuint(out->n_edges, ==, 1);
    g_assert_cmpint(sg_network_find_node(out, "c"), ==, -1);
    g_assert_nonnull(out->reading);
    g_assert_true(out->reading->has_at);
    sg_network_unref(out);
    /* at 1942: a-b is over, c lives, the undated b-c stays */
    r.at = date("1942");
    out = sg_reading_network(net, &r, diag);
    g_assert_cmpuint(out->n_nodes, ==, 3);
    g_assert_cmpuint(out->n_edges, ==, 1);
    g_assert_cmpint(out->edges[0].source, ==, sg_network_find_node(out, "b"));
    sg_network_unref(out);
    /* between ..1939: a-b kept, c (from 1940) left out */
    r.has_at = false;
    r.has_between = true;
    r.from = date(NULL);
    r.to = date("1939");
    out = sg_reading_network(net, &r, diag);
    g_assert_cmpuint(out->n_nodes, ==, 2);
    g_assert_cmpuint(out->n_edges, ==, 1);
    sg_network_unref(out);
    g_assert_cmpuint(net->n_nodes, ==, 3); /* the network read is never changed */
    g_assert_cmpuint(net->n_edges, ==, 2);
    /* --kinds on a network without kinds is an error */
    r.has_between = false;
    r.kinds = 1u << SG_KIND_PERSON;
    g_assert_null(sg_reading_network(net, &r, diag));
    g_assert_cmpuint(diag->count, ==, 1);
    sg_diag_free(diag);
    sg_network_unref(net);
}

/* tests/data/good/matrix-folder, by hand from its edges.csv: 8 nodes (a..f persons, cell and firm
 * organizations), 11 ties; 4 of them membership (a, e member_of cell; a, e employed_by firm). */
static void test_reading_folder(void)
{
    sg_network *net = test_load_network("tests/data/good/matrix-folder");
    sg_diag *diag = sg_diag_new();
    sg_reading r;
    sg_reading_init(&r);
    g_assert_cmpuint(net->n_edges, ==, 11);

    /* kinds: the persons and the 7 ties among them */
    r.kinds = 1u << SG_KIND_PERSON;
    sg_network *out = sg_reading_network(net, &r, diag);
    g_assert_cmpuint(out->n_nodes, ==, 6);
    g_assert_cmpuint(out->n_edges, ==, 7);
    sg_network_unref(out);

    /* relations: channels leave the 4 membership ties out */
    r.kinds = 0;
    r.relations = sg_relation_set_channels();
    out = sg_reading_network(net, &r, diag);
    g_assert_cmpuint(out->n_nodes, ==, 8);
    g_assert_cmpuint(out->n_edges, ==, 7);
    sg_network_unref(out);

    /* fold organization: the cell and the firm go with their 4 ties; one co_member tie a-e: the cell's
     * overlap 1935..1940 (confidences 0.5 x 0.8), the firm's 1936..1937 (1 x 0.9); period their hull
     * 1935..1940, weight 2, confidence 0.9, sources court, memoir (cell's ties) then file (firm's) */
    r.relations = sg_relation_set_all();
    r.fold = 1u << SG_KIND_ORGANIZATION;
    out = sg_reading_network(net, &r, diag);
    g_assert_cmpuint(out->n_nodes, ==, 6);
    g_assert_cmpint(sg_network_find_node(out, "cell"), ==, -1);
    g_assert_cmpint(sg_network_find_node(out, "firm"), ==, -1);
    g_assert_cmpuint(out->n_edges, ==, 8);
    const sg_edge *co = NULL;
    for (size_t i = 0; i < out->n_edges; i++)
        if (strcmp(out->edges[i].relation->name, "co_member") == 0) {
            g_assert_null(co);
            co = &out->edges[i];
        }
    g_assert_nonnull(co);
    g_assert_cmpstr(out->nodes[co->source].id, ==, "a");
    g_assert_cmpstr(out->nodes[co->target].id, ==, "e");
    char buf[SG_DATE_TEXT_MAX];
    g_assert_cmpstr(sg_date_format(co->when.start, buf), ==, "1935");
    g_assert_cmpstr(sg_date_format(co->when.end, buf), ==, "1940");
    g_assert_cmpfloat(co->weight, ==, 2.0);
    g_assert_cmpfloat_with_epsilon(co->confidence, 0.9, 1e-12);
    g_assert_cmpuint(sg_list_length(co->sources), ==, 3);
    g_assert_cmpstr(co->sources[0], ==, "court");
    g_assert_cmpstr(co->sources[1], ==, "memoir");
    g_assert_cmpstr(co->sources[2], ==, "file");
    sg_network_unref(out);

    /* fold at 1938: the firm's ties (a until 1937) no longer overlap in the period kept; the cell gives the
     * tie, dated by its overlap 1935..1940, weight 1, confidence 0.4 */
    r.has_at = true;
    r.at = date("1938");
    out = sg_reading_network(net, &r, diag);
    co = NULL;
    for (size_t i = 0; i < out->n_edges; i++)
        if (strcmp(out->edges[i].relation->name, "co_member") == 0)
            co = &out->edges[i];
    g_assert_nonnull(co);
    g_assert_cmpfloat(co->weight, ==, 1.0);
    g_assert_cmpfloat_with_epsilon(co->confidence, 0.4, 1e-12);
    sg_network_unref(out);

    /* hypotheses in order: shortcut adds a met d, split removes c reported_to d: 11 ties again */
    sg_reading_init(&r);
    const char *ids[] = {"shortcut", "split"};
    r.hypotheses = ids;
    r.n_hypotheses = 2;
    out = sg_reading_network(net, &r, diag);
    g_assert_nonnull(out);
    g_assert_cmpuint(out->n_edges, ==, 11);
    g_assert_cmpuint(out->reading->n_hypotheses, ==, 2);
    g_assert_cmpstr(out->reading->hypotheses[0], ==, "shortcut");
    g_assert_cmpstr(out->reading->hypotheses[1], ==, "split");
    sg_network_unref(out);
    g_assert_cmpuint(diag->count, ==, 0);

    /* an unknown hypothesis is an error */
    const char *unknown[] = {"nope"};
    r.hypotheses = unknown;
    r.n_hypotheses = 1;
    g_assert_null(sg_reading_network(net, &r, diag));
    g_assert_cmpuint(diag->count, >=, 1);
    sg_diag_free(diag);
    sg_network_unref(net);
}

static void test_describe(void)
{
    sg_reading r;
    sg_reading_init(&r);
    char *s = sg_reading_describe(&r);
    g_assert_cmpstr(s, ==, ""); /* the base network as loaded */
    g_free(s);
    /* the example of reading.h, word for word */
    const char *ids[] = {"kato", "yang"};
    r.hypotheses = ids;
    r.n_hypotheses = 2;
    r.has_at = true;
    r.at = date("1941");
    r.relations = sg_relation_set_channels();
    r.kinds = 1u << SG_KIND_PERSON;
    r.fold = 1u << SG_KIND_ORGANIZATION;
    s = sg_reading_describe(&r);
    g_assert_cmpstr(s, ==, "hypotheses kato+yang; at 1941; folded: organization; relations: channels; kinds: person");
    g_free(s);
    sg_reading_init(&r);
    r.n_hypotheses = 1;
    r.hypotheses = ids;
    r.has_between = true;
    r.from = date(NULL);
    r.to = date("1939-06");
    const char *bad;
    size_t bad_len;
    g_assert_true(sg_relation_set_parse("met", &r.relations, &bad, &bad_len));
    s = sg_reading_describe(&r);
    g_assert_cmpstr(s, ==, "hypothesis kato; between ..1939-06; relations: met");
    g_free(s);
}

/* The scenarios joined into "base; mole 0.08; ..." (ids by '+', credence to 3 decimals, "-" when NaN). */
static char *scenarios_text(const sg_scenario_list *list)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < list->count; i++) {
        const sg_scenario *x = &list->items[i];
        char *ids = x->n_hypotheses ? g_strjoinv("+", (char **)x->hypotheses) : g_strdup("base");
        if (isnan(x->credence))
            g_string_append_printf(s, "%s%s -", i ? "; " : "", ids);
        else
            g_string_append_printf(s, "%s%s %.3f", i ? "; " : "", ids, x->credence);
        g_free(ids);
    }
    return g_string_free(s, FALSE);
}

static void test_scenarios(void)
{
    /* networks/demo: mole (independent, credence 0.4) and the question 'stranger' (stranger_radio 0.5,
     * stranger_invented 0.3, none 0.2). By hand: 2 x 3 = 6 scenarios, credences the products. */
    sg_network *net = test_load_network("networks/demo");
    sg_diag *diag = sg_diag_new();
    sg_scenario_list *list = sg_scenarios_make(net, NULL, NULL, 0, 256, diag);
    g_assert_nonnull(list);
    char *text = scenarios_text(list);
    g_assert_cmpstr(text, ==, "base 0.120; mole 0.080; stranger_radio 0.300; stranger_invented 0.180; "
                              "mole+stranger_radio 0.200; mole+stranger_invented 0.120");
    g_free(text);
    sg_scenario_list_free(list);
    /* mole settled (applied to every reading): only the question is open, its credences alone count */
    const char *settled[] = {"mole"};
    list = sg_scenarios_make(net, NULL, settled, 1, 256, diag);
    text = scenarios_text(list);
    g_assert_cmpstr(text, ==, "base 0.200; stranger_radio 0.500; stranger_invented 0.300");
    g_free(text);
    sg_scenario_list_free(list);
    /* only stranger_invented wanted: the question offers it or none (none keeps 1 - 0.5 - 0.3) */
    const char *wanted[] = {"stranger_invented", NULL};
    list = sg_scenarios_make(net, wanted, NULL, 0, 256, diag);
    text = scenarios_text(list);
    g_assert_cmpstr(text, ==, "base 0.200; stranger_invented 0.300");
    g_free(text);
    sg_scenario_list_free(list);
    /* more than the maximum: an error, no list */
    g_assert_null(sg_scenarios_make(net, NULL, NULL, 0, 5, diag));
    g_assert_cmpuint(diag->errors, ==, 1);
    sg_diag_free(diag);
    sg_network_unref(net);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/reading/tie-arcs", test_tie_arcs);
    g_test_add_func("/reading/build-merged", test_build_merged);
    g_test_add_func("/reading/build-unmerged", test_build_unmerged);
    g_test_add_func("/reading/relation-sets", test_relation_sets);
    g_test_add_func("/reading/at-and-lifetimes", test_reading_at);
    g_test_add_func("/reading/folder", test_reading_folder);
    g_test_add_func("/reading/describe", test_describe);
    g_test_add_func("/reading/scenarios", test_scenarios);
    return g_test_run();
}

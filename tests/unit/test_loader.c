/* test_loader.c: unit tests of the network loader on edge lists and manifests held in memory, including
 * the 1 MB field and the 100,000-column line the readers must survive. Counts are worked out by hand. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "spygraph/loader.h"

/* Loads TEXT as an edge list; asserts there is no error; returns the network (caller unrefs). */
static sg_network *load_ok(const char *text, size_t len, sg_diag *diag)
{
    sg_network *net = sg_load_edge_list_bytes("list.csv", text, len, diag);
    g_assert_nonnull(net);
    g_assert_cmpuint(diag->errors, ==, 0);
    return net;
}

static void test_megabyte_name(void)
{
    GString *text = g_string_new("anna,\"");
    for (size_t i = 0; i < (1u << 20); i++)
        g_string_append_c(text, "abc,\n"[i % 5]); /* commas and line breaks inside the quotes */
    g_string_append(text, "\",2\n");
    sg_diag *diag = sg_diag_new();
    sg_network *net = load_ok(text->str, text->len, diag);
    g_assert_cmpuint(net->n_nodes, ==, 2);
    g_assert_cmpuint(net->n_edges, ==, 1);
    g_assert_cmpuint(strlen(net->nodes[1].id), ==, 1u << 20);
    g_assert_cmpfloat(net->edges[0].weight, ==, 2.0);
    sg_network_unref(net);
    sg_diag_free(diag);
    g_string_free(text, TRUE);
}

static void test_wide_lines(void)
{
    /* Without a header: source, target, weight, then 99,997 columns reported once as a warning. */
    GString *text = g_string_new("a,b,3");
    for (int i = 3; i < 100000; i++)
        g_string_append(text, ",x");
    g_string_append(text, "\nb,c\n");
    sg_diag *diag = sg_diag_new();
    sg_network *net = load_ok(text->str, text->len, diag);
    g_assert_cmpuint(net->n_edges, ==, 2);
    g_assert_cmpuint(diag->warnings, ==, 1);
    g_assert_cmpint(diag->items[0].column, ==, 7); /* the fourth field: `a,b,3,` */
    sg_network_unref(net);
    sg_diag_free(diag);

    /* With a header of 100,000 names: source, target and 99,998 columns spygraph has no name for, each kept
     * as a tie attribute (counted by hand from the text built here), with no warning. */
    g_string_assign(text, "source,target");
    for (int i = 2; i < 100000; i++)
        g_string_append_printf(text, ",c%d", i);
    g_string_append(text, "\nu,v");
    for (int i = 2; i < 100000; i++)
        g_string_append(text, ",1");
    g_string_append_c(text, '\n');
    diag = sg_diag_new();
    net = load_ok(text->str, text->len, diag);
    g_assert_cmpuint(net->n_edges, ==, 1);
    g_assert_cmpuint(diag->warnings, ==, 0);
    g_assert_cmpuint(net->n_edge_extra_attrs, ==, 99998);
    g_assert_cmpstr(net->edge_extra_attrs[0], ==, "c2");
    g_assert_cmpstr(net->edge_extra_attrs[99997], ==, "c99999");
    g_assert_cmpstr(net->edges[0].extra[99997], ==, "1");
    sg_network_unref(net);
    sg_diag_free(diag);
    g_string_free(text, TRUE);
}

static void test_formats_load(void)
{
    /* BOM, header, CRLF, a quoted name with a comma, a doubled quote and a line break, CJK and
     * Cyrillic: 4 distinct names, 3 ties. */
    static const char text[] = "\xEF\xBB\xBFsource,target,weight\r\n"
                               "\"Sorge, R.\",Зорге,2\r\n"
                               "\"Ozaki \"\"Otto\"\"\nHotsumi\",尾崎秀実,1\r\n"
                               "Зорге,尾崎秀実,0.5\r\n";
    sg_diag *diag = sg_diag_new();
    sg_network *net = load_ok(text, sizeof text - 1, diag);
    g_assert_cmpuint(diag->count, ==, 0);
    g_assert_cmpuint(net->n_nodes, ==, 4);
    g_assert_cmpuint(net->n_edges, ==, 3);
    g_assert_cmpstr(net->nodes[0].id, ==, "Sorge, R.");
    g_assert_cmpstr(net->nodes[2].id, ==, "Ozaki \"Otto\"\nHotsumi");
    g_assert_cmpint(sg_network_find_node(net, "尾崎秀実"), ==, 3);
    g_assert_cmpstr(net->edges[0].relation->name, ==, "tie");
    g_assert_cmpint(net->edges[2].origin.line, ==, 5); /* after the line break inside the quoted name */
    g_assert_cmpfloat(net->edges[2].weight, ==, 0.5);
    g_assert_cmpstr(net->id, ==, "list");
    sg_network_unref(net);
    sg_diag_free(diag);
}

static void test_hash(void)
{
    /* printf 'x,y\ny,z\n' | sha256sum */
    sg_diag *diag = sg_diag_new();
    sg_network *net = load_ok("x,y\ny,z\n", 8, diag);
    g_assert_cmpstr(net->sha256, ==, "284879d03f7d1c9585381874c9fdf9c24413aa68e6b247b129d88debdded2e8e");
    sg_network_unref(net);
    sg_diag_free(diag);
}

static void test_manifest_bytes(void)
{
    /* The tables of tests/data/good/tiny (3 nodes, 2 ties, 1 source) under a manifest without the
     * hypothesis but with an unknown key (a warning). */
    static const char manifest[] = "{\"format\": \"spygraph-network\", \"version\": 1,\n"
                                   " \"nodes\": \"nodes.csv\", \"edges\": \"edges.csv\",\n"
                                   " \"sources\": \"sources.csv\", \"colour\": \"red\"}\n";
    char *dir = g_build_filename(g_getenv("SPYGRAPH_SOURCE_ROOT"), "tests", "data", "good", "tiny", NULL);
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_load_manifest_bytes("m.json", dir, manifest, sizeof manifest - 1, diag);
    g_assert_nonnull(net);
    g_assert_cmpuint(diag->errors, ==, 0);
    g_assert_cmpuint(diag->warnings, ==, 1);
    g_assert_cmpint(diag->items[0].line, ==, 3);
    g_assert_cmpint(diag->items[0].column, ==, 28); /* `"colour"` on line 3 */
    g_assert_true(net->curated && net->has_sources_table);
    g_assert_cmpuint(net->n_nodes, ==, 3);
    g_assert_cmpuint(net->n_edges, ==, 2);
    g_assert_cmpuint(net->n_sources, ==, 1);
    g_assert_cmpstr(net->id, ==, "tiny"); /* no "id": the folder's name */
    sg_network_unref(net);
    sg_diag_free(diag);
    g_free(dir);
}

static void test_manifest_errors(void)
{
    sg_diag *diag = sg_diag_new();
    g_assert_null(sg_load_manifest_bytes("m.json", ".", "", 0, diag));
    g_assert_null(sg_load_manifest_bytes("m.json", ".", "{\n  \"a\": }", 10, diag));
    g_assert_null(sg_load_manifest_bytes("m.json", ".", "[]", 2, diag));
    g_assert_cmpuint(diag->errors, ==, 3);
    g_assert_cmpint(diag->items[0].line, ==, 1); /* empty file: 1:1 */
    g_assert_cmpint(diag->items[1].line, ==, 2); /* the `}` where a value should be: 2:8 */
    g_assert_cmpint(diag->items[1].column, ==, 8);
    g_assert_nonnull(strstr(diag->items[2].message, "JSON object"));
    sg_diag_free(diag);
}

/* The folder tests/data/good/lifetimes (loaded whole, or under a manifest held in memory). */
static char *lifetimes_dir(void)
{
    return g_build_filename(g_getenv("SPYGRAPH_SOURCE_ROOT"), "tests", "data", "good", "lifetimes", NULL);
}

/* D was written as TEXT ("" for an open date). */
static void assert_date(sg_date d, const char *text)
{
    char buf[SG_DATE_TEXT_MAX];
    g_assert_cmpstr(sg_date_format(d, buf), ==, text);
}

static void test_lifetimes_and_new_ops(void)
{
    /* Expected values read by hand off tests/data/good/lifetimes/nodes.csv and the hypotheses/ patch files. */
    char *dir = lifetimes_dir();
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_load_network(dir, diag);
    g_assert_nonnull(net);
    g_assert_cmpuint(diag->errors, ==, 0);
    /* the one warning: merging boris and dora drops their met tie (merge.csv line 2) */
    g_assert_cmpuint(diag->warnings, ==, 1);
    g_assert_true(g_str_has_suffix(diag->items[0].file, "merge.csv"));
    g_assert_cmpint(diag->items[0].line, ==, 2);
    g_assert_cmpuint(net->n_nodes, ==, 4);
    assert_date(net->nodes[0].when.start, "");         /* anna: ,1941-07-02 */
    assert_date(net->nodes[0].when.end, "1941-07-02");
    assert_date(net->nodes[1].when.start, "1901");      /* boris: 1901, */
    assert_date(net->nodes[1].when.end, "");
    assert_date(net->nodes[2].when.start, "1930-05");      /* cell: 1930-05,1941 */
    assert_date(net->nodes[2].when.end, "1941");
    g_assert_true(sg_interval_is_timeless(&net->nodes[3].when)); /* dora: no dates */

    g_assert_cmpuint(net->n_hypotheses, ==, 3);
    const sg_hypothesis *merge = &net->hypotheses[0], *gone = &net->hypotheses[1], *rename = &net->hypotheses[2];
    g_assert_cmpuint(merge->n_patches, ==, 1);
    g_assert_cmpint(merge->patches[0].op, ==, SG_PATCH_MERGE_NODES);
    g_assert_cmpstr(merge->patches[0].source_id, ==, "boris");
    g_assert_cmpstr(merge->patches[0].target_id, ==, "dora");
    g_assert_cmpint(gone->patches[0].op, ==, SG_PATCH_REMOVE_NODE);
    g_assert_cmpstr(gone->patches[0].node.id, ==, "dora");
    g_assert_cmpuint(rename->n_patches, ==, 2);
    const sg_patch *change = &rename->patches[0], *add = &rename->patches[1];
    g_assert_cmpint(change->op, ==, SG_PATCH_CHANGE_NODE);
    g_assert_cmpstr(change->node.id, ==, "cell");
    /* `change_node,cell,The Circle,,,1930,`: the label and the start are given, nothing else */
    g_assert_cmpuint(change->node_changes, ==, SG_CHANGE_NODE_LABEL | SG_CHANGE_NODE_START);
    g_assert_cmpstr(change->node.label, ==, "The Circle");
    assert_date(change->node.when.start, "1930");
    g_assert_cmpint(change->origin.line, ==, 2);
    /* `add_node,ewa,Ewa,person,cell,1905,1944`: start and end are the new node's lifetime */
    g_assert_cmpint(add->op, ==, SG_PATCH_ADD_NODE);
    assert_date(add->node.when.start, "1905");
    assert_date(add->node.when.end, "1944");

    /* the question and the credences of the manifest */
    g_assert_cmpuint(net->n_questions, ==, 1);
    g_assert_cmpstr(net->questions[0].id, ==, "dora");
    g_assert_cmpstr(net->questions[0].label, ==, "Who was Dora?");
    g_assert_cmpuint(sg_list_length(net->questions[0].hypotheses), ==, 2);
    g_assert_cmpstr(net->questions[0].hypotheses[0], ==, "merge");
    g_assert_cmpstr(net->questions[0].hypotheses[1], ==, "gone");
    g_assert_cmpint(merge->question, ==, 0);
    g_assert_cmpint(gone->question, ==, 0);
    g_assert_cmpint(rename->question, ==, -1);
    g_assert_cmpfloat(merge->credence, ==, 0.6);
    g_assert_cmpstr(merge->credence_note, ==, "the same codename in two files");
    g_assert_cmpfloat(gone->credence, ==, 0.25);
    g_assert_cmpstr(gone->credence_note, ==, "");
    g_assert_true(isnan(rename->credence));
    g_assert_cmpint(net->questions[0].origin.line, ==, 15); /* `"dora"` after "id" on line 15 */
    sg_network_unref(net);
    sg_diag_free(diag);
    g_free(dir);
}

/* Loads MANIFEST over the tables of tests/data/good/lifetimes; returns the diagnostics (caller frees). */
static sg_diag *load_lifetimes_manifest(const char *manifest)
{
    char *dir = lifetimes_dir();
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_load_manifest_bytes("m.json", dir, manifest, strlen(manifest), diag);
    g_assert_nonnull(net);
    sg_network_unref(net);
    g_free(dir);
    sg_diag_sort(diag);
    return diag;
}

#define LIFETIMES_HEAD "{\"format\": \"spygraph-network\", \"version\": 1, \"nodes\": \"nodes.csv\",\n" \
                       " \"edges\": \"edges.csv\", \"sources\": \"sources.csv\",\n"

/* Asserts DIAG holds exactly one error, at LINE:COLUMN of m.json, whose message contains TEXT. */
static void assert_one_error(sg_diag *diag, int line, int column, const char *text)
{
    g_assert_cmpuint(diag->errors, ==, 1);
    for (size_t i = 0; i < diag->count; i++)
        if (diag->items[i].severity == SG_SEV_ERROR) {
            g_assert_cmpstr(diag->items[i].file, ==, "m.json");
            g_assert_cmpint(diag->items[i].line, ==, line);
            g_assert_cmpint(diag->items[i].column, ==, column);
            if (!strstr(diag->items[i].message, text))
                g_error("message '%s' lacks '%s'", diag->items[i].message, text);
        }
    sg_diag_free(diag);
}

static void test_question_errors(void)
{
    /* Every line and column below is counted by hand in the manifest text beside it: lines 1-2 are
     * LIFETIMES_HEAD, 3-4 the hypotheses, 5 opens the questions, the first question is on line 6. */
    static const char hyps[] = " \"hypotheses\": [{\"id\": \"merge\", \"label\": \"m\", \"patch\": \"hypotheses/merge.csv\", "
                               "\"credence\": 0.6},\n"
                               "  {\"id\": \"gone\", \"label\": \"g\", \"patch\": \"hypotheses/gone.csv\", \"credence\": 0.5}],\n";
    char *m;
    /* an unknown hypothesis: `"nobody"` at line 6, column 47 */
    m = g_strconcat(LIFETIMES_HEAD, hyps, " \"questions\": [\n",
                    "  {\"id\": \"q\", \"hypotheses\": [\"merge\", \"gone\", \"nobody\"]}]}\n", NULL);
    assert_one_error(load_lifetimes_manifest(m), 6, 47, "question 'q' names unknown hypothesis 'nobody'");
    g_free(m);
    /* 0.6 + 0.5 = 1.1 > 1: at the question's id `"q"`, line 6, column 10 */
    m = g_strconcat(LIFETIMES_HEAD, hyps, " \"questions\": [\n",
                    "  {\"id\": \"q\", \"hypotheses\": [\"merge\", \"gone\"]}]}\n", NULL);
    assert_one_error(load_lifetimes_manifest(m), 6, 10, "sum to 1.1, more than 1");
    g_free(m);
    m = g_strconcat(LIFETIMES_HEAD, hyps, " \"questions\": [\n",
                    "  {\"id\": \"q\", \"hypotheses\": [\"merge\", \"rename\"]},\n",
                    "  {\"id\": \"r\", \"hypotheses\": [\"gone\", \"merge\"]}]}\n", NULL);
    /* "rename" is not among these hypotheses: that error comes first (line 6, column 39); then `"merge"`
     * on line 7, column 38, is in question q already. */
    sg_diag *diag = load_lifetimes_manifest(m);
    g_assert_cmpuint(diag->errors, ==, 2);
    const sg_diagnostic *errors[2];
    for (size_t i = 0, k = 0; i < diag->count; i++)
        if (diag->items[i].severity == SG_SEV_ERROR)
            errors[k++] = &diag->items[i];
    g_assert_cmpint(errors[0]->line, ==, 6);
    g_assert_cmpint(errors[0]->column, ==, 39);
    g_assert_nonnull(strstr(errors[0]->message, "unknown hypothesis 'rename'"));
    g_assert_cmpint(errors[1]->line, ==, 7);
    g_assert_cmpint(errors[1]->column, ==, 38);
    g_assert_cmpstr(errors[1]->message, ==,
                    "hypothesis 'merge' answers question 'q' already: a hypothesis answers one question");
    sg_diag_free(diag);
    g_free(m);
    /* a question id used twice: the second `"q"`, line 7, column 10 */
    m = g_strconcat(LIFETIMES_HEAD, hyps, " \"questions\": [\n",
                    "  {\"id\": \"q\", \"hypotheses\": [\"merge\"]},\n",
                    "  {\"id\": \"q\", \"hypotheses\": [\"gone\"]}]}\n", NULL);
    diag = load_lifetimes_manifest(m);
    g_assert_cmpuint(diag->warnings, >=, 1); /* q has one answer */
    assert_one_error(diag, 7, 10, "duplicate question id 'q' (first at line 6)");
    g_free(m);
    /* a credence outside [0, 1] and one that is not a number: at their keys */
    m = g_strconcat(LIFETIMES_HEAD,
                    " \"hypotheses\": [{\"id\": \"merge\", \"label\": \"m\", \"patch\": \"hypotheses/merge.csv\",\n",
                    "   \"credence\": 1.5}]}\n", NULL);
    assert_one_error(load_lifetimes_manifest(m), 4, 4, "the credence 1.5 of hypothesis 'merge' is outside [0, 1]");
    g_free(m);
    m = g_strconcat(LIFETIMES_HEAD,
                    " \"hypotheses\": [{\"id\": \"merge\", \"label\": \"m\", \"patch\": \"hypotheses/merge.csv\",\n",
                    "   \"credence\": \"high\"}]}\n", NULL);
    assert_one_error(load_lifetimes_manifest(m), 4, 4, "the credence of hypothesis 'merge' must be a number in [0, 1]");
    g_free(m);
}

/* Positions come from a scan beside cJSON's tree: strings holding quotes, brackets and commas, nested
 * objects and lists, a tab, a byte-order mark and a repeated key must not throw it off. Columns counted by
 * hand in the text below (the mark takes no column, the tab one). */
static void test_manifest_positions(void)
{
    static const char manifest[] = "\xEF\xBB\xBF{\"format\": \"spygraph-network\", \"version\": 1, "
                                   "\"title\": \"a \\\"}{[,]\\\" b\\\\\", \"nodes\": \"nodes.csv\",\n"
                                   "\t\"x\": {\"y\": [1, {\"z\": \"}\"}]}, \"edges\": \"edges.csv\", \"title\": \"\xC3\xA9\"}\n";
    char *dir = g_build_filename(g_getenv("SPYGRAPH_SOURCE_ROOT"), "tests", "data", "good", "tiny", NULL);
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_load_manifest_bytes("m.json", dir, manifest, sizeof manifest - 1, diag);
    g_assert_nonnull(net);
    sg_diag_sort(diag);
    g_assert_cmpuint(diag->count, ==, 2);
    g_assert_cmpint(diag->items[0].line, ==, 2); /* `"x"` after the tab */
    g_assert_cmpint(diag->items[0].column, ==, 2);
    g_assert_cmpstr(diag->items[0].message, ==, "unknown manifest key 'x' is not read");
    g_assert_cmpint(diag->items[1].line, ==, 2); /* the second `"title"` */
    g_assert_cmpint(diag->items[1].column, ==, 53);
    g_assert_cmpstr(diag->items[1].message, ==, "duplicate manifest key 'title' (first at line 1)");
    g_assert_cmpstr(net->title, ==, "a \"}{[,]\" b\\"); /* the first title is the one read */
    sg_network_unref(net);
    sg_diag_free(diag);
    g_free(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/loader/megabyte-name", test_megabyte_name);
    g_test_add_func("/loader/wide-lines", test_wide_lines);
    g_test_add_func("/loader/formats-load", test_formats_load);
    g_test_add_func("/loader/hash", test_hash);
    g_test_add_func("/loader/manifest-bytes", test_manifest_bytes);
    g_test_add_func("/loader/manifest-errors", test_manifest_errors);
    g_test_add_func("/loader/manifest-positions", test_manifest_positions);
    g_test_add_func("/loader/lifetimes-and-new-ops", test_lifetimes_and_new_ops);
    g_test_add_func("/loader/question-errors", test_question_errors);
    return g_test_run();
}

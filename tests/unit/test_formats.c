/* test_formats.c: unit tests of the plain-text formats: sniffing order, GML and Pajek writers and readers. */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "io/foreign.h"
#include "io/formats.h"
#include "spygraph/interchange.h"

/* The format sniffing picks for TEXT ("" when none). */
static const char *sniffed(const char *text)
{
    const sg_graph_format *f = sg_graph_format_sniff(text, strlen(text));
    return f ? f->name : "";
}

/* Each format's signature, by hand from its documentation; CSV and TSV keep winning for lines with commas
 * or tabs, an attribute dictionary's commas aside. */
static void test_sniffing(void)
{
    g_assert_cmpstr(sniffed("graph [\n node [ id 0 ]\n]\n"), ==, "gml");
    g_assert_cmpstr(sniffed("# written by x, y\nCreator \"NetworkX 2.8, [x]\"\nVersion 1\ngraph[\n"), ==, "gml");
    g_assert_cmpstr(sniffed("\xEF\xBB\xBFGraph [\n"), ==, "gml");
    g_assert_cmpstr(sniffed("*Vertices 3\n1 \"a\"\n"), ==, "pajek");
    g_assert_cmpstr(sniffed("% a comment, with a comma\n\n*network spies\n"), ==, "pajek");
    g_assert_cmpstr(sniffed("*ARCS\n1 2\n"), ==, "pajek");
    g_assert_cmpstr(sniffed("*edges\n1 2\n"), ==, "pajek");
    g_assert_cmpstr(sniffed("*Partition x\n1\n"), ==, "");
    g_assert_cmpstr(sniffed("DL N=3\nformat = fullmatrix\n"), ==, "dl");
    g_assert_cmpstr(sniffed("  dl  n = 3\n"), ==, "dl");
    g_assert_cmpstr(sniffed("dl,x\n"), ==, "csv");
    g_assert_cmpstr(sniffed("dl x\n"), ==, "edgelist");
    g_assert_cmpstr(sniffed("sorge introduced ozaki\nclausen\n"), ==, "sif");
    g_assert_cmpstr(sniffed("sorge pp ozaki miyagi\n"), ==, "sif");
    g_assert_cmpstr(sniffed("sorge\tintroduced\tozaki\n"), ==, "csv"); /* tab-separated SIF: by .sif only */
    g_assert_cmpstr(sniffed("a b\nc d\n"), ==, "edgelist");
    g_assert_cmpstr(sniffed("a b 2.0\n"), ==, "edgelist");
    g_assert_cmpstr(sniffed("# nodes, then ties\na b {'weight': 2.0, 'note': 'x, y'}\n"), ==, "edgelist");
    g_assert_cmpstr(sniffed("a b\nc pp d\n"), ==, "edgelist");
    g_assert_cmpstr(sniffed("a,b\n"), ==, "csv");
    g_assert_cmpstr(sniffed("source,target,weight\na,b,1\n"), ==, "csv");
    g_assert_cmpstr(sniffed("a\tb\n"), ==, "csv");
    g_assert_cmpstr(sniffed("a b, c\n"), ==, "csv");
    g_assert_cmpstr(sniffed("lonely\n"), ==, "");
    g_assert_cmpstr(sg_graph_format_for_path("x/Spies.NET")->name, ==, "pajek");
    g_assert_cmpstr(sg_graph_format_for_path("spies.edgelist")->name, ==, "edgelist");
    g_assert_cmpstr(sg_graph_format_for_path("spies.sif")->name, ==, "sif");
}

/* TEXT read as FORMAT; asserts it reads without an error. */
static sg_network *read_text(const char *format, const char *text)
{
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_graph_format_find(format)->read("t.txt", text, strlen(text), diag);
    for (size_t i = 0; i < diag->count; i++)
        g_test_message("%s:%d:%d: %s", diag->items[i].file, diag->items[i].line, diag->items[i].column,
                       diag->items[i].message);
    g_assert_nonnull(net);
    g_assert_cmpuint(diag->errors, ==, 0);
    sg_diag_free(diag);
    return net;
}

/* NET written as FORMAT (g_free). */
static char *write_text(const char *format, const sg_network *net)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *stream = open_memstream(&buf, &len);
    sg_diag *diag = sg_diag_new();
    sg_export_info info = {.version = "test"};
    g_assert_true(sg_graph_format_find(format)->write(net, &info, stream, diag));
    sg_diag_free(diag);
    fclose(stream);
    return buf;
}

/* Hostile texts go through spygraph's GML writer and reader unchanged (expected: the inputs). */
static void test_gml_text_round_trip(void)
{
    static const char *const ids[] = {"a\"b", "&amp;", "&#34;", "line\nbreak", "esc\x1b[2J", "\xE5\xB0\xBE\xE5\xB4\x8E",
                                      "tab\there", "back\\", "C1\xC2\x9B", "#hash", NULL};
    sg_diag *diag = sg_diag_new();
    sg_foreign *f = sg_foreign_new("t.txt", "Test", "", 0, diag);
    static const sg_origin at = {"t.txt", 1, 1};
    int previous = -1;
    for (size_t i = 0; ids[i]; i++) {
        int node = sg_foreign_node(f, ids[i], &at);
        char *label = g_strdup_printf("label %s", ids[i]);
        sg_foreign_node_attr(f, node, "label", label, &at);
        sg_foreign_node_attr(f, node, "remark", ids[i], &at);
        g_free(label);
        if (previous >= 0) {
            int e = sg_foreign_edge(f, previous, node, SG_TIE_AS_RELATION, &at);
            sg_foreign_edge_attr(f, e, "note", ids[i], &at);
        }
        previous = node;
    }
    sg_network *net = sg_foreign_finish(f);
    g_assert_cmpuint(diag->errors, ==, 0);
    char *text = write_text("gml", net);
    for (const char *p = text; *p; p++) /* 7-bit ASCII, no control character but the line feed */
        g_assert_true((*p >= 0x20 && *p < 0x7f) || *p == '\n');
    sg_network *back = read_text("gml", text);
    g_assert_cmpuint(back->n_nodes, ==, net->n_nodes);
    g_assert_cmpuint(back->n_edges, ==, net->n_edges);
    g_assert_cmpuint(back->n_extra_attrs, ==, 1);
    for (size_t i = 0; ids[i]; i++) {
        g_assert_cmpstr(back->nodes[i].id, ==, ids[i]);
        char *label = g_strdup_printf("label %s", ids[i]);
        g_assert_cmpstr(back->nodes[i].label, ==, g_strstrip(label));
        g_free(label);
        char *remark = g_strstrip(g_strdup(ids[i])); /* the attribute rule trims values */
        g_assert_cmpstr(back->nodes[i].extra[0], ==, remark);
        if (i > 0)
            g_assert_cmpstr(back->edges[i - 1].note, ==, remark);
        g_free(remark);
    }
    g_free(text);
    sg_network_unref(back);
    sg_network_unref(net);
    sg_diag_free(diag);
}

/* Attribute names that are no GML keys, renamed by the documented rule (worked by hand): characters first,
 * then the exports' rule for names that stand for another field or meet one before them. */
static void test_gml_keys(void)
{
    sg_diag *diag = sg_diag_new();
    sg_foreign *f = sg_foreign_new("t.txt", "Test", "", 0, diag);
    static const sg_origin at = {"t.txt", 1, 1};
    int a = sg_foreign_node(f, "a", &at), b = sg_foreign_node(f, "b", &at);
    static const char *const names[] = {"start date", "1st", "x1st", "graphics", "Start_Date", "日本", "ok_key",
                                        NULL};
    for (size_t i = 0; names[i]; i++)
        sg_foreign_node_attr(f, a, names[i], "v", &at);
    int e = sg_foreign_edge(f, a, b, SG_TIE_AS_RELATION, &at);
    sg_foreign_edge_attr(f, e, "family", "v", &at); /* an extra tie attribute: family is written by spygraph */
    sg_foreign_edge_attr(f, e, "key", "v", &at);
    sg_network *net = sg_foreign_finish(f);
    g_assert_cmpuint(diag->errors, ==, 0);
    char *text = write_text("gml", net);
    static const char *const keys[] = {"\n    start_date \"v\"\n",      "\n    x1st \"v\"\n",
                                       "\n    x1st_attribute \"v\"\n",   "\n    graphics_attribute \"v\"\n",
                                       "\n    Start_Date_attribute \"v\"\n", "\n    x__ \"v\"\n",
                                       "\n    ok_key \"v\"\n",           "\n    family_attribute \"v\"\n",
                                       "\n    key_attribute \"v\"\n",    NULL};
    for (size_t i = 0; keys[i]; i++)
        g_assert_nonnull(strstr(text, keys[i]));
    g_free(text);
    sg_network_unref(net);
    sg_diag_free(diag);
}

/* The labels Pajek can hold, by the documented rule (worked by hand). */
static void test_pajek_labels(void)
{
    sg_diag *diag = sg_diag_new();
    sg_foreign *f = sg_foreign_new("t.txt", "Test", "", 0, diag);
    static const sg_origin at = {"t.txt", 1, 1};
    static const char *const ids[] = {"a\"b", "a'b", "c\\\\d\\", "e\\f", "two\r\nlines", "a\"b'", NULL};
    for (size_t i = 0; ids[i]; i++)
        sg_foreign_node(f, ids[i], &at);
    sg_foreign_edge(f, 0, 1, SG_TIE_DIRECTED, &at);
    sg_foreign_edge(f, 2, 3, SG_TIE_UNDIRECTED, &at);
    sg_network *net = sg_foreign_finish(f);
    char *text = write_text("pajek", net);
    g_assert_cmpstr(text, ==,
                    "*Vertices 6\n"
                    "1 \"a'b #2\"\n" /* a'b is an id as it is: the changed one gets #2 */
                    "2 \"a'b\"\n"
                    "3 \"c/\\d/\"\n"
                    "4 \"e\\f\"\n"
                    "5 \"two  lines\"\n"
                    "6 \"a'b'\"\n"
                    "*Arcs\n1 2 1\n*Edges\n3 4 1\n");
    g_free(text);
    sg_network_unref(net);
    sg_diag_free(diag);
}

/* Pajek's list and matrix sections, by hand: *Arcslist 1 2 3 is two arcs, *Edgeslist 3 1 one edge, and the
 * matrix row of vertex 2 one arc 2 -> 3 of weight 2.5; vertex 3 has no line and is named by its number. */
static void test_pajek_sections(void)
{
    sg_network *net = read_text("pajek", "*Vertices 3\n1 a\n2 \"b c\"\n*Arcslist\n1 2 3\n*Edgeslist\n3 1\n"
                                         "*Matrix\n0 0 0\n0 0 2.5\n0 0 0\n");
    g_assert_cmpuint(net->n_nodes, ==, 3);
    g_assert_cmpstr(net->nodes[2].id, ==, "3");
    g_assert_cmpuint(net->n_edges, ==, 4);
    g_assert_cmpint(net->edges[0].direction, ==, SG_TIE_DIRECTED);
    g_assert_cmpint(net->edges[2].direction, ==, SG_TIE_UNDIRECTED);
    g_assert_cmpstr(net->nodes[net->edges[3].source].id, ==, "b c");
    g_assert_cmpstr(net->nodes[net->edges[3].target].id, ==, "3");
    g_assert_cmpfloat(net->edges[3].weight, ==, 2.5);
    sg_network_unref(net);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/formats/sniffing", test_sniffing);
    g_test_add_func("/formats/gml-text-round-trip", test_gml_text_round_trip);
    g_test_add_func("/formats/gml-keys", test_gml_keys);
    g_test_add_func("/formats/pajek-labels", test_pajek_labels);
    g_test_add_func("/formats/pajek-sections", test_pajek_sections);
    return g_test_run();
}

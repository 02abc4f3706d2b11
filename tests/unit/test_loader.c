/* test_loader.c: unit tests of the network loader on edge lists and manifests held in memory, including
 * the 1 MB field and the 100,000-column line the readers must survive. Counts are worked out by hand. */
#include <glib.h>
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

    /* With a header of 100,000 names: source, target and 99,998 unknown columns, each a warning. */
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
    g_assert_cmpuint(diag->warnings, ==, 99998);
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

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/loader/megabyte-name", test_megabyte_name);
    g_test_add_func("/loader/wide-lines", test_wide_lines);
    g_test_add_func("/loader/formats-load", test_formats_load);
    g_test_add_func("/loader/hash", test_hash);
    g_test_add_func("/loader/manifest-bytes", test_manifest_bytes);
    g_test_add_func("/loader/manifest-errors", test_manifest_errors);
    return g_test_run();
}

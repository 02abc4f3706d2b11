/* test_nodelink.c: unit tests of the node-link JSON format (sniffing, reading, NetworkX keys) and of the tables export's files and names. */
#include <cjson/cJSON.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "io/foreign.h"
#include "io/formats.h"
#include "spygraph/output.h"

/* Which texts are node-link JSON: a JSON object whose top level has "nodes" and "links" (or "edges") lists and
 * does not name spygraph's manifest format. Expected values by hand, one reason each. */
static void test_sniff(void)
{
    static const struct {
        const char *text;
        bool expected;
    } cases[] = {
        {"{\"nodes\": [], \"links\": []}", true},
        {"\xEF\xBB\xBF  {\"directed\": true, \"nodes\": [{\"id\": 1}], \"edges\": [{\"source\": 1}]}", true},
        {"{\"graph\": {\"nodes\": [], \"links\": []}, \"nodes\": [], \"links\": []}", true},
        {"{\"nodes\": [], \"links\": [ {\"source\": \"a\" \"target\": oops", true}, /* broken later: the reader
                                                                                  says where */
        {"{\"nodes\": \"nodes.csv\", \"edges\": \"edges.csv\"}", false},           /* a manifest names files */
        {"{\"format\": \"spygraph-network\", \"nodes\": [], \"links\": []}", false},
        {"{\"graph\": {\"nodes\": [], \"links\": []}}", false},                    /* not at the top level */
        {"{\"note\": \"\\\"nodes\\\": [], \\\"links\\\": []\", \"x\": 1}", false}, /* inside a string */
        {"{\"nodes\": []}", false},
        {"[{\"nodes\": [], \"links\": []}]", false},
        {"source,target\na,b\n", false},
        {"", false},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
        g_assert_cmpint(sg_nodelink_sniff(cases[i].text, strlen(cases[i].text)), ==, cases[i].expected);
}

static sg_network *read_text(const char *text, sg_diag *diag)
{
    return sg_nodelink_read("dir/g.json", text, strlen(text), diag);
}

/* A small file read into the model: ids as text, the label from "name", attributes by the foreign rule,
 * the tie's direction from the graph unless the link's own says, "key" never an attribute. */
static void test_read(void)
{
    sg_diag *diag = sg_diag_new();
    sg_network *net = read_text("{\"directed\": true, \"graph\": {\"name\": \"G\"},\n"
                                " \"nodes\": [{\"id\": 1, \"name\": \"One\", \"rank\": 2.5, \"tags\": [\"x\", 3]},\n"
                                "             {\"id\": \"b\", \"codenames\": [\"B1\", \"B2\"], \"flag\": false}],\n"
                                " \"links\": [{\"source\": 1, \"target\": \"b\", \"key\": 0, \"relation\": \"met\"},\n"
                                "           {\"source\": \"b\", \"target\": 1, \"key\": 0, \"directed\": false,\n"
                                "            \"weight\": 2, \"sources\": [\"k1\", \"k2\"], \"colour\": null}]}",
                                diag);
    g_assert_nonnull(net);
    g_assert_cmpuint(diag->errors, ==, 0);
    g_assert_cmpstr(net->id, ==, "g");
    g_assert_cmpstr(net->title, ==, "G");
    g_assert_cmpuint(net->n_nodes, ==, 2);
    g_assert_cmpstr(net->nodes[0].id, ==, "1");
    g_assert_cmpstr(net->nodes[0].label, ==, "One");
    g_assert_cmpstr(net->nodes[1].label, ==, "b");
    g_assert_cmpstr(net->nodes[1].codenames[1], ==, "B2");
    g_assert_cmpuint(net->n_extra_attrs, ==, 3);
    g_assert_cmpstr(net->extra_attrs[0], ==, "rank");
    g_assert_cmpstr(net->nodes[0].extra[0], ==, "2.5");
    g_assert_cmpstr(net->nodes[0].extra[1], ==, "x;3");
    g_assert_cmpstr(net->nodes[1].extra[2], ==, "false");
    g_assert_cmpuint(net->n_edges, ==, 2);
    g_assert_cmpstr(net->edges[0].relation->name, ==, "met");
    g_assert_cmpint(net->edges[0].direction, ==, SG_TIE_DIRECTED); /* the graph's */
    g_assert_cmpint(net->edges[1].direction, ==, SG_TIE_UNDIRECTED); /* its own */
    g_assert_cmpstr(net->edges[1].relation->name, ==, "tie");
    g_assert_cmpfloat(net->edges[1].weight, ==, 2);
    g_assert_cmpstr(net->edges[1].sources[1], ==, "k2");
    g_assert_cmpuint(net->n_edge_extra_attrs, ==, 1); /* "colour"; "key" is NetworkX's own */
    g_assert_cmpstr(net->edge_extra_attrs[0], ==, "colour");
    g_assert_cmpstr(net->edges[1].extra[0], ==, "");
    sg_network_unref(net);
    sg_diag_free(diag);
}

/* A link's "family" naming its relation's family is what the writer derives: not an attribute; any other is
 * kept. Families from networks/README.md's relation table (met: personal; tie: other). */
static void test_read_family(void)
{
    sg_diag *diag = sg_diag_new();
    sg_network *net = read_text("{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n"
                                " \"links\": [{\"source\": \"a\", \"target\": \"b\", \"family\": \"personal\",\n"
                                "            \"relation\": \"met\"},\n"
                                "           {\"source\": \"a\", \"target\": \"b\", \"Family\": \"other\"},\n"
                                "           {\"source\": \"a\", \"target\": \"b\", \"family\": \"personal\"}]}",
                                diag);
    g_assert_nonnull(net);
    g_assert_cmpuint(diag->errors, ==, 0);
    g_assert_cmpuint(net->n_edge_extra_attrs, ==, 1);
    g_assert_cmpstr(net->edge_extra_attrs[0], ==, "family");
    g_assert_cmpstr(net->edges[0].extra[0], ==, "");
    g_assert_cmpstr(net->edges[1].extra[0], ==, "");
    g_assert_cmpstr(net->edges[2].extra[0], ==, "personal"); /* a `tie` is of the family other */
    sg_network_unref(net);
    sg_diag_free(diag);
}

/* The writer's "key" numbers parallel ties as a MultiGraph (either way round) or a MultiDiGraph (each
 * way apart) would; and an extra tie attribute named like a member the export writes ("family", "key") or
 * like another extra in another case is renamed, not lost. Expected keys by hand. */
static void test_write_keys_and_names(void)
{
    sg_diag *diag = sg_diag_new();
    sg_network *net = read_text("{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n"
                                " \"links\": [{\"source\": \"a\", \"target\": \"b\", \"family\": \"f1\"},\n"
                                "           {\"source\": \"b\", \"target\": \"a\", \"Key\": \"k\"},\n"
                                "           {\"source\": \"a\", \"target\": \"b\", \"Colour\": \"red\",\n"
                                "            \"colour\": \"x\"}]}",
                                diag);
    g_assert_nonnull(net);
    g_assert_cmpuint(diag->errors, ==, 0);
    /* read as the graph says: undirected; "Colour" and "colour" are one attribute (any case), the last kept */
    g_assert_cmpuint(net->n_edge_extra_attrs, ==, 3);
    char *text = NULL;
    size_t len = 0;
    FILE *stream = open_memstream(&text, &len);
    sg_export_info info = {.version = "test"};
    g_assert_true(sg_nodelink_write(net, &info, stream, diag));
    fclose(stream);
    cJSON *root = cJSON_Parse(text);
    g_assert_nonnull(root);
    g_assert_false(cJSON_IsTrue(cJSON_GetObjectItem(root, "directed")));
    const cJSON *links = cJSON_GetObjectItem(root, "links");
    static const int keys[] = {0, 1, 2}; /* one unordered pair, three ties */
    for (int i = 0; i < 3; i++) {
        const cJSON *link = cJSON_GetArrayItem(links, i);
        g_assert_cmpint(cJSON_GetObjectItem(link, "key")->valueint, ==, keys[i]);
        g_assert_cmpstr(cJSON_GetObjectItem(link, "family")->valuestring, ==, "other"); /* tie's family */
    }
    const cJSON *first = cJSON_GetArrayItem(links, 0), *second = cJSON_GetArrayItem(links, 1);
    g_assert_cmpstr(cJSON_GetObjectItem(first, "family_attribute")->valuestring, ==, "f1");
    g_assert_cmpstr(cJSON_GetObjectItem(second, "Key_attribute")->valuestring, ==, "k");
    g_assert_cmpuint(diag->warnings, ==, 2);
    cJSON_Delete(root);
    free(text);

    /* the same ties in a directed graph: a -> b twice (keys 0, 1), b -> a once (key 0) */
    for (size_t i = 0; i < net->n_edges; i++)
        net->edges[i].direction = SG_TIE_DIRECTED;
    stream = open_memstream(&text, &len);
    g_assert_true(sg_nodelink_write(net, &info, stream, diag));
    fclose(stream);
    root = cJSON_Parse(text);
    g_assert_true(cJSON_IsTrue(cJSON_GetObjectItem(root, "directed")));
    links = cJSON_GetObjectItem(root, "links");
    static const int directed_keys[] = {0, 0, 1};
    for (int i = 0; i < 3; i++)
        g_assert_cmpint(cJSON_GetObjectItem(cJSON_GetArrayItem(links, i), "key")->valueint, ==, directed_keys[i]);
    cJSON_Delete(root);
    free(text);
    sg_network_unref(net);
    sg_diag_free(diag);
}

/* sg_export_extra_names: a name kept unless it clashes (trimmed, any case) with a reserved name or alias or
 * with a name written before it; then "_attribute", and '_' until free. Expected names by hand. */
static void test_extra_names(void)
{
    sg_diag *diag = sg_diag_new();
    static const char *const reserved[] = {"source|from", "weight", NULL};
    static const char *const names[] = {"colour", "From", " weight ", "COLOUR", "From_attribute", "x", NULL};
    char **out = sg_export_extra_names(names, 6, reserved, "t", "tie", diag);
    g_assert_cmpstr(out[0], ==, "colour");
    g_assert_cmpstr(out[1], ==, "From_attribute");
    g_assert_cmpstr(out[2], ==, " weight _attribute");
    g_assert_cmpstr(out[3], ==, "COLOUR_attribute");
    g_assert_cmpstr(out[4], ==, "From_attribute_attribute"); /* its own name was taken by the second */
    g_assert_cmpstr(out[5], ==, "x");
    g_assert_null(out[6]);
    g_assert_cmpuint(diag->warnings, ==, 4);
    g_strfreev(out);
    out = sg_export_extra_names(NULL, 0, reserved, "t", "tie", diag);
    g_assert_null(out[0]);
    g_strfreev(out);
    sg_diag_free(diag);
}

/* The tables of a network read from another format: the extra node attribute "ID" and the tie attribute "to"
 * would be read as the id and target columns, so they are written renamed; the tie without a relation is
 * `tie`, directed as the file said, so the directed column says so. The files are read back by hand here. */
static void test_tables_files(void)
{
    sg_diag *diag = sg_diag_new();
    sg_network *net = read_text("{\"directed\": true, \"nodes\": [{\"id\": \"a\", \"ID\": \"7\"}, {\"id\": \"b\"}],\n"
                                " \"links\": [{\"source\": \"a\", \"target\": \"b\", \"to\": \"=1+2\"}]}",
                                diag);
    g_assert_nonnull(net);
    g_assert_cmpuint(diag->errors, ==, 0);
    char *dir = g_dir_make_tmp("nodelink-XXXXXX", NULL);
    g_assert_nonnull(dir);
    sg_export_info info = {.version = "test"};
    g_assert_true(sg_tables_write_folder(net, &info, dir, diag));
    char *path = g_build_filename(dir, "nodes.csv", NULL), *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "id,label,kind,affiliation,codenames,native_name,note,sources,start,end,ID_attribute\n"
                              "a,a,,,,,,,,,7\n"
                              "b,b,,,,,,,,,\n");
    g_free(text);
    g_unlink(path);
    g_free(path);
    path = g_build_filename(dir, "edges.csv", NULL);
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    /* the formula-like value written as it is: the tables are spygraph's own input */
    g_assert_cmpstr(text, ==, "source,target,relation,start,end,confidence,weight,sources,note,directed,to_attribute\n"
                              "a,b,tie,,,1,1,,,directed,=1+2\n");
    g_free(text);
    g_unlink(path);
    g_free(path);
    path = g_build_filename(dir, "network.json", NULL);
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    cJSON *manifest = cJSON_Parse(text);
    g_assert_cmpstr(cJSON_GetObjectItem(manifest, "format")->valuestring, ==, "spygraph-network");
    g_assert_null(cJSON_GetObjectItem(manifest, "sources")); /* no sources table was read */
    g_assert_null(cJSON_GetObjectItem(manifest, "events"));
    cJSON_Delete(manifest);
    g_free(text);
    g_unlink(path);
    g_free(path);
    g_assert_cmpint(g_rmdir(dir), ==, 0); /* nothing else was written */
    g_free(dir);
    sg_network_unref(net);
    sg_diag_free(diag);
}

/* A folder that cannot be written: the error names the file and the system's reason. */
static void test_tables_unwritable(void)
{
    sg_diag *diag = sg_diag_new();
    sg_network *net = read_text("{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"a\"}]}",
                                diag);
    g_assert_nonnull(net);
    sg_export_info info = {.version = "test"};
    g_assert_false(sg_tables_write_folder(net, &info, "/nonexistent-folder/x", diag));
    g_assert_cmpuint(diag->errors, ==, 1);
    g_assert_cmpstr(diag->items[diag->count - 1].file, ==, "/nonexistent-folder/x/network.json");
    g_assert_cmpstr(diag->items[diag->count - 1].message, ==, "cannot write: No such file or directory");
    sg_network_unref(net);
    sg_diag_free(diag);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/nodelink/sniff", test_sniff);
    g_test_add_func("/nodelink/read", test_read);
    g_test_add_func("/nodelink/read-family", test_read_family);
    g_test_add_func("/nodelink/write-keys-and-names", test_write_keys_and_names);
    g_test_add_func("/nodelink/extra-names", test_extra_names);
    g_test_add_func("/nodelink/tables-files", test_tables_files);
    g_test_add_func("/nodelink/tables-unwritable", test_tables_unwritable);
    return g_test_run();
}

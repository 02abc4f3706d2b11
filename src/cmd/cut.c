/* cut.c: `spygraph cut`: whom or which links one must remove to separate two nodes, and the weak points. */
#include <glib.h>

#include "cmd.h"
#include "help.h"
#include "evidence.h"
#include "spygraph/paths.h"

/* The ties behind link E of LG as "source relation target" joined by "; ", in table order; the caller
 * g_free()s it. */
static char *link_ties(const sg_network *net, const sg_graph *lg, igraph_integer_t e)
{
    GString *s = g_string_new(NULL);
    for (igraph_integer_t i = VECTOR(lg->tie_start)[e]; i < VECTOR(lg->tie_start)[e + 1]; i++) {
        const sg_edge *tie = &net->edges[VECTOR(lg->ties)[i]];
        g_string_append_printf(s, "%s%s %s %s", s->len ? "; " : "", net->nodes[tie->source].id, tie->relation->name,
                               net->nodes[tie->target].id);
    }
    return g_string_free(s, FALSE);
}

/* The ends of link E as the link graph was built: directed from -> to, or undirected in node-table
 * order (igraph keeps an undirected edge's ends the other way round). */
static void link_ends(const sg_graph *lg, igraph_integer_t e, int *a, int *b)
{
    *a = (int)IGRAPH_FROM(&lg->graph, e);
    *b = (int)IGRAPH_TO(&lg->graph, e);
    if (!lg->directed && *a > *b) {
        int t = *a;
        *a = *b;
        *b = t;
    }
}

static void add_row(sg_table *t, const char *item, const char *node, const char *other, const char *detail)
{
    sg_table_add_row(t);
    sg_table_set_text(t, 0, item);
    sg_table_set_text(t, 1, node);
    sg_table_set_text(t, 2, other);
    sg_table_set_text(t, 4, detail);
}

static void add_count(sg_table *t, const char *item, long long value, const char *detail)
{
    add_row(t, item, "", "", detail);
    sg_table_set_int(t, 3, value);
}

static void add_nodes(sg_table *t, const char *item, const sg_network *net, const igraph_vector_int_t *nodes)
{
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(nodes); i++) {
        int v = (int)VECTOR(*nodes)[i];
        add_row(t, item, net->nodes[v].id, "", net->nodes[v].label);
    }
}

static void add_links(sg_table *t, const char *item, const sg_network *net, const sg_graph *lg,
                      const igraph_vector_int_t *links)
{
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(links); i++) {
        igraph_integer_t e = VECTOR(*links)[i];
        int a, b;
        link_ends(lg, e, &a, &b);
        char *ties = link_ties(net, lg, e);
        add_row(t, item, net->nodes[a].id, net->nodes[b].id, ties);
        g_free(ties);
    }
}

static void add_vertex_part(sg_table *t, const sg_network *net, const sg_cut *cut)
{
    if (cut->adjacent) {
        add_row(t, "vertex_connectivity", "", "",
                "adjacent: a link joins FROM to TO, so removing other nodes cannot separate them");
        return;
    }
    add_count(t, "vertex_connectivity", cut->vertex_connectivity,
              cut->connected ? "fewest other nodes whose removal separates FROM from TO" : "no route from FROM to TO");
    add_nodes(t, "vertex_cut", net, &cut->vertex_cut);
}

static sg_table *cut_table(const sg_network *net, const sg_graph *lg, const sg_graph *und,
                           const sg_cut *cut)
{
    static const char *const names[] = {"item", "node", "other", "value", "detail"};
    sg_table *t = sg_table_new(5, names);
    sg_table_align(t, 3, SG_ALIGN_RIGHT);
    add_vertex_part(t, net, cut);
    add_count(t, "edge_connectivity", cut->edge_connectivity,
              cut->connected ? "fewest links whose removal separates FROM from TO" : "no route from FROM to TO");
    add_links(t, "edge_cut", net, lg, &cut->edge_cut);
    add_count(t, "articulation_points", igraph_vector_int_size(&cut->articulation_points),
              "nodes whose removal disconnects the network (direction ignored)");
    add_nodes(t, "articulation_point", net, &cut->articulation_points);
    add_count(t, "bridges", igraph_vector_int_size(&cut->bridges),
              "links whose removal disconnects the network (direction ignored)");
    add_links(t, "bridge", net, und, &cut->bridges);
    return t;
}

static cJSON *nodes_json(const sg_network *net, const igraph_vector_int_t *nodes)
{
    cJSON *list = cJSON_CreateArray();
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(nodes); i++)
        cJSON_AddItemToArray(list, sg_cmd_node_json(net, (int)VECTOR(*nodes)[i]));
    return list;
}

static cJSON *links_json(const sg_network *net, const sg_graph *lg, const igraph_vector_int_t *links)
{
    cJSON *list = cJSON_CreateArray();
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(links); i++) {
        igraph_integer_t e = VECTOR(*links)[i];
        int from, to;
        link_ends(lg, e, &from, &to);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "from", net->nodes[from].id);
        cJSON_AddStringToObject(o, "to", net->nodes[to].id);
        cJSON *ties = cJSON_AddArrayToObject(o, "ties");
        for (igraph_integer_t k = VECTOR(lg->tie_start)[e]; k < VECTOR(lg->tie_start)[e + 1]; k++)
            cJSON_AddItemToArray(ties, sg_cmd_tie_json(net, (int)VECTOR(lg->ties)[k], from));
        cJSON_AddItemToArray(list, o);
    }
    return list;
}

static cJSON *cut_json(const sg_network *net, const sg_graph *lg, const sg_graph *und, int from, int to,
                       const sg_cut *cut)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddItemToObject(root, "network", sg_json_network(net));
    cJSON_AddItemToObject(root, "from", sg_cmd_node_json(net, from));
    cJSON_AddItemToObject(root, "to", sg_cmd_node_json(net, to));
    cJSON_AddBoolToObject(root, "directed", lg->directed);
    cJSON_AddBoolToObject(root, "adjacent", cut->adjacent);
    cJSON_AddBoolToObject(root, "connected", cut->connected);
    cJSON_AddItemToObject(root, "vertex_connectivity",
                          cut->adjacent ? cJSON_CreateNull() : cJSON_CreateNumber((double)cut->vertex_connectivity));
    cJSON_AddItemToObject(root, "vertex_cut", nodes_json(net, &cut->vertex_cut));
    cJSON_AddNumberToObject(root, "edge_connectivity", (double)cut->edge_connectivity);
    cJSON_AddItemToObject(root, "edge_cut", links_json(net, lg, &cut->edge_cut));
    cJSON_AddItemToObject(root, "articulation_points", nodes_json(net, &cut->articulation_points));
    cJSON_AddItemToObject(root, "bridges", links_json(net, und, &cut->bridges));
    return root;
}

static int write_text(const sg_options *opts, const sg_network *net, const sg_graph *lg, int from, int to,
                      const sg_table *t)
{
    sg_output *out = sg_output_open(opts->output);
    if (!out)
        return SG_EXIT_DATA;
    char *a = sg_cmd_node_name(net, from), *b = sg_cmd_node_name(net, to);
    char *how = sg_cmd_reading_text(net, lg->directed);
    sg_term_line(out->stream, "from %s to %s, %s", a, b, how);
    fputc('\n', out->stream);
    g_free(how);
    sg_table_write_text(t, out->stream);
    g_free(a);
    g_free(b);
    return sg_output_commit(out) ? SG_EXIT_OK : SG_EXIT_DATA;
}

static int write_cut(const sg_options *opts, const sg_network *net, const sg_graph *lg,
                     const sg_graph *und, int from, int to, const sg_cut *cut)
{
    if (opts->format == SG_FORMAT_JSON)
        return sg_cmd_write_json(opts, cut_json(net, lg, und, from, to, cut));
    sg_table *t = cut_table(net, lg, und, cut);
    int status = opts->format == SG_FORMAT_CSV ? sg_cmd_write_table(opts, net, t, "cut", NULL)
                                               : write_text(opts, net, lg, from, to, t);
    sg_table_free(t);
    return status;
}

/* Builds the two link graphs (as asked, and undirected for the network-wide parts) and computes. */
static int compute_and_write(const sg_options *opts, const sg_network *net, int from, int to)
{
    sg_reading undirected = opts->reading;
    undirected.direction = SG_DIRECTION_UNDIRECTED;
    sg_graph lg, und;
    if (sg_graph_build(&lg, net, &opts->reading) != IGRAPH_SUCCESS)
        return SG_EXIT_DATA;
    if (sg_graph_build(&und, net, &undirected) != IGRAPH_SUCCESS) {
        sg_graph_destroy(&lg);
        return SG_EXIT_DATA;
    }
    sg_cut cut;
    int status = SG_EXIT_DATA;
    if (sg_cut_find(&lg, &und, from, to, &cut) == IGRAPH_SUCCESS) {
        status = write_cut(opts, net, &lg, &und, from, to, &cut);
        sg_cut_free(&cut);
    }
    sg_graph_destroy(&und);
    sg_graph_destroy(&lg);
    return status;
}

static int run_cut(const sg_command *self, const sg_options *opts, const sg_network *net)
{
    int from = sg_cmd_node_arg(net, opts->args[1]);
    int to = from < 0 ? -1 : sg_cmd_node_arg(net, opts->args[2]);
    if (from < 0 || to < 0)
        return SG_EXIT_DATA;
    if (from == to)
        return sg_usage_error(self, "FROM and TO are the same node (%s)", net->nodes[from].id);
    return compute_and_write(opts, net, from, to);
}

static int cmd_cut(const sg_command *self, int argc, char **argv)
{
    sg_options opts;
    int status = sg_parse_options(self, argc, argv, NULL, NULL, NULL, &opts);
    if (status >= 0)
        return status;
    sg_network *net = sg_cmd_load(&opts);
    if (!net)
        return SG_EXIT_DATA;
    status = run_cut(self, &opts, net);
    sg_network_unref(net);
    return status;
}

/* The command's entry: name, arguments, counts and help (see `spygraph help cut`). */
const sg_command sg_cmd_cut = {
    .name = "cut",
    .reads = true,
    .channels_only = true,
    .direction_help = "undirected (--directed: only routes along arcs count; articulation points and bridges always ignore direction)",
    .run = cmd_cut,
    .args = "NETWORK FROM TO [options]",
    .min_args = 3,
    .max_args = 3,
    .summary = "Find the fewest nodes or links whose removal separates two nodes, and the network's weak points.",
    .help =
        NETWORK_HELP NODE_HELP "\noptions:\n"
        COMMON_HELP
        "\nvertex_connectivity is the fewest other nodes whose removal leaves no route from FROM to TO, and\n"
        "vertex_cut one such set (others of the same size may exist); when a tie joins FROM and TO directly\n"
        "no removal of others separates them, which is reported, not treated as an error. edge_connectivity\n"
        "and edge_cut do the same for links (all ties between two nodes make one link). articulation_point\n"
        "and bridge rows list, for the whole network with direction ignored, the nodes and links whose\n"
        "removal splits a connected part. CSV and the table have the columns item, node, other, value,\n"
        "detail; JSON has adjacent, connected, vertex_connectivity (null when adjacent), vertex_cut,\n"
        "edge_connectivity, edge_cut (links with their ties), articulation_points and bridges.\n",
};

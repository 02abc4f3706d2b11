/* reach.c: `spygraph reach`: everyone a node could reach, with the distance and one route each. */
#include <glib.h>

#include "cmd.h"
#include "help.h"
#include "evidence.h"
#include "spygraph/paths.h"

enum { OPT_HOPS = SG_OPT_FIRST_COMMAND_OPTION };

static int reach_option(const sg_command *cmd, int opt, const char *arg, void *ctx)
{
    if (opt != OPT_HOPS)
        return sg_usage_error(cmd, "option not accepted by this command");
    return sg_cmd_positive_arg(cmd, "--hops", arg, ctx) ? 0 : SG_EXIT_USAGE;
}

/* "ozaki -> sorge -> gru" for a reached node's route. */
static char *route_text(const sg_network *net, const sg_reached *r)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i <= r->hops; i++)
        g_string_append_printf(s, "%s%s", i ? " -> " : "", net->nodes[r->route[i]].id);
    return g_string_free(s, FALSE);
}

static sg_table *reach_table(const sg_network *net, const sg_reach *reach)
{
    static const char *const names[] = {"node", "label", "hops", "route"};
    sg_table *t = sg_table_new(4, names);
    sg_table_align(t, 2, SG_ALIGN_RIGHT);
    for (size_t i = 0; i < reach->count; i++) {
        const sg_reached *r = &reach->nodes[i];
        char *route = route_text(net, r);
        sg_table_add_row(t);
        sg_table_set_text(t, 0, net->nodes[r->node].id);
        sg_table_set_text(t, 1, net->nodes[r->node].label);
        sg_table_set_int(t, 2, (long long)r->hops);
        sg_table_set_text(t, 3, route);
        g_free(route);
    }
    return t;
}

static cJSON *reach_json(const sg_network *net, int from, size_t max_hops, bool directed, const sg_reach *reach)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddItemToObject(root, "network", sg_json_network(net));
    cJSON_AddItemToObject(root, "from", sg_cmd_node_json(net, from));
    cJSON_AddBoolToObject(root, "directed", directed);
    cJSON_AddItemToObject(root, "max_hops", max_hops ? cJSON_CreateNumber((double)max_hops) : cJSON_CreateNull());
    cJSON_AddNumberToObject(root, "count", (double)reach->count);
    cJSON *list = cJSON_AddArrayToObject(root, "reached");
    for (size_t i = 0; i < reach->count; i++) {
        const sg_reached *r = &reach->nodes[i];
        cJSON *o = sg_cmd_node_json(net, r->node);
        cJSON_AddNumberToObject(o, "hops", (double)r->hops);
        cJSON *route = cJSON_AddArrayToObject(o, "route");
        for (size_t j = 0; j <= r->hops; j++)
            cJSON_AddItemToArray(route, cJSON_CreateString(net->nodes[r->route[j]].id));
        cJSON_AddItemToArray(list, o);
    }
    return root;
}

static int write_text(const sg_options *opts, const sg_network *net, int from, size_t max_hops, bool directed,
                      const sg_reach *reach)
{
    sg_output *out = sg_output_open(opts->output);
    if (!out)
        return SG_EXIT_DATA;
    char *name = sg_cmd_node_name(net, from);
    char *how = sg_cmd_reading_text(net, directed);
    char *within = max_hops ? g_strdup_printf(", within %zu hop%s", max_hops, max_hops == 1 ? "" : "s") : g_strdup("");
    sg_term_line(out->stream, "from %s, %s%s: %zu of the other %zu node%s reached", name, how, within, reach->count,
                 net->n_nodes - 1, net->n_nodes == 2 ? "" : "s");
    g_free(within);
    g_free(how);
    g_free(name);
    if (reach->count) {
        sg_table *t = reach_table(net, reach);
        fputc('\n', out->stream);
        sg_table_write_text(t, out->stream);
        sg_table_free(t);
    }
    return sg_output_commit(out) ? SG_EXIT_OK : SG_EXIT_DATA;
}

static int write_reach(const sg_options *opts, const sg_network *net, int from, size_t max_hops, bool directed,
                       const sg_reach *reach)
{
    if (opts->format == SG_FORMAT_JSON)
        return sg_cmd_write_json(opts, reach_json(net, from, max_hops, directed, reach));
    if (opts->format == SG_FORMAT_TABLE)
        return write_text(opts, net, from, max_hops, directed, reach);
    sg_table *t = reach_table(net, reach);
    int status = sg_cmd_write_table(opts, net, t, "reached", NULL);
    sg_table_free(t);
    return status;
}

static int run_reach(const sg_options *opts, const sg_network *net, size_t max_hops)
{
    int from = sg_cmd_node_arg(net, opts->args[1]);
    if (from < 0)
        return SG_EXIT_DATA;
    sg_graph lg;
    if (sg_graph_build(&lg, net, &opts->reading) != IGRAPH_SUCCESS)
        return SG_EXIT_DATA;
    sg_reach reach;
    int status = SG_EXIT_DATA;
    if (sg_reach_find(&lg, net, from, max_hops, &reach) == IGRAPH_SUCCESS) {
        status = write_reach(opts, net, from, max_hops, lg.directed, &reach);
        sg_reach_free(&reach);
    }
    sg_graph_destroy(&lg);
    return status;
}

static int cmd_reach(const sg_command *self, int argc, char **argv)
{
    static const struct option extra[] = {{"hops", required_argument, NULL, OPT_HOPS}, {NULL, 0, NULL, 0}};
    size_t max_hops = 0;
    sg_options opts;
    int status = sg_parse_options(self, argc, argv, extra, reach_option, &max_hops, &opts);
    if (status >= 0)
        return status;
    sg_network *net = sg_cmd_load(&opts);
    if (!net)
        return SG_EXIT_DATA;
    status = run_reach(&opts, net, max_hops);
    sg_network_unref(net);
    return status;
}

/* The command's entry: name, arguments, counts and help (see `spygraph help reach`). */
const sg_command sg_cmd_reach = {
    .name = "reach",
    .reads = true,
    .channels_only = true,
    .direction_help = "undirected (--directed follows arcs)",
    .run = cmd_reach,
    .args = "NETWORK FROM [options]",
    .min_args = 2,
    .max_args = 2,
    .summary = "List everyone a node could reach, with the distance in hops and one shortest route each.",
    .help =
        NETWORK_HELP NODE_HELP "\noptions:\n"
        "  --hops K           only nodes within K hops\n"
        COMMON_HELP
        "\nNodes are listed by distance, then id. The route shown is the one igraph's breadth-first search\n"
        "finds first (it takes neighbours in the order of the node table), so it is always the same; other\n"
        "routes of the same length may exist (`spygraph paths` lists them). JSON: \"reached\", each with id,\n"
        "label, hops and route (node ids).\n",
};

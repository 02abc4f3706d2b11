/* paths.c: `spygraph paths`: the routes from one node to another, with the evidence for every hop. */
#include <glib.h>
#include <limits.h>
#include <string.h>

#include "cmd.h"
#include "help.h"
#include "evidence.h"
#include "spygraph/paths.h"

enum { OPT_LIMIT = SG_OPT_FIRST_COMMAND_OPTION, OPT_K, OPT_MOST_RELIABLE, OPT_TIME_RESPECTING, OPT_BUDGET };

/* The largest --budget: about three minutes of work and a few gigabytes at most. */
#define MAX_BUDGET 10000000000L

typedef struct paths_args {
    size_t limit, k, budget;
    bool most_reliable, time_respecting;
} paths_args;

static int paths_option(const sg_command *cmd, int opt, const char *arg, void *ctx)
{
    paths_args *a = ctx;
    switch (opt) {
    case OPT_LIMIT:
        return sg_cmd_positive_arg(cmd, "--limit", arg, &a->limit) ? 0 : SG_EXIT_USAGE;
    case OPT_K:
        return sg_cmd_positive_arg(cmd, "--k", arg, &a->k) ? 0 : SG_EXIT_USAGE;
    case OPT_BUDGET: {
        long budget;
        if (sg_parse_whole(cmd, "--budget", arg, 1, MAX_BUDGET, &budget))
            return SG_EXIT_USAGE;
        a->budget = (size_t)budget;
        return 0;
    }
    case OPT_MOST_RELIABLE:
        a->most_reliable = true;
        return 0;
    case OPT_TIME_RESPECTING:
        a->time_respecting = true;
        return 0;
    default:
        return sg_usage_error(cmd, "option not accepted by this command");
    }
}

/* What the search looked for, in words: "shortest paths", "the 3 most reliable time-respecting paths". */
static char *mode_text(const sg_path_query *q)
{
    const char *what = q->most_reliable ? "most reliable" : "shortest";
    const char *when = q->time_respecting ? " time-respecting" : "";
    if (q->k)
        return g_strdup_printf("the %zu %s%s path%s", q->k, what, when, q->k == 1 ? "" : "s");
    return g_strdup_printf("%s%s paths", what, when);
}

/* "ozaki -> sorge -> gru" */
static char *route_text(const sg_network *net, const sg_path *p)
{
    GString *s = g_string_new(net->nodes[p->hops[0].from].id);
    for (size_t h = 0; h < p->n_hops; h++)
        g_string_append_printf(s, " -> %s", net->nodes[p->hops[h].to].id);
    return g_string_free(s, FALSE);
}

/* ---- table and CSV ----------------------------------------------------------------------------- */

enum { C_PATH, C_HOP, C_FROM, C_TO, C_EARLIEST, C_RELATION, C_REVERSED, C_START, C_END, C_CONFIDENCE,
       C_WEIGHT, C_SOURCES, C_REFERENCES, C_HYPOTHESIS, C_NOTE, N_COLUMNS };

static const char *const column_names[N_COLUMNS] = {
    "path", "hop", "from", "to", "earliest", "relation", "reversed", "start", "end", "confidence", "weight",
    "sources", "references", "hypothesis", "note"};

/* One row per tie in evidence, for CSV: every column. */
static void add_tie_row(sg_table *t, const sg_network *net, size_t path, size_t hop, const sg_hop *h, int tie)
{
    const sg_edge *e = &net->edges[tie];
    char day[11], a[SG_DATE_TEXT_MAX], b[SG_DATE_TEXT_MAX];
    char *keys = sg_cmd_tie_keys(e), *refs = sg_cmd_tie_references(net, e);
    sg_table_add_row(t);
    sg_table_set_int(t, C_PATH, (long long)path);
    sg_table_set_int(t, C_HOP, (long long)hop);
    sg_table_set_text(t, C_FROM, net->nodes[h->from].id);
    sg_table_set_text(t, C_TO, net->nodes[h->to].id);
    sg_table_set_text(t, C_EARLIEST, sg_cmd_day_text(h->earliest, day));
    sg_table_set_text(t, C_RELATION, e->relation->name);
    sg_table_set_text(t, C_REVERSED, sg_edge_directed(e) && e->source != h->from ? "yes" : "no");
    sg_table_set_text(t, C_START, sg_date_format(e->when.start, a));
    sg_table_set_text(t, C_END, sg_date_format(e->when.end, b));
    sg_table_set_number(t, C_CONFIDENCE, e->confidence, 3);
    sg_table_set_number(t, C_WEIGHT, e->weight, 3);
    sg_table_set_text(t, C_SOURCES, keys);
    sg_table_set_text(t, C_REFERENCES, refs);
    sg_table_set_text(t, C_HYPOTHESIS, e->hypothesis ? e->hypothesis : "");
    sg_table_set_text(t, C_NOTE, e->note);
    g_free(keys);
    g_free(refs);
}

static sg_table *csv_table(const sg_network *net, const sg_path_list *list)
{
    sg_table *t = sg_table_new(N_COLUMNS, column_names);
    for (size_t p = 0; p < list->count; p++)
        for (size_t h = 0; h < list->paths[p].n_hops; h++) {
            const sg_hop *hop = &list->paths[p].hops[h];
            for (size_t i = 0; i < hop->n_ties; i++)
                add_tie_row(t, net, p + 1, h + 1, hop, hop->ties[i]);
        }
    return t;
}

/* Fills the hop columns (path, hop, from, to, and earliest when TIMED) of the current row. */
static void set_hop_cells(sg_table *t, const sg_network *net, size_t path, size_t hop, const sg_hop *h, bool timed)
{
    char day[11];
    sg_table_set_int(t, 0, (long long)path);
    sg_table_set_int(t, 1, (long long)hop);
    sg_table_set_text(t, 2, net->nodes[h->from].id);
    sg_table_set_text(t, 3, net->nodes[h->to].id);
    if (timed)
        sg_table_set_text(t, 4, sg_cmd_day_text(h->earliest, day));
}

/* Fills the tie columns (relation, period, confidence, sources) from column COL of the current row. */
static void set_tie_cells(sg_table *t, size_t col, const sg_edge *e, int from)
{
    char *rel = sg_cmd_tie_relation(e, from), *period = sg_cmd_tie_period(e), *keys = sg_cmd_tie_keys(e);
    sg_table_set_text(t, col, rel);
    sg_table_set_text(t, col + 1, period);
    sg_table_set_number(t, col + 2, e->confidence, 3);
    sg_table_set_text(t, col + 3, keys);
    g_free(rel);
    g_free(period);
    g_free(keys);
}

/* The table people read: one row per tie; path, hop and ends shown on a hop's first row only; the
 * "earliest" column only for time-respecting paths. Cited keys are added to KEYS. */
static sg_table *text_table(const sg_network *net, const sg_path_list *list, bool timed, GHashTable *keys)
{
    static const char *const timed_names[] = {"path", "hop", "from", "to", "earliest", "relation", "period",
                                              "confidence", "sources"};
    static const char *const plain_names[] = {"path", "hop", "from", "to", "relation", "period", "confidence",
                                              "sources"};
    size_t tie_col = timed ? 5 : 4;
    sg_table *t = sg_table_new(tie_col + 4, timed ? timed_names : plain_names);
    sg_table_align(t, 0, SG_ALIGN_RIGHT);
    sg_table_align(t, 1, SG_ALIGN_RIGHT);
    sg_table_align(t, tie_col + 2, SG_ALIGN_RIGHT);
    for (size_t p = 0; p < list->count; p++)
        for (size_t h = 0; h < list->paths[p].n_hops; h++) {
            const sg_hop *hop = &list->paths[p].hops[h];
            for (size_t i = 0; i < hop->n_ties; i++) {
                sg_table_add_row(t);
                if (i == 0)
                    set_hop_cells(t, net, p + 1, h + 1, hop, timed);
                set_tie_cells(t, tie_col, &net->edges[hop->ties[i]], hop->from);
                sg_cmd_keys_add(keys, &net->edges[hop->ties[i]]);
            }
        }
    return t;
}

/* Why the search stopped early, in words (NULL when it did not); g_free() it. */
static char *stopped_text(const sg_path_query *q, const sg_path_list *list)
{
    if (list->exhausted)
        return g_strdup_printf("the search stopped when its budget of %zu steps was spent (--budget): the paths "
                               "shown are the best found so far, and there may be more or better ones",
                               q->budget);
    if (list->capped)
        return g_strdup_printf("the search stopped after %zu candidate paths: there may be more", q->max_candidates);
    return NULL;
}

/* "2 paths of 5 hops" / "1 path of 5 hops, reliability 0.405" ... */
static void write_found(FILE *f, const sg_path_query *q, const sg_path_list *list)
{
    if (list->count == 0) {
        char *stopped = stopped_text(q, list);
        fprintf(f, "no path found%s%s\n", stopped ? ": " : "", stopped ? stopped : "");
        g_free(stopped);
        return;
    }
    if (q->k)
        fprintf(f, "found %zu of the %zu asked for\n", list->count, q->k);
    else if (q->most_reliable)
        fprintf(f, "found %s path%s of reliability %.3g\n", list->found_decimal, list->found == 1 ? "" : "s",
                list->paths[0].reliability);
    else
        fprintf(f, "found %s path%s of %zu hop%s\n", list->found_decimal, list->found == 1 ? "" : "s",
                list->paths[0].n_hops, list->paths[0].n_hops == 1 ? "" : "s");
    if (list->count < list->found)
        fprintf(f, "listing the first %zu (%s)\n", list->count, list->count < q->limit ? "the search budget ran out" : "--limit");
    char *stopped = stopped_text(q, list);
    if (stopped)
        fprintf(f, "%s\n", stopped);
    g_free(stopped);
}

static void write_text(FILE *f, const sg_network *net, const sg_path_query *q, bool directed,
                       const sg_path_list *list)
{
    char *from = sg_cmd_node_name(net, q->from), *to = sg_cmd_node_name(net, q->to), *mode = mode_text(q);
    char *how = sg_cmd_reading_text(net, directed);
    sg_term_line(f, "from %s to %s: %s, %s", from, to, mode, how);
    g_free(how);
    write_found(f, q, list);
    for (size_t p = 0; p < list->count; p++) {
        char *route = route_text(net, &list->paths[p]);
        if (p == 0)
            fputc('\n', f);
        sg_term_line(f, "%zu. %s (%zu hop%s, reliability %.3g)", p + 1, route,
                list->paths[p].n_hops, list->paths[p].n_hops == 1 ? "" : "s", list->paths[p].reliability);
        g_free(route);
    }
    if (list->count) {
        GHashTable *keys = g_hash_table_new(g_str_hash, g_str_equal);
        sg_table *t = text_table(net, list, q->time_respecting, keys);
        fputc('\n', f);
        sg_table_write_text(t, f);
        sg_cmd_write_references(f, net, keys);
        sg_table_free(t);
        g_hash_table_destroy(keys);
    }
    g_free(from);
    g_free(to);
    g_free(mode);
}

/* ---- JSON -------------------------------------------------------------------------------------- */

static cJSON *hop_json(const sg_network *net, const sg_hop *h)
{
    char day[11];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "from", net->nodes[h->from].id);
    cJSON_AddStringToObject(o, "to", net->nodes[h->to].id);
    cJSON_AddItemToObject(o, "earliest", h->earliest == LONG_MIN ? cJSON_CreateNull()
                                                                 : cJSON_CreateString(sg_cmd_day_text(h->earliest, day)));
    cJSON_AddNumberToObject(o, "confidence", h->confidence);
    cJSON *ties = cJSON_AddArrayToObject(o, "ties");
    for (size_t i = 0; i < h->n_ties; i++)
        cJSON_AddItemToArray(ties, sg_cmd_tie_json(net, h->ties[i], h->from));
    return o;
}

static cJSON *route_json(const sg_network *net, const sg_path *p)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *nodes = cJSON_AddArrayToObject(o, "nodes");
    cJSON_AddItemToArray(nodes, cJSON_CreateString(net->nodes[p->hops[0].from].id));
    for (size_t h = 0; h < p->n_hops; h++)
        cJSON_AddItemToArray(nodes, cJSON_CreateString(net->nodes[p->hops[h].to].id));
    cJSON_AddNumberToObject(o, "hops", (double)p->n_hops);
    cJSON_AddNumberToObject(o, "reliability", p->reliability);
    return o;
}

static cJSON *paths_json(const sg_network *net, const sg_path_query *q, bool directed, const sg_path_list *list)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddItemToObject(root, "network", sg_json_network(net));
    cJSON_AddItemToObject(root, "from", sg_cmd_node_json(net, q->from));
    cJSON_AddItemToObject(root, "to", sg_cmd_node_json(net, q->to));
    cJSON_AddBoolToObject(root, "directed", directed);
    cJSON_AddStringToObject(root, "rank", q->most_reliable ? "reliability" : "hops");
    cJSON_AddItemToObject(root, "k", q->k ? cJSON_CreateNumber((double)q->k) : cJSON_CreateNull());
    cJSON_AddBoolToObject(root, "time_respecting", q->time_respecting);
    /* every digit of the count, as a JSON integer (exact for parsers of big integers, such as Python's) and
     * as a string (for parsers that round integers beyond 2^53, such as JavaScript's) */
    cJSON_AddItemToObject(root, "found", cJSON_CreateRaw(list->found_decimal));
    cJSON_AddStringToObject(root, "found_decimal", list->found_decimal);
    cJSON_AddBoolToObject(root, "capped", list->capped);
    cJSON_AddBoolToObject(root, "budget_spent", list->exhausted);
    cJSON *routes = cJSON_AddArrayToObject(root, "routes");
    cJSON *paths = cJSON_AddArrayToObject(root, "paths");
    for (size_t p = 0; p < list->count; p++) {
        cJSON_AddItemToArray(routes, route_json(net, &list->paths[p]));
        cJSON *hops = cJSON_CreateArray();
        for (size_t h = 0; h < list->paths[p].n_hops; h++)
            cJSON_AddItemToArray(hops, hop_json(net, &list->paths[p].hops[h]));
        cJSON_AddItemToArray(paths, hops);
    }
    return root;
}

/* ---- the command ------------------------------------------------------------------------------- */

static int write_paths(const sg_options *opts, const sg_network *net, const sg_path_query *q, bool directed,
                       const sg_path_list *list)
{
    if (opts->format == SG_FORMAT_JSON)
        return sg_cmd_write_json(opts, paths_json(net, q, directed, list));
    if (opts->format == SG_FORMAT_CSV) {
        sg_table *t = csv_table(net, list);
        int status = sg_cmd_write_table(opts, net, t, "paths", NULL);
        sg_table_free(t);
        return status;
    }
    sg_output *out = sg_output_open(opts->output);
    if (!out)
        return SG_EXIT_DATA;
    write_text(out->stream, net, q, directed, list);
    return sg_output_commit(out) ? SG_EXIT_OK : SG_EXIT_DATA;
}

/* Resolves FROM and TO into Q; returns an exit code, or -1 to go on. */
static int resolve_ends(const sg_command *self, const sg_network *net, const sg_options *opts, sg_path_query *q)
{
    q->from = sg_cmd_node_arg(net, opts->args[1]);
    q->to = q->from < 0 ? -1 : sg_cmd_node_arg(net, opts->args[2]);
    if (q->from < 0 || q->to < 0)
        return SG_EXIT_DATA;
    if (q->from == q->to)
        return sg_usage_error(self, "FROM and TO are the same node (%s)", net->nodes[q->from].id);
    return -1;
}

static int run_paths(const sg_command *self, const sg_options *opts, const sg_network *net, sg_path_query *q)
{
    int status = resolve_ends(self, net, opts, q);
    if (status >= 0)
        return status;
    sg_reading reading = opts->reading;
    reading.weights = q->most_reliable ? SG_WEIGHTS_CONFIDENCE : SG_WEIGHTS_NONE;
    sg_graph lg;
    if (sg_graph_build(&lg, net, &reading) != IGRAPH_SUCCESS)
        return SG_EXIT_DATA;
    sg_path_list list;
    if (sg_paths_find(net, &lg, q, &list) != IGRAPH_SUCCESS) {
        sg_graph_destroy(&lg);
        return SG_EXIT_DATA;
    }
    char *stopped = stopped_text(q, &list);
    if (stopped)
        sg_warning("%s", stopped);
    g_free(stopped);
    status = write_paths(opts, net, q, lg.directed, &list);
    sg_path_list_free(&list);
    sg_graph_destroy(&lg);
    return status;
}

static int cmd_paths(const sg_command *self, int argc, char **argv)
{
    static const struct option extra[] = {
        {"limit", required_argument, NULL, OPT_LIMIT},
        {"k", required_argument, NULL, OPT_K},
        {"most-reliable", no_argument, NULL, OPT_MOST_RELIABLE},
        {"time-respecting", no_argument, NULL, OPT_TIME_RESPECTING},
        {"budget", required_argument, NULL, OPT_BUDGET},
        {NULL, 0, NULL, 0}};
    paths_args a = {.limit = 20, .budget = SG_PATHS_BUDGET};
    sg_options opts;
    int status = sg_parse_options(self, argc, argv, extra, paths_option, &a, &opts);
    if (status >= 0)
        return status;
    sg_network *net = sg_cmd_load(&opts);
    if (!net)
        return SG_EXIT_DATA;
    sg_path_query q = {.k = a.k, .limit = a.limit, .most_reliable = a.most_reliable,
                       .time_respecting = a.time_respecting, .max_candidates = SG_PATHS_MAX_CANDIDATES,
                       .budget = a.budget};
    status = run_paths(self, &opts, net, &q);
    sg_network_unref(net);
    return status;
}

/* The command's entry: name, arguments, counts and help (see `spygraph help paths`). */
const sg_command sg_cmd_paths = {
    .name = "paths",
    .reads = true,
    .channels_only = true,
    .direction_help = "undirected (--directed follows arcs; \"(reversed)\" marks a tie crossed against its direction otherwise)",
    .run = cmd_paths,
    .args = "NETWORK FROM TO [options]",
    .min_args = 3,
    .max_args = 3,
    .summary = "List the routes from one node to another, with the relation, dates, confidence and sources of every hop.",
    .help =
        NETWORK_HELP NODE_HELP "\noptions:\n"
        "  --limit N          list at most N of the best paths (default 20; ignored with --k)\n"
        "  --k N              the N shortest simple paths instead, best first (Yen's algorithm)\n"
        "  --most-reliable    rank paths by the product of their ties' confidences (a hop's confidence is\n"
        "                     that of its most confident tie; ties of confidence 0 are impassable);\n"
        "                     reliability alone decides, and only paths of equal reliability (up to\n"
        "                     rounding) go to fewer hops, then node order\n"
        "  --time-respecting  keep only paths whose ties follow each other in time (see below)\n"
        "  --budget N         the most elementary steps the search for candidate paths may take (default\n"
        "                     20000000, about a second; at most 10000000000)\n"
        COMMON_HELP
        "\nBy default every shortest path (fewest hops) is listed; ties between the same two nodes make one\n"
        "hop, and each of them is shown as evidence, with its citation keys; the table ends with the full\n"
        "references of the keys cited. \"(reversed)\" marks a directed tie crossed against its direction.\n"
        "The reliability of a path is the product of its hops' confidences.\n"
        "\n--time-respecting: a path is kept when a day can be chosen inside each tie's period that never goes\n"
        "back along the path, i.e. each tie ends no earlier than the latest start before it. A partial date\n"
        "covers its whole period (1932 is 1932-01-01..1932-12-31, 1932-12 is 1932-12-01..1932-12-31), so a tie\n"
        "dated 1932 may follow one dated 1932-12 (their periods overlap) but a tie that ended in 1932 cannot\n"
        "follow one that began in 1933. Open ends are unbounded; undated ties fit anywhere. Each hop then\n"
        "shows the earliest day it can be made and only the ties still usable then.\n"
        "\nPaths are listed by length (or reliability), then by their node sequences in node-table order,\n"
        "which also settles ties at the K-th place. With --k, --most-reliable or --time-respecting (and to\n"
        "list some of more than 100000 shortest paths), candidate paths are examined best first (Yen's\n"
        "algorithm), at most 2000 of them, within the step budget: a step is a node settled or a link examined\n"
        "by one of its shortest-path searches, or a node copied into a candidate, so time and memory grow with\n"
        "the budget, never beyond it. When either limit stops the search, a warning (and a line of the table,\n"
        "\"capped\" or \"budget_spent\" in JSON) says so: the paths shown are the best found so far, and there\n"
        "may be more or better ones; a larger --budget finds more.\n"
        "The number of shortest paths is always counted exactly, however large (arbitrary precision); beyond\n"
        "100000 they are not all built, and those listed are the first Yen's algorithm finds.\n"
        "\nNo path is a result, not an error: the table says so, CSV has only its header, JSON has empty\n"
        "lists, and the exit status is 0. FROM equal to TO is a usage error. CSV has one row per tie in\n"
        "evidence (path, hop, from, to, earliest, relation, reversed, start, end, confidence, weight,\n"
        "sources, references, hypothesis, note).\n"
        "JSON: \"found\" is the count as an integer with all its digits and \"found_decimal\" the same digits as\n"
        "a string (for parsers that round integers beyond 2^53); \"routes\" (nodes, hops, reliability per\n"
        "path) and \"paths\", each an array of hops {from, to,\n"
        "earliest, confidence, ties: [{relation, source, target, reversed, start, end, confidence, weight,\n"
        "sources: [{key, reference, pages}], note, hypothesis}]}.\n",
};

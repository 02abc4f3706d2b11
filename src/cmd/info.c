/* info.c: `spygraph info`: a network's summary, for people (table) and programs (CSV, JSON). */
#include <glib.h>
#include <math.h>

#include "cmd.h"
#include "help.h"
#include "spygraph/summary.h"

static void add_row(sg_table *t, const char *figure, const char *text)
{
    sg_table_add_row(t);
    sg_table_set_text(t, 0, figure);
    sg_table_set_text(t, 1, text);
}

static void add_number(sg_table *t, const char *figure, double value, int digits)
{
    sg_table_add_row(t);
    sg_table_set_text(t, 0, figure);
    sg_table_set_number(t, 1, value, digits);
}

static char *span_text(const sg_interval *iv)
{
    return sg_interval_text(iv);
}

/* The summary as a two-column table: figure, value ("edges.recruited" for a count by relation). */
static sg_table *summary_table(const sg_network *net, const sg_summary *s)
{
    static const char *const names[] = {"figure", "value"};
    sg_table *t = sg_table_new(2, names);
    add_row(t, "network", net->id);
    add_row(t, "title", net->title);
    char *reading = net->reading ? sg_reading_describe(net->reading) : g_strdup("");
    add_row(t, "reading", reading);
    g_free(reading);
    add_row(t, "graph", s->directed ? "directed" : "undirected");
    add_number(t, "nodes", (double)s->nodes, 15);
    for (size_t i = 0; i < s->n_kinds; i++) {
        char *f = g_strdup_printf("nodes.%s", s->by_kind[i].name);
        add_number(t, f, (double)s->by_kind[i].count, 15);
        g_free(f);
    }
    add_number(t, "ties", (double)s->ties, 15);
    for (size_t i = 0; i < s->n_relations; i++) {
        char *f = g_strdup_printf("ties.%s", s->by_relation[i].name);
        add_number(t, f, (double)s->by_relation[i].count, 15);
        g_free(f);
    }
    add_number(t, s->directed ? "arcs" : "links", (double)s->links, 15);
    add_number(t, "components", (double)s->components, 15);
    if (s->directed)
        add_number(t, "strong_components", (double)s->strong_components, 15);
    add_number(t, "largest_component", (double)s->largest_component, 15);
    add_number(t, "isolates", (double)s->isolates, 15);
    add_number(t, "density", s->density, 4);
    add_number(t, "diameter", s->diameter, 15);
    add_number(t, "mean_distance", s->mean_distance, 4);
    char *span = span_text(&s->span);
    add_row(t, "time_span", span);
    g_free(span);
    add_number(t, "dated_edges", (double)s->dated_edges, 15);
    if (s->dates.written) {
        const sg_date_counts *c = &s->dates;
        char *text = g_strdup_printf("%zu written, %zu approximate, %zu uncertain, %zu with unspecified digits, "
                                     "%zu %s (%zu open-ended)", c->written, c->approximate, c->uncertain,
                                     c->unspecified, c->ranges, c->ranges == 1 ? "range" : "ranges", c->open_ended);
        add_row(t, "dates", text);
        g_free(text);
    }
    add_number(t, "sources", (double)s->sources, 15);
    add_number(t, "self_loops", (double)s->self_loops, 15);
    add_number(t, "duplicate_edges", (double)s->multi_edges, 15);
    add_number(t, "events", (double)net->n_events, 15);
    add_number(t, "hypotheses", (double)net->n_hypotheses, 15);
    for (size_t i = 0; i < net->n_hypotheses; i++) {
        char *f = g_strdup_printf("hypothesis.%s", net->hypotheses[i].id);
        add_row(t, f, net->hypotheses[i].label);
        g_free(f);
    }
    return t;
}

static cJSON *counts_json(const sg_count *counts, size_t n)
{
    cJSON *obj = cJSON_CreateObject();
    for (size_t i = 0; i < n; i++)
        cJSON_AddNumberToObject(obj, counts[i].name, (double)counts[i].count);
    return obj;
}

static void add_json_number(cJSON *obj, const char *key, double value)
{
    cJSON_AddNumberToObject(obj, key, value); /* NaN is written as null */
}

static cJSON *summary_json(const sg_network *net, const sg_summary *s)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddItemToObject(root, "network", sg_json_network(net));
    cJSON_AddStringToObject(root, "title", net->title);
    add_json_number(root, "nodes", (double)s->nodes);
    add_json_number(root, "ties", (double)s->ties);
    cJSON_AddBoolToObject(root, "directed", s->directed);
    add_json_number(root, "links", (double)s->links);
    cJSON_AddItemToObject(root, "by_kind", counts_json(s->by_kind, s->n_kinds));
    cJSON_AddItemToObject(root, "by_relation", counts_json(s->by_relation, s->n_relations));
    add_json_number(root, "components", (double)s->components);
    add_json_number(root, "strong_components", (double)s->strong_components);
    add_json_number(root, "largest_component", (double)s->largest_component);
    add_json_number(root, "isolates", (double)s->isolates);
    add_json_number(root, "density", s->density);
    add_json_number(root, "diameter", s->diameter);
    add_json_number(root, "mean_distance", s->mean_distance);
    char a[SG_DATE_TEXT_MAX], b[SG_DATE_TEXT_MAX];
    cJSON *span = cJSON_AddObjectToObject(root, "time_span");
    cJSON_AddItemToObject(span, "start", sg_date_is_open(s->span.start) ? cJSON_CreateNull()
                                                                        : cJSON_CreateString(sg_date_format(s->span.start, a)));
    cJSON_AddItemToObject(span, "end", sg_date_is_open(s->span.end) ? cJSON_CreateNull()
                                                                    : cJSON_CreateString(sg_date_format(s->span.end, b)));
    add_json_number(root, "dated_edges", (double)s->dated_edges);
    cJSON *dates = cJSON_AddObjectToObject(root, "dates");
    add_json_number(dates, "written", (double)s->dates.written);
    add_json_number(dates, "approximate", (double)s->dates.approximate);
    add_json_number(dates, "uncertain", (double)s->dates.uncertain);
    add_json_number(dates, "unspecified", (double)s->dates.unspecified);
    add_json_number(dates, "ranges", (double)s->dates.ranges);
    add_json_number(dates, "open_ended", (double)s->dates.open_ended);
    add_json_number(root, "sources", (double)s->sources);
    add_json_number(root, "self_loops", (double)s->self_loops);
    add_json_number(root, "duplicate_edges", (double)s->multi_edges);
    cJSON *hyps = cJSON_AddArrayToObject(root, "hypotheses");
    for (size_t i = 0; i < net->n_hypotheses; i++) {
        const sg_hypothesis *h = &net->hypotheses[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", h->id);
        cJSON_AddStringToObject(o, "label", h->label);
        cJSON_AddStringToObject(o, "citation", h->citation);
        cJSON_AddNumberToObject(o, "patch_lines", (double)h->n_patches);
        cJSON_AddItemToObject(o, "question",
                              h->question >= 0 ? cJSON_CreateString(net->questions[h->question].id) : cJSON_CreateNull());
        cJSON_AddNumberToObject(o, "credence", h->credence); /* NaN: null */
        cJSON_AddStringToObject(o, "credence_note", h->credence_note);
        cJSON_AddItemToArray(hyps, o);
    }
    cJSON *events = cJSON_AddArrayToObject(root, "events");
    for (size_t i = 0; i < net->n_events; i++) {
        const sg_event *ev = &net->events[i];
        char d[SG_DATE_TEXT_MAX];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", ev->id);
        cJSON_AddStringToObject(o, "label", ev->label);
        cJSON_AddStringToObject(o, "date", sg_date_format(ev->date, d));
        cJSON *keys = cJSON_AddArrayToObject(o, "sources");
        for (size_t k = 0; ev->sources[k]; k++)
            cJSON_AddItemToArray(keys, cJSON_CreateString(ev->sources[k]));
        cJSON_AddStringToObject(o, "note", ev->note);
        cJSON_AddItemToArray(events, o);
    }
    cJSON *questions = cJSON_AddArrayToObject(root, "questions");
    for (size_t i = 0; i < net->n_questions; i++) {
        const sg_question *q = &net->questions[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", q->id);
        cJSON_AddStringToObject(o, "label", q->label);
        cJSON *answers = cJSON_AddArrayToObject(o, "hypotheses");
        for (size_t k = 0; q->hypotheses[k]; k++)
            cJSON_AddItemToArray(answers, cJSON_CreateString(q->hypotheses[k]));
        cJSON_AddItemToArray(questions, o);
    }
    return root;
}

static int cmd_info(const sg_command *self, int argc, char **argv)
{
    sg_options opts;
    int status = sg_parse_options(self, argc, argv, NULL, NULL, NULL, &opts);
    if (status >= 0)
        return status;
    sg_network *net = sg_cmd_load(&opts);
    if (!net)
        return SG_EXIT_DATA;
    sg_summary s;
    if (sg_summary_compute(net, opts.reading.direction, true, &s) != IGRAPH_SUCCESS) {
        sg_network_unref(net);
        return SG_EXIT_DATA;
    }
    if (opts.format == SG_FORMAT_JSON) {
        status = sg_cmd_write_json(&opts, summary_json(net, &s));
    } else {
        sg_table *t = summary_table(net, &s);
        status = sg_cmd_write_table(&opts, net, t, "figures", NULL);
        sg_table_free(t);
    }
    sg_summary_free(&s);
    sg_network_unref(net);
    return status;
}

/* The command's entry: name, arguments, counts and help (see `spygraph help info`). */
const sg_command sg_cmd_info = {
    .name = "info",
    .reads = true,
    .channels_only = false,
    .direction_help = "figures of the undirected simple graph; --directed: of the directed one (arcs, strong components, distances along arcs)",
    .run = cmd_info,
    .args = "NETWORK [options]",
    .min_args = 1,
    .max_args = 1,
    .summary = "Summarize a network: nodes and ties by kind and relation, components, density, diameter, span.",
    .help =
        NETWORK_HELP "\noptions:\n" COMMON_HELP
        "\nDensity, components, diameter and mean distance are those of the simple graph (ties merged,\n"
        "self-loops dropped), undirected unless --directed: then density is arcs / (n(n-1)), strong components\n"
        "are counted beside the weak ones, and distances follow the arcs. The diameter is the longest shortest\n"
        "path between nodes that reach each other, in hops. The time span runs from the earliest start to the\n"
        "latest date among dated ties.\n"
        "dates counts the dates written on nodes (start, end), ties (start, end), events and the span: how many\n"
        "are approximate (~ or %), uncertain (? or %), have unspecified digits (193X, 1935-XX), are ranges\n"
        "(1934/1935) and of those open-ended (../1932, 1936/..); the line is left out when there is no date\n"
        "(JSON \"dates\": written, approximate, uncertain, unspecified, ranges, open_ended).\n"
        "ties counts the ties as listed (parallel ties and self-loops included); links (arcs, with --directed)\n"
        "counts the pairs of nodes at least one tie joins: the edges of the simple graph.\n"
        "JSON holds \"nodes\", \"ties\", \"links\" and \"directed\", \"by_kind\", \"by_relation\", \"hypotheses\" (id,\n"
        "label, citation, patch lines, question, credence, credence_note), \"events\" (id, label, date, sources,\n"
        "note) and \"questions\" (id, label, hypotheses).\n",
};

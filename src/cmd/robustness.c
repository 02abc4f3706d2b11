/* robustness.c: `spygraph robustness`: how sure each node's standing is, which conclusions rest on one source, which tie decides them. */
#include <glib.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "cmd.h"
#include "help.h"
#include "spygraph/plot.h"
#include "spygraph/robustness.h"
#include "results.h"

enum {
    OPT_MEASURE = SG_OPT_FIRST_COMMAND_OPTION,
    OPT_SAMPLES,
    OPT_SEED,
    OPT_INTERVAL,
    OPT_TOP,
    OPT_CONFIDENCE_ONLY,
    OPT_CREDENCE_ONLY,
    OPT_BY_SOURCE,
    OPT_DECISIVE,
    OPT_NODE,
    OPT_JOBS,
    OPT_WEIGHTS,
    OPT_NORMALIZED,
    OPT_DAMPING,
    OPT_GROUP_BY,
    OPT_PLOT
};

static const struct option robustness_options[] = {
    {"measure", required_argument, NULL, OPT_MEASURE},
    {"samples", required_argument, NULL, OPT_SAMPLES},
    {"seed", required_argument, NULL, OPT_SEED},
    {"interval", required_argument, NULL, OPT_INTERVAL},
    {"top", required_argument, NULL, OPT_TOP},
    {"confidence-only", no_argument, NULL, OPT_CONFIDENCE_ONLY},
    {"credence-only", no_argument, NULL, OPT_CREDENCE_ONLY},
    {"by-source", no_argument, NULL, OPT_BY_SOURCE},
    {"decisive", optional_argument, NULL, OPT_DECISIVE},
    {"node", required_argument, NULL, OPT_NODE},
    {"jobs", required_argument, NULL, OPT_JOBS},
    {"weights", required_argument, NULL, OPT_WEIGHTS},
    {"normalized", no_argument, NULL, OPT_NORMALIZED},
    {"damping", required_argument, NULL, OPT_DAMPING},
    {"group-by", required_argument, NULL, OPT_GROUP_BY},
    {"plot", required_argument, NULL, OPT_PLOT},
    {NULL, 0, NULL, 0},
};


typedef struct request {
    sg_robustness_options ro;
    bool confidence_only, credence_only;
    const char *plot;
    sg_plot_format plot_format;
} request;

static int handle_option(const sg_command *cmd, int opt, const char *arg, void *ctx)
{
    request *r = ctx;
    long v;
    switch (opt) {
    case OPT_MEASURE:
        return sg_parse_measure(cmd, arg, &r->ro.measure);
    case OPT_SAMPLES:
        if (sg_parse_whole(cmd, "--samples", arg, 0, SG_MAX_SAMPLES, &v))
            return SG_EXIT_USAGE;
        r->ro.samples = (size_t)v;
        return 0;
    case OPT_SEED:
        if (sg_parse_whole(cmd, "--seed", arg, 0, LONG_MAX, &v))
            return SG_EXIT_USAGE;
        r->ro.seed = (uint64_t)v;
        return 0;
    case OPT_INTERVAL:
        return sg_parse_interval(cmd, arg, &r->ro.interval);
    case OPT_DAMPING:
        return sg_parse_decimal(cmd, "--damping", arg, 0, 1, false, "a number in (0, 1]", &r->ro.centrality.damping);
    case OPT_GROUP_BY:
        r->ro.centrality.group_by = arg;
        return 0;
    case OPT_TOP:
        if (sg_parse_whole(cmd, "--top", arg, 1, LONG_MAX, &v))
            return SG_EXIT_USAGE;
        r->ro.top_k = (size_t)v;
        return 0;
    case OPT_CONFIDENCE_ONLY:
        r->confidence_only = true;
        return 0;
    case OPT_CREDENCE_ONLY:
        r->credence_only = true;
        return 0;
    case OPT_BY_SOURCE:
        r->ro.by_source = true;
        return 0;
    case OPT_DECISIVE:
        r->ro.decisive = true;
        if (arg) {
            if (sg_parse_whole(cmd, "--decisive", arg, 1, LONG_MAX, &v))
                return SG_EXIT_USAGE;
            r->ro.decisive_count = (size_t)v;
        }
        return 0;
    case OPT_NODE:
        r->ro.decisive_node = arg;
        r->ro.decisive = true;
        return 0;
    case OPT_JOBS:
        if (sg_parse_whole(cmd, "--jobs", arg, 1, LONG_MAX, &v))
            return SG_EXIT_USAGE;
        r->ro.jobs = (int)MIN(v, 1024);
        return 0;
    case OPT_WEIGHTS:
        if (!sg_weights_parse(arg, &r->ro.reading.weights))
            return sg_usage_error(cmd, "unknown --weights '%s' (none, weight or confidence)", arg);
        return 0;
    case OPT_NORMALIZED:
        r->ro.centrality.normalized = true;
        return 0;
    case OPT_PLOT:
        return sg_parse_plot(cmd, arg, &r->plot, &r->plot_format);
    default:
        return sg_usage_error(cmd, "unexpected option");
    }
}

/* Checks the options against each other. Returns -1 to go on, or SG_EXIT_USAGE after printing. */
static int check_request(const sg_command *cmd, request *r)
{
    if (r->confidence_only && r->credence_only)
        return sg_usage_error(cmd, "--confidence-only and --credence-only exclude each other");
    if (r->confidence_only)
        r->ro.sample_credence = false;
    if (r->credence_only)
        r->ro.sample_confidence = false;
    if (r->plot && r->ro.samples == 0)
        return sg_usage_error(cmd, "--plot draws the sampled intervals: it needs --samples above 0");
    return -1;
}

/* ---- text ---- */

/* How each node is named in prose and in the plot (sg_cmd_display_names). The caller g_strfreev()s it. */
static char **display_names(const sg_robustness *res)
{
    const char **ids = g_new(const char *, res->n_nodes + 1), **labels = g_new(const char *, res->n_nodes + 1);
    for (size_t u = 0; u < res->n_nodes; u++) {
        ids[u] = res->nodes[u].id;
        labels[u] = res->nodes[u].label;
    }
    char **names = sg_cmd_display_names(ids, labels, res->n_nodes);
    g_free(ids);
    g_free(labels);
    return names;
}

static char *percent(double p)
{
    if (isnan(p))
        return g_strdup("-");
    if (p > 0 && p < 0.001)
        return g_strdup("<0.1%");
    if (p < 1 && p > 0.999)
        return g_strdup(">99.9%");
    return g_strdup_printf("%.1f%%", 100 * p);
}

static char *number(double x)
{
    if (isnan(x))
        return g_strdup("-");
    if (x == floor(x) && fabs(x) < 1e15)
        return g_strdup_printf("%.0f", x);
    return g_strdup_printf("%.3f", x);
}

static void set_owned(sg_table *t, size_t column, char *text)
{
    sg_table_set_text(t, column, text);
    g_free(text);
}

static sg_table *nodes_text_table(const sg_robustness *res)
{
    char *top = g_strdup_printf("P(top %zu)", res->top_k);
    char *lo = g_strdup_printf("%g%%", (100 - res->interval) / 2), *hi = g_strdup_printf("%g%%", (100 + res->interval) / 2);
    const char *names[] = {"rank", "id", "label", "value", "mean", lo, hi, "ranks", top, "+/-", "sources"};
    sg_table *t = sg_table_new(G_N_ELEMENTS(names), names);
    g_free(top);
    g_free(lo);
    g_free(hi);
    for (size_t c = 0; c < G_N_ELEMENTS(names); c++)
        if (c != 1 && c != 2)
            sg_table_align(t, c, SG_ALIGN_RIGHT);
    for (size_t k = 0; k < res->n_nodes; k++) {
        const sg_robust_node *n = &res->nodes[res->order[k]];
        sg_table_add_row(t);
        sg_table_set_int(t, 0, n->rank);
        sg_table_set_text(t, 1, n->id);
        sg_table_set_text(t, 2, n->label);
        set_owned(t, 3, n->present ? number(n->value) : g_strdup("absent"));
        set_owned(t, 4, number(n->mean));
        set_owned(t, 5, number(n->low));
        set_owned(t, 6, number(n->high));
        set_owned(t, 7, !res->samples ? g_strdup("-")
                        : n->rank_low == n->rank_high ? g_strdup_printf("%d", n->rank_low)
                                                       : g_strdup_printf("%d-%d", n->rank_low, n->rank_high));
        set_owned(t, 8, percent(n->p_top));
        set_owned(t, 9, isnan(n->p_top_se) ? g_strdup("-") : g_strdup_printf("%.1f", 100 * n->p_top_se));
        sg_table_set_int(t, 10, (long long)n->sources);
    }
    return t;
}

/* "label 99.2%, label 97.0%" for the nodes LIST names. */
static char *node_shares(const sg_robustness *res, char **names, const size_t *list, size_t count)
{
    GString *s = g_string_new(NULL);
    for (size_t k = 0; k < count; k++) {
        const sg_robust_node *n = &res->nodes[list[k]];
        char *p = percent(n->p_top);
        g_string_append_printf(s, "%s%s %s", k ? ", " : "", names[list[k]], p);
        if (n->p_top > 0 && n->p_top < 1)
            g_string_append_printf(s, " (+/- %.1f)", 100 * n->p_top_se);
        g_free(p);
    }
    if (!count)
        g_string_append(s, "none");
    return g_string_free(s, FALSE);
}

/* "id, id" for the nodes LIST names (ids: short, and the table's rows name them so). */
static char *node_list(const sg_robustness *res, const size_t *list, size_t count)
{
    GString *s = g_string_new(NULL);
    for (size_t k = 0; k < count; k++)
        g_string_append_printf(s, "%s%s", k ? ", " : "", res->nodes[list[k]].id);
    if (!count)
        g_string_append(s, "-");
    return g_string_free(s, FALSE);
}

static char *tau_text(double tau)
{
    return isnan(tau) ? g_strdup("-") : g_strdup_printf("%.3f", tau);
}

static sg_table *sources_text_table(const sg_robustness *res)
{
    const char *names[] = {"source", "sole ties", "sole hypotheses", "entered", "left", "tau_b",
                           "largest move (places)"};
    sg_table *t = sg_table_new(G_N_ELEMENTS(names), names);
    sg_table_align(t, 1, SG_ALIGN_RIGHT);
    sg_table_align(t, 2, SG_ALIGN_RIGHT);
    sg_table_align(t, 5, SG_ALIGN_RIGHT);
    for (size_t k = 0; k < res->n_sources; k++) {
        const sg_robust_source *s = &res->sources[k];
        sg_table_add_row(t);
        sg_table_set_text(t, 0, s->key);
        sg_table_set_int(t, 1, (long long)s->sole_ties);
        sg_table_set_int(t, 2, (long long)s->sole_hypotheses);
        set_owned(t, 3, node_list(res, s->entered, s->n_entered));
        set_owned(t, 4, node_list(res, s->left, s->n_left));
        set_owned(t, 5, tau_text(s->tau_b));
        set_owned(t, 6, s->max_rank_change ? g_strdup_printf("%s %+d", res->nodes[s->max_rank_node].id,
                                                             s->max_rank_change)
                                           : g_strdup("-"));
    }
    return t;
}

static sg_table *decisive_text_table(const sg_robustness *res)
{
    bool one = res->decisive_node != SIZE_MAX;
    const char *names[] = {"tie", "relation", "at", "entered", "left", one ? "places gained" : "rank change",
                           one ? "value change" : NULL};
    sg_table *t = sg_table_new(one ? 7 : 6, names);
    sg_table_align(t, 5, SG_ALIGN_RIGHT);
    if (one)
        sg_table_align(t, 6, SG_ALIGN_RIGHT);
    for (size_t k = 0; k < res->n_decisive; k++) {
        const sg_robust_tie *d = &res->decisive[k];
        const sg_edge *e = &res->net->edges[d->tie];
        sg_table_add_row(t);
        set_owned(t, 0, g_strdup_printf("%s %s %s", res->net->nodes[e->source].id, sg_edge_directed(e) ? "->" : "-",
                                        res->net->nodes[e->target].id));
        sg_table_set_text(t, 1, e->relation->name);
        /* a tie made by folding has no line of its own */
        set_owned(t, 2, e->origin.file && e->origin.line > 0 ? g_strdup_printf("%s:%d", e->origin.file, e->origin.line)
                                                             : g_strdup("-"));
        set_owned(t, 3, node_list(res, d->entered, d->n_entered));
        set_owned(t, 4, node_list(res, d->left, d->n_left));
        sg_table_set_int(t, 5, d->rank_change);
        if (one)
            set_owned(t, 6, g_strdup_printf("%+.3f", d->value_change));
    }
    return t;
}

static const char *what_sampled(const sg_robustness *res)
{
    if (res->sample_confidence && res->sample_credence)
        return "each tie kept with its confidence, hypotheses drawn by their credences";
    return res->sample_confidence ? "each tie kept with its confidence (--confidence-only)"
                                  : "hypotheses drawn by their credences (--credence-only)";
}

static void write_text(const sg_robustness *res, FILE *out)
{
    char **names = display_names(res);
    char *how = sg_cmd_reading_text(res->net, res->directed);
    sg_term_line(out, "robustness of %s in %s, %s", res->measure, res->net->name, how);
    g_free(how);
    if (res->samples) {
        if (res->sample_credence && res->net->n_hypotheses)
            sg_term_line(out, "%zu samples (seed %llu): %s; %zu distinct set%s of hypotheses drawn.", res->samples,
                         (unsigned long long)res->seed, what_sampled(res), res->scenarios_drawn,
                         res->scenarios_drawn == 1 ? "" : "s");
        else
            sg_term_line(out, "%zu samples (seed %llu): %s%s.", res->samples, (unsigned long long)res->seed,
                         what_sampled(res), res->sample_credence ? " (the network has no hypothesis to draw)" : "");
        if (res->samples < 100)
            sg_term_line(out, "warning: %zu samples are few: a share near 95%% is then known to no better than "
                              "+/- %.0f points, too coarse to call a node robust; take more samples.",
                         res->samples, 100 * sqrt(0.95 * 0.05 / (double)res->samples) * 2);
        sg_term_line(out, "value: as recorded (unsampled); mean and the %g%% interval over the samples; ranks: the "
                          "same interval of the rank;",
                     res->interval);
        sg_term_line(out, "P(top %zu): share of samples with the node in the top %zu, +/- its standard error "
                          "(points); a node a sample lacks counts 0 and ranks last.",
                     res->top_k, res->top_k);
    } else {
        sg_term_line(out, "no sampling (--samples 0): the values as recorded.");
    }
    fputc('\n', out);
    sg_table *t = nodes_text_table(res);
    sg_table_write_text(t, out);
    sg_table_free(t);
    if (res->samples) {
        char *robust = node_shares(res, names, res->robust, res->n_robust);
        char *uncertain = node_shares(res, names, res->uncertain, res->n_uncertain);
        fputc('\n', out);
        sg_term_line(out, "Robust (in the top %zu in at least 95%% of samples): %s", res->top_k, robust);
        sg_term_line(out, "Uncertain (in the top %zu in 5%% to 95%% of samples): %s", res->top_k, uncertain);
        g_free(robust);
        g_free(uncertain);
    }
    if (res->n_sources) {
        fputc('\n', out);
        sg_term_line(out, "Sources: the reading without the ties (and settled hypotheses) that rest on one source "
                          "alone; the top %zu compared, tau_b against the full reading, most decisive first.",
                     res->top_k);
        t = sources_text_table(res);
        sg_table_write_text(t, out);
        sg_table_free(t);
    }
    if (res->decisive) {
        fputc('\n', out);
        if (res->decisive_node != SIZE_MAX)
            sg_term_line(out, "Decisive ties for %s: the single ties whose removal moves it most.",
                         names[res->decisive_node]);
        else
            sg_term_line(out, "Decisive ties: the single ties whose removal changes the top %zu most (nodes entering "
                              "or leaving, then the sum of rank changes).",
                         res->top_k);
        t = decisive_text_table(res);
        sg_table_write_text(t, out);
        sg_table_free(t);
    }
    fputc('\n', out);
    if (isnan(res->documentation_rho))
        sg_term_line(out, "Documentation: Spearman's rho between %s and the number of sources citing a node's ties is "
                          "undefined (all values or all counts equal).",
                     res->measure);
    else
        sg_term_line(out, "Documentation: Spearman's rho between %s and the number of sources citing a node's ties: "
                          "%.2f.",
                     res->measure, res->documentation_rho);
    if (res->documentation_rho > SG_DOCUMENTATION_RHO_WARN)
        sg_term_line(out, "warning: above %.1f: the ranking may measure how well a person is documented rather than "
                          "their place in the network.",
                     SG_DOCUMENTATION_RHO_WARN);
    g_strfreev(names);
}

/* ---- CSV and JSON ---- */

static sg_table *nodes_data_table(const sg_robustness *res)
{
    const char *names[] = {"id", "label", "value", "mean", "sd", "low", "high", "rank", "rank_low", "rank_high",
                           "p_top", "p_top_se", "sources"};
    sg_table *t = sg_table_new(G_N_ELEMENTS(names), names);
    for (size_t k = 0; k < res->n_nodes; k++) {
        const sg_robust_node *n = &res->nodes[res->order[k]];
        sg_table_add_row(t);
        sg_table_set_text(t, 0, n->id);
        sg_table_set_text(t, 1, n->label);
        sg_table_set_number(t, 2, n->value, 6);
        sg_table_set_number(t, 3, n->mean, 6);
        sg_table_set_number(t, 4, n->sd, 6);
        sg_table_set_number(t, 5, n->low, 6);
        sg_table_set_number(t, 6, n->high, 6);
        sg_table_set_int(t, 7, n->rank);
        if (res->samples) {
            sg_table_set_int(t, 8, n->rank_low);
            sg_table_set_int(t, 9, n->rank_high);
        }
        sg_table_set_number(t, 10, n->p_top, 6);
        sg_table_set_number(t, 11, n->p_top_se, 6);
        sg_table_set_int(t, 12, (long long)n->sources);
    }
    return t;
}

static cJSON *id_array(const sg_robustness *res, const size_t *list, size_t count)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t k = 0; k < count; k++)
        cJSON_AddItemToArray(a, cJSON_CreateString(res->nodes[list[k]].id));
    return a;
}


cJSON *sg_cmd_robustness_json(const sg_robustness *res)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddItemToObject(root, "network", sg_json_network(res->net));
    cJSON_AddStringToObject(root, "measure", res->measure);
    cJSON_AddBoolToObject(root, "directed", res->directed);
    cJSON_AddNumberToObject(root, "samples", (double)res->samples);
    cJSON_AddItemToObject(root, "seed", sg_json_uint64(res->seed));
    cJSON_AddNumberToObject(root, "top", (double)res->top_k);
    cJSON_AddNumberToObject(root, "interval", res->interval);
    cJSON *sampled = cJSON_AddArrayToObject(root, "sampled");
    if (res->samples && res->sample_confidence)
        cJSON_AddItemToArray(sampled, cJSON_CreateString("confidence"));
    if (res->samples && res->sample_credence)
        cJSON_AddItemToArray(sampled, cJSON_CreateString("credence"));
    cJSON_AddNumberToObject(root, "hypothesis_sets_drawn", (double)res->scenarios_drawn);
    sg_table *t = nodes_data_table(res);
    cJSON_AddItemToObject(root, "nodes", sg_table_to_json(t));
    sg_table_free(t);
    if (res->samples) {
        cJSON *conclusions = cJSON_AddObjectToObject(root, "conclusions");
        cJSON_AddItemToObject(conclusions, "robust", id_array(res, res->robust, res->n_robust));
        cJSON_AddItemToObject(conclusions, "uncertain", id_array(res, res->uncertain, res->n_uncertain));
    } else {
        cJSON_AddNullToObject(root, "conclusions"); /* nothing sampled, nothing concluded */
    }
    if (res->sources) {
        cJSON *sources = cJSON_AddArrayToObject(root, "sources");
        for (size_t k = 0; k < res->n_sources; k++) {
            const sg_robust_source *s = &res->sources[k];
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "key", s->key);
            cJSON_AddNumberToObject(o, "sole_ties", (double)s->sole_ties);
            cJSON_AddNumberToObject(o, "sole_hypotheses", (double)s->sole_hypotheses);
            cJSON_AddItemToObject(o, "entered", id_array(res, s->entered, s->n_entered));
            cJSON_AddItemToObject(o, "left", id_array(res, s->left, s->n_left));
            cJSON_AddItemToObject(o, "tau_b", cJSON_CreateNumber(s->tau_b));
            cJSON_AddNumberToObject(o, "max_rank_change", s->max_rank_change);
            if (s->max_rank_change)
                cJSON_AddStringToObject(o, "max_rank_node", res->nodes[s->max_rank_node].id);
            else
                cJSON_AddNullToObject(o, "max_rank_node");
            cJSON_AddNumberToObject(o, "rank_change_sum", s->rank_change_sum);
            cJSON_AddItemToArray(sources, o);
        }
    }
    if (res->decisive) {
        cJSON *decisive = cJSON_AddArrayToObject(root, "decisive");
        if (res->decisive_node != SIZE_MAX)
            cJSON_AddStringToObject(root, "decisive_node", res->nodes[res->decisive_node].id);
        for (size_t k = 0; k < res->n_decisive; k++) {
            const sg_robust_tie *d = &res->decisive[k];
            const sg_edge *e = &res->net->edges[d->tie];
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "source", res->net->nodes[e->source].id);
            cJSON_AddStringToObject(o, "target", res->net->nodes[e->target].id);
            cJSON_AddStringToObject(o, "relation", e->relation->name);
            if (e->origin.file && e->origin.line > 0) {
                cJSON_AddStringToObject(o, "file", e->origin.file);
                cJSON_AddNumberToObject(o, "line", e->origin.line);
            }
            cJSON_AddItemToObject(o, "entered", id_array(res, d->entered, d->n_entered));
            cJSON_AddItemToObject(o, "left", id_array(res, d->left, d->n_left));
            cJSON_AddNumberToObject(o, "rank_change", d->rank_change);
            cJSON_AddItemToObject(o, "value_change", cJSON_CreateNumber(d->value_change));
            cJSON_AddItemToArray(decisive, o);
        }
    }
    cJSON *doc = cJSON_AddObjectToObject(root, "documentation");
    cJSON_AddItemToObject(doc, "spearman_rho", cJSON_CreateNumber(res->documentation_rho));
    cJSON_AddBoolToObject(doc, "warning", res->documentation_rho > SG_DOCUMENTATION_RHO_WARN);
    cJSON *nodes = cJSON_AddArrayToObject(doc, "nodes");
    for (size_t u = 0; u < res->n_nodes; u++) {
        if (!res->nodes[u].present)
            continue;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", res->nodes[u].id);
        cJSON_AddNumberToObject(o, "sources", (double)res->nodes[u].sources);
        cJSON_AddItemToArray(nodes, o);
    }
    return root;
}

/* The JSON, CSV table and text report of the results, as sg_cmd_write_results calls them. */
static cJSON *json_of(const void *data)
{
    return sg_cmd_robustness_json(data);
}

static sg_table *table_of(const void *data)
{
    return nodes_data_table(data);
}

static void text_of(const void *data, FILE *stream)
{
    write_text(data, stream);
}

static int write_results(const sg_robustness *res, const sg_options *opts)
{
    return sg_cmd_write_results(opts, res->net, res, json_of, table_of, text_of);
}

/* ---- the forest plot ---- */

bool sg_cmd_robustness_plot(const sg_robustness *res, sg_plot_format format, FILE *stream)
{
    size_t shown = MIN(res->n_nodes, MAX(20, 2 * res->top_k));
    sg_forest_row *rows = g_new0(sg_forest_row, shown + 1);
    char **names = display_names(res);
    for (size_t k = 0; k < shown; k++) {
        const sg_robust_node *n = &res->nodes[res->order[k]];
        rows[k] = (sg_forest_row){names[res->order[k]], n->low, n->high, n->present ? n->value : NAN, n->p_top};
    }
    const char *title = *res->net->title ? res->net->title : res->net->id;
    char *heading = g_strdup_printf("%s: how sure is each node's %s?", title, res->measure);
    char *subtitle = g_strdup_printf("%zu samples (seed %llu), %s. Bar: %g%% interval; dot: the value as recorded.",
                                     res->samples, (unsigned long long)res->seed, what_sampled(res), res->interval);
    char *share = g_strdup_printf("P(top %zu)", res->top_k);
    sg_forest plot = {heading, subtitle, res->measure, share, rows, shown};
    bool ok = sg_forest_write(&plot, format, stream);
    g_strfreev(names);
    g_free(rows);
    g_free(heading);
    g_free(subtitle);
    g_free(share);
    return ok;
}

/* Writes the forest plot to OUT and commits it; a PNG of more rows than it can hold is refused first. */
static int write_plot(const sg_robustness *res, const request *r, sg_output *out)
{
    size_t shown = MIN(res->n_nodes, MAX(20, 2 * res->top_k));
    if (r->plot_format == SG_PLOT_PNG && shown > SG_FOREST_PNG_MAX_ROWS) {
        sg_error("%s: a PNG holds at most %d rows and this plot has %zu (2 x --top): draw an SVG or a PDF, or take "
                 "a smaller --top",
                 r->plot, SG_FOREST_PNG_MAX_ROWS, shown);
        sg_output_abort(out);
        return SG_EXIT_DATA;
    }
    if (!sg_cmd_robustness_plot(res, r->plot_format, out->stream)) {
        if (!ferror(out->stream))
            sg_error("%s: cannot draw the plot", r->plot);
        sg_output_abort(out);
        return SG_EXIT_DATA;
    }
    return sg_output_commit(out) ? SG_EXIT_OK : SG_EXIT_DATA;
}

static int cmd_robustness(const sg_command *self, int argc, char **argv)
{
    request r = {0};
    sg_robustness_options_init(&r.ro);
    sg_options opts;
    int status = sg_parse_options(self, argc, argv, robustness_options, handle_option, &r, &opts);
    if (status < 0)
        status = check_request(self, &r);
    if (status >= 0)
        return status;
    sg_weights weights = r.ro.reading.weights;
    r.ro.reading = opts.reading;
    r.ro.reading.weights = weights;
    sg_network *base = sg_cmd_load_base(&opts);
    if (!base)
        return SG_EXIT_DATA;
    if (sg_check_group_by(self, base, r.ro.centrality.group_by, strcmp(r.ro.measure, "brokerage") == 0) >= 0) {
        sg_network_unref(base);
        return SG_EXIT_USAGE;
    }
    sg_diag *diag = sg_diag_new();
    if (!sg_weights_check(base, weights, diag)) {
        sg_diag_sort(diag);
        sg_diag_print(diag, false);
        sg_diag_free(diag);
        sg_network_unref(base);
        return SG_EXIT_DATA;
    }
    /* The results and the plot are one set: both files appear, or neither. The plot's file is opened
     * first, so that an unwritable one stops the run before the samples are drawn. */
    sg_output_set *set = sg_output_set_begin();
    sg_output *picture = r.plot ? sg_output_open(r.plot) : NULL;
    sg_robustness *res = NULL;
    status = SG_EXIT_DATA;
    if (picture || !r.plot) {
        res = sg_robustness_run(base, &r.ro, diag);
        sg_diag_sort(diag);
        sg_diag_print(diag, false);
        status = res ? write_results(res, &opts) : SG_EXIT_DATA;
    }
    if (status == SG_EXIT_OK && picture)
        status = write_plot(res, &r, picture);
    else
        sg_output_abort(picture);
    if (!sg_output_set_end(set, status == SG_EXIT_OK))
        status = SG_EXIT_DATA;
    sg_robustness_free(res);
    sg_diag_free(diag);
    sg_network_unref(base);
    return status;
}

/* The command's entry: name, arguments, counts and help (see `spygraph help robustness`). */
const sg_command sg_cmd_robustness = {
    .name = "robustness",
    .reads = true,
    .channels_only = false,
    .direction_help = "the measure's own, as in centrality",
    .run = cmd_robustness,
    .args = "NETWORK [options]",
    .min_args = 1,
    .max_args = 1,
    .summary = "How sure each node's standing is, given the ties' confidences and the hypotheses' credences.",
    .help =
        NETWORK_HELP "\noptions:\n"
        "  --measure M        the measure ranked (default betweenness; any measure of `spygraph centrality`)\n"
        "  --samples N        samples drawn (default 1000; 0: none, for --by-source and --decisive alone)\n"
        "  --seed S           the random seed (default 1): the same seed gives the same output, for any --jobs\n"
        "  --interval P       the interval shown, in percent of the samples (default 90: 5th to 95th percentile)\n"
        "  --top K            the top list whose membership is counted (default 10)\n"
        "  --confidence-only  sample the ties alone (the hypotheses as the reading options settle them)\n"
        "  --credence-only    sample the hypotheses alone (every tie kept)\n"
        "  --by-source        for each citation key, the reading without the ties and settled hypotheses that\n"
        "                     cite it alone (a tie citing two keys survives the loss of one)\n"
        "  --decisive[=N]     the N single ties (default 20) whose removal changes the top K most\n"
        "  --node ID          with --decisive (implied): the ties whose removal moves this node most\n"
        "  --weights W        none (default), weight or confidence, as in centrality\n"
        "  --normalized       normalized values, as in centrality\n"
        "  --damping X        pagerank's damping factor in (0, 1] (default 0.85), as in centrality\n"
        "  --group-by ATTR    brokerage's groups (default: affiliation), as in centrality\n"
        "  --jobs N           worker processes (default: one per core); the output does not depend on it\n"
        "                     (under mpirun: the processes of all the ranks; the samples, sources and ties\n"
        "                     are divided among the ranks, and the output is the same as on one machine)\n"
        "  --mpi-read HOW     under mpirun (a build with -Dmpi=enabled): root (default: rank 0 reads NETWORK\n"
        "                     and sends it to the other ranks) or all (every rank reads it: shared storage);\n"
        "                     elsewhere it changes nothing\n"
        "  --plot FILE        a forest plot of the first max(20, 2K) nodes: .svg, .pdf or .png (a PNG holds\n"
        "                     at most 1,400 rows); written with -o's file: both appear, or neither\n"
        COMMON_HELP
        "\nEach sample draws, for each open question, one answer (or none) with the answers' credences and\n"
        "applies each independent hypothesis with its credence (hypotheses given with --hypothesis are applied\n"
        "in every sample); then it keeps each tie of that reading with probability equal to its confidence, and\n"
        "computes the measure as `centrality` does. A node a sample lacks, or an undefined value, counts 0 and\n"
        "ranks last. Ranks are competition ranks (tied values share the best rank); a node is in the top K when\n"
        "its rank is at most K and its value above 0. Per node: the value as recorded, the mean, the interval\n"
        "(linear interpolation between order statistics), the same interval of the rank, P(top K) and its Monte\n"
        "Carlo standard error sqrt(p(1-p)/N). Robust: P(top K) >= 95%; uncertain: 5% to 95%.\n"
        "Every sampled value and rank is kept so that the percentiles are exact: 12 bytes per node per sample\n"
        "and 12 per sample, at most 50 million node-samples (up to about 1.2 GB at the peak); more is an error\n"
        "before any work. Ranks are by the highest value for every measure, as in compare: with constraint,\n"
        "the top K are the most constrained nodes. With --weights confidence a sampled tie counts its\n"
        "confidence twice: once to be kept, once as its strength.\n"
        "Sources and decisive ties are computed exactly, one reading each (time: sources or ties x one\n"
        "computation of the measure): entered and left the top K, Kendall's tau-b against the full reading,\n"
        "the largest move (places gained, negative for a fall) and the sum of rank changes, counting only\n"
        "nodes above 0 in either reading. --decisive lists no tie whose removal changes nothing.\n"
        "Documentation: Spearman's rho between the measure and the number of sources citing each node's\n"
        "ties; a warning above 0.7.\n"
        "CSV: the per-node table. JSON: {\"network\", \"measure\", \"samples\", \"seed\", \"top\", \"nodes\",\n"
        "\"conclusions\" (null without samples), \"sources\", \"decisive\", \"documentation\"} (sources and\n"
        "decisive when asked for).\n",
};

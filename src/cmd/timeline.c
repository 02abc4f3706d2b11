/* timeline.c: `spygraph timeline`: who mattered when: a measure's ranks slice by slice, the network's figures, and a chart. */
#include <glib.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "cmd.h"
#include "help.h"
#include "spygraph/plot.h"
#include "spygraph/robustness.h"
#include "spygraph/timeline.h"
#include "results.h"

enum {
    OPT_MEASURE = SG_OPT_FIRST_COMMAND_OPTION,
    OPT_STEP,
    OPT_FROM,
    OPT_TO,
    OPT_WINDOW,
    OPT_TOP,
    OPT_SAMPLES,
    OPT_SEED,
    OPT_INTERVAL,
    OPT_JOBS,
    OPT_WEIGHTS,
    OPT_NORMALIZED,
    OPT_DAMPING,
    OPT_GROUP_BY,
    OPT_PLOT,
    OPT_PLOT_VALUE,
    OPT_EVENTS
};

static const struct option timeline_options[] = {
    {"measure", required_argument, NULL, OPT_MEASURE},
    {"step", required_argument, NULL, OPT_STEP},
    {"from", required_argument, NULL, OPT_FROM},
    {"to", required_argument, NULL, OPT_TO},
    {"window", required_argument, NULL, OPT_WINDOW},
    {"top", required_argument, NULL, OPT_TOP},
    {"samples", required_argument, NULL, OPT_SAMPLES},
    {"seed", required_argument, NULL, OPT_SEED},
    {"interval", required_argument, NULL, OPT_INTERVAL},
    {"jobs", required_argument, NULL, OPT_JOBS},
    {"weights", required_argument, NULL, OPT_WEIGHTS},
    {"normalized", no_argument, NULL, OPT_NORMALIZED},
    {"damping", required_argument, NULL, OPT_DAMPING},
    {"group-by", required_argument, NULL, OPT_GROUP_BY},
    {"plot", required_argument, NULL, OPT_PLOT},
    {"plot-value", no_argument, NULL, OPT_PLOT_VALUE},
    {"events", required_argument, NULL, OPT_EVENTS},
    {NULL, 0, NULL, 0},
};

typedef struct request {
    sg_timeline_options to;
    sg_weights weights;
    const char *plot;
    sg_plot_format plot_format;
    bool plot_value;
    const char *events;         /* "all" (default), "none" or a comma-separated list of ids */
} request;

static int parse_date_option(const sg_command *cmd, const char *name, const char *arg, sg_date *out, bool *given)
{
    const char *why = NULL;
    if (!*arg || !sg_date_parse(arg, out, &why))
        return sg_usage_error(cmd, "bad %s date '%s': %s", name, arg, why ? why : "empty");
    *given = true;
    return 0;
}

static int handle_option(const sg_command *cmd, int opt, const char *arg, void *ctx)
{
    request *r = ctx;
    long v;
    switch (opt) {
    case OPT_MEASURE:
        return sg_parse_measure(cmd, arg, &r->to.measure);
    case OPT_STEP:
        if (!sg_step_parse(arg, &r->to.step))
            return sg_usage_error(cmd, "unknown --step '%s' (year, quarter or month)", arg);
        return 0;
    case OPT_FROM:
        return parse_date_option(cmd, "--from", arg, &r->to.from, &r->to.has_from);
    case OPT_TO:
        return parse_date_option(cmd, "--to", arg, &r->to.to, &r->to.has_to);
    case OPT_WINDOW:
        if (sg_parse_whole(cmd, "--window", arg, 1, SG_TIMELINE_MAX_SLICES, &v))
            return SG_EXIT_USAGE;
        r->to.window = (size_t)v;
        return 0;
    case OPT_TOP:
        if (sg_parse_whole(cmd, "--top", arg, 1, LONG_MAX, &v))
            return SG_EXIT_USAGE;
        r->to.top = (size_t)v;
        return 0;
    case OPT_SAMPLES:
        if (sg_parse_whole(cmd, "--samples", arg, 0, SG_MAX_SAMPLES, &v))
            return SG_EXIT_USAGE;
        r->to.samples = (size_t)v;
        return 0;
    case OPT_SEED:
        if (sg_parse_whole(cmd, "--seed", arg, 0, LONG_MAX, &v))
            return SG_EXIT_USAGE;
        r->to.seed = (uint64_t)v;
        return 0;
    case OPT_INTERVAL:
        return sg_parse_interval(cmd, arg, &r->to.interval);
    case OPT_JOBS:
        if (sg_parse_whole(cmd, "--jobs", arg, 1, LONG_MAX, &v))
            return SG_EXIT_USAGE;
        r->to.jobs = (int)MIN(v, 1024);
        r->to.centrality.jobs = r->to.jobs;
        return 0;
    case OPT_WEIGHTS:
        if (!sg_weights_parse(arg, &r->weights))
            return sg_usage_error(cmd, "unknown --weights '%s' (none, weight or confidence)", arg);
        return 0;
    case OPT_NORMALIZED:
        r->to.centrality.normalized = true;
        return 0;
    case OPT_DAMPING:
        return sg_parse_decimal(cmd, "--damping", arg, 0, 1, false, "a number in (0, 1]", &r->to.centrality.damping);
    case OPT_GROUP_BY:
        r->to.centrality.group_by = arg;
        return 0;
    case OPT_PLOT:
        return sg_parse_plot(cmd, arg, &r->plot, &r->plot_format);
    case OPT_PLOT_VALUE:
        r->plot_value = true;
        return 0;
    case OPT_EVENTS:
        if (!*arg)
            return sg_usage_error(cmd, "--events needs all, none or a comma-separated list of event ids");
        r->events = arg;
        return 0;
    default:
        return sg_usage_error(cmd, "unexpected option");
    }
}

/* Checks the options against each other and the reading. Returns -1 to go on, or SG_EXIT_USAGE. */
static int check_request(const sg_command *cmd, request *r, const sg_options *opts)
{
    if (opts->reading.has_at || opts->reading.has_between)
        return sg_usage_error(cmd, "the timeline makes its own periods, one per slice: give its range with --from and "
                                   "--to, not --at or --between");
    if (r->to.has_from && sg_date_first_day(r->to.from) == LONG_MIN)
        return sg_usage_error(cmd, "--from needs a date with a first day (an open start such as ../1932 has none)");
    if (r->to.has_to && sg_date_last_day(r->to.to) == LONG_MAX)
        return sg_usage_error(cmd, "--to needs a date with a last day (an open end such as 1936/.. has none)");
    if (r->to.has_from && r->to.has_to && sg_date_first_day(r->to.from) > sg_date_last_day(r->to.to))
        return sg_usage_error(cmd, "--to is before --from");
    if ((r->plot_value || r->events) && !r->plot)
        return sg_usage_error(cmd, "%s shapes the chart: it needs --plot FILE", r->plot_value ? "--plot-value" : "--events");
    if (r->plot && MIN(r->to.top, SG_LINE_CHART_MAX_SERIES) < r->to.top)
        return sg_usage_error(cmd, "--plot draws at most %d lines: take a --top of at most %d", SG_LINE_CHART_MAX_SERIES,
                              SG_LINE_CHART_MAX_SERIES);
    return -1;
}

/* ---- names ---- */

/* Each node's name in the chart (sg_cmd_display_names). The caller g_strfreev()s it. */
static char **display_names(const sg_network *net)
{
    const char **ids = g_new(const char *, net->n_nodes + 1), **labels = g_new(const char *, net->n_nodes + 1);
    for (size_t u = 0; u < net->n_nodes; u++) {
        ids[u] = net->nodes[u].id;
        labels[u] = net->nodes[u].label;
    }
    char **names = sg_cmd_display_names(ids, labels, net->n_nodes);
    g_free(ids);
    g_free(labels);
    return names;
}

static const char *step_words(const sg_timeline *t)
{
    return t->step == SG_STEP_YEAR ? "yearly" : t->step == SG_STEP_QUARTER ? "quarterly" : "monthly";
}

/* ---- text ---- */

static char *figure_text(double x)
{
    return isnan(x) ? g_strdup("-") : g_strdup_printf("%.3f", x);
}

static void write_text(const sg_timeline *t, FILE *out)
{
    char *how = sg_cmd_reading_text(t->net, t->directed);
    sg_term_line(out, "timeline of %s in %s, %s", t->measure, t->net->name, how);
    g_free(how);
    const char *first = t->slices[0].label, *last = t->slices[t->n_slices - 1].label;
    const char *plural = t->n_slices == 1 ? "" : "s";
    if (t->window > 1 && t->n_slices == 1 && t->slices[0].last_day - t->slices[0].first_day + 1 <
                                                  (long)t->window * 28)
        sg_term_line(out, "1 slice, %s: the range is shorter than the window of %zu %ss; it reads the ties active at "
                          "some time in it (as --between).",
                     first, t->window, sg_step_name(t->step));
    else if (t->window > 1)
        sg_term_line(out, "%zu slice%s of %zu %ss, moving a %s at a time, %s to %s; each slice reads the ties active "
                          "at some time in it (as --between).",
                     t->n_slices, plural, t->window, sg_step_name(t->step), sg_step_name(t->step), first, last);
    else
        sg_term_line(out, "%zu %s slice%s, %s to %s; each slice reads the ties active at some time in it (as --between).",
                     t->n_slices, step_words(t), plural, first, last);
    sg_term_line(out, "Rank by %s in each slice for the top %zu nodes by their best rank; '(n)' a value of 0 (tied "
                      "with every node of value 0), '.' no tie in the slice, '>' entered, 'x' left, '-' undefined.",
                 t->measure, t->shown);
    if (t->samples)
        sg_term_line(out, "%zu samples per slice (seed %llu): the %g%% intervals are in the CSV and JSON output and the "
                          "chart.",
                     t->samples, (unsigned long long)t->seed, t->interval);
    fputc('\n', out);
    const char **names = g_new(const char *, t->n_slices + 1);
    names[0] = "node";
    for (size_t k = 0; k < t->n_slices; k++)
        names[k + 1] = t->slices[k].label;
    sg_table *tab = sg_table_new(t->n_slices + 1, names);
    g_free(names);
    for (size_t k = 0; k < t->n_slices; k++)
        sg_table_align(tab, k + 1, SG_ALIGN_RIGHT);
    for (size_t row = 0; row < t->shown; row++) {
        size_t u = t->order[row];
        sg_table_add_row(tab);
        sg_table_set_text(tab, 0, t->net->nodes[u].id);
        for (size_t k = 0; k < t->n_slices; k++) {
            const sg_timeline_cell *c = sg_timeline_at(t, u, k);
            char *text;
            if (!c->active)
                text = g_strdup(c->left ? "x" : ".");
            else if (c->rank == 0)
                text = g_strdup(c->entered ? ">-" : "-");
            else if (c->value == 0.0) /* tied with every other node of value 0: a place, not a standing */
                text = g_strdup_printf("%s(%d)", c->entered ? ">" : "", c->rank);
            else
                text = g_strdup_printf("%s%d", c->entered ? ">" : "", c->rank);
            sg_table_set_text(tab, k + 1, text);
            g_free(text);
        }
    }
    /* The slices' figures under the ranks, after an empty row. */
    sg_table_add_row(tab);
    char *central = g_strdup_printf("centralization (%s)", t->n_slices ? t->figures[0].centralization_of : t->measure);
    const char *figures[] = {"nodes", "ties", "components", "density", central};
    for (size_t f = 0; f < G_N_ELEMENTS(figures); f++) {
        sg_table_add_row(tab);
        sg_table_set_text(tab, 0, figures[f]);
        for (size_t k = 0; k < t->n_slices; k++) {
            const sg_slice_figures *fig = &t->figures[k];
            if (f == 0)
                sg_table_set_int(tab, k + 1, (long long)fig->nodes);
            else if (f == 1)
                sg_table_set_int(tab, k + 1, (long long)fig->ties);
            else if (f == 2)
                sg_table_set_int(tab, k + 1, (long long)fig->components);
            else {
                char *text = figure_text(f == 3 ? fig->density : fig->centralization);
                sg_table_set_text(tab, k + 1, text);
                g_free(text);
            }
        }
    }
    g_free(central);
    sg_table_write_text(tab, out);
    sg_table_free(tab);
}

/* ---- CSV and JSON ---- */

typedef struct rank_sort {
    const sg_timeline *t;
    size_t slice;
} rank_sort;

/* Nodes of a slice by rank (undefined last), then id (as centrality lists them). */
static gint compare_in_slice(gconstpointer a, gconstpointer b, gpointer data)
{
    const rank_sort *s = data;
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    int ri = sg_timeline_at(s->t, i, s->slice)->rank, rj = sg_timeline_at(s->t, j, s->slice)->rank;
    if (ri != rj)
        return ri == 0 ? 1 : rj == 0 ? -1 : ri < rj ? -1 : 1;
    return strcmp(s->t->net->nodes[i].id, s->t->net->nodes[j].id);
}

/* The nodes present in slice K, in rank order; *COUNT set. The caller g_free()s it. */
static size_t *slice_nodes(const sg_timeline *t, size_t k, size_t *count)
{
    size_t *ids = g_new(size_t, t->net->n_nodes + 1), n = 0;
    for (size_t u = 0; u < t->net->n_nodes; u++)
        if (sg_timeline_at(t, u, k)->present)
            ids[n++] = u;
    rank_sort s = {t, k};
    g_qsort_with_data(ids, (gint)n, sizeof *ids, compare_in_slice, &s);
    *count = n;
    return ids;
}

static sg_table *long_table(const sg_timeline *t)
{
    const char *names[] = {"slice", "id", "label", "value", "rank", "active", "low", "high", "rank_low", "rank_high",
                           "p_top"};
    sg_table *tab = sg_table_new(t->samples ? 11 : 6, names);
    for (size_t k = 0; k < t->n_slices; k++) {
        size_t n, *ids = slice_nodes(t, k, &n);
        for (size_t i = 0; i < n; i++) {
            const sg_timeline_cell *c = sg_timeline_at(t, ids[i], k);
            sg_table_add_row(tab);
            sg_table_set_text(tab, 0, t->slices[k].label);
            sg_table_set_text(tab, 1, t->net->nodes[ids[i]].id);
            sg_table_set_text(tab, 2, t->net->nodes[ids[i]].label);
            sg_table_set_number(tab, 3, c->value, 6);
            if (c->rank)
                sg_table_set_int(tab, 4, c->rank);
            sg_table_set_text(tab, 5, c->active ? "true" : "false");
            if (t->samples) {
                sg_table_set_number(tab, 6, c->low, 6);
                sg_table_set_number(tab, 7, c->high, 6);
                if (c->rank_low)
                    sg_table_set_int(tab, 8, c->rank_low);
                if (c->rank_high)
                    sg_table_set_int(tab, 9, c->rank_high);
                sg_table_set_number(tab, 10, c->p_top, 6);
            }
        }
        g_free(ids);
    }
    return tab;
}

static cJSON *date_json(sg_date d)
{
    char buf[SG_DATE_TEXT_MAX];
    return cJSON_CreateString(sg_date_format(d, buf));
}

cJSON *sg_cmd_timeline_json(const sg_timeline *t)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddItemToObject(root, "network", sg_json_network(t->net));
    cJSON_AddStringToObject(root, "measure", t->measure);
    cJSON_AddBoolToObject(root, "directed", t->directed);
    cJSON_AddStringToObject(root, "step", sg_step_name(t->step));
    cJSON_AddNumberToObject(root, "window", (double)t->window);
    cJSON_AddNumberToObject(root, "top", (double)t->top);
    cJSON *shown = cJSON_AddArrayToObject(root, "shown");
    for (size_t row = 0; row < t->shown; row++)
        cJSON_AddItemToArray(shown, cJSON_CreateString(t->net->nodes[t->order[row]].id));
    if (t->samples) {
        cJSON_AddNumberToObject(root, "samples", (double)t->samples);
        cJSON_AddItemToObject(root, "seed", sg_json_uint64(t->seed));
        cJSON_AddNumberToObject(root, "interval", t->interval);
    }
    cJSON *slices = cJSON_AddArrayToObject(root, "slices");
    for (size_t k = 0; k < t->n_slices; k++) {
        const sg_slice *sl = &t->slices[k];
        const sg_slice_figures *fig = &t->figures[k];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "label", sl->label);
        cJSON_AddItemToObject(o, "from", date_json(sl->from));
        cJSON_AddItemToObject(o, "to", date_json(sl->to));
        cJSON *f = cJSON_AddObjectToObject(o, "figures");
        cJSON_AddNumberToObject(f, "nodes", (double)fig->nodes);
        cJSON_AddNumberToObject(f, "ties", (double)fig->ties);
        cJSON_AddNumberToObject(f, "components", (double)fig->components);
        cJSON_AddItemToObject(f, "density", cJSON_CreateNumber(fig->density));
        cJSON_AddItemToObject(f, "centralization", cJSON_CreateNumber(fig->centralization));
        cJSON_AddStringToObject(f, "centralization_of", fig->centralization_of);
        cJSON *in = cJSON_AddArrayToObject(o, "entered"), *out = cJSON_AddArrayToObject(o, "left");
        for (size_t u = 0; u < t->net->n_nodes; u++) {
            if (sg_timeline_at(t, u, k)->entered)
                cJSON_AddItemToArray(in, cJSON_CreateString(t->net->nodes[u].id));
            if (sg_timeline_at(t, u, k)->left)
                cJSON_AddItemToArray(out, cJSON_CreateString(t->net->nodes[u].id));
        }
        cJSON *nodes = cJSON_AddArrayToObject(o, "nodes");
        size_t n, *ids = slice_nodes(t, k, &n);
        for (size_t i = 0; i < n; i++) {
            const sg_timeline_cell *c = sg_timeline_at(t, ids[i], k);
            cJSON *node = cJSON_CreateObject();
            cJSON_AddStringToObject(node, "id", t->net->nodes[ids[i]].id);
            cJSON_AddItemToObject(node, "value", cJSON_CreateNumber(c->value));
            cJSON_AddItemToObject(node, "rank", c->rank ? cJSON_CreateNumber(c->rank) : cJSON_CreateNull());
            cJSON_AddBoolToObject(node, "active", c->active);
            if (t->samples) {
                cJSON_AddItemToObject(node, "low", cJSON_CreateNumber(c->low));
                cJSON_AddItemToObject(node, "high", cJSON_CreateNumber(c->high));
                cJSON_AddItemToObject(node, "rank_low", c->rank_low ? cJSON_CreateNumber(c->rank_low) : cJSON_CreateNull());
                cJSON_AddItemToObject(node, "rank_high", c->rank_high ? cJSON_CreateNumber(c->rank_high) : cJSON_CreateNull());
                cJSON_AddItemToObject(node, "p_top", cJSON_CreateNumber(c->p_top));
            }
            cJSON_AddItemToArray(nodes, node);
        }
        g_free(ids);
        cJSON_AddItemToArray(slices, o);
    }
    return root;
}

/* The JSON, CSV table and text report of the results, as sg_cmd_write_results calls them. */
static cJSON *json_of(const void *data)
{
    return sg_cmd_timeline_json(data);
}

static sg_table *table_of(const void *data)
{
    return long_table(data);
}

static void text_of(const void *data, FILE *stream)
{
    write_text(data, stream);
}

static int write_results(const sg_timeline *t, const sg_options *opts)
{
    return sg_cmd_write_results(opts, t->net, t, json_of, table_of, text_of);
}

/* ---- the chart ---- */

/* The events the chart marks: every event of BASE ("all"), none, or those LIST names (in its order). Returns
 * false after printing a usage error for an unknown id. *COUNT set; the caller g_free()s the array. */
static bool chosen_events(const sg_command *cmd, const sg_network *base, const char *list,
                          const sg_event ***out, size_t *count)
{
    const sg_event **events = g_new(const sg_event *, base->n_events + 1);
    size_t n = 0;
    if (!list || strcmp(list, "all") == 0) {
        for (size_t i = 0; i < base->n_events; i++)
            events[n++] = &base->events[i];
    } else if (strcmp(list, "none") != 0) {
        char **ids = g_strsplit(list, ",", -1);
        for (size_t i = 0; ids[i]; i++) {
            const sg_event *e = sg_network_find_event(base, g_strstrip(ids[i]));
            if (!e) {
                sg_usage_error(cmd, "--events: %s has no event '%s' (all, none, or ids from its events table)",
                               base->id, ids[i]);
                g_strfreev(ids);
                g_free(events);
                return false;
            }
            events = g_renew(const sg_event *, events, n + 2);
            events[n++] = e;
        }
        g_strfreev(ids);
    }
    *out = events;
    *count = n;
    return true;
}

/* (results.h) The chart's markers: the events (of N_EVENTS) whose days meet the timeline's range, each a line at its
 * day or a band over the days an uncertain or partial date could be; an event open at one end ("../1932",
 * "1936/..") is a line at its known end. *LABELS (the markers' texts) and the array are the caller's to
 * free (g_strfreev, g_free). */
sg_line_marker *sg_cmd_timeline_markers(const sg_timeline *t, const sg_event *const *events, size_t n_events,
                                        size_t *count, char ***labels)
{
    sg_line_marker *markers = g_new0(sg_line_marker, n_events + 1);
    char **texts = g_new0(char *, n_events + 1);
    double lo = (double)t->slices[0].first_day, hi = (double)t->slices[t->n_slices - 1].last_day + 1.0;
    size_t n = 0;
    for (size_t i = 0; i < n_events; i++) {
        const sg_event *e = events[i];
        if (sg_date_is_open(e->date))
            continue;
        long first = sg_date_first_day(e->date), last = sg_date_last_day(e->date);
        double x0 = first == LONG_MIN ? (double)last + 1.0 : (double)first;
        double x1 = last == LONG_MAX ? x0 : first == LONG_MIN ? x0 : (double)last + 1.0;
        if (x1 < lo || x0 >= hi || (x1 == lo && x0 < x1))
            continue;
        char d[SG_DATE_TEXT_MAX];
        texts[n] = g_strdup_printf("%s  %s", sg_date_format(e->date, d), *e->label ? e->label : e->id);
        markers[n] = (sg_line_marker){x0, x1, texts[n], *e->label ? e->label : e->id};
        n++;
    }
    *count = n;
    *labels = texts;
    return markers;
}

bool sg_cmd_timeline_chart(const sg_timeline *t, bool plot_value, const sg_line_marker *markers, size_t n_markers,
                           sg_plot_format format, FILE *stream)
{
    size_t n = t->n_slices, shown = t->shown;
    double *x = g_new(double, n);
    const char **x_labels = g_new(const char *, n);
    for (size_t k = 0; k < n; k++) {
        x[k] = ((double)t->slices[k].first_day + (double)t->slices[k].last_day + 1.0) / 2.0;
        x_labels[k] = t->slices[k].label;
    }
    char **names = display_names(t->net);
    sg_line_series *series = g_new0(sg_line_series, shown + 1);
    double *values = g_new(double, 3 * MAX(shown * n, 1));
    for (size_t row = 0; row < shown; row++) {
        size_t u = t->order[row];
        double *y = values + 3 * row * n, *low = y + n, *high = low + n;
        for (size_t k = 0; k < n; k++) {
            const sg_timeline_cell *c = sg_timeline_at(t, u, k);
            /* a rank is drawn where it is a standing: a tie in the slice and a value above 0 (the nodes of value
             * 0 share the last place, which moves as others leave it) */
            bool drawn = c->active && c->rank > 0 && (plot_value || c->value > 0);
            if (plot_value) {
                y[k] = drawn ? c->value : NAN;
                low[k] = drawn ? c->low : NAN;
                high[k] = drawn ? c->high : NAN;
            } else {
                y[k] = drawn ? c->rank : NAN;
                low[k] = drawn && c->rank_low ? c->rank_low : NAN;
                high[k] = drawn && c->rank_high ? c->rank_high : NAN;
            }
        }
        series[row] = (sg_line_series){names[u], y, t->samples ? low : NULL, t->samples ? high : NULL};
    }
    const char *title = *t->net->title ? t->net->title : t->net->id;
    char *heading = g_strdup_printf("%s: who mattered when", title);
    GString *sub = g_string_new(NULL);
    if (t->window > 1)
        g_string_append_printf(sub, "%s by %s in each window of %zu %ss", plot_value ? "Value" : "Rank", t->measure,
                               t->window, sg_step_name(t->step));
    else
        g_string_append_printf(sub, "%s by %s in each %s", plot_value ? "Value" : "Rank", t->measure,
                               sg_step_name(t->step));
    g_string_append_printf(sub, ", %s to %s; a line breaks where the node has no tie in the slice%s.",
                           t->slices[0].label, t->slices[n - 1].label, plot_value ? "" : " or a value of 0");
    if (t->samples)
        g_string_append_printf(sub, " Bands: %g%% intervals over %zu samples (seed %llu).", t->interval, t->samples,
                               (unsigned long long)t->seed);
    if (n_markers)
        g_string_append(sub, " Numbered lines: the events listed under the chart.");
    char *y_label = g_strdup_printf("%s by %s", plot_value ? "value" : "rank", t->measure);
    sg_line_chart chart = {heading, sub->str, y_label, !plot_value, x, x_labels, n,
                           (double)t->slices[0].first_day, (double)t->slices[n - 1].last_day + 1.0,
                           series, shown, markers, n_markers};
    bool ok = sg_line_chart_write(&chart, format, stream);
    g_free(heading);
    g_string_free(sub, TRUE);
    g_free(y_label);
    g_free(values);
    g_free(series);
    g_strfreev(names);
    g_free(x_labels);
    g_free(x);
    return ok;
}

/* Writes the chart to OUT and commits it. Returns an exit code. */
static int write_plot(const sg_timeline *t, const request *r, const sg_line_marker *markers, size_t n_markers,
                      sg_output *out)
{
    if (!sg_cmd_timeline_chart(t, r->plot_value, markers, n_markers, r->plot_format, out->stream)) {
        if (!ferror(out->stream))
            sg_error("%s: cannot draw the chart", r->plot);
        sg_output_abort(out);
        return SG_EXIT_DATA;
    }
    return sg_output_commit(out) ? SG_EXIT_OK : SG_EXIT_DATA;
}

static int cmd_timeline(const sg_command *self, int argc, char **argv)
{
    request r = {0};
    sg_timeline_options_init(&r.to);
    sg_options opts;
    int status = sg_parse_options(self, argc, argv, timeline_options, handle_option, &r, &opts);
    if (status < 0)
        status = check_request(self, &r, &opts);
    if (status >= 0)
        return status;
    r.to.reading = opts.reading;
    r.to.reading.weights = r.weights;
    sg_network *base = sg_cmd_load_base(&opts);
    if (!base)
        return SG_EXIT_DATA;
    const sg_event **events = NULL;
    size_t n_events = 0;
    if (sg_check_group_by(self, base, r.to.centrality.group_by, strcmp(r.to.measure, "brokerage") == 0) >= 0 ||
        (r.plot && !chosen_events(self, base, r.events, &events, &n_events))) {
        sg_network_unref(base);
        return SG_EXIT_USAGE;
    }
    sg_diag *diag = sg_diag_new();
    if (!sg_weights_check(base, r.weights, diag)) {
        sg_diag_sort(diag);
        sg_diag_print(diag, false);
        sg_diag_free(diag);
        g_free(events);
        sg_network_unref(base);
        return SG_EXIT_DATA;
    }
    /* The results and the chart are one set: both files appear, or neither; the chart's file is opened
     * first, so that an unwritable one stops the run before any slice is read. */
    sg_output_set *set = sg_output_set_begin();
    sg_output *picture = r.plot ? sg_output_open(r.plot) : NULL;
    sg_timeline *t = NULL;
    status = SG_EXIT_DATA;
    if (picture || !r.plot) {
        t = sg_timeline_run(base, &r.to, diag);
        sg_diag_sort(diag);
        sg_diag_print(diag, false);
        status = t ? SG_EXIT_OK : SG_EXIT_DATA;
    }
    /* The markers are known once the range is: too many is a usage error before anything is written. */
    size_t n_markers = 0;
    char **marker_labels = NULL;
    sg_line_marker *markers = NULL;
    if (status == SG_EXIT_OK && picture) {
        markers = sg_cmd_timeline_markers(t, events, n_events, &n_markers, &marker_labels);
        if (n_markers > SG_LINE_CHART_MAX_MARKERS)
            status = sg_usage_error(self, "%zu events fall in the timeline's range, more than the %d a chart marks: "
                                          "choose some with --events ID,ID,... (or --events none)",
                                    n_markers, SG_LINE_CHART_MAX_MARKERS);
    }
    if (status == SG_EXIT_OK)
        status = write_results(t, &opts);
    if (status == SG_EXIT_OK && picture)
        status = write_plot(t, &r, markers, n_markers, picture);
    else
        sg_output_abort(picture);
    if (!sg_output_set_end(set, status == SG_EXIT_OK) && status == SG_EXIT_OK)
        status = SG_EXIT_DATA;
    g_strfreev(marker_labels);
    g_free(markers);
    sg_timeline_free(t);
    sg_diag_free(diag);
    g_free(events);
    sg_network_unref(base);
    return status;
}

/* The command's entry: name, arguments, counts and help (see `spygraph help timeline`). */
const sg_command sg_cmd_timeline = {
    .name = "timeline",
    .reads = true,
    .channels_only = false,
    .direction_help = "the measure's own, as in centrality",
    .run = cmd_timeline,
    .args = "NETWORK [options]",
    .min_args = 1,
    .max_args = 1,
    .summary = "Who mattered when: a measure's ranks in time slices, the network's figures, and a chart over time.",
    .help =
        NETWORK_HELP "\noptions:\n"
        "  --measure M        the measure ranked (default betweenness; any measure of `spygraph centrality`)\n"
        "  --step S           year (default), quarter or month\n"
        "  --from DATE        the first slice holds this date (default: the network's span, else its first\n"
        "                     dated tie)\n"
        "  --to DATE          the last slice holds this date (default: the span's end, else the last tie date)\n"
        "  --window N         slices of N steps, moving one step at a time (default 1: one slice per step)\n"
        "  --top N            the rows shown and the lines drawn: the N nodes with the best rank in any slice\n"
        "                     (default 10)\n"
        "  --samples N        per slice, the robustness intervals of `spygraph robustness` (default 0: none)\n"
        "  --seed S           the random seed of the samples (default 1)\n"
        "  --interval P       the interval, in percent of the samples (default 90)\n"
        "  --jobs N           worker processes (default: one per core); the output does not depend on it\n"
        "  --weights W        none (default), weight or confidence, as in centrality\n"
        "  --normalized       normalized values, as in centrality\n"
        "  --damping X        pagerank's damping factor in (0, 1] (default 0.85), as in centrality\n"
        "  --group-by ATTR    brokerage's groups (default: affiliation), as in centrality\n"
        "  --plot FILE        a chart of the top nodes' ranks over time (at most 60 lines) with the network's\n"
        "                     events as numbered markers: .svg, .pdf or .png; written with -o's file: both\n"
        "                     appear, or neither\n"
        "  --plot-value       the chart draws the values, not the ranks\n"
        "  --events LIST      with --plot: the events marked: all (default), none, or comma-separated event ids\n"
        "                     (at most 200 in the range)\n"
        COMMON_HELP
        "\nEach slice is the reading of the network with --between FROM..TO for the slice's own period (a year,\n"
        "a quarter, a month, or a window of them): the ties active at some time in it, the nodes within their\n"
        "lifetime. The other reading options apply to every slice (--at and --between are the slices' own).\n"
        "A node's value in a slice is what `centrality --between FROM..TO --measures M` gives; its rank is its\n"
        "competition rank among the slice's nodes (tied values share the best rank). A node is active in a\n"
        "slice when one of its ties is; the table marks '>' where it enters (active, but not in the slice\n"
        "before) and 'x' where it leaves. The rows are the top N by their best rank over the slices where they\n"
        "are active with a value above 0, then by the slices they are active in. Under them, per slice: nodes,\n"
        "ties, weakly connected components and density as `info --between` counts them, and Freeman's\n"
        "centralization of the measure where it has one (degree, betweenness, closeness), else of degree. Ranks are by the highest value for every measure: with constraint, rank 1 is the most\n"
        "constrained node. With --samples each slice is also sampled as `robustness` samples it, on its own\n"
        "(the same seed in every slice, each slice's draws following its own ties); nodes only a sampled\n"
        "hypothesis adds are not rows. Eigenvector, hub and authority run in a child process each time (see\n"
        "centrality), which makes them slow to sample: a few milliseconds per slice and sample.\n"
        "At most 5,000 slices. In the table '(n)' is a rank shared by the nodes of value 0, '.' a slice where the\n"
        "node has no tie, '-' an undefined value; the chart draws ranks only where the value is above 0.\n"
        "CSV: slice,id,label,value,rank,active (with --samples also low,high,rank_low,rank_high,p_top), one row\n"
        "per node of each slice, by rank, then id. JSON: {\"network\", \"measure\", \"directed\", \"step\", \"window\",\n"
        "\"top\", \"shown\", \"slices\": [{\"label\", \"from\", \"to\", \"figures\", \"entered\", \"left\", \"nodes\": [{\"id\",\n"
        "\"value\", \"rank\", \"active\"}]}]}.\n",
};

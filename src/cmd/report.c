/* report.c: `spygraph report`: one self-contained HTML file with the diagram, the readings and the evidence. */
#include <glib.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "help.h"
#include "report_data.h"
#include "results.h"
#include "spygraph/progress.h"
#include "spygraph/centrality.h"
#include "spygraph/compare.h"
#include "spygraph/output.h"
#include "spygraph/render.h"
#include "spygraph/report.h"
#include "spygraph/robustness.h"
#include "spygraph/timeline.h"

enum { OPT_MEASURE = SG_OPT_FIRST_COMMAND_OPTION, OPT_TOP, OPT_SAMPLES, OPT_SEED, OPT_TITLE };

static const struct option report_options[] = {
    {"measure", required_argument, NULL, OPT_MEASURE}, {"top", required_argument, NULL, OPT_TOP},
    {"samples", required_argument, NULL, OPT_SAMPLES}, {"seed", required_argument, NULL, OPT_SEED},
    {"title", required_argument, NULL, OPT_TITLE},     {NULL, 0, NULL, 0},
};

/* The centrality table's measures: `centrality`'s defaults less brokerage (whose roles are its own table). */
static const char *const table_measures[] = {"degree", "betweenness", "closeness", "eigenvector", "pagerank",
                                             "constraint", NULL};

typedef struct report_args {
    const char *measure;     /* NULL: betweenness */
    size_t top_k;            /* 0: 10 */
    size_t samples;          /* robustness samples */
    bool samples_given;
    uint64_t seed;
    const char *title;       /* NULL: the network's */
} report_args;

static int report_option(const sg_command *cmd, int opt, const char *arg, void *ctx)
{
    report_args *a = ctx;
    long v;
    switch (opt) {
    case 'f':
        if (strcmp(arg, "html") != 0)
            return sg_usage_error(cmd, "unknown format '%s': a report is html", arg);
        return 0;
    case OPT_MEASURE:
        return sg_parse_measure(cmd, arg, &a->measure);
    case OPT_TOP:
        if (sg_parse_whole(cmd, "--top", arg, 1, 100000, &v))
            return SG_EXIT_USAGE;
        a->top_k = (size_t)v;
        return 0;
    case OPT_SAMPLES:
        if (sg_parse_whole(cmd, "--samples", arg, 0, SG_MAX_SAMPLES, &v))
            return SG_EXIT_USAGE;
        a->samples = (size_t)v;
        a->samples_given = true;
        return 0;
    case OPT_SEED:
        if (sg_parse_whole(cmd, "--seed", arg, 0, LONG_MAX, &v))
            return SG_EXIT_USAGE;
        a->seed = (uint64_t)v;
        return 0;
    case OPT_TITLE:
        a->title = arg;
        return 0;
    default:
        return sg_usage_error(cmd, "unexpected option");
    }
}

/* Prints DIAG's problems (warnings too when WARNINGS), frees it, and returns whether it held no error. */
static bool settle(sg_diag *diag, bool warnings)
{
    bool ok = diag->errors == 0;
    sg_diag_sort(diag);
    sg_diag_print(diag, warnings);
    sg_diag_free(diag);
    return ok;
}

/* What a writer puts into a memory stream, as a string (free), or NULL when it failed. */
typedef struct memory_text {
    char *text;
    size_t len;
    FILE *stream;
} memory_text;

static FILE *memory_open(memory_text *m)
{
    m->text = NULL;
    m->len = 0;
    m->stream = open_memstream(&m->text, &m->len);
    return m->stream;
}

/* Closes M's stream; returns its text (the caller's), or NULL (freed) when WROTE is false or it failed. */
static char *memory_close(memory_text *m, bool wrote)
{
    bool ok = fclose(m->stream) == 0 && wrote;
    if (!ok) {
        free(m->text);
        return NULL;
    }
    return m->text;
}

/* The diagram: `render` of DRAWN with the report's seed and title, coloured over WHOLE. NULL after an error
 * (reported). */
static char *draw(const sg_network *drawn, const sg_network *whole, const sg_options *opts, const report_args *a)
{
    sg_render_spec spec;
    sg_render_spec_init(&spec);
    spec.format = SG_RENDER_SVG;
    spec.colours_of = whole;
    spec.direction = opts->reading.direction;
    spec.route_relations = opts->route_relations;
    spec.seed = a->seed;
    spec.title = a->title;
    memory_text m;
    if (!memory_open(&m))
        return NULL;
    sg_diag *diag = sg_diag_new();
    bool ok = sg_render_write(drawn, &spec, m.stream, diag);
    settle(diag, true);
    return memory_close(&m, ok);
}

/* The table's values for every reading of CMP: per reading, the measures over its nodes, measure-major (free
 * with free_values). NULL after an igraph error (reported). */
static double **table_values(const sg_comparison *cmp, const sg_options *opts)
{
    size_t n_measures = G_N_ELEMENTS(table_measures) - 1;
    double **values = g_new0(double *, cmp->n_readings + 1);
    sg_centrality_options co;
    sg_centrality_options_init(&co);
    co.reading = opts->reading;
    for (size_t r = 0; r < cmp->n_readings; r++) {
        const sg_network *net = cmp->readings[r].net;
        igraph_vector_t outs[G_N_ELEMENTS(table_measures) - 1];
        for (size_t m = 0; m < n_measures; m++)
            if (igraph_vector_init(&outs[m], 0) != IGRAPH_SUCCESS)
                g_error("out of memory"); /* GLib's policy, as every allocation here */
        bool ok = sg_centrality_many(net, table_measures, n_measures, &co, outs) == IGRAPH_SUCCESS;
        values[r] = g_new(double, n_measures * net->n_nodes + 1);
        for (size_t m = 0; m < n_measures; m++) {
            for (size_t i = 0; ok && i < net->n_nodes; i++)
                values[r][m * net->n_nodes + i] = VECTOR(outs[m])[(igraph_integer_t)i];
            igraph_vector_destroy(&outs[m]);
        }
        if (!ok) {
            g_strfreev((char **)values);
            return NULL;
        }
    }
    return values;
}

/* The hypotheses a comparison can take beside the ones the reading applies (NULL-terminated, borrowed ids;
 * g_free the array): every other hypothesis, less those answering a question an applied one answers
 * already (they exclude each other: `report --hypothesis kato_kito` compares the rest). */
static const char **comparable(const sg_network *base, const sg_options *opts)
{
    const char **ids = g_new0(const char *, base->n_hypotheses + 1);
    size_t n = 0;
    for (size_t h = 0; h < base->n_hypotheses; h++) {
        const sg_hypothesis *hyp = &base->hypotheses[h];
        bool settled = sg_reading_applies(&opts->reading, hyp->id);
        for (size_t k = 0; !settled && hyp->question >= 0 && k < opts->reading.n_hypotheses; k++) {
            const sg_hypothesis *applied = sg_network_find_hypothesis(base, opts->reading.hypotheses[k]);
            settled = applied && applied->question == hyp->question;
        }
        if (!settled)
            ids[n++] = hyp->id;
    }
    return ids;
}

/* Compares the hypotheses (or, with SCENARIOS, the scenarios) as `compare` does with the report's options,
 * each hypothesis not settled by the reading's (comparable). */
static sg_comparison *comparison(sg_network *base, const sg_options *opts, const report_args *a, bool scenarios)
{
    sg_compare_options co;
    sg_compare_options_init(&co);
    if (a->measure)
        co.measure = a->measure;
    if (a->top_k)
        co.top_k = a->top_k;
    co.reading = opts->reading;
    co.scenarios = scenarios;
    const char **ids = comparable(base, opts);
    co.hypotheses = ids;
    sg_diag *diag = sg_diag_new();
    sg_comparison *cmp = sg_compare(base, &co, diag);
    g_free(ids);
    return settle(diag, false) ? cmp : (sg_comparison_free(cmp), NULL);
}

/* Whether BASE's scenarios (under the report's hypotheses) can be compared: it has questions and the
 * scenarios can be made (at most SG_COMPARE_MAX_SCENARIOS); otherwise the reason is printed as a warning
 * and the report shows each hypothesis alone. */
static bool scenarios_wanted(const sg_network *base, const sg_options *opts)
{
    if (base->n_questions == 0)
        return false;
    const char **ids = comparable(base, opts);
    sg_diag *diag = sg_diag_new();
    sg_scenario_list *list = sg_scenarios_make(base, ids, opts->reading.hypotheses, opts->reading.n_hypotheses,
                                               SG_COMPARE_MAX_SCENARIOS, diag);
    g_free(ids);
    if (!list) {
        for (size_t i = 0; i < diag->count; i++)
            sg_warning("%s; the report shows each hypothesis alone, not the scenarios", diag->items[i].message);
        sg_diag_free(diag);
        return false;
    }
    sg_diag_free(diag);
    sg_scenario_list_free(list);
    return true;
}

/* The robustness of the report's measure and its forest plot (SVG, into *SVG), or NULL after an error. */
static sg_robustness *robustness(sg_network *base, const sg_options *opts, const report_args *a, char **svg)
{
    sg_robustness_options ro;
    sg_robustness_options_init(&ro);
    if (a->measure)
        ro.measure = a->measure;
    if (a->top_k)
        ro.top_k = a->top_k;
    if (a->samples_given)
        ro.samples = a->samples;
    ro.seed = a->seed;
    ro.reading = opts->reading;
    /* a hypothesis without a credence cannot be drawn: the ties alone are sampled then, and said so */
    for (size_t h = 0; h < base->n_hypotheses && ro.sample_credence; h++)
        if (isnan(base->hypotheses[h].credence) && !sg_reading_applies(&opts->reading, base->hypotheses[h].id)) {
            sg_warning("%s: hypothesis '%s' has no credence: the report's robustness samples the ties' confidences "
                       "alone",
                       base->id, base->hypotheses[h].id);
            ro.sample_credence = false;
        }
    sg_diag *diag = sg_diag_new();
    sg_robustness *res = sg_robustness_run(base, &ro, diag);
    if (!settle(diag, false) || !res) {
        sg_robustness_free(res);
        return NULL;
    }
    memory_text m;
    *svg = NULL;
    if (res->samples && memory_open(&m))
        *svg = memory_close(&m, sg_cmd_robustness_plot(res, SG_PLOT_SVG, m.stream));
    return res;
}

/* The timeline of the report's measure and its chart with the network's events (SVG, into *SVG), or NULL
 * after an error. */
static sg_timeline *timeline(sg_network *base, const sg_options *opts, const report_args *a, char **svg)
{
    sg_timeline_options to;
    sg_timeline_options_init(&to);
    if (a->measure)
        to.measure = a->measure;
    to.reading = opts->reading;
    sg_diag *diag = sg_diag_new();
    sg_timeline *t = sg_timeline_run(base, &to, diag);
    if (!settle(diag, false) || !t) {
        sg_timeline_free(t);
        return NULL;
    }
    const sg_event **events = g_new(const sg_event *, base->n_events + 1);
    for (size_t i = 0; i < base->n_events; i++)
        events[i] = &base->events[i];
    size_t n_markers = 0;
    char **labels = NULL;
    sg_line_marker *markers = sg_cmd_timeline_markers(t, events, base->n_events, &n_markers, &labels);
    if (n_markers > SG_LINE_CHART_MAX_MARKERS)
        n_markers = 0; /* too many to mark: the chart without them */
    memory_text m;
    *svg = NULL;
    if (memory_open(&m))
        *svg = memory_close(&m, sg_cmd_timeline_chart(t, false, markers, n_markers, SG_PLOT_SVG, m.stream));
    g_strfreev(labels);
    g_free(markers);
    g_free(events);
    return t;
}

/* Whether NET has a dated tie. */
static bool has_dated_tie(const sg_network *net)
{
    for (size_t e = 0; e < net->n_edges; e++)
        if (!sg_interval_is_timeless(&net->edges[e].when))
            return true;
    return false;
}

/* Everything the report holds, while it is made. */
typedef struct parts {
    sg_network *whole, *drawn;
    char *svg, *robustness_svg, *timeline_svg;
    sg_comparison *hypotheses, *scenarios;
    double **hypotheses_values, **scenarios_values;
    sg_robustness *robustness;
    sg_timeline *timeline;
} parts;

static void parts_clear(parts *p)
{
    sg_network_unref(p->whole);
    sg_network_unref(p->drawn);
    free(p->svg);
    free(p->robustness_svg);
    free(p->timeline_svg);
    sg_comparison_free(p->hypotheses);
    sg_comparison_free(p->scenarios);
    g_strfreev((char **)p->hypotheses_values);
    g_strfreev((char **)p->scenarios_values);
    sg_robustness_free(p->robustness);
    sg_timeline_free(p->timeline);
}

/* Computes every part of the report of BASE; returns false after an error (reported). */
/* The parts of a report, each a step of its progress (compute). */
enum { REPORT_STEPS = 5 };

static bool compute_parts(sg_network *base, const sg_options *opts, const report_args *a, parts *p)
{
    p->whole = sg_cmd_whole(base);
    if (!p->whole)
        return false;
    /* the whole network read as the report reads, its hypotheses already in it, over every date: a
     * hypothesis may move a tie or a node into the period the reading keeps, and each reading's presence
     * says what is there */
    sg_reading drawn_reading = opts->reading;
    drawn_reading.hypotheses = NULL;
    drawn_reading.n_hypotheses = 0;
    drawn_reading.has_at = drawn_reading.has_between = false;
    sg_diag *diag = sg_diag_new();
    p->drawn = sg_reading_network(p->whole, &drawn_reading, diag);
    if (!settle(diag, false) || !p->drawn)
        return false;
    if (!(p->svg = draw(p->drawn, p->whole, opts, a)))
        return false;
    sg_progress_add(1);
    if (!(p->hypotheses = comparison(base, opts, a, false)) ||
        !(p->hypotheses_values = table_values(p->hypotheses, opts)))
        return false;
    sg_progress_add(1);
    if (scenarios_wanted(base, opts) && (!(p->scenarios = comparison(base, opts, a, true)) ||
                                         !(p->scenarios_values = table_values(p->scenarios, opts))))
        return false;
    sg_progress_add(1);
    if (!(p->robustness = robustness(base, opts, a, &p->robustness_svg)))
        return false;
    sg_progress_add(1);
    /* the timeline's range: the network's span, else its ties' dates as the reading has them */
    const sg_network *read = p->hypotheses->readings[0].net;
    if ((!sg_interval_is_timeless(&base->span) || has_dated_tie(read)) && !(p->timeline = timeline(base, opts, a, &p->timeline_svg)))
        return false;
    sg_progress_add(1);
    return true;
}

/* Computes every part of the report as one computation for progress: the drawing, the comparisons, the
 * measures of each reading, the samples and the slices count in its steps, none reports on its own. */
static bool compute(sg_network *base, const sg_options *opts, const report_args *a, parts *p)
{
    sg_progress_begin("report", "parts", REPORT_STEPS);
    bool ok = compute_parts(base, opts, a, p);
    sg_progress_end();
    return ok;
}

/* Makes the report of the network OPTS names and writes it to OPTS->output atomically. Returns an exit
 * code. */
static int make_report(const sg_options *opts, const report_args *a)
{
    sg_network *base = sg_cmd_load_base(opts);
    if (!base)
        return SG_EXIT_DATA;
    /* opened first, so that an unwritable file stops the run before any work */
    sg_output *out = sg_output_open(opts->output);
    if (!out) {
        sg_network_unref(base);
        return SG_EXIT_DATA;
    }
    parts p = {0};
    bool ok = compute(base, opts, a, &p);
    if (ok) {
        const char *title = a->title ? a->title : *base->title ? base->title : base->id;
        sg_report_results r = {
            .drawn = p.drawn,
            .title = title,
            .svg = p.svg,
            .measure = p.hypotheses->measure,
            .hypotheses = p.hypotheses,
            .scenarios = p.scenarios,
            .measures = table_measures,
            .n_measures = G_N_ELEMENTS(table_measures) - 1,
            .hypotheses_values = p.hypotheses_values,
            .scenarios_values = p.scenarios_values,
            .comparison_json = sg_cmd_comparison_json(p.hypotheses, p.hypotheses->readings[0].net),
            .scenarios_json = p.scenarios ? sg_cmd_comparison_json(p.scenarios, p.scenarios->readings[0].net) : NULL,
            .robustness_json = sg_cmd_robustness_json(p.robustness),
            .robustness_svg = p.robustness_svg,
            .timeline_json = p.timeline ? sg_cmd_timeline_json(p.timeline) : NULL,
            .timeline_svg = p.timeline_svg,
        };
        cJSON *data = sg_cmd_report_data(&r);
        ok = data && sg_report_page_write(data, title, out->stream);
        if (!ok && !ferror(out->stream))
            sg_error("%s: cannot write the report (out of memory)", opts->output ? opts->output : "-");
        cJSON_Delete(data);
    }
    parts_clear(&p);
    sg_network_unref(base);
    if (!ok) {
        sg_output_abort(out);
        return SG_EXIT_DATA;
    }
    return sg_output_commit(out) ? SG_EXIT_OK : SG_EXIT_DATA;
}

static int cmd_report(const sg_command *self, int argc, char **argv)
{
    report_args a = {.seed = 1};
    sg_options opts;
    int status = sg_parse_options(self, argc, argv, report_options, report_option, &a, &opts);
    if (status >= 0)
        return status;
    if (!opts.output)
        return sg_usage_error(self, "a report needs its file: -o FILE.html (or -o - for standard output)");
    return make_report(&opts, &a);
}

/* The command's entry: name, arguments, counts and help (see `spygraph help report`). */
const sg_command sg_cmd_report = {
    .name = "report",
    .reads = true,
    .channels_only = false,
    .direction_help = "arrows as each relation says, measures as each measure's own, as in render and centrality",
    .run = cmd_report,
    .args = "NETWORK -o FILE.html [options]",
    .min_args = 1,
    .max_args = 1,
    .summary = "Write one self-contained HTML file to explore: diagram, readings, dates, ranks and evidence.",
    .help =
        NETWORK_HELP "\noptions:\n"
        "  -o, --output FILE      the report (required; written atomically); - is standard output\n"
        "  --measure M            the measure of the comparison, robustness and timeline (default betweenness)\n"
        "  --top K                the top list of the comparison and robustness (default 10)\n"
        "  --samples N            robustness samples (default 1000; 0: none)\n"
        "  --seed S               seed of the layout and the samples (default 1)\n"
        "  --title TEXT           the report's and the diagram's title (default: the network's)\n"
        "  -h, --help             this help\n"
        "\nThe file opens offline in any browser and makes no request of any kind (its Content-Security-Policy\n"
        "forbids them): everything is inside it. It holds the diagram of `render` (the base and every\n"
        "hypothesis on one layout; click a node or a tie for its evidence; drag to pan, wheel to zoom); a\n"
        "switcher of readings (the base, each hypothesis, each scenario of the questions) that shows only what\n"
        "the reading holds; a date slider that fades what was not there in that year; the centrality table of\n"
        "the reading (sortable, filterable); the comparison of `compare` and `compare --scenarios`; the\n"
        "robustness of `robustness` with its forest plot; the timeline chart of `timeline` when ties are\n"
        "dated; the sources with the ties citing each; and the network's title, reading, SHA-256 and\n"
        "spygraph's version. The reading options apply to every part, as in the commands that compute them;\n"
        "with --hypothesis H the comparison takes the hypotheses H does not exclude. The diagram is drawn\n"
        "over every date (--at and --between say what each reading holds). Robustness is most of the time\n"
        "on a large network (2,000 nodes: about 90 s with 1000 samples, 2 s with --samples 0).\n"
        "The same input and options give a byte-identical file.\n",
    .own_format = true,
};

/* timeline.c: a measure, its ranks and the network's figures slice by slice, every slice a reading of the network. */
#include <glib.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "analysis/centrality_internal.h"
#include "spygraph/compare.h"
#include "spygraph/progress.h"
#include "spygraph/robustness.h"
#include "spygraph/summary.h"
#include "spygraph/timeline.h"

bool sg_step_parse(const char *text, sg_step *out)
{
    static const char *const names[] = {"year", "quarter", "month"};
    for (size_t k = 0; k < G_N_ELEMENTS(names); k++)
        if (strcmp(text, names[k]) == 0) {
            *out = (sg_step)k;
            return true;
        }
    return false;
}

const char *sg_step_name(sg_step step)
{
    return step == SG_STEP_YEAR ? "year" : step == SG_STEP_QUARTER ? "quarter" : "month";
}

/* Steps are numbered from year 0: a year is one step, a quarter a quarter of one, a month a twelfth. */
static long step_of_day(long day, sg_step step)
{
    int y, m, d;
    sg_day_split(day, &y, &m, &d);
    if (step == SG_STEP_YEAR)
        return y;
    if (step == SG_STEP_QUARTER)
        return (long)y * 4 + (m - 1) / 3;
    return (long)y * 12 + (m - 1);
}

/* The first (FIRST true) or last month of step S as a plain date: the year itself for yearly steps. */
static sg_date step_date(long s, sg_step step, bool first)
{
    if (step == SG_STEP_YEAR)
        return sg_date_plain((int)s, 0, 0);
    if (step == SG_STEP_QUARTER)
        return sg_date_plain((int)(s / 4), (int)(s % 4) * 3 + (first ? 1 : 3), 0);
    return sg_date_plain((int)(s / 12), (int)(s % 12) + 1, 0);
}

static void step_label(long s, sg_step step, char *buf, size_t size)
{
    if (step == SG_STEP_YEAR)
        g_snprintf(buf, size, "%04ld", s);
    else if (step == SG_STEP_QUARTER)
        g_snprintf(buf, size, "%04ld-Q%ld", s / 4, s % 4 + 1);
    else
        g_snprintf(buf, size, "%04ld-%02ld", s / 12, s % 12 + 1);
}

sg_slice *sg_slices_make(long first, long last, sg_step step, size_t window, size_t *count)
{
    long s0 = step_of_day(first, step), s1 = step_of_day(last, step);
    size_t steps = (size_t)(s1 - s0 + 1);
    if (window < 1)
        window = 1;
    size_t n = steps > window ? steps - window + 1 : 1;
    *count = n;
    if (n > SG_TIMELINE_MAX_SLICES)
        return NULL;
    sg_slice *slices = g_new0(sg_slice, n);
    for (size_t k = 0; k < n; k++) {
        long a = s0 + (long)k, b = MIN(a + (long)window - 1, s1);
        sg_slice *sl = &slices[k];
        sl->from = step_date(a, step, true);
        sl->to = step_date(b, step, false);
        sl->first_day = sg_date_first_day(sl->from);
        sl->last_day = sg_date_last_day(sl->to);
        char x[16], y[16];
        step_label(a, step, x, sizeof x);
        step_label(b, step, y, sizeof y);
        if (a == b)
            g_strlcpy(sl->label, x, sizeof sl->label);
        else if (step == SG_STEP_YEAR)
            g_snprintf(sl->label, sizeof sl->label, "%s-%s", x, y);
        else
            g_snprintf(sl->label, sizeof sl->label, "%s..%s", x, y);
    }
    return slices;
}

void sg_timeline_options_init(sg_timeline_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->measure = "betweenness";
    sg_reading_init(&opts->reading);
    sg_centrality_options_init(&opts->centrality);
    opts->step = SG_STEP_YEAR;
    opts->window = 1;
    opts->top = 10;
    opts->seed = 1;
    opts->interval = 90;
}

const sg_timeline_cell *sg_timeline_at(const sg_timeline *t, size_t node, size_t slice)
{
    return &t->cells[node * t->n_slices + slice];
}

static sg_timeline_cell *cell_at(sg_timeline *t, size_t node, size_t slice)
{
    return &t->cells[node * t->n_slices + slice];
}

/* The days the timeline covers when the options give no range: the network's span where it is written
 * (an end with an unbounded side does not count), else the dated ties of NET (a tie's end, or its start
 * when it has no end). Returns false when nothing gives a day. */
static bool default_range(const sg_network *base, const sg_network *net, long *first, long *last)
{
    long lo = LONG_MAX, hi = LONG_MIN;
    for (size_t i = 0; i < net->n_edges; i++) {
        const sg_interval *w = &net->edges[i].when;
        if (!sg_date_is_open(w->start)) {
            lo = MIN(lo, sg_date_first_day(w->start) == LONG_MIN ? lo : sg_date_first_day(w->start));
            hi = MAX(hi, sg_date_last_day(w->start) == LONG_MAX ? hi : sg_date_last_day(w->start));
        }
        if (!sg_date_is_open(w->end)) {
            lo = MIN(lo, sg_date_first_day(w->end) == LONG_MIN ? lo : sg_date_first_day(w->end));
            hi = MAX(hi, sg_date_last_day(w->end) == LONG_MAX ? hi : sg_date_last_day(w->end));
        }
    }
    const sg_interval *span = &base->span;
    if (!sg_date_is_open(span->start) && sg_date_first_day(span->start) != LONG_MIN)
        lo = sg_date_first_day(span->start);
    if (!sg_date_is_open(span->end) && sg_date_last_day(span->end) != LONG_MAX)
        hi = sg_date_last_day(span->end);
    if (lo == LONG_MAX || hi == LONG_MIN || lo > hi)
        return false;
    *first = lo;
    *last = hi;
    return true;
}

/* The measure Freeman centralization is taken of: MEASURE itself where it is defined, else degree. */
static const char *centralization_measure(const char *measure)
{
    return strcmp(measure, "degree") == 0 || strcmp(measure, "betweenness") == 0 || strcmp(measure, "closeness") == 0
               ? measure
               : "degree";
}

/* Fills FIG for slice network SNET. VALUES: the measure's values there. Returns false on an igraph error. */
static bool slice_figures(const sg_network *snet, const sg_timeline_options *opts, const sg_centrality_options *copts,
                          const char *measure, const igraph_vector_t *values, sg_slice_figures *fig)
{
    sg_summary s;
    if (sg_summary_compute(snet, opts->reading.direction, false, &s) != IGRAPH_SUCCESS)
        return false;
    fig->nodes = s.nodes;
    fig->ties = s.ties;
    fig->components = s.components;
    fig->density = s.density;
    sg_summary_free(&s);
    fig->centralization_of = centralization_measure(measure);
    igraph_error_t status;
    if (fig->centralization_of == measure) {
        status = sg_centralization(snet, measure, copts, values, &fig->centralization);
    } else {
        igraph_vector_t degree;
        igraph_vector_init(&degree, 0);
        status = sg_centrality_one(snet, "degree", copts, &degree);
        if (status == IGRAPH_SUCCESS)
            status = sg_centralization(snet, "degree", copts, &degree, &fig->centralization);
        igraph_vector_destroy(&degree);
    }
    return status == IGRAPH_SUCCESS;
}

/* With samples: the slice's robustness intervals into its cells (nodes a sampled hypothesis adds, absent
 * from the timeline's rows, are left out). */
static bool slice_samples(sg_timeline *t, sg_network *base, const sg_reading *slice_reading,
                          const sg_timeline_options *opts, GHashTable *row_of, size_t k, sg_diag *diag)
{
    sg_robustness_options ro;
    sg_robustness_options_init(&ro);
    ro.measure = t->measure;
    ro.reading = *slice_reading;
    ro.centrality = opts->centrality;
    ro.samples = opts->samples;
    ro.seed = opts->seed;
    ro.interval = opts->interval;
    ro.top_k = opts->top;
    ro.jobs = opts->jobs;
    sg_robustness *res = sg_robustness_run(base, &ro, diag);
    if (!res)
        return false;
    for (size_t u = 0; u < res->n_nodes; u++) {
        gpointer row;
        if (!g_hash_table_lookup_extended(row_of, res->nodes[u].id, NULL, &row))
            continue;
        sg_timeline_cell *c = cell_at(t, GPOINTER_TO_SIZE(row), k);
        c->low = res->nodes[u].low;
        c->high = res->nodes[u].high;
        c->rank_low = res->nodes[u].rank_low;
        c->rank_high = res->nodes[u].rank_high;
        c->p_top = res->nodes[u].p_top;
    }
    sg_robustness_free(res);
    return true;
}

/* The reading of slice K: OPTS's reading with --between the slice. */
static sg_reading slice_reading(const sg_timeline *t, const sg_timeline_options *opts, size_t k)
{
    sg_reading r = opts->reading;
    r.has_at = false;
    r.has_between = true;
    r.from = t->slices[k].from;
    r.to = t->slices[k].to;
    return r;
}

/* A slice computed as one row of doubles (so that slices can run in worker processes, sg_parallel_rows):
 * the five figures, then per node of the rows' reading its value, rank, presence and activity. */
enum { ROW_FIGURES = 5, ROW_PER_NODE = 4 };

typedef struct slice_job {
    const sg_timeline *t;
    sg_network *base;
    const sg_timeline_options *opts;
    GHashTable *row_of;        /* node id -> index into t->net's nodes */
    int centrality_jobs;       /* worker processes inside one slice's measure */
    size_t first;              /* the slice of row 0 of the block being computed */
} slice_job;

/* Reads slice K (row ROW_IN_BLOCK of the block from JOB->first) and computes its row into OUT (ROW_FIGURES + ROW_PER_NODE x nodes doubles). Returns
 * IGRAPH_SUCCESS or an error (reported through igraph's handler; a slice's reading cannot fail where the
 * whole reading did not, and that one was read first). */
static igraph_error_t slice_row(const void *ctx, size_t row_in_block, double *out)
{
    const slice_job *job = ctx;
    size_t k = job->first + row_in_block;
    const sg_timeline *t = job->t;
    size_t rows = t->net->n_nodes;
    for (size_t u = 0; u < rows; u++) {
        double *cell = out + ROW_FIGURES + ROW_PER_NODE * u;
        cell[0] = NAN;
        cell[1] = cell[2] = cell[3] = 0.0;
    }
    sg_reading r = slice_reading(t, job->opts, k);
    sg_diag *diag = sg_diag_new();
    sg_network *snet = sg_reading_network(job->base, &r, diag);
    sg_diag_free(diag);
    if (!snet)
        IGRAPH_ERROR("a slice's reading failed", IGRAPH_FAILURE);
    sg_centrality_options copts = job->opts->centrality;
    copts.reading.direction = job->opts->reading.direction;
    copts.reading.weights = job->opts->reading.weights;
    copts.reading.tie_mask = NULL;
    copts.jobs = job->centrality_jobs;
    igraph_vector_t values;
    igraph_vector_init(&values, 0);
    sg_slice_figures fig;
    bool ok = sg_centrality_one(snet, t->measure, &copts, &values) == IGRAPH_SUCCESS &&
              slice_figures(snet, job->opts, &copts, t->measure, &values, &fig);
    if (ok) {
        out[0] = (double)fig.nodes;
        out[1] = (double)fig.ties;
        out[2] = (double)fig.components;
        out[3] = fig.density;
        out[4] = fig.centralization;
        size_t n = snet->n_nodes;
        int *ranks = g_new(int, MAX(n, 1));
        sg_competition_ranks(VECTOR(values), n, ranks);
        bool *active = g_new0(bool, MAX(n, 1));
        for (size_t i = 0; i < snet->n_edges; i++)
            active[snet->edges[i].source] = active[snet->edges[i].target] = true;
        for (size_t i = 0; i < n; i++) {
            gpointer row;
            if (!g_hash_table_lookup_extended(job->row_of, snet->nodes[i].id, NULL, &row))
                continue; /* cannot happen: a slice reads a subset of the rows' reading */
            double *cell = out + ROW_FIGURES + ROW_PER_NODE * GPOINTER_TO_SIZE(row);
            cell[0] = VECTOR(values)[i];
            cell[1] = ranks[i];
            cell[2] = 1.0;
            cell[3] = active[i];
        }
        g_free(ranks);
        g_free(active);
    }
    igraph_vector_destroy(&values);
    sg_network_unref(snet);
    sg_progress_add(1);
    return ok ? IGRAPH_SUCCESS : IGRAPH_FAILURE;
}

/* Slice K's row ROW into the result. */
static void unpack_row(sg_timeline *t, size_t k, const double *row)
{
    sg_slice_figures *fig = &t->figures[k];
    fig->nodes = (size_t)row[0];
    fig->ties = (size_t)row[1];
    fig->components = (size_t)row[2];
    fig->density = row[3];
    fig->centralization = row[4];
    fig->centralization_of = centralization_measure(t->measure);
    for (size_t u = 0; u < t->net->n_nodes; u++) {
        const double *cell = row + ROW_FIGURES + ROW_PER_NODE * u;
        sg_timeline_cell *c = cell_at(t, u, k);
        c->value = cell[0];
        c->rank = (int)cell[1];
        c->present = cell[2] != 0.0;
        c->active = cell[3] != 0.0;
    }
}

/* Computes every slice: in worker processes, a block of slices each, when there is enough work and no
 * sampling (which runs its own workers); else one by one here, each measure with the --jobs asked.
 * Returns false after reporting. */
static bool run_slices(sg_timeline *t, sg_network *base, const sg_timeline_options *opts, GHashTable *row_of,
                       sg_diag *diag)
{
    size_t n = t->net->n_nodes, width = ROW_FIGURES + ROW_PER_NODE * n;
    double work = (double)t->n_slices * (double)n * (double)(n + t->net->n_edges);
    int parts = opts->samples || work < 1e6 ? 1 : (int)MIN((size_t)sg_parallel_jobs(opts->jobs), t->n_slices);
    /* Rows are computed in blocks of at most a million doubles (8 MB). */
    size_t block = MAX((size_t)1, MIN(t->n_slices, (size_t)1000000 / MAX(width, 1)));
    double *rows = g_new(double, block * width);
    slice_job job = {t, base, opts, row_of, parts > 1 ? 1 : opts->centrality.jobs, 0};
    bool ok = true;
    sg_progress_begin("timeline", "slices", t->n_slices); /* slice_row counts each slice */
    for (size_t first = 0; ok && first < t->n_slices; first += block) {
        size_t count = MIN(block, t->n_slices - first);
        job.first = first;
        ok = sg_parallel_rows(slice_row, &job, count, width, parts, rows) == IGRAPH_SUCCESS;
        for (size_t k = 0; ok && k < count; k++)
            unpack_row(t, first + k, rows + k * width);
    }
    sg_progress_end();
    g_free(rows);
    if (!ok || !opts->samples)
        return ok;
    sg_progress_begin("timeline samples", "slices", t->n_slices);
    for (size_t k = 0; ok && k < t->n_slices; k++) {
        sg_reading r = slice_reading(t, opts, k);
        ok = slice_samples(t, base, &r, opts, row_of, k, diag);
        sg_progress_add(1);
    }
    sg_progress_end();
    return ok;
}

/* Per node: the best rank where active with a value above 0 (INT_MAX if none), the slices active in, and
 * the first of them. */
typedef struct standing {
    int best;
    size_t active;
    size_t first;
} standing;

static gint compare_standing(gconstpointer a, gconstpointer b, gpointer data)
{
    const standing *s = data;
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    if (s[i].best != s[j].best)
        return s[i].best < s[j].best ? -1 : 1;
    if (s[i].active != s[j].active)
        return s[i].active > s[j].active ? -1 : 1;
    if (s[i].first != s[j].first)
        return s[i].first < s[j].first ? -1 : 1;
    return i < j ? -1 : i > j;
}

static void order_rows(sg_timeline *t)
{
    size_t n = t->net->n_nodes;
    standing *s = g_new(standing, MAX(n, 1));
    t->order = g_new(size_t, MAX(n, 1));
    for (size_t u = 0; u < n; u++) {
        s[u] = (standing){INT_MAX, 0, SIZE_MAX};
        for (size_t k = 0; k < t->n_slices; k++) {
            const sg_timeline_cell *c = sg_timeline_at(t, u, k);
            if (!c->active)
                continue;
            s[u].active++;
            s[u].first = MIN(s[u].first, k);
            if (c->rank > 0 && c->value > 0)
                s[u].best = MIN(s[u].best, c->rank);
        }
        t->order[u] = u;
    }
    g_qsort_with_data(t->order, (gint)n, sizeof *t->order, compare_standing, s);
    g_free(s);
    t->shown = MIN(t->top, n);
}

sg_timeline *sg_timeline_run(sg_network *base, const sg_timeline_options *opts, sg_diag *diag)
{
    const char *measure = opts->measure ? opts->measure : "betweenness";
    if (!sg_centrality_measure_known(measure)) {
        sg_diag_error(diag, NULL, "unknown measure '%s'", measure);
        return NULL;
    }
    sg_reading whole = opts->reading;
    whole.has_at = whole.has_between = false;
    sg_network *net = sg_reading_network(base, &whole, diag);
    if (!net)
        return NULL;
    long first = 0, last = 0;
    bool have_default = default_range(base, net, &first, &last);
    if (opts->has_from)
        first = sg_date_first_day(opts->from);
    if (opts->has_to)
        last = sg_date_last_day(opts->to);
    if (!have_default && !(opts->has_from && opts->has_to)) {
        sg_diag_error(diag, NULL, "%s has no span and no dated tie to take the timeline's range from: give --from and --to",
                      base->id);
        sg_network_unref(net);
        return NULL;
    }
    if (first == LONG_MIN || last == LONG_MAX || first > last) {
        int y0 = 0, m0 = 0, d0 = 0, y1 = 0, m1 = 0, d1 = 0;
        if (first != LONG_MIN)
            sg_day_split(first, &y0, &m0, &d0);
        if (last != LONG_MAX)
            sg_day_split(last, &y1, &m1, &d1);
        char *from = first == LONG_MIN ? g_strdup("an open start") : g_strdup_printf("%04d-%02d-%02d", y0, m0, d0);
        char *to = last == LONG_MAX ? g_strdup("an open end") : g_strdup_printf("%04d-%02d-%02d", y1, m1, d1);
        sg_diag_error(diag, NULL, "the timeline's range, %s to %s (%s), is %s: give --from and --to as dates with both "
                      "ends known, the first before the last",
                      from, to, opts->has_from || opts->has_to ? "with --from or --to" : "from the network's dates",
                      first > last ? "empty" : "unbounded");
        g_free(from);
        g_free(to);
        sg_network_unref(net);
        return NULL;
    }
    size_t n_slices;
    sg_slice *slices = sg_slices_make(first, last, opts->step, opts->window, &n_slices);
    if (!slices) {
        sg_diag_error(diag, NULL, "the range makes %zu slices of a %s, more than the %d a timeline takes: take a longer "
                      "--step or a shorter range (--from, --to)",
                      n_slices, sg_step_name(opts->step), SG_TIMELINE_MAX_SLICES);
        sg_network_unref(net);
        return NULL;
    }
    sg_timeline *t = g_new0(sg_timeline, 1);
    t->net = net;
    t->measure = measure;
    sg_centrality_options how = opts->centrality;
    how.reading.direction = opts->reading.direction;
    t->directed = sg_centrality_directed(measure, &how);
    t->step = opts->step;
    t->window = MAX(opts->window, 1);
    t->samples = opts->samples;
    t->seed = opts->seed;
    t->interval = opts->interval;
    t->top = opts->top;
    t->slices = slices;
    t->n_slices = n_slices;
    t->figures = g_new0(sg_slice_figures, n_slices);
    t->cells = g_new(sg_timeline_cell, MAX(net->n_nodes * n_slices, 1));
    for (size_t i = 0; i < net->n_nodes * n_slices; i++)
        t->cells[i] = (sg_timeline_cell){false, false, false, false, NAN, 0, NAN, NAN, 0, 0, NAN};
    GHashTable *row_of = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t u = 0; u < net->n_nodes; u++)
        g_hash_table_insert(row_of, (gpointer)net->nodes[u].id, GSIZE_TO_POINTER(u));
    bool ok = run_slices(t, base, opts, row_of, diag);
    g_hash_table_destroy(row_of);
    if (!ok) {
        sg_timeline_free(t);
        return NULL;
    }
    for (size_t u = 0; u < net->n_nodes; u++)
        for (size_t k = 1; k < n_slices; k++) {
            sg_timeline_cell *c = cell_at(t, u, k);
            bool before = sg_timeline_at(t, u, k - 1)->active;
            c->entered = c->active && !before;
            c->left = !c->active && before;
        }
    order_rows(t);
    return t;
}

void sg_timeline_free(sg_timeline *t)
{
    if (!t)
        return;
    sg_network_unref(t->net);
    g_free(t->slices);
    g_free(t->figures);
    g_free(t->cells);
    g_free(t->order);
    g_free(t);
}

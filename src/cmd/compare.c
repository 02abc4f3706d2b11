/* compare.c: `spygraph compare`: the base network and its hypotheses side by side, with conclusions. */
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "spygraph/robustness.h"
#include "help.h"
#include "spygraph/centrality.h"
#include "spygraph/compare.h"
#include "spygraph/compare_render.h"
#include "results.h"

enum {
    OPT_HYPOTHESES = SG_OPT_FIRST_COMMAND_OPTION,
    OPT_MEASURE,
    OPT_TOP,
    OPT_PATH,
    OPT_RENDER,
    OPT_SCENARIOS,
    OPT_SAMPLES,
    OPT_SEED
};

/* Past this many readings the text output summarises ranks and agreement instead of a column per reading. */
#define WIDE_READINGS 8

/* What the command's own options set. */
typedef struct compare_args {
    int argc;
    char **argv;
    const char *hypotheses; /* comma-separated ids, or NULL */
    const char *measure;
    size_t top_k;
    const char *path_from, *path_to;
    const char *render;     /* SVG file for the comparison picture, or NULL */
    bool scenarios;         /* --scenarios */
    size_t samples;         /* --samples: each reading's P(top K); 0: none */
    uint64_t seed;          /* --seed */
} compare_args;

static int compare_option(const sg_command *cmd, int opt, const char *arg, void *ctx)
{
    compare_args *a = ctx;
    switch (opt) {
    case OPT_HYPOTHESES:
        a->hypotheses = arg;
        return 0;
    case OPT_MEASURE:
        a->measure = arg;
        return 0;
    case OPT_TOP:
    {
        long k;
        if (sg_parse_whole(cmd, "--top", arg, 1, 100000, &k))
            return SG_EXIT_USAGE;
        a->top_k = (size_t)k;
        return 0;
    }
    case OPT_PATH:
        /* --path takes two values: FROM is the option's argument, TO the next word. */
        if (optind >= a->argc || a->argv[optind][0] == '-')
            return sg_usage_error(cmd, "--path needs two nodes: --path FROM TO");
        a->path_from = arg;
        a->path_to = a->argv[optind++];
        return 0;
    case OPT_SCENARIOS:
        a->scenarios = true;
        return 0;
    case OPT_SAMPLES:
    case OPT_SEED:
    {
        long v;
        if (opt == OPT_SAMPLES ? sg_parse_whole(cmd, "--samples", arg, 1, SG_MAX_SAMPLES, &v)
                               : sg_parse_whole(cmd, "--seed", arg, 0, LONG_MAX, &v))
            return SG_EXIT_USAGE;
        if (opt == OPT_SAMPLES)
            a->samples = (size_t)v;
        else
            a->seed = (uint64_t)v;
        return 0;
    }
    case OPT_RENDER:
        if (!sg_compare_render_format(arg))
            return sg_usage_error(cmd, "--render needs a .svg, .png, .pdf or .dot file name, not '%s'", arg);
        a->render = arg;
        return 0;
    default:
        return sg_usage_error(cmd, "unexpected option");
    }
}

/* ---- table output ---- */

static const char *tie_arrow(const sg_compare_change *c)
{
    const sg_relation *r = c->relation ? sg_relation_find(c->relation) : NULL;
    return r && !r->directed ? "-" : "->";
}

static char *joined(const char *const *list, const char *sep)
{
    return g_strjoinv(sep, (char **)list);
}

static char *change_subject(const sg_compare_change *c)
{
    if (c->node)
        return g_strdup(c->node);
    if (c->op == SG_PATCH_MERGE_NODES)
        return g_strdup_printf("%s = %s", c->source, c->target);
    return g_strdup_printf("%s %s %s %s", c->source, tie_arrow(c), c->target, c->relation ? c->relation : "(any)");
}

static char *origin_text(const sg_origin *o)
{
    return o->file ? g_strdup_printf("%s:%d", o->file, o->line) : g_strdup("");
}

static sg_table *readings_table(const sg_comparison *cmp)
{
    static const char *const names[] = {"reading", "label", "citation", "sources"};
    sg_table *t = sg_table_new(4, names);
    for (size_t r = 0; r < cmp->n_readings; r++) {
        const sg_compare_reading *x = &cmp->readings[r];
        char *sources = joined(x->sources, ";");
        sg_table_add_row(t);
        sg_table_set_text(t, 0, x->id);
        sg_table_set_text(t, 1, x->label);
        sg_table_set_text(t, 2, x->citation);
        sg_table_set_text(t, 3, sources);
        g_free(sources);
    }
    return t;
}

/* True when every reading has a credence (scenarios made of hypotheses that all carry one). */
static bool credences_known(const sg_comparison *cmp)
{
    for (size_t r = 0; r < cmp->n_readings; r++)
        if (isnan(cmp->readings[r].credence))
            return false;
    return cmp->scenarios;
}

/* The hypotheses the scenarios are made of: the question each answers, its credence, label and citation. */
static sg_table *hypotheses_table(const sg_comparison *cmp, const sg_network *net)
{
    static const char *const names[] = {"hypothesis", "question", "credence", "label"};
    sg_table *t = sg_table_new(4, names);
    sg_table_align(t, 2, SG_ALIGN_RIGHT);
    for (size_t r = 0; r < cmp->n_readings; r++) {
        const sg_compare_reading *x = &cmp->readings[r];
        if (sg_list_length(x->hypotheses) != 1)
            continue;
        const sg_hypothesis *h = sg_network_find_hypothesis(net, x->hypotheses[0]);
        sg_table_add_row(t);
        sg_table_set_text(t, 0, h->id);
        sg_table_set_text(t, 1, h->question >= 0 ? net->questions[h->question].id : "(independent)");
        sg_table_set_number(t, 2, h->credence, 3);
        sg_table_set_text(t, 3, h->label);
    }
    return t;
}

/* The scenarios: id and credence. */
static sg_table *scenarios_table(const sg_comparison *cmp)
{
    static const char *const names[] = {"scenario", "credence"};
    sg_table *t = sg_table_new(2, names);
    sg_table_align(t, 1, SG_ALIGN_RIGHT);
    for (size_t r = 0; r < cmp->n_readings; r++) {
        sg_table_add_row(t);
        sg_table_set_text(t, 0, cmp->readings[r].id);
        sg_table_set_number(t, 1, cmp->readings[r].credence, 3);
    }
    return t;
}

static sg_table *changes_table(const sg_comparison *cmp)
{
    static const char *const names[] = {"hypothesis", "change", "tie or node", "detail", "sources", "line"};
    sg_table *t = sg_table_new(6, names);
    for (size_t r = 1; r < cmp->n_readings; r++)
        for (size_t i = 0; i < cmp->readings[r].n_changes; i++) {
            const sg_compare_change *c = &cmp->readings[r].changes[i];
            char *subject = change_subject(c), *sources = joined(c->sources, ";"), *line = origin_text(&c->origin);
            sg_table_add_row(t);
            sg_table_set_text(t, 0, cmp->readings[r].id);
            sg_table_set_text(t, 1, sg_patch_op_name(c->op));
            sg_table_set_text(t, 2, subject);
            sg_table_set_text(t, 3, c->detail);
            sg_table_set_text(t, 4, sources);
            sg_table_set_text(t, 5, line);
            g_free(subject);
            g_free(sources);
            g_free(line);
        }
    return t;
}

/* A table with one column per reading after FIRST (the row-name column). */
static sg_table *per_reading_table(const sg_comparison *cmp, const char *first)
{
    const char **names = g_new(const char *, cmp->n_readings + 1);
    names[0] = first;
    for (size_t r = 0; r < cmp->n_readings; r++)
        names[r + 1] = cmp->readings[r].id;
    sg_table *t = sg_table_new(cmp->n_readings + 1, names);
    for (size_t r = 0; r < cmp->n_readings; r++)
        sg_table_align(t, r + 1, SG_ALIGN_RIGHT);
    g_free(names);
    return t;
}

static void figure_row(sg_table *t, const sg_comparison *cmp, const char *name, size_t offset, bool count)
{
    sg_table_add_row(t);
    sg_table_set_text(t, 0, name);
    for (size_t r = 0; r < cmp->n_readings; r++) {
        const char *f = (const char *)&cmp->readings[r].figures + offset;
        if (count)
            sg_table_set_int(t, r + 1, (long long)*(const size_t *)f);
        else
            sg_table_set_number(t, r + 1, *(const double *)f, 4);
    }
}

static sg_table *figures_table(const sg_comparison *cmp)
{
    sg_table *t = per_reading_table(cmp, "figure");
    figure_row(t, cmp, "nodes", offsetof(sg_compare_figures, nodes), true);
    figure_row(t, cmp, "ties", offsetof(sg_compare_figures, ties), true);
    figure_row(t, cmp, "links", offsetof(sg_compare_figures, links), true);
    figure_row(t, cmp, "components", offsetof(sg_compare_figures, components), true);
    figure_row(t, cmp, "density", offsetof(sg_compare_figures, density), false);
    figure_row(t, cmp, "diameter", offsetof(sg_compare_figures, diameter), false);
    figure_row(t, cmp, "mean_distance", offsetof(sg_compare_figures, mean_distance), false);
    char *name = g_strdup_printf("centralization (%s)", cmp->centralization_measure);
    figure_row(t, cmp, name, offsetof(sg_compare_figures, centralization), false);
    g_free(name);
    return t;
}

/* "3", "3 (+2)", "3 (new)" or "-" for node I under reading R. */
static char *rank_cell(const sg_comparison *cmp, size_t r, size_t i)
{
    const sg_compare_reading *x = &cmp->readings[r];
    if (x->rank[i] == 0)
        return g_strdup("-");
    if (r == 0)
        return g_strdup_printf("%d", x->rank[i]);
    if (!x->has_change[i])
        return g_strdup_printf("%d (new)", x->rank[i]);
    if (x->rank_change[i] == 0)
        return g_strdup_printf("%d", x->rank[i]);
    return g_strdup_printf("%d (%+d)", x->rank[i], x->rank_change[i]);
}

static bool worth_showing(const sg_comparison *cmp, size_t i)
{
    if (cmp->max_change[i] != 0)
        return true;
    for (size_t r = 0; r < cmp->n_readings; r++)
        if (cmp->readings[r].in_top[i] || cmp->readings[r].rank[i] == 0 || !cmp->readings[r].has_change[i])
            return true;
    return false;
}

/* With --samples and many readings: each node's P(top K) in the base and its lowest and highest over the
 * readings, for the nodes some reading may put in the top. */
static sg_table *p_top_summary_table(const sg_comparison *cmp, size_t *hidden)
{
    static const char *const names[] = {"node", "base", "lowest", "highest"};
    sg_table *t = sg_table_new(4, names);
    for (size_t c = 1; c < 4; c++)
        sg_table_align(t, c, SG_ALIGN_RIGHT);
    *hidden = 0;
    for (size_t k = 0; k < cmp->n_nodes; k++) {
        size_t i = cmp->order[k];
        double lo = NAN, hi = NAN;
        for (size_t r = 0; r < cmp->n_readings; r++) {
            double p = cmp->readings[r].p_top[i];
            lo = isnan(lo) || p < lo ? p : lo;
            hi = isnan(hi) || p > hi ? p : hi;
        }
        if (!(hi > 0)) {
            (*hidden)++;
            continue;
        }
        sg_table_add_row(t);
        sg_table_set_text(t, 0, cmp->node_ids[i]);
        double cells[] = {cmp->readings[0].p_top[i], lo, hi};
        for (size_t c = 0; c < 3; c++) {
            char *cell = isnan(cells[c]) ? g_strdup("absent") : g_strdup_printf("%.1f%%", 100 * cells[c]);
            sg_table_set_text(t, c + 1, cell);
            g_free(cell);
        }
    }
    return t;
}

/* With --samples: each node's P(top K) under each reading, for the nodes some reading may put in the top. */
static sg_table *p_top_table(const sg_comparison *cmp, size_t *hidden)
{
    if (cmp->n_readings > WIDE_READINGS)
        return p_top_summary_table(cmp, hidden);
    sg_table *t = per_reading_table(cmp, "node");
    *hidden = 0;
    for (size_t k = 0; k < cmp->n_nodes; k++) {
        size_t i = cmp->order[k];
        bool some = false;
        for (size_t r = 0; r < cmp->n_readings; r++)
            some = some || cmp->readings[r].p_top[i] > 0;
        if (!some) {
            (*hidden)++;
            continue;
        }
        sg_table_add_row(t);
        sg_table_set_text(t, 0, cmp->node_ids[i]);
        for (size_t r = 0; r < cmp->n_readings; r++) {
            double p = cmp->readings[r].p_top[i];
            char *cell = isnan(p) ? g_strdup("absent") : g_strdup_printf("%.1f%%", 100 * p);
            sg_table_set_text(t, r + 1, cell);
            g_free(cell);
        }
    }
    return t;
}

static sg_table *ranks_table(const sg_comparison *cmp, size_t *hidden)
{
    sg_table *t = per_reading_table(cmp, "node");
    *hidden = 0;
    for (size_t k = 0; k < cmp->n_nodes; k++) {
        size_t i = cmp->order[k];
        if (!worth_showing(cmp, i)) {
            (*hidden)++;
            continue;
        }
        sg_table_add_row(t);
        sg_table_set_text(t, 0, cmp->node_ids[i]);
        for (size_t r = 0; r < cmp->n_readings; r++) {
            char *cell = rank_cell(cmp, r, i);
            sg_table_set_text(t, r + 1, cell);
            g_free(cell);
        }
    }
    return t;
}

typedef enum agreement_kind { AGREE_TAU, AGREE_RHO, AGREE_TOP } agreement_kind;

static const sg_compare_pair *find_pair(const sg_comparison *cmp, size_t a, size_t b)
{
    for (size_t p = 0; p < cmp->n_pairs; p++)
        if ((cmp->pairs[p].a == a && cmp->pairs[p].b == b) || (cmp->pairs[p].a == b && cmp->pairs[p].b == a))
            return &cmp->pairs[p];
    return NULL;
}

static size_t top_size(const sg_comparison *cmp, size_t r)
{
    size_t n = 0;
    for (size_t i = 0; i < cmp->n_nodes; i++)
        n += cmp->readings[r].in_top[i];
    return n;
}

static sg_table *agreement_table(const sg_comparison *cmp, agreement_kind kind)
{
    sg_table *t = per_reading_table(cmp, "");
    for (size_t a = 0; a < cmp->n_readings; a++) {
        sg_table_add_row(t);
        sg_table_set_text(t, 0, cmp->readings[a].id);
        for (size_t b = 0; b < cmp->n_readings; b++) {
            const sg_compare_pair *p = find_pair(cmp, a, b);
            if (kind == AGREE_TOP)
                sg_table_set_int(t, b + 1, (long long)(p ? p->top_overlap : top_size(cmp, a)));
            else if (!p)
                sg_table_set_number(t, b + 1, 1, 3);
            else
                sg_table_set_number(t, b + 1, kind == AGREE_TAU ? p->tau_b : p->rho, 3);
        }
    }
    return t;
}

static char *top_under(const sg_comparison *cmp, size_t i)
{
    if (cmp->n_readings > WIDE_READINGS) {
        size_t n = 0;
        for (size_t r = 0; r < cmp->n_readings; r++)
            n += cmp->readings[r].in_top[i];
        return g_strdup_printf("%zu of the %zu", n, cmp->n_readings);
    }
    GString *s = g_string_new(NULL);
    for (size_t r = 0; r < cmp->n_readings; r++)
        if (cmp->readings[r].in_top[i])
            g_string_append_printf(s, "%s%s", s->len ? ", " : "", cmp->readings[r].id);
    return g_string_free(s, FALSE);
}

static sg_table *conclusions_table(const sg_comparison *cmp)
{
    static const char *const names[] = {"node", "label", "verdict", "in the top list under"};
    sg_table *t = sg_table_new(4, names);
    for (size_t k = 0; k < cmp->n_robust + cmp->n_contested; k++) {
        bool robust = k < cmp->n_robust;
        size_t i = robust ? cmp->robust[k] : cmp->contested[k - cmp->n_robust];
        char *under = robust ? g_strdup(cmp->scenarios ? "every scenario" : "every reading") : top_under(cmp, i);
        sg_table_add_row(t);
        sg_table_set_text(t, 0, cmp->node_ids[i]);
        sg_table_set_text(t, 1, cmp->node_labels[i]);
        sg_table_set_text(t, 2, robust ? "robust" : "contested");
        sg_table_set_text(t, 3, under);
        g_free(under);
    }
    return t;
}

static char *route_text(const sg_comparison *cmp, const sg_compare_reading *r)
{
    if (!r->path_ends_present)
        return g_strdup("(an end is not in this reading)");
    if (r->path_nodes == 0)
        return g_strdup("(no route)");
    GString *s = g_string_new(NULL);
    for (size_t k = 0; k < r->path_nodes; k++)
        g_string_append_printf(s, "%s%s", k ? " - " : "", cmp->node_ids[r->path[k]]);
    return g_string_free(s, FALSE);
}

static sg_table *path_table(const sg_comparison *cmp)
{
    static const char *const names[] = {"reading", "length", "route"};
    sg_table *t = sg_table_new(3, names);
    sg_table_align(t, 1, SG_ALIGN_RIGHT);
    for (size_t r = 0; r < cmp->n_readings; r++) {
        const sg_compare_reading *x = &cmp->readings[r];
        char *route = route_text(cmp, x);
        sg_table_add_row(t);
        sg_table_set_text(t, 0, x->id);
        if (x->path_nodes)
            sg_table_set_int(t, 1, (long long)x->path_nodes - 1);
        sg_table_set_text(t, 2, route);
        g_free(route);
    }
    return t;
}

static void write_section(FILE *out, const char *heading, sg_table *t)
{
    fprintf(out, "\n%s\n\n", heading);
    if (sg_table_rows(t))
        sg_table_write_text(t, out);
    else
        fputs("(none)\n", out);
    sg_table_free(t);
}

/* Union nodes by their rank in the base (absent last), then id. */
static gint compare_base_rank(gconstpointer x, gconstpointer y, gpointer data)
{
    const sg_comparison *cmp = data;
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    int ra = cmp->readings[0].rank[a], rb = cmp->readings[0].rank[b];
    if (ra != rb)
        return ra == 0 ? 1 : rb == 0 ? -1 : (ra < rb ? -1 : 1);
    return strcmp(cmp->node_ids[a], cmp->node_ids[b]);
}

/* With many readings: each node's rank in the base, its best and worst rank, and in how many readings (and
 * with what credence, for scenarios) it is in the top list. */
static sg_table *rank_summary_table(const sg_comparison *cmp, bool credences, size_t *hidden)
{
    static const char *const names[] = {"node", "base", "best", "worst", "in top", "credence in top"};
    sg_table *t = sg_table_new(credences ? 6 : 5, names);
    for (size_t c = 1; c < (credences ? 6u : 5u); c++)
        sg_table_align(t, c, SG_ALIGN_RIGHT);
    *hidden = 0;
    size_t *by_base = g_new(size_t, cmp->n_nodes + 1);
    for (size_t k = 0; k < cmp->n_nodes; k++)
        by_base[k] = k;
    g_qsort_with_data(by_base, (gint)cmp->n_nodes, sizeof *by_base, compare_base_rank, (gpointer)cmp);
    for (size_t k = 0; k < cmp->n_nodes; k++) {
        size_t i = by_base[k];
        bool in_some_top = false;
        for (size_t r = 0; r < cmp->n_readings; r++)
            in_some_top = in_some_top || cmp->readings[r].in_top[i];
        if (!in_some_top) {
            (*hidden)++;
            continue;
        }
        int best = 0, worst = 0;
        size_t tops = 0;
        double credence = 0;
        for (size_t r = 0; r < cmp->n_readings; r++) {
            const sg_compare_reading *x = &cmp->readings[r];
            if (x->rank[i] && (!best || x->rank[i] < best))
                best = x->rank[i];
            if (x->rank[i] > worst)
                worst = x->rank[i];
            tops += x->in_top[i];
            credence += x->in_top[i] ? x->credence : 0;
        }
        char *base = rank_cell(cmp, 0, i), *share = g_strdup_printf("%zu of %zu", tops, cmp->n_readings);
        sg_table_add_row(t);
        sg_table_set_text(t, 0, cmp->node_ids[i]);
        sg_table_set_text(t, 1, base);
        if (best)
            sg_table_set_int(t, 2, best);
        if (worst)
            sg_table_set_int(t, 3, worst);
        sg_table_set_text(t, 4, share);
        if (credences)
            sg_table_set_number(t, 5, credence, 3);
        g_free(base);
        g_free(share);
    }
    g_free(by_base);
    return t;
}

/* With many readings: the agreement of each reading with the base. */
static sg_table *agreement_with_base_table(const sg_comparison *cmp)
{
    static const char *const names[] = {"reading", "tau-b", "rho", "top shared"};
    sg_table *t = sg_table_new(4, names);
    for (size_t c = 1; c < 4; c++)
        sg_table_align(t, c, SG_ALIGN_RIGHT);
    for (size_t r = 1; r < cmp->n_readings; r++) {
        const sg_compare_pair *p = find_pair(cmp, 0, r);
        sg_table_add_row(t);
        sg_table_set_text(t, 0, cmp->readings[r].id);
        sg_table_set_number(t, 1, p->tau_b, 3);
        sg_table_set_number(t, 2, p->rho, 3);
        sg_table_set_int(t, 3, (long long)p->top_overlap);
    }
    return t;
}

static void write_text(const sg_comparison *cmp, const sg_network *net, FILE *out)
{
    bool scenarios = cmp->scenarios;
    bool wide = cmp->n_readings > WIDE_READINGS;
    const char *what = scenarios ? "scenarios" : "readings";
    if (scenarios)
        sg_term_line(out, "%s: %zu scenarios compared by %s, ties read %s, top %zu", net->id, cmp->n_readings,
                cmp->measure, cmp->directed ? "directed" : "undirected", cmp->top_k);
    else
        sg_term_line(out, "%s: the base and %zu hypotheses compared by %s, ties read %s, top %zu", net->id,
                cmp->n_readings - 1, cmp->measure, cmp->directed ? "directed" : "undirected", cmp->top_k);
    if (scenarios) {
        write_section(out, "Hypotheses", hypotheses_table(cmp, net));
        write_section(out, "Scenarios (one answer or none per question, any of the independent hypotheses; "
                      "credence: the product of the choices' credences)", scenarios_table(cmp));
        if (!credences_known(cmp))
            fprintf(out, "(some hypotheses carry no credence, so some scenarios have none: see `info` and "
                         "networks/README.md, \"credence\")\n");
    } else {
        write_section(out, "Readings", readings_table(cmp));
    }
    write_section(out, "What each hypothesis changes", changes_table(cmp));
    if (!wide)
        write_section(out, "Network figures (ties as listed; links: pairs of nodes a tie joins)", figures_table(cmp));
    size_t hidden = 0;
    char *heading;
    if (wide) {
        heading = g_strdup_printf("Ranks by %s over the %zu %s (1 = highest; in the top %zu: how many %s, and "
                                  "their summed credence)", cmp->measure, cmp->n_readings, what, cmp->top_k, what);
        write_section(out, heading, rank_summary_table(cmp, credences_known(cmp), &hidden));
    } else {
        heading = g_strdup_printf("Ranks by %s (1 = highest; in brackets the places gained (+) or lost (-) "
                                  "against the base; most hypothesis-dependent first)", cmp->measure);
        write_section(out, heading, ranks_table(cmp, &hidden));
    }
    g_free(heading);
    if (hidden && wide)
        fprintf(out, "(%zu more node%s, in no top %zu)\n", hidden, hidden == 1 ? "" : "s", cmp->top_k);
    else if (hidden)
        fprintf(out, "(%zu more node%s: the same rank under every reading, outside every top %zu)\n", hidden,
                hidden == 1 ? "" : "s", cmp->top_k);
    if (cmp->samples) {
        heading = g_strdup_printf("P(top %zu): the share of %zu samples of each reading's ties (each kept with its "
                                  "confidence; seed %llu) with the node in the top %zu%s. The conclusions below "
                                  "count readings as recorded; these shares weigh their ties' confidences",
                                  cmp->top_k, cmp->samples, (unsigned long long)cmp->seed, cmp->top_k,
                                  wide ? " (the base, and the lowest and highest over the readings)" : "");
        write_section(out, heading, p_top_table(cmp, &hidden));
        g_free(heading);
        if (hidden)
            fprintf(out, "(%zu more node%s, in no sampled top %zu)\n", hidden, hidden == 1 ? "" : "s", cmp->top_k);
    }
    if (wide) {
        write_section(out, "Agreement of each reading's ranking with the base's (Kendall's tau-b, Spearman's rho, "
                      "nodes shared by the two top lists)", agreement_with_base_table(cmp));
    } else {
        write_section(out, "Agreement of the rankings: Kendall's tau-b", agreement_table(cmp, AGREE_TAU));
        write_section(out, "Agreement of the rankings: Spearman's rho", agreement_table(cmp, AGREE_RHO));
        heading = g_strdup_printf("Agreement of the rankings: nodes shared by the two top-%zu lists", cmp->top_k);
        write_section(out, heading, agreement_table(cmp, AGREE_TOP));
        g_free(heading);
    }
    heading = g_strdup_printf("Conclusions: robust = in the top %zu under every %s; contested = under some",
                              cmp->top_k, scenarios ? "scenario" : "reading");
    write_section(out, heading, conclusions_table(cmp));
    g_free(heading);
    if (cmp->path_from) {
        heading = g_strdup_printf("Shortest route from %s to %s (length in ties)", cmp->path_from, cmp->path_to);
        write_section(out, heading, path_table(cmp));
        g_free(heading);
    }
}

/* ---- CSV: the per-node table ---- */

static sg_table *nodes_table(const sg_comparison *cmp)
{
    size_t per = cmp->samples ? 4 : 3; /* value, rank, change and, with samples, p_top per reading */
    size_t n_columns = 3 + per * cmp->n_readings;
    char **names = g_new0(char *, n_columns + 1);
    names[0] = g_strdup("id");
    names[1] = g_strdup("label");
    names[2] = g_strdup("max_rank_change");
    for (size_t r = 0; r < cmp->n_readings; r++) {
        names[3 + per * r] = g_strdup_printf("value.%s", cmp->readings[r].id);
        names[4 + per * r] = g_strdup_printf("rank.%s", cmp->readings[r].id);
        names[5 + per * r] = g_strdup_printf("change.%s", cmp->readings[r].id);
        if (cmp->samples)
            names[6 + per * r] = g_strdup_printf("p_top.%s", cmp->readings[r].id);
    }
    sg_table *t = sg_table_new(n_columns, (const char *const *)names);
    g_strfreev(names);
    for (size_t k = 0; k < cmp->n_nodes; k++) {
        size_t i = cmp->order[k];
        sg_table_add_row(t);
        sg_table_set_text(t, 0, cmp->node_ids[i]);
        sg_table_set_text(t, 1, cmp->node_labels[i]);
        sg_table_set_int(t, 2, cmp->max_change[i]);
        for (size_t r = 0; r < cmp->n_readings; r++) {
            const sg_compare_reading *x = &cmp->readings[r];
            sg_table_set_number(t, 3 + per * r, x->value[i], 6);
            if (x->rank[i])
                sg_table_set_int(t, 4 + per * r, x->rank[i]);
            if (x->has_change[i])
                sg_table_set_int(t, 5 + per * r, x->rank_change[i]);
            if (cmp->samples)
                sg_table_set_number(t, 6 + per * r, x->p_top[i], 6);
        }
    }
    return t;
}

/* ---- JSON: everything ---- */


static cJSON *string_list(const char *const *list)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; list[i]; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(list[i]));
    return a;
}

static cJSON *change_json(const sg_compare_change *c)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "op", sg_patch_op_name(c->op));
    cJSON_AddItemToObject(o, "node", c->node ? cJSON_CreateString(c->node) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "source", c->source ? cJSON_CreateString(c->source) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "target", c->target ? cJSON_CreateString(c->target) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "relation", c->relation ? cJSON_CreateString(c->relation) : cJSON_CreateNull());
    cJSON_AddStringToObject(o, "detail", c->detail);
    cJSON_AddItemToObject(o, "sources", string_list(c->sources));
    cJSON_AddItemToObject(o, "file", c->origin.file ? cJSON_CreateString(c->origin.file) : cJSON_CreateNull());
    cJSON_AddNumberToObject(o, "line", c->origin.line);
    return o;
}

static cJSON *figures_json(const sg_compare_figures *f)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "nodes", (double)f->nodes);
    cJSON_AddNumberToObject(o, "ties", (double)f->ties);
    cJSON_AddNumberToObject(o, "links", (double)f->links);
    cJSON_AddNumberToObject(o, "components", (double)f->components);
    cJSON_AddItemToObject(o, "density", cJSON_CreateNumber(f->density));
    cJSON_AddItemToObject(o, "diameter", cJSON_CreateNumber(f->diameter));
    cJSON_AddItemToObject(o, "mean_distance", cJSON_CreateNumber(f->mean_distance));
    cJSON_AddItemToObject(o, "centralization", cJSON_CreateNumber(f->centralization));
    return o;
}

/* The reading's top list in rank order (rank 1 first; tied ranks in the comparison's node order). */
static cJSON *top_json(const sg_comparison *cmp, const sg_compare_reading *x)
{
    cJSON *a = cJSON_CreateArray();
    size_t n = 0, *top = g_new(size_t, cmp->n_nodes + 1);
    for (size_t k = 0; k < cmp->n_nodes; k++)
        if (x->in_top[cmp->order[k]])
            top[n++] = cmp->order[k];
    for (size_t i = 1; i < n; i++) /* insertion sort by rank: stable, and a top list is short */
        for (size_t j = i; j > 0 && x->rank[top[j - 1]] > x->rank[top[j]]; j--) {
            size_t t = top[j];
            top[j] = top[j - 1];
            top[j - 1] = t;
        }
    for (size_t i = 0; i < n; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(cmp->node_ids[top[i]]));
    g_free(top);
    return a;
}

static cJSON *route_json(const sg_comparison *cmp, const sg_compare_reading *x)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "reading", x->id);
    cJSON_AddBoolToObject(o, "ends_present", x->path_ends_present);
    cJSON_AddItemToObject(o, "length", x->path_nodes ? cJSON_CreateNumber((double)x->path_nodes - 1) : cJSON_CreateNull());
    cJSON *route = cJSON_AddArrayToObject(o, "route");
    for (size_t k = 0; k < x->path_nodes; k++)
        cJSON_AddItemToArray(route, cJSON_CreateString(cmp->node_ids[x->path[k]]));
    return o;
}

static cJSON *readings_json(const sg_comparison *cmp)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t r = 0; r < cmp->n_readings; r++) {
        const sg_compare_reading *x = &cmp->readings[r];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", x->id);
        cJSON_AddItemToObject(o, "hypotheses", string_list(x->hypotheses));
        cJSON_AddItemToObject(o, "credence", cJSON_CreateNumber(x->credence));
        cJSON_AddStringToObject(o, "label", x->label);
        cJSON_AddStringToObject(o, "citation", x->citation);
        cJSON_AddItemToObject(o, "sources", string_list(x->sources));
        cJSON *changes = cJSON_AddArrayToObject(o, "changes");
        for (size_t i = 0; i < x->n_changes; i++)
            cJSON_AddItemToArray(changes, change_json(&x->changes[i]));
        cJSON_AddItemToObject(o, "figures", figures_json(&x->figures));
        cJSON_AddItemToObject(o, "top", top_json(cmp, x));
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

static cJSON *node_json(const sg_comparison *cmp, size_t i)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", cmp->node_ids[i]);
    cJSON_AddStringToObject(o, "label", cmp->node_labels[i]);
    cJSON_AddNumberToObject(o, "max_rank_change", cmp->max_change[i]);
    cJSON_AddNumberToObject(o, "rank_spread", cmp->rank_spread[i]);
    cJSON *values = cJSON_AddObjectToObject(o, "value");
    cJSON *ranks = cJSON_AddObjectToObject(o, "rank");
    cJSON *changes = cJSON_AddObjectToObject(o, "rank_change");
    cJSON *p_top = cmp->samples ? cJSON_AddObjectToObject(o, "p_top") : NULL;
    for (size_t r = 0; r < cmp->n_readings; r++) {
        const sg_compare_reading *x = &cmp->readings[r];
        cJSON_AddItemToObject(values, x->id, cJSON_CreateNumber(x->value[i]));
        if (p_top)
            cJSON_AddItemToObject(p_top, x->id, cJSON_CreateNumber(x->p_top[i]));
        cJSON_AddItemToObject(ranks, x->id, x->rank[i] ? cJSON_CreateNumber(x->rank[i]) : cJSON_CreateNull());
        if (r > 0)
            cJSON_AddItemToObject(changes, x->id,
                                  x->has_change[i] ? cJSON_CreateNumber(x->rank_change[i]) : cJSON_CreateNull());
    }
    return o;
}

static cJSON *agreement_json(const sg_comparison *cmp)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t p = 0; p < cmp->n_pairs; p++) {
        const sg_compare_pair *x = &cmp->pairs[p];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "a", cmp->readings[x->a].id);
        cJSON_AddStringToObject(o, "b", cmp->readings[x->b].id);
        cJSON_AddNumberToObject(o, "common_nodes", (double)x->common);
        cJSON_AddItemToObject(o, "kendall_tau_b", cJSON_CreateNumber(x->tau_b));
        cJSON_AddItemToObject(o, "spearman_rho", cJSON_CreateNumber(x->rho));
        cJSON_AddNumberToObject(o, "top_overlap", (double)x->top_overlap);
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

static cJSON *conclusions_json(const sg_comparison *cmp)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *robust = cJSON_AddArrayToObject(o, "robust");
    for (size_t k = 0; k < cmp->n_robust; k++)
        cJSON_AddItemToArray(robust, cJSON_CreateString(cmp->node_ids[cmp->robust[k]]));
    cJSON *contested = cJSON_AddArrayToObject(o, "contested");
    for (size_t k = 0; k < cmp->n_contested; k++) {
        size_t i = cmp->contested[k];
        cJSON *c = cJSON_CreateObject();
        cJSON_AddStringToObject(c, "id", cmp->node_ids[i]);
        cJSON *under = cJSON_AddArrayToObject(c, "top_under");
        for (size_t r = 0; r < cmp->n_readings; r++)
            if (cmp->readings[r].in_top[i])
                cJSON_AddItemToArray(under, cJSON_CreateString(cmp->readings[r].id));
        cJSON_AddItemToArray(contested, c);
    }
    if (!cmp->path_from) {
        cJSON_AddNullToObject(o, "path");
        return o;
    }
    cJSON *path = cJSON_AddObjectToObject(o, "path");
    cJSON_AddStringToObject(path, "from", cmp->path_from);
    cJSON_AddStringToObject(path, "to", cmp->path_to);
    cJSON *routes = cJSON_AddArrayToObject(path, "routes");
    for (size_t r = 0; r < cmp->n_readings; r++)
        cJSON_AddItemToArray(routes, route_json(cmp, &cmp->readings[r]));
    return o;
}

static const char *status_name(sg_tie_status status)
{
    static const char *const names[] = {[SG_TIE_BASE] = "base", [SG_TIE_ALTERED] = "altered",
                                        [SG_TIE_REMOVED] = "removed", [SG_TIE_ADDED] = "added"};
    return names[status];
}

/* The union's ties: ends, relation, status and the readings that hold (and that alter) each. */
static cJSON *ties_json(const sg_comparison *cmp)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t k = 0; k < cmp->n_ties; k++) {
        const sg_compare_tie *t = &cmp->ties[k];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "source", cmp->node_ids[t->source]);
        cJSON_AddStringToObject(o, "target", cmp->node_ids[t->target]);
        cJSON_AddStringToObject(o, "relation", t->relation->name);
        cJSON_AddStringToObject(o, "status", status_name(sg_compare_tie_status(cmp, t)));
        cJSON *in = cJSON_AddArrayToObject(o, "in");
        cJSON *altered = cJSON_AddArrayToObject(o, "altered_by");
        for (size_t r = 0; r < cmp->n_readings; r++) {
            if (t->present[r])
                cJSON_AddItemToArray(in, cJSON_CreateString(cmp->readings[r].id));
            if (t->altered[r])
                cJSON_AddItemToArray(altered, cJSON_CreateString(cmp->readings[r].id));
        }
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

cJSON *sg_cmd_comparison_json(const sg_comparison *cmp, const sg_network *net)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddItemToObject(root, "network", sg_json_network(net));
    cJSON_AddStringToObject(root, "measure", cmp->measure);
    cJSON_AddBoolToObject(root, "scenarios", cmp->scenarios);
    cJSON_AddStringToObject(root, "centralization_measure", cmp->centralization_measure);
    cJSON_AddBoolToObject(root, "directed", cmp->directed); /* once "ties": a second member of that name */
    cJSON_AddNumberToObject(root, "top", (double)cmp->top_k);
    cJSON_AddNumberToObject(root, "samples", (double)cmp->samples);
    if (cmp->samples)
        cJSON_AddItemToObject(root, "seed", sg_json_uint64(cmp->seed));
    cJSON_AddItemToObject(root, "readings", readings_json(cmp));
    cJSON *nodes = cJSON_AddArrayToObject(root, "nodes");
    for (size_t k = 0; k < cmp->n_nodes; k++)
        cJSON_AddItemToArray(nodes, node_json(cmp, cmp->order[k]));
    cJSON_AddItemToObject(root, "agreement", agreement_json(cmp));
    cJSON_AddItemToObject(root, "conclusions", conclusions_json(cmp));
    cJSON_AddItemToObject(root, "ties", ties_json(cmp));
    return root;
}

/* ---- the command ---- */

/* A comparison with the network its text and JSON name, as sg_cmd_write_results hands it to the writers. */
typedef struct comparison_results {
    const sg_comparison *cmp;
    const sg_network *net;
} comparison_results;

static cJSON *json_of(const void *data)
{
    const comparison_results *r = data;
    return sg_cmd_comparison_json(r->cmp, r->net);
}

static sg_table *table_of(const void *data)
{
    return nodes_table(((const comparison_results *)data)->cmp);
}

static void text_of(const void *data, FILE *stream)
{
    const comparison_results *r = data;
    write_text(r->cmp, r->net, stream);
}

static int write_comparison(const sg_comparison *cmp, const sg_network *net, const sg_options *opts)
{
    comparison_results r = {cmp, net};
    return sg_cmd_write_results(opts, net, &r, json_of, table_of, text_of);
}

/* Draws the comparison picture into OUT (in the format PATH's extension names) and commits it. Returns an
 * exit code. */
static int render_comparison(const sg_comparison *cmp, sg_network *base, const char *path, sg_output *out)
{
    sg_network *whole = sg_cmd_whole(base); /* colours ranked as render ranks them, whatever the reading */
    if (!whole) {
        sg_output_abort(out);
        return SG_EXIT_DATA;
    }
    sg_diag *diag = sg_diag_new();
    bool ok = sg_compare_render(cmp, whole, sg_compare_render_format(path), 1, out->stream, diag);
    sg_network_unref(whole);
    sg_diag_print(diag, false);
    sg_diag_free(diag);
    if (!ok) {
        sg_output_abort(out);
        return SG_EXIT_DATA;
    }
    return sg_output_commit(out) ? SG_EXIT_OK : SG_EXIT_DATA;
}

/* Runs the comparison on the loaded NET; returns an exit code. */
static int compare_network(sg_network *net, const sg_options *opts, const compare_args *a)
{
    sg_compare_options co;
    sg_compare_options_init(&co);
    if (a->measure)
        co.measure = a->measure;
    if (a->top_k)
        co.top_k = a->top_k;
    co.reading = opts->reading;
    co.scenarios = a->scenarios;
    co.path_from = a->path_from;
    co.path_to = a->path_to;
    co.samples = a->samples;
    co.seed = a->seed;
    char **ids = a->hypotheses ? g_strsplit(a->hypotheses, ",", -1) : NULL;
    for (size_t i = 0; ids && ids[i]; i++)
        g_strstrip(ids[i]);
    co.hypotheses = (const char *const *)ids;
    /* The results and the --render picture are one set: both files appear, or neither. The picture's
     * file is opened first, so that an unwritable one stops the run before the comparison is made. */
    sg_output_set *set = sg_output_set_begin();
    sg_output *picture = a->render ? sg_output_open(a->render) : NULL;
    int status = SG_EXIT_DATA;
    sg_comparison *cmp = NULL;
    if (picture || !a->render) {
        sg_diag *diag = sg_diag_new();
        cmp = sg_compare(net, &co, diag);
        sg_diag_print(diag, false);
        sg_diag_free(diag);
        status = cmp ? write_comparison(cmp, cmp->readings[0].net, opts) : SG_EXIT_DATA;
    }
    if (status == SG_EXIT_OK && picture)
        status = render_comparison(cmp, net, a->render, picture);
    else
        sg_output_abort(picture);
    if (!sg_output_set_end(set, status == SG_EXIT_OK))
        status = SG_EXIT_DATA;
    sg_comparison_free(cmp);
    g_strfreev(ids);
    return status;
}

static int cmd_compare(const sg_command *self, int argc, char **argv)
{
    static const struct option extra[] = {
        {"hypotheses", required_argument, NULL, OPT_HYPOTHESES}, {"measure", required_argument, NULL, OPT_MEASURE},
        {"top", required_argument, NULL, OPT_TOP},         {"path", required_argument, NULL, OPT_PATH},
        {"render", required_argument, NULL, OPT_RENDER},   {"scenarios", no_argument, NULL, OPT_SCENARIOS},
        {"samples", required_argument, NULL, OPT_SAMPLES}, {"seed", required_argument, NULL, OPT_SEED},
        {NULL, 0, NULL, 0}};
    compare_args a = {.argc = argc, .argv = argv, .seed = 1};
    sg_options opts;
    int status = sg_parse_options(self, argc, argv, extra, compare_option, &a, &opts);
    if (status >= 0)
        return status;
    if (a.hypotheses && !*a.hypotheses)
        return sg_usage_error(self, "--hypotheses needs at least one id");
    sg_network *net = sg_cmd_load_base(&opts); /* each reading is read from the base, in the comparison */
    if (!net)
        return SG_EXIT_DATA;
    status = compare_network(net, &opts, &a);
    sg_network_unref(net);
    return status;
}

/* The --measure line of the help: the measures are the library's (sg_centrality_measures). */
static void compare_help_measures(FILE *stream)
{
    sg_help_list(stream, "  --measure M        the centrality measure to rank nodes by (default: betweenness): ",
                 sg_centrality_measures(), 21, 100);
}

/* The command's entry: name, arguments, counts and help (see `spygraph help compare`). */
const sg_command sg_cmd_compare = {
    .name = "compare",
    .reads = true,
    .channels_only = false,
    .direction_help = "the measure's own (betweenness: undirected); the route is undirected unless --directed",
    .run = cmd_compare,
    .args = "NETWORK [--hypotheses ID,ID,...] [--scenarios] [--measure M] [--top K] [--path FROM TO] [options]",
    .min_args = 1,
    .max_args = 1,
    .summary = "Compare the base network and its hypotheses: changes, figures, rankings, agreement, conclusions.",
    .help =
        NETWORK_HELP "\noptions:\n"
        "  --hypotheses IDS   the hypotheses to compare, comma-separated (default: all); the base is always in\n"
        "  --scenarios        compare every scenario instead of each hypothesis alone: one answer (or none) to\n"
        "                     each question of the manifest and any subset of the independent hypotheses,\n"
        "                     made of the --hypotheses given (default: all); at most 256 scenarios\n"
        SG_HELP_EXTRA /* --measure M and the measures, from the library: compare_help_measures */
        "  --top K            the size of the top list the conclusions use (default: 10)\n"
        "  --path FROM TO     also give the shortest route from FROM to TO under each reading (ids, labels or\n"
        "                     codenames)\n"
        "  --samples N        also each reading's P(top K): the share of N samples of its ties, each tie kept\n"
        "                     with its confidence, with the node in the top K (as `robustness --confidence-only`\n"
        "                     computes it); CSV: p_top.READING columns, JSON: \"p_top\" per node\n"
        "  --seed S           the samples' random seed (default 1)\n"
        "  --render FILE.svg  also draw the union of the readings, ties coloured by where they hold; written\n"
        "                     with -o's file: both files appear, or neither\n"
        "  -f, --format FMT   table (default), csv (the per-node table) or json (everything)\n"
        "  -o, --output FILE  write there (atomically: a failed run leaves no file and an existing one as it\n"
        "                     was); - is standard output\n"
        "  -h, --help         this help\n"
        "\nA rank is 1 for the highest value; tied nodes share the best rank (1, 2, 2, 4). A rank change is the\n"
        "places a node gains (+) or loses (-) under a hypothesis against the base. Nodes come most\n"
        "hypothesis-dependent first: by their largest rank change, then their best rank, then id (past 8 readings: by their rank in the base).\n"
        "Kendall's tau-b and Spearman's rho compare two readings' values over the nodes both hold (ties\n"
        "handled: tau-b's tie correction, rho on average ranks). The top list of a reading holds the nodes ranked\n"
        "K or better with a value above 0 (ties at the boundary included). Robust: in the top list under every\n"
        "reading, the base included; contested: in some top lists only (the readings are named).\n"
        "Figures (nodes, ties, links, components, density, diameter, mean distance) are those `info` gives;\n"
        "centralization is Freeman's, of the measure (of degree for a measure without one). Routes count ties\n"
        "(hops). --hypothesis applies hypotheses to every reading, the base included, before each reading's own.\n"
        "\nScenarios are named by their hypotheses in manifest order joined by '+' (`base` for none) and listed by\n"
        "how many hypotheses they apply. A scenario's credence is the product of its choices' credences: an\n"
        "answer's credence, 1 minus the question's credences for none of its answers, c or 1 - c for an\n"
        "independent hypothesis of credence c; it is left empty (null) when a choice has no credence. Past 8\n"
        "readings, the table shows each node's rank in the base, its best and worst rank, in how many readings\n"
        "it is in the top list and the summed credence of those scenarios, and each reading's agreement with\n"
        "the base; CSV and JSON keep every reading (JSON: \"scenarios\", and per reading \"hypotheses\" and\n"
        "\"credence\").\n",
    .help_extra = compare_help_measures,
};

/* centrality.c: `spygraph centrality`: who mattered, by centrality, structural holes and brokerage, ranked. */
#include <errno.h>
#include <glib.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "help.h"
#include "spygraph/centrality.h"

enum {
    OPT_MEASURES = SG_OPT_FIRST_COMMAND_OPTION,
    OPT_TOP,
    OPT_SORT,
    OPT_NORMALIZED,
    OPT_WEIGHTS,
    OPT_GROUP_BY,
    OPT_DAMPING,
    OPT_JOBS,
    OPT_EXACT_METHOD,
    OPT_APPROX,
    OPT_APPROX_CONFIDENCE,
    OPT_SEED
};

static const struct option centrality_options[] = {
    {"measures", required_argument, NULL, OPT_MEASURES}, {"top", required_argument, NULL, OPT_TOP},
    {"sort", required_argument, NULL, OPT_SORT},         {"normalized", no_argument, NULL, OPT_NORMALIZED},
    {"weights", required_argument, NULL, OPT_WEIGHTS},   {"group-by", required_argument, NULL, OPT_GROUP_BY},
    {"damping", required_argument, NULL, OPT_DAMPING},   {"jobs", required_argument, NULL, OPT_JOBS},
    {"exact-method", required_argument, NULL, OPT_EXACT_METHOD},
    {"approx", required_argument, NULL, OPT_APPROX},
    {"approx-confidence", required_argument, NULL, OPT_APPROX_CONFIDENCE},
    {"seed", required_argument, NULL, OPT_SEED},
    {NULL, 0, NULL, 0},
};

/* The default measures, in column order; brokerage only when there are groups. */
static const char *const default_measures[] = {"degree", "betweenness", "closeness", "eigenvector", "pagerank",
                                               "constraint", "brokerage", NULL};

/* What the command was asked for. */
typedef struct request {
    GPtrArray *measures;     /* measure names (borrowed from argv or static) */
    bool measures_given;
    long top;                /* rows to show; 0: all */
    const char *sort;        /* NULL: betweenness if computed, else the first measure */
    sg_centrality_options copts;
    sg_weights weights;      /* --weights, put into the reading once it is parsed */
    sg_approx_info approx;   /* with --approx: what the estimate promises (filled by the library) */
    const char *approx_option_given; /* "--approx-confidence" or "--seed" when given, to be checked */
    bool exact_method_given;
} request;

/* One output column: a measure, or a brokerage role. */
typedef struct column {
    const char *name;
    igraph_vector_t values;
    int decimals;            /* for the text table; -1: whole numbers */
} column;

static int parse_measures(const sg_command *cmd, const char *arg, request *r)
{
    g_ptr_array_set_size(r->measures, 0);
    r->measures_given = true;
    char **names = g_strsplit(arg, ",", -1);
    int status = 0;
    for (char **p = names; *p && status == 0; p++) {
        const char *name = g_strstrip(*p);
        if (!sg_centrality_measure_known(name)) {
            char *known = g_strjoinv(", ", (char **)sg_centrality_measures());
            status = sg_usage_error(cmd, "unknown measure '%s' (known: %s)", name, known);
            g_free(known);
            break;
        }
        const char *const *m = sg_centrality_measures();
        while (strcmp(*m, name) != 0)
            m++;
        bool seen = false;
        for (guint i = 0; i < r->measures->len; i++)
            seen = seen || strcmp(g_ptr_array_index(r->measures, i), *m) == 0;
        if (!seen)
            g_ptr_array_add(r->measures, (gpointer)*m);
    }
    g_strfreev(names);
    if (status == 0 && r->measures->len == 0)
        status = sg_usage_error(cmd, "--measures needs at least one measure");
    return status;
}

/* Parses ARG, the value of OPTION, as a number strictly between 0 and 1 (EXAMPLE in the message) into *OUT;
 * returns 0, or SG_EXIT_USAGE after one usage error. */
static int parse_fraction(const sg_command *cmd, const char *option, const char *arg, const char *example,
                          double *out)
{
    char *expected = g_strdup_printf("a number in (0, 1), such as %s", example);
    double v = 0;
    int status = sg_parse_decimal(cmd, option, arg, 0, 1, false, expected, &v);
    if (status == 0 && v >= 1)
        status = sg_usage_error(cmd, "bad %s '%s': expected %s", option, arg, expected);
    if (status == 0)
        *out = v;
    g_free(expected);
    return status;
}

static int handle_option(const sg_command *cmd, int opt, const char *arg, void *ctx)
{
    request *r = ctx;
    long v;
    switch (opt) {
    case OPT_MEASURES:
        return parse_measures(cmd, arg, r);
    case OPT_TOP:
        if (sg_parse_whole(cmd, "--top", arg, 1, LONG_MAX, &v))
            return SG_EXIT_USAGE;
        r->top = v;
        return 0;
    case OPT_SORT:
        r->sort = arg;
        return 0;
    case OPT_NORMALIZED:
        r->copts.normalized = true;
        return 0;
    case OPT_WEIGHTS:
        if (!sg_weights_parse(arg, &r->weights))
            return sg_usage_error(cmd, "unknown --weights '%s' (none, weight or confidence)", arg);
        return 0;
    case OPT_GROUP_BY:
        r->copts.group_by = arg;
        return 0;
    case OPT_DAMPING:
        return sg_parse_decimal(cmd, "--damping", arg, 0, 1, false, "a number in (0, 1]", &r->copts.damping);
    case OPT_JOBS:
        if (sg_parse_whole(cmd, "--jobs", arg, 1, LONG_MAX, &v))
            return SG_EXIT_USAGE;
        r->copts.jobs = (int)MIN(v, 1024);
        return 0;
    case OPT_APPROX:
        return parse_fraction(cmd, "--approx", arg, "0.01", &r->copts.approx_eps);
    case OPT_APPROX_CONFIDENCE:
        r->approx_option_given = "--approx-confidence";
        return parse_fraction(cmd, "--approx-confidence", arg, "0.1", &r->copts.approx_delta);
    case OPT_SEED:
        r->approx_option_given = "--seed";
        if (sg_parse_whole(cmd, "--seed", arg, 0, LONG_MAX, &v))
            return SG_EXIT_USAGE;
        r->copts.approx_seed = (uint64_t)v;
        return 0;
    case OPT_EXACT_METHOD:
        r->exact_method_given = true;
        if (!sg_exact_method_parse(arg, &r->copts.exact_method))
            return sg_usage_error(cmd, "unknown --exact-method '%s' (auto, brandes or reduced)", arg);
        return 0;
    default:
        return sg_usage_error(cmd, "unexpected option");
    }
}

static bool has_measure(const request *r, const char *name)
{
    for (guint i = 0; i < r->measures->len; i++)
        if (strcmp(g_ptr_array_index(r->measures, i), name) == 0)
            return true;
    return false;
}

/* Checks the choices that depend on the network: groups for brokerage, the default set. Returns -1 to go
 * on, or an exit code after printing the problem. */
static int settle_groups(const sg_command *cmd, const sg_network *net, request *r)
{
    const char *given = r->copts.group_by;
    if (sg_check_group_by(cmd, net, given, has_measure(r, "brokerage")) >= 0)
        return SG_EXIT_USAGE;
    const char *group = given ? given : sg_centrality_default_group(net);
    if (!r->measures_given) {
        for (size_t i = 0; default_measures[i]; i++)
            if (group || strcmp(default_measures[i], "brokerage") != 0)
                g_ptr_array_add(r->measures, (gpointer)default_measures[i]);
    }
    r->copts.group_by = group;
    return -1;
}

/* The decimals a column is shown with: none when every value is whole, else 3 (4 for pagerank). */
static int column_decimals(const char *name, const igraph_vector_t *v)
{
    bool whole = true;
    for (igraph_integer_t i = 0; i < igraph_vector_size(v) && whole; i++) {
        double x = VECTOR(*v)[i];
        whole = isnan(x) || (x == floor(x) && fabs(x) < 1e15);
    }
    return whole ? -1 : strcmp(name, "pagerank") == 0 ? 4 : 3;
}

/* Computes the columns: each measure, and after brokerage its five roles. */
static int compute_columns(const sg_network *net, const request *r, GArray *columns)
{
    size_t count = r->measures->len;
    igraph_vector_t *outs = g_new(igraph_vector_t, count);
    for (size_t i = 0; i < count; i++)
        igraph_vector_init(&outs[i], 0);
    igraph_error_t err = sg_centrality_many(net, (const char *const *)r->measures->pdata, count, &r->copts, outs);
    igraph_matrix_t roles;
    igraph_matrix_init(&roles, 0, 0);
    if (err == IGRAPH_SUCCESS && has_measure(r, "brokerage"))
        err = sg_brokerage(net, r->copts.group_by, &r->copts, &roles);
    for (size_t i = 0; i < count; i++) {
        column c = {g_ptr_array_index(r->measures, i), outs[i], 0};
        g_array_append_val(columns, c);
        if (err != IGRAPH_SUCCESS || strcmp(c.name, "brokerage") != 0)
            continue;
        for (int role = 0; role < SG_BROKER_N_ROLES; role++) {
            column rc = {sg_broker_role_name(role), {0}, 0};
            igraph_vector_init(&rc.values, 0);
            igraph_matrix_get_col(&roles, &rc.values, role);
            g_array_append_val(columns, rc);
        }
    }
    igraph_matrix_destroy(&roles);
    g_free(outs);
    for (guint i = 0; i < columns->len; i++) {
        column *c = &g_array_index(columns, column, i);
        c->decimals = column_decimals(c->name, &c->values);
    }
    return err == IGRAPH_SUCCESS ? -1 : SG_EXIT_DATA;
}

static void free_columns(GArray *columns)
{
    for (guint i = 0; i < columns->len; i++)
        igraph_vector_destroy(&g_array_index(columns, column, i).values);
    g_array_free(columns, TRUE);
}

/* The sort column's index, or -1 after printing the problem. */
static int sort_column(const sg_command *cmd, const request *r, GArray *columns)
{
    const char *want = r->sort ? r->sort : has_measure(r, "betweenness") ? "betweenness"
                                                                           : g_ptr_array_index(r->measures, 0);
    for (guint i = 0; i < columns->len; i++)
        if (strcmp(g_array_index(columns, column, i).name, want) == 0)
            return (int)i;
    if (sg_centrality_measure_known(want))
        sg_usage_error(cmd, "cannot sort by '%s': it is not computed (add it to --measures)", want);
    else
        sg_usage_error(cmd, "cannot sort by '%s': not a measure or brokerage role", want);
    return -1;
}

typedef struct sort_ctx {
    const sg_network *net;
    const igraph_vector_t *key;
} sort_ctx;

/* Descending by the key, undefined values last, then by node id. */
static gint compare_nodes(gconstpointer a, gconstpointer b, gpointer data)
{
    const sort_ctx *s = data;
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    double x = VECTOR(*s->key)[i], y = VECTOR(*s->key)[j];
    if (isnan(x) != isnan(y))
        return isnan(x) ? 1 : -1;
    if (!isnan(x) && x != y)
        return x > y ? -1 : 1;
    return strcmp(s->net->nodes[i].id, s->net->nodes[j].id);
}

static size_t *ranked_nodes(const sg_network *net, const igraph_vector_t *key)
{
    size_t *order = g_new(size_t, MAX(net->n_nodes, 1));
    for (size_t i = 0; i < net->n_nodes; i++)
        order[i] = i;
    sort_ctx s = {net, key};
    g_qsort_with_data(order, (gint)net->n_nodes, sizeof *order, compare_nodes, &s);
    return order;
}

/* The column's top value, or NaN when there is none to mark (no defined value, or all values equal). */
static double column_top(const igraph_vector_t *v)
{
    double max = NAN, min = NAN;
    for (igraph_integer_t i = 0; i < igraph_vector_size(v); i++) {
        double x = VECTOR(*v)[i];
        if (isnan(x))
            continue;
        max = isnan(max) || x > max ? x : max;
        min = isnan(min) || x < min ? x : min;
    }
    return max == min ? NAN : max;
}

/* A table cell for people: fixed decimals, '*' after the column's top value TOP, '-' when undefined. */
static char *cell_text(const column *c, double value, double top)
{
    if (isnan(value))
        return g_strdup("- ");
    const char *mark = value == top ? "*" : " ";
    if (c->decimals < 0)
        return g_strdup_printf("%.0f%s", value, mark);
    return g_strdup_printf("%.*f%s", c->decimals, value, mark);
}

static size_t shown_rows(const sg_network *net, const request *r)
{
    return r->top > 0 && (size_t)r->top < net->n_nodes ? (size_t)r->top : net->n_nodes;
}

static sg_table *text_table(const sg_network *net, const request *r, GArray *columns, const size_t *order, int sort)
{
    size_t n_cols = 3 + columns->len;
    const char **names = g_new(const char *, n_cols);
    names[0] = "rank";
    names[1] = "id";
    names[2] = "label";
    for (guint i = 0; i < columns->len; i++)
        names[3 + i] = g_array_index(columns, column, i).name;
    sg_table *t = sg_table_new(n_cols, names);
    g_free(names);
    sg_table_align(t, 0, SG_ALIGN_RIGHT);
    double *max = g_new(double, columns->len);
    for (guint i = 0; i < columns->len; i++) {
        sg_table_align(t, 3 + i, SG_ALIGN_RIGHT);
        max[i] = column_top(&g_array_index(columns, column, i).values);
    }
    const igraph_vector_t *key = &g_array_index(columns, column, sort).values;
    size_t rank = 0;
    for (size_t row = 0; row < shown_rows(net, r); row++) {
        size_t v = order[row];
        /* competition ranking: equal values share the rank of the first of them */
        if (row == 0 || !(VECTOR(*key)[v] == VECTOR(*key)[order[row - 1]]))
            rank = row + 1;
        sg_table_add_row(t);
        sg_table_set_int(t, 0, (long long)rank);
        sg_table_set_text(t, 1, net->nodes[v].id);
        sg_table_set_text(t, 2, net->nodes[v].label);
        for (guint i = 0; i < columns->len; i++) {
            const column *c = &g_array_index(columns, column, i);
            char *text = cell_text(c, VECTOR(c->values)[v], max[i]);
            sg_table_set_text(t, 3 + i, text);
            g_free(text);
        }
    }
    g_free(max);
    return t;
}

/* The table for programs (CSV): id, label and full-precision numbers, in rank order. */
static sg_table *data_table(const sg_network *net, const request *r, GArray *columns, const size_t *order)
{
    size_t n_cols = 2 + columns->len;
    const char **names = g_new(const char *, n_cols);
    names[0] = "id";
    names[1] = "label";
    for (guint i = 0; i < columns->len; i++)
        names[2 + i] = g_array_index(columns, column, i).name;
    sg_table *t = sg_table_new(n_cols, names);
    g_free(names);
    for (size_t row = 0; row < shown_rows(net, r); row++) {
        size_t v = order[row];
        sg_table_add_row(t);
        sg_table_set_text(t, 0, net->nodes[v].id);
        sg_table_set_text(t, 1, net->nodes[v].label);
        for (guint i = 0; i < columns->len; i++) {
            const column *c = &g_array_index(columns, column, i);
            double x = VECTOR(c->values)[v];
            if (c->decimals < 0 && !isnan(x))
                sg_table_set_int(t, 2 + i, (long long)x);
            else
                sg_table_set_number(t, 2 + i, x, 6);
        }
    }
    return t;
}

/* Freeman centralization of the degree, betweenness and closeness columns present, into a JSON object. */
static int centralization_json(const sg_network *net, const request *r, GArray *columns, cJSON **out)
{
    static const char *const which[] = {"degree", "betweenness", "closeness"};
    cJSON *obj = cJSON_CreateObject();
    for (size_t k = 0; k < G_N_ELEMENTS(which); k++)
        for (guint i = 0; i < columns->len; i++) {
            const column *c = &g_array_index(columns, column, i);
            double value;
            if (strcmp(c->name, which[k]) != 0)
                continue;
            if (sg_centralization(net, c->name, &r->copts, &c->values, &value) != IGRAPH_SUCCESS) {
                cJSON_Delete(obj);
                return SG_EXIT_DATA;
            }
            if (isnan(value)) /* fewer than 3 nodes: no star to compare with */
                cJSON_AddNullToObject(obj, c->name);
            else
                cJSON_AddNumberToObject(obj, c->name, value);
        }
    *out = obj;
    return -1;
}

static cJSON *options_json(const request *r)
{
    static const char *const weights[] = {"none", "weight", "confidence"};
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "weights", weights[r->copts.reading.weights]);
    cJSON_AddBoolToObject(o, "normalized", r->copts.normalized);
    cJSON_AddNumberToObject(o, "damping", r->copts.damping);
    if (r->copts.group_by)
        cJSON_AddStringToObject(o, "group_by", r->copts.group_by);
    else
        cJSON_AddNullToObject(o, "group_by");
    if (r->copts.approx_eps > 0 && has_measure(r, "betweenness")) {
        cJSON *a = cJSON_AddObjectToObject(o, "approx");
        cJSON_AddNumberToObject(a, "eps", r->approx.eps);
        cJSON_AddNumberToObject(a, "delta", r->approx.delta);
        cJSON_AddBoolToObject(a, "exact", r->approx.exact);
        cJSON_AddNumberToObject(a, "samples", (double)r->approx.samples);
        cJSON_AddNumberToObject(a, "samples_needed", r->approx.needed); /* infinite: written as null */
        cJSON_AddNumberToObject(a, "vertex_diameter_bound", r->approx.vertex_diameter);
        cJSON_AddItemToObject(a, "seed", sg_json_uint64(r->copts.approx_seed));
    } else {
        cJSON_AddNullToObject(o, "approx");
    }
    cJSON *directed = cJSON_AddArrayToObject(o, "directed");
    for (guint i = 0; i < r->measures->len; i++)
        if (sg_centrality_directed(g_ptr_array_index(r->measures, i), &r->copts))
            cJSON_AddItemToArray(directed, cJSON_CreateString(g_ptr_array_index(r->measures, i)));
    return o;
}

static int write_json(const sg_options *opts, const sg_network *net, const request *r, GArray *columns,
                      const size_t *order, cJSON *centralization)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddItemToObject(root, "network", sg_json_network(net));
    cJSON *measures = cJSON_AddArrayToObject(root, "measures");
    for (guint i = 0; i < r->measures->len; i++)
        cJSON_AddItemToArray(measures, cJSON_CreateString(g_ptr_array_index(r->measures, i)));
    cJSON_AddItemToObject(root, "options", options_json(r));
    sg_table *t = data_table(net, r, columns, order);
    cJSON_AddItemToObject(root, "nodes", sg_table_to_json(t));
    sg_table_free(t);
    cJSON_AddItemToObject(root, "centralization", centralization);
    return sg_cmd_write_json(opts, root);
}

/* The promise of an estimated betweenness, in words (g_free), or NULL when it was computed exactly. */
static char *approx_promise(const request *r)
{
    if (!(r->copts.approx_eps > 0) || !has_measure(r, "betweenness"))
        return NULL;
    if (r->approx.exact) {
        char *needed = isfinite(r->approx.needed) ? g_strdup_printf("%.3g", r->approx.needed)
                                                  : g_strdup("more than a number can hold");
        char *line = g_strdup_printf("betweenness computed exactly, not estimated: within %g with probability %g "
                                     "would need %s sampled shortest paths here (at most %g node%s on a shortest "
                                     "path), more work than the exact values",
                                     r->approx.eps, 1 - r->approx.delta, needed, r->approx.vertex_diameter,
                                     r->approx.vertex_diameter == 1 ? "" : "s");
        g_free(needed);
        return line;
    }
    return g_strdup_printf("betweenness estimated from %zu sampled shortest path%s (seed %llu): every node's "
                           "betweenness, normalized by the n(n-1) ordered pairs, is within %g of its exact value with "
                           "probability at least %g (Riondato and Kornaropoulos 2014; at most %g node%s on a shortest "
                           "path)",
                           r->approx.samples, r->approx.samples == 1 ? "" : "s",
                           (unsigned long long)r->copts.approx_seed, r->approx.eps, 1 - r->approx.delta,
                           r->approx.vertex_diameter, r->approx.vertex_diameter == 1 ? "" : "s");
}

/* Text table, then one line of centralization figures. */
static int write_text(const sg_options *opts, const sg_network *net, const request *r, GArray *columns,
                      const size_t *order, int sort, const cJSON *centralization)
{
    sg_output *out = sg_output_open(opts->output);
    if (!out)
        return SG_EXIT_DATA;
    sg_table *t = text_table(net, r, columns, order, sort);
    sg_table_write_text(t, out->stream);
    sg_table_free(t);
    const char *sep = "\nFreeman centralization: ";
    for (const cJSON *c = centralization->child; c; c = c->next, sep = ", ") {
        if (cJSON_IsNull(c))
            fprintf(out->stream, "%s%s undefined", sep, c->string);
        else
            fprintf(out->stream, "%s%s %.3f", sep, c->string, c->valuedouble);
    }
    if (centralization->child)
        fputc('\n', out->stream);
    char *promise = approx_promise(r);
    if (promise)
        fprintf(out->stream, "\n%s\n", promise);
    g_free(promise);
    return sg_output_commit(out) ? SG_EXIT_OK : SG_EXIT_DATA;
}

/* Computes and writes the report; sets *COMPUTED to the monotonic time when the figures were ready. */
static int report(const sg_command *self, const sg_options *opts, const sg_network *net, const request *r,
                  gint64 *computed)
{
    GArray *columns = g_array_new(FALSE, TRUE, sizeof(column));
    int status = compute_columns(net, r, columns);
    *computed = g_get_monotonic_time();
    int sort = status < 0 ? sort_column(self, r, columns) : -1;
    if (status < 0 && sort < 0)
        status = SG_EXIT_USAGE;
    cJSON *centralization = NULL;
    if (status < 0)
        status = centralization_json(net, r, columns, &centralization);
    if (status < 0) {
        size_t *order = ranked_nodes(net, &g_array_index(columns, column, sort).values);
        if (opts->format == SG_FORMAT_JSON) {
            status = write_json(opts, net, r, columns, order, centralization);
        } else if (opts->format == SG_FORMAT_CSV) {
            sg_table *t = data_table(net, r, columns, order);
            status = sg_cmd_write_table(opts, net, t, "nodes", NULL);
            sg_table_free(t);
            char *promise = approx_promise(r); /* a CSV file has no place for it: said on standard error */
            if (promise && status == SG_EXIT_OK)
                sg_note("%s", promise);
            g_free(promise);
            cJSON_Delete(centralization);
        } else {
            status = write_text(opts, net, r, columns, order, sort, centralization);
            cJSON_Delete(centralization);
        }
        g_free(order);
    }
    free_columns(columns);
    return status;
}

/* Checks --sort before any work where it can be checked without the network. */
static int check_sort_early(const sg_command *cmd, const request *r)
{
    if (!r->sort || !r->measures_given)
        return -1;
    if (has_measure(r, r->sort))
        return -1;
    for (int role = 0; role < SG_BROKER_N_ROLES; role++)
        if (strcmp(r->sort, sg_broker_role_name(role)) == 0 && has_measure(r, "brokerage"))
            return -1;
    if (sg_centrality_measure_known(r->sort))
        return sg_usage_error(cmd, "cannot sort by '%s': it is not computed (add it to --measures)", r->sort);
    return sg_usage_error(cmd, "cannot sort by '%s': not a measure or brokerage role", r->sort);
}

/* Checks that the ways of computing betweenness asked for fit together and with the reading, before any
 * work: none is left without effect. Returns -1 to go on, or SG_EXIT_USAGE after one usage error. */
static int check_betweenness_method(const sg_command *cmd, const request *r)
{
    bool approx = r->copts.approx_eps > 0, betweenness = !r->measures_given || has_measure(r, "betweenness");
    if (approx && !betweenness)
        return sg_usage_error(cmd, "--approx estimates betweenness, which --measures leaves out (add it)");
    if (r->exact_method_given && !betweenness)
        return sg_usage_error(cmd, "--exact-method computes betweenness, which --measures leaves out (add it)");
    if (r->approx_option_given && !approx)
        return sg_usage_error(cmd, "%s is for --approx (sampled betweenness), which is not asked for",
                              r->approx_option_given);
    if (approx && r->exact_method_given)
        return sg_usage_error(cmd, "--approx and --exact-method are two ways to compute betweenness: choose one");
    if (approx && r->weights != SG_WEIGHTS_NONE)
        return sg_usage_error(cmd, "--approx estimates betweenness of unweighted readings: drop --weights, or "
                                   "drop --approx for the exact values");
    if (r->copts.exact_method == SG_EXACT_REDUCED && betweenness && sg_centrality_directed("betweenness", &r->copts))
        return sg_usage_error(cmd, "--exact-method reduced is for undirected readings, and this one reads the "
                                   "ties directed: drop --directed, or take --exact-method brandes");
    return -1;
}

/* With SPYGRAPH_TIMING set, prints where the time went (for scripts/bench) to standard error. */
static void print_timing(gint64 start, gint64 loaded, gint64 computed, gint64 done)
{
    if (!g_getenv("SPYGRAPH_TIMING"))
        return;
    fprintf(stderr, "spygraph: timing: load %.3f s, compute %.3f s, write %.3f s\n", (loaded - start) / 1e6,
            (computed - loaded) / 1e6, (done - computed) / 1e6);
}

static int cmd_centrality(const sg_command *self, int argc, char **argv)
{
    gint64 start = g_get_monotonic_time();
    request r = {.measures = g_ptr_array_new(), .weights = SG_WEIGHTS_NONE};
    sg_centrality_options_init(&r.copts);
    r.copts.approx_info = &r.approx;
    sg_options opts;
    int status = sg_parse_options(self, argc, argv, centrality_options, handle_option, &r, &opts);
    if (status < 0)
        status = check_sort_early(self, &r);
    r.copts.reading = opts.reading;
    r.copts.reading.weights = r.weights;
    if (status < 0)
        status = check_betweenness_method(self, &r);
    if (status >= 0) {
        g_ptr_array_free(r.measures, TRUE);
        return status;
    }
    sg_network *net = sg_cmd_load(&opts);
    sg_diag *diag = sg_diag_new();
    if (net && !sg_weights_check(net, r.weights, diag)) {
        sg_diag_sort(diag);
        sg_diag_print(diag, false);
        sg_network_unref(net);
        net = NULL;
    }
    sg_diag_free(diag);
    if (!net) {
        g_ptr_array_free(r.measures, TRUE);
        return SG_EXIT_DATA;
    }
    gint64 loaded = g_get_monotonic_time(), computed = loaded;
    status = settle_groups(self, net, &r);
    if (status < 0)
        status = report(self, &opts, net, &r, &computed);
    sg_network_unref(net);
    print_timing(start, loaded, computed, g_get_monotonic_time());
    g_ptr_array_free(r.measures, TRUE);
    return status;
}

static void centrality_help_measures(FILE *stream)
{
    sg_help_list(stream, "  --measures LIST    comma-separated measures; by default ", default_measures, 21, 100);
    fputs("                     (brokerage when the nodes have groups); any of:\n", stream);
    sg_help_list(stream, "                     ", sg_centrality_measures(), 21, 100);
}

/* The command's entry: name, arguments, counts and help (see `spygraph help centrality`). */
const sg_command sg_cmd_centrality = {
    .name = "centrality",
    .reads = true,
    .channels_only = false,
    .direction_help = "each measure's own (below); --undirected makes brokerage read every tie both ways",
    .run = cmd_centrality,
    .args = "NETWORK [options]",
    .min_args = 1,
    .max_args = 1,
    .summary = "Rank the nodes by centrality, structural holes and Gould-Fernandez brokerage.",
    .help =
        NETWORK_HELP "\noptions:\n"
        SG_HELP_EXTRA /* --measures LIST, its default and every measure: centrality_help_measures */
        "  --sort MEASURE     rank by this computed measure or brokerage role (default: betweenness if computed,\n"
        "                     else the first measure); highest first, undefined values last, ties by id\n"
        "  --top N            show the first N nodes only (every format)\n"
        "  --normalized       degree, indegree, outdegree and harmonic / (n-1); betweenness as NetworkX\n"
        "  --weights W        none (default), weight or confidence: what a tie's strength is read from\n"
        "                     (weights lie in [0.001, 1000]; a confidence read as a weight must be 0 or at\n"
        "                     least 0.001)\n"
        "  --group-by ATTR    node attribute giving brokerage groups (default: affiliation, when the network has\n"
        "                     one): affiliation, kind, label, id, native_name or an extra node column\n"
        "  --damping X        pagerank damping factor in (0, 1] (default 0.85)\n"
        "  --jobs N           worker processes for betweenness, closeness and harmonic on large graphs\n"
        "                     (default: one per core; small graphs run in one process); under mpirun, the\n"
        "                     processes of all the ranks together (default: ranks x cores per rank)\n"
        "  --mpi-read HOW     under mpirun (a build with -Dmpi=enabled): root (default: rank 0 reads NETWORK\n"
        "                     and sends it to the other ranks) or all (every rank reads it: shared storage);\n"
        "                     elsewhere it changes nothing\n"
        "  --approx EPS       estimate betweenness from sampled shortest paths instead (unweighted readings):\n"
        "                     every node's value normalized by the n(n-1) ordered pairs within EPS of the\n"
        "                     exact one with probability at least 1 - D (Riondato and Kornaropoulos 2014);\n"
        "                     the promise is printed with the result\n"
        "  --approx-confidence D  the failure probability D (default 0.1)\n"
        "  --seed S           the samples' seed (default 1): the same seed, the same estimate\n"
        "  --exact-method M   how betweenness is computed: auto (default), brandes (igraph's, over the whole\n"
        "                     graph) or reduced (Brandes inside each biconnected component, with what hangs\n"
        "                     off its cut vertices; undirected readings only); auto takes reduced for an\n"
        "                     undirected reading. The same values within rounding.\n"
        COMMON_HELP
        "\nAcross machines: `mpirun -np R spygraph centrality NETWORK ...` (a build with -Dmpi=enabled; see the\n"
        "README) divides the sources of betweenness, closeness and harmonic (and the sampled paths of --approx)\n"
        "among the R ranks and adds their sums in a fixed order: the output is byte-identical to one machine's\n"
        "with --jobs P, P the processes of all the ranks (--jobs, else R x cores per rank).\n"
        "\nThe graph: parallel ties between two nodes are merged into one edge (weights summed; confidence: the\n"
        "largest), self-loops dropped. Unweighted, every edge counts 1. With --weights, strength, pagerank,\n"
        "eigenvector, hub, authority, constraint and effsize use the weight as it is; betweenness, closeness and\n"
        "harmonic turn it into a length, 1/weight (a strong tie is a short path).\n"
        "\nMeasures (d(u,v): shortest-path length; direction: the default when neither --directed nor\n"
        "--undirected is given):\n"
        "  degree       number of neighbours (directed: in + out arcs). Undirected.\n"
        "  indegree     arcs in; outdegree: arcs out. Directed.\n"
        "  strength     sum of edge weights (degree when unweighted). Undirected.\n"
        "  betweenness  sum over pairs s,t of sigma_st(v)/sigma_st, the share of shortest s-t paths through v;\n"
        "               an undirected pair counted once (raw). --normalized: x 2/((n-1)(n-2)) undirected,\n"
        "               x 1/((n-1)(n-2)) directed, as NetworkX. Undirected.\n"
        "  closeness    NetworkX's closeness_centrality: (r/S) x (r/(n-1)), r the nodes that reach v and S their\n"
        "               summed distance to v (Wasserman-Faust scaling when disconnected); 0 if none. Directed:\n"
        "               distances towards v. Undirected.\n"
        "  harmonic     sum over u != v of 1/d(u,v) (towards v); --normalized: / (n-1). Undirected.\n"
        "  eigenvector  principal eigenvector of the adjacency matrix, scaled so the largest is 1 (directed:\n"
        "               from in-arcs). Undirected.\n"
        "  pagerank     PageRank with damping 0.85 (--damping), scores summing to 1. Undirected.\n"
        "  hub          Kleinberg hub score, authority: authority score (HITS), largest 1. Directed.\n"
        "  coreness     k-core number: the largest k such that v is in a subgraph of minimum degree k. Always\n"
        "               undirected.\n"
        "  clustering   local clustering coefficient: ties among v's neighbours / (k(k-1)/2); 0 when k < 2.\n"
        "               Always undirected.\n"
        "  constraint   Burt's constraint: sum over neighbours j of (p_vj + sum_q p_vq p_qj)^2, p_vj the share\n"
        "               of v's (mutual) tie weight going to j; low = brokerage opportunity. Undefined (-) for\n"
        "               an isolated node. Undirected.\n"
        "  effsize      Burt's effective size: sum over neighbours j of (1 - sum_q p_vq m_jq), m_jq = j's tie to\n"
        "               q over j's strongest tie (unweighted: k - 2t/k, t ties among the k neighbours);\n"
        "               NetworkX's effective_size. Undefined (-) for an isolated node. Undirected.\n"
        "  brokerage    Gould-Fernandez brokerage, as R's sna::brokerage: v brokers i -> v -> k when i, v, k\n"
        "               are distinct and there is no tie i -> k; each such ordered pair counts once, by role:\n"
        "               coordinator (A->A->A, sna w_I), itinerant or consultant (A->B->A, w_O), representative\n"
        "               (A->A->B, b_IO), gatekeeper (A->B->B, b_OI), liaison (A->B->C, b_O); brokerage is the\n"
        "               total (t). Groups from --group-by; a node without a value is a group of its own.\n"
        "               Directed (undirected relations read both ways).\n"
        "  cutpoint     1 for an articulation point (removing it disconnects its component), else 0. Always\n"
        "               undirected.\n"
        "\nThe table shows the rank by the sort measure (equal values share a rank), marks each column's top\n"
        "value with *, and ends with Freeman's centralization of degree, betweenness and closeness (when\n"
        "computed): sum of (max - score) over the nodes divided by its value on a star of n nodes.\n"
        "CSV: id,label,MEASURE,... (brokerage followed by its five roles), full precision, rank order.\n"
        "JSON: {\"network\", \"measures\", \"options\", \"nodes\": [{\"id\", \"label\", MEASURE: value, ...}],\n"
        "\"centralization\"}; an undefined value is empty in CSV and null in JSON.\n",
    .help_extra = centrality_help_measures,
};

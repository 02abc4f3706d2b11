/* compare.c: hypotheses side by side: what each patch changes, figures, rankings, agreement, conclusions. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "spygraph/compare.h"
#include "spygraph/progress.h"
#include "spygraph/robustness.h"
#include "spygraph/summary.h"

void sg_compare_options_init(sg_compare_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->measure = "betweenness";
    sg_reading_init(&opts->reading);
    sg_centrality_options_init(&opts->centrality);
    opts->top_k = 10;
    opts->seed = 1;
}

/* ---- figures ---- */

static const char *centralization_measure(const char *measure)
{
    static const char *const supported[] = {"degree", "betweenness", "closeness"};
    for (size_t i = 0; i < G_N_ELEMENTS(supported); i++)
        if (strcmp(measure, supported[i]) == 0)
            return supported[i];
    return "degree";
}

/* The Freeman centralization of MEASURE on NET (NaN below three nodes). */
static igraph_error_t centralization_of(const sg_network *net, const char *measure, const sg_centrality_options *o,
                                        double *out)
{
    igraph_vector_t scores;
    IGRAPH_CHECK(igraph_vector_init(&scores, 0));
    IGRAPH_FINALLY(igraph_vector_destroy, &scores);
    IGRAPH_CHECK(sg_centrality_one(net, measure, o, &scores));
    IGRAPH_CHECK(sg_centralization(net, measure, o, &scores, out));
    igraph_vector_destroy(&scores);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* The figures of NET; SCORES are the compared measure's values (MEASURE), reused for the centralization
 * when CENTRALIZED is that measure, so it is not computed twice. */
static igraph_error_t compute_figures(const sg_network *net, const char *centralized, const char *measure,
                                      const igraph_vector_t *scores, const sg_centrality_options *o,
                                      sg_compare_figures *f)
{
    sg_summary s;
    IGRAPH_CHECK(sg_summary_compute(net, o->reading.direction, true, &s));
    *f = (sg_compare_figures){s.nodes, s.ties, s.links, s.components, s.density, s.diameter, s.mean_distance, NAN};
    sg_summary_free(&s);
    if (strcmp(centralized, measure) == 0)
        return sg_centralization(net, centralized, o, scores, &f->centralization);
    return centralization_of(net, centralized, o, &f->centralization);
}

/* ---- what a patch changes ---- */

static const sg_edge *find_base_tie(const sg_network *base, const sg_patch *p)
{
    int s = sg_network_find_node(base, p->source_id), t = sg_network_find_node(base, p->target_id);
    for (size_t i = 0; s >= 0 && t >= 0 && i < base->n_edges; i++)
        if (sg_edge_matches(&base->edges[i], s, t, p->relation))
            return &base->edges[i];
    return NULL;
}

static void append_number(GString *s, const char *field, double old_value, double new_value, bool has_old)
{
    if (has_old)
        g_string_append_printf(s, "%s%s %g -> %g", s->len ? ", " : "", field, old_value, new_value);
    else
        g_string_append_printf(s, "%s%s %g", s->len ? ", " : "", field, new_value);
}

static void append_date(GString *s, const char *field, sg_date old_value, sg_date new_value, bool has_old)
{
    char a[SG_DATE_TEXT_MAX], b[SG_DATE_TEXT_MAX];
    const char *was = has_old && !sg_date_is_open(old_value) ? sg_date_format(old_value, a) : "open";
    const char *now = sg_date_is_open(new_value) ? "open" : sg_date_format(new_value, b);
    if (has_old)
        g_string_append_printf(s, "%s%s %s -> %s", s->len ? ", " : "", field, was, now);
    else
        g_string_append_printf(s, "%s%s %s", s->len ? ", " : "", field, now);
}

/* "start 1933 -> 1930, confidence 1 -> 0.3": the fields a change_edge line sets, old -> new. */
static char *change_detail(const sg_network *base, const sg_patch *p)
{
    const sg_edge *old = find_base_tie(base, p);
    const sg_edge *v = &p->edge;
    GString *s = g_string_new(NULL);
    if (p->changes & SG_CHANGE_START)
        append_date(s, "start", old ? old->when.start : v->when.start, v->when.start, old != NULL);
    if (p->changes & SG_CHANGE_END)
        append_date(s, "end", old ? old->when.end : v->when.end, v->when.end, old != NULL);
    if (p->changes & SG_CHANGE_CONFIDENCE)
        append_number(s, "confidence", old ? old->confidence : 0, v->confidence, old != NULL);
    if (p->changes & SG_CHANGE_WEIGHT)
        append_number(s, "weight", old ? old->weight : 0, v->weight, old != NULL);
    if (s->len == 0 && (p->changes & SG_CHANGE_SOURCES))
        g_string_append(s, "sources");
    if (s->len == 0 && (p->changes & SG_CHANGE_NOTE))
        g_string_append(s, "note");
    return g_string_free(s, FALSE);
}

/* "1930, confidence 0.6, weight 2": an added tie's dates and values. */
static char *added_detail(const sg_patch *p)
{
    const sg_edge *v = &p->edge;
    GString *s = g_string_new(NULL);
    if (!sg_interval_is_timeless(&v->when)) {
        char *period = sg_interval_text(&v->when);
        g_string_append_printf(s, "%s, ", period);
        g_free(period);
    }
    g_string_append_printf(s, "confidence %g, weight %g", v->confidence, v->weight);
    return g_string_free(s, FALSE);
}

/* "label Anna, kind person, 1930..": the fields a change_node line sets. */
static char *node_change_detail(const sg_patch *p)
{
    GString *s = g_string_new(NULL);
    char a[SG_DATE_TEXT_MAX];
    if (p->node_changes & SG_CHANGE_NODE_LABEL)
        g_string_append_printf(s, "label %s", p->node.label);
    if (p->node_changes & SG_CHANGE_NODE_KIND)
        g_string_append_printf(s, "%skind %s", s->len ? ", " : "", sg_kind_name(p->node.kind));
    if (p->node_changes & SG_CHANGE_NODE_AFFILIATION)
        g_string_append_printf(s, "%saffiliation %s", s->len ? ", " : "", p->node.affiliation);
    if (p->node_changes & SG_CHANGE_NODE_START)
        g_string_append_printf(s, "%sstart %s", s->len ? ", " : "", sg_date_format(p->node.when.start, a));
    if (p->node_changes & SG_CHANGE_NODE_END)
        g_string_append_printf(s, "%send %s", s->len ? ", " : "", sg_date_format(p->node.when.end, a));
    return g_string_free(s, FALSE);
}

static sg_compare_change describe_patch(const sg_network *base, const sg_patch *p)
{
    sg_compare_change c = {.op = p->op, .origin = p->origin};
    switch (p->op) {
    case SG_PATCH_ADD_NODE: {
        c.node = p->node.id;
        c.sources = p->node.sources ? p->node.sources : sg_empty_list();
        const char *kind = sg_kind_name(p->node.kind);
        c.detail = g_strdup_printf("%s%s%s", p->node.label, *kind ? ", " : "", kind);
        return c;
    }
    case SG_PATCH_REMOVE_NODE:
    case SG_PATCH_CHANGE_NODE:
        c.node = p->node.id;
        c.sources = p->node.sources ? p->node.sources : sg_empty_list();
        c.detail = p->op == SG_PATCH_CHANGE_NODE ? node_change_detail(p) : g_strdup("and every tie it has");
        return c;
    case SG_PATCH_MERGE_NODES:
        c.source = p->source_id;
        c.target = p->target_id;
        c.sources = p->edge.sources ? p->edge.sources : sg_empty_list();
        c.detail = g_strdup_printf("%s's ties joined under %s", p->target_id, p->source_id);
        return c;
    default:
        break;
    }
    c.source = p->source_id;
    c.target = p->target_id;
    c.relation = p->relation ? p->relation->name : NULL;
    c.sources = p->edge.sources ? p->edge.sources : sg_empty_list();
    if (p->op == SG_PATCH_ADD_EDGE)
        c.detail = added_detail(p);
    else if (p->op == SG_PATCH_CHANGE_EDGE)
        c.detail = change_detail(base, p);
    else
        c.detail = g_strdup("");
    return c;
}

static void describe_changes(sg_compare_reading *r, const sg_network *base, const sg_hypothesis *hyp)
{
    r->n_changes = hyp->n_patches;
    r->changes = g_new0(sg_compare_change, hyp->n_patches ? hyp->n_patches : 1);
    for (size_t i = 0; i < hyp->n_patches; i++)
        r->changes[i] = describe_patch(base, &hyp->patches[i]);
}

/* ---- readings and the union of their nodes ---- */

/* Adds one reading applying the N hypotheses IDS (after the reading's own) with CREDENCE. Returns false
 * after adding to DIAG. */
static bool add_reading(sg_comparison *cmp, sg_network *base, const sg_compare_options *opts, const char *const *ids,
                        size_t n, double credence, sg_diag *diag)
{
    sg_network *net = sg_reading_network_adding(base, &opts->reading, ids, n, diag);
    if (!net)
        return false;
    /* the reading's id is the hypotheses it applies joined by '+' (as the read network names them) */
    const char *id = net->applied_hypothesis ? net->applied_hypothesis : "base";
    if (sg_comparison_find_reading(cmp, id) >= 0) {
        sg_diag_error(diag, NULL, "hypothesis '%s' is named twice", n ? ids[n - 1] : id);
        sg_network_unref(net);
        return false;
    }
    sg_compare_reading *r = &cmp->readings[cmp->n_readings++];
    const char **own = g_new0(const char *, n + 1);
    GString *label = g_string_new(NULL), *citation = g_string_new(NULL);
    GPtrArray *sources = g_ptr_array_new();
    GPtrArray *citations = g_ptr_array_new();
    for (size_t i = 0; i < n; i++) {
        const sg_hypothesis *h = sg_network_find_hypothesis(base, ids[i]);
        own[i] = h->id;
        g_string_append_printf(label, "%s%s", i ? "; " : "", h->label);
        if (*h->citation && !g_ptr_array_find_with_equal_func(citations, h->citation, g_str_equal, NULL)) {
            g_ptr_array_add(citations, (gpointer)h->citation);
            g_string_append_printf(citation, "%s%s", citation->len ? "; " : "", h->citation);
        }
        for (size_t k = 0; h->sources && h->sources[k]; k++)
            if (!g_ptr_array_find_with_equal_func(sources, h->sources[k], g_str_equal, NULL))
                g_ptr_array_add(sources, (gpointer)h->sources[k]);
    }
    g_ptr_array_free(citations, TRUE);
    g_ptr_array_add(sources, NULL);
    *r = (sg_compare_reading){.id = id, .net = net, .hypotheses = own, .credence = credence,
                              .label = n ? sg_network_intern(base, label->str) : *base->title ? base->title : base->id,
                              .citation = sg_network_intern(base, citation->str),
                              .sources = (const char **)g_ptr_array_free(sources, FALSE)};
    g_string_free(label, TRUE);
    g_string_free(citation, TRUE);
    if (n == 1)
        describe_changes(r, base, sg_network_find_hypothesis(base, ids[0]));
    return true;
}

/* The hypotheses OPTS wants compared (named, or every one), less those every reading applies; an error in
 * DIAG (and NULL) for a named one that every reading applies. The caller frees the array. */
static GPtrArray *wanted_hypotheses(const sg_network *base, const sg_compare_options *opts, sg_diag *diag)
{
    GPtrArray *wanted = g_ptr_array_new();
    for (size_t i = 0; opts->hypotheses && opts->hypotheses[i]; i++) {
        if (!sg_network_find_hypothesis(base, opts->hypotheses[i])) {
            char *known = sg_network_hypothesis_ids(base);
            sg_diag_error(diag, NULL, "unknown hypothesis '%s' in --hypotheses (the network has: %s)",
                          opts->hypotheses[i], *known ? known : "none");
            g_free(known);
            g_ptr_array_free(wanted, TRUE);
            return NULL;
        }
        if (sg_reading_applies(&opts->reading, opts->hypotheses[i])) {
            sg_diag_error(diag, NULL, "hypothesis '%s' is applied to every reading (--hypothesis) and cannot be "
                          "compared as well", opts->hypotheses[i]);
            g_ptr_array_free(wanted, TRUE);
            return NULL;
        }
        g_ptr_array_add(wanted, (gpointer)opts->hypotheses[i]);
    }
    for (size_t i = 0; !opts->hypotheses && i < base->n_hypotheses; i++)
        if (!sg_reading_applies(&opts->reading, base->hypotheses[i].id))
            g_ptr_array_add(wanted, (gpointer)base->hypotheses[i].id);
    return wanted;
}

/* Adds the readings: the base (with the hypotheses every reading applies), then each hypothesis asked for
 * (by default every one not already applied), or every scenario. Returns false after adding to DIAG. */
static bool add_readings(sg_comparison *cmp, sg_network *base, const sg_compare_options *opts, sg_diag *diag)
{
    GPtrArray *wanted = wanted_hypotheses(base, opts, diag);
    if (!wanted)
        return false;
    bool ok;
    if (opts->scenarios) {
        g_ptr_array_add(wanted, NULL);
        sg_scenario_list *list = sg_scenarios_make(base, (const char *const *)wanted->pdata, opts->reading.hypotheses,
                                                   opts->reading.n_hypotheses, SG_COMPARE_MAX_SCENARIOS, diag);
        ok = list != NULL;
        if (ok)
            cmp->readings = g_new0(sg_compare_reading, list->count);
        for (size_t i = 0; ok && i < list->count; i++)
            ok = add_reading(cmp, base, opts, list->items[i].hypotheses, list->items[i].n_hypotheses,
                             list->items[i].credence, diag);
        sg_scenario_list_free(list);
    } else {
        cmp->readings = g_new0(sg_compare_reading, wanted->len + 1);
        ok = add_reading(cmp, base, opts, NULL, 0, NAN, diag);
        for (guint i = 0; ok && i < wanted->len; i++)
            ok = add_reading(cmp, base, opts, (const char *const *)&g_ptr_array_index(wanted, i), 1, NAN, diag);
    }
    g_ptr_array_free(wanted, TRUE);
    return ok;
}

/* Collects the union of the readings' nodes; INDEX maps an id to its union index + 1. */
static void collect_nodes(sg_comparison *cmp, GHashTable *index)
{
    GPtrArray *ids = g_ptr_array_new(), *labels = g_ptr_array_new();
    for (size_t r = 0; r < cmp->n_readings; r++) {
        const sg_network *net = cmp->readings[r].net;
        for (size_t i = 0; i < net->n_nodes; i++) {
            if (g_hash_table_contains(index, net->nodes[i].id))
                continue;
            g_ptr_array_add(ids, (gpointer)net->nodes[i].id);
            g_ptr_array_add(labels, (gpointer)net->nodes[i].label);
            g_hash_table_insert(index, (gpointer)net->nodes[i].id, GSIZE_TO_POINTER(ids->len));
        }
    }
    cmp->n_nodes = ids->len;
    cmp->node_ids = (const char **)g_ptr_array_free(ids, FALSE);
    cmp->node_labels = (const char **)g_ptr_array_free(labels, FALSE);
}

/* ---- values and ranks ---- */

/* Ranks reading R by VALUES, the measure's value for each node of R->net. */
static void rank_reading(sg_comparison *cmp, sg_compare_reading *r, const igraph_vector_t *values, GHashTable *index)
{
    size_t n = cmp->n_nodes;
    r->value = g_new(double, n);
    r->rank = g_new0(int, n);
    r->rank_change = g_new0(int, n);
    r->has_change = g_new0(bool, n);
    r->in_top = g_new0(bool, n);
    for (size_t i = 0; i < n; i++)
        r->value[i] = NAN;
    for (size_t i = 0; i < r->net->n_nodes; i++) {
        size_t u = GPOINTER_TO_SIZE(g_hash_table_lookup(index, r->net->nodes[i].id)) - 1;
        r->value[u] = VECTOR(*values)[i];
    }
    sg_competition_ranks(r->value, n, r->rank);
    for (size_t i = 0; i < n; i++)
        r->in_top[i] = r->rank[i] > 0 && (size_t)r->rank[i] <= cmp->top_k && r->value[i] > 0;
}

static void rank_changes(sg_comparison *cmp)
{
    const sg_compare_reading *base = &cmp->readings[0];
    cmp->max_change = g_new0(int, cmp->n_nodes);
    cmp->rank_spread = g_new0(int, cmp->n_nodes);
    for (size_t i = 0; i < cmp->n_nodes; i++) {
        int best = 0, worst = 0;
        bool any_value = false;
        for (size_t r = 0; r < cmp->n_readings; r++) {
            sg_compare_reading *h = &cmp->readings[r];
            if (h->rank[i] == 0)
                continue;
            any_value = any_value || h->value[i] != 0;
            best = best == 0 || h->rank[i] < best ? h->rank[i] : best;
            worst = h->rank[i] > worst ? h->rank[i] : worst;
            if (base->rank[i] == 0)
                continue;
            h->has_change[i] = true;
            /* a node with no value in either reading has no standing to lose or gain */
            bool both_zero = base->value[i] == 0 && h->value[i] == 0;
            h->rank_change[i] = both_zero ? 0 : base->rank[i] - h->rank[i];
            cmp->max_change[i] = MAX(cmp->max_change[i], ABS(h->rank_change[i]));
        }
        cmp->rank_spread[i] = any_value ? worst - best : 0;
    }
}

static int best_rank(const sg_comparison *cmp, size_t node)
{
    int best = G_MAXINT;
    for (size_t r = 0; r < cmp->n_readings; r++)
        if (cmp->readings[r].rank[node] > 0 && cmp->readings[r].rank[node] < best)
            best = cmp->readings[r].rank[node];
    return best;
}

static int compare_dependence(const void *a, const void *b, void *data)
{
    const sg_comparison *cmp = data;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    if (cmp->max_change[x] != cmp->max_change[y])
        return cmp->max_change[x] > cmp->max_change[y] ? -1 : 1;
    int bx = best_rank(cmp, x), by = best_rank(cmp, y);
    if (bx != by)
        return bx < by ? -1 : 1;
    return strcmp(cmp->node_ids[x], cmp->node_ids[y]);
}

static void order_nodes(sg_comparison *cmp)
{
    cmp->order = g_new(size_t, cmp->n_nodes ? cmp->n_nodes : 1);
    for (size_t i = 0; i < cmp->n_nodes; i++)
        cmp->order[i] = i;
    g_qsort_with_data(cmp->order, (gint)cmp->n_nodes, sizeof *cmp->order, compare_dependence, cmp);
}

/* ---- agreement and conclusions ---- */

static sg_compare_pair compare_pair(const sg_comparison *cmp, size_t a, size_t b)
{
    const sg_compare_reading *ra = &cmp->readings[a], *rb = &cmp->readings[b];
    sg_compare_pair p = {.a = a, .b = b};
    double *x = g_new(double, cmp->n_nodes + 1), *y = g_new(double, cmp->n_nodes + 1);
    double *sa = g_new(double, cmp->n_nodes + 1), *sb = g_new(double, cmp->n_nodes + 1);
    sg_snap_ties(ra->value, cmp->n_nodes, sa); /* the ties the ranks show, over each reading's nodes */
    sg_snap_ties(rb->value, cmp->n_nodes, sb);
    for (size_t i = 0; i < cmp->n_nodes; i++) {
        if (ra->rank[i] == 0 || rb->rank[i] == 0)
            continue;
        x[p.common] = sa[i];
        y[p.common] = sb[i];
        p.common++;
        p.top_overlap += ra->in_top[i] && rb->in_top[i];
    }
    p.tau_b = sg_kendall_tau_b(x, y, p.common);
    p.rho = sg_spearman_rho(x, y, p.common);
    g_free(sa);
    g_free(sb);
    g_free(x);
    g_free(y);
    return p;
}

static void compare_pairs(sg_comparison *cmp)
{
    size_t n = cmp->n_readings;
    cmp->pairs = g_new0(sg_compare_pair, n * (n - 1) / 2 + 1);
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++)
            cmp->pairs[cmp->n_pairs++] = compare_pair(cmp, a, b);
}

static int compare_by_best_rank(const void *a, const void *b, void *data)
{
    const sg_comparison *cmp = data;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int bx = best_rank(cmp, x), by = best_rank(cmp, y);
    if (bx != by)
        return bx < by ? -1 : 1;
    return strcmp(cmp->node_ids[x], cmp->node_ids[y]);
}

static void conclude(sg_comparison *cmp)
{
    cmp->robust = g_new(size_t, cmp->n_nodes + 1);
    cmp->contested = g_new(size_t, cmp->n_nodes + 1);
    for (size_t i = 0; i < cmp->n_nodes; i++) {
        size_t tops = 0;
        for (size_t r = 0; r < cmp->n_readings; r++)
            tops += cmp->readings[r].in_top[i];
        if (tops == cmp->n_readings)
            cmp->robust[cmp->n_robust++] = i;
        else if (tops > 0)
            cmp->contested[cmp->n_contested++] = i;
    }
    g_qsort_with_data(cmp->robust, (gint)cmp->n_robust, sizeof(size_t), compare_by_best_rank, cmp);
    g_qsort_with_data(cmp->contested, (gint)cmp->n_contested, sizeof(size_t), compare_by_best_rank, cmp);
}

/* ---- the shortest route ---- */

/* Resolves NAME in the base, else in a hypothesis that adds it. Returns its id, or NULL after adding
 * an error to DIAG. */
static const char *resolve_end(const sg_comparison *cmp, const char *name, sg_diag *diag)
{
    for (size_t r = 0; r < cmp->n_readings; r++) {
        const sg_network *net = cmp->readings[r].net;
        int idx = sg_network_resolve_node(net, name, NULL);
        if (idx >= 0)
            return net->nodes[idx].id;
        if (idx == -2) { /* ambiguous: reported with the candidates */
            sg_network_resolve_node_or_report(net, name, diag);
            return NULL;
        }
    }
    sg_network_resolve_node_or_report(cmp->readings[0].net, name, diag);
    return NULL;
}

/* Sets *OUT to whether TO can be reached from FROM (asked first, so an unreachable end draws no
 * warning from igraph_get_shortest_path). */
static igraph_error_t reaches(const igraph_t *g, int from, int to, igraph_neimode_t mode, bool *out)
{
    igraph_matrix_t d;
    IGRAPH_CHECK(igraph_matrix_init(&d, 0, 0));
    IGRAPH_FINALLY(igraph_matrix_destroy, &d);
    IGRAPH_CHECK(igraph_distances(g, &d, igraph_vss_1(from), igraph_vss_1(to), mode));
    *out = isfinite(MATRIX(d, 0, 0));
    igraph_matrix_destroy(&d);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t route_in(sg_compare_reading *r, const sg_comparison *cmp, const sg_compare_options *opts,
                               GHashTable *index)
{
    int from = sg_network_find_node(r->net, cmp->path_from), to = sg_network_find_node(r->net, cmp->path_to);
    r->path_ends_present = from >= 0 && to >= 0;
    if (!r->path_ends_present)
        return IGRAPH_SUCCESS;
    sg_graph g;
    IGRAPH_CHECK(sg_graph_build(&g, r->net, &opts->reading));
    IGRAPH_FINALLY(sg_graph_destroy, &g);
    igraph_vector_int_t vertices;
    IGRAPH_CHECK(igraph_vector_int_init(&vertices, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &vertices);
    igraph_neimode_t mode = g.directed ? IGRAPH_OUT : IGRAPH_ALL;
    bool reachable;
    IGRAPH_CHECK(reaches(&g.graph, from, to, mode, &reachable));
    if (reachable)
        IGRAPH_CHECK(igraph_get_shortest_path(&g.graph, &vertices, NULL, from, to, mode));
    r->path_nodes = (size_t)igraph_vector_int_size(&vertices);
    r->path = r->path_nodes ? g_new(int, r->path_nodes) : NULL;
    for (size_t i = 0; i < r->path_nodes; i++)
        r->path[i] = GPOINTER_TO_INT(g_hash_table_lookup(index, r->net->nodes[VECTOR(vertices)[i]].id)) - 1;
    igraph_vector_int_destroy(&vertices);
    sg_graph_destroy(&g);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

/* ---- the union of the ties ---- */

/* The key of a tie between union nodes S and T: its ends in order (any order when undirected) and relation. */
static char *tie_key(int s, int t, const sg_relation *relation)
{
    if (!relation->directed && s > t) {
        int swap = s;
        s = t;
        t = swap;
    }
    return g_strdup_printf("%d %d %s", s, t, relation->name);
}

static sg_compare_tie *union_tie(sg_comparison *cmp, GHashTable *ties, GArray *list, int s, int t,
                                 const sg_relation *relation)
{
    char *key = tie_key(s, t, relation);
    gpointer found = g_hash_table_lookup(ties, key);
    if (found) {
        g_free(key);
        return &g_array_index(list, sg_compare_tie, GPOINTER_TO_SIZE(found) - 1);
    }
    sg_compare_tie tie = {s, t, relation, g_new0(bool, cmp->n_readings), g_new0(bool, cmp->n_readings)};
    g_array_append_val(list, tie);
    g_hash_table_insert(ties, key, GSIZE_TO_POINTER(list->len));
    return &g_array_index(list, sg_compare_tie, list->len - 1);
}

static void collect_ties(sg_comparison *cmp, GHashTable *index)
{
    GHashTable *ties = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GArray *list = g_array_new(FALSE, FALSE, sizeof(sg_compare_tie));
    for (size_t r = 0; r < cmp->n_readings; r++) {
        const sg_network *net = cmp->readings[r].net;
        for (size_t i = 0; i < net->n_edges; i++) {
            const sg_edge *e = &net->edges[i];
            int s = (int)GPOINTER_TO_SIZE(g_hash_table_lookup(index, net->nodes[e->source].id)) - 1;
            int t = (int)GPOINTER_TO_SIZE(g_hash_table_lookup(index, net->nodes[e->target].id)) - 1;
            sg_compare_tie *tie = union_tie(cmp, ties, list, s, t, e->relation);
            tie->present[r] = true;
            tie->altered[r] = tie->altered[r] || (r > 0 && e->changed);
        }
    }
    cmp->n_ties = list->len;
    cmp->ties = (sg_compare_tie *)(void *)g_array_free(list, FALSE);
    g_hash_table_destroy(ties);
}

sg_tie_status sg_compare_tie_status(const sg_comparison *cmp, const sg_compare_tie *t)
{
    if (!t->present[0])
        return SG_TIE_ADDED;
    bool altered = false;
    for (size_t r = 1; r < cmp->n_readings; r++) {
        if (!t->present[r])
            return SG_TIE_REMOVED;
        altered = altered || t->altered[r];
    }
    return altered ? SG_TIE_ALTERED : SG_TIE_BASE;
}

/* A hypothesis keeping only the add_node and add_edge lines of HYP that NET does not hold yet; its patches
 * array is the caller's to g_free. */
static sg_hypothesis additions_of(const sg_network *net, const sg_hypothesis *hyp)
{
    sg_hypothesis only = *hyp;
    only.patches = g_new0(sg_patch, hyp->n_patches + 1);
    only.n_patches = 0;
    for (size_t i = 0; i < hyp->n_patches; i++) {
        const sg_patch *p = &hyp->patches[i];
        bool keep = p->op == SG_PATCH_ADD_EDGE ||
                    (p->op == SG_PATCH_ADD_NODE && sg_network_find_node(net, p->node.id) < 0);
        if (keep)
            only.patches[only.n_patches++] = *p;
    }
    return only;
}

/* True when NET already holds the tie that patch P adds. */
static bool holds_tie(const sg_network *net, const sg_patch *p)
{
    sg_edge e = p->edge;
    e.source = sg_network_find_node(net, p->source_id);
    e.target = sg_network_find_node(net, p->target_id);
    e.relation = p->relation;
    for (size_t i = 0; e.source >= 0 && e.target >= 0 && i < net->n_edges; i++)
        if (sg_edge_same_tie(&net->edges[i], &e))
            return true;
    return false;
}

sg_network *sg_network_union_of_hypotheses(sg_network *base, sg_diag *diag)
{
    sg_network *net = sg_network_ref(base);
    sg_diag *scratch = sg_diag_new(); /* warnings of the partial patches are not the user's concern */
    for (size_t h = 0; net && h < base->n_hypotheses; h++) {
        sg_hypothesis only = additions_of(net, &base->hypotheses[h]);
        size_t kept = 0;
        for (size_t i = 0; i < only.n_patches; i++)
            if (only.patches[i].op == SG_PATCH_ADD_NODE || !holds_tie(net, &only.patches[i]))
                only.patches[kept++] = only.patches[i];
        only.n_patches = kept;
        sg_network *next = sg_network_apply_patches(net, &only, scratch);
        sg_network_unref(net);
        net = next;
        g_free(only.patches);
    }
    for (size_t i = 0; i < scratch->count; i++)
        if (scratch->items[i].severity == SG_SEV_ERROR) {
            sg_origin at = {scratch->items[i].file, scratch->items[i].line, scratch->items[i].column};
            sg_diag_error(diag, &at, "%s", scratch->items[i].message);
        }
    if (scratch->errors) {
        sg_network_unref(net);
        net = NULL;
    } else if (net) {
        net->applied_hypothesis = NULL;
    }
    sg_diag_free(scratch);
    return net;
}

/* Sets R->p_top from OPTS->samples samples of R's ties. */
static igraph_error_t sample_reading(sg_comparison *cmp, sg_compare_reading *r, const sg_compare_options *opts,
                                     GHashTable *index)
{
    igraph_vector_t p;
    IGRAPH_VECTOR_INIT_FINALLY(&p, 0);
    IGRAPH_CHECK(sg_sample_p_top(r->net, opts->measure, &opts->centrality, opts->samples, opts->seed, cmp->top_k, &p));
    r->p_top = g_new(double, cmp->n_nodes + 1);
    for (size_t i = 0; i < cmp->n_nodes; i++)
        r->p_top[i] = NAN;
    for (size_t i = 0; i < r->net->n_nodes; i++)
        r->p_top[GPOINTER_TO_SIZE(g_hash_table_lookup(index, r->net->nodes[i].id)) - 1] = VECTOR(p)[i];
    igraph_vector_destroy(&p);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* ---- putting it together ---- */

static igraph_error_t analyse(sg_comparison *cmp, const sg_compare_options *opts, GHashTable *index)
{
    igraph_vector_t values;
    IGRAPH_VECTOR_INIT_FINALLY(&values, 0);
    /* one computation for progress: the measures and samples of each reading count in it, not apart */
    sg_progress_begin(opts->samples ? "comparison with samples" : "comparison", "readings", cmp->n_readings);
    igraph_error_t err = IGRAPH_SUCCESS;
    for (size_t r = 0; err == IGRAPH_SUCCESS && r < cmp->n_readings; r++) {
        sg_compare_reading *reading = &cmp->readings[r];
        err = sg_centrality_one(reading->net, opts->measure, &opts->centrality, &values);
        if (err == IGRAPH_SUCCESS)
            rank_reading(cmp, reading, &values, index);
        if (err == IGRAPH_SUCCESS && opts->samples)
            err = sample_reading(cmp, reading, opts, index);
        if (err == IGRAPH_SUCCESS)
            err = compute_figures(reading->net, cmp->centralization_measure, opts->measure, &values,
                                  &opts->centrality, &reading->figures);
        if (err == IGRAPH_SUCCESS && cmp->path_from)
            err = route_in(reading, cmp, opts, index);
        sg_progress_add(1);
    }
    sg_progress_end();
    IGRAPH_CHECK(err);
    igraph_vector_destroy(&values);
    IGRAPH_FINALLY_CLEAN(1);
    rank_changes(cmp);
    collect_ties(cmp, index);
    order_nodes(cmp);
    compare_pairs(cmp);
    conclude(cmp);
    return IGRAPH_SUCCESS;
}

static bool resolve_path(sg_comparison *cmp, const sg_compare_options *opts, sg_diag *diag)
{
    if (!opts->path_from)
        return true;
    cmp->path_from = resolve_end(cmp, opts->path_from, diag);
    cmp->path_to = resolve_end(cmp, opts->path_to, diag);
    return cmp->path_from && cmp->path_to;
}

sg_comparison *sg_compare(sg_network *base, const sg_compare_options *opts, sg_diag *diag)
{
    sg_compare_options defaults;
    sg_compare_options_init(&defaults);
    const char *measure = opts->measure ? opts->measure : defaults.measure;
    if (!sg_centrality_measure_known(measure)) {
        char *known = g_strjoinv(", ", (char **)sg_centrality_measures());
        sg_diag_error(diag, NULL, "unknown measure '%s' (%s)", measure, known);
        g_free(known);
        return NULL;
    }
    sg_compare_options o = *opts;
    o.measure = measure;
    o.centrality.reading = opts->reading;
    sg_comparison *cmp = g_new0(sg_comparison, 1);
    cmp->measure = measure;
    cmp->centralization_measure = centralization_measure(measure);
    cmp->directed = sg_centrality_directed(measure, &o.centrality);
    cmp->top_k = opts->top_k ? opts->top_k : defaults.top_k;
    cmp->scenarios = opts->scenarios;
    cmp->samples = opts->samples;
    cmp->seed = opts->seed;
    GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
    bool ok = add_readings(cmp, base, &o, diag) && resolve_path(cmp, &o, diag);
    if (ok) {
        collect_nodes(cmp, index);
        ok = analyse(cmp, &o, index) == IGRAPH_SUCCESS;
    }
    g_hash_table_destroy(index);
    if (!ok) {
        sg_comparison_free(cmp);
        return NULL;
    }
    return cmp;
}

static void free_reading(sg_compare_reading *r)
{
    g_free(r->hypotheses);
    g_free(r->sources);
    for (size_t i = 0; i < r->n_changes; i++)
        g_free(r->changes[i].detail);
    g_free(r->changes);
    g_free(r->value);
    g_free(r->rank);
    g_free(r->rank_change);
    g_free(r->has_change);
    g_free(r->in_top);
    g_free(r->p_top);
    g_free(r->path);
    sg_network_unref(r->net);
}

void sg_comparison_free(sg_comparison *cmp)
{
    if (!cmp)
        return;
    for (size_t r = 0; r < cmp->n_readings; r++)
        free_reading(&cmp->readings[r]);
    g_free(cmp->readings);
    g_free(cmp->node_ids);
    g_free(cmp->node_labels);
    g_free(cmp->max_change);
    g_free(cmp->rank_spread);
    g_free(cmp->order);
    g_free(cmp->pairs);
    g_free(cmp->robust);
    g_free(cmp->contested);
    for (size_t t = 0; t < cmp->n_ties; t++) {
        g_free(cmp->ties[t].present);
        g_free(cmp->ties[t].altered);
    }
    g_free(cmp->ties);
    g_free(cmp);
}

int sg_comparison_find_reading(const sg_comparison *cmp, const char *id)
{
    for (size_t r = 0; r < cmp->n_readings; r++)
        if (strcmp(cmp->readings[r].id, id) == 0)
            return (int)r;
    return -1;
}

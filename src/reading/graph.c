/* graph.c: the one builder of igraph graphs from a network, the direction rule, and igraph's error handlers. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spygraph/message.h"
#include "spygraph/reading.h"

bool sg_weights_parse(const char *text, sg_weights *out)
{
    if (g_strcmp0(text, "none") == 0)
        *out = SG_WEIGHTS_NONE;
    else if (g_strcmp0(text, "weight") == 0)
        *out = SG_WEIGHTS_WEIGHT;
    else if (g_strcmp0(text, "confidence") == 0)
        *out = SG_WEIGHTS_CONFIDENCE;
    else
        return false;
    return true;
}

bool sg_weights_check(const sg_network *net, sg_weights weights, sg_diag *diag)
{
    bool ok = true;
    for (size_t i = 0; weights == SG_WEIGHTS_CONFIDENCE && i < net->n_edges; i++) {
        const sg_edge *e = &net->edges[i];
        if (e->confidence > 0 && e->confidence < SG_WEIGHT_MIN) {
            sg_diag_error(diag, &e->origin, "confidence %g cannot be read as a weight (--weights confidence): "
                          "it must be 0 or at least %g", e->confidence, SG_WEIGHT_MIN);
            ok = false;
        }
    }
    return ok;
}

int sg_tie_arcs(const sg_network *net, const sg_edge *e, sg_direction direction)
{
    switch (direction) {
    case SG_DIRECTION_MUTUAL:
        return 2;
    case SG_DIRECTION_DIRECTED:
        /* a tie's own direction first; a bare edge list's unspecified `tie` is read as written, from source
         * to target */
        if (e->direction != SG_TIE_AS_RELATION)
            return e->direction == SG_TIE_DIRECTED ? 1 : 2;
        if (e->relation->directed || (!net->curated && e->relation == sg_relation_unspecified()))
            return 1;
        return 2;
    default:
        return 1;
    }
}

/* One arc before the graph is made: its ends and the tie it comes from. */
typedef struct arc {
    igraph_integer_t from, to;
    int tie;
} arc;

static int compare_arcs(const void *x, const void *y)
{
    const arc *p = x, *q = y;
    if (p->from != q->from)
        return p->from < q->from ? -1 : 1;
    if (p->to != q->to)
        return p->to < q->to ? -1 : 1;
    return (p->tie > q->tie) - (p->tie < q->tie);
}

static bool tie_counts(const sg_edge *e, const sg_reading *r, size_t i)
{
    if (r->tie_mask && !r->tie_mask[i])
        return false;
    return r->weights != SG_WEIGHTS_CONFIDENCE || e->confidence > 0;
}

/* Writes to OUT the arcs tie I of NET gives under R (DIRECTED: the graph is directed); returns how many
 * (0 when the tie does not count or, merged, is a self-loop). Merged, an undirected edge's ends are in
 * increasing order. */
static int tie_arcs(const sg_network *net, const sg_reading *r, bool directed, size_t i, arc out[2])
{
    const sg_edge *e = &net->edges[i];
    bool merge = r->merge == SG_MERGE_PARALLEL;
    if (!tie_counts(e, r, i) || (merge && e->source == e->target))
        return 0;
    out[0] = (arc){e->source, e->target, (int)i};
    if (!directed) {
        if (merge && e->source > e->target)
            out[0] = (arc){e->target, e->source, (int)i};
        return 1;
    }
    if (sg_tie_arcs(net, e, r->direction) == 1)
        return 1;
    out[1] = (arc){e->target, e->source, (int)i};
    return 2;
}

/* Every arc the reading makes of NET's ties, *COUNT of them (the caller g_free()s the array): in tie order,
 * or (merged) sorted by (from, to, tie): a counting sort on FROM, stable so that ties stay in order within a
 * vertex, then each vertex's arcs by TO. O(n + m log(max degree)). NULL when memory runs out. */
static arc *collect_arcs(const sg_network *net, const sg_reading *r, bool directed, size_t *count)
{
    size_t n = net->n_nodes, m = 0;
    bool merge = r->merge == SG_MERGE_PARALLEL;
    size_t *start = merge ? g_try_new0(size_t, n + 2) : NULL;
    if (merge && !start)
        return NULL;
    arc two[2];
    for (size_t i = 0; i < net->n_edges; i++) {
        int k = tie_arcs(net, r, directed, i, two);
        m += (size_t)k;
        for (int j = 0; merge && j < k; j++)
            start[two[j].from + 2]++;
    }
    arc *arcs = g_try_new(arc, m + 1);
    if (!arcs) {
        g_free(start);
        return NULL;
    }
    for (size_t v = 2; merge && v < n + 2; v++)
        start[v] += start[v - 1];
    size_t next = 0;
    for (size_t i = 0; i < net->n_edges; i++) {
        int k = tie_arcs(net, r, directed, i, two);
        for (int j = 0; j < k; j++)
            arcs[merge ? start[two[j].from + 1]++ : next++] = two[j];
    }
    for (size_t v = 0; merge && v < n; v++) /* start[v + 1] is now where vertex v's arcs end */
        if (start[v + 1] - start[v] > 1)
            qsort(arcs + start[v], start[v + 1] - start[v], sizeof *arcs, compare_arcs);
    g_free(start);
    *count = m;
    return arcs;
}

static double tie_value(const sg_edge *e, sg_weights weights)
{
    return weights == SG_WEIGHTS_WEIGHT ? e->weight : weights == SG_WEIGHTS_CONFIDENCE ? e->confidence : 1.0;
}

/* Groups ARCS into edges (each arc its own edge, or runs of equal ends when merged), filling ENDS and G's
 * tie lists and values. */
static igraph_error_t group_arcs(sg_graph *g, const sg_network *net, const sg_reading *r, const arc *arcs,
                                 size_t n_arcs, igraph_vector_int_t *ends)
{
    bool merge = r->merge == SG_MERGE_PARALLEL;
    igraph_integer_t m = -1;
    for (size_t i = 0; i < n_arcs; i++) {
        const arc *x = &arcs[i];
        const arc *prev = i ? &arcs[i - 1] : NULL;
        const sg_edge *e = &net->edges[x->tie];
        double value = tie_value(e, r->weights);
        if (!merge || !prev || prev->from != x->from || prev->to != x->to) {
            m++;
            VECTOR(*ends)[2 * m] = x->from;
            VECTOR(*ends)[2 * m + 1] = x->to;
            VECTOR(g->tie_start)[m] = (igraph_integer_t)i;
            VECTOR(g->weight)[m] = value;
        } else {
            double *w = &VECTOR(g->weight)[m];
            *w = r->weights == SG_WEIGHTS_WEIGHT ? *w + value : r->weights == SG_WEIGHTS_CONFIDENCE ? MAX(*w, value) : 1.0;
        }
        VECTOR(g->ties)[i] = x->tie;
    }
    m++;
    VECTOR(g->tie_start)[m] = (igraph_integer_t)n_arcs;
    IGRAPH_CHECK(igraph_vector_int_resize(ends, 2 * m));
    IGRAPH_CHECK(igraph_vector_int_resize(&g->tie_start, m + 1));
    IGRAPH_CHECK(igraph_vector_resize(&g->weight, m));
    return IGRAPH_SUCCESS;
}

igraph_error_t sg_graph_build(sg_graph *g, const sg_network *net, const sg_reading *r)
{
    sg_reading plain;
    if (!r) {
        sg_reading_init(&plain);
        r = &plain;
    }
    memset(g, 0, sizeof *g);
    g->directed = r->direction == SG_DIRECTION_DIRECTED || r->direction == SG_DIRECTION_MUTUAL;
    g->weighted = r->weights != SG_WEIGHTS_NONE;
    size_t count = 0;
    arc *arcs = collect_arcs(net, r, g->directed, &count);
    if (!arcs)
        IGRAPH_ERROR("out of memory building the graph", IGRAPH_ENOMEM);
    IGRAPH_FINALLY(g_free, arcs);
    igraph_integer_t n_arcs = (igraph_integer_t)count;
    igraph_vector_int_t ends;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&ends, 2 * n_arcs);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&g->tie_start, n_arcs + 1);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&g->ties, n_arcs);
    IGRAPH_VECTOR_INIT_FINALLY(&g->weight, n_arcs);
    IGRAPH_CHECK(group_arcs(g, net, r, arcs, count, &ends));
    IGRAPH_CHECK(igraph_create(&g->graph, &ends, (igraph_integer_t)net->n_nodes,
                               g->directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED));
    igraph_vector_int_destroy(&ends);
    g_free(arcs);
    IGRAPH_FINALLY_CLEAN(5);
    return IGRAPH_SUCCESS;
}

void sg_graph_destroy(sg_graph *g)
{
    igraph_destroy(&g->graph);
    igraph_vector_int_destroy(&g->tie_start);
    igraph_vector_int_destroy(&g->ties);
    igraph_vector_destroy(&g->weight);
}

const igraph_vector_t *sg_graph_weights(const sg_graph *g)
{
    return g->weighted ? &g->weight : NULL;
}

igraph_integer_t sg_graph_find_edge(const sg_graph *g, igraph_integer_t from, igraph_integer_t to)
{
    igraph_integer_t eid = -1;
    if (igraph_get_eid(&g->graph, &eid, from, to, IGRAPH_DIRECTED, false) != IGRAPH_SUCCESS)
        return -1;
    return eid;
}

igraph_integer_t sg_graph_edge_tie_count(const sg_graph *g, igraph_integer_t e)
{
    return VECTOR(g->tie_start)[e + 1] - VECTOR(g->tie_start)[e];
}

int sg_graph_edge_tie(const sg_graph *g, igraph_integer_t e, igraph_integer_t i)
{
    return (int)VECTOR(g->ties)[VECTOR(g->tie_start)[e] + i];
}

/* ---- igraph's handlers ------------------------------------------------------------------------- */

static void report_igraph_error(const char *reason, const char *file, int line, igraph_error_t err)
{
    (void)file;
    (void)line;
    /* IGRAPH_CHECK passes an error up by raising it again with an empty reason: report that only if
     * nothing was reported before */
    static bool reported = false;
    if (reason && *reason)
        sg_error("analysis failed: %s (%s)", reason, igraph_strerror(err));
    else if (!reported)
        sg_error("analysis failed (%s)", igraph_strerror(err));
    reported = true;
    IGRAPH_FINALLY_FREE();
}

static void report_igraph_warning(const char *reason, const char *file, int line)
{
    (void)file;
    (void)line;
    sg_warning("%s", reason);
}

void sg_igraph_install_handlers(void)
{
    igraph_set_error_handler(report_igraph_error);
    igraph_set_warning_handler(report_igraph_warning);
}

/* summary.c: the network-level figures `info` shows: counts, components, density, diameter, span, dates. */
#include <glib.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "spygraph/summary.h"

static int compare_counts(const void *a, const void *b)
{
    return strcmp(((const sg_count *)a)->name, ((const sg_count *)b)->name);
}

/* Turns a name -> count table into a sorted array. */
static sg_count *counts_from(GHashTable *table, size_t *n)
{
    *n = g_hash_table_size(table);
    sg_count *counts = g_new0(sg_count, *n + 1);
    GHashTableIter it;
    gpointer key, value;
    size_t i = 0;
    g_hash_table_iter_init(&it, table);
    while (g_hash_table_iter_next(&it, &key, &value))
        counts[i++] = (sg_count){key, GPOINTER_TO_SIZE(value)};
    qsort(counts, *n, sizeof *counts, compare_counts);
    return counts;
}

static void bump(GHashTable *table, const char *name)
{
    gpointer v = g_hash_table_lookup(table, name);
    g_hash_table_insert(table, (gpointer)name, GSIZE_TO_POINTER(GPOINTER_TO_SIZE(v) + 1));
}

static void count_tables(const sg_network *net, sg_summary *s)
{
    GHashTable *kinds = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *relations = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *ties = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t i = 0; i < net->n_nodes; i++)
        bump(kinds, *sg_kind_name(net->nodes[i].kind) ? sg_kind_name(net->nodes[i].kind) : "unspecified");
    long first = LONG_MAX, last = LONG_MIN;
    for (size_t i = 0; i < net->n_edges; i++) {
        const sg_edge *e = &net->edges[i];
        bump(relations, e->relation->name);
        s->self_loops += e->source == e->target;
        int a = e->source, b = e->target;
        if (!e->relation->directed && a > b) {
            int t = a;
            a = b;
            b = t;
        }
        char *key = g_strdup_printf("%d %d %s", a, b, e->relation->name);
        if (g_hash_table_contains(ties, key)) {
            s->multi_edges++;
            g_free(key);
        } else {
            g_hash_table_add(ties, key);
        }
        if (sg_interval_is_timeless(&e->when))
            continue;
        s->dated_edges++;
        if (!sg_date_is_open(e->when.start) && sg_date_first_day(e->when.start) < first) {
            first = sg_date_first_day(e->when.start);
            s->span.start = e->when.start;
        }
        sg_date last_known = !sg_date_is_open(e->when.end) ? e->when.end : e->when.start;
        if (!sg_date_is_open(last_known) && sg_date_last_day(last_known) > last) {
            last = sg_date_last_day(last_known);
            s->span.end = last_known;
        }
    }
    s->by_kind = counts_from(kinds, &s->n_kinds);
    s->by_relation = counts_from(relations, &s->n_relations);
    g_hash_table_destroy(kinds);
    g_hash_table_destroy(relations);
    g_hash_table_destroy(ties);
}

/* Counts D in C by how it was written (nothing when D is open). */
static void count_date(sg_date_counts *c, sg_date d)
{
    if (sg_date_is_open(d))
        return;
    c->written++;
    c->approximate += (d.flags & SG_DATE_APPROXIMATE) != 0;
    c->uncertain += (d.flags & SG_DATE_UNCERTAIN) != 0;
    c->unspecified += (d.flags & SG_DATE_UNSPECIFIED) != 0;
    c->ranges += (d.flags & SG_DATE_RANGE) != 0;
    c->open_ended += (d.flags & SG_DATE_OPEN_ENDED) != 0;
}

/* How the dates of NET's nodes, ties, events and span were written. O(n + m + events). */
static void count_dates(const sg_network *net, sg_date_counts *c)
{
    for (size_t i = 0; i < net->n_nodes; i++) {
        count_date(c, net->nodes[i].when.start);
        count_date(c, net->nodes[i].when.end);
    }
    for (size_t i = 0; i < net->n_edges; i++) {
        count_date(c, net->edges[i].when.start);
        count_date(c, net->edges[i].when.end);
    }
    for (size_t i = 0; i < net->n_events; i++)
        count_date(c, net->events[i].date);
    count_date(c, net->span.start);
    count_date(c, net->span.end);
}

/* Components, density and (WITH_DISTANCES) diameter and mean distance of the simple graph of NET read as
 * DIRECTION. */
static igraph_error_t graph_figures(const sg_network *net, sg_direction direction, bool with_distances,
                                    sg_summary *s)
{
    sg_reading reading;
    sg_reading_init(&reading);
    reading.direction = direction == SG_DIRECTION_DIRECTED ? direction : SG_DIRECTION_UNDIRECTED;
    sg_graph g;
    IGRAPH_CHECK(sg_graph_build(&g, net, &reading));
    IGRAPH_FINALLY(sg_graph_destroy, &g);
    s->directed = g.directed;

    igraph_vector_int_t membership, sizes;
    igraph_integer_t count;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&membership, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&sizes, 0);
    IGRAPH_CHECK(igraph_connected_components(&g.graph, &membership, &sizes, &count, IGRAPH_WEAK));
    s->components = (size_t)count;
    s->largest_component = count ? (size_t)igraph_vector_int_max(&sizes) : 0;
    for (igraph_integer_t i = 0; i < count; i++)
        s->isolates += VECTOR(sizes)[i] == 1;
    s->strong_components = s->components;
    if (g.directed) {
        IGRAPH_CHECK(igraph_connected_components(&g.graph, &membership, &sizes, &count, IGRAPH_STRONG));
        s->strong_components = (size_t)count;
    }
    igraph_vector_int_destroy(&sizes);
    igraph_vector_int_destroy(&membership);
    IGRAPH_FINALLY_CLEAN(2);

    igraph_integer_t n = igraph_vcount(&g.graph), m = igraph_ecount(&g.graph);
    s->links = (size_t)m;
    double pairs = (double)n * (double)(n - 1) / (g.directed ? 1.0 : 2.0);
    s->density = n > 1 ? (double)m / pairs : NAN;
    s->diameter = s->mean_distance = NAN;
    if (m > 0 && with_distances) {
        igraph_real_t diameter, mean;
        IGRAPH_CHECK(igraph_diameter(&g.graph, &diameter, NULL, NULL, NULL, NULL, g.directed, true));
        IGRAPH_CHECK(igraph_average_path_length(&g.graph, &mean, NULL, g.directed, true));
        s->diameter = diameter;
        s->mean_distance = mean;
    }
    sg_graph_destroy(&g);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

igraph_error_t sg_summary_compute(const sg_network *net, sg_direction direction, bool with_distances,
                                  sg_summary *out)
{
    memset(out, 0, sizeof *out);
    out->nodes = net->n_nodes;
    out->ties = net->n_edges;
    out->sources = net->n_sources;
    count_tables(net, out);
    count_dates(net, &out->dates);
    igraph_error_t err = graph_figures(net, direction, with_distances, out);
    if (err != IGRAPH_SUCCESS)
        sg_summary_free(out);
    return err;
}

void sg_summary_free(sg_summary *s)
{
    g_free(s->by_kind);
    g_free(s->by_relation);
    s->by_kind = s->by_relation = NULL;
}

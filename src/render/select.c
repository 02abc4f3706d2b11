/* select.c: which nodes and ties a diagram draws (confidence floor, focus) and the route it highlights. */
#include <string.h>

#include "internal.h"
#include "spygraph/paths.h"

igraph_error_t sg_view_graph(const sg_network *net, const sg_view *view, sg_direction direction, sg_graph *graph)
{
    sg_reading reading;
    sg_reading_init(&reading);
    reading.direction = direction;
    reading.merge = SG_MERGE_NONE;
    reading.tie_mask = view->edge_drawn;
    return sg_graph_build(graph, net, &reading);
}

bool sg_render_arrow(const sg_network *net, const sg_render_spec *spec, const sg_edge *e)
{
    if (spec->direction == SG_DIRECTION_UNDIRECTED)
        return false;
    if (spec->direction == SG_DIRECTION_DIRECTED)
        return sg_tie_arcs(net, e, SG_DIRECTION_DIRECTED) == 1;
    return sg_edge_directed(e);
}

/* Keeps the nodes within SPEC->hops of the focus (over the ties kept so far, direction ignored) and the
 * ties between them. */
static igraph_error_t keep_neighbourhood(const sg_network *net, const sg_render_spec *spec, sg_view *view)
{
    sg_graph graph;
    igraph_vector_int_list_t hoods;
    IGRAPH_CHECK(sg_view_graph(net, view, SG_DIRECTION_UNDIRECTED, &graph));
    IGRAPH_FINALLY(sg_graph_destroy, &graph);
    IGRAPH_CHECK(igraph_vector_int_list_init(&hoods, 0));
    IGRAPH_FINALLY(igraph_vector_int_list_destroy, &hoods);
    IGRAPH_CHECK(igraph_neighborhood(&graph.graph, &hoods, igraph_vss_1(spec->focus), spec->hops, IGRAPH_ALL, 0));
    const igraph_vector_int_t *hood = igraph_vector_int_list_get_ptr(&hoods, 0);
    for (size_t i = 0; i < net->n_nodes; i++)
        view->node_drawn[i] = false;
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(hood); k++)
        view->node_drawn[VECTOR(*hood)[k]] = true;
    for (size_t i = 0; i < net->n_edges; i++)
        view->edge_drawn[i] = view->edge_drawn[i] && view->node_drawn[net->edges[i].source] &&
                              view->node_drawn[net->edges[i].target];
    igraph_vector_int_list_destroy(&hoods);
    sg_graph_destroy(&graph);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

/* How the route was looked for, for its errors (g_free): "", " (following their direction)", " (following
 * their direction; channel relations only: --relations all follows every tie)". LEFT_OUT: some drawn tie is
 * of a relation the route may not follow. */
static char *reading_text(const sg_render_spec *spec, bool left_out)
{
    GString *how = g_string_new("");
    if (spec->direction == SG_DIRECTION_DIRECTED)
        g_string_append(how, "following their direction");
    if (left_out)
        g_string_append_printf(how, "%s%s relations only: --relations all follows every tie", how->len ? "; " : "",
                               (spec->route_relations & ~sg_relation_set_channels()) == 0 ? "channel" : "some");
    if (how->len) {
        g_string_prepend(how, " (");
        g_string_append_c(how, ')');
    }
    return g_string_free(how, FALSE);
}

/* Finds the route the spec asks for as `spygraph paths FROM TO --k RANK` does (sg_paths_find with
 * k = RANK over the drawn ties of SPEC->route_relations, parallel ties merged into one link, read as
 * SPEC->direction, unweighted) and marks its nodes and every tie in evidence for each hop. Returns false
 * with an error in DIAG when there is no such route (none at all, or fewer than RANK). O(the search:
 * RANK runs of Yen's algorithm within its step budget). */
static bool mark_route(const sg_network *net, const sg_render_spec *spec, sg_view *view, sg_diag *diag)
{
    const char *from = net->nodes[spec->path_from].id, *to = net->nodes[spec->path_to].id;
    size_t rank = spec->path_rank ? spec->path_rank : 1;
    bool *mask = g_new(bool, net->n_edges);
    bool left_out = false; /* a drawn tie the route may not follow */
    for (size_t i = 0; i < net->n_edges; i++) {
        mask[i] = view->edge_drawn[i] && sg_relation_set_has(spec->route_relations, net->edges[i].relation);
        left_out = left_out || (view->edge_drawn[i] && !mask[i]);
    }
    sg_reading reading;
    sg_reading_init(&reading);
    reading.direction = spec->direction;
    reading.weights = SG_WEIGHTS_NONE;
    reading.merge = SG_MERGE_PARALLEL;
    reading.tie_mask = mask;
    sg_graph lg;
    if (sg_graph_build(&lg, net, &reading) != IGRAPH_SUCCESS) {
        g_free(mask);
        sg_diag_error(diag, NULL, "cannot find the route from '%s' to '%s'", from, to);
        return false;
    }
    g_free(mask);
    sg_path_query q = {.from = spec->path_from, .to = spec->path_to, .k = rank, .limit = rank,
                       .max_candidates = SG_PATHS_MAX_CANDIDATES, .budget = SG_PATHS_BUDGET};
    sg_path_list list;
    igraph_error_t err = sg_paths_find(net, &lg, &q, &list);
    sg_graph_destroy(&lg);
    if (err != IGRAPH_SUCCESS) {
        sg_diag_error(diag, NULL, "cannot find the route from '%s' to '%s'", from, to);
        return false;
    }
    char *how = reading_text(spec, left_out);
    const char *stopped = list.exhausted ? " before the search budget ran out"
                          : list.capped  ? " among the candidates examined" : "";
    bool found = list.count >= rank;
    if (list.count == 0) {
        sg_diag_error(diag, NULL, "no route from '%s' to '%s' among the ties drawn%s%s", from, to, how, stopped);
    } else if (!found) {
        sg_diag_error(diag, NULL, "only %zu route%s from '%s' to '%s' among the ties drawn%s%s, fewer than "
                      "--path-rank %zu", list.count, list.count == 1 ? "" : "s", from, to, how, stopped, rank);
    } else {
        if (list.exhausted || list.capped)
            sg_diag_warning(diag, NULL, "the search for routes from '%s' to '%s' stopped%s: the route drawn is the "
                            "best found so far", from, to, stopped);
        const sg_path *path = &list.paths[rank - 1];
        for (size_t h = 0; h < path->n_hops; h++) {
            const sg_hop *hop = &path->hops[h];
            view->node_on_route[hop->from] = view->node_on_route[hop->to] = true;
            for (size_t i = 0; i < hop->n_ties; i++)
                view->edge_on_route[hop->ties[i]] = true;
        }
    }
    g_free(how);
    sg_path_list_free(&list);
    return found;
}

static void count_drawn(const sg_network *net, sg_view *view)
{
    view->drawn_nodes = view->drawn_edges = 0;
    for (size_t i = 0; i < net->n_nodes; i++)
        view->drawn_nodes += view->node_drawn[i];
    for (size_t i = 0; i < net->n_edges; i++)
        view->drawn_edges += view->edge_drawn[i];
}

/* Checks the route's ends are drawn and marks the route; false with an error in DIAG when there is none. */
static bool select_route(const sg_network *net, const sg_render_spec *spec, sg_view *view, sg_diag *diag)
{
    const char *from = net->nodes[spec->path_from].id, *to = net->nodes[spec->path_to].id;
    view->has_route = true;
    view->node_on_route = g_new0(bool, net->n_nodes);
    view->edge_on_route = g_new0(bool, net->n_edges);
    if (!view->node_drawn[spec->path_from] || !view->node_drawn[spec->path_to]) {
        sg_diag_error(diag, NULL, "no route from '%s' to '%s': %s is outside the focus", from, to,
                      view->node_drawn[spec->path_from] ? to : from);
        return false;
    }
    return mark_route(net, spec, view, diag);
}

bool sg_view_select(const sg_network *net, const sg_render_spec *spec, sg_view *view, sg_diag *diag)
{
    memset(view, 0, sizeof *view);
    view->n_nodes = net->n_nodes;
    view->n_edges = net->n_edges;
    view->size_top = -1;
    view->node_drawn = g_new(bool, net->n_nodes);
    view->edge_drawn = g_new(bool, net->n_edges);
    for (size_t i = 0; i < net->n_nodes; i++)
        view->node_drawn[i] = true;
    for (size_t i = 0; i < net->n_edges; i++)
        view->edge_drawn[i] = net->edges[i].confidence >= spec->min_confidence;
    if (spec->focus >= 0 && keep_neighbourhood(net, spec, view) != IGRAPH_SUCCESS) {
        sg_diag_error(diag, NULL, "cannot find the neighbourhood of '%s'", net->nodes[spec->focus].id);
        sg_view_free(view);
        return false;
    }
    count_drawn(net, view);
    if (spec->path_from >= 0 && !select_route(net, spec, view, diag)) {
        sg_view_free(view);
        return false;
    }
    return true;
}

void sg_view_free(sg_view *view)
{
    g_free(view->node_drawn);
    g_free(view->edge_drawn);
    g_free(view->node_on_route);
    g_free(view->edge_on_route);
    g_free(view->group);
    for (size_t i = 0; i < view->n_groups; i++) {
        g_free(view->groups[i].name);
        g_free(view->groups[i].display);
    }
    g_free(view->groups);
    g_free(view->size);
    g_free(view->labelled);
    memset(view, 0, sizeof *view);
}

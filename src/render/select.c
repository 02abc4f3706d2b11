/* select.c: which nodes and ties a diagram draws (confidence floor, focus) and the route it highlights. */
#include <string.h>

#include "internal.h"

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

/* Marks one shortest route between the path's ends over the drawn ties. Sets *FOUND. */
static igraph_error_t mark_route(const sg_network *net, const sg_render_spec *spec, sg_view *view, bool *found)
{
    sg_graph graph;
    igraph_vector_int_t vertices, edges;
    IGRAPH_CHECK(sg_view_graph(net, view, spec->direction, &graph));
    IGRAPH_FINALLY(sg_graph_destroy, &graph);
    IGRAPH_CHECK(igraph_vector_int_init(&vertices, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &vertices);
    IGRAPH_CHECK(igraph_vector_int_init(&edges, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
    /* Reachability first: igraph warns when asked for a route that does not exist. */
    IGRAPH_CHECK(igraph_subcomponent(&graph.graph, &vertices, spec->path_from, IGRAPH_OUT));
    *found = igraph_vector_int_contains(&vertices, spec->path_to);
    igraph_vector_int_clear(&vertices);
    if (*found)
        IGRAPH_CHECK(igraph_get_shortest_path(&graph.graph, &vertices, &edges, spec->path_from, spec->path_to, IGRAPH_OUT));
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(&vertices); k++)
        view->node_on_route[VECTOR(vertices)[k]] = true;
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(&edges); k++)
        view->edge_on_route[sg_graph_edge_tie(&graph, VECTOR(edges)[k], 0)] = true;
    igraph_vector_int_destroy(&edges);
    igraph_vector_int_destroy(&vertices);
    sg_graph_destroy(&graph);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
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
    bool found = false;
    if (!view->node_drawn[spec->path_from] || !view->node_drawn[spec->path_to]) {
        sg_diag_error(diag, NULL, "no route from '%s' to '%s': %s is outside the focus", from, to,
                      view->node_drawn[spec->path_from] ? to : from);
        return false;
    }
    if (mark_route(net, spec, view, &found) != IGRAPH_SUCCESS) {
        sg_diag_error(diag, NULL, "cannot find the route from '%s' to '%s'", from, to);
        return false;
    }
    if (!found)
        sg_diag_error(diag, NULL, "no route from '%s' to '%s' among the ties drawn%s", from, to,
                      spec->direction == SG_DIRECTION_DIRECTED ? " (following their direction)" : "");
    return found;
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

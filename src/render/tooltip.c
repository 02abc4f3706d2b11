/* tooltip.c: the evidence a diagram carries: each node's and tie's tooltip and stable SVG id. */
#include <string.h>

#include "internal.h"

char *sg_render_node_object_id(const sg_node *node)
{
    return sg_render_object_id("node-", node->id);
}

char *sg_render_tie_object_id(const sg_edge *edge)
{
    char *key = sg_edge_key(edge);
    char *id = sg_render_object_id("tie-", key);
    g_free(key);
    return id;
}

char *sg_render_node_tooltip(const sg_network *net, size_t i)
{
    return sg_render_plain_text(net->nodes[i].id);
}

char *sg_render_tie_tooltip(const sg_network *net, size_t i)
{
    const sg_edge *e = &net->edges[i];
    char *tip = g_strdup_printf("%s %s %s (%s)", net->nodes[e->source].id, sg_edge_directed(e) ? "->" : "-",
                                net->nodes[e->target].id, e->relation->name);
    char *tooltip = sg_render_plain_text(tip);
    g_free(tip);
    return tooltip;
}

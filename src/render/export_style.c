/* export_style.c: the colours and sizes `render` gives nodes and ties, as "#rrggbb" and points, for GEXF's viz. */
#include <graphviz/color.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Graphviz's colour translation: libgvc exports it and <graphviz/color.h> gives its types, but no installed
 * header declares it (its prototype is in Graphviz's lib/common/colorprocs.h). */
extern int colorxlate(char *str, gvcolor_t *color, color_type_t target_type);

/* NAME (a Graphviz colour: "white", "#bdbdbd", a Brewer scheme member such as "/set28/1") as "#rrggbb"
 * (g_free), or NULL after an error in DIAG when Graphviz does not know it. */
static char *hex_colour(const char *name, sg_diag *diag)
{
    gvcolor_t colour;
    memset(&colour, 0, sizeof colour);
    if (colorxlate((char *)name, &colour, RGBA_BYTE) != COLOR_OK) {
        sg_diag_error(diag, NULL, "Graphviz does not know the colour '%s'", name);
        return NULL;
    }
    return g_strdup_printf("#%02x%02x%02x", colour.u.rgba[0], colour.u.rgba[1], colour.u.rgba[2]);
}

void sg_render_style_clear(sg_render_style *style)
{
    for (size_t i = 0; style->node_fill && i < style->n_nodes; i++)
        g_free(style->node_fill[i]);
    for (size_t i = 0; style->edge_color && i < style->n_edges; i++)
        g_free(style->edge_color[i]);
    g_free(style->node_fill);
    g_free(style->node_size);
    g_free(style->edge_color);
    memset(style, 0, sizeof *style);
}

/* Sets each node's fill and size in STYLE from the nodes of VIEW as render builds them (sg_render_build):
 * the fill it gives the node, its height in points once Graphviz has sized its shape to its label. Graphviz
 * sizes nodes as a layout starts, the same in every engine; the ties, which sizes do not need, are left out
 * and the nodes laid out by osage, which only packs them (20,000 nodes: about a second; dot: ten). Returns
 * false with an error in DIAG when Graphviz fails. */
static bool style_nodes(const sg_network *net, const sg_render_spec *spec, const sg_view *view,
                        sg_render_style *style, sg_diag *diag)
{
    sg_view nodes_only = *view;
    nodes_only.edge_drawn = g_new0(bool, net->n_edges + 1);
    nodes_only.drawn_edges = 0;
    nodes_only.node_drawn = g_new(bool, net->n_nodes + 1); /* a node render leaves out (--focus) is sized
                                                              too, with no colour group */
    for (size_t i = 0; i < net->n_nodes; i++)
        nodes_only.node_drawn[i] = true;
    Agnode_t **nodes = g_new0(Agnode_t *, net->n_nodes + 1);
    Agraph_t *g = sg_render_build(net, spec, &nodes_only, "osage", nodes);
    agset(g, "label", ""); /* the legend: no part of a node's size, and Graphviz need not lay it out */
    GVC_t *gvc = sg_render_context();
    sg_render_messages_begin(); /* its messages are about sizing nodes, not the export: dropped */
    bool ok = sg_render_layout(gvc, g, "osage") == 0;
    sg_render_messages_end(false);
    if (!ok)
        sg_diag_error(diag, NULL, "Graphviz cannot size the nodes");
    for (size_t i = 0; ok && i < net->n_nodes; i++) {
        style->node_fill[i] = hex_colour(agget(nodes[i], "fillcolor"), diag);
        style->node_size[i] = ND_height(nodes[i]) * 72; /* inches to points */
        ok = style->node_fill[i] != NULL;
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    g_free(nodes);
    g_free(nodes_only.edge_drawn);
    g_free(nodes_only.node_drawn);
    return ok;
}

bool sg_render_style_of(const sg_network *net, const sg_render_spec *spec, sg_render_style *style, sg_diag *diag)
{
    sg_render_spec defaults;
    if (!spec) {
        sg_render_spec_init(&defaults);
        spec = &defaults;
    }
    memset(style, 0, sizeof *style);
    sg_view view;
    if (!sg_view_select(net, spec, &view, diag))
        return false;
    if (!sg_view_style(net, spec, &view, diag)) {
        sg_view_free(&view);
        return false;
    }
    style->n_nodes = net->n_nodes;
    style->n_edges = net->n_edges;
    style->node_fill = g_new0(char *, net->n_nodes + 1);
    style->node_size = g_new0(double, net->n_nodes + 1);
    style->edge_color = g_new0(char *, net->n_edges + 1);
    bool ok = style_nodes(net, spec, &view, style, diag);
    /* as build.c's add_edge colours a tie outside a route: by its relation's family */
    for (size_t i = 0; ok && i < net->n_edges; i++)
        ok = (style->edge_color[i] = hex_colour(sg_render_family_look(net->edges[i].relation->family, SG_SCHEME_COLOUR)->color, diag)) != NULL;
    sg_view_free(&view);
    if (!ok)
        sg_render_style_clear(style);
    return ok;
}

/* build.c: the cgraph graph of a diagram: nodes, ties and graph attributes, set through cgraph's API. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* The drawing's unit (sg_view.unit): 1 at the natural size; when a picture fitted to a physical size
 * raises its label type, its margins, line widths and arrows grow with it, so the scaled picture keeps the
 * natural proportions between labels and lines. */
static double unit(const sg_view *view)
{
    return view->unit;
}

/* Declares the default of attribute NAME for KIND (AGRAPH, AGNODE, AGEDGE) objects of G. */
static void declare(Agraph_t *g, int kind, const char *name, const char *value)
{
    agattr(g, kind, (char *)name, (char *)value);
}

/* Sets the graph's HTML-like label (the legend). */
static void set_html_label(Agraph_t *g, const char *html)
{
    char *text = agstrdup_html(g, (char *)html);
    agattr(g, AGRAPH, "label", text);
    agstrfree(g, text);
}

static bool engine_uses_start(const char *layout)
{
    return strcmp(layout, "neato") == 0 || strcmp(layout, "fdp") == 0 || strcmp(layout, "sfdp") == 0;
}

static void graph_attributes(Agraph_t *g, const sg_render_spec *spec, const sg_view *view, const char *layout)
{
    bool large = view->drawn_nodes > SG_RENDER_LARGE;
    declare(g, AGRAPH, "layout", layout);
    declare(g, AGRAPH, "fontname", SG_RENDER_FONT);
    char size[32];
    snprintf(size, sizeof size, "%.3g", view->legend_font);
    declare(g, AGRAPH, "fontsize", size);
    declare(g, AGRAPH, "bgcolor", "white");
    declare(g, AGRAPH, "pad", "0.3");
    declare(g, AGRAPH, "outputorder", "edgesfirst");
    /* Past SG_RENDER_LARGE nodes, spline routing and prism overlap removal take minutes (measured: a
     * 10,000-node edge list did not finish in 12 minutes with both): straight lines, overlaps removed by
     * scaling the layout. */
    /* Unlabelled nodes (--labels none, or the marks of a picture for print) are small, and on small nodes Graphviz 2.43's router for parallel ties
     * (makeMultiSpline) writes past its buffers (seen with valgrind on the Sorge ring): curved ties there,
     * which do not go through the router. */
    bool marks = spec->labels == SG_LABELS_NONE || view->unlabelled > 0;
    declare(g, AGRAPH, "splines", large ? "false" : marks ? "curved" : "true");
    declare(g, AGRAPH, "labelloc", "b");
    declare(g, AGRAPH, "labeljust", "l");
    if (strcmp(layout, "dot") != 0) {
        declare(g, AGRAPH, "overlap", large ? "scale" : "false");
        char sep[32];
        /* 10 points around each node; less when a print picture shrinks its many marks to fit */
        snprintf(sep, sizeof sep, "+%.3g", 10.0 * MIN(1.0, view->mark / 0.7));
        declare(g, AGRAPH, "sep", sep);
    } else {
        declare(g, AGRAPH, "ranksep", "0.6");
        declare(g, AGRAPH, "nodesep", "0.3");
    }
    if (engine_uses_start(layout)) {
        char seed[32];
        snprintf(seed, sizeof seed, "%lu", spec->seed);
        declare(g, AGRAPH, "start", seed);
    }
}

static void default_attributes(Agraph_t *g, const sg_render_spec *spec, const sg_view *view)
{
    char size[32];
    declare(g, AGNODE, "fontname", SG_RENDER_FONT);
    /* Graphviz's own default, \N (the node's name), declared so that a mark's empty label differs from it
     * and cgraph writes label="" (an attribute equal to its default is left out, and a DOT reader would
     * then show the mark's name n<i>); every other node sets its label */
    declare(g, AGNODE, "label", "\\N");
    snprintf(size, sizeof size, "%.3g", view->node_font);
    declare(g, AGNODE, "fontsize", size);
    declare(g, AGNODE, "style", "filled");
    declare(g, AGNODE, "fillcolor", "white");
    declare(g, AGNODE, "fontcolor", "black");
    declare(g, AGNODE, "color", "#404040");
    declare(g, AGNODE, "shape", "ellipse");
    snprintf(size, sizeof size, "%.3g,%.3g", 0.08 * unit(view), 0.04 * unit(view));
    declare(g, AGNODE, "margin", size);
    declare(g, AGEDGE, "fontname", SG_RENDER_FONT);
    snprintf(size, sizeof size, "%.3g", view->edge_font);
    declare(g, AGEDGE, "fontsize", size);
    snprintf(size, sizeof size, "%.3g", 1.3 * unit(view));
    declare(g, AGEDGE, "penwidth", size);
    /* a picture for print: smaller arrowheads, which would crowd its small marks */
    snprintf(size, sizeof size, "%.3g", 0.7 * unit(view) * (spec->width > 0 || spec->height > 0 ? 0.6 : 1));
    declare(g, AGEDGE, "arrowsize", size);
    snprintf(size, sizeof size, "%.3g", unit(view));
    declare(g, AGNODE, "penwidth", size);
    declare(g, AGEDGE, "style", "solid");
}

static Agnode_t *add_node(Agraph_t *g, const sg_network *net, const sg_render_spec *spec, const sg_view *view,
                          size_t i)
{
    const sg_node *node = &net->nodes[i];
    char name[32];
    snprintf(name, sizeof name, "n%zu", i); /* never the id: cgraph gives names of its own meanings */
    Agnode_t *n = agnode(g, name, 1);
    bool labelled = view->labelled[i] && spec->labels != SG_LABELS_NONE;
    if (labelled || spec->labels == SG_LABELS_NONE) {
        char *label = sg_render_node_label(node, spec->labels);
        sg_render_set(n, "label", label);
        g_free(label);
    } else { /* a print picture's mark: no text at all (the nodes' default label is "") */
        sg_render_set(n, "label", "");
    }
    char *id = sg_render_node_object_id(node);
    sg_render_set(n, "id", id);
    g_free(id);
    char *tooltip = sg_render_node_tooltip(net, i);
    sg_render_set(n, "tooltip", tooltip);
    g_free(tooltip);
    sg_render_set(n, "shape", sg_render_kind_shape(node->kind));
    const char *outline = "solid";
    if (view->group[i] >= 0) {
        const sg_group *group = &view->groups[view->group[i]];
        sg_render_set(n, "fillcolor", group->fill);
        sg_render_set(n, "fontcolor", group->font);
        outline = group->outline;
    } else if (strcmp(spec->color_by, "none") != 0) {
        outline = sg_render_ungrouped_outline(spec->scheme);
    }
    if (strcmp(outline, "solid") != 0) {
        char *style = g_strdup_printf("filled,%s", outline);
        sg_render_set(n, "style", style);
        g_free(style);
    }
    /* the border: thicker with the measure; a bold outline (a print group) 2.5 points more, set as a width
     * because an explicit penwidth overrides Graphviz's bold */
    double border = (view->size ? 1 + 2 * view->size[i] : 1) + (strcmp(outline, "bold") == 0 ? 2.5 : 0);
    if (view->size || strcmp(outline, "bold") == 0)
        sg_render_set_number(n, "penwidth", border * unit(view));
    if (view->size)
        sg_render_set_number(n, "fontsize", view->node_font * (1 + view->size[i]));
    if (!labelled) { /* a mark: its size follows the measure, and the type it stands beside */
        double s = view->size ? view->size[i] : 0;
        /* --labels none: a quarter inch; a print picture's marks: a share of the label type (0.7 unless
         * many marks must shrink to fit), so they stay visible at the size the type is fitted to */
        double mark = spec->labels == SG_LABELS_NONE ? 0.25 : view->mark * view->node_font / 72.0;
        double largest = spec->labels == SG_LABELS_NONE ? 1.0 : 4 * mark;
        sg_render_set_number(n, "width", mark + (largest - mark) * s);
        sg_render_set_number(n, "height", mark + (largest - mark) * s);
        sg_render_set(n, "fixedsize", "true");
        if (spec->labels == SG_LABELS_NONE) { /* its label is a space: small type, so it fits the mark */
            sg_render_set(n, "fontsize", "8");
            sg_render_set(n, "margin", "0");
        }

    }
    if ((int)i == spec->focus) {
        sg_render_set(n, "peripheries", "2");
    }
    if (view->has_route && view->node_on_route[i]) {
        sg_render_set(n, "color", SG_RENDER_ROUTE_COLOR);
        sg_render_set_number(n, "penwidth", 3.5 * unit(view));
    } else if (view->has_route) {
        sg_render_set(n, "fillcolor", SG_RENDER_FADED_FILL);
        sg_render_set(n, "fontcolor", SG_RENDER_FADED_TEXT);
        sg_render_set(n, "color", SG_RENDER_FADED_COLOR);
    }
    return n;
}

static void add_edge(Agraph_t *g, Agnode_t **nodes, const sg_network *net, const sg_render_spec *spec,
                     const sg_view *view, size_t i)
{
    const sg_edge *e = &net->edges[i];
    Agedge_t *edge = agedge(g, nodes[e->source], nodes[e->target], NULL, 1);
    const sg_tie_look *look = sg_render_family_look(e->relation->family, spec->scheme);
    const char *colour = look->color;
    if (view->has_route)
        colour = view->edge_on_route[i] ? SG_RENDER_ROUTE_COLOR : SG_RENDER_FADED_COLOR;
    sg_render_set(edge, "color", colour);
    sg_render_set_number(edge, "penwidth", g_ascii_strtod(look->penwidth, NULL) * unit(view));
    sg_render_set(edge, "style", sg_render_confidence_style(e->confidence));
    if (agisdirected(g) && !sg_render_arrow(net, spec, e))
        sg_render_set(edge, "dir", "none");
    if (view->has_route && view->edge_on_route[i])
        sg_render_set_number(edge, "penwidth", 4 * unit(view));
    char *id = sg_render_tie_object_id(e);
    sg_render_set(edge, "id", id);
    g_free(id);
    char *tooltip = sg_render_tie_tooltip(net, i);
    sg_render_set(edge, "tooltip", tooltip);
    g_free(tooltip);
    char *label = sg_render_edge_label(e, spec->edge_labels);
    if (*label) {
        sg_render_set(edge, "label", label);
        sg_render_set(edge, "fontcolor", view->has_route ? colour : look->glyph_color); /* red or faded on a route */
    }
    g_free(label);
}

/* True when some drawn tie is to be drawn as an arrow. */
static bool any_arrow(const sg_network *net, const sg_render_spec *spec, const sg_view *view)
{
    for (size_t i = 0; i < net->n_edges; i++)
        if (view->edge_drawn[i] && sg_render_arrow(net, spec, &net->edges[i]))
            return true;
    return false;
}

Agraph_t *sg_render_build(const sg_network *net, const sg_render_spec *spec, const sg_view *view,
                          const char *layout, Agnode_t **nodes_out)
{
    Agraph_t *g = agopen("network", any_arrow(net, spec, view) ? Agdirected : Agundirected, NULL);
    graph_attributes(g, spec, view, layout);
    default_attributes(g, spec, view);
    char *title = spec->title ? g_strdup(spec->title) : sg_render_default_title(net);
    char *legend = sg_render_legend(net, spec, view, title);
    set_html_label(g, legend);
    g_free(legend);
    g_free(title);
    Agnode_t **nodes = g_new0(Agnode_t *, net->n_nodes + 1);
    for (size_t i = 0; i < net->n_nodes; i++)
        if (view->node_drawn[i])
            nodes[i] = add_node(g, net, spec, view, i);
    for (size_t i = 0; i < net->n_edges; i++)
        if (view->edge_drawn[i])
            add_edge(g, nodes, net, spec, view, i);
    if (nodes_out)
        memcpy(nodes_out, nodes, net->n_nodes * sizeof *nodes);
    g_free(nodes);
    return g;
}

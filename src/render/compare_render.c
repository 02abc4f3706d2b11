/* compare_render.c: the comparison picture: union network, ties coloured by where they hold, nodes by rank spread. */
#include <glib.h>
#include <graphviz/gvc.h>
#include <string.h>

#include "internal.h"
#include "spygraph/compare_render.h"

#define FONT SG_RENDER_FONT

/* Colours of the tie statuses (ColorBrewer RdYlBu/PiYG-like, readable by most colour-blind readers). */
static const struct {
    const char *color, *style, *penwidth, *legend;
} status_look[] = {
    [SG_TIE_BASE] = {"#9a9a9a", "solid", "1", "in the base and under every hypothesis"},
    [SG_TIE_ALTERED] = {"#2c7bb6", "solid", "2.2", "in every reading, but its dates, confidence or weight changed by some"},
    [SG_TIE_REMOVED] = {"#d7191c", "dashed", "2.2", "in the base, removed by some hypotheses"},
    [SG_TIE_ADDED] = {"#1a9641", "solid", "2.6", "only under some hypotheses"},
};

const char *sg_compare_render_format(const char *path)
{
    static const char *const formats[][2] = {{"svg", "svg"}, {"png", "png"}, {"pdf", "pdf"}, {"dot", "dot"},
                                             {"gv", "dot"}};
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(formats); i++)
        if (g_ascii_strcasecmp(dot + 1, formats[i][0]) == 0)
            return formats[i][1];
    return NULL;
}

static void set(void *object, const char *name, const char *value)
{
    agsafeset(object, (char *)name, (char *)value, "");
}

static void set_plain(void *object, const char *name, const char *text)
{
    char *value = sg_render_plain_text(text);
    set(object, name, value);
    g_free(value);
}

/* The node of union node I in one of the readings that hold it (the first). */
static const sg_node *node_of(const sg_comparison *cmp, size_t i)
{
    for (size_t r = 0; r < cmp->n_readings; r++) {
        int k = sg_network_find_node(cmp->readings[r].net, cmp->node_ids[i]);
        if (k >= 0)
            return &cmp->readings[r].net->nodes[k];
    }
    return NULL;
}

static const char *shape_of(sg_kind kind)
{
    return kind == SG_KIND_ORGANIZATION ? "box" : kind == SG_KIND_PLACE ? "house" : "ellipse";
}

/* "Ginichi Kito (kito): betweenness rank 52 in the base, 19 under kato_kito; spread 33". */
static char *node_tooltip(const sg_comparison *cmp, size_t i)
{
    GString *s = g_string_new(NULL);
    g_string_append_printf(s, "%s (%s): %s rank", cmp->node_labels[i], cmp->node_ids[i], cmp->measure);
    bool first = true;
    for (size_t r = 0; r < cmp->n_readings; r++) {
        const sg_compare_reading *x = &cmp->readings[r];
        if (x->rank[i] == 0)
            continue;
        g_string_append_printf(s, "%s %d %s %s", first ? "" : ",", x->rank[i], r == 0 ? "in" : "under",
                               r == 0 ? "the base" : x->id);
        first = false;
    }
    g_string_append_printf(s, "; spread %d", cmp->rank_spread[i]);
    return g_string_free(s, FALSE);
}

static int largest_spread(const sg_comparison *cmp)
{
    int most = 0;
    for (size_t i = 0; i < cmp->n_nodes; i++)
        most = MAX(most, cmp->rank_spread[i]);
    return most;
}

static void add_nodes(Agraph_t *g, const sg_comparison *cmp, Agnode_t **nodes)
{
    int most = largest_spread(cmp);
    for (size_t i = 0; i < cmp->n_nodes; i++) {
        const sg_node *node = node_of(cmp, i);
        double f = most > 0 ? (double)cmp->rank_spread[i] / most : 0.0;
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        char name[32];
        g_snprintf(name, sizeof name, "n%zu", i); /* never the id: cgraph gives names of its own meanings */
        nodes[i] = agnode(g, name, 1);
        set_plain(nodes[i], "label", cmp->node_labels[i]);
        char *id = sg_render_object_id("node_", cmp->node_ids[i]);
        set(nodes[i], "id", id);
        g_free(id);
        set(nodes[i], "shape", shape_of(node ? node->kind : SG_KIND_UNSPECIFIED));
        set(nodes[i], "fontsize", g_ascii_formatd(buf, sizeof buf, "%.1f", 9.0 + 11.0 * f));
        set(nodes[i], "width", g_ascii_formatd(buf, sizeof buf, "%.2f", 0.3 + 1.2 * f));
        set(nodes[i], "height", g_ascii_formatd(buf, sizeof buf, "%.2f", 0.2 + 0.6 * f));
        set(nodes[i], "penwidth", g_ascii_formatd(buf, sizeof buf, "%.1f", 1.0 + 2.0 * f));
        bool added = cmp->readings[0].rank[i] == 0;
        set(nodes[i], "style", added ? "filled,dashed" : "filled");
        set(nodes[i], "colorscheme", "oranges9");
        char fill[8];
        g_snprintf(fill, sizeof fill, "%d", 1 + (int)(f * 6.0 + 0.5)); /* 1 (pale) .. 7 */
        set(nodes[i], "fillcolor", added ? "#d9f0d3" : fill);
        set(nodes[i], "fontcolor", f > 0.7 ? "white" : "black");
        set(nodes[i], "color", "black");
        char *tip = node_tooltip(cmp, i);
        set_plain(nodes[i], "tooltip", tip);
        g_free(tip);
    }
}

/* The readings where FLAGS is true (from index FROM), comma-separated (g_free). */
static char *readings_where(const sg_comparison *cmp, const bool *flags, size_t from, bool want)
{
    GString *s = g_string_new(NULL);
    for (size_t r = from; r < cmp->n_readings; r++)
        if (flags[r] == want)
            g_string_append_printf(s, "%s%s", s->len ? ", " : "", cmp->readings[r].id);
    return g_string_free(s, FALSE);
}

/* "smedley -> ozaki introduced: only under smedley_shanghai". */
static char *tie_tooltip(const sg_comparison *cmp, const sg_compare_tie *t, sg_tie_status status)
{
    const char *arrow = t->relation->directed ? "->" : "-";
    char *who = NULL;
    const char *what = "in the base and under every hypothesis";
    if (status == SG_TIE_ADDED) {
        who = readings_where(cmp, t->present, 1, true);
        what = "only under";
    } else if (status == SG_TIE_REMOVED) {
        who = readings_where(cmp, t->present, 1, false);
        what = "in the base; removed by";
    } else if (status == SG_TIE_ALTERED) {
        who = readings_where(cmp, t->altered, 1, true);
        what = "in every reading; altered by";
    }
    char *tip = g_strdup_printf("%s %s %s %s: %s%s%s", cmp->node_ids[t->source], arrow, cmp->node_ids[t->target],
                                t->relation->name, what, who ? " " : "", who ? who : "");
    g_free(who);
    return tip;
}

static void add_ties(Agraph_t *g, const sg_comparison *cmp, Agnode_t **nodes)
{
    for (size_t k = 0; k < cmp->n_ties; k++) {
        const sg_compare_tie *t = &cmp->ties[k];
        sg_tie_status status = sg_compare_tie_status(cmp, t);
        char name[32];
        g_snprintf(name, sizeof name, "t%zu", k);
        Agedge_t *e = agedge(g, nodes[t->source], nodes[t->target], name, 1);
        set(e, "color", status_look[status].color);
        set(e, "style", status_look[status].style);
        set(e, "penwidth", status_look[status].penwidth);
        set(e, "dir", t->relation->directed ? "forward" : "none");
        set(e, "arrowsize", "0.6");
        char *tip = tie_tooltip(cmp, t, status);
        set_plain(e, "tooltip", tip);
        set_plain(e, "edgetooltip", tip);
        g_free(tip);
    }
}

/* One row of the legend holding ESCAPED (HTML-like markup, every text from the data already escaped by
 * sg_render_append_html). */
static void legend_row(GString *s, const char *escaped)
{
    g_string_append_printf(s, "<tr><td align=\"left\">%s</td></tr>", escaped);
}

/* One row of the legend: BEFORE and AFTER (markup, no data) around TEXT (escaped here). */
static void legend_text_row(GString *s, const char *before, const char *text, const char *after)
{
    GString *row = g_string_new(before);
    sg_render_append_html(row, text);
    g_string_append(row, after);
    legend_row(s, row->str);
    g_string_free(row, TRUE);
}

/* The legend as the body of an HTML-like label (no outer <>): title, tie colours, node sizes, readings. */
static char *legend(const sg_comparison *cmp)
{
    const sg_network *base = cmp->readings[0].net;
    GString *s = g_string_new("<table border=\"0\" cellspacing=\"2\" cellpadding=\"1\">");
    char *text = g_strdup_printf("%s: the base and %zu hypotheses", *base->title ? base->title : base->id,
                                 cmp->n_readings - 1);
    legend_text_row(s, "<b>", text, "</b>");
    g_free(text);
    for (size_t st = 0; st < G_N_ELEMENTS(status_look); st++) {
        const char *sample = strcmp(status_look[st].style, "dashed") == 0 ? "‒ ‒ ‒" : "━━━";
        char *row = g_strdup_printf("<font color=\"%s\"><b>%s</b></font>  tie %s", status_look[st].color, sample,
                                    status_look[st].legend);
        legend_row(s, row);
        g_free(row);
    }
    text = g_strdup_printf("node size and shade: how far its %s rank moves across the readings (largest "
                           "spread: %d places); dashed green: a node only some hypotheses add",
                           cmp->measure, largest_spread(cmp));
    legend_text_row(s, "", text, "");
    g_free(text);
    GString *ids = g_string_new(NULL);
    for (size_t r = 1; r < cmp->n_readings; r++)
        g_string_append_printf(ids, "%s%s", r > 1 ? ", " : "", cmp->readings[r].id);
    text = g_strdup_printf("hypotheses: %s (hover over a tie or a node for the details)", ids->str);
    legend_text_row(s, "", text, "");
    g_free(text);
    g_string_free(ids, TRUE);
    g_string_append(s, "</table>");
    return g_string_free(s, FALSE);
}

static Agraph_t *build(const sg_comparison *cmp, unsigned long seed)
{
    Agraph_t *g = agopen("comparison", Agdirected, NULL);
    char start[32];
    g_snprintf(start, sizeof start, "%lu", seed);
    set(g, "start", start);
    set(g, "overlap", "false");
    set(g, "splines", "true");
    set(g, "outputorder", "edgesfirst");
    set(g, "fontname", FONT);
    set(g, "labelloc", "b");
    set(g, "labeljust", "l");
    char *label = legend(cmp);
    agsafeset(g, "label", agstrdup_html(g, label), "");
    g_free(label);
    agattr(g, AGNODE, "fontname", FONT);
    agattr(g, AGEDGE, "fontname", FONT);
    Agnode_t **nodes = g_new0(Agnode_t *, cmp->n_nodes + 1);
    add_nodes(g, cmp, nodes);
    add_ties(g, cmp, nodes);
    g_free(nodes);
    return g;
}

/* Graphviz messages, kept to be reported only when a call fails. */
static GString *messages;

static int collect(char *text)
{
    if (messages)
        g_string_append(messages, text);
    return 0;
}

static bool layout_and_write(GVC_t *gvc, Agraph_t *g, const char *format, FILE *stream, sg_diag *diag)
{
    if (gvLayout(gvc, g, "neato") != 0) {
        sg_diag_error(diag, NULL, "graphviz cannot lay the comparison out: %s", g_strstrip(messages->str));
        return false;
    }
    char *data = NULL;
    unsigned int length = 0;
    bool ok = gvRenderData(gvc, g, format, &data, &length) == 0;
    if (!ok)
        sg_diag_error(diag, NULL, "graphviz cannot render '%s': %s", format, g_strstrip(messages->str));
    else
        ok = fwrite(data, 1, length, stream) == length;
    if (data)
        gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
    return ok;
}

bool sg_compare_render(const sg_comparison *cmp, const char *format, unsigned long seed, FILE *stream,
                       sg_diag *diag)
{
    messages = g_string_new(NULL);
    agusererrf previous = agseterrf(collect);
    Agraph_t *g = build(cmp, seed);
    bool ok = layout_and_write(sg_render_context(), g, format, stream, diag);
    agclose(g);
    agseterrf(previous);
    g_string_free(messages, TRUE);
    messages = NULL;
    return ok;
}

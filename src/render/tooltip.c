/* tooltip.c: the evidence a diagram carries: each node's and tie's tooltip and stable SVG id. */
#include <stdarg.h>
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

/* A tooltip being written: its lines, each escaped (sg_render_tooltip_text) and joined by the two
 * characters backslash and n, which Graphviz reads as a line break in an escString. */
typedef struct tip {
    GString *text;
} tip;

static void tip_line(tip *t, const char *line)
{
    char *plain = sg_render_tooltip_text(line);
    if (t->text->len)
        g_string_append(t->text, "\\n");
    g_string_append(t->text, plain);
    g_free(plain);
}

static void tip_linef(tip *t, const char *format, ...) G_GNUC_PRINTF(2, 3);
static void tip_linef(tip *t, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *line = g_strdup_vprintf(format, args);
    va_end(args);
    tip_line(t, line);
    g_free(line);
}

/* "LABEL (ID)", or ID alone when the label is ID or empty (g_free). */
static char *named(const char *label, const char *id)
{
    if (!label || !*label || strcmp(label, id) == 0)
        return g_strdup(id);
    return g_strdup_printf("%s (%s)", label, id);
}

/* "p. 181" for one page, "pp. 61, 68" for more (anything but digits: a list or a range). */
static const char *pages_prefix(const char *pages)
{
    for (const char *p = pages; *p; p++)
        if (!g_ascii_isdigit(*p))
            return "pp.";
    return "p.";
}

/* "sources:" and one line for each key of SOURCES: "KEY: REFERENCE, p. PAGES", or the key alone when the
 * sources table does not hold it. Nothing when there are none. */
static void tip_sources(tip *t, const sg_network *net, const char *const *sources)
{
    if (!sources[0])
        return;
    tip_line(t, "sources:");
    for (size_t k = 0; sources[k]; k++) {
        const sg_source *s = sg_network_find_source(net, sources[k]);
        GString *line = g_string_new(sources[k]);
        if (s && s->reference && *s->reference)
            g_string_append_printf(line, ": %s", s->reference);
        if (s && s->pages && *s->pages)
            g_string_append_printf(line, "%s %s %s", s->reference && *s->reference ? "," : ":",
                                   pages_prefix(s->pages), s->pages);
        tip_line(t, line->str);
        g_string_free(line, TRUE);
    }
}

/* "added by hypothesis LABEL (ID)" or "changed by ...", when HYPOTHESIS (an id) is not NULL. */
static void tip_hypothesis(tip *t, const sg_network *net, const char *verb, const char *hypothesis)
{
    if (!hypothesis)
        return;
    const sg_hypothesis *h = sg_network_find_hypothesis(net, hypothesis);
    char *name = named(h ? h->label : NULL, hypothesis);
    tip_linef(t, "%s by hypothesis %s", verb, name);
    g_free(name);
}

char *sg_render_node_tooltip(const sg_network *net, size_t i)
{
    const sg_node *node = &net->nodes[i];
    tip t = {g_string_new("")};
    char *name = named(node->label, node->id);
    tip_line(&t, name);
    g_free(name);
    if (node->codenames[0]) {
        char *codes = g_strjoinv(", ", (char **)node->codenames);
        tip_linef(&t, "codename%s: %s", node->codenames[1] ? "s" : "", codes);
        g_free(codes);
    }
    if (*node->native_name)
        tip_linef(&t, "native name: %s", node->native_name);
    const char *kind = sg_kind_name(node->kind);
    char *affiliation = *node->affiliation
                            ? named(sg_network_affiliation_label(net, node->affiliation), node->affiliation)
                            : g_strdup("");
    if (*kind || *affiliation)
        tip_linef(&t, "%s%s%s", kind, *kind && *affiliation ? ", " : "", affiliation);
    g_free(affiliation);
    char *dates = sg_render_dates(&node->when);
    if (*dates)
        tip_linef(&t, "lifetime: %s", dates);
    g_free(dates);
    tip_hypothesis(&t, net, "added or changed", node->hypothesis);
    tip_sources(&t, net, node->sources);
    if (*node->note)
        tip_linef(&t, "note: %s", node->note);
    return g_string_free(t.text, FALSE);
}

char *sg_render_tie_tooltip(const sg_network *net, size_t e)
{
    const sg_edge *edge = &net->edges[e];
    const sg_node *a = &net->nodes[edge->source], *b = &net->nodes[edge->target];
    tip t = {g_string_new("")};
    /* "relation: Source (id) → Target (id)", an em dash between the ends of an undirected tie */
    char *from = named(a->label, a->id), *to = named(b->label, b->id);
    tip_linef(&t, "%s: %s %s %s", edge->relation->name, from, sg_edge_directed(edge) ? "\xe2\x86\x92" : "\xe2\x80\x94",
              to);
    g_free(from);
    g_free(to);
    char *dates = sg_render_dates(&edge->when);
    if (*dates)
        tip_linef(&t, "period: %s", dates);
    g_free(dates);
    tip_linef(&t, "confidence %g, weight %g", edge->confidence, edge->weight);
    tip_hypothesis(&t, net, edge->changed ? "changed" : "added", edge->hypothesis);
    tip_sources(&t, net, edge->sources);
    if (*edge->note)
        tip_linef(&t, "note: %s", edge->note);
    return g_string_free(t.text, FALSE);
}

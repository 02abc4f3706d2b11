/* render.c: the public face of diagrams: formats, layouts, spec defaults, and layout + rendering through gvc. */
#include <graphviz/gvc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "internal.h"
#include "spygraph/progress.h"

static const struct {
    const char *name;
    sg_render_format format;
} formats[] = {
    {"dot", SG_RENDER_DOT}, {"canon", SG_RENDER_CANON}, {"svg", SG_RENDER_SVG},
    {"png", SG_RENDER_PNG}, {"pdf", SG_RENDER_PDF},
};

bool sg_render_format_parse(const char *text, sg_render_format *out)
{
    for (size_t k = 0; k < G_N_ELEMENTS(formats); k++)
        if (strcmp(text, formats[k].name) == 0) {
            *out = formats[k].format;
            return true;
        }
    return false;
}

bool sg_render_format_from_path(const char *path, sg_render_format *out)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return false;
    char *ext = g_ascii_strdown(dot + 1, -1);
    bool ok = strcmp(ext, "canon") != 0 && sg_render_format_parse(ext, out);
    if (!ok && strcmp(ext, "gv") == 0) {
        *out = SG_RENDER_DOT;
        ok = true;
    }
    g_free(ext);
    return ok;
}

static const char *format_name(sg_render_format format)
{
    for (size_t k = 0; k < G_N_ELEMENTS(formats); k++)
        if (formats[k].format == format)
            return formats[k].name;
    return "svg";
}

bool sg_render_length_parse(const char *text, double *out)
{
    static const struct {
        const char *unit;
        double points;
    } units[] = {{"pt", 1.0}, {"in", 72.0}, {"cm", 72.0 / 2.54}, {"mm", 72.0 / 25.4}};
    const char *p = text;
    while (g_ascii_isdigit(*p) || *p == '.')
        p++;
    if (p == text || *text == '.' || p[-1] == '.')
        return false;
    char *number = g_strndup(text, (gsize)(p - text));
    char *end = NULL;
    double value = g_ascii_strtod(number, &end);
    bool whole = end && *end == '\0' && strchr(number, '.') == strrchr(number, '.');
    g_free(number);
    while (*p == ' ')
        p++;
    for (size_t k = 0; whole && k < G_N_ELEMENTS(units); k++)
        if (g_ascii_strcasecmp(p, units[k].unit) == 0) {
            double points = value * units[k].points;
            if (!isfinite(points) || points < SG_RENDER_LENGTH_MIN || points > SG_RENDER_LENGTH_MAX)
                return false;
            *out = points;
            return true;
        }
    return false;
}

const char *const *sg_render_layouts(void)
{
    static const char *const layouts[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL};
    return layouts;
}

bool sg_render_layout_known(const char *name)
{
    for (const char *const *k = sg_render_layouts(); *k; k++)
        if (strcmp(name, *k) == 0)
            return true;
    return false;
}

bool sg_label_mode_parse(const char *text, sg_label_mode *out)
{
    static const char *const names[] = {"label", "id", "codename", "none"};
    static const sg_label_mode modes[] = {SG_LABELS_LABEL, SG_LABELS_ID, SG_LABELS_CODENAME, SG_LABELS_NONE};
    for (size_t k = 0; k < G_N_ELEMENTS(names); k++)
        if (strcmp(text, names[k]) == 0) {
            *out = modes[k];
            return true;
        }
    return false;
}

bool sg_edge_label_mode_parse(const char *text, sg_edge_label_mode *out)
{
    static const char *const names[] = {"none", "relation", "dates"};
    static const sg_edge_label_mode modes[] = {SG_EDGE_LABELS_NONE, SG_EDGE_LABELS_RELATION, SG_EDGE_LABELS_DATES};
    for (size_t k = 0; k < G_N_ELEMENTS(names); k++)
        if (strcmp(text, names[k]) == 0) {
            *out = modes[k];
            return true;
        }
    return false;
}

void sg_render_spec_init(sg_render_spec *spec)
{
    memset(spec, 0, sizeof *spec);
    spec->format = SG_RENDER_SVG;
    spec->labels = SG_LABELS_LABEL;
    spec->edge_labels = SG_EDGE_LABELS_NONE;
    spec->color_by = "affiliation";
    spec->focus = -1;
    spec->path_from = spec->path_to = -1;
    spec->route_relations = sg_relation_set_all();
    spec->direction = SG_DIRECTION_DEFAULT;
    spec->seed = 1;
}

void sg_render_set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, "");
}

void sg_render_set_number(void *obj, const char *name, double value)
{
    char text[G_ASCII_DTOSTR_BUF_SIZE];
    sg_render_set(obj, name, g_ascii_formatd(text, sizeof text, "%.3g", value));
}

/* Graphviz's messages, collected between sg_render_messages_begin and _end. */
static GString *graphviz_messages;
static agusererrf previous_handler;

static int collect_graphviz_message(char *text)
{
    if (graphviz_messages) {
        g_string_append(graphviz_messages, text);
        if (*text && text[strlen(text) - 1] != '\n') /* some of Graphviz's messages end without one */
            g_string_append_c(graphviz_messages, '\n');
    }
    return 0;
}

void sg_render_messages_begin(void)
{
    graphviz_messages = g_string_new("");
    previous_handler = agseterrf(collect_graphviz_message);
}

const char *sg_render_messages_text(void)
{
    return graphviz_messages ? graphviz_messages->str : "";
}

void sg_render_messages_clear(void)
{
    if (graphviz_messages)
        g_string_truncate(graphviz_messages, 0);
}

void sg_render_messages_end(bool report)
{
    if (!graphviz_messages)
        return;
    char **lines = report ? g_strsplit(graphviz_messages->str, "\n", -1) : NULL;
    for (char **line = lines; line && *line; line++) {
        char *text = g_strstrip(*line);
        if (g_str_has_prefix(text, "Warning: ") || g_str_has_prefix(text, "Error: "))
            text = strchr(text, ' ') + 1;
        if (*text)
            sg_warning("graphviz: %c%s", g_ascii_tolower(*text), text + 1);
    }
    g_strfreev(lines);
    agseterrf(previous_handler);
    g_string_free(graphviz_messages, TRUE);
    graphviz_messages = NULL;
}

GVC_t *sg_render_context(void)
{
    static GVC_t *gvc; /* never freed: Graphviz's font cache outlives a freed context */
    if (!gvc)
        gvc = gvContext();
    return gvc;
}

/* Writes the PNG DATA (LENGTH bytes) to STREAM with a pHYs chunk after its header saying DPI, so that
 * a word processor places it at its physical size (Graphviz's cairo writer leaves the resolution out).
 * Data that is not a PNG with a header chunk first is written as it is. Returns false on a write error. */
static bool write_png_at(const char *data, size_t length, double dpi, FILE *stream)
{
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    const size_t header_end = 8 + 4 + 4 + 13 + 4; /* signature, then IHDR: length, type, 13 bytes, CRC */
    if (length < header_end || memcmp(data, signature, 8) != 0 || memcmp(data + 12, "IHDR", 4) != 0)
        return fwrite(data, 1, length, stream) == length;
    unsigned long per_metre = (unsigned long)(dpi / 0.0254 + 0.5);
    unsigned char chunk[4 + 4 + 9 + 4] = {0, 0, 0, 9, 'p', 'H', 'Y', 's'};
    for (int k = 0; k < 2; k++) /* pixels per unit, x then y, big-endian */
        for (int b = 0; b < 4; b++)
            chunk[8 + 4 * k + b] = (unsigned char)(per_metre >> (24 - 8 * b));
    chunk[16] = 1; /* the unit is the metre */
    unsigned long crc = crc32(0L, chunk + 4, 4 + 9);
    for (int b = 0; b < 4; b++)
        chunk[17 + b] = (unsigned char)(crc >> (24 - 8 * b));
    return fwrite(data, 1, header_end, stream) == header_end && fwrite(chunk, 1, sizeof chunk, stream) == sizeof chunk &&
           fwrite(data + header_end, 1, length - header_end, stream) == length - header_end;
}

/* The resolution of SPEC's PNG output. */
static double png_dpi(const sg_render_spec *spec)
{
    return spec->dpi > 0 ? spec->dpi : spec->width > 0 || spec->height > 0 ? SG_RENDER_PRINT_DPI : SG_RENDER_SCREEN_DPI;
}

int sg_render_layout(GVC_t *gvc, Agraph_t *g, const char *engine)
{
    char what[64];
    snprintf(what, sizeof what, "laying out %d nodes", agnnodes(g));
    sg_progress_begin(what, NULL, 0);
    int status = gvLayout(gvc, g, engine);
    sg_progress_end();
    return status;
}

/* Lays G out with LAYOUT and renders it in FORMAT to STREAM, in GVC. */
static bool layout_and_render(GVC_t *gvc, Agraph_t *g, const char *layout, const sg_render_spec *spec, FILE *stream,
                              sg_diag *diag)
{
    bool ok = sg_render_layout(gvc, g, layout) == 0;
    if (!ok) {
        sg_diag_error(diag, NULL, "graphviz cannot lay the graph out with '%s'", layout);
    } else {
        char *data = NULL;
        unsigned int length = 0;
        char what[64];
        snprintf(what, sizeof what, "drawing %d nodes", agnnodes(g));
        sg_progress_begin(what, NULL, 0);
        ok = gvRenderData(gvc, g, format_name(spec->format), &data, &length) == 0;
        sg_progress_end();
        if (!ok)
            sg_diag_error(diag, NULL, "graphviz cannot render '%s' (is its plugin installed?)", format_name(spec->format));
        else if (spec->format == SG_RENDER_PNG ? !write_png_at(data, length, png_dpi(spec), stream)
                                               : fwrite(data, 1, length, stream) != length)
            ok = false; /* the output module reports the write error at commit */
        if (data)
            gvFreeRenderData(data);
        gvFreeLayout(gvc, g);
    }
    return ok;
}

/* The layout to use: the spec's; else neato for a small drawing whose ties are all undirected (stress
 * majorization keeps distances faithful), sfdp for a large one or one with arrows (its multilevel spring
 * model pulls each side's nodes together, so the groups and the nodes between them show). */
static const char *choose_layout(const sg_network *net, const sg_render_spec *spec, const sg_view *view)
{
    if (spec->layout)
        return spec->layout;
    if (view->drawn_nodes > SG_RENDER_LARGE)
        return "sfdp";
    for (size_t i = 0; i < net->n_edges; i++)
        if (view->edge_drawn[i] && sg_render_arrow(net, spec, &net->edges[i]))
            return "sfdp";
    return "neato";
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Lays SPEC->layout_of out whole with LAYOUT (nothing highlighted; with --size-by, every node at the
 * largest size) and returns each node's position by id, as Graphviz writes "pos" (points), in a new table
 * the caller destroys; NULL after adding an error to DIAG. */
static GHashTable *shared_positions(GVC_t *gvc, const sg_render_spec *spec, const char *layout, sg_diag *diag)
{
    const sg_network *whole_net = spec->layout_of;
    sg_render_spec whole = *spec;
    whole.layout_of = NULL;
    whole.focus = whole.path_from = whole.path_to = -1;
    double *largest = NULL; /* with --size-by, room for every node at the largest size any reading gives */
    if (spec->size_by) {
        largest = g_new(double, whole_net->n_nodes + 1);
        for (size_t i = 0; i < whole_net->n_nodes; i++)
            largest[i] = 1.0;
        whole.size_values = largest;
    }
    sg_view view;
    if (!sg_view_select(whole_net, &whole, &view, diag)) {
        g_free(largest);
        return NULL;
    }
    GHashTable *positions = NULL;
    if (sg_view_style(whole_net, &whole, &view, diag)) {
        Agnode_t **nodes = g_new0(Agnode_t *, whole_net->n_nodes + 1);
        Agraph_t *g = sg_render_build(whole_net, &whole, &view, layout, nodes);
        char *data = NULL;
        unsigned int length = 0;
        /* rendering as DOT writes each node's "pos" back into the graph */
        if (sg_render_layout(gvc, g, layout) == 0 && gvRenderData(gvc, g, "dot", &data, &length) == 0) {
            positions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
            for (size_t i = 0; i < whole_net->n_nodes; i++)
                if (nodes[i])
                    g_hash_table_insert(positions, g_strdup(whole_net->nodes[i].id), g_strdup(agget(nodes[i], "pos")));
            gvFreeLayout(gvc, g);
        } else {
            sg_diag_error(diag, NULL, "graphviz cannot lay out the union of the hypotheses with '%s'", layout);
        }
        if (data)
            gvFreeRenderData(data);
        agclose(g);
        g_free(nodes);
    }
    sg_view_free(&view);
    g_free(largest);
    return positions;
}

/* Adds an invisible, unlabelled point at POS (a union node the drawn network lacks), named "p<COUNT>"
 * (no drawn node's name, which are "n<i>"). Graphviz centres a drawing of pinned nodes on their mean
 * position, so every reading must hold the same set of points for the pictures to share coordinates. */
static void add_placeholder(Agraph_t *g, const char *pos, unsigned *count)
{
    char name[48];
    snprintf(name, sizeof name, "p%u", (*count)++);
    Agnode_t *n = agnode(g, name, 1);
    char *pinned = g_strdup_printf("%s!", pos);
    agsafeset(n, "pos", pinned, "");
    g_free(pinned);
    agsafeset(n, "shape", "point", "");
    agsafeset(n, "width", "0.01", "");
    agsafeset(n, "style", "invis", "");
    agsafeset(n, "label", "", "");
    agsafeset(n, "tooltip", " ", "");
}

/* Pins every drawn node of G (NODES: by index in NET, NULL when not drawn) at its position by id in
 * POSITIONS ("x,y!" in points, no overlap removal) and adds a placeholder for each position no drawn node
 * takes, for the "nop" engine (neato -n: the nodes stay where they are, the ties are routed). */
static void pin_nodes(Agraph_t *g, const sg_network *net, Agnode_t **nodes, GHashTable *positions)
{
    /* gvLayout takes the graph's own "layout" attribute over its engine argument: name nop2 there too */
    agattr(g, AGRAPH, "layout", "nop2");
    agattr(g, AGRAPH, "overlap", "true");
    agattr(g, AGRAPH, "notranslate", "true");
    guint n_ids = 0;
    gpointer *ids = g_hash_table_get_keys_as_array(positions, &n_ids);
    qsort(ids, n_ids, sizeof *ids, compare_names); /* placeholders in a fixed order */
    unsigned count = 0;
    for (guint k = 0; k < n_ids; k++) {
        const char *pos = g_hash_table_lookup(positions, ids[k]);
        if (!pos || !*pos)
            continue;
        int i = sg_network_find_node(net, ids[k]);
        if (i < 0 || !nodes[i]) {
            add_placeholder(g, pos, &count);
            continue;
        }
        char *pinned = g_strdup_printf("%s!", pos);
        agsafeset(nodes[i], "pos", pinned, "");
        g_free(pinned);
    }
    g_free(ids);
}

/* Margin around a picture of a physical size (points): Graphviz's pad, added outside the scaled drawing. */
#define PHYSICAL_PAD 3.6

static bool physical_size(const sg_render_spec *spec)
{
    return spec->width > 0 || spec->height > 0;
}

/* Lays G out with LAYOUT and sets *W and *H to its bounding box in points (legend included) and *LEGEND to
 * the legend's width. */
static bool laid_out_size(GVC_t *gvc, Agraph_t *g, const char *layout, double *w, double *h, double *legend)
{
    if (sg_render_layout(gvc, g, layout) != 0)
        return false;
    *legend = GD_label(g) ? GD_label(g)->dimen.x : 0; /* the graph's label, as the layout measured it */
    double x0, y0, x1, y1;
    const char *bb = agget(g, "bb");
    /* gvLayout writes "llx lly urx ury" (whole points); a DOT rendering writes commas */
    bool ok = bb && (sscanf(bb, "%lf %lf %lf %lf", &x0, &y0, &x1, &y1) == 4 ||
                     sscanf(bb, "%lf,%lf,%lf,%lf", &x0, &y0, &x1, &y1) == 4) && x1 > x0 && y1 > y0;
    if (ok) {
        *w = x1 - x0;
        *h = y1 - y0;
    }
    gvFreeLayout(gvc, g);
    sg_render_messages_clear(); /* a trial layout's complaints are not the picture's: only the last speaks */
    return ok;
}

/* The scale at which a drawing of W x H points fits SPEC's physical size (less the pad). */
static double fit_scale(const sg_render_spec *spec, double w, double h)
{
    double s = INFINITY; /* the lengths are at least SG_RENDER_LENGTH_MIN, well above the pad */
    if (spec->width > 0)
        s = MIN(s, (spec->width - 2 * PHYSICAL_PAD) / w);
    if (spec->height > 0)
        s = MIN(s, (spec->height - 2 * PHYSICAL_PAD) / h);
    return s;
}

/* The largest legend type fit_type sets (its title, 22/14 of it, must stay within Graphviz's 255). */
#define MAX_LEGEND_FONT 150.0

/* What fit_type tries: the type sizes, how many nodes are labelled, the legend's arrangement, the marks. */
typedef struct type_fit {
    double node_font, edge_font, legend_font;
    size_t labelled;
    int legend_per_row;
    size_t legend_line;
    double mark;
    double natural_node_font; /* the node type before fitting: lines and arrows grow as the labels do */
} type_fit;

/* What one layout of a try measured, at the physical size. */
typedef struct fit_measures {
    double node, legend;   /* the smallest node (or tie) label and the legend's type, in points; the node
                              type is INFINITY when no node is labelled */
    double legend_share;   /* the legend's share of the width when the width sets the scale, else 0 */
} fit_measures;

static void fit_apply(const sg_network *net, const sg_render_spec *spec, sg_view *view, const type_fit *f)
{
    view->node_font = f->node_font;
    view->edge_font = f->edge_font;
    view->legend_font = f->legend_font;
    view->legend_per_row = f->legend_per_row;
    view->legend_line = f->legend_line;
    view->mark = f->mark;
    view->unit = f->node_font / f->natural_node_font;
    sg_view_label(net, spec, view, f->labelled);
}

/* Lays out the drawing F makes of VIEW and measures it into M. Returns false after adding an error to
 * DIAG. */
static bool fit_measure(GVC_t *gvc, const sg_network *net, const sg_render_spec *spec, sg_view *view,
                        const char *layout, const type_fit *f, fit_measures *m, sg_diag *diag)
{
    fit_apply(net, spec, view, f);
    Agraph_t *g = sg_render_build(net, spec, view, layout, NULL);
    double w = 0, h = 0, legend_width = 0;
    bool ok = laid_out_size(gvc, g, layout, &w, &h, &legend_width);
    agclose(g);
    if (!ok) {
        sg_diag_error(diag, NULL, "graphviz cannot lay the graph out with '%s'", layout);
        return false;
    }
    double scale = fit_scale(spec, w, h);
    m->legend = view->legend_font * scale;
    m->node = INFINITY;
    if (spec->labels != SG_LABELS_NONE && view->unlabelled < view->drawn_nodes)
        m->node = view->node_font * scale;
    if (spec->edge_labels != SG_EDGE_LABELS_NONE && view->drawn_edges > 0)
        m->node = MIN(m->node, view->edge_font * scale);
    bool width_binds = spec->width > 0 && (spec->height <= 0 || (spec->width - 2 * PHYSICAL_PAD) / w <=
                                                                     (spec->height - 2 * PHYSICAL_PAD) / h);
    m->legend_share = width_binds ? legend_width / w : 0;
    return true;
}

/* Chooses VIEW's type sizes, labelled nodes, legend arrangement and marks so that, scaled to SPEC's
 * physical size, no type is smaller than the minimum. Each step is one layout. The legend first: when it
 * sets the width it is made narrower (its columns stacked, its lines wrapped shorter), else its type is
 * raised (the drawing keeps its scale). Then the labels: their type is raised while that pays (it does
 * when ties, not labels, set the drawing's extent); else the least important nodes become marks, and the
 * labels are bisected back up to the most that fit; when the drawing of marks alone is still too wide for
 * the legend's type, the marks shrink. At most 40 layouts. Warns when the minimum cannot be reached.
 * Returns false after adding an error to DIAG when Graphviz cannot lay the graph out. */
static bool fit_type_layouts(GVC_t *gvc, const sg_network *net, const sg_render_spec *spec, sg_view *view,
                             const char *layout, sg_diag *diag);

/* fit_type_layouts, reported as one piece of work (its layouts are not reported one by one). */
static bool fit_type(GVC_t *gvc, const sg_network *net, const sg_render_spec *spec, sg_view *view,
                     const char *layout, sg_diag *diag)
{
    char what[96];
    snprintf(what, sizeof what, "fitting %zu nodes to the page (up to 40 layouts)", view->drawn_nodes);
    sg_progress_begin(what, NULL, 0);
    bool ok = fit_type_layouts(gvc, net, spec, view, layout, diag);
    sg_progress_end();
    return ok;
}

static bool fit_type_layouts(GVC_t *gvc, const sg_network *net, const sg_render_spec *spec, sg_view *view,
                             const char *layout, sg_diag *diag)
{
    double least = spec->min_font > 0 ? spec->min_font : SG_RENDER_MIN_FONT;
    double enough = least * 0.999;
    type_fit f = {view->node_font, view->edge_font, view->legend_font, view->drawn_nodes, 0, SG_LEGEND_LINE,
                  view->mark, view->node_font};
    type_fit before = f;
    size_t too_many = 0; /* the fewest labels found too many (0: none yet) */
    fit_measures m = {0}, previous = {0};
    bool raise_pays = true, raised = false, fits = false;
    for (int round = 0; round < 36; round++) {
        if (!fit_measure(gvc, net, spec, view, layout, &f, &m, diag))
            return false;
        fits = m.node >= enough && m.legend >= enough;
        if (fits)
            break;
        if (raised && m.node < previous.node * 1.1) { /* the drawing grew with the labels: undo, stop */
            raise_pays = false;
            f = before;
            m = previous;
        }
        raised = false;
        previous = m;
        bool shrink = false; /* the drawing must get smaller on the page's scale */
        if (m.legend < enough) {
            if (m.legend_share >= 0.9 && f.legend_per_row != 1)
                f.legend_per_row = f.legend_per_row == 0 ? 3 : f.legend_per_row - 1;
            else if (m.legend_share >= 0.9 && f.legend_line > 24)
                f.legend_line = f.legend_line * 2 / 3;
            else if (m.legend_share < 0.9 && f.legend_font < 0.95 * MAX_LEGEND_FONT)
                /* Graphviz takes type up to 255 points in a legend; the title is 22/14 of the legend's */
                f.legend_font *= MIN(least / m.legend * 1.02, MAX_LEGEND_FONT / f.legend_font);
            else
                shrink = true;
            if (!shrink)
                continue;
        }
        if (!shrink && raise_pays && m.node < enough && f.node_font < 0.95 * MAX_LEGEND_FONT) {
            double raise = MIN(MIN(least / m.node * 1.02, 4.0), MAX_LEGEND_FONT / f.node_font);
            before = f;
            f.node_font *= raise;
            f.edge_font *= raise;
            raised = true;
        } else if (spec->labels != SG_LABELS_NONE && f.labelled > 0) {
            too_many = f.labelled;
            /* a drawing's extent goes about with the square root of its labels' area: shed labels by the
             * square of the shortfall, a third at least */
            double short_by = isfinite(m.node) ? MIN(m.node, m.legend) / least : m.legend / least;
            f.labelled = (size_t)((double)f.labelled * MAX(0.02, MIN(2.0 / 3.0, short_by * short_by)));
            raise_pays = true; /* with fewer labels the ties may set the extent: raising may pay again */
        } else if (f.mark > 0.03) { /* many marks set the extent: smaller marks, then raise the type again */
            f.mark /= 3;
            raise_pays = true;
        } else {
            break;
        }
    }
    if (!fits) {
        fit_apply(net, spec, view, &f);
        sg_warning("at this size the smallest type is %.1f pt, below the %.1f pt asked for: give a larger --width "
                   "or --height, or a smaller --min-font", MIN(m.node, m.legend), least);
        return true;
    }
    /* bisect between the labels that fit and the fewest found too many */
    type_fit best = f;
    for (int round = 0; round < 4 && too_many > best.labelled + 1; round++) {
        type_fit more = best;
        more.labelled = (best.labelled + too_many) / 2;
        if (!fit_measure(gvc, net, spec, view, layout, &more, &m, diag))
            return false;
        if (m.node >= enough && m.legend >= enough)
            best = more;
        else
            too_many = more.labelled;
    }
    fit_apply(net, spec, view, &best);
    if (view->unlabelled == view->drawn_nodes && view->drawn_nodes > 0 && spec->labels != SG_LABELS_NONE)
        sg_warning("at this size no node keeps its label (names in the tooltips): give a larger --width or "
                   "--height, or a smaller --min-font, to label the most important");
    return true;
}

/* Sets the physical size, margin and PNG resolution on G. */
static void set_physical(Agraph_t *g, const sg_render_spec *spec)
{
    char text[64];
    if (physical_size(spec)) {
        /* Graphviz scales the drawing with its pad to SIZE ('!': up as well as down) */
        double w = spec->width > 0 ? spec->width / 72.0 : 10000;
        double h = spec->height > 0 ? spec->height / 72.0 : 10000;
        snprintf(text, sizeof text, "%.4f,%.4f!", w, h);
        agattr(g, AGRAPH, "size", text);
        snprintf(text, sizeof text, "%.4f", PHYSICAL_PAD / 72.0);
        agattr(g, AGRAPH, "pad", text);
        agattr(g, AGRAPH, "margin", "0"); /* PDF and PostScript would add half an inch each side */
    }
    if (spec->format == SG_RENDER_PNG) {
        snprintf(text, sizeof text, "%g", png_dpi(spec));
        agattr(g, AGRAPH, "dpi", text);
    }
}

bool sg_render_write(const sg_network *net, const sg_render_spec *spec, FILE *stream, sg_diag *diag)
{
    sg_view view;
    if (!sg_view_select(net, spec, &view, diag))
        return false;
    if (!sg_view_style(net, spec, &view, diag)) {
        sg_view_free(&view);
        return false;
    }
    sg_render_messages_begin();
    const char *layout = choose_layout(net, spec, &view);
    if (physical_size(spec) && !fit_type(sg_render_context(), net, spec, &view, layout, diag)) {
        sg_render_messages_end(true);
        sg_view_free(&view);
        return false;
    }
    Agnode_t **nodes = g_new0(Agnode_t *, net->n_nodes + 1);
    Agraph_t *g = sg_render_build(net, spec, &view, layout, nodes);
    set_physical(g, spec);
    bool ok;
    if (spec->format == SG_RENDER_CANON) {
        ok = agwrite(g, stream) != EOF;
    } else {
        GVC_t *gvc = sg_render_context();
        GHashTable *positions = spec->layout_of ? shared_positions(gvc, spec, layout, diag) : NULL;
        ok = !spec->layout_of || positions;
        if (positions)
            pin_nodes(g, net, nodes, positions);
        if (ok)
            ok = layout_and_render(gvc, g, positions ? "nop2" : layout, spec, stream, diag);
        if (positions)
            g_hash_table_destroy(positions);
    }
    agclose(g);
    g_free(nodes);
    sg_render_messages_end(true);
    sg_view_free(&view);
    return ok;
}

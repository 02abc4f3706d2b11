/* compare_render.c: the comparison picture: the union of the readings in render's vocabulary, sized by standing, outlined by movement. */
#include <glib.h>
#include <graphviz/gvc.h>
#include <math.h>
#include <string.h>

#include "internal.h"
#include "spygraph/compare_render.h"

/* Colours of the tie statuses (ColorBrewer RdYlBu/PiYG-like, readable by most colour-blind readers). They
 * are the comparison's own: render colours ties by family, which would clash with these. */
static const struct {
    const char *color, *style, *penwidth, *glyph, *legend;
} status_look[] = {
    [SG_TIE_BASE] = {"#9a9a9a", "solid", "1", "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81", /* ━━━ */
                     "in the base and under every hypothesis"},
    [SG_TIE_ALTERED] = {"#2c7bb6", "solid", "2.2", "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81",
                        "in every reading; its dates, confidence or weight changed by some"},
    [SG_TIE_REMOVED] = {"#d7191c", "dashed", "2.2", "\xe2\x94\x81 \xe2\x94\x81 \xe2\x94\x81", /* ━ ━ ━ */
                        "in the base, removed by some hypotheses"},
    [SG_TIE_ADDED] = {"#1a9641", "solid", "2.6", "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81",
                      "only under some hypotheses"},
};

/* Movement: the outline of a node whose rank moves (a dark purple, ColorBrewer Purples 9/9, apart from
 * every fill, text and tie colour), and of one whose rank stays (render's default outline). Outline widths
 * (points) of the movement bands, the first for a rank that does not move. */
#define MOVED_COLOR "#3f007d"
#define STILL_COLOR "#404040"
static const int band_width[] = {1, 2, 4, 6};

/* Node size by standing: the node of best standing is an ellipse TOP_WIDTH by TOP_HEIGHT inches, its
 * name beside it (an external label, so that a long name does not enlarge the node) TOP_FONT points; a
 * node's area is that ellipse's times its standing share (size_share), whatever its shape, and its
 * name's size grows with the square root of the share, down to MIN_FONT. */
#define TOP_FONT 22.0
#define MIN_FONT 8.0
#define TOP_WIDTH 1.3
#define TOP_HEIGHT 0.65
#define MIN_SHARE 0.05

/* The share of its bounding box that a node of SHAPE (an sg_render_kind_shape) covers, so that nodes of
 * equal standing have equal areas whatever their kind: an ellipse pi/4, Graphviz's parallelogram 0.795
 * (measured on its SVG output: the top side is 0.795 of the width at every size), a box 1. */
static double shape_coverage(const char *shape)
{
    if (strcmp(shape, "ellipse") == 0)
        return G_PI / 4;
    if (strcmp(shape, "parallelogram") == 0)
        return 0.795;
    return 1.0;
}

/* The area share of a node of mean rank MEAN among N union nodes: 1 - ln(MEAN) / ln(N + 1), so 1 for a node
 * ranked first in every reading, falling fastest among the first ranks (where a rank means most), and at
 * least MIN_SHARE. */
static double size_share(double mean, size_t n)
{
    return MAX(1 - log(MAX(mean, 1.0)) / log((double)n + 1), MIN_SHARE);
}

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

void sg_compare_movement_bands(int largest, int *upper, size_t *n)
{
    *n = 0;
    upper[(*n)++] = 0;
    if (largest <= 0)
        return;
    long long most = largest, a = 1, b;
    while ((a + 1) * (a + 1) * (a + 1) <= most) /* the integer cube root of LARGEST */
        a++;
    b = a;
    while ((b + 1) * (b + 1) * (b + 1) <= most * most) /* ... and of its square */
        b++;
    if (a < most)
        upper[(*n)++] = (int)a;
    if (b > a && b < most)
        upper[(*n)++] = (int)b;
    upper[(*n)++] = largest;
}

double sg_compare_mean_rank(const sg_comparison *cmp, size_t i)
{
    double sum = 0;
    size_t count = 0;
    for (size_t r = 0; r < cmp->n_readings; r++)
        if (cmp->readings[r].rank[i] > 0) {
            sum += cmp->readings[r].rank[i];
            count++;
        }
    return count ? sum / (double)count : (double)cmp->n_nodes;
}

static void set_plain(void *object, const char *name, const char *text)
{
    char *value = sg_render_plain_text(text);
    sg_render_set(object, name, value);
    g_free(value);
}

static void set_tooltip(void *object, const char *name, const char *text)
{
    char *value = sg_render_tooltip_text(text);
    sg_render_set(object, name, value);
    g_free(value);
}

/* The node of union node I in one of the readings that hold it (the first). Every union node is in one. */
static const sg_node *node_of(const sg_comparison *cmp, size_t i)
{
    for (size_t r = 0; r < cmp->n_readings; r++) {
        int k = sg_network_find_node(cmp->readings[r].net, cmp->node_ids[i]);
        if (k >= 0)
            return &cmp->readings[r].net->nodes[k];
    }
    return NULL;
}

/* What the picture shows of each union node, worked out before drawing. */
typedef struct picture {
    const sg_comparison *cmp;
    sg_palette palette;        /* affiliations, ranked over the whole network (as render ranks them) */
    const sg_node **node;      /* per union node: its node in the first reading holding it */
    int *group;                /* per union node: palette group, -1 for none */
    size_t *group_count;       /* per palette group: union nodes in it */
    bool ungrouped;            /* some node has no affiliation */
    double *mean_rank;         /* per union node: sg_compare_mean_rank */
    size_t top;                /* the node of best standing (the first of equals) */
    int band_upper[4];         /* movement bands (sg_compare_movement_bands) */
    size_t n_bands;
    bool *band_used;           /* per band: some node is in it */
    bool any_added;            /* some node is absent from the base */
    bool kinds[SG_KIND_PLACE + 1];
} picture;

static size_t band_of(const picture *p, int spread)
{
    size_t k = 0;
    while (k + 1 < p->n_bands && spread > p->band_upper[k])
        k++;
    return k;
}

static void picture_init(picture *p, const sg_comparison *cmp, const sg_network *whole)
{
    memset(p, 0, sizeof *p);
    p->cmp = cmp;
    sg_palette_init(&p->palette, whole, "affiliation", SG_SCHEME_COLOUR);
    size_t n = cmp->n_nodes;
    p->node = g_new0(const sg_node *, n + 1);
    p->group = g_new(int, n + 1);
    p->group_count = g_new0(size_t, p->palette.n_groups + 1);
    p->mean_rank = g_new(double, n + 1);
    int largest = 0;
    for (size_t i = 0; i < n; i++) {
        p->node[i] = node_of(cmp, i);
        p->group[i] = sg_palette_find(&p->palette, p->node[i]->affiliation);
        if (p->group[i] >= 0)
            p->group_count[p->group[i]]++;
        else
            p->ungrouped = true;
        p->kinds[p->node[i]->kind] = true;
        p->mean_rank[i] = sg_compare_mean_rank(cmp, i);
        if (p->mean_rank[i] < p->mean_rank[p->top])
            p->top = i;
        largest = MAX(largest, cmp->rank_spread[i]);
        p->any_added = p->any_added || cmp->readings[0].rank[i] == 0;
    }
    sg_compare_movement_bands(largest, p->band_upper, &p->n_bands);
    p->band_used = g_new0(bool, p->n_bands);
    for (size_t i = 0; i < n; i++)
        p->band_used[band_of(p, cmp->rank_spread[i])] = true;
}

static void picture_clear(picture *p)
{
    sg_palette_clear(&p->palette);
    g_free(p->node);
    g_free(p->group);
    g_free(p->group_count);
    g_free(p->mean_rank);
    g_free(p->band_used);
}

/* "Ginichi Kito (kito): betweenness rank 52 in the base, 19 under kato_kito; mean rank 35.5, spread 33". */
static char *node_tooltip(const picture *p, size_t i)
{
    const sg_comparison *cmp = p->cmp;
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
    g_string_append_printf(s, "; mean rank %.1f, spread %d", p->mean_rank[i], cmp->rank_spread[i]);
    if (cmp->readings[0].rank[i] == 0)
        g_string_append(s, "; not in the base");
    return g_string_free(s, FALSE);
}

static void add_nodes(Agraph_t *g, const picture *p, Agnode_t **nodes)
{
    const sg_comparison *cmp = p->cmp;
    for (size_t i = 0; i < cmp->n_nodes; i++) {
        const sg_node *node = p->node[i];
        char name[32];
        g_snprintf(name, sizeof name, "n%zu", i); /* never the id: cgraph gives names of its own meanings */
        nodes[i] = agnode(g, name, 1);
        sg_render_set(nodes[i], "label", "");
        set_plain(nodes[i], "xlabel", cmp->node_labels[i]);
        char *id = sg_render_node_object_id(node);
        sg_render_set(nodes[i], "id", id);
        g_free(id);
        const char *shape = sg_render_kind_shape(node->kind);
        sg_render_set(nodes[i], "shape", shape);
        /* standing: the area, whatever the shape and the name's length */
        double share = size_share(p->mean_rank[i], cmp->n_nodes);
        double box = sqrt(share * (G_PI / 4) / shape_coverage(shape));
        sg_render_set_number(nodes[i], "width", TOP_WIDTH * box);
        sg_render_set_number(nodes[i], "height", TOP_HEIGHT * box);
        sg_render_set(nodes[i], "fixedsize", "true");
        sg_render_set_number(nodes[i], "fontsize", MAX(MIN_FONT, TOP_FONT * sqrt(share)));
        /* movement: the outline */
        size_t band = band_of(p, cmp->rank_spread[i]);
        sg_render_set_number(nodes[i], "penwidth", band_width[band]);
        sg_render_set(nodes[i], "color", band ? MOVED_COLOR : STILL_COLOR);
        bool added = cmp->readings[0].rank[i] == 0;
        const sg_group *group = p->group[i] >= 0 ? &p->palette.groups[p->group[i]] : NULL;
        sg_render_set(nodes[i], "style", added ? "filled,dashed" : "filled");
        sg_render_set(nodes[i], "fillcolor", group ? group->fill : "white");
        char *tip = node_tooltip(p, i);
        set_tooltip(nodes[i], "tooltip", tip);
        g_free(tip);
    }
}

/* The readings (from index FROM) where FLAGS[r] is WANT, comma-separated (g_free). */
static char *readings_where(const sg_comparison *cmp, const bool *flags, size_t from, bool want)
{
    GString *s = g_string_new(NULL);
    for (size_t r = from; r < cmp->n_readings; r++)
        if (flags[r] == want)
            g_string_append_printf(s, "%s%s", s->len ? ", " : "", cmp->readings[r].id);
    return g_string_free(s, FALSE);
}

/* "smedley - ozaki introduced: only under smedley_shanghai". */
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

/* The key of a tie by its ends' ids and relation ("source\x1ftarget\x1frelation"), g_free. */
static char *tie_lookup_key(const char *source, const char *target, const sg_relation *relation)
{
    return g_strdup_printf("%s\x1f%s\x1f%s", source, target, relation->name);
}

/* Indexes NET's ties by their ends and relation (both ways round when undirected), first tie first. */
static GHashTable *index_ties(const sg_network *net)
{
    GHashTable *index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t i = 0; i < net->n_edges; i++) {
        const sg_edge *e = &net->edges[i];
        for (int way = 0; way < (sg_edge_directed(e) ? 1 : 2); way++) {
            const sg_node *a = &net->nodes[way ? e->target : e->source], *b = &net->nodes[way ? e->source : e->target];
            char *key = tie_lookup_key(a->id, b->id, e->relation);
            if (g_hash_table_contains(index, key))
                g_free(key);
            else
                g_hash_table_insert(index, key, (gpointer)e);
        }
    }
    return index;
}

/* The `id` of union tie T: render's id of that tie in the first reading holding it (tie-17,
 * tie-kato_kito-2), so a tie has one id in every picture of the network; NULL when no reading's tie
 * matches. INDEXES holds one lazily built index per reading. g_free. */
static char *tie_object_id(const sg_comparison *cmp, const sg_compare_tie *t, GHashTable **indexes)
{
    char *key = tie_lookup_key(cmp->node_ids[t->source], cmp->node_ids[t->target], t->relation);
    char *id = NULL;
    for (size_t r = 0; r < cmp->n_readings && !id; r++) {
        if (!t->present[r])
            continue;
        if (!indexes[r])
            indexes[r] = index_ties(cmp->readings[r].net);
        const sg_edge *e = g_hash_table_lookup(indexes[r], key);
        if (e)
            id = sg_render_tie_object_id(e);
    }
    g_free(key);
    return id;
}

static void add_ties(Agraph_t *g, const sg_comparison *cmp, Agnode_t **nodes, bool *seen)
{
    GHashTable **indexes = g_new0(GHashTable *, cmp->n_readings + 1);
    for (size_t k = 0; k < cmp->n_ties; k++) {
        const sg_compare_tie *t = &cmp->ties[k];
        sg_tie_status status = sg_compare_tie_status(cmp, t);
        seen[status] = true;
        char name[32];
        g_snprintf(name, sizeof name, "t%zu", k);
        Agedge_t *e = agedge(g, nodes[t->source], nodes[t->target], name, 1);
        sg_render_set(e, "color", status_look[status].color);
        sg_render_set(e, "style", status_look[status].style);
        sg_render_set(e, "penwidth", status_look[status].penwidth);
        sg_render_set(e, "dir", t->relation->directed ? "forward" : "none");
        sg_render_set(e, "arrowsize", "0.6");
        char *tip = tie_tooltip(cmp, t, status);
        set_tooltip(e, "tooltip", tip);
        set_tooltip(e, "edgetooltip", tip);
        g_free(tip);
        char *id = tie_object_id(cmp, t, indexes);
        if (id)
            sg_render_set(e, "id", id);
        g_free(id);
    }
    for (size_t r = 0; r < cmp->n_readings; r++)
        if (indexes[r])
            g_hash_table_destroy(indexes[r]);
    g_free(indexes);
}

/* ---- the legend: columns of rows (a swatch cell and a text), then notes, as render lays its legend ---- */

/* A swatch cell: FILL, an outline WIDTH points wide in COLOR, dashed or not (g_free). */
static char *swatch(const char *fill, int width, const char *color, bool dashed)
{
    return sg_legend_swatch(fill, dashed ? "dashed" : "solid", width, color, 14);
}

static void legend_fills(GPtrArray *columns, const picture *p)
{
    bool any = false;
    for (size_t k = 0; k < p->palette.n_groups; k++)
        any = any || p->group_count[k] > 0;
    if (!any) /* nobody has an affiliation: no colour to explain (as render) */
        return;
    sg_legend_column *c = sg_legend_column_add(columns, "fill: affiliation");
    for (size_t k = 0; k < p->palette.n_groups; k++) {
        if (p->group_count[k] == 0)
            continue;
        char *cell = swatch(p->palette.groups[k].fill, 1, STILL_COLOR, false);
        char *text = g_strdup_printf("%s (%zu)", p->palette.groups[k].display, p->group_count[k]);
        sg_legend_row(c, cell, "", text);
        g_free(text);
        g_free(cell);
    }
    if (p->ungrouped) {
        char *cell = swatch("white", 1, STILL_COLOR, false);
        sg_legend_row(c, cell, "", "none given");
        g_free(cell);
    }
}

/* One row per movement band some node is in ("0 places", "1-3 places", "11-33 places"), and the dashed
 * outline of added nodes. */
static void legend_movement(GPtrArray *columns, const picture *p)
{
    char *heading = g_strdup_printf("outline: how far the %s rank moves", p->cmp->measure);
    sg_legend_column *c = sg_legend_column_add(columns, heading);
    g_free(heading);
    for (size_t k = 0; k < p->n_bands; k++) {
        if (!p->band_used[k])
            continue;
        int low = k ? p->band_upper[k - 1] + 1 : 0, high = p->band_upper[k];
        char *text = low == high ? g_strdup_printf("%d place%s", low, low == 1 ? "" : "s")
                                 : g_strdup_printf("%d-%d places", low, high);
        char *cell = swatch("white", band_width[k], k ? MOVED_COLOR : STILL_COLOR, false);
        sg_legend_row(c, cell, "", text);
        g_free(cell);
        g_free(text);
    }
    if (p->any_added) {
        char *cell = swatch("white", 1, STILL_COLOR, true);
        sg_legend_row(c, cell, "", "dashed: not in the base, added by some hypotheses");
        g_free(cell);
    }
}

static void legend_ties(GPtrArray *columns, const bool *seen, const sg_comparison *cmp)
{
    sg_legend_column *c = sg_legend_column_add(columns, "colour: where the tie holds");
    for (size_t st = 0; st < G_N_ELEMENTS(status_look); st++)
        if (seen[st]) {
            char *sample = g_strdup_printf("<FONT COLOR=\"%s\">%s</FONT>", status_look[st].color, status_look[st].glyph);
            sg_legend_row(c, "", sample, status_look[st].legend);
            g_free(sample);
        }
    bool directed = false;
    for (size_t k = 0; k < cmp->n_ties && !directed; k++)
        directed = cmp->ties[k].relation->directed;
    if (directed && c->rows->len > 0)
        sg_legend_row(c, "", "\xe2\x94\x80\xe2\x94\x80\xe2\x96\xb6", "directed relation"); /* ──▶, as render */
    if (c->rows->len == 0)
        g_ptr_array_remove(columns, c);
}

/* A note row spanning SPAN columns: TEXT (escaped here) between the markup BEFORE and AFTER (no data). */
static void note(GString *out, int span, const char *before, const char *text, const char *after)
{
    sg_legend_note_open(out, span);
    g_string_append(out, before);
    sg_render_append_html_wrapped(out, text, *before ? SG_LEGEND_LINE * 2 / 3 : SG_LEGEND_LINE);
    g_string_append_printf(out, "%s</TD></TR>", after);
}

/* The legend as an HTML-like label: title, the columns (fills, shapes, movement, tie statuses), then
 * notes on size and the readings. Everything from the data is escaped. */
static char *legend(const picture *p, const bool *seen)
{
    const sg_comparison *cmp = p->cmp;
    const sg_network *base = cmp->readings[0].net;
    GPtrArray *columns = sg_legend_columns_new();
    legend_fills(columns, p);
    sg_legend_add_kinds(columns, p->kinds, 14, SG_LEGEND_LINE); /* render's column, at its natural size */
    legend_movement(columns, p);
    legend_ties(columns, seen, cmp);
    GString *grid = g_string_new(NULL);
    int span = sg_legend_write_columns(grid, columns, 0);
    GString *out = g_string_new("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">");
    char *text = g_strdup_printf("%s: the base and %zu %s", *base->title ? base->title : base->id,
                                 cmp->n_readings - 1, cmp->scenarios ? "scenarios" : "hypotheses");
    note(out, span, "<FONT POINT-SIZE=\"22\">", text, "</FONT>");
    g_free(text);
    g_string_append(out, grid->str);
    if (cmp->n_nodes > 0) { /* a network without nodes has no standing to explain */
        text = g_strdup_printf("size: standing, the mean %s rank across the readings (where the node is); "
                               "largest: %s, mean rank %.1f",
                               cmp->measure, cmp->node_labels[p->top], p->mean_rank[p->top]);
        note(out, span, "", text, "");
        g_free(text);
    }
    GString *ids = g_string_new(NULL);
    for (size_t r = 1; r < cmp->n_readings; r++)
        g_string_append_printf(ids, "%s%s", r > 1 ? ", " : "", cmp->readings[r].id);
    text = cmp->n_readings > 1 ? g_strdup_printf("%s: %s (hover over a tie or a node for the details)",
                                                 cmp->scenarios ? "scenarios" : "hypotheses", ids->str)
                               : g_strdup("no hypotheses: the base alone (hover over a node for its rank)");
    note(out, span, "", text, "");
    g_free(text);
    g_string_free(ids, TRUE);
    g_string_append(out, "</TABLE>");
    g_string_free(grid, TRUE);
    g_ptr_array_free(columns, TRUE);
    return g_string_free(out, FALSE);
}

static Agraph_t *build(const sg_comparison *cmp, const sg_network *whole, unsigned long seed)
{
    picture p;
    picture_init(&p, cmp, whole);
    Agraph_t *g = agopen("comparison", Agdirected, NULL);
    char start[32];
    g_snprintf(start, sizeof start, "%lu", seed);
    sg_render_set(g, "start", start);
    sg_render_set(g, "overlap", "false");
    sg_render_set(g, "sep", "+28");
    sg_render_set(g, "splines", "true");
    sg_render_set(g, "outputorder", "edgesfirst");
    sg_render_set(g, "bgcolor", "white");
    sg_render_set(g, "pad", "0.3");
    sg_render_set(g, "fontname", SG_RENDER_FONT);
    sg_render_set(g, "labelloc", "b");
    sg_render_set(g, "labeljust", "l");
    sg_render_set(g, "forcelabels", "true");
    agattr(g, AGNODE, "fontname", SG_RENDER_FONT);
    agattr(g, AGNODE, "margin", "0.08,0.04");
    agattr(g, AGEDGE, "fontname", SG_RENDER_FONT);
    Agnode_t **nodes = g_new0(Agnode_t *, cmp->n_nodes + 1);
    bool seen[G_N_ELEMENTS(status_look)] = {false};
    add_nodes(g, &p, nodes);
    add_ties(g, cmp, nodes, seen);
    g_free(nodes);
    char *label = legend(&p, seen);
    char *html = agstrdup_html(g, label);
    sg_render_set(g, "label", html);
    agstrfree(g, html);
    g_free(label);
    picture_clear(&p);
    return g;
}

static bool layout_and_write(GVC_t *gvc, Agraph_t *g, const char *format, FILE *stream, sg_diag *diag)
{
    if (sg_render_layout(gvc, g, "neato") != 0) {
        sg_diag_error(diag, NULL, "graphviz cannot lay the comparison out: %s", sg_render_messages_text());
        return false;
    }
    char *data = NULL;
    unsigned int length = 0;
    bool ok = gvRenderData(gvc, g, format, &data, &length) == 0;
    if (!ok)
        sg_diag_error(diag, NULL, "graphviz cannot render '%s': %s", format, sg_render_messages_text());
    else
        ok = fwrite(data, 1, length, stream) == length;
    if (data)
        gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
    return ok;
}

bool sg_compare_render(const sg_comparison *cmp, const sg_network *whole, const char *format, unsigned long seed,
                       FILE *stream, sg_diag *diag)
{
    sg_render_messages_begin(); /* reported only when a call fails, in its error */
    Agraph_t *g = build(cmp, whole, seed);
    bool ok = layout_and_write(sg_render_context(), g, format, stream, diag);
    agclose(g);
    sg_render_messages_end(false);
    return ok;
}

/* groups.c: the fill colours of a diagram (groups of an attribute or communities, Brewer palettes) and node sizes. */
#include <math.h>
#include <string.h>

#include "internal.h"

/* Colour-blind-friendlier Brewer schemes built into Graphviz: Set2 for up to 8 groups, Paired for more
 * (its light/dark pairs differ in lightness as well as hue); past 12 groups the smallest share "other". */
static const char *const set2[] = {"/set28/1", "/set28/2", "/set28/3", "/set28/4",
                                   "/set28/5", "/set28/6", "/set28/7", "/set28/8"};
/* Paired, dark members first so the six largest groups differ in hue, then the light members in reverse
 * order, so a light colour goes to a group far in size from the group holding its dark partner (and the
 * pair that looks least alike, brown and light yellow, meets in the middle); dark fills take white text. */
static const char *const paired[] = {"/paired12/2", "/paired12/4", "/paired12/6", "/paired12/8",
                                     "/paired12/10", "/paired12/12", "/paired12/11", "/paired12/9",
                                     "/paired12/7", "/paired12/5", "/paired12/3", "/paired12/1"};
static const bool paired_dark[] = {true, true, true, false, true, true, false, false, false, false, false, false};
#define OTHER_FILL "#bdbdbd"
#define PALETTE_SIZE 12

/* The print scheme: four light greys, far apart in luminance (relative luminance 1.0, 0.69, 0.43, 0.24:
 * black text reads on all of them), crossed with three outlines, so twelve groups stay apart in greyscale;
 * the largest groups differ in grey first. */
static const char *const print_greys[] = {"#ffffff", "#d9d9d9", "#b0b0b0", "#878787"};
static const char *const print_outlines[] = {"solid", "dashed", "bold"};

const char *sg_palette_value(const sg_network *net, const char *color_by, size_t i)
{
    const sg_node *node = &net->nodes[i];
    if (strcmp(color_by, "affiliation") == 0)
        return node->affiliation;
    if (strcmp(color_by, "kind") == 0)
        return sg_kind_name(node->kind);
    for (size_t k = 0; k < net->n_extra_attrs; k++)
        if (strcmp(net->extra_attrs[k], color_by) == 0)
            return node->extra && node->extra[k] ? node->extra[k] : "";
    return "";
}

bool sg_render_color_by_known(const sg_network *net, const char *color_by)
{
    static const char *const builtin[] = {"affiliation", "kind", "community", "none"};
    for (size_t k = 0; k < G_N_ELEMENTS(builtin); k++)
        if (strcmp(color_by, builtin[k]) == 0)
            return true;
    for (size_t k = 0; k < net->n_extra_attrs; k++)
        if (strcmp(net->extra_attrs[k], color_by) == 0)
            return true;
    return false;
}

/* Names the community of each drawn node "community K", K ranking the communities of MEMBERSHIP (one entry
 * per node) by decreasing size among the drawn nodes, then by their first drawn node, so the numbering
 * does not depend on igraph's internal order. NAMES[i] is set for drawn nodes (g_free each). */
static void name_communities(const sg_network *net, const sg_view *view, const igraph_vector_int_t *membership,
                             char **names)
{
    igraph_integer_t n_comm = igraph_vector_int_size(membership) ? igraph_vector_int_max(membership) + 1 : 0;
    size_t *size = g_new0(size_t, (size_t)n_comm + 1);
    long *first = g_new(long, (size_t)n_comm + 1);
    for (igraph_integer_t c = 0; c < n_comm; c++)
        first[c] = -1;
    for (size_t i = 0; i < net->n_nodes; i++) {
        igraph_integer_t c = VECTOR(*membership)[(igraph_integer_t)i];
        if (view->node_drawn[i] && size[c]++ == 0)
            first[c] = (long)i;
    }
    for (size_t i = 0; i < net->n_nodes; i++) {
        if (!view->node_drawn[i])
            continue;
        igraph_integer_t c = VECTOR(*membership)[(igraph_integer_t)i];
        size_t rank = 1;
        for (igraph_integer_t d = 0; d < n_comm; d++)
            if (size[d] > size[c] || (size[d] == size[c] && first[d] >= 0 && first[d] < first[c]))
                rank++;
        names[i] = g_strdup_printf("community %zu", rank);
    }
    g_free(size);
    g_free(first);
}

/* Finds the communities of the drawn ties (igraph's multilevel modularity optimisation, Louvain, seeded
 * with SPEC->seed) and names them into NAMES (see name_communities). Returns an igraph error code. */
static igraph_error_t community_names(const sg_network *net, const sg_render_spec *spec, const sg_view *view,
                                      char **names)
{
    sg_graph graph;
    igraph_vector_int_t membership;
    IGRAPH_CHECK(sg_view_graph(net, view, SG_DIRECTION_UNDIRECTED, &graph));
    IGRAPH_FINALLY(sg_graph_destroy, &graph);
    IGRAPH_CHECK(igraph_vector_int_init(&membership, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &membership);
    igraph_rng_seed(igraph_rng_default(), spec->seed);
    IGRAPH_CHECK(igraph_community_multilevel(&graph.graph, NULL, 1.0, &membership, NULL, NULL));
    name_communities(net, view, &membership, names);
    igraph_vector_int_destroy(&membership);
    sg_graph_destroy(&graph);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

/* Orders groups by decreasing size, then by name (bytewise, so the order is the same everywhere). */
static gint group_order(gconstpointer a, gconstpointer b)
{
    const sg_group *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Gives group K of N its look under SCHEME. */
static void assign_look(sg_group *g, size_t k, size_t n, sg_render_scheme scheme)
{
    if (scheme == SG_SCHEME_PRINT) {
        g->fill = print_greys[k % G_N_ELEMENTS(print_greys)];
        g->outline = print_outlines[(k / G_N_ELEMENTS(print_greys)) % G_N_ELEMENTS(print_outlines)];
        g->font = "black";
        return;
    }
    bool few = n <= G_N_ELEMENTS(set2);
    g->fill = few ? set2[k] : k < G_N_ELEMENTS(paired) ? paired[k] : OTHER_FILL;
    g->font = !few && k < G_N_ELEMENTS(paired) && paired_dark[k] ? "white" : "black";
    g->outline = "solid";
}

/* Ranks GROUPS (counts filled in; taken over), merges the smallest past the palette's twelve into
 * "other (...)", gives each its look and indexes them by value. */
static void finish_palette(sg_palette *palette, GArray *groups, sg_render_scheme scheme)
{
    g_array_sort(groups, group_order);
    palette->n_groups = groups->len;
    palette->groups = (sg_group *)(void *)g_array_free(groups, FALSE);
    palette->index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    size_t keep = PALETTE_SIZE - 1;
    bool merge = palette->n_groups > PALETTE_SIZE;
    for (size_t k = 0; k < palette->n_groups; k++)
        g_hash_table_insert(palette->index, g_strdup(palette->groups[k].name),
                            GSIZE_TO_POINTER((merge && k > keep ? keep : k) + 1));
    if (merge) {
        GString *name = g_string_new("other (");
        size_t count = 0;
        palette->other = g_ptr_array_new_with_free_func(g_free);
        for (size_t k = keep; k < palette->n_groups; k++) {
            g_string_append_printf(name, "%s%s", k > keep ? ", " : "", palette->groups[k].display);
            count += palette->groups[k].count;
            /* value, then display, in rank order: a picture names only the ones it draws */
            g_ptr_array_add(palette->other, palette->groups[k].name);
            g_ptr_array_add(palette->other, palette->groups[k].display);
        }
        g_string_append_c(name, ')');
        sg_group *other = &palette->groups[keep];
        other->display = g_string_free(name, FALSE);
        other->name = g_strdup(other->display);
        other->count = count;
        palette->n_groups = keep + 1;
        /* the index's keys are its own copies, so the merged names now owned by OTHER stay valid */
    }
    for (size_t k = 0; k < palette->n_groups; k++)
        assign_look(&palette->groups[k], k, palette->n_groups, scheme);
    if (merge && scheme == SG_SCHEME_COLOUR) {
        palette->groups[keep].fill = OTHER_FILL;
        palette->groups[keep].font = "black";
    }
}

/* Counts VALUE (owned by the caller) into GROUPS through INDEX (value -> group index + 1). */
static void count_value(GArray *groups, GHashTable *index, const char *value, const char *display)
{
    if (!value || !*value)
        return;
    gpointer found = g_hash_table_lookup(index, value);
    if (!found) {
        sg_group g = {.name = g_strdup(value), .display = g_strdup(display)};
        g_array_append_val(groups, g);
        found = GSIZE_TO_POINTER(groups->len);
        g_hash_table_insert(index, g.name, found);
    }
    g_array_index(groups, sg_group, GPOINTER_TO_SIZE(found) - 1).count++;
}

void sg_palette_init(sg_palette *palette, const sg_network *whole, const char *color_by, sg_render_scheme scheme)
{
    memset(palette, 0, sizeof *palette);
    GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
    GArray *groups = g_array_new(FALSE, TRUE, sizeof(sg_group));
    bool affiliation = strcmp(color_by, "affiliation") == 0;
    for (size_t i = 0; i < whole->n_nodes; i++) {
        const char *value = sg_palette_value(whole, color_by, i);
        count_value(groups, index, value, affiliation ? sg_network_affiliation_label(whole, value) : value);
    }
    g_hash_table_destroy(index);
    finish_palette(palette, groups, scheme);
}

void sg_palette_init_values(sg_palette *palette, const sg_network *net, char *const *values, const bool *drawn,
                            sg_render_scheme scheme)
{
    memset(palette, 0, sizeof *palette);
    GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
    GArray *groups = g_array_new(FALSE, TRUE, sizeof(sg_group));
    for (size_t i = 0; i < net->n_nodes; i++)
        if (!drawn || drawn[i])
            count_value(groups, index, values[i], values[i]);
    g_hash_table_destroy(index);
    finish_palette(palette, groups, scheme);
}

int sg_palette_find(const sg_palette *palette, const char *value)
{
    if (!value || !*value || !palette->index)
        return -1;
    return (int)GPOINTER_TO_SIZE(g_hash_table_lookup(palette->index, value)) - 1;
}

void sg_palette_clear(sg_palette *palette)
{
    for (size_t k = 0; k < palette->n_groups; k++) {
        g_free(palette->groups[k].name);
        g_free(palette->groups[k].display);
    }
    g_free(palette->groups);
    if (palette->index)
        g_hash_table_destroy(palette->index);
    if (palette->other)
        g_ptr_array_free(palette->other, TRUE);
    memset(palette, 0, sizeof *palette);
}

/* Sets VIEW's groups from PALETTE: the palette's groups that hold a drawn node, in the palette's order and
 * with its looks, counting the drawn nodes; VALUES gives each node's value. */
/* "other (...)" naming the merged values some drawn node of group K (the palette's "other") holds, by
 * their display names in rank order (g_free). */
static char *other_drawn(const sg_network *net, const sg_view *view, const sg_palette *palette,
                         const char *const *values, size_t k)
{
    GHashTable *drawn = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < net->n_nodes; i++)
        if (view->group[i] == (int)k && values[i])
            g_hash_table_add(drawn, (gpointer)values[i]);
    GString *name = g_string_new("other (");
    bool first = true;
    for (guint j = 0; j + 1 < palette->other->len; j += 2)
        if (g_hash_table_contains(drawn, g_ptr_array_index(palette->other, j))) {
            g_string_append_printf(name, "%s%s", first ? "" : ", ", (const char *)g_ptr_array_index(palette->other, j + 1));
            first = false;
        }
    g_string_append_c(name, ')');
    g_hash_table_destroy(drawn);
    return g_string_free(name, FALSE);
}

static void groups_from_palette(const sg_network *net, sg_view *view, const sg_palette *palette,
                                const char *const *values)
{
    int *slot = g_new(int, palette->n_groups + 1);
    size_t *count = g_new0(size_t, palette->n_groups + 1);
    for (size_t i = 0; i < net->n_nodes; i++) {
        int k = view->node_drawn[i] ? sg_palette_find(palette, values[i]) : -1;
        view->group[i] = k;
        if (k >= 0)
            count[k]++;
    }
    view->groups = g_new0(sg_group, palette->n_groups + 1);
    for (size_t k = 0; k < palette->n_groups; k++) {
        slot[k] = -1;
        if (count[k] == 0)
            continue;
        sg_group *g = &view->groups[view->n_groups];
        *g = palette->groups[k];
        g->name = g_strdup(palette->groups[k].name);
        g->display = palette->other && k + 1 == palette->n_groups ? other_drawn(net, view, palette, values, k)
                                                                   : g_strdup(palette->groups[k].display);
        g->count = count[k];
        slot[k] = (int)view->n_groups++;
    }
    for (size_t i = 0; i < net->n_nodes; i++)
        if (view->group[i] >= 0)
            view->group[i] = slot[view->group[i]];
    g_free(slot);
    g_free(count);
}

/* Groups the drawn nodes by the colour attribute (ranked over SPEC->colours_of, or NET) or by community
 * (ranked over the drawn nodes). */
static bool assign_groups(const sg_network *net, const sg_render_spec *spec, sg_view *view, sg_diag *diag)
{
    view->group = g_new(int, net->n_nodes);
    for (size_t i = 0; i < net->n_nodes; i++)
        view->group[i] = -1;
    if (strcmp(spec->color_by, "none") == 0)
        return true;
    char **values = g_new0(char *, net->n_nodes + 1);
    bool ok = true;
    sg_palette palette;
    if (strcmp(spec->color_by, "community") == 0) {
        ok = community_names(net, spec, view, values) == IGRAPH_SUCCESS;
        if (!ok)
            sg_diag_error(diag, NULL, "cannot find the communities");
        else
            sg_palette_init_values(&palette, net, values, view->node_drawn, spec->scheme);
    } else {
        for (size_t i = 0; i < net->n_nodes; i++)
            values[i] = g_strdup(sg_palette_value(net, spec->color_by, i));
        sg_palette_init(&palette, spec->colours_of ? spec->colours_of : net, spec->color_by, spec->scheme);
    }
    if (ok) {
        groups_from_palette(net, view, &palette, (const char *const *)values);
        sg_palette_clear(&palette);
    }
    for (size_t i = 0; i < net->n_nodes; i++)
        g_free(values[i]);
    g_free(values);
    return ok;
}

/* Scales the measure of the drawn nodes to [0, 1] by the square root of value over the largest value, so
 * a node's area grows with its value. Negative and NaN values count as 0. */
static void assign_sizes(const sg_network *net, const sg_render_spec *spec, sg_view *view)
{
    if (!spec->size_values)
        return;
    double top = 0;
    for (size_t i = 0; i < net->n_nodes; i++) {
        double v = spec->size_values[i];
        if (view->node_drawn[i] && v > top) {
            top = v;
            view->size_top = (int)i;
        }
    }
    view->size = g_new0(double, net->n_nodes);
    for (size_t i = 0; i < net->n_nodes; i++) {
        double v = spec->size_values[i];
        view->size[i] = top > 0 && v > 0 ? sqrt(v / top) : 0;
    }
}

/* The importance order of the labels: larger size value (or more drawn ties) first, then node order. */
typedef struct ranked_node {
    double importance;
    size_t index;
} ranked_node;

static int by_importance(const void *a, const void *b)
{
    const ranked_node *x = a, *y = b;
    if (x->importance != y->importance)
        return x->importance > y->importance ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

void sg_view_label(const sg_network *net, const sg_render_spec *spec, sg_view *view, size_t labelled)
{
    ranked_node *order = g_new(ranked_node, net->n_nodes + 1);
    size_t n = 0;
    double *degree = g_new0(double, net->n_nodes + 1);
    for (size_t i = 0; i < net->n_edges; i++)
        if (view->edge_drawn[i]) {
            degree[net->edges[i].source] += 1;
            degree[net->edges[i].target] += 1;
        }
    for (size_t i = 0; i < net->n_nodes; i++)
        if (view->node_drawn[i]) {
            double v = spec->size_values ? spec->size_values[i] : degree[i];
            order[n++] = (ranked_node){isnan(v) || v < 0 ? 0 : v, i};
        }
    qsort(order, n, sizeof *order, by_importance);
    if (!view->labelled)
        view->labelled = g_new0(bool, net->n_nodes + 1);
    for (size_t i = 0; i < net->n_nodes; i++)
        view->labelled[i] = false;
    view->unlabelled = 0;
    for (size_t k = 0; k < n; k++) {
        view->labelled[order[k].index] = k < labelled;
        view->unlabelled += k >= labelled;
    }
    g_free(degree);
    g_free(order);
}

bool sg_view_style(const sg_network *net, const sg_render_spec *spec, sg_view *view, sg_diag *diag)
{
    view->node_font = spec->size_values ? 11 : 12;
    view->edge_font = 9;
    view->legend_font = 14;
    view->mark = 0.7;
    view->unit = 1;
    view->legend_line = SG_LEGEND_LINE;
    sg_view_label(net, spec, view, net->n_nodes);
    if (!assign_groups(net, spec, view, diag))
        return false;
    assign_sizes(net, spec, view);
    return true;
}

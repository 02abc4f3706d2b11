/* brokerage.c: node groups from attributes, and Gould-Fernandez brokerage roles (as R's sna::brokerage). */
#include <glib.h>
#include <string.h>

#include "analysis/centrality_internal.h"

static const char *const role_names[SG_BROKER_N_ROLES] = {"coordinator", "itinerant", "representative", "gatekeeper",
                                                          "liaison"};

const char *sg_broker_role_name(sg_broker_role role)
{
    return role < SG_BROKER_N_ROLES ? role_names[role] : "";
}

const char *sg_centrality_default_group(const sg_network *net)
{
    for (size_t i = 0; i < net->n_nodes; i++)
        if (net->nodes[i].affiliation && *net->nodes[i].affiliation)
            return "affiliation";
    return NULL;
}

static const char *const builtin_attributes[] = {"affiliation", "kind", "label", "id", "native_name"};

/* The index of NAME among NET's extra node columns, or -1. */
static int extra_index(const sg_network *net, const char *name)
{
    for (size_t k = 0; k < net->n_extra_attrs; k++)
        if (strcmp(net->extra_attrs[k], name) == 0)
            return (int)k;
    return -1;
}

bool sg_centrality_group_known(const sg_network *net, const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(builtin_attributes); i++)
        if (strcmp(builtin_attributes[i], name) == 0)
            return true;
    return extra_index(net, name) >= 0;
}

const char *sg_centrality_group_value(const sg_network *net, size_t i, const char *name)
{
    const sg_node *node = &net->nodes[i];
    const char *value = NULL;
    if (strcmp(name, "affiliation") == 0)
        value = node->affiliation;
    else if (strcmp(name, "kind") == 0)
        value = sg_kind_name(node->kind);
    else if (strcmp(name, "label") == 0)
        value = node->label;
    else if (strcmp(name, "id") == 0)
        value = node->id;
    else if (strcmp(name, "native_name") == 0)
        value = node->native_name;
    else {
        int k = extra_index(net, name);
        value = k >= 0 && node->extra ? node->extra[k] : NULL;
    }
    return value ? value : "";
}

/* One group number per node: equal values share a number; an empty value gets a number of its own. */
static igraph_integer_t *group_numbers(const sg_network *net, const char *group_by)
{
    size_t n = net->n_nodes;
    igraph_integer_t *group = g_new(igraph_integer_t, MAX(n, 1));
    GHashTable *numbers = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < n; i++) {
        const char *value = sg_centrality_group_value(net, i, group_by);
        if (!*value) {
            group[i] = (igraph_integer_t)(n + i);
            continue;
        }
        gpointer found;
        if (!g_hash_table_lookup_extended(numbers, value, NULL, &found)) {
            found = GSIZE_TO_POINTER(g_hash_table_size(numbers));
            g_hash_table_insert(numbers, (gpointer)value, found);
        }
        group[i] = (igraph_integer_t)GPOINTER_TO_SIZE(found);
    }
    g_hash_table_destroy(numbers);
    return group;
}

/* The role broker J plays on the two-path I -> J -> K, from the three groups. */
static sg_broker_role role_of(igraph_integer_t gi, igraph_integer_t gj, igraph_integer_t gk)
{
    if (gi == gj)
        return gj == gk ? SG_BROKER_COORDINATOR : SG_BROKER_REPRESENTATIVE;
    if (gj == gk)
        return SG_BROKER_GATEKEEPER;
    return gi == gk ? SG_BROKER_ITINERANT : SG_BROKER_LIAISON;
}

/* Counts the open two-paths through every vertex of G into ROLES (n x roles, zeroed). */
static igraph_error_t count_two_paths(const igraph_t *g, const igraph_integer_t *group, igraph_matrix_t *roles)
{
    igraph_adjlist_t in, out;
    IGRAPH_CHECK(igraph_adjlist_init(g, &in, IGRAPH_IN, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE));
    IGRAPH_FINALLY(igraph_adjlist_destroy, &in);
    IGRAPH_CHECK(igraph_adjlist_init(g, &out, IGRAPH_OUT, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE));
    IGRAPH_FINALLY(igraph_adjlist_destroy, &out);
    for (igraph_integer_t j = 0; j < igraph_vcount(g); j++) {
        igraph_vector_int_t *from = igraph_adjlist_get(&in, j), *to = igraph_adjlist_get(&out, j);
        for (igraph_integer_t a = 0; a < igraph_vector_int_size(from); a++) {
            igraph_integer_t i = VECTOR(*from)[a];
            igraph_vector_int_t *direct = igraph_adjlist_get(&out, i);
            for (igraph_integer_t b = 0; b < igraph_vector_int_size(to); b++) {
                igraph_integer_t k = VECTOR(*to)[b];
                if (k == i || igraph_vector_int_binsearch2(direct, k))
                    continue; /* not a two-path, or closed: i reaches k directly */
                MATRIX(*roles, j, role_of(group[i], group[j], group[k])) += 1;
            }
        }
    }
    igraph_adjlist_destroy(&out);
    igraph_adjlist_destroy(&in);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

igraph_error_t sg_brokerage(const sg_network *net, const char *group_by, const sg_centrality_options *opts,
                            igraph_matrix_t *roles)
{
    if (!group_by || !sg_centrality_group_known(net, group_by))
        IGRAPH_ERROR("brokerage needs a node attribute for groups", IGRAPH_EINVAL);
    sg_reading reading = opts->reading;
    reading.direction = reading.direction == SG_DIRECTION_UNDIRECTED ? SG_DIRECTION_MUTUAL : SG_DIRECTION_DIRECTED;
    reading.weights = SG_WEIGHTS_NONE;
    reading.merge = SG_MERGE_PARALLEL;
    sg_graph s;
    IGRAPH_CHECK(sg_graph_build(&s, net, &reading));
    IGRAPH_FINALLY(sg_graph_destroy, &s);
    IGRAPH_CHECK(igraph_matrix_resize(roles, (igraph_integer_t)net->n_nodes, SG_BROKER_N_ROLES));
    igraph_matrix_null(roles);
    igraph_integer_t *group = group_numbers(net, group_by);
    igraph_error_t err = count_two_paths(&s.graph, group, roles);
    g_free(group);
    IGRAPH_CHECK(err);
    sg_graph_destroy(&s);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* network.c: the network's tables, its string pool and id index, and the relation vocabulary. */
#include <glib.h>
#include <string.h>

#include "internal.h"

struct sg_network_private {
    int refcount;
    sg_network *root;        /* the base network that owns the pool; NULL when this is the root */
    GStringChunk *pool;      /* root only */
    GPtrArray *allocations;  /* lists owned by this network (g_free) */
    GHashTable *node_index;  /* id -> index + 1 */
    GHashTable *source_index;/* key -> index + 1; shared with the root in a derived network */
    bool owns_shared;        /* owns sources, hypotheses, extra_attrs */
    sg_network *viewed;      /* a view (sg_network_view): the network whose node and edge arrays and id index
                                it shares, held by a reference; NULL when it owns its own */
    size_t nodes_capacity, edges_capacity, sources_capacity, hypotheses_capacity;
};

static const sg_relation relations[] = {
    {"member_of", true, false, SG_FAMILY_MEMBERSHIP, "source belongs to or is an agent of the organization target"},
    {"employed_by", true, false, SG_FAMILY_MEMBERSHIP, "source worked for target (a job, often a cover)"},
    {"located_in", true, false, SG_FAMILY_MEMBERSHIP, "source was based in the place target"},
    {"commanded", true, true, SG_FAMILY_COMMAND, "source commanded or directed target"},
    {"handled", true, true, SG_FAMILY_COMMAND, "source was target's handler or case officer"},
    {"recruited", true, true, SG_FAMILY_COMMAND, "source recruited target"},
    {"reported_to", true, true, SG_FAMILY_COMMAND, "source reported to target"},
    {"radio_link", true, true, SG_FAMILY_INFORMATION, "source transmitted by radio to target"},
    {"informed", true, true, SG_FAMILY_INFORMATION, "source passed a piece of intelligence to target"},
    {"introduced", true, true, SG_FAMILY_PERSONAL, "source introduced target to someone (the note says whom)"},
    {"penetrated", true, true, SG_FAMILY_HOSTILE, "source infiltrated target, or placed an agent in it"},
    {"surveilled", true, false, SG_FAMILY_HOSTILE, "source watched or investigated target"},
    {"arrested", true, false, SG_FAMILY_HOSTILE, "source arrested target"},
    {"met", false, true, SG_FAMILY_PERSONAL, "the two met"},
    {"colleague", false, true, SG_FAMILY_PERSONAL, "the two worked side by side"},
    {"friend", false, true, SG_FAMILY_PERSONAL, "the two were friends or confidants"},
    {"married", false, true, SG_FAMILY_PERSONAL, "a marriage tie"},
    {"business", false, true, SG_FAMILY_PERSONAL, "a business or credit tie"},
    {"negotiated_with", false, true, SG_FAMILY_DIPLOMATIC, "the two negotiated (states, ministers, envoys)"},
    {"allied_with", false, false, SG_FAMILY_DIPLOMATIC, "the two were allied"},
    {"co_member", false, true, SG_FAMILY_MEMBERSHIP,
     "the two belonged to the same organization at the same time (made by --fold organization)"},
    {"co_located", false, false, SG_FAMILY_MEMBERSHIP,
     "the two were based in the same place at the same time (made by --fold place)"},
    {"tie", false, true, SG_FAMILY_OTHER, "an unspecified tie (the default in a bare edge list)"},
    {NULL, false, false, SG_FAMILY_OTHER, NULL},
};

const sg_relation *sg_relations(void)
{
    return relations;
}

const sg_relation *sg_relation_find(const char *name)
{
    for (const sg_relation *r = relations; r->name; r++)
        if (strcmp(r->name, name) == 0)
            return r;
    return NULL;
}

const sg_relation *sg_relation_unspecified(void)
{
    return &relations[G_N_ELEMENTS(relations) - 2]; /* `tie`, just before the terminator */
}

const char *sg_family_name(sg_family family)
{
    static const char *const names[] = {"membership", "command", "information", "personal",
                                        "diplomatic", "hostile", "other"};
    return (unsigned)family < G_N_ELEMENTS(names) ? names[family] : "other";
}

const char *sg_patch_op_name(sg_patch_op op)
{
    static const char *const names[] = {"add_node", "add_edge", "remove_edge", "change_edge",
                                        "remove_node", "change_node", "merge_nodes"};
    G_STATIC_ASSERT(G_N_ELEMENTS(names) == SG_PATCH_MERGE_NODES + 1);
    return (unsigned)op < G_N_ELEMENTS(names) ? names[op] : "";
}

const char *sg_kind_name(sg_kind kind)
{
    switch (kind) {
    case SG_KIND_PERSON: return "person";
    case SG_KIND_ORGANIZATION: return "organization";
    case SG_KIND_PLACE: return "place";
    default: return "";
    }
}

bool sg_kind_parse(const char *text, sg_kind *out)
{
    static const struct { const char *name; sg_kind kind; } kinds[] = {
        {"", SG_KIND_UNSPECIFIED}, {"person", SG_KIND_PERSON},
        {"organization", SG_KIND_ORGANIZATION}, {"organisation", SG_KIND_ORGANIZATION},
        {"place", SG_KIND_PLACE},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(kinds); i++)
        if (g_ascii_strcasecmp(text, kinds[i].name) == 0) {
            *out = kinds[i].kind;
            return true;
        }
    return false;
}

sg_network *sg_network_new(const char *name)
{
    sg_network *net = g_new0(sg_network, 1);
    net->priv = g_new0(struct sg_network_private, 1);
    net->priv->refcount = 1;
    net->priv->pool = g_string_chunk_new(4096);
    net->priv->allocations = g_ptr_array_new_with_free_func(g_free);
    net->priv->node_index = g_hash_table_new(g_str_hash, g_str_equal);
    net->priv->source_index = g_hash_table_new(g_str_hash, g_str_equal);
    net->priv->owns_shared = true;
    net->name = g_strdup(name ? name : "");
    net->sha256 = g_strdup("");
    net->id = net->title = net->description = "";
    return net;
}

sg_network *sg_network_ref(sg_network *net)
{
    net->priv->refcount++;
    return net;
}

void sg_network_unref(sg_network *net)
{
    if (!net || --net->priv->refcount > 0)
        return;
    struct sg_network_private *p = net->priv;
    if (!p->viewed) {
        g_free(net->nodes);
        g_free(net->edges);
        g_hash_table_destroy(p->node_index);
    }
    sg_network_unref(p->viewed);
    if (p->owns_shared) {
        for (size_t i = 0; i < net->n_hypotheses; i++)
            g_free(net->hypotheses[i].patches);
        g_free(net->hypotheses);
        g_free(net->sources);
        g_free(net->extra_attrs);
        g_hash_table_destroy(p->source_index);
    }
    g_ptr_array_free(p->allocations, TRUE);
    if (p->pool)
        g_string_chunk_free(p->pool);
    g_free(net->name);
    g_free(net->sha256);
    sg_network *root = p->root;
    g_free(p);
    g_free(net);
    sg_network_unref(root);
}

static GStringChunk *pool_of(sg_network *net)
{
    return net->priv->root ? net->priv->root->priv->pool : net->priv->pool;
}

const char *sg_network_intern(sg_network *net, const char *text)
{
    return g_string_chunk_insert_const(pool_of(net), text ? text : "");
}

const char **sg_empty_list(void)
{
    static const char *empty[1] = {NULL};
    return empty;
}

size_t sg_list_length(const char *const *list)
{
    size_t n = 0;
    while (list && list[n])
        n++;
    return n;
}

const char **sg_network_split(sg_network *net, const char *text, char sep)
{
    if (!text || !*text)
        return sg_empty_list();
    char sep_text[2] = {sep, '\0'};
    char **parts = g_strsplit(text, sep_text, -1);
    size_t n = 0;
    for (size_t i = 0; parts[i]; i++) {
        g_strstrip(parts[i]);
        if (*parts[i])
            parts[n++] = parts[i];
        else
            g_free(parts[i]);
    }
    if (n == 0) {
        g_free(parts);
        return sg_empty_list();
    }
    const char **list = g_new(const char *, n + 1);
    for (size_t i = 0; i < n; i++) {
        list[i] = sg_network_intern(net, parts[i]);
        g_free(parts[i]);
    }
    list[n] = NULL;
    g_free(parts);
    g_ptr_array_add(net->priv->allocations, list);
    return list;
}

#define GROW(array, count, capacity)                                                   \
    do {                                                                               \
        if ((count) == (capacity)) {                                                   \
            (capacity) = (capacity) ? (capacity) * 2 : 16;                             \
            (array) = g_realloc_n((array), (capacity), sizeof *(array));              \
        }                                                                              \
    } while (0)

int sg_network_add_node(sg_network *net, const sg_node *node)
{
    if (g_hash_table_contains(net->priv->node_index, node->id))
        return -1;
    GROW(net->nodes, net->n_nodes, net->priv->nodes_capacity);
    net->nodes[net->n_nodes] = *node;
    g_hash_table_insert(net->priv->node_index, (gpointer)node->id, GSIZE_TO_POINTER(net->n_nodes + 1));
    return (int)net->n_nodes++;
}

size_t sg_network_add_edge(sg_network *net, const sg_edge *edge)
{
    GROW(net->edges, net->n_edges, net->priv->edges_capacity);
    net->edges[net->n_edges] = *edge;
    return net->n_edges++;
}

int sg_network_add_source(sg_network *net, const sg_source *source)
{
    if (g_hash_table_contains(net->priv->source_index, source->key))
        return -1;
    GROW(net->sources, net->n_sources, net->priv->sources_capacity);
    net->sources[net->n_sources] = *source;
    g_hash_table_insert(net->priv->source_index, (gpointer)source->key, GSIZE_TO_POINTER(net->n_sources + 1));
    return (int)net->n_sources++;
}

int sg_network_add_hypothesis(sg_network *net, sg_hypothesis *hyp)
{
    if (sg_network_find_hypothesis(net, hyp->id)) {
        g_free(hyp->patches);
        hyp->patches = NULL;
        return -1;
    }
    GROW(net->hypotheses, net->n_hypotheses, net->priv->hypotheses_capacity);
    net->hypotheses[net->n_hypotheses] = *hyp;
    return (int)net->n_hypotheses++;
}

int sg_network_find_node(const sg_network *net, const char *id)
{
    gpointer v = g_hash_table_lookup(net->priv->node_index, id);
    return v ? (int)(GPOINTER_TO_SIZE(v) - 1) : -1;
}

const sg_source *sg_network_find_source(const sg_network *net, const char *key)
{
    gpointer v = g_hash_table_lookup(net->priv->source_index, key);
    return v ? &net->sources[GPOINTER_TO_SIZE(v) - 1] : NULL;
}

char *sg_network_hypothesis_ids(const sg_network *net)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < net->n_hypotheses; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", net->hypotheses[i].id);
    return g_string_free(s, FALSE);
}

const sg_event *sg_network_find_event(const sg_network *net, const char *id)
{
    for (size_t i = 0; i < net->n_events; i++)
        if (strcmp(net->events[i].id, id) == 0)
            return &net->events[i];
    return NULL;
}

const sg_hypothesis *sg_network_find_hypothesis(const sg_network *net, const char *id)
{
    for (size_t i = 0; i < net->n_hypotheses; i++)
        if (strcmp(net->hypotheses[i].id, id) == 0)
            return &net->hypotheses[i];
    return NULL;
}

static bool node_answers_to(const sg_node *node, const char *name)
{
    if (g_ascii_strcasecmp(node->label, name) == 0 || (*node->native_name && strcmp(node->native_name, name) == 0))
        return true;
    for (size_t i = 0; node->codenames[i]; i++)
        if (g_ascii_strcasecmp(node->codenames[i], name) == 0)
            return true;
    return false;
}

int sg_network_resolve_node(const sg_network *net, const char *name, int **candidates)
{
    int exact = sg_network_find_node(net, name);
    if (exact >= 0)
        return exact;
    GArray *found = g_array_new(FALSE, FALSE, sizeof(int));
    for (size_t i = 0; i < net->n_nodes; i++)
        if (g_ascii_strcasecmp(net->nodes[i].id, name) == 0 || node_answers_to(&net->nodes[i], name)) {
            int idx = (int)i;
            g_array_append_val(found, idx);
        }
    int result = found->len == 1 ? g_array_index(found, int, 0) : found->len == 0 ? -1 : -2;
    if (result == -2 && candidates) {
        int end = -1;
        g_array_append_val(found, end);
        *candidates = (int *)(void *)g_array_free(found, FALSE);
    } else {
        g_array_free(found, TRUE);
    }
    return result;
}

void sg_network_keep(sg_network *net, void *memory)
{
    g_ptr_array_add(net->priv->allocations, memory);
}

bool sg_edge_matches(const sg_edge *e, int s, int t, const sg_relation *relation)
{
    if (relation && e->relation != relation)
        return false;
    if (e->source == s && e->target == t)
        return true;
    bool undirected = relation ? !relation->directed : !e->relation->directed;
    return undirected && e->source == t && e->target == s;
}

bool sg_edge_same_tie(const sg_edge *a, const sg_edge *b)
{
    return sg_edge_matches(a, b->source, b->target, b->relation);
}

/* A shallow copy of NET sharing its pool (through the root), sources and hypotheses, with its own name,
 * allocations and no reading; its node and edge arrays and id index are the caller's to set. */
static sg_network *derived_shell(sg_network *net)
{
    sg_network *root = net->priv->root ? net->priv->root : net;
    sg_network *copy = g_new0(sg_network, 1);
    *copy = *net;
    copy->priv = g_new0(struct sg_network_private, 1);
    struct sg_network_private *p = copy->priv;
    p->refcount = 1;
    p->root = sg_network_ref(root);
    p->allocations = g_ptr_array_new_with_free_func(g_free);
    p->source_index = net->priv->source_index;
    copy->name = g_strdup(net->name);
    copy->sha256 = g_strdup(net->sha256);
    copy->reading = NULL; /* owned by NET, which may go before the copy */
    return copy;
}

sg_network *sg_network_view(sg_network *net)
{
    sg_network *view = derived_shell(net);
    view->priv->viewed = sg_network_ref(net);
    view->priv->node_index = net->priv->node_index;
    return view;
}

/* A derived copy of NET: its own node and edge arrays (copies), the rest shared with the root. */
sg_network *sg_network_derive(sg_network *net)
{
    sg_network *copy = derived_shell(net);
    struct sg_network_private *p = copy->priv;
    p->node_index = g_hash_table_new(g_str_hash, g_str_equal);
    copy->nodes = g_memdup2(net->nodes, net->n_nodes * sizeof *net->nodes);
    copy->edges = g_memdup2(net->edges, net->n_edges * sizeof *net->edges);
    p->nodes_capacity = net->n_nodes;
    p->edges_capacity = net->n_edges;
    for (size_t i = 0; i < copy->n_nodes; i++)
        g_hash_table_insert(p->node_index, (gpointer)copy->nodes[i].id, GSIZE_TO_POINTER(i + 1));
    return copy;
}

void sg_network_remove_nodes(sg_network *net, const bool *keep)
{
    int *renumber = g_new(int, net->n_nodes + 1);
    size_t kept = 0;
    for (size_t i = 0; i < net->n_nodes; i++) {
        renumber[i] = keep[i] ? (int)kept : -1;
        if (keep[i])
            net->nodes[kept++] = net->nodes[i];
    }
    net->n_nodes = kept;
    size_t ties = 0;
    for (size_t i = 0; i < net->n_edges; i++) {
        sg_edge e = net->edges[i];
        if (renumber[e.source] < 0 || renumber[e.target] < 0)
            continue;
        e.source = renumber[e.source];
        e.target = renumber[e.target];
        net->edges[ties++] = e;
    }
    net->n_edges = ties;
    g_hash_table_remove_all(net->priv->node_index);
    for (size_t i = 0; i < net->n_nodes; i++)
        g_hash_table_insert(net->priv->node_index, (gpointer)net->nodes[i].id, GSIZE_TO_POINTER(i + 1));
    g_free(renumber);
}

/* network.c: the network's tables, its string pool and id index, and the relation vocabulary. */
#include <glib.h>
#include <string.h>

#include "internal.h"

/* ---- memory that can run out: every table the input sizes is allocated with g_try_*, and a failure
 * sets the network's out-of-memory flag (sg_network_out_of_memory) instead of aborting ---- */

/* A block of the string pool. */
typedef struct pool_block {
    struct pool_block *next;
    size_t used, size;
    char data[];
} pool_block;

/* A map from a pooled string to an index: open addressing, linear probing. */
typedef struct index_map {
    const char **keys;
    size_t *values;
    size_t n_slots, n_used; /* n_slots a power of two (or 0), n_used at most half of it */
} index_map;

/* The string pool: equal strings stored once (the blocks' strings, found through SET's keys). */
typedef struct pool {
    pool_block *blocks;
    index_map *set; /* pooled string -> 0 */
} pool;

/* Memory handed to a network (sg_network_keep): freed with it. */
typedef struct kept {
    void **items;
    size_t n, cap;
} kept;

struct sg_network_private {
    int refcount;
    sg_network *root;        /* the base network that owns the pool; NULL when this is the root */
    pool *pool;              /* root only */
    kept allocations;        /* lists owned by this network (g_free) */
    index_map *node_index;   /* id -> index */
    index_map *source_index; /* key -> index; shared with the root in a derived network */
    index_map *hypothesis_index; /* id -> index; shared like source_index */
    index_map *affiliation_index; /* affiliation id -> index into affiliations; shared like source_index */
    bool out_of_memory;      /* an allocation failed while the network was filled (root's flag counts) */
    bool owns_shared;        /* owns sources, hypotheses, affiliations, extra_attrs, edge_extra_attrs */
    sg_network *viewed;      /* a view (sg_network_view): the network whose node and edge arrays and id index
                                it shares, held by a reference; NULL when it owns its own */
    size_t nodes_capacity, edges_capacity, sources_capacity, hypotheses_capacity, affiliations_capacity;
};


static bool *oom_flag(sg_network *net)
{
    return net->priv->root ? &net->priv->root->priv->out_of_memory : &net->priv->out_of_memory;
}

bool sg_network_out_of_memory(const sg_network *net)
{
    return net->priv->out_of_memory || (net->priv->root && net->priv->root->priv->out_of_memory);
}

/* The home slot of KEY among N_SLOTS (a power of two): GLib's string hash, whose low bits run in step for
 * ids like n1, n2, n3 (clusters that make linear probing quadratic), spread by Fibonacci hashing. */
static size_t map_hash(const char *key, size_t n_slots)
{
    guint64 h = (guint64)g_str_hash(key) * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);
    return (size_t)(h >> (64 - __builtin_ctzll((unsigned long long)n_slots))) & (n_slots - 1);
}

/* The slot of KEY in KEYS (N_SLOTS slots): where it is, or the empty slot where it would go. */
static size_t map_slot(const char *const *keys, size_t n_slots, const char *key)
{
    size_t s = map_hash(key, n_slots);
    while (keys[s] && strcmp(keys[s], key) != 0)
        s = (s + 1) & (n_slots - 1);
    return s;
}

static index_map *map_new(void)
{
    return g_try_new0(index_map, 1);
}

static void map_free(index_map *m)
{
    if (!m)
        return;
    g_free(m->keys);
    g_free(m->values);
    g_free(m);
}

/* The index stored for KEY, or -1. O(1) expected. */
static long map_find(const index_map *m, const char *key)
{
    if (!m || !m->n_slots)
        return -1;
    size_t s = map_slot(m->keys, m->n_slots, key);
    return m->keys[s] ? (long)m->values[s] : -1;
}

/* Stores KEY (pooled, not copied) -> VALUE; returns false when memory runs out (M unchanged). Amortized
 * O(1). */
static bool map_insert(index_map *m, const char *key, size_t value)
{
    if (!m)
        return false;
    if (2 * (m->n_used + 1) > m->n_slots) {
        size_t n = m->n_slots ? m->n_slots * 2 : 16;
        const char **keys = n > m->n_slots ? g_try_new0(const char *, n) : NULL;
        size_t *values = keys ? g_try_new(size_t, n) : NULL;
        if (!values) {
            g_free(keys);
            return false;
        }
        for (size_t i = 0; i < m->n_slots; i++)
            if (m->keys[i]) {
                size_t s = map_slot(keys, n, m->keys[i]);
                keys[s] = m->keys[i];
                values[s] = m->values[i];
            }
        g_free(m->keys);
        g_free(m->values);
        m->keys = keys;
        m->values = values;
        m->n_slots = n;
    }
    size_t s = map_slot(m->keys, m->n_slots, key);
    if (!m->keys[s])
        m->n_used++;
    m->keys[s] = key;
    m->values[s] = value;
    return true;
}

static void map_clear(index_map *m)
{
    if (m && m->n_slots)
        memset(m->keys, 0, m->n_slots * sizeof *m->keys);
    if (m)
        m->n_used = 0;
}

static void pool_free(pool *p)
{
    if (!p)
        return;
    for (pool_block *b = p->blocks, *next; b; b = next) {
        next = b->next;
        g_free(b);
    }
    map_free(p->set);
    g_free(p);
}

/* The pooled copy of TEXT, or NULL when memory runs out. */
static const char *pool_insert(pool *p, const char *text)
{
    if (!p || !p->set)
        return NULL;
    if (p->set->n_slots) {
        size_t s = map_slot(p->set->keys, p->set->n_slots, text);
        if (p->set->keys[s])
            return p->set->keys[s];
    }
    size_t len = strlen(text);
    pool_block *b = p->blocks;
    if (!b || b->size - b->used < len + 1) {
        size_t size = MAX((size_t)4096, len + 1);
        if (size > G_MAXSIZE - sizeof *b || !(b = g_try_malloc(sizeof *b + size)))
            return NULL;
        b->next = p->blocks;
        b->used = 0;
        b->size = size;
        p->blocks = b;
    }
    char *copy = b->data + b->used;
    memcpy(copy, text, len + 1);
    if (!map_insert(p->set, copy, 0))
        return NULL; /* the copy stays unused in its block, freed with the pool */
    b->used += len + 1;
    return copy;
}

/* Grows *ARRAY (of SIZE-byte items) so that it holds COUNT + 1; false when memory runs out. */
static bool grow(void *array, size_t count, size_t *capacity, size_t size)
{
    if (count < *capacity)
        return true;
    size_t cap = *capacity ? *capacity * 2 : 16;
    void *p = cap > *capacity ? g_try_realloc_n(*(void **)array, cap, size) : NULL;
    if (!p)
        return false;
    *(void **)array = p;
    *capacity = cap;
    return true;
}

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
    net->priv->pool = g_try_new0(pool, 1);
    if (net->priv->pool)
        net->priv->pool->set = map_new();
    net->priv->node_index = map_new();
    net->priv->source_index = map_new();
    net->priv->hypothesis_index = map_new();
    net->priv->affiliation_index = map_new();
    net->priv->out_of_memory = !net->priv->pool || !net->priv->pool->set || !net->priv->node_index || !net->priv->source_index ||
                               !net->priv->hypothesis_index || !net->priv->affiliation_index;
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
        map_free(p->node_index);
    }
    sg_network_unref(p->viewed);
    if (p->owns_shared) {
        for (size_t i = 0; i < net->n_hypotheses; i++)
            g_free(net->hypotheses[i].patches);
        g_free(net->hypotheses);
        g_free(net->sources);
        g_free(net->affiliations);
        g_free(net->extra_attrs);
        g_free(net->edge_extra_attrs);
        map_free(p->source_index);
        map_free(p->hypothesis_index);
        map_free(p->affiliation_index);
    }
    for (size_t i = 0; i < p->allocations.n; i++)
        g_free(p->allocations.items[i]);
    g_free(p->allocations.items);
    pool_free(p->pool);
    g_free(net->name);
    g_free(net->sha256);
    sg_network *root = p->root;
    g_free(p);
    g_free(net);
    sg_network_unref(root);
}

static pool *pool_of(sg_network *net)
{
    return net->priv->root ? net->priv->root->priv->pool : net->priv->pool;
}

const char *sg_network_intern(sg_network *net, const char *text)
{
    if (!text || !*text)
        return "";
    const char *copy = pool_insert(pool_of(net), text);
    if (!copy)
        *oom_flag(net) = true;
    return copy ? copy : "";
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
    size_t n = 1;
    for (const char *p = text; *p; p++)
        n += *p == sep;
    const char **list = g_try_new(const char *, n + 1);
    char *part = g_try_malloc(strlen(text) + 1);
    if (!list || !part) {
        g_free(list);
        g_free(part);
        *oom_flag(net) = true;
        return sg_empty_list();
    }
    size_t kept = 0;
    for (const char *p = text;;) {
        const char *end = strchr(p, sep);
        size_t len = end ? (size_t)(end - p) : strlen(p);
        memcpy(part, p, len);
        part[len] = '\0';
        g_strstrip(part);
        if (*part)
            list[kept++] = sg_network_intern(net, part);
        if (!end)
            break;
        p = end + 1;
    }
    g_free(part);
    list[kept] = NULL;
    if (kept == 0) {
        g_free(list);
        return sg_empty_list();
    }
    sg_network_keep(net, list);
    return list;
}

int sg_network_add_node(sg_network *net, const sg_node *node)
{
    if (map_find(net->priv->node_index, node->id) >= 0)
        return -1;
    if (!grow(&net->nodes, net->n_nodes, &net->priv->nodes_capacity, sizeof *net->nodes) ||
        !map_insert(net->priv->node_index, node->id, net->n_nodes)) {
        *oom_flag(net) = true;
        return -1;
    }
    net->nodes[net->n_nodes] = *node;
    return (int)net->n_nodes++;
}

size_t sg_network_add_edge(sg_network *net, const sg_edge *edge)
{
    if (!grow(&net->edges, net->n_edges, &net->priv->edges_capacity, sizeof *net->edges)) {
        *oom_flag(net) = true;
        return (size_t)-1;
    }
    net->edges[net->n_edges] = *edge;
    if (edge->number == 0 && !edge->key) /* a base tie, read in table order */
        net->edges[net->n_edges].number = (unsigned)(net->n_edges + 1);
    return net->n_edges++;
}

int sg_network_add_source(sg_network *net, const sg_source *source)
{
    if (map_find(net->priv->source_index, source->key) >= 0)
        return -1;
    if (!grow(&net->sources, net->n_sources, &net->priv->sources_capacity, sizeof *net->sources) ||
        !map_insert(net->priv->source_index, source->key, net->n_sources)) {
        *oom_flag(net) = true;
        return -1;
    }
    net->sources[net->n_sources] = *source;
    return (int)net->n_sources++;
}

int sg_network_add_hypothesis(sg_network *net, sg_hypothesis *hyp)
{
    if (sg_network_find_hypothesis(net, hyp->id) ||
        !grow(&net->hypotheses, net->n_hypotheses, &net->priv->hypotheses_capacity, sizeof *net->hypotheses) ||
        !map_insert(net->priv->hypothesis_index, hyp->id, net->n_hypotheses)) {
        if (!sg_network_find_hypothesis(net, hyp->id))
            *oom_flag(net) = true;
        g_free(hyp->patches);
        hyp->patches = NULL;
        return -1;
    }
    net->hypotheses[net->n_hypotheses] = *hyp;
    return (int)net->n_hypotheses++;
}

int sg_network_find_node(const sg_network *net, const char *id)
{
    return (int)map_find(net->priv->node_index, id);
}

const sg_source *sg_network_find_source(const sg_network *net, const char *key)
{
    long i = map_find(net->priv->source_index, key);
    return i >= 0 ? &net->sources[i] : NULL;
}
char *sg_network_hypothesis_ids(const sg_network *net)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < net->n_hypotheses; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", net->hypotheses[i].id);
    return g_string_free(s, FALSE);
}

const char *sg_network_affiliation_label(const sg_network *net, const char *affiliation)
{
    const sg_affiliation *a = sg_network_find_affiliation(net, affiliation);
    return a ? a->label : affiliation ? affiliation : "";
}

const sg_affiliation *sg_network_find_affiliation(const sg_network *net, const char *id)
{
    if (!id || !*id)
        return NULL;
    long i = map_find(net->priv->affiliation_index, id);
    return i >= 0 ? &net->affiliations[i] : NULL;
}

int sg_network_add_affiliation(sg_network *net, const sg_affiliation *affiliation)
{
    if (map_find(net->priv->affiliation_index, affiliation->id) >= 0)
        return -1;
    if (!grow(&net->affiliations, net->n_affiliations, &net->priv->affiliations_capacity, sizeof *net->affiliations) ||
        !map_insert(net->priv->affiliation_index, affiliation->id, net->n_affiliations)) {
        *oom_flag(net) = true;
        return -1;
    }
    net->affiliations[net->n_affiliations] = *affiliation;
    return (int)net->n_affiliations++;
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
    long i = map_find(net->priv->hypothesis_index, id);
    return i >= 0 ? &net->hypotheses[i] : NULL;
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

void sg_network_mark_out_of_memory(sg_network *net)
{
    *oom_flag(net) = true;
}

void sg_network_keep(sg_network *net, void *memory)
{
    kept *k = &net->priv->allocations;
    if (!grow(&k->items, k->n, &k->cap, sizeof *k->items)) {
        *oom_flag(net) = true; /* MEMORY stays with its user, unfreed: the network is dropped as out of memory */
        return;
    }
    k->items[k->n++] = memory;
}

bool sg_edge_matches(const sg_edge *e, int s, int t, const sg_relation *relation)
{
    if (relation && e->relation != relation)
        return false;
    if (e->source == s && e->target == t)
        return true;
    bool undirected = relation && e->direction == SG_TIE_AS_RELATION ? !relation->directed : !sg_edge_directed(e);
    return undirected && e->source == t && e->target == s;
}

bool sg_edge_directed(const sg_edge *e)
{
    if (e->direction != SG_TIE_AS_RELATION)
        return e->direction == SG_TIE_DIRECTED;
    return e->relation->directed;
}

char *sg_edge_key(const sg_edge *e)
{
    return e->key ? g_strdup(e->key) : g_strdup_printf("%u", e->number);
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
    p->source_index = net->priv->source_index;
    p->hypothesis_index = net->priv->hypothesis_index;
    p->affiliation_index = net->priv->affiliation_index;
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
    p->node_index = map_new();
    copy->nodes = g_memdup2(net->nodes, net->n_nodes * sizeof *net->nodes);
    copy->edges = g_memdup2(net->edges, net->n_edges * sizeof *net->edges);
    p->nodes_capacity = net->n_nodes;
    p->edges_capacity = net->n_edges;
    for (size_t i = 0; i < copy->n_nodes; i++)
        if (!map_insert(p->node_index, copy->nodes[i].id, i))
            g_error("out of memory copying a network"); /* a copy is no larger than what was read */
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
    map_clear(net->priv->node_index);
    for (size_t i = 0; i < net->n_nodes; i++)
        map_insert(net->priv->node_index, net->nodes[i].id, i); /* fewer keys than the map held: no growth */
    g_free(renumber);
}

int sg_network_resolve_node_or_report(const sg_network *net, const char *name, sg_diag *diag)
{
    int *candidates = NULL;
    int idx = sg_network_resolve_node(net, name, &candidates);
    if (idx == -1)
        sg_diag_error(diag, NULL, "unknown node '%s' (%s)", name, net->name);
    if (idx == -2) {
        GString *names = g_string_new(NULL);
        for (int *c = candidates; *c >= 0; c++)
            g_string_append_printf(names, "%s%s (%s)", c == candidates ? "" : ", ", net->nodes[*c].id,
                                   net->nodes[*c].label);
        sg_diag_error(diag, NULL, "node '%s' is ambiguous (%s): give its id", name, names->str);
        g_string_free(names, TRUE);
    }
    g_free(candidates);
    return idx < 0 ? -1 : idx;
}

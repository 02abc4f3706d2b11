/* nodelink.c: NetworkX's node-link JSON (json_graph.node_link_data, D3's nodes and links): its sniffing rule, reader and writer. */
#include <cjson/cJSON.h>
#include <glib.h>
#include <string.h>

#include "foreign.h"
#include "formats.h"
#include "jsonpos.h"
#include "spygraph/csvread.h"
#include "spygraph/output.h"
#include "spygraph/reading.h"

/* The format's name in messages. */
#define FORMAT_NAME "node-link JSON"

/* ---- sniffing ----------------------------------------------------------------------------------- */

/* The offset past the JSON string starting at P (a '"'), or LEN when it does not end. */
static size_t past_string(const char *t, size_t len, size_t p)
{
    for (p++; p < len && t[p] != '"'; p++)
        if (t[p] == '\\')
            p++;
    return p < len ? p + 1 : len;
}

static size_t past_space(const char *t, size_t len, size_t p)
{
    while (p < len && (t[p] == ' ' || t[p] == '\t' || t[p] == '\n' || t[p] == '\r'))
        p++;
    return p;
}

/* True when the member key at P..END (quotes included) is NAME. */
static bool key_is(const char *t, size_t p, size_t end, const char *name)
{
    size_t n = strlen(name);
    return end - p == n + 2 && memcmp(t + p + 1, name, n) == 0;
}

bool sg_nodelink_sniff(const char *data, size_t len)
{
    size_t p = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        p = 3;
    p = past_space(data, len, p);
    if (p >= len || data[p] != '{')
        return false;
    /* One pass over the text, looking only at the top-level object's members: a key is a string at depth 1
     * followed by ':'; what follows it says whether "nodes" and "links" (or "edges") are lists, and whether
     * "format" names spygraph's own manifest. Malformed text later on still sniffs, so the reader can say
     * where it breaks. */
    bool nodes = false, links = false, manifest = false;
    int depth = 0;
    while (p < len) {
        char c = data[p];
        if (c == '{' || c == '[') {
            depth++;
            p++;
        } else if (c == '}' || c == ']') {
            if (--depth <= 0)
                break;
            p++;
        } else if (c == '"') {
            size_t end = past_string(data, len, p);
            size_t q = past_space(data, len, end);
            if (depth == 1 && q < len && data[q] == ':') {
                size_t v = past_space(data, len, q + 1);
                bool list = v < len && data[v] == '[';
                if (key_is(data, p, end, "nodes"))
                    nodes |= list;
                else if (key_is(data, p, end, "links") || key_is(data, p, end, "edges"))
                    links |= list;
                else if (key_is(data, p, end, "format") && v < len && data[v] == '"')
                    manifest |= key_is(data, v, past_string(data, len, v), "spygraph-network");
                p = v;
            } else {
                p = end;
            }
        } else {
            p++;
        }
    }
    return nodes && links && !manifest;
}

/* ---- reading ------------------------------------------------------------------------------------ */

/* One node-link file being read. */
typedef struct reader {
    sg_foreign *f;
    const sg_json_positions *pos;
    const char *file; /* as named in messages (interned in the network) */
    GHashTable *ids;  /* node id (owned) -> index + 1, for the links' ends */
    sg_diag *diag;
} reader;

static sg_origin at_item(const reader *r, const cJSON *item, bool key)
{
    sg_origin at = {r->file, 1, 1};
    if (item)
        sg_json_position(r->pos, item, key, &at.line, &at.column);
    return at;
}

/* The text of a scalar ITEM: a string as it is, a number as the shortest text that reads back, true or false,
 * "" for null; NULL for a list or an object (g_free). */
static char *scalar_text(const cJSON *item)
{
    char buf[32];
    if (cJSON_IsString(item))
        return g_strdup(item->valuestring);
    if (cJSON_IsNumber(item))
        return g_strdup(sg_format_number(item->valuedouble, buf));
    if (cJSON_IsBool(item))
        return g_strdup(cJSON_IsTrue(item) ? "true" : "false");
    if (cJSON_IsNull(item))
        return g_strdup("");
    return NULL;
}

/* The text of an attribute's value (g_free): a scalar as scalar_text gives it, a list of scalars joined by
 * ';' (codenames and sources are such lists), anything else as compact JSON. NULL when memory runs out. */
static char *value_text(const cJSON *item)
{
    char *text = scalar_text(item);
    if (text)
        return text;
    if (cJSON_IsArray(item)) {
        GString *joined = g_string_new(NULL);
        const cJSON *x;
        bool scalars = true;
        cJSON_ArrayForEach(x, item) {
            char *part = scalar_text(x);
            scalars &= part != NULL;
            if (part)
                g_string_append_printf(joined, "%s%s", joined->len ? ";" : "", part);
            g_free(part);
        }
        if (scalars)
            return g_string_free(joined, FALSE);
        g_string_free(joined, TRUE);
    }
    char *json = cJSON_PrintUnformatted(item);
    text = json ? g_strdup(json) : NULL;
    cJSON_free(json);
    return text;
}

/* The id a node or link end names: a string, or a number written as text (NetworkX's integer nodes); NULL
 * (g_free otherwise) after an error at ITEM for any other type. WHAT names it ("a node id"). */
static char *id_text(const reader *r, const cJSON *item, const char *what)
{
    if (cJSON_IsString(item) || cJSON_IsNumber(item))
        return scalar_text(item);
    sg_origin at = at_item(r, item, false);
    sg_diag_error(r->diag, &at, "%s must be a string or a number (%s)", what, FORMAT_NAME);
    return NULL;
}

/* Reads the "nodes" list: each an object whose "id" names the node (missing: its place in the list, as
 * NetworkX numbers it); every other member an attribute. */
static void read_nodes(const reader *r, const cJSON *nodes)
{
    int index = 0;
    const cJSON *entry;
    cJSON_ArrayForEach(entry, nodes) {
        int place = index++;
        sg_origin at = at_item(r, entry, false);
        if (!cJSON_IsObject(entry)) {
            sg_diag_error(r->diag, &at, "a node is not an object (%s)", FORMAT_NAME);
            continue;
        }
        const cJSON *id_item = cJSON_GetObjectItemCaseSensitive(entry, "id");
        char *id = id_item ? id_text(r, id_item, "a node id") : g_strdup_printf("%d", place);
        if (!id)
            continue;
        sg_origin id_at = id_item ? at_item(r, id_item, false) : at;
        int node = -1;
        if (g_hash_table_contains(r->ids, id)) {
            sg_diag_error(r->diag, &id_at, "two nodes have the id '%s' (%s)", id, FORMAT_NAME);
        } else if ((node = sg_foreign_node(r->f, id, &id_at)) >= 0) {
            g_hash_table_insert(r->ids, id, GINT_TO_POINTER(node + 1));
            id = NULL; /* the table owns it */
        }
        g_free(id);
        const cJSON *member;
        cJSON_ArrayForEach(member, entry) {
            if (node < 0 || member == id_item)
                continue;
            char *text = value_text(member);
            sg_origin value_at = at_item(r, member, false);
            sg_foreign_node_attr(r->f, node, member->string, text ? text : "", &value_at);
            g_free(text);
        }
    }
}

/* The node a link's end KEY ("source", "target") names, or -1 after an error. */
static int link_end(const reader *r, const cJSON *link, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(link, key);
    if (!item) {
        sg_origin at = at_item(r, link, false);
        sg_diag_error(r->diag, &at, "a link without a \"%s\" (%s)", key, FORMAT_NAME);
        return -1;
    }
    char *id = id_text(r, item, strcmp(key, "source") == 0 ? "a link's source" : "a link's target");
    if (!id)
        return -1;
    int node = GPOINTER_TO_INT(g_hash_table_lookup(r->ids, id)) - 1;
    if (node < 0) {
        sg_origin at = at_item(r, item, false);
        sg_diag_error(r->diag, &at, "the link names unknown node '%s' (%s)", id, FORMAT_NAME);
    }
    g_free(id);
    return node;
}

/* Reads the links: each an object with "source" and "target"; "key" (a multigraph's key for NetworkX) is
 * not an attribute. A tie is directed as the graph is (DIRECTED) unless its
 * "directed" member says otherwise. */
static void read_links(const reader *r, const cJSON *links, bool directed)
{
    const cJSON *link;
    cJSON_ArrayForEach(link, links) {
        sg_origin at = at_item(r, link, false);
        if (!cJSON_IsObject(link)) {
            sg_diag_error(r->diag, &at, "a link is not an object (%s)", FORMAT_NAME);
            continue;
        }
        int s = link_end(r, link, "source"), t = link_end(r, link, "target");
        if (s < 0 || t < 0)
            continue;
        int tie = sg_foreign_edge(r->f, s, t, directed ? SG_TIE_DIRECTED : SG_TIE_UNDIRECTED, &at);
        const cJSON *member;
        cJSON_ArrayForEach(member, link) {
            const char *key = member->string;
            if (strcmp(key, "source") == 0 || strcmp(key, "target") == 0 || strcmp(key, "key") == 0)
                continue;
            char *text = value_text(member);
            sg_origin value_at = at_item(r, member, false);
            sg_foreign_edge_attr(r->f, tie, key, text ? text : "", &value_at);
            g_free(text);
        }
    }
}

/* Reads the "graph" object's members as graph attributes (title or name, description). */
static void read_graph(const reader *r, const cJSON *graph)
{
    const cJSON *member;
    cJSON_ArrayForEach(member, graph) {
        char *text = value_text(member);
        sg_origin at = at_item(r, member, true);
        sg_foreign_graph_attr(r->f, member->string, text ? text : "", &at);
        g_free(text);
    }
}

/* Reads ROOT, a parsed node-link object, into R's network. */
static void read_root(const reader *r, const cJSON *root)
{
    sg_origin top = {r->file, 1, 1};
    if (!cJSON_IsObject(root)) {
        sg_diag_error(r->diag, &top, "not a readable %s file: the top level is not an object", FORMAT_NAME);
        return;
    }
    const cJSON *nodes = cJSON_GetObjectItemCaseSensitive(root, "nodes");
    const cJSON *links = cJSON_GetObjectItemCaseSensitive(root, "links");
    const char *links_key = "links";
    if (!links) {
        links = cJSON_GetObjectItemCaseSensitive(root, "edges");
        links_key = "edges";
    }
    if (!cJSON_IsArray(nodes) || !cJSON_IsArray(links)) {
        const cJSON *bad = !cJSON_IsArray(nodes) ? nodes : links;
        sg_origin at = bad ? at_item(r, bad, false) : top;
        if (bad)
            sg_diag_error(r->diag, &at, "not a readable %s file: \"%s\" is not a list", FORMAT_NAME,
                          bad == nodes ? "nodes" : links_key);
        else
            sg_diag_error(r->diag, &at, "not a readable %s file: no \"%s\" list", FORMAT_NAME,
                          !nodes ? "nodes" : "links");
        return;
    }
    const cJSON *directed = cJSON_GetObjectItemCaseSensitive(root, "directed");
    if (directed && !cJSON_IsBool(directed)) {
        sg_origin at = at_item(r, directed, false);
        sg_diag_error(r->diag, &at, "\"directed\" must be true or false (%s)", FORMAT_NAME);
        return;
    }
    const cJSON *graph = cJSON_GetObjectItemCaseSensitive(root, "graph");
    if (cJSON_IsObject(graph))
        read_graph(r, graph);
    read_nodes(r, nodes);
    read_links(r, links, cJSON_IsTrue(directed));
}

sg_network *sg_nodelink_read(const char *name, const char *data, size_t len, sg_diag *diag)
{
    if (!sg_csv_check_text(name, data, len, diag))
        return NULL;
    char *text = len < G_MAXSIZE ? g_try_malloc(len + 1) : NULL;
    if (!text) {
        sg_diag_error(diag, &(sg_origin){name, 0, 0}, "out of memory reading the file");
        return NULL;
    }
    memcpy(text, data, len);
    text[len] = '\0';
    /* the NUL is part of the buffer so that cJSON rejects anything after the top-level value */
    const char *error_at = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len + 1, &error_at, true);
    if (!root) {
        sg_origin at = {name, 1, 1};
        if (error_at)
            sg_text_position(text, (size_t)(error_at - text), &at.line, &at.column);
        sg_diag_error(diag, &at, "not a readable %s file: malformed JSON", FORMAT_NAME);
        g_free(text);
        return NULL;
    }
    sg_json_positions *pos = sg_json_positions_new(root, text, len);
    sg_foreign *f = pos ? sg_foreign_new(name, FORMAT_NAME, data, len, diag) : NULL;
    if (!f) {
        sg_diag_error(diag, &(sg_origin){name, 0, 0}, "out of memory reading the file");
        sg_json_positions_free(pos);
        cJSON_Delete(root);
        g_free(text);
        return NULL;
    }
    reader r = {f, pos, sg_foreign_file(f), g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), diag};
    size_t errors = diag->errors;
    read_root(&r, root);
    guint n_nodes = g_hash_table_size(r.ids);
    g_hash_table_destroy(r.ids);
    sg_json_positions_free(pos);
    cJSON_Delete(root);
    g_free(text);
    if (diag->errors > errors && n_nodes == 0) {
        sg_foreign_free(f); /* nothing usable was read */
        return NULL;
    }
    return sg_foreign_finish(f);
}

/* ---- writing ------------------------------------------------------------------------------------ */

/* The members a node or a link has in the export (and the names the reader takes as them, any case): an
 * extra attribute of one of these names is renamed (sg_export_extra_names). */
static const char *const node_members[] = {"id", "label", "name", "kind", "affiliation", "codenames", "aliases",
                                           "native_name", "start", "end", "note", "sources", "affiliation_label",
                                           NULL};
static const char *const link_members[] = {"source", "target", "key", "relation", "directed", "type", "family",
                                           "start", "end", "confidence", "weight", "sources", "note", NULL};

/* Building the JSON tree: every cJSON allocation can fail; *OK goes false when one does. */
static cJSON *add(cJSON *obj, const char *key, cJSON *item, bool *ok)
{
    if (!item || !cJSON_AddItemToObject(obj, key, item)) {
        cJSON_Delete(item);
        *ok = false;
        return NULL;
    }
    return item;
}

static void add_string(cJSON *obj, const char *key, const char *text, bool *ok)
{
    add(obj, key, cJSON_CreateString(text ? text : ""), ok);
}

static void add_date(cJSON *obj, const char *key, sg_date d, bool *ok)
{
    char buf[SG_DATE_TEXT_MAX];
    add(obj, key, sg_date_is_open(d) ? cJSON_CreateNull() : cJSON_CreateString(sg_date_format(d, buf)), ok);
}

static void add_list(cJSON *obj, const char *key, const char *const *list, bool *ok)
{
    cJSON *array = add(obj, key, cJSON_CreateArray(), ok);
    for (size_t i = 0; array && list[i]; i++) {
        cJSON *s = cJSON_CreateString(list[i]);
        if (!s || !cJSON_AddItemToArray(array, s)) {
            cJSON_Delete(s);
            *ok = false;
        }
    }
}

static void add_extras(cJSON *obj, char **names, const char *const *values, size_t n, bool *ok)
{
    for (size_t k = 0; k < n; k++)
        add_string(obj, names[k], values ? values[k] : "", ok);
}

static cJSON *node_object(const sg_network *net, const sg_node *n, char **extra_names, size_t n_extra, bool *ok)
{
    cJSON *obj = cJSON_CreateObject();
    if (!obj) {
        *ok = false;
        return NULL;
    }
    add_string(obj, "id", n->id, ok);
    add_string(obj, "label", n->label, ok);
    add_string(obj, "kind", sg_kind_name(n->kind), ok);
    add_string(obj, "affiliation", n->affiliation, ok);
    add_list(obj, "codenames", n->codenames, ok);
    add_string(obj, "native_name", n->native_name, ok);
    add_date(obj, "start", n->when.start, ok);
    add_date(obj, "end", n->when.end, ok);
    add_string(obj, "note", n->note, ok);
    add_list(obj, "sources", n->sources, ok);
    const char *label = sg_export_affiliation_label(net, n);
    if (*label) /* only where there is one */
        add_string(obj, "affiliation_label", label, ok);
    add_extras(obj, extra_names, n->extra, n_extra, ok);
    return obj;
}

static cJSON *link_object(const sg_network *net, const sg_edge *e, int key, char **extra_names, bool *ok)
{
    cJSON *obj = cJSON_CreateObject();
    if (!obj) {
        *ok = false;
        return NULL;
    }
    add_string(obj, "source", net->nodes[e->source].id, ok);
    add_string(obj, "target", net->nodes[e->target].id, ok);
    add(obj, "key", cJSON_CreateNumber(key), ok);
    add_string(obj, "relation", e->relation->name, ok);
    add(obj, "directed", cJSON_CreateBool(sg_export_tie_directed(net, e)), ok);
    add_string(obj, "family", sg_family_name(e->relation->family), ok);
    add_date(obj, "start", e->when.start, ok);
    add_date(obj, "end", e->when.end, ok);
    add(obj, "confidence", cJSON_CreateNumber(e->confidence), ok);
    add(obj, "weight", cJSON_CreateNumber(e->weight), ok);
    add_list(obj, "sources", e->sources, ok);
    add_string(obj, "note", e->note, ok);
    add_extras(obj, extra_names, e->extra, net->n_edge_extra_attrs, ok);
    return obj;
}

/* Each tie's NetworkX key: how many ties before it join the same two nodes (in that order in a directed
 * graph, either way in an undirected one), as a MultiGraph numbers parallel edges. A new array (g_free). */
static int *link_keys(const sg_network *net, bool directed)
{
    int *keys = g_new0(int, net->n_edges + 1);
    GHashTable *seen = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    for (size_t i = 0; i < net->n_edges; i++) {
        gint64 a = net->edges[i].source, b = net->edges[i].target;
        if (!directed && a > b) {
            gint64 t = a;
            a = b;
            b = t;
        }
        gint64 pair = a * (gint64)net->n_nodes + b;
        int count = GPOINTER_TO_INT(g_hash_table_lookup(seen, &pair));
        keys[i] = count;
        gint64 *k = g_new(gint64, 1);
        *k = pair;
        g_hash_table_replace(seen, k, GINT_TO_POINTER(count + 1));
    }
    g_hash_table_destroy(seen);
    return keys;
}

/* The whole export as a JSON tree (cJSON_Delete), or NULL when memory ran out. */
static cJSON *export_tree(const sg_network *net, const sg_export_info *info, sg_diag *diag)
{
    bool ok = true;
    bool directed = sg_export_graph_directed(net);
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    cJSON *header = add(root, "spygraph", cJSON_CreateObject(), &ok);
    if (header) {
        add_string(header, "version", info && info->version ? info->version : "", &ok);
        add(header, "network", sg_json_network(net), &ok);
        cJSON *span = add(header, "span", cJSON_CreateObject(), &ok);
        if (span) {
            add_date(span, "start", net->span.start, &ok);
            add_date(span, "end", net->span.end, &ok);
        }
    }
    add(root, "directed", cJSON_CreateBool(directed), &ok);
    add(root, "multigraph", cJSON_CreateTrue(), &ok);
    cJSON *graph = add(root, "graph", cJSON_CreateObject(), &ok);
    if (graph) {
        add_string(graph, "title", net->title, &ok);
        add_string(graph, "description", net->description, &ok);
    }
    char **node_extras = sg_export_extra_names(net->extra_attrs, net->n_extra_attrs, node_members, net->name,
                                               "node", diag);
    char **link_extras = sg_export_extra_names(net->edge_extra_attrs, net->n_edge_extra_attrs, link_members,
                                               net->name, "tie", diag);
    cJSON *nodes = add(root, "nodes", cJSON_CreateArray(), &ok);
    for (size_t i = 0; nodes && i < net->n_nodes; i++) {
        cJSON *obj = node_object(net, &net->nodes[i], node_extras, net->n_extra_attrs, &ok);
        if (obj && !cJSON_AddItemToArray(nodes, obj)) {
            cJSON_Delete(obj);
            ok = false;
        }
    }
    int *keys = link_keys(net, directed);
    cJSON *links = add(root, "links", cJSON_CreateArray(), &ok);
    for (size_t i = 0; links && i < net->n_edges; i++) {
        cJSON *obj = link_object(net, &net->edges[i], keys[i], link_extras, &ok);
        if (obj && !cJSON_AddItemToArray(links, obj)) {
            cJSON_Delete(obj);
            ok = false;
        }
    }
    g_free(keys);
    g_strfreev(node_extras);
    g_strfreev(link_extras);
    if (!ok) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

bool sg_nodelink_write(const sg_network *net, const sg_export_info *info, FILE *stream, sg_diag *diag)
{
    cJSON *root = export_tree(net, info, diag);
    bool ok = root && sg_json_write(root, stream);
    cJSON_Delete(root);
    if (!ok)
        sg_diag_error(diag, &(sg_origin){net->name, 0, 0}, "out of memory writing the %s export", FORMAT_NAME);
    return ok;
}

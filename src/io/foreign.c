/* foreign.c: building a network from another tool's format: nodes and ties by id, attributes mapped by name. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "../model/internal.h"
#include "fields.h"
#include "foreign.h"
#include "spygraph/output.h"

/* A node's affiliation_label attribute, applied when the reader is finished (its affiliation may come
 * after it). */
typedef struct pending_label {
    const char *label; /* pooled; NULL when the node has none */
    sg_origin at;
} pending_label;

/* One extra attribute value waiting for its column: entity (node or tie) WHO, column COLUMN. */
typedef struct extra_value {
    size_t who;
    size_t column;
    const char *value; /* pooled */
} extra_value;

/* Extra attributes of one entity kind (nodes or ties): their names in order of first appearance. */
typedef struct extras {
    GPtrArray *names;     /* pooled names */
    GHashTable *index;    /* lower-cased name -> column + 1 */
    GArray *values;       /* extra_value, in order set */
} extras;

struct sg_foreign {
    sg_network *net;
    const char *file;   /* pooled */
    const char *format;
    sg_diag *diag;
    extras node_extras, edge_extras;
    GArray *given;      /* sg_tie_direction per tie, as the format gave it to sg_foreign_edge */
    GArray *affiliation_labels; /* pending_label per node (grown as labels come), checked when finished */
    bool amp_escaped;   /* igraph's GraphML reader gives '&' in XML attributes as "&#38;" */
};

void sg_foreign_ampersands_escaped(sg_foreign *f)
{
    f->amp_escaped = true;
}

/* TEXT with every "&#38;" made '&' again when F's reader escaped them, else a copy (g_free). */
static char *unescaped(const sg_foreign *f, const char *text)
{
    if (!f->amp_escaped || !strstr(text, "&#38;"))
        return g_strdup(text);
    GString *out = g_string_new(NULL);
    for (const char *p = text; *p;) {
        if (strncmp(p, "&#38;", 5) == 0) {
            g_string_append_c(out, '&');
            p += 5;
        } else {
            g_string_append_c(out, *p++);
        }
    }
    return g_string_free(out, FALSE);
}

static void extras_init(extras *x)
{
    x->names = g_ptr_array_new();
    x->index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    x->values = g_array_new(FALSE, FALSE, sizeof(extra_value));
}

static void extras_clear(extras *x)
{
    g_ptr_array_free(x->names, TRUE);
    g_hash_table_destroy(x->index);
    g_array_free(x->values, TRUE);
}

sg_foreign *sg_foreign_new(const char *name, const char *format, const char *data, size_t len, sg_diag *diag)
{
    sg_foreign *f = g_new0(sg_foreign, 1);
    f->net = sg_network_new(name);
    f->file = sg_network_intern(f->net, name);
    f->format = format;
    f->diag = diag;
    char *base = g_path_get_basename(name);
    char *dot = strrchr(base, '.');
    if (dot && dot != base)
        *dot = '\0';
    f->net->id = sg_network_intern(f->net, base);
    g_free(base);
    char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);
    g_free(f->net->sha256);
    f->net->sha256 = sum;
    extras_init(&f->node_extras);
    extras_init(&f->edge_extras);
    f->given = g_array_new(FALSE, FALSE, sizeof(sg_tie_direction));
    f->affiliation_labels = g_array_new(FALSE, TRUE, sizeof(pending_label));
    return f;
}

const char *sg_foreign_file(const sg_foreign *f)
{
    return f->file;
}

const char *sg_foreign_format(const sg_foreign *f)
{
    return f->format;
}

int sg_foreign_node(sg_foreign *f, const char *id, const sg_origin *at)
{
    if (!id || !*id) {
        sg_diag_error(f->diag, at, "a node without an id (%s)", f->format);
        return -1;
    }
    int idx = sg_network_find_node(f->net, id);
    if (idx >= 0)
        return idx;
    sg_node node = {0};
    node.id = node.label = sg_network_intern(f->net, id);
    node.affiliation = node.native_name = node.note = "";
    node.codenames = node.sources = sg_empty_list();
    node.origin = *at;
    return sg_network_add_node(f->net, &node);
}

int sg_foreign_edge(sg_foreign *f, int s, int t, sg_tie_direction direction, const sg_origin *at)
{
    sg_edge e = {0};
    e.source = s;
    e.target = t;
    e.relation = sg_relation_unspecified();
    e.weight = e.confidence = 1.0;
    e.sources = sg_empty_list();
    e.note = "";
    e.direction = direction;
    e.origin = *at;
    g_array_append_val(f->given, direction);
    return (int)sg_network_add_edge(f->net, &e);
}

/* Keeps VALUE as extra attribute KEY of entity WHO. */
static void add_extra(sg_foreign *f, extras *x, size_t who, const char *key, const char *value)
{
    char *folded = g_utf8_casefold(key, -1);
    size_t column = GPOINTER_TO_SIZE(g_hash_table_lookup(x->index, folded));
    if (column == 0) {
        g_ptr_array_add(x->names, (gpointer)sg_network_intern(f->net, key));
        column = x->names->len;
        g_hash_table_insert(x->index, folded, GSIZE_TO_POINTER(column));
    } else {
        g_free(folded);
    }
    extra_value v = {who, column - 1, sg_network_intern(f->net, value)};
    g_array_append_val(x->values, v);
}

/* The index of KEY among NAMES ("name|alias", NULL-terminated), any case; -1 if none. */
static int known_key(const char *const *names, const char *key)
{
    for (int k = 0; names[k]; k++)
        if (sg_alias_matches(names[k], key))
            return k;
    return -1;
}

enum { FN_LABEL, FN_KIND, FN_AFFILIATION, FN_CODENAMES, FN_NATIVE, FN_NOTE, FN_SOURCES, FN_START, FN_END,
       FN_AFFILIATION_LABEL };
static const char *const node_keys[] = {"label|name", "kind", "affiliation", "codenames|aliases", "native_name",
                                        "note", "sources", "start", "end", "affiliation_label", NULL};

void sg_foreign_node_attr(sg_foreign *f, int node, const char *key, const char *value, const sg_origin *at)
{
    if (node < 0 || (size_t)node >= f->net->n_nodes)
        return;
    sg_network *net = f->net;
    sg_node *n = &net->nodes[node];
    char *text = g_strstrip(g_strdup(value ? value : ""));
    switch (known_key(node_keys, key)) {
    case FN_LABEL:
        n->label = *text ? sg_network_intern(net, text) : n->id;
        break;
    case FN_KIND:
        if (!sg_kind_parse(text, &n->kind))
            sg_diag_error(f->diag, at, "unknown node kind '%s' (person, organization or place)", text);
        break;
    case FN_AFFILIATION:
        n->affiliation = sg_network_intern(net, text);
        break;
    case FN_CODENAMES:
        n->codenames = sg_network_split(net, text, ';');
        break;
    case FN_NATIVE:
        n->native_name = sg_network_intern(net, text);
        break;
    case FN_NOTE:
        n->note = sg_network_intern(net, text);
        break;
    case FN_SOURCES:
        n->sources = sg_read_sources(net, text, at, f->diag);
        break;
    case FN_START:
        sg_read_date(text, at, "start", &n->when.start, f->diag);
        break;
    case FN_END:
        sg_read_date(text, at, "end", &n->when.end, f->diag);
        break;
    case FN_AFFILIATION_LABEL:
        if (f->affiliation_labels->len <= (guint)node)
            g_array_set_size(f->affiliation_labels, (guint)node + 1);
        g_array_index(f->affiliation_labels, pending_label, node) =
            (pending_label){*text ? sg_network_intern(net, text) : NULL, *at};
        break;
    default:
        add_extra(f, &f->node_extras, (size_t)node, key, text);
        break;
    }
    g_free(text);
}

enum { FE_RELATION, FE_START, FE_END, FE_CONFIDENCE, FE_WEIGHT, FE_SOURCES, FE_NOTE, FE_DIRECTED, FE_TYPE };
static const char *const edge_keys[] = {"relation", "start", "end", "confidence", "weight", "sources", "note",
                                        "directed", "type", NULL};

void sg_foreign_edge_attr(sg_foreign *f, int edge, const char *key, const char *value, const sg_origin *at)
{
    if (edge < 0 || (size_t)edge >= f->net->n_edges)
        return;
    sg_network *net = f->net;
    sg_edge *e = &net->edges[edge];
    char *text = g_strstrip(g_strdup(value ? value : ""));
    switch (known_key(edge_keys, key)) {
    case FE_RELATION:
        sg_read_relation(text, at, sg_relation_unspecified(), &e->relation, f->diag);
        break;
    case FE_START:
        sg_read_date(text, at, "start", &e->when.start, f->diag);
        break;
    case FE_END:
        sg_read_date(text, at, "end", &e->when.end, f->diag);
        break;
    case FE_CONFIDENCE:
        sg_read_confidence(text, at, &e->confidence, f->diag);
        break;
    case FE_WEIGHT:
        sg_read_weight(text, at, &e->weight, f->diag);
        break;
    case FE_SOURCES:
        e->sources = sg_read_sources(net, text, at, f->diag);
        break;
    case FE_NOTE:
        e->note = sg_network_intern(net, text);
        break;
    case FE_DIRECTED: /* empty: the direction the format gave the tie (its graph's) */
        if (*text)
            sg_read_tie_direction(text, at, &e->direction, f->diag);
        else if ((guint)edge < f->given->len)
            e->direction = g_array_index(f->given, sg_tie_direction, edge);
        break;
    case FE_TYPE: /* Gephi's Directed/Undirected; any other type (a D3 link's "suit") is an attribute */
        if (g_ascii_strcasecmp(text, "directed") == 0 || g_ascii_strcasecmp(text, "undirected") == 0)
            sg_read_tie_direction(text, at, &e->direction, f->diag);
        else
            add_extra(f, &f->edge_extras, (size_t)edge, key, text);
        break;
    default:
        add_extra(f, &f->edge_extras, (size_t)edge, key, text);
        break;
    }
    g_free(text);
}

void sg_foreign_graph_attr(sg_foreign *f, const char *key, const char *value, const sg_origin *at)
{
    if (g_ascii_strcasecmp(key, "title") == 0 || g_ascii_strcasecmp(key, "label") == 0 ||
        g_ascii_strcasecmp(key, "name") == 0)
        f->net->title = sg_network_intern(f->net, value);
    else if (g_ascii_strcasecmp(key, "description") == 0)
        f->net->description = sg_network_intern(f->net, value);
    else if (g_ascii_strcasecmp(key, "id") == 0 && *value)
        f->net->id = sg_network_intern(f->net, value);
    else if (strcmp(key, "spygraph") == 0)
        ; /* the header of spygraph's own export: it describes the input that export read, not this file */
    else
        sg_diag_warning(f->diag, at, "the graph attribute '%s' is not read (spygraph keeps a network's id, title "
                        "and description)", key);
}

/* Builds the extra columns of X into NAMES/COUNT and each entity's values (ENTITIES entries, N of them,
 * SIZE bytes apart, the values array at OFFSET). */
static void build_extras(sg_network *net, extras *x, const char ***names, size_t *count, void *entities, size_t n,
                         size_t size, size_t offset)
{
    size_t columns = x->names->len;
    *count = columns;
    *names = g_new0(const char *, columns + 1);
    (void)net; /* the network frees its attribute name arrays itself */
    for (size_t c = 0; c < columns; c++)
        (*names)[c] = g_ptr_array_index(x->names, c);
    if (columns == 0)
        return;
    for (size_t i = 0; i < n; i++) {
        const char **values = g_new0(const char *, columns + 1);
        for (size_t c = 0; c < columns; c++)
            values[c] = "";
        sg_network_keep(net, values);
        memcpy((char *)entities + i * size + offset, &values, sizeof values);
    }
    for (guint k = 0; k < x->values->len; k++) {
        const extra_value *v = &g_array_index(x->values, extra_value, k);
        const char **values;
        memcpy(&values, (char *)entities + v->who * size + offset, sizeof values);
        values[v->column] = v->value;
    }
}

/* Drops the values of a tie attribute "family" (any case) that only name the family of the tie's relation
 * (what every export writes beside the relation), and the column itself when nothing else is left, so that an
 * export read back (by spygraph, or through NetworkX or Gephi) gains no attribute. O(values). */
static void drop_derived_family(sg_foreign *f)
{
    extras *x = &f->edge_extras;
    size_t column = GPOINTER_TO_SIZE(g_hash_table_lookup(x->index, "family"));
    if (column == 0)
        return;
    column--;
    guint kept = 0, in_column = 0;
    for (guint k = 0; k < x->values->len; k++) {
        extra_value v = g_array_index(x->values, extra_value, k);
        bool derived = v.column == column &&
                       strcmp(v.value, sg_family_name(f->net->edges[v.who].relation->family)) == 0;
        in_column += v.column == column && !derived;
        if (!derived)
            g_array_index(x->values, extra_value, kept++) = v;
    }
    g_array_set_size(x->values, kept);
    if (in_column > 0)
        return;
    g_ptr_array_remove_index(x->names, (guint)column); /* the later columns move down one */
    for (guint k = 0; k < x->values->len; k++) {
        extra_value *v = &g_array_index(x->values, extra_value, k);
        v->column -= v->column > column;
    }
    g_hash_table_remove(x->index, "family");
}

sg_network *sg_foreign_finish(sg_foreign *f)
{
    sg_network *net = f->net;
    drop_derived_family(f);
    build_extras(net, &f->node_extras, &net->extra_attrs, &net->n_extra_attrs, net->nodes, net->n_nodes,
                 sizeof(sg_node), offsetof(sg_node, extra));
    build_extras(net, &f->edge_extras, &net->edge_extra_attrs, &net->n_edge_extra_attrs, net->edges, net->n_edges,
                 sizeof(sg_edge), offsetof(sg_edge, extra));
    for (size_t i = 0; i < net->n_edges; i++) {
        sg_edge *e = &net->edges[i];
        sg_check_interval(&e->when, "the tie", &e->origin, f->diag);
    }
    for (size_t i = 0; i < net->n_nodes; i++) {
        sg_node *n = &net->nodes[i];
        char *what = g_strdup_printf("the lifetime of node '%s'", n->id);
        sg_check_interval(&n->when, what, &n->origin, f->diag);
        g_free(what);
        const pending_label *p = i < f->affiliation_labels->len
                                     ? &g_array_index(f->affiliation_labels, pending_label, i) : NULL;
        if (p && p->label) {
            sg_origin at = p->at;
            at.file = f->file; /* the reader's origin may name a buffer that goes before the network */
            sg_read_affiliation_label(net, n->id, n->affiliation, p->label, &at, f->diag);
        }
    }
    sg_diag *diag = f->diag;
    /* nodes without ties are a network (an export of places only); nothing at all is not */
    if (net->n_nodes == 0 && diag->errors == 0)
        sg_diag_error(diag, &(sg_origin){f->file, 1, 1}, "no nodes in the %s file", f->format);
    f->net = NULL;
    sg_foreign_free(f);
    if (sg_network_out_of_memory(net)) {
        sg_diag_error(diag, &(sg_origin){net->name, 0, 0}, "out of memory reading the file");
        sg_network_unref(net);
        return NULL;
    }
    return net;
}

void sg_foreign_free(sg_foreign *f)
{
    if (!f)
        return;
    sg_network_unref(f->net);
    extras_clear(&f->node_extras);
    extras_clear(&f->edge_extras);
    g_array_free(f->given, TRUE);
    g_array_free(f->affiliation_labels, TRUE);
    g_free(f);
}

/* ---- igraph's readers ---------------------------------------------------------------------------- */

/* The message of the last igraph error or warning raised while a foreign file was read. */
static char *igraph_reason;
static bool igraph_failed;

static void capture_error(const char *reason, const char *file, int line, igraph_error_t err)
{
    (void)file;
    (void)line;
    if (reason && *reason && !igraph_failed) { /* IGRAPH_CHECK re-raises with an empty reason: keep the first */
        g_free(igraph_reason);
        igraph_reason = g_strdup(reason);
    } else if (!igraph_reason) {
        igraph_reason = g_strdup(igraph_strerror(err));
    }
    igraph_failed = true;
    IGRAPH_FINALLY_FREE();
}

static GPtrArray *igraph_warnings;

static void capture_warning(const char *reason, const char *file, int line)
{
    (void)file;
    (void)line;
    g_ptr_array_add(igraph_warnings, g_strdup(reason));
}

/* Finds "line N" (any case, also "Line N:") in igraph's message; 0 if none. */
static int line_in(const char *reason)
{
    for (const char *p = reason; p && *p; p++)
        if (g_ascii_strncasecmp(p, "line ", 5) == 0 && g_ascii_isdigit(p[5]))
            return (int)g_ascii_strtoll(p + 5, NULL, 10);
    return 0;
}

/* igraph's message made to read as spygraph's: lower-case first letter, no full stop, no "line N" prefix. */
static char *tidy_reason(const char *reason)
{
    char *s = g_strstrip(g_strdup(reason));
    if (g_ascii_strncasecmp(s, "line ", 5) == 0) {
        char *p = s + 5;
        while (g_ascii_isdigit(*p))
            p++;
        while (*p == ':' || *p == ' ')
            p++;
        memmove(s, p, strlen(p) + 1);
    }
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
        s[--n] = '\0';
    if (s[0] && g_ascii_isupper(s[0]) && !(s[1] && g_ascii_isupper(s[1])))
        s[0] = g_ascii_tolower(s[0]);
    return s;
}

/* The text of attribute NAME of TYPE for vertex or edge I (g_free). */
static char *attribute_text(const igraph_t *g, bool vertex, const char *name, igraph_attribute_type_t type,
                            igraph_integer_t i)
{
    char buf[32];
    switch (type) {
    case IGRAPH_ATTRIBUTE_NUMERIC: {
        igraph_real_t v = vertex ? VAN(g, name, i) : EAN(g, name, i);
        return isnan(v) ? g_strdup("") : g_strdup(sg_format_number(v, buf));
    }
    case IGRAPH_ATTRIBUTE_BOOLEAN:
        return g_strdup((vertex ? VAB(g, name, i) : EAB(g, name, i)) ? "true" : "false");
    case IGRAPH_ATTRIBUTE_STRING:
        return g_strdup(vertex ? VAS(g, name, i) : EAS(g, name, i));
    default:
        return g_strdup("");
    }
}

static bool in_list(const char *const *list, const char *name)
{
    for (size_t k = 0; list && list[k]; k++)
        if (strcmp(list[k], name) == 0)
            return true;
    return false;
}

/* Copies G's vertices, edges and attributes into F. */
static void copy_graph(sg_foreign *f, const igraph_t *g, const char *const *id_attrs)
{
    igraph_strvector_t gnames, vnames, enames;
    igraph_vector_int_t gtypes, vtypes, etypes;
    igraph_strvector_init(&gnames, 0);
    igraph_strvector_init(&vnames, 0);
    igraph_strvector_init(&enames, 0);
    igraph_vector_int_init(&gtypes, 0);
    igraph_vector_int_init(&vtypes, 0);
    igraph_vector_int_init(&etypes, 0);
    igraph_cattribute_list(g, &gnames, &gtypes, &vnames, &vtypes, &enames, &etypes);
    sg_origin at = {f->file, 0, 0};
    igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
    int *node = g_new(int, nv > 0 ? nv : 1);
    for (igraph_integer_t v = 0; v < nv; v++) {
        char *id = NULL;
        for (size_t k = 0; id_attrs && id_attrs[k] && !id; k++)
            for (igraph_integer_t a = 0; a < igraph_strvector_size(&vnames) && !id; a++)
                if (strcmp(igraph_strvector_get(&vnames, a), id_attrs[k]) == 0) {
                    char *raw = attribute_text(g, true, id_attrs[k], (igraph_attribute_type_t)VECTOR(vtypes)[a], v);
                    id = unescaped(f, raw);
                    g_free(raw);
                    if (!*id) {
                        g_free(id);
                        id = NULL;
                    }
                }
        if (!id)
            id = g_strdup_printf("n%" IGRAPH_PRId, v);
        int before = (int)f->net->n_nodes;
        node[v] = sg_foreign_node(f, id, &at);
        if (node[v] >= 0 && node[v] < before)
            sg_diag_error(f->diag, &at, "two vertices have the id '%s' (%s)", id, f->format);
        g_free(id);
        for (igraph_integer_t a = 0; node[v] >= 0 && a < igraph_strvector_size(&vnames); a++) {
            const char *name = igraph_strvector_get(&vnames, a);
            if (in_list(id_attrs, name))
                continue;
            char *text = attribute_text(g, true, name, (igraph_attribute_type_t)VECTOR(vtypes)[a], v);
            char *key = unescaped(f, name);
            sg_foreign_node_attr(f, node[v], key, text, &at);
            g_free(key);
            g_free(text);
        }
    }
    bool directed = igraph_is_directed(g);
    for (igraph_integer_t e = 0; e < ne; e++) {
        igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
        if (node[from] < 0 || node[to] < 0)
            continue;
        int tie = sg_foreign_edge(f, node[from], node[to], directed ? SG_TIE_DIRECTED : SG_TIE_UNDIRECTED, &at);
        for (igraph_integer_t a = 0; a < igraph_strvector_size(&enames); a++) {
            const char *name = igraph_strvector_get(&enames, a);
            char *text = attribute_text(g, false, name, (igraph_attribute_type_t)VECTOR(etypes)[a], e);
            char *key = unescaped(f, name);
            char *value = strcmp(name, "id") == 0 ? unescaped(f, text) : g_strdup(text); /* an XML attribute */
            sg_foreign_edge_attr(f, tie, key, value, &at);
            g_free(key);
            g_free(value);
            g_free(text);
        }
    }
    for (igraph_integer_t a = 0; a < igraph_strvector_size(&gnames); a++) {
        const char *name = igraph_strvector_get(&gnames, a);
        igraph_attribute_type_t type = (igraph_attribute_type_t)VECTOR(gtypes)[a];
        char buf[32];
        char *text = type == IGRAPH_ATTRIBUTE_STRING    ? g_strdup(GAS(g, name))
                     : type == IGRAPH_ATTRIBUTE_NUMERIC ? g_strdup(sg_format_number(GAN(g, name), buf))
                     : type == IGRAPH_ATTRIBUTE_BOOLEAN ? g_strdup(GAB(g, name) ? "true" : "false")
                                                        : g_strdup("");
        sg_foreign_graph_attr(f, name, text, &at);
        g_free(text);
    }
    g_free(node);
    igraph_strvector_destroy(&gnames);
    igraph_strvector_destroy(&vnames);
    igraph_strvector_destroy(&enames);
    igraph_vector_int_destroy(&gtypes);
    igraph_vector_int_destroy(&vtypes);
    igraph_vector_int_destroy(&etypes);
}

bool sg_foreign_read_igraph(sg_foreign *f, sg_igraph_reader read, FILE *stream, const char *const *id_attrs)
{
    igraph_error_handler_t *old_error = igraph_set_error_handler(capture_error);
    igraph_warning_handler_t *old_warning = igraph_set_warning_handler(capture_warning);
    igraph_attribute_table_t *old_table = igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_failed = false;
    g_free(igraph_reason);
    igraph_reason = NULL;
    igraph_warnings = g_ptr_array_new_with_free_func(g_free);
    igraph_t g;
    igraph_error_t err = read(&g, stream);
    bool ok = err == IGRAPH_SUCCESS && !igraph_failed;
    if (ok) {
        copy_graph(f, &g, id_attrs);
        igraph_destroy(&g);
    }
    igraph_set_attribute_table(old_table);
    igraph_set_error_handler(old_error);
    igraph_set_warning_handler(old_warning);
    for (guint k = 0; k < igraph_warnings->len; k++) {
        const char *w = g_ptr_array_index(igraph_warnings, k);
        char *tidy = tidy_reason(w);
        sg_diag_warning(f->diag, &(sg_origin){f->file, line_in(w), 0}, "%s (%s)", tidy, f->format);
        g_free(tidy);
    }
    g_ptr_array_free(igraph_warnings, TRUE);
    igraph_warnings = NULL;
    if (!ok) {
        const char *reason = igraph_reason ? igraph_reason : igraph_strerror(err);
        char *tidy = tidy_reason(reason);
        sg_diag_error(f->diag, &(sg_origin){f->file, line_in(reason), 0}, "not a readable %s file: %s", f->format,
                      tidy);
        g_free(tidy);
    }
    g_free(igraph_reason);
    igraph_reason = NULL;
    return ok;
}

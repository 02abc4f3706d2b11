/* gexf.c: GEXF (Gephi): 1.1 to 1.3 read with libxml2, spells becoming tie dates; 1.3 written with dates and viz. */
#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "foreign.h"
#include "formats.h"
#include "spygraph/output.h"

/* ---- reading ------------------------------------------------------------------------------------- */

bool sg_gexf_sniff(const char *data, size_t len)
{
    return sg_xml_root_is(data, len, "gexf");
}

/* A declared attribute (<attribute id title type> with its optional <default>). */
typedef struct gexf_attribute {
    char *title;
    char *fallback; /* the <default> text, NULL when none */
} gexf_attribute;

/* One value to set on a node or tie: KEY as the builder maps it, VALUE as written, at LINE. */
typedef struct gexf_value {
    char *key;
    char *value;
    int line;
} gexf_value;

/* A period of a node or tie: its two ends converted to spygraph's dates ("" when open), at LINE. */
typedef struct gexf_spell {
    char *start;
    char *end;
    int line;
} gexf_spell;

typedef struct gexf_reader {
    sg_foreign *f;
    sg_diag *diag;
    const char *file;
    GHashTable *attributes[2];   /* node, edge: id -> gexf_attribute */
    GPtrArray *declared[2];      /* node, edge: gexf_attribute in declaration order (for defaults) */
    GHashTable *nodes;           /* id -> node index + 1 */
    const char *default_type;    /* the graph's defaultedgetype */
    bool warned_dynamic_values;
} gexf_reader;

enum { NODE_CLASS, EDGE_CLASS };

/* The first error libxml2 reported while parsing. */
typedef struct parse_error {
    bool set;
    int line, column;
    char *message;
} parse_error;

static void capture_parse_error(void *data, xmlErrorPtr error)
{
    parse_error *e = data;
    if (e->set || !error || error->level < XML_ERR_ERROR)
        return;
    e->set = true;
    e->line = error->line;
    e->column = error->int2;
    char *message = g_strstrip(g_strdup(error->message ? error->message : "malformed XML"));
    if (message[0] && g_ascii_isupper(message[0]) && !(message[1] && g_ascii_isupper(message[1])))
        message[0] = g_ascii_tolower(message[0]);
    e->message = message;
}

static sg_origin origin_of(const gexf_reader *r, const xmlNode *node)
{
    long line = node ? xmlGetLineNo(node) : 0;
    return (sg_origin){r->file, line > 0 && line < INT_MAX ? (int)line : 0, 0};
}

static bool is_element(const xmlNode *node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0;
}

/* The value of NODE's unqualified attribute NAME (g_free), or NULL when it has none. */
static char *property(const xmlNode *node, const char *name)
{
    xmlChar *value = xmlGetNoNsProp(node, BAD_CAST name);
    if (!value)
        return NULL;
    char *copy = g_strdup((const char *)value);
    xmlFree(value);
    return copy;
}

/* The text inside NODE (g_free). */
static char *content(const xmlNode *node)
{
    xmlChar *text = xmlNodeGetContent(node);
    char *copy = g_strdup(text ? (const char *)text : "");
    xmlFree(text);
    return copy;
}

/* A GEXF time as a spygraph date (g_free): "" for an open end (no value, inf, -inf, infinity); the day of a
 * date or dateTime (1941-07-02, 1941-07-02T10:00:00 give 1941-07-02); a whole number as a year (1932,
 * 1932.0 give 1932). Anything else is returned as written, for the builder to reject with its message. */
static char *gexf_time(const char *text)
{
    char *t = g_strstrip(g_strdup(text ? text : ""));
    const char *u = t[0] == '+' || t[0] == '-' ? t + 1 : t;
    if (g_ascii_strcasecmp(u, "inf") == 0 || g_ascii_strcasecmp(u, "infinity") == 0) {
        t[0] = '\0';
        return t;
    }
    size_t n = strlen(t);
    bool date = n >= 10 && g_ascii_isdigit(t[0]) && g_ascii_isdigit(t[3]) && t[4] == '-' && t[7] == '-' &&
                g_ascii_isdigit(t[8]) && g_ascii_isdigit(t[9]);
    if (date && (n == 10 || t[10] == 'T' || t[10] == 'Z' || t[10] == '+' || t[10] == '-')) {
        t[10] = '\0';
        return t;
    }
    char *p = t;
    while (g_ascii_isdigit(*p))
        p++;
    if (p > t && *p == '.') {
        char *q = p + 1;
        while (*q == '0')
            q++;
        if (*q == '\0')
            *p = '\0';
    }
    return t;
}

static void add_spell(GArray *spells, const char *start, const char *end, int line)
{
    gexf_spell s = {gexf_time(start), gexf_time(end), line};
    g_array_append_val(spells, s);
}

/* Adds the periods a GEXF 1.3 `intervals` attribute (INTERVALS: its times paired in order, whatever
 * brackets and separators hold them: "<[1932, 1934]; [1936, 1938]>" or "[[1932, 1934], [1936, 1938]]"; an
 * odd last time starts an open period) or `timestamps` attribute (each time a period of its own) lists. */
static void add_listed_spells(GArray *spells, const char *text, bool intervals, int line)
{
    char **tokens = g_strsplit_set(text, "<>[]();, \t\n\r", -1);
    GPtrArray *times = g_ptr_array_new();
    for (size_t k = 0; tokens[k]; k++)
        if (*tokens[k])
            g_ptr_array_add(times, tokens[k]);
    for (guint k = 0; k < times->len; k += intervals ? 2 : 1) {
        const char *first = g_ptr_array_index(times, k);
        const char *second = !intervals ? first : k + 1 < times->len ? g_ptr_array_index(times, k + 1) : "";
        add_spell(spells, first, second, line);
    }
    g_ptr_array_free(times, TRUE); /* the array only: the times are the tokens' */
    g_strfreev(tokens);
}

/* The value of NODE's attribute NAME, or of NAME_OPEN (GEXF 1.2's startopen and endopen, read as the
 * same day) when it has no NAME (g_free); NULL when it has neither. */
static char *time_property(const xmlNode *node, const char *name, const char *name_open)
{
    char *value = property(node, name);
    return value ? value : property(node, name_open);
}

/* The periods of ELEMENT (a node or an edge), as Gephi's importer reads them: its <spells> (GEXF 1.1:
 * <slices>) when it has any; else its start and end attributes; else its intervals, its timestamp or its
 * timestamps attribute. */
static GArray *spells_of(const gexf_reader *r, const xmlNode *element)
{
    GArray *spells = g_array_new(FALSE, FALSE, sizeof(gexf_spell));
    for (const xmlNode *list = element->children; list; list = list->next) {
        if (!is_element(list, "spells") && !is_element(list, "slices"))
            continue;
        for (const xmlNode *s = list->children; s; s = s->next) {
            if (!is_element(s, "spell") && !is_element(s, "slice"))
                continue;
            int at = origin_of(r, s).line;
            char *a = time_property(s, "start", "startopen"), *b = time_property(s, "end", "endopen");
            char *t = property(s, "timestamp");
            if (!a && !b && t)
                add_spell(spells, t, t, at);
            else
                add_spell(spells, a, b, at);
            g_free(a);
            g_free(b);
            g_free(t);
        }
    }
    if (spells->len)
        return spells;
    int line = origin_of(r, element).line;
    char *start = time_property(element, "start", "startopen"), *end = time_property(element, "end", "endopen");
    char *intervals = property(element, "intervals"), *stamp = property(element, "timestamp");
    char *stamps = property(element, "timestamps");
    if (start || end)
        add_spell(spells, start, end, line);
    else if (intervals)
        add_listed_spells(spells, intervals, true, line);
    else if (stamp)
        add_spell(spells, stamp, stamp, line);
    else if (stamps)
        add_listed_spells(spells, stamps, false, line);
    g_free(start);
    g_free(end);
    g_free(intervals);
    g_free(stamp);
    g_free(stamps);
    return spells;
}

static void free_spells(GArray *spells)
{
    for (guint k = 0; k < spells->len; k++) {
        g_free(g_array_index(spells, gexf_spell, k).start);
        g_free(g_array_index(spells, gexf_spell, k).end);
    }
    g_array_free(spells, TRUE);
}

/* The earliest start (START) or latest end of SPELLS, as written: "" when one is open; a date the builder
 * cannot read is returned as it is, so that its message names it. */
static const gexf_spell *hull_end(GArray *spells, bool start, const char **text)
{
    const gexf_spell *best = NULL;
    long best_day = 0;
    for (guint k = 0; k < spells->len; k++) {
        const gexf_spell *s = &g_array_index(spells, gexf_spell, k);
        const char *t = start ? s->start : s->end;
        sg_date d;
        const char *why;
        if (!*t || !sg_date_parse(t, &d, &why)) {
            *text = t;
            return s;
        }
        long day = start ? sg_date_first_day(d) : sg_date_last_day(d);
        if (!best || (start ? day < best_day : day > best_day)) {
            best = s;
            best_day = day;
        }
    }
    *text = best ? (start ? best->start : best->end) : "";
    return best;
}

/* Declares the attributes of an <attributes class="node|edge"> element. */
static void read_declarations(gexf_reader *r, const xmlNode *list)
{
    char *kind = property(list, "class");
    int which = kind && strcmp(kind, "edge") == 0 ? EDGE_CLASS : NODE_CLASS;
    if (kind && strcmp(kind, "node") != 0 && strcmp(kind, "edge") != 0) {
        sg_origin at = origin_of(r, list);
        sg_diag_warning(r->diag, &at, "attributes of class '%s' are not read (GEXF)", kind);
        g_free(kind);
        return;
    }
    g_free(kind);
    for (const xmlNode *a = list->children; a; a = a->next) {
        if (!is_element(a, "attribute"))
            continue;
        char *id = property(a, "id");
        sg_origin at = origin_of(r, a);
        if (!id) {
            sg_diag_error(r->diag, &at, "an <attribute> without an id (GEXF)");
            continue;
        }
        if (g_hash_table_contains(r->attributes[which], id)) {
            sg_diag_error(r->diag, &at, "two attributes of the %ss have the id '%s' (GEXF)",
                          which == NODE_CLASS ? "node" : "edge", id);
            g_free(id);
            continue;
        }
        gexf_attribute *attr = g_new0(gexf_attribute, 1);
        attr->title = property(a, "title");
        if (!attr->title || !*attr->title) {
            g_free(attr->title);
            attr->title = g_strdup(id);
        }
        for (const xmlNode *d = a->children; d; d = d->next)
            if (is_element(d, "default")) {
                g_free(attr->fallback);
                attr->fallback = content(d);
            }
        g_hash_table_insert(r->attributes[which], id, attr);
        g_ptr_array_add(r->declared[which], attr);
    }
}

static void add_value(GArray *values, const char *key, const char *value, int line)
{
    gexf_value v = {g_strdup(key), g_strdup(value ? value : ""), line};
    g_array_append_val(values, v);
}

static void free_values(GArray *values)
{
    for (guint k = 0; k < values->len; k++) {
        g_free(g_array_index(values, gexf_value, k).key);
        g_free(g_array_index(values, gexf_value, k).value);
    }
    g_array_free(values, TRUE);
}

/* Adds to VALUES the defaults of WHICH's declared attributes (by title), at ELEMENT's line. */
static void add_defaults(gexf_reader *r, const xmlNode *element, int which, GArray *values)
{
    GPtrArray *declared = r->declared[which];
    for (guint k = 0; k < declared->len; k++) {
        const gexf_attribute *a = g_ptr_array_index(declared, k);
        if (a->fallback)
            add_value(values, a->title, a->fallback, origin_of(r, element).line);
    }
}

/* Adds to VALUES ELEMENT's <attvalues> by their attributes' titles. */
static void read_attvalues(gexf_reader *r, const xmlNode *element, int which, GArray *values)
{
    for (const xmlNode *list = element->children; list; list = list->next) {
        if (!is_element(list, "attvalues"))
            continue;
        for (const xmlNode *v = list->children; v; v = v->next) {
            if (!is_element(v, "attvalue"))
                continue;
            sg_origin at = origin_of(r, v);
            char *id = property(v, "for");
            if (!id)
                id = property(v, "id"); /* GEXF 1.0 */
            const gexf_attribute *a = id ? g_hash_table_lookup(r->attributes[which], id) : NULL;
            if (!a) {
                if (id)
                    sg_diag_error(r->diag, &at, "a value for the attribute '%s', which no <attribute> of the %ss "
                                  "declares (GEXF)", id, which == NODE_CLASS ? "node" : "edge");
                else
                    sg_diag_error(r->diag, &at, "an <attvalue> without `for` (GEXF)");
                g_free(id);
                continue;
            }
            g_free(id);
            bool dynamic = xmlHasProp(v, BAD_CAST "start") || xmlHasProp(v, BAD_CAST "end") ||
                           xmlHasProp(v, BAD_CAST "timestamp");
            if (dynamic && !r->warned_dynamic_values) {
                r->warned_dynamic_values = true;
                sg_diag_warning(r->diag, &at, "values that change over time (attvalue start and end) are read as "
                                "the last one given (GEXF)");
            }
            char *value = property(v, "value");
            add_value(values, a->title, value, at.line);
            g_free(value);
        }
    }
}

static void read_node(gexf_reader *r, const xmlNode *element)
{
    sg_origin at = origin_of(r, element);
    char *id = property(element, "id");
    if (!id) {
        sg_diag_error(r->diag, &at, "a <node> without an id (GEXF)");
        return;
    }
    if (g_hash_table_contains(r->nodes, id)) {
        sg_diag_error(r->diag, &at, "two nodes have the id '%s' (GEXF)", id);
        g_free(id);
        return;
    }
    int node = sg_foreign_node(r->f, id, &at);
    if (node < 0) {
        g_free(id);
        return;
    }
    g_hash_table_insert(r->nodes, id, GINT_TO_POINTER(node + 1));
    GArray *values = g_array_new(FALSE, FALSE, sizeof(gexf_value));
    add_defaults(r, element, NODE_CLASS, values);
    char *label = property(element, "label"), *pid = property(element, "pid");
    if (label)
        add_value(values, "label", label, at.line);
    if (pid)
        add_value(values, "pid", pid, at.line);
    g_free(label);
    g_free(pid);
    /* the lifetime first, from the spells' hull, so that attribute values titled `start` and `end`
     * (spygraph's dates as written) override it */
    GArray *spells = spells_of(r, element);
    if (spells->len) {
        const char *start, *end;
        const gexf_spell *s = hull_end(spells, true, &start);
        sg_foreign_node_attr(r->f, node, "start", start, &(sg_origin){r->file, s->line, 0});
        s = hull_end(spells, false, &end);
        sg_foreign_node_attr(r->f, node, "end", end, &(sg_origin){r->file, s->line, 0});
    }
    free_spells(spells);
    read_attvalues(r, element, NODE_CLASS, values);
    for (guint k = 0; k < values->len; k++) {
        const gexf_value *v = &g_array_index(values, gexf_value, k);
        sg_foreign_node_attr(r->f, node, v->key, v->value, &(sg_origin){r->file, v->line, 0});
    }
    free_values(values);
}

/* Reads the nodes of a <nodes> element, and those nested in them (a hierarchy, flattened). */
static void read_nodes(gexf_reader *r, const xmlNode *list)
{
    for (const xmlNode *n = list->children; n; n = n->next) {
        if (!is_element(n, "node"))
            continue;
        read_node(r, n);
        for (const xmlNode *sub = n->children; sub; sub = sub->next)
            if (is_element(sub, "nodes"))
                read_nodes(r, sub);
    }
}

/* The index of the node ID names, or -1 after an error at AT naming the edge's END ("source"). */
static int edge_end(gexf_reader *r, const xmlNode *element, const char *end, const sg_origin *at)
{
    char *id = property(element, end);
    int node = -1;
    if (!id)
        sg_diag_error(r->diag, at, "an <edge> without a %s (GEXF)", end);
    else if (!g_hash_table_contains(r->nodes, id))
        sg_diag_error(r->diag, at, "the edge's %s '%s' is not a node of the file (GEXF)", end, id);
    else
        node = GPOINTER_TO_INT(g_hash_table_lookup(r->nodes, id)) - 1;
    g_free(id);
    return node;
}

static bool is_date_key(const char *key)
{
    return g_ascii_strcasecmp(key, "start") == 0 || g_ascii_strcasecmp(key, "end") == 0;
}

static void read_edge(gexf_reader *r, const xmlNode *element)
{
    sg_origin at = origin_of(r, element);
    int source = edge_end(r, element, "source", &at);
    int target = edge_end(r, element, "target", &at);
    char *type = property(element, "type");
    const char *kind = type ? type : r->default_type;
    sg_tie_direction direction = SG_TIE_UNDIRECTED;
    if (strcmp(kind, "directed") == 0)
        direction = SG_TIE_DIRECTED;
    else if (strcmp(kind, "undirected") != 0 && strcmp(kind, "mutual") != 0) /* mutual: both ways */
        sg_diag_error(r->diag, &at, "bad edge type '%s': expected directed, undirected or mutual (GEXF)", kind);
    g_free(type);
    if (source < 0 || target < 0)
        return;
    GArray *values = g_array_new(FALSE, FALSE, sizeof(gexf_value));
    add_defaults(r, element, EDGE_CLASS, values);
    static const char *const own[] = {"weight", "label", "kind"};
    for (size_t k = 0; k < G_N_ELEMENTS(own); k++) {
        char *value = property(element, own[k]);
        if (value)
            add_value(values, own[k], value, at.line);
        g_free(value);
    }
    read_attvalues(r, element, EDGE_CLASS, values);
    GArray *spells = spells_of(r, element);
    /* one tie per spell, each with every attribute; with one spell (or none), attribute values titled
     * `start` and `end` (spygraph's dates as written) override the spell's days */
    guint ties = spells->len ? spells->len : 1;
    for (guint k = 0; k < ties; k++) {
        int tie = sg_foreign_edge(r->f, source, target, direction, &at);
        const gexf_spell *s = spells->len ? &g_array_index(spells, gexf_spell, k) : NULL;
        if (s && spells->len == 1) {
            sg_foreign_edge_attr(r->f, tie, "start", s->start, &(sg_origin){r->file, s->line, 0});
            sg_foreign_edge_attr(r->f, tie, "end", s->end, &(sg_origin){r->file, s->line, 0});
        }
        for (guint v = 0; v < values->len; v++) {
            const gexf_value *value = &g_array_index(values, gexf_value, v);
            if (spells->len > 1 && is_date_key(value->key))
                continue;
            sg_foreign_edge_attr(r->f, tie, value->key, value->value, &(sg_origin){r->file, value->line, 0});
        }
        if (s && spells->len > 1) {
            sg_foreign_edge_attr(r->f, tie, "start", s->start, &(sg_origin){r->file, s->line, 0});
            sg_foreign_edge_attr(r->f, tie, "end", s->end, &(sg_origin){r->file, s->line, 0});
        }
    }
    free_spells(spells);
    free_values(values);
}

/* Reads every <edge> of the <edges> elements under ELEMENT (the graph, and nodes of a hierarchy). */
static void read_edges(gexf_reader *r, const xmlNode *element)
{
    for (const xmlNode *c = element->children; c; c = c->next) {
        if (is_element(c, "edges")) {
            for (const xmlNode *e = c->children; e; e = e->next)
                if (is_element(e, "edge"))
                    read_edge(r, e);
        } else if (is_element(c, "nodes") || is_element(c, "node")) {
            read_edges(r, c);
        }
    }
}

static void read_graph(gexf_reader *r, const xmlNode *root, const xmlNode *graph)
{
    for (const xmlNode *m = root->children; m; m = m->next) {
        if (!is_element(m, "meta"))
            continue;
        for (const xmlNode *d = m->children; d; d = d->next)
            if (is_element(d, "description")) {
                char *text = content(d);
                sg_origin at = origin_of(r, d);
                sg_foreign_graph_attr(r->f, "description", g_strstrip(text), &at);
                g_free(text);
            }
    }
    char *type = property(graph, "defaultedgetype");
    static const char *const types[] = {"directed", "undirected", "mutual"};
    r->default_type = "undirected"; /* GEXF's default */
    for (size_t k = 0; type && k < G_N_ELEMENTS(types); k++)
        if (strcmp(type, types[k]) == 0)
            r->default_type = types[k];
    if (type && strcmp(type, r->default_type) != 0) {
        sg_origin at = origin_of(r, graph);
        sg_diag_error(r->diag, &at, "bad defaultedgetype '%s': expected directed, undirected or mutual (GEXF)", type);
    }
    g_free(type);
    for (const xmlNode *c = graph->children; c; c = c->next)
        if (is_element(c, "attributes"))
            read_declarations(r, c);
    for (const xmlNode *c = graph->children; c; c = c->next)
        if (is_element(c, "nodes"))
            read_nodes(r, c);
    read_edges(r, graph);
}

static void free_attribute(gpointer data)
{
    gexf_attribute *a = data;
    g_free(a->title);
    g_free(a->fallback);
    g_free(a);
}

/* Parses the LEN bytes at DATA as XML, without the network and without expanding entities; NULL after an
 * error at its line and column naming the format. */
static xmlDocPtr parse_xml(const char *file, const char *data, size_t len, sg_diag *diag)
{
    if (len == 0) {
        sg_diag_error(diag, &(sg_origin){file, 1, 0}, "not a readable GEXF file: it is empty");
        return NULL;
    }
    if (len > INT_MAX) {
        sg_diag_error(diag, &(sg_origin){file, 0, 0}, "not a readable GEXF file: larger than 2 GiB");
        return NULL;
    }
    parse_error error = {0};
    xmlSetStructuredErrorFunc(&error, capture_parse_error);
    xmlDocPtr doc = xmlReadMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (doc && !error.set && doc->intSubset && doc->intSubset->entities) {
        error.set = true;
        const char *doctype = g_strstr_len(data, (gssize)len, "<!DOCTYPE");
        error.line = 1;
        for (const char *p = data; doctype && p < doctype; p++)
            error.line += *p == '\n';
        error.message = g_strdup("it declares entities, which spygraph does not expand");
    }
    if (!error.set && !doc) {
        error.set = true;
        error.message = g_strdup("malformed XML");
    }
    if (error.set) {
        sg_diag_error(diag, &(sg_origin){file, error.line > 0 ? error.line : 0, error.column > 0 ? error.column : 0},
                      "not a readable GEXF file: %s", error.message);
        g_free(error.message);
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

sg_network *sg_gexf_read(const char *name, const char *data, size_t len, sg_diag *diag)
{
    sg_foreign *f = sg_foreign_new(name, "GEXF", data, len, diag);
    const char *file = sg_foreign_file(f);
    xmlDocPtr doc = parse_xml(file, data, len, diag);
    if (!doc) {
        sg_foreign_free(f);
        return NULL;
    }
    gexf_reader r = {.f = f, .diag = diag, .file = file};
    xmlNodePtr root = xmlDocGetRootElement(doc);
    const xmlNode *graph = NULL;
    for (const xmlNode *c = root ? root->children : NULL; c && !graph; c = c->next)
        if (is_element(c, "graph"))
            graph = c;
    if (!is_element(root, "gexf") || !graph) {
        sg_origin at = origin_of(&r, root);
        if (!is_element(root, "gexf"))
            sg_diag_error(diag, &at, "not a readable GEXF file: the root element is <%s>, not <gexf>",
                          root ? (const char *)root->name : "");
        else
            sg_diag_error(diag, &at, "not a readable GEXF file: no <graph> in <gexf>");
        xmlFreeDoc(doc);
        sg_foreign_free(f);
        return NULL;
    }
    for (int k = 0; k < 2; k++) {
        r.attributes[k] = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_attribute);
        r.declared[k] = g_ptr_array_new();
    }
    r.nodes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    read_graph(&r, root, graph);
    for (int k = 0; k < 2; k++) {
        g_ptr_array_free(r.declared[k], TRUE);
        g_hash_table_destroy(r.attributes[k]);
    }
    g_hash_table_destroy(r.nodes);
    xmlFreeDoc(doc);
    return sg_foreign_finish(f);
}

/* ---- writing ------------------------------------------------------------------------------------- */

/* The node and tie attributes written as <attvalue>s besides GEXF's own (label; weight, type). */
enum { NA_KIND, NA_AFFILIATION, NA_CODENAMES, NA_NATIVE, NA_START, NA_END, NA_NOTE, NA_SOURCES, NA_COUNT };
static const char *const node_titles[NA_COUNT] = {"kind", "affiliation", "codenames", "native_name",
                                                  "start", "end", "note", "sources"};
enum { EA_RELATION, EA_DIRECTED, EA_FAMILY, EA_START, EA_END, EA_CONFIDENCE, EA_SOURCES, EA_NOTE, EA_COUNT };
static const char *const edge_titles[EA_COUNT] = {"relation", "directed", "family", "start", "end",
                                                  "confidence", "sources", "note"};
static const char *const edge_types[EA_COUNT] = {"string", "boolean", "string", "string", "string",
                                                 "double", "string", "string"};

/* Day number DAY as an ISO date (1941-07-02) into BUF. */
static const char *iso_day(long day, char buf[16])
{
    int year, month, mday;
    sg_day_split(day, &year, &month, &mday);
    snprintf(buf, 16, "%04d-%02d-%02d", year, month, mday);
    return buf;
}

/* Writes WHEN as the element's start (its first day) and end (its last day) attributes; an open end is
 * left out. */
static void write_period(sg_xml_writer *x, const sg_interval *when)
{
    if (sg_interval_is_timeless(when))
        return;
    char buf[16];
    long first = sg_interval_first_day(when), last = sg_interval_last_day(when);
    if (first != LONG_MIN)
        sg_xml_attr(x, "start", iso_day(first, buf));
    if (last != LONG_MAX)
        sg_xml_attr(x, "end", iso_day(last, buf));
}

static void write_attvalue(sg_xml_writer *x, size_t id, const char *value)
{
    if (!value || !*value)
        return;
    char buf[32];
    snprintf(buf, sizeof buf, "%zu", id);
    sg_xml_start(x, "attvalue");
    sg_xml_attr(x, "for", buf);
    sg_xml_attr(x, "value", value);
    sg_xml_end(x);
}

/* <color r g b/> of "#rrggbb" (in the GEXF namespace: see the keeps text in formats.c). */
static void write_colour(sg_xml_writer *x, const char *hex)
{
    if (!hex || strlen(hex) != 7 || hex[0] != '#')
        return;
    static const char *const channels[] = {"r", "g", "b"};
    sg_xml_start(x, "color");
    for (int c = 0; c < 3; c++) {
        char digits[3] = {hex[1 + 2 * c], hex[2 + 2 * c], '\0'}, buf[8];
        snprintf(buf, sizeof buf, "%ld", strtol(digits, NULL, 16));
        sg_xml_attr(x, channels[c], buf);
    }
    sg_xml_end(x);
}

/* Declares TITLES (N of them, typed TYPES or all strings) and then the extra columns' names NAMES (N_NAMES,
 * already renamed by sg_export_extra_names) as the attributes of CLASS. */
static void declare(sg_xml_writer *x, const char *class, const char *const *titles, const char *const *types, size_t n,
                    char **names, size_t n_names)
{
    sg_xml_start(x, "attributes");
    sg_xml_attr(x, "class", class);
    sg_xml_attr(x, "mode", "static");
    for (size_t k = 0; k < n + n_names; k++) {
        char id[32];
        snprintf(id, sizeof id, "%zu", k);
        const char *title = k < n ? titles[k] : names[k - n];
        sg_xml_start(x, "attribute");
        sg_xml_attr(x, "id", id);
        sg_xml_attr(x, "title", title);
        sg_xml_attr(x, "type", k < n && types ? types[k] : "string");
        sg_xml_end(x);
    }
    sg_xml_end(x);
}

/* Writes node I; LABELLED says whether affiliation_label is declared (as attribute NA_COUNT, before the
 * extra columns). */
static void write_node(sg_xml_writer *x, const sg_network *net, const sg_export_info *info, size_t i, bool labelled)
{
    const sg_node *n = &net->nodes[i];
    char start[SG_DATE_TEXT_MAX], end[SG_DATE_TEXT_MAX];
    char *codenames = g_strjoinv(";", (char **)n->codenames), *sources = g_strjoinv(";", (char **)n->sources);
    const char *values[NA_COUNT] = {sg_kind_name(n->kind), n->affiliation, codenames, n->native_name,
                                    sg_date_format(n->when.start, start), sg_date_format(n->when.end, end),
                                    n->note, sources};
    sg_xml_start(x, "node");
    sg_xml_attr(x, "id", n->id);
    sg_xml_attr(x, "label", n->label);
    write_period(x, &n->when);
    sg_xml_start(x, "attvalues");
    for (size_t k = 0; k < NA_COUNT; k++)
        write_attvalue(x, k, values[k]);
    if (labelled)
        write_attvalue(x, NA_COUNT, sg_export_affiliation_label(net, n));
    for (size_t c = 0; n->extra && c < net->n_extra_attrs; c++)
        write_attvalue(x, NA_COUNT + labelled + c, n->extra[c]);
    sg_xml_end(x);
    if (info && info->node_fill)
        write_colour(x, info->node_fill[i]);
    if (info && info->node_size) {
        char size[32];
        sg_xml_start(x, "size");
        sg_xml_attr(x, "value", sg_format_number(info->node_size[i], size));
        sg_xml_end(x);
    }
    sg_xml_end(x);
    g_free(codenames);
    g_free(sources);
}

static void write_edge(sg_xml_writer *x, const sg_network *net, const sg_export_info *info, size_t i)
{
    const sg_edge *e = &net->edges[i];
    char start[SG_DATE_TEXT_MAX], end[SG_DATE_TEXT_MAX], confidence[32], weight[32], id[32];
    char *sources = g_strjoinv(";", (char **)e->sources);
    bool directed = sg_export_tie_directed(net, e);
    const char *values[EA_COUNT] = {e->relation->name, directed ? "true" : "false",
                                    sg_family_name(e->relation->family), sg_date_format(e->when.start, start),
                                    sg_date_format(e->when.end, end), sg_format_number(e->confidence, confidence),
                                    sources, e->note};
    snprintf(id, sizeof id, "%zu", i);
    sg_xml_start(x, "edge");
    sg_xml_attr(x, "id", id);
    sg_xml_attr(x, "source", net->nodes[e->source].id);
    sg_xml_attr(x, "target", net->nodes[e->target].id);
    sg_xml_attr(x, "type", directed ? "directed" : "undirected");
    sg_xml_attr(x, "weight", sg_format_number(e->weight, weight));
    write_period(x, &e->when);
    sg_xml_start(x, "attvalues");
    for (size_t k = 0; k < EA_COUNT; k++)
        write_attvalue(x, k, values[k]);
    for (size_t c = 0; e->extra && c < net->n_edge_extra_attrs; c++)
        write_attvalue(x, EA_COUNT + c, e->extra[c]);
    sg_xml_end(x);
    if (info && info->edge_color)
        write_colour(x, info->edge_color[i]);
    sg_xml_end(x);
    g_free(sources);
}

/* True when a node's lifetime or a tie's period is dated. */
static bool any_dates(const sg_network *net)
{
    for (size_t i = 0; i < net->n_nodes; i++)
        if (!sg_interval_is_timeless(&net->nodes[i].when))
            return true;
    for (size_t i = 0; i < net->n_edges; i++)
        if (!sg_interval_is_timeless(&net->edges[i].when))
            return true;
    return false;
}

bool sg_gexf_write(const sg_network *net, const sg_export_info *info, FILE *stream, sg_diag *diag)
{
    if (!sg_xml_ids_distinct(net, "GEXF", diag))
        return false;
    char count[32];
    bool dated = any_dates(net);
    char **node_extras = sg_export_extra_names(net->extra_attrs, net->n_extra_attrs, sg_xml_node_reserved,
                                               net->name, "node", diag);
    char **edge_extras = sg_export_extra_names(net->edge_extra_attrs, net->n_edge_extra_attrs, sg_xml_edge_reserved,
                                               net->name, "tie", diag);
    /* affiliation_label, when some node has one, is declared first among the names after the built-in ones */
    bool labelled = sg_export_has_affiliation_labels(net);
    if (labelled) {
        char **names = g_new0(char *, net->n_extra_attrs + 2);
        names[0] = g_strdup("affiliation_label");
        memcpy(names + 1, node_extras, net->n_extra_attrs * sizeof *names);
        g_free(node_extras); /* its strings now belong to NAMES */
        node_extras = names;
    }
    sg_xml_writer *x = sg_xml_writer_new();
    sg_xml_start(x, "gexf");
    sg_xml_attr(x, "xmlns", "http://gexf.net/1.3");
    sg_xml_attr(x, "version", "1.3");
    sg_xml_start(x, "meta");
    sg_xml_start(x, "creator");
    char *creator = g_strdup_printf("spygraph %s", info && info->version ? info->version : "");
    sg_xml_text_content(x, creator);
    g_free(creator);
    sg_xml_end(x);
    if (net->description && *net->description) {
        sg_xml_start(x, "description");
        sg_xml_text_content(x, net->description);
        sg_xml_end(x);
    }
    sg_xml_end(x);
    sg_xml_start(x, "graph");
    sg_xml_attr(x, "defaultedgetype", sg_export_graph_directed(net) ? "directed" : "undirected");
    sg_xml_attr(x, "mode", dated ? "dynamic" : "static");
    if (dated)
        sg_xml_attr(x, "timeformat", "date");
    declare(x, "node", node_titles, NULL, NA_COUNT, node_extras, labelled + net->n_extra_attrs);
    declare(x, "edge", edge_titles, edge_types, EA_COUNT, edge_extras, net->n_edge_extra_attrs);
    g_strfreev(node_extras);
    g_strfreev(edge_extras);
    sg_xml_start(x, "nodes");
    snprintf(count, sizeof count, "%zu", net->n_nodes);
    sg_xml_attr(x, "count", count);
    for (size_t i = 0; i < net->n_nodes; i++)
        write_node(x, net, info, i, labelled);
    sg_xml_end(x);
    sg_xml_start(x, "edges");
    snprintf(count, sizeof count, "%zu", net->n_edges);
    sg_xml_attr(x, "count", count);
    for (size_t i = 0; i < net->n_edges; i++)
        write_edge(x, net, info, i);
    sg_xml_end(x);
    sg_xml_end(x);
    sg_xml_end(x);
    return sg_xml_writer_finish(x, stream, "GEXF", diag);
}

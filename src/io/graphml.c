/* graphml.c: GraphML, read through igraph and written with libxml2's xmlTextWriter; the XML helpers GEXF shares. */
#include <cjson/cJSON.h>
#include <glib.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "foreign.h"
#include "formats.h"
#include "spygraph/output.h"

/* ---- XML helpers (formats.h) --------------------------------------------------------------------- */

/* Skips the XML text no element starts in: a byte-order mark, white space, the declaration and other
 * processing instructions, comments and a document type declaration. Returns where the first element
 * starts (at its '<'), or END. */
static const char *skip_prolog(const char *p, const char *end)
{
    if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    while (p < end) {
        if (g_ascii_isspace(*p)) {
            p++;
            continue;
        }
        const char *close = NULL;
        size_t left = (size_t)(end - p);
        if (left >= 2 && memcmp(p, "<?", 2) == 0)
            close = g_strstr_len(p + 2, end - p - 2, "?>");
        else if (left >= 4 && memcmp(p, "<!--", 4) == 0)
            close = g_strstr_len(p + 4, end - p - 4, "-->");
        else if (left >= 9 && g_ascii_strncasecmp(p, "<!DOCTYPE", 9) == 0) {
            const char *gt = memchr(p, '>', left), *bracket = memchr(p, '[', left);
            close = bracket && gt && bracket < gt ? g_strstr_len(bracket, end - bracket, "]") : gt;
            if (close)
                close = memchr(close, '>', (size_t)(end - close));
        } else
            return p;
        if (!close)
            return end;
        p = close + (p[1] == '?' ? 2 : p[1] == '!' && p[2] == '-' ? 3 : 1);
    }
    return end;
}

bool sg_xml_root_is(const char *data, size_t len, const char *name)
{
    const char *end = data + len, *p = skip_prolog(data, end);
    if (p >= end || *p != '<')
        return false;
    const char *start = ++p;
    while (p < end && !g_ascii_isspace(*p) && *p != '>' && *p != '/')
        p++;
    const char *colon = memchr(start, ':', (size_t)(p - start)); /* a prefixed root: <g:graphml> */
    if (colon)
        start = colon + 1;
    size_t n = strlen(name);
    return (size_t)(p - start) == n && memcmp(start, name, n) == 0 && p < end;
}

char *sg_xml_text(const char *text)
{
    if (!text)
        return g_strdup("");
    const char *end = text + strlen(text);
    GString *out = g_string_sized_new((size_t)(end - text) + 8);
    for (const char *p = text; *p;) {
        unsigned char b = (unsigned char)*p;
        gunichar c = b < 0x80 ? b : g_utf8_get_char_validated(p, end - p);
        bool invalid = c == (gunichar)-1 || c == (gunichar)-2;
        const char *next = invalid ? p + 1 : g_utf8_next_char(p);
        if (invalid || c == 0xfffe || c == 0xffff)
            g_string_append(out, "\xef\xbf\xbd"); /* U+FFFD, the replacement character */
        else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            g_string_append_unichar(out, 0x2400 + c); /* U+2401..U+241F, the control pictures */
        else
            g_string_append_len(out, p, next - p);
        p = next;
    }
    return g_string_free(out, FALSE);
}

bool sg_xml_ids_distinct(const sg_network *net, const char *format, sg_diag *diag)
{
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    bool ok = true;
    for (size_t i = 0; i < net->n_nodes; i++) {
        char *safe = sg_xml_text(net->nodes[i].id);
        gpointer other = g_hash_table_lookup(seen, safe);
        if (other) {
            sg_diag_error(diag, NULL, "nodes '%s' and '%s' would have the same id in the %s file (control "
                          "characters are written as control pictures)", net->nodes[GPOINTER_TO_SIZE(other) - 1].id,
                          net->nodes[i].id, format);
            ok = false;
            g_free(safe);
        } else {
            g_hash_table_insert(seen, safe, GSIZE_TO_POINTER(i + 1));
        }
    }
    g_hash_table_destroy(seen);
    return ok;
}

struct sg_xml_writer {
    xmlBufferPtr buffer;
    xmlTextWriterPtr writer;
    bool ok; /* false after any call failed (out of memory) */
};

sg_xml_writer *sg_xml_writer_new(void)
{
    sg_xml_writer *x = g_new0(sg_xml_writer, 1);
    x->buffer = xmlBufferCreate();
    x->writer = x->buffer ? xmlNewTextWriterMemory(x->buffer, 0) : NULL;
    x->ok = x->writer && xmlTextWriterSetIndent(x->writer, 1) >= 0 &&
            xmlTextWriterSetIndentString(x->writer, BAD_CAST "  ") >= 0 &&
            xmlTextWriterStartDocument(x->writer, NULL, "UTF-8", NULL) >= 0;
    return x;
}

void sg_xml_start(sg_xml_writer *x, const char *element)
{
    if (x->ok)
        x->ok = xmlTextWriterStartElement(x->writer, BAD_CAST element) >= 0;
}

void sg_xml_attr(sg_xml_writer *x, const char *name, const char *value)
{
    if (!x->ok)
        return;
    char *safe = sg_xml_text(value);
    x->ok = xmlTextWriterWriteAttribute(x->writer, BAD_CAST name, BAD_CAST safe) >= 0;
    g_free(safe);
}

void sg_xml_text_content(sg_xml_writer *x, const char *text)
{
    if (!x->ok)
        return;
    char *safe = sg_xml_text(text);
    x->ok = xmlTextWriterWriteString(x->writer, BAD_CAST safe) >= 0;
    g_free(safe);
}

void sg_xml_end(sg_xml_writer *x)
{
    if (x->ok)
        x->ok = xmlTextWriterEndElement(x->writer) >= 0;
}

bool sg_xml_writer_finish(sg_xml_writer *x, FILE *stream, const char *format, sg_diag *diag)
{
    if (x->ok)
        x->ok = xmlTextWriterEndDocument(x->writer) >= 0;
    if (x->writer)
        xmlFreeTextWriter(x->writer); /* flushes into the buffer */
    bool ok = x->ok;
    if (ok)
        fwrite(xmlBufferContent(x->buffer), 1, (size_t)xmlBufferLength(x->buffer), stream);
    else
        sg_diag_error(diag, NULL, "out of memory writing the %s file", format);
    if (x->buffer)
        xmlBufferFree(x->buffer);
    g_free(x);
    return ok;
}

/* ---- reading ------------------------------------------------------------------------------------- */

bool sg_graphml_sniff(const char *data, size_t len)
{
    return sg_xml_root_is(data, len, "graphml");
}

static igraph_error_t read_graphml_stream(igraph_t *graph, FILE *stream)
{
    return igraph_read_graph_graphml(graph, stream, 0);
}

static void ignore_xml_error(void *data, xmlErrorPtr error)
{
    (void)data;
    (void)error;
}

/* A boolean <key> without a <default>: igraph reads its missing values as false. */
typedef struct boolean_key {
    char *id;
    char *name;
    bool nodes, edges; /* what it is for ("all": both) */
} boolean_key;

/* A node or an edge of the graph igraph reads, in document order: which boolean keys it has data for. */
typedef struct graphml_element {
    char *node_id;  /* a node's id; NULL for an edge */
    char *source, *target; /* an edge's ends as written */
    int line;
    bool *has;      /* per boolean key */
} graphml_element;

/* One end of an edge as the file names it, and the edge's line. */
typedef struct named_end {
    char *id;
    const char *end; /* "source" or "target" */
    int line;
} named_end;

/* What the streaming pass over a GraphML file finds besides what igraph reads. */
typedef struct graphml_survey {
    bool complete;      /* the file was read to its end (well-formed) */
    size_t graphs;      /* <graph> elements (igraph reads the first) */
    GPtrArray *keys;    /* boolean_key */
    GArray *elements;   /* graphml_element of the first graph */
    GHashTable *nodes;  /* every node id (xmlChar *) */
    GArray *ends;       /* named_end: every edge's source and target */
    GHashTable *key_names; /* "for/attr.name" -> first line, to find two keys of one name */
    GPtrArray *twice;   /* "LINE\tfor\tname" of each key naming an attribute an earlier key named */
} graphml_survey;

static int current_line(xmlTextReaderPtr reader)
{
    long line = xmlGetLineNo(xmlTextReaderCurrentNode(reader));
    return line > 0 && line < INT_MAX ? (int)line : 0;
}

static char *attribute(xmlTextReaderPtr reader, const char *name)
{
    xmlChar *value = xmlTextReaderGetAttribute(reader, BAD_CAST name);
    char *copy = value ? g_strdup((const char *)value) : NULL;
    xmlFree(value);
    return copy;
}

/* Records the <key> at READER when it is boolean; *CURRENT is set to it (or NULL), for its <default>. */
static void survey_key(graphml_survey *s, xmlTextReaderPtr reader, boolean_key **current)
{
    char *type = attribute(reader, "attr.type"), *domain = attribute(reader, "for");
    char *attr_name = attribute(reader, "attr.name");
    if (attr_name) {
        char *both = g_strdup_printf("%s/%s", domain ? domain : "all", attr_name);
        if (g_hash_table_contains(s->key_names, both)) {
            g_ptr_array_add(s->twice, g_strdup_printf("%d\t%s\t%s", current_line(reader), domain ? domain : "all",
                                                      attr_name));
            g_free(both);
        } else {
            g_hash_table_add(s->key_names, both);
        }
        g_free(attr_name);
    }
    *current = NULL;
    if (type && strcmp(type, "boolean") == 0) {
        boolean_key *k = g_new0(boolean_key, 1);
        k->id = attribute(reader, "id");
        k->name = attribute(reader, "attr.name");
        k->nodes = domain && (strcmp(domain, "node") == 0 || strcmp(domain, "all") == 0);
        k->edges = domain && (strcmp(domain, "edge") == 0 || strcmp(domain, "all") == 0);
        if (k->id && k->name)
            g_ptr_array_add(s->keys, k);
        *current = k;
    }
    g_free(type);
    g_free(domain);
}

static void free_boolean_key(gpointer data)
{
    boolean_key *k = data;
    g_free(k->id);
    g_free(k->name);
    g_free(k);
}

/* Streams the GraphML file at DATA with libxml2's reader (without the network) into S. A file that is not
 * well-formed leaves S incomplete; igraph's reader then says what is wrong. O(LEN). */
static void survey_graphml(const char *data, size_t len, graphml_survey *s)
{
    memset(s, 0, sizeof *s);
    s->keys = g_ptr_array_new_with_free_func(free_boolean_key);
    s->elements = g_array_new(FALSE, FALSE, sizeof(graphml_element));
    s->nodes = g_hash_table_new_full(g_str_hash, g_str_equal, xmlFree, NULL);
    s->ends = g_array_new(FALSE, FALSE, sizeof(named_end));
    s->key_names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    s->twice = g_ptr_array_new_with_free_func(g_free);
    if (len > INT_MAX)
        return;
    xmlTextReaderPtr reader = xmlReaderForMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    if (!reader)
        return;
    xmlTextReaderSetStructuredErrorHandler(reader, ignore_xml_error, NULL);
    boolean_key *key = NULL;         /* the boolean <key> being read */
    int first_graph = -1;            /* the depth of the first <graph>, while inside it */
    long element = -1;               /* the index in s->elements of the node or edge being read */
    int element_depth = -1;
    int status;
    while ((status = xmlTextReaderRead(reader)) == 1) {
        int type = xmlTextReaderNodeType(reader), depth = xmlTextReaderDepth(reader);
        if (type == XML_READER_TYPE_END_ELEMENT) {
            if (depth == first_graph)
                first_graph = -2; /* done with it */
            if (depth == element_depth)
                element = element_depth = -1;
            continue;
        }
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        const char *name = (const char *)xmlTextReaderConstLocalName(reader);
        bool empty = xmlTextReaderIsEmptyElement(reader);
        if (strcmp(name, "key") == 0) {
            survey_key(s, reader, &key);
        } else if (strcmp(name, "default") == 0 && key) {
            g_ptr_array_remove(s->keys, key); /* igraph uses the default for missing values */
            key = NULL;
        } else if (strcmp(name, "graph") == 0) {
            if (s->graphs++ == 0 && !empty)
                first_graph = depth;
        } else if (strcmp(name, "node") == 0 || strcmp(name, "edge") == 0) {
            bool is_node = name[0] == 'n';
            if (is_node) {
                xmlChar *id = xmlTextReaderGetAttribute(reader, BAD_CAST "id");
                if (id)
                    g_hash_table_add(s->nodes, id);
            } else {
                static const char *const names[] = {"source", "target"};
                for (int k = 0; k < 2; k++) {
                    named_end e = {attribute(reader, names[k]), names[k], current_line(reader)};
                    if (e.id)
                        g_array_append_val(s->ends, e);
                }
            }
            if (first_graph >= 0 && depth == first_graph + 1) {
                graphml_element el = {is_node ? attribute(reader, "id") : NULL,
                                      is_node ? NULL : attribute(reader, "source"),
                                      is_node ? NULL : attribute(reader, "target"), current_line(reader),
                                      g_new0(bool, s->keys->len + 1)};
                g_array_append_val(s->elements, el);
                if (!empty) {
                    element = (long)s->elements->len - 1;
                    element_depth = depth;
                }
            }
        } else if (strcmp(name, "data") == 0 && element >= 0 && depth == element_depth + 1) {
            char *id = attribute(reader, "key");
            graphml_element *el = &g_array_index(s->elements, graphml_element, element);
            for (guint k = 0; id && k < s->keys->len; k++)
                if (strcmp(((boolean_key *)g_ptr_array_index(s->keys, k))->id, id) == 0)
                    el->has[k] = true;
            g_free(id);
        }
    }
    s->complete = status == 0;
    xmlFreeTextReader(reader);
}

static void survey_free(graphml_survey *s)
{
    g_hash_table_destroy(s->key_names);
    g_ptr_array_free(s->twice, TRUE);
    for (guint k = 0; k < s->elements->len; k++) {
        graphml_element *el = &g_array_index(s->elements, graphml_element, k);
        g_free(el->node_id);
        g_free(el->source);
        g_free(el->target);
        g_free(el->has);
    }
    for (guint k = 0; k < s->ends->len; k++)
        g_free(g_array_index(s->ends, named_end, k).id);
    g_array_free(s->elements, TRUE);
    g_array_free(s->ends, TRUE);
    g_hash_table_destroy(s->nodes);
    g_ptr_array_free(s->keys, TRUE);
}

/* Reports every edge end that names no node of the file (igraph's reader would add a node for a misspelt
 * id without a word), each an error at the edge's line. Returns false after an error. */
static bool check_edge_ends(const graphml_survey *s, const char *file, sg_diag *diag)
{
    bool ok = true;
    for (guint k = 0; s->complete && k < s->ends->len; k++) {
        const named_end *e = &g_array_index(s->ends, named_end, k);
        if (!g_hash_table_contains(s->nodes, e->id)) {
            sg_diag_error(diag, &(sg_origin){file, e->line, 0},
                          "the edge's %s '%s' is not a node of the file (GraphML)", e->end, e->id);
            ok = false;
        }
    }
    return ok;
}

/* igraph reads a boolean value a node or edge does not have as false: sets those back to empty (for
 * `directed`: the graph's edgedefault), by the nodes' ids and the edges' order, which is igraph's.
 * Only for a file of one graph, where that order is sure. */
static void unset_missing_booleans(const graphml_survey *s, sg_foreign *f)
{
    if (!s->complete || s->graphs != 1 || s->keys->len == 0)
        return;
    int edge = 0;
    for (guint k = 0; k < s->elements->len; k++) {
        const graphml_element *el = &g_array_index(s->elements, graphml_element, k);
        sg_origin at = {sg_foreign_file(f), el->line, 0};
        int node = el->node_id ? sg_foreign_node(f, el->node_id, &at) : -1;
        for (guint b = 0; b < s->keys->len; b++) {
            const boolean_key *key = g_ptr_array_index(s->keys, b);
            if (el->has[b])
                continue;
            if (el->node_id && key->nodes && node >= 0)
                sg_foreign_node_attr(f, node, key->name, "", &at);
            else if (!el->node_id && key->edges)
                sg_foreign_edge_attr(f, edge, key->name, "", &at);
        }
        if (!el->node_id)
            edge++;
    }
}

/* Gives NET's nodes and ties the lines the survey found them at (igraph says none), and each tie of an
 * undirected graph the ends in the order the file writes them (igraph stores an undirected edge with its
 * ends in its own order). By the nodes' ids and the edges' order; only for a file of one graph. */
static void restore_from_survey(const graphml_survey *s, sg_network *net)
{
    if (!s->complete || s->graphs != 1)
        return;
    size_t edge = 0;
    for (guint k = 0; k < s->elements->len; k++) {
        const graphml_element *el = &g_array_index(s->elements, graphml_element, k);
        if (el->node_id) {
            int node = sg_network_find_node(net, el->node_id);
            if (node >= 0)
                net->nodes[node].origin.line = el->line;
            continue;
        }
        if (edge >= net->n_edges)
            return;
        sg_edge *e = &net->edges[edge++];
        e->origin.line = el->line;
        if (el->source && el->target && strcmp(net->nodes[e->source].id, el->source) != 0 &&
            strcmp(net->nodes[e->target].id, el->source) == 0) {
            int source = e->source;
            e->source = e->target;
            e->target = source;
        }
    }
}

sg_network *sg_graphml_read(const char *name, const char *data, size_t len, sg_diag *diag)
{
    sg_foreign *f = sg_foreign_new(name, "GraphML", data, len, diag);
    if (len == 0) {
        sg_diag_error(diag, &(sg_origin){sg_foreign_file(f), 1, 0}, "not a readable GraphML file: it is empty");
        sg_foreign_free(f);
        return NULL;
    }
    const char *entity = g_strstr_len(data, (gssize)len, "<!ENTITY");
    if (entity) { /* igraph would give an entity's text as empty: refuse rather than lose it */
        int line = 1;
        for (const char *p = data; p < entity; p++)
            line += *p == '\n';
        sg_diag_error(diag, &(sg_origin){sg_foreign_file(f), line, 0},
                      "not a readable GraphML file: it declares entities, which spygraph does not expand");
        sg_foreign_free(f);
        return NULL;
    }
    graphml_survey survey;
    survey_graphml(data, len, &survey);
    if (!check_edge_ends(&survey, sg_foreign_file(f), diag)) {
        survey_free(&survey);
        sg_foreign_free(f);
        return NULL;
    }
    FILE *stream = fmemopen((void *)data, len, "r");
    bool ok = stream != NULL;
    if (!ok)
        sg_diag_error(diag, &(sg_origin){sg_foreign_file(f), 0, 0}, "cannot read the GraphML file: out of memory");
    static const char *const ids[] = {"id", NULL};
    sg_foreign_ampersands_escaped(f);
    if (ok)
        ok = sg_foreign_read_igraph(f, read_graphml_stream, stream, ids);
    if (stream)
        fclose(stream);
    if (ok)
        unset_missing_booleans(&survey, f);
    for (guint k = 0; ok && k < survey.twice->len; k++) { /* igraph keeps one key of a name: say what is lost */
        char **part = g_strsplit(g_ptr_array_index(survey.twice, k), "\t", 3);
        sg_diag_warning(diag, &(sg_origin){sg_foreign_file(f), atoi(part[0]), 0},
                        "a second key names the %s attribute '%s': igraph reads the values of one of them only "
                        "(GraphML)", part[1], part[2]);
        g_strfreev(part);
    }
    sg_network *net = ok ? sg_foreign_finish(f) : NULL;
    if (!ok)
        sg_foreign_free(f);
    if (net)
        restore_from_survey(&survey, net);
    survey_free(&survey);
    return net;
}

/* ---- writing ------------------------------------------------------------------------------------- */

/* One GraphML attribute: its key's id, what it is for, its name and type. */
typedef struct graphml_key {
    char *id;
    const char *domain; /* "graph", "node" or "edge" */
    char *name;
    const char *type;   /* "string", "double" or "boolean" */
} graphml_key;

/* The built-in attributes, in the order they are declared and written. */
enum { NK_LABEL, NK_KIND, NK_AFFILIATION, NK_CODENAMES, NK_NATIVE, NK_START, NK_END, NK_NOTE, NK_SOURCES, NK_COUNT };
static const char *const node_names[NK_COUNT] = {"label", "kind", "affiliation", "codenames", "native_name",
                                                 "start", "end", "note", "sources"};
enum { EK_RELATION, EK_DIRECTED, EK_FAMILY, EK_START, EK_END, EK_CONFIDENCE, EK_WEIGHT, EK_SOURCES, EK_NOTE,
       EK_COUNT };
static const char *const edge_names[EK_COUNT] = {"relation", "directed", "family", "start", "end",
                                                 "confidence", "weight", "sources", "note"};
static const char *const edge_types[EK_COUNT] = {"string", "boolean", "string", "string", "string",
                                                 "double", "double", "string", "string"};

const char *const sg_xml_node_reserved[] = {"label|name", "kind", "affiliation", "codenames|aliases", "native_name",
                                            "start", "end", "note", "sources", "affiliation_label", "id", "pid",
                                            NULL};
/* no "id" for ties: igraph keeps a GraphML edge's XML id as the tie attribute id, which must read back so */
const char *const sg_xml_edge_reserved[] = {"relation", "directed", "type", "family", "start", "end", "confidence",
                                            "weight", "sources", "note", "label", "kind", NULL};

/* Declares KEY. */
static void write_key(sg_xml_writer *x, const graphml_key *key)
{
    sg_xml_start(x, "key");
    sg_xml_attr(x, "id", key->id);
    sg_xml_attr(x, "for", key->domain);
    sg_xml_attr(x, "attr.name", key->name);
    sg_xml_attr(x, "attr.type", key->type);
    sg_xml_end(x);
}

/* Writes <data key="ID">VALUE</data>, unless VALUE is empty (a missing value reads as empty). */
static void write_data(sg_xml_writer *x, const char *id, const char *value)
{
    if (!value || !*value)
        return;
    sg_xml_start(x, "data");
    sg_xml_attr(x, "key", id);
    sg_xml_text_content(x, value);
    sg_xml_end(x);
}

/* The spygraph header: version, input and reading, as compact JSON text (g_free). */
static char *header_json(const sg_network *net, const sg_export_info *info)
{
    cJSON *header = cJSON_CreateObject();
    cJSON_AddStringToObject(header, "version", info && info->version ? info->version : "");
    cJSON *about = sg_json_network(net);
    for (cJSON *item = about ? about->child : NULL; item; item = item->next)
        cJSON_AddItemReferenceToObject(header, item->string, item);
    char *text = cJSON_PrintUnformatted(header);
    cJSON_Delete(header);
    cJSON_Delete(about);
    char *copy = g_strdup(text ? text : "{}");
    cJSON_free(text);
    return copy;
}

/* A ';'-joined list (g_free). */
static char *joined(const char *const *list)
{
    return g_strjoinv(";", (char **)list);
}

/* The keys of a GraphML file, in the order declared: the graph's three, the nodes' (built-in, then extra
 * columns), the ties' (likewise). */
typedef struct graphml_keys {
    graphml_key *keys;
    size_t count;
    size_t node_base, edge_base; /* where the nodes' and the ties' built-in keys start */
    size_t affiliation_label;    /* the key of affiliation_label, (size_t)-1 when no node has one */
    size_t *node_extra;          /* per extra node column: its key's index */
    size_t *edge_extra;          /* per extra tie column: its key's index, (size_t)-1 when left out */
} graphml_keys;

static void write_node(sg_xml_writer *x, const sg_network *net, size_t i, const graphml_keys *k)
{
    const sg_node *n = &net->nodes[i];
    char start[SG_DATE_TEXT_MAX], end[SG_DATE_TEXT_MAX];
    char *codenames = joined(n->codenames), *sources = joined(n->sources);
    const char *values[NK_COUNT] = {n->label, sg_kind_name(n->kind), n->affiliation, codenames, n->native_name,
                                    sg_date_format(n->when.start, start), sg_date_format(n->when.end, end),
                                    n->note, sources};
    sg_xml_start(x, "node");
    sg_xml_attr(x, "id", n->id);
    for (size_t a = 0; a < NK_COUNT; a++)
        write_data(x, k->keys[k->node_base + a].id, values[a]);
    if (k->affiliation_label != (size_t)-1)
        write_data(x, k->keys[k->affiliation_label].id, sg_export_affiliation_label(net, n));
    for (size_t c = 0; c < net->n_extra_attrs; c++)
        if (n->extra)
            write_data(x, k->keys[k->node_extra[c]].id, n->extra[c]);
    sg_xml_end(x);
    g_free(codenames);
    g_free(sources);
}

static void write_edge(sg_xml_writer *x, const sg_network *net, size_t i, const graphml_keys *k)
{
    const sg_edge *e = &net->edges[i];
    char start[SG_DATE_TEXT_MAX], end[SG_DATE_TEXT_MAX], confidence[32], weight[32];
    char *sources = joined(e->sources);
    const char *values[EK_COUNT] = {e->relation->name, sg_export_tie_directed(net, e) ? "true" : "false",
                                    sg_family_name(e->relation->family), sg_date_format(e->when.start, start),
                                    sg_date_format(e->when.end, end), sg_format_number(e->confidence, confidence),
                                    sg_format_number(e->weight, weight), sources, e->note};
    sg_xml_start(x, "edge");
    /* no per-edge `directed` attribute: NetworkX 2.8 refuses directed="false" in a directed graph; the
     * direction is the `directed` data */
    sg_xml_attr(x, "source", net->nodes[e->source].id);
    sg_xml_attr(x, "target", net->nodes[e->target].id);
    for (size_t a = 0; a < EK_COUNT; a++)
        write_data(x, k->keys[k->edge_base + a].id, values[a]);
    for (size_t c = 0; c < net->n_edge_extra_attrs; c++)
        if (e->extra)
            write_data(x, k->keys[k->edge_extra[c]].id, e->extra[c]);
    sg_xml_end(x);
    g_free(sources);
}

/* Declares every key of NET into K. Extra columns named like a built-in attribute are renamed
 * (sg_export_extra_names, with a warning in DIAG). */
static void declare_keys(const sg_network *net, graphml_keys *k, sg_diag *diag)
{
    char **node_extras = sg_export_extra_names(net->extra_attrs, net->n_extra_attrs, sg_xml_node_reserved,
                                               net->name, "node", diag);
    char **edge_extras = sg_export_extra_names(net->edge_extra_attrs, net->n_edge_extra_attrs, sg_xml_edge_reserved,
                                               net->name, "tie", diag);
    size_t n = 3 + NK_COUNT + 1 + net->n_extra_attrs + EK_COUNT + net->n_edge_extra_attrs;
    k->keys = g_new0(graphml_key, n);
    k->node_extra = g_new0(size_t, net->n_extra_attrs + 1);
    k->edge_extra = g_new0(size_t, net->n_edge_extra_attrs + 1);
    size_t at = 0;
    static const char *const graph_names[] = {"title", "description", "spygraph"};
    for (size_t i = 0; i < 3; i++)
        k->keys[at++] = (graphml_key){g_strdup_printf("g_%s", graph_names[i]), "graph", g_strdup(graph_names[i]),
                                      "string"};
    k->node_base = at;
    for (size_t i = 0; i < NK_COUNT; i++)
        k->keys[at++] = (graphml_key){g_strdup_printf("n_%s", node_names[i]), "node", g_strdup(node_names[i]),
                                      "string"};
    k->affiliation_label = (size_t)-1;
    if (sg_export_has_affiliation_labels(net)) {
        k->affiliation_label = at;
        k->keys[at++] = (graphml_key){g_strdup("n_affiliation_label"), "node", g_strdup("affiliation_label"),
                                      "string"};
    }
    for (size_t c = 0; c < net->n_extra_attrs; c++) {
        k->node_extra[c] = at;
        k->keys[at++] = (graphml_key){g_strdup_printf("n_extra%zu", c + 1), "node", g_strdup(node_extras[c]),
                                      "string"};
    }
    k->edge_base = at;
    for (size_t i = 0; i < EK_COUNT; i++)
        k->keys[at++] = (graphml_key){g_strdup_printf("e_%s", edge_names[i]), "edge", g_strdup(edge_names[i]),
                                      edge_types[i]};
    for (size_t c = 0; c < net->n_edge_extra_attrs; c++) {
        k->edge_extra[c] = at;
        k->keys[at++] = (graphml_key){g_strdup_printf("e_extra%zu", c + 1), "edge", g_strdup(edge_extras[c]),
                                      "string"};
    }
    k->count = at;
    g_strfreev(node_extras);
    g_strfreev(edge_extras);
}

static void free_keys(graphml_keys *k)
{
    for (size_t i = 0; i < k->count; i++) {
        g_free(k->keys[i].id);
        g_free(k->keys[i].name);
    }
    g_free(k->keys);
    g_free(k->node_extra);
    g_free(k->edge_extra);
}

bool sg_graphml_write(const sg_network *net, const sg_export_info *info, FILE *stream, sg_diag *diag)
{
    if (!sg_xml_ids_distinct(net, "GraphML", diag))
        return false;
    graphml_keys k;
    declare_keys(net, &k, diag);
    sg_xml_writer *x = sg_xml_writer_new();
    sg_xml_start(x, "graphml");
    sg_xml_attr(x, "xmlns", "http://graphml.graphdrawing.org/xmlns");
    sg_xml_attr(x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    sg_xml_attr(x, "xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns "
                                         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
    for (size_t i = 0; i < k.count; i++)
        write_key(x, &k.keys[i]);
    sg_xml_start(x, "graph");
    sg_xml_attr(x, "id", "G");
    sg_xml_attr(x, "edgedefault", sg_export_graph_directed(net) ? "directed" : "undirected");
    char *header = header_json(net, info);
    write_data(x, k.keys[0].id, net->title);
    write_data(x, k.keys[1].id, net->description);
    write_data(x, k.keys[2].id, header);
    g_free(header);
    for (size_t i = 0; i < net->n_nodes && x->ok; i++)
        write_node(x, net, i, &k);
    for (size_t i = 0; i < net->n_edges && x->ok; i++)
        write_edge(x, net, i, &k);
    sg_xml_end(x);
    sg_xml_end(x);
    free_keys(&k);
    return sg_xml_writer_finish(x, stream, "GraphML", diag);
}

/* tables.c: the readers of a curated network's CSV tables: sources, nodes, edges, hypothesis patches. */
#include <glib.h>
#include <string.h>

#include "fields.h"
#include "tables.h"

static bool is_slug(const char *id)
{
    for (const char *p = id; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '_' && *p != '-' && *p != '.')
            return false;
    return *id != '\0';
}

/* Reads the header of CSV into COLS; returns false (after adding errors) if unusable. */
static bool read_header(sg_csv *csv, sg_columns *cols, const char *const *names, const char *const *required,
                        const char *file, int **unknown, sg_diag *diag)
{
    if (csv->n_rows == 0) {
        sg_diag_error(diag, &(sg_origin){file, 1, 1}, "empty file");
        return false;
    }
    if (!sg_columns_map(cols, names, &csv->rows[0], file, unknown, diag))
        return false;
    return sg_columns_require(cols, required, &csv->rows[0], file, diag);
}

enum { S_KEY, S_REFERENCE, S_PAGES, S_NOTE };
static const char *const source_columns[] = {"key", "reference", "pages", "note", NULL};

void sg_read_sources_table(sg_network *net, sg_csv *csv, const char *file, sg_diag *diag)
{
    sg_columns c;
    static const char *const required[] = {"key", "reference", NULL};
    net->has_sources_table = true;
    if (!read_header(csv, &c, source_columns, required, file, NULL, diag))
        return;
    for (size_t r = 1; r < csv->n_rows && !sg_network_out_of_memory(net); r++) {
        const sg_csv_row *row = &csv->rows[r];
        if (!sg_row_width_ok(row, &csv->rows[0], file, diag))
            continue;
        sg_origin at, ref_at, ignored;
        sg_source s = {0};
        s.key = sg_network_intern(net, sg_field(&c, S_KEY, row, file, &at));
        s.reference = sg_network_intern(net, sg_field(&c, S_REFERENCE, row, file, &ref_at));
        s.pages = sg_network_intern(net, sg_field(&c, S_PAGES, row, file, &ignored));
        s.note = sg_network_intern(net, sg_field(&c, S_NOTE, row, file, &ignored));
        s.origin = at;
        if (!*s.key) {
            sg_diag_error(diag, &at, "missing source key");
            continue;
        }
        if (!*s.reference)
            sg_diag_error(diag, &ref_at, "source '%s' has no reference", s.key);
        const sg_source *first = sg_network_find_source(net, s.key);
        if (first)
            sg_diag_error(diag, &at, "duplicate source key '%s' (first at line %d)", s.key, first->origin.line);
        else
            sg_network_add_source(net, &s);
    }
}

enum { EV_ID, EV_LABEL, EV_DATE, EV_SOURCES, EV_NOTE };
static const char *const event_columns[] = {"id", "label|name", "date", "sources", "note", NULL};

/* Reads one event row into EV; returns false (after adding errors) when it is unusable. */
static bool read_event(sg_network *net, const sg_columns *c, const sg_csv_row *row, const char *file, sg_event *ev,
                       sg_diag *diag)
{
    sg_origin at, label_at, date_at, sources_at, ignored;
    ev->id = sg_network_intern(net, sg_field(c, EV_ID, row, file, &at));
    ev->label = sg_network_intern(net, sg_field(c, EV_LABEL, row, file, &label_at));
    const char *date = sg_field(c, EV_DATE, row, file, &date_at);
    ev->sources = sg_read_sources(net, sg_field(c, EV_SOURCES, row, file, &sources_at), &sources_at, diag);
    ev->note = sg_network_intern(net, sg_field(c, EV_NOTE, row, file, &ignored));
    ev->origin = at;
    if (!is_slug(ev->id)) {
        sg_diag_error(diag, &at, *ev->id ? "bad event id '%s': use letters, digits, '_', '-' or '.'"
                                         : "missing event id%s", ev->id);
        return false;
    }
    if (!*ev->label)
        sg_diag_error(diag, &label_at, "event '%s' has no label", ev->id);
    if (!*date) {
        sg_diag_error(diag, &date_at, "event '%s' has no date", ev->id);
        return false;
    }
    return sg_read_date(date, &date_at, "event", &ev->date, diag) && *ev->label;
}

void sg_read_events_table(sg_network *net, sg_csv *csv, const char *file, sg_diag *diag)
{
    sg_columns c;
    static const char *const required[] = {"id", "label|name", "date", NULL};
    if (!read_header(csv, &c, event_columns, required, file, NULL, diag))
        return;
    GArray *events = g_array_new(FALSE, TRUE, sizeof(sg_event));
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t r = 1; r < csv->n_rows && !sg_network_out_of_memory(net); r++) {
        const sg_csv_row *row = &csv->rows[r];
        sg_event ev = {0};
        if (!sg_row_width_ok(row, &csv->rows[0], file, diag) || !read_event(net, &c, row, file, &ev, diag))
            continue;
        gpointer first = g_hash_table_lookup(seen, ev.id);
        if (first) {
            sg_diag_error(diag, &ev.origin, "duplicate event id '%s' (first at line %d)", ev.id, GPOINTER_TO_INT(first));
            continue;
        }
        g_hash_table_insert(seen, (gpointer)ev.id, GINT_TO_POINTER(ev.origin.line));
        g_array_append_val(events, ev);
    }
    g_hash_table_destroy(seen);
    net->n_events = events->len;
    net->events = (sg_event *)(void *)g_array_free(events, FALSE);
    sg_network_keep(net, net->events);
}

/* N_AFFILIATION_LABEL is a nodes.csv column only (a patch's add_node takes no label: the manifest's
 * "affiliations" names an affiliation that only a hypothesis brings). */
enum { N_ID, N_LABEL, N_KIND, N_AFFILIATION, N_CODENAMES, N_NATIVE, N_NOTE, N_SOURCES, N_START, N_END,
       N_AFFILIATION_LABEL };
static const char *const node_columns[] = {"id", "label|name", "kind", "affiliation", "codenames|aliases",
                                           "native_name", "note", "sources", "start", "end", "affiliation_label",
                                           NULL};

/* Reads the node's lifetime (the start and end columns COL[N_START], COL[N_END] of ROW) into NODE->when
 * and sets the SG_CHANGE_NODE_START/END bits of *SET for the non-empty ones. Adds an error and returns
 * false for a bad date (that end is left open) or an end before the start. */
static bool read_lifetime(const sg_columns *c, const int *col, const sg_csv_row *row, const char *file,
                          sg_node *node, unsigned *set, sg_diag *diag)
{
    sg_origin at;
    const char *text = sg_field(c, col[N_START], row, file, &at);
    bool ok = sg_read_date(text, &at, "start", &node->when.start, diag);
    *set |= *text ? SG_CHANGE_NODE_START : 0;
    text = sg_field(c, col[N_END], row, file, &at);
    ok &= sg_read_date(text, &at, "end", &node->when.end, diag);
    *set |= *text ? SG_CHANGE_NODE_END : 0;
    if (!ok)
        return false;
    char *what = g_strdup_printf("the lifetime of node '%s'", node->id);
    ok = sg_check_interval(&node->when, what, &at, diag);
    g_free(what);
    return ok;
}

/* Fills NODE from the node columns of ROW (shared by nodes.csv and add_node patches). COL maps N_ID..
 * onto the known-column numbers of C. *SET receives the SG_CHANGE_NODE_* bits of the label, kind,
 * affiliation, start and end fields that are not empty. Returns false if the row is unusable (no id). */
static bool read_node_fields(sg_network *net, const sg_columns *c, const int *col, const sg_csv_row *row,
                             const char *file, sg_node *node, unsigned *set, sg_diag *diag)
{
    sg_origin at, f;
    memset(node, 0, sizeof *node);
    *set = 0;
    node->id = sg_network_intern(net, sg_field(c, col[N_ID], row, file, &at));
    node->origin = at;
    if (!*node->id) {
        sg_diag_error(diag, &at, "missing node id");
        return false;
    }
    const char *label = sg_field(c, col[N_LABEL], row, file, &f);
    node->label = *label ? sg_network_intern(net, label) : node->id;
    *set |= *label ? SG_CHANGE_NODE_LABEL : 0;
    const char *kind = sg_field(c, col[N_KIND], row, file, &f);
    if (!sg_kind_parse(kind, &node->kind))
        sg_diag_error(diag, &f, "unknown node kind '%s' (person, organization or place)", kind);
    *set |= *kind ? SG_CHANGE_NODE_KIND : 0;
    node->affiliation = sg_network_intern(net, sg_field(c, col[N_AFFILIATION], row, file, &f));
    *set |= *node->affiliation ? SG_CHANGE_NODE_AFFILIATION : 0;
    node->codenames = sg_network_split(net, sg_field(c, col[N_CODENAMES], row, file, &f), ';');
    node->native_name = sg_network_intern(net, sg_field(c, col[N_NATIVE], row, file, &f));
    node->note = sg_network_intern(net, sg_field(c, col[N_NOTE], row, file, &f));
    const char *sources = sg_field(c, col[N_SOURCES], row, file, &f);
    node->sources = sg_read_sources(net, sources, &f, diag);
    /* A bad lifetime is reported but the node is kept, so its ties do not each report it unknown. */
    read_lifetime(c, col, row, file, node, set, diag);
    return true;
}

static void add_extra_attrs(sg_network *net, const sg_csv_row *header, const int *unknown)
{
    size_t n = 0;
    while (unknown[n] >= 0)
        n++;
    net->n_extra_attrs = n;
    net->extra_attrs = g_new0(const char *, n + 1);
    for (size_t i = 0; i < n; i++)
        net->extra_attrs[i] = sg_network_intern(net, g_strstrip(header->fields[unknown[i]].text));
}

void sg_read_nodes_table(sg_network *net, sg_csv *csv, const char *file, sg_diag *diag)
{
    sg_columns c;
    int *unknown = NULL;
    static const char *const required[] = {"id", NULL};
    static const int col[] = {N_ID, N_LABEL, N_KIND, N_AFFILIATION, N_CODENAMES, N_NATIVE, N_NOTE, N_SOURCES,
                              N_START, N_END};
    if (!read_header(csv, &c, node_columns, required, file, &unknown, diag)) {
        g_free(unknown);
        return;
    }
    add_extra_attrs(net, &csv->rows[0], unknown);
    for (size_t r = 1; r < csv->n_rows && !sg_network_out_of_memory(net); r++) {
        const sg_csv_row *row = &csv->rows[r];
        sg_node node;
        unsigned set;
        if (!sg_row_width_ok(row, &csv->rows[0], file, diag) ||
            !read_node_fields(net, &c, col, row, file, &node, &set, diag))
            continue;
        if (net->n_extra_attrs) {
            const char **extra = g_try_new0(const char *, net->n_extra_attrs + 1);
            if (!extra) {
                sg_diag_error(diag, &(sg_origin){file, 0, 0}, "out of memory reading the file");
                break;
            }
            for (size_t k = 0; k < net->n_extra_attrs; k++)
                extra[k] = sg_network_intern(net, g_strstrip(row->fields[unknown[k]].text));
            sg_network_keep(net, extra);
            node.extra = extra;
        }
        if (!is_slug(node.id))
            sg_diag_warning(diag, &node.origin, "node id '%s' is not an ASCII slug (letters, digits, _ - .)", node.id);
        int first = sg_network_find_node(net, node.id);
        if (first >= 0) {
            sg_diag_error(diag, &node.origin, "duplicate node id '%s' (first at line %d)", node.id,
                          net->nodes[first].origin.line);
            continue;
        }
        sg_network_add_node(net, &node);
        sg_origin label_at;
        const char *label = sg_field(&c, N_AFFILIATION_LABEL, row, file, &label_at);
        sg_read_affiliation_label(net, node.id, node.affiliation, label, &label_at, diag);
    }
    g_free(unknown);
}

enum { E_SOURCE = SG_EC_SOURCE, E_TARGET, E_RELATION, E_START, E_END, E_CONFIDENCE, E_WEIGHT, E_SOURCES, E_NOTE,
       E_DIRECTED };
static const char *const edge_columns[] = {"source|from|src|node1|id1", "target|to|dst|node2|id2", "relation",
                                           "start", "end", "confidence", "weight", "sources", "note",
                                           "directed", NULL};

static const char **extra_values(sg_network *net, const sg_csv_row *row, const int *unknown, size_t n)
{
    if (n == 0)
        return NULL;
    const char **extra = g_try_new0(const char *, n + 1);
    if (!extra) {
        sg_network_mark_out_of_memory(net);
        return NULL;
    }
    for (size_t k = 0; k < n; k++)
        extra[k] = sg_network_intern(net, (size_t)unknown[k] < row->n_fields ? g_strstrip(row->fields[unknown[k]].text)
                                                                              : "");
    sg_network_keep(net, extra);
    return extra;
}

void sg_set_edge_extra_attrs(sg_network *net, const sg_csv_row *header, const int *unknown)
{
    size_t n = 0;
    while (unknown && unknown[n] >= 0)
        n++;
    net->n_edge_extra_attrs = n;
    g_free(net->edge_extra_attrs);
    net->edge_extra_attrs = g_new0(const char *, n + 1);
    for (size_t i = 0; i < n; i++)
        net->edge_extra_attrs[i] = sg_network_intern(net, g_strstrip(header->fields[unknown[i]].text));
}

void sg_read_type_column(sg_network *net)
{
    size_t column = net->n_edge_extra_attrs;
    for (size_t c = 0; c < net->n_edge_extra_attrs && column == net->n_edge_extra_attrs; c++)
        if (g_ascii_strcasecmp(net->edge_extra_attrs[c], "type") == 0)
            column = c;
    if (column == net->n_edge_extra_attrs)
        return;
    for (size_t i = 0; i < net->n_edges; i++) {
        const char *v = net->edges[i].extra ? net->edges[i].extra[column] : "";
        if (*v && g_ascii_strcasecmp(v, "directed") != 0 && g_ascii_strcasecmp(v, "undirected") != 0)
            return; /* a type of the tool's own: an attribute like any other */
    }
    for (size_t i = 0; i < net->n_edges; i++) {
        sg_edge *e = &net->edges[i];
        const char *v = e->extra ? e->extra[column] : "";
        if (*v)
            e->direction = g_ascii_strcasecmp(v, "directed") == 0 ? SG_TIE_DIRECTED : SG_TIE_UNDIRECTED;
        for (size_t c = column; e->extra && c < net->n_edge_extra_attrs; c++)
            e->extra[c] = e->extra[c + 1]; /* the NULL that ends it moves down too */
    }
    for (size_t c = column; c < net->n_edge_extra_attrs; c++)
        net->edge_extra_attrs[c] = net->edge_extra_attrs[c + 1];
    net->n_edge_extra_attrs--;
}

const char **sg_edge_extra_values(sg_network *net, const sg_csv_row *row, const int *unknown)
{
    return extra_values(net, row, unknown, net->n_edge_extra_attrs);
}

const char *const *sg_edge_columns(void)
{
    return edge_columns;
}

/* Reads the tie attributes (relation, dates, confidence, weight, sources, note) of ROW into E.
 * COL maps E_RELATION.. onto column indices of C (or -1). Returns false on an error. */
static bool read_tie_fields(sg_network *net, const sg_columns *c, const int *col, const sg_csv_row *row,
                            const char *file, const sg_relation *fallback, sg_edge *e, unsigned *set, sg_diag *diag)
{
    sg_origin at;
    bool ok = true;
    const char *text;
    *set = 0;
    text = sg_field(c, col[E_RELATION], row, file, &at);
    ok &= sg_read_relation(text, &at, fallback, &e->relation, diag);
    text = sg_field(c, col[E_START], row, file, &at);
    ok &= sg_read_date(text, &at, "start", &e->when.start, diag);
    *set |= *text ? SG_CHANGE_START : 0;
    text = sg_field(c, col[E_END], row, file, &at);
    ok &= sg_read_date(text, &at, "end", &e->when.end, diag);
    *set |= *text ? SG_CHANGE_END : 0;
    ok = ok && sg_check_interval(&e->when, "the tie", &at, diag);
    text = sg_field(c, col[E_CONFIDENCE], row, file, &at);
    ok &= sg_read_confidence(text, &at, &e->confidence, diag);
    *set |= *text ? SG_CHANGE_CONFIDENCE : 0;
    text = sg_field(c, col[E_WEIGHT], row, file, &at);
    ok &= sg_read_weight(text, &at, &e->weight, diag);
    *set |= *text ? SG_CHANGE_WEIGHT : 0;
    text = sg_field(c, col[E_SOURCES], row, file, &at);
    size_t errors = diag->errors;
    e->sources = sg_read_sources(net, text, &at, diag);
    ok &= diag->errors == errors;
    *set |= *text ? SG_CHANGE_SOURCES : 0;
    text = sg_field(c, col[E_NOTE], row, file, &at);
    e->note = sg_network_intern(net, text);
    *set |= *text ? SG_CHANGE_NOTE : 0;
    if (col[E_DIRECTED] >= 0) {
        text = sg_field(c, col[E_DIRECTED], row, file, &at);
        ok &= sg_read_tie_direction(text, &at, &e->direction, diag);
    }
    return ok;
}

/* Finds the node named by the field; adds an error if it is unknown. */
static int edge_end(sg_network *net, const sg_columns *c, int which, const sg_csv_row *row, const char *file,
                    sg_diag *diag)
{
    sg_origin at;
    const char *id = sg_field(c, which, row, file, &at);
    if (!*id) {
        sg_diag_error(diag, &at, "missing %s node", which == E_SOURCE ? "source" : "target");
        return -1;
    }
    int idx = sg_network_find_node(net, id);
    if (idx < 0)
        sg_diag_error(diag, &at, "unknown node '%s'", id);
    return idx;
}

void sg_read_edges_table(sg_network *net, sg_csv *csv, const char *file, sg_diag *diag)
{
    sg_columns c;
    static const char *const required[] = {"source", "target", "relation", NULL};
    static const int col[] = {E_SOURCE, E_TARGET, E_RELATION, E_START, E_END, E_CONFIDENCE, E_WEIGHT, E_SOURCES, E_NOTE,
                              E_DIRECTED};
    int *unknown = NULL;
    if (!read_header(csv, &c, edge_columns, required, file, &unknown, diag)) {
        g_free(unknown);
        return;
    }
    sg_set_edge_extra_attrs(net, &csv->rows[0], unknown);
    for (size_t r = 1; r < csv->n_rows && !sg_network_out_of_memory(net); r++) {
        const sg_csv_row *row = &csv->rows[r];
        if (!sg_row_width_ok(row, &csv->rows[0], file, diag))
            continue;
        sg_edge e = {0};
        unsigned set;
        e.source = edge_end(net, &c, E_SOURCE, row, file, diag);
        e.target = edge_end(net, &c, E_TARGET, row, file, diag);
        e.origin = (sg_origin){file, row->line, 1};
        bool ok = read_tie_fields(net, &c, col, row, file, NULL, &e, &set, diag);
        e.extra = sg_edge_extra_values(net, row, unknown);
        if (ok && e.source >= 0 && e.target >= 0)
            sg_network_add_edge(net, &e);
    }
    g_free(unknown);
}

enum { P_OP, P_NODE, P_LABEL, P_KIND, P_AFFILIATION, P_CODENAMES, P_NATIVE, P_SOURCE, P_TARGET, P_RELATION,
       P_START, P_END, P_CONFIDENCE, P_WEIGHT, P_SOURCES, P_NOTE };
static const char *const patch_columns[] = {"op", "node", "label", "kind", "affiliation", "codenames|aliases",
                                            "native_name", "source", "target", "relation", "start", "end",
                                            "confidence", "weight", "sources", "note", NULL};

/* The operation names, in sg_patch_op order. */

static bool parse_op(const char *text, sg_patch_op *op)
{
    for (int i = 0; i <= SG_PATCH_MERGE_NODES; i++)
        if (strcmp(text, sg_patch_op_name((sg_patch_op)i)) == 0) {
            *op = (sg_patch_op)i;
            return true;
        }
    return false;
}

/* Reads an add_node, remove_node or change_node line (the op is in P already) into P; returns false if it
 * is unusable. add_node reads every node column; remove_node needs only `node`; change_node needs `node`
 * and at least one of label, kind, affiliation, start and end. */
static bool read_node_patch(sg_network *net, const sg_columns *c, const int *node_col, const sg_csv_row *row,
                            const char *file, sg_patch *p, sg_diag *diag)
{
    sg_origin at = p->origin, id_at;
    const char *op = sg_patch_op_name(p->op);
    if (p->op != SG_PATCH_ADD_NODE && !*sg_field(c, P_NODE, row, file, &id_at)) {
        sg_diag_error(diag, &id_at, "%s needs a node", op);
        return false;
    }
    unsigned set = 0;
    if (!read_node_fields(net, c, node_col, row, file, &p->node, &set, diag))
        return false;
    p->node.origin = at;
    p->node_changes = p->op == SG_PATCH_REMOVE_NODE ? 0 : set;
    if (p->op == SG_PATCH_CHANGE_NODE && set == 0) {
        sg_diag_error(diag, &at, "change_node '%s' sets no field (label, kind, affiliation, start or end)",
                      p->node.id);
        return false;
    }
    return true;
}

/* Reads one patch line; returns false if it is unusable. */
static bool read_patch(sg_network *net, const sg_columns *c, const sg_csv_row *row, const char *file,
                       sg_patch *p, sg_diag *diag)
{
    static const int node_col[] = {P_NODE, P_LABEL, P_KIND, P_AFFILIATION, P_CODENAMES, P_NATIVE, P_NOTE, P_SOURCES,
                                   P_START, P_END};
    static const int tie_col[] = {P_SOURCE, P_TARGET, P_RELATION, P_START, P_END, P_CONFIDENCE, P_WEIGHT, P_SOURCES, P_NOTE,
                                  -1};
    sg_origin at;
    memset(p, 0, sizeof *p);
    const char *op = sg_field(c, P_OP, row, file, &at);
    p->origin = at;
    if (!parse_op(op, &p->op)) {
        GString *known = g_string_new(NULL);
        for (int i = 0; i <= SG_PATCH_MERGE_NODES; i++)
            g_string_append_printf(known, "%s%s", i ? ", " : "", sg_patch_op_name((sg_patch_op)i));
        sg_diag_error(diag, &at, "unknown patch operation '%s' (%s)", op, known->str);
        g_string_free(known, TRUE);
        return false;
    }
    if (p->op == SG_PATCH_ADD_NODE || p->op == SG_PATCH_REMOVE_NODE || p->op == SG_PATCH_CHANGE_NODE)
        return read_node_patch(net, c, node_col, row, file, p, diag);
    sg_origin s_at, t_at;
    p->source_id = sg_network_intern(net, sg_field(c, P_SOURCE, row, file, &s_at));
    p->target_id = sg_network_intern(net, sg_field(c, P_TARGET, row, file, &t_at));
    if (!*p->source_id || !*p->target_id) {
        sg_diag_error(diag, !*p->source_id ? &s_at : &t_at, "%s needs a source and a target", op);
        return false;
    }
    if (p->op == SG_PATCH_MERGE_NODES) {
        if (strcmp(p->source_id, p->target_id) == 0) {
            sg_diag_error(diag, &t_at, "merge_nodes needs two different nodes, not '%s' twice", p->source_id);
            return false;
        }
        /* the line's evidence: its citation keys and note */
        sg_origin s_key, n_at;
        const char *keys = sg_field(c, P_SOURCES, row, file, &s_key);
        p->edge.sources = sg_read_sources(net, keys, &s_key, diag);
        p->edge.note = sg_network_intern(net, sg_field(c, P_NOTE, row, file, &n_at));
        p->edge.origin = at;
        return true;
    }
    unsigned set = 0;
    static const sg_relation any_relation = {NULL, false, false, SG_FAMILY_OTHER, NULL};
    bool ok = read_tie_fields(net, c, tie_col, row, file, p->op == SG_PATCH_ADD_EDGE ? NULL : &any_relation,
                              &p->edge, &set, diag);
    if (p->edge.relation == &any_relation)
        p->edge.relation = NULL; /* an empty relation in remove/change matches any relation */
    p->relation = p->edge.relation;
    p->changes = set;
    p->edge.origin = at;
    if (ok && p->op == SG_PATCH_CHANGE_EDGE && set == 0)
        sg_diag_warning(diag, &at, "change_edge %s-%s sets no field", p->source_id, p->target_id);
    return ok;
}

sg_patch *sg_read_patch_table(sg_network *net, sg_csv *csv, const char *file, size_t *n_patches, sg_diag *diag)
{
    sg_columns c;
    static const char *const required[] = {"op", NULL};
    *n_patches = 0;
    if (!read_header(csv, &c, patch_columns, required, file, NULL, diag))
        return NULL;
    sg_patch *patches = g_try_new0(sg_patch, csv->n_rows);
    if (!patches) {
        sg_diag_error(diag, &(sg_origin){file, 0, 0}, "out of memory reading the file");
        return NULL;
    }
    for (size_t r = 1; r < csv->n_rows && !sg_network_out_of_memory(net); r++) {
        const sg_csv_row *row = &csv->rows[r];
        if (sg_row_width_ok(row, &csv->rows[0], file, diag) && read_patch(net, &c, row, file, &patches[*n_patches], diag))
            (*n_patches)++;
    }
    return patches;
}

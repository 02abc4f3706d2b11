/* edgelist.c: the bare CSV/TSV edge list reader: source,target[,weight,...], header optional. */
#include <glib.h>
#include <string.h>

#include "fields.h"
#include "tables.h"

enum { E_SOURCE = SG_EC_SOURCE, E_TARGET, E_RELATION, E_START, E_END, E_CONFIDENCE, E_WEIGHT, E_SOURCES, E_NOTE,
       E_DIRECTED };

/* True when the first line names its columns: its first field is a known name for the source column, or
 * --columns names the source column (a mapped file must have a header). */
static bool has_header(const sg_csv_row *first)
{
    if (sg_column_mapped_header("source"))
        return true;
    static const char *const names[] = {"source", "from", "src", "node1", "id1"};
    if (first->n_fields == 0)
        return false;
    char *t = g_strstrip(g_strdup(first->fields[0].text));
    const char *as = sg_column_mapped_name(t);
    bool found = false;
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
        found |= g_ascii_strcasecmp(as, names[i]) == 0;
    g_free(t);
    return found;
}

/* The node index for ID, adding a node the first time the id is seen; -1 when memory runs out. */
static int intern_node(sg_network *net, const char *id, const sg_origin *at)
{
    int idx = sg_network_find_node(net, id);
    if (idx >= 0)
        return idx;
    sg_node node = {0};
    node.id = node.label = sg_network_intern(net, id);
    node.affiliation = node.native_name = node.note = "";
    node.codenames = node.sources = sg_empty_list();
    node.origin = *at;
    return sg_network_add_node(net, &node);
}

/* True when ROW, the first line of a file read as headerless, is most likely a header this reader does not
 * know: four fields or more, and none from the third on is a number (a Nodegoat or Palladio export). */
static bool looks_like_header(const sg_csv_row *row)
{
    if (row->n_fields < 4)
        return false;
    for (size_t i = 2; i < row->n_fields; i++) {
        const char *text = row->fields[i].text;
        char *end = NULL;
        g_ascii_strtod(text, &end);
        if (end != text && *g_strstrip(end) == '\0')
            return false;
    }
    return true;
}

/* A headerless line: source, target, then the weight; further columns are reported once. Returns false when
 * the first line looks like a header the reader does not know (reported; the rest is not read). */
static bool read_plain_row(sg_network *net, const sg_csv_row *row, const char *file, bool *warned, sg_diag *diag)
{
    sg_edge e = {0};
    e.origin = (sg_origin){file, row->line, 1};
    if (row->n_fields < 2) {
        sg_diag_error(diag, &e.origin, "an edge needs a source and a target, this line has %zu field", row->n_fields);
        return true;
    }
    sg_origin s_at = {file, row->fields[0].line, row->fields[0].column};
    sg_origin t_at = {file, row->fields[1].line, row->fields[1].column};
    const char *s = g_strstrip(row->fields[0].text), *t = g_strstrip(row->fields[1].text);
    if (!*s || !*t) {
        sg_diag_error(diag, !*s ? &s_at : &t_at, "missing %s node", !*s ? "source" : "target");
        return true;
    }
    e.weight = e.confidence = 1.0;
    if (row->n_fields >= 3) {
        sg_origin w_at = {file, row->fields[2].line, row->fields[2].column};
        const char *w = g_strstrip(row->fields[2].text);
        if (row->line == 1 && looks_like_header(row)) {
            sg_diag_error(diag, &s_at, "line 1 looks like a header, but its first column '%s' is not named source "
                          "(or from, src, node1, id1): rename it, or map the columns with --columns "
                          "source=HEADER,target=HEADER", s);
            return false;
        }
        if (!sg_read_weight(w, &w_at, &e.weight, diag))
            return true;
    }
    if (row->n_fields > 3 && !*warned) {
        sg_origin x_at = {file, row->fields[3].line, row->fields[3].column};
        sg_diag_warning(diag, &x_at, "columns after the third (weight) are not read: name them in a header");
        *warned = true;
    }
    e.source = intern_node(net, s, &s_at);
    e.target = intern_node(net, t, &t_at);
    if (e.source < 0 || e.target < 0)
        return true; /* out of memory: the loader reports it */
    e.relation = sg_relation_unspecified();
    e.sources = sg_empty_list();
    e.note = "";
    sg_network_add_edge(net, &e);
    return true;
}

static void read_named_row(sg_network *net, const sg_columns *c, const sg_csv_row *row, const sg_csv_row *header,
                           const int *unknown, const char *file, sg_diag *diag)
{
    if (!sg_row_width_ok(row, header, file, diag))
        return;
    sg_edge e = {0};
    sg_origin s_at, t_at, at;
    const char *s = sg_field(c, E_SOURCE, row, file, &s_at), *t = sg_field(c, E_TARGET, row, file, &t_at);
    e.origin = (sg_origin){file, row->line, 1};
    if (!*s || !*t) {
        sg_diag_error(diag, !*s ? &s_at : &t_at, "missing %s node", !*s ? "source" : "target");
        return;
    }
    bool ok = sg_read_relation(sg_field(c, E_RELATION, row, file, &at), &at, sg_relation_unspecified(), &e.relation, diag);
    ok &= sg_read_date(sg_field(c, E_START, row, file, &at), &at, "start", &e.when.start, diag);
    ok &= sg_read_date(sg_field(c, E_END, row, file, &at), &at, "end", &e.when.end, diag);
    ok = ok && sg_check_interval(&e.when, "the tie", &at, diag);
    ok &= sg_read_confidence(sg_field(c, E_CONFIDENCE, row, file, &at), &at, &e.confidence, diag);
    ok &= sg_read_weight(sg_field(c, E_WEIGHT, row, file, &at), &at, &e.weight, diag);
    e.sources = sg_network_split(net, sg_field(c, E_SOURCES, row, file, &at), ';');
    e.note = sg_network_intern(net, sg_field(c, E_NOTE, row, file, &at));
    ok &= sg_read_tie_direction(sg_field(c, E_DIRECTED, row, file, &at), &at, &e.direction, diag);
    e.extra = sg_edge_extra_values(net, row, unknown);
    if (!ok)
        return;
    e.source = intern_node(net, s, &s_at);
    e.target = intern_node(net, t, &t_at);
    if (e.source >= 0 && e.target >= 0) /* else out of memory: the loader reports it */
        sg_network_add_edge(net, &e);
}

void sg_read_edge_list(sg_network *net, sg_csv *csv, const char *file, sg_diag *diag)
{
    if (csv->n_rows == 0) {
        sg_diag_error(diag, &(sg_origin){file, 1, 1}, "empty file");
        return;
    }
    if (!has_header(&csv->rows[0])) {
        bool warned = false;
        for (size_t r = 0; r < csv->n_rows && !sg_network_out_of_memory(net); r++)
            if (!read_plain_row(net, &csv->rows[r], file, &warned, diag))
                break;
        return;
    }
    sg_columns c;
    static const char *const required[] = {"source", "target", NULL};
    int *unknown = NULL;
    if (!sg_columns_map(&c, sg_edge_columns(), &csv->rows[0], file, &unknown, diag) ||
        !sg_columns_require(&c, required, &csv->rows[0], file, diag)) {
        g_free(unknown);
        return;
    }
    /* columns spygraph has no name for (Gephi's Id and Label, a tool's own) are kept as tie attributes */
    sg_set_edge_extra_attrs(net, &csv->rows[0], unknown);
    for (size_t r = 1; r < csv->n_rows && !sg_network_out_of_memory(net); r++)
        read_named_row(net, &c, &csv->rows[r], &csv->rows[0], unknown, file, diag);
    g_free(unknown);
    sg_read_type_column(net);
}

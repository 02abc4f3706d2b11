/* tables_out.c: the `tables` export: a reading written as a curated spygraph folder (network.json and its CSV tables). */
#include <cjson/cJSON.h>
#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "formats.h"
#include "spygraph/output.h"
#include "spygraph/reading.h"
#include "tables.h"

/* ---- extra attribute names --------------------------------------------------------------------- */

/* ---- one file of the folder -------------------------------------------------------------------- */

/* A file being written into the export's folder. */
typedef struct out_file {
    FILE *stream;
    char *shown; /* its path as the user will find it (the folder given with -o), for messages */
} out_file;

/* The folder the user named, from DIR, the temporary folder sg_output_folder_open made beside it
 * (".NAME.XXXXXX", output.h); DIR itself when it is not named so. A new string (g_free). */
static char *shown_folder(const char *dir)
{
    char *base = g_path_get_basename(dir), *parent = g_path_get_dirname(dir);
    size_t n = strlen(base);
    char *shown;
    if (n > 8 && base[0] == '.' && base[n - 7] == '.') {
        base[n - 7] = '\0';
        shown = strcmp(parent, ".") == 0 ? g_strdup(base + 1) : g_build_filename(parent, base + 1, NULL);
    } else {
        shown = g_strdup(dir);
    }
    g_free(base);
    g_free(parent);
    return shown;
}

static void file_error(const out_file *f, int error, sg_diag *diag)
{
    sg_diag_error(diag, &(sg_origin){f->shown, 0, 0}, "cannot write: %s", g_strerror(error ? error : EIO));
}

/* Opens NAME in DIR for writing (SHOWN_DIR names the folder in messages). Returns false after an error. */
static bool file_open(out_file *f, const char *dir, const char *shown_dir, const char *name, sg_diag *diag)
{
    char *path = g_build_filename(dir, name, NULL);
    f->shown = g_build_filename(shown_dir, name, NULL);
    f->stream = fopen(path, "w");
    int error = errno;
    g_free(path);
    if (!f->stream) {
        file_error(f, error, diag);
        g_clear_pointer(&f->shown, g_free);
        return false;
    }
    return true;
}

/* Flushes and closes F; returns false after an error when a write, the flush or the close failed. */
static bool file_close(out_file *f, sg_diag *diag)
{
    errno = 0;
    int error = 0;
    bool ok = fflush(f->stream) == 0 && !ferror(f->stream);
    if (!ok)
        error = errno;
    if (fclose(f->stream) != 0) {
        if (ok)
            error = errno;
        ok = false;
    }
    if (!ok)
        file_error(f, error, diag);
    g_free(f->shown);
    f->stream = NULL;
    f->shown = NULL;
    return ok;
}

/* Writes one CSV line of the N FIELDS, each exactly as it is (the tables are spygraph's own input: never
 * defused for spreadsheets). */
static void write_line(FILE *stream, const char *const *fields, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (k)
            fputc(',', stream);
        sg_csv_write_raw_field(stream, fields[k] ? fields[k] : "");
    }
    fputc('\n', stream);
}

/* Starts a CSV table: the byte-order mark when --bom asks for one, then the header. */
static void write_header(FILE *stream, const char *const *fields, size_t n)
{
    if (sg_csv_bom())
        fputs("\xEF\xBB\xBF", stream);
    write_line(stream, fields, n);
}

/* A ';'-separated list, as the tables write citation keys and codenames (g_free). */
static char *joined(const char *const *list)
{
    return g_strjoinv(";", (char **)list);
}

/* ---- the tables --------------------------------------------------------------------------------- */

/* The columns of nodes.csv as the nodes table reads them (tables.c), aliases included: an extra column of
 * one of these names is renamed. */
static const char *const node_columns[] = {"id", "label|name", "kind", "affiliation", "codenames|aliases",
                                           "native_name", "note", "sources", "start", "end", "affiliation_label",
                                           NULL};
enum { NODE_COLUMNS = 10 };

static void write_nodes(const sg_network *net, FILE *stream, char **extra_names)
{
    size_t n = NODE_COLUMNS + net->n_extra_attrs;
    const char **row = g_new0(const char *, n + 1);
    static const char *const header[] = {"id", "label", "kind", "affiliation", "codenames", "native_name", "note",
                                         "sources", "start", "end"};
    memcpy(row, header, sizeof header);
    for (size_t k = 0; k < net->n_extra_attrs; k++)
        row[NODE_COLUMNS + k] = extra_names[k];
    write_header(stream, row, n);
    for (size_t i = 0; i < net->n_nodes; i++) {
        const sg_node *node = &net->nodes[i];
        char start[SG_DATE_TEXT_MAX], end[SG_DATE_TEXT_MAX];
        char *codenames = joined(node->codenames), *sources = joined(node->sources);
        const char *fields[] = {node->id, node->label, sg_kind_name(node->kind), node->affiliation, codenames,
                                node->native_name, node->note, sources, sg_date_format(node->when.start, start),
                                sg_date_format(node->when.end, end)};
        memcpy(row, fields, sizeof fields);
        for (size_t k = 0; k < net->n_extra_attrs; k++)
            row[NODE_COLUMNS + k] = node->extra ? node->extra[k] : "";
        write_line(stream, row, n);
        g_free(codenames);
        g_free(sources);
    }
    g_free(row);
}

/* True when tie E is written with a direction of its own: when the export writes it otherwise than its
 * relation says (a bare edge list's `tie` read from source to target, a per-tie direction from another
 * format, or --directed / --undirected). */
static bool own_direction(const sg_network *net, const sg_edge *e)
{
    return sg_export_tie_directed(net, e) != e->relation->directed;
}

enum { EDGE_COLUMNS = 9 };

static void write_edges(const sg_network *net, FILE *stream, char **extra_names)
{
    bool directed_column = false;
    for (size_t i = 0; i < net->n_edges && !directed_column; i++)
        directed_column = own_direction(net, &net->edges[i]);
    size_t fixed = EDGE_COLUMNS + directed_column, n = fixed + net->n_edge_extra_attrs;
    const char **row = g_new0(const char *, n + 1);
    static const char *const header[] = {"source", "target", "relation", "start", "end", "confidence", "weight",
                                         "sources", "note", "directed"};
    memcpy(row, header, fixed * sizeof *row);
    for (size_t k = 0; k < net->n_edge_extra_attrs; k++)
        row[fixed + k] = extra_names[k];
    write_header(stream, row, n);
    for (size_t i = 0; i < net->n_edges; i++) {
        const sg_edge *e = &net->edges[i];
        char start[SG_DATE_TEXT_MAX], end[SG_DATE_TEXT_MAX], confidence[32], weight[32];
        char *sources = joined(e->sources);
        const char *fields[] = {net->nodes[e->source].id, net->nodes[e->target].id, e->relation->name,
                                sg_date_format(e->when.start, start), sg_date_format(e->when.end, end),
                                sg_format_number(e->confidence, confidence), sg_format_number(e->weight, weight),
                                sources, e->note};
        memcpy(row, fields, sizeof fields);
        if (directed_column)
            row[EDGE_COLUMNS] = !own_direction(net, e)           ? ""
                                : sg_export_tie_directed(net, e) ? "directed"
                                                                 : "undirected";
        for (size_t k = 0; k < net->n_edge_extra_attrs; k++)
            row[fixed + k] = e->extra ? e->extra[k] : "";
        write_line(stream, row, n);
        g_free(sources);
    }
    g_free(row);
}

static void write_sources(const sg_network *net, FILE *stream)
{
    static const char *const header[] = {"key", "reference", "pages", "note"};
    write_header(stream, header, 4);
    for (size_t i = 0; i < net->n_sources; i++) {
        const sg_source *s = &net->sources[i];
        const char *fields[] = {s->key, s->reference, s->pages, s->note};
        write_line(stream, fields, 4);
    }
}

static void write_events(const sg_network *net, FILE *stream)
{
    static const char *const header[] = {"id", "label", "date", "sources", "note"};
    write_header(stream, header, 5);
    for (size_t i = 0; i < net->n_events; i++) {
        const sg_event *ev = &net->events[i];
        char date[SG_DATE_TEXT_MAX];
        char *sources = joined(ev->sources);
        const char *fields[] = {ev->id, ev->label, sg_date_format(ev->date, date), sources, ev->note};
        write_line(stream, fields, 5);
        g_free(sources);
    }
}

/* The manifest's description: the network's own, then what this folder is (a reading, which one, of which
 * input). A new string (g_free). */
static char *description(const sg_network *net, const sg_export_info *info)
{
    GString *s = g_string_new(net->description);
    if (s->len)
        g_string_append(s, "\n\n");
    char *reading = net->reading ? sg_reading_describe(net->reading) : g_strdup("");
    sg_direction direction = net->reading ? net->reading->direction : SG_DIRECTION_DEFAULT;
    g_string_append_printf(s, "A reading exported by spygraph %s from %s (input SHA-256 %s): %s%s. ",
                           info && info->version ? info->version : "", net->name, net->sha256,
                           *reading ? reading : "the network as loaded",
                           direction == SG_DIRECTION_DIRECTED     ? "; every tie directed"
                           : direction == SG_DIRECTION_UNDIRECTED ? "; every tie undirected"
                           : direction == SG_DIRECTION_MUTUAL     ? "; every tie read both ways"
                                                                  : "");
    g_string_append(s, net->applied_hypothesis
                           ? "The hypotheses it applies are part of these tables; the network's hypotheses are "
                             "not exported."
                           : "The network's hypotheses are not exported.");
    g_free(reading);
    return g_string_free(s, FALSE);
}

/* Adds the manifest's "affiliations": the labelled affiliations some node of NET has, in NET's order (none:
 * no member). Returns false when memory ran out. O(nodes + affiliations). */
static bool add_affiliations(const sg_network *net, cJSON *root)
{
    GHashTable *present = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < net->n_nodes; i++)
        g_hash_table_add(present, (gpointer)net->nodes[i].affiliation);
    cJSON *list = NULL;
    bool ok = true;
    for (size_t i = 0; ok && i < net->n_affiliations; i++) {
        const sg_affiliation *a = &net->affiliations[i];
        if (!g_hash_table_contains(present, a->id))
            continue;
        if (!list)
            ok = (list = cJSON_AddArrayToObject(root, "affiliations")) != NULL;
        cJSON *entry = ok ? cJSON_CreateObject() : NULL;
        ok = entry && cJSON_AddItemToArray(list, entry);
        if (!ok)
            cJSON_Delete(entry);
        ok = ok && cJSON_AddStringToObject(entry, "id", a->id) && cJSON_AddStringToObject(entry, "label", a->label);
    }
    g_hash_table_destroy(present);
    return ok;
}

/* The manifest (cJSON_Delete), or NULL when memory ran out. */
static cJSON *manifest(const sg_network *net, const sg_export_info *info)
{
    cJSON *root = cJSON_CreateObject();
    bool ok = root != NULL;
    ok = ok && cJSON_AddStringToObject(root, "format", "spygraph-network");
    ok = ok && cJSON_AddNumberToObject(root, "version", 1);
    ok = ok && cJSON_AddStringToObject(root, "id", net->id ? net->id : "");
    ok = ok && cJSON_AddStringToObject(root, "title", net->title ? net->title : "");
    char *text = ok ? description(net, info) : NULL;
    ok = ok && cJSON_AddStringToObject(root, "description", text);
    g_free(text);
    if (ok && !sg_interval_is_timeless(&net->span)) {
        cJSON *span = cJSON_AddObjectToObject(root, "span");
        char buf[SG_DATE_TEXT_MAX];
        ok = span != NULL;
        if (ok && !sg_date_is_open(net->span.start))
            ok = cJSON_AddStringToObject(span, "start", sg_date_format(net->span.start, buf));
        if (ok && !sg_date_is_open(net->span.end))
            ok = cJSON_AddStringToObject(span, "end", sg_date_format(net->span.end, buf));
    }
    ok = ok && cJSON_AddStringToObject(root, "nodes", "nodes.csv");
    ok = ok && cJSON_AddStringToObject(root, "edges", "edges.csv");
    if (net->has_sources_table)
        ok = ok && cJSON_AddStringToObject(root, "sources", "sources.csv");
    if (net->n_events)
        ok = ok && cJSON_AddStringToObject(root, "events", "events.csv");
    ok = ok && add_affiliations(net, root);
    if (!ok) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

bool sg_tables_write_folder(const sg_network *net, const sg_export_info *info, const char *dir, sg_diag *diag)
{
    char *shown = shown_folder(dir);
    cJSON *json = manifest(net, info);
    if (!json) {
        sg_diag_error(diag, &(sg_origin){shown, 0, 0}, "out of memory writing the tables");
        g_free(shown);
        return false;
    }
    char **node_names = sg_export_extra_names(net->extra_attrs, net->n_extra_attrs, node_columns, net->name, "node",
                                              diag);
    char **edge_names = sg_export_extra_names(net->edge_extra_attrs, net->n_edge_extra_attrs, sg_edge_columns(),
                                              net->name, "tie", diag);
    out_file f = {0};
    bool ok = file_open(&f, dir, shown, "network.json", diag);
    if (ok) {
        if (!sg_json_write(json, f.stream)) {
            sg_diag_error(diag, &(sg_origin){f.shown, 0, 0}, "out of memory writing the tables");
            ok = false;
        }
        ok = file_close(&f, diag) && ok;
    }
    if (ok && (ok = file_open(&f, dir, shown, "nodes.csv", diag))) {
        write_nodes(net, f.stream, node_names);
        ok = file_close(&f, diag);
    }
    if (ok && (ok = file_open(&f, dir, shown, "edges.csv", diag))) {
        write_edges(net, f.stream, edge_names);
        ok = file_close(&f, diag);
    }
    if (ok && net->has_sources_table && (ok = file_open(&f, dir, shown, "sources.csv", diag))) {
        write_sources(net, f.stream);
        ok = file_close(&f, diag);
    }
    if (ok && net->n_events && (ok = file_open(&f, dir, shown, "events.csv", diag))) {
        write_events(net, f.stream);
        ok = file_close(&f, diag);
    }
    g_strfreev(node_names);
    g_strfreev(edge_names);
    cJSON_Delete(json);
    g_free(shown);
    return ok;
}

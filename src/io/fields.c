/* fields.c: typed values out of CSV fields, with an error at the field's FILE:LINE:COLUMN. */
#include <errno.h>
#include <float.h>
#include <glib.h>
#include <math.h>
#include <string.h>

#include "fields.h"
#include "spygraph/loader.h"
#include "spygraph/reading.h" /* SG_WEIGHT_MIN, SG_WEIGHT_MAX */

/* --columns: COLUMN_MAP[2k] is spygraph's name, COLUMN_MAP[2k+1] the user's header (NULL-terminated). */
static char **column_map;

/* Every column name of the tables a CSV edge list or node table has (the first of each alias list). */
static const char *const mappable[] = {"source", "target", "relation", "start", "end", "confidence", "weight",
                                       "sources", "note", "directed", "id", "label", "kind", "affiliation",
                                       "codenames", "native_name", "affiliation_label", NULL};

const char *sg_column_map_names(void)
{
    static char *names;
    if (!names)
        names = g_strjoinv(", ", (char **)mappable);
    return names;
}

bool sg_set_column_map(const char *spec, char **error)
{
    char **pairs = g_strsplit(spec, ",", -1);
    GPtrArray *map = g_ptr_array_new_with_free_func(g_free);
    *error = NULL;
    for (size_t i = 0; pairs[i] && !*error; i++) {
        char *eq = strchr(pairs[i], '=');
        char *name = g_strstrip(g_strndup(pairs[i], eq ? (size_t)(eq - pairs[i]) : strlen(pairs[i])));
        char *header = eq ? g_strstrip(g_strdup(eq + 1)) : NULL;
        bool known = false;
        for (size_t k = 0; mappable[k]; k++)
            known |= g_ascii_strcasecmp(mappable[k], name) == 0;
        if (!eq || !*name || !*header)
            *error = g_strdup_printf("'%s' is not NAME=HEADER", pairs[i]);
        else if (!known)
            *error = g_strdup_printf("spygraph has no column '%s' (known: %s)", name, sg_column_map_names());
        for (guint k = 0; !*error && k < map->len; k += 2) {
            if (g_ascii_strcasecmp(g_ptr_array_index(map, k), name) == 0)
                *error = g_strdup_printf("the column '%s' is mapped twice", name);
            else if (g_ascii_strcasecmp(g_ptr_array_index(map, k + 1), header) == 0)
                *error = g_strdup_printf("the header '%s' is mapped twice", header);
        }
        g_ptr_array_add(map, g_ascii_strdown(name, -1));
        g_ptr_array_add(map, header ? header : g_strdup(""));
        g_free(name);
    }
    g_strfreev(pairs);
    if (*error) {
        g_ptr_array_free(map, TRUE);
        return false;
    }
    g_ptr_array_add(map, NULL);
    g_strfreev(column_map);
    column_map = (char **)g_ptr_array_free(map, FALSE);
    return true;
}

const char *sg_column_mapped_name(const char *name)
{
    for (size_t k = 0; column_map && column_map[k]; k += 2)
        if (g_ascii_strcasecmp(column_map[k + 1], name) == 0)
            return column_map[k];
    return name;
}

const char *sg_column_mapped_header(const char *name)
{
    for (size_t k = 0; column_map && column_map[k]; k += 2)
        if (g_ascii_strcasecmp(column_map[k], name) == 0)
            return column_map[k + 1];
    return NULL;
}

bool sg_alias_matches(const char *aliases, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = aliases;;) {
        size_t len = strcspn(p, "|");
        if (len == n && g_ascii_strncasecmp(p, name, n) == 0)
            return true;
        if (!p[len])
            return false;
        p += len + 1;
    }
}

bool sg_columns_map(sg_columns *cols, const char *const *names, const sg_csv_row *header, const char *file,
                    int **unknown, sg_diag *diag)
{
    cols->names = names;
    for (size_t k = 0; k < G_N_ELEMENTS(cols->index); k++)
        cols->index[k] = -1;
    GArray *extra = g_array_new(FALSE, FALSE, sizeof(int));
    bool ok = true;
    for (size_t i = 0; i < header->n_fields; i++) {
        const sg_csv_field *f = &header->fields[i];
        sg_origin at = {file, f->line, f->column};
        char *name = g_strstrip(g_strdup(f->text));
        const char *as = sg_column_mapped_name(name);
        int known = -1;
        for (int k = 0; names[k] && known < 0; k++) {
            if (!sg_alias_matches(names[k], as))
                continue;
            /* a header --columns maps is only that column; a mapped column's own names no longer match it */
            char *first = g_strndup(names[k], strcspn(names[k], "|"));
            if (as != name || !sg_column_mapped_header(first))
                known = k;
            g_free(first);
        }
        if (known >= 0 && cols->index[known] >= 0) {
            sg_diag_error(diag, &at, "duplicate column '%s'", name);
            ok = false;
        } else if (known >= 0) {
            cols->index[known] = (int)i;
        } else {
            int idx = (int)i;
            g_array_append_val(extra, idx);
            if (!unknown)
                sg_diag_warning(diag, &at, "unknown column '%s' is not read", name);
        }
        g_free(name);
    }
    if (unknown) {
        int end = -1;
        g_array_append_val(extra, end);
        *unknown = (int *)(void *)g_array_free(extra, FALSE);
    } else {
        g_array_free(extra, TRUE);
    }
    return ok;
}

bool sg_columns_require(const sg_columns *cols, const char *const *required, const sg_csv_row *header,
                        const char *file, sg_diag *diag)
{
    bool ok = true;
    for (size_t r = 0; required[r]; r++)
        for (int k = 0; cols->names[k]; k++) {
            size_t n = strcspn(cols->names[k], "|");
            if (strlen(required[r]) == n && strncmp(cols->names[k], required[r], n) == 0 && cols->index[k] < 0) {
                sg_origin at = {file, header->line, 1};
                const char *header_name = sg_column_mapped_header(required[r]);
                if (header_name)
                    sg_diag_error(diag, &at, "missing column '%s' (--columns reads it from '%s')", required[r],
                                  header_name);
                else
                    sg_diag_error(diag, &at, "missing column '%s'", required[r]);
                ok = false;
            }
        }
    return ok;
}

const char *sg_field(const sg_columns *cols, int name_index, const sg_csv_row *row, const char *file, sg_origin *at)
{
    int i = cols->index[name_index];
    at->file = file;
    if (i < 0 || (size_t)i >= row->n_fields) {
        at->line = row->line;
        at->column = 1;
        return "";
    }
    const sg_csv_field *f = &row->fields[i];
    at->line = f->line;
    at->column = f->column;
    return g_strstrip(f->text); /* trimming in place is safe: the table owns the text */
}

bool sg_read_date(const char *text, const sg_origin *at, const char *what, sg_date *out, sg_diag *diag)
{
    const char *why = NULL;
    if (sg_date_parse(text, out, &why))
        return true;
    sg_diag_error(diag, at, "bad %s date '%s': %s", what, text, why);
    return false;
}

bool sg_check_interval(const sg_interval *iv, const char *what, const sg_origin *at, sg_diag *diag)
{
    if (!sg_interval_is_reversed(iv))
        return true;
    char start[SG_DATE_TEXT_MAX], end[SG_DATE_TEXT_MAX];
    sg_diag_error(diag, at, "%s ends (%s) before it starts (%s)", what, sg_date_format(iv->end, end),
                  sg_date_format(iv->start, start));
    return false;
}

/* How a field reads as a number. */
typedef enum number_reading { NUMBER_OK, NUMBER_NOT, NUMBER_TOO_SMALL, NUMBER_TOO_LARGE } number_reading;

/* Parses a whole field as a finite decimal double (1, 0.5, 2e3) into *OUT; NUMBER_NOT if it is not one
 * (g_ascii_strtod alone would also take hexadecimal and "infinity", and reads 1e999 as infinity), and
 * NUMBER_TOO_SMALL for a number other than zero too close to zero for a double to hold it fully (1e-400
 * would read as 0, 4e-324 as 4.94066e-324), NUMBER_TOO_LARGE past the largest double (1e999): never a
 * value other than the one written. */
static number_reading parse_number(const char *text, double *out)
{
    if (!*text || text[strspn(text, "0123456789+-.eE")] != '\0')
        return NUMBER_NOT;
    char *end = NULL;
    errno = 0;
    double v = g_ascii_strtod(text, &end);
    if (*end)
        return NUMBER_NOT;
    if (isinf(v))
        return NUMBER_TOO_LARGE;
    if (errno == ERANGE || (v != 0 && fabs(v) < DBL_MIN))
        return NUMBER_TOO_SMALL;
    *out = v;
    return NUMBER_OK;
}

/* Reads TEXT, the value of the column WHAT, as a number into *OUT; false after an error at AT. */
static bool read_number(const char *what, const char *text, const sg_origin *at, double *out, sg_diag *diag)
{
    switch (parse_number(text, out)) {
    case NUMBER_OK:
        return true;
    case NUMBER_TOO_SMALL:
        sg_diag_error(diag, at, "%s %s is too close to 0 to be held (below %g)", what,
                      text, DBL_MIN);
        return false;
    case NUMBER_TOO_LARGE:
        sg_diag_error(diag, at, "%s %s is too large to be held (above %g)", what, text, DBL_MAX);
        return false;
    default:
        sg_diag_error(diag, at, "%s '%s' is not a number", what, text);
        return false;
    }
}

bool sg_read_confidence(const char *text, const sg_origin *at, double *out, sg_diag *diag)
{
    if (!*text) {
        *out = 1.0;
        return true;
    }
    double v;
    if (!read_number("confidence", text, at, &v, diag))
        return false;
    if (v < 0.0 || v > 1.0) {
        sg_diag_error(diag, at, "confidence %s is outside [0, 1]", text);
        return false;
    }
    *out = v;
    return true;
}

bool sg_read_weight(const char *text, const sg_origin *at, double *out, sg_diag *diag)
{
    if (!*text) {
        *out = 1.0;
        return true;
    }
    double v;
    if (!read_number("weight", text, at, &v, diag))
        return false;
    if (v <= 0.0) {
        sg_diag_error(diag, at, "weight %s is not positive", text);
        return false;
    }
    if (v < SG_WEIGHT_MIN || v > SG_WEIGHT_MAX) {
        sg_diag_error(diag, at, "weight %s is outside the range %g to %g", text, SG_WEIGHT_MIN, SG_WEIGHT_MAX);
        return false;
    }
    *out = v;
    return true;
}

bool sg_read_relation(const char *text, const sg_origin *at, const sg_relation *fallback,
                      const sg_relation **out, sg_diag *diag)
{
    if (!*text) {
        if (!fallback) {
            sg_diag_error(diag, at, "missing relation");
            return false;
        }
        *out = fallback;
        return true;
    }
    const sg_relation *r = sg_relation_find(text);
    if (!r) {
        sg_diag_error(diag, at, "unknown relation '%s' (see `spygraph help relations`)", text);
        return false;
    }
    *out = r;
    return true;
}

const char **sg_read_sources(sg_network *net, const char *text, const sg_origin *at, sg_diag *diag)
{
    const char **keys = sg_network_split(net, text, ';');
    if (net->has_sources_table)
        for (size_t i = 0; keys[i]; i++)
            if (!sg_network_find_source(net, keys[i]))
                sg_diag_error(diag, at, "unknown source key '%s'", keys[i]);
    return keys;
}

bool sg_read_affiliation_label(sg_network *net, const char *node_id, const char *affiliation, const char *label,
                               const sg_origin *at, sg_diag *diag)
{
    char *text = g_strstrip(g_strdup(label ? label : ""));
    bool ok = true;
    const sg_affiliation *first = sg_network_find_affiliation(net, affiliation);
    if (!*text) {
        ;
    } else if (!affiliation || !*affiliation) {
        sg_diag_error(diag, at, "node '%s' has an affiliation label ('%s') but no affiliation", node_id, text);
        ok = false;
    } else if (first && strcmp(first->label, text) != 0) {
        const sg_origin *f = &first->origin;
        char *place = sg_diagnostic_position(&(sg_diagnostic){.file = (char *)f->file, .line = f->line,
                                                               .column = f->column});
        sg_diag_error(diag, at, "affiliation '%s' is labelled '%s' for node '%s' but '%s' at %s", affiliation,
                      text, node_id, first->label, place);
        g_free(place);
        ok = false;
    } else if (!first) {
        sg_affiliation a = {sg_network_intern(net, affiliation), sg_network_intern(net, text), *at};
        sg_network_add_affiliation(net, &a);
    }
    g_free(text);
    return ok;
}

bool sg_row_width_ok(const sg_csv_row *row, const sg_csv_row *header, const char *file, sg_diag *diag)
{
    if (row->n_fields == header->n_fields)
        return true;
    /* Point at the first field too many, or at the last field of a short line. */
    size_t shown = row->n_fields > header->n_fields ? header->n_fields : row->n_fields - 1;
    const sg_csv_field *f = row->n_fields ? &row->fields[shown] : NULL;
    sg_origin at = {file, f ? f->line : row->line, f ? f->column : 1};
    sg_diag_error(diag, &at, "line has %zu fields, the header has %zu", row->n_fields, header->n_fields);
    return false;
}

bool sg_read_tie_direction(const char *text, const sg_origin *at, sg_tie_direction *out, sg_diag *diag)
{
    static const char *const directed[] = {"directed", "yes", "true", "1"};
    static const char *const undirected[] = {"undirected", "no", "false", "0"};
    *out = SG_TIE_AS_RELATION;
    if (!*text)
        return true;
    for (size_t i = 0; i < G_N_ELEMENTS(directed); i++) {
        if (g_ascii_strcasecmp(text, directed[i]) == 0) {
            *out = SG_TIE_DIRECTED;
            return true;
        }
        if (g_ascii_strcasecmp(text, undirected[i]) == 0) {
            *out = SG_TIE_UNDIRECTED;
            return true;
        }
    }
    sg_diag_error(diag, at, "bad tie direction '%s': expected directed or undirected (also yes/no, true/false, "
                  "1/0), or empty for the relation's own", text);
    return false;
}

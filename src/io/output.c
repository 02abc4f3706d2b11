/* output.c: atomic output files and the table, CSV and JSON writers. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spygraph/message.h"
#include "spygraph/output.h"

bool sg_format_parse(const char *text, sg_format *out)
{
    if (g_strcmp0(text, "table") == 0)
        *out = SG_FORMAT_TABLE;
    else if (g_strcmp0(text, "csv") == 0)
        *out = SG_FORMAT_CSV;
    else if (g_strcmp0(text, "json") == 0)
        *out = SG_FORMAT_JSON;
    else
        return false;
    return true;
}

sg_output *sg_output_open(const char *path)
{
    sg_output *out = g_new0(sg_output, 1);
    if (!path || strcmp(path, "-") == 0) {
        out->stream = stdout;
        return out;
    }
    /* A device or a pipe (/dev/null, a FIFO) is written in place: renaming a file over it would
     * replace it, and it holds no partial file to protect anyway. */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        out->stream = fopen(path, "w");
        if (!out->stream) {
            sg_error("%s: cannot write: %s", path, g_strerror(errno));
            g_free(out);
            return NULL;
        }
        out->path = g_strdup(path);
        return out;
    }
    char *dir = g_path_get_dirname(path);
    char *base = g_path_get_basename(path);
    out->tmp_path = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
    g_free(dir);
    g_free(base);
    int fd = g_mkstemp(out->tmp_path);
    if (fd < 0) {
        sg_error("%s: cannot write: %s", path, g_strerror(errno));
        g_free(out->tmp_path);
        g_free(out);
        return NULL;
    }
    out->stream = fdopen(fd, "w");
    out->path = g_strdup(path);
    return out;
}

static void output_free(sg_output *out)
{
    g_free(out->path);
    g_free(out->tmp_path);
    g_free(out);
}

bool sg_output_commit(sg_output *out)
{
    if (!out->path) {
        bool ok = fflush(stdout) == 0 && !ferror(stdout);
        if (!ok)
            sg_error("cannot write standard output: %s", g_strerror(errno));
        output_free(out);
        return ok;
    }
    bool ok = fflush(out->stream) == 0 && !ferror(out->stream);
    ok = fclose(out->stream) == 0 && ok;
    if (!out->tmp_path) { /* written in place */
        if (!ok)
            sg_error("%s: cannot write: %s", out->path, g_strerror(errno));
        output_free(out);
        return ok;
    }
    /* mkstemp makes the file 0600; give it the permissions a plain fopen would. */
    mode_t mask = umask(0);
    umask(mask);
    if (ok && g_chmod(out->tmp_path, 0666 & ~mask) != 0)
        ok = false;
    if (ok && g_rename(out->tmp_path, out->path) != 0)
        ok = false;
    if (!ok) {
        sg_error("%s: cannot write: %s", out->path, g_strerror(errno));
        g_unlink(out->tmp_path);
    }
    output_free(out);
    return ok;
}

void sg_output_abort(sg_output *out)
{
    if (!out)
        return;
    if (out->path) {
        fclose(out->stream);
        if (out->tmp_path)
            g_unlink(out->tmp_path);
    }
    output_free(out);
}

size_t sg_display_width(const char *text)
{
    size_t w = 0;
    const char *end = text + strlen(text);
    for (const char *p = text; *p;) {
        gunichar c = g_utf8_get_char_validated(p, end - p);
        if (c == (gunichar)-1 || c == (gunichar)-2) { /* a stray byte: one column, as its \xNN is shown */
            w++;
            p++;
            continue;
        }
        p = g_utf8_next_char(p);
        if (g_unichar_iszerowidth(c))
            continue;
        w += g_unichar_iswide(c) ? 2 : 1;
    }
    return w;
}

/* A cell: text, or a number kept at full precision for CSV/JSON. */
typedef struct cell {
    char *text;       /* as shown in the text table; NULL when unset */
    bool numeric;
    bool integer;
    double value;
    long long int_value;
} cell;

struct sg_table {
    size_t n_columns;
    char **names;
    sg_align *align;
    GArray *cells; /* row-major */
};

sg_table *sg_table_new(size_t n_columns, const char *const *names)
{
    sg_table *t = g_new0(sg_table, 1);
    t->n_columns = n_columns;
    t->names = g_new0(char *, n_columns + 1);
    t->align = g_new0(sg_align, n_columns);
    for (size_t i = 0; i < n_columns; i++)
        t->names[i] = g_strdup(names[i]);
    t->cells = g_array_new(FALSE, TRUE, sizeof(cell));
    return t;
}

void sg_table_free(sg_table *t)
{
    if (!t)
        return;
    for (guint i = 0; i < t->cells->len; i++)
        g_free(g_array_index(t->cells, cell, i).text);
    g_array_free(t->cells, TRUE);
    g_strfreev(t->names);
    g_free(t->align);
    g_free(t);
}

void sg_table_align(sg_table *t, size_t column, sg_align align)
{
    t->align[column] = align;
}

void sg_table_add_row(sg_table *t)
{
    g_array_set_size(t->cells, t->cells->len + (guint)t->n_columns);
}

size_t sg_table_rows(const sg_table *t)
{
    return t->cells->len / t->n_columns;
}

static cell *current(sg_table *t, size_t column)
{
    g_assert(column < t->n_columns && t->cells->len >= t->n_columns);
    cell *c = &g_array_index(t->cells, cell, t->cells->len - t->n_columns + column);
    g_free(c->text);
    memset(c, 0, sizeof *c);
    return c;
}

void sg_table_set_text(sg_table *t, size_t column, const char *text)
{
    current(t, column)->text = g_strdup(text ? text : "");
}

void sg_table_set_number(sg_table *t, size_t column, double value, int digits)
{
    cell *c = current(t, column);
    c->numeric = true;
    c->value = value;
    c->text = isnan(value) ? g_strdup("") : g_strdup_printf("%.*g", digits, value);
}

void sg_table_set_int(sg_table *t, size_t column, long long value)
{
    cell *c = current(t, column);
    c->numeric = c->integer = true;
    c->int_value = value;
    c->value = (double)value;
    c->text = g_strdup_printf("%lld", value);
}

static void pad(FILE *stream, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fputc(' ', stream);
}

void sg_table_write_text(const sg_table *t, FILE *stream)
{
    size_t rows = sg_table_rows(t);
    /* Every header and cell as a terminal shows it (sg_term_text), measured after escaping. */
    char **names = g_new0(char *, t->n_columns + 1);
    char **texts = g_new0(char *, rows * t->n_columns + 1);
    size_t *width = g_new0(size_t, t->n_columns);
    for (size_t j = 0; j < t->n_columns; j++) {
        names[j] = sg_term_text(t->names[j]);
        width[j] = sg_display_width(names[j]);
    }
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < t->n_columns; j++) {
            const cell *c = &g_array_index(t->cells, cell, i * t->n_columns + j);
            char *text = texts[i * t->n_columns + j] = sg_term_text(c->text ? c->text : "");
            width[j] = MAX(width[j], sg_display_width(text));
        }
    for (size_t j = 0; j < t->n_columns; j++) {
        size_t w = sg_display_width(names[j]);
        if (t->align[j] == SG_ALIGN_RIGHT)
            pad(stream, width[j] - w);
        fputs(names[j], stream);
        if (j + 1 < t->n_columns)
            pad(stream, (t->align[j] == SG_ALIGN_RIGHT ? 0 : width[j] - w) + 2);
    }
    fputc('\n', stream);
    for (size_t j = 0; j < t->n_columns; j++) {
        for (size_t k = 0; k < width[j]; k++)
            fputc('-', stream);
        if (j + 1 < t->n_columns)
            fputs("  ", stream);
    }
    fputc('\n', stream);
    for (size_t i = 0; i < rows; i++) {
        for (size_t j = 0; j < t->n_columns; j++) {
            const char *text = texts[i * t->n_columns + j];
            size_t w = sg_display_width(text);
            bool last = j + 1 == t->n_columns;
            if (t->align[j] == SG_ALIGN_RIGHT)
                pad(stream, width[j] - w);
            fputs(text, stream);
            if (!last)
                pad(stream, (t->align[j] == SG_ALIGN_RIGHT ? 0 : width[j] - w) + 2);
        }
        fputc('\n', stream);
    }
    g_free(width);
    for (size_t k = 0; k < rows * t->n_columns; k++)
        g_free(texts[k]);
    g_free(texts);
    g_strfreev(names);
}

/* Whether CSV cells a spreadsheet would run as formulas are defused (the default) or written raw. */
static bool csv_raw;

void sg_csv_set_raw(bool raw)
{
    csv_raw = raw;
}

/* True when TEXT is a plain decimal number ([+-]digits[.digits][e[+-]digits]): a spreadsheet reads it as
 * that number, never as a formula. */
static bool plain_number(const char *text)
{
    const char *p = text + (*text == '+' || *text == '-');
    if (!g_ascii_isdigit(*p))
        return false;
    while (g_ascii_isdigit(*p))
        p++;
    if (*p == '.') {
        if (!g_ascii_isdigit(*++p))
            return false;
        while (g_ascii_isdigit(*p))
            p++;
    }
    if (*p == 'e' || *p == 'E') {
        p += 1 + (p[1] == '+' || p[1] == '-');
        if (!g_ascii_isdigit(*p))
            return false;
        while (g_ascii_isdigit(*p))
            p++;
    }
    return *p == '\0';
}

bool sg_csv_formula_like(const char *text)
{
    return *text && strchr("=+-@\t\r", *text) && !plain_number(text);
}

void sg_csv_write_field(FILE *stream, const char *text)
{
    bool defuse = !csv_raw && sg_csv_formula_like(text);
    if (!defuse && !strpbrk(text, ",\"\r\n")) {
        fputs(text, stream);
        return;
    }
    fputc('"', stream);
    if (defuse)
        fputc('\'', stream); /* OWASP, "CSV Injection": a leading ' makes the cell text */
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            fputc('"', stream);
        fputc(*p, stream);
    }
    fputc('"', stream);
}

const char *sg_format_number(double value, char buf[32])
{
    if (isnan(value)) {
        buf[0] = '\0';
        return buf;
    }
    /* Whole numbers print in full, as Python's repr does below 1e16 ("20", not "2e+01"). */
    if (value == trunc(value) && fabs(value) < 1e16) {
        snprintf(buf, 32, "%.0f", value);
        return buf;
    }
    /* A decimal of k <= 15 significant digits that reads back to VALUE is what %.15g prints (trailing zeros
     * dropped), so the search for the shortest text can start at 15 digits. */
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, 32, "%.*g", digits, value);
        if (g_ascii_strtod(buf, NULL) == value)
            break;
    }
    return buf;
}

void sg_table_write_csv(const sg_table *t, FILE *stream)
{
    for (size_t j = 0; j < t->n_columns; j++) {
        if (j)
            fputc(',', stream);
        sg_csv_write_field(stream, t->names[j]);
    }
    fputc('\n', stream);
    size_t rows = sg_table_rows(t);
    for (size_t i = 0; i < rows; i++) {
        for (size_t j = 0; j < t->n_columns; j++) {
            const cell *c = &g_array_index(t->cells, cell, i * t->n_columns + j);
            char buf[32];
            if (j)
                fputc(',', stream);
            if (c->numeric && !c->integer)
                fputs(sg_format_number(c->value, buf), stream);
            else
                sg_csv_write_field(stream, c->text ? c->text : "");
        }
        fputc('\n', stream);
    }
}

cJSON *sg_table_to_json(const sg_table *t)
{
    cJSON *array = cJSON_CreateArray();
    size_t rows = sg_table_rows(t);
    for (size_t i = 0; i < rows; i++) {
        cJSON *obj = cJSON_CreateObject();
        for (size_t j = 0; j < t->n_columns; j++) {
            const cell *c = &g_array_index(t->cells, cell, i * t->n_columns + j);
            if (c->numeric && !isnan(c->value))
                cJSON_AddItemToObject(obj, t->names[j], cJSON_CreateNumber(c->value));
            else if (c->numeric || !c->text)
                cJSON_AddItemToObject(obj, t->names[j], cJSON_CreateNull());
            else
                cJSON_AddItemToObject(obj, t->names[j], cJSON_CreateString(c->text));
        }
        cJSON_AddItemToArray(array, obj);
    }
    return array;
}

cJSON *sg_json_network(const sg_network *net)
{
    cJSON *obj = cJSON_CreateObject();
    cJSON_AddStringToObject(obj, "name", net->name);
    cJSON_AddStringToObject(obj, "id", net->id);
    cJSON_AddStringToObject(obj, "sha256", net->sha256);
    if (net->applied_hypothesis)
        cJSON_AddStringToObject(obj, "hypothesis", net->applied_hypothesis);
    else
        cJSON_AddNullToObject(obj, "hypothesis");
    cJSON_AddItemToObject(obj, "reading", sg_json_reading(net->reading));
    return obj;
}

/* Replaces every number under ITEM (a tree the caller owns) by a raw item holding the text
 * sg_format_number gives it, null for NaN and infinities (as cJSON prints them). cJSON 1.7.15 prints
 * %1.15g whenever that reads back within DBL_EPSILON relative (not exactly), so 0.8660254037844386
 * came out as 0.866025403784439, another double. Returns false on allocation failure. */
static bool numbers_to_text(cJSON *item)
{
    for (cJSON *child = item->child, *next; child; child = next) {
        next = child->next;
        if (cJSON_IsNumber(child)) {
            char buf[32];
            double v = child->valuedouble;
            cJSON *raw = isfinite(v) ? cJSON_CreateRaw(sg_format_number(v, buf)) : cJSON_CreateNull();
            if (!raw)
                return false;
            raw->string = child->string; /* the member's name moves over (ReplaceItemViaPointer keeps none) */
            raw->type |= child->type & cJSON_StringIsConst;
            child->string = NULL;
            cJSON_ReplaceItemViaPointer(item, child, raw); /* cannot fail: CHILD is ITEM's */
        } else if (!numbers_to_text(child)) {
            return false;
        }
    }
    return true;
}

/* Writes TEXT, printed by cJSON, with the characters cJSON leaves raw inside strings written as JSON
 * escapes too: DEL and the C1 controls (U+007F-U+009F), which a terminal may obey, U+2028 and U+2029,
 * which end a line in JavaScript, and U+FFFD for any byte that is not UTF-8 (the readers reject such
 * input, so this is a last guard: RFC 8259 text is UTF-8). cJSON already writes U+0000-U+001F, '"' and
 * '\\' as escapes. Outside strings cJSON prints only ASCII, so every such byte is inside a string. */
static void write_json_text(const char *text, FILE *stream)
{
    const char *end = text + strlen(text);
    for (const char *p = text; *p;) {
        unsigned char b = (unsigned char)*p;
        if (b < 0x7f) {
            const char *run = p;
            while ((unsigned char)*p && (unsigned char)*p < 0x7f)
                p++;
            fwrite(run, 1, (size_t)(p - run), stream);
            continue;
        }
        gunichar c = b == 0x7f ? 0x7f : g_utf8_get_char_validated(p, end - p);
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            fputs("\\ufffd", stream);
            p++;
        } else if (c <= 0x9f || c == 0x2028 || c == 0x2029) {
            fprintf(stream, "\\u%04x", (unsigned)c);
            p = g_utf8_next_char(p);
        } else {
            const char *next = g_utf8_next_char(p);
            fwrite(p, 1, (size_t)(next - p), stream);
            p = next;
        }
    }
}

bool sg_json_write(const cJSON *json, FILE *stream)
{
    cJSON *copy = cJSON_Duplicate(json, true);
    if (!copy)
        return false;
    if (cJSON_IsNumber(copy)) { /* a bare number: print it alone */
        char buf[32];
        double v = copy->valuedouble;
        cJSON_Delete(copy);
        fputs(isfinite(v) ? sg_format_number(v, buf) : "null", stream);
        fputc('\n', stream);
        return true;
    }
    char *text = numbers_to_text(copy) ? cJSON_Print(copy) : NULL;
    cJSON_Delete(copy);
    if (!text)
        return false;
    write_json_text(text, stream);
    fputc('\n', stream);
    cJSON_free(text);
    return true;
}

/* Adds KEY: the date, or null when open. */
static void add_date(cJSON *obj, const char *key, sg_date d)
{
    char buf[11];
    cJSON_AddItemToObject(obj, key, sg_date_is_open(d) ? cJSON_CreateNull() : cJSON_CreateString(sg_date_format(d, buf)));
}

/* Adds KEY: the names of the kinds in MASK. */
static void add_kinds(cJSON *obj, const char *key, unsigned mask)
{
    cJSON *list = cJSON_AddArrayToObject(obj, key);
    for (sg_kind k = SG_KIND_PERSON; k <= SG_KIND_PLACE; k++)
        if (mask & (1u << k))
            cJSON_AddItemToArray(list, cJSON_CreateString(sg_kind_name(k)));
}

cJSON *sg_json_reading(const sg_reading *r)
{
    sg_reading base;
    if (!r) {
        sg_reading_init(&base);
        r = &base;
    }
    cJSON *obj = cJSON_CreateObject();
    cJSON *hyps = cJSON_AddArrayToObject(obj, "hypotheses");
    for (size_t i = 0; i < r->n_hypotheses; i++)
        cJSON_AddItemToArray(hyps, cJSON_CreateString(r->hypotheses[i]));
    add_date(obj, "at", r->has_at ? r->at : (sg_date){0, 0, 0});
    if (r->has_between) {
        cJSON *between = cJSON_AddObjectToObject(obj, "between");
        add_date(between, "from", r->from);
        add_date(between, "to", r->to);
    } else {
        cJSON_AddNullToObject(obj, "between");
    }
    add_kinds(obj, "fold", r->fold);
    char *relations = sg_relation_set_describe(r->relations);
    cJSON_AddStringToObject(obj, "relations", relations);
    g_free(relations);
    add_kinds(obj, "kinds", r->kinds);
    static const char *const directions[] = {"default", "directed", "undirected", "mutual"};
    cJSON_AddStringToObject(obj, "direction", directions[r->direction]);
    return obj;
}

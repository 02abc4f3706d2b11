/* csvread.c: RFC 4180 CSV/TSV reading over libcsv, keeping the line and column where each field starts. */
#include <csv.h>
#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "spygraph/csvread.h"

enum { CHUNK = 1 << 16 }; /* the most bytes handed to libcsv at once */

/* Parser state passed to libcsv's callbacks. */
typedef struct reader {
    const char *file;
    GStringChunk *text;        /* field text arena */
    GArray *fields;            /* sg_csv_field, all rows */
    GArray *rows;              /* sg_csv_row with fields holding an offset until the end */
    size_t row_first_field;
    int line, column;          /* position of the next byte to feed */
    int start_line, start_column; /* where the current field starts */
    bool need_start;           /* the next non-newline byte starts a field */
    bool in_row;               /* a delimiter has been seen since the row began */
    bool prev_cr;
} reader;

static void on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    sg_csv_field f;
    f.text = g_string_chunk_insert_len(r->text, s ? s : "", (gssize)len);
    f.length = len;
    f.line = r->start_line;
    f.column = r->start_column;
    g_array_append_val(r->fields, f);
    r->need_start = true;
    r->in_row = true;
}

static void on_row(int c, void *data)
{
    (void)c;
    reader *r = data;
    sg_csv_row row;
    row.fields = (sg_csv_field *)(uintptr_t)r->row_first_field; /* fixed up in finish_rows */
    row.n_fields = r->fields->len - r->row_first_field;
    row.line = row.n_fields ? g_array_index(r->fields, sg_csv_field, r->row_first_field).line : r->start_line;
    g_array_append_val(r->rows, row);
    r->row_first_field = r->fields->len;
    r->need_start = true;
    r->in_row = false;
}

static int is_blank(unsigned char c)
{
    return c == ' ';
}

/* Moves the position past byte C. Columns count characters, not bytes. */
static void advance(reader *r, unsigned char c)
{
    if (c == '\n') {
        if (!r->prev_cr) {
            r->line++;
            r->column = 1;
        }
    } else if (c == '\r') {
        r->line++;
        r->column = 1;
    } else if ((c & 0xC0) != 0x80) {
        r->column++;
    }
    r->prev_cr = c == '\r';
}

static bool is_special(unsigned char c, char delimiter)
{
    return c == (unsigned char)delimiter || c == '\n' || c == '\r' || c == '"';
}

char sg_csv_detect_delimiter(const char *data, size_t len)
{
    bool quoted = false, comma = false, semicolon = false;
    for (size_t i = 0; i < len; i++) {
        char c = data[i];
        if (c == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == '\n' || c == '\r')
            break;
        else if (c == '\t')
            return '\t';
        else if (c == ',')
            comma = true;
        else if (c == ';')
            semicolon = true;
    }
    return comma || !semicolon ? ',' : ';';
}

void sg_text_position(const char *data, size_t offset, int *line, int *column)
{
    reader r = {.line = 1, .column = 1};
    for (size_t i = 0; i < offset; i++)
        advance(&r, (unsigned char)data[i]);
    *line = r.line;
    *column = r.column;
}

bool sg_csv_check_text(const char *file, const char *data, size_t len, sg_diag *diag)
{
    sg_origin at = {file, 1, 1};
    if (len == 0) {
        sg_diag_error(diag, &at, "empty file");
        return false;
    }
    const char *end = NULL;
    if (g_utf8_validate_len(data, len, &end))
        return true;
    size_t offset = (size_t)(end - data);
    sg_text_position(data, offset, &at.line, &at.column);
    if (data[offset] == '\0')
        sg_diag_error(diag, &at, "NUL byte in text");
    else
        sg_diag_error(diag, &at, "invalid UTF-8 (byte 0x%02X)", (unsigned char)data[offset]);
    return false;
}

static sg_csv *finish_rows(reader *r, char delimiter)
{
    sg_csv *csv = g_new0(sg_csv, 1);
    csv->delimiter = delimiter;
    csv->n_rows = r->rows->len;
    csv->rows = (sg_csv_row *)(void *)g_array_free(r->rows, FALSE);
    sg_csv_field *fields = (sg_csv_field *)(void *)g_array_free(r->fields, FALSE);
    for (size_t i = 0; i < csv->n_rows; i++)
        csv->rows[i].fields = fields + (uintptr_t)csv->rows[i].fields;
    /* The arena and the fields array are reached through the first row; keep them for sg_csv_free. */
    csv->arena_ = r->text;
    csv->fields_ = fields;
    return csv;
}

static void abandon(reader *r)
{
    g_array_free(r->fields, TRUE);
    g_array_free(r->rows, TRUE);
    g_string_chunk_free(r->text);
}

static void report_parse_error(reader *r, struct csv_parser *p, const char *data, size_t offset,
                               sg_diag *diag)
{
    sg_origin at = {r->file, 0, 0};
    int err = csv_error(p);
    if (err == CSV_EPARSE) {
        sg_text_position(data, offset, &at.line, &at.column);
        sg_diag_error(diag, &at, "malformed quoted field: a quote inside a field must be doubled, and a "
                                 "quoted field must end at a delimiter or a line end");
    } else {
        sg_text_position(data, offset, &at.line, &at.column);
        sg_diag_error(diag, &at, "cannot read the table: %s", csv_strerror(err));
    }
}

sg_csv *sg_csv_parse(const char *file, const char *data, size_t len, char delimiter, sg_diag *diag)
{
    if (!sg_csv_check_text(file, data, len, diag))
        return NULL;
    size_t begin = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (delimiter == 0)
        delimiter = sg_csv_detect_delimiter(data + begin, len - begin);

    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        sg_diag_error(diag, &(sg_origin){file, 0, 0}, "out of memory");
        return NULL;
    }
    csv_set_delim(&p, (unsigned char)delimiter);
    csv_set_space_func(&p, is_blank);
    reader r = {.file = file, .text = g_string_chunk_new(1 << 16),
                .fields = g_array_new(FALSE, FALSE, sizeof(sg_csv_field)),
                .rows = g_array_new(FALSE, FALSE, sizeof(sg_csv_row)),
                .line = 1, .column = 1, .start_line = 1, .start_column = 1, .need_start = true};
    size_t i = begin;
    while (i < len) {
        /* A chunk runs to its first special byte, or is cut at CHUNK bytes inside a long field. */
        size_t j = i, limit = len - i > CHUNK ? i + CHUNK : len;
        while (j < limit && !is_special((unsigned char)data[j], delimiter))
            j++;
        if (j < limit)
            j++; /* the chunk ends with its special byte */
        /* A field starts here, unless this is a line end outside a row (a blank line or the LF of a
         * CRLF); after a delimiter a line end starts the row's empty last field. */
        if (r.need_start && (r.in_row || (data[i] != '\n' && data[i] != '\r'))) {
            r.start_line = r.line;
            r.start_column = r.column;
            r.need_start = false;
        }
        /* libcsv grows a field's buffer by blk_size at a time: growing by its current size instead
         * keeps a long field linear, not quadratic, in its length. */
        csv_set_blk_size(&p, MAX((size_t)CHUNK, p.entry_size));
        size_t done = csv_parse(&p, data + i, j - i, on_field, on_row, &r);
        if (done != j - i) {
            report_parse_error(&r, &p, data, i + done, diag);
            csv_free(&p);
            abandon(&r);
            return NULL;
        }
        for (size_t k = i; k < j; k++)
            advance(&r, (unsigned char)data[k]);
        i = j;
    }
    if (csv_fini(&p, on_field, on_row, &r) != 0) {
        sg_origin at = {file, r.start_line, r.start_column};
        sg_diag_error(diag, &at, "unbalanced quote: the quoted field opened here never closes");
        csv_free(&p);
        abandon(&r);
        return NULL;
    }
    csv_free(&p);
    return finish_rows(&r, delimiter);
}

void sg_csv_free(sg_csv *csv)
{
    if (!csv)
        return;
    g_free(csv->fields_);
    g_string_chunk_free(csv->arena_);
    g_free(csv->rows);
    g_free(csv);
}

int sg_csv_column(const sg_csv_row *header, const char *name)
{
    for (size_t i = 0; i < header->n_fields; i++) {
        char *t = g_strstrip(g_strdup(header->fields[i].text));
        bool same = g_ascii_strcasecmp(t, name) == 0;
        g_free(t);
        if (same)
            return (int)i;
    }
    return -1;
}

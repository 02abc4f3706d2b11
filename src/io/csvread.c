/* csvread.c: RFC 4180 CSV/TSV reading over libcsv, keeping the line and column where each field starts. */
#include <csv.h>
#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "spygraph/csvread.h"
#include "textlines.h"

enum { CHUNK = 1 << 16 }; /* the most bytes handed to libcsv at once */

/* A growing array whose allocation can fail (GArray aborts instead): ITEMS holds N of CAP items of SIZE
 * bytes. */
typedef struct grow {
    char *items;
    size_t n, cap, size;
} grow;

/* Appends the SIZE bytes at ITEM; returns false (G unchanged) when memory runs out. Amortized O(1). */
static bool grow_push(grow *g, const void *item)
{
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 256;
        void *items = cap > g->cap ? g_try_realloc_n(g->items, cap, g->size) : NULL;
        if (!items)
            return false;
        g->items = items;
        g->cap = cap;
    }
    memcpy(g->items + g->n++ * g->size, item, g->size);
    return true;
}

/* The field text arena: blocks of at least ARENA_BLOCK bytes, each allocation of which can fail. */
typedef struct arena_block {
    struct arena_block *next;
    size_t used, size;
    char data[];
} arena_block;

enum { ARENA_BLOCK = 1 << 16 };

static void arena_free(arena_block *b)
{
    while (b) {
        arena_block *next = b->next;
        g_free(b);
        b = next;
    }
}

/* A NUL-terminated copy of the LEN bytes at S in the arena *HEAD, or NULL when memory runs out. */
static char *arena_copy(arena_block **head, const char *s, size_t len)
{
    arena_block *b = *head;
    if (!b || b->size - b->used < len + 1) {
        size_t size = MAX((size_t)ARENA_BLOCK, len + 1);
        if (size < len || size > G_MAXSIZE - sizeof *b || !(b = g_try_malloc(sizeof *b + size)))
            return NULL;
        b->next = *head;
        b->used = 0;
        b->size = size;
        *head = b;
    }
    char *copy = b->data + b->used;
    if (len)
        memcpy(copy, s, len);
    copy[len] = '\0';
    b->used += len + 1;
    return copy;
}

/* Parser state passed to libcsv's callbacks. */
typedef struct reader {
    const char *file;
    arena_block *text;         /* field text */
    grow fields;               /* sg_csv_field, all rows */
    grow rows;                 /* sg_csv_row with fields holding an offset until the end */
    size_t row_first_field;
    int line, column;          /* position of the next byte to feed */
    int start_line, start_column; /* where the current field starts */
    bool need_start;           /* the next non-newline byte starts a field */
    bool in_row;               /* a delimiter has been seen since the row began */
    bool prev_cr;
    bool out_of_memory;        /* an allocation failed: the rest is skipped and the parse fails */
} reader;

static void on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    sg_csv_field f;
    r->need_start = true;
    r->in_row = true;
    if (r->out_of_memory)
        return;
    f.text = arena_copy(&r->text, s ? s : "", len);
    f.length = len;
    f.line = r->start_line;
    f.column = r->start_column;
    r->out_of_memory = !f.text || !grow_push(&r->fields, &f);
}

static void on_row(int c, void *data)
{
    (void)c;
    reader *r = data;
    sg_csv_row row;
    r->need_start = true;
    r->in_row = false;
    if (r->out_of_memory)
        return;
    row.fields = (sg_csv_field *)(uintptr_t)r->row_first_field; /* fixed up in finish_rows */
    row.n_fields = r->fields.n - r->row_first_field;
    row.line = row.n_fields ? ((sg_csv_field *)(void *)r->fields.items)[r->row_first_field].line : r->start_line;
    r->out_of_memory = !grow_push(&r->rows, &row);
    r->row_first_field = r->fields.n;
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

/* The number of bytes of a UTF-8 byte-order mark at the start of the LEN bytes at DATA: 3 or 0. */
static size_t bom_length(const char *data, size_t len)
{
    return len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

void sg_text_cursor_init(sg_text_cursor *c, const char *data, size_t len)
{
    *c = (sg_text_cursor){.data = data, .offset = bom_length(data, len), .line = 1, .column = 1};
}

void sg_text_cursor_move(sg_text_cursor *c, size_t offset)
{
    reader r = {.line = c->line, .column = c->column, .prev_cr = c->prev_cr};
    for (size_t i = c->offset; i < offset; i++)
        advance(&r, (unsigned char)c->data[i]);
    if (offset > c->offset)
        c->offset = offset;
    c->line = r.line;
    c->column = r.column;
    c->prev_cr = r.prev_cr;
}

void sg_text_position(const char *data, size_t offset, int *line, int *column)
{
    sg_text_cursor c;
    sg_text_cursor_init(&c, data, offset);
    sg_text_cursor_move(&c, offset);
    *line = c.line;
    *column = c.column;
}

bool sg_csv_check_text(const char *file, const char *data, size_t len, sg_diag *diag)
{
    return sg_text_check(file, NULL, data, len, diag);
}

static void abandon(reader *r)
{
    g_free(r->fields.items);
    g_free(r->rows.items);
    arena_free(r->text);
}

/* The table R read (taken over), or NULL when memory runs out (R is then freed). */
static sg_csv *finish_rows(reader *r, char delimiter)
{
    sg_csv *csv = g_try_new0(sg_csv, 1);
    if (!csv) {
        abandon(r);
        return NULL;
    }
    csv->delimiter = delimiter;
    csv->n_rows = r->rows.n;
    csv->rows = (sg_csv_row *)(void *)r->rows.items;
    sg_csv_field *fields = (sg_csv_field *)(void *)r->fields.items;
    for (size_t i = 0; i < csv->n_rows; i++)
        csv->rows[i].fields = fields + (uintptr_t)csv->rows[i].fields;
    /* The arena and the fields array are reached through the first row; keep them for sg_csv_free. */
    csv->arena_ = r->text;
    csv->fields_ = fields;
    return csv;
}

static void report_parse_error(reader *r, struct csv_parser *p, const char *data, size_t offset,
                               sg_diag *diag)
{
    sg_origin at = {r->file, 0, 0};
    int err = csv_error(p);
    if (err == CSV_ENOMEM) {
        sg_diag_error(diag, &at, "out of memory reading the file");
    } else if (err == CSV_EPARSE) {
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
    size_t begin = bom_length(data, len);
    if (delimiter == 0)
        delimiter = sg_csv_detect_delimiter(data + begin, len - begin);

    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        sg_diag_error(diag, &(sg_origin){file, 0, 0}, "out of memory reading the file");
        return NULL;
    }
    csv_set_delim(&p, (unsigned char)delimiter);
    csv_set_space_func(&p, is_blank);
    reader r = {.file = file, .fields = {.size = sizeof(sg_csv_field)}, .rows = {.size = sizeof(sg_csv_row)},
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
        if (r.out_of_memory) {
            sg_diag_error(diag, &(sg_origin){file, 0, 0}, "out of memory reading the file");
            csv_free(&p);
            abandon(&r);
            return NULL;
        }
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
    int fini = csv_fini(&p, on_field, on_row, &r);
    if (r.out_of_memory) {
        sg_diag_error(diag, &(sg_origin){file, 0, 0}, "out of memory reading the file");
        csv_free(&p);
        abandon(&r);
        return NULL;
    }
    if (fini != 0) {
        sg_origin at = {file, r.start_line, r.start_column};
        sg_diag_error(diag, &at, "unbalanced quote: the quoted field opened here never closes");
        csv_free(&p);
        abandon(&r);
        return NULL;
    }
    csv_free(&p);
    sg_csv *csv = finish_rows(&r, delimiter);
    if (!csv)
        sg_diag_error(diag, &(sg_origin){file, 0, 0}, "out of memory reading the file");
    return csv;
}

void sg_csv_free(sg_csv *csv)
{
    if (!csv)
        return;
    g_free(csv->fields_);
    arena_free(csv->arena_);
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

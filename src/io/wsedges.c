/* wsedges.c: whitespace-separated edge lists as NetworkX writes them (write_edgelist, write_weighted_edgelist). */
#include <glib.h>
#include <string.h>

#include "foreign.h"
#include "formats.h"
#include "textlines.h"

#define WSEDGES_NAME "whitespace edge list"

/* A line of the list, split: up to three words before the attribute dictionary, the dictionary if any.
 * NetworkX writes `a b` (data=False), `a b 2.0` (write_weighted_edgelist) or `a b {'weight': 2.0}` (the
 * default: the attributes as a Python dict literal); `#` starts a comment anywhere outside a string. */
typedef struct ws_line {
    const char *word[3];
    size_t word_len[3];
    size_t words;        /* how many words there are (may be more than 3) */
    const char *dict;    /* the '{', or NULL */
    const char *end;     /* where the line's content ends (a comment or the line's end) */
} ws_line;

/* The end of the Python string literal starting at P (its opening quote), or NULL when it does not end on
 * the line. */
static const char *string_end(const char *p, const char *end)
{
    char quote = *p;
    for (p++; p < end; p++) {
        if (*p == '\\')
            p++;
        else if (*p == quote)
            return p + 1;
    }
    return NULL;
}

static void split_line(const char *line, size_t len, ws_line *out)
{
    memset(out, 0, sizeof *out);
    const char *p = line, *end = line + len;
    while (p < end) {
        if (sg_text_is_blank(*p)) {
            p++;
        } else if (*p == '#') {
            break;
        } else if (*p == '{') {
            out->dict = p;
            /* the dictionary runs to the line's end or its comment: strings may hold '#' */
            while (p < end && *p != '#') {
                const char *close = *p == '\'' || *p == '"' ? string_end(p, end) : NULL;
                p = close ? close : p + 1;
            }
            break;
        } else {
            const char *start = p;
            while (p < end && !sg_text_is_blank(*p) && *p != '#')
                p++;
            if (out->words < 3) {
                out->word[out->words] = start;
                out->word_len[out->words] = (size_t)(p - start);
            }
            out->words++;
        }
    }
    out->end = p;
}

/* Recognised in a file whose first twenty lines (comments aside) hold no tab, no comma outside an attribute
 * dictionary, and two words or more each (SIF, sniffed before, takes a third word that is not a number). */
bool sg_wsedges_sniff(const char *data, size_t len)
{
    sg_text_lines lines;
    sg_text_lines_init(&lines, data, len);
    const char *line;
    size_t n;
    int number, seen = 0;
    while (seen < 20 && sg_text_lines_next(&lines, &line, &n, &number)) {
        ws_line w;
        split_line(line, n, &w);
        const char *words_end = w.dict ? w.dict : w.end;
        if (memchr(line, '\t', (size_t)(w.end - line)) || memchr(line, ',', (size_t)(words_end - line)))
            return false;
        if (w.words == 0 && !w.dict)
            continue;
        seen++;
        if (w.words < 2)
            return false;
    }
    return seen > 0;
}

/* ---- the attribute dictionary -------------------------------------------------------------------- */

/* A Python literal being parsed: the line it is on and where. */
typedef struct literal {
    const char *line, *p, *end;
    const char *file;
    int number;
    sg_diag *diag;
} literal;

static void skip_blanks(literal *l)
{
    while (l->p < l->end && sg_text_is_blank(*l->p))
        l->p++;
}

static void literal_error(literal *l, const char *at, const char *problem)
{
    sg_diag_error(l->diag, &(sg_origin){l->file, l->number, sg_text_column(l->line, at)},
                  "not a readable whitespace edge list: %s", problem);
}

/* Appends the character of the escape at L->p (after its backslash) to S. Returns false after an error. */
static bool read_escape(literal *l, GString *s)
{
    const char *start = l->p - 1;
    char c = *l->p++;
    static const char simple[] = "\\\\''\"\"n\nr\rt\ta\ab\bf\fv\v";
    for (size_t k = 0; simple[k]; k += 2)
        if (c == simple[k]) {
            g_string_append_c(s, simple[k + 1]);
            return true;
        }
    int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (digits) {
        gunichar u = 0;
        for (int k = 0; k < digits; k++, l->p++) {
            if (l->p >= l->end || !g_ascii_isxdigit(*l->p)) {
                literal_error(l, start, "a malformed \\x, \\u or \\U escape in a string");
                return false;
            }
            u = u * 16 + (gunichar)g_ascii_xdigit_value(*l->p);
        }
        if (u == 0 || !g_unichar_validate(u)) {
            literal_error(l, start, "a string holds a character spygraph cannot keep (NUL or not Unicode)");
            return false;
        }
        g_string_append_unichar(s, u);
        return true;
    }
    if (c >= '0' && c <= '7') {
        gunichar u = (gunichar)(c - '0');
        for (int k = 1; k < 3 && l->p < l->end && *l->p >= '0' && *l->p <= '7'; k++)
            u = u * 8 + (gunichar)(*l->p++ - '0');
        if (u == 0) {
            literal_error(l, start, "a string holds a character spygraph cannot keep (NUL or not Unicode)");
            return false;
        }
        g_string_append_unichar(s, u);
        return true;
    }
    if (c == 'N') {
        literal_error(l, start, "a \\N{...} escape in a string is not read");
        return false;
    }
    g_string_append_c(s, '\\'); /* Python keeps an unknown escape as written */
    g_string_append_c(s, c);
    return true;
}

/* Reads a Python string literal ('...' or "...") at L->p into a new string (g_free), or NULL after an
 * error. */
static char *read_string(literal *l)
{
    const char *start = l->p;
    char quote = *l->p++;
    GString *s = g_string_new(NULL);
    while (l->p < l->end && *l->p != quote) {
        if (*l->p == '\\' && l->p + 1 < l->end) {
            l->p++;
            if (!read_escape(l, s)) {
                g_string_free(s, TRUE);
                return NULL;
            }
        } else {
            g_string_append_c(s, *l->p++);
        }
    }
    if (l->p >= l->end) {
        literal_error(l, start, "a string without its closing quote");
        g_string_free(s, TRUE);
        return NULL;
    }
    l->p++;
    return g_string_free(s, FALSE);
}

/* Reads a key or value at L->p: a string, a number (as written), True or False (as true, false), None (as
 * empty). Returns a new string (g_free) or NULL after an error. */
static char *read_value(literal *l)
{
    if (l->p >= l->end) {
        literal_error(l, l->p, "the attribute dictionary ends too soon");
        return NULL;
    }
    if (*l->p == '\'' || *l->p == '"')
        return read_string(l);
    const char *start = l->p;
    while (l->p < l->end && (g_ascii_isalnum(*l->p) || strchr("+-._", *l->p)))
        l->p++;
    size_t len = (size_t)(l->p - start);
    if (len == 4 && memcmp(start, "True", 4) == 0)
        return g_strdup("true");
    if (len == 5 && memcmp(start, "False", 5) == 0)
        return g_strdup("false");
    if (len == 4 && memcmp(start, "None", 4) == 0)
        return g_strdup("");
    if (sg_text_is_number(start, len))
        return g_strndup(start, len);
    if (len == 0 && strchr("[({", *start))
        literal_error(l, start, "a list, tuple or dictionary as an attribute value is not read");
    else
        literal_error(l, start, "expected a string, a number, True, False or None");
    return NULL;
}

/* Reads the dictionary at DICT into tie EDGE's attributes. */
static void read_dict(sg_foreign *f, int edge, literal *l)
{
    l->p++; /* '{' */
    skip_blanks(l);
    if (l->p < l->end && *l->p == '}') {
        l->p++;
    } else {
        for (;;) {
            skip_blanks(l);
            char *key = read_value(l);
            if (!key)
                return;
            skip_blanks(l);
            if (l->p >= l->end || *l->p != ':') {
                literal_error(l, l->p, "expected ':' after an attribute's name");
                g_free(key);
                return;
            }
            l->p++;
            skip_blanks(l);
            const char *value_at = l->p;
            char *value = read_value(l);
            if (!value) {
                g_free(key);
                return;
            }
            sg_foreign_edge_attr(f, edge, key, value,
                                 &(sg_origin){l->file, l->number, sg_text_column(l->line, value_at)});
            g_free(key);
            g_free(value);
            skip_blanks(l);
            if (l->p < l->end && *l->p == ',') {
                l->p++;
                skip_blanks(l);
                if (l->p < l->end && *l->p == '}') {
                    l->p++;
                    break;
                }
                continue;
            }
            if (l->p < l->end && *l->p == '}') {
                l->p++;
                break;
            }
            literal_error(l, l->p, "expected ',' or '}' in the attribute dictionary");
            return;
        }
    }
    skip_blanks(l);
    if (l->p < l->end)
        literal_error(l, l->p, "text after the attribute dictionary");
}

/* ---- reading ------------------------------------------------------------------------------------- */

sg_network *sg_wsedges_read(const char *name, const char *data, size_t len, sg_diag *diag)
{
    if (!sg_text_check(name, WSEDGES_NAME, data, len, diag))
        return NULL;
    sg_foreign *f = sg_foreign_new(name, WSEDGES_NAME, data, len, diag);
    const char *file = sg_foreign_file(f);
    sg_text_lines lines;
    sg_text_lines_init(&lines, data, len);
    const char *line;
    size_t n;
    int number;
    while (sg_text_lines_next(&lines, &line, &n, &number)) {
        ws_line w;
        split_line(line, n, &w);
        if (w.words == 0 && !w.dict)
            continue;
        sg_origin at = {file, number, sg_text_column(line, w.words ? w.word[0] : w.dict)};
        if (w.words == 0 || (w.words < 2 && w.dict)) {
            sg_diag_error(diag, &at, "not a readable whitespace edge list: a tie needs a source and a target "
                          "before its attributes");
            continue;
        }
        if (w.words > 3 || (w.words == 3 && w.dict)) {
            sg_diag_error(diag, &at, "not a readable whitespace edge list: %zu words: expected a source, a target, "
                          "and a weight or an attribute dictionary", w.words + (w.dict ? 1 : 0));
            continue;
        }
        char *source_id = g_strndup(w.word[0], w.word_len[0]);
        int source = sg_foreign_node(f, source_id, &at);
        g_free(source_id);
        if (w.words == 1 || source < 0)
            continue; /* a node alone */
        sg_origin t_at = {file, number, sg_text_column(line, w.word[1])};
        char *target_id = g_strndup(w.word[1], w.word_len[1]);
        int target = sg_foreign_node(f, target_id, &t_at);
        g_free(target_id);
        if (target < 0)
            continue;
        if (w.words == 3 && !sg_text_is_number(w.word[2], w.word_len[2])) {
            sg_diag_error(diag, &(sg_origin){file, number, sg_text_column(line, w.word[2])},
                          "not a readable whitespace edge list: '%.*s' is neither a weight nor an attribute "
                          "dictionary", (int)w.word_len[2], w.word[2]);
            continue;
        }
        int edge = sg_foreign_edge(f, source, target, SG_TIE_AS_RELATION, &at);
        if (w.words == 3) {
            char *weight = g_strndup(w.word[2], w.word_len[2]);
            sg_origin w_at = {file, number, sg_text_column(line, w.word[2])};
            sg_foreign_edge_attr(f, edge, "weight", weight, &w_at);
            g_free(weight);
        }
        if (w.dict) {
            literal l = {line, w.dict, w.end, file, number, diag};
            read_dict(f, edge, &l);
        }
    }
    return sg_foreign_finish(f);
}

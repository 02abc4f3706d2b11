/* dl.c: UCINET DL files (fullmatrix, edgelist1, nodelist1) read through igraph as directed networks. */
#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "foreign.h"
#include "formats.h"
#include "textlines.h"

#define DL_NAME "UCINET DL"
#define MAX_VERTICES 1000000 /* a line may ask for them all: 1e6 vertices cost about 0.4 GB read, and more to write */

/* ---- sniffing ------------------------------------------------------------------------------------ */

/* The first token of the LEN bytes at DATA is `dl` (any case) and the next one starts with n (n=, nr=,
 * nm=). */
bool sg_dl_sniff(const char *data, size_t len)
{
    size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && g_ascii_isspace(data[i]))
        i++;
    if (i + 2 >= len || g_ascii_strncasecmp(data + i, "dl", 2) != 0 || !g_ascii_isspace(data[i + 2]))
        return false;
    i += 2;
    while (i < len && g_ascii_isspace(data[i]))
        i++;
    return i < len && (data[i] == 'n' || data[i] == 'N');
}

/* ---- reading ------------------------------------------------------------------------------------- */

/* Where a line starts (case-insensitively) with WORD after blanks. */
static bool line_starts(const char *line, size_t len, const char *word)
{
    while (len > 0 && sg_text_is_blank(*line)) {
        line++;
        len--;
    }
    size_t n = strlen(word);
    return len >= n && g_ascii_strncasecmp(line, word, n) == 0;
}

/* The vertex count of the header `dl n=N` (or `n = N`) on its first line, or -1. */
static long header_count(const char *line, size_t len)
{
    for (size_t k = 1; k < len; k++) {
        if ((line[k] != 'n' && line[k] != 'N') || !sg_text_is_blank(line[k - 1]))
            continue;
        size_t q = k + 1;
        while (q < len && sg_text_is_blank(line[q]))
            q++;
        if (q < len && line[q] == '=') {
            for (q++; q < len && sg_text_is_blank(line[q]); q++)
                ;
            return q < len && g_ascii_isdigit(line[q]) ? (long)g_ascii_strtoll(line + q, NULL, 10) : -1;
        }
    }
    return -1;
}

/* Checks a data line of a fullmatrix (LEN bytes at LINE, line NUMBER): every number is 0 or 1 (words are
 * embedded labels). Returns false after an error in DIAG. */
static bool bad_matrix_value(const char *name, const char *line, size_t len, int number, bool embedded,
                             sg_diag *diag)
{
    for (size_t k = 0; k < len;) {
        if (sg_text_is_blank(line[k]) || line[k] == ',') {
            k++;
            continue;
        }
        size_t start = k;
        while (k < len && !sg_text_is_blank(line[k]) && line[k] != ',')
            k++;
        bool numeric = g_ascii_isdigit(line[start]) || line[start] == '-' || line[start] == '.';
        if ((numeric || !embedded) && !(k - start == 1 && (line[start] == '0' || line[start] == '1'))) {
            sg_diag_error(diag, &(sg_origin){name, number, sg_text_column(line, line + start)},
                          "not a readable UCINET DL file: the fullmatrix value '%.*s' (igraph reads a fullmatrix "
                          "of 0 and 1 only, one value per blank-separated column)", (int)(k - start), line + start);
            return false;
        }
    }
    return true;
}

/* The text handed to igraph, line for line the file's (so igraph's line numbers are the file's):
 * - igraph 0.10's lexer keeps the blanks after a label of a `labels:` list as part of it ("alice " from
 *   "alice bob"), and takes only commas, spaces and line ends between labels (a tab is an error): every
 *   blank and double quote between `labels:` and `data:` becomes a comma, so labels may be separated by
 *   blanks, commas or line ends, and quoted (without blanks inside);
 * - a file without labels gets the labels 1..N (before `data:`, on its line), so its vertices keep the
 *   numbers the file gives them (igraph would number them from 0).
 * Counts the labels of a `labels:` list into *N_LABELS (-1 without one) and gives its line. A fullmatrix
 * value other than 0 or 1 (which igraph rejects without saying where) is an error at its place in DIAG:
 * returns NULL then. */
static GString *prepare(const char *name, const char *data, size_t len, long *count, long *n_labels,
                        int *labels_line, sg_diag *diag)
{
    GString *text = g_string_sized_new(len + 16);
    *n_labels = -1;
    *count = -1;
    sg_text_lines lines;
    sg_text_lines_init(&lines, data, len);
    const char *line;
    size_t n;
    int number;
    bool in_labels = false, labelled = false, in_data = false, fullmatrix = true, embedded = false;
    while (sg_text_lines_next(&lines, &line, &n, &number)) {
        size_t from = 0;
        if (number == 1)
            *count = header_count(line, n);
        char *lower = in_data ? NULL : g_ascii_strdown(line, (gssize)n);
        if (lower && strstr(lower, "format") && number == 1) {
            sg_diag_error(diag, &(sg_origin){name, 1, sg_text_column(line, line + (strstr(lower, "format") - lower))},
                          "not a readable UCINET DL file: `format =` on the `dl` line (igraph 0.10 reads each header "
                          "keyword on a line of its own)");
            g_free(lower);
            g_string_free(text, TRUE);
            return NULL;
        }
        if (lower && line_starts(line, n, "format"))
            fullmatrix = strstr(lower, "fullmatrix") != NULL;
        g_free(lower);
        if (!in_data && line_starts(line, n, "labels embedded"))
            embedded = true;
        if (in_data && fullmatrix && !bad_matrix_value(name, line, n, number, embedded, diag)) {
            g_string_free(text, TRUE);
            return NULL;
        }
        if (!in_data && !in_labels && line_starts(line, n, "labels:")) {
            in_labels = labelled = true;
            *n_labels = 0;
            *labels_line = number;
            from = (size_t)((const char *)memchr(line, ':', n) - line) + 1;
        } else if (!in_data && line_starts(line, n, "labels")) {
            labelled = true; /* labels embedded */
        } else if (!in_data && line_starts(line, n, "data:")) {
            in_data = true;
            in_labels = false;
            if (!labelled && *count > 0 && *count <= MAX_VERTICES) {
                g_string_append(text, "labels:");
                for (long v = 1; v <= *count; v++)
                    g_string_append_printf(text, "%ld,", v);
            }
        }
        g_string_append_len(text, line, (gssize)from);
        bool in_label = false;
        for (size_t k = from; k < n; k++) {
            char c = line[k];
            if (in_labels && (sg_text_is_blank(c) || c == '"' || c == ','))
                c = ',';
            if (in_labels && c != ',' && !in_label)
                (*n_labels)++;
            in_label = c != ',';
            g_string_append_c(text, c);
        }
        g_string_append_c(text, '\n');
    }
    return text;
}

static igraph_error_t read_dl(igraph_t *graph, FILE *stream)
{
    return igraph_read_graph_dl(graph, stream, true);
}

sg_network *sg_dl_read(const char *name, const char *data, size_t len, sg_diag *diag)
{
    if (!sg_text_check(name, DL_NAME, data, len, diag))
        return NULL;
    long count, n_labels;
    int labels_line = 0;
    GString *text = prepare(name, data, len, &count, &n_labels, &labels_line, diag);
    if (!text)
        return NULL;
    if (count > MAX_VERTICES) { /* igraph makes every vertex, and spygraph labels those without */
        sg_diag_error(diag, &(sg_origin){name, 1, 1}, "n=%ld: more vertices than spygraph reads from a UCINET DL "
                      "file (%d)", count, MAX_VERTICES);
        g_string_free(text, TRUE);
        return NULL;
    }
    if (n_labels >= 0 && count >= 0 && n_labels != count) {
        sg_diag_error(diag, &(sg_origin){name, labels_line, 1},
                      "not a readable UCINET DL file: %ld labels for n=%ld vertices", n_labels, count);
        g_string_free(text, TRUE);
        return NULL;
    }
    FILE *stream = text->len ? fmemopen(text->str, text->len, "r") : NULL;
    sg_network *net = NULL;
    if (!stream) {
        sg_diag_error(diag, &(sg_origin){name, 1, 1}, "not a readable UCINET DL file: %s",
                      text->len ? g_strerror(errno) : "the file is empty");
    } else {
        sg_foreign *f = sg_foreign_new(name, DL_NAME, data, len, diag);
        static const char *const id_attrs[] = {"name", NULL};
        bool ok = sg_foreign_read_igraph(f, read_dl, stream, id_attrs);
        fclose(stream);
        if (ok)
            net = sg_foreign_finish(f);
        else
            sg_foreign_free(f);
    }
    g_string_free(text, TRUE);
    return net;
}

/* gml.c: GML (Graph Modelling Language): read through igraph, written with every attribute it can hold. */
#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "foreign.h"
#include "formats.h"
#include "spygraph/output.h"
#include "textlines.h"

#define GML_NAME "GML"

/* ---- sniffing ------------------------------------------------------------------------------------ */

static bool is_key_start(char c)
{
    return g_ascii_isalpha(c) || c == '_';
}

static bool is_key_char(char c)
{
    return g_ascii_isalnum(c) || c == '_';
}

bool sg_gml_sniff(const char *data, size_t len)
{
    /* Top-level key-value pairs (Creator "...", Version 1) and comments may come before `graph [`. */
    size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    size_t limit = len < 4096 ? len : 4096;
    while (i < limit) {
        char c = data[i];
        if (g_ascii_isspace(c)) {
            i++;
        } else if (c == '#') {
            while (i < limit && data[i] != '\n' && data[i] != '\r')
                i++;
        } else if (is_key_start(c)) {
            size_t start = i;
            while (i < limit && is_key_char(data[i]))
                i++;
            bool graph = i - start == 5 && g_ascii_strncasecmp(data + start, "graph", 5) == 0;
            while (i < limit && g_ascii_isspace(data[i]))
                i++;
            if (graph)
                return i < limit && data[i] == '[';
            if (i < limit && data[i] == '"') { /* the value: a string, or a number read as a token */
                for (i++; i < limit && data[i] != '"'; i++)
                    ;
                i++;
            } else {
                while (i < limit && (g_ascii_isalnum(data[i]) || strchr("+-.", data[i])))
                    i++;
                if (i < limit && !g_ascii_isspace(data[i]) && data[i] != '#')
                    return false;
            }
        } else {
            return false;
        }
    }
    return false;
}

/* ---- reading ------------------------------------------------------------------------------------- */

/* The text handed to igraph, prepared so that igraph reads what NetworkX and the GML convention mean:
 * - strings: numeric character references (&#233; &#x4E2D;, which NetworkX writes and igraph 0.10 leaves
 *   as they are) become the characters, except " and &, which become &quot; and &amp; (igraph decodes
 *   those);
 * - comments are blanked (igraph takes `#` only at the start of a line, NetworkX anywhere outside a string);
 * - the graph's `multigraph` flag (every spygraph network may hold parallel ties) and NetworkX's `key` of
 *   an edge (which only tells parallel edges apart) are blanked;
 * - the graph is made directed and every edge without a `directed` key of its own is given the graph's
 *   (`directed 0` in an undirected graph): igraph turns an undirected graph's edges end for end (from the
 *   higher vertex to the lower), which would reverse a tie marked `directed 1`, and each tie's direction
 *   then comes from its own key.
 * Insertions stay on their line. A decoded line break adds a line that the file does not have:
 * ORIGINAL_LINE maps each line of the text (from 1) to the file's. */
typedef struct gml_text {
    GString *text;
    GArray *original_line; /* int, indexed by the text's line number; [0] unused */
} gml_text;

/* The kinds of GML token, as igraph's and NetworkX's lexers see them. */
typedef enum gml_token { T_SPACE, T_BREAK, T_COMMENT, T_STRING, T_KEY, T_OPEN, T_CLOSE, T_VALUE } gml_token;

/* The token at P (before END): its kind, and its end in *NEXT. */
static gml_token next_token(const char *p, const char *end, const char **next)
{
    const char *q = p + 1;
    gml_token kind;
    if (*p == '\r' || *p == '\n') {
        kind = T_BREAK;
        if (*p == '\r' && q < end && *q == '\n')
            q++;
    } else if (g_ascii_isspace(*p)) {
        kind = T_SPACE;
    } else if (*p == '"') {
        const char *close = memchr(q, '"', (size_t)(end - q));
        q = close ? close + 1 : end;
        kind = T_STRING;
    } else if (*p == '#') {
        while (q < end && *q != '\n' && *q != '\r')
            q++;
        kind = T_COMMENT;
    } else if (is_key_start(*p)) {
        while (q < end && is_key_char(*q))
            q++;
        kind = T_KEY;
    } else if (*p == '[' || *p == ']') {
        kind = *p == '[' ? T_OPEN : T_CLOSE;
    } else {
        while (q < end && !g_ascii_isspace(*q) && !strchr("[]\"#", *q))
            q++;
        kind = T_VALUE;
    }
    *next = q;
    return kind;
}

static bool token_is(const char *p, const char *next, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(next - p) == n && memcmp(p, word, n) == 0;
}

/* The code point of the reference at P ("&#...;"), its length in *LEN; -1 when it is not one that
 * names a character spygraph can hold (NUL, a surrogate, beyond U+10FFFF, or malformed). */
static long numeric_reference(const char *p, const char *end, size_t *len)
{
    const char *q = p + 2;
    bool hex = q < end && (*q == 'x' || *q == 'X');
    if (hex)
        q++;
    long cp = 0;
    const char *digits = q;
    while (q < end && (hex ? g_ascii_isxdigit(*q) : g_ascii_isdigit(*q)) && q - digits < 8) {
        cp = cp * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value(*q) : *q - '0');
        q++;
    }
    if (q == digits || q >= end || *q != ';')
        return -1;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    *len = (size_t)(q + 1 - p);
    return cp;
}

/* Notes in T's line map that a line of the text begins: after a line break of the file (FILE_LINE moves on)
 * or after one decoded from a reference (INSERTED: still the same line of the file). */
static void note_break(gml_text *t, int *file_line, bool inserted)
{
    if (!inserted)
        (*file_line)++;
    g_array_append_val(t->original_line, *file_line);
}

/* Appends FROM..TO to T with every byte but line breaks made a blank. */
static void blank_out(gml_text *t, const char *from, const char *to, int *file_line)
{
    for (const char *q = from; q < to; q++) {
        g_string_append_c(t->text, *q == '\n' || *q == '\r' ? *q : ' ');
        if ((*q == '\n' && !(q > from && q[-1] == '\r')) || *q == '\r')
            note_break(t, file_line, false);
    }
}

/* Appends the string token FROM..TO (its quotes included) to T, its numeric references decoded. */
static void decode_string(gml_text *t, const char *from, const char *to, int *file_line)
{
    bool last_cr = false;
    for (const char *p = from; p < to; p++) {
        size_t n = 0;
        long cp = *p == '&' && p + 1 < to && p[1] == '#' ? numeric_reference(p, to, &n) : -1;
        if (cp < 0) {
            g_string_append_c(t->text, *p);
            if ((*p == '\n' && !last_cr) || *p == '\r')
                note_break(t, file_line, false);
            last_cr = *p == '\r';
            continue;
        }
        if (cp == '"')
            g_string_append(t->text, "&quot;");
        else if (cp == '&')
            g_string_append(t->text, "&amp;");
        else
            g_string_append_unichar(t->text, (gunichar)cp);
        if ((cp == '\n' && !last_cr) || cp == '\r')
            note_break(t, file_line, true);
        last_cr = cp == '\r';
        p += n - 1;
    }
}

/* The first key of the list whose contents start at P (after its '[') and end at its ']', at that list's
 * own level, that is WORD: its value token in *VALUE and *VALUE_END; false when there is none. */
static bool list_key(const char *p, const char *end, const char *word, const char **value, const char **value_end)
{
    int depth = 0;
    bool found = false;
    for (const char *next; p < end; p = next) {
        gml_token kind = next_token(p, end, &next);
        if (kind == T_OPEN) {
            depth++;
        } else if (kind == T_CLOSE) {
            if (--depth < 0)
                return false;
        } else if (kind == T_KEY && depth == 0 && !found) {
            found = token_is(p, next, word);
            continue;
        }
        if (found && kind != T_SPACE && kind != T_BREAK && kind != T_COMMENT) {
            *value = p;
            *value_end = next;
            return depth == 0 && (kind == T_VALUE || kind == T_STRING || kind == T_KEY);
        }
    }
    return false;
}

static void prepare(gml_text *t, const char *data, size_t len)
{
    t->text = g_string_sized_new(len + 1);
    t->original_line = g_array_new(FALSE, FALSE, sizeof(int));
    int file_line = 1, zero = 0;
    g_array_append_val(t->original_line, zero);
    g_array_append_val(t->original_line, file_line);
    const char *p = data, *end = data + len;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    int depth = 0;
    bool directed = false;   /* the graph's own direction (GML's default: undirected) */
    bool blank_value = false; /* the value after a blanked key */
    bool in_edge = false;     /* in an edge's list (depth 2) */
    const char *last_key = NULL, *last_key_end = NULL;
    const char *graph_directed = NULL; /* the graph's `directed` value, made 1 */
    for (const char *next; p < end; p = next) {
        gml_token kind = next_token(p, end, &next);
        switch (kind) {
        case T_BREAK:
            g_string_append_len(t->text, p, next - p);
            note_break(t, &file_line, false);
            continue;
        case T_SPACE:
            g_string_append_c(t->text, *p);
            continue;
        case T_COMMENT:
            blank_out(t, p, next, &file_line);
            continue;
        case T_STRING:
            if (blank_value)
                blank_out(t, p, next, &file_line);
            else
                decode_string(t, p, next, &file_line);
            break;
        case T_KEY:
            if (!blank_value &&
                ((depth == 1 && token_is(p, next, "multigraph")) ||
                 (depth == 2 && in_edge && token_is(p, next, "key")))) {
                blank_out(t, p, next, &file_line);
                blank_value = true;
                continue;
            }
            if (blank_value)
                blank_out(t, p, next, &file_line);
            else
                g_string_append_len(t->text, p, next - p);
            break;
        case T_VALUE:
            if (blank_value)
                blank_out(t, p, next, &file_line);
            else if (p == graph_directed)
                g_string_append_printf(t->text, "%-*s", (int)(next - p), "1");
            else
                g_string_append_len(t->text, p, next - p);
            break;
        case T_OPEN: {
            g_string_append_c(t->text, '[');
            const char *value, *value_end;
            bool is_graph = depth == 0 && last_key && token_is(last_key, last_key_end, "graph");
            bool is_edge = depth == 1 && last_key && token_is(last_key, last_key_end, "edge");
            if (is_graph && list_key(next, end, "directed", &value, &value_end)) {
                directed = !token_is(value, value_end, "0");
                graph_directed = value;
            } else if (is_graph) {
                g_string_append(t->text, " directed 1 ");
            }
            if (is_edge && !list_key(next, end, "directed", &value, &value_end))
                g_string_append_printf(t->text, " directed %d ", directed ? 1 : 0);
            in_edge = depth == 1 ? is_edge : in_edge;
            depth++;
            break;
        }
        case T_CLOSE:
            g_string_append_c(t->text, ']');
            depth--;
            break;
        }
        blank_value = false;
        if (kind == T_KEY) {
            last_key = p;
            last_key_end = next;
        }
    }
}

/* Moves the positions of the messages from index FIRST of DIAG on FILE from the text's lines to the file's,
 * and the "line N" igraph writes inside them likewise. */
static void map_lines(const gml_text *t, sg_diag *diag, size_t first, const char *file)
{
    for (size_t i = first; i < diag->count; i++) {
        sg_diagnostic *d = &diag->items[i];
        if (d->line <= 0 || !d->file || strcmp(d->file, file) != 0 || (guint)d->line >= t->original_line->len)
            continue;
        int mapped = g_array_index(t->original_line, int, d->line);
        char *said = g_strdup_printf("line %d", d->line);
        char *at = strstr(d->message, said);
        if (at && !g_ascii_isdigit(at[strlen(said)])) {
            char *message = g_strdup_printf("%.*sline %d%s", (int)(at - d->message), d->message, mapped,
                                            at + strlen(said));
            g_free(d->message);
            d->message = message;
        }
        g_free(said);
        d->line = mapped;
    }
}

static igraph_error_t read_gml(igraph_t *graph, FILE *stream)
{
    return igraph_read_graph_gml(graph, stream);
}

sg_network *sg_gml_read(const char *name, const char *data, size_t len, sg_diag *diag)
{
    if (!sg_text_check(name, GML_NAME, data, len, diag))
        return NULL;
    gml_text t;
    prepare(&t, data, len);
    sg_network *net = NULL;
    FILE *stream = t.text->len ? fmemopen(t.text->str, t.text->len, "r") : NULL;
    if (!stream) {
        sg_diag_error(diag, &(sg_origin){name, 1, 1}, "not a readable GML file: %s",
                      t.text->len ? g_strerror(errno) : "the file is empty");
    } else {
        sg_foreign *f = sg_foreign_new(name, GML_NAME, data, len, diag);
        /* NetworkX writes the node's key as its label (and a number as its id): the label is the id. */
        static const char *const id_attrs[] = {"label", "id", NULL};
        size_t first = diag->count;
        bool ok = sg_foreign_read_igraph(f, read_gml, stream, id_attrs);
        fclose(stream);
        map_lines(&t, diag, first, sg_foreign_file(f));
        if (ok)
            net = sg_foreign_finish(f);
        else
            sg_foreign_free(f);
    }
    g_string_free(t.text, TRUE);
    g_array_free(t.original_line, TRUE);
    return net;
}

/* ---- writing ------------------------------------------------------------------------------------- */

/* Writes TEXT as a GML string: printable ASCII as it is, " and & as &quot; and &amp; (which NetworkX and
 * igraph both decode), every other character (control characters, non-ASCII) as a decimal character
 * reference &#N; as NetworkX writes them (GML files are 7-bit ASCII; NetworkX decodes these, spygraph's
 * reader too). */
static void write_string(FILE *stream, const char *text)
{
    fputc('"', stream);
    for (const char *p = text; *p;) {
        unsigned char c = (unsigned char)*p;
        if (c == '"') {
            fputs("&quot;", stream);
            p++;
        } else if (c == '&') {
            fputs("&amp;", stream);
            p++;
        } else if (c >= 0x20 && c < 0x7f) {
            fputc(c, stream);
            p++;
        } else {
            gunichar u = g_utf8_get_char_validated(p, -1);
            if (u == (gunichar)-1 || u == (gunichar)-2) { /* never in the model: its texts are UTF-8 */
                u = 0xFFFD;
                p++;
            } else {
                p = g_utf8_next_char(p);
            }
            fprintf(stream, "&#%u;", (unsigned)u);
        }
    }
    fputc('"', stream);
}

/* Writes V as a GML real: the shortest text that reads back, always with a decimal point (NetworkX reads
 * "1" as an integer and "1e-05" not at all). */
static void write_real(FILE *stream, double v)
{
    char buf[40];
    sg_format_number(v, buf);
    char *e = strchr(buf, 'e');
    if (strchr(buf, '.'))
        fputs(buf, stream);
    else if (e)
        fprintf(stream, "%.*s.0%s", (int)(e - buf), buf, e);
    else
        fprintf(stream, "%s.0", buf);
}

static void write_key_string(FILE *stream, const char *indent, const char *key, const char *value)
{
    fprintf(stream, "%s%s ", indent, key);
    write_string(stream, value ? value : "");
    fputc('\n', stream);
}

/* LIST joined by ';' (g_free). */
static char *join_list(const char *const *list)
{
    return g_strjoinv(";", (char **)list);
}

/* The keys written for the N extra attributes NAMES of WHAT ("node", "tie") of the network FILE: each name
 * with every character a GML key cannot hold (anything but ASCII letters, digits and _) made _ and an x
 * before a first character that is not a letter, with a warning in DIAG; then renamed by the exports' rule
 * (sg_export_extra_names) where it stands for another field (RESERVED) or meets a name before it. Returns a
 * NULL-terminated array (g_strfreev). */
static char **extra_keys(const char *const *names, size_t n, const char *const *reserved, const char *file,
                         const char *what, sg_diag *diag)
{
    char **keys = g_new0(char *, n + 1);
    for (size_t i = 0; i < n; i++) {
        GString *key = g_string_new(NULL);
        for (const char *p = names[i]; *p; p = g_utf8_next_char(p))
            g_string_append_c(key, is_key_char(*p) ? *p : '_');
        if (key->len == 0 || !g_ascii_isalpha(key->str[0]))
            g_string_prepend_c(key, 'x');
        if (strcmp(key->str, names[i]) != 0)
            sg_diag_warning(diag, &(sg_origin){file, 0, 0},
                            "the %s attribute '%s' is written as '%s': a GML key holds ASCII letters, digits and _, "
                            "and starts with a letter", what, names[i], key->str);
        keys[i] = g_string_free(key, FALSE);
    }
    char **out = sg_export_extra_names((const char *const *)keys, n, reserved, file, what, diag);
    g_strfreev(keys);
    return out;
}

/* True when two ties of NET join the same ends (in the same direction when DIRECTED): NetworkX then needs
 * `multigraph 1`. */
static bool has_parallel_ties(const sg_network *net, bool directed)
{
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    bool found = false;
    for (size_t i = 0; i < net->n_edges && !found; i++) {
        int s = net->edges[i].source, t = net->edges[i].target;
        if (!directed && s > t) {
            int swap = s;
            s = t;
            t = swap;
        }
        char *key = g_strdup_printf("%d %d", s, t);
        found = !g_hash_table_add(seen, key);
    }
    g_hash_table_destroy(seen);
    return found;
}

static const char *const node_reserved[] = {"id", "label", "name", "kind", "affiliation", "codenames", "aliases",
                                            "native_name", "note", "sources", "start", "end", "affiliation_label",
                                            "graphics", "LabelGraphics", NULL};
static const char *const edge_reserved[] = {"id", "label", "key", "source", "target", "relation", "directed",
                                            "type", "family", "start", "end", "confidence", "weight", "sources",
                                            "note", "graphics", "LabelGraphics", NULL};

bool sg_gml_write(const sg_network *net, const sg_export_info *info, FILE *stream, sg_diag *diag)
{
    bool directed = sg_export_graph_directed(net);
    char buf[SG_DATE_TEXT_MAX];
    fputs("Creator ", stream);
    char *creator = g_strdup_printf("spygraph %s", info && info->version ? info->version : "");
    write_string(stream, g_strstrip(creator));
    g_free(creator);
    fprintf(stream, "\ngraph [\n  directed %d\n", directed ? 1 : 0);
    if (has_parallel_ties(net, directed))
        fputs("  multigraph 1\n", stream);
    if (net->title && *net->title)
        write_key_string(stream, "  ", "label", net->title);
    if (net->description && *net->description)
        write_key_string(stream, "  ", "description", net->description);
    char **node_keys = extra_keys(net->extra_attrs, net->n_extra_attrs, node_reserved, net->name, "node", diag);
    char **edge_keys = extra_keys(net->edge_extra_attrs, net->n_edge_extra_attrs, edge_reserved, net->name, "tie",
                                  diag);
    for (size_t i = 0; i < net->n_nodes; i++) {
        const sg_node *n = &net->nodes[i];
        fprintf(stream, "  node [\n    id %zu\n", i);
        write_key_string(stream, "    ", "label", n->id);
        write_key_string(stream, "    ", "name", n->label);
        write_key_string(stream, "    ", "kind", sg_kind_name(n->kind));
        write_key_string(stream, "    ", "affiliation", n->affiliation);
        char *list = join_list(n->codenames);
        write_key_string(stream, "    ", "codenames", list);
        g_free(list);
        write_key_string(stream, "    ", "native_name", n->native_name);
        write_key_string(stream, "    ", "start", sg_date_format(n->when.start, buf));
        write_key_string(stream, "    ", "end", sg_date_format(n->when.end, buf));
        write_key_string(stream, "    ", "note", n->note);
        list = join_list(n->sources);
        write_key_string(stream, "    ", "sources", list);
        g_free(list);
        const char *label = sg_export_affiliation_label(net, n);
        if (*label) /* only where there is one: the other nodes' affiliations have none */
            write_key_string(stream, "    ", "affiliation_label", label);
        for (size_t k = 0; k < net->n_extra_attrs; k++)
            write_key_string(stream, "    ", node_keys[k], n->extra ? n->extra[k] : "");
        fputs("  ]\n", stream);
    }
    for (size_t i = 0; i < net->n_edges; i++) {
        const sg_edge *e = &net->edges[i];
        fprintf(stream, "  edge [\n    source %d\n    target %d\n", e->source, e->target);
        write_key_string(stream, "    ", "relation", e->relation->name);
        fprintf(stream, "    directed %d\n", sg_export_tie_directed(net, e) ? 1 : 0);
        write_key_string(stream, "    ", "family", sg_family_name(e->relation->family));
        write_key_string(stream, "    ", "start", sg_date_format(e->when.start, buf));
        write_key_string(stream, "    ", "end", sg_date_format(e->when.end, buf));
        fputs("    confidence ", stream);
        write_real(stream, e->confidence);
        fputs("\n    weight ", stream);
        write_real(stream, e->weight);
        fputc('\n', stream);
        char *list = join_list(e->sources);
        write_key_string(stream, "    ", "sources", list);
        g_free(list);
        write_key_string(stream, "    ", "note", e->note);
        for (size_t k = 0; k < net->n_edge_extra_attrs; k++)
            write_key_string(stream, "    ", edge_keys[k], e->extra ? e->extra[k] : "");
        fputs("  ]\n", stream);
    }
    fputs("]\n", stream);
    g_strfreev(node_keys);
    g_strfreev(edge_keys);
    return true;
}

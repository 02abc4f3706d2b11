/* pajek.c: Pajek .net networks: read by spygraph's own reader (Pajek's and NetworkX's dialects), written. */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "foreign.h"
#include "formats.h"
#include "spygraph/output.h"
#include "textlines.h"

/* Why not igraph's reader: igraph 0.10.2 gives a file holding both *Arcs and *Edges the direction of its
 * last section (every tie directed, or every tie undirected), and rejects NetworkX's write_pajek output
 * whenever a node or tie has an attribute ("syntax error, unexpected ALNUM"). */

#define PAJEK_NAME "Pajek"
#define MAX_VERTICES 1000000 /* a line may ask for them all: 1e6 vertices cost about 0.4 GB read, and more to write */

/* ---- sniffing ------------------------------------------------------------------------------------ */

/* True when the LEN bytes at P start with the section keyword WORD (any case) followed by a blank or the
 * line's end. */
static bool starts_section(const char *p, size_t len, const char *word)
{
    size_t n = strlen(word);
    return len >= n && g_ascii_strncasecmp(p, word, n) == 0 && (len == n || !g_ascii_isalpha(p[n]));
}

bool sg_pajek_sniff(const char *data, size_t len)
{
    sg_text_lines lines;
    sg_text_lines_init(&lines, data, len);
    const char *line;
    size_t n;
    int number;
    while (sg_text_lines_next(&lines, &line, &n, &number)) {
        while (n > 0 && sg_text_is_blank(*line)) {
            line++;
            n--;
        }
        if (n == 0 || *line == '%')
            continue;
        return starts_section(line, n, "*vertices") || starts_section(line, n, "*network") ||
               starts_section(line, n, "*arcs") || starts_section(line, n, "*edges");
    }
    return false;
}

/* ---- reading ------------------------------------------------------------------------------------- */

/* One token of a line: its text (quotes removed, g_free) and its column. */
typedef struct token {
    char *text;
    int column;
    bool quoted;
} token;

typedef enum section {
    S_NONE,       /* before the first section */
    S_VERTICES,
    S_ARCS,
    S_EDGES,
    S_ARCSLIST,
    S_EDGESLIST,
    S_MATRIX,
    S_END         /* a section spygraph does not read: the rest of the file is not read */
} section;

typedef struct pajek_reader {
    sg_foreign *f;
    const char *file;
    sg_diag *diag;
    long n_vertices;      /* from *Vertices; -1 when there was none (ties then name their nodes) */
    int *node_of;         /* node index of vertex k (1-based; 0 unused), -1 until known */
    int n_nodes;          /* nodes made so far (sg_foreign_node gives the next index to a new id) */
    long matrix_row;      /* rows of *Matrix read so far */
    bool failed;          /* a structural error: the file is not read further */
} pajek_reader;

static void free_tokens(GArray *tokens)
{
    for (guint i = 0; i < tokens->len; i++)
        g_free(g_array_index(tokens, token, i).text);
    g_array_free(tokens, TRUE);
}

/* Splits the line of LEN bytes at LINE (line NUMBER) into tokens: blank-separated words, or text between
 * double quotes (Pajek has no escapes in them). Returns NULL after an error (an unclosed quote). */
static GArray *split_line(pajek_reader *r, const char *line, size_t len, int number)
{
    GArray *tokens = g_array_new(FALSE, FALSE, sizeof(token));
    const char *p = line, *end = line + len;
    while (p < end) {
        if (sg_text_is_blank(*p)) {
            p++;
            continue;
        }
        token t = {.column = sg_text_column(line, p)};
        if (*p == '"') {
            const char *close = memchr(p + 1, '"', (size_t)(end - p - 1));
            if (!close) {
                sg_diag_error(r->diag, &(sg_origin){r->file, number, t.column},
                              "not a readable Pajek file: a quoted label without its closing quote");
                free_tokens(tokens);
                return NULL;
            }
            t.text = g_strndup(p + 1, (gsize)(close - p - 1));
            t.quoted = true;
            p = close + 1;
        } else {
            const char *start = p;
            while (p < end && !sg_text_is_blank(*p))
                p++;
            t.text = g_strndup(start, (gsize)(p - start));
        }
        g_array_append_val(tokens, t);
    }
    return tokens;
}

static token *tok(GArray *tokens, guint i)
{
    return &g_array_index(tokens, token, i);
}

/* True when TEXT is a number as Pajek writes one (coordinates, weights). */
/* The vertex number TEXT (1..n_vertices) as *OUT; an error at AT and false when it is none. */
static bool vertex_number(pajek_reader *r, const char *text, const sg_origin *at, long *out)
{
    char *end = NULL;
    long v = g_ascii_isdigit(*text) ? (long)g_ascii_strtoll(text, &end, 10) : 0;
    if (!end || *end || v < 1) {
        sg_diag_error(r->diag, at, "not a readable Pajek file: '%s' is not a vertex number", text);
        return false;
    }
    if (v > r->n_vertices) {
        sg_diag_error(r->diag, at, "not a readable Pajek file: vertex %ld is beyond the %ld of *Vertices", v,
                      r->n_vertices);
        return false;
    }
    *out = v;
    return true;
}

/* The node named ID (made the first time); *FRESH says whether it is new. -1 after an error. */
static int named_node(pajek_reader *r, const char *id, const sg_origin *at, bool *fresh)
{
    int node = sg_foreign_node(r->f, id, at);
    *fresh = node == r->n_nodes;
    if (*fresh)
        r->n_nodes++;
    return node;
}

/* The node of vertex V, made with its number as id when the vertex had no line of its own. */
static int vertex_node(pajek_reader *r, long v, const sg_origin *at)
{
    if (r->node_of[v] < 0) {
        char *id = g_strdup_printf("%ld", v);
        bool fresh;
        r->node_of[v] = named_node(r, id, at, &fresh);
        if (!fresh) {
            sg_diag_error(r->diag, at, "not a readable Pajek file: vertex %ld has no label, and its number is "
                          "another vertex's label", v);
            r->failed = true;
        }
        g_free(id);
    }
    return r->node_of[v];
}

/* Sets the attributes KEY VALUE KEY VALUE... of TOKENS from FIRST on, for NODE (EDGE < 0) or EDGE. */
static void read_pairs(pajek_reader *r, GArray *tokens, guint first, int node, int edge, int number)
{
    guint i = first;
    for (; i + 1 < tokens->len; i += 2) {
        sg_origin at = {r->file, number, tok(tokens, i + 1)->column};
        if (edge >= 0)
            sg_foreign_edge_attr(r->f, edge, tok(tokens, i)->text, tok(tokens, i + 1)->text, &at);
        else
            sg_foreign_node_attr(r->f, node, tok(tokens, i)->text, tok(tokens, i + 1)->text, &at);
    }
    if (i < tokens->len)
        sg_diag_error(r->diag, &(sg_origin){r->file, number, tok(tokens, i)->column},
                      "not a readable Pajek file: the parameter '%s' has no value", tok(tokens, i)->text);
}

/* A line of *Vertices: NUMBER [LABEL [X Y [Z]] [SHAPE] [KEY VALUE]...]. The label is the node's id (else the
 * vertex's number); coordinates and shape are kept as the attributes x, y, z and shape (Pajek's own
 * parameters, such as ic or bc, and NetworkX's key-value pairs, by their names). */
static void read_vertex(pajek_reader *r, GArray *tokens, int number)
{
    sg_origin at = {r->file, number, tok(tokens, 0)->column};
    long v;
    if (!vertex_number(r, tok(tokens, 0)->text, &at, &v)) {
        r->failed = true;
        return;
    }
    if (r->node_of[v] >= 0) {
        sg_diag_error(r->diag, &at, "not a readable Pajek file: vertex %ld is listed twice", v);
        r->failed = true;
        return;
    }
    if (tokens->len < 2) {
        vertex_node(r, v, &at);
        return;
    }
    sg_origin label_at = {r->file, number, tok(tokens, 1)->column};
    const char *label = tok(tokens, 1)->text;
    bool fresh;
    int node = named_node(r, label, &label_at, &fresh);
    if (node < 0)
        return;
    if (!fresh) {
        sg_diag_error(r->diag, &label_at, "not a readable Pajek file: the label '%s' names two vertices "
                      "(spygraph takes the label as the node's id)", label);
        r->failed = true;
        return;
    }
    r->node_of[v] = node;
    static const char *const axes[] = {"x", "y", "z"};
    guint i = 2;
    for (int axis = 0; axis < 3 && i < tokens->len && !tok(tokens, i)->quoted && sg_text_is_number(tok(tokens, i)->text, strlen(tok(tokens, i)->text));
         axis++, i++)
        sg_foreign_node_attr(r->f, node, axes[axis], tok(tokens, i)->text,
                             &(sg_origin){r->file, number, tok(tokens, i)->column});
    if ((tokens->len - i) % 2 == 1) { /* what NetworkX and Pajek write after the coordinates: the shape */
        sg_foreign_node_attr(r->f, node, "shape", tok(tokens, i)->text,
                             &(sg_origin){r->file, number, tok(tokens, i)->column});
        i++;
    }
    read_pairs(r, tokens, i, node, -1, number);
}

/* The node of the tie end TEXT at AT: a vertex number, or (with no *Vertices) a name. -1 after an error. */
static int tie_end(pajek_reader *r, const char *text, const sg_origin *at)
{
    if (r->n_vertices < 0) {
        bool fresh;
        return named_node(r, text, at, &fresh);
    }
    long v;
    if (!vertex_number(r, text, at, &v))
        return -1;
    return vertex_node(r, v, at);
}

/* Adds the tie S -> T (DIRECTED) at AT with weight WEIGHT (text; NULL: none given). Returns the tie. */
static int add_tie(pajek_reader *r, int s, int t, bool directed, const char *weight, const sg_origin *at,
                   const sg_origin *weight_at)
{
    int edge = sg_foreign_edge(r->f, s, t, directed ? SG_TIE_DIRECTED : SG_TIE_UNDIRECTED, at);
    if (weight)
        sg_foreign_edge_attr(r->f, edge, "weight", weight, weight_at);
    return edge;
}

/* A line of *Arcs or *Edges: SOURCE TARGET [WEIGHT] [KEY VALUE]... (Pajek's parameters, such as l or c, and
 * NetworkX's key-value pairs are kept by their names). */
static void read_tie(pajek_reader *r, GArray *tokens, bool directed, int number)
{
    sg_origin at = {r->file, number, tok(tokens, 0)->column};
    if (tokens->len < 2) {
        sg_diag_error(r->diag, &at, "not a readable Pajek file: a tie needs two vertices, this line has one");
        return;
    }
    sg_origin t_at = {r->file, number, tok(tokens, 1)->column};
    int s = tie_end(r, tok(tokens, 0)->text, &at), t = tie_end(r, tok(tokens, 1)->text, &t_at);
    if (s < 0 || t < 0)
        return;
    guint i = 2;
    const char *weight = NULL;
    sg_origin w_at = at;
    if (i < tokens->len && !tok(tokens, i)->quoted && sg_text_is_number(tok(tokens, i)->text, strlen(tok(tokens, i)->text))) {
        weight = tok(tokens, i)->text;
        w_at.column = tok(tokens, i)->column;
        i++;
    }
    int edge = add_tie(r, s, t, directed, weight, &at, &w_at);
    read_pairs(r, tokens, i, -1, edge, number);
}

/* A line of *Arcslist or *Edgeslist: SOURCE TARGET TARGET... */
static void read_tie_list(pajek_reader *r, GArray *tokens, bool directed, int number)
{
    sg_origin at = {r->file, number, tok(tokens, 0)->column};
    int s = tie_end(r, tok(tokens, 0)->text, &at);
    for (guint i = 1; s >= 0 && i < tokens->len; i++) {
        sg_origin t_at = {r->file, number, tok(tokens, i)->column};
        int t = tie_end(r, tok(tokens, i)->text, &t_at);
        if (t >= 0)
            add_tie(r, s, t, directed, NULL, &t_at, &t_at);
    }
}

/* A row of *Matrix: one number per vertex; each one not zero is an arc from the row's vertex with that
 * weight. */
static void read_matrix_row(pajek_reader *r, GArray *tokens, int number)
{
    sg_origin at = {r->file, number, tok(tokens, 0)->column};
    if (r->n_vertices < 0 || r->matrix_row >= r->n_vertices) {
        sg_diag_error(r->diag, &at, "not a readable Pajek file: a *Matrix row beyond the %ld of *Vertices",
                      r->n_vertices < 0 ? 0 : r->n_vertices);
        r->failed = true;
        return;
    }
    long row = ++r->matrix_row;
    if ((long)tokens->len != r->n_vertices) {
        sg_diag_error(r->diag, &at, "not a readable Pajek file: a *Matrix row of %u values for %ld vertices",
                      tokens->len, r->n_vertices);
        r->failed = true;
        return;
    }
    for (guint i = 0; i < tokens->len; i++) {
        const char *text = tok(tokens, i)->text;
        sg_origin v_at = {r->file, number, tok(tokens, i)->column};
        if (!sg_text_is_number(text, strlen(text))) {
            sg_diag_error(r->diag, &v_at, "not a readable Pajek file: '%s' in *Matrix is not a number", text);
            r->failed = true;
            return;
        }
        if (g_ascii_strtod(text, NULL) != 0.0)
            add_tie(r, vertex_node(r, row, &at), vertex_node(r, (long)i + 1, &v_at), true, text, &v_at, &v_at);
    }
}

/* Starts the section whose header is TOKENS (line NUMBER). */
static section start_section(pajek_reader *r, GArray *tokens, section current, int number)
{
    const char *word = tok(tokens, 0)->text;
    sg_origin at = {r->file, number, tok(tokens, 0)->column};
    static const struct {
        const char *word;
        section s;
    } words[] = {{"*vertices", S_VERTICES}, {"*arcs", S_ARCS},       {"*edges", S_EDGES},
                 {"*arcslist", S_ARCSLIST}, {"*edgeslist", S_EDGESLIST}, {"*matrix", S_MATRIX}};
    if (g_ascii_strcasecmp(word, "*network") == 0) {
        if (current != S_NONE) {
            sg_diag_warning(r->diag, &at, "a second network: spygraph reads the first network of a Pajek "
                            "file, and not what follows");
            return S_END;
        }
        char *title = NULL;
        for (guint i = 1; i < tokens->len; i++) {
            char *joined = title ? g_strconcat(title, " ", tok(tokens, i)->text, NULL) : g_strdup(tok(tokens, i)->text);
            g_free(title);
            title = joined;
        }
        if (title)
            sg_foreign_graph_attr(r->f, "title", title, &at);
        g_free(title);
        return S_NONE;
    }
    for (size_t k = 0; k < G_N_ELEMENTS(words); k++) {
        if (g_ascii_strcasecmp(word, words[k].word) != 0)
            continue;
        if (words[k].s == S_VERTICES) {
            char *end = NULL;
            const char *count = tokens->len > 1 ? tok(tokens, 1)->text : "";
            long n = g_ascii_isdigit(*count) ? (long)g_ascii_strtoll(count, &end, 10) : -1;
            if (r->n_vertices >= 0) {
                sg_diag_warning(r->diag, &at, "a second *Vertices: spygraph reads the first network of a Pajek "
                                "file, and not what follows");
                return S_END;
            }
            if (n < 0 || *end) {
                sg_diag_error(r->diag, &at, "not a readable Pajek file: *Vertices needs the number of vertices");
                r->failed = true;
                return S_END;
            }
            if (n > MAX_VERTICES) { /* each vertex is a node, listed or not: a line could ask for billions */
                sg_diag_error(r->diag, &at, "*Vertices %ld: more vertices than spygraph reads from a Pajek file "
                              "(%d)", n, MAX_VERTICES);
                r->failed = true;
                return S_END;
            }
            r->n_vertices = n;
            r->node_of = g_new(int, n + 1);
            for (long v = 0; v <= n; v++)
                r->node_of[v] = -1;
        } else if (tokens->len > 1) {
            sg_diag_warning(r->diag, &(sg_origin){r->file, number, tok(tokens, 1)->column},
                            "what follows %s on its line is not read (Pajek)", word);
        }
        if (words[k].s == S_MATRIX && r->n_vertices < 0) {
            sg_diag_error(r->diag, &at, "not a readable Pajek file: *Matrix before *Vertices");
            r->failed = true;
            return S_END;
        }
        return words[k].s;
    }
    sg_diag_warning(r->diag, &at, "spygraph reads a Pajek file's network, not its %s section and what follows",
                    word);
    return S_END;
}

/* Gives every vertex that had no line of its own a node, in vertex order. */
static void finish_vertices(pajek_reader *r, int number)
{
    for (long v = 1; v <= r->n_vertices && !r->failed; v++)
        vertex_node(r, v, &(sg_origin){r->file, number, 1});
}

sg_network *sg_pajek_read(const char *name, const char *data, size_t len, sg_diag *diag)
{
    if (!sg_text_check(name, PAJEK_NAME, data, len, diag))
        return NULL;
    pajek_reader r = {.diag = diag, .n_vertices = -1};
    r.f = sg_foreign_new(name, PAJEK_NAME, data, len, diag);
    r.file = sg_foreign_file(r.f);
    sg_text_lines lines;
    sg_text_lines_init(&lines, data, len);
    const char *line;
    size_t n;
    int number, vertices_end = 1;
    section current = S_NONE;
    while (current != S_END && !r.failed && sg_text_lines_next(&lines, &line, &n, &number)) {
        GArray *tokens = split_line(&r, line, n, number);
        if (!tokens) {
            r.failed = true;
            break;
        }
        if (tokens->len == 0 || tok(tokens, 0)->text[0] == '%') {
            free_tokens(tokens);
            continue;
        }
        if (tok(tokens, 0)->text[0] == '*' && !tok(tokens, 0)->quoted) {
            if (current == S_VERTICES)
                finish_vertices(&r, vertices_end);
            current = start_section(&r, tokens, current, number);
            free_tokens(tokens);
            continue;
        }
        switch (current) {
        case S_NONE:
            sg_diag_error(diag, &(sg_origin){r.file, number, tok(tokens, 0)->column},
                          "not a readable Pajek file: a line before the first section (*Vertices, *Arcs or *Edges)");
            r.failed = true;
            break;
        case S_VERTICES:
            read_vertex(&r, tokens, number);
            vertices_end = number;
            break;
        case S_ARCS:
        case S_EDGES:
            read_tie(&r, tokens, current == S_ARCS, number);
            break;
        case S_ARCSLIST:
        case S_EDGESLIST:
            read_tie_list(&r, tokens, current == S_ARCSLIST, number);
            break;
        case S_MATRIX:
            read_matrix_row(&r, tokens, number);
            break;
        case S_END:
            break;
        }
        free_tokens(tokens);
    }
    if (current == S_VERTICES && !r.failed)
        finish_vertices(&r, vertices_end);
    g_free(r.node_of);
    if (r.failed) {
        sg_foreign_free(r.f);
        return NULL;
    }
    return sg_foreign_finish(r.f);
}

/* ---- writing ------------------------------------------------------------------------------------- */

/* The label written for id ID (g_free): Pajek quotes a label and has no escape inside the quotes, and NetworkX reads
 * it with shlex, for which a backslash escapes a quote or another backslash. So a double quote becomes ',
 * a line break (CR or LF) a space, and a backslash that ends the label or comes before another backslash
 * /; anything else is written as it is. */
static char *pajek_label(const char *id)
{
    GString *s = g_string_new(NULL);
    for (const char *p = id; *p; p++) {
        if (*p == '"')
            g_string_append_c(s, '\'');
        else if (*p == '\n' || *p == '\r')
            g_string_append_c(s, ' ');
        else if (*p == '\\' && (p[1] == '\0' || p[1] == '\\'))
            g_string_append_c(s, '/');
        else
            g_string_append_c(s, *p);
    }
    return g_string_free(s, FALSE);
}

/* The labels of NET's nodes (g_strfreev): each id as pajek_label writes it; when that gives a label that is
 * already some other id's, " #2", " #3"... is added (ids written unchanged keep theirs). Each id written
 * otherwise is a warning in DIAG. */
static char **node_labels(const sg_network *net, sg_diag *diag)
{
    char **labels = g_new0(char *, net->n_nodes + 1);
    GHashTable *taken = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < net->n_nodes; i++) {
        labels[i] = pajek_label(net->nodes[i].id);
        if (strcmp(labels[i], net->nodes[i].id) == 0)
            g_hash_table_add(taken, labels[i]);
    }
    for (size_t i = 0; i < net->n_nodes; i++) {
        if (strcmp(labels[i], net->nodes[i].id) == 0)
            continue;
        char *label = g_strdup(labels[i]);
        for (int k = 2; g_hash_table_contains(taken, label); k++) {
            g_free(label);
            label = g_strdup_printf("%s #%d", labels[i], k);
        }
        g_free(labels[i]);
        labels[i] = label;
        g_hash_table_add(taken, label);
        sg_diag_warning(diag, &(sg_origin){net->name, 0, 0},
                        "the id '%s' is written as the label '%s': a Pajek label holds no double quote or line "
                        "break, and no backslash at its end or before another", net->nodes[i].id, label);
    }
    g_hash_table_destroy(taken);
    return labels;
}

bool sg_pajek_write(const sg_network *net, const sg_export_info *info, FILE *stream, sg_diag *diag)
{
    (void)info;
    char **labels = node_labels(net, diag);
    fprintf(stream, "*Vertices %zu\n", net->n_nodes);
    for (size_t i = 0; i < net->n_nodes; i++)
        fprintf(stream, "%zu \"%s\"\n", i + 1, labels[i]);
    g_strfreev(labels);
    /* Pajek's order: the arcs, then the edges. */
    for (int pass = 0; pass < 2; pass++) {
        bool header = false;
        for (size_t i = 0; i < net->n_edges; i++) {
            const sg_edge *e = &net->edges[i];
            if (sg_export_tie_directed(net, e) != (pass == 0))
                continue;
            if (!header)
                fputs(pass == 0 ? "*Arcs\n" : "*Edges\n", stream);
            header = true;
            char buf[32];
            fprintf(stream, "%d %d %s\n", e->source + 1, e->target + 1, sg_format_number(e->weight, buf));
        }
    }
    return true;
}

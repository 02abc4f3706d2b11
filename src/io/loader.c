/* loader.c: finding what a NETWORK argument names and reading it: manifest and tables, or an edge list. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "fields.h"
#include "spygraph/loader.h"
#include "tables.h"

/* The position of byte OFFSET of TEXT in FILE. */
static sg_origin position_of(const char *file, const char *text, size_t offset)
{
    sg_origin at = {file, 1, 1};
    sg_text_position(text, offset, &at.line, &at.column);
    return at;
}

/* The position of the first occurrence of NEEDLE at or after *CURSOR (an offset into TEXT), which then
 * moves past it, so entries with the same text are told apart in order. 1:1 if absent. */
static sg_origin find_next_in_text(const char *file, const char *text, const char *needle, size_t *cursor)
{
    const char *hit = strstr(text + *cursor, needle);
    if (!hit)
        return position_of(file, text, 0);
    *cursor = (size_t)(hit - text) + 1;
    return position_of(file, text, (size_t)(hit - text));
}

/* Where "KEY" appears as a key (followed by a colon) in the manifest text; else where it first appears
 * at all, else 1:1. */
static sg_origin key_origin(const char *file, const char *text, const char *key)
{
    char *quoted = g_strdup_printf("\"%s\"", key);
    size_t n = strlen(quoted);
    const char *hit = strstr(text, quoted);
    for (const char *p = hit; p; p = strstr(p + 1, quoted)) {
        const char *after = p + n;
        while (g_ascii_isspace(*after))
            after++;
        if (*after == ':' && (p == text || p[-1] != '\\')) {
            hit = p;
            break;
        }
    }
    g_free(quoted);
    return position_of(file, text, hit ? (size_t)(hit - text) : 0);
}

/* Reads the whole file at PATH into *DATA (caller g_free()s it). On failure adds an error: at NAMED_AT
 * (where a manifest names the file) when given, else at the path itself, and returns false. A file a
 * manifest names must be a regular file (not a device or a pipe that could be endless). */
static bool read_file(const char *path, char **data, size_t *len, sg_diag *diag, const sg_origin *named_at)
{
    FILE *f = fopen(path, "rb");
    GString *buf = g_string_new(NULL);
    int err = f ? 0 : errno;
    struct stat st;
    if (f && named_at && (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode))) {
        sg_diag_error(diag, named_at, "cannot read '%s': not a regular file", path);
        fclose(f);
        g_string_free(buf, TRUE);
        return false;
    }
    if (f) {
        char chunk[65536];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
            g_string_append_len(buf, chunk, (gssize)n);
        err = ferror(f) ? (errno ? errno : EIO) : 0;
        fclose(f);
    }
    if (err) {
        if (named_at)
            sg_diag_error(diag, named_at, "cannot read '%s': %s", path, g_strerror(err));
        else
            sg_diag_error(diag, &(sg_origin){path, 0, 0}, "cannot read: %s", g_strerror(err));
        g_string_free(buf, TRUE);
        return false;
    }
    *len = buf->len;
    *data = g_string_free(buf, FALSE);
    return true;
}

static void hash_bytes(GChecksum *sum, const char *data, size_t len)
{
    g_checksum_update(sum, (const guchar *)data, (gssize)len);
}

static void finish_hash(sg_network *net, GChecksum *sum)
{
    g_free(net->sha256);
    net->sha256 = g_strdup(g_checksum_get_string(sum));
    g_checksum_free(sum);
}

sg_network *sg_load_edge_list_bytes(const char *name, const char *data, size_t len, sg_diag *diag)
{
    sg_csv *csv = sg_csv_parse(name, data, len, 0, diag);
    if (!csv)
        return NULL;
    sg_network *net = sg_network_new(name);
    name = sg_network_intern(net, name); /* origins keep pointing at it as long as the network lives */
    char *base = g_path_get_basename(name);
    char *dot = strrchr(base, '.');
    if (dot && dot != base)
        *dot = '\0';
    net->id = sg_network_intern(net, base);
    g_free(base);
    sg_read_edge_list(net, csv, name, diag);
    sg_csv_free(csv);
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    hash_bytes(sum, data, len);
    finish_hash(net, sum);
    if (net->n_edges == 0 && diag->errors == 0)
        sg_diag_error(diag, &(sg_origin){name, 1, 1}, "no edges in the edge list");
    return net;
}

typedef void (*table_reader)(sg_network *, sg_csv *, const char *, sg_diag *);

/* Reads the table the manifest names under KEY (relative to DIR) with READER. Returns false when the
 * table is named but cannot be read or parsed, or is required and not named. */
static bool load_table(sg_network *net, const char *dir, const char *mfile, const char *mtext, const cJSON *root,
                       const char *key, bool required, table_reader reader, GChecksum *sum, sg_diag *diag)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(root, key);
    sg_origin at = key_origin(mfile, mtext, key);
    if (!item) {
        if (required)
            sg_diag_error(diag, &(sg_origin){mfile, 1, 1}, "missing manifest key '%s'", key);
        return !required;
    }
    if (!cJSON_IsString(item) || !*item->valuestring) {
        sg_diag_error(diag, &at, "manifest key '%s' must name a file", key);
        return false;
    }
    char *built = g_build_filename(dir, item->valuestring, NULL);
    const char *path = sg_network_intern(net, built); /* origins keep pointing at it */
    g_free(built);
    char *data = NULL;
    size_t len = 0;
    if (!read_file(path, &data, &len, diag, &at))
        return false;
    hash_bytes(sum, data, len);
    sg_csv *csv = sg_csv_parse(path, data, len, ',', diag);
    if (csv)
        reader(net, csv, path, diag);
    sg_csv_free(csv);
    g_free(data);
    return csv != NULL;
}

static const char *string_member(sg_network *net, const cJSON *obj, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(item) ? sg_network_intern(net, item->valuestring) : "";
}

/* The position of the member KEY of the JSON object that holds byte OFFSET of TEXT: searched from the
 * object's opening brace (the last '{' before OFFSET). Falls back to OFFSET itself. */
static sg_origin member_origin(const char *file, const char *text, size_t offset, const char *key)
{
    size_t open = offset;
    while (open > 0 && text[open] != '{')
        open--;
    char *quoted = g_strdup_printf("\"%s\"", key);
    const char *hit = strstr(text + open, quoted);
    g_free(quoted);
    return position_of(file, text, hit ? (size_t)(hit - text) : offset);
}

/* Reads the optional "credence" (a number in [0, 1]) and "credence_note" of a hypothesis entry whose id
 * is at byte OFFSET of the manifest text. */
static void read_credence(sg_network *net, sg_hypothesis *h, const cJSON *entry, const char *mfile, const char *mtext,
                          size_t offset, sg_diag *diag)
{
    const cJSON *credence = cJSON_GetObjectItemCaseSensitive(entry, "credence");
    const cJSON *note = cJSON_GetObjectItemCaseSensitive(entry, "credence_note");
    if (credence) {
        sg_origin at = member_origin(mfile, mtext, offset, "credence");
        if (!cJSON_IsNumber(credence) || !isfinite(credence->valuedouble))
            sg_diag_error(diag, &at, "the credence of hypothesis '%s' must be a number in [0, 1]", h->id);
        else if (credence->valuedouble < 0 || credence->valuedouble > 1)
            sg_diag_error(diag, &at, "the credence %g of hypothesis '%s' is outside [0, 1]", credence->valuedouble,
                          h->id);
        else
            h->credence = credence->valuedouble;
    }
    if (note && !cJSON_IsString(note)) {
        sg_origin at = member_origin(mfile, mtext, offset, "credence_note");
        sg_diag_error(diag, &at, "the credence note of hypothesis '%s' must be a string", h->id);
    } else if (note) {
        h->credence_note = sg_network_intern(net, note->valuestring);
    }
}

/* Reads one entry of the manifest's "hypotheses" list and its patch file. */
static void load_hypothesis(sg_network *net, const char *dir, const char *mfile, const char *mtext, const cJSON *entry,
                            size_t *cursor, GChecksum *sum, sg_diag *diag)
{
    sg_hypothesis h = {.credence = NAN, .credence_note = "", .question = -1};
    h.id = string_member(net, entry, "id");
    h.label = string_member(net, entry, "label");
    h.citation = string_member(net, entry, "citation");
    h.patch_file = string_member(net, entry, "patch");
    char *needle = g_strdup_printf("\"%s\"", h.id);
    h.origin = *h.id ? find_next_in_text(mfile, mtext, needle, cursor) : key_origin(mfile, mtext, "hypotheses");
    g_free(needle);
    if (!*h.id || !*h.label || !*h.patch_file) {
        sg_diag_error(diag, &h.origin, "a hypothesis needs \"id\", \"label\" and \"patch\"");
        return;
    }
    read_credence(net, &h, entry, mfile, mtext, *cursor ? *cursor - 1 : 0, diag);
    const cJSON *keys = cJSON_GetObjectItemCaseSensitive(entry, "sources");
    GString *joined = g_string_new(NULL);
    cJSON *k;
    cJSON_ArrayForEach(k, keys)
        if (cJSON_IsString(k))
            g_string_append_printf(joined, "%s;", k->valuestring);
    h.sources = sg_read_sources(net, joined->str, &h.origin, diag);
    g_string_free(joined, TRUE);
    char *built = g_build_filename(dir, h.patch_file, NULL);
    const char *path = sg_network_intern(net, built);
    g_free(built);
    char *data = NULL;
    size_t len = 0;
    if (read_file(path, &data, &len, diag, &h.origin)) {
        hash_bytes(sum, data, len);
        sg_csv *csv = sg_csv_parse(path, data, len, ',', diag);
        if (csv)
            h.patches = sg_read_patch_table(net, csv, path, &h.n_patches, diag);
        sg_csv_free(csv);
        g_free(data);
    }
    if (sg_network_add_hypothesis(net, &h) < 0)
        sg_diag_error(diag, &h.origin, "duplicate hypothesis id '%s'", h.id);
}

static void check_manifest_keys(const cJSON *root, const char *mfile, const char *mtext, sg_diag *diag)
{
    static const char *const known[] = {"format", "version", "id", "title", "description", "span",
                                        "nodes", "edges", "sources", "events", "hypotheses", "questions", NULL};
    const cJSON *item;
    cJSON_ArrayForEach(item, root) {
        bool ok = false;
        for (size_t i = 0; known[i]; i++)
            ok |= strcmp(item->string, known[i]) == 0;
        if (!ok) {
            sg_origin at = key_origin(mfile, mtext, item->string);
            sg_diag_warning(diag, &at, "unknown manifest key '%s' is not read", item->string);
        }
    }
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "version");
    sg_origin format_at = format ? key_origin(mfile, mtext, "format") : (sg_origin){mfile, 1, 1};
    sg_origin version_at = version ? key_origin(mfile, mtext, "version") : (sg_origin){mfile, 1, 1};
    if (!cJSON_IsString(format) || strcmp(format->valuestring, "spygraph-network") != 0)
        sg_diag_error(diag, &format_at, "the manifest's \"format\" must be \"spygraph-network\"");
    if (!cJSON_IsNumber(version) || version->valuedouble != 1)
        sg_diag_error(diag, &version_at, "unsupported manifest \"version\" (this spygraph reads 1)");
}

static void read_span(sg_network *net, const cJSON *root, const char *mfile, const char *mtext, sg_diag *diag)
{
    const cJSON *span = cJSON_GetObjectItemCaseSensitive(root, "span");
    if (!span)
        return;
    sg_origin at = key_origin(mfile, mtext, "span");
    const char *ends[2] = {"start", "end"};
    sg_date *dates[2] = {&net->span.start, &net->span.end};
    for (int i = 0; i < 2; i++) {
        const cJSON *d = cJSON_GetObjectItemCaseSensitive(span, ends[i]);
        if (d && !cJSON_IsString(d))
            sg_diag_error(diag, &at, "span %s must be a date string", ends[i]);
        else if (d)
            sg_read_date(d->valuestring, &at, ends[i], dates[i], diag);
    }
    if (sg_interval_is_reversed(&net->span))
        sg_diag_error(diag, &at, "the span ends before it starts");
}

/* Reads one entry of the manifest's "questions" list (its hypotheses are already read); *CURSOR moves
 * through the manifest text so each name is found at its own place. QUESTIONS collects the entries. */
static void load_question(sg_network *net, const cJSON *entry, const char *mfile, const char *mtext, size_t *cursor,
                          GArray *questions, sg_diag *diag)
{
    sg_question q = {0};
    q.id = string_member(net, entry, "id");
    q.label = string_member(net, entry, "label");
    char *needle = g_strdup_printf("\"%s\"", q.id);
    q.origin = *q.id ? find_next_in_text(mfile, mtext, needle, cursor) : key_origin(mfile, mtext, "questions");
    g_free(needle);
    const cJSON *answers = cJSON_GetObjectItemCaseSensitive(entry, "hypotheses");
    if (!cJSON_IsObject(entry) || !*q.id || !cJSON_IsArray(answers)) {
        sg_diag_error(diag, &q.origin, "a question needs \"id\" and a list of \"hypotheses\"");
        return;
    }
    for (guint i = 0; i < questions->len; i++)
        if (strcmp(g_array_index(questions, sg_question, i).id, q.id) == 0) {
            sg_diag_error(diag, &q.origin, "duplicate question id '%s' (first at line %d)", q.id,
                          g_array_index(questions, sg_question, i).origin.line);
            return;
        }
    int index = (int)questions->len;
    size_t n = (size_t)cJSON_GetArraySize(answers), kept = 0;
    const char **ids = g_new0(const char *, n + 1);
    double credences = 0;
    bool credence_errors = false;
    const cJSON *a;
    cJSON_ArrayForEach(a, answers) {
        const char *id = cJSON_IsString(a) ? a->valuestring : "";
        char *quoted = g_strdup_printf("\"%s\"", id);
        sg_origin at = *id ? find_next_in_text(mfile, mtext, quoted, cursor) : q.origin;
        g_free(quoted);
        sg_hypothesis *h = (sg_hypothesis *)sg_network_find_hypothesis(net, id);
        if (!cJSON_IsString(a)) {
            sg_diag_error(diag, &at, "the answers of question '%s' must be hypothesis ids", q.id);
            credence_errors = true;
        } else if (!h) {
            sg_diag_error(diag, &at, "question '%s' names unknown hypothesis '%s'", q.id, id);
            credence_errors = true;
        } else if (h->question == index) {
            sg_diag_error(diag, &at, "question '%s' names hypothesis '%s' twice", q.id, id);
        } else if (h->question >= 0) {
            sg_diag_error(diag, &at, "hypothesis '%s' answers question '%s' already: a hypothesis answers one question",
                          id, g_array_index(questions, sg_question, h->question).id);
        } else {
            h->question = index;
            ids[kept++] = h->id;
            credences += isnan(h->credence) ? 0 : h->credence;
        }
    }
    q.hypotheses = ids;
    sg_network_keep(net, ids);
    if (!credence_errors && credences > 1 + 1e-9)
        sg_diag_error(diag, &q.origin, "the credences of the answers to question '%s' sum to %g, more than 1", q.id,
                      credences);
    /* One answer or none still loads (a scenario takes that answer or none), but it asks nothing that an
     * independent hypothesis does not: most likely an answer is missing. */
    if (kept < 2 && !credence_errors)
        sg_diag_warning(diag, &q.origin, "question '%s' has %zu answer%s: a question needs two alternatives", q.id,
                        kept, kept == 1 ? "" : "s");
    g_array_append_val(questions, q);
}

/* Reads the manifest's optional "questions" list into NET (after the hypotheses). */
static void load_questions(sg_network *net, const cJSON *root, const char *mfile, const char *mtext, sg_diag *diag)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "questions");
    if (!list)
        return;
    if (!cJSON_IsArray(list)) {
        sg_origin at = key_origin(mfile, mtext, "questions");
        sg_diag_error(diag, &at, "the manifest's \"questions\" must be a list");
        return;
    }
    const char *start = strstr(mtext, "\"questions\"");
    size_t cursor = start ? (size_t)(start - mtext) : 0;
    GArray *questions = g_array_new(FALSE, TRUE, sizeof(sg_question));
    const cJSON *entry;
    cJSON_ArrayForEach(entry, list)
        load_question(net, entry, mfile, mtext, &cursor, questions, diag);
    net->n_questions = questions->len;
    net->questions = (sg_question *)(void *)g_array_free(questions, FALSE);
    sg_network_keep(net, net->questions);
}

sg_network *sg_load_manifest_bytes(const char *name, const char *dir, const char *data, size_t len, sg_diag *diag)
{
    size_t errors_before = diag->errors;
    if (!sg_csv_check_text(name, data, len, diag))
        return NULL;
    const char *error_at = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(data, len, &error_at, false);
    if (!root || !cJSON_IsObject(root)) {
        sg_origin at = {name, 1, 1};
        if (!root && error_at)
            at = position_of(name, data, (size_t)(error_at - data));
        sg_diag_error(diag, &at, root ? "the manifest must be a JSON object" : "malformed JSON");
        cJSON_Delete(root);
        return NULL;
    }
    char *text = g_strndup(data, len);
    sg_network *net = sg_network_new(name);
    const char *mfile = sg_network_intern(net, name); /* origins keep pointing at it */
    net->curated = true;
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    hash_bytes(sum, data, len);
    check_manifest_keys(root, mfile, text, diag);
    char *base = g_path_get_basename(dir);
    const char *id = string_member(net, root, "id");
    net->id = *id ? id : sg_network_intern(net, base);
    g_free(base);
    net->title = string_member(net, root, "title");
    net->description = string_member(net, root, "description");
    read_span(net, root, mfile, text, diag);
    load_table(net, dir, mfile, text, root, "sources", false, sg_read_sources_table, sum, diag);
    /* Without the nodes every tie would name an unknown node: report the one cause, not a cascade. */
    size_t errors_before_nodes = diag->errors;
    bool nodes_read = load_table(net, dir, mfile, text, root, "nodes", true, sg_read_nodes_table, sum, diag);
    if (nodes_read && (net->n_nodes > 0 || diag->errors == errors_before_nodes))
        load_table(net, dir, mfile, text, root, "edges", true, sg_read_edges_table, sum, diag);
    load_table(net, dir, mfile, text, root, "events", false, sg_read_events_table, sum, diag);
    size_t base_errors = diag->errors - errors_before;
    const cJSON *hyps = cJSON_GetObjectItemCaseSensitive(root, "hypotheses");
    if (hyps && !cJSON_IsArray(hyps)) {
        sg_origin at = key_origin(mfile, text, "hypotheses");
        sg_diag_error(diag, &at, "the manifest's \"hypotheses\" must be a list");
        hyps = NULL;
    }
    const cJSON *entry;
    const char *list = strstr(text, "\"hypotheses\"");
    size_t cursor = list ? (size_t)(list - text) : 0;
    cJSON_ArrayForEach(entry, hyps)
        load_hypothesis(net, dir, mfile, text, entry, &cursor, sum, diag);
    load_questions(net, root, mfile, text, diag);
    finish_hash(net, sum);
    /* Check every patch against the base now, so a bad patch is found whichever command runs; a base
     * that did not read cleanly would only give misleading patch errors. */
    for (size_t i = 0; base_errors == 0 && i < net->n_hypotheses; i++)
        sg_network_unref(sg_network_apply_patches(net, &net->hypotheses[i], diag));
    g_free(text);
    cJSON_Delete(root);
    return net;
}

static bool read_stdin(char **data, size_t *len)
{
    GString *buf = g_string_new(NULL);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
        g_string_append_len(buf, chunk, (gssize)n);
    bool ok = !ferror(stdin);
    *len = buf->len;
    *data = g_string_free(buf, FALSE);
    return ok;
}

sg_network *sg_load_network(const char *path, sg_diag *diag)
{
    char *data = NULL;
    size_t len = 0;
    sg_network *net = NULL;
    if (strcmp(path, "-") == 0) {
        if (!read_stdin(&data, &len)) {
            sg_diag_error(diag, &(sg_origin){"-", 0, 0}, "cannot read standard input: %s", g_strerror(errno));
        } else {
            net = sg_load_edge_list_bytes("-", data, len, diag);
        }
        g_free(data);
        return net;
    }
    char *manifest = g_file_test(path, G_FILE_TEST_IS_DIR) ? g_build_filename(path, "network.json", NULL) : NULL;
    bool is_manifest = manifest || g_str_has_suffix(path, ".json");
    const char *file = manifest ? manifest : path;
    if (read_file(file, &data, &len, diag, NULL)) {
        if (is_manifest) {
            char *dir = manifest ? g_strdup(path) : g_path_get_dirname(path);
            net = sg_load_manifest_bytes(file, dir, data, len, diag);
            g_free(dir);
        } else {
            net = sg_load_edge_list_bytes(path, data, len, diag);
        }
        if (net && manifest) {
            g_free(net->name);
            net->name = g_strdup(path);
        }
    }
    g_free(data);
    g_free(manifest);
    return net;
}

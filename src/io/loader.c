/* loader.c: finding what a NETWORK argument names and reading it: manifest and tables, or an edge list. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analysis/ranks.h"
#include "fields.h"
#include "formats.h"
#include "jsonpos.h"
#include "spygraph/loader.h"
#include "tables.h"

/* ---- reading a file: the one rule for every input ----------------------------------------------- */

static size_t max_input_size = SG_DEFAULT_MAX_INPUT_SIZE;

void sg_set_max_input_size(size_t bytes)
{
    max_input_size = bytes;
}

size_t sg_max_input_size(void)
{
    return max_input_size;
}

/* What a reader accepts at a path. */
typedef enum input_rule {
    INPUT_ANY_FILE, /* the NETWORK argument: a regular file, a pipe or a device (read up to the limit) */
    INPUT_REGULAR   /* a file a manifest names, and a folder's network.json: a regular file only */
} input_rule;

static void too_large(const char *name, sg_diag *diag)
{
    sg_diag_error(diag, &(sg_origin){name, 0, 0},
                  "larger than the maximum input size of %zu bytes (--max-input-size)", max_input_size);
}

static void out_of_memory(const char *name, sg_diag *diag)
{
    sg_diag_error(diag, &(sg_origin){name, 0, 0}, "out of memory reading %s",
                  strcmp(name, "-") == 0 ? "standard input" : "the file");
}

/* Reads FD to its end into *DATA (NUL-terminated; the caller g_free()s it), *LEN bytes. SIZE_HINT is the
 * file's size when known (else 0). Fails (an error on NAME, and false) past the maximum input size, when
 * memory runs out, or on a read error (*ERR set to errno; no message: the caller words it). */
static bool read_fd(int fd, const char *name, size_t size_hint, char **data, size_t *len, int *err, sg_diag *diag)
{
    size_t limit = max_input_size;
    if (size_hint > limit) {
        too_large(name, diag);
        return false;
    }
    /* one byte past the limit is read to tell a file of exactly LIMIT bytes from a longer one */
    size_t cap = size_hint ? size_hint + 2 : 1 << 16, n = 0;
    char *buf = g_try_malloc(cap);
    if (!buf) {
        out_of_memory(name, diag);
        return false;
    }
    for (;;) {
        if (n + 1 >= cap) {
            size_t next = cap > (limit + 2) / 2 ? limit + 2 : cap * 2;
            char *grown = next > cap ? g_try_realloc(buf, next) : NULL;
            if (!grown) {
                g_free(buf);
                if (next > cap)
                    out_of_memory(name, diag);
                else
                    too_large(name, diag);
                return false;
            }
            buf = grown;
            cap = next;
        }
        ssize_t got = read(fd, buf + n, cap - 1 - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *err = errno;
            g_free(buf);
            return false;
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (n > limit) {
            g_free(buf);
            too_large(name, diag);
            return false;
        }
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return true;
}

/* Under MPI: inputs rank 0 read and broadcast (path as given -> GBytes), returned by read_input for that path
 * instead of reading it again. */
static GHashTable *preloaded;

/* Reads the file at PATH ("-": standard input) as RULE allows; NAME names it in messages. A problem with
 * the file itself (missing, a folder, a pipe where a regular file is required) is reported at NAMED_AT
 * (where a manifest names it) when given, else on NAME; size and memory errors on NAME. The file is
 * opened without blocking (a FIFO with no writer cannot hang the open) and its type checked before a byte
 * is read; every read stops at the maximum input size. Under MPI, a PATH rank 0 has sent (preloaded) is
 * not read again: *DATA is a copy of its bytes. Returns false after adding the error. */
static bool read_input(const char *path, const char *name, input_rule rule, const sg_origin *named_at, char **data,
                       size_t *len, sg_diag *diag)
{
    GBytes *kept = preloaded ? g_hash_table_lookup(preloaded, path) : NULL;
    if (kept) {
        gsize n = 0;
        const char *bytes = g_bytes_get_data(kept, &n);
        char *copy = g_try_malloc(n + 1);
        if (!copy) {
            out_of_memory(name, diag);
            return false;
        }
        memcpy(copy, bytes, n);
        copy[n] = '\0';
        *data = copy;
        *len = n;
        return true;
    }
    bool is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    int err = fd < 0 ? errno : 0;
    struct stat st;
    bool regular = false;
    if (fd >= 0 && fstat(fd, &st) != 0)
        err = errno;
    else if (fd >= 0)
        regular = S_ISREG(st.st_mode);
    if (!err && (S_ISDIR(st.st_mode) || (rule == INPUT_REGULAR && !regular))) {
        if (named_at)
            sg_diag_error(diag, named_at, "cannot read '%s': not a regular file", name);
        else
            sg_diag_error(diag, &(sg_origin){name, 0, 0}, "cannot read: not a regular file");
        if (!is_stdin)
            close(fd);
        return false;
    }
    if (!err && !is_stdin) {
        int flags = fcntl(fd, F_GETFL);
        if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
            err = errno;
    }
    bool ok = false;
    if (!err) {
        size_t hint = regular && st.st_size > 0 ? (size_t)st.st_size : 0;
        ok = read_fd(fd, name, hint, data, len, &err, diag);
    }
    if (fd >= 0 && !is_stdin)
        close(fd);
    if (err) {
        if (is_stdin)
            sg_diag_error(diag, &(sg_origin){name, 0, 0}, "cannot read standard input: %s", g_strerror(err));
        else if (named_at)
            sg_diag_error(diag, named_at, "cannot read '%s': %s", name, g_strerror(err));
        else
            sg_diag_error(diag, &(sg_origin){name, 0, 0}, "cannot read: %s", g_strerror(err));
    }
    return ok;
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

/* Adds "out of memory reading FILE" when the network ran out of memory while FILE was read into it
 * (sg_network_out_of_memory); returns false then. */
static bool memory_held(sg_network *net, const char *file, sg_diag *diag)
{
    if (!sg_network_out_of_memory(net))
        return true;
    out_of_memory(file, diag);
    return false;
}

bool sg_csv_edge_list_sniff(const char *data, size_t len)
{
    size_t end = 0;
    while (end < len && data[end] != '\n')
        end++;
    return memchr(data, ',', end) || memchr(data, '\t', end);
}

/* The edge list at DATA, with the node table read first by READ_NODES when not NULL. */
static sg_network *load_edge_list(const char *name, const char *data, size_t len,
                                                bool (*read_nodes)(sg_network *, GChecksum *, sg_diag *), sg_diag *diag)
{
    sg_csv *csv = sg_csv_parse(name, data, len, 0, diag);
    if (!csv)
        return NULL;
    sg_network *net = sg_network_new(name);
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    hash_bytes(sum, data, len);
    if (read_nodes && !read_nodes(net, sum, diag)) {
        g_checksum_free(sum);
        sg_csv_free(csv);
        return net;
    }
    name = sg_network_intern(net, name); /* origins keep pointing at it as long as the network lives */
    char *base = g_path_get_basename(name);
    char *dot = strrchr(base, '.');
    if (dot && dot != base)
        *dot = '\0';
    net->id = sg_network_intern(net, base);
    g_free(base);
    sg_read_edge_list(net, csv, name, diag);
    sg_csv_free(csv);
    if (!memory_held(net, name, diag)) {
        g_checksum_free(sum);
        sg_network_unref(net);
        return NULL;
    }
    finish_hash(net, sum);
    if (net->n_edges == 0 && diag->errors == 0)
        sg_diag_error(diag, &(sg_origin){name, 1, 1}, "no edges in the edge list");
    return net;
}

sg_network *sg_load_edge_list_bytes(const char *name, const char *data, size_t len, sg_diag *diag)
{
    return load_edge_list(name, data, len, NULL, diag);
}

/* ---- the manifest ------------------------------------------------------------------------------- */

/* One manifest being read: the network it fills and where its names are resolved. */
typedef struct manifest {
    sg_network *net;
    const char *file;              /* network.json as named in messages (interned in NET) */
    const char *dir;               /* the folder the files it names are relative to */
    char *real_dir;                /* DIR with every link resolved, NULL when it cannot be resolved */
    int real_dir_err;              /* why not */
    const sg_json_positions *pos;  /* where each key and value is */
    GChecksum *sum;                /* of the manifest and every file read */
    sg_diag *diag;
} manifest;

/* Where ITEM's key (KEY true) or value starts in the manifest; 1:1 when unknown. */
static sg_origin at_item(const manifest *m, const cJSON *item, bool key)
{
    sg_origin at = {m->file, 1, 1};
    sg_json_position(m->pos, item, key, &at.line, &at.column);
    return at;
}

/* The type a manifest key must have. */
typedef enum json_type {
    J_CHECKED,     /* checked where it is read, with its own message */
    J_STRING,
    J_FILE,        /* a non-empty string naming a file */
    J_OBJECT,
    J_LIST,
    J_STRING_LIST  /* a list of strings */
} json_type;

typedef struct schema_key {
    const char *key;
    json_type type;
} schema_key;

/* The manifest's schema (networks/README.md). */
static const schema_key top_schema[] = {
    {"format", J_CHECKED}, {"version", J_CHECKED}, {"id", J_STRING}, {"title", J_STRING},
    {"description", J_STRING}, {"span", J_OBJECT}, {"nodes", J_FILE}, {"edges", J_FILE},
    {"sources", J_FILE}, {"events", J_FILE}, {"hypotheses", J_LIST}, {"questions", J_LIST},
    {"affiliations", J_LIST}, {NULL, J_CHECKED}};
static const schema_key span_schema[] = {{"start", J_STRING}, {"end", J_STRING}, {NULL, J_CHECKED}};
static const schema_key hypothesis_schema[] = {
    {"id", J_STRING}, {"label", J_STRING}, {"citation", J_STRING}, {"sources", J_STRING_LIST},
    {"patch", J_FILE}, {"credence", J_CHECKED}, {"credence_note", J_CHECKED}, {NULL, J_CHECKED}};
static const schema_key question_schema[] = {
    {"id", J_STRING}, {"label", J_STRING}, {"hypotheses", J_CHECKED}, {NULL, J_CHECKED}};
static const schema_key affiliation_schema[] = {{"id", J_STRING}, {"label", J_STRING}, {NULL, J_CHECKED}};

static const char *type_words(json_type t)
{
    switch (t) {
    case J_STRING: return "a string";
    case J_FILE: return "a file name";
    case J_OBJECT: return "an object";
    case J_LIST: return "a list";
    case J_STRING_LIST: return "a list of strings";
    default: return "";
    }
}

static bool has_type(const cJSON *item, json_type t)
{
    switch (t) {
    case J_STRING: return cJSON_IsString(item);
    case J_FILE: return cJSON_IsString(item) && *item->valuestring;
    case J_OBJECT: return cJSON_IsObject(item);
    case J_LIST: return cJSON_IsArray(item);
    case J_STRING_LIST: {
        if (!cJSON_IsArray(item))
            return false;
        const cJSON *x;
        cJSON_ArrayForEach(x, item)
            if (!cJSON_IsString(x))
                return false;
        return true;
    }
    default: return true;
    }
}

static const schema_key *schema_find(const schema_key *schema, const char *key)
{
    for (; schema->key; schema++)
        if (strcmp(schema->key, key) == 0)
            return schema;
    return NULL;
}

/* The member KEY of OBJ when it has the schema's type, else NULL (check_members reported it). */
static const cJSON *member(const cJSON *obj, const schema_key *schema, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    const schema_key *k = schema_find(schema, key);
    return item && k && has_type(item, k->type) ? item : NULL;
}

/* A string member (interned in the network), "" when absent or not a string. */
static const char *string_member(const manifest *m, const cJSON *obj, const schema_key *schema, const char *key)
{
    const cJSON *item = member(obj, schema, key);
    return cJSON_IsString(item) ? sg_network_intern(m->net, item->valuestring) : "";
}

/* A member of an object and its place among the members. */
typedef struct keyed {
    const cJSON *item;
    size_t index;
} keyed;

static int compare_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->item->string, y->item->string);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* Reports every key of OBJ that repeats an earlier one, at the repeat. WHAT names OBJ ("manifest", "span",
 * "hypothesis", "question"). O(k log k) for k keys. */
static void check_duplicates(const manifest *m, const cJSON *obj, const char *what)
{
    size_t n = 0;
    for (const cJSON *x = obj->child; x; x = x->next)
        n++;
    if (n < 2)
        return;
    keyed *keys = g_try_new(keyed, n);
    if (!keys)
        return; /* nothing more is allocated for this manifest: its network is reported out of memory */
    n = 0;
    for (const cJSON *x = obj->child; x; x = x->next, n++)
        keys[n] = (keyed){x, n};
    qsort(keys, n, sizeof *keys, compare_keyed);
    for (size_t first = 0, i = 1; i < n; i++) {
        if (strcmp(keys[i].item->string, keys[first].item->string) != 0) {
            first = i; /* the first of a run of equal keys is the earliest in the document */
            continue;
        }
        sg_origin at = at_item(m, keys[i].item, true), f = at_item(m, keys[first].item, true);
        sg_diag_error(m->diag, &at, "duplicate %s key '%s' (first at line %d)", what, keys[i].item->string, f.line);
    }
    g_free(keys);
}

/* "a" or "an" before WHAT. */
static const char *article(const char *what)
{
    return what[0] && strchr("aeiou", what[0]) ? "an" : "a";
}

/* Checks every member of OBJ against SCHEMA: an unknown key is a warning, a repeated key or a value of the
 * wrong type an error, each at its position. WHAT names OBJ in messages. O(members). */
static void check_members(const manifest *m, const cJSON *obj, const schema_key *schema, const char *what)
{
    check_duplicates(m, obj, what);
    const cJSON *item;
    cJSON_ArrayForEach(item, obj) {
        const schema_key *k = schema_find(schema, item->string);
        sg_origin at = at_item(m, item, true);
        if (!k && schema == top_schema)
            sg_diag_warning(m->diag, &at, "unknown manifest key '%s' is not read", item->string);
        else if (!k)
            sg_diag_warning(m->diag, &at, "unknown key '%s' in %s %s is not read", item->string, article(what), what);
        else if (has_type(item, k->type))
            continue;
        else if (k->type == J_FILE && schema == top_schema)
            sg_diag_error(m->diag, &at, "manifest key '%s' must name a file", item->string);
        else if (schema == top_schema)
            sg_diag_error(m->diag, &at, "the manifest's \"%s\" must be %s", item->string, type_words(k->type));
        else
            sg_diag_error(m->diag, &at, "the \"%s\" of %s %s must be %s", item->string, article(what), what,
                          type_words(k->type));
    }
}

/* Resolves NAME, a file the manifest names at AT, to the path to open (g_free) inside the network's
 * folder: a relative path whose target, links resolved, lies inside the folder, links resolved. Returns
 * NULL after adding an error at AT. */
static char *resolve_inside(const manifest *m, const char *name, const char *path, const sg_origin *at)
{
    if (g_path_is_absolute(name)) {
        sg_diag_error(m->diag, at, "'%s' is an absolute path: a manifest names its files relative to its folder",
                      name);
        return NULL;
    }
    if (!m->real_dir) {
        sg_diag_error(m->diag, at, "cannot read '%s': %s", path, g_strerror(m->real_dir_err));
        return NULL;
    }
    char *real = realpath(path, NULL);
    if (!real) {
        sg_diag_error(m->diag, at, "cannot read '%s': %s", path, g_strerror(errno));
        return NULL;
    }
    size_t n = strlen(m->real_dir);
    bool inside = strncmp(real, m->real_dir, n) == 0 && (real[n] == '/' || (n > 0 && m->real_dir[n - 1] == '/'));
    if (!inside) {
        sg_diag_error(m->diag, at, "'%s' lies outside the network's folder%s: a manifest may name only files inside it",
                      name, strstr(name, "..") ? "" : " (through a symbolic link)");
        free(real);
        return NULL;
    }
    char *copy = g_strdup(real);
    free(real);
    return copy;
}

/* Reads the file the string ITEM names (relative to the manifest's folder, and inside it): *PATH is its
 * name in messages (interned), *DATA its bytes (g_free). Returns false after adding an error. */
static bool read_named_file(const manifest *m, const cJSON *item, const char **path, char **data, size_t *len)
{
    sg_origin at = at_item(m, item, false);
    char *built = g_build_filename(m->dir, item->valuestring, NULL);
    *path = sg_network_intern(m->net, built); /* origins keep pointing at it */
    g_free(built);
    char *real = resolve_inside(m, item->valuestring, *path, &at);
    if (!real)
        return false;
    bool ok = read_input(real, *path, INPUT_REGULAR, &at, data, len, m->diag);
    g_free(real);
    if (ok)
        hash_bytes(m->sum, *data, *len);
    return ok;
}

typedef void (*table_reader)(sg_network *, sg_csv *, const char *, sg_diag *);

/* Reads the table the manifest names under KEY with READER. Returns false when the table is named but
 * cannot be read or parsed, or is required and not named. */
static bool load_table(const manifest *m, const cJSON *root, const char *key, bool required, table_reader reader)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!item) {
        if (required)
            sg_diag_error(m->diag, &(sg_origin){m->file, 1, 1}, "missing manifest key '%s'", key);
        return !required;
    }
    if (!member(root, top_schema, key))
        return false; /* reported by check_members */
    const char *path;
    char *data = NULL;
    size_t len = 0;
    if (!read_named_file(m, item, &path, &data, &len))
        return false;
    sg_csv *csv = sg_csv_parse(path, data, len, ',', m->diag);
    if (csv)
        reader(m->net, csv, path, m->diag);
    sg_csv_free(csv);
    g_free(data);
    return csv != NULL && memory_held(m->net, path, m->diag);
}

/* Reads the optional "credence" (a number in [0, 1]) and "credence_note" of a hypothesis entry. */
static void read_credence(const manifest *m, sg_hypothesis *h, const cJSON *entry)
{
    const cJSON *credence = cJSON_GetObjectItemCaseSensitive(entry, "credence");
    const cJSON *note = cJSON_GetObjectItemCaseSensitive(entry, "credence_note");
    if (credence) {
        sg_origin at = at_item(m, credence, true);
        if (!cJSON_IsNumber(credence) || !isfinite(credence->valuedouble))
            sg_diag_error(m->diag, &at, "the credence of hypothesis '%s' must be a number in [0, 1]", h->id);
        else if (credence->valuedouble < 0 || credence->valuedouble > 1)
            sg_diag_error(m->diag, &at, "the credence %g of hypothesis '%s' is outside [0, 1]", credence->valuedouble,
                          h->id);
        else
            h->credence = credence->valuedouble;
    }
    if (note && !cJSON_IsString(note)) {
        sg_origin at = at_item(m, note, true);
        sg_diag_error(m->diag, &at, "the credence note of hypothesis '%s' must be a string", h->id);
    } else if (note) {
        h->credence_note = sg_network_intern(m->net, note->valuestring);
    }
}

/* The reading id compare gives the network without hypotheses: no hypothesis may take it. */
static const char *const reserved_hypothesis_ids[] = {"base", NULL};

/* Checks a hypothesis id: a slug (letters, digits, '_', '-', '.': the command line joins ids with ',' and
 * compare names scenarios by joining them with '+') and not a reserved id. Returns false after adding an
 * error at AT. */
static bool check_hypothesis_id(const manifest *m, const char *id, const sg_origin *at)
{
    for (const char *p = id; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '_' && *p != '-' && *p != '.') {
            sg_diag_error(m->diag, at, "bad hypothesis id '%s': use letters, digits, '_', '-' or '.'", id);
            return false;
        }
    for (size_t i = 0; reserved_hypothesis_ids[i]; i++)
        if (strcmp(id, reserved_hypothesis_ids[i]) == 0) {
            sg_diag_error(m->diag, at, "the hypothesis id '%s' is reserved: compare names the network without "
                          "hypotheses '%s'", id, id);
            return false;
        }
    return true;
}

/* Reads one entry of the manifest's "hypotheses" list and its patch file. */
static void load_hypothesis(const manifest *m, const cJSON *entry)
{
    sg_hypothesis h = {.credence = NAN, .credence_note = "", .question = -1};
    if (!cJSON_IsObject(entry)) {
        sg_origin at = at_item(m, entry, false);
        sg_diag_error(m->diag, &at, "a hypothesis must be an object with \"id\", \"label\" and \"patch\"");
        return;
    }
    check_members(m, entry, hypothesis_schema, "hypothesis");
    h.id = string_member(m, entry, hypothesis_schema, "id");
    h.label = string_member(m, entry, hypothesis_schema, "label");
    h.citation = string_member(m, entry, hypothesis_schema, "citation");
    h.patch_file = string_member(m, entry, hypothesis_schema, "patch");
    const cJSON *id = member(entry, hypothesis_schema, "id");
    h.origin = at_item(m, id ? id : entry, false);
    if (!*h.id || !*h.label || !*h.patch_file) {
        sg_diag_error(m->diag, &h.origin, "a hypothesis needs \"id\", \"label\" and \"patch\"");
        return;
    }
    if (!check_hypothesis_id(m, h.id, &h.origin))
        return;
    read_credence(m, &h, entry);
    const cJSON *keys = member(entry, hypothesis_schema, "sources");
    GString *joined = g_string_new(NULL);
    const cJSON *k;
    cJSON_ArrayForEach(k, keys)
        g_string_append_printf(joined, "%s;", k->valuestring);
    h.sources = sg_read_sources(m->net, joined->str, &h.origin, m->diag);
    g_string_free(joined, TRUE);
    const char *path;
    char *data = NULL;
    size_t len = 0;
    if (read_named_file(m, member(entry, hypothesis_schema, "patch"), &path, &data, &len)) {
        sg_csv *csv = sg_csv_parse(path, data, len, ',', m->diag);
        if (csv)
            h.patches = sg_read_patch_table(m->net, csv, path, &h.n_patches, m->diag);
        sg_csv_free(csv);
        g_free(data);
        memory_held(m->net, path, m->diag);
    }
    if (sg_network_add_hypothesis(m->net, &h) < 0) {
        const sg_hypothesis *first = sg_network_find_hypothesis(m->net, h.id);
        if (first)
            sg_diag_error(m->diag, &h.origin, "duplicate hypothesis id '%s' (first at line %d)", h.id,
                          first->origin.line);
    }
}

static void read_span(const manifest *m, const cJSON *root)
{
    const cJSON *span = member(root, top_schema, "span");
    if (!span)
        return;
    check_members(m, span, span_schema, "span");
    const char *ends[2] = {"start", "end"};
    sg_date *dates[2] = {&m->net->span.start, &m->net->span.end};
    for (int i = 0; i < 2; i++) {
        const cJSON *d = member(span, span_schema, ends[i]);
        sg_origin at = at_item(m, d, false);
        if (d)
            sg_read_date(d->valuestring, &at, ends[i], dates[i], m->diag);
    }
    sg_origin at = at_item(m, cJSON_GetObjectItemCaseSensitive(root, "span"), true);
    if (sg_interval_is_reversed(&m->net->span))
        sg_diag_error(m->diag, &at, "the span ends before it starts");
}

/* Reads one entry of the manifest's "questions" list (its hypotheses are already read). QUESTIONS collects
 * the entries, SEEN maps a question id to its index + 1. */
static void load_question(const manifest *m, const cJSON *entry, GArray *questions, GHashTable *seen)
{
    sg_network *net = m->net;
    sg_question q = {0};
    if (cJSON_IsObject(entry))
        check_members(m, entry, question_schema, "question");
    q.id = string_member(m, entry, question_schema, "id");
    q.label = string_member(m, entry, question_schema, "label");
    const cJSON *id = member(entry, question_schema, "id");
    q.origin = at_item(m, id ? id : entry, false);
    const cJSON *answers = cJSON_GetObjectItemCaseSensitive(entry, "hypotheses");
    if (!cJSON_IsObject(entry) || !*q.id || !cJSON_IsArray(answers)) {
        sg_diag_error(m->diag, &q.origin, "a question needs \"id\" and a list of \"hypotheses\"");
        return;
    }
    gpointer first = g_hash_table_lookup(seen, q.id);
    if (first) {
        sg_diag_error(m->diag, &q.origin, "duplicate question id '%s' (first at line %d)", q.id,
                      g_array_index(questions, sg_question, GPOINTER_TO_SIZE(first) - 1).origin.line);
        return;
    }
    int index = (int)questions->len;
    size_t n = (size_t)cJSON_GetArraySize(answers), kept = 0;
    const char **ids = g_new0(const char *, n + 1);
    double credences = 0;
    bool credence_errors = false;
    const cJSON *a;
    cJSON_ArrayForEach(a, answers) {
        const char *hid = cJSON_IsString(a) ? a->valuestring : "";
        sg_origin at = at_item(m, a, false);
        sg_hypothesis *h = (sg_hypothesis *)sg_network_find_hypothesis(net, hid);
        if (!cJSON_IsString(a)) {
            sg_diag_error(m->diag, &at, "the answers of question '%s' must be hypothesis ids", q.id);
            credence_errors = true;
        } else if (!h) {
            sg_diag_error(m->diag, &at, "question '%s' names unknown hypothesis '%s'", q.id, hid);
            credence_errors = true;
        } else if (h->question == index) {
            sg_diag_error(m->diag, &at, "question '%s' names hypothesis '%s' twice", q.id, hid);
        } else if (h->question >= 0) {
            sg_diag_error(m->diag, &at,
                          "hypothesis '%s' answers question '%s' already: a hypothesis answers one question", hid,
                          g_array_index(questions, sg_question, h->question).id);
        } else {
            h->question = index;
            ids[kept++] = h->id;
            credences += isnan(h->credence) ? 0 : h->credence;
        }
    }
    q.hypotheses = ids;
    sg_network_keep(net, ids);
    if (!credence_errors && credences > 1 + 1e-9)
        sg_diag_error(m->diag, &q.origin, "the credences of the answers to question '%s' sum to %g, more than 1",
                      q.id, credences);
    /* One answer or none still loads (a scenario takes that answer or none), but it asks nothing that an
     * independent hypothesis does not: most likely an answer is missing. */
    if (kept < 2 && !credence_errors)
        sg_diag_warning(m->diag, &q.origin, "question '%s' has %zu answer%s: a question needs two alternatives", q.id,
                        kept, kept == 1 ? "" : "s");
    g_array_append_val(questions, q);
    g_hash_table_insert(seen, (gpointer)q.id, GSIZE_TO_POINTER(questions->len));
}

/* Reads the manifest's optional "questions" list into the network (after the hypotheses). */
static void load_questions(const manifest *m, const cJSON *root)
{
    const cJSON *list = member(root, top_schema, "questions");
    if (!list)
        return;
    GArray *questions = g_array_new(FALSE, TRUE, sizeof(sg_question));
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    const cJSON *entry;
    cJSON_ArrayForEach(entry, list)
        load_question(m, entry, questions, seen);
    g_hash_table_destroy(seen);
    m->net->n_questions = questions->len;
    m->net->questions = (sg_question *)(void *)g_array_free(questions, FALSE);
    sg_network_keep(m->net, m->net->questions);
}

/* Reads one entry of the manifest's "affiliations" list (before the nodes table, whose affiliation_label
 * column is checked against it). */
static void load_affiliation(const manifest *m, const cJSON *entry)
{
    sg_origin at = at_item(m, entry, false);
    if (!cJSON_IsObject(entry)) {
        sg_diag_error(m->diag, &at, "an affiliation must be an object with \"id\" and \"label\"");
        return;
    }
    check_members(m, entry, affiliation_schema, "affiliation");
    sg_affiliation a = {0};
    /* blanks around an id or label are dropped, as the tables' affiliation_label column drops them */
    char *id_text = g_strstrip(g_strdup(string_member(m, entry, affiliation_schema, "id")));
    char *label_text = g_strstrip(g_strdup(string_member(m, entry, affiliation_schema, "label")));
    a.id = sg_network_intern(m->net, id_text);
    a.label = sg_network_intern(m->net, label_text);
    g_free(id_text);
    g_free(label_text);
    const cJSON *id = member(entry, affiliation_schema, "id");
    a.origin = at_item(m, id ? id : entry, false);
    if (!*a.id || !*a.label) {
        /* a member of the wrong type is reported by check_members */
        const cJSON *label = cJSON_GetObjectItemCaseSensitive(entry, "label");
        bool typed = (!id && cJSON_GetObjectItemCaseSensitive(entry, "id")) || (label && !cJSON_IsString(label));
        if (!typed)
            sg_diag_error(m->diag, &a.origin, "an affiliation needs a non-empty \"id\" and \"label\"");
        return;
    }
    const sg_affiliation *first = sg_network_find_affiliation(m->net, a.id);
    if (first)
        sg_diag_error(m->diag, &a.origin, "duplicate affiliation id '%s' (first at line %d)", a.id, first->origin.line);
    else
        sg_network_add_affiliation(m->net, &a);
}

/* Warns of every affiliation the manifest labels that no node carries: none of the base, and none that a
 * hypothesis adds or changes. The manifest's entries are the first N of the network's affiliations. */
static void check_affiliations_used(const manifest *m, size_t n)
{
    sg_network *net = m->net;
    if (n == 0)
        return;
    GHashTable *used = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < net->n_nodes; i++)
        g_hash_table_add(used, (gpointer)net->nodes[i].affiliation);
    for (size_t h = 0; h < net->n_hypotheses; h++)
        for (size_t i = 0; i < net->hypotheses[h].n_patches; i++) {
            const sg_patch *p = &net->hypotheses[h].patches[i];
            if (p->op == SG_PATCH_ADD_NODE ||
                (p->op == SG_PATCH_CHANGE_NODE && (p->node_changes & SG_CHANGE_NODE_AFFILIATION)))
                g_hash_table_add(used, (gpointer)p->node.affiliation);
        }
    for (size_t i = 0; i < n && i < net->n_affiliations; i++)
        if (!g_hash_table_contains(used, net->affiliations[i].id))
            sg_diag_warning(m->diag, &net->affiliations[i].origin,
                            "affiliation '%s' has a label, but no node has it (in the base or a hypothesis)",
                            net->affiliations[i].id);
    g_hash_table_destroy(used);
}

static void check_format(const manifest *m, const cJSON *root)
{
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "version");
    sg_origin format_at = format ? at_item(m, format, true) : (sg_origin){m->file, 1, 1};
    sg_origin version_at = version ? at_item(m, version, true) : (sg_origin){m->file, 1, 1};
    if (!cJSON_IsString(format) || strcmp(format->valuestring, "spygraph-network") != 0)
        sg_diag_error(m->diag, &format_at, "the manifest's \"format\" must be \"spygraph-network\"");
    if (!cJSON_IsNumber(version) || version->valuedouble != 1)
        sg_diag_error(m->diag, &version_at, "unsupported manifest \"version\" (this spygraph reads 1)");
}

/* Reads the manifest ROOT (parsed, its positions in M) into M->net. */
static void read_manifest(manifest *m, const cJSON *root)
{
    size_t errors_before = m->diag->errors;
    sg_network *net = m->net;
    check_members(m, root, top_schema, "manifest");
    check_format(m, root);
    char *base = g_path_get_basename(m->dir);
    const char *id = string_member(m, root, top_schema, "id");
    net->id = *id ? id : sg_network_intern(net, base);
    g_free(base);
    net->title = string_member(m, root, top_schema, "title");
    net->description = string_member(m, root, top_schema, "description");
    read_span(m, root);
    const cJSON *entry;
    cJSON_ArrayForEach(entry, member(root, top_schema, "affiliations"))
        load_affiliation(m, entry);
    size_t manifest_affiliations = net->n_affiliations;
    load_table(m, root, "sources", false, sg_read_sources_table);
    /* Without the nodes every tie would name an unknown node: report the one cause, not a cascade. */
    size_t errors_before_nodes = m->diag->errors;
    bool nodes_read = load_table(m, root, "nodes", true, sg_read_nodes_table);
    if (nodes_read && (net->n_nodes > 0 || m->diag->errors == errors_before_nodes))
        load_table(m, root, "edges", true, sg_read_edges_table);
    load_table(m, root, "events", false, sg_read_events_table);
    size_t base_errors = m->diag->errors - errors_before;
    cJSON_ArrayForEach(entry, member(root, top_schema, "hypotheses"))
        load_hypothesis(m, entry);
    load_questions(m, root);
    check_affiliations_used(m, manifest_affiliations);
    /* Check every patch against the base now, so a bad patch is found whichever command runs; a base
     * that did not read cleanly would only give misleading patch errors. */
    for (size_t i = 0; base_errors == 0 && i < net->n_hypotheses; i++)
        sg_network_unref(sg_network_apply_patches(net, &net->hypotheses[i], m->diag));
}

sg_network *sg_load_manifest_bytes(const char *name, const char *dir, const char *data, size_t len, sg_diag *diag)
{
    if (!sg_csv_check_text(name, data, len, diag))
        return NULL;
    char *text = len < G_MAXSIZE ? g_try_malloc(len + 1) : NULL;
    if (!text) {
        out_of_memory(name, diag);
        return NULL;
    }
    memcpy(text, data, len);
    text[len] = '\0';
    /* the NUL is part of the buffer so that cJSON rejects anything after the object */
    const char *error_at = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len + 1, &error_at, true);
    if (!root || !cJSON_IsObject(root)) {
        sg_origin at = {name, 1, 1};
        if (!root && error_at)
            sg_text_position(text, (size_t)(error_at - text), &at.line, &at.column);
        sg_diag_error(diag, &at, root ? "the manifest must be a JSON object" : "malformed JSON");
        cJSON_Delete(root);
        g_free(text);
        return NULL;
    }
    sg_json_positions *pos = sg_json_positions_new(root, text, len);
    if (!pos) {
        out_of_memory(name, diag);
        cJSON_Delete(root);
        g_free(text);
        return NULL;
    }
    sg_network *net = sg_network_new(name);
    manifest m = {.net = net, .file = sg_network_intern(net, name), .dir = dir, .pos = pos,
                  .sum = g_checksum_new(G_CHECKSUM_SHA256), .diag = diag};
    m.real_dir = realpath(dir, NULL);
    m.real_dir_err = errno;
    net->curated = true;
    hash_bytes(m.sum, data, len);
    read_manifest(&m, root);
    finish_hash(net, m.sum);
    free(m.real_dir);
    sg_json_positions_free(pos);
    cJSON_Delete(root);
    g_free(text);
    if (!memory_held(net, name, diag)) {
        sg_network_unref(net);
        return NULL;
    }
    return net;
}

/* ---- the NETWORK argument ----------------------------------------------------------------------- */

static const sg_graph_format *input_format;
static const char *nodes_table;

void sg_set_input_format(const sg_graph_format *format)
{
    input_format = format;
}

void sg_set_nodes_table(const char *path)
{
    nodes_table = path;
}

/* True when DATA looks like a spygraph manifest: a JSON object naming "format": "spygraph-network" near its
 * start, or a JSON object naming no other format. */
static bool looks_like_manifest(const char *data, size_t len)
{
    size_t i = 0;
    while (i < len && g_ascii_isspace(data[i]))
        i++;
    if (i + 3 <= len && (unsigned char)data[i] == 0xEF)
        i += 3; /* a byte-order mark: the manifest reader reports it */
    if (i >= len || data[i] != '{')
        return false;
    const sg_graph_format *json = sg_graph_format_find("json"); /* the only other format that is a JSON object */
    return !json || !json->sniff(data, len);
}

/* Reads the node table --nodes names into NET (before the edge list's ties), its bytes into SUM (the input's
 * hash covers both files). Returns false after errors. */
static bool read_nodes_table(sg_network *net, GChecksum *sum, sg_diag *diag)
{
    char *data = NULL;
    size_t len = 0;
    const char *name = sg_network_intern(net, nodes_table);
    if (!read_input(nodes_table, name, INPUT_ANY_FILE, NULL, &data, &len, diag))
        return false;
    hash_bytes(sum, data, len);
    size_t errors = diag->errors;
    sg_csv *csv = sg_csv_parse(name, data, len, 0, diag);
    if (csv)
        sg_read_nodes_table(net, csv, name, diag);
    sg_csv_free(csv);
    g_free(data);
    return diag->errors == errors && memory_held(net, name, diag);
}

/* Reads the LEN bytes at DATA, the file NAME, as FORMAT (NULL: a CSV edge list). */
static sg_network *read_as(const sg_graph_format *format, const char *name, const char *data, size_t len,
                           sg_diag *diag)
{
    bool csv = !format || strcmp(format->name, "csv") == 0;
    if (nodes_table && !csv) {
        sg_diag_error(diag, &(sg_origin){name, 0, 0}, "--nodes is for a CSV edge list, and this is read as %s",
                      format->name);
        return NULL;
    }
    size_t errors = diag->errors;
    sg_network *net = csv ? load_edge_list(name, data, len, nodes_table ? read_nodes_table : NULL, diag)
                          : format->read(name, data, len, diag);
    /* a file of one format read as another (by its extension, or --input-format) fails with that reader's
     * message: say what its content looks like */
    const sg_graph_format *looks = diag->errors > errors ? sg_graph_format_sniff(data, len) : NULL;
    const char *tried = format ? format->name : "csv";
    if (looks && strcmp(looks->name, tried) != 0 && strcmp(looks->name, "csv") != 0 &&
        strcmp(looks->name, "edgelist") != 0)
        sg_diag_error(diag, &(sg_origin){name, 0, 0}, "read as %s, but its content looks like %s: try "
                      "--input-format %s", tried, looks->name, looks->name);
    return net;
}

/* ---- under MPI: the input read by rank 0 and broadcast to the other ranks (--mpi-read root) ---------- */

/* Adds a record to PACK: the length and bytes of NAME, then the length and bytes of DATA (lengths as
 * 64-bit little-endian). */
static void pack_record(GByteArray *pack, const char *name, const char *data, size_t len)
{
    guint64 n = GUINT64_TO_LE((guint64)strlen(name)), k = GUINT64_TO_LE((guint64)len);
    g_byte_array_append(pack, (const guint8 *)&n, sizeof n);
    g_byte_array_append(pack, (const guint8 *)name, (guint)strlen(name));
    g_byte_array_append(pack, (const guint8 *)&k, sizeof k);
    g_byte_array_append(pack, (const guint8 *)data, (guint)len);
}

/* Packs the regular files of the folder DIR (links followed, NAME its path in the pack; subfolders to a
 * depth of 8) into PACK. A file past the maximum input size, past a pack of 2 GB, or unreadable, is left
 * out: if the manifest names it, rank 0's own reading reports it or the other ranks fail to read it, and
 * the ranks agree on the failure. */
static void pack_folder(GByteArray *pack, const char *dir, const char *name, int depth)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *entry;
    while (d && (entry = g_dir_read_name(d))) {
        char *path = g_build_filename(dir, entry, NULL);
        char *inner = *name ? g_strconcat(name, "/", entry, NULL) : g_strdup(entry);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode) && depth > 0) {
            pack_folder(pack, path, inner, depth - 1);
        } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size <= max_input_size &&
                   (guint64)pack->len + (guint64)st.st_size + strlen(inner) + 16 <= G_MAXINT) {
            char *data = NULL;
            gsize len = 0;
            if (g_file_get_contents(path, &data, &len, NULL))
                pack_record(pack, inner, data, len);
            g_free(data);
        }
        g_free(inner);
        g_free(path);
    }
    if (d)
        g_dir_close(d);
}

/* Writes the records of PACK (LEN bytes) under the folder ROOT. Returns false when a record is malformed
 * (a name that leaves ROOT) or a file cannot be written. */
static bool unpack_folder(const char *pack, size_t len, const char *root)
{
    size_t at = 0;
    while (at < len) {
        guint64 n, k;
        if (len - at < sizeof n)
            return false;
        memcpy(&n, pack + at, sizeof n);
        n = GUINT64_FROM_LE(n);
        at += sizeof n;
        if (n == 0 || len - at < n + sizeof k)
            return false;
        char *name = g_strndup(pack + at, (gsize)n);
        at += (size_t)n;
        memcpy(&k, pack + at, sizeof k);
        k = GUINT64_FROM_LE(k);
        at += sizeof k;
        bool ok = len - at >= k && name[0] != '/' && !strstr(name, "..");
        char *path = ok ? g_build_filename(root, name, NULL) : NULL;
        char *parent = path ? g_path_get_dirname(path) : NULL;
        ok = ok && g_mkdir_with_parents(parent, 0700) == 0 &&
             g_file_set_contents(path, pack + at, (gssize)k, NULL);
        at += ok ? (size_t)k : 0;
        g_free(parent);
        g_free(path);
        g_free(name);
        if (!ok)
            return false;
    }
    return true;
}

/* Removes the folder PATH and everything under it (ignoring errors). */
static void remove_tree(const char *path)
{
    GDir *d = g_dir_open(path, 0, NULL);
    const char *entry;
    while (d && (entry = g_dir_read_name(d))) {
        char *child = g_build_filename(path, entry, NULL);
        struct stat st;
        if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(child);
        else
            unlink(child);
        g_free(child);
    }
    if (d)
        g_dir_close(d);
    rmdir(path);
}

/* Collective. Rank 0 reads the file at PATH (RULE as read_input; its errors into DIAG) and every rank
 * keeps the bytes as PATH's content (preloaded), so that the loader reads them there instead of the file.
 * Returns false on every rank when rank 0 could not read it (other ranks add a quiet error to DIAG). */
static bool share_file(const char *path, input_rule rule, sg_diag *diag)
{
    char *data = NULL;
    size_t len = 0;
    bool ok = sg_rank() != 0 || read_input(path, path, rule, NULL, &data, &len, diag);
    if (!sg_ranks_all(ok, NULL) || !sg_ranks_broadcast_bytes(&data, &len)) {
        g_free(data);
        if (sg_rank() != 0 || ok)
            sg_diag_error(diag, &(sg_origin){path, 0, 0}, "cannot read: rank 0 of the MPI run could not");
        return false;
    }
    if (!preloaded)
        preloaded = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
    g_hash_table_replace(preloaded, g_strdup(path), g_bytes_new_take(data, len));
    return true;
}

static sg_network *load_network_here(const char *path, sg_diag *diag);
static bool same_on_every_rank(const sg_network *net, int *first_different);

/* Collective. Rank 0 packs FOLDER, the network PATH's folder (PATH itself, or the folder of the manifest
 * PATH names); the other ranks unpack it into a private temporary folder (the same base name, inside a
 * folder of their own), load that (with LEAF, the manifest's name, when PATH is a manifest file), then
 * remove it; rank 0 loads PATH. */
static sg_network *load_shared_folder(const char *path, const char *folder, const char *leaf, sg_diag *diag)
{
    char *data = NULL;
    size_t len = 0;
    if (sg_rank() == 0) {
        GByteArray *pack = g_byte_array_new();
        pack_folder(pack, folder, "", 8);
        len = pack->len;
        data = (char *)g_byte_array_free(pack, FALSE);
    }
    if (!sg_ranks_broadcast_bytes(&data, &len)) {
        g_free(data);
        sg_diag_error(diag, &(sg_origin){path, 0, 0}, "cannot send the network's folder to the MPI ranks");
        return NULL;
    }
    if (sg_rank() == 0) {
        g_free(data);
        return load_network_here(path, diag);
    }
    char *tmp = g_dir_make_tmp("spygraph-rank-XXXXXX", NULL);
    char *base = g_path_get_basename(folder);
    char *inside = tmp ? g_build_filename(tmp, base, NULL) : NULL;
    char *target = inside ? g_build_filename(inside, leaf, NULL) : NULL;
    sg_network *net = NULL;
    if (inside && g_mkdir_with_parents(inside, 0700) == 0 && unpack_folder(data, len, inside))
        net = load_network_here(target, diag);
    else
        sg_diag_error(diag, &(sg_origin){path, 0, 0}, "cannot unpack the network's folder on this MPI rank");
    if (tmp)
        remove_tree(tmp);
    g_free(target);
    g_free(inside);
    g_free(base);
    g_free(tmp);
    g_free(data);
    return net;
}

/* On rank 0: what PATH is, for every rank to take the same steps: 1 a folder, 2 a manifest file (its
 * folder goes with it), 0 anything else (a file, standard input, a pipe). */
static char input_kind(const char *path)
{
    if (strcmp(path, "-") == 0)
        return 0;
    if (g_file_test(path, G_FILE_TEST_IS_DIR))
        return 1;
    char *data = NULL;
    gsize len = 0;
    bool manifest = !input_format && !nodes_table && g_str_has_suffix(path, ".json") &&
                    g_file_test(path, G_FILE_TEST_IS_REGULAR) && g_file_get_contents(path, &data, &len, NULL) &&
                    len <= max_input_size && looks_like_manifest(data, len);
    g_free(data);
    return manifest ? 2 : 0;
}

sg_network *sg_load_network(const char *path, sg_diag *diag)
{
    if (!sg_ranks_collective())
        return load_network_here(path, diag);
    bool is_stdin = strcmp(path, "-") == 0;
    char kind = sg_rank() == 0 ? input_kind(path) : 0;
    char *k = &kind;
    size_t one = 1;
    sg_network *net = NULL;
    bool shared = sg_ranks_broadcast_bytes(&k, &one);
    if (shared && k != &kind) {
        kind = *k;
        g_free(k);
    }
    if (!shared) {
        sg_diag_error(diag, &(sg_origin){path, 0, 0}, "cannot send the input to the MPI ranks");
    } else if (sg_ranks_get_read() == SG_RANKS_READ_ALL && !is_stdin) {
        net = load_network_here(path, diag); /* shared storage: every rank reads it */
    } else if (nodes_table && !share_file(nodes_table, INPUT_ANY_FILE, diag)) {
        net = NULL;
    } else if (kind == 1) {
        net = load_shared_folder(path, path, NULL, diag);
    } else if (kind == 2) {
        char *folder = g_path_get_dirname(path), *leaf = g_path_get_basename(path);
        net = load_shared_folder(path, folder, leaf, diag);
        g_free(folder);
        g_free(leaf);
    } else if (share_file(path, INPUT_ANY_FILE, diag)) {
        net = load_network_here(path, diag);
    }
    /* the ranks go on only together: a rank that could not read what rank 0 read stops them all */
    int failed = -1;
    bool ok = net && !diag->errors;
    if (!sg_ranks_all(ok, &failed) && ok && sg_ranks_get_read() == SG_RANKS_READ_ALL && !is_stdin)
        sg_diag_error(diag, &(sg_origin){path, 0, 0}, "cannot be read on MPI rank %d (use --mpi-read root, the "
                      "default, where the ranks do not share storage)", failed);
    else if (failed >= 0 && ok)
        sg_diag_error(diag, &(sg_origin){path, 0, 0}, "the copy rank 0 sent cannot be read on MPI rank %d (a "
                      "folder past 2 GB, or no room in its temporary folder: try --mpi-read all)", failed);
    else if (failed < 0 && sg_ranks_get_read() == SG_RANKS_READ_ALL && !is_stdin && !same_on_every_rank(net, &failed))
        sg_diag_error(diag, &(sg_origin){path, 0, 0}, "differs on MPI rank %d from what rank 0 read (a stale or "
                      "changing copy: --mpi-read all needs the same file on every rank; --mpi-read root, the "
                      "default, sends rank 0's)", failed);
    if (preloaded)
        g_hash_table_remove_all(preloaded);
    return net;
}

/* FNV-1a, 64 bits, of LEN bytes at P, continuing from H. */
static uint64_t fnv1a(uint64_t h, const void *p, size_t len)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < len; i++)
        h = (h ^ b[i]) * UINT64_C(1099511628211);
    return h;
}

/* Collective, under --mpi-read all once every rank has read NET: whether every rank read the same network as
 * rank 0 (its node and tie counts, and a hash of the node ids, the ties' ends, relations, confidences and
 * weights, and the hypotheses' ids); *FIRST_DIFFERENT is the lowest rank that did not. A rank that summed
 * another graph would give wrong figures, or, with another node count, leave the others waiting. O(n + m). */
static bool same_on_every_rank(const sg_network *net, int *first_different)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (size_t i = 0; i < net->n_nodes; i++)
        h = fnv1a(h, net->nodes[i].id, strlen(net->nodes[i].id) + 1);
    for (size_t i = 0; i < net->n_edges; i++) {
        const sg_edge *e = &net->edges[i];
        int ends[2] = {e->source, e->target};
        double values[2] = {e->confidence, e->weight};
        h = fnv1a(h, ends, sizeof ends);
        h = fnv1a(h, values, sizeof values);
        h = fnv1a(h, e->relation->name, strlen(e->relation->name) + 1);
    }
    for (size_t i = 0; i < net->n_hypotheses; i++)
        h = fnv1a(h, net->hypotheses[i].id, strlen(net->hypotheses[i].id) + 1);
    /* doubles carry whole numbers below 2^53 exactly: the hash in two halves */
    double mine[4] = {(double)net->n_nodes, (double)net->n_edges, (double)(h >> 32), (double)(h & 0xffffffffu)};
    double theirs[4];
    memcpy(theirs, mine, sizeof mine);
    bool sent = sg_ranks_broadcast_doubles(theirs, 4);
    return sg_ranks_all(sent && memcmp(mine, theirs, sizeof mine) == 0, first_different);
}

static sg_network *load_network_here(const char *path, sg_diag *diag)
{
    char *data = NULL;
    size_t len = 0;
    sg_network *net = NULL;
    bool is_stdin = strcmp(path, "-") == 0;
    char *manifest = !is_stdin && g_file_test(path, G_FILE_TEST_IS_DIR) ? g_build_filename(path, "network.json", NULL)
                                                                       : NULL;
    if (manifest && (input_format || nodes_table)) {
        sg_diag_error(diag, &(sg_origin){path, 0, 0}, "%s does not apply to a network folder (spygraph's own format)",
                      input_format ? "--input-format" : "--nodes");
        g_free(manifest);
        return NULL;
    }
    const char *file = manifest ? manifest : path;
    if (!read_input(file, file, manifest ? INPUT_REGULAR : INPUT_ANY_FILE, NULL, &data, &len, diag)) {
        g_free(manifest);
        return NULL;
    }
    const sg_graph_format *format = input_format;
    bool is_manifest = manifest != NULL;
    if (!format && !manifest && !is_stdin) {
        format = sg_graph_format_for_path(path);
        if (!format && g_str_has_suffix(path, ".json"))
            is_manifest = looks_like_manifest(data, len) || !(format = sg_graph_format_sniff(data, len));
    }
    if (!format && !is_manifest)
        format = sg_graph_format_sniff(data, len);
    if (is_manifest && !nodes_table) {
        char *dir = manifest ? g_strdup(path) : g_path_get_dirname(path);
        net = sg_load_manifest_bytes(file, dir, data, len, diag);
        g_free(dir);
        if (net && manifest) {
            g_free(net->name);
            net->name = g_strdup(path);
        }
    } else if (is_manifest) {
        sg_diag_error(diag, &(sg_origin){path, 0, 0}, "--nodes does not apply to a manifest (spygraph's own format)");
    } else {
        net = read_as(format, path, data, len, diag);
    }
    g_free(data);
    g_free(manifest);
    return net;
}

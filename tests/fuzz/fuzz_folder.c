/* fuzz_folder.c: libFuzzer target for a whole network folder on disk: manifest, tables and patches, then every reading of it. */
/*
 * The input is a folder packed as text (tests/fuzz/folder_seed.py packs a folder so, and unpacks an input):
 *
 *     {"format": "spygraph-network", ...}        <- bytes before the first header: network.json
 *     ---FILE nodes.csv
 *     id,label,kind
 *     ...
 *     ---FILE hypotheses/mole.csv
 *     op,source,target,relation
 *     ...
 *
 * A file starts with a header line "---FILE NAME" at the start of the input or right after a newline; its
 * content runs up to the newline before the next header (that newline belongs to the separator) or to the end
 * of the input. NAME is made a plain relative name (fuzz_name) so that nothing is ever written outside the
 * run's folder. Each run gets a fresh folder (mkdtemp under $TMPDIR, else /dev/shm, else /tmp), removed at
 * the end of the run.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_reading.h"
#include "spygraph/compare.h"
#include "spygraph/curation.h"
#include "spygraph/loader.h"
#include "spygraph/reading.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum {
    MAX_FILES = 64,       /* files written per run; the rest of the input is ignored */
    MAX_PARTS = 3,        /* folder depth of a name (hypotheses/x.csv is 2) */
    MAX_PART_LEN = 64,    /* bytes per name part */
    MAX_SCENARIOS = 64,   /* sg_scenarios_make's cap: more is an error, as in compare (which allows 256) */
    READ_SCENARIOS = 16   /* scenarios read and built per run, to keep a run fast */
};

static const char HEADER[] = "---FILE ";
static char base_dir[4096]; /* where each run's folder is made */
static bool debug;          /* FUZZ_FOLDER_DEBUG set: print the files written, each run's problems and whether
                               the network was read */

/* True when PATH is a folder this process can write in. */
static bool writable_dir(const char *path)
{
    struct stat st;
    return path && *path && strlen(path) < 3000 && stat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
           access(path, W_OK | X_OK) == 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sg_igraph_install_handlers();
    const char *tmpdir = getenv("TMPDIR");
    const char *base = writable_dir(tmpdir) ? tmpdir : writable_dir("/dev/shm") ? "/dev/shm" : "/tmp";
    snprintf(base_dir, sizeof base_dir, "%s", base);
    debug = getenv("FUZZ_FOLDER_DEBUG") != NULL;
    return 0;
}

/* Makes NAME (LEN bytes of the header line) a plain relative path into OUT (of OUT_SIZE bytes): split at '/',
 * with empty, "." and ".." parts dropped, every byte outside [A-Za-z0-9._-] replaced by '_', at most MAX_PARTS
 * parts of at most MAX_PART_LEN bytes each. Returns false when nothing is left. */
static bool fuzz_name(const char *name, size_t len, char *out, size_t out_size)
{
    size_t o = 0, parts = 0, i = 0;
    while (i < len && parts < MAX_PARTS) {
        size_t start = i;
        while (i < len && name[i] != '/')
            i++;
        size_t n = i - start;
        i++; /* past the slash */
        if (n == 0 || (n == 1 && name[start] == '.') || (n == 2 && name[start] == '.' && name[start + 1] == '.'))
            continue;
        if (n > MAX_PART_LEN)
            n = MAX_PART_LEN;
        if (o + n + 2 > out_size)
            break;
        if (parts++)
            out[o++] = '/';
        for (size_t k = 0; k < n; k++) {
            char c = name[start + k];
            out[o++] = g_ascii_isalnum(c) || c == '.' || c == '_' || c == '-' ? c : '_';
        }
    }
    out[o] = '\0';
    return o > 0;
}

/* Writes LEN bytes of DATA to REL inside DIR, making its folders. A name that cannot be made (a file
 * where a folder is wanted, or the reverse) is skipped. */
static void write_file(const char *dir, const char *rel, const char *data, size_t len)
{
    char path[4096 + MAX_PARTS * (MAX_PART_LEN + 1) + 2];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    for (char *slash = strchr(path + strlen(dir) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        int made = mkdir(path, 0700);
        *slash = '/';
        if (made != 0 && errno != EEXIST)
            return;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return;
    size_t total = len;
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n <= 0)
            break;
        data += n;
        len -= (size_t)n;
    }
    close(fd);
    if (debug)
        fprintf(stderr, "fuzz_folder: wrote %s (%zu bytes)\n", rel, total);
}

/* Where the next header line starts at or after P (at the input's start or after a newline), or END. */
static const char *next_header(const char *input, const char *p, const char *end)
{
    size_t h = sizeof HEADER - 1;
    for (; p < end; p++) {
        if ((p == input || p[-1] == '\n') && (size_t)(end - p) >= h && memcmp(p, HEADER, h) == 0)
            return p;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return end;
        p = nl; /* the loop's p++ moves to the next line's start */
    }
    return end;
}

/* Unpacks the input into DIR as the comment at the top says. */
static void unpack(const char *dir, const char *input, size_t size)
{
    const char *end = input + size;
    const char *p = next_header(input, input, end);
    /* what comes before the first header is network.json (so a bare manifest is an input too) */
    if (p > input)
        write_file(dir, "network.json", input, (size_t)(p - input - (p < end && p[-1] == '\n')));
    for (int files = 0; p < end && files < MAX_FILES; files++) {
        const char *name = p + sizeof HEADER - 1;
        const char *eol = memchr(name, '\n', (size_t)(end - name));
        const char *content = eol ? eol + 1 : end;
        const char *next = next_header(input, content, end);
        size_t len = (size_t)(next - content);
        if (next < end && len > 0 && next[-1] == '\n')
            len--; /* the newline before a header belongs to the separator */
        char rel[MAX_PARTS * (MAX_PART_LEN + 1) + 1];
        if (fuzz_name(name, (size_t)((eol ? eol : end) - name), rel, sizeof rel))
            write_file(dir, rel, content, len);
        p = next;
    }
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

/* ---- what is done with a network that loaded ---- */

/* Builds the graph of the read network READ as a directed merged graph, an undirected graph with one edge
 * per tie weighted by confidence, and a mutual graph weighted by weight. */
static void build_graphs(const sg_network *read)
{
    static const struct {
        sg_direction direction;
        sg_merge merge;
        sg_weights weights;
    } ways[] = {{SG_DIRECTION_DIRECTED, SG_MERGE_PARALLEL, SG_WEIGHTS_NONE},
                {SG_DIRECTION_UNDIRECTED, SG_MERGE_NONE, SG_WEIGHTS_CONFIDENCE},
                {SG_DIRECTION_MUTUAL, SG_MERGE_PARALLEL, SG_WEIGHTS_WEIGHT}};
    for (size_t i = 0; i < G_N_ELEMENTS(ways); i++) {
        sg_reading r;
        sg_reading_init(&r);
        r.direction = ways[i].direction;
        r.merge = ways[i].merge;
        r.weights = ways[i].weights;
        sg_graph g;
        if (sg_graph_build(&g, read, &r) == IGRAPH_SUCCESS)
            sg_graph_destroy(&g);
    }
}

/* Reads NET as R says and builds its graphs. */
static void read_and_build(sg_network *net, const sg_reading *r, sg_diag *diag)
{
    g_free(sg_reading_describe(r));
    sg_network *read = sg_reading_network(net, r, diag);
    if (read)
        build_graphs(read);
    sg_network_unref(read);
}

/* A date inside NET's span (the year of the middle day of the span, or its one given end), else the
 * start of the first dated tie, else 1935: where the snapshot readings are taken. */
static sg_date snapshot_date(const sg_network *net)
{
    sg_date start = net->span.start, end = net->span.end;
    if (!sg_date_is_open(start) && !sg_date_is_open(end)) {
        long a = sg_date_first_day(start), b = sg_date_last_day(end);
        if (a == LONG_MIN) /* an open-ended range (../1932) as the span's start */
            return end;
        if (b == LONG_MAX)
            return start;
        int y, m, d;
        sg_day_split(a + (b - a) / 2, &y, &m, &d);
        return sg_date_plain(y, 0, 0);
    }
    if (!sg_date_is_open(start))
        return start;
    if (!sg_date_is_open(end))
        return end;
    for (size_t i = 0; i < net->n_edges; i++)
        if (!sg_date_is_open(net->edges[i].when.start))
            return net->edges[i].when.start;
    return sg_date_plain(1935, 0, 0);
}

/* Runs on an error-free network what the commands would: the base, snapshots at a date and over a period,
 * each hypothesis alone (as read and at the date), all of them together, their union, and the scenarios. */
static void exercise(sg_network *net, sg_diag *diag)
{
    sg_date at = snapshot_date(net);
    /* the base: summary, snapshot at AT with organizations and places folded, channel relations only */
    fuzz_readings(net, at, diag);

    sg_reading r;
    sg_reading_init(&r);
    read_and_build(net, &r, diag);
    /* a period: from the span's start (or open) to the snapshot date, persons only */
    r.has_between = true;
    r.from = net->span.start;
    r.to = at;
    r.kinds = 1u << SG_KIND_PERSON;
    read_and_build(net, &r, diag);

    const char **all = g_new0(const char *, net->n_hypotheses + 1);
    for (size_t i = 0; i < net->n_hypotheses; i++) {
        all[i] = net->hypotheses[i].id;
        sg_reading_init(&r);
        r.hypotheses = &all[i];
        r.n_hypotheses = 1;
        read_and_build(net, &r, diag);
        r.has_at = true;
        r.at = at;
        r.fold = 1u << SG_KIND_ORGANIZATION;
        read_and_build(net, &r, diag);
    }
    if (net->n_hypotheses > 1) {
        /* all together: an error when two answer the same question, else every patch in manifest order */
        sg_reading_init(&r);
        r.hypotheses = all;
        r.n_hypotheses = net->n_hypotheses;
        read_and_build(net, &r, diag);
    }

    /* the union compare --render lays out: every node and tie any hypothesis adds */
    sg_network *u = sg_network_union_of_hypotheses(net, diag);
    if (u) {
        fuzz_readings(u, at, diag);
        build_graphs(u);
    }
    sg_network_unref(u);

    /* the scenarios compare --scenarios reads */
    sg_scenario_list *list = sg_scenarios_make(net, NULL, NULL, 0, MAX_SCENARIOS, diag);
    for (size_t i = 0; list && i < list->count && i < READ_SCENARIOS; i++) {
        sg_reading_init(&r);
        r.hypotheses = list->items[i].hypotheses;
        r.n_hypotheses = list->items[i].n_hypotheses;
        read_and_build(net, &r, diag);
    }
    sg_scenario_list_free(list);
    g_free(all);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char dir[sizeof base_dir + 40];
    snprintf(dir, sizeof dir, "%s/spygraph-fuzz-folder-XXXXXX", base_dir);
    if (!mkdtemp(dir)) {
        perror("fuzz_folder: mkdtemp");
        abort(); /* the harness cannot run: say so at once rather than fuzz nothing */
    }
    unpack(dir, (const char *)data, size);

    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_load_network(dir, diag);
    bool exercised = false;
    if (net) {
        sg_curation_check(net, diag);
        exercised = diag->errors == 0;
        if (exercised)
            exercise(net, diag);
    }
    sg_diag_sort(diag);
    for (size_t i = 0; i < diag->count; i++)
        g_free(sg_diagnostic_position(&diag->items[i]));
    if (debug) {
        sg_diag_print(diag, true);
        fprintf(stderr, "fuzz_folder: %s, %zu errors, %zu warnings after the readings\n",
                !net ? "nothing loaded" : exercised ? "readings done" : "not read (errors)", diag->errors,
                diag->warnings);
    }
    sg_network_unref(net);
    sg_diag_free(diag);

    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    return 0;
}

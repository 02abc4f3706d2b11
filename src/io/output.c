/* output.c: output files (atomic, all-or-none in a set, write errors reported, cleaned up on signals) and the table, CSV and JSON writers. */
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analysis/ranks.h"
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

/* ---- the temporary files the signal handler removes ----
 * Fixed slots of preallocated path buffers: the handler reads them without allocating or locking. A slot
 * is filled before its flag is set and its flag cleared before it is reused, with signals blocked in
 * this thread around both. */
enum { LIVE_SLOTS = 32 };
static char live_path[LIVE_SLOTS][PATH_MAX];
static atomic_int live_used[LIVE_SLOTS];
static pid_t live_owner; /* the process that installed the handler: forked workers remove nothing */
static const int handled_signals[] = {SIGHUP, SIGINT, SIGPIPE, SIGTERM};

static void on_signal(int sig)
{
    if (getpid() == live_owner)
        for (int i = 0; i < LIVE_SLOTS; i++)
            if (atomic_load(&live_used[i]))
                unlink(live_path[i]);
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig); /* delivered when the handler returns: the exit status is the signal's */
}

void sg_output_install_signal_handlers(void)
{
    live_owner = getpid();
    struct sigaction sa = {.sa_handler = on_signal};
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < G_N_ELEMENTS(handled_signals); i++)
        sigaddset(&sa.sa_mask, handled_signals[i]);
    for (size_t i = 0; i < G_N_ELEMENTS(handled_signals); i++) {
        struct sigaction old;
        if (sigaction(handled_signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(handled_signals[i], &sa, NULL);
    }
}

/* Blocks (BLOCK) or restores the handled signals in this thread; *SAVED holds the mask between. */
static void block_signals(bool block, sigset_t *saved)
{
    if (block) {
        sigset_t set;
        sigemptyset(&set);
        for (size_t i = 0; i < G_N_ELEMENTS(handled_signals); i++)
            sigaddset(&set, handled_signals[i]);
        pthread_sigmask(SIG_BLOCK, &set, saved);
    } else {
        pthread_sigmask(SIG_SETMASK, saved, NULL);
    }
}

/* Puts PATH in a free slot; returns the slot, or -1 when PATH is too long or every slot is taken.
 * Call with the signals blocked. */
static int live_add(const char *path)
{
    size_t n = strlen(path);
    if (n >= PATH_MAX)
        return -1;
    for (int i = 0; i < LIVE_SLOTS; i++)
        if (!atomic_load(&live_used[i])) {
            memcpy(live_path[i], path, n + 1);
            atomic_store(&live_used[i], 1);
            return i;
        }
    return -1;
}

static void live_remove(int slot)
{
    if (slot >= 0)
        atomic_store(&live_used[slot], 0);
}

/* ---- the stream: every write goes through write(2), so the first failure's errno is kept ---- */

static ssize_t stream_write(void *cookie, const char *buf, size_t size)
{
    sg_output *out = cookie;
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(out->fd, buf + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (!out->error)
                out->error = n < 0 ? errno : EIO;
            return 0; /* fopencookie: 0 on error, and the stream's error flag is set */
        }
        done += (size_t)n;
    }
    return (ssize_t)size;
}

static int stream_close(void *cookie)
{
    sg_output *out = cookie;
    if (out->fd == STDOUT_FILENO)
        return 0;
    if (close(out->fd) != 0 && errno != EINTR) {
        if (!out->error)
            out->error = errno;
        return -1;
    }
    return 0;
}

static const cookie_io_functions_t stream_functions = {.write = stream_write, .close = stream_close};

/* ---- sets ---- */

enum { OUT_OPEN, OUT_STAGED, OUT_FAILED };

struct sg_output_set {
    GPtrArray *members; /* sg_output */
    bool own;           /* made by sg_output_open for an output outside any set */
    bool failed;        /* an output could not be opened */
};

static sg_output_set *joining; /* the set sg_output_open joins, between begin and end */

sg_output_set *sg_output_set_begin(void)
{
    g_assert(!joining);
    joining = g_new0(sg_output_set, 1);
    joining->members = g_ptr_array_new();
    return joining;
}

/* Prints that OUT cannot be written, naming the path as given (or standard output) and the system's reason
 * for ERROR (errno; 0: a plain "write error"). */
static void report(const sg_output *out, int error)
{
    const char *reason = error ? g_strerror(error) : "write error";
    if (out->name)
        sg_error("%s: cannot write: %s", out->name, reason);
    else
        sg_error("cannot write standard output: %s", reason);
}

/* Removes OUT's temporary file, if any. */
static void remove_temporary(sg_output *out)
{
    if (!out->tmp_path)
        return;
    sigset_t saved;
    block_signals(true, &saved);
    unlink(out->tmp_path);
    live_remove(out->slot);
    out->slot = -1;
    block_signals(false, &saved);
    g_clear_pointer(&out->tmp_path, g_free);
}

static void output_free(sg_output *out)
{
    g_free(out->name);
    g_free(out->target);
    g_free(out->tmp_path);
    g_free(out);
}

/* Closes OUT's stream if still open: reports a failed write first when REPORT. Returns true when every
 * write, the flush and the close succeeded. */
static bool close_stream(sg_output *out, bool report_failure)
{
    if (!out->stream)
        return out->error == 0;
    bool ok = fflush(out->stream) == 0 && !ferror(out->stream);
    ok = fclose(out->stream) == 0 && ok && out->error == 0;
    out->stream = NULL;
    if (!ok && report_failure)
        report(out, out->error);
    return ok;
}

bool sg_output_set_end(sg_output_set *set, bool ok)
{
    if (set == joining)
        joining = NULL;
    GPtrArray *m = set->members;
    ok = ok && !set->failed;
    for (guint i = 0; i < m->len; i++) {
        sg_output *out = m->pdata[i];
        if (out->state == OUT_OPEN) /* neither committed nor aborted */
            close_stream(out, true);
        ok = ok && out->state == OUT_STAGED;
    }
    /* Renames with the signals blocked, so that a signal comes before every rename or after them all. */
    sigset_t saved;
    block_signals(true, &saved);
    for (guint i = 0; i < m->len && ok; i++) {
        sg_output *out = m->pdata[i];
        if (out->tmp_path && rename(out->tmp_path, out->target) != 0) {
            report(out, errno);
            ok = false;
        } else if (out->tmp_path) {
            live_remove(out->slot);
            out->slot = -1;
            g_clear_pointer(&out->tmp_path, g_free);
        }
    }
    block_signals(false, &saved);
    for (guint i = 0; i < m->len; i++) {
        remove_temporary(m->pdata[i]);
        output_free(m->pdata[i]);
    }
    g_ptr_array_free(m, TRUE);
    g_free(set);
    return ok;
}

/* ---- folders written whole ---- */

struct sg_output_folder {
    char *path;     /* as given */
    char *tmp;      /* the temporary folder beside it */
    bool replace;   /* a folder is at PATH and will be replaced */
};

/* Removes the folder PATH and what it holds, two levels deep at most (an export's folder and its
 * hypotheses/). Errors are ignored: a temporary folder left behind is named by its leading dot. */
static void remove_tree(const char *path, int depth)
{
    GDir *dir = g_dir_open(path, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name(dir))) {
        char *child = g_build_filename(path, name, NULL);
        struct stat st;
        if (depth > 0 && lstat(child, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(child, depth - 1);
        else
            unlink(child);
        g_free(child);
    }
    if (dir)
        g_dir_close(dir);
    rmdir(path);
}

/* True when every entry of the folder PATH is named in REPLACEABLE; else *OTHER is the first other name
 * (g_free). */
static bool only_replaceable(const char *path, const char *const *replaceable, char **other)
{
    GDir *dir = g_dir_open(path, 0, NULL);
    const char *name;
    bool ok = dir != NULL;
    while (ok && (name = g_dir_read_name(dir))) {
        bool known = false;
        for (size_t k = 0; replaceable && replaceable[k] && !known; k++)
            known = strcmp(replaceable[k], name) == 0;
        if (!known) {
            *other = g_strdup(name);
            ok = false;
        }
    }
    if (dir)
        g_dir_close(dir);
    return ok;
}

sg_output_folder *sg_output_folder_open(const char *path, const char *const *replaceable)
{
    if (!path || strcmp(path, "-") == 0) {
        sg_error("this output is a folder of files: name it with -o FOLDER");
        return NULL;
    }
    if (sg_rank() != 0) { /* under MPI, rank 0 alone writes: the others fill a private folder, then drop it */
        sg_output_folder *f = g_new0(sg_output_folder, 1);
        f->path = NULL;
        f->tmp = g_dir_make_tmp("spygraph-rank-XXXXXX", NULL);
        if (!f->tmp) {
            sg_error("%s: cannot make a temporary folder", path);
            g_free(f);
            return NULL;
        }
        return f;
    }
    struct stat st;
    char *unslashed = g_strdup(path);
    for (size_t n = strlen(unslashed); n > 1 && unslashed[n - 1] == '/';)
        unslashed[--n] = '\0';
    bool link = lstat(unslashed, &st) == 0 && S_ISLNK(st.st_mode);
    g_free(unslashed);
    if (link) { /* renaming would move the link, not the folder it names */
        sg_error("%s: cannot write a folder there: it is a symbolic link (name the folder it points to)", path);
        return NULL;
    }
    bool exists = stat(path, &st) == 0;
    if (exists && !S_ISDIR(st.st_mode)) {
        sg_error("%s: cannot write a folder there: a file of that name exists", path);
        return NULL;
    }
    char *other = NULL;
    if (exists && !only_replaceable(path, replaceable, &other)) {
        if (other)
            sg_error("%s: cannot replace the folder: it holds '%s', which this output does not write (choose a new "
                     "folder)", path, other);
        else
            sg_error("%s: cannot replace the folder: %s", path, g_strerror(errno));
        g_free(other);
        return NULL;
    }
    char *trimmed = g_strdup(path);
    size_t n = strlen(trimmed);
    while (n > 1 && trimmed[n - 1] == '/')
        trimmed[--n] = '\0';
    char *dir = g_path_get_dirname(trimmed), *base = g_path_get_basename(trimmed);
    sg_output_folder *f = g_new0(sg_output_folder, 1);
    f->path = trimmed;
    f->replace = exists;
    f->tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
    bool made = g_mkdtemp_full(f->tmp, 0700) != NULL;
    int error = errno;
    struct stat parent;
    if (!made && error == ENOENT && stat(dir, &parent) != 0)
        sg_error("%s: cannot write: the folder '%s' does not exist", path, dir);
    else if (!made)
        sg_error("%s: cannot write: %s", path, g_strerror(error));
    g_free(dir);
    g_free(base);
    if (!made) {
        g_free(f->tmp);
        g_free(f->path);
        g_free(f);
        return NULL;
    }
    mode_t mask = umask(0);
    umask(mask);
    chmod(f->tmp, 0777 & ~mask); /* as mkdir would make it */
    return f;
}

const char *sg_output_folder_path(const sg_output_folder *f)
{
    return f->tmp;
}

static void folder_free(sg_output_folder *f)
{
    g_free(f->path);
    g_free(f->tmp);
    g_free(f);
}

bool sg_output_folder_commit(sg_output_folder *f)
{
    char *old = NULL;
    bool ok = true;
    if (!f->path) { /* a rank other than 0 */
        remove_tree(f->tmp, 1);
        folder_free(f);
        return true;
    }
    if (f->replace) {
        char *dir = g_path_get_dirname(f->path), *base = g_path_get_basename(f->path);
        old = g_strdup_printf("%s/.%s.old.XXXXXX", dir, base);
        g_free(dir);
        g_free(base);
        /* an empty folder made to be renamed over: rename(2) replaces an empty folder */
        ok = g_mkdtemp_full(old, 0700) != NULL && rename(f->path, old) == 0;
    }
    if (ok && rename(f->tmp, f->path) != 0) {
        ok = false;
        if (old)
            rename(old, f->path); /* put the old folder back */
    }
    if (!ok) {
        sg_error("%s: cannot write: %s", f->path, g_strerror(errno));
        remove_tree(f->tmp, 1);
        if (old)
            rmdir(old);
    } else if (old) {
        remove_tree(old, 1);
    }
    g_free(old);
    folder_free(f);
    return ok;
}

void sg_output_folder_abort(sg_output_folder *f)
{
    if (!f)
        return;
    remove_tree(f->tmp, 1);
    folder_free(f);
}

/* ---- opening ---- */

/* PATH with its symbolic links followed to the final target (which may not exist: a dangling link), a
 * relative link read from the link's folder. Returns a new string, or NULL with errno set (ELOOP after
 * 40 links). O(links). */
static char *resolve_links(const char *path)
{
    char *p = g_strdup(path);
    for (int hops = 0;; hops++) {
        struct stat st;
        if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
            return p; /* a missing file is created; other errors come out when opening */
        if (hops == 40) {
            g_free(p);
            errno = ELOOP;
            return NULL;
        }
        char link[PATH_MAX];
        ssize_t n = readlink(p, link, sizeof link - 1);
        if (n < 0) {
            g_free(p);
            return NULL;
        }
        link[n] = '\0';
        char *next;
        if (g_path_is_absolute(link)) {
            next = g_strdup(link);
        } else {
            char *dir = g_path_get_dirname(p);
            next = g_build_filename(dir, link, NULL);
            g_free(dir);
        }
        g_free(p);
        p = next;
    }
}

/* The mode a new file gets from fopen: 0666 less the umask. */
static mode_t new_file_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

/* Makes OUT's temporary file beside OUT->target, registered for the signal handler, with the mode (and
 * owner) of the file it replaces (EXISTING, or NULL for a new file). Returns false after printing the
 * error. */
static bool make_temporary(sg_output *out, const struct stat *existing)
{
    char *dir = g_path_get_dirname(out->target);
    char *base = g_path_get_basename(out->target);
    out->tmp_path = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
    g_free(base);
    sigset_t saved;
    block_signals(true, &saved);
    out->fd = g_mkstemp_full(out->tmp_path, O_WRONLY | O_CLOEXEC, 0600);
    int error = errno;
    if (out->fd >= 0 && (out->slot = live_add(out->tmp_path)) < 0) {
        unlink(out->tmp_path);
        close(out->fd);
        out->fd = -1;
        error = strlen(out->tmp_path) >= PATH_MAX ? ENAMETOOLONG : EMFILE; /* too long, or every slot taken */
    }
    block_signals(false, &saved);
    if (out->fd < 0) {
        struct stat st;
        if (error == ENOENT && stat(dir, &st) != 0)
            sg_error("%s: cannot write: the folder '%s' does not exist", out->name, dir);
        else if (error == ENOTDIR || (error == ENOENT && !S_ISDIR(st.st_mode)))
            sg_error("%s: cannot write: '%s' is not a folder", out->name, dir);
        else
            report(out, error);
        g_free(dir);
        g_clear_pointer(&out->tmp_path, g_free);
        return false;
    }
    /* The target named absolutely, its folder's links resolved, to tell two outputs of a set apart. */
    char *real = realpath(dir, NULL);
    if (real) {
        char *base_name = g_path_get_basename(out->target);
        g_free(out->target);
        out->target = g_build_filename(real, base_name, NULL);
        g_free(base_name);
        free(real);
    }
    g_free(dir);
    for (guint i = 0; joining && i < joining->members->len; i++) {
        const sg_output *other = joining->members->pdata[i];
        if (other->target && strcmp(other->target, out->target) == 0) {
            sg_error("%s: cannot write: the same file is named for two outputs of this run", out->name);
            close(out->fd);
            remove_temporary(out);
            return false;
        }
    }
    /* The owner and group only where the user may give them (root, or a group of one's own); the mode
     * after them, since changing the owner clears set-user-id bits. */
    if (existing && (existing->st_uid != geteuid() || existing->st_gid != getegid()) &&
        fchown(out->fd, existing->st_uid, existing->st_gid) != 0)
        (void)!fchown(out->fd, (uid_t)-1, existing->st_gid);
    if (fchmod(out->fd, existing ? existing->st_mode & 07777 : new_file_mode()) != 0) {
        report(out, errno);
        close(out->fd);
        remove_temporary(out);
        return false;
    }
    return true;
}

/* Opens OUT (name set) for writing: standard output, in place, or through a temporary file. Returns
 * false after printing the error. */
static bool open_destination(sg_output *out)
{
    if (!out->name) {
        fflush(stdout); /* what was printed before comes first */
        out->fd = STDOUT_FILENO;
        return true;
    }
    if (!*out->name) {
        sg_error("cannot write to a file with an empty name");
        return false;
    }
    if (sg_rank() != 0) { /* under MPI, rank 0 alone writes: the others write nothing, in place */
        out->fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (out->fd < 0) {
            report(out, errno);
            return false;
        }
        return true;
    }
    out->target = resolve_links(out->name);
    if (!out->target) {
        report(out, errno);
        return false;
    }
    struct stat st;
    bool exists = stat(out->target, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        sg_error("%s: cannot write: it is a folder", out->name);
        return false;
    }
    if (exists && !S_ISREG(st.st_mode)) {
        /* A device, a FIFO or a socket is written in place: renaming a file over it would replace it,
         * and it holds no partial file to protect anyway. */
        out->fd = open(out->target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (out->fd < 0) {
            report(out, errno);
            return false;
        }
        g_clear_pointer(&out->target, g_free);
        return true;
    }
    return make_temporary(out, exists ? &st : NULL);
}

sg_output *sg_output_open(const char *path)
{
    sg_output *out = g_new0(sg_output, 1);
    out->slot = -1;
    out->fd = -1;
    out->name = path && strcmp(path, "-") != 0 ? g_strdup(path) : NULL;
    if (!open_destination(out)) {
        output_free(out);
        if (joining) /* the set cannot succeed any more */
            joining->failed = true;
        return NULL;
    }
    out->stream = fopencookie(out, "w", stream_functions);
    if (!out->stream) {
        report(out, errno);
        if (out->fd != STDOUT_FILENO)
            close(out->fd);
        remove_temporary(out);
        output_free(out);
        return NULL;
    }
    out->state = OUT_OPEN;
    if (joining) {
        out->set = joining;
    } else {
        out->set = g_new0(sg_output_set, 1);
        out->set->members = g_ptr_array_new();
        out->set->own = true;
    }
    g_ptr_array_add(out->set->members, out);
    return out;
}

bool sg_output_commit(sg_output *out)
{
    bool ok = close_stream(out, true);
    out->state = ok ? OUT_STAGED : OUT_FAILED;
    if (!ok)
        remove_temporary(out);
    if (out->set->own)
        return sg_output_set_end(out->set, ok);
    return ok;
}

void sg_output_abort(sg_output *out)
{
    if (!out)
        return;
    close_stream(out, out->error != 0);
    out->state = OUT_FAILED;
    remove_temporary(out);
    if (out->set->own)
        sg_output_set_end(out->set, false);
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
        size_t end = t->n_columns; /* cells after the last with text are left out: no trailing blanks */
        while (end > 1 && !*texts[i * t->n_columns + end - 1])
            end--;
        for (size_t j = 0; j < end; j++) {
            const char *text = texts[i * t->n_columns + j];
            size_t w = sg_display_width(text);
            bool last = j + 1 == end;
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
static bool csv_bom;

void sg_csv_set_bom(bool bom)
{
    csv_bom = bom;
}

bool sg_csv_bom(void)
{
    return csv_bom;
}

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

void sg_csv_write_raw_field(FILE *stream, const char *text)
{
    if (!strpbrk(text, ",\"\r\n")) {
        fputs(text, stream);
        return;
    }
    fputc('"', stream);
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
    if (csv_bom)
        fputs("\xEF\xBB\xBF", stream);
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

/* sg_json_write and sg_json_write_compact: FORMATTED picks cJSON's printer. */
static bool json_write(const cJSON *json, FILE *stream, bool formatted)
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
    char *text = !numbers_to_text(copy) ? NULL : formatted ? cJSON_Print(copy) : cJSON_PrintUnformatted(copy);
    cJSON_Delete(copy);
    if (!text)
        return false;
    write_json_text(text, stream);
    fputc('\n', stream);
    cJSON_free(text);
    return true;
}

bool sg_json_write(const cJSON *json, FILE *stream)
{
    return json_write(json, stream, true);
}

bool sg_json_write_compact(const cJSON *json, FILE *stream)
{
    return json_write(json, stream, false);
}

/* Adds KEY: the date, or null when open. */
static void add_date(cJSON *obj, const char *key, sg_date d)
{
    char buf[SG_DATE_TEXT_MAX];
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
    add_date(obj, "at", r->has_at ? r->at : sg_date_open());
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

cJSON *sg_json_uint64(uint64_t value)
{
    char text[32];
    g_snprintf(text, sizeof text, "%" G_GUINT64_FORMAT, (guint64)value);
    return cJSON_CreateRaw(text);
}

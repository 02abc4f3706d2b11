/* progress.c: the progress line of long computations on standard error, drawn from a timer, counted across worker processes. */
#include <errno.h>
#include <glib.h>
#include <igraph.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "spygraph/progress.h"

/* The count of steps done, in memory shared with the worker processes forked while it is live. */
typedef struct shared_count {
    _Atomic uint64_t done;
} shared_count;

static sg_progress_mode mode = SG_PROGRESS_AUTO;
static bool mode_set;
static bool shows;           /* this process may print progress (mode, terminal, shared counter) */
static bool in_place;        /* standard error is a terminal: one line redrawn with a carriage return */
static pid_t owner;          /* the process that set the mode: the only one that prints */
static double delay = 1.0;   /* AUTO: seconds before the first line */
static shared_count *count;  /* mmap(MAP_SHARED | MAP_ANONYMOUS), made once */
static bool handler_installed;

/* The computation being reported (set before the timer is armed, read by the signal handler). */
static int depth;                        /* nesting of begin/end in this process */
static volatile sig_atomic_t counting;   /* the outermost computation is being counted */
static volatile sig_atomic_t shown;      /* a line drawn in place is on the screen */
static volatile sig_atomic_t printed;    /* some line was printed for this computation */
static char what[81], unit[81];
static uint64_t total;
static struct timespec start;
static uint64_t igraph_units, igraph_seen; /* sg_progress_igraph_units */
static sigset_t paused_mask;
static bool paused;
static volatile sig_atomic_t broken; /* standard error failed or its reader went: no more lines this run */

/* ---- formatting, async-signal-safe (no stdio, no malloc) ---- */

typedef struct line {
    char text[400];
    size_t len;
} line;

static void put(line *l, const char *s)
{
    while (*s && l->len < sizeof l->text - 1)
        l->text[l->len++] = *s++;
}

/* V with a comma between groups of three digits. */
static void put_count(line *l, uint64_t v)
{
    char digits[32];
    int n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    char out[48];
    size_t k = 0;
    for (int i = n - 1; i >= 0; i--) {
        out[k++] = digits[i];
        if (i > 0 && i % 3 == 0)
            out[k++] = ',';
    }
    out[k] = '\0';
    put(l, out);
}

/* A duration: "0.4 s", "12 s", "3 min 05 s", "2 h 07 min" (tenths below ten seconds when TENTHS). */
static void put_duration(line *l, double seconds, bool tenths)
{
    if (seconds < 0)
        seconds = 0;
    uint64_t s = (uint64_t)seconds;
    char two[3] = {0};
    if (tenths && seconds < 10) {
        uint64_t t = (uint64_t)(seconds * 10 + 0.5);
        put_count(l, t / 10);
        put(l, ".");
        char d[2] = {(char)('0' + t % 10), 0};
        put(l, d);
        put(l, " s");
    } else if (s < 60) {
        put_count(l, s);
        put(l, " s");
    } else if (s < 3600) {
        put_count(l, s / 60);
        put(l, " min ");
        two[0] = (char)('0' + s % 60 / 10), two[1] = (char)('0' + s % 10);
        put(l, two);
        put(l, " s");
    } else {
        put_count(l, s / 3600);
        put(l, " h ");
        two[0] = (char)('0' + s % 3600 / 60 / 10), two[1] = (char)('0' + s % 3600 / 60 % 10);
        put(l, two);
        put(l, " min");
    }
}

static double elapsed(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start.tv_sec) + (double)(now.tv_nsec - start.tv_nsec) / 1e9;
}

/* The progress line now: `spygraph: WHAT P% (DONE/TOTAL UNIT, RATE/s, T left)` or, when the work cannot be
 * measured, `spygraph: WHAT, T`. FINAL: the last line, with the time taken instead of the time left. */
static void format_line(line *l, bool final)
{
    double t = elapsed();
    uint64_t done = atomic_load_explicit(&count->done, memory_order_relaxed);
    l->len = 0;
    if (in_place)
        put(l, "\r");
    put(l, "spygraph: ");
    put(l, what);
    if (total == 0) {
        put(l, final ? ", ended after " : ", ");
        put_duration(l, t, final);
    } else {
        if (done > total)
            done = total;
        put(l, " ");
        put_count(l, done * 100 / total);
        put(l, "% (");
        put_count(l, done);
        put(l, "/");
        put_count(l, total);
        put(l, " ");
        put(l, unit);
        double rate = t > 0 ? (double)done / t : 0;
        if (done > 0 && t >= 0.2) {
            put(l, ", ");
            if (rate >= 10) {
                put_count(l, (uint64_t)(rate + 0.5));
            } else {
                uint64_t r = (uint64_t)(rate * 10 + 0.5);
                put_count(l, r / 10);
                char d[3] = {'.', (char)('0' + r % 10), 0};
                put(l, d);
            }
            put(l, "/s");
        }
        if (final) {
            put(l, done == total ? ", " : ", stopped after ");
            put_duration(l, t, true);
        } else if (done > 0 && done < total && rate > 0) {
            double left = (double)(total - done) / rate;
            put(l, ", ");
            if (left < 1)
                put(l, "<1 s");
            else
                put_duration(l, left, false);
            put(l, " left");
        }
        put(l, ")");
    }
    put(l, in_place ? "\033[K" : "\n");
}

/* Writes L to standard error only if that cannot block or kill the run: progress is optional, so a line
 * is skipped when standard error cannot take it now (a full pipe nobody reads, a terminal held by Ctrl-S),
 * and an error or a reader gone (EPIPE, with SIGPIPE ignored during the write instead of ending the run)
 * stops all later lines. Async-signal-safe: poll, sigaction and write only. */
static void write_line(const line *l)
{
    if (broken)
        return;
    struct pollfd p = {.fd = STDERR_FILENO, .events = POLLOUT};
    int ready = poll(&p, 1, 0);
    if (ready < 0 || (p.revents & (POLLERR | POLLHUP | POLLNVAL))) {
        broken = 1;
        return;
    }
    if (ready == 0 || !(p.revents & POLLOUT))
        return; /* a pipe with room takes PIPE_BUF bytes (4096 or more) at once: more than a line */
    struct sigaction ignore, old;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    bool swapped = sigaction(SIGPIPE, &ignore, &old) == 0;
    size_t off = 0;
    while (off < l->len) {
        ssize_t k = write(STDERR_FILENO, l->text + off, l->len - off);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            broken = 1;
            break;
        }
        off += (size_t)k;
    }
    if (swapped)
        sigaction(SIGPIPE, &old, NULL);
}

static void draw(bool final)
{
    line l;
    format_line(&l, final);
    write_line(&l);
    printed = 1;
    shown = in_place;
}

static void clear_in_place(void)
{
    if (!shown)
        return;
    static const line clear = {"\r\033[K", 4};
    write_line(&clear);
    shown = 0;
}

/* SIGALRM: redraws the line. */
static void on_tick(int sig)
{
    (void)sig;
    int saved = errno;
    if (counting)
        draw(false);
    errno = saved;
}

static void arm(double first, double period)
{
    struct itimerval it = {0};
    it.it_value.tv_sec = (time_t)first;
    it.it_value.tv_usec = (suseconds_t)((first - (double)(time_t)first) * 1e6);
    if (it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0)
        it.it_value.tv_usec = 1;
    it.it_interval.tv_sec = (time_t)period;
    it.it_interval.tv_usec = (suseconds_t)((period - (double)(time_t)period) * 1e6);
    setitimer(ITIMER_REAL, &it, NULL);
}

static void disarm(void)
{
    struct itimerval off = {0};
    setitimer(ITIMER_REAL, &off, NULL);
}

static void block_tick(bool block, sigset_t *saved)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGALRM);
    sigprocmask(block ? SIG_BLOCK : SIG_SETMASK, block ? &set : saved, block ? saved : NULL);
}

/* ---- igraph's progress reports ---- */

static igraph_error_t on_igraph_progress(const char *message, igraph_real_t percent, void *data)
{
    (void)message;
    (void)data;
    if (!counting || depth != 1 || igraph_units == 0)
        return IGRAPH_SUCCESS;
    if (percent < 0)
        percent = 0;
    uint64_t local = percent >= 100 ? igraph_units : (uint64_t)(percent / 100.0 * (double)igraph_units);
    if (local > igraph_seen) {
        sg_progress_add(local - igraph_seen);
        igraph_seen = local;
    }
    return IGRAPH_SUCCESS;
}

/* ---- the interface ---- */

void sg_progress_set_mode(sg_progress_mode m)
{
    mode = m;
    mode_set = true;
    owner = getpid();
    in_place = isatty(STDERR_FILENO) == 1;
    const char *d = g_getenv("SPYGRAPH_PROGRESS_DELAY"); /* for tests: the AUTO delay in seconds */
    if (d) {
        char *end = NULL;
        double v = g_ascii_strtod(d, &end);
        if (end && end != d && !*end && v >= 0 && v <= 3600)
            delay = v;
    }
    shows = m == SG_PROGRESS_FORCE || (m == SG_PROGRESS_AUTO && in_place);
    if (shows && !count) {
        void *p = mmap(NULL, sizeof(shared_count), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        count = p == MAP_FAILED ? NULL : p;
    }
    shows = shows && count;
    igraph_set_progress_handler(shows ? on_igraph_progress : NULL);
}

sg_progress_mode sg_progress_get_mode(void)
{
    return mode;
}

static void copy_text(char *dst, size_t size, const char *src)
{
    g_strlcpy(dst, src ? src : "", size);
}

void sg_progress_begin(const char *w, const char *u, uint64_t n)
{
    if (++depth != 1)
        return;
    if (!mode_set)
        sg_progress_set_mode(SG_PROGRESS_AUTO);
    counting = 0;
    if (!shows || getpid() != owner)
        return;
    if (!handler_installed) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_tick;
        sa.sa_flags = SA_RESTART; /* system calls under way carry on */
        sigemptyset(&sa.sa_mask);
        if (sigaction(SIGALRM, &sa, NULL) != 0)
            return;
        handler_installed = true;
    }
    atomic_store_explicit(&count->done, 0, memory_order_relaxed);
    copy_text(what, sizeof what, w);
    copy_text(unit, sizeof unit, u);
    total = n;
    igraph_units = igraph_seen = 0;
    printed = shown = 0;
    clock_gettime(CLOCK_MONOTONIC, &start);
    counting = 1;
    double period = in_place ? 0.25 : 1.0;
    if (mode == SG_PROGRESS_FORCE)
        draw(false);
    arm(mode == SG_PROGRESS_FORCE ? period : delay, period);
}

void sg_progress_add(uint64_t steps)
{
    if (counting && depth == 1)
        atomic_fetch_add_explicit(&count->done, steps, memory_order_relaxed);
}

void sg_progress_igraph_units(uint64_t units)
{
    if (counting && depth == 1) {
        igraph_units = units;
        igraph_seen = 0;
    }
}

void sg_progress_igraph_done(void)
{
    if (counting && depth == 1 && igraph_units > igraph_seen)
        sg_progress_add(igraph_units - igraph_seen);
    igraph_units = igraph_seen = 0;
}

void sg_progress_complete(void)
{
    if (counting && depth == 1 && total > 0)
        atomic_store_explicit(&count->done, total, memory_order_relaxed);
}

void sg_progress_end(void)
{
    if (depth == 0 || --depth != 0)
        return;
    if (!counting)
        return;
    sigset_t saved;
    block_tick(true, &saved);
    disarm();
    if (in_place)
        clear_in_place();
    else if (printed)
        draw(true);
    counting = 0;
    block_tick(false, &saved); /* a tick still pending finds nothing counting */
}

void sg_progress_pause(void)
{
    if (!counting || paused)
        return;
    block_tick(true, &paused_mask);
    paused = true;
    clear_in_place();
}

void sg_progress_resume(void)
{
    if (!paused)
        return;
    paused = false;
    block_tick(false, &paused_mask);
}

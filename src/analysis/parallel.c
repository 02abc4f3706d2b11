/* parallel.c: exact path-based measures with the work split across forked worker processes (and MPI ranks), summed in order. */
#include <errno.h>
#include <glib.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "analysis/centrality_internal.h"
#include "analysis/ranks.h"
#include "analysis/reduced.h"
#include "spygraph/progress.h"

/* > 0 while rows are computed: a parallel call made inside a row stays in this rank (its forked workers
 * inherit it), so only the outermost call is spread across MPI ranks, and every rank makes it alike. */
static int depth;

typedef sg_part_fn part_fn;

int sg_parallel_jobs(int requested)
{
    if (requested > 0)
        return requested;
    if (sg_rank_count() > 1) /* every rank alike: the ranks times the workers of each */
        return sg_rank_count() * MAX(1, sg_ranks_default_jobs());
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 0 ? (int)MIN(cores, 256) : 1;
}

int sg_parallel_parts(igraph_integer_t n, igraph_integer_t m, int requested)
{
    /* Below about a million vertex-edge steps a serial run takes a few milliseconds, as long as forking. */
    double work = (double)n * (double)(m + n);
    if (n < 64 || work < 1e6)
        return 1;
    double worth = MIN(work / 1e6, (double)n);
    return (int)MIN((double)sg_parallel_jobs(requested), worth);
}

/* fork(2) for a worker process: returns 0 in the worker, its pid in this process, -1 when none could start.
 * Pending output is flushed first (nothing buffered may be written twice), and the worker is killed when
 * this process ends, however it ends (a signal sent to it alone, a crash): a worker never goes on
 * computing for nobody. */
static pid_t start_worker(void)
{
    pid_t parent = getpid();
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0 && (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent))
        _exit(1); /* the parent ended before the worker could watch it */
    return pid;
}

static bool write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t k = write(fd, p, len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        p += k;
        len -= (size_t)k;
    }
    return true;
}

static bool read_all(int fd, void *data, size_t len)
{
    char *p = data;
    while (len > 0) {
        ssize_t k = read(fd, p, len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        p += k;
        len -= (size_t)k;
    }
    return true;
}

/* The parts of a sum, as the rows of sg_parallel_rows: row P is part P of PARTS. */
typedef struct sum_job {
    part_fn *fn;
    const void *ctx;
    int parts;
    igraph_integer_t length;
} sum_job;

static igraph_error_t part_row(const void *ctx, size_t row, double *out)
{
    const sum_job *job = ctx;
    igraph_vector_t part;
    IGRAPH_VECTOR_INIT_FINALLY(&part, job->length);
    IGRAPH_CHECK(job->fn(job->ctx, (int)row, job->parts, &part));
    memcpy(out, VECTOR(part), (size_t)job->length * sizeof(double));
    igraph_vector_destroy(&part);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t spread_rows(sg_row_fn *fn, const void *ctx, size_t n_rows, size_t width, int parts,
                                  double *out);
static igraph_error_t local_rows(sg_row_fn *fn, const void *ctx, size_t row0, size_t n_rows, size_t width,
                                 int parts, double *out);

/* Whether a parallel call of PARTS parts made here is spread across the MPI ranks. */
static bool spreads(int parts)
{
    return depth == 0 && parts > 1 && sg_ranks_collective();
}

/* The first of the PARTS rows (parts, or blocks of rows) each of the R ranks takes: FIRST[r] = PARTS x r / R
 * (R + 1 entries; the caller g_free()s it). */
static size_t *rank_ranges(size_t parts)
{
    int ranks = sg_rank_count();
    size_t *first = g_new(size_t, ranks + 1);
    for (int r = 0; r <= ranks; r++)
        first[r] = parts * (size_t)r / (size_t)ranks;
    return first;
}

/* After this rank computed its share with status ERR: whether every rank succeeded (collective). A failure
 * elsewhere is reported here as IGRAPH_FAILURE naming the rank; returns the status to go on with. */
static igraph_error_t agree(igraph_error_t err)
{
    int failed = -1;
    if (!sg_ranks_all(err == IGRAPH_SUCCESS, &failed) && err == IGRAPH_SUCCESS) {
        igraph_errorf("the computation failed on MPI rank %d", __FILE__, __LINE__, IGRAPH_FAILURE, failed);
        err = IGRAPH_FAILURE;
    }
    return err;
}

/* sum_parts across the ranks: rank r computes parts FIRST[r] .. FIRST[r+1]-1 (contiguous), one forked
 * worker each, into a buffer of its own parts; sg_ranks_sum_rows adds them all on rank 0 in part order and
 * broadcasts the sum. */
static igraph_error_t spread_sum(const sum_job *job, igraph_vector_t *result)
{
    size_t *first = rank_ranges((size_t)job->parts);
    int me = sg_rank();
    size_t mine = first[me + 1] - first[me], length = (size_t)job->length;
    double *rows = g_try_new(double, mine * length + 1);
    igraph_error_t err = rows ? IGRAPH_SUCCESS : IGRAPH_ENOMEM;
    if (!rows)
        igraph_error("out of memory for the parts of a parallel sum", __FILE__, __LINE__, IGRAPH_ENOMEM);
    if (agree(err) == IGRAPH_SUCCESS) {
        depth++;
        if (mine > 0)
            err = local_rows(part_row, job, first[me], mine, length, (int)mine, rows);
        depth--;
        err = agree(err);
        if (err == IGRAPH_SUCCESS && !sg_ranks_sum_rows(rows, length, first, VECTOR(*result))) {
            igraph_error("MPI could not add the parts of the ranks", __FILE__, __LINE__, IGRAPH_FAILURE);
            err = IGRAPH_FAILURE;
        }
        if (err == IGRAPH_SUCCESS)
            sg_progress_complete(); /* rank 0 counted its own share: the others' are in */
    } else if (err == IGRAPH_SUCCESS) {
        err = IGRAPH_FAILURE;
    }
    g_free(rows);
    g_free(first);
    return err;
}

/* RESULT (resized to LENGTH) = the sum of the PARTS parts, added in part order so the result only depends
 * on PARTS. The parts run in forked workers (sg_parallel_rows), one each; across MPI ranks (spread_sum),
 * every rank ends with the very bytes one machine computes with the same PARTS. */
static igraph_error_t sum_parts(part_fn *fn, const void *ctx, int parts, igraph_integer_t length,
                                igraph_vector_t *result)
{
    IGRAPH_CHECK(igraph_vector_resize(result, length));
    igraph_vector_null(result);
    if (parts <= 1)
        return fn(ctx, 0, 1, result);
    sum_job job = {fn, ctx, parts, length};
    if (spreads(parts))
        return spread_sum(&job, result);
    double *rows = g_try_new(double, (size_t)parts * (size_t)length + 1);
    if (!rows)
        IGRAPH_ERROR("out of memory for the parts of a parallel sum", IGRAPH_ENOMEM);
    igraph_error_t err = spread_rows(part_row, &job, (size_t)parts, (size_t)length, parts, rows);
    for (int p = 0; err == IGRAPH_SUCCESS && p < parts; p++)
        for (igraph_integer_t i = 0; i < length; i++)
            VECTOR(*result)[i] += rows[(size_t)p * (size_t)length + (size_t)i];
    g_free(rows);
    return err;
}

igraph_error_t sg_parallel_sum(sg_part_fn *fn, const void *ctx, int parts, igraph_integer_t length,
                               igraph_vector_t *result)
{
    return sum_parts(fn, ctx, parts, length, result);
}

/* The vertices v with v % PARTS == PART, into VIDS (initialised by the caller). */
static igraph_error_t part_vertices(igraph_integer_t n, int part, int parts, igraph_vector_int_t *vids)
{
    igraph_vector_int_clear(vids);
    for (igraph_integer_t v = part; v < n; v += parts)
        IGRAPH_CHECK(igraph_vector_int_push_back(vids, v));
    return IGRAPH_SUCCESS;
}

typedef struct path_job {
    const igraph_t *g;
    const igraph_vector_t *lengths;
    igraph_neimode_t mode;
    bool closeness, harmonic;
} path_job;

static igraph_error_t betweenness_part(const void *ctx, int part, int parts, igraph_vector_t *result)
{
    const path_job *job = ctx;
    igraph_bool_t directed = igraph_is_directed(job->g);
    igraph_integer_t n = igraph_vcount(job->g);
    sg_progress_igraph_units((uint64_t)((n - part + parts - 1) / parts)); /* this part's sources */
    if (parts == 1) {
        IGRAPH_CHECK(igraph_betweenness(job->g, result, igraph_vss_all(), directed, job->lengths));
        sg_progress_igraph_done();
        return IGRAPH_SUCCESS;
    }
    igraph_vector_int_t sources;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&sources, 0);
    IGRAPH_CHECK(part_vertices(n, part, parts, &sources));
    IGRAPH_CHECK(igraph_betweenness_subset(job->g, result, igraph_vss_all(), directed, igraph_vss_vector(&sources),
                                           igraph_vss_all(), job->lengths));
    sg_progress_igraph_done(); /* igraph_betweenness_subset reports no progress: the part counts at its end */
    igraph_vector_int_destroy(&sources);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

igraph_error_t sg_parallel_betweenness(const igraph_t *g, const igraph_vector_t *lengths, int parts,
                                       igraph_vector_t *res)
{
    path_job job = {g, lengths, IGRAPH_ALL, false, false};
    sg_progress_begin("betweenness", "sources", (uint64_t)igraph_vcount(g));
    igraph_error_t err = sum_parts(betweenness_part, &job, parts, igraph_vcount(g), res);
    sg_progress_end();
    return err;
}

typedef struct reduced_job {
    const igraph_t *g;
    const igraph_vector_t *lengths;
    const sg_blocks *blocks;
} reduced_job;

static igraph_error_t reduced_part(const void *ctx, int part, int parts, igraph_vector_t *result)
{
    const reduced_job *job = ctx;
    return sg_betweenness_reduced_part(job->g, job->lengths, job->blocks, part, parts, result);
}

igraph_error_t sg_parallel_betweenness_reduced(const igraph_t *g, const igraph_vector_t *lengths, int parts,
                                               igraph_vector_t *res)
{
    sg_blocks blocks;
    IGRAPH_CHECK(sg_blocks_init(&blocks, g));
    reduced_job job = {g, lengths, &blocks};
    sg_progress_begin("betweenness", "sources", sg_blocks_sources(&blocks));
    igraph_error_t err = sum_parts(reduced_part, &job, parts, igraph_vcount(g), res);
    sg_progress_end();
    sg_blocks_destroy(&blocks);
    return err;
}

/* RESULT holds three blocks of n: 1/sum of distances, reached count, harmonic sum; each part fills the
 * entries of its own vertices. */
static igraph_error_t distances_part(const void *ctx, int part, int parts, igraph_vector_t *result)
{
    const path_job *job = ctx;
    igraph_integer_t n = igraph_vcount(job->g);
    igraph_vector_int_t vids, reached;
    igraph_vector_t values;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&vids, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&reached, 0);
    IGRAPH_VECTOR_INIT_FINALLY(&values, 0);
    IGRAPH_CHECK(part_vertices(n, part, parts, &vids));
    igraph_integer_t k = igraph_vector_int_size(&vids);
    if (job->closeness) {
        sg_progress_igraph_units((uint64_t)k);
        IGRAPH_CHECK(igraph_closeness(job->g, &values, &reached, NULL, igraph_vss_vector(&vids), job->mode,
                                      job->lengths, false));
        for (igraph_integer_t i = 0; i < k; i++) {
            igraph_integer_t v = VECTOR(vids)[i];
            VECTOR(*result)[v] = VECTOR(values)[i];
            VECTOR(*result)[n + v] = (double)VECTOR(reached)[i];
        }
        sg_progress_igraph_done();
    }
    if (job->harmonic) {
        sg_progress_igraph_units((uint64_t)k);
        IGRAPH_CHECK(igraph_harmonic_centrality(job->g, &values, igraph_vss_vector(&vids), job->mode, job->lengths,
                                                false));
        sg_progress_igraph_done();
        for (igraph_integer_t i = 0; i < k; i++)
            VECTOR(*result)[2 * n + VECTOR(vids)[i]] = VECTOR(values)[i];
    }
    igraph_vector_destroy(&values);
    igraph_vector_int_destroy(&reached);
    igraph_vector_int_destroy(&vids);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

/* Copies block B (of n entries) of ALL into OUT, if OUT is not NULL. */
static igraph_error_t copy_block(const igraph_vector_t *all, igraph_integer_t n, int b, igraph_vector_t *out)
{
    if (!out)
        return IGRAPH_SUCCESS;
    IGRAPH_CHECK(igraph_vector_resize(out, n));
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(*out)[v] = VECTOR(*all)[b * n + v];
    return IGRAPH_SUCCESS;
}

igraph_error_t sg_parallel_distances(const igraph_t *g, const igraph_vector_t *lengths, igraph_neimode_t mode,
                                     int parts, igraph_vector_t *inv_sum, igraph_vector_t *reached,
                                     igraph_vector_t *harmonic)
{
    igraph_integer_t n = igraph_vcount(g);
    path_job job = {g, lengths, mode, inv_sum || reached, harmonic != NULL};
    igraph_vector_t all;
    IGRAPH_VECTOR_INIT_FINALLY(&all, 0);
    sg_progress_begin(job.closeness && job.harmonic ? "closeness and harmonic" : job.closeness ? "closeness" : "harmonic",
                      "nodes", (uint64_t)n * (uint64_t)(job.closeness + job.harmonic));
    igraph_error_t err = sum_parts(distances_part, &job, parts, 3 * n, &all);
    sg_progress_end();
    IGRAPH_CHECK(err);
    IGRAPH_CHECK(copy_block(&all, n, 0, inv_sum));
    IGRAPH_CHECK(copy_block(&all, n, 1, reached));
    IGRAPH_CHECK(copy_block(&all, n, 2, harmonic));
    igraph_vector_destroy(&all);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* In a child: computes rows [FIRST, LAST) into its own buffer, sends them down FD and exits. */
static void run_rows_child(sg_row_fn *fn, const void *ctx, size_t first, size_t last, size_t width, int fd)
{
    double *rows = g_try_new(double, (last - first) * width + 1);
    bool ok = rows != NULL;
    for (size_t r = first; ok && r < last; r++)
        ok = fn(ctx, r, rows + (r - first) * width) == IGRAPH_SUCCESS;
    ok = ok && write_all(fd, rows, (last - first) * width * sizeof(double));
    _exit(ok ? 0 : 1);
}

/* Rows ROW0 .. ROW0 + N_ROWS - 1 of FN into OUT (their first at OUT[0]), in PARTS contiguous blocks computed
 * by forked workers of this process (this process computes the first block, and any whose worker could
 * not start). */
static igraph_error_t local_rows(sg_row_fn *fn, const void *ctx, size_t row0, size_t n_rows, size_t width,
                                 int parts, double *out)
{
    if (parts < 1 || (size_t)parts > n_rows)
        parts = n_rows > 0 ? (int)MIN(n_rows, (size_t)MAX(parts, 1)) : 1;
    size_t *first = g_new(size_t, parts + 1);
    for (int p = 0; p <= parts; p++)
        first[p] = row0 + n_rows * (size_t)p / (size_t)parts;
    pid_t *pids = g_new(pid_t, parts);
    int *fds = g_new(int, parts);
    for (int p = 1; p < parts; p++) {
        int ends[2];
        pids[p] = -1;
        if (pipe(ends) != 0)
            continue;
        pids[p] = start_worker();
        if (pids[p] == 0) {
            close(ends[0]);
            run_rows_child(fn, ctx, first[p], first[p + 1], width, ends[1]);
        }
        close(ends[1]);
        if (pids[p] < 0)
            close(ends[0]);
        else
            fds[p] = ends[0];
    }
    igraph_error_t err = IGRAPH_SUCCESS;
    for (size_t r = first[0]; err == IGRAPH_SUCCESS && r < first[1]; r++)
        err = fn(ctx, r, out + (r - row0) * width);
    for (int p = 1; p < parts; p++) {
        if (pids[p] < 0) { /* no worker: compute the part here */
            for (size_t r = first[p]; err == IGRAPH_SUCCESS && r < first[p + 1]; r++)
                err = fn(ctx, r, out + (r - row0) * width);
            continue;
        }
        bool ok = err == IGRAPH_SUCCESS && read_all(fds[p], out + (first[p] - row0) * width,
                                                    (first[p + 1] - first[p]) * width * sizeof(double));
        close(fds[p]);
        int status = 0;
        while (waitpid(pids[p], &status, 0) < 0 && errno == EINTR)
            ;
        if (err == IGRAPH_SUCCESS && (!ok || !WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
            igraph_error("a worker process failed", __FILE__, __LINE__, IGRAPH_FAILURE);
            err = IGRAPH_FAILURE;
        }
    }
    g_free(first);
    g_free(pids);
    g_free(fds);
    return err;
}

/* sg_parallel_rows, the rows spread across the MPI ranks when this is the outermost parallel call: rank r
 * takes the blocks PARTS x r / R .. PARTS x (r + 1) / R - 1 of the PARTS blocks one machine would make (none
 * when PARTS < R), computes them with as many forked workers, and the ranks agree that every one succeeded
 * before the rows are gathered on every rank. */
static igraph_error_t spread_rows(sg_row_fn *fn, const void *ctx, size_t n_rows, size_t width, int parts,
                                  double *out)
{
    if (parts < 1 || (size_t)parts > n_rows)
        parts = n_rows > 0 ? (int)MIN(n_rows, (size_t)MAX(parts, 1)) : 1;
    igraph_error_t err = IGRAPH_SUCCESS;
    if (!spreads(parts)) {
        depth++;
        err = local_rows(fn, ctx, 0, n_rows, width, parts, out);
        depth--;
        return err;
    }
    int ranks = sg_rank_count(), me = sg_rank();
    size_t *blocks = rank_ranges((size_t)parts), *first = g_new(size_t, ranks + 1);
    for (int r = 0; r <= ranks; r++) /* the blocks' first rows, as local_rows cuts them on one machine */
        first[r] = n_rows * blocks[r] / (size_t)parts;
    int mine = (int)(blocks[me + 1] - blocks[me]);
    depth++;
    if (mine > 0)
        err = local_rows(fn, ctx, first[me], first[me + 1] - first[me], width, mine, out + first[me] * width);
    depth--;
    err = agree(err);
    if (err == IGRAPH_SUCCESS && !sg_ranks_gather_rows(out, n_rows, width, first)) {
        igraph_error("MPI could not gather the rows of the ranks", __FILE__, __LINE__, IGRAPH_FAILURE);
        err = IGRAPH_FAILURE;
    }
    if (err == IGRAPH_SUCCESS)
        sg_progress_complete(); /* rank 0 counted its own rows: the others' are in */
    g_free(blocks);
    g_free(first);
    return err;
}

igraph_error_t sg_parallel_rows(sg_row_fn *fn, const void *ctx, size_t n_rows, size_t width, int parts, double *out)
{
    return spread_rows(fn, ctx, n_rows, width, parts, out);
}

igraph_error_t sg_isolated_row(sg_row_fn *fn, const void *ctx, size_t width, double *out)
{
    int ends[2];
    if (pipe(ends) != 0) {
        igraph_error("cannot make a pipe to a worker process", __FILE__, __LINE__, IGRAPH_FAILURE);
        return IGRAPH_FAILURE;
    }
    pid_t pid = start_worker();
    if (pid == 0) {
        close(ends[0]);
        run_rows_child(fn, ctx, 0, 1, width, ends[1]);
    }
    close(ends[1]);
    if (pid < 0) {
        close(ends[0]);
        igraph_error("cannot start a worker process", __FILE__, __LINE__, IGRAPH_FAILURE);
        return IGRAPH_FAILURE;
    }
    bool ok = read_all(ends[0], out, width * sizeof(double));
    close(ends[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!ok || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        igraph_error("a worker process failed", __FILE__, __LINE__, IGRAPH_FAILURE);
        return IGRAPH_FAILURE;
    }
    return IGRAPH_SUCCESS;
}

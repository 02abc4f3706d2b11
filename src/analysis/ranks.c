/* ranks.c: every MPI call of spygraph (start, agreement, broadcasts, gathers, finish); without MPI, one rank and no calls. */
#include <fcntl.h>
#include <glib.h>
#include <sched.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "analysis/ranks.h"
#include "spygraph/message.h"

#ifdef SPYGRAPH_MPI
#include <mpi.h>
#endif

static int rank_index;          /* this rank */
static int rank_total = 1;      /* ranks in the run */
static int jobs_per_rank;       /* agreed default worker processes per rank */
static sg_ranks_read read_how = SG_RANKS_READ_ROOT;

/* True when an MPI launcher started this process. */
static bool launched(void)
{
    return getenv("OMPI_COMM_WORLD_SIZE") || getenv("PMIX_RANK") || getenv("PMI_SIZE");
}

/* Sends FD (1 or 2) to /dev/null. */
static void silence(int fd)
{
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) {
        dup2(null, fd);
        close(null);
    }
}

#ifdef SPYGRAPH_MPI

static bool started;
/* Seconds in the agreements and the barrier before each gather (waiting for the slowest rank), in moving
 * results (gathers and broadcasts of doubles: result_bytes received or sent by this rank), and in
 * sending the input. */
static double wait_seconds, move_seconds, input_seconds;
static double result_bytes;
static pid_t rank_pid; /* the rank's own process: forked workers make no MPI calls */

bool sg_ranks_start(int *argc, char ***argv)
{
    if (!launched())
        return true;
    /* The threads MPI starts inherit a mask holding SIGALRM, so the progress timer's signal always lands on
     * this thread, where the progress module blocks it while it prints (progress.c). */
    sigset_t alarm, before;
    sigemptyset(&alarm);
    sigaddset(&alarm, SIGALRM);
    pthread_sigmask(SIG_BLOCK, &alarm, &before);
    int init = MPI_Init(argc, argv);
    pthread_sigmask(SIG_SETMASK, &before, NULL);
    if (init != MPI_SUCCESS) {
        sg_error("cannot start MPI (MPI_Init failed)");
        return false;
    }
    started = true;
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_index);
    MPI_Comm_size(MPI_COMM_WORLD, &rank_total);
    rank_pid = getpid();
    if (rank_index != 0) {
        fflush(NULL);
        silence(STDOUT_FILENO);
        silence(STDERR_FILENO);
    }
    /* rank 0's processors over the ranks sharing its node, and no more than the processors it may run on
     * (mpirun binds a rank to a core, or a socket, unless --bind-to none), for every rank alike */
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    const char *local = getenv("OMPI_COMM_WORLD_LOCAL_SIZE");
    if (!local)
        local = getenv("SLURM_NTASKS_PER_NODE");
    long on_node = local ? strtol(local, NULL, 10) : 1;
    long share = (cores > 0 ? cores : 1) / MAX(on_node, 1);
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) == 0)
        share = MIN(share, CPU_COUNT(&allowed));
    int jobs = (int)MAX(1, MIN(256, share));
    MPI_Bcast(&jobs, 1, MPI_INT, 0, MPI_COMM_WORLD);
    jobs_per_rank = jobs;
    return true;
}

int sg_ranks_finish(int status)
{
    if (!started)
        return status;
    int agreed = status;
    if (sg_ranks_collective())
        MPI_Allreduce(&status, &agreed, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    if (rank_index == 0 && getenv("SPYGRAPH_MPI_TIMING"))
        fprintf(stderr, "spygraph: mpi: %d ranks; rank 0: %.6f s moving results (%.0f bytes), %.6f s sending the "
                "input, %.6f s waiting for other ranks\n", rank_total, move_seconds, result_bytes, input_seconds,
                wait_seconds);
    fflush(NULL);
    MPI_Finalize();
    started = false;
    return agreed;
}

bool sg_ranks_collective(void)
{
    return started && rank_total > 1 && getpid() == rank_pid;
}

bool sg_ranks_all(bool ok, int *first_failed)
{
    if (first_failed)
        *first_failed = ok ? -1 : rank_index;
    if (!sg_ranks_collective())
        return ok;
    /* the lowest failed rank, or rank_total when none failed */
    int mine = ok ? rank_total : rank_index, lowest = mine;
    double t = MPI_Wtime();
    bool done = MPI_Allreduce(&mine, &lowest, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD) == MPI_SUCCESS;
    wait_seconds += MPI_Wtime() - t;
    if (!done)
        lowest = rank_index;
    if (first_failed)
        *first_failed = lowest < rank_total ? lowest : -1;
    return lowest == rank_total;
}

/* Broadcasts N bytes at P from rank 0, in pieces that fit an int count. */
static bool broadcast_raw(void *p, size_t n)
{
    char *c = p;
    for (size_t done = 0; done < n;) {
        int piece = (int)MIN(n - done, (size_t)1 << 30);
        if (MPI_Bcast(c + done, piece, MPI_BYTE, 0, MPI_COMM_WORLD) != MPI_SUCCESS)
            return false;
        done += (size_t)piece;
    }
    return true;
}

bool sg_ranks_broadcast_bytes(char **data, size_t *len)
{
    if (!sg_ranks_collective())
        return true;
    double t = MPI_Wtime();
    unsigned long long n = rank_index == 0 ? *len : 0;
    if (MPI_Bcast(&n, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD) != MPI_SUCCESS)
        return false;
    char *buf = rank_index == 0 ? *data : g_try_malloc((size_t)n + 1);
    if (!sg_ranks_all(rank_index == 0 || buf != NULL, NULL)) {
        if (rank_index != 0)
            g_free(buf);
        return false;
    }
    bool ok = broadcast_raw(buf, (size_t)n);
    if (rank_index != 0) {
        buf[n] = '\0';
        if (ok) {
            *data = buf;
            *len = (size_t)n;
        } else {
            g_free(buf);
        }
    }
    input_seconds += MPI_Wtime() - t;
    return ok;
}

bool sg_ranks_broadcast_doubles(double *v, size_t n)
{
    if (!sg_ranks_collective())
        return true;
    double t = MPI_Wtime();
    bool ok = broadcast_raw(v, n * sizeof(double));
    move_seconds += MPI_Wtime() - t;
    result_bytes += (double)(n * sizeof(double));
    return ok;
}

/* Collective: waits for every rank (the wait counted apart from the move that follows); returns the time
 * the move starts. */
static double wait_for_all(void)
{
    double t = MPI_Wtime();
    MPI_Barrier(MPI_COMM_WORLD);
    double moved = MPI_Wtime();
    wait_seconds += moved - t;
    return moved;
}

/* A committed datatype of WIDTH doubles (one row) into *ROW (MPI_Type_free it); false when MPI fails. */
static bool row_type(size_t width, MPI_Datatype *row)
{
    return MPI_Type_contiguous((int)width, MPI_DOUBLE, row) == MPI_SUCCESS && MPI_Type_commit(row) == MPI_SUCCESS;
}

bool sg_ranks_gather_rows(double *rows, size_t n_rows, size_t width, const size_t *first)
{
    if (!sg_ranks_collective() || n_rows == 0 || width == 0)
        return true;
    if (n_rows > INT_MAX || width > INT_MAX / sizeof(double))
        return false;
    double moved = wait_for_all();
    MPI_Datatype row;
    if (!row_type(width, &row))
        return false;
    int *counts = g_new(int, rank_total), *displs = g_new(int, rank_total);
    for (int r = 0; r < rank_total; r++) {
        counts[r] = (int)(first[r + 1] - first[r]);
        displs[r] = (int)first[r];
    }
    int rc = MPI_Allgatherv(MPI_IN_PLACE, 0, MPI_DATATYPE_NULL, rows, counts, displs, row, MPI_COMM_WORLD);
    result_bytes += (double)(n_rows - (size_t)counts[rank_index]) * (double)width * sizeof(double);
    MPI_Type_free(&row);
    g_free(counts);
    g_free(displs);
    move_seconds += MPI_Wtime() - moved;
    return rc == MPI_SUCCESS;
}

/* Adds the COUNT rows of WIDTH doubles at ROWS to SUM, in order. */
static void add_rows(double *sum, const double *rows, size_t count, size_t width)
{
    for (size_t k = 0; k < count; k++)
        for (size_t i = 0; i < width; i++)
            sum[i] += rows[k * width + i];
}

bool sg_ranks_sum_rows(const double *mine, size_t width, const size_t *first, double *sum)
{
    if (!sg_ranks_collective()) {
        add_rows(sum, mine, first[1] - first[0], width);
        return true;
    }
    if (width > INT_MAX / sizeof(double))
        return false;
    size_t largest = 0;
    for (int r = 1; r < rank_total; r++)
        largest = MAX(largest, first[r + 1] - first[r]);
    double *inbox = rank_index == 0 ? g_try_new(double, largest * width + 1) : NULL;
    if (!sg_ranks_all(rank_index != 0 || inbox != NULL, NULL)) /* no rank may send to a rank 0 that cannot take it */
        return false;
    double moved = wait_for_all();
    MPI_Datatype row;
    if (!row_type(width, &row)) {
        g_free(inbox);
        return false;
    }
    int rc = MPI_SUCCESS;
    size_t count = first[rank_index + 1] - first[rank_index];
    if (rank_index == 0) {
        add_rows(sum, mine, count, width);
        for (int r = 1; r < rank_total; r++) {
            size_t theirs = first[r + 1] - first[r];
            if (theirs == 0)
                continue;
            if (rc == MPI_SUCCESS)
                rc = MPI_Recv(inbox, (int)theirs, row, r, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            if (rc == MPI_SUCCESS)
                add_rows(sum, inbox, theirs, width);
            result_bytes += (double)theirs * (double)width * sizeof(double);
        }
    } else if (count > 0) {
        rc = MPI_Send(mine, (int)count, row, 0, 0, MPI_COMM_WORLD);
        result_bytes += (double)count * (double)width * sizeof(double);
    }
    MPI_Type_free(&row);
    g_free(inbox);
    bool ok = sg_ranks_all(rc == MPI_SUCCESS, NULL) && broadcast_raw(sum, width * sizeof(double));
    result_bytes += (double)(width * sizeof(double));
    move_seconds += MPI_Wtime() - moved; /* the receives and sends, the agreement and the broadcast */
    return ok;
}

#else /* one rank: no MPI in this build */

bool sg_ranks_start(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* More than one process started by a launcher would each compute the whole run and write the same
     * output: refuse, and say why, once. One process (srun -n 1) runs as by hand. */
    const char *size = getenv("OMPI_COMM_WORLD_SIZE");
    if (!size)
        size = getenv("PMI_SIZE");
    if (!size && getenv("PMIX_RANK"))
        size = getenv("SLURM_NTASKS");
    if (!launched() || !size || strtol(size, NULL, 10) <= 1)
        return true;
    const char *rank = getenv("OMPI_COMM_WORLD_RANK");
    if (!rank)
        rank = getenv("PMIX_RANK");
    if (!rank)
        rank = getenv("PMI_RANK");
    if (rank && strcmp(rank, "0") != 0) {
        silence(STDOUT_FILENO);
        silence(STDERR_FILENO);
    }
    sg_error("started as %s processes by an MPI launcher, but this spygraph was built without MPI (meson setup "
             "-Dmpi=enabled)", size);
    return false;
}

int sg_ranks_finish(int status)
{
    return status;
}

bool sg_ranks_collective(void)
{
    return false;
}

bool sg_ranks_all(bool ok, int *first_failed)
{
    if (first_failed)
        *first_failed = ok ? -1 : 0;
    return ok;
}

bool sg_ranks_broadcast_bytes(char **data, size_t *len)
{
    (void)data;
    (void)len;
    return true;
}

bool sg_ranks_broadcast_doubles(double *v, size_t n)
{
    (void)v;
    (void)n;
    return true;
}

bool sg_ranks_gather_rows(double *rows, size_t n_rows, size_t width, const size_t *first)
{
    (void)rows;
    (void)n_rows;
    (void)width;
    (void)first;
    return true;
}

bool sg_ranks_sum_rows(const double *mine, size_t width, const size_t *first, double *sum)
{
    for (size_t k = 0; k < first[1] - first[0]; k++)
        for (size_t i = 0; i < width; i++)
            sum[i] += mine[k * width + i];
    return true;
}

#endif

int sg_rank(void)
{
    return rank_index;
}

int sg_rank_count(void)
{
    return rank_total;
}

int sg_ranks_default_jobs(void)
{
    return jobs_per_rank;
}

void sg_ranks_set_read(sg_ranks_read how)
{
    read_how = how;
}

sg_ranks_read sg_ranks_get_read(void)
{
    return read_how;
}

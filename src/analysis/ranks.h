/* ranks.h: the MPI ranks a run is spread over (Open MPI, in a -Dmpi=enabled build started by mpirun or srun); one rank otherwise. */
#ifndef SPYGRAPH_RANKS_H
#define SPYGRAPH_RANKS_H

#include <stdbool.h>
#include <stddef.h>

/* How the NETWORK argument reaches the ranks: rank 0 reads it and broadcasts its bytes (the default), or
 * every rank reads it itself from shared storage. */
typedef enum sg_ranks_read { SG_RANKS_READ_ROOT, SG_RANKS_READ_ALL } sg_ranks_read;

/* Starts MPI when this process was started by an MPI launcher (OMPI_COMM_WORLD_SIZE, PMIX_RANK or PMI_SIZE
 * in the environment) in a build with MPI; anywhere else there is one rank and nothing happens. On ranks
 * other than 0, standard output and standard error are sent to /dev/null: rank 0 alone speaks. Returns
 * false after printing why when MPI was asked for but could not start (this build has no MPI, or
 * MPI_Init failed). Call once, first thing in main. */
bool sg_ranks_start(int *argc, char ***argv);

/* Ends MPI, if started: the exit status STATUS of this rank is agreed with the others (the largest wins),
 * so that every rank exits alike. With SPYGRAPH_MPI_TIMING in the environment, rank 0 first prints to
 * standard error the seconds it spent moving results (and the bytes), sending the input, and waiting for
 * the other ranks (scripts/bench reads it). Returns the status to exit with (STATUS outside MPI). Call
 * once, last. */
int sg_ranks_finish(int status);

/* This process's rank (0 outside MPI, and in every forked worker of rank 0). */
int sg_rank(void);
/* How many ranks the run has (1 outside MPI). */
int sg_rank_count(void);
/* True when collective calls may be made here: more than one rank, and this is the rank's own process
 * (not a worker it forked). */
bool sg_ranks_collective(void);
/* Worker processes per rank when --jobs is not given: rank 0's online processors divided by the ranks on
 * its node (OMPI_COMM_WORLD_LOCAL_SIZE, else SLURM_NTASKS_PER_NODE), at most the processors rank 0 is bound
 * to, at least 1; the same on every rank. 0 outside MPI. */
int sg_ranks_default_jobs(void);

/* The --mpi-read choice (SG_RANKS_READ_ROOT unless set). */
void sg_ranks_set_read(sg_ranks_read how);
sg_ranks_read sg_ranks_get_read(void);

/* Collective: true when OK is true on every rank; *FIRST_FAILED (may be NULL) is the lowest rank where it
 * is false (-1 when none). Outside MPI: OK. */
bool sg_ranks_all(bool ok, int *first_failed);

/* Collective: rank 0's *DATA (*LEN bytes) to every rank. On other ranks *DATA is replaced by a new
 * buffer (g_free, NUL-terminated) and *LEN set. Returns false (every rank alike, nothing allocated) when
 * memory runs out anywhere or MPI fails. Outside MPI: true, nothing done. */
bool sg_ranks_broadcast_bytes(char **data, size_t *len);

/* Collective: rank 0's N doubles at V to every rank. Returns false when MPI fails. */
bool sg_ranks_broadcast_doubles(double *v, size_t n);

/* Collective: ROWS holds N_ROWS rows of WIDTH doubles; rank r has computed rows FIRST[r] .. FIRST[r+1]-1
 * (FIRST has sg_rank_count() + 1 entries, FIRST[0] = 0, the last N_ROWS). Copies every rank's rows into
 * the others' ROWS. Returns false when MPI fails. Time: the rows moved. */
bool sg_ranks_gather_rows(double *rows, size_t n_rows, size_t width, const size_t *first);

/* Collective: SUM (WIDTH doubles, zeroed by the caller) = the sum of rows FIRST[0] .. FIRST[R]-1 of WIDTH
 * doubles, rank r holding its rows FIRST[r] .. FIRST[r+1]-1 at MINE, added one by one in row order from
 * zero (((0 + row 0) + row 1) + ...), as one process adds them: rank 0 receives each rank's rows in turn
 * (memory: its own rows and the largest other rank's), adds them, and broadcasts SUM to every rank.
 * Returns false on every rank when memory runs out on rank 0 or MPI fails. Time: the rows moved, in
 * sequence. */
bool sg_ranks_sum_rows(const double *mine, size_t width, const size_t *first, double *sum);

#endif

/* centrality_internal.h: structural holes and the process-parallel path sums the centrality measures share. */
#ifndef SPYGRAPH_CENTRALITY_INTERNAL_H
#define SPYGRAPH_CENTRALITY_INTERNAL_H

#include <igraph.h>
#include <stdbool.h>

#include "spygraph/centrality.h"

/* Burt's effective size of every vertex of S, as NetworkX's effective_size: the sum over v's neighbours u
 * of 1 - sum over w of p(v,w) m(u,w), from mutual weights (both arcs summed); NaN for an isolated vertex.
 * OUT is initialised by the caller. Returns an igraph error code. */
igraph_error_t sg_effective_size(const sg_graph *s, igraph_vector_t *out);

/* Resolves a --jobs request (the parts of a computation in all, across MPI ranks too): REQUESTED if
 * positive, else under MPI the ranks times sg_ranks_default_jobs(), else the number of online processors
 * (at least 1). */
int sg_parallel_jobs(int requested);

/* Computes part PART of PARTS of a sum into RESULT (already sized and zeroed); the parts must add up to the
 * whole. */
typedef igraph_error_t sg_part_fn(const void *ctx, int part, int parts, igraph_vector_t *result);

/* RESULT (resized to LENGTH) = the sum of FN's PARTS parts, each computed in a forked worker process (this
 * process computes the first), added in part order so that the result depends on PARTS alone. Returns
 * IGRAPH_SUCCESS, FN's error, IGRAPH_ENOMEM, or IGRAPH_FAILURE when a worker failed. */
igraph_error_t sg_parallel_sum(sg_part_fn *fn, const void *ctx, int parts, igraph_integer_t length,
                               igraph_vector_t *result);

/* Raw betweenness of every vertex of G (lengths LENGTHS, NULL for hops; an undirected pair counted once),
 * with the sources split across PARTS processes (PARTS 1: igraph_betweenness in this process). RES is
 * initialised by the caller. Returns an igraph error code. */
igraph_error_t sg_parallel_betweenness(const igraph_t *g, const igraph_vector_t *lengths, int parts,
                                       igraph_vector_t *res);
/* The same, block by block (reduced.h): the blocks found once, then PARTS forked parts of the sources
 * summed in order. For undirected graphs only (IGRAPH_EINVAL otherwise). */
igraph_error_t sg_parallel_betweenness_reduced(const igraph_t *g, const igraph_vector_t *lengths, int parts,
                                               igraph_vector_t *res);

/* For every vertex v of G: INV_SUM[v] = 1 / (sum of distances from the vertices that reach v along MODE)
 * (NaN when none does) and REACHED[v] = how many vertices those are; HARMONIC[v] = the sum of 1/d over
 * them. The vertices are split across PARTS processes. Any output may be NULL. Returns an igraph error
 * code. */
igraph_error_t sg_parallel_distances(const igraph_t *g, const igraph_vector_t *lengths, igraph_neimode_t mode,
                                     int parts, igraph_vector_t *inv_sum, igraph_vector_t *reached,
                                     igraph_vector_t *harmonic);

/* How many parts (processes) to split a path-based measure of a graph of N vertices and M edges into:
 * the --jobs request REQUESTED (sg_parallel_jobs), but never so many that a part gets less than about a
 * million vertex-edge steps (forking costs as much), so 1 below that; --jobs 100000 on a small graph is
 * not 1024 forks. */
int sg_parallel_parts(igraph_integer_t n, igraph_integer_t m, int requested);

/* Computes row ROW (of a table whose rows are independent) into OUT, WIDTH doubles long. */
typedef igraph_error_t sg_row_fn(const void *ctx, size_t row, double *out);

/* Fills OUT (N_ROWS x WIDTH doubles, row-major, the caller's) by calling FN for every row, the rows split
 * into PARTS contiguous blocks computed by forked worker processes (this process computes the first, and
 * any block whose worker could not start), so the result never depends on PARTS. Besides OUT, FN may
 * only change work space of its own process (CTX's scratch, which each worker has its own copy of),
 * never anything a later row's result depends on. Under MPI (ranks.h) the outermost call is collective:
 * every rank must make it alike; rank r computes blocks PARTS x r / R to PARTS x (r + 1) / R - 1 with its
 * own workers and every rank ends with all of OUT. Returns IGRAPH_SUCCESS, FN's first error, or
 * IGRAPH_FAILURE (reported through igraph's error handler) when a worker or another rank failed (every
 * rank alike). O(rows x FN's time / PARTS) wall time. */
igraph_error_t sg_parallel_rows(sg_row_fn *fn, const void *ctx, size_t n_rows, size_t width, int parts, double *out);

/* Computes FN's row 0 into OUT (WIDTH doubles, the caller's) in a forked child process, so that whatever
 * state FN's library calls leave behind dies with the child and every call starts from this process's
 * state: ARPACK (igraph's eigenvector, hub and authority) keeps a random seed for restart vectors between
 * calls, and where the leading eigenvalue is shared (several components alike) its answer would depend on
 * the calls made before. Returns IGRAPH_SUCCESS, FN's failure as IGRAPH_FAILURE, or IGRAPH_FAILURE when no
 * process can be started (all reported through igraph's error handler). O(FN) plus a fork. */
igraph_error_t sg_isolated_row(sg_row_fn *fn, const void *ctx, size_t width, double *out);

#endif

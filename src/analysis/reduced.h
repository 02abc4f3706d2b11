/* reduced.h: exact betweenness of an undirected graph computed block by block (biconnected components). */
#ifndef SPYGRAPH_ANALYSIS_REDUCED_H
#define SPYGRAPH_ANALYSIS_REDUCED_H

#include <igraph.h>
#include <stdint.h>

/* A graph's blocks (biconnected components), its cut vertices and what each cut vertex separates. */
typedef struct sg_blocks {
    igraph_integer_t n;                 /* the graph's vertices */
    igraph_vector_int_list_t vertices;  /* per block: its vertices */
    igraph_vector_int_list_t edges;     /* per block: its edges (ids of the graph) */
    igraph_vector_int_t cuts;           /* the cut vertices, ascending */
    igraph_integer_t largest;           /* vertices of the largest block (0 without edges) */
    double *cut_pairs;                  /* per vertex: the unordered pairs of other vertices it separates */
    void *forest;                       /* the block-cut forest (private) */
} sg_blocks;

/* Splits the undirected graph G into blocks (igraph_biconnected_components) and builds its block-cut forest
 * with the vertices hanging off each cut vertex. Returns an igraph error (BL then needs no destroy) or
 * IGRAPH_SUCCESS; free with sg_blocks_destroy. O(n + m). */
igraph_error_t sg_blocks_init(sg_blocks *bl, const igraph_t *g);
void sg_blocks_destroy(sg_blocks *bl);

/* The searches sg_betweenness_reduced_part makes over all its parts: one from each vertex of each block of
 * three vertices or more (a cut vertex counts once per block). For progress reports. O(number of blocks). */
uint64_t sg_blocks_sources(const sg_blocks *bl);

/* Part PART of PARTS of the betweenness of every vertex of the undirected graph G (edge LENGTHS, or NULL for
 * hops), from its blocks BL: the sources whose vertex id is PART modulo PARTS, and in part 0 the pairs each
 * cut vertex separates. The parts add up to igraph_betweenness(G, all, undirected, LENGTHS) (within
 * rounding): the same paths, counted block by block. RES is resized to n. IGRAPH_EINVAL for a directed G.
 * Time: the sum over blocks of (its sources in this part) x (its edges, x log for lengths), so a graph of
 * many small blocks (trees, pendant-heavy networks) costs far less than Brandes over the whole. Each search
 * is counted as a step of the progress under way (sg_progress_add, in batches). */
igraph_error_t sg_betweenness_reduced_part(const igraph_t *g, const igraph_vector_t *lengths, const sg_blocks *bl,
                                           int part, int parts, igraph_vector_t *res);

#endif

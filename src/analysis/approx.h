/* approx.h: betweenness estimated from sampled shortest paths, with Riondato and Kornaropoulos's guarantee. */
#ifndef SPYGRAPH_ANALYSIS_APPROX_H
#define SPYGRAPH_ANALYSIS_APPROX_H

#include <igraph.h>
#include <stddef.h>
#include <stdint.h>

#include "spygraph/centrality.h"

/* The number of samples Riondato and Kornaropoulos (WSDM 2014) give for EPS, DELTA and a vertex-diameter
 * bound VD: ceil((0.5 / EPS^2) (floor(log2(VD - 2)) + 1 + ln(1 / DELTA))); 0 when VD < 3. A double: for a
 * tiny EPS it exceeds any integer type (see SG_APPROX_MAX_SAMPLES). */
double sg_approx_samples(double eps, double delta, double vertex_diameter);

/* The most samples a run may take (10^15: years of work, and far below 2^53, where doubles stop counting
 * exactly); a smaller EPS is refused rather than promised on fewer. */
#define SG_APPROX_MAX_SAMPLES 1e15

/* A sampling set up for one graph: its arcs as flat arrays, the vertex-diameter bound and the sample count. */
typedef struct sg_approx {
    igraph_integer_t n;
    bool directed;
    uint64_t seed;
    sg_approx_info info;
    struct arcs *arcs; /* private */
} sg_approx;

/* Sets AP up for the unweighted graph G (directed or not): the arcs copied (2m + n integers; G may go
 * after), the vertex-diameter bound found (one breadth-first search per component, O(n + m)) and the
 * sample count for EPS and DELTA (AP->info.needed). IGRAPH_EINVAL unless 0 < EPS < 1 and 0 < DELTA < 1, or,
 * unless ALLOW_MORE, when more than SG_APPROX_MAX_SAMPLES samples would be needed (the message says how
 * many; with ALLOW_MORE, AP->info.samples is then 0 and only info.needed says it), IGRAPH_ENOMEM; AP then
 * needs no destroy. Free with sg_approx_destroy. */
igraph_error_t sg_approx_init(sg_approx *ap, const igraph_t *g, double eps, double delta, uint64_t seed,
                              bool allow_more);
void sg_approx_destroy(sg_approx *ap);

/* The samples I with I % PARTS == PART: COUNTS (resized to n, zeroed first) gets, per vertex, how many of
 * their paths it is internal to. Sample I depends on the seed and I alone, so the parts add up to the same
 * counts for any PARTS (exactly: whole numbers). IGRAPH_ENOMEM. Each sample is a step of the progress under
 * way (sg_progress_add, in batches of 256). Time: per sample a bidirectional
 * breadth-first search, about the square root of a whole search on graphs of small distances. */
igraph_error_t sg_approx_part(const sg_approx *ap, int part, int parts, igraph_vector_t *counts);

/* Estimates the betweenness of every vertex of the unweighted graph G (directed or not) on igraph's raw scale
 * (an undirected pair counted once) from sg_approx_samples paths drawn with SEED (the same seed, the same
 * estimate, for any PARTS), into RES (resized), the samples split across PARTS forked processes; fills
 * INFO. With ALLOW_EXACT, when the samples would cost more than the exact values (more than
 * SG_APPROX_MAX_SAMPLES, or, when they are at least n, more arcs scanned than Brandes's n searches scan
 * as the first up to 256 samples measure them), nothing is sampled: INFO->exact is set and RES is left for
 * the caller to fill exactly. IGRAPH_EINVAL as sg_approx_init (without ALLOW_EXACT); IGRAPH_ENOMEM;
 * IGRAPH_FAILURE when a worker failed. */
igraph_error_t sg_betweenness_approx(const igraph_t *g, double eps, double delta, uint64_t seed, int parts,
                                     bool allow_exact, igraph_vector_t *res, sg_approx_info *info);

#endif

/* approx.h: betweenness estimated from sampled shortest paths, with Riondato and Kornaropoulos's guarantee. */
#ifndef SPYGRAPH_ANALYSIS_APPROX_H
#define SPYGRAPH_ANALYSIS_APPROX_H

#include <igraph.h>
#include <stddef.h>
#include <stdint.h>

#include "spygraph/centrality.h"

/* The number of samples Riondato and Kornaropoulos (WSDM 2014) give for EPS, DELTA and a vertex-diameter
 * bound VD: ceil((0.5 / EPS^2) (floor(log2(VD - 2)) + 1 + ln(1 / DELTA))); 0 when VD < 3. */
size_t sg_approx_samples(double eps, double delta, double vertex_diameter);

/* Estimates the betweenness of every vertex of the unweighted graph G (directed or not) on igraph's raw scale
 * (an undirected pair counted once) from sg_approx_samples paths drawn with SEED (the same seed, the same
 * estimate), into RES (resized); fills INFO. IGRAPH_EINVAL unless 0 < EPS < 1 and 0 < DELTA < 1. Time:
 * samples x a breadth-first search stopped at the target's level. */
igraph_error_t sg_betweenness_approx(const igraph_t *g, double eps, double delta, uint64_t seed, igraph_vector_t *res,
                                     sg_approx_info *info);

#endif

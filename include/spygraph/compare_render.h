/* compare_render.h: the picture of a comparison: the union of the readings, sized by standing, outlined by movement. */
#ifndef SPYGRAPH_COMPARE_RENDER_H
#define SPYGRAPH_COMPARE_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "spygraph/compare.h"
#include "spygraph/message.h"

/* Draws the union network of CMP with Graphviz (neato, started from SEED) in `render`'s vocabulary: each
 * node shaped by its kind (sg_render_kind_shape), filled by its affiliation as `render` fills it (the
 * palette ranked over WHOLE, the whole network the readings come from: sg_network_union_of_hypotheses of
 * the base, not NULL) and with the SVG id "node-ID"; its area
 * grows with its standing, 1 - ln(mean rank) / ln(n + 1) of the best node's over the n union nodes
 * (sg_compare_mean_rank), and its outline widens and darkens with its rank spread, in the bands of
 * sg_compare_movement_bands; a node the base lacks has a dashed outline. Each tie is coloured by
 * sg_compare_tie_status (in the base and every hypothesis; altered, removed or added by the hypotheses
 * its tooltip names). A legend explains what is drawn; every name from the data is escaped. FORMAT is a
 * Graphviz output format ("svg", "png", "pdf", "dot"). Writes to STREAM and returns true; on a Graphviz
 * failure adds an error to DIAG and returns false (part of the output may have been written, so write to
 * an sg_output and abort it). Nothing is kept. */
bool sg_compare_render(const sg_comparison *cmp, const sg_network *whole, const char *format, unsigned long seed,
                       FILE *stream, sg_diag *diag);

/* The Graphviz format named by PATH's extension (.svg, .png, .pdf, .dot or .gv, any case): a static
 * string, or NULL when the extension is none of these. */
const char *sg_compare_render_format(const char *path);

/* The movement bands for a largest rank spread LARGEST: written to UPPER (the caller's, 4 long), the
 * upper bound of each band, N of them: 0 (a rank that does not move) alone when LARGEST is 0, else 0,
 * then up to the integer cube root a of LARGEST, up to the integer cube root b of LARGEST squared, and up
 * to LARGEST, leaving out bands that would be empty or repeat (33 gives 0, 3, 10, 33: bands 0, 1-3, 4-10,
 * 11-33; 1 gives 0, 1). Deterministic integer arithmetic; O(LARGEST^(2/3)). */
void sg_compare_movement_bands(int largest, int *upper, size_t *n);

/* The mean rank of union node I over the readings of CMP that hold it (rank > 0); CMP->n_nodes when none
 * does. O(readings). */
double sg_compare_mean_rank(const sg_comparison *cmp, size_t i);

#endif

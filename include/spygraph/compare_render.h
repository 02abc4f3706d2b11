/* compare_render.h: the picture of a comparison: the union of the readings, ties coloured by where they hold. */
#ifndef SPYGRAPH_COMPARE_RENDER_H
#define SPYGRAPH_COMPARE_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "spygraph/compare.h"
#include "spygraph/message.h"

/* Draws the union network of CMP with Graphviz (neato, started from SEED): each tie coloured by
 * sg_compare_tie_status (in the base and every hypothesis; altered, removed or added by the hypotheses
 * its tooltip names), each node sized by its rank spread across the readings, with a legend. FORMAT is a
 * Graphviz output format ("svg", "png", "pdf", "dot"). Writes to STREAM and returns true; on a Graphviz
 * failure adds an error to DIAG and returns false (part of the output may have been written, so write to
 * an sg_output and abort it). Nothing is kept. */
bool sg_compare_render(const sg_comparison *cmp, const char *format, unsigned long seed, FILE *stream,
                       sg_diag *diag);

/* The Graphviz format named by PATH's extension (.svg, .png, .pdf, .dot or .gv, any case): a static
 * string, or NULL when the extension is none of these. */
const char *sg_compare_render_format(const char *path);

#endif

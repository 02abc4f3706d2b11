/* fuzz_reading.h: what every fuzz target runs on a network that loaded: readings of it and their graphs. */
#ifndef SPYGRAPH_FUZZ_READING_H
#define SPYGRAPH_FUZZ_READING_H

#include "spygraph/reading.h"
#include "spygraph/summary.h"

/* Reads NET at AT with organizations and places folded, and as a whole with channel relations only, and
 * builds each graph directed (merged) and undirected (one edge per tie). */
static inline void fuzz_readings(sg_network *net, sg_date at, sg_diag *diag)
{
    sg_summary s;
    if (sg_summary_compute(net, SG_DIRECTION_DIRECTED, true, &s) == IGRAPH_SUCCESS)
        sg_summary_free(&s);
    for (int pass = 0; pass < 2; pass++) {
        sg_reading r;
        sg_reading_init(&r);
        if (pass == 0) {
            r.has_at = true;
            r.at = at;
            r.fold = (1u << SG_KIND_ORGANIZATION) | (1u << SG_KIND_PLACE);
        } else {
            r.relations = sg_relation_set_channels();
        }
        sg_network *read = sg_reading_network(net, &r, diag);
        if (!read)
            continue;
        r.direction = SG_DIRECTION_DIRECTED;
        sg_graph g;
        if (sg_graph_build(&g, read, &r) == IGRAPH_SUCCESS)
            sg_graph_destroy(&g);
        r.direction = SG_DIRECTION_UNDIRECTED;
        r.merge = SG_MERGE_NONE;
        r.weights = SG_WEIGHTS_CONFIDENCE;
        if (sg_graph_build(&g, read, &r) == IGRAPH_SUCCESS)
            sg_graph_destroy(&g);
        sg_network_unref(read);
    }
}

#endif

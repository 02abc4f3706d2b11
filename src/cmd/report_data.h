/* report_data.h: the report's data (doc/report-data.md), made from what the commands compute. */
#ifndef SPYGRAPH_CMD_REPORT_DATA_H
#define SPYGRAPH_CMD_REPORT_DATA_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "spygraph/compare.h"

/* Everything a report shows, computed by the analyses and the other commands' writers. */
typedef struct sg_report_results {
    const sg_network *drawn;          /* the whole network (the base and every hypothesis, sg_cmd_whole) read
                                         as the report reads it: every reading is drawn on it */
    const char *svg;                  /* `render` of DRAWN (SVG, its XML prolog included or not) */
    const char *measure;              /* the comparison's, robustness's and timeline's measure */
    const sg_comparison *hypotheses;  /* the base and each hypothesis */
    const sg_comparison *scenarios;   /* every scenario, or NULL */
    const char *const *measures;      /* the centrality table's measures */
    size_t n_measures;
    double *const *hypotheses_values; /* per reading of HYPOTHESES: N_MEASURES rows of its network's nodes */
    double *const *scenarios_values;  /* the same per reading of SCENARIOS (NULL without) */
    cJSON *comparison_json;           /* `compare --format json` of HYPOTHESES; taken over */
    cJSON *scenarios_json;            /* of SCENARIOS, or NULL; taken over */
    cJSON *robustness_json;           /* `robustness --format json`, or NULL; taken over */
    const char *robustness_svg;       /* its forest plot (NULL without) */
    cJSON *timeline_json;             /* `timeline --format json`, or NULL; taken over */
    const char *timeline_svg;         /* its chart (NULL without) */
} sg_report_results;

/* The report's data as doc/report-data.md describes it: a new tree (cJSON_Delete), which takes over the
 * JSON trees R holds (they are R's no more, whatever happens). Each reading's ties are matched to DRAWN's by
 * key, else by relation and ends. Time: O(readings x (nodes + ties) + the size of the parts). */
cJSON *sg_cmd_report_data(const sg_report_results *r);

#endif

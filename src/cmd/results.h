/* results.h: the writers of results that `report` shares with the commands that compute them. */
#ifndef SPYGRAPH_CMD_RESULTS_H
#define SPYGRAPH_CMD_RESULTS_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>

#include "spygraph/compare.h"
#include "spygraph/plot.h"
#include "spygraph/robustness.h"
#include "spygraph/timeline.h"

/* The JSON document `compare --format json` writes for CMP, whose base reading is NET. A new tree (the
 * caller cJSON_Delete()s it). O(readings x nodes + pairs + ties). */
cJSON *sg_cmd_comparison_json(const sg_comparison *cmp, const sg_network *net);

/* The JSON document `robustness --format json` writes for RES. A new tree (cJSON_Delete). O(nodes +
 * conclusions). */
cJSON *sg_cmd_robustness_json(const sg_robustness *res);
/* Writes the forest plot `robustness --plot` draws for RES (the first 2K nodes by P(top K), at least 20)
 * to STREAM in FORMAT. Returns false when the plot cannot be drawn (cairo) or written (ferror(STREAM)
 * then tells); STREAM may hold part of it. Nothing is kept. O(rows). */
bool sg_cmd_robustness_plot(const sg_robustness *res, sg_plot_format format, FILE *stream);

/* The JSON document `timeline --format json` writes for T. A new tree (cJSON_Delete). O(slices x nodes). */
cJSON *sg_cmd_timeline_json(const sg_timeline *t);
/* The chart's markers for the N_EVENTS events that fall in T's range; *COUNT is set, and *LABELS (the
 * markers' texts) and the array are the caller's (g_strfreev, g_free); never fails. O(N_EVENTS). */
sg_line_marker *sg_cmd_timeline_markers(const sg_timeline *t, const sg_event *const *events, size_t n_events,
                                        size_t *count, char ***labels);
/* Writes the chart `timeline --plot` draws for T (ranks, or values when PLOT_VALUE) with the N_MARKERS
 * MARKERS to STREAM in FORMAT. Returns false when the chart cannot be drawn (more than
 * SG_LINE_CHART_MAX_MARKERS markers among them) or written; STREAM may then hold part of it. O(slices x
 * shown nodes + markers). */
bool sg_cmd_timeline_chart(const sg_timeline *t, bool plot_value, const sg_line_marker *markers, size_t n_markers,
                           sg_plot_format format, FILE *stream);

#endif

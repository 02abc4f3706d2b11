/* timeline.h: who mattered when: a measure and the network's figures in time slices, each slice a reading of the network. */
#ifndef SPYGRAPH_TIMELINE_H
#define SPYGRAPH_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spygraph/centrality.h"
#include "spygraph/message.h"
#include "spygraph/model.h"
#include "spygraph/reading.h"

/* The length of one step of the slices. */
typedef enum sg_step { SG_STEP_YEAR, SG_STEP_QUARTER, SG_STEP_MONTH } sg_step;

/* Parses "year", "quarter", "month"; false if unknown. */
bool sg_step_parse(const char *text, sg_step *out);
/* "year", "quarter", "month". */
const char *sg_step_name(sg_step step);

/* The most slices a timeline takes (a century of months is 1,200). */
#define SG_TIMELINE_MAX_SLICES 5000

/* One slice: the period FROM..TO (plain dates: a year, or the first and last month of a quarter, a month
 * or a window), read as `--between FROM..TO`. */
typedef struct sg_slice {
    char label[32];             /* "1935", "1935-Q2", "1935-04", "1935-1937", "1935-Q2..1936-Q1" */
    sg_date from, to;
    long first_day, last_day;   /* the days it covers */
} sg_slice;

/* The slices from the step holding day FIRST to the step holding day LAST: one per step, or with WINDOW
 * above 1 one per window of WINDOW consecutive steps, moving one step at a time (the last window ends with
 * LAST's step; there is one window when the range has fewer steps than WINDOW). Returns a new array the
 * caller g_free()s, with *COUNT set, or NULL when there would be more than SG_TIMELINE_MAX_SLICES (*COUNT
 * then says how many). FIRST <= LAST, both within the years 1..9999. O(slices). */
sg_slice *sg_slices_make(long first, long last, sg_step step, size_t window, size_t *count);

typedef struct sg_timeline_options {
    const char *measure;        /* a sg_centrality_measures() name; NULL: "betweenness" */
    sg_reading reading;         /* how every slice reads the network (hypotheses, relations, kinds, folding,
                                   direction, weights); its own period (at, between) is not used: each slice
                                   has its own */
    sg_centrality_options centrality; /* how the measure is computed (its reading is replaced by each
                                         slice's direction and weights) */
    sg_step step;               /* SG_STEP_YEAR */
    size_t window;              /* steps per slice; 1: one slice per step */
    bool has_from, has_to;      /* the range; without them: the network's span, else its ties' dates */
    sg_date from, to;
    size_t top;                 /* rows chosen (sg_timeline.shown); 10 */
    size_t samples;             /* with samples: each slice's robustness interval (robustness.h); 0: none */
    uint64_t seed;
    double interval;            /* percent, as robustness's --interval; 90 */
    int jobs;                   /* worker processes for sampling; 0: one per core */
} sg_timeline_options;

/* Fills OPTS with the defaults: betweenness, sg_reading_init, sg_centrality_options_init, yearly steps, no
 * window, the whole range, top 10, no samples (seed 1, interval 90), every core. */
void sg_timeline_options_init(sg_timeline_options *opts);

/* The figures of one slice's reading (those of `info --between FROM..TO`, sg_summary, on the graph read as
 * the reading's direction, undirected by default). */
typedef struct sg_slice_figures {
    size_t nodes, ties, components;
    double density;
    double centralization;      /* Freeman centralization (sg_centralization) of the measure when it is
                                   degree, betweenness or closeness, else of degree; NaN under 3 nodes */
    const char *centralization_of; /* the measure's name (borrowed from the options) or "degree" (static) */
} sg_slice_figures;

/* A node's standing in one slice. */
typedef struct sg_timeline_cell {
    bool present;               /* in the slice's reading (its lifetime overlaps the slice) */
    bool active;                /* at least one of its ties is in the slice's reading */
    bool entered, left;         /* active here and not in the slice before (entered), or the reverse (left);
                                   both false in the first slice */
    double value;               /* the measure, as `centrality --between FROM..TO` gives it; NaN when
                                   absent or undefined */
    int rank;                   /* competition rank among the slice's nodes (sg_competition_ranks: tied
                                   values share the best rank); 0 when absent or undefined */
    double low, high;           /* with samples: the robustness interval of the value; else NaN */
    int rank_low, rank_high;    /* with samples: the same of the rank; else 0 */
    double p_top;               /* with samples: P(top TOP) in the slice; else NaN */
} sg_timeline_cell;

typedef struct sg_timeline {
    sg_network *net;            /* the reading without a period (a reference the result holds): its nodes
                                   are the rows, in its order */
    const char *measure;
    bool directed;              /* the measure read ties as directed */
    sg_step step;
    size_t window;
    size_t samples;
    uint64_t seed;
    double interval;
    size_t top;
    sg_slice *slices;
    size_t n_slices;
    sg_slice_figures *figures;  /* per slice */
    sg_timeline_cell *cells;    /* node-major: cells[node * n_slices + slice] */
    size_t *order;              /* every node: by its best rank over the slices where it is active with a
                                   value above 0, then the slices it is active in (more first), then its
                                   first active slice, then network order; nodes never so ranked last */
    size_t shown;               /* the first SHOWN of ORDER are the chosen rows: min(top, nodes) */
} sg_timeline;

/* The cell of node NODE in slice SLICE. */
const sg_timeline_cell *sg_timeline_at(const sg_timeline *t, size_t node, size_t slice);

/* Runs the timeline of BASE (as loaded) as OPTS says: every slice is sg_reading_network of OPTS->reading
 * with --between the slice, and the measure is sg_centrality_one on it. Problems (unknown measure, a
 * hypothesis that does not apply, no date to take the range from, an empty or unbounded range, a range of
 * more than SG_TIMELINE_MAX_SLICES slices) go to DIAG and NULL is returned; an igraph failure also returns NULL (reported through sg_error). Free with sg_timeline_free.
 * Time: slices x (the reading + the measure + sg_summary), times SAMPLES + 1 with samples. */
sg_timeline *sg_timeline_run(sg_network *base, const sg_timeline_options *opts, sg_diag *diag);
void sg_timeline_free(sg_timeline *t);

#endif

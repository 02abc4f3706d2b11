/* robustness.h: how sure a ranking is under uncertain evidence: sampled ties and hypotheses, sources removed, decisive ties. */
#ifndef SPYGRAPH_ROBUSTNESS_H
#define SPYGRAPH_ROBUSTNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spygraph/centrality.h"
#include "spygraph/message.h"
#include "spygraph/model.h"
#include "spygraph/reading.h"

/* The most node-samples (samples x nodes) kept: every sampled value (8 bytes) and rank (4 bytes) is kept
 * so that the percentiles are exact, 12 bytes per node per sample, 600 MB at this limit. */
#define SG_ROBUSTNESS_MAX_CELLS 50000000ULL

/* The most samples a command takes (the node-sample limit applies too). */
#define SG_MAX_SAMPLES 100000000L

/* ---- The random streams (robustness.c) ---- */

/* A random stream spygraph owns: the sample's values depend only on the seed and the sample's index, never
 * on igraph's generator, the order samples run in, or the number of processes. SplitMix64 (Steele, Lea and
 * Flood 2014) used as a counter-based generator: draw k of stream (seed, index) is mix(key + k x golden
 * gamma), key = mix(seed ^ mix(index)). */
typedef struct sg_stream {
    uint64_t key;
    uint64_t counter;
} sg_stream;

/* Starts the stream of sample INDEX under SEED. Never fails. O(1). */
void sg_stream_init(sg_stream *s, uint64_t seed, uint64_t index);
/* The next draw, uniform in [0, 1) with 53 random bits. O(1). */
double sg_stream_uniform(sg_stream *s);

/* ---- Sampling one reading: P(top K) under its ties' confidences (compare --samples) ---- */

/* For each node of NET (a read network), the share of SAMPLES samples, each keeping every tie with
 * probability equal to its confidence (stream (SEED, sample index)), in which MEASURE (as OPTS computes
 * it) puts the node in the top K: competition rank (tied values, sg_snap_ties, share the best rank) at most
 * TOP_K, and value above 0; an undefined value counts as 0. P_TOP (initialised by the caller) is resized
 * to NET->n_nodes. Samples run in OPTS->jobs processes (0: one per core). Returns IGRAPH_SUCCESS or an
 * igraph error code (reported by igraph's handler). O(samples x the measure's time). */
igraph_error_t sg_sample_p_top(const sg_network *net, const char *measure, const sg_centrality_options *opts,
                               size_t samples, uint64_t seed, size_t top_k, igraph_vector_t *p_top);

/* ---- The whole analysis ---- */

typedef struct sg_robustness_options {
    const char *measure;        /* a sg_centrality_measures() name; NULL: "betweenness" */
    sg_reading reading;         /* how the network is read (period, relations, kinds, folding, direction,
                                   weights); its hypotheses are settled: every sample applies them, and
                                   credence sampling draws only among the others */
    sg_centrality_options centrality; /* how the measure is computed (its reading is replaced by READING's
                                         direction and weights, and a tie mask per sample) */
    size_t samples;             /* 0: no sampling (--by-source and --decisive alone) */
    uint64_t seed;
    double interval;            /* percent of the samples between low and high, in (0, 100); 90 */
    size_t top_k;               /* 10 */
    bool sample_confidence;     /* keep each tie with probability equal to its confidence */
    bool sample_credence;       /* draw the hypotheses by their credences */
    bool by_source;             /* the reading without each source's sole ties and hypotheses */
    bool decisive;              /* every tie removed alone */
    size_t decisive_count;      /* how many decisive ties to keep; 20 */
    const char *decisive_node;  /* a node name: rank the ties by how far their removal moves it; NULL */
    int jobs;                   /* worker processes; 0: one per core */
} sg_robustness_options;

/* Fills OPTS with the defaults: betweenness, sg_reading_init, sg_centrality_options_init, 1000 samples,
 * seed 1, interval 90, top 10, both sources of uncertainty, no --by-source or --decisive, 20 decisive ties,
 * every core. */
void sg_robustness_options_init(sg_robustness_options *opts);

/* One node of the union of the readings sampled (the unsampled reading's nodes first, in order, then
 * the nodes hypotheses add, in the order samples first meet them). */
typedef struct sg_robust_node {
    const char *id, *label;     /* borrowed from the networks the analysis holds */
    bool present;               /* in the unsampled reading */
    double value;               /* the measure in the unsampled reading (an undefined value counts 0); NaN
                                   when the node is absent from it */
    int rank;                   /* its competition rank there over the union (absent: value 0) */
    double mean, sd;            /* over the samples, absent or undefined counting 0; NaN without samples */
    double low, high;           /* the (100 - interval)/2 and (100 + interval)/2 percentiles of the value
                                   (linear interpolation between order statistics, numpy's default) */
    int rank_low, rank_high;    /* the same percentiles of the rank, as order statistics (the smallest
                                   rank r with at least that share of samples at r or better: numpy's
                                   inverted_cdf); 0 without samples */
    double p_top, p_top_se;     /* share of samples with the node in the top K (rank <= K, value > 0),
                                   and its Monte Carlo standard error sqrt(p (1 - p) / N) */
    size_t sources;             /* distinct citation keys on the node's ties in the unsampled reading */
} sg_robust_node;

/* The reading without one citation key's sole evidence. */
typedef struct sg_robust_source {
    const char *key;
    size_t sole_ties;           /* ties of the unsampled reading (a settled hypothesis's included) citing
                                   this key and no other */
    size_t sole_hypotheses;     /* settled hypotheses citing this key and no other (left unapplied) */
    size_t *entered, n_entered; /* union node indices entering the top K, by their new rank */
    size_t *left, n_left;       /* leaving it, by their old rank */
    double tau_b;               /* Kendall's tau-b against the unsampled reading over the nodes in both
                                   (sg_kendall_tau_b); NaN when undefined */
    int max_rank_change;        /* old rank - new rank (places gained: negative for a fall) of the node that
                                   moved most (the first in union order of those moving as far); 0 if none */
    size_t max_rank_node;       /* that node; SIZE_MAX if none moved */
    int rank_change_sum;        /* sum of |old rank - new rank| over the nodes in both readings. Rank
                                   changes count only nodes with a value above 0 in either reading: the
                                   nodes of value 0 share one rank, which moves when any node joins or
                                   leaves them */
} sg_robust_source;

/* The unsampled reading without one tie. */
typedef struct sg_robust_tie {
    size_t tie;                 /* index into the unsampled reading's edges */
    size_t *entered, n_entered;
    size_t *left, n_left;
    int rank_change;            /* sum of |rank changes| over the nodes (as rank_change_sum counts them);
                                   with decisive_node, that node's old rank - new rank (places gained; 0
                                   when its value is 0 in both) */
    double value_change;        /* with decisive_node: that node's new value - old value; else NaN */
} sg_robust_tie;

typedef struct sg_robustness {
    sg_network *net;            /* the unsampled reading (a reference the result holds) */
    const char *measure;
    bool directed;              /* the measure read ties as directed */
    size_t samples;
    uint64_t seed;
    double interval;
    size_t top_k;
    bool sample_confidence, sample_credence;
    size_t scenarios_drawn;     /* distinct sets of hypotheses the samples drew */
    sg_robust_node *nodes;
    size_t n_nodes;
    size_t *order;              /* node indices by P(top K), then mean, then unsampled value (descending;
                                   means and values tied as sg_values_tied says count equal), then union
                                   order */
    size_t *robust, n_robust;   /* P(top K) >= 0.95, in ORDER */
    size_t *uncertain, n_uncertain; /* 0.05 <= P(top K) < 0.95, in ORDER */
    sg_robust_source *sources;  /* with by_source: every key cited by a tie or settled hypothesis of the
                                   unsampled reading, by impact: nodes entering or leaving the top K, then
                                   the largest rank change, then the sum of rank changes, then tau-b
                                   (ascending), then key */
    size_t n_sources;
    sg_robust_tie *decisive;    /* with decisive: the ties by impact (entering plus leaving, then rank
                                   change; with decisive_node: |its rank change|, then |value change|, tied
                                   changes as sg_values_tied says counting equal), then tie order; at most
                                   decisive_count, and none whose removal changes nothing (with
                                   decisive_node: nothing of that node's) */
    size_t n_decisive;
    size_t decisive_node;       /* union index of decisive_node, or SIZE_MAX */
    double documentation_rho;   /* Spearman's rho between the unsampled values and nodes[].sources over
                                   the unsampled reading's nodes (sg_spearman_rho); NaN when undefined */
} sg_robustness;

/* The documentation warning's threshold: a rho above it is printed with a plain warning. */
#define SG_DOCUMENTATION_RHO_WARN 0.7

/* Runs the analysis on BASE (as loaded, no hypothesis applied) as OPTS says. Problems (unknown measure,
 * unknown or ambiguous --node, a hypothesis without a credence while credences are sampled, a scenario
 * whose hypotheses conflict, too many node-samples) are added to DIAG and NULL is returned; an igraph
 * failure or a failed worker process also returns NULL (reported through sg_error). The caller frees the
 * result with sg_robustness_free. Time: (samples + ties + sources) x the measure's time, over OPTS->jobs
 * processes; memory: SG_ROBUSTNESS_MAX_CELLS. */
sg_robustness *sg_robustness_run(sg_network *base, const sg_robustness_options *opts, sg_diag *diag);
void sg_robustness_free(sg_robustness *r);

#endif

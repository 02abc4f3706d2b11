/* compare.h: hypotheses side by side: patches, figures, rankings, rank agreement, robust conclusions. */
#ifndef SPYGRAPH_COMPARE_H
#define SPYGRAPH_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spygraph/centrality.h"
#include "spygraph/reading.h"
#include "spygraph/message.h"
#include "spygraph/model.h"

/* ---- Rank correlation (rankcorr.c) ---- */

/* Two measured values are tied when they differ by at most SG_TIE_TOLERANCE times the larger magnitude:
 * centralities computed in floating point differ in their last bits for structurally equivalent nodes
 * (eigenvector 0.08311330258330807 and 0.08311330258330808), and such nodes must share a rank. Zero
 * ties only with zero. Ranks (sg_compare's competition ranks), average ranks, tau-b and rho all see the
 * same ties, because each first snaps its values with sg_snap_ties and then compares them exactly; so
 * tau-b and rho equal those computed (by any exact implementation, scipy's kendalltau and spearmanr)
 * from the ranks a comparison shows. */
#define SG_TIE_TOLERANCE 1e-9

/* Whether A and B are tied: |A - B| <= SG_TIE_TOLERANCE x max(|A|, |B|) (so equal zeros are). */
bool sg_values_tied(double a, double b);

/* Writes to SNAPPED[i] (the caller's, N long) VALUES[i] snapped to its tie group: taking the values in
 * ascending order, a value tied (sg_values_tied) with the first, smallest value of the current group
 * joins it, else starts a new group; every value takes its group's smallest value (so a chain of values
 * each within tolerance of the next is cut where it drifts beyond tolerance of the group's first). NaN stays NaN and joins no
 * group. Distinct snapped values are never tied, so snapping any subset of them again changes nothing.
 * Never fails. O(n log n). */
void sg_snap_ties(const double *values, size_t n, double *snapped);

/* Writes to RANKS[i] the 1-based ascending rank of VALUES[i] among the N values, tied values (after
 * sg_snap_ties) sharing the mean of the positions they occupy (3 values 5, 7, 5 give 1.5, 3, 1.5). RANKS
 * is the caller's, N long. Never fails. O(n log n). */
void sg_rank_average(const double *values, size_t n, double *ranks);

/* Kendall's tau-b of the N pairs (X[i], Y[i]), each variable snapped first (sg_snap_ties):
 * (concordant - discordant) / sqrt((n0 - n1)(n0 - n2)), where n0 - n1 and n0 - n2 count the pairs not
 * tied in X and not tied in Y. Returns NaN when it is
 * undefined (fewer than 2 values, or every value of X or of Y tied). O(n^2). */
double sg_kendall_tau_b(const double *x, const double *y, size_t n);

/* Spearman's rho: Pearson's correlation of the average ranks of X and of Y (sg_rank_average, so ties
 * within SG_TIE_TOLERANCE are handled). Returns
 * NaN when undefined (fewer than 2 values, or all of X or all of Y tied). O(n log n). */
double sg_spearman_rho(const double *x, const double *y, size_t n);

/* Writes to RANK[i] (the caller's, N long) the competition rank of RAW[i]: 1 for the highest value, values
 * tied after sg_snap_ties sharing the best rank (5, 3, 3, 1 give 1, 2, 2, 4); 0 for NaN, which is not
 * ranked. Never fails. O(n log n). */
void sg_competition_ranks(const double *raw, size_t n, int *rank);

/* ---- Comparison of hypotheses (compare.c) ---- */

typedef struct sg_compare_options {
    const char *measure;        /* a sg_centrality_measures() name; NULL: "betweenness" */
    sg_reading reading;         /* how every reading reads the network (period, relations, kinds, folding,
                                   direction, weights) and the hypotheses every reading applies first; each
                                   compared reading adds its own hypotheses after them. Its direction also
                                   reads the ties for the path (DEFAULT is undirected there) */
    sg_centrality_options centrality; /* how the measure is computed (its reading is replaced by READING) */
    size_t top_k;               /* size of the top list; 0: 10 */
    const char *const *hypotheses; /* NULL-terminated ids to compare, or NULL for all of the network's; with
                                      SCENARIOS, the hypotheses the scenarios are made of */
    bool scenarios;             /* compare every scenario (sg_compare_scenarios) instead of each hypothesis
                                   alone */
    const char *path_from;      /* node names for the shortest route, or NULL for none */
    const char *path_to;
    size_t samples;             /* > 0: each reading's P(top K) over this many samples of its ties, each kept
                                   with its confidence (sg_sample_p_top); 0: none */
    uint64_t seed;              /* the samples' seed */
} sg_compare_options;

/* Fills OPTS with the defaults (betweenness, sg_reading_init, sg_centrality_options_init, top 10, every
 * hypothesis, no path, no samples, seed 1). */
void sg_compare_options_init(sg_compare_options *opts);

/* One line of a hypothesis patch, as the comparison reports it. Strings are borrowed from the network
 * except DETAIL, owned by the comparison. */
typedef struct sg_compare_change {
    sg_patch_op op;
    const char *node;           /* add_node: the new node's id; NULL otherwise */
    const char *source, *target;/* edge operations: the ends' ids; NULL for add_node */
    const char *relation;       /* relation name, or NULL when the patch matches any relation */
    const char **sources;       /* citation keys given on the patch line (NULL-terminated) */
    char *detail;               /* what it does, e.g. "confidence 1 -> 0.3, weight 1 -> 0.5" */
    sg_origin origin;           /* the patch file's line */
} sg_compare_change;

/* Network-level figures of one reading (as `info` computes them: ties counted, the rest of the simple graph
 * read as the comparison's direction). */
typedef struct sg_compare_figures {
    size_t nodes, ties, links, components;
    double density, diameter, mean_distance;
    double centralization;      /* Freeman centralization (sg_centralization) of the measure named in
                                   sg_comparison.centralization_measure; NaN below three nodes */
} sg_compare_figures;

/* The base network or one hypothesis applied to it. */
typedef struct sg_compare_reading {
    const char *id;             /* "base" or the hypothesis id */
    const char *label;          /* the hypothesis label, or the network's title */
    const char *citation;       /* who argues it ("" for the base) */
    const char **sources;       /* the hypothesis's citation keys (empty for the base) */
    sg_network *net;            /* the network read this way (a reference the comparison holds) */
    const char **hypotheses;    /* NULL-terminated ids this reading applies beyond the base's (owned by the
                                   comparison) */
    double credence;            /* with scenarios: the product of the scenario's choices' credences (an
                                   answer's credence, "none of these" 1 minus the question's credences, an
                                   independent hypothesis c or 1 - c); NaN when a choice has no credence, and
                                   without scenarios */
    sg_compare_change *changes; /* what the patch changes (none for the base) */
    size_t n_changes;
    sg_compare_figures figures;
    double *value;              /* per union node: the measure, NaN when the node is absent here */
    int *rank;                  /* per union node: 1 = highest value, tied values (equal after
                                   sg_snap_ties over the reading's present nodes) share the best rank
                                   (1, 2, 2, 4); 0 when absent */
    int *rank_change;           /* per union node: base rank - this rank (places gained); 0 when the node
                                   is absent from the base or from this reading (see has_change), and 0
                                   when its value is 0 in both (no standing to gain or lose) */
    bool *has_change;           /* per union node: present in both the base and this reading */
    bool *in_top;               /* per union node: rank <= top_k and value > 0 */
    double *p_top;              /* per union node, with samples: the share of samples of this reading's ties
                                   in which the node is in the top list (NaN when absent); NULL without */
    bool path_ends_present;     /* both path ends exist in this reading */
    int *path;                  /* union node indices of the shortest route FROM..TO, NULL if none */
    size_t path_nodes;          /* nodes on the route (hops + 1); 0 when unreachable or absent */
} sg_compare_reading;

/* One pair of readings (i < j). */
typedef struct sg_compare_pair {
    size_t a, b;                /* reading indices */
    size_t common;              /* union nodes present in both */
    double tau_b, rho;          /* over the common nodes, of each reading's values snapped as for its
                                   ranks (the same as from the ranks shown); NaN when undefined */
    size_t top_overlap;         /* nodes in the top list of both */
} sg_compare_pair;

/* One tie of the union of the readings (ties matched by relation and ends, sg_edge_same_tie). */
typedef struct sg_compare_tie {
    int source, target;         /* union node indices */
    const sg_relation *relation;
    bool *present;              /* per reading: the tie is there (present[0]: in the base) */
    bool *altered;              /* per reading: the reading's patch changed the tie's attributes */
} sg_compare_tie;

/* Where a union tie holds: in every reading as the base has it; in the base but changed by some
 * hypotheses; in the base but removed by some; or only in some hypotheses. */
typedef enum sg_tie_status { SG_TIE_BASE, SG_TIE_ALTERED, SG_TIE_REMOVED, SG_TIE_ADDED } sg_tie_status;

/* A comparison. Readings[0] is the base; nodes are the union of every reading's nodes (base nodes first,
 * in file order, then added nodes in the order the hypotheses add them). */
typedef struct sg_comparison {
    const char *measure;
    const char *centralization_measure; /* the measure itself when it has a Freeman centralization
                                           (degree, betweenness, closeness), else "degree" */
    bool directed;              /* the measure read the ties as directed */
    bool scenarios;             /* the readings are the scenarios (sg_compare_options.scenarios) */
    size_t top_k;
    size_t samples;             /* the samples behind each reading's p_top; 0: none */
    uint64_t seed;
    sg_compare_reading *readings;
    size_t n_readings;
    const char **node_ids;      /* union nodes (borrowed) */
    const char **node_labels;
    size_t n_nodes;
    int *max_change;            /* per union node: largest |rank change| over the hypotheses */
    int *rank_spread;           /* per union node: largest minus smallest rank where present; 0 for a
                                   node whose value is 0 wherever it is present */
    size_t *order;              /* union node indices, most hypothesis-dependent first: by max_change
                                   (descending), then best rank, then id */
    sg_compare_pair *pairs;     /* every pair of readings, base first: n_readings (n_readings - 1) / 2 */
    size_t n_pairs;
    size_t *robust;             /* union nodes in the top list of every reading, by best rank then id */
    size_t n_robust;
    size_t *contested;          /* union nodes in the top list of some readings only, in order */
    size_t n_contested;
    const char *path_from, *path_to; /* resolved node ids, NULL without a path question */
    sg_compare_tie *ties;       /* the union of the readings' ties: base ties first, in file order, then
                                   added ties in the order the hypotheses add them */
    size_t n_ties;
} sg_comparison;

/* The most scenarios a comparison takes. */
#define SG_COMPARE_MAX_SCENARIOS 256

/* Compares BASE with each hypothesis OPTS names (all by default), or with OPTS->scenarios every scenario:
 * one answer (or none) for each question and any subset of the independent hypotheses, made of the
 * hypotheses OPTS names (all by default) that every reading does not already apply. Scenarios are named
 * by their hypothesis ids in manifest order joined by '+' ("base" for none) and ordered by how many
 * hypotheses they apply, then by those choices in manifest order; more than SG_COMPARE_MAX_SCENARIOS is an
 * error that suggests --hypotheses. Problems (unknown hypothesis, unknown
 * measure, unknown or ambiguous path node, a patch that fails) are added to DIAG and NULL is returned; an
 * igraph failure also returns NULL (reported by the igraph handler). BASE must not have a hypothesis
 * applied. The caller frees the result with sg_comparison_free. */
sg_comparison *sg_compare(sg_network *base, const sg_compare_options *opts, sg_diag *diag);
void sg_comparison_free(sg_comparison *cmp);

/* The status of union tie T (removed wins over altered). */
sg_tie_status sg_compare_tie_status(const sg_comparison *cmp, const sg_compare_tie *t);

/* Returns a copy of BASE holding every node and tie of the base and every node and tie that any of its
 * hypotheses adds (removals and changes are not applied), for a layout shared by every reading. A node or
 * tie added by several hypotheses appears once; with no hypotheses, a new reference to BASE. Returns NULL
 * if a patch names a node that does not exist (the problems are added to DIAG). The caller unrefs the
 * result. */
sg_network *sg_network_union_of_hypotheses(sg_network *base, sg_diag *diag);

/* The reading index of hypothesis ID ("base" gives 0), or -1. */
int sg_comparison_find_reading(const sg_comparison *cmp, const char *id);

#endif

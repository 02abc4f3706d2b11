/* centrality.h: node centrality, Burt's structural holes, Gould-Fernandez brokerage and Freeman centralization. */
#ifndef SPYGRAPH_CENTRALITY_H
#define SPYGRAPH_CENTRALITY_H

#include <igraph.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spygraph/reading.h"
#include "spygraph/model.h"

/* How exact betweenness is computed: AUTO picks REDUCED for an undirected reading, else BRANDES; BRANDES is igraph's over the whole graph, REDUCED
 * Brandes inside each biconnected component with what hangs off its cut vertices (undirected readings
 * only). All give the same values within rounding. */
typedef enum sg_exact_method { SG_EXACT_AUTO, SG_EXACT_BRANDES, SG_EXACT_REDUCED } sg_exact_method;
/* Parses "auto", "brandes", "reduced"; false if unknown. */
bool sg_exact_method_parse(const char *text, sg_exact_method *out);

/* What an estimate of betweenness promises (sg_centrality_options.approx_eps): every node's betweenness
 * normalized by the n(n - 1) ordered pairs is within EPS of the exact value with probability at least
 * 1 - DELTA, from SAMPLES shortest paths (VERTEX_DIAMETER: the bound of the most nodes on a shortest path
 * that set their number, NEEDED). EXACT: the NEEDED samples would have cost more than the exact values
 * (or more than any run can take), so the values are exact and SAMPLES is 0. */
typedef struct sg_approx_info {
    double eps, delta;
    double vertex_diameter;
    size_t samples;
    double needed;
    bool exact;
} sg_approx_info;

/* How the measures are computed. Every measure works on the graph sg_graph_build makes of the read
 * network with READING's direction (DEFAULT: each measure's own, sg_centrality_directed), weights and tie
 * mask, parallel ties merged: one edge per pair (in the same direction, for a directed reading) whose
 * weight is the sum of the ties' weights (SG_WEIGHTS_WEIGHT), the largest confidence
 * (SG_WEIGHTS_CONFIDENCE, where a tie of confidence 0 is no edge) or 1 (SG_WEIGHTS_NONE); self-loops
 * dropped. */
typedef struct sg_centrality_options {
    sg_reading reading;     /* direction, weights and tie mask of the graph (its network-level fields are
                               not used: the network given is already read). Strength, pagerank,
                               eigenvector, hub, authority, constraint and effsize use the weight as it is;
                               betweenness, closeness and harmonic use 1/weight as length */
    bool normalized;        /* degree, indegree, outdegree, harmonic: / (n-1); betweenness: as NetworkX */
    double damping;         /* pagerank damping factor, in (0, 1] */
    const char *group_by;   /* node attribute giving brokerage groups; NULL: sg_centrality_default_group */
    int jobs;               /* worker processes for betweenness, closeness and harmonic; 0: one per core */
    sg_exact_method exact_method; /* how exact betweenness is computed (AUTO by default) */
    double approx_eps;      /* > 0: betweenness estimated from sampled shortest paths, every node's value
                               normalized by the n(n - 1) ordered pairs within APPROX_EPS of the exact one
                               with probability at least 1 - APPROX_DELTA (unweighted readings only) */
    double approx_delta;    /* in (0, 1); 0.1 by default */
    uint64_t approx_seed;   /* the samples' seed (1 by default) */
    sg_approx_info *approx_info; /* when not NULL: filled with the estimate's promise and samples */
} sg_centrality_options;

/* Sets the defaults: sg_reading_init (direction DEFAULT, no weights), raw values, damping 0.85, group_by NULL, jobs 0,
 * exact method AUTO. */
void sg_centrality_options_init(sg_centrality_options *o);

/* The measure names (static), in the order `help` lists them, terminated by NULL. */
const char *const *sg_centrality_measures(void);
/* True when NAME is one of sg_centrality_measures(). */
bool sg_centrality_measure_known(const char *name);
/* True when MEASURE is computed on the directed reading of the network under OPTS (its default when
 * OPTS->reading.direction is DEFAULT). Measures that always ignore direction (clustering, coreness, cutpoint)
 * return false. */
bool sg_centrality_directed(const char *measure, const sg_centrality_options *opts);

/* The default node attribute for brokerage groups: "affiliation" when at least one node of NET has one,
 * else NULL (static string, never freed). */
const char *sg_centrality_default_group(const sg_network *net);
/* True when NAME is a node attribute of NET usable as a group: affiliation, kind, label, id, native_name
 * or one of the extra node columns. */
bool sg_centrality_group_known(const sg_network *net, const char *name);
/* The value of attribute NAME (sg_centrality_group_known) for node I: borrowed from NET, "" when the node
 * has none. */
const char *sg_centrality_group_value(const sg_network *net, size_t i, const char *name);

/* Computes MEASURE for every node of NET into OUT (initialised by the caller, resized to n). brokerage
 * gives the total of the five Gould-Fernandez roles; cutpoint gives 1 for an articulation point, else 0.
 * Undefined values (constraint or effsize of an isolated node) are NaN. Returns IGRAPH_SUCCESS, or an
 * igraph error code (IGRAPH_EINVAL for an unknown measure, or brokerage without a usable group attribute)
 * after igraph's error handler has reported it; OUT is then unspecified. */
igraph_error_t sg_centrality_one(const sg_network *net, const char *measure, const sg_centrality_options *opts,
                                 igraph_vector_t *out);

/* Computes COUNT measures at once, building each graph they need once: OUTS[i] (initialised by the caller)
 * receives NAMES[i] exactly as sg_centrality_one would give it. Returns IGRAPH_SUCCESS or the first
 * error (the remaining outputs are then unspecified). */
igraph_error_t sg_centrality_many(const sg_network *net, const char *const *names, size_t count,
                                  const sg_centrality_options *opts, igraph_vector_t *outs);

/* Gould-Fernandez brokerage roles, as the columns of R's sna::brokerage raw.nli (see sg_brokerage). */
typedef enum sg_broker_role {
    SG_BROKER_COORDINATOR,    /* A -> A -> A: broker and both ends in one group (sna w_I) */
    SG_BROKER_ITINERANT,      /* A -> B -> A: ends in one group, broker outside it (sna w_O), "consultant" */
    SG_BROKER_REPRESENTATIVE, /* A -> A -> B: broker in the source's group passes a tie out (sna b_IO) */
    SG_BROKER_GATEKEEPER,     /* A -> B -> B: broker in the target's group lets a tie in (sna b_OI) */
    SG_BROKER_LIAISON,        /* A -> B -> C: three different groups (sna b_O) */
    SG_BROKER_N_ROLES
} sg_broker_role;

/* The role's name: "coordinator", "itinerant", "representative", "gatekeeper", "liaison". */
const char *sg_broker_role_name(sg_broker_role role);

/* Counts, for every node j, the open two-paths i -> j -> k (i, j, k distinct, no tie i -> k) it brokers,
 * by role, on the directed simple graph of NET (undirected ties read both ways, or every tie both ways
 * when OPTS->reading.direction is UNDIRECTED), with groups from node attribute GROUP_BY; a node with an empty
 * value is a group of its own. ROLES (initialised by the caller) is resized to n x SG_BROKER_N_ROLES.
 * Returns IGRAPH_SUCCESS or an igraph error code. O(sum over j of indeg(j) outdeg(j) log n). */
igraph_error_t sg_brokerage(const sg_network *net, const char *group_by, const sg_centrality_options *opts,
                            igraph_matrix_t *roles);

/* Freeman centralization of SCORES (as sg_centrality_one returned them for MEASURE under OPTS), which must
 * be degree, betweenness or closeness: the sum of (max - score) over the nodes divided by the largest sum
 * any graph with as many nodes can reach (a star: igraph_centralization_*_tmax for degree and betweenness;
 * for closeness, (n-1)(n-2)/(2n-3) undirected and n-1 directed, the in-star's, derived in centrality.c
 * for the Wasserman-Faust closeness that sg_centrality_one computes). Sets *OUT (NaN for fewer than three
 * nodes). Returns IGRAPH_SUCCESS, or IGRAPH_EINVAL for another measure. */
igraph_error_t sg_centralization(const sg_network *net, const char *measure, const sg_centrality_options *opts,
                                 const igraph_vector_t *scores, double *out);

#endif

/* reading.h: one reading of the evidence (hypotheses, period, relations, kinds, folding, direction) and the one builder of its igraph graph. */
#ifndef SPYGRAPH_READING_H
#define SPYGRAPH_READING_H

#include <igraph.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spygraph/model.h"

/* How ties are read when the graph is built. */
typedef enum sg_direction {
    SG_DIRECTION_DEFAULT,    /* the command's (or measure's) documented default; the builder reads it as
                                UNDIRECTED */
    SG_DIRECTION_DIRECTED,   /* a directed graph; sg_tie_arcs says which ties give one arc and which two */
    SG_DIRECTION_UNDIRECTED, /* an undirected graph: one edge per tie, direction ignored */
    SG_DIRECTION_MUTUAL      /* a directed graph with every tie read both ways (brokerage's undirected
                                reading) */
} sg_direction;

/* What an edge's value is read from. */
typedef enum sg_weights {
    SG_WEIGHTS_NONE,         /* every edge counts 1 */
    SG_WEIGHTS_WEIGHT,       /* the ties' weights (parallel ties summed) */
    SG_WEIGHTS_CONFIDENCE    /* the ties' confidences (parallel ties: the largest); a tie of confidence 0
                                gives no edge at all: it is impassable for every path-based measure */
} sg_weights;

/* Parses "none", "weight", "confidence"; returns false if unknown. */
bool sg_weights_parse(const char *text, sg_weights *out);

/* The range of a tie's weight, and of a non-zero confidence read as a weight (--weights confidence). Path
 * lengths are 1/weight, and igraph counts two path lengths equal when they differ by less than 1e-10 of
 * their sum (igraph_cmp_epsilon, IGRAPH_SHORTEST_PATH_EPSILON): with lengths within a factor 10^6 of each
 * other, one whole tie's length always shows on routes of up to 2,500 hops. A merged link's weight, the
 * sum of its ties', stays below 1000 x the number of ties: it cannot overflow. */
#define SG_WEIGHT_MIN 0.001
#define SG_WEIGHT_MAX 1000.0

/* Checks that every tie of NET whose confidence is not 0 can be read as a weight under WEIGHTS (with
 * SG_WEIGHTS_CONFIDENCE: a confidence of at least SG_WEIGHT_MIN), adding an error at the tie's position
 * to DIAG for each that cannot. Returns false if any cannot. O(m). */
bool sg_weights_check(const sg_network *net, sg_weights weights, sg_diag *diag);

/* How parallel ties become edges. */
typedef enum sg_merge {
    SG_MERGE_NONE,           /* one edge per arc of every tie, in tie order; self-loops kept */
    SG_MERGE_PARALLEL        /* one edge per ordered pair (directed) or unordered pair (undirected) of
                                distinct nodes that a tie joins, numbered in the order of (first, second)
                                node index; self-loops dropped */
} sg_merge;

/* A set of relations of the vocabulary: bit i stands for sg_relations()[i]. */
typedef uint64_t sg_relation_set;

/* Every relation of the vocabulary. */
sg_relation_set sg_relation_set_all(void);
/* The relations along which information or orders can travel (sg_relation.channel). */
sg_relation_set sg_relation_set_channels(void);
/* True when RELATION is in SET. */
bool sg_relation_set_has(sg_relation_set set, const sg_relation *relation);
/* Parses a comma-separated LIST of relation names, family names (membership, command, information,
 * personal, diplomatic, hostile, other), "channels" or "all" into *OUT. Returns false at the first unknown
 * name, which *BAD then points into LIST at (and *BAD_LEN gives its length); *OUT is then unspecified. */
bool sg_relation_set_parse(const char *list, sg_relation_set *out, const char **bad, size_t *bad_len);
/* Writes into a new string (the caller g_free()s it) the names SET holds, comma-separated, or "all" when
 * it holds every relation and "channels" when it holds exactly the channel relations. */
char *sg_relation_set_describe(sg_relation_set set);

/* A reading of a network: which evidence counts and how ties become the edges of the igraph graph. */
typedef struct sg_reading {
    /* which network: sg_reading_network */
    const char *const *hypotheses; /* ids applied in this order (borrowed); NULL or empty: the base */
    size_t n_hypotheses;
    bool has_at;                /* keep the ties (and nodes) active at AT */
    sg_date at;
    bool has_between;           /* keep the ties (and nodes) active at some time from FROM to TO (either
                                   may be open) */
    sg_date from, to;
    unsigned fold;              /* bit (1u << kind): fold the nodes of those kinds into ties between the
                                   nodes attached to them (organization: member_of and employed_by give
                                   co_member; place: located_in gives co_located) */
    sg_relation_set relations;  /* after folding: keep the ties of these relations */
    unsigned kinds;             /* bit (1u << kind): keep the nodes of those kinds; 0: every kind */
    /* how its ties become edges: sg_graph_build */
    sg_direction direction;
    sg_weights weights;
    sg_merge merge;
    const bool *tie_mask;       /* per tie of the read network: false leaves it out; NULL keeps all
                                   (borrowed; the hook for sampling) */
} sg_reading;

/* Sets the reading of the base network: no hypothesis, no period, every relation and kind, nothing
 * folded, direction DEFAULT, no weights, parallel ties merged, no mask. */
void sg_reading_init(sg_reading *r);

/* Reads NET as R says, in this order: the hypotheses applied (sg_network_apply_hypotheses); the ties and
 * nodes outside --at or --between left out (a node outside its lifetime goes with its ties); the kinds in
 * R->fold folded; the ties of relations outside R->relations left out; the nodes of kinds outside R->kinds
 * left out with their ties. Returns the read network, which keeps a copy of R (net->reading), or NULL with
 * the problems in DIAG (an unknown or conflicting hypothesis, two answers to the same question, --kinds or
 * --fold on a network whose nodes have no kinds). NET is never changed. The caller unrefs the result. O(n + m) plus the hypotheses and the
 * folded pairs (the square of the members of each folded node). */
sg_network *sg_reading_network(sg_network *net, const sg_reading *r, sg_diag *diag);

/* Reads NET as R says with the N hypotheses EXTRA applied after R's own (sg_reading_network with R's
 * hypotheses then EXTRA). Returns the read network or NULL with the problems in DIAG; the caller unrefs
 * it. */
sg_network *sg_reading_network_adding(sg_network *net, const sg_reading *r, const char *const *extra, size_t n,
                                      sg_diag *diag);

/* True when R applies hypothesis ID (one of R->hypotheses). O(hypotheses). */
bool sg_reading_applies(const sg_reading *r, const char *id);

/* Writes into a new string (the caller g_free()s it) the reading's network-level choices in words, for
 * titles and tables: "hypotheses kato+yang; at 1941; relations: channels; kinds: person; folded:
 * organization", or "" for the base network as loaded. */
char *sg_reading_describe(const sg_reading *r);

/* The igraph graph of a read network. Vertex i is node i of the network it was built from; graph edge e
 * stands for the ties TIES[TIE_START[e] .. TIE_START[e + 1]) of that network (one tie, unless parallel
 * ties were merged; a tie read both ways stands behind two arcs). */
typedef struct sg_graph {
    igraph_t graph;
    bool directed;
    bool weighted;                 /* false for SG_WEIGHTS_NONE: pass sg_graph_weights' NULL to igraph */
    igraph_vector_int_t tie_start;
    igraph_vector_int_t ties;      /* indices into net->edges, in tie order within an edge */
    igraph_vector_t weight;        /* per edge: the weight (summed over merged ties), the largest
                                      confidence, or 1, as the reading's weights say */
} sg_graph;

/* The direction rule, the only place it is written: the number of arcs (1 or 2) tie E of NET gives in a
 * graph read as DIRECTION. UNDIRECTED gives 1 (an edge); MUTUAL gives 2; DIRECTED gives 1 (source to
 * target) for a directed relation and for a bare edge list's unspecified `tie` (read as written,
 * networks/README.md), and 2 (one each way) for an undirected relation. */
int sg_tie_arcs(const sg_network *net, const sg_edge *e, sg_direction direction);

/* The one builder: turns NET (a read network, or any network) into G as R's direction, weights, merge and
 * tie mask say (R's network-level fields are not used here: sg_reading_network applies them). NULL R
 * reads undirected, unweighted, merged. Returns IGRAPH_SUCCESS or an igraph error code (nothing to free
 * then). Free with sg_graph_destroy. O(n + m log m). */
igraph_error_t sg_graph_build(sg_graph *g, const sg_network *net, const sg_reading *r);
void sg_graph_destroy(sg_graph *g);

/* The edge weights to hand igraph: &G->weight, or NULL when unweighted. */
const igraph_vector_t *sg_graph_weights(const sg_graph *g);

/* The id of an edge FROM -> TO (either way when undirected), or -1 if there is none. O(log degree). */
igraph_integer_t sg_graph_find_edge(const sg_graph *g, igraph_integer_t from, igraph_integer_t to);

/* The number of ties behind edge E, and the I-th of them (an index into the network's edges). */
igraph_integer_t sg_graph_edge_tie_count(const sg_graph *g, igraph_integer_t e);
int sg_graph_edge_tie(const sg_graph *g, igraph_integer_t e, igraph_integer_t i);

/* A scenario: one answer (or none) to each question and a subset of the independent hypotheses. */
typedef struct sg_scenario {
    const char **hypotheses;   /* NULL-terminated ids in manifest order (the array owned by the list, the
                                  ids borrowed from the network) */
    size_t n_hypotheses;
    double credence;           /* the product of its choices' credences: an answer's own, 1 minus the
                                  question's credences for none, c or 1 - c for an independent hypothesis
                                  of credence c; NaN when a choice has no credence */
} sg_scenario;

typedef struct sg_scenario_list {
    sg_scenario *items;
    size_t count;
} sg_scenario_list;

/* Every scenario of NET made of the hypotheses WANTED names (NULL-terminated; NULL: all), leaving out
 * the N_SETTLED hypotheses SETTLED (those every reading applies already: a question one of them answers is
 * no longer open, and the credences of what SETTLED applies are not multiplied in). Ordered by how many
 * hypotheses a scenario applies, then by its choices in manifest order; the first is the empty scenario.
 * Returns NULL with an error in DIAG when there would be more than MAX. Free with sg_scenario_list_free.
 * O(scenarios x (questions + hypotheses)). */
sg_scenario_list *sg_scenarios_make(const sg_network *net, const char *const *wanted, const char *const *settled,
                                    size_t n_settled, size_t max, sg_diag *diag);
void sg_scenario_list_free(sg_scenario_list *list);

/* NET's ties as the arcs --directed reads: every tie that gives two arcs (sg_tie_arcs with
 * SG_DIRECTION_DIRECTED: an undirected relation's, or one marked undirected) becomes two ties marked directed,
 * one each way (the second appended after the ties), each with the tie's attributes; the others stay as they
 * are. For writing a reading read --directed to a file of directed edges (export). Returns a new network
 * (caller unrefs; a new reference to NET when no tie changes). O(ties). */
sg_network *sg_reading_arcs(sg_network *net);

/* Installs spygraph's igraph error and warning handlers: report through sg_error and return, never
 * abort. Call once at start-up. */
void sg_igraph_install_handlers(void);

#endif

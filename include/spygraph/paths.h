/* paths.h: routes between nodes (shortest, k shortest, most reliable, time-respecting), reach and cuts. */
#ifndef SPYGRAPH_PATHS_H
#define SPYGRAPH_PATHS_H

#include <igraph.h>
#include <stdbool.h>
#include <stddef.h>

#include "spygraph/reading.h"
#include "spygraph/model.h"

/* Routes are searched on the graph sg_graph_build makes of a read network with parallel ties merged
 * (SG_MERGE_PARALLEL): one edge (a "link") per ordered pair (directed) or unordered pair (undirected) of
 * distinct nodes that at least one tie joins, every tie behind it being evidence for it. Self-loops are
 * left out (they never shorten a route). Links are numbered in the order of their (first, second) node
 * indices, so results are deterministic. With --most-reliable the graph is read with confidence weights,
 * which leaves out ties of confidence 0 (impassable). */

/* What sg_paths_find looks for. */
typedef struct sg_path_query {
    int from, to;          /* node indices, different */
    size_t k;              /* 0: every best path (ties of equal length); else the K best simple paths */
    size_t limit;          /* with K == 0, list at most this many (> 0) */
    bool most_reliable;    /* rank by the product of confidences, then hops, then node sequence */
    bool time_respecting;  /* keep only paths whose ties follow each other in time */
    size_t max_candidates; /* the most candidate paths examined (0: SG_PATHS_MAX_CANDIDATES) */
    size_t budget;         /* the most elementary steps the candidate search may take (0: SG_PATHS_BUDGET) */
} sg_path_query;

/* The default cap on candidate paths examined, and the default budget of elementary steps for the
 * candidate search (a node settled or a link examined by one of Yen's shortest-path searches, or a node
 * copied into a candidate; about a second's work on the build machine). */
#define SG_PATHS_MAX_CANDIDATES 2000
#define SG_PATHS_BUDGET 20000000

/* One hop of a path: the link crossed and the ties in evidence for it. With time-respecting paths the
 * ties are those still usable at that point (ending no earlier than the path's earliest possible day
 * there), and EARLIEST is the first day the hop can be made (LONG_MIN when unconstrained). */
typedef struct sg_hop {
    int from, to;          /* node indices */
    igraph_integer_t link;
    int *ties;             /* indices into net->edges, -1 terminated, owned by the path list */
    size_t n_ties;
    double confidence;     /* the highest confidence among TIES */
    long earliest;         /* day number (see date.h), LONG_MIN when no tie on the way is dated */
} sg_hop;

typedef struct sg_path {
    sg_hop *hops;          /* n_hops entries, owned by the path list */
    size_t n_hops;
    double reliability;    /* product of the hops' confidences */
} sg_path;

typedef struct sg_path_list {
    sg_path *paths;
    size_t count;          /* paths listed */
    size_t found;          /* best paths found in all (>= count when LIMIT cut the list); SIZE_MAX when more */
    char *found_decimal;   /* FOUND exactly, in decimal digits, however large (the fewest-hop count is exact
                            * with arbitrary precision); owned by the list */
    bool capped;           /* the search stopped at MAX_CANDIDATES: there may be more or better paths */
    bool exhausted;        /* the search stopped when its BUDGET was spent: there may be more or better paths */
    size_t steps;          /* elementary steps the candidate search took */
} sg_path_list;

/* Finds the paths Q asks for in LG (sg_graph_build of NET, merged, with confidence weights when
 * Q->most_reliable: a link's weight is then its best confidence, and ties of confidence 0 are left out). With
 * K == 0: every shortest path (fewest hops) or every most reliable one (then fewest hops), at most
 * LIMIT of them (FOUND says how many there are); with K > 0: the K shortest (or most reliable) simple
 * paths. Paths are ordered by length, or by reliability (highest first) then hops, then by their node
 * sequences in node-table order, which also decides ties at the K-th place. Reliability alone decides
 * between paths of different reliability, however small the difference (a direct tie of 0.9999999
 * ranks below three certain ties); two reliabilities count as equal when their -log differ by at most
 * 1e-12 x max(1, -log reliability), floating-point noise (0.1 x 0.2 against 0.02). With K == 0 the
 * best are the paths equal to the first in reliability and hops. Fewest-hop paths are counted exactly and come
 * from igraph_get_all_shortest_paths (beyond 100000 of them, the first LIMIT Yen's algorithm finds); the rest
 * from candidates in order of length or of -log reliability (igraph_get_k_shortest_paths, Yen's
 * algorithm, stopped at the first candidate strictly worse than the best or K-th found; every equally
 * reliable candidate is examined, up to MAX_CANDIDATES), filtered for time-respecting paths after an exact
 * test that one exists (earliest arrival over time-respecting walks). No path is not a failure:
 * OUT->count is then 0. Returns IGRAPH_SUCCESS or an igraph error code (OUT then holds nothing to
 * free). Free with sg_path_list_free. */
igraph_error_t sg_paths_find(const sg_network *net, const sg_graph *lg, const sg_path_query *q,
                             sg_path_list *out);
void sg_path_list_free(sg_path_list *list);

/* Checks whether the node sequence NODES (N entries) can be followed in time over LG's links, and if
 * so fills HOPS (N - 1 entries, the caller's) with the usable ties (newly allocated, -1 terminated;
 * the caller g_free()s each hop's TIES). A sequence of ties is time-respecting when a day can be chosen
 * inside each tie's period, never going back: a tie may follow another if it ends no earlier than the
 * latest start so far. A tie's period is taken within the lifetimes of both its ends (no tie carries a
 * path before its node is founded or after it is dissolved). Partial and uncertain dates cover every day
 * they could be (1932 is 1932-01-01..1932-12-31), open ends are unbounded, undated ties fit wherever the
 * lifetimes allow. Returns false (HOPS untouched) when it cannot. */
bool sg_path_time_respecting(const sg_network *net, const sg_graph *lg, const igraph_integer_t *nodes,
                             size_t n, sg_hop *hops);

/* One node reached from a start node. */
typedef struct sg_reached {
    int node;
    size_t hops;           /* distance in links */
    int *route;            /* node indices from the start to NODE (hops + 1 entries) */
} sg_reached;

typedef struct sg_reach {
    sg_reached *nodes;     /* ordered by distance, then node id */
    size_t count;
} sg_reach;

/* Everyone FROM can reach in LG within MAX_HOPS links (0: no limit), FROM itself excluded, with one
 * shortest route each: the one igraph's breadth-first search (igraph_get_shortest_paths) finds, which
 * takes neighbours in node-table order. Returns IGRAPH_SUCCESS or an igraph error code (OUT then holds
 * nothing to free). Free with sg_reach_free. O(n + m) plus the routes. */
igraph_error_t sg_reach_find(const sg_graph *lg, const sg_network *net, int from, size_t max_hops,
                             sg_reach *out);
void sg_reach_free(sg_reach *reach);

/* The cuts between two nodes, and the network's articulation points and bridges. */
typedef struct sg_cut {
    bool adjacent;               /* a link joins FROM to TO: no set of other nodes separates them */
    bool connected;              /* some route leads from FROM to TO */
    igraph_integer_t vertex_connectivity; /* -1 when ADJACENT */
    igraph_vector_int_t vertex_cut;       /* one minimum set of nodes (empty when ADJACENT) */
    igraph_integer_t edge_connectivity;
    igraph_vector_int_t edge_cut;         /* one minimum set of links (link ids of the graph) */
    igraph_vector_int_t articulation_points; /* nodes, sorted; of the undirected link graph */
    igraph_vector_int_t bridges;             /* links of the undirected link graph, sorted */
} sg_cut;

/* Computes the cuts between FROM and TO in LG (node removal: igraph_st_vertex_connectivity, and the
 * standard split-vertex reduction solved with igraph_st_mincut to name one minimum set; link removal:
 * igraph_st_mincut with unit capacities). ARTICULATION_POINTS and BRIDGES are those of UNDIRECTED, the
 * undirected link graph of the same network (igraph_articulation_points, igraph_bridges), whatever LG's
 * direction. Returns IGRAPH_SUCCESS or an igraph error code (OUT then holds nothing to free). Free with
 * sg_cut_free. */
igraph_error_t sg_cut_find(const sg_graph *lg, const sg_graph *undirected, int from, int to,
                           sg_cut *out);
void sg_cut_free(sg_cut *cut);

#endif

/* main.c: the command table, the global options, igraph's handlers and the exit codes of spygraph. */
#include <glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"

static int cmd_help(const sg_command *self, int argc, char **argv);

#define NETWORK_HELP                                                                                    \
    "NETWORK is a folder holding network.json, a network.json manifest, a CSV or TSV edge list, or - for\n" \
    "an edge list on standard input (see networks/README.md).\n"

#define NODE_HELP                                                                                       \
    "FROM and TO are node ids, labels, native-script names or codenames (any case); a name that matches\n" \
    "no node or several is an error listing the candidates.\n"

#define COMMON_HELP                                                                                     \
    "  --hypothesis ID    analyse the base network with hypothesis ID applied\n"                          \
    "  --at DATE          keep only the ties active at DATE (YYYY, YYYY-MM or YYYY-MM-DD; a tie counts\n"   \
    "                     when its period overlaps the date's; undated ties are always kept)\n"             \
    "  -f, --format FMT   table (default), csv or json\n"                                                    \
    "  -o, --output FILE  write there (atomically: a failed run leaves no file); - is standard output\n"    \
    "  -h, --help         this help\n"

const sg_command sg_commands[] = {
    {"info", cmd_info, "NETWORK [options]", 1, 1,
     "Summarize a network: nodes and ties by kind and relation, components, density, diameter, span.",
     NETWORK_HELP "\noptions:\n" COMMON_HELP
     "\nDensity, components, diameter and mean distance are those of the simple undirected graph (ties\n"
     "merged, direction ignored, self-loops dropped); the diameter is the longest shortest path within a\n"
     "component, in hops. The time span runs from the earliest start to the latest date among dated ties.\n"
     "JSON holds \"nodes\" and \"edges\" (counts), \"by_kind\", \"by_relation\", and \"hypotheses\" (id, label,\n"
     "citation, patch lines).\n", false, true, false, NULL},
    {"validate", cmd_validate, "NETWORK [options]", 1, 1,
     "Check a network and list every problem, errors and warnings, with FILE:LINE:COLUMN.",
     NETWORK_HELP "\noptions:\n"
     "  -f, --format FMT   table (default), csv or json\n"
     "  -o, --output FILE  write the report there\n"
     "  --strict           exit 1 on warnings too\n"
     "  -h, --help         this help\n"
     "\nErrors: what a reader cannot accept (bad quoting or UTF-8, a missing column, an unknown node,\n"
     "relation or source key, a duplicate id, a bad date, a confidence outside [0, 1], a weight that is not a\n"
     "positive number, a patch naming a node or tie that does not exist, a missing file).\n"
     "Warnings: a tie without a source, a source never cited, an isolated node, a duplicate tie, a self-loop,\n"
     "a patch line that changes nothing, a date outside the network's span, an unknown column.\n"
     "Exit status: 1 if there is any error, else 0.\n"},
    {"paths", cmd_paths, "NETWORK FROM TO [options]", 3, 3,
     "List the routes from one node to another, with the relation, dates, confidence and sources of every hop.",
     NETWORK_HELP NODE_HELP "\noptions:\n"
     "  --limit N          list at most N of the best paths (default 20; ignored with --k)\n"
     "  --k N              the N shortest simple paths instead, best first (Yen's algorithm)\n"
     "  --most-reliable    rank paths by the product of their ties' confidences (a hop's confidence is\n"
     "                     that of its most confident tie; ties of confidence 0 are impassable; equal\n"
     "                     reliability goes to fewer hops)\n"
     "  --time-respecting  keep only paths whose ties follow each other in time (see below)\n"
     "  --directed         follow ties in their direction (an undirected relation goes both ways)\n"
     "  --undirected       ignore the direction of ties (the default)\n"
     COMMON_HELP
     "\nBy default every shortest path (fewest hops) is listed; ties between the same two nodes make one\n"
     "hop, and each of them is shown as evidence, with its citation keys; the table ends with the full\n"
     "references of the keys cited. \"(reversed)\" marks a directed tie crossed against its direction.\n"
     "The reliability of a path is the product of its hops' confidences.\n"
     "\n--time-respecting: a path is kept when a day can be chosen inside each tie's period that never goes\n"
     "back along the path, i.e. each tie ends no earlier than the latest start before it. A partial date\n"
     "covers its whole period (1932 is 1932-01-01..1932-12-31, 1932-12 is 1932-12-01..1932-12-31), so a tie\n"
     "dated 1932 may follow one dated 1932-12 (their periods overlap) but a tie that ended in 1932 cannot\n"
     "follow one that began in 1933. Open ends are unbounded; undated ties fit anywhere. Each hop then\n"
     "shows the earliest day it can be made and only the ties still usable then.\n"
     "\nPaths are listed by length (or reliability), then by their node sequences in node-table order,\n"
     "which also settles ties at the K-th place. With --k, --most-reliable or --time-respecting, candidate\n"
     "paths are examined best first, at most 2000; a warning says when that cap was reached.\n"
     "The number of shortest paths is always counted; beyond 100000 they are not all built, and those\n"
     "listed are the first Yen's algorithm finds.\n"
     "\nNo path is a result, not an error: the table says so, CSV has only its header, JSON has empty\n"
     "lists, and the exit status is 0. FROM equal to TO is a usage error. CSV has one row per tie in\n"
     "evidence (path, hop, from, to, earliest, relation, reversed, start, end, confidence, weight,\n"
     "sources, references, hypothesis, note).\n"
     "JSON: \"routes\" (nodes, hops, reliability per path) and \"paths\", each an array of hops {from, to,\n"
     "earliest, confidence, ties: [{relation, source, target, reversed, start, end, confidence, weight,\n"
     "sources: [{key, reference, pages}], note, hypothesis}]}.\n", false, true, true, NULL},
    {"reach", cmd_reach, "NETWORK FROM [options]", 2, 2,
     "List everyone a node could reach, with the distance in hops and one shortest route each.",
     NETWORK_HELP NODE_HELP "\noptions:\n"
     "  --hops K           only nodes within K hops\n"
     "  --directed         follow ties in their direction (an undirected relation goes both ways)\n"
     "  --undirected       ignore the direction of ties (the default)\n"
     COMMON_HELP
     "\nNodes are listed by distance, then id. The route shown is the one igraph's breadth-first search\n"
     "finds first (it takes neighbours in the order of the node table), so it is always the same; other\n"
     "routes of the same length may exist (`spygraph paths` lists them). JSON: \"reached\", each with id,\n"
     "label, hops and route (node ids).\n", false, true, true, NULL},
    {"cut", cmd_cut, "NETWORK FROM TO [options]", 3, 3,
     "Find the fewest nodes or links whose removal separates two nodes, and the network's weak points.",
     NETWORK_HELP NODE_HELP "\noptions:\n"
     "  --directed         only routes that follow ties in their direction count\n"
     "  --undirected       ignore the direction of ties (the default)\n"
     COMMON_HELP
     "\nvertex_connectivity is the fewest other nodes whose removal leaves no route from FROM to TO, and\n"
     "vertex_cut one such set (others of the same size may exist); when a tie joins FROM and TO directly\n"
     "no removal of others separates them, which is reported, not treated as an error. edge_connectivity\n"
     "and edge_cut do the same for links (all ties between two nodes make one link). articulation_point\n"
     "and bridge rows list, for the whole network with direction ignored, the nodes and links whose\n"
     "removal splits a connected part. CSV and the table have the columns item, node, other, value,\n"
     "detail; JSON has adjacent, connected, vertex_connectivity (null when adjacent), vertex_cut,\n"
     "edge_connectivity, edge_cut (links with their ties), articulation_points and bridges.\n", false, true, true, NULL},
    {"centrality", cmd_centrality, "NETWORK [options]", 1, 1,
     "Rank the nodes by centrality, structural holes and Gould-Fernandez brokerage.",
     NETWORK_HELP "\noptions:\n"
     "  --measures LIST    comma-separated measures (default: degree, betweenness, closeness, eigenvector,\n"
     "                     pagerank, constraint, and brokerage when the nodes have groups)\n"
     "  --sort MEASURE     rank by this computed measure or brokerage role (default: betweenness if computed,\n"
     "                     else the first measure); highest first, undefined values last, ties by id\n"
     "  --top N            show the first N nodes only (every format)\n"
     "  --normalized       degree, indegree, outdegree and harmonic / (n-1); betweenness as NetworkX\n"
     "  --weights W        none (default), weight or confidence: what a tie's strength is read from\n"
     "  --directed         read ties with their direction (an undirected relation gives two arcs)\n"
     "  --undirected       ignore direction (brokerage then reads every tie both ways)\n"
     "  --group-by ATTR    node attribute giving brokerage groups (default: affiliation, when the network has\n"
     "                     one): affiliation, kind, label, id, native_name or an extra node column\n"
     "  --damping X        pagerank damping factor in (0, 1] (default 0.85)\n"
     "  --jobs N           worker processes for betweenness, closeness and harmonic on large graphs\n"
     "                     (default: one per core; small graphs run in one process)\n"
     COMMON_HELP
     "\nThe graph: parallel ties between two nodes are merged into one edge (weights summed; confidence: the\n"
     "largest), self-loops dropped. Unweighted, every edge counts 1. With --weights, strength, pagerank,\n"
     "eigenvector, hub, authority, constraint and effsize use the weight as it is; betweenness, closeness and\n"
     "harmonic turn it into a length, 1/weight (a strong tie is a short path).\n"
     "\nMeasures (d(u,v): shortest-path length; direction: the default when neither --directed nor\n"
     "--undirected is given):\n"
     "  degree       number of neighbours (directed: in + out arcs). Undirected.\n"
     "  indegree     arcs in; outdegree: arcs out. Directed.\n"
     "  strength     sum of edge weights (degree when unweighted). Undirected.\n"
     "  betweenness  sum over pairs s,t of sigma_st(v)/sigma_st, the share of shortest s-t paths through v;\n"
     "               an undirected pair counted once (raw). --normalized: x 2/((n-1)(n-2)) undirected,\n"
     "               x 1/((n-1)(n-2)) directed, as NetworkX. Undirected.\n"
     "  closeness    NetworkX's closeness_centrality: (r/S) x (r/(n-1)), r the nodes that reach v and S their\n"
     "               summed distance to v (Wasserman-Faust scaling when disconnected); 0 if none. Directed:\n"
     "               distances towards v. Undirected.\n"
     "  harmonic     sum over u != v of 1/d(u,v) (towards v); --normalized: / (n-1). Undirected.\n"
     "  eigenvector  principal eigenvector of the adjacency matrix, scaled so the largest is 1 (directed:\n"
     "               from in-arcs). Undirected.\n"
     "  pagerank     PageRank with damping 0.85 (--damping), scores summing to 1. Undirected.\n"
     "  hub          Kleinberg hub score, authority: authority score (HITS), largest 1. Directed.\n"
     "  coreness     k-core number: the largest k such that v is in a subgraph of minimum degree k. Always\n"
     "               undirected.\n"
     "  clustering   local clustering coefficient: ties among v's neighbours / (k(k-1)/2); 0 when k < 2.\n"
     "               Always undirected.\n"
     "  constraint   Burt's constraint: sum over neighbours j of (p_vj + sum_q p_vq p_qj)^2, p_vj the share\n"
     "               of v's (mutual) tie weight going to j; low = brokerage opportunity. Undefined (-) for\n"
     "               an isolated node. Undirected.\n"
     "  effsize      Burt's effective size: sum over neighbours j of (1 - sum_q p_vq m_jq), m_jq = j's tie to\n"
     "               q over j's strongest tie (unweighted: k - 2t/k, t ties among the k neighbours);\n"
     "               NetworkX's effective_size. Undefined (-) for an isolated node. Undirected.\n"
     "  brokerage    Gould-Fernandez brokerage, as R's sna::brokerage: v brokers i -> v -> k when i, v, k\n"
     "               are distinct and there is no tie i -> k; each such ordered pair counts once, by role:\n"
     "               coordinator (A->A->A, sna w_I), itinerant or consultant (A->B->A, w_O), representative\n"
     "               (A->A->B, b_OI), gatekeeper (A->B->B, b_IO), liaison (A->B->C, b_O); brokerage is the\n"
     "               total (t). Groups from --group-by; a node without a value is a group of its own.\n"
     "               Directed (undirected relations read both ways).\n"
     "  cutpoint     1 for an articulation point (removing it disconnects its component), else 0. Always\n"
     "               undirected.\n"
     "\nThe table shows the rank by the sort measure (equal values share a rank), marks each column's top\n"
     "value with *, and ends with Freeman's centralization of degree, betweenness and closeness (when\n"
     "computed): sum of (max - score) over the nodes divided by its value on a star of n nodes.\n"
     "CSV: id,label,MEASURE,... (brokerage followed by its five roles), full precision, rank order.\n"
     "JSON: {\"network\", \"measures\", \"options\", \"nodes\": [{\"id\", \"label\", MEASURE: value, ...}],\n"
     "\"centralization\"}; an undefined value is empty in CSV and null in JSON.\n", false, true, false, NULL},
    {"compare", cmd_compare, "NETWORK [--hypotheses ID,ID,...] [--measure M] [--top K] [--path FROM TO] [options]", 1, 1,
     "Compare the base network and its hypotheses: changes, figures, rankings, agreement, conclusions.",
     NETWORK_HELP "\noptions:\n"
     "  --hypotheses IDS   the hypotheses to compare, comma-separated (default: all); the base is always in\n"
     "  --measure M        the centrality measure to rank nodes by (default: betweenness): degree,\n"
     "                     indegree, outdegree, strength, betweenness, closeness, harmonic, eigenvector,\n"
     "                     pagerank, hub, authority, coreness, clustering, constraint, effsize, brokerage,\n"
     "                     cutpoint\n"
     "  --top K            the size of the top list the conclusions use (default: 10)\n"
     "  --path FROM TO     also give the shortest route from FROM to TO under each reading (ids, labels or\n"
     "                     codenames)\n"
     "  --render FILE.svg  also draw the union of the readings, ties coloured by where they hold\n"
     "  --at DATE          compare snapshots at DATE (each hypothesis is applied first)\n"
     "  --directed         read ties as directed for the measure and the route; --undirected, without\n"
     "                     direction (default: the measure's own reading, undirected for betweenness;\n"
     "                     routes undirected)\n"
     "  -f, --format FMT   table (default), csv (the per-node table) or json (everything)\n"
     "  -o, --output FILE  write there (atomically: a failed run leaves no file); - is standard output\n"
     "  -h, --help         this help\n"
     "\nA rank is 1 for the highest value; tied nodes share the best rank (1, 2, 2, 4). A rank change is the\n"
     "places a node gains (+) or loses (-) under a hypothesis against the base. Nodes come most\n"
     "hypothesis-dependent first: by their largest rank change, then their best rank, then id.\n"
     "Kendall's tau-b and Spearman's rho compare two readings' values over the nodes both hold (ties\n"
     "handled: tau-b's tie correction, rho on average ranks). The top list of a reading holds the nodes ranked\n"
     "K or better with a value above 0 (ties at the boundary included). Robust: in the top list under every\n"
     "reading, the base included; contested: in some top lists only (the readings are named).\n"
     "Figures (nodes, edges, components, density, diameter, mean distance) are those of the simple\n"
     "undirected graph, as `info` gives them; centralization is Freeman's, of the measure (of degree for a\n"
     "measure without one). Routes count ties (hops).\n", false, true, false, NULL},
    {"render", cmd_render, "NETWORK -o FILE [options]", 1, 1,
     "Draw the network as a diagram (DOT, SVG, PNG or PDF) through Graphviz, with a legend.",
     NETWORK_HELP "\noptions:\n"
     "  -o, --output FILE      the diagram's file (required; written atomically); - is standard output\n"
     "  -f, --format FMT       svg, png, pdf, dot (laid out, with positions) or canon (the graph as built,\n"
     "                         before layout); default: from FILE's extension (.svg .png .pdf .dot .gv),\n"
     "                         svg for standard output\n"
     "  --layout ENGINE        dot, neato, fdp, sfdp, circo or twopi; default: neato for up to 300 nodes\n"
     "                         drawn and no arrows, else sfdp; dot draws command chains top-down\n"
     "  --size-by MEASURE      node size (area) grows with a centrality measure (e.g. betweenness)\n"
     "  --color-by ATTRIBUTE   fill colour by affiliation (default), kind, community (Louvain, seeded by\n"
     "                         --seed), none, or any extra node column\n"
     "  --labels MODE          label (default: the name, with codenames beneath), id, codename or none\n"
     "                         (none draws the ties curved)\n"
     "  --edge-labels MODE     none (default), relation or dates\n"
     "  --highlight-path FROM TO  draw one shortest route between two nodes in red, fade the rest\n"
     "  --focus NODE           draw only NODE's neighbourhood ...\n"
     "  --hops K               ... of K hops (default 1)\n"
     "  --min-confidence X     leave out ties whose confidence is below X\n"
     "  --title TEXT           the caption (default: the network's title, hypothesis and date)\n"
     "  --seed N               seed of the layout and of the communities (default 1)\n"
     "  --directed             the highlighted route follows the ties' direction\n"
     "  --undirected           draw no arrows\n"
     "  --hypothesis ID        draw the network with hypothesis ID applied; a network with hypotheses is\n"
     "                         laid out once on the union of all of them (with --seed) and every reading\n"
     "                         drawn on those positions, so two pictures differ only where the\n"
     "                         hypotheses do\n"
     "  --own-layout           lay the drawn network out alone instead (always so with --focus)\n"
     "  --at DATE              draw the ties active at DATE (YYYY, YYYY-MM or YYYY-MM-DD)\n"
     "  -h, --help             this help\n"
     "\nNodes are named by id, label, native name or codename (Invest finds Ozaki).\n"
     "Encoding, all shown in the legend under the drawing: shape by kind (person oval, organization box,\n"
     "place parallelogram); fill by the --color-by groups, largest first, in Brewer's Set2 for up to 8\n"
     "groups, Paired past 8 (dark fills take white text), the smallest groups beyond 11 merged as \"other\";\n"
     "ties coloured by relation family (command near black, membership light grey, the rest Brewer Dark2),\n"
     "arrows on directed relations, solid at confidence 0.8 or more, dashed from 0.5, dotted below 0.5.\n"
     "Labels use the font Noto Sans CJK JP (Latin, Cyrillic and CJK). Overlaps removed, splines on (past\n"
     "300 nodes: straight lines, overlaps removed by scaling).\n"
     "The same input and --seed give byte-identical output with the dot, neato and sfdp layouts; Graphviz\n"
     "2.43's fdp varies in about one run in a hundred.\n",
     true, true, false, NULL},
    {"help", cmd_help, "[COMMAND|relations]", 0, 1, "Show the help of spygraph, of a command, or the relation vocabulary.", ""},
    {NULL, NULL, NULL, 0, 0, NULL, NULL},
};

const sg_command *sg_command_find(const char *name)
{
    for (const sg_command *c = sg_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

static void print_usage(FILE *stream)
{
    fprintf(stream, "usage: spygraph [--help] [--version] COMMAND [ARGS]\n\n"
                    "spygraph analyses espionage and covert networks: who mattered, what the network looks like,\n"
                    "and what changes if a given historian is right.\n\ncommands:\n");
    for (const sg_command *c = sg_commands; c->name; c++)
        fprintf(stream, "  %-11s %s\n", c->name, c->summary);
    fprintf(stream, "\nRun `spygraph help COMMAND` for a command's options, `spygraph help relations` for the\n"
                    "relation vocabulary. Exit status: 0 success, 1 bad input or failed analysis, 2 usage error.\n");
}

static void print_relations(FILE *stream)
{
    fprintf(stream, "%-16s %-9s %-12s %s\n", "relation", "directed", "family", "reading");
    for (const sg_relation *r = sg_relations(); r->name; r++)
        fprintf(stream, "%-16s %-9s %-12s %s\n", r->name, r->directed ? "yes" : "no", sg_family_name(r->family),
                r->reading);
}

static int cmd_help(const sg_command *self, int argc, char **argv)
{
    sg_options opts;
    int status = sg_parse_options(self, argc, argv, NULL, NULL, NULL, &opts);
    if (status >= 0)
        return status;
    if (opts.n_args == 0) {
        print_usage(stdout);
        return SG_EXIT_OK;
    }
    if (strcmp(opts.args[0], "relations") == 0) {
        print_relations(stdout);
        return SG_EXIT_OK;
    }
    const sg_command *cmd = sg_command_find(opts.args[0]);
    if (!cmd)
        return sg_usage_error(self, "unknown command '%s'", opts.args[0]);
    sg_command_help(cmd, stdout);
    return SG_EXIT_OK;
}

int main(int argc, char **argv)
{
    setlocale(LC_CTYPE, "");
    sg_igraph_install_handlers();
    if (argc < 2) {
        print_usage(stderr);
        return SG_EXIT_USAGE;
    }
    const char *first = argv[1];
    if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0) {
        print_usage(stdout);
        return SG_EXIT_OK;
    }
    if (strcmp(first, "--version") == 0 || strcmp(first, "-V") == 0) {
        printf("spygraph %s (igraph %s, Graphviz cgraph, cJSON %s)\n", SPYGRAPH_VERSION, IGRAPH_VERSION,
               cJSON_Version());
        return SG_EXIT_OK;
    }
    const sg_command *cmd = first[0] == '-' ? NULL : sg_command_find(first);
    if (!cmd) {
        sg_error(first[0] == '-' ? "unknown option '%s'" : "unknown command '%s'", first);
        print_usage(stderr);
        return SG_EXIT_USAGE;
    }
    return cmd->run(cmd, argc - 1, argv + 1);
}

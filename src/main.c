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
     "citation, patch lines).\n"},
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
    {"render", cmd_render, "NETWORK -o FILE [options]", 1, 1,
     "Draw the network as a diagram (DOT, SVG, PNG or PDF) through Graphviz, with a legend.",
     NETWORK_HELP "\noptions:\n"
     "  -o, --output FILE      the diagram's file (required; written atomically); - is standard output\n"
     "  -f, --format FMT       svg, png, pdf, dot (laid out, with positions) or canon (the graph as built,\n"
     "                         before layout); default: from FILE's extension (.svg .png .pdf .dot .gv),\n"
     "                         svg for standard output\n"
     "  --layout ENGINE        dot, neato, fdp, sfdp, circo or twopi; default neato, or sfdp past 300 nodes\n"
     "                         drawn; dot draws command chains top-down\n"
     "  --size-by MEASURE      node size (area) grows with a centrality measure (e.g. betweenness)\n"
     "  --color-by ATTRIBUTE   fill colour by affiliation (default), kind, community (Louvain, seeded by\n"
     "                         --seed), none, or any extra node column\n"
     "  --labels MODE          label (default: the name, with codenames beneath), id, codename or none\n"
     "  --edge-labels MODE     none (default), relation or dates\n"
     "  --highlight-path FROM TO  draw one shortest route between two nodes in red, fade the rest\n"
     "  --focus NODE           draw only NODE's neighbourhood ...\n"
     "  --hops K               ... of K hops (default 1)\n"
     "  --min-confidence X     leave out ties whose confidence is below X\n"
     "  --title TEXT           the caption (default: the network's title, hypothesis and date)\n"
     "  --seed N               seed of the layout and of the communities (default 1)\n"
     "  --directed             the highlighted route follows the ties' direction\n"
     "  --undirected           draw no arrows\n"
     "  --hypothesis ID        draw the network with hypothesis ID applied\n"
     "  --at DATE              draw the ties active at DATE (YYYY, YYYY-MM or YYYY-MM-DD)\n"
     "  -h, --help             this help\n"
     "\nNodes are named by id, label, native name or codename (Invest finds Ozaki).\n"
     "Encoding, all shown in the legend under the drawing: shape by kind (person oval, organization box,\n"
     "place parallelogram); fill by the --color-by groups, largest first, in Brewer's Set2 for up to 8\n"
     "groups, Paired past 8 (dark fills take white text), the smallest groups beyond 11 merged as \"other\";\n"
     "ties coloured by relation family (Brewer Dark2), arrows on directed relations, solid at confidence\n"
     "0.8 or more, dashed from 0.5, dotted below 0.5. Labels use the font Noto Sans CJK JP (Latin, Cyrillic\n"
     "and CJK). The same input and --seed give byte-identical output.\n",
     true},
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

/* help.h: the fragments of help text several commands share, and the marker where a command's help_extra prints. */
#ifndef SPYGRAPH_CMD_HELP_H
#define SPYGRAPH_CMD_HELP_H

#define NETWORK_HELP                                                                                    \
    "NETWORK is a folder holding network.json, a network.json manifest, a CSV or TSV edge list, a file of\n" \
    "another tool (GraphML, GEXF, GML, Pajek, UCINET DL, SIF, a whitespace edge list), or - for standard\n"  \
    "input (networks/README.md; the formats: spygraph help export). --input-format FMT reads it as FMT\n"     \
    "(else by extension, then content); --columns NAME=HEADER,... reads a CSV's column HEADER as NAME\n"    \
    "(source=From,target=To,start=Begin); --nodes FILE adds a node table to a CSV edge list (Gephi's\n"      \
    "Id,Label,...). --max-input-size SIZE: the largest file read (bytes, or with K, M or G; default 256M).\n" \
    "--mpi-read root|all: under mpirun (a build with -Dmpi=enabled), rank 0 reads NETWORK and sends it to\n" \
    "the other ranks (root, the default), or every rank reads it (all: shared storage); else no effect.\n"

#define NODE_HELP                                                                                       \
    "FROM and TO are node ids, labels, native-script names or codenames (any case); a name that matches\n" \
    "no node or several is an error listing the candidates.\n"

#define COMMON_HELP                                                                                     \
    "  -f, --format FMT   table (default), csv or json\n"                                                    \
    "  -o, --output FILE  write there (atomically: a failed run leaves no file); - is standard output\n"    \
    "  -h, --help         this help\n"

/* Where a command's help_extra hook prints, inside its help text (a form feed, which no help text holds). */
#define SG_HELP_EXTRA "\f"

#endif

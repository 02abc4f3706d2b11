/* interchange.h: the graph file formats other tools use, in one table: how each is recognised, read and written. */
#ifndef SPYGRAPH_INTERCHANGE_H
#define SPYGRAPH_INTERCHANGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "spygraph/message.h"
#include "spygraph/model.h"

/* What an export writes beside the network itself: who wrote it and how the picture would draw it. */
typedef struct sg_export_info {
    const char *version;        /* spygraph's version ("0.1.0") */
    /* Per node of the network written (n_nodes entries each), as `render` draws it with its defaults;
     * NULL when not computed. "#rrggbb" texts, sizes in points. Borrowed. */
    const char *const *node_fill;
    const double *node_size;
    /* Per tie: "#rrggbb" as `render` colours its family; NULL when not computed. Borrowed. */
    const char *const *edge_color;
} sg_export_info;

/* One format: its name, its file extensions, how it is recognised, and its reader and writers (NULL where
 * spygraph does not read or write it). */
typedef struct sg_graph_format {
    const char *name;        /* "graphml", as --format and --input-format take it */
    const char *extensions;  /* the file endings it goes by, space-separated with their dots (".graphml") */
    const char *summary;     /* one line: what the format is and which tools use it */
    const char *keeps;       /* what a file of this format can hold of a spygraph network, and what it loses */
    /* True when the LEN bytes at DATA (a whole file, or its first bytes) look like this format. Never
     * called on a folder. O(LEN) at most, usually the first line. */
    bool (*sniff)(const char *data, size_t len);
    /* Reads the LEN bytes at DATA; NAME names the input in messages. Same contract as
     * sg_load_edge_list_bytes (loader.h): every problem in DIAG at FILE:LINE[:COLUMN] naming the format;
     * returns the network (caller unrefs) or NULL when nothing usable was read. */
    sg_network *(*read)(const char *name, const char *data, size_t len, sg_diag *diag);
    /* Writes NET (the reading to export: hypotheses applied, filtered, folded) to STREAM with every attribute
     * the format holds, names escaped for the format. Returns false after adding the reason to DIAG (a value
     * the format cannot hold, out of memory); stream errors are left to the stream's owner. */
    bool (*write)(const sg_network *net, const sg_export_info *info, FILE *stream, sg_diag *diag);
    /* Writes NET as a folder of files into DIR, an empty folder that exists; same contract as WRITE. A format
     * has WRITE or WRITE_FOLDER, not both. */
    bool (*write_folder)(const sg_network *net, const sg_export_info *info, const char *dir, sg_diag *diag);
    /* WRITE uses sg_export_info's colours and sizes (computed through Graphviz only for such a format). */
    bool styled;
} sg_graph_format;

/* True when an export writes tie E of NET as directed: as the reading forces it (--directed, --undirected), else
 * as the tie is recorded (its own direction, its relation's, and a bare edge list's unspecified tie as
 * written, from source to target: what sg_tie_arcs reads with --directed). O(1). */
bool sg_export_tie_directed(const sg_network *net, const sg_edge *e);
/* True when some tie of NET is written directed (a graph-level default for formats that need one). O(ties). */
bool sg_export_graph_directed(const sg_network *net);

/* Every format, in the order help lists them, terminated by an entry whose name is NULL (static). */
const sg_graph_format *sg_graph_formats(void);
/* The format named NAME (any case), or NULL. */
const sg_graph_format *sg_graph_format_find(const char *name);
/* The format whose extension ends PATH (any case), or NULL. A ".json" file is a spygraph manifest unless
 * sniffed otherwise: it maps to NULL here. */
const sg_graph_format *sg_graph_format_for_path(const char *path);
/* The first format (in table order) whose sniff accepts the LEN bytes at DATA, or NULL. */
const sg_graph_format *sg_graph_format_sniff(const char *data, size_t len);
/* The readable formats' names joined by ", " (static). */
const char *sg_graph_format_names(bool readable);

#endif

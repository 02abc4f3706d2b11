/* loader.h: reading a network from a folder, a manifest, a bare edge list or standard input. */
#ifndef SPYGRAPH_LOADER_H
#define SPYGRAPH_LOADER_H

#include <stddef.h>

#include "spygraph/message.h"
#include "spygraph/model.h"

/* The default largest file a reader takes: 256 MiB (268,435,456 bytes). */
#define SG_DEFAULT_MAX_INPUT_SIZE ((size_t)256 << 20)

/* Sets the largest number of bytes any one input file (the NETWORK argument, standard input, a manifest,
 * each table and patch file) may hold, for the whole process; a larger file is an error ("larger than the
 * maximum input size of N bytes (--max-input-size)") and is never read past that size. */
void sg_set_max_input_size(size_t bytes);
size_t sg_max_input_size(void);

struct sg_graph_format;

/* How the NETWORK argument is read, set once from the command line for the whole process (like the maximum
 * input size). FORMAT (--input-format): read every NETWORK file as that format; NULL (the default): a
 * folder or *.json manifest as spygraph's own, another file by its extension (interchange.h), else by its
 * content, else as a CSV edge list. */
void sg_set_input_format(const struct sg_graph_format *format);
/* NODES (--nodes): a node table (id, label, kind, affiliation, ... or Gephi's Id, Label, ...; other columns
 * kept as node attributes) read with a CSV edge list, before its ties; NULL: none. PATH is borrowed for the
 * life of the process. A NETWORK that is not a CSV edge list with a node table given is an error. */
void sg_set_nodes_table(const char *path);

/* --columns: the user's names for spygraph's columns, for the whole process. SPEC is "name=Header,..."
 * (source=From,target=To,start=Begin); a header field equal to Header (any case) is then read as column
 * NAME, in every CSV table that has a column NAME. Returns false with *ERROR (g_free) saying what is wrong:
 * a pair without '=', an empty side, a name spygraph has no column for, a name or header given twice. */
bool sg_set_column_map(const char *spec, char **error);
/* The names --columns may map, joined by ", " (static). */
const char *sg_column_map_names(void);

/* Reads the network at PATH: a folder holding network.json, a manifest file (*.json), a file of an
 * interchange format (GraphML, GEXF, GML, Pajek, UCINET DL, SIF, whitespace edge list, CSV/TSV edge list;
 * chosen as sg_set_input_format says), or "-" for standard input (by content, else a CSV edge list). Every problem found is added to DIAG (reading goes on
 * past an error where it can, so all problems are listed). Returns the network (caller unrefs) even when
 * DIAG holds errors, or NULL when nothing usable could be read (missing file, empty input): check
 * DIAG->errors before using the result for analysis.
 * Every file is opened without blocking and its type checked before it is read: the NETWORK argument may
 * be a regular file, a pipe or a device (read up to the maximum input size), a folder's network.json and
 * every file a manifest names must be a regular file, and the files a manifest names must lie inside its
 * folder once symbolic links are resolved. Running out of memory is an error ("out of memory reading
 * FILE"), never an abort. */
sg_network *sg_load_network(const char *path, sg_diag *diag);

/* Reads an edge list from the LEN bytes at DATA; NAME is used in messages. Same contract as
 * sg_load_network. Used for standard input and by the fuzz target. */
sg_network *sg_load_edge_list_bytes(const char *name, const char *data, size_t len, sg_diag *diag);

/* Reads a manifest from the LEN bytes at DATA; table files are looked up relative to DIR. Same contract
 * as sg_load_network. Used by the fuzz target. */
sg_network *sg_load_manifest_bytes(const char *name, const char *dir, const char *data, size_t len,
                                   sg_diag *diag);

#endif

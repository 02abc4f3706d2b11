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

/* Reads the network at PATH: a folder holding network.json, a manifest file (*.json), a CSV/TSV edge
 * list, or "-" for an edge list on standard input. Every problem found is added to DIAG (reading goes on
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

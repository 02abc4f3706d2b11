/* loader.h: reading a network from a folder, a manifest, a bare edge list or standard input. */
#ifndef SPYGRAPH_LOADER_H
#define SPYGRAPH_LOADER_H

#include "spygraph/message.h"
#include "spygraph/model.h"

/* Reads the network at PATH: a folder holding network.json, a manifest file (*.json), a CSV/TSV edge
 * list, or "-" for an edge list on standard input. Every problem found is added to DIAG (reading goes on
 * past an error where it can, so all problems are listed). Returns the network (caller unrefs) even when
 * DIAG holds errors, or NULL when nothing usable could be read (missing file, empty input): check
 * DIAG->errors before using the result for analysis. */
sg_network *sg_load_network(const char *path, sg_diag *diag);

/* Reads an edge list from the LEN bytes at DATA; NAME is used in messages. Same contract as
 * sg_load_network. Used for standard input and by the fuzz target. */
sg_network *sg_load_edge_list_bytes(const char *name, const char *data, size_t len, sg_diag *diag);

/* Reads a manifest from the LEN bytes at DATA; table files are looked up relative to DIR. Same contract
 * as sg_load_network. Used by the fuzz target. */
sg_network *sg_load_manifest_bytes(const char *name, const char *dir, const char *data, size_t len,
                                   sg_diag *diag);

#endif

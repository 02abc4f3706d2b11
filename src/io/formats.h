/* formats.h: the readers, writers and sniffing rules of each interchange format (one file each, listed in formats.c). */
#ifndef SPYGRAPH_IO_FORMATS_H
#define SPYGRAPH_IO_FORMATS_H

#include "spygraph/interchange.h"

/* CSV or TSV edge list (edgelist.c, loader.c): the fallback when nothing else is recognised. */
bool sg_csv_edge_list_sniff(const char *data, size_t len);

/* Each format's functions follow the contracts of sg_graph_format's members (interchange.h). */

/* NetworkX's node-link JSON (nodelink.c). */
bool sg_nodelink_sniff(const char *data, size_t len);
sg_network *sg_nodelink_read(const char *name, const char *data, size_t len, sg_diag *diag);
bool sg_nodelink_write(const sg_network *net, const sg_export_info *info, FILE *stream, sg_diag *diag);

/* A curated spygraph folder of the reading (tables_out.c). */
bool sg_tables_write_folder(const sg_network *net, const sg_export_info *info, const char *dir, sg_diag *diag);

/* The names an export writes for the N extra attributes NAMES of nodes or ties (WHAT: "node", "tie"): each
 * as it is, unless it would stand for another field where it is written: one of RESERVED (NULL-terminated,
 * each "name|alias|..."; trimmed, in any case) or a name written before it. Such a name gets "_attribute"
 * (and '_' until it is free) with a warning on FILE in DIAG. Returns a new NULL-terminated vector
 * (g_strfreev), never NULL. O(N x (N + reserved)). */
char **sg_export_extra_names(const char *const *names, size_t n, const char *const *reserved, const char *file,
                             const char *what, sg_diag *diag);

#endif

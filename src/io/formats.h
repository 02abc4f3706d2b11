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

/* GML (gml.c): read through igraph, written with every attribute. */
bool sg_gml_sniff(const char *data, size_t len);
sg_network *sg_gml_read(const char *name, const char *data, size_t len, sg_diag *diag);
bool sg_gml_write(const sg_network *net, const sg_export_info *info, FILE *stream, sg_diag *diag);
/* Pajek .net (pajek.c): read and written by spygraph (igraph 0.10 loses mixed arcs and edges' directions). */
bool sg_pajek_sniff(const char *data, size_t len);
sg_network *sg_pajek_read(const char *name, const char *data, size_t len, sg_diag *diag);
bool sg_pajek_write(const sg_network *net, const sg_export_info *info, FILE *stream, sg_diag *diag);
/* UCINET DL (dl.c): read through igraph. */
bool sg_dl_sniff(const char *data, size_t len);
sg_network *sg_dl_read(const char *name, const char *data, size_t len, sg_diag *diag);
/* Cytoscape SIF (sif.c): read. */
bool sg_sif_sniff(const char *data, size_t len);
sg_network *sg_sif_read(const char *name, const char *data, size_t len, sg_diag *diag);
/* Whitespace-separated edge lists, NetworkX's write_edgelist (wsedges.c): read. */
bool sg_wsedges_sniff(const char *data, size_t len);
sg_network *sg_wsedges_read(const char *name, const char *data, size_t len, sg_diag *diag);

#endif

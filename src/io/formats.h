/* formats.h: the readers, writers and sniffing rules of each interchange format (one file each, listed in formats.c). */
#ifndef SPYGRAPH_IO_FORMATS_H
#define SPYGRAPH_IO_FORMATS_H

#include "spygraph/interchange.h"

/* CSV or TSV edge list (edgelist.c, loader.c): the fallback when nothing else is recognised. */
bool sg_csv_edge_list_sniff(const char *data, size_t len);

/* Each format's functions follow the contracts of sg_graph_format's members (interchange.h). */

/* GML (gml.c): read through igraph, written with every attribute. */
bool sg_gml_sniff(const char *data, size_t len);
sg_network *sg_gml_read(const char *name, const char *data, size_t len, sg_diag *diag);
bool sg_gml_write(const sg_network *net, const sg_export_info *info, FILE *stream, sg_diag *diag);
/* Pajek .net (pajek.c): read and written by spygraph (igraph 0.10 loses the direction of files mixing arcs and edges). */
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

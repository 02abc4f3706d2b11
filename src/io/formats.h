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
/* The display name NET's affiliations give node N's affiliation, or "" when there is none: what every export
 * that holds node attributes writes as N's affiliation_label (the readers take it back through the same
 * name, foreign.h and the nodes table). Borrowed. O(1). */
const char *sg_export_affiliation_label(const sg_network *net, const sg_node *n);
/* True when some node of NET has an affiliation label (sg_export_affiliation_label): a format that declares
 * its attributes declares affiliation_label only then. O(nodes). */
bool sg_export_has_affiliation_labels(const sg_network *net);

/* GraphML (graphml.c): read through igraph, written with every attribute as <data>. */
bool sg_graphml_sniff(const char *data, size_t len);
sg_network *sg_graphml_read(const char *name, const char *data, size_t len, sg_diag *diag);
bool sg_graphml_write(const sg_network *net, const sg_export_info *info, FILE *stream, sg_diag *diag);

/* GEXF (gexf.c): 1.1 to 1.3 read with libxml2, 1.3 written with spells and viz colours and sizes. */
bool sg_gexf_sniff(const char *data, size_t len);
sg_network *sg_gexf_read(const char *name, const char *data, size_t len, sg_diag *diag);
bool sg_gexf_write(const sg_network *net, const sg_export_info *info, FILE *stream, sg_diag *diag);

/* XML helpers GraphML and GEXF share (graphml.c). */
/* The attribute names an extra node or tie column must not take in GraphML and GEXF (sg_export_extra_names):
 * the built-in attributes and what the reading rule (foreign.h) takes for a field. */
extern const char *const sg_xml_node_reserved[];
extern const char *const sg_xml_edge_reserved[];
/* True when the LEN bytes at DATA are XML whose root element is NAME (any namespace prefix): a byte-order
 * mark, white space, the XML declaration, comments and a document type declaration may come first. O(LEN)
 * at most, usually the first line. */
bool sg_xml_root_is(const char *data, size_t len, const char *name);
/* TEXT as XML 1.0 can hold it (g_free): every C0 control character but tab, line feed and carriage return
 * (none of which XML 1.0 allows, even as a character reference) written as its Unicode control picture
 * (U+0001 as U+2401 "SOH", ESC as U+241B), U+FFFE, U+FFFF and any byte that is not UTF-8 as U+FFFD. The
 * writer escapes the rest (<, &, quotes, line breaks in attributes). NULL gives "". O(length). */
char *sg_xml_text(const char *text);
/* True when NET's node ids stay distinct through sg_xml_text; else false after an error in DIAG naming the
 * two nodes and FORMAT. O(nodes). */
bool sg_xml_ids_distinct(const sg_network *net, const char *format, sg_diag *diag);
/* An XML document written in memory with libxml2's xmlTextWriter (indented, UTF-8), then copied to a
 * stream whole. Every call after a failure (out of memory) does nothing; sg_xml_writer_finish reports it. */
typedef struct sg_xml_writer sg_xml_writer;
sg_xml_writer *sg_xml_writer_new(void);
void sg_xml_start(sg_xml_writer *x, const char *element);
/* An attribute of the element started last; VALUE through sg_xml_text, then escaped. */
void sg_xml_attr(sg_xml_writer *x, const char *name, const char *value);
/* Text inside the element started last; through sg_xml_text, then escaped. */
void sg_xml_text_content(sg_xml_writer *x, const char *text);
void sg_xml_end(sg_xml_writer *x);
/* Ends the document, writes it to STREAM and frees X. Returns false after adding "out of memory writing
 * the FORMAT file" to DIAG (nothing written then); stream errors are left to the stream's owner. */
bool sg_xml_writer_finish(sg_xml_writer *x, FILE *stream, const char *format, sg_diag *diag);

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

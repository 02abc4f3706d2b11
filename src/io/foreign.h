/* foreign.h: building a network from another tool's format: nodes and ties by id, attributes mapped by name. */
#ifndef SPYGRAPH_IO_FOREIGN_H
#define SPYGRAPH_IO_FOREIGN_H

#include <igraph.h>
#include <stdbool.h>
#include <stddef.h>

#include "spygraph/model.h"

/* A network being read from a format other than spygraph's own. The one rule for attributes: a node
 * attribute named like a nodes.csv column (label or name, kind, affiliation, codenames or aliases,
 * native_name, note, sources, start, end; any case) is read as that field, a tie attribute named like an
 * edges.csv column (relation, start, end, confidence, weight, sources, note, directed; type when its value is
 * Directed or Undirected, as Gephi writes it) likewise; any
 * other attribute is kept as an extra node or tie attribute (text), so nothing read is dropped, except a tie
 * attribute "family" naming the family of the tie's relation (what every export writes beside the relation). Typed values
 * (dates, numbers, kinds, relations) are checked with the same messages as the CSV tables, at the position
 * the reader gives. */
typedef struct sg_foreign sg_foreign;

/* Starts a network read from the LEN bytes at DATA (hashed for its SHA-256; its id is NAME's base name
 * without extension). FORMAT names the format in messages ("GraphML"). Returns NULL when memory runs out. */
sg_foreign *sg_foreign_new(const char *name, const char *format, const char *data, size_t len, sg_diag *diag);
/* The input's name as interned in the network (for origins that must outlive the reader). */
const char *sg_foreign_file(const sg_foreign *f);
/* The format's name given to sg_foreign_new. */
const char *sg_foreign_format(const sg_foreign *f);

/* The index of the node with ID, adding it (label = id) the first time; AT is where it was first named.
 * An empty id is an error at AT (returns -1). O(1). */
int sg_foreign_node(sg_foreign *f, const char *id, const sg_origin *at);
/* Adds a tie from node S to node T (indices from sg_foreign_node) with DIRECTION as the format gave it;
 * relation `tie`, weight and confidence 1 until attributes say otherwise. Returns its index. */
int sg_foreign_edge(sg_foreign *f, int s, int t, sg_tie_direction direction, const sg_origin *at);

/* Sets attribute KEY of node NODE (or tie EDGE) to VALUE (text as written in the file) by the rule above;
 * AT is the value's position. A bad value is an error at AT. Setting an attribute twice keeps the last. An
 * empty `directed` gives the tie back the direction sg_foreign_edge gave it (the graph's). */
void sg_foreign_node_attr(sg_foreign *f, int node, const char *key, const char *value, const sg_origin *at);
void sg_foreign_edge_attr(sg_foreign *f, int edge, const char *key, const char *value, const sg_origin *at);
/* Sets the graph-level KEY (title, label or name: the title; description; id) to VALUE; another KEY is a
 * warning (not read). */
void sg_foreign_graph_attr(sg_foreign *f, const char *key, const char *value, const sg_origin *at);

/* Finishes: builds the extra attribute columns, reports "no nodes" when there are none and no error was
 * found (nodes without ties are a network), and returns the network (caller unrefs; never NULL unless memory ran out, reported in DIAG).
 * Frees F. */
sg_network *sg_foreign_finish(sg_foreign *f);
/* Drops F without a network (after a fatal error). NULL is allowed. */
void sg_foreign_free(sg_foreign *f);

/* Reads igraph's READ (igraph_read_graph_graphml, _gml, _pajek or _dl over STREAM) into F with igraph's C
 * attribute handler installed for the call: vertices become nodes named by their ID_ATTRS (the first
 * attribute of that list a vertex has that is not empty, e.g. {"id", "name", NULL}; else "n<index>"),
 * every other vertex and edge attribute goes through sg_foreign_node_attr / sg_foreign_edge_attr (numbers
 * written as the shortest text that reads back), ties take DIRECTION (SG_TIE_AS_RELATION: the graph's
 * own). igraph's error message, which names the line, becomes an error at FILE:LINE naming the format.
 * Positions of attributes are the file's (line 0: igraph does not say). Returns false on a reading error. */
/* Tells F that its igraph reader gives an '&' of an XML attribute value (a GraphML id, an attribute's name)
 * as the text "&#38;" (igraph 0.10's GraphML reader does): sg_foreign_read_igraph makes them '&' again. */
void sg_foreign_ampersands_escaped(sg_foreign *f);
typedef igraph_error_t (*sg_igraph_reader)(igraph_t *graph, FILE *stream);
bool sg_foreign_read_igraph(sg_foreign *f, sg_igraph_reader read, FILE *stream, const char *const *id_attrs);

#endif

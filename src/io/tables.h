/* tables.h: readers of a curated network's CSV tables into the model (no measures computed here). */
#ifndef SPYGRAPH_IO_TABLES_H
#define SPYGRAPH_IO_TABLES_H

#include "../model/internal.h"
#include "spygraph/csvread.h"
#include "spygraph/model.h"

/* Each reader adds what CSV holds to NET, and every problem to DIAG with its FILE:LINE:COLUMN. */
void sg_read_sources_table(sg_network *net, sg_csv *csv, const char *file, sg_diag *diag);
void sg_read_nodes_table(sg_network *net, sg_csv *csv, const char *file, sg_diag *diag);
void sg_read_edges_table(sg_network *net, sg_csv *csv, const char *file, sg_diag *diag);
/* Reads the events table (id, label, date, sources, note) into net->events (owned by NET). */
void sg_read_events_table(sg_network *net, sg_csv *csv, const char *file, sg_diag *diag);
/* Returns the patch lines (caller owns the array; hand it to a sg_hypothesis) and their count. */
sg_patch *sg_read_patch_table(sg_network *net, sg_csv *csv, const char *file, size_t *n_patches, sg_diag *diag);
/* The edge columns a bare edge list recognises by name (aliases separated by '|'), NULL-terminated. */
const char *const *sg_edge_columns(void);

/* The columns of the edge columns sg_edge_columns() names, in its order. */
enum { SG_EC_SOURCE, SG_EC_TARGET, SG_EC_RELATION, SG_EC_START, SG_EC_END, SG_EC_CONFIDENCE, SG_EC_WEIGHT,
       SG_EC_SOURCES, SG_EC_NOTE, SG_EC_DIRECTED };

/* Takes the header fields UNKNOWN (field indices, -1 terminated) as NET's extra tie columns. */
void sg_set_edge_extra_attrs(sg_network *net, const sg_csv_row *header, const int *unknown);
/* The values of NET's extra tie columns in ROW (kept by NET; NULL when there are none, or when memory ran
 * out: the network then says so). */
const char **sg_edge_extra_values(sg_network *net, const sg_csv_row *row, const int *unknown);

/* Gephi's Type: when NET has an extra tie column "type" (any case) whose every value is Directed, Undirected or
 * empty, sets each tie's own direction from it and drops the column; a type of another tool's own (a D3
 * link's "suit") stays a tie attribute. O(ties x extra columns). */
void sg_read_type_column(sg_network *net);

/* Reads a bare edge list (header optional) into NET, creating nodes as their ids appear. */
void sg_read_edge_list(sg_network *net, sg_csv *csv, const char *file, sg_diag *diag);

#endif

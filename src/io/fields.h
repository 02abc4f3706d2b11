/* fields.h: reading typed values (dates, numbers, relations, citation lists) out of CSV fields. */
#ifndef SPYGRAPH_IO_FIELDS_H
#define SPYGRAPH_IO_FIELDS_H

#include "spygraph/csvread.h"
#include "spygraph/model.h"

/* A table's header resolved against the columns a reader knows. */
typedef struct sg_columns {
    const char *const *names; /* known column names, NULL-terminated */
    int index[32];            /* column index in the file for each known name, or -1 */
} sg_columns;

/* The column name the header field NAME stands for: the spygraph name --columns maps it to, else NAME
 * itself (borrowed). */
const char *sg_column_mapped_name(const char *name);

/* The header --columns reads the column NAME from, or NULL when it maps none (borrowed). */
const char *sg_column_mapped_header(const char *name);

/* True when NAME equals (ASCII, any case) one of the names in ALIASES, written "name|alias|alias": the one
 * rule by which a CSV header or another format's attribute names a spygraph column. Allocates nothing.
 * O(length of ALIASES). */
bool sg_alias_matches(const char *aliases, const char *name);

/* Maps HEADER's fields onto NAMES (aliases written "name|alias|alias"). Unknown header fields are
 * returned in *UNKNOWN (a g_free'd array of field indices, -1 terminated) when UNKNOWN is not NULL, and
 * otherwise reported as warnings. A duplicate column is an error. Returns false on error. */
bool sg_columns_map(sg_columns *cols, const char *const *names, const sg_csv_row *header, const char *file,
                    int **unknown, sg_diag *diag);

/* Adds an error at the header for every name in REQUIRED (NULL-terminated) that is absent. Returns false
 * if any is missing. */
bool sg_columns_require(const sg_columns *cols, const char *const *required, const sg_csv_row *header,
                        const char *file, sg_diag *diag);

/* The text of the known column NAME_INDEX in ROW, trimmed, or "" if absent (never NULL; valid while the
 * table lives). Sets *AT to the field's position (or the row's, if absent). */
const char *sg_field(const sg_columns *cols, int name_index, const sg_csv_row *row, const char *file, sg_origin *at);

/* Typed readers: each adds an error at AT and returns false on bad input. */
bool sg_read_date(const char *text, const sg_origin *at, const char *what, sg_date *out, sg_diag *diag);
/* Adds an error at AT (the end date's field) and returns false when IV ends before it starts. WHAT names
 * the interval's owner in the message ("the tie", "the lifetime of node 'x'"). */
bool sg_check_interval(const sg_interval *iv, const char *what, const sg_origin *at, sg_diag *diag);
bool sg_read_confidence(const char *text, const sg_origin *at, double *out, sg_diag *diag);
bool sg_read_weight(const char *text, const sg_origin *at, double *out, sg_diag *diag);
/* An unknown relation is an error; an empty one gives FALLBACK (which may be NULL: then an error). */
bool sg_read_relation(const char *text, const sg_origin *at, const sg_relation *fallback,
                      const sg_relation **out, sg_diag *diag);
/* Reads a tie's own direction: empty gives SG_TIE_AS_RELATION; directed, yes, true, 1 (Gephi's Type
 * "Directed") give SG_TIE_DIRECTED; undirected, no, false, 0 give SG_TIE_UNDIRECTED (any case). Anything
 * else is an error at AT. */
bool sg_read_tie_direction(const char *text, const sg_origin *at, sg_tie_direction *out, sg_diag *diag);
/* Splits a `;` list of citation keys; when NET has a sources table, an unknown key is an error. */
const char **sg_read_sources(sg_network *net, const char *text, const sg_origin *at, sg_diag *diag);

/* The one rule for a node's affiliation label (nodes.csv's affiliation_label column, a foreign format's
 * affiliation_label attribute): LABEL (trimmed; "" does nothing) is the display name of AFFILIATION, the
 * affiliation of node NODE_ID, read at AT (whose file NET must outlive: pooled). The first label of an
 * affiliation is added to NET's affiliations; the same text again changes nothing. An empty AFFILIATION is an
 * error, and so is a label the affiliation has already with other text (from another row or the manifest's
 * "affiliations"), naming both places. Returns false after adding an error. O(1) expected. */
bool sg_read_affiliation_label(sg_network *net, const char *node_id, const char *affiliation, const char *label,
                               const sg_origin *at, sg_diag *diag);

/* Checks that ROW has as many fields as HEADER; adds an error and returns false otherwise. */
bool sg_row_width_ok(const sg_csv_row *row, const sg_csv_row *header, const char *file, sg_diag *diag);

#endif

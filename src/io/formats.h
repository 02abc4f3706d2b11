/* formats.h: the readers, writers and sniffing rules of each interchange format (one file each, listed in formats.c). */
#ifndef SPYGRAPH_IO_FORMATS_H
#define SPYGRAPH_IO_FORMATS_H

#include "spygraph/interchange.h"

/* CSV or TSV edge list (edgelist.c, loader.c): the fallback when nothing else is recognised. */
bool sg_csv_edge_list_sniff(const char *data, size_t len);

/* Each format's functions follow the contracts of sg_graph_format's members (interchange.h). */

#endif

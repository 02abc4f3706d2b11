/* internal.h: model functions shared inside the library but not part of its public interface. */
#ifndef SPYGRAPH_MODEL_INTERNAL_H
#define SPYGRAPH_MODEL_INTERNAL_H

#include "spygraph/model.h"

/* Returns a copy of NET with its own node and edge arrays; strings, sources and hypotheses are shared
 * with (and kept alive by) the root network. The caller unrefs it. */
sg_network *sg_network_derive(sg_network *net);

/* Returns a view of NET: a network sharing NET's node and edge arrays and id index (NET is kept alive by
 * the view), with its own name, reading and allocations. A view must never be changed: derive a copy to
 * change a network. The caller unrefs it. O(1). */
sg_network *sg_network_view(sg_network *net);

/* True when an allocation failed while NET (or the network it derives from) was filled: a string, a node,
 * a tie, a source, a hypothesis or a kept list was dropped, and the network must not be used. Readers
 * check it after each file and report "out of memory reading FILE". O(1). */
bool sg_network_out_of_memory(const sg_network *net);

/* Records that an allocation for NET failed (sg_network_out_of_memory then says so). O(1). */
void sg_network_mark_out_of_memory(sg_network *net);

/* Hands MEMORY (g_malloc'd) to NET, which frees it with the network. */
void sg_network_keep(sg_network *net, void *memory);

/* Removes from NET every node I with KEEP[I] false and every tie at such a node; the remaining nodes keep
 * their order, the ties' ends are renumbered and the id index is rebuilt. KEEP is borrowed (n_nodes
 * entries). O(nodes + ties). Never fails. */
void sg_network_remove_nodes(sg_network *net, const bool *keep);

#endif

/* testdata.h: loading the project's bundled networks and test data from the unit tests. */
#ifndef SPYGRAPH_TESTS_TESTDATA_H
#define SPYGRAPH_TESTS_TESTDATA_H

#include "spygraph/model.h"

/* Loads the network at RELATIVE (a path below $SPYGRAPH_SOURCE_ROOT, or below the current folder when it
 * is unset) and asserts it reads without an error. Never returns NULL; the caller unrefs the result. */
sg_network *test_load_network(const char *relative);

/* Appends a node ID (its label the same; no kind, affiliation, codenames or sources) and asserts it is new. */
void test_add_node(sg_network *net, const char *id);

/* Appends a tie S -> T of RELATION between the nodes with those ids (asserted to exist), with confidence
 * and weight 1, no dates, no sources; returns its index. The caller may change the tie through
 * net->edges[index]. */
size_t test_add_tie(sg_network *net, const char *s, const char *t, const char *relation);

#endif

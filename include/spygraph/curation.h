/* curation.h: the checks `validate` adds to the readers' own: what a careful curator would want flagged. */
#ifndef SPYGRAPH_CURATION_H
#define SPYGRAPH_CURATION_H

#include "spygraph/message.h"
#include "spygraph/model.h"

/* Adds a warning to DIAG, at the line concerned, for every tie without a source (curated networks), source
 * never cited, isolated node, duplicate tie, self-loop, date outside the network's span, and dated tie
 * outside the lifetime of either end (in the base, or as a hypothesis leaves it). Never fails. */
void sg_curation_check(const sg_network *net, sg_diag *diag);

#endif

/* spygraph.h: the umbrella header of libspygraph, the analyzer of espionage and covert networks. */
#ifndef SPYGRAPH_SPYGRAPH_H
#define SPYGRAPH_SPYGRAPH_H

#define SPYGRAPH_VERSION "0.1.0"

#include "spygraph/date.h"
#include "spygraph/reading.h"
#include "spygraph/loader.h"
#include "spygraph/message.h"
#include "spygraph/model.h"
#include "spygraph/output.h"

#endif

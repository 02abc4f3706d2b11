/* jsonpos.h: the line and column of every key and value of a JSON text parsed by cJSON (which keeps none). */
#ifndef SPYGRAPH_IO_JSONPOS_H
#define SPYGRAPH_IO_JSONPOS_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct sg_json_positions sg_json_positions;

/* Indexes where each item of ROOT starts, ROOT having been parsed by cJSON from the LEN bytes at TEXT.
 * Returns the index (free it with sg_json_positions_free), or NULL when memory runs out. O(LEN) time and
 * O(number of values) memory; every allocation can fail. */
sg_json_positions *sg_json_positions_new(const cJSON *root, const char *text, size_t len);
void sg_json_positions_free(sg_json_positions *pos);

/* Sets *LINE and *COLUMN to where ITEM's value starts (KEY false) or where its key starts (KEY true; its
 * value, for an item without a key) and returns true; returns false (1:1) when ITEM is not indexed. O(1). */
bool sg_json_position(const sg_json_positions *pos, const cJSON *item, bool key, int *line, int *column);

#endif

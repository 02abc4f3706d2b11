/* evidence.h: what the route commands (paths, reach, cut) share: naming nodes and showing the ties behind a hop. */
#ifndef SPYGRAPH_CMD_EVIDENCE_H
#define SPYGRAPH_CMD_EVIDENCE_H

#include <cjson/cJSON.h>
#include <glib.h>
#include <stdio.h>

#include "cmd.h"

/* Resolves a FROM/TO argument (id, label, native name or codename) to a node index. On failure prints
 * an error naming the candidates (several matches) or the close matches (none: nodes whose id, label,
 * native name or a codename contains NAME, ignoring case) and returns -1. */
int sg_cmd_node_arg(const sg_network *net, const char *name);

/* "id (label)" for node I, or just the id when the label is the id; the caller g_free()s it. */
char *sg_cmd_node_name(const sg_network *net, int i);
/* A new JSON object {"id": ..., "label": ...} for node I. */
cJSON *sg_cmd_node_json(const sg_network *net, int i);

/* The period of tie E as START..END ("1933..1941-10", "1935..", "..1941", "1941-07" when both ends are
 * written the same, "" when undated), each date as written; a start such as 1936/.. with no end (or an
 * end such as ../1932 with no start) stands alone, as it already says the period is open. The caller
 * g_free()s it. */
char *sg_cmd_tie_period(const sg_edge *e);
/* The relation of tie E as met crossing it from node FROM: its name, or "NAME (reversed)" when a
 * directed relation is crossed against its direction; the caller g_free()s it. */
char *sg_cmd_tie_relation(const sg_edge *e, int from);
/* The tie's citation keys joined by ";" and their references joined by " | " ("key: reference, pages";
 * a key missing from the sources table is given alone); the caller g_free()s both. */
char *sg_cmd_tie_keys(const sg_edge *e);
char *sg_cmd_tie_references(const sg_network *net, const sg_edge *e);
/* A new JSON array of the citation KEYS (NULL-terminated): {"key", "reference", "pages"} each, reference null
 * when the key is not in NET's sources table, pages null when none. The caller cJSON_Delete()s it; never
 * fails. O(keys), each looked up in NET's source index. */
cJSON *sg_cmd_sources_json(const sg_network *net, const char *const *keys);
/* A new JSON object describing tie TIE crossed from node FROM: relation, source, target, reversed,
 * start, end, confidence, weight, sources (key, reference, pages), note, hypothesis. */
cJSON *sg_cmd_tie_json(const sg_network *net, int tie, int from);

/* Adds the citation keys of tie E to KEYS (a set of borrowed strings) and writes, for every key in
 * KEYS sorted, "  key  reference, pages" under a "sources:" heading to STREAM (nothing when empty). */
void sg_cmd_keys_add(GHashTable *keys, const sg_edge *e);
void sg_cmd_write_references(FILE *stream, const sg_network *net, GHashTable *keys);

/* A new JSON string of date D as written, or null when D is open. */
cJSON *sg_cmd_date_json(sg_date d);

/* Writes day number DAY (see date.h) as YYYY-MM-DD into BUF; "" for LONG_MIN or LONG_MAX. */
const char *sg_cmd_day_text(long day, char buf[11]);

/* Parses a whole number >= 1 for option NAME; prints a usage error and returns false otherwise. */
bool sg_cmd_positive_arg(const sg_command *cmd, const char *name, const char *text, size_t *out);

#endif

/* evidence.c: naming nodes on the command line and showing the ties (with their sources) behind a hop. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"

char *sg_cmd_node_name(const sg_network *net, int i)
{
    const sg_node *n = &net->nodes[i];
    if (strcmp(n->id, n->label) == 0)
        return g_strdup(n->id);
    return g_strdup_printf("%s (%s)", n->id, n->label);
}

cJSON *sg_cmd_node_json(const sg_network *net, int i)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", net->nodes[i].id);
    cJSON_AddStringToObject(o, "label", net->nodes[i].label);
    return o;
}

/* True when HAYSTACK contains NEEDLE (already case-folded), ignoring case. */
static bool contains_folded(const char *haystack, const char *needle)
{
    char *folded = g_utf8_casefold(haystack, -1);
    bool found = strstr(folded, needle) != NULL;
    g_free(folded);
    return found;
}

static bool node_resembles(const sg_node *n, const char *folded)
{
    if (contains_folded(n->id, folded) || contains_folded(n->label, folded)
        || (*n->native_name && contains_folded(n->native_name, folded)))
        return true;
    for (size_t i = 0; n->codenames[i]; i++)
        if (contains_folded(n->codenames[i], folded))
            return true;
    return false;
}

/* "a (A), b (B)" for the first N nodes of INDICES; the caller g_free()s it. */
static char *name_list(const sg_network *net, const int *indices, size_t n)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < n; i++) {
        char *name = sg_cmd_node_name(net, indices[i]);
        g_string_append_printf(s, "%s%s", i ? ", " : "", name);
        g_free(name);
    }
    return g_string_free(s, FALSE);
}

static void report_unknown(const sg_network *net, const char *name)
{
    /* a reading may have left the node out: say which reading (relations never remove nodes) */
    sg_reading nodes_kept;
    if (net->reading) {
        nodes_kept = *net->reading;
        nodes_kept.relations = sg_relation_set_all();
    }
    char *choices = net->reading ? sg_reading_describe(&nodes_kept) : g_strdup("");
    char *where = *choices ? g_strdup_printf("%s as read here (%s)", net->name, choices) : g_strdup(net->name);
    g_free(choices);
    char *folded = g_utf8_casefold(name, -1);
    GArray *close = g_array_new(FALSE, FALSE, sizeof(int));
    for (size_t i = 0; i < net->n_nodes; i++)
        if (node_resembles(&net->nodes[i], folded)) {
            int idx = (int)i;
            g_array_append_val(close, idx);
        }
    if (close->len == 0) {
        sg_error("no node '%s' in %s (give an id, a label or a codename)", name, where);
    } else {
        size_t shown = MIN(close->len, 10);
        char *list = name_list(net, (const int *)(void *)close->data, shown);
        sg_error("no node '%s' in %s; close matches: %s%s", name, where, list, close->len > shown ? ", ..." : "");
        g_free(list);
    }
    g_array_free(close, TRUE);
    g_free(folded);
    g_free(where);
}

int sg_cmd_node_arg(const sg_network *net, const char *name)
{
    int *candidates = NULL;
    int found = sg_network_resolve_node(net, name, &candidates);
    if (found >= 0)
        return found;
    if (found == -2) {
        size_t n = 0;
        while (candidates[n] >= 0)
            n++;
        char *list = name_list(net, candidates, n);
        sg_error("'%s' names %zu nodes in %s: %s; give the id", name, n, net->name, list);
        g_free(list);
        g_free(candidates);
    } else {
        report_unknown(net, name);
    }
    return -1;
}

char *sg_cmd_tie_period(const sg_edge *e)
{
    return sg_interval_text(&e->when);
}

static bool tie_reversed(const sg_edge *e, int from)
{
    return sg_edge_directed(e) && e->source != from;
}

char *sg_cmd_tie_relation(const sg_edge *e, int from)
{
    if (tie_reversed(e, from))
        return g_strdup_printf("%s (reversed)", e->relation->name);
    return g_strdup(e->relation->name);
}

char *sg_cmd_tie_keys(const sg_edge *e)
{
    return g_strjoinv(";", (char **)e->sources);
}

/* "reference, pages" of KEY, or NULL when the key is not in the sources table; the caller g_free()s it. */
static char *reference_text(const sg_network *net, const char *key)
{
    const sg_source *s = sg_network_find_source(net, key);
    if (!s)
        return NULL;
    return *s->pages ? g_strdup_printf("%s, %s", s->reference, s->pages) : g_strdup(s->reference);
}

char *sg_cmd_tie_references(const sg_network *net, const sg_edge *e)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; e->sources[i]; i++) {
        char *ref = reference_text(net, e->sources[i]);
        g_string_append_printf(s, "%s%s%s%s", i ? " | " : "", e->sources[i], ref ? ": " : "", ref ? ref : "");
        g_free(ref);
    }
    return g_string_free(s, FALSE);
}

cJSON *sg_cmd_date_json(sg_date d)
{
    char buf[SG_DATE_TEXT_MAX];
    return sg_date_is_open(d) ? cJSON_CreateNull() : cJSON_CreateString(sg_date_format(d, buf));
}

cJSON *sg_cmd_sources_json(const sg_network *net, const char *const *keys)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; keys[i]; i++) {
        const sg_source *s = sg_network_find_source(net, keys[i]);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "key", keys[i]);
        cJSON_AddItemToObject(o, "reference", s ? cJSON_CreateString(s->reference) : cJSON_CreateNull());
        cJSON_AddItemToObject(o, "pages", s && *s->pages ? cJSON_CreateString(s->pages) : cJSON_CreateNull());
        cJSON_AddItemToArray(list, o);
    }
    return list;
}

cJSON *sg_cmd_tie_json(const sg_network *net, int tie, int from)
{
    const sg_edge *e = &net->edges[tie];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "relation", e->relation->name);
    cJSON_AddStringToObject(o, "source", net->nodes[e->source].id);
    cJSON_AddStringToObject(o, "target", net->nodes[e->target].id);
    cJSON_AddBoolToObject(o, "reversed", tie_reversed(e, from));
    cJSON_AddItemToObject(o, "start", sg_cmd_date_json(e->when.start));
    cJSON_AddItemToObject(o, "end", sg_cmd_date_json(e->when.end));
    cJSON_AddNumberToObject(o, "confidence", e->confidence);
    cJSON_AddNumberToObject(o, "weight", e->weight);
    cJSON_AddItemToObject(o, "sources", sg_cmd_sources_json(net, e->sources));
    cJSON_AddStringToObject(o, "note", e->note);
    cJSON_AddItemToObject(o, "hypothesis", e->hypothesis ? cJSON_CreateString(e->hypothesis) : cJSON_CreateNull());
    return o;
}

void sg_cmd_keys_add(GHashTable *keys, const sg_edge *e)
{
    for (size_t i = 0; e->sources[i]; i++)
        g_hash_table_add(keys, (gpointer)e->sources[i]);
}

static gint compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void sg_cmd_write_references(FILE *stream, const sg_network *net, GHashTable *keys)
{
    guint n = 0;
    const char **sorted = (const char **)g_hash_table_get_keys_as_array(keys, &n);
    if (n == 0) {
        g_free(sorted);
        return;
    }
    qsort(sorted, n, sizeof *sorted, compare_strings);
    size_t width = 0, *shown = g_new0(size_t, n + 1); /* each key's width as sg_term_line shows it */
    for (guint i = 0; i < n; i++) {
        char *text = sg_term_text(sorted[i]);
        width = MAX(width, shown[i] = sg_display_width(text));
        g_free(text);
    }
    fprintf(stream, "\nsources:\n");
    for (guint i = 0; i < n; i++) {
        char *ref = reference_text(net, sorted[i]);
        sg_term_line(stream, "  %s%*s  %s", sorted[i], (int)(width - shown[i]), "",
                     ref ? ref : "(not in the sources table)");
        g_free(ref);
    }
    g_free(shown);
    g_free(sorted);
}

const char *sg_cmd_day_text(long day, char buf[11])
{
    buf[0] = '\0';
    if (day == LONG_MIN || day == LONG_MAX)
        return buf;
    GDate *d = g_date_new_julian((guint32)(day + 1)); /* day 0 is 0001-01-01, GLib's Julian day 1 */
    char text[32];
    snprintf(text, sizeof text, "%04d-%02d-%02d", g_date_get_year(d), g_date_get_month(d), g_date_get_day(d));
    g_strlcpy(buf, text, 11);
    g_date_free(d);
    return buf;
}

bool sg_cmd_positive_arg(const sg_command *cmd, const char *name, const char *text, size_t *out)
{
    long value;
    if (sg_parse_whole(cmd, name, text, 1, 1000000, &value))
        return false;
    *out = (size_t)value;
    return true;
}

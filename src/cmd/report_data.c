/* report_data.c: the report's data (doc/report-data.md) as JSON, made from what the commands compute. */
#include <glib.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "evidence.h"
#include "report_data.h"
#include "spygraph/output.h"
#include "spygraph/render.h"
#include "spygraph/spygraph.h"

/* OBJ's member NAME set to ITEM, or to null when ITEM is NULL. */
static void add_or_null(cJSON *obj, const char *name, cJSON *item)
{
    cJSON_AddItemToObject(obj, name, item ? item : cJSON_CreateNull());
}

static cJSON *text_or_null(const char *text)
{
    return text && *text ? cJSON_CreateString(text) : cJSON_CreateNull();
}

static cJSON *day_json(long day)
{
    return day == LONG_MIN || day == LONG_MAX ? cJSON_CreateNull() : cJSON_CreateNumber((double)day);
}

/* Adds start, end, period (as written), first_day and last_day (null where open) of IV to O. */
static void add_interval(cJSON *o, const char *period_name, const sg_interval *iv)
{
    cJSON_AddItemToObject(o, "start", sg_cmd_date_json(iv->start));
    cJSON_AddItemToObject(o, "end", sg_cmd_date_json(iv->end));
    char *text = sg_interval_text(iv);
    cJSON_AddStringToObject(o, period_name, text);
    g_free(text);
    bool timeless = sg_interval_is_timeless(iv);
    cJSON_AddItemToObject(o, "first_day", timeless ? cJSON_CreateNull() : day_json(sg_interval_first_day(iv)));
    cJSON_AddItemToObject(o, "last_day", timeless ? cJSON_CreateNull() : day_json(sg_interval_last_day(iv)));
}

static cJSON *string_array(const char *const *list)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; list && list[i]; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(list[i]));
    return a;
}

static cJSON *node_json(const sg_network *net, size_t i)
{
    const sg_node *n = &net->nodes[i];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", n->id);
    char *svg_id = sg_render_node_object_id(n);
    cJSON_AddStringToObject(o, "svg_id", svg_id);
    g_free(svg_id);
    cJSON_AddStringToObject(o, "label", n->label);
    cJSON_AddItemToObject(o, "codenames", string_array(n->codenames));
    cJSON_AddStringToObject(o, "native_name", n->native_name);
    cJSON_AddStringToObject(o, "kind", sg_kind_name(n->kind));
    cJSON_AddStringToObject(o, "affiliation", n->affiliation);
    const char *label = *n->affiliation ? sg_network_affiliation_label(net, n->affiliation) : NULL;
    cJSON_AddStringToObject(o, "affiliation_label", label ? label : n->affiliation);
    add_interval(o, "lifetime", &n->when);
    cJSON_AddStringToObject(o, "note", n->note);
    cJSON_AddItemToObject(o, "sources", sg_cmd_sources_json(net, n->sources));
    cJSON_AddItemToObject(o, "hypothesis", text_or_null(n->hypothesis));
    return o;
}

/* Tie E of NET, under KEY, drawn as the diagram's element SVG_ID (NULL: not drawn). */
static cJSON *tie_json(const sg_network *net, size_t e, const char *key, const char *svg_id)
{
    const sg_edge *t = &net->edges[e];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "key", key);
    add_or_null(o, "svg_id", svg_id ? cJSON_CreateString(svg_id) : NULL);
    cJSON_AddStringToObject(o, "relation", t->relation->name);
    cJSON_AddBoolToObject(o, "directed", sg_edge_directed(t));
    cJSON_AddStringToObject(o, "source", net->nodes[t->source].id);
    cJSON_AddStringToObject(o, "target", net->nodes[t->target].id);
    add_interval(o, "period", &t->when);
    cJSON_AddNumberToObject(o, "confidence", t->confidence);
    cJSON_AddNumberToObject(o, "weight", t->weight);
    cJSON_AddItemToObject(o, "sources", sg_cmd_sources_json(net, t->sources));
    cJSON_AddStringToObject(o, "note", t->note);
    cJSON_AddItemToObject(o, "hypothesis", text_or_null(t->hypothesis));
    return o;
}

/* "relation \x1f source \x1f target": one tie's signature, with its ends in the order given. */
static char *signature(const sg_network *net, const sg_edge *e, bool swapped)
{
    const char *a = net->nodes[e->source].id, *b = net->nodes[e->target].id;
    return g_strjoin("\x1f", e->relation->name, swapped ? b : a, swapped ? a : b, NULL);
}

/* How the drawn network's ties are found: by key, and by signature (both ways for an undirected tie). */
typedef struct tie_index {
    const sg_network *drawn;
    char **keys;             /* per drawn tie */
    GHashTable *by_key;      /* key -> index + 1 */
    GHashTable *by_signature;/* signature (owned) -> index + 1 */
} tie_index;

static void tie_index_init(tie_index *x, const sg_network *drawn)
{
    x->drawn = drawn;
    x->keys = g_new0(char *, drawn->n_edges + 1);
    x->by_key = g_hash_table_new(g_str_hash, g_str_equal);
    x->by_signature = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t e = 0; e < drawn->n_edges; e++) {
        x->keys[e] = sg_edge_key(&drawn->edges[e]);
        g_hash_table_insert(x->by_key, x->keys[e], GSIZE_TO_POINTER(e + 1));
        for (int swapped = 0; swapped <= !sg_edge_directed(&drawn->edges[e]); swapped++) {
            char *sig = signature(drawn, &drawn->edges[e], swapped);
            if (g_hash_table_contains(x->by_signature, sig))
                g_free(sig); /* parallel ties of one relation: the first is kept for the signature */
            else
                g_hash_table_insert(x->by_signature, sig, GSIZE_TO_POINTER(e + 1));
        }
    }
}

static void tie_index_clear(tie_index *x)
{
    g_hash_table_destroy(x->by_key);
    g_hash_table_destroy(x->by_signature);
    g_strfreev(x->keys);
}

/* The drawn tie matching tie E of NET by key, else by relation and ends, or -1. */
static long tie_index_match(const tie_index *x, const sg_network *net, const sg_edge *e)
{
    char *key = sg_edge_key(e);
    gpointer hit = g_hash_table_lookup(x->by_key, key);
    g_free(key);
    if (hit) {
        const sg_edge *d = &x->drawn->edges[GPOINTER_TO_SIZE(hit) - 1];
        const char *ds = x->drawn->nodes[d->source].id, *dt = x->drawn->nodes[d->target].id;
        const char *s = net->nodes[e->source].id, *t = net->nodes[e->target].id;
        if (d->relation == e->relation &&
            ((!strcmp(ds, s) && !strcmp(dt, t)) || (!sg_edge_directed(d) && !strcmp(ds, t) && !strcmp(dt, s))))
            return (long)GPOINTER_TO_SIZE(hit) - 1;
    }
    char *sig = signature(net, e, false);
    hit = g_hash_table_lookup(x->by_signature, sig);
    g_free(sig);
    return hit ? (long)GPOINTER_TO_SIZE(hit) - 1 : -1;
}

/* The index of the drawn tie that tie E of NET is, or -1: by key, else by relation and ends among the drawn
 * ties not yet USED by this reading (per drawn tie; the found one is marked), so that two ties of one
 * reading (a hypothesis adding a second tie of a relation between the same two nodes, which the union of the
 * hypotheses holds once) never share one drawn tie. */
static long tie_index_find(const tie_index *x, const sg_network *net, const sg_edge *e, bool *used)
{
    long at = tie_index_match(x, net, e);
    if (at < 0 || used[at])
        return -1;
    used[at] = true;
    return at;
}

static bool same_strings(const char *const *a, const char *const *b)
{
    size_t i = 0;
    for (; a[i] && b[i]; i++)
        if (strcmp(a[i], b[i]) != 0)
            return false;
    return !a[i] && !b[i];
}

static bool same_interval(const sg_interval *a, const sg_interval *b)
{
    return sg_date_equal(&a->start, &b->start) && sg_date_equal(&a->end, &b->end);
}

/* Whether the reading's tie A says something else than the drawn tie B. */
static bool tie_differs(const sg_edge *a, const sg_edge *b)
{
    return a->confidence != b->confidence || a->weight != b->weight || !same_interval(&a->when, &b->when) ||
           !same_strings(a->sources, b->sources) || strcmp(a->note, b->note) != 0 ||
           g_strcmp0(a->hypothesis, b->hypothesis) != 0 || sg_edge_directed(a) != sg_edge_directed(b);
}

static bool node_differs(const sg_node *a, const sg_node *b)
{
    return strcmp(a->label, b->label) != 0 || a->kind != b->kind || strcmp(a->affiliation, b->affiliation) != 0 ||
           strcmp(a->native_name, b->native_name) != 0 || strcmp(a->note, b->note) != 0 ||
           !same_strings(a->codenames, b->codenames) || !same_strings(a->sources, b->sources) ||
           !same_interval(&a->when, &b->when);
}

static const char *kind_of(const sg_comparison *cmp, size_t r)
{
    return r == 0 && !cmp->scenarios ? "base" : cmp->scenarios ? "scenario" : "hypothesis";
}

/* Reading R of CMP: what it holds, as the drawn network's nodes and ties, and what it says otherwise. */
static cJSON *reading_json(const tie_index *x, const sg_comparison *cmp, size_t r, const char *kind)
{
    const sg_compare_reading *rd = &cmp->readings[r];
    const sg_network *net = rd->net, *drawn = x->drawn;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", rd->id);
    cJSON_AddStringToObject(o, "kind", kind);
    cJSON_AddStringToObject(o, "label", rd->label);
    cJSON_AddStringToObject(o, "citation", rd->citation);
    double credence = rd->credence;
    if (!cmp->scenarios && r > 0) { /* a hypothesis's own credence (its id, or the last of "applied+own") */
        const sg_hypothesis *h = rd->hypotheses && rd->hypotheses[0] && !rd->hypotheses[1]
                                     ? sg_network_find_hypothesis(drawn, rd->hypotheses[0])
                                     : NULL;
        credence = h ? h->credence : NAN;
    }
    cJSON_AddItemToObject(o, "credence", isnan(credence) ? cJSON_CreateNull() : cJSON_CreateNumber(credence));
    cJSON_AddItemToObject(o, "hypotheses", string_array(rd->hypotheses));
    cJSON *nodes = cJSON_AddArrayToObject(o, "nodes");
    cJSON *changed_nodes = cJSON_AddObjectToObject(o, "changed_nodes");
    for (size_t i = 0; i < net->n_nodes; i++) {
        cJSON_AddItemToArray(nodes, cJSON_CreateString(net->nodes[i].id));
        int d = sg_network_find_node(drawn, net->nodes[i].id);
        if (d >= 0 && node_differs(&net->nodes[i], &drawn->nodes[d]))
            cJSON_AddItemToObject(changed_nodes, net->nodes[i].id, node_json(net, i));
    }
    cJSON *ties = cJSON_AddArrayToObject(o, "ties");
    cJSON *changed = cJSON_AddObjectToObject(o, "changed");
    bool *used = g_new0(bool, drawn->n_edges + 1);
    /* the ties matched by key first, so that a tie found by its ends cannot take another's drawn tie */
    long *at = g_new(long, net->n_edges + 1);
    for (size_t e = 0; e < net->n_edges; e++) {
        char *key = sg_edge_key(&net->edges[e]);
        gpointer hit = g_hash_table_lookup(x->by_key, key);
        g_free(key);
        at[e] = -1;
        if (hit && tie_index_match(x, net, &net->edges[e]) == (long)GPOINTER_TO_SIZE(hit) - 1 &&
            !used[GPOINTER_TO_SIZE(hit) - 1]) {
            at[e] = (long)GPOINTER_TO_SIZE(hit) - 1;
            used[at[e]] = true;
        }
    }
    for (size_t e = 0; e < net->n_edges; e++) {
        if (at[e] < 0)
            at[e] = tie_index_find(x, net, &net->edges[e], used);
        if (at[e] >= 0) {
            cJSON_AddItemToArray(ties, cJSON_CreateString(x->keys[at[e]]));
            if (tie_differs(&net->edges[e], &drawn->edges[at[e]])) {
                char *svg_id = sg_render_tie_object_id(&drawn->edges[at[e]]);
                cJSON_AddItemToObject(changed, x->keys[at[e]], tie_json(net, e, x->keys[at[e]], svg_id));
                g_free(svg_id);
            }
            continue;
        }
        /* a tie the diagram lacks (its ends moved by a merge, or a second tie of a relation between two
         * nodes): listed with its evidence, not drawn, under its own key made distinct from the drawn ties' */
        char *own = sg_edge_key(&net->edges[e]);
        char *key = g_hash_table_contains(x->by_key, own) ? g_strconcat(own, "~", rd->id, NULL) : g_strdup(own);
        cJSON_AddItemToArray(ties, cJSON_CreateString(key));
        cJSON_AddItemToObject(changed, key, tie_json(net, e, key, NULL));
        g_free(key);
        g_free(own);
    }
    g_free(at);
    g_free(used);
    return o;
}

/* V to the six significant digits a table shows (the full values are `centrality --format json`'s): the
 * page is smaller by a third. */
static double shown(double v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%.6g", v);
    return g_ascii_strtod(buf, NULL);
}

/* The table's values of reading R: {node id: [one value per measure]}. */
static cJSON *values_json(const sg_network *net, const double *values, size_t n_measures)
{
    cJSON *o = cJSON_CreateObject();
    for (size_t i = 0; i < net->n_nodes; i++) {
        cJSON *row = cJSON_CreateArray();
        for (size_t m = 0; m < n_measures; m++) {
            double v = values[m * net->n_nodes + i];
            cJSON_AddItemToArray(row, isfinite(v) ? cJSON_CreateNumber(shown(v)) : cJSON_CreateNull());
        }
        cJSON_AddItemToObject(o, net->nodes[i].id, row);
    }
    return o;
}

/* Adds the readings of CMP not yet listed (SEEN: ids) to READINGS and their values to VALUES. */
static void add_readings(const tie_index *x, const sg_comparison *cmp, double *const *values, size_t n_measures,
                         GHashTable *seen, cJSON *readings, cJSON *table)
{
    for (size_t r = 0; r < cmp->n_readings; r++) {
        const sg_compare_reading *rd = &cmp->readings[r];
        if (g_hash_table_contains(seen, rd->id))
            continue;
        g_hash_table_add(seen, (gpointer)rd->id);
        cJSON_AddItemToArray(readings, reading_json(x, cmp, r, kind_of(cmp, r)));
        cJSON_AddItemToObject(table, rd->id, values_json(rd->net, values[r], n_measures));
    }
}

/* Widens [*FIRST, *LAST] to the days every dated node and tie of NET spans (open ends left out). */
static void span_add(const sg_network *net, long *first, long *last)
{
    for (size_t k = 0; k < net->n_nodes + net->n_edges; k++) {
        const sg_interval *iv = k < net->n_nodes ? &net->nodes[k].when : &net->edges[k - net->n_nodes].when;
        if (sg_interval_is_timeless(iv))
            continue;
        long a = sg_interval_first_day(iv), b = sg_interval_last_day(iv);
        if (a != LONG_MIN)
            *first = MIN(*first, a), *last = MAX(*last, a);
        if (b != LONG_MAX)
            *first = MIN(*first, b), *last = MAX(*last, b);
    }
}

/* The days and years every dated node and tie of the drawn network and of every reading spans (a
 * hypothesis may date what the drawing has undated), or null when nothing is dated. */
static cJSON *span_json(const sg_report_results *r)
{
    long first = LONG_MAX, last = LONG_MIN;
    span_add(r->drawn, &first, &last);
    for (size_t k = 0; k < r->hypotheses->n_readings; k++)
        span_add(r->hypotheses->readings[k].net, &first, &last);
    for (size_t k = 0; r->scenarios && k < r->scenarios->n_readings; k++)
        span_add(r->scenarios->readings[k].net, &first, &last);
    if (first > last)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    int y0, y1, m, d;
    sg_day_split(first, &y0, &m, &d);
    sg_day_split(last, &y1, &m, &d);
    cJSON_AddNumberToObject(o, "first_day", (double)first);
    cJSON_AddNumberToObject(o, "last_day", (double)last);
    cJSON_AddNumberToObject(o, "first_year", y0);
    cJSON_AddNumberToObject(o, "last_year", y1);
    return o;
}

/* Every source of NET with the drawn ties and nodes citing it, in the sources table's order. */
static cJSON *sources_json(const sg_network *net, char *const *keys)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t s = 0; s < net->n_sources; s++) {
        const sg_source *src = &net->sources[s];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "key", src->key);
        cJSON_AddStringToObject(o, "reference", src->reference);
        cJSON_AddStringToObject(o, "pages", src->pages);
        cJSON_AddStringToObject(o, "note", src->note);
        cJSON *ties = cJSON_AddArrayToObject(o, "ties"), *nodes = cJSON_AddArrayToObject(o, "nodes");
        for (size_t e = 0; e < net->n_edges; e++)
            for (size_t k = 0; net->edges[e].sources[k]; k++)
                if (strcmp(net->edges[e].sources[k], src->key) == 0) {
                    cJSON_AddItemToArray(ties, cJSON_CreateString(keys[e]));
                    break;
                }
        for (size_t i = 0; i < net->n_nodes; i++)
            for (size_t k = 0; net->nodes[i].sources[k]; k++)
                if (strcmp(net->nodes[i].sources[k], src->key) == 0) {
                    cJSON_AddItemToArray(nodes, cJSON_CreateString(net->nodes[i].id));
                    break;
                }
        cJSON_AddItemToArray(list, o);
    }
    return list;
}

/* Takes out of a comparison's JSON what the page does not show of scenarios, which are many (54 for the
 * Sorge set, 1.2 MB in full): the union's ties (each reading lists its own), the pairs of scenarios not
 * involving the base, and each node's values and rank changes per scenario (its ranks stay). */
static cJSON *scenarios_shown(cJSON *cmp)
{
    if (!cmp)
        return NULL;
    cJSON_DeleteItemFromObjectCaseSensitive(cmp, "ties");
    cJSON *pairs = cJSON_GetObjectItemCaseSensitive(cmp, "agreement");
    const cJSON *readings = cJSON_GetObjectItemCaseSensitive(cmp, "readings");
    const cJSON *first = readings && readings->child ? cJSON_GetObjectItemCaseSensitive(readings->child, "id") : NULL;
    for (cJSON *pair = pairs ? pairs->child : NULL, *next; pair; pair = next) {
        next = pair->next;
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(pair, "a");
        if (!cJSON_IsString(a) || !cJSON_IsString(first) || strcmp(a->valuestring, first->valuestring) != 0)
            cJSON_Delete(cJSON_DetachItemViaPointer(pairs, pair));
    }
    cJSON *nodes = cJSON_GetObjectItemCaseSensitive(cmp, "nodes");
    for (cJSON *node = nodes ? nodes->child : NULL; node; node = node->next) {
        cJSON_DeleteItemFromObjectCaseSensitive(node, "value");
        cJSON_DeleteItemFromObjectCaseSensitive(node, "rank_change");
    }
    return cmp;
}

/* Takes out of a timeline's JSON each slice's per-node cells, which its chart draws. */
static cJSON *timeline_shown(cJSON *t)
{
    cJSON *slices = t ? cJSON_GetObjectItemCaseSensitive(t, "slices") : NULL;
    for (cJSON *slice = slices ? slices->child : NULL; slice; slice = slice->next)
        cJSON_DeleteItemFromObjectCaseSensitive(slice, "nodes");
    return t;
}


/* SVG from its <svg> element on, with PREFIX put before every element id and every reference to one
 * (id="X", href="#X", url(#X)), so that two charts in one page (cairo names its glyphs glyph0-1 in each)
 * keep their own. A new string (g_free). */
static char *chart_svg(const char *svg, const char *prefix)
{
    const char *start = strstr(svg, "<svg");
    GString *out = g_string_new(NULL);
    static const char *const marks[] = {"id=\"", "href=\"#", "url(#"};
    for (const char *p = start ? start : svg; *p;) {
        size_t k = 0;
        while (k < G_N_ELEMENTS(marks) && strncmp(p, marks[k], strlen(marks[k])) != 0)
            k++;
        if (k < G_N_ELEMENTS(marks)) {
            g_string_append(out, marks[k]);
            g_string_append(out, prefix);
            p += strlen(marks[k]);
        } else {
            g_string_append_c(out, *p++);
        }
    }
    return g_string_free(out, FALSE);
}

/* {"data": DATA, "svg": SVG with its ids under PREFIX} when DATA, else null (DATA taken over). */
static cJSON *with_chart(cJSON *data, const char *svg, const char *prefix)
{
    if (!data)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "data", data);
    char *text = svg ? chart_svg(svg, prefix) : NULL;
    add_or_null(o, "svg", text ? cJSON_CreateString(text) : NULL);
    g_free(text);
    return o;
}

cJSON *sg_cmd_report_data(const sg_report_results *r)
{
    const sg_network *drawn = r->drawn;
    cJSON *root = cJSON_CreateObject();
    cJSON *version = cJSON_AddObjectToObject(root, "spygraph");
    cJSON_AddStringToObject(version, "version", SPYGRAPH_VERSION);
    cJSON_AddItemToObject(root, "network", sg_json_network(r->hypotheses->readings[0].net));
    cJSON_AddStringToObject(root, "title", r->title);
    const sg_reading *how = r->hypotheses->readings[0].net->reading;
    char *choices = how ? sg_reading_describe(how) : g_strdup("");
    const char *direction = !how || how->direction == SG_DIRECTION_DEFAULT ? ""
                            : how->direction == SG_DIRECTION_DIRECTED  ? "ties read directed"
                                                                        : "ties read undirected";
    char *reading = g_strjoin(*choices && *direction ? "; " : "", choices, direction, NULL);
    cJSON_AddStringToObject(root, "reading_text", reading);
    g_free(choices);
    g_free(reading);
    cJSON_AddItemToObject(root, "span", span_json(r));
    cJSON_AddStringToObject(root, "measure", r->measure);
    const char *svg = strstr(r->svg, "<svg");
    cJSON_AddStringToObject(root, "svg", svg ? svg : r->svg);
    cJSON *nodes = cJSON_AddArrayToObject(root, "nodes");
    for (size_t i = 0; i < drawn->n_nodes; i++)
        cJSON_AddItemToArray(nodes, node_json(drawn, i));
    tie_index x;
    tie_index_init(&x, drawn);
    cJSON *ties = cJSON_AddArrayToObject(root, "ties");
    for (size_t e = 0; e < drawn->n_edges; e++) {
        char *svg_id = sg_render_tie_object_id(&drawn->edges[e]);
        cJSON_AddItemToArray(ties, tie_json(drawn, e, x.keys[e], svg_id));
        g_free(svg_id);
    }
    cJSON_AddItemToObject(root, "sources", sources_json(drawn, x.keys));
    cJSON *readings = cJSON_AddArrayToObject(root, "readings");
    cJSON *centrality = cJSON_AddObjectToObject(root, "centrality");
    cJSON_AddItemToObject(centrality, "measures", string_array(r->measures));
    cJSON *values = cJSON_AddObjectToObject(centrality, "values");
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    add_readings(&x, r->hypotheses, r->hypotheses_values, r->n_measures, seen, readings, values);
    if (r->scenarios)
        add_readings(&x, r->scenarios, r->scenarios_values, r->n_measures, seen, readings, values);
    g_hash_table_destroy(seen);
    tie_index_clear(&x);
    add_or_null(root, "comparison", r->comparison_json);
    add_or_null(root, "scenarios", scenarios_shown(r->scenarios_json));
    cJSON_AddItemToObject(root, "robustness", with_chart(r->robustness_json, r->robustness_svg, "robustness-"));
    cJSON_AddItemToObject(root, "timeline", with_chart(timeline_shown(r->timeline_json), r->timeline_svg, "timeline-"));
    return root;
}

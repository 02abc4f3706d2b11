/* reading.c: which evidence a reading keeps: hypotheses, period, folded kinds, relations and kinds of node. */
#include <glib.h>
#include <string.h>

#include "model/internal.h"
#include "spygraph/reading.h"

/* ---- relation sets ----------------------------------------------------------------------------- */

static size_t relation_count(void)
{
    size_t n = 0;
    for (const sg_relation *r = sg_relations(); r->name; r++)
        n++;
    g_assert(n <= 64); /* sg_relation_set has one bit per relation */
    return n;
}

static sg_relation_set relation_bit(const sg_relation *relation)
{
    return (sg_relation_set)1 << (relation - sg_relations());
}

sg_relation_set sg_relation_set_all(void)
{
    size_t n = relation_count();
    return n == 64 ? ~(sg_relation_set)0 : ((sg_relation_set)1 << n) - 1;
}

sg_relation_set sg_relation_set_channels(void)
{
    sg_relation_set set = 0;
    for (const sg_relation *r = sg_relations(); r->name; r++)
        if (r->channel)
            set |= relation_bit(r);
    return set;
}

bool sg_relation_set_has(sg_relation_set set, const sg_relation *relation)
{
    return (set & relation_bit(relation)) != 0;
}

/* The relations of family NAME, or 0 if NAME is no family. */
static sg_relation_set family_set(const char *name)
{
    sg_relation_set set = 0;
    for (const sg_relation *r = sg_relations(); r->name; r++)
        if (strcmp(sg_family_name(r->family), name) == 0)
            set |= relation_bit(r);
    return set;
}

bool sg_relation_set_parse(const char *list, sg_relation_set *out, const char **bad, size_t *bad_len)
{
    *out = 0;
    const char *p = list;
    for (;;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char *name = g_strstrip(g_strndup(p, len));
        const sg_relation *r = *name ? sg_relation_find(name) : NULL;
        sg_relation_set found = r                                  ? relation_bit(r)
                                : strcmp(name, "all") == 0        ? sg_relation_set_all()
                                : strcmp(name, "channels") == 0   ? sg_relation_set_channels()
                                : *name                           ? family_set(name)
                                                                  : 0;
        g_free(name);
        if (!found) {
            *bad = p;
            *bad_len = len;
            return false;
        }
        *out |= found;
        if (!end)
            return true;
        p = end + 1;
    }
}

char *sg_relation_set_describe(sg_relation_set set)
{
    if (set == sg_relation_set_all())
        return g_strdup("all");
    if (set == sg_relation_set_channels())
        return g_strdup("channels");
    GString *s = g_string_new(NULL);
    for (const sg_relation *r = sg_relations(); r->name; r++)
        if (sg_relation_set_has(set, r))
            g_string_append_printf(s, "%s%s", s->len ? "," : "", r->name);
    return g_string_free(s, FALSE);
}

/* ---- the reading's description ----------------------------------------------------------------- */

void sg_reading_init(sg_reading *r)
{
    memset(r, 0, sizeof *r);
    r->relations = sg_relation_set_all();
    r->direction = SG_DIRECTION_DEFAULT;
    r->weights = SG_WEIGHTS_NONE;
    r->merge = SG_MERGE_PARALLEL;
}

/* Appends the names of the kinds in MASK, comma-separated. */
static void append_kinds(GString *s, unsigned mask)
{
    bool first = true;
    for (sg_kind k = SG_KIND_PERSON; k <= SG_KIND_PLACE; k++)
        if (mask & (1u << k)) {
            g_string_append_printf(s, "%s%s", first ? "" : ",", sg_kind_name(k));
            first = false;
        }
}

char *sg_reading_describe(const sg_reading *r)
{
    GString *s = g_string_new(NULL);
    char a[SG_DATE_TEXT_MAX], b[SG_DATE_TEXT_MAX];
    if (r->n_hypotheses) {
        g_string_append(s, r->n_hypotheses > 1 ? "hypotheses " : "hypothesis ");
        for (size_t i = 0; i < r->n_hypotheses; i++)
            g_string_append_printf(s, "%s%s", i ? "+" : "", r->hypotheses[i]);
    }
    if (r->has_at)
        g_string_append_printf(s, "%sat %s", s->len ? "; " : "", sg_date_format(r->at, a));
    if (r->has_between)
        g_string_append_printf(s, "%sbetween %s..%s", s->len ? "; " : "", sg_date_format(r->from, a),
                               sg_date_format(r->to, b));
    if (r->fold) {
        g_string_append_printf(s, "%sfolded: ", s->len ? "; " : "");
        append_kinds(s, r->fold);
    }
    if (r->relations != sg_relation_set_all()) {
        char *names = sg_relation_set_describe(r->relations);
        g_string_append_printf(s, "%srelations: %s", s->len ? "; " : "", names);
        g_free(names);
    }
    if (r->kinds) {
        g_string_append_printf(s, "%skinds: ", s->len ? "; " : "");
        append_kinds(s, r->kinds);
    }
    return g_string_free(s, FALSE);
}

/* ---- time -------------------------------------------------------------------------------------- */

/* The period the reading keeps (timeless when it keeps every date). */
static sg_interval reading_period(const sg_reading *r)
{
    sg_interval period = {sg_date_open(), sg_date_open()};
    if (r->has_at)
        period = (sg_interval){r->at, r->at};
    else if (r->has_between)
        period = (sg_interval){r->from, r->to};
    return period;
}

/* Leaves out the ties outside PERIOD, and the nodes whose lifetime misses it (with their ties). */
static void keep_period(sg_network *net, const sg_interval *period)
{
    size_t kept = 0;
    for (size_t i = 0; i < net->n_edges; i++)
        if (sg_interval_overlaps(&net->edges[i].when, period))
            net->edges[kept++] = net->edges[i];
    net->n_edges = kept;
    bool *keep = g_new(bool, net->n_nodes + 1);
    for (size_t i = 0; i < net->n_nodes; i++)
        keep[i] = sg_interval_overlaps(&net->nodes[i].when, period);
    sg_network_remove_nodes(net, keep);
    g_free(keep);
}

/* ---- folding ----------------------------------------------------------------------------------- */

/* The relations that attach a node to one of kind KIND, and the relation folding makes of them. */
static const sg_relation *fold_relation(sg_kind kind)
{
    return sg_relation_find(kind == SG_KIND_PLACE ? "co_located" : "co_member");
}

static bool attaches(const sg_edge *e, sg_kind kind)
{
    const char *name = e->relation->name;
    if (kind == SG_KIND_PLACE)
        return strcmp(name, "located_in") == 0;
    return strcmp(name, "member_of") == 0 || strcmp(name, "employed_by") == 0;
}

/* A folded tie being gathered: the pair it joins and what the folded nodes they share say of it. */
typedef struct folded {
    int a, b;                 /* node indices, a < b */
    sg_interval when;         /* the hull of the overlaps */
    double confidence;        /* the largest over the shared nodes of the product of the two ties' */
    GPtrArray *shared;        /* ids of the folded nodes shared, in node order (distinct) */
    GPtrArray *sources;       /* citation keys, distinct, in order of first appearance */
    const char *hypothesis;
} folded;

static void add_distinct(GPtrArray *list, const char *item)
{
    for (guint i = 0; i < list->len; i++)
        if (strcmp(g_ptr_array_index(list, i), item) == 0)
            return;
    g_ptr_array_add(list, (gpointer)item);
}

/* Widens the hull W by IV. */
static void widen(sg_interval *w, const sg_interval *iv)
{
    if (sg_interval_first_day(iv) < sg_interval_first_day(w))
        w->start = iv->start;
    if (sg_interval_last_day(iv) > sg_interval_last_day(w))
        w->end = iv->end;
}

/* Records that ties X (of node a) and Y (of node b) attach both to the folded node HUB. */
static void gather_pair(GHashTable *pairs, GPtrArray *order, const sg_network *net, int hub, const sg_edge *x,
                        const sg_edge *y, int a, int b)
{
    if (a == b || !sg_interval_overlaps(&x->when, &y->when))
        return;
    if (a > b) {
        int t = a;
        a = b;
        b = t;
    }
    sg_interval overlap = sg_interval_intersection(&x->when, &y->when);
    double confidence = x->confidence * y->confidence;
    gint64 key = (gint64)a * (gint64)net->n_nodes + b;
    folded *f = g_hash_table_lookup(pairs, &key);
    if (!f) {
        f = g_new0(folded, 1);
        *f = (folded){a, b, overlap, confidence, g_ptr_array_new(), g_ptr_array_new(), NULL};
        gint64 *k = g_new(gint64, 1);
        *k = key;
        g_hash_table_insert(pairs, k, f);
        g_ptr_array_add(order, f);
    } else {
        widen(&f->when, &overlap);
        f->confidence = MAX(f->confidence, confidence);
    }
    add_distinct(f->shared, net->nodes[hub].id);
    for (const char *const *s = x->sources; *s; s++)
        add_distinct(f->sources, *s);
    for (const char *const *s = y->sources; *s; s++)
        add_distinct(f->sources, *s);
    if (!f->hypothesis)
        f->hypothesis = x->hypothesis ? x->hypothesis : y->hypothesis;
}

static gint compare_folded(gconstpointer x, gconstpointer y)
{
    const folded *p = *(folded *const *)x, *q = *(folded *const *)y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

static void free_folded(gpointer data)
{
    folded *f = data;
    g_ptr_array_free(f->shared, TRUE);
    g_ptr_array_free(f->sources, TRUE);
    g_free(f);
}

/* A pooled, NULL-terminated copy of LIST, owned by NET. */
static const char **pooled_list(sg_network *net, GPtrArray *list)
{
    const char **out = g_new(const char *, list->len + 1);
    for (guint i = 0; i < list->len; i++)
        out[i] = g_ptr_array_index(list, i);
    out[list->len] = NULL;
    sg_network_keep(net, out);
    return out;
}

/* Appends ID to OUT with '%' and '-' percent-encoded, so that the parts of a key stay apart. */
static void append_key_part(GString *out, const char *id)
{
    for (const char *p = id; *p; p++) {
        if (*p == '%' || *p == '-')
            g_string_append_printf(out, "%%%02X", (unsigned char)*p);
        else
            g_string_append_c(out, *p);
    }
}

/* The stable key of the folded tie of RELATION between nodes A and B: "fold-RELATION-A-B" by their ids,
 * the same in every reading that folds them (sg_edge_key). Pooled in NET. */
static const char *fold_key(sg_network *net, const sg_relation *relation, int a, int b)
{
    GString *key = g_string_new("fold-");
    g_string_append_printf(key, "%s-", relation->name);
    append_key_part(key, net->nodes[a].id);
    g_string_append_c(key, '-');
    append_key_part(key, net->nodes[b].id);
    const char *pooled = sg_network_intern(net, key->str);
    g_string_free(key, TRUE);
    return pooled;
}

/* The folded ties of kind KIND: for each pair of nodes attached to the same node of that kind in
 * overlapping periods, one tie (co_member or co_located) whose period is the hull of the overlaps, whose
 * weight is the number of such nodes they share, whose confidence is the largest product of the two
 * attaching ties' confidences, and whose sources are all of theirs. Appended in pair order. */
static void fold_kind(sg_network *net, sg_kind kind)
{
    size_t n = net->n_nodes;
    GPtrArray **members = g_new0(GPtrArray *, n + 1); /* per folded node: its attaching ties */
    for (size_t i = 0; i < net->n_edges; i++) {
        const sg_edge *e = &net->edges[i];
        bool s_hub = net->nodes[e->source].kind == kind, t_hub = net->nodes[e->target].kind == kind;
        if (s_hub == t_hub || !attaches(e, kind))
            continue;
        int hub = s_hub ? e->source : e->target;
        if (!members[hub])
            members[hub] = g_ptr_array_new();
        g_ptr_array_add(members[hub], (gpointer)e);
    }
    GHashTable *pairs = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    GPtrArray *order = g_ptr_array_new_with_free_func(free_folded);
    for (size_t hub = 0; hub < n; hub++) {
        GPtrArray *m = members[hub];
        for (guint i = 0; m && i < m->len; i++)
            for (guint j = i + 1; j < m->len; j++) {
                const sg_edge *x = g_ptr_array_index(m, i), *y = g_ptr_array_index(m, j);
                int a = x->source == (int)hub ? x->target : x->source;
                int b = y->source == (int)hub ? y->target : y->source;
                gather_pair(pairs, order, net, (int)hub, x, y, a, b);
            }
        if (m)
            g_ptr_array_free(m, TRUE);
    }
    g_free(members);
    g_ptr_array_sort(order, compare_folded);
    const sg_relation *relation = fold_relation(kind);
    for (guint i = 0; i < order->len; i++) {
        folded *f = g_ptr_array_index(order, i);
        GString *note = g_string_new(kind == SG_KIND_PLACE ? "both based in " : "both members of ");
        for (guint k = 0; k < f->shared->len; k++)
            g_string_append_printf(note, "%s%s", k ? ", " : "", (const char *)g_ptr_array_index(f->shared, k));
        sg_edge e = {.source = f->a, .target = f->b, .relation = relation, .when = f->when,
                     .confidence = f->confidence, .weight = (double)f->shared->len,
                     .sources = pooled_list(net, f->sources), .note = sg_network_intern(net, note->str),
                     .hypothesis = f->hypothesis, .origin = {net->name, 0, 0}};
        g_string_free(note, TRUE);
        e.key = fold_key(net, relation, f->a, f->b);
        sg_network_add_edge(net, &e);
    }
    g_ptr_array_free(order, TRUE);
    g_hash_table_destroy(pairs);
}

/* Folds the kinds in FOLD: adds their folded ties, then leaves their nodes out with every tie they had. */
static void fold_kinds(sg_network *net, unsigned fold)
{
    for (sg_kind k = SG_KIND_PERSON; k <= SG_KIND_PLACE; k++)
        if (fold & (1u << k))
            fold_kind(net, k);
    bool *keep = g_new(bool, net->n_nodes + 1);
    for (size_t i = 0; i < net->n_nodes; i++)
        keep[i] = !(fold & (1u << net->nodes[i].kind));
    sg_network_remove_nodes(net, keep);
    g_free(keep);
}

/* ---- the reading ------------------------------------------------------------------------------- */

static bool has_kinds(const sg_network *net)
{
    for (size_t i = 0; i < net->n_nodes; i++)
        if (net->nodes[i].kind != SG_KIND_UNSPECIFIED)
            return true;
    return false;
}

/* A copy of R owned by NET, its hypothesis ids pooled; the tie mask is not kept. */
static const sg_reading *keep_reading(sg_network *net, const sg_reading *r)
{
    sg_reading *copy = g_memdup2(r, sizeof *r);
    const char **ids = g_new0(const char *, r->n_hypotheses + 1);
    for (size_t i = 0; i < r->n_hypotheses; i++)
        ids[i] = sg_network_intern(net, r->hypotheses[i]);
    copy->hypotheses = ids;
    copy->tie_mask = NULL;
    sg_network_keep(net, ids);
    sg_network_keep(net, copy);
    return copy;
}

/* Adds an error to DIAG when two of the reading's hypotheses answer the same question (its answers exclude
 * each other); returns false then. */
static bool answers_compatible(const sg_network *net, const sg_reading *r, sg_diag *diag)
{
    for (size_t i = 0; i < r->n_hypotheses; i++)
        for (size_t j = i + 1; j < r->n_hypotheses; j++) {
            const sg_hypothesis *a = sg_network_find_hypothesis(net, r->hypotheses[i]);
            const sg_hypothesis *b = sg_network_find_hypothesis(net, r->hypotheses[j]);
            if (!a || !b || a == b || a->question < 0 || a->question != b->question)
                continue;
            const sg_question *q = &net->questions[a->question];
            sg_diag_error(diag, &q->origin, "hypotheses '%s' and '%s' are alternative answers to the question '%s' "
                          "and exclude each other", a->id, b->id, q->id);
            return false;
        }
    return true;
}

sg_network *sg_reading_network(sg_network *net, const sg_reading *r, sg_diag *diag)
{
    if (!answers_compatible(net, r, diag))
        return NULL;
    if ((r->kinds || r->fold) && !has_kinds(net)) {
        sg_diag_error(diag, &(sg_origin){net->name, 0, 0}, "%s needs node kinds, and this network gives none "
                      "(a bare edge list: use a curated network with a nodes table)", r->kinds ? "--kinds" : "--fold");
        return NULL;
    }
    sg_network *applied = sg_network_apply_hypotheses(net, r->n_hypotheses ? r->hypotheses : NULL,
                                                      r->n_hypotheses, diag);
    if (!applied)
        return NULL;
    bool drops_ties = false;
    for (size_t i = 0; !drops_ties && r->relations != sg_relation_set_all() && i < applied->n_edges; i++)
        drops_ties = !sg_relation_set_has(r->relations, applied->edges[i].relation);
    bool changes = r->has_at || r->has_between || r->fold || r->kinds || drops_ties;
    /* a reading that keeps every node and tie shares the arrays instead of copying them */
    sg_network *out = changes ? sg_network_derive(applied) : sg_network_view(applied);
    out->applied_hypothesis = applied->applied_hypothesis;
    sg_network_unref(applied);
    if (r->has_at || r->has_between) {
        sg_interval period = reading_period(r);
        keep_period(out, &period);
    }
    if (r->fold)
        fold_kinds(out, r->fold);
    if (r->relations != sg_relation_set_all() && (drops_ties || r->fold)) {
        size_t kept = 0;
        for (size_t i = 0; i < out->n_edges; i++)
            if (sg_relation_set_has(r->relations, out->edges[i].relation))
                out->edges[kept++] = out->edges[i];
        out->n_edges = kept;
    }
    if (r->kinds) {
        bool *keep = g_new(bool, out->n_nodes + 1);
        for (size_t i = 0; i < out->n_nodes; i++)
            keep[i] = (r->kinds & (1u << out->nodes[i].kind)) != 0;
        sg_network_remove_nodes(out, keep);
        g_free(keep);
    }
    out->reading = keep_reading(out, r);
    return out;
}

sg_network *sg_reading_network_adding(sg_network *net, const sg_reading *r, const char *const *extra, size_t n,
                                      sg_diag *diag)
{
    sg_reading read = *r;
    const char **ids = g_new0(const char *, r->n_hypotheses + n + 1);
    for (size_t i = 0; i < r->n_hypotheses; i++)
        ids[i] = r->hypotheses[i];
    for (size_t i = 0; i < n; i++)
        ids[r->n_hypotheses + i] = extra[i];
    read.hypotheses = ids;
    read.n_hypotheses = r->n_hypotheses + n;
    sg_network *out = sg_reading_network(net, &read, diag);
    g_free(ids);
    return out;
}

bool sg_reading_applies(const sg_reading *r, const char *id)
{
    for (size_t i = 0; i < r->n_hypotheses; i++)
        if (strcmp(r->hypotheses[i], id) == 0)
            return true;
    return false;
}


sg_network *sg_reading_arcs(sg_network *net)
{
    size_t twice = 0;
    for (size_t i = 0; i < net->n_edges; i++)
        twice += sg_tie_arcs(net, &net->edges[i], SG_DIRECTION_DIRECTED) == 2;
    if (twice == 0)
        return sg_network_ref(net);
    sg_network *out = sg_network_derive(net);
    size_t n = out->n_edges;
    for (size_t i = 0; i < n; i++) {
        sg_edge *e = &out->edges[i];
        if (sg_tie_arcs(out, e, SG_DIRECTION_DIRECTED) != 2)
            continue;
        e->direction = SG_TIE_DIRECTED;
        sg_edge back = *e;
        back.source = e->target;
        back.target = e->source;
        sg_network_add_edge(out, &back); /* may move the array: E is not used after this */
    }
    return out;
}

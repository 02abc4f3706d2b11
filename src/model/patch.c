/* patch.c: applying a hypothesis patch to a copy of a network, and taking a snapshot at a date. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "internal.h"
#include "spygraph/model.h"

/* Resolves an end of an edge patch; adds an error and returns -1 when the node does not exist. */
static int patch_end(const sg_network *net, const sg_patch *p, const char *id, const char *hyp, sg_diag *diag)
{
    int idx = sg_network_find_node(net, id);
    if (idx < 0)
        sg_diag_error(diag, &p->origin, "hypothesis '%s' names unknown node '%s'", hyp, id);
    return idx;
}

static void apply_add_node(sg_network *net, const sg_patch *p, const char *hyp, sg_diag *diag)
{
    sg_node node = p->node;
    node.hypothesis = hyp;
    if (sg_network_add_node(net, &node) < 0)
        sg_diag_error(diag, &p->origin, "hypothesis '%s' adds node '%s', which already exists", hyp, node.id);
}

static void apply_add_edge(sg_network *net, const sg_patch *p, int s, int t, const char *hyp, sg_diag *diag)
{
    sg_edge edge = p->edge; /* its number, the line's place in the hypothesis, set by apply_lines */
    char *key = g_strdup_printf("%s-%u", hyp, edge.number);
    edge.key = sg_network_intern(net, key); /* stable whatever later lines change */
    g_free(key);
    edge.source = s;
    edge.target = t;
    edge.relation = p->relation;
    edge.hypothesis = hyp;
    for (size_t i = 0; i < net->n_edges; i++)
        if (sg_edge_same_tie(&net->edges[i], &edge)) {
            sg_diag_warning(diag, &p->origin, "hypothesis '%s' adds a %s tie %s-%s that already exists", hyp,
                            p->relation->name, p->source_id, p->target_id);
            break;
        }
    sg_network_add_edge(net, &edge);
}

/* Counts the ties matching the patch; adds an error when none, or several without a relation. */
static size_t count_matches(const sg_network *net, const sg_patch *p, int s, int t, const char *hyp, sg_diag *diag)
{
    size_t n = 0;
    for (size_t i = 0; i < net->n_edges; i++)
        n += sg_edge_matches(&net->edges[i], s, t, p->relation);
    const char *what = p->op == SG_PATCH_REMOVE_EDGE ? "removes" : "changes";
    if (n == 0)
        sg_diag_error(diag, &p->origin, "hypothesis '%s' %s a %s tie %s-%s that does not exist", hyp, what,
                      p->relation ? p->relation->name : "(any relation)", p->source_id, p->target_id);
    else if (n > 1 && !p->relation)
        sg_diag_error(diag, &p->origin, "hypothesis '%s' %s a tie %s-%s that matches %zu ties: name the relation",
                      hyp, what, p->source_id, p->target_id, n);
    return n;
}

static void apply_remove_edge(sg_network *net, const sg_patch *p, int s, int t, const char *hyp, sg_diag *diag)
{
    size_t n = count_matches(net, p, s, t, hyp, diag);
    if (n == 0 || (n > 1 && !p->relation))
        return;
    size_t kept = 0;
    for (size_t i = 0; i < net->n_edges; i++)
        if (!sg_edge_matches(&net->edges[i], s, t, p->relation))
            net->edges[kept++] = net->edges[i];
    net->n_edges = kept;
}

/* Dates are the same when written the same way. */
static bool same_date(sg_date a, sg_date b)
{
    return sg_date_equal(&a, &b);
}

/* Sets the fields the patch names on E; returns true if any value differs from what was there. */
static bool change_tie(sg_edge *e, const sg_patch *p)
{
    bool changed = false;
    const sg_edge *v = &p->edge;
    if ((p->changes & SG_CHANGE_START) && !same_date(e->when.start, v->when.start)) {
        e->when.start = v->when.start;
        changed = true;
    }
    if ((p->changes & SG_CHANGE_END) && !same_date(e->when.end, v->when.end)) {
        e->when.end = v->when.end;
        changed = true;
    }
    if ((p->changes & SG_CHANGE_CONFIDENCE) && e->confidence != v->confidence) {
        e->confidence = v->confidence;
        changed = true;
    }
    if ((p->changes & SG_CHANGE_WEIGHT) && e->weight != v->weight) {
        e->weight = v->weight;
        changed = true;
    }
    if (p->changes & SG_CHANGE_SOURCES) {
        changed = changed || sg_list_length(e->sources) != sg_list_length(v->sources);
        for (size_t i = 0; !changed && v->sources[i]; i++)
            changed = strcmp(e->sources[i], v->sources[i]) != 0;
        e->sources = v->sources;
    }
    if ((p->changes & SG_CHANGE_NOTE) && strcmp(e->note, v->note)) {
        e->note = v->note;
        changed = true;
    }
    return changed;
}

static void apply_change_edge(sg_network *net, const sg_patch *p, int s, int t, const char *hyp, sg_diag *diag)
{
    size_t n = count_matches(net, p, s, t, hyp, diag);
    if (n == 0 || (n > 1 && !p->relation))
        return;
    bool any = false;
    for (size_t i = 0; i < net->n_edges; i++) {
        sg_edge *e = &net->edges[i];
        if (!sg_edge_matches(e, s, t, p->relation) || !change_tie(e, p))
            continue;
        any = true;
        e->changed = true;
        e->hypothesis = hyp;
        if (sg_interval_is_reversed(&e->when))
            sg_diag_error(diag, &p->origin, "hypothesis '%s' leaves the tie %s-%s ending before it starts", hyp,
                          p->source_id, p->target_id);
    }
    if (!any)
        sg_diag_warning(diag, &p->origin, "hypothesis '%s' changes nothing on the tie %s-%s", hyp, p->source_id,
                        p->target_id);
}


/* Removes node IDX and every tie it has. */
static void remove_node_at(sg_network *net, int idx)
{
    bool *keep = g_new(bool, net->n_nodes + 1);
    for (size_t i = 0; i < net->n_nodes; i++)
        keep[i] = (int)i != idx;
    sg_network_remove_nodes(net, keep);
    g_free(keep);
}

static void apply_remove_node(sg_network *net, const sg_patch *p, const char *hyp, sg_diag *diag)
{
    int idx = sg_network_find_node(net, p->node.id);
    if (idx < 0)
        sg_diag_error(diag, &p->origin, "hypothesis '%s' removes node '%s', which does not exist", hyp, p->node.id);
    else
        remove_node_at(net, idx);
}

/* Sets the fields the patch names on NODE; returns true if any value differs from what was there. */
static bool change_node_fields(sg_node *node, const sg_patch *p)
{
    bool changed = false;
    const sg_node *v = &p->node;
    if ((p->node_changes & SG_CHANGE_NODE_LABEL) && strcmp(node->label, v->label)) {
        node->label = v->label;
        changed = true;
    }
    if ((p->node_changes & SG_CHANGE_NODE_KIND) && node->kind != v->kind) {
        node->kind = v->kind;
        changed = true;
    }
    if ((p->node_changes & SG_CHANGE_NODE_AFFILIATION) && strcmp(node->affiliation, v->affiliation)) {
        node->affiliation = v->affiliation;
        changed = true;
    }
    if ((p->node_changes & SG_CHANGE_NODE_START) && !same_date(node->when.start, v->when.start)) {
        node->when.start = v->when.start;
        changed = true;
    }
    if ((p->node_changes & SG_CHANGE_NODE_END) && !same_date(node->when.end, v->when.end)) {
        node->when.end = v->when.end;
        changed = true;
    }
    return changed;
}

static void apply_change_node(sg_network *net, const sg_patch *p, const char *hyp, sg_diag *diag)
{
    int idx = sg_network_find_node(net, p->node.id);
    if (idx < 0) {
        sg_diag_error(diag, &p->origin, "hypothesis '%s' changes node '%s', which does not exist", hyp, p->node.id);
        return;
    }
    sg_node *node = &net->nodes[idx];
    if (!change_node_fields(node, p)) {
        sg_diag_warning(diag, &p->origin, "hypothesis '%s' changes nothing on node '%s'", hyp, p->node.id);
        return;
    }
    node->hypothesis = hyp;
    if (sg_interval_is_reversed(&node->when))
        sg_diag_error(diag, &p->origin, "hypothesis '%s' leaves node '%s' ending before it starts", hyp, p->node.id);
}

/* SOURCE_ID and TARGET_ID are one person: the target's ties move to the source, a tie between the two is
 * dropped (it would be a self-loop) with a warning, and the target is removed. */
static void apply_merge_nodes(sg_network *net, const sg_patch *p, const char *hyp, sg_diag *diag)
{
    int s = patch_end(net, p, p->source_id, hyp, diag);
    int t = patch_end(net, p, p->target_id, hyp, diag);
    if (s < 0 || t < 0)
        return;
    if (s == t) {
        sg_diag_error(diag, &p->origin, "hypothesis '%s' merges node '%s' with itself", hyp, p->source_id);
        return;
    }
    for (size_t i = 0; i < net->n_edges; i++) {
        sg_edge *e = &net->edges[i];
        if ((e->source == s && e->target == t) || (e->source == t && e->target == s)) {
            /* left at T, so removing T drops it */
            sg_diag_warning(diag, &p->origin,
                            "hypothesis '%s' drops the %s tie %s-%s: with '%s' merged into '%s' it would be a "
                            "self-loop", hyp, e->relation->name, net->nodes[e->source].id,
                            net->nodes[e->target].id, p->target_id, p->source_id);
            continue;
        }
        if (e->source != t && e->target != t)
            continue;
        if (e->source == t)
            e->source = s;
        if (e->target == t)
            e->target = s;
        e->changed = true;
        e->hypothesis = hyp;
    }
    net->nodes[s].hypothesis = hyp;
    remove_node_at(net, t);
}

/* Applies one patch line of hypothesis HYP to NET, adding its problems to DIAG. */
static void apply_patch(sg_network *net, const sg_patch *p, const char *hyp, sg_diag *diag)
{
    switch (p->op) {
    case SG_PATCH_ADD_NODE:
        apply_add_node(net, p, hyp, diag);
        return;
    case SG_PATCH_REMOVE_NODE:
        apply_remove_node(net, p, hyp, diag);
        return;
    case SG_PATCH_CHANGE_NODE:
        apply_change_node(net, p, hyp, diag);
        return;
    case SG_PATCH_MERGE_NODES:
        apply_merge_nodes(net, p, hyp, diag);
        return;
    default:
        break;
    }
    int s = patch_end(net, p, p->source_id, hyp, diag);
    int t = patch_end(net, p, p->target_id, hyp, diag);
    if (s < 0 || t < 0)
        return;
    if (p->op == SG_PATCH_ADD_EDGE)
        apply_add_edge(net, p, s, t, hyp, diag);
    else if (p->op == SG_PATCH_REMOVE_EDGE)
        apply_remove_edge(net, p, s, t, hyp, diag);
    else
        apply_change_edge(net, p, s, t, hyp, diag);
}

/* Conflicts between hypotheses applied together.
 *
 * Each patch line touches a node or a tie; what it touches is recorded, by ids (not indices, which
 * change as nodes are removed), and checked against what the other hypotheses applied before touched:
 *   - one removes (remove_edge, remove_node, or merge_nodes's target) what another adds, changes or
 *     merges, or a node whose tie another touches: an error;
 *   - both set one field of the same tie or node (add or change) to different values: an error;
 *   - both remove the same tie or node (or merge the same pair), or both add the same tie or node with
 *     the same values: a warning, and the later line is skipped, since the two agree;
 *   - a merge's surviving node (its source) may gain ties and changes from anyone.
 * Lines of one hypothesis never conflict with each other (a hypothesis may add a node, then change it). */
typedef enum { TOUCH_ADD, TOUCH_CHANGE, TOUCH_REMOVE } touch_what;

typedef struct touch {
    const sg_hypothesis *hyp;
    const sg_patch *patch;
    bool is_node;
    const char *a, *b;           /* the node's id (A); or the tie's ends, in id order when undirected */
    const sg_relation *relation; /* the tie's relation; NULL when the line names none and none matched */
    touch_what what;
    unsigned fields;             /* SG_CHANGE_* or SG_CHANGE_NODE_* the line sets */
} touch;

/* The fields of a tie that an add_edge line states (empty fields say nothing, so they never clash). */
#define ADDED_TIE_FIELDS (SG_CHANGE_START | SG_CHANGE_END | SG_CHANGE_CONFIDENCE | SG_CHANGE_WEIGHT)

/* Fills OUT (room for 2) with what P touches in NET as it is before P applies; returns how many. */
static size_t patch_touches(const sg_network *net, const sg_hypothesis *hyp, const sg_patch *p, touch *out)
{
    touch t = {.hyp = hyp, .patch = p};
    switch (p->op) {
    case SG_PATCH_ADD_NODE:
    case SG_PATCH_REMOVE_NODE:
    case SG_PATCH_CHANGE_NODE:
        t.is_node = true;
        t.a = p->node.id;
        t.what = p->op == SG_PATCH_ADD_NODE ? TOUCH_ADD : p->op == SG_PATCH_REMOVE_NODE ? TOUCH_REMOVE : TOUCH_CHANGE;
        t.fields = p->node_changes;
        out[0] = t;
        return 1;
    case SG_PATCH_MERGE_NODES:
        t.is_node = true;
        t.a = p->target_id;
        t.what = TOUCH_REMOVE;
        out[0] = t;
        t.a = p->source_id;
        t.what = TOUCH_CHANGE; /* no field set: the survivor only gains ties */
        out[1] = t;
        return 2;
    default:
        break;
    }
    t.relation = p->relation;
    int s = sg_network_find_node(net, p->source_id), e = sg_network_find_node(net, p->target_id);
    for (size_t i = 0; !t.relation && s >= 0 && e >= 0 && i < net->n_edges; i++)
        if (sg_edge_matches(&net->edges[i], s, e, NULL))
            t.relation = net->edges[i].relation;
    t.a = p->source_id;
    t.b = p->target_id;
    if (t.relation && !t.relation->directed && strcmp(t.a, t.b) > 0) {
        t.a = p->target_id;
        t.b = p->source_id;
    }
    t.what = p->op == SG_PATCH_ADD_EDGE ? TOUCH_ADD : p->op == SG_PATCH_REMOVE_EDGE ? TOUCH_REMOVE : TOUCH_CHANGE;
    t.fields = p->op == SG_PATCH_ADD_EDGE ? (p->changes & ADDED_TIE_FIELDS) : p->changes;
    out[0] = t;
    return 1;
}

static bool same_tie(const touch *x, const touch *y)
{
    if (x->relation && y->relation && x->relation != y->relation)
        return false;
    if (strcmp(x->a, y->a) == 0 && strcmp(x->b, y->b) == 0)
        return true;
    const sg_relation *r = x->relation ? x->relation : y->relation;
    return (!r || !r->directed) && strcmp(x->a, y->b) == 0 && strcmp(x->b, y->a) == 0;
}

/* Says in words what T does ("removes the tie a-b", "merges node 'b' into 'a'"), appended to OUT. */
static void describe(const touch *t, GString *out)
{
    const sg_patch *p = t->patch;
    static const char *const verbs[] = {"adds", "changes", "removes"};
    if (p->op == SG_PATCH_MERGE_NODES)
        g_string_append_printf(out, "merges node '%s' into '%s'", p->target_id, p->source_id);
    else if (t->is_node)
        g_string_append_printf(out, "%s node '%s'", verbs[t->what], t->a);
    else
        g_string_append_printf(out, "%s the tie %s-%s", verbs[t->what], p->source_id, p->target_id);
}

/* Writes the value of tie field FIELD (one SG_CHANGE_* bit) of P into OUT. */
static void tie_value(const sg_patch *p, unsigned field, GString *out)
{
    char buf[SG_DATE_TEXT_MAX];
    const sg_edge *e = &p->edge;
    if (field == SG_CHANGE_START || field == SG_CHANGE_END) {
        sg_date d = field == SG_CHANGE_START ? e->when.start : e->when.end;
        g_string_append(out, sg_date_is_open(d) ? "open" : sg_date_format(d, buf));
    } else if (field == SG_CHANGE_CONFIDENCE || field == SG_CHANGE_WEIGHT) {
        g_string_append_printf(out, "%g", field == SG_CHANGE_CONFIDENCE ? e->confidence : e->weight);
    } else if (field == SG_CHANGE_SOURCES) {
        for (size_t i = 0; e->sources[i]; i++)
            g_string_append_printf(out, "%s%s", i ? ";" : "", e->sources[i]);
    } else {
        g_string_append_printf(out, "'%s'", e->note);
    }
}

/* Writes the value of node field FIELD (one SG_CHANGE_NODE_* bit) of P into OUT. */
static void node_value(const sg_patch *p, unsigned field, GString *out)
{
    char buf[SG_DATE_TEXT_MAX];
    const sg_node *n = &p->node;
    if (field == SG_CHANGE_NODE_LABEL)
        g_string_append_printf(out, "'%s'", n->label);
    else if (field == SG_CHANGE_NODE_KIND)
        g_string_append(out, *sg_kind_name(n->kind) ? sg_kind_name(n->kind) : "unspecified");
    else if (field == SG_CHANGE_NODE_AFFILIATION)
        g_string_append_printf(out, "'%s'", n->affiliation);
    else {
        sg_date d = field == SG_CHANGE_NODE_START ? n->when.start : n->when.end;
        g_string_append(out, sg_date_is_open(d) ? "open" : sg_date_format(d, buf));
    }
}

/* The first field both touches set to different values (0 if none); its name goes in *NAME. */
static unsigned clashing_field(const touch *x, const touch *y, const char **name)
{
    unsigned both = x->fields & y->fields;
    for (unsigned bit = 1; bit && bit <= both; bit <<= 1) {
        if (!(both & bit))
            continue;
        GString *vx = g_string_new(NULL), *vy = g_string_new(NULL);
        if (x->is_node) {
            node_value(x->patch, bit, vx);
            node_value(y->patch, bit, vy);
        } else {
            tie_value(x->patch, bit, vx);
            tie_value(y->patch, bit, vy);
        }
        bool differ = strcmp(vx->str, vy->str) != 0;
        g_string_free(vx, TRUE);
        g_string_free(vy, TRUE);
        if (!differ)
            continue;
        static const char *const tie_names[] = {"start", "end", "confidence", "weight", "sources", "note"};
        static const char *const node_names[] = {"label", "kind", "affiliation", "start", "end"};
        int k = g_bit_nth_lsf(bit, -1);
        *name = x->is_node ? node_names[k] : tie_names[k];
        return bit;
    }
    return 0;
}

/* How a later touch Y relates to an earlier touch X of another hypothesis. */
typedef enum { RELATION_NONE, RELATION_AGREE, RELATION_CLASH, RELATION_FIELD } touch_relation;

static touch_relation relate(const touch *x, const touch *y, unsigned *field, const char **name)
{
    if (x->is_node && y->is_node) {
        if (strcmp(x->a, y->a) != 0)
            return RELATION_NONE;
        if (x->what == TOUCH_REMOVE && y->what == TOUCH_REMOVE) {
            bool same_op = x->patch->op == y->patch->op;
            bool same_merge = same_op && x->patch->op == SG_PATCH_MERGE_NODES &&
                              strcmp(x->patch->source_id, y->patch->source_id) == 0;
            return same_op && (x->patch->op == SG_PATCH_REMOVE_NODE || same_merge) ? RELATION_AGREE : RELATION_CLASH;
        }
        if (x->what == TOUCH_REMOVE || y->what == TOUCH_REMOVE)
            return RELATION_CLASH;
    } else if (x->is_node || y->is_node) {
        /* a node removed by one, a tie at it touched by the other */
        const touch *n = x->is_node ? x : y, *t = x->is_node ? y : x;
        bool at = strcmp(n->a, t->a) == 0 || strcmp(n->a, t->b) == 0;
        return at && n->what == TOUCH_REMOVE ? RELATION_CLASH : RELATION_NONE;
    } else {
        if (!same_tie(x, y))
            return RELATION_NONE;
        if (x->what == TOUCH_REMOVE && y->what == TOUCH_REMOVE)
            return RELATION_AGREE;
        if (x->what == TOUCH_REMOVE || y->what == TOUCH_REMOVE)
            return RELATION_CLASH;
    }
    *field = clashing_field(x, y, name);
    if (*field)
        return RELATION_FIELD;
    return x->what == TOUCH_ADD && y->what == TOUCH_ADD ? RELATION_AGREE : RELATION_NONE;
}

/* Checks the touches MINE (of one patch line) against TOUCHES, those of the hypotheses applied before.
 * Adds an error naming both lines for a conflict, a warning when the line repeats what another
 * hypothesis does. Returns true when the line should be applied. */
static bool check_touches(const GArray *touches, const touch *mine, size_t n_mine, sg_diag *diag)
{
    for (size_t m = 0; m < n_mine; m++) {
        const touch *y = &mine[m];
        for (guint i = 0; i < touches->len; i++) {
            const touch *x = &g_array_index(touches, touch, i);
            if (x->hyp == y->hyp)
                continue;
            unsigned field = 0;
            const char *name = NULL;
            touch_relation r = relate(x, y, &field, &name);
            if (r == RELATION_NONE)
                continue;
            const sg_origin *o = &x->patch->origin;
            GString *what = g_string_new(NULL);
            if (r == RELATION_FIELD) {
                GString *vx = g_string_new(NULL), *vy = g_string_new(NULL);
                if (y->is_node) {
                    node_value(x->patch, field, vx);
                    node_value(y->patch, field, vy);
                    g_string_printf(what, "the %s of node '%s'", name, y->a);
                } else {
                    tie_value(x->patch, field, vx);
                    tie_value(y->patch, field, vy);
                    g_string_printf(what, "the %s of the tie %s-%s", name, y->patch->source_id, y->patch->target_id);
                }
                sg_diag_error(diag, &y->patch->origin, "hypothesis '%s' sets %s to %s, which hypothesis '%s' sets to %s (%s:%d:%d)",
                              y->hyp->id, what->str, vy->str, x->hyp->id, vx->str, o->file, o->line, o->column);
                g_string_free(vx, TRUE);
                g_string_free(vy, TRUE);
            } else {
                GString *theirs = g_string_new(NULL);
                describe(y, what);
                describe(x, theirs);
                if (r == RELATION_AGREE)
                    sg_diag_warning(diag, &y->patch->origin, "hypothesis '%s' %s, as hypothesis '%s' does (%s:%d:%d)",
                                    y->hyp->id, what->str, x->hyp->id, o->file, o->line, o->column);
                else
                    sg_diag_error(diag, &y->patch->origin, "hypothesis '%s' %s, but hypothesis '%s' %s (%s:%d:%d)",
                                  y->hyp->id, what->str, x->hyp->id, theirs->str, o->file, o->line, o->column);
                g_string_free(theirs, TRUE);
            }
            g_string_free(what, TRUE);
            return false;
        }
    }
    return true;
}

/* Applies every line of HYP to NET. With TOUCHES (several hypotheses applied together), each line is
 * first checked against the other hypotheses' lines, and what it touches is recorded. */
static void apply_lines(sg_network *net, const sg_hypothesis *hyp, GArray *touches, sg_diag *diag)
{
    for (size_t i = 0; i < hyp->n_patches; i++) {
        const sg_patch *p = &hyp->patches[i];
        touch mine[2];
        size_t n_mine = touches ? patch_touches(net, hyp, p, mine) : 0;
        bool apply = !touches || check_touches(touches, mine, n_mine, diag);
        if (touches)
            g_array_append_vals(touches, mine, (guint)n_mine);
        if (apply && p->op == SG_PATCH_ADD_EDGE) {
            sg_patch numbered = *p; /* the tie's stable number: the line's place in the hypothesis */
            numbered.edge.number = (unsigned)(i + 1);
            apply_patch(net, &numbered, hyp->id, diag);
        } else if (apply) {
            apply_patch(net, p, hyp->id, diag);
        }
    }
}

sg_network *sg_network_apply_patches(sg_network *base, const sg_hypothesis *hyp, sg_diag *diag)
{
    if (!base)
        return NULL;
    sg_network *net = sg_network_derive(base);
    net->applied_hypothesis = hyp->id;
    apply_lines(net, hyp, NULL, diag);
    return net;
}

/* Adds the error for an unknown hypothesis ID, listing the ones BASE has. */
static void unknown_hypothesis(const sg_network *base, const char *id, sg_diag *diag)
{
    char *known = sg_network_hypothesis_ids(base);
    /* Point at the manifest's list of hypotheses (its first entry), or at the network itself. */
    sg_origin at = base->n_hypotheses ? base->hypotheses[0].origin : (sg_origin){base->name, 0, 0};
    if (*known)
        sg_diag_error(diag, &at, "unknown hypothesis '%s' (the network has: %s)", id, known);
    else
        sg_diag_error(diag, &at, "unknown hypothesis '%s': the network has no hypotheses", id);
    g_free(known);
}

sg_network *sg_network_apply_hypotheses(sg_network *base, const char *const *ids, size_t n, sg_diag *diag)
{
    if (n == 0)
        return sg_network_ref(base);
    size_t errors = diag->errors;
    const sg_hypothesis **hyps = g_new0(const sg_hypothesis *, n);
    for (size_t i = 0; i < n; i++) {
        hyps[i] = sg_network_find_hypothesis(base, ids[i]);
        if (!hyps[i])
            unknown_hypothesis(base, ids[i], diag);
        for (size_t j = 0; hyps[i] && j < i; j++)
            if (hyps[j] == hyps[i]) {
                sg_diag_error(diag, &hyps[i]->origin, "hypothesis '%s' is named twice", ids[i]);
                break;
            }
    }
    if (diag->errors > errors) {
        g_free(hyps);
        return NULL;
    }
    sg_network *net = sg_network_derive(base);
    GArray *touches = n > 1 ? g_array_new(FALSE, FALSE, sizeof(touch)) : NULL;
    GString *applied = g_string_new(NULL);
    for (size_t i = 0; i < n; i++) {
        apply_lines(net, hyps[i], touches, diag);
        g_string_append_printf(applied, "%s%s", i ? "+" : "", hyps[i]->id);
    }
    net->applied_hypothesis = sg_network_intern(net, applied->str);
    g_string_free(applied, TRUE);
    if (touches)
        g_array_free(touches, TRUE);
    g_free(hyps);
    if (diag->errors > errors) {
        sg_network_unref(net);
        return NULL;
    }
    return net;
}

sg_network *sg_network_apply_hypothesis(sg_network *base, const char *id, sg_diag *diag)
{
    return sg_network_apply_hypotheses(base, &id, 1, diag);
}

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
    sg_edge edge = p->edge;
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

/* Sets the fields the patch names on E; returns true if any value differs from what was there. */
static bool change_tie(sg_edge *e, const sg_patch *p)
{
    bool changed = false;
    const sg_edge *v = &p->edge;
    if ((p->changes & SG_CHANGE_START) && memcmp(&e->when.start, &v->when.start, sizeof v->when.start)) {
        e->when.start = v->when.start;
        changed = true;
    }
    if ((p->changes & SG_CHANGE_END) && memcmp(&e->when.end, &v->when.end, sizeof v->when.end)) {
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

sg_network *sg_network_apply_patches(sg_network *base, const sg_hypothesis *hyp, sg_diag *diag)
{
    if (!base)
        return NULL;
    sg_network *net = sg_network_derive(base);
    net->applied_hypothesis = hyp->id;
    for (size_t i = 0; i < hyp->n_patches; i++) {
        const sg_patch *p = &hyp->patches[i];
        if (p->op == SG_PATCH_ADD_NODE) {
            apply_add_node(net, p, hyp->id, diag);
            continue;
        }
        int s = patch_end(net, p, p->source_id, hyp->id, diag);
        int t = patch_end(net, p, p->target_id, hyp->id, diag);
        if (s < 0 || t < 0)
            continue;
        if (p->op == SG_PATCH_ADD_EDGE)
            apply_add_edge(net, p, s, t, hyp->id, diag);
        else if (p->op == SG_PATCH_REMOVE_EDGE)
            apply_remove_edge(net, p, s, t, hyp->id, diag);
        else
            apply_change_edge(net, p, s, t, hyp->id, diag);
    }
    return net;
}

sg_network *sg_network_apply_hypothesis(sg_network *base, const char *id, sg_diag *diag)
{
    const sg_hypothesis *hyp = sg_network_find_hypothesis(base, id);
    if (!hyp) {
        GString *known = g_string_new(NULL);
        for (size_t i = 0; i < base->n_hypotheses; i++)
            g_string_append_printf(known, "%s%s", i ? ", " : "", base->hypotheses[i].id);
        /* Point at the manifest's list of hypotheses (its first entry), or at the network itself. */
        sg_origin at = base->n_hypotheses ? base->hypotheses[0].origin : (sg_origin){base->name, 0, 0};
        if (known->len)
            sg_diag_error(diag, &at, "unknown hypothesis '%s' (the network has: %s)", id, known->str);
        else
            sg_diag_error(diag, &at, "unknown hypothesis '%s': the network has no hypotheses", id);
        g_string_free(known, TRUE);
        return NULL;
    }
    size_t errors = diag->errors;
    sg_network *net = sg_network_apply_patches(base, hyp, diag);
    if (diag->errors > errors) {
        sg_network_unref(net);
        return NULL;
    }
    return net;
}

/* Placeholder until conflicts between hypotheses are checked (branch model): applies IDS in order. */
sg_network *sg_network_apply_hypotheses(sg_network *base, const char *const *ids, size_t n, sg_diag *diag)
{
    sg_network *net = sg_network_ref(base);
    for (size_t i = 0; i < n && net; i++) {
        sg_network *next = sg_network_apply_hypothesis(net, ids[i], diag);
        sg_network_unref(net);
        net = next;
    }
    return net;
}

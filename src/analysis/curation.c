/* curation.c: the curation checks of `validate` (uncited ties, unused sources, isolates, duplicates, loops,
 * ties outside a node's lifetime). */
#include <glib.h>
#include <string.h>

#include "spygraph/curation.h"

static void mark_cited(GHashTable *cited, const char *const *keys)
{
    for (size_t i = 0; keys && keys[i]; i++)
        g_hash_table_add(cited, (gpointer)keys[i]);
}

static void check_sources(const sg_network *net, sg_diag *diag)
{
    GHashTable *cited = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < net->n_nodes; i++)
        mark_cited(cited, net->nodes[i].sources);
    for (size_t i = 0; i < net->n_edges; i++)
        mark_cited(cited, net->edges[i].sources);
    for (size_t h = 0; h < net->n_hypotheses; h++) {
        const sg_hypothesis *hyp = &net->hypotheses[h];
        mark_cited(cited, hyp->sources);
        for (size_t p = 0; p < hyp->n_patches; p++) {
            mark_cited(cited, hyp->patches[p].edge.sources);
            mark_cited(cited, hyp->patches[p].node.sources);
        }
    }
    for (size_t i = 0; i < net->n_events; i++)
        mark_cited(cited, net->events[i].sources);
    for (size_t i = 0; i < net->n_sources; i++)
        if (!g_hash_table_contains(cited, net->sources[i].key))
            sg_diag_warning(diag, &net->sources[i].origin, "source '%s' is never cited", net->sources[i].key);
    g_hash_table_destroy(cited);
}

static void check_ties(const sg_network *net, sg_diag *diag)
{
    GHashTable *first = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t i = 0; i < net->n_edges; i++) {
        const sg_edge *e = &net->edges[i];
        const char *s = net->nodes[e->source].id, *t = net->nodes[e->target].id;
        if (net->curated && !e->sources[0])
            sg_diag_warning(diag, &e->origin, "the tie %s-%s (%s) cites no source", s, t, e->relation->name);
        if (net->curated && !*e->note)
            sg_diag_warning(diag, &e->origin, "the tie %s-%s (%s) has no note saying why its confidence is %g", s, t,
                            e->relation->name, e->confidence);
        if (e->source == e->target)
            sg_diag_warning(diag, &e->origin, "self-loop on '%s' (%s)", s, e->relation->name);
        int a = e->source, b = e->target;
        if (!e->relation->directed && a > b) {
            a = e->target;
            b = e->source;
        }
        char *key = g_strdup_printf("%d %d %s", a, b, e->relation->name);
        gpointer seen = g_hash_table_lookup(first, key);
        if (seen) {
            const sg_edge *f = &net->edges[GPOINTER_TO_SIZE(seen) - 1];
            sg_diag_warning(diag, &e->origin, "duplicate tie %s-%s (%s), first at line %d", s, t,
                            e->relation->name, f->origin.line);
            g_free(key);
        } else {
            g_hash_table_insert(first, key, GSIZE_TO_POINTER(i + 1));
        }
    }
    g_hash_table_destroy(first);
}

static void check_isolates(const sg_network *net, sg_diag *diag)
{
    bool *tied = g_new0(bool, net->n_nodes + 1);
    for (size_t i = 0; i < net->n_edges; i++)
        tied[net->edges[i].source] = tied[net->edges[i].target] = true;
    for (size_t i = 0; i < net->n_nodes; i++)
        if (!tied[i])
            sg_diag_warning(diag, &net->nodes[i].origin, "node '%s' has no tie (isolated)", net->nodes[i].id);
    g_free(tied);
}

/* Warns when a date of the tie (or patch) at ORIGIN lies outside the network's span. */
static void check_date(const sg_network *net, sg_date d, const char *what, const sg_origin *origin, sg_diag *diag)
{
    if (sg_date_is_open(d))
        return;
    bool before = !sg_date_is_open(net->span.start) && sg_date_last_day(d) < sg_date_first_day(net->span.start);
    bool after = !sg_date_is_open(net->span.end) && sg_date_first_day(d) > sg_date_last_day(net->span.end);
    if (before || after) {
        char buf[SG_DATE_TEXT_MAX], lo[SG_DATE_TEXT_MAX], hi[SG_DATE_TEXT_MAX];
        sg_diag_warning(diag, origin, "%s date %s is outside the network's span %s..%s", what, sg_date_format(d, buf),
                        sg_date_format(net->span.start, lo), sg_date_format(net->span.end, hi));
    }
}

static void check_span(const sg_network *net, sg_diag *diag)
{
    if (sg_interval_is_timeless(&net->span))
        return;
    for (size_t i = 0; i < net->n_edges; i++) {
        check_date(net, net->edges[i].when.start, "start", &net->edges[i].origin, diag);
        check_date(net, net->edges[i].when.end, "end", &net->edges[i].origin, diag);
    }
    for (size_t h = 0; h < net->n_hypotheses; h++)
        for (size_t p = 0; p < net->hypotheses[h].n_patches; p++) {
            const sg_patch *patch = &net->hypotheses[h].patches[p];
            check_date(net, patch->edge.when.start, "start", &patch->origin, diag);
            check_date(net, patch->edge.when.end, "end", &patch->origin, diag);
        }
}

/* Warns when the tie E is dated and its period does not overlap the lifetime of node END (a tie with
 * an organisation before it was founded, with a person after his death). */
static void check_lifetime(const sg_network *net, const sg_edge *e, int end, sg_diag *diag)
{
    const sg_node *n = &net->nodes[end];
    if (sg_interval_is_timeless(&e->when) || sg_interval_is_timeless(&n->when))
        return;
    if (sg_interval_last_day(&e->when) >= sg_interval_first_day(&n->when) &&
        sg_interval_first_day(&e->when) <= sg_interval_last_day(&n->when))
        return;
    char *tie = sg_interval_text(&e->when), *life = sg_interval_text(&n->when);
    sg_diag_warning(diag, &e->origin, "the tie %s-%s (%s), dated %s, lies outside the lifetime of '%s' (%s)",
                    net->nodes[e->source].id, net->nodes[e->target].id, e->relation->name, tie, n->id, life);
    g_free(tie);
    g_free(life);
}

/* Checks every tie of NET, and the ties each hypothesis adds or changes, against its ends' lifetimes. */
static void check_lifetimes(const sg_network *net, sg_diag *diag)
{
    for (size_t i = 0; i < net->n_edges; i++) {
        check_lifetime(net, &net->edges[i], net->edges[i].source, diag);
        if (net->edges[i].target != net->edges[i].source)
            check_lifetime(net, &net->edges[i], net->edges[i].target, diag);
    }
    for (size_t h = 0; h < net->n_hypotheses; h++) {
        /* The loader reported the patch's own problems already: a scratch list keeps them out. */
        sg_diag *scratch = sg_diag_new();
        sg_network *applied = sg_network_apply_patches((sg_network *)net, &net->hypotheses[h], scratch);
        for (size_t i = 0; applied && scratch->errors == 0 && i < applied->n_edges; i++) {
            const sg_edge *e = &applied->edges[i];
            /* a tie the hypothesis touched, or any tie at a node whose lifetime it set */
            bool touched = e->hypothesis == net->hypotheses[h].id ||
                           applied->nodes[e->source].hypothesis == net->hypotheses[h].id ||
                           applied->nodes[e->target].hypothesis == net->hypotheses[h].id;
            if (!touched)
                continue;
            check_lifetime(applied, e, e->source, diag);
            if (e->target != e->source)
                check_lifetime(applied, e, e->target, diag);
        }
        sg_network_unref(applied);
        sg_diag_free(scratch);
    }
}

/* Warns about an event without a source (in a curated network) or dated outside the network's span. */
static void check_events(const sg_network *net, sg_diag *diag)
{
    for (size_t i = 0; i < net->n_events; i++) {
        const sg_event *ev = &net->events[i];
        if (net->curated && !ev->sources[0])
            sg_diag_warning(diag, &ev->origin, "the event '%s' cites no source", ev->id);
        if (!sg_interval_is_timeless(&net->span))
            check_date(net, ev->date, "event", &ev->origin, diag);
    }
}

/* Warns about a patch line that adds a tie, or sets a tie's confidence, without a note saying why. */
static void check_patch_notes(const sg_network *net, sg_diag *diag)
{
    for (size_t h = 0; net->curated && h < net->n_hypotheses; h++)
        for (size_t i = 0; i < net->hypotheses[h].n_patches; i++) {
            const sg_patch *p = &net->hypotheses[h].patches[i];
            bool sets = p->op == SG_PATCH_ADD_EDGE || (p->op == SG_PATCH_CHANGE_EDGE && (p->changes & SG_CHANGE_CONFIDENCE));
            if (sets && (!p->edge.note || !*p->edge.note))
                sg_diag_warning(diag, &p->origin, "hypothesis '%s' gives the tie %s-%s confidence %g with no note "
                                "saying why", net->hypotheses[h].id, p->source_id, p->target_id, p->edge.confidence);
        }
}

void sg_curation_check(const sg_network *net, sg_diag *diag)
{
    check_events(net, diag);
    check_patch_notes(net, diag);
    check_sources(net, diag);
    check_ties(net, diag);
    check_isolates(net, diag);
    check_span(net, diag);
    check_lifetimes(net, diag);
}

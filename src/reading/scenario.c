/* scenario.c: the scenarios of a network: one answer or none per question, any subset of the independent hypotheses, with credences. */
#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "spygraph/reading.h"

static bool listed(const char *const *ids, size_t n, const char *id)
{
    for (size_t i = 0; ids && (n ? i < n : ids[i] != NULL); i++)
        if (strcmp(ids[i], id) == 0)
            return true;
    return false;
}

/* One choice a scenario makes: a question, or an independent hypothesis, with its options, each a
 * hypothesis id (option[0] NULL: none) and its credence. */
typedef struct choice {
    const char **option;
    double *credence;
    size_t n;
} choice;

/* Choices in the manifest order of their first hypothesis (NET is the network). */
static gint compare_choices(gconstpointer x, gconstpointer y, gpointer net)
{
    const sg_hypothesis *a = sg_network_find_hypothesis(net, ((const choice *)x)->option[1]);
    const sg_hypothesis *b = sg_network_find_hypothesis(net, ((const choice *)y)->option[1]);
    return (a > b) - (a < b);
}

/* The choices: per question that SETTLED leaves open, none or one of its answers in WANTED; per
 * independent hypothesis in WANTED, without or with it. A question with one wanted answer still
 * offers it or none; one with none is no choice. */
static GArray *make_choices(const sg_network *net, const char *const *wanted, const char *const *settled,
                            size_t n_settled)
{
    GArray *choices = g_array_new(FALSE, FALSE, sizeof(choice));
    for (size_t q = 0; q < net->n_questions; q++) {
        const sg_question *question = &net->questions[q];
        bool is_settled = false;
        double taken = 0;
        for (size_t k = 0; question->hypotheses[k]; k++) {
            const sg_hypothesis *h = sg_network_find_hypothesis(net, question->hypotheses[k]);
            is_settled = is_settled || (n_settled && listed(settled, n_settled, question->hypotheses[k]));
            taken += h ? h->credence : NAN;
        }
        size_t n = sg_list_length(question->hypotheses);
        choice c = {g_new0(const char *, n + 1), g_new(double, n + 1), 1};
        c.credence[0] = 1.0 - taken;
        for (size_t k = 0; !is_settled && question->hypotheses[k]; k++)
            if (!wanted || listed(wanted, 0, question->hypotheses[k])) {
                c.option[c.n] = question->hypotheses[k];
                c.credence[c.n++] = sg_network_find_hypothesis(net, question->hypotheses[k])->credence;
            }
        if (c.n > 1) {
            g_array_append_val(choices, c);
        } else {
            g_free(c.option);
            g_free(c.credence);
        }
    }
    for (size_t i = 0; i < net->n_hypotheses; i++) {
        const sg_hypothesis *h = &net->hypotheses[i];
        if (h->question >= 0 || (wanted && !listed(wanted, 0, h->id)) || (n_settled && listed(settled, n_settled, h->id)))
            continue;
        choice c = {g_new0(const char *, 2), g_new(double, 2), 2};
        c.option[1] = h->id;
        c.credence[0] = 1.0 - h->credence;
        c.credence[1] = h->credence;
        g_array_append_val(choices, c);
    }
    g_array_sort_with_data(choices, compare_choices, (gpointer)net);
    return choices;
}

static void free_choices(GArray *choices)
{
    for (guint c = 0; c < choices->len; c++) {
        g_free(g_array_index(choices, choice, c).option);
        g_free(g_array_index(choices, choice, c).credence);
    }
    g_array_free(choices, TRUE);
}

/* Hypothesis ids in the order the manifest lists them (NET is the network). */
static gint compare_manifest_order(gconstpointer x, gconstpointer y, gpointer net)
{
    const sg_hypothesis *a = sg_network_find_hypothesis(net, *(const char *const *)x);
    const sg_hypothesis *b = sg_network_find_hypothesis(net, *(const char *const *)y);
    return (a > b) - (a < b);
}

/* A scenario while it is enumerated: the option each choice takes. */
typedef struct pick {
    size_t *option;
    size_t applied;  /* how many choices take a hypothesis */
    size_t index;    /* in enumeration order, for a stable sort */
} pick;

static int compare_picks(const void *x, const void *y)
{
    const pick *a = x, *b = y;
    if (a->applied != b->applied)
        return a->applied < b->applied ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

/* How many scenarios CHOICES make, saturating at SIZE_MAX. */
static size_t count_scenarios(const GArray *choices)
{
    size_t total = 1;
    for (guint c = 0; c < choices->len; c++) {
        size_t k = g_array_index(choices, choice, c).n;
        total = total > SIZE_MAX / k ? SIZE_MAX : total * k;
    }
    return total;
}

/* Fills S from the options P takes. */
static void fill_scenario(const sg_network *net, const GArray *choices, const pick *p, sg_scenario *s)
{
    s->hypotheses = g_new0(const char *, choices->len + 1);
    s->credence = 1;
    for (guint c = 0; c < choices->len; c++) {
        const choice *ch = &g_array_index(choices, choice, c);
        s->credence *= ch->credence[p->option[c]];
        if (p->option[c])
            s->hypotheses[s->n_hypotheses++] = ch->option[p->option[c]];
    }
    g_qsort_with_data(s->hypotheses, (gint)s->n_hypotheses, sizeof *s->hypotheses, compare_manifest_order,
                      (gpointer)net);
}

sg_scenario_list *sg_scenarios_make(const sg_network *net, const char *const *wanted, const char *const *settled,
                                    size_t n_settled, size_t max, sg_diag *diag)
{
    GArray *choices = make_choices(net, wanted, settled, n_settled);
    size_t total = count_scenarios(choices), n = choices->len;
    if (total > max) {
        if (total == SIZE_MAX)
            sg_diag_error(diag, NULL, "the questions and independent hypotheses make too many scenarios to count (at "
                          "most %zu): choose the hypotheses to combine with --hypotheses ID,ID,...", max);
        else
            sg_diag_error(diag, NULL, "the questions and independent hypotheses make %zu scenarios (at most %zu): "
                          "choose the hypotheses to combine with --hypotheses ID,ID,...", total, max);
        free_choices(choices);
        return NULL;
    }
    pick *all = g_new0(pick, total);
    for (size_t s = 0; s < total; s++) {
        all[s].option = g_new0(size_t, n + 1);
        all[s].index = s;
        for (size_t c = 0, rest = s; c < n; c++) { /* mixed radix, the first choice fastest */
            size_t radix = g_array_index(choices, choice, c).n;
            all[s].option[c] = rest % radix;
            rest /= radix;
            all[s].applied += all[s].option[c] != 0;
        }
    }
    qsort(all, total, sizeof *all, compare_picks);
    sg_scenario_list *list = g_new0(sg_scenario_list, 1);
    list->items = g_new0(sg_scenario, total);
    list->count = total;
    for (size_t s = 0; s < total; s++) {
        fill_scenario(net, choices, &all[s], &list->items[s]);
        g_free(all[s].option);
    }
    g_free(all);
    free_choices(choices);
    return list;
}

void sg_scenario_list_free(sg_scenario_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++)
        g_free(list->items[i].hypotheses);
    g_free(list->items);
    g_free(list);
}

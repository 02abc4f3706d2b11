/* test_compare_render.c: unit tests of the pictures that compare: shared positions across hypotheses. */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "spygraph/compare.h"
#include "spygraph/loader.h"
#include "spygraph/render.h"
#include "testdata.h"

static sg_network *load_mini(void)
{
    return test_load_network("tests/data/good/compare-mini");
}

/* The laid-out DOT of READING (a hypothesis id, or NULL for the base) drawn on the union's positions
 * (g_free). */
static char *render_dot(sg_network *base, const char *reading, const sg_network *all)
{
    sg_diag *diag = sg_diag_new();
    sg_network *net = reading ? sg_network_apply_hypothesis(base, reading, diag) : sg_network_ref(base);
    g_assert_nonnull(net);
    sg_render_spec spec;
    sg_render_spec_init(&spec);
    spec.format = SG_RENDER_DOT;
    spec.layout_of = all;
    char *text = NULL;
    size_t length = 0;
    FILE *stream = open_memstream(&text, &length);
    g_assert_true(sg_render_write(net, &spec, stream, diag));
    fclose(stream);
    g_assert_cmpuint(diag->errors, ==, 0);
    sg_diag_free(diag);
    sg_network_unref(net);
    return text;
}

/* The "pos" attribute of node ID (a plain slug) in DOT text, as written (g_free), or NULL. The DOT names
 * nodes n0, n1, ...; a node's id is its `id` attribute, "node-ID" (written before "pos": cgraph sorts
 * attributes by name). */
static char *position_of(const char *dot, const char *id)
{
    char *pattern = g_strdup_printf("\\n\\tn[0-9]+\\t\\[[^]]*?\\bid=\"?node-%s\"?[,\\]][^]]*?pos=\"([^\"]*)\"", id);
    GRegex *re = g_regex_new(pattern, G_REGEX_DOTALL, 0, NULL);
    GMatchInfo *match = NULL;
    char *pos = g_regex_match(re, dot, 0, &match) ? g_match_info_fetch(match, 1) : NULL;
    g_match_info_free(match);
    g_regex_unref(re);
    g_free(pattern);
    return pos;
}

static void test_same_positions(void)
{
    /* shortcut and split draw different ties (b-d against c-d, e-f) and split has one node more (f); on
     * the union's layout every shared node must sit at exactly the same point in both, and in the base. */
    sg_network *base = load_mini();
    sg_diag *diag = sg_diag_new();
    sg_network *all = sg_network_union_of_hypotheses(base, diag);
    g_assert_nonnull(all);
    char *shortcut = render_dot(base, "shortcut", all), *split = render_dot(base, "split", all);
    char *plain = render_dot(base, NULL, all);
    const char *ids[] = {"a", "b", "c", "d", "e"};
    for (size_t i = 0; i < G_N_ELEMENTS(ids); i++) {
        char *p1 = position_of(shortcut, ids[i]), *p2 = position_of(split, ids[i]), *p3 = position_of(plain, ids[i]);
        g_assert_nonnull(p1);
        g_assert_cmpstr(p1, ==, p2);
        g_assert_cmpstr(p1, ==, p3);
        g_free(p1);
        g_free(p2);
        g_free(p3);
    }
    char *f = position_of(split, "f");
    g_assert_nonnull(f);                      /* drawn where the union put it */
    g_assert_null(position_of(shortcut, "f")); /* not a node of shortcut */
    g_free(f);
    g_free(shortcut);
    g_free(split);
    g_free(plain);
    sg_network_unref(all);
    sg_diag_free(diag);
    sg_network_unref(base);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/compare-render/same-positions", test_same_positions);
    return g_test_run();
}

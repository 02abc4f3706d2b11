/* test_progress.c: unit tests of progress reports (--progress lines): counts across forked workers, nesting,
 * igraph's reports, --quiet; expected counts worked out by hand from the steps each test adds. */
#include <glib.h>
#include <glib/gstdio.h>
#include <igraph.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spygraph/progress.h"

static int saved_stderr = -1;
static char *capture_path;

/* Sends standard error to a fresh file (not a terminal: plain lines) and sets MODE. */
static void capture_begin(sg_progress_mode mode)
{
    int fd = g_file_open_tmp("spygraph-progress-XXXXXX", &capture_path, NULL);
    g_assert_cmpint(fd, >=, 0);
    fflush(stderr);
    saved_stderr = dup(STDERR_FILENO);
    g_assert_cmpint(dup2(fd, STDERR_FILENO), ==, STDERR_FILENO);
    close(fd);
    sg_progress_set_mode(mode);
}

/* Restores standard error; returns what was written to it (g_free). */
static char *capture_end(void)
{
    fflush(stderr);
    g_assert_cmpint(dup2(saved_stderr, STDERR_FILENO), ==, STDERR_FILENO);
    close(saved_stderr);
    char *text = NULL;
    g_assert_true(g_file_get_contents(capture_path, &text, NULL, NULL));
    g_unlink(capture_path);
    g_free(capture_path);
    return text;
}

/* The last line of TEXT (a copy, g_free); "" when there is none. */
static char *last_line(const char *text)
{
    char **lines = g_strsplit(text, "\n", -1);
    guint n = g_strv_length(lines);
    char *last = g_strdup(n >= 2 ? lines[n - 2] : "");
    g_strfreev(lines);
    return last;
}

/* Two forked workers add 300 steps each, one at a time, and the parent 400: the last line counts all 1,000. */
static void test_workers(void)
{
    capture_begin(SG_PROGRESS_FORCE);
    sg_progress_begin("work", "steps", 1000);
    pid_t pids[2];
    for (int w = 0; w < 2; w++) {
        pids[w] = fork();
        g_assert_cmpint(pids[w], >=, 0);
        if (pids[w] == 0) {
            for (int i = 0; i < 300; i++)
                sg_progress_add(1);
            _exit(0);
        }
    }
    sg_progress_add(400);
    for (int w = 0; w < 2; w++) {
        int status = 0;
        g_assert_cmpint(waitpid(pids[w], &status, 0), ==, pids[w]);
        g_assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    sg_progress_end();
    char *text = capture_end(), *last = last_line(text);
    g_assert_true(g_str_has_prefix(text, "spygraph: work 0% (0/1,000 steps)\n"));
    g_assert_true(g_str_has_prefix(last, "spygraph: work 100% (1,000/1,000 steps, "));
    g_assert_null(strstr(last, "stopped"));
    g_free(last);
    g_free(text);
}

/* An inner computation (a measure inside a sample) counts nothing: 4 rows, each with 100 inner steps. */
static void test_nesting(void)
{
    capture_begin(SG_PROGRESS_FORCE);
    sg_progress_begin("outer", "rows", 4);
    for (int r = 0; r < 4; r++) {
        sg_progress_begin("inner", "sources", 100);
        sg_progress_add(100);
        sg_progress_end();
        sg_progress_add(1);
    }
    sg_progress_end();
    char *text = capture_end(), *last = last_line(text);
    g_assert_null(strstr(text, "inner"));
    g_assert_true(g_str_has_prefix(last, "spygraph: outer 100% (4/4 rows, "));
    g_free(last);
    g_free(text);
}

/* igraph's percentages scaled to units: 50% of 10 units is 5 steps; done adds the other 5 of the first call;
 * a second call stopped at 30% leaves 3 of 10: 13 of 20 steps, stopped (no done, as after a failure). */
static void test_igraph(void)
{
    capture_begin(SG_PROGRESS_FORCE);
    sg_progress_begin("betweenness", "sources", 20);
    sg_progress_igraph_units(10);
    igraph_progress("Betweenness centrality: ", 0.0, NULL);
    igraph_progress("Betweenness centrality: ", 50.0, NULL);
    sg_progress_igraph_done();
    sg_progress_igraph_units(10);
    igraph_progress("Betweenness centrality: ", 30.0, NULL);
    sg_progress_end();
    sg_progress_igraph_done(); /* after the end: counts nothing, and clears the units */
    char *text = capture_end(), *last = last_line(text);
    g_assert_true(g_str_has_prefix(last, "spygraph: betweenness 65% (13/20 sources, "));
    g_assert_nonnull(strstr(last, "stopped after "));
    g_free(last);
    g_free(text);
}

/* Work that cannot be measured: its name and the time elapsed. */
static void test_elapsed(void)
{
    capture_begin(SG_PROGRESS_FORCE);
    sg_progress_begin("laying out 3 nodes", NULL, 0);
    sg_progress_end();
    char *text = capture_end();
    g_assert_true(g_str_has_prefix(text, "spygraph: laying out 3 nodes, 0 s\nspygraph: laying out 3 nodes, ended after 0."));
    g_free(text);
}

/* --quiet, and the default without a terminal: nothing at all. */
static void test_silent(void)
{
    for (int m = 0; m < 2; m++) {
        capture_begin(m == 0 ? SG_PROGRESS_QUIET : SG_PROGRESS_AUTO);
        sg_progress_begin("work", "steps", 10);
        sg_progress_add(10);
        sg_progress_end();
        char *text = capture_end();
        g_assert_cmpstr(text, ==, "");
        g_free(text);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_setenv("SPYGRAPH_PROGRESS_DELAY", "0", TRUE); /* AUTO would show at once on a terminal: it has none */
    g_test_add_func("/progress/workers", test_workers);
    g_test_add_func("/progress/nesting", test_nesting);
    g_test_add_func("/progress/igraph", test_igraph);
    g_test_add_func("/progress/elapsed", test_elapsed);
    g_test_add_func("/progress/silent", test_silent);
    return g_test_run();
}

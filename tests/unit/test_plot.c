/* test_plot.c: unit tests of the charts (forest plots, line charts): the three formats, hostile labels, determinism, write failures. */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "spygraph/plot.h"

/* A label of 300 characters (Cyrillic, CJK, spaces). */
static char *long_label(void)
{
    GString *s = g_string_new("");
    while (g_utf8_strlen(s->str, -1) < 300)
        g_string_append(s, "Рихард Зорге 尾崎秀実 ");
    char *label = g_utf8_substring(s->str, 0, 300);
    g_string_free(s, TRUE);
    return label;
}

/* Rows in several scripts, hostile names (markup, entities, control characters, a stray byte, 300
 * characters) and every kind of missing value. */
static sg_forest_row hostile_rows[] = {
    {"Richard Sorge", 312, 398, 371, 1.0},
    {"尾崎秀実", 240, 352, 301, 0.87},
    {"Рихард Зорге", 180, 290, 244, 0.4},
    {"<script>alert(1)</script>", 20, 80, 50, 0.004},
    {"&amp; &lt;b&gt; ]]>", 10, 60, NAN, 0.5},
    {"first line\nsecond line", NAN, NAN, 30, NAN},
    {"esc \x1b[31mred\x1b[0m bell \x07", NAN, 40, 20, 0.996},
    {"stray \xff byte", 0, 0, 0, 0.0},
    {NULL /* the long label, set in main */, 5, 15, 10, 0.1},
};

static sg_forest hostile_plot(void)
{
    sg_forest plot = {
        .title = "Betweenness <under> sampling & \x1b[1mhostile\x1b[0m names",
        .subtitle = "Bars: 5th\u201395th percentile of 1000 samples; dots: the value with every tie as recorded",
        .axis_label = "Betweenness centrality",
        .share_label = "P(top 3)",
        .rows = hostile_rows,
        .n_rows = G_N_ELEMENTS(hostile_rows),
    };
    return plot;
}

/* Draws PLOT in FORMAT to a file in DIR named NAME and returns the file's bytes (g_free), LENGTH set. */
static char *draw(const sg_forest *plot, sg_plot_format format, const char *dir, const char *name, gsize *length)
{
    char *path = g_build_filename(dir, name, NULL);
    FILE *stream = fopen(path, "wb");
    g_assert_nonnull(stream);
    g_assert_true(sg_forest_write(plot, format, stream));
    g_assert_cmpint(fclose(stream), ==, 0);
    char *bytes = NULL;
    g_assert_true(g_file_get_contents(path, &bytes, length, NULL));
    g_assert_cmpint(g_unlink(path), ==, 0);
    g_free(path);
    return bytes;
}

/* Asserts that SVG (LENGTH bytes) is well-formed XML: by xmllint when it is installed, and by its shape
 * always. No text of the plot reaches the SVG as text (cairo draws glyph outlines). */
static void assert_svg(const char *svg, gsize length, const char *dir)
{
    g_assert_cmpuint(strlen(svg), ==, length);
    g_assert_true(g_str_has_prefix(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
    g_assert_true(g_str_has_suffix(svg, "</svg>\n"));
    g_assert_null(strstr(svg, "<script"));
    g_assert_null(strstr(svg, "\x1b"));
    char *xmllint = g_find_program_in_path("xmllint");
    if (!xmllint) {
        g_test_message("xmllint not installed: the SVG is checked by its shape only");
        return;
    }
    char *path = g_build_filename(dir, "check.svg", NULL);
    g_assert_true(g_file_set_contents(path, svg, (gssize)length, NULL));
    char *argv[] = {xmllint, "--noout", path, NULL};
    char *errors = NULL;
    int status = 0;
    g_assert_true(g_spawn_sync(NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &errors, &status,
                               NULL));
    if (!g_spawn_check_wait_status(status, NULL))
        g_error("xmllint rejects the SVG: %s", errors);
    g_free(errors);
    g_unlink(path);
    g_free(path);
    g_free(xmllint);
}

/* Whether NEEDLE occurs in the LENGTH bytes at BYTES (which may hold NUL bytes). */
static bool contains(const char *bytes, gsize length, const char *needle)
{
    return memmem(bytes, length, needle, strlen(needle)) != NULL;
}

/* Asserts the shape of a PDF: its header, its end, no creation date. */
static void assert_pdf(const char *pdf, gsize length)
{
    g_assert_cmpuint(length, >, 16);
    g_assert_cmpmem(pdf, 5, "%PDF-", 5);
    g_assert_cmpmem(pdf + length - 6, 6, "%%EOF\n", 6);
    g_assert_false(contains(pdf, length, "/CreationDate"));
}

static guint32 png_u32(const char *png, size_t at)
{
    const unsigned char *p = (const unsigned char *)png + at;
    return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

static void test_format_from_path(void)
{
    sg_plot_format f = SG_PLOT_PNG;
    g_assert_true(sg_plot_format_from_path("out/forest.svg", &f));
    g_assert_cmpint(f, ==, SG_PLOT_SVG);
    g_assert_true(sg_plot_format_from_path("FOREST.SVG", &f));
    g_assert_cmpint(f, ==, SG_PLOT_SVG);
    g_assert_true(sg_plot_format_from_path("a.b/forest.pdf", &f));
    g_assert_cmpint(f, ==, SG_PLOT_PDF);
    g_assert_true(sg_plot_format_from_path("forest.Png", &f));
    g_assert_cmpint(f, ==, SG_PLOT_PNG);
    g_assert_false(sg_plot_format_from_path("forest.jpg", &f));
    g_assert_false(sg_plot_format_from_path("svg", &f));
    g_assert_false(sg_plot_format_from_path("", &f));
    g_assert_false(sg_plot_format_from_path("dir.svg/forest", &f));
    g_assert_false(sg_plot_format_from_path("forest.svgz", &f));
}

static void test_three_formats(void)
{
    char *dir = g_dir_make_tmp("spygraph-plot-XXXXXX", NULL);
    g_assert_nonnull(dir);
    sg_forest plot = hostile_plot();
    gsize length;

    char *svg = draw(&plot, SG_PLOT_SVG, dir, "f.svg", &length);
    assert_svg(svg, length, dir);
    g_assert_nonnull(strstr(svg, "width=\"800px\""));
    g_free(svg);

    char *pdf = draw(&plot, SG_PLOT_PDF, dir, "f.pdf", &length);
    assert_pdf(pdf, length);
    g_free(pdf);

    char *png = draw(&plot, SG_PLOT_PNG, dir, "f.png", &length);
    g_assert_cmpuint(length, >, 24);
    g_assert_cmpmem(png, 8, "\x89PNG\r\n\x1a\n", 8);
    g_assert_cmpmem(png + 12, 4, "IHDR", 4);
    g_assert_cmpuint(png_u32(png, 16), ==, 800);
    guint32 height = png_u32(png, 20);
    g_free(png);

    /* The height grows by a row height (22 px) per row. */
    plot.n_rows = 3;
    png = draw(&plot, SG_PLOT_PNG, dir, "f3.png", &length);
    g_assert_cmpuint(png_u32(png, 16), ==, 800);
    g_assert_cmpuint(height - png_u32(png, 20), ==, 22 * (G_N_ELEMENTS(hostile_rows) - 3));
    g_free(png);

    g_assert_cmpint(g_rmdir(dir), ==, 0);
    g_free(dir);
}

static void test_deterministic(void)
{
    /* cairo numbers some SVG ids with counters shared by the whole process: the same plot drawn twice, with
     * other surfaces made in between, must still give the same bytes; so must the PDF. */
    char *dir = g_dir_make_tmp("spygraph-plot-XXXXXX", NULL);
    sg_forest plot = hostile_plot();
    sg_forest other = {.title = "Other", .share_label = "P", .rows = hostile_rows, .n_rows = 2};
    gsize svg1_length, svg2_length, pdf1_length, pdf2_length, other_length;
    char *svg1 = draw(&plot, SG_PLOT_SVG, dir, "a.svg", &svg1_length);
    char *pdf1 = draw(&plot, SG_PLOT_PDF, dir, "a.pdf", &pdf1_length);
    g_free(draw(&other, SG_PLOT_PNG, dir, "o.png", &other_length));
    g_free(draw(&other, SG_PLOT_SVG, dir, "o.svg", &other_length));
    char *svg2 = draw(&plot, SG_PLOT_SVG, dir, "b.svg", &svg2_length);
    g_assert_cmpmem(svg1, svg1_length, svg2, svg2_length);
    char *pdf2 = draw(&plot, SG_PLOT_PDF, dir, "b.pdf", &pdf2_length);
    g_assert_cmpmem(pdf1, pdf1_length, pdf2, pdf2_length);
    /* The only surface id cairo 1.16 writes is the page group's, renumbered 1. */
    for (const char *p = strstr(svg1, "id=\"surface"); p; p = strstr(p + 1, "id=\"surface"))
        g_assert_true(g_str_has_prefix(p, "id=\"surface1\""));
    g_free(svg1);
    g_free(svg2);
    g_free(pdf1);
    g_free(pdf2);
    g_assert_cmpint(g_rmdir(dir), ==, 0);
    g_free(dir);
}

static void test_zero_rows(void)
{
    char *dir = g_dir_make_tmp("spygraph-plot-XXXXXX", NULL);
    sg_forest plot = {.title = "Nothing sampled", .axis_label = "Degree", .share_label = "P(top 10)"};
    gsize length;
    char *svg = draw(&plot, SG_PLOT_SVG, dir, "z.svg", &length);
    assert_svg(svg, length, dir);
    g_free(svg);
    char *pdf = draw(&plot, SG_PLOT_PDF, dir, "z.pdf", &length);
    assert_pdf(pdf, length);
    g_free(pdf);
    char *png = draw(&plot, SG_PLOT_PNG, dir, "z.png", &length);
    g_assert_cmpmem(png, 8, "\x89PNG\r\n\x1a\n", 8);
    g_assert_cmpuint(png_u32(png, 16), ==, 800);
    g_free(png);
    /* No title or labels at all (NULL texts) and an axis below zero only. */
    sg_forest_row below[] = {{NULL, -3.5, -0.25, -1.0, 0.5}};
    sg_forest bare = {.rows = below, .n_rows = 1};
    svg = draw(&bare, SG_PLOT_SVG, dir, "b.svg", &length);
    assert_svg(svg, length, dir);
    g_free(svg);
    g_assert_cmpint(g_rmdir(dir), ==, 0);
    g_free(dir);
}

static void test_write_failure(void)
{
    /* /dev/full takes no byte: every format must report it, whether the error shows in a write cairo makes
     * (unbuffered) or only when the stream is flushed (buffered). */
    if (!g_file_test("/dev/full", G_FILE_TEST_EXISTS)) {
        g_test_skip("no /dev/full");
        return;
    }
    sg_forest plot = hostile_plot();
    const sg_plot_format formats[] = {SG_PLOT_SVG, SG_PLOT_PDF, SG_PLOT_PNG};
    for (size_t k = 0; k < G_N_ELEMENTS(formats); k++)
        for (int buffered = 0; buffered < 2; buffered++) {
            FILE *stream = fopen("/dev/full", "w");
            g_assert_nonnull(stream);
            if (!buffered)
                setvbuf(stream, NULL, _IONBF, 0);
            g_test_message("format %d buffered %d", (int)formats[k], buffered);
            g_assert_false(sg_forest_write(&plot, formats[k], stream));
            g_assert_true(ferror(stream));
            fclose(stream);
        }
}

/* ---- line charts ---- */

/* Four points (day numbers of mid-1931..1934), two lines with gaps and a band, a hostile label, markers
 * inside, across the edge, unbounded and outside the axis. */
static const double chart_x[] = {705550.0, 705915.0, 706280.0, 706646.0};
static const char *const chart_x_labels[] = {"1931", "1932", "1933", "1934"};
static const double line_a[] = {1, 1, 2, NAN};
static const double line_b[] = {NAN, 3, 1, 1};
static const double band_low[] = {NAN, 2, 1, 1};
static const double band_high[] = {NAN, 5, 2, 3};

static sg_line_chart hostile_chart(sg_line_series *series, sg_line_marker *markers)
{
    series[0] = (sg_line_series){"<b>Ozaki</b> &amp; \x1b[31m\x07", line_a, NULL, NULL};
    series[1] = (sg_line_series){"尾崎秀実 stray \xff byte", line_b, band_low, band_high};
    markers[0] = (sg_line_marker){705800.0, 705800.0, "1931-09-18  Mukden <incident> & \x1b[2J",
                                  "Mukden <incident> & \x1b[2J \xff"};
    markers[1] = (sg_line_marker){705000.0, 705500.0, "1930  before the axis, ending inside it", "before"};
    markers[2] = (sg_line_marker){-INFINITY, 706000.0, "../1932  an open start"};
    markers[3] = (sg_line_marker){800000.0, 800001.0, "far after: not drawn"};
    sg_line_chart chart = {.title = "Who mattered when <&>", .subtitle = "ranks", .y_label = "rank by betweenness",
                           .y_ranks = true, .x = chart_x, .x_labels = chart_x_labels, .n_points = 4,
                           .x_min = 705367.0, .x_max = 706828.0, .series = series, .n_series = 2,
                           .markers = markers, .n_markers = 4};
    return chart;
}

static char *draw_chart(const sg_line_chart *chart, sg_plot_format format, const char *dir, const char *name,
                        gsize *length)
{
    char *path = g_build_filename(dir, name, NULL);
    FILE *stream = fopen(path, "wb");
    g_assert_nonnull(stream);
    g_assert_true(sg_line_chart_write(chart, format, stream));
    g_assert_cmpint(fclose(stream), ==, 0);
    char *bytes = NULL;
    g_assert_true(g_file_get_contents(path, &bytes, length, NULL));
    g_assert_cmpint(g_unlink(path), ==, 0);
    g_free(path);
    return bytes;
}

static void test_chart_formats(void)
{
    char *dir = g_dir_make_tmp("spygraph-plot-XXXXXX", NULL);
    sg_line_series series[2];
    sg_line_marker markers[4];
    sg_line_chart chart = hostile_chart(series, markers);
    gsize length;
    char *svg = draw_chart(&chart, SG_PLOT_SVG, dir, "c.svg", &length);
    assert_svg(svg, length, dir);
    g_assert_nonnull(strstr(svg, "width=\"960px\""));
    g_free(svg);
    char *pdf = draw_chart(&chart, SG_PLOT_PDF, dir, "c.pdf", &length);
    assert_pdf(pdf, length);
    g_free(pdf);
    char *png = draw_chart(&chart, SG_PLOT_PNG, dir, "c.png", &length);
    g_assert_cmpmem(png, 8, "\x89PNG\r\n\x1a\n", 8);
    g_assert_cmpuint(png_u32(png, 16), ==, 960);
    guint32 height = png_u32(png, 20);
    g_free(png);
    /* The key under the chart holds the three markers on the axis, two to a row (17 px): without markers
     * the chart is two key rows and the key's heading (17 px each) shorter. */
    chart.n_markers = 0;
    png = draw_chart(&chart, SG_PLOT_PNG, dir, "n.png", &length);
    guint32 bare = png_u32(png, 20);
    g_free(png);
    g_assert_cmpuint(height - bare, >=, 3 * 17);
    /* Values, not ranks; a chart of one point and no series. */
    chart.y_ranks = false;
    chart.n_markers = 4;
    g_free(draw_chart(&chart, SG_PLOT_SVG, dir, "v.svg", &length));
    sg_line_chart empty = {.title = "", .x = chart_x, .x_labels = chart_x_labels, .n_points = 1, .x_min = 0.0,
                           .x_max = 1e6};
    svg = draw_chart(&empty, SG_PLOT_SVG, dir, "e.svg", &length);
    assert_svg(svg, length, dir);
    g_free(svg);
    g_assert_cmpint(g_rmdir(dir), ==, 0);
    g_free(dir);
}

static void test_chart_deterministic_and_limits(void)
{
    char *dir = g_dir_make_tmp("spygraph-plot-XXXXXX", NULL);
    sg_line_series series[2];
    sg_line_marker markers[4];
    sg_line_chart chart = hostile_chart(series, markers);
    gsize a_length, b_length, other_length;
    char *a = draw_chart(&chart, SG_PLOT_SVG, dir, "a.svg", &a_length);
    sg_forest other = hostile_plot();
    g_free(draw(&other, SG_PLOT_SVG, dir, "o.svg", &other_length));
    char *b = draw_chart(&chart, SG_PLOT_SVG, dir, "b.svg", &b_length);
    g_assert_cmpmem(a, a_length, b, b_length);
    g_free(a);
    g_free(b);
    /* More series than the limit: refused, nothing written. */
    sg_line_series many[SG_LINE_CHART_MAX_SERIES + 1];
    for (size_t i = 0; i < G_N_ELEMENTS(many); i++)
        many[i] = series[i % 2];
    chart.series = many;
    chart.n_series = G_N_ELEMENTS(many);
    FILE *stream = tmpfile();
    g_assert_false(sg_line_chart_write(&chart, SG_PLOT_SVG, stream));
    g_assert_cmpint(ftell(stream), ==, 0);
    fclose(stream);
    /* A failing disk under each format. */
    chart = hostile_chart(series, markers);
    const sg_plot_format formats[] = {SG_PLOT_SVG, SG_PLOT_PDF, SG_PLOT_PNG};
    for (size_t k = 0; k < G_N_ELEMENTS(formats) && g_file_test("/dev/full", G_FILE_TEST_EXISTS); k++) {
        stream = fopen("/dev/full", "w");
        g_assert_false(sg_line_chart_write(&chart, formats[k], stream));
        g_assert_true(ferror(stream));
        fclose(stream);
    }
    g_assert_cmpint(g_rmdir(dir), ==, 0);
    g_free(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    char *label = long_label();
    hostile_rows[G_N_ELEMENTS(hostile_rows) - 1].label = label;
    g_test_add_func("/plot/format-from-path", test_format_from_path);
    g_test_add_func("/plot/three-formats", test_three_formats);
    g_test_add_func("/plot/deterministic", test_deterministic);
    g_test_add_func("/plot/zero-rows", test_zero_rows);
    g_test_add_func("/plot/write-failure", test_write_failure);
    g_test_add_func("/plot/chart-formats", test_chart_formats);
    g_test_add_func("/plot/chart-deterministic-and-limits", test_chart_deterministic_and_limits);
    int status = g_test_run();
    g_free(label);
    return status;
}

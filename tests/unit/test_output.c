/* test_output.c: unit tests of the writers: display width, CSV quoting (RFC 4180), number formatting
 * (checked against Python's repr, the shortest round-trip text), the text table, and atomic output. */
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "spygraph/message.h"
#include "spygraph/output.h"

/* Runs WRITE on a memory stream and returns what it wrote (caller g_free()s). */
static char *capture(void (*write)(FILE *, const void *), const void *arg)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    g_assert_nonnull(f);
    write(f, arg);
    fclose(f);
    char *copy = g_strndup(buf, len);
    free(buf);
    return copy;
}

static void write_field(FILE *f, const void *text)
{
    sg_csv_write_field(f, text);
}

static void test_display_width(void)
{
    g_assert_cmpuint(sg_display_width(""), ==, 0);
    g_assert_cmpuint(sg_display_width("Sorge"), ==, 5);
    g_assert_cmpuint(sg_display_width("尾崎秀実"), ==, 8);         /* four wide (CJK) characters */
    g_assert_cmpuint(sg_display_width("Зорге"), ==, 5);           /* Cyrillic: narrow */
    g_assert_cmpuint(sg_display_width("e\xcc\x81"), ==, 1);       /* e + COMBINING ACUTE ACCENT */
    g_assert_cmpuint(sg_display_width("Ozaki 尾崎"), ==, 10);     /* 5 + 1 + 2 * 2 */
    g_assert_cmpuint(sg_display_width("ゾルゲ"), ==, 6);           /* katakana: wide */
}

static void test_csv_quoting(void)
{
    static const struct { const char *in, *out; } cases[] = {
        {"plain", "plain"},
        {"", ""},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"cr\rhere", "\"cr\rhere\""},
        {"尾崎", "尾崎"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = capture(write_field, cases[i].in);
        g_assert_cmpstr(got, ==, cases[i].out);
        g_free(got);
    }
}

/* OWASP "CSV Injection": a cell beginning with = + - @ TAB CR gets a ' in front and is quoted, unless
 * it is a plain number; --csv-raw (sg_csv_set_raw) writes it as it is. Expected values by hand. */
static void test_csv_formulas(void)
{
    static const struct { const char *in, *safe; } cases[] = {
        {"=1+2", "\"'=1+2\""},
        {"+SUM(A1)", "\"'+SUM(A1)\""},
        {"-2+3", "\"'-2+3\""},
        {"@cmd", "\"'@cmd\""},
        {"\tx", "\"'\tx\""},
        {"\rx", "\"'\rx\""},
        {"=HYPERLINK(\"u\")", "\"'=HYPERLINK(\"\"u\"\")\""},
        {"-1.5", "-1.5"},   /* plain numbers are numbers */
        {"+3", "+3"},
        {"-2e-3", "-2e-3"},
        {"-", "\"'-\""},
        {"a=b", "a=b"},     /* only the first character counts */
        {"", ""},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = capture(write_field, cases[i].in);
        g_assert_cmpstr(got, ==, cases[i].safe);
        g_free(got);
        sg_csv_set_raw(true);
        got = capture(write_field, cases[i].in);
        sg_csv_set_raw(false);
        bool quoted = strpbrk(cases[i].in, ",\"\r\n") != NULL;
        char *want = quoted ? NULL : g_strdup(cases[i].in);
        if (want)
            g_assert_cmpstr(got, ==, want);
        g_free(want);
        g_free(got);
    }
}

/* The terminal rule (message.h): by hand from its definition. */
static void test_term_text(void)
{
    static const struct { const char *in, *out; } cases[] = {
        {"plain", "plain"},
        {"a\\", "a\\\\"},
        {"esc\x1b[2J", "esc\\x1b[2J"},
        {"two\nlines\ttab\rcr", "two\\nlines\\ttab\\rcr"},
        {"\x01\x7f", "\\x01\\x7f"},
        {"c1\xc2\x9b[2J", "c1\\u009b[2J"},
        {"bidi\xe2\x80\xae" "evil", "bidi\\u202eevil"},
        {"bad\xff\xc3", "bad\\xff\\xc3"},
        {"尾崎 Зорге é", "尾崎 Зорге é"},
        /* what a reader cannot see or tell apart (found by a hostile review: `bom` and `bom` + U+FEFF
         * printed alike): format characters, spaces other than U+0020, variation selectors, a combining
         * mark that would compose with the letter before it (e + U+0301 against U+00E9) */
        {"bom\xef\xbb\xbf", "bom\\ufeff"},
        {"zw\xe2\x80\x8bsp rlm\xe2\x80\x8f shy\xc2\xad", "zw\\u200bsp rlm\\u200f shy\\u00ad"},
        {"a\xc2\xa0" "b\xe3\x80\x80" "c", "a\\u00a0b\\u3000c"},
        {"cafe\xcc\x81", "cafe\\u0301"},
        {"\xe2\x98\xba\xef\xb8\x8f", "\xe2\x98\xba\\ufe0f"},
        {"tag\xf3\xa0\x84\x80", "tag\\U000e0100"},
        /* a mark with nothing of its own to sit on: after a byte shown escaped (read nothing before the
         * text: a review found the step back running off its start), after an escaped mark, first */
        {"\x80\xcc\x81", "\\x80\\u0301"},
        {"e\xcc\x81\xcc\x81", "e\\u0301\\u0301"},
        {"\xcc\x81x", "\\u0301x"},
        /* Hangul spelled in conjoining jamo (letters, not marks) stays */
        {"\xe1\x84\x80\xe1\x85\xa1", "\xe1\x84\x80\xe1\x85\xa1"},
        /* a combining mark with no precomposed form stays (Devanagari ki) */
        {"\xe0\xa4\x95\xe0\xa4\xbf", "\xe0\xa4\x95\xe0\xa4\xbf"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = sg_term_text(cases[i].in);
        g_assert_cmpstr(got, ==, cases[i].out);
        g_free(got);
    }
}

static void test_number_format(void)
{
    /* Expected texts are Python's repr() of the same doubles (shortest text that reads back exactly),
     * written in %g style. */
    static const struct { double v; const char *text; } cases[] = {
        {0.1, "0.1"},
        {2.0, "2"},
        {20.0 / 105.0, "0.19047619047619047"}, /* Florentine density */
        {1.0 / 3.0, "0.3333333333333333"},
        {1e-300, "1e-300"},
        {123456789.125, "123456789.125"},
        {-0.5, "-0.5"},
        {20.0, "20"},                          /* repr 20.0: whole numbers are not put in e-notation */
        {1e15, "1000000000000000"},
        {1e16, "1e+16"},
        {1e21, "1e+21"},
        {1e-05, "1e-05"},
    };
    char buf[32];
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_assert_cmpstr(sg_format_number(cases[i].v, buf), ==, cases[i].text);
        g_assert_cmpfloat(g_ascii_strtod(buf, NULL), ==, cases[i].v);
    }
    g_assert_cmpstr(sg_format_number(NAN, buf), ==, "");
    /* Round trip over many values. */
    GRand *rand = g_rand_new_with_seed(42);
    for (int i = 0; i < 10000; i++) {
        double v = g_rand_double_range(rand, -1e6, 1e6) * (i % 2 ? 1e-9 : 1.0);
        g_assert_cmpfloat(g_ascii_strtod(sg_format_number(v, buf), NULL), ==, v);
    }
    g_rand_free(rand);
}

/* JSON numbers read back bit for bit (hand-picked cases): cJSON's own printer wrote 0.1 + 0.2
 * (0.30000000000000004) as 0.3, since %1.15g reads back within DBL_EPSILON of it, and so changed the
 * value; 1/3, sqrt(3)/2 and 2/3 need 16 or 17 digits. NaN and infinity are null, as cJSON prints them. */
static void test_json_numbers_round_trip(void)
{
    const double values[] = {0.1 + 0.2, 1.0 / 3.0, 0.8660254037844386, 2.0 / 3.0, 0.08311330258330808, 1e-300,
                             -123456.78901234567, 1e21, 3, 0};
    cJSON *root = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(root, "values");
    for (size_t i = 0; i < G_N_ELEMENTS(values); i++)
        cJSON_AddItemToArray(list, cJSON_CreateNumber(values[i]));
    cJSON_AddNumberToObject(root, "sum", 0.1 + 0.2);
    cJSON_AddNumberToObject(root, "nan", NAN);
    cJSON_AddNumberToObject(root, "inf", INFINITY);
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    g_assert_true(sg_json_write(root, f));
    fclose(f);
    g_assert_nonnull(strstr(text, "0.30000000000000004"));
    g_assert_nonnull(strstr(text, "\"nan\":\tnull"));
    g_assert_nonnull(strstr(text, "\"inf\":\tnull"));
    cJSON *back = cJSON_Parse(text);
    g_assert_nonnull(back);
    cJSON *got = cJSON_GetObjectItemCaseSensitive(back, "values");
    g_assert_cmpint(cJSON_GetArraySize(got), ==, (int)G_N_ELEMENTS(values));
    for (size_t i = 0; i < G_N_ELEMENTS(values); i++) {
        double v = cJSON_GetArrayItem(got, (int)i)->valuedouble;
        g_assert_true(memcmp(&v, &values[i], sizeof v) == 0);
    }
    double sum = cJSON_GetObjectItemCaseSensitive(back, "sum")->valuedouble;
    g_assert_true(sum == 0.1 + 0.2);
    g_assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(back, "nan")));
    cJSON_Delete(back);
    cJSON_Delete(root);
    free(text);
    /* A bare number. */
    cJSON *one = cJSON_CreateNumber(1.0 / 3.0);
    f = open_memstream(&text, &size);
    g_assert_true(sg_json_write(one, f));
    fclose(f);
    g_assert_cmpstr(text, ==, "0.3333333333333333\n");
    free(text);
    cJSON_Delete(one);
}

static void write_text_table(FILE *f, const void *table)
{
    sg_table_write_text(table, f);
}

static void write_csv_table(FILE *f, const void *table)
{
    sg_table_write_csv(table, f);
}

static sg_table *names_table(void)
{
    static const char *const names[] = {"name", "n"};
    sg_table *t = sg_table_new(2, names);
    sg_table_align(t, 1, SG_ALIGN_RIGHT);
    sg_table_add_row(t);
    sg_table_set_text(t, 0, "尾崎秀実");
    sg_table_set_int(t, 1, 7);
    sg_table_add_row(t);
    sg_table_set_text(t, 0, "Зорге, R.");
    sg_table_set_number(t, 1, 0.125, 2);
    return t;
}

static void test_text_table(void)
{
    sg_table *t = names_table();
    /* Column 1 is as wide as "Зорге, R." (9) and 尾崎秀実 (8 columns) gets one space of padding; the
     * right-aligned column is as wide as "0.12" (0.125 to 2 significant digits, %g). */
    char *text = capture(write_text_table, t);
    g_assert_cmpstr(text, ==,
                    "name          n\n"
                    "---------  ----\n"
                    "尾崎秀実      7\n"
                    "Зорге, R.  0.12\n");
    g_free(text);
    char *csv = capture(write_csv_table, t);
    g_assert_cmpstr(csv, ==, "name,n\n尾崎秀実,7\n\"Зорге, R.\",0.125\n"); /* full precision in CSV */
    g_free(csv);
    cJSON *json = sg_table_to_json(t);
    g_assert_cmpint(cJSON_GetArraySize(json), ==, 2);
    const cJSON *n = cJSON_GetObjectItem(cJSON_GetArrayItem(json, 1), "n");
    g_assert_true(cJSON_IsNumber(n));
    g_assert_cmpfloat(n->valuedouble, ==, 0.125);
    cJSON_Delete(json);
    sg_table_free(t);
}

/* Number of entries in DIR. */
static int count_entries(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    g_assert_nonnull(d);
    int n = 0;
    while (g_dir_read_name(d))
        n++;
    g_dir_close(d);
    return n;
}

static void test_atomic_output(void)
{
    char *dir = g_dir_make_tmp("spygraph-output-XXXXXX", NULL);
    g_assert_nonnull(dir);
    char *path = g_build_filename(dir, "out.csv", NULL);

    sg_output *out = sg_output_open(path);
    g_assert_nonnull(out);
    fputs("partial", out->stream);
    g_assert_cmpint(count_entries(dir), ==, 1); /* the temporary file */
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    sg_output_abort(out);
    g_assert_cmpint(count_entries(dir), ==, 0); /* abort leaves nothing */

    out = sg_output_open(path);
    fputs("done\n", out->stream);
    g_assert_true(sg_output_commit(out));
    char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "done\n");
    g_free(text);
    g_assert_cmpint(count_entries(dir), ==, 1); /* only out.csv: no temporary file left */

    /* Aborting a second write keeps the first file as it was. */
    out = sg_output_open(path);
    fputs("half", out->stream);
    sg_output_abort(out);
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "done\n");
    g_free(text);

    g_assert_cmpint(g_unlink(path), ==, 0);
    g_assert_cmpint(g_rmdir(dir), ==, 0);
    g_free(path);
    g_free(dir);
}

static void test_output_to_fifo(void)
{
    /* A FIFO (like /dev/null, a device) is written in place, not replaced by a renamed file. */
    char *dir = g_dir_make_tmp("spygraph-output-XXXXXX", NULL);
    char *path = g_build_filename(dir, "pipe", NULL);
    g_assert_cmpint(mkfifo(path, 0600), ==, 0);
    int reader = open(path, O_RDONLY | O_NONBLOCK); /* so that opening for writing does not block */
    g_assert_cmpint(reader, >=, 0);
    sg_output *out = sg_output_open(path);
    g_assert_nonnull(out);
    fputs("through\n", out->stream);
    g_assert_true(sg_output_commit(out));
    char buf[16] = {0};
    g_assert_cmpint(read(reader, buf, sizeof buf - 1), ==, 8);
    g_assert_cmpstr(buf, ==, "through\n");
    close(reader);
    struct stat st;
    g_assert_cmpint(stat(path, &st), ==, 0);
    g_assert_true(S_ISFIFO(st.st_mode));
    g_assert_cmpint(count_entries(dir), ==, 1); /* no temporary file beside it */
    g_assert_cmpint(g_unlink(path), ==, 0);
    g_assert_cmpint(g_rmdir(dir), ==, 0);
    g_free(path);
    g_free(dir);
}

static void test_output_unwritable(void)
{
    if (g_test_subprocess()) {
        g_assert_null(sg_output_open("/nonexistent-spygraph-dir/out.csv"));
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("spygraph: /nonexistent-spygraph-dir/out.csv: cannot write: the folder "
                              "'/nonexistent-spygraph-dir' does not exist\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/output/display-width", test_display_width);
    g_test_add_func("/output/csv-quoting", test_csv_quoting);
    g_test_add_func("/output/csv-formulas", test_csv_formulas);
    g_test_add_func("/output/term-text", test_term_text);
    g_test_add_func("/output/number-format", test_number_format);
    g_test_add_func("/output/text-table", test_text_table);
    g_test_add_func("/output/json-numbers-round-trip", test_json_numbers_round_trip);
    g_test_add_func("/output/atomic-output", test_atomic_output);
    g_test_add_func("/output/output-to-fifo", test_output_to_fifo);
    g_test_add_func("/output/output-unwritable", test_output_unwritable);
    return g_test_run();
}

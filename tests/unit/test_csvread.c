/* test_csvread.c: unit tests of the CSV/TSV reader: quoting, line ends, delimiters, positions, errors.
 * Every expected field, line and column is counted by hand from the input written beside it (columns
 * count characters, not bytes, from 1). */
#include <glib.h>
#include <string.h>

#include "spygraph/csvread.h"

/* Parses TEXT (delimiter detected) and asserts that it succeeds without diagnostics. */
static sg_csv *parse_ok(const char *text, size_t len)
{
    sg_diag *diag = sg_diag_new();
    sg_csv *csv = sg_csv_parse("t.csv", text, len, 0, diag);
    g_assert_nonnull(csv);
    g_assert_cmpuint(diag->count, ==, 0);
    sg_diag_free(diag);
    return csv;
}

static sg_csv *parse_str(const char *text)
{
    return parse_ok(text, strlen(text));
}

static void assert_field(const sg_csv *csv, size_t row, size_t col, const char *text, int line, int column)
{
    g_assert_cmpuint(row, <, csv->n_rows);
    g_assert_cmpuint(col, <, csv->rows[row].n_fields);
    const sg_csv_field *f = &csv->rows[row].fields[col];
    g_assert_cmpstr(f->text, ==, text);
    g_assert_cmpuint(f->length, ==, strlen(text));
    g_assert_cmpint(f->line, ==, line);
    g_assert_cmpint(f->column, ==, column);
}

/* Parses TEXT expecting failure; asserts the single error's line, column and a part of its message. */
static void assert_error(const char *text, size_t len, int line, int column, const char *part)
{
    sg_diag *diag = sg_diag_new();
    sg_csv *csv = sg_csv_parse("bad.csv", text, len, 0, diag);
    g_assert_null(csv);
    g_assert_cmpuint(diag->errors, ==, 1);
    g_assert_cmpstr(diag->items[0].file, ==, "bad.csv");
    g_assert_cmpint(diag->items[0].line, ==, line);
    g_assert_cmpint(diag->items[0].column, ==, column);
    g_assert_nonnull(strstr(diag->items[0].message, part));
    sg_diag_free(diag);
}

static void test_rfc4180_quoting(void)
{
    /* a | b,c | d"e | f<LF>g  -- columns: a=1, "b,c"=3, "d""e"=9, "f..=16 */
    sg_csv *csv = parse_str("a,\"b,c\",\"d\"\"e\",\"f\ng\"\nh,i,j,k\n");
    g_assert_cmpuint(csv->n_rows, ==, 2);
    g_assert_cmpuint(csv->rows[0].n_fields, ==, 4);
    assert_field(csv, 0, 0, "a", 1, 1);
    assert_field(csv, 0, 1, "b,c", 1, 3);
    assert_field(csv, 0, 2, "d\"e", 1, 9);
    assert_field(csv, 0, 3, "f\ng", 1, 16);
    /* The next row starts on line 3, after the line break inside the quoted field. */
    assert_field(csv, 1, 0, "h", 3, 1);
    assert_field(csv, 1, 3, "k", 3, 7);
    g_assert_cmpint(csv->rows[1].line, ==, 3);
    sg_csv_free(csv);
}

static void test_position_after_multiline_field(void)
{
    /* "x<LF>y",z<LF>w,v : z sits on line 2 after `y",` (column 4); w opens line 3. */
    sg_csv *csv = parse_str("\"x\ny\",z\nw,v\n");
    assert_field(csv, 0, 0, "x\ny", 1, 1);
    assert_field(csv, 0, 1, "z", 2, 4);
    assert_field(csv, 1, 0, "w", 3, 1);
    assert_field(csv, 1, 1, "v", 3, 3);
    sg_csv_free(csv);
}

static void test_cjk_columns(void)
{
    /* 尾崎 is 2 characters (6 bytes), Зорге 5 (10 bytes): x is the 10th character of the line. */
    sg_csv *csv = parse_str("尾崎,Зорге,x\n\"秀実\n尾崎\",y\n");
    assert_field(csv, 0, 0, "尾崎", 1, 1);
    assert_field(csv, 0, 1, "Зорге", 1, 4);
    assert_field(csv, 0, 2, "x", 1, 10);
    /* line 3 is `尾崎",y`: y is character 5 */
    assert_field(csv, 1, 1, "y", 3, 5);
    sg_csv_free(csv);
}

static void test_bom(void)
{
    /* The byte-order mark is not part of the first field, and not counted as a column. */
    sg_csv *csv = parse_str("\xEF\xBB\xBFsource,target\na,b\n");
    assert_field(csv, 0, 0, "source", 1, 1);
    assert_field(csv, 0, 1, "target", 1, 8);
    assert_field(csv, 1, 1, "b", 2, 3);
    g_assert_cmpint(csv->delimiter, ==, ',');
    sg_csv_free(csv);
}

static void test_line_ends(void)
{
    sg_csv *crlf = parse_str("a,b\r\nc,d\r\n\r\ne,f\r\n");
    g_assert_cmpuint(crlf->n_rows, ==, 3); /* the blank line is skipped */
    assert_field(crlf, 1, 0, "c", 2, 1);
    assert_field(crlf, 2, 1, "f", 4, 3);
    sg_csv_free(crlf);

    sg_csv *cr = parse_str("a,b\rc,d\r");
    g_assert_cmpuint(cr->n_rows, ==, 2);
    assert_field(cr, 1, 1, "d", 2, 3);
    sg_csv_free(cr);

    sg_csv *no_end = parse_str("a,b\nc,d"); /* no line end after the last row */
    g_assert_cmpuint(no_end->n_rows, ==, 2);
    assert_field(no_end, 1, 1, "d", 2, 3);
    sg_csv_free(no_end);
}

static void test_empty_fields(void)
{
    /* `a,,` : three fields, the last two empty, at columns 1, 3 and 4. */
    sg_csv *csv = parse_str("a,,\n,b\n");
    g_assert_cmpuint(csv->rows[0].n_fields, ==, 3);
    assert_field(csv, 0, 1, "", 1, 3);
    assert_field(csv, 0, 2, "", 1, 4);
    assert_field(csv, 1, 0, "", 2, 1);
    assert_field(csv, 1, 1, "b", 2, 2);
    sg_csv_free(csv);
}

static void test_delimiter_detection(void)
{
    g_assert_cmpint(sg_csv_detect_delimiter("a\tb,c\n", 6), ==, '\t');
    g_assert_cmpint(sg_csv_detect_delimiter("a,b;c\n", 6), ==, ',');
    g_assert_cmpint(sg_csv_detect_delimiter("a;b\nc,d\n", 8), ==, ';'); /* only the first line counts */
    g_assert_cmpint(sg_csv_detect_delimiter("\"x;y\",z", 7), ==, ',');
    g_assert_cmpint(sg_csv_detect_delimiter("\"x,y\";z", 7), ==, ';'); /* quoted commas do not count */
    g_assert_cmpint(sg_csv_detect_delimiter("abc\n", 4), ==, ',');
    g_assert_cmpint(sg_csv_detect_delimiter("", 0), ==, ',');

    sg_csv *tsv = parse_str("a b\tc,d\n");
    g_assert_cmpint(tsv->delimiter, ==, '\t');
    assert_field(tsv, 0, 0, "a b", 1, 1);
    assert_field(tsv, 0, 1, "c,d", 1, 5);
    sg_csv_free(tsv);
    sg_csv *semi = parse_str("a;\"b;c\"\n");
    g_assert_cmpint(semi->delimiter, ==, ';');
    assert_field(semi, 0, 1, "b;c", 1, 3);
    sg_csv_free(semi);
}

static void test_column_lookup(void)
{
    sg_csv *csv = parse_str("Source, target ,weight\n");
    g_assert_cmpint(sg_csv_column(&csv->rows[0], "source"), ==, 0);
    g_assert_cmpint(sg_csv_column(&csv->rows[0], "TARGET"), ==, 1);
    g_assert_cmpint(sg_csv_column(&csv->rows[0], "relation"), ==, -1);
    sg_csv_free(csv);
}

static void test_megabyte_field(void)
{
    size_t big = 1 << 20;
    GString *text = g_string_sized_new(big + 16);
    g_string_append_c(text, '"');
    for (size_t i = 0; i < big; i++)
        g_string_append_c(text, i % 1000 == 999 ? '\n' : 'x');
    g_string_append(text, "\",b\n");
    sg_csv *csv = parse_ok(text->str, text->len);
    g_assert_cmpuint(csv->n_rows, ==, 1);
    g_assert_cmpuint(csv->rows[0].fields[0].length, ==, big);
    /* 1048576 characters hold 1048 line breaks (at every 1000th): b is on line 1049, after the
     * 576 characters of the last line, the closing quote and the comma: column 579. */
    g_assert_cmpint(csv->rows[0].fields[1].line, ==, 1049);
    g_assert_cmpint(csv->rows[0].fields[1].column, ==, 579);
    sg_csv_free(csv);
    g_string_free(text, TRUE);
}

static void test_long_unbroken_field(void)
{
    /* 70,000 × 尾 (3 bytes each, 210,000 bytes with no delimiter, quote or line break) then `,b`: the
     * reader hands such a field to libcsv in pieces, which may cut a character in two; b is still
     * character 70,002 of the line. */
    GString *text = g_string_new(NULL);
    for (int i = 0; i < 70000; i++)
        g_string_append(text, "尾");
    g_string_append(text, ",b\n");
    sg_csv *csv = parse_ok(text->str, text->len);
    g_assert_cmpuint(csv->rows[0].fields[0].length, ==, 210000);
    g_assert_true(g_utf8_validate(csv->rows[0].fields[0].text, -1, NULL));
    assert_field(csv, 0, 1, "b", 1, 70002);
    sg_csv_free(csv);
    g_string_free(text, TRUE);
}

static void test_hundred_thousand_columns(void)
{
    size_t n = 100000;
    GString *text = g_string_new(NULL);
    for (size_t i = 0; i < n; i++)
        g_string_append_printf(text, "%s%zu", i ? "," : "", i % 10);
    g_string_append(text, "\na,b\n");
    sg_csv *csv = parse_ok(text->str, text->len);
    g_assert_cmpuint(csv->n_rows, ==, 2);
    g_assert_cmpuint(csv->rows[0].n_fields, ==, n);
    /* Each field is one digit plus a comma: field k (0-based) starts at column 2k + 1. */
    assert_field(csv, 0, n - 1, "9", 1, (int)(2 * (n - 1) + 1));
    assert_field(csv, 1, 1, "b", 2, 3);
    sg_csv_free(csv);
    g_string_free(text, TRUE);
}

static void test_errors(void)
{
    assert_error("", 0, 1, 1, "empty file");
    assert_error("a,b\n\"c,d\n", 9, 2, 1, "unbalanced quote");
    assert_error("a,b\nc\xff,d\n", 9, 2, 2, "invalid UTF-8 (byte 0xFF)");
    assert_error("a,b\nc,d\0\n", 9, 2, 4, "NUL byte");
    assert_error("a,\"b\"c\n", 7, 1, 6, "malformed quoted field");
    /* the bad byte after CJK text: 尾崎 counts 2 columns, so the byte is column 3 of line 2 */
    assert_error("x\n尾崎\xc3(\n", 11, 2, 3, "invalid UTF-8");
    /* an unbalanced quote is reported where its field opens, on line 3 column 3 */
    assert_error("a\r\nb\r\nc,\"d\r\ne\r\n", 15, 3, 3, "unbalanced quote");
}

static void test_check_text(void)
{
    sg_diag *diag = sg_diag_new();
    g_assert_true(sg_csv_check_text("f", "ok", 2, diag));
    g_assert_false(sg_csv_check_text("f", "\xed\xa0\x80", 3, diag)); /* a UTF-16 surrogate is not UTF-8 */
    g_assert_cmpuint(diag->errors, ==, 1);
    g_assert_cmpint(diag->items[0].column, ==, 1);
    sg_diag_free(diag);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/csvread/rfc4180-quoting", test_rfc4180_quoting);
    g_test_add_func("/csvread/position-after-multiline-field", test_position_after_multiline_field);
    g_test_add_func("/csvread/cjk-columns", test_cjk_columns);
    g_test_add_func("/csvread/bom", test_bom);
    g_test_add_func("/csvread/line-ends", test_line_ends);
    g_test_add_func("/csvread/empty-fields", test_empty_fields);
    g_test_add_func("/csvread/delimiter-detection", test_delimiter_detection);
    g_test_add_func("/csvread/column-lookup", test_column_lookup);
    g_test_add_func("/csvread/megabyte-field", test_megabyte_field);
    g_test_add_func("/csvread/long-unbroken-field", test_long_unbroken_field);
    g_test_add_func("/csvread/hundred-thousand-columns", test_hundred_thousand_columns);
    g_test_add_func("/csvread/errors", test_errors);
    g_test_add_func("/csvread/check-text", test_check_text);
    return g_test_run();
}

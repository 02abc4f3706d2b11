/* test_timeline.c: unit tests of the timeline's slices (steps, windows, labels, limits); expected values worked out by hand. */
#include <glib.h>
#include <string.h>

#include "spygraph/timeline.h"

static long day(const char *text)
{
    sg_date d;
    const char *why = NULL;
    g_assert_true(sg_date_parse(text, &d, &why));
    return sg_date_first_day(d);
}

static long last_day(const char *text)
{
    sg_date d;
    const char *why = NULL;
    g_assert_true(sg_date_parse(text, &d, &why));
    return sg_date_last_day(d);
}

static void test_step_names(void)
{
    sg_step s = SG_STEP_MONTH;
    g_assert_true(sg_step_parse("year", &s) && s == SG_STEP_YEAR);
    g_assert_true(sg_step_parse("quarter", &s) && s == SG_STEP_QUARTER);
    g_assert_true(sg_step_parse("month", &s) && s == SG_STEP_MONTH);
    g_assert_false(sg_step_parse("week", &s));
    g_assert_false(sg_step_parse("Year", &s));
    g_assert_cmpstr(sg_step_name(SG_STEP_QUARTER), ==, "quarter");
}

static void test_years(void)
{
    /* 1929-03-05 .. 1941-07-02: the years 1929 to 1941, thirteen slices, each its own year. */
    size_t n = 0;
    sg_slice *s = sg_slices_make(day("1929-03-05"), day("1941-07-02"), SG_STEP_YEAR, 1, &n);
    g_assert_cmpuint(n, ==, 13);
    g_assert_cmpstr(s[0].label, ==, "1929");
    g_assert_cmpstr(s[12].label, ==, "1941");
    char a[SG_DATE_TEXT_MAX], b[SG_DATE_TEXT_MAX];
    g_assert_cmpstr(sg_date_format(s[3].from, a), ==, "1932");
    g_assert_cmpstr(sg_date_format(s[3].to, b), ==, "1932");
    g_assert_cmpint(s[3].first_day, ==, day("1932-01-01"));
    g_assert_cmpint(s[3].last_day, ==, day("1932-12-31"));
    g_free(s);
}

static void test_quarters(void)
{
    /* 1940-11-20 .. 1941-02-01 crosses the year: 1940-Q4 (October to December), 1941-Q1. */
    size_t n = 0;
    sg_slice *s = sg_slices_make(day("1940-11-20"), day("1941-02-01"), SG_STEP_QUARTER, 1, &n);
    g_assert_cmpuint(n, ==, 2);
    g_assert_cmpstr(s[0].label, ==, "1940-Q4");
    g_assert_cmpstr(s[1].label, ==, "1941-Q1");
    char a[SG_DATE_TEXT_MAX], b[SG_DATE_TEXT_MAX];
    g_assert_cmpstr(sg_date_format(s[0].from, a), ==, "1940-10");
    g_assert_cmpstr(sg_date_format(s[0].to, b), ==, "1940-12");
    g_assert_cmpint(s[1].first_day, ==, day("1941-01-01"));
    g_assert_cmpint(s[1].last_day, ==, last_day("1941-03")); /* 31 March */
    g_free(s);
}

static void test_windows(void)
{
    /* June to September 1941 in windows of three months: June-August and July-September. */
    size_t n = 0;
    sg_slice *s = sg_slices_make(day("1941-06-15"), day("1941-09-01"), SG_STEP_MONTH, 3, &n);
    g_assert_cmpuint(n, ==, 2);
    g_assert_cmpstr(s[0].label, ==, "1941-06..1941-08");
    g_assert_cmpstr(s[1].label, ==, "1941-07..1941-09");
    g_assert_cmpint(s[1].first_day, ==, day("1941-07-01"));
    g_assert_cmpint(s[1].last_day, ==, day("1941-09-30"));
    g_free(s);
    /* Years 1930-1934 in windows of two: four slices, labelled with a hyphen. */
    s = sg_slices_make(day("1930"), last_day("1934"), SG_STEP_YEAR, 2, &n);
    g_assert_cmpuint(n, ==, 4);
    g_assert_cmpstr(s[0].label, ==, "1930-1931");
    g_assert_cmpstr(s[3].label, ==, "1933-1934");
    g_free(s);
    /* A window longer than the range: one slice, cut at the range's last step. */
    s = sg_slices_make(day("1930"), last_day("1932"), SG_STEP_YEAR, 5, &n);
    g_assert_cmpuint(n, ==, 1);
    g_assert_cmpstr(s[0].label, ==, "1930-1932");
    g_assert_cmpint(s[0].last_day, ==, last_day("1932"));
    g_free(s);
    /* A one-day range: one slice. */
    s = sg_slices_make(day("1941-07-02"), day("1941-07-02"), SG_STEP_MONTH, 1, &n);
    g_assert_cmpuint(n, ==, 1);
    g_assert_cmpstr(s[0].label, ==, "1941-07");
    g_free(s);
}

static void test_too_many(void)
{
    /* Months from 0001 to 9999: 9999 x 12 = 119,988 slices, over the limit; the count is still given. */
    size_t n = 0;
    g_assert_null(sg_slices_make(day("0001"), last_day("9999"), SG_STEP_MONTH, 1, &n));
    g_assert_cmpuint(n, ==, 119988);
    /* Years 0001-5000: exactly 5,000 slices, the limit itself. */
    sg_slice *s = sg_slices_make(day("0001"), last_day("5000"), SG_STEP_YEAR, 1, &n);
    g_assert_nonnull(s);
    g_assert_cmpuint(n, ==, SG_TIMELINE_MAX_SLICES);
    g_assert_cmpstr(s[4999].label, ==, "5000");
    g_free(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/timeline/step-names", test_step_names);
    g_test_add_func("/timeline/years", test_years);
    g_test_add_func("/timeline/quarters", test_quarters);
    g_test_add_func("/timeline/windows", test_windows);
    g_test_add_func("/timeline/too-many", test_too_many);
    return g_test_run();
}

/* test_date.c: unit tests of partial dates and intervals (expected values worked out by hand). */
#include <glib.h>
#include <limits.h>

#include "spygraph/date.h"

static sg_date parse_ok(const char *text)
{
    sg_date d;
    const char *why = NULL;
    g_assert_true(sg_date_parse(text, &d, &why));
    return d;
}

static void test_parse_precision(void)
{
    sg_date y = parse_ok("1932"), m = parse_ok("1932-12"), d = parse_ok("1941-07-02");
    g_assert_cmpint(y.year, ==, 1932);
    g_assert_cmpint(y.month, ==, 0);
    g_assert_cmpint(m.month, ==, 12);
    g_assert_cmpint(m.day, ==, 0);
    g_assert_cmpint(d.day, ==, 2);
    g_assert_true(sg_date_is_open(parse_ok("")));
}

static void test_parse_rejects(void)
{
    static const char *const bad[] = {"1941-13", "1941-00", "1941-02-30", "1900-02-29", "41", "1941-7",
                                      "1941-07-2", "1941/07", "1941-07-02x", "0000", "abcd"};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        sg_date d = {1, 1, 1};
        const char *why = NULL;
        g_assert_false(sg_date_parse(bad[i], &d, &why));
        g_assert_nonnull(why);
        g_assert_cmpint(d.year, ==, 1); /* unchanged on failure */
    }
    parse_ok("2000-02-29"); /* 2000 is a leap year (divisible by 400) */
}

static void test_days(void)
{
    /* 1932 is a leap year: 366 days; December has 31. */
    sg_date y = parse_ok("1932"), m = parse_ok("1932-12");
    g_assert_cmpint(sg_date_last_day(y) - sg_date_first_day(y) + 1, ==, 366);
    g_assert_cmpint(sg_date_last_day(m) - sg_date_first_day(m) + 1, ==, 31);
    g_assert_cmpint(sg_date_last_day(y), ==, sg_date_last_day(m));
    /* 0001-01-01 is day 0; 0002-01-01 is day 365. */
    g_assert_cmpint(sg_date_first_day(parse_ok("0001")), ==, 0);
    g_assert_cmpint(sg_date_first_day(parse_ok("0002")), ==, 365);
}

static void test_intervals(void)
{
    sg_interval tie = {parse_ok("1932-12"), parse_ok("")}; /* open end */
    g_assert_true(sg_interval_active_at(&tie, parse_ok("1932")));      /* the year overlaps December */
    g_assert_false(sg_interval_active_at(&tie, parse_ok("1932-11")));
    g_assert_true(sg_interval_active_at(&tie, parse_ok("1990-01-01")));
    g_assert_cmpint(sg_interval_last_day(&tie), ==, LONG_MAX);
    sg_interval timeless = {parse_ok(""), parse_ok("")};
    g_assert_true(sg_interval_is_timeless(&timeless));
    g_assert_true(sg_interval_active_at(&timeless, parse_ok("1941")));
    sg_interval reversed = {parse_ok("1933"), parse_ok("1932-12")};
    g_assert_true(sg_interval_is_reversed(&reversed));
    sg_interval same_year = {parse_ok("1932-12"), parse_ok("1932")}; /* 1932 ends after December starts */
    g_assert_false(sg_interval_is_reversed(&same_year));
}

static void test_day_split(void)
{
    /* Every day from 1899-12-31 to 2001-01-01 splits back to the date it came from (leap years 1900: no,
     * 2000: yes, by the Gregorian rule). */
    sg_date a = parse_ok("1899-12-31"), b = parse_ok("2001-01-01");
    for (long day = sg_date_first_day(a); day <= sg_date_first_day(b); day++) {
        int y, m, d;
        sg_day_split(day, &y, &m, &d);
        g_assert_cmpint(sg_date_first_day(sg_date_plain(y, m, d)), ==, day);
    }
    int y, m, d;
    sg_day_split(0, &y, &m, &d);
    g_assert_cmpint(y * 10000 + m * 100 + d, ==, 10101);
    sg_day_split(sg_date_first_day(parse_ok("1900-03-01")) - 1, &y, &m, &d); /* 1900 is not a leap year */
    g_assert_cmpint(y * 10000 + m * 100 + d, ==, 19000228);
}

static void test_format(void)
{
    char buf[SG_DATE_TEXT_MAX];
    g_assert_cmpstr(sg_date_format(parse_ok("1941-07-02"), buf), ==, "1941-07-02");
    g_assert_cmpstr(sg_date_format(parse_ok("1932-12"), buf), ==, "1932-12");
    g_assert_cmpstr(sg_date_format(parse_ok(""), buf), ==, "");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/date/parse-precision", test_parse_precision);
    g_test_add_func("/date/parse-rejects", test_parse_rejects);
    g_test_add_func("/date/day-split", test_day_split);
    g_test_add_func("/date/days", test_days);
    g_test_add_func("/date/intervals", test_intervals);
    g_test_add_func("/date/format", test_format);
    return g_test_run();
}

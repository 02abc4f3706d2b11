/* test_date.c: unit tests of dates (every EDTF level-1 form, the rejected forms) and intervals; expected
 * values worked out by hand. */
#include <glib.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "spygraph/date.h"

static sg_date parse_ok(const char *text)
{
    sg_date d;
    const char *why = NULL;
    if (!sg_date_parse(text, &d, &why))
        g_error("'%s' rejected: %s", text, why);
    return d;
}

/* The day number of the calendar date ISO (YYYY-MM-DD), by GLib's own calendar (an implementation other
 * than the one under test): day 0 is 0001-01-01, GLib's Julian day 1. NULL stands for an open side. */
static long day_of(const char *iso, long open)
{
    if (!iso)
        return open;
    int y, m, d;
    g_assert_cmpint(sscanf(iso, "%d-%d-%d", &y, &m, &d), ==, 3);
    GDate *g = g_date_new_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
    long n = (long)g_date_get_julian(g) - 1;
    g_date_free(g);
    return n;
}

enum { A = SG_DATE_APPROXIMATE, U = SG_DATE_UNCERTAIN, X = SG_DATE_UNSPECIFIED, R = SG_DATE_RANGE,
       O = SG_DATE_OPEN_ENDED };

/* Every accepted form with its earliest and latest possible day and its flags, worked out by hand from the
 * table in networks/README.md ("Dates"); NULL for an open side of a range. */
static const struct {
    const char *text, *first, *last;
    unsigned flags;
} forms[] = {
    {"1935", "1935-01-01", "1935-12-31", 0},
    {"1935-06", "1935-06-01", "1935-06-30", 0},
    {"1935-06-15", "1935-06-15", "1935-06-15", 0},
    {"1932-02", "1932-02-01", "1932-02-29", 0},            /* 1932 is a leap year */
    /* ~: one unit of the precision more on each side */
    {"1935~", "1934-01-01", "1936-12-31", A},
    {"1935-06~", "1935-05-01", "1935-07-31", A},
    {"1935-06-15~", "1935-06-14", "1935-06-16", A},
    {"1935-01~", "1934-12-01", "1935-02-28", A},           /* across the year's turn */
    {"1935-03-01~", "1935-02-28", "1935-03-02", A},        /* 1935: February has 28 days */
    {"1936-03-01~", "1936-02-29", "1936-03-02", A},        /* 1936: 29 */
    {"1935-12-31~", "1935-12-30", "1936-01-01", A},
    /* ?: the same days; %: widened as ~ */
    {"1935?", "1935-01-01", "1935-12-31", U},
    {"1935-06?", "1935-06-01", "1935-06-30", U},
    {"1935-06-15?", "1935-06-15", "1935-06-15", U},
    {"1935%", "1934-01-01", "1936-12-31", A | U},
    {"1935-06%", "1935-05-01", "1935-07-31", A | U},
    {"1935-06-15%", "1935-06-14", "1935-06-16", A | U},
    /* unspecified digits */
    {"193X", "1930-01-01", "1939-12-31", X},
    {"19XX", "1900-01-01", "1999-12-31", X},
    {"1935-XX", "1935-01-01", "1935-12-31", X},
    {"1935-06-XX", "1935-06-01", "1935-06-30", X},
    {"1935-XX-XX", "1935-01-01", "1935-12-31", X},
    {"000X", "0001-01-01", "0009-12-31", X},               /* year 0 is not a year */
    {"193X~", "1929-01-01", "1940-12-31", X | A},          /* widened by a year */
    {"19XX?", "1900-01-01", "1999-12-31", X | U},
    {"1935-XX~", "1934-01-01", "1936-12-31", X | A},
    {"1935-06-XX~", "1935-05-01", "1935-07-31", X | A},
    /* seasons: northern meteorological; winter runs into the next year (1936 is a leap year) */
    {"1935-21", "1935-03-01", "1935-05-31", 0},
    {"1935-22", "1935-06-01", "1935-08-31", 0},
    {"1935-23", "1935-09-01", "1935-11-30", 0},
    {"1935-24", "1935-12-01", "1936-02-29", 0},
    {"1935-21~", "1934-12-01", "1935-08-31", A},           /* a season more on each side */
    {"1935-24?", "1935-12-01", "1936-02-29", U},
    /* ranges inside one field */
    {"1934/1935", "1934-01-01", "1935-12-31", R},
    {"1934~/1935?", "1933-01-01", "1935-12-31", R | A | U},
    {"1935-06/1935", "1935-06-01", "1935-12-31", R},       /* the right side ends after the left starts */
    {"1935-06-15/1935-06-15", "1935-06-15", "1935-06-15", R},
    {"193X/1941-07", "1930-01-01", "1941-07-31", R | X},
    {"1934-05-01%/1935-06-30%", "1934-04-30", "1935-07-01", R | A | U}, /* the longest form: 23 characters */
    {"../1932", NULL, "1932-12-31", R | O},
    {"/1932", NULL, "1932-12-31", R | O},
    {"1936/..", "1936-01-01", NULL, R | O},
    {"1936/", "1936-01-01", NULL, R | O},
    {"../1932~", NULL, "1933-12-31", R | O | A},
    /* the calendar's edges: widening stops at 0001-01-01 and 9999-12-31 */
    {"0001~", "0001-01-01", "0002-12-31", A},
    {"9999-24", "9999-12-01", "9999-12-31", 0},
    {"9999-12-31~", "9999-12-30", "9999-12-31", A},
};

static void test_forms(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(forms); i++) {
        g_test_message("%s", forms[i].text);
        sg_date d = parse_ok(forms[i].text);
        g_assert_false(sg_date_is_open(d));
        g_assert_cmpint(sg_date_first_day(d), ==, day_of(forms[i].first, LONG_MIN));
        g_assert_cmpint(sg_date_last_day(d), ==, day_of(forms[i].last, LONG_MAX));
        g_assert_cmphex(d.flags, ==, forms[i].flags);
        char buf[SG_DATE_TEXT_MAX];
        g_assert_cmpstr(sg_date_format(d, buf), ==, forms[i].text); /* the written form, unchanged */
    }
    sg_date open = parse_ok("");
    g_assert_true(sg_date_is_open(open));
    g_assert_cmphex(open.flags, ==, 0);
}

/* Every rejected form with (a part of) the reason given. */
static const struct {
    const char *text, *why;
} rejects[] = {
    {"1941-07-02T10:00", "times of day"},
    {"1941-07-02T10:00:00+09:00", "times of day"},
    {"-0500", "years 1..9999 only"},
    {"12345", "years 1..9999 only"},
    {"Y12345", "years 1..9999 only"},
    {"0000", "year 0"},
    {"1XXX", "EDTF level 2"},
    {"XXXX", "EDTF level 2"},
    {"19X5", "EDTF level 2"},
    {"193X-06", "EDTF level 2"},
    {"1935-XX-15", "EDTF level 2"},
    {"1935-X6", "a whole month or day"},
    {"1935-06-1X", "a whole month or day"},
    {"?1935", "may only end the date"},
    {"1935-06?-15", "may only end the date"},
    {"1935~-06", "may only end the date"},
    {"1935~~", "more than one qualifier"},
    {"1935?~", "more than one qualifier"},
    {"~", "needs a date"},
    {"{1934,1935}", "EDTF level 2"},
    {"[1934..1935]", "EDTF level 2"},
    {"../..", "at least one end"},
    {"/", "at least one end"},
    {"../", "at least one end"},
    {"1934/1935/1936", "one /"},
    {"1936/1935", "ends before it starts"},
    {"1935-06/1935-05", "ends before it starts"},
    {"193x", "capital X"},
    {"1935 ", "spaces"},
    {"19 35", "spaces"},
    {"1935 / 1936", "spaces"},
    {"1935-25", "month out of range 01-12 (or 21-24 for a season)"},
    {"1935-13", "month out of range 01-12 (or 21-24 for a season)"},
    {"1935-00", "month out of range 01-12 (or 21-24 for a season)"},
    {"1935-21-05", "season"},
    {"1941-02-30", "day out of range"},
    {"1900-02-29", "day out of range"},                     /* 1900 is not a leap year */
    {"1941-7", "expected a date"},
    {"1941-07-2", "expected a date"},
    {"1941-07-02x", ""},
    {"41", "expected a date"},
    {"abcd", "expected a date"},
    {"1941/07", "expected a date"},                         /* 07 is no year */
    {"1934-05-01%/1935-06-30%/", "too long"},
};

static void test_rejects(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(rejects); i++) {
        g_test_message("%s", rejects[i].text);
        sg_date d = sg_date_plain(1, 0, 0);
        const char *why = NULL;
        g_assert_false(sg_date_parse(rejects[i].text, &d, &why));
        g_assert_nonnull(why);
        if (!strstr(why, rejects[i].why))
            g_error("'%s': reason '%s' does not say '%s'", rejects[i].text, why, rejects[i].why);
        g_assert_cmpstr(d.text, ==, "0001"); /* unchanged on failure */
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

static void test_plain(void)
{
    /* sg_date_plain gives what parsing the same text gives. */
    static const char *const texts[] = {"1935", "1935-06", "1935-06-15", "0001", "9999-12-31"};
    sg_date p[] = {sg_date_plain(1935, 0, 0), sg_date_plain(1935, 6, 0), sg_date_plain(1935, 6, 15),
                   sg_date_plain(1, 0, 0), sg_date_plain(9999, 12, 31)};
    for (size_t i = 0; i < G_N_ELEMENTS(texts); i++) {
        sg_date d = parse_ok(texts[i]);
        g_assert_cmpstr(p[i].text, ==, texts[i]);
        g_assert_cmpint(p[i].first, ==, d.first);
        g_assert_cmpint(p[i].last, ==, d.last);
        g_assert_cmphex(p[i].flags, ==, 0);
        g_assert_true(sg_date_equal(&p[i], &d));
    }
    sg_date a = parse_ok("1935"), b = parse_ok("1935?"), open = sg_date_open();
    g_assert_false(sg_date_equal(&a, &b)); /* the same days, written differently */
    g_assert_true(sg_date_is_open(open));
    g_assert_false(sg_date_equal(&a, &open));
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

static void test_intervals_edtf(void)
{
    /* A tie from "c. 1935" to "1934 or 1935"... read generously: it could have run 1934-01-01..1935-12-31. */
    sg_interval c = {parse_ok("1935~"), parse_ok("1934/1935")};
    g_assert_cmpint(sg_interval_first_day(&c), ==, day_of("1934-01-01", 0));
    g_assert_cmpint(sg_interval_last_day(&c), ==, day_of("1935-12-31", 0));
    g_assert_false(sg_interval_is_reversed(&c));        /* 1935~ could be 1934, before 1934/1935 ends */
    g_assert_true(sg_interval_active_at(&c, parse_ok("1934-06")));
    g_assert_false(sg_interval_active_at(&c, parse_ok("1936")));
    g_assert_false(sg_interval_active_at(&c, parse_ok("1933")));
    g_assert_true(sg_interval_active_at(&c, parse_ok("1933~")));   /* 1933~ could be 1934 */
    g_assert_false(sg_interval_active_at(&c, parse_ok("1933?")));  /* 1933? is still 1933 */
    /* "before 1932": from the beginning; a start written as an open-ended range gives LONG_MIN. */
    sg_interval before = {parse_ok("../1932"), parse_ok("1933")};
    g_assert_cmpint(sg_interval_first_day(&before), ==, LONG_MIN);
    g_assert_true(sg_interval_active_at(&before, parse_ok("1900")));
    g_assert_false(sg_interval_is_timeless(&before));
    sg_interval after = {parse_ok("1936/.."), parse_ok("")};
    g_assert_false(sg_interval_active_at(&after, parse_ok("1935")));
    g_assert_true(sg_interval_active_at(&after, parse_ok("9999")));
    g_assert_false(sg_interval_overlaps(&before, &after));
    g_assert_true(sg_interval_active_at(&after, parse_ok("1935/..")));
    /* An end that must lie before the start: the latest day the end could be (1932-12-31) is before the
     * earliest the start could be (1936-01-01). */
    sg_interval bad = {parse_ok("1936/.."), parse_ok("../1932")};
    g_assert_true(sg_interval_is_reversed(&bad));
    sg_interval close = {parse_ok("1936~"), parse_ok("1935")}; /* 1936~ could be 1935 */
    g_assert_false(sg_interval_is_reversed(&close));
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
    g_test_add_func("/date/forms", test_forms);
    g_test_add_func("/date/rejects", test_rejects);
    g_test_add_func("/date/plain", test_plain);
    g_test_add_func("/date/day-split", test_day_split);
    g_test_add_func("/date/days", test_days);
    g_test_add_func("/date/intervals", test_intervals);
    g_test_add_func("/date/intervals-edtf", test_intervals_edtf);
    g_test_add_func("/date/format", test_format);
    return g_test_run();
}

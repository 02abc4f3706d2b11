/* date.h: dates as historians write them (EDTF level 1: partial, approximate, uncertain, unspecified, ranges). */
#ifndef SPYGRAPH_DATE_H
#define SPYGRAPH_DATE_H

#include <stdbool.h>

/* The size of a buffer that holds any date's written form with its terminating NUL: the longest accepted
 * form is "1934-05-01%/1935-06-30%". */
#define SG_DATE_TEXT_MAX 24

/* What a written date says besides its days (sg_date.flags). */
enum {
    SG_DATE_APPROXIMATE = 1u << 0, /* 1935~ or 1935%: widened by one unit of its precision each side */
    SG_DATE_UNCERTAIN = 1u << 1,   /* 1935? or 1935%: the source doubts it; the days are not widened */
    SG_DATE_UNSPECIFIED = 1u << 2, /* 193X, 19XX, 1935-XX, 1935-06-XX, 1935-XX-XX */
    SG_DATE_RANGE = 1u << 3,       /* 1934/1935, ../1932, 1936/..: the date lies somewhere in the range */
    SG_DATE_OPEN_ENDED = 1u << 4,  /* a range with an open side (../1932, /1932, 1936/.., 1936/) */
};

/* A date as written, with the earliest and the latest day it could be. The open date (no date at all)
 * has text "" and is what an empty field gives. */
typedef struct sg_date {
    long first, last;            /* earliest and latest possible day (day numbers, see sg_date_first_day);
                                    LONG_MIN / LONG_MAX for an open side of a range; meaningless when open */
    unsigned flags;              /* SG_DATE_* bits */
    char text[SG_DATE_TEXT_MAX]; /* exactly as written, "" when open */
} sg_date;

/* A tie's period, or a node's lifetime. Either end may be open. */
typedef struct sg_interval {
    sg_date start;
    sg_date end;
} sg_interval;

/* Parses TEXT, one of (years 1..9999; see networks/README.md, "Dates"):
 *   1935, 1935-06, 1935-06-15            the period the date covers
 *   1935-21 .. 1935-24                   spring (Mar-May), summer (Jun-Aug), autumn (Sep-Nov), winter
 *                                        (Dec 1935 - Feb 1936)
 *   193X, 19XX, 1935-XX, 1935-06-XX, 1935-XX-XX   unspecified digits: the decade, century, year, month
 *   any of these followed by ~ (approximate: one unit of its precision more each side: a year for a year,
 *   a decade or a century, a month for a month, three months for a season, a day for a day), ? (uncertain:
 *   the same days) or % (both)
 *   A/B                                  a range, A and B any of the above; B may not end before A starts
 *   ../B, /B, A/.., A/                   a range open at one side
 * An empty string gives the open date and succeeds. No day goes beyond 0001-01-01..9999-12-31 (widening
 * stops there). Returns false on anything else (times of day, other years, EDTF level-2 forms, lowercase x,
 * spaces, impossible dates such as 1941-02-30) and sets *WHY to a static string saying what is wrong; *OUT
 * is then unchanged. O(length of TEXT). */
bool sg_date_parse(const char *text, sg_date *out, const char **why);

/* The plain date YEAR (1..9999), YEAR-MONTH (DAY 0) or YEAR-MONTH-DAY (MONTH and DAY 0 when not given),
 * with its written form; the caller guarantees it exists. O(1). */
sg_date sg_date_plain(int year, int month, int day);

/* The calendar date of day number DAY (see sg_date_first_day), proleptic Gregorian. O(1). */
void sg_day_split(long day, int *year, int *month, int *mday);

/* The open date (no date at all), as an empty field gives. O(1). */
sg_date sg_date_open(void);

/* True when D is open (no date). O(1). */
bool sg_date_is_open(sg_date d);

/* True when A and B were written the same way (an open date equals only an open date). O(length). */
bool sg_date_equal(const sg_date *a, const sg_date *b);

/* The earliest and the latest day D could be, as day numbers (days since 0001-01-01, which is day 0), so
 * 1932 covers 366 days, 1932-12 covers 31 and 1935~ covers 1934-01-01..1936-12-31. An open side of a range
 * gives LONG_MIN (first) or LONG_MAX (last). Undefined for an open date. O(1). */
long sg_date_first_day(sg_date d);
long sg_date_last_day(sg_date d);

/* Copies D's written form ("" when open) into BUF of SG_DATE_TEXT_MAX bytes and returns BUF. O(1). */
const char *sg_date_format(sg_date d, char buf[SG_DATE_TEXT_MAX]);

/* The interval's first day (its start's earliest day) and last day (its end's latest day); an open end
 * gives LONG_MIN / LONG_MAX. O(1). */
long sg_interval_first_day(const sg_interval *iv);
long sg_interval_last_day(const sg_interval *iv);

/* The interval as text in a new string (the caller g_free()s it): "" when timeless; one date when both
 * ends are the same date, or when the one written end already says the period is open ("1936/.." with no
 * end, "../1932" with no start); else "START..END", an open end left empty ("1933..", "..1941"). Dates
 * appear as written. O(1). */
char *sg_interval_text(const sg_interval *iv);

/* True when the interval has no dates at all. */
bool sg_interval_is_timeless(const sg_interval *iv);

/* True when the interval could overlap the days the date AT could be: its first day is at most AT's last
 * and its last day at least AT's first. A timeless interval overlaps every date; an open AT every interval. */
bool sg_interval_active_at(const sg_interval *iv, sg_date at);

/* True when the two intervals could share at least one day (open ends unbounded, so a timeless interval
 * overlaps everything). */
bool sg_interval_overlaps(const sg_interval *a, const sg_interval *b);

/* The days both A and B cover (call only when they overlap): the later start and the earlier end, each
 * kept as the date it was written as. */
sg_interval sg_interval_intersection(const sg_interval *a, const sg_interval *b);

/* True when the end lies before the start (both given): the latest day END could be is before the
 * earliest day START could be. */
bool sg_interval_is_reversed(const sg_interval *iv);

#endif

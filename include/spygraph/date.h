/* date.h: partial dates (1932, 1932-12, 1941-07-02) and intervals with open ends. */
#ifndef SPYGRAPH_DATE_H
#define SPYGRAPH_DATE_H

#include <stdbool.h>

/* A partial date. year == 0 means "no date" (an open end); month and day are 0 when not given. */
typedef struct sg_date {
    int year;
    int month;
    int day;
} sg_date;

/* A tie's period. Either end may be open (year 0). */
typedef struct sg_interval {
    sg_date start;
    sg_date end;
} sg_interval;

/* Parses TEXT (YYYY, YYYY-MM or YYYY-MM-DD; years 1..9999). An empty string gives the open date and
 * succeeds. Returns false on a malformed or impossible date (1941-13, 1941-02-30) and sets *WHY to a
 * static string saying what is wrong; *OUT is then unchanged. */
bool sg_date_parse(const char *text, sg_date *out, const char **why);

/* The plain date YEAR (1..9999), YEAR-MONTH (DAY 0) or YEAR-MONTH-DAY (MONTH and DAY 0 when not given);
 * the caller guarantees it exists. O(1). */
sg_date sg_date_plain(int year, int month, int day);

/* The calendar date of day number DAY (see sg_date_first_day), proleptic Gregorian. O(1). */
void sg_day_split(long day, int *year, int *month, int *mday);

/* True when D is open (no date). */
bool sg_date_is_open(sg_date d);

/* The first and the last day the partial date covers, as day numbers (days since 0001-01-01), so a
 * year covers 365 or 366 days and 1932-12 covers 31. Undefined for an open date. */
long sg_date_first_day(sg_date d);
long sg_date_last_day(sg_date d);

/* The size of a buffer that holds any date as sg_date_format writes it, with its terminating NUL. */
#define SG_DATE_TEXT_MAX 11

/* Writes D as text (YYYY, YYYY-MM or YYYY-MM-DD, "" when open) into BUF of SG_DATE_TEXT_MAX bytes. */
const char *sg_date_format(sg_date d, char buf[SG_DATE_TEXT_MAX]);

/* The interval's first and last day; an open end gives LONG_MIN / LONG_MAX. */
long sg_interval_first_day(const sg_interval *iv);
long sg_interval_last_day(const sg_interval *iv);

/* True when the interval has no dates at all. */
bool sg_interval_is_timeless(const sg_interval *iv);

/* True when the interval overlaps the days the partial date AT covers. A timeless interval overlaps
 * every date. */
bool sg_interval_active_at(const sg_interval *iv, sg_date at);

/* True when the two intervals share at least one day (open ends unbounded, so a timeless interval
 * overlaps everything). */
bool sg_interval_overlaps(const sg_interval *a, const sg_interval *b);

/* The days both A and B cover (call only when they overlap): the later start and the earlier end, each
 * kept as the partial date it was written as. */
sg_interval sg_interval_intersection(const sg_interval *a, const sg_interval *b);

/* True when the end lies before the start (both given): the last day of END is before the first day of
 * START. */
bool sg_interval_is_reversed(const sg_interval *iv);

#endif

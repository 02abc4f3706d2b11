/* date.c: parsing, comparing and formatting partial dates and intervals. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "spygraph/date.h"

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Reads exactly N digits at *P; returns -1 if they are not all digits. */
static int read_digits(const char **p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return -1;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    return v;
}

/* Days since 0001-01-01 of a full date (proleptic Gregorian). */
static long day_number(int y, int m, int d)
{
    long yy = y - 1;
    long n = yy * 365 + yy / 4 - yy / 100 + yy / 400;
    for (int i = 1; i < m; i++)
        n += days_in_month(y, i);
    return n + d - 1;
}

bool sg_date_parse(const char *text, sg_date *out, const char **why)
{
    sg_date d = {0, 0, 0};
    const char *p = text;
    if (*p == '\0') {
        *out = d;
        return true;
    }
    d.year = read_digits(&p, 4);
    if (d.year < 0 || (*p && *p != '-')) {
        *why = "expected a date as YYYY, YYYY-MM or YYYY-MM-DD";
        return false;
    }
    if (d.year == 0) {
        *why = "year 0 is not a date";
        return false;
    }
    if (*p == '-') {
        p++;
        d.month = read_digits(&p, 2);
        if (d.month < 0 || (*p && *p != '-')) {
            *why = "expected a date as YYYY, YYYY-MM or YYYY-MM-DD";
            return false;
        }
        if (d.month < 1 || d.month > 12) {
            *why = "month out of range 01-12";
            return false;
        }
        if (*p == '-') {
            p++;
            d.day = read_digits(&p, 2);
            if (d.day < 0 || *p) {
                *why = "expected a date as YYYY, YYYY-MM or YYYY-MM-DD";
                return false;
            }
            if (d.day < 1 || d.day > days_in_month(d.year, d.month)) {
                *why = "day out of range for its month";
                return false;
            }
        }
    }
    *out = d;
    return true;
}

sg_date sg_date_plain(int year, int month, int day)
{
    return (sg_date){year, month, day};
}

void sg_day_split(long day, int *year, int *month, int *mday)
{
    /* The year: its first day is at most DAY; a year has 365.2425 days on average. */
    int y = (int)(day / 365.2425) + 1;
    while (y > 1 && day_number(y, 1, 1) > day)
        y--;
    while (day_number(y + 1, 1, 1) <= day)
        y++;
    int m = 1;
    while (m < 12 && day_number(y, m + 1, 1) <= day)
        m++;
    *year = y;
    *month = m;
    *mday = (int)(day - day_number(y, m, 1)) + 1;
}

bool sg_date_is_open(sg_date d)
{
    return d.year == 0;
}

long sg_date_first_day(sg_date d)
{
    return day_number(d.year, d.month ? d.month : 1, d.day ? d.day : 1);
}

long sg_date_last_day(sg_date d)
{
    int m = d.month ? d.month : 12;
    return day_number(d.year, m, d.day ? d.day : days_in_month(d.year, m));
}

const char *sg_date_format(sg_date d, char buf[SG_DATE_TEXT_MAX])
{
    char wide[48]; /* large enough for any int, so the compiler sees no truncation */
    if (d.year == 0)
        wide[0] = '\0';
    else if (d.month == 0)
        snprintf(wide, sizeof wide, "%04d", d.year);
    else if (d.day == 0)
        snprintf(wide, sizeof wide, "%04d-%02d", d.year, d.month);
    else
        snprintf(wide, sizeof wide, "%04d-%02d-%02d", d.year, d.month, d.day);
    memcpy(buf, wide, 10);
    buf[10] = '\0';
    return buf;
}

long sg_interval_first_day(const sg_interval *iv)
{
    return sg_date_is_open(iv->start) ? LONG_MIN : sg_date_first_day(iv->start);
}

long sg_interval_last_day(const sg_interval *iv)
{
    return sg_date_is_open(iv->end) ? LONG_MAX : sg_date_last_day(iv->end);
}

bool sg_interval_is_timeless(const sg_interval *iv)
{
    return sg_date_is_open(iv->start) && sg_date_is_open(iv->end);
}

bool sg_interval_active_at(const sg_interval *iv, sg_date at)
{
    if (sg_date_is_open(at))
        return true;
    return sg_interval_first_day(iv) <= sg_date_last_day(at) && sg_date_first_day(at) <= sg_interval_last_day(iv);
}

bool sg_interval_overlaps(const sg_interval *a, const sg_interval *b)
{
    return sg_interval_first_day(a) <= sg_interval_last_day(b) && sg_interval_first_day(b) <= sg_interval_last_day(a);
}

sg_interval sg_interval_intersection(const sg_interval *a, const sg_interval *b)
{
    sg_interval out;
    out.start = sg_interval_first_day(a) >= sg_interval_first_day(b) ? a->start : b->start;
    out.end = sg_interval_last_day(a) <= sg_interval_last_day(b) ? a->end : b->end;
    return out;
}

bool sg_interval_is_reversed(const sg_interval *iv)
{
    if (sg_date_is_open(iv->start) || sg_date_is_open(iv->end))
        return false;
    return sg_date_last_day(iv->end) < sg_date_first_day(iv->start);
}

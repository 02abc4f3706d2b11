/* date.c: parsing dates as historians write them (EDTF level 1), comparing them and intervals of them. */
#include <ctype.h>
#include <glib.h>
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

/* The calendar limits: day numbers of 0001-01-01 and 9999-12-31, and month indices (year * 12 + month - 1)
 * of January 1 and December 9999. */
#define FIRST_MONTH 12L
#define LAST_MONTH (9999L * 12 + 11)

static long month_first_day(long mi)
{
    if (mi < FIRST_MONTH)
        mi = FIRST_MONTH;
    if (mi > LAST_MONTH)
        mi = LAST_MONTH;
    return day_number((int)(mi / 12), (int)(mi % 12) + 1, 1);
}

static long month_last_day(long mi)
{
    if (mi < FIRST_MONTH)
        mi = FIRST_MONTH;
    if (mi > LAST_MONTH)
        mi = LAST_MONTH;
    int y = (int)(mi / 12), m = (int)(mi % 12) + 1;
    return day_number(y, m, days_in_month(y, m));
}

static const char expected[] = "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, or an EDTF level-1 form (1935~, 1935?, "
                               "1935%, 193X, 1935-XX, 1935-21, 1934/1935, ../1932, 1936/..)";

/* Why S (a date without qualifier or range) is not one, for the forms people write by mistake; NULL when
 * no special reason applies. */
static const char *special_reason(const char *s)
{
    if (strchr(s, ' ') || strchr(s, '\t'))
        return "spaces are not accepted inside a date";
    if (*s == '-' || *s == '+')
        return "signed years are not accepted (years 1..9999 only)";
    if (*s == 'Y')
        return "Y-prefixed years are not accepted (years 1..9999 only)";
    if (*s == '{' || *s == '[')
        return "sets of dates ({1934,1935}, [1934..1935]) are EDTF level 2; write a range such as 1934/1935";
    if (strchr(s, 'x'))
        return "unspecified digits are written with a capital X (193X)";
    if (strchr(s, 'T') || strchr(s, ':'))
        return "times of day are not accepted; give the day alone (1941-07-02)";
    size_t digits = strspn(s, "0123456789");
    if (digits > 4 && (s[digits] == '\0' || s[digits] == '-'))
        return "years of more than four digits are not accepted (years 1..9999 only)";
    return NULL;
}

/* The day numbers of one date S (no range, NUL-terminated): *FIRST, *LAST and *FLAGS. Returns false and
 * sets *WHY when S is not one. */
static bool parse_single(const char *text, long *first, long *last, unsigned *flags, const char **why)
{
    char s[64];
    size_t n = strlen(text);
    if (n >= sizeof s) {
        *why = "too long to be a date";
        return false;
    }
    memcpy(s, text, n + 1);
    unsigned f = 0;
    if (n > 0 && strchr("~?%", s[n - 1])) {
        f |= s[n - 1] == '~' ? SG_DATE_APPROXIMATE : s[n - 1] == '?' ? SG_DATE_UNCERTAIN
                                                                       : SG_DATE_APPROXIMATE | SG_DATE_UNCERTAIN;
        s[--n] = '\0';
        if (n > 0 && strchr("~?%", s[n - 1])) {
            *why = "more than one qualifier; write one of ~ (approximate), ? (uncertain) or % (both)";
            return false;
        }
    }
    if (strpbrk(s, "~?%")) {
        *why = "a qualifier (~, ? or %) may only end the date; ?1935 and 1935-06?-15 are EDTF level 2";
        return false;
    }
    if (n == 0) {
        *why = "a qualifier needs a date before it";
        return false;
    }
    const char *special = special_reason(s);
    if (special) {
        *why = special;
        return false;
    }

    /* The year: four characters, digits then at most two X. */
    size_t digits = strspn(s, "0123456789"), xs = strspn(s + digits, "X");
    if (digits + xs != 4 || (s[4] && s[4] != '-')) {
        bool has_x = strchr(s, 'X') != NULL;
        *why = has_x && digits + xs < 4 && s[digits + xs] != '-' ? "unspecified digits only as the last one or two of "
                                                                   "the year (193X, 19XX); 19X5 and 1XXX are EDTF level 2"
                                                                 : expected;
        return false;
    }
    if (xs > 2) {
        *why = "unspecified digits only as the last one or two of the year (193X, 19XX); 1XXX is EDTF level 2";
        return false;
    }
    const char *p = s;
    int year = read_digits(&p, (int)digits);
    p = s + 4;
    long ylo = year, yhi = year;
    for (size_t i = 0; i < xs; i++) {
        ylo *= 10;
        yhi = yhi * 10 + 9;
    }
    if (xs) {
        f |= SG_DATE_UNSPECIFIED;
        if (*p) {
            *why = "a year with unspecified digits stands alone (193X); 193X-06 is EDTF level 2";
            return false;
        }
        if (ylo == 0)
            ylo = 1;
    } else if (year == 0) {
        *why = "year 0 is not a date";
        return false;
    }

    /* The months the date covers (LO..HI, month indices) and, for a day, the day; WIDEN is one unit of its
     * precision in months (0 for a day). */
    long lo = ylo * 12, hi = yhi * 12 + 11, widen = 12;
    int day = 0;
    if (*p == '-') {
        p++;
        if (p[0] == 'X' && p[1] == 'X') {
            f |= SG_DATE_UNSPECIFIED;
            p += 2;
            if (*p == '-') {
                p++;
                if (!(p[0] == 'X' && p[1] == 'X')) {
                    *why = isdigit((unsigned char)p[0]) ? "an unspecified month with a given day (1935-XX-15) is EDTF level 2"
                                                        : expected;
                    return false;
                }
                p += 2;
            }
        } else {
            int month = read_digits(&p, 2);
            if (month < 0 || (*p && *p != '-')) {
                *why = strchr(s, 'X') ? "unspecified digits only as a whole month or day (1935-XX, 1935-06-XX)"
                                      : expected;
                return false;
            }
            if (month >= 21 && month <= 24) {
                if (*p) {
                    *why = "a season (1935-21 .. 1935-24) has no day";
                    return false;
                }
                static const int first_month[] = {3, 6, 9, 12}; /* spring, summer, autumn, winter */
                lo = year * 12L + first_month[month - 21] - 1;
                hi = lo + 2;
                widen = 3;
            } else if (month < 1 || month > 12) {
                *why = "month out of range 01-12 (or 21-24 for a season)";
                return false;
            } else {
                lo = hi = year * 12L + month - 1;
                widen = 1;
            }
            if (*p == '-') {
                p++;
                if (p[0] == 'X' && p[1] == 'X' && !p[2]) {
                    f |= SG_DATE_UNSPECIFIED;
                    p += 2;
                } else {
                    day = read_digits(&p, 2);
                    if (day < 0 || *p) {
                        *why = strchr(s, 'X') ? "unspecified digits only as a whole month or day (1935-XX, 1935-06-XX)"
                                              : expected;
                        return false;
                    }
                    if (day < 1 || day > days_in_month(year, month)) {
                        *why = "day out of range for its month";
                        return false;
                    }
                }
            }
        }
    }
    if (*p) {
        *why = expected;
        return false;
    }
    if (day) {
        long d = day_number(year, (int)(lo % 12) + 1, day);
        bool wide = f & SG_DATE_APPROXIMATE;
        *first = wide && d > 0 ? d - 1 : d;
        *last = wide && d < day_number(9999, 12, 31) ? d + 1 : d;
    } else {
        if (f & SG_DATE_APPROXIMATE) {
            lo -= widen;
            hi += widen;
        }
        *first = month_first_day(lo);
        *last = month_last_day(hi);
    }
    *flags = f;
    return true;
}

/* True when S is an open side of a range: "" or "..". */
static bool open_side(const char *s)
{
    return *s == '\0' || strcmp(s, "..") == 0;
}

bool sg_date_parse(const char *text, sg_date *out, const char **why)
{
    sg_date d = sg_date_open();
    if (*text == '\0') {
        *out = d;
        return true;
    }
    size_t n = strlen(text);
    if (n >= SG_DATE_TEXT_MAX) {
        const char *special = special_reason(text);
        *why = special ? special : "too long to be a date";
        return false;
    }
    const char *slash = strchr(text, '/');
    if (!slash) {
        if (!parse_single(text, &d.first, &d.last, &d.flags, why))
            return false;
    } else {
        if (strchr(slash + 1, '/')) {
            *why = "a range has one / (1934/1935)";
            return false;
        }
        char left[SG_DATE_TEXT_MAX];
        memcpy(left, text, (size_t)(slash - text));
        left[slash - text] = '\0';
        const char *right = slash + 1;
        bool open_left = open_side(left), open_right = open_side(right);
        if (open_left && open_right) {
            *why = "a range needs at least one end (../1932, 1936/..); ../.. is not a date";
            return false;
        }
        unsigned lf = 0, rf = 0;
        long lfirst = LONG_MIN, llast = LONG_MIN, rfirst = LONG_MAX, rlast = LONG_MAX;
        if (!open_left && !parse_single(left, &lfirst, &llast, &lf, why))
            return false;
        if (!open_right && !parse_single(right, &rfirst, &rlast, &rf, why))
            return false;
        if (!open_left && !open_right && rlast < lfirst) {
            *why = "the range ends before it starts (the right side lies before the left)";
            return false;
        }
        d.first = lfirst;
        d.last = rlast;
        d.flags = SG_DATE_RANGE | lf | rf | (open_left || open_right ? SG_DATE_OPEN_ENDED : 0u);
    }
    memcpy(d.text, text, n + 1);
    *out = d;
    return true;
}

sg_date sg_date_plain(int year, int month, int day)
{
    sg_date d;
    memset(&d, 0, sizeof d);
    char wide[48]; /* large enough for any int, so the compiler sees no truncation */
    if (month == 0) {
        snprintf(wide, sizeof wide, "%04d", year);
        d.first = day_number(year, 1, 1);
        d.last = day_number(year, 12, 31);
    } else if (day == 0) {
        snprintf(wide, sizeof wide, "%04d-%02d", year, month);
        d.first = day_number(year, month, 1);
        d.last = day_number(year, month, days_in_month(year, month));
    } else {
        snprintf(wide, sizeof wide, "%04d-%02d-%02d", year, month, day);
        d.first = d.last = day_number(year, month, day);
    }
    size_t len = strlen(wide) < sizeof d.text ? strlen(wide) : sizeof d.text - 1;
    memcpy(d.text, wide, len);
    d.text[len] = '\0';
    return d;
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

sg_date sg_date_open(void)
{
    sg_date d;
    memset(&d, 0, sizeof d);
    d.first = LONG_MIN;
    d.last = LONG_MAX;
    return d;
}

bool sg_date_is_open(sg_date d)
{
    return d.text[0] == '\0';
}

bool sg_date_equal(const sg_date *a, const sg_date *b)
{
    return strcmp(a->text, b->text) == 0;
}

long sg_date_first_day(sg_date d)
{
    return d.first;
}

long sg_date_last_day(sg_date d)
{
    return d.last;
}

const char *sg_date_format(sg_date d, char buf[SG_DATE_TEXT_MAX])
{
    memcpy(buf, d.text, SG_DATE_TEXT_MAX);
    buf[SG_DATE_TEXT_MAX - 1] = '\0';
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

char *sg_interval_text(const sg_interval *iv)
{
    char a[SG_DATE_TEXT_MAX], b[SG_DATE_TEXT_MAX];
    if (sg_interval_is_timeless(iv))
        return g_strdup("");
    bool open_after = sg_date_is_open(iv->end) && (iv->start.flags & SG_DATE_OPEN_ENDED) &&
                      sg_date_last_day(iv->start) == LONG_MAX;
    bool open_before = sg_date_is_open(iv->start) && (iv->end.flags & SG_DATE_OPEN_ENDED) &&
                       sg_date_first_day(iv->end) == LONG_MIN;
    if (sg_date_equal(&iv->start, &iv->end) || open_after)
        return g_strdup(sg_date_format(iv->start, a));
    if (open_before)
        return g_strdup(sg_date_format(iv->end, b));
    return g_strdup_printf("%s..%s", sg_date_format(iv->start, a), sg_date_format(iv->end, b));
}

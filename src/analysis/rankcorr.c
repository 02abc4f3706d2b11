/* rankcorr.c: rank correlation with ties (values equal within SG_TIE_TOLERANCE): average ranks, Kendall's
 * tau-b and Spearman's rho. */
#include <glib.h>
#include <math.h>
#include <stdlib.h>

#include "spygraph/compare.h"

typedef struct indexed_value {
    double value;
    size_t index;
} indexed_value;

/* Ascending by value, then by index (NaN never reaches it). */
static int compare_indexed(const void *a, const void *b)
{
    const indexed_value *x = a, *y = b;
    if (x->value != y->value)
        return x->value < y->value ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

bool sg_values_tied(double a, double b)
{
    return fabs(a - b) <= SG_TIE_TOLERANCE * fmax(fabs(a), fabs(b));
}

void sg_snap_ties(const double *values, size_t n, double *snapped)
{
    indexed_value *sorted = g_new(indexed_value, n ? n : 1);
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        snapped[i] = values[i];
        if (!isnan(values[i]))
            sorted[count++] = (indexed_value){values[i], i};
    }
    qsort(sorted, count, sizeof *sorted, compare_indexed);
    double anchor = 0;
    for (size_t k = 0; k < count; k++) {
        if (k == 0 || !sg_values_tied(sorted[k].value, anchor))
            anchor = sorted[k].value;
        snapped[sorted[k].index] = anchor;
    }
    g_free(sorted);
}

void sg_rank_average(const double *values, size_t n, double *ranks)
{
    indexed_value *sorted = g_new(indexed_value, n ? n : 1);
    double *snapped = g_new(double, n ? n : 1);
    sg_snap_ties(values, n, snapped);
    for (size_t i = 0; i < n; i++)
        sorted[i] = (indexed_value){snapped[i], i};
    g_free(snapped);
    qsort(sorted, n, sizeof *sorted, compare_indexed);
    for (size_t start = 0; start < n;) {
        size_t end = start + 1;
        while (end < n && sorted[end].value == sorted[start].value)
            end++;
        double average = (double)(start + 1 + end) / 2.0; /* mean of the 1-based positions start+1..end */
        for (size_t k = start; k < end; k++)
            ranks[sorted[k].index] = average;
        start = end;
    }
    g_free(sorted);
}

static int sign_of(double d)
{
    return (d > 0) - (d < 0);
}

double sg_kendall_tau_b(const double *x_in, const double *y_in, size_t n)
{
    double *x = g_new(double, n ? n : 1), *y = g_new(double, n ? n : 1);
    sg_snap_ties(x_in, n, x);
    sg_snap_ties(y_in, n, y);
    /* n0 - n1 and n0 - n2 of the tau-b formula: pairs not tied in x, pairs not tied in y. */
    double concordant_minus_discordant = 0, untied_x = 0, untied_y = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            int sx = sign_of(x[i] - x[j]), sy = sign_of(y[i] - y[j]);
            concordant_minus_discordant += sx * sy;
            untied_x += sx != 0;
            untied_y += sy != 0;
        }
    g_free(x);
    g_free(y);
    if (untied_x == 0 || untied_y == 0)
        return NAN;
    return concordant_minus_discordant / sqrt(untied_x * untied_y);
}

double sg_spearman_rho(const double *x, const double *y, size_t n)
{
    if (n < 2)
        return NAN;
    double *rx = g_new(double, n), *ry = g_new(double, n);
    sg_rank_average(x, n, rx);
    sg_rank_average(y, n, ry);
    double mean = (double)(n + 1) / 2.0; /* average ranks always sum to n (n + 1) / 2 */
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < n; i++) {
        sxy += (rx[i] - mean) * (ry[i] - mean);
        sxx += (rx[i] - mean) * (rx[i] - mean);
        syy += (ry[i] - mean) * (ry[i] - mean);
    }
    g_free(rx);
    g_free(ry);
    if (sxx == 0 || syy == 0)
        return NAN;
    return sxy / sqrt(sxx * syy);
}

static int compare_values_descending(const void *a, const void *b, void *data)
{
    const double *value = data;
    double x = value[*(const size_t *)a], y = value[*(const size_t *)b];
    return (x < y) - (x > y);
}

void sg_competition_ranks(const double *raw, size_t n, int *rank)
{
    size_t *present = g_new(size_t, n + 1), count = 0;
    double *value = g_new(double, n + 1);
    sg_snap_ties(raw, n, value);
    for (size_t i = 0; i < n; i++) {
        rank[i] = 0;
        if (!isnan(value[i]))
            present[count++] = i;
    }
    g_qsort_with_data(present, (gint)count, sizeof *present, compare_values_descending, (gpointer)value);
    for (size_t k = 0; k < count; k++) {
        bool tied = k > 0 && value[present[k]] == value[present[k - 1]];
        rank[present[k]] = tied ? rank[present[k - 1]] : (int)k + 1;
    }
    g_free(present);
    g_free(value);
}

/* message.c: the one place diagnostics are worded, collected, sorted and printed. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spygraph/message.h"

sg_diag *sg_diag_new(void)
{
    return g_new0(sg_diag, 1);
}

void sg_diag_free(sg_diag *diag)
{
    if (!diag)
        return;
    for (size_t i = 0; i < diag->count; i++) {
        g_free(diag->items[i].file);
        g_free(diag->items[i].message);
    }
    g_free(diag->items);
    g_free(diag);
}

void sg_diag_add(sg_diag *diag, sg_severity severity, const sg_origin *origin, const char *fmt, va_list ap)
{
    if (diag->count == diag->capacity) {
        diag->capacity = diag->capacity ? diag->capacity * 2 : 16;
        diag->items = g_renew(sg_diagnostic, diag->items, diag->capacity);
    }
    sg_diagnostic *d = &diag->items[diag->count++];
    d->severity = severity;
    d->file = origin && origin->file ? g_strdup(origin->file) : NULL;
    d->line = origin ? origin->line : 0;
    d->column = origin ? origin->column : 0;
    d->message = g_strdup_vprintf(fmt, ap);
    if (severity == SG_SEV_ERROR)
        diag->errors++;
    else
        diag->warnings++;
}

void sg_diag_error(sg_diag *diag, const sg_origin *origin, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sg_diag_add(diag, SG_SEV_ERROR, origin, fmt, ap);
    va_end(ap);
}

void sg_diag_warning(sg_diag *diag, const sg_origin *origin, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sg_diag_add(diag, SG_SEV_WARNING, origin, fmt, ap);
    va_end(ap);
}

static int compare_diagnostics(const void *pa, const void *pb)
{
    const sg_diagnostic *a = pa, *b = pb;
    int c = g_strcmp0(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    return 0;
}

void sg_diag_sort(sg_diag *diag)
{
    /* g_qsort_with_data is a stable merge sort in GLib 2.74, unlike qsort. */
    if (diag->count > 1)
        g_qsort_with_data(diag->items, (gint)diag->count, sizeof *diag->items,
                          (GCompareDataFunc)(void (*)(void))compare_diagnostics, NULL);
}

char *sg_diagnostic_position(const sg_diagnostic *d)
{
    if (!d->file)
        return g_strdup("");
    if (d->line <= 0)
        return g_strdup(d->file);
    if (d->column <= 0)
        return g_strdup_printf("%s:%d", d->file, d->line);
    return g_strdup_printf("%s:%d:%d", d->file, d->line, d->column);
}

void sg_diag_print(const sg_diag *diag, bool with_warnings)
{
    for (size_t i = 0; i < diag->count; i++) {
        const sg_diagnostic *d = &diag->items[i];
        if (d->severity == SG_SEV_WARNING && !with_warnings)
            continue;
        char *pos = sg_diagnostic_position(d);
        fprintf(stderr, "spygraph: %s%s%s%s\n", pos, *pos ? ": " : "",
                d->severity == SG_SEV_WARNING ? "warning: " : "", d->message);
        g_free(pos);
    }
}

void sg_verror(const char *fmt, va_list ap)
{
    fputs("spygraph: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void sg_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sg_verror(fmt, ap);
    va_end(ap);
}

void sg_warning(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("spygraph: warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* message.c: the one place diagnostics are worded, collected, sorted and printed, and text made safe for a terminal. */
#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spygraph/message.h"
#include "spygraph/progress.h"

/* True for the characters that rearrange or break the text around them on a terminal, or that a reader
 * cannot see or tell from another: Unicode's format characters (category Cf: the bidi embeddings,
 * overrides, isolates and marks, zero-width spaces and joiners, the byte order mark U+FEFF, the soft
 * hyphen U+00AD), its line and paragraph separators (U+2028, U+2029), every space other than U+0020
 * (category Zs: U+00A0 looks like a space), the variation selectors and the combining grapheme joiner
 * (U+FE00-U+FE0F, U+E0100-U+E01EF, U+034F) and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0). */
static bool hidden_or_reordering(gunichar c)
{
    GUnicodeType type = g_unichar_type(c);
    return type == G_UNICODE_FORMAT || type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR ||
           (type == G_UNICODE_SPACE_SEPARATOR && c != ' ') || (c >= 0xfe00 && c <= 0xfe0f) ||
           (c >= 0xe0100 && c <= 0xe01ef) || c == 0x34f || c == 0x115f || c == 0x1160 || c == 0x3164 || c == 0xffa0;
}

/* True for a combining mark (categories Mn, Mc, Me): drawn on the character before it. */
static bool is_mark(gunichar c)
{
    GUnicodeType type = g_unichar_type(c);
    return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK;
}

/* Appends TEXT to OUT made safe for a terminal (the rule: message.h, sg_term_text). */
static void sg_term_append(GString *out, const char *text)
{
    const char *end = text + strlen(text);
    gunichar last = 0; /* the character last written as itself; 0 after an escape or at the start */
    for (const char *p = text; *p;) {
        unsigned char b = (unsigned char)*p;
        if (b == '\\') {
            g_string_append(out, "\\\\");
            last = 0;
            p++;
        } else if (b == '\n' || b == '\t' || b == '\r') {
            g_string_append_c(out, '\\');
            g_string_append_c(out, b == '\n' ? 'n' : b == '\t' ? 't' : 'r');
            last = 0;
            p++;
        } else if (b < 0x20 || b == 0x7f) {
            g_string_append_printf(out, "\\x%02x", b);
            last = 0;
            p++;
        } else if (b < 0x80) {
            g_string_append_c(out, (char)b);
            last = b;
            p++;
        } else {
            gunichar c = g_utf8_get_char_validated(p, end - p);
            if (c == (gunichar)-1 || c == (gunichar)-2) { /* not UTF-8: the byte itself */
                g_string_append_printf(out, "\\x%02x", b);
                last = 0;
                p++;
                continue;
            }
            const char *next = g_utf8_next_char(p);
            /* a combining mark is shown as \uNNNN when it would compose with the character before it (e +
             * U+0301 into U+00E9: the two spellings of one letter look different) or has no character of
             * its own to sit on (first, or after an escape, whose last digit it would mark) */
            gunichar composed;
            bool loose_mark = is_mark(c) && (last == 0 || g_unichar_compose(last, c, &composed));
            if ((c >= 0x80 && c <= 0x9f) || hidden_or_reordering(c) || loose_mark) {
                g_string_append_printf(out, c > 0xffff ? "\\U%08x" : "\\u%04x", (unsigned)c);
                last = 0;
            } else {
                g_string_append_len(out, p, next - p);
                last = c;
            }
            p = next;
        }
    }
}

char *sg_term_text(const char *text)
{
    GString *out = g_string_sized_new(strlen(text) + 8);
    sg_term_append(out, text);
    return g_string_free(out, FALSE);
}

/* Writes `spygraph: ` (then `warning: ` if WARNING), TEXT made terminal-safe, and a newline to standard
 * error. */
static void print_message(bool warning, const char *text)
{
    GString *line = g_string_new(warning ? "spygraph: warning: " : "spygraph: ");
    sg_term_append(line, text);
    g_string_append_c(line, '\n');
    sg_progress_pause(); /* a progress line drawn in place is cleared first, and not redrawn mid-message */
    /* a message is not data: a reader of standard error gone (EPIPE) loses it, and never ends the run by
     * SIGPIPE after its output was made */
    struct sigaction ignore = {.sa_handler = SIG_IGN}, old;
    sigemptyset(&ignore.sa_mask);
    bool swapped = sigaction(SIGPIPE, &ignore, &old) == 0;
    fputs(line->str, stderr);
    fflush(stderr);
    if (swapped)
        sigaction(SIGPIPE, &old, NULL);
    sg_progress_resume();
    g_string_free(line, TRUE);
}

void sg_term_line(FILE *stream, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    GString *line = g_string_sized_new(strlen(text) + 8);
    sg_term_append(line, text);
    g_string_append_c(line, '\n');
    fputs(line->str, stream);
    g_string_free(line, TRUE);
    g_free(text);
}

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
        char *text = g_strdup_printf("%s%s%s%s", pos, *pos ? ": " : "",
                                     d->severity == SG_SEV_WARNING ? "warning: " : "", d->message);
        print_message(false, text);
        g_free(text);
        g_free(pos);
    }
}

void sg_verror(const char *fmt, va_list ap)
{
    char *text = g_strdup_vprintf(fmt, ap);
    print_message(false, text);
    g_free(text);
}

void sg_note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sg_verror(fmt, ap);
    va_end(ap);
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
    char *text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    print_message(true, text);
    g_free(text);
}

/* message.h: uniform diagnostics (errors, warnings) with FILE:LINE:COLUMN positions, collected or printed. */
#ifndef SPYGRAPH_MESSAGE_H
#define SPYGRAPH_MESSAGE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Where something came from: a file (borrowed string), a 1-based line and column (0 when unknown). */
typedef struct sg_origin {
    const char *file;
    int line;
    int column;
} sg_origin;

typedef enum sg_severity { SG_SEV_ERROR, SG_SEV_WARNING } sg_severity;

typedef struct sg_diagnostic {
    sg_severity severity;
    char *file;    /* owned copy, may be NULL */
    int line;
    int column;
    char *message; /* owned: lower case, problem first, no full stop */
} sg_diagnostic;

/* A growing list of diagnostics. Readers add to it and go on where they can, so `validate` can list
 * every problem; other commands print the errors and stop. */
typedef struct sg_diag {
    sg_diagnostic *items;
    size_t count;
    size_t capacity;
    size_t errors;
    size_t warnings;
} sg_diag;

/* Returns a new empty list; aborts only if memory is exhausted (GLib policy). Free with sg_diag_free. */
sg_diag *sg_diag_new(void);
void sg_diag_free(sg_diag *diag);

/* Appends an error or a warning at ORIGIN (which may be NULL). The message is copied. */
void sg_diag_error(sg_diag *diag, const sg_origin *origin, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void sg_diag_warning(sg_diag *diag, const sg_origin *origin, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void sg_diag_add(sg_diag *diag, sg_severity severity, const sg_origin *origin, const char *fmt, va_list ap);

/* Sorts the list by file, line, column (stable), so reports are deterministic. */
void sg_diag_sort(sg_diag *diag);

/* Prints every error (and, if WITH_WARNINGS, every warning) to standard error as
 * `spygraph: FILE:LINE:COLUMN: message` (warnings say `warning: ` after the position), the position and
 * message made terminal-safe (sg_term_text). Messages are kept as written, unescaped, in DIAG. */
void sg_diag_print(const sg_diag *diag, bool with_warnings);

/* Formats one diagnostic's position as FILE:LINE:COLUMN (omitting what is unknown) into a new
 * string the caller frees with g_free. */
char *sg_diagnostic_position(const sg_diagnostic *d);

/* Text meant for a terminal, from data: returns a new string (g_free) in which nothing can move the
 * cursor, clear the screen, make a link, reorder the line or break it. A backslash is written doubled;
 * line feed, tab and carriage return as \n, \t, \r; other C0 control characters, DEL and every byte that
 * is not part of valid UTF-8 as \xNN; C1 control characters (U+0080-U+009F), the bidi embeddings,
 * overrides and isolates (U+202A-U+202E, U+2066-U+2069) and U+2028, U+2029 as \uNNNN. Everything else,
 * CJK and Cyrillic included, is kept, so distinct texts stay distinct. Linear in the length. Every
 * message (sg_error, sg_warning, sg_diag_print), every text table (sg_table_write_text) and every other
 * line of text output (sg_term_line) goes through it. */
char *sg_term_text(const char *text);
/* Formats one line of text output (FMT as printf), writes it to STREAM through sg_term_text as a whole,
 * then a newline: a line feed inside the text shows as \n and cannot start a line of its own. */
void sg_term_line(FILE *stream, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints `spygraph: message` to standard error, from a va_list (for wrappers such as usage errors). */
void sg_verror(const char *fmt, va_list ap);
/* Prints `spygraph: message` to standard error (for errors without a position), the whole formatted
 * message through sg_term_text (so does sg_verror, sg_warning). */
void sg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints `spygraph: message` to standard error: a note on a result that is neither an error nor a warning
 * (what an estimate promises, when the output has no place for it). */
void sg_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints `spygraph: warning: message` to standard error. */
void sg_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

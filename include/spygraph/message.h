/* message.h: uniform diagnostics (errors, warnings) with FILE:LINE:COLUMN positions, collected or printed. */
#ifndef SPYGRAPH_MESSAGE_H
#define SPYGRAPH_MESSAGE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

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
 * `spygraph: FILE:LINE:COLUMN: message` (warnings say `warning: ` after the position). */
void sg_diag_print(const sg_diag *diag, bool with_warnings);

/* Formats one diagnostic's position as FILE:LINE:COLUMN (omitting what is unknown) into a new
 * string the caller frees with g_free. */
char *sg_diagnostic_position(const sg_diagnostic *d);

/* Prints `spygraph: message` to standard error, from a va_list (for wrappers such as usage errors). */
void sg_verror(const char *fmt, va_list ap);
/* Prints `spygraph: message` to standard error (for errors without a position). */
void sg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints `spygraph: warning: message` to standard error. */
void sg_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

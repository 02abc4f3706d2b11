/* textlines.h: line-by-line reading of the plain-text graph formats (Pajek, SIF, whitespace edge lists). */
#ifndef SPYGRAPH_IO_TEXTLINES_H
#define SPYGRAPH_IO_TEXTLINES_H

#include <stdbool.h>
#include <stddef.h>

#include "spygraph/message.h"

/* Checks that the LEN bytes at DATA are a non-empty UTF-8 text without NUL bytes. On failure adds
 * "not a readable FORMAT file: ..." (FORMAT NULL: CSV's own wording, "empty file", "NUL byte in text") at
 * FILE:LINE:COLUMN of the offending byte to DIAG and returns false. O(LEN). */
bool sg_text_check(const char *file, const char *format, const char *data, size_t len, sg_diag *diag);

/* A walk through the lines of a text: LF, CRLF and a lone CR each end a line (as sg_text_position counts
 * them); a leading UTF-8 byte-order mark is skipped. */
typedef struct sg_text_lines {
    const char *data;
    size_t len;
    size_t pos;
    int line; /* the number of the line last returned */
} sg_text_lines;

/* Starts R at the first line of the LEN bytes at DATA (borrowed: it must outlive R). */
void sg_text_lines_init(sg_text_lines *r, const char *data, size_t len);
/* Sets *START and *LEN to the next line (without its line break) and *NUMBER to its 1-based number;
 * returns false at the end of the text. O(length of the line). */
bool sg_text_lines_next(sg_text_lines *r, const char **start, size_t *len, int *number);

/* The 1-based column (in characters, as sg_text_position counts them) of the byte AT of the line that
 * starts at LINE. O(AT - LINE). */
int sg_text_column(const char *line, const char *at);

/* True when the LEN bytes at TEXT are a decimal number as g_ascii_strtod reads it, whole (not empty, not
 * inf or nan): a weight, a coordinate, a SIF interaction that is not one. O(LEN). */
bool sg_text_is_number(const char *text, size_t len);

/* True for the blanks that separate tokens: space, tab, vertical tab, form feed. */
bool sg_text_is_blank(char c);

#endif

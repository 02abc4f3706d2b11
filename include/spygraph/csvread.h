/* csvread.h: RFC 4180 CSV/TSV reading over libcsv, with a line and column for every field. */
#ifndef SPYGRAPH_CSVREAD_H
#define SPYGRAPH_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "spygraph/message.h"

typedef struct sg_csv_field {
    char *text;    /* NUL-terminated (the field holds no NUL: such input is rejected) */
    size_t length;
    int line;      /* 1-based line where the field starts */
    int column;    /* 1-based column (in characters) where the field starts */
} sg_csv_field;

typedef struct sg_csv_row {
    sg_csv_field *fields;
    size_t n_fields;
    int line;      /* line where the row starts */
} sg_csv_row;

typedef struct sg_csv {
    sg_csv_row *rows;
    size_t n_rows;
    char delimiter;
    void *arena_;  /* private: field text */
    void *fields_; /* private: all fields */
} sg_csv;

/* Chooses the delimiter from the first line outside quotes: tab, else comma, else semicolon, else
 * comma. */
char sg_csv_detect_delimiter(const char *data, size_t len);

/* Sets *LINE and *COLUMN (1-based; columns count characters, and LF, CRLF or a lone CR ends a line; a
 * leading UTF-8 byte-order mark takes no column) to the position of byte OFFSET of DATA. Every reader
 * reports positions this way. O(OFFSET): to place many offsets, use a cursor. */
void sg_text_position(const char *data, size_t offset, int *line, int *column);

/* A position moving forward through a text: LINE and COLUMN of byte OFFSET of DATA, counted as
 * sg_text_position counts them. Placing offsets in increasing order costs O(length of the text) in all. */
typedef struct sg_text_cursor {
    const char *data;
    size_t offset;
    int line, column;
    bool prev_cr;
} sg_text_cursor;

/* Starts C at the start of the LEN bytes at DATA (after a byte-order mark: line 1, column 1). */
void sg_text_cursor_init(sg_text_cursor *c, const char *data, size_t len);
/* Moves C forward to byte OFFSET (an offset before C's own leaves it where it is). */
void sg_text_cursor_move(sg_text_cursor *c, size_t offset);

/* Checks that DATA is non-empty UTF-8 without NUL bytes. On failure adds an error at the offending
 * FILE:LINE:COLUMN to DIAG and returns false. */
bool sg_csv_check_text(const char *file, const char *data, size_t len, sg_diag *diag);

/* Parses LEN bytes (a leading UTF-8 byte-order mark is skipped) with DELIMITER (0: detect). Blank lines
 * are skipped. Returns a table the caller frees with sg_csv_free, or NULL after adding an error to DIAG
 * (empty input, invalid UTF-8, NUL byte, unbalanced quote, or "out of memory reading the file": every
 * allocation whose size the input decides can fail without aborting). FILE is used in messages. O(LEN). */
sg_csv *sg_csv_parse(const char *file, const char *data, size_t len, char delimiter, sg_diag *diag);
void sg_csv_free(sg_csv *csv);

/* Index of the header column named NAME (case-insensitive, blanks trimmed) in ROW, or -1. */
int sg_csv_column(const sg_csv_row *header, const char *name);

#endif

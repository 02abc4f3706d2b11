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

/* Sets *LINE and *COLUMN (1-based; columns count characters, and LF, CRLF or a lone CR ends a line) to the
 * position of byte OFFSET of DATA. Every reader reports positions this way. */
void sg_text_position(const char *data, size_t offset, int *line, int *column);

/* Checks that DATA is non-empty UTF-8 without NUL bytes. On failure adds an error at the offending
 * FILE:LINE:COLUMN to DIAG and returns false. */
bool sg_csv_check_text(const char *file, const char *data, size_t len, sg_diag *diag);

/* Parses LEN bytes (a leading UTF-8 byte-order mark is skipped) with DELIMITER (0: detect). Blank lines
 * are skipped. Returns a table the caller frees with sg_csv_free, or NULL after adding an error to DIAG
 * (empty input, invalid UTF-8, NUL byte, unbalanced quote). FILE is used in messages. */
sg_csv *sg_csv_parse(const char *file, const char *data, size_t len, char delimiter, sg_diag *diag);
void sg_csv_free(sg_csv *csv);

/* Index of the header column named NAME (case-insensitive, blanks trimmed) in ROW, or -1. */
int sg_csv_column(const sg_csv_row *header, const char *name);

#endif

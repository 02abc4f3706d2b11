/* output.h: where results go (standard output or a file written atomically) and the table/CSV/JSON writers. */
#ifndef SPYGRAPH_OUTPUT_H
#define SPYGRAPH_OUTPUT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "spygraph/model.h"
#include "spygraph/reading.h"

typedef enum sg_format { SG_FORMAT_TABLE, SG_FORMAT_CSV, SG_FORMAT_JSON } sg_format;

/* Parses "table", "csv", "json"; returns false if unknown. */
bool sg_format_parse(const char *text, sg_format *out);

/* An output destination: standard output, a file, or a device written in place.
 *
 * A file is written to a temporary file beside its target (".NAME.XXXXXX"), renamed over the target only
 * when everything was written, flushed and closed; otherwise the temporary file is removed, so a failed
 * run leaves no partial file and an existing file stays as it was. The replaced file keeps its mode (and,
 * where the user may set them, its owner and group); a new file gets 0666 less the umask, as fopen would
 * make it. A symbolic link is written through: its final target is replaced (or created, for a dangling
 * link) and the link stays a link. A device, a FIFO or a socket (/dev/null, /dev/stdout) is written in
 * place. A folder, or a folder that does not exist, is an error naming the path.
 *
 * Every failed write, flush or close (a full disk, /dev/full, a closed pipe) is reported once, as
 * `spygraph: PATH: cannot write: REASON` or `spygraph: cannot write standard output: REASON`, REASON being
 * the system's (strerror). Temporary files are registered so that SIGHUP, SIGINT, SIGPIPE and SIGTERM
 * remove them (sg_output_install_signal_handlers). */
typedef struct sg_output_set sg_output_set;
typedef struct sg_output {
    FILE *stream;       /* write here; the other members are the output module's */
    char *name;         /* the path as given, or NULL for standard output */
    char *target;       /* the file renamed over, symbolic links resolved; NULL when written in place */
    char *tmp_path;     /* the temporary file; NULL for standard output or a device written in place */
    int fd;             /* the descriptor STREAM writes to */
    int error;          /* errno of the first failed write or close, 0 if none */
    int slot;           /* the temporary file's place in the signal handler's list, or -1 */
    int state;          /* open, staged (written and closed) or failed */
    sg_output_set *set; /* the set it belongs to; a set of its own when opened outside one */
} sg_output;

/* Opens PATH ("-" or NULL: standard output). Returns NULL after printing an error when PATH cannot be
 * written (a folder, a missing folder, no permission). Pass the result to sg_output_commit or
 * sg_output_abort exactly once. Between sg_output_set_begin and sg_output_set_end, the output joins
 * that set. O(length of PATH) plus the system calls. */
sg_output *sg_output_open(const char *path);
/* Flushes and closes OUT and, outside a set, renames the file into place. Returns false after printing
 * the error (file name and the system's reason) and removing the temporary file. Inside a set the file
 * is only staged: it is renamed when the set ends. Frees OUT (in a set: the set frees it at its end). */
bool sg_output_commit(sg_output *out);
/* Discards everything written and frees OUT; inside a set, the whole set fails. A write that had failed
 * (the stream's error) is reported, since the writer that gave up did not. NULL is allowed. */
void sg_output_abort(sg_output *out);

/* Several outputs of one command, committed together: every sg_output_open until sg_output_set_end
 * joins the returned set, and the files are renamed into place only when every one of them was
 * committed without error; otherwise none is and every temporary file is removed (standard output and
 * devices, written as they go, cannot be taken back). One set at a time. Never fails. */
sg_output_set *sg_output_set_begin(void);
/* Ends SET: when OK and every output that joined it was committed, renames all its files into place and
 * returns true; otherwise (or when a rename fails, after printing the error) removes every temporary
 * file still there and returns false. Outputs neither committed nor aborted count as failed. Frees SET
 * and its outputs. */
bool sg_output_set_end(sg_output_set *set, bool ok);

/* Installs handlers of SIGHUP, SIGINT, SIGPIPE and SIGTERM (those not ignored when the program started)
 * that remove the temporary files of the outputs still open, then end the process by the same signal.
 * Call once, at start. The handler only calls unlink, sigaction and raise (async-signal-safe). */
void sg_output_install_signal_handlers(void);

/* A folder of files written whole (an export's tables): the files are written into a temporary folder beside
 * PATH (".NAME.XXXXXX"), which takes PATH's place only when everything was written; otherwise it is removed,
 * and a folder already at PATH stays as it was. An existing folder is replaced only when it holds nothing but
 * entries named in REPLACEABLE (NULL-terminated; what the writer itself writes), so a user's folder is never
 * removed; a file at PATH, standard output ("-") or a folder holding anything else is an error naming it. */
typedef struct sg_output_folder sg_output_folder;
/* Returns the folder being written, or NULL after printing the error. */
sg_output_folder *sg_output_folder_open(const char *path, const char *const *replaceable);
/* The temporary folder to write the files into (borrowed from F). */
const char *sg_output_folder_path(const sg_output_folder *f);
/* Puts the folder in place (replacing the old one) and frees F. Returns false after printing the error (the
 * temporary folder is then removed). */
bool sg_output_folder_commit(sg_output_folder *f);
/* Removes the temporary folder and frees F. NULL is allowed. */
void sg_output_folder_abort(sg_output_folder *f);

/* Display width in terminal columns of a UTF-8 string: wide (CJK) characters count 2, combining marks
 * 0, others 1 (a byte that is not UTF-8 counts 1). */
size_t sg_display_width(const char *text);

/* A table of text cells, written as an aligned text table, as RFC 4180 CSV, or as a JSON array of
 * objects (numeric cells as numbers). */
typedef struct sg_table sg_table;

typedef enum sg_align { SG_ALIGN_LEFT, SG_ALIGN_RIGHT } sg_align;

/* Returns a new table with N_COLUMNS columns named by NAMES (copied). Free with sg_table_free. */
sg_table *sg_table_new(size_t n_columns, const char *const *names);
void sg_table_free(sg_table *table);
/* Sets a column's alignment in the text table (default left). */
void sg_table_align(sg_table *table, size_t column, sg_align align);
/* Starts a new row; its cells are then set with sg_table_set_* (unset cells are empty / null). */
void sg_table_add_row(sg_table *table);
/* Sets a text cell of the current row (TEXT copied; NULL is empty). */
void sg_table_set_text(sg_table *table, size_t column, const char *text);
/* Sets a numeric cell: shown with %.*g to DIGITS significant digits in text, full precision (%.17g,
 * shortest round-trip) in CSV and JSON. NaN is written as empty / null. */
void sg_table_set_number(sg_table *table, size_t column, double value, int digits);
/* Sets an integer cell. */
void sg_table_set_int(sg_table *table, size_t column, long long value);
size_t sg_table_rows(const sg_table *table);

/* Writers. sg_table_write_csv starts with a byte-order mark when sg_csv_bom(). The text table has a header line, a rule, and columns padded by display width; every header
 * and cell is written terminal-safe (sg_term_text, message.h), so a control character, an escape sequence
 * or a line feed in a name shows as \x1b or \n and cannot split a row. CSV: sg_csv_write_field. */
void sg_table_write_text(const sg_table *table, FILE *stream);
void sg_table_write_csv(const sg_table *table, FILE *stream);
/* Returns a new JSON array of objects (caller owns it). */
cJSON *sg_table_to_json(const sg_table *table);

/* Writes one CSV field (RFC 4180), quoted when it holds the delimiter, a quote or a line break. Unless
 * sg_csv_set_raw(true), a field a spreadsheet would run as a formula (sg_csv_formula_like) is written as
 * OWASP's "CSV Injection" advice says: a single quote before it, the whole quoted ("'=1+2"). The field is
 * otherwise kept byte for byte (control characters included: CSV is lossless). */
void sg_csv_write_field(FILE *stream, const char *text);
/* Writes one CSV field (RFC 4180) exactly as TEXT is, quoted when it holds a comma, a quote or a line break,
 * never defused (whatever sg_csv_set_raw says): for CSV that spygraph itself reads back, such as an export's
 * tables, which must be lossless. O(length of TEXT). */
void sg_csv_write_raw_field(FILE *stream, const char *text);
/* True when TEXT begins with =, +, -, @, a tab or a carriage return (OWASP's list) and is not a plain
 * decimal number such as -1.5 or +3 (which a spreadsheet reads as that number). */
bool sg_csv_formula_like(const char *text);
/* RAW: write formula-like fields as they are (--csv-raw, for programs); the default, false, defuses them
 * for spreadsheets. A process-wide setting, made once while the options are parsed. */
void sg_csv_set_raw(bool raw);
/* BOM: begin every CSV output (sg_table_write_csv, and the CSV files an export writes) with a UTF-8
 * byte-order mark (--bom), so that Excel reads the file as UTF-8 and shows CJK and Cyrillic names. A
 * process-wide setting, made once while the options are parsed; false by default. */
void sg_csv_set_bom(bool bom);
bool sg_csv_bom(void);
/* Formats a number the way CSV and JSON output do (shortest text that reads back to the same double)
 * into BUF of 32 bytes. */
const char *sg_format_number(double value, char buf[32]);

/* Returns a new JSON object {"name", "id", "sha256", "hypothesis": ids joined by '+' | null, "reading":
 * sg_json_reading} describing NET's input and how it was read, for every JSON output. */
cJSON *sg_json_network(const sg_network *net);
/* Returns a new JSON object describing reading R (NULL: the base network as loaded): {"hypotheses":
 * [ids], "at": date|null, "between": {"from", "to"}|null, "fold": [kinds], "relations": "all" |
 * "channels" | "name,name", "kinds": [kinds], "direction": "default" (the command's or measure's own) |
 * "directed" | "undirected"}. */
cJSON *sg_json_reading(const sg_reading *r);
/* Returns a new JSON number holding VALUE exactly (a double cannot hold every 64-bit integer, such as a
 * seed): written as its decimal digits. */
cJSON *sg_json_uint64(uint64_t value);

/* Prints JSON (formatted by cJSON: one member a line, tab indents, in the order built) and a newline.
 * Inside strings every control character (U+0000-U+001F, DEL, U+0080-U+009F) and U+2028, U+2029 is a
 * \uNNNN escape, so the text is lossless and safe to show on a terminal.
 * Numbers are written as sg_format_number writes them, the shortest text that parses back to the same
 * double (NaN and infinities as null), not with cJSON's own %1.15g, which may not round-trip. Returns
 * false on allocation failure (nothing written then). */
bool sg_json_write(const cJSON *json, FILE *stream);
/* The same without spaces, line breaks or indents between members (for data embedded in a page); false on
 * allocation failure, nothing written then. O(size of JSON). */
bool sg_json_write_compact(const cJSON *json, FILE *stream);

#endif

/* cmd.h: the shape of a command's entry, option parsing shared by every command, and the commands' entries. */
#ifndef SPYGRAPH_CMD_H
#define SPYGRAPH_CMD_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "spygraph/plot.h"
#include "spygraph/spygraph.h"

typedef struct sg_command sg_command;

/* One subcommand: its name, its entry point, and everything `help` prints about it. */
struct sg_command {
    const char *name;
    int (*run)(const sg_command *self, int argc, char **argv);
    const char *args;    /* positional arguments, e.g. "NETWORK FROM TO" */
    int min_args;        /* positional argument counts, checked before the command runs */
    int max_args;
    const char *summary; /* one line for `spygraph --help` */
    const char *help;    /* options, defaults and conventions for `spygraph help NAME` */
    bool own_format;     /* the command reads -f/--format itself (through its option handler) */
    bool writes_csv_files; /* with own_format: some of its outputs are CSV files all the same (export's
                              tables), so --bom applies */
    bool reads;          /* the command takes the reading options (sg_reading_options_help) */
    bool channels_only;  /* its reading keeps only channel relations unless --relations says otherwise */
    const char *direction_help; /* what the command does by default with direction (for the help) */
    /* Optional: prints the parts of the help made at run time (lists whose source of truth is a table in
     * the library), where HELP holds SG_HELP_EXTRA (help.h). NULL: HELP is printed as it is. */
    void (*help_extra)(FILE *stream);
};

/* Exit codes. */
enum { SG_EXIT_OK = 0, SG_EXIT_DATA = 1, SG_EXIT_USAGE = 2 };

/* Option codes shared by the commands (long options without a short form start at 0x100). */
enum {
    SG_OPT_HYPOTHESIS = 0x100,
    SG_OPT_AT,
    SG_OPT_BETWEEN,
    SG_OPT_RELATIONS,
    SG_OPT_EXCLUDE_RELATIONS,
    SG_OPT_KINDS,
    SG_OPT_FOLD,
    SG_OPT_DIRECTED,
    SG_OPT_UNDIRECTED,
    SG_OPT_FIRST_COMMAND_OPTION = 0x200 /* commands number their own options from here */
};

/* The parsed common options and positional arguments. */
typedef struct sg_options {
    sg_reading reading;      /* the reading options; its hypothesis list lives until the program exits */
    sg_relation_set route_relations; /* the relations a route follows under these options, as paths, reach
                                        and cut read them: --relations (else the channel relations) less
                                        --exclude-relations; may be empty */
    sg_format format;        /* table by default */
    bool format_given;
    const char *output;      /* NULL: standard output */
    char **args;             /* positional arguments (borrowed from argv) */
    int n_args;
} sg_options;

/* Called for an option the common parser does not know; returns 0 if handled, SG_EXIT_USAGE after
 * printing the problem with sg_usage_error. */
typedef int (*sg_option_handler)(const sg_command *cmd, int opt, const char *arg, void *ctx);

/* Parses ARGV (argv[0] is the command name) with the common options plus EXTRA (terminated by a zero
 * entry, may be NULL) handled by HANDLER. Returns -1 to go on, SG_EXIT_OK after printing --help, or
 * SG_EXIT_USAGE after printing the problem and the usage. */
int sg_parse_options(const sg_command *cmd, int argc, char **argv, const struct option *extra,
                     sg_option_handler handler, void *ctx, sg_options *opts);

/* Parses ARG, the value of OPTION, as a whole number in [MIN, MAX] into *OUT. Returns 0, or SG_EXIT_USAGE
 * after printing `bad OPTION 'ARG': expected a whole number ...` and the usage. */
int sg_parse_whole(const sg_command *cmd, const char *option, const char *arg, long min, long max, long *out);

/* Parses ARG, the value of OPTION, as a plain decimal number (not hexadecimal, "nan" or "inf") from MIN
 * (included when MIN_INCLUDED) to MAX (included) into *OUT. Returns 0, or SG_EXIT_USAGE after printing
 * `bad OPTION 'ARG': expected EXPECTED` and the usage. */
int sg_parse_decimal(const sg_command *cmd, const char *option, const char *arg, double min, double max,
                     bool min_included, const char *expected, double *out);
/* Parses ARG, the value of --measure, as one of sg_centrality_measures() into *OUT (ARG itself). Returns 0,
 * or SG_EXIT_USAGE after printing the problem with the measures known. */
int sg_parse_measure(const sg_command *cmd, const char *arg, const char **out);
/* Parses ARG, the value of --interval, as a percentage in (0, 100) into *OUT. Returns 0 or SG_EXIT_USAGE. */
int sg_parse_interval(const sg_command *cmd, const char *arg, double *out);
/* Takes ARG, the value of --plot, as the chart's file: *PATH = ARG and *FORMAT from its extension (.svg, .pdf
 * or .png, sg_plot_format_from_path). Returns 0 or SG_EXIT_USAGE. */
int sg_parse_plot(const sg_command *cmd, const char *arg, const char **path, sg_plot_format *format);
/* Checks GIVEN, a --group-by attribute (NULL: none given), against NET's node attributes, and with
 * BROKERAGE (brokerage is computed) that there are groups: GIVEN, or the default affiliation. Returns -1 to
 * go on, or SG_EXIT_USAGE after printing the problem (with the attributes known). */
int sg_check_group_by(const sg_command *cmd, const sg_network *net, const char *given, bool brokerage);
/* Prints `spygraph: PROBLEM` and the command's usage to standard error; returns SG_EXIT_USAGE. */
int sg_usage_error(const sg_command *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints the command's full help to STREAM. */
void sg_command_help(const sg_command *cmd, FILE *stream);
/* Prints LEAD, then ITEMS (terminated by NULL) joined by ", " and a newline, breaking lines so that none
 * is longer than WIDTH columns; continuation lines are indented by INDENT spaces. For help lists generated
 * from a library table. */
void sg_help_list(FILE *stream, const char *lead, const char *const *items, int indent, int width);
/* Prints LEAD then the words of TEXT, wrapped at 100 columns with continuation lines indented as wide as
 * LEAD. */
void sg_help_wrap(FILE *stream, const char *lead, const char *text);

/* Loads the NETWORK argument (opts->args[0]) as it is. Prints every error and returns NULL on failure; the
 * caller unrefs the result. */
sg_network *sg_cmd_load_base(const sg_options *opts);
/* Loads the NETWORK argument and reads it as opts->reading says (sg_reading_network). Prints every error
 * and returns NULL on failure; the caller unrefs the result. */
sg_network *sg_cmd_load(const sg_options *opts);
/* Reads BASE (borrowed) as opts->reading says. Prints every error and returns NULL on failure; the caller
 * unrefs the result. */
sg_network *sg_cmd_read(const sg_options *opts, sg_network *base);
/* The whole network BASE (borrowed) is a reading of: the union of the base and all its hypotheses (every
 * node and tie any of them has), or a new reference to BASE when it has none, so that every picture of a
 * network can colour its groups alike. Prints every error and returns NULL on failure; the caller unrefs
 * it. */
sg_network *sg_cmd_whole(sg_network *base);

/* How NET was read, in words, for the first line of a table: "direction ignored" or "ties followed in
 * their direction" (DIRECTED), then the reading's choices in brackets (sg_reading_describe). The caller g_free()s it. */
char *sg_cmd_reading_text(const sg_network *net, bool directed);

/* How N nodes are named in prose and charts: each LABELS[i], with IDS[i] after it in brackets when another
 * of the N has the same label, or IDS[i] alone when the label is empty. Returns a NULL-terminated array the
 * caller g_strfreev()s. O(n). */
char **sg_cmd_display_names(const char *const *ids, const char *const *labels, size_t n);

/* Prints the reading options a command takes, with its own defaults, to STREAM: the one place their help
 * is written. */
void sg_reading_options_help(const sg_command *cmd, FILE *stream);

/* Writes TABLE in the chosen format to the chosen output, atomically. JSON output is an object
 * {"network": ..., KEY: [rows]} plus the members of EXTRA_JSON (taken over; may be NULL). Returns an
 * exit code. */
int sg_cmd_write_table(const sg_options *opts, const sg_network *net, const sg_table *table, const char *key,
                       cJSON *extra_json);
/* Writes a command's results in the chosen format to the chosen output, atomically: JSON(DATA) (taken over)
 * for JSON, the table TABLE(DATA) (freed here) under KEY "nodes" for CSV, TEXT(DATA, stream) for the text
 * report. Returns an exit code. */
int sg_cmd_write_results(const sg_options *opts, const sg_network *net, const void *data,
                         cJSON *(*json)(const void *data), sg_table *(*table)(const void *data),
                         void (*text)(const void *data, FILE *stream));
/* Writes JSON (taken over) to the chosen output, atomically. Returns an exit code. */
int sg_cmd_write_json(const sg_options *opts, cJSON *json);

/* The commands' entries, one in each src/cmd/NAME.c; src/main.c lists them (and holds `help`). */
extern const sg_command sg_cmd_info;
extern const sg_command sg_cmd_export;
extern const sg_command sg_cmd_report;
extern const sg_command sg_cmd_validate;
extern const sg_command sg_cmd_paths;
extern const sg_command sg_cmd_reach;
extern const sg_command sg_cmd_cut;
extern const sg_command sg_cmd_centrality;
extern const sg_command sg_cmd_compare;
extern const sg_command sg_cmd_render;
extern const sg_command sg_cmd_robustness;
extern const sg_command sg_cmd_timeline;

#endif

/* common.c: option parsing, network loading and output shared by every command. */
#include <errno.h>
#include <glib.h>
#include <limits.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>

#include "cmd.h"
#include "help.h"

void sg_command_help(const sg_command *cmd, FILE *stream)
{
    fprintf(stream, "usage: spygraph %s %s\n\n%s\n", cmd->name, cmd->args, cmd->summary);
    if (!cmd->help || !*cmd->help)
        return;
    fputc('\n', stream);
    const char *mark = cmd->help_extra ? strstr(cmd->help, SG_HELP_EXTRA) : NULL;
    if (!mark) {
        fputs(cmd->help, stream);
        return;
    }
    fwrite(cmd->help, 1, (size_t)(mark - cmd->help), stream);
    cmd->help_extra(stream);
    fputs(mark + strlen(SG_HELP_EXTRA), stream);
}

void sg_help_list(FILE *stream, const char *lead, const char *const *items, int indent, int width)
{
    int column = fprintf(stream, "%s", lead);
    bool line_start = true; /* nothing printed yet after LEAD or the indent */
    for (size_t i = 0; items[i]; i++) {
        const char *comma = items[i + 1] ? "," : "";
        int len = (int)(strlen(items[i]) + strlen(comma));
        if (!line_start && column + 1 + len > width) {
            fprintf(stream, "\n%*s", indent, "");
            column = indent;
            line_start = true;
        }
        column += fprintf(stream, "%s%s%s", line_start ? "" : " ", items[i], comma);
        line_start = false;
    }
    fputc('\n', stream);
}

int sg_usage_error(const sg_command *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sg_verror(fmt, ap);
    va_end(ap);
    fprintf(stderr, "usage: spygraph %s %s\n(see `spygraph help %s`)\n", cmd->name, cmd->args, cmd->name);
    return SG_EXIT_USAGE;
}

int sg_parse_whole(const sg_command *cmd, const char *option, const char *arg, long min, long max, long *out)
{
    char *end = NULL;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (*arg && !*end && !errno && v >= min && v <= max) {
        *out = v;
        return 0;
    }
    if (max == LONG_MAX)
        return sg_usage_error(cmd, "bad %s '%s': expected a whole number of at least %ld", option, arg, min);
    return sg_usage_error(cmd, "bad %s '%s': expected a whole number from %ld to %ld", option, arg, min, max);
}

/* Joins the common options and EXTRA into one getopt_long table (caller g_free()s it). */
static struct option *option_table(const struct option *extra)
{
    static const struct option common[] = {SG_COMMON_LONG_OPTIONS};
    size_t n_extra = 0;
    while (extra && extra[n_extra].name)
        n_extra++;
    size_t n_common = G_N_ELEMENTS(common);
    struct option *all = g_new0(struct option, n_common + n_extra + 1);
    memcpy(all, common, sizeof common);
    if (n_extra)
        memcpy(all + n_common, extra, n_extra * sizeof *extra);
    return all;
}

/* Handles one common option; returns 0, or SG_EXIT_USAGE. */
static int common_option(const sg_command *cmd, int opt, const char *arg, sg_options *o)
{
    const char *why = NULL;
    switch (opt) {
    case SG_OPT_HYPOTHESIS:
        o->hypothesis = arg;
        return 0;
    case SG_OPT_AT:
        if (!*arg || !sg_date_parse(arg, &o->at, &why))
            return sg_usage_error(cmd, "bad --at date '%s': %s", arg, why ? why : "empty");
        o->has_at = true;
        o->at_text = arg;
        return 0;
    case SG_OPT_DIRECTED:
        o->direction = SG_DIRECTION_DIRECTED;
        return 0;
    case SG_OPT_UNDIRECTED:
        o->direction = SG_DIRECTION_UNDIRECTED;
        return 0;
    case 'f':
        if (cmd->own_format)
            return -1;
        if (!sg_format_parse(arg, &o->format))
            return sg_usage_error(cmd, "unknown format '%s' (table, csv or json)", arg);
        o->format_given = true;
        return 0;
    case 'o':
        o->output = arg;
        return 0;
    default:
        return -1;
    }
}

int sg_parse_options(const sg_command *cmd, int argc, char **argv, const struct option *extra,
                     sg_option_handler handler, void *ctx, sg_options *opts)
{
    memset(opts, 0, sizeof *opts);
    struct option *table = option_table(extra);
    int status = -1, opt;
    optind = 0; /* GNU getopt: start afresh */
    opterr = 0;
    while (status < 0 && (opt = getopt_long(argc, argv, ":f:o:h", table, NULL)) != -1) {
        if (opt == 'h') {
            sg_command_help(cmd, stdout);
            status = SG_EXIT_OK;
        } else if (opt == '?') {
            status = optopt ? sg_usage_error(cmd, "unknown option '-%c'", optopt)
                            : sg_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
        } else if (opt == ':') {
            status = sg_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
        } else {
            int r = common_option(cmd, opt, optarg, opts);
            if (r < 0)
                r = handler ? handler(cmd, opt, optarg, ctx) : sg_usage_error(cmd, "unexpected option");
            if (r != 0)
                status = r;
        }
    }
    g_free(table);
    if (status >= 0)
        return status;
    opts->args = argv + optind;
    opts->n_args = argc - optind;
    if (opts->n_args < cmd->min_args)
        return sg_usage_error(cmd, "missing argument: %s", cmd->args);
    if (cmd->max_args >= 0 && opts->n_args > cmd->max_args)
        return sg_usage_error(cmd, "too many arguments ('%s')", opts->args[cmd->max_args]);
    return -1;
}

sg_network *sg_cmd_load(const sg_options *opts)
{
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_load_network(opts->args[0], diag);
    if (net && !diag->errors && opts->hypothesis) {
        sg_network *applied = sg_network_apply_hypothesis(net, opts->hypothesis, diag);
        sg_network_unref(net);
        net = applied;
    }
    if (net && !diag->errors && opts->has_at) {
        sg_network *snap = sg_network_snapshot(net, opts->at);
        sg_network_unref(net);
        net = snap;
    }
    if (diag->errors || !net) {
        sg_diag_sort(diag);
        sg_diag_print(diag, false);
        sg_network_unref(net);
        net = NULL;
    }
    sg_diag_free(diag);
    return net;
}

int sg_cmd_write_json(const sg_options *opts, cJSON *json)
{
    sg_output *out = sg_output_open(opts->output);
    if (!out) {
        cJSON_Delete(json);
        return SG_EXIT_DATA;
    }
    bool ok = sg_json_write(json, out->stream);
    cJSON_Delete(json);
    if (!ok) {
        sg_error("out of memory writing JSON");
        sg_output_abort(out);
        return SG_EXIT_DATA;
    }
    return sg_output_commit(out) ? SG_EXIT_OK : SG_EXIT_DATA;
}

int sg_cmd_write_table(const sg_options *opts, const sg_network *net, const sg_table *table, const char *key,
                       cJSON *extra_json)
{
    if (opts->format == SG_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject();
        cJSON_AddItemToObject(root, "network", sg_json_network(net));
        cJSON_AddItemToObject(root, key, sg_table_to_json(table));
        cJSON *item = extra_json ? extra_json->child : NULL;
        while (item) {
            cJSON *next = item->next;
            cJSON_AddItemToObject(root, item->string, cJSON_DetachItemViaPointer(extra_json, item));
            item = next;
        }
        cJSON_Delete(extra_json);
        return sg_cmd_write_json(opts, root);
    }
    cJSON_Delete(extra_json);
    sg_output *out = sg_output_open(opts->output);
    if (!out)
        return SG_EXIT_DATA;
    if (opts->format == SG_FORMAT_CSV)
        sg_table_write_csv(table, out->stream);
    else
        sg_table_write_text(table, out->stream);
    return sg_output_commit(out) ? SG_EXIT_OK : SG_EXIT_DATA;
}

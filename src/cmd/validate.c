/* validate.c: `spygraph validate`: every problem of a network, errors and warnings, with their positions. */
#include <glib.h>

#include "cmd.h"
#include "help.h"
#include "spygraph/curation.h"

enum { OPT_STRICT = SG_OPT_FIRST_COMMAND_OPTION };

static int validate_option(const sg_command *cmd, int opt, const char *arg, void *ctx)
{
    (void)arg;
    if (opt != OPT_STRICT)
        return sg_usage_error(cmd, "option not accepted by this command");
    *(bool *)ctx = true;
    return 0;
}

static sg_table *report_table(const sg_diag *diag)
{
    static const char *const names[] = {"severity", "position", "problem"};
    sg_table *t = sg_table_new(3, names);
    for (size_t i = 0; i < diag->count; i++) {
        const sg_diagnostic *d = &diag->items[i];
        char *pos = sg_diagnostic_position(d);
        sg_table_add_row(t);
        sg_table_set_text(t, 0, d->severity == SG_SEV_ERROR ? "error" : "warning");
        sg_table_set_text(t, 1, pos);
        sg_table_set_text(t, 2, d->message);
        g_free(pos);
    }
    return t;
}

static int write_report(const sg_options *opts, const char *name, const sg_network *net, const sg_diag *diag)
{
    sg_table *t = report_table(diag);
    int status;
    if (opts->format == SG_FORMAT_JSON) {
        cJSON *extra = cJSON_CreateObject();
        cJSON_AddNumberToObject(extra, "errors", (double)diag->errors);
        cJSON_AddNumberToObject(extra, "warnings", (double)diag->warnings);
        cJSON_AddBoolToObject(extra, "valid", diag->errors == 0);
        sg_network *placeholder = net ? NULL : sg_network_new(name);
        status = sg_cmd_write_table(opts, net ? net : placeholder, t, "problems", extra);
        sg_network_unref(placeholder);
    } else if (opts->format == SG_FORMAT_CSV) {
        status = sg_cmd_write_table(opts, net, t, "problems", NULL);
    } else {
        sg_output *out = sg_output_open(opts->output);
        if (!out) {
            sg_table_free(t);
            return SG_EXIT_DATA;
        }
        for (size_t i = 0; i < diag->count; i++) {
            char *pos = sg_diagnostic_position(&diag->items[i]);
            sg_term_line(out->stream, "%s: %s: %s", pos, diag->items[i].severity == SG_SEV_ERROR ? "error" : "warning",
                         diag->items[i].message);
            g_free(pos);
        }
        sg_term_line(out->stream, "%s: %zu error%s, %zu warning%s", name, diag->errors, diag->errors == 1 ? "" : "s",
                diag->warnings, diag->warnings == 1 ? "" : "s");
        status = sg_output_commit(out) ? SG_EXIT_OK : SG_EXIT_DATA;
    }
    sg_table_free(t);
    return status;
}

static int cmd_validate(const sg_command *self, int argc, char **argv)
{
    static const struct option extra[] = {{"strict", no_argument, NULL, OPT_STRICT}, {NULL, 0, NULL, 0}};
    bool strict = false;
    sg_options opts;
    int status = sg_parse_options(self, argc, argv, extra, validate_option, &strict, &opts);
    if (status >= 0)
        return status;
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_load_network(opts.args[0], diag);
    if (net)
        sg_curation_check(net, diag);
    sg_diag_sort(diag);
    status = write_report(&opts, opts.args[0], net, diag);
    if (status == SG_EXIT_OK && (diag->errors || (strict && diag->warnings)))
        status = SG_EXIT_DATA;
    sg_network_unref(net);
    sg_diag_free(diag);
    return status;
}

/* The command's entry: name, arguments, counts and help (see `spygraph help validate`). */
const sg_command sg_cmd_validate = {
    .name = "validate",
    .run = cmd_validate,
    .args = "NETWORK [options]",
    .min_args = 1,
    .max_args = 1,
    .summary = "Check a network and list every problem, errors and warnings, with FILE:LINE:COLUMN.",
    .help =
        NETWORK_HELP "\noptions:\n"
        "  -f, --format FMT   table (default), csv or json\n"
        "  -o, --output FILE  write the report there\n"
        "  --strict           exit 1 on warnings too\n"
        "  -h, --help         this help\n"
        "\nErrors: what a reader cannot accept (bad quoting or UTF-8, a missing column, an unknown node,\n"
        "relation or source key, a duplicate id, a bad date, a confidence outside [0, 1], a weight that is not a\n"
        "positive number, a patch naming a node or tie that does not exist, a missing file, a file outside the\n"
        "network's folder or that is not a regular file, a file larger than --max-input-size, a manifest value\n"
        "of the wrong type or a key given twice, a hypothesis id that is not a slug or is `base`).\n"
        "Warnings: a tie without a source, a source never cited, an isolated node, a duplicate tie, a self-loop,\n"
        "a patch line that changes nothing, a date outside the network's span, an unknown column.\n"
        "Exit status: 1 if there is any error, else 0.\n",
};

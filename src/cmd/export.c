/* export.c: `spygraph export`: writes a reading of the network in another tool's format (GraphML, GEXF, GML, ...). */
#include <glib.h>
#include <string.h>

#include "cmd.h"
#include "help.h"
#include "spygraph/interchange.h"
#include "spygraph/progress.h"
#include "spygraph/render.h"
#include "spygraph/spygraph.h"

/* The export's format: from --format, else from the output's extension. */
typedef struct export_options {
    const sg_graph_format *format;
} export_options;

static int export_option(const sg_command *cmd, int opt, const char *arg, void *ctx)
{
    export_options *o = ctx;
    if (opt != 'f')
        return -1;
    const sg_graph_format *f = sg_graph_format_find(arg);
    if (!f || (!f->write && !f->write_folder))
        return sg_usage_error(cmd, "unknown export format '%s' (%s)", arg, sg_graph_format_names(false));
    o->format = f;
    return 0;
}

/* True when PATH holds no network.json, or one a tables export wrote (its description says so): a user's
 * own network folder is never replaced. Prints the error and returns false otherwise. */
static bool replaceable_export(const char *path)
{
    char *manifest = g_build_filename(path, "network.json", NULL), *text = NULL;
    bool ok = !g_file_test(manifest, G_FILE_TEST_EXISTS) ||
              (g_file_get_contents(manifest, &text, NULL, NULL) && strstr(text, "A reading exported by spygraph"));
    if (!ok)
        sg_error("%s: cannot replace the folder: its network.json is not one spygraph exported (choose a new "
                 "folder)", path);
    g_free(text);
    g_free(manifest);
    return ok;
}

/* Writes NET as FORMAT to PATH (a file written atomically, or a folder written whole). */
static int write_export(const sg_network *net, const sg_graph_format *format, const sg_export_info *info,
                        const char *path)
{
    sg_diag *diag = sg_diag_new();
    bool ok;
    char *what = g_strdup_printf("exporting %zu nodes and %zu ties as %s", net->n_nodes, net->n_edges, format->name);
    sg_progress_begin(what, NULL, 0); /* the writers tell no fraction done: the time elapsed is shown */
    g_free(what);
    if (format->write_folder) {
        static const char *const written[] = {"network.json", "nodes.csv", "edges.csv", "sources.csv", "events.csv",
                                              NULL};
        sg_output_folder *folder = replaceable_export(path) ? sg_output_folder_open(path, written) : NULL;
        if (!folder) {
            sg_progress_end();
            sg_diag_free(diag);
            return SG_EXIT_DATA;
        }
        ok = format->write_folder(net, info, sg_output_folder_path(folder), diag);
        if (ok)
            ok = sg_output_folder_commit(folder);
        else
            sg_output_folder_abort(folder);
    } else {
        sg_output *out = sg_output_open(path);
        if (!out) {
            sg_progress_end();
            sg_diag_free(diag);
            return SG_EXIT_DATA;
        }
        ok = format->write(net, info, out->stream, diag);
        if (ok)
            ok = sg_output_commit(out);
        else
            sg_output_abort(out);
    }
    sg_progress_end();
    if (diag->count) {
        sg_diag_sort(diag);
        sg_diag_print(diag, true); /* a writer's warnings too: an attribute renamed, a character replaced */
    }
    sg_diag_free(diag);
    return ok ? SG_EXIT_OK : SG_EXIT_DATA;
}

static int cmd_export(const sg_command *self, int argc, char **argv)
{
    export_options eo = {0};
    sg_options opts;
    static const struct option extra[] = {{"format", required_argument, NULL, 'f'}, {0}};
    int status = sg_parse_options(self, argc, argv, extra, export_option, &eo, &opts);
    if (status >= 0)
        return status;
    if (!opts.output)
        return sg_usage_error(self, "export needs -o FILE (the format follows its extension, or --format)");
    if (!eo.format) {
        eo.format = sg_graph_format_for_path(opts.output);
        if (eo.format && !eo.format->write && !eo.format->write_folder)
            return sg_usage_error(self, "spygraph reads %s but does not write it; give --format (%s; tables writes "
                                  "CSV tables)", eo.format->name, sg_graph_format_names(false));
        if (!eo.format && g_str_has_suffix(opts.output, ".json"))
            eo.format = sg_graph_format_find("json");
        if (!eo.format)
            return sg_usage_error(self, "cannot tell the format from '%s': give --format (%s)", opts.output,
                                  sg_graph_format_names(false));
    }
    sg_network *base = sg_cmd_load_base(&opts);
    sg_network *net = base ? sg_cmd_read(&opts, base) : NULL;
    /* render's colours are ranked over the whole network, so an export's match every picture of it */
    sg_network *whole = net && eo.format->styled ? sg_cmd_whole(base) : NULL;
    sg_network_unref(base);
    if (!net || (eo.format->styled && !whole)) {
        sg_network_unref(net);
        return SG_EXIT_DATA;
    }
    if (opts.reading.direction == SG_DIRECTION_DIRECTED) { /* as --directed reads it: a mutual tie is two arcs */
        sg_network *arcs = sg_reading_arcs(net);
        sg_network_unref(net);
        net = arcs;
    }
    sg_render_style style = {0};
    sg_export_info info = {.version = SPYGRAPH_VERSION};
    if (eo.format->styled) { /* only a format that draws asks Graphviz for render's look */
        sg_diag *style_diag = sg_diag_new();
        sg_render_spec look;
        sg_render_spec_init(&look);
        look.colours_of = whole;
        bool styled = sg_render_style_of(net, &look, &style, style_diag);
        if (!styled)
            sg_diag_print(style_diag, false);
        sg_diag_free(style_diag);
        if (!styled) {
            sg_network_unref(whole);
            sg_network_unref(net);
            return SG_EXIT_DATA;
        }
        info.node_fill = (const char *const *)style.node_fill;
        info.node_size = style.node_size;
        info.edge_color = (const char *const *)style.edge_color;
    }
    status = write_export(net, eo.format, &info, opts.output);
    if (eo.format->styled)
        sg_render_style_clear(&style);
    sg_network_unref(whole);
    sg_network_unref(net);
    return status;
}

/* Lists the formats with what each keeps (the table in src/io/formats.c). */
static void formats_help(FILE *stream)
{
    fputs("formats (read: as NETWORK everywhere; write: with export):\n", stream);
    for (const sg_graph_format *f = sg_graph_formats(); f->name; f++) {
        const char *how = f->read && (f->write || f->write_folder) ? "read, write"
                          : f->read                                ? "read"
                                                                   : "write";
        char *lead = g_strdup_printf("  %-9s ", f->name);
        bool folder = f->write_folder != NULL;
        char *text = g_strdup_printf("%s (%s; %s). Keeps %s.", f->summary, folder ? "a folder" : f->extensions, how,
                                     f->keeps);
        sg_help_wrap(stream, lead, text);
        g_free(lead);
        g_free(text);
    }
}

/* The command's entry: name, arguments, counts and help (see `spygraph help export`). */
const sg_command sg_cmd_export = {
    .name = "export",
    .reads = true,
    .channels_only = false,
    .own_format = true,
    .writes_csv_files = true,
    .direction_help = "every tie as recorded, with its own direction (a directed attribute where the format has "
                      "no per-tie direction); --undirected writes every tie undirected, --directed writes the arcs "
                      "that reading has (a tie of an undirected relation as two ties, one each way)",
    .run = cmd_export,
    .args = "NETWORK -o FILE [options]",
    .min_args = 1,
    .max_args = 1,
    .summary = "Write a reading of the network for Gephi, Cytoscape, NetworkX, igraph, Pajek or UCINET.",
    .help =
        NETWORK_HELP "\noptions:\n"
        "  -o, --output FILE  the file (or, for tables, the folder) to write; written whole or not at all\n"
        "  -f, --format FMT   the format; by default the one FILE's extension names\n"
        "  -h, --help         this help\n"
        "\nThe export is the reading the options choose (hypotheses applied, period, relations, kinds, folding),\n"
        "with every attribute the format can hold: node label, kind, affiliation, codenames, native name,\n"
        "lifetime, note, sources and any extra column; tie relation, direction, family, dates, confidence,\n"
        "weight, sources and note. Names are escaped for each format, so a hostile name stays data.\n\n"
        SG_HELP_EXTRA,
    .help_extra = formats_help,
};

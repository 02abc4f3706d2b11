/* render.c: `spygraph render`: a diagram of the network (DOT, SVG, PNG or PDF) through Graphviz. */
#include <errno.h>
#include <glib.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "evidence.h"
#include "help.h"
#include "spygraph/centrality.h"
#include "spygraph/compare.h"
#include "spygraph/render.h"

enum {
    OPT_LAYOUT = SG_OPT_FIRST_COMMAND_OPTION,
    OPT_SIZE_BY,
    OPT_COLOR_BY,
    OPT_LABELS,
    OPT_EDGE_LABELS,
    OPT_HIGHLIGHT_PATH,
    OPT_HIGHLIGHT_PATH_TO,
    OPT_FOCUS,
    OPT_HOPS,
    OPT_MIN_CONFIDENCE,
    OPT_TITLE,
    OPT_SEED,
    OPT_OWN_LAYOUT,
    OPT_SCHEME,
    OPT_WIDTH,
    OPT_HEIGHT,
    OPT_MIN_FONT,
    OPT_DPI,
    OPT_PATH_RANK,
};

static const struct option render_options[] = {
    {"layout", required_argument, NULL, OPT_LAYOUT},
    {"size-by", required_argument, NULL, OPT_SIZE_BY},
    {"color-by", required_argument, NULL, OPT_COLOR_BY},
    {"colour-by", required_argument, NULL, OPT_COLOR_BY},
    {"labels", required_argument, NULL, OPT_LABELS},
    {"edge-labels", required_argument, NULL, OPT_EDGE_LABELS},
    {"highlight-path", required_argument, NULL, OPT_HIGHLIGHT_PATH},
    {"highlight-path-to", required_argument, NULL, OPT_HIGHLIGHT_PATH_TO}, /* made from the second value */
    {"focus", required_argument, NULL, OPT_FOCUS},
    {"hops", required_argument, NULL, OPT_HOPS},
    {"min-confidence", required_argument, NULL, OPT_MIN_CONFIDENCE},
    {"title", required_argument, NULL, OPT_TITLE},
    {"seed", required_argument, NULL, OPT_SEED},
    {"own-layout", no_argument, NULL, OPT_OWN_LAYOUT},
    {"scheme", required_argument, NULL, OPT_SCHEME},
    {"width", required_argument, NULL, OPT_WIDTH},
    {"height", required_argument, NULL, OPT_HEIGHT},
    {"min-font", required_argument, NULL, OPT_MIN_FONT},
    {"dpi", required_argument, NULL, OPT_DPI},
    {"path-rank", required_argument, NULL, OPT_PATH_RANK},
    {NULL, 0, NULL, 0},
};

/* One value of MEASURE per node of NET (g_free), from the centrality library, or NULL after an error. */
static double *size_values(const sg_network *net, const char *measure, const sg_reading *reading)
{
    sg_centrality_options o;
    sg_centrality_options_init(&o);
    o.reading = *reading;
    igraph_vector_t values;
    if (igraph_vector_init(&values, 0) != IGRAPH_SUCCESS)
        return NULL;
    double *out = NULL;
    if (sg_centrality_one(net, measure, &o, &values) == IGRAPH_SUCCESS) {
        out = g_new(double, net->n_nodes + 1);
        for (size_t i = 0; i < net->n_nodes; i++)
            out[i] = VECTOR(values)[(igraph_integer_t)i];
    } else {
        sg_error("cannot compute %s for the node sizes", measure);
    }
    igraph_vector_destroy(&values);
    return out;
}

/* The measure names joined by ", " (g_free). */
static char *measure_list(void)
{
    return g_strjoinv(", ", (char **)sg_centrality_measures());
}

/* The command's own options, before the network is read (names are resolved against it later). */
typedef struct render_args {
    sg_render_spec spec;
    const char *format;
    const char *size_by;
    const char *path_from, *path_to;
    const char *focus;
    bool hops_given;
    bool path_rank_given;
    bool min_font_given;
    bool own_layout;        /* --own-layout: lay the drawn network out alone, not on the union's positions */
} render_args;

static bool parse_double(const char *text, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (!*text || *end || errno || !isfinite(v))
        return false;
    *out = v;
    return true;
}

/* Handles the options about what is drawn and how it is labelled. */
static int drawing_option(const sg_command *cmd, int opt, const char *arg, render_args *a)
{
    switch (opt) {
    case OPT_LAYOUT:
        if (!sg_render_layout_known(arg)) {
            char *known = g_strjoinv(", ", (char **)sg_render_layouts());
            int status = sg_usage_error(cmd, "unknown layout '%s' (%s)", arg, known);
            g_free(known);
            return status;
        }
        a->spec.layout = arg;
        return 0;
    case OPT_LABELS:
        if (!sg_label_mode_parse(arg, &a->spec.labels))
            return sg_usage_error(cmd, "unknown --labels '%s' (label, id, codename or none)", arg);
        return 0;
    case OPT_EDGE_LABELS:
        if (!sg_edge_label_mode_parse(arg, &a->spec.edge_labels))
            return sg_usage_error(cmd, "unknown --edge-labels '%s' (relation, dates or none)", arg);
        return 0;
    case OPT_SIZE_BY:
        if (!sg_centrality_measure_known(arg)) {
            char *list = measure_list();
            int r = sg_usage_error(cmd, "unknown measure '%s' (%s)", arg, list);
            g_free(list);
            return r;
        }
        a->size_by = arg;
        return 0;
    case OPT_COLOR_BY:
        a->spec.color_by = arg; /* checked against the network once it is read */
        return 0;
    case OPT_TITLE:
        a->spec.title = arg;
        return 0;
    default:
        return -1;
    }
}

/* Handles the options about the picture's physical size and scheme. */
static int print_option(const sg_command *cmd, int opt, const char *arg, render_args *a)
{
    switch (opt) {
    case OPT_SCHEME:
        if (!sg_render_scheme_parse(arg, &a->spec.scheme))
            return sg_usage_error(cmd, "unknown --scheme '%s' (colour or print)", arg);
        return 0;
    case OPT_WIDTH:
    case OPT_HEIGHT:
        if (!sg_render_length_parse(arg, opt == OPT_WIDTH ? &a->spec.width : &a->spec.height)) {
            double bare;
            if (parse_double(arg, &bare)) /* a number alone: the unit missing, or given as its own word */
                return sg_usage_error(cmd, "bad %s '%s': give the unit with the number, such as %scm or %sin",
                                      opt == OPT_WIDTH ? "--width" : "--height", arg, arg, arg);
            return sg_usage_error(cmd, "bad %s '%s': a length with its unit, such as 15cm, 150mm, 6in or 425pt, "
                                       "from 1cm to 2000cm", opt == OPT_WIDTH ? "--width" : "--height", arg);
        }
        return 0;
    case OPT_MIN_FONT:
        if (!parse_double(arg, &a->spec.min_font) || a->spec.min_font < 1 || a->spec.min_font > 72)
            return sg_usage_error(cmd, "bad --min-font '%s': a size in points from 1 to 72", arg);
        a->min_font_given = true;
        return 0;
    case OPT_DPI:
        if (!parse_double(arg, &a->spec.dpi) || a->spec.dpi < 10 || a->spec.dpi > 2400)
            return sg_usage_error(cmd, "bad --dpi '%s': a resolution from 10 to 2400", arg);
        return 0;
    case OPT_PATH_RANK: {
        long n;
        if (sg_parse_whole(cmd, "--path-rank", arg, 1, 1000, &n))
            return SG_EXIT_USAGE;
        a->spec.path_rank = (size_t)n;
        a->path_rank_given = true;
        return 0;
    }
    default:
        return -1;
    }
}

/* Handles the options about which part is drawn, the seed and the format. */
static int selection_option(const sg_command *cmd, int opt, const char *arg, render_args *a)
{
    long n;
    switch (opt) {
    case OPT_HIGHLIGHT_PATH:
        a->path_from = arg;
        return 0;
    case OPT_HIGHLIGHT_PATH_TO:
        a->path_to = arg;
        return 0;
    case OPT_FOCUS:
        a->focus = arg;
        return 0;
    case OPT_HOPS:
        if (sg_parse_whole(cmd, "--hops", arg, 0, 1000000, &n))
            return SG_EXIT_USAGE;
        a->spec.hops = (int)n;
        a->hops_given = true;
        return 0;
    case OPT_MIN_CONFIDENCE:
        if (!parse_double(arg, &a->spec.min_confidence) || a->spec.min_confidence < 0 || a->spec.min_confidence > 1)
            return sg_usage_error(cmd, "bad --min-confidence '%s': not a number in [0, 1]", arg);
        return 0;
    case OPT_OWN_LAYOUT:
        a->own_layout = true;
        return 0;
    case OPT_SEED:
        if (sg_parse_whole(cmd, "--seed", arg, 0, LONG_MAX, &n))
            return SG_EXIT_USAGE;
        a->spec.seed = (unsigned long)n;
        return 0;
    case 'f':
        if (!sg_render_format_parse(arg, &a->spec.format))
            return sg_usage_error(cmd, "unknown format '%s' (dot, canon, svg, png or pdf)", arg);
        a->format = arg;
        return 0;
    default:
        return sg_usage_error(cmd, "unexpected option");
    }
}

static int render_option(const sg_command *cmd, int opt, const char *arg, void *ctx)
{
    int r = drawing_option(cmd, opt, arg, ctx);
    if (r < 0)
        r = print_option(cmd, opt, arg, ctx);
    return r >= 0 ? r : selection_option(cmd, opt, arg, ctx);
}

/* Rewrites `--highlight-path FROM TO` (two values) as `--highlight-path FROM --highlight-path-to TO`, so
 * getopt can read it. Returns a new argv (g_free; the strings are borrowed or static), or NULL after a
 * usage error when TO is missing. */
static char **expand_two_valued(const sg_command *cmd, int *argc, char **argv)
{
    char **out = g_new0(char *, 2 * (size_t)*argc + 1);
    int n = 0;
    for (int i = 0; i < *argc; i++) {
        out[n++] = argv[i];
        if (strcmp(argv[i], "--") == 0) {
            while (++i < *argc)
                out[n++] = argv[i];
            break;
        }
        bool joined = g_str_has_prefix(argv[i], "--highlight-path=");
        if (strcmp(argv[i], "--highlight-path") != 0 && !joined)
            continue;
        int needed = joined ? 1 : 2;
        if (i + needed >= *argc) {
            g_free(out);
            sg_usage_error(cmd, "--highlight-path needs two nodes: FROM TO");
            return NULL;
        }
        if (!joined)
            out[n++] = argv[++i];
        out[n++] = (char *)"--highlight-path-to";
        out[n++] = argv[++i];
    }
    *argc = n;
    return out;
}

/* Chooses the image format from --format or the output's extension. Returns -1 or a usage exit code. */
static int settle_format(const sg_command *cmd, const sg_options *opts, render_args *a)
{
    if (!opts->output)
        return sg_usage_error(cmd, "missing -o FILE (the diagram's file; - for standard output)");
    if (a->format)
        return -1;
    if (strcmp(opts->output, "-") == 0) {
        a->spec.format = SG_RENDER_SVG;
        return -1;
    }
    if (!sg_render_format_from_path(opts->output, &a->spec.format))
        return sg_usage_error(cmd, "cannot tell the format from '%s': name it .dot, .svg, .png or .pdf, or give "
                                   "--format", opts->output);
    return -1;
}

static int settle_names(const sg_command *cmd, const sg_network *net, render_args *a)
{
    if (!sg_render_color_by_known(net, a->spec.color_by))
        return sg_usage_error(cmd, "unknown --color-by '%s' (affiliation, kind, community, none%s%s)",
                              a->spec.color_by, net->n_extra_attrs ? ", or a node column such as " : "",
                              net->n_extra_attrs ? net->extra_attrs[0] : "");
    if (a->hops_given && !a->focus)
        return sg_usage_error(cmd, "--hops needs --focus NODE");
    if (a->path_rank_given && !a->path_from)
        return sg_usage_error(cmd, "--path-rank needs --highlight-path FROM TO");
    if (a->min_font_given && a->spec.width == 0 && a->spec.height == 0)
        return sg_usage_error(cmd, "--min-font needs --width or --height (the size it is measured at)");
    if (a->spec.dpi > 0 && a->spec.format != SG_RENDER_PNG)
        return sg_usage_error(cmd, "--dpi is for PNG output (SVG and PDF are drawn at their physical size)");
    if (a->spec.format == SG_RENDER_PNG && (a->spec.width > 0 || a->spec.height > 0)) {
        /* cairo draws bitmaps of at most 32767 pixels a side (Graphviz scales a larger one down, taking
         * gigabytes first): refuse a PNG that large rather than write one of the wrong size */
        double dpi = a->spec.dpi > 0 ? a->spec.dpi : SG_RENDER_PRINT_DPI;
        double side = MAX(a->spec.width, a->spec.height) / 72.0 * dpi;
        if (side > 32767)
            return sg_usage_error(cmd, "a PNG %.0f pixels across at %g dpi is past cairo's 32767: give a lower --dpi "
                                       "or a smaller size, or draw PDF or SVG", side, dpi);
    }
    if (a->focus && (a->spec.focus = sg_cmd_node_arg(net, a->focus)) < 0)
        return SG_EXIT_DATA;
    if (a->focus && !a->hops_given)
        a->spec.hops = 1;
    if (a->path_from) {
        a->spec.path_from = sg_cmd_node_arg(net, a->path_from);
        a->spec.path_to = a->spec.path_from < 0 ? -1 : sg_cmd_node_arg(net, a->path_to);
        if (a->spec.path_to < 0)
            return SG_EXIT_DATA;
    }
    return -1;
}

/* Draws the loaded network to the chosen output, atomically. Returns an exit code. */
static int draw(const sg_options *opts, const sg_network *net, const render_args *a)
{
    sg_output *out = sg_output_open(opts->output);
    if (!out)
        return SG_EXIT_DATA;
    sg_diag *diag = sg_diag_new();
    bool ok = sg_render_write(net, &a->spec, out->stream, diag);
    sg_diag_print(diag, true); /* the route search may warn that it stopped at its budget */
    sg_diag_free(diag);
    if (!ok) {
        sg_output_abort(out);
        return SG_EXIT_DATA;
    }
    return sg_output_commit(out) ? SG_EXIT_OK : SG_EXIT_DATA;
}

/* Loads the network, works out names and sizes, and draws. Colours are ranked over the whole network, and
 * a network with hypotheses is laid out on the whole (unless --own-layout or --focus), so every picture of
 * it shares colours and positions. Returns an exit code. */
static int load_and_draw(const sg_command *self, const sg_options *opts, render_args *a)
{
    sg_network *base = sg_cmd_load_base(opts);
    if (!base)
        return SG_EXIT_DATA;
    sg_network *net = sg_cmd_read(opts, base);
    sg_network *whole = net ? sg_cmd_whole(base) : NULL;
    sg_network_unref(base);
    if (!net || !whole) {
        sg_network_unref(net);
        sg_network_unref(whole);
        return SG_EXIT_DATA;
    }
    int status = settle_names(self, net, a);
    double *sizes = NULL;
    if (status < 0 && a->size_by) {
        sizes = size_values(net, a->size_by, &opts->reading);
        if (!sizes)
            status = SG_EXIT_DATA;
        a->spec.size_by = a->size_by;
        a->spec.size_values = sizes;
    }
    a->spec.direction = opts->reading.direction;
    a->spec.route_relations = opts->route_relations;
    a->spec.colours_of = whole;
    /* a --focus picture is a close-up, not a reading to set beside others: laid out alone */
    /* a picture for a physical size is laid out for that size: alone */
    bool physical = a->spec.width > 0 || a->spec.height > 0;
    if (whole->n_hypotheses > 0 && !a->own_layout && !a->focus && !physical)
        a->spec.layout_of = whole;
    if (status < 0)
        status = draw(opts, net, a);
    sg_network_unref(whole);
    g_free(sizes);
    sg_network_unref(net);
    return status;
}

static int cmd_render(const sg_command *self, int argc, char **argv)
{
    char **args = expand_two_valued(self, &argc, argv);
    if (!args)
        return SG_EXIT_USAGE;
    render_args a = {0};
    sg_render_spec_init(&a.spec);
    sg_options opts;
    int status = sg_parse_options(self, argc, args, render_options, render_option, &a, &opts);
    if (status < 0)
        status = settle_format(self, &opts, &a);
    if (status < 0)
        status = load_and_draw(self, &opts, &a);
    g_free(args);
    return status;
}

static void render_help_layouts(FILE *stream)
{
    sg_help_list(stream, "  --layout ENGINE        ", sg_render_layouts(), 25, 100);
    fputs("                         default: neato for up to 300 nodes drawn and no arrows, else sfdp; dot draws\n"
          "                         command chains top-down\n", stream);
}

/* The command's entry: name, arguments, counts and help (see `spygraph help render`). */
const sg_command sg_cmd_render = {
    .name = "render",
    .reads = true,
    .channels_only = false,
    .direction_help = "arrows as each relation says; --directed also draws a bare list's ties as arrows and makes the highlighted route follow arrows; --undirected draws no arrows",
    .run = cmd_render,
    .args = "NETWORK -o FILE [options]",
    .min_args = 1,
    .max_args = 1,
    .summary = "Draw the network as a diagram (DOT, SVG, PNG or PDF) through Graphviz, with a legend.",
    .help =
        NETWORK_HELP "\noptions:\n"
        "  -o, --output FILE      the diagram's file (required; written atomically); - is standard output\n"
        "  -f, --format FMT       svg, png, pdf, dot (laid out, with positions) or canon (the graph as built,\n"
        "                         before layout); default: from FILE's extension (.svg .png .pdf .dot .gv),\n"
        "                         svg for standard output\n"
        SG_HELP_EXTRA /* --layout ENGINE and the engines, from the library: render_help_layouts */
        "  --size-by MEASURE      node size (area) grows with a centrality measure (e.g. betweenness)\n"
        "  --color-by ATTRIBUTE   fill colour by affiliation (default), kind, community (Louvain, seeded by\n"
        "                         --seed), none, or any extra node column\n"
        "  --labels MODE          label (default: the name, with codenames beneath), id, codename or none\n"
        "                         (none draws the ties curved)\n"
        "  --edge-labels MODE     none (default), relation or dates\n"
        "  --highlight-path FROM TO  draw in red the route `spygraph paths FROM TO` lists first (channel\n"
        "                         relations unless --relations says otherwise; every tie of each hop), fade\n"
        "                         the rest\n"
        "  --path-rank K          the K-th route instead (as `paths FROM TO --k K` lists it; 1 to 1000)\n"
        "  --focus NODE           draw only NODE's neighbourhood ...\n"
        "  --hops K               ... of K hops (default 1)\n"
        "  --min-confidence X     leave out ties whose confidence is below X\n"
        "  --title TEXT           the caption (default: the network's title, hypothesis and date)\n"
        "  --seed N               seed of the layout and of the communities (default 1)\n"
        "  --width LENGTH         the picture's physical width (15cm, 150mm, 6in, 425pt; 1cm to 2000cm),\n"
        "                         laid out so that no type is below --min-font at that size: the most\n"
        "                         important nodes (by --size-by, else by ties) keep labels, the rest become\n"
        "                         small marks (names in their tooltips), and the legend says how many; laid\n"
        "                         out alone, for that size\n"
        "  --height LENGTH        the physical height (with --width: fitted within both)\n"
        "  --min-font PT          the smallest type at the physical size (default 7)\n"
        "  --dpi N                PNG resolution, 10 to 2400 (default 300 with --width or --height, else 96),\n"
        "                         recorded in the file; at most 32767 pixels a side\n"
        "  --scheme NAME          colour (default) or print: greyscale-safe, for journals (groups by light\n"
        "                         grey and outline, tie families by line weight and double lines)\n"
        "  --own-layout           lay the drawn network out alone (always so with --focus); by default a\n"
        "                         network with hypotheses is laid out once on the union of all of them (with\n"
        "                         --seed) and every reading drawn on those positions, so two pictures differ\n"
        "                         only where the hypotheses do\n"
        "  -h, --help             this help\n"
        "\nNodes are named by id, label, native name or codename (Invest finds Ozaki).\n"
        "Encoding, all shown in the legend under the drawing: shape by kind (person oval, organization box,\n"
        "place parallelogram); fill by the --color-by groups, ranked by size over the whole network (the base\n"
        "and every hypothesis), so a group has one colour in every picture of it, in Brewer's Set2 for up to 8\n"
        "groups, Paired past 8 (dark fills take white text), the smallest groups beyond 11 merged as \"other\";\n"
        "legend entries by the affiliations' display names where the network gives them;\n"
        "ties coloured by relation family (command near black, membership light grey, the rest Brewer Dark2),\n"
        "arrows on directed relations, solid at confidence 0.8 or more, dashed from 0.5, dotted below 0.5.\n"
        "Labels use the font Noto Sans CJK JP (Latin, Cyrillic and CJK). Overlaps removed, splines on (past\n"
        "300 nodes: straight lines, overlaps removed by scaling).\n"
        "Every node and tie carries its evidence as a tooltip (SVG and DOT): names, kind, affiliation, dates,\n"
        "confidence, sources with their references. DOT and SVG name node i n<i>, never by its id; its `id`\n"
        "attribute is node- and the id percent-encoded (node-ozaki), a tie's tie- and its key (tie-17: the\n"
        "17th tie of the edge table; tie-kato_kito-2: added by line 2 of that hypothesis) (README, \"Names\n"
        "from the data\").\n"
        "The same input and --seed give byte-identical output with the dot, neato and sfdp layouts; Graphviz\n"
        "2.43's fdp varies in about one run in a hundred.\n",
    .own_format = true,
    .help_extra = render_help_layouts,
};

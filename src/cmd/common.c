/* common.c: option parsing, network loading and output shared by every command. */
#include <errno.h>
#include <glib.h>
#include <limits.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>

#include "analysis/ranks.h"
#include "cmd.h"
#include "spygraph/compare.h"
#include "spygraph/centrality.h"
#include "spygraph/interchange.h"
#include "spygraph/loader.h"
#include "spygraph/progress.h"
#include "help.h"

/* Prints LEAD, then ITEMS (NULL-terminated) separated by a space, SUFFIX after each but the last, breaking
 * lines before an item that would pass WIDTH columns; continuation lines are indented by INDENT spaces. */
static void wrap_items(FILE *stream, const char *lead, const char *const *items, const char *suffix, int indent,
                       int width)
{
    int column = fprintf(stream, "%s", lead);
    bool line_start = true; /* nothing printed yet after LEAD or the indent */
    for (size_t i = 0; items[i]; i++) {
        const char *after = items[i + 1] ? suffix : "";
        int len = (int)(strlen(items[i]) + strlen(after));
        if (!line_start && column + 1 + len > width) {
            fprintf(stream, "\n%*s", indent, "");
            column = indent;
            line_start = true;
        }
        column += fprintf(stream, "%s%s%s", line_start ? "" : " ", items[i], after);
        line_start = false;
    }
    fputc('\n', stream);
}

/* Prints LEAD then the words of TEXT, wrapped at 100 columns with continuation lines indented as wide as
 * LEAD. */
void sg_help_wrap(FILE *stream, const char *lead, const char *text)
{
    char **words = g_strsplit(text, " ", -1);
    wrap_items(stream, lead, (const char *const *)words, "", (int)strlen(lead), 100);
    g_strfreev(words);
}

void sg_reading_options_help(const sg_command *cmd, FILE *stream)
{
    fprintf(stream,
            "\nreading options (which evidence counts; applied in this order):\n"
            "  --hypothesis ID[,ID...]  apply these hypotheses, in the order given (repeatable); two that\n"
            "                     touch the same tie or node incompatibly are an error naming both lines\n"
            "  --at DATE          keep only the ties, and the nodes, active at DATE (YYYY, YYYY-MM,\n"
            "                     YYYY-MM-DD or an EDTF level-1 form: 1935~, 1935?, 193X, 1935-21, 1934/1935;\n"
            "                     a tie counts when it could have been active on a day DATE could be, so\n"
            "                     1935~ keeps a tie of 1934; undated ties and nodes without a lifetime are\n"
            "                     always kept)\n"
            "  --between FROM..TO keep only the ties and nodes active at some time from FROM to TO (either may\n"
            "                     be left out: 1933.. or ..1941; ../1932..1940 starts with a range)\n"
            "  --fold KIND[,KIND] fold organizations (member_of, employed_by) or places (located_in) into ties\n"
            "                     between the nodes attached to them in overlapping periods: co_member or\n"
            "                     co_located, dated by the overlap, weighted by the number shared, with both\n"
            "                     ties' sources; the folded nodes and their other ties are left out\n"
            "  --relations LIST   keep only the ties of these relations or families (membership, command,\n"
            "                     information, personal, diplomatic, hostile, other), `channels` (those along\n"
            "                     which information or orders travel: `spygraph help relations`) or `all`\n"
            "  --exclude-relations LIST  leave out the ties of these relations or families\n"
            "  --kinds LIST       keep only the nodes of these kinds (person, organization, place) and the\n"
            "                     ties among them (after folding)\n"
            "  --directed         read ties with their direction: a directed relation (and a bare edge\n"
            "                     list's tie) is one arc from source to target, an undirected one two arcs\n"
            "  --undirected       ignore the direction of ties\n"
            "defaults of `%s`:\n", cmd->name);
    sg_help_wrap(stream, "  relations  ", cmd->channels_only ? "channel relations only (--relations all reads every tie)"
                                                              : "every relation");
    sg_help_wrap(stream, "  direction  ", cmd->direction_help ? cmd->direction_help : "undirected");
}

void sg_command_help(const sg_command *cmd, FILE *stream)
{
    fprintf(stream, "usage: spygraph %s %s\n\n%s\n", cmd->name, cmd->args, cmd->summary);
    if (cmd->help && *cmd->help) {
        fputc('\n', stream);
        const char *mark = cmd->help_extra ? strstr(cmd->help, SG_HELP_EXTRA) : NULL;
        if (!mark) {
            fputs(cmd->help, stream);
        } else {
            fwrite(cmd->help, 1, (size_t)(mark - cmd->help), stream);
            cmd->help_extra(stream);
            fputs(mark + strlen(SG_HELP_EXTRA), stream);
        }
    }
    if (!cmd->own_format) /* the one place the CSV rule is told, for every command that writes CSV */
        fputs("\nCSV output is made for spreadsheets: a cell that begins with =, +, -, @, a tab or a carriage\n"
              "return and is not a plain number is written with a ' before it (\"'=1+2\"), so a spreadsheet shows\n"
              "it as text instead of running it as a formula (OWASP's advice on CSV injection).\n"
              "  --csv-raw          write such cells as they are, for programs that read the CSV\n"
              "  --bom              begin the CSV with a UTF-8 byte-order mark, so that Excel shows CJK and\n"
              "                     Cyrillic names (LibreOffice needs none: choose UTF-8 when it asks)\n", stream);
    if (cmd->reads)
        sg_reading_options_help(cmd, stream);
    if (strcmp(cmd->name, "help") != 0)
        fputs("\nprogress (on standard error, never in the data written):\n"
              "  --progress         report the progress of long work (betweenness, closeness, samples, slices,\n"
              "                     layouts, exports) even when standard error is not a terminal, from the\n"
              "                     start: a line a second, the last one at 100%; by default it shows only on\n"
              "                     a terminal and only for work that lasts more than a second\n"
              "  --quiet            never report progress (warnings and errors are still printed)\n", stream);
}

void sg_help_list(FILE *stream, const char *lead, const char *const *items, int indent, int width)
{
    wrap_items(stream, lead, items, ",", indent, width);
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
    /* strtol alone also takes leading spaces and a '+': only plain digits (and a '-' where allowed) here */
    const char *digits = arg + (arg[0] == '-' && min < 0);
    bool plain = *digits && digits[strspn(digits, "0123456789")] == '\0';
    char *end = NULL;
    errno = 0;
    long v = plain ? strtol(arg, &end, 10) : 0;
    if (plain && !errno && v >= min && v <= max) {
        *out = v;
        return 0;
    }
    if (max == LONG_MAX && plain && errno == ERANGE && arg[0] != '-')
        return sg_usage_error(cmd, "bad %s '%s': too large (at most %ld)", option, arg, max);
    if (max == LONG_MAX)
        return sg_usage_error(cmd, "bad %s '%s': expected a whole number of at least %ld", option, arg, min);
    return sg_usage_error(cmd, "bad %s '%s': expected a whole number from %ld to %ld", option, arg, min, max);
}

int sg_parse_decimal(const sg_command *cmd, const char *option, const char *arg, double min, double max,
                     bool min_included, const char *expected, double *out)
{
    /* g_ascii_strtod alone also takes hexadecimal (0x1p-1), "nan" and "inf": only plain decimals here */
    char *end = NULL;
    double v = g_ascii_strtod(arg, &end);
    bool plain = *arg && !*end && !arg[strspn(arg, "0123456789+-.eE")];
    if (plain && (min_included ? v >= min : v > min) && v <= max) {
        *out = v;
        return 0;
    }
    return sg_usage_error(cmd, "bad %s '%s': expected %s", option, arg, expected);
}

int sg_parse_measure(const sg_command *cmd, const char *arg, const char **out)
{
    if (sg_centrality_measure_known(arg)) {
        *out = arg;
        return 0;
    }
    char *known = g_strjoinv(", ", (char **)sg_centrality_measures());
    int status = sg_usage_error(cmd, "unknown measure '%s' (known: %s)", arg, known);
    g_free(known);
    return status;
}

int sg_parse_interval(const sg_command *cmd, const char *arg, double *out)
{
    static const char expected[] = "a percentage between 0 and 100, such as 90";
    double v = 0;
    if (sg_parse_decimal(cmd, "--interval", arg, 0, 100, false, expected, &v))
        return SG_EXIT_USAGE;
    if (v == 100)
        return sg_usage_error(cmd, "bad --interval '%s': expected %s", arg, expected);
    *out = v;
    return 0;
}

int sg_parse_plot(const sg_command *cmd, const char *arg, const char **path, sg_plot_format *format)
{
    if (!sg_plot_format_from_path(arg, format))
        return sg_usage_error(cmd, "--plot '%s': the file name must end in .svg, .pdf or .png", arg);
    *path = arg;
    return 0;
}

char **sg_cmd_display_names(const char *const *ids, const char *const *labels, size_t n)
{
    GHashTable *count = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t u = 0; u < n; u++)
        g_hash_table_insert(count, (gpointer)labels[u],
                            GSIZE_TO_POINTER(GPOINTER_TO_SIZE(g_hash_table_lookup(count, labels[u])) + 1));
    char **names = g_new0(char *, n + 1);
    for (size_t u = 0; u < n; u++) {
        if (!*labels[u])
            names[u] = g_strdup(ids[u]);
        else if (GPOINTER_TO_SIZE(g_hash_table_lookup(count, labels[u])) > 1)
            names[u] = g_strdup_printf("%s (%s)", labels[u], ids[u]);
        else
            names[u] = g_strdup(labels[u]);
    }
    g_hash_table_destroy(count);
    return names;
}

int sg_check_group_by(const sg_command *cmd, const sg_network *net, const char *given, bool brokerage)
{
    if (brokerage && !given && !sg_centrality_default_group(net))
        return sg_usage_error(cmd, "brokerage needs groups: no node of %s has an affiliation; name a node attribute "
                                   "with --group-by",
                              net->name);
    if (!given || sg_centrality_group_known(net, given))
        return -1;
    GString *known = g_string_new("affiliation, kind, label, id, native_name");
    for (size_t k = 0; k < net->n_extra_attrs; k++)
        g_string_append_printf(known, ", %s", net->extra_attrs[k]);
    sg_usage_error(cmd, "unknown node attribute '%s' for --group-by (known: %s)", given, known->str);
    g_string_free(known, TRUE);
    return SG_EXIT_USAGE;
}

/* The common options without a short form that are not reading options (numbered below the commands' own). */
enum {
    OPT_CSV_RAW = SG_OPT_FIRST_COMMAND_OPTION - 0x10,
    OPT_BOM,
    OPT_INPUT_FORMAT,
    OPT_NODES,
    OPT_COLUMNS,
    OPT_PROGRESS,
    OPT_QUIET,
    OPT_MPI_READ
};
/* --max-input-size, a common option that is not a reading option (numbered below the commands' own). */
enum { SG_OPT_MAX_INPUT_SIZE = SG_OPT_FIRST_COMMAND_OPTION - 1 };

/* Parses SIZE (bytes, or a whole number with K, M or G: powers of 1024, an optional B or iB after; at most
 * INT_MAX bytes, so that every line and column number fits an int) and sets the maximum input size.
 * Returns 0 or SG_EXIT_USAGE. */
static int parse_input_size(const sg_command *cmd, const char *arg)
{
    char *end = NULL;
    errno = 0;
    unsigned long long v = g_ascii_isdigit(*arg) ? g_ascii_strtoull(arg, &end, 10) : 0;
    const char *units = "KMG", *unit = end && *end ? strchr(units, g_ascii_toupper(*end)) : NULL;
    int shift = unit ? 10 * (int)(unit - units + 1) : 0;
    const char *rest = unit ? end + 1 : end;
    if (unit && (g_ascii_strcasecmp(rest, "B") == 0 || g_ascii_strcasecmp(rest, "iB") == 0))
        rest += strlen(rest);
    if (!end || errno || v == 0 || *rest || v > ((unsigned long long)INT_MAX >> shift))
        return sg_usage_error(cmd, "bad --max-input-size '%s': expected a number of bytes from 1 to 2147483647, "
                              "with K, M or G for powers of 1024 (256M)", arg);
    sg_set_max_input_size((size_t)(v << shift));
    return 0;
}

/* The long options every command understands (where they do not apply, the command rejects them). */
static const struct option common_options[] = {
    {"csv-raw", no_argument, NULL, OPT_CSV_RAW},
    {"bom", no_argument, NULL, OPT_BOM},
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"nodes", required_argument, NULL, OPT_NODES},
    {"columns", required_argument, NULL, OPT_COLUMNS},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"quiet", no_argument, NULL, OPT_QUIET},
    {"mpi-read", required_argument, NULL, OPT_MPI_READ},
    {"hypothesis", required_argument, NULL, SG_OPT_HYPOTHESIS},
    {"at", required_argument, NULL, SG_OPT_AT},
    {"between", required_argument, NULL, SG_OPT_BETWEEN},
    {"relations", required_argument, NULL, SG_OPT_RELATIONS},
    {"exclude-relations", required_argument, NULL, SG_OPT_EXCLUDE_RELATIONS},
    {"kinds", required_argument, NULL, SG_OPT_KINDS},
    {"fold", required_argument, NULL, SG_OPT_FOLD},
    {"directed", no_argument, NULL, SG_OPT_DIRECTED},
    {"undirected", no_argument, NULL, SG_OPT_UNDIRECTED},
    {"max-input-size", required_argument, NULL, SG_OPT_MAX_INPUT_SIZE},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
};

/* Joins the common options and EXTRA into one getopt_long table (caller g_free()s it). */
static struct option *option_table(const struct option *extra)
{
    size_t n_extra = 0;
    while (extra && extra[n_extra].name)
        n_extra++;
    size_t n_common = G_N_ELEMENTS(common_options);
    struct option *all = g_new0(struct option, n_common + n_extra + 1);
    memcpy(all, common_options, sizeof common_options);
    if (n_extra)
        memcpy(all + n_common, extra, n_extra * sizeof *extra);
    return all;
}

/* Memory the parsed options point into, freed when the program exits. */
static GPtrArray *option_memory;

static void free_option_memory(void)
{
    if (option_memory)
        g_ptr_array_free(option_memory, TRUE);
    option_memory = NULL;
}

/* Hands MEMORY (g_malloc'd) over to be freed at exit; returns it. */
static void *keep_for_program(void *memory)
{
    if (!option_memory) {
        option_memory = g_ptr_array_new_with_free_func(g_free);
        atexit(free_option_memory);
    }
    g_ptr_array_add(option_memory, memory);
    return memory;
}

/* State of the reading options while they are parsed. */
typedef struct reading_state {
    GPtrArray *hypotheses;       /* ids (kept for the program) */
    bool relations_given, exclusions_given, at_given, between_given, direction_given;
    sg_relation_set relations, excluded;
} reading_state;

/* Every relation and family name, for the message about an unknown one (g_free). */
static char *relation_names(void)
{
    GString *s = g_string_new("all, channels");
    for (sg_family f = SG_FAMILY_MEMBERSHIP; f <= SG_FAMILY_OTHER; f++)
        g_string_append_printf(s, ", %s", sg_family_name(f));
    for (const sg_relation *r = sg_relations(); r->name; r++)
        g_string_append_printf(s, ", %s", r->name);
    return g_string_free(s, FALSE);
}

static int parse_relations(const sg_command *cmd, const char *option, const char *arg, sg_relation_set *out)
{
    const char *bad;
    size_t len;
    if (sg_relation_set_parse(arg, out, &bad, &len))
        return 0;
    char *names = relation_names();
    int status = sg_usage_error(cmd, "unknown relation or family '%.*s' in %s (known: %s)", (int)len, bad, option,
                                names);
    g_free(names);
    return status;
}

/* Parses a comma-separated list of kinds into the bit mask *OUT; FOLDABLE: organization and place only. */
static int parse_kinds(const sg_command *cmd, const char *option, const char *arg, bool foldable, unsigned *out)
{
    char **parts = g_strsplit(arg, ",", -1);
    int status = 0;
    for (size_t i = 0; parts[i] && status == 0; i++) {
        sg_kind kind = SG_KIND_UNSPECIFIED;
        const char *name = g_strstrip(parts[i]);
        if (!*name || !sg_kind_parse(name, &kind) || kind == SG_KIND_UNSPECIFIED)
            status = sg_usage_error(cmd, "unknown kind '%s' in %s (person, organization, place)", name, option);
        else if (foldable && kind == SG_KIND_PERSON)
            status = sg_usage_error(cmd, "%s folds organizations or places into ties between the nodes attached "
                                    "to them; person cannot be folded", option);
        else
            *out |= 1u << kind;
    }
    g_strfreev(parts);
    return status;
}

/* The ".." that separates FROM from TO in ARG: the first one that is not an open end of a range inside
 * FROM or TO ("../" or "/.."), so ../1932..1940 and 1936/....1940 split after the range; NULL if none. */
static const char *between_separator(const char *arg)
{
    for (const char *p = strstr(arg, ".."); p; p = strstr(p, "..")) {
        if (p[2] == '/' || (p > arg && p[-1] == '/'))
            p += 2; /* an open end: ../ or /.. */
        else
            return p;
    }
    return NULL;
}

/* Parses FROM..TO (either may be left out, not both). */
static int parse_between(const sg_command *cmd, const char *arg, sg_reading *r)
{
    const char *dots = between_separator(arg);
    const char *why = NULL;
    if (!dots)
        return sg_usage_error(cmd, "bad --between '%s': expected FROM..TO (either may be left out)", arg);
    char *from = g_strndup(arg, (size_t)(dots - arg));
    bool ok = sg_date_parse(from, &r->from, &why) && sg_date_parse(dots + 2, &r->to, &why);
    g_free(from);
    if (!ok)
        return sg_usage_error(cmd, "bad --between '%s': %s", arg, why);
    if (sg_date_is_open(r->from) && sg_date_is_open(r->to))
        return sg_usage_error(cmd, "bad --between '%s': give FROM, TO or both", arg);
    sg_interval iv = {r->from, r->to};
    if (sg_interval_is_reversed(&iv))
        return sg_usage_error(cmd, "bad --between '%s': TO is before FROM", arg);
    r->has_between = true;
    return 0;
}

/* Handles one reading option; returns 0, SG_EXIT_USAGE, or -1 if OPT is not one. */
static int reading_option(const sg_command *cmd, int opt, const char *arg, sg_reading *r, reading_state *st)
{
    const char *why = NULL;
    sg_relation_set set = 0;
    int status;
    switch (opt) {
    case SG_OPT_HYPOTHESIS: {
        if (!*arg)
            return sg_usage_error(cmd, "--hypothesis needs a hypothesis id");
        char **ids = g_strsplit(arg, ",", -1);
        status = 0;
        for (size_t i = 0; ids[i]; i++) {
            g_strstrip(keep_for_program(ids[i]));
            if (!*ids[i] && status == 0)
                status = sg_usage_error(cmd, "bad --hypothesis '%s': an empty hypothesis id", arg);
            g_ptr_array_add(st->hypotheses, ids[i]);
        }
        g_free(ids);
        return status;
    }
    case SG_OPT_AT:
        if (st->at_given)
            return sg_usage_error(cmd, "--at is given twice: a reading has one date (--between FROM..TO for a period)");
        if (!*arg || !sg_date_parse(arg, &r->at, &why))
            return sg_usage_error(cmd, "bad --at date '%s': %s", arg, why ? why : "empty");
        r->has_at = st->at_given = true;
        return 0;
    case SG_OPT_BETWEEN:
        if (st->between_given)
            return sg_usage_error(cmd, "--between is given twice: a reading has one period");
        st->between_given = true;
        return parse_between(cmd, arg, r);
    case SG_OPT_RELATIONS:
        status = parse_relations(cmd, "--relations", arg, &set);
        st->relations |= set;
        st->relations_given = true;
        return status;
    case SG_OPT_EXCLUDE_RELATIONS:
        status = parse_relations(cmd, "--exclude-relations", arg, &set);
        st->excluded |= set;
        st->exclusions_given = true;
        return status;
    case SG_OPT_KINDS:
        return parse_kinds(cmd, "--kinds", arg, false, &r->kinds);
    case SG_OPT_FOLD:
        return parse_kinds(cmd, "--fold", arg, true, &r->fold);
    case SG_OPT_DIRECTED:
    case SG_OPT_UNDIRECTED: {
        sg_direction d = opt == SG_OPT_DIRECTED ? SG_DIRECTION_DIRECTED : SG_DIRECTION_UNDIRECTED;
        if (st->direction_given && r->direction != d)
            return sg_usage_error(cmd, "--directed and --undirected exclude each other");
        r->direction = d;
        st->direction_given = true;
        return 0;
    }
    default:
        return -1;
    }
}

/* Checks the reading options together and completes R and *ROUTE_RELATIONS from them. Returns -1, or
 * SG_EXIT_USAGE. */
static int finish_reading(const sg_command *cmd, sg_reading *r, sg_relation_set *route_relations,
                          reading_state *st)
{
    bool any = st->hypotheses->len || st->at_given || st->between_given || st->relations_given ||
               st->exclusions_given || r->kinds || r->fold || st->direction_given;
    if (any && !cmd->reads)
        return sg_usage_error(cmd, "%s works on the whole network as written: the reading options "
                              "(--hypothesis, --at, --between, --relations, --exclude-relations, --kinds, --fold, "
                              "--directed, --undirected) do not apply", cmd->name);
    if (st->at_given && st->between_given)
        return sg_usage_error(cmd, "--at and --between exclude each other");
    if (r->kinds && (r->kinds & ~r->fold) == 0)
        return sg_usage_error(cmd, "--kinds keeps only kinds that --fold removes: no node would be left");
    sg_relation_set base = cmd->channels_only ? sg_relation_set_channels() : sg_relation_set_all();
    r->relations = (st->relations_given ? st->relations : base) & ~st->excluded;
    *route_relations = (st->relations_given ? st->relations : sg_relation_set_channels()) & ~st->excluded;
    if (r->relations == 0)
        return sg_usage_error(cmd, "--relations and --exclude-relations leave no relation to read");
    r->n_hypotheses = st->hypotheses->len;
    return -1;
}

/* --progress and --quiet as given on the command line being parsed. */
static bool progress_given, quiet_given;

/* Handles one common option that is not a reading option; returns 0, SG_EXIT_USAGE, or -1 if OPT is not
 * one. */
static int common_option(const sg_command *cmd, int opt, const char *arg, sg_options *o)
{
    switch (opt) {
    case 'f':
        if (cmd->own_format)
            return -1;
        if (!sg_format_parse(arg, &o->format))
            return sg_usage_error(cmd, "unknown format '%s' (table, csv or json)", arg);
        o->format_given = true;
        return 0;
    case 'o':
        if (!*arg) /* every command alike, the tables folder of export included */
            return sg_usage_error(cmd, "-o needs a file name (- for standard output)");
        o->output = arg;
        return 0;
    case OPT_CSV_RAW:
        if (cmd->own_format)
            return sg_usage_error(cmd, "--csv-raw is for CSV output, which %s does not write", cmd->name);
        sg_csv_set_raw(true);
        return 0;
    case OPT_BOM:
        if (cmd->own_format && !cmd->writes_csv_files)
            return sg_usage_error(cmd, "--bom is for CSV output, which %s does not write", cmd->name);
        sg_csv_set_bom(true);
        return 0;
    case SG_OPT_MAX_INPUT_SIZE:
        return parse_input_size(cmd, arg);
    case OPT_PROGRESS:
        progress_given = true;
        return 0;
    case OPT_QUIET:
        quiet_given = true;
        return 0;
    case OPT_INPUT_FORMAT: {
        const sg_graph_format *f = sg_graph_format_find(arg);
        if (!f || !f->read)
            return sg_usage_error(cmd, "unknown input format '%s' (%s)", arg, sg_graph_format_names(true));
        sg_set_input_format(f);
        return 0;
    }
    case OPT_NODES:
        if (!*arg)
            return sg_usage_error(cmd, "--nodes needs a file name");
        sg_set_nodes_table(arg);
        return 0;
    case OPT_MPI_READ: /* under mpirun (ranks.h): who reads NETWORK; elsewhere accepted and without effect */
        if (strcmp(arg, "root") == 0)
            sg_ranks_set_read(SG_RANKS_READ_ROOT);
        else if (strcmp(arg, "all") == 0)
            sg_ranks_set_read(SG_RANKS_READ_ALL);
        else
            return sg_usage_error(cmd, "bad --mpi-read '%s': expected root (rank 0 reads the input and sends it to "
                                  "the other ranks) or all (every rank reads it from shared storage)", arg);
        return 0;
    case OPT_COLUMNS: {
        char *error = NULL;
        if (sg_set_column_map(arg, &error))
            return 0;
        sg_usage_error(cmd, "bad --columns '%s': %s", arg, error);
        g_free(error);
        return SG_EXIT_USAGE;
    }
    default:
        return -1;
    }
}

/* Runs getopt over ARGV; returns -1 to go on, or an exit status. */
static int parse_loop(const sg_command *cmd, int argc, char **argv, const struct option *extra,
                      sg_option_handler handler, void *ctx, sg_options *opts, reading_state *st)
{
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
            int r = reading_option(cmd, opt, optarg, &opts->reading, st);
            if (r < 0)
                r = common_option(cmd, opt, optarg, opts);
            if (r < 0)
                r = handler ? handler(cmd, opt, optarg, ctx) : sg_usage_error(cmd, "unexpected option");
            if (r != 0)
                status = r;
        }
    }
    g_free(table);
    return status;
}

int sg_parse_options(const sg_command *cmd, int argc, char **argv, const struct option *extra,
                     sg_option_handler handler, void *ctx, sg_options *opts)
{
    memset(opts, 0, sizeof *opts);
    sg_reading_init(&opts->reading);
    reading_state st = {.hypotheses = g_ptr_array_new()};
    progress_given = quiet_given = false;
    int status = parse_loop(cmd, argc, argv, extra, handler, ctx, opts, &st);
    if (status < 0 && progress_given && quiet_given)
        status = sg_usage_error(cmd, "--progress and --quiet exclude each other");
    sg_progress_set_mode(quiet_given ? SG_PROGRESS_QUIET : progress_given ? SG_PROGRESS_FORCE : SG_PROGRESS_AUTO);
    if (status < 0)
        status = finish_reading(cmd, &opts->reading, &opts->route_relations, &st);
    if (status < 0 && !cmd->own_format && !opts->format_given && opts->output) {
        /* -o FILE.csv or FILE.json without -f: the format the name says, as render and export do */
        const char *dot = strrchr(opts->output, '.');
        if (dot && !strchr(dot, '/') && g_ascii_strcasecmp(dot, ".csv") == 0)
            opts->format = SG_FORMAT_CSV;
        else if (dot && !strchr(dot, '/') && g_ascii_strcasecmp(dot, ".json") == 0)
            opts->format = SG_FORMAT_JSON;
    }
    g_ptr_array_add(st.hypotheses, NULL);
    opts->reading.hypotheses = keep_for_program(g_ptr_array_free(st.hypotheses, FALSE));
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

/* Prints DIAG's errors (sorted) when there are any; returns true if there were none. */
static bool report(sg_diag *diag)
{
    if (!diag->errors)
        return true;
    sg_diag_sort(diag);
    sg_diag_print(diag, false);
    return false;
}

char *sg_cmd_reading_text(const sg_network *net, bool directed)
{
    GString *s = g_string_new(directed ? "ties followed in their direction" : "direction ignored");
    char *choices = net->reading ? sg_reading_describe(net->reading) : NULL;
    if (choices && *choices)
        g_string_append_printf(s, " (%s)", choices);
    g_free(choices);
    return g_string_free(s, FALSE);
}

sg_network *sg_cmd_load_base(const sg_options *opts)
{
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_load_network(opts->args[0], diag);
    if (!report(diag) || !net) {
        sg_network_unref(net);
        net = NULL;
    }
    sg_diag_free(diag);
    return net;
}

sg_network *sg_cmd_load(const sg_options *opts)
{
    sg_network *base = sg_cmd_load_base(opts);
    sg_network *net = base ? sg_cmd_read(opts, base) : NULL;
    sg_network_unref(base);
    return net;
}

sg_network *sg_cmd_whole(sg_network *base)
{
    sg_diag *diag = sg_diag_new();
    sg_network *all = sg_network_union_of_hypotheses(base, diag);
    bool ok = report(diag) && all;
    sg_diag_free(diag);
    if (!ok) {
        sg_network_unref(all);
        return NULL;
    }
    return all;
}

sg_network *sg_cmd_read(const sg_options *opts, sg_network *base)
{
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_reading_network(base, &opts->reading, diag);
    if (!report(diag) || !net) {
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

int sg_cmd_write_results(const sg_options *opts, const sg_network *net, const void *data,
                         cJSON *(*json)(const void *data), sg_table *(*table)(const void *data),
                         void (*text)(const void *data, FILE *stream))
{
    if (opts->format == SG_FORMAT_JSON)
        return sg_cmd_write_json(opts, json(data));
    if (opts->format == SG_FORMAT_CSV) {
        sg_table *t = table(data);
        int status = sg_cmd_write_table(opts, net, t, "nodes", NULL);
        sg_table_free(t);
        return status;
    }
    sg_output *out = sg_output_open(opts->output);
    if (!out)
        return SG_EXIT_DATA;
    text(data, out->stream);
    return sg_output_commit(out) ? SG_EXIT_OK : SG_EXIT_DATA;
}

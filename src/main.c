/* main.c: the list of commands, dispatch, the global options, igraph's and the signal handlers, and the exit codes of spygraph. */
#include <errno.h>
#include <glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "analysis/ranks.h"
#include "cmd/cmd.h"

static int cmd_help(const sg_command *self, int argc, char **argv);

/* `help` lives here, beside the list it prints. */
static const sg_command sg_cmd_help = {
    .name = "help",
    .run = cmd_help,
    .args = "[COMMAND|relations]",
    .min_args = 0,
    .max_args = 1,
    .summary = "Show the help of spygraph, of a command, or the relation vocabulary.",
    .help = "",
};

/* The commands, in the order `spygraph --help` lists them; each entry is in src/cmd/NAME.c. */
static const sg_command *const commands[] = {
    &sg_cmd_info, &sg_cmd_validate, &sg_cmd_paths, &sg_cmd_reach, &sg_cmd_cut,
    &sg_cmd_centrality, &sg_cmd_compare, &sg_cmd_robustness, &sg_cmd_timeline, &sg_cmd_render, &sg_cmd_export, &sg_cmd_report,
    &sg_cmd_help,
};

/* The command named NAME, or NULL. */
static const sg_command *command_find(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

static void print_usage(FILE *stream)
{
    fprintf(stream, "usage: spygraph [--help] [--version] COMMAND [ARGS]\n\n"
                    "spygraph analyses espionage and covert networks: who mattered, what the network looks like,\n"
                    "and what changes if a given historian is right.\n\ncommands:\n");
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
        fprintf(stream, "  %-11s %s\n", commands[i]->name, commands[i]->summary);
    fprintf(stream, "\nRun `spygraph help COMMAND` for a command's options, `spygraph help relations` for the\n"
                    "relation vocabulary. Exit status: 0 success, 1 bad input or failed analysis, 2 usage error.\n");
}

static void print_relations(FILE *stream)
{
    fprintf(stream, "%-16s %-9s %-8s %-12s %s\n", "relation", "directed", "channel", "family", "reading");
    for (const sg_relation *r = sg_relations(); r->name; r++)
        fprintf(stream, "%-16s %-9s %-8s %-12s %s\n", r->name, r->directed ? "yes" : "no", r->channel ? "yes" : "no",
                sg_family_name(r->family), r->reading);
}

static int cmd_help(const sg_command *self, int argc, char **argv)
{
    sg_options opts;
    int status = sg_parse_options(self, argc, argv, NULL, NULL, NULL, &opts);
    if (status >= 0)
        return status;
    if (opts.n_args == 0) {
        print_usage(stdout);
        return SG_EXIT_OK;
    }
    if (strcmp(opts.args[0], "relations") == 0) {
        print_relations(stdout);
        return SG_EXIT_OK;
    }
    const sg_command *cmd = command_find(opts.args[0]);
    if (!cmd)
        return sg_usage_error(self, "unknown command '%s'", opts.args[0]);
    sg_command_help(cmd, stdout);
    return SG_EXIT_OK;
}

/* Runs the command line; returns its exit code. */
static int run(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return SG_EXIT_USAGE;
    }
    const char *first = argv[1];
    if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0) {
        print_usage(stdout);
        return SG_EXIT_OK;
    }
    if (strcmp(first, "--version") == 0 || strcmp(first, "-V") == 0) {
        printf("spygraph %s (igraph %s, Graphviz cgraph, cJSON %s)\n", SPYGRAPH_VERSION, IGRAPH_VERSION,
               cJSON_Version());
        return SG_EXIT_OK;
    }
    const sg_command *cmd = first[0] == '-' ? NULL : command_find(first);
    if (!cmd) {
        sg_error(first[0] == '-' ? "unknown option '%s'" : "unknown command '%s'", first);
        print_usage(stderr);
        return SG_EXIT_USAGE;
    }
    return cmd->run(cmd, argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
    setlocale(LC_CTYPE, "");
    if (!sg_ranks_start(&argc, &argv)) /* MPI, when started by mpirun or srun (ranks.h) */
        return SG_EXIT_DATA;
    sg_igraph_install_handlers();
    sg_output_install_signal_handlers(); /* a temporary output file is removed on SIGINT, SIGTERM, ... */
    int status = run(argc, argv);
    /* What went to standard output directly (help, usage, version) is checked here; results written
     * through sg_output report their own errors. */
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        sg_error("cannot write standard output: %s", errno ? g_strerror(errno) : "write error");
        if (status == SG_EXIT_OK)
            status = SG_EXIT_DATA;
    }
    return sg_ranks_finish(status); /* every rank exits alike */
}

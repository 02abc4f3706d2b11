/* fuzz_tables.c: libFuzzer target for a curated network's tables: nodes, edges, a hypothesis patch and events. */
#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "io/tables.h"
#include "fuzz_reading.h"
#include "spygraph/curation.h"
#include "spygraph/reading.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sg_igraph_install_handlers();
    return 0;
}

/* Parses the next part of the input (up to a form feed) with READER, if it is a table at all. */
static void read_part(sg_network *net, const char **p, const char *end, const char *file,
                      void (*reader)(sg_network *, sg_csv *, const char *, sg_diag *), sg_diag *diag)
{
    const char *stop = memchr(*p, '\f', (size_t)(end - *p));
    if (!stop)
        stop = end;
    sg_csv *csv = sg_csv_parse(file, *p, (size_t)(stop - *p), ',', diag);
    if (csv)
        reader(net, csv, file, diag);
    sg_csv_free(csv);
    *p = stop < end ? stop + 1 : end;
}

static sg_patch *patches;
static size_t n_patches;

static void read_patch(sg_network *net, sg_csv *csv, const char *file, sg_diag *diag)
{
    patches = sg_read_patch_table(net, csv, file, &n_patches, diag);
}

/* The input is nodes.csv, a form feed, edges.csv, a form feed, a patch table, a form feed, events.csv. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size;
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_network_new("fuzz");
    net->curated = true;
    read_part(net, &p, end, "nodes.csv", sg_read_nodes_table, diag);
    read_part(net, &p, end, "edges.csv", sg_read_edges_table, diag);
    patches = NULL;
    n_patches = 0;
    read_part(net, &p, end, "patch.csv", read_patch, diag);
    read_part(net, &p, end, "events.csv", sg_read_events_table, diag);
    sg_hypothesis h = {.id = "h", .label = "fuzz", .citation = "", .patch_file = "patch.csv",
                       .patches = patches, .n_patches = n_patches};
    h.sources = sg_empty_list();
    sg_network_add_hypothesis(net, &h);
    sg_curation_check(net, diag);
    sg_network *applied = sg_network_apply_patches(net, &net->hypotheses[0], diag);
    if (applied)
        fuzz_readings(applied, sg_date_plain(1935, 0, 0), diag);
    sg_network_unref(applied);
    sg_network_unref(net);
    sg_diag_free(diag);
    return 0;
}

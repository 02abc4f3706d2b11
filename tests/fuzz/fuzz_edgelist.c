/* fuzz_edgelist.c: libFuzzer target for the bare edge-list reader, then the model code a command runs. */
#include <glib.h>
#include <stdint.h>

#include "fuzz_reading.h"
#include "spygraph/curation.h"
#include "spygraph/reading.h"
#include "spygraph/loader.h"
#include "spygraph/summary.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sg_igraph_install_handlers();
    return 0;
}

/* Runs what `info --at` and `validate` would on a network that loaded. */
static void exercise(sg_network *net, sg_diag *diag)
{
    sg_curation_check(net, diag);
    fuzz_readings(net, sg_date_plain(1932, 12, 0), diag);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_load_edge_list_bytes("fuzz.csv", (const char *)data, size, diag);
    if (net && diag->errors == 0)
        exercise(net, diag);
    sg_diag_sort(diag);
    sg_network_unref(net);
    sg_diag_free(diag);
    return 0;
}

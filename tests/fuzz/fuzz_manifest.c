/* fuzz_manifest.c: libFuzzer target for the manifest reader, over a temporary folder of small valid tables. */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_reading.h"
#include "spygraph/curation.h"
#include "spygraph/reading.h"
#include "spygraph/loader.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *folder; /* the tables a fuzzed manifest can name */

/* The folder's files: a valid network (nodes, edges, sources) and patches good and bad. */
static const char *const files[][2] = {
    {"nodes.csv", "id,label,kind,codenames,native_name\nanna,Anna,person,Ada,\nboris,Boris,person,,Борис\n"
                  "cell,The Cell,organization,,\n"},
    {"edges.csv", "source,target,relation,start,end,confidence,weight,sources\n"
                  "anna,boris,met,1932,1933,0.5,1,k1\nanna,cell,member_of,1930,,1,2,k1;k2\n"},
    {"sources.csv", "key,reference\nk1,A reference\nk2,Another\n"},
    {"add.csv", "op,node,label,source,target,relation,confidence\nadd_node,dora,Dora,,,,\n"
                ",,,dora,anna,recruited,0.4\n"},
    {"h.csv", "op,node,label,source,target,relation,confidence,start\nadd_node,dora,Dora,,,,,\n"
              "add_edge,,,dora,anna,recruited,0.4,1931\nchange_edge,,,boris,anna,met,0.9,\n"
              "remove_edge,,,anna,cell,,,\nchange_edge,,,anna,boris,,,1934\n"},
    {"bad.csv", "op,source,target,relation\nremove_edge,anna,nobody,met\nchange_edge,boris,cell,met\n"},
};

static void remove_folder(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
        char *path = g_build_filename(folder, files[i][0], NULL);
        g_unlink(path);
        g_free(path);
    }
    g_rmdir(folder);
    g_free(folder);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sg_igraph_install_handlers();
    folder = g_dir_make_tmp("spygraph-fuzz-XXXXXX", NULL);
    if (!folder)
        abort();
    for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
        char *path = g_build_filename(folder, files[i][0], NULL);
        if (!g_file_set_contents(path, files[i][1], -1, NULL))
            abort();
        g_free(path);
    }
    atexit(remove_folder);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_load_manifest_bytes("network.json", folder, (const char *)data, size, diag);
    if (net) {
        sg_curation_check(net, diag);
        for (size_t i = 0; i < net->n_hypotheses; i++) {
            sg_network *applied = sg_network_apply_hypothesis(net, net->hypotheses[i].id, diag);
            if (applied)
                fuzz_readings(applied, sg_date_plain(1941, 0, 0), diag);
            sg_network_unref(applied);
        }
    }
    sg_diag_sort(diag);
    sg_network_unref(net);
    sg_diag_free(diag);
    return 0;
}

/* fuzz_formats.c: libFuzzer target for every interchange reader (GraphML, GEXF, GML, Pajek, DL, SIF, ...) and every writer. */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fuzz_reading.h"
#include "spygraph/curation.h"
#include "spygraph/interchange.h"
#include "spygraph/loader.h"
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

/* Writes NET in every format that writes to a stream (into memory, then dropped). */
static void write_all(const sg_network *net)
{
    sg_export_info info = {.version = "fuzz"};
    for (const sg_graph_format *f = sg_graph_formats(); f->name; f++) {
        if (!f->write)
            continue;
        char *buf = NULL;
        size_t len = 0;
        FILE *stream = open_memstream(&buf, &len);
        if (!stream)
            continue;
        sg_diag *diag = sg_diag_new();
        f->write(net, &info, stream, diag);
        fclose(stream);
        free(buf);
        sg_diag_free(diag);
    }
}

/* The input is a format's name, a newline, then the file: "gexf\n<?xml ...". Without a known name the
 * whole input is sniffed, as a NETWORK argument of unknown extension is. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *nl = memchr(text, '\n', size < 32 ? size : 32);
    const sg_graph_format *format = NULL;
    if (nl) {
        char *name = g_strndup(text, (gsize)(nl - text));
        format = sg_graph_format_find(name);
        g_free(name);
    }
    if (format && format->read) {
        size -= (size_t)(nl + 1 - text);
        text = nl + 1;
    } else {
        format = sg_graph_format_sniff(text, size);
    }
    if (!format || !format->read)
        return 0;
    sg_diag *diag = sg_diag_new();
    sg_network *net = format->read("fuzz.input", text, size, diag);
    if (net && diag->errors == 0) {
        sg_curation_check(net, diag);
        fuzz_readings(net, sg_date_plain(1932, 12, 0), diag);
        write_all(net);
    }
    sg_diag_sort(diag);
    sg_network_unref(net);
    sg_diag_free(diag);
    return 0;
}

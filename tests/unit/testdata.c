/* testdata.c: loading the project's bundled networks and test data from the unit tests. */
#include <glib.h>

#include "spygraph/loader.h"
#include "testdata.h"

sg_network *test_load_network(const char *relative)
{
    const char *root = g_getenv("SPYGRAPH_SOURCE_ROOT");
    char *path = g_build_filename(root ? root : ".", relative, NULL);
    sg_diag *diag = sg_diag_new();
    sg_network *net = sg_load_network(path, diag);
    g_assert_nonnull(net);
    g_assert_cmpuint(diag->errors, ==, 0);
    sg_diag_free(diag);
    g_free(path);
    return net;
}

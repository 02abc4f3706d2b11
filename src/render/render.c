/* render.c: the public face of diagrams: formats, layouts, spec defaults, and layout + rendering through gvc. */
#include <graphviz/gvc.h>
#include <string.h>

#include "internal.h"

static const struct {
    const char *name;
    sg_render_format format;
} formats[] = {
    {"dot", SG_RENDER_DOT}, {"canon", SG_RENDER_CANON}, {"svg", SG_RENDER_SVG},
    {"png", SG_RENDER_PNG}, {"pdf", SG_RENDER_PDF},
};

bool sg_render_format_parse(const char *text, sg_render_format *out)
{
    for (size_t k = 0; k < G_N_ELEMENTS(formats); k++)
        if (strcmp(text, formats[k].name) == 0) {
            *out = formats[k].format;
            return true;
        }
    return false;
}

bool sg_render_format_from_path(const char *path, sg_render_format *out)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return false;
    char *ext = g_ascii_strdown(dot + 1, -1);
    bool ok = strcmp(ext, "canon") != 0 && sg_render_format_parse(ext, out);
    if (!ok && strcmp(ext, "gv") == 0) {
        *out = SG_RENDER_DOT;
        ok = true;
    }
    g_free(ext);
    return ok;
}

static const char *format_name(sg_render_format format)
{
    for (size_t k = 0; k < G_N_ELEMENTS(formats); k++)
        if (formats[k].format == format)
            return formats[k].name;
    return "svg";
}

bool sg_render_layout_known(const char *name)
{
    static const char *const layouts[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
    for (size_t k = 0; k < G_N_ELEMENTS(layouts); k++)
        if (strcmp(name, layouts[k]) == 0)
            return true;
    return false;
}

bool sg_label_mode_parse(const char *text, sg_label_mode *out)
{
    static const char *const names[] = {"label", "id", "codename", "none"};
    static const sg_label_mode modes[] = {SG_LABELS_LABEL, SG_LABELS_ID, SG_LABELS_CODENAME, SG_LABELS_NONE};
    for (size_t k = 0; k < G_N_ELEMENTS(names); k++)
        if (strcmp(text, names[k]) == 0) {
            *out = modes[k];
            return true;
        }
    return false;
}

bool sg_edge_label_mode_parse(const char *text, sg_edge_label_mode *out)
{
    static const char *const names[] = {"none", "relation", "dates"};
    static const sg_edge_label_mode modes[] = {SG_EDGE_LABELS_NONE, SG_EDGE_LABELS_RELATION, SG_EDGE_LABELS_DATES};
    for (size_t k = 0; k < G_N_ELEMENTS(names); k++)
        if (strcmp(text, names[k]) == 0) {
            *out = modes[k];
            return true;
        }
    return false;
}

void sg_render_spec_init(sg_render_spec *spec)
{
    memset(spec, 0, sizeof *spec);
    spec->format = SG_RENDER_SVG;
    spec->labels = SG_LABELS_LABEL;
    spec->edge_labels = SG_EDGE_LABELS_NONE;
    spec->color_by = "affiliation";
    spec->focus = -1;
    spec->path_from = spec->path_to = -1;
    spec->direction = SG_DIRECTION_DEFAULT;
    spec->seed = 1;
}

/* Graphviz reports through agerr; its messages are collected here and reported after each call. */
static GString *graphviz_messages;

static int collect_graphviz_message(char *text)
{
    if (graphviz_messages)
        g_string_append(graphviz_messages, text);
    return 0;
}

/* Reports the collected Graphviz messages as warnings ("graphviz: ..."), one per line. */
static void report_graphviz_messages(void)
{
    char **lines = g_strsplit(graphviz_messages->str, "\n", -1);
    for (char **line = lines; *line; line++) {
        char *text = g_strstrip(*line);
        if (g_str_has_prefix(text, "Warning: ") || g_str_has_prefix(text, "Error: "))
            text = strchr(text, ' ') + 1;
        if (*text)
            sg_warning("graphviz: %c%s", g_ascii_tolower(*text), text + 1);
    }
    g_strfreev(lines);
    g_string_truncate(graphviz_messages, 0);
}

/* Lays G out with LAYOUT and renders it in FORMAT to STREAM. */
static bool layout_and_render(Agraph_t *g, const char *layout, sg_render_format format, FILE *stream,
                              sg_diag *diag)
{
    GVC_t *gvc = gvContext();
    bool ok = gvLayout(gvc, g, layout) == 0;
    if (!ok) {
        sg_diag_error(diag, NULL, "graphviz cannot lay the graph out with '%s'", layout);
    } else {
        char *data = NULL;
        unsigned int length = 0;
        ok = gvRenderData(gvc, g, format_name(format), &data, &length) == 0;
        if (!ok)
            sg_diag_error(diag, NULL, "graphviz cannot render '%s' (is its plugin installed?)", format_name(format));
        else if (fwrite(data, 1, length, stream) != length)
            ok = false; /* the output module reports the write error at commit */
        if (data)
            gvFreeRenderData(data);
        gvFreeLayout(gvc, g);
    }
    gvFreeContext(gvc);
    return ok;
}

/* The layout to use: the spec's, else neato, or sfdp for a large drawing. */
static const char *choose_layout(const sg_render_spec *spec, const sg_view *view)
{
    if (spec->layout)
        return spec->layout;
    return view->drawn_nodes > SG_RENDER_LARGE ? "sfdp" : "neato";
}

bool sg_render_write(const sg_network *net, const sg_render_spec *spec, FILE *stream, sg_diag *diag)
{
    sg_view view;
    if (!sg_view_select(net, spec, &view, diag))
        return false;
    if (!sg_view_style(net, spec, &view, diag)) {
        sg_view_free(&view);
        return false;
    }
    graphviz_messages = g_string_new("");
    agusererrf previous = agseterrf(collect_graphviz_message);
    const char *layout = choose_layout(spec, &view);
    Agraph_t *g = sg_render_build(net, spec, &view, layout);
    bool ok;
    if (spec->format == SG_RENDER_CANON)
        ok = agwrite(g, stream) != EOF;
    else
        ok = layout_and_render(g, layout, spec->format, stream, diag);
    agclose(g);
    report_graphviz_messages();
    agseterrf(previous);
    g_string_free(graphviz_messages, TRUE);
    graphviz_messages = NULL;
    sg_view_free(&view);
    return ok;
}

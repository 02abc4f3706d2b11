/* style.c: the visual vocabulary of diagrams: label texts, shapes, tie colours and styles, the legend. */
#include <limits.h>
#include <string.h>

#include "internal.h"

/* Appends TEXT to OUT with what no diagram may hold replaced: a tab, line feed or carriage return by a
 * space; every other C0 control character, DEL, the C1 controls (U+0080-U+009F), U+FFFE, U+FFFF (none of
 * which XML 1.0 or a terminal takes as text) and any byte that is not UTF-8 by U+FFFD, the replacement
 * character, so the reader sees that something was there. */
static void append_drawable(GString *out, const char *text)
{
    const char *end = text + strlen(text);
    for (const char *p = text; *p;) {
        unsigned char b = (unsigned char)*p;
        gunichar c = b < 0x80 ? b : g_utf8_get_char_validated(p, end - p);
        bool invalid = c == (gunichar)-1 || c == (gunichar)-2;
        const char *next = invalid ? p + 1 : g_utf8_next_char(p);
        if (b == '\t' || b == '\n' || b == '\r')
            g_string_append_c(out, ' ');
        else if (invalid || c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff)
            g_string_append(out, "\xef\xbf\xbd"); /* U+FFFD */
        else
            g_string_append_len(out, p, next - p);
        p = next;
    }
}

char *sg_render_drawable_text(const char *text)
{
    GString *out = g_string_sized_new(strlen(text) + 8);
    append_drawable(out, text);
    return g_string_free(out, FALSE);
}

char *sg_render_plain_text(const char *text)
{
    char *drawable = sg_render_drawable_text(text);
    GString *out = g_string_sized_new(strlen(drawable) + 8);
    for (const char *p = drawable; *p; p++) {
        if (*p == '\\')
            g_string_append(out, "\\\\");
        else if (*p == '&')
            g_string_append(out, "&amp;"); /* Graphviz decodes entities in labels and tooltips */
        else
            g_string_append_c(out, *p);
    }
    g_free(drawable);
    return g_string_free(out, FALSE);
}

void sg_render_append_html(GString *out, const char *text)
{
    char *drawable = sg_render_drawable_text(text);
    char *escaped = g_markup_escape_text(drawable, -1);
    for (const char *p = escaped; *p; p++) { /* Graphviz expands \G, \N, ... in HTML-like text too */
        if (*p == '\\')
            g_string_append_c(out, '\\');
        g_string_append_c(out, *p);
    }
    g_free(escaped);
    g_free(drawable);
}

char *sg_render_tooltip_text(const char *text)
{
    char *drawable = sg_render_drawable_text(text);
    GString *out = g_string_sized_new(strlen(drawable) + 8);
    for (const char *p = drawable; *p; p++) {
        if (*p == '\\')
            g_string_append(out, "\\\\\\\\"); /* Graphviz 2.43 unescapes a tooltip twice: four for one */
        else if (*p == '&')
            g_string_append(out, "&amp;");
        else
            g_string_append_c(out, *p);
    }
    g_free(drawable);
    return g_string_free(out, FALSE);
}

void sg_render_append_html_wrapped(GString *out, const char *text, size_t width)
{
    char **words = g_strsplit(text, " ", -1);
    size_t line = 0;
    for (char **w = words; *w; w++) {
        size_t length = (size_t)g_utf8_strlen(*w, -1);
        if (w != words) {
            if (line > 0 && line + 1 + length > width) {
                g_string_append(out, "<BR ALIGN=\"LEFT\"/>");
                line = 0;
            } else {
                g_string_append_c(out, ' ');
                line++;
            }
        }
        sg_render_append_html(out, *w);
        line += length;
    }
    g_strfreev(words);
}

char *sg_render_object_id(const char *prefix, const char *id)
{
    GString *out = g_string_new(prefix);
    for (const char *p = id; *p; p++) {
        unsigned char b = (unsigned char)*p;
        if (g_ascii_isalnum(b) || b == '_' || b == '-' || b == '.')
            g_string_append_c(out, (char)b);
        else /* '%' and everything else, non-ASCII included: each byte as %XX */
            g_string_append_printf(out, "%%%02X", b);
    }
    return g_string_free(out, FALSE);
}

/* The codenames that the label does not already spell out, each in quotation marks, joined by ", ";
 * NULL when there are none (g_free). */
static char *codename_line(const sg_node *node)
{
    GString *line = g_string_new("");
    char *label = g_utf8_casefold(node->label, -1);
    for (size_t k = 0; node->codenames[k]; k++) {
        char *code = g_utf8_casefold(node->codenames[k], -1);
        if (!strstr(label, code))
            g_string_append_printf(line, "%s\xe2\x80\x9c%s\xe2\x80\x9d", line->len ? ", " : "", node->codenames[k]);
        g_free(code);
    }
    g_free(label);
    if (!line->len) {
        g_string_free(line, TRUE);
        return NULL;
    }
    return g_string_free(line, FALSE);
}

char *sg_render_node_label(const sg_node *node, sg_label_mode mode)
{
    char *text = NULL;
    char *codes = codename_line(node);
    switch (mode) {
    case SG_LABELS_NONE:
        text = g_strdup(" "); /* not "": cgraph's writer leaves an empty label out, and a reader of the DOT
                                 would then show Graphviz's default, the node's name */
        break;
    case SG_LABELS_ID:
        text = g_strdup(node->id);
        break;
    case SG_LABELS_CODENAME:
        text = g_strdup(node->codenames[0] ? node->codenames[0] : node->label);
        break;
    case SG_LABELS_LABEL:
        text = g_strdup(node->label);
        break;
    }
    char *label = sg_render_plain_text(text);
    if (mode == SG_LABELS_LABEL && codes) {
        char *second = sg_render_plain_text(codes);
        char *both = g_strdup_printf("%s\\n%s", label, second); /* \n: a centred line break */
        g_free(second);
        g_free(label);
        label = both;
    }
    g_free(codes);
    g_free(text);
    return label;
}

char *sg_render_dates(const sg_interval *when)
{
    char a[SG_DATE_TEXT_MAX], b[SG_DATE_TEXT_MAX];
    sg_date_format(when->start, a);
    sg_date_format(when->end, b);
    if (sg_interval_is_timeless(when))
        return g_strdup("");
    if (!*b) /* a start such as 1936/.. already says the period is open */
        return sg_date_last_day(when->start) == LONG_MAX ? g_strdup(a) : g_strdup_printf("from %s", a);
    if (!*a)
        return sg_date_first_day(when->end) == LONG_MIN ? g_strdup(b) : g_strdup_printf("until %s", b);
    if (strcmp(a, b) == 0)
        return g_strdup(a);
    return g_strdup_printf("%s\xe2\x80\x93%s", a, b); /* en dash */
}

char *sg_render_edge_label(const sg_edge *edge, sg_edge_label_mode mode)
{
    switch (mode) {
    case SG_EDGE_LABELS_RELATION:
        return sg_render_plain_text(edge->relation->name);
    case SG_EDGE_LABELS_DATES:
        return sg_render_dates(&edge->when);
    case SG_EDGE_LABELS_NONE:
        break;
    }
    return g_strdup("");
}

/* Tie looks by family. Colour: Brewer's Dark2 (dark enough to read as lines on white) for the families
 * of action, and greys for structure: command and reporting near black, membership light grey. Print:
 * three greys crossed with light, heavy and double lines (a Graphviz colour list "c:invis:c" draws two
 * parallel strokes), so no two families share a line in greyscale; confidence keeps its dash pattern in
 * both. */
#define LIGHT "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"  /* ─── */
#define HEAVY "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81"  /* ━━━ */
#define DOUBLE "\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90" /* ═══ */
static const sg_tie_look colour_looks[] = {
    [SG_FAMILY_MEMBERSHIP] = {"/greys9/5", "1.3", HEAVY, "/greys9/5"},  /* light grey: structure, not action */
    [SG_FAMILY_COMMAND] = {"/greys9/8", "1.3", HEAVY, "/greys9/8"},     /* near black */
    [SG_FAMILY_INFORMATION] = {"/dark28/3", "1.3", HEAVY, "/dark28/3"}, /* violet */
    [SG_FAMILY_PERSONAL] = {"/dark28/1", "1.3", HEAVY, "/dark28/1"},    /* teal */
    [SG_FAMILY_DIPLOMATIC] = {"/dark28/6", "1.3", HEAVY, "/dark28/6"},  /* mustard */
    [SG_FAMILY_HOSTILE] = {"/dark28/4", "1.3", HEAVY, "/dark28/4"},     /* magenta */
    [SG_FAMILY_OTHER] = {"/dark28/7", "1.3", HEAVY, "/dark28/7"},       /* brown */
};
static const sg_tie_look print_looks[] = {
    [SG_FAMILY_MEMBERSHIP] = {"#999999", "1", LIGHT, "#999999"},
    [SG_FAMILY_COMMAND] = {"black", "2.4", HEAVY, "black"},
    [SG_FAMILY_INFORMATION] = {"black:invis:black", "1", DOUBLE, "black"},
    [SG_FAMILY_PERSONAL] = {"black", "1", LIGHT, "black"},
    [SG_FAMILY_DIPLOMATIC] = {"#595959", "2.4", HEAVY, "#595959"},
    [SG_FAMILY_HOSTILE] = {"#595959:invis:#595959", "1", DOUBLE, "#595959"},
    [SG_FAMILY_OTHER] = {"#595959", "1", LIGHT, "#595959"},
};

const sg_tie_look *sg_render_family_look(sg_family family, sg_render_scheme scheme)
{
    if (family > SG_FAMILY_OTHER)
        family = SG_FAMILY_OTHER;
    return scheme == SG_SCHEME_PRINT ? &print_looks[family] : &colour_looks[family];
}

bool sg_render_scheme_parse(const char *text, sg_render_scheme *out)
{
    if (strcmp(text, "colour") == 0 || strcmp(text, "color") == 0)
        *out = SG_SCHEME_COLOUR;
    else if (strcmp(text, "print") == 0)
        *out = SG_SCHEME_PRINT;
    else
        return false;
    return true;
}

const char *sg_render_kind_shape(sg_kind kind)
{
    switch (kind) {
    case SG_KIND_ORGANIZATION:
        return "box";
    case SG_KIND_PLACE:
        return "parallelogram";
    case SG_KIND_PERSON:
    case SG_KIND_UNSPECIFIED:
        break;
    }
    return "ellipse";
}

const char *sg_render_kind_glyph(sg_kind kind)
{
    switch (kind) {
    case SG_KIND_ORGANIZATION:
        return "\xe2\x96\xa1"; /* □ */
    case SG_KIND_PLACE:
        return "\xe2\x96\xb1"; /* ▱ */
    case SG_KIND_PERSON:
    case SG_KIND_UNSPECIFIED:
        break;
    }
    return "\xe2\x97\xaf"; /* ◯ */
}

const char *sg_render_confidence_style(double c)
{
    return c >= SG_RENDER_CERTAIN ? "solid" : c >= SG_RENDER_DOUBTFUL ? "dashed" : "dotted";
}

char *sg_render_default_title(const sg_network *net)
{
    GString *t = g_string_new(*net->title ? net->title : net->id);
    const sg_reading *r = net->reading;
    if (net->applied_hypothesis) {
        const sg_hypothesis *h = sg_network_find_hypothesis(net, net->applied_hypothesis);
        bool several = strchr(net->applied_hypothesis, '+') != NULL;
        g_string_append_printf(t, " \xe2\x80\x94 %s %s", several ? "hypotheses" : "hypothesis", net->applied_hypothesis);
        if (h && *h->label)
            g_string_append_printf(t, ": %s", h->label);
    }
    char a[SG_DATE_TEXT_MAX], b[SG_DATE_TEXT_MAX];
    if (r && r->has_at)
        g_string_append_printf(t, " \xe2\x80\x94 ties active in %s", sg_date_format(r->at, a));
    if (r && r->has_between)
        g_string_append_printf(t, " \xe2\x80\x94 ties active from %s to %s",
                               sg_date_is_open(r->from) ? "the start" : sg_date_format(r->from, a),
                               sg_date_is_open(r->to) ? "the end" : sg_date_format(r->to, b));
    if (r && r->fold) {
        sg_reading only = {.fold = r->fold, .relations = sg_relation_set_all()};
        char *text = sg_reading_describe(&only);
        g_string_append_printf(t, " \xe2\x80\x94 %s", text);
        g_free(text);
    }
    if (r && (r->relations != sg_relation_set_all() || r->kinds)) {
        sg_reading only = {.relations = r->relations, .kinds = r->kinds};
        char *text = sg_reading_describe(&only);
        g_string_append_printf(t, " \xe2\x80\x94 %s", text);
        g_free(text);
    }
    return g_string_free(t, FALSE);
}

GPtrArray *sg_legend_columns_new(void)
{
    return g_ptr_array_new_with_free_func(sg_legend_column_free);
}

sg_legend_column *sg_legend_column_add(GPtrArray *columns, const char *heading)
{
    sg_legend_column *c = g_new0(sg_legend_column, 1);
    GString *escaped = g_string_new("");
    sg_render_append_html(escaped, heading);
    c->heading = g_string_free(escaped, FALSE);
    c->rows = g_ptr_array_new_with_free_func(g_free);
    c->line = SG_LEGEND_LINE;
    g_ptr_array_add(columns, c);
    return c;
}

void sg_legend_column_free(gpointer data)
{
    sg_legend_column *c = data;
    g_free(c->heading);
    g_ptr_array_free(c->rows, TRUE);
    g_free(c);
}

void sg_legend_row(sg_legend_column *c, const char *cell, const char *swatch, const char *text)
{
    GString *row = g_string_new("");
    g_string_append_printf(row, "<TD ALIGN=\"CENTER\" %s>%s</TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">", cell, swatch);
    sg_render_append_html_wrapped(row, text, c->line);
    g_string_append(row, "</TD>");
    g_ptr_array_add(c->rows, g_string_free(row, FALSE));
}

char *sg_legend_swatch(const char *fill, const char *outline, double border, const char *color, double font)
{
    bool pattern = strcmp(outline, "dashed") == 0 || strcmp(outline, "dotted") == 0;
    if (strcmp(outline, "bold") == 0)
        border = MAX(border, 3);
    /* 26 x 15 points beside 14-point text */
    return g_strdup_printf("BGCOLOR=\"%s\" BORDER=\"%d\"%s%s%s%s%s%s FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" HEIGHT=\"%d\"",
                           fill, (int)(border + 0.5), color ? " COLOR=\"" : "", color ? color : "", color ? "\"" : "",
                           pattern ? " STYLE=\"" : "", pattern ? outline : "", pattern ? "\"" : "",
                           (int)(font * 26 / 14 + 0.5), (int)(font * 15 / 14 + 0.5));
}

/* The outline of nodes without a colour group: dotted in print (white is a group's grey there). */
const char *sg_render_ungrouped_outline(sg_render_scheme scheme)
{
    return scheme == SG_SCHEME_PRINT ? "dotted" : "solid";
}

static void legend_groups(GPtrArray *columns, const sg_render_spec *spec, const sg_view *view, bool has_ungrouped)
{
    if (view->n_groups == 0) /* nobody has a value: no colour to explain */
        return;
    char *heading = g_strdup_printf("%s: %s", spec->scheme == SG_SCHEME_PRINT ? "fill and outline" : "fill",
                                    spec->color_by);
    sg_legend_column *c = sg_legend_column_add(columns, heading);
    c->line = view->legend_line;
    g_free(heading);
    for (size_t k = 0; k < view->n_groups; k++) {
        char *swatch = sg_legend_swatch(view->groups[k].fill, view->groups[k].outline, 1, NULL, view->legend_font);
        char *text = g_strdup_printf("%s (%zu)", view->groups[k].display, view->groups[k].count);
        sg_legend_row(c, swatch, "", text);
        g_free(text);
        g_free(swatch);
    }
    if (has_ungrouped) {
        char *swatch = sg_legend_swatch("white", sg_render_ungrouped_outline(spec->scheme), 1, NULL, view->legend_font);
        sg_legend_row(c, swatch, "", "none given");
        g_free(swatch);
    }
}

void sg_legend_add_kinds(GPtrArray *columns, const bool *seen, double font, size_t line)
{
    if (!seen[SG_KIND_PERSON] && !seen[SG_KIND_ORGANIZATION] && !seen[SG_KIND_PLACE])
        return; /* no kinds given: one shape, nothing to explain */
    sg_legend_column *c = sg_legend_column_add(columns, "shape: kind");
    c->line = line;
    for (int k = SG_KIND_PERSON; k <= SG_KIND_PLACE; k++)
        if (seen[k]) {
            char *swatch = g_strdup_printf("<FONT POINT-SIZE=\"%.3g\">%s</FONT>", font * 18 / 14,
                                           sg_render_kind_glyph((sg_kind)k));
            sg_legend_row(c, "", swatch, sg_kind_name((sg_kind)k));
            g_free(swatch);
        }
    if (seen[SG_KIND_UNSPECIFIED])
        sg_legend_row(c, "", sg_render_kind_glyph(SG_KIND_UNSPECIFIED), "kind not given");
}

static void legend_kinds(GPtrArray *columns, const sg_network *net, const sg_view *view)
{
    bool seen[SG_KIND_PLACE + 1] = {false};
    for (size_t i = 0; i < net->n_nodes; i++)
        if (view->node_drawn[i])
            seen[net->nodes[i].kind] = true;
    sg_legend_add_kinds(columns, seen, view->legend_font, view->legend_line);
}

static void legend_families(GPtrArray *columns, const sg_network *net, const sg_render_spec *spec,
                            const sg_view *view)
{
    bool seen[SG_FAMILY_OTHER + 1] = {false};
    bool directed = false;
    for (size_t i = 0; i < net->n_edges; i++)
        if (view->edge_drawn[i]) {
            seen[net->edges[i].relation->family] = true;
            directed = directed || sg_render_arrow(net, spec, &net->edges[i]);
        }
    if (view->drawn_edges == 0)
        return;
    sg_legend_column *c = sg_legend_column_add(columns, spec->scheme == SG_SCHEME_PRINT ? "line: tie family" : "colour: tie family");
    c->line = view->legend_line;
    for (int f = SG_FAMILY_MEMBERSHIP; f <= SG_FAMILY_OTHER; f++)
        if (seen[f]) {
            const sg_tie_look *look = sg_render_family_look((sg_family)f, spec->scheme);
            char *swatch = g_strdup_printf("<FONT COLOR=\"%s\">%s</FONT>", look->glyph_color, look->glyph);
            sg_legend_row(c, "", swatch, sg_family_name((sg_family)f));
            g_free(swatch);
        }
    if (directed)
        sg_legend_row(c, "", "\xe2\x94\x80\xe2\x94\x80\xe2\x96\xb6", "directed relation"); /* ──▶ */
}

/* The confidence column: only the line patterns some drawn tie has. */
static void legend_confidence(GPtrArray *columns, const sg_network *net, const sg_view *view)
{
    bool solid = false, dashed = false, dotted = false;
    for (size_t i = 0; i < net->n_edges; i++) {
        if (!view->edge_drawn[i])
            continue;
        double c = net->edges[i].confidence;
        solid = solid || c >= SG_RENDER_CERTAIN;
        dashed = dashed || (c < SG_RENDER_CERTAIN && c >= SG_RENDER_DOUBTFUL);
        dotted = dotted || c < SG_RENDER_DOUBTFUL;
    }
    if (!solid && !dashed && !dotted)
        return;
    sg_legend_column *c = sg_legend_column_add(columns, "line: confidence");
    c->line = view->legend_line;
    if (solid)
        sg_legend_row(c, "", "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81", "0.8 or more: solid");
    if (dashed)
        sg_legend_row(c, "", "\xe2\x94\x81 \xe2\x94\x81 \xe2\x94\x81", "0.5 to 0.8: dashed");
    if (dotted)
        sg_legend_row(c, "", "\xc2\xb7 \xc2\xb7 \xc2\xb7 \xc2\xb7 \xc2\xb7", "below 0.5: dotted");
}

/* Writes COLUMNS [FIRST, FIRST + N) as rows of one grid (headings, then row by row, a spacer between
 * columns), so every row lines up; SPAN is the grid's width in cells (short blocks are padded). */
static void write_block(GString *out, GPtrArray *columns, guint first, guint n, int span)
{
    guint depth = 0;
    int used = 0;
    g_string_append(out, "<TR>");
    for (guint k = first; k < first + n; k++) {
        sg_legend_column *c = g_ptr_array_index(columns, k);
        g_string_append_printf(out, "%s<TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>%s</B></TD>",
                               k > first ? "<TD WIDTH=\"24\"></TD>" : "", c->heading);
        used += k > first ? 3 : 2;
        depth = MAX(depth, c->rows->len);
    }
    if (used < span)
        g_string_append_printf(out, "<TD COLSPAN=\"%d\"></TD>", span - used);
    g_string_append(out, "</TR>");
    for (guint r = 0; r < depth; r++) {
        g_string_append(out, "<TR>");
        for (guint k = first; k < first + n; k++) {
            sg_legend_column *c = g_ptr_array_index(columns, k);
            if (k > first)
                g_string_append(out, "<TD></TD>");
            g_string_append(out, r < c->rows->len ? (const char *)g_ptr_array_index(c->rows, r) : "<TD></TD><TD></TD>");
        }
        if (used < span)
            g_string_append_printf(out, "<TD COLSPAN=\"%d\"></TD>", span - used);
        g_string_append(out, "</TR>");
    }
}

/* Writes the columns as a grid, PER_ROW of them side by side (0: all), the next ones beneath. Returns the
 * number of grid columns. */
int sg_legend_write_columns(GString *out, GPtrArray *columns, int per_row)
{
    guint across = per_row > 0 && (guint)per_row < columns->len ? (guint)per_row : columns->len;
    int span = across ? 3 * (int)across - 1 : 1;
    for (guint first = 0; first < columns->len; first += across)
        write_block(out, columns, first, MIN(across, columns->len - first), span);
    return span;
}

/* Opens a note row spanning SPAN columns. */
void sg_legend_note_open(GString *out, int span)
{
    g_string_append_printf(out, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" COLSPAN=\"%d\">", span);
}

/* Notes under the columns: the size measure, the route, the ties left out. */
static void legend_notes(GString *out, const sg_network *net, const sg_render_spec *spec, const sg_view *view,
                         int span)
{
    if (spec->size_by) {
        sg_legend_note_open(out, span);
        char *text = view->size_top >= 0
                         ? g_strdup_printf("size: %s (area grows with the value; largest: %s, %.4g)",
                                           spec->size_by, net->nodes[view->size_top].label,
                                           spec->size_values[view->size_top])
                         : g_strdup_printf("size: %s (all zero)", spec->size_by);
        sg_render_append_html_wrapped(out, text, view->legend_line);
        g_free(text);
        g_string_append(out, "</TD></TR>");
    }
    if (view->has_route) {
        sg_legend_note_open(out, span);
        g_string_append_printf(out, "<FONT COLOR=\"%s\">\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81</FONT> ",
                               SG_RENDER_ROUTE_COLOR);
        /* the route `paths --k K` lists K-th: "a shortest route", "the 2nd shortest route" */
        size_t k = spec->path_rank > 1 ? spec->path_rank : 1;
        const char *suffix = k % 100 / 10 == 1 ? "th"
                             : k % 10 == 1     ? "st"
                             : k % 10 == 2     ? "nd"
                             : k % 10 == 3     ? "rd"
                                               : "th";
        char rank[40] = "a";
        if (k > 1)
            g_snprintf(rank, sizeof rank, "the %zu%s", k, suffix);
        char *text = g_strdup_printf("%s shortest route from %s to %s%s", rank, net->nodes[spec->path_from].label,
                                     net->nodes[spec->path_to].label,
                                     spec->direction == SG_DIRECTION_DIRECTED ? " (following arrows)" : "");
        sg_render_append_html_wrapped(out, text, view->legend_line);
        g_free(text);
        g_string_append(out, "</TD></TR>");
    }
    if (view->unlabelled > 0 && spec->labels != SG_LABELS_NONE) {
        sg_legend_note_open(out, span);
        char *text = g_strdup_printf("%zu of %zu nodes drawn as unlabelled marks, to keep the labels legible at this "
                                     "size (their names are in the SVG's tooltips)", view->unlabelled, view->drawn_nodes);
        sg_render_append_html_wrapped(out, text, view->legend_line);
        g_free(text);
        g_string_append(out, "</TD></TR>");
    }
    if (spec->min_confidence > 0 || spec->focus >= 0) {
        sg_legend_note_open(out, span);
        GString *note = g_string_new("");
        if (spec->focus >= 0)
            g_string_append_printf(note, "within %d hop%s of %s (double outline); ", spec->hops, spec->hops == 1 ? "" : "s",
                                   net->nodes[spec->focus].label);
        if (spec->min_confidence > 0)
            g_string_append_printf(note, "ties of confidence below %g left out; ", spec->min_confidence);
        g_string_append_printf(note, "%zu of %zu nodes, %zu of %zu ties drawn", view->drawn_nodes, net->n_nodes,
                               view->drawn_edges, net->n_edges);
        sg_render_append_html_wrapped(out, note->str, view->legend_line);
        g_string_free(note, TRUE);
        g_string_append(out, "</TD></TR>");
    }
}

char *sg_render_legend(const sg_network *net, const sg_render_spec *spec, const sg_view *view, const char *title)
{
    bool has_ungrouped = false;
    for (size_t i = 0; i < net->n_nodes; i++)
        has_ungrouped = has_ungrouped || (view->node_drawn[i] && view->group[i] < 0);
    has_ungrouped = has_ungrouped && strcmp(spec->color_by, "none") != 0;
    GPtrArray *columns = sg_legend_columns_new();
    legend_groups(columns, spec, view, has_ungrouped);
    legend_kinds(columns, net, view);
    legend_families(columns, net, spec, view);
    legend_confidence(columns, net, view);
    GString *grid = g_string_new("");
    int span = sg_legend_write_columns(grid, columns, view->legend_per_row);
    GString *out = g_string_new("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">");
    sg_legend_note_open(out, span);
    g_string_append_printf(out, "<FONT POINT-SIZE=\"%.3g\">", view->legend_font * 22 / 14);
    sg_render_append_html_wrapped(out, title, view->legend_line * 2 / 3);
    g_string_append_printf(out, "</FONT></TD></TR>%s", grid->str);
    legend_notes(out, net, spec, view, span);
    g_string_append(out, "</TABLE>");
    g_string_free(grid, TRUE);
    g_ptr_array_free(columns, TRUE);
    return g_string_free(out, FALSE);
}

/* sif.c: Cytoscape's Simple Interaction Format (source interaction target...), read by spygraph. */
#include <glib.h>
#include <string.h>

#include "foreign.h"
#include "formats.h"
#include "textlines.h"

#define SIF_NAME "SIF"

/* One field of a line: where it starts and how long it is. */
typedef struct field {
    const char *start;
    size_t len;
} field;

/* Splits the LEN bytes at LINE into FIELDS (at most MAX; returns how many there are, which may be more):
 * at tabs when the line has one (a field may then hold spaces, and is trimmed), else at runs of blanks.
 * Blanks at the line's ends are not fields. An empty field between two tabs is one of length 0. */
static size_t split_fields(const char *line, size_t len, field *fields, size_t max)
{
    while (len > 0 && sg_text_is_blank(line[len - 1]))
        len--;
    while (len > 0 && sg_text_is_blank(*line)) {
        line++;
        len--;
    }
    if (len == 0)
        return 0;
    bool tabs = memchr(line, '\t', len) != NULL;
    size_t count = 0;
    const char *p = line, *end = line + len;
    while (p <= end) {
        const char *start = p;
        if (tabs) {
            while (p < end && *p != '\t')
                p++;
        } else {
            while (p < end && !sg_text_is_blank(*p))
                p++;
        }
        const char *stop = p;
        while (start < stop && *start == ' ')
            start++;
        while (stop > start && stop[-1] == ' ')
            stop--;
        if (count < max)
            fields[count] = (field){start, (size_t)(stop - start)};
        count++;
        if (p == end)
            break;
        p++;
        if (!tabs)
            while (p < end && sg_text_is_blank(*p))
                p++;
    }
    return count;
}

/* SIF is recognised by its extension (.sif), or in a file without tabs or commas (CSV and TSV edge lists are
 * read as such) whose lines each hold one node alone or a source, an interaction that is not a number and
 * targets; at least one such tie in the first twenty lines. */
bool sg_sif_sniff(const char *data, size_t len)
{
    sg_text_lines lines;
    sg_text_lines_init(&lines, data, len);
    const char *line;
    size_t n;
    int number, seen = 0;
    bool tie = false;
    while (seen < 20 && sg_text_lines_next(&lines, &line, &n, &number)) {
        if (memchr(line, '\t', n) || memchr(line, ',', n))
            return false;
        field fields[3];
        size_t count = split_fields(line, n, fields, 3);
        if (count == 0)
            continue;
        seen++;
        if (count == 2 || (count >= 3 && (fields[2].start[0] == '{' || sg_text_is_number(fields[2].start, fields[2].len) ||
                                          sg_text_is_number(fields[1].start, fields[1].len))))
            return false;
        tie |= count >= 3;
    }
    return tie;
}

sg_network *sg_sif_read(const char *name, const char *data, size_t len, sg_diag *diag)
{
    if (!sg_text_check(name, SIF_NAME, data, len, diag))
        return NULL;
    sg_foreign *f = sg_foreign_new(name, SIF_NAME, data, len, diag);
    const char *file = sg_foreign_file(f);
    sg_text_lines lines;
    sg_text_lines_init(&lines, data, len);
    const char *line;
    size_t n;
    int number;
    GArray *fields = g_array_new(FALSE, FALSE, sizeof(field));
    while (sg_text_lines_next(&lines, &line, &n, &number)) {
        size_t count = split_fields(line, n, NULL, 0);
        g_array_set_size(fields, count);
        split_fields(line, n, (field *)(void *)fields->data, count);
        if (count == 0)
            continue;
        field *fs = (field *)(void *)fields->data;
        size_t empty = 0;
        while (empty < count && fs[empty].len > 0)
            empty++;
        if (empty < count) {
            sg_diag_error(diag, &(sg_origin){file, number, sg_text_column(line, fs[empty].start)},
                          "not a readable SIF file: an empty field between two tabs");
            continue;
        }
        sg_origin at = {file, number, sg_text_column(line, fs[0].start)};
        char *source_id = g_strndup(fs[0].start, fs[0].len);
        int source = sg_foreign_node(f, source_id, &at);
        g_free(source_id);
        if (count == 1 || source < 0)
            continue; /* a node alone */
        sg_origin i_at = {file, number, sg_text_column(line, fs[1].start)};
        if (count == 2) {
            sg_diag_error(diag, &i_at, "not a readable SIF file: the interaction '%.*s' has no target",
                          (int)fs[1].len, fs[1].start);
            continue;
        }
        char *interaction = g_strndup(fs[1].start, fs[1].len);
        /* A relation of spygraph's vocabulary is the tie's relation; any other interaction is kept as it is */
        const char *key = sg_relation_find(interaction) ? "relation" : "interaction";
        for (size_t k = 2; k < count; k++) {
            sg_origin t_at = {file, number, sg_text_column(line, fs[k].start)};
            char *target_id = g_strndup(fs[k].start, fs[k].len);
            int target = sg_foreign_node(f, target_id, &t_at);
            g_free(target_id);
            if (target < 0)
                continue;
            int edge = sg_foreign_edge(f, source, target, SG_TIE_AS_RELATION, &t_at);
            sg_foreign_edge_attr(f, edge, key, interaction, &i_at);
        }
        g_free(interaction);
    }
    g_array_free(fields, TRUE);
    return sg_foreign_finish(f);
}

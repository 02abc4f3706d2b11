/* textlines.c: line-by-line reading of the plain-text graph formats (Pajek, SIF, whitespace edge lists). */
#include <glib.h>
#include <string.h>

#include "spygraph/csvread.h"
#include "textlines.h"

bool sg_text_check(const char *file, const char *format, const char *data, size_t len, sg_diag *diag)
{
    sg_origin at = {file, 1, 1};
    /* CSV, spygraph's own, keeps its shorter wording */
    char *lead = format ? g_strdup_printf("not a readable %s file: ", format) : g_strdup("");
    bool ok = false;
    const char *end = NULL;
    if (len == 0) {
        sg_diag_error(diag, &at, format ? "%sthe file is empty" : "%sempty file", lead);
    } else if (g_utf8_validate_len(data, len, &end)) {
        ok = true;
    } else {
        size_t offset = (size_t)(end - data);
        sg_text_position(data, offset, &at.line, &at.column);
        if (data[offset] == '\0')
            sg_diag_error(diag, &at, "%sNUL byte in text", lead);
        else
            sg_diag_error(diag, &at, "%sinvalid UTF-8 (byte 0x%02X)%s", lead, (unsigned char)data[offset],
                          format ? ": save it as UTF-8" : "");
    }
    g_free(lead);
    return ok;
}

void sg_text_lines_init(sg_text_lines *r, const char *data, size_t len)
{
    r->data = data;
    r->len = len;
    r->pos = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    r->line = 0;
}

bool sg_text_lines_next(sg_text_lines *r, const char **start, size_t *len, int *number)
{
    if (r->pos >= r->len)
        return false;
    size_t begin = r->pos, end = begin;
    while (end < r->len && r->data[end] != '\n' && r->data[end] != '\r')
        end++;
    *start = r->data + begin;
    *len = end - begin;
    *number = ++r->line;
    if (end < r->len && r->data[end] == '\r' && end + 1 < r->len && r->data[end + 1] == '\n')
        end++;
    r->pos = end < r->len ? end + 1 : end;
    return true;
}

int sg_text_column(const char *line, const char *at)
{
    return 1 + (int)g_utf8_strlen(line, at - line);
}

bool sg_text_is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

bool sg_text_is_number(const char *text, size_t len)
{
    if (len == 0)
        return false;
    char *copy = g_strndup(text, len), *end = NULL;
    g_ascii_strtod(copy, &end);
    bool number = *end == '\0' && !g_ascii_isalpha(copy[len - 1]); /* not inf or nan */
    g_free(copy);
    return number;
}

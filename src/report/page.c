/* page.c: writes the report's HTML page around its data, with the page's embedded script and style. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "spygraph/output.h"
#include "spygraph/report.h"
#include "spygraph/spygraph.h"

/* Generated at build time from src/report/page/ (src/report/embed.c). */
extern const char sg_report_page_js[];
extern const char sg_report_page_css[];

/* Writes TEXT with the five characters HTML gives meaning to written as character references, and every
 * control character HTML text may not hold (C0 but tab, line feed and carriage return; DEL; C1) as U+FFFD. */
static void write_html_text(const char *text, FILE *stream)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f) {
            fputs("\xef\xbf\xbd", stream);
            continue;
        }
        if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            fputs("\xef\xbf\xbd", stream);
            p++;
            continue;
        }
        switch (*p) {
        case '<': fputs("&lt;", stream); break;
        case '>': fputs("&gt;", stream); break;
        case '&': fputs("&amp;", stream); break;
        case '"': fputs("&quot;", stream); break;
        case '\'': fputs("&#39;", stream); break;
        default: fputc(*p, stream);
        }
    }
}

/* Writes JSON TEXT with '<', '>' and '&' as JSON escapes. Outside strings JSON holds none of them, so each is
 * inside a string, where the escape means the same character. */
static void write_json_for_script(const char *text, size_t len, FILE *stream)
{
    const char *run = text, *end = text + len;
    for (const char *p = text; p < end; p++) {
        const char *escape = *p == '<' ? "\\u003c" : *p == '>' ? "\\u003e" : *p == '&' ? "\\u0026" : NULL;
        if (!escape)
            continue;
        fwrite(run, 1, (size_t)(p - run), stream);
        fputs(escape, stream);
        run = p + 1;
    }
    fwrite(run, 1, (size_t)(end - run), stream);
}

/* The Content-Security-Policy's source of the page's one script: 'sha256-' and the base64 of the SHA-256 of
 * SCRIPT, the element's exact text (g_free). Only that script may run: no inline handler, no other script. */
static char *script_source(const char *script)
{
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(sum, (const guchar *)script, (gssize)strlen(script));
    guint8 digest[32];
    gsize len = sizeof digest;
    g_checksum_get_digest(sum, digest, &len);
    g_checksum_free(sum);
    char *b64 = g_base64_encode(digest, len);
    char *source = g_strdup_printf("'sha256-%s'", b64);
    g_free(b64);
    return source;
}

bool sg_report_page_write(const cJSON *data, const char *title, FILE *stream)
{
    char *json = NULL;
    size_t json_len = 0;
    FILE *memory = open_memstream(&json, &json_len);
    if (!memory)
        return false;
    bool ok = sg_json_write_compact(data, memory);
    ok = fclose(memory) == 0 && ok;
    if (!ok) {
        free(json);
        return false;
    }
    char *script = g_strconcat("\n", sg_report_page_js, NULL);
    char *source = script_source(script);
    fprintf(stream,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src %s; "
            "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"spygraph " SPYGRAPH_VERSION "\">\n<title>",
            source);
    g_free(source);
    write_html_text(title, stream);
    fputs("</title>\n<style>\n", stream);
    fputs(sg_report_page_css, stream);
    fputs("</style>\n</head>\n<body>\n<noscript><p>This report is drawn by its own script: allow JavaScript for "
          "this file (it makes no request of any kind).</p></noscript>\n<div id=\"app\"></div>\n"
          "<script type=\"application/json\" id=\"spygraph-data\">",
          stream);
    write_json_for_script(json, json_len, stream);
    fputs("</script>\n<script>", stream);
    fputs(script, stream);
    g_free(script);
    fputs("</script>\n</body>\n</html>\n", stream);
    free(json);
    return !ferror(stream);
}

/* report.h: the HTML report: one self-contained page holding a network's data and the script that shows it. */
#ifndef SPYGRAPH_REPORT_H
#define SPYGRAPH_REPORT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>

/* Writes the report page to STREAM: an HTML5 document whose Content-Security-Policy forbids every request
 * (default-src 'none'), lets run only the page's own script (named by its SHA-256: no inline handler, no
 * injected script) and inline style, titled TITLE (escaped, control characters as U+FFFD), holding the page's style and
 * script (src/report/page/, embedded at build time) and DATA (doc/report-data.md) as JSON inside
 * <script type="application/json" id="spygraph-data">. The JSON is written as sg_json_write_compact writes it, and
 * then every '<', '>' and '&' in it as \u003c, \u003e, \u0026, so no text of the data can end the element,
 * open a comment or start markup, and JSON.parse gives every string back unchanged. Returns false when
 * memory runs out or a write to STREAM fails (STREAM then holds part of a page: write to an sg_output and
 * abort it). O(size of DATA). */
bool sg_report_page_write(const cJSON *data, const char *title, FILE *stream);

#endif

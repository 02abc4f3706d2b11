/* embed.c: a build-time tool: turns a page file (report.js, report.css) into a C string the report embeds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Usage: embed SYMBOL CLOSER INPUT OUTPUT. Writes OUTPUT, a C file defining `const char SYMBOL[]` holding
 * INPUT's bytes and a final NUL. Fails (exit 1, nothing written) when INPUT cannot be read, holds a NUL, or
 * holds CLOSER in any case ("</script" or "</style"), which would end the element the page puts it in, or
 * "<!--", which with a "<script" after it moves an HTML parser into a script's double-escaped state. */
int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: embed SYMBOL CLOSER INPUT OUTPUT\n");
        return 2;
    }
    const char *symbol = argv[1], *closer = argv[2], *input = argv[3], *output = argv[4];
    FILE *in = fopen(input, "rb");
    if (!in) {
        perror(input);
        return 1;
    }
    size_t cap = 1 << 16, len = 0;
    unsigned char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len, in)) > 0) {
        len += got;
        if (len == cap) {
            unsigned char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    int failed = !buf || ferror(in);
    fclose(in);
    if (failed) {
        fprintf(stderr, "embed: %s: cannot read\n", input);
        free(buf);
        return 1;
    }
    size_t closer_len = strlen(closer);
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == 0) {
            fprintf(stderr, "embed: %s: byte %zu is NUL\n", input, i);
            free(buf);
            return 1;
        }
        if (closer_len && i + closer_len <= len && strncasecmp((const char *)buf + i, closer, closer_len) == 0) {
            fprintf(stderr, "embed: %s: byte %zu: '%s' would end the page's element; write it as '<\\/...'\n",
                    input, i, closer);
            free(buf);
            return 1;
        }
        if (i + 4 <= len && memcmp(buf + i, "<!--", 4) == 0) {
            fprintf(stderr, "embed: %s: byte %zu: '<!--' in a page element; write it as '<\\!--'\n", input, i);
            free(buf);
            return 1;
        }
    }
    FILE *out = fopen(output, "w");
    if (!out) {
        perror(output);
        free(buf);
        return 1;
    }
    fprintf(out, "/* %s: generated from %s by embed; do not edit. */\nextern const char %s[];\nconst char %s[] = {",
            output, input, symbol, symbol);
    for (size_t i = 0; i < len; i++)
        fprintf(out, "%s%d,", i % 24 ? "" : "\n", buf[i]);
    fprintf(out, "\n0};\n");
    free(buf);
    if (fclose(out) != 0) {
        perror(output);
        remove(output);
        return 1;
    }
    return 0;
}

/* jsonpos.c: one linear scan of a JSON text beside cJSON's tree, giving every key and value its position. */
#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "jsonpos.h"
#include "spygraph/csvread.h"

/* Where one value (and the key naming it, if any) starts. */
typedef struct entry {
    size_t key_offset, value_offset; /* key_offset == value_offset when the value has no key */
    int key_line, key_column, value_line, value_column;
} entry;

struct sg_json_positions {
    entry *entries;          /* in document order (a pre-order walk of the tree) */
    size_t n, cap;
    const cJSON **slot_item; /* open addressing: item -> index + 1 in slot_index */
    size_t *slot_index;
    size_t slots;            /* a power of two, at least twice the number of items */
};

/* Scanning: the text is known to be JSON cJSON accepted, so only the structure is followed. cJSON takes
 * every byte up to 32 as white space, and skips a byte-order mark at the start. */
static size_t skip_space(const char *t, size_t len, size_t p)
{
    while (p < len && (unsigned char)t[p] <= 32)
        p++;
    return p;
}

static size_t skip_string(const char *t, size_t len, size_t p)
{
    for (p++; p < len && t[p] != '"'; p++)
        if (t[p] == '\\')
            p++;
    return p + 1;
}

static bool add_entry(sg_json_positions *pos, size_t key, size_t value)
{
    if (pos->n == pos->cap) {
        size_t cap = pos->cap ? pos->cap * 2 : 64;
        entry *e = g_try_realloc_n(pos->entries, cap, sizeof *e);
        if (!e)
            return false;
        pos->entries = e;
        pos->cap = cap;
    }
    pos->entries[pos->n++] = (entry){.key_offset = key, .value_offset = value};
    return true;
}

/* Records the value at offset P (named by the key at KEY) and every value inside it; returns the offset
 * past it, or (size_t)-1 when memory runs out. Recursion is as deep as the nesting cJSON accepted
 * (CJSON_NESTING_LIMIT). */
static size_t scan_value(sg_json_positions *pos, const char *t, size_t len, size_t p, size_t key)
{
    if (!add_entry(pos, key, p))
        return (size_t)-1;
    if (p >= len)
        return p;
    char open = t[p];
    if (open == '"')
        return skip_string(t, len, p);
    if (open != '{' && open != '[') {
        while (p < len && (unsigned char)t[p] > 32 && !strchr(",]}", t[p]))
            p++;
        return p;
    }
    char close = open == '{' ? '}' : ']';
    p = skip_space(t, len, p + 1);
    while (p < len && t[p] != close) {
        size_t k = p;
        if (open == '{') {
            p = skip_space(t, len, skip_string(t, len, p));
            p = skip_space(t, len, p + 1); /* past ':' */
        }
        p = scan_value(pos, t, len, p, k);
        if (p == (size_t)-1)
            return p;
        p = skip_space(t, len, p);
        if (p < len && t[p] == ',')
            p = skip_space(t, len, p + 1);
    }
    return p + 1;
}

static size_t hash_item(const cJSON *item, size_t slots)
{
    guint64 h = (guint64)(uintptr_t)item * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);
    return (size_t)(h >> 17) & (slots - 1);
}

/* Gives the items of the tree under ITEM, in pre-order, the indices from *NEXT on. */
static void map_items(sg_json_positions *pos, const cJSON *item, size_t *next)
{
    for (; item; item = item->next) {
        size_t s = hash_item(item, pos->slots);
        while (pos->slot_item[s])
            s = (s + 1) & (pos->slots - 1);
        pos->slot_item[s] = item;
        pos->slot_index[s] = (*next)++;
        map_items(pos, item->child, next);
    }
}

static size_t count_items(const cJSON *item)
{
    size_t n = 0;
    for (; item; item = item->next)
        n += 1 + count_items(item->child);
    return n;
}

sg_json_positions *sg_json_positions_new(const cJSON *root, const char *text, size_t len)
{
    sg_json_positions *pos = g_try_new0(sg_json_positions, 1);
    if (!pos)
        return NULL;
    size_t start = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (scan_value(pos, text, len, skip_space(text, len, start), start) == (size_t)-1) {
        sg_json_positions_free(pos);
        return NULL;
    }
    /* keys and values come in increasing offsets: one cursor places them all */
    sg_text_cursor cur;
    sg_text_cursor_init(&cur, text, len);
    for (size_t i = 0; i < pos->n; i++) {
        entry *e = &pos->entries[i];
        sg_text_cursor_move(&cur, e->key_offset);
        e->key_line = cur.line;
        e->key_column = cur.column;
        sg_text_cursor_move(&cur, e->value_offset);
        e->value_line = cur.line;
        e->value_column = cur.column;
    }
    /* a text that does not match the tree (it cannot, for a text cJSON parsed) leaves items unindexed */
    size_t n_items = root ? 1 + count_items(root->child) : 0;
    if (n_items != pos->n)
        return pos;
    for (pos->slots = 16; pos->slots < 2 * n_items; pos->slots *= 2)
        ;
    pos->slot_item = g_try_new0(const cJSON *, pos->slots);
    pos->slot_index = g_try_new(size_t, pos->slots);
    if (!pos->slot_item || !pos->slot_index) {
        sg_json_positions_free(pos);
        return NULL;
    }
    size_t next = 0;
    /* the root alone (not its siblings: it has none), then its children */
    size_t s = hash_item(root, pos->slots);
    pos->slot_item[s] = root;
    pos->slot_index[s] = next++;
    map_items(pos, root->child, &next);
    return pos;
}

void sg_json_positions_free(sg_json_positions *pos)
{
    if (!pos)
        return;
    g_free(pos->entries);
    g_free(pos->slot_item);
    g_free(pos->slot_index);
    g_free(pos);
}

bool sg_json_position(const sg_json_positions *pos, const cJSON *item, bool key, int *line, int *column)
{
    *line = *column = 1;
    if (!pos || !pos->slots || !item)
        return false;
    for (size_t s = hash_item(item, pos->slots); pos->slot_item[s]; s = (s + 1) & (pos->slots - 1))
        if (pos->slot_item[s] == item) {
            const entry *e = &pos->entries[pos->slot_index[s]];
            *line = key ? e->key_line : e->value_line;
            *column = key ? e->key_column : e->value_column;
            return true;
        }
    return false;
}

/* read_json.c - reading back what `convert -o x.json` writes (the
 * "slacheck-checklist" document, docs/json.md), through jansson, as rows
 * for the aligner: the metadata, a header of the canonical form's column
 * words, then one row per item with its number, name, answer and remarks. */
#include "read_json.h"

#include <string.h>

#include <jansson.h>

#include "author_table.h"

int slc_json_sniff(const char *path, const char *text, size_t len)
{
    (void)path; /* by content only: "convert -o x.json" writes what it writes */
    size_t i = 0;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        i++;
    if (i >= len || text[i] != '{')
        return 0;
    /* a delimited file does not start with a brace and name the format */
    static const char probe[] = "\"slacheck-checklist\"";
    size_t window = len - i < 4096 ? len - i : 4096;
    return slc_memmem(text + i, window, probe, sizeof(probe) - 1) != NULL;
}

typedef struct row_builder {
    slc_table *t;
    size_t cap;
    slc_arena *arena;
} row_builder;

static void add_row(row_builder *b, long line, const char *const *cells, size_t n)
{
    if (b->t->nrows == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->t->rows = slc_xrealloc(b->t->rows, b->cap * sizeof(slc_row));
    }
    slc_row *r = &b->t->rows[b->t->nrows++];
    r->line = line;
    r->offset = -1;
    r->ncells = n;
    r->cells = slc_arena_alloc(b->arena, (n + 1) * sizeof(char *));
    for (size_t i = 0; i < n; i++)
        r->cells[i] = slc_arena_strdup(b->arena, cells[i] ? cells[i] : "");
}

static const char *str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* the line of the k-th "answer" key in the text: jansson keeps no positions */
static long answer_line(const char *text, size_t len, size_t k, const char **cursor, long *line)
{
    const char *key = "\"answer\"";
    size_t kl = strlen(key);
    const char *end = text + len;
    for (const char *p = *cursor; p + kl <= end; p++) {
        if (*p == '\n')
            (*line)++;
        if (*p == '"' && !memcmp(p, key, kl)) {
            *cursor = p + kl;
            return *line;
        }
    }
    *cursor = end;
    return (long)k + 1;
}

slc_status slc_json_read(const slc_catalog *cat, const char *text, size_t len,
                         const slc_limits *limits, slc_arena *arena, const char *path,
                         slc_table *out, slc_error *err)
{
    json_error_t je;
    (void)cat; /* the words it writes are the canonical form's own */
    memset(out, 0, sizeof(*out));
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return slc_error_set(err, SLC_ERR_FORMAT, path, je.line, (long long)je.position,
                             "not JSON at column %d: %s", je.column, je.text);
    slc_status rc = SLC_OK;
    json_t *items = json_object_get(root, "items");
    if (!json_is_object(root) || !json_is_array(items)) {
        rc = slc_error_set(err, SLC_ERR_FORMAT, path, 1, 0,
                           "expected a slacheck-checklist document with an \"items\" array");
        goto done;
    }
    if (json_array_size(items) > limits->max_rows) {
        rc = slc_error_set(err, SLC_ERR_TOO_LARGE, path, 0, -1, "more than %zu items",
                           limits->max_rows);
        goto done;
    }
    row_builder b = {out, 0, arena};
    out->delimiter = 0;
    /* metadata as "key, value" rows, as a spreadsheet would have them */
    json_t *meta = json_object_get(root, "meta");
    static const char *const keys[SLC_META_N] = {"service", "vendor", "date", "contact",
                                                 "revision"};
    const char *service = json_is_object(meta) ? str(meta, "service") : NULL;
    const char *company = json_is_object(meta) ? str(meta, "vendor") : NULL;
    const char *shown = str(root, "vendor");
    if (!service && !(shown && company && !strcmp(shown, company)))
        service = shown; /* the name it was shown by, unless its company's */
    for (int m = 0; m < SLC_META_N; m++) {
        const char *v = m == SLC_META_SERVICE  ? service
                        : json_is_object(meta) ? str(meta, keys[m])
                                               : NULL;
        if (v && *v) {
            const char *cells[2] = {slc_meta_keys[m], v};
            add_row(&b, 0, cells, 2);
        }
    }
    /* the canonical columns but for the definition and unit, which JSON omits */
    const char *header[] = {slc_canon_header[0], slc_canon_header[1], slc_canon_header[2],
                            slc_canon_header[5], slc_canon_header[6]};
    add_row(&b, 0, header, 5);
    const char *cursor = text;
    long line = 1;
    for (size_t k = 0; k < json_array_size(items); k++) {
        json_t *it = json_array_get(items, k);
        json_t *no = json_object_get(it, "no");
        const char *answer = str(it, "answer");
        if (!json_is_object(it) || (!json_is_integer(no) && !str(it, "name")) ||
            (json_object_get(it, "answer") && !answer &&
             !json_is_null(json_object_get(it, "answer")))) {
            rc = slc_error_set(
                err, SLC_ERR_FORMAT, path, 0, -1,
                "item %zu: expected an object with \"no\" (or \"name\") and a string \"answer\"",
                k + 1);
            goto done;
        }
        char num[32] = "";
        if (json_is_integer(no))
            snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(no));
        const char *name = str(it, "name_in_file") ? str(it, "name_in_file") : str(it, "name");
        const char *remarks = str(it, "remarks");
        if ((answer && strlen(answer) > limits->max_cell_bytes) ||
            (remarks && strlen(remarks) > limits->max_cell_bytes)) {
            rc = slc_error_set(err, SLC_ERR_TOO_LARGE, path, 0, -1,
                               "item %zu: a cell of more than %zu bytes", k + 1,
                               limits->max_cell_bytes);
            goto done;
        }
        const char *cells[5] = {num, str(it, "category"), name, answer, remarks};
        add_row(&b, answer_line(text, len, k, &cursor, &line), cells, 5);
    }
done:
    json_decref(root);
    if (rc != SLC_OK)
        slc_table_release(out);
    return rc;
}

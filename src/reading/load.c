/* load.c - the loading pipeline for one input: bytes -> text (decode) ->
 * rows -> answers (align), and the document's lifecycle. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "align.h"
#include "doc.h"
#include "facts.h"
#include "load.h"
#include "read_html.h"
#include "read_json.h"
#include "read_md.h"
#include "read_xls.h"
#include "read_xlsx.h"
#include "signature.h"
#include "text.h"

void slc_load_options_init(slc_load_options *o)
{
    static const slc_limits def = SLC_LIMITS_DEFAULT;
    memset(o, 0, sizeof(*o));
    o->limits = def;
}

slc_doc *slc_doc_new(const slc_catalog *cat, const char *path)
{
    slc_doc *doc = slc_xcalloc(1, sizeof(*doc));
    slc_arena_init(&doc->arena);
    doc->cat = cat;
    doc->path = slc_arena_strdup(&doc->arena, path ? path : "-");
    doc->first = slc_arena_alloc(&doc->arena, (cat->nitems + 1) * sizeof(int));
    for (size_t i = 0; i < cat->nitems; i++)
        doc->first[i] = -1;
    return doc;
}

void slc_doc_free(slc_doc *doc)
{
    if (!doc)
        return;
    free(doc->findings);
    slc_arena_release(&doc->arena);
    free(doc);
}

void slc_doc_add_finding(slc_doc *doc, const slc_finding *f)
{
    if (doc->nfindings == doc->capfindings) {
        doc->capfindings = doc->capfindings ? doc->capfindings * 2 : 32;
        doc->findings = slc_xrealloc(doc->findings, doc->capfindings * sizeof(*f));
    }
    doc->findings[doc->nfindings++] = *f;
}

const slc_answer *slc_doc_answer(const slc_doc *doc, size_t i)
{
    if (i >= doc->cat->nitems || doc->first[i] < 0)
        return NULL;
    return &doc->answers[doc->first[i]];
}

static void read_facts(slc_doc *doc, slc_answer *a, size_t idx)
{
    slc_facts f = {0};
    a->facts_state = 1;
    /* an answer that could not be decoded states nothing */
    if (!(a->undecodable & (1u << SLC_ROLE_ANSWER)))
        slc_facts_extract_item(doc->cat, &doc->cat->items[idx], a->cell[SLC_ROLE_ANSWER],
                               &doc->arena, &f);
    const slc_fact *same = slc_facts_find(f.v, f.n, SLC_FACT_DISCLOSURE, -1);
    while (same && strcmp(same->id, "same-as-above"))
        same = slc_facts_find(same + 1, f.n - (size_t)(same + 1 - f.v), SLC_FACT_DISCLOSURE, -1);
    if (same && idx > 0) {
        /* f.v may move as facts are added: keep the span, not the pointer */
        size_t same_start = same->start, same_end = same->end;
        size_t n = 0;
        const slc_fact *prev = slc_doc_facts(doc, idx - 1, &n);
        for (size_t k = 0; k < n; k++) {
            if (prev[k].type == SLC_FACT_DISCLOSURE && !strcmp(prev[k].id, "same-as-above"))
                continue;
            if (f.n == f.cap) {
                f.cap = f.cap ? f.cap * 2 : 8;
                f.v = slc_xrealloc(f.v, f.cap * sizeof(*f.v));
            }
            f.v[f.n] = prev[k];
            f.v[f.n].start = same_start; /* the evidence here is 同上 */
            f.v[f.n].end = same_end;
            f.n++;
        }
    }
    slc_fact *keep = slc_arena_alloc(&doc->arena, (f.n + 1) * sizeof(slc_fact));
    if (f.n)
        memcpy(keep, f.v, f.n * sizeof(slc_fact));
    a->facts = keep;
    a->nfacts = f.n;
    a->facts_state = 2;
    slc_facts_release(&f);
}

const struct slc_fact *slc_doc_facts(slc_doc *doc, size_t i, size_t *n)
{
    *n = 0;
    if (i >= doc->cat->nitems || doc->first[i] < 0)
        return NULL;
    slc_answer *a = &doc->answers[doc->first[i]];
    if (a->facts_state == 0)
        read_facts(doc, a, i);
    if (a->facts_state != 2) /* a 同上 cycle cannot happen, but never loop */
        return NULL;
    *n = a->nfacts;
    return a->facts;
}

void slc_doc_locate(const slc_doc *doc, const slc_answer *a, slc_role role, long *line, long *col)
{
    *line = a->line;
    *col = 1;
    if (!doc->text || a->col[role] <= 0 || !doc->delimiter)
        return;
    slc_rows_locate(doc->text, doc->text_len, (size_t)a->offset, a->line, doc->delimiter,
                    (size_t)a->col[role] - 1, line, col);
}

const char *slc_doc_words(slc_doc *doc, const char *text, size_t start, size_t end)
{
    if (!text)
        return slc_arena_strdup(&doc->arena, "");
    size_t bs = slc_text_offset(text, start), be = slc_text_offset(text, end);
    return slc_arena_strndup(&doc->arena, text + bs, be > bs ? be - bs : 0);
}

/* file name without directories and extension */
static const char *file_stem(slc_arena *arena, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return slc_arena_strndup(arena, base, n);
}

/* A cell with U+FFFD lost part of the vendor's text: bytes not valid in the
 * file's encoding, or replaced before the file was written (a workbook's
 * cell). Reports show that it cannot be read rather than what is left;
 * validate says where (slc_answer.undecodable). */
static void mark_undecodable(slc_doc *doc)
{
    for (size_t i = 0; i < doc->nanswers; i++) {
        slc_answer *a = &doc->answers[i];
        for (int r = 1; r < SLC_ROLE_COUNT; r++)
            if (a->cell[r] && strstr(a->cell[r], "\xEF\xBF\xBD")) {
                a->undecodable |= 1u << r;
                a->cell[r] = SLC_UNDECODABLE_MARK;
            }
    }
}

/* How well rows hold the checklist: the distinct items they give (times
 * two), one more for a header row. */
static int table_score(const slc_catalog *cat, const char *path, const slc_table *t)
{
    slc_doc *doc = slc_doc_new(cat, path);
    slc_align(doc, t);
    int score = doc->header_line ? 1 : 0;
    for (size_t i = 0; i < cat->nitems; i++)
        if (doc->first[i] >= 0)
            score += 2;
    slc_doc_free(doc);
    return score;
}

/* Aligns the candidate that gives the most items (the first of equals). */
static void align_best(slc_doc *doc, const slc_tables *c)
{
    static const slc_table none = {0};
    const slc_table *best = &none;
    int best_score = -1;
    for (size_t i = 0; i < c->n; i++) {
        int score = c->n > 1 ? table_score(doc->cat, doc->path, &c->v[i]) : 0;
        if (score > best_score) {
            best = &c->v[i];
            best_score = score;
        }
    }
    slc_align(doc, best);
}

static int has_bom(const char *b, size_t n)
{
    return (n >= 3 && !memcmp(b, "\xEF\xBB\xBF", 3)) ||
           (n >= 2 && (!memcmp(b, "\xFF\xFE", 2) || !memcmp(b, "\xFE\xFF", 2)));
}

/* Decoded text that is not delimited rows: tried in this order. */
static const struct {
    const char *format;
    int (*sniff)(const char *path, const char *text, size_t len);
    slc_status (*read)(const slc_catalog *cat, const char *text, size_t len,
                       const slc_limits *limits, slc_arena *arena, const char *path, slc_table *out,
                       slc_error *err);
} text_readers[] = {{"json", slc_json_sniff, slc_json_read}, {"md", slc_md_sniff, slc_md_read}};

/* How well a workbook's sheet holds the checklist (the XLSX reader asks,
 * to choose among sheets): the distinct items its rows give (times two),
 * one more for a header row. `data` is the document being loaded. */
static int sheet_score(void *data, const slc_table *rows)
{
    const slc_doc *into = data;
    slc_doc *doc = slc_doc_new(into->cat, into->path);
    slc_align(doc, rows);
    int score = doc->header_line ? 1 : 0;
    for (size_t i = 0; i < doc->cat->nitems; i++)
        if (doc->first[i] >= 0)
            score += 2;
    slc_doc_free(doc);
    return score;
}

slc_status slc_doc_load_bytes(const slc_catalog *cat, const char *bytes, size_t n, const char *path,
                              const slc_load_options *opts, slc_doc **out, slc_error *err)
{
    slc_load_options defaults;
    slc_decoded text;
    slc_table table;
    slc_doc *doc = NULL;
    slc_status rc;

    *out = NULL;
    if (!opts) {
        slc_load_options_init(&defaults);
        opts = &defaults;
    }
    memset(&table, 0, sizeof(table));
    memset(&text, 0, sizeof(text));
    if (n > opts->limits.max_bytes)
        return slc_error_set(err, SLC_ERR_TOO_LARGE, path, 0, -1, "more than %zu bytes",
                             opts->limits.max_bytes);
    /* a PDF, a Word file, an image ...: say what it is, not "binary data" */
    rc = slc_signature_refuse(bytes, n, path, err);
    if (rc != SLC_OK)
        return rc;
    if (slc_xlsx_sniff(bytes, n)) { /* a workbook: its text is Unicode already */
        doc = slc_doc_new(cat, path);
        doc->encoding = "UTF-8";
        doc->format = "xlsx";
        rc = slc_xlsx_read(cat, bytes, n, &opts->limits, &doc->arena, path, &table, sheet_score,
                           doc, err);
        if (rc != SLC_OK)
            goto done;
        slc_align(doc, &table);
        goto named;
    }
    /* a web page's own declaration comes before guessing (a BOM before both) */
    int html = slc_html_sniff(path, bytes, n);
    char declared[64];
    const char *enc = opts->encoding;
    if (html && !enc && !has_bom(bytes, n)) {
        enc = slc_html_charset(bytes, n, declared, sizeof(declared));
        if (enc && !slc_text_encoding_name(enc))
            enc = NULL; /* a name nobody knows: guess, as browsers do */
    }
    if (slc_xls_sniff(bytes, n)) { /* an .xls: FreeXL gives Unicode text */
        slc_tables sheets;
        doc = slc_doc_new(cat, path);
        doc->encoding = "UTF-8";
        doc->format = "xls";
        rc = slc_xls_read(bytes, n, &opts->limits, &doc->arena, path, &sheets, err);
        if (rc != SLC_OK)
            goto done;
        align_best(doc, &sheets);
        slc_tables_release(&sheets);
        goto named;
    }
    rc = slc_text_decode(bytes, n, enc, path, &text, err);
    if (rc != SLC_OK && enc != opts->encoding) /* the page declared it wrongly */
        rc = slc_text_decode(bytes, n, opts->encoding, path, &text, err);
    if (rc != SLC_OK)
        return rc;

    doc = slc_doc_new(cat, path);
    doc->encoding = text.encoding;
    doc->bom = text.bom;
    doc->nbad = text.nbad < SLC_TEXT_MAX_BAD ? text.nbad : SLC_TEXT_MAX_BAD;
    doc->nbad_total = text.nbad;
    memcpy(doc->bad, text.bad, sizeof(text.bad));

    if (html) { /* findings point at the page's source lines */
        slc_tables cands;
        rc = slc_html_read(cat, text.utf8, text.len, &opts->limits, &doc->arena, path, &cands, err);
        if (rc != SLC_OK)
            goto done;
        doc->format = "html";
        align_best(doc, &cands);
        slc_tables_release(&cands);
        goto named;
    }
    /* text in a format of its own (no delimiter: findings point at the line
     * of the item's heading or JSON object) */
    for (size_t k = 0; k < sizeof(text_readers) / sizeof(text_readers[0]); k++) {
        if (!text_readers[k].sniff(path, text.utf8, text.len))
            continue;
        rc = text_readers[k].read(cat, text.utf8, text.len, &opts->limits, &doc->arena, path,
                                  &table, err);
        if (rc != SLC_OK)
            goto done;
        doc->format = text_readers[k].format;
        slc_align(doc, &table);
        goto named;
    }
    rc = slc_rows_parse(text.utf8, text.len, opts->delimiter, &opts->limits, &doc->arena, path,
                        &table, err);
    if (rc != SLC_OK) {
        if (err && err->offset >= 0) /* rows count in the decoded text; report the file's */
            err->offset = slc_text_source_offset(&text, (size_t)err->offset);
        goto done;
    }
    doc->delimiter = table.delimiter;
    doc->crlf = table.crlf;
    doc->format = table.delimiter == '\t' ? "tsv" : "csv";
    doc->text = slc_arena_strndup(&doc->arena, text.utf8, text.len);
    doc->text_len = text.len;
    slc_align(doc, &table);

named:
    mark_undecodable(doc);
    if (opts->name)
        doc->name = slc_arena_strdup(&doc->arena, opts->name);
    else if (doc->meta[SLC_META_SERVICE])
        doc->name = doc->meta[SLC_META_SERVICE];
    else if (doc->meta[SLC_META_VENDOR])
        doc->name = doc->meta[SLC_META_VENDOR];
    else if (!strcmp(path, "-")) { /* no name made up for standard input */
        doc->name = doc->path;
        doc->anonymous = 1;
    } else
        doc->name = file_stem(&doc->arena, path);
    *out = doc;
    doc = NULL;
done:
    slc_table_release(&table);
    slc_decoded_release(&text);
    slc_doc_free(doc);
    return rc;
}

/* Reads a whole file, refusing more than max bytes. */
static slc_status read_all(const char *path, size_t max, slc_buf *b, slc_error *err)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f)
        return slc_error_set(err, SLC_ERR_IO, path, 0, -1, "%s", strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        if (f != stdin)
            fclose(f);
        return slc_error_set(err, SLC_ERR_IO, path, 0, -1, "%s", strerror(EISDIR));
    }
    slc_status rc = SLC_OK;
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        if (b->len + got > max) {
            rc = slc_error_set(err, SLC_ERR_TOO_LARGE, path, 0, (long long)max,
                               "more than %zu bytes", max);
            break;
        }
        slc_buf_add(b, chunk, got);
    }
    if (rc == SLC_OK && ferror(f))
        rc = slc_error_set(err, SLC_ERR_IO, path, 0, (long long)b->len, "%s", strerror(errno));
    if (f != stdin)
        fclose(f);
    return rc;
}

slc_status slc_doc_load_file(const slc_catalog *cat, const char *path, const slc_load_options *opts,
                             slc_doc **out, slc_error *err)
{
    slc_load_options defaults;
    slc_buf b;
    if (!opts) {
        slc_load_options_init(&defaults);
        opts = &defaults;
    }
    *out = NULL;
    slc_buf_init(&b);
    slc_status rc = read_all(path, opts->limits.max_bytes, &b, err);
    if (rc == SLC_OK)
        rc = slc_doc_load_bytes(cat, b.data ? b.data : "", b.len, path, opts, out, err);
    slc_buf_release(&b);
    return rc;
}

/* load.c - the loading pipeline for one input: bytes -> text (decode) ->
 * rows -> answers (align), and the document's lifecycle. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc.h"
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

/* file name without directories and extension */
static const char *file_stem(slc_arena *arena, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return slc_arena_strndup(arena, base, n);
}

slc_status slc_doc_load_bytes(const slc_catalog *cat, const char *bytes, size_t n,
                              const char *path, const slc_load_options *opts,
                              slc_doc **out, slc_error *err)
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
    if (n > opts->limits.max_bytes)
        return slc_error_set(err, SLC_ERR_TOO_LARGE, path, 0, -1,
                             "more than %zu bytes", opts->limits.max_bytes);
    rc = slc_text_decode(bytes, n, opts->encoding, path, &text, err);
    if (rc != SLC_OK)
        return rc;

    doc = slc_doc_new(cat, path);
    doc->encoding = text.encoding;
    doc->bom = text.bom;
    doc->nbad = text.nbad < SLC_TEXT_MAX_BAD ? text.nbad : SLC_TEXT_MAX_BAD;
    memcpy(doc->bad, text.bad, sizeof(text.bad));

    rc = slc_rows_parse(text.utf8, text.len, opts->delimiter, &opts->limits,
                        &doc->arena, path, &table, err);
    if (rc != SLC_OK)
        goto done;
    doc->delimiter = table.delimiter;
    doc->crlf = table.crlf;
    doc->format = table.delimiter == '\t' ? "tsv" : "csv";
    slc_align(doc, &table);

    if (opts->name)
        doc->name = slc_arena_strdup(&doc->arena, opts->name);
    else if (doc->meta[SLC_META_SERVICE])
        doc->name = doc->meta[SLC_META_SERVICE];
    else if (doc->meta[SLC_META_VENDOR])
        doc->name = doc->meta[SLC_META_VENDOR];
    else if (!strcmp(path, "-"))
        doc->name = "stdin";
    else
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

slc_status slc_doc_load_file(const slc_catalog *cat, const char *path,
                             const slc_load_options *opts, slc_doc **out,
                             slc_error *err)
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

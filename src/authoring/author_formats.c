/* author_formats.c - the table of authoring formats (author_formats.h). */
#include "author_formats.h"

#include <string.h>

#include "author_json.h"
#include "author_table.h"
#include "author_md.h"
#include "author_xlsx.h"

static void write_tsv(const slc_catalog *cat, slc_doc *doc, const slc_author_opts *o, slc_buf *out)
{
    slc_author_table(cat, doc, '\t', o->all_items, out);
}

static void write_csv(const slc_catalog *cat, slc_doc *doc, const slc_author_opts *o, slc_buf *out)
{
    slc_author_table(cat, doc, ',', o->all_items, out);
}

static void write_json(const slc_catalog *cat, slc_doc *doc, const slc_author_opts *o, slc_buf *out)
{
    (void)cat;
    (void)o;
    slc_json_doc(doc, out);
}

static void write_md(const slc_catalog *cat, slc_doc *doc, const slc_author_opts *o, slc_buf *out)
{
    slc_author_md(cat, doc, o, out);
}

static const slc_ext tsv_ext[] = {{".tsv", "tsv"}, {".txt", "tsv"}};
static const slc_ext csv_ext[] = {{".csv", "csv"}};
static const slc_ext json_ext[] = {{".json", "json"}};
static const slc_ext md_ext[] = {{".md", "md"}, {".markdown", "md"}};
static const slc_ext xlsx_ext[] = {{".xlsx", "xlsx"}};

#define EXT(a) a, sizeof(a) / sizeof(a[0])

const slc_author_format slc_author_formats[] = {
    {"tsv", EXT(tsv_ext), 1, 1, write_tsv, NULL},
    {"csv", EXT(csv_ext), 1, 1, write_csv, NULL},
    {"json", EXT(json_ext), 0, 0, write_json, NULL},
    {"md", EXT(md_ext), 1, 0, write_md, NULL},
    {"xlsx", EXT(xlsx_ext), 1, 0, NULL, slc_author_xlsx},
};
const size_t slc_author_nformats = sizeof(slc_author_formats) / sizeof(slc_author_formats[0]);

const slc_author_format *slc_author_format_find(const char *id)
{
    for (size_t i = 0; id && i < slc_author_nformats; i++)
        if (!strcmp(slc_author_formats[i].id, id))
            return &slc_author_formats[i];
    return NULL;
}

const slc_author_format *slc_author_format_for_path(const char *path)
{
    for (size_t i = 0; i < slc_author_nformats; i++)
        if (slc_ext_lookup(path, slc_author_formats[i].ext, slc_author_formats[i].next))
            return &slc_author_formats[i];
    return NULL;
}

/* author_table.c - one checklist in the canonical TSV/CSV form
 * (convert -o x.tsv/.csv, template --format tsv/csv). */
#include "author_table.h"

#include <stdio.h>

#include "load.h"
#include "read_csv.h"

const char *const slc_meta_keys[SLC_META_N] = {"対象サービス", "会社名", "作成日", "担当者・連絡先",
                                               "版・改訂日"};
const char *const slc_canon_header[SLC_CANON_COLS] = {
    "No", "種別", "サービスレベル項目", "規定内容", "測定単位", "回答", "備考"};

const char *slc_meta_value(const slc_doc *doc, int m)
{
    if (!doc || m < 0 || m >= SLC_META_N)
        return NULL;
    if (m == SLC_META_SERVICE && doc->anonymous)
        return NULL; /* standard input: its name is no one's statement */
    if (m == SLC_META_SERVICE && !doc->meta[m] && doc->name == doc->meta[SLC_META_VENDOR])
        return NULL; /* named after its company: the service is not stated */
    return m == SLC_META_SERVICE ? doc->name : doc->meta[m];
}

void slc_author_table(const slc_catalog *cat, const slc_doc *doc, char d, int all_items,
                      slc_buf *out)
{
    slc_rows_write_bom(out, d);
    int any = 0;
    for (int m = 0; doc && m < SLC_META_N; m++) {
        const char *v = slc_meta_value(doc, m);
        if (!v)
            continue;
        slc_buf_adds(out, slc_meta_keys[m]);
        slc_buf_adds(out, ": ");
        slc_rows_write_cell(out, v, d, 1);
        any = 1;
    }
    if (any)
        slc_buf_addc(out, '\n');
    for (size_t i = 0; i < SLC_CANON_COLS; i++)
        slc_rows_write_cell(out, slc_canon_header[i], d, i == SLC_CANON_COLS - 1);
    for (size_t i = 0; i < cat->nitems; i++) {
        const slc_answer *a = doc ? slc_doc_answer(doc, i) : NULL;
        if (!a && !all_items)
            continue;
        const slc_cat_item *it = &cat->items[i];
        char no[16];
        snprintf(no, sizeof(no), "%d", it->no);
        slc_rows_write_cell(out, no, d, 0);
        slc_rows_write_cell(out, cat->categories[it->category].label.ja, d, 0);
        slc_rows_write_cell(out, it->name.ja, d, 0);
        slc_rows_write_cell(out, it->definition.ja, d, 0);
        slc_rows_write_cell(out, it->unit.ja, d, 0);
        slc_rows_write_cell(out, a ? a->cell[SLC_ROLE_ANSWER] : NULL, d, 0);
        slc_rows_write_cell(out, a ? a->cell[SLC_ROLE_REMARKS] : NULL, d, 1);
    }
}

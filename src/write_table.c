/* write_table.c - canonical TSV/CSV output. */
#include "write_table.h"

#include <stdio.h>
#include <string.h>

static void field(slc_buf *out, const char *s, char d, int last)
{
    slc_rows_write_field(out, s ? s : "", s ? strlen(s) : 0, d);
    slc_buf_add(out, last ? "\n" : &d, 1);
}

void slc_write_table(const slc_doc *doc, char d, slc_buf *out)
{
    static const char *const meta_keys[SLC_META_N] = {"対象サービス", "会社名", "作成日"};
    const slc_catalog *cat = doc->cat;
    if (d == ',')
        slc_buf_adds(out, "\xEF\xBB\xBF");
    int any = 0;
    for (int m = 0; m < SLC_META_N; m++) {
        /* the display name (stated, or given with --name) names the service */
        const char *v = m == SLC_META_SERVICE ? doc->name : doc->meta[m];
        if (!v)
            continue;
        slc_buf_adds(out, meta_keys[m]);
        slc_buf_adds(out, ": ");
        field(out, v, d, 1);
        any = 1;
    }
    if (any)
        slc_buf_addc(out, '\n');
    static const char *const header[] = {"No", "種別", "サービスレベル項目", "規定内容",
                                         "測定単位", "回答", "備考"};
    for (size_t i = 0; i < 7; i++)
        field(out, header[i], d, i == 6);
    for (size_t i = 0; i < cat->nitems; i++) {
        const slc_answer *a = slc_doc_answer(doc, i);
        if (!a)
            continue;
        const slc_cat_item *it = &cat->items[i];
        char no[16];
        snprintf(no, sizeof(no), "%d", it->no);
        field(out, no, d, 0);
        field(out, cat->categories[it->category].label.ja, d, 0);
        field(out, it->name.ja, d, 0);
        field(out, it->definition.ja, d, 0);
        field(out, it->unit.ja, d, 0);
        field(out, a->cell[SLC_ROLE_ANSWER], d, 0);
        field(out, a->cell[SLC_ROLE_REMARKS], d, 1);
    }
}

/* export_table.c - canonical TSV/CSV output. */
#include "export_table.h"

#include "export.h"
#include "load.h"

#include <stdio.h>
#include <string.h>

static void field(slc_buf *out, const char *s, char d, int last)
{
    slc_rows_write_field(out, s ? s : "", s ? strlen(s) : 0, d);
    slc_buf_add(out, last ? "\n" : &d, 1);
}

const char *const slc_meta_keys[SLC_META_N] = {"対象サービス", "会社名", "作成日"};
const char *const slc_canon_header[SLC_CANON_COLS] = {"No", "種別", "サービスレベル項目", "規定内容",
                                                      "測定単位", "回答", "備考"};

const char *slc_meta_value(const slc_doc *doc, int m)
{
    if (!doc || m < 0 || m >= SLC_META_N)
        return NULL;
    return m == SLC_META_SERVICE ? doc->name : doc->meta[m];
}

static void bom_for_excel(slc_buf *out, char d)
{
    if (d == ',')
        slc_buf_adds(out, "\xEF\xBB\xBF");
}

void slc_write_table(const slc_catalog *cat, const slc_doc *doc, char d, int all_items,
                     slc_buf *out)
{
    bom_for_excel(out, d);
    int any = 0;
    for (int m = 0; doc && m < SLC_META_N; m++) {
        const char *v = slc_meta_value(doc, m);
        if (!v)
            continue;
        slc_buf_adds(out, slc_meta_keys[m]);
        slc_buf_adds(out, ": ");
        field(out, v, d, 1);
        any = 1;
    }
    if (any)
        slc_buf_addc(out, '\n');
    for (size_t i = 0; i < SLC_CANON_COLS; i++)
        field(out, slc_canon_header[i], d, i == SLC_CANON_COLS - 1);
    for (size_t i = 0; i < cat->nitems; i++) {
        const slc_answer *a = doc ? slc_doc_answer(doc, i) : NULL;
        if (!a && !all_items)
            continue;
        const slc_cat_item *it = &cat->items[i];
        char no[16];
        snprintf(no, sizeof(no), "%d", it->no);
        field(out, no, d, 0);
        field(out, cat->categories[it->category].label.ja, d, 0);
        field(out, it->name.ja, d, 0);
        field(out, it->definition.ja, d, 0);
        field(out, it->unit.ja, d, 0);
        field(out, a ? a->cell[SLC_ROLE_ANSWER] : NULL, d, 0);
        field(out, a ? a->cell[SLC_ROLE_REMARKS] : NULL, d, 1);
    }
}

void slc_write_comparison_table(const slc_export *x, char d, slc_buf *out)
{
    const slc_catalog *cat = x->cat;
    slc_buf h;
    slc_buf_init(&h);
    bom_for_excel(out, d);
    const slc_xlabel fixed[] = {SLC_XL_NO, SLC_XL_SECTION, SLC_XL_CATEGORY, SLC_XL_ITEM, SLC_XL_UNIT};
    for (size_t k = 0; k < sizeof(fixed) / sizeof(fixed[0]); k++)
        field(out, slc_export_label(x, fixed[k]), d, 0);
    const slc_xlabel per[] = {SLC_XL_ANSWER, SLC_XL_REMARKS, SLC_XL_FACTS, SLC_XL_LINE};
    for (size_t v = 0; v < x->n; v++)
        for (size_t k = 0; k < sizeof(per) / sizeof(per[0]); k++) {
            slc_buf_clear(&h);
            slc_buf_addf(&h, "%s: %s", x->docs[v]->name, slc_export_label(x, per[k]));
            field(out, h.data, d, 0);
        }
    field(out, slc_export_label(x, SLC_XL_VERDICT), d, 1);
    for (size_t i = 0; i < cat->nitems; i++) {
        if (!slc_export_shows(x, i))
            continue;
        const slc_cat_item *it = &cat->items[i];
        const slc_cmp_item *ci = &x->cmp->items[i];
        slc_buf_clear(&h);
        slc_buf_addf(&h, "%d", it->no);
        field(out, h.data, d, 0);
        field(out, slc_label_get(&cat->sections[it->section].label, x->lang), d, 0);
        field(out, slc_label_get(&cat->categories[it->category].label, x->lang), d, 0);
        field(out, slc_label_get(&it->name, x->lang), d, 0);
        field(out, slc_label_get(&it->unit, x->lang), d, 0);
        for (size_t v = 0; v < x->n; v++) {
            const slc_answer *a = ci->answers[v];
            field(out, a ? a->cell[SLC_ROLE_ANSWER] : NULL, d, 0);
            field(out, a ? a->cell[SLC_ROLE_REMARKS] : NULL, d, 0);
            slc_buf_clear(&h);
            slc_buf_adds(&h, slc_export_rank_marker(ci->rank[v]));
            if (h.len)
                slc_buf_addc(&h, ' ');
            slc_export_facts_text(x, v, i, &h);
            field(out, h.data, d, 0);
            slc_buf_clear(&h);
            if (a)
                slc_buf_addf(&h, "%ld", a->line);
            field(out, h.data, d, 0);
        }
        slc_buf_clear(&h);
        slc_buf_addf(&h, "%s %s", slc_export_verdict_marker(ci->verdict),
                     slc_export_verdict_label(x, ci->verdict));
        field(out, h.data, d, 1);
    }
    slc_buf_release(&h);
}

/* export_table.c - the comparison as one TSV/CSV table
 * (export -o x.tsv/.csv). */
#include "export_table.h"

#include "read_csv.h"

void slc_write_comparison_table(const slc_export *x, char d, slc_buf *out)
{
    const slc_catalog *cat = x->cat;
    slc_buf h;
    slc_buf_init(&h);
    slc_rows_write_bom(out, d);
    const slc_xlabel fixed[] = {SLC_XL_NO, SLC_XL_SECTION, SLC_XL_CATEGORY, SLC_XL_ITEM,
                                SLC_XL_UNIT};
    for (size_t k = 0; k < sizeof(fixed) / sizeof(fixed[0]); k++)
        slc_rows_write_cell(out, slc_export_label(x, fixed[k]), d, 0);
    const slc_xlabel per[] = {SLC_XL_ANSWER, SLC_XL_REMARKS, SLC_XL_FACTS, SLC_XL_LINE};
    for (size_t v = 0; v < x->n; v++)
        for (size_t k = 0; k < sizeof(per) / sizeof(per[0]); k++) {
            slc_buf_clear(&h);
            slc_buf_addf(&h, "%s: %s", x->docs[v]->name, slc_export_label(x, per[k]));
            slc_rows_write_cell(out, h.data, d, 0);
        }
    slc_rows_write_cell(out, slc_export_label(x, SLC_XL_VERDICT), d, 1);
    for (size_t i = 0; i < cat->nitems; i++) {
        if (!slc_export_shows(x, i))
            continue;
        const slc_cat_item *it = &cat->items[i];
        const slc_cmp_item *ci = &x->cmp->items[i];
        slc_buf_clear(&h);
        slc_buf_addf(&h, "%d", it->no);
        slc_rows_write_cell(out, h.data, d, 0);
        slc_rows_write_cell(out, slc_label_get(&cat->sections[it->section].label, x->lang), d, 0);
        slc_rows_write_cell(out, slc_label_get(&cat->categories[it->category].label, x->lang), d,
                            0);
        slc_rows_write_cell(out, slc_label_get(&it->name, x->lang), d, 0);
        slc_rows_write_cell(out, slc_label_get(&it->unit, x->lang), d, 0);
        for (size_t v = 0; v < x->n; v++) {
            const slc_answer *a = ci->answers[v];
            slc_rows_write_cell(out, a ? a->cell[SLC_ROLE_ANSWER] : NULL, d, 0);
            slc_rows_write_cell(out, a ? a->cell[SLC_ROLE_REMARKS] : NULL, d, 0);
            slc_buf_clear(&h);
            slc_buf_adds(&h, slc_export_rank_marker(ci->rank[v]));
            if (h.len)
                slc_buf_addc(&h, ' ');
            slc_export_facts_text(x, v, i, &h);
            slc_rows_write_cell(out, h.data, d, 0);
            slc_buf_clear(&h);
            if (a)
                slc_buf_addf(&h, "%ld", a->line);
            slc_rows_write_cell(out, h.data, d, 0);
        }
        slc_buf_clear(&h);
        slc_buf_addf(&h, "%s %s", slc_export_verdict_marker(ci->verdict),
                     slc_export_verdict_label(x, ci->verdict));
        slc_rows_write_cell(out, h.data, d, 1);
    }
    slc_buf_release(&h);
}

/* the comparison table saved to path */
static slc_status save_table(const slc_export *x, const char *path, char delimiter, slc_error *err)
{
    slc_buf out;
    slc_buf_init(&out);
    slc_write_comparison_table(x, delimiter, &out);
    slc_status rc = slc_export_write(&out, path, err);
    slc_buf_release(&out);
    return rc;
}

slc_status slc_export_tsv(const slc_export *x, const char *path, slc_error *err)
{
    return save_table(x, path, '\t', err);
}

slc_status slc_export_csv(const slc_export *x, const char *path, slc_error *err)
{
    return save_table(x, path, ',', err);
}

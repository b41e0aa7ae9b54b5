/* report_text.c - plain-text renderings. */
#include "report_text.h"

#include <string.h>

#include "profile.h"
#include "report.h"
#include "rules.h"
#include "term_text.h"
#include "text.h"

/* The severity word, coloured modestly (red, yellow, cyan) when colour is
 * on: the colour opens and closes around our own word, never vendor text. */
static void add_severity(slc_buf *out, slc_severity sev, int colour)
{
    static const char *const on[] = {"\033[36m", "\033[33m", "\033[1;31m"};
    const char *id = slc_severity_id(sev);
    if (colour && (unsigned)sev < 3)
        slc_buf_addf(out, "%s%s\033[0m", on[sev], id);
    else
        slc_buf_adds(out, id);
}

void slc_report_text(const slc_doc *doc, slc_lang lang, slc_buf *out)
{
    slc_report_text_colour(doc, lang, 0, out);
}

void slc_report_text_colour(const slc_doc *doc, slc_lang lang, int colour, slc_buf *out)
{
    int ja = lang == SLC_LANG_JA;
    size_t counts[3], found = 0;
    /* the file's path and name, and every message, can hold vendor text:
     * one line each, nothing that drives a terminal (term_text.h) */
    slc_buf path, name, msg;
    slc_buf_init(&path);
    slc_buf_init(&name);
    slc_buf_init(&msg);
    slc_term_text_adds(&path, doc->path, 0);
    slc_term_text_adds(&name, doc->name, 0);
    const char *p = path.data ? path.data : "", *nm = name.data ? name.data : "";
    for (size_t i = 0; i < doc->nfindings; i++) {
        const slc_finding *f = &doc->findings[i];
        slc_buf_adds(out, p);
        if (f->line)
            slc_buf_addf(out, ":%ld", f->line);
        slc_buf_adds(out, ": ");
        add_severity(out, f->severity, colour);
        slc_buf_addf(out, ": [%s] ", slc_finding_rule_id(f));
        slc_buf_clear(&msg);
        slc_finding_message(&msg, doc, f, lang);
        slc_term_text_add(out, msg.data ? msg.data : "", msg.len, 0);
        slc_buf_addc(out, '\n');
    }
    for (size_t i = 0; i < doc->cat->nitems; i++)
        found += doc->first[i] >= 0;
    slc_doc_count(doc, counts);
    if (ja)
        slc_buf_addf(out, "%s: %s — 項目 %zu/%zu、%s%s、エラー %zu、警告 %zu、情報 %zu\n", p, nm,
                     found, doc->cat->nitems, doc->encoding, doc->bom ? "（BOM付き）" : "",
                     counts[2], counts[1], counts[0]);
    else
        slc_buf_addf(out, "%s: %s — %zu/%zu items, %s%s, %zu error%s, %zu warning%s, %zu info\n", p,
                     nm, found, doc->cat->nitems, doc->encoding, doc->bom ? " with BOM" : "",
                     counts[2], counts[2] == 1 ? "" : "s", counts[1], counts[1] == 1 ? "" : "s",
                     counts[0]);
    const slc_profile_result *pr = doc->profile;
    if (pr) {
        if (ja)
            slc_buf_addf(
                out,
                "%s: プロファイル %s — スコア %.0f/100、要件 %zu 件中 充足 %zu、未充足 %zu（must %zu）、"
                "判断不能 %zu（must %zu）\n",
                p, pr->profile->id, pr->score, pr->n, pr->met, pr->not_met, pr->must_failed,
                pr->unknown, pr->must_unknown);
        else
            slc_buf_addf(out,
                         "%s: profile %s — score %.0f/100; of %zu requirements %zu met, "
                         "%zu not met (%zu must), %zu unknown (%zu must)\n",
                         p, pr->profile->id, pr->score, pr->n, pr->met, pr->not_met,
                         pr->must_failed, pr->unknown, pr->must_unknown);
    }
    slc_buf_release(&path);
    slc_buf_release(&name);
    slc_buf_release(&msg);
}

static void pad(slc_buf *out, const char *s, size_t width)
{
    slc_buf_adds(out, s);
    size_t w = slc_text_width(s, strlen(s));
    for (; w < width; w++)
        slc_buf_addc(out, ' ');
}

void slc_report_items_text(const slc_catalog *cat, slc_lang lang, slc_buf *out)
{
    slc_buf_addf(out, "%s (%s, %zu)\n", slc_label_get(&cat->title, lang), cat->id, cat->nitems);
    int cur = -1;
    for (size_t i = 0; i < cat->nitems; i++) {
        const slc_cat_item *it = &cat->items[i];
        if (it->category != cur) {
            cur = it->category;
            slc_buf_addf(out, "\n%s / %s\n", slc_label_get(&cat->sections[it->section].label, lang),
                         slc_label_get(&cat->categories[cur].label, lang));
        }
        slc_buf_addf(out, "%3d  ", it->no);
        pad(out, slc_label_get(&it->name, lang), 44);
        slc_buf_adds(out, "  ");
        pad(out, slc_label_get(&it->unit, lang), 22);
        slc_buf_addf(out, "  %s\n", slc_kind_id(it->kind));
    }
}

void slc_report_items_tsv(const slc_catalog *cat, slc_buf *out)
{
    slc_buf_adds(
        out,
        "no\tid\tsection\tcategory\tname_ja\tname_en\tunit_ja\tunit_en\tkind\tbetter\tdefinition_ja\n");
    for (size_t i = 0; i < cat->nitems; i++) {
        const slc_cat_item *it = &cat->items[i];
        slc_buf_addf(out, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", it->no, it->id,
                     cat->sections[it->section].id, cat->categories[it->category].id, it->name.ja,
                     it->name.en, it->unit.ja, it->unit.en, slc_kind_id(it->kind),
                     slc_better_id(it->better), it->definition.ja);
    }
}

/* ---- the text report: validate --format text ---- */

static void text_doc(slc_report *s, const slc_doc *doc)
{
    slc_report_text_colour(doc, s->lang, s->colour, &s->out);
}

static const slc_report_ops text_ops = {text_doc, slc_report_no_error, slc_report_no_finish, NULL};

slc_report *slc_report_text_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on)
{
    return slc_report_lines_new(&text_ops, cat, lang, fail_on);
}

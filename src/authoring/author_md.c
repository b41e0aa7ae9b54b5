/* author_md.c - the Markdown authoring format (authoring.h), rendered by
 * cmark from a tree of nodes:
 *
 *   # クラウドサービスレベルのチェックリスト — <service>
 *   - 対象サービス: … / 会社名: … / 作成日: …      (read back as metadata)
 *   <instructions>
 *   # <section> ／ <category>
 *   ## 5. サービス稼働率
 *   > 規定内容: … / 測定単位: …                      (the hint, not read)
 *   <the answer, as the vendor wrote it>          (<!-- 回答をここに記入 --> if none)
 *   ### 備考
 *   <the remarks>
 *
 * The checklist's own words go through cmark as text, so cmark escapes
 * them. The vendor's answer and remarks must read back byte for byte
 * (read_md.c takes the source lines of the blocks), so they are written
 * as they are, in a raw block, when that reads back exactly; when it
 * would not (a line that is a heading or a setext underline, an unclosed
 * <script>, leading or trailing blank lines, a lone placeholder comment,
 * a leading quote …) they go in a fenced code block (```text), which
 * cmark makes longer than any run of backticks inside. Which one is
 * decided by reading the item back with slc_md_read, and the whole file
 * is read back once more at the end: what is written is what loads. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authoring.h"
#include "load.h"
#include "md_tree.h"
#include "read_md.h"
#include "author_table.h"
#include "author_md.h"

#define PLACEHOLDER_JA "<!-- 回答をここに記入 -->"
#define PLACEHOLDER_EN "<!-- 回答をここに記入 / write the answer here -->"

static void paragraph(cmark_node *parent, const char *text)
{
    slc_md_add_text(slc_md_add(parent, CMARK_NODE_PARAGRAPH), CMARK_NODE_TEXT, text);
}

/* The vendor's text: as written, or fenced. */
static void vendor_text(cmark_node *doc, const char *s, int fence)
{
    if (fence) {
        slc_buf b;
        slc_buf_init(&b);
        slc_buf_adds(&b, s);
        slc_buf_addc(&b, '\n');
        cmark_node *c = slc_md_add(doc, CMARK_NODE_CODE_BLOCK);
        cmark_node_set_fence_info(c, "text");
        cmark_node_set_literal(c, b.data);
        slc_buf_release(&b);
    } else {
        cmark_node_set_on_enter(slc_md_add(doc, CMARK_NODE_CUSTOM_BLOCK), s);
    }
}

static int has(const char *s)
{
    return s && *s;
}

/* "規定内容: … / 測定単位: …" */
static void hint_line(cmark_node *para, const char *dl, const char *d, const char *ul,
                      const char *u)
{
    slc_buf b;
    slc_buf_init(&b);
    if (has(d))
        slc_buf_addf(&b, "%s: %s", dl, d);
    if (has(u))
        slc_buf_addf(&b, "%s%s: %s", b.len ? " / " : "", ul, u);
    slc_md_add_text(para, CMARK_NODE_TEXT, b.data ? b.data : "");
    slc_buf_release(&b);
}

typedef struct item_text {
    const char *answer, *remarks;
    int fence_answer, fence_remarks;
} item_text;

static void item_nodes(cmark_node *doc, const slc_cat_item *it, const item_text *t, slc_lang lang)
{
    char no[24];
    snprintf(no, sizeof(no), "%d. ", it->no);
    cmark_node *h = slc_md_heading(doc, 2, NULL);
    /* the number as is: as text, cmark would escape "5." as a list marker */
    cmark_node_set_on_enter(slc_md_add(h, CMARK_NODE_CUSTOM_INLINE), no);
    slc_md_add_text(h, CMARK_NODE_TEXT, it->name.ja ? it->name.ja : "");
    if (has(it->definition.ja) || has(it->unit.ja)) {
        cmark_node *p = slc_md_add(slc_md_add(doc, CMARK_NODE_BLOCK_QUOTE), CMARK_NODE_PARAGRAPH);
        hint_line(p, "規定内容", it->definition.ja, "測定単位", it->unit.ja);
        if (lang == SLC_LANG_EN && (has(it->definition.en) || has(it->unit.en))) {
            slc_md_add(p, CMARK_NODE_SOFTBREAK);
            hint_line(p, "Definition", it->definition.en, "Unit", it->unit.en);
        }
    }
    if (has(t->answer))
        vendor_text(doc, t->answer, t->fence_answer);
    else
        cmark_node_set_literal(slc_md_add(doc, CMARK_NODE_HTML_BLOCK),
                               lang == SLC_LANG_EN ? PLACEHOLDER_EN "\n" : PLACEHOLDER_JA "\n");
    if (has(t->remarks)) {
        slc_md_heading(doc, 3, "備考");
        vendor_text(doc, t->remarks, t->fence_remarks);
    }
}

static char *render(cmark_node *doc)
{
    return cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
}

static int same(const char *cell, const char *want)
{
    return !strcmp(cell ? cell : "", want ? want : "");
}

/* Reads md back; for each written item (by number, first occurrence),
 * ok[k] = 1 if its answer and remarks came back exactly. Returns the
 * number of items that did. */
static size_t read_back(const slc_catalog *cat, const char *md, const size_t *idx,
                        const item_text *t, size_t n, unsigned char *ok)
{
    static const slc_limits unlimited = {SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX};
    slc_arena arena;
    slc_table tab;
    slc_error err;
    size_t good = 0;
    slc_arena_init(&arena);
    slc_error_clear(&err);
    memset(ok, 0, n);
    if (slc_md_read(cat, md, strlen(md), &unlimited, &arena, "(markdown)", &tab, &err) == SLC_OK) {
        unsigned char *seen = slc_xcalloc(n + 1, 1);
        size_t k = 0;
        for (size_t r = 0; r < tab.nrows; r++) {
            const slc_row *row = &tab.rows[r];
            if (row->ncells != 4 || !strcmp(row->cells[0], "No"))
                continue;
            int no = atoi(row->cells[0]);
            /* rows come in the order written; find this one's item */
            size_t j = k;
            while (j < n && cat->items[idx[j]].no != no)
                j++;
            if (j == n || seen[j])
                continue;
            seen[j] = 1;
            k = j + 1;
            if (same(row->cells[2], t[j].answer) && same(row->cells[3], t[j].remarks)) {
                ok[j] = 1;
                good++;
            }
        }
        free(seen);
        slc_table_release(&tab);
    }
    slc_arena_release(&arena);
    return good;
}

static int headings(const char *md)
{
    int n = 0;
    cmark_node *doc = slc_md_parse(md, strlen(md), CMARK_OPT_DEFAULT);
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
        if (ev == CMARK_EVENT_ENTER &&
            cmark_node_get_type(cmark_iter_get_node(it)) == CMARK_NODE_HEADING)
            n++;
    cmark_iter_free(it);
    cmark_node_free(doc);
    return n;
}

/* The plainest form of one item that reads back. */
static void choose_form(const slc_catalog *cat, size_t i, item_text *t, slc_lang lang)
{
    static const int forms[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    for (int f = 0; f < 4; f++) {
        t->fence_answer = forms[f][0];
        t->fence_remarks = forms[f][1];
        if ((t->fence_answer && !has(t->answer)) || (t->fence_remarks && !has(t->remarks)))
            continue;
        cmark_node *doc = slc_md_node_new(CMARK_NODE_DOCUMENT);
        item_nodes(doc, &cat->items[i], t, lang);
        slc_md_heading(doc, 1, "end"); /* what follows an item: a heading */
        char *md = render(doc);
        cmark_node_free(doc);
        unsigned char ok = 0;
        read_back(cat, md, &i, t, 1, &ok);
        /* and no line of the text is a heading, which would read back but
         * confuse whoever edits the file */
        if (ok && headings(md) != (has(t->remarks) ? 3 : 2))
            ok = 0;
        free(md);
        if (ok)
            return;
    }
    t->fence_answer = has(t->answer);
    t->fence_remarks = has(t->remarks);
}

/* a paragraph of text and code spans in turn: text, code, text, code, text */
static void instructions(cmark_node *root, const char *const parts[5])
{
    cmark_node *p = slc_md_add(root, CMARK_NODE_PARAGRAPH);
    for (int i = 0; i < 5; i++)
        if (i % 2)
            cmark_node_set_literal(slc_md_add(p, CMARK_NODE_CODE), parts[i]);
        else
            slc_md_add_text(p, CMARK_NODE_TEXT, parts[i]);
}

static cmark_node *build(const slc_catalog *cat, const slc_doc *doc, const slc_author_opts *o,
                         const size_t *idx, const item_text *t, size_t n)
{
    int en = o->lang == SLC_LANG_EN;
    cmark_node *root = slc_md_node_new(CMARK_NODE_DOCUMENT);
    slc_buf b;
    slc_buf_init(&b);
    slc_buf_adds(&b, cat->title.ja ? cat->title.ja : "");
    if (doc && has(doc->name))
        slc_buf_addf(&b, " — %s", doc->name);
    slc_md_heading(root, 1, b.data);
    cmark_node *list = NULL;
    for (int m = 0; doc && m < SLC_META_N; m++) {
        const char *v = slc_meta_value(doc, m);
        if (!has(v))
            continue;
        if (!list)
            list = slc_md_list(root);
        slc_buf_clear(&b);
        slc_buf_addf(&b, "%s: %s", slc_meta_keys[m], v);
        paragraph(slc_md_add(list, CMARK_NODE_ITEM), b.data);
    }
    /* the instructions: the heading forms as code, so nothing needs escaping */
    static const char *const ja[5] = {
        "各項目の見出し（", "## 5. サービス稼働率",
        "）の下に回答を書いてください。見出しの直後の引用は規定内容と測定単位の説明で、読み込まれません。備考は見出し",
        "### 備考", "の下に書きます。書いた文章はそのまま回答として読み込まれます。"};
    static const char *const english[5] = {
        "Write each answer below its item heading (", "## 5. サービス稼働率",
        "). The quote right below a heading shows the definition and unit and is not read. Remarks go below a ",
        "### 備考", " heading. Answers are read exactly as written."};
    instructions(root, ja);
    if (en)
        instructions(root, english);
    int section = -1, category = -1;
    for (size_t k = 0; k < n; k++) {
        const slc_cat_item *it = &cat->items[idx[k]];
        if (it->category != category || it->section != section) {
            const slc_label *sl = &cat->sections[it->section].label;
            const slc_label *cl = &cat->categories[it->category].label;
            slc_buf_clear(&b);
            slc_buf_adds(&b, sl->ja ? sl->ja : "");
            if (cl->ja && (!sl->ja || strcmp(sl->ja, cl->ja)))
                slc_buf_addf(&b, " ／ %s", cl->ja);
            if (en && sl->en) {
                slc_buf_addf(&b, " (%s", sl->en);
                if (cl->en && strcmp(sl->en, cl->en))
                    slc_buf_addf(&b, " / %s", cl->en);
                slc_buf_adds(&b, ")");
            }
            slc_md_heading(root, 1, b.data);
            section = it->section;
            category = it->category;
        }
        item_nodes(root, it, &t[k], o->lang);
    }
    slc_buf_release(&b);
    return root;
}

void slc_author_md(const slc_catalog *cat, const slc_doc *doc, const slc_author_opts *o,
                   slc_buf *out)
{
    size_t *idx = slc_xcalloc(cat->nitems + 1, sizeof(size_t));
    item_text *t = slc_xcalloc(cat->nitems + 1, sizeof(item_text));
    unsigned char *ok = slc_xcalloc(cat->nitems + 1, 1);
    size_t n = 0;
    for (size_t i = 0; i < cat->nitems; i++) {
        const slc_answer *a = doc ? slc_doc_answer(doc, i) : NULL;
        if (!a && !o->all_items)
            continue;
        idx[n] = i;
        t[n].answer = a && a->cell[SLC_ROLE_ANSWER] ? a->cell[SLC_ROLE_ANSWER] : "";
        t[n].remarks = a && a->cell[SLC_ROLE_REMARKS] ? a->cell[SLC_ROLE_REMARKS] : "";
        if (has(t[n].answer) || has(t[n].remarks))
            choose_form(cat, i, &t[n], o->lang);
        n++;
    }
    char *md = NULL;
    /* the whole file read back: an item that does not survive its
     * neighbours is fenced (never expected; a safety net) */
    for (int round = 0; round < 4; round++) {
        cmark_node *root = build(cat, doc, o, idx, t, n);
        free(md);
        md = render(root);
        cmark_node_free(root);
        if (read_back(cat, md, idx, t, n, ok) == n)
            break;
        int changed = 0;
        for (size_t k = 0; k < n; k++)
            if (!ok[k]) {
                changed |= (!t[k].fence_answer && has(t[k].answer)) ||
                           (!t[k].fence_remarks && has(t[k].remarks));
                t[k].fence_answer = has(t[k].answer);
                t[k].fence_remarks = has(t[k].remarks);
            }
        if (!changed)
            break;
    }
    slc_buf_adds(out, md ? md : "");
    free(md);
    free(ok);
    free(t);
    free(idx);
}

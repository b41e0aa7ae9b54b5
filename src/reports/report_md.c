/* report_md.c - a Markdown summary (e.g. for a GitHub job summary), built
 * as a cmark tree and rendered by cmark, which escapes the vendor's text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "md_tree.h"
#include "profile.h"
#include "rules.h"
#include "report.h"
#include "report_md.h"

typedef struct md_report {
    slc_report base;
    cmark_node *doc;
    size_t files, unreadable, counts[3];
} md_report;

static void md_doc(slc_report *sk, const slc_doc *doc)
{
    md_report *s = (md_report *)sk;
    int ja = sk->lang == SLC_LANG_JA;
    size_t c[3];
    slc_doc_count(doc, c);
    for (int k = 0; k < 3; k++)
        s->counts[k] += c[k];
    s->files++;
    cmark_node *h = slc_md_heading(s->doc, 3, NULL);
    slc_md_add_plain(h, doc->name);
    slc_md_add_text(h, CMARK_NODE_TEXT, " (");
    slc_md_add_text(h, CMARK_NODE_CODE, doc->path);
    slc_md_add_text(h, CMARK_NODE_TEXT, ")");
    char line[256];
    if (ja)
        snprintf(line, sizeof(line), "エラー %zu、警告 %zu、情報 %zu（%s）", c[2], c[1], c[0],
                 doc->encoding);
    else
        snprintf(line, sizeof(line), "%zu error%s, %zu warning%s, %zu info (%s)", c[2],
                 c[2] == 1 ? "" : "s", c[1], c[1] == 1 ? "" : "s", c[0], doc->encoding);
    slc_md_add_text(slc_md_add(s->doc, CMARK_NODE_PARAGRAPH), CMARK_NODE_TEXT, line);
    if (doc->profile) {
        const slc_profile_result *p = doc->profile;
        snprintf(line, sizeof(line),
                 ja ? "プロファイル %s: スコア %.0f/100、must 未充足 %zu、判断不能 %zu"
                    : "Profile %s: score %.0f/100, %zu must not met, %zu unknown",
                 p->profile->id, p->score, p->must_failed, p->unknown);
        slc_md_add_text(slc_md_add(s->doc, CMARK_NODE_PARAGRAPH), CMARK_NODE_TEXT, line);
    }
    cmark_node *list = NULL;
    slc_buf msg;
    slc_buf_init(&msg);
    for (size_t i = 0; i < doc->nfindings; i++) {
        const slc_finding *f = &doc->findings[i];
        if (f->severity < sk->fail_on && f->severity < SLC_SEV_WARNING)
            continue; /* info stays out of the summary unless asked for */
        if (!list)
            list = slc_md_list(s->doc);
        cmark_node *para = slc_md_add(slc_md_add(list, CMARK_NODE_ITEM), CMARK_NODE_PARAGRAPH);
        slc_md_add_text(slc_md_add(para, CMARK_NODE_STRONG), CMARK_NODE_TEXT,
                        slc_severity_id(f->severity));
        slc_md_add_text(para, CMARK_NODE_TEXT, " ");
        slc_md_add_text(para, CMARK_NODE_CODE, slc_finding_rule_id(f));
        if (f->line) {
            snprintf(line, sizeof(line), ja ? " %ld 行目: " : " line %ld: ", f->line);
            slc_md_add_text(para, CMARK_NODE_TEXT, line);
        } else {
            slc_md_add_text(para, CMARK_NODE_TEXT, " ");
        }
        slc_buf_clear(&msg);
        slc_finding_message(&msg, doc, f, sk->lang);
        slc_md_add_plain(para, msg.data);
    }
    slc_buf_release(&msg);
}

static void md_error(slc_report *sk, const slc_error *err)
{
    md_report *s = (md_report *)sk;
    slc_buf line;
    slc_buf_init(&line);
    s->unreadable++;
    slc_buf_addf(&line, "%s", err->path);
    if (err->line > 0)
        slc_buf_addf(&line, ":%ld", err->line);
    slc_buf_addf(&line, ": %s", slc_strerror(err->status, sk->lang));
    if (err->detail[0])
        slc_buf_addf(&line, " (%s)", err->detail);
    cmark_node *para = slc_md_add(s->doc, CMARK_NODE_PARAGRAPH);
    slc_md_add_text(slc_md_add(para, CMARK_NODE_STRONG), CMARK_NODE_TEXT, "error");
    slc_md_add_text(para, CMARK_NODE_TEXT, " ");
    slc_md_add_text(para, CMARK_NODE_TEXT, line.data);
    slc_buf_release(&line);
}

static void md_finish(slc_report *sk, int exit_code)
{
    md_report *s = (md_report *)sk;
    int ja = sk->lang == SLC_LANG_JA;
    cmark_node *title = slc_md_node_new(CMARK_NODE_HEADING);
    cmark_node_set_heading_level(title, 2);
    slc_md_add_text(title, CMARK_NODE_TEXT, ja ? "slacheck 検証結果" : "slacheck results");
    cmark_node_prepend_child(s->doc, title);
    char line[256];
    size_t nf = s->files + s->unreadable, *n = s->counts;
    if (ja)
        snprintf(
            line, sizeof(line),
            "%zu ファイル（読めないもの %zu）: エラー %zu、警告 %zu、情報 %zu。終了コード %d。", nf,
            s->unreadable, n[2], n[1], n[0], exit_code);
    else
        snprintf(
            line, sizeof(line),
            "%zu file%s (%zu unreadable): %zu error%s, %zu warning%s, %zu info. Exit status %d.",
            nf, nf == 1 ? "" : "s", s->unreadable, n[2], n[2] == 1 ? "" : "s", n[1],
            n[1] == 1 ? "" : "s", n[0], exit_code);
    cmark_node *p = slc_md_node_new(CMARK_NODE_PARAGRAPH);
    slc_md_add_text(p, CMARK_NODE_TEXT, line);
    cmark_node_insert_after(title, p);
    char *md = cmark_render_commonmark(s->doc, CMARK_OPT_DEFAULT, 0);
    if (md) {
        slc_buf_adds(&sk->out, md);
        free(md);
    }
}

static void md_release(slc_report *sk)
{
    cmark_node_free(((md_report *)sk)->doc);
}

static const slc_report_ops md_ops = {md_doc, md_error, md_finish, md_release};

slc_report *slc_report_md_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on)
{
    md_report *s = slc_xcalloc(1, sizeof(*s));
    slc_report_init(&s->base, &md_ops, cat, lang, fail_on);
    s->doc = slc_md_node_new(CMARK_NODE_DOCUMENT);
    return &s->base;
}

/* cmd_diff.c - slacheck diff FILE FILE [FILE...]: vendors side by side, or
 * two versions of one vendor. Exit status like diff(1): 0 no differences,
 * 1 differences, 2 and above trouble. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "compare.h"
#include "export.h"
#include "load.h"
#include "profile.h"
#include "rules.h"
#include "export_json.h"
#include "report_diff.h"
#include "text.h"
#include "cli.h"

/* "1-9,28-38" -> marks; 0 on a syntax error */
static int parse_items(const char *s, const slc_catalog *cat, unsigned char *show)
{
    while (*s) {
        char *end;
        long a = strtol(s, &end, 10), b = a;
        if (end == s)
            return 0;
        s = end;
        if (*s == '-') {
            b = strtol(s + 1, &end, 10);
            if (end == s + 1)
                return 0;
            s = end;
        }
        for (size_t i = 0; i < cat->nitems; i++)
            if (cat->items[i].no >= a && cat->items[i].no <= b)
                show[i] = 1;
        if (*s == ',')
            s++;
        else if (*s)
            return 0;
    }
    return 1;
}

static int category_of(const slc_catalog *cat, const char *name)
{
    slc_buf f, k;
    slc_buf_init(&f);
    slc_buf_init(&k);
    slc_text_fold(&f, name, strlen(name));
    int found = -1;
    for (size_t c = 0; c < cat->ncategories && found < 0; c++) {
        const slc_cat_group *g = &cat->categories[c];
        if (!strcmp(g->id, name))
            found = (int)c;
        for (size_t i = 0; i < g->keys.n && found < 0; i++)
            if (f.data && !strcmp(f.data, g->keys.v[i]))
                found = (int)c;
    }
    slc_buf_release(&f);
    slc_buf_release(&k);
    return found;
}

static size_t terminal_width(void)
{
    const char *cols = getenv("COLUMNS");
    if (cols && atoi(cols) > 20)
        return (size_t)atoi(cols);
    size_t w = slc_platform_terminal_width();
    return w > 20 ? w : 120;
}

/* diff's own formats, written to standard output or -o; the reports
 * (-o x.html ...) come from export.c's table */
static void diff_text(cli_ctx *ctx, const slc_comparison *cmp, const unsigned char *show,
                      slc_buf *out)
{
    slc_diff_view v = {terminal_width(), 0, ctx->opt[OPT_ALL] != NULL, show, ctx->lang};
    v.colour = cli_colour(ctx, ctx->opt[OPT_OUTPUT]);
    slc_report_diff_text(cmp, &v, out);
}

static void diff_json(cli_ctx *ctx, const slc_comparison *cmp, const unsigned char *show,
                      slc_buf *out)
{
    slc_json_comparison(cmp, show, ctx->opt[OPT_ALL] != NULL, out);
}

static const struct {
    const char *id;
    void (*write)(cli_ctx *ctx, const slc_comparison *cmp, const unsigned char *show, slc_buf *out);
} own[] = {{"text", diff_text}, {"json", diff_json}};

const char *cli_diff_own_format(size_t i)
{
    return i < sizeof(own) / sizeof(own[0]) ? own[i].id : NULL;
}

/* the index in own[] of format, or -1 */
static int own_index(const char *format)
{
    for (size_t i = 0; i < sizeof(own) / sizeof(own[0]); i++)
        if (!strcmp(own[i].id, format))
            return (int)i;
    return -1;
}

int cmd_diff(cli_ctx *ctx)
{
    const char *format = ctx->opt[OPT_FORMAT] ? ctx->opt[OPT_FORMAT] : "text";
    slc_load_options lo;
    slc_doc **docs = NULL;
    unsigned char *show = NULL;
    slc_comparison *cmp = NULL;
    slc_profile *profile = NULL;
    int rc;

    const slc_export_format *report = NULL;
    if (!ctx->opt[OPT_FORMAT] && ctx->opt[OPT_OUTPUT]) {
        /* -o x.html, x.md, x.xlsx: the comparison as a report */
        const slc_export_format *f = slc_export_format_for_path(ctx->opt[OPT_OUTPUT]);
        if (f && f->comparison)
            report = f, format = f->id;
    } else if (own_index(format) < 0) {
        report = slc_export_format_find(format);
        if (report && !report->comparison)
            report = NULL;
    }
    if (own_index(format) < 0 && !report)
        return cli_bad_format(ctx, ctx->cmd, format);
    if (report && report->binary && (rc = cli_refuse_binary_tty(ctx, ctx->opt[OPT_OUTPUT])))
        return rc;
    if (ctx->nnames && ctx->nnames != ctx->nfiles)
        return cli_usage_error(ctx, "give --name once per file, or not at all",
                               "--name はファイルごとに 1 つずつ指定してください", NULL);
    if (ctx->opt[OPT_CHANGES] && ctx->nfiles != 2)
        return cli_usage_error(ctx, "--changes compares exactly two files (the older first)",
                               "--changes は 2 つのファイル（古い版が先）を比較します", NULL);
    if ((rc = cli_prepare(ctx, &lo, NULL)) != EXIT_CLEAN)
        return rc;
    if (ctx->opt[OPT_ITEMS] || ctx->opt[OPT_CATEGORY]) {
        show = slc_xcalloc(ctx->cat->nitems + 1, 1);
        if (ctx->opt[OPT_ITEMS] && !parse_items(ctx->opt[OPT_ITEMS], ctx->cat, show)) {
            free(show);
            return cli_usage_error(ctx, "--items takes numbers and ranges, e.g. 1-9,28-38",
                                   "--items は番号と範囲です（例: 1-9,28-38）",
                                   ctx->opt[OPT_ITEMS]);
        }
        if (ctx->opt[OPT_CATEGORY]) {
            int cat = category_of(ctx->cat, ctx->opt[OPT_CATEGORY]);
            if (cat < 0) {
                free(show);
                return cli_usage_error(ctx, "unknown category", "不明な種別です",
                                       ctx->opt[OPT_CATEGORY]);
            }
            for (size_t i = 0; i < ctx->cat->nitems; i++)
                if (ctx->cat->items[i].category == cat && (!ctx->opt[OPT_ITEMS] || show[i]))
                    show[i] = 2;
            for (size_t i = 0; i < ctx->cat->nitems; i++)
                show[i] = show[i] == 2;
        }
    }

    if ((rc = cli_load_profile(ctx, &profile)) != EXIT_CLEAN) {
        free(show);
        return rc;
    }
    /* a report carries the findings as validate counts them */
    rc = cli_load_docs(ctx, &lo, report != NULL, profile, &docs);
    if (rc != EXIT_CLEAN)
        goto done;

    cmp = slc_compare(docs, ctx->nfiles, ctx->opt[OPT_CHANGES] ? 1 : -1);
    slc_buf out;
    slc_buf_init(&out);
    if (report) {
        /* a report shows every item (or those --items/--category pick) */
        slc_export *x = slc_export_new(docs, ctx->nfiles, cmp, profile, ctx->lang);
        x->comparison_only = 1;
        slc_export_set_show(x, show);
        rc = cli_write_report(ctx, x, report, ctx->opt[OPT_OUTPUT]);
        slc_export_free(x);
    } else {
        own[own_index(format)].write(ctx, cmp, show, &out);
    }
    if (!report)
        rc = cli_write_output(ctx, ctx->opt[OPT_OUTPUT], &out);
    slc_buf_release(&out);
    if (rc == EXIT_CLEAN && !ctx->opt[OPT_EXIT_ZERO])
        for (size_t i = 0; i < cmp->nitems; i++)
            if (cmp->items[i].verdict != SLC_CMP_SAME || cmp->items[i].missing)
                rc = 1; /* like diff(1): the checklists differ */
done:
    slc_comparison_free(cmp);
    cli_free_docs(ctx, docs);
    free(show);
    slc_profile_free(profile);
    return rc;
}

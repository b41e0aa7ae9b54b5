/* cmd_validate.c - slacheck validate FILE...: every file through the
 * loader and the rules, fed to the reports (--format to standard
 * output or -o, each --report FMT=FILE to its file). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "load.h"
#include "output.h"
#include "profile.h"
#include "rules.h"
#include "report.h"
#include "cli.h"

typedef struct target {
    slc_report *report;
    const char *path; /* NULL or "-": standard output */
    slc_output out;   /* opened before the first file; committed at the end */
    int open;
} target;

/* what a streaming report has written so far goes to its output now */
static void drain(target *t)
{
    if (t->open && t->report->out.len) {
        fwrite(t->report->out.data, 1, t->report->out.len, t->out.fp);
        slc_buf_clear(&t->report->out);
    }
}

typedef struct run {
    cli_ctx *ctx;
    target *t;
    size_t nt;
    slc_severity fail_on;
    cli_progress progress;
    int unreadable, failing;
} run;

/* each file's findings (or its error) to every report, in file order */
static void report_doc(void *data, size_t i, slc_doc *doc, const slc_error *err)
{
    run *r = data;
    cli_progress_step(&r->progress, i);
    if (!doc) {
        r->unreadable = 1;
        cli_print_error(r->ctx, err);
        for (size_t k = 0; k < r->nt; k++)
            r->t[k].report->ops->add_error(r->t[k].report, err);
        return;
    }
    for (size_t k = 0; k < doc->nfindings; k++)
        r->failing |= doc->findings[k].severity >= r->fail_on;
    for (size_t k = 0; k < r->nt; k++) {
        r->t[k].report->ops->add_doc(r->t[k].report, doc);
        if (r->t[k].report->streams) /* out as each file is done: memory stays flat */
            drain(&r->t[k]);
    }
    slc_doc_free(doc);
}

int cmd_validate(cli_ctx *ctx)
{
    const char *format = ctx->opt[OPT_FORMAT] ? ctx->opt[OPT_FORMAT] : "text";
    slc_severity fail_on = SLC_SEV_ERROR;
    slc_load_options lo;
    slc_profile *profile = NULL;
    target *t = NULL;
    size_t nt = 0;
    int rc;

    if (!slc_report_known(format))
        return cli_usage_error(
            ctx, "validate formats are text, json, github, sarif, junit, md and codequality",
            "validate の形式は text、json、github、sarif、junit、md、codequality です", format);
    for (size_t i = 0; i < ctx->nreports; i++) {
        const char *eq = strchr(ctx->reports[i], '=');
        char fmt[16];
        size_t n = eq ? (size_t)(eq - ctx->reports[i]) : 0;
        if (!eq || n >= sizeof(fmt) || !eq[1])
            return cli_usage_error(ctx, "--report takes FMT=FILE", "--report は FMT=FILE の形です",
                                   ctx->reports[i]);
        memcpy(fmt, ctx->reports[i], n);
        fmt[n] = '\0';
        if (!slc_report_known(fmt))
            return cli_usage_error(ctx, "unknown report format", "不明なレポート形式です", fmt);
    }
    if (ctx->opt[OPT_FAIL_ON] && !slc_severity_parse(ctx->opt[OPT_FAIL_ON], &fail_on))
        return cli_usage_error(ctx, "--fail-on must be error, warning or info",
                               "--fail-on は error、warning、info のいずれかです",
                               ctx->opt[OPT_FAIL_ON]);
    if ((rc = cli_prepare(ctx, &lo, &profile)) != EXIT_CLEAN)
        return rc;

    t = slc_xcalloc(ctx->nreports + 1, sizeof(*t));
    t[nt].report = slc_report_new(format, ctx->cat, ctx->lang, fail_on);
    t[nt++].path = ctx->opt[OPT_OUTPUT];
    for (size_t i = 0; i < ctx->nreports; i++) {
        const char *eq = strchr(ctx->reports[i], '=');
        char fmt[16];
        memcpy(fmt, ctx->reports[i], (size_t)(eq - ctx->reports[i]));
        fmt[eq - ctx->reports[i]] = '\0';
        t[nt].report = slc_report_new(fmt, ctx->cat, ctx->lang, fail_on);
        t[nt++].path = eq + 1;
    }
    /* one file written by two reports: one would silently replace the other */
    for (size_t k = 0; k < nt; k++)
        for (size_t j = 0; j < k; j++)
            if (slc_output_same_target(t[j].path, t[k].path)) {
                rc = cli_usage_error(ctx, "the same output is given twice",
                                     "同じ出力先が 2 回指定されています",
                                     t[k].path ? t[k].path : "-");
                goto done;
            }
    slc_status write_failed = SLC_OK; /* the last report that could not be written */
    for (size_t k = 0; k < nt; k++) {
        slc_error oerr;
        slc_error_clear(&oerr);
        if ((rc = cli_check_output(ctx, t[k].path)) != EXIT_CLEAN)
            goto done;
        slc_status st = slc_output_open(&t[k].out, t[k].path, &oerr);
        if (st != SLC_OK) {
            cli_print_error(ctx, &oerr); /* the other reports are still written */
            write_failed = st;
            continue;
        }
        t[k].open = 1;
    }

    run r = {.ctx = ctx, .t = t, .nt = nt, .fail_on = fail_on};
    slc_batch b = {ctx->cat, profile, 1, ctx->files, ctx->nfiles, &lo, NULL, ctx->jobs};
    cli_progress_start(ctx, &r.progress, ctx->nfiles);
    slc_batch_run(&b, report_doc, &r);
    cli_progress_end(&r.progress);
    rc = r.unreadable ? EXIT_INPUT : r.failing ? EXIT_FINDINGS : EXIT_CLEAN;
    /* every report is written, even when the run fails */
    for (size_t k = 0; k < nt; k++) {
        t[k].report->ops->finish(t[k].report, rc);
        drain(&t[k]);
        if (!t[k].open)
            continue;
        slc_error oerr;
        slc_error_clear(&oerr);
        t[k].open = 0;
        slc_status st = slc_output_commit(&t[k].out, &oerr);
        if (st != SLC_OK) {
            cli_print_error(ctx, &oerr);
            write_failed = st;
        }
    }
    if (write_failed != SLC_OK)
        rc = cli_exit_code(write_failed, CLI_STAGE_OUTPUT);
done:
    for (size_t k = 0; k < nt; k++) {
        if (t[k].open)
            slc_output_abort(&t[k].out);
        slc_report_free(t[k].report);
    }
    free(t);
    slc_profile_free(profile);
    return rc;
}

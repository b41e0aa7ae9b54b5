/* cmd_export.c - slacheck export FILE... -o OUT.{xlsx,html,md,json,tsv,csv}:
 * one vendor's report, or several compared, with --profile's results
 * (writing such a report, shared with diff -o, is in helpers.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "export.h"
#include "load.h"
#include "output.h"
#include "profile.h"
#include "rules.h"
#include "cli.h"

/* the format of one -o, or a usage error told */
static const slc_export_format *output_format(cli_ctx *ctx, const char *path)
{
    const slc_export_format *fmt = cli_report_format(ctx, path);
    if (!fmt && ctx->opt[OPT_FORMAT])
        cli_bad_format(ctx, ctx->cmd, ctx->opt[OPT_FORMAT]);
    else if (!fmt)
        cli_unknown_format(ctx, path);
    else if (fmt->binary && cli_refuse_binary_tty(ctx, path) != EXIT_CLEAN)
        return NULL;
    return fmt;
}

int cmd_export(cli_ctx *ctx)
{
    size_t nout = ctx->noutputs;
    slc_load_options lo;
    slc_profile *profile = NULL;
    slc_doc **docs = NULL;
    slc_comparison *cmp = NULL;
    slc_export *x = NULL;
    int rc;

    if (!nout)
        return cli_usage_error(ctx, "export needs -o OUT (--help lists the formats)",
                               "export には -o OUT が必要です（形式は --help を参照）", NULL);
    if (nout > 1 && ctx->opt[OPT_FORMAT])
        return cli_usage_error(
            ctx, "with several -o, each report's format comes from its file name: drop --format",
            "-o が複数のときは各ファイル名から形式を決めます。--format は指定できません",
            ctx->opt[OPT_FORMAT]);
    const slc_export_format **fmt = slc_xcalloc(nout, sizeof(*fmt));
    rc = EXIT_CLEAN;
    for (size_t i = 0; i < nout && rc == EXIT_CLEAN; i++) {
        if (!(fmt[i] = output_format(ctx, ctx->outputs[i]))) {
            rc = EXIT_USAGE;
            break;
        }
        for (size_t k = 0; k < i && rc == EXIT_CLEAN; k++)
            if (slc_output_same_target(ctx->outputs[k], ctx->outputs[i]))
                rc = cli_usage_error(ctx, "the same output is given twice",
                                     "同じ出力先が 2 回指定されています", ctx->outputs[i]);
        if (rc == EXIT_CLEAN)
            rc = cli_check_output(ctx, ctx->outputs[i]);
    }
    if (rc == EXIT_CLEAN && ctx->nnames && ctx->nnames != ctx->nfiles)
        rc = cli_usage_error(ctx, "give --name once per file, or not at all",
                             "--name はファイルごとに 1 つずつ指定してください", NULL);
    if (rc != EXIT_CLEAN || (rc = cli_prepare(ctx, &lo, &profile)) != EXIT_CLEAN) {
        free(fmt);
        return rc;
    }

    /* a report without a vendor would mislead: all load, or nothing is written */
    rc = cli_load_docs(ctx, &lo, 1, profile, &docs);
    if (rc == EXIT_CLEAN) {
        cmp = slc_compare(docs, ctx->nfiles, 0);
        x = slc_export_new(docs, ctx->nfiles, cmp, profile, ctx->lang);
        /* one model, every report; a report that fails does not stop the others */
        for (size_t i = 0; i < nout; i++) {
            int r = cli_write_report(ctx, x, fmt[i], ctx->outputs[i]);
            if (r != EXIT_CLEAN)
                rc = r;
        }
    }
    free(fmt);
    slc_export_free(x);
    slc_comparison_free(cmp);
    cli_free_docs(ctx, docs);
    slc_profile_free(profile);
    return rc;
}

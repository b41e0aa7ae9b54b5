/* cmd_convert.c - slacheck convert FILE -o OUT.{tsv,csv,json,md,xlsx} */
#include <string.h>

#include "author_formats.h"
#include "cli.h"
#include "load.h"

int cmd_convert(cli_ctx *ctx)
{
    const char *out_path = ctx->opt[OPT_OUTPUT];
    const char *format =
        ctx->opt[OPT_FORMAT] ? ctx->opt[OPT_FORMAT] : cli_authoring_format(out_path);
    if (!format && out_path && !strcmp(out_path, "-"))
        format = "tsv"; /* standard output: the canonical table */
    slc_load_options lo;
    int rc;

    if (!out_path)
        return cli_usage_error(
            ctx, "convert needs -o OUT (-o - writes TSV, or --format, to standard output)",
            "convert には -o OUT が必要です（-o - は標準出力に TSV か --format の形式）", NULL);
    if (!format)
        return cli_unknown_format(ctx, out_path);
    if (!cli_format_allowed(ctx->cmd, format))
        return cli_bad_format(ctx, ctx->cmd, format);
    if (!slc_author_format_find(format)->write && (rc = cli_refuse_binary_tty(ctx, out_path)))
        return rc;
    if ((rc = cli_prepare(ctx, &lo, NULL)) != EXIT_CLEAN)
        return rc;

    slc_doc *doc = NULL;
    slc_error err;
    slc_error_clear(&err);
    slc_status st = slc_doc_load_file(ctx->cat, ctx->files[0], &lo, &doc, &err);
    if (st != SLC_OK) {
        cli_print_error(ctx, &err);
        return cli_exit_code(st, CLI_STAGE_INPUT);
    }
    if (doc->nbad) {
        /* converting would write U+FFFD where the vendor had bytes: refuse */
        st = slc_error_set(&err, SLC_ERR_DECODE, doc->path, doc->bad[0].line, doc->bad[0].offset,
                           "%zu undecodable byte sequence(s) in %s", doc->nbad, doc->encoding);
        cli_print_error(ctx, &err);
        slc_doc_free(doc);
        return cli_exit_code(st, CLI_STAGE_INPUT);
    }
    cli_warn_duplicates(ctx, doc);
    rc = cli_write_authoring(ctx, format, doc, 0, NULL, out_path);
    slc_doc_free(doc);
    return rc;
}

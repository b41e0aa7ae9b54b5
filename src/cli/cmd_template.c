/* cmd_template.c - slacheck template [--format tsv|csv|md|xlsx] [--from FILE]
 * [-o OUT]: a checklist for a vendor to fill in, every item listed, blank
 * or filled with last year's answers so only what changed needs editing. */
#include <string.h>

#include "author_formats.h"
#include "load.h"
#include "text.h"
#include "cli.h"

int cmd_template(cli_ctx *ctx)
{
    const char *path = ctx->opt[OPT_OUTPUT];
    const char *format = ctx->opt[OPT_FORMAT] ? ctx->opt[OPT_FORMAT] : cli_authoring_format(path);
    const char *encoding = ctx->opt[OPT_ENCODING];
    slc_load_options lo;
    slc_doc *doc = NULL;
    int rc;

    if (!format)
        format = path && strcmp(path, "-") ? NULL : "tsv";
    if (!format)
        return cli_unknown_format(ctx, path);
    if (!cli_format_allowed(ctx->cmd, format))
        return cli_bad_format(ctx, ctx->cmd, format);
    const slc_author_format *af = slc_author_format_find(format);
    /* a format written to a path is a workbook: never to a terminal */
    if (!af->write && (rc = cli_refuse_binary_tty(ctx, path)))
        return rc;
    if (encoding && !slc_text_encoding_name(encoding))
        return cli_usage_error(ctx, "unknown encoding", "不明な文字コードです", encoding);
    if (encoding && !af->encodable)
        return cli_usage_error(ctx, "--encoding applies to tsv and csv templates",
                               "--encoding は tsv と csv のテンプレートに使えます", encoding);
    if ((rc = cli_check_output(ctx, path)) != EXIT_CLEAN)
        return rc;
    ctx->opt[OPT_ENCODING] = NULL; /* here it names the output's encoding */
    rc = cli_load_options(ctx, &lo);
    ctx->opt[OPT_ENCODING] = encoding;
    if (rc != EXIT_CLEAN)
        return rc;
    if ((rc = cli_load_catalog(ctx)) != EXIT_CLEAN)
        return rc;
    if (ctx->opt[OPT_FROM]) {
        slc_error err;
        slc_error_clear(&err);
        lo.name = ctx->nnames ? ctx->names[0] : NULL;
        slc_status st = slc_doc_load_file(ctx->cat, ctx->opt[OPT_FROM], &lo, &doc, &err);
        if (st != SLC_OK) {
            cli_print_error(ctx, &err);
            return cli_exit_code(st, CLI_STAGE_INPUT);
        }
    }
    rc = cli_write_authoring(ctx, format, doc, 1, encoding, path);
    slc_doc_free(doc);
    return rc;
}

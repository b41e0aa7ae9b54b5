/* cmd_items.c - slacheck items: the checklist definition in use. */
#include <string.h>

#include "catalog_json.h"
#include "report_text.h"
#include "cli.h"

int cmd_items(cli_ctx *ctx)
{
    const char *format = ctx->opt[OPT_FORMAT] ? ctx->opt[OPT_FORMAT] : "text";
    int rc;
    if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "tsv"))
        return cli_usage_error(ctx, "items formats are text, json and tsv",
                               "items の形式は text、json、tsv です", format);
    if ((rc = cli_load_catalog(ctx)) != EXIT_CLEAN)
        return rc;
    slc_buf out;
    slc_buf_init(&out);
    if (!strcmp(format, "json"))
        slc_json_catalog(ctx->cat, &out);
    else if (!strcmp(format, "tsv"))
        slc_report_items_tsv(ctx->cat, &out);
    else
        slc_report_items_text(ctx->cat, ctx->lang, &out);
    rc = cli_write_output(ctx, ctx->opt[OPT_OUTPUT], &out);
    slc_buf_release(&out);
    return rc;
}

/* cmd_items.c - slacheck items: the checklist definition in use. */
#include <string.h>

#include "catalog_json.h"
#include "report_text.h"
#include "cli.h"

static void items_text(const cli_ctx *ctx, slc_buf *out)
{
    slc_report_items_text(ctx->cat, ctx->lang, out);
}

static void items_json(const cli_ctx *ctx, slc_buf *out)
{
    slc_json_catalog(ctx->cat, out);
}

static void items_tsv(const cli_ctx *ctx, slc_buf *out)
{
    slc_report_items_tsv(ctx->cat, out);
}

/* the formats items writes: the one table --help and completion read */
static const struct {
    const char *id;
    void (*write)(const cli_ctx *ctx, slc_buf *out);
} formats[] = {{"text", items_text}, {"json", items_json}, {"tsv", items_tsv}};

const char *cli_items_format(size_t i)
{
    return i < sizeof(formats) / sizeof(formats[0]) ? formats[i].id : NULL;
}

int cmd_items(cli_ctx *ctx)
{
    const char *format = ctx->opt[OPT_FORMAT] ? ctx->opt[OPT_FORMAT] : "text";
    size_t f = 0;
    int rc;
    while (cli_items_format(f) && strcmp(cli_items_format(f), format))
        f++;
    if (!cli_items_format(f))
        return cli_bad_format(ctx, ctx->cmd, format);
    if ((rc = cli_load_catalog(ctx)) != EXIT_CLEAN)
        return rc;
    slc_buf out;
    slc_buf_init(&out);
    formats[f].write(ctx, &out);
    rc = cli_write_output(ctx, ctx->opt[OPT_OUTPUT], &out);
    slc_buf_release(&out);
    return rc;
}

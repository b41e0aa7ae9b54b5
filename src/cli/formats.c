/* formats.c - which formats each command writes, read from the library's
 * tables (validate reports: report.c; export and diff -o: export.c;
 * convert and template: author_formats.c; items: cmd_items.c), so --help,
 * shell completion and the usage errors never list them by hand. */
#include <string.h>

#include "author_formats.h"
#include "export.h"
#include "report.h"
#include "cli.h"

const char *cli_validate_format(size_t i)
{
    return slc_report_format_id(i);
}

const char *cli_export_format(size_t i)
{
    const slc_export_format *f = slc_export_format_at(i);
    return f ? f->id : NULL;
}

/* the i-th authoring format, of those template writes if for_template */
static const char *author_format(size_t i, int for_template)
{
    for (size_t k = 0; k < slc_author_nformats; k++)
        if (!for_template || slc_author_formats[k].for_template)
            if (i-- == 0)
                return slc_author_formats[k].id;
    return NULL;
}

const char *cli_convert_format(size_t i)
{
    return author_format(i, 0);
}

const char *cli_template_format(size_t i)
{
    return author_format(i, 1);
}

/* diff's own (cmd_diff.c: the side-by-side text, the comparison's JSON),
 * then the report formats of export.c that draw a comparison for people */
const char *cli_diff_format(size_t i)
{
    size_t nown = 0;
    while (cli_diff_own_format(nown))
        nown++;
    if (i < nown)
        return cli_diff_own_format(i);
    i -= nown;
    for (size_t k = 0; slc_export_format_at(k); k++)
        if (slc_export_format_at(k)->comparison && i-- == 0)
            return slc_export_format_at(k)->id;
    return NULL;
}

int cli_format_allowed(const cli_command *c, const char *id)
{
    for (size_t i = 0; c->format && id && c->format(i); i++)
        if (!strcmp(c->format(i), id))
            return 1;
    return 0;
}

void cli_format_join(const cli_command *c, const char *sep, const char *last, slc_buf *out)
{
    size_t n = 0;
    while (c->format && c->format(n))
        n++;
    for (size_t i = 0; i < n; i++) {
        if (i)
            slc_buf_adds(out, i + 1 == n && last ? last : sep);
        slc_buf_adds(out, c->format(i));
    }
}

int cli_bad_format(const cli_ctx *ctx, const cli_command *c, const char *format)
{
    slc_buf en, ja;
    slc_buf_init(&en);
    slc_buf_init(&ja);
    slc_buf_addf(&en, "%s formats are ", c->name);
    cli_format_join(c, ", ", " and ", &en);
    slc_buf_addf(&ja, "%s の形式は ", c->name);
    cli_format_join(c, "、", NULL, &ja);
    slc_buf_adds(&ja, " です");
    const char *names[64];
    size_t n = 0;
    while (c->format && n + 1 < sizeof(names) / sizeof(names[0]) && c->format(n))
        names[n] = c->format(n), n++;
    names[n] = NULL;
    int rc = cli_usage_hint(ctx, en.data, ja.data, format,
                            format ? cli_closest(format, strlen(format), names) : NULL);
    slc_buf_release(&en);
    slc_buf_release(&ja);
    return rc;
}

int cli_unknown_format(const cli_ctx *ctx, const char *path)
{
    slc_buf en, ja;
    slc_buf_init(&en);
    slc_buf_init(&ja);
    slc_buf_adds(&en, "cannot tell the output format from the file name; use --format ");
    cli_format_join(ctx->cmd, "|", NULL, &en);
    slc_buf_adds(&ja, "ファイル名から出力形式が分かりません。--format ");
    cli_format_join(ctx->cmd, "|", NULL, &ja);
    slc_buf_adds(&ja, " を指定してください");
    int rc = cli_usage_error(ctx, en.data, ja.data, path);
    slc_buf_release(&en);
    slc_buf_release(&ja);
    return rc;
}

/* authoring_out.c - writing one checklist in an authoring format (the
 * table in author_formats.h), shared by convert (the items a file has) and
 * template (every item, blank or filled from --from). */
#include <string.h>
#include <strings.h>

#include "author_formats.h"
#include "text.h"
#include "cli.h"

const char *cli_authoring_format(const char *path)
{
    const slc_author_format *f = slc_author_format_for_path(path);
    return f ? f->id : NULL;
}

typedef struct xlsx_job {
    const slc_author_format *f;
    const slc_catalog *cat;
    const slc_doc *doc;
    const slc_author_opts *o;
} xlsx_job;

static slc_status write_to_path(const void *data, const char *path, slc_error *err)
{
    const xlsx_job *j = data;
    return j->f->write_path(j->cat, j->doc, j->o, path, err);
}

int cli_write_authoring(cli_ctx *ctx, const char *format, slc_doc *doc, int all_items,
                        const char *encoding, const char *path)
{
    slc_author_opts o = {ctx->lang, all_items};
    const slc_author_format *f = slc_author_format_find(format);
    if (!f->write) {
        xlsx_job j = {f, ctx->cat, doc, &o};
        return cli_write_path(ctx, path, write_to_path, &j);
    }
    slc_buf out;
    slc_buf_init(&out);
    f->write(ctx->cat, doc, &o, &out);
    int rc = EXIT_CLEAN;
    if (encoding && slc_text_encoding_name(encoding) &&
        strcasecmp(slc_text_encoding_name(encoding), "UTF-8")) {
        /* the byte order mark is UTF-8's: other encodings go without */
        size_t skip = out.len >= 3 && !memcmp(out.data, "\xEF\xBB\xBF", 3) ? 3 : 0;
        slc_buf enc;
        slc_buf_init(&enc);
        slc_error err;
        slc_error_clear(&err);
        slc_status st = slc_text_encode(out.data + skip, out.len - skip, encoding,
                                        path ? path : "-", &enc, &err);
        if (st != SLC_OK) {
            cli_print_error(ctx, &err); /* nothing written: no substitutes */
            rc = cli_exit_code(st, CLI_STAGE_OUTPUT);
        } else {
            rc = cli_write_output(ctx, path, &enc);
        }
        slc_buf_release(&enc);
    } else {
        rc = cli_write_output(ctx, path, &out);
    }
    slc_buf_release(&out);
    return rc;
}

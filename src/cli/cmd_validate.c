/* cmd_validate.c - slacheck validate FILE... */
#include <stdio.h>
#include <string.h>

#include "../json.h"
#include "../profile.h"
#include "../report_text.h"
#include "../rules.h"
#include "cli.h"

int cmd_validate(cli_ctx *ctx)
{
    const char *format = ctx->opt[OPT_FORMAT] ? ctx->opt[OPT_FORMAT] : "text";
    const char *out_path = ctx->opt[OPT_OUTPUT];
    slc_severity fail_on = SLC_SEV_ERROR;
    slc_load_options lo;
    int rc;

    if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "github"))
        return cli_usage_error(ctx, "validate formats are text, json and github",
                               "validate の形式は text、json、github です", format);
    if (ctx->opt[OPT_FAIL_ON] && !slc_severity_parse(ctx->opt[OPT_FAIL_ON], &fail_on))
        return cli_usage_error(ctx, "--fail-on must be error, warning or info",
                               "--fail-on は error、warning、info のいずれかです",
                               ctx->opt[OPT_FAIL_ON]);
    if ((rc = cli_load_options(ctx, &lo)) != EXIT_CLEAN)
        return rc;
    if ((rc = cli_load_catalog(ctx)) != EXIT_CLEAN)
        return rc;
    slc_profile *profile = NULL;
    if (ctx->opt[OPT_PROFILE]) {
        slc_error perr;
        slc_error_clear(&perr);
        if (slc_profile_load(ctx->opt[OPT_PROFILE], ctx->cat, &profile, &perr) != SLC_OK) {
            cli_print_error(ctx, &perr);
            return perr.status == SLC_ERR_IO ? EXIT_INPUT : EXIT_DEFINITION;
        }
    }

    int json = !strcmp(format, "json");
    int stream = !json && (!out_path || !strcmp(out_path, "-"));
    slc_json_report *report = json ? slc_json_report_new(ctx->cat, ctx->lang) : NULL;
    slc_buf out;
    slc_buf_init(&out);
    int unreadable = 0, failing = 0;

    for (size_t i = 0; i < ctx->nfiles; i++) {
        slc_doc *doc = NULL;
        slc_error err;
        slc_error_clear(&err);
        if (slc_doc_load_file(ctx->cat, ctx->files[i], &lo, &doc, &err) != SLC_OK) {
            unreadable = 1;
            cli_print_error(ctx, &err);
            if (report)
                slc_json_report_add_error(report, &err);
            continue;
        }
        slc_validate(doc, profile);
        for (size_t k = 0; k < doc->nfindings; k++)
            failing |= doc->findings[k].severity >= fail_on;
        if (report)
            slc_json_report_add_doc(report, doc);
        else if (!strcmp(format, "github"))
            slc_report_github(doc, ctx->lang, &out);
        else
            slc_report_text(doc, ctx->lang, &out);
        slc_doc_free(doc);
        if (stream && out.len) {
            fwrite(out.data, 1, out.len, stdout);
            slc_buf_clear(&out);
        }
    }
    rc = unreadable ? EXIT_INPUT : failing ? EXIT_FINDINGS : EXIT_CLEAN;
    if (report) {
        slc_json_report_finish(report, rc, &out);
        slc_json_report_free(report);
    }
    if (!stream || out.len) {
        int wrc = cli_write_output(ctx, out_path, &out);
        if (wrc != EXIT_CLEAN)
            rc = wrc;
    }
    slc_buf_release(&out);
    slc_profile_free(profile);
    return rc;
}

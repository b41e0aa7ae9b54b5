/* helpers.c - what the commands share: the one mapping of a status to an
 * exit code, error messages, loading the catalog, the profile and the
 * inputs, and writing output atomically. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "platform.h"
#include "export.h"
#include "export_html.h"
#include "export_xlsx.h"
#include "load.h"
#include "output.h"
#include "profile.h"
#include "rules.h"
#include "term_text.h"
#include "text.h"
#include "validate.h"
#include "template.h"
#include "cli.h"

int cli_exit_code(slc_status status, cli_stage stage)
{
    if (status == SLC_OK)
        return EXIT_CLEAN;
    switch (stage) {
    case CLI_STAGE_INPUT:
        return EXIT_INPUT;
    case CLI_STAGE_DEFINITION:
        return status == SLC_ERR_IO ? EXIT_INPUT : EXIT_DEFINITION;
    case CLI_STAGE_OUTPUT:
        break;
    }
    return EXIT_INTERNAL;
}

/* what: the error's words, or NULL for its status's own */
static void print_error(const cli_ctx *ctx, const slc_error *err, const char *what)
{
    int ja = ctx->lang == SLC_LANG_JA;
    /* the path and the detail can quote a vendor's bytes: shown, never obeyed */
    slc_buf line;
    slc_buf_init(&line);
    slc_buf_adds(&line, "slacheck: ");
    slc_term_text_adds(&line, err->path[0] ? err->path : "-", 0);
    if (err->line > 0)
        slc_buf_addf(&line, ":%ld", err->line);
    slc_buf_addf(&line, ": error: [%s] %s", slc_status_id(err->status),
                 what ? what : slc_strerror(err->status, ctx->lang));
    if (err->detail[0]) {
        slc_buf_adds(&line, " (");
        slc_term_text_adds(&line, err->detail, 0);
        slc_buf_adds(&line, ")");
    }
    if (err->offset >= 0)
        slc_buf_addf(&line, ja ? "（バイトオフセット %lld）" : " at byte offset %lld", err->offset);
    slc_buf_addc(&line, '\n');
    fputs(line.data, stderr);
    slc_buf_release(&line);
}

void cli_print_error(const cli_ctx *ctx, const slc_error *err)
{
    print_error(ctx, err, NULL);
}

void cli_print_profile_error(const cli_ctx *ctx, const slc_error *err)
{
    /* the status's words speak of a checklist definition */
    print_error(ctx, err,
                err->status != SLC_ERR_DEFINITION ? NULL
                : ctx->lang == SLC_LANG_JA        ? "プロファイルが不正です"
                                                  : "invalid profile");
}

int cli_load_catalog(cli_ctx *ctx)
{
    slc_error err;
    slc_error_clear(&err);
    if (slc_catalog_load(ctx->opt[OPT_CHECKLIST], &ctx->cat, &err) != SLC_OK) {
        cli_print_error(ctx, &err);
        return cli_exit_code(err.status, CLI_STAGE_DEFINITION);
    }
    /* --templates: read and checked before any report is written */
    if (ctx->opt[OPT_TEMPLATES] &&
        (slc_templates_use_dir(ctx->opt[OPT_TEMPLATES], &err) != SLC_OK ||
         slc_export_html_check_template(&err) != SLC_OK)) {
        cli_print_error(ctx, &err);
        return cli_exit_code(SLC_ERR_DEFINITION, CLI_STAGE_DEFINITION);
    }
    /* machine code for the patterns pays for itself from the second file;
     * SLACHECK_NO_JIT is for valgrind, which cannot follow code made at run time */
    const char *nojit = getenv("SLACHECK_NO_JIT");
    if (ctx->nfiles > 1 && !(nojit && *nojit))
        slc_catalog_jit(ctx->cat);
    return EXIT_CLEAN;
}

static int parse_size(cli_ctx *ctx, cli_opt_id id, size_t *out)
{
    const char *v = ctx->opt[id];
    if (!v)
        return 1;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (errno || end == v || *end || n == 0 || v[0] == '-') {
        cli_usage_error(ctx, "expected a positive number", "正の数を指定してください", v);
        return 0;
    }
    *out = (size_t)n;
    return 1;
}

/* --jobs, or the processors online; EXIT_USAGE (told) if it is not 1-256 */
static int parse_jobs(cli_ctx *ctx, unsigned *jobs)
{
    const char *v = ctx->opt[OPT_JOBS];
    *jobs = slc_batch_cpus();
    if (!v)
        return EXIT_CLEAN;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < 1 || n > 256)
        return cli_usage_error(ctx, "--jobs takes a number from 1 to 256",
                               "--jobs は 1 から 256 の数です", v);
    *jobs = (unsigned)n;
    return EXIT_CLEAN;
}

int cli_load_options(cli_ctx *ctx, slc_load_options *o)
{
    slc_load_options_init(o);
    o->encoding = ctx->opt[OPT_ENCODING];
    if (o->encoding && !slc_text_encoding_name(o->encoding))
        return cli_usage_error(ctx, "unknown encoding", "不明な文字コードです", o->encoding);
    o->name = ctx->opt[OPT_NAME];
    const char *d = ctx->opt[OPT_DELIMITER];
    if (d) {
        if (!strcmp(d, "tab") || !strcmp(d, "\t"))
            o->delimiter = '\t';
        else if (!strcmp(d, "comma") || !strcmp(d, ","))
            o->delimiter = ',';
        else if (!strcmp(d, "semicolon") || !strcmp(d, ";"))
            o->delimiter = ';';
        else
            return cli_usage_error(ctx, "--delimiter must be tab, comma or semicolon",
                                   "--delimiter は tab、comma、semicolon のいずれかです", d);
    }
    if (!parse_size(ctx, OPT_MAX_BYTES, &o->limits.max_bytes) ||
        !parse_size(ctx, OPT_MAX_ROWS, &o->limits.max_rows) ||
        !parse_size(ctx, OPT_MAX_CELLS, &o->limits.max_cells) ||
        !parse_size(ctx, OPT_MAX_CELL_BYTES, &o->limits.max_cell_bytes))
        return EXIT_USAGE;
    return parse_jobs(ctx, &ctx->jobs);
}

int cli_check_output(cli_ctx *ctx, const char *path)
{
    for (size_t i = 0; path && i < ctx->nfiles; i++)
        if (slc_same_file(path, ctx->files[i]) || !strcmp(path, ctx->files[i]))
            if (strcmp(path, "-"))
                return cli_usage_error(ctx, "refusing to overwrite an input file",
                                       "入力ファイルは上書きしません", path);
    return EXIT_CLEAN;
}

int cli_write_output(cli_ctx *ctx, const char *path, const slc_buf *buf)
{
    slc_output out;
    slc_error err;
    slc_error_clear(&err);
    int rc = cli_check_output(ctx, path);
    if (rc != EXIT_CLEAN)
        return rc;
    slc_status st = slc_output_open(&out, path, &err);
    if (st != SLC_OK) {
        cli_print_error(ctx, &err);
        return cli_exit_code(st, CLI_STAGE_OUTPUT);
    }
    if (buf->len)
        fwrite(buf->data, 1, buf->len, out.fp);
    if ((st = slc_output_commit(&out, &err)) != SLC_OK) {
        cli_print_error(ctx, &err);
        return cli_exit_code(st, CLI_STAGE_OUTPUT);
    }
    return EXIT_CLEAN;
}

typedef struct loaded {
    cli_ctx *ctx;
    slc_doc **docs;
    cli_progress progress;
    int rc;
} loaded;

static void keep_doc(void *data, size_t i, slc_doc *doc, const slc_error *err)
{
    loaded *l = data;
    cli_progress_step(&l->progress, i);
    if (!doc) {
        cli_print_error(l->ctx, err); /* every file is tried, each error told */
        /* a file not loaded is a failure even if err said nothing */
        l->rc = cli_exit_code(err->status != SLC_OK ? err->status : SLC_ERR_IO, CLI_STAGE_INPUT);
    }
    l->docs[i] = doc;
}

void cli_warn_duplicates(cli_ctx *ctx, const slc_doc *doc)
{
    int ja = ctx->lang == SLC_LANG_JA;
    slc_finding f;
    /* the message says which answer is used (the first) */
    slc_buf msg;
    slc_buf_init(&msg);
    for (size_t i = 0; doc && i < doc->nanswers; i++) {
        if (!slc_duplicate_finding(doc, i, &f))
            continue;
        slc_buf_clear(&msg);
        slc_finding_message(&msg, doc, &f, ctx->lang);
        /* the command goes on with the first answer: say so */
        fprintf(stderr, "slacheck: %s:%ld: %s: [%s] %s\n", doc->path, f.line,
                ja ? "警告" : "warning", slc_finding_rule_id(&f), msg.data ? msg.data : "");
    }
    slc_buf_release(&msg);
}

void cli_warn_cut(cli_ctx *ctx, const slc_export *x)
{
    slc_buf lines, line;
    slc_buf_init(&lines);
    slc_buf_init(&line);
    if (slc_export_xlsx_cuts(x, &lines)) {
        for (const char *p = lines.data, *e; (e = strchr(p, '\n')); p = e + 1) {
            slc_buf_clear(&line);
            slc_term_text_add(&line, p, (size_t)(e - p), 0);
            fprintf(stderr, "slacheck: %s: %s\n", ctx->lang == SLC_LANG_JA ? "警告" : "warning",
                    line.data);
        }
    }
    slc_buf_release(&lines);
    slc_buf_release(&line);
}

int cli_load_docs(cli_ctx *ctx, const slc_load_options *lo, int validate,
                  const slc_profile *profile, slc_doc ***out)
{
    loaded l = {
        .ctx = ctx, .docs = slc_xcalloc(ctx->nfiles + 1, sizeof(slc_doc *)), .rc = EXIT_CLEAN};
    slc_batch b = {ctx->cat,
                   profile,
                   validate || profile,
                   ctx->files,
                   ctx->nfiles,
                   lo,
                   ctx->nnames ? ctx->names : NULL,
                   ctx->jobs};
    cli_progress_start(ctx, &l.progress, ctx->nfiles);
    slc_batch_run(&b, keep_doc, &l);
    cli_progress_end(&l.progress);
    for (size_t i = 0; i < ctx->nfiles; i++)
        cli_warn_duplicates(ctx, l.docs[i]);
    *out = l.docs;
    return l.rc;
}

void cli_free_docs(cli_ctx *ctx, slc_doc **docs)
{
    for (size_t i = 0; docs && i < ctx->nfiles; i++)
        slc_doc_free(docs[i]);
    free(docs);
}

int cli_write_path(cli_ctx *ctx, const char *path, cli_path_writer fn, const void *data)
{
    slc_output out;
    slc_error err;
    const char *write_to = NULL;
    int rc = cli_check_output(ctx, path);
    if (rc != EXIT_CLEAN)
        return rc;
    slc_error_clear(&err);
    slc_status st = slc_output_open_path(&out, path, &write_to, &err);
    if (st != SLC_OK) {
        cli_print_error(ctx, &err);
        return cli_exit_code(st, CLI_STAGE_OUTPUT);
    }
    if ((st = fn(data, write_to, &err)) != SLC_OK) {
        if (!strcmp(err.path, write_to)) /* name the target, not our temporary */
            snprintf(err.path, sizeof(err.path), "%s", path ? path : "-");
        cli_print_error(ctx, &err);
        slc_output_abort(&out);
        return cli_exit_code(st, CLI_STAGE_OUTPUT);
    }
    if ((st = slc_output_commit(&out, &err)) != SLC_OK) {
        cli_print_error(ctx, &err);
        return cli_exit_code(st, CLI_STAGE_OUTPUT);
    }
    return EXIT_CLEAN;
}

int cli_load_profile(cli_ctx *ctx, slc_profile **profile)
{
    *profile = NULL;
    if (!ctx->opt[OPT_PROFILE])
        return EXIT_CLEAN;
    slc_error err;
    slc_error_clear(&err);
    if (slc_profile_load(ctx->opt[OPT_PROFILE], ctx->cat, profile, &err) != SLC_OK) {
        cli_print_profile_error(ctx, &err);
        return cli_exit_code(err.status, CLI_STAGE_DEFINITION);
    }
    return EXIT_CLEAN;
}

int cli_prepare(cli_ctx *ctx, slc_load_options *lo, slc_profile **profile)
{
    int rc;
    if (profile)
        *profile = NULL;
    if ((rc = cli_load_options(ctx, lo)) != EXIT_CLEAN)
        return rc;
    if ((rc = cli_load_catalog(ctx)) != EXIT_CLEAN)
        return rc;
    return profile ? cli_load_profile(ctx, profile) : EXIT_CLEAN;
}

typedef struct report_job {
    const slc_export *x;
    const slc_export_format *fmt;
} report_job;

static slc_status write_report(const void *data, const char *path, slc_error *err)
{
    const report_job *j = data;
    return j->fmt->write(j->x, path, err);
}

int cli_write_report(cli_ctx *ctx, const slc_export *x, const slc_export_format *fmt,
                     const char *path)
{
    report_job j = {x, fmt};
    int rc = cli_write_path(ctx, path, write_report, &j);
    if (rc == EXIT_CLEAN && fmt->write == slc_export_xlsx)
        cli_warn_cut(ctx, x);
    return rc;
}

const slc_export_format *cli_report_format(cli_ctx *ctx, const char *path)
{
    if (ctx->opt[OPT_FORMAT])
        return slc_export_format_find(ctx->opt[OPT_FORMAT]);
    return slc_export_format_for_path(path);
}

/* standard output, for a path of NULL or "-" */
static int to_stdout(const char *path)
{
    return !path || !strcmp(path, "-");
}

int cli_colour(const cli_ctx *ctx, const char *path)
{
    const char *when = ctx->opt[OPT_COLOR];
    if (when && !strcmp(when, "always"))
        return 1;
    if (when && !strcmp(when, "never"))
        return 0;
    const char *no = getenv("NO_COLOR"), *force = getenv("FORCE_COLOR");
    if (no && *no) /* https://no-color.org: any non-empty value */
        return 0;
    if (force && *force && strcmp(force, "0"))
        return 1;
    return to_stdout(path) && slc_platform_is_terminal(1);
}

int cli_refuse_binary_tty(const cli_ctx *ctx, const char *path)
{
    if (!to_stdout(path) || !slc_platform_is_terminal(1))
        return EXIT_CLEAN;
    return cli_usage_error(ctx,
                           "refusing to write a binary workbook to a terminal; "
                           "use -o FILE.xlsx, or redirect standard output",
                           "バイナリのワークブックは端末に書き出しません。"
                           "-o FILE.xlsx を指定するか、標準出力をリダイレクトしてください",
                           NULL);
}

/* main.c - entry point: language, parsing, running a command, checking
 * that standard output was written. The helpers the commands share are in
 * helpers.c, and statuses become exit codes there (cli_exit_code). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_write.h"
#include "read_xls.h"
#include "output.h"
#include "xmlload.h"
#include "template.h"
#include "cli.h"

static slc_lang lang_from_env(void)
{
    const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return !strncmp(v, "ja", 2) ? SLC_LANG_JA : SLC_LANG_EN;
    }
    return slc_platform_ui_japanese() ? SLC_LANG_JA : SLC_LANG_EN;
}

/* Ctrl-C or a kill while a report is written: no *.tmp-XXXXXX is left
 * behind; then the signal's own ending, so the caller sees it. Only
 * async-signal-safe calls here. */
static void on_signal(int sig)
{
    slc_output_remove_temporaries();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* the work done in child processes, for systems that start this program
 * again to do it (slc_child_main) */
static const slc_child_entry *const children[] = {&slc_xls_child, NULL};

int main(int argc, char **argv)
{
    slc_platform_init(&argc, &argv);
    int child_rc;
    if (slc_child_main(argc, argv, children, &child_rc))
        return child_rc;
    slc_platform_catch_signals(on_signal);
    cli_ctx ctx;
    memset(&ctx, 0, sizeof(ctx));
    slc_json_init(); /* the libraries allocate through slc_xmalloc */
    slc_xml_init();
    ctx.lang = lang_from_env();
    int dropped = cli_dropped_files(argc - 1, argv + 1);
    int rc = dropped ? cli_dropped_run(ctx.lang, argc - 1, argv + 1)
                     : cli_parse(&ctx, argc - 1, argv + 1);
    if (!dropped && rc == EXIT_CLEAN)
        rc = ctx.cmd->run(&ctx);
    else if (!dropped && rc < 0)
        rc = EXIT_CLEAN;
    /* what went to standard output must really have been written */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "slacheck: %s: %s\n",
                ctx.lang == SLC_LANG_JA ? "標準出力に書けません" : "cannot write standard output",
                strerror(errno));
        if (rc < EXIT_INTERNAL)
            rc = EXIT_INTERNAL;
    }
    slc_catalog_free(ctx.cat);
    slc_templates_release();
    free(ctx.files);
    free(ctx.reports);
    free(ctx.names);
    free(ctx.outputs);
    return rc;
}

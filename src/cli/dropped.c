/* dropped.c - files dropped onto slacheck.exe in Windows' Explorer: the
 * program starts with their paths as its only arguments, and no terminal
 * to read. They get the comparison report, HTML and XLSX, written next to
 * the first file, and the HTML opens in the default browser; what went
 * wrong appears in a message box. Only where the platform starts programs
 * that way (slc_platform_takes_dropped_files); elsewhere a file name where
 * the command belongs stays a usage error. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* the reports' file name, beside the first file */
#define DROPPED_NAME "slacheck-comparison"

int cli_dropped_files(int argc, char **argv)
{
    if (!slc_platform_takes_dropped_files() || argc < 1)
        return 0;
    for (size_t c = 0; c < cli_ncommands; c++)
        if (!strcmp(argv[0], cli_commands[c].name))
            return 0;
    for (int i = 0; i < argc; i++) {
        struct stat st;
        if (argv[i][0] == '-' || stat(argv[i], &st) != 0 || !S_ISREG(st.st_mode))
            return 0;
    }
    return 1;
}

/* the directory part of path, with its separator ("" for none) */
static char *dir_of(const char *path)
{
    size_t end = 0;
    for (size_t i = 0; path[i]; i++)
        if (slc_platform_is_separator(path[i]))
            end = i + 1;
    return slc_xstrndup(path, end);
}

/* standard error into a temporary file while the export runs, so that its
 * words can go to the message box */
typedef struct capture {
    int saved, fd;
    char path[4200];
} capture;

static void capture_begin(capture *c)
{
    char dir[4096];
    slc_platform_temp_dir(dir, sizeof(dir));
    snprintf(c->path, sizeof(c->path), "%s/slacheck-dropped-XXXXXX", dir);
    fflush(stderr);
    c->fd = mkstemp(c->path);
    c->saved = c->fd >= 0 ? dup(2) : -1;
    if (c->saved >= 0 && dup2(c->fd, 2) < 0) {
        close(c->saved);
        c->saved = -1;
    }
}

/* ends the capture; what was written (malloc'd, maybe empty) */
static char *capture_end(capture *c)
{
    fflush(stderr);
    if (c->saved >= 0) {
        dup2(c->saved, 2);
        close(c->saved);
    }
    slc_buf b;
    slc_buf_init(&b);
    if (c->fd >= 0) {
        char block[4096];
        ssize_t n;
        lseek(c->fd, 0, SEEK_SET);
        while (b.len < 16384 && (n = read(c->fd, block, sizeof(block))) > 0)
            slc_buf_add(&b, block, (size_t)n);
        close(c->fd);
        unlink(c->path);
    }
    slc_buf_addc(&b, '\0');
    return slc_buf_detach(&b, NULL);
}

int cli_dropped_run(slc_lang lang, int argc, char **argv)
{
    int ja = lang == SLC_LANG_JA;
    char *dir = dir_of(argv[0]);
    slc_buf html, xlsx;
    slc_buf_init(&html);
    slc_buf_init(&xlsx);
    slc_buf_addf(&html, "%s%s.html", dir, DROPPED_NAME);
    slc_buf_addf(&xlsx, "%s%s.xlsx", dir, DROPPED_NAME);
    /* export FILE... -o NAME.html -o NAME.xlsx */
    char **args = slc_xmalloc(((size_t)argc + 6) * sizeof(*args));
    int n = 0;
    args[n++] = "export";
    for (int i = 0; i < argc; i++)
        args[n++] = argv[i];
    args[n++] = "-o";
    args[n++] = html.data;
    args[n++] = "-o";
    args[n++] = xlsx.data;
    args[n] = NULL;

    const char *no_open = getenv("SLACHECK_NO_OPEN");
    int quiet = no_open && *no_open;
    cli_ctx ctx;
    memset(&ctx, 0, sizeof(ctx));
    ctx.lang = lang;
    capture cap;
    if (!quiet)
        capture_begin(&cap);
    int rc = cli_parse(&ctx, n, args);
    if (rc == EXIT_CLEAN)
        rc = ctx.cmd->run(&ctx);
    char *said = quiet ? NULL : capture_end(&cap);
    if (said && *said && rc < EXIT_USAGE)
        fputs(said, stderr); /* warnings: there is no box for them */

    const char *title = "slacheck";
    slc_buf msg;
    slc_buf_init(&msg);
    if (rc >= EXIT_USAGE) {
        slc_buf_adds(&msg, ja ? "比較レポートを作れませんでした。\n\n"
                              : "The comparison report could not be made.\n\n");
        slc_buf_adds(&msg, said && *said ? said : "");
    } else if (quiet) {
        fprintf(stderr, "slacheck: %s %s\n", ja ? "書き込みました:" : "wrote", html.data);
    } else if (slc_platform_open_file(html.data) != 0) {
        slc_buf_addf(&msg,
                     ja ? "比較レポートを書き込みました:\n%s\n%s"
                        : "Wrote the comparison report:\n%s\n%s",
                     html.data, xlsx.data);
    }
    if (msg.len) {
        if (quiet)
            fprintf(stderr, "%s\n", msg.data);
        else
            slc_platform_message(title, msg.data);
    }
    slc_buf_release(&msg);
    free(said);
    slc_catalog_free(ctx.cat);
    free(ctx.files);
    free(ctx.reports);
    free(ctx.names);
    free(ctx.outputs);
    free(args);
    free(dir);
    slc_buf_release(&html);
    slc_buf_release(&xlsx);
    return rc;
}

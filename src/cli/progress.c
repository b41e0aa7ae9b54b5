/* progress.c - "1,234/10,000 files, 2,100 files/s, 4 s left" on stderr
 * while a long batch runs, redrawn at most ten times a second; only when
 * stderr is a terminal and --quiet is not given, so logs and pipes never
 * see it. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void cli_progress_start(cli_ctx *ctx, cli_progress *p, size_t total)
{
    p->on = total > 1 && !ctx->opt[OPT_QUIET] && slc_platform_is_terminal(2);
    p->total = total;
    p->start = p->last = now();
    p->drawn = 0;
    p->ja = ctx->lang == SLC_LANG_JA;
}

void cli_progress_step(cli_progress *p, size_t done)
{
    if (!p->on)
        return;
    double t = now();
    /* nothing for a batch that is over in a blink */
    if (t - p->last < 0.1 || (t - p->start < 0.5 && done < p->total))
        return;
    p->last = t;
    double rate = done / (t - p->start);
    double left = rate > 0 ? (p->total - done) / rate : 0;
    fprintf(stderr,
            p->ja ? "\r\033[K%zu/%zu ファイル、%.0f ファイル/秒、残り %.0f 秒"
                  : "\r\033[K%zu/%zu files, %.0f files/s, %.0f s left",
            done, p->total, rate, left);
    fflush(stderr);
    p->drawn = 1;
}

void cli_progress_end(cli_progress *p)
{
    if (p->on && p->drawn) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
}

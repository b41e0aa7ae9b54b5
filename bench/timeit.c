/* timeit.c - runs a command several times and prints its wall times and
 * peak memory, one line of key=value pairs:
 *   timeit [-n RUNS] [-w WARMUPS] [-o OUT] [-e ERR] -- COMMAND [ARG]... [:: COMMAND [ARG]...]...
 * prints  runs=R min=S median=S mean=S max=S maxrss_kb=K status=X
 * Several commands separated by "::" are run in turns (A B A B ...), so a
 * figure and its floor see the same machine; one line is printed for each.
 * Times are seconds of wall-clock time from fork to the child's exit (one
 * fork + exec included, as a shell would pay). maxrss_kb is the largest
 * ru_maxrss of the timed runs. status is the exit status of the runs, or
 * "mixed" or "signal:N". Standard output and error of COMMAND go to OUT and
 * ERR (default /dev/null). Warm-up runs (default 1) are not counted.
 * Built by bench/run.sh. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Runs argv once; returns wall seconds, sets *rss_kb and *status. */
static double run(char **argv, const char *out, const char *err, long *rss_kb, int *status)
{
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0) {
        perror("timeit: fork");
        exit(2);
    }
    if (pid == 0) {
        int fo = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int fe = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fo < 0 || fe < 0 || dup2(fo, 1) < 0 || dup2(fe, 2) < 0)
            _exit(126);
        close(fo);
        close(fe);
        execvp(argv[0], argv);
        _exit(127);
    }
    struct rusage ru;
    int ws;
    while (wait4(pid, &ws, 0, &ru) < 0)
        if (errno != EINTR) {
            perror("timeit: wait4");
            exit(2);
        }
    double t = now() - t0;
    *rss_kb = ru.ru_maxrss;
    *status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 1000 + WTERMSIG(ws);
    return t;
}

int main(int argc, char **argv)
{
    int runs = 5, warm = 1, i;
    const char *out = "/dev/null", *err = "/dev/null";
    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--")) {
            i++;
            break;
        }
        if (i + 1 >= argc)
            break;
        if (!strcmp(argv[i], "-n"))
            runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-w"))
            warm = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-o"))
            out = argv[++i];
        else if (!strcmp(argv[i], "-e"))
            err = argv[++i];
        else
            break;
    }
    if (i >= argc || runs < 1 || warm < 0) {
        fputs("usage: timeit [-n RUNS] [-w WARMUPS] [-o OUT] [-e ERR] -- COMMAND [ARG]...\n",
              stderr);
        return 2;
    }
    /* split the remaining arguments at "::" into commands */
    enum { MAXCMD = 8 };
    struct {
        char **argv;
        double *t, sum;
        long maxrss;
        int first, mixed;
    } c[MAXCMD];
    int ncmd = 0;
    for (int k = i; k <= argc; k++) {
        if (k == argc || !strcmp(argv[k], "::")) {
            if (k == i || ncmd == MAXCMD) {
                fputs("timeit: empty command, or more than 8\n", stderr);
                return 2;
            }
            memset(&c[ncmd], 0, sizeof(c[ncmd]));
            c[ncmd].argv = argv + i;
            c[ncmd].first = -1;
            if (!(c[ncmd].t = calloc((size_t)runs, sizeof(double))))
                return 2;
            ncmd++;
            argv[k] = NULL;   /* argv[argc] is NULL already */
            i = k + 1;
        }
    }
    long rss;
    int st;
    for (int k = 0; k < warm; k++)
        for (int j = 0; j < ncmd; j++)
            run(c[j].argv, out, err, &rss, &st);
    for (int k = 0; k < runs; k++) {
        for (int j = 0; j < ncmd; j++) {
            c[j].t[k] = run(c[j].argv, out, err, &rss, &st);
            c[j].sum += c[j].t[k];
            if (rss > c[j].maxrss)
                c[j].maxrss = rss;
            if (c[j].first < 0)
                c[j].first = st;
            else if (st != c[j].first)
                c[j].mixed = 1;
        }
    }
    for (int j = 0; j < ncmd; j++) {
        double *t = c[j].t;
        qsort(t, (size_t)runs, sizeof(double), cmp);
        double median = runs % 2 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
        printf("runs=%d min=%.6f median=%.6f mean=%.6f max=%.6f maxrss_kb=%ld status=", runs,
               t[0], median, c[j].sum / runs, t[runs - 1], c[j].maxrss);
        if (c[j].mixed)
            printf("mixed\n");
        else if (c[j].first >= 1000)
            printf("signal:%d\n", c[j].first - 1000);
        else
            printf("%d\n", c[j].first);
        free(t);
    }
    return 0;
}

/* platform.h - what differs between POSIX systems and Windows, in one
 * place: the rest of slacheck calls these and never asks which system it
 * runs on (no #ifdef _WIN32 outside platform.c). Paths are UTF-8 on every
 * system; on Windows they are converted to UTF-16 for the system's calls. */
#ifndef SLC_PLATFORM_H
#define SLC_PLATFORM_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

/* printf-style format checking. MinGW-w64 builds with
 * __USE_MINGW_ANSI_STDIO (C99 %zu, %lld ...), whose checker is gnu_printf. */
#if defined(__MINGW32__)
#define SLC_PRINTF(fmt, first) __attribute__((format(gnu_printf, fmt, first)))
#else
#define SLC_PRINTF(fmt, first) __attribute__((format(printf, fmt, first)))
#endif

/* Sets up the process for slacheck's use of it, first thing in main: on
 * Windows the arguments become UTF-8 (from the wide command line),
 * standard input and output binary (no CRLF), the console UTF-8 with
 * terminal colours; elsewhere nothing. *argv may be replaced by an array
 * that lives until the process ends. */
void slc_platform_init(int *argc, char ***argv);

/* Calls on_signal on an interrupt or termination (SIGINT, SIGTERM, and
 * SIGHUP where it exists), unless whoever started us ignores it. */
void slc_platform_catch_signals(void (*on_signal)(int));

/* The user interface's language where the environment names none (LANG
 * and the like unset): 1 if Japanese. Windows asks the system's UI
 * language; elsewhere 0 (English). */
int slc_platform_ui_japanese(void);

/* Processors online, at least 1. */
unsigned slc_platform_cpus(void);

/* Columns of the terminal standard output is, or 0 if it is none. */
size_t slc_platform_terminal_width(void);

/* 1 if standard output (fd 1) or error (fd 2) is a terminal. */
int slc_platform_is_terminal(int fd);

/* The directory for temporary files, without a trailing separator, into
 * buf (n bytes): $TMPDIR, else the system's (/tmp; Windows' GetTempPath). */
void slc_platform_temp_dir(char *buf, size_t n);

/* The device that swallows writes: "/dev/null" or "NUL". */
const char *slc_platform_null_device(void);

/* Permissions of a temporary file that will replace a file: those of the
 * file it replaces (old_path, mode and group), or those a plain fopen
 * would give when old_path is NULL. Windows has none to set. */
void slc_platform_copy_mode(int fd, const char *old_path);

/* Flushes fp's file to the disk (fsync, FlushFileBuffers): 0 or an errno.
 * A file that cannot be synced (a pipe) is not an error. */
int slc_platform_sync(FILE *fp);

/* Puts the file from in place of to, replacing it if it exists, in one
 * step where the system allows: 0, or -1 with errno set. */
int slc_platform_replace(const char *from, const char *to);

/* 1 if both paths name the same existing file (device and inode; on
 * Windows volume serial number and file index). */
int slc_platform_same_file(const char *a, const char *b);

/* The absolute, resolved form of a directory's path (malloc'd), or NULL. */
char *slc_platform_real_path(const char *path);

/* 1 if c separates a path's parts ('/', and '\\' on Windows). */
int slc_platform_is_separator(char c);

/* t as a calendar time in UTC, into *tm: 1, or 0 if it has none. */
int slc_platform_utc_time(time_t t, struct tm *tm);

/* memmem: the first place needle occurs in hay, or NULL. */
void *slc_memmem(const void *hay, size_t n, const void *needle, size_t k);

/* For files dropped onto the program (Windows): 1 if this system opens a
 * program with dropped files as its arguments. */
int slc_platform_takes_dropped_files(void);
/* Opens a file (a report) in the application the user's system gives it
 * (the default browser for HTML): 0, or -1. */
int slc_platform_open_file(const char *path);
/* Shows a message to someone who did not start us from a terminal (a
 * message box on Windows); on standard error as well. */
void slc_platform_message(const char *title, const char *text);

/* ---- child processes: work that may crash, on untrusted bytes ----
 * A child runs fn(arg, fd), writes what it found to fd and exits with fn's
 * return. On POSIX systems it is a fork of this process with limits on CPU
 * time, address space (where no sanitizer reserves it) and core files. On
 * Windows it is this program started again, hidden arguments SLC_CHILD_ARG
 * NAME ARG (main hands them to slc_child_main), with its standard output a
 * pipe, in a job object limiting its CPU time and committed memory. */
typedef int (*slc_child_fn)(const char *arg, int fd);
typedef struct slc_child_entry {
    const char *name; /* the hidden sub-command's name: a-z only */
    slc_child_fn fn;
} slc_child_entry;
typedef struct slc_child slc_child;
#define SLC_CHILD_ARG "--slc-child"

/* How a child ended (slc_child_finish). */
typedef enum slc_child_end {
    SLC_CHILD_EXITED,  /* it returned: *code is fn's return */
    SLC_CHILD_CRASHED, /* a signal or an exception: what says which */
    SLC_CHILD_STOPPED  /* at its CPU or memory limit, or killed by us */
} slc_child_end;

/* Starts entry->fn(arg, fd) in a child allowed cpu_s seconds of CPU time
 * and memory bytes more than it starts with: the child (freed by
 * slc_child_finish), or NULL with errno set. */
slc_child *slc_child_start(const slc_child_entry *entry, const char *arg, unsigned cpu_s,
                           size_t memory);
/* Reads at most n bytes of the child's output into buf, waiting at most
 * silent_s seconds for some: the bytes read, 0 at the output's end, -1 on
 * an error (errno set), -2 when the child stayed silent. */
long slc_child_read(slc_child *c, void *buf, size_t n, unsigned silent_s);
/* Kills the child first if kill; waits for it, says how it ended (*code:
 * its exit status; what: "signal 11", "exception 0xC0000005" ...) and
 * frees c. */
slc_child_end slc_child_finish(slc_child *c, int kill, int *code, char *what, size_t n);
/* In main, after slc_platform_init: if the arguments are SLC_CHILD_ARG NAME
 * ARG for an entry of the NULL-ended list, runs it on standard output and
 * returns 1 with *rc its exit status; otherwise returns 0. */
int slc_child_main(int argc, char **argv, const slc_child_entry *const *entries, int *rc);

#endif

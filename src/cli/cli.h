/* cli.h - the command line: one table of subcommands and one table of
 * options, from which the parser works and --help is written. */
#ifndef SLC_CLI_H
#define SLC_CLI_H

#include <stdio.h>

#include "catalog.h"
#include "doc.h"
#include "load.h"
#include "status.h"
#include "util.h"

/* Exit codes: the contract with scripts (documented in the man page). */
enum {
    EXIT_CLEAN = 0,      /* no finding at or above --fail-on */
    EXIT_FINDINGS = 1,   /* findings at or above --fail-on */
    EXIT_USAGE = 2,      /* bad command line */
    EXIT_INPUT = 3,      /* an input could not be read or decoded */
    EXIT_DEFINITION = 4, /* invalid checklist definition */
    EXIT_INTERNAL = 5    /* output could not be written, or a bug */
};

/* What a command was doing when a call failed: the same status means a
 * different exit code when reading a vendor's file, a definition (checklist,
 * profile) or writing output. */
typedef enum cli_stage {
    CLI_STAGE_INPUT,      /* any failure: EXIT_INPUT */
    CLI_STAGE_DEFINITION, /* SLC_ERR_IO: EXIT_INPUT; any other: EXIT_DEFINITION */
    CLI_STAGE_OUTPUT      /* any failure: EXIT_INTERNAL */
} cli_stage;

/* The one mapping of a status to an exit code (helpers.c): EXIT_CLEAN for
 * SLC_OK, else by the stage. */
int cli_exit_code(slc_status status, cli_stage stage);

enum {
    CMD_VALIDATE = 1u << 0,
    CMD_ITEMS = 1u << 1,
    CMD_CONVERT = 1u << 2,
    CMD_DIFF = 1u << 3,
    CMD_EXPORT = 1u << 4,
    CMD_TEMPLATE = 1u << 5,
    CMD_HELP = 1u << 6,
    CMD_ANY = 0xffu
};

typedef enum cli_opt_id {
    OPT_HELP,
    OPT_VERSION,
    OPT_LANG,
    OPT_CHECKLIST,
    OPT_FORMAT,
    OPT_OUTPUT,
    OPT_FAIL_ON,
    OPT_ENCODING,
    OPT_DELIMITER,
    OPT_NAME,
    OPT_PROFILE,
    OPT_REPORT,
    OPT_ALL,
    OPT_ITEMS,
    OPT_CATEGORY,
    OPT_CHANGES,
    OPT_EXIT_ZERO,
    OPT_FROM,
    OPT_TEMPLATES,
    OPT_QUIET,
    OPT_COLOR,
    OPT_JOBS,
    OPT_MAX_BYTES,
    OPT_MAX_ROWS,
    OPT_MAX_CELLS,
    OPT_MAX_CELL_BYTES,
    OPT_N
} cli_opt_id;

typedef struct cli_option {
    cli_opt_id id;
    const char *name;  /* long name without "--" */
    char short_name;   /* 0 if none */
    const char *arg;   /* argument name, NULL for a flag */
    unsigned commands; /* CMD_* where it applies */
    const char *help_en, *help_ja;
} cli_option;

struct cli_ctx;
typedef struct cli_command {
    const char *name;
    unsigned bit;
    const char *args;         /* synopsis of positional arguments */
    int min_files, max_files; /* -1: no maximum */
    int (*run)(struct cli_ctx *ctx);
    /* the i-th format --format takes, from the library's tables
     * (formats.c); NULL past the last; NULL for a command without formats */
    const char *(*format)(size_t i);
    const char *summary_en, *summary_ja;
} cli_command;

typedef struct cli_ctx {
    slc_lang lang;
    const cli_command *cmd;
    const char *opt[OPT_N]; /* value, or "" for a flag given; NULL if absent */
    const char **files;
    size_t nfiles;
    const char **reports; /* every --report FMT=FILE, in order */
    size_t nreports;
    const char **names; /* every --name, in order */
    size_t nnames;
    const char **outputs; /* every -o, in order (opt[OPT_OUTPUT] is the last) */
    size_t noutputs;
    unsigned jobs; /* --jobs or the processors online (cli_load_options) */
    slc_catalog *cat;
} cli_ctx;

extern const cli_option cli_options[];
extern const size_t cli_noptions;
extern const cli_command cli_commands[];
extern const size_t cli_ncommands;

/* Parses argv after the program name. Returns EXIT_CLEAN to go on, or an
 * exit code (after printing help, version or a usage error). */
int cli_parse(cli_ctx *ctx, int argc, char **argv);
/* --help of the program, or of cmd (only its options and formats). */
void cli_help(const cli_ctx *ctx, const cli_command *cmd, FILE *fp);
/* By name, or NULL. */
const cli_command *cli_command_find(const char *name);
/* The closest of the candidates (NULL-terminated) to a mistyped word, or
 * NULL if none is close (options.c; edit distance, git's "did you mean"). */
const char *cli_closest(const char *word, size_t n, const char *const *candidates);

/* ---- formats.c: each command's formats, from the library's tables ---- */
const char *cli_validate_format(size_t i);
const char *cli_export_format(size_t i);
const char *cli_convert_format(size_t i);
const char *cli_template_format(size_t i);
const char *cli_diff_format(size_t i);
const char *cli_items_format(size_t i); /* cmd_items.c */
/* the i-th of diff's own formats (text, json: cmd_diff.c), not a report's */
const char *cli_diff_own_format(size_t i);
/* 1 if c writes the format id */
int cli_format_allowed(const cli_command *c, const char *id);
/* c's formats joined by sep (the last by last, if not NULL) */
void cli_format_join(const cli_command *c, const char *sep, const char *last, slc_buf *out);
/* "validate formats are text, json ... and md: FORMAT"; EXIT_USAGE */
int cli_bad_format(const cli_ctx *ctx, const cli_command *c, const char *format);
/* "cannot tell the output format from the file name; use --format a|b"; EXIT_USAGE */
int cli_unknown_format(const cli_ctx *ctx, const char *path);

/* ---- colour and binary output (helpers.c) ---- */
/* 1 to colour output going to path (NULL or "-": standard output):
 * --color always/never; else NO_COLOR (non-empty) off, FORCE_COLOR
 * (non-empty, not "0") on; else on only for a terminal. */
int cli_colour(const cli_ctx *ctx, const char *path);
/* EXIT_USAGE (told, with a hint to use -o) if binary output would go to a
 * terminal; EXIT_CLEAN otherwise. */
int cli_refuse_binary_tty(const cli_ctx *ctx, const char *path);

/* Prints "slacheck: path:line: error: ..." for a failed call. */
void cli_print_error(const cli_ctx *ctx, const slc_error *err);
/* The same for an error loading --profile: a bad definition is named a
 * profile, not a checklist. */
void cli_print_profile_error(const cli_ctx *ctx, const slc_error *err);
/* Prints a usage error and returns EXIT_USAGE. */
int cli_usage_error(const cli_ctx *ctx, const char *en, const char *ja, const char *what);
/* The same with "did you mean 'hint'?" when hint is not NULL (one of our
 * own names: printed as it is). */
int cli_usage_hint(const cli_ctx *ctx, const char *en, const char *ja, const char *what,
                   const char *hint);
/* Loads the catalog (--checklist or built-in); EXIT_DEFINITION on failure. */
int cli_load_catalog(cli_ctx *ctx);
/* Load options from the command line (encoding, limits ...). */
int cli_load_options(cli_ctx *ctx, slc_load_options *o);
/* EXIT_USAGE (after a message) if path names one of the input files. */
int cli_check_output(cli_ctx *ctx, const char *path);
/* Writes buf to -o/--output (or stdout) atomically; returns an exit code. */
int cli_write_output(cli_ctx *ctx, const char *path, const slc_buf *buf);
/* The same for writers that create their file from a path (XLSX): fn fills
 * a temporary file that is renamed into place or copied to a pipe. */
typedef slc_status (*cli_path_writer)(const void *data, const char *path, slc_error *err);
int cli_write_path(cli_ctx *ctx, const char *path, cli_path_writer fn, const void *data);

/* Files dropped onto the program (dropped.c): 1 if the platform starts
 * programs with dropped files and argv (after the program's name) holds
 * only existing files, no command. */
int cli_dropped_files(int argc, char **argv);
/* Writes their comparison report, HTML and XLSX, beside the first file and
 * opens the HTML, or shows what went wrong; an exit code. */
int cli_dropped_run(slc_lang lang, int argc, char **argv);

int cmd_validate(cli_ctx *ctx);
int cmd_items(cli_ctx *ctx);
int cmd_convert(cli_ctx *ctx);
int cmd_diff(cli_ctx *ctx);
int cmd_export(cli_ctx *ctx);
int cmd_template(cli_ctx *ctx);
int cmd_help(cli_ctx *ctx);

/* tsv, csv, json, md or xlsx from the path's extension; NULL if none. */
const char *cli_authoring_format(const char *path);
/* Writes doc (NULL: blank) in an authoring format to path; with all_items
 * every item of the checklist; encoding (tsv/csv) re-encodes, NULL UTF-8. */
int cli_write_authoring(cli_ctx *ctx, const char *format, slc_doc *doc, int all_items,
                        const char *encoding, const char *path);

/* Progress of a long batch on a terminal's stderr (progress.c). */
typedef struct cli_progress {
    int on, drawn, ja;
    size_t total;
    double start, last;
} cli_progress;
void cli_progress_start(cli_ctx *ctx, cli_progress *p, size_t total);
void cli_progress_step(cli_progress *p, size_t done);
void cli_progress_end(cli_progress *p);

struct slc_profile;
struct slc_export;
struct slc_export_format;
/* Loads every file (--name per file), with progress on a terminal; with
 * validate (or a profile) each is validated (and judged). *docs has
 * nfiles entries, NULL where a file could not be read (told on stderr):
 * then EXIT_INPUT. Free with cli_free_docs. */
int cli_load_docs(cli_ctx *ctx, const slc_load_options *lo, int validate,
                  const struct slc_profile *profile, slc_doc ***docs);
void cli_free_docs(cli_ctx *ctx, slc_doc **docs);
/* Tells on stderr each item doc gives twice (the duplicate-item finding)
 * and which answer is used: convert, diff and export go on with the first. */
void cli_warn_duplicates(cli_ctx *ctx, const slc_doc *doc);
/* Warns of each answer an XLSX report x has cut at Excel's cell limit. */
void cli_warn_cut(cli_ctx *ctx, const struct slc_export *x);
/* Reads the load options, loads the catalog and, if profile is not NULL,
 * --profile (*profile NULL when not given); an exit code. */
int cli_prepare(cli_ctx *ctx, slc_load_options *lo, struct slc_profile **profile);
/* Loads --profile if given (*profile NULL otherwise); an exit code. */
int cli_load_profile(cli_ctx *ctx, struct slc_profile **profile);
/* The report format: --format, else the path's extension; NULL if neither. */
const struct slc_export_format *cli_report_format(cli_ctx *ctx, const char *path);
/* Writes the report to path atomically (pipes and devices in place). */
int cli_write_report(cli_ctx *ctx, const struct slc_export *x, const struct slc_export_format *fmt,
                     const char *path);

#endif

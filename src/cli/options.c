/* options.c - the tables of subcommands and options, the parser that
 * reads them, and --help written from them (so they cannot drift). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "version.h"
#include "term_text.h"
#include "cli.h"

const cli_command cli_commands[] = {
    {"validate", CMD_VALIDATE, "FILE...", 1, -1, cmd_validate, cli_validate_format,
     "check vendors' answers against the checklist definition",
     "ベンダーの回答をチェックリスト定義に照らして検証する"},
    {"convert", CMD_CONVERT, "FILE -o OUT", 1, 1, cmd_convert, cli_convert_format,
     "write one checklist in another format (canonical table, JSON, Markdown, workbook)",
     "チェックリストを別の形式（正規化した表、JSON、Markdown、ワークブック）で書き出す"},
    {"template", CMD_TEMPLATE, "", 0, 0, cmd_template, cli_template_format,
     "write a checklist for a vendor to fill in, blank or from last year's",
     "ベンダーが記入するチェックリストを書き出す（空欄、または前年の回答入り）"},
    {"diff", CMD_DIFF, "FILE FILE [FILE...]", 2, -1, cmd_diff, cli_diff_format,
     "compare vendors side by side, or two versions of one vendor's answers",
     "ベンダーを並べて比較する。同じベンダーの 2 つの版なら変更点を示す"},
    {"export", CMD_EXPORT, "FILE... -o OUT", 1, -1, cmd_export, cli_export_format,
     "write a report for decision makers: one vendor, or several compared",
     "意思決定者向けのレポートを書き出す（1 社、または複数社の比較）"},
    {"items", CMD_ITEMS, "", 0, 0, cmd_items, cli_items_format,
     "print the checklist definition in use", "使用中のチェックリスト定義を表示する"},
    {"help", CMD_HELP, "[COMMAND]", 0, 1, cmd_help, NULL,
     "show the help of the program or of one command",
     "プログラム全体、または 1 つのコマンドのヘルプを表示する"},
};
const size_t cli_ncommands = sizeof(cli_commands) / sizeof(cli_commands[0]);

const cli_option cli_options[] = {
    {OPT_CHECKLIST, "checklist", 0, "FILE", CMD_ANY,
     "checklist definition (XML) instead of the built-in METI checklist",
     "組み込みの経産省チェックリストの代わりに使う定義ファイル（XML）"},
    {OPT_FORMAT, "format", 'f', "FORMAT",
     CMD_VALIDATE | CMD_ITEMS | CMD_CONVERT | CMD_DIFF | CMD_EXPORT | CMD_TEMPLATE,
     "output format, one of the command's formats listed below (default: from -o's extension)",
     "出力形式。コマンドごとの形式は下記（既定: -o の拡張子から）"},
    {OPT_OUTPUT, "output", 'o', "FILE",
     CMD_VALIDATE | CMD_ITEMS | CMD_CONVERT | CMD_DIFF | CMD_EXPORT | CMD_TEMPLATE,
     "write to FILE (atomically) instead of standard output; - is standard output; export: may be repeated, one report per -o",
     "標準出力の代わりに FILE に書く（一時ファイル経由）。- は標準出力。export では複数指定でき、-o ごとにレポートを書く"},
    {OPT_FAIL_ON, "fail-on", 0, "SEVERITY", CMD_VALIDATE,
     "exit 1 when a finding is at least SEVERITY: error (default), warning or info",
     "重大度が SEVERITY 以上の指摘があれば終了コード 1: error（既定）、warning、info"},
    {OPT_ENCODING, "encoding", 'e', "NAME",
     CMD_VALIDATE | CMD_CONVERT | CMD_DIFF | CMD_EXPORT | CMD_TEMPLATE,
     "read input in this encoding (utf-8, cp932, euc-jp, utf-16le ...) instead of detecting it; template: write TSV/CSV in it",
     "文字コードを自動判定せずこの文字コードで読む（utf-8、cp932、euc-jp、utf-16le など）。template では TSV/CSV をこの文字コードで書く"},
    {OPT_DELIMITER, "delimiter", 'd', "CHAR",
     CMD_VALIDATE | CMD_CONVERT | CMD_DIFF | CMD_EXPORT | CMD_TEMPLATE,
     "cell delimiter: tab, comma or semicolon (default: detected)",
     "区切り文字: tab、comma、semicolon（既定: 自動判定）"},
    {OPT_PROFILE, "profile", 'p', "FILE", CMD_VALIDATE | CMD_EXPORT | CMD_DIFF,
     "judge the answers against a buyer's requirements (XML, see schemas/profile.rng)",
     "購入者の要件（XML、schemas/profile.rng を参照）に照らして回答を判定する"},
    {OPT_REPORT, "report", 'r', "FMT=FILE", CMD_VALIDATE,
     "also write a report in FMT (a validate format) to FILE; may be repeated",
     "FMT 形式（validate の形式）のレポートを FILE にも書く。複数指定可"},
    {OPT_ALL, "all", 'a', NULL, CMD_DIFF, "show every item, not only those that differ",
     "相違のある項目だけでなく全項目を表示する"},
    {OPT_ITEMS, "items", 0, "LIST", CMD_DIFF, "only these item numbers, e.g. 1-9,28-38",
     "この番号の項目だけ（例: 1-9,28-38）"},
    {OPT_CATEGORY, "category", 0, "NAME", CMD_DIFF,
     "only items of this category (種別 in Japanese or English, or its id)",
     "この種別の項目だけ（日本語名・英語名・id）"},
    {OPT_CHANGES, "changes", 0, NULL, CMD_DIFF,
     "treat two files as versions of one vendor: word-level changes, weakened commitments",
     "2 つのファイルを同じベンダーの版として扱う（単語単位の変更、後退した約束）"},
    {OPT_EXIT_ZERO, "exit-zero", 0, NULL, CMD_DIFF, "exit 0 even when the checklists differ",
     "相違があっても終了コード 0 にする"},
    {OPT_QUIET, "quiet", 'q', NULL, CMD_VALIDATE | CMD_DIFF | CMD_EXPORT,
     "no progress display on a terminal during long runs", "長い処理中に端末へ進捗を表示しない"},
    {OPT_COLOR, "color", 0, "auto|always|never", CMD_VALIDATE | CMD_DIFF,
     "colour severities and verdicts: auto (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always or never",
     "重大度と判定を色分けする: auto（既定: 端末なら。NO_COLOR があれば無効、FORCE_COLOR で強制）、always、never"},
    {OPT_JOBS, "jobs", 'j', "N", CMD_VALIDATE | CMD_DIFF | CMD_EXPORT,
     "read files on N threads at once (default: one per processor); output and order are the same for any N",
     "N 個のスレッドで同時にファイルを読む（既定: プロセッサ数）。出力と順序は N によらず同じ"},
    {OPT_FROM, "from", 0, "FILE", CMD_TEMPLATE,
     "fill the template with the answers in FILE (any input format)",
     "FILE の回答（どの入力形式でも可）をテンプレートに記入しておく"},
    {OPT_TEMPLATES, "templates", 0, "DIR", CMD_DIFF | CMD_EXPORT | CMD_TEMPLATE,
     "take the reports' look and wording from the files in DIR that replace templates/ files (report.css, report.ja.txt ...; see docs/templates.md)",
     "レポートの見た目と文言を DIR のファイルで置き換える（report.css、report.ja.txt など。docs/templates.md を参照）"},
    {OPT_NAME, "name", 0, "NAME", CMD_VALIDATE | CMD_CONVERT | CMD_DIFF | CMD_EXPORT | CMD_TEMPLATE,
     "vendor name to use instead of the one stated in the file",
     "ファイル中の記載の代わりに使うベンダー名"},
    {OPT_MAX_BYTES, "max-bytes", 0, "N",
     CMD_VALIDATE | CMD_CONVERT | CMD_DIFF | CMD_EXPORT | CMD_TEMPLATE,
     "refuse inputs larger than N bytes (default 67108864)",
     "N バイトを超える入力を拒否する（既定 67108864）"},
    {OPT_MAX_ROWS, "max-rows", 0, "N",
     CMD_VALIDATE | CMD_CONVERT | CMD_DIFF | CMD_EXPORT | CMD_TEMPLATE,
     "refuse inputs with more than N rows (default 100000)",
     "N 行を超える入力を拒否する（既定 100000）"},
    {OPT_MAX_CELLS, "max-cells", 0, "N",
     CMD_VALIDATE | CMD_CONVERT | CMD_DIFF | CMD_EXPORT | CMD_TEMPLATE,
     "refuse rows with more than N cells (default 1000)",
     "N セルを超える行を拒否する（既定 1000）"},
    {OPT_MAX_CELL_BYTES, "max-cell-bytes", 0, "N",
     CMD_VALIDATE | CMD_CONVERT | CMD_DIFF | CMD_EXPORT | CMD_TEMPLATE,
     "refuse cells larger than N bytes (default 1048576)",
     "N バイトを超えるセルを拒否する（既定 1048576）"},
    {OPT_LANG, "lang", 0, "ja|en", CMD_ANY,
     "language of messages (default: from LC_ALL, LC_MESSAGES, LANG)",
     "メッセージの言語（既定: LC_ALL、LC_MESSAGES、LANG から）"},
    {OPT_HELP, "help", 'h', NULL, CMD_ANY, "show this help", "このヘルプを表示する"},
    {OPT_VERSION, "version", 'V', NULL, CMD_ANY, "show the version", "バージョンを表示する"},
};
const size_t cli_noptions = sizeof(cli_options) / sizeof(cli_options[0]);

static const char *L(const cli_ctx *ctx, const char *en, const char *ja)
{
    return ctx->lang == SLC_LANG_JA ? ja : en;
}

static void option_line(const cli_ctx *ctx, const cli_option *o, FILE *fp)
{
    char left[64];
    if (o->short_name)
        snprintf(left, sizeof(left), "-%c, --%s%s%s", o->short_name, o->name, o->arg ? " " : "",
                 o->arg ? o->arg : "");
    else
        snprintf(left, sizeof(left), "    --%s%s%s", o->name, o->arg ? " " : "",
                 o->arg ? o->arg : "");
    /* two spaces at least, so a long left side stays apart from its help */
    fprintf(fp, "  %-28s%s%s\n", left, strlen(left) >= 28 ? "  " : " ",
            L(ctx, o->help_en, o->help_ja));
}

/* "  validate   text, json, ..." (with name) or "text, json, ..." */
static void format_line(const cli_command *c, int with_name, FILE *fp)
{
    slc_buf list;
    slc_buf_init(&list);
    cli_format_join(c, ", ", NULL, &list);
    if (with_name)
        fprintf(fp, "  %-10s %s\n", c->name, list.data ? list.data : "");
    else
        fprintf(fp, "%s\n", list.data ? list.data : "");
    slc_buf_release(&list);
}

void cli_help(const cli_ctx *ctx, const cli_command *c, FILE *fp)
{
    if (c) {
        fprintf(fp, "%s: slacheck %s [OPTION]...%s%s\n%s\n\n%s\n", L(ctx, "Usage", "使い方"),
                c->name, c->args[0] ? " " : "", c->args, L(ctx, c->summary_en, c->summary_ja),
                L(ctx, "Options:", "オプション:"));
        for (size_t i = 0; i < cli_noptions; i++)
            if (cli_options[i].commands & c->bit)
                option_line(ctx, &cli_options[i], fp);
        if (c->format) {
            fprintf(fp, "\n%s ", L(ctx, "Formats (--format):", "形式（--format）:"));
            format_line(c, 0, fp);
        }
        return;
    }
    fprintf(fp, "%s: slacheck COMMAND [OPTION]... [FILE]...\n%s\n\n%s\n", L(ctx, "Usage", "使い方"),
            L(ctx, "Check cloud vendors' answers to the METI cloud service level checklist.",
              "経済産業省「クラウドサービスレベルのチェックリスト」へのベンダー回答を検証します。"),
            L(ctx, "Commands:", "コマンド:"));
    for (size_t i = 0; i < cli_ncommands; i++)
        fprintf(fp, "  %-10s %s\n", cli_commands[i].name,
                L(ctx, cli_commands[i].summary_en, cli_commands[i].summary_ja));
    fprintf(fp, "\n%s\n", L(ctx, "Options:", "オプション:"));
    for (size_t i = 0; i < cli_noptions; i++)
        option_line(ctx, &cli_options[i], fp);
    fprintf(fp, "\n%s\n", L(ctx, "Formats (--format):", "形式（--format）:"));
    for (size_t i = 0; i < cli_ncommands; i++)
        if (cli_commands[i].format)
            format_line(&cli_commands[i], 1, fp);
    fprintf(
        fp, "\n%s\n",
        L(ctx,
          "'slacheck help COMMAND' or 'slacheck COMMAND --help' shows one command's options.\n"
          "Exit status: 0 clean, 1 findings, 2 usage error, 3 unreadable input,\n"
          "4 invalid checklist definition, 5 output or internal error.\n"
          "See slacheck(1) for details.",
          "'slacheck help COMMAND' または 'slacheck COMMAND --help' でコマンドごとのオプションを表示します。\n"
          "終了コード: 0 問題なし、1 指摘あり、2 使い方の誤り、3 入力を読めない、\n"
          "4 チェックリスト定義が不正、5 出力または内部のエラー。\n"
          "詳しくは slacheck(1) を参照。"));
}

int cli_usage_hint(const cli_ctx *ctx, const char *en, const char *ja, const char *what,
                   const char *hint)
{
    slc_buf shown; /* "what" may be a file name: shown, never obeyed */
    slc_buf_init(&shown);
    slc_term_text_adds(&shown, what, 0);
    fprintf(stderr, "slacheck: %s%s%s\n", L(ctx, en, ja), what ? ": " : "",
            shown.data ? shown.data : "");
    slc_buf_release(&shown);
    if (hint)
        fprintf(stderr,
                ctx->lang == SLC_LANG_JA ? "slacheck: もしかして '%s' ですか？\n"
                                         : "slacheck: did you mean '%s'?\n",
                hint);
    /* once the command is known, its own help is the one to read */
    const char *cmd = ctx->cmd ? ctx->cmd->name : "";
    fprintf(stderr,
            ctx->lang == SLC_LANG_JA ? "'slacheck %s%s--help' を参照してください。\n"
                                     : "Try 'slacheck %s%s--help'.\n",
            cmd, *cmd ? " " : "");
    return EXIT_USAGE;
}

int cli_usage_error(const cli_ctx *ctx, const char *en, const char *ja, const char *what)
{
    return cli_usage_hint(ctx, en, ja, what, NULL);
}

/* Optimal string alignment distance (Levenshtein plus swapped neighbours,
 * "fromat"): bounded words, so a small table on the stack. */
static size_t edit_distance(const char *a, size_t n, const char *b)
{
    enum { MAX = 40 };
    size_t m = strlen(b);
    if (n >= MAX || m >= MAX)
        return (size_t)-1;
    size_t d[MAX + 1][MAX + 1];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t best = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[n][m];
}

const char *cli_closest(const char *word, size_t n, const char *const *candidates)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; candidates[i]; i++) {
        size_t len = strlen(candidates[i]);
        /* close: one edit in a short name, up to a third of a longer one */
        size_t limit = len / 3 > 1 ? (len / 3 < 3 ? len / 3 : 3) : 1;
        size_t d = edit_distance(word, n, candidates[i]);
        if (d <= limit && d < n && d < best_d)
            best = candidates[i], best_d = d;
    }
    return best;
}

const cli_command *cli_command_find(const char *name)
{
    for (size_t k = 0; k < cli_ncommands; k++)
        if (!strcmp(cli_commands[k].name, name))
            return &cli_commands[k];
    return NULL;
}

static int unknown_command(const cli_ctx *ctx, const char *name)
{
    const char *names[sizeof(cli_commands) / sizeof(cli_commands[0]) + 1];
    for (size_t k = 0; k < cli_ncommands; k++)
        names[k] = cli_commands[k].name;
    names[cli_ncommands] = NULL;
    return cli_usage_hint(ctx, "unknown command", "不明なコマンドです", name,
                          cli_closest(name, strlen(name), names));
}

/* "unknown option: --fromat", with the closest long option ("--format") */
static int unknown_long(const cli_ctx *ctx, const char *arg, size_t n)
{
    const char *names[sizeof(cli_options) / sizeof(cli_options[0]) + 1];
    char hint[64];
    for (size_t i = 0; i < cli_noptions; i++)
        names[i] = cli_options[i].name;
    names[cli_noptions] = NULL;
    const char *near = cli_closest(arg + 2, n, names);
    if (near)
        snprintf(hint, sizeof(hint), "--%s", near);
    return cli_usage_hint(ctx, "unknown option", "不明なオプションです", arg, near ? hint : NULL);
}

static const cli_option *find_long(const char *name, size_t n)
{
    for (size_t i = 0; i < cli_noptions; i++)
        if (strlen(cli_options[i].name) == n && !strncmp(cli_options[i].name, name, n))
            return &cli_options[i];
    return NULL;
}

static const cli_option *find_short(char c)
{
    for (size_t i = 0; c && i < cli_noptions; i++)
        if (cli_options[i].short_name == c)
            return &cli_options[i];
    return NULL;
}

/* Keeps one option's value (NULL for a flag); an exit code. */
static int record(cli_ctx *ctx, const cli_option *o, const char *value)
{
    if (o->id == OPT_LANG) {
        if (!strcmp(value, "ja"))
            ctx->lang = SLC_LANG_JA;
        else if (!strcmp(value, "en"))
            ctx->lang = SLC_LANG_EN;
        else
            return cli_usage_error(ctx, "--lang must be ja or en", "--lang は ja か en です",
                                   value);
    }
    if (o->id == OPT_COLOR && strcmp(value, "auto") && strcmp(value, "always") &&
        strcmp(value, "never"))
        return cli_usage_error(ctx, "--color must be auto, always or never",
                               "--color は auto、always、never のいずれかです", value);
    ctx->opt[o->id] = value ? value : "";
    if (o->id == OPT_NAME) {
        ctx->names = slc_xrealloc(ctx->names, (ctx->nnames + 1) * sizeof(char *));
        ctx->names[ctx->nnames++] = value;
    }
    if (o->id == OPT_OUTPUT) {
        ctx->outputs = slc_xrealloc(ctx->outputs, (ctx->noutputs + 1) * sizeof(char *));
        ctx->outputs[ctx->noutputs++] = value;
    }
    if (o->id == OPT_REPORT) {
        ctx->reports = slc_xrealloc(ctx->reports, (ctx->nreports + 1) * sizeof(char *));
        ctx->reports[ctx->nreports++] = value;
    }
    return EXIT_CLEAN;
}

/* -q, -j2, -j 2 and bundles of them (-qj2, -qj 2): flags first, then at
 * most one option taking a value, which is the rest or the next argument */
static int parse_short(cli_ctx *ctx, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    for (const char *p = a + 1; *p; p++) {
        const cli_option *o = find_short(*p);
        if (!o) {
            char what[3] = {'-', *p, '\0'};
            return cli_usage_error(ctx, "unknown option", "不明なオプションです", what);
        }
        if (!o->arg) {
            int rc = record(ctx, o, NULL);
            if (rc != EXIT_CLEAN)
                return rc;
            continue;
        }
        const char *value = p + 1;
        if (!*value) {
            if (*i + 1 >= argc) {
                char what[3] = {'-', *p, '\0'};
                return cli_usage_error(ctx, "option needs a value", "オプションに値が必要です",
                                       what);
            }
            value = argv[++*i];
        }
        return record(ctx, o, value);
    }
    return EXIT_CLEAN;
}

int cli_parse(cli_ctx *ctx, int argc, char **argv)
{
    int only_files = 0, rc;
    ctx->files = slc_xcalloc((size_t)argc + 1, sizeof(char *));
    ctx->nfiles = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            if (!ctx->cmd) {
                if (!(ctx->cmd = cli_command_find(a)))
                    return unknown_command(ctx, a);
                continue;
            }
            ctx->files[ctx->nfiles++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            only_files = 1;
            continue;
        }
        if (a[1] != '-') {
            if ((rc = parse_short(ctx, argc, argv, &i)) != EXIT_CLEAN)
                return rc;
            continue;
        }
        const char *eq = strchr(a + 2, '=');
        size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
        const cli_option *o = find_long(a + 2, n);
        const char *value = eq ? eq + 1 : NULL;
        if (!o)
            return unknown_long(ctx, a, n);
        if (o->arg && !value) {
            if (i + 1 >= argc)
                return cli_usage_error(ctx, "option needs a value", "オプションに値が必要です", a);
            value = argv[++i];
        } else if (!o->arg && value) {
            return cli_usage_error(ctx, "option takes no value", "オプションは値を取りません", a);
        }
        if ((rc = record(ctx, o, value)) != EXIT_CLEAN)
            return rc;
    }
    if (ctx->opt[OPT_VERSION]) {
        printf("slacheck %s\n", SLC_VERSION);
        return -1;
    }
    if (ctx->opt[OPT_HELP] || !ctx->cmd) {
        cli_help(ctx, ctx->cmd, ctx->cmd || ctx->opt[OPT_HELP] ? stdout : stderr);
        return ctx->opt[OPT_HELP] ? -1 : EXIT_USAGE;
    }
    for (size_t i = 0; i < cli_noptions; i++) {
        const cli_option *o = &cli_options[i];
        if (ctx->opt[o->id] && !(o->commands & ctx->cmd->bit)) {
            char what[80];
            snprintf(what, sizeof(what), "--%s (%s)", o->name, ctx->cmd->name);
            return cli_usage_error(ctx, "option does not apply to this command",
                                   "このコマンドでは使えないオプションです", what);
        }
    }
    if ((int)ctx->nfiles < ctx->cmd->min_files)
        return cli_usage_error(ctx, "missing input file", "入力ファイルがありません",
                               ctx->cmd->name);
    if (ctx->cmd->max_files >= 0 && (int)ctx->nfiles > ctx->cmd->max_files)
        return cli_usage_error(ctx, "too many input files", "入力ファイルが多すぎます",
                               ctx->files[ctx->nfiles - 1]);
    return EXIT_CLEAN;
}

int cmd_help(cli_ctx *ctx)
{
    const cli_command *c = NULL;
    if (ctx->nfiles && !(c = cli_command_find(ctx->files[0])))
        return unknown_command(ctx, ctx->files[0]);
    cli_help(ctx, c, stdout);
    return EXIT_CLEAN;
}

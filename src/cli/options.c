/* options.c - the tables of subcommands and options, the parser that
 * reads them, and --help written from them (so they cannot drift). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "version.h"
#include "term_text.h"
#include "cli.h"

const cli_command cli_commands[] = {
    {"validate", CMD_VALIDATE, "FILE...", 1, -1, cmd_validate,
     "check vendors' answers against the checklist definition",
     "ベンダーの回答をチェックリスト定義に照らして検証する"},
    {"convert", CMD_CONVERT, "FILE -o OUT.{tsv,csv,json,md,xlsx}", 1, 1, cmd_convert,
     "write one checklist in another format (canonical TSV/CSV, JSON, Markdown, XLSX)",
     "チェックリストを別の形式（正規化した TSV/CSV、JSON、Markdown、XLSX）で書き出す"},
    {"template", CMD_TEMPLATE, "", 0, 0, cmd_template,
     "write a checklist for a vendor to fill in (tsv, csv, md, xlsx), blank or from last year's",
     "ベンダーが記入するチェックリスト（tsv、csv、md、xlsx）を書き出す（空欄、または前年の回答入り）"},
    {"diff", CMD_DIFF, "FILE FILE [FILE...]", 2, -1, cmd_diff,
     "compare vendors side by side, or two versions of one vendor's answers",
     "ベンダーを並べて比較する。同じベンダーの 2 つの版なら変更点を示す"},
    {"export", CMD_EXPORT, "FILE... -o OUT.{xlsx,html,md,json,tsv,csv}", 1, -1, cmd_export,
     "write a report for decision makers: one vendor, or several compared",
     "意思決定者向けのレポートを書き出す（1 社、または複数社の比較）"},
    {"items", CMD_ITEMS, "", 0, 0, cmd_items, "print the checklist definition in use",
     "使用中のチェックリスト定義を表示する"},
};
const size_t cli_ncommands = sizeof(cli_commands) / sizeof(cli_commands[0]);

const cli_option cli_options[] = {
    {OPT_CHECKLIST, "checklist", 0, "FILE", CMD_ANY,
     "checklist definition (XML) instead of the built-in METI checklist",
     "組み込みの経産省チェックリストの代わりに使う定義ファイル（XML）"},
    {OPT_FORMAT, "format", 'f', "FORMAT",
     CMD_VALIDATE | CMD_ITEMS | CMD_CONVERT | CMD_DIFF | CMD_EXPORT | CMD_TEMPLATE,
     "output format: validate text|json|github|sarif|junit|md; diff text|json|md|html|xlsx; export xlsx|html|md|json|tsv|csv (default: from -o's extension); items text|json|tsv; convert tsv|csv|json|md|xlsx; template tsv|csv|md|xlsx",
     "出力形式: validate は text|json|github|sarif|junit|md、diff は text|json|md|html|xlsx、export は xlsx|html|md|json|tsv|csv（既定: -o の拡張子）、items は text|json|tsv、convert は tsv|csv|json|md|xlsx、template は tsv|csv|md|xlsx"},
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
     "also write a report in FMT (text, json, github, sarif, junit, md) to FILE; may be repeated",
     "FMT 形式（text、json、github、sarif、junit、md）のレポートを FILE にも書く。複数指定可"},
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
    fprintf(fp, "  %-28s %s\n", left, L(ctx, o->help_en, o->help_ja));
}

void cli_help(const cli_ctx *ctx, FILE *fp)
{
    if (ctx->cmd) {
        const cli_command *c = ctx->cmd;
        fprintf(fp, "%s: slacheck %s [OPTION]... %s\n%s\n\n%s\n", L(ctx, "Usage", "使い方"),
                c->name, c->args, L(ctx, c->summary_en, c->summary_ja),
                L(ctx, "Options:", "オプション:"));
        for (size_t i = 0; i < cli_noptions; i++)
            if (cli_options[i].commands & c->bit)
                option_line(ctx, &cli_options[i], fp);
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
    fprintf(fp, "\n%s\n",
            L(ctx,
              "Exit status: 0 clean, 1 findings, 2 usage error, 3 unreadable input,\n"
              "4 invalid checklist definition, 5 output or internal error.\n"
              "See slacheck(1) for details.",
              "終了コード: 0 問題なし、1 指摘あり、2 使い方の誤り、3 入力を読めない、\n"
              "4 チェックリスト定義が不正、5 出力または内部のエラー。\n"
              "詳しくは slacheck(1) を参照。"));
}

int cli_usage_error(const cli_ctx *ctx, const char *en, const char *ja, const char *what)
{
    slc_buf shown; /* "what" may be a file name: shown, never obeyed */
    slc_buf_init(&shown);
    slc_term_text_adds(&shown, what, 0);
    fprintf(stderr, "slacheck: %s%s%s\n", L(ctx, en, ja), what ? ": " : "",
            shown.data ? shown.data : "");
    slc_buf_release(&shown);
    fprintf(stderr, "%s\n",
            L(ctx, "Try 'slacheck --help'.", "'slacheck --help' を参照してください。"));
    return EXIT_USAGE;
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
    for (size_t i = 0; i < cli_noptions; i++)
        if (cli_options[i].short_name == c)
            return &cli_options[i];
    return NULL;
}

int cli_parse(cli_ctx *ctx, int argc, char **argv)
{
    int only_files = 0;
    ctx->files = slc_xcalloc((size_t)argc + 1, sizeof(char *));
    ctx->nfiles = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const cli_option *o = NULL;
        const char *value = NULL;
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            if (!ctx->cmd) {
                for (size_t k = 0; k < cli_ncommands; k++)
                    if (!strcmp(cli_commands[k].name, a))
                        ctx->cmd = &cli_commands[k];
                if (!ctx->cmd)
                    return cli_usage_error(ctx, "unknown command", "不明なコマンドです", a);
                continue;
            }
            ctx->files[ctx->nfiles++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            only_files = 1;
            continue;
        }
        if (a[1] == '-') {
            const char *eq = strchr(a + 2, '=');
            size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
            o = find_long(a + 2, n);
            if (eq)
                value = eq + 1;
        } else {
            o = find_short(a[1]);
            if (o && a[2])
                value = a + 2;
            else if (!o || a[2])
                o = NULL;
        }
        if (!o)
            return cli_usage_error(ctx, "unknown option", "不明なオプションです", a);
        if (o->arg && !value) {
            if (i + 1 >= argc)
                return cli_usage_error(ctx, "option needs a value", "オプションに値が必要です", a);
            value = argv[++i];
        } else if (!o->arg && value) {
            return cli_usage_error(ctx, "option takes no value", "オプションは値を取りません", a);
        }
        if (o->id == OPT_LANG) {
            if (!strcmp(value, "ja"))
                ctx->lang = SLC_LANG_JA;
            else if (!strcmp(value, "en"))
                ctx->lang = SLC_LANG_EN;
            else
                return cli_usage_error(ctx, "--lang must be ja or en", "--lang は ja か en です",
                                       value);
        }
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
    }
    if (ctx->opt[OPT_VERSION]) {
        printf("slacheck %s\n", SLC_VERSION);
        return -1;
    }
    if (ctx->opt[OPT_HELP] || !ctx->cmd) {
        cli_help(ctx, ctx->cmd || ctx->opt[OPT_HELP] ? stdout : stderr);
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

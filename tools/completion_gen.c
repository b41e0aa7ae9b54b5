/* completion_gen.c - writes the shell completions of slacheck (bash, zsh,
 * fish) from the command line's own tables: the commands and options of
 * src/cli/options.c and each command's formats (src/cli/formats.c, read
 * from the library's format tables). Run by the Makefile at build time:
 *
 *     completion-gen bash|zsh|fish >FILE
 *
 * Nothing here is written by hand per option: a row added to the option
 * table is completed in every shell at the next build. */
#include <stdio.h>
#include <string.h>

#include "rules.h"
#include "cli.h"

/* What an option's value completes to. */
typedef enum value_kind {
    VALUE_NONE,  /* a flag */
    VALUE_FREE,  /* a value nothing can guess (a number, a name) */
    VALUE_FILE,  /* a path */
    VALUE_WORDS, /* one of the words value_words gives */
} value_kind;

static value_kind value_of(const cli_option *o)
{
    if (!o->arg)
        return VALUE_NONE;
    if (o->id == OPT_FORMAT || o->id == OPT_REPORT || o->id == OPT_FAIL_ON || strchr(o->arg, '|'))
        return VALUE_WORDS;
    if (strstr(o->arg, "FILE"))
        return VALUE_FILE;
    return VALUE_FREE;
}

/* The words an option's value may be, space-separated, for command c (NULL:
 * any command): --format the command's formats, --report "FMT=" for each
 * validate format, --fail-on the severities, "a|b|c" arguments their words. */
static void value_words(const cli_option *o, const cli_command *c, FILE *fp)
{
    const char *sep = "";
    if (o->id == OPT_FORMAT) {
        for (size_t i = 0; c && c->format && c->format(i); i++, sep = " ")
            fprintf(fp, "%s%s", sep, c->format(i));
    } else if (o->id == OPT_REPORT) {
        for (size_t i = 0; cli_validate_format(i); i++, sep = " ")
            fprintf(fp, "%s%s=", sep, cli_validate_format(i));
    } else if (o->id == OPT_FAIL_ON) {
        for (int s = SLC_SEV_ERROR; s >= SLC_SEV_INFO; s--, sep = " ")
            fprintf(fp, "%s%s", sep, slc_severity_id((slc_severity)s));
    } else {
        for (const char *p = o->arg; *p; p++)
            fputc(*p == '|' ? ' ' : *p, fp);
    }
}

/* the text between single quotes for the shell: ' as '\'' (bash, zsh) or \' (fish) */
static void quoted(const char *s, int fish, FILE *fp)
{
    fputc('\'', fp);
    for (; *s; s++) {
        if (*s == '\'')
            fputs(fish ? "\\'" : "'\\''", fp);
        else if (fish && *s == '\\')
            fputs("\\\\", fp);
        else
            fputc(*s, fp);
    }
    fputc('\'', fp);
}

static void header(FILE *fp, const char *shell)
{
    fprintf(fp,
            "# %s completion for slacheck - generated at build time by\n"
            "# tools/completion_gen.c from the option table (src/cli/options.c) and\n"
            "# the format tables; do not edit.\n",
            shell);
}

/* "-f|--format" for a case pattern */
static void bash_pattern(const cli_option *o, FILE *fp)
{
    if (o->short_name)
        fprintf(fp, "-%c|", o->short_name);
    fprintf(fp, "--%s", o->name);
}

static void bash(FILE *fp)
{
    header(fp, "bash");
    fputs("_slacheck()\n{\n"
          "    local cur prev cmd i\n"
          "    cur=${COMP_WORDS[COMP_CWORD]}\n"
          "    prev=\n"
          "    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
          "    # --format=json: bash splits at '=' (COMP_WORDBREAKS)\n"
          "    if [[ $prev == = ]] && ((COMP_CWORD > 1)); then\n"
          "        prev=${COMP_WORDS[COMP_CWORD - 2]}\n"
          "    elif [[ $cur == = ]]; then\n"
          "        prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
          "        cur=\n"
          "    fi\n"
          "    cmd=\n"
          "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
          "        case ${COMP_WORDS[i]} in\n",
          fp);
    /* an option's value is not the command: skip it */
    fputs("        ", fp);
    int first = 1;
    for (size_t i = 0; i < cli_noptions; i++)
        if (cli_options[i].arg) {
            if (!first)
                fputc('|', fp);
            bash_pattern(&cli_options[i], fp);
            first = 0;
        }
    /* a bundle that ends in an option taking a value (-qj 2) */
    fputs("|-[!-]*[", fp);
    for (size_t i = 0; i < cli_noptions; i++)
        if (cli_options[i].arg && cli_options[i].short_name)
            fputc(cli_options[i].short_name, fp);
    fputs("]", fp);
    fputs(")\n            [[ ${COMP_WORDS[i + 1]} == = ]] && ((i++))\n"
          "            ((i++)) ;;\n        -*) ;;\n        *)\n"
          "            cmd=${COMP_WORDS[i]}\n            break ;;\n        esac\n    done\n",
          fp);

    fputs("    case $prev in\n", fp);
    for (size_t i = 0; i < cli_noptions; i++) {
        const cli_option *o = &cli_options[i];
        value_kind k = value_of(o);
        if (k == VALUE_NONE)
            continue;
        fputs("    ", fp);
        bash_pattern(o, fp);
        fputs(")\n", fp);
        if (k == VALUE_FILE || k == VALUE_FREE) {
            /* files: readline's own completion (complete -o default) */
            fputs("        COMPREPLY=()\n        return ;;\n", fp);
        } else if (o->id == OPT_FORMAT) {
            fputs("        case $cmd in\n", fp);
            for (size_t c = 0; c < cli_ncommands; c++) {
                if (!cli_commands[c].format)
                    continue;
                fprintf(fp, "        %s) COMPREPLY=($(compgen -W \"", cli_commands[c].name);
                value_words(o, &cli_commands[c], fp);
                fputs("\" -- \"$cur\")) ;;\n", fp);
            }
            fputs("        *) COMPREPLY=() ;;\n        esac\n        return ;;\n", fp);
        } else {
            if (o->id == OPT_REPORT)
                fputs("        compopt -o nospace 2>/dev/null\n", fp);
            fputs("        COMPREPLY=($(compgen -W \"", fp);
            value_words(o, NULL, fp);
            fputs("\" -- \"$cur\"))\n        return ;;\n", fp);
        }
    }
    fputs("    esac\n", fp);

    fputs("    if [[ $cur == -* ]]; then\n        case $cmd in\n", fp);
    for (size_t c = 0; c <= cli_ncommands; c++) {
        const cli_command *cmd = c < cli_ncommands ? &cli_commands[c] : NULL;
        fprintf(fp, "        %s) COMPREPLY=($(compgen -W \"", cmd ? cmd->name : "*");
        const char *sep = "";
        for (size_t i = 0; i < cli_noptions; i++, sep = " ")
            if (!cmd || (cli_options[i].commands & cmd->bit))
                fprintf(fp, "%s--%s", sep, cli_options[i].name);
        fputs("\" -- \"$cur\")) ;;\n", fp);
    }
    fputs("        esac\n        return\n    fi\n", fp);

    fputs("    if [[ -z $cmd || $cmd == help ]]; then\n"
          "        COMPREPLY=($(compgen -W \"",
          fp);
    for (size_t c = 0; c < cli_ncommands; c++)
        fprintf(fp, "%s%s", c ? " " : "", cli_commands[c].name);
    fputs("\" -- \"$cur\"))\n"
          "        return\n    fi\n"
          "    COMPREPLY=() # input files: readline's own completion\n"
          "}\n"
          "complete -o default -F _slacheck slacheck\n",
          fp);
}

/* one _arguments spec per spelling of an option */
static void zsh_spec(const cli_option *o, const cli_command *c, char spelling, FILE *fp)
{
    char head[64];
    /* -o, --name, --report may be given more than once */
    const char *rep = o->id == OPT_OUTPUT || o->id == OPT_NAME || o->id == OPT_REPORT ? "*" : "";
    value_kind k = value_of(o);
    if (spelling)
        snprintf(head, sizeof(head), "%s-%c%s", rep, spelling, k == VALUE_NONE ? "" : "+");
    else
        snprintf(head, sizeof(head), "%s--%s%s", rep, o->name, k == VALUE_NONE ? "" : "=");
    fprintf(fp, "        '%s[", head);
    for (const char *p = o->help_en; *p; p++) {
        if (*p == '\'')
            fputs("'\\''", fp);
        else if (*p == '[' || *p == ']' || *p == ':' || *p == '\\')
            fprintf(fp, "\\%c", *p);
        else
            fputc(*p, fp);
    }
    fputc(']', fp);
    if (k != VALUE_NONE) {
        fprintf(fp, ":%s:", o->arg);
        if (k == VALUE_FILE)
            fputs("_files", fp);
        else if (k == VALUE_WORDS) {
            fputc('(', fp);
            value_words(o, c, fp);
            fputc(')', fp);
        } else
            fputs(" ", fp);
    }
    fputs("' \\\n", fp);
}

static void zsh(FILE *fp)
{
    fputs("#compdef slacheck\n", fp);
    header(fp, "zsh");
    fputs("_slacheck() {\n"
          "    local curcontext=$curcontext state line\n"
          "    local -a commands\n"
          "    commands=(\n",
          fp);
    for (size_t c = 0; c < cli_ncommands; c++) {
        fputs("        ", fp);
        char entry[256];
        snprintf(entry, sizeof(entry), "%s:%s", cli_commands[c].name, cli_commands[c].summary_en);
        quoted(entry, 0, fp);
        fputc('\n', fp);
    }
    fputs("    )\n"
          "    _arguments -C '1: :->command' '*:: :->args' && return\n"
          "    case $state in\n"
          "    command)\n"
          "        _describe -t commands 'slacheck command' commands ;;\n"
          "    args)\n"
          "        case $line[1] in\n",
          fp);
    for (size_t c = 0; c < cli_ncommands; c++) {
        const cli_command *cmd = &cli_commands[c];
        fprintf(fp, "        %s)\n        _arguments -s \\\n", cmd->name);
        for (size_t i = 0; i < cli_noptions; i++) {
            const cli_option *o = &cli_options[i];
            if (!(o->commands & cmd->bit))
                continue;
            if (o->short_name)
                zsh_spec(o, cmd, o->short_name, fp);
            zsh_spec(o, cmd, 0, fp);
        }
        if (cmd->bit == CMD_HELP)
            fputs("        '1:command:->command'\n"
                  "        [[ $state == command ]] && _describe -t commands 'slacheck command' "
                  "commands ;;\n",
                  fp);
        else if (cmd->max_files != 0)
            fputs("        '*:file:_files' ;;\n", fp);
        else
            fputs("        ;;\n", fp);
    }
    fputs("        esac ;;\n    esac\n}\n\n_slacheck \"$@\"\n", fp);
}

static void fish(FILE *fp)
{
    header(fp, "fish");
    fputs("complete -c slacheck -f\n", fp);
    for (size_t c = 0; c < cli_ncommands; c++) {
        fprintf(fp, "complete -c slacheck -n __fish_use_subcommand -a %s -d ",
                cli_commands[c].name);
        quoted(cli_commands[c].summary_en, 1, fp);
        fputc('\n', fp);
    }
    fputs("complete -c slacheck -n '__fish_seen_subcommand_from help' -a '", fp);
    for (size_t c = 0; c < cli_ncommands; c++)
        fprintf(fp, "%s%s", c ? " " : "", cli_commands[c].name);
    fputs("'\n", fp);
    for (size_t i = 0; i < cli_noptions; i++) {
        const cli_option *o = &cli_options[i];
        value_kind k = value_of(o);
        /* --format: one line per command, with that command's formats */
        for (size_t c = 0; c < cli_ncommands; c++) {
            const cli_command *cmd = &cli_commands[c];
            int per_command = o->id == OPT_FORMAT;
            if (per_command ? !(o->commands & cmd->bit) || !cmd->format : c > 0)
                continue;
            fputs("complete -c slacheck -n '__fish_seen_subcommand_from", fp);
            for (size_t d = 0; d < cli_ncommands; d++)
                if (per_command ? d == c : (o->commands & cli_commands[d].bit) != 0)
                    fprintf(fp, " %s", cli_commands[d].name);
            fputc('\'', fp);
            if (o->short_name)
                fprintf(fp, " -s %c", o->short_name);
            fprintf(fp, " -l %s", o->name);
            if (k == VALUE_FILE)
                fputs(" -r -F", fp);
            else if (k == VALUE_FREE)
                fputs(" -x", fp);
            else if (k == VALUE_WORDS) {
                fputs(" -x -a '", fp);
                value_words(o, cmd, fp);
                fputc('\'', fp);
            }
            fputs(" -d ", fp);
            quoted(o->help_en, 1, fp);
            fputc('\n', fp);
        }
    }
    /* input files after a command that reads them */
    fputs("complete -c slacheck -n '__fish_seen_subcommand_from", fp);
    for (size_t c = 0; c < cli_ncommands; c++)
        if (cli_commands[c].max_files != 0 && cli_commands[c].bit != CMD_HELP)
            fprintf(fp, " %s", cli_commands[c].name);
    fputs("' -F\n", fp);
}

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "bash"))
        bash(stdout);
    else if (argc == 2 && !strcmp(argv[1], "zsh"))
        zsh(stdout);
    else if (argc == 2 && !strcmp(argv[1], "fish"))
        fish(stdout);
    else {
        fprintf(stderr, "usage: completion-gen bash|zsh|fish >FILE\n");
        return 2;
    }
    return fflush(stdout) || ferror(stdout) ? 1 : 0;
}

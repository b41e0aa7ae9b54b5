#!/bin/sh
# t-help-man.sh - the option table (as --help prints it), the Japanese
# --help and the man page agree:
#   - every option in --help has an entry in the man page's OPTIONS section
#     (written \-\-name, with the same short form), and every entry there is
#     in --help;
#   - each entry's "Applies to:" line names exactly the commands whose
#     `slacheck COMMAND --help` lists the option;
#   - every command in --help has a .SS section under COMMANDS and a line in
#     SYNOPSIS, and the man page has no other command;
#   - `--lang ja --help` lists the same commands and options;
#   - the exit codes of src/cli/cli.h and the rule ids and severities of
#     src/checking/rules.c are in the man page (EXIT STATUS, RULES) and in docs/rules.md;
#   - groff renders the page without warnings (when groff is installed).
# Environment: SLACHECK (command to run slacheck), ROOT (repository root).
set -u
ROOT=${ROOT:-$(pwd)}
SLACHECK=${SLACHECK:-$ROOT/build/slacheck}
MAN=$ROOT/man/slacheck.1
RULES_MD=$ROOT/docs/rules.md
W=$(mktemp -d) || exit 2
trap 'rm -rf "$W"' EXIT
fail=0

bad() {
    echo "FAIL: $*"
    fail=1
}

# SLACHECK may be "valgrind ... /path/slacheck": split it on purpose.
slc() {
    $SLACHECK "$@"
}

[ -f "$MAN" ] || { echo "FAIL: no $MAN"; exit 1; }

# "name short" per option line of a --help text ("-f, --format FORMAT ...")
help_options() {
    sed -n 's/^  \(-\([A-Za-z]\), \)\{0,1\} *--\([a-z][a-z0-9-]*\).*/\3 \2/p' | sed 's/ *$//' | sort
}

# command names listed after the "Commands:" (コマンド:) heading
help_commands() {
    awk 'found && /^$/ { exit } found { print $1 } /^(Commands|コマンド):$/ { found = 1 }' | sort
}

# the lines of one man section (.SH NAME up to the next .SH)
man_section() {
    awk -v want=".SH $1" '/^\.SH / { on = ($0 == want); next } on' "$MAN"
}

# the roff spelling of an option name: fail-on -> \-\-fail\-on
roff_long() {
    printf '\\-\\-%s' "$(printf '%s' "$1" | sed 's/-/\\-/g')"
}

# ---- options: --help against the man page -------------------------------

slc --help >"$W/help" 2>"$W/help.err" || bad "slacheck --help exited $?: $(cat "$W/help.err")"
help_options <"$W/help" >"$W/help.opts"
[ -s "$W/help.opts" ] || bad "no options found in --help"

man_section OPTIONS >"$W/man.options"
[ -s "$W/man.options" ] || bad "man page has no OPTIONS section"
# entries: tag line after .TP, with \- as -; then "name short"
awk 'prev == ".TP" { print } { prev = $0 }' "$W/man.options" | sed 's/\\-/-/g' >"$W/man.tags"
while IFS= read -r tag; do
    long=$(printf '%s\n' "$tag" | sed -n 's/.*--\([a-z][a-z0-9-]*\).*/\1/p')
    short=$(printf '%s\n' "$tag" | sed -n 's/^\.[BIR]* -\([A-Za-z]\)[ ,"].*/\1/p')
    if [ -z "$long" ]; then
        bad "man OPTIONS entry without a long option: $tag"
        continue
    fi
    printf '%s %s\n' "$long" "$short" | sed 's/ *$//'
done <"$W/man.tags" | sort >"$W/man.opts"

if ! cmp -s "$W/help.opts" "$W/man.opts"; then
    bad "options differ between --help (<) and the man page OPTIONS section (>):"
    diff "$W/help.opts" "$W/man.opts" | grep '^[<>]'
fi
while read -r name short; do
    grep -qF -- "$(roff_long "$name")" "$MAN" || bad "man page never writes $(roff_long "$name")"
done <"$W/help.opts"

# ---- which command each option applies to --------------------------------

help_commands <"$W/help" >"$W/help.cmds"
[ -s "$W/help.cmds" ] || bad "no commands found in --help"

# "name<TAB>text of its Applies to: line"
awk 'prev == ".TP" { t = $0; gsub(/\\-/, "-", t); name = ""
                      if (match(t, /--[a-z][a-z0-9-]*/)) name = substr(t, RSTART + 2, RLENGTH - 2) }
     /^Applies to:/ && name != "" { sub(/^Applies to: */, ""); print name "\t" $0; name = "" }
     { prev = $0 }' "$W/man.options" >"$W/man.applies"
while read -r name short; do
    grep -q "^$name	" "$W/man.applies" || bad "man entry for --$name has no 'Applies to:' line"
done <"$W/help.opts"

while read -r cmd; do
    slc "$cmd" --help >"$W/help.$cmd" 2>&1 || bad "slacheck $cmd --help exited $?"
    help_options <"$W/help.$cmd" | sed 's/ .*//' >"$W/help.$cmd.opts"
    while read -r name short; do
        applies=$(grep "^$name	" "$W/man.applies" | cut -f2)
        in_man=0
        case " $applies " in
            *"all commands"*) in_man=1 ;;
            *[\ ,]"$cmd"[,.\ ]*) in_man=1 ;;
        esac
        in_help=0
        grep -qx -- "$name" "$W/help.$cmd.opts" && in_help=1
        if [ $in_man != $in_help ]; then
            if [ $in_help = 1 ]; then
                bad "--$name: 'slacheck $cmd --help' lists it, man 'Applies to: $applies' does not name $cmd"
            else
                bad "--$name: man 'Applies to: $applies' names $cmd, 'slacheck $cmd --help' does not list it"
            fi
        fi
    done <"$W/help.opts"
done <"$W/help.cmds"

# ---- commands --------------------------------------------------------------

man_section COMMANDS | sed -n 's/^\.SS \([a-z][a-z-]*\) *$/\1/p' | sort >"$W/man.cmds"
if ! cmp -s "$W/help.cmds" "$W/man.cmds"; then
    bad "commands differ between --help (<) and the man page COMMANDS .SS sections (>):"
    diff "$W/help.cmds" "$W/man.cmds" | grep '^[<>]'
fi
man_section SYNOPSIS >"$W/man.synopsis"
while read -r cmd; do
    grep -q "^\.B slacheck $cmd\$" "$W/man.synopsis" || bad "SYNOPSIS has no line for '$cmd'"
done <"$W/help.cmds"

# ---- Japanese help -----------------------------------------------------------

slc --lang ja --help >"$W/help.ja" 2>&1 || bad "slacheck --lang ja --help exited $?"
grep -q '使い方' "$W/help.ja" || bad "--lang ja --help is not in Japanese"
help_options <"$W/help.ja" >"$W/help.ja.opts"
if ! cmp -s "$W/help.opts" "$W/help.ja.opts"; then
    bad "options differ between --help (<) and --lang ja --help (>):"
    diff "$W/help.opts" "$W/help.ja.opts" | grep '^[<>]'
fi
help_commands <"$W/help.ja" >"$W/help.ja.cmds"
if ! cmp -s "$W/help.cmds" "$W/help.ja.cmds"; then
    bad "commands differ between --help (<) and --lang ja --help (>):"
    diff "$W/help.cmds" "$W/help.ja.cmds" | grep '^[<>]'
fi
while read -r cmd; do
    slc --lang ja "$cmd" --help 2>&1 | help_options | sed 's/ .*//' >"$W/help.ja.$cmd.opts"
    cmp -s "$W/help.$cmd.opts" "$W/help.ja.$cmd.opts" ||
        bad "options of '$cmd --help' differ in Japanese: $(diff "$W/help.$cmd.opts" "$W/help.ja.$cmd.opts" | grep '^[<>]' | tr '\n' ' ')"
done <"$W/help.cmds"

# ---- exit codes: src/cli/cli.h against EXIT STATUS -------------------------

sed -n 's/^ *EXIT_[A-Z_]* *= *\([0-9][0-9]*\).*/\1/p' "$ROOT/src/cli/cli.h" | sort -n >"$W/codes.h"
[ -s "$W/codes.h" ] || bad "no EXIT_ codes found in src/cli/cli.h"
man_section "EXIT STATUS" | awk 'prev == ".TP" { print } { prev = $0 }' |
    sed -n 's/^\.B \([0-9][0-9]*\)$/\1/p' | sort -n >"$W/codes.man"
if ! cmp -s "$W/codes.h" "$W/codes.man"; then
    bad "exit codes differ between src/cli/cli.h (<) and man EXIT STATUS (>):"
    diff "$W/codes.h" "$W/codes.man" | grep '^[<>]'
fi

# ---- rules: src/checking/rules.c against RULES and docs/rules.md ----------------------

# an entry's id and severity may be on the line after its "= " (clang-format)
tr '\n' ' ' <"$ROOT/src/checking/rules.c" | grep -o '= *{"[a-z-]*", SLC_SEV_[A-Z]*' |
    sed 's/.*"\([a-z-]*\)", SLC_SEV_\([A-Z]*\)/\1 \2/' | tr 'A-Z' 'a-z' | sort >"$W/rules.c"
[ -s "$W/rules.c" ] || bad "no rules found in src/checking/rules.c"
man_section RULES | awk 'prev == ".TP" { print } { prev = $0 }' | sed 's/\\-/-/g' |
    sed -n 's/^\.BR \([a-z-]*\) " (\([a-z]*\))"$/\1 \2/p' | sort >"$W/rules.man"
if ! cmp -s "$W/rules.c" "$W/rules.man"; then
    bad "rules differ between src/checking/rules.c (<) and man RULES (>):"
    diff "$W/rules.c" "$W/rules.man" | grep '^[<>]'
fi
if [ -f "$RULES_MD" ]; then
    sed -n 's/^| `\([a-z-]*\)` | \([a-z]*\)[ |].*/\1 \2/p' "$RULES_MD" |
        grep -E ' (error|warning|info)$' | sort >"$W/rules.md"
    if ! cmp -s "$W/rules.c" "$W/rules.md"; then
        bad "rules differ between src/checking/rules.c (<) and the table in docs/rules.md (>):"
        diff "$W/rules.c" "$W/rules.md" | grep '^[<>]'
    fi
else
    bad "no docs/rules.md"
fi

# ---- rendering ---------------------------------------------------------------

GROFF=${GROFF:-groff}
no_groff=
if command -v "$GROFF" >/dev/null 2>&1; then
    "$GROFF" -man -Tutf8 -ww "$MAN" 2>"$W/groff.err" >/dev/null || bad "groff failed"
    [ -s "$W/groff.err" ] && { bad "groff warnings:"; head -5 "$W/groff.err"; }
else
    no_groff=1
fi
[ $fail = 0 ] && [ -n "$no_groff" ] && { echo "SKIP: groff ($GROFF) is not installed: the man page's rendering is not checked"; exit 77; }

[ $fail = 0 ] && echo "help, man page and tables agree ($(wc -l <"$W/help.opts") options, $(wc -l <"$W/help.cmds") commands)"
exit $fail

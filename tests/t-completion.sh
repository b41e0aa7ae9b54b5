#!/bin/sh
# t-completion.sh - the shell completions generated from the option table
# at build time (tools/completion_gen.c, build/completion/):
#   - bash: the file loads, `complete -p slacheck` names its function, and
#     calling it with COMP_WORDS/COMP_CWORD completes a command, an option
#     (only the command's own), a format value (the command's formats, also
#     after --format=) and other values; for every command the options it
#     completes are exactly those `slacheck COMMAND --help` lists;
#   - zsh and fish: the files parse (zsh -n, fish -n) and fish completes a
#     command and a format (unchecked when the shell is not installed);
#   - make install puts the three files where the shells look, and make
#     uninstall removes them.
. "$ROOT/tests/lib.sh"

C=$ROOT/$BUILD/completion
case $BUILD in /*) C=$BUILD/completion ;; esac
for f in slacheck.bash _slacheck slacheck.fish; do
    [ -s "$C/$f" ] || { echo "FAIL: $C/$f not built (make)"; exit 1; }
done
have_tool bash || skip "bash is not installed"

# complete WORD... : the completions bash offers for the last word
complete_words() {
    bash -c '
source "$1" || exit 3
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
_slacheck slacheck "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf "%s\n" "${COMPREPLY[@]}" | sort' sh "$C/slacheck.bash" "$@"
}

# expect "WANTED (sorted, space-separated)" WORD...
expect() {
    want=$1
    shift
    got=$(complete_words "$@" | tr '\n' ' ' | sed 's/ *$//')
    [ "$got" = "$want" ] || fail "completing '$*': got '$got', expected '$want'"
}

bash -c 'source "$1" && complete -p slacheck' sh "$C/slacheck.bash" >"$TMP/spec" 2>&1 ||
    fail "bash cannot load $C/slacheck.bash: $(cat "$TMP/spec")"
grep -q -- "-F _slacheck slacheck" "$TMP/spec" || fail "complete -p slacheck: $(cat "$TMP/spec")"

# commands
expect "validate" slacheck val
expect "diff" slacheck di
expect "convert" slacheck --lang ja conv
expect "export" slacheck help ex
# options: only the command's own
expect "--fail-on" slacheck validate --fa
expect "" slacheck diff --fail
expect "--category --changes --checklist --color" slacheck diff --c
expect "--from" slacheck template --fr
# format values: the command's formats
expect "json junit" slacheck validate --format j
expect "github" slacheck validate -f gi
expect "html" slacheck diff --format h
expect "html json md text xlsx" slacheck diff a.tsv b.tsv --format ""
expect "csv md tsv xlsx" slacheck template --format ""
expect "json" slacheck convert x.tsv --format = j
expect "xlsx" slacheck export x.tsv -qj 2 -o out --format x
# other values
expect "always auto" slacheck validate --color a
expect "ja" slacheck --lang j
expect "warning" slacheck validate --fail-on w
expect "sarif=" slacheck validate --report sa
# files are left to readline (complete -o default): no words offered
expect "" slacheck validate --checklist ""
expect "" slacheck validate ""

# every command: completed options == the options its --help lists
for cmd in $($SLACHECK --help | awk 'on && /^$/ { exit } on { print $1 } /^Commands:$/ { on = 1 }'); do
    $SLACHECK "$cmd" --help | sed -n 's/^  \(-[A-Za-z], \)\{0,1\} *\(--[a-z][a-z0-9-]*\).*/\2/p' | sort >"$TMP/help.$cmd"
    complete_words slacheck "$cmd" -- | sort >"$TMP/comp.$cmd"
    [ -s "$TMP/help.$cmd" ] || fail "$cmd --help: no options read"
    cmp -s "$TMP/help.$cmd" "$TMP/comp.$cmd" ||
        fail "$cmd: options completed differ from '$cmd --help': $(diff "$TMP/help.$cmd" "$TMP/comp.$cmd" | grep '^[<>]' | tr '\n' ' ')"
done

# zsh and fish
if have_tool zsh; then
    zsh -n "$C/_slacheck" || fail "zsh -n $C/_slacheck"
else
    unchecked "zsh is not installed: the zsh completion's syntax is not checked"
fi
if have_tool fish; then
    fish -n "$C/slacheck.fish" || fail "fish -n $C/slacheck.fish"
    got=$(fish -c "source '$C/slacheck.fish'; complete -C 'slacheck vali'" 2>&1 | cut -f1)
    [ "$got" = validate ] || fail "fish: completing 'slacheck vali' gave '$got'"
    got=$(fish -c "source '$C/slacheck.fish'; complete -C 'slacheck items --format '" 2>&1 | cut -f1 | sort | tr '\n' ' ')
    [ "$got" = "json text tsv " ] || fail "fish: completing 'slacheck items --format ' gave '$got'"
else
    unchecked "fish is not installed: the fish completion is not checked"
fi

# make install / uninstall
make -s -C "$ROOT" install BUILD="$BUILD" DESTDIR="$TMP/root" PREFIX=/usr >"$TMP/log" 2>&1 || {
    cat "$TMP/log"
    fail "make install"
}
for f in share/bash-completion/completions/slacheck share/zsh/site-functions/_slacheck \
    share/fish/vendor_completions.d/slacheck.fish; do
    [ -f "$TMP/root/usr/$f" ] || fail "make install: no $f"
done
cmp -s "$TMP/root/usr/share/bash-completion/completions/slacheck" "$C/slacheck.bash" ||
    fail "make install: the bash completion is not the built one"
make -s -C "$ROOT" uninstall BUILD="$BUILD" DESTDIR="$TMP/root" PREFIX=/usr >/dev/null 2>&1
left=$(find "$TMP/root" -type f | grep -i complet)
[ -z "$left" ] || fail "make uninstall left: $left"

[ "$failures" = 0 ] && echo "completions: bash, zsh and fish from the option table${unchecked:+ (unchecked: $unchecked)}"
exit "$failures"

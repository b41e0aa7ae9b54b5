#!/bin/sh
# t-cli.sh - the command line people expect (git, curl, ripgrep):
#   - `slacheck help [COMMAND]` and `COMMAND --help`: only that command's
#     options and formats, in English or Japanese (--lang, LANG);
#   - "did you mean" for a mistyped command, long option or format (exit 2);
#   - bundled short options (-qj2, -qj 2);
#   - --color=auto|always|never with NO_COLOR and FORCE_COLOR, colour codes
#     only around our own words (vendor text stays inert);
#   - an XLSX workbook is never written to a terminal (exit 2, hint -o), but
#     is to a pipe.
# A pseudo-terminal comes from python's pty (tests/pty_run.py).
. "$ROOT/tests/lib.sh"

mkdir "$TMP/w" && cd "$TMP/w" || exit 2
cp "$EX/qlingo.tsv" "$EX/active-gate-ss.tsv" .
ESC=$(printf '\033')


# ---- help of one command ------------------------------------------------------
run $SLACHECK help validate
expect_rc 0 "help validate"
cp "$TMP/out" help-validate
out_has "Usage: slacheck validate" "help validate"
out_has "--fail-on" "help validate"
out_has "Formats (--format): text, json, github, sarif, junit, md" "help validate"
grep -q -e '--changes' -e '--from' -e 'Commands:' help-validate &&
    fail "help validate lists another command's options or the commands"
run $SLACHECK validate --help
expect_rc 0 "validate --help"
cmp -s "$TMP/out" help-validate || fail "'validate --help' and 'help validate' differ"
run $SLACHECK help diff
out_has "--changes" "help diff"
grep -q -e '--fail-on' -e '--from' "$TMP/out" && fail "help diff lists --fail-on or --from"
out_has "Formats (--format): text, json," "help diff"
run $SLACHECK help
expect_rc 0 "help"
cp "$TMP/out" help-all
$SLACHECK --help >help-opt 2>&1
cmp -s help-all help-opt || fail "'help' and '--help' differ"
out_has "Commands:" "help"
out_has "  items      text, json, tsv" "help: formats per command"
run $SLACHECK --lang ja help template
expect_rc 0 "--lang ja help template"
out_has "使い方: slacheck template" "help in Japanese"
out_has "形式（--format）: tsv, csv, md, xlsx" "help template formats in Japanese"
LANG=ja_JP.UTF-8 $SLACHECK items --help >help-ja 2>&1
grep -q "使い方: slacheck items" help-ja || fail "LANG=ja_JP.UTF-8 items --help is not in Japanese"
run $SLACHECK help frobnicate
expect_rc 2 "help of an unknown command"
err_has "unknown command: frobnicate" "help frobnicate"

# ---- did you mean ---------------------------------------------------------------
run $SLACHECK valdate qlingo.tsv
expect_rc 2 "mistyped command"
err_has "slacheck: unknown command: valdate" "mistyped command"
err_has "did you mean 'validate'?" "mistyped command"
err_has "Try 'slacheck --help'." "usage error before a command: the program's help"
run $SLACHECK help exprot
expect_rc 2 "help exprot"
err_has "did you mean 'export'?" "help exprot"
run $SLACHECK validate --fromat json qlingo.tsv
expect_rc 2 "mistyped option"
err_has "unknown option: --fromat" "mistyped option"
err_has "did you mean '--format'?" "mistyped option"
err_has "Try 'slacheck validate --help'." "usage error after the command: its own help"
run $SLACHECK validate --fail-no=info qlingo.tsv
err_has "did you mean '--fail-on'?" "mistyped option with ="
run $SLACHECK --lang ja diff --exit-zeor qlingo.tsv qlingo.tsv
expect_rc 2 "mistyped option (ja)"
err_has "もしかして '--exit-zero' ですか？" "mistyped option in Japanese"
run $SLACHECK validate --format jsno qlingo.tsv
expect_rc 2 "mistyped format"
err_has "validate formats are text, json, github, sarif, junit, md and codequality: jsno" "mistyped format"
err_has "did you mean 'json'?" "mistyped format"
run $SLACHECK diff -f htlm qlingo.tsv qlingo.tsv
err_has "did you mean 'html'?" "mistyped diff format"
run $SLACHECK zzzzzzzz
expect_rc 2 "a word like no command"
grep -q "did you mean" "$TMP/err" && fail "a suggestion for a word like no command: $(cat "$TMP/err")"
run $SLACHECK validate --xyzzy-plugh qlingo.tsv
grep -q "did you mean" "$TMP/err" && fail "a suggestion for an option like no option"

# ---- bundled short options ---------------------------------------------------------
$SLACHECK validate -q -j 2 qlingo.tsv active-gate-ss.tsv >plain.txt 2>&1
for b in "-qj2" "-qj 2" "-qj2 -f text"; do
    # shellcheck disable=SC2086 # b: words on purpose
    run $SLACHECK validate $b qlingo.tsv active-gate-ss.tsv
    expect_rc 0 "validate $b"
    cat "$TMP/err" >>"$TMP/out"
    cmp -s "$TMP/out" plain.txt || fail "validate $b differs from -q -j 2"
done
run $SLACHECK validate -qj0 qlingo.tsv
expect_rc 2 "-qj0: the value of -j is checked"
run $SLACHECK validate -qz qlingo.tsv
expect_rc 2 "-qz"
err_has "unknown option: -z" "-qz"
run $SLACHECK validate qlingo.tsv -qj
expect_rc 2 "-qj without a value"
err_has "option needs a value: -j" "-qj without a value"
run $SLACHECK diff -aqo both.txt qlingo.tsv active-gate-ss.tsv
expect_rc 1 "diff -aqo FILE"
$SLACHECK diff --all qlingo.tsv active-gate-ss.tsv >all.txt 2>/dev/null
cmp -s both.txt all.txt || fail "diff -aqo both.txt differs from diff --all"

# ---- colour ---------------------------------------------------------------------------
# every escape sequence must be one of ours: SGR codes around our words
only_ours() {
    python3 - "$1" <<'EOF' || fail "$2: an escape sequence that is not one of slacheck's colours"
import re, sys
data = open(sys.argv[1], "rb").read()
rest = re.sub(rb"\x1b\[(0|1|9|31|32|33|36|1;31)m", b"", data)
sys.exit(b"\x1b" in rest)
EOF
}
run $SLACHECK validate --fail-on error --color=always active-gate-ss.tsv
grep -q "${ESC}\\[33mwarning${ESC}\\[0m: \\[" "$TMP/out" || fail "--color=always: no yellow warning"
grep -q "${ESC}\\[36minfo${ESC}\\[0m: \\[" "$TMP/out" || fail "--color=always: no cyan info"
only_ours "$TMP/out" "validate --color=always"
sed "s/${ESC}\\[[0-9;]*m//g" "$TMP/out" >stripped
$SLACHECK validate active-gate-ss.tsv >uncoloured 2>/dev/null
cmp -s stripped uncoloured || fail "--color=always output is not the plain output plus colours"
grep -q "$ESC" uncoloured && fail "validate into a file coloured by default"
for v in "--color=never" "--color never"; do
    # shellcheck disable=SC2086
    FORCE_COLOR=1 $SLACHECK validate $v active-gate-ss.tsv >c.txt 2>/dev/null
    grep -q "$ESC" c.txt && fail "FORCE_COLOR=1 $v: colours"
done
FORCE_COLOR=1 $SLACHECK validate active-gate-ss.tsv >c.txt 2>/dev/null
grep -q "$ESC" c.txt || fail "FORCE_COLOR=1 into a pipe: no colours"
FORCE_COLOR=0 $SLACHECK validate active-gate-ss.tsv >c.txt 2>/dev/null
grep -q "$ESC" c.txt && fail "FORCE_COLOR=0: colours"
NO_COLOR=1 FORCE_COLOR=1 $SLACHECK validate active-gate-ss.tsv >c.txt 2>/dev/null
grep -q "$ESC" c.txt && fail "NO_COLOR=1 with FORCE_COLOR=1: colours"
NO_COLOR=1 $SLACHECK validate --color=always active-gate-ss.tsv >c.txt 2>/dev/null
grep -q "$ESC" c.txt || fail "--color=always with NO_COLOR=1: no colours"
FORCE_COLOR=1 $SLACHECK validate --report text=r.txt --report github=r.gh active-gate-ss.tsv >/dev/null 2>&1
grep -q "$ESC" r.txt r.gh && fail "a --report file coloured"
run $SLACHECK validate --color=sometimes qlingo.tsv
expect_rc 2 "--color=sometimes"
err_has "--color must be auto, always or never: sometimes" "--color=sometimes"
run $SLACHECK items --color=always
expect_rc 2 "--color for items"

# on a terminal: auto colours, NO_COLOR and --color=never do not
ontty tty1 -- validate active-gate-ss.tsv
grep -q "${ESC}\\[33mwarning" tty1 || fail "validate on a terminal: no colours"
only_ours tty1 "validate on a terminal"
ontty tty2 NO_COLOR=1 -- validate active-gate-ss.tsv
grep -q "$ESC" tty2 && fail "validate on a terminal with NO_COLOR=1: colours"
grep -q "warning: \\[" tty2 || fail "validate on a terminal with NO_COLOR=1: no output"
ontty tty3 -- validate --color=never active-gate-ss.tsv
grep -q "$ESC" tty3 && fail "validate on a terminal with --color=never: colours"
ontty tty4 -- validate -o v.txt active-gate-ss.tsv
grep -q "$ESC" v.txt && fail "validate -o FILE from a terminal: colours in the file"

# diff's verdicts
$SLACHECK diff --color=always qlingo.tsv active-gate-ss.tsv >d1.txt 2>/dev/null
grep -q "${ESC}\\[3[12]m" d1.txt || fail "diff --color=always: no colours"
FORCE_COLOR=1 $SLACHECK diff --color=never qlingo.tsv active-gate-ss.tsv >d2.txt 2>/dev/null
grep -q "$ESC" d2.txt && fail "diff --color=never: colours"

# vendor text stays inert inside a coloured report: an ESC makes the file
# binary (refused by the loader); bidi and C1 controls are shown as <U+...>
hostile_tsv active-gate-ss.tsv esc.tsv <<'EOF'
"\u202e【無】\u2028", "\u202e 約款にて記載", "\u0085\u009b31m 非開示"
EOF
FORCE_COLOR=1 $SLACHECK diff --all esc.tsv active-gate-ss.tsv >e2.txt 2>&1
grep -q '<U+202E>' e2.txt && grep -q '<U+009B>31m' e2.txt ||
    fail "diff --color of a hostile file: controls not shown as <U+...>"
python3 -c 'import sys; d = open(sys.argv[1], encoding="utf-8").read(); sys.exit(any(c in d for c in "\u202e\u2028\x85\x9b"))' e2.txt ||
    fail "diff --color of a hostile file: a bidi or C1 control reached the output"
only_ours e2.txt "diff --color of a hostile file"
FORCE_COLOR=1 $SLACHECK validate --fail-on info esc.tsv >e1.txt 2>&1
only_ours e1.txt "validate --color of a hostile file"
printf '1\t\033[2J\n' >esc-raw.tsv
FORCE_COLOR=1 $SLACHECK validate esc-raw.tsv >e3.txt 2>&1
grep -q 'binary-input' e3.txt || fail "an ESC in a file: not refused as binary"
only_ours e3.txt "an ESC in a file, told with FORCE_COLOR"

# ---- binary output and terminals -----------------------------------------------------
for args in "template --format xlsx" "template -o - --format xlsx" "convert qlingo.tsv -o - --format xlsx" \
    "export qlingo.tsv -o - --format xlsx" "diff qlingo.tsv active-gate-ss.tsv --format xlsx"; do
    # shellcheck disable=SC2086
    ontty bin.out -- $args
    [ "$rc" = 2 ] || fail "$args on a terminal: exit $rc, expected 2"
    grep -q "refusing to write a binary workbook to a terminal; use -o FILE.xlsx" bin.out ||
        fail "$args on a terminal: no hint to use -o: $(head -c 200 bin.out)"
    grep -q "PK" bin.out && fail "$args on a terminal: workbook bytes written"
done
ontty bin.out LANG=ja_JP.UTF-8 -- template --format xlsx
grep -q "バイナリのワークブックは端末に書き出しません" bin.out || fail "binary refusal in Japanese"
# a text format on a terminal is fine
ontty tsv.out -- template --format tsv
[ "$rc" = 0 ] || fail "template --format tsv on a terminal: exit $rc"
# to a pipe or a file, as usual
$SLACHECK template --format xlsx | head -c 2 >magic
[ "$(cat magic)" = PK ] || fail "template --format xlsx into a pipe: not a workbook"
ontty tty5 -- template --format xlsx -o t.xlsx
[ "$rc" = 0 ] && [ "$(head -c 2 t.xlsx)" = PK ] || fail "template -o t.xlsx from a terminal: exit $rc"

[ "$failures" = 0 ] && echo "command line: help, suggestions, bundles, colour and binary output agree"
exit "$failures"

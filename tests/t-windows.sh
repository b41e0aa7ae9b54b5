#!/bin/sh
# t-windows.sh - slacheck.exe under Wine (make check-windows sets SLC_WINE):
# for the examples it writes the same bytes as the Linux build (build/slacheck)
# in every output format; Japanese file names work for inputs and outputs;
# an existing output is replaced (not refused as "an input file"); files
# dropped onto the program (no command) give the comparison report beside
# the first file, and a file that is no checklist a clear error.
. "$(dirname "$0")/lib.sh"
[ -n "${SLC_WINE:-}" ] || skip "checks slacheck.exe under Wine: make check-windows"
LINUX=$ROOT/build/slacheck
[ -x "$LINUX" ] || { echo "FAIL: $LINUX not built (make check-windows builds it)"; exit 1; }
export SOURCE_DATE_EPOCH=1700000000
P=$EX/profiles/personal-data-strict.xml
cd "$TMP" || exit 1
cp "$EX/active-gate-ss.tsv" ベンダーA回答.tsv
cp "$EX/qlingo.tsv" ベンダーB回答.tsv
mkdir lin win

# each line: a name and the command's arguments; OUT is the output file
while read -r name args; do
    [ -n "$name" ] || continue
    for side in lin win; do
        bin=$LINUX
        [ $side = win ] && bin=$SLACHECK
        out=$side/$name
        # shellcheck disable=SC2086
        eval "$bin $args" >"$side/$name.stdout" 2>"$side/$name.stderr"
        echo $? >"$side/$name.rc"
    done
    for f in lin/"$name"*; do
        w=win/${f#lin/}
        cmp -s "$f" "$w" || fail "$name: ${f#lin/} differs from the Linux build's ($(cmp "$f" "$w" 2>&1 | head -1))"
    done
done <<'CMDS'
validate        validate ベンダーA回答.tsv ベンダーB回答.tsv
validate-ja     validate --lang ja ベンダーB回答.tsv
validate-json   validate --format json ベンダーA回答.tsv
validate-sarif  validate --format sarif ベンダーB回答.tsv
validate-junit  validate --format junit ベンダーB回答.tsv
convert-json    convert ベンダーB回答.tsv -o "$out.json"
convert-xlsx    convert ベンダーA回答.tsv -o "$out.xlsx"
convert-md      convert ベンダーA回答.tsv -o "$out.md"
export-html     export --profile "$P" ベンダーA回答.tsv ベンダーB回答.tsv -o "$out.html"
export-xlsx     export --profile "$P" ベンダーA回答.tsv ベンダーB回答.tsv -o "$out.xlsx"
export-md       export --profile "$P" ベンダーA回答.tsv ベンダーB回答.tsv -o "$out.md"
export-json     export ベンダーA回答.tsv ベンダーB回答.tsv -o "$out.json"
export-stdout   export --format md ベンダーA回答.tsv ベンダーB回答.tsv
diff            diff ベンダーA回答.tsv ベンダーB回答.tsv
diff-json       diff --format json ベンダーA回答.tsv ベンダーB回答.tsv
template-xlsx   template -o "$out.xlsx"
template-tsv    template -o "$out.tsv"
items           items
CMDS

# a Japanese output name, written twice: the second run replaces the first
run $SLACHECK export ベンダーA回答.tsv ベンダーB回答.tsv -o 比較レポート.html
expect_rc 0 "export to a Japanese file name"
[ -s 比較レポート.html ] || fail "比較レポート.html not written"
run $SLACHECK export ベンダーA回答.tsv ベンダーB回答.tsv -o 比較レポート.html
expect_rc 0 "export over an existing file"
ls | grep -q 'tmp-' && fail "a temporary file was left: $(ls | grep tmp-)"
# the same file by another name is still refused as an input
run $SLACHECK convert ベンダーB回答.tsv -o ./ベンダーB回答.tsv
expect_rc 2 "output onto an input under another name"

# dropped onto the program: no command, only existing files
mkdir drop
cp ベンダーA回答.tsv ベンダーB回答.tsv drop/
run env SLACHECK_NO_OPEN=1 $SLACHECK drop/ベンダーA回答.tsv drop/ベンダーB回答.tsv
expect_rc 0 "files dropped"
[ -s drop/slacheck-comparison.html ] || fail "dropped: no slacheck-comparison.html beside the first file"
[ -s drop/slacheck-comparison.xlsx ] || fail "dropped: no slacheck-comparison.xlsx beside the first file"
err_has "slacheck-comparison.html" "dropped: says where the report is"
printf '%%PDF-1.4\n' >drop/手順書.pdf
run env SLACHECK_NO_OPEN=1 $SLACHECK drop/手順書.pdf
expect_rc 3 "a PDF dropped"
err_has "手順書.pdf" "a PDF dropped: the message names the file"
[ -e drop/slacheck-comparison.tmp ] && fail "dropped PDF: something written"
# a file name where the command belongs is still a usage error when it is
# not an existing file
run $SLACHECK nosuchfile.tsv
expect_rc 2 "a missing file where the command belongs"
finish

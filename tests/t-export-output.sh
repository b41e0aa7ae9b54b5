#!/bin/sh
# t-export-output.sh - how export and diff -o write their reports, in every
# format: a regular file appears whole or not at all (temporary file beside
# it, renamed; nothing left behind); an existing report survives a failed
# run (bad input, full disk); standard output, pipes and devices are
# written in place and never replaced, and a write error there (/dev/full)
# is a clear error with exit status 5; an input file is never overwritten;
# usage errors for a missing -o or an unknown extension.
. "$ROOT/tests/lib.sh"

A=$EX/active-gate-ss.tsv
Q=$EX/qlingo.tsv
FORMATS="xlsx html md json tsv csv"

# no temporary files left beside the targets
no_leftovers() {
    left=$(find "$1" -name '*.tmp-*' | head -3)
    [ -z "$left" ] || fail "$2: temporary files left: $left"
}

for f in $FORMATS; do
    out=$TMP/report.$f
    run $SLACHECK export "$A" "$Q" -o "$out"
    expect_rc 0 "export to .$f"
    [ -s "$out" ] || fail "export to .$f wrote nothing"

    # an existing report is kept when an input cannot be read
    printf 'OLD REPORT\n' >"$TMP/keep.$f"
    run $SLACHECK export "$A" "$TMP/no-such-file.tsv" -o "$TMP/keep.$f"
    expect_rc 3 "export .$f with a missing input"
    err_has "no-such-file.tsv" "export .$f with a missing input names the file"
    [ "$(cat "$TMP/keep.$f")" = "OLD REPORT" ] || fail "export .$f: existing report changed by a failed run"

    # standard output gets the same bytes as a file (xlsx: a zip)
    run $SLACHECK export "$A" "$Q" -o - --format "$f"
    expect_rc 0 "export --format $f -o -"
    case $f in
    xlsx) head -c 2 "$TMP/out" | grep -q PK || fail "export xlsx to stdout is not a zip" ;;
    *) cmp -s "$TMP/out" "$out" || fail "export $f to stdout differs from the file" ;;
    esac

    # a device: written in place, write errors reported, never replaced
    run $SLACHECK export "$A" "$Q" -o /dev/full --format "$f"
    expect_rc 5 "export $f to /dev/full"
    err_has "/dev/full" "export $f to /dev/full names the device"
    [ -c /dev/full ] || fail "/dev/full is no longer a device"

    # a pipe: written in place
    rm -f "$TMP/fifo"
    mkfifo "$TMP/fifo"
    cat "$TMP/fifo" >"$TMP/from-fifo" &
    reader=$!
    run $SLACHECK export "$A" "$Q" -o "$TMP/fifo" --format "$f"
    expect_rc 0 "export $f to a pipe"
    wait $reader
    [ -p "$TMP/fifo" ] || fail "export $f replaced the pipe"
    [ -s "$TMP/from-fifo" ] || fail "export $f wrote nothing into the pipe"
done
no_leftovers "$TMP" "export"

# diff -o: the comparison as a report, by extension
for f in xlsx html md; do
    run $SLACHECK diff "$A" "$Q" -o "$TMP/diff.$f"
    [ "$rc" = 1 ] || fail "diff -o .$f: exit $rc, expected 1 (the vendors differ)"
    [ -s "$TMP/diff.$f" ] || fail "diff -o .$f wrote nothing"
    run $SLACHECK diff --exit-zero "$A" "$Q" --format "$f" -o "$TMP/diff2.$f"
    expect_rc 0 "diff --exit-zero --format $f"
done

# a full disk: a clear error, the old report intact, nothing left behind
if mkdir -p "$TMP/small" && mount -t tmpfs -o size=64k tmpfs "$TMP/small" 2>/dev/null; then
    for f in xlsx html md json; do
        printf 'OLD\n' >"$TMP/small/r.$f"
    done
    head -c 1048576 /dev/zero >"$TMP/small/filler" 2>/dev/null   # fills what is left
    for f in xlsx html md json; do
        run $SLACHECK export "$A" "$Q" -o "$TMP/small/r.$f"
        expect_rc 5 "export $f to a full disk"
        err_has "r.$f" "export $f to a full disk names the target"
        [ "$(cat "$TMP/small/r.$f")" = OLD ] || fail "export $f to a full disk changed the old report"
    done
    no_leftovers "$TMP/small" "full disk"
    umount "$TMP/small"
else
    echo "note: cannot mount a tmpfs here; full-disk case skipped"
fi

# reproducible workbooks: SOURCE_DATE_EPOCH fixes the creation time
for i in 1 2; do
    SOURCE_DATE_EPOCH=1700000000 $SLACHECK export "$A" "$Q" -o "$TMP/repro$i.xlsx"
    SOURCE_DATE_EPOCH=1700000000 $SLACHECK template --format xlsx -o "$TMP/repro-t$i.xlsx"
    [ $i = 1 ] && sleep 1.1   # a second later: the clock would show
done
cmp -s "$TMP/repro1.xlsx" "$TMP/repro2.xlsx" || fail "export xlsx differs between runs with SOURCE_DATE_EPOCH"
cmp -s "$TMP/repro-t1.xlsx" "$TMP/repro-t2.xlsx" || fail "template xlsx differs between runs with SOURCE_DATE_EPOCH"

# a read-only directory (a tmpfs remounted read-only: root ignores mode bits)
if mkdir -p "$TMP/ro" && mount -t tmpfs -o size=1m tmpfs "$TMP/ro" 2>/dev/null; then
    printf 'OLD\n' >"$TMP/ro/r.html"
    if mount -o remount,ro "$TMP/ro" 2>/dev/null; then
        for f in html xlsx; do
            run $SLACHECK export "$A" "$Q" -o "$TMP/ro/r.$f"
            expect_rc 5 "export $f into a read-only directory"
            err_has "Read-only file system" "export $f into a read-only directory says why"
        done
        [ "$(cat "$TMP/ro/r.html")" = OLD ] || fail "a read-only directory's old report changed"
    fi
    umount "$TMP/ro"
else
    echo "note: cannot mount a tmpfs here; read-only case skipped"
fi

# an input that vanished between listing and reading: told, nothing written
cp "$A" "$TMP/gone.tsv"
rm "$TMP/gone.tsv"
printf 'OLD\n' >"$TMP/keep-gone.xlsx"
run $SLACHECK export "$TMP/gone.tsv" "$Q" -o "$TMP/keep-gone.xlsx"
expect_rc 3 "export with a vanished input"
err_has "gone.tsv" "the vanished input is named"
[ "$(cat "$TMP/keep-gone.xlsx")" = OLD ] || fail "a vanished input spoiled the old report"

# a missing directory
run $SLACHECK export "$A" -o "$TMP/no/such/dir/r.html"
expect_rc 5 "export into a missing directory"
err_has "$TMP/no/such/dir/r.html" "export into a missing directory names the target"

# never over an input
cp "$A" "$TMP/input.md"
run $SLACHECK export "$TMP/input.md" -o "$TMP/input.md"
expect_rc 2 "export over its input"
cmp -s "$A" "$TMP/input.md" || fail "export overwrote its input"
run $SLACHECK diff "$A" "$TMP/input.md" -o "$TMP/input.md"
expect_rc 2 "diff -o over its input"
cmp -s "$A" "$TMP/input.md" || fail "diff -o overwrote its input"

# usage
run $SLACHECK export "$A"
expect_rc 2 "export without -o"
err_has "-o" "export without -o says what is missing"
run $SLACHECK export "$A" -o "$TMP/report.pdf"
expect_rc 2 "export to an unknown extension"
err_has "--format" "export to an unknown extension suggests --format"
run $SLACHECK export "$A" -o "$TMP/r.x" --format pdf
expect_rc 2 "export --format pdf"
run $SLACHECK diff "$A" "$Q" --format pdf
expect_rc 2 "diff --format pdf"

finish

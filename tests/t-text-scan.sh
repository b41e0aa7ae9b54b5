#!/bin/sh
# t-text-scan.sh - the decoder's fast paths give the answers the slow ones
# gave. The control-character check reads eight bytes at a time and the
# UTF-8 check takes three-byte characters in one step, so: a control
# character at every offset of a word, beside tabs, is found, with its line;
# the three-byte sequences that look right but are not UTF-8 (surrogates,
# overlong forms, a lead byte with one continuation byte, a cut-off
# character at the end) are refused with their byte offset; and valid
# four-byte and E0/ED characters still pass.
. "$ROOT/tests/lib.sh"

# control characters: U+0001, U+001F and U+007F at offsets 0..16 of line 2's
# third cell (an ASCII answer starting after a tab at byte 27, so the offsets
# fall in three eight-byte words)
for c in 01 1f 7f; do
    for k in 0 1 2 3 5 6 7 8 9 15 16; do
        f="$TMP/ctl-$c-$k.tsv"
        python3 - "$f" "$c" "$k" <<'EOF'
import sys
path, c, k = sys.argv[1], int(sys.argv[2], 16), int(sys.argv[3])
answer = "24 hours, 365 days a year"
cell = answer.encode()[:k] + bytes([c]) + answer.encode()[k:]
open(path, "wb").write("No\t項目名\t回答\n".encode() + b"1\t\xe3\x82\xb5\t" + cell + b"\n")
EOF
        run $SLACHECK validate "$f"
        expect_rc 3 "control 0x$c at offset $k"
        err_has "$f:2: error: [binary-input]" "control 0x$c at offset $k: line"
        err_has "control character U+00$(echo "$c" | tr a-f A-F)" "control 0x$c at offset $k: which"
    done
done
# tabs, CR, LF and form feeds in every position of a word are text
printf 'No\t項目名\t回答\r\n1\tサービス時間\t\t\f\t24時間\r\n' >"$TMP/ws.tsv"
run $SLACHECK validate "$TMP/ws.tsv"
[ "$rc" = 3 ] && fail "tab, CR, LF, FF taken for binary"

# bytes that the three-byte step must not take, each after 17 ASCII bytes,
# a valid character and a tab (offset 21 in the file): forced UTF-8 refuses them
# there, and detection does not call the file UTF-8
for bad in eda080 e08080 e3a0 e341 efbf; do
    f="$TMP/bad-$bad.tsv"
    python3 - "$f" "$bad" <<'EOF'
import sys
path, bad = sys.argv[1], bytes.fromhex(sys.argv[2])
head = b"No\tname\tanswer\n1\t\xe3\x81\x82\t"   # 21 bytes
tail = b"" if bad.hex() == "efbf" else b"x\n"   # efbf: a character cut off at the end
open(path, "wb").write(head + bad + tail)
EOF
    run $SLACHECK validate --encoding utf-8 "$f"
    expect_rc 3 "forced UTF-8, bytes $bad"
    err_has "is not valid UTF-8) at byte offset 21" "forced UTF-8, bytes $bad: offset"
    run $SLACHECK convert "$f" -o - --format json
    grep -q '"encoding": "UTF-8"' "$TMP/out" && fail "bytes $bad detected as UTF-8"
done

# valid characters the step leaves to U8_NEXT: E0 A0 80 (U+0800), ED 9F BF
# (U+D7FF), four bytes (U+1F600), two bytes (U+00E9): UTF-8, kept byte for byte
python3 - "$TMP/good.tsv" <<'EOF'
import sys
text = "No\t項目名\t回答\n1\tサービス時間\t\u0800\ud7ff\U0001F600\u00e9 24時間\n"
open(sys.argv[1], "wb").write(text.encode("utf-8"))
EOF
run $SLACHECK convert "$TMP/good.tsv" -o - --format json
expect_rc 0 "valid E0, ED, four-byte and two-byte characters"
jcheck "$TMP/out" "d['source']['encoding'] == 'UTF-8'" \
    "items[1]['answer'] == '\u0800\ud7ff\U0001F600\u00e9 24時間'"

finish

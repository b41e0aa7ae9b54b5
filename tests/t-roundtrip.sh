#!/bin/sh
# t-roundtrip.sh - `convert -o X.tsv` (and .csv) writes the canonical table;
# loading it back gives the same items (no, id, name, category, answer,
# remarks) and vendor as the original, and converting the canonical table
# again changes no byte. Seeds plus the fixtures with line breaks and quotes
# inside answers.
. "$ROOT/tests/lib.sh"

# rt NAME SOURCE
rt() {
    name=$1 src=$2
    run $SLACHECK convert "$src" -o "$TMP/$name.orig.json"
    expect_rc 0 "convert $name -o json"
    for ext in tsv csv; do
        run $SLACHECK convert "$src" -o "$TMP/$name.$ext"
        expect_rc 0 "convert $name -o $name.$ext"
        [ -s "$TMP/$name.$ext" ] || fail "convert $name -o $name.$ext wrote nothing"
        run $SLACHECK convert "$TMP/$name.$ext" -o "$TMP/$name.$ext.json"
        expect_rc 0 "convert $name.$ext -o json (load back)"
        jcheck "$TMP/$name.$ext.json" \
            "[(i['no'], i['id'], i['name'], i['category'], i['answer'], i['remarks']) for i in d['items']] == [(i['no'], i['id'], i['name'], i['category'], i['answer'], i['remarks']) for i in __import__('json').load(open('$TMP/$name.orig.json'))['items']]" \
            "d['vendor'] == __import__('json').load(open('$TMP/$name.orig.json'))['vendor']" \
            "d['source']['encoding'] == 'UTF-8'"
        # the canonical table is a fixed point
        run $SLACHECK convert "$TMP/$name.$ext" -o "$TMP/$name.again.$ext"
        expect_rc 0 "convert $name.$ext -o $name.again.$ext"
        cmp -s "$TMP/$name.$ext" "$TMP/$name.again.$ext" ||
            fail "$name.$ext converted again differs: $(diff "$TMP/$name.$ext" "$TMP/$name.again.$ext" | head -3)"
    done
}

rt qlingo "$EX/qlingo.tsv"
rt active-gate "$EX/active-gate-ss.tsv"
rt bom-quoted-newline "$FIX/bom-quoted-newline.csv"
rt cp932-crlf "$FIX/cp932-crlf.csv"
rt tsv-bare-quotes "$FIX/tsv-bare-quotes.tsv"
rt partial "$FIX/partial-1-8.tsv"

# what the canonical TSV looks like
head -n 3 "$TMP/active-gate.tsv" >"$TMP/head"
printf '対象サービス: Active! gate SS\n\nNo\t種別\tサービスレベル項目\t規定内容\t測定単位\t回答\t備考\n' >"$TMP/want"
cmp -s "$TMP/head" "$TMP/want" || fail "canonical TSV head: $(cat "$TMP/head")"
[ "$(grep -c '^[0-9]' "$TMP/active-gate.tsv")" = 49 ] || fail "canonical TSV has not 49 item rows"
[ "$(grep -c '^[0-9]' "$TMP/partial.tsv")" = 8 ] || fail "canonical TSV of partial-1-8 has not 8 item rows"
grep -q "$(printf '^2\t可用性\t計画停止予定通知\t.*\thttps://notice.qualitia.com/$')" "$TMP/active-gate.tsv" ||
    fail "canonical TSV: item 2 row with its remarks"
# CSV: UTF-8 with BOM (what Excel opens as UTF-8)
[ "$(head -c 3 "$TMP/qlingo.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "canonical CSV has no UTF-8 BOM"

# the canonical table validates with the same findings (at its own lines)
run $SLACHECK validate --format json "$TMP/qlingo.tsv"
expect_rc 0 "validate canonical qlingo.tsv"
cp "$TMP/out" "$TMP/vq.json"
# (item 18's 「…ログ提供は行っていません。」 says 無 in words: no presence-not-stated)
jcheck "$TMP/vq.json" "[(r[0], r[2]) for r in rules(f)] == []" \
    "f['items_found'] == 49" "f['vendor'] == 'qlingo'"

finish

#!/bin/sh
# t-md-table.sh - Markdown with the answers in a GFM pipe table (a README's
# table) as input (src/read_md.c, src/md_pipe.c):
#   - the example vendors as a pipe table (tests/md_table.py; cmark-gfm
#     agrees it is a table when it is there) give the TSV's 49 answers,
#     remarks and names at the lines of their rows, the preamble's
#     対象サービス as the name; from a file and from standard input;
#   - cells' inline Markdown read as text: emphasis, code spans, escaped
#     pipes, entities, links, <br>, a cell that starts like a list item;
#     short rows padded, long rows cut, as GFM says;
#   - a pipe table does not make a TSV a Markdown file.
. "$ROOT/tests/lib.sh"
W=$TMP/w
mkdir -p "$W"

for s in qlingo active-gate-ss; do
    run $SLACHECK convert "$EX/$s.tsv" -o "$W/$s.orig.json"
    python3 "$ROOT/tests/md_table.py" "$EX/$s.tsv" "$W/$s.md" "$W/$s.map" || fail "md_table.py $s"
    if command -v cmark-gfm >/dev/null 2>&1; then
        n=$(cmark-gfm -e table "$W/$s.md" | grep -c '<tr>')
        [ "$n" -ge 50 ] || fail "$s.md: cmark-gfm sees $n table rows"
    else
        echo "SKIP: cmark-gfm missing: the generated table is not checked by GitHub's parser"
    fi
    run $SLACHECK convert "$W/$s.md" -o "$W/$s.md.json"
    expect_rc 0 "convert $s.md"
    python3 "$ROOT/tests/html_input.py" same "$W/$s.orig.json" "$W/$s.md.json" "$W/$s.map" || fail "$s.md: not the TSV's answers"
    run sh -c "$SLACHECK convert - -o '$W/$s.stdin.json' < '$W/$s.md'"
    expect_rc 0 "convert - < $s.md"
    python3 "$ROOT/tests/html_input.py" same "$W/$s.orig.json" "$W/$s.stdin.json" "$W/$s.map" || fail "$s.md on standard input"
done
jcheck "$W/active-gate-ss.md.json" "d['vendor'] == 'Active! gate SS'"

cat >"$W/shapes.md" <<'EOF2'
# Our SLA

| No | サービスレベル項目 | 回答 | 備考 |
|:--:|:---|---|---|
| 1 | サービス時間 | **24時間**365日<br>（計画停止を除く） | `a\|b` |
| 2 | 計画停止予定通知 | 【有】 [告知ページ](https://example.com) &amp; メール | - 箇条 |
| 3 | サービス提供終了時の事前通知 | 1. 一か月前 | <span>x</span> y |
5 | サービス稼働率 | 99.9% \| 月間 | extra | cells | dropped
| 6 | ディザスタリカバリ |
EOF2
run $SLACHECK convert "$W/shapes.md" -o "$W/shapes.json"
expect_rc 0 "shapes.md"
jcheck "$W/shapes.json" "sorted(items) == [1, 2, 3, 5, 6]" \
    "items[1]['answer'] == '24時間365日\n（計画停止を除く）'" "items[1]['remarks'] == 'a|b'" \
    "items[2]['answer'] == '【有】 告知ページ & メール'" "items[2]['remarks'] == '- 箇条'" \
    "items[3]['answer'] == '1. 一か月前'" "items[3]['remarks'] == 'x y'" \
    "(items[5]['answer'], items[5]['remarks']) == ('99.9% | 月間', 'extra')" \
    "items[6]['answer'] == ''" "[items[n]['line'] for n in (1, 2, 3, 5, 6)] == [5, 6, 7, 8, 9]"

# a TSV whose cells hold pipes stays a TSV
printf 'No\tサービスレベル項目\t回答\n1\tサービス時間\ta | b\n|---|---|\t-\n' >"$W/pipes.tsv"
run $SLACHECK convert - -o "$W/pipes.json" <"$W/pipes.tsv"
expect_rc 0 "a TSV with pipes"
jcheck "$W/pipes.json" "items[1]['answer'] == 'a | b'"

finish

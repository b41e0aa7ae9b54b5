#!/bin/sh
# t-metadata.sh - what a file's preamble and header say about it: 記入日 and
# the English date words are the date; 担当者/連絡先 the contact, 版/改訂日 the
# revision; an answer column headed 「ウィ・キャンの回答」 names the vendor; a
# company name stays the company's (template --from and convert no longer
# write it as 対象サービス); all of it survives convert to json, md and tsv.
. "$ROOT/tests/lib.sh"
W=$TMP/w
mkdir -p "$W"
# one item row is enough to be a checklist
item='1	可用性	サービス時間	サービスを提供する時間帯	時間帯	24時間365日	'

printf '%s\n' '記入日：2024年4月1日' '会社名: 株式会社ウィ・キャン' \
    '担当者: 山田 花子 (yamada@example.jp)' '版: 第3版（2024-05-01 改訂）' '' \
    'No	種別	サービスレベル項目	規定内容	測定単位	回答	備考' "$item" >"$W/ja.tsv"
run $SLACHECK convert "$W/ja.tsv" -o "$W/ja.json"
expect_rc 0 "convert ja.tsv"
jcheck "$W/ja.json" \
    "d['meta'] == {'service': None, 'vendor': '株式会社ウィ・キャン', 'date': '2024年4月1日', 'contact': '山田 花子 (yamada@example.jp)', 'revision': '第3版（2024-05-01 改訂）'}" \
    "d['vendor'] == '株式会社ウィ・キャン'"

# the company is not the service, in any authored form
for fmt in tsv md; do
    run $SLACHECK template --from "$W/ja.tsv" --format $fmt
    expect_rc 0 "template --from ja.tsv --format $fmt"
    grep -q '対象サービス' "$TMP/out" && fail "template --format $fmt: a 対象サービス line for a company: $(grep 対象サービス "$TMP/out")"
    out_has '会社名: 株式会社ウィ・キャン' "template --format $fmt keeps the company"
    out_has '作成日: 2024年4月1日' "template --format $fmt keeps the date"
    out_has '担当者・連絡先: 山田 花子' "template --format $fmt keeps the contact"
    out_has '版・改訂日: 第3版' "template --format $fmt keeps the revision"
done
for fmt in json md tsv xlsx; do
    run $SLACHECK convert "$W/ja.tsv" -o "$W/rt.$fmt"
    expect_rc 0 "convert ja.tsv -o rt.$fmt"
    run $SLACHECK convert "$W/rt.$fmt" -o "$W/rt-$fmt.json"
    expect_rc 0 "convert rt.$fmt -o rt-$fmt.json"
    jcheck "$W/rt-$fmt.json" \
        "d['meta'] == {'service': None, 'vendor': '株式会社ウィ・キャン', 'date': '2024年4月1日', 'contact': '山田 花子 (yamada@example.jp)', 'revision': '第3版（2024-05-01 改訂）'}"
done

# English words; a service beside the company keeps both apart
printf '%s\n' 'Service: Example Cloud' 'Company: Example Inc.' 'Date prepared: 2024-04-01' \
    'Contact person: Jane Doe' 'Revision: 2.1' '' \
    'No	種別	サービスレベル項目	規定内容	測定単位	回答	備考' "$item" >"$W/en.tsv"
run $SLACHECK convert "$W/en.tsv" -o "$W/en.json"
jcheck "$W/en.json" \
    "d['meta'] == {'service': 'Example Cloud', 'vendor': 'Example Inc.', 'date': '2024-04-01', 'contact': 'Jane Doe', 'revision': '2.1'}" \
    "d['vendor'] == 'Example Cloud'"

# the vendor named by the answer column's header
printf '%s\n' 'No	種別	サービスレベル項目	規定内容	測定単位	ウィ・キャンの回答	備考' "$item" >"$W/header.tsv"
run $SLACHECK convert "$W/header.tsv" -o "$W/header.json"
expect_rc 0 "convert header.tsv"
jcheck "$W/header.json" \
    "d['meta']['vendor'] == 'ウィ・キャン' and d['meta']['service'] is None" \
    "d['vendor'] == 'ウィ・キャン'" \
    "d['items'][0]['answer'] == '24時間365日'"
# a preamble's company wins over the header
printf '%s\n' '会社名: 株式会社ウィ・キャン' '' \
    'No	種別	サービスレベル項目	規定内容	測定単位	ウィ・キャンの回答	備考' "$item" >"$W/both.tsv"
run $SLACHECK convert "$W/both.tsv" -o "$W/both.json"
jcheck "$W/both.json" "d['meta']['vendor'] == '株式会社ウィ・キャン'"
# a bare 「の回答」 names no one
printf '%s\n' 'No	種別	サービスレベル項目	規定内容	測定単位	の回答	備考' "$item" >"$W/bare.tsv"
run $SLACHECK convert "$W/bare.tsv" -o "$W/bare.json"
jcheck "$W/bare.json" "d['meta']['vendor'] is None"

finish

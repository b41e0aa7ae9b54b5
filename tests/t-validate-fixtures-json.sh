#!/bin/sh
# t-validate-fixtures-json.sh - every generated fixture through
# `validate --format json`: exit status, encoding, BOM, delimiter, items found,
# missing/duplicates/unknown, and the exact findings (rule, severity, item, line).
# Lines are the physical lines gen_fixtures.py recorded (manifest.json, "M").
. "$ROOT/tests/lib.sh"

# v FIXTURE EXIT EXPR...: validate one fixture as JSON, check it
v() {
    fx=$1 want=$2
    shift 2
    run $SLACHECK validate --format json "$FIX/$fx"
    expect_rc "$want" "validate --format json $fx"
    cp "$TMP/out" "$TMP/$fx.json"
    jcheck "$TMP/$fx.json" "len(d['files']) == 1" "d['summary']['exit_code'] == $want" \
        "f['path'].endswith('/$fx')" "$@"
}
# Qlingo's item 18 (「…ログ提供は行っていません。」) says 無 in words: no warning
CLEAN49="f['items_found'] == 49 and f['missing'] == [] and f['duplicates'] == [] and f['unknown'] == []"

v cp932-crlf.csv 0 "f['encoding'] == 'windows-31j'" "f['bom'] is False" \
    "f['delimiter'] == 'comma'" "$CLEAN49" "rules(f) == []" \
    "f['vendor'] == 'cp932-crlf'" "f['header_line'] == 8"
v bom-quoted-newline.csv 0 "f['encoding'] == 'UTF-8'" "f['bom'] is True" \
    "f['delimiter'] == 'comma'" "$CLEAN49" "rules(f) == []" \
    "f['vendor'] == 'Active! gate SS'" "f['header_line'] == 7"
v utf16le.tsv 0 "f['encoding'] == 'UTF-16LE'" "f['bom'] is True" "f['delimiter'] == 'tab'" \
    "$CLEAN49" "rules(f) == []" "f['vendor'] == 'Active! gate SS'"
v eucjp.tsv 0 "f['encoding'] == 'EUC-JP'" "f['bom'] is False" "f['delimiter'] == 'tab'" \
    "$CLEAN49" "rules(f) == []"
v semicolon.csv 0 "f['encoding'] == 'UTF-8'" "f['delimiter'] == 'semicolon'" "$CLEAN49" \
    "rules(f) == []"
v shuffled-missing.tsv 1 "f['items_found'] == 47" "f['missing'] == [12, 40]" \
    "f['duplicates'] == []" "M['shuffled-missing.tsv']['lines']['18'] == [49]" \
    "rules(f) == S([('missing-item', 'error', 12, None), ('missing-item', 'error', 40, None)])"
v duplicate.tsv 1 "f['items_found'] == 49" "f['duplicates'] == [7]" "f['missing'] == []" \
    "M['duplicate.tsv']['lines']['7'] == [16, 18]" \
    "rules(f) == S([('duplicate-item', 'error', 7, 18)])" \
    "[(g['other_line'], g['conflict']) for g in f['findings'] if g['rule'] == 'duplicate-item'] == [(16, True)]"
v duplicate-same.tsv 0 "f['items_found'] == 49" "f['duplicates'] == [9]" \
    "M['duplicate-same.tsv']['lines']['9'] == [18, 19]" \
    "rules(f) == S([('duplicate-item', 'warning', 9, 19)])" \
    "[(g['other_line'], g['conflict']) for g in f['findings'] if g['rule'] == 'duplicate-item'] == [(18, False)]"
v fullwidth-numbers.tsv 0 "$CLEAN49" "rules(f) == []" "f['vendor'] == 'Active! gate SS'"
v no-number-column.tsv 0 "$CLEAN49" "rules(f) == []" "f['vendor'] == 'Active! gate SS'" \
    "sorted(M['no-number-column.tsv']['renamed']) == ['2', '35', '4', '44', '47']"
v partial-1-8.tsv 1 "f['items_found'] == 8" "f['missing'] == list(range(9, 50))" \
    "rules(f) == S([('missing-item', 'error', n, None) for n in range(9, 50)])" \
    "d['summary']['errors'] == 41"
# a header-only file misses every item: "missing" lists all 49, with their findings
v header-only.tsv 1 "f['items_found'] == 0" "f['missing'] == list(range(1, 50))" \
    "rules(f) == S([('no-items', 'error', None, None)] + [('missing-item', 'error', n, None) for n in range(1, 50)])"
v invalid-byte.tsv 1 "f['encoding'] == 'UTF-8'" "$CLEAN49" \
    "rules(f) == S([('undecodable-text', 'error', 5, 14)])" \
    "M['invalid-byte.tsv']['bad_line'] == 14 and M['invalid-byte.tsv']['bad_offset'] == 1558" \
    "[(g['found'], g['offset']) for g in f['findings'] if g['rule'] == 'undecodable-text'] == [('0xFF', 1558)]"
v extra-example-column.tsv 0 "$CLEAN49" "rules(f) == []" "f['header_line'] == 8"
v english-header.tsv 0 "$CLEAN49" "rules(f) == []" "f['header_line'] == 7"
v company-answer-header.tsv 0 "$CLEAN49" "rules(f) == []" "f['header_line'] == 7"
v unknown-item.tsv 0 "f['items_found'] == 49" "f['unknown'] == [50]" "f['missing'] == []" \
    "rules(f) == S([('unknown-item', 'warning', 50, 64)])" \
    "[g['found'] for g in f['findings'] if g['rule'] == 'unknown-item'] == ['専任担当者']"
v name-mismatch.tsv 0 "$CLEAN49" \
    "rules(f) == S([('name-mismatch', 'warning', 12, 21)])" \
    "[(g['found'], g['other_item']) for g in f['findings'] if g['rule'] == 'name-mismatch'] == [('システム監視基準', 13)]"
v empty-answer.tsv 1 "$CLEAN49" "rules(f) == S([('empty-answer', 'error', 5, 14)])"
v repeated-header.tsv 0 "$CLEAN49" "rules(f) == []" "f['header_line'] == 7"
v preamble-metadata.tsv 0 "$CLEAN49" "f['vendor'] == '株式会社テスト'" \
    "f['meta'] == {'service': None, 'vendor': '株式会社テスト', 'date': '2024年4月1日', 'contact': None, 'revision': None}" \
    "f['header_line'] == 10" "rules(f) == []"
v tsv-bare-quotes.tsv 0 "$CLEAN49" "rules(f) == []"
v tsv-open-quote.tsv 0 "$CLEAN49" "rules(f) == []"

v presence-variants.tsv 1 "$CLEAN49" \
    "rules(f) == S([('presence-not-stated', 'warning', n, n + 9) for n in (14,)] + [('empty-answer', 'error', 23, 32)])" \
    "M['presence-variants.tsv']['not_stated'] == [14, 18, 22]"
v category-unit-mismatch.tsv 0 "$CLEAN49" \
    "rules(f) == S([('category-mismatch', 'warning', 10, 19), ('unit-mismatch', 'warning', 32, 45)])" \
    "[(g['found'], g['expected']) for g in f['findings'] if g['rule'] in ('category-mismatch', 'unit-mismatch')] == [('性能', '信頼性'), ('時間', '世代数')]"

# unreadable files: an error object with status, line and byte offset
v empty.tsv 3 "f['error']['status'] == 'empty-input'" "f['error']['line'] is None"
# known formats that are not checklists say what they are (tests/t-signatures.sh)
v binary.bin 3 "f['error']['status'] == 'not-a-checklist'" \
    "f['error']['detail'] == 'a PNG image'" "f['error']['line'] is None"
v binary-gzip.tsv.gz 3 "f['error']['status'] == 'not-a-checklist'" \
    "f['error']['detail'].startswith('a gzip archive')"
v sjis-invalid.tsv 3 "f['error']['status'] == 'decode-error'" \
    "(f['error']['line'], f['error']['offset']) == (14, 1071)" \
    "(M['sjis-invalid.tsv']['bad_line'], M['sjis-invalid.tsv']['bad_offset']) == (14, 1071)" \
    "'windows-31j' in f['error']['detail']"
v csv-broken-quote.csv 3 "f['error']['status'] == 'bad-format'" \
    "(f['error']['line'], f['error']['offset']) == (14, M['csv-broken-quote.csv']['bad_offset'])"

# several files in one call: the bad ones do not stop the others; 3 wins over 1
run $SLACHECK validate --format json "$FIX/cp932-crlf.csv" "$FIX/sjis-invalid.tsv" \
    "$FIX/utf16le.tsv" "$FIX/empty.tsv" "$FIX/partial-1-8.tsv"
expect_rc 3 "validate --format json, five files, two unreadable"
cp "$TMP/out" "$TMP/several.json"
jcheck "$TMP/several.json" \
    "[x['path'].rsplit('/', 1)[1] for x in d['files']] == ['cp932-crlf.csv', 'sjis-invalid.tsv', 'utf16le.tsv', 'empty.tsv', 'partial-1-8.tsv']" \
    "d['files'][0]['encoding'] == 'windows-31j' and d['files'][0]['items_found'] == 49" \
    "d['files'][1]['error']['status'] == 'decode-error' and d['files'][1]['error']['line'] == 14" \
    "d['files'][2]['encoding'] == 'UTF-16LE' and d['files'][2]['items_found'] == 49" \
    "d['files'][3]['error']['status'] == 'empty-input'" \
    "d['files'][4]['items_found'] == 8" \
    "d['summary']['files'] == 5 and d['summary']['unreadable'] == 2" \
    "d['summary']['errors'] == 41" \
    "sum(1 for x in d['files'] if x['error'] is None for g in x['findings'] if g['rule'] in STRUCTURAL and g['severity'] == 'warning') == 0" \
    "d['summary']['exit_code'] == 3"
err_has "sjis-invalid.tsv:14: error: [decode-error]" "several files"
err_has "empty.tsv: error: [empty-input]" "several files"

finish

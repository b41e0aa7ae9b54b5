#!/bin/sh
# t-lo-workbooks.sh - the XLSX reader on workbooks really saved by
# LibreOffice (tests/workbooks/README.md says how each was made): the
# answers, their item numbers and rows, the percent number read as the
# vendor typed it, the checklist sheet chosen after a cover sheet, a merged
# category cell, and a line break inside a cell.
. "$ROOT/tests/lib.sh"
WB=$ROOT/tests/workbooks

run $SLACHECK convert "$WB/lo-basic.xlsx" -o "$TMP/basic.json"
expect_rc 0 "convert lo-basic.xlsx"
jcheck "$TMP/basic.json" \
    "[(i['no'], i['answer'], i['line']) for i in d['items'] if i['answer']] == [(1, '24時間365日', 2), (2, '【有】1週間前にメールで通知', 3), (5, '99.9%', 4), (10, '4時間', 5)]" \
    "d['source']['path'].endswith('lo-basic.xlsx')"

run $SLACHECK convert "$WB/lo-sheets.xlsx" -o "$TMP/sheets.json"
expect_rc 0 "convert lo-sheets.xlsx"
jcheck "$TMP/sheets.json" \
    "[(i['no'], i['answer'], i['line']) for i in d['items'] if i['answer']] == [(1, '平日9時から18時', 2), (2, '【有】\n3日前に通知', 3), (3, '【無】', 4)]" \
    "[i['name_in_file'] for i in d['items'] if i['answer']] == ['サービス時間', '計画停止予定通知', 'サービス提供終了時の事前通知']"

# a workbook written part by part as Excel writes it (make_excel_quirks.py):
# the checklist sheet after a cover, item numbers from a shared formula's
# cached values, rich-text runs joined without their furigana, an inline
# string, _x000D_ as a carriage return, a percent style; LibreOffice 7.4
# reads the same answers from it (tests/workbooks/README.md)
run $SLACHECK convert "$WB/excel-quirks.xlsx" -o "$TMP/quirks.json"
expect_rc 0 "convert excel-quirks.xlsx"
jcheck "$TMP/quirks.json" \
    "[(i['no'], i['answer'], i['line']) for i in d['items'] if i['answer']] == [(1, '24時間365日\\r\\n（計画停止を除く）', 2), (2, '【有】 1週間前にメールで通知', 3), (3, '【無】', 4), (5, '99.95%', 6)]" \
    "[i['name_in_file'] for i in d['items'] if i['answer']] == ['サービス時間', '計画停止予定通知', 'サービス提供終了時の事前通知', '稼働率']"

# validate reads them too: items not answered are missing, nothing unreadable
run $SLACHECK validate --format json "$WB/lo-basic.xlsx" "$WB/lo-sheets.xlsx"
expect_rc 1 "validate the LibreOffice workbooks"
jcheck "$TMP/out" "d['summary']['files'] == 2 and d['summary']['unreadable'] == 0"

finish

#!/bin/sh
# t-seeds.sh - the two real vendor files give their real answers, line by line.
# Qlingo: 6 cells a row, items 18/38/49 without 種別 (cells shift left), no
# stated vendor (name from the file). Active! gate: 7 cells with 備考 for items
# 1-34, 5 cells (no 種別, no 備考) for items 35-49, vendor from 対象サービス:.
. "$ROOT/tests/lib.sh"

run $SLACHECK convert "$EX/qlingo.tsv" -o "$TMP/q.json"
expect_rc 0 "convert qlingo.tsv -o q.json"
jcheck "$TMP/q.json" \
    "d['format'] == 'slacheck-checklist'" \
    "d['vendor'] == 'qlingo'" \
    "d['meta'] == {'service': None, 'vendor': None, 'date': None, 'contact': None, 'revision': None}" \
    "d['source']['encoding'] == 'UTF-8' and d['source']['bom'] is False" \
    "[i['no'] for i in d['items']] == list(range(1, 50))" \
    "items[18]['answer'] == 'ログの取得は行っていますが、ログ提供は行っていません。'" \
    "items[18]['line'] == 27" \
    "items[18]['name'] == 'ログの取得' and items[18]['category'] == '信頼性' and items[18]['id'] == 'log-access'" \
    "items[1]['answer'] == '24時間365日となります。(計画停止/定期保守を除く)' and items[1]['line'] == 10" \
    "items[27]['answer'].startswith('通常のサポート業務の対応時間は、月～金曜日 10:00～17:00(祝日、年末年始等は除く)')" \
    "items[27]['line'] == 39" \
    "items[35]['name_in_file'] == 'データ漏えい・破壊時の補償/保¥險'" \
    "items[35]['answer'] == '【有】利用規約に定める範囲において保証を行います。(損害賠償保険には加入)'" \
    "items[38]['answer'] == '【有】入力項目の要件に合わせて形式や長さのチェックを行っています。' and items[38]['line'] == 51" \
    "items[49]['answer'] == '【有】把握しております。' and items[49]['line'] == 63" \
    "all(i['remarks'] == '' for i in d['items'])" \
    "[i['line'] for i in d['items']] == [n + 9 for n in range(1, 26)] + [38, 39] + [n + 13 for n in range(28, 39)] + [n + 14 for n in range(39, 50)]"

run $SLACHECK convert "$EX/active-gate-ss.tsv" -o "$TMP/ag.json"
expect_rc 0 "convert active-gate-ss.tsv -o ag.json"
jcheck "$TMP/ag.json" \
    "d['vendor'] == 'Active! gate SS'" \
    "d['meta']['service'] == 'Active! gate SS'" \
    "[i['no'] for i in d['items']] == list(range(1, 50))" \
    "items[2]['remarks'] == 'https://notice.qualitia.com/'" \
    "items[2]['answer'] == '【有】 2週間前までに障害・メンテナンス告知サイトにて連絡いたします。 緊急メンテナンスについてはその限りではありません。'" \
    "items[14]['remarks'] == 'https://notice.qualitia.com/'" \
    "items[22]['remarks'] == '詳しくは本サービスの管理者マニュアルをご覧ください。'" \
    "[n for n in items if items[n]['remarks']] == [2, 14, 22]" \
    "items[35]['answer'] == '【有】 当社が取得した機密情報等を漏洩、破壊した際は、最大で当該事故発生日から過去1年間に当社が受領した料金の範囲で賠償いたします。 詳細は本サービスの利用約款をご確認ください。'" \
    "items[35]['line'] == 46 and items[35]['category'] == 'データ管理'" \
    "items[35]['name_in_file'] == 'データ漏洩・破壊時の補償／保険'" \
    "items[37]['answer'] == '【有】'" \
    "items[42]['answer'] == '【有】 TLS1.2に対応しています。' and items[42]['line'] == 54" \
    "items[42]['category'] == 'セキュリティ'" \
    "items[49]['answer'] == '把握しております。 なお、データの保管国は日本国内で、諸外国に保管することはありません。'" \
    "items[49]['line'] == 61" \
    "all(items[n]['remarks'] == '' for n in range(35, 50))" \
    "items[11]['answer'] == '同上'" \
    "items[30]['answer'] == '7日間' and items[32]['answer'] == '7世代'"

# validate --format json on the seeds
run $SLACHECK validate --format json "$EX/active-gate-ss.tsv" "$EX/qlingo.tsv"
expect_rc 0 "validate --format json seeds"
cp "$TMP/out" "$TMP/v.json"
jcheck "$TMP/v.json" \
    "len(d['files']) == 2" \
    "d['files'][0]['vendor'] == 'Active! gate SS' and rules(d['files'][0]) == []" \
    "[(r[0], r[2]) for r in allrules(d['files'][0])] == sorted([('by-reference', 5), ('quantity-missing', 12), ('quantity-missing', 17), ('quantity-missing', 47)] + [('undisclosed', n) for n in (10, 11, 13, 19, 20, 21, 25, 40)], key=repr)" \
    "d['files'][0]['header_line'] == 7 and d['files'][0]['items_found'] == 49" \
    "d['files'][0]['encoding'] == 'UTF-8' and d['files'][0]['delimiter'] == 'tab'" \
    "d['files'][1]['vendor'] == 'qlingo' and d['files'][1]['header_line'] == 8" \
    "rules(d['files'][1]) == []" \
    "d['files'][1]['missing'] == [] and d['files'][1]['duplicates'] == [] and d['files'][1]['unknown'] == []" \
    "d['summary'] == {'files': 2, 'unreadable': 0, 'errors': 0, 'warnings': 8, 'info': 15, 'exit_code': 0}" \
    "d['checklist']['id'] == 'meti-cloud-sla-2010'"

# --fail-on: the seeds have warnings and info but no errors
run $SLACHECK validate --fail-on warning --format json "$EX/qlingo.tsv"
expect_rc 1 "validate --fail-on warning qlingo.tsv"
cp "$TMP/out" "$TMP/w.json"
jcheck "$TMP/w.json" "d['summary']['exit_code'] == 1"
run $SLACHECK validate --fail-on error "$EX/active-gate-ss.tsv"
expect_rc 0 "validate --fail-on error active-gate-ss.tsv"
run $SLACHECK validate --fail-on warning "$EX/active-gate-ss.tsv"
expect_rc 1 "validate --fail-on warning active-gate-ss.tsv"
run $SLACHECK validate --fail-on info "$EX/active-gate-ss.tsv"
expect_rc 1 "validate --fail-on info active-gate-ss.tsv"

finish

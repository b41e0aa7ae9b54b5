#!/bin/sh
# t-facts.sh - the facts read from each answer (convert --format json), item
# by item, on both real vendor files where the answer states them, and on
# quantities.tsv (tests/gen_fixtures.py: quantities written the hard ways).
# Values are in base units (seconds, percent, items); every fact's span must
# point at the vendor's own words (spans_ok). Helpers: tests/check_json.py.
. "$ROOT/tests/lib.sh"

run $SLACHECK convert "$EX/active-gate-ss.tsv" -o - --format json
expect_rc 0 "convert active-gate-ss.tsv --format json"
cp "$TMP/out" "$TMP/ag.json"
run $SLACHECK convert "$EX/qlingo.tsv" -o - --format json
expect_rc 0 "convert qlingo.tsv --format json"
cp "$TMP/out" "$TMP/q.json"

# every fact of every item of both seeds: its text is the answer at its span
jcheck "$TMP/ag.json" "[n for n in items if not spans_ok(n)] == []" \
    "all('facts' in items[n] for n in range(1, 50))"
jcheck "$TMP/q.json" "[n for n in items if not spans_ok(n)] == []"

# ---- Active! gate SS ----------------------------------------------------------
jcheck "$TMP/ag.json" \
    "TB(1) == [(0, 1440, 7, '24時間365日')] and F(1)[0]['span'] == [0, 8] and F(1)[0]['summary'] == '24h x 7d'" \
    "PR(2) == ('yes', '【有】') and F(2)[0]['span'] == [0, 3]" \
    "QT(2) == [(1209600, 'ge', 2, 'week', '2週間前までに')]" \
    "[f['summary'] for f in F(2) if f['type'] == 'quantity'] == ['≥ 2 weeks']" \
    "[(f['dimension'], f['span']) for f in F(2) if f['type'] == 'quantity'] == [('duration', [4, 11])]" \
    "QT(3) == [(5184000, 'ge', 2, 'month', '2か月前までに')]" \
    "PR(4) == ('no', '【無】') and QT(4) == []" \
    "DI(5) == [('by-reference', '約款にてSLAを記載')] and QT(5) == [] and PR(5) is None" \
    "PR(6) == ('no', '【無】') and PR(7) == ('yes', '【有】') and PR(8) == ('no', '【無】')" \
    "DI(10) == [('undisclosed', '明示できません')] and QT(10) == [(21600, 'le', 6, 'hour', '6時間以内')]" \
    "items[11]['answer'] == '同上'" \
    "DI(11) == [('same-as-above', '同上'), ('undisclosed', '同上')]" \
    "QT(11) == [(21600, 'le', 6, 'hour', '同上')] and all(f['span'] == [0, 2] for f in F(11))" \
    "[bare(f) for f in F(11)[1:]] == [bare(f) for f in F(10)]" \
    "QT(12) == [(86400, 'ge', 1, 'day', '1日以上')]" \
    "[f['basis'] for f in F(12)] == ['actual']" \
    "PR(13) == ('yes', '【有】') and DI(13) == [('undisclosed', '非公開')]" \
    "QT(15) == [(2400, 'le', 40, 'minute', '40分以内')]" \
    "QT(16) == [(0, 'eq', 0, None, 'リアルタイム')]" \
    "F(17) == [] and TB(47) == [(0, 1440, None, '常時')] and QT(47) == []" \
    "PR(18) == ('no', '【無】') and DI(18) == [('by-reference', 'マニュアルをご確認')]" \
    "all(DI(n) == [('undisclosed', '非公開')] and QT(n) == [] for n in (19, 20, 21, 25))" \
    "TB(26) == [(0, 1440, 7, '24時間365日')] and F(26)[0]['span'] == [10, 18]" \
    "TB(27) == [(600, 1020, 5, '10:00~17:00')] and F(27)[0]['span'] == [9, 20] and F(27)[0]['summary'] == '10:00-17:00 x 5d'" \
    "PR(28) == ('yes', '【有】') and (7, 'eq', 7, 'generation', '7世代') in QT(28)" \
    "(86400, 'eq', 86400, None, '日次') in QT(28)" \
    "QT(29) == [(86400, 'eq', 86400, None, '前日分')] and F(29)[0]['summary'] == '1 day'" \
    "QT(30) == [(604800, 'eq', 7, 'day', '7日間')] and F(30)[0]['dimension'] == 'duration'" \
    "QT(32) == [(7, 'eq', 7, 'generation', '7世代')] and F(32)[0]['dimension'] == 'count' and F(32)[0]['summary'] == '7 generations'" \
    "PR(33) == ('yes', '【有】') and len(F(33)) == 1" \
    "DI(35) == [('by-reference', '約款をご確認')] and QT(35) == []" \
    "sorted(set(x[1] for x in TH(39))) == ['iso27001', 'iso27017', 'iso27018', 'iso27701']" \
    "all(x[0] == 'certification' and x[2] is False for x in TH(39))" \
    "[x[3] for x in TH(39) if x[3].startswith('ISO')] == ['ISO/IEC 27001', 'ISO/IEC 27017', 'ISO/IEC 27018', 'ISO/IEC 27701']" \
    "('certification', 'iso27017', False, 'ISO/IEC 27017') in TH(39) and len(TH(39)) == 4" \
    "all(f['status'] == 'yes' for f in F(39) if f['type'] == 'thing')" \
    "not any(x[1] == 'isms' for x in TH(39))" \
    "PR(42) == ('yes', '【有】') and TH(42) == [('protocol', 'tls1.2', False, 'TLS1.2')]" \
    "QT(46) == [(94608000, 'eq', 3, 'year', '3年間')]" \
    "PR(49) is None and TH(49) == [('place', 'domestic', False, '日本国内'), ('place', 'overseas', True, '諸外国')]" \
    "[f['summary'] for f in F(49)] == ['domestic', 'not overseas']"

# ---- Qlingo ------------------------------------------------------------------------
jcheck "$TMP/q.json" \
    "TB(1) == [(0, 1440, 7, '24時間365日')]" \
    "PR(2) == ('yes', '【有】') and QT(2) == [(259200, 'ge', 3, 'day', '3日前までに')]" \
    "[f['summary'] for f in F(2) if f['type'] == 'quantity'] == ['≥ 3 days']" \
    "QT(3) == [(2592000, 'ge', 1, 'month', '1ヶ月前までに')]" \
    "QT(5) == [(99.9, 'ge', 99.9, 'percent', '99.9%以上')] and DI(5) == [] and PR(5) is None" \
    "[(f['dimension'], f['summary'], f['basis']) for f in F(5)] == [('percentage', '≥ 99.9% (target)', 'target')]" \
    "PR(6) == ('yes', '【有】') and QT(6) == [(604800, 'eq', 1, 'week', '1週間'), (86400, 'eq', 86400, None, '日次')]" \
    "PR(7) == ('no', '【無】')" \
    "F(10) == [] and F(12) == []" \
    "QT(11) == [(18000, 'le', 5, 'hour', '5時間以内'), (86400, 'le', 24, 'hour', '24時間以内')]" \
    "PR(13) == ('yes', '【有】') and TB(13) == [(0, 1440, 7, '24時間365日')]" \
    "F(15) == [] and F(17) == []" \
    "QT(16) == [(300, 'eq', 5, 'minute', '5分間')]" \
    "PR(18) == ('no', '行っていません')" \
    "all(F(n) == [{'type': 'disclosure', 'id': 'undisclosed', 'summary': 'undisclosed', 'span': [0, 9], 'text': '公開しておりません'}] for n in (19, 20, 21))" \
    "TB(26) == [(0, 1440, 7, '24時間365日')]" \
    "TB(27) == [(600, 1020, 5, '10:00～17:00')] and QT(27) == [(172800, 'ge', 2, 'day', '2'), (259200, 'le', 3, 'day', '3営業日以内')]" \
    "PR(28) == ('yes', '【有】')" \
    "DI(29) == [('undisclosed', '公開しておりません')] and QT(29) == [(86400, 'le', 24, 'hour', '24時間以内')]" \
    "QT(30) == [(604800, 'le', 1, 'week', '最大で1週間')]" \
    "QT(32) == [(7, 'eq', 7, 'generation', '7世代')]" \
    "PR(33) == ('yes', '【有】') and TH(33) == [('protocol', 'tls1.2', False, 'TLSv1.2')]" \
    "DI(35) == [('by-reference', '利用規約に定め')]" \
    "PR(39) == ('no', '【無】') and TH(39) == [] and F(39) == [F(39)[0]]" \
    "TH(42) == [('protocol', 'tls1.2', False, 'TLSv1.2')]" \
    "QT(47) == [(0, 'eq', 0, None, 'リアルタイム')]" \
    "PR(49) == ('yes', '【有】') and TH(49) == []"

# the same facts from the same answers in other encodings and layouts
for fx in utf16le.tsv repeated-header.tsv english-header.tsv; do
    run $SLACHECK convert "$FIX/$fx" -o "$TMP/$fx.json"
    expect_rc 0 "convert $fx"
    jcheck "$TMP/$fx.json" "[i['facts'] for i in d['items']] == [i['facts'] for i in json.load(open('$TMP/ag.json'))['items']]"
done
for fx in cp932-crlf.csv eucjp.tsv semicolon.csv; do
    run $SLACHECK convert "$FIX/$fx" -o "$TMP/$fx.json"
    expect_rc 0 "convert $fx"
    jcheck "$TMP/$fx.json" "[i['facts'] for i in d['items']] == [i['facts'] for i in json.load(open('$TMP/q.json'))['items']]"
done
# line breaks inside cells (bom-quoted-newline.csv: spaces became LF) move nothing
run $SLACHECK convert "$FIX/bom-quoted-newline.csv" -o "$TMP/bom.json"
expect_rc 0 "convert bom-quoted-newline.csv"
jcheck "$TMP/bom.json" "[n for n in items if not spans_ok(n)] == []" \
    "QT(2) == [(1209600, 'ge', 2, 'week', '2週間前までに')] and F(2)[1]['span'] == [4, 11]" \
    "[bare(f) for f in F(39)] == [bare(f) for f in json.load(open('$TMP/ag.json'))['items'][38]['facts']]" \
    "TH(42)[0] == ('protocol', 'tls1.2', False, 'TLS1.2')"

# ---- quantities.tsv: the hard phrasings ------------------------------------------
run $SLACHECK convert "$FIX/quantities.tsv" -o - --format json
expect_rc 0 "convert quantities.tsv"
cp "$TMP/out" "$TMP/qq.json"
jcheck "$TMP/qq.json" "[n for n in items if not spans_ok(n)] == []" \
    "all(items[int(n)]['answer'] == a['answer'] for n, a in M['quantities.tsv']['answers'].items())" \
    "TB(1) == [(0, 1440, 7, '24時間365日')]" \
    "QT(2) == [(1209600, 'ge', 2, 'week', '２週間前までに')]" \
    "QT(3) == [(259200, 'ge', 3, 'day', '三日前までに')]" \
    "QT(5) == [(99.95, 'ge', 99.95, 'percent', '99.95%以上')]" \
    "QT(6) == [(1209600, 'eq', 14, 'day', '十四日')]" \
    "PR(8) == ('not-applicable', '該当なし') and DI(8) == [('not-applicable', '該当なし')]" \
    "QT(10) == [(21600, 'le', 6, 'hour', '6時間以内')]" \
    "QT(11) == [(259200, 'le', 3, 'day', '最大3日')]" \
    "QT(12) == [(0, 'eq', 0, 'times', '〇件')]" \
    "QT(15) == [(2400, 'le', 40, 'minute', '40分以内')]" \
    "QT(16) == [(300, 'eq', 5, 'minute', '5分間')]" \
    "F(19) == [{'type': 'disclosure', 'id': 'undisclosed', 'summary': 'undisclosed', 'span': [0, 3], 'text': '非公開'}]" \
    "DI(20) == [('by-reference', '利用規約に記載')] and F(20)[0]['span'] == [0, 7]" \
    "QT(21) == [(7200, 'lt', 2, 'hour', '2時間未満')]" \
    "TB(26) == [(0, 1440, 7, '２４時間３６５日')] and QT(26) == []" \
    "TB(27) == [(540, 1080, 5, '9:00～18:00')] and F(27)[0]['span'] == [2, 12] and QT(27) == []" \
    "QT(30) == [(604800, 'eq', 1, 'week', '1週間')] and QT(46) == [(604800, 'eq', 7, 'day', '7日間')]" \
    "QT(30)[0][0] == QT(46)[0][0]" \
    "QT(31) == [(2592000, 'le', 30, 'day', '三十日以内')]" \
    "QT(32) == [(7, 'eq', 7, 'generation', '７世代')]" \
    "QT(36) == [(7776000, 'le', 90, 'day', '90日以内')]"
# and what validate makes of them: numbers found, 該当なし is no 有/無 warning,
# nor is item 18's 「…ログ提供は行っていません。」, which says 無 in words
run $SLACHECK validate --format json "$FIX/quantities.tsv"
expect_rc 0 "validate quantities.tsv"
cp "$TMP/out" "$TMP/qv.json"
jcheck "$TMP/qv.json" \
    "allrules(f) == S([('quantity-missing', 'warning', 17, 26), ('undisclosed', 'info', 19, 28), ('by-reference', 'info', 20, 29), ('undisclosed', 'info', 29, 42)] + QLINGO_WORDS)"

finish

/* rules.c - the rule table and message rendering. */
#include "rules.h"

#include "profile.h"

#include <stdio.h>
#include <string.h>

static const slc_rule_info rules[SLC_RULE_N] = {
    [SLC_RULE_MISSING_ITEM] =
        {"missing-item", SLC_SEV_ERROR, "An item of the checklist has no row.",
         "チェックリストの項目に対応する行がありません。", "item {item} ({name}) is missing",
         "項目 {item}（{name}）がありません",
         "Add a row for the item with its number, name and answer; if the service does not offer it, answer so (for example 【無】) rather than leave the row out.",
         "項目の番号・項目名・回答を持つ行を追加してください。提供していない場合も行を省かず、その旨（例:【無】）を回答してください。"},
    [SLC_RULE_DUPLICATE_ITEM] =
        {"duplicate-item", SLC_SEV_ERROR,
         "An item is given more than once (error if the answers differ, warning if identical).",
         "同じ項目が複数回あります（回答が異なればエラー、同一なら警告）。",
         "item {item} ({name}) is given again (first at line {line2}){conflict}",
         "項目 {item}（{name}）が重複しています（最初は {line2} 行目）{conflict}",
         "Keep one row per item: merge the answers into one row and delete the others.",
         "項目ごとに行を一つにしてください。回答を一つの行にまとめ、ほかの行を削除してください。"},
    [SLC_RULE_UNKNOWN_ITEM] =
        {"unknown-item", SLC_SEV_WARNING, "A row looks like an item but is not in the checklist.",
         "項目のような行ですが、チェックリストにありません。",
         "item {item} \"{found}\" is not in the checklist",
         "項目 {item}「{found}」はチェックリストにありません",
         "Check the row's number against the checklist: correct a mistyped number, or move notes that are not items out of the table.",
         "行の番号をチェックリストと照合してください。番号の誤りを直すか、項目でない注記は表の外に移してください。"},
    [SLC_RULE_EMPTY_ANSWER] =
        {"empty-answer", SLC_SEV_ERROR, "An item has no answer.", "回答が空です。",
         "item {item} ({name}) has no answer", "項目 {item}（{name}）の回答が空です",
         "Write the answer in the answer (回答) cell; if the value is not disclosed, say so (非公開) rather than leave it empty.",
         "回答欄に回答を書いてください。値を公開しない場合も空欄にせず、その旨（非公開）を書いてください。"},
    [SLC_RULE_NAME_MISMATCH] =
        {"name-mismatch", SLC_SEV_WARNING,
         "The item name is not the checklist's name for its number.",
         "項目名が、その番号のチェックリストの項目名と異なります。",
         "item {item} is named \"{found}\", expected \"{expected}\"{other}",
         "項目 {item} の名前が「{found}」です。正しくは「{expected}」{other}",
         "Use the checklist's item name for this number, or correct the number if the row belongs to another item.",
         "この番号のチェックリストの項目名を使ってください。別の項目の行であれば番号を直してください。"},
    [SLC_RULE_CATEGORY_MISMATCH] =
        {"category-mismatch", SLC_SEV_WARNING, "The 種別 (category) does not match the item.",
         "種別が項目と一致しません。",
         "item {item} ({name}) is in category \"{found}\", expected \"{expected}\"",
         "項目 {item}（{name}）の種別が「{found}」です。正しくは「{expected}」",
         "Use the checklist's category (種別) for this item.",
         "この項目にはチェックリストの種別を使ってください。"},
    [SLC_RULE_UNIT_MISMATCH] =
        {"unit-mismatch", SLC_SEV_WARNING, "The unit (測定単位) does not match the item.",
         "測定単位が項目と一致しません。",
         "item {item} ({name}) has unit \"{found}\", expected \"{expected}\"",
         "項目 {item}（{name}）の測定単位が「{found}」です。正しくは「{expected}」",
         "Use the checklist's unit (測定単位) for this item, and give the answer in that unit.",
         "この項目にはチェックリストの測定単位を使い、その単位で回答してください。"},
    [SLC_RULE_PRESENCE_NOT_STATED] =
        {"presence-not-stated", SLC_SEV_WARNING, "A 有無 item does not say 有 or 無.",
         "有無の項目で 有／無 が明記されていません。",
         "item {item} ({name}) does not state 有 or 無 (e.g. 【有】 or 【無】)",
         "項目 {item}（{name}）の回答に 有／無 が明記されていません（例:【有】【無】）",
         "Begin the answer with 【有】 or 【無】, then give the details.",
         "回答の最初に【有】または【無】を書き、続けて詳細を書いてください。"},
    [SLC_RULE_UNDECODABLE_TEXT] =
        {"undecodable-text", SLC_SEV_ERROR, "Bytes that are not valid in the file's encoding.",
         "文字コードとして不正なバイトがあります。",
         "{cell}bytes {found} at byte offset {expected} are not valid {encoding}{more}",
         "{cell}バイトオフセット {expected} のバイト {found} は {encoding} として不正です{more}",
         "Save the file again in UTF-8 (or the encoding it declares) from the vendor's original, and check the characters around the byte offset.",
         "ベンダーの元ファイルから UTF-8（または宣言した文字コード）で保存し直し、示したバイトオフセット付近の文字を確認してください。"},
    [SLC_RULE_NO_ITEMS] =
        {"no-items", SLC_SEV_ERROR, "No checklist item was found in the file.",
         "チェックリストの項目が見つかりません。", "no checklist items found",
         "チェックリストの項目が見つかりません",
         "Check that the file is a checklist answer: a table with the item number, name and answer columns (see docs/checklist-format.md).",
         "ファイルがチェックリストの回答か確認してください。項目番号・項目名・回答の列を持つ表が必要です（docs/checklist-format.md）。"},
    [SLC_RULE_QUANTITY_MISSING] =
        {"quantity-missing", SLC_SEV_WARNING,
         "A measurable item (time, percentage, count, time band) states no value.",
         "測定できる項目（時間・割合・回数・時間帯）に数値がありません。",
         "item {item} ({name}) gives no {kind}", "項目 {item}（{name}）に{kind}がありません",
         "State the value with its unit and bound, for example 99.9%以上 or 24時間以内; say 非公開 if it is not disclosed.",
         "値を単位と範囲付きで書いてください（例: 99.9%以上、24時間以内）。公開しない場合は非公開と書いてください。"},
    [SLC_RULE_UNDISCLOSED] =
        {"undisclosed", SLC_SEV_INFO, "The answer says the value is not disclosed.",
         "回答が非公開としています。", "item {item} ({name}) is not disclosed: \"{found}\"",
         "項目 {item}（{name}）は非公開です:「{found}」",
         "Ask the vendor for the value if it matters for the comparison; comparisons rank an undisclosed answer below a stated one.",
         "比較に必要であればベンダーに値を問い合わせてください。比較では非公開の回答は明記された回答より下に並びます。"},
    [SLC_RULE_BY_REFERENCE] =
        {"by-reference", SLC_SEV_INFO,
         "The answer refers to another document instead of stating the value.",
         "値を書かず、別の文書を参照しています。",
         "item {item} ({name}) refers elsewhere: \"{found}\"",
         "項目 {item}（{name}）は別の文書を参照しています:「{found}」",
         "Copy the value from the referenced document into the answer, or ask the vendor to state it.",
         "参照先の文書の値を回答に書き写すか、ベンダーに明記を求めてください。"},
    [SLC_RULE_IMPOSSIBLE_VALUE] =
        {"impossible-value", SLC_SEV_WARNING,
         "The answer gives a value no answer can mean (25:61, 999.9%); it is not read as a fact.",
         "あり得ない値（25:61、999.9% など）があります。事実としては読み取りません。",
         "item {item} ({name}) gives an impossible value: \"{found}\"",
         "項目 {item}（{name}）にあり得ない値があります:「{found}」",
         "Correct the value (a time such as 25:61, a percentage over 100); it is ignored until then.",
         "値（25:61 のような時刻、100 を超える割合など）を直してください。直すまでその値は使われません。"},
    [SLC_RULE_CONSISTENCY] =
        {"consistency", SLC_SEV_WARNING,
         "Answers contradict each other (rules declared in the checklist).",
         "回答どうしが矛盾しています（チェックリストで定義された規則）。", "{found}", "{found}",
         "Make the answers agree: the checklist declares which answers must not contradict each other.",
         "回答どうしを一致させてください。どの回答が矛盾してはならないかはチェックリストが定めています。"},
    [SLC_RULE_REQUIREMENT_NOT_MET] =
        {"requirement-not-met", SLC_SEV_ERROR,
         "A buyer's requirement (profile) is not met (error for must, warning for should).",
         "購入者の要件（プロファイル）を満たしていません（must はエラー、should は警告）。",
         "item {item} ({name}) does not meet {level} requirement {requirement}: \"{found}\"{same_as} ({expected})",
         "項目 {item}（{name}）は{level}要件 {requirement} を満たしていません:「{found}」{same_as}（{expected}）",
         "The answer falls short of the buyer's profile: ask the vendor whether a better commitment is possible, or weigh the gap.",
         "回答が購入者のプロファイルの要件に届きません。ベンダーにより良い条件が可能か確認するか、差を評価してください。"},
    [SLC_RULE_REQUIREMENT_UNKNOWN] =
        {"requirement-unknown", SLC_SEV_WARNING,
         "The answer does not say whether a requirement is met (undisclosed or not stated).",
         "要件を満たすか回答から判断できません（非公開または記載なし）。",
         "item {item} ({name}): cannot tell whether it meets {level} requirement {requirement} ({expected}): \"{found}\"{same_as}",
         "項目 {item}（{name}）が{level}要件 {requirement} を満たすか判断できません（{expected}）:「{found}」{same_as}",
         "Ask the vendor to state the value the requirement needs.",
         "要件の判断に必要な値を明記するようベンダーに求めてください。"},
    [SLC_RULE_PATTERN_LIMIT] =
        {"pattern-limit", SLC_SEV_WARNING,
         "A profile's pattern backtracked past the match limits on an answer: the requirement is "
         "unknown, not unmet.",
         "プロファイルのパターンが回答の照合で上限を超えました。要件は「不明」とし、「不一致」とはしません。",
         "item {item} ({name}): requirement {requirement} stopped at the match limits (its pattern "
         "backtracks too much): unknown, not \"not matched\"; simplify the pattern",
         "項目 {item}（{name}）: 要件 {requirement} のパターンが照合の上限で止まりました"
         "（後戻りが多すぎます）。「不一致」ではなく「不明」とします。パターンを簡単にしてください",
         "Simplify the profile's pattern (no nested repetition such as (a*)*), or write the requirement as a quantity.",
         "プロファイルのパターンを簡単にしてください（(a*)* のような入れ子の繰り返しを避ける）。あるいは要件を数量で書いてください。"},
    [SLC_RULE_IGNORED_ROW] =
        {"ignored-row", SLC_SEV_INFO,
         "A row inside the table that is neither an item, a header nor a section.",
         "表の中にあるが、項目・見出し・区分のいずれでもない行です。", "row ignored: \"{found}\"",
         "行を無視しました:「{found}」",
         "Nothing to do if the row is a note; if it is an item, give it its number.",
         "注記の行であれば対応は不要です。項目の行であれば番号を付けてください。"},
    [SLC_RULE_KNOWN_VARIANT] =
        {"known-variant", SLC_SEV_INFO,
         "The item's name, definition or unit is a variant the checklist lists, not its own words.",
         "項目名・規定内容・測定単位が、チェックリストに登録された別表記です。",
         "item {item} ({name}): the {field} \"{found}\" is a known variant of \"{expected}\"",
         "項目 {item}（{name}）の{field}「{found}」は「{expected}」の既知の別表記です",
         "Nothing to do: the variant is read as the checklist's own words; use them in new files.",
         "対応は不要です。別表記はチェックリストの表記として読み取ります。新しいファイルではチェックリストの表記を使ってください。"},
    [SLC_RULE_DEFINITION_MISMATCH] =
        {"definition-mismatch", SLC_SEV_WARNING,
         "The definition (規定内容) differs from the checklist's.",
         "規定内容がチェックリストと異なります。",
         "item {item} ({name}) has a definition that differs from the checklist: \"{found}\" where it says \"{expected}\"",
         "項目 {item}（{name}）の規定内容がチェックリストと異なります:「{found}」（チェックリストでは「{expected}」）",
         "Copy the definition (規定内容) from the checklist, or check that the row is the item its number says.",
         "規定内容をチェックリストから写すか、その行が番号どおりの項目か確認してください。"},
    [SLC_RULE_DEFINITION_CUT_SHORT] =
        {"definition-cut-short", SLC_SEV_WARNING,
         "The definition (規定内容) stops before the checklist's ends.",
         "規定内容が途中で切れています。",
         "item {item} ({name}) has its definition cut short: it ends \"{found}\", the checklist goes on \"{expected}\"",
         "項目 {item}（{name}）の規定内容が途中で切れています:「{found}」で終わり、チェックリストでは「{expected}」と続きます",
         "Give the definition (規定内容) in full, as the checklist has it; a spreadsheet cell may have cut it.",
         "規定内容をチェックリストどおり最後まで書いてください。表計算ソフトのセルで切れていることがあります。"},
};

const slc_rule_info *slc_rule_get(slc_rule rule)
{
    return (unsigned)rule < SLC_RULE_N ? &rules[rule] : NULL;
}

const char *slc_finding_rule_id(const slc_finding *f)
{
    if (f->rule == SLC_RULE_CONSISTENCY && f->cross_rule)
        return f->cross_rule->id;
    return rules[f->rule].id;
}

const char *slc_severity_id(slc_severity s)
{
    static const char *ids[] = {"info", "warning", "error"};
    return (unsigned)s < 3 ? ids[s] : "?";
}

int slc_severity_parse(const char *s, slc_severity *out)
{
    for (int i = 0; i < 3; i++)
        if (!strcmp(s, slc_severity_id((slc_severity)i))) {
            *out = (slc_severity)i;
            return 1;
        }
    return 0;
}

/* At most this many bytes of vendor text go into one message. */
#define QUOTE_MAX 80

static void add_quoted(slc_buf *out, const char *s)
{
    size_t n = strlen(s), cut = n;
    if (n > QUOTE_MAX) {
        cut = QUOTE_MAX;
        while (cut && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut--;
    }
    for (size_t i = 0; i < cut; i++)
        slc_buf_addc(out, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i]);
    if (cut < n)
        slc_buf_adds(out, "…");
}

static int is_key(const char *key, size_t k, const char *name)
{
    return strlen(name) == k && !strncmp(key, name, k);
}

/* what a cell of a row is called in messages */
static const char *role_label(slc_role role, slc_lang lang)
{
    static const char *const en[SLC_ROLE_COUNT] = {
        "cell", "number", "category", "name", "definition", "unit", "answer", "remarks", "example"};
    static const char *const ja[SLC_ROLE_COUNT] = {"セル",     "番号", "種別", "項目名", "規定内容",
                                                   "測定単位", "回答", "備考", "設定例"};
    if ((unsigned)role >= SLC_ROLE_COUNT)
        role = SLC_ROLE_NONE;
    return lang == SLC_LANG_JA ? ja[role] : en[role];
}

void slc_finding_message(slc_buf *out, const slc_doc *doc, const slc_finding *f, slc_lang lang)
{
    const slc_rule_info *r = slc_rule_get(f->rule);
    const char *t = lang == SLC_LANG_JA ? r->message_ja : r->message_en;
    if (f->rule == SLC_RULE_CONSISTENCY && f->cross_rule) {
        slc_buf_adds(out, slc_label_get(&f->cross_rule->message, lang));
        return;
    }
    const slc_cat_item *it = f->item > 0 ? slc_catalog_item(doc->cat, f->item) : NULL;
    if (f->rule == SLC_RULE_UNDECODABLE_TEXT && !f->found) /* no bad bytes found in it */
        t = lang == SLC_LANG_JA ? "{cell}復号できなかった文字（U+FFFD）を含みます"
                                : "{cell}it holds characters that could not be decoded (U+FFFD)";
    while (*t) {
        if (*t != '{') {
            slc_buf_addc(out, *t++);
            continue;
        }
        const char *end = strchr(t, '}');
        if (!end) {
            slc_buf_adds(out, t);
            break;
        }
        size_t k = (size_t)(end - t - 1);
        const char *key = t + 1;
        if (is_key(key, k, "item"))
            slc_buf_addf(out, "%d", f->item);
        else if (is_key(key, k, "name"))
            slc_buf_adds(out, it ? slc_label_get(&it->name, lang) : "");
        else if (is_key(key, k, "encoding"))
            slc_buf_adds(out, doc->encoding ? doc->encoding : "");
        else if (is_key(key, k, "cell") && f->role) {
            slc_buf_addf(out, lang == SLC_LANG_JA ? "項目 %d" : "item %d", f->item);
            if (it)
                slc_buf_addf(out, lang == SLC_LANG_JA ? "（%s）" : " (%s)",
                             slc_label_get(&it->name, lang));
            slc_buf_addf(out,
                         lang == SLC_LANG_JA ? "の%sセルが読めません: "
                                             : ": the %s cell cannot be read: ",
                         role_label(f->role, lang));
        } else if (is_key(key, k, "more") && f->count > 1)
            slc_buf_addf(out,
                         lang == SLC_LANG_JA
                             ? (f->role ? "（このセルに %ld か所）" : "（この行に %ld か所）")
                             : (f->role ? " (%ld bad sequences in the cell)"
                                        : " (%ld bad sequences on the line)"),
                         f->count);
        else if (is_key(key, k, "name_ja"))
            slc_buf_adds(out, it ? it->name.ja : "");
        else if (is_key(key, k, "found"))
            add_quoted(out, f->found ? f->found : "");
        else if (is_key(key, k, "expected") && f->req && lang == SLC_LANG_JA) /* reason in words */
            add_quoted(out, slc_req_reason_label(f->expected, lang));
        else if (is_key(key, k, "expected"))
            add_quoted(out, f->expected ? f->expected : "");
        else if (is_key(key, k, "kind") && it) {
            static const char *const en[SLC_KIND_N] = {
                "yes/no",
                "time value (e.g. 24時間以内)",
                "time band (e.g. 24時間365日, 平日9:00~17:00)",
                "percentage",
                "number",
                "frequency or interval",
                "text"};
            static const char *const ja[SLC_KIND_N] = {"有無",
                                                       "時間の値（例: 24時間以内）",
                                                       "時間帯（例: 24時間365日、平日9:00~17:00）",
                                                       "割合（%）",
                                                       "数値",
                                                       "頻度・間隔",
                                                       "記述"};
            slc_buf_adds(out, lang == SLC_LANG_JA ? ja[it->kind] : en[it->kind]);
        } else if (is_key(key, k, "requirement") && f->req) {
            slc_requirement_describe(f->req, lang, out);
        } else if (is_key(key, k, "level") && f->req) {
            slc_buf_adds(out, f->req->level == SLC_LEVEL_MUST
                                  ? (lang == SLC_LANG_JA ? "必須" : "must")
                                  : (lang == SLC_LANG_JA ? "推奨" : "should"));
        } else if (is_key(key, k, "line2"))
            slc_buf_addf(out, "%ld", f->line2);
        else if (is_key(key, k, "conflict"))
            slc_buf_adds(
                out, f->conflict
                         ? (lang == SLC_LANG_JA ? "。回答が異なります。最初の回答を使います"
                                                : " with a different answer; the first is used")
                         : (lang == SLC_LANG_JA ? "。回答は同一です" : " with the same answer"));
        else if (is_key(key, k, "same_as") && f->other > 0) /* the answer is 同上 */
            slc_buf_addf(out,
                         lang == SLC_LANG_JA ? "（同上: 項目 %d、%ld 行目の回答）"
                                             : " (同上: the answer to item %d, line %ld)",
                         f->other, f->line2);
        else if (is_key(key, k, "field"))
            slc_buf_adds(out, role_label(f->role, lang));
        else if (is_key(key, k, "other") && f->other > 0)
            slc_buf_addf(out,
                         lang == SLC_LANG_JA ? "（項目 %d の名前です）"
                                             : " (that is the name of item %d)",
                         f->other);
        t = end + 1;
    }
}

void slc_doc_count(const slc_doc *doc, size_t counts[3])
{
    counts[0] = counts[1] = counts[2] = 0;
    for (size_t i = 0; i < doc->nfindings; i++)
        counts[doc->findings[i].severity]++;
}

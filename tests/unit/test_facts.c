/* test_facts.c - the facts read from an answer (facts_extract.c) against
 * the built-in checklist: a table of item, answer -> the facts as
 * slc_fact_describe() writes them, joined by " | ". One row per kind of
 * fact, bound, basis and status, and the pattern machinery under them
 * (hint words, where a match may begin, anchored matching): a person
 * changing the reader gets an answer in seconds (make unit). */
#include <stdlib.h>

#include "catalog.h"
#include "facts.h"
#include "unit.h"

typedef struct facts_case {
    int no; /* the item answered, 0 for none */
    const char *answer;
    const char *want;
} facts_case;

static const facts_case cases[] = {
    /* presence */
    {3, "【有】", "yes"},
    {3, "【無】", "no"},
    {3, "なし", "no"},
    /* quantities, their bounds and units */
    {5, "99.9%", "99.9%"},
    {5, "99.95%以上", "≥ 99.95%"},
    {10, "4時間", "4 hours"},
    {10, "最大3日", "≤ 3 days"},
    {10, "30分未満", "< 30 minutes"},
    {10, "1～4時間", "≥ 1 hour | ≤ 4 hours"},
    {32, "7", "7 generations"},
    {32, "7世代", "7 generations"},
    /* basis: target, guarantee, actual, condition */
    {5, "99.9%以上を目標", "≥ 99.9% (target)"},
    {5, "99.9%を保証", "99.9% (guarantee)"},
    {5, "直近3ヶ月の実績99.95%", "99.95% (actual)"},
    {5, "99.5%を下回った月は利用料の25%を減額", "< 99.5% (condition)"},
    /* a bound verb denied is the opposite bound, and no condition */
    {5, "稼働率は99.9%を下回らないよう運用しています。", "≥ 99.9%"},
    {5, "月間稼働率が99.5%を下回ることはありません", "≥ 99.5%"},
    {10, "復旧までに8時間を超えることはございません。", "≤ 8 hours"},
    {15, "検知後15分を超えない範囲でご連絡します", "≤ 15 minutes"},
    {5, "99%を下回った月は返金します", "< 99% (condition)"},
    /* past figures are actual; time passed before deletion is a threshold */
    {5, "昨年度の稼働率は99.98%でした。", "99.98% (actual)"},
    {5, "2024年の年間稼働率は100%でした", "100% (actual)"},
    {31, "解約日から60日を経過したデータは消去されます", "yes | > 60 days (condition)"},
    /* 24時間 in an item that measures a duration is a duration */
    {29, "RPOは24時間", "24 hours"},
    {11, "目標復旧時間：24時間", "24 hours (target)"},
    {26, "障害受付は24時間", "24h"},
    /* a weekday after an ordinal week: 第2日曜日 */
    {1, "定期メンテナンスは毎月第2日曜日 1:00～5:00", "01:00-05:00 x 1d | 1 month"},
    /* a label just before a number decides its basis */
    {5, "目標値：99.9%、実績値：99.98%", "99.9% (target) | 99.98% (actual)"},
    {5, "保証値 99.5% / 目標値 99.9%", "99.5% (guarantee) | 99.9% (target)"},
    {5, "99.999%以上を目標値として定め、SLAとして保証", "≥ 99.999% (guarantee)"},
    /* a guarantee denied */
    {10, "SLAは設けておりませんが、4時間以内の復旧を目指します。", "≤ 4 hours (target)"},
    {5, "Availability of 99.9% is not guaranteed.", "99.9% (target)"},
    /* the share refunded is no quantity */
    {5, "99.9%未満：10%返金、99.0%未満：25%返金", "< 99.9% (condition) | < 99% (condition)"},
    {5, "稼働率99.5%未満の場合、返金率は月額の50%", "< 99.5% (condition)"},
    /* a rate in an item that measures a percentage says when, not what */
    {5, "稼働率は毎月ステータスページで公開しています。", ""},
    /* English bounds and commitments */
    {30, "Backups are retained for a minimum of 30 days.", "≥ 30 days"},
    {29, "Point-in-time recovery up to the last 5 minutes", "≤ 5 minutes"},
    {5, "Service Level Agreement: 99.9% monthly uptime", "99.9% (guarantee)"},
    {5, "Our uptime commitment is 99.95%.", "99.95% (guarantee)"},
    {46, "保存後14日間を経過すると自動的に削除されます", "> 14 days (condition)"},
    {29, "Encrypted nightly backups", "1 day"},
    {11, "RTO under 1 hour, RPO under 5 minutes.", "< 1 hour | < 5 minutes"},
    {27, "Normal requests: within 1 business day", "≤ 1 day"},
    {27, "Low priority: within 5 working days", "≤ 5 days"},
    /* a formula is no statement of a quantity */
    {5, "月間総稼働時間=60(分)×24(時間)×30(日)=43,200分", ""},
    {5, "稼働率 = (720 - 停止時間) ÷ 720 × 100", ""},
    /* numbers that are no quantity */
    {10, "第2火曜日", ""},
    {10, "料金の10分の1", ""},
    {0, "https://example.com/sla/3", ""},
    /* time bands and days a week */
    {1, "24時間365日", "24h x 7d"},
    {1, "平日9:00～18:00", "09:00-18:00 x 5d"},
    {1, "月～金 9時～17時", "09:00-17:00 x 5d"},
    /* English hours and round the clock */
    {26, "Phone support: 9am-6pm JST, Monday-Friday", "09:00-18:00 x 5d"},
    {27, "Chat support from 8:30 a.m. to 5:30 p.m. on weekdays", "08:30-17:30 x 5d"},
    {27, "Email support 24 hours a day, 365 days a year", "24h x 7d"},
    {27, "月曜～金曜（祝日除く）の午前10時から午後5時まで", "10:00-17:00 x 5d"},
    {26, "受付は午後1時～午後6時", "13:00-18:00"},
    {27, "Telephone support: 8:30 A.M. to 6:00 P.M. Monday – Friday", "08:30-18:00 x 5d"},
    {27, "Open 9am-5pm, Mondays to Fridays", "09:00-17:00 x 5d"},
    {49, "Backups are kept in Australian data centres.", "overseas"},
    {49, "データはドイツのデータセンターに保管", "overseas"},
    {27, "Business day: 8:30 ~ 17:30 EST Monday ~ Friday", "08:30-17:30 x 5d"},
    {26, "Hours: Mon–Fri, 9:00 a.m.–5:30 p.m. ET", "09:00-17:30 x 5d"},
    {27, "between the hours of 8:00 AM and 7:00 PM, Sunday through Thursday", "08:00-19:00 x 5d"},
    {26, "Urgent issues: 24 hours per day, 7 days per week", "24h x 7d"},
    {39, "We are not yet SOC 2 attested.", "not soc2"},
    {39, "We are not currently certified to ISO 27001, but hold ISMAP.",
     "yes | not iso27001 | ismap"},
    /* things: certifications, protocols, places, and their status */
    {0, "ISO/IEC 27001取得済み", "iso27001"},
    {0, "ISMAPは取得予定", "planned ismap"},
    {0, "SOC1/SOC2報告書", "soc1 | soc2"},
    {0, "TLS1.2/1.3", "tls1.2 | tls1.3"},
    {0, "データは日本国内に保管", "domestic"},
    {0, "海外には保管しません", "not overseas"},
    /* negation before the thing (English) */
    {42, "We do not support TLS 1.0 or TLS 1.1.", "not tls1.0 | not tls1.1"},
    {42, "TLS 1.0 is no longer supported; we use TLS 1.2.", "yes | not tls1.0 | tls1.2"},
    /* a status that is not held says no 有 by its ending */
    {39, "プライバシーマークは現在準備中です。", "planned privacy-mark"},
    {39, "ISMAPは検討中です", "planned ismap"},
    /* presence said by a noun ending (体言止め) or after a label */
    {44, "テナント間はデータを論理的に分離", "yes"},
    {42, "SSL/TLSによる暗号化", "yes | tls | ssl"},
    {38, "入力形式の制限：対応可", "yes"},
    {35, "補償：無", "no"},
    {38, "入力形式の制限には対応不可", "no"},
    {13, "30分以上にわたる参照または操作不可", "≥ 30 minutes (condition)"},
    {35, "保険：有", "yes"},
    {6, "遠隔地のデータセンターへバックアップを転送", "yes"},
    {2, "計画停止は1ヶ月前にメールで通知", "yes | 1 month"},
    {2, "緊急の場合はこの限りではありません。", ""},
    {9, "詳細な方針の回答は差し控えさせていただきます", "undisclosed"},
    {49, "保管場所は開示いたしかねます", "undisclosed"},
    /* compliance with a standard is not holding its certificate */
    {41, "ISO/IEC 27001:2022に準拠した運用を行っています。", ""},
    {39, "ISO27001に準拠した体制を整え、ISMS認証を取得しています", "yes | isms"},
    /* a past verb says it is done */
    {39, "当社は2015年にISMS認証を取得しました。", "yes | isms"},
    {35, "保険には加入しておりませんでした。", "no"},
    /* disclosure */
    {0, "SLAとしては非公開です", "undisclosed"},
    {0, "約款第12条に定める", "by-reference"},
    {0, "同上", "same-as-above"},
    {5, "稼働率の実績はステータスページで確認できます。", "by-reference"},
    {0, "上記と同上", ""},
};

static void summary(const slc_facts *f, slc_buf *out)
{
    slc_buf_clear(out);
    slc_buf_adds(out, "");
    for (size_t i = 0; i < f->n; i++) {
        if (i)
            slc_buf_adds(out, " | ");
        slc_fact_describe(&f->v[i], out);
    }
}

static void run_cases(const slc_catalog *cat, const char *round)
{
    slc_buf b;
    slc_buf_init(&b);
    for (size_t i = 0; i < N_OF(cases); i++) {
        const facts_case *c = &cases[i];
        slc_facts f = {0};
        slc_arena arena;
        slc_arena_init(&arena);
        const slc_cat_item *it = c->no ? slc_catalog_item(cat, c->no) : NULL;
        CHECK(!c->no || it, "%s: item %d not in the checklist", round, c->no);
        slc_facts_extract_item(cat, it, c->answer, &arena, &f);
        summary(&f, &b);
        CHECK(!strcmp(b.data, c->want), "%s: #%d 「%s」: got \"%s\", expected \"%s\"", round, c->no,
              c->answer, b.data, c->want);
        slc_facts_release(&f);
        slc_arena_release(&arena);
    }
    slc_buf_release(&b);
}

int main(void)
{
    /* twice, the catalog freed and loaded again between: what the reader
     * keeps about a catalog must not outlive it */
    for (int round = 0; round < 2; round++) {
        slc_catalog *cat = NULL;
        slc_error err;
        memset(&err, 0, sizeof(err));
        if (slc_catalog_load(NULL, &cat, &err) != SLC_OK) {
            printf("FAIL: the built-in checklist did not load\n");
            return 1;
        }
        if (round)
            slc_catalog_jit(cat); /* the JIT and anchored matching too */
        run_cases(cat, round ? "jit" : "interpreted");
        slc_catalog_free(cat);
    }
    return unit_finish("test_facts");
}

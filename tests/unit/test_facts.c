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
    /* numbers that are no quantity */
    {10, "第2火曜日", ""},
    {10, "料金の10分の1", ""},
    {0, "https://example.com/sla/3", ""},
    /* time bands and days a week */
    {1, "24時間365日", "24h x 7d"},
    {1, "平日9:00～18:00", "09:00-18:00 x 5d"},
    {1, "月～金 9時～17時", "09:00-17:00 x 5d"},
    /* things: certifications, protocols, places, and their status */
    {0, "ISO/IEC 27001取得済み", "iso27001"},
    {0, "ISMAPは取得予定", "planned ismap"},
    {0, "SOC1/SOC2報告書", "soc1 | soc2"},
    {0, "TLS1.2/1.3", "tls1.2 | tls1.3"},
    {0, "データは日本国内に保管", "domestic"},
    {0, "海外には保管しません", "not overseas"},
    /* disclosure */
    {0, "SLAとしては非公開です", "undisclosed"},
    {0, "約款第12条に定める", "by-reference"},
    {0, "同上", "same-as-above"},
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

/* compare_basis.c - the comparison and the profile judged on the basis of
 * each quantity (guarantee, target, actual, condition, stated), with facts
 * whose basis the test sets itself: the words that give a basis (保証,
 * 目標, 実績, 〜を下回った場合) are read by the facts, and this test must
 * not depend on how well they are read. Used by tests/t-compare-basis.sh.
 * usage: compare-basis DIR (a directory for the profiles it writes) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "doc.h"
#include "export.h"
#include "facts.h"
#include "profile.h"
#include "load.h"
#include "rules.h"
#include "validate.h"

static int failures;
static slc_catalog *cat;

#define CHECK(cond, ...) \
    do { \
        if (!(cond)) { \
            failures++; \
            printf("FAIL %s:%d: ", __FILE__, __LINE__); \
            printf(__VA_ARGS__); \
            printf("\n"); \
        } \
    } while (0)

/* a checklist with item 5 (availability) answered as given */
static slc_doc *doc_with(const char *name, const char *answer5)
{
    char text[2048];
    snprintf(text, sizeof(text),
             "対象サービス: %s\n"
             "No\t種別\tサービスレベル項目\t規定内容\t測定単位\t対応/可否\t備考\n"
             "5\t可用性\tサービス稼働率\tサービスを利用できる確率\t稼働率(%%)\t%s\t\n",
             name, answer5);
    slc_load_options o;
    slc_load_options_init(&o);
    slc_doc *doc = NULL;
    slc_error err;
    slc_error_clear(&err);
    if (slc_doc_load_bytes(cat, text, strlen(text), name, &o, &doc, &err) != SLC_OK) {
        printf("FAIL: cannot load %s: %s\n", name, err.detail);
        exit(1);
    }
    return doc;
}

/* gives every quantity of item 5 the basis b; with value >= 0 only the
 * quantities of that value. Returns how many it set. */
static int set_basis(slc_doc *doc, double value, slc_basis b)
{
    size_t n;
    const slc_fact *f = slc_doc_facts(doc, (size_t)cat->by_no[5], &n);
    int set = 0;
    for (size_t i = 0; i < n; i++)
        if (f[i].type == SLC_FACT_QUANTITY && (value < 0 || f[i].value == value)) {
            ((slc_fact *)&f[i])->basis = b; /* as the facts would read it */
            set++;
        }
    return set;
}

static const slc_cmp_item *item5(const slc_comparison *c)
{
    return &c->items[cat->by_no[5]];
}

static void ranking(void)
{
    slc_doc *d[3];
    slc_comparison *c;

    /* a guarantee ranks above a target of the same value */
    d[0] = doc_with("G", "稼働率99.9%以上を保証");
    d[1] = doc_with("T", "稼働率99.9%以上を目標");
    CHECK(set_basis(d[0], 99.9, SLC_BASIS_GUARANTEE) == 1, "guarantee fact");
    CHECK(set_basis(d[1], 99.9, SLC_BASIS_TARGET) == 1, "target fact");
    c = slc_compare(d, 2, 0);
    CHECK(item5(c)->rank[0] == 1 && item5(c)->rank[1] == -1, "guarantee above target: %d %d",
          item5(c)->rank[0], item5(c)->rank[1]);
    CHECK(item5(c)->verdict == SLC_CMP_DIFFERS,
          "guarantee and target of 99.9%% are not equivalent");
    CHECK(item5(c)->standing[0].basis == SLC_BASIS_GUARANTEE, "standing keeps the basis");
    slc_buf b;
    slc_buf_init(&b);
    slc_standing_describe(&cat->items[cat->by_no[5]], &item5(c)->standing[0], &b);
    CHECK(b.data && strstr(b.data, "99.9") && strstr(b.data, "guarantee"), "described: %s",
          b.data ? b.data : "");
    slc_buf_release(&b);
    slc_comparison_free(c);
    /* the files' order does not matter */
    slc_doc *r[2] = {d[1], d[0]};
    c = slc_compare(r, 2, 0);
    CHECK(item5(c)->rank[0] == -1 && item5(c)->rank[1] == 1, "guarantee above target, reversed");
    slc_comparison_free(c);
    slc_doc_free(d[0]);
    slc_doc_free(d[1]);

    /* a higher target than a guarantee: neither better nor worse */
    d[0] = doc_with("G", "稼働率99.9%以上を保証");
    d[1] = doc_with("T", "稼働率99.95%以上を目標");
    set_basis(d[0], -1, SLC_BASIS_GUARANTEE);
    set_basis(d[1], -1, SLC_BASIS_TARGET);
    c = slc_compare(d, 2, 0);
    CHECK(item5(c)->rank[0] == 0 && item5(c)->rank[1] == 0, "higher target vs guarantee: %d %d",
          item5(c)->rank[0], item5(c)->rank[1]);
    slc_comparison_free(c);
    slc_doc_free(d[0]);
    slc_doc_free(d[1]);

    /* undisclosed with an actual figure: never ranked best, counted undisclosed */
    d[0] = doc_with("U", "SLAとしては非公開です。2025年1月の実績稼働率は100%");
    d[1] = doc_with("T", "稼働率99.9%以上を目標");
    d[2] = doc_with("S", "稼働率99.5%");
    CHECK(set_basis(d[0], 100, SLC_BASIS_ACTUAL) == 1, "actual fact");
    set_basis(d[1], -1, SLC_BASIS_TARGET);
    c = slc_compare(d, 3, 0);
    CHECK(item5(c)->rank[0] == 0, "an actual figure is not ranked: %d", item5(c)->rank[0]);
    CHECK(item5(c)->rank[1] == 1 && item5(c)->rank[2] == -1, "the commitments are: %d %d",
          item5(c)->rank[1], item5(c)->rank[2]);
    CHECK(!item5(c)->standing[0].known && item5(c)->standing[0].undisclosed,
          "undisclosed standing");
    CHECK(item5(c)->standing[0].uncommitted && item5(c)->standing[0].uncommitted->value == 100,
          "the actual figure kept to be shown");
    CHECK(c->vendors[0].undisclosed == 1 && c->vendors[0].leads == 0,
          "per vendor: undisclosed %zu, leads %zu", c->vendors[0].undisclosed, c->vendors[0].leads);
    slc_comparison_free(c);
    for (int i = 0; i < 3; i++)
        slc_doc_free(d[i]);

    /* a refund condition is not a commitment to its threshold */
    d[0] = doc_with("C", "99.5%を下回った月は利用料の25%を減額");
    d[1] = doc_with("S", "稼働率99.0%");
    CHECK(set_basis(d[0], -1, SLC_BASIS_CONDITION) >= 1, "condition facts");
    c = slc_compare(d, 2, 0);
    CHECK(item5(c)->rank[0] == 0 && item5(c)->rank[1] == 0, "condition not ranked: %d %d",
          item5(c)->rank[0], item5(c)->rank[1]);
    CHECK(!item5(c)->standing[0].known && !item5(c)->standing[0].undisclosed,
          "condition: no standing");
    slc_comparison_free(c);
    slc_doc_free(d[0]);
    slc_doc_free(d[1]);
}

/* reports show the basis next to the value, in both languages */
static void reports(void)
{
    slc_doc *d[2];
    d[0] = doc_with("G", "稼働率99.9%以上を保証");
    d[1] = doc_with("A", "2025年1月の実績稼働率は100%");
    set_basis(d[0], -1, SLC_BASIS_GUARANTEE);
    set_basis(d[1], -1, SLC_BASIS_ACTUAL);
    for (int i = 0; i < 2; i++)
        slc_validate(d[i], NULL);
    slc_comparison *c = slc_compare(d, 2, 0);
    static const struct {
        slc_lang lang;
        const char *g, *a;
    } want[] = {{SLC_LANG_JA, "≥ 99.9%（保証）", "100%（実績）"},
                {SLC_LANG_EN, "≥ 99.9% (guarantee)", "100% (actual)"}};
    for (size_t k = 0; k < 2; k++) {
        slc_export *x = slc_export_new(d, 2, c, NULL, want[k].lang);
        slc_buf b;
        slc_buf_init(&b);
        slc_export_facts_text(x, 0, (size_t)cat->by_no[5], &b);
        CHECK(b.data && !strcmp(b.data, want[k].g), "facts text: \"%s\", expected \"%s\"",
              b.data ? b.data : "", want[k].g);
        slc_buf_clear(&b);
        slc_export_facts_text(x, 1, (size_t)cat->by_no[5], &b);
        CHECK(b.data && !strcmp(b.data, want[k].a), "facts text: \"%s\", expected \"%s\"",
              b.data ? b.data : "", want[k].a);
        slc_buf_release(&b);
        slc_export_free(x);
    }
    /* the standing of an answer that commits to nothing shows what it gave */
    slc_buf b;
    slc_buf_init(&b);
    slc_standing_describe(&cat->items[cat->by_no[5]], &item5(c)->standing[1], &b);
    CHECK(b.data && !strcmp(b.data, "not stated; 100% (actual)"), "standing: %s",
          b.data ? b.data : "");
    slc_buf_release(&b);
    slc_comparison_free(c);
    slc_doc_free(d[0]);
    slc_doc_free(d[1]);
}

static slc_profile *profile_with(const char *dir, const char *basis_attr)
{
    char path[1024], xml[1024];
    snprintf(path, sizeof(path), "%s/basis-%s.xml", dir, basis_attr ? basis_attr : "any");
    snprintf(xml, sizeof(xml),
             "<profile id=\"basis-test\" checklist=\"%s\">\n"
             "  <title ja=\"基礎\" en=\"Basis\"/>\n"
             "  <require item=\"5\" level=\"must\"><quantity dimension=\"percentage\" op=\"ge\""
             " value=\"99.9\"%s%s%s/></require>\n"
             "</profile>\n",
             cat->id, basis_attr ? " basis=\"" : "", basis_attr ? basis_attr : "",
             basis_attr ? "\"" : "");
    FILE *fp = fopen(path, "w");
    if (!fp || fputs(xml, fp) < 0 || fclose(fp) != 0) {
        printf("FAIL: cannot write %s\n", path);
        exit(1);
    }
    slc_profile *p = NULL;
    slc_error err;
    slc_error_clear(&err);
    if (slc_profile_load(path, cat, &p, &err) != SLC_OK) {
        printf("FAIL: profile %s refused: %s\n", path, err.detail);
        exit(1);
    }
    return p;
}

/* the verdict and reason of the one requirement for an answer whose
 * quantities all have basis b */
static void judged(const slc_profile *p, const char *answer, slc_basis b, slc_verdict want,
                   const char *reason)
{
    slc_doc *d = doc_with("V", answer);
    set_basis(d, -1, b);
    slc_validate(d, p);
    const slc_req_result *r = &d->profile->v[0];
    CHECK(r->verdict == want && (reason ? r->reason && !strcmp(r->reason, reason) : !r->reason),
          "%s, basis %s, profile %s: %s (%s), expected %s (%s)", answer, slc_basis_id(b),
          slc_basis_id(p->reqs[0].basis), slc_verdict_id(r->verdict), r->reason ? r->reason : "-",
          slc_verdict_id(want), reason ? reason : "-");
    slc_doc_free(d);
}

static void requirements(const char *dir)
{
    slc_profile *any = profile_with(dir, NULL);
    slc_profile *guar = profile_with(dir, "guarantee");
    slc_profile *targ = profile_with(dir, "target");
    CHECK(guar->reqs[0].basis == SLC_BASIS_GUARANTEE && targ->reqs[0].basis == SLC_BASIS_TARGET &&
              any->reqs[0].basis == SLC_BASIS_STATED,
          "basis attribute read");
    slc_buf b;
    slc_buf_init(&b);
    slc_requirement_describe(&guar->reqs[0], SLC_LANG_EN, &b);
    CHECK(b.data && strstr(b.data, "guaranteed"), "requirement described: %s",
          b.data ? b.data : "");
    slc_buf_clear(&b);
    slc_requirement_describe(&guar->reqs[0], SLC_LANG_JA, &b);
    CHECK(b.data && strstr(b.data, "保証"), "requirement described (ja): %s", b.data ? b.data : "");
    slc_buf_release(&b);

    const char *a = "稼働率99.9%以上";
    /* no basis demanded: any commitment */
    judged(any, a, SLC_BASIS_STATED, SLC_VERDICT_MET, NULL);
    judged(any, a, SLC_BASIS_TARGET, SLC_VERDICT_MET, NULL);
    judged(any, a, SLC_BASIS_GUARANTEE, SLC_VERDICT_MET, NULL);
    judged(any, a, SLC_BASIS_ACTUAL, SLC_VERDICT_UNKNOWN, "actual-only");
    judged(any, "99.9%を下回った月は利用料の25%を減額", SLC_BASIS_CONDITION, SLC_VERDICT_UNKNOWN,
           "condition-only");
    judged(any, "SLAとしては非公開です。2025年1月の実績稼働率は100%", SLC_BASIS_ACTUAL,
           SLC_VERDICT_UNKNOWN, "undisclosed");
    /* a guarantee demanded */
    judged(guar, a, SLC_BASIS_GUARANTEE, SLC_VERDICT_MET, NULL);
    judged(guar, a, SLC_BASIS_TARGET, SLC_VERDICT_NOT_MET, "not-guaranteed");
    judged(guar, a, SLC_BASIS_STATED, SLC_VERDICT_UNKNOWN, "basis-not-stated");
    judged(guar, a, SLC_BASIS_ACTUAL, SLC_VERDICT_UNKNOWN, "actual-only");
    judged(guar, "稼働率99.5%以上", SLC_BASIS_GUARANTEE, SLC_VERDICT_NOT_MET, "out-of-range");
    judged(guar, "稼働率99.5%以上", SLC_BASIS_TARGET, SLC_VERDICT_NOT_MET, "out-of-range");
    judged(guar, "稼働率99.5%以上", SLC_BASIS_STATED, SLC_VERDICT_NOT_MET, "out-of-range");
    /* a target (or better) demanded */
    judged(targ, a, SLC_BASIS_GUARANTEE, SLC_VERDICT_MET, NULL);
    judged(targ, a, SLC_BASIS_TARGET, SLC_VERDICT_MET, NULL);
    judged(targ, a, SLC_BASIS_STATED, SLC_VERDICT_UNKNOWN, "basis-not-stated");

    /* the finding says why */
    slc_doc *d = doc_with("V", a);
    set_basis(d, -1, SLC_BASIS_TARGET);
    slc_validate(d, guar);
    int found = 0;
    for (size_t i = 0; i < d->nfindings; i++) {
        if (d->findings[i].rule != SLC_RULE_REQUIREMENT_NOT_MET)
            continue;
        slc_buf m;
        slc_buf_init(&m);
        slc_finding_message(&m, d, &d->findings[i], SLC_LANG_EN);
        found = m.data && strstr(m.data, "not-guaranteed") && strstr(m.data, "guaranteed)");
        if (!found)
            printf("  message: %s\n", m.data ? m.data : "");
        slc_buf_release(&m);
    }
    CHECK(found, "requirement-not-met names the basis");
    slc_doc_free(d);
    slc_profile_free(any);
    slc_profile_free(guar);
    slc_profile_free(targ);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: compare-basis DIR\n");
        return 2;
    }
    slc_error err;
    slc_error_clear(&err);
    if (slc_catalog_load(NULL, &cat, &err) != SLC_OK) {
        printf("FAIL: built-in checklist: %s\n", err.detail);
        return 1;
    }
    ranking();
    reports();
    requirements(argv[1]);
    slc_catalog_free(cat);
    printf("%s: %d failure(s)\n", failures ? "FAIL" : "ok", failures);
    return failures ? 1 : 0;
}

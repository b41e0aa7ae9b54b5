/* test_align.c - slc_align (align.c): rows matched to the built-in
 * checklist's items by number, by name and by a written variant of the
 * name, items missing and given twice, and numbers the checklist lacks. */
#include "align.h"
#include "catalog.h"
#include "load.h"
#include "read_csv.h"
#include "unit.h"

#define HEADER "No.\t種別\tサービスレベル項目例\t規定内容\t測定単位\t設定(記入欄)\n"

typedef struct row_want {
    int no;      /* the item the row is matched to, 0 for none */
    int by_name; /* matched by its name */
} row_want;

typedef struct align_case {
    const char *what;
    const char *text;
    size_t nanswers;
    row_want want[4];
    int missing[3]; /* items with no answer, 0-terminated */
    int twice;      /* an item answered twice, 0 if none */
} align_case;

static const align_case cases[] = {
    {"by number",
     HEADER "1\t可用性\tサービス時間\t\t時間帯\t24時間365日\n"
            "5\t\tサービス稼働率\t\t稼働率(%)\t99.9%\n",
     2,
     {{1, 0}, {5, 0}},
     {2, 3, 0},
     0},
    {"by name, no number", HEADER "\t\tサービス稼働率\t\t\t99.9%\n", 1, {{5, 1}}, {1, 2, 0}, 0},
    {"by a full-width variant of the name",
     HEADER "\t\t平均復旧時間（ＭＴＴＲ）\t\t\t4時間\n",
     1,
     {{10, 1}},
     {1, 5, 0},
     0},
    {"duplicate",
     HEADER "3\t\tサービス提供終了時の事前通知\t\t有無\t【有】\n"
            "3\t\tサービス提供終了時の事前通知\t\t有無\t【無】\n",
     2,
     {{3, 0}, {3, 0}},
     {1, 2, 0},
     3},
};

static int index_of(const slc_catalog *cat, int no)
{
    return no > 0 && no <= cat->max_no ? cat->by_no[no] : -1;
}

int main(void)
{
    static const slc_limits limits = SLC_LIMITS_DEFAULT;
    slc_catalog *cat = NULL;
    slc_error err;
    slc_error_clear(&err);
    if (slc_catalog_load(NULL, &cat, &err) != SLC_OK) {
        printf("FAIL: cannot load the built-in checklist\n");
        return 1;
    }
    for (size_t i = 0; i < N_OF(cases); i++) {
        const align_case *c = &cases[i];
        slc_doc *doc = slc_doc_new(cat, "t.tsv");
        slc_table t;
        memset(&t, 0, sizeof(t));
        doc->text = c->text;
        doc->text_len = strlen(c->text);
        slc_status st =
            slc_rows_parse(c->text, strlen(c->text), '\t', &limits, &doc->arena, "t", &t, &err);
        CHECK(st == SLC_OK, "%s: rows: %s", c->what, slc_status_id(st));
        if (st != SLC_OK) {
            slc_doc_free(doc);
            continue;
        }
        slc_align(doc, &t);
        CHECK(doc->nanswers == c->nanswers, "%s: %zu answers, expected %zu", c->what, doc->nanswers,
              c->nanswers);
        for (size_t k = 0; k < doc->nanswers && k < c->nanswers; k++) {
            const slc_answer *a = &doc->answers[k];
            int want = index_of(cat, c->want[k].no);
            CHECK(a->item == want, "%s: answer %zu is item index %d, expected %d (no. %d)", c->what,
                  k, a->item, want, c->want[k].no);
            CHECK(!!a->by_name == c->want[k].by_name, "%s: answer %zu by_name %d", c->what, k,
                  a->by_name);
        }
        for (const int *m = c->missing; *m; m++)
            CHECK(doc->first[index_of(cat, *m)] == -1, "%s: item %d not missing", c->what, *m);
        if (c->twice) {
            int n = 0, idx = index_of(cat, c->twice);
            for (size_t k = 0; k < doc->nanswers; k++)
                n += doc->answers[k].item == idx;
            CHECK(n == 2, "%s: item %d answered %d times", c->what, c->twice, n);
            CHECK(doc->first[idx] == 0, "%s: first answer of item %d is %d", c->what, c->twice,
                  doc->first[idx]);
        }
        slc_table_release(&t);
        slc_doc_free(doc);
    }
    slc_catalog_free(cat);
    return unit_finish("test_align");
}

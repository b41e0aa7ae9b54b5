/* validate.c - findings from a loaded document: which items are missing,
 * duplicated, unknown, empty, misnamed, and what the answers fail to state. */
#include <stdlib.h>
#include <string.h>

#include "cross_rules.h"
#include "load.h"
#include "profile.h"
#include "facts.h"
#include "rules.h"
#include "text.h"
#include "validate.h"

static int blank(const char *s)
{
    if (!s)
        return 1;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
        else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) /* U+3000 */
            p += 3;
        else if (p[0] == 0xC2 && p[1] == 0xA0) /* U+00A0, as align.c's is_blank */
            p += 2;
        else
            return 0;
    }
    return 1;
}

static void add(slc_doc *doc, slc_rule rule, int item, long line, const char *found,
                const char *expected)
{
    slc_finding f;
    memset(&f, 0, sizeof(f));
    f.rule = rule;
    f.severity = slc_rule_get(rule)->severity;
    f.item = item;
    f.line = line;
    f.found = found;
    f.expected = expected;
    slc_doc_add_finding(doc, &f);
}

static int keys_have(const slc_keys *k, const char *s)
{
    for (size_t i = 0; i < k->n; i++)
        if (!strcmp(k->v[i], s))
            return 1;
    return 0;
}

/* the same text but for surrounding white space */
static int same_text(const char *a, const char *b)
{
    a = a ? a : "";
    b = b ? b : "";
    while (*a == ' ' || *a == '\n' || *a == '\r' || *a == '\t')
        a++;
    while (*b == ' ' || *b == '\n' || *b == '\r' || *b == '\t')
        b++;
    size_t la = strlen(a), lb = strlen(b);
    while (la && strchr(" \n\r\t", a[la - 1]))
        la--;
    while (lb && strchr(" \n\r\t", b[lb - 1]))
        lb--;
    return la == lb && !memcmp(a, b, la);
}

int slc_duplicate_finding(const slc_doc *doc, size_t i, slc_finding *f)
{
    const slc_answer *a = &doc->answers[i];
    if (a->item < 0 || doc->first[a->item] == (int)i)
        return 0;
    const slc_answer *first = &doc->answers[doc->first[a->item]];
    memset(f, 0, sizeof(*f));
    f->rule = SLC_RULE_DUPLICATE_ITEM;
    f->item = doc->cat->items[a->item].no;
    f->line = a->line;
    f->line2 = first->line;
    f->conflict = !same_text(a->cell[SLC_ROLE_ANSWER], first->cell[SLC_ROLE_ANSWER]) ||
                  !same_text(a->cell[SLC_ROLE_REMARKS], first->cell[SLC_ROLE_REMARKS]);
    f->severity = f->conflict ? SLC_SEV_ERROR : SLC_SEV_WARNING;
    return 1;
}

/* ---- names, definitions and units against the checklist ----------------- */

/* How far (edit distance, in code points of the comparison keys) a cell may
 * be from the checklist's words and still be the same words spelled
 * differently: 漏洩/漏えい, ウィルス/ウイルス, 取扱い/取扱, ユーザ/ユーザー. What
 * NFKC and the keys already absorb (／ and /, full-width digits, Kangxi
 * look-alikes, spaces, brackets) costs nothing. Names and units: the 0.8
 * similarity the aligner identifies items with, so 時間(秒)/時間(分) differ;
 * in a long definition, a sentence, only a few characters are spelling. */
static size_t spelling_allowed(slc_role role, size_t len)
{
    size_t k = len / 5;
    if (role == SLC_ROLE_DEFINITION && k > 2 + len / 25)
        k = 2 + len / 25;
    return k;
}

static int same_words(const char *a, const char *b, slc_role role)
{
    if (!strcmp(a, b))
        return 1;
    size_t na = strlen(a), nb = strlen(b);
    size_t la = slc_text_length(a, na), lb = slc_text_length(b, nb);
    size_t l = la > lb ? la : lb;
    size_t k = spelling_allowed(role, l);
    if (!l || !k)
        return 0;
    /* the distance is that of the parts between a common start and end: a
     * definition differs in a few characters, not in a hundred */
    size_t pre = 0, suf = 0;
    while (pre < na && pre < nb && a[pre] == b[pre])
        pre++;
    while (pre && ((unsigned char)a[pre] & 0xC0) == 0x80)
        pre--;
    while (suf < na - pre && suf < nb - pre && a[na - 1 - suf] == b[nb - 1 - suf])
        suf++;
    while (suf && ((unsigned char)a[na - suf] & 0xC0) == 0x80)
        suf--;
    char *ma = slc_xmalloc(na - pre - suf + 1), *mb = slc_xmalloc(nb - pre - suf + 1);
    memcpy(ma, a + pre, na - pre - suf);
    ma[na - pre - suf] = '\0';
    memcpy(mb, b + pre, nb - pre - suf);
    mb[nb - pre - suf] = '\0';
    size_t ma_n = slc_text_length(ma, strlen(ma)), mb_n = slc_text_length(mb, strlen(mb));
    size_t lm = ma_n > mb_n ? ma_n : mb_n;
    int same = lm <= k || slc_text_similarity(ma, mb, 1.0 - (double)k / (double)lm) > 0;
    free(ma);
    free(mb);
    return same;
}

typedef enum field_cmp { FIELD_SAME, FIELD_VARIANT, FIELD_CUT, FIELD_DIFFERENT } field_cmp;

static const slc_keys *field_keys(const slc_cat_item *it, slc_role role)
{
    return role == SLC_ROLE_NAME         ? &it->name_keys
           : role == SLC_ROLE_DEFINITION ? &it->def_keys
                                         : &it->unit_keys;
}

static const slc_label *field_label(const slc_cat_item *it, slc_role role)
{
    return role == SLC_ROLE_NAME         ? &it->name
           : role == SLC_ROLE_DEFINITION ? &it->definition
                                         : &it->unit;
}

/* a cut of at least this many code points counts as a definition cut short
 * (less is a different definition that happens to start the same) */
#define CUT_MIN 8

/* Compares a folded cell with the item's words for `role`: its own (ja or
 * en: *canon gets which, 0 or 1), a variant the checklist lists (a key that
 * is neither), a definition cut short, or something else. */
static field_cmp compare_field(const slc_cat_item *it, slc_role role, const char *fold,
                               const char *canon[2], int *which)
{
    const slc_keys *keys = field_keys(it, role);
    *which = 0;
    for (int c = 0; c < 2; c++)
        if (canon[c] && same_words(fold, canon[c], role)) {
            *which = c;
            return FIELD_SAME;
        }
    for (size_t k = 0; k < keys->n; k++) {
        const char *v = keys->v[k];
        if ((canon[0] && !strcmp(v, canon[0])) || (canon[1] && !strcmp(v, canon[1])))
            continue;
        if (!same_words(fold, v, role))
            continue;
        /* a variant that is only spelling (データ漏えい…) is the item's own words */
        for (int c = 0; c < 2; c++)
            if (canon[c] && same_words(v, canon[c], role)) {
                *which = c;
                return FIELD_SAME;
            }
        return FIELD_VARIANT;
    }
    if (role == SLC_ROLE_DEFINITION) {
        size_t lf = strlen(fold);
        for (int c = 0; c < 2; c++)
            if (canon[c] && lf < strlen(canon[c]) && !strncmp(canon[c], fold, lf) &&
                slc_text_length(fold, lf) >= CUT_MIN) {
                *which = c;
                return FIELD_CUT;
            }
    }
    /* the file's language decides which of the checklist's words to show */
    for (const unsigned char *p = (const unsigned char *)fold; *p; p++)
        if (*p >= 0xE0)
            return FIELD_DIFFERENT;
    *which = canon[1] ? 1 : 0;
    return FIELD_DIFFERENT;
}

/* n code points of s from code point `from`, with … where cut */
static const char *span(slc_doc *doc, slc_buf *b, const char *s, size_t from, size_t to,
                        int dots_before, int dots_after)
{
    size_t bs = slc_text_offset(s, from), be = slc_text_offset(s, to);
    slc_buf_clear(b);
    if (dots_before)
        slc_buf_adds(b, "…");
    slc_buf_add(b, s + bs, be > bs ? be - bs : 0);
    if (dots_after)
        slc_buf_adds(b, "…");
    return slc_arena_strdup(&doc->arena, b->data ? b->data : "");
}

#define CONTEXT 6 /* code points shown around a difference */

/* Where a definition differs: the vendor's and the checklist's words between
 * their common start and common end, with a little context. */
static void difference(slc_doc *doc, slc_buf *b, const char *found, const char *want,
                       const char **f_out, const char **w_out)
{
    size_t lf = slc_text_length(found, strlen(found)), lw = slc_text_length(want, strlen(want));
    size_t pre = 0, suf = 0;
    while (pre < lf && pre < lw) {
        size_t a = slc_text_offset(found, pre), c = slc_text_offset(want, pre);
        size_t na = slc_text_offset(found, pre + 1) - a, nc = slc_text_offset(want, pre + 1) - c;
        if (na != nc || memcmp(found + a, want + c, na))
            break;
        pre++;
    }
    while (suf < lf - pre && suf < lw - pre) {
        size_t a = slc_text_offset(found, lf - suf - 1), c = slc_text_offset(want, lw - suf - 1);
        size_t na = slc_text_offset(found, lf - suf) - a, nc = slc_text_offset(want, lw - suf) - c;
        if (na != nc || memcmp(found + a, want + c, na))
            break;
        suf++;
    }
    /* a context that would leave out only a character or two shows it all */
    size_t from = pre > CONTEXT + 2 ? pre - CONTEXT : 0;
    size_t after = suf > CONTEXT + 2 ? CONTEXT : suf;
    size_t fe = lf - suf + after, we = lw - suf + after;
    *f_out = span(doc, b, found, from, fe, from > 0, fe < lf);
    *w_out = span(doc, b, want, from, we, from > 0, we < lw);
}

/* The checklist's definition from where a definition cut short stops: the
 * shortest start of it (in code points) whose key is as long as the
 * vendor's; keys grow with the text they are made of. */
static size_t cut_point(const char *want, size_t fold_len, slc_buf *b)
{
    size_t lo = 1, hi = slc_text_length(want, strlen(want));
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        slc_buf_clear(b);
        slc_text_fold(b, want, slc_text_offset(want, mid));
        if (b->len >= fold_len)
            hi = mid;
        else
            lo = mid + 1;
    }
    return hi;
}

/* name-mismatch, known-variant, definition-mismatch, definition-cut-short,
 * unit-mismatch: the row's words against the checklist's for its item */
static void check_field(slc_doc *doc, const slc_answer *a, slc_role role, slc_buf *tmp)
{
    const slc_cat_item *it = &doc->cat->items[a->item];
    const char *raw = a->cell[role];
    const slc_label *want = field_label(it, role);
    if (blank(raw) || (a->undecodable & (1u << role)))
        return;
    if ((want->ja && !strcmp(raw, want->ja)) || (want->en && !strcmp(raw, want->en)))
        return; /* the checklist's words, as vendors mostly copy them */
    slc_buf fold, en;
    slc_buf_init(&fold);
    slc_buf_init(&en);
    slc_text_fold(&fold, raw, strlen(raw));
    if (want->en) /* ASCII, as a rule: folded without ICU */
        slc_text_fold(&en, want->en, strlen(want->en));
    const slc_keys *keys = field_keys(it, role);
    const char *canon[2] = {want->ja && keys->n ? keys->v[0] : NULL, en.data};
    int which = 0;
    field_cmp r = fold.data ? compare_field(it, role, fold.data, canon, &which) : FIELD_SAME;
    const char *expected = which && want->en ? want->en : want->ja;
    slc_finding f;
    memset(&f, 0, sizeof(f));
    f.item = it->no;
    f.line = a->line;
    f.role = role;
    f.found = raw;
    f.expected = expected;
    switch (r) {
    case FIELD_SAME:
        goto done;
    case FIELD_VARIANT:
        f.rule = SLC_RULE_KNOWN_VARIANT;
        break;
    case FIELD_CUT: {
        size_t at = cut_point(expected, fold.len, tmp);
        size_t lf = slc_text_length(raw, strlen(raw)),
               lw = slc_text_length(expected, strlen(expected));
        size_t from = lf > 2 * CONTEXT ? lf - 2 * CONTEXT : 0;
        f.rule = SLC_RULE_DEFINITION_CUT_SHORT;
        f.found = span(doc, tmp, raw, from, lf, from > 0, 0);
        f.expected = span(doc, tmp, expected, at, lw, 0, 0);
        break;
    }
    case FIELD_DIFFERENT:
        if (role == SLC_ROLE_NAME) {
            f.rule = SLC_RULE_NAME_MISMATCH;
            if (a->name_item >= 0 && a->name_item != a->item)
                f.other = doc->cat->items[a->name_item].no;
        } else if (role == SLC_ROLE_UNIT) {
            f.rule = SLC_RULE_UNIT_MISMATCH;
        } else {
            f.rule = SLC_RULE_DEFINITION_MISMATCH;
            difference(doc, tmp, raw, expected, &f.found, &f.expected);
        }
        break;
    }
    f.severity = slc_rule_get(f.rule)->severity;
    slc_doc_add_finding(doc, &f);
done:
    slc_buf_release(&fold);
    slc_buf_release(&en);
}

/* Whether answer i says yes, no or not applicable: a 有/無 word, or a
 * sentence that says it in words (対応しています, 行っておりません, 提供なし),
 * read as a presence fact. The fact reader makes a presence fact of the
 * 有/無 word too (slc_facts_presence), so the facts alone tell. */
static int states_presence(slc_doc *doc, size_t i)
{
    const slc_answer *a = &doc->answers[i];
    const char *answer = a->cell[SLC_ROLE_ANSWER];
    size_t n = 0;
    const slc_fact *f;
    slc_facts more = {0};
    if (doc->first[a->item] == (int)i) {
        f = slc_doc_facts(doc, (size_t)a->item, &n); /* read once, kept */
    } else { /* a second answer for the item: read on its own */
        slc_facts_extract_item(doc->cat, &doc->cat->items[a->item], answer, &doc->arena, &more);
        f = more.v;
        n = more.n;
    }
    int stated = slc_facts_find(f, n, SLC_FACT_PRESENCE, -1) != NULL;
    slc_facts_release(&more);
    return stated;
}

static void check_answer(slc_doc *doc, size_t i, slc_buf *tmp)
{
    const slc_catalog *cat = doc->cat;
    const slc_answer *a = &doc->answers[i];
    const slc_cat_item *it = &cat->items[a->item];
    const char *answer = a->cell[SLC_ROLE_ANSWER];
    slc_finding dup;

    if (slc_duplicate_finding(doc, i, &dup))
        slc_doc_add_finding(doc, &dup);
    if (blank(answer))
        add(doc, SLC_RULE_EMPTY_ANSWER, it->no, a->line, NULL, NULL);
    check_field(doc, a, SLC_ROLE_NAME, tmp);
    check_field(doc, a, SLC_ROLE_DEFINITION, tmp);
    const char *c = a->cell[SLC_ROLE_CATEGORY];
    if (!blank(c) && !(a->undecodable & (1u << SLC_ROLE_CATEGORY))) {
        slc_buf_clear(tmp);
        slc_text_fold(tmp, c, strlen(c));
        const slc_cat_group *g = &cat->categories[it->category];
        const slc_cat_group *s = &cat->sections[it->section];
        if (!tmp->data || (!keys_have(&g->keys, tmp->data) && !keys_have(&s->keys, tmp->data)))
            add(doc, SLC_RULE_CATEGORY_MISMATCH, it->no, a->line, c, g->label.ja);
    }
    check_field(doc, a, SLC_ROLE_UNIT, tmp);
    if (it->kind == SLC_KIND_PRESENCE && !blank(answer) &&
        !(a->undecodable & (1u << SLC_ROLE_ANSWER)) && !states_presence(doc, i))
        add(doc, SLC_RULE_PRESENCE_NOT_STATED, it->no, a->line, NULL, NULL);
}

/* What a measurable item's answer is expected to state. */
static int expected_fact(slc_kind kind, slc_fact_type *type, int *dim)
{
    switch (kind) {
    case SLC_KIND_DURATION:
    case SLC_KIND_FREQUENCY:
        *type = SLC_FACT_QUANTITY, *dim = SLC_DIM_DURATION;
        return 1;
    case SLC_KIND_PERCENTAGE:
        *type = SLC_FACT_QUANTITY, *dim = SLC_DIM_PERCENTAGE;
        return 1;
    case SLC_KIND_COUNT:
        *type = SLC_FACT_QUANTITY, *dim = SLC_DIM_COUNT;
        return 1;
    case SLC_KIND_TIME_BAND:
        *type = SLC_FACT_TIME_BAND, *dim = -1;
        return 1;
    default:
        return 0;
    }
}

/* the vendor's words a fact was read from, for a message */
static const char *evidence(slc_doc *doc, const char *answer, const slc_fact *f)
{
    return slc_doc_words(doc, answer, f->start, f->end);
}

/* quantity-missing, undisclosed, by-reference: what the answer commits to */
static void check_facts(slc_doc *doc, size_t idx)
{
    const slc_cat_item *it = &doc->cat->items[idx];
    const slc_answer *a = slc_doc_answer(doc, idx);
    const char *answer = a->cell[SLC_ROLE_ANSWER];
    if (blank(answer) || (a->undecodable & (1u << SLC_ROLE_ANSWER)))
        return; /* undecodable-text says all there is to say */
    size_t n;
    const slc_fact *f = slc_doc_facts(doc, idx, &n);
    const slc_fact *undisclosed = NULL, *reference = NULL, *na = NULL;
    for (size_t i = 0; i < n; i++) {
        if (f[i].type != SLC_FACT_DISCLOSURE)
            continue;
        if (!strcmp(f[i].id, "undisclosed") && !undisclosed)
            undisclosed = &f[i];
        else if (!strcmp(f[i].id, "by-reference") && !reference)
            reference = &f[i];
        else if (!strcmp(f[i].id, "not-applicable"))
            na = &f[i];
    }
    if (undisclosed)
        add(doc, SLC_RULE_UNDISCLOSED, it->no, a->line, evidence(doc, answer, undisclosed), NULL);
    size_t bs[4], be[4];
    size_t nbad = slc_facts_impossible(doc->cat, answer, bs, be, 4);
    for (size_t k = 0; k < nbad && k < 4; k++)
        add(doc, SLC_RULE_IMPOSSIBLE_VALUE, it->no, a->line,
            slc_doc_words(doc, answer, bs[k], be[k]), NULL);
    slc_fact_type type;
    int dim;
    if (!expected_fact(it->kind, &type, &dim) || slc_facts_find(f, n, type, dim))
        return;
    if (reference)
        add(doc, SLC_RULE_BY_REFERENCE, it->no, a->line, evidence(doc, answer, reference), NULL);
    else if (!undisclosed && !na)
        add(doc, SLC_RULE_QUANTITY_MISSING, it->no, a->line, NULL, NULL);
}

/* ---- undecodable text ------------------------------------------------------ */

/* The index of the cell of the record starting at byte `row` of the decoded
 * text that holds byte `at`; -1 if the record ends before it. As
 * slc_rows_locate reads cells: quoted ones may hold delimiters and lines. */
static long cell_at(const char *text, size_t len, size_t row, char delimiter, size_t at)
{
    size_t i = row;
    long cell = 0;
    if (at < row || at >= len)
        return -1;
    for (;;) {
        if (text[i] == '"') {
            for (i++; i < len && i < at; i++)
                if (text[i] == '"') {
                    if (i + 1 < len && text[i + 1] == '"')
                        i++;
                    else
                        break;
                }
            if (i >= at)
                return cell;
        }
        while (i < len && i < at && text[i] != delimiter && text[i] != '\n')
            i++;
        if (i >= at)
            return cell;
        if (text[i] != delimiter)
            return -1; /* the record ended */
        i++;
        cell++;
    }
}

/* the bytes of a bad sequence, "0x83 0x6F", and its offset, for a finding */
static void describe_bad(slc_doc *doc, slc_buf *tmp, const slc_bad_bytes *b, slc_finding *f)
{
    slc_buf_clear(tmp);
    for (int k = 0; k < b->nbytes; k++)
        slc_buf_addf(tmp, "%s0x%02X", k ? " " : "", b->bytes[k]);
    f->found = slc_arena_strdup(&doc->arena, tmp->data ? tmp->data : "");
    slc_buf_clear(tmp);
    slc_buf_addf(tmp, "%lld", b->offset);
    f->expected = slc_arena_strdup(&doc->arena, tmp->data);
}

/* undecodable-text: one finding per cell that could not be decoded (the
 * item, the cell, where its first bad bytes are and how many there are),
 * and one per line for bad bytes outside the items' cells */
static void check_undecodable(slc_doc *doc, slc_buf *tmp)
{
    int used[SLC_TEXT_MAX_BAD] = {0};
    for (size_t k = 0; k < doc->nanswers; k++) {
        const slc_answer *a = &doc->answers[k];
        for (int r = 1; r < SLC_ROLE_COUNT && a->undecodable; r++) {
            if (!(a->undecodable & (1u << r)))
                continue;
            slc_finding f;
            memset(&f, 0, sizeof(f));
            f.rule = SLC_RULE_UNDECODABLE_TEXT;
            f.severity = slc_rule_get(f.rule)->severity;
            f.item = a->item >= 0 ? doc->cat->items[a->item].no : a->no;
            f.line = a->line;
            f.role = (slc_role)r;
            for (size_t i = 0; i < doc->nbad; i++) {
                const slc_bad_bytes *b = &doc->bad[i];
                if (used[i] || !doc->text || !doc->delimiter ||
                    cell_at(doc->text, doc->text_len, (size_t)a->offset, doc->delimiter,
                            b->decoded) != a->col[r] - 1)
                    continue;
                used[i] = 1;
                if (!f.count++)
                    describe_bad(doc, tmp, b, &f);
            }
            slc_doc_add_finding(doc, &f);
        }
    }
    for (size_t i = 0; i < doc->nbad; i++) {
        if (used[i])
            continue;
        slc_finding f;
        memset(&f, 0, sizeof(f));
        f.rule = SLC_RULE_UNDECODABLE_TEXT;
        f.severity = slc_rule_get(f.rule)->severity;
        f.line = doc->bad[i].line;
        describe_bad(doc, tmp, &doc->bad[i], &f);
        for (size_t j = i; j < doc->nbad; j++)
            if (!used[j] && doc->bad[j].line == f.line) {
                used[j] = 1;
                f.count++;
            }
        slc_doc_add_finding(doc, &f);
    }
}

/* Points each finding about a row at the cell concerned. */
static void locate_findings(slc_doc *doc)
{
    for (size_t i = 0; i < doc->nfindings; i++) {
        slc_finding *f = &doc->findings[i];
        if (!f->line || !f->item)
            continue;
        const slc_answer *a = NULL;
        for (size_t k = 0; k < doc->nanswers && !a; k++)
            if (doc->answers[k].line == f->line)
                a = &doc->answers[k];
        if (!a)
            continue;
        slc_role role = f->role                                 ? f->role
                        : f->rule == SLC_RULE_CATEGORY_MISMATCH ? SLC_ROLE_CATEGORY
                        : f->rule == SLC_RULE_UNKNOWN_ITEM      ? SLC_ROLE_NO
                                                                : SLC_ROLE_ANSWER;
        long line;
        slc_doc_locate(doc, a, role, &line, &f->column);
        if (line != f->line) /* a quoted cell that starts on a later line */
            f->column = 1;
    }
}

static int by_line(const void *x, const void *y)
{
    const slc_finding *a = x, *b = y;
    long la = a->line ? a->line : 0x7fffffffL, lb = b->line ? b->line : 0x7fffffffL;
    if (la != lb)
        return la < lb ? -1 : 1;
    if (a->item != b->item)
        return a->item < b->item ? -1 : 1;
    return (int)a->rule - (int)b->rule;
}

void slc_validate(slc_doc *doc, const slc_profile *profile)
{
    slc_buf tmp;
    slc_buf_init(&tmp);
    doc->nfindings = 0;

    check_undecodable(doc, &tmp);
    if (doc->nanswers == 0) {
        /* every item is missing too: JSON's "missing", JUnit's item cases and
         * SARIF read the missing-item findings, not this one */
        add(doc, SLC_RULE_NO_ITEMS, 0, 0, NULL, NULL);
        for (size_t i = 0; i < doc->cat->nitems; i++)
            add(doc, SLC_RULE_MISSING_ITEM, doc->cat->items[i].no, 0, NULL, NULL);
    } else {
        for (size_t i = 0; i < doc->nanswers; i++) {
            const slc_answer *a = &doc->answers[i];
            if (a->item < 0) {
                const char *what = a->cell[SLC_ROLE_NAME];
                if (blank(what))
                    what = a->cell[SLC_ROLE_ANSWER];
                add(doc, SLC_RULE_UNKNOWN_ITEM, a->no, a->line, what ? what : "", NULL);
                continue;
            }
            check_answer(doc, i, &tmp);
        }
        for (size_t i = 0; i < doc->cat->nitems; i++) {
            if (doc->first[i] < 0)
                add(doc, SLC_RULE_MISSING_ITEM, doc->cat->items[i].no, 0, NULL, NULL);
            else
                check_facts(doc, i);
        }
        slc_cross_rules_check(doc);
        for (size_t i = 0; i < doc->nskipped; i++)
            add(doc, SLC_RULE_IGNORED_ROW, 0, doc->skipped[i].line, doc->skipped[i].text, NULL);
    }
    if (profile)
        slc_profile_evaluate(doc, profile);
    locate_findings(doc);
    if (doc->nfindings > 1) /* findings is NULL when there are none */
        qsort(doc->findings, doc->nfindings, sizeof(*doc->findings), by_line);
    slc_buf_release(&tmp);
}

/* facts.c - facts read from an answer's text. */
#include "facts.h"

#include <string.h>

#include "text.h"

const char *slc_presence_id(slc_presence p)
{
    static const char *ids[] = {"not-stated", "yes", "no", "not-applicable"};
    return (unsigned)p < 4 ? ids[p] : "?";
}

const char *slc_basis_id(slc_basis b)
{
    static const char *ids[SLC_BASIS_N] = {"stated", "guarantee", "target", "actual", "condition"};
    return (unsigned)b < SLC_BASIS_N ? ids[b] : "?";
}

const char *slc_basis_label(slc_basis b, int ja)
{
    static const char *en[SLC_BASIS_N] = {"", "guarantee", "target", "actual", "condition"};
    static const char *jp[SLC_BASIS_N] = {"", "保証", "目標", "実績", "条件"};
    return (unsigned)b < SLC_BASIS_N ? (ja ? jp[b] : en[b]) : "";
}

const char *slc_thing_status_id(slc_thing_status s)
{
    static const char *ids[SLC_THING_N] = {"yes", "planned", "not"};
    return (unsigned)s < SLC_THING_N ? ids[s] : "?";
}

slc_basis slc_fact_basis(const slc_fact *f)
{
    return f && f->type == SLC_FACT_QUANTITY ? f->basis : SLC_BASIS_STATED;
}

int slc_basis_strength(slc_basis b)
{
    return b == SLC_BASIS_GUARANTEE ? 2 : b == SLC_BASIS_TARGET || b == SLC_BASIS_STATED ? 1 : 0;
}

const slc_fact *slc_facts_commitment(const slc_fact *v, size_t n, int dim)
{
    const slc_fact *best = NULL;
    for (size_t i = 0; i < n; i++) {
        if (v[i].type != SLC_FACT_QUANTITY || (dim >= 0 && (int)v[i].dim != dim))
            continue;
        int s = slc_basis_strength(v[i].basis);
        if (s > 0 && (!best || s > slc_basis_strength(best->basis)))
            best = &v[i];
    }
    return best;
}

static const char *const opens[] = {"【", "[", "(", "「", "〔", "<", "《", "≪", "〈", "『"};
static const char *const closes[] = {"】", "]", ")", "」", "〕", ">", "》", "≫", "〉", "』"};
#define NBRACKETS (sizeof(opens) / sizeof(opens[0]))

/* p starts with w (the first byte decides most) */
static int starts(const char *p, const char *w)
{
    return !*w || (*p == *w && !strncmp(p, w, strlen(w)));
}

/* what may follow a bare word at the start: end, space, punctuation */
static int word_ends(const char *p)
{
    static const char *const seps[] = {" ", "\t", "\n", "\r", ":", "、", "。", ",", ".",
                                       "/", "・", "(",  "【", "[", "「", "-",  "~", "〜"};
    if (!*p)
        return 1;
    for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++)
        if (starts(p, seps[i]))
            return 1;
    return 0;
}

/* spaces a vendor may put inside brackets: 【 有 】 (U+3000 is a space after NFKC) */
static const char *skip_spaces(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* p starts with a word of keys (bracketed or bare) */
static int leading(const slc_keys *k, const char *p)
{
    for (size_t b = 0; b < NBRACKETS; b++) {
        if (!starts(p, opens[b]))
            continue;
        const char *q = skip_spaces(p + strlen(opens[b]));
        for (size_t i = 0; i < k->n; i++)
            if (starts(q, k->v[i]) && starts(skip_spaces(q + strlen(k->v[i])), closes[b]))
                return 1;
        return 0;
    }
    for (size_t i = 0; i < k->n; i++)
        if (starts(p, k->v[i]) && word_ends(p + strlen(k->v[i])))
            return 1;
    return 0;
}

/* 【word】 anywhere */
static int bracketed(const slc_keys *k, const char *s)
{
    for (const char *p = s; (p = strstr(p, "【")) != NULL; p += strlen("【")) {
        const char *q = skip_spaces(p + strlen("【"));
        for (size_t i = 0; i < k->n; i++)
            if (starts(q, k->v[i]) && starts(skip_spaces(q + strlen(k->v[i])), "】"))
                return 1;
    }
    return 0;
}

slc_presence slc_facts_presence(const slc_catalog *cat, const char *answer)
{
    slc_buf b;
    slc_presence r = SLC_PRESENCE_NONE;
    if (!answer)
        return r;
    slc_buf_init(&b);
    /* most answers start with a plain 【有】 or 【無】: no need to normalize */
    if (leading(&cat->presence_yes, answer))
        return SLC_PRESENCE_YES;
    if (leading(&cat->presence_no, answer) && !leading(&cat->presence_na, answer))
        return SLC_PRESENCE_NO;
    /* the leading word is within the first bytes: normalize only those */
    size_t n = strlen(answer), head = n > 64 ? 64 : n;
    while (head < n && ((unsigned char)answer[head] & 0xC0) == 0x80)
        head++;
    slc_text_nfkc(&b, answer, head);
    const char *p = b.data ? b.data : "";
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
    /* not-applicable first: 該当なし contains なし */
    if (leading(&cat->presence_na, p))
        r = SLC_PRESENCE_NA;
    else if (leading(&cat->presence_yes, p))
        r = SLC_PRESENCE_YES;
    else if (leading(&cat->presence_no, p))
        r = SLC_PRESENCE_NO;
    if (r != SLC_PRESENCE_NONE || !strstr(answer, "【")) {
        slc_buf_release(&b);
        return r;
    }
    slc_buf_clear(&b);
    slc_text_nfkc(&b, answer, n);
    p = b.data ? b.data : "";
    if (bracketed(&cat->presence_na, p))
        r = SLC_PRESENCE_NA;
    else if (bracketed(&cat->presence_yes, p))
        r = SLC_PRESENCE_YES;
    else if (bracketed(&cat->presence_no, p))
        r = SLC_PRESENCE_NO;
    slc_buf_release(&b);
    return r;
}

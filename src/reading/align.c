/* align.c - from rows to answers: classify each row (blank, preamble,
 * metadata, header, section, item), find the columns from the header
 * words, and align each item row's cells to those columns by content,
 * so merged 種別 cells, missing 備考 and extra columns do not shift them.
 * Nothing here knows a particular vendor: the words come from the catalog. */
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "doc.h"
#include "text.h"

#define MAX_ALIGN 32      /* cells/columns considered when aligning */
#define NAME_MIN 0.7      /* similarity for a name to count as that item's */
#define NAME_FIND_MIN 0.8 /* similarity to identify an item by name alone */
#define UNIT_MIN 0.75

/* Default column order when a file has no header row. */
static const slc_role default_columns[] = {SLC_ROLE_NO,         SLC_ROLE_CATEGORY, SLC_ROLE_NAME,
                                           SLC_ROLE_DEFINITION, SLC_ROLE_UNIT,     SLC_ROLE_ANSWER,
                                           SLC_ROLE_REMARKS};

typedef struct aligner {
    slc_doc *doc;
    const slc_catalog *cat;
    slc_role columns[MAX_ALIGN];
    size_t ncolumns;
    int have_header;
    int seen_item;
    slc_ptrs answers, skipped;
    /* per-row cache of folded cells */
    const slc_row *row;
    slc_buf folds[MAX_ALIGN];
    int folded[MAX_ALIGN];
    slc_buf tmp;
    size_t max_name; /* longest item name or alias, in bytes */
} aligner;

/* ---- small text helpers ----------------------------------------------- */

static int is_blank(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\f')
            p++;
        else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) /* U+3000 */
            p += 3;
        else if (p[0] == 0xC2 && p[1] == 0xA0) /* U+00A0 */
            p += 2;
        else
            return 0;
    }
    return 1;
}

static const char *fold_cell(aligner *a, size_t i)
{
    if (i >= MAX_ALIGN)
        return "";
    if (!a->folded[i]) {
        const char *s = a->row->cells[i];
        slc_buf_clear(&a->folds[i]);
        slc_text_fold(&a->folds[i], s, strlen(s));
        if (!a->folds[i].data)
            slc_buf_adds(&a->folds[i], "");
        a->folded[i] = 1;
    }
    return a->folds[i].data;
}

static int key_in(const slc_keys *k, const char *s)
{
    for (size_t i = 0; i < k->n; i++)
        if (!strcmp(k->v[i], s))
            return 1;
    return 0;
}

/* the length of the key s ends with (and has more before), or 0 */
static size_t ends_with_key(const slc_keys *k, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < k->n; i++) {
        size_t m = strlen(k->v[i]);
        if (n > m && !strcmp(s + n - m, k->v[i]))
            return m;
    }
    return 0;
}

static size_t code_points(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* An answer column headed 「ウィ・キャンの回答」 names the vendor: the
 * cell's own words before the suffix (which is `cut` code points of its
 * folded form), unless a preamble line already did. */
static void vendor_from_header(aligner *a, const char *cell, size_t cut)
{
    if (a->doc->meta[SLC_META_VENDOR])
        return;
    size_t n = strlen(cell);
    while (n && (cell[n - 1] == ' ' || cell[n - 1] == '\t'))
        n--;
    size_t cps = code_points(cell, n);
    if (cps <= cut)
        return;
    for (size_t drop = cut; drop && n; n--)
        if (((unsigned char)cell[n - 1] & 0xC0) != 0x80)
            drop--;
    size_t start = 0;
    while (start < n && (cell[start] == ' ' || cell[start] == '\t'))
        start++;
    if (n > start)
        a->doc->meta[SLC_META_VENDOR] = slc_arena_strndup(&a->doc->arena, cell + start, n - start);
}

/* An item number: digits after NFKC, optionally "No." before or "." after. */
static int parse_number(aligner *a, const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 40)
        return 0;
    if (n <= 6 && s[0] >= '1' && s[0] <= '9') { /* plain digits: no NFKC needed */
        int v = 0;
        size_t i = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            v = v * 10 + (s[i++] - '0');
        if (i == n)
            return v;
    }
    slc_buf_clear(&a->tmp);
    slc_text_nfkc(&a->tmp, s, n);
    const char *p = a->tmp.data ? a->tmp.data : "";
    while (*p == ' ' || *p == '\t')
        p++;
    if ((p[0] == 'N' || p[0] == 'n') && (p[1] == 'o' || p[1] == 'O')) {
        p += 2;
        if (*p == '.')
            p++;
        while (*p == ' ')
            p++;
    }
    int v = 0, digits = 0;
    while (*p >= '0' && *p <= '9' && digits < 7) {
        v = v * 10 + (*p - '0');
        p++;
        digits++;
    }
    if (!digits)
        return 0;
    if (*p == '.')
        p++;
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
    return *p ? 0 : v;
}

static int group_match(const slc_catalog *cat, const char *fold)
{
    for (size_t i = 0; i < cat->ncategories; i++)
        if (key_in(&cat->categories[i].keys, fold))
            return (int)i;
    for (size_t i = 0; i < cat->nsections; i++)
        if (key_in(&cat->sections[i].keys, fold))
            return (int)(cat->ncategories + i);
    return -1;
}

static double best_sim(const slc_keys *k, const char *fold, double min)
{
    double best = 0;
    for (size_t i = 0; i < k->n && best < 1.0; i++) {
        double s = slc_text_similarity(fold, k->v[i], min);
        if (s > best)
            best = s;
    }
    return best;
}

/* first or last few code points agree: worth an edit distance */
static int plausible(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t pre = la < lb ? la : lb;
    if (pre > 12)
        pre = 12;
    if (pre && !memcmp(a, b, pre))
        return 1;
    if (la >= 12 && lb >= 12 && !memcmp(a + la - 12, b + lb - 12, 12))
        return 1;
    return 0;
}

static double def_sim(const slc_cat_item *it, const char *fold)
{
    double best = 0;
    size_t lf = strlen(fold);
    for (size_t i = 0; i < it->def_keys.n && best < 1.0; i++) {
        const char *k = it->def_keys.v[i];
        if (!strcmp(k, fold))
            return 1.0;
        if (!plausible(k, fold))
            continue;
        /* a definition cut short in the file */
        if (lf >= 30 && lf < strlen(k) && !strncmp(k, fold, lf) && best < 0.9)
            best = 0.9;
        /* same start or end and a similar length: the definition in other
         * words (ユーザ数/ユーザー数); an edit distance over such long texts
         * would cost more than the rest of the row and decide nothing more */
        size_t lk = strlen(k);
        if (best < 0.8 && lf * 10 >= lk * 7 && lk * 10 >= lf * 7)
            best = 0.8;
    }
    return best;
}

/* Item whose name (or alias) the folded text is; -1 if none is close. */
static int find_by_name(const slc_catalog *cat, const char *fold, double *score)
{
    size_t lf = strlen(fold);
    *score = 0;
    if (lf == 0 || lf > 300)
        return -1;
    for (size_t i = 0; i < cat->nitems; i++)
        if (key_in(&cat->items[i].name_keys, fold)) {
            *score = 1.0;
            return (int)i;
        }
    int best = -1;
    for (size_t i = 0; i < cat->nitems; i++) {
        double s = best_sim(&cat->items[i].name_keys, fold, NAME_FIND_MIN);
        if (s > *score) {
            *score = s;
            best = (int)i;
        }
    }
    return best;
}

/* ---- scoring a cell for a column ------------------------------------------ */

/* Vendors mostly copy the checklist's own words: a cell that is exactly
 * the item's name, definition or unit, or a category label, is known
 * without normalizing it. */
static slc_role verbatim(const aligner *a, const char *raw, const slc_cat_item *it)
{
    if (it) {
        if (!strcmp(raw, it->name.ja))
            return SLC_ROLE_NAME;
        for (size_t k = 0; k < it->naliases; k++)
            if (!strcmp(raw, it->aliases[k]))
                return SLC_ROLE_NAME;
        if (!strcmp(raw, it->definition.ja))
            return SLC_ROLE_DEFINITION;
        if (!strcmp(raw, it->unit.ja))
            return SLC_ROLE_UNIT;
        for (size_t k = 0; k < it->nunit_aliases; k++)
            if (!strcmp(raw, it->unit_aliases[k]))
                return SLC_ROLE_UNIT;
    }
    for (size_t k = 0; k < a->cat->ncategories; k++)
        if (!strcmp(raw, a->cat->categories[k].label.ja))
            return SLC_ROLE_CATEGORY;
    return SLC_ROLE_NONE;
}

/* the score of cell i, not blank, in a column of `role`; `known`: what
 * verbatim() made of the cell */
static double score(aligner *a, size_t i, slc_role role, const slc_cat_item *it, slc_role known)
{
    const char *raw = a->row->cells[i];
    const char *f;
    double s;
    if (known != SLC_ROLE_NONE && role >= SLC_ROLE_CATEGORY && role <= SLC_ROLE_UNIT)
        return known == role ? 3 : (role == SLC_ROLE_DEFINITION ? -0.5 : -1);
    switch (role) {
    case SLC_ROLE_NO:
        return parse_number(a, raw) > 0 ? 3 : -3;
    case SLC_ROLE_CATEGORY:
        if (strlen(raw) > 120)
            return -2;
        return group_match(a->cat, fold_cell(a, i)) >= 0 ? 2 : -2;
    case SLC_ROLE_NAME:
        if (strlen(raw) > 3 * a->max_name + 16) /* an answer, not a name */
            return -1;
        f = fold_cell(a, i);
        if (it) {
            s = best_sim(&it->name_keys, f, NAME_MIN);
            return s > 0 ? 1 + 2 * s : -1;
        } else {
            int k = find_by_name(a->cat, f, &s);
            return k >= 0 ? 1 + 2 * s : -1;
        }
    case SLC_ROLE_DEFINITION:
        if (!it)
            return 0;
        if (strlen(raw) > 3 * strlen(it->definition.ja) + 16)
            return -0.5;
        s = def_sim(it, fold_cell(a, i));
        return s > 0 ? 1 + 2 * s : -0.5;
    case SLC_ROLE_UNIT:
        if (!it)
            return 0;
        if (strlen(raw) > 120)
            return -1;
        f = fold_cell(a, i);
        if (key_in(&it->unit_keys, f))
            return 3;
        s = best_sim(&it->unit_keys, f, UNIT_MIN);
        if (s > 0)
            return 1 + 2 * s;
        return slc_text_length(f, strlen(f)) <= 12 ? 0 : -1;
    case SLC_ROLE_ANSWER:
        return 0.5;
    case SLC_ROLE_REMARKS:
        return 0.2;
    case SLC_ROLE_EXAMPLE:
        return 0.1;
    default:
        return 0;
    }
}

/* Aligns cells to columns in order, maximizing the total score:
 * a column may be skipped (a gap between used columns costs a little),
 * a non-empty cell may be dropped (costs more). Fills assign[cell] with a
 * column index or -1. */
#define POS_BONUS 0.25
#define GAP_COST 0.3
#define DROP_COST 2.0

static void align_cells(aligner *a, const slc_cat_item *it, int *assign)
{
    size_t n = a->row->ncells < MAX_ALIGN ? a->row->ncells : MAX_ALIGN;
    size_t m = a->ncolumns;
    static const double NEG = -1e9;
    double sc[MAX_ALIGN][MAX_ALIGN];
    double f[MAX_ALIGN + 1][MAX_ALIGN + 1][2];
    int from[MAX_ALIGN + 1][MAX_ALIGN + 1][2]; /* encoded previous state */
    int took[MAX_ALIGN + 1][MAX_ALIGN + 1][2]; /* column taken by cell i-1, or -1 */

    int blank[MAX_ALIGN];
    for (size_t i = 0; i < n; i++) {
        blank[i] = is_blank(a->row->cells[i]);
        slc_role known = blank[i] ? SLC_ROLE_NONE : verbatim(a, a->row->cells[i], it);
        for (size_t j = 0; j < m; j++)
            sc[i][j] =
                (blank[i] ? 0 : score(a, i, a->columns[j], it, known)) + (i == j ? POS_BONUS : 0);
    }
    for (size_t i = 0; i <= n; i++)
        for (size_t j = 0; j <= m; j++)
            f[i][j][0] = f[i][j][1] = NEG;
    f[0][0][0] = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j <= m; j++) {
            for (int st = 0; st < 2; st++) {
                double v = f[i][j][st];
                if (v <= NEG / 2)
                    continue;
                /* drop the cell */
                double d = v - (blank[i] ? 0 : DROP_COST);
                if (d > f[i + 1][j][st]) {
                    f[i + 1][j][st] = d;
                    from[i + 1][j][st] = (int)(j * 2 + (size_t)st);
                    took[i + 1][j][st] = -1;
                }
                /* give it column k */
                for (size_t k = j; k < m; k++) {
                    double w = v + sc[i][k] - (st ? GAP_COST * (double)(k - j) : 0);
                    if (w > f[i + 1][k + 1][1]) {
                        f[i + 1][k + 1][1] = w;
                        from[i + 1][k + 1][1] = (int)(j * 2 + (size_t)st);
                        took[i + 1][k + 1][1] = (int)k;
                    }
                }
            }
        }
    }
    size_t bj = 0;
    int bs = 0;
    double best = NEG;
    for (size_t j = 0; j <= m; j++)
        for (int st = 0; st < 2; st++)
            if (f[n][j][st] > best) {
                best = f[n][j][st];
                bj = j;
                bs = st;
            }
    for (size_t i = 0; i < n; i++)
        assign[i] = -1;
    for (size_t i = n; i > 0; i--) {
        assign[i - 1] = took[i][bj][bs];
        int prev = from[i][bj][bs];
        bj = (size_t)prev / 2;
        bs = prev % 2;
    }
}

/* The common case needs no search: the cells sit under their header words,
 * as the name in the name column and the unit in the unit column show. */
static int positional(aligner *a, const slc_cat_item *it, int *assign)
{
    size_t n = a->row->ncells < MAX_ALIGN ? a->row->ncells : MAX_ALIGN;
    int named = 0;
    if (!it)
        return 0;
    /* a row may stop short of the header: its missing cells are empty */
    for (size_t j = 0; j < a->ncolumns; j++) {
        const char *cell = j < n ? a->row->cells[j] : "";
        switch (a->columns[j]) {
        case SLC_ROLE_NO:
            if (parse_number(a, cell) != it->no)
                return 0;
            break;
        case SLC_ROLE_NAME:
            if (j >= n)
                return 0;
            if (verbatim(a, cell, it) == SLC_ROLE_NAME)
                ;
            else if (strlen(cell) > 3 * a->max_name + 16 ||
                     !key_in(&it->name_keys, fold_cell(a, j)))
                return 0;
            named = 1;
            break;
        case SLC_ROLE_UNIT:
            if (is_blank(cell) || verbatim(a, cell, it) == SLC_ROLE_UNIT)
                break;
            if (strlen(cell) > 120 || !key_in(&it->unit_keys, fold_cell(a, j)))
                return 0;
            break;
        default:
            break;
        }
    }
    if (!named)
        return 0;
    for (size_t i = 0; i < n; i++)
        assign[i] = i < a->ncolumns ? (int)i : -1;
    /* cells past the header's columns must be empty to be safely dropped */
    for (size_t i = a->ncolumns; i < a->row->ncells; i++)
        if (!is_blank(a->row->cells[i]))
            return 0;
    return 1;
}

/* ---- classifying rows ------------------------------------------------------ */

static size_t nonempty(const slc_row *r, size_t *first)
{
    size_t k = 0;
    *first = (size_t)-1;
    for (size_t i = 0; i < r->ncells; i++)
        if (!is_blank(r->cells[i])) {
            if (!k)
                *first = i;
            k++;
        }
    return k;
}

static int try_header(aligner *a)
{
    const slc_row *r = a->row;
    slc_role roles[MAX_ALIGN];
    size_t suffix_at[MAX_ALIGN]; /* answer headed 「…の回答」: the suffix's code points */
    int hits = 0, key = 0;
    size_t n = r->ncells < MAX_ALIGN ? r->ncells : MAX_ALIGN;
    for (size_t i = 0; i < n; i++) {
        roles[i] = SLC_ROLE_NONE;
        suffix_at[i] = 0;
        if (strlen(r->cells[i]) > 120)
            continue;
        const char *f = fold_cell(a, i);
        if (!*f)
            continue;
        for (int role = 1; role < SLC_ROLE_COUNT; role++) {
            size_t suffix = 0;
            if (key_in(&a->cat->header_words[role], f) ||
                (suffix = ends_with_key(&a->cat->header_suffixes[role], f))) {
                roles[i] = (slc_role)role;
                if (suffix && role == SLC_ROLE_ANSWER && !a->have_header)
                    suffix_at[i] = code_points(f + strlen(f) - suffix, suffix);
                hits++;
                key |= role == SLC_ROLE_NAME || role == SLC_ROLE_ANSWER;
                break;
            }
        }
    }
    if (hits < 3 || !key)
        return 0;
    /* the first answer-like column is the answer; a second one is extra */
    int have[SLC_ROLE_COUNT] = {0};
    for (size_t i = 0; i < n; i++) {
        if (roles[i] != SLC_ROLE_NONE && have[roles[i]]++)
            roles[i] = SLC_ROLE_NONE;
        a->columns[i] = roles[i];
        if (roles[i] == SLC_ROLE_ANSWER && suffix_at[i])
            vendor_from_header(a, r->cells[i], suffix_at[i]);
    }
    a->ncolumns = n;
    if (!a->have_header)
        a->doc->header_line = r->line;
    a->have_header = 1;
    return 1;
}

static int try_metadata(aligner *a, size_t first, size_t count)
{
    const slc_row *r = a->row;
    const char *key = NULL, *value = NULL;
    size_t keylen = 0;
    const char *s = r->cells[first];
    if (count == 1) {
        const char *colon = strstr(s, ":");
        const char *wide = strstr(s, "\xEF\xBC\x9A"); /* U+FF1A */
        size_t skip = 1;
        if (wide && (!colon || wide < colon))
            colon = wide, skip = 3;
        if (!colon)
            return 0;
        key = s;
        keylen = (size_t)(colon - s);
        value = colon + skip;
    } else if (count == 2) {
        size_t second = first + 1;
        while (second < r->ncells && is_blank(r->cells[second]))
            second++;
        key = s;
        keylen = strlen(s);
        value = r->cells[second];
    } else {
        return 0;
    }
    if (keylen > 60)
        return 0;
    slc_buf_clear(&a->tmp);
    slc_text_fold(&a->tmp, key, keylen);
    if (!a->tmp.data)
        return 0;
    for (int m = 0; m < SLC_META_N; m++) {
        if (!key_in(&a->cat->meta_words[m], a->tmp.data))
            continue;
        while (*value == ' ' || *value == '\t')
            value++;
        size_t vl = strlen(value);
        while (vl && (value[vl - 1] == ' ' || value[vl - 1] == '\r' || value[vl - 1] == '\n'))
            vl--;
        if (!vl)
            return 0;
        if (!a->doc->meta[m])
            a->doc->meta[m] = slc_arena_strndup(&a->doc->arena, value, vl);
        return 1;
    }
    return 0;
}

static void skip_row(aligner *a, int no, size_t first, int item_like)
{
    slc_skipped *s = slc_arena_alloc(&a->doc->arena, sizeof(*s));
    s->line = a->row->line;
    s->no = no;
    s->text = first < a->row->ncells ? a->row->cells[first] : "";
    s->looks_like_item = item_like;
    slc_ptrs_push(&a->skipped, s);
}

static void take_item(aligner *a, int no, int idx, int by_name)
{
    const slc_row *r = a->row;
    const slc_cat_item *it = idx >= 0 ? &a->cat->items[idx] : NULL;
    int assign[MAX_ALIGN];
    size_t n = r->ncells < MAX_ALIGN ? r->ncells : MAX_ALIGN;
    slc_answer *ans = slc_arena_alloc(&a->doc->arena, sizeof(*ans));
    memset(ans, 0, sizeof(*ans));
    ans->no = no;
    ans->item = idx;
    ans->line = r->line;
    ans->offset = r->offset;
    ans->by_name = by_name;
    ans->name_item = -1;

    if (!positional(a, it, assign))
        align_cells(a, it, assign);
    for (size_t i = 0; i < n; i++) {
        if (assign[i] < 0)
            continue;
        slc_role role = a->columns[assign[i]];
        if (role == SLC_ROLE_NONE || ans->cell[role])
            continue;
        ans->cell[role] = r->cells[i];
        ans->col[role] = (int)i + 1;
    }
    /* how well the name agrees with the item the number says */
    if (ans->cell[SLC_ROLE_NAME] && !is_blank(ans->cell[SLC_ROLE_NAME])) {
        const char *f = NULL;
        if (it && verbatim(a, ans->cell[SLC_ROLE_NAME], it) == SLC_ROLE_NAME)
            ans->name_score = 1.0;
        else if (it &&
                 key_in(&it->name_keys, f = fold_cell(a, (size_t)ans->col[SLC_ROLE_NAME] - 1)))
            ans->name_score = 1.0;
        else
            ans->name_score = it ? best_sim(&it->name_keys, f, 0.0) : 0;
        if (!f && (!it || ans->name_score < NAME_MIN))
            f = fold_cell(a, (size_t)ans->col[SLC_ROLE_NAME] - 1);
        if (!it || ans->name_score < NAME_MIN) {
            double s;
            ans->name_item = find_by_name(a->cat, f, &s);
        }
    } else {
        ans->name_score = -1; /* no name given */
    }
    slc_ptrs_push(&a->answers, ans);
    a->seen_item = 1;
}

static void classify(aligner *a)
{
    const slc_row *r = a->row;
    size_t first;
    size_t count = nonempty(r, &first);
    if (count == 0)
        return;

    /* numbered row: the first non-empty cell, where the No column is */
    int no = 0;
    if (count >= 2 && strlen(r->cells[first]) <= 40)
        no = parse_number(a, r->cells[first]);
    if (no <= 0 && try_header(a))
        return;
    if (no > 0) {
        const slc_cat_item *it = slc_catalog_item(a->cat, no);
        take_item(a, no, it ? a->cat->by_no[no] : -1, 0);
        return;
    }
    if (count == 1 && strlen(r->cells[first]) <= 120 && first < MAX_ALIGN &&
        group_match(a->cat, fold_cell(a, first)) >= 0)
        return; /* section row */
    if (try_metadata(a, first, count))
        return;
    /* no number: an item known by its name in one of the first cells */
    if (count >= 2) {
        size_t seen = 0;
        for (size_t i = first; i < r->ncells && i < MAX_ALIGN && seen < 3; i++) {
            if (is_blank(r->cells[i]))
                continue;
            seen++;
            double s;
            int idx = find_by_name(a->cat, fold_cell(a, i), &s);
            if (idx >= 0) {
                take_item(a, 0, idx, 1);
                return;
            }
        }
    }
    if (a->seen_item || a->have_header)
        skip_row(a, 0, first, 0);
}

void slc_align(slc_doc *doc, const slc_table *t)
{
    aligner a;
    memset(&a, 0, sizeof(a));
    a.doc = doc;
    a.cat = doc->cat;
    for (size_t i = 0; i < MAX_ALIGN; i++)
        slc_buf_init(&a.folds[i]);
    slc_buf_init(&a.tmp);
    for (size_t i = 0; i < a.cat->nitems; i++) {
        const slc_cat_item *it = &a.cat->items[i];
        size_t l = strlen(it->name.ja);
        for (size_t k = 0; k < it->naliases; k++)
            if (strlen(it->aliases[k]) > l)
                l = strlen(it->aliases[k]);
        if (it->name.en && strlen(it->name.en) > l)
            l = strlen(it->name.en);
        if (l > a.max_name)
            a.max_name = l;
    }
    a.ncolumns = sizeof(default_columns) / sizeof(default_columns[0]);
    memcpy(a.columns, default_columns, sizeof(default_columns));

    for (size_t i = 0; i < t->nrows; i++) {
        a.row = &t->rows[i];
        memset(a.folded, 0, sizeof(a.folded));
        classify(&a);
    }

    doc->nanswers = a.answers.n;
    doc->answers = slc_arena_alloc(&doc->arena, (a.answers.n + 1) * sizeof(slc_answer));
    for (size_t i = 0; i < a.answers.n; i++)
        doc->answers[i] = *(slc_answer *)a.answers.v[i];
    doc->nskipped = a.skipped.n;
    doc->skipped = slc_arena_alloc(&doc->arena, (a.skipped.n + 1) * sizeof(slc_skipped));
    for (size_t i = 0; i < a.skipped.n; i++)
        doc->skipped[i] = *(slc_skipped *)a.skipped.v[i];
    for (size_t i = 0; i < doc->cat->nitems; i++)
        doc->first[i] = -1;
    for (size_t i = 0; i < doc->nanswers; i++) {
        int idx = doc->answers[i].item;
        if (idx >= 0 && doc->first[idx] < 0)
            doc->first[idx] = (int)i;
    }

    slc_ptrs_release(&a.answers);
    slc_ptrs_release(&a.skipped);
    for (size_t i = 0; i < MAX_ALIGN; i++)
        slc_buf_release(&a.folds[i]);
    slc_buf_release(&a.tmp);
}

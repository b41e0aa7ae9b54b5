/* report_diff.c - terminal rendering of a comparison. */
#include "report_diff.h"

#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "term_text.h"
#include "text.h"

#define RED "\033[31m"
#define GREEN "\033[32m"
#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *L(const slc_diff_view *v, const char *en, const char *ja)
{
    return v->lang == SLC_LANG_JA ? ja : en;
}

static void pad_to(slc_buf *out, size_t used, size_t width)
{
    for (; used < width; used++)
        slc_buf_addc(out, ' ');
}

/* Appends vendor text for a terminal (term_text.h): with keep_lf, line
 * breaks stay (CR LF and CR become LF); every other control is shown. */
static void add_clean(slc_buf *out, const char *s, size_t n, int keep_lf)
{
    slc_term_text_add(out, s, n, keep_lf ? SLC_TERM_KEEP_LF : 0);
}

static void add_clean_s(slc_buf *out, const char *s, int keep_lf)
{
    if (s)
        add_clean(out, s, strlen(s), keep_lf);
}

static size_t utf8_len(const char *p, const char *end)
{
    unsigned char c = (unsigned char)*p;
    size_t n = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return n > (size_t)(end - p) ? (size_t)(end - p) : n;
}

/* a character of a Latin word (or number, or sign such as ≥): not a space,
 * one cell wide; a line may break anywhere else, as between kanji */
static int word_char(const char *p, const char *end)
{
    unsigned char c = (unsigned char)*p;
    if (c <= ' ')
        return 0;
    return c < 0x80 || slc_text_width(p, utf8_len(p, end)) == 1;
}

/* Appends s[0..len) with every line wrapped to `width` cells: ANSI escape
 * sequences take no room and are never cut, a colour that runs over a
 * break is closed before it and opened again after; a continuation line
 * is indented like the start of its line; a Latin word is not cut when it
 * can move to the next line. */
static void wrap_lines(slc_buf *out, const char *s, size_t len, size_t width)
{
    const char *end = s + len;
    char active[64]; /* escapes in effect since the last reset */
    size_t nactive = 0;
    while (s < end) {
        const char *eol = memchr(s, '\n', (size_t)(end - s));
        if (!eol)
            eol = end;
        size_t indent = 0; /* spaces, and an item number after them */
        while (s + indent < eol && s[indent] == ' ')
            indent++;
        size_t num = indent;
        while (s + num < eol && s[num] >= '0' && s[num] <= '9')
            num++;
        if (num > indent && s + num < eol && s[num] == ' ')
            indent = num + 1;
        if (indent > width / 2)
            indent = width / 2;
        size_t col = 0;
        /* the run of Latin letters being written: where it started */
        const char *run_p = NULL;
        size_t run_out = 0, run_col = 0, run_nactive = 0;
        char run_active[sizeof(active)];
        const char *p = s;
        while (p < eol) {
            if (*p == '\033') {
                const char *q = p + 1;
                if (q < eol && *q == '[') {
                    q++;
                    while (q < eol && !(*q >= 0x40 && *q <= 0x7e))
                        q++;
                    if (q < eol)
                        q++;
                }
                size_t n = (size_t)(q - p);
                slc_buf_add(out, p, n);
                if (n == strlen(RESET) && !memcmp(p, RESET, n))
                    nactive = 0;
                else if (nactive + n <= sizeof(active))
                    memcpy(active + nactive, p, n), nactive += n;
                p = q;
                continue;
            }
            size_t cl = utf8_len(p, eol);
            size_t w = slc_text_width(p, cl);
            if (col + w > width && col > indent) {
                if (word_char(p, eol) && run_p && run_col > indent) {
                    /* move the word to the next line */
                    out->len = run_out;
                    p = run_p;
                    memcpy(active, run_active, run_nactive);
                    nactive = run_nactive;
                }
                while (out->len && out->data[out->len - 1] == ' ')
                    out->len--;
                if (nactive)
                    slc_buf_adds(out, RESET);
                slc_buf_addc(out, '\n');
                pad_to(out, 0, indent);
                if (nactive)
                    slc_buf_add(out, active, nactive);
                col = indent;
                run_p = NULL;
                if (*p == ' ') {
                    p++;
                    continue;
                }
                cl = utf8_len(p, eol);
                w = slc_text_width(p, cl);
            }
            if (!word_char(p, eol)) {
                run_p = NULL;
            } else if (!run_p) {
                run_p = p;
                run_out = out->len;
                run_col = col;
                memcpy(run_active, active, nactive);
                run_nactive = nactive;
            }
            slc_buf_add(out, p, cl);
            col += w;
            p += cl;
        }
        if (eol < end)
            slc_buf_addc(out, '\n');
        s = eol < end ? eol + 1 : end;
    }
    if (out->data)
        out->data[out->len] = '\0';
}

/* one cell of a column: text cut into lines of at most `width` cells */
typedef struct wrapped {
    const char *s;
    size_t len;
} wrapped;

static size_t wrap(const char *s, size_t width, wrapped *lines, size_t max, int *cut)
{
    size_t n = 0, len = strlen(s);
    while (len && n < max) {
        /* a line break in the answer starts a new line */
        size_t brk = 0;
        while (brk < len && s[brk] != '\n')
            brk++;
        size_t take = slc_text_fit(s, brk, width);
        if (take == 0 && brk > 0)
            take = 1;
        /* do not cut a Latin word (or "[≥ 3 days]") in two if a space allows a break */
        if (take < brk && word_char(s + take, s + len)) {
            size_t sp = take;
            while (sp > 0) {
                size_t prev = sp - 1;
                while (prev > 0 && ((unsigned char)s[prev] & 0xC0) == 0x80)
                    prev--;
                if (!word_char(s + prev, s + len))
                    break;
                sp = prev;
            }
            if (sp > 0 && s[sp - 1] == ' ')
                take = sp;
        }
        while (take < len && ((unsigned char)s[take] & 0xC0) == 0x80)
            take++;
        lines[n].s = s;
        lines[n].len = take;
        n++;
        s += take;
        len -= take;
        if (len && *s == '\n')
            s++, len--;
        else if (len && *s == ' ' && take < brk)
            s++, len--; /* the space at a wrap */
    }
    *cut = len > 0;
    if (*cut && max) /* more than fits: room for the mark of the cut */
        lines[max - 1].len =
            slc_text_fit(lines[max - 1].s, lines[max - 1].len, width > 1 ? width - 1 : 1);
    return n;
}

static void summary(const slc_comparison *c, const slc_diff_view *v, slc_buf *out)
{
    slc_buf_addf(out, "%s %zu %s\n", L(v, "Comparing", "比較:"), c->n,
                 L(v, "checklists:", "件のチェックリスト"));
    for (size_t i = 0; i < c->n; i++) {
        slc_buf_addf(out, "  [%zu] ", i + 1);
        add_clean_s(out, c->docs[i]->name, 0);
        slc_buf_adds(out, " (");
        add_clean_s(out, c->docs[i]->path, 0);
        slc_buf_adds(out, ")\n");
    }
    slc_buf_addf(out, "\n%s\n", L(v, "Items that differ, by category:", "種別ごとの相違項目数:"));
    for (size_t k = 0; k < c->cat->ncategories; k++) {
        size_t total = 0;
        for (size_t i = 0; i < c->cat->nitems; i++)
            total += c->cat->items[i].category == (int)k;
        const char *name = slc_label_get(&c->cat->categories[k].label, v->lang);
        slc_buf_addf(out, "  %s", name);
        pad_to(out, slc_text_width(name, strlen(name)) + 2, 28);
        slc_buf_addf(out, "%2zu/%zu\n", c->category_differs[k], total);
    }
    /* the heads right-aligned over the numbers, by display width */
    const char *label = L(v, "Per vendor:", "ベンダー別:");
    const char *heads[4] = {L(v, "leads", "優位"), L(v, "trails", "劣位"),
                            L(v, "undisclosed", "非公開"), L(v, "missing", "欠落")};
    const size_t fields[4] = {5, 6, 11, 7};
    slc_buf_addf(out, "\n%s", label);
    pad_to(out, slc_text_width(label, strlen(label)), 20);
    for (size_t k = 0; k < 4; k++) {
        if (k)
            slc_buf_adds(out, "  ");
        pad_to(out, slc_text_width(heads[k], strlen(heads[k])), fields[k]);
        slc_buf_adds(out, heads[k]);
    }
    slc_buf_addc(out, '\n');
    slc_buf name;
    slc_buf_init(&name);
    for (size_t i = 0; i < c->n; i++) {
        slc_buf_clear(&name);
        add_clean_s(&name, c->docs[i]->name, 0);
        size_t fit = slc_text_fit(name.data ? name.data : "", name.len, 18);
        slc_buf_add(out, "  ", 2);
        slc_buf_add(out, name.data ? name.data : "", fit);
        pad_to(out, slc_text_width(name.data ? name.data : "", fit) + 2, 20);
        slc_buf_addf(out, "%5zu  %6zu  %11zu  %7zu\n", c->vendors[i].leads, c->vendors[i].trails,
                     c->vendors[i].undisclosed, c->vendors[i].missing);
    }
    slc_buf_release(&name);
    slc_buf_addc(out, '\n');
}

static int shown(const slc_comparison *c, const slc_diff_view *v, size_t i)
{
    if (v->show && !v->show[i])
        return 0;
    return v->all || slc_cmp_item_differs(&c->items[i]);
}

#define MAXLINES 12

static void side_by_side(const slc_comparison *c, const slc_diff_view *v, slc_buf *out)
{
    const size_t wno = 4, wname = 18;
    size_t wverdict = 11; /* the longest verdict word in the language, and a space */
    for (int k = SLC_CMP_SAME; k <= SLC_CMP_MISSING; k++) {
        const char *w = slc_cmp_verdict_label((slc_cmp_verdict)k, v->lang);
        if (slc_text_width(w, strlen(w)) + 1 > wverdict)
            wverdict = slc_text_width(w, strlen(w)) + 1;
    }
    size_t fixed = wno + wname + wverdict;
    size_t avail = v->width > fixed + 12 * c->n ? v->width - fixed : 12 * c->n;
    size_t wcol = avail / c->n, nv = c->n;
    /* header */
    slc_buf_adds(out, " No ");
    const char *hdr = L(v, "Item", "項目");
    slc_buf_adds(out, hdr);
    pad_to(out, slc_text_width(hdr, strlen(hdr)), wname);
    hdr = L(v, "Verdict", "判定");
    slc_buf_adds(out, hdr);
    pad_to(out, slc_text_width(hdr, strlen(hdr)), wverdict);
    slc_buf descr;
    slc_buf_init(&descr);
    for (size_t k = 0; k < nv; k++) {
        slc_buf_clear(&descr);
        add_clean_s(&descr, c->docs[k]->name, 0);
        const char *name = descr.data ? descr.data : "";
        size_t fit = slc_text_fit(name, descr.len, wcol - 1);
        slc_buf_add(out, name, fit);
        if (k + 1 < nv)
            pad_to(out, slc_text_width(name, fit), wcol);
    }
    while (out->len && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
    slc_buf_addc(out, '\n');
    /* one column per vendor, however many */
    wrapped *cells = slc_xmalloc(nv * MAXLINES * sizeof(wrapped));
    size_t *ncell = slc_xmalloc(nv * sizeof(size_t));
    int *cut = slc_xmalloc(nv * sizeof(int));
    slc_buf *bufs = slc_xmalloc(nv * sizeof(slc_buf));
    for (size_t k = 0; k < nv; k++)
        slc_buf_init(&bufs[k]);
    for (size_t i = 0; i < c->nitems; i++) {
        if (!shown(c, v, i))
            continue;
        const slc_cmp_item *ci = &c->items[i];
        const slc_cat_item *it = &c->cat->items[i];
        size_t rows = 1;
        for (size_t k = 0; k < nv; k++) {
            slc_buf_clear(&bufs[k]);
            const slc_answer *a = ci->answers[k];
            if (!a) {
                slc_buf_adds(&bufs[k], L(v, "(missing)", "（欠落）"));
            } else {
                if (ci->rank[k])
                    slc_buf_adds(&bufs[k], ci->rank[k] > 0 ? "▲ " : "▼ ");
                add_clean_s(&bufs[k], a->cell[SLC_ROLE_ANSWER], 1);
                if (ci->standing[k].known || ci->standing[k].undisclosed) {
                    slc_buf_clear(&descr);
                    slc_standing_text(&ci->standing[k], v->lang, &descr);
                    slc_buf_addf(&bufs[k], " [%s]", descr.data ? descr.data : "");
                }
            }
            ncell[k] = wrap(bufs[k].data ? bufs[k].data : "", wcol - 2, cells + k * MAXLINES,
                            MAXLINES, &cut[k]);
            if (ncell[k] > rows)
                rows = ncell[k];
        }
        const char *name = slc_label_get(&it->name, v->lang);
        wrapped names[3];
        int name_cut;
        size_t nn = wrap(name, wname - 1, names, 3, &name_cut);
        if (nn > rows)
            rows = nn;
        for (size_t r = 0; r < rows; r++) {
            if (r == 0)
                slc_buf_addf(out, "%3d ", it->no);
            else
                slc_buf_adds(out, "    ");
            size_t w = 0;
            if (r < nn) {
                slc_buf_add(out, names[r].s, names[r].len);
                w = slc_text_width(names[r].s, names[r].len);
                if (name_cut && r + 1 == nn)
                    slc_buf_adds(out, "…"), w++;
            }
            pad_to(out, w, wname);
            const char *vd = r == 0 ? slc_cmp_verdict_label(ci->verdict, v->lang) : "";
            if (r == 0 && v->colour && ci->verdict >= SLC_CMP_DIFFERS)
                slc_buf_addf(out, BOLD "%s" RESET, vd);
            else
                slc_buf_adds(out, vd);
            pad_to(out, slc_text_width(vd, strlen(vd)), wverdict);
            for (size_t k = 0; k < nv; k++) {
                size_t cw = 0;
                if (r < ncell[k]) {
                    const wrapped *cl = &cells[k * MAXLINES + r];
                    const char *col =
                        v->colour && ci->rank[k] ? (ci->rank[k] > 0 ? GREEN : RED) : NULL;
                    if (col)
                        slc_buf_adds(out, col);
                    slc_buf_add(out, cl->s, cl->len);
                    cw = slc_text_width(cl->s, cl->len);
                    if (cut[k] && r + 1 == ncell[k])
                        slc_buf_adds(out, "…"), cw++; /* more than MAXLINES lines */
                    if (col)
                        slc_buf_adds(out, RESET);
                }
                if (k + 1 < nv)
                    pad_to(out, cw, wcol);
            }
            /* no trailing spaces */
            while (out->len && out->data[out->len - 1] == ' ')
                out->data[--out->len] = '\0';
            slc_buf_addc(out, '\n');
        }
    }
    for (size_t k = 0; k < nv; k++)
        slc_buf_release(&bufs[k]);
    free(bufs);
    free(cut);
    free(ncell);
    free(cells);
    slc_buf_release(&descr);
}

typedef struct diff_out {
    slc_buf *out;
    int colour;
} diff_out;

static void on_diff(void *data, char op, const char *s, size_t n)
{
    diff_out *d = data;
    const char *open = op == ' '   ? NULL
                       : d->colour ? (op == '-' ? RED "\033[9m" : GREEN)
                                   : (op == '-' ? "[-" : "{+");
    const char *close = op == ' ' ? NULL : d->colour ? RESET : (op == '-' ? "-]" : "+}");
    slc_buf clean;
    slc_buf_init(&clean);
    add_clean(&clean, s, n, 1);
    const char *p = clean.data ? clean.data : "", *end = p + clean.len;
    if (open)
        slc_buf_adds(d->out, open);
    while (p < end) { /* a line break in the answer: the next line indented too */
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        slc_buf_add(d->out, p, nl ? (size_t)(nl - p) : (size_t)(end - p));
        if (!nl)
            break;
        if (open && d->colour)
            slc_buf_adds(d->out, RESET);
        slc_buf_adds(d->out, "\n    ");
        if (open && d->colour)
            slc_buf_adds(d->out, open);
        p = nl + 1;
    }
    if (close)
        slc_buf_adds(d->out, close);
    slc_buf_release(&clean);
}

static void changes(const slc_comparison *c, const slc_diff_view *v, slc_buf *out)
{
    slc_buf_addf(out, "%s ", L(v, "Changes in", "変更:"));
    add_clean_s(out, c->docs[1]->name, 0);
    slc_buf_adds(out, " (");
    add_clean_s(out, c->docs[0]->path, 0);
    slc_buf_adds(out, " → ");
    add_clean_s(out, c->docs[1]->path, 0);
    slc_buf_adds(out, ")\n\n");
    slc_buf a, b;
    slc_buf_init(&a);
    slc_buf_init(&b);
    size_t changed = 0, weakened = 0;
    for (size_t i = 0; i < c->nitems; i++) {
        const slc_cmp_item *ci = &c->items[i];
        const slc_cat_item *it = &c->cat->items[i];
        if ((v->show && !v->show[i]) || (ci->verdict == SLC_CMP_SAME && !v->all))
            continue;
        changed += ci->verdict != SLC_CMP_SAME;
        slc_buf_addf(out, "%3d %s", it->no, slc_label_get(&it->name, v->lang));
        if (ci->verdict == SLC_CMP_MISSING) {
            slc_buf_addf(out, "  %s\n",
                         !ci->answers[0] ? L(v, "(added)", "（追加）")
                                         : L(v, "(removed)", "（削除）"));
            continue;
        }
        if (ci->weakened) {
            weakened++;
            slc_buf_clear(&a);
            slc_buf_clear(&b);
            slc_standing_text(&ci->standing[0], v->lang, &a);
            slc_standing_text(&ci->standing[1], v->lang, &b);
            slc_buf_addf(out, "  %s%s%s %s → %s", v->colour ? RED BOLD : "",
                         L(v, "WEAKENED", "後退"), v->colour ? RESET : "", a.data ? a.data : "",
                         b.data ? b.data : "");
        } else if (ci->verdict == SLC_CMP_EQUIVALENT) {
            slc_buf_addf(out, "  (%s)", L(v, "same commitment in other words", "表現のみ変更"));
        }
        slc_buf_adds(out, "\n    ");
        diff_out d = {out, v->colour};
        slc_diff_words(ci->answers[0]->cell[SLC_ROLE_ANSWER], ci->answers[1]->cell[SLC_ROLE_ANSWER],
                       on_diff, &d);
        slc_buf_addc(out, '\n');
    }
    slc_buf_addf(out, "\n%zu %s, %zu %s\n", changed,
                 changed == 1 ? L(v, "item changed", "項目が変更")
                              : L(v, "items changed", "項目が変更"),
                 weakened,
                 weakened == 1 ? L(v, "commitment weakened", "項目で約束が後退")
                               : L(v, "commitments weakened", "項目で約束が後退"));
    slc_buf_release(&a);
    slc_buf_release(&b);
}

void slc_report_diff_text(const slc_comparison *c, const slc_diff_view *v, slc_buf *out)
{
    /* the summary and the changes are written as they come, then wrapped to
     * the width; the side by side table is laid out to the width itself */
    slc_buf text;
    slc_buf_init(&text);
    if (c->versions && c->n == 2)
        changes(c, v, &text);
    else
        summary(c, v, &text);
    wrap_lines(out, text.data ? text.data : "", text.len, v->width);
    slc_buf_release(&text);
    if (!(c->versions && c->n == 2))
        side_by_side(c, v, out);
}

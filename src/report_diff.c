/* report_diff.c - terminal rendering of a comparison. */
#include "report_diff.h"

#include <string.h>

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

/* one cell of a column: text cut into lines of at most `width` cells */
typedef struct wrapped {
    const char *s;
    size_t len;
} wrapped;

static size_t wrap(const char *s, size_t width, wrapped *lines, size_t max)
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
        /* do not cut a Latin word in two if a space allows a break */
        if (take < brk && s[take] != ' ' && (unsigned char)s[take] < 0x80) {
            size_t sp = take;
            while (sp > 0 && s[sp - 1] != ' ' && (unsigned char)s[sp - 1] < 0x80)
                sp--;
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
        else if (len && *s == '\r')
            s++, len--;
    }
    if (n == max && len && max) {   /* more than fits: mark the cut */
        lines[max - 1].len = slc_text_fit(lines[max - 1].s, lines[max - 1].len, width > 1 ? width - 1 : 1);
    }
    return n;
}

static void summary(const slc_comparison *c, const slc_diff_view *v, slc_buf *out)
{
    slc_buf_adds(out, L(v, "Comparing ", "比較: "));
    for (size_t i = 0; i < c->n; i++)
        slc_buf_addf(out, "%s[%zu] %s (%s)", i ? "  " : "", i + 1, c->docs[i]->name, c->docs[i]->path);
    slc_buf_addc(out, '\n');
    slc_buf_addf(out, "\n%s\n", L(v, "Items that differ, by category:", "カテゴリ別の相違項目数:"));
    for (size_t k = 0; k < c->cat->ncategories; k++) {
        size_t total = 0;
        for (size_t i = 0; i < c->cat->nitems; i++)
            total += c->cat->items[i].category == (int)k;
        const char *name = slc_label_get(&c->cat->categories[k].label, v->lang);
        slc_buf_addf(out, "  %s", name);
        pad_to(out, slc_text_width(name, strlen(name)) + 2, 28);
        slc_buf_addf(out, "%2zu/%zu\n", c->category_differs[k], total);
    }
    slc_buf_addf(out, "\n%s\n", L(v, "Per vendor:        leads  trails  undisclosed  missing",
                                   "ベンダー別:        優位   劣位    非公開       欠落"));
    for (size_t i = 0; i < c->n; i++) {
        const char *name = c->docs[i]->name;
        size_t fit = slc_text_fit(name, strlen(name), 18);
        slc_buf_add(out, "  ", 2);
        slc_buf_add(out, name, fit);
        pad_to(out, slc_text_width(name, fit) + 2, 20);
        slc_buf_addf(out, "%5zu  %6zu  %11zu  %7zu\n", c->vendors[i].leads, c->vendors[i].trails,
                     c->vendors[i].undisclosed, c->vendors[i].missing);
    }
    slc_buf_addc(out, '\n');
}

static int shown(const slc_comparison *c, const slc_diff_view *v, size_t i)
{
    if (v->show && !v->show[i])
        return 0;
    return v->all || c->items[i].verdict >= SLC_CMP_DIFFERS;
}

#define MAXLINES 12

static void side_by_side(const slc_comparison *c, const slc_diff_view *v, slc_buf *out)
{
    const size_t wno = 4, wname = 18, wverdict = 11;
    size_t fixed = wno + wname + wverdict;
    size_t avail = v->width > fixed + 12 * c->n ? v->width - fixed : 12 * c->n;
    size_t wcol = avail / c->n;
    /* header */
    slc_buf_adds(out, " No ");
    const char *hdr = L(v, "Item", "項目");
    slc_buf_adds(out, hdr);
    pad_to(out, slc_text_width(hdr, strlen(hdr)), wname);
    hdr = L(v, "Verdict", "判定");
    slc_buf_adds(out, hdr);
    pad_to(out, slc_text_width(hdr, strlen(hdr)), wverdict);
    for (size_t k = 0; k < c->n; k++) {
        const char *name = c->docs[k]->name;
        size_t fit = slc_text_fit(name, strlen(name), wcol - 1);
        slc_buf_add(out, name, fit);
        if (k + 1 < c->n)
            pad_to(out, slc_text_width(name, fit), wcol);
    }
    slc_buf_addc(out, '\n');
    slc_buf descr;
    slc_buf_init(&descr);
    for (size_t i = 0; i < c->nitems; i++) {
        if (!shown(c, v, i))
            continue;
        const slc_cmp_item *ci = &c->items[i];
        const slc_cat_item *it = &c->cat->items[i];
        wrapped cells[16][MAXLINES];
        size_t ncell[16], rows = 1, nv = c->n < 16 ? c->n : 16;
        const char *texts[16];
        slc_buf bufs[16];
        for (size_t k = 0; k < nv; k++) {
            slc_buf_init(&bufs[k]);
            const slc_answer *a = ci->answers[k];
            if (!a) {
                slc_buf_adds(&bufs[k], L(v, "(missing)", "（欠落）"));
            } else {
                if (ci->rank[k])
                    slc_buf_adds(&bufs[k], ci->rank[k] > 0 ? "▲ " : "▼ ");
                slc_buf_adds(&bufs[k], a->cell[SLC_ROLE_ANSWER] ? a->cell[SLC_ROLE_ANSWER] : "");
                if (ci->standing[k].known || ci->standing[k].undisclosed) {
                    slc_buf_clear(&descr);
                    slc_standing_describe(it, &ci->standing[k], &descr);
                    slc_buf_addf(&bufs[k], " [%s]", descr.data ? descr.data : "");
                }
            }
            texts[k] = bufs[k].data ? bufs[k].data : "";
            ncell[k] = wrap(texts[k], wcol - 2, cells[k], MAXLINES);
            if (ncell[k] > rows)
                rows = ncell[k];
        }
        const char *name = slc_label_get(&it->name, v->lang);
        wrapped names[3];
        size_t nn = wrap(name, wname - 1, names, 3);
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
            }
            pad_to(out, w, wname);
            const char *vd = r == 0 ? slc_cmp_verdict_id(ci->verdict) : "";
            if (r == 0 && v->colour && ci->verdict >= SLC_CMP_DIFFERS)
                slc_buf_addf(out, BOLD "%s" RESET, vd);
            else
                slc_buf_adds(out, vd);
            pad_to(out, strlen(vd), wverdict);
            for (size_t k = 0; k < nv; k++) {
                size_t cw = 0;
                if (r < ncell[k]) {
                    const char *col = v->colour && ci->rank[k] ? (ci->rank[k] > 0 ? GREEN : RED) : NULL;
                    if (col)
                        slc_buf_adds(out, col);
                    slc_buf_add(out, cells[k][r].s, cells[k][r].len);
                    if (col)
                        slc_buf_adds(out, RESET);
                    cw = slc_text_width(cells[k][r].s, cells[k][r].len);
                }
                if (k + 1 < nv)
                    pad_to(out, cw, wcol);
            }
            /* no trailing spaces */
            while (out->len && out->data[out->len - 1] == ' ')
                out->data[--out->len] = '\0';
            slc_buf_addc(out, '\n');
        }
        for (size_t k = 0; k < nv; k++)
            slc_buf_release(&bufs[k]);
    }
    slc_buf_release(&descr);
}

typedef struct diff_out {
    slc_buf *out;
    int colour;
} diff_out;

static void on_diff(void *data, char op, const char *s, size_t n)
{
    diff_out *d = data;
    if (op == ' ') {
        slc_buf_add(d->out, s, n);
    } else if (d->colour) {
        slc_buf_adds(d->out, op == '-' ? RED "\033[9m" : GREEN);
        slc_buf_add(d->out, s, n);
        slc_buf_adds(d->out, RESET);
    } else {
        slc_buf_adds(d->out, op == '-' ? "[-" : "{+");
        slc_buf_add(d->out, s, n);
        slc_buf_adds(d->out, op == '-' ? "-]" : "+}");
    }
}

static void changes(const slc_comparison *c, const slc_diff_view *v, slc_buf *out)
{
    slc_buf_addf(out, "%s %s (%s → %s)\n\n", L(v, "Changes in", "変更:"), c->docs[1]->name,
                 c->docs[0]->path, c->docs[1]->path);
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
            slc_buf_addf(out, "  %s\n", !ci->answers[0] ? L(v, "(added)", "（追加）")
                                                        : L(v, "(removed)", "（削除）"));
            continue;
        }
        if (ci->weakened) {
            weakened++;
            slc_buf_clear(&a);
            slc_buf_clear(&b);
            slc_standing_describe(it, &ci->standing[0], &a);
            slc_standing_describe(it, &ci->standing[1], &b);
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
    slc_buf_addf(out, "\n%zu %s, %zu %s\n", changed, L(v, "items changed", "項目が変更"), weakened,
                 L(v, "commitments weakened", "項目で約束が後退"));
    slc_buf_release(&a);
    slc_buf_release(&b);
}

void slc_report_diff_text(const slc_comparison *c, const slc_diff_view *v, slc_buf *out)
{
    if (c->versions && c->n == 2) {
        changes(c, v, out);
        return;
    }
    summary(c, v, out);
    side_by_side(c, v, out);
}

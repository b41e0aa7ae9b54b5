/* export_xlsx.c - the report as an Excel workbook, through libxlsxwriter
 * (xlsx_write.h): a summary with a native chart of each vendor's standing
 * per category, the comparison, the findings, the profile's requirements
 * and one sheet per vendor.
 *
 * Vendor text is always written as a string cell, never as a formula,
 * and comes back byte for byte (xlsx_write.c escapes what Excel would
 * decode). */
#include "export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile.h"
#include "rules.h"
#include "term_text.h"
#include "text.h"
#include "xlsx_write.h"

#define PAPER_A4 9
#define SHEET_NAME_MAX 31 /* Excel: UTF-16 units */

/* colours: Excel's own "good" and "bad" styles, and pale verdict tints */
#define C_BETTER_FILL 0xC6EFCE
#define C_BETTER_FONT 0x006100
#define C_WORSE_FILL 0xFFC7CE
#define C_WORSE_FONT 0x9C0006
#define C_HEADER_FILL 0xD9E1F2
#define C_GROUP_FILL 0xEDEDED
#define C_BORDER 0xBFBFBF

static const lxw_color_t verdict_fill[4] = {0xE2EFDA, 0xDDEBF7, 0xFFF2CC, 0xE7E6E6};

enum { SEV_N = 3 };

typedef struct formats {
    lxw_format *title, *bold, *header, *group, *text, *num, *score, *present;
    lxw_format *better, *worse, *verdict[4], *severity[SEV_N];
} formats;

/* The workbook being written; the first failure stops further writes. */
typedef struct xw {
    const slc_export *x;
    lxw_workbook *wb;
    formats f;
    const char *summary_name; /* for the chart's references */
    char **vendor_sheet;      /* [n] unique sheet names */
    slc_xlsx_errors e;        /* the first libxlsxwriter error, and where */
    slc_buf esc;              /* scratch: escaped cell text */
    slc_buf tmp;              /* scratch: composed cell text */
    slc_buf cut;              /* scratch: text cut at Excel's cell limit */
} xw;

/* One sheet: its widths are estimated from what is written. */
typedef struct sheet {
    xw *w;
    lxw_worksheet *ws;
    const char *name;
    double *width;     /* per column, in Excel character units */
    const double *cap; /* per column maximum, or NULL */
    size_t ncols;
} sheet;

/* ---- text -------------------------------------------------------------- */

/* Text for places that take no escapes (document properties, sheet names):
 * control characters become spaces, U+FFFE/U+FFFF are dropped. */
static void plain_text(slc_buf *out, const char *s)
{
    for (const char *p = s; *p; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            slc_buf_addc(out, ' ');
        else if (slc_xlsx_is_nonchar(p))
            p += 2;
        else
            slc_buf_addc(out, *p);
    }
}

/* Display width of the widest line of s, in Excel character units. */
static double text_width(const char *s)
{
    double best = 0;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        double wd = (double)slc_text_width(s, n);
        if (wd > best)
            best = wd;
        s += n + (nl != NULL);
    }
    return best;
}

/* ---- cells ------------------------------------------------------------- */

static void grow(sheet *s, lxw_col_t col, double wd)
{
    if (col >= s->ncols)
        return;
    wd += 2; /* padding, and wide glyphs run a little wider than two digits */
    if (s->cap && wd > s->cap[col])
        wd = s->cap[col];
    if (wd > s->width[col])
        s->width[col] = wd;
}

/* A string cell: vendor text and labels alike, never a formula. */
/* What ends a text cut at Excel's cell limit (slc_export_xlsx_cuts). */
static const char *cut_marker(const slc_export *x)
{
    return x->lang == SLC_LANG_JA ? "…（以下省略）" : "… (truncated)";
}

static void put_str(sheet *s, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *f)
{
    xw *w = s->w;
    if (slc_xlsx_failed(&w->e))
        return;
    if (text && *text)
        grow(s, col, text_width(text));
    slc_xlsx_note(&w->e, slc_xlsx_write_cut(s->ws, row, col, text, cut_marker(w->x), f, &w->esc),
                  s->name, row, col);
}

static void put_num(sheet *s, lxw_row_t row, lxw_col_t col, double v, lxw_format *f)
{
    if (slc_xlsx_failed(&s->w->e))
        return;
    char digits[32];
    snprintf(digits, sizeof(digits), "%g", v);
    grow(s, col, (double)strlen(digits));
    slc_xlsx_note(&s->w->e, worksheet_write_number(s->ws, row, col, v, f), s->name, row, col);
}

/* a number that means nothing when 0 (a line, an item number) */
static void put_pos(sheet *s, lxw_row_t row, lxw_col_t col, long v, lxw_format *f)
{
    if (v > 0)
        put_num(s, row, col, (double)v, f);
    else
        put_str(s, row, col, NULL, f);
}

static void put_header(sheet *s, lxw_row_t row, lxw_col_t col, const char *text)
{
    put_str(s, row, col, text, s->w->f.header);
}

static void put_label(sheet *s, lxw_row_t row, lxw_col_t col, slc_xlabel l)
{
    put_header(s, row, col, slc_export_label(s->w->x, l));
}

/* a table's header row: the labels cols[0..n-1] from column 0 */
static void put_labels(sheet *s, lxw_row_t row, const slc_xlabel *cols, lxw_col_t n)
{
    for (lxw_col_t c = 0; c < n; c++)
        put_label(s, row, c, cols[c]);
}

/* ---- sheets ------------------------------------------------------------ */

static int sheet_open(xw *w, sheet *s, const char *name, size_t ncols, const double *cap)
{
    memset(s, 0, sizeof(*s));
    s->w = w;
    s->name = name;
    s->ncols = ncols;
    s->cap = cap;
    s->width = slc_xcalloc(ncols ? ncols : 1, sizeof(double));
    for (size_t c = 0; c < ncols; c++)
        s->width[c] = 6;
    if (slc_xlsx_failed(&w->e))
        return 0;
    /* checked first: workbook_add_worksheet() would print its complaint */
    lxw_error e = workbook_validate_sheet_name(w->wb, name);
    s->ws = e == LXW_NO_ERROR ? workbook_add_worksheet(w->wb, name) : NULL;
    if (!s->ws) {
        slc_xlsx_note(&w->e, e != LXW_NO_ERROR ? e : LXW_ERROR_MEMORY_MALLOC_FAILED, NULL, 0, 0);
        snprintf(w->e.where, sizeof(w->e.where), "Sheet name %s.", name);
        return 0;
    }
    worksheet_set_landscape(s->ws);
    worksheet_set_paper(s->ws, PAPER_A4);
    worksheet_fit_to_pages(s->ws, 1, 0);
    worksheet_set_margins(s->ws, 0.4, 0.4, 0.6, 0.6);
    return 1;
}

/* The table's frame: rows top..header repeated on every printed page,
 * everything above the table's body and the first `lead` columns frozen,
 * an autofilter over the table (its labels in row `header`). */
static void sheet_table(sheet *s, lxw_row_t top, lxw_row_t header, lxw_col_t lead, lxw_row_t last,
                        lxw_col_t last_col)
{
    slc_xlsx_errors *e = &s->w->e;
    if (slc_xlsx_failed(e))
        return;
    worksheet_freeze_panes(s->ws, header + 1, lead);
    slc_xlsx_note(e, worksheet_repeat_rows(s->ws, top, header), s->name, top, 0);
    if (!slc_xlsx_failed(e))
        slc_xlsx_note(
            e, worksheet_autofilter(s->ws, header, 0, last > header ? last : header, last_col),
            s->name, header, 0);
}

static void sheet_close(sheet *s)
{
    slc_xlsx_errors *e = &s->w->e;
    for (size_t c = 0; s->ws && c < s->ncols && !slc_xlsx_failed(e); c++)
        slc_xlsx_note(e, worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, s->width[c], NULL),
                      s->name, 0, (lxw_col_t)c);
    free(s->width);
    s->width = NULL;
}

/* ---- formats ----------------------------------------------------------- */

static lxw_format *cell_format(lxw_workbook *wb, int wrap)
{
    lxw_format *f = workbook_add_format(wb);
    if (!f)
        return NULL;
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (wrap)
        format_set_text_wrap(f);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_border_color(f, C_BORDER);
    return f;
}

static lxw_format *filled(lxw_workbook *wb, lxw_color_t fill, lxw_color_t font)
{
    lxw_format *f = cell_format(wb, 1);
    if (f) {
        format_set_bg_color(f, fill);
        if (font)
            format_set_font_color(f, font);
    }
    return f;
}

static int formats_setup(xw *w)
{
    lxw_workbook *wb = w->wb;
    formats *f = &w->f;
    if ((f->title = workbook_add_format(wb))) {
        format_set_bold(f->title);
        format_set_font_size(f->title, 14);
    }
    if ((f->bold = workbook_add_format(wb)))
        format_set_bold(f->bold);
    if ((f->header = filled(wb, C_HEADER_FILL, 0)))
        format_set_bold(f->header);
    if ((f->group = filled(wb, C_GROUP_FILL, 0)))
        format_set_bold(f->group);
    f->text = cell_format(wb, 1);
    f->num = cell_format(wb, 0);
    if ((f->score = cell_format(wb, 0)))
        format_set_num_format(f->score, "0.0");
    if ((f->present = cell_format(wb, 0))) { /* a number, shown "47/49" */
        char nf[32];
        snprintf(nf, sizeof(nf), "0\"/%zu\"", w->x->cat->nitems);
        format_set_num_format(f->present, nf);
    }
    f->better = filled(wb, C_BETTER_FILL, C_BETTER_FONT);
    f->worse = filled(wb, C_WORSE_FILL, C_WORSE_FONT);
    for (int v = 0; v < 4; v++)
        f->verdict[v] = filled(wb, verdict_fill[v], 0);
    f->severity[SLC_SEV_INFO] = f->text;
    f->severity[SLC_SEV_WARNING] = f->verdict[SLC_CMP_DIFFERS];
    f->severity[SLC_SEV_ERROR] = f->worse;
    int ok = f->title && f->bold && f->header && f->group && f->text && f->num && f->score &&
             f->present && f->better && f->worse;
    for (int v = 0; v < 4; v++)
        ok = ok && f->verdict[v];
    if (!ok)
        slc_xlsx_note(&w->e, LXW_ERROR_MEMORY_MALLOC_FAILED, NULL, 0, 0);
    return ok;
}

static lxw_format *rank_format(const xw *w, int rank)
{
    return rank > 0 ? w->f.better : rank < 0 ? w->f.worse : w->f.text;
}

/* ---- sheet names ------------------------------------------------------- */

static void trim_name(slc_buf *b)
{
    size_t start = 0;
    while (start < b->len && (b->data[start] == ' ' || b->data[start] == '\''))
        start++;
    size_t end = b->len;
    while (end > start && (b->data[end - 1] == ' ' || b->data[end - 1] == '\''))
        end--;
    memmove(b->data, b->data + start, end - start);
    b->len = end - start;
    b->data[b->len] = '\0';
}

/* What Excel allows of a name: no []:*?/\, no control characters, no
 * apostrophe first or last, at most `units` UTF-16 units. */
static void sheet_base(slc_buf *out, const char *name, size_t units)
{
    slc_buf clean;
    slc_buf_init(&clean);
    plain_text(&clean, name ? name : "");
    slc_buf_clear(out);
    slc_buf_adds(out, "");
    size_t used = 0;
    for (const char *p = clean.data ? clean.data : ""; *p;) {
        size_t nb = slc_xlsx_cp_bytes((unsigned char)*p);
        size_t u = nb == 4 ? 2 : 1;
        if (used + u > units)
            break;
        if (strchr("[]:*?/\\", *p) && nb == 1)
            slc_buf_addc(out, '_');
        else
            slc_buf_add(out, p, nb);
        used += u;
        p += nb;
    }
    slc_buf_release(&clean);
    trim_name(out);
}

/* Comparison key: Excel compares sheet names without case; folding also
 * width and punctuation is stricter, which only renames more. */
static char *name_key(const char *name)
{
    slc_buf k;
    slc_buf_init(&k);
    slc_text_fold(&k, name, strlen(name));
    if (!k.len)
        slc_buf_adds(&k, name);
    slc_buf_adds(&k, "");
    return slc_buf_detach(&k, NULL);
}

static int name_taken(char **keys, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(keys[i], key))
            return 1;
    return 0;
}

/* One unique sheet name per vendor, none equal to a fixed sheet's. */
static void vendor_sheet_names(xw *w, const char *const *fixed, size_t nfixed)
{
    const slc_export *x = w->x;
    size_t nkeys = 0;
    char **keys = slc_xcalloc(nfixed + x->n + 1, sizeof(*keys));
    keys[nkeys++] = name_key("History"); /* reserved by Excel */
    for (size_t i = 0; i < nfixed; i++)
        keys[nkeys++] = name_key(fixed[i]);
    w->vendor_sheet = slc_xcalloc(x->n, sizeof(*w->vendor_sheet));
    slc_buf base, cand;
    slc_buf_init(&base);
    slc_buf_init(&cand);
    for (size_t v = 0; v < x->n; v++) {
        const slc_doc *d = x->docs[v];
        sheet_base(&cand, d->name ? d->name : d->path, SHEET_NAME_MAX);
        if (!cand.len) {
            slc_buf_clear(&cand);
            slc_buf_addf(&cand, "%s %zu", slc_export_label(x, SLC_XL_VENDOR), v + 1);
        }
        slc_buf_clear(&base);
        slc_buf_adds(&base, cand.data);
        char *key = name_key(cand.data);
        for (unsigned k = 2; name_taken(keys, nkeys, key); k++) {
            char suffix[32];
            snprintf(suffix, sizeof(suffix), " (%u)", k);
            sheet_base(&cand, base.data, SHEET_NAME_MAX - strlen(suffix));
            slc_buf_adds(&cand, suffix);
            free(key);
            key = name_key(cand.data);
        }
        keys[nkeys++] = key;
        w->vendor_sheet[v] = slc_xstrdup(cand.data);
    }
    slc_buf_release(&base);
    slc_buf_release(&cand);
    for (size_t i = 0; i < nkeys; i++)
        free(keys[i]);
    free(keys);
}

/* ---- summary ----------------------------------------------------------- */

static const char *vendor_name(const slc_doc *d)
{
    return d->name ? d->name : d->path;
}

/* title, generator, checklist, profile; returns the next free row */
static lxw_row_t summary_head(sheet *s)
{
    const slc_export *x = s->w->x;
    const slc_catalog *cat = x->cat;
    lxw_row_t r = 0;
    put_str(s, r++, 0, x->title, s->w->f.title);
    put_str(s, r, 0, slc_export_label(x, SLC_XL_GENERATED_BY), s->w->f.bold);
    put_str(s, r++, 1, x->generator, NULL);
    put_str(s, r, 0, slc_export_label(x, SLC_XL_CHECKLIST), s->w->f.bold);
    slc_buf *t = &s->w->tmp;
    slc_buf_clear(t);
    slc_buf_adds(t, slc_label_get(&cat->title, x->lang));
    if (cat->version)
        slc_buf_addf(t, " (%s)", cat->version);
    put_str(s, r++, 1, t->data, NULL);
    if (x->profile) {
        put_str(s, r, 0, slc_export_label(x, SLC_XL_PROFILE), s->w->f.bold);
        const char *title = slc_label_get(&x->profile->title, x->lang);
        put_str(s, r++, 1, title && *title ? title : x->profile->id, NULL);
    }
    return r + 1;
}

/* the vendor table; returns the row after it */
static lxw_row_t summary_vendors(sheet *s, lxw_row_t hdr)
{
    xw *w = s->w;
    const slc_export *x = w->x;
    static const slc_xlabel cols[] = {SLC_XL_VENDOR,        SLC_XL_FILE,   SLC_XL_ENCODING,
                                      SLC_XL_ITEMS_PRESENT, SLC_XL_ERRORS, SLC_XL_WARNINGS,
                                      SLC_XL_INFO,          SLC_XL_LEADS,  SLC_XL_TRAILS,
                                      SLC_XL_DIFFERS,       SLC_XL_SCORE,  SLC_XL_MUST_FAILED};
    lxw_col_t ncols = x->profile ? 12 : 10;
    put_labels(s, hdr, cols, ncols);
    lxw_row_t r = hdr + 1;
    for (size_t v = 0; v < x->n; v++, r++) {
        const slc_doc *d = x->docs[v];
        size_t present = 0;
        for (size_t i = 0; i < x->cat->nitems; i++)
            present += d->first[i] >= 0;
        put_str(s, r, 0, vendor_name(d), w->f.text);
        put_str(s, r, 1, d->path, w->f.text);
        put_str(s, r, 2, d->encoding, w->f.text);
        put_num(s, r, 3, (double)present, w->f.present);
        put_num(s, r, 4, (double)x->vcounts[v][SLC_SEV_ERROR], w->f.num);
        put_num(s, r, 5, (double)x->vcounts[v][SLC_SEV_WARNING], w->f.num);
        put_num(s, r, 6, (double)x->vcounts[v][SLC_SEV_INFO], w->f.num);
        put_num(s, r, 7, (double)x->cmp->vendors[v].leads, w->f.num);
        put_num(s, r, 8, (double)x->cmp->vendors[v].trails, w->f.num);
        put_num(s, r, 9, (double)x->cmp->vendors[v].differs, w->f.num);
        if (x->profile && d->profile) {
            put_num(s, r, 10, d->profile->score, w->f.score);
            put_num(s, r, 11, (double)d->profile->must_failed, w->f.num);
        } else if (x->profile) {
            put_str(s, r, 10, NULL, w->f.num);
            put_str(s, r, 11, NULL, w->f.num);
        }
    }
    sheet_table(s, hdr, hdr, 0, r - 1, ncols - 1);
    return r + 1;
}

/* markers and colours; returns the row after it */
static lxw_row_t summary_legend(sheet *s, lxw_row_t r)
{
    xw *w = s->w;
    const slc_export *x = w->x;
    put_str(s, r++, 0, slc_export_label(x, SLC_XL_LEGEND), w->f.bold);
    put_str(s, r, 0, slc_export_rank_marker(1), w->f.better);
    put_str(s, r++, 1, slc_export_label(x, SLC_XL_BETTER), w->f.better);
    put_str(s, r, 0, slc_export_rank_marker(-1), w->f.worse);
    put_str(s, r++, 1, slc_export_label(x, SLC_XL_WORSE), w->f.worse);
    for (int v = 0; v < 4; v++, r++) {
        put_str(s, r, 0, slc_export_verdict_marker((slc_cmp_verdict)v), w->f.verdict[v]);
        put_str(s, r, 1, slc_export_verdict_label(x, (slc_cmp_verdict)v), w->f.verdict[v]);
    }
    return r + 1;
}

enum {
    ST_VENDOR,
    ST_CATEGORY,
    ST_ITEMS,
    ST_YES,
    ST_UNDISCLOSED,
    ST_MISSING,
    ST_REQ_MET,
    ST_REQ_TOTAL
};

/* the chart's data, vendor by category; one chart per vendor beside it */
static void summary_chart(sheet *s, lxw_row_t r)
{
    xw *w = s->w;
    const slc_export *x = w->x;
    const slc_catalog *cat = x->cat;
    size_t nc = cat->ncategories;
    if (!nc)
        return;
    put_str(s, r++, 0, slc_export_label(x, SLC_XL_CHART), w->f.bold);
    static const slc_xlabel cols[] = {SLC_XL_VENDOR,  SLC_XL_CATEGORY,    SLC_XL_ITEMS_PRESENT,
                                      SLC_XL_YES,     SLC_XL_UNDISCLOSED, SLC_XL_MISSING,
                                      SLC_XL_REQ_MET, SLC_XL_REQUIREMENTS};
    lxw_col_t ncols = x->profile ? 8 : 6;
    lxw_row_t hdr = r++;
    put_labels(s, hdr, cols, ncols);
    static const struct {
        int col;
        lxw_color_t color;
    } series[] = {{ST_YES, 0x70AD47},
                  {ST_UNDISCLOSED, 0xFFC000},
                  {ST_MISSING, 0xA5A5A5},
                  {ST_REQ_MET, 0x4472C4}};
    size_t nseries = x->profile ? 4 : 3;
    lxw_col_t chart_col = ncols + 1;
    for (size_t v = 0; v < x->n && !slc_xlsx_failed(&w->e); v++) {
        lxw_row_t first = r;
        for (size_t c = 0; c < nc; c++, r++) {
            const slc_export_stats *st = slc_export_stat(x, v, c);
            /* a chart caches this text raw (libxlsxwriter escapes only the
             * sheet's own cells): controls shown, as in a terminal */
            slc_buf shown;
            slc_buf_init(&shown);
            slc_term_text_adds(&shown, vendor_name(x->docs[v]), 0);
            put_str(s, r, ST_VENDOR, shown.data, w->f.text);
            slc_buf_release(&shown);
            put_str(s, r, ST_CATEGORY, slc_label_get(&cat->categories[c].label, x->lang),
                    w->f.text);
            put_num(s, r, ST_ITEMS, (double)st->items, w->f.num);
            put_num(s, r, ST_YES, (double)st->yes, w->f.num);
            put_num(s, r, ST_UNDISCLOSED, (double)st->undisclosed, w->f.num);
            put_num(s, r, ST_MISSING, (double)st->missing, w->f.num);
            if (x->profile) {
                put_num(s, r, ST_REQ_MET, (double)st->req_met, w->f.num);
                put_num(s, r, ST_REQ_TOTAL, (double)st->req_total, w->f.num);
            }
        }
        lxw_row_t last = r - 1;
        lxw_chart *chart = workbook_add_chart(w->wb, LXW_CHART_COLUMN);
        if (!chart) {
            slc_xlsx_note(&w->e, LXW_ERROR_MEMORY_MALLOC_FAILED, s->name, first, chart_col);
            break;
        }
        /* names come from cells, so a vendor called "=x" stays a name */
        chart_title_set_name_range(chart, s->name, first, ST_VENDOR);
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        chart_axis_set_min(chart->y_axis, 0);
        chart_axis_set_major_unit(chart->y_axis, 1);
        for (size_t k = 0; k < nseries; k++) {
            lxw_chart_series *ser = chart_add_series(chart, NULL, NULL);
            if (!ser) {
                slc_xlsx_note(&w->e, LXW_ERROR_MEMORY_MALLOC_FAILED, s->name, first, chart_col);
                break;
            }
            lxw_col_t col = (lxw_col_t)series[k].col;
            chart_series_set_categories(ser, s->name, first, ST_CATEGORY, last, ST_CATEGORY);
            chart_series_set_values(ser, s->name, first, col, last, col);
            chart_series_set_name_range(ser, s->name, hdr, col);
            lxw_chart_fill fill = {.color = series[k].color};
            chart_series_set_fill(ser, &fill);
        }
        lxw_chart_options opt = {.x_scale = 1.6, .y_scale = 1.2, .x_offset = 4, .y_offset = 4};
        slc_xlsx_note(
            &w->e,
            worksheet_insert_chart_opt(s->ws, hdr + (lxw_row_t)(v * 19), chart_col, chart, &opt),
            s->name, hdr, chart_col);
    }
}

static void write_summary(xw *w)
{
    static const double cap[] = {40, 50, 14, 10, 10, 10, 10, 10, 10, 10, 10, 14};
    sheet s;
    if (sheet_open(w, &s, slc_export_label(w->x, SLC_XL_SUMMARY), 12, cap)) {
        w->summary_name = s.name;
        worksheet_activate(s.ws);
        lxw_row_t r = summary_head(&s);
        r = summary_vendors(&s, r);
        r = summary_legend(&s, r);
        summary_chart(&s, r);
        s.width[0] = s.width[0] < 24 ? 24 : s.width[0]; /* the title and labels overflow */
    }
    sheet_close(&s);
}

/* ---- comparison -------------------------------------------------------- */

/* the item's category, or NULL */
static const char *category_label(const slc_export *x, const slc_cat_item *it)
{
    return it->category >= 0 ? slc_label_get(&x->cat->categories[it->category].label, x->lang)
                             : NULL;
}

/* What the facts column shows of vendor v's answer a to item i: the facts
 * found in it, or the missing marker when there is no answer. */
static void put_facts(sheet *s, lxw_row_t row, lxw_col_t col, size_t v, size_t i,
                      const slc_answer *a)
{
    const slc_export *x = s->w->x;
    slc_buf *t = &s->w->tmp;
    slc_buf_clear(t);
    if (a)
        slc_export_facts_text(x, v, i, t);
    else
        slc_buf_addf(t, "%s %s", slc_export_verdict_marker(SLC_CMP_MISSING),
                     slc_export_label(x, SLC_XL_MISSING));
    slc_buf_adds(t, "");
    put_str(s, row, col, t->data, s->w->f.text);
}

enum { CMP_NO, CMP_CATEGORY, CMP_ITEM, CMP_VERDICT, CMP_FIXED };
enum { PV_RANK, PV_ANSWER, PV_REMARKS, PV_FACTS, PV_N }; /* per vendor */

static void comparison_header(sheet *s)
{
    const slc_export *x = s->w->x;
    static const slc_xlabel fixed[] = {SLC_XL_NO, SLC_XL_CATEGORY, SLC_XL_ITEM, SLC_XL_VERDICT};
    for (lxw_col_t c = 0; c < CMP_FIXED; c++) {
        put_header(s, 0, c, NULL);
        put_label(s, 1, c, fixed[c]);
    }
    slc_buf *t = &s->w->tmp;
    for (size_t v = 0; v < x->n && !slc_xlsx_failed(&s->w->e); v++) {
        lxw_col_t c0 = (lxw_col_t)(CMP_FIXED + v * PV_N);
        /* merged over the vendor's columns: merge_range writes a string */
        int was_cut;
        const char *name = slc_xlsx_cut_text(vendor_name(x->docs[v]), cut_marker(x), &s->w->cut,
                                             &s->w->esc, &was_cut);
        if (slc_xlsx_utf16_units(name) > SLC_XLSX_CELL_TEXT_MAX)
            slc_xlsx_note(&s->w->e, LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED, s->name, 0, c0);
        else
            slc_xlsx_note(
                &s->w->e,
                worksheet_merge_range(s->ws, 0, c0, 0, c0 + PV_N - 1, name, s->w->f.header),
                s->name, 0, c0);
        slc_buf_clear(t);
        slc_buf_addf(t, "%s%s", slc_export_rank_marker(1), slc_export_rank_marker(-1));
        put_header(s, 1, c0 + PV_RANK, t->data);
        put_label(s, 1, c0 + PV_ANSWER, SLC_XL_ANSWER);
        put_label(s, 1, c0 + PV_REMARKS, SLC_XL_REMARKS);
        put_label(s, 1, c0 + PV_FACTS, SLC_XL_FACTS);
    }
}

static void comparison_row(sheet *s, lxw_row_t r, size_t i)
{
    xw *w = s->w;
    const slc_export *x = w->x;
    const slc_cat_item *it = &x->cat->items[i];
    const slc_cmp_item *ci = &x->cmp->items[i];
    put_num(s, r, CMP_NO, it->no, w->f.num);
    put_str(s, r, CMP_CATEGORY, category_label(x, it), w->f.text);
    put_str(s, r, CMP_ITEM, slc_label_get(&it->name, x->lang), w->f.text);
    slc_buf *t = &w->tmp;
    slc_buf_clear(t);
    slc_buf_addf(t, "%s %s", slc_export_verdict_marker(ci->verdict),
                 slc_export_verdict_label(x, ci->verdict));
    put_str(s, r, CMP_VERDICT, t->data,
            (unsigned)ci->verdict < 4 ? w->f.verdict[ci->verdict] : w->f.text);
    for (size_t v = 0; v < x->n; v++) {
        lxw_col_t c0 = (lxw_col_t)(CMP_FIXED + v * PV_N);
        const slc_answer *a = ci->answers[v];
        lxw_format *f = rank_format(w, ci->rank[v]);
        put_str(s, r, c0 + PV_RANK, slc_export_rank_marker(ci->rank[v]), f);
        put_str(s, r, c0 + PV_ANSWER, a ? a->cell[SLC_ROLE_ANSWER] : NULL,
                a ? f : w->f.verdict[SLC_CMP_MISSING]);
        put_str(s, r, c0 + PV_REMARKS, a ? a->cell[SLC_ROLE_REMARKS] : NULL, w->f.text);
        put_facts(s, r, c0 + PV_FACTS, v, i, a);
    }
}

static void write_comparison(xw *w)
{
    const slc_export *x = w->x;
    const slc_catalog *cat = x->cat;
    size_t ncols = CMP_FIXED + x->n * PV_N;
    double *cap = slc_xcalloc(ncols, sizeof(double));
    cap[CMP_NO] = 6, cap[CMP_CATEGORY] = 14, cap[CMP_ITEM] = 28, cap[CMP_VERDICT] = 16;
    for (size_t v = 0; v < x->n; v++) {
        cap[CMP_FIXED + v * PV_N + PV_RANK] = 5;
        cap[CMP_FIXED + v * PV_N + PV_ANSWER] = 50;
        cap[CMP_FIXED + v * PV_N + PV_REMARKS] = 30;
        cap[CMP_FIXED + v * PV_N + PV_FACTS] = 28;
    }
    sheet s;
    if (sheet_open(w, &s, slc_export_label(x, SLC_XL_COMPARISON), ncols, cap)) {
        comparison_header(&s);
        lxw_row_t r = 2;
        int section = -1;
        for (size_t i = 0; i < cat->nitems && !slc_xlsx_failed(&w->e); i++) {
            if (!slc_export_shows(x, i))
                continue;
            const slc_cat_item *it = &cat->items[i];
            if (it->section != section && it->section >= 0 &&
                (size_t)it->section < cat->nsections) {
                section = it->section; /* a group row: the section's name across the table */
                put_str(&s, r, 0, slc_label_get(&cat->sections[section].label, x->lang),
                        w->f.group);
                for (lxw_col_t c = 1; c < ncols; c++)
                    put_str(&s, r, c, NULL, w->f.group);
                r++;
            }
            comparison_row(&s, r++, i);
        }
        s.width[0] = 6; /* the group rows' text overflows into the next cells */
        sheet_table(&s, 0, 1, CMP_FIXED, r - 1, (lxw_col_t)(ncols - 1));
    }
    sheet_close(&s);
    free(cap);
}

/* ---- findings ---------------------------------------------------------- */

enum { FN_VENDOR, FN_FILE, FN_LINE, FN_ITEM, FN_SEVERITY, FN_RULE, FN_MESSAGE, FN_N };

static void write_findings(xw *w)
{
    const slc_export *x = w->x;
    static const double cap[FN_N] = {24, 36, 8, 6, 10, 24, 80};
    static const slc_xlabel cols[FN_N] = {SLC_XL_VENDOR,   SLC_XL_FILE, SLC_XL_LINE,   SLC_XL_NO,
                                          SLC_XL_SEVERITY, SLC_XL_RULE, SLC_XL_MESSAGE};
    sheet s;
    if (sheet_open(w, &s, slc_export_label(x, SLC_XL_FINDINGS), FN_N, cap)) {
        put_labels(&s, 0, cols, FN_N);
        lxw_row_t r = 1;
        slc_buf *t = &w->tmp;
        for (size_t v = 0; v < x->n && !slc_xlsx_failed(&w->e); v++) {
            const slc_doc *d = x->docs[v];
            for (size_t k = 0; k < d->nfindings && !slc_xlsx_failed(&w->e); k++, r++) {
                const slc_finding *f = &d->findings[k];
                lxw_format *sev =
                    (unsigned)f->severity < SEV_N ? w->f.severity[f->severity] : w->f.text;
                put_str(&s, r, FN_VENDOR, vendor_name(d), w->f.text);
                put_str(&s, r, FN_FILE, d->path, w->f.text);
                put_pos(&s, r, FN_LINE, f->line, w->f.num);
                put_pos(&s, r, FN_ITEM, f->item, w->f.num);
                put_str(&s, r, FN_SEVERITY, slc_export_severity_label(x, f->severity), sev);
                put_str(&s, r, FN_RULE, slc_finding_rule_id(f), w->f.text);
                slc_buf_clear(t);
                slc_export_message(x, v, f, t);
                slc_buf_adds(t, "");
                put_str(&s, r, FN_MESSAGE, t->data, w->f.text);
            }
        }
        if (r == 1)
            put_str(&s, r++, 0, slc_export_label(x, SLC_XL_NO_FINDINGS), NULL);
        sheet_table(&s, 0, 0, 2, r - 1, FN_N - 1);
    }
    sheet_close(&s);
}

/* ---- requirements (with a profile) ------------------------------------- */

enum {
    RQ_VENDOR,
    RQ_NO,
    RQ_ITEM,
    RQ_LEVEL,
    RQ_REQUIREMENT,
    RQ_VERDICT,
    RQ_EVIDENCE,
    RQ_LINE,
    RQ_N
};

static void write_requirements(xw *w)
{
    const slc_export *x = w->x;
    static const double cap[RQ_N] = {24, 6, 28, 8, 36, 14, 50, 8};
    static const slc_xlabel cols[RQ_N] = {SLC_XL_VENDOR,   SLC_XL_NO,          SLC_XL_ITEM,
                                          SLC_XL_LEVEL,    SLC_XL_REQUIREMENT, SLC_XL_VERDICT,
                                          SLC_XL_EVIDENCE, SLC_XL_LINE};
    sheet s;
    if (sheet_open(w, &s, slc_export_label(x, SLC_XL_REQUIREMENTS), RQ_N, cap)) {
        put_labels(&s, 0, cols, RQ_N);
        lxw_row_t r = 1;
        slc_buf *t = &w->tmp;
        for (size_t v = 0; v < x->n && !slc_xlsx_failed(&w->e); v++) {
            const slc_profile_result *pr = x->docs[v]->profile;
            for (size_t k = 0; pr && k < pr->n && !slc_xlsx_failed(&w->e); k++, r++) {
                const slc_req_result *res = &pr->v[k];
                const slc_requirement *q = res->req;
                const slc_cat_item *it = slc_catalog_item(x->cat, q->item);
                put_str(&s, r, RQ_VENDOR, vendor_name(x->docs[v]), w->f.text);
                put_num(&s, r, RQ_NO, q->item, w->f.num);
                put_str(&s, r, RQ_ITEM, it ? slc_label_get(&it->name, x->lang) : NULL, w->f.text);
                put_str(&s, r, RQ_LEVEL, slc_export_level_label(x, q->level), w->f.text);
                slc_buf_clear(t);
                slc_requirement_describe(q, x->lang, t);
                slc_buf_adds(t, "");
                put_str(&s, r, RQ_REQUIREMENT, t->data, w->f.text);
                lxw_format *vf = res->verdict == SLC_VERDICT_MET ? w->f.better
                                 : res->verdict == SLC_VERDICT_NOT_MET
                                     ? w->f.worse
                                     : w->f.verdict[SLC_CMP_DIFFERS];
                slc_buf_clear(t);
                slc_export_req_verdict(x, res, t);
                put_str(&s, r, RQ_VERDICT, t->data, vf);
                slc_buf_clear(t);
                slc_export_evidence(x, res, t);
                put_str(&s, r, RQ_EVIDENCE, t->data, w->f.text);
                put_pos(&s, r, RQ_LINE, res->line, w->f.num);
            }
        }
        sheet_table(&s, 0, 0, 3, r - 1, RQ_N - 1);
    }
    sheet_close(&s);
}

/* ---- one sheet per vendor ---------------------------------------------- */

enum {
    VD_NO,
    VD_CATEGORY,
    VD_ITEM,
    VD_DEFINITION,
    VD_UNIT,
    VD_ANSWER,
    VD_REMARKS,
    VD_FACTS,
    VD_LINE,
    VD_N
};

static void write_vendor(xw *w, size_t v)
{
    const slc_export *x = w->x;
    const slc_catalog *cat = x->cat;
    static const double cap[VD_N] = {6, 14, 28, 40, 14, 60, 40, 28, 8};
    static const slc_xlabel cols[VD_N] = {SLC_XL_NO,         SLC_XL_CATEGORY, SLC_XL_ITEM,
                                          SLC_XL_DEFINITION, SLC_XL_UNIT,     SLC_XL_ANSWER,
                                          SLC_XL_REMARKS,    SLC_XL_FACTS,    SLC_XL_LINE};
    sheet s;
    if (sheet_open(w, &s, w->vendor_sheet[v], VD_N, cap)) {
        put_labels(&s, 0, cols, VD_N);
        lxw_row_t r = 1;
        for (size_t i = 0; i < cat->nitems && !slc_xlsx_failed(&w->e); i++) {
            if (!slc_export_shows(x, i))
                continue;
            const slc_cat_item *it = &cat->items[i];
            const slc_answer *a = x->cmp->items[i].answers[v];
            put_num(&s, r, VD_NO, it->no, w->f.num);
            put_str(&s, r, VD_CATEGORY, category_label(x, it), w->f.text);
            put_str(&s, r, VD_ITEM, slc_label_get(&it->name, x->lang), w->f.text);
            put_str(&s, r, VD_DEFINITION, slc_label_get(&it->definition, x->lang), w->f.text);
            put_str(&s, r, VD_UNIT, slc_label_get(&it->unit, x->lang), w->f.text);
            put_str(&s, r, VD_ANSWER, a ? a->cell[SLC_ROLE_ANSWER] : NULL,
                    a ? w->f.text : w->f.verdict[SLC_CMP_MISSING]);
            put_str(&s, r, VD_REMARKS, a ? a->cell[SLC_ROLE_REMARKS] : NULL, w->f.text);
            put_facts(&s, r, VD_FACTS, v, i, a);
            put_pos(&s, r, VD_LINE, a ? a->line : 0, w->f.num);
            r++;
        }
        sheet_table(&s, 0, 0, 3, r - 1, VD_N - 1);
    }
    sheet_close(&s);
}

/* ---- the workbook ------------------------------------------------------ */

static void set_properties(xw *w)
{
    const slc_export *x = w->x;
    slc_buf title, subject;
    slc_buf_init(&title);
    slc_buf_init(&subject);
    plain_text(&title, x->title ? x->title : "");
    slc_buf_adds(&title, "");
    plain_text(&subject, slc_label_get(&x->cat->title, x->lang));
    slc_buf_adds(&subject, "");
    lxw_doc_properties props = {.title = title.data,
                                .subject = subject.data,
                                .author = (char *)x->generator,
                                .comments = (char *)x->generator,
                                .created = slc_xlsx_created()};
    slc_xlsx_note(&w->e, workbook_set_properties(w->wb, &props), NULL, 0, 0);
    slc_buf_release(&title);
    slc_buf_release(&subject);
}

static void write_workbook(xw *w)
{
    const slc_export *x = w->x;
    const char *fixed[4];
    size_t nfixed = 0;
    fixed[nfixed++] = slc_export_label(x, SLC_XL_SUMMARY);
    fixed[nfixed++] = slc_export_label(x, SLC_XL_COMPARISON);
    fixed[nfixed++] = slc_export_label(x, SLC_XL_FINDINGS);
    fixed[nfixed++] = slc_export_label(x, SLC_XL_REQUIREMENTS);
    vendor_sheet_names(w, fixed, nfixed);
    if (!formats_setup(w))
        return;
    set_properties(w);
    write_summary(w);
    write_comparison(w);
    if (!x->comparison_only)
        write_findings(w);
    if (x->profile && !x->comparison_only)
        write_requirements(w);
    for (size_t v = 0; v < x->n && !x->comparison_only; v++)
        write_vendor(w, v);
}

slc_status slc_export_xlsx(const slc_export *x, const char *path, slc_error *err)
{
    lxw_workbook_options opt = {
        .constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
    xw w;
    memset(&w, 0, sizeof(w));
    w.x = x;
    slc_buf_init(&w.esc);
    slc_buf_init(&w.tmp);
    slc_buf_init(&w.cut);
    w.wb = workbook_new_opt(path, &opt);
    if (!w.wb)
        return slc_error_set(err, SLC_ERR_INTERNAL, path, 0, -1, "%s",
                             lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
    write_workbook(&w);
    slc_status st = slc_xlsx_close(w.wb, &w.e, path, err); /* also frees the workbook */
    for (size_t v = 0; w.vendor_sheet && v < x->n; v++)
        free(w.vendor_sheet[v]);
    free(w.vendor_sheet);
    slc_buf_release(&w.esc);
    slc_buf_release(&w.tmp);
    slc_buf_release(&w.cut);
    return st;
}

/* One warning line for a text cut in the workbook. */
static void cut_warning(const slc_export *x, const slc_doc *d, const slc_cat_item *it, int remarks,
                        slc_buf *out)
{
    if (x->lang == SLC_LANG_JA)
        slc_buf_addf(out,
                     "%s: 項目 %d（%s）の%sは XLSX のセルの上限（32,767 文字）を超えるため、"
                     "ブックでは途中で切り「%s」と記しました。全文は他の形式（html、md、json）"
                     "にあります\n",
                     d->path, it->no, slc_label_get(&it->name, x->lang), remarks ? "備考" : "回答",
                     cut_marker(x));
    else
        slc_buf_addf(out,
                     "%s: item %d (%s): the %s is longer than an XLSX cell holds (32,767 "
                     "characters): the workbook has it cut, ending \"%s\"; the full text is "
                     "in the other formats (html, md, json)\n",
                     d->path, it->no, slc_label_get(&it->name, x->lang),
                     remarks ? "remarks" : "answer", cut_marker(x));
}

size_t slc_export_xlsx_cuts(const slc_export *x, slc_buf *out)
{
    size_t n = 0;
    slc_buf esc;
    slc_buf_init(&esc);
    slc_buf_clear(out);
    for (size_t i = 0; i < x->cat->nitems; i++) {
        if (!slc_export_shows(x, i))
            continue;
        const slc_cmp_item *ci = &x->cmp->items[i];
        for (size_t v = 0; v < x->n; v++) {
            const slc_answer *a = ci->answers[v];
            for (int k = 0; a && k < 2; k++) {
                const char *t = a->cell[k ? SLC_ROLE_REMARKS : SLC_ROLE_ANSWER];
                if (!t || slc_xlsx_utf16_units(slc_xlsx_text(t, &esc)) <= SLC_XLSX_CELL_TEXT_MAX)
                    continue;
                cut_warning(x, x->docs[v], &x->cat->items[i], k, out);
                n++;
            }
        }
    }
    slc_buf_release(&esc);
    return n;
}

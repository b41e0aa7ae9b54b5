/* export_xlsx.c - the report as an Excel workbook, through libxlsxwriter
 * (xlsx_write.h): a summary for the decision (the vendors side by side:
 * counts, score and how it is computed, the must requirements not met or
 * unknown with their evidence and line, the risks that remain, a category
 * x vendor grid, and empty reviewer / decision / date fields), the
 * comparison, the findings, the profile's requirements and one sheet per
 * vendor.
 *
 * Printed on A4: text wraps and rows are as tall as their text (LibreOffice
 * does not fit rows on open), a sheet fits one page wide only where it
 * stays readable, else it runs over several pages wide with its leading
 * columns repeated, page numbers in the footer.
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
#include "summary.h"
#include "term_text.h"
#include "text.h"
#include "xlsx_write.h"
#include "export_xlsx.h"

#define PAPER_A4 9
#define SHEET_NAME_MAX 31 /* Excel: UTF-16 units */
/* A4 landscape within the margins, in column-width units at 100 % as
 * LibreOffice prints them (Excel fits a little more); a sheet is shrunk
 * to one page wide only down to MIN_FIT, and never below MIN_SCALE when
 * it runs over several pages. */
#define PAGE_CHARS 100.0
#define MIN_FIT 0.7
#define MIN_SCALE 0.6
#define EVIDENCE_MAX 120 /* display width of the evidence quoted on the summary */

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
    lxw_format *title, *bold, *header, *group, *text, *num, *score, *present, *field;
    lxw_format *better, *worse, *verdict[4], *severity[SEV_N];
} formats;

/* The workbook being written; the first failure stops further writes. */
typedef struct xw {
    const slc_export *x;
    lxw_workbook *wb;
    formats f;
    char **vendor_sheet; /* [n] unique sheet names */
    slc_xlsx_errors e;   /* the first libxlsxwriter error, and where */
    slc_buf esc;         /* scratch: escaped cell text */
    slc_buf tmp;         /* scratch: composed cell text */
    slc_buf cut;         /* scratch: text cut at Excel's cell limit */
} xw;

/* One sheet: its widths are estimated from what is written. */
typedef struct sheet {
    xw *w;
    lxw_worksheet *ws;
    const char *name;
    double *width;     /* per column, in Excel character units */
    const double *cap; /* per column maximum, or NULL */
    size_t ncols;
    lxw_col_t lead;    /* columns repeated on every page across */
    lxw_col_t group0;  /* from this column on, pages break only ... */
    lxw_col_t group_n; /* ... every group_n columns (a vendor's), or 0 */
    size_t print_cols; /* only the first print_cols columns print, or 0: all */
    lxw_row_t last;    /* the table's last row (sheet_table) */
    slc_xlsx_fit fit;  /* wrapped text, for the row heights */
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
    if (text && *text) {
        grow(s, col, slc_xlsx_text_width(text));
        if (f && f->text_wrap)
            slc_xlsx_fit_note(&s->fit, row, col, text);
    }
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
    worksheet_set_margins(s->ws, 0.4, 0.4, 0.6, 0.6);
    /* the sheet's name left, "page / pages" in the middle */
    slc_xlsx_note(&w->e, worksheet_set_footer(s->ws, "&L&A&C&P / &N"), name, 0, 0);
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
    s->lead = lead;
    s->last = last > header ? last : header;
    slc_xlsx_note(e, worksheet_repeat_rows(s->ws, top, header), s->name, top, 0);
    if (!slc_xlsx_failed(e))
        slc_xlsx_note(
            e, worksheet_autofilter(s->ws, header, 0, last > header ? last : header, last_col),
            s->name, header, 0);
}

/* 1 if a printed page may start at column c */
static int may_break(const sheet *s, lxw_col_t c)
{
    if (c <= s->lead)
        return 0;
    return !s->group_n || c < s->group0 || (c - s->group0) % s->group_n == 0;
}

/* Print width: one page wide where the sheet stays readable at MIN_FIT;
 * else pages break between columns (a vendor's stay together), the lead
 * columns repeated on each, at the scale the widest page needs. */
static void sheet_print(sheet *s)
{
    slc_xlsx_errors *e = &s->w->e;
    double total = 0, lead = 0, unit = 0, widest = 0;
    size_t ncols = s->ncols;
    if (s->print_cols && s->print_cols < s->ncols) { /* the columns worth paper */
        ncols = s->print_cols;
        slc_xlsx_note(e, worksheet_print_area(s->ws, 0, 0, s->last, (lxw_col_t)(ncols - 1)),
                      s->name, 0, 0);
    }
    for (size_t c = 0; c < ncols; c++) {
        total += s->width[c];
        if (c < s->lead)
            lead += s->width[c];
        else if (may_break(s, (lxw_col_t)c))
            unit = s->width[c];
        else
            unit += s->width[c];
        if (c >= s->lead && unit > widest)
            widest = unit;
    }
    if (total * MIN_FIT <= PAGE_CHARS) {
        worksheet_fit_to_pages(s->ws, 1, 0);
        return;
    }
    double scale = PAGE_CHARS / (lead + widest);
    scale = scale > 1 ? 1 : scale < MIN_SCALE ? MIN_SCALE : scale;
    worksheet_set_print_scale(s->ws, (uint16_t)(scale * 100));
    /* libxlsxwriter cuts a print-titles name longer than its buffer, even
     * inside a character: a long sheet name keeps its rows only */
    if (s->lead && 2 * (strlen(s->name) + 2) + 24 < LXW_DEFINED_NAME_LENGTH)
        slc_xlsx_note(e, worksheet_repeat_columns(s->ws, 0, s->lead - 1), s->name, 0, 0);
    /* a break where the next unit would not fit on the page */
    lxw_col_t *breaks = slc_xcalloc(s->ncols + 1, sizeof(*breaks));
    size_t nb = 0;
    double room = PAGE_CHARS / scale, used = lead;
    for (size_t c = s->lead; c < ncols; c++) {
        if (!may_break(s, (lxw_col_t)c)) {
            used += s->width[c];
            continue;
        }
        double next = 0;
        for (size_t k = c; k < ncols && (k == c || !may_break(s, (lxw_col_t)k)); k++)
            next += s->width[k];
        if (used + next > room && used > lead) {
            breaks[nb++] = (lxw_col_t)c;
            used = lead;
        }
        used += s->width[c];
    }
    if (nb && !slc_xlsx_failed(e))
        slc_xlsx_note(e, worksheet_set_v_pagebreaks(s->ws, breaks), s->name, 0, 0);
    free(breaks);
}

static void sheet_close(sheet *s)
{
    slc_xlsx_errors *e = &s->w->e;
    for (size_t c = 0; s->ws && c < s->ncols && !slc_xlsx_failed(e); c++)
        slc_xlsx_note(e, worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, s->width[c], NULL),
                      s->name, 0, (lxw_col_t)c);
    if (s->ws && !slc_xlsx_failed(e)) {
        slc_xlsx_note(e, slc_xlsx_fit_rows(&s->fit, s->ws, s->width, s->ncols), s->name, 0, 0);
        sheet_print(s);
    }
    slc_xlsx_fit_release(&s->fit);
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
    f->field = cell_format(wb, 1); /* what the reviewer fills in */
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
    int ok = f->title && f->bold && f->header && f->group && f->text && f->field && f->num &&
             f->score && f->present && f->better && f->worse;
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

/* Vendor v's name, unique in the report (a name two files share gets the
 * file's after it) */
static const char *vendor_label(const slc_export *x, size_t v)
{
    return slc_export_vendor_name(x, v);
}

/* The summary's words that export.c's table does not have. */
typedef enum sl {
    SL_PRESENT,
    SL_MUST_FAILED,
    SL_MUST_UNKNOWN,
    SL_ALL_MUSTS_MET,
    SL_GRID_REQ,
    SL_GRID_NO_REQ,
    SL_GRID_RANK,
    SL_GRID_LEGEND,
    SL_LINE,
    SL_N
} sl;

static const slc_label summary_words[SL_N] = {
    [SL_PRESENT] = {"回答した項目", "Items answered"},
    [SL_MUST_FAILED] = {"必須要件 未充足", "Musts not met"},
    [SL_MUST_UNKNOWN] = {"必須要件 判断不能", "Musts unknown"},
    [SL_ALL_MUSTS_MET] = {"すべての必須要件を充足", "All must requirements met"},
    [SL_GRID_REQ] = {"要件: 充足 %zu / 未充足 %zu / 判断不能 %zu",
                     "Requirements: %zu met / %zu not met / %zu unknown"},
    [SL_GRID_NO_REQ] = {"要件なし", "No requirements"},
    [SL_GRID_RANK] = {"▲ 優位 %zu　▼ 劣位 %zu　— 欠落 %zu",
                      "▲ leads %zu  ▼ trails %zu  — missing %zu"},
    [SL_GRID_LEGEND] =
        {"色: 緑 = すべて充足、赤 = 未充足あり、黄 = 判断不能あり（文字だけでも読めます）",
         "Colour: green = all met, red = some not met, yellow = some unknown (the "
         "words say the same without colour)"},
    [SL_LINE] = {"%ld 行目", "line %ld"},
};

static const char *word(const slc_export *x, sl k)
{
    return slc_label_get(&summary_words[k], x->lang);
}

/* a label in column 0, a value beside it */
static void summary_pair(sheet *s, lxw_row_t r, const char *label, const char *value)
{
    put_str(s, r, 0, label, s->w->f.bold);
    put_str(s, r, 1, value, NULL);
}

/* title, report date, generator, checklist, profile; the next free row */
static lxw_row_t summary_head(sheet *s)
{
    const slc_export *x = s->w->x;
    const slc_summary *sm = &x->summary;
    lxw_row_t r = 0;
    put_str(s, r++, 0, x->title, s->w->f.title);
    summary_pair(s, r++, slc_export_label(x, SLC_XL_REPORT_DATE), sm->date);
    summary_pair(s, r++, slc_export_label(x, SLC_XL_GENERATED_BY), x->generator);
    summary_pair(s, r++, slc_export_label(x, SLC_XL_CHECKLIST), sm->checklist);
    summary_pair(s, r++, slc_export_label(x, SLC_XL_PROFILE),
                 sm->profile ? sm->profile : slc_export_label(x, SLC_XL_NONE));
    return r + 1;
}

/* one row of the vendor table: a label, then per vendor a number */
static void summary_counts(sheet *s, lxw_row_t r, const char *label, const double *v, lxw_format *f)
{
    put_str(s, r, 0, label, s->w->f.header);
    for (size_t k = 0; k < s->w->x->n; k++)
        put_num(s, r, (lxw_col_t)(1 + k), v[k], f);
}

/* one row of the vendor table: a label, then per vendor a text */
typedef void (*vendor_text_fn)(const slc_export *x, size_t v, slc_buf *out);

static void summary_texts(sheet *s, lxw_row_t r, const char *label, vendor_text_fn fn)
{
    xw *w = s->w;
    put_str(s, r, 0, label, w->f.header);
    for (size_t k = 0; k < w->x->n; k++) {
        slc_buf_clear(&w->tmp);
        fn(w->x, k, &w->tmp);
        slc_buf_adds(&w->tmp, "");
        put_str(s, r, (lxw_col_t)(1 + k), w->tmp.data, w->f.text);
    }
}

/* "5 サービス稼働率" */
static void add_item(const slc_export *x, const slc_cat_item *it, slc_buf *out)
{
    slc_buf_addf(out, "%d %s", it->no, slc_label_get(&it->name, x->lang));
}

/* s cut to at most max display columns, "…" where cut */
static void add_cut(slc_buf *out, const char *s, size_t max)
{
    size_t n = 0, w = 0;
    while (s[n]) {
        size_t k = slc_xlsx_cp_bytes((unsigned char)s[n]);
        w += slc_text_width(s + n, k);
        if (w > max) {
            slc_buf_add(out, s, n);
            slc_buf_adds(out, "…");
            return;
        }
        n += k;
    }
    slc_buf_adds(out, s);
}

/* vendor v's must requirements not met or unknown, a paragraph each: the
 * item, the requirement, the verdict and why, the evidence and its line */
static void musts_text(const slc_export *x, size_t v, slc_buf *out)
{
    const slc_summary_vendor *sv = &x->summary.vendors[v];
    int ja = x->lang == SLC_LANG_JA;
    slc_buf t;
    slc_buf_init(&t);
    for (size_t k = 0; k < sv->nmusts; k++) {
        const slc_req_result *res = sv->musts[k];
        const slc_cat_item *it = slc_catalog_item(x->cat, res->req->item);
        if (k)
            slc_buf_adds(out, "\n");
        slc_buf_adds(out, "• ");
        if (it)
            add_item(x, it, out);
        slc_buf_adds(out, ja ? "（" : " (");
        slc_requirement_describe(res->req, x->lang, out);
        slc_buf_adds(out, ja ? "）: " : "): ");
        slc_export_req_verdict(x, res, out);
        slc_buf_clear(&t);
        slc_export_evidence(x, res, &t);
        if (t.len) {
            slc_buf_adds(out, ja ? "\n　根拠「" : "\n  evidence \"");
            add_cut(out, t.data, EVIDENCE_MAX);
            slc_buf_adds(out, ja ? "」" : "\"");
        }
        if (res->line > 0) {
            slc_buf_adds(out, ja ? "（" : " (");
            slc_buf_addf(out, word(x, SL_LINE), res->line);
            slc_buf_adds(out, ja ? "）" : ")");
        }
    }
    slc_buf_release(&t);
    if (!out->len)
        slc_buf_adds(out,
                     sv->scored ? word(x, SL_ALL_MUSTS_MET) : slc_export_label(x, SLC_XL_NONE));
}

/* one kind of risk: its name and the items it concerns, or nothing */
static void risk_head(const slc_export *x, slc_xlabel kind, size_t n, slc_buf *out)
{
    if (out->len)
        slc_buf_adds(out, "\n");
    slc_buf_addf(out, "• %s (%zu): ", slc_export_label(x, kind), n);
}

static void risk_items(const slc_export *x, slc_xlabel kind, const size_t *idx, size_t n,
                       slc_buf *out)
{
    if (!n)
        return;
    risk_head(x, kind, n, out);
    for (size_t k = 0; k < n; k++) {
        if (k)
            slc_buf_adds(out, x->lang == SLC_LANG_JA ? "、" : ", ");
        add_item(x, &x->cat->items[idx[k]], out);
    }
}

/* the risks that remain for vendor v */
static void risks_text(const slc_export *x, size_t v, slc_buf *out)
{
    const slc_summary_vendor *sv = &x->summary.vendors[v];
    risk_items(x, SLC_XL_RISK_UNDISCLOSED, sv->undisclosed, sv->nundisclosed, out);
    if (sv->ntargets) {
        risk_head(x, SLC_XL_RISK_TARGETS, sv->ntargets, out);
        for (size_t k = 0; k < sv->ntargets; k++) {
            const slc_cat_item *it = slc_catalog_item(x->cat, sv->targets[k]->req->item);
            if (k)
                slc_buf_adds(out, x->lang == SLC_LANG_JA ? "、" : ", ");
            if (it)
                add_item(x, it, out);
        }
    }
    risk_items(x, SLC_XL_RISK_MISSING, sv->missing, sv->nmissing, out);
    if (!out->len)
        slc_buf_adds(out, slc_export_label(x, SLC_XL_NONE));
}

/* the vendors side by side: counts, score, musts, risks; the next free row */
static lxw_row_t summary_vendors(sheet *s, lxw_row_t r)
{
    xw *w = s->w;
    const slc_export *x = w->x;
    const slc_summary *sm = &x->summary;
    double *v = slc_xcalloc(x->n, sizeof(double));
    put_label(s, r, 0, SLC_XL_VENDOR);
    for (size_t k = 0; k < x->n; k++)
        put_str(s, r, (lxw_col_t)(1 + k), vendor_label(x, k), w->f.header);
    r++;
    put_label(s, r, 0, SLC_XL_FILE);
    for (size_t k = 0; k < x->n; k++)
        put_str(s, r, (lxw_col_t)(1 + k), x->docs[k]->path, w->f.text);
    r++;
    for (size_t k = 0; k < x->n; k++) {
        v[k] = 0;
        for (size_t i = 0; i < x->cat->nitems; i++)
            v[k] += x->docs[k]->first[i] >= 0;
    }
    summary_counts(s, r++, word(x, SL_PRESENT), v, w->f.present);
    static const struct {
        slc_xlabel l;
        int sev;
    } sev[] = {{SLC_XL_ERRORS, SLC_SEV_ERROR},
               {SLC_XL_WARNINGS, SLC_SEV_WARNING},
               {SLC_XL_INFO, SLC_SEV_INFO}};
    for (size_t q = 0; q < 3; q++) {
        for (size_t k = 0; k < x->n; k++)
            v[k] = (double)sm->vendors[k].counts[sev[q].sev];
        summary_counts(s, r++, slc_export_label(x, sev[q].l), v, w->f.num);
    }
    if (x->n > 1) {
        for (size_t k = 0; k < x->n; k++)
            v[k] = (double)x->cmp->vendors[k].leads;
        summary_counts(s, r++, slc_export_label(x, SLC_XL_LEADS), v, w->f.num);
        for (size_t k = 0; k < x->n; k++)
            v[k] = (double)x->cmp->vendors[k].trails;
        summary_counts(s, r++, slc_export_label(x, SLC_XL_TRAILS), v, w->f.num);
        for (size_t k = 0; k < x->n; k++)
            v[k] = (double)x->cmp->vendors[k].differs;
        summary_counts(s, r++, slc_export_label(x, SLC_XL_DIFFERS), v, w->f.num);
    }
    if (x->profile) {
        put_str(s, r, 0, slc_export_label(x, SLC_XL_SCORE), w->f.header);
        for (size_t k = 0; k < x->n; k++) {
            if (sm->vendors[k].scored)
                put_num(s, r, (lxw_col_t)(1 + k), sm->vendors[k].score, w->f.score);
            else
                put_str(s, r, (lxw_col_t)(1 + k), NULL, w->f.num);
        }
        r++;
        summary_texts(s, r++, slc_export_label(x, SLC_XL_SCORE_HOW), slc_summary_score_text);
        for (size_t k = 0; k < x->n; k++)
            v[k] = (double)sm->vendors[k].nmusts_failed;
        summary_counts(s, r++, word(x, SL_MUST_FAILED), v, w->f.num);
        for (size_t k = 0; k < x->n; k++)
            v[k] = (double)(sm->vendors[k].nmusts - sm->vendors[k].nmusts_failed);
        summary_counts(s, r++, word(x, SL_MUST_UNKNOWN), v, w->f.num);
        summary_texts(s, r++, slc_export_label(x, SLC_XL_MUSTS_OPEN), musts_text);
    }
    summary_texts(s, r++, slc_export_label(x, SLC_XL_RISKS), risks_text);
    free(v);
    return r + 1;
}

/* a line of text across the vendor table's width, as tall as it wraps */
static lxw_row_t summary_note(sheet *s, lxw_row_t r, const char *text)
{
    xw *w = s->w;
    lxw_col_t last = (lxw_col_t)(s->ncols - 1);
    slc_xlsx_note(
        &w->e, worksheet_merge_range(s->ws, r, 0, r, last, slc_xlsx_text(text, &w->esc), w->f.text),
        s->name, r, 0);
    double width = 24 + 40.0 * (double)last; /* the widths write_summary sets */
    double lines = slc_xlsx_lines(slc_xlsx_text_width(text), width);
    if (lines > 1)
        slc_xlsx_note(&w->e, worksheet_set_row(s->ws, r, lines * SLC_XLSX_LINE_PT + 2, NULL),
                      s->name, r, 0);
    return r + 1;
}

/* the profile's weights, on a line of their own */
static lxw_row_t summary_weights(sheet *s, lxw_row_t r)
{
    const slc_export *x = s->w->x;
    if (!x->profile)
        return r;
    slc_buf *t = &s->w->tmp;
    slc_buf_clear(t);
    slc_buf_addf(t, "%s: ", slc_export_label(x, SLC_XL_WEIGHTS));
    slc_summary_weights_text(x, t);
    return summary_note(s, r, t->data) + 1;
}

/* For each category, per vendor: the requirements met, not met and
 * unknown, and the items where the vendor leads or trails; coloured by
 * the worst requirement status, and said in words for greyscale. */
static lxw_row_t summary_grid(sheet *s, lxw_row_t r)
{
    xw *w = s->w;
    const slc_export *x = w->x;
    const slc_summary *sm = &x->summary;
    if (!sm->ncategories)
        return r;
    put_str(s, r, 0, slc_export_label(x, SLC_XL_GRID), w->f.header);
    for (size_t v = 0; v < x->n; v++)
        put_str(s, r, (lxw_col_t)(1 + v), vendor_label(x, v), w->f.header);
    r++;
    slc_buf *t = &w->tmp;
    for (size_t c = 0; c < sm->ncategories && !slc_xlsx_failed(&w->e); c++, r++) {
        put_str(s, r, 0, slc_label_get(&x->cat->categories[c].label, x->lang), w->f.header);
        for (size_t v = 0; v < x->n; v++) {
            const slc_summary_cell *g = slc_summary_cell_at(sm, c, v);
            slc_buf_clear(t);
            if (x->profile && g->req_total)
                slc_buf_addf(t, word(x, SL_GRID_REQ), g->req_met, g->req_not_met, g->req_unknown);
            else if (x->profile)
                slc_buf_adds(t, word(x, SL_GRID_NO_REQ));
            if (t->len)
                slc_buf_adds(t, "\n");
            slc_buf_addf(t, word(x, SL_GRID_RANK), g->leads, g->trails, g->items - g->answered);
            lxw_format *f = g->req_not_met   ? w->f.worse
                            : g->req_unknown ? w->f.verdict[SLC_CMP_DIFFERS]
                            : g->req_met     ? w->f.better
                                             : w->f.text;
            put_str(s, r, (lxw_col_t)(1 + v), t->data, f);
        }
    }
    if (x->profile)
        r = summary_note(s, r, word(x, SL_GRID_LEGEND));
    return r + 1;
}

/* empty fields for the reviewer, the decision and its date */
static lxw_row_t summary_fields(sheet *s, lxw_row_t r)
{
    xw *w = s->w;
    static const slc_xlabel fields[] = {SLC_XL_REVIEWER, SLC_XL_DECISION, SLC_XL_DECISION_DATE};
    lxw_col_t last = (lxw_col_t)(s->ncols - 1);
    for (size_t k = 0; k < 3; k++, r++) {
        put_label(s, r, 0, fields[k]);
        slc_xlsx_note(&w->e, worksheet_merge_range(s->ws, r, 1, r, last, "", w->f.field), s->name,
                      r, 1);
        slc_xlsx_note(&w->e, worksheet_set_row(s->ws, r, 2 * SLC_XLSX_LINE_PT + 2, NULL), s->name,
                      r, 0);
    }
    return r + 1;
}

/* markers and colours of the comparison; returns the row after it */
static lxw_row_t summary_legend(sheet *s, lxw_row_t r)
{
    xw *w = s->w;
    const slc_export *x = w->x;
    put_str(s, r++, 0, slc_export_label(x, SLC_XL_LEGEND), w->f.bold);
    put_str(s, r, 0, slc_export_rank_marker(1), w->f.better);
    put_str(s, r++, 1, slc_export_label(x, SLC_XL_BETTER), w->f.better);
    put_str(s, r, 0, slc_export_rank_marker(-1), w->f.worse);
    put_str(s, r++, 1, slc_export_label(x, SLC_XL_WORSE), w->f.worse);
    for (int v = 0; v < 4 && x->n > 1; v++, r++) {
        put_str(s, r, 0, slc_export_verdict_marker((slc_cmp_verdict)v), w->f.verdict[v]);
        put_str(s, r, 1, slc_export_verdict_label(x, (slc_cmp_verdict)v), w->f.verdict[v]);
    }
    return r + 1;
}

static void write_summary(xw *w)
{
    const slc_export *x = w->x;
    size_t ncols = 1 + (x->n > 2 ? x->n : 2);
    sheet s;
    if (sheet_open(w, &s, slc_export_label(x, SLC_XL_SUMMARY), ncols, NULL)) {
        worksheet_activate(s.ws);
        lxw_row_t r = summary_head(&s);
        r = summary_vendors(&s, r);
        r = summary_weights(&s, r);
        r = summary_grid(&s, r);
        r = summary_fields(&s, r);
        summary_legend(&s, r);
        s.width[0] = 24; /* the labels; room for the musts and risks beside them */
        for (size_t c = 1; c < ncols; c++)
            s.width[c] = 40;
        s.lead = 1;
    }
    sheet_close(&s);
    if (s.ws && !slc_xlsx_failed(&w->e)) { /* page 1, whole: taller than wide */
        worksheet_set_portrait(s.ws);
        worksheet_fit_to_pages(s.ws, 1, 1);
    }
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

enum { CMP_NO, CMP_CATEGORY, CMP_ITEM, CMP_VERDICT };
enum { PV_RANK, PV_ANSWER, PV_REMARKS, PV_FACTS, PV_N }; /* per vendor */

/* the columns before the vendors': No., category, item, and the verdict
 * when there is something to compare */
static lxw_col_t cmp_fixed(const slc_export *x)
{
    return x->n > 1 ? CMP_VERDICT + 1 : CMP_VERDICT;
}

static void comparison_header(sheet *s)
{
    const slc_export *x = s->w->x;
    static const slc_xlabel fixed[] = {SLC_XL_NO, SLC_XL_CATEGORY, SLC_XL_ITEM, SLC_XL_VERDICT};
    lxw_col_t nfixed = cmp_fixed(x);
    for (lxw_col_t c = 0; c < nfixed; c++) {
        put_header(s, 0, c, NULL);
        put_label(s, 1, c, fixed[c]);
    }
    slc_buf *t = &s->w->tmp;
    for (size_t v = 0; v < x->n && !slc_xlsx_failed(&s->w->e); v++) {
        lxw_col_t c0 = (lxw_col_t)(nfixed + v * PV_N);
        /* merged over the vendor's columns: merge_range writes a string */
        int was_cut;
        const char *name =
            slc_xlsx_cut_text(vendor_label(x, v), cut_marker(x), &s->w->cut, &s->w->esc, &was_cut);
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
    lxw_col_t nfixed = cmp_fixed(x);
    put_num(s, r, CMP_NO, it->no, w->f.num);
    put_str(s, r, CMP_CATEGORY, category_label(x, it), w->f.text);
    put_str(s, r, CMP_ITEM, slc_label_get(&it->name, x->lang), w->f.text);
    slc_buf *t = &w->tmp;
    if (nfixed > CMP_VERDICT) {
        slc_buf_clear(t);
        slc_buf_addf(t, "%s %s", slc_export_verdict_marker(ci->verdict),
                     slc_export_verdict_label(x, ci->verdict));
        put_str(s, r, CMP_VERDICT, t->data,
                (unsigned)ci->verdict < 4 ? w->f.verdict[ci->verdict] : w->f.text);
    }
    for (size_t v = 0; v < x->n; v++) {
        lxw_col_t c0 = (lxw_col_t)(nfixed + v * PV_N);
        const slc_answer *a = ci->answers[v];
        lxw_format *f = rank_format(w, ci->rank[v]);
        put_str(s, r, c0 + PV_RANK, slc_export_rank_marker(ci->rank[v]), f);
        put_str(s, r, c0 + PV_ANSWER, a ? a->cell[SLC_ROLE_ANSWER] : NULL,
                a ? f : w->f.verdict[SLC_CMP_MISSING]);
        put_str(s, r, c0 + PV_REMARKS, a ? a->cell[SLC_ROLE_REMARKS] : NULL, w->f.text);
        put_facts(s, r, c0 + PV_FACTS, v, i, a);
    }
}

/* a section's name across the table, merged so that it neither wraps in
 * the narrow first column nor spills over the rows below */
static void comparison_group(sheet *s, lxw_row_t r, const char *label)
{
    xw *w = s->w;
    slc_xlsx_note(&w->e,
                  worksheet_merge_range(s->ws, r, 0, r, (lxw_col_t)(s->ncols - 1),
                                        slc_xlsx_text(label ? label : "", &w->esc), w->f.group),
                  s->name, r, 0);
}

static void write_comparison(xw *w)
{
    const slc_export *x = w->x;
    const slc_catalog *cat = x->cat;
    lxw_col_t nfixed = cmp_fixed(x);
    size_t ncols = nfixed + x->n * PV_N;
    double *cap = slc_xcalloc(ncols, sizeof(double));
    /* the fixed columns and one vendor's fit one landscape page */
    cap[CMP_NO] = 6, cap[CMP_CATEGORY] = 10, cap[CMP_ITEM] = 24;
    if (nfixed > CMP_VERDICT)
        cap[CMP_VERDICT] = 12;
    for (size_t v = 0; v < x->n; v++) {
        cap[nfixed + v * PV_N + PV_RANK] = 5;
        cap[nfixed + v * PV_N + PV_ANSWER] = 44;
        cap[nfixed + v * PV_N + PV_REMARKS] = 26;
        cap[nfixed + v * PV_N + PV_FACTS] = 22;
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
                section = it->section;
                comparison_group(&s, r++, slc_label_get(&cat->sections[section].label, x->lang));
            }
            comparison_row(&s, r++, i);
        }
        sheet_table(&s, 0, 1, nfixed, r - 1, (lxw_col_t)(ncols - 1));
        s.group0 = nfixed; /* a vendor's columns print on one page */
        s.group_n = PV_N;
    }
    sheet_close(&s);
    free(cap);
}

/* ---- findings ---------------------------------------------------------- */

enum { FN_VENDOR, FN_FILE, FN_LINE, FN_ITEM, FN_SEVERITY, FN_RULE, FN_MESSAGE, FN_N };

static void write_findings(xw *w)
{
    const slc_export *x = w->x;
    static const double cap[FN_N] = {18, 24, 6, 5, 8, 18, 60}; /* one page wide */
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
                put_str(&s, r, FN_VENDOR, vendor_label(x, v), w->f.text);
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
                put_str(&s, r, RQ_VENDOR, vendor_label(x, v), w->f.text);
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

/* What the vendor answered comes first and is what prints (VD_PRINTED
 * columns, one page wide); the facts and the checklist's own words
 * (category, definition, unit) follow, for the screen and the filters. */
enum {
    VD_NO,
    VD_ITEM,
    VD_ANSWER,
    VD_REMARKS,
    VD_LINE,
    VD_PRINTED,
    VD_FACTS = VD_PRINTED,
    VD_CATEGORY,
    VD_DEFINITION,
    VD_UNIT,
    VD_N
};

static void write_vendor(xw *w, size_t v)
{
    const slc_export *x = w->x;
    const slc_catalog *cat = x->cat;
    static const double cap[VD_N] = {6, 26, 56, 40, 8, 28, 14, 40, 14};
    static const slc_xlabel cols[VD_N] = {SLC_XL_NO,       SLC_XL_ITEM,       SLC_XL_ANSWER,
                                          SLC_XL_REMARKS,  SLC_XL_LINE,       SLC_XL_FACTS,
                                          SLC_XL_CATEGORY, SLC_XL_DEFINITION, SLC_XL_UNIT};
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
        sheet_table(&s, 0, 0, VD_ANSWER, r - 1, VD_N - 1);
        s.print_cols = VD_PRINTED;
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

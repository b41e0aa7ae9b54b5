/* author_xlsx.c - the XLSX workbook a vendor fills in (libxlsxwriter,
 * through xlsx_write.h):
 *   - a cover sheet (表紙 / Instructions): the checklist's title, version
 *     and publisher, and how to fill it in, in Japanese and English;
 *   - the checklist sheet: the checklist's title, metadata rows
 *     (対象サービス, 会社名, 作成日, 担当者・連絡先, 版・改訂日: a key cell
 *     and a value cell, which align.c reads as metadata), the canonical header row (the words of
 *     write_table.c: No/種別/サービスレベル項目/規定内容/測定単位/回答/備考)
 *     and one row per item. Item columns are locked and the sheet protected
 *     (no password); answer, remarks and metadata value cells are unlocked
 *     text cells. Each answer cell's input message shows the definition and
 *     unit; where the item is 有無, a 有/無/該当なし list is offered that
 *     still takes free text (an information alert, not a stop).
 *
 * Printed on A4 one page wide, with each row as tall as its wrapped text
 * (LibreOffice does not fit rows when it opens a workbook).
 *
 * Answers are always written as string cells, never as formulas, and come
 * back byte for byte (xlsx_write.c escapes what Excel would decode;
 * read_xlsx.c decodes it as Excel does). */
#include "authoring.h"

#include <stdio.h>
#include <string.h>

#include "text.h"
#include "author_table.h"
#include "load.h"
#include "template.h"
#include "xlsx_write.h"
#include "author_xlsx.h"

#define PAPER_A4 9
#define DV_TITLE_MAX 32    /* Excel: data validation titles */
#define DV_MESSAGE_MAX 255 /* Excel: data validation messages */

enum { COL_NO, COL_CATEGORY, COL_NAME, COL_DEFINITION, COL_UNIT, COL_ANSWER, COL_REMARKS, NCOLS };

_Static_assert(NCOLS == SLC_CANON_COLS, "the checklist sheet has the canonical columns");
static const double col_width[NCOLS] = {6, 11, 26, 46, 14, 50, 34};

/* the rows of the checklist sheet (0-based) */
#define ROW_TITLE 0
#define ROW_META 1 /* SLC_META_N rows: service, vendor, date, contact, revision */
#define ROW_HEADER (ROW_META + SLC_META_N + 1)
#define ROW_FIRST_ITEM (ROW_HEADER + 1)
#define TITLE_PT 24.0    /* the 14-point title's row */
#define COVER_WIDTH 66.0 /* A4 portrait at 100 % as LibreOffice prints it */

typedef struct aw {
    const slc_catalog *cat;
    const slc_doc *doc;
    const slc_author_opts *o;
    lxw_workbook *wb;
    lxw_format *title, *subtitle, *heading, *text, *label, *header, *item, *item_center, *input,
        *meta_input;
    slc_xlsx_errors e; /* the first libxlsxwriter error, and where */
    slc_buf esc;       /* scratch: escaped cell text */
    slc_buf tmp, tmp2; /* scratch: composed text */
    slc_xlsx_fit fit;  /* the current sheet's wrapped text, for row heights */
} aw;

/* ---- text ------------------------------------------------------------- */

/* Cuts s (in place) to at most max UTF-16 units, whole code points, ending
 * in "…" when cut; control characters (but line feeds) become spaces. */
static void fit_units(slc_buf *b, size_t max)
{
    if (!b->data)
        slc_buf_adds(b, "");
    for (size_t i = 0; i < b->len; i++)
        if ((unsigned char)b->data[i] < 0x20 && b->data[i] != '\n')
            b->data[i] = ' ';
    if (slc_xlsx_utf16_units(b->data) <= max)
        return;
    size_t n = 0, i = 0;
    while (i < b->len) {
        size_t k = slc_xlsx_cp_bytes((unsigned char)b->data[i]);
        size_t u = k == 4 ? 2 : 1;
        if (n + u > max - 1) /* room for the ellipsis */
            break;
        n += u;
        i += k;
    }
    b->len = i;
    b->data[i] = '\0';
    slc_buf_adds(b, "\xE2\x80\xA6");
}

/* A string cell (never a formula); blank with the format when empty. */
static void put_str(aw *w, lxw_worksheet *ws, const char *sheet, lxw_row_t row, lxw_col_t col,
                    const char *s, lxw_format *f)
{
    if (slc_xlsx_failed(&w->e))
        return;
    slc_xlsx_note(&w->e, slc_xlsx_write_text(ws, row, col, s, f, &w->esc), sheet, row, col);
    if (f && f->text_wrap && s)
        slc_xlsx_fit_note(&w->fit, row, col, s);
}

/* Each row as tall as its wrapped text, for the columns' widths; the
 * notes are cleared for the next sheet. */
static void fit_rows(aw *w, lxw_worksheet *ws, const char *sheet, const double *width, size_t ncols)
{
    if (!slc_xlsx_failed(&w->e))
        slc_xlsx_note(&w->e, slc_xlsx_fit_rows(&w->fit, ws, width, ncols), sheet, 0, 0);
    slc_xlsx_fit_release(&w->fit);
}

/* ---- formats ---------------------------------------------------------- */

#define C_HEADER_FILL 0xD9E1F2
#define C_LOCKED_FILL 0xF2F2F2
#define C_INPUT_FILL 0xFFFDE7
#define C_BORDER 0xBFBFBF

static lxw_format *new_format(aw *w, int wrap, int border)
{
    lxw_format *f = workbook_add_format(w->wb);
    if (!f) {
        slc_xlsx_note(&w->e, LXW_ERROR_MEMORY_MALLOC_FAILED, NULL, 0, 0);
        return NULL;
    }
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (wrap)
        format_set_text_wrap(f);
    if (border) {
        format_set_border(f, LXW_BORDER_THIN);
        format_set_border_color(f, C_BORDER);
    }
    return f;
}

static int formats_setup(aw *w)
{
    if (!(w->title = new_format(w, 0, 0)) || !(w->subtitle = new_format(w, 1, 0)) ||
        !(w->heading = new_format(w, 0, 0)) || !(w->text = new_format(w, 1, 0)) ||
        !(w->label = new_format(w, 0, 1)) || !(w->header = new_format(w, 1, 1)) ||
        !(w->item = new_format(w, 1, 1)) || !(w->item_center = new_format(w, 1, 1)) ||
        !(w->input = new_format(w, 1, 1)) || !(w->meta_input = new_format(w, 1, 1)))
        return 0;
    format_set_bold(w->title);
    format_set_font_size(w->title, 14);
    format_set_font_color(w->subtitle, 0x595959);
    format_set_bold(w->heading);
    format_set_font_size(w->heading, 12);
    format_set_bold(w->label);
    format_set_bg_color(w->label, C_LOCKED_FILL);
    format_set_bold(w->header);
    format_set_bg_color(w->header, C_HEADER_FILL);
    format_set_align(w->header, LXW_ALIGN_CENTER);
    format_set_bg_color(w->item, C_LOCKED_FILL);
    format_set_bg_color(w->item_center, C_LOCKED_FILL);
    format_set_align(w->item_center, LXW_ALIGN_CENTER);
    /* what the vendor types: unlocked, kept as text ("@": 2024/4/1 and
     * 99.90 stay as typed, not a date serial or 99.9) */
    format_set_unlocked(w->input);
    format_set_num_format(w->input, "@");
    format_set_bg_color(w->input, C_INPUT_FILL);
    format_set_unlocked(w->meta_input);
    format_set_num_format(w->meta_input, "@");
    format_set_bg_color(w->meta_input, C_INPUT_FILL);
    return 1;
}

/* A new sheet, landscape on A4 one page wide; NULL once anything failed. */
static lxw_worksheet *add_sheet(aw *w, const char *name)
{
    if (slc_xlsx_failed(&w->e))
        return NULL;
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, name);
    if (!ws) {
        slc_xlsx_note(&w->e, LXW_ERROR_MEMORY_MALLOC_FAILED, name, 0, 0);
        return NULL;
    }
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, PAPER_A4);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    slc_xlsx_note(&w->e, worksheet_set_footer(ws, "&C&P / &N"), name, 0, 0);
    return ws;
}

/* Locked cells stay selectable (to copy); rows and columns may be resized
 * and cells formatted, nothing inserted or deleted, no password. */
static void protect(lxw_worksheet *ws)
{
    lxw_protection p;
    memset(&p, 0, sizeof(p));
    p.format_cells = 1;
    p.format_columns = 1;
    p.format_rows = 1;
    worksheet_protect(ws, NULL, &p);
}

/* ---- the cover sheet -------------------------------------------------- */

/* The instructions in one language, from templates/vendor-template.LANG.txt
 * (--templates DIR may replace them): a heading, then a row per line. */
static lxw_row_t cover_part(aw *w, lxw_worksheet *ws, const char *name, lxw_row_t r,
                            const char *file)
{
    slc_buf_clear(&w->tmp);
    slc_template_word(file, "instructions_title", &w->tmp);
    slc_buf_adds(&w->tmp, "");
    put_str(w, ws, name, r++, 0, w->tmp.data, w->heading);
    slc_buf_clear(&w->tmp);
    slc_template_word(file, "instructions", &w->tmp);
    slc_buf_adds(&w->tmp, "");
    for (const char *p = w->tmp.data; *p;) {
        size_t n = strcspn(p, "\n");
        slc_buf_clear(&w->tmp2);
        slc_buf_add(&w->tmp2, p, n);
        slc_buf_adds(&w->tmp2, "");
        put_str(w, ws, name, r++, 0, w->tmp2.data, w->text);
        p += n + (p[n] == '\n');
    }
    return r + 1;
}

static void write_cover(aw *w, const char *name, const char *checklist_sheet)
{
    const slc_catalog *cat = w->cat;
    lxw_worksheet *ws = add_sheet(w, name);
    if (!ws)
        return;
    worksheet_set_portrait(ws);
    static const double width[1] = {COVER_WIDTH};
    slc_xlsx_note(&w->e, worksheet_set_column(ws, 0, 0, width[0], NULL), name, 0, 0);
    lxw_row_t r = 0;
    slc_xlsx_note(&w->e, worksheet_set_row(ws, r, TITLE_PT, NULL), name, r, 0);
    put_str(w, ws, name, r++, 0, cat->title.ja, w->title);
    if (cat->title.en)
        put_str(w, ws, name, r++, 0, cat->title.en, w->heading);
    slc_buf_clear(&w->tmp);
    if (cat->publisher.ja)
        slc_buf_addf(&w->tmp, "%s", cat->publisher.ja);
    if (cat->published)
        slc_buf_addf(&w->tmp, "%s%s", w->tmp.len ? "  " : "", cat->published);
    slc_buf_addf(&w->tmp, "%s%s %s", w->tmp.len ? "  " : "", "checklist", cat->id ? cat->id : "");
    if (cat->version)
        slc_buf_addf(&w->tmp, "  version %s", cat->version);
    slc_buf_addf(&w->tmp, "  (%zu items)", cat->nitems);
    put_str(w, ws, name, r++, 0, w->tmp.data, w->subtitle);
    slc_buf_clear(&w->tmp);
    slc_buf_addf(&w->tmp, "記入するシート / Sheet to fill in: %s", checklist_sheet);
    put_str(w, ws, name, r++, 0, w->tmp.data, w->subtitle);
    r++;
    /* the language asked for first */
    int en = w->o && w->o->lang == SLC_LANG_EN;
    r = cover_part(w, ws, name, r, en ? "vendor-template.en.txt" : "vendor-template.ja.txt");
    cover_part(w, ws, name, r, en ? "vendor-template.ja.txt" : "vendor-template.en.txt");
    fit_rows(w, ws, name, width, 1);
    protect(ws);
}

/* ---- the checklist sheet ---------------------------------------------- */

static void answer_validation(aw *w, lxw_worksheet *ws, const char *sheet, lxw_row_t row,
                              const slc_cat_item *it)
{
    if (slc_xlsx_failed(&w->e))
        return;
    slc_lang lang = w->o ? w->o->lang : SLC_LANG_JA;
    lxw_data_validation dv;
    memset(&dv, 0, sizeof(dv));
    static const char *presence_list[] = {"有", "無", "該当なし", NULL};
    slc_buf_clear(&w->tmp);
    slc_buf_addf(&w->tmp, "%d. %s", it->no, slc_label_get(&it->name, lang));
    fit_units(&w->tmp, DV_TITLE_MAX);
    slc_buf_clear(&w->tmp2);
    const char *def = slc_label_get(&it->definition, lang);
    const char *unit = slc_label_get(&it->unit, lang);
    if (lang == SLC_LANG_EN)
        slc_buf_addf(&w->tmp2, "Unit: %s\nDefinition: %s", unit ? unit : "", def ? def : "");
    else
        slc_buf_addf(&w->tmp2, "測定単位: %s\n規定内容: %s", unit ? unit : "", def ? def : "");
    fit_units(&w->tmp2, DV_MESSAGE_MAX);
    dv.input_title = w->tmp.data;
    dv.input_message = w->tmp2.data;
    dv.show_input = LXW_VALIDATION_ON;
    dv.ignore_blank = LXW_VALIDATION_ON;
    if (it->kind == SLC_KIND_PRESENCE) {
        dv.validate = LXW_VALIDATION_TYPE_LIST;
        dv.value_list = (char **)presence_list;
        dv.dropdown = LXW_VALIDATION_ON;
        /* a suggestion, never an alert: 「【有】2週間前までに…」 is a good answer
         * and a vendor should not have to confirm it cell by cell */
        dv.show_error = LXW_VALIDATION_OFF;
    } else {
        dv.validate = LXW_VALIDATION_TYPE_ANY;
        dv.show_error = LXW_VALIDATION_OFF;
    }
    slc_xlsx_note(&w->e, worksheet_data_validation_cell(ws, row, COL_ANSWER, &dv), sheet, row,
                  COL_ANSWER);
}

static void write_checklist(aw *w, const char *name)
{
    const slc_catalog *cat = w->cat;
    const slc_doc *doc = w->doc;
    lxw_worksheet *ws = add_sheet(w, name);
    if (!ws)
        return;
    for (lxw_col_t c = 0; c < NCOLS && !slc_xlsx_failed(&w->e); c++)
        slc_xlsx_note(&w->e, worksheet_set_column(ws, c, c, col_width[c], NULL), name, 0, c);

    /* title: one cell without a colon, which align.c passes over */
    slc_buf_clear(&w->tmp);
    slc_buf_adds(&w->tmp, cat->title.ja ? cat->title.ja : "");
    if (cat->publisher.ja || cat->version) {
        slc_buf_adds(&w->tmp, "（");
        if (cat->publisher.ja)
            slc_buf_adds(&w->tmp, cat->publisher.ja);
        if (cat->version)
            slc_buf_addf(&w->tmp, "%sversion %s", cat->publisher.ja ? " " : "", cat->version);
        slc_buf_adds(&w->tmp, "）");
    }
    char *title = slc_xstrdup(w->tmp.data);
    put_str(w, ws, name, ROW_TITLE, 0, title, w->title);
    free(title);

    slc_xlsx_note(&w->e, worksheet_set_row(ws, ROW_TITLE, TITLE_PT, NULL), name, ROW_TITLE, 0);

    /* metadata: a key cell align.c knows, over A:B so that it shows whole,
     * and a value cell over C:D */
    for (int m = 0; m < SLC_META_N && !slc_xlsx_failed(&w->e); m++) {
        lxw_row_t row = (lxw_row_t)(ROW_META + m);
        const char *v = slc_meta_value(doc, m);
        /* merge_range writes its own string: the key is the checklist's
         * own word, the value is put after it, escaped */
        slc_xlsx_note(
            &w->e,
            worksheet_merge_range(ws, row, COL_NO, row, COL_CATEGORY, slc_meta_keys[m], w->label),
            name, row, COL_NO);
        slc_xlsx_note(
            &w->e, worksheet_merge_range(ws, row, COL_NAME, row, COL_DEFINITION, "", w->meta_input),
            name, row, COL_NAME);
        if (v && *v && !slc_xlsx_failed(&w->e)) /* one line over C:D: no row to fit */
            slc_xlsx_note(&w->e, slc_xlsx_write_text(ws, row, COL_NAME, v, w->meta_input, &w->esc),
                          name, row, COL_NAME);
    }
    if (slc_xlsx_failed(&w->e))
        return;
    for (lxw_col_t c = 0; c < NCOLS; c++)
        put_str(w, ws, name, ROW_HEADER, c, slc_canon_header[c], w->header);

    lxw_row_t row = ROW_FIRST_ITEM;
    for (size_t i = 0; i < cat->nitems && !slc_xlsx_failed(&w->e); i++) {
        const slc_answer *a = doc ? slc_doc_answer(doc, i) : NULL;
        if (!a && !(w->o && w->o->all_items) && doc)
            continue;
        const slc_cat_item *it = &cat->items[i];
        slc_xlsx_note(&w->e, worksheet_write_number(ws, row, COL_NO, it->no, w->item_center), name,
                      row, COL_NO);
        put_str(w, ws, name, row, COL_CATEGORY, cat->categories[it->category].label.ja, w->item);
        put_str(w, ws, name, row, COL_NAME, it->name.ja, w->item);
        put_str(w, ws, name, row, COL_DEFINITION, it->definition.ja, w->item);
        put_str(w, ws, name, row, COL_UNIT, it->unit.ja, w->item_center);
        put_str(w, ws, name, row, COL_ANSWER, a ? a->cell[SLC_ROLE_ANSWER] : NULL, w->input);
        put_str(w, ws, name, row, COL_REMARKS, a ? a->cell[SLC_ROLE_REMARKS] : NULL, w->input);
        answer_validation(w, ws, name, row, it);
        row++;
    }
    if (slc_xlsx_failed(&w->e))
        return;
    fit_rows(w, ws, name, col_width, NCOLS);
    worksheet_freeze_panes(ws, ROW_HEADER + 1, COL_NAME + 1);
    slc_xlsx_note(&w->e, worksheet_repeat_rows(ws, ROW_HEADER, ROW_HEADER), name, ROW_HEADER, 0);
    slc_xlsx_note(&w->e, worksheet_set_footer(ws, "&C&P / &N"), name, 0, 0);
    worksheet_activate(ws);
    protect(ws);
}

static void set_properties(aw *w)
{
    lxw_doc_properties p;
    memset(&p, 0, sizeof(p));
    p.title = (char *)(w->cat->title.ja ? w->cat->title.ja : "checklist");
    p.subject = (char *)(w->cat->id ? w->cat->id : "");
    p.comments = "slacheck template";
    p.created = slc_xlsx_created();
    slc_xlsx_note(&w->e, workbook_set_properties(w->wb, &p), NULL, 0, 0);
}

slc_status slc_author_xlsx(const slc_catalog *cat, const slc_doc *doc, const slc_author_opts *o,
                           const char *path, slc_error *err)
{
    lxw_workbook_options opt = {
        .constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    aw w;
    memset(&w, 0, sizeof(w));
    w.cat = cat;
    w.doc = doc;
    w.o = o;
    slc_buf_init(&w.esc);
    slc_buf_init(&w.tmp);
    slc_buf_init(&w.tmp2);
    w.wb = workbook_new_opt(path, &opt);
    if (!w.wb) {
        slc_buf_release(&w.esc);
        slc_buf_release(&w.tmp);
        slc_buf_release(&w.tmp2);
        return slc_error_set(err, SLC_ERR_INTERNAL, path, 0, -1, "%s",
                             lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
    }
    /* the same names in either language: the instructions name them */
    const char *cover = "表紙", *sheet = "チェックリスト";
    if (formats_setup(&w)) {
        set_properties(&w);
        write_cover(&w, cover, sheet);
        write_checklist(&w, sheet);
    }
    slc_status st = slc_xlsx_close(w.wb, &w.e, path, err); /* also frees the workbook */
    slc_buf_release(&w.esc);
    slc_buf_release(&w.tmp);
    slc_buf_release(&w.tmp2);
    slc_xlsx_fit_release(&w.fit);
    return st;
}

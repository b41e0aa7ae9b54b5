/* read_xlsx.c - XLSX input: minizip opens the workbook from memory (a
 * zlib_filefunc64_def over the loader's bytes), libxml2's xmlTextReader
 * streams each part straight out of the zip:
 *   _rels/.rels -> the workbook part, its .rels -> sheets and shared
 *   strings; every worksheet is read and aligned, and the one whose rows
 *   give the most checklist items is the table (a cover sheet gives none).
 * Cells by reference ("C7": gaps filled with empty cells), rows by number
 * (a row's line is its spreadsheet row), shared strings with rich-text runs
 * (phonetic runs, <rPh>, are not text), inline strings, formula results
 * (the cached value), numbers as Excel shows them in General, booleans as
 * TRUE/FALSE; "_xHHHH_" decoded as Excel does (ST_Xstring).
 *
 * Hostile workbooks: every part's uncompressed bytes count against
 * limits->max_bytes (the declared size is checked first, the bytes actually
 * inflated as they come), rows, cells and cell bytes against the others;
 * no DTD is accepted, no entity is resolved, nothing is fetched (XXE);
 * libxml2 prints nothing. Failures are SLC_ERR_FORMAT or SLC_ERR_TOO_LARGE
 * naming the part and what was expected. */
#include "read_xlsx.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xlsx_package.h"
#include "xlsx_styles.h"

#define MAX_SHEETS 256               /* worksheets considered */
#define MAX_COLUMN 16384             /* Excel: XFD */
#define REL_NS_TAIL "/relationships" /* r:id */

void slc_xlsx_init(void)
{
    xmlInitParser();
}

int slc_xlsx_sniff(const char *bytes, size_t n)
{
    return n >= 4 && !memcmp(bytes, "PK\3\4", 4);
}

typedef struct sheet_ref {
    const char *name, *part;
} sheet_ref;

static slc_status read_workbook(slc_xlsx_pkg *x, const char *wbpart, sheet_ref **sheets,
                                size_t *nsheets, const char **sst_part, const char **styles_part)
{
    *styles_part = NULL;
    slc_xlsx_rel *rels;
    size_t nrels;
    *sheets = NULL;
    *nsheets = 0;
    *sst_part = NULL;
    slc_status st = slc_xlsx_read_rels(x, wbpart, &rels, &nrels);
    if (st != SLC_OK)
        return st;
    for (size_t i = 0; i < nrels; i++)
        if (slc_xlsx_type_is(rels[i].type, "/sharedStrings"))
            *sst_part = rels[i].target;
        else if (slc_xlsx_type_is(rels[i].type, "/styles"))
            *styles_part = rels[i].target;
    slc_xlsx_part p;
    if ((st = slc_xlsx_part_open(x, &p, wbpart, 1)) != SLC_OK)
        return st;
    slc_ptrs v = {0};
    int r, saw_workbook = 0;
    while ((r = slc_xlsx_part_next(&p)) == 1) {
        if (slc_xlsx_is_start(&p, "workbook"))
            saw_workbook = 1;
        if (slc_xlsx_is_start(&p, "workbookPr")) {
            const char *d = slc_xlsx_attr(&p, "date1904", NULL);
            x->date1904 = d && (!strcmp(d, "1") || !strcasecmp(d, "true"));
        }
        if (!slc_xlsx_is_start(&p, "sheet") || v.n >= MAX_SHEETS)
            continue;
        const char *id = slc_xlsx_attr(&p, "id", REL_NS_TAIL);
        const char *name = slc_xlsx_attr(&p, "name", NULL);
        const char *target = NULL;
        for (size_t i = 0; id && i < nrels; i++)
            if (!strcmp(rels[i].id, id) && slc_xlsx_type_is(rels[i].type, "/worksheet"))
                target = rels[i].target;
        if (!target)
            continue; /* a chart sheet, a dialog sheet, or a dangling reference */
        sheet_ref *s = slc_arena_alloc(&x->scratch, sizeof(*s));
        s->name = name ? name : "";
        s->part = target;
        slc_ptrs_push(&v, s);
    }
    st = slc_xlsx_part_close(&p, r);
    if (st == SLC_OK && !saw_workbook)
        st = slc_xlsx_fail(x, SLC_ERR_FORMAT, 0, "%s: expected a <workbook> element", wbpart);
    if (st == SLC_OK && !v.n)
        st = slc_xlsx_fail(x, SLC_ERR_FORMAT, 0, "%s: the workbook has no worksheet", wbpart);
    if (st == SLC_OK) {
        *sheets = slc_arena_alloc(&x->scratch, v.n * sizeof(sheet_ref));
        for (size_t i = 0; i < v.n; i++)
            (*sheets)[i] = *(sheet_ref *)v.v[i];
        *nsheets = v.n;
    }
    slc_ptrs_release(&v);
    return st;
}

static slc_status read_shared_strings(slc_xlsx_pkg *x, const char *name)
{
    slc_xlsx_part p;
    slc_status st = slc_xlsx_part_open(x, &p, name, 0);
    if (st != SLC_OK || p.absent)
        return st;
    slc_ptrs v = {0};
    slc_buf raw, text;
    slc_buf_init(&raw);
    slc_buf_init(&text);
    int r;
    while ((r = slc_xlsx_part_next(&p)) == 1) {
        if (!slc_xlsx_is_start(&p, "si"))
            continue;
        slc_buf_clear(&raw);
        if ((r = slc_xlsx_read_rich(&p, &raw)) != 1)
            break;
        slc_buf_clear(&text);
        slc_xlsx_add_xstring(&text, raw.data ? raw.data : "", raw.len);
        slc_ptrs_push(&v, slc_arena_strndup(&x->scratch, text.data ? text.data : "", text.len));
    }
    st = slc_xlsx_part_close(&p, r);
    if (st == SLC_OK) {
        x->sst = slc_arena_alloc(&x->scratch, (v.n + 1) * sizeof(char *));
        for (size_t i = 0; i < v.n; i++)
            x->sst[i] = v.v[i];
        x->nsst = v.n;
    }
    slc_ptrs_release(&v);
    slc_buf_release(&raw);
    slc_buf_release(&text);
    return st;
}

/* "C7" -> 2; -1 if not a cell reference */
static long ref_column(const char *ref)
{
    long c = 0;
    int letters = 0;
    for (; *ref >= 'A' && *ref <= 'Z'; ref++) {
        if (++letters > 3)
            return -1;
        c = c * 26 + (*ref - 'A' + 1);
    }
    if (!letters || *ref < '1' || *ref > '9')
        return -1;
    return c - 1 < MAX_COLUMN ? c - 1 : -1;
}

typedef struct sheet_table {
    slc_row *rows;
    size_t nrows, cap;
} sheet_table;

/* The value of a cell element (positioned on <c>, not empty): the text of
 * <v>, or of <is> for an inline string; formulas and extensions skipped.
 * Ends on </c>. *have: a value was given. */
static int read_cell_value(slc_xlsx_part *p, int inline_str, slc_buf *raw, int *have)
{
    int depth = xmlTextReaderDepth(p->rd), r = slc_xlsx_part_next(p);
    *have = 0;
    while (slc_xlsx_next_child(p, depth, &r)) {
        if (!strcmp(slc_xlsx_name(p), inline_str ? "is" : "v")) {
            if ((r = (inline_str ? slc_xlsx_read_rich(p, raw) : slc_xlsx_read_text(p, raw))) != 1)
                break;
            *have = 1;
        } else if (!slc_xlsx_is_empty(p)) {
            r = slc_xlsx_part_skip(p); /* <f>, <extLst>: stands on what follows */
            continue;
        }
        r = slc_xlsx_part_next(p);
    }
    return r;
}

/* Reads one worksheet into t, strings in arena. */
static slc_status read_sheet(slc_xlsx_pkg *x, const char *name, slc_arena *arena, sheet_table *t)
{
    slc_xlsx_part p;
    slc_status st = slc_xlsx_part_open(x, &p, name, 1);
    if (st != SLC_OK)
        return st;
    slc_ptrs cells = {0};
    slc_buf raw, val;
    slc_buf_init(&raw);
    slc_buf_init(&val);
    long rowno = 0;
    int in_data = 0, in_row = 0, saw_sheet = 0;
    long col = -1;
    int r;
    char what[200], refbuf[32], tbuf[16], rbuf[32], sbuf[32];
    while ((r = slc_xlsx_part_next(&p)) == 1) {
        int type = xmlTextReaderNodeType(p.rd);
        if (type == XML_READER_TYPE_END_ELEMENT) {
            if (in_row && slc_xlsx_is_end(&p, "row")) {
                in_row = 0;
                if (!cells.n)
                    continue; /* nothing in it */
                if (t->nrows >= x->lim->max_rows) {
                    snprintf(what, sizeof(what), "more than %zu rows", x->lim->max_rows);
                    slc_xlsx_part_fail(&p, SLC_ERR_TOO_LARGE, rowno, what);
                    r = -1;
                    break;
                }
                t->rows = slc_xlsx_room_for_one(t->rows, t->nrows, &t->cap, 64, sizeof(*t->rows));
                slc_row *row = &t->rows[t->nrows++];
                row->line = rowno;
                row->offset = -1;
                row->ncells = cells.n;
                row->cells = slc_arena_alloc(arena, cells.n * sizeof(char *));
                for (size_t i = 0; i < cells.n; i++)
                    row->cells[i] = cells.v[i];
                cells.n = 0;
            } else if (slc_xlsx_is_end(&p, "sheetData")) {
                in_data = 0;
            }
            continue;
        }
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        const char *n = slc_xlsx_name(&p);
        if (!strcmp(n, "worksheet")) {
            saw_sheet = 1;
        } else if (!strcmp(n, "sheetData")) {
            in_data = !slc_xlsx_is_empty(&p);
        } else if (in_data && !in_row && !strcmp(n, "row")) {
            long rr = slc_xlsx_parse_long(slc_xlsx_attr_to(&p, "r", rbuf, sizeof(rbuf)));
            rowno = rr > 0 ? rr : rowno + 1;
            col = -1;
            cells.n = 0;
            in_row = !slc_xlsx_is_empty(&p);
        } else if (in_row && !strcmp(n, "c")) {
            const char *ref = slc_xlsx_attr_to(&p, "r", refbuf, sizeof(refbuf));
            const char *ct = slc_xlsx_attr_to(&p, "t", tbuf, sizeof(tbuf));
            long style = slc_xlsx_parse_long(slc_xlsx_attr_to(&p, "s", sbuf, sizeof(sbuf)));
            long c = ref ? ref_column(ref) : -1;
            col = c >= 0 ? c : col + 1;
            if (!ref) {
                char cell[16];
                long k = col + 1;
                size_t m = 0;
                while (k > 0 && m < 4) {
                    cell[m++] = (char)('A' + (k - 1) % 26);
                    k = (k - 1) / 26;
                }
                for (size_t i = 0; i < m / 2; i++) {
                    char tmp = cell[i];
                    cell[i] = cell[m - 1 - i];
                    cell[m - 1 - i] = tmp;
                }
                snprintf(refbuf, sizeof(refbuf), "%.*s%ld", (int)m, cell, rowno);
                ref = refbuf;
            }
            if (slc_xlsx_is_empty(&p))
                continue;
            int inline_str = ct && !strcmp(ct, "inlineStr"), have;
            slc_buf_clear(&raw);
            if ((r = read_cell_value(&p, inline_str, &raw, &have)) != 1)
                break;
            if (!have)
                continue;
            slc_buf_clear(&val);
            const char *rv = raw.data ? raw.data : "";
            if (ct && !strcmp(ct, "s")) {
                long k = slc_xlsx_parse_long(rv);
                if (k < 0 || (size_t)k >= x->nsst) {
                    snprintf(what, sizeof(what),
                             "cell %s refers to shared string %.20s; the table has %zu", ref, rv,
                             x->nsst);
                    slc_xlsx_part_fail(&p, SLC_ERR_FORMAT, rowno, what);
                    r = -1;
                    break;
                }
                slc_buf_adds(&val, x->sst[k]);
            } else if (inline_str ||
                       (ct && (!strcmp(ct, "str") || !strcmp(ct, "e") || !strcmp(ct, "d")))) {
                slc_xlsx_add_xstring(&val, rv, raw.len);
            } else if (ct && !strcmp(ct, "b")) {
                slc_buf_adds(&val, !strcmp(rv, "1") || !strcasecmp(rv, "true") ? "TRUE" : "FALSE");
            } else {
                slc_xlsx_add_number(&val, rv,
                                    style >= 0 && (size_t)style < x->nxf ? x->xf_kind[style]
                                                                         : SLC_XLSX_NUM_GENERAL,
                                    x->date1904);
            }
            if (!val.len)
                continue; /* an empty cell */
            if (val.len > x->lim->max_cell_bytes) {
                snprintf(what, sizeof(what), "cell %s: more than %zu bytes in a cell", ref,
                         x->lim->max_cell_bytes);
                slc_xlsx_part_fail(&p, SLC_ERR_TOO_LARGE, rowno, what);
                r = -1;
                break;
            }
            if ((size_t)col >= x->lim->max_cells) {
                snprintf(what, sizeof(what), "cell %s: more than %zu cells in a row", ref,
                         x->lim->max_cells);
                slc_xlsx_part_fail(&p, SLC_ERR_TOO_LARGE, rowno, what);
                r = -1;
                break;
            }
            const char *s = slc_arena_strndup(arena, val.data, val.len);
            while (cells.n < (size_t)col)
                slc_ptrs_push(&cells, (void *)"");
            if (cells.n == (size_t)col)
                slc_ptrs_push(&cells, (void *)s);
            else
                cells.v[col] = (void *)s; /* out of order: the last one */
        }
    }
    st = slc_xlsx_part_close(&p, r);
    if (st == SLC_OK && !saw_sheet)
        st = slc_xlsx_fail(x, SLC_ERR_FORMAT, 0, "%s: expected a <worksheet> element", name);
    slc_ptrs_release(&cells);
    slc_buf_release(&raw);
    slc_buf_release(&val);
    return st;
}

/* How well a sheet holds the checklist, by the loader's measure. */
static int sheet_score(slc_xlsx_pkg *x, const sheet_table *t)
{
    slc_table tab = {t->rows, t->nrows, '\t', 0};
    return x->score ? x->score(x->score_data, &tab) : 0;
}

/* The part _rels/.rels names as the office document, or xl/workbook.xml. */
static slc_status find_workbook(slc_xlsx_pkg *x, const char **wbpart)
{
    slc_xlsx_rel *rels;
    size_t n;
    *wbpart = "xl/workbook.xml";
    slc_status st = slc_xlsx_read_rels(x, "", &rels, &n);
    if (st != SLC_OK)
        return st;
    for (size_t i = 0; i < n; i++)
        if (slc_xlsx_type_is(rels[i].type, "/officeDocument")) {
            *wbpart = rels[i].target;
            break;
        }
    if (!slc_xlsx_locate(x, *wbpart)) {
        if (slc_xlsx_locate(x, "mimetype") || slc_xlsx_locate(x, "content.xml"))
            return slc_xlsx_fail(
                x, SLC_ERR_FORMAT, 0,
                "%s: missing; this looks like an OpenDocument file (.ods): save it as .xlsx",
                *wbpart);
        if (slc_xlsx_locate(x, "word/document.xml") || slc_xlsx_locate(x, "ppt/presentation.xml"))
            return slc_xlsx_fail(
                x, SLC_ERR_FORMAT, 0,
                "%s: missing; this is a Word or PowerPoint file, not an Excel workbook", *wbpart);
        return slc_xlsx_fail(x, SLC_ERR_FORMAT, 0,
                             "%s: missing; a zip archive that is not an Excel workbook (.xlsx)",
                             *wbpart);
    }
    return SLC_OK;
}

slc_status slc_xlsx_read(const slc_catalog *cat, const char *bytes, size_t n,
                         const slc_limits *limits, slc_arena *arena, const char *path,
                         slc_table *out, slc_sheet_score_fn score, void *score_data, slc_error *err)
{
    memset(out, 0, sizeof(*out));
    (void)cat; /* the readers' common signature; XLSX needs no catalog */
    slc_xlsx_pkg x;
    slc_status st = slc_xlsx_pkg_open(&x, bytes, n, limits, path, err);
    x.score = score;
    x.score_data = score_data;
    sheet_table best = {0};
    slc_arena best_arena;
    slc_arena_init(&best_arena);
    int best_score = -1;
    if (st != SLC_OK)
        goto done;
    const char *wbpart, *sst_part, *styles_part;
    sheet_ref *sheets;
    size_t nsheets;
    if ((st = find_workbook(&x, &wbpart)) != SLC_OK ||
        (st = read_workbook(&x, wbpart, &sheets, &nsheets, &sst_part, &styles_part)) != SLC_OK)
        goto done;
    if (!sst_part)
        sst_part = slc_xlsx_beside(&x, wbpart, "sharedStrings.xml");
    if ((st = read_shared_strings(&x, sst_part)) != SLC_OK)
        goto done;
    if (styles_part && (st = slc_xlsx_read_styles(&x, styles_part)) != SLC_OK)
        goto done;
    for (size_t i = 0; i < nsheets; i++) {
        sheet_table t = {0};
        slc_arena a;
        slc_arena_init(&a);
        st = read_sheet(&x, sheets[i].part, &a, &t);
        if (st != SLC_OK) {
            free(t.rows);
            slc_arena_release(&a);
            goto done;
        }
        int score = nsheets > 1 ? sheet_score(&x, &t) : 0; /* one sheet: no choice */
        if (score > best_score) {
            free(best.rows);
            slc_arena_release(&best_arena);
            best = t;
            best_arena = a;
            best_score = score;
        } else {
            free(t.rows);
            slc_arena_release(&a);
        }
    }
    /* the chosen sheet's cells, into the caller's arena */
    out->rows = slc_xcalloc(best.nrows ? best.nrows : 1, sizeof(slc_row));
    out->nrows = best.nrows;
    out->delimiter = '\t';
    for (size_t i = 0; i < best.nrows; i++) {
        slc_row *d = &out->rows[i];
        *d = best.rows[i];
        d->cells = slc_arena_alloc(arena, (d->ncells ? d->ncells : 1) * sizeof(char *));
        for (size_t k = 0; k < d->ncells; k++)
            d->cells[k] = slc_arena_strdup(arena, best.rows[i].cells[k]);
    }
done:
    free(best.rows);
    slc_arena_release(&best_arena);
    slc_xlsx_pkg_close(&x);
    return st;
}

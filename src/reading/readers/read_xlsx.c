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
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <minizip/unzip.h>

#include "text.h"

#define MAX_SHEETS 256   /* worksheets considered */
#define MAX_COLUMN 16384 /* Excel: XFD */
#define REL_NS_TAIL "/relationships"

void slc_xlsx_init(void)
{
    xmlInitParser();
}

int slc_xlsx_sniff(const char *bytes, size_t n)
{
    return n >= 4 && !memcmp(bytes, "PK\3\4", 4);
}

/* ---- the zip, from memory --------------------------------------------- */

typedef struct memfile {
    const unsigned char *data;
    size_t n, pos;
} memfile;

static voidpf ZCALLBACK mf_open(voidpf opaque, const void *filename, int mode)
{
    (void)filename;
    if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ)
        return NULL;
    memfile *m = opaque;
    m->pos = 0;
    return m;
}

static uLong ZCALLBACK mf_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
    (void)opaque;
    memfile *m = stream;
    size_t left = m->n - m->pos;
    size_t k = size < left ? size : left;
    memcpy(buf, m->data + m->pos, k);
    m->pos += k;
    return (uLong)k;
}

static uLong ZCALLBACK mf_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
    (void)opaque, (void)stream, (void)buf, (void)size;
    return 0;
}

static ZPOS64_T ZCALLBACK mf_tell(voidpf opaque, voidpf stream)
{
    (void)opaque;
    return ((memfile *)stream)->pos;
}

static long ZCALLBACK mf_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
    (void)opaque;
    memfile *m = stream;
    ZPOS64_T base;
    switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET:
        base = 0;
        break;
    case ZLIB_FILEFUNC_SEEK_CUR:
        base = m->pos;
        break;
    case ZLIB_FILEFUNC_SEEK_END:
        base = m->n;
        break;
    default:
        return -1;
    }
    if (offset > m->n || base + offset > m->n)
        return -1;
    m->pos = (size_t)(base + offset);
    return 0;
}

static int ZCALLBACK mf_close(voidpf opaque, voidpf stream)
{
    (void)opaque, (void)stream;
    return 0;
}

static int ZCALLBACK mf_error(voidpf opaque, voidpf stream)
{
    (void)opaque, (void)stream;
    return 0;
}

/* ---- the reader's state ----------------------------------------------- */

typedef struct xr {
    slc_sheet_score_fn score; /* rates a sheet when there are several */
    void *score_data;
    const slc_limits *lim;
    const char *path;
    slc_error *err;
    unzFile zf;
    size_t budget;     /* uncompressed bytes left for all parts */
    slc_arena scratch; /* names, shared strings */
    const char **sst;  /* shared strings */
    size_t nsst;
    unsigned char *xf_kind; /* per cell style: how its numbers show (NUM_*) */
    size_t nxf;
    int date1904; /* the workbook counts days from 1904 */
} xr;

/* How a cell style shows a number. */
enum { NUM_GENERAL = 0, NUM_DATE, NUM_TIME, NUM_DATETIME, NUM_PERCENT };
#define MAX_STYLES 65536 /* Excel: 64000 cell formats */

/* One part being read: the zip entry and the XML reader over it. */
typedef struct part {
    xr *x;
    const char *name;
    xmlTextReaderPtr rd;
    int absent; /* an optional part the workbook lacks */
    int over;   /* stopped: more than the budget */
    int zerr;   /* stopped: minizip's error */
    int xml_errors;
    int xml_line;
    int xml_code;
    char xml_msg[300];
    int failed; /* our own error is set in x->err */
} part;

static void on_xml_error(void *data, xmlErrorPtr e)
{
    part *p = data;
    if (p->xml_errors++ || !e)
        return;
    p->xml_line = e->line;
    p->xml_code = e->code;
    snprintf(p->xml_msg, sizeof(p->xml_msg), "%s", e->message ? e->message : "XML error");
    size_t n = strlen(p->xml_msg);
    while (n && (p->xml_msg[n - 1] == '\n' || p->xml_msg[n - 1] == ' '))
        p->xml_msg[--n] = '\0';
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

static int io_read(void *data, char *buf, int len)
{
    part *p = data;
    if (p->over || p->zerr)
        return -1;
    int got = unzReadCurrentFile(p->x->zf, buf, (unsigned)len);
    if (got < 0) {
        p->zerr = got;
        return -1;
    }
    if ((size_t)got > p->x->budget) {
        p->over = 1;
        return -1;
    }
    p->x->budget -= (size_t)got;
    return got;
}

static int io_close(void *data)
{
    (void)data;
    return 0;
}

static slc_status fail(xr *x, slc_status st, long line, const char *fmt, ...) SLC_PRINTF(4, 5);

static slc_status fail(xr *x, slc_status st, long line, const char *fmt, ...)
{
    char msg[480];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return slc_error_set(x->err, st, x->path, line, -1, "%s", msg);
}

static int name_cmp(const void *a, const void *b)
{
    return strcasecmp(*(char *const *)a, *(char *const *)b);
}

/* Two entries of the same name (part names are case-insensitive, as OPC
 * says) make a workbook ambiguous: this reader would take the first, other
 * readers the last, so a vendor could show each a different answer. */
static slc_status refuse_duplicates(xr *x)
{
    slc_ptrs names = {0};
    slc_status st = SLC_OK;
    char name[1024];
    for (int r = unzGoToFirstFile(x->zf); r == UNZ_OK; r = unzGoToNextFile(x->zf)) {
        unz_file_info64 info;
        if (unzGetCurrentFileInfo64(x->zf, &info, name, sizeof(name), NULL, 0, NULL, 0) != UNZ_OK)
            break;
        slc_ptrs_push(&names, slc_xstrdup(name));
    }
    if (names.n > 1)
        qsort(names.v, names.n, sizeof(void *), name_cmp);
    for (size_t i = 1; i < names.n && st == SLC_OK; i++)
        if (!strcasecmp(names.v[i - 1], names.v[i]))
            st = fail(x, SLC_ERR_FORMAT, 0,
                      "%s: two zip entries of this name; the workbook is ambiguous",
                      (const char *)names.v[i]);
    for (size_t i = 0; i < names.n; i++)
        free(names.v[i]);
    slc_ptrs_release(&names);
    return st;
}

/* The zip entry's name for a part name (case-insensitive, as OPC says),
 * or 0 if the workbook has no such part. */
static int locate(xr *x, const char *name)
{
    return unzLocateFile(x->zf, name, 2) == UNZ_OK;
}

/* Opens a part for streaming. Returns SLC_OK, or an error (a missing part
 * only if `required`; p->absent set otherwise). */
static slc_status part_open(xr *x, part *p, const char *name, int required)
{
    memset(p, 0, sizeof(*p));
    p->x = x;
    p->name = name;
    if (!locate(x, name)) {
        if (!required) {
            p->absent = 1;
            return SLC_OK;
        }
        return fail(x, SLC_ERR_FORMAT, 0, "%s: missing; an Excel workbook (.xlsx) has this part",
                    name);
    }
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(x->zf, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
        return fail(x, SLC_ERR_FORMAT, 0, "%s: unreadable zip entry", name);
    if (info.flag & 1)
        return fail(x, SLC_ERR_FORMAT, 0, "%s: encrypted; save the workbook without a password",
                    name);
    if (info.uncompressed_size > x->budget)
        return fail(x, SLC_ERR_TOO_LARGE, 0,
                    "%s: %llu bytes uncompressed; the workbook's parts may hold %zu bytes "
                    "together (--max-bytes)",
                    name, (unsigned long long)info.uncompressed_size, x->lim->max_bytes);
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED)
        return fail(x, SLC_ERR_FORMAT, 0,
                    "%s: compressed with method %lu; expected stored or deflated", name,
                    (unsigned long)info.compression_method);
    if (unzOpenCurrentFile(x->zf) != UNZ_OK)
        return fail(x, SLC_ERR_FORMAT, 0, "%s: corrupt zip entry", name);
    /* no network, no entity substitution, no DTD loading; nothing printed */
    const int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    p->rd = xmlReaderForIO(io_read, io_close, p, name, NULL, opts);
    if (!p->rd) {
        unzCloseCurrentFile(x->zf);
        return fail(x, SLC_ERR_INTERNAL, 0, "%s: cannot start the XML reader", name);
    }
    xmlTextReaderSetStructuredErrorHandler(p->rd, on_xml_error, p);
    return SLC_OK;
}

/* Next node; 1 node, 0 end, -1 failed (reported by part_close). A DTD is
 * refused outright: no workbook part has one, and entities need one. */
static int part_next(part *p)
{
    if (p->failed)
        return -1;
    int r = xmlTextReaderRead(p->rd);
    if (r == 1 && xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_DOCUMENT_TYPE) {
        fail(p->x, SLC_ERR_FORMAT, 0, "%s: has a DOCTYPE; workbook parts have none", p->name);
        p->failed = 1;
        return -1;
    }
    if (r == 1 && xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_ENTITY_REFERENCE) {
        fail(p->x, SLC_ERR_FORMAT, 0, "%s: refers to an entity; workbook parts have none", p->name);
        p->failed = 1;
        return -1;
    }
    return r;
}

/* Skips the current element's subtree; same returns as part_next. */
static int part_skip(part *p)
{
    if (p->failed)
        return -1;
    return xmlTextReaderNext(p->rd);
}

/* Closes the part; reports why reading stopped if it did (status != OK). */
static slc_status part_close(part *p, int r)
{
    xr *x = p->x;
    slc_status st = SLC_OK;
    if (p->rd) {
        xmlFreeTextReader(p->rd);
        p->rd = NULL;
    }
    int closed = unzCloseCurrentFile(x->zf);
    if (p->failed)
        return x->err ? x->err->status : SLC_ERR_FORMAT;
    if (p->over)
        st = fail(x, SLC_ERR_TOO_LARGE, 0,
                  "%s: inflates past the %zu bytes the workbook's parts may hold together "
                  "(--max-bytes)",
                  p->name, x->lim->max_bytes);
    else if (p->zerr == Z_DATA_ERROR)
        st = fail(x, SLC_ERR_FORMAT, 0, "%s: corrupt zip entry (its compressed data is damaged)",
                  p->name);
    else if (p->zerr)
        st = fail(x, SLC_ERR_FORMAT, 0, "%s: corrupt zip entry (zip error %d)", p->name, p->zerr);
    else if (r < 0 || p->xml_errors) {
        if (strstr(p->xml_msg, "huge"))
            st = fail(x, SLC_ERR_TOO_LARGE, 0, "%s: a text of more than libxml2's limit (%s)",
                      p->name, p->xml_msg);
        else
            st = fail(x, SLC_ERR_FORMAT, 0, "%s: not well-formed XML at line %d: %s", p->name,
                      p->xml_line, p->xml_msg[0] ? p->xml_msg : "unreadable");
    } else if (closed == UNZ_CRCERROR)
        st = fail(x, SLC_ERR_FORMAT, 0, "%s: corrupt zip entry (CRC mismatch)", p->name);
    return st;
}

static void fail_part(part *p, slc_status st, long line, const char *what)
{
    if (p->failed)
        return;
    fail(p->x, st, line, "%s: %s", p->name, what);
    p->failed = 1;
}

static const char *lname(part *p)
{
    const xmlChar *n = xmlTextReaderConstLocalName(p->rd);
    return n ? (const char *)n : "";
}

static int is_start(part *p, const char *name)
{
    return xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_ELEMENT && !strcmp(lname(p), name);
}

static int is_end(part *p, const char *name)
{
    return xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_END_ELEMENT && !strcmp(lname(p), name);
}

static int is_empty(part *p)
{
    return xmlTextReaderIsEmptyElement(p->rd) == 1;
}

/* An attribute by local name, any namespace (ns_tail: its URI must end so,
 * for r:id), copied into the scratch arena; NULL if absent. */
static const char *attr(part *p, const char *name, const char *ns_tail)
{
    const char *v = NULL;
    if (xmlTextReaderMoveToFirstAttribute(p->rd) != 1)
        return NULL;
    do {
        const xmlChar *ln = xmlTextReaderConstLocalName(p->rd);
        if (!ln || strcmp((const char *)ln, name))
            continue;
        const xmlChar *ns = xmlTextReaderConstNamespaceUri(p->rd);
        if (ns_tail) {
            size_t a = ns ? strlen((const char *)ns) : 0, b = strlen(ns_tail);
            if (a < b || strcmp((const char *)ns + a - b, ns_tail))
                continue;
        } else if (ns) {
            continue;
        }
        const xmlChar *val = xmlTextReaderConstValue(p->rd);
        v = slc_arena_strdup(&p->x->scratch, val ? (const char *)val : "");
        break;
    } while (xmlTextReaderMoveToNextAttribute(p->rd) == 1);
    xmlTextReaderMoveToElement(p->rd);
    return v;
}

/* ---- text --------------------------------------------------------------- */

static int hexval(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

static int escape_at(const char *s, size_t left)
{
    if (left < 7 || s[0] != '_' || (s[1] != 'x' && s[1] != 'X') || s[6] != '_')
        return -1;
    int v = 0;
    for (int i = 2; i < 6; i++) {
        int h = hexval(s[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* ST_Xstring as Excel reads it: "_xHHHH_" is a UTF-16 unit (pairs make
 * one code point; NUL and lone surrogates become U+FFFD). */
static void add_xstring(slc_buf *out, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        const char *u = memchr(s + i, '_', n - i);
        if (!u) {
            slc_buf_add(out, s + i, n - i);
            return;
        }
        size_t k = (size_t)(u - s);
        slc_buf_add(out, s + i, k - i);
        i = k;
        int v = escape_at(s + i, n - i);
        if (v < 0) {
            slc_buf_addc(out, '_');
            i++;
            continue;
        }
        i += 7;
        if (v >= 0xD800 && v <= 0xDBFF) {
            int lo = escape_at(s + i, n - i);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                i += 7;
                slc_text_append_cp(out, 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00));
                continue;
            }
            v = 0xFFFD;
        } else if ((v >= 0xDC00 && v <= 0xDFFF) || v == 0) {
            v = 0xFFFD;
        }
        slc_text_append_cp(out, v);
    }
}

/* Appends the text inside the current element (<t>, <v>) up to its end;
 * returns part_next's last result. Fails the part past max_cell_bytes. */
static int read_text(part *p, slc_buf *out)
{
    if (is_empty(p))
        return 1;
    int depth = xmlTextReaderDepth(p->rd), r;
    while ((r = part_next(p)) == 1) {
        int t = xmlTextReaderNodeType(p->rd);
        if (t == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(p->rd) == depth)
            break;
        if (t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
            t == XML_READER_TYPE_WHITESPACE || t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
            const xmlChar *v = xmlTextReaderConstValue(p->rd);
            if (v)
                slc_buf_adds(out, (const char *)v);
            if (out->len > p->x->lim->max_cell_bytes) {
                fail_part(p, SLC_ERR_TOO_LARGE, 0,
                          "a text of more than the bytes allowed in a cell");
                return -1;
            }
        }
    }
    return r;
}

/* The elements inside a container whose start is at `depth`, one at a
 * time: from where the reader stands (*r: the last part_next's result),
 * passes over text and comments to the next element start and returns 1;
 * returns 0 at the container's end (*r still 1) or when reading stopped
 * (*r 0 or -1). The caller moves on with part_next (into the element) or
 * part_skip (past it). */
static int next_child(part *p, int depth, int *r)
{
    for (; *r == 1; *r = part_next(p)) {
        int t = xmlTextReaderNodeType(p->rd);
        if (t == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(p->rd) == depth)
            return 0;
        if (t == XML_READER_TYPE_ELEMENT)
            return 1;
    }
    return 0;
}

/* The text of a string item (<si>, <is>): <t> and the <t> of rich-text
 * runs <r>, concatenated; phonetic runs (<rPh>) and properties skipped.
 * Positioned on the container's start; ends on its end. */
static int read_rich(part *p, slc_buf *raw)
{
    if (is_empty(p))
        return 1;
    int depth = xmlTextReaderDepth(p->rd), r = part_next(p);
    while (next_child(p, depth, &r)) {
        const char *n = lname(p);
        if (!strcmp(n, "rPh") || !strcmp(n, "phoneticPr") || !strcmp(n, "rPr")) {
            r = part_skip(p);
            continue;
        }
        if (!strcmp(n, "t") && (r = read_text(p, raw)) != 1)
            break;
        r = part_next(p);
    }
    return r;
}

/* ---- package parts -------------------------------------------------------- */

typedef struct rel {
    const char *id, *type, *target;
} rel;

/* "xl/worksheets/sheet1.xml" from a source part's directory and a target */
static const char *resolve(xr *x, const char *source, const char *target)
{
    slc_buf b;
    slc_buf_init(&b);
    if (target[0] == '/') {
        slc_buf_adds(&b, target + 1);
    } else {
        const char *slash = strrchr(source, '/');
        if (slash)
            slc_buf_add(&b, source, (size_t)(slash - source + 1));
        slc_buf_adds(&b, target);
    }
    /* drop "." and resolve ".." segments */
    char *s = b.data ? b.data : (char *)"";
    slc_buf out;
    slc_buf_init(&out);
    const char *seg = s;
    size_t marks[128];
    size_t nmarks = 0;
    while (*seg) {
        const char *end = strchr(seg, '/');
        size_t n = end ? (size_t)(end - seg) : strlen(seg);
        if (n == 0 || (n == 1 && seg[0] == '.')) {
            ;
        } else if (n == 2 && seg[0] == '.' && seg[1] == '.') {
            if (nmarks)
                out.len = marks[--nmarks];
            if (out.data)
                out.data[out.len] = '\0';
        } else {
            if (nmarks < 128)
                marks[nmarks++] = out.len;
            if (out.len)
                slc_buf_addc(&out, '/');
            slc_buf_add(&out, seg, n);
        }
        seg += n;
        if (*seg == '/')
            seg++;
    }
    const char *r = slc_arena_strdup(&x->scratch, out.data ? out.data : "");
    slc_buf_release(&out);
    slc_buf_release(&b);
    return r;
}

/* A part name beside part `source`: its directory ("xl/" for
 * "xl/workbook.xml", nothing at the top), then fmt's text. In the arena. */
static const char *beside(xr *x, const char *source, const char *fmt, ...) SLC_PRINTF(3, 4);

static const char *beside(xr *x, const char *source, const char *fmt, ...)
{
    const char *slash = strrchr(source, '/');
    size_t dir = slash ? (size_t)(slash - source + 1) : 0;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    size_t tail = n > 0 ? (size_t)n : 0;
    char *name = slc_arena_alloc(&x->scratch, dir + tail + 1);
    memcpy(name, source, dir);
    name[dir] = '\0';
    va_start(ap, fmt);
    if (tail)
        vsnprintf(name + dir, tail + 1, fmt, ap);
    va_end(ap);
    return name;
}

static int type_is(const char *type, const char *tail)
{
    size_t a = type ? strlen(type) : 0, b = strlen(tail);
    return a >= b && !strcmp(type + a - b, tail);
}

/* The relationships of a part (its _rels/NAME.rels); none if absent. */
static slc_status read_rels(xr *x, const char *source, rel **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    const char *slash = strrchr(source, '/');
    const char *name = beside(x, source, "_rels/%s.rels", slash ? slash + 1 : source);
    part p;
    slc_status st = part_open(x, &p, name, 0);
    if (st != SLC_OK || p.absent)
        return st;
    slc_ptrs v = {0};
    int r;
    while ((r = part_next(&p)) == 1) {
        if (!is_start(&p, "Relationship"))
            continue;
        const char *mode = attr(&p, "TargetMode", NULL);
        if (mode && !strcasecmp(mode, "External"))
            continue;
        rel *e = slc_arena_alloc(&x->scratch, sizeof(*e));
        e->id = attr(&p, "Id", NULL);
        e->type = attr(&p, "Type", NULL);
        const char *t = attr(&p, "Target", NULL);
        e->target = t ? resolve(x, source, t) : NULL;
        if (e->id && e->target)
            slc_ptrs_push(&v, e);
    }
    st = part_close(&p, r);
    if (st == SLC_OK && v.n) {
        *out = slc_arena_alloc(&x->scratch, v.n * sizeof(rel));
        for (size_t i = 0; i < v.n; i++)
            (*out)[i] = *(rel *)v.v[i];
        *n = v.n;
    }
    slc_ptrs_release(&v);
    return st;
}

typedef struct sheet_ref {
    const char *name, *part;
} sheet_ref;

static slc_status read_workbook(xr *x, const char *wbpart, sheet_ref **sheets, size_t *nsheets,
                                const char **sst_part, const char **styles_part)
{
    *styles_part = NULL;
    rel *rels;
    size_t nrels;
    *sheets = NULL;
    *nsheets = 0;
    *sst_part = NULL;
    slc_status st = read_rels(x, wbpart, &rels, &nrels);
    if (st != SLC_OK)
        return st;
    for (size_t i = 0; i < nrels; i++)
        if (type_is(rels[i].type, "/sharedStrings"))
            *sst_part = rels[i].target;
        else if (type_is(rels[i].type, "/styles"))
            *styles_part = rels[i].target;
    part p;
    if ((st = part_open(x, &p, wbpart, 1)) != SLC_OK)
        return st;
    slc_ptrs v = {0};
    int r, saw_workbook = 0;
    while ((r = part_next(&p)) == 1) {
        if (is_start(&p, "workbook"))
            saw_workbook = 1;
        if (is_start(&p, "workbookPr")) {
            const char *d = attr(&p, "date1904", NULL);
            x->date1904 = d && (!strcmp(d, "1") || !strcasecmp(d, "true"));
        }
        if (!is_start(&p, "sheet") || v.n >= MAX_SHEETS)
            continue;
        const char *id = attr(&p, "id", REL_NS_TAIL);
        const char *name = attr(&p, "name", NULL);
        const char *target = NULL;
        for (size_t i = 0; id && i < nrels; i++)
            if (!strcmp(rels[i].id, id) && type_is(rels[i].type, "/worksheet"))
                target = rels[i].target;
        if (!target)
            continue; /* a chart sheet, a dialog sheet, or a dangling reference */
        sheet_ref *s = slc_arena_alloc(&x->scratch, sizeof(*s));
        s->name = name ? name : "";
        s->part = target;
        slc_ptrs_push(&v, s);
    }
    st = part_close(&p, r);
    if (st == SLC_OK && !saw_workbook)
        st = fail(x, SLC_ERR_FORMAT, 0, "%s: expected a <workbook> element", wbpart);
    if (st == SLC_OK && !v.n)
        st = fail(x, SLC_ERR_FORMAT, 0, "%s: the workbook has no worksheet", wbpart);
    if (st == SLC_OK) {
        *sheets = slc_arena_alloc(&x->scratch, v.n * sizeof(sheet_ref));
        for (size_t i = 0; i < v.n; i++)
            (*sheets)[i] = *(sheet_ref *)v.v[i];
        *nsheets = v.n;
    }
    slc_ptrs_release(&v);
    return st;
}

static slc_status read_shared_strings(xr *x, const char *name)
{
    part p;
    slc_status st = part_open(x, &p, name, 0);
    if (st != SLC_OK || p.absent)
        return st;
    slc_ptrs v = {0};
    slc_buf raw, text;
    slc_buf_init(&raw);
    slc_buf_init(&text);
    int r;
    while ((r = part_next(&p)) == 1) {
        if (!is_start(&p, "si"))
            continue;
        slc_buf_clear(&raw);
        if ((r = read_rich(&p, &raw)) != 1)
            break;
        slc_buf_clear(&text);
        add_xstring(&text, raw.data ? raw.data : "", raw.len);
        slc_ptrs_push(&v, slc_arena_strndup(&x->scratch, text.data ? text.data : "", text.len));
    }
    st = part_close(&p, r);
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

static long parse_long(const char *s);
static const char *attr_to(part *p, const char *name, char *buf, size_t cap);

/* ---- number formats (xl/styles.xml) ------------------------------------------ */

/* From an opening quote or bracket at c: the closing `end`, or the code's
 * last character if it is not closed. */
static const char *closing(const char *c, char end)
{
    while (c[1] && c[1] != end)
        c++;
    return c[1] ? c + 1 : c;
}

/* The kind of a format code: its first section, quoted text, escapes and
 * [colour]/[$-411] brackets aside ([h] [m] [s] are elapsed time). */
static int code_kind(const char *code)
{
    int date = 0, time = 0, percent = 0;
    if (!strncasecmp(code, "General", 7))
        return NUM_GENERAL;
    for (const char *c = code; *c && *c != ';'; c++) {
        switch (*c) {
        case '"':
            c = closing(c, '"');
            break;
        case '\\':
        case '_':
        case '*':
            if (c[1])
                c++;
            break;
        case '[':
            if ((c[1] == 'h' || c[1] == 'H' || c[1] == 'm' || c[1] == 'M' || c[1] == 's' ||
                 c[1] == 'S') &&
                strchr(c, ']'))
                time = 1;
            c = closing(c, ']');
            break;
        case '%':
            percent = 1;
            break;
        case 'y':
        case 'Y':
        case 'd':
        case 'D':
        case 'e':
        case 'g':
        case 'G':
            date = 1;
            break;
        case 'h':
        case 'H':
        case 's':
        case 'S':
            time = 1;
            break;
        case 'm':
        case 'M':
            date = date || !time; /* m after h is minutes; alone, a month */
            break;
        default:
            break;
        }
    }
    if (percent && !date && !time)
        return NUM_PERCENT;
    if (date && time)
        return NUM_DATETIME;
    return date ? NUM_DATE : time ? NUM_TIME : NUM_GENERAL;
}

/* Excel's built-in formats (ECMA-376 18.8.30, and the Japanese ones). */
static int builtin_kind(long id)
{
    if (id == 9 || id == 10)
        return NUM_PERCENT;
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58))
        return NUM_DATE;
    if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47))
        return NUM_TIME;
    if (id == 22)
        return NUM_DATETIME;
    return NUM_GENERAL;
}

/* v (n elements of `size` bytes, room for *cap) with room for one more:
 * the room doubles when full, from `first`. */
static void *room_for_one(void *v, size_t n, size_t *cap, size_t first, size_t size)
{
    if (n == *cap) {
        *cap = *cap ? *cap * 2 : first;
        v = slc_xrealloc(v, *cap * size);
    }
    return v;
}

typedef struct numfmt {
    long id;
    int kind;
} numfmt;

static slc_status read_styles(xr *x, const char *name)
{
    part p;
    slc_status st = part_open(x, &p, name, 0);
    if (st != SLC_OK || p.absent)
        return st;
    numfmt *fmts = NULL;
    size_t nfmts = 0, capfmts = 0, capxf = 0;
    int in_xfs = 0, r;
    char buf[32];
    while ((r = part_next(&p)) == 1) {
        int t = xmlTextReaderNodeType(p.rd);
        if (t == XML_READER_TYPE_END_ELEMENT && is_end(&p, "cellXfs")) {
            in_xfs = 0;
            continue;
        }
        if (t != XML_READER_TYPE_ELEMENT)
            continue;
        const char *n = lname(&p);
        if (!strcmp(n, "cellXfs")) {
            in_xfs = !is_empty(&p);
        } else if (!strcmp(n, "numFmt") && nfmts < MAX_STYLES) {
            xmlChar *code = xmlTextReaderGetAttribute(p.rd, (const xmlChar *)"formatCode");
            long id = parse_long(attr_to(&p, "numFmtId", buf, sizeof(buf)));
            if (code && id >= 0) {
                fmts = room_for_one(fmts, nfmts, &capfmts, 16, sizeof(*fmts));
                fmts[nfmts].id = id;
                fmts[nfmts++].kind = code_kind((const char *)code);
            }
            xmlFree(code);
        } else if (in_xfs && !strcmp(n, "xf") && x->nxf < MAX_STYLES) {
            long id = parse_long(attr_to(&p, "numFmtId", buf, sizeof(buf)));
            int kind = builtin_kind(id);
            for (size_t i = 0; i < nfmts; i++)
                if (fmts[i].id == id)
                    kind = fmts[i].kind;
            x->xf_kind = room_for_one(x->xf_kind, x->nxf, &capxf, 64, 1);
            x->xf_kind[x->nxf++] = (unsigned char)kind;
        }
    }
    free(fmts);
    return part_close(&p, r);
}

/* Days from 0000-03-01 to a civil date and back (Howard Hinnant's). */
static void civil(long long z, int *y, int *m, int *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long yy = yoe + era * 400;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* A serial date as ISO 8601 (2024-04-01, 2024-04-01 09:30, 09:30:15):
 * the day count from 1899-12-30 (Excel's 1900 leap-year bug kept: 60 is
 * 1900-02-29, which it shows) or 1904-01-01. 0 if out of Excel's range. */
static int add_date(slc_buf *out, double v, int kind, int date1904)
{
    if (!(v >= 0 && v < 2958466)) /* 9999-12-31 */
        return 0;
    double day = floor(v);
    long secs = lround((v - day) * 86400.0);
    if (secs >= 86400) {
        day += 1;
        secs -= 86400;
    }
    if (kind != NUM_TIME) {
        int y, m, d;
        long long n = (long long)day;
        if (date1904) {
            civil(n - 24107, &y, &m, &d); /* 1904-01-01 is 24107 days before 1970-01-01 */
        } else if (n == 60) {
            y = 1900, m = 2, d = 29;
        } else {
            civil(n - (n < 60 ? 25568 : 25569), &y, &m, &d);
        }
        slc_buf_addf(out, "%04d-%02d-%02d", y, m, d);
        if (kind == NUM_DATE || (kind == NUM_DATETIME && secs == 0))
            return 1;
        slc_buf_addc(out, ' ');
    }
    slc_buf_addf(out, "%02ld:%02ld", secs / 3600, secs / 60 % 60);
    if (secs % 60)
        slc_buf_addf(out, ":%02ld", secs % 60);
    return 1;
}

/* ---- a worksheet ----------------------------------------------------------- */

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

static long parse_long(const char *s)
{
    if (!s || *s < '0' || *s > '9')
        return -1;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    return errno || *end ? -1 : v;
}

/* d as General shows it, then unit: integers whole (0 for -0), others to
 * 15 significant digits. */
static void add_general(slc_buf *out, double d, const char *unit)
{
    if (d == 0)
        slc_buf_addf(out, "0%s", unit);
    else if (fabs(d) < 1e15 && d == floor(d))
        slc_buf_addf(out, "%.0f%s", d, unit);
    else
        slc_buf_addf(out, "%.15g%s", d, unit);
}

/* A number as Excel's General format shows it: integers whole, others to
 * 15 significant digits (0.1+0.2 -> 0.3, 99.900000000000006 -> 99.9);
 * in a date or time style as ISO 8601, in a percent style as the percent
 * typed (0.999 -> 99.9%, whatever decimals the style shows). */
static void add_number(slc_buf *out, const char *v, int kind, int date1904)
{
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (end == v || *end || errno || !isfinite(d)) {
        slc_buf_adds(out, v);
        return;
    }
    if (kind == NUM_PERCENT) {
        add_general(out, d * 100, "%");
        return;
    }
    if ((kind == NUM_DATE || kind == NUM_TIME || kind == NUM_DATETIME) &&
        add_date(out, d, kind, date1904))
        return;
    add_general(out, d, "");
}

typedef struct sheet_table {
    slc_row *rows;
    size_t nrows, cap;
} sheet_table;

/* The value of a cell element (positioned on <c>, not empty): the text of
 * <v>, or of <is> for an inline string; formulas and extensions skipped.
 * Ends on </c>. *have: a value was given. */
static int read_cell_value(part *p, int inline_str, slc_buf *raw, int *have)
{
    int depth = xmlTextReaderDepth(p->rd), r = part_next(p);
    *have = 0;
    while (next_child(p, depth, &r)) {
        if (!strcmp(lname(p), inline_str ? "is" : "v")) {
            if ((r = (inline_str ? read_rich(p, raw) : read_text(p, raw))) != 1)
                break;
            *have = 1;
        } else if (!is_empty(p)) {
            r = part_skip(p); /* <f>, <extLst>: stands on what follows */
            continue;
        }
        r = part_next(p);
    }
    return r;
}

/* An attribute copied into buf (truncated to cap); NULL if absent. */
static const char *attr_to(part *p, const char *name, char *buf, size_t cap)
{
    xmlChar *got = xmlTextReaderGetAttribute(p->rd, (const xmlChar *)name);
    if (!got)
        return NULL;
    snprintf(buf, cap, "%s", (const char *)got);
    xmlFree(got);
    return buf;
}

/* Reads one worksheet into t, strings in arena. */
static slc_status read_sheet(xr *x, const char *name, slc_arena *arena, sheet_table *t)
{
    part p;
    slc_status st = part_open(x, &p, name, 1);
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
    while ((r = part_next(&p)) == 1) {
        int type = xmlTextReaderNodeType(p.rd);
        if (type == XML_READER_TYPE_END_ELEMENT) {
            if (in_row && is_end(&p, "row")) {
                in_row = 0;
                if (!cells.n)
                    continue; /* nothing in it */
                if (t->nrows >= x->lim->max_rows) {
                    snprintf(what, sizeof(what), "more than %zu rows", x->lim->max_rows);
                    fail_part(&p, SLC_ERR_TOO_LARGE, rowno, what);
                    r = -1;
                    break;
                }
                t->rows = room_for_one(t->rows, t->nrows, &t->cap, 64, sizeof(*t->rows));
                slc_row *row = &t->rows[t->nrows++];
                row->line = rowno;
                row->offset = -1;
                row->ncells = cells.n;
                row->cells = slc_arena_alloc(arena, cells.n * sizeof(char *));
                for (size_t i = 0; i < cells.n; i++)
                    row->cells[i] = cells.v[i];
                cells.n = 0;
            } else if (is_end(&p, "sheetData")) {
                in_data = 0;
            }
            continue;
        }
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        const char *n = lname(&p);
        if (!strcmp(n, "worksheet")) {
            saw_sheet = 1;
        } else if (!strcmp(n, "sheetData")) {
            in_data = !is_empty(&p);
        } else if (in_data && !in_row && !strcmp(n, "row")) {
            long rr = parse_long(attr_to(&p, "r", rbuf, sizeof(rbuf)));
            rowno = rr > 0 ? rr : rowno + 1;
            col = -1;
            cells.n = 0;
            in_row = !is_empty(&p);
        } else if (in_row && !strcmp(n, "c")) {
            const char *ref = attr_to(&p, "r", refbuf, sizeof(refbuf));
            const char *ct = attr_to(&p, "t", tbuf, sizeof(tbuf));
            long style = parse_long(attr_to(&p, "s", sbuf, sizeof(sbuf)));
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
            if (is_empty(&p))
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
                long k = parse_long(rv);
                if (k < 0 || (size_t)k >= x->nsst) {
                    snprintf(what, sizeof(what),
                             "cell %s refers to shared string %.20s; the table has %zu", ref, rv,
                             x->nsst);
                    fail_part(&p, SLC_ERR_FORMAT, rowno, what);
                    r = -1;
                    break;
                }
                slc_buf_adds(&val, x->sst[k]);
            } else if (inline_str ||
                       (ct && (!strcmp(ct, "str") || !strcmp(ct, "e") || !strcmp(ct, "d")))) {
                add_xstring(&val, rv, raw.len);
            } else if (ct && !strcmp(ct, "b")) {
                slc_buf_adds(&val, !strcmp(rv, "1") || !strcasecmp(rv, "true") ? "TRUE" : "FALSE");
            } else {
                add_number(&val, rv,
                           style >= 0 && (size_t)style < x->nxf ? x->xf_kind[style] : NUM_GENERAL,
                           x->date1904);
            }
            if (!val.len)
                continue; /* an empty cell */
            if (val.len > x->lim->max_cell_bytes) {
                snprintf(what, sizeof(what), "cell %s: more than %zu bytes in a cell", ref,
                         x->lim->max_cell_bytes);
                fail_part(&p, SLC_ERR_TOO_LARGE, rowno, what);
                r = -1;
                break;
            }
            if ((size_t)col >= x->lim->max_cells) {
                snprintf(what, sizeof(what), "cell %s: more than %zu cells in a row", ref,
                         x->lim->max_cells);
                fail_part(&p, SLC_ERR_TOO_LARGE, rowno, what);
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
    st = part_close(&p, r);
    if (st == SLC_OK && !saw_sheet)
        st = fail(x, SLC_ERR_FORMAT, 0, "%s: expected a <worksheet> element", name);
    slc_ptrs_release(&cells);
    slc_buf_release(&raw);
    slc_buf_release(&val);
    return st;
}

/* How well a sheet holds the checklist, by the loader's measure. */
static int sheet_score(xr *x, const sheet_table *t)
{
    slc_table tab = {t->rows, t->nrows, '\t', 0};
    return x->score ? x->score(x->score_data, &tab) : 0;
}

/* The part _rels/.rels names as the office document, or xl/workbook.xml. */
static slc_status find_workbook(xr *x, const char **wbpart)
{
    rel *rels;
    size_t n;
    *wbpart = "xl/workbook.xml";
    slc_status st = read_rels(x, "", &rels, &n);
    if (st != SLC_OK)
        return st;
    for (size_t i = 0; i < n; i++)
        if (type_is(rels[i].type, "/officeDocument")) {
            *wbpart = rels[i].target;
            break;
        }
    if (!locate(x, *wbpart)) {
        if (locate(x, "mimetype") || locate(x, "content.xml"))
            return fail(
                x, SLC_ERR_FORMAT, 0,
                "%s: missing; this looks like an OpenDocument file (.ods): save it as .xlsx",
                *wbpart);
        if (locate(x, "word/document.xml") || locate(x, "ppt/presentation.xml"))
            return fail(x, SLC_ERR_FORMAT, 0,
                        "%s: missing; this is a Word or PowerPoint file, not an Excel workbook",
                        *wbpart);
        return fail(x, SLC_ERR_FORMAT, 0,
                    "%s: missing; a zip archive that is not an Excel workbook (.xlsx)", *wbpart);
    }
    return SLC_OK;
}

slc_status slc_xlsx_read(const slc_catalog *cat, const char *bytes, size_t n,
                         const slc_limits *limits, slc_arena *arena, const char *path,
                         slc_table *out, slc_sheet_score_fn score, void *score_data, slc_error *err)
{
    static const slc_limits def = SLC_LIMITS_DEFAULT;
    memset(out, 0, sizeof(*out));
    xr x;
    memset(&x, 0, sizeof(x));
    (void)cat; /* the readers' common signature; XLSX needs no catalog */
    x.score = score;
    x.score_data = score_data;
    x.lim = limits ? limits : &def;
    x.path = path ? path : "-";
    x.err = err;
    x.budget = x.lim->max_bytes;
    slc_arena_init(&x.scratch);

    memfile mf = {(const unsigned char *)bytes, n, 0};
    zlib_filefunc64_def ff;
    memset(&ff, 0, sizeof(ff));
    ff.zopen64_file = mf_open;
    ff.zread_file = mf_read;
    ff.zwrite_file = mf_write;
    ff.ztell64_file = mf_tell;
    ff.zseek64_file = mf_seek;
    ff.zclose_file = mf_close;
    ff.zerror_file = mf_error;
    ff.opaque = &mf;

    xmlGenericErrorFunc old_generic = xmlGenericError;
    void *old_generic_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, silent);

    slc_status st = SLC_OK;
    sheet_table best = {0};
    slc_arena best_arena;
    slc_arena_init(&best_arena);
    int best_score = -1;
    x.zf = unzOpen2_64("(memory)", &ff);
    if (!x.zf) {
        st = fail(
            &x, SLC_ERR_FORMAT, 0,
            "not a readable zip archive (truncated or damaged); expected an Excel workbook (.xlsx)");
        goto done;
    }
    const char *wbpart, *sst_part, *styles_part;
    sheet_ref *sheets;
    size_t nsheets;
    if ((st = refuse_duplicates(&x)) != SLC_OK || (st = find_workbook(&x, &wbpart)) != SLC_OK ||
        (st = read_workbook(&x, wbpart, &sheets, &nsheets, &sst_part, &styles_part)) != SLC_OK)
        goto done;
    if (!sst_part)
        sst_part = beside(&x, wbpart, "sharedStrings.xml");
    if ((st = read_shared_strings(&x, sst_part)) != SLC_OK)
        goto done;
    if (styles_part && (st = read_styles(&x, styles_part)) != SLC_OK)
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
    if (x.zf)
        unzClose(x.zf);
    free(best.rows);
    slc_arena_release(&best_arena);
    slc_arena_release(&x.scratch);
    free(x.xf_kind);
    xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
    return st;
}

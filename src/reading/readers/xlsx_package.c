/* xlsx_package.c - the workbook as a package (OPC): minizip opens the zip
 * from memory (a zlib_filefunc64_def over the loader's bytes), libxml2's
 * xmlTextReader streams each part straight out of it with every byte
 * counted against the budget; the text of string items (ST_Xstring,
 * rich-text runs) and the relationships between parts. */
#include "xlsx_package.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlerror.h>

#include "text.h"

static voidpf ZCALLBACK mf_open(voidpf opaque, const void *filename, int mode)
{
    (void)filename;
    if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ)
        return NULL;
    slc_xlsx_memfile *m = opaque;
    m->pos = 0;
    return m;
}

static uLong ZCALLBACK mf_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
    (void)opaque;
    slc_xlsx_memfile *m = stream;
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
    return ((slc_xlsx_memfile *)stream)->pos;
}

static long ZCALLBACK mf_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
    (void)opaque;
    slc_xlsx_memfile *m = stream;
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

static void on_xml_error(void *data, xmlErrorPtr e)
{
    slc_xlsx_part *p = data;
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
    slc_xlsx_part *p = data;
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

slc_status slc_xlsx_fail(slc_xlsx_pkg *x, slc_status st, long line, const char *fmt, ...)
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
static slc_status slc_xlsx_refuse_duplicates(slc_xlsx_pkg *x)
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
            st = slc_xlsx_fail(x, SLC_ERR_FORMAT, 0,
                               "%s: two zip entries of this name; the workbook is ambiguous",
                               (const char *)names.v[i]);
    for (size_t i = 0; i < names.n; i++)
        free(names.v[i]);
    slc_ptrs_release(&names);
    return st;
}

/* The zip entry's name for a part name (case-insensitive, as OPC says),
 * or 0 if the workbook has no such part. */
int slc_xlsx_locate(slc_xlsx_pkg *x, const char *name)
{
    return unzLocateFile(x->zf, name, 2) == UNZ_OK;
}

/* Opens a part for streaming. Returns SLC_OK, or an error (a missing part
 * only if `required`; p->absent set otherwise). */
slc_status slc_xlsx_part_open(slc_xlsx_pkg *x, slc_xlsx_part *p, const char *name, int required)
{
    memset(p, 0, sizeof(*p));
    p->x = x;
    p->name = name;
    if (!slc_xlsx_locate(x, name)) {
        if (!required) {
            p->absent = 1;
            return SLC_OK;
        }
        return slc_xlsx_fail(x, SLC_ERR_FORMAT, 0,
                             "%s: missing; an Excel workbook (.xlsx) has this part", name);
    }
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(x->zf, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
        return slc_xlsx_fail(x, SLC_ERR_FORMAT, 0, "%s: unreadable zip entry", name);
    if (info.flag & 1)
        return slc_xlsx_fail(x, SLC_ERR_FORMAT, 0,
                             "%s: encrypted; save the workbook without a password", name);
    if (info.uncompressed_size > x->budget)
        return slc_xlsx_fail(x, SLC_ERR_TOO_LARGE, 0,
                             "%s: %llu bytes uncompressed; the workbook's parts may hold %zu bytes "
                             "together (--max-bytes)",
                             name, (unsigned long long)info.uncompressed_size, x->lim->max_bytes);
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED)
        return slc_xlsx_fail(x, SLC_ERR_FORMAT, 0,
                             "%s: compressed with method %lu; expected stored or deflated", name,
                             (unsigned long)info.compression_method);
    if (unzOpenCurrentFile(x->zf) != UNZ_OK)
        return slc_xlsx_fail(x, SLC_ERR_FORMAT, 0, "%s: corrupt zip entry", name);
    /* no network, no entity substitution, no DTD loading; nothing printed */
    const int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    p->rd = xmlReaderForIO(io_read, io_close, p, name, NULL, opts);
    if (!p->rd) {
        unzCloseCurrentFile(x->zf);
        return slc_xlsx_fail(x, SLC_ERR_INTERNAL, 0, "%s: cannot start the XML reader", name);
    }
    xmlTextReaderSetStructuredErrorHandler(p->rd, on_xml_error, p);
    return SLC_OK;
}

/* Next node; 1 node, 0 end, -1 failed (reported by part_close). A DTD is
 * refused outright: no workbook part has one, and entities need one. */
int slc_xlsx_part_next(slc_xlsx_part *p)
{
    if (p->failed)
        return -1;
    int r = xmlTextReaderRead(p->rd);
    if (r == 1 && xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_DOCUMENT_TYPE) {
        slc_xlsx_fail(p->x, SLC_ERR_FORMAT, 0, "%s: has a DOCTYPE; workbook parts have none",
                      p->name);
        p->failed = 1;
        return -1;
    }
    if (r == 1 && xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_ENTITY_REFERENCE) {
        slc_xlsx_fail(p->x, SLC_ERR_FORMAT, 0, "%s: refers to an entity; workbook parts have none",
                      p->name);
        p->failed = 1;
        return -1;
    }
    return r;
}

/* Skips the current element's subtree; same returns as part_next. */
int slc_xlsx_part_skip(slc_xlsx_part *p)
{
    if (p->failed)
        return -1;
    return xmlTextReaderNext(p->rd);
}

/* Closes the part; reports why reading stopped if it did (status != OK). */
slc_status slc_xlsx_part_close(slc_xlsx_part *p, int r)
{
    slc_xlsx_pkg *x = p->x;
    slc_status st = SLC_OK;
    if (p->rd) {
        xmlFreeTextReader(p->rd);
        p->rd = NULL;
    }
    int closed = unzCloseCurrentFile(x->zf);
    if (p->failed)
        return x->err ? x->err->status : SLC_ERR_FORMAT;
    if (p->over)
        st = slc_xlsx_fail(x, SLC_ERR_TOO_LARGE, 0,
                           "%s: inflates past the %zu bytes the workbook's parts may hold together "
                           "(--max-bytes)",
                           p->name, x->lim->max_bytes);
    else if (p->zerr == Z_DATA_ERROR)
        st = slc_xlsx_fail(x, SLC_ERR_FORMAT, 0,
                           "%s: corrupt zip entry (its compressed data is damaged)", p->name);
    else if (p->zerr)
        st = slc_xlsx_fail(x, SLC_ERR_FORMAT, 0, "%s: corrupt zip entry (zip error %d)", p->name,
                           p->zerr);
    else if (r < 0 || p->xml_errors) {
        if (strstr(p->xml_msg, "huge"))
            st = slc_xlsx_fail(x, SLC_ERR_TOO_LARGE, 0,
                               "%s: a text of more than libxml2's limit (%s)", p->name, p->xml_msg);
        else
            st = slc_xlsx_fail(x, SLC_ERR_FORMAT, 0, "%s: not well-formed XML at line %d: %s",
                               p->name, p->xml_line, p->xml_msg[0] ? p->xml_msg : "unreadable");
    } else if (closed == UNZ_CRCERROR)
        st = slc_xlsx_fail(x, SLC_ERR_FORMAT, 0, "%s: corrupt zip entry (CRC mismatch)", p->name);
    return st;
}

void slc_xlsx_part_fail(slc_xlsx_part *p, slc_status st, long line, const char *what)
{
    if (p->failed)
        return;
    slc_xlsx_fail(p->x, st, line, "%s: %s", p->name, what);
    p->failed = 1;
}

const char *slc_xlsx_name(slc_xlsx_part *p)
{
    const xmlChar *n = xmlTextReaderConstLocalName(p->rd);
    return n ? (const char *)n : "";
}

int slc_xlsx_is_start(slc_xlsx_part *p, const char *name)
{
    return xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_ELEMENT &&
           !strcmp(slc_xlsx_name(p), name);
}

int slc_xlsx_is_end(slc_xlsx_part *p, const char *name)
{
    return xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_END_ELEMENT &&
           !strcmp(slc_xlsx_name(p), name);
}

int slc_xlsx_is_empty(slc_xlsx_part *p)
{
    return xmlTextReaderIsEmptyElement(p->rd) == 1;
}

/* An attribute by local name, any namespace (ns_tail: its URI must end so,
 * for r:id), copied into the scratch arena; NULL if absent. */
const char *slc_xlsx_attr(slc_xlsx_part *p, const char *name, const char *ns_tail)
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
void slc_xlsx_add_xstring(slc_buf *out, const char *s, size_t n)
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
int slc_xlsx_read_text(slc_xlsx_part *p, slc_buf *out)
{
    if (slc_xlsx_is_empty(p))
        return 1;
    int depth = xmlTextReaderDepth(p->rd), r;
    while ((r = slc_xlsx_part_next(p)) == 1) {
        int t = xmlTextReaderNodeType(p->rd);
        if (t == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(p->rd) == depth)
            break;
        if (t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
            t == XML_READER_TYPE_WHITESPACE || t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
            const xmlChar *v = xmlTextReaderConstValue(p->rd);
            if (v)
                slc_buf_adds(out, (const char *)v);
            if (out->len > p->x->lim->max_cell_bytes) {
                slc_xlsx_part_fail(p, SLC_ERR_TOO_LARGE, 0,
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
int slc_xlsx_next_child(slc_xlsx_part *p, int depth, int *r)
{
    for (; *r == 1; *r = slc_xlsx_part_next(p)) {
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
int slc_xlsx_read_rich(slc_xlsx_part *p, slc_buf *raw)
{
    if (slc_xlsx_is_empty(p))
        return 1;
    int depth = xmlTextReaderDepth(p->rd), r = slc_xlsx_part_next(p);
    while (slc_xlsx_next_child(p, depth, &r)) {
        const char *n = slc_xlsx_name(p);
        if (!strcmp(n, "rPh") || !strcmp(n, "phoneticPr") || !strcmp(n, "rPr")) {
            r = slc_xlsx_part_skip(p);
            continue;
        }
        if (!strcmp(n, "t") && (r = slc_xlsx_read_text(p, raw)) != 1)
            break;
        r = slc_xlsx_part_next(p);
    }
    return r;
}

/* ---- package parts -------------------------------------------------------- */

/* "xl/worksheets/sheet1.xml" from a source part's directory and a target */
const char *slc_xlsx_resolve(slc_xlsx_pkg *x, const char *source, const char *target)
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
const char *slc_xlsx_beside(slc_xlsx_pkg *x, const char *source, const char *fmt, ...)
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

int slc_xlsx_type_is(const char *type, const char *tail)
{
    size_t a = type ? strlen(type) : 0, b = strlen(tail);
    return a >= b && !strcmp(type + a - b, tail);
}

/* The relationships of a part (its _rels/NAME.rels); none if absent. */
slc_status slc_xlsx_read_rels(slc_xlsx_pkg *x, const char *source, slc_xlsx_rel **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    const char *slash = strrchr(source, '/');
    const char *name = slc_xlsx_beside(x, source, "_rels/%s.rels", slash ? slash + 1 : source);
    slc_xlsx_part p;
    slc_status st = slc_xlsx_part_open(x, &p, name, 0);
    if (st != SLC_OK || p.absent)
        return st;
    slc_ptrs v = {0};
    int r;
    while ((r = slc_xlsx_part_next(&p)) == 1) {
        if (!slc_xlsx_is_start(&p, "Relationship"))
            continue;
        const char *mode = slc_xlsx_attr(&p, "TargetMode", NULL);
        if (mode && !strcasecmp(mode, "External"))
            continue;
        slc_xlsx_rel *e = slc_arena_alloc(&x->scratch, sizeof(*e));
        e->id = slc_xlsx_attr(&p, "Id", NULL);
        e->type = slc_xlsx_attr(&p, "Type", NULL);
        const char *t = slc_xlsx_attr(&p, "Target", NULL);
        e->target = t ? slc_xlsx_resolve(x, source, t) : NULL;
        if (e->id && e->target)
            slc_ptrs_push(&v, e);
    }
    st = slc_xlsx_part_close(&p, r);
    if (st == SLC_OK && v.n) {
        *out = slc_arena_alloc(&x->scratch, v.n * sizeof(slc_xlsx_rel));
        for (size_t i = 0; i < v.n; i++)
            (*out)[i] = *(slc_xlsx_rel *)v.v[i];
        *n = v.n;
    }
    slc_ptrs_release(&v);
    return st;
}

long slc_xlsx_parse_long(const char *s)
{
    if (!s || *s < '0' || *s > '9')
        return -1;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    return errno || *end ? -1 : v;
}

/* An attribute copied into buf (truncated to cap); NULL if absent. */
const char *slc_xlsx_attr_to(slc_xlsx_part *p, const char *name, char *buf, size_t cap)
{
    xmlChar *got = xmlTextReaderGetAttribute(p->rd, (const xmlChar *)name);
    if (!got)
        return NULL;
    snprintf(buf, cap, "%s", (const char *)got);
    xmlFree(got);
    return buf;
}

/* v (n elements of `size` bytes, room for *cap) with room for one more:
 * the room doubles when full, from `first`. */
void *slc_xlsx_room_for_one(void *v, size_t n, size_t *cap, size_t first, size_t size)
{
    if (n == *cap) {
        *cap = *cap ? *cap * 2 : first;
        v = slc_xrealloc(v, *cap * size);
    }
    return v;
}

slc_status slc_xlsx_pkg_open(slc_xlsx_pkg *x, const char *bytes, size_t n, const slc_limits *limits,
                             const char *path, slc_error *err)
{
    static const slc_limits def = SLC_LIMITS_DEFAULT;
    memset(x, 0, sizeof(*x));
    x->lim = limits ? limits : &def;
    x->path = path ? path : "-";
    x->err = err;
    x->budget = x->lim->max_bytes;
    slc_arena_init(&x->scratch);
    x->mem.data = (const unsigned char *)bytes;
    x->mem.n = n;
    zlib_filefunc64_def ff;
    memset(&ff, 0, sizeof(ff));
    ff.zopen64_file = mf_open;
    ff.zread_file = mf_read;
    ff.zwrite_file = mf_write;
    ff.ztell64_file = mf_tell;
    ff.zseek64_file = mf_seek;
    ff.zclose_file = mf_close;
    ff.zerror_file = mf_error;
    ff.opaque = &x->mem;
    x->old_generic = xmlGenericError;
    x->old_generic_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, silent);
    x->zf = unzOpen2_64("(memory)", &ff);
    if (!x->zf)
        return slc_xlsx_fail(
            x, SLC_ERR_FORMAT, 0,
            "not a readable zip archive (truncated or damaged); expected an Excel workbook (.xlsx)");
    return slc_xlsx_refuse_duplicates(x);
}

void slc_xlsx_pkg_close(slc_xlsx_pkg *x)
{
    if (x->zf)
        unzClose(x->zf);
    x->zf = NULL;
    slc_arena_release(&x->scratch);
    free(x->xf_kind);
    x->xf_kind = NULL;
    xmlSetGenericErrorFunc(x->old_generic_ctx, x->old_generic);
}

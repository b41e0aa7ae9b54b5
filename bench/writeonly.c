/* writeonly.c - the floor for "two vendors to XLSX + HTML + Markdown in one
 * run": the same three files written with the same libraries and nothing
 * else. It first reads the three reports slacheck wrote (untimed): the
 * workbook's cells (minizip + libxml2's reader), the HTML page as a libxml2
 * tree, the Markdown as a cmark tree. Then it writes them again, timed:
 * every cell as a string with libxlsxwriter (no formats, charts or
 * validation, so a lower bound), the tree with libxml2's HTML serializer,
 * the document with cmark's CommonMark renderer. Prints write_s=SECONDS.
 * usage: writeonly IN.xlsx IN.html IN.md OUTDIR. Built by bench/run.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmark.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlreader.h>
#include <unzip.h>
#include <xlsxwriter.h>

typedef struct cell { int sheet, row, col; char *text; } cell;
typedef struct book {
    char **names; int nsheets;
    char **strings; int nstrings;
    cell *cells; size_t ncells, cap;
} book;

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)len + 1);
    if (s && fread(s, 1, (size_t)len, f) != (size_t)len) { free(s); s = NULL; }
    fclose(f);
    if (s) { s[len] = 0; *n = (size_t)len; }
    return s;
}

static char *part(unzFile z, const char *name, size_t *n)
{
    unz_file_info info;
    if (unzLocateFile(z, name, 0) != UNZ_OK || unzGetCurrentFileInfo(z, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK ||
        unzOpenCurrentFile(z) != UNZ_OK)
        return NULL;
    char *s = malloc(info.uncompressed_size + 1);
    int got = unzReadCurrentFile(z, s, (unsigned)info.uncompressed_size);
    unzCloseCurrentFile(z);
    if (got < 0) { free(s); return NULL; }
    s[got] = 0;
    *n = (size_t)got;
    return s;
}

/* text of the current element's subtree (<si><t>..</t><r><t>..</t></r></si>) */
static char *text_of(xmlTextReaderPtr r)
{
    xmlChar *s = xmlTextReaderReadString(r);
    char *t = strdup(s ? (const char *)s : "");
    xmlFree(s);
    return t;
}

static void read_book(const char *path, book *b)
{
    unzFile z = unzOpen(path);
    size_t n;
    char *x;
    if (!z) { fprintf(stderr, "writeonly: cannot open %s\n", path); exit(2); }
    if ((x = part(z, "xl/workbook.xml", &n))) {
        xmlTextReaderPtr r = xmlReaderForMemory(x, (int)n, NULL, NULL, 0);
        while (xmlTextReaderRead(r) == 1)
            if (xmlTextReaderNodeType(r) == 1 && xmlStrEqual(xmlTextReaderConstLocalName(r), BAD_CAST "sheet")) {
                xmlChar *name = xmlTextReaderGetAttribute(r, BAD_CAST "name");
                b->names = realloc(b->names, sizeof(char *) * (size_t)(b->nsheets + 1));
                b->names[b->nsheets++] = strdup((const char *)name);
                xmlFree(name);
            }
        xmlFreeTextReader(r);
        free(x);
    }
    if ((x = part(z, "xl/sharedStrings.xml", &n))) {
        xmlTextReaderPtr r = xmlReaderForMemory(x, (int)n, NULL, NULL, 0);
        while (xmlTextReaderRead(r) == 1)
            if (xmlTextReaderNodeType(r) == 1 && xmlStrEqual(xmlTextReaderConstLocalName(r), BAD_CAST "si")) {
                b->strings = realloc(b->strings, sizeof(char *) * (size_t)(b->nstrings + 1));
                b->strings[b->nstrings++] = text_of(r);
            }
        xmlFreeTextReader(r);
        free(x);
    }
    for (int s = 0; s < b->nsheets; s++) {
        char name[64];
        snprintf(name, sizeof(name), "xl/worksheets/sheet%d.xml", s + 1);
        if (!(x = part(z, name, &n)))
            continue;
        xmlTextReaderPtr r = xmlReaderForMemory(x, (int)n, NULL, NULL, 0);
        int row = 0, col = 0, shared = 0;
        while (xmlTextReaderRead(r) == 1) {
            if (xmlTextReaderNodeType(r) != 1)
                continue;
            const xmlChar *ln = xmlTextReaderConstLocalName(r);
            if (xmlStrEqual(ln, BAD_CAST "c")) {
                xmlChar *ref = xmlTextReaderGetAttribute(r, BAD_CAST "r"), *t = xmlTextReaderGetAttribute(r, BAD_CAST "t");
                const xmlChar *p = ref;
                col = 0;
                while (p && *p >= 'A' && *p <= 'Z') col = col * 26 + (*p++ - 'A' + 1);
                row = p ? atoi((const char *)p) - 1 : 0;
                col--;
                shared = t && xmlStrEqual(t, BAD_CAST "s");
                xmlFree(ref);
                xmlFree(t);
            } else if (xmlStrEqual(ln, BAD_CAST "v") || xmlStrEqual(ln, BAD_CAST "is")) {
                char *v = text_of(r);
                if (shared && xmlStrEqual(ln, BAD_CAST "v")) {
                    int k = atoi(v);
                    free(v);
                    v = strdup(k >= 0 && k < b->nstrings ? b->strings[k] : "");
                }
                if (b->ncells == b->cap)
                    b->cells = realloc(b->cells, sizeof(cell) * (b->cap = b->cap ? 2 * b->cap : 1024));
                b->cells[b->ncells++] = (cell){s, row, col, v};
            }
        }
        xmlFreeTextReader(r);
        free(x);
    }
    unzClose(z);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: writeonly IN.xlsx IN.html IN.md OUTDIR\n");
        return 2;
    }
    book b = {0};
    size_t hn, mn;
    read_book(argv[1], &b);
    char *h = slurp(argv[2], &hn), *m = slurp(argv[3], &mn);
    if (!h || !m || !b.ncells) {
        fprintf(stderr, "writeonly: cannot read the three reports\n");
        return 2;
    }
    htmlDocPtr doc = htmlReadMemory(h, (int)hn, NULL, "UTF-8", HTML_PARSE_NONET | HTML_PARSE_NOERROR);
    cmark_node *md = cmark_parse_document(m, mn, CMARK_OPT_DEFAULT);
    char out[3][4096];
    snprintf(out[0], sizeof(out[0]), "%s/w.xlsx", argv[4]);
    snprintf(out[1], sizeof(out[1]), "%s/w.html", argv[4]);
    snprintf(out[2], sizeof(out[2]), "%s/w.md", argv[4]);

    double t0 = now();
    lxw_workbook *wb = workbook_new(out[0]);
    lxw_worksheet **ws = calloc((size_t)b.nsheets, sizeof(*ws));
    for (int s = 0; s < b.nsheets; s++)
        ws[s] = workbook_add_worksheet(wb, b.names[s]);
    for (size_t i = 0; i < b.ncells; i++)
        worksheet_write_string(ws[b.cells[i].sheet], (lxw_row_t)b.cells[i].row, (lxw_col_t)b.cells[i].col,
                               b.cells[i].text, NULL);
    int bad = workbook_close(wb) != LXW_NO_ERROR;
    bad |= !doc || htmlSaveFileFormat(out[1], doc, "UTF-8", 0) < 0;
    char *text = cmark_render_commonmark(md, CMARK_OPT_DEFAULT, 0);
    FILE *f = fopen(out[2], "w");
    bad |= !f || fputs(text, f) < 0;
    if (f)
        bad |= fclose(f) != 0;
    double t1 = now();

    printf("write_s=%.9f cells=%zu sheets=%d\n", t1 - t0, b.ncells, b.nsheets);
    free(text);
    cmark_node_free(md);
    xmlFreeDoc(doc);
    free(ws);
    for (size_t i = 0; i < b.ncells; i++) free(b.cells[i].text);
    for (int i = 0; i < b.nsheets; i++) free(b.names[i]);
    for (int i = 0; i < b.nstrings; i++) free(b.strings[i]);
    free(b.cells); free(b.names); free(b.strings); free(h); free(m);
    return bad;
}

/* xlsx_styles.c - how a workbook shows its numbers: the number formats of
 * xl/styles.xml (custom codes and Excel's built-in ids) per cell style, and
 * a cell's number as Excel shows it (General, percent, ISO 8601 dates and
 * times from serial days, 1900 and 1904 systems). */
#include "xlsx_styles.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_STYLES 65536 /* Excel: 64000 cell formats */

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
        return SLC_XLSX_NUM_GENERAL;
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
        return SLC_XLSX_NUM_PERCENT;
    if (date && time)
        return SLC_XLSX_NUM_DATETIME;
    return date ? SLC_XLSX_NUM_DATE : time ? SLC_XLSX_NUM_TIME : SLC_XLSX_NUM_GENERAL;
}

/* Excel's built-in formats (ECMA-376 18.8.30, and the Japanese ones). */
static int builtin_kind(long id)
{
    if (id == 9 || id == 10)
        return SLC_XLSX_NUM_PERCENT;
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58))
        return SLC_XLSX_NUM_DATE;
    if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47))
        return SLC_XLSX_NUM_TIME;
    if (id == 22)
        return SLC_XLSX_NUM_DATETIME;
    return SLC_XLSX_NUM_GENERAL;
}

typedef struct numfmt {
    long id;
    int kind;
} numfmt;

slc_status slc_xlsx_read_styles(slc_xlsx_pkg *x, const char *name)
{
    slc_xlsx_part p;
    slc_status st = slc_xlsx_part_open(x, &p, name, 0);
    if (st != SLC_OK || p.absent)
        return st;
    numfmt *fmts = NULL;
    size_t nfmts = 0, capfmts = 0, capxf = 0;
    int in_xfs = 0, r;
    char buf[32];
    while ((r = slc_xlsx_part_next(&p)) == 1) {
        int t = xmlTextReaderNodeType(p.rd);
        if (t == XML_READER_TYPE_END_ELEMENT && slc_xlsx_is_end(&p, "cellXfs")) {
            in_xfs = 0;
            continue;
        }
        if (t != XML_READER_TYPE_ELEMENT)
            continue;
        const char *n = slc_xlsx_name(&p);
        if (!strcmp(n, "cellXfs")) {
            in_xfs = !slc_xlsx_is_empty(&p);
        } else if (!strcmp(n, "numFmt") && nfmts < MAX_STYLES) {
            xmlChar *code = xmlTextReaderGetAttribute(p.rd, (const xmlChar *)"formatCode");
            long id = slc_xlsx_parse_long(slc_xlsx_attr_to(&p, "numFmtId", buf, sizeof(buf)));
            if (code && id >= 0) {
                fmts = slc_xlsx_room_for_one(fmts, nfmts, &capfmts, 16, sizeof(*fmts));
                fmts[nfmts].id = id;
                fmts[nfmts++].kind = code_kind((const char *)code);
            }
            xmlFree(code);
        } else if (in_xfs && !strcmp(n, "xf") && x->nxf < MAX_STYLES) {
            long id = slc_xlsx_parse_long(slc_xlsx_attr_to(&p, "numFmtId", buf, sizeof(buf)));
            int kind = builtin_kind(id);
            for (size_t i = 0; i < nfmts; i++)
                if (fmts[i].id == id)
                    kind = fmts[i].kind;
            x->xf_kind = slc_xlsx_room_for_one(x->xf_kind, x->nxf, &capxf, 64, 1);
            x->xf_kind[x->nxf++] = (unsigned char)kind;
        }
    }
    free(fmts);
    return slc_xlsx_part_close(&p, r);
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
    if (kind != SLC_XLSX_NUM_TIME) {
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
        if (kind == SLC_XLSX_NUM_DATE || (kind == SLC_XLSX_NUM_DATETIME && secs == 0))
            return 1;
        slc_buf_addc(out, ' ');
    }
    slc_buf_addf(out, "%02ld:%02ld", secs / 3600, secs / 60 % 60);
    if (secs % 60)
        slc_buf_addf(out, ":%02ld", secs % 60);
    return 1;
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
void slc_xlsx_add_number(slc_buf *out, const char *v, int kind, int date1904)
{
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (end == v || *end || errno || !isfinite(d)) {
        slc_buf_adds(out, v);
        return;
    }
    if (kind == SLC_XLSX_NUM_PERCENT) {
        add_general(out, d * 100, "%");
        return;
    }
    if ((kind == SLC_XLSX_NUM_DATE || kind == SLC_XLSX_NUM_TIME || kind == SLC_XLSX_NUM_DATETIME) &&
        add_date(out, d, kind, date1904))
        return;
    add_general(out, d, "");
}

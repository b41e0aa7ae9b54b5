/* linkonly.c - the floor for "one file end to end": a program that links
 * the same libraries as slacheck (libxml2, ICU uc, PCRE2 (32-bit),
 * libcsv, jansson, cmark, libxlsxwriter (which brings OpenSSL's libcrypto), minizip),
 * calls one trivial function of each so each is really linked, loaded and
 * initialized, and exits. Its start-up cost is what any tool built on these
 * libraries pays before doing any work. Built by bench/run.sh. */
#include <stdio.h>

#include <cmark.h>
#include <csv.h>
#include <jansson.h>
#include <unzip.h>
#include <xlsxwriter.h>
#include <libxml/parser.h>
#define PCRE2_CODE_UNIT_WIDTH 32
#include <pcre2.h>
#include <unicode/uclean.h>
#include <unicode/ucnv.h>

int main(void)
{
    int bad = 0;

    xmlInitParser();                                  /* libxml2 */

    UErrorCode st = U_ZERO_ERROR;                     /* ICU common (uc) */
    u_init(&st);
    UConverter *cv = ucnv_open("UTF-8", &st);
    bad |= U_FAILURE(st);
    ucnv_close(cv);

    pcre2_match_data *md = pcre2_match_data_create(1, NULL);   /* PCRE2 */
    bad |= md == NULL;
    pcre2_match_data_free(md);

    struct csv_parser p;                              /* libcsv */
    bad |= csv_init(&p, CSV_APPEND_NULL) != 0;
    csv_free(&p);

    json_t *o = json_object();                        /* jansson */
    bad |= o == NULL;
    json_decref(o);

    bad |= cmark_version() <= 0;                      /* cmark */
    bad |= lxw_version() == NULL;                     /* libxlsxwriter */
    bad |= unzClose(NULL) != UNZ_PARAMERROR;          /* minizip */

    xmlCleanupParser();
    if (bad)
        fputs("linkonly: a library failed to initialize\n", stderr);
    return bad;
}

/* test_decode.c - slc_text_decode (text.c): encodings detected or given,
 * byte order marks, and undecodable bytes reported at their offsets. */
#include "text.h"
#include "unit.h"

typedef struct decode_case {
    const char *what;
    const char *bytes;
    size_t n;
    const char *encoding; /* given, or NULL to detect */
    slc_status status;
    const char *want_enc; /* on success */
    int bom;
    const char *utf8; /* decoded text, or NULL not to check */
    size_t nbad;
    long long bad_offset; /* the first bad sequence's offset, when nbad */
    long bad_line;
} decode_case;

#define B(s) s, sizeof(s) - 1

static const decode_case cases[] = {
    {"plain ASCII", B("1\tabc\n"), NULL, SLC_OK, "UTF-8", 0, "1\tabc\n", 0, 0, 0},
    {"UTF-8 with BOM",
     B("\xEF\xBB\xBF"
       "No.\t\xE6\x9C\x89\n"),
     NULL, SLC_OK, "UTF-8", 1, "No.\t\xE6\x9C\x89\n", 0, 0, 0},
    {"UTF-16LE with BOM",
     B("\xFF\xFE"
       "A\0\t\0B\0"),
     NULL, SLC_OK, "UTF-16LE", 1, "A\tB", 0, 0, 0},
    {"UTF-16BE with BOM",
     B("\xFE\xFF"
       "\0A\0\t\0B"),
     NULL, SLC_OK, "UTF-16BE", 1, "A\tB", 0, 0, 0},
    /* 有無 in CP932 */
    {"CP932 detected", B("1\t\x97\x4C\x96\xB3\n"), NULL, SLC_OK, "windows-31j", 0,
     "1\t\xE6\x9C\x89\xE7\x84\xA1\n", 0, 0, 0},
    {"CP932 given", B("\x97\x4C"), "cp932", SLC_OK, "windows-31j", 0, "\xE6\x9C\x89", 0, 0, 0},
    /* UTF-8 but for one bad byte on line 2: twenty 有 (one bad
     * byte per twenty characters at most) keep it UTF-8 */
    {"UTF-8, one bad byte",
     B("1\t\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89"
       "\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\xE6\x9C\x89\n2\t\xFF\n"),
     NULL, SLC_OK, "UTF-8", 0, NULL, 1, 65, 2},
    /* with a BOM, bad bytes never make it another encoding; offsets count the BOM */
    {"UTF-8 BOM, two bad bytes",
     B("\xEF\xBB\xBF"
       "ab\xC0\n\xFE\n"),
     NULL, SLC_OK, "UTF-8", 1, NULL, 2, 5, 1},
    /* too few characters to call it UTF-8, and neither CP932 nor EUC-JP:
     * refused, pointing at the byte */
    {"undecodable", B("1\ta\n2\t\xFF\n"), NULL, SLC_ERR_DECODE, NULL, 0, NULL, 0, 6, 2},
    {"NUL without BOM: binary", B("PK\0\0\x01\x02"), NULL, SLC_ERR_BINARY, NULL, 0, NULL, 0, 0, 0},
    {"empty input", "", 0, NULL, SLC_ERR_EMPTY, NULL, 0, NULL, 0, 0, 0},
    {"unknown encoding given", B("abc"), "no-such-encoding", SLC_ERR_ENCODING, NULL, 0, NULL, 0, 0,
     0},
};

int main(void)
{
    for (size_t i = 0; i < N_OF(cases); i++) {
        const decode_case *c = &cases[i];
        slc_decoded d;
        slc_error err;
        memset(&d, 0, sizeof(d));
        slc_error_clear(&err);
        slc_status st = slc_text_decode(c->bytes, c->n, c->encoding, "t", &d, &err);
        CHECK(st == c->status, "%s: status %s, expected %s", c->what, slc_status_id(st),
              slc_status_id(c->status));
        if (st != SLC_OK && st == c->status && c->bad_line) {
            CHECK(err.offset == c->bad_offset, "%s: error at byte %lld, expected %lld", c->what,
                  err.offset, c->bad_offset);
            CHECK(err.line == c->bad_line, "%s: error on line %ld, expected %ld", c->what, err.line,
                  c->bad_line);
        }
        if (st != SLC_OK || c->status != SLC_OK) {
            if (st == SLC_OK)
                slc_decoded_release(&d);
            continue;
        }
        CHECK_STR(d.encoding, c->want_enc, c->what);
        CHECK(d.bom == c->bom, "%s: bom %d, expected %d", c->what, d.bom, c->bom);
        if (c->utf8)
            CHECK(d.len == strlen(c->utf8) && !memcmp(d.utf8, c->utf8, d.len),
                  "%s: text \"%s\", expected \"%s\"", c->what, d.utf8, c->utf8);
        CHECK(d.nbad == c->nbad, "%s: %zu bad sequences, expected %zu", c->what, d.nbad, c->nbad);
        if (c->nbad && d.nbad) {
            CHECK(d.bad[0].offset == c->bad_offset, "%s: first bad byte at %lld, expected %lld",
                  c->what, d.bad[0].offset, c->bad_offset);
            CHECK(d.bad[0].line == c->bad_line, "%s: first bad byte on line %ld, expected %ld",
                  c->what, d.bad[0].line, c->bad_line);
        }
        slc_decoded_release(&d);
    }
    return unit_finish("test_decode");
}

/* test_rows.c - slc_rows_parse and slc_rows_sniff (read_csv.c): quotes,
 * doubled quotes, line breaks inside cells, ragged rows, CR LF, the
 * delimiter sniffed, and each record's starting line. */
#include "read_csv.h"
#include "unit.h"

#define MAX_CELLS 4
#define MAX_ROWS 4

typedef struct rows_case {
    const char *what;
    const char *text;
    char delimiter; /* 0: sniff */
    char want_delimiter;
    int crlf;
    size_t nrows;
    size_t ncells[MAX_ROWS];
    long line[MAX_ROWS];
    const char *cells[MAX_ROWS][MAX_CELLS];
} rows_case;

static const rows_case cases[] = {
    {"TSV",
     "1\ta\tb\n2\tc\td\n",
     0,
     '\t',
     0,
     2,
     {3, 3},
     {1, 2},
     {{"1", "a", "b"}, {"2", "c", "d"}}},
    {"CSV sniffed",
     "1,a,b\n2,c,d\n",
     0,
     ',',
     0,
     2,
     {3, 3},
     {1, 2},
     {{"1", "a", "b"}, {"2", "c", "d"}}},
    {"semicolons", "1;a\n2;b\n", 0, ';', 0, 2, {2, 2}, {1, 2}, {{"1", "a"}, {"2", "b"}}},
    {"quoted delimiter and doubled quote",
     "1,\"a,b\",\"say \"\"hi\"\"\"\n",
     ',',
     ',',
     0,
     1,
     {3},
     {1},
     {{"1", "a,b", "say \"hi\""}}},
    {"line break in a cell",
     "1\t\"two\nlines\"\tx\n2\ty\tz\n",
     '\t',
     '\t',
     0,
     2,
     {3, 3},
     {1, 3},
     {{"1", "two\nlines", "x"}, {"2", "y", "z"}}},
    {"CR LF", "1,a\r\n2,b\r\n", ',', ',', 1, 2, {2, 2}, {1, 2}, {{"1", "a"}, {"2", "b"}}},
    {"ragged rows",
     "1\ta\tb\tc\n2\n3\tx\n",
     '\t',
     '\t',
     0,
     3,
     {4, 1, 2},
     {1, 2, 3},
     {{"1", "a", "b", "c"}, {"2"}, {"3", "x"}}},
    {"cells keep their spaces", " 1 \t a \n", '\t', '\t', 0, 1, {2}, {1}, {{" 1 ", " a "}}},
    {"empty cells", "\t\tx\n", '\t', '\t', 0, 1, {3}, {1}, {{"", "", "x"}}},
};

int main(void)
{
    static const slc_limits limits = SLC_LIMITS_DEFAULT;
    for (size_t i = 0; i < N_OF(cases); i++) {
        const rows_case *c = &cases[i];
        slc_arena arena;
        slc_table t;
        slc_error err;
        slc_arena_init(&arena);
        slc_error_clear(&err);
        memset(&t, 0, sizeof(t));
        if (!c->delimiter)
            CHECK(slc_rows_sniff(c->text, strlen(c->text)) == c->want_delimiter, "%s: sniffed '%c'",
                  c->what, slc_rows_sniff(c->text, strlen(c->text)));
        slc_status st =
            slc_rows_parse(c->text, strlen(c->text), c->delimiter, &limits, &arena, "t", &t, &err);
        CHECK(st == SLC_OK, "%s: status %s", c->what, slc_status_id(st));
        if (st == SLC_OK) {
            CHECK(t.delimiter == c->want_delimiter, "%s: delimiter '%c'", c->what, t.delimiter);
            CHECK(t.crlf == c->crlf, "%s: crlf %d", c->what, t.crlf);
            CHECK(t.nrows == c->nrows, "%s: %zu rows, expected %zu", c->what, t.nrows, c->nrows);
            for (size_t r = 0; r < t.nrows && r < c->nrows; r++) {
                CHECK(t.rows[r].line == c->line[r], "%s: row %zu on line %ld, expected %ld",
                      c->what, r, t.rows[r].line, c->line[r]);
                CHECK(t.rows[r].ncells == c->ncells[r], "%s: row %zu has %zu cells, expected %zu",
                      c->what, r, t.rows[r].ncells, c->ncells[r]);
                for (size_t k = 0; k < t.rows[r].ncells && k < c->ncells[r]; k++)
                    CHECK_STR(t.rows[r].cells[k], c->cells[r][k], c->what);
            }
            slc_table_release(&t);
        }
        slc_arena_release(&arena);
    }

    /* a bound: more cells than max_cells is refused, not cut */
    slc_limits small = limits;
    small.max_cells = 2;
    slc_arena arena;
    slc_table t;
    slc_error err;
    slc_arena_init(&arena);
    slc_error_clear(&err);
    memset(&t, 0, sizeof(t));
    slc_status st = slc_rows_parse("a\tb\tc\n", 6, '\t', &small, &arena, "t", &t, &err);
    CHECK(st == SLC_ERR_TOO_LARGE, "max_cells 2 on 3 cells: status %s", slc_status_id(st));
    if (st == SLC_OK)
        slc_table_release(&t);
    slc_arena_release(&arena);
    return unit_finish("test_rows");
}

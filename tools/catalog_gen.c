/* catalog_gen.c - the build step that compiles the built-in checklist into
 * the binary: loads checklists/NAME.xml through the ordinary loader (RELAX
 * NG validated, every check of a --checklist file) and writes it as C with
 * tools/catalog_emit.c, so that slacheck starts without parsing XML.
 * usage: catalog_gen OUT.c CHECKLIST.xml */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "catalog_emit.h"

/* the generator runs before the tables exist: it has none of its own */
const slc_catalog *slc_catalog_tables(void)
{
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: catalog_gen OUT.c CHECKLIST.xml\n");
        return 2;
    }
    slc_catalog *cat;
    slc_error err;
    if (slc_catalog_load(argv[2], &cat, &err) != SLC_OK) {
        fprintf(stderr, "catalog_gen: %s:%ld: %s\n", err.path, err.line, err.detail);
        return 1;
    }
    size_t n = strlen(argv[1]);
    char *tmp = malloc(n + 5);
    if (!tmp)
        return 1;
    memcpy(tmp, argv[1], n);
    memcpy(tmp + n, ".tmp", 5);
    FILE *out = fopen(tmp, "w");
    int bad = !out || slc_catalog_emit(cat, argv[2], out) != 0;
    if (out && fclose(out) != 0)
        bad = 1;
    if (!bad && rename(tmp, argv[1]) != 0)
        bad = 1;
    if (bad) {
        perror(argv[1]);
        remove(tmp);
    }
    free(tmp);
    slc_catalog_free(cat);
    return bad;
}

/* catalog_tables.c - checks that the built-in checklist compiled into the
 * binary (build/gen/catalog_tables.c) is the one the XML file gives: loads
 * both, writes both as C with tools/catalog_emit.c and compares the text.
 * Also checks that both compiled every pattern. Used by
 * tests/t-catalog-tables.sh. usage: catalog-check CHECKLIST.xml */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "catalog_emit.h"

static char *emit(const slc_catalog *cat, size_t *len)
{
    char *s = NULL;
    FILE *f = open_memstream(&s, len);
    if (!f || slc_catalog_emit(cat, "-", f) != 0) {
        if (f)
            fclose(f);
        free(s);
        return NULL;
    }
    fclose(f);
    return s;
}

static int compiled(const slc_catalog *cat)
{
    for (size_t i = 0; i < cat->npatterns; i++)
        if (!cat->patterns[i].re)
            return 0;
    for (size_t i = 0; i < cat->nrules; i++)
        for (size_t j = 0; j < cat->rules[i].nconds; j++)
            if (cat->rules[i].conds[j].type == SLC_COND_MATCH && !cat->rules[i].conds[j].re)
                return 0;
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: catalog-check CHECKLIST.xml\n");
        return 2;
    }
    slc_catalog *a = NULL, *b = NULL;
    slc_error err;
    if (slc_catalog_load(NULL, &a, &err) != SLC_OK ||
        slc_catalog_load(argv[1], &b, &err) != SLC_OK) {
        fprintf(stderr, "catalog-check: %s: %s\n", err.path, err.detail);
        slc_catalog_free(a);
        return 1;
    }
    size_t na, nb;
    char *ea = emit(a, &na), *eb = emit(b, &nb);
    int rc = 0;
    if (!ea || !eb) {
        fprintf(stderr, "catalog-check: cannot write a catalog\n");
        rc = 1;
    } else if (na != nb || memcmp(ea, eb, na)) {
        size_t i = 0, line = 1;
        for (; i < na && i < nb && ea[i] == eb[i]; i++)
            line += ea[i] == '\n';
        fprintf(stderr,
                "catalog-check: the built-in tables differ from %s at line %zu of the C text\n",
                argv[1], line);
        rc = 1;
    } else if (!compiled(a) || !compiled(b)) {
        fprintf(stderr, "catalog-check: a pattern was not compiled\n");
        rc = 1;
    } else {
        printf("same: %zu items, %zu patterns, %zu rules, %zu bytes of C\n", a->nitems,
               a->npatterns, a->nrules, na);
    }
    free(ea);
    free(eb);
    slc_catalog_free(a);
    slc_catalog_free(b);
    return rc;
}

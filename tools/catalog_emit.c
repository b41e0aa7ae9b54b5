/* catalog_emit.c - writes a loaded checklist definition as C source: static
 * arrays and one slc_catalog that points into them, returned by
 * slc_catalog_tables(). The build runs it on the built-in XML
 * (tools/catalog_gen.c), so starting slacheck parses no XML; the test
 * tests/catalog_tables.c emits both the compiled-in and the XML-loaded
 * definition and compares them. Regexes are left out: they are compiled
 * from the sources when the catalog is loaded. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_emit.h"

typedef struct emitter {
    FILE *decl; /* arrays, written first */
    int n;      /* arrays named so far */
    int bad;    /* a value C cannot hold as written */
} emitter;

static void str(FILE *f, const char *s)
{
    if (!s) {
        fputs("NULL", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p >= 0x20 && *p < 0x7F && *p != '?') /* '?': no trigraphs */
            fputc(*p, f);
        else
            fprintf(f, "\\%03o", *p); /* octal: at most three digits, never runs on */
    }
    fputc('"', f);
}

static void num(emitter *e, FILE *f, double d)
{
    if (!isfinite(d))
        e->bad = 1;
    fprintf(f, "%.17g", d);
}

static void label(FILE *f, const slc_label *l)
{
    fputs("{", f);
    str(f, l->ja);
    fputs(", ", f);
    str(f, l->en);
    fputs("}", f);
}

/* a string list as a named array: its number, or -1 for an empty list */
static int strings(emitter *e, const char *const *v, size_t n)
{
    if (!n)
        return -1;
    int id = e->n++;
    fprintf(e->decl, "static const char *s%d[] = {", id);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : "", e->decl);
        str(e->decl, v[i]);
    }
    fputs("};\n", e->decl);
    return id;
}

/* a pointer to a list of strings: the array's name or NULL */
static void list(emitter *e, FILE *f, const char *const *v, size_t n)
{
    int id = strings(e, v, n);
    if (id < 0)
        fputs("NULL", f);
    else
        fprintf(f, "s%d", id);
}

static void keys(emitter *e, FILE *f, const slc_keys *k)
{
    fputs("{", f);
    list(e, f, k->v, k->n);
    fprintf(f, ", %zu}", k->n);
}

static void groups(emitter *e, FILE *f, const slc_cat_group *g, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fputs("    {", f);
        str(f, g[i].id);
        fputs(", ", f);
        label(f, &g[i].label);
        fputs(", ", f);
        keys(e, f, &g[i].keys);
        fprintf(f, ", %d},\n", g[i].section);
    }
}

static void terms(emitter *e, FILE *f, const slc_term *t, size_t n)
{
    if (!n) { /* ISO C has no empty initializer */
        fputs("{{0, 0, 0}}", f);
        return;
    }
    fputs("{", f);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "%s{%d, %d, ", i ? ", " : "", t[i].item, (int)t[i].dim);
        num(e, f, t[i].constant);
        fputs("}", f);
    }
    fputs("}", f);
}

/* the rule's conditions as a named array; its name */
static int conds(emitter *e, const slc_cond *c, size_t n)
{
    int id = e->n++;
    FILE *f = e->decl;
    fprintf(f, "static slc_cond c%d[] = {\n", id);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "    {.type = %d, .items = {", (int)c[i].type);
        for (size_t j = 0; j < c[i].nitems; j++)
            fprintf(f, "%s%d", j ? ", " : "", c[i].items[j]);
        if (!c[i].nitems)
            fputs("0", f);
        fprintf(f, "}, .nitems = %zu, .presence = %d, .dim = %d, .id = ", c[i].nitems,
                c[i].presence, (int)c[i].dim);
        str(f, c[i].id);
        fputs(", .source = ", f);
        str(f, c[i].source);
        fputs(", .a = ", f);
        terms(e, f, c[i].a, c[i].na);
        fputs(", .b = ", f);
        terms(e, f, c[i].b, c[i].nb);
        fprintf(f, ", .na = %zu, .nb = %zu, .op = %d},\n", c[i].na, c[i].nb, (int)c[i].op);
    }
    fputs("};\n", f);
    return id;
}

static void body(emitter *e, FILE *f, const slc_catalog *cat)
{
    fputs("static slc_cat_group sections[] = {\n", f);
    groups(e, f, cat->sections, cat->nsections);
    fputs("};\nstatic slc_cat_group categories[] = {\n", f);
    groups(e, f, cat->categories, cat->ncategories);
    fputs("};\nstatic slc_cat_item items[] = {\n", f);
    for (size_t i = 0; i < cat->nitems; i++) {
        const slc_cat_item *it = &cat->items[i];
        fprintf(f, "    {.no = %d, .id = ", it->no);
        str(f, it->id);
        fprintf(f, ", .kind = %d, .better = %d, .name = ", (int)it->kind, (int)it->better);
        label(f, &it->name);
        fputs(", .definition = ", f);
        label(f, &it->definition);
        fputs(", .unit = ", f);
        label(f, &it->unit);
        fprintf(f, ", .section = %d, .category = %d,\n     .name_keys = ", it->section,
                it->category);
        keys(e, f, &it->name_keys);
        fputs(", .def_keys = ", f);
        keys(e, f, &it->def_keys);
        fputs(", .unit_keys = ", f);
        keys(e, f, &it->unit_keys);
        fputs(",\n     .aliases = ", f);
        list(e, f, it->aliases, it->naliases);
        fprintf(f, ", .naliases = %zu, .unit_aliases = ", it->naliases);
        list(e, f, it->unit_aliases, it->nunit_aliases);
        fprintf(f, ", .nunit_aliases = %zu},\n", it->nunit_aliases);
    }
    fputs("};\nstatic int by_no[] = {", f);
    for (int i = 0; i <= cat->max_no; i++)
        fprintf(f, "%s%d", !i ? "\n    " : i % 20 ? ", " : ",\n    ", cat->by_no[i]);
    fputs("};\nstatic slc_cat_unit units[] = {\n", f);
    for (size_t i = 0; i < cat->nunits; i++) {
        fputs("    {", f);
        str(f, cat->units[i].id);
        fprintf(f, ", %d, ", (int)cat->units[i].dim);
        num(e, f, cat->units[i].factor);
        fputs(", ", f);
        keys(e, f, &cat->units[i].words);
        fputs("},\n", f);
    }
    fputs("};\nstatic slc_cat_comparator comparators[] = {\n", f);
    for (size_t i = 0; i < cat->ncomparators; i++) {
        fprintf(f, "    {%d, %d, ", (int)cat->comparators[i].op, cat->comparators[i].before);
        keys(e, f, &cat->comparators[i].words);
        fputs("},\n", f);
    }
    fputs("};\nstatic slc_cat_value values[] = {\n", f);
    for (size_t i = 0; i < cat->nvalues; i++) {
        fprintf(f, "    {%d, ", (int)cat->values[i].dim);
        num(e, f, cat->values[i].amount);
        fprintf(f, ", %d, ", (int)cat->values[i].op);
        keys(e, f, &cat->values[i].words);
        fputs("},\n", f);
    }
    fputs("};\nstatic slc_cat_pattern patterns[] = {\n", f);
    for (size_t i = 0; i < cat->npatterns; i++) {
        const slc_cat_pattern *p = &cat->patterns[i];
        fputs("    {.type = ", f);
        str(f, p->type);
        fputs(", .id = ", f);
        str(f, p->id);
        fprintf(f, ", .negatable = %d, .source = ", p->negatable);
        str(f, p->source);
        fputs(", .hints = ", f);
        keys(e, f, &p->hints);
        fputs("},\n", f);
    }
    fputs("};\nstatic slc_cross_rule rules[] = {\n", f);
    for (size_t i = 0; i < cat->nrules; i++) {
        const slc_cross_rule *r = &cat->rules[i];
        int c = conds(e, r->conds, r->nconds);
        fputs("    {", f);
        str(f, r->id);
        fprintf(f, ", %d, %d, ", (int)r->severity, r->item);
        label(f, &r->message);
        fprintf(f, ", c%d, %zu},\n", c, r->nconds);
    }
    /* the path is set when the catalog is loaded */
    fputs("};\n\nstatic slc_catalog catalog = {\n    .id = ", f);
    str(f, cat->id);
    fputs(", .version = ", f);
    str(f, cat->version);
    fputs(", .published = ", f);
    str(f, cat->published);
    fputs(",\n    .title = ", f);
    label(f, &cat->title);
    fputs(", .publisher = ", f);
    label(f, &cat->publisher);
    fprintf(
        f,
        ",\n    .sections = sections, .nsections = %zu, .categories = categories, .ncategories = %zu,\n",
        cat->nsections, cat->ncategories);
    fprintf(f, "    .items = items, .nitems = %zu, .by_no = by_no, .max_no = %d,\n", cat->nitems,
            cat->max_no);
    const char *lists[] = {"header_words", "header_suffixes"};
    for (int l = 0; l < 2; l++) {
        const slc_keys *k = l ? cat->header_suffixes : cat->header_words;
        fprintf(f, "    .%s = {", lists[l]);
        for (int r = 0; r < SLC_ROLE_COUNT; r++) {
            fputs(r ? ", " : "", f);
            keys(e, f, &k[r]);
        }
        fputs("},\n", f);
    }
    fputs("    .meta_words = {", f);
    for (int r = 0; r < SLC_META_N; r++) {
        fputs(r ? ", " : "", f);
        keys(e, f, &cat->meta_words[r]);
    }
    fputs("},\n    .presence_yes = ", f);
    keys(e, f, &cat->presence_yes);
    fputs(", .presence_no = ", f);
    keys(e, f, &cat->presence_no);
    fputs(", .presence_na = ", f);
    keys(e, f, &cat->presence_na);
    fprintf(
        f,
        ",\n    .units = units, .nunits = %zu, .comparators = comparators, .ncomparators = %zu,\n",
        cat->nunits, cat->ncomparators);
    fprintf(f, "    .values = values, .nvalues = %zu, .patterns = patterns, .npatterns = %zu,\n",
            cat->nvalues, cat->npatterns);
    fprintf(f, "    .rules = rules, .nrules = %zu,\n};\n", cat->nrules);
}

int slc_catalog_emit(const slc_catalog *cat, const char *from, FILE *out)
{
    char *decl = NULL, *defs = NULL;
    size_t declen = 0, defslen = 0;
    emitter e = {open_memstream(&decl, &declen), 0, 0};
    FILE *m = open_memstream(&defs, &defslen);
    if (!e.decl || !m) {
        if (e.decl)
            fclose(e.decl);
        if (m)
            fclose(m);
        free(decl);
        free(defs);
        return -1;
    }
    body(&e, m, cat);
    fclose(e.decl);
    fclose(m);
    fputs("/* generated by tools/catalog_gen.c from ", out);
    fputs(from, out);
    fputs(" - do not edit */\n#include <stddef.h>\n\n#include \"catalog.h\"\n\n", out);
    fwrite(decl, 1, declen, out);
    fputc('\n', out);
    fwrite(defs, 1, defslen, out);
    fputs("\nconst slc_catalog *slc_catalog_tables(void)\n{\n    return &catalog;\n}\n", out);
    free(decl);
    free(defs);
    return e.bad || ferror(out) ? -1 : 0;
}

/* catalog.c - load a checklist definition with libxml2, validate it with
 * RELAX NG, and precompute the comparison keys the loader matches with. */
#include "catalog.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "builtin.h"
#include "text.h"

/* ---- names of enums ---------------------------------------------------- */

static const char *const kind_ids[SLC_KIND_N] = {
    "presence", "duration", "time-band", "percentage", "count", "frequency", "text"};
static const char *const better_ids[] = {"none", "higher", "lower"};
static const char *const role_ids[SLC_ROLE_COUNT] = {
    "", "no", "category", "name", "definition", "unit", "answer", "remarks", "example"};
static const char *const meta_ids[SLC_META_N] = {"service", "vendor", "date"};

const char *slc_kind_id(slc_kind k) { return (unsigned)k < SLC_KIND_N ? kind_ids[k] : "?"; }
const char *slc_better_id(slc_better b) { return (unsigned)b < 3 ? better_ids[b] : "?"; }
const char *slc_role_id(slc_role r) { return (unsigned)r < SLC_ROLE_COUNT ? role_ids[r] : "?"; }

const char *slc_label_get(const slc_label *l, slc_lang lang)
{
    if (lang == SLC_LANG_EN && l->en && *l->en)
        return l->en;
    return l->ja ? l->ja : "";
}

static int lookup(const char *const *names, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (names[i] && !strcmp(names[i], s))
            return i;
    return -1;
}

/* ---- errors from libxml2 ----------------------------------------------- */

typedef struct xml_errors {
    int count;
    int line;
    char msg[400];
} xml_errors;

static void on_xml_error(void *data, xmlErrorPtr e)
{
    xml_errors *xe = data;
    if (xe->count++ || !e)
        return;
    xe->line = e->line;
    snprintf(xe->msg, sizeof(xe->msg), "%s", e->message ? e->message : "XML error");
    size_t n = strlen(xe->msg);
    while (n && (xe->msg[n - 1] == '\n' || xe->msg[n - 1] == ' '))
        xe->msg[--n] = '\0';
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* ---- building ------------------------------------------------------------ */

typedef struct builder {
    slc_catalog *cat;
    slc_ptrs items, sections, categories;
    slc_buf tmp;
} builder;

static const char *dup_xml(slc_catalog *cat, xmlChar *s)
{
    const char *r = slc_arena_strdup(&cat->arena, s ? (const char *)s : "");
    xmlFree(s);
    return r;
}

static const char *attr(slc_catalog *cat, xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    return dup_xml(cat, v);
}

static const char *content(slc_catalog *cat, xmlNode *n)
{
    return dup_xml(cat, xmlNodeGetContent(n));
}

static int is(xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static void label(slc_catalog *cat, xmlNode *n, slc_label *l)
{
    l->ja = attr(cat, n, "ja");
    l->en = attr(cat, n, "en");
}

/* keys under construction: collected in a ptrs, then frozen into the arena */
static void key_add(builder *b, slc_ptrs *keys, const char *s, int fold)
{
    if (!s || !*s)
        return;
    slc_buf_clear(&b->tmp);
    if (fold)
        slc_text_fold(&b->tmp, s, strlen(s));
    else
        slc_text_nfkc(&b->tmp, s, strlen(s));
    if (!b->tmp.len)
        return;
    for (size_t i = 0; i < keys->n; i++)
        if (!strcmp(keys->v[i], b->tmp.data))
            return;
    slc_ptrs_push(keys, slc_arena_strndup(&b->cat->arena, b->tmp.data, b->tmp.len));
}

static void keys_freeze(slc_catalog *cat, slc_ptrs *p, slc_keys *k)
{
    k->n = p->n;
    k->v = slc_arena_alloc(&cat->arena, (p->n ? p->n : 1) * sizeof(char *));
    for (size_t i = 0; i < p->n; i++)
        k->v[i] = p->v[i];
    slc_ptrs_release(p);
}

static void freeze_strings(slc_catalog *cat, slc_ptrs *p, const char ***v, size_t *n)
{
    *n = p->n;
    *v = slc_arena_alloc(&cat->arena, (p->n ? p->n : 1) * sizeof(char *));
    for (size_t i = 0; i < p->n; i++)
        (*v)[i] = p->v[i];
    slc_ptrs_release(p);
}

static void read_item(builder *b, xmlNode *n, int section, int category)
{
    slc_catalog *cat = b->cat;
    slc_cat_item *it = slc_arena_alloc(&cat->arena, sizeof(*it));
    memset(it, 0, sizeof(*it));
    const char *no = attr(cat, n, "no");
    it->no = no ? atoi(no) : 0;
    it->id = attr(cat, n, "id");
    it->kind = (slc_kind)lookup(kind_ids, SLC_KIND_N, attr(cat, n, "kind"));
    it->better = (slc_better)lookup(better_ids, 3, attr(cat, n, "better"));
    it->section = section;
    it->category = category;
    slc_ptrs names = {0}, defs = {0}, units = {0}, aliases = {0}, ualiases = {0};
    for (xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "name")) {
            label(cat, c, &it->name);
        } else if (is(c, "alias")) {
            slc_ptrs_push(&aliases, (void *)content(cat, c));
        } else if (is(c, "definition")) {
            label(cat, c, &it->definition);
        } else if (is(c, "definition-alias")) {
            key_add(b, &defs, content(cat, c), 1);
        } else if (is(c, "unit")) {
            label(cat, c, &it->unit);
        } else if (is(c, "unit-alias")) {
            slc_ptrs_push(&ualiases, (void *)content(cat, c));
        }
    }
    key_add(b, &names, it->name.ja, 1);
    for (size_t i = 0; i < aliases.n; i++)
        key_add(b, &names, aliases.v[i], 1);
    key_add(b, &names, it->name.en, 1);
    key_add(b, &defs, it->definition.ja, 1);
    key_add(b, &defs, it->definition.en, 1);
    key_add(b, &units, it->unit.ja, 1);
    for (size_t i = 0; i < ualiases.n; i++)
        key_add(b, &units, ualiases.v[i], 1);
    key_add(b, &units, it->unit.en, 1);
    keys_freeze(cat, &names, &it->name_keys);
    keys_freeze(cat, &defs, &it->def_keys);
    keys_freeze(cat, &units, &it->unit_keys);
    freeze_strings(cat, &aliases, &it->aliases, &it->naliases);
    freeze_strings(cat, &ualiases, &it->unit_aliases, &it->nunit_aliases);
    slc_ptrs_push(&b->items, it);
}

static slc_cat_group *read_group(builder *b, xmlNode *n, int section)
{
    slc_cat_group *g = slc_arena_alloc(&b->cat->arena, sizeof(*g));
    memset(g, 0, sizeof(*g));
    g->id = attr(b->cat, n, "id");
    label(b->cat, n, &g->label);
    g->section = section;
    slc_ptrs keys = {0};
    key_add(b, &keys, g->label.ja, 1);
    key_add(b, &keys, g->label.en, 1);
    keys_freeze(b->cat, &keys, &g->keys);
    return g;
}

static void read_words(builder *b, xmlNode *n, slc_keys *words, slc_keys *suffixes)
{
    slc_ptrs w = {0}, s = {0};
    for (xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "word"))
            key_add(b, &w, content(b->cat, c), 1);
        else if (is(c, "suffix"))
            key_add(b, &s, content(b->cat, c), 1);
    }
    keys_freeze(b->cat, &w, words);
    if (suffixes)
        keys_freeze(b->cat, &s, suffixes);
    else
        slc_ptrs_release(&s);
}

static void read_checklist(builder *b, xmlNode *root)
{
    slc_catalog *cat = b->cat;
    cat->id = attr(cat, root, "id");
    cat->version = attr(cat, root, "version");
    for (xmlNode *n = root->children; n; n = n->next) {
        if (is(n, "title")) {
            label(cat, n, &cat->title);
        } else if (is(n, "publisher")) {
            label(cat, n, &cat->publisher);
        } else if (is(n, "published")) {
            cat->published = content(cat, n);
        } else if (is(n, "columns")) {
            for (xmlNode *c = n->children; c; c = c->next) {
                if (!is(c, "column"))
                    continue;
                int role = lookup(role_ids, SLC_ROLE_COUNT, attr(cat, c, "role"));
                if (role > 0)
                    read_words(b, c, &cat->header_words[role], &cat->header_suffixes[role]);
            }
        } else if (is(n, "metadata")) {
            for (xmlNode *c = n->children; c; c = c->next) {
                if (!is(c, "key"))
                    continue;
                int role = lookup(meta_ids, SLC_META_N, attr(cat, c, "role"));
                if (role >= 0)
                    read_words(b, c, &cat->meta_words[role], NULL);
            }
        } else if (is(n, "presence")) {
            slc_ptrs y = {0}, no = {0}, na = {0};
            for (xmlNode *c = n->children; c; c = c->next) {
                if (is(c, "yes"))
                    key_add(b, &y, content(cat, c), 0);
                else if (is(c, "no"))
                    key_add(b, &no, content(cat, c), 0);
                else if (is(c, "na"))
                    key_add(b, &na, content(cat, c), 0);
            }
            keys_freeze(cat, &y, &cat->presence_yes);
            keys_freeze(cat, &no, &cat->presence_no);
            keys_freeze(cat, &na, &cat->presence_na);
        } else if (is(n, "section")) {
            int si = (int)b->sections.n;
            slc_ptrs_push(&b->sections, read_group(b, n, si));
            for (xmlNode *c = n->children; c; c = c->next) {
                if (!is(c, "category"))
                    continue;
                int ci = (int)b->categories.n;
                slc_ptrs_push(&b->categories, read_group(b, c, si));
                for (xmlNode *i = c->children; i; i = i->next)
                    if (is(i, "item"))
                        read_item(b, i, si, ci);
            }
        }
    }
}

#define FREEZE_ARRAY(cat, ptrs, type, arr, count)                          \
    do {                                                                   \
        (count) = (ptrs).n;                                                \
        (arr) = slc_arena_alloc(&(cat)->arena, ((ptrs).n + 1) * sizeof(type)); \
        for (size_t i_ = 0; i_ < (ptrs).n; i_++)                           \
            (arr)[i_] = *(type *)(ptrs).v[i_];                             \
        slc_ptrs_release(&(ptrs));                                         \
    } while (0)

/* Uniqueness the schema cannot express. */
static slc_status check_unique(slc_catalog *cat, const char *path, slc_error *err)
{
    cat->max_no = 0;
    for (size_t i = 0; i < cat->nitems; i++)
        if (cat->items[i].no > cat->max_no)
            cat->max_no = cat->items[i].no;
    if (cat->nitems == 0)
        return slc_error_set(err, SLC_ERR_DEFINITION, path, 0, -1, "no items");
    if (cat->max_no > 100000)
        return slc_error_set(err, SLC_ERR_DEFINITION, path, 0, -1,
                             "item number %d is too large", cat->max_no);
    cat->by_no = slc_arena_alloc(&cat->arena, sizeof(int) * (size_t)(cat->max_no + 1));
    for (int i = 0; i <= cat->max_no; i++)
        cat->by_no[i] = -1;
    for (size_t i = 0; i < cat->nitems; i++) {
        slc_cat_item *it = &cat->items[i];
        if (cat->by_no[it->no] >= 0)
            return slc_error_set(err, SLC_ERR_DEFINITION, path, 0, -1,
                                 "item number %d is defined twice", it->no);
        cat->by_no[it->no] = (int)i;
        for (size_t j = 0; j < i; j++)
            if (!strcmp(cat->items[j].id, it->id))
                return slc_error_set(err, SLC_ERR_DEFINITION, path, 0, -1,
                                     "item id \"%s\" is used twice", it->id);
    }
    return SLC_OK;
}

slc_status slc_catalog_load(const char *path, slc_catalog **out, slc_error *err)
{
    xmlDoc *doc = NULL;
    xmlRelaxNGParserCtxt *pctx = NULL;
    xmlRelaxNG *schema = NULL;
    xmlRelaxNGValidCtxt *vctx = NULL;
    slc_catalog *cat = NULL;
    builder b;
    xml_errors xe = {0, 0, ""};
    slc_status rc = SLC_OK;
    const char *shown = path ? path : "(built-in) " SLC_BUILTIN_CHECKLIST_NAME;

    *out = NULL;
    memset(&b, 0, sizeof(b));
    slc_buf_init(&b.tmp);
    xmlSetStructuredErrorFunc(&xe, on_xml_error);
    xmlSetGenericErrorFunc(NULL, silent);

    const int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    if (path) {
        FILE *probe = fopen(path, "rb");
        if (!probe) {
            rc = slc_error_set(err, SLC_ERR_IO, shown, 0, -1, "%s", strerror(errno));
            goto done;
        }
        fclose(probe);
    }
    if (path)
        doc = xmlReadFile(path, NULL, opts);
    else
        doc = xmlReadMemory((const char *)slc_builtin_checklist, (int)slc_builtin_checklist_len,
                            SLC_BUILTIN_CHECKLIST_NAME, NULL, opts);
    if (!doc) {
        rc = slc_error_set(err, xe.count ? SLC_ERR_DEFINITION : SLC_ERR_IO, shown,
                           xe.line, -1, "%s", xe.count ? xe.msg : "cannot read");
        goto done;
    }
    if (doc->intSubset) {
        rc = slc_error_set(err, SLC_ERR_DEFINITION, shown, 0, -1,
                           "a DOCTYPE is not allowed in a checklist definition");
        goto done;
    }
    pctx = xmlRelaxNGNewMemParserCtxt((const char *)slc_builtin_checklist_rng,
                                      (int)slc_builtin_checklist_rng_len);
    schema = pctx ? xmlRelaxNGParse(pctx) : NULL;
    vctx = schema ? xmlRelaxNGNewValidCtxt(schema) : NULL;
    if (!vctx) {
        rc = slc_error_set(err, SLC_ERR_INTERNAL, "checklist.rng", xe.line, -1,
                           "built-in schema: %s", xe.msg);
        goto done;
    }
    xe.count = 0;
    xmlRelaxNGSetValidStructuredErrors(vctx, on_xml_error, &xe);
    if (xmlRelaxNGValidateDoc(vctx, doc) != 0) {
        rc = slc_error_set(err, SLC_ERR_DEFINITION, shown, xe.line, -1,
                           "does not match schemas/checklist.rng: %s", xe.msg);
        goto done;
    }

    cat = slc_xcalloc(1, sizeof(*cat));
    slc_arena_init(&cat->arena);
    cat->path = slc_arena_strdup(&cat->arena, shown);
    b.cat = cat;
    read_checklist(&b, xmlDocGetRootElement(doc));
    FREEZE_ARRAY(cat, b.items, slc_cat_item, cat->items, cat->nitems);
    FREEZE_ARRAY(cat, b.sections, slc_cat_group, cat->sections, cat->nsections);
    FREEZE_ARRAY(cat, b.categories, slc_cat_group, cat->categories, cat->ncategories);
    rc = check_unique(cat, shown, err);
    if (rc == SLC_OK) {
        *out = cat;
        cat = NULL;
    }
done:
    slc_ptrs_release(&b.items);
    slc_ptrs_release(&b.sections);
    slc_ptrs_release(&b.categories);
    slc_buf_release(&b.tmp);
    slc_catalog_free(cat);
    xmlRelaxNGFreeValidCtxt(vctx);
    xmlRelaxNGFree(schema);
    xmlRelaxNGFreeParserCtxt(pctx);
    xmlFreeDoc(doc);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSetGenericErrorFunc(NULL, NULL);
    return rc;
}

void slc_catalog_free(slc_catalog *cat)
{
    if (!cat)
        return;
    slc_arena_release(&cat->arena);
    free(cat);
}

const slc_cat_item *slc_catalog_item(const slc_catalog *cat, int no)
{
    if (no < 0 || no > cat->max_no || cat->by_no[no] < 0)
        return NULL;
    return &cat->items[cat->by_no[no]];
}

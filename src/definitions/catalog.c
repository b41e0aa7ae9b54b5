/* catalog.c - load a checklist definition with libxml2, validate it with
 * RELAX NG, and precompute the comparison keys the loader matches with. */
#include "catalog.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "builtin.h"
#include "regex.h"
#include "text.h"
#include "xmlload.h"

/* ---- names of enums ---------------------------------------------------- */

static const char *const kind_ids[SLC_KIND_N] = {"presence", "duration",  "time-band", "percentage",
                                                 "count",    "frequency", "text"};
static const char *const better_ids[] = {"none", "higher", "lower"};
static const char *const role_ids[SLC_ROLE_COUNT] = {
    "", "no", "category", "name", "definition", "unit", "answer", "remarks", "example"};
static const char *const meta_ids[SLC_META_N] = {"service", "vendor", "date", "contact",
                                                 "revision"};
static const char *const dim_ids[SLC_DIM_N] = {"duration", "percentage", "count"};
static const char *const op_ids[SLC_OP_N] = {"eq", "ne", "lt", "le", "gt", "ge"};
static const char *const presence_ids[] = {"not-stated", "yes", "no", "na"};

const char *slc_dim_id(slc_dim d)
{
    return (unsigned)d < SLC_DIM_N ? dim_ids[d] : "?";
}
const char *slc_op_id(slc_op o)
{
    return (unsigned)o < SLC_OP_N ? op_ids[o] : "?";
}

const char *slc_kind_id(slc_kind k)
{
    return (unsigned)k < SLC_KIND_N ? kind_ids[k] : "?";
}
const char *slc_better_id(slc_better b)
{
    return (unsigned)b < 3 ? better_ids[b] : "?";
}
const char *slc_role_id(slc_role r)
{
    return (unsigned)r < SLC_ROLE_COUNT ? role_ids[r] : "?";
}

const char *slc_label_get(const slc_label *l, slc_lang lang)
{
    if (lang == SLC_LANG_EN && l->en && *l->en)
        return l->en;
    return l->ja ? l->ja : "";
}

static int lookup(const char *const *names, int n, const char *s)
{
    for (int i = 0; s && i < n; i++)
        if (names[i] && !strcmp(names[i], s))
            return i;
    return -1;
}

int slc_op_parse(const char *s)
{
    return lookup(op_ids, SLC_OP_N, s);
}
int slc_dim_parse(const char *s)
{
    return lookup(dim_ids, SLC_DIM_N, s);
}

int slc_op_holds(slc_op op, double a, double b)
{
    const double eps = 1e-9 * (a > b ? (a > 0 ? a : -a) : (b > 0 ? b : -b)) + 1e-12;
    switch (op) {
    case SLC_OP_EQ:
        return a - b <= eps && b - a <= eps;
    case SLC_OP_NE:
        return !(a - b <= eps && b - a <= eps);
    case SLC_OP_LT:
        return a < b - eps;
    case SLC_OP_LE:
        return a <= b + eps;
    case SLC_OP_GT:
        return a > b + eps;
    case SLC_OP_GE:
        return a >= b - eps;
    default:
        return 0;
    }
}

/* ---- building ------------------------------------------------------------ */

typedef struct builder {
    slc_catalog *cat;
    slc_ptrs items, sections, categories;
    slc_ptrs units, comparators, values, patterns, rules;
    slc_buf tmp;
    char problem[300]; /* first semantic problem found while reading */
    int problem_line;
} builder;

static void problem(builder *b, xmlNode *n, const char *fmt, const char *what, const char *detail)
{
    if (b->problem[0])
        return;
    snprintf(b->problem, sizeof(b->problem), fmt, what, detail ? detail : "");
    b->problem_line = (int)slc_xml_line(n);
}

static const char *attr(slc_catalog *cat, xmlNode *n, const char *name)
{
    return slc_xml_attr(&cat->arena, n, name);
}

static const char *content(slc_catalog *cat, xmlNode *n)
{
    return slc_xml_text(&cat->arena, n);
}

#define is slc_xml_is

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
    slc_ptrs names = {0}, defs = {0}, units = {0}, aliases = {0}, daliases = {0}, ualiases = {0};
    for (xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "name")) {
            label(cat, c, &it->name);
        } else if (is(c, "alias")) {
            slc_ptrs_push(&aliases, (void *)content(cat, c));
        } else if (is(c, "definition")) {
            label(cat, c, &it->definition);
        } else if (is(c, "definition-alias")) {
            slc_ptrs_push(&daliases, (void *)content(cat, c));
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
    /* the Japanese word's key first, in each list (validate compares with it) */
    key_add(b, &defs, it->definition.ja, 1);
    for (size_t i = 0; i < daliases.n; i++)
        key_add(b, &defs, daliases.v[i], 1);
    slc_ptrs_release(&daliases);
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

static slc_keys words_of(builder *b, xmlNode *n)
{
    slc_ptrs w = {0};
    slc_keys k;
    for (xmlNode *c = n->children; c; c = c->next)
        if (is(c, "word"))
            key_add(b, &w, content(b->cat, c), 0);
    keys_freeze(b->cat, &w, &k);
    return k;
}

/* compiles a pattern the catalog will free; NULL with a message in msg */
static struct slc_regex *compile_source(slc_catalog *cat, const char *source, char *msg, size_t len)
{
    struct slc_regex *re = slc_regex_new(source ? source : "", msg, len);
    if (re)
        slc_ptrs_push(&cat->regexes, re);
    return re;
}

static struct slc_regex *compile(builder *b, xmlNode *n, const char *source)
{
    char msg[200];
    struct slc_regex *re = compile_source(b->cat, source, msg, sizeof(msg));
    if (!re)
        problem(b, n, "invalid regular expression \"%s\": %s", source, msg);
    return re;
}

static void read_vocabulary(builder *b, xmlNode *v)
{
    slc_catalog *cat = b->cat;
    for (xmlNode *n = v->children; n; n = n->next) {
        if (is(n, "unit")) {
            slc_cat_unit *u = slc_arena_alloc(&cat->arena, sizeof(*u));
            u->id = attr(cat, n, "id");
            u->dim = (slc_dim)slc_dim_parse(attr(cat, n, "dimension"));
            u->factor = strtod(attr(cat, n, "factor"), NULL);
            u->words = words_of(b, n);
            slc_ptrs_push(&b->units, u);
        } else if (is(n, "comparator")) {
            slc_cat_comparator *c = slc_arena_alloc(&cat->arena, sizeof(*c));
            c->op = (slc_op)slc_op_parse(attr(cat, n, "op"));
            c->before = !strcmp(attr(cat, n, "position"), "before");
            c->words = words_of(b, n);
            slc_ptrs_push(&b->comparators, c);
        } else if (is(n, "value")) {
            slc_cat_value *x = slc_arena_alloc(&cat->arena, sizeof(*x));
            const char *op = attr(cat, n, "op");
            x->dim = (slc_dim)slc_dim_parse(attr(cat, n, "dimension"));
            x->amount = strtod(attr(cat, n, "amount"), NULL);
            x->op = op ? (slc_op)slc_op_parse(op) : SLC_OP_EQ;
            x->words = words_of(b, n);
            slc_ptrs_push(&b->values, x);
        } else if (is(n, "pattern")) {
            slc_cat_pattern *p = slc_arena_alloc(&cat->arena, sizeof(*p));
            const char *neg = attr(cat, n, "negatable");
            p->type = attr(cat, n, "type");
            p->id = attr(cat, n, "id");
            p->negatable = neg && (!strcmp(neg, "true") || !strcmp(neg, "1"));
            p->source = content(cat, n);
            slc_ptrs h = {0};
            const char *hint = attr(cat, n, "hint");
            for (const char *s = hint; s && *s;) {
                while (*s == ' ')
                    s++;
                size_t len = strcspn(s, " ");
                if (len) {
                    char *w = slc_arena_strndup(&cat->arena, s, len);
                    slc_buf_clear(&b->tmp);
                    slc_text_nfkc(&b->tmp, w, len);
                    char *k = slc_arena_strdup(&cat->arena, b->tmp.data ? b->tmp.data : w);
                    for (char *c = k; *c; c++)
                        if (*c >= 'A' && *c <= 'Z')
                            *c = (char)(*c + 32);
                    slc_ptrs_push(&h, k);
                }
                s += len;
            }
            keys_freeze(cat, &h, &p->hints);
            p->re = compile(b, n, p->source);
            slc_ptrs_push(&b->patterns, p);
        }
    }
}

/* "#30:duration * #29:duration" or "2" -> terms; 0 on a syntax error */
static int parse_terms(const slc_catalog *cat, const char *s, slc_term *t, size_t *n)
{
    *n = 0;
    while (*s) {
        while (*s == ' ' || *s == '*')
            s++;
        if (!*s)
            break;
        if (*n == SLC_MAX_TERMS)
            return 0;
        slc_term *x = &t[(*n)++];
        memset(x, 0, sizeof(*x));
        char *end;
        if (*s == '#') {
            x->item = (int)strtol(s + 1, &end, 10);
            if (end == s + 1 || *end != ':' || !slc_catalog_item(cat, x->item))
                return 0;
            s = end + 1;
            size_t len = strcspn(s, " *");
            char dim[32];
            if (len >= sizeof(dim))
                return 0;
            memcpy(dim, s, len);
            dim[len] = '\0';
            int d = slc_dim_parse(dim);
            if (d < 0)
                return 0;
            x->dim = (slc_dim)d;
            s += len;
        } else {
            x->constant = strtod(s, &end);
            if (end == s)
                return 0;
            s = end;
        }
        while (*s == ' ')
            s++;
        if (*s && *s != '*')
            return 0;
    }
    return *n > 0;
}

static void read_rule(builder *b, xmlNode *r)
{
    slc_catalog *cat = b->cat;
    slc_cross_rule *x = slc_arena_alloc(&cat->arena, sizeof(*x));
    memset(x, 0, sizeof(*x));
    x->id = attr(cat, r, "id");
    const char *sev = attr(cat, r, "severity");
    x->severity = !strcmp(sev, "error")     ? SLC_SEV_ERROR
                  : !strcmp(sev, "warning") ? SLC_SEV_WARNING
                                            : SLC_SEV_INFO;
    x->item = atoi(attr(cat, r, "item"));
    if (!slc_catalog_item(cat, x->item))
        problem(b, r, "rule %s points at an unknown item%s", x->id, NULL);
    slc_ptrs conds = {0};
    for (xmlNode *n = r->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is(n, "message")) {
            label(cat, n, &x->message);
            continue;
        }
        slc_cond *c = slc_arena_alloc(&cat->arena, sizeof(*c));
        memset(c, 0, sizeof(*c));
        const char *items = attr(cat, n, "item");
        for (const char *p = items; p && *p && c->nitems < SLC_MAX_COND_ITEMS;) {
            char *end;
            long v = strtol(p, &end, 10);
            if (end == p)
                break;
            if (!slc_catalog_item(cat, (int)v))
                problem(b, n, "rule %s names unknown item %s", x->id, p);
            c->items[c->nitems++] = (int)v;
            p = end;
        }
        if (is(n, "presence")) {
            c->type = SLC_COND_PRESENCE;
            c->presence = lookup(presence_ids, 4, attr(cat, n, "is"));
        } else if (is(n, "quantity")) {
            c->type = SLC_COND_QUANTITY;
            c->dim = (slc_dim)slc_dim_parse(attr(cat, n, "dimension"));
        } else if (is(n, "thing")) {
            c->type = SLC_COND_THING;
            c->id = attr(cat, n, "id");
        } else if (is(n, "match")) {
            c->type = SLC_COND_MATCH;
            c->source = attr(cat, n, "pattern");
            c->re = compile(b, n, c->source);
        } else if (is(n, "compare")) {
            c->type = SLC_COND_COMPARE;
            c->op = (slc_op)slc_op_parse(attr(cat, n, "op"));
            if (!parse_terms(cat, attr(cat, n, "a"), c->a, &c->na) ||
                !parse_terms(cat, attr(cat, n, "b"), c->b, &c->nb))
                problem(b, n,
                        "rule %s: cannot read the compare terms%s "
                        "(expected e.g. a=\"#30:duration\" b=\"#32:count * #29:duration\")",
                        x->id, NULL);
        }
        slc_ptrs_push(&conds, c);
    }
    x->nconds = conds.n;
    x->conds = slc_arena_alloc(&cat->arena, (conds.n + 1) * sizeof(slc_cond));
    for (size_t i = 0; i < conds.n; i++)
        x->conds[i] = *(slc_cond *)conds.v[i];
    slc_ptrs_release(&conds);
    slc_ptrs_push(&b->rules, x);
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
        } else if (is(n, "vocabulary")) {
            read_vocabulary(b, n);
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

#define FREEZE_ARRAY(cat, ptrs, type, arr, count) \
    do { \
        (count) = (ptrs).n; \
        (arr) = slc_arena_alloc(&(cat)->arena, ((ptrs).n + 1) * sizeof(type)); \
        for (size_t i_ = 0; i_ < (ptrs).n; i_++) \
            (arr)[i_] = *(type *)(ptrs).v[i_]; \
        slc_ptrs_release(&(ptrs)); \
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
        return slc_error_set(err, SLC_ERR_DEFINITION, path, 0, -1, "item number %d is too large",
                             cat->max_no);
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

/* The built-in definition: C tables made at build time from the XML by
 * tools/catalog_gen.c (which loaded it as a --checklist file, with every
 * check), so no XML is parsed here. Patterns and rules are copied, since
 * their compiled regexes belong to this catalog. */
static slc_status from_tables(slc_catalog **out, slc_error *err)
{
    const char *shown = "(built-in) " SLC_BUILTIN_CHECKLIST_NAME;
    const slc_catalog *t = slc_catalog_tables();
    if (!t)
        return slc_error_set(err, SLC_ERR_DEFINITION, shown, 0, -1,
                             "this program has no built-in checklist");
    slc_catalog *cat = slc_xmalloc(sizeof(*cat));
    *cat = *t;
    slc_arena_init(&cat->arena);
    memset(&cat->regexes, 0, sizeof(cat->regexes));
    cat->path = shown;
    char msg[200];
    int ok = 1;
    slc_cat_pattern *p = slc_arena_alloc(&cat->arena, sizeof(*p) * (t->npatterns + 1));
    memcpy(p, t->patterns, sizeof(*p) * t->npatterns);
    cat->patterns = p;
    for (size_t i = 0; i < cat->npatterns; i++)
        ok &= (p[i].re = compile_source(cat, p[i].source, msg, sizeof(msg))) != NULL;
    slc_cross_rule *r = slc_arena_alloc(&cat->arena, sizeof(*r) * (t->nrules + 1));
    memcpy(r, t->rules, sizeof(*r) * t->nrules);
    cat->rules = r;
    for (size_t i = 0; i < cat->nrules; i++) {
        slc_cond *c = slc_arena_alloc(&cat->arena, sizeof(*c) * (r[i].nconds + 1));
        memcpy(c, r[i].conds, sizeof(*c) * r[i].nconds);
        r[i].conds = c;
        for (size_t j = 0; j < r[i].nconds; j++)
            if (c[j].type == SLC_COND_MATCH)
                ok &= (c[j].re = compile_source(cat, c[j].source, msg, sizeof(msg))) != NULL;
    }
    if (!ok) { /* the generator compiled the same patterns: only a broken build gets here */
        slc_catalog_free(cat);
        return slc_error_set(err, SLC_ERR_DEFINITION, shown, 0, -1,
                             "invalid regular expression: %s", msg);
    }
    *out = cat;
    return SLC_OK;
}

slc_status slc_catalog_load(const char *path, slc_catalog **out, slc_error *err)
{
    xmlDoc *doc = NULL;
    slc_catalog *cat = NULL;
    builder b;
    slc_status rc = SLC_OK;
    if (!path) {
        *out = NULL;
        return from_tables(out, err);
    }
    const char *shown = path;
    slc_xml_source src = {path,
                          NULL,
                          0,
                          shown,
                          slc_builtin_checklist_rng,
                          slc_builtin_checklist_rng_len,
                          "schemas/checklist.rng"};

    *out = NULL;
    memset(&b, 0, sizeof(b));
    slc_buf_init(&b.tmp);
    rc = slc_xml_load(&src, &doc, err);
    if (rc != SLC_OK)
        goto done;

    cat = slc_xcalloc(1, sizeof(*cat));
    slc_arena_init(&cat->arena);
    cat->path = slc_arena_strdup(&cat->arena, shown);
    b.cat = cat;
    read_checklist(&b, xmlDocGetRootElement(doc));
    FREEZE_ARRAY(cat, b.items, slc_cat_item, cat->items, cat->nitems);
    FREEZE_ARRAY(cat, b.sections, slc_cat_group, cat->sections, cat->nsections);
    FREEZE_ARRAY(cat, b.categories, slc_cat_group, cat->categories, cat->ncategories);
    FREEZE_ARRAY(cat, b.units, slc_cat_unit, cat->units, cat->nunits);
    FREEZE_ARRAY(cat, b.comparators, slc_cat_comparator, cat->comparators, cat->ncomparators);
    FREEZE_ARRAY(cat, b.values, slc_cat_value, cat->values, cat->nvalues);
    FREEZE_ARRAY(cat, b.patterns, slc_cat_pattern, cat->patterns, cat->npatterns);
    rc = check_unique(cat, shown, err);
    if (rc == SLC_OK) {
        /* rules refer to items by number: read them once items are indexed */
        for (xmlNode *n = xmlDocGetRootElement(doc)->children; n; n = n->next)
            if (is(n, "rule"))
                read_rule(&b, n);
        FREEZE_ARRAY(cat, b.rules, slc_cross_rule, cat->rules, cat->nrules);
        if (b.problem[0])
            rc = slc_error_set(err, SLC_ERR_DEFINITION, shown, b.problem_line, -1, "%s", b.problem);
    }
    if (rc == SLC_OK) {
        *out = cat;
        cat = NULL;
    }
done:
    slc_ptrs_release(&b.items);
    slc_ptrs_release(&b.sections);
    slc_ptrs_release(&b.categories);
    slc_ptrs_release(&b.units);
    slc_ptrs_release(&b.comparators);
    slc_ptrs_release(&b.values);
    slc_ptrs_release(&b.patterns);
    slc_ptrs_release(&b.rules);
    slc_buf_release(&b.tmp);
    slc_catalog_free(cat);
    xmlFreeDoc(doc);
    return rc;
}

static unsigned long freed; /* catalogs freed so far */

unsigned long slc_catalog_freed(void)
{
    return freed;
}

void slc_catalog_free(slc_catalog *cat)
{
    if (!cat)
        return;
    freed++;
    for (size_t i = 0; i < cat->regexes.n; i++)
        slc_regex_free(cat->regexes.v[i]);
    slc_ptrs_release(&cat->regexes);
    slc_arena_release(&cat->arena);
    free(cat);
}

void slc_catalog_jit(slc_catalog *cat)
{
    for (size_t i = 0; i < cat->regexes.n; i++)
        slc_regex_jit(cat->regexes.v[i]);
}

const slc_cat_item *slc_catalog_item(const slc_catalog *cat, int no)
{
    if (no < 0 || no > cat->max_no || cat->by_no[no] < 0)
        return NULL;
    return &cat->items[cat->by_no[no]];
}

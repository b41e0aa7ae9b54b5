/* template.c - the built-in templates and the --templates override. */
#include "template.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static slc_template *overrides; /* one per built-in file; data NULL if not overridden */
static size_t noverrides;

static size_t builtin_count(void)
{
    size_t n = 0;
    while (slc_templates_builtin[n].name)
        n++;
    return n;
}

static long builtin_index(const char *name)
{
    for (size_t i = 0; name && slc_templates_builtin[i].name; i++)
        if (!strcmp(slc_templates_builtin[i].name, name))
            return (long)i;
    return -1;
}

static int is_wording(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && !strcmp(name + n - 4, ".txt");
}

/* 1 if s[0..len) is valid UTF-8 (no overlong forms, no surrogates);
 * else 0 and *bad the offset of the first bad sequence */
static int utf8_ok(const unsigned char *s, size_t len, size_t *bad)
{
    for (size_t i = 0; i < len;) {
        unsigned c = s[i], cp, min;
        size_t need;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            need = 1, cp = c & 0x1f, min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            need = 2, cp = c & 0x0f, min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            need = 3, cp = c & 0x07, min = 0x10000;
        } else {
            *bad = i;
            return 0;
        }
        for (size_t k = 1; k <= need; k++) {
            if (i + k >= len || (s[i + k] & 0xc0) != 0x80) {
                *bad = i;
                return 0;
            }
            cp = cp << 6 | (s[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            *bad = i;
            return 0;
        }
        i += need + 1;
    }
    return 1;
}

static long line_of(const char *s, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        line += s[i] == '\n';
    return line;
}

/* the next "key = value" line of a wording file from *p: 1 and the parts,
 * 0 at the end; -1 for a line that is neither blank, comment nor key = value */
static int next_entry(const char **p, const char **key, size_t *klen, const char **val,
                      size_t *vlen, const char **line_start)
{
    while (**p) {
        const char *s = *p, *e = strchr(s, '\n');
        if (!e)
            e = s + strlen(s);
        *p = *e ? e + 1 : e;
        *line_start = s;
        const char *t = s;
        while (t < e && (*t == ' ' || *t == '\t'))
            t++;
        const char *end = e;
        if (end > t && end[-1] == '\r')
            end--;
        if (t == end || *t == '#')
            continue;
        const char *k = t;
        while (t < end && (isalnum((unsigned char)*t) || *t == '_' || *t == '-' || *t == '.'))
            t++;
        *key = k;
        *klen = (size_t)(t - k);
        while (t < end && (*t == ' ' || *t == '\t'))
            t++;
        if (!*klen || t == end || *t != '=')
            return -1;
        t++;
        while (t < end && (*t == ' ' || *t == '\t'))
            t++;
        while (end > t && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        *val = t;
        *vlen = (size_t)(end - t);
        return 1;
    }
    return 0;
}

static int find_key(const char *text, const char *key, size_t klen, const char **val, size_t *vlen)
{
    const char *p = text, *k, *v, *ls;
    size_t kl, vl;
    int r;
    while ((r = next_entry(&p, &k, &kl, &v, &vl, &ls)) != 0)
        if (r > 0 && kl == klen && !memcmp(k, key, klen)) {
            *val = v;
            *vlen = vl;
            return 1;
        }
    return 0;
}

static slc_status check_wording(const char *path, const char *text, const char *builtin,
                                slc_error *err)
{
    const char *p = text, *k, *v, *ls;
    size_t kl, vl;
    int r;
    while ((r = next_entry(&p, &k, &kl, &v, &vl, &ls)) != 0) {
        long line = line_of(text, (size_t)(ls - text));
        if (r < 0)
            return slc_error_set(err, SLC_ERR_TEMPLATE, path, line, (long)(ls - text),
                                 "expected \"key = value\", a # comment or a blank line");
        const char *bv;
        size_t bl;
        if (!find_key(builtin, k, kl, &bv, &bl)) {
            slc_buf known;
            slc_buf_init(&known);
            const char *q = builtin, *k2, *v2, *l2;
            size_t kl2, vl2;
            while (next_entry(&q, &k2, &kl2, &v2, &vl2, &l2) > 0)
                slc_buf_addf(&known, "%s%.*s", known.len ? ", " : "", (int)kl2, k2);
            slc_status st = slc_error_set(err, SLC_ERR_TEMPLATE, path, line, (long)(k - text),
                                          "unknown key \"%.*s\" (this file's keys: %s)", (int)kl, k,
                                          known.data ? known.data : "");
            slc_buf_release(&known);
            return st;
        }
    }
    return SLC_OK;
}

/* what would end the element the text goes into, or NULL */
static const char *forbidden(const char *name)
{
    size_t n = strlen(name);
    if (n > 4 && !strcmp(name + n - 4, ".css"))
        return "</style";
    if (n > 3 && !strcmp(name + n - 3, ".js"))
        return "</script";
    return NULL;
}

static slc_status read_override(const char *dir, const char *name, size_t idx, slc_template *t,
                                slc_error *err)
{
    slc_buf path;
    slc_buf_init(&path);
    slc_buf_addf(&path, "%s/%s", dir, name);
    slc_status st = SLC_OK;
    char *data = NULL;
    size_t len = 0;
    FILE *fp = fopen(path.data, "rb");
    if (!fp) {
        st = slc_error_set(err, SLC_ERR_IO, path.data, 0, -1, "%s", strerror(errno));
        goto done;
    }
    data = slc_xmalloc(SLC_TEMPLATE_MAX_BYTES + 2);
    len = fread(data, 1, SLC_TEMPLATE_MAX_BYTES + 1, fp);
    if (ferror(fp)) {
        st = slc_error_set(err, SLC_ERR_IO, path.data, 0, -1, "%s", strerror(errno));
        goto done;
    }
    data[len] = 0;
    if (len > SLC_TEMPLATE_MAX_BYTES) {
        st = slc_error_set(err, SLC_ERR_TEMPLATE, path.data, 0, -1,
                           "a template is at most %d bytes", SLC_TEMPLATE_MAX_BYTES);
        goto done;
    }
    const char *nul = memchr(data, 0, len);
    size_t bad = 0;
    if (nul) {
        st = slc_error_set(err, SLC_ERR_TEMPLATE, path.data, line_of(data, (size_t)(nul - data)),
                           (long)(nul - data), "a NUL byte: a template is UTF-8 text");
        goto done;
    }
    if (!utf8_ok((const unsigned char *)data, len, &bad)) {
        st = slc_error_set(err, SLC_ERR_TEMPLATE, path.data, line_of(data, bad), (long)bad,
                           "not valid UTF-8: a template is UTF-8 text");
        goto done;
    }
    const char *bom = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? data + 3 : data;
    const char *stop = forbidden(name);
    for (const char *q = bom; stop && *q; q++)
        if (*q == '<' && !strncasecmp(q, stop, strlen(stop))) {
            st = slc_error_set(err, SLC_ERR_TEMPLATE, path.data, line_of(data, (size_t)(q - data)),
                               (long)(q - data), "\"%s\" would end the report's <%s> element", stop,
                               stop + 2);
            goto done;
        }
    if (is_wording(name) &&
        (st = check_wording(path.data, bom, slc_templates_builtin[idx].data, err)) != SLC_OK)
        goto done;
    t->name = slc_templates_builtin[idx].name;
    t->len = len - (size_t)(bom - data);
    memmove(data, bom, t->len + 1);
    t->data = data;
    data = NULL;
    t->path = slc_xstrdup(path.data);
done:
    if (fp)
        fclose(fp);
    free(data);
    slc_buf_release(&path);
    return st;
}

static void free_all(slc_template *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) {
        free((char *)v[i].data);
        free((char *)v[i].path);
    }
    free(v);
}

void slc_templates_release(void)
{
    free_all(overrides, noverrides);
    overrides = NULL;
    noverrides = 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

slc_status slc_templates_use_dir(const char *dir, slc_error *err)
{
    slc_templates_release();
    if (!dir)
        return SLC_OK;
    DIR *d = opendir(dir);
    if (!d)
        return slc_error_set(err, SLC_ERR_IO, dir, 0, -1, "%s", strerror(errno));
    size_t n = builtin_count();
    slc_template *v = slc_xcalloc(n ? n : 1, sizeof(*v));
    slc_ptrs names = {0};
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.' && strncmp(e->d_name, "README", 6))
            slc_ptrs_push(&names, slc_xstrdup(e->d_name));
    closedir(d);
    /* in name order, so the first bad file is the same on every system */
    if (names.n)
        qsort(names.v, names.n, sizeof(names.v[0]), cmp_str);
    slc_status st = SLC_OK;
    for (size_t i = 0; i < names.n && st == SLC_OK; i++) {
        const char *name = names.v[i];
        long idx = builtin_index(name);
        if (idx < 0) {
            slc_buf p, known;
            slc_buf_init(&p);
            slc_buf_init(&known);
            slc_buf_addf(&p, "%s/%s", dir, name);
            for (size_t k = 0; k < n; k++)
                slc_buf_addf(&known, "%s%s", k ? ", " : "", slc_templates_builtin[k].name);
            st = slc_error_set(err, SLC_ERR_TEMPLATE, p.data, 0, -1,
                               "not a template slacheck uses (templates: %s)", known.data);
            slc_buf_release(&p);
            slc_buf_release(&known);
            break;
        }
        st = read_override(dir, name, (size_t)idx, &v[idx], err);
    }
    for (size_t i = 0; i < names.n; i++)
        free(names.v[i]);
    slc_ptrs_release(&names);
    if (st != SLC_OK) {
        free_all(v, n);
        return st;
    }
    overrides = v;
    noverrides = n;
    return SLC_OK;
}

const slc_template *slc_template_get(const char *name)
{
    long idx = builtin_index(name);
    if (idx < 0)
        return NULL;
    if (overrides && overrides[idx].data)
        return &overrides[idx];
    return &slc_templates_builtin[idx];
}

static void add_unescaped(slc_buf *out, const char *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (v[i] == '\\' && i + 1 < n && v[i + 1] == 'n') {
            slc_buf_addc(out, '\n');
            i++;
        } else {
            slc_buf_addc(out, v[i]);
        }
    }
}

int slc_template_word(const char *name, const char *key, slc_buf *out)
{
    long idx = builtin_index(name);
    if (idx < 0)
        return 0;
    const char *v;
    size_t n;
    if (overrides && overrides[idx].data &&
        find_key(overrides[idx].data, key, strlen(key), &v, &n)) {
        add_unescaped(out, v, n);
        return 1;
    }
    if (find_key(slc_templates_builtin[idx].data, key, strlen(key), &v, &n)) {
        add_unescaped(out, v, n);
        return 1;
    }
    return 0;
}

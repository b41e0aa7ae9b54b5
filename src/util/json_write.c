/* json_write.c - the pieces every JSON output shares. */
#include "json_write.h"

#include <stdlib.h>
#include <string.h>

void slc_json_init(void)
{
    json_set_alloc_funcs(slc_xmalloc, free);
}

/* jansson refuses invalid UTF-8; our text is valid, but never lose a field */
json_t *slc_json_text(const char *s)
{
    json_t *j = s ? json_string(s) : json_null();
    return j ? j : json_string("\xEF\xBF\xBD");
}

void slc_json_dump(json_t *root, slc_buf *out)
{
    char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (s) {
        slc_buf_adds(out, s);
        slc_buf_addc(out, '\n');
        free(s);
    }
}

void slc_json_dump_indented(json_t *j, int indent, slc_buf *out)
{
    char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!s)
        return;
    for (const char *p = s; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
        for (int i = 0; i < indent; i++)
            slc_buf_addc(out, ' ');
        slc_buf_add(out, p, n);
        p += n;
    }
    free(s);
}

void slc_json_dump_member(const char *key, json_t *value, int indent, slc_buf *out)
{
    json_t *k = json_string(key);
    char *ks = json_dumps(k, JSON_ENCODE_ANY);
    char *vs = json_dumps(value, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
    json_decref(k);
    json_decref(value);
    slc_buf_adds(out, ks);
    slc_buf_adds(out, ": ");
    for (const char *p = vs; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
        if (p != vs)
            for (int i = 0; i < indent; i++)
                slc_buf_addc(out, ' ');
        slc_buf_add(out, p, n);
        p += n;
    }
    free(ks);
    free(vs);
}

json_t *slc_json_checklist(const slc_catalog *cat)
{
    return json_pack("{s:s,s:s,s:s}", "id", cat->id, "version", cat->version ? cat->version : "",
                     "path", cat->path);
}

json_t *slc_json_meta(const slc_doc *doc)
{
    static const char *names[SLC_META_N] = {"service", "vendor", "date", "contact", "revision"};
    json_t *m = json_object();
    for (int i = 0; i < SLC_META_N; i++)
        json_object_set_new(m, names[i], slc_json_text(doc->meta[i]));
    return m;
}

json_t *slc_json_undecodable(const slc_answer *a)
{
    json_t *v = json_array();
    for (int r = 1; r < SLC_ROLE_COUNT; r++)
        if (a->undecodable & (1u << r))
            json_array_append_new(v, json_string(slc_role_id((slc_role)r)));
    return v;
}

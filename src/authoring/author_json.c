/* author_json.c - one vendor's checklist as JSON (convert -o x.json), the
 * form read_json.c reads back, facts included. */
#include "author_json.h"

#include <jansson.h>

#include "facts.h"
#include "json_write.h"
#include "load.h"
#include "text.h"
#include "version.h"

/* short names for the shared helpers (json_write.h) */
static json_t *text(const char *s)
{
    return slc_json_text(s);
}

static void dump(json_t *root, slc_buf *out)
{
    slc_json_dump(root, out);
}

void slc_json_doc(slc_doc *doc, slc_buf *out)
{
    const slc_catalog *cat = doc->cat;
    json_t *root = json_object(), *items = json_array();
    json_object_set_new(root, "format", json_string("slacheck-checklist"));
    json_object_set_new(root, "version", json_integer(SLC_JSON_VERSION));
    json_object_set_new(root, "checklist", slc_json_checklist(cat));
    json_object_set_new(root, "vendor", text(doc->name));
    json_object_set_new(root, "meta", slc_json_meta(doc));
    json_object_set_new(root, "source",
                        json_pack("{s:o,s:s,s:b}", "path", text(doc->path), "encoding",
                                  doc->encoding ? doc->encoding : "", "bom", doc->bom));
    for (size_t i = 0; i < cat->nitems; i++) {
        const slc_answer *a = slc_doc_answer(doc, i);
        if (!a)
            continue;
        const slc_cat_item *it = &cat->items[i];
        json_t *o = json_object();
        json_object_set_new(o, "no", json_integer(it->no));
        json_object_set_new(o, "id", json_string(it->id));
        json_object_set_new(o, "name", text(it->name.ja));
        json_object_set_new(o, "category", text(cat->categories[it->category].label.ja));
        json_object_set_new(o, "answer",
                            text(a->cell[SLC_ROLE_ANSWER] ? a->cell[SLC_ROLE_ANSWER] : ""));
        json_object_set_new(o, "remarks",
                            text(a->cell[SLC_ROLE_REMARKS] ? a->cell[SLC_ROLE_REMARKS] : ""));
        json_object_set_new(o, "line", json_integer(a->line));
        if (a->cell[SLC_ROLE_NAME])
            json_object_set_new(o, "name_in_file", text(a->cell[SLC_ROLE_NAME]));
        if (a->cell[SLC_ROLE_EXAMPLE])
            json_object_set_new(o, "example", text(a->cell[SLC_ROLE_EXAMPLE]));
        if (a->undecodable)
            json_object_set_new(o, "undecodable", slc_json_undecodable(a));
        size_t nf;
        const slc_fact *facts = slc_doc_facts(doc, i, &nf);
        json_object_set_new(o, "facts", slc_json_facts(facts, nf, a->cell[SLC_ROLE_ANSWER]));
        json_array_append_new(items, o);
    }
    json_object_set_new(root, "items", items);
    dump(root, out);
    json_decref(root);
}

/* the answer's text between code points s and e */
static json_t *span_text(const char *answer, size_t s, size_t e)
{
    if (!answer)
        return json_string("");
    size_t bs = slc_text_offset(answer, s), be = slc_text_offset(answer, e);
    return json_stringn(answer + bs, be > bs ? be - bs : 0);
}

json_t *slc_json_facts(const slc_fact *f, size_t n, const char *answer)
{
    json_t *arr = json_array();
    slc_buf d;
    slc_buf_init(&d);
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "type", json_string(slc_fact_type_id(f[i].type)));
        switch (f[i].type) {
        case SLC_FACT_PRESENCE:
            json_object_set_new(o, "value", json_string(slc_presence_id(f[i].presence)));
            break;
        case SLC_FACT_QUANTITY:
            json_object_set_new(o, "dimension", json_string(slc_dim_id(f[i].dim)));
            json_object_set_new(o, "value", json_real(f[i].value));
            json_object_set_new(o, "op", json_string(slc_op_id(f[i].op)));
            json_object_set_new(o, "amount", json_real(f[i].amount));
            if (f[i].unit)
                json_object_set_new(o, "unit", json_string(f[i].unit));
            json_object_set_new(o, "basis", json_string(slc_basis_id(f[i].basis)));
            break;
        case SLC_FACT_TIME_BAND:
            json_object_set_new(o, "from_minute", json_integer(f[i].band_from));
            json_object_set_new(o, "to_minute", json_integer(f[i].band_to));
            json_object_set_new(o, "days_per_week",
                                f[i].band_days ? json_integer(f[i].band_days) : json_null());
            break;
        case SLC_FACT_THING:
            json_object_set_new(o, "kind", json_string(f[i].kind));
            json_object_set_new(o, "id", text(f[i].id));
            json_object_set_new(o, "negated", json_boolean(f[i].negated));
            json_object_set_new(o, "status", json_string(slc_thing_status_id(f[i].status)));
            break;
        case SLC_FACT_DISCLOSURE:
            json_object_set_new(o, "id", text(f[i].id));
            break;
        default:
            break;
        }
        slc_buf_clear(&d);
        slc_fact_describe(&f[i], &d);
        json_object_set_new(o, "summary", text(d.data ? d.data : ""));
        json_object_set_new(o, "span", json_pack("[i,i]", (int)f[i].start, (int)f[i].end));
        json_object_set_new(o, "text", span_text(answer, f[i].start, f[i].end));
        json_array_append_new(arr, o);
    }
    slc_buf_release(&d);
    return arr;
}

/* export_json.c - the comparison as JSON: diff --format json and
 * export -o x.json (which embeds each file's validate report). */
#include "export_json.h"

#include <jansson.h>

#include "compare.h"
#include "export.h"
#include "facts.h"
#include "json_write.h"
#include "report_json.h"
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

typedef struct diff_collect {
    json_t *arr;
} diff_collect;

static void collect_diff(void *data, char op, const char *s, size_t n)
{
    diff_collect *d = data;
    char o[2] = {op == ' ' ? '=' : op, 0};
    json_array_append_new(d->arr, json_pack("{s:s,s:o}", "op", o, "text", json_stringn(s, n)));
}

static json_t *comparison_object(const slc_comparison *c, const unsigned char *show, int all)
{
    json_t *root = json_object(), *vendors = json_array(), *items = json_array();
    json_t *cats = json_array(), *vsum = json_array(), *changes = json_array();
    slc_buf d;
    slc_buf_init(&d);
    json_object_set_new(root, "version", json_integer(SLC_JSON_VERSION));
    json_object_set_new(root, "checklist", slc_json_checklist(c->cat));
    json_object_set_new(root, "mode", json_string(c->versions ? "versions" : "vendors"));
    for (size_t v = 0; v < c->n; v++) {
        json_array_append_new(vendors, json_pack("{s:o,s:o}", "name", text(c->docs[v]->name),
                                                 "path", text(c->docs[v]->path)));
        json_array_append_new(
            vsum, json_pack("{s:i,s:i,s:i,s:i,s:i}", "leads", (int)c->vendors[v].leads, "trails",
                            (int)c->vendors[v].trails, "undisclosed",
                            (int)c->vendors[v].undisclosed, "missing", (int)c->vendors[v].missing,
                            "differs", (int)c->vendors[v].differs));
    }
    for (size_t k = 0; k < c->cat->ncategories; k++) {
        size_t total = 0;
        for (size_t i = 0; i < c->nitems; i++)
            total += c->cat->items[i].category == (int)k;
        json_array_append_new(
            cats, json_pack("{s:s,s:s,s:s,s:i,s:i,s:i}", "id", c->cat->categories[k].id, "ja",
                            c->cat->categories[k].label.ja, "en", c->cat->categories[k].label.en,
                            "items", (int)total, "differ", (int)c->category_differs[k], "missing",
                            (int)c->category_missing[k]));
    }
    for (size_t i = 0; i < c->nitems; i++) {
        const slc_cmp_item *ci = &c->items[i];
        const slc_cat_item *it = &c->cat->items[i];
        /* as on the terminal: vendors, the items that differ; versions,
         * every change (a change of wording too) */
        if ((show && !show[i]) ||
            (!all && (c->versions ? ci->verdict == SLC_CMP_SAME : !slc_cmp_item_differs(ci))))
            continue;
        json_t *o = json_object(), *better = json_array(), *worse = json_array(),
               *ans = json_array();
        json_t *missing = json_array();
        json_object_set_new(o, "no", json_integer(it->no));
        json_object_set_new(o, "id", json_string(it->id));
        json_object_set_new(o, "name", text(it->name.ja));
        json_object_set_new(o, "verdict", json_string(slc_cmp_verdict_id(ci->verdict)));
        for (size_t v = 0; v < c->n; v++) {
            if (ci->rank[v] > 0)
                json_array_append_new(better, json_integer((json_int_t)v));
            if (ci->rank[v] < 0)
                json_array_append_new(worse, json_integer((json_int_t)v));
            const slc_answer *a = ci->answers[v];
            if (!a) {
                json_array_append_new(ans, json_null());
                json_array_append_new(missing, json_integer((json_int_t)v));
                continue;
            }
            const slc_standing *st = &ci->standing[v];
            slc_buf_clear(&d);
            slc_standing_describe(it, st, &d);
            /* the basis of a quantity committed to; null for 有/無, time
             * bands and answers that commit to no quantity */
            int quantity = st->known && st->fact && st->fact->type == SLC_FACT_QUANTITY;
            json_t *one =
                json_pack("{s:o,s:o,s:i,s:o,s:b,s:o}", "text",
                          text(a->cell[SLC_ROLE_ANSWER] ? a->cell[SLC_ROLE_ANSWER] : ""), "remarks",
                          text(a->cell[SLC_ROLE_REMARKS] ? a->cell[SLC_ROLE_REMARKS] : ""), "line",
                          (int)a->line, "standing", text(d.data ? d.data : ""), "undisclosed",
                          st->undisclosed, "basis",
                          quantity ? json_string(slc_basis_id(st->basis)) : json_null());
            if (a->undecodable)
                json_object_set_new(one, "undecodable", slc_json_undecodable(a));
            json_array_append_new(ans, one);
        }
        json_object_set_new(o, "better", better);
        json_object_set_new(o, "worse", worse);
        json_object_set_new(o, "missing", missing);
        json_object_set_new(o, "answers", ans);
        if (c->versions)
            json_object_set_new(o, "weakened", json_boolean(ci->weakened));
        json_array_append_new(items, o);
        if (c->versions && c->n == 2 && ci->answers[0] && ci->answers[1] &&
            ci->verdict != SLC_CMP_SAME) {
            diff_collect dc = {json_array()};
            slc_diff_words(ci->answers[0]->cell[SLC_ROLE_ANSWER],
                           ci->answers[1]->cell[SLC_ROLE_ANSWER], collect_diff, &dc);
            slc_buf_clear(&d);
            slc_standing_describe(it, &ci->standing[0], &d);
            json_t *from = text(d.data ? d.data : "");
            slc_buf_clear(&d);
            slc_standing_describe(it, &ci->standing[1], &d);
            json_array_append_new(changes, json_pack("{s:i,s:b,s:o,s:o,s:o}", "no", it->no,
                                                     "weakened", ci->weakened, "from", from, "to",
                                                     text(d.data ? d.data : ""), "diff", dc.arr));
        }
    }
    json_object_set_new(root, "vendors", vendors);
    json_object_set_new(root, "summary",
                        json_pack("{s:o,s:o}", "categories", cats, "vendors", vsum));
    json_object_set_new(root, "items", items);
    json_object_set_new(root, "changes", changes);
    slc_buf_release(&d);
    return root;
}

void slc_json_comparison(const slc_comparison *c, const unsigned char *show, int all, slc_buf *out)
{
    json_t *root = comparison_object(c, show, all);
    dump(root, out);
    json_decref(root);
}

/* export -o x.json: the files as validate reports them, each vendor's
 * standing per category, and the comparison of every item shown */
slc_status slc_export_json(const slc_export *x, const char *path, slc_error *err)
{
    json_t *root = json_object(), *files = json_array(), *standing = json_array();
    size_t counts[3];
    json_object_set_new(root, "version", json_integer(SLC_JSON_VERSION));
    json_object_set_new(root, "tool",
                        json_pack("{s:s,s:s}", "name", "slacheck", "version", SLC_VERSION));
    json_object_set_new(root, "kind", json_string("export"));
    json_object_set_new(root, "title", text(x->title));
    json_object_set_new(root, "lang", json_string(x->lang == SLC_LANG_JA ? "ja" : "en"));
    json_object_set_new(root, "checklist", slc_json_checklist(x->cat));
    for (size_t v = 0; v < x->n; v++) {
        if (!x->comparison_only)
            json_array_append_new(files, slc_json_report_file(x->docs[v], x->lang, counts));
        json_t *cats = json_array();
        for (size_t k = 0; k < x->cat->ncategories; k++) {
            const slc_export_stats *st = slc_export_stat(x, v, k);
            json_t *o = json_pack("{s:s,s:i,s:i,s:i,s:i,s:i,s:i}", "id", x->cat->categories[k].id,
                                  "items", (int)st->items, "answered", (int)st->answered, "yes",
                                  (int)st->yes, "no", (int)st->no, "undisclosed",
                                  (int)st->undisclosed, "missing", (int)st->missing);
            if (x->docs[v]->profile)
                json_object_update_new(o, json_pack("{s:i,s:i}", "requirements", (int)st->req_total,
                                                    "requirements_met", (int)st->req_met));
            json_array_append_new(cats, o);
        }
        json_array_append_new(
            standing, json_pack("{s:o,s:o}", "vendor", text(x->docs[v]->name), "categories", cats));
    }
    if (!x->comparison_only)
        json_object_set_new(root, "files", files);
    else
        json_decref(files);
    json_object_set_new(root, "standing", standing);
    json_object_set_new(root, "comparison", comparison_object(x->cmp, x->show, 1));
    slc_buf out;
    slc_buf_init(&out);
    dump(root, &out);
    json_decref(root);
    slc_status rc =
        out.len ? slc_export_write(&out, path, err)
                : slc_error_set(err, SLC_ERR_INTERNAL, path, 0, -1, "JSON could not be written");
    slc_buf_release(&out);
    return rc;
}

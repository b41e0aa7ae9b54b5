/* json.c - JSON output through jansson. */
#include "json.h"
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "compare.h"
#include "facts.h"
#include "profile.h"
#include "rules.h"
#include "sink.h"
#include "text.h"
#include "version.h"

/* The report is written as it goes, one file at a time, so memory stays
 * flat over a batch: jansson writes each piece; the envelope around the
 * "files" array is jansson's own output cut open where the array goes. */
struct slc_json_report {
    const slc_catalog *cat;
    slc_lang lang;
    slc_buf *out;
    size_t nfiles;
    size_t counts[3];
    size_t unreadable;
};

/* jansson refuses invalid UTF-8; our text is valid, but never lose a field */
static json_t *text(const char *s)
{
    json_t *j = s ? json_string(s) : json_null();
    return j ? j : json_string("\xEF\xBF\xBD");
}

static void dump(json_t *root, slc_buf *out)
{
    char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (s) {
        slc_buf_adds(out, s);
        slc_buf_addc(out, '\n');
        free(s);
    }
}

static json_t *checklist_object(const slc_catalog *cat);

/* appends a dump of j with every line indented by `indent` spaces */
static void dump_indented(json_t *j, int indent, slc_buf *out)
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

slc_json_report *slc_json_report_new(const slc_catalog *cat, slc_lang lang, slc_buf *out)
{
    slc_json_report *r = slc_xcalloc(1, sizeof(*r));
    r->cat = cat;
    r->lang = lang;
    r->out = out;
    json_t *head = json_object();
    json_object_set_new(head, "version", json_integer(SLC_JSON_VERSION));
    json_object_set_new(head, "tool", json_pack("{s:s,s:s}", "name", "slacheck",
                                                "version", SLC_VERSION));
    json_object_set_new(head, "checklist", checklist_object(cat));
    json_object_set_new(head, "files", json_array());
    char *s = json_dumps(head, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(head);
    /* ... "files": []\n}  ->  ... "files": [ */
    char *cut = s ? strstr(s, "\"files\": []") : NULL;
    if (cut) {
        slc_buf_add(out, s, (size_t)(cut - s));
        slc_buf_adds(out, "\"files\": [");
    }
    free(s);
    return r;
}

static void emit_file(slc_json_report *r, json_t *f)
{
    slc_buf_adds(r->out, r->nfiles++ ? ",\n" : "\n");
    dump_indented(f, 4, r->out);
    json_decref(f);
}

void slc_json_report_free(slc_json_report *r)
{
    free(r);
}

static json_t *meta_object(const slc_doc *doc)
{
    static const char *names[SLC_META_N] = {"service", "vendor", "date"};
    json_t *m = json_object();
    for (int i = 0; i < SLC_META_N; i++)
        json_object_set_new(m, names[i], text(doc->meta[i]));
    return m;
}

static json_t *checklist_object(const slc_catalog *cat)
{
    /* defined before use by the report header */
    return json_pack("{s:s,s:s,s:s}", "id", cat->id, "version", cat->version ? cat->version : "",
                     "path", cat->path);
}

static const char *delimiter_name(char d)
{
    return d == '\t' ? "tab" : d == ',' ? "comma" : d == ';' ? "semicolon" : "none";
}

static json_t *profile_object(const slc_profile_result *p, slc_lang lang)
{
    json_t *o = json_object(), *reqs = json_array();
    slc_buf d;
    slc_buf_init(&d);
    json_object_set_new(o, "id", json_string(p->profile->id));
    json_object_set_new(o, "path", text(p->profile->path));
    json_object_set_new(o, "score", json_real(p->score));
    json_object_set_new(o, "met", json_integer((json_int_t)p->met));
    json_object_set_new(o, "not_met", json_integer((json_int_t)p->not_met));
    json_object_set_new(o, "unknown", json_integer((json_int_t)p->unknown));
    json_object_set_new(o, "must_failed", json_integer((json_int_t)p->must_failed));
    json_object_set_new(o, "must_unknown", json_integer((json_int_t)p->must_unknown));
    for (size_t i = 0; i < p->n; i++) {
        const slc_req_result *x = &p->v[i];
        json_t *q = json_object();
        slc_buf_clear(&d);
        slc_requirement_describe(x->req, lang, &d);
        json_object_set_new(q, "item", json_integer(x->req->item));
        json_object_set_new(q, "level", json_string(x->req->level == SLC_LEVEL_MUST ? "must" : "should"));
        json_object_set_new(q, "weight", json_real(x->req->weight));
        json_object_set_new(q, "requirement", text(d.data ? d.data : ""));
        json_object_set_new(q, "status", json_string(slc_verdict_id(x->verdict)));
        json_object_set_new(q, "reason", x->reason ? json_string(x->reason) : json_null());
        json_object_set_new(q, "evidence", text(x->evidence));
        json_object_set_new(q, "line", x->line ? json_integer(x->line) : json_null());
        json_array_append_new(reqs, q);
    }
    json_object_set_new(o, "requirements", reqs);
    slc_buf_release(&d);
    return o;
}

/* one file's object in a report: what was found, the findings, the profile */
static json_t *file_object(const slc_doc *doc, slc_lang lang, size_t counts[3])
{
    json_t *f = json_object();
    json_t *missing = json_array(), *dups = json_array(), *unknown = json_array();
    json_t *findings = json_array();
    size_t found = 0;
    slc_buf msg;
    slc_buf_init(&msg);

    for (size_t i = 0; i < doc->cat->nitems; i++)
        found += doc->first[i] >= 0;
    for (size_t i = 0; i < doc->nfindings; i++) {
        const slc_finding *fd = &doc->findings[i];
        if (fd->rule == SLC_RULE_MISSING_ITEM)
            json_array_append_new(missing, json_integer(fd->item));
        else if (fd->rule == SLC_RULE_DUPLICATE_ITEM)
            json_array_append_new(dups, json_integer(fd->item));
        else if (fd->rule == SLC_RULE_UNKNOWN_ITEM)
            json_array_append_new(unknown, json_integer(fd->item));
        json_t *o = json_object();
        json_object_set_new(o, "rule", json_string(slc_finding_rule_id(fd)));
        json_object_set_new(o, "severity", json_string(slc_severity_id(fd->severity)));
        json_object_set_new(o, "item", fd->item ? json_integer(fd->item) : json_null());
        json_object_set_new(o, "line", fd->line ? json_integer(fd->line) : json_null());
        if (fd->column)
            json_object_set_new(o, "column", json_integer(fd->column));
        if (fd->line2)
            json_object_set_new(o, "other_line", json_integer(fd->line2));
        slc_buf_clear(&msg);
        slc_finding_message(&msg, doc, fd, lang);
        json_object_set_new(o, "message", text(msg.data ? msg.data : ""));
        if (fd->found)
            json_object_set_new(o, "found", text(fd->found));
        if (fd->expected)
            json_object_set_new(o, fd->rule == SLC_RULE_UNDECODABLE_TEXT ? "offset" : "expected",
                                fd->rule == SLC_RULE_UNDECODABLE_TEXT
                                    ? json_integer(strtoll(fd->expected, NULL, 10))
                                    : text(fd->expected));
        if (fd->rule == SLC_RULE_DUPLICATE_ITEM)
            json_object_set_new(o, "conflict", json_boolean(fd->conflict));
        if (fd->other)
            json_object_set_new(o, "other_item", json_integer(fd->other));
        json_array_append_new(findings, o);
    }
    slc_doc_count(doc, counts);

    json_object_set_new(f, "path", text(doc->path));
    json_object_set_new(f, "encoding", json_string(doc->encoding ? doc->encoding : ""));
    json_object_set_new(f, "bom", json_boolean(doc->bom));
    json_object_set_new(f, "delimiter", json_string(delimiter_name(doc->delimiter)));
    json_object_set_new(f, "vendor", text(doc->name));
    json_object_set_new(f, "meta", meta_object(doc));
    json_object_set_new(f, "header_line", doc->header_line ? json_integer(doc->header_line) : json_null());
    json_object_set_new(f, "items_found", json_integer((json_int_t)found));
    json_object_set_new(f, "items_expected", json_integer((json_int_t)doc->cat->nitems));
    json_object_set_new(f, "missing", missing);
    json_object_set_new(f, "duplicates", dups);
    json_object_set_new(f, "unknown", unknown);
    json_object_set_new(f, "counts", json_pack("{s:i,s:i,s:i}", "error", (int)counts[2],
                                               "warning", (int)counts[1], "info", (int)counts[0]));
    json_object_set_new(f, "findings", findings);
    if (doc->profile)
        json_object_set_new(f, "profile", profile_object(doc->profile, lang));
    json_object_set_new(f, "error", json_null());
    slc_buf_release(&msg);
    return f;
}

void slc_json_report_add_doc(slc_json_report *r, const slc_doc *doc)
{
    size_t counts[3];
    json_t *f = file_object(doc, r->lang, counts);
    for (int k = 0; k < 3; k++)
        r->counts[k] += counts[k];
    emit_file(r, f);
}

void slc_json_report_add_error(slc_json_report *r, const slc_error *err)
{
    json_t *f = json_object();
    json_object_set_new(f, "path", text(err->path));
    json_t *e = json_object();
    json_object_set_new(e, "status", json_string(slc_status_id(err->status)));
    json_object_set_new(e, "message", text(slc_strerror(err->status, r->lang)));
    json_object_set_new(e, "detail", text(err->detail));
    json_object_set_new(e, "line", err->line ? json_integer(err->line) : json_null());
    json_object_set_new(e, "offset", err->offset >= 0 ? json_integer(err->offset) : json_null());
    json_object_set_new(f, "error", e);
    emit_file(r, f);
    r->unreadable++;
}

void slc_json_report_finish(slc_json_report *r, int exit_code, slc_buf *out)
{
    (void)out;
    json_t *summary = json_pack("{s:i,s:i,s:i,s:i,s:i,s:i}", "files", (int)r->nfiles,
                                "unreadable", (int)r->unreadable, "errors", (int)r->counts[2],
                                "warnings", (int)r->counts[1], "info", (int)r->counts[0],
                                "exit_code", exit_code);
    slc_buf_adds(r->out, r->nfiles ? "\n  ],\n  \"summary\": " : "],\n  \"summary\": ");
    char *s = json_dumps(summary, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    for (const char *p = s ? s : "{}"; *p; p++) {   /* indent the summary one level */
        slc_buf_addc(r->out, *p);
        if (*p == '\n')
            slc_buf_adds(r->out, "  ");
    }
    free(s);
    json_decref(summary);
    slc_buf_adds(r->out, "\n}\n");
}

typedef struct json_sink {
    slc_sink base;
    slc_json_report *report;
} json_sink;

static void jsink_doc(slc_sink *s, const slc_doc *doc)
{
    slc_json_report_add_doc(((json_sink *)s)->report, doc);
}

static void jsink_error(slc_sink *s, const slc_error *err)
{
    slc_json_report_add_error(((json_sink *)s)->report, err);
}

static void jsink_finish(slc_sink *s, int exit_code)
{
    slc_json_report_finish(((json_sink *)s)->report, exit_code, &s->out);
}

static void jsink_release(slc_sink *s)
{
    slc_json_report_free(((json_sink *)s)->report);
}

static const slc_sink_ops json_ops = {jsink_doc, jsink_error, jsink_finish, jsink_release};

slc_sink *slc_sink_json_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on)
{
    json_sink *s = slc_xcalloc(1, sizeof(*s));
    slc_sink_init(&s->base, &json_ops, cat, lang, fail_on);
    s->report = slc_json_report_new(cat, lang, &s->base.out);
    s->base.streams = 1;
    return &s->base;
}

void slc_json_doc(slc_doc *doc, slc_buf *out)
{
    const slc_catalog *cat = doc->cat;
    json_t *root = json_object(), *items = json_array();
    json_object_set_new(root, "format", json_string("slacheck-checklist"));
    json_object_set_new(root, "version", json_integer(SLC_JSON_VERSION));
    json_object_set_new(root, "checklist", checklist_object(cat));
    json_object_set_new(root, "vendor", text(doc->name));
    json_object_set_new(root, "meta", meta_object(doc));
    json_object_set_new(root, "source", json_pack("{s:o,s:s,s:b}", "path", text(doc->path),
                                                  "encoding", doc->encoding ? doc->encoding : "",
                                                  "bom", doc->bom));
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
        json_object_set_new(o, "answer", text(a->cell[SLC_ROLE_ANSWER] ? a->cell[SLC_ROLE_ANSWER] : ""));
        json_object_set_new(o, "remarks", text(a->cell[SLC_ROLE_REMARKS] ? a->cell[SLC_ROLE_REMARKS] : ""));
        json_object_set_new(o, "line", json_integer(a->line));
        if (a->cell[SLC_ROLE_NAME])
            json_object_set_new(o, "name_in_file", text(a->cell[SLC_ROLE_NAME]));
        if (a->cell[SLC_ROLE_EXAMPLE])
            json_object_set_new(o, "example", text(a->cell[SLC_ROLE_EXAMPLE]));
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
            json_object_set_new(o, "days_per_week", f[i].band_days ? json_integer(f[i].band_days) : json_null());
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
    json_object_set_new(root, "checklist", checklist_object(c->cat));
    json_object_set_new(root, "mode", json_string(c->versions ? "versions" : "vendors"));
    for (size_t v = 0; v < c->n; v++) {
        json_array_append_new(vendors, json_pack("{s:o,s:o}", "name", text(c->docs[v]->name),
                                                 "path", text(c->docs[v]->path)));
        json_array_append_new(vsum, json_pack("{s:i,s:i,s:i,s:i,s:i}", "leads",
                                              (int)c->vendors[v].leads, "trails",
                                              (int)c->vendors[v].trails, "undisclosed",
                                              (int)c->vendors[v].undisclosed, "missing",
                                              (int)c->vendors[v].missing, "differs",
                                              (int)c->vendors[v].differs));
    }
    for (size_t k = 0; k < c->cat->ncategories; k++) {
        size_t total = 0;
        for (size_t i = 0; i < c->nitems; i++)
            total += c->cat->items[i].category == (int)k;
        json_array_append_new(cats, json_pack("{s:s,s:s,s:s,s:i,s:i}", "id", c->cat->categories[k].id,
                                              "ja", c->cat->categories[k].label.ja, "en",
                                              c->cat->categories[k].label.en, "items", (int)total,
                                              "differ", (int)c->category_differs[k]));
    }
    for (size_t i = 0; i < c->nitems; i++) {
        const slc_cmp_item *ci = &c->items[i];
        const slc_cat_item *it = &c->cat->items[i];
        /* as on the terminal: vendors, the items that differ; versions,
         * every change (a change of wording too) */
        if ((show && !show[i]) ||
            (!all && (c->versions ? ci->verdict == SLC_CMP_SAME : ci->verdict < SLC_CMP_DIFFERS)))
            continue;
        json_t *o = json_object(), *better = json_array(), *worse = json_array(), *ans = json_array();
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
                continue;
            }
            slc_buf_clear(&d);
            slc_standing_describe(it, &ci->standing[v], &d);
            json_array_append_new(ans, json_pack("{s:o,s:o,s:i,s:o,s:b}", "text",
                                                 text(a->cell[SLC_ROLE_ANSWER] ? a->cell[SLC_ROLE_ANSWER] : ""),
                                                 "remarks", text(a->cell[SLC_ROLE_REMARKS] ? a->cell[SLC_ROLE_REMARKS] : ""),
                                                 "line", (int)a->line, "standing", text(d.data ? d.data : ""),
                                                 "undisclosed", ci->standing[v].undisclosed));
        }
        json_object_set_new(o, "better", better);
        json_object_set_new(o, "worse", worse);
        json_object_set_new(o, "answers", ans);
        if (c->versions)
            json_object_set_new(o, "weakened", json_boolean(ci->weakened));
        json_array_append_new(items, o);
        if (c->versions && c->n == 2 && ci->answers[0] && ci->answers[1] &&
            ci->verdict != SLC_CMP_SAME) {
            diff_collect dc = {json_array()};
            slc_diff_words(ci->answers[0]->cell[SLC_ROLE_ANSWER], ci->answers[1]->cell[SLC_ROLE_ANSWER],
                           collect_diff, &dc);
            slc_buf_clear(&d);
            slc_standing_describe(it, &ci->standing[0], &d);
            json_t *from = text(d.data ? d.data : "");
            slc_buf_clear(&d);
            slc_standing_describe(it, &ci->standing[1], &d);
            json_array_append_new(changes, json_pack("{s:i,s:b,s:o,s:o,s:o}", "no", it->no, "weakened",
                                                     ci->weakened, "from", from, "to",
                                                     text(d.data ? d.data : ""), "diff", dc.arr));
        }
    }
    json_object_set_new(root, "vendors", vendors);
    json_object_set_new(root, "summary", json_pack("{s:o,s:o}", "categories", cats, "vendors", vsum));
    json_object_set_new(root, "items", items);
    json_object_set_new(root, "changes", changes);
    slc_buf_release(&d);
    return root;
}

void slc_json_comparison(const slc_comparison *c, const unsigned char *show, int all,
                         slc_buf *out)
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
    json_object_set_new(root, "tool", json_pack("{s:s,s:s}", "name", "slacheck",
                                                "version", SLC_VERSION));
    json_object_set_new(root, "kind", json_string("export"));
    json_object_set_new(root, "title", text(x->title));
    json_object_set_new(root, "lang", json_string(x->lang == SLC_LANG_JA ? "ja" : "en"));
    json_object_set_new(root, "checklist", checklist_object(x->cat));
    for (size_t v = 0; v < x->n; v++) {
        if (!x->comparison_only)
            json_array_append_new(files, file_object(x->docs[v], x->lang, counts));
        json_t *cats = json_array();
        for (size_t k = 0; k < x->cat->ncategories; k++) {
            const slc_export_stats *st = slc_export_stat(x, v, k);
            json_t *o = json_pack("{s:s,s:i,s:i,s:i,s:i,s:i,s:i}", "id", x->cat->categories[k].id,
                                  "items", (int)st->items, "answered", (int)st->answered,
                                  "yes", (int)st->yes, "no", (int)st->no, "undisclosed",
                                  (int)st->undisclosed, "missing", (int)st->missing);
            if (x->docs[v]->profile)
                json_object_update_new(o, json_pack("{s:i,s:i}", "requirements", (int)st->req_total,
                                                    "requirements_met", (int)st->req_met));
            json_array_append_new(cats, o);
        }
        json_array_append_new(standing, json_pack("{s:o,s:o}", "vendor", text(x->docs[v]->name),
                                                  "categories", cats));
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
    slc_status rc = out.len ? slc_export_save(&out, path, err)
                            : slc_error_set(err, SLC_ERR_INTERNAL, path, 0, -1, "JSON could not be written");
    slc_buf_release(&out);
    return rc;
}

void slc_json_catalog(const slc_catalog *cat, slc_buf *out)
{
    json_t *root = json_object(), *items = json_array(), *sections = json_array();
    json_object_set_new(root, "version", json_integer(SLC_JSON_VERSION));
    json_object_set_new(root, "id", json_string(cat->id));
    json_object_set_new(root, "path", text(cat->path));
    json_object_set_new(root, "title", json_pack("{s:s,s:s}", "ja", cat->title.ja, "en", cat->title.en));
    for (size_t s = 0; s < cat->nsections; s++) {
        json_t *cats = json_array();
        for (size_t c = 0; c < cat->ncategories; c++)
            if (cat->categories[c].section == (int)s)
                json_array_append_new(cats, json_pack("{s:s,s:s,s:s}", "id", cat->categories[c].id,
                                                      "ja", cat->categories[c].label.ja,
                                                      "en", cat->categories[c].label.en));
        json_array_append_new(sections, json_pack("{s:s,s:s,s:s,s:o}", "id", cat->sections[s].id,
                                                  "ja", cat->sections[s].label.ja,
                                                  "en", cat->sections[s].label.en,
                                                  "categories", cats));
    }
    for (size_t i = 0; i < cat->nitems; i++) {
        const slc_cat_item *it = &cat->items[i];
        json_t *aliases = json_array(), *ualiases = json_array();
        for (size_t k = 0; k < it->naliases; k++)
            json_array_append_new(aliases, text(it->aliases[k]));
        for (size_t k = 0; k < it->nunit_aliases; k++)
            json_array_append_new(ualiases, text(it->unit_aliases[k]));
        json_t *o = json_object();
        json_object_set_new(o, "no", json_integer(it->no));
        json_object_set_new(o, "id", json_string(it->id));
        json_object_set_new(o, "section", json_string(cat->sections[it->section].id));
        json_object_set_new(o, "category", json_string(cat->categories[it->category].id));
        json_object_set_new(o, "name", json_pack("{s:s,s:s}", "ja", it->name.ja, "en", it->name.en));
        json_object_set_new(o, "aliases", aliases);
        json_object_set_new(o, "definition", json_pack("{s:s,s:s}", "ja", it->definition.ja,
                                                        "en", it->definition.en));
        json_object_set_new(o, "unit", json_pack("{s:s,s:s}", "ja", it->unit.ja, "en", it->unit.en));
        json_object_set_new(o, "unit_aliases", ualiases);
        json_object_set_new(o, "kind", json_string(slc_kind_id(it->kind)));
        json_object_set_new(o, "better", json_string(slc_better_id(it->better)));
        json_array_append_new(items, o);
    }
    json_object_set_new(root, "sections", sections);
    json_object_set_new(root, "items", items);
    dump(root, out);
    json_decref(root);
}

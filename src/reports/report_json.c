/* report_json.c - the validate report as JSON (validate --format json). */
#include "report_json.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "json_write.h"
#include "profile.h"
#include "rules.h"
#include "report.h"
#include "version.h"

/* The report is written as it goes, one file at a time, so memory stays
 * flat over a batch: jansson writes each piece; the envelope around the
 * "files" array is written member by member (slc_json_dump_member) up to
 * the array's opening bracket. */
struct slc_json_report {
    const slc_catalog *cat;
    slc_lang lang;
    slc_buf *out;
    size_t nfiles;
    size_t counts[3];
    size_t unreadable;
};

/* short names for the shared helpers (json_write.h) */
static json_t *text(const char *s)
{
    return slc_json_text(s);
}

slc_json_report *slc_json_report_new(const slc_catalog *cat, slc_lang lang, slc_buf *out)
{
    slc_json_report *r = slc_xcalloc(1, sizeof(*r));
    r->cat = cat;
    r->lang = lang;
    r->out = out;
    slc_buf_adds(out, "{\n  ");
    slc_json_dump_member("version", json_integer(SLC_JSON_VERSION), 2, out);
    slc_buf_adds(out, ",\n  ");
    slc_json_dump_member("tool", json_pack("{s:s,s:s}", "name", "slacheck", "version", SLC_VERSION),
                         2, out);
    slc_buf_adds(out, ",\n  ");
    slc_json_dump_member("checklist", slc_json_checklist(cat), 2, out);
    slc_buf_adds(out, ",\n  \"files\": [");
    return r;
}

static void emit_file(slc_json_report *r, json_t *f)
{
    slc_buf_adds(r->out, r->nfiles++ ? ",\n" : "\n");
    slc_json_dump_indented(f, 4, r->out);
    json_decref(f);
}

void slc_json_report_free(slc_json_report *r)
{
    free(r);
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
        json_object_set_new(q, "level",
                            json_string(x->req->level == SLC_LEVEL_MUST ? "must" : "should"));
        json_object_set_new(q, "weight", json_real(x->req->weight));
        json_object_set_new(q, "requirement", text(d.data ? d.data : ""));
        json_object_set_new(q, "status", json_string(slc_verdict_id(x->verdict)));
        json_object_set_new(q, "reason", x->reason ? json_string(x->reason) : json_null());
        json_object_set_new(q, "evidence", text(x->evidence));
        json_object_set_new(q, "line", x->line ? json_integer(x->line) : json_null());
        json_object_set_new(q, "same_as",
                            x->same_as_item ? json_pack("{s:i,s:i}", "item", x->same_as_item,
                                                        "line", (int)x->same_as_line)
                                            : json_null());
        json_array_append_new(reqs, q);
    }
    json_object_set_new(o, "requirements", reqs);
    slc_buf_release(&d);
    return o;
}

/* one file's object in a report: what was found, the findings, the profile */
json_t *slc_json_report_file(const slc_doc *doc, slc_lang lang, size_t counts[3])
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
        if (fd->role)
            json_object_set_new(o, "cell", json_string(slc_role_id(fd->role)));
        if (fd->rule == SLC_RULE_UNDECODABLE_TEXT && fd->count)
            json_object_set_new(o, "sequences", json_integer(fd->count));
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
    json_object_set_new(f, "meta", slc_json_meta(doc));
    json_object_set_new(f, "header_line",
                        doc->header_line ? json_integer(doc->header_line) : json_null());
    json_object_set_new(f, "items_found", json_integer((json_int_t)found));
    json_object_set_new(f, "items_expected", json_integer((json_int_t)doc->cat->nitems));
    json_object_set_new(f, "missing", missing);
    json_object_set_new(f, "duplicates", dups);
    json_object_set_new(f, "unknown", unknown);
    json_object_set_new(f, "counts",
                        json_pack("{s:i,s:i,s:i}", "error", (int)counts[2], "warning",
                                  (int)counts[1], "info", (int)counts[0]));
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
    json_t *f = slc_json_report_file(doc, r->lang, counts);
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
    json_t *summary =
        json_pack("{s:i,s:i,s:i,s:i,s:i,s:i}", "files", (int)r->nfiles, "unreadable",
                  (int)r->unreadable, "errors", (int)r->counts[2], "warnings", (int)r->counts[1],
                  "info", (int)r->counts[0], "exit_code", exit_code);
    slc_buf_adds(r->out, r->nfiles ? "\n  ],\n  " : "],\n  ");
    slc_json_dump_member("summary", summary, 2, r->out);
    slc_buf_adds(r->out, "\n}\n");
}

typedef struct json_report {
    slc_report base;
    slc_json_report *report;
} json_report;

static void jreport_doc(slc_report *s, const slc_doc *doc)
{
    slc_json_report_add_doc(((json_report *)s)->report, doc);
}

static void jreport_error(slc_report *s, const slc_error *err)
{
    slc_json_report_add_error(((json_report *)s)->report, err);
}

static void jreport_finish(slc_report *s, int exit_code)
{
    slc_json_report_finish(((json_report *)s)->report, exit_code, &s->out);
}

static void jreport_release(slc_report *s)
{
    slc_json_report_free(((json_report *)s)->report);
}

static const slc_report_ops json_ops = {jreport_doc, jreport_error, jreport_finish,
                                        jreport_release};

slc_report *slc_report_json_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on)
{
    json_report *s = slc_xcalloc(1, sizeof(*s));
    slc_report_init(&s->base, &json_ops, cat, lang, fail_on);
    s->report = slc_json_report_new(cat, lang, &s->base.out);
    s->base.streams = 1;
    return &s->base;
}

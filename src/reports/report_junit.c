/* report_junit.c - JUnit XML for CI test dashboards (libxml2 builds and
 * escapes it): a testsuite per file, a testcase per checklist item, a
 * failure for findings at or above --fail-on, an error for unreadable files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "rules.h"
#include "report.h"
#include "term_text.h"
#include "report_junit.h"

typedef struct junit_report {
    slc_report base;
    xmlDoc *doc;
    xmlNode *root;
    long tests, failures, errors;
} junit_report;

static void set_long(xmlNode *n, const char *name, long v)
{
    char b[32];
    snprintf(b, sizeof(b), "%ld", v);
    xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)b);
}

/* Vendor text in a CI dashboard, as in a CI log (term_text.h): controls
 * shown, never written raw, so no character XML 1.0 forbids (a form feed,
 * ESC from XLSX or JSON) makes the report unreadable. */
static void set(xmlNode *n, const char *name, const char *v)
{
    slc_buf clean;
    slc_buf_init(&clean);
    slc_term_text_adds(&clean, v ? v : "", 0);
    xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)(clean.data ? clean.data : ""));
    slc_buf_release(&clean);
}

/* an element holding lines of text (line breaks kept) */
static xmlNode *text_child(xmlNode *parent, const char *name, const char *v)
{
    slc_buf clean;
    slc_buf_init(&clean);
    slc_term_text_adds(&clean, v ? v : "", SLC_TERM_KEEP_LF);
    xmlNode *n = xmlNewTextChild(parent, NULL, (const xmlChar *)name,
                                 (const xmlChar *)(clean.data ? clean.data : ""));
    slc_buf_release(&clean);
    return n;
}

static xmlNode *child(xmlNode *parent, const char *name)
{
    return xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
}

/* one testcase: findings about `item` (0: about the file) */
static long testcase(junit_report *s, const slc_doc *doc, xmlNode *suite, int item,
                     const char *name)
{
    xmlNode *tc = child(suite, "testcase");
    set(tc, "classname", doc->path);
    set(tc, "name", name);
    slc_buf fail, info, msg;
    slc_buf_init(&fail);
    slc_buf_init(&info);
    slc_buf_init(&msg);
    const char *first_rule = NULL, *first_msg = NULL;
    for (size_t i = 0; i < doc->nfindings; i++) {
        const slc_finding *f = &doc->findings[i];
        if (f->item != item || (item == 0 && f->item))
            continue;
        slc_buf_clear(&msg);
        slc_finding_message(&msg, doc, f, s->base.lang);
        slc_buf *to = f->severity >= s->base.fail_on ? &fail : &info;
        if (f->line)
            slc_buf_addf(to, "%s:%ld: ", doc->path, f->line);
        slc_buf_addf(to, "%s: [%s] %s\n", slc_severity_id(f->severity), slc_finding_rule_id(f),
                     msg.data ? msg.data : "");
        if (to == &fail && !first_rule) {
            first_rule = slc_finding_rule_id(f);
            first_msg = slc_arena_strdup((slc_arena *)&doc->arena, msg.data ? msg.data : "");
        }
    }
    long failed = 0;
    if (fail.len) {
        xmlNode *fn = text_child(tc, "failure", fail.data);
        set(fn, "type", first_rule);
        set(fn, "message", first_msg);
        failed = 1;
    }
    if (info.len)
        text_child(tc, "system-out", info.data);
    slc_buf_release(&fail);
    slc_buf_release(&info);
    slc_buf_release(&msg);
    return failed;
}

static void junit_doc(slc_report *sk, const slc_doc *doc)
{
    junit_report *s = (junit_report *)sk;
    xmlNode *suite = child(s->root, "testsuite");
    set(suite, "name", doc->path);
    xmlNode *props = child(suite, "properties");
    xmlNode *p = child(props, "property");
    set(p, "name", "vendor");
    set(p, "value", doc->name);
    p = child(props, "property");
    set(p, "name", "encoding");
    set(p, "value", doc->encoding);
    long tests = 1, failures = testcase(s, doc, suite, 0, "file");
    char name[600];
    for (size_t i = 0; i < doc->cat->nitems; i++) {
        const slc_cat_item *it = &doc->cat->items[i];
        snprintf(name, sizeof(name), "item %02d %s", it->no, slc_label_get(&it->name, sk->lang));
        failures += testcase(s, doc, suite, it->no, name);
        tests++;
    }
    set_long(suite, "tests", tests);
    set_long(suite, "failures", failures);
    set_long(suite, "errors", 0);
    set_long(suite, "skipped", 0);
    s->tests += tests;
    s->failures += failures;
}

static void junit_error(slc_report *sk, const slc_error *err)
{
    junit_report *s = (junit_report *)sk;
    xmlNode *suite = child(s->root, "testsuite");
    set(suite, "name", err->path);
    set_long(suite, "tests", 1);
    set_long(suite, "failures", 0);
    set_long(suite, "errors", 1);
    set_long(suite, "skipped", 0);
    xmlNode *tc = child(suite, "testcase");
    set(tc, "classname", err->path);
    set(tc, "name", "read");
    slc_buf detail;
    slc_buf_init(&detail);
    slc_buf_adds(&detail, err->path);
    if (err->line > 0)
        slc_buf_addf(&detail, ":%ld", err->line);
    slc_buf_addf(&detail, ": %s", slc_strerror(err->status, sk->lang));
    if (err->detail[0])
        slc_buf_addf(&detail, " (%s)", err->detail);
    if (err->offset >= 0)
        slc_buf_addf(&detail, " @%lld", err->offset);
    xmlNode *e = text_child(tc, "error", detail.data);
    slc_buf_release(&detail);
    set(e, "type", slc_status_id(err->status));
    set(e, "message", slc_strerror(err->status, sk->lang));
    s->tests++;
    s->errors++;
}

static void junit_finish(slc_report *sk, int exit_code)
{
    junit_report *s = (junit_report *)sk;
    (void)exit_code;
    set_long(s->root, "tests", s->tests);
    set_long(s->root, "failures", s->failures);
    set_long(s->root, "errors", s->errors);
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpFormatMemoryEnc(s->doc, &mem, &len, "UTF-8", 1);
    if (mem)
        slc_buf_add(&sk->out, mem, (size_t)len);
    xmlFree(mem);
}

static void junit_release(slc_report *sk)
{
    xmlFreeDoc(((junit_report *)sk)->doc);
}

static const slc_report_ops junit_ops = {junit_doc, junit_error, junit_finish, junit_release};

slc_report *slc_report_junit_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on)
{
    junit_report *s = slc_xcalloc(1, sizeof(*s));
    slc_report_init(&s->base, &junit_ops, cat, lang, fail_on);
    s->doc = xmlNewDoc((const xmlChar *)"1.0");
    s->root = xmlNewNode(NULL, (const xmlChar *)"testsuites");
    xmlDocSetRootElement(s->doc, s->root);
    set(s->root, "name", "slacheck");
    return &s->base;
}

/* report_codequality.c - GitLab Code Quality JSON (jansson), written at
 * the end: an array of issues, one per finding and per unreadable file. */
#include "report_codequality.h"

#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "json_write.h"
#include "rules.h"
#include "sha256.h"
#include "term_text.h"

typedef struct codequality_report {
    slc_report base;
    json_t *issues;
    json_t *seen; /* fingerprint -> true: each one given once */
} codequality_report;

static const char *cq_severity(slc_severity s)
{
    return s == SLC_SEV_ERROR ? "major" : s == SLC_SEV_WARNING ? "minor" : "info";
}

/* The fingerprint: SHA-256 of what the issue is about (path, rule, item and,
 * for a finding about no item, what was found), never its line, so an issue
 * keeps its fingerprint when lines move and GitLab can tell new issues from
 * old ones. The same key again in one report (two identical findings) is
 * told apart by its occurrence number. */
static void fingerprint(codequality_report *s, const char *path, const char *rule, int item,
                        const char *found, char out[33])
{
    slc_buf key;
    slc_buf_init(&key);
    for (int n = 0;; n++) {
        slc_buf_clear(&key);
        slc_buf_addf(&key, "slacheck/codequality/v1");
        slc_buf_addc(&key, '\0');
        slc_buf_adds(&key, path);
        slc_buf_addc(&key, '\0');
        slc_buf_adds(&key, rule);
        slc_buf_addf(&key, "%c%d%c", '\0', item, '\0');
        if (found)
            slc_buf_adds(&key, found);
        if (n)
            slc_buf_addf(&key, "%c#%d", '\0', n);
        unsigned char d[SLC_SHA256_LEN];
        slc_sha256(key.data, key.len, d);
        for (int i = 0; i < 16; i++)
            snprintf(out + 2 * i, 3, "%02x", d[i]);
        if (!json_object_get(s->seen, out))
            break;
    }
    json_object_set_new(s->seen, out, json_true());
    slc_buf_release(&key);
}

/* Vendor text goes to a merge request page: controls shown, never raw. */
static void add_issue(codequality_report *s, const char *path, const char *check,
                      const char *severity, const char *message, long line, const char *fp)
{
    slc_buf clean;
    slc_buf_init(&clean);
    slc_term_text_adds(&clean, message ? message : "", 0);
    json_array_append_new(s->issues, json_pack("{s:o,s:s,s:s,s:s,s:{s:o,s:{s:i}}}", "description",
                                               slc_json_text(clean.data ? clean.data : ""),
                                               "check_name", check, "fingerprint", fp, "severity",
                                               severity, "location", "path", slc_json_text(path),
                                               "lines", "begin", (int)(line > 0 ? line : 1)));
    slc_buf_release(&clean);
}

static void codequality_doc(slc_report *sk, const slc_doc *doc)
{
    codequality_report *s = (codequality_report *)sk;
    slc_buf msg;
    slc_buf_init(&msg);
    for (size_t i = 0; i < doc->nfindings; i++) {
        const slc_finding *f = &doc->findings[i];
        const char *id = slc_finding_rule_id(f);
        char fp[33];
        fingerprint(s, doc->path, id, f->item, f->item ? NULL : f->found, fp);
        slc_buf_clear(&msg);
        slc_finding_message(&msg, doc, f, sk->lang);
        add_issue(s, doc->path, id, cq_severity(f->severity), msg.data, f->line, fp);
    }
    slc_buf_release(&msg);
}

static void codequality_error(slc_report *sk, const slc_error *err)
{
    codequality_report *s = (codequality_report *)sk;
    slc_buf msg;
    slc_buf_init(&msg);
    slc_buf_adds(&msg, slc_strerror(err->status, sk->lang));
    if (err->detail[0])
        slc_buf_addf(&msg, " - %s", err->detail);
    if (err->offset >= 0)
        slc_buf_addf(&msg,
                     sk->lang == SLC_LANG_JA ? "（バイトオフセット %lld）" : " (byte offset %lld)",
                     err->offset);
    char fp[33];
    fingerprint(s, err->path, slc_status_id(err->status), 0, NULL, fp);
    add_issue(s, err->path, slc_status_id(err->status), "blocker", msg.data, err->line, fp);
    slc_buf_release(&msg);
}

static void codequality_finish(slc_report *sk, int exit_code)
{
    (void)exit_code;
    slc_json_dump(((codequality_report *)sk)->issues, &sk->out);
}

static void codequality_release(slc_report *sk)
{
    codequality_report *s = (codequality_report *)sk;
    json_decref(s->issues);
    json_decref(s->seen);
}

static const slc_report_ops codequality_ops = {codequality_doc, codequality_error,
                                               codequality_finish, codequality_release};

slc_report *slc_report_codequality_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on)
{
    codequality_report *s = slc_xcalloc(1, sizeof(*s));
    slc_report_init(&s->base, &codequality_ops, cat, lang, fail_on);
    s->issues = json_array();
    s->seen = json_object();
    return &s->base;
}

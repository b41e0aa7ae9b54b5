/* report_sarif.c - SARIF 2.1.0 for code scanning dashboards (jansson). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "rules.h"
#include "report.h"
#include "version.h"
#include "report_sarif.h"

typedef struct sarif_report {
    slc_report base;
    json_t *results, *artifacts, *notifications, *rules;
    int failed;
} sarif_report;

static const char *level(slc_severity s)
{
    return s == SLC_SEV_ERROR ? "error" : s == SLC_SEV_WARNING ? "warning" : "note";
}

/* a path as a URI reference: unreserved bytes and '/' kept, the rest
 * percent-encoded; an absolute path becomes a file:// URI */
static json_t *uri(const char *path)
{
    slc_buf b;
    slc_buf_init(&b);
    if (path[0] == '/')
        slc_buf_adds(&b, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            slc_buf_addc(&b, (char)*p);
        else
            slc_buf_addf(&b, "%%%02X", *p);
    }
    json_t *j = json_string(b.data ? b.data : "");
    slc_buf_release(&b);
    return j;
}

static json_t *text(const char *s)
{
    json_t *j = json_string(s ? s : "");
    return j ? j : json_string("?");
}

/* A rule descriptor: shortDescription the summary, fullDescription the
 * summary and what to do, help what to do (the rules table's help column).
 * "missing-item" -> "MissingItem": SARIF wants a name apart from the id. */
static json_t *rule_object(const char *id, const char *summary, const char *help, slc_severity sev)
{
    char name[128];
    size_t k = 0;
    int up = 1;
    for (const char *p = id; *p && k + 1 < sizeof(name); p++) {
        if (*p == '-' || *p == '_') {
            up = 1;
            continue;
        }
        name[k++] = up && *p >= 'a' && *p <= 'z' ? (char)(*p - 32) : *p;
        up = 0;
    }
    name[k] = '\0';
    if (!strchr(id, '-') && k + 5 < sizeof(name)) /* one word: keep the name apart */
        memcpy(name + k, "Rule", 5);
    slc_buf full;
    slc_buf_init(&full);
    slc_buf_adds(&full, summary ? summary : "");
    if (help && summary && strcmp(help, summary)) {
        size_t n = strlen(summary); /* no space after a Japanese full stop */
        if (n < 3 || strcmp(summary + n - 3, "。"))
            slc_buf_addc(&full, ' ');
        slc_buf_adds(&full, help);
    }
    json_t *r = json_pack("{s:s,s:s,s:{s:o},s:{s:o},s:{s:o},s:{s:s}}", "id", id, "name", name,
                          "shortDescription", "text", text(summary), "fullDescription", "text",
                          text(full.data), "help", "text", text(help), "defaultConfiguration",
                          "level", level(sev));
    slc_buf_release(&full);
    return r;
}

/* rules: the table (but the generic "consistency"), then the checklist's */
static void add_rules(sarif_report *s)
{
    int ja = s->base.lang == SLC_LANG_JA;
    for (int r = 0; r < SLC_RULE_N; r++) {
        if (r == SLC_RULE_CONSISTENCY)
            continue;
        const slc_rule_info *ri = slc_rule_get((slc_rule)r);
        json_array_append_new(s->rules, rule_object(ri->id, ja ? ri->summary_ja : ri->summary_en,
                                                    ja ? ri->help_ja : ri->help_en, ri->severity));
    }
    for (size_t i = 0; i < s->base.cat->nrules; i++) {
        const slc_cross_rule *x = &s->base.cat->rules[i];
        const slc_rule_info *ri = slc_rule_get(SLC_RULE_CONSISTENCY);
        json_array_append_new(s->rules, rule_object(x->id, slc_label_get(&x->message, s->base.lang),
                                                    ja ? ri->help_ja : ri->help_en, x->severity));
    }
}

static int rule_index(sarif_report *s, const char *id)
{
    for (size_t i = 0; i < json_array_size(s->rules); i++)
        if (!strcmp(json_string_value(json_object_get(json_array_get(s->rules, i), "id")), id))
            return (int)i;
    return -1;
}

static unsigned long long fnv(const char *s, unsigned long long h)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static void sarif_doc(slc_report *sk, const slc_doc *doc)
{
    sarif_report *s = (sarif_report *)sk;
    slc_buf msg;
    slc_buf_init(&msg);
    size_t art = json_array_size(s->artifacts);
    json_array_append_new(s->artifacts,
                          json_pack("{s:{s:o},s:s}", "location", "uri", uri(doc->path), "encoding",
                                    doc->encoding ? doc->encoding : "UTF-8"));
    for (size_t i = 0; i < doc->nfindings; i++) {
        const slc_finding *f = &doc->findings[i];
        const char *id = slc_finding_rule_id(f);
        slc_buf_clear(&msg);
        slc_finding_message(&msg, doc, f, sk->lang);
        json_t *phys = json_pack("{s:{s:o,s:i}}", "artifactLocation", "uri", uri(doc->path),
                                 "index", (int)art);
        /* a finding about the whole file (a missing item) points at its start */
        json_object_set_new(phys, "region",
                            json_pack("{s:i,s:i}", "startLine", (int)(f->line ? f->line : 1),
                                      "startColumn", (int)(f->column ? f->column : 1)));
        json_t *loc = json_pack("{s:o}", "physicalLocation", phys);
        if (f->item) {
            char name[32];
            snprintf(name, sizeof(name), "item/%d", f->item);
            json_object_set_new(loc, "logicalLocations",
                                json_pack("[{s:s,s:s}]", "name", name, "kind", "member"));
        }
        /* stable across runs and line moves: rule, item, and what was found */
        char item[16], fp[32];
        snprintf(item, sizeof(item), "|%d|", f->item);
        unsigned long long h = fnv(id, 1469598103934665603ULL);
        h = fnv(item, h);
        if (!f->item && f->found)
            h = fnv(f->found, h);
        snprintf(fp, sizeof(fp), "%016llx", h);
        json_t *res = json_pack("{s:s,s:i,s:s,s:{s:o},s:[o],s:{s:s}}", "ruleId", id, "ruleIndex",
                                rule_index(s, id), "level", level(f->severity), "message", "text",
                                text(msg.data), "locations", loc, "partialFingerprints",
                                "slacheckFinding/v1", fp);
        json_array_append_new(s->results, res);
    }
    slc_buf_release(&msg);
}

static void sarif_error(slc_report *sk, const slc_error *err)
{
    sarif_report *s = (sarif_report *)sk;
    slc_buf mb;
    slc_buf_init(&mb);
    slc_buf_addf(&mb, "%s: %s%s%s", err->path, slc_strerror(err->status, sk->lang),
                 err->detail[0] ? " - " : "", err->detail);
    const char *msg = mb.data;
    json_t *loc =
        json_pack("{s:{s:{s:o}}}", "physicalLocation", "artifactLocation", "uri", uri(err->path));
    if (err->line > 0)
        json_object_set_new(json_object_get(loc, "physicalLocation"), "region",
                            json_pack("{s:i}", "startLine", (int)err->line));
    json_array_append_new(s->notifications,
                          json_pack("{s:s,s:{s:o},s:[o],s:{s:s}}", "level", "error", "message",
                                    "text", text(msg), "locations", loc, "descriptor", "id",
                                    slc_status_id(err->status)));
    slc_buf_release(&mb);
    s->failed = 1;
}

static void sarif_finish(slc_report *sk, int exit_code)
{
    sarif_report *s = (sarif_report *)sk;
    (void)exit_code;
    /* no informationUri: slacheck has no public home page to point at */
    json_t *driver = json_pack("{s:s,s:s,s:s,s:O}", "name", "slacheck", "version", SLC_VERSION,
                               "semanticVersion", SLC_VERSION, "rules", s->rules);
    json_t *inv = json_pack("{s:b,s:O}", "executionSuccessful", !s->failed,
                            "toolExecutionNotifications", s->notifications);
    json_t *run = json_pack("{s:{s:o},s:O,s:O,s:s,s:[o]}", "tool", "driver", driver, "artifacts",
                            s->artifacts, "results", s->results, "columnKind", "unicodeCodePoints",
                            "invocations", inv);
    json_t *root =
        json_pack("{s:s,s:s,s:[o]}", "$schema", "https://json.schemastore.org/sarif-2.1.0.json",
                  "version", "2.1.0", "runs", run);
    char *d = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (d) {
        slc_buf_adds(&sk->out, d);
        slc_buf_addc(&sk->out, '\n');
        free(d);
    }
    json_decref(root);
}

static void sarif_release(slc_report *sk)
{
    sarif_report *s = (sarif_report *)sk;
    json_decref(s->results);
    json_decref(s->artifacts);
    json_decref(s->notifications);
    json_decref(s->rules);
}

static const slc_report_ops sarif_ops = {sarif_doc, sarif_error, sarif_finish, sarif_release};

slc_report *slc_report_sarif_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on)
{
    sarif_report *s = slc_xcalloc(1, sizeof(*s));
    slc_report_init(&s->base, &sarif_ops, cat, lang, fail_on);
    s->results = json_array();
    s->artifacts = json_array();
    s->notifications = json_array();
    s->rules = json_array();
    add_rules(s);
    return &s->base;
}

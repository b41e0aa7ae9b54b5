/* sink.c - the report formats behind one interface; text and GitHub here. */
#include "sink.h"

#include <stdlib.h>
#include <string.h>

#include "report_text.h"

void slc_sink_init(slc_sink *s, const slc_sink_ops *ops, const slc_catalog *cat,
                   slc_lang lang, slc_severity fail_on)
{
    memset(s, 0, sizeof(*s));
    s->ops = ops;
    s->cat = cat;
    s->lang = lang;
    s->fail_on = fail_on;
    slc_buf_init(&s->out);
}

void slc_sink_free(slc_sink *s)
{
    if (!s)
        return;
    slc_buf_release(&s->out);
    if (s->ops->release)
        s->ops->release(s);
    free(s);
}

static void text_doc(slc_sink *s, const slc_doc *doc)
{
    slc_report_text(doc, s->lang, &s->out);
}

static void github_doc(slc_sink *s, const slc_doc *doc)
{
    slc_report_github(doc, s->lang, &s->out);
}

static void no_error(slc_sink *s, const slc_error *err)
{
    (void)s;
    (void)err;   /* unreadable files are reported on standard error */
}

static void no_finish(slc_sink *s, int exit_code)
{
    (void)s;
    (void)exit_code;
}

static const slc_sink_ops text_ops = {text_doc, no_error, no_finish, NULL};
static const slc_sink_ops github_ops = {github_doc, no_error, no_finish, NULL};

static const char *const formats[] = {"text", "json", "github", "sarif", "junit", "md"};

int slc_sink_known(const char *format)
{
    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
        if (!strcmp(format, formats[i]))
            return 1;
    return 0;
}

slc_sink *slc_sink_new(const char *format, const slc_catalog *cat, slc_lang lang,
                       slc_severity fail_on)
{
    if (!strcmp(format, "json"))
        return slc_sink_json_new(cat, lang, fail_on);
    if (!strcmp(format, "sarif"))
        return slc_sink_sarif_new(cat, lang, fail_on);
    if (!strcmp(format, "junit"))
        return slc_sink_junit_new(cat, lang, fail_on);
    if (!strcmp(format, "md"))
        return slc_sink_md_new(cat, lang, fail_on);
    const slc_sink_ops *ops = !strcmp(format, "text") ? &text_ops
                            : !strcmp(format, "github") ? &github_ops : NULL;
    if (!ops)
        return NULL;
    slc_sink *s = slc_xmalloc(sizeof(*s));
    slc_sink_init(s, ops, cat, lang, fail_on);
    s->streams = 1;
    return s;
}

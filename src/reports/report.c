/* report.c - the validate report formats behind one interface: choosing a
 * format by name; each format is in its own report_*.c. */
#include "report.h"

#include "report_codequality.h"
#include "report_text.h"
#include "report_github.h"
#include "report_json.h"
#include "report_sarif.h"
#include "report_junit.h"
#include "report_md.h"

#include <stdlib.h>
#include <string.h>

void slc_report_init(slc_report *s, const slc_report_ops *ops, const slc_catalog *cat,
                     slc_lang lang, slc_severity fail_on)
{
    memset(s, 0, sizeof(*s));
    s->ops = ops;
    s->cat = cat;
    s->lang = lang;
    s->fail_on = fail_on;
    slc_buf_init(&s->out);
}

void slc_report_free(slc_report *s)
{
    if (!s)
        return;
    slc_buf_release(&s->out);
    if (s->ops->release)
        s->ops->release(s);
    free(s);
}

void slc_report_no_error(slc_report *s, const slc_error *err)
{
    (void)s;
    (void)err; /* unreadable files are reported on standard error */
}

void slc_report_no_finish(slc_report *s, int exit_code)
{
    (void)s;
    (void)exit_code;
}

slc_report *slc_report_lines_new(const slc_report_ops *ops, const slc_catalog *cat, slc_lang lang,
                                 slc_severity fail_on)
{
    slc_report *s = slc_xmalloc(sizeof(*s));
    slc_report_init(s, ops, cat, lang, fail_on);
    s->streams = 1;
    return s;
}

/* The validate report formats: the one table the names come from. */
static const struct {
    const char *id;
    slc_report *(*make)(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);
} formats[] = {
    {"text", slc_report_text_new},
    {"json", slc_report_json_new},
    {"github", slc_report_github_new},
    {"sarif", slc_report_sarif_new},
    {"junit", slc_report_junit_new},
    {"md", slc_report_md_new},
    {"codequality", slc_report_codequality_new},
};

const char *slc_report_format_id(size_t i)
{
    return i < sizeof(formats) / sizeof(formats[0]) ? formats[i].id : NULL;
}

int slc_report_known(const char *format)
{
    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
        if (!strcmp(format, formats[i].id))
            return 1;
    return 0;
}

slc_report *slc_report_new(const char *format, const slc_catalog *cat, slc_lang lang,
                           slc_severity fail_on)
{
    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
        if (!strcmp(format, formats[i].id))
            return formats[i].make(cat, lang, fail_on);
    return NULL;
}

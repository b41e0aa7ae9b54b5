/* sink.c - the validate report formats behind one interface: choosing a
 * format by name; each format is in its own report_*.c. */
#include "sink.h"

#include <stdlib.h>
#include <string.h>

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

void slc_sink_no_error(slc_sink *s, const slc_error *err)
{
    (void)s;
    (void)err;   /* unreadable files are reported on standard error */
}

void slc_sink_no_finish(slc_sink *s, int exit_code)
{
    (void)s;
    (void)exit_code;
}

slc_sink *slc_sink_lines_new(const slc_sink_ops *ops, const slc_catalog *cat, slc_lang lang,
                             slc_severity fail_on)
{
    slc_sink *s = slc_xmalloc(sizeof(*s));
    slc_sink_init(s, ops, cat, lang, fail_on);
    s->streams = 1;
    return s;
}

/* The validate report formats: the one table the names come from. */
static const struct {
    const char *id;
    slc_sink *(*make)(const slc_catalog *cat, slc_lang lang, slc_severity fail_on);
} formats[] = {
    {"text", slc_sink_text_new},   {"json", slc_sink_json_new},   {"github", slc_sink_github_new},
    {"sarif", slc_sink_sarif_new}, {"junit", slc_sink_junit_new}, {"md", slc_sink_md_new},
};

int slc_sink_known(const char *format)
{
    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
        if (!strcmp(format, formats[i].id))
            return 1;
    return 0;
}

slc_sink *slc_sink_new(const char *format, const slc_catalog *cat, slc_lang lang,
                       slc_severity fail_on)
{
    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
        if (!strcmp(format, formats[i].id))
            return formats[i].make(cat, lang, fail_on);
    return NULL;
}

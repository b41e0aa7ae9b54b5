/* report_github.c - findings as GitHub Actions workflow commands
 * (validate --format github), which annotate the line in a pull request. */
#include "report_github.h"

#include "rules.h"
#include "report.h"
#include "term_text.h"

/* workflow command values escape %, CR, LF (and , : in properties) */
static void gh_escape(slc_buf *out, const char *text, int property)
{
    /* controls shown visibly first (CR and LF kept for the escapes below),
     * then the workflow command's own escapes */
    slc_buf shown;
    slc_buf_init(&shown);
    slc_term_text_adds(&shown, text, SLC_TERM_PASS_CR_LF);
    const char *s = shown.data ? shown.data : "";
    for (; *s; s++) {
        if (*s == '%')
            slc_buf_adds(out, "%25");
        else if (*s == '\r')
            slc_buf_adds(out, "%0D");
        else if (*s == '\n')
            slc_buf_adds(out, "%0A");
        else if (property && *s == ':')
            slc_buf_adds(out, "%3A");
        else if (property && *s == ',')
            slc_buf_adds(out, "%2C");
        else
            slc_buf_addc(out, *s);
    }
    slc_buf_release(&shown);
}

void slc_report_github(const slc_doc *doc, slc_lang lang, slc_buf *out)
{
    static const char *const level[] = {"notice", "warning", "error"};
    slc_buf msg;
    slc_buf_init(&msg);
    for (size_t i = 0; i < doc->nfindings; i++) {
        const slc_finding *f = &doc->findings[i];
        slc_buf_addf(out, "::%s file=", level[f->severity]);
        gh_escape(out, doc->path, 1);
        if (f->line)
            slc_buf_addf(out, ",line=%ld", f->line);
        slc_buf_adds(out, ",title=");
        gh_escape(out, slc_finding_rule_id(f), 1);
        slc_buf_adds(out, "::");
        slc_buf_clear(&msg);
        slc_finding_message(&msg, doc, f, lang);
        gh_escape(out, msg.data ? msg.data : "", 0);
        slc_buf_addc(out, '\n');
    }
    slc_buf_release(&msg);
}

static void github_doc(slc_report *s, const slc_doc *doc)
{
    slc_report_github(doc, s->lang, &s->out);
}

static const slc_report_ops github_ops = {github_doc, slc_report_no_error, slc_report_no_finish,
                                          NULL};

slc_report *slc_report_github_new(const slc_catalog *cat, slc_lang lang, slc_severity fail_on)
{
    return slc_report_lines_new(&github_ops, cat, lang, fail_on);
}

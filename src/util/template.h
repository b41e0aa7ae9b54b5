/* template.h - the look and wording of what slacheck writes for people
 * (templates/ in the source tree: the HTML report's stylesheet and script,
 * the reports' fixed wording in Japanese and English, the vendor template's
 * cover and instructions). The files are embedded at build time
 * (tools/embed.c --table) and may be overridden at run time from a folder
 * (--templates DIR): a file of the same name in DIR wins.
 *
 * Two kinds of file:
 *   - text used as it is (report.css, report.js): valid UTF-8, no NUL, and
 *     nothing that would end the element it goes into (</style, </script);
 *   - wording (NAME.ja.txt, NAME.en.txt): lines "key = value", "#" comments
 *     and blank lines; "\n" in a value is a line break. An override may
 *     only use the keys its built-in file has (a typo is an error, not a
 *     silently missing sentence) and may leave keys out (the built-in
 *     value is used).
 *
 * The override is read once, before any report is written, and then only
 * read: slc_template_get is safe from several threads. */
#ifndef SLC_TEMPLATE_H
#define SLC_TEMPLATE_H

#include <stddef.h>

#include "status.h"
#include "util.h"

typedef struct slc_template {
    const char *name; /* "report.css" */
    const char *data; /* NUL-terminated, valid UTF-8 */
    size_t len;
    const char *path; /* the override file it was read from, or NULL if built in */
} slc_template;

/* The embedded files (tools/embed.c --table writes them: build/gen/templates.c),
 * ending with a NULL name. */
extern const slc_template slc_templates_builtin[];

/* Largest override file read, in bytes. */
#define SLC_TEMPLATE_MAX_BYTES (1024 * 1024)

/* Reads every file of dir whose name is a template's and checks it (see
 * above); other files are an error too (a misspelt name would silently be
 * ignored), except names starting with "." or "README". On error nothing
 * is overridden and err names the file (and line): SLC_ERR_IO for a
 * folder or file that cannot be read, SLC_ERR_TEMPLATE for a file that
 * is not a valid template. dir NULL goes back to the built-in files. */
slc_status slc_templates_use_dir(const char *dir, slc_error *err);

/* The template in use by name ("report.css"), or NULL if there is none
 * of that name. Owned by the module: valid until slc_templates_use_dir
 * or slc_templates_release. */
const slc_template *slc_template_get(const char *name);

/* The value of key in the wording file name ("report.ja.txt"), with "\n"
 * turned into line breaks, appended to out: the override's if it has the
 * key, else the built-in one. Returns 1 if found, 0 if not. */
int slc_template_word(const char *name, const char *key, slc_buf *out);

/* Frees what slc_templates_use_dir read (back to the built-in files). */
void slc_templates_release(void);

#endif

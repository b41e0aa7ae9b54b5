/* md_tree.c - cmark tree helpers shared by the Markdown writers. */
#include "md_tree.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

static cmark_mem md_mem = {slc_xcalloc, slc_xrealloc, free};

cmark_mem *slc_md_mem(void)
{
    return &md_mem;
}

cmark_node *slc_md_node_new(cmark_node_type type)
{
    return cmark_node_new_with_mem(type, &md_mem);
}

cmark_node *slc_md_parse(const char *text, size_t len, int options)
{
    cmark_parser *p = cmark_parser_new_with_mem(options, &md_mem);
    cmark_parser_feed(p, text, len);
    cmark_node *doc = cmark_parser_finish(p);
    cmark_parser_free(p);
    return doc;
}

cmark_node *slc_md_add(cmark_node *parent, cmark_node_type type)
{
    cmark_node *n = slc_md_node_new(type);
    cmark_node_append_child(parent, n);
    return n;
}

void slc_md_add_text(cmark_node *parent, cmark_node_type type, const char *s)
{
    cmark_node_set_literal(slc_md_add(parent, type), s ? s : "");
}

cmark_node *slc_md_heading(cmark_node *parent, int level, const char *s)
{
    cmark_node *h = slc_md_add(parent, CMARK_NODE_HEADING);
    cmark_node_set_heading_level(h, level);
    if (s)
        slc_md_add_plain(h, s);
    return h;
}

cmark_node *slc_md_list(cmark_node *parent)
{
    cmark_node *list = slc_md_add(parent, CMARK_NODE_LIST);
    cmark_node_set_list_type(list, CMARK_BULLET_LIST);
    cmark_node_set_list_tight(list, 1);
    return list;
}

/* after s[k], GitHub's extended autolinks could begin a link: the "@" of
 * an e-mail address, the ":" of "://", the "www" of "www." */
static int link_point(const char *s, size_t k)
{
    return s[k] == '@' || (s[k] == ':' && !strncmp(s + k + 1, "//", 2)) ||
           (k >= 2 && !strncasecmp(s + k - 2, "www.", 4));
}

void slc_md_add_plain(cmark_node *parent, const char *s)
{
    if (!s)
        s = "";
    size_t start = 0;
    for (size_t k = 0; s[k]; k++) {
        if (!link_point(s, k))
            continue;
        char *part = slc_xstrndup(s + start, k + 1 - start);
        slc_md_add_text(parent, CMARK_NODE_TEXT, part);
        free(part);
        slc_md_add_text(parent, CMARK_NODE_HTML_INLINE, "<!-- -->");
        start = k + 1;
    }
    if (s[start] || !start)
        slc_md_add_text(parent, CMARK_NODE_TEXT, s + start);
}

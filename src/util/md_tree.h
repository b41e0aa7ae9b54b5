/* md_tree.h - building a cmark tree, for every Markdown slacheck writes
 * (the validate summary report_md.c, the report export_md.c, the template
 * author_md.c): cmark renders it and escapes the text nodes. */
#ifndef SLC_MD_TREE_H
#define SLC_MD_TREE_H

#include <cmark.h>

/* The allocator every cmark tree and parser of slacheck's uses: slc_xcalloc
 * and slc_xrealloc (util.h), which end the process when memory runs out, so
 * no Markdown output is ever silently truncated. Strings cmark renders from
 * these trees are freed with free(). */
cmark_mem *slc_md_mem(void);
/* A new node of `type`, not yet in a tree (cmark_node_free it, or append it) */
cmark_node *slc_md_node_new(cmark_node_type type);
/* A parsed document (cmark_parse_document with slc_md_mem): the caller
 * cmark_node_free()s it. */
cmark_node *slc_md_parse(const char *text, size_t len, int options);

/* A new node of `type` appended to parent. */
cmark_node *slc_md_add(cmark_node *parent, cmark_node_type type);
/* A new literal node (text, code, html ...) holding s ("" for NULL). */
void slc_md_add_text(cmark_node *parent, cmark_node_type type, const char *s);
/* A heading of `level` appended to parent, with text s if not NULL. */
cmark_node *slc_md_heading(cmark_node *parent, int level, const char *s);
/* A tight bullet list appended to parent. */
cmark_node *slc_md_list(cmark_node *parent);

/* Appends s as text that no Markdown reader turns into a link: an empty
 * HTML comment (shown as nothing) follows each place where GitHub's
 * extended autolinks would start one ("@", "://", "www."). */
void slc_md_add_plain(cmark_node *parent, const char *s);

#endif

/* md_tree.h - building a cmark tree, for every Markdown slacheck writes
 * (the validate summary report_md.c, the report export_md.c, the template
 * author_md.c): cmark renders it and escapes the text nodes. */
#ifndef SLC_MD_TREE_H
#define SLC_MD_TREE_H

#include <cmark.h>

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

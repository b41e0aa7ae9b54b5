/* md_tree.c - cmark tree helpers shared by the Markdown writers. */
#include "md_tree.h"

cmark_node *slc_md_add(cmark_node *parent, cmark_node_type type)
{
    cmark_node *n = cmark_node_new(type);
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
        slc_md_add_text(h, CMARK_NODE_TEXT, s);
    return h;
}

cmark_node *slc_md_list(cmark_node *parent)
{
    cmark_node *list = slc_md_add(parent, CMARK_NODE_LIST);
    cmark_node_set_list_type(list, CMARK_BULLET_LIST);
    cmark_node_set_list_tight(list, 1);
    return list;
}

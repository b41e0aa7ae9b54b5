/* xmlload.h - reading a definition file (checklist, profile) with libxml2:
 * no network, no DTD, no external entities; validated against a RELAX NG
 * schema compiled into slacheck; errors with file and line. */
#ifndef SLC_XMLLOAD_H
#define SLC_XMLLOAD_H

#include <stddef.h>

#include <libxml/tree.h>

#include "status.h"
#include "util.h"

typedef struct slc_xml_source {
    const char *path;         /* file to read, or NULL for mem */
    const unsigned char *mem; /* bytes when path is NULL */
    size_t memlen;
    const char *shown;        /* name in messages */
    const unsigned char *rng; /* schema, or NULL to skip validation */
    size_t rnglen;
    const char *rng_name; /* e.g. "schemas/profile.rng" */
} slc_xml_source;

/* Makes libxml2 allocate through slc_xmalloc (util.h), so no XML read or
 * written is ever silently cut short when memory runs out, and sets the
 * parser up. Call once, on one thread, before any other libxml2 call (the
 * CLI's main does). */
void slc_xml_init(void);

/* On success *out is the caller's (xmlFreeDoc). A file that cannot be
 * opened is SLC_ERR_IO; bad XML or a schema violation SLC_ERR_DEFINITION. */
slc_status slc_xml_load(const slc_xml_source *src, xmlDoc **out, slc_error *err);

/* Line of a node, for messages. */
long slc_xml_line(const xmlNode *n);

/* An attribute's value copied into the arena; NULL if absent. */
const char *slc_xml_attr(slc_arena *arena, xmlNode *n, const char *name);
/* An element's text copied into the arena. */
const char *slc_xml_text(slc_arena *arena, xmlNode *n);
/* 1 if n is an element with this name. */
int slc_xml_is(const xmlNode *n, const char *name);

#endif

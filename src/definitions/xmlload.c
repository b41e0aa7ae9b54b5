/* xmlload.c - safe, validated loading of definition files. */
#include "xmlload.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

void slc_xml_init(void)
{
    xmlMemSetup(free, slc_xmalloc, slc_xrealloc, slc_xstrdup);
    xmlInitParser();
}

typedef struct xml_errors {
    int count;
    int line;
    char msg[400];
} xml_errors;

static void on_xml_error(void *data, xmlErrorPtr e)
{
    xml_errors *xe = data;
    if (xe->count++ || !e)
        return;
    xe->line = e->line;
    snprintf(xe->msg, sizeof(xe->msg), "%s", e->message ? e->message : "XML error");
    size_t n = strlen(xe->msg);
    while (n && (xe->msg[n - 1] == '\n' || xe->msg[n - 1] == ' '))
        xe->msg[--n] = '\0';
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

long slc_xml_line(const xmlNode *n)
{
    return n ? xmlGetLineNo(n) : 0;
}

const char *slc_xml_attr(slc_arena *arena, xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    const char *r = slc_arena_strdup(arena, (const char *)v);
    xmlFree(v);
    return r;
}

const char *slc_xml_text(slc_arena *arena, xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    const char *r = slc_arena_strdup(arena, v ? (const char *)v : "");
    xmlFree(v);
    return r;
}

int slc_xml_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

slc_status slc_xml_load(const slc_xml_source *src, xmlDoc **out, slc_error *err)
{
    xmlDoc *doc = NULL;
    xmlRelaxNGParserCtxt *pctx = NULL;
    xmlRelaxNG *schema = NULL;
    xmlRelaxNGValidCtxt *vctx = NULL;
    xml_errors xe = {0, 0, ""};
    slc_status rc = SLC_OK;

    *out = NULL;
    xmlSetStructuredErrorFunc(&xe, on_xml_error);
    xmlSetGenericErrorFunc(NULL, silent);
    /* no network, no entity expansion, no DTD loading: an XML file can
     * neither reach out nor pull in other files (no XXE) */
    const int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    if (src->path) {
        FILE *probe = fopen(src->path, "rb");
        if (!probe) {
            rc = slc_error_set(err, SLC_ERR_IO, src->shown, 0, -1, "%s", strerror(errno));
            goto done;
        }
        fclose(probe);
        doc = xmlReadFile(src->path, NULL, opts);
    } else {
        doc = xmlReadMemory((const char *)src->mem, (int)src->memlen, src->shown, NULL, opts);
    }
    if (!doc) {
        rc = slc_error_set(err, xe.count ? SLC_ERR_DEFINITION : SLC_ERR_IO, src->shown, xe.line, -1,
                           "%s", xe.count ? xe.msg : "cannot read");
        goto done;
    }
    if (doc->intSubset) {
        rc = slc_error_set(err, SLC_ERR_DEFINITION, src->shown, 0, -1,
                           "a DOCTYPE is not allowed in a definition file");
        goto done;
    }
    if (!src->rng)
        goto done;
    pctx = xmlRelaxNGNewMemParserCtxt((const char *)src->rng, (int)src->rnglen);
    schema = pctx ? xmlRelaxNGParse(pctx) : NULL;
    vctx = schema ? xmlRelaxNGNewValidCtxt(schema) : NULL;
    if (!vctx) {
        rc = slc_error_set(err, SLC_ERR_INTERNAL, src->rng_name, xe.line, -1, "built-in schema: %s",
                           xe.msg);
        goto done;
    }
    xe.count = 0;
    xmlRelaxNGSetValidStructuredErrors(vctx, on_xml_error, &xe);
    if (xmlRelaxNGValidateDoc(vctx, doc) != 0)
        rc = slc_error_set(err, SLC_ERR_DEFINITION, src->shown, xe.line, -1,
                           "does not match %s: %s", src->rng_name, xe.msg);
done:
    xmlRelaxNGFreeValidCtxt(vctx);
    xmlRelaxNGFree(schema);
    xmlRelaxNGFreeParserCtxt(pctx);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSetGenericErrorFunc(NULL, NULL);
    if (rc != SLC_OK) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    *out = doc;
    return rc;
}

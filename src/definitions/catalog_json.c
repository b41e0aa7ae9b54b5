/* catalog_json.c - the catalog in use as JSON (items --format json). */
#include "catalog_json.h"

#include <jansson.h>

#include "json_write.h"
#include "version.h"

/* short names for the shared helpers (json_write.h) */
static json_t *text(const char *s)
{
    return slc_json_text(s);
}

static void dump(json_t *root, slc_buf *out)
{
    slc_json_dump(root, out);
}

void slc_json_catalog(const slc_catalog *cat, slc_buf *out)
{
    json_t *root = json_object(), *items = json_array(), *sections = json_array();
    json_object_set_new(root, "version", json_integer(SLC_JSON_VERSION));
    json_object_set_new(root, "id", json_string(cat->id));
    json_object_set_new(root, "path", text(cat->path));
    json_object_set_new(root, "title",
                        json_pack("{s:s,s:s}", "ja", cat->title.ja, "en", cat->title.en));
    for (size_t s = 0; s < cat->nsections; s++) {
        json_t *cats = json_array();
        for (size_t c = 0; c < cat->ncategories; c++)
            if (cat->categories[c].section == (int)s)
                json_array_append_new(cats, json_pack("{s:s,s:s,s:s}", "id", cat->categories[c].id,
                                                      "ja", cat->categories[c].label.ja, "en",
                                                      cat->categories[c].label.en));
        json_array_append_new(sections, json_pack("{s:s,s:s,s:s,s:o}", "id", cat->sections[s].id,
                                                  "ja", cat->sections[s].label.ja, "en",
                                                  cat->sections[s].label.en, "categories", cats));
    }
    for (size_t i = 0; i < cat->nitems; i++) {
        const slc_cat_item *it = &cat->items[i];
        json_t *aliases = json_array(), *ualiases = json_array();
        for (size_t k = 0; k < it->naliases; k++)
            json_array_append_new(aliases, text(it->aliases[k]));
        for (size_t k = 0; k < it->nunit_aliases; k++)
            json_array_append_new(ualiases, text(it->unit_aliases[k]));
        json_t *o = json_object();
        json_object_set_new(o, "no", json_integer(it->no));
        json_object_set_new(o, "id", json_string(it->id));
        json_object_set_new(o, "section", json_string(cat->sections[it->section].id));
        json_object_set_new(o, "category", json_string(cat->categories[it->category].id));
        json_object_set_new(o, "name",
                            json_pack("{s:s,s:s}", "ja", it->name.ja, "en", it->name.en));
        json_object_set_new(o, "aliases", aliases);
        json_object_set_new(
            o, "definition",
            json_pack("{s:s,s:s}", "ja", it->definition.ja, "en", it->definition.en));
        json_object_set_new(o, "unit",
                            json_pack("{s:s,s:s}", "ja", it->unit.ja, "en", it->unit.en));
        json_object_set_new(o, "unit_aliases", ualiases);
        json_object_set_new(o, "kind", json_string(slc_kind_id(it->kind)));
        json_object_set_new(o, "better", json_string(slc_better_id(it->better)));
        json_array_append_new(items, o);
    }
    json_object_set_new(root, "sections", sections);
    json_object_set_new(root, "items", items);
    dump(root, out);
    json_decref(root);
}

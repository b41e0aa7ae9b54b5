/* author_table.h - the canonical delimited form of a checklist: a metadata
 * line, a header, and one row per item in catalog order. It loads back to
 * the same answers (see tests). The output buffer is the caller's. */
#ifndef SLC_AUTHOR_TABLE_H
#define SLC_AUTHOR_TABLE_H

#include "doc.h"
#include "util.h"

/* The canonical form's own words, which every authoring format writes and
 * the aligner knows: the metadata keys and the column header. */
#define SLC_CANON_COLS 7
extern const char
    *const slc_meta_keys[SLC_META_N]; /* 対象サービス 会社名 作成日 担当者・連絡先 版・改訂日 */
extern const char *const slc_canon_header[SLC_CANON_COLS]; /* No 種別 ... 回答 備考 */
/* The metadata value a canonical file states for m: for the service, the
 * document's display name (stated, or given with --name). NULL if none. */
const char *slc_meta_value(const slc_doc *doc, int m);

/* delimiter '\t' (TSV, UTF-8) or ',' (CSV, UTF-8 with BOM so Excel opens
 * it right). Rows for the items the document has, or with all_items for
 * every item of the checklist (blank answers where doc, which may be NULL
 * for a blank template, has none). */
void slc_author_table(const slc_catalog *cat, const slc_doc *doc, char delimiter, int all_items,
                      slc_buf *out);

#endif

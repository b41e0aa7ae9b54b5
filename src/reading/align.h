/* align.h - the aligner: turns the rows a reader returns into the
 * document's answers, matched to the catalog's items by number, by name
 * or by position. The document is the caller's; the table is borrowed. */
#ifndef SLC_ALIGN_H
#define SLC_ALIGN_H

#include "doc.h"

/* Turns rows into answers (align.c). */
void slc_align(slc_doc *doc, const slc_table *table);

#endif

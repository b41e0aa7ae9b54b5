/* facts.h - what an answer states, beyond its words. For now: whether a
 * 有無 answer says 有, 無 or not applicable. */
#ifndef SLC_FACTS_H
#define SLC_FACTS_H

#include "catalog.h"

typedef enum slc_presence {
    SLC_PRESENCE_NONE = 0,   /* not stated */
    SLC_PRESENCE_YES,
    SLC_PRESENCE_NO,
    SLC_PRESENCE_NA
} slc_presence;

/* Reads 【有】/【無】, 有:, あり, なし, ○, ×, 該当なし ... (the catalog's
 * presence words) at the start of the answer, or bracketed anywhere. */
slc_presence slc_facts_presence(const slc_catalog *cat, const char *answer);
const char *slc_presence_id(slc_presence p);

#endif

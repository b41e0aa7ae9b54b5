/* regex.h - the regular expressions of checklist definitions and buyers'
 * profiles: PCRE2 (Perl-compatible syntax), case-insensitive, Unicode
 * aware, over code points. regex.c is the only module that uses PCRE2. */
#ifndef SLC_REGEX_H
#define SLC_REGEX_H

#include <stddef.h>
#include <stdint.h>

typedef struct slc_regex slc_regex;

/* Compiles a pattern (UTF-8), case-insensitive, with Unicode properties
 * for \d \s \w \b. Returns NULL and a message in err (len bytes) if the
 * pattern is invalid. A compiled pattern may be matched from several
 * threads at once. */
slc_regex *slc_regex_new(const char *pattern, char *err, size_t len);
void slc_regex_free(slc_regex *re);
/* Compiles the pattern to machine code (PCRE2's JIT), which matches about
 * four times faster but costs some 50,000 instructions to build: worth it
 * when many texts will be searched. Not while other threads match it. */
void slc_regex_jit(slc_regex *re);

/* Every match in code points [0,n): start/end and the spans of up to
 * SLC_REGEX_GROUPS capture groups (-1 when a group did not take part).
 * A match that would run past the limits on backtracking (a pattern that
 * backtracks without end) ends the search: it is not a match. */
#define SLC_REGEX_GROUPS 4
typedef struct slc_match {
    long start, end;
    long gstart[SLC_REGEX_GROUPS], gend[SLC_REGEX_GROUPS];
    int ngroups;
} slc_match;
typedef void (*slc_regex_fn)(void *data, const slc_match *m);
void slc_regex_each(const slc_regex *re, const int32_t *cp, size_t n, slc_regex_fn fn, void *data);
/* The same for code points known to be Unicode scalar values (no
 * surrogates, none negative or past U+10FFFF), as slc_text_map_nfkc()
 * gives: they are not checked again for each pattern. */
void slc_regex_each_scalar(const slc_regex *re, const int32_t *cp, size_t n, slc_regex_fn fn,
                           void *data);
/* 1 if the pattern matches anywhere in UTF-8 text, 0 if it does not, -1 if
 * the search stopped at a limit on backtracking (match steps, depth, heap,
 * JIT stack): whether it matches is not known. */
int slc_regex_search(const slc_regex *re, const char *s);

#endif

/* util.h - memory helpers shared by every module: a growable byte buffer
 * and an arena for the strings of one loaded document.
 *
 * Allocation failure is not bad input: like git's xmalloc, these helpers
 * end the process with a message on out-of-memory, so callers need not
 * thread ENOMEM through every parser. Nothing else in the library exits. */
#ifndef SLC_UTIL_H
#define SLC_UTIL_H

#include <stddef.h>
#include <stdarg.h>

#include "platform.h"

void *slc_xmalloc(size_t n);
void *slc_xcalloc(size_t n, size_t size);
void *slc_xrealloc(void *p, size_t n);
char *slc_xstrdup(const char *s);
char *slc_xstrndup(const char *s, size_t n);

/* Growable NUL-terminated byte buffer; embed it and _init/_release it. */
typedef struct slc_buf {
    char *data; /* always NUL-terminated once anything was added */
    size_t len;
    size_t cap;
} slc_buf;

void slc_buf_init(slc_buf *b);
void slc_buf_release(slc_buf *b);
void slc_buf_clear(slc_buf *b);
void slc_buf_grow(slc_buf *b, size_t extra);
void slc_buf_add(slc_buf *b, const void *p, size_t n);
void slc_buf_adds(slc_buf *b, const char *s);
void slc_buf_addc(slc_buf *b, char c);
void slc_buf_addf(slc_buf *b, const char *fmt, ...) SLC_PRINTF(2, 3);
/* Hands the bytes to the caller (free() them); the buffer is left empty. */
char *slc_buf_detach(slc_buf *b, size_t *len);

/* Arena: many small strings freed at once (git's mem-pool). */
typedef struct slc_arena_block slc_arena_block;
typedef struct slc_arena {
    slc_arena_block *head;
} slc_arena;

void slc_arena_init(slc_arena *a);
void slc_arena_release(slc_arena *a);
void *slc_arena_alloc(slc_arena *a, size_t n);
/* Copies n bytes and appends a NUL; the copy lives as long as the arena. */
char *slc_arena_strndup(slc_arena *a, const char *s, size_t n);
char *slc_arena_strdup(slc_arena *a, const char *s);

/* A file name extension and what it stands for (".md" -> "md"). */
typedef struct slc_ext {
    const char *ext, *id;
} slc_ext;
/* The id of path's extension in the table (case-insensitive), or NULL. */
const char *slc_ext_lookup(const char *path, const slc_ext *table, size_t n);

/* Simple dynamic array of pointers. */
typedef struct slc_ptrs {
    void **v;
    size_t n, cap;
} slc_ptrs;
void slc_ptrs_push(slc_ptrs *p, void *x);
void slc_ptrs_release(slc_ptrs *p);

#endif

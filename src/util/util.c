/* util.c - buffers, arenas, checked allocation. */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void oom(size_t n)
{
    fprintf(stderr, "slacheck: out of memory (%zu bytes)\n", n);
    abort();
}

void *slc_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(n);
    return p;
}

void *slc_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom(n * size);
    return p;
}

void *slc_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom(n);
    return q;
}

char *slc_xstrndup(const char *s, size_t n)
{
    char *p = slc_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *slc_xstrdup(const char *s)
{
    return slc_xstrndup(s, strlen(s));
}

void slc_buf_init(slc_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void slc_buf_release(slc_buf *b)
{
    free(b->data);
    slc_buf_init(b);
}

void slc_buf_clear(slc_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void slc_buf_grow(slc_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->data = slc_xrealloc(b->data, cap);
    b->cap = cap;
}

void slc_buf_add(slc_buf *b, const void *p, size_t n)
{
    slc_buf_grow(b, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void slc_buf_adds(slc_buf *b, const char *s)
{
    slc_buf_add(b, s, strlen(s));
}

void slc_buf_addc(slc_buf *b, char c)
{
    slc_buf_add(b, &c, 1);
}

void slc_buf_addf(slc_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    slc_buf_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *slc_buf_detach(slc_buf *b, size_t *len)
{
    char *p = b->data ? b->data : slc_xstrdup("");
    if (len)
        *len = b->len;
    slc_buf_init(b);
    return p;
}

struct slc_arena_block {
    slc_arena_block *next;
    size_t used, size;
    _Alignas(max_align_t) unsigned char mem[];
};

void slc_arena_init(slc_arena *a)
{
    a->head = NULL;
}

void slc_arena_release(slc_arena *a)
{
    slc_arena_block *b = a->head;
    while (b) {
        slc_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

void *slc_arena_alloc(slc_arena *a, size_t n)
{
    const size_t align = _Alignof(max_align_t);
    n = (n + align - 1) & ~(align - 1);
    slc_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > 16384 ? n : 16384;
        b = slc_xmalloc(sizeof(*b) + size);
        b->size = size;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->mem + b->used;
    b->used += n;
    return p;
}

char *slc_arena_strndup(slc_arena *a, const char *s, size_t n)
{
    char *p = slc_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *slc_arena_strdup(slc_arena *a, const char *s)
{
    return slc_arena_strndup(a, s, strlen(s));
}

void slc_ptrs_push(slc_ptrs *p, void *x)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 16;
        p->v = slc_xrealloc(p->v, p->cap * sizeof(*p->v));
    }
    p->v[p->n++] = x;
}

void slc_ptrs_release(slc_ptrs *p)
{
    free(p->v);
    p->v = NULL;
    p->n = p->cap = 0;
}

const char *slc_ext_lookup(const char *path, const slc_ext *table, size_t n)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (!strcasecmp(dot, table[i].ext))
            return table[i].id;
    return NULL;
}

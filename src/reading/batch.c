/* batch.c - worker threads (POSIX) take the next file, load and validate
 * it into a slot of a small ring; the caller's thread hands the slots to
 * the callback in order, freeing each slot for a file further on. Nothing
 * shared is written while loading: the catalog and profile are read-only,
 * each document is its own. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "read_xlsx.h"
#include "rules.h"
#include "validate.h"

#define AHEAD 4 /* files a thread may load ahead of the callback */

typedef struct slot {
    slc_doc *doc;
    slc_error err;
    int done;
} slot;

typedef struct pool {
    const slc_batch *b;
    pthread_mutex_t mu;
    pthread_cond_t ready; /* a slot was filled */
    pthread_cond_t room;  /* the callback took a slot */
    size_t next;          /* next file to take */
    size_t taken;         /* files handed to the callback */
    size_t window;        /* slots in the ring */
    slot *ring;
} pool;

static void load_one(const slc_batch *b, size_t i, slot *s)
{
    slc_load_options o = *b->opts;
    if (b->names && b->names[i])
        o.name = b->names[i];
    s->doc = NULL;
    slc_error_clear(&s->err);
    if (slc_doc_load_file(b->cat, b->files[i], &o, &s->doc, &s->err) == SLC_OK && b->validate)
        slc_validate(s->doc, b->profile);
}

static void *worker(void *arg)
{
    pool *p = arg;
    size_t n = p->b->nfiles;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->next < n && p->next >= p->taken + p->window)
            pthread_cond_wait(&p->room, &p->mu);
        if (p->next >= n)
            break;
        size_t i = p->next++;
        pthread_mutex_unlock(&p->mu);
        slot s;
        load_one(p->b, i, &s);
        pthread_mutex_lock(&p->mu);
        p->ring[i % p->window] = s;
        p->ring[i % p->window].done = 1;
        pthread_cond_broadcast(&p->ready);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void hand_over(const slot *s, size_t i, slc_batch_fn fn, void *data)
{
    fn(data, i, s->doc, s->doc ? NULL : &s->err);
}

static void sequential(const slc_batch *b, size_t from, slc_batch_fn fn, void *data)
{
    for (size_t i = from; i < b->nfiles; i++) {
        slot s;
        load_one(b, i, &s);
        hand_over(&s, i, fn, data);
    }
}

/* standard input given twice would be read by two threads at once */
static int stdin_twice(const slc_batch *b)
{
    size_t n = 0;
    for (size_t i = 0; i < b->nfiles; i++)
        n += !strcmp(b->files[i], "-");
    return n > 1;
}

void slc_batch_run(const slc_batch *b, slc_batch_fn fn, void *data)
{
    unsigned jobs = b->jobs;
    if (jobs > b->nfiles)
        jobs = (unsigned)b->nfiles;
    if (stdin_twice(b))
        jobs = 1;
    if (jobs <= 1) {
        sequential(b, 0, fn, data);
        return;
    }
    slc_xlsx_init(); /* libxml2 must be set up on one thread before several use it */
    pool p;
    memset(&p, 0, sizeof(p));
    p.b = b;
    p.window = (size_t)jobs * AHEAD;
    p.ring = slc_xcalloc(p.window, sizeof(*p.ring));
    pthread_t *tid = slc_xmalloc(jobs * sizeof(*tid));
    unsigned started = 0;
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.ready, NULL);
    pthread_cond_init(&p.room, NULL);
    while (started < jobs && pthread_create(&tid[started], NULL, worker, &p) == 0)
        started++;
    size_t i = 0;
    if (started) {
        for (; i < b->nfiles; i++) {
            pthread_mutex_lock(&p.mu);
            while (!p.ring[i % p.window].done)
                pthread_cond_wait(&p.ready, &p.mu);
            slot s = p.ring[i % p.window];
            p.ring[i % p.window].done = 0;
            p.taken = i + 1;
            pthread_cond_broadcast(&p.room);
            pthread_mutex_unlock(&p.mu);
            hand_over(&s, i, fn, data);
        }
        for (unsigned k = 0; k < started; k++)
            pthread_join(tid[k], NULL);
    }
    sequential(b, i, fn, data); /* no thread could be started: all of it here */
    pthread_cond_destroy(&p.room);
    pthread_cond_destroy(&p.ready);
    pthread_mutex_destroy(&p.mu);
    free(tid);
    free(p.ring);
}

unsigned slc_batch_cpus(void)
{
    return slc_platform_cpus();
}

/* output.c - atomic output files. */
#define _GNU_SOURCE
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "platform.h"
#include "util.h"

/* ---- temporary files removed on a signal ---------------------------------
 * The CLI's SIGINT/SIGTERM handler calls slc_output_remove_temporaries(),
 * which may only do what is async-signal-safe: read these slots and
 * unlink(). A slot holds a temporary's path from its creation until it is
 * renamed or removed; the pointer is cleared before the string is freed. */
#define TEMP_SLOTS 64
static char *volatile temp_slots[TEMP_SLOTS];

static void temp_track(char *path)
{
    for (size_t i = 0; i < TEMP_SLOTS; i++)
        if (!temp_slots[i]) {
            temp_slots[i] = path;
            return;
        }
}

static void temp_untrack(const char *path)
{
    for (size_t i = 0; path && i < TEMP_SLOTS; i++)
        if (temp_slots[i] == path)
            temp_slots[i] = NULL;
}

void slc_output_remove_temporaries(void)
{
    for (size_t i = 0; i < TEMP_SLOTS; i++) {
        char *p = temp_slots[i];
        if (p)
            unlink(p);
    }
}

slc_status slc_output_open(slc_output *out, const char *path, slc_error *err)
{
    memset(out, 0, sizeof(*out));
    if (!path || !strcmp(path, "-")) {
        out->fp = stdout;
        return SLC_OK;
    }
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode))
            return slc_error_set(err, SLC_ERR_IO, path, 0, -1, "%s", strerror(EISDIR));
        out->fp = fopen(path, "wb"); /* device or pipe: in place */
        if (!out->fp)
            return slc_error_set(err, SLC_ERR_IO, path, 0, -1, "%s", strerror(errno));
        out->path = slc_xstrdup(path);
        return SLC_OK;
    }
    size_t n = strlen(path);
    out->tmp = slc_xmalloc(n + 32);
    snprintf(out->tmp, n + 32, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(out->tmp);
    if (fd < 0) {
        slc_status rc = slc_error_set(err, SLC_ERR_IO, path, 0, -1, "%s", strerror(errno));
        free(out->tmp);
        out->tmp = NULL;
        return rc;
    }
    temp_track(out->tmp);
    slc_platform_copy_mode(fd, exists ? path : NULL);
    out->fp = fdopen(fd, "wb");
    if (!out->fp) {
        slc_status rc = slc_error_set(err, SLC_ERR_IO, path, 0, -1, "%s", strerror(errno));
        close(fd);
        unlink(out->tmp);
        temp_untrack(out->tmp);
        free(out->tmp);
        out->tmp = NULL;
        return rc;
    }
    out->path = slc_xstrdup(path);
    return SLC_OK;
}

slc_status slc_output_open_path(slc_output *out, const char *path, const char **write_to,
                                slc_error *err)
{
    slc_status rc = slc_output_open(out, path, err);
    if (rc != SLC_OK)
        return rc;
    if (out->tmp) { /* regular file: the writer fills the temporary */
        fclose(out->fp);
        out->fp = NULL;
        *write_to = out->tmp;
        return SLC_OK;
    }
    char dir[4096];
    slc_platform_temp_dir(dir, sizeof(dir));
    size_t n = strlen(dir) + 32;
    out->staged = slc_xmalloc(n);
    snprintf(out->staged, n, "%s/slacheck-XXXXXX", dir);
    int fd = mkstemp(out->staged);
    if (fd >= 0)
        temp_track(out->staged);
    if (fd < 0) {
        rc = slc_error_set(err, SLC_ERR_IO, dir, 0, -1, "%s", strerror(errno));
        free(out->staged);
        out->staged = NULL;
        slc_output_abort(out);
        return rc;
    }
    close(fd);
    *write_to = out->staged;
    return SLC_OK;
}

/* copies the staged file into out->fp; 0 or an errno */
static int copy_staged(slc_output *out)
{
    FILE *in = fopen(out->staged, "rb");
    if (!in)
        return errno ? errno : EIO;
    char block[65536];
    size_t n;
    int e = 0;
    while (!e && (n = fread(block, 1, sizeof(block), in)) > 0)
        if (fwrite(block, 1, n, out->fp) != n)
            e = errno ? errno : EIO;
    if (!e && ferror(in))
        e = errno ? errno : EIO;
    fclose(in);
    return e;
}

slc_status slc_output_commit(slc_output *out, slc_error *err)
{
    slc_status rc = SLC_OK;
    const char *shown = out->path ? out->path : "-";
    if (!out->fp && out->tmp) { /* filled by path: rename into place */
        if (slc_platform_replace(out->tmp, out->path) != 0) {
            rc = slc_error_set(err, SLC_ERR_IO, shown, 0, -1, "%s", strerror(errno));
            unlink(out->tmp);
        }
        temp_untrack(out->tmp);
        free(out->tmp);
        free(out->path);
        out->tmp = out->path = NULL;
        return rc;
    }
    if (!out->fp)
        return SLC_OK;
    int copy_errno = 0;
    if (out->staged) {
        copy_errno = copy_staged(out);
        unlink(out->staged);
        temp_untrack(out->staged);
        free(out->staged);
        out->staged = NULL;
    }
    int bad = fflush(out->fp) != 0 || ferror(out->fp) || copy_errno;
    int saved = copy_errno ? copy_errno : errno;
    if (out->fp == stdout) {
        out->fp = NULL;
        if (bad)
            return slc_error_set(err, SLC_ERR_IO, shown, 0, -1, "%s",
                                 strerror(saved ? saved : EIO));
        return SLC_OK;
    }
    if (!bad && out->tmp && (saved = slc_platform_sync(out->fp)) != 0)
        bad = 1;
    if (fclose(out->fp) != 0 && !bad)
        bad = 1, saved = errno;
    out->fp = NULL;
    if (!bad && out->tmp && slc_platform_replace(out->tmp, out->path) != 0)
        bad = 1, saved = errno;
    if (bad) {
        rc = slc_error_set(err, SLC_ERR_IO, shown, 0, -1, "%s", strerror(saved ? saved : EIO));
        if (out->tmp)
            unlink(out->tmp);
    }
    temp_untrack(out->tmp);
    free(out->tmp);
    free(out->path);
    out->tmp = out->path = NULL;
    return rc;
}

void slc_output_abort(slc_output *out)
{
    if (out->fp && out->fp != stdout)
        fclose(out->fp);
    if (out->tmp)
        unlink(out->tmp);
    if (out->staged)
        unlink(out->staged);
    temp_untrack(out->tmp);
    temp_untrack(out->staged);
    free(out->staged);
    free(out->tmp);
    free(out->path);
    memset(out, 0, sizeof(*out));
}

int slc_same_file(const char *a, const char *b)
{
    if (!a || !b || !strcmp(a, "-") || !strcmp(b, "-"))
        return 0;
    return slc_platform_same_file(a, b);
}

/* the directory holding path (resolved) and the name in it; 0 if the
 * directory cannot be resolved */
static int split_resolved(const char *path, char **dir, const char **base)
{
    const char *slash = NULL;
    for (const char *p = path; *p; p++)
        if (slc_platform_is_separator(*p))
            slash = p;
    char *d =
        slash ? slc_xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : slc_xstrdup(".");
    *base = slash ? slash + 1 : path;
    *dir = slc_platform_real_path(d);
    free(d);
    return *dir != NULL;
}

int slc_output_same_target(const char *a, const char *b)
{
    int out_a = !a || !strcmp(a, "-"), out_b = !b || !strcmp(b, "-");
    if (out_a || out_b)
        return out_a && out_b;
    if (!strcmp(a, b) || slc_same_file(a, b))
        return 1;
    char *da = NULL, *db = NULL;
    const char *ba, *bb;
    int same = 0;
    if (split_resolved(a, &da, &ba) && split_resolved(b, &db, &bb))
        same = !strcmp(ba, bb) && (!strcmp(da, db) || slc_same_file(da, db));
    free(da);
    free(db);
    return same;
}

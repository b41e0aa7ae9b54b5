/* readall.c - the plain-read floor: reads every file named on the command
 * line (and in `-l LIST`, one path a line) completely, the way any tool
 * must before it can parse it, and prints how many files and bytes.
 *   readall [-l LIST] [FILE]...
 * Built by bench/run.sh. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *buf;
static size_t cap;
static unsigned long long files, bytes, sum;

static int read_one(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "readall: %s: %s\n", path, strerror(errno));
        return 1;
    }
    struct stat sb;
    if (fstat(fd, &sb) == 0 && (size_t)sb.st_size + 1 > cap) {
        cap = (size_t)sb.st_size + 65536;
        free(buf);
        if (!(buf = malloc(cap))) {
            perror("readall");
            exit(2);
        }
    }
    size_t len = 0;
    for (;;) {
        if (len == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                perror("readall");
                exit(2);
            }
            buf = nb;
        }
        ssize_t got = read(fd, buf + len, cap - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            fprintf(stderr, "readall: %s: %s\n", path, strerror(errno));
            close(fd);
            return 1;
        }
        if (got == 0)
            break;
        len += (size_t)got;
    }
    close(fd);
    files++;
    bytes += len;
    if (len)   /* touch the bytes so nothing can skip them */
        sum += (unsigned char)buf[0] + (unsigned char)buf[len - 1];
    return 0;
}

int main(int argc, char **argv)
{
    int rc = 0;
    cap = 1 << 20;
    if (!(buf = malloc(cap)))
        return 2;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-l") && i + 1 < argc) {
            FILE *l = fopen(argv[++i], "r");
            if (!l) {
                fprintf(stderr, "readall: %s: %s\n", argv[i], strerror(errno));
                return 2;
            }
            char line[4096];
            while (fgets(line, sizeof(line), l)) {
                line[strcspn(line, "\r\n")] = '\0';
                if (line[0])
                    rc |= read_one(line);
            }
            fclose(l);
        } else {
            rc |= read_one(argv[i]);
        }
    }
    printf("files=%llu bytes=%llu check=%llu\n", files, bytes, sum);
    free(buf);
    return rc;
}

/* csvonly.c - the libcsv floor: reads every file given (and in `-l LIST`)
 * and splits it into records and fields with libcsv alone - no decoding,
 * no alignment, no output. The delimiter is a comma for *.csv (a semicolon
 * if the first line has more of those), a tab otherwise.
 *   csvonly [-l LIST] [FILE]...
 * Built by bench/run.sh. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

static unsigned long long files, records, fields, bytes;

static void on_field(void *s, size_t n, void *data)
{
    (void)s;
    (void)n;
    (void)data;
    fields++;
}

static void on_record(int c, void *data)
{
    (void)c;
    (void)data;
    records++;
}

static char delimiter_for(const char *path, const char *text, size_t n)
{
    size_t pl = strlen(path);
    if (pl < 4 || strcmp(path + pl - 4, ".csv"))
        return '\t';
    size_t commas = 0, semis = 0;
    for (size_t i = 0; i < n && text[i] != '\n'; i++) {
        commas += text[i] == ',';
        semis += text[i] == ';';
    }
    return semis > commas ? ';' : ',';
}

static int parse_one(struct csv_parser *p, const char *path)
{
    static char *buf;
    static size_t cap;
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "csvonly: %s: %s\n", path, strerror(errno));
        return 1;
    }
    size_t len = 0, got;
    for (;;) {
        if (cap - len < 65536) {
            cap = cap ? cap * 2 : 1 << 20;
            if (!(buf = realloc(buf, cap))) {
                perror("csvonly");
                exit(2);
            }
        }
        if ((got = fread(buf + len, 1, cap - len, f)) == 0)
            break;
        len += got;
    }
    fclose(f);
    csv_set_delim(p, (unsigned char)delimiter_for(path, buf, len));
    if (csv_parse(p, buf, len, on_field, on_record, NULL) != len ||
        csv_fini(p, on_field, on_record, NULL) != 0) {
        fprintf(stderr, "csvonly: %s: %s\n", path, csv_strerror(csv_error(p)));
        return 1;
    }
    files++;
    bytes += len;
    return 0;
}

int main(int argc, char **argv)
{
    struct csv_parser p;
    int rc = 0;
    if (csv_init(&p, CSV_APPEND_NULL) != 0)
        return 2;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-l") && i + 1 < argc) {
            FILE *l = fopen(argv[++i], "r");
            if (!l) {
                fprintf(stderr, "csvonly: %s: %s\n", argv[i], strerror(errno));
                return 2;
            }
            char line[4096];
            while (fgets(line, sizeof(line), l)) {
                line[strcspn(line, "\r\n")] = '\0';
                if (line[0])
                    rc |= parse_one(&p, line);
            }
            fclose(l);
        } else {
            rc |= parse_one(&p, argv[i]);
        }
    }
    csv_free(&p);
    printf("files=%llu bytes=%llu records=%llu fields=%llu\n", files, bytes, records, fields);
    return rc;
}

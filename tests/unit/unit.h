/* unit.h - the few macros the C unit tests (tests/unit/test_*.c) share:
 * each test is a table of input -> expected, checked row by row; a failed
 * check names the table row and the values. The program's exit status is
 * the number of failed checks (capped), 0 when all passed. */
#ifndef SLC_UNIT_H
#define SLC_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_failures;
static int unit_checks;

#define CHECK(cond, ...) \
    do { \
        unit_checks++; \
        if (!(cond)) { \
            unit_failures++; \
            printf("FAIL: %s:%d: ", __FILE__, __LINE__); \
            printf(__VA_ARGS__); \
            putchar('\n'); \
        } \
    } while (0)

#define CHECK_STR(got, want, what) \
    CHECK((got) && !strcmp((got), (want)), "%s: got \"%s\", expected \"%s\"", (what), \
          (got) ? (got) : "(null)", (want))

static inline int unit_finish(const char *name)
{
    if (unit_failures) {
        printf("%s: %d of %d checks failed\n", name, unit_failures, unit_checks);
        return unit_failures > 100 ? 100 : unit_failures;
    }
    printf("%s: %d checks passed\n", name, unit_checks);
    return 0;
}

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

#endif

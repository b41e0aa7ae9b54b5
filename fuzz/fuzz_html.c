/* fuzz_html.c - libFuzzer harness for web pages: the input is a page, loaded
 * through the loader as `validate page.html` would (the name makes it a
 * page whatever its bytes), then validated and written as convert JSON,
 * which must parse. Crashes, leaks, UB and timeouts are the findings. Seeds:
 * the examples and fixtures rendered as pages in the shapes vendors use
 * (tests/html_input.py). Build and run: `make fuzz FUZZ_TARGETS=html`. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "author_json.h"
#include "catalog.h"
#include "common.h"
#include "doc.h"
#include "load.h"
#include "rules.h"
#include "validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

FUZZ_WITH_CATALOG("fuzz_html")

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_load_named(cat, data, size, "fuzz.html", "fuzz_html");
}

/* fuzz_xls.c - libFuzzer harness for .xls workbooks: the input is a
 * workbook, loaded through the loader as `validate book.xls` would (FreeXL
 * reads it from a temporary file), then validated and written as convert
 * JSON, which must parse. Crashes, leaks, UB and timeouts are the findings,
 * FreeXL's included. Seeds: the workbooks in tests/xls. Build and run:
 * `make fuzz FUZZ_TARGETS=xls`. */
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

FUZZ_WITH_CATALOG("fuzz_xls")

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_load_named(cat, data, size, "fuzz.xls", "fuzz_xls");
}

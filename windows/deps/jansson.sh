#!/bin/sh
# jansson (CMake), static.
. "$(dirname "$0")/common.sh"
fetch jansson
cmake_build -DJANSSON_BUILD_DOCS=OFF -DJANSSON_EXAMPLES=OFF -DJANSSON_WITHOUT_TESTS=ON
license LICENSE
done_

#!/bin/sh
# cmark (CMake), static. CMARK_STATIC_DEFINE: no dllimport in its header.
. "$(dirname "$0")/common.sh"
fetch cmark
cmake_build -DCMARK_TESTS=OFF -DCMARK_SHARED=OFF -DCMARK_STATIC=ON
license COPYING
done_

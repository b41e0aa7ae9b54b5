#!/bin/sh
# libxlsxwriter (CMake), static, on the prefix's zlib and minizip.
. "$(dirname "$0")/common.sh"
fetch libxlsxwriter
cmake_build -DUSE_SYSTEM_MINIZIP=ON -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF \
    -DZLIB_ROOT="$PREFIX" -DCMAKE_C_FLAGS="-I$PREFIX/include"
license License.txt
done_

#!/bin/sh
# libcsv: one C file, static.
. "$(dirname "$0")/common.sh"
fetch libcsv
$CC -O2 -c -o libcsv.o libcsv.c
rm -f "$PREFIX/lib/libcsv.a"
$AR rcs "$PREFIX/lib/libcsv.a" libcsv.o
cp csv.h "$PREFIX/include/"
license COPYING* 2>/dev/null || license debian/copyright
done_

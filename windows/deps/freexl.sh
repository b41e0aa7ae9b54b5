#!/bin/sh
# FreeXL, static, on windows/deps/iconv.c (code-page conversion to UTF-8
# through Windows, since MinGW-w64 has no iconv).
. "$(dirname "$0")/common.sh"
HERE=$TOP/windows/deps
$CC -O2 -I"$HERE" -c -o "$PREFIX/lib/iconv.o" "$HERE/iconv.c"
rm -f "$PREFIX/lib/libiconv.a"
$AR rcs "$PREFIX/lib/libiconv.a" "$PREFIX/lib/iconv.o"
cp "$HERE/iconv.h" "$PREFIX/include/"
# FreeXL includes libiconv's localcharset.h on Windows but calls nothing in it
echo '/* empty: FreeXL includes it on Windows and uses nothing from it */' >"$PREFIX/include/localcharset.h"
fetch freexl
# config.h as configure would write it on this target
cat >config.h <<'H'
#define HAVE_ICONV_H 1
#define PACKAGE_VERSION "1.0.6"
#define VERSION "1.0.6"
H
$CC -O2 -DHAVE_CONFIG_H -I. -Iheaders -I"$PREFIX/include" -c -o freexl.o src/freexl.c
rm -f "$PREFIX/lib/libfreexl.a"
$AR rcs "$PREFIX/lib/libfreexl.a" freexl.o
cp headers/freexl.h "$PREFIX/include/"
license COPYING
done_

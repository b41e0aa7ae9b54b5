#!/bin/sh
# ICU 72: the common library only, static, cross-compiled with Debian's
# icu-devtools 72 as the build tools (no native ICU build), and its data cut
# to windows/icu-data.txt, linked in as the symbol icudt72_dat.
. "$(dirname "$0")/common.sh"
fetch icu
cd source
# what ICU's cross build wants of a native build: its tools, from icu-devtools
HOST=$WIN/icu-host
mkdir -p "$HOST/bin" "$HOST/config" "$HOST/lib"
for t in icupkg pkgdata genrb gencnval gencfu makeconv genbrk gensprep gendict gennorm2 genccode gencmn; do
    p=$(command -v $t || ls /usr/sbin/$t 2>/dev/null) || { echo "windows/deps: $t missing (Debian icu-devtools)" >&2; exit 1; }
    ln -sf "$p" "$HOST/bin/$t"
done
printf 'CROSS_ICU_VERSION=72.1\nTOOLEXEEXT=\nTOOLBINDIR=%s/bin\nTOOLLIBDIR=%s/lib\nINVOKE=\nPKGDATA_INVOKE=\n' \
    "$HOST" "$HOST" >"$HOST/config/icucross.mk"
: >"$HOST/config/icucross.inc"
mkdir -p build-win && cd build-win
[ -f config.status ] || CPPFLAGS=-DU_STATIC_IMPLEMENTATION ../configure --host=$TRIPLE --prefix="$PREFIX" \
    --with-cross-build="$HOST" --enable-static --disable-shared --disable-tools --disable-tests \
    --disable-samples --disable-extras --disable-icuio --disable-layoutex --disable-renaming \
    --with-data-packaging=static >configure.log
# the common library alone: ICU's top Makefile, not run, would make lib/
mkdir -p lib
# ICU_OPT: the optimisation of ICU's code (-O0 builds in a third of the time)
nice -n 10 make -j"$JOBS" -C common CFLAGS="${ICU_OPT:--O2} -std=c11" \
    CXXFLAGS="${ICU_OPT:--O2} -std=c++11" >make.log
mkdir -p "$PREFIX/include/unicode"
cp ../common/unicode/*.h "$PREFIX/include/unicode/"
cp common/unicode/*.h "$PREFIX/include/unicode/" 2>/dev/null || true
cp lib/libsicuuc.a "$PREFIX/lib/libicuuc.a"
# the data: the listed items of Debian's prebuilt .dat, as an object
DATA=$PWD/data-cut
rm -rf "$DATA" && mkdir -p "$DATA/items"
grep -v '^#' "$TOP/windows/icu-data.txt" | grep . >"$DATA/list.txt"
"$HOST/bin/icupkg" -x "$DATA/list.txt" -d "$DATA/items" ../data/in/icudt72l.dat
"$HOST/bin/icupkg" --ignore-deps -tl -s "$DATA/items" -a "$DATA/list.txt" new "$DATA/icudt72l.dat" 2>"$DATA/deps.log"
printf '\t.section .rdata,"dr"\n\t.globl icudt72_dat\n\t.balign 16\nicudt72_dat:\n\t.incbin "%s"\n' \
    "$DATA/icudt72l.dat" >"$DATA/icudt72_dat.S"
$CC -c -o "$DATA/icudt72_dat.o" "$DATA/icudt72_dat.S"
rm -f "$PREFIX/lib/libicudata.a"
$AR rcs "$PREFIX/lib/libicudata.a" "$DATA/icudt72_dat.o"
cd ..
license ../LICENSE
done_

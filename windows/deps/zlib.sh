#!/bin/sh
# zlib and its contrib minizip (Debian source package zlib), static.
. "$(dirname "$0")/common.sh"
fetch zlib
CHOST=$TRIPLE ./configure --static --prefix="$PREFIX" >configure.log
nice -n 10 make -j"$JOBS" libz.a >make.log
make install >/dev/null
# minizip: its five .c files compiled directly (its autotools need libtool)
mkdir -p "$PREFIX/include/minizip"
cd contrib/minizip
for f in ioapi iowin32 mztools unzip zip; do
    $CC -O2 -I../.. -c -o $f.o $f.c
    [ $f = iowin32 ] || cp $f.h "$PREFIX/include/minizip/"
done
cp iowin32.h crypt.h "$PREFIX/include/minizip/"
rm -f "$PREFIX/lib/libminizip.a"
$AR rcs "$PREFIX/lib/libminizip.a" ioapi.o iowin32.o mztools.o unzip.o zip.o
cd ../..
license LICENSE 2>/dev/null || license README
done_

#!/bin/sh
# PCRE2 with the 32-bit library and JIT, static (use with -DPCRE2_STATIC).
. "$(dirname "$0")/common.sh"
fetch pcre2
./configure --host=$TRIPLE --prefix="$PREFIX" --disable-shared --enable-static \
    --enable-pcre2-32 --disable-pcre2-8 --enable-jit >configure.log
nice -n 10 make -j"$JOBS" >make.log
make install >/dev/null
license LICENCE
done_

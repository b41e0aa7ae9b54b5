#!/bin/sh
# libxml2, static, without iconv, ICU or HTTP. autoreconf first: Debian's
# patches touch Makefile.am.
. "$(dirname "$0")/common.sh"
fetch libxml2
[ -f .autoreconf-done ] || { autoreconf -fi >autoreconf.log 2>&1; touch .autoreconf-done; }
./configure --host=$TRIPLE --prefix="$PREFIX" --disable-shared --enable-static \
    --without-iconv --without-icu --without-http --without-ftp --without-python \
    --without-lzma --with-zlib="$PREFIX" >configure.log
nice -n 10 make -j"$JOBS" libxml2.la >make.log
make install-libLTLIBRARIES install-data >/dev/null 2>&1 || make install >/dev/null
license Copyright
done_

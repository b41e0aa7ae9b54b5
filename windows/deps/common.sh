# Sourced by each recipe in windows/deps/: where things go and how to fetch
# Debian's source package. Every library is built static for the target into
# $PREFIX; a stamp file there marks it done, so a second run reuses it.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
WIN=${WIN:-$TOP/build-win}
PREFIX=$WIN/prefix
SRC=$WIN/src
TRIPLE=x86_64-w64-mingw32
# the -posix compilers: the default (win32) thread model lacks std::mutex,
# which ICU needs, and slacheck's batch uses pthreads (winpthreads)
CC=$TRIPLE-gcc-posix
CXX=$TRIPLE-g++-posix
AR=$TRIPLE-ar
RANLIB=$TRIPLE-ranlib
JOBS=${JOBS:-2}
NAME=$(basename "$0" .sh)
STAMP=$PREFIX/.done-$NAME
export CC CXX AR RANLIB
mkdir -p "$PREFIX/lib" "$PREFIX/include" "$PREFIX/licenses" "$SRC"

if [ -f "$STAMP" ]; then
    echo "windows/deps: $NAME already in $PREFIX"
    exit 0
fi
echo "windows/deps: building $NAME"

# fetch PKG: unpack Debian's source package PKG (patches applied) under $SRC
# and cd into it. The newest version first; when the mirror lacks its files
# (a security update's pool can), each older version apt knows of.
fetch() {
    cd "$SRC"
    dir=$(ls -d "$SRC/$1"-[0-9]*/ 2>/dev/null | head -n 1 || true)
    if [ -z "$dir" ]; then
        if ! apt-get source -q "$1" >/dev/null 2>&1; then
            for v in $(apt-cache showsrc "$1" | sed -n 's/^Version: //p' | sort -ru); do
                apt-get source -q "$1=$v" >/dev/null 2>&1 && break
            done
        fi
        dir=$(ls -d "$SRC/$1"-[0-9]*/ 2>/dev/null | head -n 1 || true)
        [ -n "$dir" ] || {
            echo "windows/deps: cannot fetch the source package $1 (is there a deb-src line? make windows-deps adds one)" >&2
            exit 1
        }
    fi
    cd "$dir"
}

# license FILE...: keep the library's licence texts for the zip
license() {
    mkdir -p "$PREFIX/licenses/$NAME"
    for f in "$@"; do cp "$f" "$PREFIX/licenses/$NAME/"; done
    [ -f debian/copyright ] && cp debian/copyright "$PREFIX/licenses/$NAME/debian-copyright" || true
}

# cmake_build [ARGS...]: a CMake project, cross, static, into $PREFIX
cmake_build() {
    rm -rf build-win && mkdir build-win && cd build-win
    cmake .. -DCMAKE_TOOLCHAIN_FILE="$TOP/windows/toolchain.cmake" -DCMAKE_INSTALL_PREFIX="$PREFIX" \
        -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF "$@" >../cmake.log
    nice -n 10 make -j"$JOBS" >../make.log
    make install >/dev/null
    cd ..
}

done_() { touch "$STAMP"; echo "windows/deps: $NAME done"; }

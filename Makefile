# slacheck - see README.md. `make demo` and `make check` are all anyone needs.
PREFIX   ?= /usr/local
DESTDIR  ?=
BUILD    ?= build
CC       ?= cc
PKG_CONFIG ?= pkg-config
OPT      ?= -O2 -g
# warnings are fatal in `make check`/`make asan` (CI), not in a user's plain `make`
WERROR   ?=
PKGS      = libxml-2.0 icu-uc libpcre2-32 jansson libcmark xlsxwriter minizip freexl
# Debian packages needed to build (libcsv ships no pkg-config file: -lcsv)
DEB_BUILD = pkg-config libxml2-dev libicu-dev libcsv-dev libjansson-dev libcmark-dev \
            libxlsxwriter-dev libminizip-dev libpcre2-dev libfreexl-dev
# Debian packages the test suite and benchmarks use
DEB_TEST  = python3 valgrind time libxml2-utils groff-base python3-openpyxl cmark-gfm \
            chromium fonts-noto-cjk openjdk-17-jre-headless libreoffice-calc-nogui pre-commit git
# Peers `make bench` measures beside slacheck (bench/README.md): csvkit's
# csvclean, Miller, and daff (npm, under build/tools)
DEB_BENCH = csvkit miller
DAFF_PKG  = daff@1.4.2
# Debian packages `make fuzz` uses (libFuzzer comes with compiler-rt)
DEB_FUZZ  = clang libclang-rt-14-dev python3

# The library's folders, in pipeline order (HACKING.md draws them). Headers
# are included by their bare name: each folder is on the include path.
LIB_DIRS = src/util src/text src/definitions src/reading src/reading/readers src/checking \
           src/reports src/exports src/authoring
INCLUDES = $(LIB_DIRS:%=-I%)

CFLAGS_ALL  = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -pedantic \
              -pthread $(WERROR) $(OPT) $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null) \
              $(INCLUDES) $(CPPFLAGS) $(CFLAGS) $(SAN)
LDLIBS_ALL  = $(LDFLAGS) $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lcsv -lm -pthread $(LDLIBS)

LIB_SRC = $(foreach d,$(LIB_DIRS),$(wildcard $(d)/*.c))
CLI_SRC = $(wildcard src/cli/*.c)
# the library without the built-in checklist's tables, which the generator makes
BASE_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/builtin.o $(BUILD)/obj/templates.o
LIB_OBJ  = $(BASE_OBJ) $(BUILD)/obj/catalog_tables.o
CLI_OBJ = $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
# header dependencies come from the compiler (-MMD -MP): $(BUILD)/obj/**/*.d
DEPS    = $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
DATA    = checklists/meti-cloud-sla-2010.xml schemas/checklist.rng schemas/profile.rng
# templates/ (docs/templates.md): embedded by name, overridable with --templates
TEMPLATES = $(sort $(filter-out templates/README%,$(wildcard templates/*)))

.PHONY: deb all accuracy deps test unit test-deps bench-deps fuzz-deps fuzz-build fuzz demo check asan ubsan leakcheck bench \
        install uninstall clean format format-check

# shell completions, generated from the option table (tools/completion_gen.c)
COMPLETIONS = $(BUILD)/completion/slacheck.bash $(BUILD)/completion/_slacheck \
              $(BUILD)/completion/slacheck.fish

all: $(BUILD)/slacheck $(COMPLETIONS)

# Installs what is missing, says what; apt-get update only if install fails.
deps:
	@./tools/deps.sh $(DEB_BUILD)

# Microsoft's SARIF Multitool (npm; a self-contained binary that runs offline)
# checks the SARIF output in the tests (tests/t-sarif.sh). Installed under
# build/tools whatever BUILD is, so `make asan` finds it too.
SARIF_MULTITOOL_PKG = @microsoft/sarif-multitool@5.7.0
SARIF_MULTITOOL     = build/tools/node_modules/.bin/sarif-multitool
# The W3C Nu Html Checker (npm vnu-jar, runs on Java) judges the HTML report.
VNU_PKG = vnu-jar@26.9.27
VNU_JAR = build/tools/node_modules/vnu-jar/build/dist/vnu.jar

test-deps: deps
	@./tools/deps.sh $(DEB_TEST)
	@[ "$$(id -u)" != 0 ] || ./tools/deps.sh $(DEB_PACKAGE)
	@[ -x $(SARIF_MULTITOOL) ] || { \
	  command -v npm >/dev/null || ./tools/deps.sh npm; \
	  echo "slacheck: installing $(SARIF_MULTITOOL_PKG) under build/tools (npm)"; \
	  npm install --prefix build/tools --no-audit --no-fund --loglevel=error $(SARIF_MULTITOOL_PKG) >/dev/null && \
	  chmod u+x build/tools/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool; }
	@[ -f $(VNU_JAR) ] || { \
	  echo "slacheck: installing $(VNU_PKG) under build/tools (npm)"; \
	  npm install --prefix build/tools --no-audit --no-fund --loglevel=error $(VNU_PKG) >/dev/null; }

$(BUILD)/obj/%.o: src/%.c | $(BUILD)/obj/cli
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

-include $(DEPS)

$(BUILD)/obj/cli:
	mkdir -p $@ $(BUILD)/gen

$(BUILD)/embed: tools/embed.c | $(BUILD)/obj/cli
	$(CC) -O1 -o $@ $<

$(BUILD)/gen/builtin.c: $(BUILD)/embed $(DATA)
	$(BUILD)/embed $@ slc_builtin_checklist_rng schemas/checklist.rng slc_builtin_profile_rng schemas/profile.rng

$(BUILD)/obj/builtin.o: $(BUILD)/gen/builtin.c
	$(CC) $(CFLAGS_ALL) -MMD -MP -Wno-overlength-strings -c -o $@ $<

$(BUILD)/gen/templates.c: $(BUILD)/embed $(TEMPLATES)
	$(BUILD)/embed --table slc_templates_builtin $@ $(TEMPLATES)

$(BUILD)/obj/templates.o: $(BUILD)/gen/templates.c
	$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

# The built-in checklist, compiled to C tables so start-up parses no XML:
# the generator loads the XML as a --checklist file (schema and all checks).
$(BUILD)/catalog-gen: tools/catalog_gen.c tools/catalog_emit.c tools/catalog_emit.h $(BASE_OBJ)
	$(CC) $(CFLAGS_ALL) -Itools -o $@ tools/catalog_gen.c tools/catalog_emit.c $(BASE_OBJ) $(LDLIBS_ALL)

$(BUILD)/gen/catalog_tables.c: $(BUILD)/catalog-gen checklists/meti-cloud-sla-2010.xml
	$(BUILD)/catalog-gen $@ checklists/meti-cloud-sla-2010.xml

$(BUILD)/obj/catalog_tables.o: $(BUILD)/gen/catalog_tables.c
	$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

# tests/t-catalog-tables.sh: the compiled-in tables against the XML
$(BUILD)/catalog-check: tests/catalog_tables.c tools/catalog_emit.c tools/catalog_emit.h $(BUILD)/libslacheck.a
	$(CC) $(CFLAGS_ALL) -Itools -o $@ tests/catalog_tables.c tools/catalog_emit.c \
	    $(BUILD)/libslacheck.a $(LDLIBS_ALL)

# tests/t-compare-basis.sh: comparison and profile on facts of a set basis
$(BUILD)/compare-basis: tests/compare_basis.c $(BUILD)/libslacheck.a
	$(CC) $(CFLAGS_ALL) -o $@ tests/compare_basis.c $(BUILD)/libslacheck.a $(LDLIBS_ALL)

# C unit tests (tests/unit/test_*.c, HACKING.md): tables of input ->
# expected linked against the library; tests/run.sh runs each one built
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%)

$(BUILD)/unit/%: tests/unit/%.c tests/unit/unit.h $(BUILD)/libslacheck.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(BUILD)/libslacheck.a $(LDLIBS_ALL)

$(BUILD)/libslacheck.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/slacheck: $(CLI_OBJ) $(BUILD)/libslacheck.a
	$(CC) $(CFLAGS_ALL) -o $@ $(CLI_OBJ) $(BUILD)/libslacheck.a $(LDLIBS_ALL)

$(BUILD)/completion-gen: tools/completion_gen.c $(filter-out %/main.o,$(CLI_OBJ)) $(BUILD)/libslacheck.a
	$(CC) $(CFLAGS_ALL) -Isrc/cli -o $@ $< $(filter-out %/main.o,$(CLI_OBJ)) $(BUILD)/libslacheck.a $(LDLIBS_ALL)

$(BUILD)/completion/slacheck.bash: $(BUILD)/completion-gen
	@mkdir -p $(@D)
	$(BUILD)/completion-gen bash >$@.tmp && mv $@.tmp $@ || { rm -f $@.tmp; exit 1; }

$(BUILD)/completion/_slacheck: $(BUILD)/completion-gen
	@mkdir -p $(@D)
	$(BUILD)/completion-gen zsh >$@.tmp && mv $@.tmp $@ || { rm -f $@.tmp; exit 1; }

$(BUILD)/completion/slacheck.fish: $(BUILD)/completion-gen
	@mkdir -p $(@D)
	$(BUILD)/completion-gen fish >$@.tmp && mv $@.tmp $@ || { rm -f $@.tmp; exit 1; }

demo: deps
	@$(MAKE) --no-print-directory all
	./$(BUILD)/slacheck validate examples/active-gate-ss.tsv examples/qlingo.tsv; \
	  echo "(exit status $$? - 1 means findings at error level)"
	./$(BUILD)/slacheck convert examples/qlingo.tsv -o $(BUILD)/qlingo.json
	@echo "wrote $(BUILD)/qlingo.json"
	@mkdir -p $(BUILD)/reports
	@for f in xlsx html md; do \
	  ./$(BUILD)/slacheck export --profile examples/profiles/personal-data-strict.xml \
	    examples/active-gate-ss.tsv examples/qlingo.tsv -o $(BUILD)/reports/comparison.$$f || exit 1; \
	  echo "wrote $(BUILD)/reports/comparison.$$f"; \
	done

# How well facts are read on the real sentences of tests/corpus (or
# CORPUS=DIR): figures for the tuning and held-out parts. Measures, never fails.
CORPUS ?= tests/corpus
accuracy: all
	@python3 tests/accuracy.py --slacheck $(BUILD)/slacheck --corpus $(CORPUS)

# What the suite runs, built in BUILD
TEST_BIN = all $(BUILD)/catalog-check $(BUILD)/compare-basis $(UNIT_BIN)
# The ASan + UBSan build: in build-asan, warnings fatal. -g1 (line tables)
# is all a sanitizer's stack trace needs, and compiles faster than -g.
ASAN_BUILD = BUILD=build-asan WERROR=-Werror OPT="-O1 -g1 -fno-omit-frame-pointer" \
             SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
# Builds run on every processor unless make was given -j (its jobserver is
# passed on to the sub-makes as it is)
NPROC := $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
PAR    = $(if $(findstring jobserver,$(MAKEFLAGS)),,-j$(NPROC))

# The suite, then the same suite on an ASan + UBSan build (CI runs this).
# Warnings are fatal here (WERROR), not in a plain `make`. Both builds are
# made first, side by side, so that no processor waits on one compiler.
check: test-deps
	@$(MAKE) --no-print-directory $(PAR) check-build-normal check-build-asan
	@$(MAKE) --no-print-directory WERROR=-Werror test
	@echo "slacheck: the same tests under AddressSanitizer + UndefinedBehaviorSanitizer"
	@$(MAKE) --no-print-directory SLC_OUTSIDE_READERS=0 asan

.PHONY: check-build-normal check-build-asan
check-build-normal:
	@$(MAKE) --no-print-directory WERROR=-Werror $(TEST_BIN)
check-build-asan:
	@$(MAKE) --no-print-directory $(ASAN_BUILD) $(subst $(BUILD)/,build-asan/,$(TEST_BIN))

# The suite alone, on the normal build.
test: test-deps
	@$(MAKE) --no-print-directory $(PAR) $(TEST_BIN)
	@BUILD=$(BUILD) ./tests/run.sh

# The C unit tests alone: seconds, for whoever changes decoding, rows or aligning
unit:
	@$(MAKE) --no-print-directory $(PAR) all $(UNIT_BIN)
	@BUILD=$(BUILD) UNIT_ONLY=1 ./tests/run.sh

# Same tests on a build with AddressSanitizer + UndefinedBehaviorSanitizer.
# After the normal pass (make check) the outside readers (LibreOffice, the
# Nu checker, Chromium, the SARIF Multitool) are left out: they read the same
# bytes there (tests/lib.sh, outside_reader). `make asan` alone runs them.
SLC_OUTSIDE_READERS ?= 1
asan: test-deps
	@$(MAKE) --no-print-directory $(PAR) $(ASAN_BUILD) $(subst $(BUILD)/,build-asan/,$(TEST_BIN))
	@BUILD=build-asan ASAN_OPTIONS=detect_leaks=1 SLC_OUTSIDE_READERS=$(SLC_OUTSIDE_READERS) ./tests/run.sh

ubsan: asan

# The case tests under valgrind: any leak or memory error fails them. Valgrind
# cannot follow PCRE2's JIT code (false "uninitialised" reports): no JIT here.
leakcheck: test-deps
	@$(MAKE) --no-print-directory $(PAR) $(TEST_BIN)
	@BUILD=$(BUILD) SLACHECK_NO_JIT=1 SLC_WRAP="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99" ./tests/run.sh

bench-deps: test-deps
	@./tools/deps.sh $(DEB_BENCH)
	@[ -x build/tools/node_modules/.bin/daff ] || { \
	  echo "slacheck: installing $(DAFF_PKG) under build/tools (npm)"; \
	  npm install --prefix build/tools --no-audit --no-fund --loglevel=error $(DAFF_PKG) >/dev/null; }

bench: bench-deps
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) ./bench/run.sh

# libFuzzer harnesses (fuzz/README.md) with ASan+UBSan, built in FUZZ_BUILD:
# `make fuzz FUZZ_S=600` runs each for 600 seconds from a corpus of the
# examples, the test fixtures and a sample of the bench corpus if built.
FUZZ_S       ?= 60
FUZZ_LEN     ?= 65536
FUZZ_BUILD   ?= build-fuzz
FUZZ_CC      ?= clang
FUZZ_TARGETS ?= load facts authoring xlsx html xls output

fuzz-deps: deps
	@./tools/deps.sh $(DEB_FUZZ)

fuzz-build: fuzz-deps
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) WERROR= \
	  OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
	  $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

$(BUILD)/fuzz_%: fuzz/fuzz_%.c fuzz/common.h $(BUILD)/libslacheck.a
	$(CC) $(CFLAGS_ALL) -fsanitize=fuzzer -o $@ $< $(BUILD)/libslacheck.a $(LDLIBS_ALL)

fuzz: fuzz-build
	@FUZZ_S=$(FUZZ_S) FUZZ_LEN=$(FUZZ_LEN) FUZZ_BUILD=$(FUZZ_BUILD) \
	  BENCH_FILES=$(BUILD)/bench/corpus/files ./fuzz/run.sh $(FUZZ_TARGETS)

# Documentation installed beside the program: the docs, the example answers,
# profiles and CI set-ups (DOCDIR), and the file formats' man pages (section 5)
DOCDIR ?= $(PREFIX)/share/doc/slacheck
DOCS    = README.md CHANGELOG.md LICENSE $(wildcard docs/*.md)
MAN5    = man/slacheck-checklist.5 man/slacheck-profile.5

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/slacheck/checklists $(DESTDIR)$(PREFIX)/share/slacheck/schemas
	install -m 755 $(BUILD)/slacheck $(DESTDIR)$(PREFIX)/bin/slacheck
	install -m 644 man/slacheck.1 $(DESTDIR)$(PREFIX)/share/man/man1/slacheck.1
	install -m 644 checklists/*.xml $(DESTDIR)$(PREFIX)/share/slacheck/checklists/
	install -m 644 schemas/*.rng $(DESTDIR)$(PREFIX)/share/slacheck/schemas/
	install -D -m 644 $(BUILD)/completion/slacheck.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/slacheck
	install -D -m 644 $(BUILD)/completion/_slacheck $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_slacheck
	install -D -m 644 $(BUILD)/completion/slacheck.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/slacheck.fish
	install -d $(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(DOCDIR)/examples/profiles \
	  $(DESTDIR)$(DOCDIR)/examples/ci
	install -m 644 $(MAN5) $(DESTDIR)$(PREFIX)/share/man/man5/
	install -m 644 $(DOCS) $(DESTDIR)$(DOCDIR)/
	install -m 644 examples/*.tsv $(DESTDIR)$(DOCDIR)/examples/
	install -m 644 examples/profiles/*.xml $(DESTDIR)$(DOCDIR)/examples/profiles/
	install -m 644 examples/ci/slacheck.yml examples/ci/.gitlab-ci.yml .pre-commit-hooks.yaml \
	  $(DESTDIR)$(DOCDIR)/examples/ci/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/slacheck $(DESTDIR)$(PREFIX)/share/man/man1/slacheck.1
	rm -rf $(DESTDIR)$(PREFIX)/share/slacheck
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/slacheck \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_slacheck \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/slacheck.fish
	rm -f $(MAN5:man/%=$(DESTDIR)$(PREFIX)/share/man/man5/%)
	rm -rf $(DESTDIR)$(DOCDIR)

# A Debian package from debian/ (dpkg-buildpackage -b on a copy of the tree
# in $(BUILD)/deb/src, so nothing is written outside $(BUILD)): the .deb,
# .buildinfo and .changes in $(BUILD)/deb/, lintian's verdict in
# $(BUILD)/deb/lintian.txt (an error tag fails the target; the package is
# lintian clean, --pedantic included).
DEB_PACKAGE = dpkg-dev debhelper fakeroot lintian
deb:
	@./tools/deps.sh $(DEB_PACKAGE) $(DEB_BUILD)
	rm -rf $(BUILD)/deb && mkdir -p $(BUILD)/deb/src
	@if git rev-parse --git-dir >/dev/null 2>&1; then \
	  git ls-files -z -co --exclude-standard | grep -zv '^build' | \
	    tar --null --ignore-failed-read -T - -cf - 2>/dev/null; \
	else tar --exclude='./build*' -cf - .; fi | tar -xf - -C $(BUILD)/deb/src
	cd $(BUILD)/deb/src && dpkg-buildpackage -b -us -uc -j2 >../build.log 2>&1 || \
	  { tail -30 ../build.log; echo "slacheck: dpkg-buildpackage failed: $(BUILD)/deb/build.log"; exit 1; }
	rm -rf $(BUILD)/deb/src
	@ls $(BUILD)/deb/*.deb
	@echo "lintian $(BUILD)/deb/*.changes"; \
	  lintian --fail-on error --info $(BUILD)/deb/*.changes >$(BUILD)/deb/lintian.txt 2>&1; rc=$$?; \
	  cat $(BUILD)/deb/lintian.txt; exit $$rc

# The C sources in the style of .clang-format (clang-format, Debian
# clang-format); format-check fails, naming the files, if one would change.
CLANG_FORMAT ?= clang-format
FORMAT_SRC = $(LIB_SRC) $(CLI_SRC) $(foreach d,$(LIB_DIRS) src/cli,$(wildcard $(d)/*.h)) \
             $(wildcard tools/*.[ch] fuzz/*.[ch] tests/*.c tests/unit/*.[ch])

format:
	$(CLANG_FORMAT) -i --style=file $(FORMAT_SRC)

format-check:
	@bad=0; for f in $(FORMAT_SRC); do \
	  $(CLANG_FORMAT) --style=file "$$f" | cmp -s "$$f" - || { echo "not formatted: $$f"; bad=1; }; \
	done; exit $$bad

clean:
	rm -rf build build-asan build-fuzz

# ---- Windows: slacheck.exe, cross-built with MinGW-w64 (windows/README.md) ----
# The libraries come from Debian's source packages, built static by the
# recipes in windows/deps/ into $(WIN)/prefix (reused when there). The
# build tools (embed, catalog-gen) run here: the generated C comes from the
# native build in $(BUILD).
WIN         ?= build-win
WIN_CC       = x86_64-w64-mingw32-gcc-posix
WIN_CXX      = x86_64-w64-mingw32-g++-posix
WIN_WINDRES  = x86_64-w64-mingw32-windres
WIN_PREFIX   = $(WIN)/prefix
WIN_DEPS     = zlib libcsv jansson cmark pcre2 libxlsxwriter freexl icu libxml2
DEB_WINDOWS  = mingw-w64 cmake make autoconf automake libtool pkg-config icu-devtools dpkg-dev zip python3
DEB_WINE     = wine wine64
WIN_CFLAGS   = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -D__USE_MINGW_ANSI_STDIO=1 \
               -Wall -Wextra -pedantic $(WERROR) -O2 -DU_STATIC_IMPLEMENTATION -DU_DISABLE_RENAMING=1 -DPCRE2_STATIC \
               -DLIBXML_STATIC -DCMARK_STATIC_DEFINE -DCMARK_NO_DEPRECATED \
               -I$(WIN_PREFIX)/include -I$(WIN_PREFIX)/include/libxml2 $(INCLUDES)
WIN_LIBS     = -L$(WIN_PREFIX)/lib -lxlsxwriter -lminizip -lxml2 -lcmark -ljansson -lpcre2-32 \
               -lfreexl -liconv -lcsv -licuuc -licudata -lz -lm -lshell32 -luser32 -lbcrypt -lws2_32
# the C the native build generates (embedded data, the checklist's tables)
WIN_GEN      = builtin templates catalog_tables
WIN_OBJ      = $(LIB_SRC:src/%.c=$(WIN)/obj/%.o) $(CLI_SRC:src/%.c=$(WIN)/obj/%.o) \
               $(WIN_GEN:%=$(WIN)/obj/gen/%.o) $(WIN)/obj/slacheck-rc.o

.PHONY: windows windows-deps dist-windows check-windows

windows-deps:
	@./tools/deps.sh $(DEB_WINDOWS)
	@./windows/sources.sh
	@for d in $(WIN_DEPS); do WIN=$(abspath $(WIN)) ./windows/deps/$$d.sh || exit 1; done

windows: windows-deps
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory $(WIN_GEN:%=$(BUILD)/gen/%.c)
	@$(MAKE) --no-print-directory $(WIN)/slacheck.exe

$(WIN)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(WIN_CC) $(WIN_CFLAGS) -MMD -MP -c -o $@ $<

$(WIN)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(@D)
	$(WIN_CC) $(WIN_CFLAGS) -Wno-overlength-strings -c -o $@ $<

$(WIN)/obj/slacheck-rc.o: windows/slacheck.rc windows/slacheck.manifest
	@mkdir -p $(@D)
	cd windows && $(WIN_WINDRES) -O coff -o $(abspath $@) slacheck.rc

-include $(WIN_OBJ:.o=.d)

# static, one file: the C++ runtime (ICU) and winpthreads linked in
$(WIN)/slacheck.exe: $(WIN_OBJ)
	$(WIN_CXX) -static -s -o $@ $(WIN_OBJ) $(WIN_LIBS) -pthread

# The suite against slacheck.exe under Wine (windows/check.sh), beside the
# Linux build whose outputs tests/t-windows.sh compares byte for byte.
check-windows: windows test-deps
	@./tools/deps.sh $(DEB_WINE)
	@$(MAKE) --no-print-directory all
	@WIN=$(WIN) ./windows/check.sh

# The zip for Windows users: the exe, a README in Japanese and English, the
# examples and profiles, the licences of every library linked in.
WIN_DIST = $(WIN)/slacheck-windows-x86_64
dist-windows: windows
	rm -rf $(WIN_DIST) $(WIN_DIST).zip
	mkdir -p $(WIN_DIST)/examples/profiles $(WIN_DIST)/licenses
	cp $(WIN)/slacheck.exe $(WIN_DIST)/
	sed 's/$$/\r/' windows/README.txt >$(WIN_DIST)/README.txt # CRLF: Notepad
	cp LICENSE $(WIN_DIST)/LICENSE.txt
	cp examples/*.tsv $(WIN_DIST)/examples/
	cp examples/profiles/*.xml $(WIN_DIST)/examples/profiles/
	cp -r $(WIN_PREFIX)/licenses/. $(WIN_DIST)/licenses/
	cp /usr/share/doc/mingw-w64-x86-64-dev/copyright $(WIN_DIST)/licenses/mingw-w64-runtime-and-winpthreads.txt
	cp /usr/share/doc/gcc-mingw-w64-base/copyright $(WIN_DIST)/licenses/gcc-runtime-libstdc++.txt
	cd $(WIN) && zip -qr -X $(notdir $(WIN_DIST)).zip $(notdir $(WIN_DIST))
	@echo "wrote $(WIN_DIST).zip"

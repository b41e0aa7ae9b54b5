#!/bin/sh
# t-readme-examples.sh - the README's examples work today.
#
# Reads the ```sh blocks of README.md:
#   - `make ...` lines are the quick start: they must be exactly `make demo`
#     and `make check` (they are not run here; `make check` runs this test);
#   - every line starting with ./build/slacheck is run from the repository
#     root with ./build/slacheck replaced by $SLACHECK and /tmp/ by a
#     private temporary directory; it must exit 0 or 1 (1 = findings) and
#     must not print "unknown option";
#   - a ```text block right after a ```sh block holding one command is that
#     command's expected standard output, compared exactly;
#   - any other command line in a ```sh block is an error (it would be an
#     example nobody tests); so is an -o path outside /tmp.
# Environment: SLACHECK (command to run slacheck), ROOT (repository root).
set -u
ROOT=${ROOT:-$(pwd)}
SLACHECK=${SLACHECK:-$ROOT/build/slacheck}
export SLACHECK
README=$ROOT/README.md
W=$(mktemp -d) || exit 2
trap 'rm -rf "$W"' EXIT
fail=0
# the README shows English output
LANG=C.UTF-8
LC_ALL=
LC_MESSAGES=
export LANG LC_ALL LC_MESSAGES

bad() {
    echo "FAIL: $*"
    fail=1
}

[ -f "$README" ] || { echo "FAIL: no $README"; exit 1; }

# sh.lines: "BLOCK<TAB>line" for each line of each ```sh block;
# expect.BLOCK: the ```text block that directly follows sh block BLOCK.
awk -v dir="$W" '
    /^```/ {
        if (!inblock) {
            inblock = 1; n++; lang = substr($0, 4); out = ""
            if (lang == "sh") shn = n
            else if (lang == "text" && after_sh) { out = dir "/expect." after_sh; printf "" > out }
            after_sh = 0
        } else {
            inblock = 0
            if (lang == "sh") after_sh = shn
            if (out != "") close(out)
        }
        next
    }
    inblock && lang == "sh" { print shn "\t" $0 > (dir "/sh.lines"); next }
    inblock && out != "" { print > out; next }
    inblock { next }
    /^[ \t]*$/ { next }
    { after_sh = 0 }
' "$README"
[ -f "$W/sh.lines" ] || { echo "FAIL: README.md has no \`\`\`sh blocks"; exit 1; }

# the quick start
sed -n 's/^[0-9]*	\(make[^#]*\).*/\1/p' "$W/sh.lines" | sed 's/ *$//' | sort >"$W/make.lines"
printf 'make check\nmake demo\n' >"$W/make.want"
cmp -s "$W/make.lines" "$W/make.want" ||
    bad "the README's make commands should be exactly 'make demo' and 'make check'; found: $(tr '\n' ';' <"$W/make.lines")"

ran=0
i=0
while IFS='	' read -r block line; do
    i=$((i + 1))
    case "$line" in
        "" | "#"* | make | "make "*) continue ;;
        ./build/slacheck | "./build/slacheck "*) ;;
        *)
            bad "README sh block has a command this test does not run: $line"
            continue
            ;;
    esac
    # outputs must go to /tmp (rewritten below), never into the repository
    outside=0
    for arg in $(printf '%s\n' "$line" | awk '{
            for (k = 1; k <= NF; k++)
                if ($k == "-o" || $k == "--output") print $(k + 1)
                else if ($k ~ /^--output=/) print substr($k, 10)
                else if ($k ~ /^-o./) print substr($k, 3)
        }'); do
        case "$arg" in
            /tmp/* | -) ;;
            *) outside=1 ;;
        esac
    done
    if [ $outside = 1 ]; then
        bad "README example writes outside /tmp (not run): $line"
        continue
    fi
    cmd=$(printf '%s\n' "$line" | sed "s#^\./build/slacheck#\$SLACHECK#; s#/tmp/#$W/#g")
    (cd "$ROOT" && eval "$cmd") >"$W/out.$i" 2>"$W/err.$i"
    status=$?
    ran=$((ran + 1))
    case $status in
        0 | 1) ;;
        *)
            bad "exit $status: $line"
            sed 's/^/    /' "$W/err.$i" | head -5
            ;;
    esac
    if grep -qi -e 'unknown option' -e '不明なオプション' "$W/out.$i" "$W/err.$i"; then
        bad "unknown option: $line"
        sed 's/^/    /' "$W/err.$i" | head -3
    fi
    ncmds=$(grep -c "^$block	\./build/slacheck" "$W/sh.lines")
    if [ -f "$W/expect.$block" ] && [ "$ncmds" = 1 ]; then
        if ! cmp -s "$W/expect.$block" "$W/out.$i"; then
            bad "output shown in the README differs (< README, > actual): $line"
            diff "$W/expect.$block" "$W/out.$i" | grep '^[<>]' | head -10
        fi
    fi
done <"$W/sh.lines"

[ "$ran" -ge 5 ] || bad "only $ran ./build/slacheck examples found in README.md"
[ $fail = 0 ] && echo "$ran README examples ran"
exit $fail

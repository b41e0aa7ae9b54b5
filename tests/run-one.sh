#!/bin/sh
# run-one.sh KIND PATH RESULTS - runs one test for run.sh (which runs many
# of these at once) and writes RESULTS/NAME: a first line "pass", "fail" or
# "skip", then what to print (the failure's details, the skip's reason).
# KIND is "case" (a directory tests/cases/NAME/), "script" (tests/t-NAME.sh)
# or "unit" (a C unit test, $BUILD/unit/test_NAME, run as unit-NAME).
set -u
kind=$1 path=$2 results=$3
TMP=$(mktemp -d)
export TMP
start=$(date +%s%N)
if [ "$kind" = case ]; then
    dir=$path
    name=$(basename "$dir")
    expected_exit=0
    [ -f "$dir/exit" ] && expected_exit=$(cat "$dir/exit")
    sh -c "$(cat "$dir/cmd")" >"$TMP/.out" 2>"$TMP/.err"
    status=$?
    ok=1
    why=""
    if [ "$status" != "$expected_exit" ]; then
        ok=0
        why="exit $status, expected $expected_exit"
    fi
    if [ -f "$dir/stdout" ] && ! cmp -s "$dir/stdout" "$TMP/.out"; then
        ok=0
        why="$why; stdout differs: $(diff "$dir/stdout" "$TMP/.out" | head -5)"
    fi
    for kind in stdout-contains stderr-contains stdout-lacks; do
        [ -f "$dir/$kind" ] || continue
        src="$TMP/.out"
        [ "$kind" = stderr-contains ] && src="$TMP/.err"
        while IFS= read -r line || [ -n "$line" ]; do
            [ -z "$line" ] && continue
            if [ "$kind" = stdout-lacks ]; then
                grep -qF -- "$line" "$src" && { ok=0; why="$why; stdout has: $line"; }
            else
                grep -qF -- "$line" "$src" || { ok=0; why="$why; $kind missing: $line"; }
            fi
        done <"$dir/$kind"
    done
    if [ "$ok" = 1 ]; then
        echo pass >"$results/$name"
    else
        printf 'fail\nFAIL case %s: %s\n%s\n' "$name" "$why" \
            "$(sed 's/^/  stderr: /' "$TMP/.err" | head -5)" >"$results/$name"
    fi
elif [ "$kind" = unit ]; then
    name=unit-${path##*/test_}
    ${SLC_WRAP:+$SLC_WRAP} "$path" >"$TMP/.log" 2>&1
    if [ $? = 0 ]; then
        echo pass >"$results/$name"
    else
        printf 'fail\nFAIL %s\n%s\n' "$name" "$(sed 's/^/  /' "$TMP/.log" | tail -15)" >"$results/$name"
    fi
else
    name=$(basename "$path" .sh)
    sh "$path" >"$TMP/.log" 2>&1
    status=$?
    if [ "$status" = 0 ]; then
        echo pass >"$results/$name"
    elif [ "$status" = 78 ] && grep -q '^LEFT: ' "$TMP/.log"; then
        printf 'left\n' >"$results/$name"
    elif [ "$status" = 77 ]; then
        printf 'skip\nSKIP %s: %s\n' "$name" \
            "$(sed -n 's/^SKIP: //p' "$TMP/.log" | tail -1)" >"$results/$name"
    else
        printf 'fail\nFAIL %s\n%s\n' "$name" "$(sed 's/^/  /' "$TMP/.log" | tail -15)" >"$results/$name"
    fi
fi
# its wall time and the CPU time (user + system) of everything it ran, both
# in ms, for run.sh's list of the slowest (TIMES=1). `times` runs in this
# shell (not a pipe's subshell), whose children are the test.
wall=$((($(date +%s%N) - start) / 1000000))
times >"$TMP/.cpu"
cpu=$(awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/)
    printf "%d", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }' "$TMP/.cpu")
printf '%s %s %s\n' "$wall" "${cpu:-0}" "$name" >>"$results/.times"
rm -rf "$TMP"

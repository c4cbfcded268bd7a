#!/usr/bin/env bash
# The README test command's stages after the normal build and suite (CI runs
# them through .ci/run; a developer may run this alone):
#
# 1. build-asan: everything — the lab, the app, the capture helper, the
#    tests — built with -fsanitize=address,undefined (-DSOCKETLAB_SANITIZE=ON,
#    g++, Debug), then the whole ctest suite. The tests start build-asan's own
#    socketlab and socketlab-capture, so those run sanitized too; every test
#    and every program it starts inherits the options below: stop at the
#    first report, leak checking on (measured: no leak report from Qt,
#    fontconfig or the lab in the whole suite, so no suppression file).
# 2. build-fuzz: clang++ (libFuzzer), only the teaching core and fuzz/
#    (-DSOCKETLAB_FUZZ=ON); ctest writes the seed corpus (tst_fuzzseeds) and
#    runs each fuzz target for $SOCKETLAB_FUZZ_SECONDS (default 60) seconds.
#    A crash, a sanitizer report or a failed check fails it; the input is
#    kept in build-fuzz/fuzz/artifacts/.
#
# Prints each step's wall time. Builds use CMAKE_BUILD_PARALLEL_LEVEL when set.
set -euo pipefail
cd "$(dirname "$0")/.."

step() {
    local name=$1 start=$SECONDS
    shift
    echo "== $name"
    "$@"
    echo "== $name: $((SECONDS - start)) s"
}

step "sanitizers: configure build-asan" \
    cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSOCKETLAB_SANITIZE=ON
step "sanitizers: build" cmake --build build-asan
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
step "sanitizers: ctest" \
    env QT_QPA_PLATFORM=offscreen ctest --test-dir build-asan --output-on-failure -j2
unset ASAN_OPTIONS UBSAN_OPTIONS # build-fuzz's tests set their own

step "fuzzing: configure build-fuzz" \
    cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DSOCKETLAB_FUZZ=ON \
    -DSOCKETLAB_FUZZ_SECONDS="${SOCKETLAB_FUZZ_SECONDS:-60}"
step "fuzzing: build" cmake --build build-fuzz
step "fuzzing: seeds and bounded run" ctest --test-dir build-fuzz --output-on-failure -j2
for log in build-fuzz/fuzz/fuzz_*.log; do
    awk -v t="$(basename "$log" .log)" '/^stat::number_of_executed_units/ {n = $2}
        /^stat::average_exec_per_sec/ {r = $2} /^stat::peak_rss_mb/ {m = $2}
        END {printf "%s: %s inputs, %s/s, peak %s MB, no crash\n", t, n, r, m}' "$log"
done

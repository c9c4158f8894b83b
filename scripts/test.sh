#!/usr/bin/env bash
# Builds Fission Desk and runs every test: the GCC release build (warnings are errors) of the
# shipped binaries and the .deb package, then one Clang ASan+UBSan build that runs the whole
# ctest suite and the fuzzers. The suite runs once, under the sanitizers, because that run
# catches strictly more and CI time is better spent there than on a second pass.
# FD_SKIP_ASAN=1 (quick local runs) skips the sanitizer stage and runs the suite in the release
# build instead.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
jobs=${FD_JOBS:-$(nproc)}

"$here/scripts/install-deps.sh"
export FD_TOOLS_DIR="$here/build/tools"

stage() { printf '\n=== %s (%s)\n' "$1" "$(date +%T)"; }

release_tests=OFF
if [ "${FD_SKIP_ASAN:-0}" = 1 ]; then release_tests=ON; fi

stage "build"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWITH_WERROR=ON -DWITH_TESTS="$release_tests"
cmake --build build/release -j"$jobs"

if [ "$release_tests" = ON ]; then
  stage "tests"
  ctest --test-dir build/release -j"$jobs" --output-on-failure --timeout 300
fi

stage "package"
(cd build/release && cpack -G DEB >/dev/null && ls -1 ./*.deb)

if [ "${FD_SKIP_ASAN:-0}" != 1 ]; then
  # One Clang build serves both: the whole suite under ASan+UBSan, and the libFuzzer targets
  # (ctest label "fuzz", each run for a bounded time on its seed corpus).
  stage "sanitizer build (Clang, ASan+UBSan, fuzzers)"
  CC=clang CXX=clang++ cmake -S . -B build/asan-clang -G Ninja -DCMAKE_BUILD_TYPE=Debug -DWITH_ASAN=ON \
    -DWITH_FUZZERS=ON -DWITH_WERROR=ON -DWITH_BENCH=OFF
  cmake --build build/asan-clang -j"$jobs"
  stage "tests and fuzzers under ASan+UBSan"
  ctest --test-dir build/asan-clang -j"$jobs" --output-on-failure --timeout 600
fi

stage "done"

#!/usr/bin/env bash
# Builds Fission Desk and runs every test: the GCC release build (warnings are errors) of the
# shipped binaries and the .deb package (Release: packages ship without debug info), then one
# Clang ASan+UBSan build that runs the whole ctest suite and the fuzzers. The suite runs once,
# under the sanitizers, because that run catches strictly more and CI time is better spent
# there than on a second pass.
# FD_SKIP_ASAN=1 (quick local runs) skips the sanitizer stage and runs the suite in the release
# build instead.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
jobs=${FD_JOBS:-$(nproc)}
# The builds run one compiler more than there are cores: at -j2 on 2 cores each compile's file
# reads and writes left a core idle now and then (the sanitizer build from scratch took 489 s at
# -j2 and 420 s with more jobs than cores).
build_jobs=$((jobs + 1))

# Each stage's start is printed, and a summary of the durations at the end (CI shows the tail).
started=$(date +%s)
last=$started
summary=""
stage() {
  local now
  now=$(date +%s)
  if [ -n "${current:-}" ]; then summary+=$(printf '\n  %-50s %4ds' "$current" $((now - last))); fi
  current=$1
  last=$now
  printf '\n=== %s (%s)\n' "$1" "$(date +%T)"
}
print_summary() {
  local status=$?
  stage "end (exit $status)"
  printf 'Stage durations:%s\n  %-50s %4ds\n' "$summary" "total" $(($(date +%s) - started))
}
trap print_summary EXIT

stage "dependencies"
"$here/scripts/install-deps.sh"
export FD_TOOLS_DIR="$here/build/tools"

release_tests=OFF
if [ "${FD_SKIP_ASAN:-0}" = 1 ]; then release_tests=ON; fi

stage "build"
# Both builds compile each library in batches (WITH_UNITY_BUILD, cmake/FdBuildSpeed.cmake): every
# build here starts from scratch, and the release build takes a sixth less time that way.
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DWITH_WERROR=ON -DWITH_UNITY_BUILD=ON -DWITH_TESTS="$release_tests"
cmake --build build/release -j"$build_jobs"

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
  # Line tables (-g1) are all a sanitizer report needs for file:line stacks. The libraries under
  # test get -O1 (what the sanitizers' authors recommend: the emulator and the engine run much
  # faster than at -O0) and precompiled Qt headers (cmake/FdBuildSpeed.cmake); the hundred-odd
  # test sources, each compiled once and mostly waiting on the emulator, get -O0 (2.5× faster to
  # compile, FD_TEST_CXX_FLAGS). lld links the test executables several times faster than ld.bfd.
  CC=clang CXX=clang++ cmake -S . -B build/asan-clang -G Ninja -DCMAKE_BUILD_TYPE=Debug -DWITH_ASAN=ON \
    -DWITH_UNITY_BUILD=ON -DWITH_FUZZERS=ON -DWITH_WERROR=ON -DWITH_BENCH=OFF -DWITH_PCH=ON "-DCMAKE_CXX_FLAGS_DEBUG=-g1 -O1" \
    -DFD_TEST_CXX_FLAGS=-O0 -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld
  cmake --build build/asan-clang -j"$build_jobs"
  stage "tests and fuzzers under ASan+UBSan"
  # One more test than cores: at -j2 the suite kept the two cores only 58% busy (much of it waits
  # on the emulator's timers and on the network), measured on a 2-core machine.
  ctest --test-dir build/asan-clang -j"$((jobs + 1))" --output-on-failure --timeout 600
fi

stage "done"
